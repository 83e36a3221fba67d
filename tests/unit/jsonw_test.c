/* jsonw_test.c — the streaming JSON writer: exact bytes for compact and
 * indented output, numbers as the exports have always written them, and
 * every document read back by an independent reader (jansson). */
#include "t.h"
#include "jsonw.h"
#include "util.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>

/* Parses text with jansson; true when it is one valid JSON document. */
static bool reads_back(const char *text)
{
	json_error_t err;
	json_t *v = json_loads(text, JSON_DECODE_ANY, &err);
	bool ok = v != NULL;
	json_decref(v);
	return ok;
}

static void test_numbers(void)
{
	static const struct {
		double v;
		const char *want;
	} cases[] = {
		{0, "0"},
		{69, "69"},
		{-3, "-3"},
		{1375, "1375"},
		{12.5, "12.5"},
		{-0.25, "-0.25"},
		{16.346153846, "16.3462"},
		{8.695652173913, "8.69565"},
		{100.0 / 3, "33.3333"},
		{1234567.5, "1.23457e6"},     /* no '+', no leading zero in the exponent */
		{0.00000012345, "1.2345e-7"},
		{1e15, "1000000000000000"},   /* whole: written as an integer */
		{NAN, "null"},                /* JSON has no NaN */
		{INFINITY, "null"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		buf b = BUF_INIT;
		jw w;
		jw_init(&w, &b, 0);
		jw_num(&w, cases[i].v);
		T_STREQ(buf_cstr(&b), cases[i].want, "jw_num");
		T_CHECK(reads_back(buf_cstr(&b)), "number reads back: %s", buf_cstr(&b));
		buf_free(&b);
	}
	static const long ints[] = {0, 7, -7, 2147483647L, -2147483648L};
	static const char *const want[] = {"0", "7", "-7", "2147483647", "-2147483648"};
	for (size_t i = 0; i < ARRAY_LEN(ints); i++) {
		buf b = BUF_INIT;
		jw w;
		jw_init(&w, &b, 0);
		jw_int(&w, ints[i]);
		T_STREQ(buf_cstr(&b), want[i], "jw_int");
		buf_free(&b);
	}
}

/* The same document, compact and indented by one (activities.json). */
static void write_doc(jw *w)
{
	jw_obj(w);
	jw_kstr(w, "edition", "2021-2022");
	jw_key(w, "empty_list");
	jw_arr(w);
	jw_end(w);
	jw_key(w, "empty_object");
	jw_obj(w);
	jw_end(w);
	jw_key(w, "activities");
	jw_arr(w);
	jw_obj(w);
	jw_kstr(w, "title", "«Точка роста» \"кавычки\"\n</script>");
	jw_kbool(w, "overdue", true);
	jw_key(w, "done_on");
	jw_null(w);
	jw_knum(w, "share", 12.5);
	jw_end(w);
	jw_arr(w);
	jw_int(w, 1);
	jw_str(w, NULL);
	jw_end(w);
	jw_end(w);
	jw_end(w);
}

static void test_documents(void)
{
	buf b = BUF_INIT;
	jw w;
	jw_init(&w, &b, 0);
	write_doc(&w);
	T_STREQ(buf_cstr(&b),
	        "{\"edition\":\"2021-2022\",\"empty_list\":[],\"empty_object\":{},\"activities\":[{\"title\":"
	        "\"«Точка роста» \\\"кавычки\\\"\\n\\u003c/script>\",\"overdue\":true,\"done_on\":null,"
	        "\"share\":12.5},[1,null]]}",
	        "compact document");
	T_CHECK(reads_back(buf_cstr(&b)), "compact document reads back");
	T_CHECK(w.depth == 0, "every level closed");
	buf_reset(&b);
	jw_init(&w, &b, 1);
	write_doc(&w);
	T_STREQ(buf_cstr(&b),
	        "{\n \"edition\": \"2021-2022\",\n \"empty_list\": [],\n \"empty_object\": {},\n \"activities\": [\n"
	        "  {\n   \"title\": \"«Точка роста» \\\"кавычки\\\"\\n\\u003c/script>\",\n   \"overdue\": true,\n"
	        "   \"done_on\": null,\n   \"share\": 12.5\n  },\n  [\n   1,\n   null\n  ]\n ]\n}",
	        "indented document, as jansson's JSON_INDENT(1)");
	json_t *v = json_loads(buf_cstr(&b), 0, NULL);
	json_t *acts = v ? json_object_get(v, "activities") : NULL;
	json_t *first = acts ? json_array_get(acts, 0) : NULL;
	T_STREQ(first ? json_string_value(json_object_get(first, "title")) : NULL,
	        "«Точка роста» \"кавычки\"\n</script>", "the reader gets the string back exactly");
	json_decref(v);
	/* A raw run counts as one item: the next member gets its comma. */
	buf_reset(&b);
	jw_init(&w, &b, 0);
	jw_obj(&w);
	jw_key(&w, "documents");
	jw_raw(&w, "[{\"a\":1}]", 9);
	jw_kstr(&w, "next", "x");
	jw_end(&w);
	T_STREQ(buf_cstr(&b), "{\"documents\":[{\"a\":1}],\"next\":\"x\"}", "raw value then a member");
	buf_free(&b);
}

int main(void)
{
	test_numbers();
	test_documents();
	return t_done("jsonw");
}
