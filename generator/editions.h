/* editions.h — what changed between an edition and the previous one.
 *
 * Activities are matched across editions by the words of their titles (case
 * folded): a pair counts as the same activity when the Dice coefficient of
 * their word sets is at least CHANGE_MATCH_PERCENT; the best pairs are taken
 * first.  Unmatched activities are added or removed; matched ones may be
 * re-worded, or have a changed deadline or responsible.  Computed once after
 * loading (derive), stored in the edition, read by pages. */
#ifndef ROADMAP_EDITIONS_H
#define ROADMAP_EDITIONS_H

#include "model.h"

enum { CHANGE_MATCH_PERCENT = 50 };

/* Fills ed->changes for every edition that has a previous one. */
void editions_derive(site *s);
/* Similarity of two texts' word sets, 0..100. */
int text_similarity(const char *a, const char *b);

#endif
