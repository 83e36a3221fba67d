/* roadmap — command line.  Only this file prints diagnostics and exits. */
#include "buf.h"
#include "date.h"
#include "deadline.h"
#include "derive.h"
#include "diag.h"
#include "fsutil.h"
#include "import.h"
#include "import_schedule.h"
#include "load.h"
#include "output.h"
#include "pages.h"
#include "publish.h"
#include "ru.h"
#include "serve.h"
#include "starter.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define VERSION "0.1.0"

enum { EXIT_CONTENT = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

typedef struct opts {
	const char *content, *theme, *out, *edition;
	date today;
	int jobs, port;
	bool quiet, verbose;
	const char *schools, *indicators; /* import */
	bool force;
} opts;

static const char COMMANDS[] = "build, check, deadline, import, serve, new, help";

static const char USAGE[] =
	"Использование:\n"
	"  roadmap build    [-C CONTENT] [-t THEME] [-o OUT] [--today ГГГГ-ММ-ДД] [-j N] [-q] [-v]\n"
	"  roadmap check    [-C CONTENT] [--today ГГГГ-ММ-ДД]\n"
	"  roadmap deadline [-C CONTENT] [--edition ГГГГ-ГГГГ] ТЕКСТ…\n"
	"  roadmap import   [--edition ГГГГ-ГГГГ] [--schools CSV] [--indicators ФАЙЛ] [--force] [-o ФАЙЛ] ФАЙЛ\n"
	"  roadmap import   --schedule --school КОД [--edition ГГГГ-ГГГГ] [-o ФАЙЛ] ФАЙЛ\n"
	"  roadmap serve    [-C CONTENT] [-t THEME] [--port N] [--today ГГГГ-ММ-ДД]\n"
	"  roadmap new      ПАПКА\n"
	"  roadmap --help | --version | help КОМАНДА\n";

static const struct {
	const char *name, *text;
} HELP[] = {
	{"build", "roadmap build [-C CONTENT] [-t THEME] [-o OUT] [--today ГГГГ-ММ-ДД] [-j N] [-q] [-v]\n"
	          "  Проверяет содержимое и собирает сайт.\n"
	          "  -C CONTENT  папка с содержимым (по умолчанию текущая, если в ней есть site.yaml, иначе content)\n"
	          "  -t THEME    папка темы (по умолчанию тема, установленная вместе с программой)\n"
	          "  -o OUT      папка вывода (по умолчанию output); заменяется целиком после успешной сборки\n"
	          "  --today     дата «сегодня» для просрочки и ближайших сроков\n"
	          "              (иначе as_of из site.yaml, иначе SOURCE_DATE_EPOCH, иначе текущая дата)\n"
	          "  -j N        число потоков (по умолчанию — число процессоров)\n"
	          "  -q          ничего не печатать, кроме ошибок\n"
	          "  -v          печатать каждую записанную страницу\n"},
	{"check", "roadmap check [-C CONTENT] [--today ГГГГ-ММ-ДД]\n"
	          "  Проверяет всё содержимое, ничего не записывает; выводит все ошибки и предупреждения.\n"
	          "  -C CONTENT  папка с содержимым (по умолчанию текущая, если в ней есть site.yaml, иначе content)\n"
	          "  --today     дата «сегодня» (иначе as_of из site.yaml, SOURCE_DATE_EPOCH или текущая дата)\n"},
	{"deadline", "roadmap deadline [-C CONTENT] [--edition ГГГГ-ГГГГ] ТЕКСТ…\n"
	             "  Показывает, как понят срок: по одному объекту JSON на строку.\n"
	             "  -C CONTENT  папка с содержимым (по умолчанию текущая, если в ней есть site.yaml):\n"
	             "              срок читается, как при сборке, — с периодом, четвертями (school_terms)\n"
	             "              и отчётным периодом редакции из её edition.yaml; без папки — период\n"
	             "              1 сентября – 31 августа и четверти по умолчанию\n"
	             "  --edition   редакция: учебный год (2021-2022) или несколько лет (2022-2024);\n"
	             "              по умолчанию — действующая редакция сайта, а без папки — текущий учебный год\n"},
	{"import", "roadmap import [--edition ГГГГ-ГГГГ] [--schools schools.csv] [--indicators ФАЙЛ] [--force]\n"
	           "               [-o ФАЙЛ] ФАЙЛ-С-ТАБЛИЦЕЙ   (параметры в любом порядке)\n"
	           "  Превращает дорожную карту или программу в документ YAML для папки editions/ГГГГ-ГГГГ/:\n"
	           "  утверждение, рассмотрение, цель, задачи, главы текста, разделы и мероприятия.\n"
	           "  Читает документ Word (.docx) и книгу Excel (.xlsx) как есть, таблицу Excel в CSV/TSV\n"
	           "  (UTF-8 или Windows-1251) и таблицу из Word, сохранённую как текст (ячейки через\n"
	           "  табуляцию или по одной в строке).\n"
	           "  --edition   учебный год, в котором читать сроки (по умолчанию — из заголовка)\n"
	           "  -o ФАЙЛ     записать в новый файл (существующий файл не перезаписывается);\n"
	           "              без -o документ выводится на стандартный вывод\n"
	           "  --schools   реестр школ: мероприятиям, где названы школы («ОУ №№ 4, 7»), пишутся их коды\n"
	           "  --indicators ФАЙЛ  куда записать таблицу показателей программы (для indicators.yaml);\n"
	           "              без него показатели выводятся в stderr после сводки\n"
	           "  --force     записать документ, даже если он, похоже, прочитан неверно\n"
	           "  Сводка (разделы, мероприятия, нераспознанные сроки, объединённые строки, не перенесённые\n"
	           "  контакты исполнителя «Исп. …, тел. …») — в stderr;\n"
	           "  если документ, похоже, прочитан неверно — отчёт о строках и код выхода 1, ничего не записано.\n"
	           "\nroadmap import --schedule --school КОД [--edition ГГГГ-ГГГГ] [-o ФАЙЛ] ФАЙЛ-С-ТАБЛИЦЕЙ\n"
	           "  Превращает график оценочных процедур школы из Excel (классы × даты или листы по месяцам,\n"
	           "  сохранённые как CSV) в файл editions/ГГГГ-ГГГГ/schedule/КОД.csv.\n"
	           "  --school    код школы из schools.csv (обязателен)\n"
	           "  --edition   учебный год для дат без года («15.03»), если он не назван в файле\n"
	           "  -o ФАЙЛ     записать в новый файл; без -o график выводится на стандартный вывод\n"},
	{"serve", "roadmap serve [-C CONTENT] [-t THEME] [--port N] [--today ГГГГ-ММ-ДД]\n"
	          "  Собирает сайт во временную папку и показывает его в браузере по адресу\n"
	          "  http://127.0.0.1:ПОРТ/ (только на этом компьютере).  После каждого сохранения\n"
	          "  файла в папке содержимого или темы сайт пересобирается, а открытая страница\n"
	          "  обновляется сама; пока в содержимом есть ошибки, вместо сайта показан их список.\n"
	          "  Остановить — Ctrl+C (временная папка удаляется).\n"
	          "  -C CONTENT  папка с содержимым (по умолчанию текущая, если в ней есть site.yaml, иначе content)\n"
	          "  -t THEME    папка темы (по умолчанию тема, установленная вместе с программой)\n"
	          "  --port N    порт (по умолчанию 1313; если занят — следующий свободный)\n"
	          "  --today     дата «сегодня» (иначе as_of из site.yaml, SOURCE_DATE_EPOCH или текущая дата)\n"},
	{"new", "roadmap new ПАПКА\n  Создаёт заготовку сайта: site.yaml, schools.csv, одну редакцию, одну страницу.\n"},
};

/* The default theme: beside the program in the source tree (./roadmap →
 * ./themes/default; build-asan/roadmap → ./themes/default) or in the installed
 * layout (<prefix>/bin/roadmap → <prefix>/share/roadmap/themes/default); the
 * folder themes/default of the current folder when none exists.  Heap string. */
static char *default_theme(void)
{
	static const char *const rel[] = {"themes/default", "../share/roadmap/themes/default", "../themes/default"};
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		for (size_t i = 0; i < ARRAY_LEN(rel); i++) {
			char *p = fs_join(exe, rel[i]);
			if (fs_is_dir(p))
				return p;
			free(p);
		}
	}
	return xstrdup("themes/default");
}

