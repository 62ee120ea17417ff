#!/usr/bin/env bash
# Import benchmark: how long `import hf-daily` takes on the real data set, from a fresh data dir,
# and how long importing the same data again (nothing to change) takes.
#
# Usage: bench/import.sh                 (from anywhere; see bench/README.md)
# Environment:
#   DATA=path        the daily-papers folder (default: ../shared/data/hf-daily-papers beside the repo)
#   RUNS=n           fresh imports to time (default 3); each is followed by one re-import
#   JAVA_OPTS=...    extra JVM flags for the import (default: none, the JVM's own defaults)
#   PYTHON=path      the interpreter for the reference (default /usr/bin/python3, Debian's)
#   JAR=path         the jar to measure (default target/paperboy.jar, built when missing)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${DATA:-$ROOT/../shared/data/hf-daily-papers}
RUNS=${RUNS:-3}
JAVA_OPTS=${JAVA_OPTS:-}
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=${JAR:-$ROOT/target/paperboy.jar}

[ -d "$DATA" ] || { echo "No data folder at $DATA (set DATA=...)" >&2; exit 2; }
DATA=$(cd "$DATA" && pwd)
FILES=$(find "$DATA" -maxdepth 1 -name '*.json' | wc -l)

if [ ! -f "$JAR" ]; then
	[ "$JAR" = "$ROOT/target/paperboy.jar" ] || { echo "No jar at $JAR" >&2; exit 2; }
	echo "Building $JAR ..."
	(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
fi

WORK=$(mktemp -d /tmp/paperboy-import-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { awk -F: -v name="$1" '$1 == name { gsub(/ /, "", $2); print $2 }'; }

# runs the import into data dir $1, writes its output to $2, prints the wall time in seconds
timed_import() {
	local start end
	start=$(now)
	# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
	if ! java $JAVA_OPTS -jar "$JAR" import hf-daily "$DATA" --paperboy.data-dir="$1" >"$2" 2>"$2.err"; then
		echo "Import failed (data dir $1):" >&2
		cat "$2" "$2.err" >&2
		exit 1
	fi
	end=$(now)
	seconds "$start" "$end"
}

echo "Import benchmark: $FILES files from $DATA"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java: $(java -version 2>&1 | head -1)${JAVA_OPTS:+, flags: $JAVA_OPTS}"
echo

# Reference: the data itself. Debian's python3 reads and parses every file (json.load) and counts
# the entries: a lower bound for any importer, which must at least read and parse the same bytes.
REFERENCE_SCRIPT='
import glob, json, os, sys
print(sum(len(json.load(open(f, "rb"))) for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))))
'
reference_times=()
for run in $(seq "$RUNS"); do
	start=$(now)
	ENTRIES=$("$PYTHON" -c "$REFERENCE_SCRIPT" "$DATA")
	end=$(now)
	reference_times+=("$(seconds "$start" "$end")")
done
REFERENCE=$(printf '%s\n' "${reference_times[@]}" | median)

# Fixed cost of any import: JVM start, Spring context, creating the database and its schema.
mkdir -p "$WORK/empty-folder"
start=$(now)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" import hf-daily "$WORK/empty-folder" --paperboy.data-dir="$WORK/empty" >/dev/null 2>&1
end=$(now)
OVERHEAD=$(seconds "$start" "$end")

printf '| run | seconds | papers created | papers/s | re-import seconds |\n'
printf '|----:|--------:|---------------:|---------:|------------------:|\n'
fresh_times=()
rates=()
again_times=()
for run in $(seq "$RUNS"); do
	dir="$WORK/run-$run"
	first=$(timed_import "$dir" "$WORK/run-$run.out")
	created=$(field "Papers created" <"$WORK/run-$run.out")
	rejected=$(field "Files rejected" <"$WORK/run-$run.out")
	if [ "$rejected" != "0" ]; then
		echo "Run $run rejected $rejected files:" >&2
		cat "$WORK/run-$run.out" >&2
		exit 1
	fi
	rate=$(awk -v n="$created" -v s="$first" 'BEGIN { printf "%.0f", n / s }')
	# the same data again, into the same database: everything must come out unchanged
	again=$(timed_import "$dir" "$WORK/run-$run.again.out")
	created_again=$(field "Papers created" <"$WORK/run-$run.again.out")
	if [ "$created_again" != "0" ]; then
		echo "Re-import $run created $created_again papers; expected none:" >&2
		cat "$WORK/run-$run.again.out" >&2
		exit 1
	fi
	printf '| %d | %s | %s | %s | %s |\n' "$run" "$first" "$created" "$rate" "$again"
	fresh_times+=("$first")
	rates+=("$rate")
	again_times+=("$again")
	rm -rf "$dir"
done

MEDIAN=$(printf '%s\n' "${fresh_times[@]}" | median)
MEDIAN_RATE=$(printf '%s\n' "${rates[@]}" | median)
MEDIAN_AGAIN=$(printf '%s\n' "${again_times[@]}" | median)
echo
echo "Median fresh import:   ${MEDIAN} s, ${MEDIAN_RATE} papers/s (wall time, JVM start included)"
echo "Median re-import:      ${MEDIAN_AGAIN} s (same data, nothing changes)"
echo "Fixed cost:            ${OVERHEAD} s (importing an empty folder: JVM, Spring, fresh schema)"
echo "Reference (python3):   ${REFERENCE} s to read and parse all $FILES files, $ENTRIES entries (median of $RUNS)"
awk -v m="$MEDIAN" -v r="$REFERENCE" -v o="$OVERHEAD" 'BEGIN {
	printf "Import / reference:    %.1fx (%.1fx after the fixed cost)\n", m / r, (m - o) / r }'
