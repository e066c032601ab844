#!/bin/sh
# tools/eval/make_pile: every article once, as valid JSON that score_cluster
# reads as gold, with the text escaped and ids that tell nothing; the same
# seed gives the same bytes and another seed another order; --lines gives
# the lines back in another order; bad arguments and missing folders are
# refused.
#
#   tests/tools/make_pile.sh build/tools/make_pile build/tools/score_cluster
#
# Prints "make_pile: N passed, M failed" last (appended to $COUNTS when
# set); exits non-zero on any failure.
set -u

usage='usage: tests/tools/make_pile.sh MAKE_PILE SCORE_CLUSTER'
piler=${1:?$usage}
scorer=${2:?$usage}
suite=make_pile
# shellcheck source=tests/tools/check.sh
. "$(dirname "$0")/check.sh"

# Two invented events of three articles, and folders that are not events.
d=$tmp/data
mkdir -p "$d/ev1/docs" "$d/ev2/docs" "$d/_systems/x" "$d/ev1/refs" ||
	exit 2
printf 'Kessa dam opens its "east" gates.\n' >"$d/ev1/docs/A1.txt"
printf 'Dam gates open at Orlen; a back\\slash\tand tab.\n' \
	>"$d/ev1/docs/A2.txt"
printf 'Orlen dam: caf\303\251 owners cheer\nthe opening.\n' \
	>"$d/ev1/docs/A3.txt"
printf 'Bramholt museum shows old glass.\n' >"$d/ev2/docs/B1.txt"
printf 'Glass museum opens in Bramholt depot.\n' >"$d/ev2/docs/B2.txt"
printf 'Tram depot becomes a glass museum.\n' >"$d/ev2/docs/B3.txt"
printf 'not an article\n' >"$d/ev1/docs/notes.md"
printf 'a summary\n' >"$d/ev1/refs/R.txt"

"$piler" 5 "$d" >"$tmp/a" 2>"$tmp/err"
check $? "pile not made: $(head -n 1 "$tmp/err")"
[ "$(grep -c . "$tmp/a")" -eq 6 ]
check $? "$(grep -c . "$tmp/a") lines, not the 6 articles"
# The scorer parses each line as JSON and wants new ids; every article
# in its own story is then 6 items in 2 gold stories.
: >"$tmp/none.tsv"
"$scorer" "$tmp/a" "$tmp/none.tsv" >"$tmp/score" 2>"$tmp/err"
check $? "score_cluster refused the pile: $(head -n 1 "$tmp/err")"
grep -q '^items 6, gold stories 2,' "$tmp/score"
check $? "not 6 items in 2 stories: $(head -n 1 "$tmp/score")"
[ "$(grep -c '^{"id": "e000[1-6]", "cluster": "ev[12]", "text": ' \
	"$tmp/a")" -eq 6 ]
check $? "ids are not e0001..e0006 with the cluster names"
grep -qF '"text": "Kessa dam opens its \"east\" gates.\n"}' "$tmp/a"
check $? "quotes or the final newline not escaped"
grep -qF 'a back\\slash\tand tab.\n"}' "$tmp/a"
check $? "backslash or tab not escaped"
grep -qF "caf$(printf '\303\251') owners cheer\\nthe opening." "$tmp/a"
check $? "UTF-8 or an inner newline not kept"
! grep -q 'A1\|notes\|summary' "$tmp/a"
check $? "a file name, a non-.txt file or a reference leaked in"

"$piler" 5 "$d" | cmp -s - "$tmp/a"
check $? "the same seed gave other bytes"
differ=0
for seed in 6 7 8; do
	"$piler" "$seed" "$d" | sed 's/"id": "e[0-9]*", //' >"$tmp/b"
	sed 's/"id": "e[0-9]*", //' "$tmp/a" | cmp -s - "$tmp/b" ||
		differ=$((differ + 1))
done
[ "$differ" -gt 0 ]
check $? "seeds 6, 7 and 8 all gave seed 5's order"

"$piler" 9 --lines "$tmp/a" >"$tmp/c" 2>"$tmp/err"
check $? "--lines failed: $(head -n 1 "$tmp/err")"
sort "$tmp/a" >"$tmp/sa"
sort "$tmp/c" | cmp -s - "$tmp/sa"
check $? "--lines did not give the same lines back"

for args in "" "5" "x $d" "5x $d" "5 --lines" "5 $d extra" \
	"5 $tmp/nothing" "5 --lines $tmp/nothing"; do
	# shellcheck disable=SC2086 # the words of args are the arguments
	"$piler" $args >/dev/null 2>&1
	[ $? = 2 ]
	check $? "'$args': not refused with status 2"
done

finish
