#!/usr/bin/env bash
# Memory benchmark: the server's resident memory (VmRSS, and its peak VmHWM, from /proc/PID/status)
# and its heap used after a full GC, at rest after start, after importing the real archive beside it,
# once the papers are embedded (or after EMBED_WAIT), after a minute of wrk on a day page, the API
# and search, and after a scheduled digest run to a few hundred subscribers delivered into Postfix's
# smtp-sink; then a Native Memory Tracking summary (where the memory goes). Once for each set of JVM
# flags in CONFIGS: by default the JVM's own defaults for this machine and the flags recommended for
# a 1 GB machine (docs/operations.md, "Memory and sizing").
#
# Usage: bench/memory.sh   (see bench/README.md)
# Environment:
#   CONFIGS="name=flags;name=flags"   the runs (default: "default=;small=$SMALL"); flags may begin
#                     with environment variables of the run's processes: "arenas=MALLOC_ARENA_MAX=2 -Xmx256m"
#   SMALL="-Xmx256m ..."   the recommended small-machine flags (the second run by default)
#   EMBED_WAIT=1200   seconds to wait for every paper to have its vector (8,506 papers take about
#                     15 minutes on 2 quiet cores); a smaller value samples a part of the embedding
#   DURATION=60s      each wrk run (day page, API, search)
#   THREADS=2 CONNECTIONS=32   wrk's -t and -c
#   SUBSCRIBERS=300   confirmed subscriptions, all due, for the digest run
#   DATA=path         the daily-papers folder (default ../shared/data/hf-daily-papers beside the repo)
#   JAR=path          the jar to measure (default target/paperboy.jar, built when missing)
#   PYTHON=path       Debian's python3 (default /usr/bin/python3)
#   KEEP=1            keep the work folder (data dirs, logs, wrk output, NMT summaries)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
DATA=${DATA:-$ROOT/../shared/data/hf-daily-papers}
ARXIV=${ARXIV:-$ROOT/../shared/data/arxiv-kaggle/arxiv-cs-2026-05-06.derived.jsonl}
SMALL=${SMALL:-MALLOC_ARENA_MAX=2 -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
CONFIGS=${CONFIGS:-default=;small=$SMALL}
EMBED_WAIT=${EMBED_WAIT:-1200}
DURATION=${DURATION:-60s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
SUBSCRIBERS=${SUBSCRIBERS:-300}
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=${JAR:-$ROOT/target/paperboy.jar}

require_data
require_wrk
require_jar
require_postfix_tools
[ -f "$ARXIV" ] || { echo "No arXiv file at $ARXIV" >&2; exit 2; }

WORK=$(mktemp -d /tmp/paperboy-memory-bench.XXXXXX)
chmod 755 "$WORK"
SERVER_PID=
SINK_PID=
cleanup() {
	stop_server
	stop_sink
	if [ "${KEEP:-0}" = 1 ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
status_kb() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$SERVER_PID/status"; }

# heap_used_kb: the heap in use right after a full collection (jcmd GC.run, then GC.heap_info):
# the sum of "used" over the heap's lines (G1's one heap line, or Serial's two generations)
heap_used_kb() {
	jcmd "$SERVER_PID" GC.run >/dev/null
	jcmd "$SERVER_PID" GC.heap_info | awk '/total [0-9]+K, used [0-9]+K/ && !/Metaspace|class space/ {
		sub(/.*used /, ""); sub(/K.*/, ""); used += $0 } END { print used + 0 }'
}
heap_max_kb() {
	jcmd "$SERVER_PID" VM.flags | tr ' ' '\n' | awk -F= '$1 == "-XX:MaxHeapSize" { printf "%.0f", $2 / 1024 }'
}

# sample STAGE: one row of the results: RSS now, peak RSS so far, heap used after GC, load average
sample() {
	local heap
	heap=$(heap_used_kb)
	printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$CONFIG_NAME" "$1" "$(mb "$(status_kb VmRSS)")" \
		"$(mb "$(status_kb VmHWM)")" "$(mb "$heap")" "$(status_kb Threads)" "$(cut -d' ' -f1 /proc/loadavg)" \
		| tee -a "$WORK/results.md"
}

# the day page and the API of the busiest day (most entries; ties go to the most recent day)
DAY=$("$PYTHON" -c 'import glob, json, os, sys
days = [(len(json.load(open(f, "rb"))), os.path.basename(f)[:-5]) for f in glob.glob(os.path.join(sys.argv[1], "*.json"))]
print(max(days)[1])' "$DATA")
"$PYTHON" "$ROOT/bench/search_queries.py" "$DATA" 200 >"$WORK/queries.txt"
export QUERIES="$WORK/queries.txt"

echo "Memory benchmark ($(date -u '+%F %H:%M UTC')); machine: $(machine), $(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo) GB RAM"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) (RSS does not depend on the load; the times do)"
echo "Busiest day: $DAY; wrk -t$THREADS -c$CONNECTIONS -d$DURATION; $SUBSCRIBERS subscribers; embedding wait at most ${EMBED_WAIT}s"
echo
printf '| run | stage | RSS MB | peak RSS MB | heap used after GC MB | threads | load |\n|---|---|---|---|---|---|---|\n' \
	>"$WORK/results.md"

IFS=';' read -r -a RUNS <<<"$CONFIGS"
for run in "${RUNS[@]}"; do
	CONFIG_NAME=${run%%=*}
	# leading NAME=value words are the environment of the run's processes (MALLOC_ARENA_MAX=2), the rest JVM flags
	FLAGS=
	ENVIRONMENT=()
	for word in ${run#*=}; do
		if [[ -z $FLAGS && $word =~ ^[A-Z_]+= ]]; then ENVIRONMENT+=("$word"); else FLAGS="$FLAGS $word"; fi
	done
	FLAGS=${FLAGS# }
	for word in "${ENVIRONMENT[@]}"; do export "${word?}"; done
	JVM_OPTS="$FLAGS -XX:NativeMemoryTracking=summary"
	RUN_DIR=$WORK/$CONFIG_NAME
	mkdir -p "$RUN_DIR"
	echo "== $CONFIG_NAME: ${run#*=}"
	start_sink "$CONFIG_NAME"
	unset PORT
	# digests: a scheduled run every 20 s (a real instance's runs every 15 minutes), into the sink
	start_server "$RUN_DIR/data" 300 --spring.mail.host=127.0.0.1 --spring.mail.port="$SINK_PORT" \
		"--paperboy.digest.run-cron=0/20 * * * * *"
	echo "  heap at most $(mb "$(heap_max_kb)") MB"
	sample "at rest after start"

	echo "  importing $DATA beside the server (same flags, without NMT) ..."
	# shellcheck disable=SC2086 # a list of flags
	/usr/bin/time -v -o "$RUN_DIR/import.time" java $FLAGS -jar "$JAR" import hf-daily "$DATA" \
		--paperboy.data-dir="$RUN_DIR/data" >"$RUN_DIR/import.log" 2>&1 \
		|| { cat "$RUN_DIR/import.log" >&2; exit 1; }
	IMPORT_RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$RUN_DIR/import.time")
	echo "  $(grep -E '^Papers created' "$RUN_DIR/import.log" || true); the import's peak RSS: $IMPORT_RSS MB"
	until [ "$(coverage)" != none ]; do sleep 2; done
	sample "after the import"

	echo "  waiting for the papers' vectors (at most ${EMBED_WAIT}s) ..."
	waited=0
	while state=$(coverage) && [ "$state" != all ] && [ "$waited" -lt "$EMBED_WAIT" ]; do
		[ $((waited % 120)) = 0 ] && echo "  $(date -u +%H:%M:%S) embedded: ${state/ / of }"
		sleep 10
		waited=$((waited + 10))
	done
	sample "embedding: ${state/ / of } after ${waited}s"

	echo "  wrk on the day page, the API and search, $DURATION each ..."
	for target in "/papers/date/$DAY" "/api/daily_papers?date=$DAY"; do
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$BASE$target" >>"$RUN_DIR/wrk.txt"
	done
	SEARCH_PATH=/papers/search SEARCH_EXTRA= \
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/search_rotate.lua" "$BASE" >>"$RUN_DIR/wrk.txt"
	awk '/^Running|Requests\/sec|Non-2xx|Socket errors/' "$RUN_DIR/wrk.txt" | sed 's/^/    /'
	sample "after wrk (page, API, search)"

	echo "  $SUBSCRIBERS subscriptions, all due; waiting for the scheduled digest run ..."
	h2_tools "$RUN_DIR/data"
	load_subscriptions "$SUBSCRIBERS" "$DATA" "$ARXIV" 1
	waited=0
	until [ "$(sql_value "select count(*) from digest_runs where due > 0")" != 0 ]; do
		[ "$waited" -lt 600 ] || { echo "No digest run within 600 s" >&2; exit 1; }
		sleep 5
		waited=$((waited + 5))
	done
	echo "  digests: $(sql_value "select due from digest_runs where due > 0") due, $(sql_value "select sent from digest_runs where due > 0") sent; at the sink: $(sink_messages "$CONFIG_NAME") messages"
	sample "after the digest run"

	jcmd "$SERVER_PID" VM.native_memory summary >"$RUN_DIR/nmt.txt"
	# committed memory by NMT category, in MB, largest first
	NMT=$(awk '/^-/ && /committed=/ { line = $0; sub(/^- */, "", line); name = line; sub(/ *\(.*/, "", name);
			c = line; sub(/.*committed=/, "", c); sub(/KB.*/, "", c); if (c >= 1024) printf "%.0f %s\n", c / 1024, name }' \
		"$RUN_DIR/nmt.txt" | sort -rn | awk '{ n = $1; $1 = ""; sub(/^ /, ""); printf "%s%s %s", sep, $0, n; sep = ", " }')
	TOTAL=$(awk '/^Total:/ { sub(/.*committed=/, ""); sub(/KB.*/, ""); printf "%.0f", $0 / 1024 }' "$RUN_DIR/nmt.txt")
	RSS_NOW=$(mb "$(status_kb VmRSS)")
	echo "  NMT, committed MB: total $TOTAL ($NMT); RSS $RSS_NOW: outside NMT (ONNX Runtime, malloc arenas) about $((RSS_NOW - TOTAL))" \
		| tee "$RUN_DIR/nmt-line.txt"
	echo "| $CONFIG_NAME | import verb beside the server: peak RSS $IMPORT_RSS MB | | | | | |" >>"$WORK/results.md"
	stop_server
	stop_sink
	for word in "${ENVIRONMENT[@]}"; do unset "${word%%=*}"; done
	echo
done

echo "Results ($(date -u '+%F %H:%M UTC'); machine: $(machine)); flags per run:"
for run in "${RUNS[@]}"; do echo "  ${run%%=*}: ${run#*=} (+ -XX:NativeMemoryTracking=summary)"; done
echo
cat "$WORK/results.md"
echo
for run in "${RUNS[@]}"; do echo "${run%%=*}: $(cat "$WORK/${run%%=*}/nmt-line.txt" | sed 's/^ *//')"; done
