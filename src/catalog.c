/* catalog.c — loads refs/ with libyaml into word tables and phrase tries. */
#include "catalog.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "text.h"

#define MAX_WORD 64

/* ------------------------------------------------------------ word table */

static int wordtab_rehash(cg_catalog *cat, word_table *t, size_t cap) {
  uint64_t *slots = calloc(cap, sizeof *slots);
  if (!slots)
    return -1;
  for (size_t k = 0; k < t->ents.n; k++) {
    const char *w = strings_get(&cat->strings, t->ents.v[k].key_off);
    uint64_t h = word_hash(w, t->ents.v[k].key_len);
    size_t i = (size_t)h & (cap - 1);
    while (slots[i])
      i = (i + 1) & (cap - 1);
    slots[i] = (h & 0xFFFFFFFF00000000ULL) | ((uint64_t)k + 1);
  }
  free(t->slots);
  t->slots = slots;
  t->cap = cap;
  return 0;
}

/* Finds or inserts a folded word; returns its info (stable until the next
 * insertion) or NULL when out of memory. */
static word_info *wordtab_get(cg_catalog *cat, word_table *t, const char *w,
                              size_t n) {
  uint64_t h = word_hash(w, n);
  const word_info *found = wordtab_find(cat, t, w, n, h);
  if (found)
    return (word_info *)found;
  if ((t->ents.n + 1) * 2 > t->cap &&
      wordtab_rehash(cat, t, t->cap ? t->cap * 2 : 256))
    return NULL;
  size_t off = strings_add(&cat->strings, w, n);
  word_entry e;
  memset(&e, 0, sizeof e);
  memcpy(e.head, w, n < 8 ? n : 8);
  e.key_off = off;
  e.key_len = (uint32_t)n;
  e.info.wid = (uint32_t)t->ents.n + 1;
  if (off == SIZE_MAX || VEC_PUSH(t->ents, e))
    return NULL;
  size_t i = (size_t)h & (t->cap - 1);
  while (t->slots[i])
    i = (i + 1) & (t->cap - 1);
  t->slots[i] = (h & 0xFFFFFFFF00000000ULL) | (uint64_t)t->ents.n;
  return &t->ents.v[t->ents.n - 1].info;
}

static void wordtab_free(word_table *t) {
  free(t->slots);
  free(t->ents.v);
}

/* ------------------------------------------------------------ phrase trie */

static uint64_t edge_hash(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return key;
}

uint32_t trie_child(const phrase_trie *t, uint32_t node, uint32_t wid) {
  if (!t->edge_cap)
    return 0;
  uint64_t key = (((uint64_t)node << 32) | wid) + 1;
  size_t mask = t->edge_cap - 1;
  for (size_t i = (size_t)edge_hash(key) & mask;; i = (i + 1) & mask) {
    if (t->edges[i].key == key)
      return t->edges[i].child;
    if (!t->edges[i].key)
      return 0;
  }
}

static int trie_grow(phrase_trie *t) {
  size_t cap = t->edge_cap ? t->edge_cap * 2 : 512;
  trie_edge *edges = calloc(cap, sizeof *edges);
  if (!edges)
    return -1;
  for (size_t i = 0; i < t->edge_cap; i++) {
    if (!t->edges[i].key)
      continue;
    size_t j = (size_t)edge_hash(t->edges[i].key) & (cap - 1);
    while (edges[j].key)
      j = (j + 1) & (cap - 1);
    edges[j] = t->edges[i];
  }
  free(t->edges);
  t->edges = edges;
  t->edge_cap = cap;
  return 0;
}

static int trie_add_child(phrase_trie *t, uint32_t node, uint32_t wid,
                          uint32_t *out) {
  uint32_t c = trie_child(t, node, wid);
  if (c) {
    *out = c;
    return 0;
  }
  if ((t->edge_count + 1) * 2 > t->edge_cap && trie_grow(t))
    return -1;
  trie_node nn = {0, 0, 0};
  if (VEC_PUSH(t->nodes, nn))
    return -1;
  c = (uint32_t)t->nodes.n - 1;
  uint64_t key = (((uint64_t)node << 32) | wid) + 1;
  size_t mask = t->edge_cap - 1;
  size_t i = (size_t)edge_hash(key) & mask;
  while (t->edges[i].key)
    i = (i + 1) & mask;
  t->edges[i].key = key;
  t->edges[i].child = c;
  t->edge_count++;
  *out = c;
  return 0;
}

/* Values are kept contiguous per node: a node's values are appended at the
 * end when the node gets its first value, and moved there when it gets
 * another (catalogues are small; loading is not a hot path). */
static int trie_add_value(phrase_trie *t, uint32_t node, phrase_val v) {
  trie_node *n = &t->nodes.v[node];
  for (uint32_t i = 0; i < n->vals_count; i++) {
    phrase_val *o = &t->vals.v[n->vals_start + i];
    if (o->type == v.type && o->index == v.index && o->form == v.form)
      return 0;
  }
  size_t start = t->vals.n;
  uint32_t old_start = n->vals_start, old_count = n->vals_count;
  for (uint32_t i = 0; i < old_count; i++) {
    phrase_val o = t->vals.v[old_start + i];
    if (VEC_PUSH(t->vals, o))
      return -1;
  }
  if (VEC_PUSH(t->vals, v))
    return -1;
  n = &t->nodes.v[node];
  n->vals_start = (uint32_t)start;
  n->vals_count = old_count + 1;
  n->types |= 1u << v.type;
  return 0;
}

static void trie_free(phrase_trie *t) {
  free(t->root_child);
  free(t->nodes.v);
  free(t->vals.v);
  free(t->edges);
}

/* Splits a name into folded words the way the scanner does: runs of
 * letters, runs of digits; everything else separates. Calls fn per word. */
typedef int (*word_fn)(void *ctx, const char *w, size_t n);

static int split_words(const char *s, word_fn fn, void *ctx) {
  size_t len = strlen(s), i = 0;
  char w[MAX_WORD * 4];
  size_t wl = 0;
  int run = 0; /* CP_LETTER or CP_DIGIT of the current run */
  while (i <= len) {
    uint32_t cp = 0;
    size_t k = 1;
    int cls = CP_SPACE;
    if (i < len && (unsigned char)s[i] < 0x80) {
      /* ASCII, most of the catalogue: a letter or digit that goes on the
       * current run is folded inline */
      unsigned char c = (unsigned char)s[i];
      int letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      int digit = c >= '0' && c <= '9';
      if (wl && ((letter && run == CP_LETTER) || (digit && run == CP_DIGIT))) {
        if (wl + 4 < sizeof w - 1)
          w[wl++] = (char)(letter ? c | 0x20 : c);
        i++;
        continue;
      }
      cp = c;
      cls = cp_class(cp);
    } else if (i < len) {
      k = utf8_next((const unsigned char *)s + i, len - i, &cp);
      if (!k)
        k = 1, cls = CP_OTHER;
      else
        cls = cp_class(cp);
    }
    if (cls == CP_MARK) {
      i += k;
      continue;
    }
    if ((cls != CP_LETTER && cls != CP_DIGIT) || (run && cls != run)) {
      if (wl) {
        w[wl] = '\0';
        if (fn(ctx, w, wl))
          return -1;
        wl = 0;
      }
      run = 0;
    }
    if (cls == CP_LETTER || cls == CP_DIGIT) {
      run = cls;
      uint32_t f[2];
      int m = cp_fold(cp, f);
      for (int j = 0; j < m; j++)
        if (wl + 4 < sizeof w - 1)
          wl += utf8_encode(f[j], w + wl);
    }
    i += k;
  }
  return 0;
}

/* ---------------------------------------------------------------- loading */

/* A name given to two instruments in one language: an error unless the
 * catalogue lists it under `ambiguous`, checked once every file is read. */
typedef struct {
  char lang[8];
  uint32_t node;
  char file[512];
  unsigned long line, column;
  char message[320];
} name_clash;
typedef VEC(name_clash) clash_list;

/* A name of an instrument in ideographs, kept until every file is read:
 * a title that holds another's is also written with that one in the
 * nested title marks, 《〈消除对妇女一切形式歧视公约〉任择议定书》. */
typedef struct {
  char lang[8];
  phrase_val v;
  char *name;
} cjk_name;
typedef VEC(cjk_name) cjk_names;

/* A language's case endings (lang/<code>.yaml `inflect`): each row gives one
 * word class's ending in every case, the form names are written in first
 * ("Рамочная конвенция", nominative). Read before the instruments, whose
 * names then go into the trie in every case. */
#define INFLECT_ROWS 16
#define INFLECT_CASES 8
typedef struct {
  char code[8];
  size_t ncases, nrows[2]; /* [0] adjectives, [1] nouns */
  char ending[2][INFLECT_ROWS][INFLECT_CASES][16];
} inflection;

typedef struct {
  inflection v[8];
  size_t n;
} inflections;

typedef struct {
  cg_catalog *cat;
  const char *file;
  yaml_document_t *doc;
  cg_diag *diag;
  clash_list *clashes;
  inflections *infl;
  cjk_names *cjk; /* instrument files: their names in ideographs */
} loader;

static cg_status schema_error(loader *ld, yaml_node_t *node, const char *what) {
  diag_set(ld->diag, ld->file, node ? node->start_mark.line + 1 : 0,
           node ? node->start_mark.column + 1 : 0, "%s", what);
  return CG_ERR_SCHEMA;
}

static yaml_node_t *map_get(loader *ld, yaml_node_t *map, const char *key) {
  if (!map || map->type != YAML_MAPPING_NODE)
    return NULL;
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
       p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
    if (k && k->type == YAML_SCALAR_NODE &&
        strcmp((const char *)k->data.scalar.value, key) == 0)
      return yaml_document_get_node(ld->doc, p->value);
  }
  return NULL;
}

static const char *scalar(yaml_node_t *n) {
  return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value
                                          : NULL;
}

/* Reads a required scalar into dst (size cap). */
static cg_status get_string(loader *ld, yaml_node_t *map, const char *key,
                            char *dst, size_t cap, int required) {
  yaml_node_t *n = map_get(ld, map, key);
  const char *s = scalar(n);
  if (!n && !required) {
    dst[0] = '\0';
    return CG_OK;
  }
  if (!s) {
    char msg[128];
    snprintf(msg, sizeof msg, n ? "'%s' must be a string" : "missing '%s'",
             key);
    return schema_error(ld, n ? n : map, msg);
  }
  if (strlen(s) >= cap || !s[0]) {
    char msg[128];
    snprintf(msg, sizeof msg, "'%s' must be 1 to %zu characters", key,
             cap - 1);
    return schema_error(ld, n, msg);
  }
  memcpy(dst, s, strlen(s) + 1);
  return CG_OK;
}

