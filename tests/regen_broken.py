#!/usr/bin/env python3
"""Rewrites tests/sites/broken/*/expected.txt from the current binary's messages.

Run after a deliberate change of messages or of tests/sites/minimal, then review
`git diff tests/sites/broken` before committing: the e2e test compares against
these files line by line."""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))  # tests/
e2e = os.path.join(here, "e2e.py")
src = open(e2e, encoding="utf-8").read().split("\nif __name__ == \"__main__\":")[0].replace("__file__", repr(e2e))
exec(src)
broken = os.path.join(here, "sites", "broken")
for rule in sorted(os.listdir(broken)):
    if not os.path.isdir(os.path.join(broken, rule)):
        continue
    site = overlay(rule)
    rc, _, err = run("check", "-C", site, cwd=os.path.dirname(site))
    lines = [l.replace(site + "/", "") for l in err.splitlines() if ": error: " in l or ": warning: " in l]
    with open(os.path.join(broken, rule, "expected.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(rule, rc, len(lines))
