#!/bin/sh
# Story clustering quality (make eval-cluster): `newsdigest cluster` on
# the two labelled sets of shared/data/cluster, scored by score_cluster.
#
#   scripts/eval-cluster.sh BIN SCORER DATA OUT
#
# duc2006-pile/pile.jsonl holds the 1,250 DUC 2006 articles of 50 topics
# in a shuffled order (the pile is fed as that one file: the folder also
# holds the same texts as docs/*.txt). uci-headlines/articles.jsonl holds
# 6,366 headlines of 87 Google News stories; it is fed in date order, as
# its SOURCE.md asks. OUT keeps the inputs and predictions. Exit status:
# 0 when scored, 2 when the data is missing or a program failed.
set -u

usage='usage: scripts/eval-cluster.sh BIN SCORER DATA OUT'
bin=${1:?$usage}
scorer=${2:?$usage}
data=${3:?$usage}
out=${4:?$usage}
pile=$data/duc2006-pile/pile.jsonl
uci=$data/uci-headlines/articles.jsonl

for f in "$pile" "$uci"; do
	if [ ! -s "$f" ]; then
		echo "eval-cluster: no $f (shared/data/cluster is needed):" \
			"nothing to evaluate" >&2
		exit 2
	fi
done
mkdir -p "$out" || exit 2

now() { date +%s%N; }

# run NAME LABEL JSONL: clusters JSONL, scores it against its own gold.
run() {
	t0=$(now)
	"$bin" cluster "$3" >"$out/$1.tsv" 2>"$out/$1.err"
	st=$?
	t1=$(now)
	if [ "$st" -gt 1 ]; then
		echo "eval-cluster: newsdigest cluster failed on $3:" >&2
		head -n 3 "$out/$1.err" >&2
		exit 2
	fi
	echo "== $2: $(wc -l <"$3") articles, $(echo "$t0 $t1" |
		awk '{ printf "%.2f", ($2 - $1) / 1e9 }') s, $(grep -c . \
		"$out/$1.err") rejected (placed nowhere) =="
	"$scorer" "$3" "$out/$1.tsv" || exit 2
}

run duc "DUC 2006 pile (50 topics, shuffled)" "$pile"
# Date order: the date sorts as text ("YYYY-MM-DD HH:MM:SS"); ties keep
# file order.
sed 's/.*"date": *"\([^"]*\)".*/\1\t&/' "$uci" | sort -s -t "$(printf '\t')" \
	-k1,1 | cut -f 2- >"$out/uci-by-date.jsonl"
echo
run uci "UCI headlines (87 stories, date order)" "$out/uci-by-date.jsonl"
echo
echo "targets (issue 6): B-cubed F1 >= 0.97 on a held-out pile of news" \
	"events (scikit-learn average-link: 0.92 there, 0.84 on the DUC 2006" \
	"pile); one default threshold for every pile"
