/* `roadmap serve`: see serve.h. */
#include "serve.h"
#include "buf.h"
#include "escape.h"
#include "fsutil.h"
#include "output.h"
#include "ru.h"
#include "util.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum {
	QUIET_MS = 200,        /* debounce: rebuild after this long without events */
	WAIT_SECONDS = 25,     /* long-poll answer at the latest after this */
	PORT_TRIES = 20,
	MAX_DEPTH = 32,
	MAX_HTML = 64 << 20,   /* bigger HTML files are sent as they are */
};

#define WAIT_PATH "/__roadmap/wait"

typedef struct server {
	char *root;            /* the temporary folder serve owns */
	char *site;            /* root/site: the build output */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	unsigned long gen;     /* number of finished builds */
	bool ok;               /* the last build succeeded */
	bool stopping;
	char *errors;          /* diagnostics of the last failed build (plain text) */
	size_t nerrors;
} server;

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/* ---- responses ---- */

static void reload_script(buf *b, unsigned long gen)
{
	buf_printf(b,
	           "<script>/* roadmap serve: reload after each rebuild */(function(){var v=\"%lu\";"
	           "function w(){fetch(\"" WAIT_PATH "?v=\"+v,{cache:\"no-store\"}).then(function(r){return r.text()})"
	           ".then(function(t){if(t.trim()!==v)location.reload();else w()},function(){setTimeout(w,2000)})}"
	           "w()})();</script>",
	           gen);
}

static enum MHD_Result send_buf(struct MHD_Connection *c, unsigned status, const char *type, buf *b)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(b->len, b->data, MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	enum MHD_Result ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result send_text(struct MHD_Connection *c, unsigned status, const char *text)
{
	buf b = BUF_INIT;
	buf_puts(&b, text);
	enum MHD_Result ret = send_buf(c, status, "text/plain; charset=utf-8", &b);
	buf_free(&b);
	return ret;
}

/* The page shown instead of the site while the content is broken. */
static enum MHD_Result send_errors(server *sv, struct MHD_Connection *c)
{
	buf b = BUF_INIT;
	pthread_mutex_lock(&sv->mu);
	buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
	             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	             "<title>Сайт не собран: ошибки в содержимом</title>\n"
	             "<style>body{font:16px/1.5 sans-serif;margin:2rem;max-width:60rem}"
	             "pre{white-space:pre-wrap;background:#fff4f4;border:1px solid #c00;padding:1rem}</style>\n"
	             "</head>\n<body>\n<main>\n<h1>Сайт не собран</h1>\n<p>");
	buf b2 = BUF_INIT;
	ru_count(&b2, (long)sv->nerrors, "ошибка", "ошибки", "ошибок");
	buf_printf(&b, "В содержимом %s: %s. Исправьте файлы и сохраните — страница обновится сама.</p>\n<pre>",
	           ru_plural((long)sv->nerrors, "найдена", "найдены", "найдено"), buf_cstr(&b2));
	buf_free(&b2);
	escape_html(&b, sv->errors ? sv->errors : "", sv->errors ? strlen(sv->errors) : 0);
	buf_puts(&b, "</pre>\n</main>\n");
	reload_script(&b, sv->gen);
	buf_puts(&b, "\n</body>\n</html>\n");
	pthread_mutex_unlock(&sv->mu);
	enum MHD_Result ret = send_buf(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "text/html; charset=utf-8", &b);
	buf_free(&b);
	return ret;
}

static const char *content_type(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"}, {".svg", "image/svg+xml"},
		{".xml", "application/xml; charset=utf-8"}, {".txt", "text/plain; charset=utf-8"},
		{".ics", "text/calendar; charset=utf-8"}, {".csv", "text/csv; charset=utf-8"},
		{".json", "application/json"}, {".png", "image/png"}, {".jpg", "image/jpeg"},
		{".jpeg", "image/jpeg"}, {".gif", "image/gif"}, {".webp", "image/webp"}, {".ico", "image/x-icon"},
		{".woff2", "font/woff2"}, {".woff", "font/woff"}, {".pdf", "application/pdf"},
	};
	for (size_t i = 0; i < ARRAY_LEN(types); i++)
		if (str_ends(path, types[i].ext))
			return types[i].type;
	return "application/octet-stream";
}

/* An HTML file with the reload script before </body>. */
static enum MHD_Result send_html(server *sv, struct MHD_Connection *c, unsigned status, int fd, size_t size)
{
	buf b = BUF_INIT;
	char chunk[65536];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0)
			buf_put(&b, chunk, (size_t)n);
	close(fd);
	(void)size;
	const char *html = buf_cstr(&b);
	const char *body = NULL;
	for (const char *p = html; (p = strstr(p, "</body>")); p++)
		body = p;
	buf out = BUF_INIT;
	size_t head = body ? (size_t)(body - html) : b.len;
	buf_put(&out, html, head);
	pthread_mutex_lock(&sv->mu);
	reload_script(&out, sv->gen);
	pthread_mutex_unlock(&sv->mu);
	buf_put(&out, html + head, b.len - head);
	buf_free(&b);
	enum MHD_Result ret = send_buf(c, status, "text/html; charset=utf-8", &out);
	buf_free(&out);
	return ret;
}

