/* editions.h — what changed between an edition and the previous one.
 *
 * Activities are matched across editions by the words of their titles (case
 * folded, Dice coefficient of the word sets, 0..100).  A pair is the same
 * activity — and may be shown as re-worded — only when it really corresponds:
 *  - near-identical text: similarity ≥ CHANGE_NEAR_IDENTICAL_PERCENT, wherever
 *    the activity stands; or
 *  - the same place (same document, section number and activity number) and
 *    similar text: similarity ≥ CHANGE_MATCH_PERCENT.
 * The best pairs are taken first.  Anything else is «исключено» + «добавлено»
 * (docs/content.md «Изменения между редакциями»).  Matched ones may be
 * re-worded, or have a changed deadline or responsible.  Computed once after
 * loading (derive), stored in the edition, read by pages. */
#ifndef ROADMAP_EDITIONS_H
#define ROADMAP_EDITIONS_H

#include "model.h"

enum { CHANGE_MATCH_PERCENT = 50, CHANGE_NEAR_IDENTICAL_PERCENT = 80 };

/* The rule above: two activities with this similarity correspond. */
bool change_corresponds(int similarity, bool same_place);

/* Fills ed->changes for every edition that has a previous one. */
void editions_derive(site *s);
/* Similarity of two texts' word sets, 0..100. */
int text_similarity(const char *a, const char *b);

#endif
