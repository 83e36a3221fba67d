#!/bin/sh
# The demo build and the minimal fixture build under valgrind: zero errors and
# zero definite/indirect leaks (exit code 99 otherwise).
ROADMAP=${ROADMAP:-./roadmap}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
if ! command -v valgrind >/dev/null; then
	echo "FAIL valgrind is not installed"; echo "valgrind: 0 passed, 1 failed"; exit 1
fi
vg() { # name, expected exit code, args...
	name=$1 want=$2; shift 2
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		"$ROADMAP" "$@" > "$work/log" 2>&1
	rc=$?
	if [ $rc -eq "$want" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "FAIL valgrind $name (exit $rc, want $want):"; tail -30 "$work/log"
	fi
}
vg demo-build 0 build -C content -o "$work/demo" --today 2022-03-15 -j 2 -q
vg minimal-build 0 build -C tests/sites/minimal -o "$work/min" --today 2022-03-15 -q
vg broken-check 1 check -C tests/sites/broken/many-mistakes
vg deadline 0 deadline --edition 2021-2022 "сентябрь- апрель" "ежеквартально" "по итогам полугодия"
echo "valgrind: $pass passed, $fail failed"
[ $fail -eq 0 ]
