/* Поиск по сайту: optional comfort over the header's search form.
 *
 * Without this script the form opens the schools registry.  With it, the
 * first keystroke loads <root>search.json (written by the generator: schools,
 * the current edition's documents and activities, the pages) and every query
 * is answered in the browser, with no server: words are compared by their
 * Russian stems (Snowball's Russian stemmer, below), so «олимпиада» finds
 * «олимпиады»; numbers are compared whole, so «4» finds «СШ № 4» and not
 * «СШ № 14».  The last word also matches as a prefix while it is typed.
 */
(function () {
	"use strict";
	var form = document.getElementById("search");
	var input = document.getElementById("search-q");
	var out = document.getElementById("search-out");
	if (!form || !input || !out || !window.fetch || !window.JSON) return;
	var root = form.getAttribute("data-root") || "";
	var MAX = 10;
	var items = null, loading = null, timer = 0;

	/* ---- Snowball Russian stemmer ---- */
	var VOWELS = "аеиоуыэюя";
	function isV(ch) { return VOWELS.indexOf(ch) >= 0; }
	function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
	/* Longest ending of g2 (or of g1 after «а»/«я») that lies in the region
	   starting at `from`; returns the word without it, or null. */
	function strip(w, from, g1, g2) {
		var best = -1, i, s;
		for (i = 0; i < g2.length; i++) {
			s = g2[i];
			if (s.length > best && ends(w, s) && w.length - s.length >= from) best = s.length;
		}
		for (i = 0; i < g1.length; i++) {
			s = g1[i];
			if (s.length > best && ends(w, s) && w.length - s.length - 1 >= from &&
			    "ая".indexOf(w.charAt(w.length - s.length - 1)) >= 0) best = s.length;
		}
		return best < 0 ? null : w.slice(0, w.length - best);
	}
	var GERUND1 = ["в", "вши", "вшись"], GERUND2 = ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"];
	var ADJ = ["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его", "ого",
	           "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"];
	var PART1 = ["ем", "нн", "вш", "ющ", "щ"], PART2 = ["ивш", "ывш", "ующ"];
	var REFL = ["ся", "сь"];
	var VERB1 = ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно"];
	var VERB2 = ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен",
	             "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю"];
	var NOUN = ["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "й",
	            "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия",
	            "ья", "я"];
	function region(w, from) {
		for (var i = from + 1; i < w.length; i++) if (!isV(w.charAt(i)) && isV(w.charAt(i - 1))) return i + 1;
		return w.length;
	}
	function stem(w) {
		var rv = w.length, i, r;
		for (i = 0; i < w.length; i++) if (isV(w.charAt(i))) { rv = i + 1; break; }
		var r2 = region(w, region(w, 0));
		if ((r = strip(w, rv, GERUND1, GERUND2)) !== null) w = r;
		else {
			if ((r = strip(w, rv, [], REFL)) !== null) w = r;
			if ((r = strip(w, rv, [], ADJ)) !== null) {
				w = r;
				if ((r = strip(w, rv, PART1, PART2)) !== null) w = r;
			} else if ((r = strip(w, rv, VERB1, VERB2)) !== null) w = r;
			else if ((r = strip(w, rv, [], NOUN)) !== null) w = r;
		}
		if (ends(w, "и") && w.length - 1 >= rv) w = w.slice(0, -1);
		if ((r = strip(w, r2, [], ["ость", "ост"])) !== null) w = r;
		if (ends(w, "нн") && w.length - 2 >= rv) w = w.slice(0, -1);
		else if ((r = strip(w, rv, [], ["ейше", "ейш"])) !== null) {
			w = r;
			if (ends(w, "нн")) w = w.slice(0, -1);
		} else if (ends(w, "ь") && w.length - 1 >= rv) w = w.slice(0, -1);
		return w;
	}

	/* Words of a text: lower case, «ё» as «е», letters and digits only. */
	function words(text) {
		return text.toLowerCase().replace(/ё/g, "е").split(/[^0-9a-zа-я]+/).filter(Boolean);
	}
	function term(wd) {
		return /^[0-9]+$/.test(wd) || wd.length < 3 ? wd : stem(wd);
	}
	function entry(kind, url, title, extra) {
		var t = words(title), x = words(extra || "");
		return { kind: kind, url: url, title: title, extra: extra || "",
		         words: t.concat(x), terms: t.concat(x).map(term), ntitle: t.length };
	}
	function build(d) {
		var list = [], i, e;
		for (i = 0; i < d.schools.length; i++) {
			e = d.schools[i];
			list.push(entry("Школа", (d.edition ? d.edition + "/" : "") + "schools/" + e[0] + "/index.html", e[1], e[2]));
		}
		for (i = 0; i < d.pages.length; i++)
			list.push(entry("Страница", d.pages[i][0] + "/index.html", d.pages[i][1], d.pages[i][2]));
		for (i = 0; i < d.documents.length; i++)
			list.push(entry("Документ", d.edition + "/" + d.documents[i][0] + "/index.html", d.documents[i][1], ""));
		for (i = 0; i < d.activities.length; i++) {
			e = d.activities[i];
			var doc = d.documents[e[0]];
			list.push(entry("Мероприятие " + e[2] + " · " + doc[1], d.edition + "/" + doc[0] + "/index.html#" + e[1],
			                e[3], ""));
		}
		return list;
	}
	var WEIGHT = { "Школа": 3, "Страница": 2, "Документ": 2 };
	/* Score of an entry for the query's words; 0 when a word is missing. */
	function score(it, q) {
		var total = 0;
		for (var k = 0; k < q.length; k++) {
			var best = 0, last = k === q.length - 1, num = /^[0-9]+$/.test(q[k].w);
			for (var i = 0; i < it.terms.length; i++) {
				var s = 0;
				if (it.words[i] === q[k].w) s = 4;
				else if (!num && it.terms[i] === q[k].t) s = 3;
				else if (!num && last && q[k].w.length >= 2 && it.words[i].indexOf(q[k].w) === 0) s = 1;
				if (s && i < it.ntitle) s += 1;
				if (s > best) best = s;
			}
			if (!best) return 0;
			total += best;
		}
		return total * 10 + (WEIGHT[it.kind] || 1);
	}
	function load() {
		if (!loading)
			loading = fetch(root + "search.json").then(function (r) {
				if (!r.ok) throw new Error(r.status);
				return r.json();
			}).then(function (d) { items = build(d); return items; });
		return loading;
	}
	function show(results, query) {
		out.textContent = "";
		var p = document.createElement("p");
		p.setAttribute("role", "status");
		p.textContent = results.length ? "Найдено: " + results.length + (results.length > MAX ? ", показаны первые " + MAX : "")
		                               : "По запросу «" + query + "» ничего не найдено.";
		out.appendChild(p);
		if (results.length) {
			var ul = document.createElement("ul");
			for (var i = 0; i < results.length && i < MAX; i++) {
				var li = document.createElement("li"), a = document.createElement("a"), k = document.createElement("span");
				a.href = root + results[i].url;
				a.textContent = results[i].title;
				k.className = "kind";
				k.textContent = results[i].kind + (results[i].kind === "Школа" && results[i].extra ? " · " + results[i].extra : "");
				li.appendChild(a);
				li.appendChild(k);
				ul.appendChild(li);
			}
			out.appendChild(ul);
		}
		out.hidden = false;
	}
	function run() {
		var text = input.value.trim();
		if (!text) { out.hidden = true; return; }
		load().then(function (list) {
			if (input.value.trim() !== text) return;
			var q = words(text).map(function (w) { return { w: w, t: term(w) }; });
			var found = [];
			for (var i = 0; q.length && i < list.length; i++) {
				var s = score(list[i], q);
				if (s) found.push({ s: s, i: i });
			}
			found.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
			show(found.map(function (f) { return list[f.i]; }), text);
		}, function () { out.hidden = true; });
	}
	input.addEventListener("focus", function () { load().catch(function () {}); });
	input.addEventListener("input", function () {
		window.clearTimeout(timer);
		timer = window.setTimeout(run, 80);
	});
	/* Enter opens the best result; if the index cannot be loaded (a page
	   opened from disk), the form goes to the registry as without JavaScript. */
	form.addEventListener("submit", function (e) {
		if (!items) return;
		e.preventDefault();
		run();
		var first = out.querySelector("a");
		if (first) window.location.href = first.href;
	});
	document.addEventListener("keydown", function (e) {
		if (e.key === "Escape" && !out.hidden) { out.hidden = true; input.focus(); }
	});
	document.addEventListener("click", function (e) {
		if (!form.contains(e.target)) out.hidden = true;
	});
	/* The registry opened by the form without a loaded index: ?q= still
	   answers on arrival. */
	var m = /[?&]q=([^&]*)/.exec(window.location.search);
	if (m) {
		try { input.value = decodeURIComponent(m[1].replace(/\+/g, " ")); } catch (err) { /* keep empty */ }
		if (input.value) run();
	}
}());