/* An optional date, YYYY-MM-DD, into dst[11]. */
static cg_status get_date(loader *ld, yaml_node_t *map, const char *key,
                          char *dst) {
  yaml_node_t *n = map_get(ld, map, key);
  const char *s = scalar(n);
  dst[0] = '\0';
  if (!n)
    return CG_OK;
  int ok = s && strlen(s) == 10 && s[4] == '-' && s[7] == '-';
  for (int i = 0; ok && i < 10; i++)
    ok = i == 4 || i == 7 || (s[i] >= '0' && s[i] <= '9');
  if (ok) {
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    ok = month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
  if (!ok) {
    char msg[96];
    snprintf(msg, sizeof msg, "'%s' must be a date written YYYY-MM-DD", key);
    return schema_error(ld, n, msg);
  }
  memcpy(dst, s, 11);
  return CG_OK;
}

/* An optional identifier: printable ASCII without spaces. */
static cg_status get_identifier(loader *ld, yaml_node_t *map, const char *key,
                                char *dst, size_t cap) {
  cg_status st = get_string(ld, map, key, dst, cap, 0);
  if (st)
    return st;
  for (const char *p = dst; *p; p++)
    if (*p <= ' ' || *p > '~') {
      char msg[128];
      snprintf(msg, sizeof msg,
               "'%s' must be an identifier (ASCII, no spaces)", key);
      return schema_error(ld, map_get(ld, map, key), msg);
    }
  return CG_OK;
}

/* An identifier (docs/identifiers.md, cg_identifier_valid): instrument and
 * body ids, body prefixes, adopting resolutions. */
static cg_status get_id(loader *ld, yaml_node_t *map, const char *key,
                        char *dst, size_t cap, int required) {
  cg_status st = get_string(ld, map, key, dst, cap, required);
  if (st || !dst[0] || cg_identifier_valid(dst))
    return st;
  char msg[160];
  snprintf(msg, sizeof msg,
           "'%s' must be an identifier: ASCII letters, digits and / . - ( ) "
           "# _ + (docs/identifiers.md)", key);
  return schema_error(ld, map_get(ld, map, key), msg);
}

static lang_vocab *lang_get(loader *ld, const char *code) {
  cg_catalog *cat = ld->cat;
  for (size_t i = 0; i < cat->langs.n; i++)
    if (strcmp(cat->langs.v[i].code, code) == 0)
      return &cat->langs.v[i];
  lang_vocab lv;
  memset(&lv, 0, sizeof lv);
  snprintf(lv.code, sizeof lv.code, "%s", code);
  lv.paragraph_marks[0] = '.';
  trie_node root = {0, 0, 0};
  if (VEC_PUSH(lv.trie.nodes, root) || VEC_PUSH(cat->langs, lv))
    return NULL;
  return &cat->langs.v[cat->langs.n - 1];
}

typedef struct {
  loader *ld;
  lang_vocab *lv;
  uint32_t node;
  size_t count;
  int failed;
  int stops; /* a name the skim of prose stops at (not "adopted by") */
} phrase_ctx;

static int phrase_piece(phrase_ctx *c, const char *w, size_t n) {
  word_info *wi = wordtab_get(c->ld->cat, &c->lv->words, w, n);
  if (!wi)
    return -1;
  if (c->count == 0) {
    wi->cls |= W_PHRASE;
    if (c->stops) {
      uint64_t h = word_hash(w, n);
      c->lv->name_first[(h >> 40) & (NAME_FIRST_BITS / 64 - 1)] |= 1ULL << (h & 63);
    }
  }
  uint32_t child;
  if (trie_add_child(&c->lv->trie, c->node, wi->wid, &child))
    return -1;
  c->node = child;
  c->count++;
  return 0;
}

/* A word of the phrase. The scanner cuts a run of ideographs into known
 * words of at most 63 bytes (21 characters): a longer one, a whole title
 * ("专门讨论裁军问题的大会第一届特别会议最后文件"), goes into the phrase as
 * pieces of that size, which the scanner finds one after another. */
static int phrase_word(void *vctx, const char *w, size_t n) {
  phrase_ctx *c = vctx;
  if (n < 64 || (unsigned char)w[0] < 0xE3)
    return phrase_piece(c, w, n);
  size_t a = 0;
  while (a < n) {
    size_t b = a;
    for (;;) {
      size_t k = 1;
      while (b + k < n && ((unsigned char)w[b + k] & 0xC0) == 0x80)
        k++;
      if (b + k - a > 63)
        break;
      b += k;
      if (b >= n)
        break;
    }
    if (b == a || phrase_piece(c, w + a, b - a))
      return -1;
    a = b;
  }
  return 0;
}

static int names_instrument(uint8_t type) {
  return type == PH_INST_FULL || type == PH_INST_SHORT ||
         type == PH_INST_ABBREV;
}

/* Notes a clash when `node` already names another instrument. */
static cg_status note_clash(loader *ld, lang_vocab *lv, yaml_node_t *at,
                            const char *name, uint32_t node, phrase_val v) {
  if (!names_instrument(v.type) || !ld->clashes)
    return CG_OK;
  const trie_node *tn = &lv->trie.nodes.v[node];
  for (uint32_t i = 0; i < tn->vals_count; i++) {
    const phrase_val *o = &lv->trie.vals.v[tn->vals_start + i];
    if (!names_instrument(o->type) || o->index == v.index)
      continue;
    name_clash nc;
    memset(&nc, 0, sizeof nc);
    snprintf(nc.lang, sizeof nc.lang, "%s", lv->code);
    nc.node = node;
    snprintf(nc.file, sizeof nc.file, "%s", ld->file);
    nc.line = (unsigned long)at->start_mark.line + 1;
    nc.column = (unsigned long)at->start_mark.column + 1;
    snprintf(nc.message, sizeof nc.message,
             "'%.120s' (%s) names both %s and %s: list it under 'ambiguous' "
             "if a text cannot tell them apart, or keep it for one of them",
             name, lv->code, ld->cat->insts.v[o->index].id,
             ld->cat->insts.v[v.index].id);
    return VEC_PUSH(*ld->clashes, nc) ? CG_ERR_NOMEM : CG_OK;
  }
  return CG_OK;
}

static cg_status add_phrase(loader *ld, lang_vocab *lv, yaml_node_t *at,
                            const char *name, phrase_val v) {
  /* Names, and general comments: not the words that follow names
   * ("adopted by", "entitled", qualifiers), which are common prose. */
  int stops = v.type != PH_ADOPTED_BY && v.type != PH_ENTITLED &&
              v.type != PH_QUALIFIER;
  phrase_ctx c = {ld, lv, 0, 0, 0, stops};
  if (split_words(name, phrase_word, &c))
    return CG_ERR_NOMEM;
  if (!c.count)
    return schema_error(ld, at, "a name must contain at least one word");
  if (c.count > lv->max_phrase)
    lv->max_phrase = c.count;
  cg_status st = note_clash(ld, lv, at, name, c.node, v);
  if (st)
    return st;
  if (trie_add_value(&lv->trie, c.node, v))
    return CG_ERR_NOMEM;
  return CG_OK;
}

typedef struct {
  loader *ld;
  lang_vocab *lv;
  uint32_t wids[64];
  size_t n;
  char first[MAX_WORD * 4]; /* the first word, folded */
  size_t first_len;
} wid_ctx;

static int collect_wid(void *vctx, const char *w, size_t n) {
  wid_ctx *c = vctx;
  if (c->n == 0 && n < sizeof c->first) {
    memcpy(c->first, w, n);
    c->first_len = n;
  }
  const word_info *wi = wordtab_find(c->ld->cat, &c->lv->words, w, n,
                                     word_hash(w, n));
  if (c->n < sizeof c->wids / sizeof *c->wids)
    c->wids[c->n++] = wi ? wi->wid : 0;
  return 0;
}

/* One plus the instrument whose full or short title a body's name holds
 * ("Conference of the Parties to the Convention on Biological Diversity"),
 * or 0: the title ends the name, or begins it where citation words follow
 * what they name ("联合国气候变化框架公约缔约方会议"); or, for a body that
 * serves instrument `own` (or -1), a generic name of it that ends the name
 * ("Group of Non-Aligned States Parties to the Treaty": the NPT).
 * Instruments load before bodies, so their titles are in the trie. */
static uint32_t embedded_instrument(loader *ld, lang_vocab *lv,
                                    const char *name, int own) {
  wid_ctx c = {.ld = ld, .lv = lv};
  if (split_words(name, collect_wid, &c))
    return 0;
  const phrase_trie *t = &lv->trie;
  if (lv->postfix && lv->segment) {
    /* The name's first run of letters is one word: the longest of its
     * beginnings, a character shorter each time, that is a title of one
     * word. */
    for (size_t b = c.first_len; b > 3; b--) {
      if (b == c.first_len && c.n == 1)
        continue; /* the whole name is no title of its own */
      if (b < c.first_len && ((unsigned char)c.first[b] & 0xC0) == 0x80)
        continue; /* inside a character */
      const word_info *wi = wordtab_find(ld->cat, &lv->words, c.first, b, word_hash(c.first, b));
      uint32_t node = wi ? trie_child(t, 0, wi->wid) : 0;
      if (!node)
        continue;
      const trie_node *tn = &t->nodes.v[node];
      for (uint32_t q = 0; q < tn->vals_count; q++) {
        const phrase_val *v = &t->vals.v[tn->vals_start + q];
        if (v->type == PH_INST_FULL || v->type == PH_INST_SHORT ||
            (own >= 0 && v->type == PH_INST_GENERIC && v->index == (uint32_t)own))
          return (uint32_t)v->index + 1; /* (or its own treaty's generic name: "条约不结盟…") */
      }
    }
  }
  for (size_t s = 1; s < c.n; s++) {
    uint32_t node = 0;
    for (size_t k = s; k < c.n && c.wids[k]; k++) {
      if (!(node = trie_child(t, node, c.wids[k])))
        break;
      const trie_node *tn = &t->nodes.v[node];
      for (uint32_t q = 0; q < tn->vals_count; q++) {
        const phrase_val *v = &t->vals.v[tn->vals_start + q];
        if ((v->type == PH_INST_FULL || v->type == PH_INST_SHORT) &&
            k + 1 == c.n)
          return (uint32_t)v->index + 1; /* the title ends the name */
      }
    }
  }
  if (own >= 0 && lv->postfix && c.n > 1 && c.wids[0]) {
    /* where citation words follow what they name, the generic name begins
     * it: "条约不结盟缔约国集团" */
    uint32_t node = trie_child(t, 0, c.wids[0]);
    const trie_node *tn = node ? &t->nodes.v[node] : NULL;
    for (uint32_t q = 0; tn && q < tn->vals_count; q++) {
      const phrase_val *v = &t->vals.v[tn->vals_start + q];
      if (v->type == PH_INST_GENERIC && v->index == (uint32_t)own)
        return (uint32_t)own + 1;
    }
  }
  for (size_t s = 1; own >= 0 && s < c.n; s++) {
    uint32_t node = 0;
    for (size_t k = s; k < c.n && c.wids[k]; k++) {
      if (!(node = trie_child(t, node, c.wids[k])))
        break;
      const trie_node *tn = &t->nodes.v[node];
      for (uint32_t q = 0; q < tn->vals_count && k + 1 == c.n; q++) {
        const phrase_val *v = &t->vals.v[tn->vals_start + q];
        if (v->type == PH_INST_GENERIC && v->index == (uint32_t)own)
          return (uint32_t)own + 1;
      }
    }
  }
  return 0;
}

static const inflection *inflection_of(const loader *ld, const char *code) {
  for (size_t i = 0; ld->infl && i < ld->infl->n; i++)
    if (strcmp(ld->infl->v[i].code, code) == 0)
      return &ld->infl->v[i];
  return NULL;
}

/* Where the last code point of s[0..n) begins (n > 0). */
static size_t last_char(const char *s, size_t n) {
  size_t i = n - 1;
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
    i--;
  return i;
}

/* The row of table k (0 adjectives, 1 nouns) whose first ending w[0..n)
 * ends with, the longest; a row whose first ending is empty takes a word
 * that ends with no letter another row's first ending ends with
 * ("Протокол", not "Правила"). -1 when none. */
static int inflect_row(const inflection *in, int k, const char *w, size_t n) {
  int best = -1;
  size_t best_len = 0;
  for (size_t r = 0; r < in->nrows[k]; r++) {
    const char *e = in->ending[k][r][0];
    size_t el = strlen(e);
    if (el && el <= n && memcmp(w + n - el, e, el) == 0 && (best < 0 || el > best_len)) {
      best = (int)r;
      best_len = el;
    }
  }
  if (best >= 0 || k == 0 || !n)
    return best;
  size_t wl = last_char(w, n);
  for (int t = 0; t < 2; t++)
    for (size_t r = 0; r < in->nrows[t]; r++) {
      const char *e = in->ending[t][r][0];
      size_t el = strlen(e);
      if (el && el - last_char(e, el) == n - wl && memcmp(e + last_char(e, el), w + wl, n - wl) == 0)
        return -1;
    }
  for (size_t r = 0; r < in->nrows[1]; r++)
    if (!in->ending[1][r][0][0])
      return (int)r;
  return -1;
}

/* The other cases of `name` into out[1 .. ncases): its leading adjectives
 * (at most three) and the noun after them take each case's ending, the
 * rest stays ("Программа действий по … Повестки дня" -> "Программе
 * действий по … Повестки дня", "Чикагская конвенция" -> "Чикагской
 * конвенцией"). Returns how many forms it wrote (each at most `cap`
 * bytes), 0 when the name does not begin so or has one word. */
static size_t inflect_name(const inflection *in, const char *name,
                           char out[][512], size_t cap) {
  size_t start[4], len[4], rows[4], nw = 0;
  int kind[4];
  const char *p = name;
  for (;;) {
    const char *sp = strchr(p, ' ');
    if (!sp && !nw)
      return 0; /* a name of one word */
    size_t n = sp ? (size_t)(sp - p) : strlen(p);
    int r = nw < 3 && sp ? inflect_row(in, 0, p, n) : -1;
    int k = 0;
    if (r < 0) {
      r = inflect_row(in, 1, p, n);
      k = 1;
      if (r < 0)
        return 0;
    }
    start[nw] = (size_t)(p - name);
    len[nw] = n;
    rows[nw] = (size_t)r;
    kind[nw++] = k;
    if (k == 1)
      break;
    p = sp + 1;
  }
  size_t made = 0, total = strlen(name);
  for (size_t c = 1; c < in->ncases; c++) {
    char *o = out[made];
    size_t ol = 0, from = 0;
    int fits = 1;
    for (size_t w = 0; w < nw && fits; w++) {
      const char *e0 = in->ending[kind[w]][rows[w]][0];
      const char *ec = in->ending[kind[w]][rows[w]][c];
      size_t stem = start[w] + len[w] - strlen(e0);
      size_t add = stem - from + strlen(ec);
      if (ol + add >= cap) {
        fits = 0;
        break;
      }
      memcpy(o + ol, name + from, stem - from);
      ol += stem - from;
      memcpy(o + ol, ec, strlen(ec));
      ol += strlen(ec);
      from = start[w] + len[w];
    }
    if (!fits || ol + (total - from) >= cap)
      continue;
    memcpy(o + ol, name + from, total - from);
    ol += total - from;
    o[ol] = '\0';
    int seen = strcmp(o, name) == 0;
    for (size_t m = 0; m < made && !seen; m++)
      seen = strcmp(out[m], o) == 0;
    if (!seen)
      made++;
  }
  return made;
}

/* Whether a name holds an ideograph (a lead byte of U+3400..U+9FFF) and no
 * nested title mark already. */
static int cjk_text(const char *s) {
  int han = 0;
  for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
    if (u[0] == 0xE3 && u[1] == 0x80 && (u[2] == 0x88 || u[2] == 0x89))
      return 0; /* 〈 or 〉 */
    han |= *u >= 0xE3 && *u <= 0xE9;
  }
  return han;
}

