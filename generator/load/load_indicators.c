/* indicators.yaml, editions/<edition>/results/<file>.csv and values/<file>.csv
 * (indicators.md).  Every problem is reported at its position and loading goes
 * on, so that `check` lists all of them in one run; rows with errors are left
 * out so that derive only ever sees valid numbers. */
#include "csvread.h"
#include "fields.h"
#include "fsutil.h"
#include "load_indicators.h"
#include "utf8.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const IND_KEYS[] = {"id", "name", "group", "unit", "better", "target", "target_by",
                                       "baseline", "source", "method", "from", "judge_schools", NULL};
static const char *const FROM_KEYS[] = {"procedure", "subject", "grade", "share", "mean", NULL};
static const char *const BETTER[] = {"lower", "higher", NULL};

/* Grades of general education: 1st to 11th class. */
enum { GRADE_MAX = 11 };

/* Result columns with a meaning of their own; the rest are counts or means. */
enum { RC_SCHOOL, RC_PROCEDURE, RC_SUBJECT, RC_GRADE, RC_PARTICIPANTS, RC_N };
static const char *const RC_NAMES[RC_N] = {"school", "procedure", "subject", "grade", "participants"};
static const char *const RC_ALIASES[RC_N][6] = {
	{"оо", "школа", "код оо", "код школы", NULL},
	{"процедура", NULL},
	{"предмет", NULL},
	{"класс", "параллель", NULL},
	{"участников", "участники", "количество участников", "число участников", NULL},
};

enum { VC_SCHOOL, VC_INDICATOR, VC_VALUE, VC_NUMERATOR, VC_DENOMINATOR, VC_N };
static const char *const VC_NAMES[VC_N] = {"school", "indicator", "value", "numerator", "denominator"};
static const char *const VC_ALIASES[VC_N][6] = {
	{"оо", "школа", "код оо", "код школы", NULL},
	{"показатель", "код показателя", NULL},
	{"значение", NULL},
	{"числитель", NULL},
	{"знаменатель", NULL},
};

/* Headers that name a person rather than a school.  Matched as whole words
 * (or word sequences) of the folded header, so that «количество обучающихся»
 * or «students» (counts) pass while «ФИО ученика» or «Дата рождения» do not. */
static const char *const PERSON_WORDS[] = {
	"фио", "фамилия", "имя", "отчество", "снилс", "дата рождения", "ученик", "ученица", "ученика",
	"учащийся", "учащегося", "обучающийся", "обучающегося", "student", "pupil", "surname",
	"patronymic", "first name", "last name", "full name", "given name", "family name", "firstname",
	"lastname", "fullname", "student name", "birth date", "date of birth", "birthdate", "snils", NULL};

typedef struct lctx {
	loader *L;
	ind_data *d;
	const char **ind_ids;         /* NULL-terminated */
} lctx;

/* ---- small helpers ---- */

static pos pos_of(const ynode *n)
{
	return (pos){n->file, n->line, n->col};
}

static indicator *find_ind(ind_data *d, const char *id)
{
	for (size_t i = 0; i < d->ninds; i++)
		if (!strcmp(d->inds[i].id, id))
			return &d->inds[i];
	return NULL;
}

static const char *ind_ed_rel(arena *a, const edition *ed, const char *sub, const char *name)
{
	return name ? arena_printf(a, "editions/%s/%s/%s", ed->id, sub, name)
	            : arena_printf(a, "editions/%s/%s", ed->id, sub);
}

static void init_ctx(lctx *c, loader *L, ind_data *d)
{
	c->L = L;
	c->d = d;
	c->ind_ids = NULL;
}

/* ---- indicators.yaml ---- */

static bool parse_num_node(const ynode *v, double *out)
{
	return v->kind == Y_SCALAR && csv_parse_number(v->s, out, NULL) == 0;
}

static bool year_of(const ynode *v, int *y)
{
	char *end;
	long n = v->kind == Y_SCALAR ? strtol(v->s, &end, 10) : 0;
	if (v->kind != Y_SCALAR || *end || n < 2000 || n > 2100)
		return false;
	*y = (int)n;
	return true;
}

bool ind_parse_plan(arena *a, const ynode *n, year_plan *plan, diag_list *dl)
{
	if (n->kind != Y_MAP)
		return false;
	plan->years = arena_alloc(a, (n->n ? n->n : 1) * sizeof(int));
	plan->values = arena_alloc(a, (n->n ? n->n : 1) * sizeof(double));
	plan->n = 0;
	for (size_t i = 0; i < n->n; i++) {
		const ynode *k = n->keys[i], *v = n->items[i];
		int y;
		double x;
		if (!year_of(k, &y)) {
			diag_add(dl, DIAG_ERROR, k->file, k->line, k->col,
			         "в целевых значениях по годам ключ «%s» — не год: пишите {2023: 50, 2024: 60}",
			         k->kind == Y_SCALAR ? k->s : "…");
			continue;
		}
		if (!parse_num_node(v, &x) || x < 0) {
			diag_add(dl, DIAG_ERROR, v->file, v->line, v->col,
			         "целевое значение на %d год: ожидалось неотрицательное число, например 50 или 12,5", y);
			continue;
		}
		if (plan->n && y <= plan->years[plan->n - 1]) {
			diag_add(dl, DIAG_ERROR, k->file, k->line, k->col,
			         "годы в целевых значениях должны идти по возрастанию и не повторяться (%d)", y);
			continue;
		}
		plan->years[plan->n] = y;
		plan->values[plan->n++] = x;
	}
	return true;
}

