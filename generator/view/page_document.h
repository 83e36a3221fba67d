/* page_document.h — the pages of an edition and its documents (page_document.c). */
#ifndef ROADMAP_PAGE_DOCUMENT_H
#define ROADMAP_PAGE_DOCUMENT_H

#include "page_common.h"

value *view_edition(const ctx *c);        /* the edition's home (also the site's home) */
value *view_document(const ctx *c);       /* one roadmap document */
value *view_archive(const ctx *c);        /* every edition */

#endif
