#include "csvread.h"
#include "textdec.h"
#include "utf8.h"
#include "util.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- storage of cell texts and cell arrays ----
 * A table can hold millions of small cells; one heap block per cell would
 * double the memory and make csv_table_free slow, so they share blocks. */

enum { POOL_BLOCK = 64 * 1024 };

struct csv_pool {
	struct csv_pool *next;
	size_t used, size;
	alignas(max_align_t) unsigned char data[];
};

static void *pool_alloc(csv_table *t, size_t n, size_t align)
{
	struct csv_pool *b = t->pool;
	size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (!b || at > b->size || b->size - at < n) {
		size_t size = n > POOL_BLOCK ? n : POOL_BLOCK;
		struct csv_pool *nb = xmalloc(sizeof *nb + size);
		nb->used = 0;
		nb->size = size;
		/* A one-off big block goes behind the head, whose free space stays usable. */
		if (b && n > POOL_BLOCK) {
			nb->next = b->next;
			b->next = nb;
		} else {
			nb->next = b;
			t->pool = nb;
		}
		b = nb;
		at = 0;
	}
	b->used = at + n;
	return b->data + at;
}

/* Trimmed copy of a parsed field with CR and CRLF inside it made LF, so that
 * loaders see one kind of line break whatever the editor wrote. */
static const char *store_text(csv_table *t, const char *s, size_t len)
{
	size_t n;
	s = utf8_trim(s, len, &n);
	if (!n)
		return "";
	char *d = pool_alloc(t, n + 1, 1), *o = d;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\r') {
			*o++ = s[i];
			continue;
		}
		*o++ = '\n';
		if (i + 1 < n && s[i + 1] == '\n')
			i++;
	}
	*o = '\0';
	return d;
}

/* ---- diagnostics ---- */

static const char *plural(size_t n, const char *one, const char *few, const char *many)
{
	size_t d = n % 10, h = n % 100;
	if (d == 1 && h != 11)
		return one;
	if (d >= 2 && d <= 4 && (h < 12 || h > 14))
		return few;
	return many;
}

/* ---- the parse proper ---- */

typedef struct reader {
	csv_table *t;
	diag_list *dl;
	int cell_line, cell_col; /* where the cell being parsed starts */
	int next_line, next_col; /* where the next cell starts if the current chunk ends one */
	csv_row cur;             /* row being collected; cells point into the pool */
	size_t cur_cap, rows_cap;
	bool row_pending;        /* between rows: libcsv skips blanks until the next row */
	bool stop;               /* fatal error: ignore what libcsv still reports */
	bool failed;
} reader;

static void fatal(reader *r, int line, int col, const char *msg)
{
	diag_add(r->dl, DIAG_ERROR, r->t->file, line, col, "%s", msg);
	r->failed = r->stop = true;
}

static void on_field(void *s, size_t len, void *data)
{
	reader *r = data;
	if (r->stop)
		return;
	if (len > CSV_MAX_CELL) {
		fatal(r, r->cell_line, r->cell_col,
		      "ячейка больше 1 МиБ (возможно, не закрыта кавычка)");
		return;
	}
	if (r->cur.n == CSV_MAX_COLS) {
		fatal(r, r->cur.line, 1, "в строке больше 1000 столбцов");
		return;
	}
	xgrow((void **)&r->cur.cells, &r->cur_cap, r->cur.n + 1, sizeof(csv_cell));
	if (!r->cur.n)
		r->cur.line = r->cell_line;
	r->cur.cells[r->cur.n++] = (csv_cell){store_text(r->t, s, len), r->cell_line, r->cell_col};
	r->cell_line = r->next_line;
	r->cell_col = r->next_col;
}

static csv_row copy_row(reader *r)
{
	csv_row row = r->cur;
	size_t size = row.n * sizeof(csv_cell);
	row.cells = pool_alloc(r->t, size, alignof(csv_cell));
	memcpy(row.cells, r->cur.cells, size);
	return row;
}

static bool row_is_empty(const csv_row *row)
{
	for (size_t i = 0; i < row->n; i++)
		if (row->cells[i].text[0])
			return false;
	return true;
}

