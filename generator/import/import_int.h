/* import_int.h — the rooms of `roadmap import`, shared between them only
 * (the public contract is import.h; spec/import.md).
 *
 * The pipeline, one room per file:
 *   textdec.c       bytes → UTF-8 text (shared with csvread.c: one decoder)
 *   import_text.c   characters, sanitizing, HTML remnants → plain text / Markdown
 *   import_rows.c   text → rows of cells: CSV, lines split at a delimiter, or
 *                   one cell per line; Word remnants (running headers, page
 *                   numbers, «Таблица N», bookmarks) dropped
 *   import_table.c  the header row and its columns, then sections, activities
 *                   and continuation rows
 *   import_front.c  the text around the table: title, kind, approval,
 *                   consideration stamps, goal, tasks, chapters, other tables
 *   import_yaml.c   the YAML writer
 *   import.c        the pipeline and its self-judgement
 * Every function here is library code: no printing, no exit. */
#ifndef ROADMAP_IMPORT_INT_H
#define ROADMAP_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "import.h"

/* The fields a column can map to. */
enum { F_NUMBER, F_TITLE, F_DEADLINE, F_RESP, F_REPORT, F_RESULT, F_INDICATOR, F_TASK, F_N };

/* What the latest table row made. */
enum { L_HEADER, L_SECTION, L_ACT };

/* YAML key of each field. */
extern const char *const IMP_FIELD_KEY[F_N];

typedef struct icell {
	const char *text; /* sanitized, trimmed; in the arena */
	int line, col;
} icell;

typedef struct irow {
	icell *c;
	size_t n;
	int line;
} irow;

typedef struct irows {
	irow *v;
	size_t n, cap;
} irows;

typedef struct act {
	buf *cell;  /* [ncols] raw cell texts, continuation rows merged in */
	int *cline; /* [ncols] where each cell's text starts */
	int *ccol;
	int line;
	const char *task; /* task inherited from the row that named it (arena), or NULL */
	const char *number; /* in a table without a number column, the number written at the
	                     * start of the title («1.2. Анализ …»; imp_split_numbers), or NULL */
	bool lead_in;     /* its sub-items «а)», «б)» have deadlines of their own: its empty cells are no merged ones */
} act;

typedef struct sec {
	char *number; /* heap or NULL */
	buf title;    /* plain */
	int line;
	act *acts;
	size_t nacts, cap;
} sec;

typedef struct tbl {
	arena *a;
	const char *file;
	diag_list *dl;
	size_t ncols;
	int map[F_N];        /* column of each field, or -1 */
	int *field;          /* [ncols] field of each column, or -1 */
	const char **label;  /* [ncols] header labels, plain */
	int hline;
	sec *secs;
	size_t nsecs, cap;
	int last;            /* what the latest row made: L_HEADER, L_SECTION, L_ACT */
	const char *task;    /* current task (raw) for rows that leave it empty */
	size_t continuations;
	size_t merged;       /* empty cells filled from a merged cell above (imp_fill_merged) */
	size_t excel_dates;  /* deadlines rewritten from an Excel date format (imp_excel_dates) */
	int section_col;     /* 1 + the column naming each row's section («Раздел»); 0: none */
	size_t nacts;        /* activities so far, against IMPORT_MAX_ACTIVITIES */
	bool too_many;
	bool extra_warned;
	const char *parent;  /* number of the latest activity that sub-items «а)» belong to, or NULL */
	size_t parent_at;    /* its index in the current section */
	bool subsections;    /* sub-section headings («1.1. …» over «1.1.1.») were read into `task` */
	buf trailing;        /* text after the table, one line per row */
	const char *totals;  /* the last totals row below or in the table («Итого: 25
	                      * мероприятий», arena), or NULL */
	int totals_line;
	int *tline;          /* [ntline] source line of each line of trailing */
	size_t ntline, tlcap;
} tbl;

typedef struct pline {
	const char *text; /* plain, one line */
	int line;
	int para;         /* paragraph index: lines next to each other */
	bool used;
	bool after;       /* below the activity table */
	const char *md;   /* Markdown of the line when it is a list item (a passport entry), or NULL */
	bool contact;     /* a contact line of whoever prepared the document, left out */
} pline;

