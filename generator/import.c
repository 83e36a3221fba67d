/* import.c — an existing roadmap table (pasted Word table, Excel CSV/TSV) → a
 * roadmap YAML document (spec/import.md; contracts in import.h).
 *
 * The pipeline: decode the bytes → split them into rows (csvread when the file
 * is a regular CSV/TSV, else a line splitter, since pasted text has rows of
 * different lengths and text around the table) → find the header row by its
 * words and map the columns → walk the rows after it, telling section rows,
 * activities, continuation rows and noise apart → read the text before the
 * table (title, approval block, goal, tasks) → write the YAML.
 *
 * Everything read is kept: text before the table that fills no field and text
 * after it go into YAML comments, cells of columns that map to no field go into
 * the activity's comment, so a person can move them where they belong. */
#include "import.h"
#include "arena.h"
#include "csvread.h"
#include "date.h"
#include "deadline.h"
#include "fsutil.h"
#include "utf8.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- characters ---- */

/* Code point at s (NUL-terminated UTF-8) and its length in *n (0 at the end).
 * A byte that starts no valid sequence reads as itself, length 1. */
static int32_t cp_at(const char *s, size_t *n)
{
	int32_t cp = 0;
	if (!*s) {
		*n = 0;
		return 0;
	}
	size_t k = utf8_decode(s, strnlen(s, 4), &cp);
	if (!k) {
		cp = (unsigned char)*s;
		k = 1;
	}
	*n = k;
	return cp;
}

static bool is_lower_cp(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0x430 && c <= 0x45F);
}

static bool is_upper_cp(int32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0x400 && c <= 0x42F);
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* ASCII punctuation, «», „“”, dashes and the rest of General Punctuation:
 * what CommonMark counts as punctuation for emphasis flanking. */
static bool is_punct_cp(int32_t c)
{
	return (c > ' ' && c < 0x7F && !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') &&
	        !(c >= 'a' && c <= 'z')) ||
	       c == 0xAB || c == 0xBB || (c >= 0x2010 && c <= 0x205E);
}

/* Lower-cases ASCII and Russian letters of s in place and folds «ё» into «е»,
 * keeping every byte length, so that an offset found in the copy holds in the
 * original.  Used to match words people write in any case. */
static void lower_ru(char *s)
{
	for (unsigned char *p = (unsigned char *)s; *p; p++) {
		if (*p >= 'A' && *p <= 'Z') {
			*p = (unsigned char)(*p + 32);
		} else if (*p == 0xD0 && p[1]) {
			unsigned char c = p[1];
			if (c >= 0x90 && c <= 0x9F) { /* А-П → а-п */
				p[1] = (unsigned char)(c + 0x20);
			} else if (c >= 0xA0 && c <= 0xAF) { /* Р-Я → р-я */
				p[0] = 0xD1;
				p[1] = (unsigned char)(c - 0x20);
			} else if (c == 0x81) { /* Ё → е */
				p[1] = 0xB5;
			}
			p++;
		} else if (*p == 0xD1 && p[1]) {
			if (p[1] == 0x91) { /* ё → е */
				p[0] = 0xD0;
				p[1] = 0xB5;
			}
			p++;
		}
	}
}

static char *lowered(const char *s)
{
	char *l = xstrdup(s);
	lower_ru(l);
	return l;
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\n')
		s++;
	return s;
}

/* First code point of s after spaces (0 for an empty text). */
static int32_t first_cp(const char *s)
{
	size_t k;
	return cp_at(skip_spaces(s), &k);
}

static bool starts_lower(const char *s)
{
	return is_lower_cp(first_cp(s));
}

/* Text that begins like a new entry: a capital letter, a digit, an opening
 * quote or «№» — not a lower-case word, a list dash or punctuation that would
 * continue the text above. */
static bool starts_new(const char *s)
{
	int32_t c = first_cp(s);
	return is_upper_cp(c) || is_digit(c) || c == 0xAB || c == '"' || c == 0x201E || c == 0x201C ||
	       c == 0x2116;
}

/* Replaces the text of b by s (b may be reused). */
static void buf_set(buf *b, const char *s)
{
	buf_reset(b);
	buf_puts(b, s);
}

/* Characters of s (code points), for column numbers. */
static int count_chars(const char *s, size_t n)
{
	int k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* ---- sanitizing ---- */

/* Appends s as the rest of the module expects text: every kind of space as
 * ' ', CR, CRLF and Unicode line separators as LF, invisible characters (soft
 * hyphen, zero-width spaces, BOM, non-characters) and control characters
 * dropped — YAML refuses most of them and nobody sees them — and Word's
 * Symbol-font bullets (private-use code points) as «•». */
static void sanitize(buf *out, const char *s, size_t len)
{
	const char *end = s + len;
	while (s < end) {
		int32_t c = 0;
		size_t k = utf8_decode(s, (size_t)(end - s), &c);
		if (!k) { /* cannot happen after decoding; skip the byte */
			s++;
			continue;
		}
		if (c == '\r') {
			buf_putc(out, '\n');
			if (s + 1 < end && s[1] == '\n')
				s++;
		} else if (c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85) {
			buf_putc(out, '\n');
		} else if (c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF ||
		           c == 0xFFFE || c == 0xFFFF) {
			/* invisible: dropped */
		} else if (c == '\t' || utf8_is_space(c)) {
			buf_putc(out, ' ');
		} else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
			/* control: dropped */
		} else if (c == 0xF0B7 || c == 0xF0A7 || c == 0xF0D8 || c == 0xF076 || c == 0xF0FC) {
			buf_puts(out, "\xE2\x80\xA2"); /* • */
		} else {
			buf_put(out, s, k);
		}
		s += k;
	}
}

/* Sanitized, trimmed copy of s[0..len) in the arena. */
static const char *clean_cell(arena *a, const char *s, size_t len)
{
	buf b = BUF_INIT;
	sanitize(&b, s, len);
	size_t n;
	const char *t = utf8_trim(buf_cstr(&b), b.len, &n);
	const char *out = arena_strndup(a, t, n);
	buf_free(&b);
	return out;
}

/* ---- HTML remnants ---- */

/* Length of the HTML tag or comment at s ('<' …), or 0 when s does not start
 * one: «<5 лет», «<ОУ>» and a lone '<' are text.  The tag's name (lower case,
 * at most 15 bytes) goes to name, *closing tells </…>. */
static size_t tag_at(const char *s, char name[16], bool *closing)
{
	if (s[0] != '<')
		return 0;
	if (!strncmp(s, "<!--", 4)) {
		const char *e = strstr(s + 4, "-->");
		name[0] = '\0';
		*closing = false;
		return e ? (size_t)(e + 3 - s) : 0;
	}
	size_t i = 1;
	*closing = s[i] == '/';
	if (*closing)
		i++;
	if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
		return 0;
	size_t k = 0;
	while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || is_digit(s[i]) || s[i] == ':') {
		if (k < 15)
			name[k++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
		i++;
	}
	name[k] = '\0';
	if (s[i] != '>' && s[i] != ' ' && s[i] != '/' && s[i] != '\n')
		return 0;
	/* Attributes: up to '>' on a reasonable distance, no '<' inside. */
	for (size_t lim = i + 400; s[i] && i < lim; i++) {
		if (s[i] == '>')
			return i + 1;
		if (s[i] == '<')
			return 0;
	}
	return 0;
}

/* Tags after which text starts a new line of its own. */
static bool tag_breaks(const char *name)
{
	static const char *const blocks[] = {"p", "br", "div", "ul", "ol", "li", "tr", "td", "th", "table",
	                                     "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", NULL};
	for (int i = 0; blocks[i]; i++)
		if (!strcmp(name, blocks[i]))
			return true;
	return false;
}

/* Decodes the entity at s ('&' …) into out; returns its length, or 0 when s
 * starts no entity this module knows (then '&' is text). */
