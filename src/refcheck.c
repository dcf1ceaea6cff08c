/* refcheck.c — the catalogue check: what a loaded catalogue's names,
 * numbers and identifiers may do wrong, as a report (cg_catalog_check).
 *
 * The loaded catalogue keeps only lookup structures (folded words, phrase
 * tries), so the check loads it, then reads the same YAML files again in the
 * same order for the names as written and their places, and compares them
 * word by word, folded the way the loader folds them. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "refcheck.h"

#include "catalog.h"
#include "text.h"
#include "util.h"

/* ------------------------------------------------------------ the report */

struct cg_check_report {
  cg_strings strings;        /* every string of the findings */
  cg_check_finding *findings;
  size_t nfindings, warnings;
  const char **ids;          /* the findings' instrument lists, end to end */
  cg_check_coverage *coverage;
  size_t ncoverage;
  size_t instruments, bodies;
};

/* A name as written in the catalogue. */
typedef struct {
  uint8_t type;          /* PH_INST_FULL … PH_INST_GENERIC, PH_BODY_FULL,
                            PH_BODY_SHORT, PH_AMBIGUOUS */
  int owner;             /* instrument or body index; -1 for PH_AMBIGUOUS */
  char lang[8];
  size_t name, key, file; /* offsets into the arena: the name, its folded
                             words joined by spaces (no spaces for languages
                             cut into words: Chinese), its file */
  unsigned long line, column;
} name_entry;

/* Where an instrument's entry and two of its fields are written. */
typedef struct {
  size_t file;
  unsigned long line, column;
  unsigned long ts_line, ts_column;
  unsigned long ab_line, ab_column;
} inst_place;

/* A finding while the report is built: strings are arena offsets (the arena
 * moves as it grows), instruments a range of `members`. */
typedef struct {
  cg_check_kind kind;
  int warning;
  size_t lang, name, context, file, body, detail;
  unsigned long line, column;
  size_t first, count;
} pending;

/* A key the loader does not read, found while the files are read: its
 * finding comes after the checks' (findings are in the order of kinds). */
typedef struct {
  size_t key, where, file; /* arena offsets */
  unsigned long line, column;
} unknown_key;

typedef struct {
  const cg_catalog *cat;
  cg_strings *s;
  VEC(unknown_key) unknown;
  VEC(name_entry) names;
  VEC(inst_place) places;
  size_t nbodies_read;
  VEC(pending) found;
  VEC(uint32_t) members;
  size_t *ids;           /* per instrument: offset of its identifier */
  cg_diag *diag;
  const char *path;      /* the file being read */
  yaml_document_t *doc;
} builder;

static size_t put(builder *b, const char *s) {
  return strings_add(b->s, s, strlen(s));
}

static const char *str(const builder *b, size_t off) {
  return strings_get(b->s, off);
}

/* ------------------------------------------------------------ words */

typedef struct {
  size_t start, len; /* the word as written in the name */
  char fold[256];    /* folded as the loader folds it */
  size_t fl;
} name_word;

/* The words of a name as the loader's split_words cuts them (catalog.c):
 * runs of letters or runs of digits, combining marks skipped inside a run,
 * anything else a separator. Stores up to `max` words; returns how many. */
static size_t name_words(const char *s, name_word *out, size_t max) {
  size_t len = strlen(s), i = 0, n = 0, start = 0;
  int run = 0;
  while (i <= len) {
    uint32_t cp = 0;
    size_t k = 1;
    int cls = CP_SPACE;
    if (i < len) {
      k = utf8_decode((const unsigned char *)s + i, len - i, &cp);
      if (!k)
        k = 1, cls = CP_OTHER;
      else
        cls = cp_class(cp);
    }
    if (cls == CP_MARK && run) {
      i += k;
      continue;
    }
    if (run && cls != run) {
      if (n < max) {
        out[n].start = start;
        out[n].len = i - start;
        out[n].fl = fold_word(s + start, i - start, out[n].fold,
                              sizeof out[n].fold);
        n++;
      }
      run = 0;
    }
    if (!run && (cls == CP_LETTER || cls == CP_DIGIT)) {
      run = cls;
      start = i;
    }
    i += k;
  }
  return n;
}

/* The folded words of `name` joined by spaces (or not, for languages whose
 * texts are cut into words), as a new arena string. */
static size_t name_key(builder *b, const char *name, int joined) {
  name_word w[64];
  size_t n = name_words(name, w, 64);
  char key[2048];
  size_t kl = 0;
  for (size_t i = 0; i < n; i++) {
    if (kl + w[i].fl + 2 >= sizeof key)
      break;
    if (i && !joined)
      key[kl++] = ' ';
    memcpy(key + kl, w[i].fold, w[i].fl);
    kl += w[i].fl;
  }
  return strings_add(b->s, key, kl);
}

/* ------------------------------------------------------------ reading */

static yaml_node_t *map_get(builder *b, yaml_node_t *map, const char *key) {
  if (!map || map->type != YAML_MAPPING_NODE)
    return NULL;
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
       p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(b->doc, p->key);
    if (k && k->type == YAML_SCALAR_NODE &&
        strcmp((const char *)k->data.scalar.value, key) == 0)
      return yaml_document_get_node(b->doc, p->value);
  }
  return NULL;
}

static const char *scalar(yaml_node_t *n) {
  return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value
                                          : NULL;
}

/* A file changed between loading and reading: the loader accepted what the
 * reader finds different. */
static cg_status changed(builder *b, yaml_node_t *n) {
  diag_set(b->diag, b->path, n ? n->start_mark.line + 1 : 0,
           n ? n->start_mark.column + 1 : 0,
           "the catalogue changed while it was checked");
  return CG_ERR_SCHEMA;
}

/* names: {lang: [name, …]} of one instrument, body or the `ambiguous` list. */
static cg_status read_names(builder *b, yaml_node_t *map, const char *key,
                            uint8_t type, int owner, size_t file) {
  yaml_node_t *names = map_get(b, map, key);
  if (!names)
    return CG_OK;
  if (names->type != YAML_MAPPING_NODE)
    return changed(b, names);
  for (yaml_node_pair_t *p = names->data.mapping.pairs.start;
       p < names->data.mapping.pairs.top; p++) {
    const char *code = scalar(yaml_document_get_node(b->doc, p->key));
    yaml_node_t *list = yaml_document_get_node(b->doc, p->value);
    if (!code || strlen(code) >= 8 || !list ||
        list->type != YAML_SEQUENCE_NODE)
      return changed(b, list);
    int li = catalog_lang_index(b->cat, code);
    int joined = li >= 0 && b->cat->langs.v[li].segment;
    for (yaml_node_item_t *it = list->data.sequence.items.start;
         it < list->data.sequence.items.top; it++) {
      yaml_node_t *n = yaml_document_get_node(b->doc, *it);
      const char *name = scalar(n);
      if (!name)
        return changed(b, n);
      name_entry e;
      memset(&e, 0, sizeof e);
      e.type = type;
      e.owner = owner;
      snprintf(e.lang, sizeof e.lang, "%s", code);
      e.name = put(b, name);
      e.key = name_key(b, name, joined);
      e.file = file;
      e.line = (unsigned long)n->start_mark.line + 1;
      e.column = (unsigned long)n->start_mark.column + 1;
      if (e.name == SIZE_MAX || e.key == SIZE_MAX || VEC_PUSH(b->names, e))
        return CG_ERR_NOMEM;
    }
  }
  return CG_OK;
}