void ind_parse_baseline(const ynode *n, year_plan *plan, diag_list *dl)
{
	static const char *const KEYS[] = {"year", "value", NULL};
	if (!f_expect_map(n, "поле «baseline»", dl))
		return;
	f_check_keys(n, KEYS, "блоке «baseline»", dl);
	const ynode *y = y_get(n, "year"), *v = y_get(n, "value");
	bool ok = true;
	if (!y || !year_of(y, &plan->baseline_year)) {
		const ynode *at = y ? y : n;
		diag_add(dl, DIAG_ERROR, at->file, at->line, at->col,
		         "в блоке «baseline» нужен год базового значения: {year: 2022, value: 40}");
		ok = false;
	}
	if (!v || !parse_num_node(v, &plan->baseline)) {
		const ynode *at = v ? v : n;
		diag_add(dl, DIAG_ERROR, at->file, at->line, at->col,
		         "в блоке «baseline» нужно базовое значение числом: {year: 2022, value: 40}");
		ok = false;
	}
	plan->has_baseline = ok;
}

static void load_from(lctx *c, indicator *ind, const ynode *f)
{
	diag_list *dl = c->L->dl;
	const char *what = "блоке «from»";
	ind->kind = IND_SHARE; /* nshare 0 and no mean: derive computes nothing */
	if (!f_expect_map(f, "поле «from»", dl))
		return;
	f_check_keys(f, FROM_KEYS, what, dl);
	ind->procedure = f_str(f, "procedure", true, what, dl);
	ind->subject = f_str(f, "subject", true, what, dl);
	ind->grade = (int)f_int(f, "grade", 0, 1, GRADE_MAX, dl);
	const ynode *sh = y_get(f, "share"), *mn = y_get(f, "mean");
	bool has_sh = sh && !y_is_null(sh), has_mn = mn && !y_is_null(mn);
	if (has_sh == has_mn) {
		diag_add(dl, DIAG_ERROR, f->file, f->line, f->col,
		         "в блоке «from» нужно что-то одно: share — столбцы с количествами для доли (например share: [\"2\"]) "
		         "или mean — столбец среднего балла (например mean: mean_score)");
		return;
	}
	if (has_sh) {
		size_t n;
		const char **cols = f_str_list(c->L->a, f, "share", &n, dl);
		if (!n) {
			diag_add(dl, DIAG_ERROR, sh->file, sh->line, sh->col,
			         "поле «share»: нужен хотя бы один столбец с количеством участников, например [\"2\"]");
			return;
		}
		for (size_t i = 0; i < n; i++) {
			if (str_starts(ind_fold(c->L->a, cols[i]), "mean_")) {
				diag_add(dl, DIAG_ERROR, sh->file, sh->line, sh->col,
				         "поле «share»: столбец «%s» — средний балл, а для доли нужны столбцы с количествами; "
				         "для среднего балла используйте mean", cols[i]);
				return;
			}
		}
		ind->share = cols;
		ind->nshare = n;
		ind->kind = IND_SHARE;
	} else {
		const char *m = f_str(f, "mean", false, what, dl);
		if (!m)
			return;
		if (!str_starts(ind_fold(c->L->a, m), "mean_")) {
			diag_add(dl, DIAG_ERROR, mn->file, mn->line, mn->col,
			         "поле «mean»: столбец среднего балла должен называться mean_…, например mean_score");
			return;
		}
		ind->mean = m;
		ind->kind = IND_MEAN;
	}
}

static void load_indicator(lctx *c, const ynode *m, size_t *first_line)
{
	diag_list *dl = c->L->dl;
	ind_data *d = c->d;
	const char *what = "показателе";
	f_check_keys(m, IND_KEYS, what, dl);
	const char *id = f_str(m, "id", true, what, dl);
	if (!id)
		return;
	const ynode *idn = y_get(m, "id");
	if (!f_valid_id(id)) {
		diag_add(dl, DIAG_ERROR, idn->file, idn->line, idn->col,
		         "код показателя «%s»: только строчные латинские буквы, цифры и дефис, например vpr-math-4-below-basic",
		         id);
		return;
	}
	indicator *prev = find_ind(d, id);
	if (prev) {
		diag_add(dl, DIAG_ERROR, idn->file, idn->line, idn->col,
		         "код показателя «%s» повторяется (первый раз в строке %d)", id, prev->at.line);
		return;
	}
	indicator *ind = &d->inds[d->ninds];
	memset(ind, 0, sizeof *ind);
	ind->id = id;
	ind->at = pos_of(m);
	ind->index = d->ninds;
	first_line[d->ninds] = (size_t)idn->line;
	ind->name = f_str(m, "name", true, what, dl);
	if (!ind->name)
		ind->name = id;
	ind->group = f_str(m, "group", false, what, dl);
	ind->unit = f_str(m, "unit", true, what, dl);
	if (!ind->unit)
		ind->unit = "";
	ind->source = f_str(m, "source", false, what, dl);
	ind->method = f_str(m, "method", false, what, dl);
	const char *better = f_str(m, "better", true, what, dl);
	if (better) {
		if (!strcmp(better, "lower")) {
			ind->lower_better = true;
		} else if (strcmp(better, "higher")) {
			const ynode *v = y_get(m, "better");
			const char *sug = f_suggest(better, BETTER);
			diag_add(dl, DIAG_ERROR, v->file, v->line, v->col,
			         "поле «better»: допустимы lower (лучше меньше) и higher (лучше больше)%s%s%s",
			         sug ? "; может быть, «" : "", sug ? sug : "", sug ? "»?" : "");
		}
	}
	const ynode *t = y_get(m, "target");
	if (t && t->kind == Y_MAP) {
		ind_parse_plan(c->L->a, t, &ind->plan, dl);
	} else if (t && !y_is_null(t)) {
		if (parse_num_node(t, &ind->target) && ind->target >= 0)
			ind->has_target = true;
		else
			diag_add(dl, DIAG_ERROR, t->file, t->line, t->col,
			         "поле «target»: ожидалось неотрицательное число, например 10 или 12,5");
	}
	ind->target_by = (int)f_int(m, "target_by", 0, 2000, 2100, dl);
	const ynode *bl = y_get(m, "baseline");
	if (bl && !y_is_null(bl))
		ind_parse_baseline(bl, &ind->plan, dl);
	ind->kind = IND_VALUE;
	const ynode *f = y_get(m, "from");
	if (f && !y_is_null(f)) {
		load_from(c, ind, f);
		const ynode *u = y_get(m, "unit");
		if (ind->kind == IND_SHARE && ind->nshare && u && strcmp(ind->unit, "%"))
			diag_add(dl, DIAG_WARNING, u->file, u->line, u->col,
			         "показатель «%s» — доля (share), она вычисляется в процентах; единица должна быть «%%»", id);
	}
	ind->judge_schools = f_bool(m, "judge_schools", false, dl);
	const ynode *js = y_get(m, "judge_schools");
	if (ind->judge_schools && ind->kind != IND_VALUE)
		diag_add(dl, DIAG_ERROR, js->file, js->line, js->col,
		         "показатель «%s» вычисляется из результатов оценочных процедур: по ним школы не оцениваются "
		         "(«достигнуто / не достигнуто» по школам не показывается); уберите judge_schools",
		         id);
	d->ninds++;
}