static size_t entity_at(const char *s, buf *out)
{
	static const struct {
		const char *name, *text;
	} names[] = {{"nbsp", " "},   {"amp", "&"},     {"lt", "<"},      {"gt", ">"},
	             {"quot", "\""},  {"apos", "'"},    {"laquo", "«"},   {"raquo", "»"},
	             {"ndash", "–"},  {"mdash", "—"},   {"hellip", "…"},  {"bull", "•"},
	             {"middot", "·"}, {"numero", "№"},  {"shy", ""},      {"ensp", " "},
	             {"emsp", " "},   {"thinsp", " "},  {"bdquo", "„"},   {"ldquo", "“"},
	             {"rdquo", "”"},  {"lsquo", "‘"},   {"rsquo", "’"},   {"deg", "°"}};
	if (s[0] != '&')
		return 0;
	if (s[1] == '#') {
		size_t i = 2;
		long v = 0;
		bool hex = s[i] == 'x' || s[i] == 'X';
		if (hex)
			i++;
		size_t d0 = i;
		while (i - d0 < 7 && (is_digit(s[i]) || (hex && ((s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F'))))) {
			int d = is_digit(s[i]) ? s[i] - '0' : (s[i] | 32) - 'a' + 10;
			v = v * (hex ? 16 : 10) + d;
			i++;
		}
		if (i == d0 || s[i] != ';')
			return 0;
		/* Spaces and controls through the sanitizer's rules; the rest as is. */
		if (v >= 0x20 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF) && !(v >= 0x7F && v < 0xA0)) {
			char enc[5];
			int32_t c = (int32_t)v;
			size_t n;
			if (c < 0x80) {
				enc[0] = (char)c;
				n = 1;
			} else if (c < 0x800) {
				enc[0] = (char)(0xC0 | (c >> 6));
				enc[1] = (char)(0x80 | (c & 0x3F));
				n = 2;
			} else if (c < 0x10000) {
				enc[0] = (char)(0xE0 | (c >> 12));
				enc[1] = (char)(0x80 | ((c >> 6) & 0x3F));
				enc[2] = (char)(0x80 | (c & 0x3F));
				n = 3;
			} else {
				enc[0] = (char)(0xF0 | (c >> 18));
				enc[1] = (char)(0x80 | ((c >> 12) & 0x3F));
				enc[2] = (char)(0x80 | ((c >> 6) & 0x3F));
				enc[3] = (char)(0x80 | (c & 0x3F));
				n = 4;
			}
			sanitize(out, enc, n);
		} else if (v == '\t' || v == '\n') {
			buf_putc(out, ' ');
		}
		return i + 1;
	}
	for (size_t k = 0; k < ARRAY_LEN(names); k++) {
		size_t n = strlen(names[k].name);
		if (!strncmp(s + 1, names[k].name, n) && s[1 + n] == ';') {
			buf_puts(out, names[k].text);
			return n + 2;
		}
	}
	return 0;
}

/* ---- plain text ---- */

/* Appends the cell as plain text: tags dropped (block tags make a line break
 * when keep_lines, else a space), entities decoded, ** markers of the paste
 * tool removed, spaces collapsed and every line trimmed; with keep_lines
 * false everything is one line. */
static void to_plain(buf *out, const char *s, bool keep_lines)
{
	buf raw = BUF_INIT;
	while (*s) {
		char name[16];
		bool closing;
		size_t k = tag_at(s, name, &closing);
		if (k) {
			buf_putc(&raw, tag_breaks(name) ? (keep_lines ? '\n' : ' ') : '\0');
			if (raw.len && raw.data[raw.len - 1] == '\0')
				raw.data[--raw.len] = '\0';
			s += k;
			continue;
		}
		if ((k = entity_at(s, &raw))) {
			s += k;
			continue;
		}
		if (s[0] == '*' && s[1] == '*') {
			s += 2;
			continue;
		}
		buf_putc(&raw, *s == '\n' && !keep_lines ? ' ' : *s);
		s++;
	}
	/* Collapse: one space between words, no spaces at line edges, no empty lines. */
	size_t start = out->len;
	bool space = false, line_has = false;
	for (const char *p = buf_cstr(&raw); *p; p++) {
		if (*p == ' ') {
			space = line_has;
		} else if (*p == '\n') {
			if (line_has)
				buf_putc(out, '\n');
			space = line_has = false;
		} else {
			if (space)
				buf_putc(out, ' ');
			buf_putc(out, *p);
			space = false;
			line_has = true;
		}
	}
	while (out->len > start && out->data[out->len - 1] == '\n')
		out->data[--out->len] = '\0';
	buf_free(&raw);
}

char *import_cell_plain(const char *cell)
{
	buf b = BUF_INIT;
	buf clean = BUF_INIT;
	sanitize(&clean, cell ? cell : "", cell ? strlen(cell) : 0);
	to_plain(&b, buf_cstr(&clean), false);
	buf_free(&clean);
	return buf_detach(&b);
}

static char *plain_of(const char *cell)
{
	buf b = BUF_INIT;
	to_plain(&b, cell, false);
	return buf_detach(&b);
}

/* ---- Markdown ---- */

/* In-block markers of emphasis, turned into ** and * when rendered; control
 * bytes, which sanitize() removed from the text, so they cannot clash. */
#define MK_BOLD '\x01'
#define MK_ITAL '\x02'

enum { B_PARA, B_ITEM };

typedef struct mblock {
	int kind;
	buf text;
} mblock;

typedef struct mconv {
	mblock *b;
	size_t n, cap;
	bool brk;      /* the next text starts a new block, unless it goes on a sentence */
	bool item;     /* … and that block is a list item (<li>) */
	bool list;     /* in a list: « - » inside the text starts the next item */
	bool bold, ital;
	buf pend;      /* opening markers waiting for the next text */
} mconv;

static mblock *mc_cur(mconv *m)
{
	return m->n ? &m->b[m->n - 1] : NULL;
}

/* True when the block holds no visible text. */
static bool block_empty(const mblock *b)
{
	for (size_t i = 0; i < b->text.len; i++)
		if (b->text.data[i] != ' ' && b->text.data[i] != MK_BOLD && b->text.data[i] != MK_ITAL)
			return false;
	return true;
}

static bool pending(const mconv *m, char mk)
{
	return m->pend.len && memchr(m->pend.data, mk, m->pend.len);
}

/* Ends the current block for a new one: emphasis open in it is closed there
 * and opened again at the start of the next text (a <b> spanning a <br>), and
 * markers of a block that showed no text are dropped with it. */
static void mc_end_block(mconv *m, bool keep)
{
	mblock *c = mc_cur(m);
	static const char mks[2] = {MK_BOLD, MK_ITAL};
	bool *open[2] = {&m->bold, &m->ital};
	for (int k = 0; k < 2; k++) {
		if (!*open[k] || pending(m, mks[k]))
			continue;
		if (c && keep)
			buf_putc(&c->text, mks[k]);
		buf_putc(&m->pend, mks[k]);
	}
}

/* Closes emphasis left open at the end of the cell. */
static void mc_close_marks(mconv *m)
{
	mblock *c = mc_cur(m);
	if (c && m->bold && !pending(m, MK_BOLD))
		buf_putc(&c->text, MK_BOLD);
	if (c && m->ital && !pending(m, MK_ITAL))
		buf_putc(&c->text, MK_ITAL);
	m->bold = m->ital = false;
	buf_reset(&m->pend);
}

static void mc_new(mconv *m, int kind)
{
	mblock *c = mc_cur(m);
	if (c && block_empty(c)) {
		mc_end_block(m, false);
		buf_reset(&c->text);
		c->kind = kind;
		return;
	}
	mc_end_block(m, true);
	xgrow((void **)&m->b, &m->cap, m->n + 1, sizeof(mblock));
	m->b[m->n].kind = kind;
	m->b[m->n].text = (buf)BUF_INIT;
	m->n++;
}

/* Length of a list marker at s («- », «• », «– »…) including the spaces
 * after it, or 0. */
static size_t marker_at(const char *s)
{
	static const char *const marks[] = {"-", "\xE2\x80\xA2" /* • */, "\xC2\xB7" /* · */,
	                                    "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */,
	                                    "\xE2\x96\xAA" /* ▪ */, "\xE2\x97\x8F" /* ● */, NULL};
	for (int i = 0; marks[i]; i++) {
		size_t n = strlen(marks[i]);
		if (strncmp(s, marks[i], n))
			continue;
		/* Dashes mark an item only before a space («-1», «–15 %» are
		 * text); bullets are never text and may touch it («•пункт»). */
		bool dash = i == 0 || i == 3 || i == 4;
		if (dash ? s[n] != ' ' : !s[n] || s[n] == '\n')
			continue;
		while (s[n] == ' ')
			n++;
		return n;
	}
	return 0;
}

/* Last non-space byte of the current block's text, or 0. */
static char mc_last_visible(const mconv *m)
{
	const mblock *c = m->n ? &m->b[m->n - 1] : NULL;
	if (!c)
		return 0;
	for (size_t i = c->text.len; i-- > 0;)
		if (c->text.data[i] != ' ' && c->text.data[i] != MK_BOLD && c->text.data[i] != MK_ITAL)
			return c->text.data[i];
	return 0;
}

/* Appends text s[0..n) (no tags, entities decoded) to the blocks. */
static void mc_text(mconv *m, const char *s, size_t n, bool stars_bold)
{
	const char *end = s + n;
	while (s < end) {
		if (m->brk || !m->n) {
			while (s < end && *s == ' ')
				s++;
			if (s == end)
				return;
			size_t mk = marker_at(s);
			if (m->item || mk) {
				/* <li>, <ul>, or a «- » / «• » at the start of a line */
				mc_new(m, B_ITEM);
				s += mk;
				m->list = true;
			} else if (m->n && !block_empty(mc_cur(m)) && starts_lower(s)) {
				buf_putc(&mc_cur(m)->text, ' '); /* a sentence broken by a tag goes on */
			} else {
				mc_new(m, B_PARA);
				m->list = false; /* a new paragraph ends the sub-items above */
			}
			m->brk = m->item = false;
		}
		if (m->pend.len) {
			buf_put(&mc_cur(m)->text, m->pend.data, m->pend.len);
			buf_reset(&m->pend);
		}
		mblock *c = mc_cur(m);
		char prev = c->text.len ? c->text.data[c->text.len - 1] : 0;
		/* « - » after «:» opens a list of sub-items; inside one it starts the
		 * next item.  A dash before a digit («ГИА - 2020») is text. */
		if (*s == '-' && (prev == ' ' || prev == ';' || prev == ':') && s + 1 < end && s[1] == ' ') {
			const char *after = s + 1;
			while (after < end && *after == ' ')
				after++;
			char lastv = mc_last_visible(m);
			if (after < end && !is_digit(*after) && (m->list || lastv == ':')) {
				m->list = true;
				mc_new(m, B_ITEM);
				s = after;
				continue;
			}
		}
		/* Bullets (not dashes) inside the text always start an item. */
		size_t mk = prev == ' ' || prev == ';' || prev == ':' ? marker_at(s) : 0;
		if (mk && *s != '-' && strncmp(s, "\xE2\x80\x93", 3) && strncmp(s, "\xE2\x80\x94", 3)) {
			m->list = true;
			mc_new(m, B_ITEM);
			s += mk;
			continue;
		}
		if (stars_bold && s[0] == '*' && s + 1 < end && s[1] == '*') {
			if (m->bold)
				buf_putc(&c->text, MK_BOLD);
			else
				buf_putc(&m->pend, MK_BOLD);
			m->bold = !m->bold;
			s += 2;
			continue;
		}
		buf_putc(&c->text, *s == '\n' ? ' ' : *s);
		s++;
	}
}

static void mc_tag(mconv *m, const char *name, bool closing)
{
	if (!strcmp(name, "b") || !strcmp(name, "strong") || !strcmp(name, "i") || !strcmp(name, "em")) {
		bool bold = name[0] == 'b' || name[0] == 's';
		bool *open = bold ? &m->bold : &m->ital;
		char mk = bold ? MK_BOLD : MK_ITAL;
		if (!closing && !*open) {
			buf_putc(&m->pend, mk);
			*open = true;
		} else if (closing && *open) {
			/* An opening marker still pending means empty emphasis: drop both. */
			char *p = memchr(m->pend.data ? m->pend.data : "", mk, m->pend.len);
			if (p) {
				memmove(p, p + 1, (size_t)(m->pend.data + m->pend.len - p - 1));
				m->pend.data[--m->pend.len] = '\0';
			} else if (m->n) {
				buf_putc(&mc_cur(m)->text, mk);
			}
			*open = false;
		}
		return;
	}
	if (!strcmp(name, "ul") || !strcmp(name, "ol")) {
		/* Pasted lists often lose their <li>: what follows <ul> is an item. */
		m->list = !closing;
		m->brk = true;
		m->item = !closing;
		return;
	}
	if (!strcmp(name, "li")) {
		m->brk = true;
		m->item = !closing;
		return;
	}
	if (tag_breaks(name))
		m->brk = true;
}

/* Appends the block text with Markdown punctuation escaped, so that it renders
 * as written: \ ` * _ [ ] < everywhere, '&' before an entity name, and at the
 * start of the line what would begin a heading, quote, list, fence or ordered
 * list («1.» «1)»).  Markers become ** and *. */
static void md_escape(buf *out, const char *s)
{
	size_t i = 0;
	while (is_digit(s[i]) && i < 9)
		i++;
	if (i && (s[i] == '.' || s[i] == ')') && (s[i + 1] == ' ' || !s[i + 1])) {
		buf_put(out, s, i);
		buf_putc(out, '\\');
		s += i;
	} else if (strchr("#>+-=~|", s[0]) && s[0]) {
		buf_putc(out, '\\');
	}
	for (; *s; s++) {
		if (*s == MK_BOLD) {
			buf_puts(out, "**");
		} else if (*s == MK_ITAL) {
			buf_putc(out, '*');
		} else if (strchr("\\`*_[]<", *s)) {
			buf_putc(out, '\\');
			buf_putc(out, *s);
		} else if (*s == '&') {
			size_t k = 1;
			if (s[k] == '#')
				k++;
			while ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || is_digit(s[k]))
				k++;
			if (k > 1 && s[k] == ';')
				buf_putc(out, '\\');
			buf_putc(out, '&');
		} else {
			buf_putc(out, *s);
		}
	}
}

/* Code point before byte offset i of s (0 at the start). */
static int32_t cp_before(const char *s, size_t i)
{
	if (!i)
		return 0;
	size_t j = i - 1;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	size_t k;
	return cp_at(s + j, &k);
}

#define MK_DROP '\x05' /* an opening marker found unusable, removed at the end */

static bool is_mark(char c)
{
	return c == MK_BOLD || c == MK_ITAL || c == MK_DROP;
}

/* Collapses the spaces of a block's text and places its emphasis markers so
 * that CommonMark reads them: spaces just inside a pair move outside it,
 * empty pairs are dropped, and so is a pair that could not open or close (a
 * marker between a letter and punctuation: «слово**«Имя»**») — the text stays
 * exact, only the emphasis is lost.  Markers toggle, so within one kind the
 * odd ones open and the even ones close; one pass, linear in the text. */
static void tidy_block(const char *in, buf *out)
{
	buf o = BUF_INIT;
	size_t open_at[2] = {0, 0};
	bool open[2] = {false, false};
	bool space = false;
	for (const char *p = in; *p; p++) {
		if (*p == ' ' || *p == '\n') {
			space = o.len > 0;
			continue;
		}
		if (*p != MK_BOLD && *p != MK_ITAL) {
			if (space)
				buf_putc(&o, ' ');
			space = false;
			buf_putc(&o, *p);
			continue;
		}
		int k = *p == MK_ITAL;
		if (!open[k]) {
			/* Opening: a pending space goes before it, spaces after it are
			 * skipped by the loop (space stays false after the marker). */
			if (space)
				buf_putc(&o, ' ');
			space = false;
			open[k] = true;
			open_at[k] = o.len;
			buf_putc(&o, *p);
			while (p[1] == ' ' || p[1] == '\n')
				p++;
			continue;
		}
		/* Closing: spaces before it go after it. */
		open[k] = false;
		const char *q = p + 1;
		while (*q == ' ' || *q == '\n')
			q++;
		bool space_after = space || q != p + 1;
		space = false;
		size_t oa = open_at[k], n;
		char *d = o.data;
		int32_t before = oa ? cp_before(d, oa) : 0;
		int32_t first = oa + 1 < o.len ? cp_at(d + oa + 1, &n) : 0;
		int32_t last = o.len > oa + 1 ? cp_before(d, o.len) : 0;
		int32_t after = space_after ? ' ' : cp_at(q, &n);
		bool ok = oa + 1 < o.len && !is_mark(d[oa + 1]) && !is_mark(d[o.len - 1]) &&
		          (oa == 0 || !is_mark(d[oa - 1])) && !is_mark(*q) &&
		          (!is_punct_cp(first) || !before || before == ' ' || is_punct_cp(before)) &&
		          (!is_punct_cp(last) || !after || after == ' ' || is_punct_cp(after));
		if (ok)
			buf_putc(&o, *p);
		else
			d[oa] = MK_DROP;
		if (space_after)
			space = true;
		p = q - 1;
	}
	for (int k = 0; k < 2; k++)
		if (open[k])
			o.data[open_at[k]] = MK_DROP;
	/* Drop the unusable markers and the spaces that doubled around them. */
	size_t start = out->len;
	space = false;
	for (const char *p = buf_cstr(&o); *p; p++) {
		if (*p == MK_DROP)
			continue;
		if (*p == ' ') {
			space = out->len > start;
			continue;
		}
		if (space)
			buf_putc(out, ' ');
		space = false;
		buf_putc(out, *p);
	}
	buf_free(&o);
}

/* Number of "**" in s outside tags: even and not zero means the paste tool's
 * bold, odd means literal asterisks. */
static size_t count_stars(const char *s)
{
	size_t n = 0;
	for (const char *p = strstr(s, "**"); p; p = strstr(p + 2, "**"))
		n++;
	return n;
}

static void cell_markdown(buf *out, const char *cell)
{
	mconv m = {0};
	bool stars = count_stars(cell) % 2 == 0;
	buf text = BUF_INIT;
	const char *s = cell;
	while (*s) {
		char name[16];
		bool closing;
		size_t k = tag_at(s, name, &closing);
		if (k || *s == '\n') {
			mc_text(&m, buf_cstr(&text), text.len, stars);
			buf_reset(&text);
			if (k)
				mc_tag(&m, name, closing);
			else
				m.brk = true;
			s += k ? k : 1;
			continue;
		}
		if ((k = entity_at(s, &text))) {
			s += k;
			continue;
		}
		buf_putc(&text, *s++);
	}
	mc_text(&m, buf_cstr(&text), text.len, stars);
	mc_close_marks(&m);
	buf_free(&text);
	int prev = -1;
	buf t = BUF_INIT;
	for (size_t i = 0; i < m.n; i++) {
		buf_reset(&t);
		tidy_block(buf_cstr(&m.b[i].text), &t);
		if (!t.len || block_empty(&(mblock){0, t}))
			continue;
		if (prev >= 0)
			buf_puts(out, m.b[i].kind == B_ITEM && prev == B_ITEM ? "\n" : "\n\n");
		if (m.b[i].kind == B_ITEM)
			buf_puts(out, "- ");
		md_escape(out, t.data);
		prev = m.b[i].kind;
	}
	buf_free(&t);
	for (size_t i = 0; i < m.n; i++)
		buf_free(&m.b[i].text);
	free(m.b);
	buf_free(&m.pend);
}

char *import_cell_markdown(const char *cell)
{
	buf clean = BUF_INIT, out = BUF_INIT;
	sanitize(&clean, cell ? cell : "", cell ? strlen(cell) : 0);
	cell_markdown(&out, buf_cstr(&clean));
	buf_free(&clean);
	return buf_detach(&out);
}

/* Plain text (one line) as Markdown that renders as written: for the fields
 * read as Markdown whose source is plain (section and document titles, goal). */
static void plain_markdown(buf *out, const char *plain)
{
	buf t = BUF_INIT;
	tidy_block(plain, &t);
	md_escape(out, buf_cstr(&t));
	buf_free(&t);
}

/* ---- responsible bodies ---- */

size_t import_split_bodies(const char *text, char ***out)
{
	buf plain = BUF_INIT, clean = BUF_INIT;
	sanitize(&clean, text ? text : "", text ? strlen(text) : 0);
	to_plain(&plain, buf_cstr(&clean), true);
	buf_free(&clean);
	char **v = NULL;
	size_t n = 0, cap = 0;
	int depth = 0;
	bool dq = false;
	const char *s = buf_cstr(&plain), *start = s;
	for (;;) {
		size_t k;
		int32_t c = cp_at(s, &k);
		if (c == 0xAB || c == '(' || c == 0x201E)
			depth++;
		else if ((c == 0xBB || c == ')' || c == 0x201C || c == 0x201D) && depth > 0)
			depth--;
		else if (c == '"')
			dq = !dq;
		if (!c || ((c == ',' || c == ';') && !depth && !dq) || c == '\n') {
			size_t len;
			const char *t = utf8_trim(start, (size_t)(s - start), &len);
			if (len) {
				xgrow((void **)&v, &cap, n + 1, sizeof(char *));
				v[n++] = xstrndup(t, len);
			}
			if (!c)
				break;
			start = s + k;
		}
		s += k;
	}
	buf_free(&plain);
	*out = v;
	return n;
}

void import_strs_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* ---- YAML ---- */

void import_yaml_quoted(buf *out, const char *s)
{
	buf_putc(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, (char)c);
		} else if (c == '\n') {
			buf_puts(out, "\\n");
		} else if (c == '\t') {
			buf_puts(out, "\\t");
		} else if (c < 0x20 || c == 0x7F) {
			buf_printf(out, "\\x%02X", c);
		} else if (c == 0xC2 && (unsigned char)s[1] == 0x85) {
			buf_puts(out, "\\N");
			s++;
		} else if (c == 0xE2 && (unsigned char)s[1] == 0x80 &&
		           ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9)) {
			buf_puts(out, (unsigned char)s[2] == 0xA8 ? "\\L" : "\\P");
			s += 2;
		} else if (c == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF) {
			buf_puts(out, "\\uFEFF");
			s += 2;
		} else {
			buf_putc(out, (char)c);
		}
	}
	buf_putc(out, '"');
}

