/* indicators_test.c — indicators.md by hand-computed examples: true municipal
 * shares (not the mean of school percentages), weighted means, medians, targets,
 * changes in п.п., small-group and complementary suppression, refusal of
 * person-level files, Excel's Windows-1251 `;` CSV, and the loader's messages. */
#include "t.h"
#include "derive.h"
#include "ind_format.h"
#include "indicators.h"
#include "load.h"
#include "load_indicators.h"
#include "util.h"

#include <errno.h>
#include <iconv.h>
#include <math.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define NBSP "\xC2\xA0"

static int near(double a, double b)
{
	return fabs(a - b) < 1e-6;
}

/* ---- building test sites on disk ---- */

static void mkdirs(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	free(p);
}

static void put_bytes(const char *root, const char *rel, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", root, rel);
	mkdirs(path);
	FILE *f = fopen(path, "wb");
	if (!f) {
		printf("cannot write %s\n", path);
		exit(2);
	}
	fwrite(data, 1, len, f);
	fclose(f);
	free(path);
}

static void put(const char *root, const char *rel, const char *text)
{
	put_bytes(root, rel, text, strlen(text));
}

/* As Excel «CSV (разделители — точки с запятой)» saves on a Russian Windows. */
static void put_cp1251(const char *root, const char *rel, const char *utf8)
{
	iconv_t cd = iconv_open("CP1251", "UTF-8");
	size_t inlen = strlen(utf8), outcap = inlen + 1, outlen = outcap;
	char *out = xmalloc(outcap), *in = (char *)utf8, *o = out;
	if (cd == (iconv_t)-1 || iconv(cd, &in, &inlen, &o, &outlen) == (size_t)-1) {
		printf("iconv failed: %s\n", strerror(errno));
		exit(2);
	}
	iconv_close(cd);
	put_bytes(root, rel, out, outcap - outlen);
	free(out);
}

static char *make_root(void)
{
	char tmpl[] = "/tmp/indicators-test-XXXXXX";
	if (!mkdtemp(tmpl)) {
		printf("mkdtemp failed\n");
		exit(2);
	}
	return xstrdup(tmpl);
}

static void remove_tree(const char *root)
{
	char *cmd = xasprintf("rm -rf '%s'", root);
	if (system(cmd) != 0)
		printf("could not remove %s\n", root);
	free(cmd);
}

static const char *DOC_2022 =
	"title: План\n"
	"targets:\n"
	"  - indicator: vpr-2\n"
	"    target: не более 6 %\n"
	"  - indicator: vpr-22\n"
	"sections:\n"
	"  - title: Раздел\n"
	"    activities:\n"
	"      - title: Мероприятие\n";

static const char *DOC_PLAIN =
	"title: План\n"
	"sections:\n"
	"  - title: Раздел\n"
	"    activities:\n"
	"      - title: Мероприятие\n";

static void base_site(const char *root, int min_group)
{
	char *yaml = xasprintf("title: Тест\nauthority: Отдел\nprivacy:\n  min_group: %d\n", min_group);
	put(root, "site.yaml", yaml);
	free(yaml);
	/* Short names in an order that is not the id order, and «№ 10» after «№ 2». */
	put(root, "schools.csv",
	    "id,name,short_name\n"
	    "s-a,Школа А,СШ № 1\n"
	    "s-b,Школа Б,СШ № 2\n"
	    "s-c,Школа В,СШ № 10\n"
	    "s-d,Школа Г,СШ № 3\n");
	put(root, "editions/2020-2021/plan.yaml", DOC_PLAIN);
	put(root, "editions/2021-2022/plan.yaml", DOC_2022);
	put(root, "indicators.yaml",
	    "- id: vpr-2\n"
	    "  name: Доля «2» по математике в 4 классе\n"
	    "  unit: \"%\"\n"
	    "  better: lower\n"
	    "  target: 10\n"
	    "  from: {procedure: ВПР, subject: Математика, grade: 4, share: [\"2\"]}\n"
	    "- id: ege-mean\n"
	    "  name: Средний балл ЕГЭ по русскому языку\n"
	    "  unit: балл\n"
	    "  better: higher\n"
	    "  target: 70\n"
	    "  from: {procedure: ЕГЭ, subject: Русский язык, mean: mean_score}\n"
	    "- id: mentors\n"
	    "  name: Доля молодых педагогов с наставниками\n"
	    "  unit: \"%\"\n"
	    "  better: higher\n"
	    "  target: 100\n"
	    "- id: olymp\n"
	    "  name: Участники олимпиады\n"
	    "  unit: ед.\n"
	    "  better: higher\n"
	    "- id: reported\n"
	    "  name: Показатель с муниципальной строкой\n"
	    "  unit: \"%\"\n"
	    "  better: higher\n"
	    "- id: vpr-22\n"
	    "  name: Доля «2» по математике в 4 классе, без цели в документе\n"
	    "  unit: \"%\"\n"
	    "  better: lower\n"
	    "  target: 15\n"
	    "  from: {procedure: впр, subject: МАТЕМАТИКА, grade: 4, share: [\"2\"]}\n");
}

