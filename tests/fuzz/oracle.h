/* oracle.h — what "no executable markup" means, checked on generated HTML.
 *
 * Used by the fuzz targets that produce HTML (front matter + Markdown, the
 * whole build).  A tiny tag scanner reads every tag of the output: its name
 * and each attribute name must be in the allowed sets (the theme's own tags
 * and attributes plus the fixed vocabulary of cmark's HTML renderer), and no
 * URL attribute may start with javascript:, vbscript: or data: once entities
 * are decoded and the characters browsers ignore are dropped.  A violation
 * aborts, which libFuzzer reports as a crash with the input saved. */
#ifndef ROADMAP_FUZZ_ORACLE_H
#define ROADMAP_FUZZ_ORACLE_H

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Everything cmark's HTML renderer can emit (blocks, inlines, safe mode). */
static const char *const MD_TAGS[] = {"p", "em", "strong", "a", "img", "code", "pre", "blockquote", "ul",
                                      "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", NULL};
static const char *const MD_ATTRS[] = {"href", "title", "src", "alt", "start", "class", NULL};

enum { ORACLE_MAX = 256 };
typedef struct oracle {
	char *tags[ORACLE_MAX], *attrs[ORACLE_MAX];
	int ntags, nattrs;
} oracle;

static int oracle_has(char *const *set, int n, const char *s, size_t len)
{
	for (int i = 0; i < n; i++) /* HTML names are case-insensitive (viewBox) */
		if (strlen(set[i]) == len && !strncasecmp(set[i], s, len))
			return 1;
	return 0;
}

static void oracle_add(char **set, int *n, const char *s, size_t len)
{
	if (oracle_has(set, *n, s, len) || *n == ORACLE_MAX)
		return;
	char *c = malloc(len + 1);
	for (size_t i = 0; i < len; i++)
		c[i] = (char)tolower((unsigned char)s[i]);
	c[len] = '\0';
	set[(*n)++] = c;
}

static void oracle_init_md(oracle *o)
{
	for (int i = 0; MD_TAGS[i]; i++)
		oracle_add(o->tags, &o->ntags, MD_TAGS[i], strlen(MD_TAGS[i]));
	for (int i = 0; MD_ATTRS[i]; i++)
		oracle_add(o->attrs, &o->nattrs, MD_ATTRS[i], strlen(MD_ATTRS[i]));
}

/* Decodes the entities our escapers and cmark write, drops what browsers
 * ignore in a scheme (leading controls and spaces, TAB/LF/CR anywhere) and
 * lower-cases; returns 1 when the URL would run script or embed data. */
static int oracle_bad_url(const char *v, size_t len)
{
	char s[32];
	size_t n = 0;
	for (size_t i = 0; i < len && n + 1 < sizeof s;) {
		unsigned c = (unsigned char)v[i];
		if (c == '&') {
			size_t e = i + 1;
			while (e < len && e - i < 12 && v[e] != ';')
				e++;
			if (e < len && v[e] == ';') {
				const char *ent = v + i + 1;
				size_t el = e - i - 1;
				if (el >= 2 && ent[0] == '#')
					c = (unsigned)strtoul(ent[1] == 'x' || ent[1] == 'X' ? ent + 2 : ent + 1, NULL,
					                      ent[1] == 'x' || ent[1] == 'X' ? 16 : 10);
				else if (el == 3 && !strncmp(ent, "amp", 3))
					c = '&';
				else if (el == 2 && !strncmp(ent, "lt", 2))
					c = '<';
				else if (el == 2 && !strncmp(ent, "gt", 2))
					c = '>';
				else if (el == 4 && !strncmp(ent, "quot", 4))
					c = '"';
				else if (el == 5 && !strncmp(ent, "colon", 5))
					c = ':';
				else if (el == 3 && !strncmp(ent, "tab", 3))
					c = '\t';
				i = e + 1;
			} else {
				i++;
			}
		} else {
			i++;
		}
		if (c == '\t' || c == '\n' || c == '\r' || (n == 0 && c <= 0x20))
			continue;
		s[n++] = (char)tolower((int)(c & 0x7f));
	}
	s[n] = '\0';
	return !strncmp(s, "javascript:", 11) || !strncmp(s, "vbscript:", 9) || !strncmp(s, "data:", 5);
}

static void oracle_fail(const char *what, const char *at, const char *all)
{
	fprintf(stderr, "oracle: %s at offset %zu: %.80s\n", what, (size_t)(at - all), at);
	abort();
}

/* Scans html; learn != 0 adds every tag and attribute to o instead of
 * checking (used on the theme's templates). */
static void oracle_scan(oracle *o, const char *html, int learn)
{
	const char *p = html;
	while ((p = strchr(p, '<'))) {
		if (!strncmp(p, "<!--", 4)) {
			const char *e = strstr(p + 4, "-->");
			if (!e)
				oracle_fail("unclosed comment", p, html);
			p = e + 3;
			continue;
		}
		if (p[1] == '!' || p[1] == '?') {
			p = strchr(p, '>');
			if (!p)
				return;
			continue;
		}
		const char *q = p + 1;
		if (*q == '/')
			q++;
		if (!isalpha((unsigned char)*q)) {
			if (!learn)
				oracle_fail("bare '<' in output", p, html);
			p = q;
			continue;
		}
		const char *name = q;
		while (isalnum((unsigned char)*q))
			q++;
		if (learn)
			oracle_add(o->tags, &o->ntags, name, (size_t)(q - name));
		else if (!oracle_has(o->tags, o->ntags, name, (size_t)(q - name)))
			oracle_fail("element not from the theme", p, html);
		for (;;) {
			while (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r' || *q == '/')
				q++;
			if (!*q || *q == '>')
				break;
			const char *an = q;
			while (*q && !strchr(" \t\r\n=>/\"'", *q))
				q++;
			size_t al = (size_t)(q - an);
			if (al == 0) {
				if (!learn)
					oracle_fail("quote in tag", q, html);
				q++;
				continue;
			}
			if (learn)
				oracle_add(o->attrs, &o->nattrs, an, al);
			else if (!oracle_has(o->attrs, o->nattrs, an, al) || (al > 2 && !strncmp(an, "on", 2)))
				oracle_fail("attribute not from the theme", an, html);
			if (*q != '=')
				continue;
			q++;
			const char *v = q, *ve;
			if (*q == '"' || *q == '\'') {
				ve = strchr(q + 1, *q);
				if (!ve) {
					if (!learn)
						oracle_fail("unterminated attribute", an, html);
					return;
				}
				v = q + 1;
				q = ve + 1;
			} else {
				while (*q && !strchr(" \t\r\n>", *q))
					q++;
				ve = q;
			}
			if (!learn && (al == 4 && (!strncmp(an, "href", 4))) + (al == 3 && !strncmp(an, "src", 3)) &&
			    oracle_bad_url(v, (size_t)(ve - v)))
				oracle_fail("dangerous URL", an, html);
		}
		if (!*q)
			return;
		p = q + 1;
	}
}

#endif
