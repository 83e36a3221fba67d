/* memo.h — values a build computes once and shares between its page threads.
 *
 * Some text is the same on hundreds of pages: an activity's calendar events
 * or its row in a school's data.json do not depend on the school.  A page
 * asks the memo for the value of a key (an edition, say) and a maker; the
 * first asker computes it (the others wait), every later one gets the same
 * value.  Values are read-only once made; they are released by memo_free
 * with the drop function given when they were made.
 *
 * Thread-safe.  A maker must not call memo_get on the same memo. */
#ifndef ROADMAP_MEMO_H
#define ROADMAP_MEMO_H

typedef struct memo memo;
typedef void *(*memo_make)(const void *key, const void *arg);
typedef void (*memo_drop)(void *value);

memo *memo_new(void);
/* Drops every value made; NULL is allowed. */
void memo_free(memo *m);
/* The value of (key, make): made by make(key, arg) on the first call.  The
 * pair identifies the value, so one key (an edition) may have several (its
 * calendars, its data.json rows).  With m NULL (a model built by hand, as in
 * a unit test) the value is made anew each time: pass it to memo_done. */
const void *memo_get(memo *m, const void *key, memo_make make, const void *arg, memo_drop drop);
/* Releases a value memo_get made without a memo (m NULL); else nothing. */
void memo_done(memo *m, const void *value, memo_drop drop);

#endif