typedef struct loaded {
	site *s;
	ind_data *d;
	diag_list dl;
} loaded;

/* The site as a build sees it: loaded, then derived. */
static loaded load_root(const char *root)
{
	loaded r;
	memset(&r, 0, sizeof r);
	r.s = site_load(root, DATE_NONE, (date){2022, 3, 15}, &r.dl);
	site_derive(r.s, &r.dl);
	r.d = r.s->ind;
	return r;
}

static void unload(loaded *r)
{
	site_free(r->s);
	diag_list_free(&r->dl);
}

static void dump_diags(const diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++)
		printf("   %s:%d:%d: %s\n", dl->items[i].file, dl->items[i].line, dl->items[i].col, dl->items[i].msg);
}

/* True when a diagnostic of sev at file:line:col contains text. */
static bool has_diag(const diag_list *dl, diag_severity sev, const char *file, int line, int col, const char *text)
{
	for (size_t i = 0; i < dl->n; i++) {
		const diag *d = &dl->items[i];
		if (d->sev == sev && !strcmp(d->file, file) && d->line == line && d->col == col && strstr(d->msg, text))
			return true;
	}
	return false;
}

#define T_DIAG(dl, sev, file, line, col, text)                                                   \
	do {                                                                                     \
		bool ok_ = has_diag(dl, sev, file, line, col, text);                             \
		T_CHECK(ok_, "expected %s:%d:%d: …%s…", file, line, col, text);                  \
		if (!ok_)                                                                        \
			dump_diags(dl);                                                          \
	} while (0)

static const edition *ed_by_id(const site *s, const char *id)
{
	for (size_t i = 0; i < s->neds; i++)
		if (!strcmp(s->eds[i].id, id))
			return &s->eds[i];
	return NULL;
}

static const ind_edition *cell(const loaded *r, const char *ind, const char *ed)
{
	return ind_for(r->d, ind_find(r->d, ind), ed_by_id(r->s, ed));
}

static const ind_school *entry(const loaded *r, const ind_edition *e, const char *id)
{
	return ind_school_of(e, site_school(r->s, id));
}

/* ---- aggregation ---- */