/* names: {lang: [name, …], …} */
static cg_status add_names(loader *ld, yaml_node_t *map, const char *key,
                           uint8_t type, uint16_t index) {
  yaml_node_t *names = map_get(ld, map, key);
  if (!names)
    return CG_OK;
  if (names->type != YAML_MAPPING_NODE)
    return schema_error(ld, names,
                        "expected a mapping from language code to names");
  for (yaml_node_pair_t *p = names->data.mapping.pairs.start;
       p < names->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
    yaml_node_t *list = yaml_document_get_node(ld->doc, p->value);
    const char *code = scalar(k);
    if (!code || !code[0] || strlen(code) >= 8)
      return schema_error(ld, k, "expected a language code");
    if (!list || list->type != YAML_SEQUENCE_NODE)
      return schema_error(ld, list ? list : k, "expected a list of names");
    lang_vocab *lv = lang_get(ld, code);
    if (!lv)
      return CG_ERR_NOMEM;
    const inflection *infl =
        type == PH_INST_FULL || type == PH_INST_SHORT ? inflection_of(ld, code) : NULL;
    /* The forms made so far from this list's names: a name the list
     * writes in another case is not inflected again ("Конвенции …" after
     * "Конвенция …"). */
    char made[4 * INFLECT_CASES][512];
    size_t nmade = 0;
    for (yaml_node_item_t *it = list->data.sequence.items.start;
         it < list->data.sequence.items.top; it++) {
      yaml_node_t *n = yaml_document_get_node(ld->doc, *it);
      const char *name = scalar(n);
      if (!name)
        return schema_error(ld, n, "expected a name (a string)");
      if (strcmp(code, "en") == 0) {
        /* The first English full name titles the entry in exports, the
         * first English short title labels it. */
        inst_def *in = type == PH_INST_FULL || type == PH_INST_SHORT
                           ? &ld->cat->insts.v[index]
                           : NULL;
        if (in && type == PH_INST_FULL && !in->title[0])
          snprintf(in->title, sizeof in->title, "%s", name);
        if (in && type == PH_INST_SHORT && !in->short_title[0])
          snprintf(in->short_title, sizeof in->short_title, "%s", name);
        if (type == PH_BODY_FULL && !ld->cat->bodies.v[index].name[0])
          snprintf(ld->cat->bodies.v[index].name,
                   sizeof ld->cat->bodies.v[index].name, "%s", name);
      }
      phrase_val v = {type, index, 0};
      if (type == PH_BODY_FULL)
        v.form = embedded_instrument(ld, lv, name, ld->cat->bodies.v[index].instrument);
      if (type == PH_INST_ABBREV) {
        /* Matched case-insensitively like every name, then kept only when
         * the text writes it exactly so ("CAT", never "cat"). */
        size_t off = strings_add(&ld->cat->strings, name, strlen(name));
        if (off == SIZE_MAX || off >= UINT32_MAX)
          return CG_ERR_NOMEM;
        v.form = (uint32_t)off + 1;
      }
      cg_status st = add_phrase(ld, lv, n, name, v);
      if (st)
        return st;
      if (ld->cjk && (type == PH_INST_FULL || type == PH_INST_SHORT) && cjk_text(name)) {
        cjk_name cn = {{0}, v, strdup(name)};
        snprintf(cn.lang, sizeof cn.lang, "%s", code);
        if (!cn.name || VEC_PUSH(*ld->cjk, cn)) {
          free(cn.name);
          return CG_ERR_NOMEM;
        }
      }
      if (!infl)
        continue;
      int known = 0;
      for (size_t m = 0; m < nmade && !known; m++)
        known = strcmp(made[m], name) == 0;
      if (known || nmade + INFLECT_CASES > sizeof made / sizeof *made)
        continue;
      size_t forms = inflect_name(infl, name, made + nmade, sizeof *made);
      for (size_t m = nmade; m < nmade + forms; m++)
        if ((st = add_phrase(ld, lv, n, made[m], v)))
          return st;
      nmade += forms;
    }
  }
  return CG_OK;
}

/* For each name in ideographs that begins with another instrument's full
 * or short name of three characters or more, the same name with that one
 * in the nested title marks (〈…〉), as texts write a protocol's title that
 * holds its treaty's: "〈联合国气候变化框架公约〉京都议定书",
 * "〈京都议定书〉多哈修正". The rest becomes a word the scanner cuts from
 * any text, so it must be one already or of four characters or more
 * (not "修正案", amendment, a word of prose). */
static cg_status add_nested_titles(cg_catalog *cat, cjk_names *names) {
  loader ld = {cat, "", NULL, NULL, NULL, NULL, NULL};
  for (size_t a = 0; a < names->n; a++) {
    const cjk_name *outer = &names->v[a];
    size_t on = strlen(outer->name);
    for (size_t b = 0; b < names->n; b++) {
      const cjk_name *inner = &names->v[b];
      size_t in = strlen(inner->name);
      if (inner->v.index == outer->v.index || in < 9 || in >= on ||
          strcmp(inner->lang, outer->lang) != 0)
        continue;
      if (strncmp(outer->name, inner->name, in) != 0)
        continue;
      /* (and of ideographs only: "的2014年议定书" would make "的" a word) */
      const char *rest = outer->name + in;
      size_t rn = strlen(rest), chars = 0;
      int han = rn > 0;
      for (size_t r = 0; r < rn && han;) {
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)rest + r, rn - r, &cp);
        han = k && cp >= 0x3400 && cp < 0xA000;
        r += k ? k : 1;
        chars++;
      }
      if (!han || rn > 63)
        continue; /* (one word: a longer one is cut where the scanner cannot know) */
      lang_vocab *lv = lang_get(&ld, outer->lang);
      if (!lv)
        return CG_ERR_NOMEM;
      if (chars < 4 && !wordtab_find(cat, &lv->words, rest, rn, word_hash(rest, rn)))
        continue;
      char nested[1024];
      int k = snprintf(nested, sizeof nested, "\u3008%s\u3009%s", inner->name, rest);
      if (k < 0 || (size_t)k >= sizeof nested)
        continue;
      cg_status st = add_phrase(&ld, lv, NULL, nested, outer->v);
      if (st)
        return st;
    }
  }
  return CG_OK;
}

static yaml_node_t *top_list(loader *ld, const char *key, cg_status *st) {
  yaml_node_t *root = yaml_document_get_root_node(ld->doc);
  yaml_node_t *list = map_get(ld, root, key);
  if (!root || root->type != YAML_MAPPING_NODE) {
    *st = schema_error(ld, root, "expected a mapping at the top level");
    return NULL;
  }
  if (!list || list->type != YAML_SEQUENCE_NODE) {
    char msg[96];
    snprintf(msg, sizeof msg, "expected a list under '%s'", key);
    *st = schema_error(ld, list ? list : root, msg);
    return NULL;
  }
  *st = CG_OK;
  return list;
}

