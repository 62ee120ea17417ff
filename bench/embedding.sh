#!/usr/bin/env bash
# Embedding with and without the extra threads that take the idle cores
# (paperboy.search.embedding-idle-threads: by default the cores left over by embedding-threads; 0
# turns them off), in turns on the same papers. Each turn starts a server on a copy of the same
# imported archive (the real daily lists, no vectors yet), waits for the word index, then
#   (a) counts the papers embedded over EMBED_WINDOW seconds with no visitor: papers/s, ms of the
#       server's CPU a paper, the server's and the machine's busy cores;
#   (b) runs wrk on the anonymous day page, then on the search page (words, rotating queries from
#       the archive), while embedding goes on: requests/s, p50, p99, ms of server CPU a request,
#       and the papers embedded meanwhile.
# Usage: bench/embedding.sh
# Environment:
#   DATA=path          the daily-papers folder (default: ../shared/data/hf-daily-papers beside the repo)
#   TURNS="default off default off"   the settings, in this order: default = the server's own
#                      (embedding-idle-threads unset), off = embedding-idle-threads=0
#   EMBED_WINDOW=60    seconds of (a)
#   DURATION=20s WARMUP=5s THREADS=2 CONNECTIONS=32 SEARCH_CONNECTIONS=8   the wrk runs of (b)
#   JVM_OPTS="-Xms1g -Xmx1g"   the server's JVM flags
#   KEEP=1             keep the temporary folder (data dirs, server logs, wrk output)
#   JAR=path           the jar to measure (default target/paperboy.jar, built when missing)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
DATA=${DATA:-$ROOT/../shared/data/hf-daily-papers}
TURNS=${TURNS:-default off default off}
EMBED_WINDOW=${EMBED_WINDOW:-60}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
SEARCH_CONNECTIONS=${SEARCH_CONNECTIONS:-8}
JVM_OPTS=${JVM_OPTS:--Xms1g -Xmx1g}
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=${JAR:-$ROOT/target/paperboy.jar}

require_data
require_wrk
require_jar

