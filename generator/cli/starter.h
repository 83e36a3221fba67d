/* starter.h — `roadmap new DIR`: a small, valid starter site.
 *
 * Creates DIR (which must not exist, or be empty) with site.yaml, schools.csv,
 * one edition holding a short roadmap, and one page.  Writes through the one
 * safe writer (output.h): never over an existing file and never through a
 * symbolic link (DIR itself and every folder are opened with O_NOFOLLOW).  All
 * or nothing: on a failure the files and folders it made are removed again.
 * Returns 0 or -1 with an error in dl. */
#ifndef ROADMAP_STARTER_H
#define ROADMAP_STARTER_H

#include "diag.h"

int starter_create(const char *dir, diag_list *dl);

#endif
