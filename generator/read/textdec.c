/* textdec.c — decoding of text files (contracts in textdec.h). */
#include "textdec.h"
#include "utf8.h"
#include "util.h"

#include <stdint.h>
#include <string.h>

static bool starts_with(const char *s, size_t n, const char *prefix, size_t pn)
{
	return n >= pn && !memcmp(s, prefix, pn);
}

/* Files that are not text at all but are often saved or renamed as .csv or
 * .txt: say so instead of reporting a NUL or a bad byte. */
static const char *foreign_format(const char *s, size_t n)
{
	if (starts_with(s, n, "PK\x03\x04", 4))
		return "это не текст, а книга Excel или LibreOffice (.xlsx, .ods) либо документ Word (.docx): "
		       "сохраните таблицу в формате «CSV UTF-8» или скопируйте её в текстовый файл";
	if (starts_with(s, n, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return "это не текст, а файл Excel или Word старого формата (.xls, .doc): "
		       "сохраните таблицу в формате «CSV UTF-8» или скопируйте её в текстовый файл";
	if (starts_with(s, n, "{\\rtf", 5))
		return "это не текст, а документ RTF: скопируйте таблицу в текстовый файл";
	if (starts_with(s, n, "%PDF", 4))
		return "это не текст, а файл PDF: скопируйте таблицу в текстовый файл";
	if (starts_with(s, n, "\xFF\xFE", 2) || starts_with(s, n, "\xFE\xFF", 2))
		return "файл в кодировке UTF-16 («Текст Юникод»): "
		       "сохраните таблицу в формате «CSV UTF-8»";
	return NULL;
}

/* Line and column of byte off when the text is read as Windows-1251, where
 * every byte is one character. */
static utf8_pos locate_bytes(const char *s, size_t off)
{
	utf8_pos p = {off, 1, 1};
	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\r' || (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'))) {
			p.line++;
			p.col = 1;
		} else if (s[i] != '\n') {
			p.col++;
		}
	}
	return p;
}

static utf8_pos locate(const char *s, size_t off)
{
	if (utf8_validate(s, off, NULL)) {
		utf8_pos p = UTF8_POS_START;
		utf8_pos_advance(&p, s, off);
		return p;
	}
	return locate_bytes(s, off);
}

/* Whether text that failed UTF-8 validation was nevertheless written as UTF-8
 * (and got a few bytes damaged): most of its non-ASCII bytes form valid UTF-8
 * sequences.  Russian Windows-1251 text almost never does, since its letters
 * are C0..FF bytes in a row; the odd valid pair (as «Ш»» D8 BB) is outnumbered.
 * Reading damaged UTF-8 as Windows-1251 would silently turn every letter into
 * mojibake, so that case is an error. */
static bool looks_utf8(const char *s, size_t n)
{
	size_t good = 0, bad = 0;
	int32_t cp;
	for (size_t i = 0; i < n;) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k) {
			good++;
			i += k;
		} else {
			bad++;
			i++;
		}
	}
	return good > 2 * bad;
}

int text_decode(const char *s, size_t n, const char *file, text_decoded *out, diag_list *dl)
{
	memset(out, 0, sizeof *out);
	out->conv = (buf)BUF_INIT;
	file = file ? file : "";
	const char *why = foreign_format(s, n);
	if (why) {
		diag_add(dl, DIAG_ERROR, file, 0, 0, "%s", why);
		return -1;
	}
	if (starts_with(s, n, "\xEF\xBB\xBF", 3)) {
		out->had_bom = true;
		s += 3;
		n -= 3;
	}
	const char *nul = memchr(s, '\0', n);
	if (nul) {
		utf8_pos p = locate(s, (size_t)(nul - s));
		diag_add(dl, DIAG_ERROR, file, p.line, p.col, "нулевой байт (0x00): это не текстовый файл");
		return -1;
	}
	utf8_pos bad;
	if (utf8_validate(s, n, &bad)) {
		out->text = s;
		out->len = n;
		return 0;
	}
	if (out->had_bom || looks_utf8(s, n)) {
		/* The BOM or the bulk of the text says UTF-8: reading Windows-1251
		 * instead would be a wrong guess. */
		diag_add(dl, DIAG_ERROR, file, bad.line, bad.col,
		         out->had_bom ? "недопустимый байт 0x%02X: файл начинается с метки UTF-8 (BOM), "
		                        "но дальше не UTF-8"
		                      : "недопустимый байт 0x%02X: файл в UTF-8, но этот байт в UTF-8 "
		                        "недопустим (файл повреждён?)",
		         (unsigned)(unsigned char)s[bad.off]);
		return -1;
	}
	size_t cp_bad;
	if (utf8_from_cp1251(s, n, &out->conv, &cp_bad) < 0) {
		/* cp_bad == n: iconv lacks Windows-1251; name the first non-UTF-8 byte. */
		utf8_pos p = cp_bad < n ? locate_bytes(s, cp_bad) : bad;
		diag_add(dl, DIAG_ERROR, file, p.line, p.col,
		         "недопустимый байт 0x%02X: файл не в UTF-8 и не в Windows-1251",
		         (unsigned)(unsigned char)s[p.off]);
		buf_free(&out->conv);
		return -1;
	}
	out->was_cp1251 = true;
	out->text = buf_cstr(&out->conv);
	out->len = out->conv.len;
	return 0;
}

void text_decoded_free(text_decoded *d)
{
	buf_free(&d->conv);
	d->text = NULL;
	d->len = 0;
}