/* Notes each key of the mapping m that is not in `known`; `where` says
 * whose mapping it is ("instrument UNTOC", "words"). */
static cg_status note_keys(builder *b, yaml_node_t *m, const char *const *known,
                           const char *where, size_t file) {
  if (!m || m->type != YAML_MAPPING_NODE)
    return CG_OK;
  for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
       p++) {
    yaml_node_t *k = yaml_document_get_node(b->doc, p->key);
    const char *key = scalar(k);
    if (!key)
      continue;
    size_t i = 0;
    while (known[i] && strcmp(known[i], key))
      i++;
    if (known[i])
      continue;
    unknown_key u;
    u.key = put(b, key);
    u.where = put(b, where);
    u.file = file;
    u.line = (unsigned long)k->start_mark.line + 1;
    u.column = (unsigned long)k->start_mark.column + 1;
    if (u.key == SIZE_MAX || u.where == SIZE_MAX || VEC_PUSH(b->unknown, u))
      return CG_ERR_NOMEM;
  }
  return CG_OK;
}

static cg_status read_instruments(builder *b, size_t file) {
  yaml_node_t *root = yaml_document_get_root_node(b->doc);
  yaml_node_t *list = map_get(b, root, "instruments");
  if (!list || list->type != YAML_SEQUENCE_NODE)
    return changed(b, root);
  cg_status st;
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top; it++) {
    yaml_node_t *m = yaml_document_get_node(b->doc, *it);
    size_t idx = b->places.n;
    const char *id = scalar(map_get(b, m, "id"));
    if (idx >= b->cat->insts.n || !id || strcmp(id, b->cat->insts.v[idx].id))
      return changed(b, m);
    inst_place pl;
    memset(&pl, 0, sizeof pl);
    pl.file = file;
    pl.line = (unsigned long)m->start_mark.line + 1;
    pl.column = (unsigned long)m->start_mark.column + 1;
    yaml_node_t *ts = map_get(b, m, "treaty_series");
    yaml_node_t *ab = map_get(b, m, "adopted_by");
    if (ts) {
      pl.ts_line = (unsigned long)ts->start_mark.line + 1;
      pl.ts_column = (unsigned long)ts->start_mark.column + 1;
    }
    if (ab) {
      pl.ab_line = (unsigned long)ab->start_mark.line + 1;
      pl.ab_column = (unsigned long)ab->start_mark.column + 1;
    }
    if (VEC_PUSH(b->places, pl))
      return CG_ERR_NOMEM;
    char where[64];
    snprintf(where, sizeof where, "instrument %s", id);
    if ((st = note_keys(b, m, catalog_keys_instrument, where, file)) ||
        (st = read_names(b, m, "names", PH_INST_FULL, (int)idx, file)) ||
        (st = read_names(b, m, "short", PH_INST_SHORT, (int)idx, file)) ||
        (st = read_names(b, m, "abbrev", PH_INST_ABBREV, (int)idx, file)) ||
        (st = read_names(b, m, "generic", PH_INST_GENERIC, (int)idx, file)) ||
        (st = read_names(b, m, "together", PH_INST_TOGETHER, (int)idx, file)))
      return st;
  }
  if ((st = note_keys(b, root, catalog_keys_instruments_root, "the file", file)))
    return st;
  return read_names(b, root, "ambiguous", PH_AMBIGUOUS, -1, file);
}

static cg_status read_bodies(builder *b, size_t file) {
  yaml_node_t *root = yaml_document_get_root_node(b->doc);
  yaml_node_t *list = map_get(b, root, "bodies");
  if (!list || list->type != YAML_SEQUENCE_NODE)
    return changed(b, root);
  cg_status st;
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top; it++) {
    yaml_node_t *m = yaml_document_get_node(b->doc, *it);
    size_t idx = b->nbodies_read++;
    const char *id = scalar(map_get(b, m, "id"));
    if (idx >= b->cat->bodies.n || !id || strcmp(id, b->cat->bodies.v[idx].id))
      return changed(b, m);
    char where[64];
    snprintf(where, sizeof where, "body %s", id);
    if ((st = note_keys(b, m, catalog_keys_body, where, file)) ||
        (st = read_names(b, m, "names", PH_BODY_FULL, (int)idx, file)) ||
        (st = read_names(b, m, "short", PH_BODY_SHORT, (int)idx, file)))
      return st;
  }
  return note_keys(b, root, catalog_keys_bodies_root, "the file", file);
}

/* A vocabulary: its keys, and those of its phrases and inflect (an unknown
 * word class under `words` is already an error of the loader's). */
static cg_status read_language(builder *b, size_t file) {
  yaml_node_t *root = yaml_document_get_root_node(b->doc);
  cg_status st;
  if ((st = note_keys(b, root, catalog_keys_lang, "the vocabulary", file)) ||
      (st = note_keys(b, map_get(b, root, "phrases"), catalog_keys_lang_phrases, "phrases", file)))
    return st;
  return note_keys(b, map_get(b, root, "inflect"), catalog_keys_lang_inflect, "inflect", file);
}

/* Reads one catalogue file: instruments (bodies = 0), bodies (1) or a
 * vocabulary (2). */
static cg_status read_file(builder *b, const char *path, int bodies) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    diag_set(b->diag, path, 0, 0, "cannot open: %s", strerror(errno));
    return CG_ERR_IO;
  }
  yaml_parser_t parser;
  yaml_document_t doc;
  cg_status st = CG_OK;
  if (!yaml_parser_initialize(&parser)) {
    fclose(f);
    return CG_ERR_NOMEM;
  }
  yaml_parser_set_input_file(&parser, f);
  if (!yaml_parser_load(&parser, &doc)) {
    st = parser.error == YAML_MEMORY_ERROR ? CG_ERR_NOMEM : CG_ERR_SYNTAX;
    diag_set(b->diag, path, parser.problem_mark.line + 1,
             parser.problem_mark.column + 1, "%s",
             parser.problem ? parser.problem : "YAML error");
  } else {
    size_t file = put(b, path);
    b->doc = &doc;
    b->path = path;
    st = file == SIZE_MAX ? CG_ERR_NOMEM
         : bodies == 2    ? read_language(b, file)
         : bodies         ? read_bodies(b, file)
                          : read_instruments(b, file);
    b->doc = NULL;
    yaml_document_delete(&doc);
  }
  yaml_parser_delete(&parser);
  fclose(f);
  return st;
}

/* The instrument files in the order the loader reads them: instruments.yaml
 * (when present, or when instruments/ has no file), then the .yaml files
 * of instruments/ in name order. */