/* A chapter of a programme: {title, text (Markdown), place}. */
typedef struct chapter_out {
	char *title, *text; /* heap */
	bool after;
} chapter_out;

/* An entry of the indicator table, ready for indicators.yaml. */
typedef struct indicator_out {
	char *name, *unit, *source, *method; /* heap or NULL */
	int base_year;                        /* 0: no baseline */
	double base;
	int years[16];                        /* per-year targets */
	double targets[16];
	size_t ntargets;
	int line;
} indicator_out;

/* A consideration or agreement stamp («Рассмотрен на заседании …», «СОГЛАСОВАНО»). */
typedef struct considered_stamp {
	const char *stamp;   /* "considered" | "agreed" (static) */
	char *body, *protocol, *signer, *signer_title; /* heap or NULL */
	date date;
} considered_stamp;

typedef struct pre {
	pline *l;
	size_t n;
	char *title;
	const char *kind;    /* "дорожная карта", "план", … (static) or NULL */
	char *act, *authority, *number, *signer, *signer_title;
	bool have_act;       /* an approving act was found */
	bool stamp_approved; /* an «УТВЕРЖДАЮ» stamp was found */
	date date;
	considered_stamp *cons;
	size_t ncons, ccap;
	char *intro;          /* Markdown, heap, or NULL */
	chapter_out *chapters;
	size_t nchapters, chcap;
	indicator_out *inds;
	size_t ninds, icap;
	size_t pcap;          /* capacity of l */
	char *goal;
	char **tasks;
	size_t ntasks, tcap;
} pre;

typedef struct writer {
	buf *y;
	tbl *t;
	date pstart, pend;
	import_stats *st;
	const import_opts *o;
} writer;


/* import_text.c */
int32_t imp_cp_at(const char *s, size_t *n);
bool imp_is_digit(int c);
const char *imp_skip_spaces(const char *s);
bool imp_starts_lower(const char *s);
bool imp_starts_new(const char *s);
void imp_buf_set(buf *b, const char *s);
int imp_count_chars(const char *s, size_t n);
void imp_sanitize(buf *out, const char *s, size_t len);
const char *imp_clean_cell(arena *a, const char *s, size_t len);
void imp_to_plain(buf *out, const char *s, bool keep_lines);
char *imp_plain_of(const char *cell);
size_t imp_marker_at(const char *s);
/* Length of a sub-item marker at s: one letter or one or two digits and «)»
 * before a space or the end («а) », «б)», «1) », «12)»), else 0. */
size_t imp_submarker_at(const char *s);
void imp_cell_markdown(buf *out, const char *cell);
void imp_plain_markdown(buf *out, const char *plain);

/* import_rows.c */
bool imp_rows_from_csv(arena *a, const char *text, size_t len, irows *rs);
/* Appends a row of the n cells (copied into the arena) at line, unless all
 * of them are empty. */
void imp_rows_add(arena *a, irows *rs, const icell *cells, size_t n, int line);
int imp_rows_from_lines(arena *a, const char *s, size_t len, char delim, irows *rs, const char *file,
                           diag_list *dl);

/* import_zip.c */
/* An Office document's member of more than this is not a roadmap's (and a
 * ZIP bomb must not fill memory): 64 MiB uncompressed. */
enum { IMPORT_MAX_XML = 64 * 1024 * 1024 };
struct zip;
/* The ZIP archive in data (not copied: data must outlive it), or NULL when
 * data is no ZIP.  Close with imp_zip_close. */
struct zip *imp_zip_open(const char *data, size_t len);
/* Member name as a NUL-terminated heap string (*n bytes), or NULL when it is
 * missing, damaged or over IMPORT_MAX_XML. */
char *imp_zip_member(struct zip *za, const char *name, size_t *n);
void imp_zip_close(struct zip *za);
/* libxml2's streaming reader over an XML part, without network, DTD or
 * printed errors; NULL when xml is NULL or does not start to parse. */
struct _xmlTextReader;
struct _xmlTextReader *imp_xml_reader(const char *xml, size_t n);
/* The element name is want («w:p», «row»). */
bool imp_xml_is(const unsigned char *name, const char *want);
/* Attribute name of the current element: a heap string, or NULL. */
char *imp_xml_attr(struct _xmlTextReader *r, const char *name);
/* Attribute name as a number, dflt when absent. */
int imp_xml_int(struct _xmlTextReader *r, const char *name, int dflt);