static void test_aggregation(void)
{
	char *root = make_root();
	base_site(root, 1);
	/* School A: 1 of 2 (50 %), B: 10 of 100 (10 %).  The municipal share is
	 * 11 / 102 = 10,78 %, not the mean of percentages (30 %). */
	put(root, "editions/2020-2021/results/vpr.csv",
	    "school,procedure,subject,grade,participants,2,3,4,5,примечание\n"
	    "s-a,ВПР,Математика,4,2,1,1,0,0,\n"
	    "s-b,ВПР,Математика,4,100,10,40,30,20,сдали все\n");
	put(root, "editions/2021-2022/results/vpr.csv",
	    "school,procedure,subject,grade,participants,2,3,4,5\n"
	    "s-a,ВПР,Математика,4,4,1,1,1,1\n"
	    "s-b,ВПР,Математика,4,100,5,45,30,20\n"
	    "s-b,ВПР,Математика,5,100,50,20,20,10\n");
	/* Excel on a Russian Windows: Windows-1251, `;`, decimal commas.  C has
	 * two grades (10 and 11) that the indicator (no grade) adds up. */
	put_cp1251(root, "editions/2021-2022/results/ege.csv",
	           "ОО;Процедура;Предмет;Класс;Участников;mean_score\r\n"
	           "s-a;ЕГЭ;Русский язык;11;10;60,5\r\n"
	           "s-b;ЕГЭ;Русский язык;11;30;80\r\n"
	           "s-c;ЕГЭ;Русский язык;10;10;50\r\n"
	           "s-c;ЕГЭ;Русский язык;11;10;70\r\n");
	put(root, "editions/2021-2022/values/reported.csv",
	    "school,indicator,value,numerator,denominator\n"
	    "s-a,mentors,,10,20\n"
	    "s-b,mentors,75,30,40\n"
	    "s-a,olymp,3,,\n"
	    "s-b,olymp,7,,\n"
	    "s-c,olymp,10,,\n"
	    "municipality,reported,42,,\n"
	    "s-a,reported,40 %,,\n"
	    "s-b,reported,45,,\n");
	loaded r = load_root(root);
	T_CHECK(r.dl.errors == 0 && r.dl.warnings == 0, "clean site: %zu errors, %zu warnings", r.dl.errors,
	        r.dl.warnings);
	if (r.dl.n)
		dump_diags(&r.dl);

	size_t n;
	const indicator *list = ind_list(r.d, &n);
	T_CHECK(n == 6 && !strcmp(list[0].id, "vpr-2") && list[0].kind == IND_SHARE && list[0].grade == 4 &&
	                list[0].lower_better && list[1].kind == IND_MEAN && list[2].kind == IND_VALUE,
	        "indicators.yaml read in order");

	const ind_edition *e = cell(&r, "vpr-2", "2020-2021");
	T_CHECK(e && e->has_data && e->has_value && e->how == IND_MUNI_TOTAL, "share has a municipal total");
	T_CHECK(e && near(e->value, 11.0 / 102 * 100) && !near(e->value, 30), "municipal share 11/102 = %f",
	        e ? e->value : -1);
	T_CHECK(e && near(e->base, 102), "municipal base is Σ participants");
	T_CHECK(e && e->nschools == 2 && e->nvalues == 2, "two schools");
	const ind_school *a = entry(&r, e, "s-a"), *b = entry(&r, e, "s-b");
	T_CHECK(a && near(a->value, 50) && near(a->base, 2) && !a->suppressed, "school A 50 %% of 2");
	T_CHECK(b && near(b->value, 10) && near(b->base, 100), "school B 10 %% of 100");
	T_CHECK(e && near(e->median, 30) && near(e->min, 10) && near(e->max, 50), "median/min/max of schools");
	T_CHECK(e && e->has_target && near(e->target, 10) && !e->target_text && !e->target_doc,
	        "default target from indicators.yaml");
	T_CHECK(e && !e->met, "10,78 %% is not «не более 10»");
	T_CHECK(a && !a->met && b && b->met && e->nmeeting == 1, "lower is better: exactly 10 meets");
	T_CHECK(e && !e->has_prev, "first edition has no change");

	e = cell(&r, "vpr-2", "2021-2022");
	/* 6 / 104 = 5,769 %; the grade-5 row is not part of it. */
	T_CHECK(e && near(e->value, 6.0 / 104 * 100), "municipal share 6/104 = %f", e ? e->value : -1);
	T_CHECK(e && e->has_target && near(e->target, 6) && e->target_text &&
	                !strcmp(e->target_text, "не более 6 %") && e->target_doc &&
	                !strcmp(e->target_doc->slug, "plan"),
	        "roadmap target overrides the default");
	T_CHECK(e && e->met, "5,77 %% meets «не более 6 %%»");
	T_CHECK(e && e->has_prev && near(e->prev_value, 11.0 / 102 * 100) &&
	                near(e->change, 6.0 / 104 * 100 - 11.0 / 102 * 100),
	        "change against the previous edition");
	a = entry(&r, e, "s-a");
	T_CHECK(a && near(a->value, 25) && a->has_change && near(a->change, -25), "school change in п.п.");
	buf f = BUF_INIT;
	ind_format_change(&f, e->ind, e->change);
	T_STREQ(buf_cstr(&f), "\xE2\x88\x92" "5" NBSP "п.п.", "change formatted in п.п.");
	buf_reset(&f);
	ind_format_value(&f, e->ind, e->value);
	T_STREQ(buf_cstr(&f), "5,8" NBSP "%", "value formatted");

	/* A target entry without a target keeps the default; case-folded match. */
	e = cell(&r, "vpr-22", "2021-2022");
	T_CHECK(e && e->has_target && near(e->target, 15) && !e->target_doc && near(e->value, 6.0 / 104 * 100),
	        "no target in the roadmap: default; «впр»/«МАТЕМАТИКА» match");

	/* Weighted mean over participants: (10·60,5 + 30·80 + 10·50 + 10·70) / 60. */
	e = cell(&r, "ege-mean", "2021-2022");
	double want = (10 * 60.5 + 30 * 80 + 10 * 50 + 10 * 70) / 60.0;
	T_CHECK(e && e->how == IND_MUNI_WEIGHTED && near(e->value, want) && near(e->base, 60),
	        "weighted mean %f, want %f", e ? e->value : -1, want);
	const ind_school *c = entry(&r, e, "s-c");
	T_CHECK(c && near(c->value, 60) && near(c->base, 20), "C's two grades add up: 60 on 20");
	T_CHECK(e && e->has_target && near(e->target, 70) && e->met && e->nmeeting == 1,
	        "higher is better: 70,08 meets 70; of the schools only B (80)");
	T_CHECK(e && e->nschools == 3 && e->schools[0].sc == site_school(r.s, "s-a") &&
	                e->schools[1].sc == site_school(r.s, "s-b") && e->schools[2].sc == site_school(r.s, "s-c"),
	        "entries in name order: № 1, № 2, № 10");
	buf_reset(&f);
	ind_format_value(&f, e->ind, entry(&r, e, "s-a")->value);
	T_STREQ(buf_cstr(&f), "60,5" NBSP "балла", "балл agrees with a fraction");
	e = cell(&r, "ege-mean", "2020-2021");
	T_CHECK(e && !e->has_data && !e->has_value && e->nschools == 0 && e->has_target, "no data: target only");

	/* Values: Σ numerator / Σ denominator = 40 / 60; value computed when empty. */
	e = cell(&r, "mentors", "2021-2022");
	T_CHECK(e && e->how == IND_MUNI_RATIO && near(e->value, 40.0 / 60 * 100) && near(e->base, 60),
	        "ratio municipal %f", e ? e->value : -1);
	a = entry(&r, e, "s-a");
	T_CHECK(a && near(a->value, 50) && near(a->base, 20), "value from numerator/denominator");
	T_CHECK(e && !e->met && e->nmeeting == 0, "target 100 not met");
	/* No municipal row, no ratio: the median (labelled as such). */
	e = cell(&r, "olymp", "2021-2022");
	T_CHECK(e && e->how == IND_MUNI_MEDIAN && near(e->value, 7) && !e->has_target, "median of 3, 7, 10");
	buf_reset(&f);
	ind_format_value(&f, e->ind, 1375);
	T_STREQ(buf_cstr(&f), "1" NBSP "375", "ед. is left out");
	/* The municipal row wins over anything computed. */
	e = cell(&r, "reported", "2021-2022");
	T_CHECK(e && e->how == IND_MUNI_ROW && near(e->value, 42) && e->nvalues == 2, "municipal row");
	T_CHECK(e && near(entry(&r, e, "s-a")->value, 40), "«40 %%» read as 40");

	size_t ns;
	const ind_edition *series = ind_series(r.d, ind_find(r.d, "vpr-2"), &ns);
	T_CHECK(ns == 2 && series && series[0].ed == ed_by_id(r.s, "2020-2021") && series[1].has_value,
	        "series over all editions, oldest first");
	T_CHECK(ind_find(r.d, "Анализ результатов") == NULL, "free text is not an indicator");
	size_t nr;
	const ind_result_row *rows = ind_results(r.d, ed_by_id(r.s, "2021-2022"), &nr);
	T_CHECK(nr == 7 && rows && rows[0].file && !strcmp(rows[0].file->file, "editions/2021-2022/results/ege.csv") &&
	                near(rows[0].v[0], 60.5) && rows[0].grade == 11,
	        "results rows kept, files in name order (%zu)", nr);
	buf_free(&f);
	unload(&r);
	remove_tree(root);
	free(root);
}

