#!/bin/sh
# make bench: generate the synthetic site, build it, and print pages, seconds,
# pages per second and peak memory, next to the time of copying the output.
set -e
ROADMAP=${ROADMAP:-./roadmap}
work=${BENCH_DIR:-build/bench}
rm -rf "$work" && mkdir -p "$work"
/usr/bin/python3 bench/gen.py "$work/content" "${BENCH_SCHOOLS:-2000}"
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" "$ROADMAP" build -q -C "$work/content" -o "$work/out" --today 2021-03-15 "$@"
end=$(date +%s.%N)
cstart=$(date +%s.%N)
cp -r "$work/out" "$work/copy"
cend=$(date +%s.%N)
pages=$(find "$work/out" -type f | wc -l)
size=$(du -sm "$work/out" | cut -f1)
awk -v s="$start" -v e="$end" -v cs="$cstart" -v ce="$cend" -v p="$pages" -v m="$(cat "$work/rss")" -v mb="$size" 'BEGIN {
	t = e - s; c = ce - cs;
	printf "pages: %d (%d MB)\nseconds: %.2f\npages per second: %.0f\npeak memory: %.0f MB\ncp -r of the output: %.2f s (build / copy = %.1f)\n", p, mb, t, p / t, m / 1024, c, t / c }'
