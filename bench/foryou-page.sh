#!/usr/bin/env bash
# The "For you" page and API for a member with 500 signals, on the real archive (docs/for-you.md,
# "Speed"): p50/p90/p99 of 200 requests one after the other, then under 4 concurrent clients (wrk with
# the member's session cookie), for /papers/for-you and /api/papers/for-you over the archive's last 7
# days; in the same run, the same member's day page of the archive's last day as the reference.
#
# Usage: bench/foryou-page.sh
# Environment:
#   DATA=path          the daily-papers folder (default: ../shared/data/hf-daily-papers beside the repo)
#   PREPARED=path      a data dir kept from an earlier run of this or bench/search.sh http (KEEP=1 prints
#                      it): copied, so the import and the embedding (10 to 15 minutes on 2 cores) are
#                      skipped; a member signed in by an earlier run is simply signed in again
#   EMBEDDING_WAIT=3600  seconds to wait for every paper to be embedded before measuring
#   SAVES=350 UPVOTES=150 NOT_INTERESTED=10 FOLLOWS=5   the member's signals (papers drawn, seeded,
#                      from those listed before the measured week; follows: the authors of the most of them)
#   SEED=20261206      the draw
#   DAYS=7             the window, up to the archive's last day (the default window ends today, and the
#                      archive's last day is months before: the window is given as from and to)
#   REQUESTS=200 WARMUP_REQUESTS=50   sequential requests measured, after these unmeasured ones
#   DURATION=20s WARMUP=5s THREADS=2 CONNECTIONS=4   the concurrent runs (wrk)
#   JVM_OPTS="-Xms1g -Xmx1g"   the server's JVM flags
#   PROFILE=1          record the sequential runs with Java Flight Recorder (WORK/<run>.jfr; with KEEP=1)
#   KEEP=1             keep the temporary folder (data dir, server log, wrk output)
#   JAR=path           the jar to measure (default target/paperboy.jar, built when missing)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
DATA=${DATA:-$ROOT/../shared/data/hf-daily-papers}
EMBEDDING_WAIT=${EMBEDDING_WAIT:-3600}
SAVES=${SAVES:-350}
UPVOTES=${UPVOTES:-150}
NOT_INTERESTED=${NOT_INTERESTED:-10}
FOLLOWS=${FOLLOWS:-5}
SEED=${SEED:-20261206}
DAYS=${DAYS:-7}
REQUESTS=${REQUESTS:-200}
WARMUP_REQUESTS=${WARMUP_REQUESTS:-50}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-4}
JVM_OPTS=${JVM_OPTS:--Xms1g -Xmx1g}
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=${JAR:-$ROOT/target/paperboy.jar}
MEMBER="$PYTHON $ROOT/bench/foryou_member.py"

require_data
require_wrk
require_jar

