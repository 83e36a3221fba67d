/* fuzz_build.c — libFuzzer target for the whole build on a small site.
 *
 * The input is a little archive of content files:
 *
 *     ### site.yaml
 *     title: …
 *     ### schools.csv
 *     id,name
 *     …
 *
 * Each "### NAME" line at the start of a line opens a file (NAME: lower-case
 * letters, digits, '-', '_', '.', '/', no "..", no leading '/', at most 120
 * bytes; anything else drops the file).  The files are written into a private
 * folder on tmpfs (/dev/shm, else /tmp), then the site is loaded (site_load,
 * every loader) and derived (site_derive), and when it has no errors every page of the plan is built
 * (page_view) and rendered with the default theme, in memory: nothing is
 * written by output.c, whose own rules the e2e and hostile tests cover.
 *
 * Oracles: the render succeeds; every HTML and XML page holds only elements
 * and attributes that the theme's templates, the C code's own markup (charts)
 * or cmark use, no on* attribute
 * and no javascript:/vbscript:/data: URL (oracle.h); every calendar (.ics,
 * written by page_raw) is well-formed RFC 5545 line structure; every JSON
 * export parses (jansson); no CSV export field starts a formula. */
#include "derive.h"
#include "load.h"
#include "pages.h"
#include "publish.h"
#include "oracle.h"

#include <dirent.h>
#ifdef FUZZ_HAVE_JANSSON /* run.sh: jansson is among the Makefile's packages */
#include <jansson.h>
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef FUZZ_THEME_DIR
#define FUZZ_THEME_DIR "themes/default"
#endif
#ifndef FUZZ_SRC_DIR
#define FUZZ_SRC_DIR "generator"
#endif

static theme th;
static oracle orc;
static char root[256];

/* Removes everything under dir (not dir itself); no symlinks are created. */
static void clear_dir(const char *dir, int depth)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char p[1024];
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode) && depth < 16) {
			clear_dir(p, depth + 1);
			rmdir(p);
		} else {
			unlink(p);
		}
	}
	closedir(d);
}

/* Strips {{…}} and {{{…}}} tags so that the theme's HTML can be scanned. */
static char *strip_mustache(const char *s)
{
	size_t n = strlen(s);
	char *o = malloc(n + 1), *w = o;
	for (size_t i = 0; i < n;) {
		if (s[i] == '{' && s[i + 1] == '{') {
			const char *close = s[i + 2] == '{' ? "}}}" : "}}";
			const char *e = strstr(s + i + 2, close);
			if (e) {
				i = (size_t)(e - s) + strlen(close);
				continue;
			}
		}
		*w++ = s[i++];
	}
	*w = '\0';
	return o;
}

static void learn_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (!(l > 5 && !strcmp(e->d_name + l - 5, ".html")) && !(l > 4 && !strcmp(e->d_name + l - 4, ".xml")))
			continue;
		char p[1024];
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		FILE *f = fopen(p, "rb");
		if (!f)
			continue;
		char *src = calloc(1, 1 << 20);
		fread(src, 1, (1 << 20) - 1, f);
		fclose(f);
		char *html = strip_mustache(src);
		oracle_scan(&orc, html, 1);
		free(html);
		free(src);
	}
	closedir(d);
}

static void cleanup(void)
{
	clear_dir(root, 0);
	rmdir(root);
	theme_free(&th);
}

/* Learns the names the C code writes itself (inline SVG charts): in each
 * string literal of generator/<stage>/*.c, a name after '<' is an element and a name
 * before '="' an attribute. */
static void learn_literal(const char *lit, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (lit[i] == '<' && i + 1 < n && isalpha((unsigned char)lit[i + 1])) {
			size_t e = i + 1;
			while (e < n && isalnum((unsigned char)lit[e]))
				e++;
			oracle_add(orc.tags, &orc.ntags, lit + i + 1, e - i - 1);
		} else if (lit[i] == '=' && i + 1 < n && lit[i + 1] == '"') {
			size_t b = i;
			while (b > 0 && (isalnum((unsigned char)lit[b - 1]) || lit[b - 1] == '-' || lit[b - 1] == ':'))
				b--;
			if (b < i && (b == 0 || isspace((unsigned char)lit[b - 1])))
				oracle_add(orc.attrs, &orc.nattrs, lit + b, i - b);
		}
	}
}

