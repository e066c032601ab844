#!/bin/sh
# Quotes, entities and facts against our gold (make eval-facts): for each
# story of each set, `newsdigest clean --out` its articles (the texts the
# gold's offsets count in), `newsdigest facts --format json` its input
# as one story, then score_facts; the sets' tables, then the issue's
# targets under them.
#
#   scripts/eval-facts.sh BIN SCORER OUT SUMM_DATA [SET.jsonl DATA]...
#
# Without SET/DATA pairs the sets are eval/facts/examples.jsonl over
# examples/, eval/facts/duc2004-dev.jsonl and duc2004-dev-*.jsonl over
# SUMM_DATA (shared/data/summ/duc2004-dev), and eval/facts/duc2006-*.jsonl
# over the duc2006 folder beside it (each skipped with a note when
# absent). A held-out set in the same format is passed as a pair. Each
# story's "input" paths are taken from DATA. OUT/SET/ keeps the cleaned
# texts (clean/STORY/), the predictions (pred/STORY.json) and the score.
#
# FACTS_PRED=DIR scores DIR/STORY.json instead of running facts (to try
# the scorer on a made-up prediction); FACTS_MISSES=1 lists under each
# story what did not match (score_facts --misses). Exit status: 0 when every story
# was scored; 1 when one was skipped (its cleaned text changed since it
# was annotated) or had no prediction; 2 when a program failed.
set -u

usage='usage: scripts/eval-facts.sh BIN SCORER OUT SUMM_DATA'\
' [SET.jsonl DATA]...'
bin=${1:?$usage}
scorer=${2:?$usage}
out=${3:?$usage}
summ=${4:?$usage}
shift 4
status=0

if [ $# -eq 0 ]; then
	set -- eval/facts/examples.jsonl examples
	if [ -d "$summ" ]; then
		for f in eval/facts/duc2004-dev.jsonl \
			eval/facts/duc2004-dev-*.jsonl; do
			[ -f "$f" ] && set -- "$@" "$f" "$summ"
		done
	else
		echo "eval-facts: no $summ (shared/data/summ/duc2004-dev):" \
			"the DUC 2004 sets are skipped"
	fi
	# DUC 2006 sets read the folder beside it.
	duc2006=${summ%/*}/duc2006
	if [ -d "$duc2006" ]; then
		for f in eval/facts/duc2006-*.jsonl; do
			[ -f "$f" ] && set -- "$@" "$f" "$duc2006"
		done
	else
		echo "eval-facts: no $duc2006: the DUC 2006 sets are skipped"
	fi
fi
mkdir -p "$out" || exit 2
: >"$out/figures" || exit 2
: >"$out/counts" || exit 2

# one_set SET DATA: clean, predict and score each story of SET.
one_set() {
	set_file=$1
	data=$2
	name=$(basename "$set_file" .jsonl)
	dir=$out/$name
	rm -rf "$dir"
	mkdir -p "$dir/clean" "$dir/pred" || exit 2
	if ! "$scorer" --inputs "$set_file" >"$dir/stories"; then
		echo "eval-facts: cannot read $set_file" >&2
		exit 2
	fi
	# One story a line: its name, then its inputs, tab-separated; the
	# paths hold no tabs, so IFS splits them.
	tab=$(printf '\t')
	while IFS=$tab read -r story inputs; do
		paths=
		old_ifs=$IFS
		IFS=$tab
		for p in $inputs; do
			paths="$paths$tab$data/$p"
		done
		paths=${paths#"$tab"}
		# shellcheck disable=SC2086 # the paths are split on tabs
		"$bin" clean --out "$dir/clean/$story" $paths \
			2>"$dir/clean/$story.err"
		st=$?
		if [ "$st" -gt 1 ]; then
			IFS=$old_ifs
			echo "eval-facts: newsdigest clean failed on $story:" >&2
			head -n 3 "$dir/clean/$story.err" >&2
			exit 2
		fi
		if [ -n "${FACTS_PRED:-}" ]; then
			cp "$FACTS_PRED/$story.json" "$dir/pred/$story.json" \
				2>/dev/null
		else
			# shellcheck disable=SC2086
			"$bin" facts --format json $paths \
				>"$dir/pred/$story.json" \
				2>"$dir/pred/$story.err"
			if [ $? -gt 1 ]; then
				IFS=$old_ifs
				echo "eval-facts: newsdigest facts failed on" \
					"$story:" >&2
				head -n 3 "$dir/pred/$story.err" >&2
				exit 2
			fi
		fi
		IFS=$old_ifs
	done <"$dir/stories"
	misses=
	[ -n "${FACTS_MISSES:-}" ] && misses=--misses
	# shellcheck disable=SC2086 # misses is empty or one word
	"$scorer" $misses "$set_file" "$dir/clean" "$dir/pred" >"$dir/score"
	st=$?
	cat "$dir/score"
	echo
	[ "$st" -gt 1 ] && exit 2
	[ "$st" -gt "$status" ] && status=$st
	sed -n "s|^figures: |$name |p" "$dir/score" >>"$out/figures"
	# The totals rows (the last of each kind in the score), for the
	# pooled line.
	awk -v set="$name" '
		/^  quotes direct / { q = $3 " " $4 " " $5 }
		/^  speaker accuracy / { sp = $3 " " $5 }
		/^  merge precision / { mp = $3 " " $5 }
		END { print set, q, sp, mp }' "$dir/score" >>"$out/counts"
}

while [ $# -ge 2 ]; do
	one_set "$1" "$2"
	shift 2
done

# The targets, per set.
echo "targets (issue 7): quotes F1 >= 0.95, speaker accuracy >= 0.90," \
	"merge precision >= 0.95"
awk '{
	printf "  %-28s quotes F1 %s %s  speaker %s %s  merge P %s %s\n", $1,
	  $3, ($3 >= 0.95 ? "met " : "MISS"), $5,
	  ($5 >= 0.90 ? "met " : "MISS"), $7, ($7 >= 0.95 ? "met" : "MISS")
}' "$out/figures"
# All sets as one: counts summed (gold, predicted, matched direct quotes;
# right and scored speakers; merged pairs right and all).
awk 'NF == 8 {
	g += $2; p += $3; m += $4; sr += $5; sn += $6; mr += $7; mn += $8
} END {
	if (g + p == 0 || sn == 0 || mn == 0)
		exit
	f = 2 * m / (g + p)
	printf "  %-28s quotes F1 %.3f %s  speaker %.3f %s  merge P %.3f %s" \
	  "   (%d of %d speakers)\n", "all sets pooled", f,
	  (f >= 0.95 ? "met " : "MISS"), sr / sn,
	  (sr / sn >= 0.90 ? "met " : "MISS"), mr / mn,
	  (mr / mn >= 0.95 ? "met" : "MISS"), sr, sn
}' "$out/counts"
exit "$status"
