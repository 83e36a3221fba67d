/* import_rows.c — `roadmap import`: the text split into rows of cells (see import_int.h). */
#include "import_int.h"
#include "csvread.h"
#include "deadline.h"
#include "utf8.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- rows ---- */




static bool row_blank(const irow *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->c[i].text[0])
			return false;
	return true;
}

static void rows_push(irows *rs, irow r)
{
	if (row_blank(&r))
		return;
	xgrow((void **)&rs->v, &rs->cap, rs->n + 1, sizeof(irow));
	rs->v[rs->n++] = r;
}

static irow row_from_csv(arena *a, const csv_row *cr)
{
	irow r = {arena_alloc(a, (cr->n ? cr->n : 1) * sizeof(icell)), cr->n, cr->line};
	for (size_t i = 0; i < cr->n; i++)
		r.c[i] = (icell){imp_clean_cell(a, cr->cells[i].text, strlen(cr->cells[i].text)), cr->cells[i].line,
		                 cr->cells[i].col};
	return r;
}

/* Rows of a regular CSV/TSV (every row as long as the first): csvread does the
 * quoting, multi-line cells and `sep=`.  False when the text is not one
 * (pasted text: rows of different lengths, or no delimiter at all). */
bool imp_rows_from_csv(arena *a, const char *text, size_t len, irows *rs)
{
	csv_table t;
	diag_list quiet = DIAG_LIST_INIT;
	int rc = csv_read_mem(text, len, NULL, &t, &quiet);
	bool ok = rc == 0 && t.delim && t.header.n >= 2;
	if (ok) {
		rows_push(rs, row_from_csv(a, &t.header));
		for (size_t i = 0; i < t.nrows; i++)
			rows_push(rs, row_from_csv(a, &t.rows[i]));
	}
	csv_table_free(&t);
	diag_list_free(&quiet);
	return ok;
}

/* Rows of pasted text: one row per line, cells split at delim.  With ';' or ','
 * a cell may be quoted ("…"" …") within its line; a TAB-separated paste has no
 * quoting.  A first line `sep=X` names the delimiter as Excel writes it.
 * Returns -1 after an error when a row has more than CSV_MAX_COLS cells or
 * there are more than CSV_MAX_ROWS rows. */
int imp_rows_from_lines(arena *a, const char *s, size_t len, char delim, irows *rs, const char *file,
                           diag_list *dl)
{
	int line = 1;
	size_t i = 0;
	if (len >= 5 && !strncmp(s, "sep=", 4) && (s[5] == '\n' || s[5] == '\r')) {
		while (i < len && s[i] != '\n')
			i++;
		i++;
		line = 2;
	}
	icell *cells = NULL;
	size_t cap = 0;
	int rc = 0;
	while (i < len) {
		size_t n = 0;
		int col = 1, row_line = line;
		for (;;) {
			size_t start = i;
			int ccol = col;
			buf cell = BUF_INIT;
			bool quoted = delim != '\t' && s[i] == '"';
			if (quoted) {
				/* Find the closing quote: "" is a quote inside; a quoted
				 * cell may span lines (Excel writes line breaks of a cell
				 * so), up to CSV_MAX_CELL bytes. */
				size_t j = i + 1;
				bool closed = false;
				int lines_in = 0;
				size_t last_nl = 0;
				buf q = BUF_INIT;
				while (j < len && j - i < CSV_MAX_CELL) {
					if (s[j] == '"' && j + 1 < len && s[j + 1] == '"') {
						buf_putc(&q, '"');
						j += 2;
					} else if (s[j] == '"') {
						closed = true;
						j++;
						break;
					} else {
						if (s[j] == '\n' || (s[j] == '\r' && (j + 1 >= len || s[j + 1] != '\n'))) {
							lines_in++;
							last_nl = j + 1;
						}
						buf_putc(&q, s[j++]);
					}
				}
				if (closed) {
					/* Text after the closing quote up to the delimiter is kept. */
					while (j < len && s[j] != delim && s[j] != '\n' && s[j] != '\r')
						buf_putc(&q, s[j++]);
					buf_put(&cell, q.data ? q.data : "", q.len);
					i = j;
					if (lines_in) {
						/* The cells after it start on a later line. */
						line += lines_in;
						col = 1 + imp_count_chars(s + last_nl, i - last_nl);
						start = i;
					}
				} else {
					quoted = false;
				}
				buf_free(&q);
			}
			if (!quoted) {
				while (i < len && s[i] != delim && s[i] != '\n' && s[i] != '\r')
					i++;
				buf_put(&cell, s + start, i - start);
			}
			col += imp_count_chars(s + start, i - start);
			if (n == CSV_MAX_COLS) {
				diag_add(dl, DIAG_ERROR, file, line, ccol, "в строке больше 1000 ячеек: это не таблица?");
				buf_free(&cell);
				rc = -1;
				goto out;
			}
			xgrow((void **)&cells, &cap, n + 1, sizeof(icell));
			cells[n++] = (icell){imp_clean_cell(a, buf_cstr(&cell), cell.len), line, ccol};
			buf_free(&cell);
			if (i < len && s[i] == delim) {
				i++;
				col++;
				continue;
			}
			break;
		}
		imp_rows_add(a, rs, cells, n, row_line);
		if (rs->n > CSV_MAX_ROWS) {
			diag_add(dl, DIAG_ERROR, file, line, 1, "в файле больше 1 000 000 строк");
			rc = -1;
			goto out;
		}
		if (i < len && s[i] == '\r')
			i++;
		if (i < len && s[i] == '\n')
			i++;
		line++;
	}
out:
	free(cells);
	return rc;
}

void imp_rows_add(arena *a, irows *rs, const icell *cells, size_t n, int line)
{
	irow r = {arena_alloc(a, (n ? n : 1) * sizeof(icell)), n, line};
	if (n)
		memcpy(r.c, cells, n * sizeof(icell));
	rows_push(rs, r);
}
