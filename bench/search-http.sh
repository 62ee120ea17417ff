#!/usr/bin/env bash
# Search under load, over HTTP, on the real archive: requests/s, p50 and p99 of /api/papers/search
# and /papers/search with 8 concurrent clients, in mode=text and in the default mode (hybrid), each
# client cycling through 200 realistic queries drawn from the archive (bench/search_queries.py,
# bench/search_rotate.lua). Reference, in the same run: a bare Lucene IndexSearcher over a copy of
# the server's index, running the same queries parsed the same way (BareLuceneSearchBenchmark).
# Run as `bench/search.sh http`; see bench/README.md.
#
# Usage: bench/search-http.sh   (or bench/search.sh http)
# Environment:
#   DATA=path          the daily-papers folder (default: ../shared/data/hf-daily-papers beside the repo)
#   PREPARED=path      a data dir kept from an earlier run (KEEP=1 prints it): copied, so the import
#                      and the embedding (about 15 minutes on 2 cores) are skipped
#   EMBEDDING_WAIT=3600  seconds to wait for every paper to be embedded before measuring; when they
#                      are not by then, the default mode is measured with what exists, and the
#                      results say how many papers had a vector
#   DURATION=20s       length of each measured wrk run
#   WARMUP=10s         length of the wrk warm-up of each URL before any measurement
#   THREADS=2 CONNECTIONS=8   wrk's -t and -c
#   QUERY_COUNT=200    queries in the rotating set
#   ONCE=8000          then each door again with queries each asked once: ONCE further queries of the
#                      same mix, none of the rotating set, a quarter to each door (bench/search_rotate.lua with FIRST and LAST);
#                      0 skips it
#   ONCE_DURATION=30s  the most each of those runs may take (it ends when its queries are asked)
#   ROUNDS=20          passes over the queries per reference measurement
#   JVM_OPTS="-Xms1g -Xmx1g"   the server's and the reference's JVM flags
#   PROFILE=1          record each measured run with Java Flight Recorder (WORK/<run>.jfr; with KEEP=1)
#   KEEP=1             keep the temporary folder (data dir, index copy, server log, wrk output)
#   JAR=path           the jar to measure (default target/paperboy.jar, built when missing)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
DATA=${DATA:-$ROOT/../shared/data/hf-daily-papers}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
QUERY_COUNT=${QUERY_COUNT:-200}
ONCE=${ONCE:-8000}
ONCE_DURATION=${ONCE_DURATION:-30s}
ROUNDS=${ROUNDS:-20}
EMBEDDING_WAIT=${EMBEDDING_WAIT:-3600}
JVM_OPTS=${JVM_OPTS:--Xms1g -Xmx1g}
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=${JAR:-$ROOT/target/paperboy.jar}

require_data
require_wrk
require_jar

