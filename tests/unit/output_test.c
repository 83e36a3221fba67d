/* output_test.c — the only writer of the site: refused targets (the root, the
 * content folder and anything inside it, foreign non-empty folders), accepted
 * ones (empty folders, our previous output), safe relative paths, atomic commit,
 * abort, and the clean-up of stale temporary folders.  Everything happens in a
 * fresh folder under /tmp. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "t.h"
#include "output.h"
#include "zipbuf.h"
#include "buf.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

static char base[64];

static char *P(const char *rel)
{
	return xasprintf("%s/%s", base, rel);
}

static void put(const char *rel, const char *text)
{
	char *p = P(rel);
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		if (write(fd, text, strlen(text)) < 0)
			perror("write");
		close(fd);
	} else {
		perror(p);
	}
	free(p);
}

static void mkd(const char *rel)
{
	char *p = P(rel);
	if (mkdir(p, 0755) != 0 && errno != EEXIST)
		perror(p);
	free(p);
}

/* Contents of base/rel, or NULL when it cannot be read. */
static char *get(const char *rel)
{
	char *p = P(rel);
	int fd = open(p, O_RDONLY);
	free(p);
	if (fd < 0)
		return NULL;
	buf b = BUF_INIT;
	char tmp[4096];
	ssize_t n;
	while ((n = read(fd, tmp, sizeof tmp)) > 0)
		buf_put(&b, tmp, (size_t)n);
	close(fd);
	return buf_detach(&b);
}

static bool exists(const char *rel)
{
	char *p = P(rel);
	struct stat st;
	bool ok = lstat(p, &st) == 0;
	free(p);
	return ok;
}

static bool file_is(const char *rel, const char *want)
{
	char *got = get(rel);
	bool ok = got && !strcmp(got, want);
	free(got);
	return ok;
}

