#define _GNU_SOURCE /* renameat2 */
#include "output.h"
#include "fsutil.h"
#include "util.h"


#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct output {
	char *target;   /* absolute path of the final folder */
	char *tmp;      /* absolute path of the temporary folder */
	bool prev;      /* target holds a previous build to carry unchanged files from */
	int tmp_fd;     /* the temporary folder, opened: files are made relative to it */
	int prev_fd;    /* the previous build (target) when prev, else -1 */
	atomic_long changed; /* files written anew (new or different bytes) */
};

static void close_dirs(output *o)
{
	if (o->tmp_fd >= 0)
		close(o->tmp_fd);
	if (o->prev_fd >= 0)
		close(o->prev_fd);
	o->tmp_fd = o->prev_fd = -1;
}

/* rm -rf without following symlinks: unlinkat on entries, recursion only into real dirs.
 * A folder's marker file goes last: a removal cut short by a kill leaves a
 * folder that still carries it, so the next build recognises and removes it. */
static int remove_tree_raw(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	struct dirent *e;
	int rc = 0;
	bool marker = false;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (!strcmp(e->d_name, OUTPUT_MARKER)) {
			marker = true;
			continue;
		}
		char *child = fs_join(path, e->d_name);
		if (remove_tree_raw(child) != 0)
			rc = -1;
		free(child);
	}
	closedir(d);
	if (marker) {
		char *m = fs_join(path, OUTPUT_MARKER);
		if (unlink(m) != 0)
			rc = -1;
		free(m);
	}
	if (rmdir(path) != 0)
		rc = -1;
	return rc;
}

static bool has_marker(const char *dir)
{
	char *m = fs_join(dir, OUTPUT_MARKER);
	bool ok = fs_exists(m);
	free(m);
	return ok;
}

int output_remove_tree(const char *path)
{
	if (!has_marker(path))
		return -1;
	return remove_tree_raw(path);
}

static bool dir_is_empty(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return false;
	struct dirent *e;
	bool empty = true;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			empty = false;
	closedir(d);
	return empty;
}

/* Absolute, normalized path of out even when it does not exist yet: realpath of
 * its parent plus its last component. */
static char *abs_target(const char *out)
{
	char *copy = xstrdup(out);
	size_t n = strlen(copy);
	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	char *slash = strrchr(copy, '/');
	const char *base = slash ? slash + 1 : copy;
	char *parent = slash ? (slash == copy ? xstrdup("/") : xstrndup(copy, (size_t)(slash - copy))) : xstrdup(".");
	char *rp = realpath(parent, NULL);
	char *res = NULL;
	if (rp && *base && strcmp(base, ".") && strcmp(base, ".."))
		res = fs_join(rp, base);
	else if (rp && (!*base || !strcmp(base, ".") || !strcmp(base, "..")))
		res = realpath(out, NULL);
	free(rp);
	free(parent);
	free(copy);
	return res;
}

/* Removes "<target>.tmp-*" and "<target>.old-*" folders left by killed builds. */
static void clean_stale(const char *target)
{
	char *slash = strrchr(target, '/');
	char *parent = xstrndup(target, (size_t)(slash - target) + 1);
	const char *base = slash + 1;
	DIR *d = opendir(parent);
	if (d) {
		struct dirent *e;
		size_t bl = strlen(base);
		while ((e = readdir(d))) {
			if (strncmp(e->d_name, base, bl) ||
			    (strncmp(e->d_name + bl, ".tmp-", 5) && strncmp(e->d_name + bl, ".old-", 5)))
				continue;
			char *p = fs_join(parent, e->d_name);
			/* A build killed between creating its folder and writing the
			 * marker leaves it empty: rmdir removes only an empty one. */
			if (output_remove_tree(p) != 0)
				rmdir(p);
			free(p);
		}
		closedir(d);
	}
	free(parent);
}

/* target (absolute, normalized, possibly not existing yet) lies inside root. */
static bool path_under(const char *root, const char *target)
{
	size_t n = strlen(root);
	return !strncmp(root, target, n) && (target[n] == '/' || target[n] == '\0');
}