static cg_status read_catalogue(builder *b, const char *dir) {
  char path[4096];
  char **files = NULL;
  size_t n = 0;
  snprintf(path, sizeof path, "%s/instruments", dir);
  cg_status st = catalog_list_yaml(path, 0, &files, &n, NULL);
  snprintf(path, sizeof path, "%s/instruments.yaml", dir);
  if (!st && (n == 0 || access(path, F_OK) == 0))
    st = read_file(b, path, 0);
  for (size_t i = 0; i < n && !st; i++) {
    snprintf(path, sizeof path, "%s/instruments/%s", dir, files[i]);
    st = read_file(b, path, 0);
  }
  for (size_t i = 0; i < n; i++)
    free(files[i]);
  free(files);
  if (st)
    return st;
  if (b->places.n != b->cat->insts.n)
    return changed(b, NULL);
  snprintf(path, sizeof path, "%s/bodies.yaml", dir);
  if ((st = read_file(b, path, 1)))
    return st;
  snprintf(path, sizeof path, "%s/lang", dir);
  files = NULL;
  n = 0;
  st = catalog_list_yaml(path, 0, &files, &n, NULL);
  for (size_t i = 0; i < n && !st; i++) {
    snprintf(path, sizeof path, "%s/lang/%s", dir, files[i]);
    st = read_file(b, path, 2);
  }
  for (size_t i = 0; i < n; i++)
    free(files[i]);
  free(files);
  return st;
}

/* ------------------------------------------------------------ findings */

typedef struct {
  cg_check_kind kind;
  int warning;
  const char *lang, *name, *context, *body, *detail;
  size_t file;          /* arena offset */
  unsigned long line, column;
} finding_args;

/* Adds a finding about the instruments members[first, end). The strings
 * may point into the arena, which moves as it grows: they are copied out
 * first. */
static cg_status add_finding(builder *b, const finding_args *a, size_t first) {
  const char *in[5] = {a->lang, a->name, a->context, a->body, a->detail};
  size_t len[5], total = 0;
  for (int i = 0; i < 5; i++)
    total += len[i] = in[i] ? strlen(in[i]) : 0;
  char *copy = malloc(total + 1);
  if (!copy)
    return CG_ERR_NOMEM;
  size_t off[5], o = 0;
  for (int i = 0; i < 5; i++) {
    if (len[i])
      memcpy(copy + o, in[i], len[i]);
    o += len[i];
  }
  o = 0;
  int failed = 0;
  for (int i = 0; i < 5; i++) {
    off[i] = strings_add(b->s, copy + o, len[i]);
    failed |= off[i] == SIZE_MAX;
    o += len[i];
  }
  free(copy);
  pending p;
  memset(&p, 0, sizeof p);
  p.kind = a->kind;
  p.warning = a->warning;
  p.lang = off[0];
  p.name = off[1];
  p.context = off[2];
  p.body = off[3];
  p.detail = off[4];
  p.file = a->file;
  p.line = a->line;
  p.column = a->column;
  p.first = first;
  p.count = b->members.n - first;
  if (failed || VEC_PUSH(b->found, p))
    return CG_ERR_NOMEM;
  return CG_OK;
}

