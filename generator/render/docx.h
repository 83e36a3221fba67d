/* docx.h — a Word file (Office Open XML) around a rendered document body.
 *
 * The theme renders word/document.xml (template report.docx.xml); this module
 * adds the fixed parts every .docx needs (content types, relationships,
 * styles: Times New Roman, A4 landscape is set by the template's sectPr) and
 * builds the package in memory with zip_build (libzip; reproducible bytes). */
#ifndef ROADMAP_DOCX_H
#define ROADMAP_DOCX_H

#include <stddef.h>
#include "buf.h"

/* Appends to out a .docx whose word/document.xml is xml[0..len).  Returns 0,
 * or -1 with errno set. */
int docx_build(const char *xml, size_t len, buf *out);

#endif