/* How many names in base start with prefix ("" counts every entry, with . and ..). */
static int count_prefixed(const char *prefix)
{
	DIR *d = opendir(base);
	int n = 0;
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (!strncmp(e->d_name, prefix, strlen(prefix)))
			n++;
	if (d)
		closedir(d);
	return n;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

static void rm_rf(const char *path)
{
	nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* First diagnostic's message, "" when none; the list is emptied. */
static char *take(diag_list *dl)
{
	char *m = xstrdup(dl->n ? dl->items[0].msg : "");
	if (dl->n > 1)
		printf("  (%zu diagnostics, expected one)\n", dl->n);
	diag_list_free(dl);
	*dl = (diag_list)DIAG_LIST_INIT;
	return m;
}

#define MSG_ROOT "нельзя писать сайт в корень файловой системы"
#define MSG_CONTENT "папка вывода совпадает с папкой содержимого, лежит внутри неё или содержит её"
#define MSG_NOT_DIR "папка вывода существует и не является папкой"
#define MSG_FOREIGN                                                                           \
	"папка вывода не пуста и не создана программой roadmap (нет файла .roadmap-output); " \
	"выберите другую папку или очистите эту сами"
#define MSG_NO_PARENT "папка для папки вывода не существует"

/* output_begin must refuse out, with message msg, and touch nothing. */
static void refused(const char *what, const char *out, const char *content, const char *msg)
{
	diag_list dl = DIAG_LIST_INIT;
	int before = count_prefixed("");
	output *o = output_begin(out, content, &dl);
	T_CHECK(o == NULL, "%s: refused", what);
	if (o)
		output_abort(o);
	char *m = take(&dl);
	T_STREQ(m, msg, what);
	free(m);
	T_CHECK(count_prefixed("") == before, "%s: nothing created beside the target", what);
}

static void test_refuse(void)
{
	char *content = P("content");
	mkd("content");
	mkd("content/sub");
	put("content/site.yml", "title: x\n");

	refused("the root", "/", content, MSG_ROOT);
	refused("the root with a trailing slash", "//", content, MSG_ROOT);
	refused("the root through ..", "/tmp/..", content, MSG_ROOT);

	refused("the content folder", content, content, MSG_CONTENT);
	char *c2 = xasprintf("%s/", content);
	refused("the content folder with a slash", c2, content, MSG_CONTENT);
	free(c2);
	char *c3 = xasprintf("%s/sub/../", content);
	refused("the content folder through ..", c3, content, MSG_CONTENT);
	free(c3);

	char *sub = P("content/sub");
	refused("an existing folder inside the content folder", sub, content, MSG_CONTENT);
	free(sub);

	char *fresh = P("content/site");
	refused("a new folder inside the content folder", fresh, content, MSG_CONTENT);
	T_CHECK(!exists("content/site"), "nothing written into the content folder");
	free(fresh);

	char *deeper = P("content/sub/deeper");
	refused("a new folder deeper inside the content folder", deeper, content, MSG_CONTENT);
	free(deeper);

	refused("a folder holding the content folder", base, content, MSG_CONTENT);

	mkd("foreign");
	put("foreign/thesis.docx", "mine");
	char *foreign = P("foreign");
	refused("a non-empty folder without the marker", foreign, content, MSG_FOREIGN);
	T_CHECK(file_is("foreign/thesis.docx", "mine"), "the foreign folder is untouched");
	free(foreign);

	mkd("hidden");
	put("hidden/.git", "x");
	char *hidden = P("hidden");
	refused("a folder holding only a dot file", hidden, content, MSG_FOREIGN);
	free(hidden);

	put("afile", "data");
	char *afile = P("afile");
	refused("a regular file", afile, content, MSG_NOT_DIR);
	T_CHECK(file_is("afile", "data"), "the file is untouched");
	free(afile);

	char *orphan = P("no/such/parent");
	refused("a missing parent folder", orphan, content, MSG_NO_PARENT);
	free(orphan);

	free(content);
}

static void test_write_paths(void)
{
	char *content = P("content");
	char *out = P("paths");
	diag_list dl = DIAG_LIST_INIT;
	output *o = output_begin(out, content, &dl);
	T_CHECK(o != NULL && dl.n == 0, "paths: begin");
	if (!o) {
		free(out);
		free(content);
		diag_list_free(&dl);
		return;
	}
	static const char *const bad[] = {"../x", "../../etc/x", "/abs", "/tmp/x", "a/../b", "a/..", "..",
	                                  ".",    "./a",         "a/./b", "",      "a//b",   "a/",   "/"};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		errno = 0;
		int rc = output_write(o, bad[i], "x", 1);
		T_CHECK(rc == -1 && errno != 0, "output_write(\"%s\") = %d, errno %d", bad[i], rc, errno);
	}
	T_CHECK(!exists("x") && !exists("b"), "nothing written beside the temporary folder");
	static const char *const good[] = {"index.html", "2021-2022/index.html", "a/b/c/d.css", "..a",
	                                   "a..", ".well-known/x", "школа.html"};
	for (size_t i = 0; i < ARRAY_LEN(good); i++)
		T_CHECK(output_write(o, good[i], good[i], strlen(good[i])) == 0, "output_write(\"%s\")", good[i]);
	T_CHECK(output_write(o, "index.html", "second", 6) == 0, "rewrite a file");
	T_CHECK(output_write(o, "empty.txt", "", 0) == 0, "empty file");

	/* copy a tree */
	mkd("assets");
	mkd("assets/css");
	put("assets/css/site.css", "body{}");
	put("assets/logo.svg", "<svg/>");
	char *assets = P("assets");
	T_CHECK(output_copy_tree(o, assets, "static") == 0, "output_copy_tree");
	free(assets);

	T_CHECK(output_commit(o, &dl) == 0 && dl.n == 0, "paths: commit");
	T_CHECK(file_is("paths/index.html", "second"), "rewritten file");
	T_CHECK(file_is("paths/2021-2022/index.html", "2021-2022/index.html"), "nested file");
	T_CHECK(file_is("paths/a/b/c/d.css", "a/b/c/d.css"), "deep file");
	T_CHECK(file_is("paths/..a", "..a") && file_is("paths/a..", "a.."), "dots inside names are fine");
	T_CHECK(file_is("paths/школа.html", "школа.html"), "cyrillic name");
	T_CHECK(file_is("paths/empty.txt", ""), "empty file");
	T_CHECK(file_is("paths/static/css/site.css", "body{}") && file_is("paths/static/logo.svg", "<svg/>"),
	        "copied tree");
	T_CHECK(exists("paths/" OUTPUT_MARKER), "marker written");
	T_CHECK(count_prefixed("paths.") == 0, "no temporary folder left");
	diag_list_free(&dl);
	free(out);
	free(content);
}

static void test_commit_abort(void)
{
	char *content = P("content");
	diag_list dl = DIAG_LIST_INIT;

	/* An empty existing folder is accepted. */
	mkd("site");
	char *out = P("site");
	output *o = output_begin(out, content, &dl);
	T_CHECK(o != NULL && dl.n == 0, "empty folder accepted");
	if (o) {
		T_CHECK(count_prefixed("site.tmp-") == 1, "temporary folder beside the target");
		output_write(o, "old.html", "old", 3);
		output_write(o, "keep/old.css", "old", 3);
		T_CHECK(!exists("site/old.html"), "nothing visible before commit");
		T_CHECK(output_commit(o, &dl) == 0, "first commit");
	}
	T_CHECK(file_is("site/old.html", "old") && exists("site/" OUTPUT_MARKER), "first site in place");
	T_CHECK(count_prefixed("site.") == 0, "no temporary folder after the first commit");

	/* Our previous output is accepted and replaced as a whole. */
	o = output_begin(out, content, &dl);
	T_CHECK(o != NULL && dl.n == 0, "previous output accepted");
	if (o) {
		output_write(o, "new.html", "new", 3);
		T_CHECK(file_is("site/old.html", "old"), "old site still served while building");
		T_CHECK(output_commit(o, &dl) == 0 && dl.n == 0, "second commit");
	}
	T_CHECK(file_is("site/new.html", "new"), "new site in place");
	T_CHECK(!exists("site/old.html") && !exists("site/keep"), "old tree gone");
	T_CHECK(exists("site/" OUTPUT_MARKER), "marker kept");
	T_CHECK(count_prefixed("site.") == 0, "no temporary or old folder after the second commit");

	/* Abort removes the temporary folder and leaves the site alone. */
	o = output_begin(out, content, &dl);
	T_CHECK(o != NULL, "third begin");
	if (o) {
		output_write(o, "half.html", "half", 4);
		output_abort(o);
	}
	T_CHECK(count_prefixed("site.") == 0, "abort removed the temporary folder");
	T_CHECK(file_is("site/new.html", "new") && !exists("site/half.html"), "abort kept the site");
	output_abort(NULL);

	/* A target that does not exist yet (trailing slash allowed). */
	char *fresh = xasprintf("%s/fresh/", base);
	o = output_begin(fresh, content, &dl);
	T_CHECK(o != NULL, "new folder accepted");
	if (o) {
		output_write(o, "index.html", "hi", 2);
		T_CHECK(output_commit(o, &dl) == 0, "commit into a new folder");
	}
	T_CHECK(file_is("fresh/index.html", "hi"), "new folder created");
	T_CHECK(count_prefixed("fresh.") == 0, "no temporary folder for the new target");
	free(fresh);

	/* output_remove_tree refuses folders without the marker. */
	mkd("notours");
	put("notours/f", "x");
	char *notours = P("notours");
	T_CHECK(output_remove_tree(notours) == -1 && file_is("notours/f", "x"), "output_remove_tree refuses");
	free(notours);
	char *fr = P("fresh");
	T_CHECK(output_remove_tree(fr) == 0 && !exists("fresh"), "output_remove_tree removes our output");
	free(fr);

	T_CHECK(dl.n == 0, "no diagnostics (%s)", dl.n ? dl.items[0].msg : "");
	diag_list_free(&dl);
	free(out);
	free(content);
}

static void test_stale(void)
{
	char *content = P("content");
	diag_list dl = DIAG_LIST_INIT;
	/* Killed builds left these behind; they carry the marker. */
	mkd("web.tmp-999999");
	put("web.tmp-999999/" OUTPUT_MARKER, "x");
	put("web.tmp-999999/index.html", "stale");
	mkd("web.old-999998");
	put("web.old-999998/" OUTPUT_MARKER, "x");
	/* Named the same way, but not ours. */
	mkd("web.tmp-backup");
	put("web.tmp-backup/notes.txt", "mine");
	mkd("web.tmp-888888");
	put("web.tmp-888888/notes.txt", "mine");
	/* Another target's leftovers are not this build's business. */
	mkd("webby.tmp-1");
	put("webby.tmp-1/" OUTPUT_MARKER, "x");

	char *out = P("web");
	output *o = output_begin(out, content, &dl);
	T_CHECK(o != NULL && dl.n == 0, "stale: begin");
	T_CHECK(!exists("web.tmp-999999"), "stale temporary folder with the marker removed");
	T_CHECK(!exists("web.old-999998"), "stale old folder with the marker removed");
	T_CHECK(file_is("web.tmp-backup/notes.txt", "mine"), "folder without the marker left alone");
	T_CHECK(file_is("web.tmp-888888/notes.txt", "mine"), "pid-like folder without the marker left alone");
	T_CHECK(exists("webby.tmp-1/" OUTPUT_MARKER), "another target's folder left alone");
	if (o)
		output_abort(o);
	free(out);

	/* Even a folder named exactly like this build's temporary folder is not
	 * deleted when it lacks the marker: we would delete what we did not create. */
	char *mine = xasprintf("own.tmp-%ld", (long)getpid());
	mkd(mine);
	char *minefile = xasprintf("%s/notes.txt", mine);
	put(minefile, "mine");
	out = P("own");
	o = output_begin(out, content, &dl);
	T_CHECK(file_is(minefile, "mine"), "folder \"%s\" without the marker left alone", mine);
	if (o)
		output_abort(o);
	diag_list_free(&dl);
	free(out);
	free(minefile);
	free(mine);
	free(content);
}

/* zip_build: an archive libzip reads back member by member, with the same
 * bytes every time and the fixed 1980-01-01 entry date. */
static void test_zip(void)
{
	static const char big[] = "<w:t>Мероприятие</w:t><w:t>Мероприятие</w:t><w:t>Мероприятие</w:t>";
	const zip_member m[] = {{"[Content_Types].xml", "<Types/>", 8}, {"word/document.xml", big, sizeof big - 1},
	                        {"empty", "", 0}};
	buf a = BUF_INIT, b = BUF_INIT;
	T_CHECK(zip_build(m, 3, &a) == 0 && a.len > 22, "zip built (%zu bytes)", a.len);
	T_CHECK(zip_build(m, 3, &b) == 0 && a.len == b.len && !memcmp(a.data, b.data, a.len), "zip bytes reproducible");
	T_CHECK(a.len > 4 && !memcmp(a.data, "PK\x03\x04", 4), "starts with a local file header");
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(a.data, a.len, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	T_CHECK(za && zip_get_num_entries(za, 0) == 3, "libzip reads the archive back");
	for (zip_int64_t i = 0; za && i < 3; i++) {
		zip_stat_t st;
		T_CHECK(zip_stat_index(za, (zip_uint64_t)i, 0, &st) == 0 && !strcmp(st.name, m[i].name) && st.size == m[i].len,
		        "member %d: name and size", (int)i);
		char got[256] = "";
		zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
		zip_int64_t n = f ? zip_fread(f, got, sizeof got) : -1;
		if (f)
			zip_fclose(f);
		T_CHECK(n == (zip_int64_t)m[i].len && !memcmp(got, m[i].data, m[i].len), "member %d: bytes", (int)i);
		struct tm tm;
		time_t t = st.mtime;
		localtime_r(&t, &tm);
		T_CHECK(tm.tm_year == 80 && tm.tm_mon == 0 && tm.tm_mday == 1, "member %d dated 1980-01-01", (int)i);
	}
	if (za)
		zip_close(za);
	else if (src)
		zip_source_free(src);
	zip_error_fini(&ze);
	buf_free(&a);
	buf_free(&b);
}

/* The one safe writer: a new file only, never over a name, never through a link. */
static void test_create_file(void)
{
	mkd("cf");
	char *p = P("cf/new.txt");
	T_CHECK(output_create_file(AT_FDCWD, p, "abc", 3) == 0 && file_is("cf/new.txt", "abc"), "creates a new file");
	errno = 0;
	T_CHECK(output_create_file(AT_FDCWD, p, "xyz", 3) == -1 && errno == EEXIST, "an existing file is refused");
	T_CHECK(file_is("cf/new.txt", "abc"), "the existing file is untouched");
	free(p);
	/* A symlink planted at the name, to a file or to nowhere, is refused and
	 * nothing is written where it points. */
	put("cf/victim.txt", "keep");
	char *victim = P("cf/victim.txt"), *link = P("cf/link.txt");
	char *dangling = P("cf/dangling.txt"), *nowhere = P("cf/nowhere.txt");
	T_CHECK(symlink(victim, link) == 0 && symlink(nowhere, dangling) == 0, "symlinks planted");
	errno = 0;
	T_CHECK(output_create_file(AT_FDCWD, link, "bad", 3) == -1 && errno == EEXIST, "a symlink to a file is refused");
	T_CHECK(file_is("cf/victim.txt", "keep"), "the file behind the symlink is untouched");
	errno = 0;
	T_CHECK(output_create_file(AT_FDCWD, dangling, "bad", 3) == -1 && errno == EEXIST, "a dangling symlink is refused");
	T_CHECK(!exists("cf/nowhere.txt"), "nothing created where the dangling symlink points");
	/* Relative to an open folder; a folder that is a symlink is not opened. */
	char *folder = P("cf/sub"), *flink = P("cf/flink");
	int d = output_open_folder(AT_FDCWD, folder);
	T_CHECK(d >= 0, "output_open_folder makes and opens a folder");
	if (d >= 0) {
		T_CHECK(output_create_file(d, "f.txt", "", 0) == 0 && file_is("cf/sub/f.txt", ""), "an empty file inside it");
		close(d);
	}
	d = output_open_folder(AT_FDCWD, folder);
	T_CHECK(d >= 0, "an existing folder is opened as it is");
	if (d >= 0)
		close(d);
	T_CHECK(symlink(folder, flink) == 0, "symlink to a folder planted");
	errno = 0;
	d = output_open_folder(AT_FDCWD, flink);
	T_CHECK(d == -1 && errno == ELOOP, "a symlink to a folder is not opened (ELOOP)");
	errno = 0;
	d = output_open_folder(AT_FDCWD, victim);
	T_CHECK(d == -1 && errno == ENOTDIR, "a file is not opened as a folder");
	free(victim);
	free(link);
	free(dangling);
	free(nowhere);
	free(folder);
	free(flink);
}

int main(void)
{
	test_zip();
	strcpy(base, "/tmp/output_test-XXXXXX");
	if (!mkdtemp(base)) {
		perror("mkdtemp");
		return 1;
	}
	test_refuse();
	test_write_paths();
	test_commit_abort();
	test_stale();
	test_create_file();
	rm_rf(base);
	struct stat st;
	T_CHECK(stat(base, &st) != 0, "temporary folder removed");
	return t_done("output");
}
