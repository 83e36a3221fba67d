#include "publish.h"
#include "docx.h"
#include "fsutil.h"
#include "util.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Templates are small; a megabyte means something is wrong. */
enum { TEMPLATE_MAX_BYTES = 1024 * 1024 };

static bool is_template(const char *name)
{
	return str_ends(name, ".html") || str_ends(name, ".xml") || str_ends(name, ".txt") ||
	       str_ends(name, ".ics") || str_ends(name, ".json") || str_ends(name, ".csv");
}

/* "school.html" → "school"; other extensions stay ("sitemap.xml"). */
static char *template_name(const char *prefix, const char *file)
{
	size_t n = strlen(file);
	if (str_ends(file, ".html"))
		n -= 5;
	return xasprintf("%s%.*s", prefix, (int)n, file);
}

/* Adds the templates of dir/sub to the set, unless an override already gave
 * the same name. */
/* jail: when not NULL, every file must resolve inside it (content/layouts may
 * not pull files from outside the content folder through symlinks). */
static int add_dir(theme *t, const char *dir, const char *sub, const char *prefix, const char *jail, diag_list *dl)
{
	char *path = *sub ? fs_join(dir, sub) : xstrdup(dir);
	char **names;
	int n = fs_list(path, NULL, false, &names), rc = 0;
	for (int i = 0; i < n; i++) {
		if (!is_template(names[i]))
			continue;
		char *name = template_name(prefix, names[i]);
		if (mustache_set_has(t->set, name)) {
			free(name);
			continue;
		}
		char *file = fs_join(path, names[i]);
		if (jail && !fs_inside(jail, file)) {
			diag_add(dl, DIAG_ERROR, file, 0, 0, "файл ведёт за пределы папки с содержимым (символическая ссылка?)");
			rc = -1;
			free(file);
			free(name);
			continue;
		}
		size_t len;
		char *src = fs_read_file(file, file, TEMPLATE_MAX_BYTES, &len, dl);
		if (!src || !fs_utf8_ok(src, len, file, dl) ||
		    mustache_set_add(t->set, name, file, src, len, dl) != 0)
			rc = -1;
		free(src);
		free(file);
		free(name);
	}
	if (n > 0)
		fs_names_free(names, n);
	free(path);
	return rc;
}

int theme_load(theme *t, const char *dir, const char *override_dir, diag_list *dl)
{
	memset(t, 0, sizeof *t);
	if (!fs_is_dir(dir)) {
		diag_add(dl, DIAG_ERROR, dir, 0, 0, "папка темы не найдена");
		return -1;
	}
	t->set = mustache_set_new();
	t->dir = xstrdup(dir);
	int rc = 0;
	if (override_dir && fs_is_dir(override_dir)) {
		rc |= add_dir(t, override_dir, "", "", override_dir, dl);
		rc |= add_dir(t, override_dir, "partials", "", override_dir, dl);
	}
	rc |= add_dir(t, dir, "", "", NULL, dl);
	rc |= add_dir(t, dir, "partials", "", NULL, dl);
	if (rc == 0 && mustache_set_check_partials(t->set, dl) != 0)
		rc = -1;
	const char *const *required = page_templates();
	for (int i = 0; required[i]; i++) {
		if (mustache_set_has(t->set, required[i]))
			continue;
		diag_add(dl, DIAG_ERROR, dir, 0, 0, "в теме нет шаблона «%s»", required[i]);
		rc = -1;
	}
	char *assets = fs_join(dir, "assets");
	if (fs_is_dir(assets))
		t->assets = assets;
	else
		free(assets);
	return rc;
}

void theme_free(theme *t)
{
	mustache_set_free(t->set);
	free(t->dir);
	free(t->assets);
	memset(t, 0, sizeof *t);
}

typedef struct pool {
	const site *s;
	const theme *t;
	const page_plan *plan;
	output *o;
	bool verbose;
	atomic_size_t next;
	atomic_long written;
	atomic_int failed;       /* index+1 of the first failed page, 0 if none */
	atomic_int failed_errno;
	atomic_int failed_render; /* mustache error code of the failed page, 0 if it failed writing */
} pool;

static void render_one(pool *p, size_t i)
{
	const page_job *j = &p->plan->jobs[i];
	arena *a = arena_new();
	buf out = BUF_INIT;
	buf_grow(&out, 64 * 1024); /* most pages fit: no regrowing and copying */
	errno = 0;
	int rc = 0;
	const char *tpl = page_template(j->kind);
	if (tpl)
		rc = mustache_render(p->t->set, tpl, page_view(p->s, p->plan, j, a), &out);
	else
		page_raw(p->s, j, &out);
	if (rc == 0 && j->kind == PG_REPORT_DOCX) {
		buf docx = BUF_INIT;
		rc = docx_build(buf_cstr(&out), out.len, &docx);
		buf_free(&out);
		out = docx;
	}
	if (rc == 0 && output_write(p->o, j->path, out.data ? out.data : "", out.len) != 0)
		rc = -1; /* errno says why */
	if (rc != 0) {
		int expected = 0;
		if (atomic_compare_exchange_strong(&p->failed, &expected, (int)i + 1)) {
			atomic_store(&p->failed_errno, errno);
			atomic_store(&p->failed_render, rc == -1 && errno ? 0 : rc);
		}
	} else {
		atomic_fetch_add(&p->written, 1);
		if (p->verbose)
			fprintf(stderr, "roadmap: %s\n", j->path);
	}
	buf_free(&out);
	arena_free(a);
}

static void *worker(void *arg)
{
	pool *p = arg;
	for (;;) {
		size_t i = atomic_fetch_add(&p->next, 1);
		if (i >= p->plan->n || atomic_load(&p->failed))
			break;
		render_one(p, i);
	}
	return NULL;
}

long render_site(const site *s, const theme *t, const page_plan *plan, output *o, int nthreads, bool verbose,
                 long *changed, diag_list *dl)
{
	pool p = {.s = s, .t = t, .plan = plan, .o = o, .verbose = verbose};
	atomic_init(&p.next, 0);
	atomic_init(&p.written, 0);
	atomic_init(&p.failed, 0);
	atomic_init(&p.failed_errno, 0);
	atomic_init(&p.failed_render, 0);
	if (nthreads < 1)
		nthreads = 1;
	if (nthreads > 64)
		nthreads = 64;
	pthread_t th[64];
	int started = 0;
	for (int i = 1; i < nthreads; i++)
		if (pthread_create(&th[started], NULL, worker, &p) == 0)
			started++;
	worker(&p);
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	int failed = atomic_load(&p.failed);
	if (failed) {
		const page_job *j = &plan->jobs[failed - 1];
		int e = atomic_load(&p.failed_errno), r = atomic_load(&p.failed_render);
		const char *tpl = page_template(j->kind);
		if (tpl && !mustache_set_has(t->set, tpl))
			diag_add(dl, DIAG_ERROR, t->dir, 0, 0, "в теме нет шаблона «%s» (нужен для %s)", tpl, j->path);
		else if (r)
			diag_add(dl, DIAG_ERROR, j->path, 0, 0, "шаблон «%s»: %s", tpl, mustache_strerror(r));
		else
			diag_add(dl, DIAG_ERROR, j->path, 0, 0, "не удалось записать страницу: %s",
			         e ? strerror(e) : "ошибка вывода");
		return -1;
	}
	*changed = output_changed(o);
	if (t->assets && output_copy_tree(o, t->assets, "assets") != 0) {
		diag_add(dl, DIAG_ERROR, t->assets, 0, 0, "не удалось скопировать файлы темы");
		return -1;
	}
	return atomic_load(&p.written);
}
