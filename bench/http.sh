#!/usr/bin/env bash
# HTTP benchmark: requests/s, latency and CPU per request of what anonymous visitors read most (the
# busiest day's page, its week's page, the trending page, the day's API answer), each against nginx
# serving the very same bytes from files, measured in the same run. See bench/README.md.
#
# Usage: bench/http.sh
# Environment:
#   DATA=path          the daily-papers folder (default: ../shared/data/hf-daily-papers beside the repo)
#   DURATION=20s       length of each measured wrk run
#   WARMUP=5s          length of the wrk warm-up of each URL (JIT, caches) before any measurement
#   THREADS=2 CONNECTIONS=32   wrk's -t and -c
#   JVM_OPTS="-Xms1g -Xmx1g"   the server's JVM flags
#   PORT=n             the server's port (default: a free one)
#   KEEP=1             keep the temporary folder (data dir, server log, responses) for a look
#   JAR=path           the jar to measure (default target/paperboy.jar, built when missing)
#   EMBEDDINGS=false   the server's paperboy.search.embeddings: off by default, so that embedding the
#                      imported papers (about 15 minutes on 2 cores) does not run beside the measurements;
#                      true measures the doors while a new instance embeds its catalog
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
DATA=${DATA:-$ROOT/../shared/data/hf-daily-papers}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
JVM_OPTS=${JVM_OPTS:--Xms1g -Xmx1g}
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=${JAR:-$ROOT/target/paperboy.jar}
EMBEDDINGS=${EMBEDDINGS:-false}
SERVER_ARGS="--paperboy.search.embeddings=$EMBEDDINGS"

require_data
require_wrk
require_nginx
require_jar