static bool refuse(const char *target, const char *content_root, const char *out, diag_list *dl)
{
	char *croot = realpath(content_root, NULL);
	bool bad = false;
	if (!strcmp(target, "/")) {
		diag_add(dl, DIAG_ERROR, out, 0, 0, "нельзя писать сайт в корень файловой системы");
		bad = true;
	} else if (croot && (!strcmp(croot, target) || fs_inside(target, croot) || path_under(croot, target))) {
		diag_add(dl, DIAG_ERROR, out, 0, 0,
		         "папка вывода совпадает с папкой содержимого, лежит внутри неё или содержит её");
		bad = true;
	} else if (fs_exists(target) && !fs_is_dir(target)) {
		diag_add(dl, DIAG_ERROR, out, 0, 0, "папка вывода существует и не является папкой");
		bad = true;
	} else if (fs_is_dir(target) && !dir_is_empty(target) && !has_marker(target)) {
		diag_add(dl, DIAG_ERROR, out, 0, 0,
		         "папка вывода не пуста и не создана программой roadmap (нет файла %s); "
		         "выберите другую папку или очистите эту сами",
		         OUTPUT_MARKER);
		bad = true;
	}
	free(croot);
	return bad;
}

output *output_begin(const char *out, const char *content_root, diag_list *dl)
{
	char *target = abs_target(out);
	if (!target) {
		diag_add(dl, DIAG_ERROR, out, 0, 0, "папка для папки вывода не существует");
		return NULL;
	}
	if (refuse(target, content_root, out, dl)) {
		free(target);
		return NULL;
	}
	clean_stale(target);
	char *tmp = xasprintf("%s.tmp-%ld", target, (long)getpid());
	/* A leftover of an earlier build that had our pid carries the marker;
	 * anything else of that name is not ours to delete (mkdir then fails). */
	output_remove_tree(tmp);
	if (mkdir(tmp, 0755) != 0) {
		diag_add(dl, DIAG_ERROR, out, 0, 0, "не удалось создать временную папку %s: %s", tmp, strerror(errno));
		free(tmp);
		free(target);
		return NULL;
	}
	output *o = xcalloc(1, sizeof(output));
	o->target = target;
	o->tmp = tmp;
	o->prev = fs_is_dir(target) && has_marker(target);
	o->tmp_fd = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
	o->prev_fd = o->prev ? open(target, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) : -1;
	o->prev = o->prev_fd >= 0;
	if (o->tmp_fd < 0) {
		diag_add(dl, DIAG_ERROR, out, 0, 0, "не удалось открыть временную папку %s: %s", tmp, strerror(errno));
		output_abort(o);
		return NULL;
	}
	atomic_init(&o->changed, 0);
	output_write(o, OUTPUT_MARKER, "roadmap output folder: the whole folder is replaced on each build\n", 66);
	atomic_store(&o->changed, 0);
	return o;
}

static bool rel_ok(const char *rel)
{
	if (!*rel || rel[0] == '/')
		return false;
	for (const char *p = rel; *p;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += n + (e ? 1 : 0);
	}
	return true;
}

/* Creates the folders of rel's parent inside dir (rel is checked by rel_ok).
 * Called after creating the file failed with ENOENT, so a folder that exists
 * costs nothing on the common path: most files go into a folder made by an
 * earlier file.  Several threads may race here; EEXIST is success. */
static int make_parents(int dir, const char *rel)
{
	const char *slash = strrchr(rel, '/');
	if (!slash)
		return 0;
	char *parent = xstrndup(rel, (size_t)(slash - rel));
	int rc = mkdirat(dir, parent, 0755);
	if (rc != 0 && errno == ENOENT && make_parents(dir, parent) == 0)
		rc = mkdirat(dir, parent, 0755);
	if (rc != 0 && errno == EEXIST)
		rc = 0;
	free(parent);
	return rc;
}

/* The previous build's file at rel holds exactly data: a regular file (not a
 * symlink) of the same size and bytes.  Reading back from the page cache costs
 * far less than writing. */
static bool same_as_previous(int dir, const char *rel, const char *data, size_t len)
{
	int fd = openat(dir, rel, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	struct stat st;
	bool same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len;
	char chunk[65536];
	size_t off = 0;
	while (same && off < len) {
		size_t want = len - off < sizeof chunk ? len - off : sizeof chunk;
		ssize_t r = read(fd, chunk, want);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || memcmp(chunk, data + off, (size_t)r) != 0)
			same = false;
		else
			off += (size_t)r;
	}
	close(fd);
	return same;
}

int output_create_file(int dirfd, const char *name, const char *data, size_t len)
{
	int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0)
		return -1;
	size_t off = 0;
	int err = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			err = w < 0 ? errno : EIO;
			break;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err)
		return 0;
	unlinkat(dirfd, name, 0); /* ours: just created with O_EXCL */
	errno = err;
	return -1;
}

