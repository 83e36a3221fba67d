'use strict';
/*
 * Browser tests of the generated site, in Debian's Chromium driven by
 * playwright-core, with axe-core.  Run by tests/browser/run.sh, which builds
 * the demo site and passes:
 *   SITE     the built site (served here on 127.0.0.1)
 *   CONTENT  the content folder (its base_url is routed to SITE, so that pages
 *            with absolute links, like 404.html, load their own files)
 *   SCREENS  where screenshots go (tests/out/screens)
 *   CHROMIUM the browser (/usr/bin/chromium; never a downloaded one)
 *
 * For one page of every type (PAGES below: add new page types there):
 *   - axe-core, WCAG 2.0/2.1 A and AA rules: zero violations in the normal
 *     version and in every scheme of the version for the visually impaired;
 *   - no console errors, no failed or external requests;
 *   - structure: lang="ru", one h1, heading order, landmarks, skip link,
 *     tables with caption and th scope, SVG with text alternatives;
 *   - no horizontal page scroll at 320 px (normal and largest type) and at
 *     200 % zoom;
 *   - Tab reaches every link in document order, each with a visible focus;
 *   - print: navigation hidden, evidence addresses printed, A4 (landscape
 *     for pages with activity tables);
 *   - screenshots: desktop, phone, print (first PDF page), each scheme.
 * Plus: the version for the visually impaired works with JavaScript off, and
 * with JavaScript on it is remembered from page to page and can be reset.
 *
 * While developing: ONLY=document,school runs those page types only; TIMING=1
 * prints the time of each step; `sh tests/browser/run.sh` runs it all.
 *
 * Prints "ok …" / "FAIL …" / "SKIP …" lines and, last,
 * "browser: N passed, N failed" (", N skipped" only when not under CI).
 */
const fs = require('fs');
const path = require('path');
const http = require('http');
const { execFileSync } = require('child_process');
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/* One page of every type.  `activities`: the page has activity tables (prints
   landscape); `landscape`: prints landscape for another wide table.  `evidence`: the page has evidence links (their URLs print).
   `optional`: a page type still being built; tested when the site has it. */
const PAGES = [
	{ type: 'home', path: 'index.html' },
	{ type: 'edition', path: '2021-2022/index.html' },
	{ type: 'edition-archived', path: '2020-2021/index.html' },
	{ type: 'document', path: '2021-2022/quality-objectivity/index.html', activities: true, evidence: true },
	{ type: 'registry', path: 'schools/index.html' },
	{ type: 'school', path: '2021-2022/schools/sosh-4/index.html' },
	{ type: 'archive', path: 'archive/index.html' },
	{ type: 'page', path: 'parents/index.html' },
	{ type: '404', path: '404.html' },
	{ type: 'deadlines', path: '2021-2022/deadlines/index.html', activities: true, optional: true },
	{ type: 'report', path: '2021-2022/report/index.html', evidence: true, optional: true, landscape: true },
	{ type: 'indicators', path: '2021-2022/indicators/index.html', optional: true },
	{ type: 'indicator', path: '2021-2022/indicators/ege-russian-mean/index.html', optional: true },
	{ type: 'changes', path: '2021-2022/changes/index.html', optional: true },
	{ type: 'data', path: '2021-2022/data/index.html', optional: true },
	{ type: 'school-results', path: '2021-2022/schools/sosh-4/results/index.html' },
	{ type: 'schedule', path: '2021-2022/schedule/index.html', landscape: true },
	{ type: 'school-schedule', path: '2021-2022/schools/sosh-4/schedule/index.html' },
];
/* Pages outside the site frame, tested apart (no header, panel or skip link):
   the embed page of a school and the stable school address, which sends the
   reader on to the current edition's page. */
const EMBED = { type: 'embed', path: '2021-2022/schools/sosh-4/embed/index.html' };
const SHORT = { type: 'school-short', path: 'schools/sosh-4/index.html', to: '2021-2022/schools/sosh-4/index.html' };
const SCHOOL = '2021-2022/schools/sosh-4/index.html';

/* The normal version and each colour scheme of the version for the visually
   impaired, each with other settings too, so that every setting is covered.
   `expect`: the computed colours and root font size the settings must give. */
const DEFAULTS = { size: 'normal', scheme: 'normal', img: 'on', spacing: 'normal' };
const SCHEMES = [
	{ name: 'normal', settings: {}, expect: { bg: 'rgb(255, 255, 255)', fg: 'rgb(26, 26, 26)', root: '16px' } },
	{ name: 'vi-bw', settings: { scheme: 'bw', size: 'large' }, expect: { bg: 'rgb(255, 255, 255)', fg: 'rgb(0, 0, 0)', root: '24px' } },
	{ name: 'vi-wb', settings: { scheme: 'wb', size: 'largest', spacing: 'wide' }, expect: { bg: 'rgb(0, 0, 0)', fg: 'rgb(255, 255, 255)', root: '32px' } },
	{ name: 'vi-blue', settings: { scheme: 'blue', size: 'large', img: 'off', spacing: 'wider' }, expect: { bg: 'rgb(157, 209, 255)', fg: 'rgb(6, 52, 98)', root: '24px' } },
];
/* The Russian labels of the controls: the tests find them as a person would. */
const LABELS = {
	size: { group: 'Размер шрифта', normal: 'Обычный', large: 'Крупный', largest: 'Очень крупный' },
	scheme: { group: 'Цветовая схема', normal: 'Обычная', bw: 'Чёрным по белому', wb: 'Белым по чёрному', blue: 'Тёмно-синим по голубому' },
	img: { group: 'Изображения', on: 'Показывать', off: 'Не показывать' },
	spacing: { group: 'Интервал между буквами', normal: 'Обычный', wide: 'Увеличенный', wider: 'Большой' },
};
const VI_TITLE = 'Версия для слабовидящих';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

