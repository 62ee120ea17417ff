#!/usr/bin/env bash
# Search benchmark: the real archive grown to SIZE papers by recombining real titles and abstracts
# (random unit vectors for the vector field), then index build rate and size, p50/p99 of BM25, kNN
# and hybrid queries with 1 and 8 clients, kNN recall@10 against exact search, embedding throughput
# against raw ONNX Runtime on the same batch, and PostgreSQL full-text search (tsvector, GIN,
# ts_rank) on the same corpus and queries. See bench/README.md.
#
# Usage: bench/search.sh [SIZE]
#        bench/search.sh http    the HTTP load benchmark on the real archive instead: 8 clients on
#                                /api/papers/search and /papers/search, text and default mode, against
#                                a bare Lucene IndexSearcher in the same run (bench/search-http.sh,
#                                whose settings are listed at its top)
# Environment:
#   SIZE=1000000     papers in the grown corpus (the first argument wins)
#   QUERIES=2000     queries per measurement
#   JVM_OPTS="-Xmx6g"   the benchmark JVM's flags (the vectors for exact search stay in memory)
#   KEEP=1           keep the temporary folder (index, logs)
#   INDEX=dir        an index kept (KEEP=1: WORK/index) by an earlier run of the same SIZE: the build
#                    is skipped and only the measurements run again (the corpus comes from a fixed seed)
# At 1,000,000 papers it needs about 4 GB under /tmp and an hour or more on 2 cores (HNSW graph
# construction dominates); 100,000 takes a few minutes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "${1:-}" = http ]; then
	shift
	exec "$ROOT/bench/search-http.sh" "$@"
fi
SIZE=${1:-${SIZE:-1000000}}
QUERIES=${QUERIES:-2000}
JVM_OPTS=${JVM_OPTS:--Xmx6g}
ARCHIVE=${ARCHIVE:-$ROOT/../shared/data/hf-daily-papers}

WORK=$(mktemp -d /tmp/paperboy-search-bench.XXXXXX)
cleanup() {
	if [ "${KEEP:-0}" = 1 ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "Building the test classes and the test classpath ..."
(cd "$ROOT" && ./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$WORK/classpath.txt")
CLASSPATH="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")"

echo "Machine: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Corpus: $SIZE papers, $QUERIES queries per measurement"
# the tokenizer's native library goes to the work folder, not the home folder
DJL_CACHE_DIR="$WORK/djl" java $JVM_OPTS -Djava.io.tmpdir="$WORK" -cp "$CLASSPATH" io.paperboy.search.SearchBenchmark \
	"$WORK" "$SIZE" "$QUERIES" "$ARCHIVE" "${INDEX:-}" 2>"$WORK/bench.err" | grep --line-buffered -vE "^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} \[" | tee "$WORK/bench.out"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
