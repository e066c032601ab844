#!/bin/sh
# Story clustering at scale: the story index (nd_storyindex) on synthetic
# news streams of 10k, 100k and 1M articles made by gencorpus --stream
# (stories that start, draw coverage for a few days and end; some are
# sub-events of a live story sharing half its words and names; lines in
# publication order; topics.tsv naming each article's story), generated
# once and kept under BUILD/corpus/. For each size bench_cluster reads the
# corpus into memory, then times only the adds (median of RUNS runs, one
# core: pinned with taskset -c 0) and prints articles/s, peak RSS, the
# index's bytes and live stories at 10%, 50% and 100% of the run (memory
# should follow the live stories, not the articles seen), stories made,
# merged and expired, and B-cubed P/R/F1 against topics.tsv. Then
# `newsdigest cluster` end to end on the 10k stream (median of RUNS, peak
# RSS), scored the same way, for what a user sees.
#   scripts/bench-cluster.sh NEWSDIGEST BENCH_CLUSTER TIMEIT SCORER BUILD
# SIZES overrides the sizes, RUNS the runs (3), GENCORPUS the generator,
# STREAM its stream options, CORE the core pinned to (0).
set -eu
bin=$1 bench=$2 timeit=$3 scorer=$4 build=$5
gen=${GENCORPUS:-$build/tools/gencorpus}
sizes=${SIZES:-10000 100000 1000000}
runs=${RUNS:-3}
stream=${STREAM:---stream 0.25 --life 3 --family 0.2}
pin=""
command -v taskset >/dev/null 2>&1 && pin="taskset -c ${CORE:-0}"
if [ ! -x "$gen" ]; then
	echo "bench-cluster: no corpus generator at $gen" >&2
	exit 2
fi

# corpus N: the directory of the N-article stream, made when missing, or
# made with other options or by an older generator.
corpus() {
	dir=$build/corpus/stream$1
	args="--articles $1 --seed 1 $stream"
	if [ ! -s "$dir/corpus.jsonl" ] || [ ! -s "$dir/topics.tsv" ] ||
		[ -n "$(find "$gen" -newer "$dir/corpus.jsonl")" ] ||
		[ "$(cat "$dir/args" 2>/dev/null)" != "$args" ]; then
		rm -rf "$dir" && mkdir -p "$dir"
		# shellcheck disable=SC2086 # the words of args are the arguments
		"$gen" $args "$dir" >/dev/null
		echo "$args" >"$dir/args"
	fi
}

echo "Corpora: gencorpus --seed 1 $stream (by default a quarter"
echo "of originals start a story, a fifth of new stories are sub-events of a"
echo "live one; about 38% of articles, 30% at 10k, copy, rewrite or duplicate"
echo "an earlier one). Scores: the index's stories, merges followed, against"
echo "topics.tsv."
for n in $sizes; do
	corpus "$n"
	echo "== $n articles ($(wc -c <"$dir/corpus.jsonl" |
		awk '{ printf "%.1f MB", $1 / 1e6 }')), stream of seed 1"
	$pin "$bench" --runs "$runs" "$dir/corpus.jsonl" "$dir/topics.tsv"
done

# End to end on the 10k stream: read, clean, analyse and cluster, timed by
# timeit (wall, CPU, peak RSS), then its stories scored once.
corpus 10000
n=$(wc -l <"$dir/corpus.jsonl")
mb=$(wc -c <"$dir/corpus.jsonl" | awk '{ printf "%.1f", $1 / 1e6 }')
# shellcheck disable=SC2046
set -- $($pin "$timeit" "$runs" "$bin" cluster "$dir/corpus.jsonl")
awk -v n="$n" -v mb="$mb" -v runs="$runs" -v wall="$1" -v cpu="$2" \
	-v rss="$3" -v failed="$4" 'BEGIN {
	printf "== end to end: newsdigest cluster, %d articles, %s MB: median %.2f s wall, %.2f s CPU over %d runs (%d failed) = %.0f articles/s, peak RSS %.1f MB\n",
		n, mb, wall / 1e6, cpu / 1e6, runs, failed, n / (wall / 1e6), rss / 1024
}'
awk -F'\t' '{ printf "{\"id\":\"%s\",\"cluster\":\"%s\"}\n", $1, $2 }' \
	"$dir/topics.tsv" >"$dir/gold.jsonl"
"$bin" cluster "$dir/corpus.jsonl" >"$dir/cluster.tsv" 2>"$dir/cluster.err" ||
	echo "(newsdigest cluster: exit $?, $(wc -l <"$dir/cluster.err") lines on stderr)"
"$scorer" "$dir/gold.jsonl" "$dir/cluster.tsv"
