# Robustness of the CLI on hostile pages: deeply nested, far too big,
# truncated, script-only, in other charsets, not UTF-8 at all. None may
# crash or hang: each gives its text, or a one-line error naming it.
# Sourced by tests/cli/run.sh, whose helpers and $tmp it uses; the big and
# deep inputs are generated here, never committed.

r=$tmp/robust
mkdir "$r"

# run_t ARGS...: run, but a hang of more than a minute is a failure
# (status 124) rather than a stuck suite.
run_t() {
	if command -v timeout >/dev/null 2>&1; then
		timeout 60 "$bin" "$@" <"$tmp/none" >"$tmp/out" 2>"$tmp/err"
	else
		"$bin" "$@" <"$tmp/none" >"$tmp/out" 2>"$tmp/err"
	fi
	status=$?
}

top='The harbour council of Lisk met on Monday evening to discuss the new ferry timetable for the coming winter season.'
bottom='The ferry between Lisk and the outer islands will run twice a day from November, the harbour office said.'
after='The mayor of Lisk welcomed the decision and thanked the ferry crews for their work through the storms.'
para2='The change follows a fall in passenger numbers after the summer season, officials said in a statement on Monday.'

# 10,000 nested <div>s with text above, at the bottom and after them.
awk -v top="$top" -v bottom="$bottom" -v after="$after" 'BEGIN {
	printf "<html><head><title>Lisk ferry timetable</title></head>"
	printf "<body><p>%s</p>", top
	for (i = 0; i < 10000; i++) printf "<div>"
	printf "<p>%s</p>", bottom
	for (i = 0; i < 10000; i++) printf "</div>"
	printf "<p>%s</p></body></html>\n", after
}' >"$r/deep.html"
run_t clean "$r/deep.html"
expect_status 0 "10,000 nested divs"
expect_grep out "$top" "10,000 nested divs: text above them"
expect_grep out "$bottom" "10,000 nested divs: text at the bottom"
expect_grep out "$after" "10,000 nested divs: text after them"

# About a million unclosed <div>s, just under the cap: no stack runs out.
awk -v top="$top" 'BEGIN {
	printf "<html><body><p>%s</p>", top
	for (i = 0; i < 1000000; i++) printf "<div>"
	printf "\n"
}' >"$r/unclosed.html"
run_t clean "$r/unclosed.html"
expect_status 0 "a million unclosed divs"
expect_grep out "$top" "a million unclosed divs"

# 200 formatting elements left open, then 200,000 short divs: HTML5 tree
# building re-opens all 200 in each div. The node flood is cut and the
# page refused, quickly and in one line.
awk 'BEGIN {
	printf "<html><body><div>"
	for (i = 0; i < 200; i++) printf "<b id=%d>", i
	printf "</div>"
	for (i = 0; i < 200000; i++) printf "<div>x</div>"
	printf "\n"
}' >"$r/reopen.html"
run_t clean "$r/reopen.html"
expect_status 1 "formatting elements re-opened in 200,000 divs"
expect_grep err "reopen.html: cleaning HTML: input too large" \
	"formatting elements re-opened in 200,000 divs"

# Text between 300,000 stray end tags, which the parser joins into one
# text node: joins are cut short, so no quadratic copying; the text stays.
awk -v top="$top" 'BEGIN {
	printf "<html><body><p>"
	for (i = 0; i < 300000; i++) printf "%s </zz>", (i % 2 ? "ferry" : "Lisk")
	printf "</p><p>%s</p></body></html>\n", top
}' >"$r/joins.html"
run_t clean "$r/joins.html"
expect_status 0 "text between 300,000 stray end tags"
expect_grep out "$top" "text between 300,000 stray end tags"

# A 50 MB page is refused unread in one line naming it; the rest goes on.
{
	printf '<html><head><title>Big</title></head><body><p>%s</p>' "$top"
	head -c 52428800 /dev/zero | tr '\000' 'x'
	printf '</body></html>\n'
} >"$r/big.html"
printf '<html><head><title>Lisk ferry</title></head><body><p>%s</p><p>%s</p></body></html>\n' \
	"$bottom" "$para2" >"$r/small.html"