/* dir and its stage folders (one level down). */
static void learn_sources(const char *dir, int depth)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		char p[1024];
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (depth == 0 && e->d_name[0] != '.' && e->d_type == DT_DIR) {
			learn_sources(p, 1);
			continue;
		}
		if (l < 3 || strcmp(e->d_name + l - 2, ".c"))
			continue;
		FILE *f = fopen(p, "rb");
		if (!f)
			continue;
		char *src = calloc(1, 1 << 20), *lit = malloc(1 << 20);
		size_t n = fread(src, 1, (1 << 20) - 1, f);
		fclose(f);
		for (size_t i = 0; i < n; i++) {
			if (src[i] == '\'' ) { /* a character literal: '"' or '\'' */
				i += src[i + 1] == '\\' ? 3 : 2;
				continue;
			}
			if (src[i] != '"')
				continue;
			size_t k = 0;
			for (i++; i < n && src[i] != '"' && src[i] != '\n'; i++) {
				if (src[i] == '\\' && i + 1 < n)
					i++; /* \" is a quote in the text */
				lit[k++] = src[i];
			}
			learn_literal(lit, k);
		}
		free(lit);
		free(src);
	}
	closedir(d);
}

/* Folders of earlier runs that crashed (atexit does not run on abort). */
static void remove_dead(const char *base)
{
	DIR *d = opendir(base);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		long pid;
		char tail;
		if (sscanf(e->d_name, "roadmap-fuzz-build-%ld%c", &pid, &tail) != 1 || pid <= 0 ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		char p[512];
		snprintf(p, sizeof p, "%s/%s", base, e->d_name);
		clear_dir(p, 0);
		rmdir(p);
	}
	closedir(d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	remove_dead(base);
	snprintf(root, sizeof root, "%s/roadmap-fuzz-build-%ld", base, (long)getpid());
	mkdir(root, 0700);
	diag_list dl = DIAG_LIST_INIT;
	if (theme_load(&th, FUZZ_THEME_DIR, NULL, &dl) != 0) {
		fprintf(stderr, "fuzz_build: cannot load the theme %s\n", FUZZ_THEME_DIR);
		exit(1);
	}
	diag_list_free(&dl);
	oracle_init_md(&orc);
	learn_dir(FUZZ_THEME_DIR);
	learn_dir(FUZZ_THEME_DIR "/partials");
	learn_sources(FUZZ_SRC_DIR, 0);
	atexit(cleanup);
	return 0;
}

/* RFC 5545 structure: CRLF everywhere, lines of at most 75 octets, each a
 * continuation (leading space) or NAME[;params]:value, BEGIN/END balanced. */
static void check_ics(const char *s, size_t len)
{
	int depth = 0;
	for (size_t i = 0; i < len;) {
		const char *e = memchr(s + i, '\n', len - i);
		if (!e || e == s + i || e[-1] != '\r')
			oracle_fail("ics: line not ended by CRLF", s + i, s);
		size_t n = (size_t)(e - 1 - (s + i));
		const char *l = s + i;
		if (n > 75 || memchr(l, '\r', n))
			oracle_fail("ics: line too long or bare CR", l, s);
		if (l[0] != ' ') {
			size_t k = 0;
			while (k < n && ((l[k] >= 'A' && l[k] <= 'Z') || l[k] == '-'))
				k++;
			if (!k || k == n || (l[k] != ':' && l[k] != ';'))
				oracle_fail("ics: not a content line", l, s);
			if (n >= 6 && !memcmp(l, "BEGIN:", 6))
				depth++;
			if (n >= 4 && !memcmp(l, "END:", 4) && --depth < 0)
				oracle_fail("ics: END without BEGIN", l, s);
		}
		i = (size_t)(e - s) + 1;
	}
	if (depth)
		oracle_fail("ics: BEGIN without END", s, s);
}

/* Exported tables: every field quoted or not, none may start a formula
 * (= + - @ TAB CR) — escape_csv puts a ' before those — and quotes balance. */
static void check_csv(const char *s, size_t len)
{
	size_t i = 0;
	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len) {
		/* at the start of a field */
		if (strchr("=+-@\t", s[i]) && s[i] != '\0')
			oracle_fail("csv: a field starts a formula", s + i, s);
		if (s[i] == '"') {
			i++;
			if (i < len && strchr("=+-@\t\r", s[i]) && s[i] != '\0')
				oracle_fail("csv: a quoted field starts a formula", s + i, s);
			for (;; i++) {
				if (i >= len)
					oracle_fail("csv: quote not closed", s + len, s);
				if (s[i] == '"') {
					if (i + 1 < len && s[i + 1] == '"')
						i++;
					else
						break;
				}
			}
			i++;
		} else {
			while (i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n')
				i++;
		}
		if (i < len && s[i] == ',')
			i++;
		else if (i + 1 < len && s[i] == '\r' && s[i + 1] == '\n')
			i += 2;
		else if (i < len)
			oracle_fail("csv: junk after a field", s + i, s);
	}
}

static int name_ok(const char *s, size_t n)
{
	if (!n || n > 120 || s[0] == '/' || s[n - 1] == '/')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '/'))
			return 0;
		if (c == '.' && i + 1 < n && s[i + 1] == '.')
			return 0;
		if (c == '/' && i + 1 < n && s[i + 1] == '/')
			return 0;
	}
	return 1;
}