WORK=$(mktemp -d /tmp/paperboy-embedding.XXXXXX)
SERVER_PID=
cleanup() {
	stop_server
	if [ "${KEEP:-0}" = 1 ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

load() { cut -d' ' -f1 /proc/loadavg; }

echo "Embedding with and without the extra threads, in turns: $TURNS ($(date -u '+%F %H:%M UTC'))"
echo "Machine: $(machine); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Importing $DATA (once; every turn starts from a copy) ..."
java -jar "$JAR" import hf-daily "$DATA" --paperboy.data-dir="$WORK/prepared" >"$WORK/import.out" 2>&1 \
	|| { cat "$WORK/import.out" >&2; exit 1; }
grep -E '^(Files read|Papers created)' "$WORK/import.out"
"$PYTHON" "$ROOT/bench/search_queries.py" "$DATA" 200 >"$WORK/queries.txt"
export QUERIES="$WORK/queries.txt"

ADMIN_TOKEN=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
export PAPERBOY_ADMIN_TOKEN=$ADMIN_TOKEN
PORT=$(free_port)
ROWS=()
turn=0
for setting in $TURNS; do
	turn=$((turn + 1))
	case $setting in
		default) extra=() ;;
		off) extra=(--paperboy.search.embedding-idle-threads=0) ;;
		*) echo "Unknown setting $setting (default or off)" >&2; exit 2 ;;
	esac
	rm -rf "$WORK/data"
	cp -r "$WORK/prepared" "$WORK/data"
	echo
	echo "Turn $turn: $setting ${extra[*]:-}"
	start_server "$WORK/data" 180 --paperboy.search.embeddings=true --paperboy.base-url="http://127.0.0.1:$PORT" \
		"${extra[@]}"
	# the word index first: (a) measures embedding alone
	for _ in $(seq 120); do
		read -r database indexed _ rebuilding _ _ < <(search_status)
		[ "$rebuilding" = no ] && [ "$indexed" = "$database" ] && break
		sleep 1
	done
	THREADS_ROW=$(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/search" \
		| grep -o 'Embedding threads</th><td>[^<]*' | sed 's/.*<td>//' || true)
	echo "  word index: $indexed of $database papers; $THREADS_ROW"

	# (a) no visitor
	read -r _ _ embedded_before _ _ _ < <(search_status)
	busy_cores >/dev/null
	load_before=$(load)
	ticks_before=$(cpu_ticks)
	thread_ticks "$SERVER_PID" >"$WORK/threads-before-$turn.txt"
	start=$(date +%s.%N)
	sleep $((EMBED_WINDOW / 2))
	# at mid-window, as an operator would see it
	THREADS_ROW=$(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/search" \
		| grep -o 'Embedding threads</th><td>[^<]*' | sed 's/.*<td>//' || true)
	sleep $((EMBED_WINDOW - EMBED_WINDOW / 2))
	read -r _ _ embedded_after _ _ _ < <(search_status)
	ticks_after=$(cpu_ticks)
	seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
	machine_busy=$(busy_cores)
	thread_ticks "$SERVER_PID" >"$WORK/threads-after-$turn.txt"
	embedded=$((embedded_after - embedded_before))
	hz=$(getconf CLK_TCK)
	rate=$(awk -v n="$embedded" -v s="$seconds" 'BEGIN { printf "%.1f", n / s }')
	cpu_paper=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$hz" -v n="$embedded" \
		'BEGIN { printf "%.1f", (n > 0) ? t * 1000 / hz / n : 0 }')
	server_cores=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$hz" -v s="$seconds" 'BEGIN { printf "%.2f", t / hz / s }')
	# the embedding threads' share: "paperboy-embedd" is what Linux keeps of their names
	embedding_threads=$(awk -v hz="$hz" -v s="$seconds" 'NR == FNR { before[$1] = $3; next }
		$2 ~ /^paperboy-embedd/ { busy = ($3 - before[$1]) / hz / s; printf "%s%.2f", (n++ ? " + " : ""), busy }' \
		"$WORK/threads-before-$turn.txt" "$WORK/threads-after-$turn.txt")
	echo "  (a) no visitor, ${seconds}s: $embedded papers, $rate papers/s, $cpu_paper ms of server CPU a paper;" \
		"server $server_cores cores (embedding threads: $embedding_threads), machine $machine_busy; load $load_before → $(load)"
	echo "      /admin/search at mid-window: $THREADS_ROW"

	# (b) visitors while embedding
	read -r _ _ embedded_before _ _ _ < <(search_status)
	NAMES=(day) URLS=("/papers") ENCODINGS=(identity) LABELS=("anonymous day page /papers") PROCESSES=("")
	measure_all
	measure_search words mode=text "the search page, words (mode=text)"
	read -r _ _ embedded_after _ _ _ < <(search_status)
	during=$((embedded_after - embedded_before))
	echo "  (b) day page ${RPS[day]} req/s, p50 ${P50[day]} ms, p99 ${P99[day]} ms, ${CPU[day]} ms CPU a request (load ${LOAD[day]});" \
		"search ${RPS[words]} req/s, p50 ${P50[words]} ms, p99 ${P99[words]} ms, ${CPU[words]} ms CPU a request (load ${LOAD[words]});" \
		"$during papers embedded meanwhile"
	ROWS+=("| $turn | $setting | $rate papers/s, $cpu_paper ms CPU a paper, server $server_cores cores (embedding threads $embedding_threads) | ${RPS[day]} req/s, p99 ${P99[day]} ms, ${CPU[day]} ms CPU | ${RPS[words]} req/s, p99 ${P99[words]} ms, ${CPU[words]} ms CPU | $during | $load_before, ${LOAD[day]}, ${LOAD[words]} |")
	stop_server
	cp "$WORK/server.log" "$WORK/server-$turn.log"
done

echo
echo "| turn | extra threads | (a) embedding, no visitor (${EMBED_WINDOW}s) | (b) day page while embedding (-c$CONNECTIONS) | (b) words search while embedding (-c$SEARCH_CONNECTIONS) | papers embedded during (b) | load average |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