/* A path is served only when no segment is "." or ".." (MHD has already
 * decoded %2e%2e) and it has no backslash or control byte. */
static bool url_path_ok(const char *url)
{
	if (url[0] != '/')
		return false;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '\\')
			return false;
	const char *seg = url + 1;
	for (;;) {
		size_t n = strcspn(seg, "/");
		if ((n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
			return false;
		if (!seg[n])
			return true;
		seg += n + 1;
	}
}

/* Opens site/url (index.html for folders) when its real path stays inside the
 * site.  Returns the fd or -1: errno ENOENT (404), EACCES (403), EISDIR (the
 * folder without the trailing slash: redirect). */
static int open_inside(const char *site, const char *url, char **path_out)
{
	char real_site[PATH_MAX], real[PATH_MAX];
	if (!realpath(site, real_site)) {
		errno = ENOENT;
		return -1;
	}
	char *path = xasprintf("%s%s", site, url);
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (!str_ends(url, "/")) {
			free(path);
			errno = EISDIR;
			return -1;
		}
		char *idx = xasprintf("%sindex.html", path);
		free(path);
		path = idx;
	}
	if (!realpath(path, real)) {
		free(path);
		errno = ENOENT;
		return -1;
	}
	size_t n = strlen(real_site);
	if (strncmp(real, real_site, n) != 0 || real[n] != '/') {
		free(path);
		errno = EACCES;
		return -1;
	}
	int fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		fd = -1;
		errno = ENOENT;
	}
	*path_out = path;
	if (fd < 0)
		free(path);
	return fd;
}

static enum MHD_Result send_file(server *sv, struct MHD_Connection *c, unsigned status, int fd, const char *path)
{
	struct stat st;
	if (fstat(fd, &st) != 0) {
		close(fd);
		return send_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "не удалось прочитать файл\n");
	}
	if (str_ends(path, ".html") && st.st_size < MAX_HTML)
		return send_html(sv, c, status, fd, (size_t)st.st_size);
	struct MHD_Response *r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	if (!r) {
		close(fd);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", content_type(path));
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	enum MHD_Result ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

/* Long poll: answers with the build number as soon as it differs from ?v=. */
static enum MHD_Result send_wait(server *sv, struct MHD_Connection *c)
{
	const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "v");
	unsigned long seen = v ? strtoul(v, NULL, 10) : 0;
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += WAIT_SECONDS;
	pthread_mutex_lock(&sv->mu);
	while (sv->gen == seen && !sv->stopping)
		if (pthread_cond_timedwait(&sv->cv, &sv->mu, &until) == ETIMEDOUT)
			break;
	char text[32];
	snprintf(text, sizeof text, "%lu\n", sv->gen);
	pthread_mutex_unlock(&sv->mu);
	return send_text(c, MHD_HTTP_OK, text);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **req)
{
	server *sv = cls;
	(void)version;
	(void)upload;
	(void)upload_size;
	(void)req;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return send_text(c, MHD_HTTP_METHOD_NOT_ALLOWED, "только GET\n");
	if (!strcmp(url, WAIT_PATH))
		return send_wait(sv, c);
	if (!url_path_ok(url))
		return send_text(c, MHD_HTTP_FORBIDDEN, "запрещено: путь выходит за пределы сайта\n");
	pthread_mutex_lock(&sv->mu);
	bool ok = sv->ok;
	pthread_mutex_unlock(&sv->mu);
	char *path = NULL;
	int fd = open_inside(sv->site, url, &path);
	int err = errno;
	bool html = fd >= 0 ? str_ends(path, ".html") : (str_ends(url, "/") || str_ends(url, ".html"));
	if (!ok && (html || err == EISDIR)) {
		if (fd >= 0) {
			close(fd);
			free(path);
		}
		return send_errors(sv, c);
	}
	if (fd >= 0) {
		enum MHD_Result ret = send_file(sv, c, MHD_HTTP_OK, fd, path);
		free(path);
		return ret;
	}
	if (err == EACCES)
		return send_text(c, MHD_HTTP_FORBIDDEN, "запрещено: путь выходит за пределы сайта\n");
	if (err == EISDIR) {
		char *to = xasprintf("%s/", url);
		struct MHD_Response *r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(r, "Location", to);
		enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_MOVED_PERMANENTLY, r);
		MHD_destroy_response(r);
		free(to);
		return ret;
	}
	fd = open_inside(sv->site, "/404.html", &path);
	if (fd >= 0) {
		enum MHD_Result ret = send_file(sv, c, MHD_HTTP_NOT_FOUND, fd, path);
		free(path);
		return ret;
	}
	return send_text(c, MHD_HTTP_NOT_FOUND, "нет такой страницы\n");
}

/* ---- building and watching ---- */