/* ---- privacy ---- */

static void test_suppression(void)
{
	char *root = make_root();
	base_site(root, 5);
	/* A has 3 participants: hidden.  Alone it could be recovered from the
	 * municipal total, so the next-smallest (C, 40) is hidden too. */
	put(root, "editions/2020-2021/results/vpr.csv",
	    "school,procedure,subject,grade,participants,2\n"
	    "s-a,ВПР,Математика,4,3,1\n"
	    "s-b,ВПР,Математика,4,50,5\n"
	    "s-c,ВПР,Математика,4,40,4\n"
	    "s-d,ВПР,Математика,4,100,10\n");
	/* ЕГЭ: A has 3 in grade 10 and 20 in grade 11; the indicator (no grade)
	 * sums them, the export shows them one by one. */
	put(root, "editions/2021-2022/results/ege.csv",
	    "school,procedure,subject,grade,participants,mean_score\n"
	    "s-a,ЕГЭ,Русский язык,10,3,50\n"
	    "s-a,ЕГЭ,Русский язык,11,20,60\n"
	    "s-b,ЕГЭ,Русский язык,11,30,70\n"
	    "s-c,ЕГЭ,Русский язык,11,40,80\n");
	put(root, "editions/2021-2022/results/vpr.csv",
	    "school,procedure,subject,grade,participants,2\n"
	    "s-d,ВПР,Математика,4,4,1\n");
	put(root, "editions/2021-2022/values/mentors.csv",
	    "school,indicator,value,numerator,denominator\n"
	    "s-a,mentors,,2,3\n"
	    "s-b,mentors,,5,10\n"
	    "s-c,mentors,,10,20\n");
	loaded r = load_root(root);
	T_CHECK(r.dl.errors == 0, "suppression site loads");
	if (r.dl.errors)
		dump_diags(&r.dl);

	const ind_edition *e = cell(&r, "vpr-2", "2020-2021");
	const ind_school *a = entry(&r, e, "s-a"), *b = entry(&r, e, "s-b"), *c = entry(&r, e, "s-c"),
	                 *d = entry(&r, e, "s-d");
	T_CHECK(a && a->suppressed == IND_SUPP_SMALL && a->value == 0 && a->base == 0 && !a->met && !a->has_change,
	        "fewer than min_group: hidden, number zeroed");
	T_CHECK(c && c->suppressed == IND_SUPP_PROTECT && c->value == 0 && c->base == 0,
	        "complementary: next-smallest hidden");
	T_CHECK(b && !b->suppressed && near(b->value, 10) && d && !d->suppressed, "others published");
	T_CHECK(e && e->has_value && near(e->value, 20.0 / 193 * 100) && near(e->base, 193),
	        "municipal figure includes the hidden schools");
	T_CHECK(e && e->nvalues == 2 && near(e->min, 10) && near(e->max, 10) && e->nmeeting == 2,
	        "distribution over published values only");
	size_t nr;
	const ind_result_row *rows = ind_results(r.d, ed_by_id(r.s, "2020-2021"), &nr);
	T_CHECK(nr == 4 && rows[0].suppressed == IND_SUPP_SMALL && rows[0].participants == 0 && rows[0].v[0] == 0 &&
	                rows[2].suppressed == IND_SUPP_PROTECT && rows[2].participants == 0 && rows[2].v[0] == 0 &&
	                !rows[1].suppressed && near(rows[1].participants, 50),
	        "export rows: counts of hidden schools are gone");

	/* Only D wrote this ВПР in 2021-2022, 4 participants: municipal hidden too. */
	e = cell(&r, "vpr-2", "2021-2022");
	T_CHECK(e && e->has_data && !e->has_value && e->suppressed && e->value == 0 && e->how == IND_MUNI_NONE &&
	                !e->met && !e->has_prev,
	        "a municipal figure on 4 participants is hidden");

	/* A's grade-10 row (3) is hidden; A's sum over grades would reveal it next
	 * to the published grade-11 row, so A is hidden (protect), then B as
	 * next-smallest, and in the export A's grade-11 row as well. */
	e = cell(&r, "ege-mean", "2021-2022");
	a = entry(&r, e, "s-a");
	b = entry(&r, e, "s-b");
	c = entry(&r, e, "s-c");
	T_CHECK(a && a->suppressed == IND_SUPP_PROTECT && b && b->suppressed == IND_SUPP_PROTECT && c &&
	                !c->suppressed && near(c->value, 80),
	        "grade sums: A and B hidden, C published");
	T_CHECK(e && e->has_value && near(e->value, (3 * 50 + 20 * 60 + 30 * 70 + 40 * 80) / 93.0),
	        "weighted municipal mean over all rows");
	rows = ind_results(r.d, ed_by_id(r.s, "2021-2022"), &nr);
	T_CHECK(nr == 5 && rows[0].suppressed == IND_SUPP_SMALL && rows[1].suppressed == IND_SUPP_PROTECT &&
	                rows[2].suppressed == IND_SUPP_PROTECT && !rows[3].suppressed && rows[4].suppressed,
	        "export rows suppressed consistently");

	/* Values: A's denominator 3 < 5; B (10) is hidden with it. */
	e = cell(&r, "mentors", "2021-2022");
	a = entry(&r, e, "s-a");
	b = entry(&r, e, "s-b");
	c = entry(&r, e, "s-c");
	T_CHECK(a && a->suppressed == IND_SUPP_SMALL && b && b->suppressed == IND_SUPP_PROTECT && c && !c->suppressed,
	        "values: small denominator and complementary");
	T_CHECK(e && e->how == IND_MUNI_RATIO && near(e->value, 17.0 / 33 * 100), "ratio over all schools");
	unload(&r);

	/* Two small schools protect each other: nothing more is hidden. */
	put(root, "editions/2020-2021/results/vpr.csv",
	    "school,procedure,subject,grade,participants,2\n"
	    "s-a,ВПР,Математика,4,3,1\n"
	    "s-b,ВПР,Математика,4,4,1\n"
	    "s-c,ВПР,Математика,4,40,4\n");
	r = load_root(root);
	e = cell(&r, "vpr-2", "2020-2021");
	T_CHECK(e && entry(&r, e, "s-a")->suppressed == IND_SUPP_SMALL &&
	                entry(&r, e, "s-b")->suppressed == IND_SUPP_SMALL && !entry(&r, e, "s-c")->suppressed &&
	                e->has_value,
	        "two small schools: no complementary suppression");
	unload(&r);
	remove_tree(root);
	free(root);
}

