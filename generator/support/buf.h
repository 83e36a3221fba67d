/* buf.h — growable byte buffer for output.
 *
 * A buf is always NUL-terminated after the first write (data[len] == 0) so that
 * data can be used as a C string.  The buffer owns data; buf_free() releases it,
 * buf_detach() hands it to the caller and leaves the buf empty. */
#ifndef ROADMAP_BUF_H
#define ROADMAP_BUF_H

#include <stddef.h>

typedef struct buf {
	char *data;
	size_t len;
	size_t cap;
} buf;

#define BUF_INIT {NULL, 0, 0}

void buf_grow(buf *b, size_t extra);
void buf_put(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_reset(buf *b);            /* len = 0, memory kept */
void buf_free(buf *b);
char *buf_detach(buf *b);          /* caller frees; never NULL */
const char *buf_cstr(buf *b);      /* "" when empty; valid until next write */

#endif
