#!/bin/sh
# Times one newsdigest command over an input: median wall time of RUNS runs
# (process start to exit, timed with date +%s%N) and the peak resident
# memory (GNU time), with the input's size.
#   scripts/bench.sh BIN LABEL COMMAND PATH...
# Shared machines are noisy: the median of several runs is what counts.
set -eu
bin=$1 label=$2 cmd=$3
shift 3
runs=${RUNS:-9}
files=$(find "$@" -type f | wc -l)
bytes=$(find "$@" -type f -exec cat {} + | wc -c)
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.rss"' EXIT
i=0
while [ "$i" -lt "$runs" ]; do
	start=$(date +%s%N)
	/usr/bin/time -f "%M" -o "$tmp.rss" "$bin" "$cmd" --format json "$@" \
		>/dev/null 2>&1 || true
	end=$(date +%s%N)
	echo "$(( (end - start) / 1000 )) $(cat "$tmp.rss")" >>"$tmp"
	i=$((i + 1))
done
sort -n "$tmp" | awk -v label="$label" -v files="$files" -v bytes="$bytes" \
	-v runs="$runs" '
	{ t[NR] = $1; if ($2 > rss) rss = $2 }
	END {
		med = t[int((NR + 1) / 2)]
		printf "%-10s %3d files %8d bytes  median %7.2f ms over %d runs  peak RSS %d KiB\n",
			label, files, bytes, med / 1000, runs, rss
	}'