/* ---- refusals and messages ---- */

static void test_person_level(void)
{
	char *root = make_root();
	base_site(root, 1);
	put_cp1251(root, "editions/2020-2021/results/pupils.csv",
	           "ОО;ФИО ученика;Процедура;Предмет;Класс;Участников;2\r\n"
	           "s-a;Иванов Иван;ВПР;Математика;4;1;1\r\n");
	put(root, "editions/2020-2021/values/people.csv",
	    "school,indicator,value,Дата рождения\n"
	    "s-a,olymp,1,01.01.2010\n");
	put(root, "editions/2020-2021/results/counts.csv",
	    "school,procedure,subject,grade,participants,2,количество обучающихся,students\n"
	    "s-b,ВПР,Математика,4,10,1,5,5\n");
	loaded r = load_root(root);
	T_DIAG(&r.dl, DIAG_ERROR, "editions/2020-2021/results/pupils.csv", 1, 4, "152-ФЗ");
	T_DIAG(&r.dl, DIAG_ERROR, "editions/2020-2021/results/pupils.csv", 1, 4, "только сводные данные");
	T_DIAG(&r.dl, DIAG_ERROR, "editions/2020-2021/values/people.csv", 1, 24, "персональные данные");
	T_CHECK(r.dl.errors == 2, "only the two person-level files are refused (%zu errors)", r.dl.errors);
	if (r.dl.errors != 2)
		dump_diags(&r.dl);
	const ind_edition *e = cell(&r, "vpr-2", "2020-2021");
	T_CHECK(e && e->nschools == 1 && entry(&r, e, "s-b") && !entry(&r, e, "s-a"), "refused file gives no data");
	e = cell(&r, "olymp", "2020-2021");
	T_CHECK(e && !e->has_data, "refused values file gives no data");
	unload(&r);
	remove_tree(root);
	free(root);
}

