/* fuzz_deadline.c — libFuzzer target for the deadline parser (deadline.c).
 *
 * The input is a deadline phrase; the first byte chooses the edition (one of
 * a few school years, or an odd period).  Checks the header's invariants:
 * unknown has no dates and no parts; a dated kind has >= 1 part, parts are
 * sorted by end and inside [start, end]; and deadline_json runs over it.
 * Also feeds the text to date_parse. */
#include "date.h"
#include "deadline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const editions[] = {"2021-2022", "2020-2021", "1999-2000", "2099-2100"};
	date ps, pe;
	const char *text_start = (const char *)data;
	size_t n = size;
	int ed = 0;
	if (n) {
		ed = data[0] % 5;
		text_start++;
		n--;
	}
	if (ed < 4) {
		if (!deadline_edition_period(editions[ed], &ps, &pe))
			abort();
	} else { /* a short custom period, as edition.yaml may give */
		ps = (date){2022, 1, 10};
		pe = (date){2022, 2, 20};
	}
	char *text = malloc(n + 1);
	memcpy(text, text_start, n);
	text[n] = '\0';
	deadline d;
	deadline_parse(text, ps, pe, &d);
	if (d.kind == DL_UNKNOWN) {
		if (d.nparts || date_is_set(d.start) || date_is_set(d.end) || d.every || d.event)
			abort();
	} else if (d.kind != DL_EVENT || d.nparts) {
		if (!d.nparts && d.kind != DL_EVENT)
			abort();
		for (size_t i = 0; i < d.nparts; i++) {
			const dl_part *p = &d.parts[i];
			if (!date_is_set(p->end) || !date_valid(p->end.y, p->end.m, p->end.d))
				abort();
			if (date_is_set(p->start) && date_cmp(p->start, p->end) > 0)
				abort();
			if (i && date_cmp(d.parts[i - 1].end, p->end) > 0)
				abort();
		}
		if (d.nparts > DL_MAX_PARTS)
			abort();
	}
	if (d.times == 1 || d.times < 0)
		abort();
	dl_kind_name(d.kind);
	buf b = BUF_INIT;
	deadline_json(&d, text, &b);
	buf_free(&b);
	deadline_free(&d);
	deadline_free(&d); /* safe twice */
	date dd;
	if (date_parse(text, &dd) == 1 && !date_valid(dd.y, dd.m, dd.d))
		abort();
	free(text);
	return 0;
}
