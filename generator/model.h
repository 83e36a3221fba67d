/* model.h — the site as loaded and validated.
 *
 * Loaders (load_*.c) fill it; derive fills the computed parts; after that it is
 * read-only and page builders read it from several threads.  All strings and
 * arrays live in site.arena.  "html" fields hold HTML that the generator made
 * (cmark, safe mode); every other string is plain text to be escaped. */
#ifndef ROADMAP_MODEL_H
#define ROADMAP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "date.h"
#include "deadline.h"

typedef struct pos {
	const char *file;
	int line, col;
} pos;

typedef struct kv {
	const char *key, *value;
} kv;

typedef struct school {
	const char *id, *name, *short_name;
	const char *address, *website, *phone, *email, *head;
	const char **groups;
	size_t ngroups;
	kv *extra;          /* unknown columns of schools.csv, in file order */
	size_t nextra;
	const char *description;
	const char *body_html; /* schools/<id>.md, or NULL */
	pos at;
} school;

typedef enum { ST_PLANNED, ST_IN_PROGRESS, ST_DONE, ST_CANCELLED, ST_COUNT } status;

typedef struct evidence {
	const char *title, *url;
} evidence;

struct section;
struct document;
struct edition;

typedef struct activity {
	const char *number;
	const char *title_html, *title_text;   /* text: Markdown source flattened to one line */
	const char *task_html;
	const char *deadline_text;             /* as approved; NULL when none */
	deadline dl;                           /* derived */
	const char **responsible;
	size_t nresponsible;
	bool all_schools;                      /* schools: all */
	school **schools;                      /* explicit ids and expanded groups, registry order */
	size_t nschools;
	const char **school_refs;              /* as written: ids and "group:x" (for display) */
	size_t nschool_refs;
	const char *report;
	const char *result_html, *result_text;
	const char *indicator;
	status st;
	date done_on;
	evidence *evidence;
	size_t nevidence;
	const char *comment_html;
	const char *anchor;                    /* "a-1-2", unique in its document */
	struct section *section;
	struct document *doc;
	pos at;
} activity;

typedef struct section {
	const char *number, *title;
	const char *anchor;
	activity *acts;
	size_t nacts;
	struct document *doc;
} section;

typedef struct target {
	const char *indicator;
	const char *target;     /* as written, e.g. "10" */
	pos at;
} target;

typedef struct document {
	const char *slug, *title, *short_title;
	bool has_approved;
	const char *act, *authority, *number, *signed_by;
	date approved_on;
	const char *intro_html, *goal_html;
	const char **tasks_html;
	size_t ntasks;
	target *targets;
	size_t ntargets;
	const char *col_deadline, *col_responsible, *col_report, *col_result;
	section *sections;
	size_t nsections;
	struct edition *ed;
	pos at;
} document;

/* One row of an assessment schedule. */
typedef struct assessment {
	const school *sc;
	date on;
	const char *grade, *subject, *procedure, *level;  /* level may be NULL */
	pos at;
} assessment;

typedef enum { CH_ADDED, CH_REMOVED, CH_CHANGED } change_kind;

typedef struct change {
	change_kind kind;
	const struct activity *now;     /* NULL when removed */
	const struct activity *before;  /* NULL when added */
	bool reworded, deadline_changed, responsible_changed;
} change;

typedef struct edition {
	const char *id;              /* "2021-2022" */
	const char *title;           /* "2021/2022 учебный год" */
	date start, end;
	const char *status;          /* draft | approved | completed */
	const char *notes_html;
	document *docs;
	size_t ndocs;
	bool current;
	struct edition *prev;        /* previous edition by id, or NULL */
	change *changes;             /* against prev (derived): added and changed in
	                                this edition's order, then removed in prev's */
	size_t nchanges, nadded, nremoved, nchanged;
	assessment *schedule;        /* sorted by school id, date, grade, subject */
	size_t nschedule;
} edition;

typedef struct page {
	const char *slug, *title, *description, *body_html;
	int weight;
	bool menu;
} page;

typedef struct menu_item {
	const char *title, *page, *url;
} menu_item;

typedef struct site {
	arena *arena;
	const char *root;            /* content folder as given */
	const char *title, *authority, *base_url, *contacts_html;
	bool demo;
	int min_group;
	menu_item *menu;
	size_t nmenu;
	school *schools;             /* in school_cmp order (natural order of names) */
	size_t nschools;
	school **by_id;              /* the same schools sorted by id, for site_school */
	page *pages;                 /* sorted by weight, then slug */
	size_t npages;
	edition *eds;                /* sorted by id, oldest first */
	size_t neds;
	edition *current;
	pos current_at;              /* of current_edition in site.yaml */
	struct ind_data *ind;        /* indicators.h: read with ind_list / ind_for / … */
	date today;
} site;

const char *status_name(status s);     /* "planned" … */
const char *status_label(status s);    /* «Запланировано» … */
const char *status_label_lc(status s); /* «запланировано» …, inside a sentence */
/* The school with this id, or NULL (binary search over by_id when set). */
school *site_school(const site *s, const char *id);
/* True when the activity concerns school sc (all, its id, or one of its groups). */
bool activity_concerns(const activity *a, const school *sc);
/* The one order of schools on every page and export: natural order of the
 * short name as shown (case-folded, «ё» as «е»; «СШ № 2» before «СШ № 13»),
 * then of the full name, then the id.  The loader sorts site.schools with it,
 * so every list that walks site.schools is in this order. */
int school_cmp(const school *a, const school *b);

#endif
