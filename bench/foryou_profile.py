"""Where a For you request spends its time: the shares of the request threads' samples in a Java Flight
Recorder file, by part of the feed (bench/foryou-page.sh, PROFILE=1).

    foryou_profile.py FILE.jfr
"""
import collections
import subprocess
import sys

# the first part whose frame is on a sample's stack names it (the model's parts first: they call the rest)
PARTS = [
    ("model: training (InterestModel.train)", "io.paperboy.foryou.InterestModel.train("),
    ("model: ranking and reasons (InterestModel.rank)", "io.paperboy.foryou.InterestModel.rank("),
    ("background sample (PaperVectors.sample)", "io.paperboy.search.PaperVectors.sample("),
    ("vectors of window and signals (PaperVectors.vectorsOf)", "io.paperboy.search.PaperVectors.vectorsOf("),
    ("signals (library.Signals.of)", "io.paperboy.library.Signals.of("),
    ("window's papers (Catalog.paperIdsInWindow)", "io.paperboy.catalog.Catalog.paperIdsInWindow("),
    ("followed authors (Catalog.papersByAuthorKeys)", "io.paperboy.catalog.Catalog.papersByAuthorKeys("),
    ("titles of the reasons (Catalog.findPapers)", "io.paperboy.catalog.Catalog.findPapers("),
    ("the cards' papers (Catalog.listingsOf)", "io.paperboy.catalog.Catalog.listingsOf("),
    ("the member's votes (Votes.ballot)", "io.paperboy.community.Votes.ballot("),
    ("rendering the page (JTE)", "gg.jte."),
    ("writing JSON (Jackson)", "tools.jackson."),
    ("the rest of ForYou.feed", "io.paperboy.foryou.ForYou.feed("),
]


def samples(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "400", path],
                          check=True, capture_output=True, text=True).stdout
    for event in text.split("jdk.ExecutionSample {")[1:]:
        if '"http-nio-' in event:
            yield event


def main(path):
    counts = collections.Counter()
    total = 0
    for event in samples(path):
        total += 1
        part = next((name for name, frame in PARTS if frame in event),
                    "the rest: Tomcat, Spring MVC and Security, the session")
        counts[part] += 1
    if total == 0:
        print("  no samples of request threads")
        return
    for name, count in counts.most_common():
        print("  %5.1f%%  %s" % (100 * count / total, name))
    print("  (%d samples of request threads)" % total)


if __name__ == "__main__":
    main(sys.argv[1])
