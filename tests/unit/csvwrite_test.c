/* csvwrite_test.c — the CSV writer: BOM, quoting, formula protection, CRLF,
 * and that what it writes reads back through csvread. */
#include "t.h"
#include "csvread.h"
#include "csvwrite.h"
#include "util.h"

#include <string.h>

static void test_writer(void)
{
	static const char *const fields[] = {"a", "b\"c", "=1+1", "-3", "+7", "@x", "\tx", "\rx",
	                                     "", NULL, "строка\nдве", "a,b;c"};
	buf b = BUF_INIT;
	csv_bom(&b);
	T_STREQ(buf_cstr(&b), "\xEF\xBB\xBF", "BOM");
	static const char *const head[] = {"h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9",
	                                   "h10", "h11", "h12"};
	csv_write_row(&b, head, ARRAY_LEN(head));
	buf row = BUF_INIT;
	csv_write_row(&row, fields, ARRAY_LEN(fields));
	T_STREQ(buf_cstr(&row),
	        "\"a\",\"b\"\"c\",\"'=1+1\",-3,\"'+7\",\"'@x\",\"'\tx\",\"'\rx\",\"\",\"\","
	        "\"строка\nдве\",\"a,b;c\"\r\n",
	        "row quoting and formula protection");
	csv_write_row(&row, NULL, 0);
	T_CHECK(row.len >= 2 && !strcmp(row.data + row.len - 2, "\r\n"), "empty row is CRLF");
	buf_put(&b, row.data, row.len);
	buf_free(&row);

	/* What we export reads back. */
	diag_list dl = DIAG_LIST_INIT;
	csv_table t;
	int rc = csv_read_mem(b.data, b.len, "export.csv", &t, &dl);
	T_CHECK(rc == 0 && t.had_bom && t.delim == ',' && t.nrows == 1, "export reads back");
	if (t.nrows == 1) {
		T_STREQ(t.rows[0].cells[1].text, "b\"c", "round trip quote");
		T_STREQ(t.rows[0].cells[2].text, "'=1+1", "round trip formula");
		T_STREQ(t.rows[0].cells[10].text, "строка\nдве", "round trip newline");
		T_STREQ(t.rows[0].cells[11].text, "a,b;c", "round trip delimiters");
	}
	csv_table_free(&t);
	diag_list_free(&dl);
	buf_free(&b);
}

int main(void)
{
	test_writer();
	return t_done("csvwrite");
}
