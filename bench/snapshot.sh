#!/usr/bin/env bash
# Snapshot import benchmark: `import arxiv-snapshot` of the real 14,318-line file, then of generated
# files of 100,000 and 1,000,000 lines, each into a fresh H2 database and a fresh PostgreSQL
# database, with papers/s and peak RSS; as the reference, `psql \copy` of the same 1,000,000 rows
# into an equivalent table of the same PostgreSQL.
#
# Usage: bench/snapshot.sh               (from anywhere; see bench/README.md)
# Environment:
#   LINES=n          lines of the large generated file (default 1000000)
#   SMALL_LINES=n    lines of the smaller one, its first lines, to show memory stays flat (default 100000)
#   JAVA_OPTS=...    JVM flags of the import (default -Xmx512m)
#   DATABASES=...    which databases to import into (default "h2 postgres")
#   PG_BIN=path      PostgreSQL's programs (default /usr/lib/postgresql/15/bin; apt-get install -y postgresql)
#   PYTHON=path      the interpreter of the generator (default /usr/bin/python3)
#   JAR=path         the jar to measure (default target/paperboy.jar, built when missing)
#   GENERATED=dir    reuse generated.jsonl and generated.csv from an earlier run's kept folder
#   KEEP=1           keep the work folder (generated files, logs) under /tmp
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=$ROOT/../shared/data/arxiv-kaggle
LINES=${LINES:-1000000}
SMALL_LINES=${SMALL_LINES:-100000}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
DATABASES=${DATABASES:-h2 postgres}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=${JAR:-$ROOT/target/paperboy.jar}

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

REAL=$DATA/arxiv-cs-2026-05-06.derived.jsonl
[ -f "$REAL" ] || { echo "No snapshot file at $REAL" >&2; exit 2; }
require_postgres
if [ ! -f "$JAR" ]; then
	[ "$JAR" = "$ROOT/target/paperboy.jar" ] || { echo "No jar at $JAR" >&2; exit 2; }
	echo "Building $JAR ..."
	(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
fi

WORK=$(mktemp -d /tmp/paperboy-snapshot-bench.XXXXXX)
chmod 755 "$WORK"
PG_PID=
cleanup() {
	stop_postgres
	[ "${KEEP:-}" = 1 ] && echo "Kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }

echo "Snapshot import benchmark"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/^Mem/ { print $2 }') GB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java: $(java -version 2>&1 | head -1), flags: $JAVA_OPTS; PostgreSQL: $("$PG_BIN/postgres" --version)"
echo

if [ -n "${GENERATED:-}" ]; then
	link_generated "$GENERATED"
else
	echo "Generating $LINES lines from the real records (deterministic) ..."
	"$PYTHON" "$ROOT/bench/snapshot_generate.py" "$LINES" "$WORK/generated.jsonl" "$WORK/generated.csv" \
		"$REAL" "$DATA/arxiv-metadata-oai-snapshot.sample.jsonl"
fi
head -n "$SMALL_LINES" "$WORK/generated.jsonl" >"$WORK/generated-small.jsonl"
chmod 644 "$WORK"/generated-small.jsonl
echo "  $(du -hL "$WORK/generated.jsonl" | cut -f1) of JSON Lines, $(du -hL "$WORK/generated.csv" | cut -f1) of CSV"

if [[ " $DATABASES " == *" postgres "* ]]; then
	# a throwaway cluster with the server's default durability (fsync and synchronous commit on)
	start_postgres
	echo "PostgreSQL started on port $PG_PORT"
fi

# import FILE DATABASE NAME: a fresh database, the import timed (timed_import in bench/lib.sh); prints a table row
RESULTS=()
import() {
	local file=$1 database=$2 name=$3 url=() log=$WORK/$2-$3
	if [ "$database" = postgres ]; then
		psql_run -d postgres -c "create database run_$name"
		# reWriteBatchedInserts: the driver sends a batch of inserts as multi-row statements
		url=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/run_$name?reWriteBatchedInserts=true"
			--spring.datasource.username=paperboy)
	fi
	timed_import "$file" "$log" --paperboy.data-dir="$WORK/data-$database-$name" "${url[@]}"
	local db_cpu=$IMPORT_PG_CPU
	[ "$database" = postgres ] || db_cpu=0
	RESULTS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |' "$database" "$name" "$IMPORT_CREATED" \
		"$IMPORT_WALL" "$IMPORT_RATE" "$IMPORT_OWN_RATE" "$IMPORT_CPU" "$db_cpu" "$IMPORT_RSS" "$(cut -d' ' -f1 /proc/loadavg)")")
	echo "${RESULTS[-1]}"
	rm -rf "$WORK/data-$database-$name"
}

echo
echo "| database | file | papers | wall s | papers/s (wall) | papers/s (import alone) | JVM CPU s | PostgreSQL CPU s | peak RSS MB | load after |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for database in $DATABASES; do
	import "$REAL" "$database" real
	import "$WORK/generated-small.jsonl" "$database" small
	import "$WORK/generated.jsonl" "$database" large
done

if [[ " $DATABASES " == *" postgres "* ]]; then
	# Reference: the same rows loaded by COPY into one flat table of the same columns, in the same
	# PostgreSQL: authors and categories as text in the row, not rows of their own, and no logic.
	psql_run -d postgres -c "create database reference"
	psql_run -d reference -c "create table snapshot_rows (id varchar(64) primary key, version integer,
		title varchar not null, summary varchar not null, authors varchar, categories varchar,
		published_at timestamp with time zone, updated_at timestamp with time zone, comment varchar,
		journal_ref varchar, doi varchar(255), license varchar(500), versions varchar)"
	cpu_before=$(pg_cpu)
	start=$(now)
	psql_run -d reference -c "\\copy snapshot_rows from '$WORK/generated.csv' with (format csv)"
	end=$(now)
	copied=$(psql_run -d reference -At -c "select count(*) from snapshot_rows")
	copy_wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
	copy_rate=$(awk -v n="$copied" -v s="$copy_wall" 'BEGIN { printf "%.0f", n / s }')
	copy_cpu=$(awk -v a="$cpu_before" -v b="$(pg_cpu)" 'BEGIN { printf "%.1f", b - a }')
	echo
	echo "Reference: psql \\copy of the same $copied rows: $copy_wall s, $copy_rate rows/s, PostgreSQL CPU $copy_cpu s (load $(cut -d' ' -f1 /proc/loadavg))"
	large=$(printf '%s\n' "${RESULTS[@]}" | awk -F'|' '$2 ~ /postgres/ && $3 ~ /large/ { gsub(/ /, "", $6); print $6 }')
	large_own=$(printf '%s\n' "${RESULTS[@]}" | awk -F'|' '$2 ~ /postgres/ && $3 ~ /large/ { gsub(/ /, "", $7); print $7 }')
	awk -v a="$large" -v b="$large_own" -v c="$copy_rate" 'BEGIN {
		printf "Import into PostgreSQL / \\copy: %.0f%% by wall time, %.0f%% by the import alone (goal: at least 25%%)\n",
			100 * a / c, 100 * b / c }'
fi