static void load_definitions(lctx *c)
{
	ind_data *d = c->d;
	ynode *root = load_yaml(c->L, "indicators.yaml", false);
	if (!root || (root->kind == Y_MAP && root->n == 0))
		return; /* no file (or an empty one): a site without indicators */
	if (root->kind != Y_SEQ) {
		diag_add(c->L->dl, DIAG_ERROR, root->file, root->line, root->col,
		         "indicators.yaml: ожидался список показателей, каждый с «- id: …»");
		return;
	}
	d->inds = arena_alloc(c->L->a, (root->n ? root->n : 1) * sizeof(indicator));
	size_t *first_line = xcalloc(root->n + 1, sizeof(size_t));
	for (size_t i = 0; i < root->n; i++)
		if (f_expect_map(root->items[i], "показатель", c->L->dl))
			load_indicator(c, root->items[i], first_line);
	free(first_line);
}

/* ---- CSV helpers ---- */

/* The person-level word a folded header contains, or NULL. */
static const char *person_word(const char *header)
{
	char *k = utf8_fold(header, strlen(header), UTF8_FOLD_YO);
	if (!k)
		return NULL;
	/* «Ф.И.О.» → «фио»; other punctuation separates words («фио_ученика»). */
	buf b = BUF_INIT;
	buf_putc(&b, ' ');
	for (const char *p = k; *p; p++) {
		if (*p == '.')
			continue;
		if (strchr(" \t,;:_/()-\"'", *p))
			buf_putc(&b, ' ');
		else
			buf_putc(&b, *p);
	}
	buf_putc(&b, ' ');
	free(k);
	/* Collapse spaces so that multi-word entries match. */
	char *s = b.data, *o = s;
	for (char *p = s; *p; p++)
		if (*p != ' ' || o == s || o[-1] != ' ')
			*o++ = *p;
	*o = '\0';
	const char *hit = NULL;
	for (size_t i = 0; PERSON_WORDS[i] && !hit; i++) {
		char pat[64];
		snprintf(pat, sizeof pat, " %s ", PERSON_WORDS[i]);
		if (strstr(s, pat))
			hit = PERSON_WORDS[i];
	}
	buf_free(&b);
	return hit;
}

/* Refuses a table with person-level columns: the site publishes aggregated
 * figures per school only, and personal data of pupils must not even sit in
 * the content folder that is published and versioned. */
static bool refuse_person_level(lctx *c, const csv_table *t, const char *file)
{
	bool refused = false;
	for (size_t i = 0; i < t->header.n; i++) {
		const csv_cell *h = &t->header.cells[i];
		if (!person_word(h->text))
			continue;
		refused = true;
		diag_add(c->L->dl, DIAG_ERROR, file, h->line, h->col,
		         "столбец «%s» похож на персональные данные обучающихся: файл не загружен. "
		         "На сайте публикуются только сводные данные по школам (152-ФЗ «О персональных данных»); "
		         "уберите из файла сведения об отдельных обучающихся, а сам файл с ними — из папки сайта",
		         h->text);
	}
	return refused;
}

enum { NUM_COUNT = 1, NUM_INTEGER = 2, NUM_PCT_OK = 4 };

/* Parses a non-empty numeric cell of column col; reports and returns false
 * when it is not a number, is negative, has a % where a count is meant, or is
 * fractional where a whole number is meant. */