/* Appends instrument `inst` to the members from `first` on, once. */
static int add_member(builder *b, size_t first, int inst) {
  for (size_t i = first; i < b->members.n; i++)
    if (b->members.v[i] == (uint32_t)inst)
      return 0;
  return VEC_PUSH(b->members, (uint32_t)inst);
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

static void sort_members(builder *b, size_t first) {
  if (b->members.n - first > 1)
    qsort(b->members.v + first, b->members.n - first, sizeof *b->members.v,
          cmp_u32);
}

static int names_instrument(uint8_t type) {
  return type == PH_INST_FULL || type == PH_INST_SHORT ||
         type == PH_INST_ABBREV;
}

/* The name entries, sorted by language code then catalogue order: each
 * check walks one language at a time. A new array (free it), or NULL. */
static int cmp_entry_lang(const void *x, const void *y) {
  const name_entry *a = *(const name_entry *const *)x;
  const name_entry *c = *(const name_entry *const *)y;
  int k = strcmp(a->lang, c->lang);
  return k ? k : (a > c) - (a < c); /* one array: address is catalogue order */
}

static const name_entry **entries_by_lang(const builder *b) {
  const name_entry **ix = malloc((b->names.n + 1) * sizeof *ix);
  if (!ix)
    return NULL;
  for (size_t i = 0; i < b->names.n; i++)
    ix[i] = &b->names.v[i];
  qsort(ix, b->names.n, sizeof *ix, cmp_entry_lang);
  return ix;
}

static int segmented(const builder *b, const char *lang) {
  int li = catalog_lang_index(b->cat, lang);
  return li >= 0 && b->cat->langs.v[li].segment;
}

/* Whether name `key` is `prefix` or begins with its words. */
static int begins_with(const char *key, const char *prefix, int segment) {
  size_t n = strlen(prefix);
  return strncmp(key, prefix, n) == 0 &&
         (segment || key[n] == '\0' || key[n] == ' ');
}

/* Names declared ambiguous, and the instruments that share each. */
static cg_status check_ambiguous(builder *b, const name_entry *const *ix) {
  for (size_t q = 0; q < b->names.n; q++) {
    const name_entry *a = ix[q];
    if (a->type != PH_AMBIGUOUS)
      continue;
    int dup = 0;
    for (size_t r = 0; r < q && !dup; r++) {
      const name_entry *o = ix[r];
      dup = o->type == PH_AMBIGUOUS && !strcmp(o->lang, a->lang) &&
            !strcmp(str(b, o->key), str(b, a->key));
    }
    if (dup)
      continue;
    size_t first = b->members.n;
    int seg = segmented(b, a->lang);
    const char *akey = str(b, a->key);
    for (size_t i = 0; i < b->names.n; i++) {
      const name_entry *e = &b->names.v[i];
      if (names_instrument(e->type) && !strcmp(e->lang, a->lang) &&
          begins_with(str(b, e->key), akey, seg) && add_member(b, first, e->owner))
        return CG_ERR_NOMEM;
    }
    sort_members(b, first);
    size_t count = b->members.n - first;
    char detail[320];
    if (count >= 2)
      snprintf(detail, sizeof detail,
               "names none of these %zu: a text that uses it alone gets no "
               "target; their longer names still tell them apart", count);
    else if (count == 1)
      snprintf(detail, sizeof detail,
               "only %s has a name that is or begins with it, and the "
               "declaration keeps it from naming %s: right only if an "
               "instrument the catalogue lacks shares it",
               b->cat->insts.v[b->members.v[first]].id,
               b->cat->insts.v[b->members.v[first]].id);
    else
      snprintf(detail, sizeof detail,
               "no instrument's name is or begins with it: it only keeps the "
               "names inside it from matching there");
    finding_args fa = {CG_CHECK_AMBIGUOUS, count == 1, a->lang,
                       str(b, a->name), "", "", detail, a->file, a->line,
                       a->column};
    if (add_finding(b, &fa, first))
      return CG_ERR_NOMEM;
  }
  return CG_OK;
}

/* A generic form of one language and the instruments that have it. */
typedef struct {
  const name_entry *entry; /* its first entry */
  const char *key;         /* its folded words, set just before sorting */
  size_t first, count;     /* its instruments in the scratch list */
} generic_group;

static int cmp_group(const void *x, const void *y) {
  const generic_group *a = x, *c = y;
  if (a->count != c->count)
    return a->count > c->count ? -1 : 1;
  int k = strcmp(a->key, c->key);
  return k ? k : (a->entry > c->entry) - (a->entry < c->entry);
}

/* Generic forms, per language, most shared first. */
static cg_status check_generic(builder *b, const name_entry *const *ix) {
  VEC(generic_group) groups = {NULL, 0, 0};
  VEC(uint32_t) scratch = {NULL, 0, 0};
  cg_status st = CG_OK;
  for (size_t q = 0; q < b->names.n && !st;) {
    const char *lang = ix[q]->lang;
    size_t end = q;
    while (end < b->names.n && !strcmp(ix[end]->lang, lang))
      end++;
    groups.n = scratch.n = 0;
    for (size_t r = q; r < end; r++) {
      const name_entry *e = ix[r];
      if (e->type != PH_INST_GENERIC)
        continue;
      size_t g = 0;
      while (g < groups.n && strcmp(str(b, groups.v[g].entry->key),
                                    str(b, e->key)))
        g++;
      if (g == groups.n) {
        /* a new form: collect its instruments now, over the language */
        generic_group ng = {ix[r], NULL, scratch.n, 0};
        for (size_t t = r; t < end; t++) {
          const name_entry *o = ix[t];
          if (o->type != PH_INST_GENERIC || strcmp(str(b, o->key), str(b, e->key)))
            continue;
          int seen = 0;
          for (size_t k = ng.first; k < scratch.n && !seen; k++)
            seen = scratch.v[k] == (uint32_t)o->owner;
          if (!seen && VEC_PUSH(scratch, (uint32_t)o->owner)) {
            st = CG_ERR_NOMEM;
            break;
          }
        }
        ng.count = scratch.n - ng.first;
        if (st || VEC_PUSH(groups, ng)) {
          st = CG_ERR_NOMEM;
          break;
        }
      }
    }
    for (size_t g = 0; g < groups.n; g++)
      groups.v[g].key = str(b, groups.v[g].entry->key);
    if (!st && groups.n > 1)
      qsort(groups.v, groups.n, sizeof *groups.v, cmp_group);
    for (size_t g = 0; g < groups.n && !st; g++) {
      size_t first = b->members.n;
      int implied = 0;
      for (size_t k = 0; k < groups.v[g].count && !st; k++) {
        uint32_t inst = scratch.v[groups.v[g].first + k];
        implied += b->cat->insts.v[inst].implied;
        if (VEC_PUSH(b->members, inst))
          st = CG_ERR_NOMEM;
      }
      if (st)
        break;
      sort_members(b, first);
      char detail[320];
      size_t cnt = groups.v[g].count;
      const char *only = b->cat->insts.v[b->members.v[first]].id;
      if (cnt == 1)
        snprintf(detail, sizeof detail,
                 "only %s has it: it resolves to %s %s", only, only,
                 implied ? "even when the document never names it (implied)"
                         : "when the document named it");
      else if (implied)
        snprintf(detail, sizeof detail,
                 "shared by %zu instruments, %d of them implied: it means the "
                 "one the document named, else the implied one", cnt, implied);
      else
        snprintf(detail, sizeof detail,
                 "shared by %zu instruments: it resolves to the one the "
                 "document named, and only when it named exactly one of them",
                 cnt);
      const name_entry *e = groups.v[g].entry;
      finding_args fa = {CG_CHECK_GENERIC, 0, e->lang, str(b, e->name), "",
                         "", detail, e->file, e->line, e->column};
      st = add_finding(b, &fa, first);
    }
    q = end;
  }
  free(groups.v);
  free(scratch.v);
  return st;
}

/* Short titles and abbreviations of instruments that are also bodies'
 * names. */
static cg_status check_body_names(builder *b, const name_entry *const *ix) {
  for (size_t q = 0; q < b->names.n; q++) {
    const name_entry *e = ix[q];
    if (e->type != PH_INST_SHORT && e->type != PH_INST_ABBREV)
      continue;
    for (size_t r = 0; r < b->names.n; r++) {
      const name_entry *o = ix[r];
      if ((o->type != PH_BODY_FULL && o->type != PH_BODY_SHORT) ||
          strcmp(o->lang, e->lang) || strcmp(str(b, o->key), str(b, e->key)))
        continue;
      int dup = 0; /* the same instrument, body and words already reported */
      for (size_t f = 0; f < b->found.n && !dup; f++) {
        const pending *p = &b->found.v[f];
        dup = p->kind == CG_CHECK_BODY_NAME && p->count == 1 &&
              b->members.v[p->first] == (uint32_t)e->owner &&
              !strcmp(str(b, p->body), b->cat->bodies.v[o->owner].id) &&
              !strcmp(str(b, p->lang), e->lang);
      }
      if (dup)
        continue;
      const body_def *bd = &b->cat->bodies.v[o->owner];
      char detail[400];
      snprintf(detail, sizeof detail,
               "the %s of %s is also %s name of the body %s (%s): the same "
               "words name both",
               e->type == PH_INST_ABBREV ? "abbreviation" : "short title",
               b->cat->insts.v[e->owner].id,
               o->type == PH_BODY_FULL ? "the full" : "a short", bd->id,
               bd->name[0] ? bd->name : bd->prefix);
      size_t first = b->members.n;
      if (add_member(b, first, e->owner))
        return CG_ERR_NOMEM;
      finding_args fa = {CG_CHECK_BODY_NAME, 1, e->lang, str(b, e->name),
                         "", bd->id, detail, e->file, e->line, e->column};
      if (add_finding(b, &fa, first))
        return CG_ERR_NOMEM;
    }
  }
  return CG_OK;
}

/* Instruments under one Treaty Series volume and number (warnings), then
 * registration numbers shared across volumes (notes). */
static cg_status check_treaty_series(builder *b) {
  const cg_catalog *cat = b->cat;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t i = 0; i < cat->insts.n; i++) {
      const inst_def *d = &cat->insts.v[i];
      if (!d->ts_number)
        continue;
      int earlier = 0;
      for (size_t j = 0; j < i && !earlier; j++)
        earlier = cat->insts.v[j].ts_number == d->ts_number &&
                  (pass == 1 || cat->insts.v[j].ts_volume == d->ts_volume);
      if (earlier)
        continue;
      size_t first = b->members.n;
      size_t second = SIZE_MAX;
      int volumes = 0;
      for (size_t j = i; j < cat->insts.n; j++) {
        const inst_def *o = &cat->insts.v[j];
        if (o->ts_number != d->ts_number ||
            (pass == 0 && o->ts_volume != d->ts_volume))
          continue;
        int new_volume = 1;
        for (size_t k = first; k < b->members.n; k++)
          if (cat->insts.v[b->members.v[k]].ts_volume == o->ts_volume)
            new_volume = 0;
        volumes += new_volume;
        if (j != i && second == SIZE_MAX)
          second = j;
        if (VEC_PUSH(b->members, (uint32_t)j))
          return CG_ERR_NOMEM;
      }
      if (second == SIZE_MAX || (pass == 1 && volumes < 2)) {
        b->members.n = first;
        continue;
      }
      char name[64], detail[320];
      if (pass == 0) {
        snprintf(name, sizeof name, "vol. %lu, No. %lu", d->ts_volume,
                 d->ts_number);
        snprintf(detail, sizeof detail,
                 "a footnote citing vol. %lu, No. %lu resolves to %s, never "
                 "to the others",
                 d->ts_volume, d->ts_number, d->id);
      } else {
        snprintf(name, sizeof name, "No. %lu", d->ts_number);
        snprintf(detail, sizeof detail,
                 "registration %lu in %d volumes (a treaty and its protocols "
                 "or amendments): a footnote resolves by its volume, and one "
                 "citing another volume of No. %lu resolves to none of them",
                 d->ts_number, volumes, d->ts_number);
      }
      const inst_place *pl = &b->places.v[pass == 0 ? second : i];
      finding_args fa = {CG_CHECK_TREATY_SERIES, pass == 0, "", name, "", "",
                         detail, pl->file, pl->ts_line, pl->ts_column};
      if (add_finding(b, &fa, first))
        return CG_ERR_NOMEM;
    }
  }
  return CG_OK;
}

