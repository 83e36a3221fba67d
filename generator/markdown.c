#include "markdown.h"
#include "buf.h"
#include "util.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

/* CMARK_OPT_SAFE is the default since cmark 0.29 and a no-op there; it is
 * passed anyway so an older cmark is safe too.  Never pass CMARK_OPT_UNSAFE. */
static const int MD_OPTS = CMARK_OPT_SAFE | CMARK_OPT_NOBREAKS;

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
	cmark_node *doc = cmark_parse_document(src, strlen(src), MD_OPTS);
	const char *out = render(a, doc);
	cmark_node_free(doc);
	return out;
}

const char *md_inline(arena *a, const char *src)
{
	if (!src)
		return NULL;
	cmark_node *doc = cmark_parse_document(src, strlen(src), MD_OPTS);
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
	cmark_node *doc = cmark_parse_document(src, strlen(src), MD_OPTS);
	buf b = BUF_INIT;
	plain_walk(doc, &b);
	cmark_node_free(doc);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}
