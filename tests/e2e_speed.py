"""Rebuilding only what changed (spec/quality.md «Speed», issue #14): a page
whose bytes did not change keeps its file (same inode, same modification time)
and the build reports how many pages changed."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *  # noqa: E401,E702,F403
import hashlib
import shutil
import subprocess


def snapshot(out):
    """rel path -> (inode, mtime_ns, sha256) of every file of the site."""
    res = {}
    for base, _, files in os.walk(out):
        for f in files:
            p = os.path.join(base, f)
            st = os.lstat(p)
            with open(p, "rb") as fh:
                res[os.path.relpath(p, out)] = (st.st_ino, st.st_mtime_ns, hashlib.sha256(fh.read()).hexdigest())
    return res


def ru_changed(n):
    """The expected «N страниц изменено» line, Russian plural rules."""
    if n % 10 == 1 and n % 100 != 11:
        forms = ("страница", "изменена")
    elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        forms = ("страницы", "изменены")
    else:
        forms = ("страниц", "изменено")
    return "%d %s %s" % (n, forms[0], forms[1])


def loud_build(content, out):
    return run("build", "-C", content, "-o", out, "--today", TODAY)


def test_no_change_rebuild_rewrites_nothing():
    d = tmpdir()
    content, out = os.path.join(d, "content"), os.path.join(d, "site")
    shutil.copytree(os.path.join(ROOT, "content"), content)
    rc, _, err = loud_build(content, out)
    check(rc == 0, "demo builds: " + err[-500:])
    first = snapshot(out)
    pages = [k for k in first if not k.startswith("assets/") and k != ".roadmap-output"]
    check(ru_changed(len(pages)) in err, "a first build reports every page as changed (%d): %s" % (len(pages), err))
    rc, _, err = loud_build(content, out)
    second = snapshot(out)
    check(rc == 0 and "roadmap: 0 страниц изменено" in err, "a no-change rebuild reports 0 pages changed: " + err)
    check(first == second, "a no-change rebuild keeps every file: same inode, mtime and bytes (%d differ)"
          % sum(1 for k in set(first) | set(second) if first.get(k) != second.get(k)))
    # -q keeps the build silent, the count included.
    rc, so, err = build(content, out)
    check(rc == 0 and so == "" and "изменен" not in err and "записано" not in err,
          "-q prints no summary and no count: %r %r" % (so, err))
    check(snapshot(out) == first, "a quiet no-change rebuild keeps every file too")
    # A different --today re-renders dated pages only, and the count says how many.
    rc, _, err = run("build", "-C", content, "-o", out, "--today", "2022-03-16")
    third = snapshot(out)
    differ = [k for k in third if third[k][2] != first[k][2]]
    kept = [k for k in third if third[k][2] == first[k][2]]
    check(all(third[k][:2] == first[k][:2] for k in kept), "files with the same bytes keep their inode and mtime")
    check(all(third[k][0] != first[k][0] for k in differ), "files with new bytes are new files")
    check(ru_changed(len(differ)) in err, "the count is the number of files with new bytes (%d): %s" % (len(differ), err))


def test_one_file_change_rewrites_only_affected_pages():
    d = tmpdir()
    content, out = os.path.join(d, "content"), os.path.join(d, "site")
    shutil.copytree(os.path.join(ROOT, "content"), content)
    rc, _, err = build(content, out)
    check(rc == 0, "demo builds: " + err[-500:])
    before = snapshot(out)
    page = os.path.join(content, "pages", "parents.md")
    with open(page, encoding="utf-8") as f:
        text = f.read()
    with open(page, "w", encoding="utf-8") as f:
        f.write(text + "\nДобавлен новый абзац для проверки пересборки.\n")
    rc, _, err = loud_build(content, out)
    after = snapshot(out)
    check(rc == 0 and set(after) == set(before), "the site has the same files after a one-page change")
    rewritten = sorted(k for k in after if after[k][:2] != before[k][:2])
    differ = sorted(k for k in after if after[k][2] != before[k][2])
    check(rewritten == differ, "exactly the files whose bytes changed were rewritten: %s vs %s" % (rewritten, differ))
    check("parents/index.html" in differ and len(differ) <= 3,
          "changing one page's text changes that page (and no more than the pages listing it): %s" % differ)
    check(ru_changed(len(differ)) in err, "«%s» reported: %s" % (ru_changed(len(differ)), err))
    # A page added and then removed disappears; the rest stays as it was.
    extra = os.path.join(content, "pages", "extra.md")
    with open(extra, "w", encoding="utf-8") as f:
        f.write("---\ntitle: Временная страница\n---\nТекст.\n")
    rc, _, err = build(content, out)
    check(rc == 0 and os.path.isfile(os.path.join(out, "extra", "index.html")), "an added page is written: " + err)
    after = snapshot(out)
    os.unlink(extra)
    rc, _, err = build(content, out)
    gone = snapshot(out)
    check(rc == 0 and "extra/index.html" not in gone, "a removed page is gone after the rebuild")
    same = [k for k in gone if k in after and gone[k][2] == after[k][2]]
    check(same and all(gone[k][:2] == after[k][:2] for k in same), "and unchanged files keep their inode and mtime")


def test_old_site_is_never_written_through():
    """Carried files are hard links shared with the previous build; changing a
    page must create a new file, never write into the shared one."""
    d = tmpdir()
    content, out = os.path.join(d, "content"), os.path.join(d, "site")
    shutil.copytree(os.path.join(ROOT, "content"), content)
    check(build(content, out)[0] == 0, "demo builds")
    keep = os.path.join(d, "kept-index.html")
    os.link(os.path.join(out, "index.html"), keep)
    with open(keep, "rb") as f:
        old = f.read()
    rc, _, _ = run("build", "-C", content, "-o", out, "--today", "2022-09-20", "-q")
    with open(keep, "rb") as f:
        still = f.read()
    with open(os.path.join(out, "index.html"), "rb") as f:
        new = f.read()
    check(rc == 0 and new != old and still == old,
          "a changed page is a new file; another name of the old file keeps the old bytes")
    # The copy tool the bench compares with sees a whole, ordinary tree.
    cp = subprocess.run(["cp", "-r", out, os.path.join(d, "copy")], capture_output=True)
    check(cp.returncode == 0, "cp -r of the output works")


if __name__ == "__main__":
    main((test_no_change_rebuild_rewrites_nothing, test_one_file_change_rewrites_only_affected_pages,
          test_old_site_is_never_written_through))
    finish("e2e_speed")
