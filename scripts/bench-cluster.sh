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
# `newsdigest cluster` end to end, for what a user sees: batch on the 10k
# stream, --stream on 10k and on 100k (wall, CPU, peak RSS), each scored
# the same way.
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

# e2e RUNS N [OPTION]: `newsdigest cluster [OPTION]` end to end (read,
# clean, analyse, place) on the N-article stream, timed by timeit (median
# of RUNS: wall, CPU, peak RSS), then run once more and its stories, merges
# followed, scored against topics.tsv by SCORER.
e2e() {
	e2e_runs=$1
	corpus "$2"
	opt=${3:-}
	n=$(wc -l <"$dir/corpus.jsonl")
	mb=$(wc -c <"$dir/corpus.jsonl" | awk '{ printf "%.1f", $1 / 1e6 }')
	# shellcheck disable=SC2086 # opt is one option or none
	t=$($pin "$timeit" "$e2e_runs" "$bin" cluster $opt "$dir/corpus.jsonl")
	echo "$t" | awk -v n="$n" -v mb="$mb" -v runs="$e2e_runs" \
		-v opt="${opt:+ $opt}" '{
		printf "== end to end: newsdigest cluster%s, %d articles, %s MB: median %.2f s wall, %.2f s CPU over %d runs (%d failed) = %.0f articles/s, peak RSS %.1f MB\n",
			opt, n, mb, $1 / 1e6, $2 / 1e6, runs, $4, n / ($1 / 1e6), $3 / 1024
	}'
	awk -F'\t' '{ printf "{\"id\":\"%s\",\"cluster\":\"%s\"}\n", $1, $2 }' \
		"$dir/topics.tsv" >"$dir/gold.jsonl"
	# shellcheck disable=SC2086
	"$bin" cluster $opt "$dir/corpus.jsonl" >"$dir/cluster.out" \
		2>"$dir/cluster.err" ||
		echo "(newsdigest cluster: exit $?: $(head -n 1 "$dir/cluster.err"))"
	# --stream prints "ORDER ARTICLE STORY HOW SCORE MERGED..." lines,
	# MERGED "-" or "STORY,...:SCORE" folded into STORY, and lines
	# "# split: story NEW from OLD, articles ORDER,..." moving articles.
	awk -F'\t' '
	function root(s) { while (s in into) s = into[s]; return s }
	NF == 2 { print; next }
	/^# split: / {
		split($0, w, " ")
		k = split(w[length(w)], o, ",")
		for (i = 1; i <= k; i++)
			st[o[i]] = w[4]
		next
	}
	/^#/ || NF < 6 { next }
	{
		art[++n] = $2; st[n] = $3
		if ($6 != "-") {
			k = split($6, m, ",")
			for (i = 1; i <= k; i++) {
				sub(/:.*/, "", m[i])
				if (root(m[i]) != root($3))
					into[root(m[i])] = root($3)
			}
		}
	}
	END { for (i = 1; i <= n; i++) print root(st[i]) "\t" art[i] }' \
		"$dir/cluster.out" >"$dir/cluster.tsv"
	"$scorer" "$dir/gold.jsonl" "$dir/cluster.tsv" | sed 's/^/   /'
}

# The batch (all articles read first) on 10k; the stream, whose memory
# follows the live stories, on 10k and once on 100k.
e2e "$runs" 10000
e2e "$runs" 10000 --stream
e2e 1 100000 --stream
