#!/bin/sh
# Runs each cmocka unit-test binary and adds up their test cases. Prints
# "unit: N passed, M failed" last (and appends it to $COUNTS when set).
pass=0 fail=0 broken=0
for t in "$@"; do
	if ! "$t" >"$t.log" 2>&1; then
		broken=$((broken + 1))
		echo "FAILED: $t" >&2
		cat "$t.log" >&2
	fi
	ok=$(grep -c '^\[       OK \]' "$t.log")
	bad=$(grep -c '^\[  FAILED  \] [a-z]' "$t.log")
	pass=$((pass + ok))
	fail=$((fail + bad))
done
# A binary that crashed before reporting still counts as a failure.
[ "$broken" -gt 0 ] && [ "$fail" -eq 0 ] && fail=$broken
line="unit: $pass passed, $fail failed"
echo "$line"
[ -n "${COUNTS:-}" ] && echo "$line" >>"$COUNTS"
[ "$broken" -eq 0 ]