static bool cell_number(lctx *c, const char *file, const csv_cell *cell, const char *col, int flags, double *out)
{
	diag_list *dl = c->L->dl;
	bool pct = false;
	if (csv_parse_number(cell->text, out, &pct) != 0) {
		diag_add(dl, DIAG_ERROR, file, cell->line, cell->col, "столбец «%s»: «%s» — не число", col, cell->text);
		return false;
	}
	if (pct && !(flags & NUM_PCT_OK)) {
		diag_add(dl, DIAG_ERROR, file, cell->line, cell->col,
		         "столбец «%s»: нужно количество, а не процент («%s»); доли сайт вычисляет сам "
		         "из количеств участников", col, cell->text);
		return false;
	}
	if (*out < 0) {
		diag_add(dl, DIAG_ERROR, file, cell->line, cell->col,
		         "столбец «%s»: число не может быть отрицательным («%s»)", col, cell->text);
		return false;
	}
	if ((flags & NUM_INTEGER) && *out != floor(*out)) {
		diag_add(dl, DIAG_ERROR, file, cell->line, cell->col,
		         "столбец «%s»: количество должно быть целым числом («%s»)", col, cell->text);
		return false;
	}
	return true;
}

static const csv_cell *cell_at(const csv_row *r, int col)
{
	return col >= 0 && (size_t)col < r->n ? &r->cells[col] : NULL;
}

/* Required columns missing from the header, reported once at the header. */
static bool need_cols(lctx *c, const csv_table *t, const char *file, const int *cols, const int *req,
                      size_t nreq, const char *const *names, const char *const (*aliases)[6])
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < nreq; i++)
		if (cols[req[i]] < 0)
			buf_printf(&b, "%s%s (%s)", b.len ? ", " : "", names[req[i]], aliases[req[i]][0]);
	if (!b.len)
		return true;
	diag_add(c->L->dl, DIAG_ERROR, file, t->header.line, 1, "в строке заголовка нет столбцов: %s", b.data);
	buf_free(&b);
	return false;
}

/* ---- results/<file>.csv ---- */

typedef struct rowvec {
	ind_result_row *items;
	size_t n, cap;
} rowvec;

/* A column of the file that holds counts or means: every non-empty cell a
 * number, or named mean_*.  Columns of text (a school's name, a remark) are
 * not data and are ignored. */
static bool numeric_column(const csv_table *t, size_t col)
{
	bool any_num = false, any_text = false;
	for (size_t r = 0; r < t->nrows; r++) {
		const char *s = csv_cell_text(&t->rows[r], (int)col);
		double x;
		if (!*s)
			continue;
		if (csv_parse_number(s, &x, NULL) == 0)
			any_num = true;
		else
			any_text = true;
	}
	return any_num || !any_text;
}

static bool parse_grade(const char *s, int *grade)
{
	double x;
	if (!*s) {
		*grade = 0;
		return true;
	}
	if (csv_parse_number(s, &x, NULL) || x != floor(x) || x < 1 || x > GRADE_MAX)
		return false;
	*grade = (int)x;
	return true;
}

static void load_result_row(lctx *c, const ind_result_file *rf, const csv_row *r, const int *cols,
                            const int *colmap, rowvec *out)
{
	diag_list *dl = c->L->dl;
	arena *a = c->L->a;
	const char *file = rf->file;
	bool ok = true;
	const school *sc = NULL;
	const csv_cell *sch = cell_at(r, cols[RC_SCHOOL]);
	if (!sch || !*sch->text) {
		diag_add(dl, DIAG_ERROR, file, r->line, sch ? sch->col : 1, "не указана школа (столбец school)");
		ok = false;
	} else if (!(sc = load_school_ref(c->L, file, sch->line, sch->col, sch->text))) {
		ok = false;
	}
	const char *what[2] = {"процедура (столбец procedure)", "предмет (столбец subject)"};
	const char *txt[2];
	for (int k = 0; k < 2; k++) {
		const csv_cell *cc = cell_at(r, cols[RC_PROCEDURE + k]);
		txt[k] = cc ? cc->text : "";
		if (!*txt[k]) {
			diag_add(dl, DIAG_ERROR, file, r->line, cc ? cc->col : 1, "не указана %s", what[k]);
			ok = false;
		}
	}
	int grade = 0;
	const csv_cell *gc = cell_at(r, cols[RC_GRADE]);
	if (gc && !parse_grade(gc->text, &grade)) {
		diag_add(dl, DIAG_ERROR, file, gc->line, gc->col,
		         "столбец «класс»: ожидался номер класса от 1 до %d (данные по параллели) или пусто, а здесь «%s»",
		         GRADE_MAX, gc->text);
		ok = false;
	}
	double part = 0;
	bool part_ok = false;
	const csv_cell *pc = cell_at(r, cols[RC_PARTICIPANTS]);
	if (!pc || !*pc->text) {
		diag_add(dl, DIAG_ERROR, file, r->line, pc ? pc->col : 1, "не указано число участников (столбец participants)");
		ok = false;
	} else if (cell_number(c, file, pc, "participants", NUM_COUNT | NUM_INTEGER, &part)) {
		if (part == 0) {
			diag_add(dl, DIAG_ERROR, file, pc->line, pc->col,
			         "число участников 0: по такой строке ничего нельзя вычислить, уберите её");
			ok = false;
		} else {
			part_ok = true;
		}
	} else {
		ok = false;
	}
	double *v = arena_alloc(a, (rf->ncols ? rf->ncols : 1) * sizeof(double));
	for (size_t i = 0; i < rf->ncols; i++) {
		const csv_cell *cc = cell_at(r, colmap[i]);
		v[i] = NAN;
		if (!cc || !*cc->text)
			continue;
		double x;
		bool mean = rf->cols[i].mean;
		if (!cell_number(c, file, cc, rf->cols[i].name, mean ? 0 : NUM_COUNT | NUM_INTEGER, &x)) {
			ok = false;
			continue;
		}
		if (!mean && part_ok && x > part) {
			diag_add(dl, DIAG_ERROR, file, cc->line, cc->col,
			         "столбец «%s»: %s — больше, чем участников (%s)", rf->cols[i].name, cc->text, pc->text);
			ok = false;
			continue;
		}
		v[i] = x;
	}
	/* Marks 2…5 are disjoint groups of the participants: more of them in
	 * total than participants is a typo in one of the numbers. */
	double marks = 0;
	for (size_t i = 0; i < rf->ncols; i++) {
		const char *nm = rf->cols[i].name;
		if (!rf->cols[i].mean && nm[0] >= '2' && nm[0] <= '5' && !nm[1] && !isnan(v[i]))
			marks += v[i];
	}
	if (ok && part_ok && marks > part)
		diag_add(dl, DIAG_WARNING, file, pc->line, pc->col,
		         "сумма отметок «2»–«5» (%g) больше числа участников (%s): проверьте числа в этой строке", marks,
		         pc->text);
	if (!ok)
		return;
	xgrow((void **)&out->items, &out->cap, out->n + 1, sizeof(ind_result_row));
	ind_result_row *row = &out->items[out->n++];
	memset(row, 0, sizeof *row);
	row->sc = sc;
	row->procedure = arena_strdup(a, txt[0]);
	row->subject = arena_strdup(a, txt[1]);
	row->proc_key = ind_fold(a, txt[0]);
	row->subj_key = ind_fold(a, txt[1]);
	row->grade = grade;
	row->participants = part;
	row->v = v;
	row->file = rf;
	row->at = (pos){file, r->line, 1};
}

