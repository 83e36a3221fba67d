/* docx.h — a Word file (Office Open XML) around a rendered document body.
 *
 * The theme renders word/document.xml (template report.docx.xml); this module
 * adds the fixed parts every .docx needs (content types, relationships,
 * styles: Times New Roman, A4 landscape is set by the template's sectPr) and
 * writes the package through output_write_zip (libzip; reproducible bytes). */
#ifndef ROADMAP_DOCX_H
#define ROADMAP_DOCX_H

#include <stddef.h>
#include "output.h"

/* Writes rel as a .docx whose word/document.xml is xml[0..len).  Returns 0,
 * or -1 with errno set. */
int docx_write(output *o, const char *rel, const char *xml, size_t len);

#endif
