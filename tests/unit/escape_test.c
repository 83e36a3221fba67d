/* escape_test.c — one escaper per output context (HTML, XML, JSON, CSV, iCalendar)
 * and the URL scheme check that keeps javascript: out of href. */
#include "t.h"
#include "escape.h"
#include "util.h"

#include <stdlib.h>

/* Runs an appending escaper over src after a prefix, to check it appends. */
#define RUN(fn, src, want, what)                                  \
	do {                                                      \
		buf b_ = BUF_INIT;                                \
		buf_puts(&b_, "[");                               \
		fn(&b_, (src));                                   \
		buf_puts(&b_, "]");                               \
		char *w_ = xasprintf("[%s]", (want));             \
		T_STREQ(b_.data, w_, what);                       \
		free(w_);                                         \
		buf_free(&b_);                                    \
	} while (0)

/* Byte strings may contain NUL: pass literal and length together. */
#define B(s) s, sizeof(s) - 1

static void test_html(void)
{
	static const struct {
		const char *src;
		size_t len;
		const char *want;
		size_t wlen;
	} cases[] = {
		{B(""), B("")},
		{B("plain text"), B("plain text")},
		{B("Школа № 13"), B("Школа № 13")},
		{B("a & b"), B("a &amp; b")},
		{B("<script>alert('x')</script>"), B("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")},
		{B("\" onmouseover=\"x"), B("&quot; onmouseover=&quot;x")},
		{B("&amp;"), B("&amp;amp;")},
		{B("&<>\"'"), B("&amp;&lt;&gt;&quot;&#39;")},
		{"ab<cd", 3, B("ab&lt;")},          /* only len bytes are read */
		{B("x\0<y"), B("x\0&lt;y")},        /* NUL inside is data, not the end */
		{B("«ёлки» — <b>"), B("«ёлки» — &lt;b&gt;")},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		buf b = BUF_INIT;
		buf_puts(&b, "[");
		escape_html(&b, cases[i].src, cases[i].len);
		buf_puts(&b, "]");
		size_t wl = cases[i].wlen;
		T_CHECK(b.len == wl + 2 && !memcmp(b.data + 1, cases[i].want, wl) && b.data[b.len - 1] == ']',
		        "escape_html case %zu: got %s", i, b.data);
		buf_free(&b);
	}
}

