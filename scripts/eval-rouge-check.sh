#!/bin/sh
# Checks our ROUGE scorer against the original ROUGE-1.5.5 (make
# eval-rouge-check):
#
#   scripts/eval-rouge-check.sh SCORE_ROUGE DATA
#
# SCORE_ROUGE is build/tools/score_rouge, DATA the DUC 2004 folder of
# shared/data/summ (see its SOURCE.md). Every row of
# DATA/_rouge_reference.tsv (per-cluster ROUGE-1, ROUGE-2 and ROUGE-SU4
# recall, precision and F of five systems under -l 100 and -b 665, by
# ROUGE-1.5.5 itself) must come out within 0.0005. Then the 13 published
# systems are scored at 100 words and their mean recalls printed beside the
# means of the reference rows (five systems) and SOURCE.md's table.
#
# Exit status: 0 when every row agrees, 1 when one does not, 2 when the
# data or WordNet's exception lists are missing or the scorer failed.
set -u

score=${1:?usage: scripts/eval-rouge-check.sh SCORE_ROUGE DATA}
data=${2:?usage: scripts/eval-rouge-check.sh SCORE_ROUGE DATA}
if [ ! -f "$data/_rouge_reference.tsv" ] || [ ! -d "$data/_systems" ]; then
	echo "eval-rouge-check: no DUC 2004 data in $data" \
		"(_rouge_reference.tsv and _systems/ of" \
		"shared/data/summ/duc2004-dev): nothing to check" >&2
	exit 2
fi

# SOURCE.md's table: system, R-1, R-2, SU4 (recall x 100, 100 words).
published='Lead 30.84 5.64 9.51
LexRank 35.21 7.08 11.57
Centroid 36.01 7.24 11.96
GreedyKL 37.54 7.59 12.24
CLASSY04 37.97 8.98 12.99
Submodular 38.40 8.71 13.02
ICSISumm 37.66 8.86 12.77
OCCAMS_V 38.54 9.10 13.05
RegSum 38.26 9.18 13.30
DPP 39.42 8.82 13.21'

echo "== ROUGE-1.5.5's per-cluster scores (_rouge_reference.tsv) =="
"$score" --check "$data"
st=$?
if [ "$st" -gt 1 ]; then
	echo "eval-rouge-check: score_rouge --check failed (status $st)" >&2
	exit 2
fi

echo
echo "== published systems, 100 words, mean recall x 100 =="
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
"$score" --systems "$data" >"$tmp/ours.tsv" || exit 2
echo "$published" >"$tmp/published.txt"
# Columns: ours, the means of ROUGE-1.5.5's own rows (five systems),
# SOURCE.md's, and ours less SOURCE.md's.
awk -F '\t' '
FNR == 1 { file++ }
file == 1 { split($0, p, " "); pub[p[1]] = p[2] " " p[3] " " p[4]; next }
file == 2 {
	if ($0 ~ /^#/ || $1 == "system" || $2 != "-l 100") next
	k = $1 SUBSEP $4; sum[k] += $5; n[k]++; ref[$1] = 1; next }
FNR == 1 { printf "%-11s %-18s  %-18s  %-18s  %s\n", "system",
	   "ours R-1 R-2 SU4", "ROUGE rows", "SOURCE.md", "ours - SOURCE.md"
	   next }
{
	rows = "-"
	if ($1 in ref)
		rows = sprintf("%.2f %.2f %.2f",
			       100 * sum[$1, "ROUGE-1"] / n[$1, "ROUGE-1"],
			       100 * sum[$1, "ROUGE-2"] / n[$1, "ROUGE-2"],
			       100 * sum[$1, "ROUGE-SU4"] / n[$1, "ROUGE-SU4"])
	src = "-"; diff = ""
	if ($1 in pub) {
		src = pub[$1]; split(src, q, " ")
		diff = sprintf("%+.2f %+.2f %+.2f", $2 - q[1], $3 - q[2],
			       $4 - q[3])
	}
	printf "%-11s %-18s  %-18s  %-18s  %s\n", $1,
	       sprintf("%s %s %s", $2, $3, $4), rows, src, diff
}' "$tmp/published.txt" "$data/_rouge_reference.tsv" "$tmp/ours.tsv"
echo "(ROUGE rows: the means of the reference table's per-cluster" \
	"recalls. SOURCE.md's table is up to 0.06 away from them (DPP R-1)," \
	"so a last column of that size is the table's, not the scorer's.)"
if [ "$st" -ne 0 ]; then
	echo "eval-rouge-check: FAILED: rows of ROUGE-1.5.5 not reproduced" >&2
	exit 1
fi
