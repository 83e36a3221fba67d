/* starter.h — `roadmap new DIR`: a small, valid starter site.
 *
 * Creates DIR (which must not exist, or be empty) with site.yaml, schools.csv,
 * one edition holding a short roadmap, and one page.  Never overwrites a file:
 * every file is created with O_EXCL.  Returns 0 or -1 with an error in dl. */
#ifndef ROADMAP_STARTER_H
#define ROADMAP_STARTER_H

#include "diag.h"

int starter_create(const char *dir, diag_list *dl);

#endif