static void load_results_file(lctx *c, const char *path, const char *file, rowvec *out)
{
	arena *a = c->L->a;
	diag_list *dl = c->L->dl;
	csv_table t;
	csv_read_file(path, file, &t, dl); /* on -1 the rows read without error are still checked */
	if (!t.header.n || refuse_person_level(c, &t, file)) {
		csv_table_free(&t);
		return;
	}
	int cols[RC_N];
	for (int k = 0; k < RC_N; k++)
		cols[k] = csv_find_col(&t, RC_NAMES[k], RC_ALIASES[k]);
	static const int req[] = {RC_SCHOOL, RC_PROCEDURE, RC_SUBJECT, RC_PARTICIPANTS};
	if (!need_cols(c, &t, file, cols, req, ARRAY_LEN(req), RC_NAMES, RC_ALIASES)) {
		csv_table_free(&t);
		return;
	}
	ind_result_file *rf = arena_alloc(a, sizeof *rf);
	rf->file = file;
	rf->line = t.header.line;
	rf->cols = arena_alloc(a, t.header.n * sizeof(ind_result_col));
	int *colmap = xcalloc(t.header.n, sizeof(int));
	const char **keys = xcalloc(t.header.n, sizeof(char *));
	for (size_t i = 0; i < t.header.n; i++) {
		const csv_cell *h = &t.header.cells[i];
		bool known = false;
		for (int k = 0; k < RC_N; k++)
			known |= cols[k] == (int)i;
		if (known || !*h->text)
			continue;
		const char *key = ind_fold(a, h->text);
		bool mean = str_starts(key, "mean_");
		if (!mean && !numeric_column(&t, i))
			continue; /* text: a name or a remark */
		bool dup = false;
		for (size_t j = 0; j < rf->ncols; j++)
			dup |= !strcmp(keys[j], key);
		if (dup) {
			diag_add(dl, DIAG_ERROR, file, h->line, h->col, "столбец «%s» повторяется", h->text);
			continue;
		}
		keys[rf->ncols] = key;
		colmap[rf->ncols] = (int)i;
		rf->cols[rf->ncols++] = (ind_result_col){arena_strdup(a, h->text), mean, key};
	}
	for (size_t r = 0; r < t.nrows; r++)
		load_result_row(c, rf, &t.rows[r], cols, colmap, out);
	free(colmap);
	free(keys);
	csv_table_free(&t);
}

/* ---- values/<file>.csv ---- */

typedef struct valvec {
	ind_value_row *items;
	size_t n, cap;
} valvec;

static bool is_municipal(const char *s)
{
	return !*s || utf8_caseeq(s, "municipality") || utf8_caseeq(s, "муниципалитет");
}

static void report_unknown_indicator(lctx *c, const char *file, const csv_cell *cell)
{
	const char *sug = c->ind_ids ? f_suggest(cell->text, c->ind_ids) : NULL;
	if (sug)
		diag_add(c->L->dl, DIAG_ERROR, file, cell->line, cell->col,
		         "неизвестный показатель «%s»; может быть, «%s»?", cell->text, sug);
	else
		diag_add(c->L->dl, DIAG_ERROR, file, cell->line, cell->col,
		         "неизвестный показатель «%s»: его нет в indicators.yaml", cell->text);
}

