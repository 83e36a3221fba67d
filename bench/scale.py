#!/usr/bin/env python3
"""Scale by simulation (docs/performance.md): builds the bench site of
bench/gen.py at several sizes and prints one Markdown table row per size:
schools, files, output MB, build seconds (wall and CPU), peak memory.

usage: scale.py [SCHOOLS...]   (default 500 2000 10000; BENCH_DIR, ROADMAP)"""
import os
import shutil
import subprocess
import sys
import time

ROADMAP = os.environ.get("ROADMAP", "./roadmap")
WORK = os.environ.get("BENCH_DIR", "build/scale")
sizes = [int(a) for a in sys.argv[1:]] or [500, 2000, 10000]
print("| schools | files | output, MB | build, s (wall) | CPU, s (user+sys) | peak memory, MB |")
print("| ---: | ---: | ---: | ---: | ---: | ---: |")
for n in sizes:
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    content, out = os.path.join(WORK, "content"), os.path.join(WORK, "out")
    subprocess.run([sys.executable, "bench/gen.py", content, str(n)], check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(content + "-hugo", ignore_errors=True)
    subprocess.run(["sync"])
    t0 = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", os.path.join(WORK, "t"), ROADMAP, "build", "-q",
                        "-C", content, "-o", out, "--today", "2021-03-15"], capture_output=True, text=True)
    wall = time.monotonic() - t0
    if p.returncode:
        sys.exit(p.stderr[-2000:])
    rss, user, sys_ = open(os.path.join(WORK, "t")).read().split()[-3:]
    files = size = 0
    for base, _, fs in os.walk(out):
        for f in fs:
            files += 1
            size += os.lstat(os.path.join(base, f)).st_size
    print("| %d | %d | %.0f | %.1f | %.1f | %.0f |" % (n, files, size / 1e6, wall, float(user) + float(sys_),
                                                   int(rss) / 1024), flush=True)
shutil.rmtree(WORK, ignore_errors=True)
