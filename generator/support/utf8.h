/* utf8.h — UTF-8 checks, positions, case folding, trimming and Windows-1251.
 *
 * Content authors write in Russian with Word and Excel, so text arrives with
 * capital letters where a key expects lower case, non-breaking spaces copied
 * from documents, decomposed «й» from macOS, and CSV files in Windows-1251.
 * These helpers let the loaders compare and report such text correctly.
 *
 * Positions: lines are 1-based and end at LF, CR or CRLF (one line break);
 * columns are 1-based and count characters (code points), not bytes, so that
 * they match what a text editor shows for Cyrillic text.
 *
 * Every function is pure (no globals) and thus thread-safe; none prints or
 * exits except through the xmalloc family on out-of-memory. */
#ifndef ROADMAP_UTF8_H
#define ROADMAP_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

/* A place in a text: byte offset plus the line and column it shows as. */
typedef struct utf8_pos {
	size_t off;
	int line, col;
} utf8_pos;

#define UTF8_POS_START {0, 1, 1}

/* Decodes the code point at s[0..len).  Returns its length in bytes (1..4) and
 * stores it in *cp; returns 0 when the bytes there are not well-formed UTF-8
 * (overlong forms, surrogates, values above U+10FFFF, truncated sequences) or
 * len is 0.  *cp is then left unchanged. */
size_t utf8_decode(const char *s, size_t len, int32_t *cp);

/* True when s[0..len) is well-formed UTF-8 (NUL bytes count as valid).
 * Otherwise false, and when bad is non-NULL *bad is the position of the first
 * byte that does not start a valid sequence. */
bool utf8_validate(const char *s, size_t len, utf8_pos *bad);

/* Moves *p forward to byte offset `to` of text s (p->off <= to <= length of s),
 * counting line breaks and characters.  s must be the whole text from its start,
 * since a LF right after CR is not a second line break.  Every byte that is
 * not a UTF-8 continuation byte (10xxxxxx) starts a character, so positions
 * are exact in valid UTF-8 up to the offset looked for. */
void utf8_pos_advance(utf8_pos *p, const char *s, size_t to);

/* ---- Case folding: the one place for it ----
 *
 * Two folds, one for each need, both with the same options:
 * - utf8_fold: full Unicode case folding with NFC composition (utf8proc), for
 *   names and headers people type, which may hold any letter and a decomposed
 *   «й»; the result may differ in length from the input.
 * - utf8_lower_ru: fast, byte by byte, in place and keeping every byte length:
 *   ASCII A–Z and the Russian capitals А–Я, Ё only; for the scanners that run
 *   on every line (deadline phrases, document import) and for text whose
 *   offsets in the lowered copy must hold in the original.
 * Russian writers use «ё» and «е» interchangeably, so a key typed by people
 * compares with UTF8_FOLD_YO; words shown again (an office's name declined)
 * keep their «ё». */

/* Option of utf8_fold and utf8_lower_ru: «ё» and «Ё» become «е». */
#define UTF8_FOLD_YO 1u

/* Case-folded, NFC-composed copy of s[0..len) (utf8proc: CASEFOLD|COMPOSE|STABLE),
 * for comparing strings regardless of case and of composed/decomposed letters.
 * «ШКОЛА» and «школа» fold alike; «ё» stays distinct from «е» unless flags has
 * UTF8_FOLD_YO.  Returns a heap string the caller frees, or NULL when s is not
 * valid UTF-8. */
char *utf8_fold(const char *s, size_t len, unsigned flags);

/* Lower-cases the NUL-terminated s in place: ASCII A–Z, Russian А–Я and «Ё»
 * (to «ё», or to «е» with UTF8_FOLD_YO, which also turns «ё» into «е»); every
 * other byte stays, and so does the byte length.  Returns s, so that
 * utf8_lower_ru(xstrdup(t), UTF8_FOLD_YO) is a lowered heap copy. */
char *utf8_lower_ru(char *s, unsigned flags);

/* utf8_lower_ru of the one two-byte letter at s (s[0] is 0xD0 or 0xD1, s[1]
 * its second byte), written to o[0..1].  Inline for the scanners that lower a
 * word letter by letter as they read it. */
static inline void utf8_lower_ru_letter(const unsigned char *s, unsigned char o[2], unsigned flags)
{
	unsigned char a = s[0], b = s[1];
	if (a == 0xD0 && b >= 0x90 && b <= 0x9F) { /* А–П → а–п */
		b = (unsigned char)(b + 0x20);
	} else if (a == 0xD0 && b >= 0xA0 && b <= 0xAF) { /* Р–Я → р–я */
		a = 0xD1, b = (unsigned char)(b - 0x20);
	} else if ((a == 0xD0 && b == 0x81) || (a == 0xD1 && b == 0x91)) { /* Ё ё */
		if (flags & UTF8_FOLD_YO)
			a = 0xD0, b = 0xB5; /* е */
		else
			a = 0xD1, b = 0x91; /* ё */
	}
	o[0] = a, o[1] = b;
}

/* The capital of the Russian letter at s (а–я, ё, or А–Я, Ё as they are),
 * written to o[0..1]: returns true, or false when s starts no Russian letter
 * (o is then untouched).  For capitalizing a word or a class letter. */
bool utf8_upper_ru_letter(const unsigned char *s, unsigned char o[2]);

/* Letter case of a code point, as utf8_lower_ru sees it: true for a–z and the
 * Cyrillic lower case letters а–я, ѐ–џ (U+0430..U+045F), respectively for A–Z
 * and А–Я, Ѐ–Џ (U+0400..U+042F); false for everything else. */
bool utf8_is_lower_ru(int32_t cp);
bool utf8_is_upper_ru(int32_t cp);

/* True when a and b (NUL-terminated) are equal after utf8_fold: «Школа» equals
 * «ШКОЛА».  Invalid UTF-8 on either side compares byte for byte.  NULL equals
 * only NULL. */
bool utf8_caseeq(const char *a, const char *b);

/* True for ASCII whitespace (TAB LF VT FF CR SPACE), the Unicode space
 * separators (U+00A0 no-break space, U+2000..U+200A, U+202F narrow no-break
 * space, U+205F, U+3000, U+1680), U+0085, U+2028, U+2029, and the invisible
 * U+200B and U+FEFF that copy-paste from documents leaves behind. */
bool utf8_is_space(int32_t cp);

/* The part of s[0..len) without leading and trailing utf8_is_space characters:
 * returns a pointer into s and stores its length in *out_len.  Invalid bytes
 * are not spaces and stop the trimming. */
const char *utf8_trim(const char *s, size_t len, size_t *out_len);

/* utf8_trim of a NUL-terminated string, in place (text moved to s[0]).
 * Returns s. */
char *utf8_trim_inplace(char *s);

/* Converts Windows-1251 bytes src[0..len) to UTF-8, appending to out (glibc
 * iconv).  Returns 0 on success.  Returns -1 when a byte has no character in
 * Windows-1251 (0x98 is the only such byte) and stores its offset in *bad_off
 * (when non-NULL), or when iconv has no Windows-1251 converter (then *bad_off
 * is set to len).  On -1, out holds an unspecified prefix of the conversion. */
int utf8_from_cp1251(const char *src, size_t len, buf *out, size_t *bad_off);

/* The form in which names typed by people compare (CSV headers, procedure
 * and subject names): trimmed, case-folded, «ё» as «е», and every run of
 * spaces (NBSP from Word included) as one ASCII space.  Heap; caller frees. */
char *utf8_key(const char *s);

#endif
