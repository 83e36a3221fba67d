/* t.h — the smallest test harness that fits our needs.
 *
 * Each unit test program includes this once, calls T_CHECK/T_STREQ, and ends
 * main with `return t_done("suite");`, which prints "suite: N passed, N failed"
 * (tests/run sums these lines) and returns non-zero when anything failed. */
#ifndef ROADMAP_T_H
#define ROADMAP_T_H

#include <stdio.h>
#include <string.h>

static int t_pass, t_fail;

#define T_CHECK(cond, ...)                                                  \
	do {                                                                \
		if (cond) {                                                 \
			t_pass++;                                           \
		} else {                                                    \
			t_fail++;                                           \
			printf("FAIL %s:%d: ", __FILE__, __LINE__);         \
			printf(__VA_ARGS__);                                \
			printf("\n");                                       \
		}                                                           \
	} while (0)

#define T_STREQ(got, want, what)                                             \
	do {                                                                 \
		const char *t_g_ = (got), *t_w_ = (want);                    \
		T_CHECK(t_g_ && t_w_ && !strcmp(t_g_, t_w_),                 \
		        "%s\n   got: %s\n  want: %s", (what), t_g_ ? t_g_ : "(null)", \
		        t_w_ ? t_w_ : "(null)");                             \
	} while (0)

static inline int t_done(const char *suite)
{
	printf("%s: %d passed, %d failed\n", suite, t_pass, t_fail);
	return t_fail ? 1 : 0;
}

#endif