static void y_indent(buf *b, int n)
{
	for (int i = 0; i < n; i++)
		buf_putc(b, ' ');
}

/* `key: value` at indent: a literal block (|-) when the text has several lines
 * — Markdown lists read best so — else a double-quoted scalar.  A literal block
 * keeps every character; its lines never start with a space here (the
 * converters trim them), so no indentation indicator is needed. */
static void y_field(buf *b, int indent, const char *key, const char *value)
{
	y_indent(b, indent);
	buf_printf(b, "%s: ", key);
	if (!strchr(value, '\n') || value[0] == ' ') {
		import_yaml_quoted(b, value);
		buf_putc(b, '\n');
		return;
	}
	buf_puts(b, "|-\n");
	const char *s = value;
	while (*s) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n) {
			y_indent(b, indent + 2);
			buf_put(b, s, n);
		}
		buf_putc(b, '\n');
		s += n + (e ? 1 : 0);
	}
}

/* A `# text` line: text never breaks the comment since sanitize() made every
 * line break a LF, and those are turned into spaces here. */
static void y_comment(buf *b, int indent, const char *text)
{
	y_indent(b, indent);
	buf_puts(b, "#");
	if (*text)
		buf_putc(b, ' ');
	for (; *text; text++)
		buf_putc(b, *text == '\n' ? ' ' : *text);
	buf_putc(b, '\n');
}

/* ---- decoding ---- */

static utf8_pos byte_pos(const char *s, size_t off)
{
	utf8_pos p = {0, 1, 1};
	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n')) {
			p.line++;
			p.col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80 && s[i] != '\r') {
			p.col++;
		}
	}
	p.off = off;
	return p;
}

/* The file's text as UTF-8 without BOM (heap, NUL-terminated), or NULL after
 * an error: a binary office file, UTF-16, a NUL byte, bytes that are neither
 * UTF-8 nor Windows-1251. */
static char *decode(const char *data, size_t len, const char *file, size_t *out_len, diag_list *dl)
{
	static const struct {
		const char *sig;
		size_t n;
		const char *what;
	} foreign[] = {{"PK\x03\x04", 4, "файл Excel или Word (.xlsx, .docx)"},
	               {"\xD0\xCF\x11\xE0", 4, "файл Excel или Word старого формата (.xls, .doc)"},
	               {"{\\rtf", 5, "файл RTF"},
	               {"%PDF", 4, "файл PDF"}};
	for (size_t i = 0; i < ARRAY_LEN(foreign); i++) {
		if (len >= foreign[i].n && !memcmp(data, foreign[i].sig, foreign[i].n)) {
			diag_add(dl, DIAG_ERROR, file, 0, 0,
			         "это %s, а не текст: сохраните таблицу как CSV или скопируйте её в текстовый файл",
			         foreign[i].what);
			return NULL;
		}
	}
	if (len >= 2 && (!memcmp(data, "\xFF\xFE", 2) || !memcmp(data, "\xFE\xFF", 2))) {
		diag_add(dl, DIAG_ERROR, file, 0, 0,
		         "файл в кодировке UTF-16: сохраните его в UTF-8 (или как CSV в Windows-1251)");
		return NULL;
	}
	bool bom = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3);
	if (bom) {
		data += 3;
		len -= 3;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		utf8_pos p = byte_pos(data, (size_t)(nul - data));
		diag_add(dl, DIAG_ERROR, file, p.line, p.col, "нулевой байт (0x00): это не текстовый файл");
		return NULL;
	}
	utf8_pos bad;
	if (utf8_validate(data, len, &bad)) {
		*out_len = len;
		return xstrndup(data, len);
	}
	size_t good = 0, wrong = 0;
	for (size_t i = 0; i < len;) {
		int32_t c;
		size_t k = (unsigned char)data[i] < 0x80 ? 1 : utf8_decode(data + i, len - i, &c);
		if ((unsigned char)data[i] >= 0x80)
			k ? good++ : wrong++;
		i += k ? k : 1;
	}
	if (bom || good > 2 * wrong) {
		diag_add(dl, DIAG_ERROR, file, bad.line, bad.col,
		         "недопустимый байт 0x%02X: файл в UTF-8, но этот байт в UTF-8 недопустим (файл повреждён?)",
		         (unsigned)(unsigned char)data[bad.off]);
		return NULL;
	}
	buf conv = BUF_INIT;
	size_t cp_bad;
	if (utf8_from_cp1251(data, len, &conv, &cp_bad) < 0) {
		utf8_pos p = cp_bad < len ? byte_pos(data, cp_bad) : bad;
		diag_add(dl, DIAG_ERROR, file, p.line, p.col,
		         "недопустимый байт 0x%02X: файл не в UTF-8 и не в Windows-1251",
		         (unsigned)(unsigned char)data[p.off]);
		buf_free(&conv);
		return NULL;
	}
	*out_len = conv.len;
	return buf_detach(&conv);
}

/* ---- rows ---- */

typedef struct icell {
	const char *text; /* sanitized, trimmed; in the arena */
	int line, col;
} icell;

typedef struct irow {
	icell *c;
	size_t n;
	int line;
} irow;

typedef struct irows {
	irow *v;
	size_t n, cap;
} irows;

static bool row_blank(const irow *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->c[i].text[0])
			return false;
	return true;
}

static void rows_push(irows *rs, irow r)
{
	if (row_blank(&r))
		return;
	xgrow((void **)&rs->v, &rs->cap, rs->n + 1, sizeof(irow));
	rs->v[rs->n++] = r;
}

static irow row_from_csv(arena *a, const csv_row *cr)
{
	irow r = {arena_alloc(a, (cr->n ? cr->n : 1) * sizeof(icell)), cr->n, cr->line};
	for (size_t i = 0; i < cr->n; i++)
		r.c[i] = (icell){clean_cell(a, cr->cells[i].text, strlen(cr->cells[i].text)), cr->cells[i].line,
		                 cr->cells[i].col};
	return r;
}

/* Rows of a regular CSV/TSV (every row as long as the first): csvread does the
 * quoting, multi-line cells and `sep=`.  False when the text is not one
 * (pasted text: rows of different lengths, or no delimiter at all). */
static bool rows_from_csv(arena *a, const char *text, size_t len, irows *rs)
{
	csv_table t;
	diag_list quiet = DIAG_LIST_INIT;
	int rc = csv_read_mem(text, len, NULL, &t, &quiet);
	bool ok = rc == 0 && t.delim && t.header.n >= 2;
	if (ok) {
		rows_push(rs, row_from_csv(a, &t.header));
		for (size_t i = 0; i < t.nrows; i++)
			rows_push(rs, row_from_csv(a, &t.rows[i]));
	}
	csv_table_free(&t);
	diag_list_free(&quiet);
	return ok;
}

/* Rows of pasted text: one row per line, cells split at delim.  With ';' or ','
 * a cell may be quoted ("…"" …") within its line; a TAB-separated paste has no
 * quoting.  A first line `sep=X` names the delimiter as Excel writes it.
 * Returns -1 after an error when a row has more than CSV_MAX_COLS cells or
 * there are more than CSV_MAX_ROWS rows. */
