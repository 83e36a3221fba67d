/* markdown_test.c — CommonMark in safe mode: raw HTML dropped, dangerous link
 * schemes dropped, no event-handler attributes can appear; md_inline without the
 * single wrapping <p>; md_plain flattening to one line. */
#include "t.h"
#include "markdown.h"
#include "util.h"

#include <ctype.h>
#include <strings.h>

/* True when some tag in html carries an attribute named on… (onclick, onerror …).
 * Quoted attribute values are skipped, so escaped text cannot fool it. */
static bool has_event_attr(const char *html)
{
	for (const char *p = html; *p; p++) {
		if (*p != '<')
			continue;
		char quote = 0;
		for (p++; *p && (quote || *p != '>'); p++) {
			if (quote) {
				if (*p == quote)
					quote = 0;
			} else if (*p == '"' || *p == '\'') {
				quote = *p;
			} else if ((*p == ' ' || *p == '\t' || *p == '\n' || *p == '/') &&
			           tolower((unsigned char)p[1]) == 'o' && tolower((unsigned char)p[2]) == 'n') {
				const char *q = p + 3;
				while (isalpha((unsigned char)*q))
					q++;
				while (*q == ' ')
					q++;
				if (q > p + 3 && *q == '=')
					return true;
			}
		}
		if (!*p)
			break;
	}
	return false;
}

/* True when an href or src attribute starts with one of the dangerous schemes. */
static bool has_dangerous_url(const char *html)
{
	static const char *const attrs[] = {"href=\"", "src=\""};
	static const char *const schemes[] = {"javascript:", "vbscript:", "file:", "data:"};
	for (size_t a = 0; a < ARRAY_LEN(attrs); a++) {
		for (const char *p = strstr(html, attrs[a]); p; p = strstr(p + 1, attrs[a])) {
			const char *v = p + strlen(attrs[a]);
			for (size_t s = 0; s < ARRAY_LEN(schemes); s++)
				if (!strncasecmp(v, schemes[s], strlen(schemes[s])))
					return true;
		}
	}
	return false;
}

static bool has_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++)
		if (!strncasecmp(p, needle, n))
			return true;
	return false;
}

static void test_harness(void)
{
	/* The checkers themselves. */
	T_CHECK(has_event_attr("<img src=\"x\" onerror=\"y\">"), "checker sees onerror");
	T_CHECK(has_event_attr("<a href=x\nONCLICK = y>"), "checker sees ONCLICK");
	T_CHECK(!has_event_attr("<a title=\"x onclick=y\">"), "checker skips quoted values");
	T_CHECK(!has_event_attr("<p>x onclick=y</p>"), "checker skips text");
	T_CHECK(has_dangerous_url("<a href=\"JavaScript:x\">"), "checker sees javascript:");
	T_CHECK(!has_dangerous_url("<a href=\"\">"), "checker accepts empty href");
}

