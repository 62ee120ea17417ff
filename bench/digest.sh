#!/usr/bin/env bash
# Digest delivery benchmark: `digest run --now` for SUBSCRIBERS confirmed subscriptions with mixed
# preferences over the real Hugging Face archive, delivering into Postfix's smtp-sink on loopback;
# compose rate, delivery rate (end to end, and steady: first to last message at the sink), peak RSS,
# and every message counted at the sink (no duplicates, none missing). As the ceiling, right after
# each run, Postfix's smtp-source sends the same number of messages of the same size to the same
# sink with the same number of connections.
#
# Usage: bench/digest.sh [SUBSCRIBERS]   (default 100000; see bench/README.md)
# Environment:
#   RUNS=n           runs, each beside its own smtp-source run (default 1); the data are prepared
#                    once and every run starts from a copy of them; the median of the ratios closes
#   JAVA_OPTS=...    JVM flags of the app (default -Xmx512m)
#   SESSIONS=n       parallel SMTP connections: the app's sender threads
#                    (paperboy.digest.sender-threads) and smtp-source's sessions (default 2, the
#                    app's default; code from before the outbox sends over one connection at a time:
#                    measure it with SESSIONS=1)
#   DKIM=1           sign every message: a 2048-bit RSA test key made with openssl for the run
#   PROFILE=dir      a Java Flight Recorder file of each run (settings=profile) in dir
#   NEW_CONNECTIONS=1  also smtp-source without -d (a connection per message), as context
#   PYTHON=path      the interpreter of the generator (default /usr/bin/python3)
#   JAR=path         the jar to measure (default target/paperboy.jar, built when missing)
#   PREPARED=dir     start from a copy of a data dir an earlier run prepared (KEEP=1 keeps it as
#                    WORK/prepared) for the same SUBSCRIBERS, instead of importing and generating
#   KEEP=1           keep the work folder (database, logs, the sinks' address lists) under /tmp;
#                    each sink dump (3.5 GB at 100,000 subscribers) is counted and removed before
#                    the next program sends, so no run writes onto a disk the one before filled
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SUBSCRIBERS=${1:-100000}
HF=$ROOT/../shared/data/hf-daily-papers
ARXIV=$ROOT/../shared/data/arxiv-kaggle/arxiv-cs-2026-05-06.derived.jsonl
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
SESSIONS=${SESSIONS:-2}
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=${JAR:-$ROOT/target/paperboy.jar}
RUNS=${RUNS:-1}

