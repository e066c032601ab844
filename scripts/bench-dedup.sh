#!/bin/sh
# Near-copy detection at scale: the copy index (nd_copyindex) on synthetic
# corpora of 10k, 100k and 1M articles made by gencorpus (a known share of
# near-copies and rewrites, gold.tsv naming them), generated once and kept
# under BUILD/corpus/. For each size bench_dedup reads the corpus into
# memory, then times only the adds (median of RUNS runs, one core: pinned
# with taskset -c 0) and prints articles/s, the index's own bytes per
# article, the peak RSS of the process (corpus text included) and the
# input size, and precision/recall of near-copy pairs against gold. Then
# `newsdigest index add` on the 10k corpus end to end (read, clean, index,
# save), for honesty about what a user sees.
#   scripts/bench-dedup.sh NEWSDIGEST BENCH_DEDUP TIMEIT BUILD
# SIZES overrides the sizes, RUNS the runs (3), GENCORPUS the generator.
set -eu
bin=$1 bench=$2 timeit=$3 build=$4
gen=${GENCORPUS:-$build/tools/gencorpus}
sizes=${SIZES:-10000 100000 1000000}
runs=${RUNS:-3}
pin=""
command -v taskset >/dev/null 2>&1 && pin="taskset -c 0"
if [ ! -x "$gen" ]; then
	echo "bench-dedup: no corpus generator at $gen" >&2
	exit 2
fi
echo "Pairs: each near-copy or duplicate with its source, and copies of one"
echo "source with each other (gold.tsv); found = pairs the index reported."
echo "Rewrites are not near-copies: reporting one counts against precision."
for n in $sizes; do
	dir=$build/corpus/n$n
	if [ ! -s "$dir/corpus.jsonl" ] || [ ! -s "$dir/gold.tsv" ]; then
		mkdir -p "$dir"
		"$gen" --articles "$n" --seed 1 "$dir" >/dev/null
	fi
	echo "== $n articles (seed 1)"
	$pin "$bench" --runs "$runs" "$dir/corpus.jsonl" "$dir/gold.tsv"
done
dir=$build/corpus/n10000
if [ -s "$dir/corpus.jsonl" ]; then
	db=$build/corpus/bench-index.db
	bytes=$(wc -c <"$dir/corpus.jsonl")
	n=$(wc -l <"$dir/corpus.jsonl")
	# shellcheck disable=SC2046
	set -- $($pin "$timeit" "$runs" sh -c \
		"rm -f '$db' && '$bin' index add --db '$db' '$dir/corpus.jsonl'")
	rm -f "$db"
	awk -v n="$n" -v bytes="$bytes" -v runs="$runs" -v wall="$1" \
		-v rss="$3" 'BEGIN {
		printf "== end to end: newsdigest index add, %d articles, %.1f MB: median %.2f s over %d runs = %.0f articles/s, peak RSS %.1f MB\n",
			n, bytes / 1e6, wall / 1e6, runs, n / (wall / 1e6), rss / 1024
	}'
fi
