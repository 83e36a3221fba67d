/* page_data.h — the open-data page of an edition (page_data.c). */
#ifndef ROADMAP_PAGE_DATA_H
#define ROADMAP_PAGE_DATA_H

#include "page_common.h"

value *view_data(const ctx *c);

#endif
