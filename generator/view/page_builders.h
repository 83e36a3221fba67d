/* page_builders.h — the page builders that pages.c puts in its page table.
 *
 * Each takes the page context (site, edition, document or school of the page,
 * its own arena, the relative root) and returns the view tree its template
 * renders; everything is allocated in c->a and lives as long as the page.
 * Builders read the model only; they never write files or print. */
#ifndef ROADMAP_PAGE_BUILDERS_H
#define ROADMAP_PAGE_BUILDERS_H

#include "page_common.h"
#include "pages.h"

value *view_edition(const ctx *c);        /* page_document.c: the edition's home */
value *view_document(const ctx *c);       /* page_document.c: one roadmap document */
value *view_archive(const ctx *c);        /* page_document.c: every edition */
value *view_registry(const ctx *c);       /* page_school.c: the registry of schools */
value *view_school(const ctx *c);         /* page_school.c: a school in an edition */
value *view_school_short(const ctx *c);   /* page_school.c: /schools/<id>/, pointing to the current edition */
value *view_school_embed(const ctx *c);   /* page_school.c: the frameless page for an <iframe> */
value *view_school_results(const ctx *c); /* page_school.c: a school's indicators and results */
value *view_page(const ctx *c);           /* page_misc.c: a free page from pages/ */
value *view_404(const ctx *c);            /* page_misc.c */
value *view_sitemap(const ctx *c, const page_plan *plan); /* page_misc.c: every planned page */
value *view_robots(const ctx *c);         /* page_misc.c */
value *view_feed(const ctx *c);           /* page_misc.c: Atom feed of execution marks */
value *view_deadlines(const ctx *c);      /* page_deadlines.c */
value *view_report(const ctx *c);         /* page_report.c */
value *view_data(const ctx *c);           /* page_data.c: the open-data page */
value *view_changes(const ctx *c);        /* page_changes.c: against the previous edition */

#endif
