/* page_school.h — the pages of a school (page_school.c). */
#ifndef ROADMAP_PAGE_SCHOOL_H
#define ROADMAP_PAGE_SCHOOL_H

#include "page_common.h"

value *view_registry(const ctx *c);       /* the registry of schools */
value *view_school(const ctx *c);         /* a school in an edition */
value *view_school_short(const ctx *c);   /* /schools/<id>/, pointing to the current edition */
value *view_school_embed(const ctx *c);   /* the frameless page for an <iframe> */
value *view_school_results(const ctx *c); /* a school's indicators and results */

#endif