static int rows_from_lines(arena *a, const char *s, size_t len, char delim, irows *rs, const char *file,
                           diag_list *dl)
{
	int line = 1;
	size_t i = 0;
	if (len >= 5 && !strncmp(s, "sep=", 4) && (s[5] == '\n' || s[5] == '\r')) {
		while (i < len && s[i] != '\n')
			i++;
		i++;
		line = 2;
	}
	icell *cells = NULL;
	size_t cap = 0;
	int rc = 0;
	while (i < len) {
		size_t n = 0;
		int col = 1;
		for (;;) {
			size_t start = i;
			int ccol = col;
			buf cell = BUF_INIT;
			bool quoted = delim != '\t' && s[i] == '"';
			if (quoted) {
				/* Find the closing quote on this line: "" is a quote inside. */
				size_t j = i + 1;
				bool closed = false;
				buf q = BUF_INIT;
				while (j < len && s[j] != '\n' && s[j] != '\r') {
					if (s[j] == '"' && j + 1 < len && s[j + 1] == '"') {
						buf_putc(&q, '"');
						j += 2;
					} else if (s[j] == '"') {
						closed = true;
						j++;
						break;
					} else {
						buf_putc(&q, s[j++]);
					}
				}
				if (closed) {
					/* Text after the closing quote up to the delimiter is kept. */
					while (j < len && s[j] != delim && s[j] != '\n' && s[j] != '\r')
						buf_putc(&q, s[j++]);
					buf_put(&cell, q.data ? q.data : "", q.len);
					i = j;
				} else {
					quoted = false;
				}
				buf_free(&q);
			}
			if (!quoted) {
				while (i < len && s[i] != delim && s[i] != '\n' && s[i] != '\r')
					i++;
				buf_put(&cell, s + start, i - start);
			}
			col += count_chars(s + start, i - start);
			if (n == CSV_MAX_COLS) {
				diag_add(dl, DIAG_ERROR, file, line, ccol, "в строке больше 1000 ячеек: это не таблица?");
				buf_free(&cell);
				rc = -1;
				goto out;
			}
			xgrow((void **)&cells, &cap, n + 1, sizeof(icell));
			cells[n++] = (icell){clean_cell(a, buf_cstr(&cell), cell.len), line, ccol};
			buf_free(&cell);
			if (i < len && s[i] == delim) {
				i++;
				col++;
				continue;
			}
			break;
		}
		irow r = {arena_alloc(a, n * sizeof(icell)), n, line};
		memcpy(r.c, cells, n * sizeof(icell));
		rows_push(rs, r);
		if (rs->n > CSV_MAX_ROWS) {
			diag_add(dl, DIAG_ERROR, file, line, 1, "в файле больше 1 000 000 строк");
			rc = -1;
			goto out;
		}
		if (i < len && s[i] == '\r')
			i++;
		if (i < len && s[i] == '\n')
			i++;
		line++;
	}
out:
	free(cells);
	return rc;
}

/* ---- columns ---- */

enum { F_NUMBER, F_TITLE, F_DEADLINE, F_RESP, F_REPORT, F_RESULT, F_INDICATOR, F_TASK, F_N };

static const char *const FIELD_KEY[F_N] = {"number", "title",  "deadline",  "responsible",
                                           "report", "result", "indicator", "task"};

/* The field a header label names, or -1.  Words are matched at the start of
 * the label first («Мероприятия по выполнению задач» is the title, not the
 * task), then anywhere in it. */
static int classify_label(const char *plain)
{
	static const struct {
		const char *w;
		int f;
	} starts[] = {{"№", F_NUMBER},          {"n п/п", F_NUMBER},        {"n", F_NUMBER},
	              {"no", F_NUMBER},         {"п/п", F_NUMBER},          {"пп", F_NUMBER},
	              {"номер", F_NUMBER},      {"#", F_NUMBER},            {"мероприят", F_TITLE},
	              {"задач", F_TASK},        {"срок", F_DEADLINE},       {"время", F_DEADLINE},
	              {"дата", F_DEADLINE},     {"период", F_DEADLINE},     {"когда", F_DEADLINE},
	              {"ответствен", F_RESP},   {"исполнител", F_RESP},     {"отчет", F_REPORT},
	              {"форма отчет", F_REPORT}, {"результат", F_RESULT},   {"ожидаем", F_RESULT},
	              {"показател", F_INDICATOR}, {"индикатор", F_INDICATOR}, {"целев", F_INDICATOR},
	              {"основные направлен", F_TITLE}, {"направлен", F_TITLE}, {"наименован", F_TITLE},
	              {"содержан", F_TITLE},    {"действи", F_TITLE}};
	static const struct {
		const char *w;
		int f;
	} contains[] = {{"срок", F_DEADLINE},  {"ответствен", F_RESP},     {"исполнител", F_RESP},
	                {"отчет", F_REPORT},   {"документ", F_REPORT},     {"показател", F_INDICATOR},
	                {"результат", F_RESULT}, {"мероприят", F_TITLE},   {"деятельност", F_TITLE},
	                {"задач", F_TASK}};
	char *l = lowered(plain);
	size_t n = strlen(l);
	while (n && (l[n - 1] == ':' || l[n - 1] == '.' || l[n - 1] == '*' || l[n - 1] == ' '))
		l[--n] = '\0';
	int f = -1;
	for (size_t i = 0; i < ARRAY_LEN(starts) && f < 0; i++) {
		size_t k = strlen(starts[i].w);
		/* Short words must be the whole label or a whole first word. */
		if (!strncmp(l, starts[i].w, k) &&
		    (k >= 3 || !l[k] || l[k] == ' ' || l[k] == '.' || l[k] == '/'))
			f = starts[i].f;
	}
	for (size_t i = 0; i < ARRAY_LEN(contains) && f < 0; i++)
		if (strstr(l, contains[i].w))
			f = contains[i].f;
	free(l);
	return f;
}

/* "1", "1.", "1.1", "1.1.", "1)", Roman "IV." — a number as tables write it. */
static bool number_like(const char *s)
{
	const char *p = s;
	if (!*p)
		return false;
	if (strchr("IVXLC", *p)) {
		while (*p && strchr("IVXLC", *p))
			p++;
		return !*p || (*p == '.' && !p[1]);
	}
	for (;;) {
		if (!is_digit(*p))
			return false;
		while (is_digit(*p))
			p++;
		if (!*p)
			return true;
		if (*p == ')' && !p[1])
			return true;
		if (*p != '.')
			return false;
		p++;
		if (!*p)
			return true;
	}
}

static bool is_roman(const char *s)
{
	return *s && strchr("IVXLC", *s) && number_like(s);
}

/* A one-level number: "1", "1.", "IV". */
static bool section_level(const char *s)
{
	if (!number_like(s))
		return false;
	const char *dot = strchr(s, '.');
	return !dot || !dot[1];
}

/* The number without a trailing dot (sections «1.» are number «1»). */
static char *strip_dot(const char *s)
{
	size_t n = strlen(s);
	if (n > 1 && s[n - 1] == '.')
		n--;
	return xstrndup(s, n);
}

/* True when number's last part is 1: «1», «1.», «2.1», «2.1.» — the first
 * activity of a section. */
static bool first_of_section(const char *num)
{
	char *s = strip_dot(num);
	const char *last = strrchr(s, '.');
	bool one = !strcmp(last ? last + 1 : s, "1");
	free(s);
	return one;
}

/* Splits a heading «1. Развитие кадрового потенциала», «Раздел 2. …», «IV. …»
 * into its number (without the dot, heap, or NULL) and its title (pointer into
 * s).  A number alone or one followed by a lower-case word («9 классов») is no
 * heading number. */
static char *heading_number(const char *s, const char **title)
{
	const char *p = s;
	*title = s;
	char *l = lowered(s);
	if (!strncmp(l, "раздел ", strlen("раздел ")))
		p += strlen("раздел ");
	free(l);
	const char *q = p;
	if (strchr("IVXLC", *q) && *q) {
		while (*q && strchr("IVXLC", *q))
			q++;
		if (*q != '.')
			return NULL;
	} else {
		if (!is_digit(*q))
			return NULL;
		while (is_digit(*q) || (*q == '.' && is_digit(q[1])))
			q++;
	}
	const char *numend = q;
	bool dot = *q == '.' || *q == ')';
	if (dot)
		q++;
	if (*q != ' ')
		return NULL;
	while (*q == ' ')
		q++;
	if (!*q || (!dot && !starts_new(q)))
		return NULL;
	*title = q;
	return xstrndup(p, (size_t)(numend - p));
}

/* ---- the table ---- */

typedef struct act {
	buf *cell;  /* [ncols] raw cell texts, continuation rows merged in */
	int *cline; /* [ncols] where each cell's text starts */
	int *ccol;
	int line;
	const char *task; /* task inherited from the row that named it (arena), or NULL */
} act;

typedef struct sec {
	char *number; /* heap or NULL */
	buf title;    /* plain */
	int line;
	act *acts;
	size_t nacts, cap;
} sec;

enum { L_HEADER, L_SECTION, L_ACT };

typedef struct tbl {
	arena *a;
	const char *file;
	diag_list *dl;
	size_t ncols;
	int map[F_N];        /* column of each field, or -1 */
	int *field;          /* [ncols] field of each column, or -1 */
	const char **label;  /* [ncols] header labels, plain */
	int hline;
	sec *secs;
	size_t nsecs, cap;
	int last;            /* what the latest row made: L_HEADER, L_SECTION, L_ACT */
	const char *task;    /* current task (raw) for rows that leave it empty */
	size_t continuations;
	size_t nacts;        /* activities so far, against IMPORT_MAX_ACTIVITIES */
	bool too_many;
	bool extra_warned;
	buf trailing;        /* text after the table, one line per row */
} tbl;

static sec *new_section(tbl *t, char *number, const char *title, int line)
{
	xgrow((void **)&t->secs, &t->cap, t->nsecs + 1, sizeof(sec));
	sec *s = &t->secs[t->nsecs++];
	memset(s, 0, sizeof *s);
	s->number = number;
	buf_set(&s->title, title);
	s->line = line;
	t->last = L_SECTION;
	t->task = NULL;
	return s;
}

static sec *cur_section(tbl *t, int line)
{
	if (!t->nsecs) {
		/* Activities before any section row: one section named like the
		 * title column, since a document needs sections. */
		const char *name = t->map[F_TITLE] >= 0 ? t->label[t->map[F_TITLE]] : "";
		sec *s = new_section(t, NULL, *name ? name : "Мероприятия", line);
		t->last = L_ACT;
		return s;
	}
	return &t->secs[t->nsecs - 1];
}

static act *new_act(tbl *t, const char *const *cells, const icell *const *pos, int line)
{
	if (t->nacts == IMPORT_MAX_ACTIVITIES) {
		if (!t->too_many)
			diag_add(t->dl, DIAG_ERROR, t->file, line, 0,
			         "в таблице больше %d мероприятий: это не дорожная карта?", IMPORT_MAX_ACTIVITIES);
		t->too_many = true;
		return NULL;
	}
	t->nacts++;
	sec *s = cur_section(t, line);
	xgrow((void **)&s->acts, &s->cap, s->nacts + 1, sizeof(act));
	act *a = &s->acts[s->nacts++];
	a->cell = xcalloc(t->ncols, sizeof(buf));
	a->cline = xcalloc(t->ncols, sizeof(int));
	a->ccol = xcalloc(t->ncols, sizeof(int));
	a->line = line;
	for (size_t j = 0; j < t->ncols; j++) {
		buf_set(&a->cell[j], cells[j]);
		if (pos[j]) {
			a->cline[j] = pos[j]->line;
			a->ccol[j] = pos[j]->col;
		}
	}
	int tc = t->map[F_TASK];
	if (tc >= 0 && *cells[tc])
		t->task = arena_strdup(t->a, cells[tc]);
	a->task = t->task;
	t->last = L_ACT;
	return a;
}

static act *last_act(tbl *t)
{
	if (!t->nsecs || !t->secs[t->nsecs - 1].nacts)
		return NULL;
	sec *s = &t->secs[t->nsecs - 1];
	return &s->acts[s->nacts - 1];
}

/* Joins a continuation cell to the cell above: with a line break when it
 * starts a sub-item (so that it becomes a list item), else with one space. */
static bool ends_unfinished(const char *plain);

/* Plain text of the end of a merged cell (its last 120 bytes or so): enough
 * to judge how the text ends without re-reading a cell that grows with every
 * continuation row. */
static char *plain_tail(const buf *b)
{
	size_t from = b->len > 120 ? b->len - 120 : 0;
	while (from < b->len && ((unsigned char)b->data[from] & 0xC0) == 0x80)
		from++;
	return plain_of(b->data ? b->data + from : "");
}

