#!/usr/bin/env python3
"""Generates a synthetic benchmark site.  Deterministic.  Two shapes:
  spec   spec/quality.md § Speed: 3 editions, 300 activities per edition
         (3 documents × 10 sections × 10), 60 indicators (30 computed from
         results, 30 reported as values);
  issue  issue #14's bench site, the one its goals are stated for:
         2 editions, 150 activities (3 × 5 × 10), 20 indicators (10 + 10).

Also writes OUTDIR-hugo: the Hugo twin of the same content for `make bench`
(the school and document pages only, with the data they show precomputed in
JSON front matter and templates of similar weight to the roadmap theme).

usage: gen.py OUTDIR [SCHOOLS [SHAPE]]   (defaults: 2000 schools, shape spec)"""
import json
import os
import random
import sys

out = sys.argv[1]
nschools = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
SHAPES = {"spec": (["2019-2020", "2020-2021", "2021-2022"], 10, 60),
          "issue": (["2020-2021", "2021-2022"], 5, 20)}
EDITIONS, NSECTIONS, NIND = SHAPES[sys.argv[3] if len(sys.argv) > 3 else "spec"]
NACTS = 3 * NSECTIONS * 10
rnd = random.Random(42)
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
for k in range(NIND):
    if k < NIND // 2:
        ind.append(f"- id: ind-{k}\n  name: Доля не справившихся, предмет {k}\n  group: Группа {k % 5}\n  unit: \"%\"\n"
                   f"  better: lower\n  target: 10\n  from: {{procedure: ВПР, subject: Предмет {k}, grade: 4, share: [\"2\"]}}\n")
    else:
        ind.append(f"- id: ind-{k}\n  name: Показатель {k}\n  group: Группа {k % 5}\n  unit: \"%\"\n  better: higher\n  target: 90\n")
w(f"{out}/indicators.yaml", "".join(ind))
groups_of = {}
for line in rows[1:]:
    sid, rest = line.split(",", 1)
    groups_of[sid] = set(line.rsplit(",", 1)[1].split())
