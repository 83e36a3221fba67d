#!/bin/sh
# Browser tests (tests/browser/test.js): axe-core WCAG 2.1 AA, keyboard, reflow,
# print and screenshots of one page of every type, in Debian's Chromium driven
# by playwright-core.  Called by tests/run from the repository root with
# ROADMAP=./roadmap.  Installs what is missing (as root): the Debian packages
# chromium and poppler-utils (PDF page → PNG), and the pinned npm packages of
# package-lock.json.  Never downloads a browser.  Screenshots go to
# tests/out/screens/.  The last line is "browser: N passed, N failed"; a
# missing tool is a skip, or a failure under CI=true.
ROADMAP=${ROADMAP:-./roadmap}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
TODAY=2022-03-15
here=tests/browser
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PLAYWRIGHT_BROWSERS_PATH=0

unavailable() { # reason
	if [ "$CI" = true ]; then
		echo "FAIL browser: $1"; echo "browser: 0 passed, 1 failed"; exit 1
	fi
	echo "SKIP browser: $1"; echo "browser: 0 passed, 0 failed, 1 skipped"; exit 0
}
apt_install() { # packages: only as root with apt-get; an update first if the lists are stale
	[ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
	export DEBIAN_FRONTEND=noninteractive
	echo "browser: installing $*"
	apt-get install -y -q "$@" >/dev/null 2>&1 ||
		{ apt-get update -q >/dev/null 2>&1; apt-get install -y -q "$@" >/dev/null; }
}

[ -x "$CHROMIUM" ] || apt_install chromium
[ -x "$CHROMIUM" ] || unavailable "no browser at $CHROMIUM (run: sudo apt-get install chromium)"
command -v npm >/dev/null 2>&1 || apt_install nodejs npm
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
	unavailable "node and npm are missing (run: sudo apt-get install nodejs npm)"
command -v pdftoppm >/dev/null 2>&1 || apt_install poppler-utils || true
if [ ! -f $here/node_modules/playwright-core/package.json ] || [ ! -f $here/node_modules/axe-core/axe.min.js ]; then
	echo "browser: npm ci in $here"
	(cd $here && npm ci --no-audit --no-fund --loglevel=error) ||
		unavailable "npm ci in $here failed (playwright-core, axe-core)"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! "$ROADMAP" build -q -C content -o "$work/site" --today $TODAY; then
	echo "FAIL browser: the demo site does not build"; echo "browser: 0 passed, 1 failed"; exit 1
fi
# Screenshots are staged and swapped in at the end, so that two runs at once
# (or a killed one) never leave a mixed folder.
stage=tests/out/screens.tmp-$$ old=tests/out/screens.old-$$
trap 'rm -rf "$work" "$stage" "$old"' EXIT
for d in tests/out/screens.tmp-* tests/out/screens.old-*; do # left by a killed run
	[ -d "$d" ] && ! kill -0 "${d##*-}" 2>/dev/null && rm -rf "$d"
done
mkdir -p "$stage"
SITE="$work/site" CONTENT=content SCREENS="$stage" CHROMIUM="$CHROMIUM" node $here/test.js
rc=$?
mv -T tests/out/screens "$old" 2>/dev/null
mv -T "$stage" tests/out/screens 2>/dev/null || { rm -rf tests/out/screens; mv -T "$stage" tests/out/screens; }
exit $rc
