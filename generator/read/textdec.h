/* textdec.h — the one decoder of the text files people bring: CSV tables and
 * pasted Word tables (content.md § «CSV files in general», import.md).
 *
 * UTF-8 with or without BOM, else Windows-1251; a file that is neither, a
 * binary office file (.xlsx, .docx, .xls, .doc, RTF, PDF), UTF-16 or a file
 * with a NUL byte is an error naming the first bad byte's line and column.
 * Used by csvread.c and by import, so that both say the same thing about the
 * same file.  Nothing here prints or exits. */
#ifndef ROADMAP_TEXTDEC_H
#define ROADMAP_TEXTDEC_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "diag.h"

typedef struct text_decoded {
	const char *text; /* UTF-8 without BOM: points into the input or into conv */
	size_t len;
	bool had_bom;     /* the file started with the UTF-8 BOM */
	bool was_cp1251;  /* the bytes were Windows-1251 and were converted */
	buf conv;         /* holds the converted text; release with text_decoded_free */
} text_decoded;

/* Decodes s[0..n) (not modified; out->text may point into it, so s must live
 * as long as *out).  Returns 0, or -1 after appending one DIAG_ERROR for file
 * (display name, may be "") to dl.  *out is always initialised. */
int text_decode(const char *s, size_t n, const char *file, text_decoded *out, diag_list *dl);

void text_decoded_free(text_decoded *d);

#endif
