#include "markdown.h"
#include "buf.h"
#include "escape.h"
#include "util.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

/* CMARK_OPT_SAFE is the default since cmark 0.29 and a no-op there; it is
 * passed anyway so an older cmark is safe too.  Never pass CMARK_OPT_UNSAFE. */
static const int MD_OPTS = CMARK_OPT_SAFE | CMARK_OPT_NOBREAKS;

/* cmark's safe mode still keeps data:image/… links; an official site keeps
 * only http(s), mailto, tel and relative links (escape.h url_is_safe).  A
 * link or image with any other destination is replaced by its text. */
static void drop_unsafe_links(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node **bad = NULL;
	size_t n = 0, cap = 0;
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(node);
		if (ev != CMARK_EVENT_ENTER || (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE))
			continue;
		const char *url = cmark_node_get_url(node);
		if (url && !url_is_safe(url)) {
			xgrow((void **)&bad, &cap, n + 1, sizeof(cmark_node *));
			bad[n++] = node;
		}
	}
	cmark_iter_free(it);
	for (size_t i = n; i-- > 0;) {
		cmark_node *c;
		while ((c = cmark_node_first_child(bad[i])))
			cmark_node_insert_before(bad[i], c);
		cmark_node_free(bad[i]);
	}
	free(bad);
}

static cmark_node *parse(const char *src)
{
	cmark_node *doc = cmark_parse_document(src, strlen(src), MD_OPTS);
	drop_unsafe_links(doc);
	return doc;
}

static const char *render(arena *a, cmark_node *doc)
{
	char *html = cmark_render_html(doc, MD_OPTS);
	const char *out = arena_strdup(a, html);
	free(html);
	return out;
}

const char *md_block(arena *a, const char *src)
{
	if (!src)
		return NULL;
	cmark_node *doc = parse(src);
	const char *out = render(a, doc);
	cmark_node_free(doc);
	return out;
}

const char *md_inline(arena *a, const char *src)
{
	if (!src)
		return NULL;
	cmark_node *doc = parse(src);
	cmark_node *first = cmark_node_first_child(doc);
	const char *out;
	if (first && !cmark_node_next(first) && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
		/* Render the paragraph's children only: move them under a custom
		 * inline-less wrapper by rendering each and concatenating. */
		buf b = BUF_INIT;
		for (cmark_node *c = cmark_node_first_child(first); c; c = cmark_node_next(c)) {
			char *h = cmark_render_html(c, MD_OPTS);
			buf_puts(&b, h);
			free(h);
		}
		out = arena_strdup(a, buf_cstr(&b));
		buf_free(&b);
	} else {
		out = render(a, doc);
	}
	cmark_node_free(doc);
	return out;
}

static void plain_walk(cmark_node *root, buf *b)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
			buf_puts(b, cmark_node_get_literal(n));
		} else if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) {
			buf_putc(b, ' ');
		} else if (ev == CMARK_EVENT_EXIT &&
		           (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_ITEM)) {
			if (b->len && b->data[b->len - 1] != ' ')
				buf_putc(b, ' ');
		} else if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_ITEM) {
			if (b->len && b->data[b->len - 1] != ' ')
				buf_putc(b, ' ');
			buf_puts(b, "— ");
		}
	}
	cmark_iter_free(it);
}

const char *md_plain(arena *a, const char *src)
{
	if (!src)
		return NULL;
	cmark_node *doc = parse(src);
	buf b = BUF_INIT;
	plain_walk(doc, &b);
	cmark_node_free(doc);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}