static void test_messages(void)
{
	char *root = make_root();
	base_site(root, 1);
	put(root, "indicators.yaml",
	    "- id: ok\n"                                       /* 1 */
	    "  name: Хороший\n"
	    "  unit: \"%\"\n"
	    "  better: lower\n"
	    "- id: Bad_ID\n"                                   /* 5 */
	    "  name: Плохой код\n"
	    "- id: ok\n"                                       /* 7 */
	    "  name: Повтор\n"
	    "- id: typos\n"                                    /* 9 */
	    "  nam: Опечатка\n"
	    "  unit: балл\n"
	    "  better: lowr\n"
	    "  target: много\n"
	    "  target_by: 1800\n"
	    "  from:\n"                                        /* 15 */
	    "    procedure: ВПР\n"
	    "    subject: Математика\n"
	    "    share: [\"2\"]\n"
	    "    mean: mean_score\n"
	    "- id: mean-bad\n"                                 /* 20 */
	    "  name: Средний\n"
	    "  unit: балл\n"
	    "  better: higher\n"
	    "  from: {procedure: ЕГЭ, subject: Химия, mean: score}\n"
	    "- id: share\n"                                    /* 25 */
	    "  name: Доля\n"
	    "  unit: \"%\"\n"
	    "  better: higher\n"
	    "  from: {procedure: ВПР, subject: Математика, grade: 4, share: [\"5\"]}\n");
	put(root, "editions/2021-2022/results/r.csv",
	    "school,procedure,subject,grade,participants,2,5\n"
	    "sosh-99,ВПР,Математика,4,10,1,1\n"                /* 2 */
	    "s-a,ВПР,Математика,4,10,11,1\n"                   /* 3 */
	    "s-b,ВПР,Математика,4,0,0,0\n"                     /* 4 */
	    "s-c,ВПР,Математика,4,10,-1,2\n"                   /* 5 */
	    "s-d,ВПР,Математика,4,10,1,20%\n"                  /* 6 */
	    "s-a,ВПР,Математика,12,10,1,1\n"                   /* 7 */
	    "s-b,ВПР,Математика,4,abc,1,1\n"                   /* 8 */
	    "s-c,ВПР,Математика,4,10,1,\n"                     /* 9 */
	    "s-d,ВПР,Математика,4,10,1,1\n");                  /* 10: duplicate of 6? no: 6 was refused */
	put(root, "editions/2021-2022/values/v.csv",
	    "school,indicator,value\n"
	    "s-a,okk,1\n"
	    "s-a,share,1\n"
	    "s-a,ok,много\n"
	    "s-a,ok,-2\n"
	    "s-a,ok,1\n"
	    "municipality,ok,1\n"
	    "s-a,ok,2\n");
	put(root, "editions/2021-2022/plan.yaml",
	    "title: План\n"
	    "targets:\n"
	    "  - indicator: unknown-one\n"
	    "  - indicator: ok\n"
	    "    target: сколько получится\n"
	    "sections:\n"
	    "  - title: Раздел\n");
	loaded r = load_root(root);
	const char *y = "indicators.yaml", *rf = "editions/2021-2022/results/r.csv",
	           *vf = "editions/2021-2022/values/v.csv", *pf = "editions/2021-2022/plan.yaml";
	T_DIAG(&r.dl, DIAG_ERROR, y, 5, 7, "код показателя «Bad_ID»");
	T_DIAG(&r.dl, DIAG_ERROR, y, 7, 7, "повторяется (первый раз в строке 1)");
	T_DIAG(&r.dl, DIAG_ERROR, y, 10, 3, "может быть, «name»");
	T_DIAG(&r.dl, DIAG_ERROR, y, 12, 11, "может быть, «lower»");
	T_DIAG(&r.dl, DIAG_ERROR, y, 13, 11, "поле «target»: ожидалось");
	T_DIAG(&r.dl, DIAG_ERROR, y, 14, 14, "target_by");
	T_DIAG(&r.dl, DIAG_ERROR, y, 16, 5, "нужно что-то одно");
	T_DIAG(&r.dl, DIAG_ERROR, y, 24, 48, "mean_");
	T_DIAG(&r.dl, DIAG_ERROR, rf, 2, 1, "неизвестная школа «sosh-99» (известны: s-a, s-b, s-c, s-d)");
	T_DIAG(&r.dl, DIAG_ERROR, rf, 3, 25, "больше, чем участников");
	T_DIAG(&r.dl, DIAG_ERROR, rf, 4, 22, "число участников 0");
	T_DIAG(&r.dl, DIAG_ERROR, rf, 5, 25, "отрицательным");
	T_DIAG(&r.dl, DIAG_ERROR, rf, 6, 27, "а не процент");
	T_DIAG(&r.dl, DIAG_ERROR, rf, 7, 20, "номер класса");
	T_DIAG(&r.dl, DIAG_ERROR, rf, 8, 22, "«abc» — не число");
	T_DIAG(&r.dl, DIAG_WARNING, rf, 9, 1, "пустая ячейка в столбце «5»");
	T_DIAG(&r.dl, DIAG_ERROR, vf, 2, 5, "может быть, «ok»");
	T_DIAG(&r.dl, DIAG_ERROR, vf, 3, 5, "вычисляется из результатов");
	T_DIAG(&r.dl, DIAG_ERROR, vf, 4, 8, "не число");
	T_DIAG(&r.dl, DIAG_ERROR, vf, 5, 8, "отрицательным");
	T_DIAG(&r.dl, DIAG_ERROR, vf, 8, 1, "уже есть (editions/2021-2022/values/v.csv, строка 6)");
	T_DIAG(&r.dl, DIAG_ERROR, pf, 3, 5, "«unknown-one» не описан");
	T_DIAG(&r.dl, DIAG_WARNING, pf, 4, 5, "нет числа");
	/* Loading went on: the valid rows are there. */
	const ind_edition *e = cell(&r, "share", "2021-2022");
	T_CHECK(e && e->nschools == 1 && near(entry(&r, e, "s-d")->value, 10), "valid rows still used");
	e = cell(&r, "ok", "2021-2022");
	T_CHECK(e && e->how == IND_MUNI_ROW && near(e->value, 1), "valid value rows still used");
	unload(&r);
	remove_tree(root);
	free(root);
}