/* ------------------------------------------------------------ identifiers */

static size_t count_digits(const char *s) {
  size_t n = 0;
  while (s[n] >= '0' && s[n] <= '9')
    n++;
  return n;
}

static size_t count_roman(const char *s) {
  size_t n = 0;
  while (s[n] && strchr("IVXLCDM", s[n]))
    n++;
  return n;
}

static size_t count_upper(const char *s) {
  size_t n = 0;
  while (s[n] >= 'A' && s[n] <= 'Z')
    n++;
  return n;
}

/* Whether s starts with one of the body's marks followed by `sep` (a
 * character, or 0 for digits or "("); returns the mark's length, or 0. */
static size_t mark_at(const body_def *d, const char *s, char sep) {
  for (size_t k = 0; k < d->nmarks; k++) {
    size_t n = strlen(d->marks[k]);
    if (strncmp(s, d->marks[k], n) != 0)
      continue;
    if (sep ? s[n] == sep : (s[n] == '(' || (s[n] >= '0' && s[n] <= '9')))
      return n;
  }
  return 0;
}

/* Whether `num` (what follows "<prefix>/RES/") is a number of `shape` for
 * body `d`. */
static int number_fits(const body_def *d, unsigned shape, const char *num) {
  const char *p = num;
  size_t n;
  switch (shape) {
  case SHAPE_SESSION: /* 61/144, 31/6A, S-30/1, ES-10/21 */
    if (!strncmp(p, "S-", 2))
      p += 2;
    else if (!strncmp(p, "ES-", 3))
      p += 3;
    if (!(n = count_digits(p)) || p[n] != '/')
      return 0;
    p += n + 1;
    if (!(n = count_digits(p)))
      return 0;
    p += n;
    return !*p || (count_upper(p) == 1 && !p[1]);
  case SHAPE_YEAR: /* 2013/41 */
    if (count_digits(p) != 4 || p[4] != '/')
      return 0;
    p += 5;
    if (!(n = count_digits(p)))
      return 0;
    p += n;
    return !*p || (count_upper(p) == 1 && !p[1]);
  case SHAPE_SC: /* 2331(2016) */
    if (!(n = count_digits(p)) || p[n] != '(' || count_digits(p + n + 1) != 4)
      return 0;
    return !strcmp(p + n + 5, ")");
  case SHAPE_ROMAN: /* 918(X), 2200A(XXI), 217(III)A, 3201(S-VI) */
    if (!(n = count_digits(p)))
      return 0;
    p += n;
    if (count_upper(p) == 1 && p[1] == '(')
      p++;
    if (*p++ != '(')
      return 0;
    if (!strncmp(p, "S-", 2))
      p += 2;
    else if (!strncmp(p, "ES-", 3))
      p += 3;
    if (!(n = count_roman(p)) || p[n] != ')')
      return 0;
    p += n + 1;
    return !*p || (count_upper(p) == 1 && !p[1]);
  case SHAPE_MARKED: /* 1/CP.21 */
    if (!(n = count_digits(p)) || p[n] != '/')
      return 0;
    p += n + 1;
    if (!(n = mark_at(d, p, '.')))
      return 0;
    p += n + 1;
    return (n = count_digits(p)) > 0 && !p[n];
  case SHAPE_RSESSION: /* XIV/5 */
    if (!(n = count_roman(p)) || p[n] != '/')
      return 0;
    p += n + 1;
    return (n = count_digits(p)) > 0 && !p[n];
  case SHAPE_PREFIXED: /* BC-12/25 */
    if (!(n = mark_at(d, p, '-')))
      return 0;
    p += n + 1;
    if (!(n = count_digits(p)) || p[n] != '/')
      return 0;
    p += n + 1;
    return (n = count_digits(p)) > 0 && !p[n];
  default:
    return 0;
  }
}

/* Whether `id` is a body's own symbol: WHA72.1, GC(67)/RES/10, GC(69)/RES/9A.2. */
static int own_symbol(const body_def *d, const char *id) {
  size_t n = mark_at(d, id, 0);
  if (!n)
    return 0;
  const char *p = id + n;
  if (*p != '(') { /* WHA72.1 */
    if (!(n = count_digits(p)) || p[n] != '.')
      return 0;
    p += n + 1;
    return (n = count_digits(p)) > 0 && !p[n];
  }
  p++;
  n = count_digits(p);
  if (!n)
    n = count_roman(p);
  if (!n || p[n] != ')' || p[n + 1] != '/')
    return 0;
  p += n + 2;
  if (strncmp(p, "RES/", 4) && strncmp(p, "DEC/", 4))
    return 0;
  p += 4;
  if (!(n = count_digits(p)))
    return 0;
  p += n;
  if (count_upper(p) == 1) {
    p++;
    if (*p == '.' && (n = count_digits(p + 1)) > 0)
      p += n + 1;
  }
  return !*p;
}

/* Whether `id` is what a body's template makes of a session number:
 * "UNEP/EA.5/RES.14" for "UNEP/EA.{1}/RES.{2}". */
static int form_fits(const char *form, const char *id) {
  const char *p = id;
  for (const char *f = form; *f; f++) {
    if (f[0] == '{' && (f[1] == '1' || f[1] == '2') && f[2] == '}') {
      size_t n = count_digits(p);
      if (!n)
        return 0;
      p += n;
      f += 2;
    } else if (*p++ != *f) {
      return 0;
    }
  }
  return !*p;
}

static void shape_names(unsigned shapes, char *out, size_t cap) {
  static const struct {
    unsigned shape;
    const char *name;
  } names[] = {{SHAPE_SESSION, "session (61/144)"}, {SHAPE_YEAR, "year (2013/41)"},
               {SHAPE_SC, "sc (2331(2016))"},      {SHAPE_ROMAN, "roman (2200A(XXI), 3201(S-VI))"},
               {SHAPE_MARKED, "marked (1/CP.21)"}, {SHAPE_RSESSION, "roman-session (XIV/5)"},
               {SHAPE_PREFIXED, "prefixed (BC-12/25)"}};
  size_t o = 0;
  out[0] = '\0';
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if ((shapes & names[i].shape) && o < cap)
      o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? ", " : "",
                            names[i].name);
}

