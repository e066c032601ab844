#!/bin/sh
# Story clustering quality (make eval-cluster): `newsdigest cluster` on
# three labelled piles, scored by score_cluster, then one table.
#
#   scripts/eval-cluster.sh BIN SCORER PILER CLUSTER_DATA EVENTS_DATA OUT
#
# 1. The events dev pile: the 250 articles of EVENTS_DATA (summ/
#    duc2004-dev: 25 TDT news events of 10 articles each, CLUSTER/docs/
#    *.txt), made here by PILER (make_pile) into OUT, never kept in the
#    repository: one seeded shuffle, ids renumbered, undated, the shape of
#    the DUC 2006 pile. Issue 6's target is on a held-out pile of events;
#    this is the dev half of that kind.
# 2. CLUSTER_DATA/duc2006-pile/pile.jsonl: 1,250 DUC 2006 articles of 50
#    topics in a shuffled order (fed as that one file: the folder also
#    holds the same texts as docs/*.txt).
# 3. CLUSTER_DATA/uci-headlines/articles.jsonl: 6,366 headlines of 87
#    Google News stories, fed in date order as its SOURCE.md asks.
#
# Order robustness: the two undated piles are clustered again in 3 more
# seeded shuffles; the UCI headlines keep their date order, so their 3
# more runs repeat it and must print the same stories. OUT keeps every
# input, prediction and score. Exit status: 0 when scored, 2 when the
# data is missing or a program failed.
set -u

usage='usage: scripts/eval-cluster.sh BIN SCORER PILER CLUSTER_DATA'\
' EVENTS_DATA OUT'
bin=${1:?$usage}
scorer=${2:?$usage}
piler=${3:?$usage}
data=${4:?$usage}
events=${5:?$usage}
out=${6:?$usage}
pile=$data/duc2006-pile/pile.jsonl
uci=$data/uci-headlines/articles.jsonl
# The events pile's order, and the orders of the robustness runs.
event_seed=20041016
more_seeds='1 2 3'

for f in "$pile" "$uci"; do
	if [ ! -s "$f" ]; then
		echo "eval-cluster: no $f (shared/data/cluster is needed):" \
			"nothing to evaluate" >&2
		exit 2
	fi
done
mkdir -p "$out" || exit 2
if ! "$piler" "$event_seed" "$events" >"$out/events.jsonl"; then
	echo "eval-cluster: no events pile from $events" \
		"(shared/data/summ/duc2004-dev is needed)" >&2
	exit 2
fi
: >"$out/table" || exit 2

now() { date +%s%N; }

# cluster RUN JSONL: `newsdigest cluster` on JSONL into OUT/RUN.tsv;
# sets secs to its wall time.
cluster() {
	t0=$(now)
	"$bin" cluster "$2" >"$out/$1.tsv" 2>"$out/$1.err"
	st=$?
	t1=$(now)
	if [ "$st" -gt 1 ]; then
		echo "eval-cluster: newsdigest cluster failed on $2:" >&2
		head -n 3 "$out/$1.err" >&2
		exit 2
	fi
	secs=$(echo "$t0 $t1" | awk '{ printf "%.2f", ($2 - $1) / 1e9 }')
}

# score RUN JSONL: OUT/RUN.tsv against the gold in JSONL, into
# OUT/RUN.score.
score() {
	"$scorer" "$2" "$out/$1.tsv" >"$out/$1.score" || exit 2
}

# b3f1 RUN: the B-cubed F1 of a scored run.
b3f1() {
	awk '$1 == "B-cubed" { print $7 }' "$out/$1.score"
}

# evaluate NAME LABEL JSONL ORDERS: the main run of JSONL, printed in
# full, then 3 more (ORDERS "shuffle": seeded shuffles of JSONL; "repeat":
# JSONL as it is, which must give the same stories); adds a table row.
evaluate() {
	name=$1 jsonl=$3
	cluster "$name" "$jsonl"
	score "$name" "$jsonl"
	main_secs=$secs
	echo "== $2: $(grep -c . "$jsonl") articles, $secs s," \
		"$(grep -c . "$out/$name.err") rejected (placed nowhere) =="
	cat "$out/$name.score"
	f1s=$(b3f1 "$name") same=0
	for seed in $more_seeds; do
		run=$name-$4$seed
		if [ "$4" = shuffle ]; then
			"$piler" "$seed" --lines "$jsonl" >"$out/$run.jsonl" ||
				exit 2
			cluster "$run" "$out/$run.jsonl"
			score "$run" "$out/$run.jsonl"
			f1s="$f1s $(b3f1 "$run")"
		else
			cluster "$run" "$jsonl"
			cmp -s "$out/$name.tsv" "$out/$run.tsv" &&
				same=$((same + 1))
		fi
	done
	if [ "$4" = shuffle ]; then
		orders=$(echo "$f1s" | awk '{ s = 0; m = $1
			for (i = 1; i <= NF; i++) { s += $i; if ($i < m) m = $i }
			printf "%.4f/%.4f", s / NF, m }')
		echo "order robustness: B-cubed F1 $(echo "$f1s" |
			sed 's/ /, /g') (this order, then shuffles" \
			"$(echo "$more_seeds" | sed 's/ /, /g'));" \
			"mean/min $orders"
	else
		orders="same $same/3"
		echo "order robustness: date order kept; 3 more runs," \
			"$same of 3 with the same stories"
	fi
	awk -v pile="$name" -v secs="$main_secs" -v orders="$orders" '
		$1 == "items" { items = $2; gold = $5; pred = $8
			gsub(",", "", items); gsub(",", "", gold) }
		$1 == "pairwise" { pf = $7 }
		$1 == "B-cubed" { bp = $3; br = $5; bf = $7 }
		$1 == "ARI" { ari = $2 }
		END { printf "%-8s %8s %11s %7.3f %6.3f %6.3f %6.3f %6.3f" \
			" %7s  %s\n", pile, items, gold "/" pred, pf, bp, br,
			bf, ari, secs, orders }' \
		"$out/$name.score" >>"$out/table"
	echo
}

label='events dev pile (DUC 2004 dev: 25 TDT events x 10 articles,'
evaluate events "$label shuffled, undated)" "$out/events.jsonl" shuffle
evaluate duc2006 "DUC 2006 pile (50 topics, shuffled, undated)" "$pile" \
	shuffle
# Date order: the date sorts as text ("YYYY-MM-DD HH:MM:SS"); ties keep
# file order.
sed 's/.*"date": *"\([^"]*\)".*/\1\t&/' "$uci" | sort -s -t "$(printf '\t')" \
	-k1,1 | cut -f 2- >"$out/uci-by-date.jsonl"
evaluate uci "UCI headlines (87 stories, date order)" \
	"$out/uci-by-date.jsonl" repeat

printf '%-8s %8s %11s %7s %6s %6s %6s %6s %7s  %s\n' pile articles \
	gold/pred pair-F1 B3-P B3-R B3-F1 ARI seconds \
	'B3-F1 over 4 orders: mean/min'
cat "$out/table"
echo
echo "targets (issue 6): B-cubed F1 >= 0.97 on a held-out pile of news events"
echo "  (ceiling about 0.98; the events dev pile is of that kind, its ceiling"
echo "  0.987: 2 texts are filed under two events), with one default"
echo "  threshold for every pile. Peers: scikit-learn average-link on"
echo "  TF-IDF at its best threshold: B-cubed F1 0.92 on the held-out events,"
echo "  0.84 on the DUC 2006 pile. Miranda et al. 2018: pairwise F1 about 0.94"
echo "  on their English news stream (other data). UCI: no published figure."