static cg_status load_instruments(loader *ld) {
  cg_status st;
  yaml_node_t *list = top_list(ld, "instruments", &st);
  if (!list)
    return st;
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top; it++) {
    yaml_node_t *m = yaml_document_get_node(ld->doc, *it);
    if (!m || m->type != YAML_MAPPING_NODE)
      return schema_error(ld, m, "expected an instrument (a mapping)");
    inst_def d;
    memset(&d, 0, sizeof d);
    if ((st = get_id(ld, m, "id", d.id, sizeof d.id, 1)))
      return st;
    for (size_t i = 0; i < ld->cat->insts.n; i++)
      if (strcmp(ld->cat->insts.v[i].id, d.id) == 0)
        return schema_error(ld, m, "duplicate instrument id");
    yaml_node_t *ts = map_get(ld, m, "treaty_series");
    if (ts) {
      const char *vol = scalar(map_get(ld, ts, "volume"));
      const char *num = scalar(map_get(ld, ts, "number"));
      char *e1 = NULL, *e2 = NULL;
      if (vol)
        d.ts_volume = strtoul(vol, &e1, 10);
      if (num)
        d.ts_number = strtoul(num, &e2, 10);
      if (!vol || !num || *e1 || *e2 || !d.ts_volume || !d.ts_number)
        return schema_error(
            ld, ts, "treaty_series needs a numeric volume and number");
    }
    if ((st = get_date(ld, m, "date", d.date)) ||
        (st = get_id(ld, m, "adopted_by", d.adopted_by,
                     sizeof d.adopted_by, 0)))
      return st;
    const char *imp = scalar(map_get(ld, m, "implied"));
    d.implied = imp && strcmp(imp, "true") == 0;
    const char *structure = scalar(map_get(ld, m, "structure"));
    if (structure && strcmp(structure, "paragraphs") != 0 &&
        strcmp(structure, "articles") != 0)
      return schema_error(ld, map_get(ld, m, "structure"),
                          "structure is 'articles' (the default) or "
                          "'paragraphs'");
    d.paragraphs = structure && strcmp(structure, "paragraphs") == 0;
    const char *arts = scalar(map_get(ld, m, "articles"));
    if (arts) {
      char *ae;
      unsigned long na = strtoul(arts, &ae, 10);
      if (*ae || !na || na > 10000 || arts[0] == '-')
        return schema_error(ld, map_get(ld, m, "articles"),
                            "articles is how many articles it has (1 to 10000)");
      d.articles = (unsigned)na;
    }
    if (ld->cat->insts.n >= 65535)
      return schema_error(ld, m, "too many instruments");
    uint16_t idx = (uint16_t)ld->cat->insts.n;
    if (VEC_PUSH(ld->cat->insts, d))
      return CG_ERR_NOMEM;
    if ((st = add_names(ld, m, "names", PH_INST_FULL, idx)) ||
        (st = add_names(ld, m, "short", PH_INST_SHORT, idx)) ||
        (st = add_names(ld, m, "abbrev", PH_INST_ABBREV, idx)) ||
        (st = add_names(ld, m, "generic", PH_INST_GENERIC, idx)) ||
        (st = add_names(ld, m, "together", PH_INST_TOGETHER, idx)))
      return st;
  }
  yaml_node_t *root = yaml_document_get_root_node(ld->doc);
  return add_names(ld, root, "ambiguous", PH_AMBIGUOUS, 0);
}

/* A name that two instruments share must be declared ambiguous. */
static cg_status check_clashes(cg_catalog *cat, clash_list *clashes,
                               cg_diag *diag) {
  for (size_t i = 0; i < clashes->n; i++) {
    const name_clash *nc = &clashes->v[i];
    int declared = 0;
    int li = catalog_lang_index(cat, nc->lang);
    const lang_vocab *lv = li >= 0 ? &cat->langs.v[li] : NULL;
    const trie_node *tn = lv ? &lv->trie.nodes.v[nc->node] : NULL;
    for (uint32_t k = 0; tn && k < tn->vals_count; k++)
      declared |= lv->trie.vals.v[tn->vals_start + k].type == PH_AMBIGUOUS;
    if (!declared) {
      diag_set(diag, nc->file, nc->line, nc->column, "%s", nc->message);
      return CG_ERR_SCHEMA;
    }
  }
  return CG_OK;
}

static const struct {
  const char *name;
  unsigned shape;
} shape_names[] = {
    {"session", SHAPE_SESSION},   {"year", SHAPE_YEAR},
    {"sc", SHAPE_SC},             {"roman", SHAPE_ROMAN},
    {"marked", SHAPE_MARKED},     {"roman-session", SHAPE_RSESSION},
    {"prefixed", SHAPE_PREFIXED}, {"own", SHAPE_OWN}, {"dotted", SHAPE_DOTTED},
    {"comment", SHAPE_COMMENT},
};

static cg_status parse_numbering(loader *ld, yaml_node_t *n, unsigned *out) {
  *out = 0;
  if (!n || n->type != YAML_SEQUENCE_NODE)
    return schema_error(ld, n, "numbering must be a list of shapes "
                               "(session, year, sc, roman, marked, "
                               "roman-session, prefixed, own, comment)");
  for (yaml_node_item_t *it = n->data.sequence.items.start;
       it < n->data.sequence.items.top; it++) {
    yaml_node_t *s = yaml_document_get_node(ld->doc, *it);
    const char *v = scalar(s);
    unsigned shape = 0;
    for (size_t i = 0; v && i < sizeof shape_names / sizeof *shape_names; i++)
      if (strcmp(v, shape_names[i].name) == 0)
        shape = shape_names[i].shape;
    if (!shape)
      return schema_error(ld, s, "unknown number shape (expected session, "
                                 "year, sc, roman, marked, roman-session, "
                                 "prefixed, own or comment)");
    *out |= shape;
  }
  return CG_OK;
}

/* An identifier template: printable ASCII, {1} and {2} standing for the two
 * numbers of "5/14". */
static cg_status get_form(loader *ld, yaml_node_t *map, const char *key,
                          char *dst, size_t cap) {
  cg_status st = get_identifier(ld, map, key, dst, cap);
  if (st || !dst[0])
    return st;
  for (const char *p = dst; *p; p++)
    if (*p == '{' && !((p[1] == '1' || p[1] == '2') && p[2] == '}'))
      return schema_error(ld, map_get(ld, map, key),
                          "a form may hold only {1} and {2}");
  if (!strstr(dst, "{1}") || !strstr(dst, "{2}"))
    return schema_error(ld, map_get(ld, map, key),
                        "a form needs both {1} and {2}");
  return CG_OK;
}

/* A body's list of short ASCII strings (`marks`, `symbols`) into rows of
 * `width` bytes, at most `cap` of them, each character passing `ok_char`. */
static cg_status ascii_list(loader *ld, yaml_node_t *m, const char *key, char *rows,
                            size_t width, size_t cap, size_t *n, int (*ok_char)(char),
                            const char *not_list, const char *bad, const char *too_many) {
  yaml_node_t *list = map_get(ld, m, key);
  if (!list)
    return CG_OK;
  if (list->type != YAML_SEQUENCE_NODE)
    return schema_error(ld, list, not_list);
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top; it++) {
    yaml_node_t *node = yaml_document_get_node(ld->doc, *it);
    const char *v = scalar(node);
    int ok = v && v[0] && strlen(v) < width;
    for (const char *p = v; ok && *p; p++)
      ok = ok_char(*p);
    if (!ok)
      return schema_error(ld, node, bad);
    if (*n == cap)
      return schema_error(ld, node, too_many);
    memcpy(rows + (*n)++ * width, v, strlen(v) + 1);
  }
  return CG_OK;
}

static int mark_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

static int symbol_char(char c) { return c > ' ' && c < 127; }

static cg_status load_symbol_prefixes(loader *ld, yaml_node_t *m, body_def *d) {
  return ascii_list(ld, m, "symbols", d->symbols[0], sizeof d->symbols[0],
                    sizeof d->symbols / sizeof *d->symbols, &d->nsymbols, symbol_char,
                    "symbols must be a list (\"UNEP/CBD/COP\")",
                    "a symbol's first part is 1 to 31 printable ASCII characters",
                    "at most 2 symbols");
}

static cg_status load_marks(loader *ld, yaml_node_t *m, body_def *d) {
  return ascii_list(ld, m, "marks", d->marks[0], sizeof d->marks[0],
                    sizeof d->marks / sizeof *d->marks, &d->nmarks, mark_char,
                    "marks must be a list (\"CP\", \"BC\")",
                    "a mark is 1 to 11 ASCII letters", "at most 4 marks");
}

int catalog_body_by_mark(const cg_catalog *cat, unsigned shape,
                         const char *mark, size_t n) {
  int found = -1;
  for (size_t b = 0; b < cat->bodies.n; b++) {
    const body_def *d = &cat->bodies.v[b];
    if (!(d->numbering & shape))
      continue;
    for (size_t k = 0; k < d->nmarks; k++) {
      if (strlen(d->marks[k]) == n && memcmp(d->marks[k], mark, n) == 0) {
        if (found >= 0 && found != (int)b)
          return -1;
        found = (int)b;
      }
    }
  }
  return found;
}

/* Bodies are loaded after instruments so that `instrument:` resolves. */
static cg_status load_bodies(loader *ld) {
  cg_status st;
  yaml_node_t *list = top_list(ld, "bodies", &st);
  if (!list)
    return st;
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top; it++) {
    yaml_node_t *m = yaml_document_get_node(ld->doc, *it);
    if (!m || m->type != YAML_MAPPING_NODE)
      return schema_error(ld, m, "expected a body (a mapping)");
    body_def d;
    memset(&d, 0, sizeof d);
    d.instrument = -1;
    char inst[32];
    if ((st = get_id(ld, m, "id", d.id, sizeof d.id, 1)) ||
        (st = get_id(ld, m, "prefix", d.prefix, sizeof d.prefix, 1)) ||
        (st = get_string(ld, m, "instrument", inst, sizeof inst, 0)) ||
        (st = parse_numbering(ld, map_get(ld, m, "numbering"), &d.numbering)))
      return st;
    const char *dec = scalar(map_get(ld, m, "decisions"));
    d.no_decisions = dec && !strcmp(dec, "false");
    yaml_node_t *fs = map_get(ld, m, "first_session");
    if (fs) {
      const char *v = scalar(fs);
      char *end = NULL;
      unsigned long n = v ? strtoul(v, &end, 10) : 0;
      if (!v || !*v || *end || n < 1 || n > 999)
        return schema_error(ld, fs, "first_session must be a session number (1 to 999)");
      d.first_session = (unsigned)n;
    }
    static const struct {
      const char *key;
      unsigned lo, hi;
      const char *msg;
    } nk[] = {{"sessions_from", 1900, 2999, "sessions_from must be a year (1900 to 2999)"},
              {"sessions_per_year", 1, 12, "sessions_per_year must be 1 to 12"}};
    for (size_t k = 0; k < 2; k++) {
      yaml_node_t *nn = map_get(ld, m, nk[k].key);
      if (!nn)
        continue;
      const char *v = scalar(nn);
      char *end = NULL;
      unsigned long x = v ? strtoul(v, &end, 10) : 0;
      if (!v || !*v || *end || x < nk[k].lo || x > nk[k].hi)
        return schema_error(ld, nn, nk[k].msg);
      *(k ? &d.sessions_per_year : &d.sessions_from) = (unsigned)x;
    }
    if (d.sessions_from && !d.sessions_per_year)
      d.sessions_per_year = 1;
    yaml_node_t *def = map_get(ld, m, "default");
    if (def && (st = parse_numbering(ld, def, &d.default_for)))
      return st;
    if (d.default_for & ~d.numbering)
      return schema_error(ld, def, "a default shape must be one of the body's "
                                   "numbering shapes");
    if ((st = load_marks(ld, m, &d)) || (st = load_symbol_prefixes(ld, m, &d)) ||
        (st = get_form(ld, m, "resolution_form", d.forms[0], sizeof d.forms[0])) ||
        (st = get_form(ld, m, "decision_form", d.forms[1], sizeof d.forms[1])))
      return st;
    if ((d.numbering & (SHAPE_MARKED | SHAPE_PREFIXED | SHAPE_OWN)) && !d.nmarks)
      return schema_error(ld, m, "the marked, prefixed and own shapes need "
                                 "'marks' (the letters that name the body)");
    for (size_t i = 0; i < ld->cat->bodies.n; i++)
      if (strcmp(ld->cat->bodies.v[i].id, d.id) == 0)
        return schema_error(ld, m, "duplicate body id");
    if (inst[0]) {
      for (size_t i = 0; i < ld->cat->insts.n; i++)
        if (strcmp(ld->cat->insts.v[i].id, inst) == 0)
          d.instrument = (int)i;
      if (d.instrument < 0)
        return schema_error(ld, map_get(ld, m, "instrument"),
                            "unknown instrument (not in instruments.yaml)");
    }
    uint16_t idx = (uint16_t)ld->cat->bodies.n;
    if (VEC_PUSH(ld->cat->bodies, d))
      return CG_ERR_NOMEM;
    if ((st = add_names(ld, m, "names", PH_BODY_FULL, idx)) ||
        (st = add_names(ld, m, "short", PH_BODY_SHORT, idx)))
      return st;
  }
  return CG_OK;
}

