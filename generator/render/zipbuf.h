/* zipbuf.h — a zip archive of in-memory members, as bytes (libzip). */
#ifndef ROADMAP_ZIPBUF_H
#define ROADMAP_ZIPBUF_H

#include <stddef.h>
#include "buf.h"

/* One file of a zip archive: name inside the archive, bytes (not kept). */
typedef struct zip_member {
	const char *name;
	const char *data;
	size_t len;
} zip_member;
/* Builds a zip archive of the n members in memory with libzip (deflate; every
 * entry dated 1980-01-01 00:00 with fixed attributes, so the bytes depend only
 * on the members: builds stay reproducible) and appends it to out.  Returns 0,
 * or -1 with errno set (out may hold a partial append). */
int zip_build(const zip_member *m, size_t n, buf *out);

#endif
