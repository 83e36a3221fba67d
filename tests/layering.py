#!/usr/bin/env python3
"""The one-way pipeline, checked on the sources (issue #15, docs/developers.md).

generator/ has one folder per stage.  A file may include headers of its own
stage and of earlier stages only; import/ is a side pipeline that may use
everything up to load (the school registry, mentions); cli/ (main, serve, starter) may use everything.
Also refused: a call cycle between files (read from the object files with
nm: file A calls a function defined in file B — the include graph would hide
cycles through a shared private header), a call into a later stage, a source
file over MAX_LINES lines, and a header included by name that is not in
generator/ (a typo or a leftover of a moved file).

Prints one line per problem and the suite line «layering: N passed, N failed».
"""
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
GEN = os.path.join(ROOT, "generator")
# Stage order: a stage may include its own and the earlier ones.
STAGES = ["support", "read", "model", "load", "derive", "view", "render", "write"]
# Side rooms and what they may use besides their own headers.
SIDE = {"import": set(STAGES[:4]), "cli": set(STAGES) | {"import"}}
MAX_LINES = 2000
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def allowed(src_stage, dst_stage):
    if src_stage == dst_stage:
        return True
    if src_stage in SIDE:
        return dst_stage in SIDE[src_stage]
    if dst_stage not in STAGES:
        return False
    return STAGES.index(dst_stage) <= STAGES.index(src_stage)


def scan(gen=GEN):
    """Returns (files {name: (stage, text)}, problems [str])."""
    files, problems = {}, []
    for stage in sorted(os.listdir(gen)):
        d = os.path.join(gen, stage)
        if not os.path.isdir(d):
            if stage.endswith((".c", ".h")):
                problems.append(f"generator/{stage}: source outside a stage folder")
            continue
        if stage not in STAGES and stage not in SIDE:
            problems.append(f"generator/{stage}/: unknown stage folder (add it to tests/layering.py and docs)")
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith((".c", ".h")):
                if name in files:
                    problems.append(f"generator/{stage}/{name}: the same name is also in {files[name][0]}/")
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    files[name] = (stage, f.read())
    return files, problems


def module(name):
    return name.rsplit(".", 1)[0]


def calls(build):
    """{file: set of files it calls} from the objects of build/, or None
    when they are not built."""
    objs = {}
    for stage in STAGES + list(SIDE):
        d = os.path.join(build, stage)
        if os.path.isdir(d):
            for n in os.listdir(d):
                # objects of sources since moved or removed are left out
                if n.endswith(".o") and os.path.exists(os.path.join(GEN, stage, n[:-2] + ".c")):
                    objs[n[:-2]] = os.path.join(d, n)
    if not objs:
        return None
    defined, used = {}, {}
    for name, path in objs.items():
        out = subprocess.run(["nm", "-P", path], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            f = line.split()
            if len(f) < 2:
                continue
            if f[1] == "U":
                used.setdefault(name, set()).add(f[0])
            elif f[1] in "TDBR":
                defined[f[0]] = name
    return {a: {defined[s] for s in syms if s in defined and defined[s] != a} for a, syms in used.items()}


def check_calls(graph, files):
    problems = []
    for a, bs in sorted(graph.items()):
        sa = files.get(a + ".c", (None,))[0]
        for b in sorted(bs):
            sb = files.get(b + ".c", (None,))[0]
            if sa and sb and not allowed(sa, sb):
                problems.append(f"generator/{sa}/{a}.c calls into {sb}/{b}.c, a later stage")
    return problems + cycles(graph)


def check(files):
    problems = []
    graph = {}
    for name, (stage, text) in files.items():
        lines = text.count("\n")
        if lines > MAX_LINES:
            problems.append(f"generator/{stage}/{name}: {lines} lines, more than {MAX_LINES}")
        for inc in INCLUDE.findall(text):
            if inc not in files:
                problems.append(f"generator/{stage}/{name}: includes \"{inc}\", which is not in generator/")
                continue
            dst = files[inc][0]
            if not allowed(stage, dst):
                problems.append(f"generator/{stage}/{name}: includes {dst}/{inc}, a later stage")
            a, b = module(name), module(inc)
            if a != b and name.endswith(".c") and inc[:-2] + ".c" in files:
                graph.setdefault(a, set()).add(b)
    problems += cycles(graph)
    return problems


def cycles(graph):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append("include cycle between modules: " + " ↔ ".join(sorted(comp)))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def self_test():
    """The checker must catch what it claims to catch (a test that cannot fail is no test)."""
    bad = {"a.c": ("load", '#include "b.h"\n'), "b.h": ("view", ""),
           "c.c": ("support", '#include "d.h"\n'), "d.h": ("support", '#include "c.h"\n'),
           "c.h": ("support", ""), "d.c": ("support", '#include "c.h"\n'),
           "e.c": ("import", '#include "b.h"\n#include "nope.h"\n')}
    got = check(bad)
    got += check_calls({"a": {"b"}, "b": {"a"}, "c": {"d"}}, {"a.c": ("view", ""), "b.c": ("view", ""),
                                                            "c.c": ("read", ""), "d.c": ("load", "")})
    want = ["a.c: includes view/b.h, a later stage", "cycle between modules: c ↔ d",
            "e.c: includes view/b.h", "includes \"nope.h\"", "cycle between modules: a ↔ b",
            "read/c.c calls into load/d.c"]
    return [w for w in want if not any(w in g for g in got)]


def main():
    passed = failed = 0
    missed = self_test()
    for m in missed:
        print(f"FAIL layering self-test: did not report «{m}»")
    failed += bool(missed)
    passed += not missed
    files, problems = scan()
    problems += check(files)
    graph = calls(os.environ.get("BUILD", os.path.join(ROOT, "build")))
    if graph is None:
        problems.append("no object files in build/: run make first (calls are read from them)")
    else:
        problems += [p.replace("include cycle", "call cycle") for p in check_calls(graph, files)]
    for p in problems:
        print(f"FAIL layering: {p}")
    failed += len(problems)
    passed += not problems
    print(f"  {len(files)} files in {len({s for s, _ in files.values()})} stage folders")
    print(f"layering: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
