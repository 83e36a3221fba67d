/* csvread_test.c — CSV as Excel and people write it: encodings, delimiters,
 * positions, errors, limits; numbers; header aliases. */
#include "t.h"
#include "csvread.h"
#include "util.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Byte strings may contain NUL: pass literal and length together. */
#define B(s) s, sizeof(s) - 1

enum { F_CP1251 = 1, F_BOM = 2 };

/* The table as text: cells "text@line:col" joined by '|', rows by '\n', the
 * header first; a LF inside a cell shows as "\n". */
static void dump_row(buf *b, const csv_row *r)
{
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			buf_putc(b, '|');
		for (const char *p = r->cells[i].text; *p; p++) {
			if (*p == '\n')
				buf_puts(b, "\\n");
			else
				buf_putc(b, *p);
		}
		buf_printf(b, "@%d:%d", r->cells[i].line, r->cells[i].col);
	}
}

static char *dump(const csv_table *t)
{
	buf b = BUF_INIT;
	dump_row(&b, &t->header);
	for (size_t i = 0; i < t->nrows; i++) {
		buf_putc(&b, '\n');
		dump_row(&b, &t->rows[i]);
	}
	return buf_detach(&b);
}

/* Diagnostics as "line:col: message" lines. */
static char *dump_diags(const diag_list *dl)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < dl->n; i++)
		buf_printf(&b, "%s%d:%d: %s", i ? "\n" : "", dl->items[i].line, dl->items[i].col,
		           dl->items[i].msg);
	return buf_detach(&b);
}

