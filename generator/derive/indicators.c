/* Aggregation, targets, changes and privacy suppression of indicators
 * (indicators.md).  Everything is computed once here, so that every page,
 * chart and export shows the same figure and none can show a suppressed one.
 *
 * Suppression invariant: every published sum (a school's figure, a municipal
 * figure, a row of the results export) contains either no hidden figure or at
 * least two, so nothing hidden can be recovered by subtraction.  Results rows
 * and the indicators computed from them are suppressed together, repeating
 * until nothing changes, because one indicator may sum several rows of a
 * school (ЕГЭ over grades) while the export shows the rows one by one. */
#include "csvread.h"
#include "indicators.h"
#include "utf8.h"
#include "util.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NBSP "\xC2\xA0"

/* Comparisons of computed values with targets: a share of exactly 10 % must
 * meet «не более 10» despite binary fractions. */
static const double EPS = 1e-9;

/* ---- school name order ---- */

static int cmp_school_ptr(const void *pa, const void *pb)
{
	return school_cmp(*(const school *const *)pa, *(const school *const *)pb);
}

/* rank[i]: position of s->schools[i] in the order of school_cmp (the loader
 * already sorts by it; ranking again keeps this independent of that). */
static size_t *name_ranks(const site *s)
{
	size_t n = s->nschools;
	const school **k = xmalloc((n ? n : 1) * sizeof *k);
	for (size_t i = 0; i < n; i++)
		k[i] = &s->schools[i];
	xsort(k, n, sizeof *k, cmp_school_ptr);
	size_t *rank = xmalloc((n ? n : 1) * sizeof *rank);
	for (size_t i = 0; i < n; i++)
		rank[k[i] - s->schools] = i;
	free(k);
	return rank;
}

/* ---- small numeric helpers ---- */

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

static bool meets(const indicator *ind, double v, double goal)
{
	return ind->lower_better ? v <= goal + EPS : v >= goal - EPS;
}

/* ---- per-edition work area ---- */

typedef struct derive_ctx {
	const site *s;
	ind_data *d;
	int min_group;
	const size_t *rank;        /* by school index */
	/* per school scratch, reset after each use */
	double *sw, *snum;         /* Σ weight (participants), Σ numerator */
	ind_supp *ssupp;
	bool *has;
	size_t *touched;
	size_t ntouched;
} derive_ctx;

static void protect_cells(derive_ctx *c, ind_result_row *row);

static size_t sidx(const derive_ctx *c, const school *sc)
{
	return (size_t)(sc - c->s->schools);
}

static void touch(derive_ctx *c, size_t k)
{
	if (!c->has[k]) {
		c->has[k] = true;
		c->touched[c->ntouched++] = k;
	}
}

static void reset_scratch(derive_ctx *c)
{
	for (size_t i = 0; i < c->ntouched; i++) {
		size_t k = c->touched[i];
		c->has[k] = false;
		c->sw[k] = c->snum[k] = 0;
		c->ssupp[k] = IND_SUPP_NONE;
	}
	c->ntouched = 0;
}

/* Rows of one results indicator with the numbers they contribute. */
typedef struct match {
	size_t *row;
	double *num, *w;
	size_t n;
} match;

static void match_rows(derive_ctx *c, const indicator *ind, const ind_ed_data *E, match *m)
{
	memset(m, 0, sizeof *m);
	ind_keys ik;
	if (!ind_keys_of(c->d->a, ind, &ik))
		return;
	m->row = xmalloc((E->nrows ? E->nrows : 1) * sizeof(size_t));
	m->num = xmalloc((E->nrows ? E->nrows : 1) * sizeof(double));
	m->w = xmalloc((E->nrows ? E->nrows : 1) * sizeof(double));
	for (size_t r = 0; r < E->nrows; r++) {
		const ind_result_row *row = &E->rows[r];
		if (!ind_row_matches(ind, row, &ik))
			continue;
		double sum = 0;
		bool ok = row->participants > 0;
		for (size_t k = 0; k < ik.n && ok; k++) {
			int col = ind_col_index(row->file, ik.cols[k]);
			/* Missing or empty: reported by the loader; the row is left out. */
			ok = col >= 0 && !isnan(row->v[col]);
			if (ok)
				sum += row->v[col];
		}
		if (!ok || (ind->kind == IND_SHARE && sum > row->participants))
			continue;
		m->row[m->n] = r;
		m->w[m->n] = row->participants;
		m->num[m->n] = ind->kind == IND_SHARE ? sum : sum * row->participants;
		m->n++;
	}
}