static void test_xml(void)
{
	static const struct {
		const char *src, *want;
	} cases[] = {
		{"", ""},
		{"Школа & <сад>", "Школа &amp; &lt;сад&gt;"},
		{"\"q\" 'a'", "&quot;q&quot; &#39;a&#39;"},
		{"a\x01" "b\x02\x03\x08" "c", "abc"},          /* control characters dropped */
		{"a\x0B\x0C" "b\x1F", "ab"},                   /* VT, FF, US dropped */
		{"t\tn\nr\r", "t\tn\nr\r"},                    /* TAB, LF, CR allowed */
		{"\x1B[31mred", "[31mred"},
		{"é ё € 😀", "é ё € 😀"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		RUN(escape_xml, cases[i].src, cases[i].want, "escape_xml");
}

static void test_json(void)
{
	static const struct {
		const char *src, *want;
	} cases[] = {
		{"", ""},
		{"Школа № 13", "Школа № 13"},
		{"say \"hi\"", "say \\\"hi\\\""},
		{"C:\\dir\\", "C:\\\\dir\\\\"},
		{"a\nb\rc\td", "a\\nb\\rc\\td"},
		{"\x01\x1f", "\\u0001\\u001f"},
		{"\x08\x0c", "\\u0008\\u000c"},
		{"</script><!--", "\\u003c/script>\\u003c!--"},
		{"a\xE2\x80\xA8" "b", "a\\u2028b"},            /* LINE SEPARATOR */
		{"a\xE2\x80\xA9" "b", "a\\u2029b"},            /* PARAGRAPH SEPARATOR */
		{"\xE2\x80\xA8\xE2\x80\xA9", "\\u2028\\u2029"},
		{"\xE2\x80\x94 — dash", "\xE2\x80\x94 — dash"}, /* other E2 80 xx untouched */
		{"\xE2\x82\xAC", "\xE2\x82\xAC"},               /* € */
		{"end\xE2", "end\xE2"},                         /* truncated at the end: no over-read */
		{"end\xE2\x80", "end\xE2\x80"},
		{"'single' /slash", "'single' /slash"},
		{"\x7f", "\x7f"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		RUN(escape_json, cases[i].src, cases[i].want, "escape_json");

	buf b = BUF_INIT;
	json_quote(&b, NULL);
	buf_putc(&b, ',');
	json_quote(&b, "");
	buf_putc(&b, ',');
	json_quote(&b, "«Да» \"нет\"\n");
	T_STREQ(b.data, "null,\"\",\"«Да» \\\"нет\\\"\\n\"", "json_string");
	buf_free(&b);
}

static void test_csv(void)
{
	static const struct {
		const char *src, *want;
	} cases[] = {
		{"", "\"\""},
		{"Школа № 13", "\"Школа № 13\""},
		{"a,b;c", "\"a,b;c\""},
		{"say \"hi\"", "\"say \"\"hi\"\"\""},
		{"\"", "\"\"\"\""},
		{"line1\nline2", "\"line1\nline2\""},
		/* formula prefixes */
		{"=1+2", "\"'=1+2\""},
		{"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
		{"+7 999 123-45-67", "\"'+7 999 123-45-67\""},
		{"-5x", "\"'-5x\""},
		{"-", "\"'-\""},
		{"-.5", "\"'-.5\""},
		{"-5.", "\"'-5.\""},
		{"--5", "\"'--5\""},
		/* numbers are numbers: bare, never prefixed */
		{"-5", "-5"},
		{"-7.5", "-7.5"},
		{"0", "0"},
		{"12.25", "12.25"},
		{"@SUM(A1)", "\"'@SUM(A1)\""},
		{"\t=1", "\"'\t=1\""},
		{"\r=1", "\"'\r=1\""},
		/* only a leading one counts */
		{"a=1", "\"a=1\""},
		{"5-3", "\"5-3\""},
		{"x@y.ru", "\"x@y.ru\""},
		{"'=1", "\"'=1\""},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		RUN(escape_csv, cases[i].src, cases[i].want, "escape_csv");
}

static void test_ics(void)
{
	static const struct {
		const char *src, *want;
	} cases[] = {
		{"", ""},
		{"Олимпиада", "Олимпиада"},
		{"a,b", "a\\,b"},
		{"a;b", "a\\;b"},
		{"a\\b", "a\\\\b"},
		{"a\nb", "a\\nb"},
		{"a\r\nb", "a\\nb"},              /* CRLF is one newline */
		{"a\rb", "ab"},                   /* CR dropped */
		{"Москва, ул. Ленина; д. 1\\2\n", "Москва\\, ул. Ленина\\; д. 1\\\\2\\n"},
		{"\"quoted\" :colon", "\"quoted\" :colon"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		RUN(escape_ics, cases[i].src, cases[i].want, "escape_ics");

	/* Other control characters must not reach the calendar file as they are. */
	buf b = BUF_INIT;
	escape_ics(&b, "a\x01" "b\x1f" "c\x7f");
	bool clean = true;
	for (size_t i = 0; i < b.len; i++)
		if ((unsigned char)b.data[i] < 0x20 || b.data[i] == 0x7f)
			clean = false;
	T_CHECK(clean && b.len >= 3, "escape_ics drops or replaces control characters: %s", b.data);
	buf_free(&b);
}

static void test_url(void)
{
	static const struct {
		const char *url;
		bool safe;
	} cases[] = {
		/* allowed schemes */
		{"http://example.com/", true},
		{"https://example.com/a?b=c#d", true},
		{"HTTPS://EXAMPLE.COM", true},
		{"mailto:school@example.ru", true},
		{"MailTo:school@example.ru", true},
		{"tel:+74951234567", true},
		{"  https://example.com", true},
		/* relative */
		{"", true},
		{"page.html", true},
		{"/2021-2022/index.html", true},
		{"../index.html", true},
		{"./a:b", true},
		{"a/b:c", true},
		{"?q=javascript:x", true},
		{"#javascript:x", true},
		{"//example.com/x", true},
		{"школа/index.html", true},
		{"javascript", true},              /* no colon: a relative name */
		/* dangerous */
		{"javascript:alert(1)", false},
		{"JaVaScRiPt:alert(1)", false},
		{"JAVASCRIPT:alert(1)", false},
		{" javascript:alert(1)", false},
		{"\tjavascript:alert(1)", false},
		{"\x01\x02javascript:alert(1)", false},
		{"\n\r javascript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"java\nscript:alert(1)", false},
		{"java\rscript:alert(1)", false},
		{"j\ta\nv\ra\tscript:alert(1)", false},
		{"javascript\t:alert(1)", false},
		{"data:text/html;base64,PHNjcmlwdD4=", false},
		{"DATA:text/html,<script>", false},
		{"vbscript:msgbox(1)", false},
		{"VBScript:msgbox(1)", false},
		{"file:///etc/passwd", false},
		{"ftp://example.com", false},
		{"x:y", false},
		{"averyveryverylongschemename:x", false},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		bool got = url_is_safe(cases[i].url);
		T_CHECK(got == cases[i].safe, "url_is_safe(\"%s\") = %d, want %d", cases[i].url, got,
		        cases[i].safe);
	}
}

int main(void)
{
	test_html();
	test_xml();
	test_json();
	test_csv();
	test_ics();
	test_url();
	return t_done("escape");
}
