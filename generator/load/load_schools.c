/* schools.csv and schools/<id>.md */
#include "csvread.h"
#include "fields.h"
#include "fsutil.h"
#include "loader.h"
#include "markdown.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum { COL_ID, COL_NAME, COL_SHORT, COL_ADDRESS, COL_WEBSITE, COL_PHONE, COL_EMAIL, COL_HEAD, COL_GROUPS, NCOLS };

static const char *const COL_NAMES[NCOLS] = {"id", "name", "short_name", "address", "website",
                                             "phone", "email", "head", "groups"};
static const char *const ALIASES[NCOLS][4] = {
	{"код", NULL},
	{"наименование", "название", NULL},
	{"краткое наименование", "краткое название", NULL},
	{"адрес", NULL},
	{"сайт", NULL},
	{"телефон", NULL},
	{"электронная почта", "e-mail", NULL},
	{"руководитель", "директор", NULL},
	{"группы", NULL},
};
static const char *const SCHOOL_MD_KEYS[] = {"title", "description", NULL};

static const char *cell(loader *L, const csv_row *r, int col)
{
	const char *t = csv_cell_text(r, col);
	return *t ? arena_strdup(L->a, t) : NULL;
}

static void split_groups(loader *L, school *sc, const csv_row *r, int col, const char *file)
{
	const char *t = csv_cell_text(r, col);
	size_t cap = strlen(t) / 2 + 1;
	sc->groups = arena_alloc(L->a, cap * sizeof(char *));
	for (const char *p = t; *p;) {
		while (*p == ' ' || *p == ',')
			p++;
		size_t n = strcspn(p, " ,");
		if (!n)
			break;
		char *g = arena_strndup(L->a, p, n);
		if (!f_valid_id(g))
			diag_add(L->dl, DIAG_ERROR, file, r->cells[col].line, r->cells[col].col,
			         "группа «%s»: только строчные латинские буквы, цифры и дефис", g);
		else
			sc->groups[sc->ngroups++] = g;
		p += n;
	}
}

/* Ids accepted so far: open addressing over indices into s->schools (index + 1;
 * 0 = empty), so that a registry is checked in linear time — comparing every
 * pair took minutes on a file of a million rows. */
typedef struct idset {
	size_t *slots;
	size_t mask;
} idset;

static size_t *id_slot(const idset *h, const school *schools, const char *id)
{
	size_t x = 2166136261u;
	for (const char *p = id; *p; p++)
		x = (x ^ (unsigned char)*p) * 16777619u;
	for (size_t i = x & h->mask;; i = (i + 1) & h->mask)
		if (!h->slots[i] || !strcmp(schools[h->slots[i] - 1].id, id))
			return &h->slots[i];
}

/* hdr[c]: the arena copy of the name of unknown column c (shown as a school
 * property), NULL for known or unnamed columns. */
static void load_row(loader *L, const csv_table *t, const csv_row *r, const int *cols, const char *file,
                     idset *seen, const char *const *hdr)
{
	site *s = L->s;
	school *sc = &s->schools[s->nschools];
	memset(sc, 0, sizeof *sc);
	sc->id = cell(L, r, cols[COL_ID]);
	sc->name = cell(L, r, cols[COL_NAME]);
	sc->at = (pos){file, r->line, 1};
	const csv_cell *idc = cols[COL_ID] >= 0 && (size_t)cols[COL_ID] < r->n ? &r->cells[cols[COL_ID]] : NULL;
	if (!sc->id || !f_valid_id(sc->id)) {
		diag_add(L->dl, DIAG_ERROR, file, r->line, idc ? idc->col : 1,
		         "код школы «%s»: нужны строчные латинские буквы, цифры и дефис, например sosh-13",
		         sc->id ? sc->id : "");
		return;
	}
	size_t *slot = id_slot(seen, s->schools, sc->id);
	if (*slot) {
		diag_add(L->dl, DIAG_ERROR, file, r->line, idc->col, "код школы «%s» повторяется (первый раз в строке %d)",
		         sc->id, s->schools[*slot - 1].at.line);
		return;
	}
	if (!sc->name) {
		diag_add(L->dl, DIAG_ERROR, file, r->line, 1, "у школы «%s» не заполнено полное наименование (name)", sc->id);
		return;
	}
	sc->short_name = cell(L, r, cols[COL_SHORT]);
	if (!sc->short_name)
		sc->short_name = sc->name;
	sc->address = cell(L, r, cols[COL_ADDRESS]);
	sc->website = cell(L, r, cols[COL_WEBSITE]);
	if (sc->website && !str_starts(sc->website, "https://") && !str_starts(sc->website, "http://")) {
		const csv_cell *c = &r->cells[cols[COL_WEBSITE]];
		diag_add(L->dl, DIAG_ERROR, file, c->line, c->col, "сайт школы должен начинаться с https:// или http://");
		sc->website = NULL;
	}
	sc->phone = cell(L, r, cols[COL_PHONE]);
	sc->email = cell(L, r, cols[COL_EMAIL]);
	sc->head = cell(L, r, cols[COL_HEAD]);
	if (cols[COL_GROUPS] >= 0)
		split_groups(L, sc, r, cols[COL_GROUPS], file);
	/* Unknown columns: sized by the values kept, with the header names
	 * shared (hdr) — per-school copies of a wide header cost gigabytes. */
	size_t nextra = 0;
	for (size_t c = 0; c < t->header.n; c++)
		nextra += hdr[c] && *csv_cell_text(r, (int)c);
	sc->extra = nextra ? arena_alloc(L->a, nextra * sizeof(kv)) : NULL;
	for (size_t c = 0; c < t->header.n; c++) {
		const char *v = csv_cell_text(r, (int)c);
		if (hdr[c] && *v)
			sc->extra[sc->nextra++] = (kv){hdr[c], arena_strdup(L->a, v)};
	}
	*slot = ++s->nschools;
}

