/* import_int.h — the rooms of `roadmap import`, shared between them only
 * (the public contract is import.h; spec/import.md).
 *
 * The pipeline, one room per file:
 *   textdec.c       bytes → UTF-8 text (shared with csvread.c: one decoder)
 *   import_text.c   characters, sanitizing, HTML remnants → plain text / Markdown
 *   import_rows.c   text → rows of cells: CSV, lines split at a delimiter, or
 *                   one cell per line; Word remnants (running headers, page
 *                   numbers, «Таблица N», bookmarks) dropped
 *   import_table.c  the header row and its columns, then sections, activities
 *                   and continuation rows
 *   import_front.c  the text around the table: title, kind, approval,
 *                   consideration stamps, goal, tasks, chapters, other tables
 *   import_yaml.c   the YAML writer
 *   import.c        the pipeline and its self-judgement
 * Every function here is library code: no printing, no exit. */
#ifndef ROADMAP_IMPORT_INT_H
#define ROADMAP_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "import.h"

/* The fields a column can map to. */
enum { F_NUMBER, F_TITLE, F_DEADLINE, F_RESP, F_REPORT, F_RESULT, F_INDICATOR, F_TASK, F_N };

/* What the latest table row made. */
enum { L_HEADER, L_SECTION, L_ACT };

/* YAML key of each field. */
extern const char *const IMP_FIELD_KEY[F_N];

typedef struct icell {
	const char *text; /* sanitized, trimmed; in the arena */
	int line, col;
} icell;

typedef struct irow {
	icell *c;
	size_t n;
	int line;
} irow;

typedef struct irows {
	irow *v;
	size_t n, cap;
} irows;

typedef struct act {
	buf *cell;  /* [ncols] raw cell texts, continuation rows merged in */
	int *cline; /* [ncols] where each cell's text starts */
	int *ccol;
	int line;
	const char *task; /* task inherited from the row that named it (arena), or NULL */
} act;

typedef struct sec {
	char *number; /* heap or NULL */
	buf title;    /* plain */
	int line;
	act *acts;
	size_t nacts, cap;
} sec;

typedef struct tbl {
	arena *a;
	const char *file;
	diag_list *dl;
	size_t ncols;
	int map[F_N];        /* column of each field, or -1 */
	int *field;          /* [ncols] field of each column, or -1 */
	const char **label;  /* [ncols] header labels, plain */
	int hline;
	sec *secs;
	size_t nsecs, cap;
	int last;            /* what the latest row made: L_HEADER, L_SECTION, L_ACT */
	const char *task;    /* current task (raw) for rows that leave it empty */
	size_t continuations;
	size_t nacts;        /* activities so far, against IMPORT_MAX_ACTIVITIES */
	bool too_many;
	bool extra_warned;
	buf trailing;        /* text after the table, one line per row */
} tbl;

typedef struct pline {
	const char *text; /* plain, one line */
	int line;
	int para;         /* paragraph index: lines next to each other */
	bool used;
} pline;

typedef struct pre {
	pline *l;
	size_t n;
	char *title;
	char *act, *authority, *number, *signed_by;
	date date;
	char *goal;
	char **tasks;
	size_t ntasks, tcap;
} pre;

typedef struct writer {
	buf *y;
	tbl *t;
	date pstart, pend;
	import_stats *st;
} writer;


/* import_text.c */
int32_t imp_cp_at(const char *s, size_t *n);
bool imp_is_lower_cp(int32_t c);
bool imp_is_upper_cp(int32_t c);
bool imp_is_digit(int c);
char *imp_lowered(const char *s);
const char *imp_skip_spaces(const char *s);
bool imp_starts_lower(const char *s);
bool imp_starts_new(const char *s);
void imp_buf_set(buf *b, const char *s);
int imp_count_chars(const char *s, size_t n);
void imp_sanitize(buf *out, const char *s, size_t len);
const char *imp_clean_cell(arena *a, const char *s, size_t len);
void imp_to_plain(buf *out, const char *s, bool keep_lines);
char *imp_plain_of(const char *cell);
size_t imp_marker_at(const char *s);
void imp_cell_markdown(buf *out, const char *cell);
void imp_plain_markdown(buf *out, const char *plain);

/* import_rows.c */
bool imp_rows_from_csv(arena *a, const char *text, size_t len, irows *rs);
int imp_rows_from_lines(arena *a, const char *s, size_t len, char delim, irows *rs, const char *file,
                           diag_list *dl);

/* import_table.c */
bool imp_find_header(const irows *rs, size_t *h, int map[F_N], int **field);
void imp_process_rows(tbl *t, const irows *rs, size_t h);

/* import_front.c */
void imp_find_title(pre *p);
void imp_find_approval(pre *p);
void imp_find_goal_tasks(pre *p);
void imp_pre_free(pre *p);
bool imp_year_in(const char *s, char out[10]);

/* import_yaml.c */
void imp_write_doc(writer *w, pre *p, const char *display);

#endif
