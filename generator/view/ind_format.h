/* ind_format.h — an indicator's figures as Russian text (view stage: derive
 * keeps numbers, pages and exports that show text format them here). */
#ifndef ROADMAP_IND_FORMAT_H
#define ROADMAP_IND_FORMAT_H

#include "buf.h"
#include "indicator.h"

/* Appends v with the indicator's unit in Russian: «12,5 %», «1 375» (unit ед.
 * is left out), «4,2 балла», «21 балл», «3 чел.»; at most one decimal. */
void ind_format_value(buf *out, const indicator *ind, double v);
/* Appends a change with its sign: «+1,2 п.п.» for %, «−0,5 балла», «+3». */
void ind_format_change(buf *out, const indicator *ind, double delta);

#endif