/* ---- helpers without a site ---- */

static void test_targets_and_format(void)
{
	static const struct {
		const char *text;
		bool ok;
		double v;
	} T[] = {
		{"10", true, 10},
		{"не менее 90 %", true, 90},
		{"к 2024 году не менее 60 %", true, 60},
		{"12,5", true, 12.5},
		{"не менее 1 000", true, 1000},
		{"в 2024 г. — 50", true, 50},
		{"всего", false, 0},
		{"", false, 0},
	};
	for (size_t i = 0; i < ARRAY_LEN(T); i++) {
		double v = -1;
		bool ok = ind_parse_target(T[i].text, &v);
		T_CHECK(ok == T[i].ok && (!ok || near(v, T[i].v)), "target «%s» → %d %f", T[i].text, ok, v);
	}
	static const indicator pct = {.unit = "%"};
	static const indicator ball = {.unit = "балл"}, ed = {.unit = "ед."}, other = {.unit = "чел."};
	static const struct {
		const indicator *ind;
		double v;
		bool change;
		const char *want;
	} F[] = {
		{&pct, 12.5, false, "12,5" NBSP "%"},
		{&pct, 100, false, "100" NBSP "%"},
		{&ball, 4.2, false, "4,2" NBSP "балла"},
		{&ball, 21, false, "21" NBSP "балл"},
		{&ball, 3, false, "3" NBSP "балла"},
		{&ball, 5, false, "5" NBSP "баллов"},
		{&ball, 11.96, false, "12" NBSP "баллов"},
		{&ed, 1375, false, "1" NBSP "375"},
		{&other, 3, false, "3" NBSP "чел."},
		{&pct, 1.25, true, "+1,3" NBSP "п.п."},
		{&pct, -0.04, true, "0" NBSP "п.п."},
		{&ball, -0.5, true, "\xE2\x88\x92" "0,5" NBSP "балла"},
		{&ed, 3, true, "+3"},
	};
	for (size_t i = 0; i < ARRAY_LEN(F); i++) {
		buf b = BUF_INIT;
		if (F[i].change)
			ind_format_change(&b, F[i].ind, F[i].v);
		else
			ind_format_value(&b, F[i].ind, F[i].v);
		T_STREQ(buf_cstr(&b), F[i].want, "format");
		buf_free(&b);
	}
	size_t n = 1;
	T_CHECK(!ind_list(NULL, &n) && n == 0 && !ind_find(NULL, "x") && !ind_for(NULL, NULL, NULL), "NULL-safe");
}

int main(void)
{
	test_targets_and_format();
	test_aggregation();
	test_suppression();
	test_person_level();
	test_messages();
	return t_done("indicators");
}
