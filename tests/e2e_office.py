#!/usr/bin/env python3
"""`roadmap import` of Office files as they are (issue #9): a Word document
(.docx) and an Excel workbook (.xlsx) from tests/import/fixtures/ import into
a site that then checks and builds, and the document page shows what the file
said (approval, signer); a document signed but approved by no act still shows
its signer; damaged or foreign files are refused in Russian, nothing written."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import *  # noqa: F401,F403
import shutil
import zipfile

FX = os.path.join(ROOT, "tests", "import", "fixtures")
NB = "\u00a0"


def site_with(src, edition="2021-2022"):
    """A copy of the minimal site whose plan is the import of src; (rc, err, out)."""
    d = tmpdir()
    content = os.path.join(d, "content")
    shutil.copytree(os.path.join(SITES, "minimal"), content)
    plan = os.path.join(content, "editions", edition, "plan.yaml")
    os.remove(plan)
    rc, _, err = run("import", "--edition", edition, "-o", plan, src)
    out = os.path.join(d, "out")
    if rc == 0:
        rc2, _, err2 = run("check", "-C", content)
        check(rc2 == 0, "%s: check passes on the import: %s" % (os.path.basename(src), err2[-500:]))
        rc3, _, err3 = build(content, out)
        check(rc3 == 0, "%s: the site builds: %s" % (os.path.basename(src), err3[-500:]))
    return rc, err, out


def test_docx():
    rc, err, out = site_with(os.path.join(FX, "word-roadmap.docx"))
    check(rc == 0 and "(документ Word)" in err, "a .docx imports as a Word document: " + err[-300:])
    page = read(os.path.join(out, "2021-2022", "plan", "index.html"))
    check("Утверждена приказом управления образования администрации Энского района от 28 августа 2023" + NB
          + "г. №" + NB + "214" in page, "the approval as the document says it")
    check("Начальник управления образования И.П. Сидорова" in page, "the signer below the table")
    check("Работа с педагогическими кадрами" in page and "Летняя профильная смена" in page,
          "its sections and activities are on the page")


def test_xlsx():
    rc, err, out = site_with(os.path.join(FX, "excel-workbook.xlsx"))
    check(rc == 0 and "(книга Excel)" in err, "an .xlsx imports as an Excel workbook: " + err[-300:])
    page = read(os.path.join(out, "2021-2022", "plan", "index.html"))
    check("Утверждена постановлением администрации Энского района от 15 августа 2024" + NB + "г. №" + NB + "312"
          in page, "the approval from column A")
    check("30.09.2024" in page, "a deadline typed as a date reads as the date")
    check("Титульный лист" not in page, "the cover sheet is not the plan")


def test_signer_only():
    rc, err, out = site_with(os.path.join(FX, "complex-cells.txt"))
    check(rc == 0, "a document with a signature and no approving act imports: " + err[-300:])
    page = read(os.path.join(out, "2021-2022", "plan", "index.html"))
    check('<p class="signer">Начальник управления образования О.В. Кузнецова</p>' in page,
          "its signer is shown though no act approved it")


def test_refused():
    d = tmpdir()
    cases = [("no-body.docx", {"word/styles.xml": "<styles/>"}, "это не текст"),
             ("broken.docx", {"word/document.xml": "<w:document><w:body><w:p>"}, "документ Word повреждён"),
             ("broken.xlsx", {"xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "<worksheet><sheetData>"},
              "книга Excel повреждена")]
    for name, members, msg in cases:
        path = os.path.join(d, name)
        with zipfile.ZipFile(path, "w") as z:
            for k, v in members.items():
                z.writestr(k, v)
        target = os.path.join(d, name + ".yaml")
        rc, _, err = run("import", "-o", target, path)
        check(rc == 1 and msg in err and not os.path.exists(target),
              "%s: refused with «%s», nothing written: rc %d %s" % (name, msg, rc, err[-300:]))
    old = os.path.join(d, "old.doc")
    with open(old, "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 100)
    rc, _, err = run("import", old)
    check(rc == 1 and "старого формата" in err, "an old .doc is named as such: " + err[-300:])


if __name__ == "__main__":
    main((test_docx, test_xlsx, test_signer_only, test_refused))
    finish("e2e_office")
