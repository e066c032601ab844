#!/bin/sh
# Times a command: the median wall time of RUNS runs (process start to
# exit) and the peak resident memory, with the size of its input.
#   scripts/bench.sh LABEL INPUT -- COMMAND [ARG...]
# INPUT is the file or folder the command reads ("-" for none), measured
# for the report. Shared machines are noisy: the median is what counts.
# With TIMEIT set to build/tools/timeit (the Makefile's bench targets do
# that), the runs are timed by it from the kernel's accounting, which adds
# the median CPU time and keeps helper processes out of the interval;
# otherwise by date +%s%N around GNU time (about a millisecond more a run).
set -eu
label=$1 input=$2
shift 3
runs=${RUNS:-9}
if [ "$input" = "-" ]; then
	files=0 bytes=0
else
	files=$(find "$input" -type f \( -name '*.txt' -o -name '*.htm*' \
		-o -name '*.jsonl' \) | wc -l)
	bytes=$(find "$input" -type f \( -name '*.txt' -o -name '*.htm*' \
		-o -name '*.jsonl' \) -exec cat {} + | wc -c)
fi
if [ -n "${TIMEIT:-}" ] && [ -x "$TIMEIT" ]; then
	# shellcheck disable=SC2046
	set -- $("$TIMEIT" "$runs" "$@")
	awk -v label="$label" -v files="$files" -v bytes="$bytes" \
		-v runs="$runs" -v wall="$1" -v cpu="$2" -v rss="$3" 'BEGIN {
		printf "%-18s %3d files %8d bytes  median %7.2f ms over %d runs  cpu %7.2f ms  peak RSS %6d KiB\n",
			label, files, bytes, wall / 1000, runs, cpu / 1000, rss
	}'
	exit 0
fi
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.rss"' EXIT
i=0
while [ "$i" -lt "$runs" ]; do
	start=$(date +%s%N)
	/usr/bin/time -f "%M" -o "$tmp.rss" "$@" >/dev/null 2>&1 || true
	end=$(date +%s%N)
	echo "$(( (end - start) / 1000 )) $(cat "$tmp.rss")" >>"$tmp"
	i=$((i + 1))
done
sort -n "$tmp" | awk -v label="$label" -v files="$files" -v bytes="$bytes" \
	-v runs="$runs" '
	{ t[NR] = $1; if ($2 > rss) rss = $2 }
	END {
		med = t[int((NR + 1) / 2)]
		printf "%-18s %3d files %8d bytes  median %7.2f ms over %d runs  peak RSS %6d KiB\n",
			label, files, bytes, med / 1000, runs, rss
	}'
