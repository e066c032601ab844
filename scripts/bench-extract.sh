#!/bin/sh
# Speed of extraction: `newsdigest clean` over the HTML pages of DATA, single
# threaded. Prints the median wall time of RUNS runs (processes timed from
# start to exit) as pages/s and MB/s (10^6 bytes), the peak resident memory
# (GNU time), and the input size; then the same pages named REPEAT times in
# one process (BIG_RUNS runs), where starting the process no longer counts;
# then, from bench_extract, the split of one process's time into reading,
# cleaning, writing and freeing. Shared machines are noisy: the median is
# what counts.
#   scripts/bench-extract.sh NEWSDIGEST BENCH_EXTRACT [DATA]
# Exits 2 when DATA (../shared/data/extract/aeb by default) is missing.
set -eu
bin=$1 tool=$2
data=${3:-../shared/data/extract/aeb}
runs=${RUNS:-9}
big_runs=${BIG_RUNS:-5}
repeat=${REPEAT:-10}
if ! ls "$data"/*.html >/dev/null 2>&1; then
	echo "bench-extract: no HTML pages in $data (is ../shared/data" \
		"there?)" >&2
	exit 2
fi
pages=$(ls "$data"/*.html | wc -l)
bytes=$(cat "$data"/*.html | wc -c)
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.rss"' EXIT

# timeit RUNS LABEL PAGES BYTES COMMAND [ARG...]: one line of figures.
timeit() {
	t_runs=$1 t_label=$2 t_pages=$3 t_bytes=$4
	shift 4
	: >"$tmp"
	i=0
	while [ "$i" -lt "$t_runs" ]; do
		start=$(date +%s%N)
		/usr/bin/time -f "%M" -o "$tmp.rss" "$@" >/dev/null 2>&1 ||
			true
		end=$(date +%s%N)
		echo "$(( (end - start) / 1000 )) $(tail -n 1 "$tmp.rss")" \
			>>"$tmp"
		i=$((i + 1))
	done
	sort -n "$tmp" | awk -v label="$t_label" -v pages="$t_pages" \
		-v bytes="$t_bytes" -v runs="$t_runs" '
		{ t[NR] = $1; if ($2 > rss) rss = $2 }
		END {
			med = t[int((NR + 1) / 2)] / 1e6
			printf "%-22s %5d pages %6.1f MB  median %8.1f ms " \
				"over %d runs  peak RSS %7d KiB", label, \
				pages, bytes / 1e6, med * 1e3, runs, rss
			if (pages > 0)
				printf "  %6.0f pages/s %6.1f MB/s", \
					pages / med, bytes / 1e6 / med
			printf "\n"
		}'
}

echo "bench-extract: $pages HTML pages, $bytes bytes, in $data"
timeit "$runs" "startup (--version)" 0 0 "$bin" --version
timeit "$runs" "clean" "$pages" "$bytes" "$bin" clean "$data"/*.html
# The same pages named REPEAT times: one process, REPEAT times the work.
set --
k=0
while [ "$k" -lt "$repeat" ]; do
	for f in "$data"/*.html; do
		set -- "$@" "$f"
	done
	k=$((k + 1))
done
timeit "$big_runs" "clean, pages x$repeat" $((pages * repeat)) \
	$((bytes * repeat)) "$bin" clean "$@"
"$tool" "$runs" "$data"/*.html