static const struct rcase {
	const char *name;
	const char *data;
	size_t len;
	int rc;
	char delim;
	int flags;
	const char *table; /* dump(), NULL: not checked */
	const char *diags; /* dump_diags() */
} read_cases[] = {
	{"Excel, Windows-1251, ';', CRLF",
	 B("\xB9;\xD8\xEA\xEE\xEB\xE0;\xC4\xEE\xEB\xFF, %\r\n"
	   "1;\xD1\xD8 \xB9 13;12,5\r\n"
	   "2;\"\xCC\xCE\xD3 \"\"\xD1\xD8 \xB9 4\"\"\";7\r\n"),
	 0, ';', F_CP1251,
	 "№@1:1|Школа@1:3|Доля, %@1:9\n"
	 "1@2:1|СШ № 13@2:3|12,5@2:11\n"
	 "2@3:1|МОУ \"СШ № 4\"@3:3|7@3:20",
	 ""},
	{"UTF-8 with BOM, ','",
	 B("\xEF\xBB\xBFid,name\r\nsosh-1,\"Школа, № 1\"\r\n"), 0, ',', F_BOM,
	 "id@1:1|name@1:4\nsosh-1@2:1|Школа, № 1@2:8", ""},
	{"sep=; honoured and skipped, lines counted",
	 B("sep=;\r\na,b;c\r\n1,5;2\r\n"), 0, ';', 0,
	 "a,b@2:1|c@2:5\n1,5@3:1|2@3:5", ""},
	{"sep= with BOM",
	 B("\xEF\xBB\xBFSEP=,\na;b,c\n"), 0, ',', F_BOM, "a;b@2:1|c@2:5", ""},
	{"TAB",
	 B("id\tname\tn\n1\t\tx y\n"), 0, '\t', 0,
	 "id@1:1|name@1:4|n@1:9\n1@2:1|@2:3|x y@2:4", ""},
	{"quoted multi-line cells keep the following lines right",
	 B("id;text;n\r\n1;\"line1\r\nline2\r\nline3\";5\r\n2;\"a \"\"q\"\"\";6\r\n3;\"x\ny\";7"),
	 0, ';', 0,
	 "id@1:1|text@1:4|n@1:9\n"
	 "1@2:1|line1\\nline2\\nline3@2:3|5@4:8\n"
	 "2@5:1|a \"q\"@5:3|6@5:13\n"
	 "3@6:1|x\\ny@6:3|7@7:4",
	 ""},
	{"empty lines skipped, CR line ends",
	 B("a;b\r\r1;2\r\r\r3;4"), 0, ';', 0, "a@1:1|b@1:3\n1@3:1|2@3:3\n3@6:1|4@6:3", ""},
	{"blank lines, ';;;' rows and leading empty lines skipped",
	 B("\n\r\n  \na;b;c\n;;\n \t \n1;2;3\n ; ;\xC2\xA0\n"), 0, ';', 0,
	 "a@4:1|b@4:3|c@4:5\n1@7:1|2@7:3|3@7:5", ""},
	{"cells trimmed of spaces and NBSP; column is right after the delimiter",
	 B("a;b\n  x ;\xC2\xA0y\xC2\xA0\n"), 0, ';', 0, "a@1:1|b@1:3\nx@2:1|y@2:6", ""},
	{"quoted delimiters and columns after them",
	 B("a;b;c\n\"x;y\";\"z\";w\n"), 0, ';', 0, "a@1:1|b@1:3|c@1:5\nx;y@2:1|z@2:7|w@2:11", ""},
	{"columns count characters, not bytes",
	 B("Школа;Доля\nСШ;1\n"), 0, ';', 0, "Школа@1:1|Доля@1:7\nСШ@2:1|1@2:4", ""},
	{"wrong field count: error per row, good rows kept",
	 B("a;b;c;d\n1;2;3;4\n1;2;3;4;5\n1;2\n5;6;7;8\n1\n"), -1, ';', 0,
	 "a@1:1|b@1:3|c@1:5|d@1:7\n1@2:1|2@2:3|3@2:5|4@2:7\n5@5:1|6@5:3|7@5:5|8@5:7",
	 "3:9: в строке 5 полей, а в заголовке 4\n"
	 "4:1: в строке 2 поля, а в заголовке 4\n"
	 "6:1: в строке 1 поле, а в заголовке 4"},
	{"Windows-1251 with 0x98: neither encoding",
	 B("a;b\n\xD8\xEA;\x98\n"), -1, 0, 0, NULL,
	 "2:4: недопустимый байт 0x98: файл не в UTF-8 и не в Windows-1251"},
	{"UTF-8 (whose И is D0 98) with a bad byte",
	 B("a;b\nИван;\xFF\n"), -1, 0, 0, NULL,
	 "2:6: недопустимый байт 0xFF: файл в UTF-8, но этот байт в UTF-8 недопустим (файл повреждён?)"},
	{"damaged UTF-8 that Windows-1251 would take is not read as mojibake",
	 B("a;b\nШкола;\xC0\n"), -1, 0, 0, NULL,
	 "2:7: недопустимый байт 0xC0: файл в UTF-8, но этот байт в UTF-8 недопустим (файл повреждён?)"},
	{"Windows-1251 «МОУ СОШ»: its Ш» happens to be valid UTF-8",
	 B("\xCD\xE0\xE7\xE2\xE0\xED\xE8\xE5\n\xAB\xCC\xCE\xD3 \xD1\xCE\xD8\xBB\n"), 0, 0,
	 F_CP1251, "Название@1:1\n«МОУ СОШ»@2:1", ""},
	{"BOM then not UTF-8",
	 B("\xEF\xBB\xBF" "a\n\xC0\n"), -1, 0, F_BOM, NULL,
	 "2:1: недопустимый байт 0xC0: файл начинается с метки UTF-8 (BOM), но дальше не UTF-8"},
	{"NUL byte", B("a;b\nШк\0x\n"), -1, 0, 0, NULL,
	 "2:3: нулевой байт (0x00): это не текстовый файл"},
	{"NUL byte in Windows-1251 text", B("\xD8\xEA;b\n\xD8\xEA\0x\n"), -1, 0, 0, NULL,
	 "2:3: нулевой байт (0x00): это не текстовый файл"},
	{"xlsx renamed to csv", B("PK\x03\x04\x14\0\x06\0"), -1, 0, 0, NULL,
	 "0:0: это не текст, а книга Excel или LibreOffice (.xlsx, .ods) либо документ Word (.docx): "
	 "сохраните таблицу в формате «CSV UTF-8» или скопируйте её в текстовый файл"},
	{"UTF-16", B("\xFF\xFE" "a\0;\0b\0"), -1, 0, 0, NULL,
	 "0:0: файл в кодировке UTF-16 («Текст Юникод»): сохраните таблицу в формате «CSV UTF-8»"},
	{"empty file", B(""), -1, 0, 0, "", "0:0: в файле нет строки заголовка"},
	{"only blank lines", B("\r\n\r\n  \r\n;;\r\n"), -1, ';', 0, "",
	 "0:0: в файле нет строки заголовка"},
	{"only a sep= line", B("sep=;"), -1, ';', 0, "", "0:0: в файле нет строки заголовка"},
	{"quote never closed", B("a;b\n1;\"xx\n2;3\n"), -1, ';', 0, NULL,
	 "2:3: кавычка не закрыта: ячейка тянется до конца файла "
	 "(кавычки внутри ячейки в кавычках надо удваивать)"},
	{"naively quoted quotes run to the end", B("a;b\n1;\"МОУ \"СШ\"\"\n2;3\n"), -1, ';', 0,
	 NULL,
	 "2:3: кавычка не закрыта: ячейка тянется до конца файла "
	 "(кавычки внутри ячейки в кавычках надо удваивать)"},
	{"quote closed at end of file", B("a;b\n1;\"x\"  "), 0, ';', 0, "a@1:1|b@1:3\n1@2:1|x@2:3",
	 ""},
	{"stray quotes in an unquoted cell are text", B("id;name\n1;МОУ \"СШ № 13\"\n"), 0, ';', 0,
	 "id@1:1|name@1:4\n1@2:1|МОУ \"СШ № 13\"@2:3", ""},
	{"no delimiter in the header: one column", B("name\nИванов; Петров, Сидоров\n"), 0, 0, 0,
	 "name@1:1\nИванов; Петров, Сидоров@2:1", ""},
	{"commas inside header names: ';' occurs as often on every row",
	 B("Школа;Доля, %;Кол-во, чел.\nСШ 1;12,5;300\nСШ 2;7;1 375\n"), 0, ';', 0, NULL, ""},
	{"semicolons in text of a ',' file", B("id,name\n1,a;b\n2,c\n"), 0, ',', 0,
	 "id@1:1|name@1:4\n1@2:1|a;b@2:3\n2@3:1|c@3:3", ""},
	{"tie goes to ';'", B("a,b;c\n1,5;2\n"), 0, ';', 0, "a,b@1:1|c@1:5\n1,5@2:1|2@2:5", ""},
	{"the more frequent delimiter wins", B("a,b,c;d\n1,2,3;4\n"), 0, ',', 0, NULL, ""},
	{"quoted header cell with a newline and delimiters",
	 B("\"Доля;\nв %\";id\n1;2\n"), 0, ';', 0, "Доля;\\nв %@1:1|id@2:6\n1@3:1|2@3:3", ""},
	{"TAB delimiter with TABs at the row start",
	 B("a\tb\tc\n\t\tx\n"), 0, '\t', 0, "a@1:1|b@1:3|c@1:5\n@2:1|@2:2|x@2:3", ""},
};

