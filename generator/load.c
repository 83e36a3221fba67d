#include "load.h"
#include "editions.h"
#include "indicators.h"
#include "schedule_load.h"
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

static int cmp_pages(const void *pa, const void *pb)
{
	const page *a = pa, *b = pb;
	if (a->weight != b->weight)
		return a->weight < b->weight ? -1 : 1;
	return strcmp(a->slug, b->slug);
}

site *site_load(const char *root, date today, diag_list *dl)
{
	arena *a = arena_new();
	site *s = arena_alloc(a, sizeof(site));
	s->arena = a;
	s->root = arena_strdup(a, root);
	s->today = today;
	s->min_group = 5;
	loader L = {s, a, dl, s->root};
	if (!fs_is_dir(root)) {
		diag_add(dl, DIAG_ERROR, root, 0, 0, "папка с содержимым не найдена");
		return s;
	}
	load_site_yaml(&L);
	load_schools(&L);
	load_pages(&L);
	if (s->npages) /* xsort(NULL, 0, …) is undefined */
		xsort(s->pages, s->npages, sizeof(page), cmp_pages);
	load_editions(&L);
	load_schedules(&L);
	s->ind = indicators_load(&L);
	indicators_derive(s->ind, s);
	editions_derive(s);
	return s;
}

void site_free(site *s)
{
	if (!s)
		return;
	for (size_t e = 0; e < s->neds; e++)
		for (size_t d = 0; d < s->eds[e].ndocs; d++)
			for (size_t k = 0; k < s->eds[e].docs[d].nsections; k++) {
				section *sec = &s->eds[e].docs[d].sections[k];
				for (size_t i = 0; i < sec->nacts; i++)
					deadline_free(&sec->acts[i].dl);
			}
	arena_free(s->arena);
}
