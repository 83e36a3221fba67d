#include "starter.h"
#include "fsutil.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char SITE_YAML[] =
	"# Настройки сайта. Подробно: docs/content.md\n"
	"title: Дорожные карты системы образования\n"
	"authority: Управление образования администрации муниципального округа\n"
	"# base_url: https://example.org/roadmaps/\n"
	"privacy:\n"
	"  min_group: 5\n"
	"contacts: |\n"
	"  Телефон: (00000) 0-00-00\n"
	"menu:\n"
	"  - {title: Родителям, page: parents}\n";

static const char SCHOOLS_CSV[] =
	"id,name,short_name,address,groups\n"
	"sosh-1,Муниципальное общеобразовательное учреждение «Средняя школа № 1»,МОУ СШ № 1,\"ул. Школьная, 1\",\n"
	"sosh-2,Муниципальное общеобразовательное учреждение «Средняя школа № 2»,МОУ СШ № 2,\"ул. Садовая, 2\",low-results\n";

static const char PARENTS_MD[] =
	"---\n"
	"title: Родителям\n"
	"weight: 1\n"
	"---\n"
	"Здесь опубликованы дорожные карты системы образования округа: что запланировано, в какие сроки\n"
	"и что уже выполнено.\n";

static const char PLAN_FMT[] =
	"title: План мероприятий («дорожная карта») по повышению качества образования на %d-%d учебный год\n"
	"short_title: Дорожная карта по повышению качества образования\n"
	"approved:\n"
	"  act: Приказ\n"
	"  number: \"1\"\n"
	"  date: %d-08-27\n"
	"goal: Повышение качества образования в общеобразовательных организациях округа.\n"
	"sections:\n"
	"  - title: Анализ результатов оценочных процедур\n"
	"    activities:\n"
	"      - title: Анализ результатов оценочных процедур прошлого учебного года\n"
	"        deadline: август - сентябрь\n"
	"        responsible: [Управление образования, Руководители ОО]\n"
	"        schools: all\n"
	"        report: Аналитическая справка\n"
	"      - title: Адресная помощь школам с низкими результатами\n"
	"        deadline: в течение года\n"
	"        responsible: Управление образования\n"
	"        schools: [group:low-results]\n";

static int write_new(const char *dir, const char *rel, const char *text, diag_list *dl)
{
	char *path = fs_join(dir, rel);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	int rc = -1;
	if (fd >= 0) {
		size_t len = strlen(text);
		rc = write(fd, text, len) == (ssize_t)len ? 0 : -1;
		rc |= close(fd);
	}
	if (rc != 0)
		diag_add(dl, DIAG_ERROR, path, 0, 0, "не удалось создать файл: %s", strerror(errno));
	free(path);
	return rc;
}

static int make_dir(const char *dir, const char *rel, diag_list *dl)
{
	char *path = *rel ? fs_join(dir, rel) : xstrdup(dir);
	int rc = mkdir(path, 0755) == 0 || errno == EEXIST ? 0 : -1;
	if (rc)
		diag_add(dl, DIAG_ERROR, path, 0, 0, "не удалось создать папку: %s", strerror(errno));
	free(path);
	return rc;
}

int starter_create(const char *dir, diag_list *dl)
{
	char **names;
	int n = fs_list(dir, NULL, false, &names);
	int m = 0;
	char **dirs = NULL;
	if (n >= 0)
		m = fs_list(dir, NULL, true, &dirs);
	if (n > 0 || m > 0) {
		diag_add(dl, DIAG_ERROR, dir, 0, 0, "папка уже существует и не пуста; выберите новую папку");
		fs_names_free(names, n);
		fs_names_free(dirs, m);
		return -1;
	}
	free(names);
	free(dirs);
	/* The school year that is running now or starts this autumn. */
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	int y = tm.tm_year + 1900 - (tm.tm_mon + 1 < 8);
	char *ed = xasprintf("editions/%d-%d", y, y + 1);
	char *plan = xasprintf(PLAN_FMT, y, y + 1, y);
	char *plan_rel = xasprintf("%s/plan.yaml", ed);
	int rc = make_dir(dir, "", dl) | make_dir(dir, "pages", dl) | make_dir(dir, "editions", dl) |
	         make_dir(dir, ed, dl);
	if (!rc)
		rc = write_new(dir, "site.yaml", SITE_YAML, dl) | write_new(dir, "schools.csv", SCHOOLS_CSV, dl) |
		     write_new(dir, "pages/parents.md", PARENTS_MD, dl) | write_new(dir, plan_rel, plan, dl);
	free(ed);
	free(plan);
	free(plan_rel);
	return rc ? -1 : 0;
}