const SITE = path.resolve(process.env.SITE || 'output');
const CONTENT = process.env.CONTENT || 'content';
const SCREENS = path.resolve(process.env.SCREENS || 'tests/out/screens');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CI = process.env.CI === 'true';
/* ONLY=document,school runs the tests on those page types only (while developing). */
if (process.env.ONLY) PAGES.splice(0, PAGES.length, ...PAGES.filter((p) => process.env.ONLY.split(',').includes(p.type)));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync'];

/* ── results ─────────────────────────────────────────────────────────────── */
let passed = 0, failed = 0, skipped = 0;
function ok(name, cond, detail) {
	if (cond) { passed++; console.log(`ok   ${name}`); } else { failed++; console.log(`FAIL browser ${name}${detail ? ': ' + detail : ''}`); }
	return cond;
}
function skip(name, why) {
	if (CI) { failed++; console.log(`FAIL browser ${name}: ${why} (CI=true: nothing may be skipped)`); } else { skipped++; console.log(`SKIP browser ${name}: ${why}`); }
}
async function attempt(name, fn) { // a test that throws is a failure, never a crash of the suite
	const t0 = Date.now();
	try { await fn(); } catch (e) { ok(name, false, String(e && e.stack || e).split('\n').slice(0, 4).join(' | ')); }
	if (process.env.TIMING) console.log(`     ${name}: ${Date.now() - t0} ms`);
}

/* ── the site on loopback ────────────────────────────────────────────────── */
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
	'.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8', '.ics': 'text/calendar; charset=utf-8', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8' };
