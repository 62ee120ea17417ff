#!/usr/bin/python3
"""Generates an arXiv metadata snapshot (Kaggle's JSON Lines format) of any size from real records.

Usage: snapshot_generate.py [--arxiv-shape] LINES OUT.jsonl OUT.csv SOURCE.jsonl [SOURCE.jsonl ...]

Each generated line takes a fresh new-style id (2501.00001, 2501.00002, ...; unique), and the
fields of real records picked at random with a fixed seed: title and comments from one, abstract
from another, authors (both forms) from a third, categories, versions and the rest from a fourth.
So lines are as long and as varied as real ones, and the output is the same on every run.

With --arxiv-shape (bench/arxiv.sh), the lines take the shape of the whole of arXiv rather than that
of the source records: submissions from August 1991 to May 2026, growing about 9% a year as arXiv's
have (so about 15% of them before April 2007, under old-style ids such as hep-th/9901001, the rest
0704.0001 to 2605.xxxxx, four-digit numbers before 2015); a primary category drawn from arXiv's
mix of that year (computer science from a few percent in the 1990s to about 45% now; mathematics,
condensed matter, astrophysics, physics, high-energy physics, quantum physics and the rest sharing
the remainder), with zero to two cross-lists; one to five versions (about 55% one, 28% two, 10%
three) days to months apart, v1 in the id's month. Titles, abstracts, comments and authors (so the
author counts) are still real records'; the file is ordered as Kaggle's is: new-style ids in order,
then the old-style ones by archive.

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


# primary categories outside computer science and their shares of the rest, roughly arXiv's over
# its whole history; a primary is drawn with its subcategory, cross-lists from the same archive or
# a neighbour
OTHER_CATEGORIES = [
    ("math", 25, ["math.AP", "math.PR", "math.CO", "math.AG", "math.NT", "math.DG", "math.OC", "math.NA",
                  "math.FA", "math.DS", "math.GT", "math.RT", "math.ST", "math.CA", "math.GR"]),
    ("cond-mat", 12, ["cond-mat.mes-hall", "cond-mat.str-el", "cond-mat.mtrl-sci", "cond-mat.stat-mech",
                      "cond-mat.supr-con", "cond-mat.soft", "cond-mat.quant-gas"]),
    ("astro-ph", 11, ["astro-ph.GA", "astro-ph.CO", "astro-ph.SR", "astro-ph.HE", "astro-ph.EP", "astro-ph.IM"]),
    ("physics", 8, ["physics.optics", "physics.flu-dyn", "physics.atom-ph", "physics.comp-ph", "physics.soc-ph",
                    "physics.chem-ph", "physics.bio-ph", "physics.app-ph"]),
    ("hep-ph", 6, ["hep-ph"]),
    ("quant-ph", 6, ["quant-ph"]),
    ("hep-th", 5, ["hep-th"]),
    ("stat", 4, ["stat.ME", "stat.ML", "stat.AP", "stat.CO"]),
    ("eess", 3, ["eess.SP", "eess.IV", "eess.SY", "eess.AS"]),
    ("gr-qc", 3, ["gr-qc"]),
    ("math-ph", 2, ["math-ph"]),
    ("nucl-th", 1.5, ["nucl-th"]),
    ("hep-ex", 1.5, ["hep-ex"]),
    ("q-bio", 1.5, ["q-bio.NC", "q-bio.QM", "q-bio.PE", "q-bio.BM"]),
    ("nlin", 1, ["nlin.CD", "nlin.SI", "nlin.PS", "nlin.AO"]),
    ("hep-lat", 1, ["hep-lat"]),
    ("nucl-ex", 0.8, ["nucl-ex"]),
    ("q-fin", 0.7, ["q-fin.ST", "q-fin.MF", "q-fin.PR", "q-fin.CP"]),
    ("econ", 0.6, ["econ.EM", "econ.GN", "econ.TH"]),
]
# archives whose papers had old-style ids before April 2007 (eess, econ, stat and q-fin came later)
OLD_ARCHIVES = {"math", "cond-mat", "astro-ph", "physics", "hep-ph", "quant-ph", "hep-th", "gr-qc", "math-ph",
                "nucl-th", "hep-ex", "q-bio", "nlin", "hep-lat", "nucl-ex", "cs"}
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def rfc822(moment):
    return "%s, %02d %s %d %02d:%02d:%02d GMT" % (WEEKDAYS[moment.weekday()], moment.day, MONTHS[moment.month - 1],
                                                 moment.year, moment.hour, moment.minute, moment.second)


def arxiv_months(lines):
    """(year, month, count) from 1991-08 to 2026-05, growing 9% a year, adding up to lines; at most
    9,999 a month before 2015 (four-digit numbers) and 99,999 after"""
    months = [(y, m) for y in range(1991, 2027) for m in range(1, 13) if (1991, 8) <= (y, m) <= (2026, 5)]
    import math
    weights = [math.exp(0.085 * (y - 1991 + (m - 1) / 12)) for y, m in months]
    total = sum(weights)
    counts = [int(lines * w / total) for w in weights]
    counts[-1] += lines - sum(counts)
    carry = 0
    for i, (y, m) in enumerate(months):
        cap = 9999 if (y, m) < (2015, 1) else 99999
        counts[i] += carry
        carry = max(0, counts[i] - cap)
        counts[i] -= carry
    if carry:
        raise SystemExit("too many lines for arXiv's id space: %d" % lines)
    return [(y, m, c) for (y, m), c in zip(months, counts)]


def categories_for(rng, year, base):
    """a primary category of that year's mix and zero to two cross-lists, as "primary cross..." """
    cs_share = 0.03 + 0.42 * max(0, year - 1998) / (2026 - 1998)
    if rng.random() < cs_share:
        return base["categories"] if base["categories"].startswith("cs.") else "cs.LG"
    archive, _, subjects = rng.choices(OTHER_CATEGORIES, weights=[w for _, w, _ in OTHER_CATEGORIES])[0]
    chosen = [rng.choice(subjects)]
    for _ in range(rng.choices([0, 1, 2], weights=[55, 30, 15])[0]):
        _, _, more = rng.choice(OTHER_CATEGORIES) if rng.random() < 0.4 else (archive, 0, subjects)
        extra = rng.choice(more)
        if extra not in chosen:
            chosen.append(extra)
    return " ".join(chosen)