static void finish_row(reader *r)
{
	csv_table *t = r->t;
	size_t want = t->header.n;
	if (row_is_empty(&r->cur))
		return;
	if (!t->header.cells) {
		t->header = copy_row(r);
		return;
	}
	if (r->cur.n != want) {
		/* Point at the first extra cell, or at the row when cells are missing. */
		int col = r->cur.n > want ? r->cur.cells[want].col : 1;
		int line = r->cur.n > want ? r->cur.cells[want].line : r->cur.line;
		diag_add(r->dl, DIAG_ERROR, t->file, line, col, "в строке %zu %s, а в заголовке %zu",
		         r->cur.n, plural(r->cur.n, "поле", "поля", "полей"), want);
		r->failed = true;
		return;
	}
	if (t->nrows == CSV_MAX_ROWS) {
		fatal(r, r->cur.line, 1, "в файле больше 1 000 000 строк");
		return;
	}
	xgrow((void **)&t->rows, &r->rows_cap, t->nrows + 1, sizeof(csv_row));
	t->rows[t->nrows++] = copy_row(r);
}

static void on_row(int c, void *data)
{
	reader *r = data;
	r->row_pending = true;
	if (r->stop)
		return;
	finish_row(r);
	r->cur.n = 0;
}

/* Bytes on which libcsv may end a field or a row, i.e. call back. */
static bool is_trigger(unsigned char b, unsigned char delim)
{
	return b == '\n' || b == '\r' || b == delim;
}

/* What libcsv skips before a row begins. */
static bool is_blank(unsigned char b, unsigned char delim)
{
	return b == '\n' || b == '\r' || ((b == ' ' || b == '\t') && b != delim);
}

/* Bytes given to libcsv at once at most: bounds how far a cell may grow past
 * CSV_MAX_CELL before the check after each chunk catches it. */
enum { CHUNK = 64 * 1024 };

/* libcsv's callbacks carry no position.  Feeding it chunks that end right after
 * a delimiter or line-break byte, and containing no other such byte, makes every
 * callback of a csv_parse() call belong to that last byte; the reader therefore
 * knows where the next cell starts before calling. */
static void feed(reader *r, struct csv_parser *p, const char *s, size_t n, utf8_pos *pos)
{
	unsigned char delim = csv_get_delim(p);
	while (pos->off < n && !r->stop) {
		if (r->row_pending) {
			size_t i = pos->off;
			while (i < n && is_blank((unsigned char)s[i], delim))
				i++;
			utf8_pos_advance(pos, s, i);
			if (i == n)
				break;
			r->cell_line = pos->line;
			r->cell_col = 1;
			r->row_pending = false;
		}
		size_t start = pos->off, end = start;
		size_t lim = n - start > CHUNK ? start + CHUNK : n;
		while (end < lim && !is_trigger((unsigned char)s[end], delim))
			end++;
		if (end < lim)
			end++;
		utf8_pos_advance(pos, s, end);
		r->next_line = pos->line;
		r->next_col = pos->col;
		if (csv_parse(p, s + start, end - start, on_field, on_row, r) != end - start)
			fatal(r, r->cell_line, r->cell_col, "не удалось разобрать ячейку");
		/* entry_pos is libcsv's (public) length of the field being collected;
		 * the exact check is in on_field, this one bounds memory, with slack
		 * for a closing quote and trailing spaces that libcsv drops later. */
		else if (p->entry_pos > CSV_MAX_CELL + CHUNK)
			fatal(r, r->cell_line, r->cell_col,
			      "ячейка больше 1 МиБ (возможно, не закрыта кавычка)");
	}
}

