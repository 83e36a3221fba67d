#include "loader.h"
#include "escape.h"
#include "fields.h"
#include "frontmatter.h"
#include "fsutil.h"
#include "utf8.h"
#include "util.h"
#include "buf.h"

#include <stdlib.h>
#include <string.h>

/* Markdown files are prose: a few hundred KiB at most in practice. */
enum { MD_MAX_BYTES = 4 * 1024 * 1024 };

char *load_path(const loader *L, const char *rel)
{
	return fs_join(L->root, rel);
}

/* A content file that is a symlink leading out of the content folder is
 * refused: nothing outside the folder the author gave us is ever read. */
static bool safe_to_read(loader *L, const char *path, const char *rel)
{
	if (fs_inside(L->root, path))
		return true;
	diag_add(L->dl, DIAG_ERROR, rel, 0, 0, "файл ведёт за пределы папки с содержимым (символическая ссылка?)");
	return false;
}

ynode *load_yaml(loader *L, const char *rel, bool required)
{
	char *path = load_path(L, rel);
	ynode *root = NULL;
	if (!fs_exists(path)) {
		if (required)
			diag_add(L->dl, DIAG_ERROR, rel, 0, 0, "файл не найден");
	} else if (safe_to_read(L, path, rel)) {
		root = yaml_load(L->a, path, rel, L->dl);
	}
	free(path);
	return root;
}

ynode *load_markdown(loader *L, const char *rel, const char **body)
{
	char *path = load_path(L, rel);
	size_t len = 0;
	char *data = NULL;
	if (safe_to_read(L, path, rel))
		data = fs_read_file(path, rel, MD_MAX_BYTES, &len, L->dl);
	free(path);
	if (!data || !fs_utf8_ok(data, len, rel, L->dl)) {
		free(data);
		return NULL;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		/* The text would silently end there (the body is a C string). */
		utf8_pos at = UTF8_POS_START;
		utf8_pos_advance(&at, data, (size_t)(nul - data));
		diag_add(L->dl, DIAG_ERROR, rel, at.line, at.col, "в файле есть нулевой байт (это не текстовый файл?)");
		free(data);
		return NULL;
	}
	frontmatter fm;
	int err_line = 0;
	int r = frontmatter_split(data, len, &fm, &err_line);
	ynode *meta = NULL;
	if (r < 0) {
		diag_add(L->dl, DIAG_ERROR, rel, err_line, 1, "шапка файла не закрыта строкой «---»");
	} else if (r == 0) {
		meta = yaml_parse(L->a, rel, "", 0, L->dl);
	} else {
		/* Parse the file's prefix with the opening fence commented out, so
		 * that YAML line numbers are the file's line numbers. */
		size_t n = (size_t)(fm.yaml + fm.yaml_len - data);
		char *copy = xstrndup(data, n);
		char *fence = strstr(copy, "---");
		fence[0] = '#';
		meta = yaml_parse(L->a, rel, copy, n, L->dl);
		free(copy);
	}
	if (meta && meta->kind != Y_MAP) {
		diag_add(L->dl, DIAG_ERROR, rel, meta->line, meta->col, "шапка файла должна состоять из полей «ключ: значение»");
		meta = NULL;
	}
	*body = meta ? arena_strdup(L->a, fm.body) : NULL;
	free(data);
	return meta;
}

void load_unknown_school(loader *L, const char *file, int line, int col, const char *id)
{
	const site *s = L->s;
	enum { SHOWN = 8 };
	const char **ids = xcalloc(s->nschools + 1, sizeof(char *));
	buf known = BUF_INIT;
	for (size_t i = 0; i < s->nschools; i++) { /* by id: the list a reader scans for an id */
		ids[i] = s->by_id ? s->by_id[i]->id : s->schools[i].id;
		if (i < SHOWN)
			buf_printf(&known, "%s%s", i ? ", " : "", ids[i]);
	}
	if (s->nschools > SHOWN)
		buf_puts(&known, ", …");
	const char *sug = f_suggest(id, ids);
	diag_add(L->dl, DIAG_ERROR, file, line, col, "неизвестная школа «%s»%s%s%s (известны: %s)", id,
	         sug ? "; может быть, «" : "", sug ? sug : "", sug ? "»?" : "", s->nschools ? buf_cstr(&known) : "школ нет");
	buf_free(&known);
	free(ids);
}

typedef struct school_key {
	char *key;
	const school *sc;
} school_key;

/* Folded form of a school's name for comparison: case folded, ё → е, without
 * spaces (also no-break ones) and quotes, so «СШ №1» and «сш № 1» meet.  Heap. */