WORK=$(mktemp -d /tmp/paperboy-foryou-page.XXXXXX)
SERVER_PID=
cleanup() {
	stop_server
	if [ "${KEEP:-0}" = 1 ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

LAST_DAY=$(basename "$(find "$DATA" -maxdepth 1 -name '????-??-??.json' | sort | tail -1)" .json)
FIRST_DAY=$(date -u -d "$LAST_DAY - $((DAYS - 1)) days" +%F)

if [ -n "${PREPARED:-}" ]; then
	echo "Copying the prepared data dir $PREPARED ..."
	cp -r "$PREPARED" "$WORK/data"
	rm -f "$WORK/data/index/write.lock"
else
	echo "Importing $DATA ..."
	java -jar "$JAR" import hf-daily "$DATA" --paperboy.data-dir="$WORK/data" >"$WORK/import.out" 2>&1 \
		|| { cat "$WORK/import.out" >&2; exit 1; }
	grep -E '^(Files read|Papers created)' "$WORK/import.out"
fi

# the member casts 150 upvotes and 365 library changes in a few seconds: more than a person may in a minute
JVM_OPTS="$JVM_OPTS -Dpaperboy.community.votes-per-minute=100000 -Dpaperboy.library.changes-per-minute=100000"
start_server "$WORK/data" 180
echo "Waiting for every paper to have its vector (at most ${EMBEDDING_WAIT}s) ..."
waited=0
while :; do
	state=$(coverage)
	[ "$state" = all ] && break
	if [ "$waited" -ge "$EMBEDDING_WAIT" ]; then
		echo "  not all embedded after ${EMBEDDING_WAIT}s: measuring with what exists ($state)"
		break
	fi
	[ $((waited % 60)) = 0 ] && echo "  $(date -u +%H:%M:%S) embedded: $state"
	sleep 10
	waited=$((waited + 10))
done
EMBEDDED_STATE=$state

echo "Signing in a member and giving $SAVES saves, $UPVOTES upvotes, $NOT_INTERESTED not interested, $FOLLOWS follows ..."
COOKIE=$($MEMBER member "$BASE" "$WORK/server.log" "$DATA" "$LAST_DAY" "$SAVES" "$UPVOTES" "$NOT_INTERESTED" \
	"$FOLLOWS" "$SEED" 2>"$WORK/member.err") || { cat "$WORK/member.err" >&2; exit 1; }
cat "$WORK/member.err"

WINDOW="from=$FIRST_DAY&to=$LAST_DAY"
NAMES=(page api day)
declare -A PATHS=([page]="/papers/for-you?$WINDOW" [api]="/api/papers/for-you?$WINDOW" [day]="/papers/date/$LAST_DAY")
declare -A LABELS=([page]="GET /papers/for-you?$WINDOW" [api]="GET /api/papers/for-you?$WINDOW (50 items)"
	[day]="GET /papers/date/$LAST_DAY, signed in (reference)")
FEED=$($MEMBER feed "$BASE" "$COOKIE" "${PATHS[api]}")
# the window's papers on the daily lists (the feed also takes papers published on arXiv those days)
LISTED=$("$PYTHON" -c 'import glob, json, os, sys
ids = set()
for f in glob.glob(os.path.join(sys.argv[1], "*.json")):
    if sys.argv[2] <= os.path.basename(f)[:-5] <= sys.argv[3]:
        ids.update(e["paper"]["id"] for e in json.load(open(f, "rb")))
print(len(ids))' "$DATA" "$FIRST_DAY" "$LAST_DAY")
echo "Window $FIRST_DAY to $LAST_DAY; the feed: $FEED"
# the default window ends today, months after the archive's last day: the page says so
DEFAULT_PAGE=$(curl -sf -H "Cookie: PAPERBOY_SESSION=$COOKIE" "$BASE/papers/for-you")
grep -o 'Nothing was listed or published from [^<]*' <<<"$DEFAULT_PAGE" | sed 's/^/The default window: /' \
	|| echo "The default window: $(grep -c '<article class="card"' <<<"$DEFAULT_PAGE") cards"

declare -A SEQ CONC LOAD_SEQ LOAD_CONC ERRORS
for name in "${NAMES[@]}"; do
	echo "Measuring ${LABELS[$name]}: $REQUESTS requests one after the other (after $WARMUP_REQUESTS) ..."
	LOAD_SEQ[$name]=$(cut -d' ' -f1 /proc/loadavg)
	if [ "${PROFILE:-0}" = 1 ]; then
		jcmd "$SERVER_PID" JFR.start name="$name" settings=profile filename="$WORK/$name.jfr" >/dev/null
	fi
	SEQ[$name]=$($MEMBER sequential "$BASE" "$COOKIE" "${PATHS[$name]}" "$REQUESTS" "$WARMUP_REQUESTS" "$SERVER_PID")
	if [ "${PROFILE:-0}" = 1 ]; then
		jcmd "$SERVER_PID" JFR.stop name="$name" >/dev/null
	fi
done
ticks=$(getconf CLK_TCK)
for name in "${NAMES[@]}"; do
	echo "Measuring ${LABELS[$name]}: wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after $WARMUP) ..."
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s -H "Cookie: PAPERBOY_SESSION=$COOKIE" "$BASE${PATHS[$name]}" >/dev/null
	LOAD_CONC[$name]=$(cut -d' ' -f1 /proc/loadavg)
	before=$(cpu_ticks)
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -H "Cookie: PAPERBOY_SESSION=$COOKIE" \
		"$BASE${PATHS[$name]}" >"$WORK/wrk-$name.txt"
	after=$(cpu_ticks)
	ERRORS[$name]=$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk-$name.txt" | sed 's/^ *//' | paste -sd ';' || true)
	requests=$(awk '/requests in/ { print $1 }' "$WORK/wrk-$name.txt")
	CONC[$name]="$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$WORK/wrk-$name.txt")"
	for p in 50% 90% 99%; do
		CONC[$name]+=" $(to_ms "$(awk -v p=$p '$1 == p { print $2 }' "$WORK/wrk-$name.txt")")"
	done
	CONC[$name]+=" $(awk -v t=$((after - before)) -v hz="$ticks" -v n="$requests" 'BEGIN { printf "%.1f", t * 1000 / hz / n }')"
done
stop_server

MACHINE=$(machine)
goal() { awk -v p="$1" 'BEGIN { print (p < 100) ? "met" : "not met" }'; }
echo
echo "Results ($(date -u '+%F %H:%M UTC'); machine: $MACHINE; server JVM flags: $JVM_OPTS)"
echo "$(nproc) cores; load average now: $(cut -d' ' -f1-3 /proc/loadavg). Papers embedded: $EMBEDDED_STATE."
echo "Member: $SAVES saves + $UPVOTES upvotes (500 positives by default), $NOT_INTERESTED not interested, $FOLLOWS follows."
echo "Window $FIRST_DAY to $LAST_DAY: $LISTED papers on its daily lists; the page (50 at most): $FEED."
echo "One after the other: $REQUESTS requests on one connection. Concurrent: wrk -t$THREADS -c$CONNECTIONS -d$DURATION."
echo "CPU: the server process's user+system CPU time per request. Goal: the For you page under 100 ms (p50, one client)."
echo
printf '%-62s | %-36s | %-42s | %s\n' run 'one client: p50/p90/p99 ms, CPU ms' "$CONNECTIONS clients: req/s, p50/p90/p99 ms, CPU ms" 'load avg'
for name in "${NAMES[@]}"; do
	read -r p50 p90 p99 _ bytes cpu <<<"${SEQ[$name]}"
	read -r rps c50 c90 c99 ccpu <<<"${CONC[$name]}"
	printf '%-62s | %-36s | %-42s | %s\n' "${LABELS[$name]} ($bytes B)" "$p50 / $p90 / $p99, $cpu" \
		"$rps, $c50 / $c90 / $c99, $ccpu" "${LOAD_SEQ[$name]}, ${LOAD_CONC[$name]}"
	[ -z "${ERRORS[$name]}" ] || echo "  errors: ${ERRORS[$name]}"
done

if [ "${PROFILE:-0}" = 1 ]; then
	for name in page api; do
		echo
		echo "Where the request threads spent their time, ${LABELS[$name]}, one client (Java Flight Recorder):"
		"$PYTHON" "$ROOT/bench/foryou_profile.py" "$WORK/$name.jfr"
	done
fi

read -r p50 p90 p99 _ _ cpu <<<"${SEQ[page]}"
read -r rps c50 c90 c99 ccpu <<<"${CONC[page]}"
read -r a50 a90 a99 _ _ acpu <<<"${SEQ[api]}"
read -r d50 d90 d99 _ _ dcpu <<<"${SEQ[day]}"
read -r drps _ _ dc99 _ <<<"${CONC[day]}"
echo
echo "Markdown row for the README:"
echo
echo "| For you, a member with $((SAVES + UPVOTES)) saves and upvotes, $NOT_INTERESTED not interested, $FOLLOWS follows, window $FIRST_DAY to $LAST_DAY (\`bench/foryou-page.sh\`, $(date -u '+%F %H:%M UTC'), $MACHINE, load average ${LOAD_SEQ[page]}) | page: p50 $p50 ms, p90 $p90, p99 $p99, $cpu ms CPU/request; API: p50 $a50 ms, p99 $a99; $CONNECTIONS clients: $rps req/s, p50 $c50 ms, p99 $c99 ms | the same member's day page: p50 $d50 ms, p99 $d99 ms, $dcpu ms CPU; $CONNECTIONS clients: $drps req/s, p99 $dc99 ms | page p50 < 100 ms: **$(goal "$p50")** |"
