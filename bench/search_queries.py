"""Prints the search load benchmark's queries, one a line: a fixed, realistic mix drawn from the
real archive's titles and authors (bench/search.sh http). Same folder, same queries, every run.

Usage: python3 bench/search_queries.py DATA_DIR [COUNT]
Mix: 60% one to three consecutive words of a title (what people type: "tabular reasoning"),
30% a whole title (a known item, pasted), 10% an author's name.
"""
import glob
import json
import os
import random
import re
import sys

STOP = {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on",
        "or", "the", "to", "via", "with", "without", "towards", "toward", "using", "through", "its", "we", "our"}


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    papers = {}
    for name in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(name, "rb") as f:
            for entry in json.load(f):
                paper = entry["paper"]
                papers[paper["id"]] = paper
    ids = sorted(papers)
    rng = random.Random(20261206)
    queries = []
    seen = set()
    while len(queries) < count:
        paper = papers[rng.choice(ids)]
        title = " ".join(paper["title"].split())
        kind = rng.random()
        if kind < 0.6:
            words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9-]+", title) if w.lower() not in STOP]
            if not words:
                continue
            n = min(len(words), rng.choice((1, 2, 2, 3)))
            start = rng.randrange(len(words) - n + 1)
            query = " ".join(words[start:start + n]).lower()
        elif kind < 0.9:
            query = title
        else:
            authors = [a.get("name", "") for a in paper.get("authors", []) if a.get("name")]
            if not authors:
                continue
            query = rng.choice(authors)
        query = query[:250]
        if query and query not in seen:
            seen.add(query)
            queries.append(query)
    sys.stdout.write("".join(q + "\n" for q in queries))


main()
