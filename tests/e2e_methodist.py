#!/usr/bin/env python3
"""The methodist's loop: command line as documented, warnings that say how to fix, as_of.

tests/sites/warn/<rule>/expected.txt (when present): the exact warning and note
lines of `check --today 2022-03-15` on minimal + the rule's files; the check must
still succeed (exit 0).  REGEN=1 python3 tests/e2e_methodist.py warn rewrites them."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *  # noqa: E401,F403

COMMANDS = ["build", "check", "deadline", "import", "serve", "new"]


def test_help_matches_docs():
    doc = read(os.path.join(ROOT, "docs", "cli.md"))
    rc, usage, _ = run("--help")
    block = re.search(r"^# .*?\n\n```\n(.*?)```", doc, re.S)
    check(rc == 0 and block and block.group(1) == usage.replace("Использование:\n", ""),
          "docs/cli.md opens with the output of roadmap --help")
    for cmd in COMMANDS:
        check("roadmap " + cmd in usage, "--help lists " + cmd)
        rc, text, _ = run("help", cmd)
        m = re.search(r"^### %s\n\n.*?\n\n```\n(.*?)```" % cmd, doc, re.S | re.M)
        check(rc == 0 and m is not None, "docs/cli.md has a section for " + cmd)
        if m:
            check(m.group(1) == text, "docs/cli.md section %s is exactly `roadmap help %s`:\n%s" % (cmd, cmd, text))
        rc2, text2, _ = run(cmd, "--help")
        check(rc2 == 0 and text2 == text, "`roadmap %s --help` prints the command's help" % cmd)


def test_option_order():
    table = os.path.join(ROOT, "tests", "import", "fixtures", "excel-1251.csv")
    d = tmpdir()
    a, b = os.path.join(d, "a.yaml"), os.path.join(d, "b.yaml")
    rc1, _, err1 = run("import", table, "-o", a)
    rc2, _, err2 = run("import", "-o", b, table)
    check(rc1 == 0 and rc2 == 0, "import accepts -o after the file: %s %s" % (err1, err2))
    if rc1 == 0 and rc2 == 0:
        check(read(a) == read(b), "option order does not change the result")
    out = os.path.join(d, "out")
    rc, _, err = run("build", "--today", TODAY, "-o", out, "-q", "-C", os.path.join(SITES, "minimal"))
    check(rc == 0 and os.path.isfile(os.path.join(out, "index.html")), "build options in another order: " + err)
    rc, out_, _ = run("deadline", "ноябрь", "--edition", "2021-2022")
    check(rc == 0 and '"start":"2021-11-01"' in out_, "deadline: --edition after the text")
    rc, _, err = run("check", "-C", os.path.join(SITES, "minimal"), "extra")
    check(rc == 2 and "лишний аргумент extra" in err, "an extra argument is named: " + err)


def test_theme_and_content_discovery():
    d = tmpdir()
    site = os.path.join(d, "site2")
    shutil.copytree(os.path.join(SITES, "minimal"), site)
    # From another folder, without -t: the theme beside the program.
    rc, _, err = run("build", "-C", "site2", "-o", "out", "--today", TODAY, "-q", cwd=d)
    check(rc == 0 and os.path.isfile(os.path.join(d, "out", "assets", "style.css")),
          "build -C site2 from another folder finds the theme: " + err)
    # Inside the content folder: site.yaml there makes it the content folder.
    rc, _, err = run("check", "--today", TODAY, cwd=site)
    check(rc == 0 and "content/content" not in err, "check inside the content folder: " + err)
    rc, _, err = run("build", "-o", "../out2", "--today", TODAY, "-q", cwd=site)
    check(rc == 0 and os.path.isfile(os.path.join(d, "out2", "index.html")), "build inside the content folder: " + err)
    # Messages inside the content folder name files relative to it.
    with open(os.path.join(site, "site.yaml"), "a", encoding="utf-8") as f:
        f.write("bogus: 1\n")
    rc, _, err = run("check", cwd=site)
    check(rc == 1 and re.search(r"^site\.yaml:8:1: error: ", err, re.M) is not None, "messages name files relative to the current folder: " + err)
    # Without site.yaml in the current folder the default stays content/.
    rc, _, err = run("check", "--today", TODAY, cwd=d)
    check(rc == 1 and "error: папка с содержимым «content» не найдена" in err and "content/content" not in err, "default content folder is content: " + err)


def test_installed_layout():
    """<prefix>/bin/roadmap finds <prefix>/share/roadmap/themes/default (what `make install` lays out)."""
    prefix = os.path.join(tmpdir(), "prefix")
    os.makedirs(os.path.join(prefix, "bin"))
    shutil.copy(ROADMAP, os.path.join(prefix, "bin", "roadmap"))
    shutil.copytree(os.path.join(ROOT, "themes", "default"), os.path.join(prefix, "share", "roadmap", "themes", "default"))
    with open(os.path.join(prefix, "share", "roadmap", "themes", "default", "assets", "installed.txt"), "w") as f:
        f.write("installed theme\n")
    work = tmpdir()
    p = subprocess.run([os.path.join(prefix, "bin", "roadmap"), "build", "-C", os.path.join(SITES, "minimal"), "-o", "out",
                        "--today", TODAY, "-q"], cwd=work, capture_output=True, text=True)
    check(p.returncode == 0 and os.path.isfile(os.path.join(work, "out", "assets", "installed.txt")),
          "installed program uses the installed theme: " + p.stderr)


def test_unknown_command_wording():
    for args in (["frobnicate"], ["help", "frobnicate"]):
        rc, _, err = run(*args)
        check(rc == 2 and err.startswith("roadmap: неизвестная команда «frobnicate»; команды: build, check,"),
              "same wording for an unknown command (%s): %s" % (args[0], err))
    rc, _, err = run("build", "--bogus")
    check(rc == 2 and err.startswith("roadmap: неизвестный параметр --bogus"), "unknown option: " + err)
    rc, _, err = run("check", "-o", "x")
    check(rc == 2 and err.startswith("roadmap: параметр -o не подходит к этой команде"), "foreign option: " + err)


def test_warn_fixtures():
    base = os.path.join(SITES, "warn")
    for rule in sorted(os.listdir(base)):
        exp = os.path.join(base, rule, "expected.txt")
        if not os.path.isfile(exp):
            continue
        site = overlay(rule, "warn")
        rc, _, err = run("check", "-C", site, "--today", TODAY, cwd=os.path.dirname(site))
        lines = [l.replace(site + "/", "") for l in err.splitlines()
                 if ": error: " in l or ": warning: " in l or ": note: " in l]
        if os.environ.get("REGEN"):
            with open(exp, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
        want = read(exp).splitlines()
        check(rc == 0, "warn/%s: check exits 0 (got %d): %s" % (rule, rc, err))
        check(lines == want, "warn/%s: messages\n  got:  %s\n  want: %s" % (rule, lines, want))


def test_as_of():
    """as_of in site.yaml is "today" unless --today is given; it wins over SOURCE_DATE_EPOCH."""
    site = os.path.join(tmpdir(), "site")
    shutil.copytree(os.path.join(SITES, "minimal"), site)
    with open(os.path.join(site, "site.yaml"), "a", encoding="utf-8") as f:
        f.write("as_of: 2021-12-01\n")
    out = os.path.join(os.path.dirname(site), "out")
    footer = "Сведения по состоянию на %s\u00a0г."

    def built(*extra, env=None):
        p = subprocess.run([ROADMAP, "build", "-q", "-C", site, "-o", out, *extra], capture_output=True, text=True,
                           env=env)
        return p.returncode == 0 and read(os.path.join(out, "index.html"))

    env = dict(os.environ, SOURCE_DATE_EPOCH="1647302400")  # 2022-03-15
    page = built(env=env)
    check(page and footer % "1 декабря 2021" in page, "as_of is the build date, over SOURCE_DATE_EPOCH")
    page = built("--today", "2022-01-10", env=env)
    check(page and footer % "10 января 2022" in page, "--today wins over as_of")
    rc, _, err = run("check", "-C", site)
    check(rc == 0, "as_of accepted by check: " + err)
    with open(os.path.join(site, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(read(os.path.join(SITES, "minimal", "site.yaml")) + "as_of: 2021-02-30\n")
    rc, _, err = run("check", "-C", site)
    check(rc == 1 and "site.yaml:8:8: error: " in err, "impossible as_of is an error at its position: " + err)
    demo = read(os.path.join(ROOT, "content", "site.yaml"))
    check(re.search(r"^as_of: \d{4}-\d\d-\d\d", demo, re.M) is not None, "the demo content says as of which date")


def test_school_by_name():
    """Results and schedule rows may name a school by its short or full name."""
    site = os.path.join(tmpdir(), "site")
    shutil.copytree(os.path.join(SITES, "minimal"), site)
    ed = os.path.join(site, "editions", "2021-2022")
    os.makedirs(os.path.join(ed, "results"))
    os.makedirs(os.path.join(ed, "schedule"))
    with open(os.path.join(ed, "results", "vpr.csv"), "w", encoding="utf-8") as f:
        f.write("school;procedure;subject;grade;participants;2\nсш №1;ВПР;Математика;4;25;3\n"
                "Муниципальное общеобразовательное учреждение «Средняя школа № 2»;ВПР;Математика;4;20;1\n")
    with open(os.path.join(ed, "schedule", "g.csv"), "w", encoding="utf-8") as f:
        f.write("school,date,grade,subject,procedure\nСШ № 1,15.03.2022,5,Математика,ВПР\n")
    out = os.path.join(os.path.dirname(site), "out")
    rc, _, err = build(site, out)
    check(rc == 0, "short and full school names accepted in results and schedule: " + err)
    if rc == 0:
        page = read(os.path.join(out, "2021-2022/schools/s-1/schedule/index.html"))
        check("15 марта 2022" in page, "the schedule row named by short name lands on s-1's schedule")


def test_docs_examples_build():
    """Every example of docs/content.md, each put where its section says, makes a site that builds:
    an author can write each file from the guide alone."""
    doc = read(os.path.join(ROOT, "docs", "content.md"))
    where = {"site.yaml": "site.yaml", "schools.csv": "schools.csv", "schools/<код>.md": "schools/sosh-1.md",
             "pages/<имя>.md": "pages/parents.md", "editions/<год>/edition.yaml": "editions/2021-2022/edition.yaml",
             "editions/<год>/<документ>.yaml": "editions/2021-2022/plan.yaml",
             "editions/<год>/results/*.csv": "editions/2021-2022/results/r.csv",
             "editions/<год>/values/*.csv": "editions/2021-2022/values/v.csv",
             "editions/<год>/schedule/*.csv": "editions/2021-2022/schedule/g.csv",
             "indicators.yaml": "indicators.yaml"}
    site = os.path.join(tmpdir(), "site")
    found = set()
    for section in re.split(r"^## ", doc, flags=re.M)[1:]:
        key = section.split("\n", 1)[0].split(" — ")[0].strip()
        m = re.search(r"^```(?:yaml|csv|markdown)\n(.*?)^```", section, re.S | re.M)
        if key not in where or not m:
            continue
        found.add(key)
        path = os.path.join(site, where[key])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(m.group(1))
    check(found == set(where), "docs/content.md has an example for every file: missing %s" % (set(where) - found))
    out = os.path.join(os.path.dirname(site), "out")
    rc, _, err = run("build", "-C", site, "-o", out, "-q")
    check(rc == 0 and ": error: " not in err, "the examples of docs/content.md build a site: " + err)
    if rc == 0:
        check("Анализ результатов ВПР" in read(os.path.join(out, "2021-2022", "schools", "sosh-1", "index.html")),
              "the document example reaches the school page")


if __name__ == "__main__":
    main((test_help_matches_docs, test_option_order, test_theme_and_content_discovery, test_installed_layout,
          test_unknown_command_wording,
          test_warn_fixtures, test_as_of, test_school_by_name, test_docs_examples_build))
    finish("e2e_methodist")
