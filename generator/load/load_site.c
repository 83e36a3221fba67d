/* site.yaml and the free pages (pages/NAME.md) */
#include "fields.h"
#include "fsutil.h"
#include "loader.h"
#include "markdown.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const char *const SITE_KEYS[] = {"title", "authority", "base_url", "current_edition", "privacy",
                                        "contacts", "menu", "demo", "as_of", "report_signer", "groups", NULL};
static const char *const GROUP_KEYS[] = {"title", "public", NULL};
static const char *const SIGNER_KEYS[] = {"title", "name", NULL};
static const char *const MENU_KEYS[] = {"title", "page", "url", NULL};
static const char *const PRIVACY_KEYS[] = {"min_group", "min_cell", NULL};
static const char *const PAGE_KEYS[] = {"title", "weight", "menu", "description", NULL};

/* Top-level folders the site writes itself (pages.c, the theme's assets):
 * a page of that name would overwrite them.  Edition folders are YYYY-YYYY. */
static bool slug_taken(const char *slug)
{
	static const char *const taken[] = {"schools", "archive", "assets", NULL};
	for (int i = 0; taken[i]; i++)
		if (!strcmp(slug, taken[i]))
			return true;
	size_t n = strlen(slug);
	return n == 9 && slug[4] == '-' && strspn(slug, "0123456789") == 4 && strspn(slug + 5, "0123456789") == 4;
}

/* A menu's page: a valid slug naming an existing pages/<slug>.md. */
static bool menu_page_ok(loader *L, const char *slug)
{
	if (!f_valid_id(slug))
		return false;
	char *rel = xasprintf("pages/%s.md", slug);
	char *path = load_path(L, rel);
	bool ok = fs_exists(path);
	free(path);
	free(rel);
	return ok;
}

static void load_menu(loader *L, const ynode *menu)
{
	site *s = L->s;
	if (!menu)
		return;
	s->menu = arena_alloc(L->a, (menu->n ? menu->n : 1) * sizeof(menu_item));
	for (size_t i = 0; i < menu->n; i++) {
		const ynode *it = menu->items[i];
		if (!f_expect_map(it, "пункт меню", L->dl))
			continue;
		f_check_keys(it, MENU_KEYS, "пункте меню", L->dl);
		menu_item *m = &s->menu[s->nmenu];
		m->title = f_str(it, "title", true, "пункте меню", L->dl);
		m->page = f_str(it, "page", false, "пункте меню", L->dl);
		m->url = f_str(it, "url", false, "пункте меню", L->dl);
		if (!m->page == !m->url) {
			diag_add(L->dl, DIAG_ERROR, it->file, it->line, it->col,
			         "в пункте меню нужно одно из полей: «page» (страница сайта) или «url»");
			continue;
		}
		if (m->page && !menu_page_ok(L, m->page)) {
			/* The slug becomes a link (and was once a javascript: URL waiting to happen). */
			const ynode *v = y_get(it, "page");
			diag_add(L->dl, DIAG_ERROR, v->file, v->line, v->col,
			         "поле «page»: нет страницы pages/%s.md (нужно имя файла страницы без .md, например parents)",
			         m->page);
			continue;
		}
		if (m->title)
			s->nmenu++;
	}
}

/* groups: {tag: {title, public}} — how a group of schools is named to visitors. */
static void load_groups(loader *L, const ynode *g)
{
	site *s = L->s;
	if (!g || y_is_null(g))
		return;
	if (g->kind != Y_MAP) {
		diag_add(L->dl, DIAG_ERROR, g->file, g->line, g->col,
		         "поле «groups»: ожидался словарь вида {rural: {title: Сельская школа, public: true}}");
		return;
	}
	s->groups = arena_alloc(L->a, (g->n ? g->n : 1) * sizeof(group_name));
	for (size_t i = 0; i < g->n; i++) {
		const ynode *it = g->items[i];
		const ynode *k = g->keys[i];
		const char *id = k->s;
		if (!f_valid_id(id)) {
			diag_add(L->dl, DIAG_ERROR, k->file, k->line, k->col,
			         "группа «%s»: имя группы — строчные латинские буквы, цифры и дефис, как в столбце groups "
			         "файла schools.csv",
			         id);
			continue;
		}
		if (!f_expect_map(it, "группа школ", L->dl))
			continue;
		f_check_keys(it, GROUP_KEYS, "группе школ", L->dl);
		group_name *gn = &s->groups[s->ngroups++];
		gn->id = id;
		gn->title = f_str(it, "title", false, "группе школ", L->dl);
		gn->public = f_bool(it, "public", false, L->dl);
		gn->at = (pos){it->file, it->line, it->col};
		if (gn->public && !gn->title)
			diag_add(L->dl, DIAG_ERROR, it->file, it->line, it->col,
			         "группа «%s» открыта (public: true), но у неё нет названия: добавьте title", id);
	}
}

