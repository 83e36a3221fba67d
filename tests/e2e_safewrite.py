#!/usr/bin/env python3
"""One safe file writer (write/output.h, output_create_file): `roadmap new`
and `roadmap import` write through it like the site build, so a symbolic link
planted where they write is refused and nothing is written where it points;
no file is overwritten."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import *  # noqa: F401,F403

LINK_MSG = "символическая ссылка"


def test_new_refuses_symlinked_folder():
    base = tmpdir()
    elsewhere = os.path.join(base, "elsewhere")
    os.makedirs(elsewhere)
    d = os.path.join(base, "site")
    os.symlink(elsewhere, d)
    rc, _, err = run("new", d)
    check(rc != 0 and LINK_MSG in err, "new refuses a folder that is a symlink to an empty folder: %d %s" % (rc, err))
    check(os.listdir(elsewhere) == [], "nothing written into the folder the symlink points to")
    check(os.path.islink(d), "the symlink itself is left as it was")


def test_new_refuses_dangling_symlink():
    base = tmpdir()
    target = os.path.join(base, "target")
    d = os.path.join(base, "site")
    os.symlink(target, d)
    rc, _, err = run("new", d)
    check(rc != 0 and LINK_MSG in err, "new refuses a dangling symlink: %d %s" % (rc, err))
    check(not os.path.lexists(target), "nothing created where the dangling symlink points")


def test_new_refuses_planted_file_symlink():
    base = tmpdir()
    victim = os.path.join(base, "victim.yaml")
    with open(victim, "w") as f:
        f.write("keep\n")
    d = os.path.join(base, "site")
    os.makedirs(d)
    os.symlink(victim, os.path.join(d, "site.yaml"))
    rc, _, err = run("new", d)
    check(rc != 0, "new refuses a folder holding a symlink at site.yaml: " + err)
    check(read(victim) == "keep\n", "the file behind the symlink is untouched")


def test_new_in_empty_existing_folder():
    # An existing empty folder (a dot file like .git does not count) is used
    # as it is; the starter is complete and checks clean.
    d = os.path.join(tmpdir(), "site")
    os.makedirs(os.path.join(d, ".git"))
    rc, _, err = run("new", d)
    check(rc == 0, "new writes into an empty existing folder: " + err)
    names = sorted(os.listdir(d))
    check(names == [".git", "editions", "pages", "schools.csv", "site.yaml"], "the starter's files: %s" % names)
    eds = os.listdir(os.path.join(d, "editions"))
    check(len(eds) == 1 and os.path.isfile(os.path.join(d, "editions", eds[0], "plan.yaml")), "one edition with a plan")
    rc, _, err = run("check", "-C", d)
    check(rc == 0, "the starter checks clean: " + err)


def test_new_failure_leaves_nothing():
    # A folder that cannot be made (its parent is a file) is reported, and
    # nothing is written.
    base = tmpdir()
    blocker = os.path.join(base, "file")
    with open(blocker, "w") as f:
        f.write("x")
    rc, _, err = run("new", os.path.join(blocker, "site"))
    check(rc != 0 and "не удалось создать папку" in err, "new reports a folder it cannot make: " + err)
    check(os.listdir(base) == ["file"] and read(blocker) == "x", "nothing else written")


def test_import_refuses_symlink():
    table = os.path.join(ROOT, "tests", "import", "fixtures", "excel-1251.csv")
    base = tmpdir()
    victim = os.path.join(base, "victim.yaml")
    with open(victim, "w") as f:
        f.write("keep\n")
    out = os.path.join(base, "plan.yaml")
    os.symlink(victim, out)
    rc, _, err = run("import", table, "-o", out)
    check(rc != 0 and "уже существует" in err, "import refuses an output name that is a symlink: " + err)
    check(read(victim) == "keep\n", "the file behind the symlink is untouched")
    dangling = os.path.join(base, "dangling.yaml")
    os.symlink(os.path.join(base, "nowhere.yaml"), dangling)
    rc, _, err = run("import", table, "-o", dangling)
    check(rc != 0 and not os.path.lexists(os.path.join(base, "nowhere.yaml")),
          "import refuses a dangling symlink and creates nothing behind it: " + err)
    fresh = os.path.join(base, "fresh.yaml")
    rc, _, err = run("import", table, "-o", fresh)
    check(rc == 0 and os.path.isfile(fresh) and not os.path.islink(fresh), "import writes a new file: " + err)


if __name__ == "__main__":
    main((test_new_refuses_symlinked_folder, test_new_refuses_dangling_symlink, test_new_refuses_planted_file_symlink,
          test_new_in_empty_existing_folder, test_new_failure_leaves_nothing, test_import_refuses_symlink))
    finish("e2e_safewrite")
