/* escape.h — escaping of content strings for each output context.
 *
 * Kept apart from rendering (as cmark's houdini): every function appends the
 * escaped form of src (NUL-terminated UTF-8) to out and never fails.  Choose the
 * function by the context the text lands in; there is no "generic" escaper. */
#ifndef ROADMAP_ESCAPE_H
#define ROADMAP_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"

/* HTML text and double-quoted attribute values: & < > " ' escaped. */
void escape_html(buf *out, const char *src, size_t len);
/* XML 1.0 text/attribute: as HTML, plus control characters not allowed in XML dropped. */
void escape_xml(buf *out, const char *src);
/* JSON string body (without quotes): " \ and control characters; U+2028/2029 escaped. */
void escape_json(buf *out, const char *src);
/* Appends "..." with the JSON-escaped body, or null when src is NULL. */
void json_quote(buf *out, const char *src);
/* One CSV field.  A plain decimal number (-?digits[.digits], as the exports
 * write numbers) is written bare, so it reads as a number; any other text is
 * quoted, and a leading = + - @ TAB CR gets a ' prefix so that spreadsheets do
 * not run it as a formula. */
void escape_csv(buf *out, const char *src);
/* iCalendar TEXT value (RFC 5545 3.3.11): \ ; , newline escaped, CR dropped. */
void escape_ics(buf *out, const char *src);
/* True when url is safe to place in href/src: http:, https:, mailto:, tel:, or a
 * relative URL (no scheme).  Control characters and whitespace inside the scheme
 * are rejected the way browsers would read them. */
bool url_is_safe(const char *url);

#endif
