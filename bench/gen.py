#!/usr/bin/env python3
"""Generates the synthetic benchmark site of spec/quality.md § Speed:
2 000 schools, 3 editions, 300 activities per edition, 60 indicators
(30 computed from results, 30 reported as values).  Deterministic.

usage: gen.py OUTDIR [SCHOOLS]"""
import os
import random
import sys

out = sys.argv[1]
nschools = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
rnd = random.Random(42)
EDITIONS = ["2019-2020", "2020-2021", "2021-2022"]
DEADLINES = ["сентябрь", "октябрь - декабрь", "ежеквартально", "в течение года", "до 15.10.{y}", "ноябрь, март",
             "по итогам полугодия", "май", "по отдельному графику", "февраль {y1}"]
GROUPS = ["low-results", "rural", "difficult-conditions", "500plus"]


def w(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


w(f"{out}/site.yaml", "title: Нагрузочный тест\nauthority: Управление образования\nbase_url: https://example.org/bench/\n")
rows = ["id,name,short_name,address,groups"]
for i in range(1, nschools + 1):
    g = " ".join(x for x in GROUPS if rnd.random() < 0.2)
    rows.append(f'sch-{i},"Муниципальное общеобразовательное учреждение «Средняя школа № {i}»",СШ № {i},"ул. Школьная, {i}",{g}')
w(f"{out}/schools.csv", "\n".join(rows) + "\n")
ind = []
for k in range(60):
    if k < 30:
        ind.append(f"- id: ind-{k}\n  name: Доля не справившихся, предмет {k}\n  group: Группа {k % 5}\n  unit: \"%\"\n"
                   f"  better: lower\n  target: 10\n  from: {{procedure: ВПР, subject: Предмет {k}, grade: 4, share: [\"2\"]}}\n")
    else:
        ind.append(f"- id: ind-{k}\n  name: Показатель {k}\n  group: Группа {k % 5}\n  unit: \"%\"\n  better: higher\n  target: 90\n")
w(f"{out}/indicators.yaml", "".join(ind))
for e in EDITIONS:
    y0, y1 = e.split("-")
    for d in range(3):
        secs = []
        for s in range(10):
            acts = []
            for a in range(10):
                dl = rnd.choice(DEADLINES).format(y=y0, y1=y1)
                sch = rnd.choice(["all", f"[sch-{rnd.randint(1, nschools)}, sch-{rnd.randint(1, nschools)}]",
                                  "[group:low-results]", None])
                acts.append(f"      - title: \"Мероприятие {s + 1}.{a + 1} документа {d + 1}: анализ результатов и адресная помощь\"\n"
                            f"        deadline: \"{dl}\"\n        responsible: [Отдел образования, Руководители ОО]\n"
                            + (f"        schools: {sch}\n" if sch else "")
                            + f"        status: {rnd.choice(['planned', 'in-progress', 'done'])}\n"
                            f"        report: Аналитическая справка\n")
            secs.append(f"  - title: Раздел {s + 1}\n    activities:\n" + "".join(acts))
        w(f"{out}/editions/{e}/plan-{d + 1}.yaml", f"title: Дорожная карта {d + 1}\nsections:\n" + "".join(secs))
    res = ["school,procedure,subject,grade,participants,2,3,4,5"]
    for i in range(1, nschools + 1):
        for k in range(30):
            p = rnd.randint(3, 120)
            c2 = rnd.randint(0, p // 4)
            c3 = rnd.randint(0, p - c2)
            c4 = rnd.randint(0, p - c2 - c3)
            res.append(f"sch-{i},ВПР,Предмет {k},4,{p},{c2},{c3},{c4},{p - c2 - c3 - c4}")
    w(f"{out}/editions/{e}/results/vpr.csv", "\n".join(res) + "\n")
    vals = ["school,indicator,value,numerator,denominator"]
    for i in range(1, nschools + 1):
        for k in range(30, 60):
            den = rnd.randint(5, 60)
            num = rnd.randint(0, den)
            vals.append(f"sch-{i},ind-{k},,{num},{den}")
    w(f"{out}/editions/{e}/values/values.csv", "\n".join(vals) + "\n")
print(f"bench site: {nschools} schools, {len(EDITIONS)} editions, 300 activities each, 60 indicators -> {out}")
