#!/bin/sh
# CLI tests: golden outputs on examples/, behaviour on options and on bad
# input, and the seed articles when shared/seeds sits beside the repository.
#
#   tests/cli/run.sh [--update] build/newsdigest
#
# --update rewrites the goldens from the current program (inspect the diff).
# Prints "cli: N passed, M failed" last; exits non-zero on any failure.
set -u

update=0
if [ "${1:-}" = "--update" ]; then
	update=1
	shift
fi
bin=${1:?usage: tests/cli/run.sh [--update] path/to/newsdigest}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
tab=$(printf '\t')
esc=$(printf '\033')

pass=0
fail=0
status=0

ok() { pass=$((pass + 1)); }

bad() {
	fail=$((fail + 1))
	echo "FAIL: $*" >&2
}

# run ARGS...: the program on no input; sets $status, fills out and err.
run() {
	"$bin" "$@" <"$tmp/none" >"$tmp/out" 2>"$tmp/err"
	status=$?
}

# expect_status WANT WHAT
expect_status() {
	if [ "$status" = "$1" ]; then
		ok
	else
		bad "$2: exit status $status, expected $1"
		sed 's/^/    stderr: /' "$tmp/err" | head -n 5 >&2
	fi
}

# expect_grep FILE PATTERN WHAT: a line of FILE matches PATTERN (fixed).
expect_grep() {
	if grep -q -F -e "$2" "$tmp/$1"; then
		ok
	else
		bad "$3: '$2' not in std$1"
	fi
}

expect_no_grep() {
	if grep -q -F -e "$2" "$tmp/$1"; then
		bad "$3: '$2' in std$1"
	else
		ok
	fi
}

# expect_json FILE WHAT: FILE parses as JSON (when python3 is around).
expect_json() {
	command -v python3 >/dev/null 2>&1 || return 0
	if python3 -m json.tool "$1" >/dev/null 2>&1; then
		ok
	else
		bad "$2: not valid JSON"
	fi
}

: >"$tmp/none"

# ---- (a) golden outputs ----------------------------------------------------

golden() {
	name=$1
	shift
	run "$@"
	out=tests/golden/$name.out
	if [ "$update" = 1 ]; then
		cp "$tmp/out" "$out"
		echo "$status" >"tests/golden/$name.status"
		ok
		return
	fi
	if [ ! -f "$out" ]; then
		bad "golden $name: $out missing (run with --update)"
	elif ! cmp -s "$tmp/out" "$out"; then
		bad "golden $name: output differs"
		diff -u "$out" "$tmp/out" | head -n 40 >&2
	elif [ "$status" != "$(cat "tests/golden/$name.status")" ]; then
		bad "golden $name: exit status $status"
	else
		ok
	fi
}

while IFS='|' read -r name args; do
	name=$(echo "$name" | tr -d ' ')
	case $name in '' | '#'*) continue ;; esac
	# shellcheck disable=SC2086 # the arguments are words
	golden "$name" $args
done <tests/cli/cases.txt