static void parse(reader *r, const char *s, size_t n, unsigned char delim, int first_line)
{
	struct csv_parser p;
	/* Not CSV_STRICT: Excel's output parses either way, and a hand-typed
	 * МОУ "СШ № 13" without surrounding quotes is kept as text, not refused. */
	csv_init(&p, 0);
	csv_set_delim(&p, delim);
	csv_set_realloc_func(&p, xrealloc);
	csv_set_free_func(&p, free);
	/* libcsv grows its field buffer linearly by this much; the default 128
	 * would make a 1 MiB cell cost thousands of reallocations. */
	csv_set_blk_size(&p, CHUNK);
	utf8_pos pos = {0, first_line, 1};
	r->row_pending = true;
	feed(r, &p, s, n, &pos);
	if (!r->stop && p.quoted) {
		/* A quoted field is open at the end: a line break either closes it
		 * (the file ended right after the closing quote) or is taken into
		 * it, which means the quote is never closed. */
		csv_parse(&p, "\n", 1, on_field, on_row, r);
		if (p.quoted)
			fatal(r, r->cell_line, r->cell_col,
			      "кавычка не закрыта: ячейка тянется до конца файла "
			      "(кавычки внутри ячейки в кавычках надо удваивать)");
	}
	if (!r->stop)
		csv_fini(&p, on_field, on_row, r);
	csv_free(&p);
}

/* ---- delimiter (decoding: textdec.c) ---- */

/* Length of a first line `sep=X` (Excel's way to name the delimiter), with its
 * line break, or 0 when there is none. */
static size_t sep_line(const char *s, size_t n, unsigned char *delim)
{
	if (n < 5 || strncasecmp(s, "sep=", 4))
		return 0;
	unsigned char c = (unsigned char)s[4];
	if (c == '"' || c == '\r' || c == '\n' || c >= 0x80)
		return 0;
	size_t i = 5;
	if (i < n && s[i] == '\r')
		i++;
	if (i < n && s[i] == '\n')
		i++;
	if (i == 5 && i < n)
		return 0;
	*delim = c;
	return i;
}

/* Records sampled to choose the delimiter: enough to see whether its count is
 * the same on every row, few enough to cost nothing. */
enum { SNIFF_RECORDS = 20 };

typedef struct sniff {
	size_t head[3], cur[3];
	bool same[3];
	int records;
} sniff;

/* Candidates in order of preference on ties: Russian Excel writes ';'. */
static const unsigned char delims[3] = {';', '\t', ','};

static void sniff_record_end(sniff *sn)
{
	for (int k = 0; k < 3; k++) {
		if (!sn->records)
			sn->head[k] = sn->cur[k];
		else if (sn->cur[k] != sn->head[k])
			sn->same[k] = false;
		sn->cur[k] = 0;
	}
	sn->records++;
}

/* The delimiter that occurs outside quotes in the first non-empty record,
 * preferring one that occurs as often in the following records, then the most
 * frequent, then ';', TAB, ','.  0 when the header has none (one column). */
static unsigned char detect_delim(const char *s, size_t n)
{
	sniff sn = {{0}, {0}, {true, true, true}, 0};
	bool inq = false, blank = true;
	for (size_t i = 0; i < n && sn.records < SNIFF_RECORDS; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"') {
			/* "" inside quotes toggles twice: right without knowing where fields start. */
			inq = !inq;
			blank = false;
		} else if (inq) {
			continue;
		} else if (c == '\r' || c == '\n') {
			if (!blank)
				sniff_record_end(&sn);
			memset(sn.cur, 0, sizeof sn.cur);
			blank = true;
		} else {
			for (int k = 0; k < 3; k++)
				sn.cur[k] += c == delims[k];
			blank = blank && (c == ' ' || c == '\t');
		}
	}
	if (!blank && !inq && sn.records < SNIFF_RECORDS)
		sniff_record_end(&sn);
	int best = -1;
	for (int k = 0; k < 3; k++) {
		if (!sn.head[k])
			continue;
		if (best < 0 || sn.same[k] > sn.same[best] ||
		    (sn.same[k] == sn.same[best] && sn.head[k] > sn.head[best]))
			best = k;
	}
	return best < 0 ? 0 : delims[best];
}

/* ---- public ---- */

static const char msg_too_big[] = "файл больше 64 МиБ: это не таблица сайта?";

static void table_init(csv_table *t, const char *display)
{
	memset(t, 0, sizeof *t);
	t->file = xstrdup(display ? display : "");
}