WORK=$(mktemp -d /tmp/paperboy-http-bench.XXXXXX)
SERVER_PID=
NGINX_PID=
cleanup() {
	local pid
	for pid in "$SERVER_PID" "$NGINX_PID"; do
		if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
			kill "$pid" 2>/dev/null || true
			wait "$pid" 2>/dev/null || true
		fi
	done
	if [ "${KEEP:-0}" = 1 ]; then
		echo "Kept $WORK"
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT

# The busiest day: the file with the most entries (ties: the most recent day), and its ISO week.
read -r DAY DAY_ENTRIES WEEK < <("$PYTHON" -c '
import datetime, glob, json, os, sys
counts = [(len(json.load(open(f, "rb"))), os.path.basename(f)[:-5]) for f in glob.glob(os.path.join(sys.argv[1], "*.json"))]
n, day = max(counts)
year, week, _ = datetime.date.fromisoformat(day).isocalendar()
print(day, n, "%d-W%02d" % (year, week))' "$DATA")

echo "Importing $DATA ..."
java -jar "$JAR" import hf-daily "$DATA" --paperboy.data-dir="$WORK/data" >"$WORK/import.out" 2>&1 \
	|| { cat "$WORK/import.out" >&2; exit 1; }
grep -E '^(Files read|Papers created)' "$WORK/import.out"

start_server "$WORK/data" 120
# A new data dir's word index is built when the server starts: measure after it, at rest.
for _ in $(seq 360); do
	grep -q 'Search index rebuilt' "$WORK/server.log" && break
	sleep 0.5
done
grep -q 'Search index rebuilt' "$WORK/server.log" || echo "The word index was not reported rebuilt within 3 minutes; measuring anyway" >&2

# The doors, and the files nginx serves them from: the bytes Paperboy sends an anonymous visitor.
DOORS=(page week trending api)
declare -A PATHS=([page]=/papers/date/$DAY [week]=/papers/week/$WEEK [trending]=/papers/trending
	[api]="/api/daily_papers?date=$DAY")
declare -A TYPES=([page]="text/html;charset=UTF-8" [week]="text/html;charset=UTF-8"
	[trending]="text/html;charset=UTF-8" [api]="application/json")
mkdir -p "$WORK/nginx/root"
LOCATIONS=
declare -A SIZES
for door in "${DOORS[@]}"; do
	SIZES[$door]=$(curl -sf -H 'Accept-Encoding: identity' -o "$WORK/nginx/root/$door" -w '%{size_download}' "$BASE${PATHS[$door]}")
	# an exact location ignores the query string, as a file would
	LOCATIONS+="location = ${PATHS[$door]%%\?*} { types { } default_type \"${TYPES[$door]}\"; alias $WORK/nginx/root/$door; gzip_static on; }
		"
done
# the API answer as clients that accept gzip receive it (browsers, Python's requests): the same
# compressed bytes for nginx (gzip_static sends api.gz to them)
API_GZIP_BYTES=$(curl -sf -H 'Accept-Encoding: gzip' -o "$WORK/nginx/root/api.gz" -w '%{size_download}' "$BASE${PATHS[api]}")
chmod -R a+rX "$WORK/nginx/root"
start_nginx "$LOCATIONS"
for door in "${DOORS[@]}"; do
	curl -sf -H 'Accept-Encoding: identity' -o "$WORK/nginx/check" "$NGINX_BASE${PATHS[$door]}"
	cmp -s "$WORK/nginx/check" "$WORK/nginx/root/$door" || { echo "nginx does not send ${PATHS[$door]} whole" >&2; exit 1; }
done
[ "$(curl -sf -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$NGINX_BASE${PATHS[api]}")" = "$API_GZIP_BYTES" ] \
	|| { echo "nginx does not send the gzipped API answer" >&2; exit 1; }
CARDS=$(grep -c '<article class="card">' "$WORK/nginx/root/page" || true)
ITEMS=$("$PYTHON" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/nginx/root/api")
echo "Busiest day: $DAY ($DAY_ENTRIES entries in its file; page shows $CARDS cards, ${SIZES[page]} bytes; API returns $ITEMS items, ${SIZES[api]} bytes); week $WEEK"
echo "nginx $("$NGINX" -v 2>&1 | sed 's/.*version: //') on port $NGINX_PORT, processes $NGINX_PIDS"

# Paperboy and nginx one after the other for each door, so that both see the same machine.
NAMES=() URLS=() ENCODINGS=() LABELS=() BYTES=() PROCESSES=()
add() { NAMES+=("$1"); URLS+=("$2"); ENCODINGS+=("$3"); LABELS+=("$4"); BYTES+=("$5"); PROCESSES+=("$6"); }
for door in "${DOORS[@]}" api-gzip; do
	path=${PATHS[${door%-gzip}]}
	encoding=identity bytes=${SIZES[${door%-gzip}]:-}
	if [ "$door" = api-gzip ]; then
		encoding=gzip bytes=$API_GZIP_BYTES
	fi
	add "$door" "$path" "$encoding" "Paperboy $path$([ "$encoding" = gzip ] && echo ", gzip")" "$bytes" "$SERVER_PID"
	add "nginx-$door" "$NGINX_BASE$path" "$encoding" "nginx, same bytes" "$bytes" "$NGINX_PIDS"
done

measure_all

goal() {
	awk -v r="$1" -v s="$2" -v p="$3" 'BEGIN { print (r >= s / 2 && p < 10) ? "met" : "not met" }'
}

MACHINE=$(machine)
echo
echo "Results ($(date -u '+%F %H:%M UTC'); machine: $MACHINE; server JVM flags: $JVM_OPTS; embeddings: $EMBEDDINGS)"
echo "Goal: each door of Paperboy at least 50% of nginx's requests/s for the same bytes, with p99 under 10 ms."
echo "CPU is the server's (Paperboy's JVM, or nginx's master and workers) user+system time per request."
echo "Load average: the machine's, when each run started (2 cores; wrk itself takes about one)."
echo
printf '%-56s %8s %7s %7s %7s %9s %11s %9s\n' door bytes 'req/s' 'p50 ms' 'p99 ms' 'vs nginx' 'CPU ms/req' 'load avg'
for i in "${!NAMES[@]}"; do
	name=${NAMES[$i]}
	versus=
	[[ $name == nginx-* ]] || versus=$(ratio "${RPS[$name]}" "${RPS[nginx-$name]}")
	printf '%-56s %8s %7s %7s %7s %9s %11s %9s\n' "${LABELS[$i]}" "${BYTES[$i]}" "${RPS[$name]}" "${P50[$name]}" \
		"${P99[$name]}" "$versus" "${CPU[$name]}" "${LOAD[$name]}"
done

echo
echo "Markdown rows for the README:"
echo
echo "| date | machine | door (anonymous) | bytes | Paperboy req/s | p50 / p99 | nginx, same bytes: req/s | p50 / p99 | vs nginx | CPU/req Paperboy / nginx | load avg | goal |"
echo "|------|---------|------------------|------:|---------------:|----------:|-------------------------:|----------:|---------:|-------------------------:|---------:|------|"
DATE=$(date -u +%F)
for door in "${DOORS[@]}" api-gzip; do
	path=${PATHS[${door%-gzip}]}
	label="\`GET $path\`"
	[ "$door" = api-gzip ] && label+=", Accept-Encoding: gzip"
	n=nginx-$door
	i=0
	for j in "${!NAMES[@]}"; do [ "${NAMES[$j]}" = "$door" ] && i=$j; done
	echo "| $DATE | $MACHINE | $label | ${BYTES[$i]} | ${RPS[$door]} | ${P50[$door]} / ${P99[$door]} ms | ${RPS[$n]} | ${P50[$n]} / ${P99[$n]} ms | $(ratio "${RPS[$door]}" "${RPS[$n]}") | ${CPU[$door]} / ${CPU[$n]} ms | ${LOAD[$door]} | $(goal "${RPS[$door]}" "${RPS[$n]}" "${P99[$door]}") |"
done