static void load_value_row(lctx *c, const char *file, const csv_row *r, const int *cols, valvec *out)
{
	diag_list *dl = c->L->dl;
	bool ok = true;
	const school *sc = NULL;
	const csv_cell *sch = cell_at(r, cols[VC_SCHOOL]);
	if (sch && !is_municipal(sch->text) && !(sc = load_school_ref(c->L, file, sch->line, sch->col, sch->text))) {
		ok = false;
	}
	indicator *ind = NULL;
	const csv_cell *ic = cell_at(r, cols[VC_INDICATOR]);
	if (!ic || !*ic->text) {
		diag_add(dl, DIAG_ERROR, file, r->line, ic ? ic->col : 1, "не указан показатель (столбец indicator)");
		ok = false;
	} else if (!(ind = find_ind(c->d, ic->text))) {
		report_unknown_indicator(c, file, ic);
		ok = false;
	} else if (ind->kind != IND_VALUE) {
		diag_add(dl, DIAG_ERROR, file, ic->line, ic->col,
		         "показатель «%s» вычисляется из результатов (results/<file>.csv, поле «from» в indicators.yaml); "
		         "значения для него в values/<file>.csv не принимаются", ind->id);
		ok = false;
	}
	bool pct_unit = ind && !strcmp(ind->unit, "%");
	double nd[2] = {0, 0};
	int have = 0;
	const csv_cell *ndc[2] = {cell_at(r, cols[VC_NUMERATOR]), cell_at(r, cols[VC_DENOMINATOR])};
	for (int k = 0; k < 2; k++) {
		if (!ndc[k] || !*ndc[k]->text)
			continue;
		if (cell_number(c, file, ndc[k], VC_NAMES[VC_NUMERATOR + k], NUM_COUNT, &nd[k]))
			have |= 1 << k;
		else
			ok = false;
	}
	bool has_nd = (ndc[0] && *ndc[0]->text) || (ndc[1] && *ndc[1]->text);
	if (has_nd && ok && have != 3) {
		const csv_cell *missing = have == 1 ? ndc[1] : ndc[0];
		diag_add(dl, DIAG_ERROR, file, r->line, missing ? missing->col : 1,
		         "нужны оба числа — числитель (numerator) и знаменатель (denominator) — или ни одного");
		ok = false;
	}
	if (have == 3 && nd[1] == 0) {
		diag_add(dl, DIAG_ERROR, file, ndc[1]->line, ndc[1]->col, "знаменатель 0: по такой строке ничего нельзя вычислить");
		ok = false;
	} else if (have == 3 && pct_unit && nd[0] > nd[1]) {
		diag_add(dl, DIAG_ERROR, file, ndc[0]->line, ndc[0]->col,
		         "числитель (%s) больше знаменателя (%s), а показатель — доля в процентах", ndc[0]->text,
		         ndc[1]->text);
		ok = false;
	}
	double value = 0;
	const csv_cell *vc = cell_at(r, cols[VC_VALUE]);
	if (vc && *vc->text) {
		bool pct = false;
		if (csv_parse_number(vc->text, &value, &pct) != 0) {
			diag_add(dl, DIAG_ERROR, file, vc->line, vc->col, "столбец «value»: «%s» — не число", vc->text);
			ok = false;
		} else if (value < 0) {
			diag_add(dl, DIAG_ERROR, file, vc->line, vc->col,
			         "столбец «value»: значение не может быть отрицательным («%s»)", vc->text);
			ok = false;
		} else if (pct && ind && !pct_unit) {
			diag_add(dl, DIAG_WARNING, file, vc->line, vc->col,
			         "знак %% у значения, а единица показателя «%s» — «%s»", ind->id, ind->unit);
		}
		if (ok && have == 3 && ind) {
			double expect = nd[0] / nd[1] * (pct_unit ? 100 : 1);
			/* Sources round to whole numbers; a larger gap is a typo. */
			if (fabs(expect - value) > 0.5 + 1e-9)
				diag_add(dl, DIAG_WARNING, file, vc->line, vc->col,
				         "значение %s не сходится с числителем и знаменателем (%s / %s): проверьте числа",
				         vc->text, ndc[0]->text, ndc[1]->text);
		}
	} else if (have == 3 && ok) {
		value = nd[0] / nd[1] * (pct_unit ? 100 : 1);
	} else if (ok) {
		diag_add(dl, DIAG_ERROR, file, r->line, vc ? vc->col : 1,
		         "не указано значение (столбец value) — или укажите числитель и знаменатель");
		ok = false;
	}
	if (!ok)
		return;
	xgrow((void **)&out->items, &out->cap, out->n + 1, sizeof(ind_value_row));
	out->items[out->n++] = (ind_value_row){ind, sc, value, have == 3, nd[0], nd[1], {file, r->line, 1}};
}

static void load_values_file(lctx *c, const char *path, const char *file, valvec *out)
{
	csv_table t;
	csv_read_file(path, file, &t, c->L->dl);
	if (!t.header.n || refuse_person_level(c, &t, file)) {
		csv_table_free(&t);
		return;
	}
	int cols[VC_N];
	for (int k = 0; k < VC_N; k++)
		cols[k] = csv_find_col(&t, VC_NAMES[k], VC_ALIASES[k]);
	/* value may be left out when every row has numerator and denominator. */
	static const int req[] = {VC_SCHOOL, VC_INDICATOR};
	if (need_cols(c, &t, file, cols, req, ARRAY_LEN(req), VC_NAMES, VC_ALIASES))
		for (size_t r = 0; r < t.nrows; r++)
			load_value_row(c, file, &t.rows[r], cols, out);
	csv_table_free(&t);
}

/* ---- one edition ---- */

/* Calls fn for every CSV file of editions/<ed>/<sub>/, in name order; other
 * files get a warning since an .xlsx dropped there would otherwise vanish
 * without a word. */
