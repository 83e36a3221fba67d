/* fuzz_csv.c — libFuzzer target for the CSV loader (csvread.c).
 *
 * The input is a whole CSV file (any encoding).  Checks the contract of
 * csv_read_mem: every row has as many cells as the header, cells are
 * NUL-terminated strings within CSV_MAX_CELL, positions are 1-based; then
 * looks columns up, parses every cell as a number and writes the table back
 * as an export, whose fields must all be quoted and formula-safe. */
#include "csvread.h"
#include "csvwrite.h"

#include <stdint.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static void check_row(const csv_row *r, size_t want)
{
	if (want && r->n != want)
		abort();
	if (r->n > CSV_MAX_COLS || r->line < 1)
		abort();
	for (size_t i = 0; i < r->n; i++) {
		const csv_cell *c = &r->cells[i];
		if (!c->text || strlen(c->text) > CSV_MAX_CELL || c->line < 1 || c->col < 1)
			abort();
	}
}

/* The first field of an exported row, at p. */
static bool exported_field_ok(const char *p)
{
	if (*p == '"')
		return p[1] == '\0' || strchr("=+-@\t\r", p[1]) == NULL;
	if (*p == '-')
		p++;
	if (!isdigit((unsigned char)*p))
		return false;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p == '.') {
		if (!isdigit((unsigned char)*++p))
			return false;
		while (isdigit((unsigned char)*p))
			p++;
	}
	return *p == ',' || *p == '\r';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_list dl = DIAG_LIST_INIT;
	csv_table t;
	int rc = csv_read_mem((const char *)data, size, "f.csv", &t, &dl);
	if (rc == 0 && dl.errors)
		abort();
	if (rc != 0 && !dl.errors)
		abort(); /* -1 always comes with an error */
	if (t.header.n)
		check_row(&t.header, 0);
	else if (t.nrows)
		abort(); /* rows without a header */
	if (t.nrows > CSV_MAX_ROWS)
		abort();
	static const char *const aliases[] = {"код", "школа", NULL};
	csv_find_col(&t, "id", aliases);
	csv_find_col(&t, "name", NULL);
	buf out = BUF_INIT;
	csv_bom(&out);
	for (size_t i = 0; i < t.nrows; i++) {
		const csv_row *r = &t.rows[i];
		check_row(r, t.header.n);
		const char *fields[8];
		size_t n = r->n < 8 ? r->n : 8;
		for (size_t k = 0; k < n; k++) {
			double v;
			bool pct;
			csv_parse_number(r->cells[k].text, &v, &pct);
			fields[k] = csv_cell_text(r, (int)k);
		}
		csv_cell_text(r, -1);
		csv_cell_text(r, (int)r->n);
		size_t before = out.len;
		csv_write_row(&out, fields, n);
		/* Every exported field either is a plain number written bare
		 * ([-]digits[.digits], read as a number, never as a formula) or is
		 * quoted and never starts a formula. */
		if (n && !exported_field_ok(out.data + before))
			abort();
	}
	buf_free(&out);
	csv_table_free(&t);
	diag_list_free(&dl);
	return 0;
}