int refcheck_resolution_identifier(const cg_catalog *cat, const char *id,
                                   char *why, size_t cap) {
  const body_def *near = NULL;
  for (size_t i = 0; i < cat->bodies.n; i++) {
    const body_def *d = &cat->bodies.v[i];
    if ((d->numbering & SHAPE_OWN) && own_symbol(d, id))
      return 1;
    for (int k = 0; k < 2; k++)
      if (d->forms[k][0] && (d->numbering & SHAPE_SESSION) &&
          form_fits(d->forms[k], id) && (k == 0 || !d->no_decisions))
        return 1;
    size_t pl = strlen(d->prefix);
    if (strncmp(id, d->prefix, pl) != 0)
      continue;
    int dec = !strncmp(id + pl, "/DEC/", 5);
    if (!dec && strncmp(id + pl, "/RES/", 5) != 0)
      continue;
    if (dec && d->no_decisions) {
      near = d;
      continue;
    }
    for (unsigned shape = 1; shape < SHAPE_OWN; shape <<= 1) {
      if (!(d->numbering & shape))
        continue;
      if (shape == SHAPE_SESSION && d->forms[dec][0])
        continue; /* its session numbers take the template */
      if (number_fits(d, shape, id + pl + 5))
        return 1;
    }
    near = d;
  }
  if (near) {
    char shapes[200];
    shape_names(near->numbering & ~(unsigned)(SHAPE_OWN | SHAPE_COMMENT),
                shapes, sizeof shapes);
    if (!shapes[0])
      snprintf(why, cap, "%s (%s) adopts no numbered resolutions", near->id,
               near->prefix);
    else if (strstr(id, "/DEC/") && near->no_decisions)
      snprintf(why, cap, "%s (%s) adopts no numbered decisions", near->id,
               near->prefix);
    else
      snprintf(why, cap,
               "the number does not fit %s (%s): its numbers are %s, written "
               "without spaces%s",
               near->id, near->prefix, shapes,
               near->forms[0][0] ? ", session numbers in its own form" : "");
  } else if (strstr(id, "/RES/") || strstr(id, "/DEC/")) {
    snprintf(why, cap, "no catalogued body has the prefix before /RES/ or "
                       "/DEC/");
  } else {
    snprintf(why, cap, "not a resolution or decision identifier "
                       "(<prefix>/RES/<number>, <prefix>/DEC/<number>, or a "
                       "body's own symbol such as WHA72.1)");
  }
  return 0;
}

static cg_status check_adopted_by(builder *b) {
  for (size_t i = 0; i < b->cat->insts.n; i++) {
    const inst_def *d = &b->cat->insts.v[i];
    char why[400];
    if (!d->adopted_by[0] ||
        refcheck_resolution_identifier(b->cat, d->adopted_by, why, sizeof why))
      continue;
    size_t first = b->members.n;
    if (add_member(b, first, (int)i))
      return CG_ERR_NOMEM;
    const inst_place *pl = &b->places.v[i];
    finding_args fa = {CG_CHECK_ADOPTED_BY, 1, "", d->adopted_by, "", "", why,
                       pl->file, pl->ab_line, pl->ab_column};
    if (add_finding(b, &fa, first))
      return CG_ERR_NOMEM;
  }
  return CG_OK;
}

static cg_status check_english(builder *b) {
  for (size_t i = 0; i < b->cat->insts.n; i++) {
    const inst_def *d = &b->cat->insts.v[i];
    if (d->title[0])
      continue;
    char detail[200];
    snprintf(detail, sizeof detail,
             "no English full title: exports and labels show %s",
             d->short_title[0] ? "its English short title" : "its identifier");
    size_t first = b->members.n;
    if (add_member(b, first, (int)i))
      return CG_ERR_NOMEM;
    const inst_place *pl = &b->places.v[i];
    finding_args fa = {CG_CHECK_NO_ENGLISH, 1, "", d->id, "", "", detail,
                       pl->file, pl->line, pl->column};
    if (add_finding(b, &fa, first))
      return CG_ERR_NOMEM;
  }
  return CG_OK;
}

/* ------------------------------------------------------------ clitics */

/* The number of code points of a NUL-terminated UTF-8 string. */
static size_t utf8_length(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* Whether prefix p is what another prefix stands for ("ال" for "لل>ال"):
 * the vocabulary writes words with it on purpose ("الاتفاقية"), so a word
 * beginning with it is a form of the word, not a clitic glued to one. */
static int restored_prefix(const lang_vocab *lv, size_t p) {
  for (size_t q = 0; q < lv->naffixes[0]; q++)
    if (lv->restore_len[q] == lv->affix_len[0][p] &&
        !memcmp(lv->restore[q], lv->affixes[0][p], lv->affix_len[0][p]))
      return 1;
  return 0;
}

static const word_info *vocab_word(const builder *b, const lang_vocab *lv,
                                   const char *w, size_t n) {
  return wordtab_find(b->cat, &lv->words, w, n, word_hash(w, n));
}

/* How many names of language `lang` begin with the folded word w. */
static size_t names_beginning(const builder *b, const char *lang,
                              const char *w, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < b->names.n; i++) {
    const name_entry *e = &b->names.v[i];
    const char *k = str(b, e->key);
    if (!strcmp(e->lang, lang) && e->type != PH_INST_ABBREV &&
        !strncmp(k, w, n) && (k[n] == ' ' || k[n] == '\0'))
      count++;
  }
  return count;
}

/* How the scanner splits a word it does not know (lex.c, lookup_affixed):
 * the first listed prefix that leaves a vocabulary word, tried with what
 * the prefix stands for first ("للجمعية": "الجمعية"), then as it is, then
 * without a pronoun suffix. */
typedef struct {
  size_t prefix;    /* index of the prefix */
  int restored;     /* what the prefix stands for was put back */
  char word[320];   /* the word read after the prefix, folded */
  size_t len;
  uint32_t cls;     /* its classes */
} clitic_split;

/* Whether the scanner, not knowing w[0..n), would read it as a clitic and
 * a word that matters (one that starts names or citations): then fills
 * *sp. The article is no clitic: a prefix that another prefix stands for
 * ("ال" of "لل>ال") is part of the words the catalogue writes
 * ("الاتفاقية"); nor is a one-letter remainder a word ("في"). */
static int split_of(const builder *b, const lang_vocab *lv, const char *w,
                    size_t n, clitic_split *sp) {
  for (size_t p = 0; p < lv->naffixes[0]; p++) {
    size_t lp = lv->affix_len[0][p];
    if (lp >= n || memcmp(w, lv->affixes[0][p], lp) != 0)
      continue;
    for (int pass = 0; pass < 2 + (int)lv->naffixes[1]; pass++) {
      size_t lr = pass == 0 ? lv->restore_len[p] : 0, cut = 0;
      if (pass == 0 && !lr)
        continue;
      if (pass >= 2) { /* without a pronoun suffix */
        const char *suf = lv->affixes[1][pass - 2];
        cut = lv->affix_len[1][pass - 2];
        if (lp + cut + 4 > n || memcmp(w + n - cut, suf, cut) != 0)
          continue;
      }
      size_t len = lr + n - lp - cut;
      if (len >= sizeof sp->word)
        continue;
      memcpy(sp->word, lv->restore[p], lr);
      memcpy(sp->word + lr, w + lp, n - lp - cut);
      sp->word[len] = '\0';
      const word_info *wi = vocab_word(b, lv, sp->word, len);
      if (!wi)
        continue;
      /* The scanner stops at the first word found: so does the check. */
      sp->prefix = p;
      sp->restored = lr > 0;
      sp->len = len;
      sp->cls = wi->cls;
      return (wi->cls & W_STRONG) && !restored_prefix(lv, p) &&
             utf8_length(sp->word + lr) >= 2;
    }
  }
  return 0;
}