static void write_file(const char *name, size_t nlen, const char *data, size_t len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%.*s", root, (int)nlen, name);
	for (char *p = path + strlen(root) + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(path, 0700);
		*p = '/';
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
	if (fd < 0)
		return;
	if (write(fd, data, len) != (ssize_t)len) {
		/* tmpfs full: the file is short, which is just another input */
	}
	close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	clear_dir(root, 0);
	const char *p = (const char *)data, *end = p + size;
	/* Find "### " at line starts. */
	const char *cur_name = NULL, *body = NULL;
	size_t cur_len = 0;
	for (const char *q = p; q <= end; q++) {
		bool at_header = q + 4 <= end && (q == p || q[-1] == '\n') && !memcmp(q, "### ", 4);
		if (!at_header && q < end)
			continue;
		if (cur_name && body && name_ok(cur_name, cur_len))
			write_file(cur_name, cur_len, body, (size_t)(q - body));
		if (q == end)
			break;
		cur_name = q + 4;
		const char *nl = memchr(cur_name, '\n', (size_t)(end - cur_name));
		cur_len = (size_t)((nl ? nl : end) - cur_name);
		body = nl ? nl + 1 : end;
		q = body - 1;
	}
	diag_list dl = DIAG_LIST_INIT;
	site *s = site_load(root, (date){2022, 3, 15}, DATE_NONE, &dl);
	site_derive(s, &dl);
	if (!dl.errors) {
		arena *pa = arena_new();
		page_plan plan = pages_plan(s, pa);
		for (size_t i = 0; i < plan.n; i++) {
			const page_job *j = &plan.jobs[i];
			arena *a = arena_new();
			buf out = BUF_INIT;
			int rc = MUSTACHE_OK;
			if (page_template(j->kind))
				rc = mustache_render(th.set, page_template(j->kind), page_view(s, &plan, j, a), &out);
			else
				page_raw(s, j, &out);
			if (rc != MUSTACHE_OK) {
				fprintf(stderr, "fuzz_build: %s: render failed: %d\n", j->path, rc);
				abort();
			}
			size_t pl = strlen(j->path);
			if ((pl > 5 && !strcmp(j->path + pl - 5, ".html")) || (pl > 4 && !strcmp(j->path + pl - 4, ".xml")))
				oracle_scan(&orc, buf_cstr(&out), 0);
			else if (pl > 4 && !strcmp(j->path + pl - 4, ".ics"))
				check_ics(buf_cstr(&out), out.len);
			else if (pl > 4 && !strcmp(j->path + pl - 4, ".csv"))
				check_csv(buf_cstr(&out), out.len);
#ifdef FUZZ_HAVE_JANSSON
			else if (pl > 5 && !strcmp(j->path + pl - 5, ".json")) {
				json_error_t jerr;
				json_t *doc = json_loadb(out.data ? out.data : "", out.len, 0, &jerr);
				if (!doc) {
					fprintf(stderr, "fuzz_build: %s: invalid JSON: %s at %d:%d\n", j->path, jerr.text,
					        jerr.line, jerr.column);
					abort();
				}
				json_decref(doc);
			}
#endif
			buf_free(&out);
			arena_free(a);
		}
		arena_free(pa);
	}
	site_free(s);
	diag_list_free(&dl);
	return 0;
}
