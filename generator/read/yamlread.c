#include "yamlread.h"
#include "util.h"
#include "fsutil.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct builder {
	arena *a;
	const char *file;
	diag_list *dl;
	const char *data;
	size_t len;
	size_t nodes; /* parsed so far, bounded by YAML_MAX_NODES */
} builder;

/* libyaml counts columns in characters already (not bytes). */
static int char_col(const builder *b, const yaml_mark_t *m)
{
	(void)b;
	return (int)m->column + 1;
}

static ynode *new_node(builder *b, ykind k, const yaml_mark_t *m)
{
	ynode *n = arena_alloc(b->a, sizeof(ynode));
	n->kind = k;
	n->file = b->file;
	n->line = (int)m->line + 1;
	n->col = char_col(b, m);
	return n;
}

/* Children are collected in a heap vector, then copied to the arena once. */
typedef struct vec {
	ynode **v;
	size_t n, cap;
} vec;

static void vec_push(vec *v, ynode *x)
{
	xgrow((void **)&v->v, &v->cap, v->n + 1, sizeof(ynode *));
	v->v[v->n++] = x;
}

static ynode **vec_to_arena(builder *b, vec *v)
{
	ynode **out = arena_alloc(b->a, (v->n ? v->n : 1) * sizeof(ynode *));
	if (v->n)
		memcpy(out, v->v, v->n * sizeof(ynode *));
	free(v->v);
	return out;
}

static ynode *parse_node(builder *b, yaml_parser_t *p, yaml_event_t *ev, int depth);

/* libyaml explains problems in English; authors read Russian.  The common
 * problems are translated; anything else keeps libyaml's words after a
 * Russian lead so that nothing is hidden. */
static const struct {
	const char *en, *ru;
} YAML_PROBLEMS[] = {
	{"did not find expected key", "ожидался ключ «имя:» — проверьте отступы и кавычки"},
	{"did not find expected ',' or ']'", "список в квадратных скобках не закрыт «]» или элементы не разделены запятой"},
	{"did not find expected ',' or '}'", "набор в фигурных скобках не закрыт «}» или поля не разделены запятой"},
	{"mapping values are not allowed", "двоеточие с пробелом внутри значения: возьмите значение в кавычки"},
	{"found character that cannot start any token", "значение начинается с символа, который нельзя писать без кавычек: возьмите значение в кавычки"},
	{"could not find expected ':'", "после ключа нет двоеточия"},
	{"did not find expected '-' indicator", "ожидался элемент списка «- …» — проверьте отступы"},
	{"found unexpected end of stream", "файл оборвался: не закрыты кавычки или скобки"},
	{"tab character", "табуляция там, где нужен отступ из пробелов: замените её пробелами"},
	{"did not find expected node content", "ожидалось значение"},
	{"block sequence entries are not allowed", "элемент списка «- …» стоит не на своём месте — проверьте отступы"},
	{"found unknown escape character", "неизвестная последовательность с обратной косой чертой в кавычках"},
	{"control characters are not allowed", "в файле есть управляющие символы"},
	{"found undefined tag handle", "неизвестный тег YAML (значение, начинающееся с «!»): возьмите значение в кавычки"},
	{"did not find URI escaped octet", "неверный тег YAML: возьмите значение в кавычки"},
	{"found unexpected ':'", "лишнее двоеточие: возьмите значение в кавычки"},
	{"invalid leading UTF-8 octet", "неверная кодировка: файл должен быть в UTF-8"},
	{"incomplete UTF-8 octet sequence", "неверная кодировка: файл должен быть в UTF-8"},
	{"found incompatible YAML document", "неподдерживаемая версия YAML"},
};

/* Column (1-based) of a TAB in the indentation of line `line` (1-based), or 0.
 * Indentation is ASCII, so bytes are characters. */
static int tab_in_indent(const builder *b, size_t line)
{
	const char *s = b->data, *end = b->data + b->len;
	for (size_t l = 1; l < line && s < end; l++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		if (!nl)
			return 0;
		s = nl + 1;
	}
	for (const char *q = s; q < end && (*q == ' ' || *q == '\t'); q++)
		if (*q == '\t')
			return (int)(q - s) + 1;
	return 0;
}

