/* csvread.h — reading CSV tables as Excel writes them (writing: csvwrite.h).
 *
 * Implements content.md § «CSV files in general»: delimiter `,` `;` or TAB
 * (detected, or from a first line `sep=;`), UTF-8 with or without BOM or else
 * Windows-1251, CRLF/CR/LF, quoted cells spanning lines, empty lines skipped,
 * a row with the wrong number of fields is an error.  Parsing is done by
 * libcsv (non-strict, so the stray quotes of hand-edited files are kept as
 * text); this module adds encodings, positions and limits.
 *
 * Every cell remembers where it starts so that loaders can report
 * `file:line:column`.  Problems are appended to a diag_list in Russian for the
 * content author; nothing here prints or exits.  No globals: tables may be
 * read from several threads at once. */
#ifndef ROADMAP_CSVREAD_H
#define ROADMAP_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "diag.h"

/* Limits.  A site's tables are a few thousand rows of a few dozen columns;
 * far beyond that the file is a wrong one (a database dump, a binary renamed to
 * .csv, a quote left open) and would cost gigabytes before any error showed. */
enum {
	/* 64 MiB: far above any table of a municipal site; checked with fstat
	 * before reading, so a 200 MB file costs no memory. */
	CSV_MAX_FILE = 64 * 1024 * 1024,
	/* 1000 fields per row: real tables have < 100; more means a wrong
	 * delimiter or a non-CSV file, and each field costs memory. */
	CSV_MAX_COLS = 1000,
	/* 1 MiB per cell (bytes): prose in a cell is a few KB; a bigger cell is
	 * almost always a quote left open that swallowed the rest of the file. */
	CSV_MAX_CELL = 1024 * 1024,
	/* 1 000 000 data rows (header not counted): more than one row per pupil
	 * of a large region; bounds the row array of a file of tiny rows. */
	CSV_MAX_ROWS = 1000000
};

typedef struct csv_cell {
	/* UTF-8, never NULL.  Quotes removed ("" → "), line breaks inside the
	 * cell turned into LF, and trimmed of spaces at both ends (utf8_trim:
	 * ASCII and Unicode spaces incl. U+00A0), since no content value has
	 * meaningful edge spaces and Word pastes non-breaking ones. */
	const char *text;
	/* Where the cell starts in the file: the character right after the
	 * preceding delimiter, or column 1 for a row's first cell.  Columns
	 * count characters; a `sep=` line and the BOM are counted as in the
	 * file (the line numbers match a text editor's). */
	int line, col;
} csv_cell;

typedef struct csv_row {
	csv_cell *cells;
	size_t n;
	int line; /* line of the row's first cell */
} csv_row;

struct csv_pool; /* private: storage of the cell texts */

typedef struct csv_table {
	char *file;            /* display name used in diagnostics */
	csv_row header;        /* the first non-empty row */
	csv_row *rows;         /* data rows; empty rows skipped */
	size_t nrows;
	char delim;            /* ',' ';' '\t' (or the sep= character); 0 when the
	                        * header has no delimiter: one column, rows unsplit */
	bool was_cp1251;       /* the bytes were Windows-1251 and were converted */
	bool had_bom;          /* the file started with the UTF-8 BOM */
	struct csv_pool *pool; /* private */
} csv_table;

/* Reads and parses the file at path.  display is the name used in diagnostics
 * and stored in out->file (NULL: path).  Returns 0 when the whole file was
 * read without errors.  Returns -1 after appending at least one DIAG_ERROR to
 * dl: the path is missing, unreadable, a folder or not a regular file; the file
 * is larger than CSV_MAX_FILE (seen by fstat, before anything is read); and
 * every error of csv_read_mem.
 * *out is always initialised (also on -1) and must be released with
 * csv_table_free. */
int csv_read_file(const char *path, const char *display, csv_table *out, diag_list *dl);

/* Parses data[0..len) as a CSV file; data is not modified nor kept.
 * Returns 0 on success, -1 after appending errors to dl (file name display,
 * which may be NULL for ""): more than CSV_MAX_FILE bytes; an .xlsx/.xls or
 * UTF-16 file; a NUL byte; bytes that are neither UTF-8 nor Windows-1251
 * (position of the first bad byte); no header row; a row with a number of
 * fields different from the header (each such row reported and left out);
 * a cell quote left open at the end of the file; more than CSV_MAX_COLS
 * fields, CSV_MAX_CELL bytes in a cell or CSV_MAX_ROWS rows.
 * Rows whose cells are all empty (lines like `;;;` that Excel writes for
 * blank rows) are skipped like empty lines.
 * On -1 the table keeps the rows read without error (possibly none) so that a
 * loader may go on reporting problems in them, but the file counts as failed.
 * *out is always initialised and must be released with csv_table_free. */
int csv_read_mem(const char *data, size_t len, const char *display, csv_table *out,
                 diag_list *dl);

/* Releases everything *t owns and leaves it zeroed.  NULL-safe. */
void csv_table_free(csv_table *t);

/* Index of the first header column whose name equals name or one of aliases
 * (a NULL-terminated list, or NULL) ignoring case, surrounding spaces, the
 * kind and number of spaces between words, and the difference of «ё» and «е»;
 * e.g. name "school" with aliases {"оо", "школа", NULL} finds a column headed
 * « Школа ».  Returns -1 when none matches. */
int csv_find_col(const csv_table *t, const char *name, const char *const *aliases);

/* Text of row->cells[col], or "" when col is negative or beyond the row, so
 * that an optional column found missing (-1) reads as empty. */
const char *csv_cell_text(const csv_row *row, int col);

/* Parses a number as people type it in Russian spreadsheets: optional leading
 * minus (also U+2212), digits optionally grouped by three with a space, U+00A0
 * U+2009 or U+202F ("1 375"), a decimal comma or point ("12,5"), and an
 * optional trailing percent sign, possibly after a space ("12,5 %").  Spaces
 * around are ignored.  Returns 0 and stores the value in *out (the number as
 * written: "12,5 %" gives 12.5) and whether there was a percent sign in
 * *had_percent (may be NULL); returns -1 for anything else ("", "abc", "1,2,3",
 * "12 34", "1e5") leaving *out and *had_percent unchanged. */
int csv_parse_number(const char *text, double *out, bool *had_percent);

#endif
