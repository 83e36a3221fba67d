/* fields.h — typed access to YAML fields with validation and diagnostics.
 *
 * Each getter reads one key of a map, checks its type and appends a Russian
 * error at the value's position when it is wrong.  Getters return NULL / false
 * for absent or wrong values, so a loader can go on and report every problem
 * of a file in one run.  Strings returned point into the YAML tree's arena. */
#ifndef ROADMAP_FIELDS_H
#define ROADMAP_FIELDS_H

#include <stdbool.h>
#include "date.h"
#include "diag.h"
#include "yamlread.h"

/* Reports every key of map m that is not in allowed (NULL-terminated), with a
 * «может быть, …» suggestion of the nearest allowed key.  what names the thing
 * for the message («документ», «мероприятие»).  Returns false if any was found. */
bool f_check_keys(const ynode *m, const char *const *allowed, const char *what, diag_list *dl);
/* The sequence under key, or NULL when absent or null.  A value that is not a
 * list is reported as «поле «key»: ожидался список<hint>» (hint: "" or what
 * the list holds, e.g. " ссылок") and gives NULL. */
const ynode *f_seq(const ynode *m, const char *key, const char *hint, diag_list *dl);
/* Reports a non-map node. */
bool f_expect_map(const ynode *n, const char *what, diag_list *dl);
/* Scalar string value of key; NULL when absent (error when required). Empty
 * strings count as absent for required keys. */
const char *f_str(const ynode *m, const char *key, bool required, const char *what, diag_list *dl);
/* A list of strings, or a single string as a list of one. *n gets the count. */
const char **f_str_list(arena *a, const ynode *m, const char *key, size_t *n, diag_list *dl);
/* Date in ISO or DD.MM.YYYY; DATE_NONE when absent or wrong (error reported). */
date f_date(const ynode *m, const char *key, bool required, diag_list *dl);
date f_date_node(const ynode *v, const char *key, diag_list *dl);
/* Integer; def when absent. */
long f_int(const ynode *m, const char *key, long def, long min, long max, diag_list *dl);
bool f_bool(const ynode *m, const char *key, bool def, diag_list *dl);
/* True when s matches [a-z0-9][a-z0-9-]* and is at most 64 bytes. */
bool f_valid_id(const char *s);
/* Levenshtein distance, bytes; used for «может быть» suggestions. */
int f_distance(const char *a, const char *b);
/* Nearest of candidates (NULL-terminated) within a small distance, or NULL. */
const char *f_suggest(const char *word, const char *const *candidates);

#endif
