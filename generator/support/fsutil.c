#include "fsutil.h"
#include "util.h"
#include "utf8.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *fs_read_file(const char *path, const char *file, size_t max, size_t *len, diag_list *dl)
{
	/* O_NONBLOCK: a FIFO (or a device) put where a file belongs must give
	 * the error below, not wait forever for a writer. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		diag_add(dl, DIAG_ERROR, file, 0, 0, "не удалось открыть файл: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0)
		st.st_mode = 0; /* reported as "не файл" below */
	if (!S_ISREG(st.st_mode)) {
		diag_add(dl, DIAG_ERROR, file, 0, 0, "ожидался обычный файл, а это %s",
		         S_ISDIR(st.st_mode) ? "папка" : "не файл");
		close(fd);
		return NULL;
	}
	if ((unsigned long long)st.st_size > max) {
		diag_add(dl, DIAG_ERROR, file, 0, 0, "файл слишком большой (%lld байт, допустимо не больше %zu)",
		         (long long)st.st_size, max);
		close(fd);
		return NULL;
	}
	size_t cap = (size_t)st.st_size, n = 0;
	char *data = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			/* The file grew while we read it; stop at the bound. */
			if (cap >= max)
				break;
			cap = cap * 2 + 4096 > max ? max : cap * 2 + 4096;
			data = xrealloc(data, cap + 1);
		}
		ssize_t r = read(fd, data + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			diag_add(dl, DIAG_ERROR, file, 0, 0, "ошибка чтения файла: %s", strerror(errno));
			free(data);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	data[n] = '\0';
	*len = n;
	return data;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fs_list(const char *path, const char *suffix, bool want_dirs, char ***out)
{
	DIR *d = opendir(path);
	*out = NULL;
	if (!d)
		return -1;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (suffix && !str_ends(e->d_name, suffix))
			continue;
		char *full = fs_join(path, e->d_name);
		bool isdir = fs_is_dir(full);
		free(full);
		if (isdir != want_dirs)
			continue;
		xgrow((void **)&names, &cap, n + 1, sizeof(char *));
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(char *), cmp_names);
	*out = names;
	return (int)n;
}

void fs_names_free(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

bool fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool fs_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

bool fs_inside(const char *root, const char *path)
{
	char *r = realpath(root, NULL), *p = realpath(path, NULL);
	bool ok = false;
	if (r && p) {
		size_t lr = strlen(r);
		ok = !strncmp(r, p, lr) && (p[lr] == '/' || p[lr] == '\0' || (lr == 1 && r[0] == '/'));
	}
	free(r);
	free(p);
	return ok;
}

bool fs_utf8_ok(const char *data, size_t len, const char *file, diag_list *dl)
{
	utf8_pos bad;
	if (utf8_validate(data, len, &bad))
		return true;
	diag_add(dl, DIAG_ERROR, file, bad.line, bad.col,
	         "недопустимый байт 0x%02X: файл должен быть в кодировке UTF-8",
	         (unsigned char)data[bad.off]);
	return false;
}

char *fs_join(const char *a, const char *b)
{
	size_t la = strlen(a);
	if (la && a[la - 1] == '/')
		return xasprintf("%s%s", a, b);
	return xasprintf("%s/%s", a, b);
}
