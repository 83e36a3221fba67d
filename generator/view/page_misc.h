/* page_misc.h — free pages, 404, sitemap, robots.txt and the feed (page_misc.c). */
#ifndef ROADMAP_PAGE_MISC_H
#define ROADMAP_PAGE_MISC_H

#include "page_common.h"

value *view_page(const ctx *c);           /* a free page from pages/ */
value *view_404(const ctx *c);
value *view_sitemap(const ctx *c);        /* every planned page (c->plan) under base_url */
value *view_robots(const ctx *c);
value *view_feed(const ctx *c);           /* Atom feed of execution marks */

#endif