/* import_docx.c */
/* Rows of a Word document (.docx): 1 when data is one (rs filled: paragraphs
 * and table rows in document order, «line» = their place), 0 when data is no
 * .docx (rs untouched), -1 after an error in dl (a damaged document). */
int imp_rows_from_docx(arena *a, const char *data, size_t len, irows *rs, const char *file, diag_list *dl);

/* import_docx_num.c */
/* Word's automatic list numbering of a .docx (word/numbering.xml). */
typedef struct docx_numbering docx_numbering;
/* Reads numbering.xml (xml may be NULL: no lists); never NULL.  Free with
 * docx_numbering_free. */
docx_numbering *docx_numbering_read(const char *xml, size_t n);
void docx_numbering_free(docx_numbering *nb);
/* Adds the paragraph styles of styles.xml (xml may be NULL) that number
 * their paragraphs. */
void docx_numbering_styles(docx_numbering *nb, const char *xml, size_t n);
/* The list of paragraph style style (through w:basedOn): true with
 * *num_id, *ilvl set when it numbers paragraphs. */
bool docx_numbering_style(const docx_numbering *nb, const char *style, int *num_id, int *ilvl);
/* Appends the label of the next paragraph of list num_id at level ilvl
 * («1.», «1.2.», «а)», «IV.»; «- » for a bullet) to out and advances the
 * counters as Word does; false (out untouched) for an unknown list. */
bool docx_numbering_next(docx_numbering *nb, int num_id, int ilvl, buf *out);

/* import_xlsx.c */
/* Rows of an Excel workbook (.xlsx): of its first sheet that has a table
 * header (else the first sheet), row by row, «line» = the sheet's row number
 * and «col» its column, as Excel shows them; text of shared and inline
 * strings, numbers as written, dates as ДД.ММ.ГГГГ.  1 when data is one, 0
 * when it is no .xlsx (rs untouched), -1 after an error in dl. */
int imp_rows_from_xlsx(arena *a, const char *data, size_t len, irows *rs, const char *file, diag_list *dl);

/* import_layout.c */
typedef struct imp_remnants {
	size_t running;   /* running-header lines dropped */
	size_t pages;     /* page-number lines dropped */
	size_t captions;  /* «Таблица N», «Продолжение таблицы» lines dropped */
	size_t bookmarks; /* lines that lost a «[bookmark: …]» mark */
} imp_remnants;
/* The text (UTF-8) without Word remnants: «[bookmark: _GoBack]» marks,
 * «Таблица N» / «Продолжение таблицы» captions, page numbers («- 3 -», «стр.
 * 3», a bare number beside a running header or on a line of its own in a TAB
 * paste) and running headers (a line repeated 3+ times whose first occurrence
 * is on the first page).  Dropped lines are left empty so that line numbers
 * hold; form feeds become line breaks.  Returns a heap string (*out_len bytes);
 * *st counts what was dropped. */
char *imp_clean_remnants(const char *text, size_t len, size_t *out_len, imp_remnants *st);
/* Rows of a Word export with one cell per line: finds the header block (one
 * label per line: «№ п/п», «Мероприятие», «Срок», «Ответственный» …), then
 * makes each number line («1.», «2.3») and the lines after it one row, placing
 * the cells in the columns by their kind (a deadline the parser understands
 * goes to the deadline column, a body to the responsible one, the rest in
 * order, a long title joined); headings become one-cell rows in the first
 * column, text before the header and below the table one-cell rows.  ps..pe:
 * the period deadlines are read in.  False (rs untouched) when the text has no
 * such header block. */
bool imp_rows_cell_per_line(arena *a, const char *text, size_t len, date ps, date pe, irows *rs);
/* A label of a programme's passport: short, capitalised, no end
 * punctuation, naming an entry («Наименование программы», «Основание для
 * разработки», «Сроки реализации», «Ожидаемые результаты» …). */
bool imp_passport_label(const char *s);

