#!/bin/sh
# make bench: see bench/run.py (synthetic site, roadmap vs its own cp -r and
# the Hugo twin, peak memory, output size, the goals of issue #14).
exec /usr/bin/python3 bench/run.py "$@"
