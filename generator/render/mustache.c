/* mustache.c — Mustache parser and renderer (see mustache.h).
 *
 * Parsing runs in four passes over the source:
 *   1. lex: split the source into text and tag tokens, following set-delimiter
 *      tags, and validate every tag;
 *   2. match: pair every opening tag with its closing tag;
 *   3. whitespace: decide which tags are standalone and trim the text around
 *      them, and compute the indentation rules of partials, parents and blocks;
 *   4. build: turn the token range into a tree of nodes (arena-allocated).
 * Whitespace needs the pairs (a parent's rules depend on its closing tag), and
 * building needs the trimmed text, hence separate passes.
 *
 * Indentation.  A standalone partial is indented by the whitespace before it:
 * every line of the partial's *source* gets it, but not lines produced by
 * interpolated values.  So the parser marks each node that begins a source line
 * (`bol`), and the renderer, which carries the current indentation as a chain
 * of pieces, writes the indentation before such nodes.  Blocks passed to a
 * parent follow the inheritance spec's reindentation rules (whitespace.md of
 * the spec repository): an argument block loses its own "intrinsic"
 * indentation at parse time and gains the indentation of the parameter block it
 * replaces at render time.
 *
 * Rendering reads the tree and the view only; all state lives in a struct on
 * the caller's stack, so one set renders in many threads at once. */
#include "mustache.h"
#include "arena.h"
#include "escape.h"
#include "util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the parsed tree ---- */

typedef enum { N_TEXT, N_VAR, N_RAW, N_SECTION, N_INVERTED, N_PARTIAL, N_PARENT, N_BLOCK } ntype;

typedef struct node node;
struct node {
	ntype t;
	bool bol;        /* begins a source line: the current indentation is written before it */
	bool standalone; /* its line was removed with it, so it never writes indentation itself */
	const char *s;   /* N_TEXT: the text; other nodes: the name; points into the source copy */
	size_t n;
	const char *ind; /* standalone N_PARTIAL/N_PARENT: added to the expansion's indentation;
	                    N_BLOCK: added to the indentation of a block that overrides it */
	size_t ilen;
	node *kids;      /* section and block bodies; a parent's argument blocks */
	size_t nkids;
	int line, col;   /* of the tag, for mustache_set_check_partials */
};

typedef struct tmpl {
	char *name, *file;
	char *src; /* owned copy: nodes point into it */
	size_t len;
	node *root;
	size_t nroot;
	arena *a; /* nodes */
} tmpl;

struct mustache_set {
	tmpl **items; /* in the order added: check_partials reports in a stable order */
	size_t n, cap;
	size_t *slots; /* open-addressing hash of names: index + 1 into items, 0 = empty */
	size_t nslots;
};

/* ---- the set ---- */