int csv_read_mem(const char *data, size_t len, const char *display, csv_table *out,
                 diag_list *dl)
{
	table_init(out, display);
	if (len > CSV_MAX_FILE) {
		diag_add(dl, DIAG_ERROR, out->file, 0, 0, "%s", msg_too_big);
		return -1;
	}
	text_decoded dec;
	int drc = text_decode(data, len, out->file, &dec, dl);
	out->had_bom = dec.had_bom;
	out->was_cp1251 = dec.was_cp1251;
	if (drc < 0)
		return -1;
	const char *s = dec.text;
	size_t n = dec.len;
	unsigned char delim = 0;
	size_t skip = sep_line(s, n, &delim);
	if (!skip)
		delim = detect_delim(s, n);
	out->delim = (char)delim;
	reader r = {.t = out, .dl = dl};
	parse(&r, s + skip, n - skip, delim, skip ? 2 : 1);
	if (!r.stop && !out->header.cells) {
		diag_add(dl, DIAG_ERROR, out->file, 0, 0, "в файле нет строки заголовка");
		r.failed = true;
	}
	free(r.cur.cells);
	text_decoded_free(&dec);
	return r.failed ? -1 : 0;
}

static const char *open_error(int err)
{
	switch (err) {
	case ENOENT: return "файл не найден";
	case ENOTDIR: return "файл не найден: часть пути — не папка";
	case EACCES: case EPERM: return "нет прав на чтение файла";
	case EISDIR: return "это папка, а не файл CSV";
	case ELOOP: return "ссылка на файл указывает сама на себя";
	default: return NULL;
	}
}

/* Opens path if it is a regular file of at most CSV_MAX_FILE bytes: returns
 * the descriptor and stores the size, or reports why not and returns -1.  The
 * size comes from fstat before anything is allocated or read, so a 200 MB file
 * costs nothing. */
static int open_regular(const char *path, const char *file, size_t *size, diag_list *dl)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	int err = fd < 0 || fstat(fd, &st) < 0 ? errno : 0;
	const char *why = err                        ? open_error(err)
	                  : S_ISDIR(st.st_mode)      ? "это папка, а не файл CSV"
	                  : !S_ISREG(st.st_mode)     ? "это не обычный файл"
	                  : st.st_size > CSV_MAX_FILE ? msg_too_big
	                                             : NULL;
	if (!err && !why) {
		*size = (size_t)st.st_size;
		return fd;
	}
	if (why)
		diag_add(dl, DIAG_ERROR, file, 0, 0, "%s", why);
	else
		diag_add(dl, DIAG_ERROR, file, 0, 0, "не удалось открыть файл (ошибка %d)", err);
	if (fd >= 0)
		close(fd);
	return -1;
}

/* Reads up to size bytes of fd into a fresh buffer (*data, *len); a file that
 * shrank since fstat gives what is there, one that grew is cut at size. */
static int read_all(int fd, size_t size, const char *file, char **data, size_t *len,
                    diag_list *dl)
{
	size_t got = 0;
	char *d = xmalloc(size + 1);
	while (got < size) {
		ssize_t k = read(fd, d + got, size - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			diag_add(dl, DIAG_ERROR, file, 0, 0, "не удалось прочитать файл (ошибка %d)", errno);
			free(d);
			return -1;
		}
		if (!k)
			break;
		got += (size_t)k;
	}
	*data = d;
	*len = got;
	return 0;
}

int csv_read_file(const char *path, const char *display, csv_table *out, diag_list *dl)
{
	const char *file = display ? display : path;
	char *data;
	size_t size, len;
	int fd = open_regular(path, file, &size, dl);
	int rc = fd < 0 ? -1 : read_all(fd, size, file, &data, &len, dl);
	if (fd >= 0)
		close(fd);
	if (rc < 0) {
		table_init(out, file);
		return -1;
	}
	rc = csv_read_mem(data, len, file, out, dl);
	free(data);
	return rc;
}

void csv_table_free(csv_table *t)
{
	if (!t)
		return;
	struct csv_pool *b = t->pool;
	while (b) {
		struct csv_pool *next = b->next;
		free(b);
		b = next;
	}
	free(t->rows);
	free(t->file);
	memset(t, 0, sizeof *t);
}

/* Header names and aliases compare as utf8_key: trimmed, case-folded, «ё» as
 * «е», runs of spaces as one. */
static char *header_key(const char *s)
{
	return utf8_key(s);
}