/* import_table.c */
/* The field a header label (plain text) names, or -1. */
int imp_classify_label(const char *plain);
/* "1", "1.", "1.1", "1.1.", "1)", Roman "IV." — a number as tables write it. */
bool imp_number_like(const char *s);
/* A one-level number: "1", "1.", "IV". */
bool imp_section_level(const char *s);
/* The number without a trailing dot (heap). */
char *imp_strip_dot(const char *s);
/* True when number's last part is 1: the first activity of a section. */
bool imp_first_of_section(const char *num);
/* «1. Развитие …», «Раздел 2. …», «IV. …» → the number (heap, no dot) and
 * *title pointing into s; NULL when s starts with no heading number. */
char *imp_heading_number(const char *s, const char **title);
/* Plain text ending where a title cannot end (a preposition, a comma, an
 * open quote or bracket): the rest is on the next line or row. */
bool imp_ends_unfinished(const char *plain);
/* How surely a title column's label names the activities: 3 «Мероприятия»,
 * 2 «Содержание работы», 1 a grouping «Направление деятельности». */
int imp_title_rank(const char *plain);

/* True when a line of plain text is a table's footnote («* …», «¹ …»,
 * «Примечание: …»). */
bool imp_is_footnote(const char *plain);
/* True when a line of plain text is a totals row («Итого: 25 мероприятий»,
 * «Всего по разделу – 7»). */
bool imp_is_totals(const char *plain);
/* The activity table's header row: the first whose labels name activities
 * and a deadline (мероприятие + срок), else the first with a title and one
 * more field.  Fills map and *field (heap, [row length]).  False: none. */
bool imp_find_header(const irows *rs, size_t *h, int map[F_N], int **field);
/* A two-row header: a label of rs->v[h] merged over several columns (the
 * cells right of it empty) with sub-labels in the row below («Сроки
 * исполнения» over «начало» / «окончание», «Ответственные» over «ФИО» /
 * «должность»).  Each such group becomes one column under the upper label:
 * the row of sub-labels is dropped and the cells of every row below are joined
 * — deadline halves under a start and an end («начало» / «окончание», «с» /
 * «по») as one period «01.09.2022 – 31.05.2023» (one date when both are
 * equal), a name and a position as «Иванова О.П. (директор)», other groups
 * («план» / «факт») with «, ».  map and *field are remade for the new header.  Returns
 * the number of groups folded (0: rs untouched); each is noted in dl. */
size_t imp_fold_subheader(arena *a, irows *rs, size_t h, int map[F_N], int **field, const char *file,
                          diag_list *dl);
/* A column with no label in the header row rs->v[h], left of the title
 * column, whose cells below hold
 * numbers («1.», «1.1», «2)») in at least 9 of 10 filled rows is the number
 * column, when the header names none (Excel users leave «№» out).  Sets
 * map[F_NUMBER] and field[j]; true when one was found. */
bool imp_unlabelled_numbers(const irows *rs, size_t h, int map[F_N], int *field);
/* The column labelled «Раздел» (no field of its own) that names the section
 * of its row — written once on the first row of each section, the rows below
 * empty, as Excel exports a merged cell — or -1. */
int imp_section_column(const tbl *t);
/* Walks rows (h, end) after the header rows[h], filling t's sections and
 * activities; text below the table goes to t->trailing. */
void imp_process_rows(tbl *t, const irows *rs, size_t h, size_t end);
/* Vertically merged cells: Excel and Word write a merged cell's text in its
 * first row and leave the rows below it empty.  In the deadline and
 * responsible columns, an empty cell below a filled one in the same section
 * gets that text, when the column looks merged rather than sparse: filled in
 * at least half the activities, and no section starting with an empty cell
 * in it (such a cell has nothing above it to be merged with, so the column
 * has real gaps).  A group row («1.2.» above «1.2.1») is neither filled nor
 * filled from, and ends a run.  Each filled run is noted in t->dl; t->merged
 * counts the cells filled.  Call after imp_split_numbers. */
void imp_fill_merged(tbl *t);
/* In a table without a number column, activity texts that start with a
 * number as tables write it («1.2.», «3)», «4.» before a capital letter) lose
 * it to act.number — when at least half of the activities start so, so that
 * a text such as «2 раза в месяц …» or «5 классы» keeps its words. */
