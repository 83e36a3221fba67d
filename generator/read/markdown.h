/* markdown.h — CommonMark through cmark, always in safe mode.
 *
 * Safe mode drops raw HTML and javascript:/vbscript:/file:/data: links, so the
 * HTML returned can be placed raw in templates.  Results are allocated in the
 * arena.  NULL input gives NULL. */
#ifndef ROADMAP_MARKDOWN_H
#define ROADMAP_MARKDOWN_H

#include "arena.h"

/* Block Markdown → HTML (paragraphs, lists, …). */
const char *md_block(arena *a, const char *src);
/* Short text → HTML without the wrapping <p> when the text is a single
 * paragraph (table cells, titles); falls back to block HTML otherwise. */
const char *md_inline(arena *a, const char *src);
/* Markdown → plain one-line text (for <title>, calendars, CSV, JSON). */
const char *md_plain(arena *a, const char *src);

#endif