/* Words of names that begin with a clitic prefix of their language: being
 * in the vocabulary, such a word is read whole. The scanner also reads it
 * split when what follows the clitic starts a title (a note: titles are
 * found), except where the whole word starts a name itself; a citation word
 * after the clitic ("للمواد": ل + "المواد", articles) is never seen
 * (warnings). */
static cg_status check_clitics(builder *b, const name_entry *const *ix) {
  for (size_t q = 0; q < b->names.n; q++) {
    const name_entry *e = ix[q];
    int li = catalog_lang_index(b->cat, e->lang);
    if (li < 0 || e->type == PH_INST_ABBREV)
      continue;
    const lang_vocab *lv = &b->cat->langs.v[li];
    if (!lv->naffixes[0])
      continue;
    const char *name = str(b, e->name);
    name_word w[64];
    size_t nw = name_words(name, w, 64);
    for (size_t k = 0; k < nw; k++) {
      clitic_split sp;
      if (!split_of(b, lv, w[k].fold, w[k].fl, &sp))
        continue;
      const word_info *whole = vocab_word(b, lv, w[k].fold, w[k].fl);
      size_t p = sp.prefix;
      char word[256];
      snprintf(word, sizeof word, "%.*s", (int)w[k].len, name + w[k].start);
      const char *owner = e->type == PH_AMBIGUOUS ? ""
                          : e->type == PH_BODY_FULL || e->type == PH_BODY_SHORT
                              ? b->cat->bodies.v[e->owner].id
                              : b->cat->insts.v[e->owner].id;
      int dup = 0; /* one finding per word and instrument or body */
      for (size_t f = 0; f < b->found.n && !dup; f++) {
        const pending *o = &b->found.v[f];
        if (o->kind != CG_CHECK_CLITIC || strcmp(str(b, o->lang), e->lang) ||
            strcmp(str(b, o->name), word))
          continue;
        const char *oo = o->count ? b->cat->insts.v[b->members.v[o->first]].id
                                  : str(b, o->body);
        dup = !strcmp(oo, owner);
      }
      if (dup)
        continue;
      size_t starts = names_beginning(b, e->lang, sp.word, sp.len);
      /* Shown as written: the prefix, then the rest of the word as the
       * name has it (after as many letters as the prefix has), with what
       * the prefix stands for before it. */
      const char *rest = word;
      for (size_t left = utf8_length(lv->affixes[0][p]); *rest;) {
        uint32_t cp;
        size_t cl = utf8_decode((const unsigned char *)rest, strlen(rest), &cp);
        int mark = cl && cp_class(cp) == CP_MARK;
        if (!left && !mark)
          break; /* the marks of the prefix's last letter stay with it */
        if (!mark)
          left--;
        rest += cl ? cl : 1;
      }
      char shown[400];
      snprintf(shown, sizeof shown, "%s%s", sp.restored ? lv->restore[p] : "",
               rest);
      const char *pre = lv->affixes[0][p];
      char detail[1200];
      size_t dl = (size_t)snprintf(detail, sizeof detail,
                                   "%s + %s: the word is in the vocabulary, so "
                                   "the scanner reads it whole",
                                   pre, shown);
      int warning = 0;
      if (sp.cls & W_STRONG & ~W_PHRASE) {
        warning = 1; /* only titles are read both ways */
        dl += (size_t)snprintf(detail + dl, sizeof detail - dl,
                               ", and the citation word \"%s\" is not seen "
                               "after %s",
                               shown, pre);
      }
      if ((sp.cls & W_PHRASE) && whole && (whole->cls & W_PHRASE)) {
        warning = 1;
        snprintf(detail + dl, sizeof detail - dl,
                 "; it starts a name itself, so where it could start one the "
                 "scanner follows it alone, and the %zu name%s beginning with "
                 "\"%s\" %s not found after %s there",
                 starts, starts == 1 ? "" : "s", shown,
                 starts == 1 ? "is" : "are", pre);
      } else if (sp.cls & W_PHRASE) {
        snprintf(detail + dl, sizeof detail - dl,
                 "; for titles it also reads it as %s + \"%s\", which starts "
                 "%zu name%s: those are found after %s",
                 pre, shown, starts, starts == 1 ? "" : "s", pre);
      }
      size_t first = b->members.n;
      int body = e->type == PH_BODY_FULL || e->type == PH_BODY_SHORT;
      if (!body && e->owner >= 0 && add_member(b, first, e->owner))
        return CG_ERR_NOMEM;
      finding_args fa = {CG_CHECK_CLITIC, warning, e->lang, word, name,
                         body ? owner : "", detail, e->file, e->line,
                         e->column};
      if (add_finding(b, &fa, first))
        return CG_ERR_NOMEM;
    }
  }
  return CG_OK;
}

/* Languages whose names no vocabulary reads. */
static cg_status check_languages(builder *b, const name_entry *const *ix) {
  for (size_t q = 0; q < b->names.n;) {
    const name_entry *e = ix[q];
    size_t end = q;
    while (end < b->names.n && !strcmp(ix[end]->lang, e->lang))
      end++;
    if (catalog_lang_index(b->cat, e->lang) < 0) {
      size_t first = b->members.n;
      for (size_t r = q; r < end; r++) {
        const name_entry *o = ix[r];
        if (o->type != PH_AMBIGUOUS && o->type != PH_BODY_FULL &&
            o->type != PH_BODY_SHORT && add_member(b, first, o->owner))
          return CG_ERR_NOMEM;
      }
      sort_members(b, first);
      char detail[200];
      snprintf(detail, sizeof detail,
               "%zu name%s in '%s', which has no lang/%s.yaml: never matched",
               end - q, end - q == 1 ? "" : "s", e->lang, e->lang);
      finding_args fa = {CG_CHECK_UNREAD_LANGUAGE, 1, e->lang, e->lang, "", "",
                         detail, e->file, e->line, e->column};
      if (add_finding(b, &fa, first))
        return CG_ERR_NOMEM;
    }
    q = end;
  }
  return CG_OK;
}

/* ------------------------------------------------------------ building */

static cg_status check_unknown_keys(builder *b) {
  for (size_t i = 0; i < b->unknown.n; i++) {
    const unknown_key *u = &b->unknown.v[i];
    char key[128], where[80], detail[300];
    snprintf(key, sizeof key, "%s", str(b, u->key));
    snprintf(where, sizeof where, "%s", str(b, u->where));
    snprintf(detail, sizeof detail,
             "not a key of %s (docs/catalogue.md lists them): it has no effect", where);
    finding_args fa = {CG_CHECK_UNKNOWN_KEY, 1, "", key, where, "", detail,
                       u->file, u->line, u->column};
    cg_status st = add_finding(b, &fa, b->members.n);
    if (st)
      return st;
  }
  return CG_OK;
}

