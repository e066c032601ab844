# shellcheck shell=sh
# What the tools' checks share, sourced after setting suite (the name the
# lines carry): a temporary folder $tmp, removed on exit; check; finish.

: "${suite:?set suite before sourcing tests/tools/check.sh}"
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0

# check STATUS WHAT: one check, passed when STATUS is 0, else WHAT failed.
check() {
	if [ "$1" = 0 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $suite: $2" >&2
	fi
}

# finish: prints "SUITE: N passed, M failed" (appended to $COUNTS when
# set); its status is non-zero when a check failed.
finish() {
	line="$suite: $pass passed, $fail failed"
	echo "$line"
	[ -n "${COUNTS:-}" ] && echo "$line" >>"$COUNTS"
	[ "$fail" -eq 0 ]
}
