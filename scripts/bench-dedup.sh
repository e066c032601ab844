#!/bin/sh
# Near-copy detection at scale: the copy index (nd_copyindex) on synthetic
# corpora of 10k, 100k and 1M articles made by gencorpus (a known share of
# near-copies and rewrites, gold.tsv naming them), generated once and kept
# under BUILD/corpus/. For each size bench_dedup reads the corpus into
# memory, then times only the adds (median of RUNS runs, one core: pinned
# with taskset -c 0) and prints articles/s, the index's own bytes per
# article, the peak RSS of the process (corpus text included) and the
# input size, and precision/recall of near-copy pairs against gold. Then
# `newsdigest index add` end to end (read, clean, index, save), for honesty
# about what a user sees: on the 10k corpus, and on the 1M corpus in 100
# files, whose peak RSS shows memory bounded by the index, not the input.
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
# end_to_end LABEL RUNS JSONL...: `newsdigest index add` of the files,
# timed by timeit (wall, peak RSS) from an empty index.
end_to_end() {
	label=$1 e2e_runs=$2
	shift 2
	db=$build/corpus/bench-index.db
	bytes=$(cat "$@" | wc -c)
	n=$(cat "$@" | wc -l)
	# shellcheck disable=SC2046
	set -- $($pin "$timeit" "$e2e_runs" sh -c \
		"rm -f '$db' && '$bin' index add --db '$db' $*")
	rm -f "$db"
	awk -v n="$n" -v bytes="$bytes" -v runs="$e2e_runs" -v wall="$1" \
		-v rss="$3" -v label="$label" 'BEGIN {
		printf "== end to end: newsdigest index add, %d articles%s, %.1f MB: median %.2f s over %d runs = %.0f articles/s, peak RSS %.1f MB\n",
			n, label, bytes / 1e6, wall / 1e6, runs, n / (wall / 1e6), rss / 1024
	}'
}

dir=$build/corpus/n10000
if [ -s "$dir/corpus.jsonl" ]; then
	end_to_end "" "$runs" "$dir/corpus.jsonl"
fi
# Memory bounded by the index, not by history: a million articles arriving
# as 100 files of 10,000 (a batch a file), read, cleaned and indexed in
# one process, once.
dir=$build/corpus/n1000000
if [ -s "$dir/corpus.jsonl" ]; then
	if [ ! -s "$dir/parts/part-099.jsonl" ]; then
		rm -rf "$dir/parts" && mkdir -p "$dir/parts"
		split -l 10000 -d -a 3 "$dir/corpus.jsonl" "$dir/parts/part-"
		for f in "$dir"/parts/part-*; do mv "$f" "$f.jsonl"; done
	fi
	end_to_end " in 100 files" 1 "$dir"/parts/part-*.jsonl
fi