/* Joins a continuation cell to the cell above.  In a Markdown column a line
 * break when the continuation starts a sub-item («- …», <li>) or a new sentence
 * of its own (a capitalized word after finished text: «… этап олимпиады» +
 * «Олимпиада младших школьников»), which the converter makes an item or a
 * paragraph; otherwise, and in plain columns, one space: the row was broken
 * in the middle of its text. */
static void join_cell(buf *b, const char *text, bool markdown)
{
	if (b->len) {
		const char *s = skip_spaces(text);
		bool item = marker_at(s) || !strncmp(s, "<li", 3) || !strncmp(s, "<ul", 3) || !strncmp(s, "<ol", 3);
		bool sentence = false;
		if (markdown && !item) {
			char *cont = plain_of(s);
			size_t k;
			int32_t c1 = cp_at(cont, &k);
			int32_t c2 = c1 ? cp_at(cont + k, &k) : 0;
			if (is_upper_cp(c1) && is_lower_cp(c2)) {
				char *above = plain_tail(b);
				sentence = !ends_unfinished(above);
				free(above);
			}
			free(cont);
		}
		buf_putc(b, markdown && (item || sentence) ? '\n' : ' ');
	}
	buf_puts(b, text);
}

/* Columns written as Markdown: the title, task and result, and the ones
 * that go into the comment. */
static bool is_markdown_col(const tbl *t, size_t j)
{
	int f = t->field[j];
	return f == F_TITLE || f == F_TASK || f == F_RESULT || f < 0;
}

static void merge_into(tbl *t, act *a, const char *const *cells, const icell *const *pos, int line)
{
	for (size_t j = 0; j < t->ncols; j++) {
		if (!*cells[j])
			continue;
		if (!a->cell[j].len && pos[j]) {
			a->cline[j] = pos[j]->line;
			a->ccol[j] = pos[j]->col;
		}
		join_cell(&a->cell[j], cells[j], is_markdown_col(t, j));
	}
	t->continuations++;
	const char *num = t->map[F_NUMBER] >= 0 ? buf_cstr(&a->cell[t->map[F_NUMBER]]) : "";
	char *p = plain_of(num);
	if (*p)
		diag_add(t->dl, DIAG_NOTE, t->file, line, 0,
		         "строка-продолжение присоединена к мероприятию %s (строка %d)", p, a->line);
	else
		diag_add(t->dl, DIAG_NOTE, t->file, line, 0, "строка-продолжение присоединена к мероприятию в строке %d",
		         a->line);
	free(p);
}

/* Small words after which a title cannot end: a row broken over a page. */
static bool ends_unfinished(const char *plain)
{
	static const char *const tails[] = {" в", " на", " по", " и", " с", " к", " о", " об", " для", " от",
	                                    " до", " за", " из", " при", " без", " или", " а также", ",", "-",
	                                    " их", " её", " его", NULL};
	char *l = lowered(plain);
	size_t n = strlen(l);
	bool open = false;
	int depth = 0;
	for (const char *p = l; *p;) {
		size_t k;
		int32_t c = cp_at(p, &k);
		depth += (c == 0xAB || c == '(') - (c == 0xBB || c == ')');
		p += k;
	}
	open = depth > 0;
	for (int i = 0; tails[i] && !open; i++) {
		size_t k = strlen(tails[i]);
		open = n >= k && !strcmp(l + n - k, tails[i]);
	}
	free(l);
	return open;
}

/* For every row, the number of the next row below it whose number cell holds
 * a number ("" when none): computed once from the bottom, since the heading
 * rules look ahead and a per-row scan would be quadratic. */
static const char **next_numbers(const tbl *t, const irows *rs)
{
	const char **next = arena_alloc(t->a, (rs->n ? rs->n : 1) * sizeof(char *));
	const char *below = "";
	int nc = t->map[F_NUMBER];
	for (size_t i = rs->n; i-- > 0;) {
		next[i] = below;
		if (nc >= 0 && (size_t)nc < rs->v[i].n) {
			char *n = plain_of(rs->v[i].c[nc].text);
			if (number_like(n))
				below = arena_strdup(t->a, n);
			free(n);
		}
	}
	return next;
}

/* A rule drawn with dashes or underscores («-----  --  --»): layout, no data. */
static bool row_is_rule(char **pc, size_t n)
{
	size_t marks = 0;
	for (size_t j = 0; j < n; j++) {
		for (const char *p = pc[j]; *p;) {
			size_t k;
			int32_t c = cp_at(p, &k);
			if (c != '-' && c != '_' && c != '=' && c != '~' && c != '*' && c != '.' && c != ' ' &&
			    c != 0x2013 && c != 0x2014)
				return false;
			marks += c != ' ';
			p += k;
		}
	}
	return marks >= 2;
}

/* A repeated header (Word repeats it on every page) or the row of column
 * numbers «1 2 3 4 5» printed under it. */
static bool row_is_header_again(const tbl *t, char **pc, size_t n)
{
	size_t same = 0, filled = 0, seq = 0;
	for (size_t j = 0; j < n && j < t->ncols; j++) {
		if (!*pc[j])
			continue;
		filled++;
		same += !strcmp(pc[j], t->label[j]);
		char want[24];
		snprintf(want, sizeof want, "%zu", j + 1);
		seq += !strcmp(pc[j], want) || (!strncmp(pc[j], want, strlen(want)) && !strcmp(pc[j] + strlen(want), "."));
	}
	return filled >= 2 && (same == filled || (seq == filled && filled == n && filled >= 3));
}

static void trailing_line(tbl *t, const irow *r)
{
	buf line = BUF_INIT;
	for (size_t j = 0; j < r->n; j++) {
		char *p = plain_of(r->c[j].text);
		if (*p) {
			if (line.len)
				buf_putc(&line, ' ');
			buf_puts(&line, p);
		}
		free(p);
	}
	if (line.len) {
		buf_puts(&t->trailing, line.data);
		buf_putc(&t->trailing, '\n');
	}
	buf_free(&line);
}

/* Walks the rows after the header: see spec/import.md for the kinds of rows. */
static void process_rows(tbl *t, const irows *rs, size_t h)
{
	size_t nc = t->ncols;
	int numc = t->map[F_NUMBER], titc = t->map[F_TITLE];
	/* Rows after the last row with cells are text below the table. */
	size_t last_multi = h;
	for (size_t i = h + 1; i < rs->n; i++)
		if (rs->v[i].n >= 2)
			last_multi = i;
	const char **cells = xcalloc(nc, sizeof(char *));
	const icell **pos = xcalloc(nc, sizeof(icell *));
	char **pc = xcalloc(nc, sizeof(char *));
	const char **nexts = next_numbers(t, rs);
	t->last = L_HEADER;
	for (size_t i = h + 1; i < rs->n && !t->too_many; i++) {
		const irow *r = &rs->v[i];
		if (r->n == 1 && nc > 1) {
			/* A line without a delimiter: text below the table, a heading
			 * written across the table, or a wrapped line of the row above. */
			const char *text = r->c[0].text;
			char *p = plain_of(text);
			act *a = last_act(t);
			if (i > last_multi) {
				trailing_line(t, r);
			} else if (starts_lower(p) && t->last == L_ACT && a) {
				int j = (int)nc - 1;
				while (j > 0 && !a->cell[j].len)
					j--;
				join_cell(&a->cell[j], text, is_markdown_col(t, (size_t)j));
				t->continuations++;
				diag_add(t->dl, DIAG_NOTE, t->file, r->line, 0,
				         "строка-продолжение присоединена к мероприятию в строке %d", a->line);
			} else if (starts_lower(p) && t->last == L_SECTION) {
				buf *tt = &t->secs[t->nsecs - 1].title;
				if (tt->len)
					buf_putc(tt, ' ');
				buf_puts(tt, p);
			} else if (*p) {
				const char *title;
				char *num = heading_number(p, &title);
				new_section(t, num, title, r->line);
			}
			free(p);
			continue;
		}
		/* A continuation whose empty number cell was lost: its text slid
		 * into the number column («<p>общего числа …» with one cell less). */
		size_t shift = 0;
		if (numc == 0 && r->n < nc && r->n >= 2) {
			char *p0 = plain_of(r->c[0].text);
			shift = *p0 && starts_lower(p0) ? 1 : 0;
			free(p0);
		}
		for (size_t j = 0; j < nc; j++) {
			const icell *c = j >= shift && j - shift < r->n ? &r->c[j - shift] : NULL;
			cells[j] = c ? c->text : "";
			pos[j] = c && *c->text ? c : NULL;
		}
		/* Cells beyond the header (a TAB typed inside a cell): added to the
		 * last column so that no text is lost. */
		for (size_t j = nc + shift; j < r->n; j++) {
			if (!*r->c[j].text)
				continue;
			if (!t->extra_warned)
				diag_add(t->dl, DIAG_WARNING, t->file, r->c[j].line, r->c[j].col,
				         "в строке больше ячеек, чем в заголовке таблицы: лишние добавлены к последнему столбцу");
			t->extra_warned = true;
			cells[nc - 1] = *cells[nc - 1] ? arena_printf(t->a, "%s %s", cells[nc - 1], r->c[j].text)
			                               : r->c[j].text;
			if (!pos[nc - 1])
				pos[nc - 1] = &r->c[j];
		}
		size_t nfilled = 0, only = 0;
		for (size_t j = 0; j < nc; j++) {
			pc[j] = plain_of(cells[j]);
			if (*pc[j]) {
				nfilled++;
				only = j;
			}
		}
		const char *num = numc >= 0 ? pc[numc] : "";
		act *prev = last_act(t);
		if (!nfilled || row_is_rule(pc, nc) || row_is_header_again(t, pc, nc))
			goto next;
		if (nfilled == 1 && (only == 0 || (int)only == titc) && !((int)only == numc && number_like(num))) {
			/* The row's only text is in the first or the title column. */
			const char *text = pc[only];
			bool heading = false;
			if (!starts_lower(text)) {
				if ((int)only != titc) {
					heading = true; /* a row merged across the table */
				} else {
					const char *title;
					char *hn = heading_number(text, &title);
					const char *next = nexts[i];
					/* Headings come before a section's first activity; in
					 * a table with a task column such a row is a further
					 * activity of the task. */
					bool before_first = *next && first_of_section(next) && numc >= 0 &&
					                    t->map[F_TASK] < 0;
					heading = hn || (t->last == L_HEADER && before_first) ||
					          (t->last == L_ACT && before_first);
					free(hn);
				}
			}
			if (heading) {
				const char *title;
				char *hn = heading_number(text, &title);
				new_section(t, hn, title, r->line);
				goto next;
			}
		}
		if (nfilled == 1 && (int)only == numc && section_level(num)) {
			/* A section number alone: its title may follow on the next row. */
			new_section(t, strip_dot(num), "", r->line);
			goto next;
		}
		if (*num && section_level(num) && (titc < 0 || *pc[titc])) {
			bool rest_empty = true;
			for (size_t j = 0; j < nc; j++)
				if ((int)j != numc && (int)j != titc && *pc[j])
					rest_empty = false;
			const char *next = nexts[i];
			char *base = strip_dot(num);
			size_t bl = strlen(base);
			bool child = !strncmp(next, base, bl) && next[bl] == '.' && is_digit(next[bl + 1]);
			free(base);
			if (rest_empty && (is_roman(num) || child)) {
				new_section(t, strip_dot(num), titc >= 0 ? pc[titc] : "", r->line);
				goto next;
			}
		}
		if (*num) {
			if (!number_like(num) && prev && (!*nexts[i] || titc < 0 || !*pc[titc])) {
				/* Text in the number column: below the last numbered row, a
				 * signature laid out with a TAB («Начальник управления ⇥
				 * Т.В. Ермакова»); above one, with no title, a heading with
				 * remarks beside it. */
				if (!*nexts[i]) {
					trailing_line(t, r);
				} else {
					const char *title;
					char *hn = heading_number(num, &title);
					new_section(t, hn, title, r->line);
					diag_add(t->dl, DIAG_WARNING, t->file, r->line, 0,
					         "строка прочитана как заголовок раздела «%s», текст других её ячеек не перенесён",
					         num);
				}
				goto next;
			}
			new_act(t, cells, pos, r->line);
			goto next;
		}
		/* No number. */
		if (t->last == L_HEADER) {
			bool all_lower = true;
			for (size_t j = 0; j < nc; j++)
				if (*pc[j] && !starts_lower(pc[j]))
					all_lower = false;
			if (all_lower) {
				/* The header broken over two lines. */
				for (size_t j = 0; j < nc; j++)
					if (*pc[j])
						t->label[j] = arena_printf(t->a, "%s %s", t->label[j], pc[j]);
				goto next;
			}
			new_act(t, cells, pos, r->line);
			goto next;
		}
		if (t->last == L_SECTION) {
			sec *s = &t->secs[t->nsecs - 1];
			bool title_only = nfilled == 1 && ((int)only == titc || only == 0);
			if (title_only && (!s->title.len || starts_lower(pc[only]))) {
				if (s->title.len)
					buf_putc(&s->title, ' ');
				buf_puts(&s->title, pc[only]);
				goto next;
			}
			new_act(t, cells, pos, r->line);
			goto next;
		}
		{
			/* After an activity: a further activity of the same task in a table
			 * with a «Задачи» column (or without numbers), else the continuation
			 * of the row above broken over a page. */
			bool further = false;
			if ((t->map[F_TASK] >= 0 || numc < 0) && titc >= 0 && starts_new(pc[titc]) && prev) {
				char *pt = plain_tail(&prev->cell[titc]);
				further = !ends_unfinished(pt);
				free(pt);
			}
			if (further || !prev)
				new_act(t, cells, pos, r->line);
			else
				merge_into(t, prev, cells, pos, r->line);
		}
	next:
		for (size_t j = 0; j < nc; j++) {
			free(pc[j]);
			pc[j] = NULL;
		}
	}
	free(cells);
	free(pos);
	free(pc);
	/* Headings after the last activity are text below the table; they came
	 * before any other trailing text. */
	size_t keep = t->nsecs;
	while (keep > 1 && !t->secs[keep - 1].nacts)
		keep--;
	if (keep < t->nsecs) {
		buf lines = BUF_INIT;
		for (size_t k = keep; k < t->nsecs; k++) {
			sec *s = &t->secs[k];
			if (s->number)
				buf_printf(&lines, "%s. ", s->number);
			buf_printf(&lines, "%s\n", buf_cstr(&s->title));
			buf_free(&s->title);
			free(s->number);
		}
		buf_puts(&lines, buf_cstr(&t->trailing));
		buf_free(&t->trailing);
		t->trailing = lines;
		t->nsecs = keep;
	}
}

