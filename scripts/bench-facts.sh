#!/bin/sh
# Speed of the facts stage (make bench-facts): bench_facts times
# nd_facts_story alone, on one core, for 50-article stories, beside the
# issue's target (<= 20 ms a 50-article story).
#
#   scripts/bench-facts.sh NEWSDIGEST BENCH_FACTS GENCORPUS SUMM_DATA OUT
#
# (a) always: the examples' event: `newsdigest clean --out` of its six
#     articles (01 to 05 and the follow-up in feeds.jsonl) as gencorpus's
#     base, and 50 articles of near-copies and rewrites of them (fixed
#     seed), in OUT/examples-50/corpus.jsonl;
# (b) when SUMM_DATA (shared/data/summ/duc2004-dev) is there: the 50
#     articles of its first five clusters in name order, as one story.
# RUNS (default 15, at least 7) runs each; the median is reported.
set -u
usage='usage: scripts/bench-facts.sh NEWSDIGEST BENCH_FACTS GENCORPUS'\
' SUMM_DATA OUT'
bin=${1:?$usage}
bench=${2:?$usage}
gen=${3:?$usage}
summ=${4:?$usage}
out=${5:?$usage}
runs=${RUNS:-15}
seed=7
[ "$runs" -ge 7 ] || runs=7
pin=
if command -v taskset >/dev/null 2>&1; then
	pin="taskset -c 1"
fi

base=$out/examples-base
rm -rf "$base" "$out/examples-50" "$out/clean"
mkdir -p "$base" || exit 2
"$bin" clean --out "$out/clean" examples >/dev/null 2>&1
for id in 01_wire_meridian 02_coastal_herald 03_spin_daily 04_gazette_fr \
	05_independent_times harbour_bulletin_kessa_followup; do
	if ! cp "$out/clean/$id.txt" "$base/$id.txt"; then
		echo "bench-facts: no cleaned $id from examples/" >&2
		exit 2
	fi
done
# Nearly every slot derived (the six bases run out otherwise): copies of
# one event as a 50-article story has them.
if ! "$gen" --articles 50 --seed "$seed" --base "$base" --copies 0.5 \
	--rewrites 0.45 --duplicates 0 "$out/examples-50" >/dev/null; then
	echo "bench-facts: gencorpus failed" >&2
	exit 2
fi

echo "facts stage, one story, $runs runs, ${pin:-unpinned}:"
echo "(a) 50 near-copies and rewrites of the examples' event (gencorpus" \
	"--seed $seed)"
# shellcheck disable=SC2086 # pin is a command and its arguments
$pin "$bench" "$runs" "$out/examples-50/corpus.jsonl" || exit 2

if [ -d "$summ" ]; then
	clusters=
	n=0
	for d in "$summ"/*/docs; do
		[ -d "$d" ] || continue
		clusters="$clusters $d"
		n=$((n + 1))
		[ "$n" -eq 5 ] && break
	done
	echo "(b) the first five DUC 2004 dev clusters as one story:" \
		"$(for d in $clusters; do basename "${d%/docs}"; done |
			tr '\n' ' ')"
	# shellcheck disable=SC2086 # the cluster folders hold no spaces
	$pin "$bench" "$runs" $clusters || exit 2
else
	echo "(b) skipped: no $summ (shared/data/summ/duc2004-dev)"
fi
echo "target (issue 7): <= 20 ms for a 50-article story"
