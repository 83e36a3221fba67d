/* import.h — `roadmap import`: an existing roadmap table → a roadmap YAML document.
 *
 * Implements spec/import.md.  The input is what people have: a Word table
 * pasted into a text editor (cells separated by TAB, one row per line, rows
 * broken over a page continued on an extra line, section headings in a row of
 * their own, HTML remnants of a web page such as <p> and <ul><li>), or a CSV/TSV
 * saved from Excel (any delimiter, UTF-8 or Windows-1251), with the order, the
 * approval block, the title, goal and tasks around the table.
 *
 * The output is a document that `roadmap check` accepts and that shows the same
 * activities, in the same order, with the same numbers and texts; a person then
 * only corrects it and adds `schools:`.  Every scalar is written quoted (or as a
 * literal block for multi-line Markdown) so that no value is misread, and text
 * that goes into Markdown fields is escaped so that it renders as written.
 *
 * Nothing here prints or exits: the YAML goes to a buf, problems and remarks
 * (deadlines not understood, rows merged, columns not carried over) to a
 * diag_list with their source line, the counts to an import_stats. */
#ifndef ROADMAP_IMPORT_H
#define ROADMAP_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "diag.h"

struct site;

typedef struct import_opts {
	/* "YYYY-YYYY": the school year in whose period deadlines are read (to
	 * tell which ones are understood).  NULL: the year named in the title
	 * («на 2021-2022 учебный год»), else the one of the approval date, else
	 * fallback_edition. */
	const char *edition;
	/* Used when edition is NULL and the text names no year; must be a valid
	 * "YYYY-YYYY" (main passes the current school year). */
	const char *fallback_edition;
	/* Registry of schools (only id and name are used), or NULL: activities
	 * naming registry schools («ОУ №№ 4, 7») get their ids. */
	const struct site *registry;
	/* Receives the indicator table of a programme as indicators.yaml
	 * entries (NULL: not wanted). */
	buf *indicators;
	/* Write the document even when it looks misread (still reported). */
	bool force;
} import_opts;

typedef struct import_stats {
	size_t sections;          /* sections written (an implicit one included) */
	size_t activities;        /* activities written */
	size_t continuations;     /* continuation rows merged into the row above */
	size_t merged;            /* empty deadline / responsible cells filled from a
	                           * vertically merged cell above */
	size_t unknown_deadlines; /* deadlines the deadline parser does not understand */
	char edition[10];         /* the "YYYY-YYYY" the deadlines were read in */
	bool title_found;         /* false: a placeholder title was written */
	bool approved_found;      /* an approval block filled `approved:` */
	const char *layout;       /* how the table was read (Russian, static) */
	size_t remnants;          /* Word remnants dropped (running headers, page numbers …) */
	size_t indicators;        /* entries of an indicator table */
	size_t chapters;          /* chapters of the text around the table */
	size_t considered;        /* consideration / agreement stamps */
	size_t schools_all;       /* `schools: all` written (document or sections) */
	size_t school_ids;        /* activities given school ids from the registry */
	size_t misreadings;       /* likely misreadings reported (see IMPORT_MISREAD) */
	size_t contacts;          /* contact lines below the table («Исп. …, тел. …») left out */
} import_stats;

/* Limits.  A roadmap table has 3–10 columns and tens to hundreds of rows;
 * beyond these the file is a wrong one, and each activity costs memory per
 * column, so the product must stay bounded (64 × 20 000 cells). */
enum {
	/* Header columns up to the last one with a label. */
	IMPORT_MAX_COLS = 64,
	/* Activities in one document. */
	IMPORT_MAX_ACTIVITIES = 20000
};

enum {
	IMPORT_OK = 0,
	IMPORT_BAD_TABLE = -1, /* no table found, wrong encoding, …: an error in dl */
	IMPORT_IO = -2,        /* the file could not be read: an error in dl */
	IMPORT_MISREAD = -3    /* the document was made but looks misread (empty
	                        * sections, untitled activities, sections of body
	                        * text, no deadline understood): errors in dl name
	                        * the rows; yaml holds the document (main writes
	                        * it only with --force) */
};

/* Converts data[0..len) (the file's bytes; UTF-8 with or without BOM, or
 * Windows-1251) into a roadmap document appended to yaml.  display names the
 * file in diagnostics and in the document's leading comment (NULL: "").
 * *st is always filled.  Returns IMPORT_OK (warnings and notes may have been
 * added to dl), or IMPORT_BAD_TABLE after appending at least one DIAG_ERROR
 * (then yaml is left unchanged).  o->fallback_edition must be valid. */
int import_mem(const char *data, size_t len, const char *display, const import_opts *o, buf *yaml,
               import_stats *st, diag_list *dl);

/* import_mem on the file at path (at most CSV_MAX_FILE bytes).  Returns
 * IMPORT_IO after an error in dl when the file is missing, unreadable, not a
 * regular file or too large; otherwise what import_mem returns. */
int import_file(const char *path, const char *display, const import_opts *o, buf *yaml,
                import_stats *st, diag_list *dl);

/* Reads a registry of schools (schools.csv: columns id and name) for
 * import_opts.registry.  Returns a heap site holding only the schools, or
 * NULL after errors in dl.  Release with import_registry_free. */
struct site *import_registry_load(const char *path, diag_list *dl);
void import_registry_free(struct site *s);

/* The building blocks, public for the unit test. */

/* Text of one table cell (UTF-8, may hold line breaks, HTML remnants and
 * entities, «- …» sub-items) as Markdown: paragraphs, «- » lists for sub-items
 * and <ul>/<li>, **bold** for <b>/<strong>, every other tag dropped, and text
 * escaped so that it renders as written (no raw HTML, no accidental lists or
 * emphasis).  Returns a heap string the caller frees ("" for an empty cell). */
char *import_cell_markdown(const char *cell);

/* Text of one cell as plain one-line text: tags dropped, entities decoded,
 * paste-tool ** markers removed, whitespace collapsed.  Heap string. */
char *import_cell_plain(const char *cell);

/* Splits a «responsible» text into the bodies it lists: at commas, semicolons
 * and line breaks outside «» „“ "" and () — so «МКУ «ЦОДСО города Кимры», ОО»
 * gives two — and trims them.  Returns the count (0 for an empty text) and a
 * heap array of heap strings in *out, released with import_strs_free. */
size_t import_split_bodies(const char *text, char ***out);
void import_strs_free(char **v, size_t n);

/* Appends s as a YAML double-quoted scalar: \ and " escaped, control and
 * line-break characters as escapes, so any text reads back exactly. */
void import_yaml_quoted(buf *out, const char *s);

#endif