static cg_status load_symbols(loader *ld) {
  cg_status st;
  yaml_node_t *list = top_list(ld, "roots", &st);
  if (!list)
    return st;
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top; it++) {
    yaml_node_t *n = yaml_document_get_node(ld->doc, *it);
    const char *s = scalar(n);
    size_t len = s ? strlen(s) : 0;
    int ok = len > 0 && len < sizeof ld->cat->roots[0];
    for (size_t k = 0; ok && k < len; k++)
      ok = s[k] >= 'A' && s[k] <= 'Z';
    if (!ok)
      return schema_error(ld, n, "a symbol root is 1 to 15 capital letters");
    if (ld->cat->nroots >= sizeof ld->cat->roots / sizeof ld->cat->roots[0])
      return schema_error(ld, n, "too many symbol roots");
    memcpy(ld->cat->roots[ld->cat->nroots++], s, len + 1);
  }
  return CG_OK;
}

int catalog_symbol_root(const cg_catalog *cat, const char *s, size_t n) {
  if (!cat->nroots)
    return 1;
  for (size_t i = 0; i < cat->nroots; i++)
    if (strlen(cat->roots[i]) == n && memcmp(cat->roots[i], s, n) == 0)
      return 1;
  return 0;
}

/* The keys the loader reads, per kind of mapping (NULL ends each list):
 * a key added to a load_* function below belongs here too, or `refs
 * --check` calls it unknown. */
const char *const catalog_keys_instrument[] = {
    "id", "date", "adopted_by", "treaty_series", "names", "short", "abbrev",
    "generic", "together", "implied", "structure", "articles", NULL};
const char *const catalog_keys_instruments_root[] = {"instruments", "ambiguous", NULL};
const char *const catalog_keys_body[] = {
    "id", "prefix", "numbering", "default", "decisions", "first_session",
    "sessions_from", "sessions_per_year", "instrument", "marks", "symbols",
    "resolution_form", "decision_form", "names", "short", NULL};
const char *const catalog_keys_bodies_root[] = {"bodies", NULL};
const char *const catalog_keys_lang[] = {
    "lang", "script", "articles", "indefinite", "new_words", "range_words", "year_words", "draft_words", "title_links", "also_joiners", "section_words", "document_words", "annex_words", "topics", "including", "topic_intro", "possessor", "not_genitive", "genitive_endings",
    "part_letters", "emergency_session_marks", "special_session_marks", "decision_marks",
    "paragraph_marks", "caseless", "lowercase_titles", "segment", "order", "prefixes", "suffixes", "not_qualifier", "detect_letters",
    "plural_generics",
    "adjective_prefixes", "adjective_suffixes", "feminine_suffixes", "masculine_possessive",
    "point_letters", "ordinal_numbers", "ordinal_teens", "inflect", "words", "phrases",
    "months", "detect", NULL};
const char *const catalog_keys_lang_phrases[] = {
    "treaty_series", "adopted_by", "general_comment", "entitled", "qualifier",
    "operative_part", NULL};
const char *const catalog_keys_lang_inflect[] = {"adjective", "noun", NULL};

static const struct {
  const char *key;
  uint32_t cls;
} word_keys[] = {
    {"resolution", W_RES},      {"resolutions", W_RES | W_PLURAL},
    {"decision", W_DEC},        {"decisions", W_DEC | W_PLURAL},
    {"article", W_ART},         {"paragraph", W_PARA},
    {"subparagraph", W_SUBPARA}, {"chapter", W_CHAP},
    {"possessive", W_POSS},     {"joiner", W_JOIN},
    {"of", W_OF},               {"determiner", W_DET},
    {"date_intro", W_DATEI},    {"volume", W_VOL},
    {"number", W_NUMWORD},      {"ibid", W_IBID},
    {"abbreviation", W_ABBR},   {"ordinal", W_ORDINAL},
    {"anaphora", W_ANAPH | W_DET},
    {"in", W_IN},
    {"itself", W_SELF},
    {"number_prefix", W_NPREFIX},
    {"number_suffix", W_NSUFFIX},
    {"session_mark", W_SESSION},
    {"thereof", W_THEREOF},
    {"date_mark", W_DATEM},
    {"part", W_PART},
    {"section", W_SECT},
    {"thereto", W_THERETO},
};

typedef struct {
  loader *ld;
  lang_vocab *lv;
  uint32_t cls;
  uint8_t month;
  size_t words;
} word_ctx;

static int mark_word(void *vctx, const char *w, size_t n) {
  word_ctx *c = vctx;
  word_info *wi = wordtab_get(c->ld->cat, &c->lv->words, w, n);
  if (!wi)
    return -1;
  wi->cls |= c->cls;
  if (c->month)
    wi->month = c->month;
  if (c->cls & (W_RES | W_DEC | W_ART | W_PARA | W_CHAP | W_SUBPARA)) {
    /* the skim of lower-case prose stops before the words for resolution
     * and decision too: "l'application des résolutions de la Commission de
     * la condition de la femme 49/7" names its body between them and the
     * number; and before a provision's word when an ordinal number word
     * follows it ("l'article premier de la Convention") */
    uint64_t h = word_hash(w, n);
    c->lv->name_first[(h >> 40) & (NAME_FIRST_BITS / 64 - 1)] |= 1ULL << (h & 63);
  }
  c->words++;
  return 0;
}

/* Marks one word (a string) with cls and, when given, a month or an
 * ordinal value. */
static cg_status mark_one(loader *ld, lang_vocab *lv, yaml_node_t *n,
                          uint32_t cls, uint8_t month, uint8_t ordnum) {
  const char *s = scalar(n);
  if (!s)
    return schema_error(ld, n, "expected a word (a string)");
  word_ctx c = {ld, lv, cls, month, 0};
  if (split_words(s, mark_word, &c))
    return CG_ERR_NOMEM;
  if (c.words != 1)
    return schema_error(ld, n, "expected a single word");
  if (ordnum) {
    char f[MAX_WORD * 4];
    size_t fl = fold_word(s, strlen(s), f, sizeof f);
    word_info *wi = wordtab_get(ld->cat, &lv->words, f, fl);
    if (!wi)
      return CG_ERR_NOMEM;
    wi->ordnum = ordnum;
  }
  return CG_OK;
}

/* A list of words; with `numbered`, a list whose i-th item (a word or a list
 * of words) is the (i+1)-th month (numbered == 1, exactly 12) or ordinal
 * number (numbered == 2). */
static cg_status mark_list(loader *ld, lang_vocab *lv, yaml_node_t *list,
                           uint32_t cls, int numbered) {
  if (!list || list->type != YAML_SEQUENCE_NODE)
    return schema_error(ld, list, "expected a list of words");
  int i = 0;
  cg_status st;
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top; it++, i++) {
    yaml_node_t *n = yaml_document_get_node(ld->doc, *it);
    if (numbered == 1 && i >= 12)
      return schema_error(ld, n, "more than 12 months");
    if (numbered == 2 && i >= 99)
      return schema_error(ld, n, "more than 99 ordinal numbers");
    uint8_t month = numbered == 1 ? (uint8_t)(i + 1) : 0;
    uint8_t ord = numbered == 2 ? (uint8_t)(i + 1) : 0;
    if (numbered && n && n->type == YAML_SEQUENCE_NODE) {
      for (yaml_node_item_t *f = n->data.sequence.items.start;
           f < n->data.sequence.items.top; f++)
        if ((st = mark_one(ld, lv, yaml_document_get_node(ld->doc, *f), cls,
                           month, ord)))
          return st;
    } else if ((st = mark_one(ld, lv, n, cls, month, ord))) {
      return st;
    }
  }
  if (numbered == 1 && i != 12)
    return schema_error(ld, list, "expected the 12 month names in order");
  return CG_OK;
}

/* A short list of words, folded, into rows of `width` bytes (at most
 * `max` of them); none when the key is absent. */
static cg_status word_list(loader *ld, yaml_node_t *list, char *rows, size_t width,
                           size_t max, size_t *n, const char *too_long) {
  if (!list)
    return CG_OK;
  if (list->type != YAML_SEQUENCE_NODE)
    return schema_error(ld, list, "expected a list of words");
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top; it++) {
    yaml_node_t *node = yaml_document_get_node(ld->doc, *it);
    const char *s = scalar(node);
    char f[64];
    size_t fl = s ? fold_word(s, strlen(s), f, sizeof f) : 0;
    if (!fl || fl >= width || *n >= max)
      return schema_error(ld, node, too_long);
    memcpy(rows + *n * width, f, fl + 1);
    (*n)++;
  }
  return CG_OK;
}

/* Optional settings of a vocabulary: script, caseless, segment, order,
 * prefixes, suffixes, ordinal_numbers. */
