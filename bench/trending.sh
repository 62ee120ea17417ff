#!/usr/bin/env bash
# Trending benchmark: on a generated catalog of 1,000,000 papers and 10,000,000 votes, the time to
# rebuild every trending score from scratch, the cost of one vote, and requests/s of the trending
# page and API against a static file of the same size served by the same server. See bench/README.md.
#
# Usage: bench/trending.sh
# Environment:
#   PAPERS=1000000 VOTES=10000000 MEMBERS=200000   the generated catalog
#   SAMPLES=20000      votes timed one by one (and as many score updates alone)
#   DURATION=30s       length of each measured wrk run
#   WARMUP=10s         length of the wrk warm-up of each URL before any measurement
#   THREADS=2 CONNECTIONS=32   wrk's -t and -c
#   JVM_OPTS="-Xms1g -Xmx1g"   the JVM flags of the server and of the rebuild and vote measurements
#   GENERATOR_OPTS="-Xmx2g"    the JVM flags of the generator
#   PORT=n             the server's port (default: a free one)
#   KEEP=1             keep the temporary folder (data dir, logs, responses) for a look
# Needs about 12 GB free under /tmp (the embedded database grows to some 8 GB) and takes about
# 10 minutes on 2 cores.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
PAPERS=${PAPERS:-1000000}
VOTES=${VOTES:-10000000}
MEMBERS=${MEMBERS:-200000}
SAMPLES=${SAMPLES:-20000}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
JVM_OPTS=${JVM_OPTS:--Xms1g -Xmx1g}
GENERATOR_OPTS=${GENERATOR_OPTS:--Xmx2g}
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=$ROOT/target/paperboy.jar

require_wrk