static char *school_name_key(const char *name)
{
	static const char *const drop[] = {"\xc2\xa0", "\xe2\x80\xaf", "\xc2\xab", "\xc2\xbb", "\xe2\x80\x9e",
	                                   "\xe2\x80\x9c", "\xe2\x80\x9d", NULL};
	char *f = utf8_fold(name, strlen(name), UTF8_FOLD_YO);
	if (!f)
		return xstrdup(name);
	char *w = f;
	for (const char *r = f; *r;) {
		if (*r == ' ' || *r == '\t' || *r == '"' || *r == '\'') {
			r++;
			continue;
		}
		size_t skip = 0;
		for (int k = 0; drop[k] && !skip; k++)
			if (str_starts(r, drop[k]))
				skip = strlen(drop[k]);
		if (skip) {
			r += skip;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
	return f;
}

static int cmp_school_key(const void *a, const void *b)
{
	const school_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : strcmp(x->sc->id, y->sc->id);
}

static void build_school_keys(loader *L)
{
	const site *s = L->s;
	L->school_keys = arena_alloc(L->a, (2 * s->nschools + 1) * sizeof(school_key));
	for (size_t i = 0; i < s->nschools; i++) {
		const char *names[2] = {s->schools[i].short_name, s->schools[i].name};
		for (int k = 0; k < 2; k++) {
			if (!names[k] || (k == 1 && str_eq(names[0], names[1])))
				continue;
			char *key = school_name_key(names[k]);
			L->school_keys[L->nschool_keys++] = (school_key){arena_strdup(L->a, key), &s->schools[i]};
			free(key);
		}
	}
	xsort(L->school_keys, L->nschool_keys, sizeof(school_key), cmp_school_key);
}

static int cmp_key_only(const void *k, const void *e)
{
	return strcmp(k, ((const school_key *)e)->key);
}

const school *load_school_ref(loader *L, const char *file, int line, int col, const char *text)
{
	const school *sc = site_school(L->s, text);
	if (sc)
		return sc;
	if (!L->school_keys)
		build_school_keys(L);
	char *key = school_name_key(text);
	const school_key *hit = *key && L->nschool_keys
	                            ? bsearch(key, L->school_keys, L->nschool_keys, sizeof(school_key), cmp_key_only)
	                            : NULL;
	if (hit) {
		const school_key *lo = hit, *hi = hit, *end = L->school_keys + L->nschool_keys;
		while (lo > L->school_keys && !strcmp(lo[-1].key, key))
			lo--;
		while (hi + 1 < end && !strcmp(hi[1].key, key))
			hi++;
		size_t distinct = 0, total = 0;
		for (const school_key *p = lo; p <= hi; p++)
			total += p == lo || p->sc != p[-1].sc;
		buf ids = BUF_INIT;
		for (const school_key *p = lo; p <= hi; p++)
			if (p == lo || p->sc != p[-1].sc) {
				buf_printf(&ids, "%s%s", !distinct ? "" : distinct + 1 == total ? " или " : ", ", p->sc->id);
				distinct++;
			}
		if (distinct == 1) {
			buf_free(&ids);
			free(key);
			return lo->sc;
		}
		diag_add(L->dl, DIAG_ERROR, file, line, col,
		         "«%s» — так названы несколько школ: укажите код школы; может быть, %s?", text, buf_cstr(&ids));
		buf_free(&ids);
		free(key);
		return NULL;
	}
	/* A near name: «может быть» with the school's short name and its code. */
	const char **keys = xcalloc(L->nschool_keys + 1, sizeof(char *));
	for (size_t i = 0; i < L->nschool_keys; i++)
		keys[i] = L->school_keys[i].key;
	const char *near = *key ? f_suggest(key, keys) : NULL;
	const school *ns = NULL;
	for (size_t i = 0; near && i < L->nschool_keys; i++)
		if (keys[i] == near)
			ns = L->school_keys[i].sc;
	free(keys);
	free(key);
	if (ns)
		diag_add(L->dl, DIAG_ERROR, file, line, col, "неизвестная школа «%s»; может быть, «%s» (код %s)?", text,
		         ns->short_name, ns->id);
	else
		load_unknown_school(L, file, line, col, text);
	return NULL;
}

static const char *const EVIDENCE_KEYS[] = {"title", "url", NULL};

void load_evidence(loader *L, const ynode *m, evidence **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	const ynode *ev = f_seq(m, "evidence", "", L->dl);
	if (!ev)
		return;
	*out = arena_alloc(L->a, (ev->n ? ev->n : 1) * sizeof(evidence));
	for (size_t i = 0; i < ev->n; i++) {
		const ynode *it = ev->items[i];
		if (!f_expect_map(it, "подтверждающий документ", L->dl))
			continue;
		f_check_keys(it, EVIDENCE_KEYS, "подтверждающем документе", L->dl);
		evidence *e = &(*out)[*n];
		e->title = f_str(it, "title", true, "подтверждающем документе", L->dl);
		e->url = f_str(it, "url", true, "подтверждающем документе", L->dl);
		if (e->url && !load_url_ok(e->url)) {
			const ynode *u = y_get(it, "url");
			diag_add(L->dl, DIAG_ERROR, u->file, u->line, u->col,
			         "поле «url»: ожидался адрес, начинающийся с https:// или http://");
			continue;
		}
		if (e->title && e->url)
			(*n)++;
	}
}

bool load_url_ok(const char *url)
{
	return url_is_safe(url) && (str_starts(url, "http://") || str_starts(url, "https://"));
}
