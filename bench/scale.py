#!/usr/bin/env python3
"""Scale by simulation (docs/performance.md): builds the bench site of
bench/gen.py at several sizes and prints one Markdown table row per size:
schools, files, output MB, build seconds (wall and CPU), peak memory.

usage: scale.py [SCHOOLS...]   (default 500 2000 10000; BENCH_DIR, ROADMAP,
BENCH_SHAPE: spec (default) or issue, see bench/gen.py)

Each size is built in a folder of its own and everything is deleted at the
end: creating files right after deleting thousands is several times slower on
ext4 without a journal, which would measure the deletion (bench/run.py)."""
import os
import shutil
import subprocess
import sys
import time

ROADMAP = os.environ.get("ROADMAP", "./roadmap")
WORK = os.environ.get("BENCH_DIR", "build/scale")
SHAPE = os.environ.get("BENCH_SHAPE", "spec")
sizes = [int(a) for a in sys.argv[1:]] or [500, 2000, 10000]
print("| schools | files | output, MB | build, s (wall) | CPU, s (user + sys) | peak memory, MB |")
print("| ---: | ---: | ---: | ---: | ---: | ---: |")
shutil.rmtree(WORK, ignore_errors=True)
for n in sizes:
    here = os.path.join(WORK, str(n))
    os.makedirs(here)
    content, out = os.path.join(here, "content"), os.path.join(here, "out")
    subprocess.run([sys.executable, "bench/gen.py", content, str(n), SHAPE], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["sync"])
    t0 = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", os.path.join(here, "t"), ROADMAP, "build", "-q",
                        "-C", content, "-o", out, "--today", "2021-03-15"], capture_output=True, text=True)
    wall = time.monotonic() - t0
    if p.returncode:
        sys.exit(p.stderr[-2000:])
    rss, user, sys_ = open(os.path.join(here, "t")).read().split()[-3:]
    files = size = 0
    for base, _, fs in os.walk(out):
        for f in fs:
            files += 1
            size += os.lstat(os.path.join(base, f)).st_size
    print("| %d | %d | %.0f | %.1f | %.1f + %.1f | %.0f |" % (n, files, size / 1e6, wall, float(user), float(sys_),
                                                          int(rss) / 1024), flush=True)
shutil.rmtree(WORK, ignore_errors=True)