size=$(wc -c <"$r/big.html" | tr -d ' ')
run_t clean "$r/big.html" "$r/small.html"
expect_status 1 "a 50 MB page"
if [ "$(wc -l <"$tmp/err")" -eq 1 ]; then ok; else
	bad "a 50 MB page: $(wc -l <"$tmp/err") lines on stderr"; fi
expect_grep err "big.html: file is $size bytes, over the 5242880-byte limit" \
	"a 50 MB page"
expect_grep out "$bottom" "a 50 MB page: the other page"
"$bin" clean <"$r/big.html" >"$tmp/out" 2>"$tmp/err"
status=$?
expect_status 1 "a 50 MB page on stdin"
expect_grep err "stdin: input is over the 5242880-byte limit" \
	"a 50 MB page on stdin"
rm -f "$r/big.html"

# Pages cut short: in a tag, in a comment, in a script, in text.
head_=$(printf '<html><head><title>Lisk ferry timetable changes</title></head><body><article><p>%s</p><p>%s</p>' "$top" "$para2")
printf '%s<p>Cut in the middle of a <a hr' "$head_" >"$r/cut_tag.html"
printf '%s<!-- a comment that never ends <p>Hidden in the comment.</p>' \
	"$head_" >"$r/cut_comment.html"
printf '%s<script>var s = "<p>Hidden in the script.</p>"; if (a < b' \
	"$head_" >"$r/cut_script.html"
printf '%s<p>The last paragraph never clos' "$head_" >"$r/cut_text.html"
for f in cut_tag cut_comment cut_script cut_text; do
	run_t clean "$r/$f.html"
	expect_status 0 "a page cut short ($f)"
	expect_grep out "$para2" "a page cut short ($f)"
	expect_no_grep out "Hidden in the" "a page cut short ($f)"
done
run_t clean "$r/cut_text.html"
expect_grep out "The last paragraph never clos" "a page cut in its text"

# A page that is only script: a clear rejection, not an empty article.
printf '<html><head><title>Script</title><script>document.write("<p>%s</p>");</script></head><body><script>var a = 1;</script></body></html>\n' \
	"$top" >"$r/script_only.html"
printf '<script>var p = "<p>%s</p>";</script>\n' "$top" >"$r/bare_script.html"
run_t clean "$r/script_only.html" "$r/bare_script.html" "$r/small.html"
expect_status 1 "script-only pages"
expect_grep err "script_only.html: no article text left after cleaning" \
	"script-only pages"
expect_grep err "bare_script.html: no article text left after cleaning" \
	"script-only pages"
expect_no_grep out "harbour council" "script-only pages"
expect_grep out "$bottom" "script-only pages: the other page"

# Charsets declared by <meta charset> or <meta http-equiv>, and UTF-16
# with a byte order mark: the text comes out in UTF-8.
page() { # page META TITLE PARAGRAPH: an HTML page; \NNN escapes are bytes
	printf '<html><head>%b<title>%b</title></head><body><article><h1>%b</h1><p>%b</p><p>%b</p></article></body></html>\n' \
		"$1" "$2" "$2" "$3" "$3"
}
page '<meta charset="windows-1252">' 'Caf\351 owners in Lisk' \
	'The caf\351 owner, Jos\351 M\374ller, said the \2004 fare was \223fair\224 \226 and the ferry\222s timetable finally makes sense.' \
	>"$r/cp1252.html"
page '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">' \
	'Se\361ora N\372\361ez opens a caf\351' \
	'The caf\351 at the quay, run by Se\361ora N\372\361ez, serves cr\350me br\373l\351e to ferry passengers every day of the week.' \
	>"$r/latin1.html"
page '<meta charset="Shift_JIS">' '\203\164\203\106\203\212\201\133' \
	'\215\140\230\160\213\307\202\315\223\176\202\314\212\324\203\164\203\106\203\212\201\133\202\360\210\352\223\372\223\361\211\361\211\136\215\161\202\267\202\351\202\306\224\255\225\134\202\265\202\275\201\102' \
	>"$r/sjis.html"
