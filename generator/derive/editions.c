#include "editions.h"
#include "utf8.h"
#include "util.h"

#include <stdlib.h>
#include <utf8proc.h>
#include <string.h>

/* Word list of a text: case-folded runs of letters and digits, sorted and
 * unique, so that similarity is a merge. */
typedef struct words {
	char **w;
	size_t n;
} words;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Letters and digits (any script) make words; everything else separates. */
static bool is_word_char(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) || c == UTF8PROC_CATEGORY_ND;
}

static words split_words(const char *text)
{
	words ws = {NULL, 0};
	char *f = text ? utf8_fold(text, strlen(text), UTF8_FOLD_YO) : NULL;
	if (!f)
		return ws;
	size_t cap = 0, len = strlen(f), start = 0;
	bool in_word = false;
	for (size_t i = 0; i <= len;) {
		int32_t cp = 0;
		size_t n = i < len ? utf8_decode(f + i, len - i, &cp) : 1;
		bool w = i < len && n && is_word_char(cp);
		if (w && !in_word)
			start = i;
		if (!w && in_word) {
			xgrow((void **)&ws.w, &cap, ws.n + 1, sizeof(char *));
			ws.w[ws.n++] = xstrndup(f + start, i - start);
		}
		in_word = w;
		i += n ? n : 1;
	}
	free(f);
	if (ws.n)
		xsort(ws.w, ws.n, sizeof(char *), cmp_str);
	size_t u = 0;
	for (size_t i = 0; i < ws.n; i++) {
		if (u && !strcmp(ws.w[u - 1], ws.w[i]))
			free(ws.w[i]);
		else
			ws.w[u++] = ws.w[i];
	}
	ws.n = u;
	return ws;
}

static void free_words(words *ws)
{
	for (size_t i = 0; i < ws->n; i++)
		free(ws->w[i]);
	free(ws->w);
}

static int dice(const words *a, const words *b)
{
	if (!a->n && !b->n)
		return 100;
	size_t i = 0, j = 0, common = 0;
	while (i < a->n && j < b->n) {
		int c = strcmp(a->w[i], b->w[j]);
		if (!c) {
			common++;
			i++;
			j++;
		} else if (c < 0) {
			i++;
		} else {
			j++;
		}
	}
	return (int)(200 * common / (a->n + b->n));
}

int text_similarity(const char *a, const char *b)
{
	words wa = split_words(a), wb = split_words(b);
	int d = dice(&wa, &wb);
	free_words(&wa);
	free_words(&wb);
	return d;
}

typedef struct act_ref {
	const activity *a;
	const document *doc;
	words w;
	long match;   /* index of the matched activity on the other side, -1 */
} act_ref;

static size_t collect(const edition *ed, act_ref **out)
{
	size_t n = 0, cap = 0;
	act_ref *r = NULL;
	for (size_t d = 0; d < ed->ndocs; d++)
		for (size_t k = 0; k < ed->docs[d].nsections; k++)
			for (size_t i = 0; i < ed->docs[d].sections[k].nacts; i++) {
				const activity *a = &ed->docs[d].sections[k].acts[i];
				xgrow((void **)&r, &cap, n + 1, sizeof(act_ref));
				r[n++] = (act_ref){a, &ed->docs[d], split_words(a->title_text), -1};
			}
	*out = r;
	return n;
}

typedef struct pair {
	int score;
	size_t i, j;
} pair;

static int cmp_pair(const void *pa, const void *pb)
{
	const pair *a = pa, *b = pb;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->i != b->i)
		return a->i < b->i ? -1 : 1;
	return a->j < b->j ? -1 : a->j > b->j;
}

/* The same place in the same document: same document, same section number and
 * same activity number (all given). */
static bool same_place(const act_ref *x, const act_ref *y)
{
	const section *sx = x->a->section, *sy = y->a->section;
	return x->a->number && y->a->number && !strcmp(x->a->number, y->a->number) && sx && sy && sx->number &&
	       sy->number && !strcmp(sx->number, sy->number) && x->doc->slug && y->doc->slug &&
	       !strcmp(x->doc->slug, y->doc->slug);
}

bool change_corresponds(int similarity, bool same_place_)
{
	return similarity >= CHANGE_NEAR_IDENTICAL_PERCENT || (same_place_ && similarity >= CHANGE_MATCH_PERCENT);
}

/* Greedy best-first matching; deterministic thanks to the total order. */
static void match(act_ref *now, size_t n, act_ref *before, size_t m)
{
	pair *p = NULL;
	size_t np = 0, cap = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < m; j++) {
			int sc = dice(&now[i].w, &before[j].w);
			if (!change_corresponds(sc, same_place(&now[i], &before[j])))
				continue;
			xgrow((void **)&p, &cap, np + 1, sizeof(pair));
			p[np++] = (pair){sc, i, j};
		}
	if (np)
		xsort(p, np, sizeof(pair), cmp_pair);
	for (size_t k = 0; k < np; k++) {
		if (now[p[k].i].match >= 0 || before[p[k].j].match >= 0)
			continue;
		now[p[k].i].match = (long)p[k].j;
		before[p[k].j].match = (long)p[k].i;
	}
	free(p);
}

static bool same_list(const activity *a, const activity *b)
{
	if (a->nresponsible != b->nresponsible)
		return false;
	for (size_t i = 0; i < a->nresponsible; i++)
		if (strcmp(a->responsible[i], b->responsible[i]))
			return false;
	return true;
}

static void diff_edition(site *s, edition *ed)
{
	act_ref *now, *before;
	size_t n = collect(ed, &now), m = collect(ed->prev, &before);
	match(now, n, before, m);
	ed->changes = arena_alloc(s->arena, (n + m ? n + m : 1) * sizeof(change));
	for (size_t i = 0; i < n; i++) {
		change c = {CH_ADDED, now[i].a, NULL, false, false, false};
		if (now[i].match >= 0) {
			const activity *b = before[now[i].match].a;
			c.kind = CH_CHANGED;
			c.before = b;
			c.reworded = !str_eq(now[i].a->title_text, b->title_text);
			c.deadline_changed = !str_eq(now[i].a->deadline_text, b->deadline_text);
			c.responsible_changed = !same_list(now[i].a, b);
			if (!c.reworded && !c.deadline_changed && !c.responsible_changed)
				continue;
			ed->nchanged++;
		} else {
			ed->nadded++;
		}
		ed->changes[ed->nchanges++] = c;
	}
	for (size_t j = 0; j < m; j++) {
		if (before[j].match >= 0)
			continue;
		ed->changes[ed->nchanges++] = (change){CH_REMOVED, NULL, before[j].a, false, false, false};
		ed->nremoved++;
	}
	for (size_t i = 0; i < n; i++)
		free_words(&now[i].w);
	for (size_t j = 0; j < m; j++)
		free_words(&before[j].w);
	free(now);
	free(before);
}

void editions_derive(site *s)
{
	for (size_t i = 0; i < s->neds; i++)
		if (s->eds[i].prev)
			diff_edition(s, &s->eds[i]);
}