function fileFor(urlPath) { // → {status, type, body}
	let p;
	try { p = decodeURIComponent(urlPath.split(/[?#]/)[0]); } catch (e) { p = '/'; }
	if (p.endsWith('/')) p += 'index.html';
	const f = path.join(SITE, path.normalize('/' + p));
	if (f.startsWith(SITE + path.sep) && fs.existsSync(f) && fs.statSync(f).isFile())
		return { status: 200, type: TYPES[path.extname(f)] || 'application/octet-stream', body: fs.readFileSync(f) };
	const nf = path.join(SITE, '404.html');
	return { status: 404, type: TYPES['.html'], body: fs.existsSync(nf) ? fs.readFileSync(nf) : Buffer.from('not found') };
}
function serve() {
	return new Promise((resolve) => {
		const server = http.createServer((req, res) => {
			const r = fileFor(req.url);
			res.writeHead(r.status, { 'Content-Type': r.type, 'Cache-Control': 'no-store' });
			res.end(r.body);
		});
		server.listen(0, '127.0.0.1', () => resolve(server));
	});
}
function baseUrl() { // the site's own base_url, if any, is answered from SITE too
	try {
		const m = fs.readFileSync(path.join(CONTENT, 'site.yaml'), 'utf8').match(/^base_url:\s*["']?([^"'\s#]+)/m);
		return m ? (m[1].endsWith('/') ? m[1] : m[1] + '/') : null;
	} catch (e) { return null; }
}

/* ── page helpers ────────────────────────────────────────────────────────── */
let ORIGIN, BASE;
const problems = new Map(); // page type → console errors, failed and external requests
function note(type, what) { if (!problems.has(type)) problems.set(type, []); problems.get(type).push(what); }

async function newContext(browser, opts) {
	const context = await browser.newContext({ viewport: DESKTOP, locale: 'ru-RU', ...opts });
	await context.route('**/*', async (route) => {
		const url = route.request().url();
		if (url.startsWith(ORIGIN + '/')) return route.continue();
		if (BASE && url.startsWith(BASE)) {
			const r = fileFor('/' + url.slice(BASE.length));
			return route.fulfill({ status: r.status, contentType: r.type, body: r.body });
		}
		route.request().__external = true;
		return route.abort('blockedbyclient');
	});
	return context;
}
async function open(context, pg, tag) {
	const page = await context.newPage();
	const type = pg.type;
	page.on('console', (m) => { if (m.type() === 'error') note(type, `${tag}: console error: ${m.text()}`); });
	page.on('pageerror', (e) => note(type, `${tag}: script error: ${e.message}`));
	page.on('requestfailed', (r) => note(type, `${tag}: ${r.__external ? 'external request' : 'request failed'}: ${r.url()}`));
	page.on('response', (r) => { if (r.status() >= 400 && !(type === '404' && r.url().endsWith('/404.html'))) note(type, `${tag}: HTTP ${r.status()} ${r.url()}`); });
	const resp = await page.goto(`${ORIGIN}/${pg.path}`, { waitUntil: 'load' });
	if (!resp || resp.status() !== 200) note(type, `${tag}: ${pg.path} answered ${resp && resp.status()}`);
	return page;
}
function group(page, g) { return page.getByRole('group', { name: LABELS[g].group, exact: true }); }
async function applySettings(page, settings) {
	const all = { ...DEFAULTS, ...settings };
	const summary = page.locator('details.vi > summary');
	if (!(await page.locator('details.vi').evaluate((d) => d.open))) await summary.click();
	for (const g of Object.keys(DEFAULTS))
		await group(page, g).getByRole('radio', { name: LABELS[g][all[g]], exact: true }).check();
	await summary.click(); // close the panel again
}
async function state(page) {
	return page.evaluate(() => ({
		bg: getComputedStyle(document.body).backgroundColor,
		fg: getComputedStyle(document.body).color,
		root: getComputedStyle(document.documentElement).fontSize,
		letter: getComputedStyle(document.body).letterSpacing,
		barShown: [...document.querySelectorAll('.bar, svg')].some((e) => e.getClientRects().length > 0),
		checked: Object.fromEntries([...document.querySelectorAll('.vi-form input:checked')].map((i) => [i.name.replace('vi-', ''), i.value])),
		classes: document.documentElement.className,
	}));
}
function stateMatches(s, scheme) {
	const want = { ...DEFAULTS, ...scheme.settings };
	const bad = [];
	for (const k of ['bg', 'fg', 'root']) if (s[k] !== scheme.expect[k]) bad.push(`${k} ${s[k]} (want ${scheme.expect[k]})`);
	for (const g of Object.keys(DEFAULTS)) if (s.checked[g] !== want[g]) bad.push(`${g} = ${s.checked[g]} (want ${want[g]})`);
	if (want.img === 'off' && s.barShown) bad.push('images are still shown');
	if ((want.spacing !== 'normal') !== (s.letter !== 'normal' && s.letter !== '0px')) bad.push(`letter-spacing ${s.letter}`);
	return bad;
}
async function axe(page) {
	if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
	return page.evaluate(async (tags) => {
		const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
		const brief = (list) => list.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
			why: [...new Set(v.nodes.flatMap((n) => n.any.concat(n.all, n.none).map((c) => c.message)))].slice(0, 2).join('; '),
			nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 160)}`), count: v.nodes.length }));
		return { violations: brief(r.violations), incomplete: brief(r.incomplete), passes: r.passes.length };
	}, AXE_TAGS);
}
async function overflow(page, width, height, scale) {
	await page.setViewportSize({ width, height });
	if (scale) { // 200 % zoom: the same CSS width as a 2× device pixel ratio
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: scale, mobile: false });
	}
	await page.waitForTimeout(50);
	return layout(page);
}
/* Horizontal page scroll (and what sticks out), and text squeezed into a
   column a few letters wide (a table caption or cell that lost its width). */
async function layout(page) {
	return page.evaluate(() => {
		const w = document.documentElement.clientWidth;
		const sw = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
		const culprits = [];
		if (sw > w) {
			const clipped = (el) => { for (let p = el.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o !== 'visible') return p !== document.body && p !== document.documentElement; } return false; };
			for (const strict of [true, false]) { // elements inside a scrolling box do not count, unless nothing else sticks out
				for (const el of document.querySelectorAll('body *')) {
					const r = el.getBoundingClientRect();
					if (r.right > w + 1 && !(strict && clipped(el))) culprits.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} right=${Math.round(r.right)}`);
					if (culprits.length >= 4) break;
				}
				if (culprits.length) break;
			}
		}
		const squeezed = [];
		for (const el of document.querySelectorAll('body :is(h1, h2, h3, h4, p, li, caption, th, td, dt, dd, a, summary, label, legend)')) {
			const text = el.textContent.trim();
			if (text.length < 20 || !el.getClientRects().length) continue;
			let hidden = false; // inside a visually hidden box (1 px, clipped): not seen, not squeezed
			for (let p = el; p && !hidden; p = p.parentElement) { const cs = getComputedStyle(p); hidden = cs.clipPath !== 'none' || (cs.overflow !== 'visible' && p.getBoundingClientRect().width <= 1); }
			if (hidden) continue;
			const r = el.getBoundingClientRect();
			const fs = parseFloat(getComputedStyle(el).fontSize);
			if (r.width < 4 * fs && r.height > 6 * fs) squeezed.push(`${el.tagName.toLowerCase()} «${text.slice(0, 30)}» ${Math.round(r.width)}×${Math.round(r.height)} px`);
			if (squeezed.length >= 3) break;
		}
		return { w, sw, culprits, squeezed };
	});
}
async function structure(page) {
	return page.evaluate(() => {
		const bad = [];
		if (document.documentElement.lang !== 'ru') bad.push(`lang="${document.documentElement.lang}"`);
		if (!document.title.trim()) bad.push('empty <title>');
		const h1 = document.querySelectorAll('h1');
		if (h1.length !== 1) bad.push(`${h1.length} h1`);
		let last = 0;
		for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
			const n = +h.tagName[1];
			if (n > last + 1) bad.push(`heading ${h.tagName} «${h.textContent.trim().slice(0, 40)}» after h${last}`);
			last = n;
		}
		const count = (sel) => document.querySelectorAll(sel).length;
		if (count('body > header') !== 1) bad.push('no single banner (body > header)');
		if (count('main') !== 1) bad.push('no single main');
		if (count('body > footer') !== 1) bad.push('no single contentinfo (body > footer)');
		if (count('nav[aria-label]') < 1) bad.push('no labelled nav');
		for (const el of document.querySelectorAll('body > *')) {
			if (!el.matches('header, nav, main, footer, script, a.skip, noscript') && el.getClientRects().length) bad.push(`content outside landmarks: <${el.tagName.toLowerCase()} class="${el.className}">`);
		}
		const first = document.querySelector('a[href], button, input, summary, select, textarea, [tabindex]:not([tabindex="-1"])');
		if (!first || !first.matches('a.skip[href="#main"]') || !document.getElementById('main')) bad.push('the first focusable element is not a skip link to #main');
		if (!/Версия для слабовидящих/.test((document.querySelector('details.vi > summary') || {}).textContent || '')) bad.push('no «Версия для слабовидящих» control');
		for (const t of document.querySelectorAll('table')) {
			const cap = t.querySelector(':scope > caption');
			if (!cap || !cap.textContent.trim()) bad.push('table without caption');
			for (const th of t.querySelectorAll('th')) if (!/^(col|row|colgroup|rowgroup)$/.test(th.getAttribute('scope') || '')) { bad.push(`th without scope: «${th.textContent.trim().slice(0, 30)}»`); break; }
		}
		for (const svg of document.querySelectorAll('svg')) {
			if (svg.closest('[aria-hidden="true"]')) continue;
			const named = svg.getAttribute('role') === 'img' && (svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby') || svg.querySelector(':scope > title'));
			if (!named) bad.push('svg without role="img" and a text alternative');
		}
		for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) bad.push(`img without alt: ${img.src}`);
		for (const b of document.querySelectorAll('.badge')) if (!b.textContent.trim()) bad.push('status badge without text');
		for (const i of document.querySelectorAll('input, select, textarea, button')) if (!i.labels?.length && !i.textContent.trim() && !i.getAttribute('aria-label')) bad.push(`control without label: ${i.outerHTML.slice(0, 60)}`);
		return bad;
	});
}
/* Tab from the top of a freshly loaded page: every visible link must come in
   document order, each focused one visibly different and on screen. */