/* ---- the text before the table ---- */

typedef struct pline {
	const char *text; /* plain, one line */
	int line;
	int para;         /* paragraph index: lines next to each other */
	bool used;
} pline;

typedef struct pre {
	pline *l;
	size_t n;
	char *title;
	char *act, *authority, *number, *signed_by;
	date date;
	char *goal;
	char **tasks;
	size_t ntasks, tcap;
} pre;

/* «27.08.2021», «09.01. 2020г.», «29.12.2018 г.», «27 августа 2021», «"27"
 * августа 2021 г.»: the first date in s.  False when there is none or it is
 * impossible. */
static bool find_date(const char *s, date *out)
{
	static const char *const months[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
	                                     "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
	char *l = lowered(s);
	bool found = false;
	for (const char *p = l; *p && !found; p++) {
		if (!is_digit(*p) || (p > l && is_digit(p[-1])))
			continue;
		const char *q = p;
		int d = 0, m = 0, y = 0, k = 0;
		while (is_digit(*q) && k < 3) {
			d = d * 10 + (*q++ - '0');
			k++;
		}
		if (k > 2)
			continue;
		if (*q == '.') {
			q++;
			while (*q == ' ')
				q++;
			for (k = 0; is_digit(*q) && k < 3; k++)
				m = m * 10 + (*q++ - '0');
			if (k < 1 || k > 2 || *q != '.')
				continue;
			q++;
			while (*q == ' ')
				q++;
			for (k = 0; is_digit(*q) && k < 5; k++)
				y = y * 10 + (*q++ - '0');
			if (k != 4)
				continue;
		} else {
			if (!strncmp(q, "»", strlen("»")))
				q += strlen("»");
			else if (*q == '"')
				q++;
			while (*q == ' ')
				q++;
			for (int i = 0; i < 12 && !m; i++)
				if (!strncmp(q, months[i], strlen(months[i]))) {
					m = i + 1;
					q += strlen(months[i]);
				}
			if (!m || *q != ' ')
				continue;
			while (*q == ' ')
				q++;
			for (k = 0; is_digit(*q) && k < 5; k++)
				y = y * 10 + (*q++ - '0');
			if (k != 4)
				continue;
		}
		if (date_valid(y, m, d)) {
			*out = (date){y, m, d};
			found = true;
		}
	}
	free(l);
	return found;
}

/* The number after «№» in s (heap), or NULL. */
static char *find_number(const char *s)
{
	const char *p = strstr(s, "№");
	if (!p)
		return NULL;
	p += strlen("№");
	while (*p == ' ')
		p++;
	const char *e = p;
	while (*e && *e != ' ' && *e != ',' && *e != ';')
		e++;
	while (e > p && (e[-1] == '.' || e[-1] == ')'))
		e--;
	bool digit = false;
	for (const char *q = p; q < e; q++)
		digit |= is_digit(*q);
	return e > p && digit ? xstrndup(p, (size_t)(e - p)) : NULL;
}

static bool starts_word(const char *lowered_text, const char *w)
{
	size_t n = strlen(w);
	return !strncmp(lowered_text, w, n);
}

/* Lower-cased text without opening quotes, stars and spaces at its start. */
static char *key_text(const char *s)
{
	char *l = lowered(s);
	const char *p = l;
	for (;;) {
		if (*p == ' ' || *p == '*' || *p == '"' || *p == '\'')
			p++;
		else if (!strncmp(p, "«", strlen("«")))
			p += strlen("«");
		else
			break;
	}
	char *out = xstrdup(p);
	free(l);
	return out;
}

/* Removes closing quotes, dots, colons and spaces at the end of s. */
static void trim_tail(char *s)
{
	size_t n = strlen(s);
	for (;;) {
		if (n && strchr(".:\"' ", s[n - 1]))
			n--;
		else if (n >= 2 && !strncmp(s + n - 2, "»", 2))
			n -= 2;
		else
			break;
	}
	s[n] = '\0';
}

/* A person's name as signatures show it: initials and a surname («Т.В.
 * Ермакова», «Скворцова Н.Г.», «_____ /С.А. Чомаева/»), short, no digits. */
static bool name_like(const char *s)
{
	if (strlen(s) > 80 || strpbrk(s, "0123456789"))
		return false;
	for (const char *p = s; *p;) {
		size_t k;
		int32_t c = cp_at(p, &k);
		if (is_upper_cp(c) && p[k] == '.')
			return true;
		p += k;
	}
	return false;
}

static char *clean_name(const char *s)
{
	buf b = BUF_INIT;
	for (const char *p = s; *p; p++)
		buf_putc(&b, *p == '_' || *p == '/' ? ' ' : *p);
	buf out = BUF_INIT;
	to_plain(&out, buf_cstr(&b), false);
	buf_free(&b);
	return buf_detach(&out);
}

static bool position_like(const char *lowered_text)
{
	static const char *const words[] = {"начальник", "руководитель ", "директор", "глава ", "заведующ",
	                                    "председател", "заместител", "министр", "и.о.", "и. о.", "врио",
	                                    NULL};
	for (int i = 0; words[i]; i++)
		if (starts_word(lowered_text, words[i]))
			return true;
	return false;
}

/* Joins lines [from, to) into one heap string. */
static char *join_lines(const pre *p, size_t from, size_t to)
{
	buf b = BUF_INIT;
	for (size_t i = from; i < to; i++) {
		if (b.len)
			buf_putc(&b, ' ');
		buf_puts(&b, p->l[i].text);
	}
	return buf_detach(&b);
}

static size_t para_end(const pre *p, size_t i)
{
	size_t e = i;
	while (e < p->n && p->l[e].para == p->l[i].para)
		e++;
	return e;
}

static size_t para_start(const pre *p, size_t i)
{
	size_t s = i;
	while (s > 0 && p->l[s - 1].para == p->l[i].para)
		s--;
	return s;
}

static void find_title(pre *p)
{
	for (size_t i = p->n; i-- > 0;) {
		if (p->l[i].used || (i > 0 && p->l[i - 1].para == p->l[i].para))
			continue;
		char *k = key_text(p->l[i].text);
		bool title = (starts_word(k, "план") && (k[strlen("план")] == ' ' || !k[strlen("план")])) ||
		             starts_word(k, "дорожная карта") || starts_word(k, "комплексный план") ||
		             starts_word(k, "комплекс мер");
		free(k);
		size_t e = para_end(p, i);
		if (!title || e - i > 8)
			continue;
		p->title = join_lines(p, i, e);
		for (size_t j = i; j < e; j++)
			p->l[j].used = true;
		return;
	}
}

static void set_act(pre *p, const char *lowered_text)
{
	static const struct {
		const char *w, *act;
	} acts[] = {{"приказ", "Приказ"},
	            {"распоряжен", "Распоряжение"},
	            {"постановлен", "Постановление"},
	            {"решени", "Решение"},
	            {"протокол", "Протокол"}};
	for (size_t i = 0; i < ARRAY_LEN(acts); i++)
		if (strstr(lowered_text, acts[i].w)) {
			p->act = xstrdup(acts[i].act);
			return;
		}
}

/* The approval block: «ПРИКАЗ» with its date and number lines and the
 * authority above; «Утверждено приказом от … № …» or «Приложение к приказу
 * …»; «Протокол № 1 от …»; «УТВЕРЖДАЮ» with the position, the name and the
 * date; and who signed the order. */
static void find_approval(pre *p)
{
	bool have = false;
	size_t act_at = 0;
	char *proto_num = NULL;
	date proto_date = DATE_NONE;
	for (size_t i = 0; i < p->n; i++) {
		if (p->l[i].used)
			continue;
		char *k = key_text(p->l[i].text);
		trim_tail(k);
		if (!have && (!strcmp(k, "приказ") || !strcmp(k, "распоряжение") || !strcmp(k, "постановление"))) {
			have = true;
			act_at = i;
			set_act(p, k);
			p->l[i].used = true;
			for (size_t j = i + 1; j < p->n && j <= i + 6; j++) {
				date d;
				char *num = find_number(p->l[j].text);
				bool used = false;
				if (!date_is_set(p->date) && find_date(p->l[j].text, &d) && strlen(p->l[j].text) < 40) {
					p->date = d;
					used = true;
				}
				if (!p->number && num && strlen(p->l[j].text) < 40) {
					p->number = num;
					num = NULL;
					used = true;
				}
				free(num);
				p->l[j].used |= used;
			}
			/* The authority: the short paragraph right above. */
			if (i > 0) {
				size_t e = i, s = para_start(p, i - 1);
				if (p->l[i - 1].para != p->l[i].para && e - s <= 5 && !p->l[s].used) {
					p->authority = join_lines(p, s, e);
					for (size_t j = s; j < e; j++)
						p->l[j].used = true;
				}
			}
		} else if (!have && (starts_word(k, "утвержден") || starts_word(k, "приложение"))) {
			size_t e = para_end(p, i);
			if (e > i + 6)
				e = i + 6;
			char *all = join_lines(p, i, e);
			char *la = lowered(all);
			date d;
			char *num = find_number(all);
			if (strstr(la, "приказ") || strstr(la, "распоряжен") || strstr(la, "постановлен") ||
			    strstr(la, "протокол") || num || find_date(all, &d)) {
				have = true;
				act_at = i;
				set_act(p, la);
				if (find_date(all, &d))
					p->date = d;
				p->number = num;
				num = NULL;
				for (size_t j = i; j < e; j++)
					p->l[j].used = true;
			}
			free(num);
			free(la);
			free(all);
		} else if (starts_word(k, "протокол") && !proto_num) {
			proto_num = find_number(p->l[i].text);
			if (!find_date(p->l[i].text, &proto_date))
				proto_date = DATE_NONE;
			if (proto_num)
				p->l[i].used = true;
		} else if (starts_word(k, "утверждаю")) {
			/* «УТВЕРЖДАЮ», the position, the signature with the name, the date. */
			buf pos = BUF_INIT;
			char *name = NULL;
			date d = DATE_NONE;
			p->l[i].used = true;
			for (size_t j = i + 1; j < p->n && j <= i + 8; j++) {
				const char *s = p->l[j].text;
				date dd;
				if (find_date(s, &dd) && strlen(s) < 40) {
					d = dd;
					p->l[j].used = true;
					break;
				}
				char *ks = key_text(s);
				bool stop = starts_word(ks, "план") || starts_word(ks, "дорожная") || name;
				free(ks);
				if (stop)
					break;
				if (name_like(s) || strchr(s, '_') || strchr(s, '/'))
					name = clean_name(s);
				else
					buf_printf(&pos, "%s%s", pos.len ? " " : "", s);
				p->l[j].used = true;
			}
			if (pos.len || (name && *name)) {
				free(p->signed_by);
				p->signed_by = xasprintf("%s%s%s", buf_cstr(&pos), pos.len && name && *name ? " " : "",
				                         name ? name : "");
			}
			if (!have && date_is_set(d))
				p->date = d;
			free(name);
			buf_free(&pos);
		}
		free(k);
	}
	if (!have && proto_num) {
		p->act = xstrdup("Протокол");
		p->number = proto_num;
		proto_num = NULL;
		if (date_is_set(proto_date))
			p->date = proto_date;
	}
	free(proto_num);
	/* Who signed the order: a position line after it, with the name. */
	if (have && !p->signed_by) {
		for (size_t i = act_at + 1; i < p->n; i++) {
			if (p->l[i].used)
				continue;
			char *k = lowered(p->l[i].text);
			bool posl = position_like(k) && strlen(p->l[i].text) < 160;
			free(k);
			if (!posl)
				continue;
			p->l[i].used = true;
			if (name_like(p->l[i].text) || i + 1 >= p->n || !name_like(p->l[i + 1].text)) {
				p->signed_by = xstrdup(p->l[i].text);
			} else {
				p->signed_by = xasprintf("%s %s", p->l[i].text, p->l[i + 1].text);
				p->l[i + 1].used = true;
			}
			break;
		}
	}
}

/* Item markers of the task list: «- », «• », «1) », «1. ». */
static size_t item_marker(const char *s)
{
	size_t k = marker_at(s);
	if (k)
		return k;
	size_t i = 0;
	while (is_digit(s[i]) && i < 3)
		i++;
	if (i && (s[i] == ')' || s[i] == '.') && s[i + 1] == ' ')
		return i + 2;
	return 0;
}

static void add_task(pre *p, const char *text, size_t n)
{
	size_t len;
	const char *t = utf8_trim(text, n, &len);
	if (!len)
		return;
	xgrow((void **)&p->tasks, &p->tcap, p->ntasks + 1, sizeof(char *));
	p->tasks[p->ntasks++] = xstrndup(t, len);
}

/* Adds the tasks of one item line; «1) …; 2) …» in one line gives several. */
static void add_task_line(pre *p, const char *s)
{
	const char *start = s;
	for (const char *q = s; *q; q++) {
		/* «; 2) » or «. 2) »: the next enumerated task. */
		if ((*q == ';' || *q == '.') && q[1] == ' ' && is_digit(q[2])) {
			const char *r = q + 2;
			while (is_digit(*r))
				r++;
			if (*r == ')' && r[1] == ' ') {
				add_task(p, start, (size_t)(q + 1 - start));
				start = q + 2;
			}
		}
	}
	add_task(p, start, strlen(start));
}

/* «N) » enumerators numbering the tasks 1, 2, 3 … are dropped: the page
 * numbers the list itself. */
static void strip_enumerators(pre *p)
{
	for (size_t i = 0; i < p->ntasks; i++) {
		char want[32];
		snprintf(want, sizeof want, "%zu) ", i + 1);
		if (strncmp(p->tasks[i], want, strlen(want)))
			return;
	}
	for (size_t i = 0; i < p->ntasks; i++) {
		char *t = p->tasks[i];
		char *r = strchr(t, ')') + 2;
		memmove(t, r, strlen(r) + 1);
	}
}

static void find_goal_tasks(pre *p)
{
	for (size_t i = 0; i < p->n; i++) {
		if (p->l[i].used)
			continue;
		char *k = key_text(p->l[i].text);
		if (!p->goal && starts_word(k, "цель") && !starts_word(k, "целев")) {
			/* The goal follows the first separator after «Цель» («Цель –»,
			 * «Цель:», «Цель программы —»); with none, the rest of the line
			 * after the word, or the lines below when the word stands alone. */
			const char *orig = p->l[i].text, *sep = NULL;
			static const char *const seps[] = {":", " – ", " - ", " — ", "–", "—", NULL};
			size_t best = 80;
			for (int j = 0; seps[j]; j++) {
				const char *f = strstr(orig, seps[j]);
				if (f && (size_t)(f - orig) < best) {
					best = (size_t)(f - orig);
					sep = f + strlen(seps[j]);
				}
			}
			if (!sep) {
				sep = strchr(orig, ' ');
				sep = sep ? sep : orig + strlen(orig);
			}
			size_t e = para_end(p, i);
			buf g = BUF_INIT;
			buf_puts(&g, skip_spaces(sep));
			for (size_t j = i + 1; j < e; j++)
				buf_printf(&g, "%s%s", g.len ? " " : "", p->l[j].text);
			if (!g.len && e < p->n && e == i + 1) {
				size_t e2 = para_end(p, e);
				for (size_t j = e; j < e2; j++) {
					buf_printf(&g, "%s%s", g.len ? " " : "", p->l[j].text);
					p->l[j].used = true;
				}
			}
			if (g.len) {
				p->goal = buf_detach(&g);
				for (size_t j = i; j < e; j++)
					p->l[j].used = true;
			}
			buf_free(&g);
		} else if (!p->ntasks && (starts_word(k, "задачи") || starts_word(k, "основные задачи"))) {
			const char *rest = strchr(p->l[i].text, ':');
			bool heading = strlen(k) < 40 || rest;
			if (heading) {
				p->l[i].used = true;
				if (rest && *skip_spaces(rest + 1))
					add_task_line(p, skip_spaces(rest + 1));
				/* Items («- », «• », «1) ») up to the first other line, even
				 * across blank lines (Word pastes put one between items); a
				 * lower-case line goes on the item above; plain lines right
				 * under «Задачи:» are tasks too. */
				bool items = false;
				for (size_t j = i + 1; j < p->n; j++) {
					const char *t = p->l[j].text;
					size_t m = item_marker(t);
					if (m) {
						add_task_line(p, t + m);
						items = true;
					} else if (p->ntasks && p->l[j].para == p->l[j - 1].para && starts_lower(t)) {
						char *last = p->tasks[p->ntasks - 1];
						p->tasks[p->ntasks - 1] = xasprintf("%s %s", last, t);
						free(last);
					} else if (!items && p->l[j].para == p->l[i].para) {
						add_task_line(p, t);
					} else {
						break;
					}
					p->l[j].used = true;
				}
				strip_enumerators(p);
			}
		}
		free(k);
	}
}

static void pre_free(pre *p)
{
	free(p->l);
	free(p->title);
	free(p->act);
	free(p->authority);
	free(p->number);
	free(p->signed_by);
	free(p->goal);
	import_strs_free(p->tasks, p->ntasks);
}

/* ---- finding the header ---- */

/* Index of the header row (rows[h]) and its column map, or false. */
static bool find_header(const irows *rs, size_t *h, int map[F_N], int **field)
{
	for (size_t i = 0; i < rs->n; i++) {
		const irow *r = &rs->v[i];
		if (r->n < 2)
			continue;
		int m[F_N];
		for (int f = 0; f < F_N; f++)
			m[f] = -1;
		int *fl = xcalloc(r->n, sizeof(int));
		size_t found = 0, filled = 0;
		bool bad = false;
		for (size_t j = 0; j < r->n; j++) {
			fl[j] = -1;
			char *p = plain_of(r->c[j].text);
			if (*p) {
				filled++;
				if (strlen(p) > 200 || number_like(p))
					bad = true;
				int f = classify_label(p);
				if (f >= 0 && m[f] < 0) {
					m[f] = (int)j;
					fl[j] = f;
					found++;
				}
			}
			free(p);
		}
		if (!bad && found >= 2 && m[F_TITLE] >= 0) {
			*h = i;
			memcpy(map, m, sizeof m);
			*field = fl;
			return true;
		}
		free(fl);
	}
	return false;
}

/* ---- writing ---- */

/* "2021-2022" when s names a school year «2021-2022» / «2021/2022» / «2021–2022». */
static bool year_in(const char *s, char out[10])
{
	for (const char *p = s; *p; p++) {
		if (!(p[0] == '2' && p[1] == '0' && is_digit(p[2]) && is_digit(p[3])) || (p > s && is_digit(p[-1])))
			continue;
		int y = atoi(p);
		const char *q = p + 4;
		while (*q == ' ')
			q++;
		size_t dash = *q == '-' || *q == '/' ? 1 : !strncmp(q, "–", strlen("–")) || !strncmp(q, "—", strlen("—")) ? 3 : 0;
		if (!dash)
			continue;
		q += dash;
		while (*q == ' ')
			q++;
		if (is_digit(q[0]) && is_digit(q[1]) && is_digit(q[2]) && is_digit(q[3]) && !is_digit(q[4]) &&
		    atoi(q) == y + 1) {
			snprintf(out, 10, "%04u-%04u", (unsigned)y % 10000u, (unsigned)(y + 1) % 10000u);
			return true;
		}
	}
	return false;
}

typedef struct writer {
	buf *y;
	tbl *t;
	date pstart, pend;
	import_stats *st;
} writer;

/* Turns the first line of a map written at indent into a list item: its two
 * spaces before the key become «- ».  Writing every key at the same indent and
 * then marking the first keeps the writer free of "first key" cases. */
static void y_item(buf *y, size_t start, int indent)
{
	y->data[start + (size_t)indent - 2] = '-';
}

static void write_act(writer *w, const act *a)
{
	tbl *t = w->t;
	buf *y = w->y;
	const int in = 8;
	size_t start = y->len;
	int c;
	if ((c = t->map[F_NUMBER]) >= 0) {
		char *v = plain_of(buf_cstr(&a->cell[c]));
		if (*v)
			y_field(y, in, "number", v);
		free(v);
	}
	buf md = BUF_INIT;
	if ((c = t->map[F_TITLE]) >= 0)
		cell_markdown(&md, buf_cstr(&a->cell[c]));
	if (!md.len) {
		buf_puts(&md, "Мероприятие без названия");
		diag_add(t->dl, DIAG_WARNING, t->file, a->line, 0,
		         "у мероприятия нет текста: записано «Мероприятие без названия», исправьте");
	}
	y_field(y, in, "title", md.data);
	buf_free(&md);
	if (a->task && *a->task) {
		buf tm = BUF_INIT;
		cell_markdown(&tm, a->task);
		if (tm.len)
			y_field(y, in, "task", tm.data);
		buf_free(&tm);
	}
	if ((c = t->map[F_DEADLINE]) >= 0) {
		char *v = plain_of(buf_cstr(&a->cell[c]));
		if (*v) {
			y_field(y, in, "deadline", v);
			deadline d;
			deadline_parse(v, w->pstart, w->pend, &d);
			if (d.kind == DL_UNKNOWN) {
				w->st->unknown_deadlines++;
				diag_add(t->dl, DIAG_WARNING, t->file, a->cline[c] ? a->cline[c] : a->line, a->ccol[c],
				         "срок «%s» не распознан: он будет показан как написан, без даты", v);
			}
			deadline_free(&d);
		}
		free(v);
	}
	if ((c = t->map[F_RESP]) >= 0) {
		char **bodies;
		size_t n = import_split_bodies(buf_cstr(&a->cell[c]), &bodies);
		if (n == 1) {
			y_field(y, in, "responsible", bodies[0]);
		} else if (n > 1) {
			y_indent(y, in);
			buf_puts(y, "responsible:\n");
			for (size_t i = 0; i < n; i++) {
				y_indent(y, in + 2);
				buf_puts(y, "- ");
				import_yaml_quoted(y, bodies[i]);
				buf_putc(y, '\n');
			}
		}
		import_strs_free(bodies, n);
	}
	if ((c = t->map[F_REPORT]) >= 0) {
		char *v = plain_of(buf_cstr(&a->cell[c]));
		if (*v)
			y_field(y, in, "report", v);
		free(v);
	}
	if ((c = t->map[F_RESULT]) >= 0) {
		buf rm = BUF_INIT;
		cell_markdown(&rm, buf_cstr(&a->cell[c]));
		if (rm.len)
			y_field(y, in, "result", rm.data);
		buf_free(&rm);
	}
	if ((c = t->map[F_INDICATOR]) >= 0) {
		char *v = plain_of(buf_cstr(&a->cell[c]));
		if (*v)
			y_field(y, in, "indicator", v);
		free(v);
	}
	/* Columns that map to no field: kept in the comment, under their label. */
	buf com = BUF_INIT;
	for (size_t j = 0; j < t->ncols; j++) {
		if (t->field[j] >= 0 || !a->cell[j].len)
			continue;
		buf cm = BUF_INIT;
		cell_markdown(&cm, buf_cstr(&a->cell[j]));
		if (cm.len) {
			if (com.len)
				buf_puts(&com, "\n\n");
			if (*t->label[j]) {
				plain_markdown(&com, t->label[j]);
				buf_puts(&com, ": ");
			}
			buf_puts(&com, cm.data);
		}
		buf_free(&cm);
	}
	if (com.len)
		y_field(y, in, "comment", com.data);
	buf_free(&com);
	y_item(y, start, in);
}

static void write_doc(writer *w, pre *p, const char *display)
{
	buf *y = w->y;
	tbl *t = w->t;
	buf line = BUF_INIT;
	buf_printf(&line, "Документ создан командой «roadmap import» из файла %s.", display);
	y_comment(y, 0, line.data);
	buf_free(&line);
	y_comment(y, 0, "Сверьте его с исходной таблицей. Поле schools (каких школ касается мероприятие) не заполнено:");
	y_comment(y, 0, "добавьте его, roadmap check подскажет коды школ, названных в тексте мероприятий.");
	int last_para = -1;
	for (size_t i = 0; i < p->n; i++) {
		if (p->l[i].used)
			continue;
		if (last_para < 0) {
			y_comment(y, 0, "");
			y_comment(y, 0, "Текст перед таблицей, не перенесённый в поля документа (нужное перенесите в intro):");
		} else if (p->l[i].para != last_para) {
			y_comment(y, 0, "");
		}
		y_comment(y, 0, p->l[i].text);
		last_para = p->l[i].para;
	}
	buf md = BUF_INIT;
	plain_markdown(&md, p->title ? p->title : "Дорожная карта");
	y_field(y, 0, "title", md.data);
	buf_free(&md);
	if (p->act || p->authority || p->number || date_is_set(p->date) || p->signed_by) {
		buf_puts(y, "approved:\n");
		if (p->act)
			y_field(y, 2, "act", p->act);
		if (p->authority)
			y_field(y, 2, "authority", p->authority);
		if (p->number)
			y_field(y, 2, "number", p->number);
		if (date_is_set(p->date)) {
			char iso[11];
			date_iso(p->date, iso);
			y_field(y, 2, "date", iso);
		}
		if (p->signed_by)
			y_field(y, 2, "signed_by", p->signed_by);
	}
	if (p->goal) {
		buf g = BUF_INIT;
		plain_markdown(&g, p->goal);
		y_field(y, 0, "goal", g.data);
		buf_free(&g);
	}
	if (p->ntasks) {
		buf_puts(y, "tasks:\n");
		for (size_t i = 0; i < p->ntasks; i++) {
			buf g = BUF_INIT;
			plain_markdown(&g, p->tasks[i]);
			y_indent(y, 2);
			buf_puts(y, "- ");
			import_yaml_quoted(y, g.data);
			buf_putc(y, '\n');
			buf_free(&g);
		}
	}
	for (size_t j = 0; j < t->ncols; j++) {
		int f = t->field[j];
		if (f == F_INDICATOR || f == F_TASK) {
			line = (buf)BUF_INIT;
			buf_printf(&line, "Столбец «%s» перенесён в поле %s мероприятий.", t->label[j], FIELD_KEY[f]);
			y_comment(y, 0, line.data);
			buf_free(&line);
		} else if (f < 0 && *t->label[j]) {
			line = (buf)BUF_INIT;
			buf_printf(&line, "Столбец «%s» не распознан: его текст перенесён в поле comment мероприятий.",
			           t->label[j]);
			y_comment(y, 0, line.data);
			buf_free(&line);
		}
	}
	buf_puts(y, "columns:\n");
	for (int f = F_NUMBER; f <= F_RESULT; f++)
		if (t->map[f] >= 0 && *t->label[t->map[f]])
			y_field(y, 2, FIELD_KEY[f], t->label[t->map[f]]);
	buf_puts(y, "sections:\n");
	for (size_t i = 0; i < t->nsecs; i++) {
		sec *s = &t->secs[i];
		buf tt = BUF_INIT;
		if (s->title.len) {
			plain_markdown(&tt, s->title.data);
		} else {
			buf_printf(&tt, "Раздел %s", s->number ? s->number : "");
			diag_add(t->dl, DIAG_WARNING, t->file, s->line, 0,
			         "у раздела нет названия: записано «%s», исправьте", tt.data);
		}
		size_t start = y->len;
		y_field(y, 4, "title", tt.data);
		y_item(y, start, 4);
		buf_free(&tt);
		if (s->number)
			y_field(y, 4, "number", s->number);
		if (s->nacts) {
			y_indent(y, 4);
			buf_puts(y, "activities:\n");
		}
		for (size_t k = 0; k < s->nacts; k++)
			write_act(w, &s->acts[k]);
		w->st->activities += s->nacts;
	}
	w->st->sections = t->nsecs;
	if (t->trailing.len) {
		y_comment(y, 0, "");
		y_comment(y, 0, "Текст после таблицы:");
		const char *s = t->trailing.data;
		while (*s) {
			const char *e = strchr(s, '\n');
			size_t n = e ? (size_t)(e - s) : strlen(s);
			char *l = xstrndup(s, n);
			y_comment(y, 0, l);
			free(l);
			s += n + (e ? 1 : 0);
		}
	}
}

/* ---- public ---- */

static void tbl_free(tbl *t)
{
	for (size_t i = 0; i < t->nsecs; i++) {
		sec *s = &t->secs[i];
		for (size_t k = 0; k < s->nacts; k++) {
			for (size_t j = 0; j < t->ncols; j++)
				buf_free(&s->acts[k].cell[j]);
			free(s->acts[k].cell);
			free(s->acts[k].cline);
			free(s->acts[k].ccol);
		}
		free(s->acts);
		free(s->number);
		buf_free(&s->title);
	}
	free(t->secs);
	free(t->field);
	buf_free(&t->trailing);
}

int import_mem(const char *data, size_t len, const char *display, const import_opts *o, buf *yaml,
               import_stats *st, diag_list *dl)
{
	memset(st, 0, sizeof *st);
	const char *file = display ? display : "";
	if (len > CSV_MAX_FILE) {
		diag_add(dl, DIAG_ERROR, file, 0, 0, "файл больше 64 МиБ: это не таблица?");
		return IMPORT_BAD_TABLE;
	}
	size_t n;
	char *text = decode(data, len, file, &n, dl);
	if (!text)
		return IMPORT_BAD_TABLE;
	arena *a = arena_new();
	irows rs = {0};
	tbl t = {0};
	pre p = {0};
	int rc = IMPORT_OK;
	size_t h = 0;
	bool found = false;
	/* A regular CSV/TSV first; pasted text (or a CSV whose header is not found
	 * that way) line by line, trying TAB, ';' and ',' in turn. */
	if (rows_from_csv(a, text, n, &rs))
		found = find_header(&rs, &h, t.map, &t.field);
	static const char delims[] = {'\t', ';', ','};
	for (size_t d = 0; d < ARRAY_LEN(delims) && !found; d++) {
		rs.n = 0;
		if (rows_from_lines(a, text, n, delims[d], &rs, file, dl) < 0) {
			rc = IMPORT_BAD_TABLE;
			goto out;
		}
		found = find_header(&rs, &h, t.map, &t.field);
	}
	if (!found) {
		diag_add(dl, DIAG_ERROR, file, 0, 0,
		         "не найдена строка заголовка таблицы: ожидались столбцы вроде «№ п/п», «Мероприятия», "
		         "«Сроки», «Ответственные», разделённые табуляцией, «;» или «,»");
		rc = IMPORT_BAD_TABLE;
		goto out;
	}
	t.a = a;
	t.file = file;
	t.dl = dl;
	/* Columns up to the last labelled one: Excel adds empty ones (;;;). */
	t.ncols = rs.v[h].n;
	while (t.ncols > 2 && !rs.v[h].c[t.ncols - 1].text[0])
		t.ncols--;
	t.hline = rs.v[h].line;
	if (t.ncols > IMPORT_MAX_COLS) {
		diag_add(dl, DIAG_ERROR, file, t.hline, 0,
		         "в строке заголовка больше %d столбцов: это не таблица дорожной карты?", IMPORT_MAX_COLS);
		rc = IMPORT_BAD_TABLE;
		goto out;
	}
	t.label = arena_alloc(a, t.ncols * sizeof(char *));
	for (size_t j = 0; j < t.ncols; j++) {
		char *pl = plain_of(rs.v[h].c[j].text);
		t.label[j] = arena_strdup(a, pl);
		free(pl);
		if (t.field[j] < 0 && *t.label[j])
			diag_add(dl, DIAG_WARNING, file, rs.v[h].c[j].line, rs.v[h].c[j].col,
			         "столбец «%s» не распознан: его текст перенесён в поле comment мероприятий", t.label[j]);
	}
	process_rows(&t, &rs, h);
	if (t.too_many) {
		rc = IMPORT_BAD_TABLE;
		goto out;
	}
	size_t acts = 0;
	for (size_t i = 0; i < t.nsecs; i++)
		acts += t.secs[i].nacts;
	if (!acts) {
		diag_add(dl, DIAG_ERROR, file, t.hline, 0, "после строки заголовка нет ни одного мероприятия");
		rc = IMPORT_BAD_TABLE;
		goto out;
	}
	/* The text before the table. */
	p.l = xcalloc(h ? h : 1, sizeof(pline));
	for (size_t i = 0; i < h; i++) {
		buf b = BUF_INIT;
		for (size_t j = 0; j < rs.v[i].n; j++) {
			char *pl = plain_of(rs.v[i].c[j].text);
			if (*pl)
				buf_printf(&b, "%s%s", b.len ? " " : "", pl);
			free(pl);
		}
		if (!b.len) {
			buf_free(&b);
			continue;
		}
		pline *l = &p.l[p.n];
		l->text = arena_strdup(a, b.data);
		l->line = rs.v[i].line;
		l->para = p.n && p.l[p.n - 1].line + 1 == l->line ? p.l[p.n - 1].para : (int)p.n;
		p.n++;
		buf_free(&b);
	}
	find_title(&p);
	find_approval(&p);
	find_goal_tasks(&p);
	if (!p.title)
		diag_add(dl, DIAG_WARNING, file, 0, 0,
		         "не найден заголовок («План мероприятий …», «Дорожная карта …»): записано «Дорожная карта», "
		         "исправьте поле title");
	/* The school year deadlines are read in. */
	char ed[10] = "";
	if (o->edition)
		snprintf(ed, sizeof ed, "%s", o->edition);
	else if (p.title && year_in(p.title, ed))
		;
	else if (date_is_set(p.date))
		snprintf(ed, sizeof ed, "%04u-%04u", (unsigned)(p.date.m >= 6 ? p.date.y : p.date.y - 1) % 10000u,
		         (unsigned)(p.date.m >= 6 ? p.date.y + 1 : p.date.y) % 10000u);
	else
		snprintf(ed, sizeof ed, "%s", o->fallback_edition);
	writer w = {yaml, &t, DATE_NONE, DATE_NONE, st};
	if (!deadline_edition_period(ed, &w.pstart, &w.pend)) {
		snprintf(ed, sizeof ed, "%s", o->fallback_edition);
		deadline_edition_period(ed, &w.pstart, &w.pend);
	}
	buf out = BUF_INIT;
	w.y = &out;
	write_doc(&w, &p, file);
	buf_put(yaml, out.data, out.len);
	buf_free(&out);
	memcpy(st->edition, ed, sizeof st->edition);
	st->continuations = t.continuations;
	st->title_found = p.title != NULL;
	st->approved_found = p.act || p.number || date_is_set(p.date) || p.signed_by;
out:
	pre_free(&p);
	tbl_free(&t);
	free(rs.v);
	arena_free(a);
	free(text);
	return rc;
}

int import_file(const char *path, const char *display, const import_opts *o, buf *yaml,
                import_stats *st, diag_list *dl)
{
	memset(st, 0, sizeof *st);
	size_t len;
	const char *file = display ? display : path;
	char *data = fs_read_file(path, file, CSV_MAX_FILE, &len, dl);
	if (!data)
		return IMPORT_IO;
	int rc = import_mem(data, len, file, o, yaml, st, dl);
	free(data);
	return rc;
}