WORK=$(mktemp -d /tmp/paperboy-trending-bench.XXXXXX)
SERVER_PID=
cleanup() {
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	if [ "${KEEP:-0}" = 1 ]; then
		echo "Kept $WORK"
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT

# The jar and the generator (test classes) from the same sources, and the test classpath.
echo "Building the jar and the test classes ..."
(cd "$ROOT" && ./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$WORK/classpath.txt")
CLASSPATH="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")"
BENCH=io.paperboy.feed.TrendingBenchmark

echo "Generating $PAPERS papers, $VOTES votes and $MEMBERS members ..."
started=$(date +%s.%N)
# shellcheck disable=SC2086 # GENERATOR_OPTS is a list of flags
java $GENERATOR_OPTS -cp "$CLASSPATH" "$BENCH" generate "$WORK/data" "$PAPERS" "$VOTES" "$MEMBERS" \
	>"$WORK/generate.out" 2>"$WORK/generate.err" || { cat "$WORK/generate.out" "$WORK/generate.err" >&2; exit 1; }
GENERATE_SECONDS=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
grep -v -e '^ *[0-9.]* s:' -e ' WARN ' "$WORK/generate.out"
DISK=$(du -sh "$WORK/data" | cut -f1)

echo "Rebuilding every score from scratch, then timing $SAMPLES votes ..."
# shellcheck disable=SC2086 # JVM_OPTS is a list of flags
java $JVM_OPTS -cp "$CLASSPATH" "$BENCH" measure "$WORK/data" "$SAMPLES" >"$WORK/measure.out" 2>"$WORK/measure.err" \
	|| { grep -v ' WARN ' "$WORK/measure.out" "$WORK/measure.err" >&2; exit 1; }
grep -v ' WARN ' "$WORK/measure.out"
REBUILD=$(awk '/^Rebuild:/ { print $2 }' "$WORK/measure.out")
VOTE_MEDIAN=$(awk '/^Vote / { for (i = 1; i <= NF; i++) if ($i == "median") print $(i + 1) }' "$WORK/measure.out")
VOTE_P99=$(awk '/^Vote / { for (i = 1; i <= NF; i++) if ($i == "p99") print $(i + 1) }' "$WORK/measure.out")
UPDATE_MEDIAN=$(awk '/^Score update/ { for (i = 1; i <= NF; i++) if ($i == "median") print $(i + 1) }' "$WORK/measure.out")
UPDATE_P99=$(awk '/^Score update/ { for (i = 1; i <= NF; i++) if ($i == "p99") print $(i + 1) }' "$WORK/measure.out")

start_server "$WORK/data" 300

PAGE=/papers/trending
API="/api/daily_papers?sort=trending"
PAGE_BYTES=$(size "$PAGE" page.html)
API_BYTES=$(size "$API" api.json)
API_GZIP_BYTES=$(curl -sf -H 'Accept-Encoding: gzip' -o "$WORK/api.json.gz" -w '%{size_download}' "$BASE$API")
CARDS=$(grep -c '<article class="card">' "$WORK/page.html" || true)
ITEMS=$("$PYTHON" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/api.json")
[ "$CARDS" -gt 0 ] && [ "$ITEMS" -gt 0 ] || { echo "The trending page or API is empty" >&2; exit 1; }
FIRST_REASON=$(grep -o '<p class="reason">[^<]*' "$WORK/page.html" | head -1 | sed 's/<p class="reason">//')

make_static "$PAGE_BYTES" "bench-page-size.txt"
make_static "$API_BYTES" "bench-api-size.txt"
STATIC=/bench-page-size.txt
STATIC_API=/bench-api-size.txt
echo "Trending page: $CARDS cards, $PAGE_BYTES bytes, first card: \"$FIRST_REASON\"; API: $ITEMS items, $API_BYTES bytes ($API_GZIP_BYTES gzipped)"


NAMES=(page api api-gzip static static-api)
URLS=("$PAGE" "$API" "$API" "$STATIC" "$STATIC_API")
ENCODINGS=("identity" "identity" "gzip" "identity" "identity")
LABELS=("trending page $PAGE" "JSON API $API" "JSON API, gzip ($API_GZIP_BYTES B sent)" "static file, page-sized ($PAGE_BYTES B)" "static file, API-sized ($API_BYTES B)")
BYTES=("$PAGE_BYTES" "$API_BYTES" "$API_GZIP_BYTES" "$PAGE_BYTES" "$API_BYTES")

measure_all

half() { awk -v r="$1" -v s="$2" 'BEGIN { print (r >= s / 2) ? "met" : "not met" }'; }
below() { awk -v v="$1" -v limit="$2" 'BEGIN { print (v < limit) ? "met" : "not met" }'; }

MACHINE=$(machine)
echo
echo "Results ($(date -u '+%F %H:%M UTC'); machine: $MACHINE; JVM flags: $JVM_OPTS)"
echo "Catalog: $PAPERS papers, $VOTES votes, $MEMBERS members, generated in $GENERATE_SECONDS s ($DISK on disk)"
echo "Rebuild of every score from scratch: $REBUILD s (goal: under 60 s)"
echo "One vote (Votes.upvote, its own transaction): median $VOTE_MEDIAN µs, p99 $VOTE_P99 µs (goal: median under 1 ms)"
echo "One score update alone (one UPDATE and its commit): median $UPDATE_MEDIAN µs, p99 $UPDATE_P99 µs"
echo
printf '%-46s %8s %7s %8s %10s %10s %11s %9s\n' endpoint bytes 'req/s' 'p99 ms' 'vs static' 'vs same' 'CPU ms/req' 'load avg'
SAME=(static static-api static static static-api)
for i in "${!NAMES[@]}"; do
	name=${NAMES[$i]}
	printf '%-46s %8s %7s %8s %10s %10s %11s %9s\n' "${LABELS[$i]}" "${BYTES[$i]}" "${RPS[$name]}" "${P99[$name]}" \
		"$(ratio "${RPS[$name]}" "${RPS[static]}")" "$(ratio "${RPS[$name]}" "${RPS[${SAME[$i]}]}")" "${CPU[$name]}" "${LOAD[$name]}"
done
echo "(vs static: against the page-sized static file, as the goal says; vs same: against the static file of the same size)"

echo
echo "Markdown rows for bench/README.md:"
echo
echo "| date | machine | measure | result | reference (same run) | goal |"
echo "|------|---------|---------|--------|----------------------|------|"
DATE=$(date -u +%F)
echo "| $DATE | $MACHINE | generate $PAPERS papers, $VOTES votes | $GENERATE_SECONDS s, $DISK on disk | — | — |"
echo "| $DATE | $MACHINE | rebuild every score from scratch | $REBUILD s | — | < 60 s: $(below "$REBUILD" 60) |"
echo "| $DATE | $MACHINE | one vote, \`Votes.upvote\` in its transaction | median $VOTE_MEDIAN µs, p99 $VOTE_P99 µs | score update alone: median $UPDATE_MEDIAN µs, p99 $UPDATE_P99 µs | median < 1 ms: $(below "$VOTE_MEDIAN" 1000) |"
for i in "${!NAMES[@]}"; do
	name=${NAMES[$i]}
	case $name in
		page) label="\`GET $PAGE\`"; verdict="≥ 50%: $(half "${RPS[page]}" "${RPS[static]}")" ;;
		api) label="\`GET $API\`"; verdict="≥ 50%: $(half "${RPS[api]}" "${RPS[static]}")" ;;
		api-gzip) label="\`GET $API\`, Accept-Encoding: gzip"; verdict="≥ 50%: $(half "${RPS[api-gzip]}" "${RPS[static]}")" ;;
		static) label="static file, same size as the page"; verdict="reference" ;;
		static-api) label="static file, same size as the API answer"; verdict="context" ;;
	esac
	echo "| $DATE | $MACHINE | $label, ${BYTES[$i]} B | ${RPS[$name]} req/s, p99 ${P99[$name]} ms, ${CPU[$name]} ms CPU/req | $(ratio "${RPS[$name]}" "${RPS[static]}") of static | $verdict |"
done
