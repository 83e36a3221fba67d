/* page_report.h — the execution report of an edition, HTML and report.docx (page_report.c). */
#ifndef ROADMAP_PAGE_REPORT_H
#define ROADMAP_PAGE_REPORT_H

#include "page_common.h"

value *view_report(const ctx *c);

#endif