static cg_status load_vocab_options(loader *ld, yaml_node_t *root,
                                    lang_vocab *lv) {
  const char *script = scalar(map_get(ld, root, "script"));
  if (script) {
    static const char *const names[] = {"latin", "cyrillic", "arabic", "han"};
    lv->script = -1;
    for (int k = 0; k < SCRIPT_COUNT; k++)
      if (!strcmp(script, names[k]))
        lv->script = k;
    if (lv->script < 0)
      return schema_error(ld, map_get(ld, root, "script"),
                          "script is latin, cyrillic, arabic or han");
  }
  const char *v;
  if ((v = scalar(map_get(ld, root, "caseless"))))
    lv->caseless = !strcmp(v, "true");
  if ((v = scalar(map_get(ld, root, "lowercase_titles"))))
    lv->lower_titles = !strcmp(v, "true");
  if ((v = scalar(map_get(ld, root, "segment"))))
    lv->segment = !strcmp(v, "true");
  if ((v = scalar(map_get(ld, root, "articles"))))
    lv->no_articles = !strcmp(v, "false");
  yaml_node_t *pm = map_get(ld, root, "paragraph_marks");
  if (pm) {
    if (pm->type != YAML_SEQUENCE_NODE)
      return schema_error(ld, pm, "expected a list of punctuation marks");
    size_t k = 0;
    for (yaml_node_item_t *it = pm->data.sequence.items.start;
         it < pm->data.sequence.items.top; it++) {
      yaml_node_t *n = yaml_document_get_node(ld->doc, *it);
      const char *m = scalar(n);
      if (!m || strlen(m) != 1 || !strchr(".-)", m[0]) || k + 1 >= sizeof lv->paragraph_marks)
        return schema_error(ld, n, "a paragraph mark is one of . - )");
      lv->paragraph_marks[k++] = m[0];
    }
    lv->paragraph_marks[k] = '\0';
  }
  if ((v = scalar(map_get(ld, root, "order")))) {
    if (strcmp(v, "prefix") && strcmp(v, "postfix"))
      return schema_error(ld, map_get(ld, root, "order"),
                          "order is prefix or postfix");
    lv->postfix = !strcmp(v, "postfix");
  }
  static const char *const keys[2] = {"prefixes", "suffixes"};
  for (int a = 0; a < 2; a++) {
    yaml_node_t *list = map_get(ld, root, keys[a]);
    if (!list)
      continue;
    if (list->type != YAML_SEQUENCE_NODE)
      return schema_error(ld, list, "expected a list of affixes");
    for (yaml_node_item_t *it = list->data.sequence.items.start;
         it < list->data.sequence.items.top; it++) {
      yaml_node_t *n = yaml_document_get_node(ld->doc, *it);
      const char *s = scalar(n);
      /* "لل>ال": a prefix, and what it stands for when the word is tried
       * again with it ("للجنة" is ل + "اللجنة") */
      const char *gt = s && a == 0 ? strchr(s, '>') : NULL;
      char f[64], r[64];
      size_t fl = s ? fold_word(s, gt ? (size_t)(gt - s) : strlen(s), f, sizeof f) : 0;
      size_t rl = gt ? fold_word(gt + 1, strlen(gt + 1), r, sizeof r) : 0;
      if (!fl || fl >= sizeof lv->affixes[a][0] || lv->naffixes[a] >= 16 ||
          (gt && (!rl || rl >= sizeof lv->restore[0])))
        return schema_error(ld, n, "an affix is a short word (at most 16)");
      if (gt) {
        memcpy(lv->restore[lv->naffixes[a]], r, rl + 1);
        lv->restore_len[lv->naffixes[a]] = (uint8_t)rl;
      }
      lv->affix_len[a][lv->naffixes[a]] = (uint8_t)fl;
      memcpy(lv->affixes[a][lv->naffixes[a]++], f, fl + 1);
    }
  }
  cg_status lst;
  if ((lst = word_list(ld, map_get(ld, root, "indefinite"), &lv->indefinite[0][0],
                       sizeof lv->indefinite[0], 8, &lv->nindefinite,
                       "at most 8 indefinite articles of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "topics"), &lv->topics[0][0],
                       sizeof lv->topics[0], 4, &lv->ntopics,
                       "at most 4 words of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "new_words"), &lv->new_words[0][0],
                       sizeof lv->new_words[0], 8, &lv->nnew_words,
                       "at most 8 words of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "range_words"), &lv->range_words[0][0],
                       sizeof lv->range_words[0], 4, &lv->nrange_words,
                       "at most 4 words of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "also_joiners"), &lv->also_joiners[0][0],
                       sizeof lv->also_joiners[0], 4, &lv->nalso_joiners,
                       "at most 4 joiners of at most 23 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "annex_words"), &lv->annex_words[0][0],
                       sizeof lv->annex_words[0], 4, &lv->nannex_words,
                       "at most 4 words of at most 23 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "section_words"), &lv->section_words[0][0],
                       sizeof lv->section_words[0], 8, &lv->nsection_words,
                       "at most 8 words of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "draft_words"), &lv->draft_words[0][0],
                       sizeof lv->draft_words[0], 8, &lv->ndraft_words,
                       "at most 8 words of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "document_words"), &lv->document_words[0][0],
                       sizeof lv->document_words[0], 4, &lv->ndocument_words,
                       "at most 4 words of at most 23 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "title_links"), &lv->title_links[0][0],
                       sizeof lv->title_links[0], 12, &lv->ntitle_links,
                       "at most 12 words of at most 23 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "year_words"), &lv->year_words[0][0],
                       sizeof lv->year_words[0], 4, &lv->nyear_words,
                       "at most 4 words of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "including"), &lv->including[0][0],
                       sizeof lv->including[0], 4, &lv->nincluding,
                       "at most 4 words of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "topic_intro"), &lv->topic_intro[0][0],
                       sizeof lv->topic_intro[0], 4, &lv->ntopic_intro,
                       "at most 4 words of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "possessor"), &lv->possessor[0][0],
                       sizeof lv->possessor[0], 4, &lv->npossessor,
                       "at most 4 names of at most 47 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "emergency_session_marks"),
                       &lv->session_marks[0][0][0], sizeof lv->session_marks[0][0], 4,
                       &lv->nsession_marks[0], "at most 4 marks of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "special_session_marks"),
                       &lv->session_marks[1][0][0], sizeof lv->session_marks[1][0], 4,
                       &lv->nsession_marks[1], "at most 4 marks of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "decision_marks"), &lv->decision_marks[0][0],
                       sizeof lv->decision_marks[0], 8, &lv->ndecision_marks,
                       "at most 8 marks \"local=LATIN\" of at most 31 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "part_letters"), &lv->part_letters[0][0],
                       sizeof lv->part_letters[0], 26, &lv->npart_letters,
                       "at most 26 letter names of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "genitive_endings"), &lv->genitive_endings[0][0],
                       sizeof lv->genitive_endings[0], 8, &lv->ngenitive_endings,
                       "at most 8 endings of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "not_genitive"), &lv->not_genitive[0][0],
                       sizeof lv->not_genitive[0], 8, &lv->nnot_genitive,
                       "at most 8 endings of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "not_qualifier"), &lv->not_qualifier[0][0],
                       sizeof lv->not_qualifier[0], 16, &lv->nnot_qualifier,
                       "at most 16 words of at most 23 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "adjective_prefixes"), &lv->adj_prefix[0][0],
                       sizeof lv->adj_prefix[0], 8, &lv->nadj_prefix,
                       "at most 8 beginnings of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "adjective_suffixes"), &lv->adj_suffix[0][0],
                       sizeof lv->adj_suffix[0], 8, &lv->nadj_suffix,
                       "at most 8 endings of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "feminine_suffixes"), &lv->feminine[0][0],
                       sizeof lv->feminine[0], 4, &lv->nfeminine,
                       "at most 4 endings of at most 15 bytes")) ||
      (lst = word_list(ld, map_get(ld, root, "masculine_possessive"), &lv->masc_poss[0][0],
                       sizeof lv->masc_poss[0], 4, &lv->nmasc_poss,
                       "at most 4 endings of at most 15 bytes")))
    return lst;
  yaml_node_t *dl = map_get(ld, root, "detect_letters");
  if (dl) {
    if (dl->type != YAML_SEQUENCE_NODE)
      return schema_error(ld, dl, "expected a list of letters");
    for (yaml_node_item_t *it = dl->data.sequence.items.start;
         it < dl->data.sequence.items.top; it++) {
      yaml_node_t *n = yaml_document_get_node(ld->doc, *it);
      const char *s = scalar(n);
      uint32_t cp;
      size_t k = s ? utf8_decode((const unsigned char *)s, strlen(s), &cp) : 0;
      if (!k || s[k] || lv->ndetect_letters >= 24)
        return schema_error(ld, n, "at most 24 letters, one character each");
      lv->detect_letters[lv->ndetect_letters++] = cp;
    }
  }
  yaml_node_t *pg = map_get(ld, root, "plural_generics");
  if (pg) {
    if (pg->type != YAML_SEQUENCE_NODE)
      return schema_error(ld, pg, "expected a list of [plural, singular] pairs");
    for (yaml_node_item_t *it = pg->data.sequence.items.start;
         it < pg->data.sequence.items.top; it++) {
      yaml_node_t *pair = yaml_document_get_node(ld->doc, *it);
      if (!pair || pair->type != YAML_SEQUENCE_NODE ||
          pair->data.sequence.items.top - pair->data.sequence.items.start != 2 ||
          lv->nplural_generic >= 8)
        return schema_error(ld, pair, "at most 8 pairs [plural, singular] of single words");
      for (int w = 0; w < 2; w++) {
        yaml_node_t *n = yaml_document_get_node(ld->doc, pair->data.sequence.items.start[w]);
        const char *s = scalar(n);
        char f[MAX_WORD * 4];
        size_t fl = s ? fold_word(s, strlen(s), f, sizeof f) : 0;
        if (!fl || strchr(s, ' '))
          return schema_error(ld, n, "expected a single word");
        word_info *wi = wordtab_get(ld->cat, &lv->words, f, fl);
        if (!wi)
          return CG_ERR_NOMEM;
        lv->plural_generic[lv->nplural_generic][w] = wi->wid;
        if (w == 0) {
          lv->plural_mask |= 1ULL << (wi->wid % 64);
          wi->plural = 1;
        }
      }
      lv->nplural_generic++;
    }
  }
  yaml_node_t *ord = map_get(ld, root, "ordinal_numbers");
  cg_status st;
  if (ord && (st = mark_list(ld, lv, ord, W_ORDNUM, 2)))
    return st;
  /* "عشرة" in "الرابعة عشرة" (the fourteenth): ten more than the ordinal
   * before it, and no number alone */
  yaml_node_t *teens = map_get(ld, root, "ordinal_teens");
  if (teens && teens->type != YAML_SEQUENCE_NODE)
    return schema_error(ld, teens, "expected a list of words");
  for (yaml_node_item_t *it = teens ? teens->data.sequence.items.start : NULL;
       teens && it < teens->data.sequence.items.top; it++)
    if ((st = mark_one(ld, lv, yaml_document_get_node(ld->doc, *it), 0, 0, ORD_TEEN)))
      return st;
    else
      lv->teens = 1;
  yaml_node_t *letters = map_get(ld, root, "point_letters");
  if (letters)
    return mark_list(ld, lv, letters, W_POINTL, 2);
  return CG_OK;
}

