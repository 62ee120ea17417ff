#!/usr/bin/env bash
# "For you", measured offline: Hugging Face submitters as simulated members (trained on their earlier
# submissions, tested on whether their later submissions rank high among all papers of those later
# days), the product's interest model against arxiv-sanity-lite's method (TF-IDF + a linear SVM per
# member, rebuilt in Java and run on the same split), random order and popularity; NDCG@10 and
# recall@20, then the few-signals curve and the time to train and rank for a member with 500 signals.
# See docs/for-you.md.
#
# Usage: bench/foryou.sh
# Environment:
#   SEED=20261206    ties in rankings and the background samples
#   MINIMUM=8        submissions a submitter needs to count as a member
#   SHARE=0.7        the share of a member's submissions before the test period (whole days)
#   BACKGROUND=1000  earlier papers sampled as the model's background
#   CURVE=true       also the few-signals table (false: skip it)
#   TUNE=true        first choose the word part's settings on a validation period (false: skip it)
#   ONLY=            comma-separated parts of method names: only those rows (all by default)
#   THREADS=2        embedding threads
#   CACHE=/tmp/paperboy-foryou-vectors   vectors kept between runs (embedding is the slow part)
# The first run embeds the 8,506 papers (about 10 minutes on 2 shared cores); later runs read the
# cache and take a few minutes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${DATA:-$ROOT/../shared/data/hf-daily-papers}
CACHE=${CACHE:-/tmp/paperboy-foryou-vectors}
JVM_OPTS=${JVM_OPTS:--Xmx2g}

WORK=$(mktemp -d /tmp/paperboy-foryou-bench.XXXXXX)
cleanup() {
	if [ "${KEEP:-0}" = 1 ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

[ -d "$DATA" ] || { echo "No data folder at $DATA (set DATA=...)" >&2; exit 2; }

echo "Building the test classes and the test classpath ..."
(cd "$ROOT" && ./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$WORK/classpath.txt")
CLASSPATH="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")"

echo "Machine: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # JVM_OPTS is a list of flags
DJL_CACHE_DIR="$WORK/djl" nice -n 10 java $JVM_OPTS -Djava.io.tmpdir="$WORK" \
	-Dseed="${SEED:-20261206}" -Dminimum="${MINIMUM:-8}" -Dshare="${SHARE:-0.7}" -Dbackground="${BACKGROUND:-1000}" \
	-Dcurve="${CURVE:-true}" -Dtune="${TUNE:-true}" -Dthreads="${THREADS:-2}" -Donly="${ONLY:-}" \
	-cp "$CLASSPATH" io.paperboy.foryou.ForYouEvaluation "$DATA" "$WORK" "$CACHE" \
	2>"$WORK/bench.err" | grep --line-buffered -vE "^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} \[" | tee "$WORK/bench.out"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