static void match_free(match *m)
{
	free(m->row);
	free(m->num);
	free(m->w);
}

static int cmp_group(const ind_result_row *a, const ind_result_row *b)
{
	int r = strcmp(a->proc_key, b->proc_key);
	if (!r)
		r = strcmp(a->subj_key, b->subj_key);
	return r ? r : (a->grade > b->grade) - (a->grade < b->grade);
}

static int cmp_group_ptrs(const void *pa, const void *pb)
{
	const ind_result_row *a = *(const ind_result_row *const *)pa, *b = *(const ind_result_row *const *)pb;
	int r = cmp_group(a, b);
	return r ? r : (a > b) - (a < b);
}

/* Is candidate a better choice of the next-smallest than best?  Smaller base
 * first; ties by school name so that the choice is reproducible. */
static bool smaller(const derive_ctx *c, double base, const school *sc, double best_base, const school *best)
{
	if (!best)
		return true;
	if (base != best_base)
		return base < best_base;
	return c->rank[sidx(c, sc)] < c->rank[sidx(c, best)];
}

/* One pass of complementary suppression over the groups of rows (procedure,
 * subject, grade) as the results export shows them.  Returns true if it
 * suppressed anything. */
static bool protect_groups(derive_ctx *c, ind_ed_data *E, ind_supp *supp, ind_result_row **order)
{
	bool changed = false;
	for (size_t i = 0; i < E->nrows;) {
		size_t j = i;
		size_t nsupp = 0;
		double total = 0;
		while (j < E->nrows && !cmp_group(order[i], order[j])) {
			nsupp += supp[order[j] - E->rows] != IND_SUPP_NONE;
			total += order[j]->participants;
			j++;
		}
		if (nsupp == 1 && total >= c->min_group) {
			const ind_result_row *best = NULL;
			for (size_t k = i; k < j; k++) {
				const ind_result_row *r = order[k];
				if (!supp[r - E->rows] && smaller(c, r->participants, r->sc, best ? best->participants : 0,
				                                  best ? best->sc : NULL))
					best = r;
			}
			if (best) {
				supp[best - E->rows] = IND_SUPP_PROTECT;
				changed = true;
			}
		}
		i = j;
	}
	return changed;
}

/* Per-school sums of one indicator into the scratch arrays; returns the
 * municipal Σ weight. */
static double school_sums(derive_ctx *c, const ind_ed_data *E, const match *m, const ind_supp *supp)
{
	double total = 0;
	for (size_t k = 0; k < m->n; k++) {
		const ind_result_row *r = &E->rows[m->row[k]];
		size_t s = sidx(c, r->sc);
		touch(c, s);
		c->sw[s] += m->w[k];
		c->snum[s] += m->num[k];
		if (supp[m->row[k]])
			c->ssupp[s] = IND_SUPP_PROTECT;
		total += m->w[k];
	}
	return total;
}

/* Next-smallest published school of the scratch arrays, or SIZE_MAX. */
static size_t next_smallest(derive_ctx *c, const double *base)
{
	size_t best = SIZE_MAX;
	for (size_t i = 0; i < c->ntouched; i++) {
		size_t k = c->touched[i];
		if (c->ssupp[k])
			continue;
		/* A figure without a known base (0) is the last choice. */
		double b = base[k] > 0 ? base[k] : INFINITY;
		double bb = best == SIZE_MAX ? 0 : base[best] > 0 ? base[best] : INFINITY;
		if (smaller(c, b, &c->s->schools[k], bb, best == SIZE_MAX ? NULL : &c->s->schools[best]))
			best = k;
	}
	return best;
}

static size_t count_suppressed(const derive_ctx *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->ntouched; i++)
		n += c->ssupp[c->touched[i]] != IND_SUPP_NONE;
	return n;
}