static cg_status load_vocab(loader *ld, size_t lang_bit) {
  yaml_node_t *root = yaml_document_get_root_node(ld->doc);
  if (!root || root->type != YAML_MAPPING_NODE)
    return schema_error(ld, root, "expected a mapping at the top level");
  char code[8];
  cg_status st = get_string(ld, root, "lang", code, sizeof code, 1);
  if (st)
    return st;
  lang_vocab *lv = lang_get(ld, code);
  if (!lv)
    return CG_ERR_NOMEM;
  if (lv->has_vocab)
    return schema_error(ld, map_get(ld, root, "lang"),
                        "a second vocabulary for the same language");
  lv->has_vocab = 1;
  snprintf(ld->cat->detect_code[lang_bit], sizeof *ld->cat->detect_code, "%s",
           code);
  if (lang_bit + 1 > ld->cat->ndetect)
    ld->cat->ndetect = lang_bit + 1;
  yaml_node_t *words = map_get(ld, root, "words");
  if (!words || words->type != YAML_MAPPING_NODE)
    return schema_error(ld, words ? words : root,
                        "expected a mapping 'words'");
  for (yaml_node_pair_t *p = words->data.mapping.pairs.start;
       p < words->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
    const char *key = scalar(k);
    uint32_t cls = 0;
    for (size_t i = 0; key && i < sizeof word_keys / sizeof *word_keys; i++)
      if (strcmp(word_keys[i].key, key) == 0)
        cls = word_keys[i].cls;
    if (!cls)
      return schema_error(ld, k, "unknown word class");
    if ((st = mark_list(ld, lv, yaml_document_get_node(ld->doc, p->value), cls,
                        0)))
      return st;
  }
  yaml_node_t *months = map_get(ld, root, "months");
  if (!months)
    return schema_error(ld, root, "missing 'months'");
  if ((st = mark_list(ld, lv, months, W_MONTH, 1)))
    return st;
  if ((st = load_vocab_options(ld, root, lv)))
    return st;
  yaml_node_t *phrases = map_get(ld, root, "phrases");
  if (phrases) {
    static const struct {
      const char *key;
      uint8_t type;
    } pk[] = {{"treaty_series", PH_TREATY_SERIES},
              {"adopted_by", PH_ADOPTED_BY},
              {"general_comment", PH_COMMENT},
              {"entitled", PH_ENTITLED},
              {"qualifier", PH_QUALIFIER},
              {"operative_part", PH_OPERATIVE}};
    for (size_t i = 0; i < sizeof pk / sizeof *pk; i++) {
      yaml_node_t *list = map_get(ld, phrases, pk[i].key);
      if (!list)
        continue;
      if (list->type != YAML_SEQUENCE_NODE)
        return schema_error(ld, list, "expected a list of phrases");
      for (yaml_node_item_t *it = list->data.sequence.items.start;
           it < list->data.sequence.items.top; it++) {
        yaml_node_t *n = yaml_document_get_node(ld->doc, *it);
        if (!scalar(n))
          return schema_error(ld, n, "expected a phrase (a string)");
        phrase_val v = {pk[i].type, 0, 0};
        if ((st = add_phrase(ld, lv, n, scalar(n), v)))
          return st;
      }
    }
  }
  yaml_node_t *detect = map_get(ld, root, "detect");
  if (!detect || detect->type != YAML_SEQUENCE_NODE)
    return schema_error(ld, detect ? detect : root,
                        "expected a list 'detect' of frequent words");
  for (yaml_node_item_t *it = detect->data.sequence.items.start;
       it < detect->data.sequence.items.top; it++) {
    yaml_node_t *n = yaml_document_get_node(ld->doc, *it);
    const char *s = scalar(n);
    if (!s)
      return schema_error(ld, n, "expected a word (a string)");
    char f[MAX_WORD * 4];
    size_t fl = fold_word(s, strlen(s), f, sizeof f);
    if (!fl)
      return schema_error(ld, n, "expected a word");
    word_info *wi = wordtab_get(ld->cat, &ld->cat->detect, f, fl);
    if (!wi)
      return CG_ERR_NOMEM;
    if (fl > ld->cat->detect_max)
      ld->cat->detect_max = fl;
    if (fl < 64)
      ld->cat->detect_lenmask[(unsigned char)f[0]] |= 1ULL << fl;
    wi->cls |= 1u << lang_bit;
  }
  return CG_OK;
}


/* lang/<code>.yaml's `inflect` (read before the instruments):
 *   inflect: {adjective: [[ая, ой, …], …], noun: [[ия, ии, …], …]} */
static cg_status load_inflect(loader *ld) {
  yaml_node_t *root = yaml_document_get_root_node(ld->doc);
  yaml_node_t *table = map_get(ld, root, "inflect");
  const char *code = scalar(map_get(ld, root, "lang"));
  if (!code || !code[0] || strlen(code) >= 8)
    return CG_OK; /* load_vocab reports what is wrong with the rest */
  /* The word order and segmentation too: the bodies' names, read before
   * the vocabulary, are cut by them (embedded_instrument). */
  const char *order = scalar(map_get(ld, root, "order"));
  const char *segment = scalar(map_get(ld, root, "segment"));
  if (order || segment) {
    lang_vocab *lv = lang_get(ld, code);
    if (!lv)
      return CG_ERR_NOMEM;
    lv->postfix = order && !strcmp(order, "postfix");
    lv->segment = segment && !strcmp(segment, "true");
  }
  if (!table)
    return CG_OK;
  if (table->type != YAML_MAPPING_NODE)
    return schema_error(ld, table, "expected a mapping 'inflect' (adjective, noun)");
  if (ld->infl->n == sizeof ld->infl->v / sizeof *ld->infl->v)
    return schema_error(ld, table, "at most 8 languages inflect names");
  inflection *in = &ld->infl->v[ld->infl->n];
  memset(in, 0, sizeof *in);
  snprintf(in->code, sizeof in->code, "%s", code);
  static const char *const keys[2] = {"adjective", "noun"};
  for (int k = 0; k < 2; k++) {
    yaml_node_t *rows = map_get(ld, table, keys[k]);
    if (!rows)
      continue;
    if (rows->type != YAML_SEQUENCE_NODE)
      return schema_error(ld, rows, "expected a list of rows of endings");
    for (yaml_node_item_t *it = rows->data.sequence.items.start;
         it < rows->data.sequence.items.top; it++) {
      yaml_node_t *row = yaml_document_get_node(ld->doc, *it);
      if (!row || row->type != YAML_SEQUENCE_NODE || in->nrows[k] == INFLECT_ROWS)
        return schema_error(ld, row ? row : rows,
                            "a row is a list of endings, one per case (at most 16 rows)");
      size_t nc = (size_t)(row->data.sequence.items.top - row->data.sequence.items.start);
      if (nc < 2 || nc > INFLECT_CASES || (in->ncases && nc != in->ncases))
        return schema_error(ld, row, "every row has the same number of cases (2 to 8)");
      in->ncases = nc;
      for (size_t c = 0; c < nc; c++) {
        yaml_node_t *e = yaml_document_get_node(ld->doc, row->data.sequence.items.start[c]);
        const char *s = scalar(e);
        if (!s || strlen(s) >= sizeof in->ending[k][0][0] || strchr(s, ' '))
          return schema_error(ld, e ? e : row, "an ending is a short string (\"\" for none)");
        memcpy(in->ending[k][in->nrows[k]][c], s, strlen(s) + 1);
      }
      in->nrows[k]++;
    }
  }
  if (in->nrows[1])
    ld->infl->n++;
  return CG_OK;
}

static cg_status load_file(cg_catalog *cat, const char *path, cg_diag *diag,
                           int kind, size_t arg, clash_list *clashes,
                           inflections *infl, cjk_names *cjk) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    diag_set(diag, path, 0, 0, "cannot open: %s", strerror(errno));
    return CG_ERR_IO;
  }
  /* Parsing takes about 16 bytes of memory and 0.6 microseconds per byte:
   * a file far larger than any catalogue is refused before it is read. */
  struct stat fst;
  int known = fstat(fileno(f), &fst) == 0;
  if (!known || !S_ISREG(fst.st_mode) ||
      (unsigned long long)fst.st_size > CG_CATALOG_FILE_MAX) {
    if (!known || !S_ISREG(fst.st_mode))
      diag_set(diag, path, 0, 0, "not a regular file");
    else
      diag_set(diag, path, 0, 0,
               "%llu MiB, more than the %lu MiB a catalogue file may have",
               (unsigned long long)fst.st_size >> 20, CG_CATALOG_FILE_MAX >> 20);
    fclose(f);
    return CG_ERR_SCHEMA;
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
    diag_set(diag, path, parser.problem_mark.line + 1,
             parser.problem_mark.column + 1, "%s%s%s",
             parser.problem ? parser.problem : "YAML error",
             parser.context ? " " : "", parser.context ? parser.context : "");
    st = parser.error == YAML_MEMORY_ERROR ? CG_ERR_NOMEM : CG_ERR_SYNTAX;
    goto cleanup_parser;
  }
  loader ld = {cat, path, &doc, diag, clashes, infl, cjk};
  if (!yaml_document_get_root_node(&doc))
    st = schema_error(&ld, NULL, "the file is empty");
  else if (kind == 0)
    st = load_instruments(&ld);
  else if (kind == 1)
    st = load_bodies(&ld);
  else if (kind == 3)
    st = load_symbols(&ld);
  else if (kind == 4)
    st = load_inflect(&ld);
  else
    st = load_vocab(&ld, arg);
  if (st == CG_ERR_NOMEM)
    diag_set(diag, path, 0, 0, "out of memory");
  yaml_document_delete(&doc);
cleanup_parser:
  yaml_parser_delete(&parser);
  fclose(f);
  return st;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_lang(const void *a, const void *b) {
  return strcmp(((const lang_vocab *)a)->code, ((const lang_vocab *)b)->code);
}

/* The names of the *.yaml files in `dir`, sorted, into a new array (free
 * each name and the array). A missing directory is an error only when
 * `required`. */
cg_status catalog_list_yaml(const char *dir, int required, char ***out,
                            size_t *count, cg_diag *diag) {
  char **files = NULL;
  size_t n = 0, cap = 0;
  *out = NULL;
  *count = 0;
  DIR *d = opendir(dir);
  if (!d) {
    if (!required && errno == ENOENT)
      return CG_OK;
    diag_set(diag, dir, 0, 0, "cannot open directory: %s", strerror(errno));
    return CG_ERR_IO;
  }
  cg_status st = CG_OK;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t len = strlen(e->d_name);
    if (len < 6 || e->d_name[0] == '.' ||
        strcmp(e->d_name + len - 5, ".yaml") != 0)
      continue;
    if ((n == cap && vec_grow((void **)&files, &cap, n + 1, sizeof *files)) ||
        !(files[n] = strdup(e->d_name))) {
      st = CG_ERR_NOMEM;
      break;
    }
    n++;
  }
  closedir(d);
  if (n > 1)
    qsort(files, n, sizeof *files, cmp_str);
  *out = files;
  *count = n;
  return st;
}

/* One source: dir/rel name, its kind and argument. Nonzero when out of
 * memory. */
static int add_source(catalog_source *src, int kind, size_t arg,
                      const char *dir, const char *rel, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s%s", dir, rel, name);
  src->kind = kind;
  src->arg = arg;
  return !(src->path = strdup(path));
}

/* The files a catalogue is made of, in the order they are loaded:
 * instruments.yaml and the files of instruments/ (one per family, in name
 * order; at least one of them), bodies.yaml, symbols.yaml when present,
 * then the vocabularies in name order, so that loading is deterministic. */
