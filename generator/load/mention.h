/* mention.h — find schools named in free text («ОУ №№ 4, 7», «МОУ «Средняя школа №13»»).
 *
 * Used only to warn: an activity whose text names registry schools but has no
 * `schools:` field probably should have one.  We suggest ids; we never guess
 * silently. */
#ifndef ROADMAP_MENTION_H
#define ROADMAP_MENTION_H

#include "diag.h"
#include "model.h"
#include "yamlread.h"

/* Appends to ids (heap array of pointers into the registry, caller frees) the
 * schools whose number («№ 13») appears after a «№»/«№№» in text.  Returns
 * the count. */
size_t mention_find(const site *s, const char *text, const school ***ids);
/* Warns at node at when text mentions schools; suggests a `schools:` value. */
void mention_warn(const site *s, const char *text, const ynode *at, diag_list *dl);

#endif
