/* ics.h — iCalendar (RFC 5545) of an edition's deadlines.
 *
 * Written in C rather than through a template because RFC 5545 is byte-level:
 * CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character),
 * TEXT escaping.  Events: date/by/range/multi deadlines become all-day events
 * (VALUE=DATE, exclusive DTEND), one per part; recurring deadlines one event
 * with an RRULE; period, undated events and unknown deadlines are left out
 * (spec/deadlines.md).  UIDs depend only on the edition, document, activity
 * anchor and part number, so they are stable across builds; DTSTAMP is "today". */
#ifndef ROADMAP_ICS_H
#define ROADMAP_ICS_H

#include "buf.h"
#include "model.h"

/* Appends the calendar of ed (only activities concerning `only` when not NULL). */
void ics_edition(const site *s, const edition *ed, const school *only, buf *out);
/* Appends the calendar of sc's assessment schedule alone: one all-day event
 * per row, UID made of the edition, school and the row's anchor, URL (when
 * the site knows its address) pointing at the row on the schedule page. */
void ics_schedule(const site *s, const edition *ed, const school *sc, buf *out);
/* Appends one content line folded at 75 octets, ending in CRLF. */
void ics_fold_line(buf *out, const char *line, size_t len);

#endif