cg_status catalog_sources(const char *dir, catalog_source **out, size_t *count,
                          cg_diag *diag) {
  *out = NULL;
  *count = 0;
  char path[4096];
  char **files = NULL, **ifiles = NULL;
  size_t nfiles = 0, nifiles = 0;
  VEC(catalog_source) v = {NULL, 0, 0};
  cg_status st;
  snprintf(path, sizeof path, "%s/instruments", dir);
  if ((st = catalog_list_yaml(path, 0, &ifiles, &nifiles, diag)))
    goto done;
  /* Without instruments/, instruments.yaml is required: the first file
   * read, so the first error of a wrong folder. */
  snprintf(path, sizeof path, "%s/instruments.yaml", dir);
  int top = nifiles == 0 || access(path, F_OK) == 0;
  if (top && access(path, R_OK) != 0) {
    diag_set(diag, path, 0, 0, "cannot open: %s", strerror(errno));
    st = CG_ERR_IO;
    goto done;
  }
  snprintf(path, sizeof path, "%s/lang", dir);
  if ((st = catalog_list_yaml(path, 1, &files, &nfiles, diag)))
    goto done;
  if (nfiles > 32) {
    diag_set(diag, path, 0, 0, "more than 32 vocabularies");
    st = CG_ERR_SCHEMA;
    goto done;
  }
  if (!nfiles) {
    diag_set(diag, path, 0, 0, "no vocabulary (lang/<code>.yaml) found");
    st = CG_ERR_SCHEMA;
    goto done;
  }
  snprintf(path, sizeof path, "%s/symbols.yaml", dir);
  int symbols = access(path, F_OK) == 0;
  size_t total = (size_t)top + nifiles + 1 + (size_t)symbols + nfiles;
  if (!(v.v = calloc(total, sizeof *v.v))) {
    st = CG_ERR_NOMEM;
    goto done;
  }
  v.cap = total;
  if (top && add_source(&v.v[v.n++], 0, 0, dir, "instruments.yaml", ""))
    goto nomem;
  for (size_t i = 0; i < nifiles; i++)
    if (add_source(&v.v[v.n++], 0, 0, dir, "instruments/", ifiles[i]))
      goto nomem;
  if (add_source(&v.v[v.n++], 1, 0, dir, "bodies.yaml", "") ||
      (symbols && add_source(&v.v[v.n++], 3, 0, dir, "symbols.yaml", "")))
    goto nomem;
  for (size_t i = 0; i < nfiles; i++)
    if (add_source(&v.v[v.n++], 2, i, dir, "lang/", files[i]))
      goto nomem;
  *out = v.v;
  *count = v.n;
  v.v = NULL;
  goto done;
nomem:
  st = CG_ERR_NOMEM;
done:
  if (v.v)
    catalog_sources_free(v.v, v.n);
  for (size_t i = 0; i < nfiles; i++)
    free(files[i]);
  free(files);
  for (size_t i = 0; i < nifiles; i++)
    free(ifiles[i]);
  free(ifiles);
  return st;
}

void catalog_sources_free(catalog_source *v, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(v[i].path);
  free(v);
}

cg_status cg_catalog_load(const char *dir, cg_catalog **out, cg_diag *diag) {
  return cg_catalog_load_cached(dir, NULL, out, NULL, diag);
}

cg_status catalog_load_sources(const catalog_source *src, size_t nsrc,
                               cg_catalog **out, cg_diag *diag) {
  *out = NULL;
  cg_catalog *cat = calloc(1, sizeof *cat);
  if (!cat)
    return CG_ERR_NOMEM;
  cg_status st = CG_OK;
  clash_list clashes = {NULL, 0, 0};
  cjk_names cjk = {NULL, 0, 0};
  /* The languages' case endings first: names are added in every case. */
  inflections *infl = calloc(1, sizeof *infl);
  if (!infl) {
    st = CG_ERR_NOMEM;
    goto cleanup;
  }
  for (size_t g = 0; g < nsrc; g++)
    if (src[g].kind == 2 &&
        (st = load_file(cat, src[g].path, diag, 4, 0, NULL, infl, NULL)))
      goto cleanup;
  size_t f = 0;
  for (; f < nsrc && src[f].kind == 0; f++)
    if ((st = load_file(cat, src[f].path, diag, 0, 0, &clashes, infl, &cjk)))
      goto cleanup;
  if ((st = check_clashes(cat, &clashes, diag)))
    goto cleanup;
  if ((st = add_nested_titles(cat, &cjk)))
    goto cleanup;
  for (; f < nsrc; f++)
    if ((st = load_file(cat, src[f].path, diag, src[f].kind, src[f].arg, NULL, NULL, NULL)))
      goto cleanup;
  /* Names may come in languages without a vocabulary: those cannot be
   * read, so drop them; keep the rest sorted by code. */
  {
    size_t kept = 0;
    for (size_t i = 0; i < cat->langs.n; i++) {
      if (cat->langs.v[i].has_vocab) {
        cat->langs.v[kept++] = cat->langs.v[i];
      } else {
        wordtab_free(&cat->langs.v[i].words);
        trie_free(&cat->langs.v[i].trie);
      }
    }
    cat->langs.n = kept;
  }
  if (cat->langs.n > 1)
    qsort(cat->langs.v, cat->langs.n, sizeof *cat->langs.v, cmp_lang);
  /* The short detection words by number, the table at most a quarter full. */
  cat->detect8_cap = 64;
  while (cat->detect8_cap < 4 * cat->detect.ents.n)
    cat->detect8_cap *= 2;
  cat->detect8_keys = calloc(cat->detect8_cap, sizeof *cat->detect8_keys);
  cat->detect8_cls = calloc(cat->detect8_cap, sizeof *cat->detect8_cls);
  if (!cat->detect8_keys || !cat->detect8_cls) {
    st = CG_ERR_NOMEM;
    goto cleanup;
  }
  for (size_t k = 0; k < cat->detect.ents.n; k++) {
    size_t n = cat->detect.ents.v[k].key_len;
    if (n > 8)
      continue;
    uint64_t key = 0;
    memcpy(&key, cat->detect.ents.v[k].head, n);
    size_t slot = detect8_slot(cat, key);
    cat->detect8_keys[slot] = key;
    cat->detect8_cls[slot] = cat->detect.ents.v[k].info.cls;
  }
  for (size_t i = 0; i < cat->langs.n; i++) {
    lang_vocab *lv = &cat->langs.v[i];
    for (size_t k = 0; k < lv->words.ents.n; k++) {
      size_t n = lv->words.ents.v[k].key_len;
      const char *w = strings_get(&cat->strings, lv->words.ents.v[k].key_off);
      if (n < 64)
        lv->lenmask[(unsigned char)w[0]] |= 1ULL << n;
      if (n > lv->max_word)
        lv->max_word = n;
      if (n < 64)
        lv->first_lens[first_char_hash(w, n)] |= 1ULL << n;
      uint64_t h = word_hash(w, n);
      lv->bloom[(h >> 40) & (BLOOM_BITS / 64 - 1)] |= 1ULL << (h & 63);
      /* For the cutting of ideographs: the first and the first two code
       * points. */
      uint32_t c0, c1;
      size_t k0 = utf8_decode((const unsigned char *)w, n, &c0);
      if (k0 && c0 >= 0x3400 && c0 < 0xA000) {
        lv->han_first[(c0 - 0x3400) / 64] |= 1ULL << ((c0 - 0x3400) % 64);
        if (k0 == n)
          lv->han_alone[(c0 - 0x3400) / 64] |= 1ULL << ((c0 - 0x3400) % 64);
      }
      if (k0 && k0 < n && utf8_decode((const unsigned char *)w + k0, n - k0, &c1)) {
        unsigned b = pair_bucket(c0, c1);
        lv->han_pairs[b / 64] |= 1ULL << (b % 64);
      }
    }
    phrase_trie *tr = &lv->trie;
    tr->root_child = calloc(lv->words.ents.n + 1, sizeof *tr->root_child);
    if (!tr->root_child) {
      st = CG_ERR_NOMEM;
      goto cleanup;
    }
    for (size_t w = 1; w <= lv->words.ents.n; w++)
      tr->root_child[w] = trie_child(tr, 0, (uint32_t)w);
    tr->nroot = lv->words.ents.n + 1;
    for (size_t p = 0; p < lv->naffixes[0]; p++)
      for (unsigned b = 0; b < 256; b++)
        if (lv->affix_len[0][p] < 2 || affix_bucket(lv->affixes[0][p]) == b)
          lv->prefix_at[b] |= (uint16_t)(1u << p);
    for (size_t q = 0; q < lv->naffixes[1]; q++) {
      size_t ls = lv->affix_len[1][q];
      for (unsigned b = 0; b < 256; b++)
        if (ls < 2 || affix_bucket(lv->affixes[1][q] + ls - 2) == b)
          lv->suffix_at[b] |= (uint16_t)(1u << q);
    }
  }

cleanup:
  free(clashes.v);
  for (size_t k = 0; k < cjk.n; k++)
    free(cjk.v[k].name);
  free(cjk.v);
  free(infl);
  if (st) {
    cg_catalog_free(cat);
    return st;
  }
  *out = cat;
  return CG_OK;
}

void cg_catalog_free(cg_catalog *cat) {
  if (!cat)
    return;
  if (cat->image_map) {
    munmap(cat->image_map, cat->image_len);
    free(cat);
    return;
  }
  for (size_t i = 0; i < cat->langs.n; i++) {
    wordtab_free(&cat->langs.v[i].words);
    trie_free(&cat->langs.v[i].trie);
  }
  free(cat->langs.v);
  free(cat->bodies.v);
  free(cat->insts.v);
  wordtab_free(&cat->detect);
  free(cat->detect8_keys);
  free(cat->detect8_cls);
  buf_free(&cat->strings.mem);
  free(cat);
}

size_t cg_catalog_lang_count(const cg_catalog *cat) { return cat->langs.n; }

const char *cg_catalog_lang(const cg_catalog *cat, size_t i) {
  return i < cat->langs.n ? cat->langs.v[i].code : NULL;
}

size_t cg_catalog_body_count(const cg_catalog *cat) {
  return cat ? cat->bodies.n : 0;
}

const char *cg_catalog_body(const cg_catalog *cat, size_t i) {
  return cat && i < cat->bodies.n ? cat->bodies.v[i].id : NULL;
}

int catalog_lang_index(const cg_catalog *cat, const char *code) {
  for (size_t i = 0; i < cat->langs.n; i++)
    if (strcmp(cat->langs.v[i].code, code) == 0)
      return (int)i;
  return -1;
}

int catalog_find_treaty_series(const cg_catalog *cat, unsigned long volume,
                               unsigned long number) {
  if (!volume || !number)
    return -1;
  int only = -1, count = 0;
  for (size_t i = 0; i < cat->insts.n; i++) {
    if (cat->insts.v[i].ts_number != number)
      continue;
    if (cat->insts.v[i].ts_volume == volume)
      return (int)i;
    only = (int)i;
    count++;
  }
  /* Another volume of the same registration (an instrument printed over
   * several volumes): the number decides when only one instrument has it;
   * the protocols share their convention's number and need the volume. */
  return count == 1 ? only : -1;
}
