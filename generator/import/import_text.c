/* import_text.c — `roadmap import`: characters, sanitizing, HTML remnants, plain text and Markdown of a cell (see import_int.h). */
#include "import_int.h"
#include "csvread.h"
#include "deadline.h"
#include "utf8.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- characters ---- */

/* Code point at s (NUL-terminated UTF-8) and its length in *n (0 at the end).
 * A byte that starts no valid sequence reads as itself, length 1. */
int32_t imp_cp_at(const char *s, size_t *n)
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

bool imp_is_digit(int c)
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

const char *imp_skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\n')
		s++;
	return s;
}

/* First code point of s after spaces (0 for an empty text). */
static int32_t first_cp(const char *s)
{
	size_t k;
	return imp_cp_at(imp_skip_spaces(s), &k);
}

bool imp_starts_lower(const char *s)
{
	return utf8_is_lower_ru(first_cp(s));
}

/* Text that begins like a new entry: a capital letter, a digit, an opening
 * quote or «№» — not a lower-case word, a list dash or punctuation that would
 * continue the text above. */
bool imp_starts_new(const char *s)
{
	int32_t c = first_cp(s);
	return utf8_is_upper_ru(c) || imp_is_digit(c) || c == 0xAB || c == '"' || c == 0x201E || c == 0x201C ||
	       c == 0x2116;
}

/* Replaces the text of b by s (b may be reused). */
void imp_buf_set(buf *b, const char *s)
{
	buf_reset(b);
	buf_puts(b, s);
}

/* Characters of s (code points), for column numbers. */
int imp_count_chars(const char *s, size_t n)
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
void imp_sanitize(buf *out, const char *s, size_t len)
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
const char *imp_clean_cell(arena *a, const char *s, size_t len)
{
	buf b = BUF_INIT;
	imp_sanitize(&b, s, len);
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
	while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || imp_is_digit(s[i]) || s[i] == ':') {
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
		while (i - d0 < 7 && (imp_is_digit(s[i]) || (hex && ((s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F'))))) {
			int d = imp_is_digit(s[i]) ? s[i] - '0' : (s[i] | 32) - 'a' + 10;
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
			imp_sanitize(out, enc, n);
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
void imp_to_plain(buf *out, const char *s, bool keep_lines)
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
	imp_sanitize(&clean, cell ? cell : "", cell ? strlen(cell) : 0);
	imp_to_plain(&b, buf_cstr(&clean), false);
	buf_free(&clean);
	return buf_detach(&b);
}

char *imp_plain_of(const char *cell)
{
	buf b = BUF_INIT;
	imp_to_plain(&b, cell, false);
	return buf_detach(&b);
}

/* ---- Markdown ---- */

/* In-block markers of emphasis, turned into ** and * when rendered; control
 * bytes, which imp_sanitize() removed from the text, so they cannot clash. */
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
size_t imp_marker_at(const char *s)
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

size_t imp_submarker_at(const char *s)
{
	size_t k = 0, n;
	int32_t c = imp_cp_at(s, &n);
	if (imp_is_digit(c)) {
		while (k < 2 && imp_is_digit(s[k]))
			k++;
	} else if (utf8_is_lower_ru(c) || (c >= 'a' && c <= 'z')) {
		k = n;
	} else {
		return 0;
	}
	if (s[k] != ')' || (s[k + 1] != ' ' && s[k + 1]))
		return 0;
	return k + 1;
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
			size_t mk = imp_marker_at(s);
			if (m->item || mk) {
				/* <li>, <ul>, or a «- » / «• » at the start of a line */
				mc_new(m, B_ITEM);
				s += mk;
				m->list = true;
			} else if (m->n && imp_submarker_at(s)) {
				/* «а) …», «2) …» on a line of its own: a sub-item, its
				 * marker kept as written */
				mc_new(m, B_ITEM);
				m->list = true;
			} else if (m->n && !block_empty(mc_cur(m)) && imp_starts_lower(s)) {
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
			if (after < end && !imp_is_digit(*after) && (m->list || lastv == ':')) {
				m->list = true;
				mc_new(m, B_ITEM);
				s = after;
				continue;
			}
		}
		/* Bullets (not dashes) inside the text always start an item. */
		size_t mk = prev == ' ' || prev == ';' || prev == ':' ? imp_marker_at(s) : 0;
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
	while (imp_is_digit(s[i]) && i < 9)
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
			while ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || imp_is_digit(s[k]))
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
	return imp_cp_at(s + j, &k);
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
		int32_t first = oa + 1 < o.len ? imp_cp_at(d + oa + 1, &n) : 0;
		int32_t last = o.len > oa + 1 ? cp_before(d, o.len) : 0;
		int32_t after = space_after ? ' ' : imp_cp_at(q, &n);
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

void imp_cell_markdown(buf *out, const char *cell)
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
	imp_sanitize(&clean, cell ? cell : "", cell ? strlen(cell) : 0);
	imp_cell_markdown(&out, buf_cstr(&clean));
	buf_free(&clean);
	return buf_detach(&out);
}

/* Plain text (one line) as Markdown that renders as written: for the fields
 * read as Markdown whose source is plain (section and document titles, goal). */
void imp_plain_markdown(buf *out, const char *plain)
{
	buf t = BUF_INIT;
	tidy_block(plain, &t);
	md_escape(out, buf_cstr(&t));
	buf_free(&t);
}

/* ---- responsible bodies ---- */

/* A person written with initials: «Сидорова Е.В.», «Е. В. Сидорова» — a
 * capital letter and a dot at the start of a word, in a short part. */
static bool person_with_initials(const char *s)
{
	size_t words = 1;
	bool initial = false;
	for (const char *p = s; *p;) {
		size_t k;
		int32_t c = imp_cp_at(p, &k);
		if (c == ' ')
			words++;
		if ((p == s || p[-1] == ' ' || p[-1] == '.') && utf8_is_upper_ru(c) && p[k] == '.')
			initial = true;
		p += k;
	}
	return initial && words <= 4;
}

/* Whether part b, after a comma, belongs to part a instead of naming another
 * body: a number list («Классные руководители 9, 11 классов») or a person's
 * post after the name («Сидорова Е.В., заместитель директора по УВР»). */
static bool part_continues(const char *a, const char *b)
{
	if (imp_is_digit(*b))
		return imp_is_digit(a[strlen(a) - 1]);
	return imp_starts_lower(b) && person_with_initials(a);
}

size_t import_split_bodies(const char *text, char ***out)
{
	buf plain = BUF_INIT, clean = BUF_INIT;
	imp_sanitize(&clean, text ? text : "", text ? strlen(text) : 0);
	imp_to_plain(&plain, buf_cstr(&clean), true);
	buf_free(&clean);
	char **v = NULL;
	size_t n = 0, cap = 0;
	int depth = 0;
	bool dq = false;
	const char *s = buf_cstr(&plain), *start = s;
	for (;;) {
		size_t k;
		int32_t c = imp_cp_at(s, &k);
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
				char *part = xstrndup(t, len);
				if (n && start > buf_cstr(&plain) && start[-1] == ',' && part_continues(v[n - 1], part)) {
					char *joined = xasprintf("%s, %s", v[n - 1], part);
					free(v[n - 1]);
					free(part);
					v[n - 1] = joined;
				} else {
					xgrow((void **)&v, &cap, n + 1, sizeof(char *));
					v[n++] = part;
				}
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

