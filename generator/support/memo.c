#include "memo.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>

typedef struct entry {
	const void *key;
	memo_make make;
	memo_drop drop;
	void *value;
	struct entry *next;
} entry;

struct memo {
	pthread_mutex_t lock;
	entry *head;
};

memo *memo_new(void)
{
	memo *m = xcalloc(1, sizeof(memo));
	pthread_mutex_init(&m->lock, NULL);
	return m;
}

void memo_free(memo *m)
{
	if (!m)
		return;
	for (entry *e = m->head, *next; e; e = next) {
		next = e->next;
		if (e->drop)
			e->drop(e->value);
		free(e);
	}
	pthread_mutex_destroy(&m->lock);
	free(m);
}

const void *memo_get(memo *m, const void *key, memo_make make, const void *arg, memo_drop drop)
{
	if (!m)
		return make(key, arg);
	/* Few entries (a handful per edition), each looked up once per page:
	 * a list under one lock is enough.  Making one under the lock keeps
	 * the other threads from making it twice. */
	pthread_mutex_lock(&m->lock);
	entry *e = m->head;
	while (e && (e->key != key || e->make != make))
		e = e->next;
	if (!e) {
		e = xcalloc(1, sizeof(entry));
		e->key = key;
		e->make = make;
		e->drop = drop;
		e->value = make(key, arg);
		e->next = m->head;
		m->head = e;
	}
	void *v = e->value;
	pthread_mutex_unlock(&m->lock);
	return v;
}

void memo_done(memo *m, const void *value, memo_drop drop)
{
	if (!m && drop)
		drop((void *)value);
}
