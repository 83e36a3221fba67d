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

/* Execution statuses (spec/execution.md), for an activity, a part of its
 * deadline or a school's mark.  The order is the order of the progress bar. */
typedef enum {
	ST_PLANNED,      /* запланировано */
	ST_IN_PROGRESS,  /* выполняется */
	ST_DONE,         /* исполнено */
	ST_PARTIAL,      /* исполнено частично */
	ST_NOT_DONE,     /* не исполнено (a reason is required) */
	ST_POSTPONED,    /* перенесено (a new deadline is required) */
	ST_CANCELLED,    /* отменено (a reason is required) */
	ST_COUNT
} status;

/* How many activities are in each status as of the site's today (derive:
 * progress_derive); overdue ones are counted apart, not in n[], so that the
 * parts of a progress bar add up to total. */
typedef struct progress {
	long n[ST_COUNT];
	long overdue, total;
} progress;

typedef struct evidence {
	const char *title, *url;
} evidence;

struct section;
struct document;
struct edition;

/* Whom an activity concerns, as written on it or on its section / document. */
typedef struct concerns {
	bool set;                              /* a `schools:` key was given */
	bool all;                              /* schools: all */
	struct school **schools;               /* explicit ids and expanded groups, registry order */
	size_t nschools;
	const char **refs;                     /* as written: ids and "group:x" */
	size_t nrefs;
} concerns;

/* One field of an activity as it read before an amendment (`was:`). */
typedef struct was_field {
	const char *key;                       /* "title", "deadline", … (a column key) */
	const char *text;                      /* plain text; lists joined with ", " */
} was_field;

/* An order (приказ) that postponed a part: «Приказ от 10 февраля 2022 г. № 41». */
typedef struct order_ref {
	const char *title, *number;   /* title «Приказ»; number may be NULL */
	date on;                      /* may be unset */
} order_ref;

/* One execution mark (spec/execution.md § Marks): from an activity's
 * `marks:` in YAML or a row of editions/<ed>/marks/ tables. */
typedef struct mark {
	status st;
	size_t part;                  /* 1-based part of the deadline; 0: not given */
	const char *period;           /* as written ("2021-Q3"); NULL: not given */
	date from, to;                /* the period's days when period is given */
	const school *sc;             /* the school's own mark; NULL: the office's */
	date on;                      /* may be unset */
	const char *note_html, *note_text;   /* reason and measures (Markdown) */
	const char *postponed_to;     /* deadline phrase (postponed) */
	deadline new_dl;              /* postponed_to read as a deadline (heap; site_free) */
	bool has_act;
	order_ref act;
	evidence *evidence;
	size_t nevidence;
	pos at;
} mark;

/* The derived state of one part of an activity's deadline (execution.c). */
typedef struct part_state {
	date start, end;              /* of the deadline part; unset for an undated activity */
	status st;                    /* combined from the office's and the schools' marks */
	bool marked;                  /* some mark covers this part */
	const mark *m;                /* the office's deciding mark, or NULL */
	const mark *postpone;         /* the mark that postponed it (st == ST_POSTPONED), or NULL */
	size_t nschools_done;         /* reporting schools whose mark for the part is done */
} part_state;

typedef struct activity {
	size_t index;                          /* derived: place in its edition, document order (ed->nacts) */
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
	bool schools_inherited;                /* schools above come from the section or document */
	size_t amended_by;                     /* 1-based index into doc->amendments; 0: none */
	was_field *was;                        /* what it said before the amendment */
	size_t nwas;
	status st;                             /* effective: as written, or derived from marks */
	bool st_written;                       /* `status` was set in the YAML */
	status st_as_written;
	pos st_at;                             /* of `status` when written */
	date done_on;
	evidence *evidence;
	size_t nevidence;
	const char *comment_html;
	mark *marks;                           /* YAML marks, then CSV rows (file, line order) */
	size_t nmarks;
	/* Derived from marks by execution_derive (NULL/0 without marks): */
	part_state *parts;                     /* one per deadline part; one for an undated deadline */
	size_t nparts;
	const school **rep;                    /* schools that report (when schools marked it) */
	size_t nrep;
	const mark **school_marks;             /* [part * nrep + k]: school k's mark for a part, or NULL */
	status *school_st;                     /* [k]: school k's own status over all parts */
	bool *school_marked;                   /* [k]: school k has a mark */
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
	concerns schools;                      /* default for its activities (set: given here) */
	struct document *doc;
	progress prog;                         /* derived */
	pos at;
} section;

/* Targets by year (`target: {2023: 50, 2024: 60}`) and the baseline
 * (`baseline: {year: 2022, value: 40}`) of an indicator or a roadmap's target. */
