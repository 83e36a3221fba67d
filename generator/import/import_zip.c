/* import_zip.c — `roadmap import`: an Office document (.docx, .xlsx) is a ZIP
 * archive (libzip) of XML parts (libxml2's streaming reader); the pieces the
 * .docx and .xlsx rooms share (see import_int.h). */
#include "import_int.h"
#include "util.h"

#include <libxml/xmlreader.h>
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

xmlTextReaderPtr imp_xml_reader(const char *xml, size_t n)
{
	/* No network, no DTD, no entity expansion: a document is data; its
	 * errors are the caller's to report, not libxml2's to print. */
	return xml ? xmlReaderForMemory(xml, (int)n, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR)
	           : NULL;
}

bool imp_xml_is(const xmlChar *name, const char *want)
{
	return name && !strcmp((const char *)name, want);
}

char *imp_xml_attr(xmlTextReaderPtr r, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
	char *out = v ? xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return out;
}

int imp_xml_int(xmlTextReaderPtr r, const char *name, int dflt)
{
	char *v = imp_xml_attr(r, name);
	int n = v ? atoi(v) : dflt;
	free(v);
	return n;
}
