#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

bool date_is_set(date a)
{
	return a.y != 0;
}

bool date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_leap(y) ? 29 : dm[m - 1];
}

bool date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil. */
long date_to_days(date a)
{
	long y = a.y - (a.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (a.m + 9) % 12;
	long doy = (153 * mp + 2) / 5 + a.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

date date_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	return (date){(int)(y + (m <= 2)), (int)m, (int)d};
}

int date_cmp(date a, date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

date date_add_days(date a, long n)
{
	return date_from_days(date_to_days(a) + n);
}

date date_month_end(int y, int m)
{
	return (date){y, m, date_days_in_month(y, m)};
}

static int digits(const char **p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)**p))
			return -1;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	return v;
}

int date_parse(const char *s, date *out)
{
	const char *p = s;
	int y, m, d;
	while (*p == ' ' || *p == '\t')
		p++;
	if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) && p[2] == '.') {
		d = digits(&p, 2);
		p++;
		m = digits(&p, 2);
		if (m < 0 || *p++ != '.')
			return 0;
		y = digits(&p, 4);
	} else {
		y = digits(&p, 4);
		if (y < 0 || *p++ != '-')
			return 0;
		m = digits(&p, 2);
		if (m < 0 || *p++ != '-')
			return 0;
		d = digits(&p, 2);
	}
	if (y < 0 || d < 0)
		return 0;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p)
		return 0;
	if (!date_valid(y, m, d))
		return -1;
	*out = (date){y, m, d};
	return 1;
}

void date_iso(date a, char out[11])
{
	unsigned y = (unsigned)a.y % 10000u, m = (unsigned)a.m % 100u, d = (unsigned)a.d % 100u;
	snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
}

void date_basic(date a, char out[9])
{
	unsigned y = (unsigned)a.y % 10000u, m = (unsigned)a.m % 100u, d = (unsigned)a.d % 100u;
	snprintf(out, 9, "%04u%02u%02u", y, m, d);
}

int date_weekday(date a)
{
	long z = date_to_days(a); /* 1970-01-01 was a Thursday (3) */
	long w = (z + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}