int output_open_folder(int dirfd, const char *name)
{
	if (mkdirat(dirfd, name, 0755) != 0 && errno != EEXIST)
		return -1;
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
	struct stat st;
	/* Linux says ENOTDIR for a symlink when O_DIRECTORY is given: tell it apart. */
	if (fd < 0 && errno == ENOTDIR && fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
		errno = ELOOP;
	return fd;
}

/* Writes rel in the temporary folder dir, making its folders; an existing name
 * is removed first: it may be a hard link to a file of the live site, which
 * must never be written through. */
static int write_new(int dir, const char *rel, const char *data, size_t len)
{
	for (int tries = 0; tries < 3; tries++) {
		if (output_create_file(dir, rel, data, len) == 0)
			return 0;
		if (errno == ENOENT && make_parents(dir, rel) == 0)
			continue;
		if (errno == EEXIST && unlinkat(dir, rel, 0) == 0)
			continue;
		return -1;
	}
	return -1;
}

/* Carries the previous build's file at rel into the new site by a hard link. */
static bool link_previous(output *o, const char *rel)
{
	for (int tries = 0; tries < 3; tries++) {
		if (linkat(o->prev_fd, rel, o->tmp_fd, rel, 0) == 0)
			return true;
		if (errno == ENOENT && make_parents(o->tmp_fd, rel) == 0)
			continue;
		if (errno == EEXIST && unlinkat(o->tmp_fd, rel, 0) == 0)
			continue;
		return false;
	}
	return false;
}

int output_write(output *o, const char *rel, const char *data, size_t len)
{
	if (!rel_ok(rel)) {
		errno = EINVAL;
		return -1;
	}
	/* An unchanged file is carried over as a hard link to the previous
	 * build's file: same inode, same modification time, so rsync and CDN
	 * uploads skip it.  The old site stays intact until the swap, and
	 * removing it afterwards only drops its names. */
	if (o->prev && same_as_previous(o->prev_fd, rel, data, len) && link_previous(o, rel))
		return 0;
	int rc = write_new(o->tmp_fd, rel, data, len);
	if (rc == 0)
		atomic_fetch_add(&o->changed, 1);
	return rc;
}

long output_changed(output *o)
{
	return atomic_load(&o->changed);
}

int output_copy_tree(output *o, const char *src_dir, const char *rel)
{
	char **names;
	int rc = 0;
	for (int pass = 0; pass < 2; pass++) {
		int n = fs_list(src_dir, NULL, pass == 1, &names);
		for (int i = 0; i < n; i++) {
			char *src = fs_join(src_dir, names[i]);
			char *dst = xasprintf("%s/%s", rel, names[i]);
			if (pass == 1) {
				rc |= output_copy_tree(o, src, dst);
			} else {
				size_t len;
				diag_list tmp = DIAG_LIST_INIT;
				char *data = fs_read_file(src, names[i], 64u << 20, &len, &tmp);
				rc |= data ? output_write(o, dst, data, len) : -1;
				free(data);
				diag_list_free(&tmp);
			}
			free(src);
			free(dst);
		}
		if (n > 0)
			fs_names_free(names, n);
	}
	return rc;
}

int output_commit(output *o, diag_list *dl)
{
	close_dirs(o);
	int rc = 0;
	if (!fs_exists(o->target)) {
		rc = rename(o->tmp, o->target);
	} else if (renameat2(AT_FDCWD, o->tmp, AT_FDCWD, o->target, RENAME_EXCHANGE) == 0) {
		/* The old site now sits at o->tmp. */
		remove_tree_raw(o->tmp);
	} else {
		/* No atomic exchange here (old kernel or file system): two renames,
		 * with the old site kept until the new one is in place. */
		char *old = xasprintf("%s.old-%ld", o->target, (long)getpid());
		rc = rename(o->target, old);
		if (rc == 0 && (rc = rename(o->tmp, o->target)) != 0)
			rename(old, o->target);
		if (rc == 0)
			remove_tree_raw(old);
		free(old);
	}
	if (rc != 0) {
		diag_add(dl, DIAG_ERROR, o->target, 0, 0, "не удалось заменить папку вывода: %s", strerror(errno));
		remove_tree_raw(o->tmp);
	}
	free(o->tmp);
	free(o->target);
	free(o);
	return rc;
}

void output_abort(output *o)
{
	if (!o)
		return;
	close_dirs(o);
	remove_tree_raw(o->tmp);
	free(o->tmp);
	free(o->target);
	free(o);
}
