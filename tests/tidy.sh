#!/bin/sh
# Every HTML page of the demo site and of the minimal fixture must pass tidy
# with no errors (warnings about our own deliberate choices are not errors).
ROADMAP=${ROADMAP:-./roadmap}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
if ! command -v tidy >/dev/null; then
	echo "FAIL tidy is not installed"; echo "tidy: 0 passed, 1 failed"; exit 1
fi
for site in content tests/sites/minimal tests/sites/marks; do
	out=$work/$(echo "$site" | tr / _)
	"$ROADMAP" build -q -C "$site" -o "$out" --today 2022-03-15 || { echo "FAIL tidy: $site does not build"; fail=$((fail + 1)); continue; }
	for f in $(find "$out" -name '*.html' | sort); do
		# tidy exits 2 on errors, 1 on warnings only.
		tidy -q -e --drop-empty-elements no "$f" > "$work/tidy.log" 2>&1
		if [ $? -ge 2 ]; then
			fail=$((fail + 1)); echo "FAIL tidy ${f#$work/}:"; head -10 "$work/tidy.log"
		else
			pass=$((pass + 1))
		fi
	done
done
echo "tidy: $pass passed, $fail failed"
[ $fail -eq 0 ]
