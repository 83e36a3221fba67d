/* import_schedule.h — `roadmap import --schedule`: a school's wide Excel
 * schedule («график оценочных процедур») → editions/<edition>/schedule/<id>.csv.
 *
 * Schools send schedules in two shapes, saved from Excel as CSV (any
 * delimiter, a `sep=` line, UTF-8 or Windows-1251: csvread.h):
 *
 *  A. one table, class rows × date columns: a header row whose first cell
 *     says «Класс» and whose other cells are dates («15.03.2022», «15.03»);
 *  B. month sheets: a title line naming the month and year («Март 2022»,
 *     «График оценочных процедур на март 2022 г.»), then a header row
 *     «Класс; 1; 2; … 31» of day numbers (possibly with weekdays «1 пн»),
 *     then class rows; several month blocks may follow one another.
 *
 * A cell holds one or more procedures, one per line or separated by «;»,
 * each naming a subject and a procedure in any usual way: «Математика (КР)»,
 * «ВПР по математике», «Рус. яз. — ВПР», «Контрольная работа: история».
 * Known abbreviations become full names (КР → Контрольная работа, Рус. яз. →
 * Русский язык), and the level follows from the procedure (ВПР: федеральный,
 * РДР: региональный, МДР: муниципальный, otherwise школьный).  Dates written
 * without a year take it from the school year (an edition named in the file,
 * else o->edition, else o->fallback_edition).
 *
 * The output is a CSV (UTF-8 with BOM, comma-separated) with the columns
 * school, date, grade, subject, procedure, level, rows in date and class
 * order.  Nothing here prints or exits; problems go to dl at their cell. */
#ifndef ROADMAP_IMPORT_SCHEDULE_H
#define ROADMAP_IMPORT_SCHEDULE_H

#include <stddef.h>
#include "buf.h"
#include "diag.h"

typedef struct sched_import_opts {
	const char *school;           /* id for the school column; must be a valid id */
	const char *edition;          /* "YYYY-YYYY" or NULL */
	const char *fallback_edition; /* "YYYY-YYYY", used when nothing else names the year */
} sched_import_opts;

typedef struct sched_import_stats {
	size_t rows;            /* procedures written */
	size_t classes;         /* distinct classes */
	size_t months;          /* month blocks read (shape B) */
	const char *shape;      /* «классы × даты» or «листы по месяцам»; "" when no table */
	char edition[16];       /* the school year dates without a year were read in */
} sched_import_stats;

/* Converts data[0..len) into the schedule CSV appended to csv.  Returns 0, or
 * -1 after appending at least one DIAG_ERROR to dl (then csv is unchanged).
 * *st is always filled. */
int import_schedule_mem(const char *data, size_t len, const char *display, const sched_import_opts *o, buf *csv,
                        sched_import_stats *st, diag_list *dl);
/* The same on a file; -2 when the file cannot be read (an error in dl). */
int import_schedule_file(const char *path, const sched_import_opts *o, buf *csv, sched_import_stats *st,
                         diag_list *dl);

/* One procedure of a cell («Математика (КР)») → subject, procedure and level
 * (heap strings the caller frees; level is static).  Returns 0, or -1 when
 * no procedure or no subject is recognisable. */
int sched_item_parse(const char *item, char **subject, char **procedure, const char **level);

#endif
