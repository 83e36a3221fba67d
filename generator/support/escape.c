#include "escape.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

void escape_html(buf *out, const char *src, size_t len)
{
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		const char *rep = NULL;
		switch (src[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_put(out, src + start, i - start);
		buf_puts(out, rep);
		start = i + 1;
	}
	buf_put(out, src + start, len - start);
}

void escape_xml(buf *out, const char *src)
{
	for (const unsigned char *p = (const unsigned char *)src; *p; p++) {
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			continue;
		escape_html(out, (const char *)p, 1);
	}
}

void escape_json(buf *out, const char *src)
{
	const unsigned char *p = (const unsigned char *)src, *run = p;
	for (; *p; p++) {
		/* Most text needs nothing: copy it in runs. */
		if (*p >= 0x20 && *p != '"' && *p != '\\' && *p != '<' && *p != 0xE2)
			continue;
		buf_put(out, (const char *)run, (size_t)(p - run));
		run = p + 1;
		switch (*p) {
		case '"': buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\r': buf_puts(out, "\\r"); break;
		case '\t': buf_puts(out, "\\t"); break;
		case '<': buf_puts(out, "\\u003c"); break; /* safe inside <script> too */
		default:
			if (*p < 0x20) {
				buf_printf(out, "\\u%04x", *p);
			} else if (p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
				/* U+2028/U+2029: valid JSON, but line ends in JavaScript */
				buf_puts(out, p[2] == 0xA8 ? "\\u2028" : "\\u2029");
				p += 2;
				run = p + 1;
			} else {
				run = p; /* another character starting with E2: kept */
			}
		}
	}
	buf_put(out, (const char *)run, (size_t)(p - run));
}

void json_quote(buf *out, const char *src)
{
	if (!src) {
		buf_puts(out, "null");
		return;
	}
	buf_putc(out, '"');
	escape_json(out, src);
	buf_putc(out, '"');
}

/* A plain decimal number as the exports write it: -?digits[.digits]. */
static bool plain_number(const char *s)
{
	const char *p = s + (*s == '-');
	if (!isdigit((unsigned char)*p))
		return false;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p == '.') {
		if (!isdigit((unsigned char)p[1]))
			return false;
		for (p++; isdigit((unsigned char)*p);)
			p++;
	}
	return *p == '\0';
}

void escape_csv(buf *out, const char *src)
{
	/* A number is written as a number, unquoted, so that spreadsheets and
	 * pandas read it as one: «-7.5» cannot start a formula. */
	if (plain_number(src)) {
		buf_puts(out, src);
		return;
	}
	buf_putc(out, '"');
	if (strchr("=+-@\t\r", src[0]) && src[0])
		buf_putc(out, '\'');
	/* Each quote doubled: copy up to and including it, then once more. */
	for (const char *p = src, *q; *p; p = q + 1) {
		q = strchr(p, '"');
		if (!q) {
			buf_puts(out, p);
			break;
		}
		buf_put(out, p, (size_t)(q - p + 1));
		buf_putc(out, '"');
	}
	buf_putc(out, '"');
}

void escape_ics(buf *out, const char *src)
{
	for (const unsigned char *p = (const unsigned char *)src; *p; p++) {
		switch (*p) {
		case '\\': buf_puts(out, "\\\\"); break;
		case ';': buf_puts(out, "\\;"); break;
		case ',': buf_puts(out, "\\,"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\r': break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				buf_putc(out, ' ');
			else
				buf_putc(out, (char)*p);
		}
	}
}

bool url_is_safe(const char *url)
{
	/* Browsers strip leading spaces/controls and ignore TAB/LF/CR inside the
	 * scheme; read the scheme the same way before judging it. */
	char scheme[16];
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)url;
	while (*p && *p <= 0x20)
		p++;
	for (; *p; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (*p == ':')
			break;
		if (*p == '/' || *p == '?' || *p == '#')
			return true; /* relative: no scheme before the first / ? # */
		if (!isalnum(*p) && *p != '+' && *p != '-' && *p != '.')
			return true; /* not a scheme character: cannot be a scheme */
		if (n + 1 >= sizeof scheme)
			return false;
		scheme[n++] = (char)tolower(*p);
	}
	if (!*p)
		return true; /* no colon at all: relative */
	scheme[n] = '\0';
	return !strcmp(scheme, "http") || !strcmp(scheme, "https") || !strcmp(scheme, "mailto") ||
	       !strcmp(scheme, "tel");
}