static void rebuild(server *sv, const serve_opts *o)
{
	diag_list dl = DIAG_LIST_INIT;
	int rc = o->build(o->ctx, sv->site, &dl);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (f) {
		diag_sort(&dl);
		char *prefix = str_ends(o->content, "/") ? xstrdup(o->content) : xasprintf("%s/", o->content);
		diag_print(&dl, prefix, f);
		free(prefix);
		fclose(f);
	}
	pthread_mutex_lock(&sv->mu);
	free(sv->errors);
	sv->errors = text;
	sv->nerrors = dl.errors ? dl.errors : (rc ? 1 : 0);
	sv->ok = rc == 0;
	sv->gen++;
	pthread_cond_broadcast(&sv->cv);
	pthread_mutex_unlock(&sv->mu);
	diag_list_free(&dl);
}

static const uint32_t WATCH_MASK = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                                   IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;

/* Watches dir and every folder below it (symlinks are not followed).  Adding
 * a watch twice is harmless, so this runs again after each rebuild to pick up
 * new folders. */
static void watch_tree(int ifd, const char *dir, int depth)
{
	if (depth > MAX_DEPTH || inotify_add_watch(ifd, dir, WATCH_MASK | IN_ONLYDIR | IN_DONT_FOLLOW) < 0)
		return;
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *child = fs_join(dir, e->d_name);
		struct stat st;
		if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode))
			watch_tree(ifd, child, depth + 1);
		free(child);
	}
	closedir(d);
}

static long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static struct MHD_Daemon *listen_loopback(server *sv, int first, int *port)
{
	for (int p = first; p <= first + PORT_TRIES && p < 65536; p++) {
		struct sockaddr_in sa;
		memset(&sa, 0, sizeof sa);
		sa.sin_family = AF_INET;
		sa.sin_port = htons((uint16_t)p);
		sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		struct MHD_Daemon *d = MHD_start_daemon(
			MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD, (uint16_t)p, NULL, NULL, handle, sv,
			MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_CONNECTION_TIMEOUT,
			(unsigned)(WAIT_SECONDS + 30), MHD_OPTION_END);
		if (d) {
			const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
			*port = info ? info->port : p;
			return d;
		}
		if (first == 0)
			break;
	}
	return NULL;
}

int serve_run(const serve_opts *o)
{
	const char *tmp = getenv("TMPDIR");
	server sv = {0};
	sv.root = xasprintf("%s/roadmap-serve-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(sv.root)) {
		fprintf(stderr, "roadmap: не удалось создать временную папку %s: %s\n", sv.root, strerror(errno));
		free(sv.root);
		return 3;
	}
	sv.site = fs_join(sv.root, "site");
	pthread_mutex_init(&sv.mu, NULL);
	pthread_cond_init(&sv.cv, NULL);
	int rc = 0;
	int ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	struct MHD_Daemon *d = NULL;
	if (ifd < 0) {
		fprintf(stderr, "roadmap: не удалось следить за изменениями файлов (inotify): %s\n", strerror(errno));
		rc = 3;
		goto done;
	}
	watch_tree(ifd, o->content, 0);
	watch_tree(ifd, o->theme, 0);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	rebuild(&sv, o);
	int port = 0;
	d = listen_loopback(&sv, o->port, &port);
	if (!d) {
		fprintf(stderr, "roadmap: не удалось открыть порт %d на 127.0.0.1 (и следующие %d): заняты; укажите другой: --port N\n",
		        o->port, PORT_TRIES);
		rc = 3;
		goto done;
	}
	fprintf(stderr, "roadmap: сайт открыт по адресу http://127.0.0.1:%d/ — пересобирается при каждом сохранении; "
	                "остановить: Ctrl+C\n", port);
	fflush(stderr);

	long last = 0;
	bool pending = false;
	while (!stop_requested) {
		struct pollfd pfd = {ifd, POLLIN, 0};
		int n = poll(&pfd, 1, pending ? QUIET_MS / 2 : 500);
		if (n > 0) {
			char ev[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
			while (read(ifd, ev, sizeof ev) > 0)
				;
			pending = true;
			last = now_ms();
		}
		if (pending && now_ms() - last >= QUIET_MS) {
			pending = false;
			fprintf(stderr, "roadmap: изменения в файлах — пересборка\n");
			rebuild(&sv, o);
			watch_tree(ifd, o->content, 0);
			watch_tree(ifd, o->theme, 0);
			fflush(stderr);
		}
	}
	fprintf(stderr, "roadmap: сервер остановлен\n");

done:
	pthread_mutex_lock(&sv.mu);
	sv.stopping = true;
	pthread_cond_broadcast(&sv.cv);
	pthread_mutex_unlock(&sv.mu);
	if (d)
		MHD_stop_daemon(d);
	if (ifd >= 0)
		close(ifd);
	if (fs_exists(sv.site))
		output_remove_tree(sv.site);
	rmdir(sv.root);
	free(sv.errors);
	free(sv.site);
	free(sv.root);
	pthread_cond_destroy(&sv.cv);
	pthread_mutex_destroy(&sv.mu);
	return rc;
}