async function keyboard(page) {
	const base = await page.evaluate(() => {
		const all = [...document.querySelectorAll('a[href], summary, button, input, select, textarea, [tabindex]')];
		return all.map((el, i) => {
			el.dataset.kbd = i;
			const cs = getComputedStyle(el);
			const link = el.matches('a[href]') && el.checkVisibility({ checkVisibilityCSS: true });
			return { link, bg: cs.backgroundColor, shadow: cs.boxShadow, text: (el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40) };
		});
	});
	const expected = base.map((b, i) => (b.link ? i : -1)).filter((i) => i >= 0);
	const reached = [];
	const bad = [];
	for (let n = 0; n < base.length + 10; n++) {
		await page.keyboard.press('Tab');
		const f = await page.evaluate(() => {
			const el = document.activeElement;
			if (!el || el === document.body || el === document.documentElement) return null;
			const cs = getComputedStyle(el);
			const rects = [...el.getClientRects()];
			const inView = rects.some((r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth);
			/* Text on an opaque focus background must still read (4.5:1). */
			const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
			const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
				.reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
			const bg = rgb(cs.backgroundColor), fg = rgb(cs.color);
			let contrast = null;
			if (bg.length === 3 || bg[3] === 1) { const a = lum(fg), b = lum(bg); contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }
			return { kbd: el.dataset.kbd, bg: cs.backgroundColor, shadow: cs.boxShadow, os: cs.outlineStyle, ow: parseFloat(cs.outlineWidth) || 0, oc: cs.outlineColor, inView, contrast };
		});
		if (!f) break; // past the last element: focus left the page
		if (f.kbd === undefined) { bad.push('focus on an element the test does not know'); continue; }
		const b = base[+f.kbd];
		const transparent = /rgba\(.*,\s*0\)$|transparent/.test(f.oc);
		const visible = (f.os !== 'none' && f.ow >= 2 && !transparent) || (f.shadow !== 'none' && f.shadow !== b.shadow) || f.bg !== b.bg;
		if (!visible) bad.push(`no visible focus on «${b.text}»`);
		if (f.contrast !== null && f.contrast < 4.5 && b.text) bad.push(`focused «${b.text}» has text contrast ${f.contrast.toFixed(2)}:1`);
		if (!f.inView) bad.push(`focused «${b.text}» is not on screen`);
		if (b.link) reached.push(+f.kbd);
		if (reached.length > expected.length) break;
	}
	const same = reached.length === expected.length && reached.every((v, i) => v === expected[i]);
	if (!same) {
		const i = reached.findIndex((v, k) => v !== expected[k]);
		const at = i < 0 ? reached.length : i;
		bad.push(`links in Tab order differ at #${at}: reached «${base[reached[at]] ? base[reached[at]].text : '—'}», expected «${base[expected[at]] ? base[expected[at]].text : '—'}» (${reached.length} of ${expected.length} reached)`);
	}
	return { bad: [...new Set(bad)], links: expected.length };
}
function pdfFirstPageSize(file) { // [width, height] in points of the first page's MediaBox
	const text = fs.readFileSync(file).toString('latin1');
	const m = text.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
	return m ? [parseFloat(m[1]), parseFloat(m[2])] : null;
}
/* A full-page screenshot, cut at `max` pixels so that a person (and image
   tools with a 16k-pixel limit) can open it; the first screens are what matter. */
async function shot(page, file, max) {
	const size = await page.evaluate(() => [document.documentElement.clientWidth, document.documentElement.scrollHeight]);
	await page.screenshot({ path: path.join(SCREENS, file), fullPage: true, clip: { x: 0, y: 0, width: size[0], height: Math.min(size[1], max || 6000) } });
}
function havePdftoppm() { try { execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' }); return true; } catch (e) { return e.code !== 'ENOENT'; } }

/* ── readers first: the school page on a phone, search, embed ───────────── */
async function readersFirst(browser) {
	/* At 375 px the next assessments are within the first two screens. */
	await attempt('school page on a phone', async () => {
		const context = await newContext(browser, { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
		const page = await open(context, { type: 'school', path: SCHOOL }, 'phone-next');
		const r = await page.evaluate(() => {
			const h = document.getElementById('h-next'), box = h && h.closest('section');
			return box ? { top: h.getBoundingClientRect().top + scrollY, bottom: box.getBoundingClientRect().bottom + scrollY,
				items: box.querySelectorAll('li').length, screen: innerHeight } : null;
		});
		ok(`school: «Ближайшие оценочные процедуры» within the first two screens at 375 px${r ? ` (heading at ${Math.round(r.top)} px, block ends at ${Math.round(r.bottom)} px, screen ${r.screen} px)` : ''}`,
			r && r.items > 0 && r.bottom <= 2 * r.screen, JSON.stringify(r));
		await page.screenshot({ path: path.join(SCREENS, 'school-375.png'), fullPage: true, clip: { x: 0, y: 0, width: PHONE.width, height: 2 * PHONE.height } });
		await page.close();
		await context.close();
		const desk = await newContext(browser);
		const d = await open(desk, { type: 'school', path: SCHOOL }, 'desktop-next');
		await d.screenshot({ path: path.join(SCREENS, 'school-1280.png'), fullPage: true, clip: { x: 0, y: 0, width: DESKTOP.width, height: 2 * DESKTOP.height } });
		await d.close();
		await desk.close();
	});
	/* Search: a school by its number, an activity by another word form. */
	await attempt('search', async () => {
		const context = await newContext(browser);
		const page = await open(context, PAGES.find((p) => p.type === 'home') || { type: 'home', path: 'index.html' }, 'search');
		let bytes = 0;
		page.on('response', async (resp) => { if (resp.url().endsWith('/search.json')) bytes = (await resp.body()).length; });
		const results = async (query) => {
			const t0 = Date.now();
			await page.fill('#search-q', query);
			await page.waitForFunction((q) => { const o = document.getElementById('search-out');
				return !o.hidden && document.getElementById('search-q').value === q && o.querySelector('[role="status"]'); }, query, { timeout: 5000 });
			await page.waitForTimeout(150); // the debounce of a later keystroke, if any
			const list = await page.$$eval('#search-out li a', (as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
			return { list, ms: Date.now() - t0 };
		};
		/* Time from the first keystroke on a fresh page (index not yet loaded)
		   to the first result on screen, measured inside the page. */
		const firstMs = await page.evaluate((q) => new Promise((resolve) => {
			const input = document.getElementById('search-q'), out = document.getElementById('search-out');
			const t0 = performance.now();
			input.value = q;
			input.dispatchEvent(new Event('input'));
			const tick = () => (!out.hidden && out.querySelector('li') ? resolve(Math.round(performance.now() - t0)) : requestAnimationFrame(tick));
			tick();
		}), '4');
		const first = await results('4');
		ok(`search: «4» finds «СШ № 4» first (first result ${firstMs} ms after the keystroke, index ${bytes} bytes)`,
			first.list.length && /СШ № 4$/.test(first.list[0].text) && !first.list.some((r) => /№ 14$/.test(r.text)), JSON.stringify(first.list.slice(0, 3)));
		const full = await results('СШ № 4');
		ok('search: «СШ № 4» finds the school', full.list.length && /СШ № 4$/.test(full.list[0].text), JSON.stringify(full.list.slice(0, 3)));
		const gym = await results('гимназия');
		ok('search: «гимназия» finds the gymnasium', gym.list.some((r) => /Гимназия/.test(r.text)), JSON.stringify(gym.list.slice(0, 3)));
		const form = await results('наставничество');
		ok('search: «наставничество» finds an activity about «наставничества»', form.list.some((r) => /наставничества/.test(r.text) && /#a-/.test(r.href)),
			JSON.stringify(form.list.slice(0, 3)));
		await page.screenshot({ path: path.join(SCREENS, 'search-desktop.png') });
		const target = form.list.find((r) => /#a-/.test(r.href));
		if (target) {
			await page.click(`#search-out a[href="${target.href}"]`);
			await page.waitForLoadState('load');
			ok('search: a result opens its page', page.url().includes(target.href.replace(/^(\.\.\/)+/, '').split('#')[0]), page.url());
		}
		await page.close();
		await context.close();
		const nojs = await newContext(browser, { javaScriptEnabled: false });
		const p2 = await open(nojs, { type: 'school', path: SCHOOL }, 'search-no-js');
		await p2.fill('#search-q', 'гимназия');
		await Promise.all([p2.waitForNavigation(), p2.press('#search-q', 'Enter')]);
		ok('search with JavaScript off: the box leads to the registry', /\/schools\/index\.html\?q=/.test(p2.url()), p2.url());
		await p2.close();
		await nojs.close();
	});
	/* The embed page: accessible, light, no page scroll at 320 px. */
	await attempt('embed', async () => {
		const context = await newContext(browser);
		const page = await open(context, EMBED, 'embed');
		const r = await axe(page);
		ok(`embed: axe ${AXE_TAGS.join('/')} — 0 violations`, r.violations.length === 0,
			r.violations.map((v) => `${v.id} (${v.impact}, ${v.count}×): ${v.help}; ${v.nodes.join(' | ')}`).join(' || '));
		const info = await page.evaluate(() => ({ scripts: document.scripts.length, nav: document.querySelectorAll('nav, header, footer').length,
			h1: document.querySelectorAll('h1').length, items: document.querySelectorAll('li').length }));
		ok('embed: no scripts, no site navigation, one h1, upcoming items listed', info.scripts === 0 && info.nav === 0 && info.h1 === 1 && info.items > 0, JSON.stringify(info));
		const o = await overflow(page, 320, 640);
		ok('embed: no horizontal scroll at 320 px', o.sw <= o.w, `scrollWidth ${o.sw} vs ${o.w}`);
		await page.setViewportSize({ width: 600, height: 600 });
		await page.screenshot({ path: path.join(SCREENS, 'embed.png'), fullPage: true });
		await page.close();
		/* The stable address: a short page that goes on to the current edition. */
		/* Not open(): the refresh leaves the page at once, cancelling its own
		   requests (favicon, styles) by design; errors and HTTP failures count. */
		const short = await context.newPage();
		short.on('console', (m) => { if (m.type() === 'error') note(SHORT.type, `console error: ${m.text()}`); });
		short.on('pageerror', (e) => note(SHORT.type, `script error: ${e.message}`));
		short.on('response', (x) => { if (x.status() >= 400) note(SHORT.type, `HTTP ${x.status()} ${x.url()}`); });
		await short.goto(`${ORIGIN}/${SHORT.path}`);
		await short.waitForURL(`**/${SHORT.to}`, { timeout: 5000 });
		ok('school-short: the stable address goes on to the current edition\'s school page', short.url().endsWith(SHORT.to), short.url());
		await short.close();
		await context.close();
	});
}

/* ── the tests ───────────────────────────────────────────────────────────── */
async function main() {
	fs.mkdirSync(SCREENS, { recursive: true });
	for (const f of fs.readdirSync(SCREENS)) if (/\.(png|pdf)$/.test(f)) fs.unlinkSync(path.join(SCREENS, f));
	const server = await serve();
	ORIGIN = `http://127.0.0.1:${server.address().port}`;
	BASE = baseUrl();
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
	const pdftoppm = havePdftoppm();
	const axeNotes = [];
	try {
		for (const pg of PAGES.slice()) {
			if (fs.existsSync(path.join(SITE, pg.path))) continue;
			if (pg.optional) console.log(`note ${pg.type}: ${pg.path} is not built, not tested`);
			else ok(`${pg.type}: ${pg.path} is built`, false, 'missing from the site');
			PAGES.splice(PAGES.indexOf(pg), 1);
		}

		/* Normal and each scheme, desktop.  In a scheme's context the settings
		   are chosen with the panel on the first page, then must be remembered. */
		for (const scheme of SCHEMES) {
			const context = await newContext(browser);
			let first = true;
			for (const pg of PAGES) {
				const tag = `${pg.type} ${scheme.name}`;
				await attempt(tag, async () => {
					const page = await open(context, pg, scheme.name);
					if (scheme.name === 'normal') {
						/* Keyboard first, on the fresh page. */
						const k = await keyboard(page);
						ok(`${pg.type}: Tab reaches all ${k.links} links in order with a visible focus`, k.bad.length === 0, k.bad.slice(0, 5).join('; '));
						const st = await structure(page);
						ok(`${pg.type}: structure (lang, h1, heading order, landmarks, skip link, tables, svg)`, st.length === 0, st.slice(0, 6).join('; '));
						await page.reload();
					}
					if (scheme.name !== 'normal') {
						if (first) await applySettings(page, scheme.settings);
						else {
							const bad = stateMatches(await state(page), scheme);
							ok(`${tag}: settings remembered from the previous page`, bad.length === 0, bad.join('; '));
							if (bad.length) await applySettings(page, scheme.settings);
						}
					}
					const st = await state(page);
					const bad = stateMatches(st, scheme);
					/* With JavaScript the choice is mirrored as classes for browsers without :has(). */
					for (const [g, v] of Object.entries(scheme.settings)) if (!st.classes.split(' ').includes(`vi-${g}-${v}`)) bad.push(`<html> lacks class vi-${g}-${v}`);
					ok(`${tag}: settings applied`, bad.length === 0, bad.join('; '));
					const l = await layout(page);
					ok(`${tag}: desktop layout — no page scroll sideways, no text squeezed into a narrow column`, l.sw <= l.w && !l.squeezed.length,
						`${l.sw > l.w ? `scrollWidth ${l.sw} > ${l.w}: ${l.culprits.join(', ')} ` : ''}${l.squeezed.join(', ')}`);
					const r = await axe(page);
					ok(`${tag}: axe ${AXE_TAGS.join('/')} — 0 violations`, r.violations.length === 0,
						r.violations.map((v) => `${v.id} (${v.impact}, ${v.count}×): ${v.help}; ${v.nodes.join(' | ')}`).join(' || '));
					axeNotes.push(`${tag}: ${r.violations.length} violations, ${r.passes} rules passed, ${r.incomplete.length} to review${r.incomplete.length ? ' (' + r.incomplete.map((v) => `${v.id} ${v.count}×: ${v.why}`).join(', ') + ')' : ''}`);
					await shot(page, `${pg.type}-${scheme.name === 'normal' ? 'desktop' : scheme.name}.png`);
					if (scheme.name === 'normal' || scheme.name === 'vi-wb') {
						if (scheme.name === 'vi-wb') {
							await page.reload();
							const k = await keyboard(page);
							ok(`${tag}: Tab reaches all ${k.links} links in order with a visible focus`, k.bad.length === 0, k.bad.slice(0, 5).join('; '));
						}
						const o = await overflow(page, 320, 640);
						ok(`${tag}: no horizontal scroll at 320 px${scheme.name === 'vi-wb' ? ' (largest type)' : ''}`, o.sw <= o.w && !o.squeezed.length, `scrollWidth ${o.sw} vs ${o.w}: ${o.culprits.join(', ')} ${o.squeezed.join(', ')}`);
						if (scheme.name === 'normal') {
							const z = await overflow(page, 640, 450, 2);
							ok(`${tag}: no horizontal scroll at 200 % zoom (1280 px window)`, z.sw <= z.w && !z.squeezed.length, `scrollWidth ${z.sw} vs ${z.w}: ${z.culprits.join(', ')} ${z.squeezed.join(', ')}`);
						}
					}
					await page.close();
				});
				first = false;
			}
			/* The normal version again after a reset, here and on the next page. */
			if (scheme.name === 'vi-blue') {
				await attempt('reset', async () => {
					const page = await open(context, PAGES[0], 'reset');
					await page.locator('details.vi > summary').click();
					await page.getByRole('button', { name: 'Обычная версия сайта' }).click();
					await page.waitForTimeout(50);
					let bad = stateMatches(await state(page), SCHEMES[0]);
					const stored = await page.evaluate(() => localStorage.getItem('roadmap-vi'));
					if (stored !== null) bad.push(`localStorage still holds ${stored}`);
					await page.goto(`${ORIGIN}/${(PAGES[1] || PAGES[0]).path}`);
					bad = bad.concat(stateMatches(await state(page), SCHEMES[0]).map((b) => 'next page: ' + b));
					ok('«Обычная версия сайта» resets every setting, also on the next page', bad.length === 0, bad.join('; '));
					await page.close();
				});
			}
			await context.close();
		}

		/* Phone screenshots, with the panel open once; print to PDF. */
		const phone = await newContext(browser, { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
		const printing = await newContext(browser);
		for (const pg of PAGES) {
			await attempt(`${pg.type} phone`, async () => {
				const page = await open(phone, pg, 'phone');
				const o = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				ok(`${pg.type}: no horizontal scroll on a phone (375 px)`, o <= 0, `${o} px too wide`);
				await shot(page, `${pg.type}-phone.png`, 8000);
				await page.close();
			});
			await attempt(`${pg.type} print`, async () => {
				const page = await open(printing, pg, 'print');
				await page.emulateMedia({ media: 'print' });
				const p = await page.evaluate(() => ({
					navHidden: [...document.querySelectorAll('.site-nav, .breadcrumbs, .vi-bar, .skip')].every((e) => getComputedStyle(e).display === 'none'),
					urls: [...document.querySelectorAll('.evidence a[href]')].slice(0, 5).map((a) => [a.href, getComputedStyle(a, '::after').content]),
					stacked: [...document.querySelectorAll('table')].some((t) => getComputedStyle(t).display !== 'table'),
				}));
				const bad = [];
				if (!p.navHidden) bad.push('navigation is printed');
				if (pg.evidence && !p.urls.length) bad.push('no evidence links found');
				for (const [href, content] of p.urls) if (!content.includes(href)) bad.push(`evidence URL not printed: ${href} (${content})`);
				if (p.stacked) bad.push('a table prints as stacked cards');
				const pdf = path.join(SCREENS, `${pg.type}-print.pdf`);
				await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true, pageRanges: '1' });
				const size = pdfFirstPageSize(pdf);
				const landscape = size && size[0] > size[1];
				if (!size || Math.abs(Math.max(...size) - 842) > 2 || Math.abs(Math.min(...size) - 595) > 2) bad.push(`first page is not A4: ${size}`);
				else if (!!(pg.activities || pg.landscape) !== landscape) bad.push(`first page is ${landscape ? 'landscape' : 'portrait'}`);
				ok(`${pg.type}: print — A4 ${pg.activities || pg.landscape ? 'landscape' : 'portrait'}, no navigation${pg.evidence ? ', evidence URLs printed' : ''}`, bad.length === 0, bad.join('; '));
				if (pdftoppm) execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
				await page.close();
			});
		}
		if (!pdftoppm) skip('print screenshots as PNG', 'pdftoppm is missing (apt-get install poppler-utils); the PDFs are written');
		await attempt('panel screenshots', async () => {
			for (const [ctx, name] of [[phone, 'phone'], [printing, 'desktop']]) {
				const page = await open(ctx, PAGES[0], 'panel');
				await page.locator('details.vi > summary').click();
				await page.screenshot({ path: path.join(SCREENS, `vi-panel-${name}.png`) });
				await page.close();
			}
		});
		await phone.close();
		await printing.close();

		/* JavaScript off: the settings work on the page, Enter does not leave it. */
		await attempt('javascript off', async () => {
			const context = await newContext(browser, { javaScriptEnabled: false });
			const pg = PAGES.find((p) => p.type === 'document') || PAGES[0];
			const page = await open(context, pg, 'no-js');
			const scheme = SCHEMES.find((s) => s.name === 'vi-blue');
			await applySettings(page, scheme.settings);
			let bad = stateMatches(await state(page), scheme);
			if (await page.evaluate(() => /\bvi-/.test(document.documentElement.className))) bad.push('a script ran');
			const url = page.url();
			await page.locator('details.vi > summary').click();
			await group(page, 'scheme').getByRole('radio', { name: LABELS.scheme.wb, exact: true }).check();
			await page.keyboard.press('Enter');
			await page.waitForTimeout(200);
			if (page.url() !== url) bad.push(`Enter on a setting navigated to ${page.url()}`);
			bad = bad.concat(stateMatches(await state(page), { ...scheme, settings: { ...scheme.settings, scheme: 'wb' }, expect: { ...scheme.expect, bg: 'rgb(0, 0, 0)', fg: 'rgb(255, 255, 255)' } }));
			const o = await overflow(page, 320, 640);
			if (o.sw > o.w) bad.push(`horizontal scroll at 320 px: ${o.sw}`);
			await page.setViewportSize(DESKTOP);
			await page.screenshot({ path: path.join(SCREENS, 'vi-no-javascript.png') });
			await page.getByRole('button', { name: 'Обычная версия сайта' }).click();
			bad = bad.concat(stateMatches(await state(page), SCHEMES[0]).map((b) => 'after reset: ' + b));
			ok('JavaScript off: the version for the visually impaired works on the page and resets', bad.length === 0, bad.join('; '));
			await context.close();
		});

		await readersFirst(browser);

		for (const pg of PAGES.concat([EMBED, SHORT])) {
			const list = problems.get(pg.type) || [];
			ok(`${pg.type}: no console errors, failed or external requests`, list.length === 0, [...new Set(list)].slice(0, 5).join('; '));
		}
	} finally {
		await browser.close();
		server.close();
	}
	fs.writeFileSync(path.join(SCREENS, 'axe.txt'), axeNotes.join('\n') + '\n');
	console.log(`axe summary (also in axe.txt beside the screenshots):\n  ${axeNotes.join('\n  ')}`);
	console.log(`screenshots: ${fs.readdirSync(SCREENS).filter((f) => f.endsWith('.png')).length} PNG (tests/out/screens/ when run by run.sh)`);
}

main().catch((e) => { ok('browser suite', false, String(e && e.stack || e)); }).finally(() => {
	const tail = !CI && skipped ? `, ${skipped} skipped` : '';
	console.log(`browser: ${passed} passed, ${failed} failed${tail}`);
	process.exitCode = failed ? 1 : 0;
});