def arxiv_shaped(lines, records, rng):
    """yields (id, base, categories, versions) in Kaggle's order"""
    import datetime
    old = {}
    for year, month, count in arxiv_months(lines):
        start = datetime.datetime(year, month, 1)
        days = (datetime.datetime(year + month // 12, month % 12 + 1, 1) - start).days
        yymm = "%02d%02d" % (year % 100, month)
        numbers = {}
        for n in range(1, count + 1):
            base = records[rng.randrange(len(records))]
            categories = categories_for(rng, year, base)
            created = start + datetime.timedelta(seconds=rng.randrange(days * 86400))
            versions = [created]
            for _ in range(rng.choices([0, 1, 2, 3, 4], weights=[55, 28, 10, 4, 3])[0]):
                versions.append(versions[-1] + datetime.timedelta(seconds=rng.randrange(3600, 400 * 86400)))
            history = [{"version": "v%d" % (i + 1), "created": rfc822(v)} for i, v in enumerate(versions)]
            if (year, month) >= (2007, 4):
                width = 4 if year < 2015 else 5
                yield "%s.%0*d" % (yymm, width, n), base, categories, history
                continue
            archive = categories.split()[0].split(".")[0]
            if archive not in OLD_ARCHIVES:
                archive, categories = "math", "math.GM"
            number = numbers.get(archive, 0) + 1
            if number > 999:
                archive, categories = "physics", "physics.gen-ph"
                number = numbers.get(archive, 0) + 1
            numbers[archive] = number
            old.setdefault(archive, []).append(("%s/%s%03d" % (archive, yymm, number), base, categories, history))
    for archive in sorted(old):
        yield from old[archive]


def main():
    shaped = sys.argv[1] == "--arxiv-shape"
    arguments = sys.argv[2:] if shaped else sys.argv[1:]
    lines, out_jsonl, out_csv, sources = int(arguments[0]), arguments[1], arguments[2], arguments[3:]
    records = []
    for source in sources:
        with open(source, encoding="utf-8") as f:
            records.extend(json.loads(line) for line in f if line.strip())
    rng = random.Random(SEED)
    with open(out_jsonl, "w", encoding="utf-8") as jsonl, open(out_csv, "w", encoding="utf-8", newline="") as table:
        rows = csv.writer(table)
        def plain():
            for i in range(lines):
                # 99,999 papers a month from January 2025: five-digit numbers, valid months
                month = i // 99999
                yymm = (25 + month // 12) * 100 + month % 12 + 1
                yield "%04d.%05d" % (yymm, i % 99999 + 1), records[rng.randrange(len(records))], None, None

        for paper_id, base, categories, history in (arxiv_shaped(lines, records, rng) if shaped else plain()):
            words, abstract, people = (records[rng.randrange(len(records))] for _ in range(3))
            line = dict(base)
            if categories is not None:
                line["categories"] = categories
                line["versions"] = history
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
