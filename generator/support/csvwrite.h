/* csvwrite.h — writing CSV for open data and for imported tables.
 *
 * The one CSV writer (reading is csvread.h): UTF-8 with a byte order mark,
 * fields separated by ',', CRLF line ends — what Excel, LibreOffice and pandas
 * all open without asking.  The field quoting is escape_csv (escape.h).
 * Every function appends to a buf and never fails. */
#ifndef ROADMAP_CSVWRITE_H
#define ROADMAP_CSVWRITE_H

#include <stddef.h>
#include "buf.h"

/* Appends the UTF-8 byte order mark; write it first so that Excel opens the
 * file as UTF-8 instead of the ANSI code page. */
void csv_bom(buf *out);

/* Appends one CSV row to out: fields separated by ',', every field quoted
 * except plain numbers, which are written bare (escape_csv: "" for ", and a '
 * before a leading = + - @ TAB CR so that spreadsheets do not run the text as a
 * formula), CRLF at the end.  A NULL field is written as an empty one. */
void csv_write_row(buf *out, const char *const *fields, size_t n);

#endif