static void test_read_cases(void)
{
	for (size_t i = 0; i < ARRAY_LEN(read_cases); i++) {
		const struct rcase *c = &read_cases[i];
		diag_list dl = DIAG_LIST_INIT;
		csv_table t;
		int rc = csv_read_mem(c->data, c->len, "t.csv", &t, &dl);
		T_CHECK(rc == c->rc, "%s: rc %d", c->name, rc);
		T_STREQ(t.file, "t.csv", c->name);
		if (!rc || c->delim)
			T_CHECK(t.delim == c->delim, "%s: delim %d", c->name, t.delim);
		T_CHECK(t.was_cp1251 == !!(c->flags & F_CP1251), "%s: was_cp1251", c->name);
		T_CHECK(t.had_bom == !!(c->flags & F_BOM), "%s: had_bom", c->name);
		if (c->table) {
			char *d = dump(&t);
			T_STREQ(d, c->table, c->name);
			free(d);
		}
		char *dd = dump_diags(&dl);
		T_STREQ(dd, c->diags, c->name);
		T_CHECK((dl.errors > 0) == (rc != 0), "%s: errors iff -1", c->name);
		free(dd);
		csv_table_free(&t);
		T_CHECK(!t.file && !t.rows && !t.pool, "%s: freed table zeroed", c->name);
		diag_list_free(&dl);
	}
}