/* The default content folder: the current one when it holds site.yaml. */
static const char *default_content(void)
{
	return fs_exists("site.yaml") ? "." : "content";
}

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "roadmap: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", USAGE);
	return EXIT_USAGE;
}

/* A whole decimal number from min to max in arg, into *out; false otherwise. */
static bool int_option(const char *arg, long min, long max, int *out)
{
	char *end;
	long n = strtol(arg, &end, 10);
	if (end == arg || *end || n < min || n > max)
		return false;
	*out = (int)n;
	return true;
}

static date default_today(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t;
	struct tm tm;
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long v = strtoll(sde, &end, 10);
		if (!*end && !errno && v >= 0) {
			t = (time_t)v;
			gmtime_r(&t, &tm);
			return (date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
		}
	}
	t = time(NULL);
	localtime_r(&t, &tm);
	return (date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

/* Parses options of build/check/deadline; returns the index of the first
 * operand, or -1 after printing a usage error. */
static int parse_opts(int argc, char **argv, opts *o, const char *allowed)
{
	static const struct option longs[] = {
		{"today", required_argument, NULL, 'T'}, {"edition", required_argument, NULL, 'E'},
		{"port", required_argument, NULL, 'P'}, {"schools", required_argument, NULL, 'S'},
		{"indicators", required_argument, NULL, 'I'}, {"force", no_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	/* No leading '+': options may come before or after the file arguments
	 * (getopt permutes them); "--" ends the options. */
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":C:t:o:j:qv", longs, NULL)) != -1) {
		if (c != '?' && c != ':' && c != 'h' && !strchr(allowed, c)) {
			char opt[16];
			snprintf(opt, sizeof opt, c == 'T' ? "--today" : c == 'E' ? "--edition" : c == 'P' ? "--port"
			         : c == 'S' ? "--schools" : c == 'I' ? "--indicators" : c == 'F' ? "--force" : "-%c", c);
			usage_error("параметр %s не подходит к этой команде", opt);
			return -1;
		}
		switch (c) {
		case 'C': o->content = optarg; break;
		case 't': o->theme = optarg; break;
		case 'o': o->out = optarg; break;
		case 'q': o->quiet = true; break;
		case 'v': o->verbose = true; break;
		case 'E': o->edition = optarg; break;
		case 'S': o->schools = optarg; break;
		case 'I': o->indicators = optarg; break;
		case 'F': o->force = true; break;
		case 'j':
			if (!int_option(optarg, 1, 64, &o->jobs)) {
				usage_error("-j: ожидалось число потоков от 1 до 64, а не «%s»", optarg);
				return -1;
			}
			break;
		case 'T':
			if (date_parse(optarg, &o->today) != 1) {
				usage_error("--today: ожидалась дата ГГГГ-ММ-ДД, а не «%s»", optarg);
				return -1;
			}
			break;
		case 'P':
			if (!int_option(optarg, 0, 65535, &o->port)) {
				usage_error("--port: ожидался номер порта от 1 до 65535, а не «%s»", optarg);
				return -1;
			}
			break;
		case 'h': {
			for (size_t i = 0; i < ARRAY_LEN(HELP); i++)
				if (!strcmp(HELP[i].name, argv[0])) {
					fputs(HELP[i].text, stdout);
					exit(0);
				}
			fputs(USAGE, stdout);
			exit(0);
		}
		case ':':
			usage_error("параметру %s нужно значение", argv[optind - 1]);
			return -1;
		default:
			usage_error("неизвестный параметр %s", argv[optind - 1]);
			return -1;
		}
	}
	return optind;
}

/* -q keeps the errors only. */
static void print_diags(diag_list *dl, const char *content, bool quiet)
{
	diag_sort(dl);
	char *prefix = str_ends(content, "/") ? xstrdup(content) : xasprintf("%s/", content);
	if (!strcmp(content, "."))
		prefix[0] = '\0';
	diag_print_upto(dl, prefix, quiet ? DIAG_ERROR : DIAG_NOTE, stderr);
	free(prefix);
}

/* Loads and checks the content of o; when out is not NULL also writes the
 * site there.  Prints the diagnostics (they stay in dl) and the summary line.
 * Returns the exit code. */
static int run_build(const opts *o, const char *out, diag_list *dl)
{
	bool build = out != NULL;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	site *s = site_load(o->content, o->today, default_today(), dl);
	site_derive(s, dl);
	theme th = {0};
	long pages = 0, changed = 0;
	int rc = 0;
	if (!dl->errors && build) {
		char *overrides = fs_join(o->content, "layouts");
		theme_load(&th, o->theme, overrides, dl);
		free(overrides);
	}
	if (!dl->errors && build) {
		output *w = output_begin(out, o->content, dl);
		if (w) {
			arena *pa = arena_new();
			page_plan plan = pages_plan(s, pa);
			long jobs = o->jobs ? o->jobs : sysconf(_SC_NPROCESSORS_ONLN);
			pages = render_site(s, &th, &plan, w, (int)(jobs > 0 ? jobs : 1), o->verbose, &changed, dl);
			if (pages < 0) {
				output_abort(w);
				rc = EXIT_IO;
			} else if (output_commit(w, dl) != 0) {
				rc = EXIT_IO;
			}
			arena_free(pa);
		} else {
			rc = EXIT_IO;
		}
	}
	print_diags(dl, o->content, o->quiet);
	if (dl->errors && !rc)
		rc = EXIT_CONTENT;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (!o->quiet && !rc) {
		if (build) {
			fprintf(stderr, "roadmap: записано страниц: %ld; редакций: %zu; школ: %zu; предупреждений: %zu; %.2f с\n",
			        pages, s->neds, s->nschools, dl->warnings, secs);
			/* «0 страниц изменено»: only these files got new bytes; the
			 * others kept their file and modification time. */
			buf m = BUF_INIT;
			ru_count(&m, changed, "страница", "страницы", "страниц");
			fprintf(stderr, "roadmap: %s %s\n", buf_cstr(&m), ru_plural(changed, "изменена", "изменены", "изменено"));
			buf_free(&m);
		}
		else
			fprintf(stderr, "roadmap: ошибок нет; предупреждений: %zu\n", dl->warnings);
	} else if (dl->errors) {
		fprintf(stderr, "roadmap: ошибок: %zu; сайт не записан\n", dl->errors);
	}
	if (build)
		theme_free(&th);
	site_free(s);
	return rc;
}

/* The options of a command that works on the content folder (check, build,
 * serve): parsed with the given letters, no file arguments, and the default
 * theme when -t is not given (*found: that heap path, or NULL; caller frees).
 * Returns 0, or the exit code after printing why. */
static int site_opts(int argc, char **argv, opts *o, const char *letters, char **found)
{
	*found = NULL;
	int first = parse_opts(argc, argv, o, letters);
	if (first < 0)
		return EXIT_USAGE;
	if (first < argc)
		return usage_error("лишний аргумент %s (файлы не нужны: папку с содержимым задаёт -C)", argv[first]);
	*found = o->theme ? NULL : default_theme();
	if (*found)
		o->theme = *found;
	return 0;
}

static int cmd_check(int argc, char **argv, bool build)
{
	opts o = {default_content(), NULL, "output", NULL, DATE_NONE, 0, 0, false, false, NULL, NULL, false};
	char *found;
	int bad = site_opts(argc, argv, &o, build ? "Ctojqv T" : "C T", &found);
	if (bad)
		return bad;
	diag_list dl = DIAG_LIST_INIT;
	int rc = run_build(&o, build ? o.out : NULL, &dl);
	diag_list_free(&dl);
	free(found);
	return rc;
}

static int serve_build(void *ctx, const char *out, diag_list *dl)
{
	return run_build(ctx, out, dl);
}

static int cmd_serve(int argc, char **argv)
{
	opts o = {default_content(), NULL, NULL, NULL, DATE_NONE, 0, 1313, false, false, NULL, NULL, false};
	char *found;
	int bad = site_opts(argc, argv, &o, "CtTP", &found);
	if (bad)
		return bad;
	serve_opts so = {o.content, o.theme, o.port, serve_build, &o};
	int rc = serve_run(&so);
	free(found);
	return rc;
}

/* `roadmap deadline`: with a content folder (-C, or the current folder when
 * it holds site.yaml) the phrases are read in that site's edition (--edition,
 * else its current one) as `build` reads them: its period, school_terms and
 * reporting unit; without one, in the edition's default period and terms. */
static int cmd_deadline(int argc, char **argv)
{
	opts o = {0};
	int first = parse_opts(argc, argv, &o, "EC");
	if (first < 0)
		return EXIT_USAGE;
	if (first >= argc)
		return usage_error("%s", "нужен хотя бы один текст срока");
	date start, end;
	if (o.edition && !deadline_edition_period(o.edition, &start, &end))
		return usage_error("--edition: ожидался учебный год вида 2021-2022, а не «%s»", o.edition);
	if (!o.content && fs_exists("site.yaml"))
		o.content = ".";
	site *s = NULL;
	dl_context cx;
	if (o.content) {
		diag_list dl = DIAG_LIST_INIT;
		s = site_load_edition_time(o.content, o.edition, &dl);
		print_diags(&dl, o.content, false);
		size_t errors = dl.errors;
		diag_list_free(&dl);
		if (errors || !s->current) {
			fprintf(stderr, "roadmap: ошибок: %zu; сроки не прочитаны\n", errors);
			site_free(s);
			return EXIT_CONTENT;
		}
		cx = s->current->dlc;
	} else {
		if (!o.edition) {
			date t = default_today();
			int y = t.m >= 9 ? t.y : t.y - 1;
			start = (date){y, 9, 1}, end = (date){y + 1, 8, 31};
		}
		cx = (dl_context){.start = start, .end = end};
	}
	buf b = BUF_INIT;
	for (int i = first; i < argc; i++) {
		deadline d;
		deadline_parse_in(argv[i], &cx, &d);
		buf_reset(&b);
		deadline_json(&d, argv[i], &b);
		puts(buf_cstr(&b));
		deadline_free(&d);
	}
	buf_free(&b);
	site_free(s);
	return 0;
}

/* Writes data to a new file through the one safe writer (output_create_file:
 * no command overwrites a file or writes through a symbolic link; a failed
 * write leaves no file).  Returns 0, or EXIT_IO after printing why. */
static int write_new_file(const char *path, const buf *data)
{
	if (output_create_file(AT_FDCWD, path, data->data ? data->data : "", data->len) == 0)
		return 0;
	if (errno == EEXIST) {
		fprintf(stderr, "roadmap: файл %s уже существует; import не перезаписывает файлы — укажите новое имя\n",
		        path);
		return EXIT_IO;
	}
	fprintf(stderr, "roadmap: не удалось записать файл %s: %s\n", path, strerror(errno));
	return EXIT_IO;
}

static int cmd_help(const char *topic);

/* roadmap import --schedule: options of its own, so the roadmap importer's
 * stay as they are. */
static int cmd_import_schedule(int argc, char **argv)
{
	static const struct option longs[] = {
		{"schedule", optional_argument, NULL, 'D'}, {"school", required_argument, NULL, 'K'},
		{"edition", required_argument, NULL, 'E'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	const char *sc_id = NULL, *ed_id = NULL, *out = NULL, *file = NULL;
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":o:", longs, NULL)) != -1) {
		switch (c) {
		case 'D': file = optarg ? optarg : file; break;
		case 'K': sc_id = optarg; break;
		case 'E': ed_id = optarg; break;
		case 'o': out = optarg; break;
		case 'h': return cmd_help("import");
		case ':': return usage_error("параметру %s нужно значение", argv[optind - 1]);
		default: return usage_error("параметр %s не подходит к import --schedule", argv[optind - 1]);
		}
	}
	if (optind < argc && !file)
		file = argv[optind++];
	if (!file || optind < argc)
		return usage_error("%s", file ? "команде import --schedule нужен ровно один файл с таблицей"
		                              : "команде import --schedule нужен файл с таблицей");
	if (!sc_id)
		return usage_error("%s", "import --schedule: укажите код школы, например --school sosh-4");
	date start, end;
	if (ed_id && !deadline_edition_period(ed_id, &start, &end))
		return usage_error("--edition: ожидался учебный год вида 2021-2022, а не «%s»", ed_id);
	date t = default_today();
	int y = t.m >= 9 ? t.y : t.y - 1;
	char fallback[32];
	snprintf(fallback, sizeof fallback, "%04d-%04d", y, y + 1);
	sched_import_opts io = {sc_id, ed_id, fallback};
	sched_import_stats st;
	diag_list dl = DIAG_LIST_INIT;
	buf csv = BUF_INIT;
	int r = import_schedule_file(file, &io, &csv, &st, &dl);
	diag_print(&dl, "", stderr);
	int rc = r == -2 ? EXIT_IO : r ? EXIT_CONTENT : 0;
	if (!rc && out)
		rc = write_new_file(out, &csv);
	else if (!rc && (fwrite(csv.data, 1, csv.len, stdout) != csv.len || fflush(stdout) != 0)) {
		fprintf(stderr, "roadmap: не удалось вывести график: %s\n", strerror(errno));
		rc = EXIT_IO;
	}
	if (!rc) {
		fprintf(stderr, "roadmap: импорт графика %s (%s): процедур: %zu; классов: %zu", file, st.shape, st.rows,
		        st.classes);
		if (st.months)
			fprintf(stderr, "; месяцев: %zu", st.months);
		fprintf(stderr, "; даты без года прочитаны для %s учебного года%s%s\n", st.edition, out ? "; записан " : "",
		        out ? out : "");
	}
	else if (r)
		fprintf(stderr, "roadmap: импорт графика %s не выполнен; ничего не записано\n", file);
	buf_free(&csv);
	diag_list_free(&dl);
	return rc;
}