static void each_csv(lctx *c, const edition *ed, const char *sub,
                     void (*fn)(lctx *, const char *, const char *, void *), void *arg)
{
	const char *reldir = ind_ed_rel(c->L->a, ed, sub, NULL);
	char *dir = load_path(c->L, reldir);
	char **names;
	int n = fs_list(dir, NULL, false, &names);
	for (int i = 0; i < n; i++) {
		const char *rel = ind_ed_rel(c->L->a, ed, sub, names[i]);
		size_t len = strlen(names[i]);
		if (len < 4 || !utf8_caseeq(names[i] + len - 4, ".csv")) {
			diag_add(c->L->dl, DIAG_WARNING, rel, 0, 0,
			         "файл пропущен: читаются только таблицы CSV (в Excel: «Сохранить как» → "
			         "«CSV (разделители — точки с запятой)»)");
			continue;
		}
		char *path = fs_join(dir, names[i]);
		if (fs_inside(c->L->root, path))
			fn(c, path, rel, arg);
		else
			diag_add(c->L->dl, DIAG_ERROR, rel, 0, 0,
			         "файл ведёт за пределы папки с содержимым (символическая ссылка?)");
		free(path);
	}
	if (n > 0)
		fs_names_free(names, n);
	free(dir);
}

static void results_cb(lctx *c, const char *path, const char *file, void *arg)
{
	load_results_file(c, path, file, arg);
}

static void values_cb(lctx *c, const char *path, const char *file, void *arg)
{
	load_values_file(c, path, file, arg);
}

static int cmp_row_keys(const ind_result_row *a, const ind_result_row *b)
{
	int r = strcmp(a->sc->id, b->sc->id);
	if (!r)
		r = strcmp(a->proc_key, b->proc_key);
	if (!r)
		r = strcmp(a->subj_key, b->subj_key);
	if (!r)
		r = (a->grade > b->grade) - (a->grade < b->grade);
	return r;
}

/* Pointers into one array: equal keys keep load order, so the first
 * occurrence is the one kept and the later ones are reported. */
static int cmp_row_ptrs(const void *pa, const void *pb)
{
	const ind_result_row *a = *(const ind_result_row *const *)pa, *b = *(const ind_result_row *const *)pb;
	int r = cmp_row_keys(a, b);
	return r ? r : (a > b) - (a < b);
}

/* The same school, procedure, subject and grade twice would be counted twice. */
static void check_duplicate_rows(lctx *c, ind_ed_data *E)
{
	size_t n = E->nrows;
	if (n < 2)
		return;
	ind_result_row **p = xmalloc(n * sizeof *p);
	for (size_t i = 0; i < n; i++)
		p[i] = &E->rows[i];
	xsort(p, n, sizeof *p, cmp_row_ptrs);
	bool *drop = xcalloc(n, sizeof(bool));
	size_t first = 0;
	for (size_t i = 1; i < n; i++) {
		if (cmp_row_keys(p[first], p[i])) {
			first = i;
			continue;
		}
		const ind_result_row *r = p[i], *f = p[first];
		drop[r - E->rows] = true;
		diag_add(c->L->dl, DIAG_ERROR, r->at.file, r->at.line, 1,
		         "строка повторяется: школа %s, %s, %s%s%s уже есть (%s, строка %d)", r->sc->id, r->procedure,
		         r->subject, r->grade ? ", класс " : "", r->grade ? arena_printf(c->L->a, "%d", r->grade) : "",
		         f->at.file, f->at.line);
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!drop[i])
			E->rows[k++] = E->rows[i];
	E->nrows = k;
	free(drop);
	free(p);
}

static int cmp_value_ptrs(const void *pa, const void *pb)
{
	const ind_value_row *a = *(const ind_value_row *const *)pa, *b = *(const ind_value_row *const *)pb;
	int r = (a->ind->index > b->ind->index) - (a->ind->index < b->ind->index);
	if (!r)
		r = strcmp(a->sc ? a->sc->id : "", b->sc ? b->sc->id : "");
	return r ? r : (a > b) - (a < b);
}

/* One value per school (or municipality) and indicator in an edition. */
static void check_duplicate_values(lctx *c, ind_ed_data *E)
{
	size_t n = E->nvals;
	if (n < 2)
		return;
	ind_value_row **p = xmalloc(n * sizeof *p);
	for (size_t i = 0; i < n; i++)
		p[i] = &E->vals[i];
	xsort(p, n, sizeof *p, cmp_value_ptrs);
	bool *drop = xcalloc(n, sizeof(bool));
	size_t first = 0;
	for (size_t i = 1; i < n; i++) {
		const ind_value_row *f = p[first], *v = p[i];
		if (f->ind != v->ind || f->sc != v->sc) {
			first = i;
			continue;
		}
		drop[v - E->vals] = true;
		diag_add(c->L->dl, DIAG_ERROR, v->at.file, v->at.line, 1,
		         "значение показателя «%s» для %s уже есть (%s, строка %d)", v->ind->id,
		         v->sc ? v->sc->id : "муниципалитета", f->at.file, f->at.line);
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!drop[i])
			E->vals[k++] = E->vals[i];
	E->nvals = k;
	free(drop);
	free(p);
}

/* Rows an indicator needs must have its columns: a missing column is reported
 * once per file at the header, an empty cell (the school is then left out of
 * the indicator) once per row, a share over 100 % as an error. */
