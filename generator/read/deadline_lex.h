/* deadline_lex.h — the words of a deadline phrase (private to deadline.c
 * and deadline_lex.c): tokens with normalized words, the vocabulary the
 * grammar knows, and the repair passes that undo line wrapping and hyphen
 * splits before the parser sees the tokens. */
#ifndef ROADMAP_DEADLINE_LEX_H
#define ROADMAP_DEADLINE_LEX_H

#include <stdbool.h>
#include <stddef.h>

enum tk { TK_WORD, TK_NUM, TK_DASH, TK_COMMA, TK_SEMI, TK_COLON, TK_DOT, TK_OPEN, TK_CLOSE, TK_SLASH, TK_OTHER };

/* Bytes of a normalized word.  The longest vocabulary word is far shorter; a
 * longer word can only be event text, which is copied from the original. */
#define WORD_MAX 64
/* Numbers are capped: anything larger is no day, month or year anyway. */
#define NUM_CAP 1000000

typedef struct tok {
	enum tk type;
	size_t b, e;          /* bytes [b, e) of the original text */
	char w[WORD_MAX];     /* TK_WORD: lower case, ё→е; "" when too long */
	int num, ndig;        /* TK_NUM: value (capped) and number of digits */
	bool ord;             /* TK_NUM written as an ordinal: «2-е», «1-й» */
	bool sp;              /* whitespace before the token */
	int use;              /* 0 left over, 1 understood, 2 event words of a construct */
/* w is a word of the deadline grammar (not event text). */
	bool kn, kn_set;      /* lex_known(w), once asked (kn_set); reset when w changes */
} tok;

typedef struct toks {
	tok *t;
	size_t n, cap;
} toks;

enum unit { U_NONE, U_QUARTER, U_SCHOOLQ, U_HALF, U_TRIM };

/* Bytes of a space of any kind (ASCII, NBSP, thin, …) at s, or 0. */
size_t lex_u_space(const unsigned char *s);
/* A soft hyphen (U+00AD) at s. */
bool lex_u_shy(const unsigned char *s);
/* Bytes of an HTML-like tag at s («<br>» pasted from a web page), or 0. */
size_t lex_u_tag(const unsigned char *s);
/* Appends the tokens of text to ts (words lower-cased with ё→е). */
void lex_tokenize(const char *text, toks *ts);
/* «квартал», «кв», «четверть», «полугодие», «триместр» in their case forms. */
enum unit lex_unit_of(const char *w);
/* 1..4 for «I»…«IV» and «первый»…«четвертый» in their forms, else 0. */
int lex_ordinal_word(const char *w);
/* w is a word of the deadline grammar (not event text). */
bool lex_known(const char *w);
/* w is the noun of a schedule or event after «по» («итогам», «окончании»,
 * «мере», «необходимости», «графику», «плану», «запросу», «понедельникам», a
 * term unit …), not a subject or topic («математике», «предметам», «вопросам»). */
bool lex_event_head(const char *w);
/* w has the ending of an adjective or participle in the dative («отдельному»,
 * «утвержденному», «отдельным», «русскому»): a word that may stand between «по»
 * and its noun. */
bool lex_dative_adj(const char *w);
/* Joins words broken by line wrapping («сен-» + «тябрь»). */
void lex_join_wrapped(toks *ts);
/* Joins a number and its ordinal ending written apart («2 -е»). */
void lex_join_ordinals(toks *ts);
/* Joins hyphenated words the grammar knows whole. */
void lex_join_hyphenated(toks *ts);

#endif