static bool next(builder *b, yaml_parser_t *p, yaml_event_t *ev)
{
	if (yaml_parser_parse(p, ev))
		return true;
	const yaml_mark_t *m = &p->problem_mark;
	/* A TAB in the indentation is the usual cause of many different libyaml
	 * complaints on that line; quotes would not help, spaces would. */
	int tab = tab_in_indent(b, m->line + 1);
	if (tab) {
		diag_add(b->dl, DIAG_ERROR, b->file, (int)m->line + 1, tab,
		         "ошибка YAML: отступ сделан табуляцией (TAB в столбце %d); YAML понимает отступы только из "
		         "пробелов — замените табуляцию пробелами",
		         tab);
		return false;
	}
	const char *problem = p->problem ? p->problem : "";
	const char *ru = NULL;
	for (size_t i = 0; i < ARRAY_LEN(YAML_PROBLEMS) && !ru; i++)
		if (strstr(problem, YAML_PROBLEMS[i].en))
			ru = YAML_PROBLEMS[i].ru;
	int col = char_col(b, m);
	if (ru)
		diag_add(b->dl, DIAG_ERROR, b->file, (int)m->line + 1, col, "ошибка YAML: %s", ru);
	else
		diag_add(b->dl, DIAG_ERROR, b->file, (int)m->line + 1, col, "ошибка YAML (%s%s%s)", problem,
		         p->context ? ", " : "", p->context ? p->context : "");
	return false;
}

static ynode *parse_collection(builder *b, yaml_parser_t *p, yaml_event_t *start, int depth)
{
	bool is_map = start->type == YAML_MAPPING_START_EVENT;
	ynode *n = new_node(b, is_map ? Y_MAP : Y_SEQ, &start->start_mark);
	yaml_event_type_t end = is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
	vec keys = {0}, vals = {0};
	bool ok = true;
	for (;;) {
		yaml_event_t ev;
		if (!next(b, p, &ev)) {
			ok = false;
			break;
		}
		if (ev.type == end) {
			yaml_event_delete(&ev);
			break;
		}
		ynode *child = parse_node(b, p, &ev, depth + 1);
		if (!child) {
			ok = false;
			break;
		}
		if (!is_map) {
			vec_push(&vals, child);
			continue;
		}
		if (keys.n == vals.n) {
			if (child->kind != Y_SCALAR) {
				diag_add(b->dl, DIAG_ERROR, b->file, child->line, child->col,
				         "ключ должен быть простой строкой");
				ok = false;
				break;
			}
			for (size_t i = 0; i < keys.n; i++) {
				if (!strcmp(keys.v[i]->s, child->s)) {
					diag_add(b->dl, DIAG_ERROR, b->file, child->line, child->col,
					         "ключ «%s» повторяется (первый раз в строке %d)", child->s,
					         keys.v[i]->line);
					ok = false;
					break;
				}
			}
			vec_push(&keys, child);
		} else {
			vec_push(&vals, child);
		}
	}
	if (!ok) {
		free(keys.v);
		free(vals.v);
		return NULL;
	}
	n->n = vals.n;
	n->items = vec_to_arena(b, &vals);
	if (is_map)
		n->keys = vec_to_arena(b, &keys);
	else
		free(keys.v);
	return n;
}