/* Reads data (NUL-terminated) and returns the diagnostics as text; *rc set. */
static char *read_diags(const char *data, size_t len, int *rc, csv_table *t)
{
	diag_list dl = DIAG_LIST_INIT;
	*rc = csv_read_mem(data, len, "big.csv", t, &dl);
	char *d = dump_diags(&dl);
	diag_list_free(&dl);
	return d;
}

static char *repeat_row(size_t cols, const char *cell, size_t rows)
{
	buf b = BUF_INIT;
	for (size_t r = 0; r < rows; r++) {
		for (size_t i = 0; i < cols; i++) {
			if (i)
				buf_putc(&b, ',');
			buf_puts(&b, cell);
		}
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

static void test_column_limit(void)
{
	int rc;
	csv_table t;
	char *s = repeat_row(100000, "a", 1);
	char *d = read_diags(s, strlen(s), &rc, &t);
	T_CHECK(rc == -1, "100 000 columns refused");
	T_STREQ(d, "1:1: в строке больше 1000 столбцов", "100 000 columns");
	csv_table_free(&t);
	free(d);
	free(s);

	s = repeat_row(CSV_MAX_COLS, "a", 3);
	d = read_diags(s, strlen(s), &rc, &t);
	T_CHECK(rc == 0 && t.header.n == CSV_MAX_COLS && t.nrows == 2, "1000 columns accepted");
	T_STREQ(d, "", "1000 columns");
	csv_table_free(&t);
	free(d);
	free(s);

	s = repeat_row(CSV_MAX_COLS + 1, "a", 1);
	d = read_diags(s, strlen(s), &rc, &t);
	T_STREQ(d, "1:1: в строке больше 1000 столбцов", "1001 columns");
	csv_table_free(&t);
	free(d);
	free(s);
}

static char *cell_file(size_t cell, bool quoted)
{
	buf b = BUF_INIT;
	buf_puts(&b, "a;b\n1;");
	if (quoted)
		buf_putc(&b, '"');
	for (size_t i = 0; i < cell; i++)
		buf_putc(&b, i % 1000 == 999 ? '\n' : 'x');
	buf_puts(&b, quoted ? "\"\n" : "\n");
	return buf_detach(&b);
}

static void test_cell_limit(void)
{
	static const struct {
		size_t size;
		bool quoted;
		int rc;
		const char *diags;
	} cases[] = {
		{2 * 1024 * 1024, true, -1, "2:3: ячейка больше 1 МиБ (возможно, не закрыта кавычка)"},
		{CSV_MAX_CELL, true, 0, ""},
		{CSV_MAX_CELL + 1, true, -1, "2:3: ячейка больше 1 МиБ (возможно, не закрыта кавычка)"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		int rc;
		csv_table t;
		char *s = cell_file(cases[i].size, cases[i].quoted);
		char *d = read_diags(s, strlen(s), &rc, &t);
		T_CHECK(rc == cases[i].rc, "cell case %zu: rc %d", i, rc);
		T_STREQ(d, cases[i].diags, "cell limit");
		if (!rc)
			T_CHECK(t.nrows == 1 && strlen(t.rows[0].cells[1].text) == cases[i].size,
			        "1 MiB cell kept whole");
		csv_table_free(&t);
		free(d);
		free(s);
	}
	/* An unquoted 2 MiB line: no line break inside, so no quotes needed. */
	buf b = BUF_INIT;
	buf_puts(&b, "a\n");
	for (size_t i = 0; i < 2 * 1024 * 1024; i++)
		buf_putc(&b, 'x');
	int rc;
	csv_table t;
	char *d = read_diags(b.data, b.len, &rc, &t);
	T_STREQ(d, "2:1: ячейка больше 1 МиБ (возможно, не закрыта кавычка)", "unquoted 2 MiB");
	csv_table_free(&t);
	free(d);
	buf_free(&b);
}

static void test_row_limit(void)
{
	buf b = BUF_INIT;
	buf_puts(&b, "n\n");
	for (int i = 0; i < CSV_MAX_ROWS; i++)
		buf_puts(&b, "1\n");
	int rc;
	csv_table t;
	char *d = read_diags(b.data, b.len, &rc, &t);
	T_CHECK(rc == 0 && t.nrows == CSV_MAX_ROWS, "1 000 000 rows accepted: %zu", t.nrows);
	T_CHECK(t.rows[CSV_MAX_ROWS - 1].line == CSV_MAX_ROWS + 1, "last row line");
	csv_table_free(&t);
	free(d);

	buf_puts(&b, "1\n2\n");
	d = read_diags(b.data, b.len, &rc, &t);
	T_CHECK(rc == -1, "1 000 002 rows refused");
	T_STREQ(d, "1000002:1: в файле больше 1 000 000 строк", "row limit");
	csv_table_free(&t);
	free(d);
	buf_free(&b);
}

static void test_mem_size_limit(void)
{
	/* calloc'd pages stay untouched: the size is refused before reading. */
	size_t n = (size_t)CSV_MAX_FILE + 1;
	char *big = xcalloc(n, 1);
	int rc;
	csv_table t;
	char *d = read_diags(big, n, &rc, &t);
	T_CHECK(rc == -1, "64 MiB + 1 in memory refused");
	T_STREQ(d, "0:0: файл больше 64 МиБ: это не таблица сайта?", "memory size limit");
	csv_table_free(&t);
	free(d);
	free(big);
}

static char *tmp_file(const char *content, size_t len)
{
	char *path = xstrdup("/tmp/csvread_test_XXXXXX");
	int fd = mkstemp(path);
	T_CHECK(fd >= 0, "mkstemp");
	if (fd >= 0) {
		T_CHECK(write(fd, content, len) == (ssize_t)len, "write temp file");
		close(fd);
	}
	return path;
}

static char *file_diags(const char *path, const char *display, int *rc, csv_table *t)
{
	diag_list dl = DIAG_LIST_INIT;
	*rc = csv_read_file(path, display, t, &dl);
	buf b = BUF_INIT;
	for (size_t i = 0; i < dl.n; i++)
		buf_printf(&b, "%s:%d:%d: %s", dl.items[i].file, dl.items[i].line, dl.items[i].col,
		           dl.items[i].msg);
	diag_list_free(&dl);
	return buf_detach(&b);
}

static void test_files(void)
{
	int rc;
	csv_table t;

	char *path = tmp_file(B("id;name\r\nsosh-1;\xD1\xD8 1\r\n"));
	char *d = file_diags(path, "schools.csv", &rc, &t);
	T_CHECK(rc == 0 && t.was_cp1251 && t.nrows == 1, "file read");
	T_STREQ(t.file, "schools.csv", "display name kept");
	T_STREQ(csv_cell_text(&t.rows[0], 1), "СШ 1", "file cell");
	T_STREQ(d, "", "file diags");
	csv_table_free(&t);
	free(d);

	/* A sparse 200 MB file: refused by size without reading (or allocating). */
	T_CHECK(truncate(path, 200L * 1024 * 1024) == 0, "truncate");
	d = file_diags(path, NULL, &rc, &t);
	char *want = xasprintf("%s:0:0: файл больше 64 МиБ: это не таблица сайта?", path);
	T_CHECK(rc == -1, "200 MB file refused");
	T_STREQ(d, want, "200 MB file");
	T_STREQ(t.file, path, "display defaults to path");
	csv_table_free(&t);
	free(want);
	free(d);

	T_CHECK(truncate(path, CSV_MAX_FILE + 1) == 0, "truncate");
	d = file_diags(path, "x.csv", &rc, &t);
	T_STREQ(d, "x.csv:0:0: файл больше 64 МиБ: это не таблица сайта?", "64 MiB + 1");
	csv_table_free(&t);
	free(d);

	if (geteuid() != 0) { /* root reads files whatever their mode */
		T_CHECK(truncate(path, 0) == 0 && chmod(path, 0) == 0, "chmod");
		d = file_diags(path, "x.csv", &rc, &t);
		T_CHECK(rc == -1, "unreadable file refused");
		T_STREQ(d, "x.csv:0:0: нет прав на чтение файла", "unreadable file");
		csv_table_free(&t);
		free(d);
	}
	unlink(path);

	d = file_diags(path, "gone.csv", &rc, &t);
	T_CHECK(rc == -1, "missing file");
	T_STREQ(d, "gone.csv:0:0: файл не найден", "missing file");
	csv_table_free(&t);
	free(d);

	d = file_diags("/tmp", "dir.csv", &rc, &t);
	T_CHECK(rc == -1, "directory refused");
	T_STREQ(d, "dir.csv:0:0: это папка, а не файл CSV", "directory");
	csv_table_free(&t);
	free(d);

	/* A FIFO must be refused at once, not waited on. */
	T_CHECK(mkfifo(path, 0600) == 0, "mkfifo");
	d = file_diags(path, "fifo.csv", &rc, &t);
	T_STREQ(d, "fifo.csv:0:0: это не обычный файл", "fifo");
	csv_table_free(&t);
	free(d);
	unlink(path);
	free(path);
}

static void test_numbers(void)
{
	static const struct {
		const char *in;
		int rc;
		double v;
		bool pct;
	} cases[] = {
		{"12,5", 0, 12.5, false},
		{"1 375", 0, 1375, false},
		{"1\xC2\xA0" "375", 0, 1375, false},
		{"1\xE2\x80\xAF" "375", 0, 1375, false},
		{"1\xE2\x80\x89" "375", 0, 1375, false},
		{"12 345 678,25", 0, 12345678.25, false},
		{"12,5 %", 0, 12.5, true},
		{"12,5%", 0, 12.5, true},
		{"12,5\xC2\xA0%", 0, 12.5, true},
		{"100 %", 0, 100, true},
		{"1 375,5 %", 0, 1375.5, true},
		{"-3", 0, -3, false},
		{"\xE2\x88\x92" "3", 0, -3, false},
		{"-3 %", 0, -3, true},
		{"0", 0, 0, false},
		{"-0", 0, 0, false},
		{"0,1", 0, 0.1, false},
		{"1.5", 0, 1.5, false},
		{"  7 ", 0, 7, false},
		{"\xC2\xA0" "7\xC2\xA0", 0, 7, false},
		{"0,000001", 0, 0.000001, false},
		{"1375", 0, 1375, false},
		{"007", 0, 7, false},
		{"9007199254740993", 0, 9007199254740992.0, false},
		{"abc", -1, 0, false},
		{"", -1, 0, false},
		{" ", -1, 0, false},
		{"-", -1, 0, false},
		{"%", -1, 0, false},
		{"- 3", -1, 0, false},
		{"+3", -1, 0, false},
		{"1,2,3", -1, 0, false},
		{"1,375.5", -1, 0, false},
		{"12 34", -1, 0, false},
		{"1 37", -1, 0, false},
		{"1234 567", -1, 0, false},
		{"1  375", -1, 0, false},
		{"1e5", -1, 0, false},
		{",5", -1, 0, false},
		{"5,", -1, 0, false},
		{"5 ,5", -1, 0, false},
		{"1 375, 5", -1, 0, false},
		{"12,5 %%", -1, 0, false},
		{"% 12", -1, 0, false},
		{"12abc", -1, 0, false},
		{"0x10", -1, 0, false},
		{"nan", -1, 0, false},
		{"inf", -1, 0, false},
		{"1,5 \xD1\x80\xD1\x83\xD0\xB1.", -1, 0, false},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		double v = -999;
		bool pct = !cases[i].pct;
		int rc = csv_parse_number(cases[i].in, &v, &pct);
		T_CHECK(rc == cases[i].rc, "number «%s»: rc %d", cases[i].in, rc);
		if (!cases[i].rc)
			T_CHECK(v == cases[i].v && pct == cases[i].pct, "number «%s»: %.17g %d", cases[i].in,
			        v, pct);
		else
			T_CHECK(v == -999 && pct == !cases[i].pct, "number «%s»: outputs untouched",
			        cases[i].in);
	}
	double v;
	T_CHECK(csv_parse_number("3,14159265358979323846", &v, NULL) == 0 &&
	                v > 3.14159265358979 && v < 3.1415926535898,
	        "long fraction: %.17g", v);
	char *huge = repeat_row(400, "9", 1);
	huge[strlen(huge) - 1] = '\0';
	for (char *p = huge; *p; p++)
		if (*p == ',')
			*p = '9';
	T_CHECK(csv_parse_number(huge, &v, NULL) == -1, "too large for a double refused");
	free(huge);
}

static void test_find_col(void)
{
	diag_list dl = DIAG_LIST_INIT;
	csv_table t;
	int rc = csv_read_mem(B(" Школа ;ID;Отчётная\xC2\xA0 форма;ПОКАЗАТЕЛЬ;Краткии\xCC\x86;\xC2\xA0"
	                        "Оо\xC2\xA0;\n"
	                        "1;2;3;4;5;6;7\n"),
	                      "h.csv", &t, &dl);
	T_CHECK(rc == 0, "header read");
	static const char *const school[] = {"оо", "школа", NULL};
	static const char *const report[] = {"отчетная форма", NULL};
	static const char *const indicator[] = {"показатель", NULL};
	static const char *const shortname[] = {"Краткий", NULL};
	static const char *const oo[] = {"оо", NULL};
	static const char *const none[] = {"нет такого", NULL};
	static const struct {
		const char *name;
		const char *const *aliases;
		int want;
	} cases[] = {
		{"school", school, 0},
		{"ШКОЛА", NULL, 0},
		{"id", NULL, 1},
		{"report", report, 2},
		{"отчетная форма", NULL, 2},
		{"Отчётная  форма", NULL, 2},
		{"отчетнаяформа", NULL, -1},
		{"indicator", indicator, 3},
		{"short_name", shortname, 4},
		{"oo", oo, 5},
		{"missing", none, -1},
		{"missing", NULL, -1},
		{"", NULL, 6},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		int col = csv_find_col(&t, cases[i].name, cases[i].aliases);
		T_CHECK(col == cases[i].want, "find_col %s: %d, want %d", cases[i].name, col,
		        cases[i].want);
	}
	T_STREQ(csv_cell_text(&t.rows[0], 3), "4", "cell text");
	T_STREQ(csv_cell_text(&t.rows[0], -1), "", "cell text of a missing column");
	T_STREQ(csv_cell_text(&t.rows[0], 7), "", "cell text beyond the row");
	csv_table_free(&t);
	csv_table empty = {0};
	T_CHECK(csv_find_col(&empty, "id", NULL) == -1, "no header");
	csv_table_free(NULL);
	diag_list_free(&dl);
}

int main(void)
{
	test_read_cases();
	test_column_limit();
	test_cell_limit();
	test_row_limit();
	test_mem_size_limit();
	test_files();
	test_numbers();
	test_find_col();
	return t_done("csvread");
}