static size_t hash_name(const char *s, size_t n)
{
	size_t h = 2166136261u; /* FNV-1a: names are short, any decent mixing will do */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static bool name_is(const char *name, const char *s, size_t n)
{
	/* First byte first: most keys of a map differ there (hot path of lookup). */
	if (n && name[0] != s[0])
		return false;
	return !strncmp(name, s, n) && name[n] == '\0';
}

/* Slot of name: the one holding it, or the empty one where it would go. */
static size_t *set_slot(const mustache_set *s, const char *name, size_t n)
{
	size_t mask = s->nslots - 1;
	for (size_t i = hash_name(name, n) & mask;; i = (i + 1) & mask) {
		size_t *slot = &s->slots[i];
		if (!*slot || name_is(s->items[*slot - 1]->name, name, n))
			return slot;
	}
}

static const tmpl *set_find(const mustache_set *s, const char *name, size_t n)
{
	size_t *slot = set_slot(s, name, n);
	return *slot ? s->items[*slot - 1] : NULL;
}

static void set_rehash(mustache_set *s)
{
	free(s->slots);
	s->nslots = s->nslots ? s->nslots * 2 : 16;
	s->slots = xcalloc(s->nslots, sizeof *s->slots);
	for (size_t i = 0; i < s->n; i++)
		*set_slot(s, s->items[i]->name, strlen(s->items[i]->name)) = i + 1;
}

static void tmpl_free(tmpl *t)
{
	if (!t)
		return;
	arena_free(t->a);
	free(t->name);
	free(t->file);
	free(t->src);
	free(t);
}

/* Stores t, replacing a template of the same name. */
static void set_put(mustache_set *s, tmpl *t)
{
	size_t *slot = set_slot(s, t->name, strlen(t->name));
	if (*slot) {
		tmpl_free(s->items[*slot - 1]);
		s->items[*slot - 1] = t;
		return;
	}
	xgrow((void **)&s->items, &s->cap, s->n + 1, sizeof *s->items);
	s->items[s->n++] = t;
	*slot = s->n;
	if (s->n * 2 > s->nslots) /* keep the table at most half full */
		set_rehash(s);
}

mustache_set *mustache_set_new(void)
{
	mustache_set *s = xcalloc(1, sizeof *s);
	set_rehash(s);
	return s;
}

bool mustache_set_has(const mustache_set *s, const char *name)
{
	return set_find(s, name, strlen(name)) != NULL;
}

void mustache_set_free(mustache_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		tmpl_free(s->items[i]);
	free(s->items);
	free(s->slots);
	free(s);
}

/* ---- parser state ---- */

typedef enum {
	K_TEXT, K_VAR, K_RAW, K_SECTION, K_INVERTED, K_CLOSE, K_PARTIAL, K_PARENT, K_BLOCK, K_COMMENT,
	K_DELIM
} tkind;

typedef struct tok {
	tkind k;
	size_t start, end; /* text: the (trimmed) text; tag: from opening to closing delimiter */
	size_t name, nlen; /* tag name, trimmed */
	int line, col;
	size_t match;      /* opening tag <-> its closing tag */
	bool standalone;   /* the tag's line (whitespace, line end) was removed */
	bool argument;     /* K_BLOCK directly inside a K_PARENT */
	size_t ind, ilen;  /* indentation, see node.ind; argument block: its intrinsic indentation */
} tok;

typedef struct span {
	size_t off, len;
} span;

typedef struct parser {
	const char *src;
	size_t len;
	const char *file;
	diag_list *dl;
	int errors;
	tok *toks;
	size_t ntoks, cap;
	size_t pos; /* line/col tracker: only moves forward */
	int line, col;
	span strips[MUSTACHE_MAX_NESTING + 1]; /* intrinsic indentation of enclosing argument blocks */
	size_t nstrips;
	arena *a;
} parser;

static void perr(parser *p, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void perr(parser *p, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(p->dl, DIAG_ERROR, p->file, line, col, fmt, ap);
	va_end(ap);
	p->errors++;
}

/* Moves the tracker to byte `to`; columns count characters, not bytes. */
static void track(parser *p, size_t to)
{
	for (; p->pos < to; p->pos++) {
		unsigned char c = (unsigned char)p->src[p->pos];
		if (c == '\n') {
			p->line++;
			p->col = 1;
		} else if ((c & 0xC0) != 0x80) {
			p->col++;
		}
	}
}

static bool is_ws(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* ---- pass 0: encoding ---- */

/* Length of the valid UTF-8 sequence at s[0..n), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	if (s[0] < 0x80)
		return s[0] ? 1 : 0;
	size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
	unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
	if (s[0] < 0xC2 || s[0] > 0xF4 || n < len)
		return 0;
	if (s[0] == 0xE0)
		lo = 0xA0; /* overlong */
	else if (s[0] == 0xED)
		hi = 0x9F; /* surrogates */
	else if (s[0] == 0xF0)
		lo = 0x90; /* overlong */
	else if (s[0] == 0xF4)
		hi = 0x8F; /* above U+10FFFF */
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

static bool check_utf8(parser *p)
{
	const unsigned char *s = (const unsigned char *)p->src;
	for (size_t i = 0; i < p->len;) {
		size_t n = utf8_len(s + i, p->len - i);
		if (!n) {
			track(p, i);
			perr(p, p->line, p->col, s[i] ? "неверная кодировка: шаблон должен быть в UTF-8"
			                              : "недопустимый символ NUL в шаблоне");
			return false;
		}
		i += n;
	}
	return true;
}

/* ---- pass 1: lex ---- */

#define NPOS ((size_t)-1)

/* First occurrence of pat in src[from..len) preceded by the character `before`
 * (0: any), as the index of pat; NPOS if none. */
static size_t find(const parser *p, size_t from, const char *pat, size_t plen, char before)
{
	for (size_t i = from; i + plen <= p->len; i++) {
		const char *hit = memchr(p->src + i, pat[0], p->len - i - plen + 1);
		if (!hit)
			return NPOS;
		i = (size_t)(hit - p->src);
		if (!memcmp(hit, pat, plen) && (!before || (i > from && p->src[i - 1] == before)))
			return i;
	}
	return NPOS;
}

static tok *push_tok(parser *p, tkind k, size_t start, size_t end)
{
	xgrow((void **)&p->toks, &p->cap, p->ntoks + 1, sizeof *p->toks);
	tok *t = &p->toks[p->ntoks++];
	memset(t, 0, sizeof *t);
	t->k = k;
	t->start = start;
	t->end = end;
	t->line = p->line;
	t->col = p->col;
	return t;
}

typedef struct delims {
	const char *open, *close;
	size_t olen, clen;
} delims;

static tkind sigil_kind(char c)
{
	switch (c) {
	case '#': return K_SECTION;
	case '^': return K_INVERTED;
	case '/': return K_CLOSE;
	case '>': return K_PARTIAL;
	case '<': return K_PARENT;
	case '$': return K_BLOCK;
	case '!': return K_COMMENT;
	case '=': return K_DELIM;
	case '&': case '{': return K_RAW;
	default: return K_VAR;
	}
}

/* A name the context can resolve: "." or keys joined by single dots. */
static bool dotted_ok(const char *s, size_t n)
{
	if (n == 1 && s[0] == '.')
		return true;
	if (s[0] == '.' || s[n - 1] == '.')
		return false;
	for (size_t i = 1; i < n; i++)
		if (s[i] == '.' && s[i - 1] == '.')
			return false;
	return true;
}

/* Checks the name of tag t; false (after an error) when the tag is unusable. */
static bool check_name(parser *p, const tok *t)
{
	const char *s = p->src + t->name;
	if (!t->nlen) {
		perr(p, t->line, t->col, "в теге нет имени");
		return false;
	}
	for (size_t i = 0; i < t->nlen; i++) {
		if (is_space(s[i])) {
			perr(p, t->line, t->col, "в имени «%.*s» не может быть пробелов", (int)t->nlen, s);
			return false;
		}
	}
	bool resolved = t->k == K_VAR || t->k == K_RAW || t->k == K_SECTION || t->k == K_INVERTED;
	if (resolved && !dotted_ok(s, t->nlen)) {
		perr(p, t->line, t->col, "неверное имя «%.*s»: ключи разделяются одной точкой, например «school.name»",
		     (int)t->nlen, s);
		return false;
	}
	return true;
}

/* Reads the new delimiters of a {{=a b=}} tag whose content is src[from..to). */
static bool set_delims(parser *p, const tok *t, size_t from, size_t to, delims *d)
{
	const char *s = p->src;
	size_t a = from;
	while (a < to && is_space(s[a]))
		a++;
	size_t ae = a;
	while (ae < to && !is_space(s[ae]))
		ae++;
	size_t b = ae;
	while (b < to && is_space(s[b]))
		b++;
	size_t be = b;
	while (be < to && !is_space(s[be]))
		be++;
	size_t rest = be;
	while (rest < to && is_space(s[rest]))
		rest++;
	if (ae == a || be == b || rest != to) {
		perr(p, t->line, t->col,
		     "неверный тег смены разделителей: нужны два разделителя через пробел, например {{=<%% %%>=}}");
		return false;
	}
	d->open = s + a;
	d->olen = ae - a;
	d->close = s + b;
	d->clen = be - b;
	return true;
}

/* Lexes the tag whose opening delimiter is at `at`; sets *next past it.
 * False on an error that makes the rest of the source unreadable. */
static bool lex_tag(parser *p, size_t at, delims *d, size_t *next)
{
	size_t q = at + d->olen;
	while (q < p->len && is_space(p->src[q]))
		q++;
	char c = q < p->len ? p->src[q] : '\0';
	tkind k = sigil_kind(c);
	if (k != K_VAR)
		q++;
	char before = c == '{' ? '}' : c == '=' ? '=' : '\0';
	size_t close = find(p, q, d->close, d->clen, before);
	tok *t = push_tok(p, k, at, 0);
	if (close == NPOS) {
		perr(p, t->line, t->col, "тег не закрыт: нет «%s%.*s»", before == '}' ? "}" : before == '=' ? "=" : "",
		     (int)d->clen, d->close);
		return false;
	}
	t->end = *next = close + d->clen;
	size_t ne = before ? close - 1 : close;
	if (k == K_DELIM)
		return set_delims(p, t, q, ne, d);
	while (q < ne && is_space(p->src[q]))
		q++;
	while (ne > q && is_space(p->src[ne - 1]))
		ne--;
	t->name = q;
	t->nlen = ne - q;
	if (k != K_COMMENT && !check_name(p, t))
		t->k = K_COMMENT; /* reported; keep going to report more */
	return true;
}

static bool lex(parser *p)
{
	delims d = {"{{", "}}", 2, 2};
	size_t i = 0;
	while (i < p->len) {
		size_t at = find(p, i, d.open, d.olen, '\0');
		if (at == NPOS)
			at = p->len;
		if (at > i)
			push_tok(p, K_TEXT, i, at);
		if (at == p->len)
			break;
		track(p, at);
		if (!lex_tag(p, at, &d, &i))
			return false;
	}
	return true;
}

/* ---- pass 2: match ---- */

static bool is_opener(tkind k)
{
	return k == K_SECTION || k == K_INVERTED || k == K_PARENT || k == K_BLOCK;
}

static bool same_name(const parser *p, const tok *a, const tok *b)
{
	return a->nlen == b->nlen && !memcmp(p->src + a->name, p->src + b->name, a->nlen);
}

static void report_unclosed(parser *p, const tok *t)
{
	const char *what = t->k == K_PARENT ? "родительский шаблон" : t->k == K_BLOCK ? "блок" : "секция";
	const char *verb = t->k == K_PARENT || t->k == K_BLOCK ? "закрыт" : "закрыта";
	const char *name = p->src + t->name;
	perr(p, t->line, t->col, "%s «%.*s» не %s: нет {{/%.*s}}", what, (int)t->nlen, name, verb, (int)t->nlen,
	     name);
}

/* Pairs the closing tag c with an opener on the stack; false if it pairs with none. */
static bool close_tag(parser *p, size_t c, size_t *stack, size_t *depth)
{
	tok *t = &p->toks[c];
	const char *name = p->src + t->name;
	if (!*depth) {
		perr(p, t->line, t->col, "закрывающий тег «%.*s» без открывающего", (int)t->nlen, name);
		return false;
	}
	tok *top = &p->toks[stack[*depth - 1]];
	if (!same_name(p, t, top))
		perr(p, t->line, t->col, "закрывающий тег «%.*s» не соответствует открытому «%.*s» (строка %d)",
		     (int)t->nlen, name, (int)top->nlen, p->src + top->name, top->line);
	/* Recover by closing the nearest opener of that name, so that one typo
	 * does not turn every later tag into an error. */
	for (size_t d = *depth; d-- > 0;) {
		tok *o = &p->toks[stack[d]];
		if (same_name(p, t, o)) {
			o->match = c;
			t->match = stack[d];
			*depth = d;
			return true;
		}
	}
	return false;
}

static bool match(parser *p)
{
	size_t stack[MUSTACHE_MAX_NESTING], depth = 0;
	for (size_t i = 0; i < p->ntoks; i++) {
		tok *t = &p->toks[i];
		if (is_opener(t->k)) {
			if (depth == MUSTACHE_MAX_NESTING) {
				perr(p, t->line, t->col, "слишком глубокая вложенность: больше %d секций друг в друге",
				     MUSTACHE_MAX_NESTING);
				return false;
			}
			stack[depth++] = i;
		} else if (t->k == K_CLOSE && !close_tag(p, i, stack, &depth)) {
			t->k = K_COMMENT;
		}
	}
	for (size_t d = 0; d < depth; d++)
		report_unclosed(p, &p->toks[stack[d]]);
	return !p->errors;
}

/* ---- pass 3: whitespace ---- */

/* True when only spaces/tabs lie between the start of the line and `at`;
 * *ls is the line start. */
static bool left_clear(const parser *p, size_t at, size_t *ls)
{
	while (at > 0 && is_ws(p->src[at - 1]))
		at--;
	*ls = at;
	return at == 0 || p->src[at - 1] == '\n';
}

/* True when only spaces/tabs lie between `at` and the line end (\n, \r\n or
 * the end of the source); *le is just past the line end. */
static bool right_clear(const parser *p, size_t at, size_t *le)
{
	while (at < p->len && is_ws(p->src[at]))
		at++;
	if (at < p->len && p->src[at] == '\r' && at + 1 < p->len && p->src[at + 1] == '\n')
		at++;
	if (at < p->len && p->src[at] == '\n')
		at++;
	else if (at < p->len)
		return false;
	*le = at;
	return true;
}

/* Removes the whitespace between the line start ls and tag i (the tail of the
 * text token before it) and records it as the tag's indentation. */
static void trim_left(parser *p, size_t i, size_t ls)
{
	tok *t = &p->toks[i];
	if (i > 0 && p->toks[i - 1].k == K_TEXT && p->toks[i - 1].end > ls)
		p->toks[i - 1].end = ls;
	t->ind = ls;
	t->ilen = t->start - ls;
}

/* Removes what follows tag i up to le (spaces and the line end). */
static void trim_right(parser *p, size_t i, size_t le)
{
	if (i + 1 < p->ntoks && p->toks[i + 1].k == K_TEXT && p->toks[i + 1].start < le)
		p->toks[i + 1].start = le;
}

/* An ordinary standalone tag: alone on its line, which disappears. */
static bool standalone(parser *p, size_t i)
{
	size_t ls, le;
	tok *t = &p->toks[i];
	if (!left_clear(p, t->start, &ls) || !right_clear(p, t->end, &le))
		return false;
	trim_left(p, i, ls);
	trim_right(p, i, le);
	t->standalone = true;
	return true;
}

/* Indentation of the line starting at ls, less the intrinsic indentation of
 * the enclosing argument blocks (which the builder strips from their lines). */
static span intrinsic(const parser *p, size_t ls)
{
	span w = {ls, 0};
	while (w.off + w.len < p->len && is_ws(p->src[w.off + w.len]))
		w.len++;
	for (size_t i = 0; i < p->nstrips; i++) {
		const span *s = &p->strips[i];
		if (w.len >= s->len && !memcmp(p->src + w.off, p->src + s->off, s->len)) {
			w.off += s->len;
			w.len -= s->len;
		}
	}
	return w;
}

/* {{<parent}}: its leading whitespace is its indentation when it starts its
 * line and the pair ends its line (or it is alone on its line); what follows
 * it inside the pair is not output anyway. */
static void ws_parent(parser *p, size_t i)
{
	tok *t = &p->toks[i];
	size_t ls, le, cle;
	bool lc = left_clear(p, t->start, &ls);
	if (lc && (right_clear(p, t->end, &le) || right_clear(p, p->toks[t->match].end, &cle))) {
		trim_left(p, i, ls);
		t->standalone = true;
	}
}

/* {{/parent}}: ends a standalone pair, or stands alone on its line. */
static void ws_parent_close(parser *p, size_t i)
{
	tok *t = &p->toks[i];
	size_t ls, le;
	if (right_clear(p, t->end, &le) &&
	    (left_clear(p, t->start, &ls) || p->toks[t->match].standalone)) {
		trim_right(p, i, le);
		t->standalone = true;
	}
}

/* An argument block (directly inside a parent) is a template of its own: a
 * line end right after its opening tag belongs to the tag, and the indentation
 * of its first line is its intrinsic indentation, removed from every line. */
static void ws_argument(parser *p, size_t i)
{
	tok *t = &p->toks[i];
	size_t le;
	t->argument = true;
	t->ilen = 0;
	if (right_clear(p, t->end, &le)) {
		trim_right(p, i, le);
		span w = intrinsic(p, le);
		t->ind = w.off;
		t->ilen = w.len;
	}
	p->strips[p->nstrips++] = (span){t->ind, t->ilen};
}

/* {{/block}} of an argument: whitespace before it on its line is not content;
 * what follows it is the parent's (ignored) text, so its line end stays. */
static void ws_argument_close(parser *p, size_t i)
{
	size_t ls;
	if (left_clear(p, p->toks[i].start, &ls))
		trim_left(p, i, ls);
	p->nstrips--;
}

/* A parameter block (outside parents): its tags are ordinary standalone tags.
 * If the pair starts and ends its lines, an overriding block is indented: by
 * the intrinsic indentation when the opening tag stands alone, else by the
 * whitespace before the opening tag (which stays in the output as text). */
static void ws_parameter(parser *p, size_t i)
{
	tok *t = &p->toks[i];
	size_t ls, le, cle;
	bool lc = left_clear(p, t->start, &ls);
	bool pair = lc && right_clear(p, p->toks[t->match].end, &cle);
	if (standalone(p, i)) {
		right_clear(p, t->end, &le);
		span w = pair ? intrinsic(p, le) : (span){0, 0};
		t->ind = w.off;
		t->ilen = w.len;
	} else {
		t->ind = ls;
		t->ilen = pair ? t->start - ls : 0;
	}
}

static void whitespace(parser *p)
{
	size_t stack[MUSTACHE_MAX_NESTING], depth = 0;
	for (size_t i = 0; i < p->ntoks; i++) {
		tok *t = &p->toks[i];
		switch (t->k) {
		case K_TEXT: case K_VAR: case K_RAW:
			break; /* interpolation is never standalone */
		case K_PARENT:
			ws_parent(p, i);
			break;
		case K_BLOCK:
			if (depth && p->toks[stack[depth - 1]].k == K_PARENT)
				ws_argument(p, i);
			else
				ws_parameter(p, i);
			break;
		case K_CLOSE: {
			const tok *o = &p->toks[t->match];
			if (o->k == K_PARENT)
				ws_parent_close(p, i);
			else if (o->argument)
				ws_argument_close(p, i);
			else
				standalone(p, i);
			depth--;
			break;
		}
		default:
			standalone(p, i);
		}
		if (is_opener(t->k))
			stack[depth++] = i;
	}
}

/* ---- pass 4: build ---- */

typedef struct nvec {
	node *v;
	size_t n, cap;
} nvec;

static node *nvec_push(nvec *v, ntype t)
{
	xgrow((void **)&v->v, &v->cap, v->n + 1, sizeof *v->v);
	node *nd = &v->v[v->n++];
	memset(nd, 0, sizeof *nd);
	nd->t = t;
	return nd;
}

/* Moves the vector into the template's arena. */
static node *nvec_finish(parser *p, nvec *v, size_t *count)
{
	node *out = NULL;
	if (v->n) {
		out = arena_alloc(p->a, v->n * sizeof *out);
		memcpy(out, v->v, v->n * sizeof *out);
	}
	*count = v->n;
	free(v->v);
	return out;
}

static bool at_bol(const parser *p, size_t at)
{
	return at == 0 || p->src[at - 1] == '\n';
}

/* Applies the enclosing argument blocks' intrinsic indentation to a line
 * starting at *at; true if anything was removed. */
static bool strip_line(const parser *p, size_t *at, size_t end)
{
	bool any = false;
	for (size_t i = 0; i < p->nstrips; i++) {
		const span *s = &p->strips[i];
		if (s->len && end - *at >= s->len && !memcmp(p->src + *at, p->src + s->off, s->len)) {
			*at += s->len;
			any = true;
		}
	}
	return any;
}

/* One text node per line, so that each line start can take indentation. */
static void build_text(parser *p, const tok *t, nvec *out)
{
	for (size_t a = t->start; a < t->end;) {
		const char *nl = memchr(p->src + a, '\n', t->end - a);
		size_t e = nl ? (size_t)(nl - p->src) + 1 : t->end;
		bool bol = at_bol(p, a);
		/* A line emptied by stripping still starts a line: keep it so that
		 * the tag after it gets the indentation. */
		bool stripped = bol && strip_line(p, &a, e);
		if (a < e || stripped) {
			node *nd = nvec_push(out, N_TEXT);
			nd->bol = bol;
			nd->s = p->src + a;
			nd->n = e - a;
		}
		a = e;
	}
}

static node *build_list(parser *p, size_t from, size_t to, size_t *count);

static node *tag_node(parser *p, nvec *out, ntype type, const tok *t)
{
	node *nd = nvec_push(out, type);
	nd->standalone = t->standalone;
	nd->bol = !t->standalone && at_bol(p, t->start);
	nd->s = p->src + t->name;
	nd->n = t->nlen;
	nd->ind = p->src + t->ind;
	nd->ilen = t->ilen;
	nd->line = t->line;
	nd->col = t->col;
	return nd;
}

static bool blank(const parser *p, const tok *t)
{
	for (size_t i = t->start; i < t->end; i++)
		if (!is_space(p->src[i]))
			return false;
	return true;
}

/* Kids of a parent: its argument blocks.  Anything else inside the pair is
 * never output (the spec), which a webmaster may not expect: warn once. */
static void build_parent(parser *p, node *nd, size_t from, size_t to)
{
	nvec v = {0};
	bool ignored = false;
	for (size_t i = from; i < to; i++) {
		const tok *t = &p->toks[i];
		if (t->k == K_BLOCK) {
			node *b = tag_node(p, &v, N_BLOCK, t);
			p->strips[p->nstrips++] = (span){t->ind, t->ilen};
			b->kids = build_list(p, i + 1, t->match, &b->nkids);
			p->nstrips--;
		} else if (t->k != K_COMMENT && t->k != K_DELIM && (t->k != K_TEXT || !blank(p, t))) {
			ignored = true;
		}
		if (is_opener(t->k))
			i = t->match;
	}
	if (ignored)
		diag_add(p->dl, DIAG_WARNING, p->file, nd->line, nd->col,
		         "внутри {{<%.*s}} выводятся только блоки {{$…}}; остальное содержимое пропущено",
		         (int)nd->n, nd->s);
	nd->kids = nvec_finish(p, &v, &nd->nkids);
}

static const ntype tag_ntype[] = {
	[K_VAR] = N_VAR, [K_RAW] = N_RAW, [K_SECTION] = N_SECTION, [K_INVERTED] = N_INVERTED,
	[K_PARTIAL] = N_PARTIAL, [K_PARENT] = N_PARENT, [K_BLOCK] = N_BLOCK,
};

/* Builds the nodes of tokens [from, to). */
static node *build_list(parser *p, size_t from, size_t to, size_t *count)
{
	nvec v = {0};
	for (size_t i = from; i < to; i++) {
		const tok *t = &p->toks[i];
		if (t->k == K_TEXT) {
			build_text(p, t, &v);
			continue;
		}
		if (t->k == K_COMMENT || t->k == K_DELIM || t->k == K_CLOSE)
			continue;
		/* nd stays valid: nested lists are built in vectors of their own */
		node *nd = tag_node(p, &v, tag_ntype[t->k], t);
		if (t->k == K_PARENT)
			build_parent(p, nd, i + 1, t->match);
		else if (is_opener(t->k))
			nd->kids = build_list(p, i + 1, t->match, &nd->nkids);
		if (is_opener(t->k))
			i = t->match;
	}
	return nvec_finish(p, &v, count);
}

/* ---- adding a template ---- */

static bool parse(parser *p, tmpl *t)
{
	if (p->len > MUSTACHE_MAX_SIZE) {
		perr(p, 0, 0, "шаблон слишком большой: %zu байт, допустимо не больше %d МиБ", p->len,
		     MUSTACHE_MAX_SIZE >> 20);
		return false;
	}
	if (!check_utf8(p))
		return false;
	p->pos = 0;
	p->line = p->col = 1;
	/* A bad name is reported and its tag dropped, so pairing still runs and
	 * reports unclosed sections in the same pass. */
	if (!lex(p) || !match(p) || p->errors)
		return false;
	whitespace(p);
	t->root = build_list(p, 0, p->ntoks, &t->nroot);
	return true;
}

int mustache_set_add(mustache_set *s, const char *name, const char *file, const char *src, size_t len,
                     diag_list *dl)
{
	tmpl *t = xcalloc(1, sizeof *t);
	t->name = xstrdup(name);
	t->file = xstrdup(file ? file : "");
	t->src = xmalloc(len + 1);
	if (len)
		memcpy(t->src, src, len);
	t->src[len] = '\0';
	t->len = len;
	t->a = arena_new();
	parser p = {.src = t->src, .len = len, .file = t->file, .dl = dl, .line = 1, .col = 1, .a = t->a};
	bool ok = parse(&p, t);
	free(p.toks);
	if (!ok) { /* keep it, empty: see the header */
		t->root = NULL;
		t->nroot = 0;
	}
	set_put(s, t);
	return ok ? 0 : -1;
}

/* ---- checking partials ---- */

static int check_nodes(const mustache_set *s, const tmpl *t, const node *ns, size_t n, diag_list *dl)
{
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		const node *nd = &ns[i];
		if ((nd->t == N_PARTIAL || nd->t == N_PARENT) && !set_find(s, nd->s, nd->n)) {
			diag_add(dl, DIAG_ERROR, t->file, nd->line, nd->col,
			         nd->t == N_PARTIAL ? "частичный шаблон «%.*s» не найден"
			                            : "родительский шаблон «%.*s» не найден",
			         (int)nd->n, nd->s);
			rc = -1;
		}
		if (check_nodes(s, t, nd->kids, nd->nkids, dl))
			rc = -1;
	}
	return rc;
}

int mustache_set_check_partials(const mustache_set *s, diag_list *dl)
{
	int rc = 0;
	for (size_t i = 0; i < s->n; i++)
		if (check_nodes(s, s->items[i], s->items[i]->root, s->items[i]->nroot, dl))
			rc = -1;
	return rc;
}

/* ---- rendering ---- */

/* The context stack, the override stack and the indentation are linked lists
 * on the C stack: rendering allocates nothing but output. */
typedef struct frame {
	const value *v;
	const struct frame *up;
} frame;

typedef struct ovr {
	const node *parent; /* a N_PARENT node: its kids are the overriding blocks */
	const struct ovr *up;
} ovr;

typedef struct indent {
	const char *s;
	size_t n;
	const struct indent *up;
} indent;

/* What the first line of a block override needs (see render_override). */
enum { PEND_NONE, PEND_FORCE, PEND_SUPPRESS };

/* Recursion of render_list, all kinds together: bounds the C stack whatever
 * mix of sections and partials a template uses. */
enum { MAX_RECURSION = 1000 };

/* Nodes visited per render: a real page needs a few million at most; a
 * template that fans out exponentially (a partial including another twice,
 * thirty levels deep) would otherwise hang the build. */
static const unsigned long MAX_STEPS = 10000000UL;

typedef struct rstate {
	const mustache_set *set;
	buf *out;
	int depth;     /* partials, parents, overrides being expanded */
	int recursion; /* render_list calls being run */
	unsigned long steps;
	int pending;   /* PEND_*: the first line of a block override */
	int err;
} rstate;

static void render_list(rstate *r, const node *ns, size_t n, const frame *f, const ovr *o, const indent *ind);

static void emit_indent(buf *out, const indent *ind)
{
	if (!ind)
		return;
	emit_indent(out, ind->up);
	buf_put(out, ind->s, ind->n);
}

/* Writes the indentation a node takes: at a source line start, or at the
 * start of an override's first line. */
static void line_start(rstate *r, const node *nd, const indent *ind)
{
	if (nd->standalone)
		return; /* its line is gone: what it expands decides */
	if ((nd->bol || r->pending == PEND_FORCE) && r->pending != PEND_SUPPRESS)
		emit_indent(r->out, ind);
	r->pending = PEND_NONE;
}

static const value *map_get(const value *m, const char *k, size_t n)
{
	if (!m || m->kind != V_MAP)
		return NULL;
	for (size_t i = 0; i < m->n; i++)
		if (name_is(m->keys[i], k, n))
			return m->items[i];
	return NULL;
}

/* The spec's name resolution: the first key up the context stack, the
 * following keys only inside what the previous one found. */
static const value *lookup(const frame *f, const char *name, size_t n)
{
	if (n == 1 && name[0] == '.')
		return f->v;
	const char *dot = memchr(name, '.', n);
	size_t first = dot ? (size_t)(dot - name) : n;
	const value *v = NULL;
	for (; f && !v; f = f->up)
		v = map_get(f->v, name, first);
	while (v && dot) {
		const char *key = dot + 1;
		size_t left = n - (size_t)(key - name);
		dot = memchr(key, '.', left);
		v = map_get(v, key, dot ? (size_t)(dot - key) : left);
	}
	return v;
}

static void render_var(rstate *r, const node *nd, const frame *f)
{
	const value *v = lookup(f, nd->s, nd->n);
	const char *s = !v ? NULL : v->kind == V_STR ? v->s : v->kind == V_BOOL ? (v->b ? "true" : "false") : NULL;
	if (!s)
		return;
	if (nd->t == N_VAR)
		escape_html(r->out, s, strlen(s));
	else
		buf_puts(r->out, s);
}

static void render_section(rstate *r, const node *nd, const frame *f, const ovr *o, const indent *ind)
{
	const value *v = lookup(f, nd->s, nd->n);
	if (nd->t == N_INVERTED) {
		if (!v_truthy(v))
			render_list(r, nd->kids, nd->nkids, f, o, ind);
		return;
	}
	if (!v_truthy(v))
		return;
	size_t n = v->kind == V_LIST ? v->n : 1;
	for (size_t i = 0; i < n && !r->err; i++) {
		frame top = {v->kind == V_LIST ? v->items[i] : v, f};
		render_list(r, nd->kids, nd->nkids, &top, o, ind);
	}
}

static bool enter(rstate *r)
{
	if (r->depth >= MUSTACHE_MAX_DEPTH) {
		r->err = MUSTACHE_EDEPTH;
		return false;
	}
	r->depth++;
	return true;
}

/* {{>name}} and {{<name}}…{{/name}}: a standalone one indents the whole
 * expansion by its leading whitespace; an inline one starts a fresh
 * indentation, as the spec's "prepend to each line of the partial" implies. */
static void render_partial(rstate *r, const node *nd, const frame *f, const ovr *o, const indent *ind)
{
	const tmpl *t = set_find(r->set, nd->s, nd->n);
	if (!t || !enter(r))
		return;
	indent in = {nd->ind, nd->ilen, ind};
	ovr args = {nd, o};
	render_list(r, t->root, t->nroot, f, nd->t == N_PARENT ? &args : o, nd->standalone ? &in : NULL);
	r->depth--;
}

/* The block overriding `name`: the outermost one wins ("top-level
 * substitutions take precedence"), so keep the last match up the stack. */
static const node *find_override(const ovr *o, const char *name, size_t n)
{
	const node *found = NULL;
	for (; o; o = o->up)
		for (size_t i = 0; i < o->parent->nkids; i++) {
			const node *b = &o->parent->kids[i];
			if (b->n == n && !memcmp(b->s, name, n)) {
				found = b;
				break;
			}
		}
	return found;
}

/* An overriding block replaces a parameter block.  Its first line starts a
 * fresh line when the parameter's tag stood alone (FORCE the indentation),
 * else it continues the parameter's line (SUPPRESS: the whitespace before the
 * tag is already written). */
static void render_block(rstate *r, const node *nd, const frame *f, const ovr *o, const indent *ind)
{
	const node *arg = find_override(o, nd->s, nd->n);
	if (!arg) {
		render_list(r, nd->kids, nd->nkids, f, o, ind);
		return;
	}
	if (!enter(r)) /* a block may contain a block of its own name */
		return;
	indent in = {nd->ind, nd->ilen, ind};
	int saved = r->pending, mode = nd->standalone ? PEND_FORCE : PEND_SUPPRESS;
	r->pending = mode;
	render_list(r, arg->kids, arg->nkids, f, o, &in);
	if (r->pending == mode) /* produced nothing: the enclosing first line still waits */
		r->pending = saved;
	r->depth--;
}

static void render_node(rstate *r, const node *nd, const frame *f, const ovr *o, const indent *ind)
{
	line_start(r, nd, ind);
	switch (nd->t) {
	case N_TEXT: buf_put(r->out, nd->s, nd->n); break;
	case N_VAR: case N_RAW: render_var(r, nd, f); break;
	case N_SECTION: case N_INVERTED: render_section(r, nd, f, o, ind); break;
	case N_PARTIAL: case N_PARENT: render_partial(r, nd, f, o, ind); break;
	case N_BLOCK: render_block(r, nd, f, o, ind); break;
	}
}

static void render_list(rstate *r, const node *ns, size_t n, const frame *f, const ovr *o, const indent *ind)
{
	if (r->recursion >= MAX_RECURSION) {
		r->err = MUSTACHE_EDEPTH;
		return;
	}
	r->recursion++;
	for (size_t i = 0; i < n && !r->err; i++) {
		if (++r->steps > MAX_STEPS) {
			r->err = MUSTACHE_ELIMIT;
			break;
		}
		render_node(r, &ns[i], f, o, ind);
	}
	r->recursion--;
}

int mustache_render(const mustache_set *s, const char *name, const value *ctx, buf *out)
{
	const tmpl *t = set_find(s, name, strlen(name));
	if (!t)
		return MUSTACHE_ENOTFOUND;
	rstate r = {.set = s, .out = out};
	frame root = {ctx, NULL};
	render_list(&r, t->root, t->nroot, &root, NULL, NULL);
	return r.err;
}

const char *mustache_strerror(int rc)
{
	switch (rc) {
	case MUSTACHE_OK: return "нет ошибки";
	case MUSTACHE_ENOTFOUND: return "шаблон не найден";
	case MUSTACHE_EDEPTH: return "слишком глубокая вложенность частичных шаблонов (бесконечная рекурсия?)";
	case MUSTACHE_ELIMIT: return "шаблон выполняется слишком долго (бесконечная рекурсия частичных шаблонов?)";
	default: return "неизвестная ошибка шаблона";
	}
}
