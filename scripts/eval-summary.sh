#!/bin/sh
# Summary quality of "newsdigest summarize" on DUC 2004 (the 25 dev
# clusters) and DUC 2006, beside the published systems scored by the same
# scorer (make eval-summary):
#
#   scripts/eval-summary.sh BIN SCORE_ROUGE DUC2004 [DUC2006]
#
# BIN is newsdigest, SCORE_ROUGE build/tools/score_rouge (our port of
# ROUGE-1.5.5, tools/eval/rouge.h), DUC2004 and DUC2006 the folders of
# shared/data/summ (see their SOURCE.md). First the port must still
# reproduce the 750 per-cluster rows of ROUGE-1.5.5 in
# DUC2004/_rouge_reference.tsv: that checks the scorer before its verdict on
# us is believed. Then each cluster's articles (CLUSTER/docs/) are
# summarized as one story, 100 words for DUC 2004 and 250 for DUC 2006, and
# scored as the published ones are: stemming on, stopwords kept, against
# all of the cluster's references, first 100 (250) words; recall, precision
# and F x 100 of ROUGE-1, ROUGE-2 and ROUGE-SU4, averaged over the clusters,
# one row per system, sorted by ROUGE-2 recall. DUC 2006 is topic-focused:
# its references answer CLUSTER/topic.txt, which a generic summary ignores
# (so do our summaries), and its 35 systems are the official runs, most of
# them topic-aware. DUC 2006 is skipped when its folder is missing.
# Set EVAL_OUT=DIR to keep our summaries (DIR/SET/newsdigest/CLUSTER.txt)
# and our per-cluster scores (DIR/SET/per-cluster.tsv) in DIR.
#
# Exit status: 0 when done, 1 when the scorer no longer reproduces
# ROUGE-1.5.5's rows, 2 when the data is missing or a program failed.
set -u

usage='usage: scripts/eval-summary.sh BIN SCORE_ROUGE DUC2004 [DUC2006]'
bin=${1:?$usage}
score=${2:?$usage}
duc04=${3:?$usage}
duc06=${4:-}
if [ ! -f "$duc04/_rouge_reference.tsv" ] || [ ! -d "$duc04/_systems" ]
then
	echo "eval-summary: no DUC 2004 data in $duc04" \
		"(_rouge_reference.tsv and _systems/ of" \
		"shared/data/summ/duc2004-dev): nothing to evaluate" >&2
	exit 2
fi
. "$(dirname "$0")/eval-work.sh"

now() { date +%s%N; }

echo "== scorer: ROUGE-1.5.5's per-cluster rows (DUC 2004" \
	"_rouge_reference.tsv) =="
"$score" --check "$duc04"
st=$?
if [ "$st" -eq 1 ]; then
	echo "eval-summary: FAILED: our ROUGE no longer reproduces" \
		"ROUGE-1.5.5 (make eval-rouge-check): no scores" >&2
	exit 1
elif [ "$st" -ne 0 ]; then
	echo "eval-summary: score_rouge --check failed (status $st)" >&2
	exit 2
fi

