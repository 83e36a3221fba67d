#include "starter.h"
#include "fsutil.h"
#include "output.h"
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

/* Makes the folder name in the open folder at (AT_FDCWD: the current one) and
 * opens it without following a symbolic link; path names it in a message. */
static int open_folder(int at, const char *name, const char *path, diag_list *dl)
{
	int fd = output_open_folder(at, name);
	if (fd >= 0)
		return fd;
	if (errno == ELOOP)
		diag_add(dl, DIAG_ERROR, path, 0, 0,
		         "это символическая ссылка, а не папка; заготовка пишется только в настоящую папку — выберите новую");
	else
		diag_add(dl, DIAG_ERROR, path, 0, 0, "не удалось создать папку: %s", strerror(errno));
	return -1;
}

/* A file of the starter: its name in the open folder fd, shown as folder/name. */
typedef struct starter_file {
	int fd;
	const char *folder, *name, *text;
} starter_file;

static int write_file(const starter_file *f, diag_list *dl)
{
	if (output_create_file(f->fd, f->name, f->text, strlen(f->text)) == 0)
		return 0;
	char *path = fs_join(f->folder, f->name);
	if (errno == EEXIST)
		diag_add(dl, DIAG_ERROR, path, 0, 0,
		         "файл уже есть (или на его месте символическая ссылка); заготовка ничего не перезаписывает — "
		         "выберите новую папку");
	else
		diag_add(dl, DIAG_ERROR, path, 0, 0, "не удалось создать файл: %s", strerror(errno));
	free(path);
	return -1;
}

int starter_create(const char *dir, diag_list *dl)
{
	char **names;
	int n = fs_list(dir, NULL, false, &names);
	bool existed = n >= 0;
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
	char *ed = xasprintf("%d-%d", y, y + 1);
	char *plan = xasprintf(PLAN_FMT, y, y + 1, y);
	char *pages_path = fs_join(dir, "pages"), *eds_path = fs_join(dir, "editions");
	char *ed_path = fs_join(eds_path, ed);
	/* Each folder is opened without following a symbolic link and each file is
	 * made by the one safe writer: nothing is written through a link planted
	 * in the folder, nor over a file that appeared there. */
	int root = open_folder(AT_FDCWD, dir, dir, dl);
	int pages = root >= 0 ? open_folder(root, "pages", pages_path, dl) : -1;
	int eds = pages >= 0 ? open_folder(root, "editions", eds_path, dl) : -1;
	int edf = eds >= 0 ? open_folder(eds, ed, ed_path, dl) : -1;
	const starter_file files[] = {
		{root, dir, "site.yaml", SITE_YAML},
		{root, dir, "schools.csv", SCHOOLS_CSV},
		{pages, pages_path, "parents.md", PARENTS_MD},
		{edf, ed_path, "plan.yaml", plan},
	};
	int rc = edf >= 0 ? 0 : -1;
	size_t made = 0;
	for (; !rc && made < ARRAY_LEN(files); made++)
		if (write_file(&files[made], dl) != 0) {
			rc = -1;
			break;
		}
	if (rc) { /* all or nothing: remove what this call made, and only that */
		for (size_t i = 0; i < made; i++)
			unlinkat(files[i].fd, files[i].name, 0);
		if (edf >= 0)
			unlinkat(eds, ed, AT_REMOVEDIR);
		if (eds >= 0)
			unlinkat(root, "editions", AT_REMOVEDIR);
		if (pages >= 0)
			unlinkat(root, "pages", AT_REMOVEDIR);
		if (root >= 0 && !existed)
			unlinkat(AT_FDCWD, dir, AT_REMOVEDIR);
	}
	int fds[] = {edf, eds, pages, root};
	for (size_t i = 0; i < ARRAY_LEN(fds); i++)
		if (fds[i] >= 0)
			close(fds[i]);
	free(ed);
	free(plan);
	free(pages_path);
	free(eds_path);
	free(ed_path);
	return rc;
}
