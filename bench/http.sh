#!/usr/bin/env bash
# HTTP benchmark: requests/s and p99 latency of the busiest day's page and API answer, against a
# static file of the same size served by the same server. See bench/README.md.
#
# Usage: bench/http.sh
# Environment:
#   DATA=path          the daily-papers folder (default: ../shared/data/hf-daily-papers beside the repo)
#   DURATION=30s       length of each measured wrk run
#   WARMUP=10s         length of the wrk warm-up of each URL (JIT, caches) before any measurement
#   THREADS=2 CONNECTIONS=32   wrk's -t and -c
#   JVM_OPTS="-Xms1g -Xmx1g"   the server's JVM flags
#   PORT=n             the server's port (default: a free one)
#   KEEP=1             keep the temporary folder (data dir, server log, responses) for a look
#   JAR=path           the jar to measure (default target/paperboy.jar, built when missing)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
DATA=${DATA:-$ROOT/../shared/data/hf-daily-papers}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
JVM_OPTS=${JVM_OPTS:--Xms1g -Xmx1g}
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=${JAR:-$ROOT/target/paperboy.jar}

require_data
require_wrk
require_jar

WORK=$(mktemp -d /tmp/paperboy-http-bench.XXXXXX)
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

# The busiest day: the file with the most entries (ties: the most recent day).
read -r DAY DAY_ENTRIES < <("$PYTHON" -c '
import glob, json, os, sys
counts = [(len(json.load(open(f, "rb"))), os.path.basename(f)[:-5]) for f in glob.glob(os.path.join(sys.argv[1], "*.json"))]
n, day = max(counts)
print(day, n)' "$DATA")

echo "Importing $DATA ..."
java -jar "$JAR" import hf-daily "$DATA" --paperboy.data-dir="$WORK/data" >"$WORK/import.out" 2>&1 \
	|| { cat "$WORK/import.out" >&2; exit 1; }
grep -E '^(Files read|Papers created)' "$WORK/import.out"

start_server "$WORK/data" 120

PAGE=/papers/date/$DAY
API="/api/daily_papers?date=$DAY"
PAGE_BYTES=$(size "$PAGE" page.html)
API_BYTES=$(size "$API" api.json)
# the same answer as clients that accept gzip receive it (browsers, Python's requests)
API_GZIP_BYTES=$(curl -sf -H 'Accept-Encoding: gzip' -o "$WORK/api.json.gz" -w '%{size_download}' "$BASE$API")
CARDS=$(grep -c '<article class="card">' "$WORK/page.html" || true)
ITEMS=$("$PYTHON" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/api.json")

make_static "$PAGE_BYTES" "bench-page-size.txt"
make_static "$API_BYTES" "bench-api-size.txt"
STATIC=/bench-page-size.txt
STATIC_API=/bench-api-size.txt

echo "Busiest day: $DAY ($DAY_ENTRIES entries in its file; page shows $CARDS cards, $PAGE_BYTES bytes; API returns $ITEMS items, $API_BYTES bytes)"

NAMES=(page api api-gzip static static-api)
URLS=("$PAGE" "$API" "$API" "$STATIC" "$STATIC_API")
# request headers per URL: only the gzip run asks for compression
ENCODINGS=("identity" "identity" "gzip" "identity" "identity")
LABELS=("HTML page $PAGE" "JSON API $API" "JSON API, gzip ($API_GZIP_BYTES B sent)" "static file, page-sized ($PAGE_BYTES B)" "static file, API-sized ($API_BYTES B)")
BYTES=("$PAGE_BYTES" "$API_BYTES" "$API_GZIP_BYTES" "$PAGE_BYTES" "$API_BYTES")

measure_all

goal() {
	awk -v r="$1" -v s="$2" -v p="$3" 'BEGIN { print (r >= s / 2 && p < 20) ? "met" : "not met" }'
}

MACHINE=$(machine)
echo
echo "Results ($(date -u '+%F %H:%M UTC'); machine: $MACHINE; server JVM flags: $JVM_OPTS)"
echo "Goal: each dynamic endpoint at least 50% of the page-sized static file's requests/s, with p99 under 20 ms."
echo "Server CPU is the server process's user+system CPU time per request (robust against other load)."
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
echo "Markdown rows for the README:"
echo
echo "| date | machine | endpoint | bytes | req/s | p99 | vs static | server CPU/req | goal |"
echo "|------|---------|----------|------:|------:|----:|----------:|---------------:|------|"
DATE=$(date -u +%F)
for i in "${!NAMES[@]}"; do
	name=${NAMES[$i]}
	case $name in
		page) label="\`GET $PAGE\`"; verdict=$(goal "${RPS[page]}" "${RPS[static]}" "${P99[page]}") ;;
		api) label="\`GET $API\`"; verdict=$(goal "${RPS[api]}" "${RPS[static]}" "${P99[api]}") ;;
		api-gzip) label="\`GET $API\`, Accept-Encoding: gzip"; verdict=$(goal "${RPS[api-gzip]}" "${RPS[static]}" "${P99[api-gzip]}") ;;
		static) label="static file, same size as the page"; verdict="reference" ;;
		static-api) label="static file, same size as the API answer"; verdict="context" ;;
	esac
	echo "| $DATE | $MACHINE | $label | ${BYTES[$i]} | ${RPS[$name]} | ${P99[$name]} ms | $(ratio "${RPS[$name]}" "${RPS[static]}") | ${CPU[$name]} ms | $verdict |"
done