typedef struct year_plan {
	int *years;             /* ascending, distinct */
	double *values;
	size_t n;               /* 0: no targets by year */
	bool has_baseline;
	int baseline_year;
	double baseline;
} year_plan;

typedef struct target {
	const char *indicator;
	const char *target;     /* as written, e.g. "10"; NULL when given by year */
	year_plan plan;         /* target: {year: value, …}, baseline */
	pos at;
} target;

/* What the document is; decides the gender of «утверждена / утверждён». */
typedef enum { DK_ROADMAP, DK_PLAN, DK_PROGRAM, DK_MEASURES, DK_OTHER } doc_kind;

/* A consideration or approval stamp: «Рассмотрен на заседании …», «СОГЛАСОВАНО», «УТВЕРЖДАЮ». */
typedef enum { STAMP_CONSIDERED, STAMP_AGREED, STAMP_APPROVE } stamp_kind;
typedef struct considered {
	stamp_kind stamp;
	const char *body, *protocol, *signer, *signer_title;   /* each may be NULL */
	date on;
	pos at;
} considered;

/* A chapter of the document's text (паспорт, обоснование, приложения …). */
typedef struct chapter {
	const char *title, *html, *anchor;
	bool after;                            /* place: after the activity table */
} chapter;

/* An order that changed the document (execution.md «Amendments»). */
typedef struct amendment {
	const char *act, *number, *url, *note;
	date on;
	pos at;
} amendment;

typedef struct document {
	const char *slug, *title, *short_title;
	doc_kind kind;
	bool has_approved;
	const char *act, *authority, *number, *signed_by;  /* signed_by: the signer's post (signer_title) */
	const char *signer, *approved_url;
	date approved_on;
	considered *considered;
	size_t nconsidered;
	chapter *chapters;
	size_t nchapters;
	amendment *amendments;
	size_t namendments;
	concerns schools;                      /* default for its sections (set: given here) */
	const char *intro_html, *goal_html;
	const char **tasks_html;
	size_t ntasks;
	target *targets;
	size_t ntargets;
	const char *col_deadline, *col_responsible, *col_report, *col_result, *col_indicator, *col_task;
	section *sections;
	size_t nsections;
	struct edition *ed;
	progress prog;                         /* derived: all its sections */
	pos at;
} document;

/* One row of an assessment schedule (a CSV file in editions/<edition>/schedule/). */
typedef struct assessment {
	const school *sc;
	date on;
	const char *grade, *subject, *procedure, *level;  /* level may be NULL */
	int hours;            /* yearly teaching hours of the subject (column hours); 0: not given */
	int lesson;           /* lesson number in the day (column lesson); 0: not given */
	int lessons_per_day;  /* lessons of the class that day (column); 0: the edition's setting */
	const char *anchor;   /* "p-20220315-1a2b3c4d": stable id of the row on the
	                         school's schedule page, unique within the school */
	pos at;               /* the row's first cell */
} assessment;

/* Which federal recommendation a schedule row breaks (schedule_rules.h). */
typedef enum {
	BR_SAME_DAY,       /* more than one procedure for a class on one day */
	BR_PARALLEL_GAP,   /* a subject in a parallel more often than once in 2,5 weeks */
	BR_HOURS,          /* more procedures than 10 % of the subject's yearly hours */
	BR_FIRST_LESSON,   /* on the first lesson */
	BR_LAST_LESSON,    /* on the last lesson */
	BR_COUNT
} breach_kind;

typedef struct breach {
	breach_kind kind;
	const assessment *row;    /* the row that breaks the rule */
	const assessment *other;  /* the row it clashes with, or NULL */
	const char *text;         /* plain Russian, one sentence, no position */
} breach;

/* A federal ВПР window of edition.yaml (vpr_windows). */
typedef struct vpr_window {
	date start, end;
	const char *title;        /* may be NULL */
} vpr_window;

typedef enum { CH_ADDED, CH_REMOVED, CH_CHANGED } change_kind;

typedef struct change {
	change_kind kind;
	const struct activity *now;     /* NULL when removed */
	const struct activity *before;  /* NULL when added */
	bool reworded, deadline_changed, responsible_changed;
} change;

/* One reporting period of an edition (derived by periods_derive_edition, periods.h;
 * execution.h report_periods adds the report's cumulative titles). */