static const struct scase {
	const char *name;
	const char *src;
} hostile[] = {
	{"script block", "<script>alert(1)</script>"},
	{"script inline", "text <script>alert(1)</script> more"},
	{"script in a list", "- <script>alert(1)</script>"},
	{"uppercase script", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>"},
	{"img onerror", "<img src=x onerror=alert(1)>"},
	{"img onerror inline", "see <img src=x onerror=alert(1)> here"},
	{"a onclick", "<a href=\"/\" onclick=\"alert(1)\">x</a>"},
	{"svg onload", "<svg/onload=alert(1)>"},
	{"iframe", "<iframe src=\"javascript:alert(1)\"></iframe>"},
	{"style", "<style>body{display:none}</style>"},
	{"html comment", "<!-- x --><b onmouseover=alert(1)>y</b>"},
	{"javascript link", "[x](javascript:alert(1))"},
	{"JavaScript link", "[x](JaVaScRiPt:alert(1))"},
	{"entity-encoded javascript link", "[x](&#106;avascript:alert(1))"},
	{"percent in scheme is not decoded", "[x](javascript%3Aalert(1))"},
	{"angle-bracket javascript link", "[x](<javascript:alert(1)>)"},
	{"javascript autolink", "<javascript:alert(1)>"},
	{"javascript reference link", "[x][r]\n\n[r]: javascript:alert(1)"},
	{"javascript image", "![x](javascript:alert(1))"},
	{"vbscript link", "[x](vbscript:msgbox(1))"},
	{"file link", "[x](file:///etc/passwd)"},
	{"data html link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"},
	{"data image link", "[x](data:image/png;base64,iVBORw0KGgo=)"},
	{"title breaks out", "[x](/a \"t\\\" onclick=\\\"alert(1)\")"},
	{"alt breaks out", "![x\" onerror=\"alert(1)](/a.png)"},
	{"url breaks out", "[x](/a\"onclick=\"alert(1))"},
	{"single-quoted title", "[x](/a 't\" onmouseover=\"alert(1)')"},
};

static void test_safe(void)
{
	arena *a = arena_new();
	for (size_t i = 0; i < ARRAY_LEN(hostile); i++) {
		const char *outs[] = {md_block(a, hostile[i].src), md_inline(a, hostile[i].src)};
		for (size_t k = 0; k < ARRAY_LEN(outs); k++) {
			const char *h = outs[k];
			const char *fn = k ? "md_inline" : "md_block";
			T_CHECK(h != NULL, "%s %s: NULL", fn, hostile[i].name);
			if (!h)
				continue;
			T_CHECK(!has_ci(h, "<script") && !has_ci(h, "<iframe") && !has_ci(h, "<style") &&
			                !has_ci(h, "<img src=x") && !has_ci(h, "<svg") && !has_ci(h, "<b "),
			        "%s %s: raw HTML kept: %s", fn, hostile[i].name, h);
			T_CHECK(!has_event_attr(h), "%s %s: event attribute: %s", fn, hostile[i].name, h);
			T_CHECK(!has_dangerous_url(h), "%s %s: dangerous URL: %s", fn, hostile[i].name, h);
		}
	}
	arena_free(a);
}

static const struct ocase {
	const char *src, *want;
} block_cases[] = {
	{"Hello *world*", "<p>Hello <em>world</em></p>\n"},
	{"<script>alert(1)</script>", "<!-- raw HTML omitted -->\n"},
	{"a <b>b</b>", "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n"},
	{"[x](javascript:alert(1))", "<p>x</p>\n"}, /* unsafe links keep only their text */
	{"[x](http://example.com/a?b=1&c=2)", "<p><a href=\"http://example.com/a?b=1&amp;c=2\">x</a></p>\n"},
	{"[Школа](/sosh-1/)", "<p><a href=\"/sosh-1/\">Школа</a></p>\n"},
	{"a\nb", "<p>a b</p>\n"}, /* soft breaks are spaces (NOBREAKS) */
	{"", ""},
};

static const struct ocase inline_cases[] = {
	{"Hello *world*", "Hello <em>world</em>"},
	{"**Школа** № 1", "<strong>Школа</strong> № 1"},
	{"a & b < c", "a &amp; b &lt; c"},
	{"`x<y`", "<code>x&lt;y</code>"},
	{"a\nb", "a b"},
	{"[сайт](https://example.com)", "<a href=\"https://example.com\">сайт</a>"},
	{"[x](javascript:alert(1))", "x"},
	{"x <b>y</b>", "x <!-- raw HTML omitted -->y<!-- raw HTML omitted -->"},
	{"  padded  ", "padded"},
	{"", ""},
	/* not a single paragraph: block HTML */
	{"a\n\nb", "<p>a</p>\n<p>b</p>\n"},
	{"# Заголовок", "<h1>Заголовок</h1>\n"},
	{"- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"},
	{"<script>alert(1)</script>", "<!-- raw HTML omitted -->\n"},
};

static const struct ocase plain_cases[] = {
	{"plain", "plain"},
	{"**Bold** and `code`", "Bold and code"},
	{"*em* _em_ ~~x~~", "em em ~~x~~"},
	{"# Заголовок\n\nТекст", "Заголовок Текст"},
	{"Line1\nLine2", "Line1 Line2"},
	{"a  \nb", "a b"},
	{"a\\\nb", "a b"},
	{"[текст](http://example.com)", "текст"},
	{"![картинка](/a.png)", "картинка"},
	{"a & b &amp; c &lt;", "a & b & c <"},
	{"x <b>y</b> z", "x y z"},
	{"- a\n- b", "— a — b"},
	{"1. one\n2. two", "— one — two"},
	{"- a\n  - b\n- c", "— a — b — c"},
	{"Документы:\n\n- паспорт\n- СНИЛС\n\nВсё.", "Документы: — паспорт — СНИЛС Всё."},
	{"> цитата", "цитата"},
	{"", ""},
	{"\n\n", ""},
};

static void test_outputs(void)
{
	arena *a = arena_new();
	for (size_t i = 0; i < ARRAY_LEN(block_cases); i++)
		T_STREQ(md_block(a, block_cases[i].src), block_cases[i].want, block_cases[i].src);
	for (size_t i = 0; i < ARRAY_LEN(inline_cases); i++)
		T_STREQ(md_inline(a, inline_cases[i].src), inline_cases[i].want, inline_cases[i].src);
	for (size_t i = 0; i < ARRAY_LEN(plain_cases); i++) {
		const char *p = md_plain(a, plain_cases[i].src);
		T_STREQ(p, plain_cases[i].want, plain_cases[i].src);
		T_CHECK(p && !strchr(p, '\n') && !strchr(p, '\r'), "md_plain is one line: %s", p ? p : "(null)");
	}
	T_CHECK(md_block(a, NULL) == NULL, "md_block(NULL)");
	T_CHECK(md_inline(a, NULL) == NULL, "md_inline(NULL)");
	T_CHECK(md_plain(a, NULL) == NULL, "md_plain(NULL)");

	/* md_plain never ends or starts with a space and never leaves a line break. */
	const char *long_md = "# A\n\nB *c*\nd\n\n- e\n- f\n\n```\ng\n```\n\n1. h\n\n   i\n";
	const char *p = md_plain(a, long_md);
	T_CHECK(p && p[0] != ' ' && (!*p || p[strlen(p) - 1] != ' ') && !strchr(p, '\n'),
	        "md_plain of a long document is one trimmed line: \"%s\"", p ? p : "(null)");
	arena_free(a);
}

int main(void)
{
	test_harness();
	test_safe();
	test_outputs();
	return t_done("markdown");
}
