#!/bin/sh
# Installs the Debian packages named as arguments when any is missing.
# As root with apt-get it installs them; otherwise it prints the one command to
# run and fails, so that a newcomer knows exactly what to do.
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "roadmap: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null || true
	apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null || {
		echo "roadmap: apt-get install$missing failed" >&2; exit 1; }
	exit 0
fi
echo "roadmap: missing packages:$missing" >&2
echo "run: sudo apt-get install$missing" >&2
exit 1
