/* fsutil.h — reading content files safely.
 *
 * Content comes from many hands; these functions refuse what must not be read
 * (directories where files are expected, files beyond a size bound, symlinks
 * that lead out of the content folder) and report it as a diagnostic instead
 * of failing later.  Writing output is output.c's job, not this module's. */
#ifndef ROADMAP_FSUTIL_H
#define ROADMAP_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

/* Reads the whole regular file at path into a heap buffer (NUL-terminated,
 * caller frees) and stores its length in *len.  Files larger than max bytes,
 * directories and unreadable files give an error naming `file` and NULL. */
char *fs_read_file(const char *path, const char *file, size_t max, size_t *len, diag_list *dl);

/* Lists the names in directory path that end in suffix (or all, suffix NULL),
 * skipping names starting with '.', sorted bytewise so builds do not depend on
 * creation order.  Returns the count, the names in *out (caller frees each and
 * the array with fs_names_free), or -1 when the directory does not exist. */
int fs_list(const char *path, const char *suffix, bool want_dirs, char ***out);
void fs_names_free(char **names, int n);

bool fs_is_dir(const char *path);
bool fs_exists(const char *path);

/* True when path (which exists) resolves, after following symlinks, to a
 * place inside root (also resolved). */
bool fs_inside(const char *root, const char *path);

/* Validates UTF-8; on the first bad byte appends "file:line:col: error" and
 * returns false. */
bool fs_utf8_ok(const char *data, size_t len, const char *file, diag_list *dl);

/* Path join into a fresh heap string. */
char *fs_join(const char *a, const char *b);

#endif