static cg_status build(builder *b, cg_check_report *rep) {
  cg_status st;
  const name_entry **ix = entries_by_lang(b);
  if (!ix)
    return CG_ERR_NOMEM;
  if ((st = check_ambiguous(b, ix)) || (st = check_generic(b, ix)) ||
      (st = check_body_names(b, ix)) || (st = check_treaty_series(b)) ||
      (st = check_adopted_by(b)) || (st = check_english(b)) ||
      (st = check_clitics(b, ix)) || (st = check_languages(b, ix)) ||
      (st = check_unknown_keys(b))) {
    free(ix);
    return st;
  }
  free(ix);
  /* The checks ran in the order of the kinds: so are the findings. */
  const cg_catalog *cat = b->cat;
  rep->instruments = cat->insts.n;
  rep->bodies = cat->bodies.n;
  rep->ncoverage = cat->langs.n;
  size_t *lang_off = calloc(cat->langs.n + 1, sizeof *lang_off);
  rep->coverage = calloc(cat->langs.n + 1, sizeof *rep->coverage);
  rep->findings = calloc(b->found.n + 1, sizeof *rep->findings);
  rep->ids = calloc(b->members.n + 1, sizeof *rep->ids);
  unsigned char *seen = calloc(cat->insts.n + 1, 2);
  if (!lang_off || !rep->coverage || !rep->findings || !rep->ids || !seen) {
    free(lang_off);
    free(seen);
    return CG_ERR_NOMEM;
  }
  for (size_t l = 0; l < cat->langs.n; l++) {
    memset(seen, 0, (cat->insts.n + 1) * 2);
    for (size_t i = 0; i < b->names.n; i++) {
      const name_entry *e = &b->names.v[i];
      if (!names_instrument(e->type) || strcmp(e->lang, cat->langs.v[l].code))
        continue;
      seen[2 * (size_t)e->owner] |= e->type == PH_INST_FULL;
      seen[2 * (size_t)e->owner + 1] = 1;
    }
    for (size_t i = 0; i < cat->insts.n; i++) {
      rep->coverage[l].full += seen[2 * i];
      rep->coverage[l].named += seen[2 * i + 1];
    }
    lang_off[l] = put(b, cat->langs.v[l].code);
    if (lang_off[l] == SIZE_MAX) {
      free(lang_off);
      free(seen);
      return CG_ERR_NOMEM;
    }
  }
  free(seen);
  /* The arena no longer grows: its strings can be handed out. */
  for (size_t l = 0; l < cat->langs.n; l++)
    rep->coverage[l].lang = str(b, lang_off[l]);
  free(lang_off);
  for (size_t i = 0; i < b->members.n; i++)
    rep->ids[i] = str(b, b->ids[b->members.v[i]]);
  for (size_t i = 0; i < b->found.n; i++) {
    const pending *p = &b->found.v[i];
    cg_check_finding *f = &rep->findings[i];
    f->kind = p->kind;
    f->warning = p->warning;
    f->lang = str(b, p->lang);
    f->name = str(b, p->name);
    f->context = str(b, p->context);
    f->file = str(b, p->file);
    f->line = p->line;
    f->column = p->column;
    f->instruments = rep->ids + p->first;
    f->ninstruments = p->count;
    f->body = str(b, p->body);
    f->detail = str(b, p->detail);
    rep->warnings += (size_t)p->warning;
  }
  rep->nfindings = b->found.n;
  return CG_OK;
}

cg_status cg_catalog_check(const char *dir, cg_check_report **out,
                           cg_diag *diag) {
  if (out)
    *out = NULL;
  if (!out) {
    diag_set(diag, NULL, 0, 0, "no report to fill");
    return CG_ERR_ARG;
  }
  cg_catalog *cat = NULL;
  cg_status st = cg_catalog_load(dir, &cat, diag);
  if (st)
    return st;
  cg_check_report *rep = calloc(1, sizeof *rep);
  builder b;
  memset(&b, 0, sizeof b);
  b.cat = cat;
  b.diag = diag;
  if (!rep) {
    st = CG_ERR_NOMEM;
    goto cleanup;
  }
  b.s = &rep->strings;
  b.ids = calloc(cat->insts.n + 1, sizeof *b.ids);
  if (!b.ids) {
    st = CG_ERR_NOMEM;
    goto cleanup;
  }
  for (size_t i = 0; i < cat->insts.n; i++)
    if ((b.ids[i] = put(&b, cat->insts.v[i].id)) == SIZE_MAX) {
      st = CG_ERR_NOMEM;
      goto cleanup;
    }
  if ((st = read_catalogue(&b, dir)) || (st = build(&b, rep)))
    goto cleanup;

cleanup:
  if (st == CG_ERR_NOMEM)
    diag_set(diag, dir, 0, 0, "out of memory");
  free(b.names.v);
  free(b.places.v);
  free(b.found.v);
  free(b.unknown.v);
  free(b.members.v);
  free(b.ids);
  cg_catalog_free(cat);
  if (st) {
    cg_check_report_free(rep);
    return st;
  }
  *out = rep;
  return CG_OK;
}

void cg_check_report_free(cg_check_report *rep) {
  if (!rep)
    return;
  buf_free(&rep->strings.mem);
  free(rep->findings);
  free(rep->ids);
  free(rep->coverage);
  free(rep);
}

size_t cg_check_report_count(const cg_check_report *rep) {
  return rep ? rep->nfindings : 0;
}

const cg_check_finding *cg_check_report_finding(const cg_check_report *rep,
                                                size_t i) {
  return rep && i < rep->nfindings ? &rep->findings[i] : NULL;
}

size_t cg_check_report_warnings(const cg_check_report *rep) {
  return rep ? rep->warnings : 0;
}

size_t cg_check_report_instruments(const cg_check_report *rep) {
  return rep ? rep->instruments : 0;
}

size_t cg_check_report_bodies(const cg_check_report *rep) {
  return rep ? rep->bodies : 0;
}

size_t cg_check_report_languages(const cg_check_report *rep) {
  return rep ? rep->ncoverage : 0;
}

const cg_check_coverage *cg_check_report_coverage(const cg_check_report *rep,
                                                  size_t i) {
  return rep && i < rep->ncoverage ? &rep->coverage[i] : NULL;
}

const char *cg_check_kind_name(cg_check_kind kind) {
  switch (kind) {
  case CG_CHECK_AMBIGUOUS: return "ambiguous";
  case CG_CHECK_GENERIC: return "generic";
  case CG_CHECK_BODY_NAME: return "body_name";
  case CG_CHECK_TREATY_SERIES: return "treaty_series";
  case CG_CHECK_ADOPTED_BY: return "adopted_by";
  case CG_CHECK_NO_ENGLISH: return "no_english";
  case CG_CHECK_CLITIC: return "clitic";
  case CG_CHECK_UNREAD_LANGUAGE: return "unread_language";
  case CG_CHECK_UNKNOWN_KEY: return "unknown_key";
  }
  return "unknown";
}
