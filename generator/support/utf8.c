#include "utf8.h"
#include "util.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static bool is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

size_t utf8_decode(const char *s, size_t len, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (!len)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	/* Second-byte ranges per RFC 3629 table: they exclude overlong forms (E0, F0),
	 * surrogates (ED) and code points above U+10FFFF (F4). */
	size_t n;
	unsigned char lo = 0x80, hi = 0xBF;
	int32_t c;
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2;
		c = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3;
		c = u[0] & 0x0F;
		if (u[0] == 0xE0)
			lo = 0xA0;
		else if (u[0] == 0xED)
			hi = 0x9F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4;
		c = u[0] & 0x07;
		if (u[0] == 0xF0)
			lo = 0x90;
		else if (u[0] == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	if (len < n || u[1] < lo || u[1] > hi)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if (!is_cont(u[i]))
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	*cp = c;
	return n;
}

void utf8_pos_advance(utf8_pos *p, const char *s, size_t to)
{
	for (size_t i = p->off; i < to; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b == '\r' || (b == '\n' && (i == 0 || s[i - 1] != '\r'))) {
			p->line++;
			p->col = 1;
		} else if (b != '\n' && !is_cont(b)) {
			p->col++;
		}
	}
	p->off = to;
}

bool utf8_validate(const char *s, size_t len, utf8_pos *bad)
{
	size_t i = 0;
	int32_t cp;
	while (i < len) {
		/* ASCII runs dominate real files; skip them without decoding. */
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!n) {
			if (bad) {
				utf8_pos p = UTF8_POS_START;
				utf8_pos_advance(&p, s, i);
				*bad = p;
			}
			return false;
		}
		i += n;
	}
	return true;
}

char *utf8_fold(const char *s, size_t len, unsigned flags)
{
	/* utf8proc_map() with these options, done by hand so that the buffer comes
	 * from xmalloc and out-of-memory follows util.h's contract. */
	const utf8proc_option_t opt = UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE;
	if (!utf8_validate(s, len, NULL))
		return NULL;
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t n = utf8proc_decompose(u, (utf8proc_ssize_t)len, NULL, 0, opt);
	if (n < 0)
		return NULL;
	/* Re-encoding happens in place; 4 bytes per code point is UTF-8's maximum,
	 * plus one for the terminating NUL. */
	utf8proc_int32_t *w = xmalloc((size_t)n * sizeof *w + 1);
	utf8proc_ssize_t m = utf8proc_decompose(u, (utf8proc_ssize_t)len, w, n, opt);
	if (m >= 0 && m <= n)
		m = utf8proc_reencode(w, m, opt);
	if (m < 0 || m > n * (utf8proc_ssize_t)sizeof *w) {
		free(w);
		return NULL;
	}
	if (flags & UTF8_FOLD_YO) /* case folded already: only «ё» is left to change */
		utf8_lower_ru((char *)w, UTF8_FOLD_YO);
	return (char *)w;
}

char *utf8_lower_ru(char *s, unsigned flags)
{
	unsigned char *p = (unsigned char *)s;
	for (; *p; p++) {
		if (*p >= 'A' && *p <= 'Z') {
			*p = (unsigned char)(*p + 32);
		} else if ((*p == 0xD0 || *p == 0xD1) && p[1]) {
			utf8_lower_ru_letter(p, p, flags);
			p++;
		}
	}
	return s;
}

bool utf8_upper_ru_letter(const unsigned char *s, unsigned char o[2])
{
	if (s[0] == 0xD0 && s[1] >= 0x90 && s[1] <= 0xAF) { /* А–Я */
		o[0] = s[0], o[1] = s[1];
	} else if (s[0] == 0xD0 && s[1] >= 0xB0 && s[1] <= 0xBF) { /* а–п */
		o[0] = 0xD0, o[1] = (unsigned char)(s[1] - 0x20);
	} else if (s[0] == 0xD1 && s[1] >= 0x80 && s[1] <= 0x8F) { /* р–я */
		o[0] = 0xD0, o[1] = (unsigned char)(s[1] + 0x20);
	} else if ((s[0] == 0xD1 && s[1] == 0x91) || (s[0] == 0xD0 && s[1] == 0x81)) { /* ё Ё */
		o[0] = 0xD0, o[1] = 0x81;
	} else {
		return false;
	}
	return true;
}

