/* jsonw.h — a streaming JSON writer into a buf.
 *
 * Why not jansson: the exports only write JSON, in a fixed key order, and
 * building a jansson tree (a hash table per object) and dumping it took a
 * third of a build's processor time on a 500-school site.  Writing straight
 * into the output buffer costs one pass.  jansson still reads JSON where the
 * project reads it.
 *
 * Output is UTF-8 as given (no \u escapes beyond escape_json's), keys in
 * call order.  indent 0 writes compact JSON; indent n > 0 writes what
 * jansson's JSON_INDENT(n) writes: a newline and n spaces per level before
 * every member and closing bracket, ": " after keys.
 *
 * Contract: calls must form one well-formed value (a key before each value
 * inside an object, none inside an array); nesting is at most JW_DEPTH - 1
 * levels (the exports nest five; deeper is a programming error and aborts).  The writer owns nothing; the buf is the
 * caller's. */
#ifndef ROADMAP_JSONW_H
#define ROADMAP_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"

enum { JW_DEPTH = 16 };

typedef struct jw {
	buf *out;
	int indent;
	int depth;
	bool first[JW_DEPTH]; /* no member written yet at this level */
	char close[JW_DEPTH]; /* the bracket that ends this level */
	bool after_key;       /* the next value follows a key on the same line */
} jw;

void jw_init(jw *w, buf *out, int indent);
void jw_obj(jw *w);                  /* { */
void jw_arr(jw *w);                  /* [ */
void jw_end(jw *w);                  /* } or ], whichever is open */
void jw_key(jw *w, const char *key); /* "key": (key is plain ASCII, not escaped) */
void jw_str(jw *w, const char *s);   /* a string, null when s is NULL */
void jw_num(jw *w, double v);        /* whole numbers as integers, others as %.6g reals */
void jw_int(jw *w, long v);
void jw_bool(jw *w, bool v);
void jw_null(jw *w);
/* Shorthands for an object's member: key then value. */
void jw_kstr(jw *w, const char *key, const char *s);
void jw_knum(jw *w, const char *key, double v);
void jw_kbool(jw *w, const char *key, bool v);
/* Text that is already one JSON value, or a run of members/elements (the
 * caller keeps the commas right: the writer counts it as one item). */
void jw_raw(jw *w, const char *json, size_t n);

#endif