. "$ROOT/bench/lib.sh"
require_postfix_tools
[ -d "$HF" ] || { echo "No daily-papers folder at $HF" >&2; exit 2; }
[ -f "$ARXIV" ] || { echo "No arXiv file at $ARXIV" >&2; exit 2; }
if [ ! -f "$JAR" ]; then
	[ "$JAR" = "$ROOT/target/paperboy.jar" ] || { echo "No jar at $JAR" >&2; exit 2; }
	echo "Building $JAR ..."
	(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
fi

WORK=$(mktemp -d /tmp/paperboy-digest-bench.XXXXXX)
chmod 755 "$WORK"
SINK_PID=
cleanup() {
	stop_sink
	[ "${KEEP:-}" = 1 ] && echo "Kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
field() { awk -F': ' -v name="$1" '$1 ~ name { print $2 }'; }

echo "Digest delivery benchmark: $SUBSCRIBERS subscribers"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java: $(java -version 2>&1 | head -1), flags: $JAVA_OPTS; smtp-sink and smtp-source of Postfix $(dpkg-query -W -f '${Version}' postfix 2>/dev/null || echo '(version unknown)')"
echo

# 1. the data: the real archive (and the arXiv cs file, which gives 438 of its papers their
# categories), then the daily entries moved forward so that the archive's last entry is an hour old;
# or a copy of a data dir prepared so by an earlier run (PREPARED)
if [ -n "${PREPARED:-}" ]; then
	[ -f "$PREPARED/paperboy.mv.db" ] || { echo "No prepared database in $PREPARED" >&2; exit 2; }
	echo "Copying the prepared data dir $PREPARED ..."
	cp -a "$PREPARED" "$WORK/data"
	h2_tools "$WORK/data"
	LOADED=$(sql_value "select count(*) from digest_subscriptions where status = 'confirmed'")
	[ "$LOADED" = "$SUBSCRIBERS" ] || { echo "$PREPARED holds $LOADED subscriptions, not $SUBSCRIBERS" >&2; exit 2; }
else
	echo "Importing the archive ..."
	java $JAVA_OPTS -jar "$JAR" import hf-daily "$HF" --paperboy.data-dir="$WORK/data" >"$WORK/import-hf.log" 2>&1 \
		|| { cat "$WORK/import-hf.log" >&2; exit 1; }
	java $JAVA_OPTS -jar "$JAR" import arxiv-snapshot "$ARXIV" --paperboy.data-dir="$WORK/data" >"$WORK/import-arxiv.log" 2>&1 \
		|| { cat "$WORK/import-arxiv.log" >&2; exit 1; }
	h2_tools "$WORK/data"

	echo "Generating $SUBSCRIBERS subscriptions ..."
	load_subscriptions "$SUBSCRIBERS" "$HF" "$ARXIV"
fi

[ "${DKIM:-}" = 1 ] && echo "DKIM: every message signed (rsa-sha256, 2048-bit test key, relaxed/relaxed)"
[ -n "${PROFILE:-}" ] && mkdir -p "$PROFILE" && echo "Profiling every run into $PROFILE"
mv "$WORK/data" "$WORK/prepared"

APP_FLAGS=(--spring.mail.host=127.0.0.1 --paperboy.digest.sender-threads="$SESSIONS")
if [ "${DKIM:-}" = 1 ]; then
	openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/dkim.pem" 2>/dev/null
	APP_FLAGS+=(--paperboy.mail.dkim.domain=bench.example --paperboy.mail.dkim.selector=bench
		--paperboy.mail.dkim.private-key-file="$WORK/dkim.pem")
fi

# smtp-source adds From, To, Date, Message-Id and Subject headers (about 170 bytes) to -l bytes of body
source_run() { # NAME COUNT SIZE FLAGS...: prints seconds
	local name=$1 count=$2 size=$3
	shift 3
	start_sink "$name"
	local s e
	s=$(now)
	"$SOURCE" "$@" -s "$SESSIONS" -m "$count" -l "$size" -f bench@localhost -t reader@bench.example -S 'Your digest' \
		"127.0.0.1:$SINK_PORT" >"$WORK/$name.log" 2>&1 || { cat "$WORK/$name.log" >&2; stop_sink; return 1; }
	e=$(now)
	sleep 1
	stop_sink
	seconds "$s" "$e"
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
met() { if [ "$1" = 1 ]; then echo met; else echo "not met"; fi; }
ROWS=()
RATIOS=()
STEADY_RATIOS=()

for RUN in $(seq "$RUNS"); do
# every run from the same data: a copy of the prepared data dir
rm -rf "$WORK/data"
cp -a "$WORK/prepared" "$WORK/data"
echo
echo "Run $RUN of $RUNS"

# 2. the fixed cost of a command: JVM, Spring, opening the database (a preview of no address)
start=$(now)
java $JAVA_OPTS -jar "$JAR" digest preview nobody@bench.example --paperboy.data-dir="$WORK/data" >/dev/null 2>&1 || true
FIXED=$(seconds "$start" "$(now)")

# 3. the run, into smtp-sink
start_sink digests
RUN_OPTS=$JAVA_OPTS
[ -n "${PROFILE:-}" ] && RUN_OPTS="$RUN_OPTS -XX:StartFlightRecording=filename=$PROFILE/digest-run-$RUN.jfr,settings=profile"
echo "Running: java $RUN_OPTS -jar paperboy.jar digest run --now (smtp-sink on 127.0.0.1:$SINK_PORT) ..."
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
start=$(now)
set +e
/usr/bin/time -v -o "$WORK/run.time" java $RUN_OPTS -jar "$JAR" digest run --now \
	--paperboy.data-dir="$WORK/data" --spring.mail.port="$SINK_PORT" "${APP_FLAGS[@]}" \
	>"$WORK/run.log" 2>&1
STATUS=$?
set -e
end=$(now)
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)
sleep 1
stop_sink
WALL=$(seconds "$start" "$end")
RUN_S=$(seconds "$FIXED" "$WALL")
REPORT=$(grep -m1 '^Digests: ' "$WORK/run.log" || true)
[ -n "$REPORT" ] || { echo "The run printed no report (exit $STATUS):" >&2; tail -40 "$WORK/run.log" >&2; exit 1; }
DUE=$(echo "$REPORT" | sed -E 's/^Digests: ([0-9]+) due.*/\1/')
SENT=$(echo "$REPORT" | sed -E 's/.* ([0-9]+) sent.*/\1/')
EMPTY=$(echo "$REPORT" | sed -E 's/.* ([0-9]+) with nothing new.*/\1/')
FAILED=$(echo "$REPORT" | sed -E 's/.* ([0-9]+) failed.*/\1/')
COMPOSE_S=$(echo "$REPORT" | sed -E 's/.*composed in ([0-9.]+) s.*/\1/')
RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/run.time")
CPU_S=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$WORK/run.time")
read -r MESSAGES RECIPIENTS DISTINCT DUPLICATES SIZE FIRST LAST < <(count_sink digests)
if [ "${DKIM:-}" = 1 ]; then
	SIGNED=$(grep -c '^DKIM-Signature: ' "$WORK/sink/digests" || true)
	echo "  signed at the sink: $SIGNED of $MESSAGES"
fi
# counted: the dump goes before smtp-source writes its own
rm -f "$WORK/sink/digests"

# none missing: the addresses the database records as sent are exactly those the sink received
printf "call csvwrite('%s', 'select s.email from digest_subscriptions s join digest_deliveries d on d.subscription_id = s.id where d.state = ''sent'' order by s.email', 'writeColumnHeader=false');\n" \
	"$WORK/sent.csv" >"$WORK/sent.sql"
sql "$WORK/sent.sql" >/dev/null
tr -d '"\r' <"$WORK/sent.csv" | sort >"$WORK/sent.list"
MISSING=$(comm -23 "$WORK/sent.list" <(uniq "$WORK/sink/digests.rcpt") | wc -l)
UNEXPECTED=$(comm -13 "$WORK/sent.list" <(uniq "$WORK/sink/digests.rcpt") | wc -l)

# 4. the ceiling, right after: smtp-source, the same number of messages of the same size, the same
# connections, into a fresh sink of the same options; once reusing its connection (-d) and, with
# NEW_CONNECTIONS=1, once with a new connection per message, as context
N=$((MESSAGES > 0 ? MESSAGES : 1))
PAYLOAD=$((SIZE > 200 ? SIZE - 170 : 100))
echo "Reference: smtp-source -s $SESSIONS -m $N -l $PAYLOAD (-d: one connection) ..."
SOURCE_LOAD=$(cut -d' ' -f1 /proc/loadavg)
SOURCE_S=$(source_run source "$N" "$PAYLOAD" -d)
read -r SOURCE_MESSAGES _ _ _ SOURCE_SIZE _ _ < <(count_sink source)
rm -f "$WORK/sink/source"
SOURCE_NEW_S=
if [ "${NEW_CONNECTIONS:-}" = 1 ]; then
	echo "Context: smtp-source without -d (a connection per message) ..."
	# context only: a connection per message can run out of local ports (TIME_WAIT); its failure is
	# reported and the results stand without it
	if SOURCE_NEW_S=$(source_run source-new "$N" "$PAYLOAD"); then
		read -r SOURCE_NEW_MESSAGES _ _ _ _ _ _ < <(count_sink source-new)
	else
		echo "  smtp-source without -d failed (above); the table leaves it out"
		SOURCE_NEW_S=
	fi
	rm -f "$WORK/sink/source-new"
fi

COMPOSE_RATE=$(rate "$DUE" "$COMPOSE_S")
DELIVERY_RATE=$(rate "$MESSAGES" "$RUN_S")
SINK_WINDOW=$((LAST - FIRST + 1))
SINK_RATE=$(rate "$MESSAGES" "$SINK_WINDOW")
SOURCE_RATE=$(rate "$SOURCE_MESSAGES" "$SOURCE_S")
SOURCE_NEW_RATE=n/a
RATIO_NEW=n/a
RATIO=$(awk -v a="$DELIVERY_RATE" -v b="$SOURCE_RATE" 'BEGIN { printf "%.1f", 100 * a / b }')
STEADY_RATIO=$(awk -v a="$SINK_RATE" -v b="$SOURCE_RATE" 'BEGIN { printf "%.1f", 100 * a / b }')
RATIOS+=("$RATIO")
STEADY_RATIOS+=("$STEADY_RATIO")
if [ -n "$SOURCE_NEW_S" ]; then
	SOURCE_NEW_RATE=$(rate "$SOURCE_NEW_MESSAGES" "$SOURCE_NEW_S")
	RATIO_NEW=$(awk -v a="$DELIVERY_RATE" -v b="$SOURCE_NEW_RATE" 'BEGIN { printf "%.1f%%", 100 * a / b }')
fi
COMPOSE_100K=$(awk -v r="$COMPOSE_RATE" 'BEGIN { printf "%.0f", 100000 / r }')
COMPOSE_MET=$(met "$(awk -v s="$COMPOSE_100K" 'BEGIN { print (s < 60) ? 1 : 0 }')")
RATIO_MET=$(met "$(awk -v a="$DELIVERY_RATE" -v b="$SOURCE_RATE" 'BEGIN { print (a >= b / 2) ? 1 : 0 }')")
EXACT_MET=$(met "$([ "$DUPLICATES" = 0 ] && [ "$MISSING" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$MESSAGES" = "$SENT" ] && [ "$DISTINCT" = "$SENT" ] && echo 1 || echo 0)")

echo
echo "Run $RUN: $REPORT (exit $STATUS)"
echo "  wall $WALL s, of which $FIXED s JVM and Spring start (a preview of no address): the run $RUN_S s,"
echo "  composing $COMPOSE_S s of it (as the run reports; the senders start with it and send while it composes)"
echo "  JVM CPU $CPU_S s, peak RSS $RSS_MB MB; load average $LOAD_BEFORE before, $LOAD_AFTER after"
echo "At the sink: $MESSAGES messages, $RECIPIENTS recipients, $DISTINCT distinct, $DUPLICATES received twice or more;"
echo "  $MISSING recorded as sent but not received, $UNEXPECTED received but not recorded as sent"
echo "  average message $SIZE bytes; first to last message $SINK_WINDOW s at the sink ($SINK_RATE msgs/s)"
echo "smtp-source -d: $SOURCE_MESSAGES messages of $SOURCE_SIZE bytes in $SOURCE_S s ($SOURCE_RATE msgs/s; load average $SOURCE_LOAD before)"
if [ -n "$SOURCE_NEW_S" ]; then
	echo "smtp-source, a connection per message: $SOURCE_NEW_MESSAGES in $SOURCE_NEW_S s ($SOURCE_NEW_RATE msgs/s)"
fi
echo
echo "| measure | result | reference (same run) | goal |"
echo "|---|---|---|---|"
echo "| compose: \`digest run --now\`, $DUE due digests ($SENT sent, $EMPTY with nothing new, $FAILED failed) | $COMPOSE_RATE digests/s, $COMPOSE_S s (100,000 in ~$COMPOSE_100K s) | — | 100,000 in < 60 s: $COMPOSE_MET |"
echo "| delivery into smtp-sink, $SIZE B average | $DELIVERY_RATE msgs/s end to end ($SINK_RATE msgs/s first to last at the sink) | smtp-source -s $SESSIONS -d: $SOURCE_RATE msgs/s ($RATIO%; $STEADY_RATIO% at the sink's rate); a connection per message: $SOURCE_NEW_RATE msgs/s ($RATIO_NEW) | ≥ 50%: $RATIO_MET |"
echo "| exactly once, counted at the sink | $MESSAGES messages, $DISTINCT distinct recipients, $DUPLICATES duplicates, $MISSING missing, $UNEXPECTED unexpected | $SENT recorded as sent | none duplicated or missing: $EXACT_MET |"
echo "| peak RSS of the app (\`$JAVA_OPTS\`) | $RSS_MB MB, JVM CPU $CPU_S s | — | — |"
ROWS+=("| $RUN | $LOAD_BEFORE / $LOAD_AFTER | $COMPOSE_S s | $DELIVERY_RATE | $SINK_RATE | $SOURCE_RATE | $RATIO% | $STEADY_RATIO% | $DUPLICATES / $MISSING | $CPU_S s | $RSS_MB MB |")
done

if [ "$RUNS" -gt 1 ]; then
	echo
	echo "Every run beside its reference (load average before / after the app's run):"
	echo
	echo "| run | load | composed in | delivery end to end (msgs/s) | at the sink, first to last | \`smtp-source -s $SESSIONS -d\` | share | share at the sink's rate | duplicates / missing | JVM CPU | peak RSS |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|"
	printf '%s\n' "${ROWS[@]}"
	MEDIAN=$(printf '%s\n' "${RATIOS[@]}" | median)
	STEADY_MEDIAN=$(printf '%s\n' "${STEADY_RATIOS[@]}" | median)
	echo
	echo "Median of $RUNS: $MEDIAN% end to end, $STEADY_MEDIAN% at the sink's rate; ≥ 50%: $(met "$(awk -v m="$MEDIAN" 'BEGIN { print (m >= 50) ? 1 : 0 }')")"
fi
