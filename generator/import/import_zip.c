/* import_zip.c — `roadmap import`: members of an Office document, which is a
 * ZIP archive (.docx, .xlsx), read with libzip (see import_int.h). */
#include "import_int.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

zip_t *imp_zip_open(const char *data, size_t len)
{
	if (len < 4 || memcmp(data, "PK\x03\x04", 4))
		return NULL;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	if (!za && src)
		zip_source_free(src);
	zip_error_fini(&ze);
	return za;
}

char *imp_zip_member(zip_t *za, const char *name, size_t *n)
{
	zip_stat_t st;
	zip_file_t *f;
	if (zip_stat(za, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > IMPORT_MAX_XML ||
	    !(f = zip_fopen(za, name, 0)))
		return NULL;
	char *out = xmalloc(st.size + 1);
	zip_int64_t got = zip_fread(f, out, st.size);
	zip_fclose(f);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(out);
		return NULL;
	}
	out[st.size] = '\0';
	*n = (size_t)st.size;
	return out;
}

void imp_zip_close(zip_t *za)
{
	if (za)
		zip_discard(za);
}