static bool key_matches(const char *key, const char *name, const char *const *aliases)
{
	char *k = header_key(name);
	bool eq = !strcmp(key, k);
	free(k);
	for (size_t i = 0; !eq && aliases && aliases[i]; i++) {
		k = header_key(aliases[i]);
		eq = !strcmp(key, k);
		free(k);
	}
	return eq;
}

int csv_find_col(const csv_table *t, const char *name, const char *const *aliases)
{
	for (size_t i = 0; i < t->header.n; i++) {
		char *key = header_key(t->header.cells[i].text);
		bool eq = key_matches(key, name, aliases);
		free(key);
		if (eq)
			return (int)i;
	}
	return -1;
}

const char *csv_cell_text(const csv_row *row, int col)
{
	if (col < 0 || (size_t)col >= row->n)
		return "";
	return row->cells[col].text;
}

/* ---- numbers ---- */

typedef struct num {
	uint64_t mant;
	int exp10; /* value = mant * 10^exp10 */
} num;

static void num_digit(num *x, int d, bool frac)
{
	/* Keep 19 digits, as many as fit in 64 bits; later ones only scale. */
	if (x->mant <= (UINT64_MAX - 9) / 10) {
		x->mant = x->mant * 10 + (uint64_t)d;
		x->exp10 -= frac;
	} else if (!frac) {
		x->exp10++;
	}
}

/* Length of a thousands separator at p: space, U+00A0, U+2009 or U+202F. */
static size_t group_sep(const char *p, const char *e)
{
	if (p < e && *p == ' ')
		return 1;
	if (e - p >= 2 && !memcmp(p, "\xC2\xA0", 2))
		return 2;
	if (e - p >= 3 && (!memcmp(p, "\xE2\x80\xAF", 3) || !memcmp(p, "\xE2\x80\x89", 3)))
		return 3;
	return 0;
}

static bool is_digit(const char *p, const char *e)
{
	return p < e && *p >= '0' && *p <= '9';
}

/* Integer part: digits, grouped by three after the first group when separated. */
static const char *parse_int_part(const char *p, const char *e, num *x)
{
	int group = 0;
	bool grouped = false;
	for (;;) {
		while (is_digit(p, e)) {
			num_digit(x, *p++ - '0', false);
			group++;
		}
		if (grouped ? group != 3 : (group < 1 || (group > 3 && group_sep(p, e))))
			return NULL;
		size_t sl = group_sep(p, e);
		if (!sl || !is_digit(p + sl, e))
			return p;
		p += sl;
		grouped = true;
		group = 0;
	}
}

static double pow10_of(int k)
{
	double v = 1;
	while (k-- > 0)
		v *= 10;
	return v;
}

static double num_value(const num *x)
{
	double v = (double)x->mant;
	/* Up to 10^22 powers of ten are exact doubles, so one division or
	 * multiplication rounds correctly for the usual short numbers. */
	for (int e = x->exp10; e < 0; e += 22)
		v /= pow10_of(-e > 22 ? 22 : -e);
	for (int e = x->exp10; e > 0; e -= 22)
		v *= pow10_of(e > 22 ? 22 : e);
	return v;
}

int csv_parse_number(const char *text, double *out, bool *had_percent)
{
	size_t n;
	const char *p = utf8_trim(text, strlen(text), &n), *e = p + n;
	bool pct = n && e[-1] == '%', neg = false;
	if (pct) {
		p = utf8_trim(p, n - 1, &n);
		e = p + n;
	}
	if (p < e && *p == '-') {
		neg = true;
		p++;
	} else if (e - p >= 3 && !memcmp(p, "\xE2\x88\x92", 3)) { /* U+2212 MINUS SIGN */
		neg = true;
		p += 3;
	}
	num x = {0, 0};
	p = parse_int_part(p, e, &x);
	if (!p)
		return -1;
	if (p < e && (*p == ',' || *p == '.')) {
		p++;
		if (!is_digit(p, e))
			return -1;
		while (is_digit(p, e))
			num_digit(&x, *p++ - '0', true);
	}
	if (p != e)
		return -1;
	double v = num_value(&x);
	if (v > DBL_MAX)
		return -1;
	*out = neg && v != 0 ? -v : v;
	if (had_percent)
		*had_percent = pct;
	return 0;
}
