#include "csvwrite.h"
#include "escape.h"

void csv_bom(buf *out)
{
	buf_puts(out, "\xEF\xBB\xBF");
}

void csv_write_row(buf *out, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(out, ',');
		escape_csv(out, fields[i] ? fields[i] : "");
	}
	buf_puts(out, "\r\n");
}