/* One pass of complementary suppression over the results indicators.  An
 * indicator whose municipal figure cannot be protected by a second school
 * gets hidden[i] set instead.  Returns true if it suppressed anything. */
static bool protect_indicators(derive_ctx *c, ind_ed_data *E, const match *ms, ind_supp *supp, bool *hidden)
{
	bool changed = false;
	for (size_t i = 0; i < c->d->ninds; i++) {
		const match *m = &ms[i];
		if (!m->n)
			continue;
		double total = school_sums(c, E, m, supp);
		if (total >= c->min_group && count_suppressed(c) == 1) {
			size_t k = next_smallest(c, c->sw);
			if (k == SIZE_MAX) {
				hidden[i] = true;
			} else {
				for (size_t r = 0; r < m->n; r++)
					if (E->rows[m->row[r]].sc == &c->s->schools[k] && !supp[m->row[r]]) {
						supp[m->row[r]] = IND_SUPP_PROTECT;
						changed = true;
					}
			}
		}
		reset_scratch(c);
	}
	return changed;
}

/* ---- filling one cell ---- */

/* Sorts the touched schools by name rank (insertion into rank-indexed order). */
static void touched_in_name_order(derive_ctx *c, size_t *out)
{
	/* Counting through rank keeps this linear in the number of schools. */
	size_t n = c->s->nschools;
	size_t *by_rank = xmalloc((n ? n : 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		by_rank[i] = SIZE_MAX;
	for (size_t i = 0; i < c->ntouched; i++)
		by_rank[c->rank[c->touched[i]]] = c->touched[i];
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (by_rank[i] != SIZE_MAX)
			out[k++] = by_rank[i];
	free(by_rank);
}

int ind_edition_year(const edition *ed, date today)
{
	int y = today.m >= 9 ? today.y + 1 : today.y; /* the school year today falls in ends then */
	if (y > ed->end.y || !date_is_set(today))
		y = ed->end.y;
	if (y < ed->start.y + 1)
		y = ed->start.y + 1;
	return y;
}

/* A target for a later year is not judged: it waits («целевой год — 2024»). */
static void set_pending(ind_edition *ce, int year, double value)
{
	ce->has_target = false;
	ce->pending = true;
	ce->pending_year = year;
	ce->pending_value = value;
}

/* Target of the cell: the edition's roadmap, else the indicator's default;
 * by year, judged only in its own year (after the last year, against the
 * last one); a target_by year is judged from that year on. */
static void set_target(ind_edition *ce, const ind_ed_data *E, date today)
{
	const indicator *ind = ce->ind;
	const ind_target *t = &E->targets[ind->index];
	ce->year = ind_edition_year(ce->ed, today);
	if (t->set) {
		ce->has_target = t->text != NULL;
		ce->target = t->value;
		ce->target_text = t->text;
		ce->target_doc = t->doc;
		ce->plan = t->plan;
	} else if (ind->has_target) {
		ce->has_target = true;
		ce->target = ind->target;
	}
	if (!ce->plan && (ind->plan.n || ind->plan.has_baseline) && (!t->set || ind->plan.n))
		ce->plan = &ind->plan;
	const year_plan *p = ce->plan;
	if (p && p->n && !ce->target_text) {
		size_t k = 0;
		while (k + 1 < p->n && p->years[k + 1] <= ce->year)
			k++;
		if (p->years[k] > ce->year) {
			set_pending(ce, p->years[0], p->values[0]);
		} else {
			ce->has_target = true;
			ce->target = p->values[k];
			ce->target_year = p->years[k];
		}
	} else if (ce->has_target && ind->target_by && !ce->target_text) {
		if (ind->target_by > ce->year)
			set_pending(ce, ind->target_by, ce->target);
		else
			ce->target_year = ind->target_by;
	}
}

/* Fills the per-school entries and the distribution from the scratch arrays
 * (value[k], base[k], ssupp[k]); suppressed entries carry no number. */
static void fill_schools(derive_ctx *c, ind_edition *ce, const double *value, const double *base)
{
	size_t *order = xmalloc((c->ntouched ? c->ntouched : 1) * sizeof(size_t));
	touched_in_name_order(c, order);
	ce->nschools = c->ntouched;
	ce->schools = arena_alloc(c->d->a, (c->ntouched ? c->ntouched : 1) * sizeof(ind_school));
	double *vals = xmalloc((c->ntouched ? c->ntouched : 1) * sizeof(double));
	size_t nv = 0;
	for (size_t i = 0; i < c->ntouched; i++) {
		size_t k = order[i];
		ind_school *e = &ce->schools[i];
		e->sc = &c->s->schools[k];
		e->suppressed = c->ssupp[k];
		if (e->suppressed)
			continue;
		e->value = value[k];
		e->base = base[k];
		e->met = ce->has_target && meets(ce->ind, e->value, ce->target);
		ce->nmeeting += e->met;
		vals[nv++] = e->value;
	}
	ce->nvalues = nv;
	if (nv) {
		xsort(vals, nv, sizeof(double), cmp_double);
		ce->min = vals[0];
		ce->max = vals[nv - 1];
		ce->median = nv % 2 ? vals[nv / 2] : (vals[nv / 2 - 1] + vals[nv / 2]) / 2;
	}
	free(vals);
	free(order);
}

static void set_municipal(derive_ctx *c, ind_edition *ce, ind_muni how, double value, double base)
{
	/* A municipal figure on fewer than min_group participants is as
	 * identifying as a school's. */
	if (base > 0 && base < c->min_group) {
		ce->suppressed = true;
		return;
	}
	ce->has_value = true;
	ce->how = how;
	ce->value = value;
	ce->base = base;
	ce->met = ce->has_target && meets(ce->ind, value, ce->target);
}

static void derive_results(derive_ctx *c, ind_ed_data *E, size_t e)
{
	ind_data *d = c->d;
	match *ms = xcalloc(d->ninds ? d->ninds : 1, sizeof(match));
	bool *hidden = xcalloc(d->ninds ? d->ninds : 1, sizeof(bool));
	ind_supp *supp = xcalloc(E->nrows ? E->nrows : 1, sizeof(ind_supp));
	ind_result_row **order = xmalloc((E->nrows ? E->nrows : 1) * sizeof *order);
	for (size_t i = 0; i < d->ninds; i++)
		match_rows(c, &d->inds[i], E, &ms[i]);
	for (size_t r = 0; r < E->nrows; r++) {
		order[r] = &E->rows[r];
		if (E->rows[r].participants < c->min_group)
			supp[r] = IND_SUPP_SMALL;
	}
	xsort(order, E->nrows, sizeof *order, cmp_group_ptrs);
	/* Terminates: each pass that reports a change suppresses one more row. */
	bool changed;
	do {
		changed = protect_groups(c, E, supp, order);
		changed |= protect_indicators(c, E, ms, supp, hidden);
	} while (changed);

	double *value = xcalloc(c->s->nschools + 1, sizeof(double));
	for (size_t i = 0; i < d->ninds; i++) {
		const match *m = &ms[i];
		ind_edition *ce = &d->cells[i * d->neds + e];
		set_target(ce, E, ce->ed->as_of);
		if (!m->n)
			continue;
		const indicator *ind = ce->ind;
		double scale = ind->kind == IND_SHARE ? 100 : 1;
		ce->has_data = true;
		double total = school_sums(c, E, m, supp), num = 0;
		for (size_t k = 0; k < m->n; k++)
			num += m->num[k];
		for (size_t t = 0; t < c->ntouched; t++) {
			size_t k = c->touched[t];
			value[k] = c->snum[k] / c->sw[k] * scale;
			if (c->ssupp[k] && c->sw[k] < c->min_group)
				c->ssupp[k] = IND_SUPP_SMALL;
		}
		fill_schools(c, ce, value, c->sw);
		if (hidden[i])
			ce->suppressed = true;
		else
			set_municipal(c, ce, ind->kind == IND_SHARE ? IND_MUNI_TOTAL : IND_MUNI_WEIGHTED,
			              num / total * scale, total);
		reset_scratch(c);
	}
	free(value);
	/* Counts of suppressed rows are not kept: nothing later can show them. */
	for (size_t r = 0; r < E->nrows; r++) {
		ind_result_row *row = &E->rows[r];
		row->suppressed = supp[r];
		if (!supp[r])
			continue;
		row->participants = 0;
		for (size_t k = 0; k < row->file->ncols; k++)
			row->v[k] = 0;
	}
	for (size_t r = 0; r < E->nrows; r++)
		if (!E->rows[r].suppressed)
			protect_cells(c, &E->rows[r]);
	for (size_t i = 0; i < d->ninds; i++)
		match_free(&ms[i]);
	free(ms);
	free(hidden);
	free(supp);
	free(order);
}

/* privacy.min_cell in a published row: a count from 1 to min_cell − 1 is
 * shown only as «менее N», and while any is, the smallest other non-empty
 * count of the row is withheld too, so that the small one cannot be
 * recovered as participants minus the rest.  Withheld values are zeroed here,
 * after every aggregate was computed, so no page or export can show them. */
static void protect_cells(derive_ctx *c, ind_result_row *row)
{
	int min = c->s->min_cell;
	size_t n = row->file->ncols;
	bool small = false;
	for (size_t k = 0; k < n; k++) {
		double v = row->v[k];
		if (!row->file->cols[k].mean && v == v && v >= 1 && v < min) {
			if (!row->cell)
				row->cell = arena_alloc(c->d->a, n * sizeof *row->cell); /* zeroed: IND_CELL_SHOWN */
			row->cell[k] = IND_CELL_SMALL;
			row->v[k] = 0;
			small = true;
		}
	}
	if (!small)
		return;
	size_t best = n;
	for (size_t k = 0; k < n; k++) {
		double v = row->v[k];
		/* A zero would hide nothing: the small count would still be the
		 * participants minus the shown cells. */
		if (row->file->cols[k].mean || v != v || v <= 0 || row->cell[k] != IND_CELL_SHOWN)
			continue;
		if (best == n || v < row->v[best])
			best = k;
	}
	/* Even two small cells need a third: «1» and «1» are the only split of 2. */
	if (best < n) {
		row->cell[best] = IND_CELL_WITHHELD;
		row->v[best] = 0;
	}
}

static void derive_values(derive_ctx *c, ind_ed_data *E, size_t e)
{
	ind_data *d = c->d;
	double *value = xcalloc(c->s->nschools + 1, sizeof(double));
	double *base = xcalloc(c->s->nschools + 1, sizeof(double));
	for (size_t i = 0; i < d->ninds; i++) {
		const indicator *ind = &d->inds[i];
		if (ind->kind != IND_VALUE)
			continue;
		ind_edition *ce = &d->cells[i * d->neds + e];
		set_target(ce, E, ce->ed->as_of);
		const ind_value_row *muni = NULL;
		bool all_ratio = true;
		double num = 0, den = 0;
		for (size_t r = 0; r < E->nvals; r++) {
			const ind_value_row *v = &E->vals[r];
			if (v->ind != ind)
				continue;
			ce->has_data = true;
			if (!v->sc) {
				muni = v;
				continue;
			}
			size_t k = sidx(c, v->sc);
			touch(c, k);
			value[k] = v->value;
			base[k] = v->has_ratio ? v->den : 0;
			if (v->has_ratio && v->den < c->min_group)
				c->ssupp[k] = IND_SUPP_SMALL;
			all_ratio &= v->has_ratio;
			num += v->num;
			den += v->den;
		}
		if (!ce->has_data)
			continue;
		ind_muni how = muni ? IND_MUNI_ROW : c->ntouched && all_ratio ? IND_MUNI_RATIO : IND_MUNI_MEDIAN;
		double mval = 0, mbase = 0;
		if (how == IND_MUNI_ROW) {
			mval = muni->value;
			mbase = muni->has_ratio ? muni->den : 0;
		} else if (how == IND_MUNI_RATIO) {
			mval = num / den * (strcmp(ind->unit, "%") ? 1 : 100);
			mbase = den;
		}
		bool muni_shown = how != IND_MUNI_MEDIAN && !(mbase > 0 && mbase < c->min_group);
		bool hide_muni = false;
		/* The median is taken over published values only, so it tells
		 * nothing about a hidden one; sums and reported totals do. */
		if (muni_shown && count_suppressed(c) == 1) {
			size_t k = next_smallest(c, base);
			if (k == SIZE_MAX)
				hide_muni = true;
			else
				c->ssupp[k] = IND_SUPP_PROTECT;
		}
		fill_schools(c, ce, value, base);
		if (hide_muni || (how == IND_MUNI_MEDIAN && !ce->nvalues))
			ce->suppressed = true;
		else if (how == IND_MUNI_MEDIAN && ce->nvalues)
			set_municipal(c, ce, how, ce->median, 0);
		else if (how != IND_MUNI_MEDIAN)
			set_municipal(c, ce, how, mval, mbase);
		for (size_t t = 0; t < c->ntouched; t++)
			value[c->touched[t]] = base[c->touched[t]] = 0;
		reset_scratch(c);
	}
	free(value);
	free(base);
}

/* Changes against the previous edition, from published figures only. */
static void derive_changes(derive_ctx *c)
{
	ind_data *d = c->d;
	const ind_school **prev_of = xcalloc(c->s->nschools + 1, sizeof(ind_school *));
	for (size_t e = 0; e < d->neds; e++) {
		const edition *pe = d->eds[e].prev;
		size_t p = SIZE_MAX;
		for (size_t k = 0; k < d->neds && pe; k++)
			if (&d->eds[k] == pe)
				p = k;
		if (p == SIZE_MAX)
			continue;
		for (size_t i = 0; i < d->ninds; i++) {
			ind_edition *ce = &d->cells[i * d->neds + e];
			const ind_edition *pc = &d->cells[i * d->neds + p];
			if (ce->has_value && pc->has_value) {
				ce->has_prev = true;
				ce->prev_value = pc->value;
				ce->change = ce->value - pc->value;
			}
			for (size_t k = 0; k < pc->nschools; k++)
				if (!pc->schools[k].suppressed)
					prev_of[sidx(c, pc->schools[k].sc)] = &pc->schools[k];
			for (size_t k = 0; k < ce->nschools; k++) {
				ind_school *sch = &ce->schools[k];
				const ind_school *ps = prev_of[sidx(c, sch->sc)];
				if (!sch->suppressed && ps) {
					sch->has_change = true;
					sch->change = sch->value - ps->value;
				}
			}
			for (size_t k = 0; k < pc->nschools; k++)
				prev_of[sidx(c, pc->schools[k].sc)] = NULL;
		}
	}
	free(prev_of);
}

/* Counting sort of the rows by school index, keeping file order. */
static void index_rows(ind_data *d, ind_ed_data *E)
{
	size_t n = d->nschools;
	E->by_school = arena_alloc(d->a, (n + 1) * sizeof(size_t));
	memset(E->by_school, 0, (n + 1) * sizeof(size_t));
	E->rows_of = arena_alloc(d->a, (E->nrows ? E->nrows : 1) * sizeof(*E->rows_of));
	for (size_t r = 0; r < E->nrows; r++)
		if (E->rows[r].sc >= d->schools && E->rows[r].sc < d->schools + n)
			E->by_school[E->rows[r].sc - d->schools + 1]++;
	for (size_t k = 0; k < n; k++)
		E->by_school[k + 1] += E->by_school[k];
	size_t *fill = xmalloc((n ? n : 1) * sizeof(size_t));
	memcpy(fill, E->by_school, n * sizeof(size_t));
	for (size_t r = 0; r < E->nrows; r++)
		if (E->rows[r].sc >= d->schools && E->rows[r].sc < d->schools + n)
			E->rows_of[fill[E->rows[r].sc - d->schools]++] = &E->rows[r];
	free(fill);
}

void indicators_derive(ind_data *d, const site *s)
{
	if (!d)
		return;
	derive_ctx c = {0};
	c.s = s;
	c.d = d;
	c.min_group = s->min_group > 0 ? s->min_group : 1;
	size_t n = s->nschools + 1;
	c.rank = name_ranks(s);
	c.sw = xcalloc(n, sizeof(double));
	c.snum = xcalloc(n, sizeof(double));
	c.ssupp = xcalloc(n, sizeof(ind_supp));
	c.has = xcalloc(n, sizeof(bool));
	c.touched = xcalloc(n, sizeof(size_t));
	for (size_t e = 0; e < d->neds; e++) {
		derive_results(&c, &d->per[e], e);
		derive_values(&c, &d->per[e], e);
	}
	derive_changes(&c);
	/* Lookups by school for the pages: name ranks (binary search in a
	 * cell's schools) and each edition's result rows grouped by school. */
	d->schools = s->schools;
	d->nschools = s->nschools;
	d->rank = arena_alloc(d->a, (s->nschools ? s->nschools : 1) * sizeof(size_t));
	memcpy(d->rank, c.rank, s->nschools * sizeof(size_t));
	for (size_t i = 0; i < d->ninds * d->neds; i++)
		d->cells[i].owner = d;
	for (size_t e = 0; e < d->neds; e++)
		index_rows(d, &d->per[e]);
	free((void *)c.rank);
	free(c.sw);
	free(c.snum);
	free(c.ssupp);
	free(c.has);
	free(c.touched);
}

/* ---- accessors ---- */

const indicator *ind_list(const ind_data *d, size_t *n)
{
	*n = d ? d->ninds : 0;
	return d ? d->inds : NULL;
}

const indicator *ind_find(const ind_data *d, const char *id)
{
	for (size_t i = 0; d && id && i < d->ninds; i++)
		if (!strcmp(d->inds[i].id, id))
			return &d->inds[i];
	return NULL;
}

static size_t ed_index(const ind_data *d, const edition *ed)
{
	for (size_t e = 0; e < d->neds; e++)
		if (&d->eds[e] == ed)
			return e;
	return SIZE_MAX;
}

static size_t ind_index(const ind_data *d, const indicator *ind)
{
	return ind && ind->index < d->ninds && &d->inds[ind->index] == ind ? ind->index : SIZE_MAX;
}

const ind_edition *ind_for(const ind_data *d, const indicator *ind, const edition *ed)
{
	if (!d)
		return NULL;
	size_t i = ind_index(d, ind), e = ed_index(d, ed);
	return i == SIZE_MAX || e == SIZE_MAX ? NULL : &d->cells[i * d->neds + e];
}

const ind_edition *ind_series(const ind_data *d, const indicator *ind, size_t *n)
{
	size_t i = d ? ind_index(d, ind) : SIZE_MAX;
	*n = i == SIZE_MAX ? 0 : d->neds;
	return i == SIZE_MAX ? NULL : &d->cells[i * d->neds];
}

const ind_school *ind_school_of(const ind_edition *e, const school *sc)
{
	if (!e || !e->nschools)
		return NULL;
	const ind_data *d = e->owner;
	if (!d || !d->rank || sc < d->schools || sc >= d->schools + d->nschools) {
		for (size_t i = 0; i < e->nschools; i++)
			if (e->schools[i].sc == sc)
				return &e->schools[i];
		return NULL;
	}
	size_t want = d->rank[sc - d->schools], lo = 0, hi = e->nschools;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		size_t r = d->rank[e->schools[mid].sc - d->schools];
		if (r == want)
			return &e->schools[mid];
		if (r < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const ind_result_row *const *ind_results_of(const ind_data *d, const edition *ed, const school *sc, size_t *n)
{
	size_t e = d ? ed_index(d, ed) : SIZE_MAX;
	*n = 0;
	if (e == SIZE_MAX || !d->per[e].by_school || sc < d->schools || sc >= d->schools + d->nschools)
		return NULL;
	size_t k = (size_t)(sc - d->schools);
	*n = d->per[e].by_school[k + 1] - d->per[e].by_school[k];
	return d->per[e].rows_of + d->per[e].by_school[k];
}

const ind_result_row *ind_results(const ind_data *d, const edition *ed, size_t *n)
{
	size_t e = d ? ed_index(d, ed) : SIZE_MAX;
	*n = e == SIZE_MAX ? 0 : d->per[e].nrows;
	return e == SIZE_MAX ? NULL : d->per[e].rows;
}

