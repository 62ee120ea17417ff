#!/usr/bin/python3
"""Generates an arXiv metadata snapshot (Kaggle's JSON Lines format) of any size from real records.

Usage: snapshot_generate.py LINES OUT.jsonl OUT.csv SOURCE.jsonl [SOURCE.jsonl ...]

Each generated line takes a fresh new-style id (2501.00001, 2501.00002, ...; unique), and the
fields of real records picked at random with a fixed seed: title and comments from one, abstract
from another, authors (both forms) from a third, categories, versions and the rest from a fourth.
So lines are as long and as varied as real ones, and the output is the same on every run.

OUT.csv holds the same rows for PostgreSQL's COPY (the reference of bench/snapshot.sh): id,
version, title, abstract, authors (one per line), categories, published, updated, comments,
journal_ref, doi, license, versions (JSON).
"""
import csv
import json
import random
import sys
from email.utils import parsedate_to_datetime

SEED = 20260506


def author_names(record):
    parsed = record.get("authors_parsed") or []
    names = [" ".join(p for p in (parts[1:2] + parts[0:1] + parts[2:3]) if p) for parts in parsed]
    return [n for n in names if n]


def main():
    lines, out_jsonl, out_csv, sources = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
    records = []
    for source in sources:
        with open(source, encoding="utf-8") as f:
            records.extend(json.loads(line) for line in f if line.strip())
    rng = random.Random(SEED)
    with open(out_jsonl, "w", encoding="utf-8") as jsonl, open(out_csv, "w", encoding="utf-8", newline="") as table:
        rows = csv.writer(table)
        for i in range(lines):
            # 99,999 papers a month from January 2025: five-digit numbers, valid months
            month = i // 99999
            yymm = (25 + month // 12) * 100 + month % 12 + 1
            paper_id = "%04d.%05d" % (yymm, i % 99999 + 1)
            base, words, abstract, people = (records[rng.randrange(len(records))] for _ in range(4))
            line = dict(base)
            line["id"] = paper_id
            line["title"] = words["title"]
            line["comments"] = words["comments"]
            line["abstract"] = abstract["abstract"]
            line["authors"] = people["authors"]
            line["authors_parsed"] = people["authors_parsed"]
            jsonl.write(json.dumps(line, ensure_ascii=False, separators=(", ", ": ")))
            jsonl.write("\n")
            versions = line["versions"]
            rows.writerow([paper_id, versions[-1]["version"][1:], line["title"].strip(), line["abstract"].strip(),
                           "\n".join(author_names(line)), line["categories"],
                           parsedate_to_datetime(versions[0]["created"]).isoformat(),
                           parsedate_to_datetime(versions[-1]["created"]).isoformat(),
                           line["comments"], line["journal-ref"], line["doi"], line["license"],
                           json.dumps(versions)])


if __name__ == "__main__":
    main()