/* Consumes ev (deletes it).  Returns NULL after reporting an error. */
static ynode *parse_node(builder *b, yaml_parser_t *p, yaml_event_t *ev, int depth)
{
	ynode *n = NULL;
	if (depth > YAML_MAX_DEPTH) {
		diag_add(b->dl, DIAG_ERROR, b->file, (int)ev->start_mark.line + 1,
		         char_col(b, &ev->start_mark), "слишком глубокая вложенность (больше %d уровней)",
		         YAML_MAX_DEPTH);
		yaml_event_delete(ev);
		return NULL;
	}
	if (++b->nodes > YAML_MAX_NODES) {
		diag_add(b->dl, DIAG_ERROR, b->file, (int)ev->start_mark.line + 1, char_col(b, &ev->start_mark),
		         "слишком много значений в файле (больше %d)", YAML_MAX_NODES);
		yaml_event_delete(ev);
		return NULL;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = new_node(b, Y_SCALAR, &ev->start_mark);
		n->s = arena_strndup(b->a, (const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (strlen(n->s) != ev->data.scalar.length) {
			diag_add(b->dl, DIAG_ERROR, b->file, n->line, n->col, "в значении есть нулевой байт");
			n = NULL;
		}
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		yaml_event_t start = *ev;
		n = parse_collection(b, p, &start, depth);
		break;
	}
	case YAML_ALIAS_EVENT:
		diag_add(b->dl, DIAG_ERROR, b->file, (int)ev->start_mark.line + 1,
		         char_col(b, &ev->start_mark), "ссылки YAML (*%s) не поддерживаются: повторите значение",
		         (const char *)ev->data.alias.anchor);
		break;
	default:
		diag_add(b->dl, DIAG_ERROR, b->file, (int)ev->start_mark.line + 1,
		         char_col(b, &ev->start_mark), "неожиданная конструкция YAML");
	}
	yaml_event_delete(ev);
	return n;
}

ynode *yaml_parse(arena *a, const char *file, const char *data, size_t len, diag_list *dl)
{
	builder b = {a, arena_strdup(a, file), dl, data, len, 0};
	if (memchr(data, '\0', len)) {
		size_t off = (size_t)((const char *)memchr(data, '\0', len) - data);
		int line = 1, col = 1;
		for (size_t i = 0; i < off; i++) {
			if (data[i] == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)data[i] & 0xC0) != 0x80) {
				col++;
			}
		}
		diag_add(dl, DIAG_ERROR, b.file, line, col, "в файле есть нулевой байт (это не текстовый файл?)");
		return NULL;
	}
	/* A BOM (Notepad writes one) is not content; columns count after it. */
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	ynode *root = NULL;
	bool ok = true, seen_doc = false;
	for (;;) {
		yaml_event_t ev;
		if (!next(&b, &p, &ev)) {
			ok = false;
			break;
		}
		yaml_event_type_t t = ev.type;
		if (t == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (t == YAML_DOCUMENT_START_EVENT && seen_doc) {
			diag_add(dl, DIAG_ERROR, b.file, (int)ev.start_mark.line + 1, 1,
			         "в файле больше одного документа YAML");
			yaml_event_delete(&ev);
			ok = false;
			break;
		}
		if (t == YAML_DOCUMENT_START_EVENT)
			seen_doc = true;
		if (t == YAML_SCALAR_EVENT || t == YAML_SEQUENCE_START_EVENT ||
		    t == YAML_MAPPING_START_EVENT || t == YAML_ALIAS_EVENT) {
			root = parse_node(&b, &p, &ev, 1);
			if (!root) {
				ok = false;
				break;
			}
			continue;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	if (!ok)
		return NULL;
	if (!root || (root->kind == Y_SCALAR && y_is_null(root))) {
		yaml_mark_t m = {0, 0, 0};
		root = new_node(&b, Y_MAP, &m);
		root->items = root->keys = NULL;
	}
	return root;
}

ynode *yaml_load(arena *a, const char *path, const char *file, diag_list *dl)
{
	size_t len;
	char *data = fs_read_file(path, file, YAML_MAX_BYTES, &len, dl);
	if (!data)
		return NULL;
	ynode *root = NULL;
	if (fs_utf8_ok(data, len, file, dl))
		root = yaml_parse(a, file, data, len, dl);
	free(data);
	return root;
}

ynode *y_get(const ynode *m, const char *key)
{
	if (!m || m->kind != Y_MAP)
		return NULL;
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->keys[i]->s, key))
			return m->items[i];
	return NULL;
}

bool y_is_null(const ynode *n)
{
	if (!n || n->kind != Y_SCALAR || !n->plain)
		return false;
	return !n->s[0] || !strcmp(n->s, "~") || !strcmp(n->s, "null") || !strcmp(n->s, "Null") ||
	       !strcmp(n->s, "NULL");
}