page '<meta http-equiv="content-type" content="text/html; charset=gbk">' \
	'\270\333\316\361\276\326' \
	'\300\373\313\271\277\313\270\333\316\361\276\326\320\307\306\332\322\273\320\373\262\274\266\254\274\276\266\311\302\326\303\277\314\354\324\313\320\320\301\275\264\316\241\243' \
	>"$r/gbk.html"
page '<meta charset="windows-1251">' '\317\340\360\356\354 \342 \313\350\361\352\345' \
	'\317\340\360\356\354 \341\363\344\345\362 \365\356\344\350\362\374 \344\342\340 \360\340\347\340 \342 \344\345\355\374, \361\352\340\347\340\353\350 \342 \357\356\360\362\363 \313\350\361\352 \342 \357\356\355\345\344\345\353\374\355\350\352.' \
	>"$r/cp1251.html"
# UTF-16: each ASCII byte followed (LE) or preceded (BE) by a zero byte.
utf16() { # utf16 le|be: ASCII on stdin to UTF-16 with a BOM on stdout
	if [ "$1" = le ]; then printf '\377\376'; else printf '\376\377'; fi
	od -An -v -to1 | tr -s ' \n' '\n\n' | grep . | while read -r o; do
		if [ "$1" = le ]; then printf "\\$o\\000"; else printf "\\000\\$o"; fi
	done
}
page '' 'Lisk ferry in UTF-16' "$bottom" | utf16 le >"$r/utf16le.html"
page '' 'Lisk ferry in UTF-16' "$bottom" | utf16 be >"$r/utf16be.html"
for f in cp1252 latin1 sjis gbk cp1251 utf16le utf16be; do
	run_t clean "$r/$f.html"
	expect_status 0 "a $f page"
done
run_t clean "$r/cp1252.html"
expect_grep out 'Café owners in Lisk' "windows-1252 by <meta charset>"
expect_grep out 'José Müller, said the €4 fare was “fair” – and the ferry’s' \
	"windows-1252 by <meta charset>"
run_t clean "$r/latin1.html"
expect_grep out 'Señora Núñez, serves crème brûlée' \
	"ISO-8859-1 by <meta http-equiv>"
run_t clean "$r/sjis.html"
expect_grep out '港湾局は冬の間フェリーを一日二回運航すると発表した。' \
	"Shift_JIS by <meta charset>"
run_t clean "$r/gbk.html"
expect_grep out '利斯克港务局星期一宣布冬季渡轮每天运行两次。' \
	"GBK by <meta http-equiv>"
run_t clean "$r/cp1251.html"
expect_grep out 'Паром будет ходить два раза в день' \
	"windows-1251 by <meta charset>"
for f in utf16le utf16be; do
	run_t clean "$r/$f.html"
	expect_grep out "Lisk ferry in UTF-16" "$f with a BOM: title"
	expect_grep out "$bottom" "$f with a BOM: text"
	"$bin" clean <"$r/$f.html" >"$tmp/out" 2>"$tmp/err"
	status=$?
	expect_status 0 "$f with a BOM on stdin"
	expect_grep out "$bottom" "$f with a BOM on stdin"
done

# A Latin-1 page that declares nothing is read as windows-1252, as a
# browser reads it, with one warning line saying where; the status stays 0.
printf '<html><head><title>Caf\351 in Lisk</title></head><body><p>%s The caf\351 opens at noon.</p></body></html>\n' \
	"$top" >"$r/undeclared.html"
run_t clean "$r/undeclared.html" "$r/small.html"
expect_status 0 "an undeclared Latin-1 page"
expect_grep err "undeclared.html: warning: not valid UTF-8: 2 bytes read \
as windows-1252, the first at byte 22" "an undeclared Latin-1 page"
expect_grep out "The café opens at noon." "an undeclared Latin-1 page: text"
expect_grep out "$bottom" "an undeclared Latin-1 page: the other page"