static int cmp_ids(const void *a, const void *b)
{
	return strcmp((*(school *const *)a)->id, (*(school *const *)b)->id);
}

static int cmp_schools(const void *a, const void *b)
{
	return school_cmp(a, b);
}

static void load_school_pages(loader *L)
{
	char *dir = load_path(L, "schools");
	char **names;
	int n = fs_list(dir, ".md", false, &names);
	if (n < 0 && fs_exists(dir)) /* there but unreadable: its pages must not vanish silently */
		diag_add(L->dl, DIAG_ERROR, "schools", 0, 0, "не удалось прочитать папку (нет прав?)");
	free(dir);
	for (int i = 0; i < n; i++) {
		const char *rel = arena_printf(L->a, "schools/%s", names[i]);
		char *id = xstrndup(names[i], strlen(names[i]) - 3);
		school *sc = site_school(L->s, id);
		free(id);
		if (!sc) {
			diag_add(L->dl, DIAG_ERROR, rel, 0, 0, "школы с кодом из имени файла нет в schools.csv");
			continue;
		}
		const char *body;
		ynode *meta = load_markdown(L, rel, &body);
		if (!meta)
			continue;
		f_check_keys(meta, SCHOOL_MD_KEYS, "шапке страницы школы", L->dl);
		sc->description = f_str(meta, "description", false, "", L->dl);
		sc->body_html = md_block(L->a, body);
	}
	if (n > 0)
		fs_names_free(names, n);
}

void load_schools(loader *L)
{
	char *path = load_path(L, "schools.csv");
	const char *file = "schools.csv";
	csv_table t;
	if (!fs_exists(path)) {
		diag_add(L->dl, DIAG_ERROR, file, 0, 0, "файл не найден: нужен реестр школ");
		free(path);
		return;
	}
	if (!fs_inside(L->root, path)) {
		/* A symlink out of the content folder: never read (load.c does the same for YAML and Markdown). */
		diag_add(L->dl, DIAG_ERROR, file, 0, 0, "файл ведёт за пределы папки с содержимым (символическая ссылка?)");
		free(path);
		return;
	}
	csv_read_file(path, file, &t, L->dl);
	free(path);
	int cols[NCOLS];
	for (int k = 0; k < NCOLS; k++)
		cols[k] = csv_find_col(&t, COL_NAMES[k], ALIASES[k]);
	if (t.header.n && (cols[COL_ID] < 0 || cols[COL_NAME] < 0)) {
		diag_add(L->dl, DIAG_ERROR, file, t.header.line, 1, "в строке заголовка нужны столбцы id и name");
	} else {
		L->s->schools = arena_alloc(L->a, (t.nrows ? t.nrows : 1) * sizeof(school));
		size_t nslots = 4;
		while (nslots < 2 * t.nrows)
			nslots *= 2;
		idset seen = {xcalloc(nslots, sizeof(size_t)), nslots - 1};
		const char **hdr = xcalloc(t.header.n + 1, sizeof(char *));
		for (size_t c = 0; c < t.header.n; c++) {
			bool known = false;
			for (int k = 0; k < NCOLS; k++)
				known |= cols[k] == (int)c;
			if (!known && *t.header.cells[c].text)
				hdr[c] = arena_strdup(L->a, t.header.cells[c].text);
		}
		for (size_t i = 0; i < t.nrows; i++)
			load_row(L, &t, &t.rows[i], cols, file, &seen, hdr);
		free(hdr);
		free(seen.slots);
		xsort(L->s->schools, L->s->nschools, sizeof(school), cmp_schools);
		L->s->by_id = arena_alloc(L->a, (L->s->nschools ? L->s->nschools : 1) * sizeof(school *));
		for (size_t i = 0; i < L->s->nschools; i++)
			L->s->by_id[i] = &L->s->schools[i];
		xsort(L->s->by_id, L->s->nschools, sizeof(school *), cmp_ids);
	}
	csv_table_free(&t);
	load_school_pages(L);
}