bool utf8_is_lower_ru(int32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 0x430 && cp <= 0x45F);
}

bool utf8_is_upper_ru(int32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0x400 && cp <= 0x42F);
}

bool utf8_caseeq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	if (!strcmp(a, b))
		return true;
	char *fa = utf8_fold(a, strlen(a), 0);
	char *fb = utf8_fold(b, strlen(b), 0);
	bool eq = fa && fb && !strcmp(fa, fb);
	free(fa);
	free(fb);
	return eq;
}

bool utf8_is_space(int32_t cp)
{
	switch (cp) {
	case '\t': case '\n': case 0x0B: case 0x0C: case '\r': case ' ':
	case 0x85: case 0xA0: case 0x1680:
	case 0x200B: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
	case 0x3000: case 0xFEFF:
		return true;
	default:
		return cp >= 0x2000 && cp <= 0x200A;
	}
}

/* Start of the character that ends at s[end-1], or end when invalid. */
static size_t char_start_before(const char *s, size_t begin, size_t end)
{
	size_t i = end - 1;
	while (i > begin && end - i < 4 && is_cont((unsigned char)s[i]))
		i--;
	return i;
}

const char *utf8_trim(const char *s, size_t len, size_t *out_len)
{
	size_t b = 0, e = len, n;
	int32_t cp;
	while (b < e && (n = utf8_decode(s + b, e - b, &cp)) && utf8_is_space(cp))
		b += n;
	while (e > b) {
		size_t i = char_start_before(s, b, e);
		if (utf8_decode(s + i, e - i, &cp) != e - i || !utf8_is_space(cp))
			break;
		e = i;
	}
	*out_len = e - b;
	return s + b;
}

char *utf8_trim_inplace(char *s)
{
	size_t n;
	const char *t = utf8_trim(s, strlen(s), &n);
	memmove(s, t, n);
	s[n] = '\0';
	return s;
}

int utf8_from_cp1251(const char *src, size_t len, buf *out, size_t *bad_off)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1251");
	if (cd == (iconv_t)-1) {
		if (bad_off)
			*bad_off = len;
		return -1;
	}
	/* Every Windows-1251 character is in the BMP below U+2200: at most 3 bytes. */
	buf_grow(out, len * 3);
	char *in = (char *)src, *o = out->data + out->len;
	size_t inleft = len, outleft = len * 3;
	size_t r = iconv(cd, &in, &inleft, &o, &outleft);
	int err = r == (size_t)-1 ? errno : 0;
	iconv_close(cd);
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
	if (err) {
		if (bad_off)
			*bad_off = (size_t)(in - src);
		return -1;
	}
	return 0;
}

char *utf8_key(const char *s)
{
	size_t n;
	const char *t = utf8_trim(s, strlen(s), &n);
	char *k = utf8_fold(t, n, UTF8_FOLD_YO);
	if (!k) /* not UTF-8: the fast fold of what is readable */
		k = utf8_lower_ru(xstrndup(t, n), UTF8_FOLD_YO);
	char *o = k;
	size_t len = strlen(k), step;
	int32_t cp;
	for (size_t i = 0; i < len; i += step) {
		step = utf8_decode(k + i, len - i, &cp);
		if (!step) {
			step = 1;
			cp = -1;
		}
		if (!utf8_is_space(cp)) {
			memmove(o, k + i, step);
			o += step;
		} else if (o == k || o[-1] != ' ') {
			*o++ = ' ';
		}
	}
	*o = '\0';
	return k;
}

