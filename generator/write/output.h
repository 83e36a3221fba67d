/* output.h — the only module that writes files: the site, and through
 * output_create_file every other file roadmap makes.
 *
 * The site is written into a fresh temporary folder beside the target
 * ("<out>.tmp-<pid>") and swapped in only when complete, so a failed or killed
 * build leaves the previous site intact.  Rules (spec/quality.md):
 *  - never write into the content folder, "/", or the folder holding the
 *    content; never into a non-empty folder that lacks our marker file
 *    (".roadmap-output"), because we would delete what we did not create;
 *  - stale temporary folders of killed builds (they carry the marker too) are
 *    removed by the next build;
 *  - nothing is written outside the temporary folder: relative paths are
 *    checked (no "..", no absolute paths) before use;
 *  - a file whose bytes equal the previous build's file at the same path is
 *    not rewritten but hard-linked from it, so it keeps its inode and
 *    modification time; files are never written through an existing name.
 * output_write may be called from several threads at once. */
#ifndef ROADMAP_OUTPUT_H
#define ROADMAP_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "diag.h"

typedef struct output output;

#define OUTPUT_MARKER ".roadmap-output"

/* Checks that out may be (re)written and creates the temporary folder.
 * Returns NULL after appending an error (no file touched). */
output *output_begin(const char *out, const char *content_root, diag_list *dl);
/* Writes data to rel (e.g. "2021-2022/index.html") inside the temporary
 * folder, creating folders.  Returns 0, or -1 with errno set. */
int output_write(output *o, const char *rel, const char *data, size_t len);
/* Files written anew so far: new, or with bytes different from the previous
 * build's file at the same path.  An unchanged file is not rewritten: it is
 * carried into the new site as a hard link to the previous one (same inode and
 * modification time). */
long output_changed(output *o);
/* Copies a file tree (theme assets) into rel inside the temporary folder. */
int output_copy_tree(output *o, const char *src_dir, const char *rel);
/* Swaps the finished site in (atomically where the OS allows) and removes the
 * old one.  Returns 0 or -1 (message in dl).  Frees o. */
int output_commit(output *o, diag_list *dl);
/* Removes the temporary folder; frees o. */
void output_abort(output *o);

/* The one safe file writer: every file roadmap writes goes through it (the
 * site's files above, the starter of `roadmap new`, the results of `roadmap
 * import`).  Creates the file name relative to the open folder dirfd
 * (AT_FDCWD: the current folder) and writes data[0..len) to it.  It never
 * writes over an existing name nor through a symbolic link: the file is made
 * with O_CREAT|O_EXCL|O_NOFOLLOW, so an existing name, a symlink included,
 * fails with EEXIST.  A file whose bytes could not all be written is removed
 * again, so no half-written file stays.  Returns 0, or -1 with errno set. */
int output_create_file(int dirfd, const char *name, const char *data, size_t len);

/* Makes the folder name relative to dirfd (one that exists is used as it is)
 * and opens it without following a symbolic link.  Returns the descriptor
 * (caller closes), or -1 with errno set: ELOOP when name is a symbolic link
 * (to a folder or not), ENOTDIR when it is anything but a folder. */
int output_open_folder(int dirfd, const char *name);

/* Removes a tree we created (refuses when the marker is missing).  Exposed for tests. */
int output_remove_tree(const char *path);

#endif
