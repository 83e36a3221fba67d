/* A zip archive built in memory with libzip (report.docx). */
#include "zipbuf.h"

#include <errno.h>
#include <zip.h>

/* 1980-01-01 00:00, the first MS-DOS date: every entry carries it, so an
 * archive's bytes depend only on its members (reproducible builds). */
enum { ZIP_DOS_TIME = 0, ZIP_DOS_DATE = (0 << 9) | (1 << 5) | 1 };

int zip_build(const zip_member *m, size_t n, buf *out)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	int rc = -1;
	if (!za)
		goto out;
	zip_source_keep(src); /* read the finished archive back after zip_close */
	for (size_t i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(za, m[i].data, m[i].len, 0);
		zip_int64_t idx = s ? zip_file_add(za, m[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			zip_source_free(s);
			zip_discard(za);
			goto out;
		}
		if (zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9) != 0 ||
		    zip_file_set_dostime(za, (zip_uint64_t)idx, ZIP_DOS_TIME, ZIP_DOS_DATE, 0) != 0 ||
		    zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0) {
			zip_discard(za);
			goto out;
		}
	}
	if (zip_close(za) != 0) {
		zip_discard(za);
		goto out;
	}
	zip_stat_t st;
	if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && zip_source_open(src) == 0) {
		buf_grow(out, (size_t)st.size);
		zip_int64_t r = zip_source_read(src, out->data + out->len, st.size);
		zip_source_close(src);
		if (r == (zip_int64_t)st.size) {
			out->len += (size_t)r;
			rc = 0;
		}
	}
out:
	if (src)
		zip_source_free(src);
	zip_error_fini(&ze);
	if (rc != 0)
		errno = EIO;
	return rc;
}