for f in tests/golden/*-json.out; do
	[ -f "$f" ] && expect_json "$f" "golden $f"
done

# ---- (b) behaviour ---------------------------------------------------------

for cmd in digest clean dedup cluster summarize similar; do
	for h in --help -h; do
		run "$cmd" "$h"
		expect_status 0 "$cmd $h"
		expect_grep out "newsdigest $cmd" "$cmd $h"
	done
	run help "$cmd"
	expect_status 0 "help $cmd"
	expect_grep out "usage: newsdigest $cmd" "help $cmd"
done
for h in --help -h help; do
	run "$h"
	expect_status 0 "$h"
	expect_grep out "usage: newsdigest" "$h"
	expect_grep out "summarize" "$h"
done

run --version
expect_status 0 "--version"
if [ "$(cat "$tmp/out")" = "newsdigest 0.1.0" ]; then ok; else
	bad "--version printed '$(cat "$tmp/out")'"; fi

run
expect_status 2 "no command"
run frobnicate examples/
expect_status 2 "unknown command"
expect_grep err "unknown command 'frobnicate'" "unknown command"
run --frob
expect_status 2 "unknown global option"
run help frobnicate
expect_status 2 "help on an unknown command"

# Each line: arguments that are a usage error.
while read -r args; do
	# shellcheck disable=SC2086
	run $args
	expect_status 2 "usage error: $args"
	if [ -s "$tmp/out" ]; then bad "usage error: $args: printed output"; else ok; fi
	expect_grep err "newsdigest: " "usage error: $args"
done <<'CASES'
digest --format xml examples/
digest --format
digest --words 0 examples/
digest --words 100001 examples/
digest --words 12abc examples/
digest --words -5 examples/
digest --words +5 examples/
digest --words 0x10 examples/
digest --words 99999999999999999999999 examples/
digest --bytes 100 examples/
digest --bogus examples/
digest -x examples/
dedup --format md examples/
dedup --near-jaccard 0 examples/
dedup --near-jaccard 1.5 examples/
dedup --near-jaccard 0.5x examples/
dedup --near-jaccard nan examples/
dedup --rewrite-share -0.5 examples/
dedup --rewrite-share examples/
cluster --near-jaccard 1.5 examples/
cluster --words 10 examples/
cluster --threshold 0 examples/
cluster --threshold 1.5 examples/
cluster --threshold x examples/
cluster --expire-days -1 examples/
cluster --expire-days 2x examples/
dedup --explain examples/
dedup --stream examples/
cluster --stream --format json examples/
cluster --stream --near-jaccard 0.5 examples/
digest --explain examples/
clean --words 10 examples/
summarize --format json examples/
summarize --bytes 0 examples/
summarize --words 10 --bytes 10 examples/
clean --out
clean --out= examples/
digest --out somewhere examples/
similar
similar one
similar one two three
similar --threshold 2 one two
similar --threshold x one two
similar --threshold
similar --batch one two
similar --bogus one two
CASES

run digest --words= examples/
expect_status 2 "empty --words value"

# Options may follow the paths; "--" ends them.
run dedup examples/01_wire_meridian.txt --format json \
	examples/02_coastal_herald.txt
expect_status 0 "options after paths"
expect_grep out '"relations": [' "options after paths"
run cluster --format=json -- examples/01_wire_meridian.txt
expect_status 0 "-- before paths"
expect_grep out '"stories": [' "-- before paths"
run summarize examples/01_wire_meridian.txt --words=20
expect_status 0 "summarize --words=20"

# similar: two sentences, a batch on standard input, WordNet from the
# option, the environment or missing.
wn=tests/fixtures/wordnet
run similar --wordnet $wn "The top diplomat arrived in Paris." \
	"The best diplomat reached Paris."
expect_status 0 "similar"
expect_grep out "${tab}paraphrase" "similar"
run similar --wordnet $wn --threshold 1 "Paris." "Paris."
expect_grep out "${tab}not-paraphrase" "similar --threshold"
NEWSDIGEST_WORDNET=$wn "$bin" similar "A cat." "A dog." >"$tmp/out" \
	2>"$tmp/err"
status=$?
expect_status 0 "similar with NEWSDIGEST_WORDNET"
NEWSDIGEST_WORDNET=/nonexistent "$bin" similar "A cat." "A dog." \
	>"$tmp/out" 2>"$tmp/err"
status=$?
expect_status 2 "similar without WordNet"
expect_grep err "/nonexistent/index.noun: cannot open (install wordnet-base" \
	"similar without WordNet"
run similar --wordnet $wn "$(printf 'bad \377')" "fine"
expect_status 1 "similar on bad UTF-8"
expect_grep err "first sentence is not UTF-8" "similar on bad UTF-8"
"$bin" similar --batch --wordnet $wn <tests/fixtures/similar_pairs.tsv \
	>"$tmp/out" 2>"$tmp/err"
status=$?
expect_status 1 "similar --batch from stdin"
expect_grep err "similar: -: line 6: expected 4 tab-separated fields" \
	"similar --batch from stdin"
if cmp -s "$tmp/out" tests/golden/similar-batch.out; then ok; else
	bad "similar --batch from stdin differs from the file's golden"; fi
head -c 20000 /dev/zero | tr '\0' 'a' >"$tmp/long"
printf '\nx\ty\tshort\tline\n' >>"$tmp/long"
run similar --batch --wordnet $wn "$tmp/long"
expect_status 1 "similar --batch, overlong line"
expect_grep err "line 1: over 9216 bytes" "similar --batch, overlong line"
expect_grep out "x${tab}y${tab}" "similar --batch, line after an overlong one"

# No path: standard input.
"$bin" clean <examples/01_wire_meridian.txt >"$tmp/out" 2>"$tmp/err"
status=$?
expect_status 0 "clean from stdin"
expect_grep out "Valdoria and Serentia sign 25-year" "clean from stdin"
"$bin" digest --format json - <examples/01_wire_meridian.txt \
	>"$tmp/out" 2>"$tmp/err"
status=$?
expect_status 0 "digest of -"
expect_json "$tmp/out" "digest of -"

# Without --format, digest writes JSON when stdout is no terminal.
run digest examples/01_wire_meridian.txt
expect_grep out '"version": "0.1.0"' "digest default format off a terminal"

# Bad inputs: each rejected with one line naming it, the rest printed.
d=$tmp/bad
mkdir "$d"
: >"$d/empty.txt"
printf 'GIF89a\000\000\001\002binary\000data\377\376' >"$d/binary.txt"
printf 'Caf\351 au lait\n\nA story with a Latin-1 byte in it.\n' \
	>"$d/latin1.txt"
head -c 10485760 /dev/zero | tr '\000' 'a' >"$d/huge.txt"
cat >"$d/good_article.txt" <<'ARTICLE'
Harbour town of Lisk opens its first public library in a century

LISK - The harbour town of Lisk opened its first public library in more than a hundred years on Saturday, in a restored rope-making shed on the quay.

Mayor Tova Rennick cut the ribbon in front of about two hundred residents. "A town that reads is a town that stays," she said.

The library holds some 12,000 books, most of them donated by families from the town and the surrounding farms. It will open six days a week.
ARTICLE
{
	printf '%s\n' '{"id": "jl_one", "title": "Lisk library draws crowds on first day", "text": "Hundreds of residents queued outside the new public library in Lisk on its first day, the town council said. The library lent out more than 900 books before closing time."}'
	printf '%s\n' '{"id": "jl_two", "title": "Ferry timetable changes for winter", "text": "The ferry between Lisk and the outer islands will run twice a day from November, the harbour office said, down from four crossings in summer."}'
	printf '%s' '{"id": "jl_cut", "title": "Cut short", "text": "This record ends in the mid'
} >"$d/feed.jsonl"
run digest --format json "$d" "$d/missing.txt"
expect_status 1 "bad inputs"
expect_json "$tmp/out" "bad inputs"
if [ "$(wc -l <"$tmp/err")" -eq 6 ]; then ok; else
	bad "bad inputs: $(wc -l <"$tmp/err") lines on stderr, expected 6"
	cat "$tmp/err" >&2
fi
for what in empty.txt binary.txt latin1.txt huge.txt feed.jsonl:3 \
	missing.txt; do
	n=$(grep -c -F -e "$what" "$tmp/err")
	if [ "$n" -eq 1 ]; then ok; else
		bad "bad inputs: $n stderr lines name $what, expected 1"; fi
done
if grep -v -q '^newsdigest: ' "$tmp/err"; then
	bad "bad inputs: stderr line without 'newsdigest: '"; else ok; fi
expect_grep out '"id": "good_article"' "bad inputs"
expect_grep out '"id": "jl_one"' "bad inputs"
expect_grep out '"id": "jl_two"' "bad inputs"
expect_no_grep out 'jl_cut' "bad inputs"
expect_no_grep err 'feed.jsonl:1' "bad inputs"

# facts on the same pile: the same rejections, and the good articles'
# quotation and fact listed, its markup escaped.
run facts --format json "$d" "$d/missing.txt"
expect_status 1 "facts on bad inputs"
expect_json "$tmp/out" "facts on bad inputs"
if [ "$(wc -l <"$tmp/err")" -eq 6 ]; then ok; else
	bad "facts on bad inputs: $(wc -l <"$tmp/err") lines on stderr"; fi
expect_grep out '"speaker": "Tova Rennick"' "facts on bad inputs"
expect_grep out '"value": "12000 book"' "facts on bad inputs"
run facts --format md "$d"
expect_grep out 'A town that reads is a town that stays' "facts --format md"
expect_grep out 'Rejected inputs' "facts --format md"

# Rejected names are escaped before they reach a terminal.
mkdir "$tmp/evil"
: >"$tmp/evil/evil${esc}[2J.txt"
run digest --format md "$tmp/evil"
expect_status 1 "control characters in a rejected name"
expect_no_grep err "$esc" "control characters in a rejected name"
expect_grep err 'evil\x1b[2J.txt' "control characters in a rejected name"
expect_no_grep out "$esc" "control characters in a rejected name"

# Gzip inputs are inflated before anything else looks at them; a bad one
# is rejected in one line naming it, and the rest is processed.
z=$tmp/gz
mkdir "$z"
gzip -n -c examples/04_gazette_fr.html >"$z/gazette.html.gz"
gzip -n -c examples/01_wire_meridian.txt >"$z/wire"
head -c 200 "$z/gazette.html.gz" >"$z/cut.html.gz"
"$bin" clean examples/04_gazette_fr.html >"$tmp/plain" 2>/dev/null
run clean "$z/gazette.html.gz"
expect_status 0 "clean of a .html.gz"
if cmp -s "$tmp/out" "$tmp/plain"; then ok; else
	bad "clean of a .html.gz: not what the plain file gives"; fi
"$bin" clean <"$z/gazette.html.gz" >"$tmp/out" 2>"$tmp/err"
status=$?
expect_status 0 "clean of gzip data on stdin"
if cmp -s "$tmp/out" "$tmp/plain"; then ok; else
	bad "clean of gzip data on stdin: not what the plain file gives"; fi
run cluster "$z"
expect_status 1 "a truncated .gz among good ones"
if [ "$(wc -l <"$tmp/err")" -eq 1 ]; then ok; else
	bad "a truncated .gz: $(wc -l <"$tmp/err") lines on stderr"; fi
expect_grep err "cut.html.gz: truncated gzip data" "a truncated .gz"
expect_grep out "${tab}gazette" "a truncated .gz among good ones"
expect_grep out "${tab}wire" "a truncated .gz among good ones"

# clean --out: a file per article holding what clean prints for it alone,
# nothing on stdout, the folder and its parents created.
o=$tmp/cleaned/a/b
run clean --out "$o" examples/
expect_status 0 "clean --out"
if [ -s "$tmp/out" ]; then bad "clean --out: wrote to stdout"; else ok; fi
for f in examples/*.txt examples/*.html; do
	"$bin" clean "$f" >"$tmp/one" 2>/dev/null
	id=$(basename "${f%.*}")
	if cmp -s "$tmp/one" "$o/$id.txt"; then ok; else
		bad "clean --out: $id.txt is not what clean $f prints"; fi
done
"$bin" clean --format json examples/feeds.jsonl >"$tmp/all.json"
n=$(ls "$o" | wc -l)
m=$(grep -c '"id": ' "$tmp/all.json")
if [ "$n" -eq $((m + 6)) ]; then ok; else
	bad "clean --out: $n files for $((m + 6)) articles"; fi
run clean --format json --out "$o" examples/01_wire_meridian.txt
expect_status 0 "clean --format json --out"
"$bin" clean --format json examples/01_wire_meridian.txt >"$tmp/one"
if cmp -s "$tmp/one" "$o/01_wire_meridian.json"; then ok; else
	bad "clean --format json --out: not what clean --format json prints"
fi
expect_json "$o/01_wire_meridian.json" "clean --format json --out"

# Unsafe ids are made safe, and no article overwrites another.
u=$tmp/ids
mkdir "$u" "$u/one" "$u/two"
cp examples/01_wire_meridian.txt "$u/one/story.txt"
cp examples/03_spin_daily.txt "$u/two/story.txt"
long=$(printf 'x%.0s' $(seq 1 300))
body='"title": "Lisk opens a library", "text": "The harbour town of Lisk opened its first public library in a century on Saturday, in a restored rope-making shed on the quay."'
for id in ../escape .hidden a/b '' same same same~2 "$long"; do
	printf '{"id": "%s", %s}\n' "$id" "$body"
done >"$u/feed.jsonl"
: >"$u/empty.txt"
run clean --out "$u/out" "$u/one" "$u/two" "$u/feed.jsonl" "$u/empty.txt"
expect_status 1 "clean --out with a rejected input"
expect_grep err "empty.txt: empty file" "clean --out with a rejected input"
for name in story story~2 _._escape _hidden a_b feed:4 same same~2 \
	same~2~2 "$(printf 'x%.0s' $(seq 1 200))"; do
	if [ -f "$u/out/$name.txt" ]; then ok; else
		bad "clean --out: no $name.txt"; fi
done
if [ "$(ls -A "$u/out" | wc -l)" -eq 10 ]; then ok; else
	bad "clean --out: $(ls -A "$u/out" | wc -l) files, expected 10"; fi
if [ -e "$u/escape.txt" ] || [ -e "$u/out/.hidden.txt" ]; then
	bad "clean --out: a file outside the folder or hidden"; else ok; fi
"$bin" clean "$u/two/story.txt" >"$tmp/one"
if cmp -s "$tmp/one" "$u/out/story~2.txt"; then ok; else
	bad "clean --out: story~2.txt is not the second story"; fi
run clean --out /dev/null/sub examples/01_wire_meridian.txt
expect_status 2 "clean --out into a file"
expect_grep err "cannot create folder" "clean --out into a file"

# The offsets of the digest point into what "clean" prints, byte for byte.
# spans_ok FOLDER WHAT
spans_ok() {
	command -v python3 >/dev/null 2>&1 || return 0
	if python3 - "$bin" "$1" <<'PY'
import json, re, subprocess, sys
prog, folder = sys.argv[1:3]
clean = subprocess.run([prog, "clean", folder], capture_output=True).stdout
texts = {}
for m in re.finditer(rb"(?:^|\n)==> (.*?) <==\n(.*?)(?=\n==> |\Z)", clean,
                     re.S):
    texts[m.group(1).decode()] = m.group(2)
out = subprocess.run([prog, "digest", "--format", "json", folder],
                     capture_output=True).stdout
bad = 0
for story in json.loads(out)["stories"]:
    for kind in ("summary", "quotes", "facts"):
        for item in story[kind]:
            text = texts.get(item["article"], b"")
            span = text[item["offset"]:item["offset"] + item["length"]]
            want = item["text"].encode()
            # A summary sentence is shown whole, or trimmed of its
            # opener: the span's end, its first letter capitalised.
            end = span[len(span) - len(want):]
            trimmed = (kind == "summary" and 0 < len(want) < len(span) and
                       end[1:] == want[1:] and end[:1].upper() == want[:1])
            # A quotation whose attribution interrupts it spans the
            # attribution too: its text starts and ends the span.
            joined = (span.startswith(want[:16]) and
                      span.endswith(want[-16:]))
            if not (joined if kind == "quotes" else
                    span == want or trimmed):
                bad += 1
                print("  %s in %s: %r is not %r" % (kind, item["article"],
                      span[:60], want[:60]), file=sys.stderr)
            for occ in item.get("occurrences", []):
                t = texts.get(occ["article"], b"")
                piece = t[occ["offset"]:occ["offset"] + occ["length"]]
                if not piece.strip() or piece != piece.strip():
                    bad += 1
                    print("  occurrence in %s: %r" % (occ["article"],
                          piece[:60]), file=sys.stderr)
            if kind != "summary":
                continue
            # Every source cites a whole line's sentence of its own text,
            # the chosen article its chosen sentence.
            sup = item["support"]
            if [s["article"] for s in sup] != item["sources"]:
                bad += 1
                print("  support of %r does not list its sources" %
                      want[:40], file=sys.stderr)
            for s in sup:
                t = texts.get(s["article"], b"")
                piece = t[s["offset"]:s["offset"] + s["length"]]
                if (not piece.strip() or piece != piece.strip() or
                        (s["article"] == item["article"] and piece != span)):
                    bad += 1
                    print("  support in %s: %r" % (s["article"],
                          piece[:60]), file=sys.stderr)
    # Every mention of an entity is one of its spellings.
    for e in story["entities"]:
        for m in e["mentions"]:
            t = texts.get(m["article"], b"")
            piece = t[m["offset"]:m["offset"] + m["length"]].decode()
            if piece not in e["variants"]:
                bad += 1
                print("  mention of %r in %s: %r" % (e["name"],
                      m["article"], piece), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
	then ok; else bad "$2: offsets do not match the cleaned text"; fi
}
spans_ok examples/ "examples"

# Hostile pages: deep, huge, truncated, script-only, other charsets.
. tests/cli/robustness.sh

# ---- (b2) the copy index across runs --------------------------------------

db=$tmp/copies.db
kiln=tests/fixtures/kiln_copies.jsonl
golden index-add-first index add --db "$db" examples/01_wire_meridian.txt \
	examples/03_spin_daily.txt
golden index-add-copies index add --db "$db" examples/02_coastal_herald.txt \
	"$kiln"
golden index-stats index stats --db "$db"
# The copy's escape character is escaped on output.
expect_no_grep out "$esc" "index stats"
run index add --db "$db" "$kiln"
expect_status 0 "index add again"
if ! grep -q -F "$esc" "$tmp/out" &&
	grep -q -F "kiln-copy\\x1b[31m${tab}kiln-copy\\x1b[31m${tab}near-duplicate${tab}1.000" "$tmp/out"; then
	ok
else
	bad "index add again: the repeat not matched or not escaped"
fi
golden index-remove index remove --db "$db" 01_wire_meridian kiln-wire
run index remove --db "$db" no-such-article
expect_status 1 "index remove unknown"
expect_grep err "no article 'no-such-article'" "index remove unknown"
golden index-add-after-remove index add --db "$db" \
	examples/02_coastal_herald.txt
golden index-expire index expire --db "$db" --before 2026-03-03
run index expire --db "$db" --before 2026-13-01
expect_status 2 "index expire bad date"
run index expire --db "$db"
expect_status 2 "index expire without a date"
# A path that cannot be read is reported; the others are still added
# (and match across paths) and saved.
run index add --db "$tmp/rej.db" examples/01_wire_meridian.txt \
	"$tmp/no-such-file" examples/02_coastal_herald.txt
expect_status 1 "index add with a missing path"
expect_grep out "02_coastal_herald${tab}01_wire_meridian${tab}near-duplicate" \
	"index add with a missing path"
expect_grep err "no-such-file" "index add with a missing path"
run index stats --db "$tmp/rej.db"
expect_grep out "articles${tab}2" "index add with a missing path: saved"
printf 'NDCOPYIX garbage' >"$tmp/bad.db"
run index stats --db "$tmp/bad.db"
expect_status 2 "index stats corrupt"
expect_grep err "not a valid copy index" "index stats corrupt"
run index stats --db "$tmp/missing.db"
expect_status 2 "index stats missing"
run index add examples/
expect_status 2 "index add without --db"
run index frobnicate --db "$db"
expect_status 2 "index unknown subcommand"
run index add --db "$db" --threshold 2 examples/
expect_status 2 "index add bad threshold"
for h in --help -h; do
	run index "$h"
	expect_status 0 "index $h"
	expect_grep out "usage: newsdigest index" "index $h"
done

# ---- (c) the seed articles -------------------------------------------------

seeds=$root/../shared/seeds
if [ -d "$seeds" ]; then
	run digest --format md "$seeds"
	expect_status 0 "seeds digest"
	expect_grep out "5 articles, 1 story" "seeds digest"
	run dedup "$seeds"
	expect_status 0 "seeds dedup"
	spans_ok "$seeds" "seeds"
	expect_grep out \
		"002_a2e798ce7179d953${tab}003_ed7db0c8a3587031${tab}rewrite-of${tab}" \
		"seeds dedup"
	# One fact, one sentence: the arrival is told in several articles,
	# in other words each time, and the summary says it once.
	run summarize --words 100 "$seeds"
	expect_status 0 "seeds summarize"
	if [ "$(grep -c -F "arrived in" "$tmp/out")" -le 1 ]; then
		ok
	else
		bad "seeds summarize: the arrival said twice"
	fi
else
	echo "cli: no $seeds, seed checks skipped" >&2
fi

echo "cli: $pass passed, $fail failed"
[ -n "${COUNTS:-}" ] && echo "cli: $pass passed, $fail failed" >>"$COUNTS"
[ "$fail" -eq 0 ]