# evaluate NAME DATA WORDS: summarizes DATA's clusters into
# $work/NAME/newsdigest/, scores them and every system of DATA/_systems,
# and prints the table.
evaluate() {
	e_name=$1 e_data=$2 e_words=$3
	e_out=$work/$e_name
	mkdir -p "$e_out/newsdigest" || return 2
	: >"$e_out/rows.tsv"
	e_n=0 e_rejected=0
	e_start=$(now)
	for e_c in "$e_data"/*/; do
		e_c=${e_c%/}
		[ -d "$e_c/docs" ] && [ -d "$e_c/refs" ] || continue
		e_id=$(basename "$e_c")
		"$bin" summarize --words "$e_words" "$e_c/docs" \
			>"$e_out/newsdigest/$e_id.txt" 2>"$e_out/err"
		e_st=$?
		if [ "$e_st" -eq 1 ]; then
			e_rejected=$((e_rejected + 1))
		elif [ "$e_st" -ne 0 ]; then
			echo "eval-summary: newsdigest summarize failed on" \
				"$e_c/docs (status $e_st):" >&2
			head -n 5 "$e_out/err" >&2
			return 2
		fi
		e_n=$((e_n + 1))
	done
	e_end=$(now)
	if [ "$e_n" -eq 0 ]; then
		echo "eval-summary: no clusters (CLUSTER/docs, CLUSTER/refs)" \
			"in $e_data" >&2
		return 2
	fi
	"$score" --words "$e_words" --system-dir newsdigest \
		"$e_out/newsdigest" "$e_data" | sed 1d >>"$e_out/rows.tsv" ||
		return 2
	for e_s in "$e_data"/_systems/*/; do
		e_s=${e_s%/}
		"$score" --words "$e_words" --system-dir "$(basename "$e_s")" \
			"$e_s" "$e_data" | sed 1d >>"$e_out/rows.tsv" ||
			return 2
	done
	if [ -n "${EVAL_OUT:-}" ]; then
		printf 'cluster\tR-1 R\tR-2 R\tSU4 R\n' >"$e_out/per-cluster.tsv"
		for e_f in "$e_out"/newsdigest/*.txt; do
			e_id=$(basename "$e_f" .txt)
			"$score" --words "$e_words" --stem "$e_f" \
				"$e_data/$e_id/refs" | awk -v id="$e_id" '
				NR > 1 { r[NR - 1] = $2 }
				END { printf "%s\t%.5f\t%.5f\t%.5f\n", id,
				      r[1], r[2], r[3] }'
		done >>"$e_out/per-cluster.tsv"
	fi
	echo "$e_n clusters summarized in" \
		"$(( (e_end - e_start) / 1000000 )) ms (one process each)," \
		"$e_rejected with an input rejected; ROUGE x 100 of the" \
		"first $e_words words, stemmed, stopwords kept, all" \
		"references:"
	sort -t "$(printf '\t')" -k 5,5gr -k 2,2gr "$e_out/rows.tsv" |
		awk -F '\t' -v total="$e_n" '
		BEGIN { printf "   %-12s %-20s  %-20s  %-20s  %s\n", "system",
			"R-1  R / P / F", "R-2  R / P / F", "SU4  R / P / F",
			"clusters" }
		{
			mark = $1 == "newsdigest" ? "*" : " "
			printf " %s %-12s %6.2f %6.2f %6.2f  %6.2f %6.2f %6.2f  " \
				"%6.2f %6.2f %6.2f  %d\n", mark, $1, $2, $3, $4,
				$5, $6, $7, $8, $9, $10, $11
			if ($1 == "newsdigest" && $11 != total)
				short = 1
		}
		END { if (short) print "   (newsdigest: summaries missing" \
			" for some clusters)" }'
	# Our summaries' lengths: one well under the budget loses recall.
	for e_f in "$e_out"/newsdigest/*.txt; do
		wc -w <"$e_f"
	done | sort -n | awk -v budget="$e_words" '
		{ w[NR] = $1; sum += $1; if ($1 < 0.9 * budget) short++ }
		END { printf "   newsdigest summary lengths: mean %.0f words," \
			" min %d, median %d; %d of %d under 90%% of %d\n",
			sum / NR, w[1], w[int((NR + 1) / 2)], short, NR,
			budget }'
}

echo
echo "== DUC 2004, 25 dev clusters of 10 articles: 100-word summaries =="
evaluate duc2004 "$duc04" 100 || exit 2
echo "   reference lines (ROUGE-1.5.5, 100 words, recall):"
echo "     published best on this half (SOURCE.md):" \
	"R-2 9.18 (RegSum), R-1 39.42 (DPP)"
echo "     the issue's targets, on the 25 held-out clusters:" \
	"R-2 >= 11.5, R-1 >= 41.0"
awk -F '\t' '$1 == "newsdigest" {
	printf "     newsdigest here: R-2 %.2f (%+.2f to 11.5), R-1 %.2f " \
		"(%+.2f to 41.0)\n", $5, $5 - 11.5, $2, $2 - 41.0 }' \
	"$work/duc2004/rows.tsv"

if [ -z "$duc06" ]; then
	exit 0
fi
if [ ! -d "$duc06/_systems" ]; then
	echo
	echo "(no DUC 2006 data in $duc06: DUC 2006 skipped)"
	exit 0
fi
echo
echo "== DUC 2006, 50 clusters of 25 articles: 250-word summaries" \
	"(topic-focused; topics ignored) =="
evaluate duc2006 "$duc06" 250 || exit 2
echo "   (peer01 is NIST's baseline; peers 02-35 the participants'" \
	"runs, most of them topic-aware)"
echo "   (NIST's official DUC 2006 ROUGE figures are jackknifed over the" \
	"references, so they run a little lower than these means over all" \
	"references; the order is what compares)"