typedef struct reporting_period {
	const char *id;              /* "2021-Q3" (calendar quarter), "2022-H1" (half-year), "2022-01"
	                                (month), "2021-T2" (school term II of the school year 2021/22):
	                                the `period:` of a mark and an anchor */
	const char *title;           /* «III квартал 2021 г.», «II четверть 2021/22 учебного года»,
	                                «I полугодие 2022 г.», «январь 2022 г.» */
	date start, end;             /* inside the edition; the periods tile it in order */
	date due;                    /* the report on it is due (reporting.due), else unset */
	bool approx;                 /* rests on the default (approximate) school terms */
} reporting_period;

typedef struct edition {
	const char *id;              /* "2021-2022", "2022-2024" */
	const char *title;           /* "2021/2022 учебный год", "2022–2024 годы" (multi-year) */
	const char *label;           /* short, for chart axes: "2021/22", "2022–2024" */
	int nyears;                  /* school years in the period: 1, or 2+ for a multi-year edition */
	date start, end;
	/* Time of the edition (edition.yaml `school_terms:`, `reporting:`). */
	dl_term *terms;              /* school terms as given, in date order; NULL when none */
	size_t nterms;
	dl_context dlc;              /* what its deadlines are read in: period, terms, reporting unit */
	const char *report_every;    /* "quarter" (default) | "school-quarter" | "half-year" | "month" */
	const char *report_due_text; /* reporting.due as written, or NULL */
	deadline report_due;         /* reporting.due read as a deadline (unknown when not given) */
	reporting_period *periods;   /* derived: the reporting periods, covering the whole period */
	size_t nperiods;
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
	breach *breaches;            /* of the schedule, sorted like its rows */
	size_t nbreaches;
	vpr_window *vpr;             /* edition.yaml vpr_windows, in file order */
	size_t nvpr;
	int lessons_per_day;         /* edition.yaml lessons_per_day; 0: not set */
	progress prog;               /* derived: all its documents */
	size_t nacts;                /* derived: activities of all its documents (activity.index) */
	date as_of;                  /* derived: the date its pages and files speak as of — the
	                                site's today; for an edition of the archive (not current,
	                                its period over) the day after its period, so that its
	                                pages stay byte for byte the same from build to build and
	                                its overdue and past marks are those at its end */
} edition;

typedef struct page {
	const char *slug, *title, *description, *body_html;
	int weight;
	bool menu;
} page;

typedef struct menu_item {
	const char *title, *page, *url;
} menu_item;

/* A group of schools named in site.yaml `groups:`. */
typedef struct group_name {
	const char *id, *title;                /* title may be NULL: the group is never shown */
	bool public;
	pos at;
} group_name;

typedef struct site {
	arena *arena;
	const char *root;            /* content folder as given */
	const char *title, *authority, *base_url, *contacts_html;
	bool demo;
	const char *signer_title;    /* report_signer.title: «Начальник управления образования»; may be NULL */
	const char *signer_name;     /* report_signer.name: «И. И. Иванов»; may be NULL */
	int min_group;
	int min_cell;       /* privacy.min_cell: smallest mark count published in a school row */
	menu_item *menu;
	size_t nmenu;
	group_name *groups;          /* site.yaml groups:, in file order */
	size_t ngroups;
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
	date today;                  /* the date the site speaks as of (see site_load) */
	date as_of;                  /* site.yaml «as_of», or unset */
	struct memo *memo;           /* memo.h: text shared by many pages, made once while
	                                pages are built (the one part written after derive) */
} site;

const char *status_name(status s);     /* "planned" … ("not-done", as in YAML) */
const char *status_label(status s);    /* «Запланировано» … */
const char *status_label_lc(status s); /* «запланировано» …, inside a sentence */
/* A status word as written in YAML or a marks table: the English name or the
 * Russian word («исполнено», «частично», «не исполнено», «перенесено»,
 * «отменено», «выполняется», «запланировано», «выполнено» …), any case, ё/е.
 * *ok false (and ST_PLANNED) when the word is none of them. */
status status_parse(const char *word, bool *ok);
/* The school with this id, or NULL (binary search over by_id when set). */
school *site_school(const site *s, const char *id);
/* The title a visitor may see for group tag g: its site.yaml title when the
 * group is public, else NULL (the group is not shown). */
const char *site_group_title(const site *s, const char *g);
/* True when the activity concerns school sc (all, its id, or one of its groups). */
bool activity_concerns(const activity *a, const school *sc);
/* The one order of schools on every page and export: natural order of the
 * short name as shown (case-folded, «ё» as «е»; «СШ № 2» before «СШ № 13»),
 * then of the full name, then the id.  The loader sorts site.schools with it,
 * so every list that walks site.schools is in this order. */
int school_cmp(const school *a, const school *b);

#endif