void load_site_yaml(loader *L)
{
	site *s = L->s;
	ynode *y = load_yaml(L, "site.yaml", true);
	if (!y || !f_expect_map(y, "site.yaml", L->dl))
		return;
	f_check_keys(y, SITE_KEYS, "site.yaml", L->dl);
	s->title = f_str(y, "title", true, "site.yaml", L->dl);
	s->authority = f_str(y, "authority", false, "site.yaml", L->dl);
	s->base_url = f_str(y, "base_url", false, "site.yaml", L->dl);
	if (s->base_url && !str_starts(s->base_url, "https://") && !str_starts(s->base_url, "http://")) {
		const ynode *v = y_get(y, "base_url");
		diag_add(L->dl, DIAG_ERROR, v->file, v->line, v->col,
		         "поле «base_url»: адрес должен начинаться с https:// или http://");
		s->base_url = NULL;
	}
	const char *cur = f_str(y, "current_edition", false, "site.yaml", L->dl);
	s->current = NULL;
	if (cur) {
		/* Resolved against the editions after they are loaded. */
		s->current = arena_alloc(L->a, sizeof(edition));
		s->current->id = cur;
		const ynode *v = y_get(y, "current_edition");
		s->current_at = (pos){v->file, v->line, v->col};
	}
	s->demo = f_bool(y, "demo", false, L->dl);
	s->as_of = f_date(y, "as_of", false, L->dl);
	s->contacts_html = md_block(L->a, f_str(y, "contacts", false, "site.yaml", L->dl));
	const ynode *pr = y_get(y, "privacy");
	if (pr && f_expect_map(pr, "privacy", L->dl)) {
		f_check_keys(pr, PRIVACY_KEYS, "privacy", L->dl);
		s->min_group = (int)f_int(pr, "min_group", 5, 1, 1000, L->dl);
		s->min_cell = (int)f_int(pr, "min_cell", 3, 1, 1000, L->dl);
	}
	load_menu(L, f_seq(y, "menu", " ссылок", L->dl));
	const ynode *sg = y_get(y, "report_signer");
	if (sg && f_expect_map(sg, "report_signer", L->dl)) {
		f_check_keys(sg, SIGNER_KEYS, "блоке «report_signer»", L->dl);
		s->signer_title = f_str(sg, "title", false, "блоке «report_signer»", L->dl);
		s->signer_name = f_str(sg, "name", false, "блоке «report_signer»", L->dl);
	}
	load_groups(L, y_get(y, "groups"));
}

void load_pages(loader *L)
{
	site *s = L->s;
	char *dir = load_path(L, "pages");
	char **names;
	int n = fs_list(dir, ".md", false, &names);
	if (n < 0 && fs_exists(dir)) /* there but unreadable: its pages must not vanish silently */
		diag_add(L->dl, DIAG_ERROR, "pages", 0, 0, "не удалось прочитать папку (нет прав?)");
	free(dir);
	if (n <= 0)
		return;
	s->pages = arena_alloc(L->a, (size_t)n * sizeof(page));
	for (int i = 0; i < n; i++) {
		char *rel = xasprintf("pages/%s", names[i]);
		const char *relp = arena_strdup(L->a, rel);
		free(rel);
		const char *body;
		ynode *meta = load_markdown(L, relp, &body);
		if (!meta)
			continue;
		page *p = &s->pages[s->npages];
		p->slug = arena_strndup(L->a, names[i], strlen(names[i]) - 3);
		if (!f_valid_id(p->slug)) {
			diag_add(L->dl, DIAG_ERROR, relp, 0, 0,
			         "имя файла «%s» не годится для адреса страницы: только строчные латинские буквы, цифры и дефис",
			         names[i]);
			continue;
		}
		if (slug_taken(p->slug)) {
			diag_add(L->dl, DIAG_ERROR, relp, 0, 0,
			         "адрес «%s/» занят самим сайтом (заняты schools, archive, assets и имена редакций вида 2021-2022): "
			         "переименуйте файл",
			         p->slug);
			continue;
		}
		f_check_keys(meta, PAGE_KEYS, "шапке страницы", L->dl);
		p->title = f_str(meta, "title", true, "шапке страницы", L->dl);
		p->description = f_str(meta, "description", false, "шапке страницы", L->dl);
		p->weight = (int)f_int(meta, "weight", 0, -1000, 1000, L->dl);
		p->menu = f_bool(meta, "menu", true, L->dl);
		p->body_html = md_block(L->a, body);
		if (p->title)
			s->npages++;
	}
	fs_names_free(names, n);
}