static void check_needed_columns(lctx *c, ind_ed_data *E)
{
	arena *a = c->L->a;
	diag_list *dl = c->L->dl;
	for (size_t i = 0; i < c->d->ninds; i++) {
		const indicator *ind = &c->d->inds[i];
		ind_keys ik;
		if (!ind_keys_of(a, ind, &ik))
			continue;
		size_t nneed = ik.n;
		const char *const *need = ik.need;
		const ind_result_file *reported = NULL;
		for (size_t r = 0; r < E->nrows; r++) {
			ind_result_row *row = &E->rows[r];
			if (!ind_row_matches(ind, row, &ik))
				continue;
			double sum = 0;
			bool empty = false;
			for (size_t k = 0; k < nneed; k++) {
				int col = ind_col_index(row->file, ik.cols[k]);
				if (col < 0) {
					if (reported != row->file)
						diag_add(dl, DIAG_ERROR, row->file->file, row->file->line, 1,
						         "в файле нет числового столбца «%s», нужного показателю «%s» (%s, %s)",
						         need[k], ind->id, ind->procedure, ind->subject);
					reported = row->file;
					empty = true;
					break;
				}
				if (isnan(row->v[col])) {
					diag_add(dl, DIAG_WARNING, row->at.file, row->at.line, 1,
					         "пустая ячейка в столбце «%s»: школа %s не войдёт в показатель «%s»", need[k],
					         row->sc->id, ind->id);
					empty = true;
					break;
				}
				sum += row->v[col];
			}
			if (!empty && ind->kind == IND_SHARE && sum > row->participants) {
				diag_add(dl, DIAG_ERROR, row->at.file, row->at.line, 1,
				         "сумма столбцов показателя «%s» (%g) больше числа участников (%g)", ind->id, sum,
				         row->participants);
			}
		}
	}
}

static void load_edition_data(lctx *c, const edition *ed, ind_ed_data *E)
{
	rowvec rv = {0};
	valvec vv = {0};
	each_csv(c, ed, "results", results_cb, &rv);
	each_csv(c, ed, "values", values_cb, &vv);
	E->ed = ed;
	E->rows = arena_alloc(c->L->a, (rv.n ? rv.n : 1) * sizeof(ind_result_row));
	if (rv.n)
		memcpy(E->rows, rv.items, rv.n * sizeof(ind_result_row));
	E->nrows = rv.n;
	E->vals = arena_alloc(c->L->a, (vv.n ? vv.n : 1) * sizeof(ind_value_row));
	if (vv.n)
		memcpy(E->vals, vv.items, vv.n * sizeof(ind_value_row));
	E->nvals = vv.n;
	free(rv.items);
	free(vv.items);
	check_duplicate_rows(c, E);
	check_duplicate_values(c, E);
	check_needed_columns(c, E);
}

/* ---- roadmap targets ---- */

static void load_targets(lctx *c, ind_ed_data *E)
{
	const edition *ed = E->ed;
	diag_list *dl = c->L->dl;
	for (size_t k = 0; k < ed->ndocs; k++) {
		const document *doc = &ed->docs[k];
		for (size_t t = 0; t < doc->ntargets; t++) {
			const target *tg = &doc->targets[t];
			const indicator *ind = tg->indicator ? find_ind(c->d, tg->indicator) : NULL;
			if (!ind) {
				const char *sug = c->ind_ids ? f_suggest(tg->indicator, c->ind_ids) : NULL;
				diag_add(dl, DIAG_ERROR, tg->at.file, tg->at.line, tg->at.col,
				         "целевой показатель «%s» не описан в indicators.yaml%s%s%s", tg->indicator,
				         sug ? "; может быть, «" : "", sug ? sug : "", sug ? "»?" : "");
				continue;
			}
			if (!tg->target && tg->plan.n && !E->targets[ind->index].set) {
				E->targets[ind->index] = (ind_target){true, 0, NULL, doc, &tg->plan};
				continue;
			}
			if (!tg->target)
				continue; /* the indicator's default applies */
			double v;
			if (!ind_parse_target(tg->target, &v)) {
				diag_add(dl, DIAG_WARNING, tg->at.file, tg->at.line, tg->at.col,
				         "в целевом значении «%s» нет числа: выполнение показателя «%s» оцениваться не будет",
				         tg->target, ind->id);
				continue;
			}
			ind_target *it = &E->targets[ind->index];
			if (it->set) {
				if (it->value != v)
					diag_add(dl, DIAG_WARNING, tg->at.file, tg->at.line, tg->at.col,
					         "для показателя «%s» в этой редакции уже задано другое целевое значение "
					         "(«%s» в документе %s); действует то", ind->id, it->text, it->doc->slug);
				continue;
			}
			*it = (ind_target){true, v, tg->target, doc, tg->plan.has_baseline ? &tg->plan : NULL};
		}
	}
}

/* ---- entry point ---- */

ind_data *indicators_load(loader *L)
{
	ind_data *d = arena_alloc(L->a, sizeof *d);
	d->a = L->a;
	lctx c;
	init_ctx(&c, L, d);
	load_definitions(&c);
	c.ind_ids = arena_alloc(L->a, (d->ninds + 1) * sizeof(char *));
	for (size_t i = 0; i < d->ninds; i++)
		c.ind_ids[i] = d->inds[i].id;
	const site *s = L->s;
	d->eds = s->eds;
	d->neds = s->neds;
	d->per = arena_alloc(L->a, (s->neds ? s->neds : 1) * sizeof(ind_ed_data));
	d->cells = arena_alloc(L->a, (d->ninds && s->neds ? d->ninds * s->neds : 1) * sizeof(ind_edition));
	for (size_t e = 0; e < s->neds; e++) {
		ind_ed_data *E = &d->per[e];
		E->targets = arena_alloc(L->a, (d->ninds ? d->ninds : 1) * sizeof(ind_target));
		load_edition_data(&c, &s->eds[e], E);
		load_targets(&c, E);
		for (size_t i = 0; i < d->ninds; i++) {
			ind_edition *ce = &d->cells[i * s->neds + e];
			ce->ind = &d->inds[i];
			ce->ed = &s->eds[e];
		}
	}
	return d;
}
