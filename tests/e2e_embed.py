"""The embed page of a school (/<edition>/schools/<id>/embed/): its activities
are grouped by document and section like the school page's, so that their
numbers read as in the document (no «1.» right after «8.» of another section),
and it stays light (no <details>, no scripts)."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *
import re

def groups(html, start, stop):
    """[(document title, section heading, [(anchor, number), …]), …] of the part of
    html between the markers start and stop, in page order."""
    part = html[html.index(start):html.index(stop)]
    out, doc = [], None
    for m in re.finditer(r'<h3><a href="[^"]*">([^<]*)</a></h3>|<h4>([^<]*)</h4>|<summary><strong>([^<]*)</strong>'
                         r'|<li><a href="[^"]*#(a-[^"]+)">(\d+(?:\.\d+)*)\.? ', part):
        if m.group(1) is not None:
            doc = m.group(1)
        elif m.group(2) is not None or m.group(3) is not None:
            out.append((doc, (m.group(2) or m.group(3)).strip(), []))
        else:
            if not out:  # an activity before any heading: a flat list
                out.append((doc, None, []))
            out[-1][2].append((m.group(4), m.group(5)))
    return out


def number_key(n):
    return [int(x) for x in n.split(".") if x.isdigit()]


def test_embed_grouped_like_school_page():
    out = os.path.join(tmpdir(), "site")
    rc, _, err = run("build", "-q", "-C", os.path.join(ROOT, "content"), "-o", out, "--today", "2022-03-15")
    check(rc == 0, "demo builds: " + err)
    base = os.path.join(out, "2021-2022", "schools")
    seen_several = False
    for sid in sorted(os.listdir(base)):
        emb = read(os.path.join(base, sid, "embed", "index.html"))
        page = read(os.path.join(base, sid, "index.html"))
        check("<details" not in emb and "<script" not in emb, sid + ": embed stays light (no <details>, no scripts)")
        if "Невыполненных мероприятий нет" in emb:
            continue
        eg = groups(emb, "Мероприятия дорожной карты", 'class="source"')
        pg = groups(page, 'id="h-acts"', 'id="h-about"' if 'id="h-about"' in page else 'id="h-embed"')
        check(eg and all(s and acts for _, s, acts in eg), sid + ": embed activities sit under section headings")
        seen_several |= len(eg) > 1
        # Every section once, in the school page's order, each activity under its own section.
        where = {a: (d, s) for d, s, acts in pg for a, _ in acts}
        order = [(d, s) for d, s, _ in pg]
        heads = [(d, s) for d, s, _ in eg]
        check(len(set(heads)) == len(heads) and all(h in order for h in heads)
              and [order.index(h) for h in heads] == sorted(order.index(h) for h in heads),
              sid + ": embed sections are the school page's, once each, in its order: %s" % heads)
        for d, s, acts in eg:
            check(all(where.get(a) == (d, s) for a, _ in acts), sid + ": activities under their own section " + s)
            nums = [number_key(n) for _, n in acts]
            check(nums == sorted(nums), sid + ": numbers rise within section %s: %s" % (s, [n for _, n in acts]))
        shown = sum(len(acts) for _, _, acts in eg)
        more = re.search(r"Ещё (\d+) мероприяти", emb)
        check(shown <= 10 and (more is None or shown == 10), sid + ": at most 10 activities, the rest on the school page")
    check(seen_several, "some school's embed spans several sections")


if __name__ == "__main__":
    main((test_embed_grouped_like_school_page,)); finish("e2e_embed")
