"""Writes N confirmed digest subscriptions with mixed preferences as CSV, for bench/digest.sh.

Usage: digest_subscribers.py N HF_DAILY_DIR ARXIV_JSONL OUT.csv

Topics come from the real data, read at run time: keywords are drawn from the 300 most frequent
`ai_keywords` of the Hugging Face archive (weighted by frequency), categories from the categories
of the arXiv cs file (weighted likewise), so that topics match about as often as a reader's would.
Fixed seed: every run writes the same file. Keywords are joined with "|" (the loader turns that
into the line breaks the table keeps them with).

Columns: email, cadence, weekday, delivery_hour, time_zone, paper_count, categories, keywords,
min_upvotes, personal (the "upvoted" order when true, else "trending"), hours_since_last (empty: never sent).
"""

import collections
import csv
import glob
import json
import os
import random
import sys


def keyword_pool(hf_dir):
    counts = collections.Counter()
    for name in glob.glob(os.path.join(hf_dir, "*.json")):
        with open(name, "rb") as f:
            for entry in json.load(f):
                for keyword in entry.get("paper", {}).get("ai_keywords") or []:
                    keyword = " ".join(keyword.split())
                    if 0 < len(keyword) <= 60 and "|" not in keyword and '"' not in keyword:
                        counts[keyword.lower()] += 1
    return counts.most_common(300)


def category_pool(jsonl):
    counts = collections.Counter()
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            for category in json.loads(line).get("categories", "").split():
                counts[category] += 1
    return counts.most_common(60)


def weighted(rng, pool, k):
    names = [name for name, _ in pool]
    weights = [count for _, count in pool]
    chosen = []
    while len(chosen) < k:
        name = rng.choices(names, weights)[0]
        if name not in chosen:
            chosen.append(name)
    return chosen


ZONES = ["UTC", "Europe/Paris", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Tokyo",
         "Asia/Shanghai", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo"]


def main():
    n, hf_dir, jsonl, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    rng = random.Random(20261128)
    keywords = keyword_pool(hf_dir)
    categories = category_pool(jsonl)
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["email", "cadence", "weekday", "delivery_hour", "time_zone", "paper_count", "categories",
                         "keywords", "min_upvotes", "personal", "hours_since_last"])
        for i in range(1, n + 1):
            cadence = rng.choices(["weekdays", "daily", "weekly"], [60, 25, 15])[0]
            topics = rng.choices(["none", "categories", "keywords", "both"], [40, 30, 20, 10])[0]
            chosen_categories = weighted(rng, categories, rng.randint(1, 3)) if topics in ("categories", "both") else []
            chosen_keywords = weighted(rng, keywords, rng.randint(1, 4)) if topics in ("keywords", "both") else []
            min_upvotes = 0 if rng.random() < 0.5 else rng.choice([1, 5, 10, 20, 50])
            # half never had a digest (a first one looks back a day, or a week); the others had one
            # from an hour to 14 days ago
            since = "" if rng.random() < 0.5 else str(rng.randint(1, 14 * 24))
            writer.writerow([f"reader{i:06d}@bench.example", cadence, rng.randint(1, 7), rng.randint(0, 23),
                             rng.choice(ZONES), rng.randint(5, 50), " ".join(chosen_categories),
                             "|".join(chosen_keywords), min_upvotes, "true" if rng.random() < 0.1 else "false",
                             since])


if __name__ == "__main__":
    main()
