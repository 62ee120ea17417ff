#!/usr/bin/env bash
# The whole of arXiv, end to end, as an operator's first day: a generated snapshot of LINES lines
# with the shape of Kaggle's (bench/snapshot_generate.py --arxiv-shape) imported into PostgreSQL 15
# with `import arxiv-snapshot`, against `psql \copy` of the same rows in the same run; the daily
# lists imported on top (so that day pages have something to show); then the server started on that
# database with embedding on, as an operator would start it: how long until the word index holds
# every paper, embedding papers/s over a fixed window (newest first?) and the projection for all of
# arXiv, how many cores the server keeps busy meanwhile; wrk on the anonymous day page and on the
# search page while embedding goes on; disk used per million papers by the database and the index.
# Prints a Markdown summary. See bench/README.md.
#
# Usage: bench/arxiv.sh
# Environment:
#   LINES=2700000      lines of the generated snapshot (fewer when the disk cannot hold them: the
#                      summary then projects to 2.7 million)
#   EMBED_WINDOW=600   seconds over which embedding is measured, once the word index is complete
#   CATCHUP_WAIT=3600  seconds to wait for the word index to hold every paper before measuring anyway
#   DURATION=20s WARMUP=5s   each wrk run and its warm-up
#   THREADS=2 CONNECTIONS=32 SEARCH_CONNECTIONS=8   wrk's -t, and -c for the day page and for search
#   JAVA_OPTS="-Xmx512m"     the import's JVM flags
#   JVM_OPTS="-Xmx1g"        the server's JVM flags
#   EMBEDDING_THREADS=1      the server's paperboy.search.embedding-threads
#   DAILY=path         the daily-papers folder imported on top (default ../shared/data/hf-daily-papers;
#                      DAILY= skips it)
#   GENERATED=dir      reuse generated.jsonl and generated.csv from an earlier kept run
#   PG_BIN=path        PostgreSQL's programs (default /usr/lib/postgresql/15/bin)
#   PYTHON=path        (default /usr/bin/python3)   JAR=path (default target/paperboy.jar)
#   KEEP=1             keep the work folder (generated files, database, index, logs) under TMPDIR or /tmp
#   KEPT=dir           start from such a kept folder instead: no generation, import or reference; the
#                      server (JAR) starts on its database and index as they were left, so embedding and
#                      visitors are measured again, for example with another build on the same papers
#   REBUILD=1          with KEPT: remove the kept index first, so that the server builds it again from
#                      the database (newest first, searchable from the first batch) and the build is
#                      measured too; the kept index, vectors included, is lost
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
SNAPSHOTS=$ROOT/../shared/data/arxiv-kaggle
LINES=${LINES:-2700000}
EMBED_WINDOW=${EMBED_WINDOW:-600}
CATCHUP_WAIT=${CATCHUP_WAIT:-3600}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
SEARCH_CONNECTIONS=${SEARCH_CONNECTIONS:-8}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
JVM_OPTS=${JVM_OPTS:--Xmx1g}
EMBEDDING_THREADS=${EMBEDDING_THREADS:-1}
DAILY=${DAILY-$ROOT/../shared/data/hf-daily-papers}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=${JAR:-$ROOT/target/paperboy.jar}
ALL_OF_ARXIV=2700000

REAL=$SNAPSHOTS/arxiv-cs-2026-05-06.derived.jsonl
[ -f "$REAL" ] || { echo "No snapshot file at $REAL" >&2; exit 2; }
require_postgres
require_wrk
require_jar

if [ -n "${KEPT:-}" ]; then
	[ -f "$KEPT/pg/PG_VERSION" ] && [ -d "$KEPT/data" ] || { echo "No kept run in $KEPT (pg/ and data/)" >&2; exit 2; }
	WORK=$(cd "$KEPT" && pwd)
	KEEP=1
else
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/paperboy-arxiv-bench.XXXXXX")
fi
chmod 755 "$WORK"
SERVER_PID=
PG_PID=
cleanup() {
	stop_server
	stop_postgres
	if [ "${KEEP:-0}" = 1 ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.0f", b - a }'; }
load() { cut -d' ' -f1 /proc/loadavg; }
per_second() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0) ? n / s : 0 }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
# bytes per million papers, in GB
per_million() { awk -v b="$1" -v n="$2" 'BEGIN { printf "%.2f", (n > 0) ? b / n * 1e6 / 1073741824 : 0 }'; }
du_bytes() { du -sb "$1" | cut -f1; }
# search_status, asked again for up to a minute when the page does not answer (a busy server)
status_now() {
	local state _
	for _ in $(seq 12); do
		state=$(search_status)
		[[ $state != "?"* ]] && break
		sleep 5
	done
	echo "$state"
}