static int cmd_import(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--schedule") || !strncmp(argv[i], "--schedule=", 11))
			return cmd_import_schedule(argc, argv);
	opts o = {0};
	int first = parse_opts(argc, argv, &o, "EoSIF");
	if (first < 0)
		return EXIT_USAGE;
	if (first + 1 != argc)
		return usage_error("%s", first >= argc ? "команде import нужен файл с таблицей"
		                                        : "команде import нужен ровно один файл с таблицей");
	date start, end;
	if (o.edition && !deadline_edition_period(o.edition, &start, &end))
		return usage_error("--edition: ожидался учебный год вида 2021-2022, а не «%s»", o.edition);
	date t = default_today();
	int y = t.m >= 9 ? t.y : t.y - 1;
	char fallback[32];
	snprintf(fallback, sizeof fallback, "%04d-%04d", y, y + 1);
	diag_list dl = DIAG_LIST_INIT;
	struct site *reg = NULL;
	if (o.schools) {
		reg = import_registry_load(o.schools, &dl);
		if (!reg) {
			diag_print(&dl, "", stderr);
			diag_list_free(&dl);
			return EXIT_CONTENT;
		}
	}
	buf inds = BUF_INIT;
	import_opts io = {o.edition, fallback, reg, &inds, o.force};
	buf yaml = BUF_INIT;
	import_stats st;
	int r = import_file(argv[first], NULL, &io, &yaml, &st, &dl);
	diag_print(&dl, "", stderr);
	int rc = r == IMPORT_IO ? EXIT_IO : r != IMPORT_OK ? EXIT_CONTENT : 0;
	/* The indicator table goes to --indicators, else to stderr: a file
	 * beside -o in an edition folder would be read as a document. */
	const char *ipath = !rc && inds.len ? o.indicators : NULL;
	if (!rc && o.out) {
		rc = write_new_file(o.out, &yaml);
	} else if (!rc && (fwrite(yaml.data, 1, yaml.len, stdout) != yaml.len || fflush(stdout) != 0)) {
		fprintf(stderr, "roadmap: не удалось вывести документ: %s\n", strerror(errno));
		rc = EXIT_IO;
	}
	if (!rc && ipath)
		rc = write_new_file(ipath, &inds);
	if (!rc) {
		fprintf(stderr,
		        "roadmap: импорт %s (%s): разделов: %zu; мероприятий: %zu; объединено строк-продолжений: %zu; "
		        "не распознано сроков: %zu (сроки прочитаны для %s учебного года)",
		        argv[first], st.layout ? st.layout : "", st.sections, st.activities, st.continuations,
		        st.unknown_deadlines, st.edition);
		if (st.merged)
			fprintf(stderr, "; заполнено из объединённых ячеек: %zu", st.merged);
		if (st.remnants)
			fprintf(stderr, "; убрано остатков Word: %zu", st.remnants);
		if (st.contacts)
			fprintf(stderr, "; не перенесено строк с контактами исполнителя: %zu", st.contacts);
		if (st.considered)
			fprintf(stderr, "; отметок о рассмотрении: %zu", st.considered);
		if (st.chapters)
			fprintf(stderr, "; глав текста: %zu", st.chapters);
		if (st.schools_all)
			fprintf(stderr, "; schools: all — %s", st.schools_all == 1 && !st.sections ? "" : "записано");
		if (st.school_ids)
			fprintf(stderr, "; мероприятий с кодами школ: %zu", st.school_ids);
		if (st.indicators)
			fprintf(stderr, "; показателей: %zu%s%s", st.indicators, ipath ? " — записаны в " : "",
			        ipath ? ipath : "");
		if (o.out)
			fprintf(stderr, "; записан %s", o.out);
		fputc('\n', stderr);
		if (st.indicators && !ipath)
			fprintf(stderr, "roadmap: показатели для indicators.yaml (укажите --indicators ФАЙЛ, чтобы "
			                "записать их в файл):\n%s",
			        buf_cstr(&inds));
	} else if (r == IMPORT_MISREAD) {
		fprintf(stderr, "roadmap: импорт %s не выполнен: документ, похоже, прочитан неверно; ничего не записано "
		                "(с --force документ будет записан как есть)\n",
		        argv[first]);
	} else if (r != IMPORT_OK) {
		fprintf(stderr, "roadmap: импорт %s не выполнен\n", argv[first]);
	}
	buf_free(&inds);
	buf_free(&yaml);
	import_registry_free(reg);
	diag_list_free(&dl);
	return rc;
}

