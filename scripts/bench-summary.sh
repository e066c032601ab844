#!/bin/sh
# Speed of summarizing: `newsdigest summarize --words 100` on stories of
# 10, 50 and 500 articles, pinned to one core, timed by scripts/bench.sh
# (median wall time of RUNS runs, process start to exit; peak resident
# memory), beside the targets of the summary issue. The timer is what
# taskset (when there) pins, and the program inherits the core: put inside
# the timed command, taskset's own start (about 0.9 ms, as much as ours)
# would count as the program's. `newsdigest --version` first: the floor that starting the
# process costs, part of every figure.
#
#   scripts/bench-summary.sh NEWSDIGEST DUC2004 [DUC2006]
#
# The stories are built at run time in a temporary folder (never kept) from
# whole clusters of articles, in an order drawn with a fixed seed (SEED,
# Park-Miller generator in awk, so the same on every awk):
#   10 articles:  one DUC 2004 dev cluster, the first of the draw: a real
#                 story;
#   50 articles:  five DUC 2004 dev clusters, the first five of the draw:
#                 five stories' articles summarized as one;
#   500 articles: the 25 DUC 2004 dev clusters (250 articles) and the
#                 first ten of the 50 DUC 2006 clusters of the draw (250
#                 articles, longer ones): 35 stories as one. Skipped when
#                 DUC2006 is missing (the dev half has 250 articles only).
# Files are named ORDER_CLUSTER_DOCNO.txt, so the program reads them in the
# order of the draw. Then, for the 50- and 500-article stories, the same
# timing of the commands that stop earlier in the pipeline (clean; dedup:
# + analyse and dedup; cluster: + cluster), so that the differences show
# what each stage costs. Exits 2 when DUC2004 is missing.
set -eu
bin=$1 duc04=$2
duc06=${3:-}
seed=${SEED:-2004}
bench=$(dirname "$0")/bench.sh
if ! ls "$duc04"/*/docs/*.txt >/dev/null 2>&1; then
	echo "bench-summary: no DUC 2004 clusters (CLUSTER/docs/*.txt) in" \
		"$duc04 (is ../shared/data/summ there?)" >&2
	exit 2
fi
pin=
if command -v taskset >/dev/null 2>&1; then
	pin="taskset -c 0"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# draw DATA: DATA's cluster folders, one a line, in the seeded order.
draw() {
	for d_c in "$1"/*/docs; do
		[ -d "$d_c" ] && echo "${d_c%/docs}"
	done | awk -v seed="$seed" '
		{ c[NR] = $0 }
		END {
			x = seed % 2147483647
			if (x <= 0) x += 2147483646
			for (i = NR; i > 1; i--) { # Fisher-Yates
				x = (x * 16807) % 2147483647
				j = 1 + x % i
				t = c[i]; c[i] = c[j]; c[j] = t
			}
			for (i = 1; i <= NR; i++) print c[i]
		}'
}

# story NAME COUNT DATA: adds the articles of DATA's first COUNT clusters
# of the draw to $tmp/NAME.
story() {
	s_dir=$tmp/$1
	mkdir -p "$s_dir"
	s_k=$(ls "$s_dir" | wc -l)
	for s_c in $(draw "$3" | head -n "$2"); do
		for s_f in "$s_c"/docs/*.txt; do
			s_k=$((s_k + 1))
			cp "$s_f" "$s_dir/$(printf '%04d' "$s_k")_$(basename \
				"$s_c")_$(basename "$s_f")"
		done
	done
}

# run LABEL NAME TARGET: one line of bench.sh, the article and word counts
# and the cluster ids, and the target beside.
run() {
	r_dir=$tmp/$2
	# shellcheck disable=SC2086
	$pin "$bench" "$1" "$r_dir" -- "$bin" summarize --words 100 "$r_dir" |
		sed "s/\$/  (target: $3)/"
	echo "    $(cat "$r_dir"/*.txt | wc -w) words; clusters:" \
		$(ls "$r_dir" | cut -d _ -f 2 | uniq) | fold -s -w 76 |
		sed '2,$s/^/    /'
}

story s10 1 "$duc04"
story s50 5 "$duc04"
story s500 25 "$duc04"
if [ -n "$duc06" ] && ls "$duc06"/*/docs/*.txt >/dev/null 2>&1; then
	story s500 10 "$duc06"
else
	rm -rf "$tmp/s500"
fi

echo "bench-summary: newsdigest summarize --words 100, ${pin:-one process}," \
	"median of ${RUNS:-9} runs (seed $seed)"
# shellcheck disable=SC2086
$pin "$bench" "startup (--version)" - -- "$bin" --version
run "10 articles" s10 "none set"
run "50 articles" s50 "<= 10 ms"
if [ -d "$tmp/s500" ]; then
	run "500 articles" s500 "<= 200 ms"
else
	echo "500 articles: skipped, no DUC 2006 articles in '$duc06' (the" \
		"DUC 2004 dev half has 250)"
fi

# stages LABEL NAME: the commands that stop earlier, on the same story.
stages() {
	for s_cmd in clean dedup cluster; do
		# shellcheck disable=SC2086
		$pin "$bench" "  $1: $s_cmd" "$tmp/$2" -- "$bin" "$s_cmd" \
			"$tmp/$2"
	done
}

echo "where the time goes (stages up to and including):"
stages "50" s50
if [ -d "$tmp/s500" ]; then
	stages "500" s500
fi
