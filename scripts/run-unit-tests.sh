#!/bin/sh
# Runs each unit-test binary; prints one summary line in the form CI reads.
pass=0 fail=0
for t in "$@"; do
	if "$t" >"$t.log" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAILED: $t" >&2
		cat "$t.log" >&2
	fi
done
echo "unit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