twin = {}  # edition -> {"docs": [...], "acts": [(doc, number, fields, schools)], "share": {sid: [...]}, "vals": {...}}
for e in EDITIONS:
    y0, y1 = e.split("-")
    for d in range(3):
        secs = []
        for s in range(NSECTIONS):
            acts = []
            for a in range(10):
                dl = rnd.choice(DEADLINES).format(y=y0, y1=y1)
                sch = rnd.choice(["all", f"[sch-{rnd.randint(1, nschools)}, sch-{rnd.randint(1, nschools)}]",
                                  "[group:low-results]", None])
                twin.setdefault(e, {"docs": [], "acts": []})["acts"].append(
                    (d, f"{s + 1}.{a + 1}", {"title": f"Мероприятие {s + 1}.{a + 1} документа {d + 1}: анализ результатов и адресная помощь",
                                              "deadline": dl, "responsible": "Отдел образования, Руководители ОО",
                                              "report": "Аналитическая справка"}, sch))
                acts.append(f"      - title: \"Мероприятие {s + 1}.{a + 1} документа {d + 1}: анализ результатов и адресная помощь\"\n"
                            f"        deadline: \"{dl}\"\n        responsible: [Отдел образования, Руководители ОО]\n"
                            + (f"        schools: {sch}\n" if sch else "")
                            + f"        status: {twin[e]['acts'][-1][2].setdefault('status', rnd.choice(['planned', 'in-progress', 'done']))}\n"
                            f"        report: Аналитическая справка\n")
            secs.append(f"  - title: Раздел {s + 1}\n    activities:\n" + "".join(acts))
        w(f"{out}/editions/{e}/plan-{d + 1}.yaml", f"title: Дорожная карта {d + 1}\nsections:\n" + "".join(secs))
    res = ["school,procedure,subject,grade,participants,2,3,4,5"]
    for i in range(1, nschools + 1):
        for k in range(NIND // 2):
            p = rnd.randint(3, 120)
            c2 = rnd.randint(0, p // 4)
            c3 = rnd.randint(0, p - c2)
            c4 = rnd.randint(0, p - c2 - c3)
            twin[e].setdefault("share", {}).setdefault(f"sch-{i}", []).append((k, c2, p))
            res.append(f"sch-{i},ВПР,Предмет {k},4,{p},{c2},{c3},{c4},{p - c2 - c3 - c4}")
    w(f"{out}/editions/{e}/results/vpr.csv", "\n".join(res) + "\n")
    vals = ["school,indicator,value,numerator,denominator"]
    for i in range(1, nschools + 1):
        for k in range(NIND // 2, NIND):
            den = rnd.randint(5, 60)
            num = rnd.randint(0, den)
            twin[e].setdefault("vals", {}).setdefault(f"sch-{i}", []).append((k, num, den))
            vals.append(f"sch-{i},ind-{k},,{num},{den}")
    w(f"{out}/editions/{e}/values/values.csv", "\n".join(vals) + "\n")

# The Hugo twin.  Which activities concern a school and the school's indicator
# values are computed here, so Hugo only lays out precomputed data.
STATUS = {"planned": "Запланировано", "in-progress": "Выполняется", "done": "Выполнено"}
hugo = out.rstrip("/") + "-hugo"
w(f"{hugo}/config.json", json.dumps({
    "baseURL": "https://example.org/bench/", "languageCode": "ru", "title": "Нагрузочный тест",
    "disableKinds": ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section", "home"],
    "uglyURLs": False, "relativeURLs": True}, ensure_ascii=False))
w(f"{hugo}/layouts/_default/baseof.html", """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} — {{ .Site.Title }}</title><link rel="stylesheet" href="/assets/style.css"></head>
<body><a class="skip" href="#main">К содержанию</a>
<header><p class="site-title"><a href="/">{{ .Site.Title }}</a></p><nav aria-label="Разделы"><ul>
<li><a href="/{{ .Params.edition }}/">Редакция {{ .Params.edition }}</a></li><li><a href="/schools/">Школы</a></li>
<li><a href="/{{ .Params.edition }}/deadlines/">Сроки</a></li><li><a href="/{{ .Params.edition }}/indicators/">Показатели</a></li></ul></nav></header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>Сведения на {{ .Params.today }}. Управление образования.</p></footer></body></html>
""")
ACT_ROW = """<tr class="st-{{ .status }}"><th scope="row" class="num" data-label="№">{{ .number }}</th>
<td class="title" data-label="Мероприятие">{{ .title }}{{ with .schools }}<p class="concerns">Школы: {{ . }}</p>{{ end }}</td>
<td class="deadline" data-label="Срок">{{ .deadline }}</td><td data-label="Ответственные">{{ .responsible }}</td>
<td data-label="Форма отчёта">{{ .report }}</td>
<td class="status" data-label="Статус"><span class="badge badge-{{ .status }}">{{ .status_text }}</span></td></tr>
"""
TABLE_HEAD = """<div class="table-box"><table class="activities"><caption>{{ .title }}</caption>
<thead><tr><th scope="col">№</th><th scope="col">Мероприятие</th><th scope="col">Срок</th><th scope="col">Ответственные</th><th scope="col">Форма отчёта</th><th scope="col">Статус</th></tr></thead><tbody>
"""
w(f"{hugo}/layouts/school/single.html", """{{ define "main" }}<h1>{{ .Title }}</h1>
<p class="lead">{{ .Params.address }}</p>
{{ range .Params.sections }}""" + TABLE_HEAD + """{{ range .activities }}""" + ACT_ROW + """{{ end }}</tbody></table></div>
{{ end }}
<h2>Показатели школы</h2><div class="table-box"><table class="indicators"><caption>Показатели</caption>
<thead><tr><th scope="col">Показатель</th><th scope="col">Значение</th><th scope="col">Целевое значение</th><th scope="col">Достигнуто</th></tr></thead><tbody>
{{ range .Params.indicators }}<tr><th scope="row" data-label="Показатель"><a href="../../indicators/{{ .id }}/">{{ .name }}</a></th>
<td data-label="Значение">{{ .value }}</td><td data-label="Целевое значение">{{ .target }}</td>
<td data-label="Достигнуто"><span class="badge {{ if .met }}badge-done{{ else }}badge-overdue{{ end }}">{{ if .met }}да{{ else }}нет{{ end }}</span></td></tr>
{{ end }}</tbody></table></div>{{ end }}
""")
w(f"{hugo}/layouts/document/single.html", """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Params.sections }}<h2 id="s{{ .number }}">{{ .number }}. {{ .title }}</h2>
""" + TABLE_HEAD + """{{ range .activities }}""" + ACT_ROW + """{{ end }}</tbody></table></div>
{{ end }}{{ end }}
""")


def num(x):
    return ("%.1f" % x).replace(".", ",") + " %"


def concerns(sch, sid):
    if sch is None or sch == "all":
        return True
    if sch.startswith("[group:"):
        return sch[7:-1] in groups_of[sid]
    return sid in sch[1:-1].split(", ")


def sections(acts):
    secs = {}
    for d, number, f, sch in acts:
        sec = number.split(".")[0]
        row = dict(f, number=number, status_text=STATUS[f["status"]],
                   schools="" if sch in (None, "all") else sch.strip("[]"))
        secs.setdefault((d, sec), {"number": sec, "title": f"Раздел {sec}", "activities": []})["activities"].append(row)
    return list(secs.values())


for e in EDITIONS:
    t = twin[e]
    for d in range(3):
        page = {"title": f"Дорожная карта {d + 1}", "type": "document", "edition": e, "today": "15 марта 2021 г.",
                "sections": sections([a for a in t["acts"] if a[0] == d])}
        w(f"{hugo}/content/{e}/plan-{d + 1}.md", json.dumps(page, ensure_ascii=False) + "\n")
    for i in range(1, nschools + 1):
        sid = f"sch-{i}"
        inds = [{"id": f"ind-{k}", "name": f"Доля не справившихся, предмет {k}", "value": num(100 * c2 / p),
                 "target": "10 %", "met": 100 * c2 / p <= 10} for k, c2, p in t["share"][sid]]
        inds += [{"id": f"ind-{k}", "name": f"Показатель {k}", "value": num(100 * n / dd),
                  "target": "90 %", "met": 100 * n / dd >= 90} for k, n, dd in t["vals"][sid]]
        page = {"title": f"Муниципальное общеобразовательное учреждение «Средняя школа № {i}»", "type": "school",
                "edition": e, "today": "15 марта 2021 г.", "address": f"ул. Школьная, {i}",
                "sections": sections([a for a in t["acts"] if concerns(a[3], sid)]), "indicators": inds}
        w(f"{hugo}/content/{e}/schools/{sid}.md", json.dumps(page, ensure_ascii=False) + "\n")
print(f"bench site: {nschools} schools, {len(EDITIONS)} editions, {NACTS} activities each, {NIND} indicators -> {out}; Hugo twin -> {hugo}")
