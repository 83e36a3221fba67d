/* serve.h — `roadmap serve`: build, serve on loopback, rebuild on every save.
 *
 * The site is built into a temporary folder that serve creates (mkdtemp under
 * $TMPDIR or /tmp) and removes when it stops; the content folder and any
 * output/ folder are never written.  The folder is served on 127.0.0.1 only
 * (libmicrohttpd, one thread per connection).  Requests are answered only
 * from inside that folder: paths with a ".." segment (also when written as
 * %2e%2e) are refused with 403, and files whose real path (after symlinks)
 * leaves the folder are refused too.
 *
 * Every change in the content folder or the theme folder (inotify, whole
 * trees, new folders included) triggers a rebuild after a short quiet period
 * (debounce).  HTML responses — and only in this mode — get a small script
 * that long-polls /__roadmap/wait and reloads the page after each rebuild.
 * While the last build failed, every HTML page is replaced by a page listing
 * the current errors (escaped), and it too reloads when they are fixed.
 *
 * This is a command front end: like main.c it prints progress lines to stderr.
 * It runs until SIGINT or SIGTERM, then removes its folder. */
#ifndef ROADMAP_SERVE_H
#define ROADMAP_SERVE_H

#include "diag.h"

/* Builds the site into out (a folder serve owns).  Appends every problem to
 * dl and prints it; returns 0 on success, non-zero when the site was not
 * written.  ctx is passed through. */
typedef int (*serve_build_fn)(void *ctx, const char *out, diag_list *dl);

typedef struct serve_opts {
	const char *content;  /* content folder (watched) */
	const char *theme;    /* theme folder (watched) */
	int port;             /* first port to try; the next free one up to +20 if taken */
	serve_build_fn build;
	void *ctx;
} serve_opts;

/* Runs the server until SIGINT/SIGTERM.  Returns 0 after a clean stop, 3 when
 * the folder, the watches or the socket could not be set up (a message is
 * printed). */
int serve_run(const serve_opts *o);

#endif