static int cmd_help(const char *topic);

static int cmd_new(int argc, char **argv)
{
	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
		return cmd_help("new");
	if (argc != 2)
		return usage_error("%s", "команде new нужна ровно одна папка");
	diag_list dl = DIAG_LIST_INIT;
	int rc = starter_create(argv[1], &dl) == 0 ? 0 : EXIT_IO;
	diag_print(&dl, "", stderr);
	diag_list_free(&dl);
	if (!rc)
		fprintf(stderr, "roadmap: заготовка сайта создана в %s; проверьте её: roadmap check -C %s\n", argv[1],
		        argv[1]);
	return rc;
}

static int cmd_help(const char *topic)
{
	for (size_t i = 0; topic && i < ARRAY_LEN(HELP); i++) {
		if (!strcmp(HELP[i].name, topic)) {
			fputs(HELP[i].text, stdout);
			return 0;
		}
	}
	if (topic) {
		fprintf(stderr, "roadmap: неизвестная команда «%s»; команды: %s\n", topic, COMMANDS);
		return EXIT_USAGE;
	}
	fputs(USAGE, stdout);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("%s", "не указана команда");
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h"))
		return cmd_help(NULL);
	if (!strcmp(cmd, "--version")) {
		puts("roadmap " VERSION);
		return 0;
	}
	if (!strcmp(cmd, "help"))
		return cmd_help(argc > 2 ? argv[2] : NULL);
	if (!strcmp(cmd, "build"))
		return cmd_check(argc - 1, argv + 1, true);
	if (!strcmp(cmd, "check"))
		return cmd_check(argc - 1, argv + 1, false);
	if (!strcmp(cmd, "deadline"))
		return cmd_deadline(argc - 1, argv + 1);
	if (!strcmp(cmd, "import"))
		return cmd_import(argc - 1, argv + 1);
	if (!strcmp(cmd, "serve"))
		return cmd_serve(argc - 1, argv + 1);
	if (!strcmp(cmd, "new"))
		return cmd_new(argc - 1, argv + 1);
	fprintf(stderr, "roadmap: неизвестная команда «%s»; команды: %s\n%s", cmd, COMMANDS, USAGE);
	return EXIT_USAGE;
}
