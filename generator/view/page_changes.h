/* page_changes.h — what changed against the previous edition, in words, for
 * the edition home and the archive (page_changes.c). */
#ifndef ROADMAP_PAGE_CHANGES_H
#define ROADMAP_PAGE_CHANGES_H

#include "page_common.h"

/* «Добавлено 3 мероприятия, исключено 1, изменено 2» against the previous edition. */
const char *changes_summary(arena *a, const edition *ed);
/* /<edition>/changes/: against the previous edition */
value *view_changes(const ctx *c);

#endif
