#!/bin/sh
# tools/gencorpus: the same seed gives the same bytes and another seed
# other bytes; the gold names only articles of the corpus, each derived
# one after its source; newsdigest reads every line; --base takes our
# fixture texts with ids from their paths and dates from their names;
# --stream is deterministic and writes in publication order; bad arguments
# are refused.
#
#   tests/tools/gencorpus.sh build/tools/gencorpus build/newsdigest
#
# Prints "gencorpus: N passed, M failed" last (appended to $COUNTS when
# set); exits non-zero on any failure.
set -u

gen=${1:?usage: tests/tools/gencorpus.sh GENCORPUS NEWSDIGEST}
bin=${2:?usage: tests/tools/gencorpus.sh GENCORPUS NEWSDIGEST}
suite=gencorpus
# shellcheck source=tests/tools/check.sh
. "$(dirname "$0")/check.sh"

"$gen" --articles 300 --seed 7 "$tmp/a" 2>"$tmp/err"
check $? "synthetic run failed: $(head -n 1 "$tmp/err")"
"$gen" --articles 300 --seed 7 "$tmp/b"
cmp -s "$tmp/a/corpus.jsonl" "$tmp/b/corpus.jsonl" &&
	cmp -s "$tmp/a/gold.tsv" "$tmp/b/gold.tsv"
check $? "seed 7 twice gave different bytes"
"$gen" --articles 300 --seed 8 "$tmp/c"
! cmp -s "$tmp/a/corpus.jsonl" "$tmp/c/corpus.jsonl"
check $? "seeds 7 and 8 gave the same corpus"

sed 's/^{"id":"\([^"]*\)".*/\1/' "$tmp/a/corpus.jsonl" >"$tmp/ids"
n=$(wc -l <"$tmp/ids")
[ "$n" -eq 300 ]
check $? "300 articles asked, $n written"
cut -f 1 "$tmp/a/topics.tsv" | cmp -s - "$tmp/ids"
check $? "topics.tsv does not list the articles in corpus order"

# Every gold line: an id after its source in the corpus, a known kind.
awk -F'\t' 'NR == FNR { at[$0] = FNR; next }
	!($1 in at) || !($2 in at) || at[$2] >= at[$1] ||
	$3 !~ /^(near-copy|rewrite|duplicate)$/ { bad++ }
	END { exit bad > 0 }' "$tmp/ids" "$tmp/a/gold.tsv"
check $? "a gold line names an unknown or later source, or a bad kind"
for kind in near-copy rewrite duplicate; do
	grep -q "	$kind\$" "$tmp/a/gold.tsv"
	check $? "no $kind in 300 articles"
done

"$bin" clean "$tmp/a/corpus.jsonl" >"$tmp/clean" 2>"$tmp/err"
check $? "newsdigest clean refused the corpus: $(head -n 1 "$tmp/err")"

# --base: every fixture text once, under its path, dated by its name.
"$gen" --seed 3 --base tests/fixtures/gencorpus "$tmp/d" 2>"$tmp/err"
check $? "--base run failed: $(head -n 1 "$tmp/err")"
grep -c '"id":"tests/fixtures/gencorpus/[a-z]*/[A-Z0-9.]*"' \
	"$tmp/d/corpus.jsonl" >"$tmp/n"
[ "$(cat "$tmp/n")" -eq 4 ]
check $? "--base: $(cat "$tmp/n") of the 4 fixture texts kept their ids"
grep -q '"id":"tests/fixtures/gencorpus/harbour/WIRE20260301.0001".*'\
'"published":"2026-03-01T' "$tmp/d/corpus.jsonl"
check $? "--base: the date of the file name is not the published date"

# --stream: the same seed gives the same bytes; dated lines come in date
# order (an undated one where it arrived), every source before what is
# derived from it, topics.tsv in corpus order.
stream="--articles 2000 --seed 7 --stream 0.25 --life 1 --family 0.3"
# shellcheck disable=SC2086 # the words of stream are the arguments
"$gen" $stream "$tmp/s1" 2>"$tmp/err"
check $? "--stream run failed: $(head -n 1 "$tmp/err")"
# shellcheck disable=SC2086
"$gen" $stream "$tmp/s2"
cmp -s "$tmp/s1/corpus.jsonl" "$tmp/s2/corpus.jsonl" &&
	cmp -s "$tmp/s1/gold.tsv" "$tmp/s2/gold.tsv" &&
	cmp -s "$tmp/s1/topics.tsv" "$tmp/s2/topics.tsv"
check $? "--stream: seed 7 twice gave different bytes"
grep -o '"published":"[^"]*"' "$tmp/s1/corpus.jsonl" >"$tmp/dates"
sort -c "$tmp/dates" 2>/dev/null
check $? "--stream: dates out of order at $(sort -c "$tmp/dates" 2>&1)"
[ "$(wc -l <"$tmp/dates")" -lt 2000 ] && [ "$(wc -l <"$tmp/dates")" -gt 1500 ]
check $? "--stream: $(wc -l <"$tmp/dates") of 2000 lines dated"
sed 's/^{"id":"\([^"]*\)".*/\1/' "$tmp/s1/corpus.jsonl" >"$tmp/sids"
[ "$(wc -l <"$tmp/sids")" -eq 2000 ]
check $? "--stream: 2000 articles asked, $(wc -l <"$tmp/sids") written"
cut -f 1 "$tmp/s1/topics.tsv" | cmp -s - "$tmp/sids"
check $? "--stream: topics.tsv does not list the articles in corpus order"
awk -F'\t' 'NR == FNR { at[$0] = FNR; next }
	!($1 in at) || !($2 in at) || at[$2] >= at[$1] { bad++ }
	END { exit bad > 0 }' "$tmp/sids" "$tmp/s1/gold.tsv"
check $? "--stream: a gold line names an unknown or later source"
# Stories are bursts: many topics, each within a few days.
[ "$(cut -f 2 "$tmp/s1/topics.tsv" | sort -u | wc -l)" -gt 100 ]
check $? "--stream: too few topics"

for args in "--articles 10" "--seed 1" "--articles 10 --seed 1 --copies x" \
	"--articles 10 --seed 1 --copies 0.9 --rewrites 0.2" \
	"--articles 10 --seed 1 --stream 0.2 --life 0" \
	"--articles 10 --seed 1 --stream 1.5" \
	"--seed 1 --stream 0.2 --base tests/fixtures/gencorpus"; do
	# shellcheck disable=SC2086 # the words of args are the arguments
	"$gen" $args "$tmp/e" 2>/dev/null
	[ $? = 2 ]
	check $? "$args: not refused with status 2"
done

finish