WORK=$(mktemp -d /tmp/paperboy-search-http.XXXXXX)
SERVER_PID=
cleanup() {
	stop_server
	if [ "${KEEP:-0}" = 1 ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "Building the test classes and the test classpath (for the bare Lucene reference) ..."
(cd "$ROOT" && ./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$WORK/classpath.txt")
CLASSPATH="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")"

"$PYTHON" "$ROOT/bench/search_queries.py" "$DATA" "$QUERY_COUNT" >"$WORK/queries.txt"
if [ "$ONCE" -gt 0 ]; then
	"$PYTHON" "$ROOT/bench/search_queries.py" "$DATA" $((QUERY_COUNT + ONCE)) | tail -n +$((QUERY_COUNT + 1)) >"$WORK/once.txt"
fi
echo "Queries: $(wc -l <"$WORK/queries.txt") (for example: $(head -3 "$WORK/queries.txt" | paste -sd '|' | sed 's/|/; /g'))"

if [ -n "${PREPARED:-}" ]; then
	echo "Copying the prepared data dir $PREPARED ..."
	cp -r "$PREPARED" "$WORK/data"
else
	echo "Importing $DATA ..."
	java -jar "$JAR" import hf-daily "$DATA" --paperboy.data-dir="$WORK/data" >"$WORK/import.out" 2>&1 \
		|| { cat "$WORK/import.out" >&2; exit 1; }
	grep -E '^(Files read|Papers created)' "$WORK/import.out"
fi

start_server "$WORK/data" 180
echo "Waiting for every paper to have its vector (at most ${EMBEDDING_WAIT}s) ..."
waited=0
while :; do
	state=$(coverage)
	[ "$state" = all ] && break
	if [ "$waited" -ge "$EMBEDDING_WAIT" ]; then
		echo "  not all embedded after ${EMBEDDING_WAIT}s: measuring the default mode with what exists ($state)"
		break
	fi
	[ $((waited % 60)) = 0 ] && echo "  $(date -u +%H:%M:%S) embedded: $state"
	sleep 10
	waited=$((waited + 10))
done
EMBEDDED_STATE=$state
stop_server

# the reference's copy, taken while no server holds the index
cp -r "$WORK/data/index" "$WORK/index-copy"
PAPERS=$("$PYTHON" -c 'import glob, json, os, sys
ids = set()
for f in glob.glob(os.path.join(sys.argv[1], "*.json")):
    ids.update(e["paper"]["id"] for e in json.load(open(f, "rb")))
print(len(ids))' "$DATA")
unset PORT
start_server "$WORK/data" 180
until [ "$(coverage)" != none ]; do
	kill -0 "$SERVER_PID" 2>/dev/null || { echo "The server stopped:" >&2; cat "$WORK/server.log" >&2; exit 1; }
	sleep 1
done
echo "Server ready: $PAPERS papers, embedded: $EMBEDDED_STATE"

NAMES=(api-text api-default page-text page-default)
PATHS=(/api/papers/search /api/papers/search /papers/search /papers/search)
EXTRAS=(mode=text "" mode=text "")
LABELS=("API, mode=text (50 results)" "API, default mode (hybrid, 50 results)" "page, mode=text (20 cards)"
	"page, default mode (hybrid, 20 cards)")
export QUERIES="$WORK/queries.txt"
SCRIPT="$ROOT/bench/search_rotate.lua"

echo "Warming up: $WARMUP of wrk per URL ..."
for i in "${!NAMES[@]}"; do
	SEARCH_PATH=${PATHS[$i]} SEARCH_EXTRA=${EXTRAS[$i]} \
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$SCRIPT" "$BASE" >/dev/null
done
declare -A RPS P50 P99 CPU LOAD_BEFORE LOAD_AFTER ERRORS
for i in "${!NAMES[@]}"; do
	name=${NAMES[$i]}
	echo "Measuring ${LABELS[$i]}: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, rotating queries ..."
	LOAD_BEFORE[$name]=$(cut -d' ' -f1 /proc/loadavg)
	if [ "${PROFILE:-0}" = 1 ]; then
		jcmd "$SERVER_PID" JFR.start name="$name" settings=profile duration="$DURATION" filename="$WORK/$name.jfr" >/dev/null
	fi
	before=$(cpu_ticks)
	SEARCH_PATH=${PATHS[$i]} SEARCH_EXTRA=${EXTRAS[$i]} \
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$SCRIPT" "$BASE" >"$WORK/wrk-$name.txt"
	after=$(cpu_ticks)
	LOAD_AFTER[$name]=$(cut -d' ' -f1 /proc/loadavg)
	ERRORS[$name]=$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk-$name.txt" | sed 's/^ *//' | paste -sd ';' || true)
	wrk_results "$name" "$WORK/wrk-$name.txt" $((after - before)) %.2f
done
declare -A ONCE_N ONCE_LOAD ONCE_ERRORS
if [ "$ONCE" -gt 0 ]; then
	slice=$((ONCE / ${#NAMES[@]}))
	for i in "${!NAMES[@]}"; do
		name=${NAMES[$i]}
		echo "Measuring ${LABELS[$i]}: wrk -t1 -c$CONNECTIONS, $slice queries each asked once ..."
		before=$(cpu_ticks)
		FIRST=$((i * slice + 1)) LAST=$(((i + 1) * slice)) QUERIES="$WORK/once.txt" \
			SEARCH_PATH=${PATHS[$i]} SEARCH_EXTRA=${EXTRAS[$i]} \
			wrk -t1 -c"$CONNECTIONS" -d"$ONCE_DURATION" --latency -s "$SCRIPT" "$BASE" \
			>"$WORK/wrk-once-$name.txt"
		after=$(cpu_ticks)
		ONCE_LOAD[$name]=$(cut -d' ' -f1 /proc/loadavg)
		ONCE_ERRORS[$name]=$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk-once-$name.txt" | sed 's/^ *//' | paste -sd ';' || true)
		ONCE_N[$name]=$(awk '/requests in/ { print $1 }' "$WORK/wrk-once-$name.txt")
		wrk_results "once-$name" "$WORK/wrk-once-$name.txt" $((after - before)) %.2f
	done
fi
stop_server

echo "Running the bare Lucene reference on the copy of the index ($ROUNDS passes over the queries) ..."
REFERENCE_LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
# shellcheck disable=SC2086 # JVM_OPTS is a list of flags
DJL_CACHE_DIR="$WORK/djl" java $JVM_OPTS -Djava.io.tmpdir="$WORK" -cp "$CLASSPATH" \
	io.paperboy.search.BareLuceneSearchBenchmark "$WORK/index-copy" "$WORK/queries.txt" "$ROUNDS" "$WORK/native" \
	2>"$WORK/reference.err" | grep --line-buffered '^reference' | tee "$WORK/reference.out"
REFERENCE_LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)
# queries/s of the reference's 8-thread top-N word search
reference_rps() { awk -v what="$1" 'index($0, what ", 8 threads") { sub(/.*: /, ""); print $1 + 0 }' "$WORK/reference.out"; }
REF20=$(reference_rps "words, top 20")
REF50=$(reference_rps "words, top 50")
REFHYBRID=$(reference_rps "kNN 100 (default mode's Lucene part)")

goal() {
	awk -v p="$1" -v g="$2" 'BEGIN { print (p < g) ? "met" : "not met" }'
}

MACHINE=$(machine)
echo
echo "Results ($(date -u '+%F %H:%M UTC'); machine: $MACHINE; server JVM flags: $JVM_OPTS)"
echo "$PAPERS papers, embedded: $EMBEDDED_STATE; wrk -t$THREADS -c$CONNECTIONS, $DURATION per run after $WARMUP of warm-up,"
echo "$(wc -l <"$WORK/queries.txt") rotating queries. Goal: p99 under 50 ms with mode=text, under 100 ms in the default mode."
echo "Server CPU is the server process's user+system CPU time per request (robust against other load)."
echo
printf '%-42s %7s %8s %8s %11s %14s %s\n' run 'req/s' 'p50 ms' 'p99 ms' 'CPU ms/req' 'load avg' 'vs bare Lucene'
for i in "${!NAMES[@]}"; do
	name=${NAMES[$i]}
	case $name in
		api-text) ref=$REF50 ;; page-text) ref=$REF20 ;; *) ref=$REFHYBRID ;;
	esac
	printf '%-42s %7s %8s %8s %11s %14s %s\n' "${LABELS[$i]}" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" \
		"${CPU[$name]}" "${LOAD_BEFORE[$name]}→${LOAD_AFTER[$name]}" "$(ratio "${RPS[$name]}" "$ref") of $ref/s"
	[ -z "${ERRORS[$name]}" ] || echo "  errors: ${ERRORS[$name]}"
done
if [ "$ONCE" -gt 0 ]; then
	echo "Queries each asked once ($((ONCE / ${#NAMES[@]})) a door, none of the rotating set; answers still on their way"
	echo "when the last query was sent are not counted):"
	printf '%-42s %7s %8s %8s %11s %14s\n' run answers 'p50 ms' 'p99 ms' 'CPU ms/req' 'load avg'
	for i in "${!NAMES[@]}"; do
		name=${NAMES[$i]}
		printf '%-42s %7s %8s %8s %11s %14s\n' "${LABELS[$i]}" "${ONCE_N[$name]}" "${P50[once-$name]}" \
			"${P99[once-$name]}" "${CPU[once-$name]}" "${ONCE_LOAD[$name]}"
		[ -z "${ONCE_ERRORS[$name]}" ] || echo "  errors: ${ONCE_ERRORS[$name]}"
	done
fi
echo "Reference (load average $REFERENCE_LOAD_BEFORE before, $REFERENCE_LOAD_AFTER after):"
sed 's/^reference /  /' "$WORK/reference.out"

echo
echo "Markdown rows for the README:"
echo
echo "| date | machine | measure | result | reference (same run) | goal |"
echo "|------|---------|---------|--------|----------------------|------|"
DATE=$(date -u +%F)
for i in "${!NAMES[@]}"; do
	name=${NAMES[$i]}
	case $name in
		api-text) ref="bare Lucene, words top 50: $REF50 queries/s"; limit=50 ;;
		page-text) ref="bare Lucene, words top 20: $REF20 queries/s"; limit=50 ;;
		*) ref="bare Lucene, words top 100 + kNN 100: $REFHYBRID queries/s"; limit=100 ;;
	esac
	echo "| $DATE | $MACHINE | search under load, ${LABELS[$i]}, 8 clients, $PAPERS papers | ${RPS[$name]} req/s, p50 ${P50[$name]} ms, p99 ${P99[$name]} ms, ${CPU[$name]} ms CPU/req | $ref | p99 < $limit ms: $(goal "${P99[$name]}" "$limit") |"
done