START=$(now)
echo "The whole of arXiv, end to end ($(date -u '+%F %H:%M UTC'))"
echo "Machine: $(machine), $(free -g | awk '/^Mem/ { print $2 }') GB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PostgreSQL: $("$PG_BIN/postgres" --version); import JVM flags: $JAVA_OPTS; server JVM flags: $JVM_OPTS"

# --- disk: the generated files (about 2.1 + 1.8 kB a line), the database with the reference's copy
# (about 5 kB a line at most, measured below) and the index: about 10 kB a line in all ------------
if [ -z "${KEPT:-}" ]; then
	AVAILABLE_KB=$(df -Pk "$WORK" | awk 'NR == 2 { print $4 }')
	echo "Disk: $(df -h "$WORK" | awk 'NR == 2 { print $4 " free of " $2 " on " $6 }')"
	if [ -z "${GENERATED:-}" ] && [ $((LINES * 12)) -gt "$AVAILABLE_KB" ]; then
		LINES=$((AVAILABLE_KB / 12 / 100000 * 100000))
		echo "  not enough for the lines asked: generating $LINES lines, and projecting to $ALL_OF_ARXIV"
	fi
	echo

	# --- 1. the snapshot ----------------------------------------------------------------------------
	if [ -n "${GENERATED:-}" ]; then
		link_generated "$GENERATED"
	else
		echo "Generating $LINES lines with the shape of arXiv (deterministic) ..."
		t=$(now)
		"$PYTHON" "$ROOT/bench/snapshot_generate.py" --arxiv-shape "$LINES" "$WORK/generated.jsonl" "$WORK/generated.csv" \
			"$REAL" "$SNAPSHOTS/arxiv-metadata-oai-snapshot.sample.jsonl"
		chmod 644 "$WORK"/generated.*
		echo "  in $(since "$t") s"
	fi
	LINES=$(wc -l <"$WORK/generated.jsonl")
	echo "  $LINES lines: $(du -hL "$WORK/generated.jsonl" | cut -f1) of JSON Lines, $(du -hL "$WORK/generated.csv" | cut -f1) of CSV"

	# --- 2. import, and the reference ------------------------------------------------------------------
	start_postgres
	echo "PostgreSQL started on port $PG_PORT"
	psql_run -d postgres -c "create database paperboy"
	DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/paperboy?reWriteBatchedInserts=true"
	DB_ARGS=(--spring.datasource.url="$DB_URL" --spring.datasource.username=paperboy)

	echo "Importing the snapshot: java $JAVA_OPTS -jar paperboy.jar import arxiv-snapshot ... (load $(load)) ..."
	IMPORT_LOAD_BEFORE=$(load)
	timed_import "$WORK/generated.jsonl" "$WORK/import" --paperboy.data-dir="$WORK/data" "${DB_ARGS[@]}"
	IMPORT_LOAD_AFTER=$(load)
	CREATED=$IMPORT_CREATED
	echo "  $CREATED papers in $IMPORT_WALL s: $IMPORT_RATE papers/s, peak RSS $IMPORT_RSS MB, JVM CPU $IMPORT_CPU s, PostgreSQL CPU $IMPORT_PG_CPU s (load $IMPORT_LOAD_BEFORE → $IMPORT_LOAD_AFTER)"
	psql_run -d paperboy -c "vacuum analyze" >/dev/null
	PG_AFTER_IMPORT=$(psql_run -d paperboy -At -c "select pg_database_size('paperboy')")

	echo "Reference: psql \\copy of the same rows into one flat table of the same PostgreSQL ..."
	psql_run -d postgres -c "create database reference"
	psql_run -d reference -c "create table snapshot_rows (id varchar(64) primary key, version integer,
		title varchar not null, summary varchar not null, authors varchar, categories varchar,
		published_at timestamp with time zone, updated_at timestamp with time zone, comment varchar,
		journal_ref varchar, doi varchar(255), license varchar(500), versions varchar)"
	COPY_LOAD=$(load)
	cpu_before=$(pg_cpu)
	t=$(now)
	psql_run -d reference -c "\\copy snapshot_rows from '$WORK/generated.csv' with (format csv)"
	COPY_WALL=$(awk -v a="$t" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
	COPY_PG_CPU=$(awk -v a="$cpu_before" -v b="$(pg_cpu)" 'BEGIN { printf "%.0f", b - a }')
	COPIED=$(psql_run -d reference -At -c "select count(*) from snapshot_rows")
	COPY_RATE=$(per_second "$COPIED" "$COPY_WALL")
	COPY_SIZE=$(psql_run -d reference -At -c "select pg_database_size('reference')")
	echo "  $COPIED rows in $COPY_WALL s: $COPY_RATE rows/s, PostgreSQL CPU $COPY_PG_CPU s (load $COPY_LOAD); $(mb "$COPY_SIZE") MB"
	psql_run -d postgres -c "drop database reference"
	IMPORT_SHARE=$(ratio "$IMPORT_RATE" "$COPY_RATE")
	echo "  the import reaches $IMPORT_SHARE of \\copy (goal: at least 25% and 20,000 papers/s)"

	DAILY_NOTE="none"
	if [ -n "$DAILY" ]; then
		DAILY=$(cd "$DAILY" && pwd)
		echo "Importing the daily lists of $DAILY on top ..."
		t=$(now)
		java $JAVA_OPTS -jar "$JAR" import hf-daily "$DAILY" --paperboy.data-dir="$WORK/data" "${DB_ARGS[@]}" \
			>"$WORK/daily.out" 2>&1 || { cat "$WORK/daily.out" >&2; exit 1; }
		DAILY_NOTE="$(awk -F: '$1 == "Files read" { gsub(/ /, "", $2); f = $2 } $1 == "Papers created" { gsub(/ /, "", $2); c = $2 }
			END { printf "%s files, %s papers created", f, c }' "$WORK/daily.out") in $(since "$t") s"
		echo "  $DAILY_NOTE"
	fi
else
	if [ "${REBUILD:-0}" = 1 ]; then
		echo "Starting from the run kept in $WORK: its database as it was left, its index removed to be built again"
		rm -rf "$WORK/data/index"
	else
		echo "Starting from the run kept in $WORK: its database and index as they were left"
	fi
	LINES=$(wc -l <"$WORK/generated.jsonl" 2>/dev/null || echo "?")
	start_postgres
	DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/paperboy?reWriteBatchedInserts=true"
	DB_ARGS=(--spring.datasource.url="$DB_URL" --spring.datasource.username=paperboy)
	DAILY_NOTE="as kept"
	PG_AFTER_IMPORT=$(psql_run -d paperboy -At -c "select pg_database_size('paperboy')")
	COPY_SIZE=0 CREATED=— IMPORT_RATE=— IMPORT_RSS=— IMPORT_SHARE=— COPY_RATE=— IMPORT_LOAD_BEFORE=$(load)
fi
PAPERS=$(psql_run -d paperboy -At -c "select count(*) from papers")
echo "Papers in the database: $PAPERS"

# --- 3. the server, as an operator starts it: embedding on --------------------------------------
ADMIN_TOKEN=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
PORT=${PORT:-$(free_port)}
# no fetching from arXiv or Hugging Face, no PDFs for thumbnails: this machine may have no network, and they are not measured
SERVER_ARGS="--spring.datasource.url=$DB_URL --spring.datasource.username=paperboy --paperboy.base-url=http://127.0.0.1:$PORT
	--paperboy.search.embeddings=true --paperboy.search.embedding-threads=$EMBEDDING_THREADS
	--paperboy.sources.backfill-days=0 --paperboy.sources.arxiv.enabled=false --paperboy.sources.hf.enabled=false
	--paperboy.thumbnails.enabled=false"
echo
echo "Starting the server on the database (embedding on, $EMBEDDING_THREADS embedding thread(s)) ..."
t=$(now)
export PAPERBOY_ADMIN_TOKEN=$ADMIN_TOKEN
start_server "$WORK/data" 600
SERVER_START=$t
HEALTHY_AFTER=$(since "$t")
echo "  healthy after $HEALTHY_AFTER s"
busy_cores >/dev/null
catchup_ticks=$(cpu_ticks)
echo "Waiting for the word index to hold all $PAPERS papers (at most ${CATCHUP_WAIT}s) ..."
: >"$WORK/progress.txt"
CATCHUP_DONE=
FIRST_SEARCHABLE=
while :; do
	read -r _ indexed embedded rebuilding rate index_bytes < <(status_now)
	elapsed=$(since "$SERVER_START")
	echo "$elapsed $indexed $embedded $rebuilding $rate $index_bytes $(load)" >>"$WORK/progress.txt"
	# the rebuild shows its progress as it goes: when search first found papers (to the 10 s tick)
	[ -z "$FIRST_SEARCHABLE" ] && [[ $indexed =~ ^[1-9] ]] && FIRST_SEARCHABLE=$elapsed
	if [ "$indexed" = "$PAPERS" ] && [ "$rebuilding" = no ]; then CATCHUP_DONE=1; break; fi
	[ "$elapsed" -ge "$CATCHUP_WAIT" ] && break
	kill -0 "$SERVER_PID" 2>/dev/null || { echo "The server stopped:" >&2; tail -60 "$WORK/server.log" >&2; exit 1; }
	[ $((elapsed / 10 % 6)) = 0 ] && echo "  $(date -u +%H:%M:%S) +${elapsed}s: indexed $indexed, embedded $embedded (load $(load))"
	sleep 10
done
CATCHUP_WALL=$(since "$SERVER_START")
CATCHUP_INDEXED=$indexed
CATCHUP_EMBEDDED=$embedded
CATCHUP_INDEX_BYTES=$(du_bytes "$WORK/data/index")
CATCHUP_CORES=$(awk -v t=$(($(cpu_ticks) - catchup_ticks)) -v hz="$(getconf CLK_TCK)" -v s="$((CATCHUP_WALL - HEALTHY_AFTER))" 'BEGIN { printf "%.2f", (s > 0) ? t / hz / s : 0 }')
CATCHUP_MACHINE=$(busy_cores)
# the rate from the moment the server answers (its start, Flyway's checks included, is apart)
CATCHUP_RATE=$(per_second "$CATCHUP_INDEXED" "$((CATCHUP_WALL - HEALTHY_AFTER))")
CATCHUP_LOAD=$(load)
if [ -n "$CATCHUP_DONE" ]; then
	echo "  every paper indexed $CATCHUP_WALL s after start ($HEALTHY_AFTER s of it starting): $CATCHUP_RATE papers/s; server $CATCHUP_CORES cores, machine $CATCHUP_MACHINE busy (load $CATCHUP_LOAD); meanwhile $CATCHUP_EMBEDDED embedded"
	echo "  the first papers were searchable ${FIRST_SEARCHABLE:-?} s after start (polled every 10 s)"
else
	echo "  NOT complete after ${CATCHUP_WAIT}s: $CATCHUP_INDEXED of $PAPERS indexed ($CATCHUP_RATE papers/s; all at that rate: $(per_second "$PAPERS" "$CATCHUP_RATE") s); measuring embedding while it goes on"
fi

# Embedding, measured alone over the window: rate, the server's cores, its busiest threads.
echo "Measuring embedding for ${EMBED_WINDOW}s (nothing else from this script meanwhile) ..."
read -r _ _ embedded_before _ _ _ < <(status_now)
thread_ticks "$SERVER_PID" >"$WORK/threads-before.txt"
busy_cores >/dev/null
ticks_before=$(cpu_ticks)
EMBED_LOAD_BEFORE=$(load)
t=$(now)
sleep "$EMBED_WINDOW"
read -r _ _ embedded_after _ queue_rate _ < <(status_now)
EMBED_SECONDS=$(awk -v a="$t" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
ticks_after=$(cpu_ticks)
EMBED_MACHINE=$(busy_cores)
EMBED_LOAD_AFTER=$(load)
thread_ticks "$SERVER_PID" >"$WORK/threads-after.txt"
EMBEDDED=$((embedded_after - embedded_before))
EMBED_RATE=$(awk -v n="$EMBEDDED" -v s="$EMBED_SECONDS" 'BEGIN { printf "%.1f", n / s }')
EMBED_CORES=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v s="$EMBED_SECONDS" 'BEGIN { printf "%.2f", t / hz / s }')
EMBED_CPU_PER_PAPER=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$EMBEDDED" 'BEGIN { printf "%.0f", (n > 0) ? t / hz / n * 1000 : 0 }')
PROJECTION_HOURS=$(awk -v r="$EMBED_RATE" -v n="$ALL_OF_ARXIV" 'BEGIN { printf "%.0f", (r > 0) ? n / r / 3600 : 0 }')
echo "  $EMBEDDED papers in $EMBED_SECONDS s: $EMBED_RATE papers/s (the queue's last batch: $queue_rate/s); server $EMBED_CPU_PER_PAPER ms CPU a paper, $EMBED_CORES cores busy; machine $EMBED_MACHINE (load $EMBED_LOAD_BEFORE → $EMBED_LOAD_AFTER)"
echo "  all of arXiv ($ALL_OF_ARXIV papers) at this rate: $PROJECTION_HOURS hours ($(awk -v h="$PROJECTION_HOURS" 'BEGIN { printf "%.1f", h / 24 }') days)"
echo "  the server's busiest threads over the window (CPU s):"
# threads started during the window count from nothing (the embedding model's, on first use)
awk -v hz="$(getconf CLK_TCK)" 'NR == FNR { before[$1] = $3; next }
	{ d = ($3 - before[$1]) / hz; if (d > 0.5) printf "%10.1f  %s (%s)\n", d, $2, $1 }' \
	"$WORK/threads-before.txt" "$WORK/threads-after.txt" \
	| sort -rn | head -8 | tee "$WORK/threads.txt"
EMBEDDER_THREADS=$(awk '$2 ~ /paperboy-embedd/' "$WORK/threads.txt" | wc -l)
BUSY_THREADS=$(awk -v w="$EMBED_SECONDS" '$1 > w * 0.25' "$WORK/threads.txt" | wc -l)

# Newest first? The papers search by meaning finds can only be embedded ones: their dates against
# the date above which the EMBEDDED-newest papers lie.
EMBEDDED_NOW=$embedded_after
NEWEST_EDGE=$(psql_run -d paperboy -At -c "select to_char(published_at at time zone 'UTC', 'YYYY-MM-DD') from papers
	order by published_at desc nulls last offset $((EMBEDDED_NOW > 0 ? EMBEDDED_NOW - 1 : 0)) limit 1")
ORDER_CHECK=$(curl -sf "$BASE/api/papers/search?q=learning&mode=semantic&limit=100" | "$PYTHON" -c '
import json, sys
items = json.load(sys.stdin)
dates = sorted(i["paper"].get("publishedAt", "")[:10] for i in items if i["paper"].get("publishedAt"))
print("%d hits by meaning, published %s to %s" % (len(dates), dates[0], dates[-1]) if dates else "no hits by meaning")' 2>/dev/null || echo "search by meaning did not answer")
echo "  newest first: the $EMBEDDED_NOW newest papers were published on or after $NEWEST_EDGE; $ORDER_CHECK"

# --- 4. visitors while embedding goes on --------------------------------------------------------
DAY=$(psql_run -d paperboy -At -c "select to_char(d, 'YYYY-MM-DD') from (select cast(submitted_at as date) d, count(*) n
	from daily_entries group by 1 order by n desc, d desc limit 1) t" 2>/dev/null || true)
[ -n "$DAY" ] || DAY=$(date -u +%F)
DAY_BYTES=$(curl -sf -H 'Accept-Encoding: identity' -o "$WORK/day.html" -w '%{size_download}' "$BASE/papers/date/$DAY" || echo 0)
DAY_CARDS=$(grep -c '<article class="card">' "$WORK/day.html" 2>/dev/null || true)
NAMES=(day) URLS=("/papers/date/$DAY") ENCODINGS=(identity) LABELS=("anonymous day page /papers/date/$DAY") PROCESSES=("")
echo
echo "Visitors while embedding: the day page ($DAY_CARDS cards, $DAY_BYTES bytes), then search"
measure_all
QUERY_SOURCE=${DAILY:-}
if [ -n "$QUERY_SOURCE" ]; then
	"$PYTHON" "$ROOT/bench/search_queries.py" "$QUERY_SOURCE" 200 >"$WORK/queries.txt"
else
	printf '%s\n' "graph neural networks" "language model" "black hole" "quantum error correction" >"$WORK/queries.txt"
fi
export QUERIES="$WORK/queries.txt"
declare -A SEARCH_LABELS=([words]="search page, words (mode=text)" [default]="search page, default mode (words and meaning)")
declare -A SEARCH_EXTRAS=([words]=mode=text [default]=)
for name in words default; do
	measure_search "$name" "${SEARCH_EXTRAS[$name]}" "${SEARCH_LABELS[$name]}"
done
read -r _ _ embedded_end _ _ _ < <(status_now)

# --- 5. disk, memory, errors ----------------------------------------------------------------------
SERVER_RSS=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
SERVER_HWM=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
stop_server
INDEX_BYTES=$(du_bytes "$WORK/data/index")
psql_run -d paperboy -At -F ' ' -c "select relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid)
	from pg_class c join pg_namespace n on n.oid = c.relnamespace
	where n.nspname = 'public' and c.relkind = 'r' order by 2 desc" >"$WORK/tables.txt"
PG_DB_BYTES=$(psql_run -d paperboy -At -c "select pg_database_size('paperboy')")
PG_DIR_BYTES=$(du_bytes "$WORK/pg")
# the vectors' share: what the index grew by per paper embedded since the word index was complete
VECTOR_BYTES=$(awk -v a="$CATCHUP_INDEX_BYTES" -v b="$INDEX_BYTES" -v n="$((embedded_end - CATCHUP_EMBEDDED))" \
	'BEGIN { printf "%.0f", (n > 0) ? (b - a) / n : 0 }')
WORDS_PER_MILLION=$(per_million "$CATCHUP_INDEX_BYTES" "$PAPERS")
VECTORS_PER_MILLION=$(awk -v v="$VECTOR_BYTES" 'BEGIN { printf "%.2f", v * 1e6 / 1073741824 }')
# a build just finished may still be merging its segments: the index then shrinks while vectors are
# added, and their share cannot be told apart
if [ "$VECTOR_BYTES" -le 0 ]; then VECTOR_BYTES="?"; VECTORS_PER_MILLION="? (the index shrank as its segments merged)"; fi
# errors, and warnings that carry an exception (a source's retries are INFO lines and do not count)
ERRORS=$(grep -cE ' ERROR | WARN .*Exception' "$WORK/server.log" || true)

# --- the summary ------------------------------------------------------------------------------------
DATE=$(date -u +%F)
MACHINE=$(machine)
echo
echo "## Results ($(date -u '+%F %H:%M UTC'), $(since "$START") s in all)"
echo
echo "Machine: $MACHINE, $(free -g | awk '/^Mem/ { print $2 }') GB, shared with other work (load averages beside each figure)."
echo "Snapshot: $LINES generated lines with arXiv's shape; daily lists on top: $DAILY_NOTE; $PAPERS papers in the database."
echo
echo "| step | result | reference / note | load avg |"
echo "|---|---|---|---|"
[ -n "${KEPT:-}" ] || echo "| import arxiv-snapshot into PostgreSQL 15 ($JAVA_OPTS) | $CREATED papers in $IMPORT_WALL s, **$IMPORT_RATE papers/s**, peak RSS $IMPORT_RSS MB, JVM CPU $IMPORT_CPU s, PostgreSQL CPU $IMPORT_PG_CPU s | \`psql \\copy\` of the same rows: $COPY_WALL s, $COPY_RATE rows/s (PostgreSQL CPU $COPY_PG_CPU s): import = **$IMPORT_SHARE** | $IMPORT_LOAD_BEFORE → $IMPORT_LOAD_AFTER; copy $COPY_LOAD |"
if [ -n "$CATCHUP_DONE" ]; then
	echo "| word index complete (server start to every paper indexed; papers/s from the moment it answers) | $CATCHUP_WALL s (healthy after $HEALTHY_AFTER s), **$CATCHUP_RATE papers/s**; first papers searchable ${FIRST_SEARCHABLE:-?} s after start | server $CATCHUP_CORES cores busy, machine $CATCHUP_MACHINE; $CATCHUP_EMBEDDED embedded meanwhile | $CATCHUP_LOAD |"
else
	echo "| word index (NOT complete after ${CATCHUP_WAIT}s: embedding and visitors below were measured while it went on) | $CATCHUP_INDEXED of $PAPERS in $CATCHUP_WALL s, **$CATCHUP_RATE papers/s**; all of them at that rate: $(per_second "$PAPERS" "$CATCHUP_RATE") s | server $CATCHUP_CORES cores busy, machine $CATCHUP_MACHINE; $CATCHUP_EMBEDDED embedded meanwhile | $CATCHUP_LOAD |"
fi
echo "| embedding, newest first ($EMBEDDING_THREADS embedding thread(s), ${EMBED_SECONDS}s window) | $EMBEDDED papers, **$EMBED_RATE papers/s**, $EMBED_CPU_PER_PAPER ms of server CPU a paper | server $EMBED_CORES cores busy, machine $EMBED_MACHINE; $BUSY_THREADS threads busy over a quarter of the time | $EMBED_LOAD_BEFORE → $EMBED_LOAD_AFTER |"
echo "| all of arXiv ($ALL_OF_ARXIV papers) embedded at that rate | **$PROJECTION_HOURS hours** | the $EMBEDDED_NOW embedded were the newest (published on or after $NEWEST_EDGE); $ORDER_CHECK | |"
for name in day words default; do
	case $name in
		day) label="anonymous day page (/papers/date/$DAY, $DAY_CARDS cards, $DAY_BYTES bytes), $CONNECTIONS connections" ;;
		*) label="${SEARCH_LABELS[$name]}, $SEARCH_CONNECTIONS connections, rotating queries" ;;
	esac
	echo "| $label, while embedding | ${RPS[$name]} req/s, p50 ${P50[$name]} ms, p99 ${P99[$name]} ms | ${CPU[$name]} ms server CPU a request | ${LOAD[$name]} |"
done
echo "| PostgreSQL | database $(mb "$PG_DB_BYTES") MB (after the import: $(mb "$PG_AFTER_IMPORT") MB), data dir $(mb "$PG_DIR_BYTES") MB: **$(per_million "$PG_DB_BYTES" "$PAPERS") GB per million papers** | the flat \`\\copy\` table: $(mb "$COPY_SIZE") MB | |"
echo "| index | $(mb "$INDEX_BYTES") MB with $embedded_end embedded; words alone $(mb "$CATCHUP_INDEX_BYTES") MB: **$WORDS_PER_MILLION GB per million papers**; vectors $VECTOR_BYTES bytes a paper: **$VECTORS_PER_MILLION GB per million** | | |"
echo "| server memory | RSS $SERVER_RSS MB at the end, peak $SERVER_HWM MB ($JVM_OPTS) | ERROR lines or exceptions in the log: $ERRORS | |"
echo
echo "Largest tables (total with indexes and TOAST / the table alone, MB):"
awk '{ printf "  %-32s %8.0f %8.0f\n", $1, $2 / 1048576, $3 / 1048576 }' "$WORK/tables.txt" | head -12
if [ "$ERRORS" != 0 ]; then
	echo
	echo "First errors in the server's log:"
	grep -nE ' ERROR | WARN .*Exception' "$WORK/server.log" | head -20
fi
echo
echo "README benchmark row:"
echo
[ -n "${KEPT:-}" ] || echo "| the whole of arXiv, end to end (\`bench/arxiv.sh\`, $DATE, $MACHINE; $PAPERS papers on PostgreSQL 15 ($LINES generated with arXiv's shape); load average $IMPORT_LOAD_BEFORE to ${LOAD[default]}) | import $IMPORT_RATE papers/s (peak RSS $IMPORT_RSS MB); word index complete $CATCHUP_WALL s after start ($CATCHUP_RATE papers/s); embedding newest first $EMBED_RATE papers/s, $EMBED_CPU_PER_PAPER ms CPU a paper ($PROJECTION_HOURS h for 2.7 million); while embedding: day page ${RPS[day]} req/s, p99 ${P99[day]} ms; words search ${RPS[words]} req/s, p99 ${P99[words]} ms; disk per million papers: $(per_million "$PG_DB_BYTES" "$PAPERS") GB database, $WORDS_PER_MILLION GB words, $VECTORS_PER_MILLION GB vectors | \`psql \\copy\` of the same rows: $COPY_RATE rows/s (import: $IMPORT_SHARE) | import ≥ 25% of \`\\copy\` and ≥ 20,000 papers/s: $(awk -v r="$IMPORT_RATE" -v c="$COPY_RATE" 'BEGIN { print (r >= 20000 && r * 4 >= c) ? "met" : "not met" }') |"
