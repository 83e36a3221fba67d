"""Changes between editions (issue #10 item 7): a re-wording is claimed only
when the activities really correspond — the same place (document, section and
number) with similar text, or near-identical text anywhere; otherwise the old
one is «исключено» and the new one «добавлено».  Thresholds: editions.h,
docs/content.md «Изменения между редакциями»."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *  # noqa: E401,E702,F403
import re
import shutil


def sections(page):
    """{heading: text of the part after it} of a changes page, tags dropped."""
    html = read(page)
    parts = re.split(r"<h2>([^<]+)</h2>", html)
    res = {}
    for k in range(1, len(parts) - 1, 2):
        res[parts[k]] = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", parts[k + 1]))
    return res


def test_seed_pairs_are_not_rewordings():
    """The demo's editions come from the seed documents; these pairs share
    words but are different activities, and the page must not say that one
    «used to be worded» as the other."""
    out = os.path.join(tmpdir(), "site")
    rc, _, err = build("content", out)
    check(rc == 0, "demo builds: " + err[-300:])
    false_pairs = [
        ("2021-2022", "Выявление групп «риска» в 9 и 11 классах",
         "Подготовка и проведение репетиционных экзаменов в 9-х и 11-х классах"),
        ("2021-2022", "Проведение совещаний-семинаров с руководителями и заместителями",
         "Организация и проведение инструктивно-методических совещаний с руководителями"),
        ("2021-2022", "Организация и проведение перепроверки ВПР",
         "Организация и проведение для педагогов профессиональных конкурсов"),
        ("2022-2024", "Анализ результатов региональных диагностических работ в 9 и 11 классах",
         "Выявление групп «риска» в 9 и 11 классах"),
    ]
    for ed, new, old in false_pairs:
        page = os.path.join(out, ed, "changes", "index.html")
        check(os.path.isfile(page), "%s has a changes page" % ed)
        if not os.path.isfile(page):
            continue
        s = sections(page)
        changed = s.get("Изменены", "")
        check("Прежняя формулировка: «%s" % old[:40] not in changed.replace("&laquo;", "«"),
              "%s: «%s» is not shown as the former wording of «%s»" % (ed, old, new))
        check(old[:40] in s.get("Исключены", "") and new[:40] in s.get("Добавлены", ""),
              "%s: «%s» is listed as removed and «%s» as added" % (ed, old[:40], new[:40]))


OLD = """title: План
sections:
  - title: Анализ результатов
    number: "1"
    activities:
      - number: "1.1"
        title: Анализ результатов оценочных процедур
        deadline: сентябрь
        responsible: Отдел образования
      - number: "1.2"
        title: Выездные совещания на базе ОУ №№ 1, 7
        deadline: ноябрь
        responsible: Отдел образования
  - title: Помощь школам
    number: "2"
    activities:
      - number: "2.1"
        title: Адресная помощь школам с низкими результатами
        deadline: в течение года
        responsible: Отдел образования
"""
NEW = """title: План
sections:
  - title: Анализ результатов
    number: "1"
    activities:
      - number: "1.1"
        title: Анализ результатов оценочных процедур и олимпиад школьников
        deadline: сентябрь
        responsible: Отдел образования
      - number: "1.3"
        title: Адресная методическая помощь педагогам школ с низкими результатами
        deadline: в течение года
        responsible: Отдел образования
  - title: Выезды
    number: "3"
    activities:
      - number: "3.1"
        title: Выездные совещания на базе ОУ №№ 1, 7, 9
        deadline: ноябрь
        responsible: Отдел образования
"""


def test_threshold_cases():
    d = os.path.join(tmpdir(), "site")
    shutil.copytree(os.path.join(SITES, "minimal"), d)
    for ed, text in (("2021-2022", OLD), ("2022-2023", NEW)):
        os.makedirs(os.path.join(d, "editions", ed), exist_ok=True)
        with open(os.path.join(d, "editions", ed, "plan.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(d, "editions", "2022-2023", "edition.yaml"), "w", encoding="utf-8") as f:
        f.write("title: 2022/2023 учебный год\nstatus: approved\n")
    out = os.path.join(tmpdir(), "out")
    rc, _, err = build(d, out)
    page = os.path.join(out, "2022-2023", "changes", "index.html")
    check(rc == 0 and os.path.isfile(page), "the two-edition site builds: " + err[-500:])
    if not os.path.isfile(page):
        return
    s = sections(page)
    changed, added, removed = s.get("Изменены", ""), s.get("Добавлены", ""), s.get("Исключены", "")
    # Same place, similar text (72 of 100): a re-wording.
    check("Прежняя формулировка: «Анализ результатов оценочных процедур»" in changed,
          "same number and section with similar text is a re-wording: " + changed)
    # Near-identical text (93 of 100) moved to another section: still the same activity.
    check("Прежняя формулировка: «Выездные совещания на базе ОУ №№ 1, 7»" in changed,
          "near-identical text elsewhere is a re-wording: " + changed)
    # Similar (71 of 100) but at another place: removed + added, no claim.
    check("Адресная помощь школам с низкими результатами" not in changed
          and "Адресная помощь школам с низкими результатами" in removed
          and "Адресная методическая помощь педагогам" in added,
          "similar text at another place is «исключено» + «добавлено»: changed=%s | removed=%s | added=%s"
          % (changed, removed, added))


if __name__ == "__main__":
    main((test_seed_pairs_are_not_rewordings, test_threshold_cases))
    finish("e2e_changes")