void imp_split_numbers(tbl *t);
/* Deadline cells holding a date in one of Excel's display formats — «01.09.2022
 * 0:00» (a date-time at midnight), «2022-09-01», «сен.22» — are written as
 * the deadline grammar reads them («01.09.2022», «сентябрь 2022 г.»); each is
 * noted, t->excel_dates counts them.  Any other text stays as written. */
void imp_excel_dates(tbl *t);
/* Other tables of a programme, told by their header row. */
enum { IMP_T_NONE, IMP_T_GOALS, IMP_T_INDICATORS };
/* IMP_T_GOALS for a header «Цели | Задачи», IMP_T_INDICATORS for one naming
 * indicators with a unit or year columns, else IMP_T_NONE. */
int imp_table_kind(const irow *r);

/* import_front.c */
void imp_find_title(pre *p);
/* The approval block in its forms («ПРИКАЗ … № …», «УТВЕРЖДЕН приказом … от
 * … № …», «УТВЕРЖДАЮ» with the signer) and the consideration stamps
 * («Рассмотрен … протокол № 1 от …», «СОГЛАСОВАНО»); marks the lines used. */
void imp_find_approval(pre *p);
/* p->kind from the title's first noun. */
void imp_find_kind(pre *p);
void imp_find_goal_tasks(pre *p);
void imp_pre_free(pre *p);
bool imp_year_in(const char *s, char out[10]);
/* Adds rows [from, to) of the text around the activity table to p: the rows
 * of a goals table («Цели | Задачи») fill goal and tasks, the rows of an
 * indicator table fill p->inds, two-cell passport rows («Цель программы |
 * …») fill goal/tasks or the passport chapter; every other row becomes a line
 * (its cells joined).  after: the rows are below the table.  a holds the
 * texts. */
void imp_front_rows(pre *p, arena *a, const irows *rs, size_t from, size_t to, bool after);
/* Adds the lines of text (one per line, as t->trailing holds them) below the
 * table, starting at source line `line`. */
void imp_front_text(pre *p, arena *a, const char *text, const int *lines, size_t nlines);
/* The lines no other finder used: before the table, text before the first
 * heading → intro; every heading («1. Обоснование», «Паспорт программы»,
 * «МЕХАНИЗМ РЕАЛИЗАЦИИ», «Приложение 1») starts a chapter with the lines up
 * to the next heading; a signature below the table fills the signer when the
 * approval has none. */
void imp_find_chapters(pre *p);
/* True when a line of plain text gives the contacts of whoever prepared the
 * document: «Исп. Петрова А.В.», «Исполнитель: Петрова А.В., тел. 8 (48236)
 * 2-15-17», «тел. 2-15-17», «e-mail: …», a line of a phone number alone.
 * imp_find_contacts marks such lines below the table (pline.contact). */
bool imp_contact_line(const char *plain);
/* A signature line: a position, a gap (a TAB, spaces, «____») and a name with
 * initials («Начальник управления образования ⇥ О.В. Кузнецова»): text below
 * a table, never a cell of it. */
bool imp_signature_line(const char *text);
/* The name of a signature line, trimmed, in the arena; NULL when there is no gap. */
const char *imp_signature_name(arena *a, const char *text);
/* Marks the contact lines below the table used (pline.contact): for the
 * addressee of the paper, not for readers of the site, so left out of the
 * document (the caller reports them).  Call before the other finders: a
 * contact line must not be read as a signer. */
void imp_find_contacts(pre *p);

/* import_yaml.c */
/* Appends the roadmap document to w->y: title, kind, approved, considered,
 * intro, goal, tasks, schools (all, once, when most activities are
 * addressed to every school), columns, chapters, sections; an activity that
 * names registry schools (w->o->registry) gets their ids. */
void imp_write_doc(writer *w, pre *p, const char *display);
/* Appends p's indicator table as indicators.yaml entries. */
void imp_indicators_yaml(const pre *p, buf *y);
/* Reports likely misreadings (empty sections, untitled activities, sections
 * made of body text, no deadline understood, more sections than activities)
 * as errors in the diag list with the rows concerned and what to try; counts
 * them in w->st->misreadings.  Call after imp_write_doc. */
void imp_judge(writer *w, const pre *p);

#endif
