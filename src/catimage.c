/* catimage.c — a loaded catalogue as one block of bytes, and back.
 *
 * Layout: a header (magic, key, payload length, payload checksum), then
 * sections, each its length as 8 bytes and its bytes padded to 8: the
 * catalogue's struct, its strings, bodies, instruments, the vocabularies'
 * structs, the detection tables, then per vocabulary its word table and
 * phrase trie. Structs are written as they lie in memory, their pointers
 * replaced on reading: an image is read only by the build that wrote it
 * (the key says which), on the same machine. */
#include "catimage.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CG_SOURCE_ID
#define CG_SOURCE_ID "unknown"
#endif

static const char magic[8] = {'C', 'G', 'C', 'A', 'T', 'I', 'M', '1'};
enum { HEADER = 8 + CATIMAGE_KEY + 8 + 8 };

/* ------------------------------------------------------------ hashing */

/* A 64-bit hash of bytes, eight at a time, from a seed: two seeds give the
 * key's two halves. Not cryptographic: it tells files apart, it does not
 * withstand someone who wants two catalogues to collide in a cache they
 * own anyway. */
typedef struct {
  uint64_t h;
} hasher;

static void mix_bytes(hasher *st, const void *data, size_t n) {
  const unsigned char *p = data;
  uint64_t h = st->h;
  if (n >= 64) {
    /* Four lanes of eight bytes, each its own chain of multiplies, so that
     * they overlap: the image's 4 MB are checked at every start. */
    uint64_t l[4] = {h, h ^ 0x9E3779B97F4A7C15ULL, h ^ 0xC2B2AE3D27D4EB4FULL,
                     h ^ 0x165667B19E3779F9ULL};
    while (n >= 32) {
      for (int k = 0; k < 4; k++) {
        uint64_t w;
        memcpy(&w, p + 8 * k, 8);
        l[k] = (l[k] ^ w) * 0x9E3779B97F4A7C15ULL;
        l[k] ^= l[k] >> 29;
      }
      p += 32;
      n -= 32;
    }
    for (int k = 0; k < 4; k++) {
      h = (h ^ l[k]) * 0xC2B2AE3D27D4EB4FULL;
      h ^= h >> 31;
    }
  }
  while (n >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  uint64_t w = 0;
  memcpy(&w, p, n);
  h = (h ^ w ^ ((uint64_t)n << 56)) * 0xC2B2AE3D27D4EB4FULL;
  h ^= h >> 31;
  st->h = h;
}

static uint64_t hash_final(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 33);
}

static void put64(unsigned char *p, uint64_t v) {
  for (int i = 0; i < 8; i++)
    p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get64(const unsigned char *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; i--)
    v = v << 8 | p[i];
  return v;
}

int catimage_key(const catalog_source *src, size_t nsrc,
                 uint8_t key[CATIMAGE_KEY]) {
  /* The build: its sources' hash and the sizes of what is written. */
  const size_t layout[] = {sizeof(cg_catalog), sizeof(body_def), sizeof(inst_def),
                           sizeof(lang_vocab), sizeof(word_entry), sizeof(trie_node),
                           sizeof(phrase_val), sizeof(trie_edge), sizeof(size_t)};
  hasher a = {0x243F6A8885A308D3ULL}, b = {0x13198A2E03707344ULL};
  hasher *both[2] = {&a, &b};
  unsigned char buf[65536];
  for (int k = 0; k < 2; k++) {
    mix_bytes(both[k], CG_SOURCE_ID, sizeof CG_SOURCE_ID);
    mix_bytes(both[k], layout, sizeof layout);
  }
  for (size_t i = 0; i < nsrc; i++) {
    FILE *f = fopen(src[i].path, "rb");
    if (!f)
      return -1;
    uint64_t head[2] = {(uint64_t)src[i].kind, (uint64_t)src[i].arg};
    for (int k = 0; k < 2; k++) {
      mix_bytes(both[k], head, sizeof head);
      mix_bytes(both[k], src[i].path, strlen(src[i].path) + 1);
    }
    size_t n, total = 0;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
      for (int k = 0; k < 2; k++)
        mix_bytes(both[k], buf, n);
      total += n;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad)
      return -1;
    uint64_t t = total;
    for (int k = 0; k < 2; k++)
      mix_bytes(both[k], &t, sizeof t);
  }
  put64(key, hash_final(a.h));
  put64(key + 8, hash_final(b.h));
  return 0;
}

/* ------------------------------------------------------------ writing */

typedef struct {
  unsigned char *p;
  size_t n, cap;
  int failed;
} out_buf;

static void emit(out_buf *o, const void *data, size_t n) {
  size_t padded = (n + 7) & ~(size_t)7;
  if (o->failed)
    return;
  if (o->cap - o->n < 8 + padded) {
    size_t cap = o->cap ? o->cap : 1 << 20;
    while (cap - o->n < 8 + padded)
      cap *= 2;
    unsigned char *p = realloc(o->p, cap);
    if (!p) {
      o->failed = 1;
      return;
    }
    o->p = p;
    o->cap = cap;
  }
  put64(o->p + o->n, n);
  if (n)
    memcpy(o->p + o->n + 8, data, n);
  memset(o->p + o->n + 8 + n, 0, padded - n);
  o->n += 8 + padded;
}

int catimage_write(const cg_catalog *cat, const uint8_t key[CATIMAGE_KEY],
                   unsigned char **data, size_t *len) {
  *data = NULL;
  *len = 0;
  out_buf o = {NULL, 0, 0, 0};
  unsigned char head[HEADER] = {0};
  emit(&o, head, HEADER - 8); /* room for the header, filled in below */
  /* The structs with their pointers cleared, so that equal catalogues
   * give equal images. */
  cg_catalog c;
  memcpy(&c, cat, sizeof c);
  c.strings.mem.data = NULL;
  c.bodies.v = NULL;
  c.insts.v = NULL;
  c.langs.v = NULL;
  c.detect.slots = NULL;
  c.detect.ents.v = NULL;
  c.detect8_keys = NULL;
  c.detect8_cls = NULL;
  c.image_map = NULL;
  c.image_len = 0;
  /* Room to grow is not the catalogue's: as read back, cap is n. */
  c.strings.mem.cap = c.strings.mem.len;
  c.bodies.cap = c.bodies.n;
  c.insts.cap = c.insts.n;
  c.langs.cap = c.langs.n;
  c.detect.ents.cap = c.detect.ents.n;
  emit(&o, &c, sizeof c);
  emit(&o, cat->strings.mem.data, cat->strings.mem.len);
  emit(&o, cat->bodies.v, cat->bodies.n * sizeof *cat->bodies.v);
  emit(&o, cat->insts.v, cat->insts.n * sizeof *cat->insts.v);
  lang_vocab *lv = NULL;
  if (cat->langs.n && !(lv = malloc(cat->langs.n * sizeof *lv))) {
    free(o.p);
    return -1;
  }
  for (size_t i = 0; i < cat->langs.n; i++) {
    memcpy(&lv[i], &cat->langs.v[i], sizeof *lv);
    lv[i].words.slots = NULL;
    lv[i].words.ents.v = NULL;
    lv[i].trie.nodes.v = NULL;
    lv[i].trie.vals.v = NULL;
    lv[i].trie.edges = NULL;
    lv[i].trie.root_child = NULL;
    lv[i].words.ents.cap = lv[i].words.ents.n;
    lv[i].trie.nodes.cap = lv[i].trie.nodes.n;
    lv[i].trie.vals.cap = lv[i].trie.vals.n;
  }
  emit(&o, lv, cat->langs.n * sizeof *lv);
  free(lv);
  emit(&o, cat->detect.slots, cat->detect.cap * sizeof *cat->detect.slots);
  emit(&o, cat->detect.ents.v, cat->detect.ents.n * sizeof *cat->detect.ents.v);
  emit(&o, cat->detect8_keys, cat->detect8_cap * sizeof *cat->detect8_keys);
  emit(&o, cat->detect8_cls, cat->detect8_cap * sizeof *cat->detect8_cls);
  for (size_t i = 0; i < cat->langs.n; i++) {
    const lang_vocab *v = &cat->langs.v[i];
    emit(&o, v->words.slots, v->words.cap * sizeof *v->words.slots);
    emit(&o, v->words.ents.v, v->words.ents.n * sizeof *v->words.ents.v);
    emit(&o, v->trie.nodes.v, v->trie.nodes.n * sizeof *v->trie.nodes.v);
    emit(&o, v->trie.vals.v, v->trie.vals.n * sizeof *v->trie.vals.v);
    emit(&o, v->trie.edges, v->trie.edge_cap * sizeof *v->trie.edges);
    emit(&o, v->trie.root_child, v->trie.nroot * sizeof *v->trie.root_child);
  }
  if (o.failed) {
    free(o.p);
    return -1;
  }
  /* The header replaces the first section's length and bytes. */
  memcpy(o.p, magic, 8);
  memcpy(o.p + 8, key, CATIMAGE_KEY);
  hasher sum = {0x452821E638D01377ULL};
  mix_bytes(&sum, o.p + HEADER, o.n - HEADER);
  put64(o.p + 8 + CATIMAGE_KEY, o.n - HEADER);
  put64(o.p + 8 + CATIMAGE_KEY + 8, hash_final(sum.h));
  *data = o.p;
  *len = o.n;
  return 0;
}

/* ------------------------------------------------------------ reading */

typedef struct {
  unsigned char *p;
  size_t left;
  int bad;
  int in_place; /* point into the image instead of copying */
} in_buf;

/* The next section, which must hold count elements of size bytes: copied
 * into a new array, or where it lies in the image (NULL when empty). */
static void *take(in_buf *in, size_t count, size_t size) {
  if (in->bad)
    return NULL;
  if (in->left < 8 || (size && count > SIZE_MAX / size - 8)) {
    in->bad = 1;
    return NULL;
  }
  uint64_t n = get64(in->p);
  size_t padded = (count * size + 7) & ~(size_t)7;
  if (n != count * size || in->left - 8 < padded) {
    in->bad = 1;
    return NULL;
  }
  void *v = NULL;
  if (in->in_place) {
    if ((uintptr_t)(in->p + 8) % 8) {
      in->bad = 1;
      return NULL;
    }
    v = n ? in->p + 8 : NULL;
  } else if (n && !(v = malloc(n))) {
    in->bad = 1;
    return NULL;
  } else if (n) {
    memcpy(v, in->p + 8, n);
  }
  in->p += 8 + padded;
  in->left -= 8 + padded;
  return v;
}

static int terminated(const char *s, size_t size) {
  return memchr(s, '\0', size) != NULL;
}

static int pow2(size_t n) { return n && !(n & (n - 1)); }

/* Whether a word list of a vocabulary holds together: at most `rows` rows
 * used, every row of `width` bytes NUL-terminated. */
static int word_rows_ok(const char *v, size_t rows, size_t width, size_t used) {
  if (used > rows)
    return 0;
  for (size_t p = 0; p < rows; p++)
    if (!terminated(v + p * width, width))
      return 0;
  return 1;
}

/* Whether a word table holds together: the probe loop ends (an empty
 * slot), slots point at entries, entries at strings. */
static int table_ok(const cg_catalog *cat, const word_table *t) {
  if (!t->cap)
    return t->ents.n == 0;
  if (!pow2(t->cap) || t->ents.n >= t->cap || t->ents.n >= UINT32_MAX)
    return 0;
  size_t empty = 0;
  for (size_t i = 0; i < t->cap; i++) {
    uint32_t k = (uint32_t)t->slots[i];
    if (!t->slots[i])
      empty++;
    else if (!k || k > t->ents.n)
      return 0;
  }
  if (!empty)
    return 0;
  size_t slen = cat->strings.mem.len;
  for (size_t k = 0; k < t->ents.n; k++) {
    const word_entry *e = &t->ents.v[k];
    if (e->key_off >= slen || e->key_len >= slen - e->key_off ||
        e->info.wid > t->ents.n || e->info.month > 12)
      return 0;
  }
  return 1;
}

static int trie_ok(const cg_catalog *cat, const lang_vocab *lv) {
  const phrase_trie *t = &lv->trie;
  if (!t->nodes.n || t->nodes.n >= UINT32_MAX)
    return 0;
  for (size_t i = 0; i < t->nodes.n; i++) {
    const trie_node *n = &t->nodes.v[i];
    if (n->vals_start > t->vals.n || n->vals_count > t->vals.n - n->vals_start)
      return 0;
  }
  for (size_t i = 0; i < t->vals.n; i++) {
    const phrase_val *v = &t->vals.v[i];
    if (v->type > PH_LAST)
      return 0;
    switch (v->type) {
    case PH_BODY_FULL:
    case PH_BODY_SHORT:
      if (v->index >= cat->bodies.n || (v->type == PH_BODY_FULL && v->form > cat->insts.n))
        return 0;
      break;
    case PH_INST_FULL:
    case PH_INST_SHORT:
    case PH_INST_GENERIC:
    case PH_INST_ABBREV:
    case PH_INST_TOGETHER:
      if (v->index >= cat->insts.n ||
          (v->type == PH_INST_ABBREV && (!v->form || v->form > cat->strings.mem.len)))
        return 0;
      break;
    default:
      if (v->index)
        return 0;
    }
  }
  if (t->edge_cap) {
    if (!pow2(t->edge_cap) || t->edge_count >= t->edge_cap)
      return 0;
    size_t empty = 0;
    for (size_t i = 0; i < t->edge_cap; i++) {
      const trie_edge *e = &t->edges[i];
      if (!e->key)
        empty++;
      else if (((e->key - 1) >> 32) >= t->nodes.n || !e->child ||
               e->child >= t->nodes.n)
        return 0;
    }
    if (!empty)
      return 0;
  } else if (t->edge_count) {
    return 0;
  }
  if (t->nroot != lv->words.ents.n + 1)
    return 0;
  for (size_t w = 0; w < t->nroot; w++)
    if (t->root_child[w] >= t->nodes.n)
      return 0;
  return 1;
}

static int lang_ok(const cg_catalog *cat, const lang_vocab *lv) {
  if (!terminated(lv->code, sizeof lv->code) || lv->script < 0 ||
      lv->script >= SCRIPT_COUNT)
    return 0;
  for (int k = 0; k < 2; k++) {
    if (lv->naffixes[k] > 16)
      return 0;
    for (size_t p = 0; p < lv->naffixes[k]; p++)
      if (lv->affix_len[k][p] >= 16 || !terminated(lv->affixes[k][p], 16) ||
          strlen(lv->affixes[k][p]) != lv->affix_len[k][p])
        return 0;
  }
  for (size_t p = 0; p < 16; p++)
    if (lv->restore_len[p] >= 16 || !terminated(lv->restore[p], 16) ||
        strlen(lv->restore[p]) != lv->restore_len[p])
      return 0;
  if (lv->nindefinite > 8 || lv->npossessor > 4 || lv->nnot_genitive > 8 || lv->npart_letters > 26 || lv->nsession_marks[0] > 4 ||
      lv->nsession_marks[1] > 4 || lv->nnot_qualifier > 16 || lv->nadj_prefix > 8 ||
      lv->nadj_suffix > 8 || lv->nfeminine > 4 || lv->nmasc_poss > 4)
    return 0;
  for (size_t p = 0; p < 8; p++)
    if (!terminated(lv->adj_prefix[p], 16) || !terminated(lv->adj_suffix[p], 16))
      return 0;
  for (size_t p = 0; p < 4; p++)
    if (!terminated(lv->feminine[p], 16) || !terminated(lv->masc_poss[p], 16))
      return 0;
  for (size_t p = 0; p < 8; p++)
    if (!terminated(lv->indefinite[p], 16))
      return 0;
  if (!word_rows_ok(lv->range_words[0], 4, 16, lv->nrange_words) ||
      !word_rows_ok(lv->year_words[0], 4, 16, lv->nyear_words) ||
      !word_rows_ok(lv->draft_words[0], 8, 16, lv->ndraft_words) ||
      !word_rows_ok(lv->also_joiners[0], 4, 24, lv->nalso_joiners) ||
      !word_rows_ok(lv->section_words[0], 8, 16, lv->nsection_words) ||
      !word_rows_ok(lv->annex_words[0], 4, 24, lv->nannex_words) ||
      !word_rows_ok(lv->genitive_endings[0], 8, 16, lv->ngenitive_endings))
    return 0;
  for (size_t p = 0; p < 4; p++)
    if (!terminated(lv->possessor[p], 48))
      return 0;
  for (size_t p = 0; p < 8; p++)
    if (!terminated(lv->not_genitive[p], 16) || !terminated(lv->session_marks[p / 4][p % 4], 16))
      return 0;
  for (size_t p = 0; p < 26; p++)
    if (!terminated(lv->part_letters[p], 16))
      return 0;
  for (size_t p = 0; p < 16; p++)
    if (!terminated(lv->not_qualifier[p], 24))
      return 0;
  return table_ok(cat, &lv->words) && trie_ok(cat, lv);
}

static int catalog_ok(const cg_catalog *cat) {
  const cg_buf *m = &cat->strings.mem;
  if (!m->len || m->data[m->len - 1] != '\0')
    return 0;
  for (size_t i = 0; i < cat->bodies.n; i++) {
    const body_def *d = &cat->bodies.v[i];
    if (!terminated(d->id, sizeof d->id) || !terminated(d->prefix, sizeof d->prefix) ||
        !terminated(d->name, sizeof d->name) ||
        !terminated(d->forms[0], sizeof d->forms[0]) ||
        !terminated(d->forms[1], sizeof d->forms[1]) || d->instrument < -1 ||
        (d->instrument >= 0 && (size_t)d->instrument >= cat->insts.n) ||
        !word_rows_ok(d->marks[0], 4, sizeof d->marks[0], d->nmarks) ||
        !word_rows_ok(d->symbols[0], 2, sizeof d->symbols[0], d->nsymbols))
      return 0;
  }
  for (size_t i = 0; i < cat->insts.n; i++) {
    const inst_def *d = &cat->insts.v[i];
    if (!terminated(d->id, sizeof d->id) || !terminated(d->title, sizeof d->title) ||
        !terminated(d->short_title, sizeof d->short_title) ||
        !terminated(d->date, sizeof d->date) ||
        !terminated(d->adopted_by, sizeof d->adopted_by))
      return 0;
  }
  if (cat->langs.n > 32 || cat->ndetect > 32 || cat->nroots > 256)
    return 0;
  for (size_t i = 0; i < 32; i++)
    if (!terminated(cat->detect_code[i], sizeof cat->detect_code[i]))
      return 0;
  for (size_t i = 0; i < 256; i++)
    if (!terminated(cat->roots[i], sizeof cat->roots[i]))
      return 0;
  if (!table_ok(cat, &cat->detect) || !pow2(cat->detect8_cap))
    return 0;
  size_t empty = 0;
  for (size_t i = 0; i < cat->detect8_cap; i++)
    empty += !cat->detect8_keys[i];
  if (!empty)
    return 0;
  for (size_t i = 0; i < cat->langs.n; i++)
    if (!lang_ok(cat, &cat->langs.v[i]))
      return 0;
  return 1;
}

/* The catalogue in data[0..len), copied out of it or (in_place) pointing
 * into it; NULL when the image does not hold. */
static cg_catalog *parse(unsigned char *data, size_t len,
                         const uint8_t key[CATIMAGE_KEY], int checksum,
                         int in_place) {
  if (len < HEADER || memcmp(data, magic, 8) != 0 ||
      memcmp(data + 8, key, CATIMAGE_KEY) != 0 ||
      get64(data + 8 + CATIMAGE_KEY) != len - HEADER)
    return NULL;
  if (checksum) {
    hasher sum = {0x452821E638D01377ULL};
    mix_bytes(&sum, data + HEADER, len - HEADER);
    if (hash_final(sum.h) != get64(data + 8 + CATIMAGE_KEY + 8))
      return NULL;
  }
  in_buf in = {data + HEADER, len - HEADER, 0, 0};
  cg_catalog *cat = take(&in, 1, sizeof *cat); /* always a copy */
  if (!cat)
    return NULL;
  cat->image_map = NULL;
  cat->image_len = 0;
  in.in_place = in_place;
  /* Nothing the image's pointers said is kept: every array is set from
   * its section below, or stays NULL and empty. */
  size_t nlangs = cat->langs.n;
  cat->strings.mem.data = take(&in, cat->strings.mem.len, 1);
  cat->strings.mem.cap = cat->strings.mem.len;
  cat->bodies.v = take(&in, cat->bodies.n, sizeof *cat->bodies.v);
  cat->bodies.cap = cat->bodies.n;
  cat->insts.v = take(&in, cat->insts.n, sizeof *cat->insts.v);
  cat->insts.cap = cat->insts.n;
  cat->langs.n = 0;
  cat->langs.v = take(&in, nlangs, sizeof *cat->langs.v);
  cat->detect.slots = take(&in, cat->detect.cap, sizeof *cat->detect.slots);
  cat->detect.ents.v = take(&in, cat->detect.ents.n, sizeof *cat->detect.ents.v);
  cat->detect.ents.cap = cat->detect.ents.n;
  cat->detect8_keys = take(&in, cat->detect8_cap, sizeof *cat->detect8_keys);
  cat->detect8_cls = take(&in, cat->detect8_cap, sizeof *cat->detect8_cls);
  /* A section that did not hold left its array NULL, and every later one
   * too: cg_catalog_free frees what was taken. Only the vocabularies'
   * count is read there. */
  if (!cat->langs.v)
    nlangs = 0;
  cat->langs.cap = nlangs;
  for (size_t i = 0; i < nlangs; i++) {
    lang_vocab *lv = &cat->langs.v[i];
    lv->words.slots = NULL;
    lv->words.ents.v = NULL;
    lv->trie.nodes.v = NULL;
    lv->trie.vals.v = NULL;
    lv->trie.edges = NULL;
    lv->trie.root_child = NULL;
  }
  cat->langs.n = nlangs;
  for (size_t i = 0; i < nlangs && !in.bad; i++) {
    lang_vocab *lv = &cat->langs.v[i];
    lv->words.slots = take(&in, lv->words.cap, sizeof *lv->words.slots);
    lv->words.ents.v = take(&in, lv->words.ents.n, sizeof *lv->words.ents.v);
    lv->words.ents.cap = lv->words.ents.n;
    lv->trie.nodes.v = take(&in, lv->trie.nodes.n, sizeof *lv->trie.nodes.v);
    lv->trie.nodes.cap = lv->trie.nodes.n;
    lv->trie.vals.v = take(&in, lv->trie.vals.n, sizeof *lv->trie.vals.v);
    lv->trie.vals.cap = lv->trie.vals.n;
    lv->trie.edges = take(&in, lv->trie.edge_cap, sizeof *lv->trie.edges);
    lv->trie.root_child = take(&in, lv->trie.nroot, sizeof *lv->trie.root_child);
  }
  if (in.bad || in.left || !catalog_ok(cat)) {
    if (in_place)
      free(cat); /* the rest is the caller's image */
    else
      cg_catalog_free(cat);
    return NULL;
  }
  return cat;
}

cg_catalog *catimage_read(const unsigned char *data, size_t len,
                          const uint8_t key[CATIMAGE_KEY], int checksum) {
  return parse((unsigned char *)data, len, key, checksum, 0);
}

cg_catalog *catimage_map(const char *path, const uint8_t key[CATIMAGE_KEY]) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  struct stat st;
  void *map = MAP_FAILED;
  size_t len = 0;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= HEADER &&
      (unsigned long long)st.st_size <= ((size_t)1 << 30)) {
    len = (size_t)st.st_size;
    /* Private and writable: the vocabularies' pointers are set in place
     * (copied on write), the file is never changed. */
    map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  }
  close(fd);
  if (map == MAP_FAILED)
    return NULL;
  cg_catalog *cat = parse(map, len, key, 1, 1);
  if (!cat) {
    munmap(map, len);
    return NULL;
  }
  cat->image_map = map;
  cat->image_len = len;
  return cat;
}



/* ------------------------------------------------------------ the cache */

/* Creates dir and its missing parents (0700, as caches are); 0 when it is
 * there. */
static int make_dirs(const char *dir) {
  char p[4096];
  size_t n = strlen(dir);
  if (!n || n >= sizeof p)
    return -1;
  memcpy(p, dir, n + 1);
  for (size_t i = 1; i <= n; i++) {
    if (p[i] != '/' && p[i] != '\0')
      continue;
    char c = p[i];
    p[i] = '\0';
    if (mkdir(p, 0700) != 0 && errno != EEXIST)
      return -1;
    p[i] = c;
  }
  struct stat st;
  return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

/* Writes data to path through a new file beside it, renamed over it, so
 * that a reader never sees half an image. */
static int write_whole(const char *path, const unsigned char *data, size_t len) {
  char tmp[4200];
  static const char hex[] = "0123456789abcdef";
  uintptr_t tag = (uintptr_t)&tmp ^ (uintptr_t)getpid() << 20;
  char suffix[17];
  for (int i = 0; i < 16; i++)
    suffix[i] = hex[(tag >> (4 * i)) & 15];
  suffix[16] = '\0';
  if (snprintf(tmp, sizeof tmp, "%s.%s.tmp", path, suffix) >= (int)sizeof tmp)
    return -1;
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return -1;
  size_t done = 0;
  while (done < len) {
    ssize_t w = write(fd, data + done, len - done);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      break;
    done += (size_t)w;
  }
  if (close(fd) != 0 || done != len || rename(tmp, path) != 0) {
    unlink(tmp);
    return -1;
  }
  return 0;
}

enum { CACHE_KEEP = 8 };

/* Leaves the CACHE_KEEP newest images in dir (catalogues edited or made
 * for tests would otherwise pile up). */
static void prune(const char *dir) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  struct {
    char name[64];
    struct timespec t;
  } old[CACHE_KEEP + 1];
  size_t n = 0;
  struct dirent *e;
  char path[4200];
  while ((e = readdir(d))) {
    size_t len = strlen(e->d_name);
    struct stat st;
    if (len >= sizeof old[0].name || strncmp(e->d_name, "catalog-", 8) != 0 ||
        len < 12 || strcmp(e->d_name + len - 4, ".bin") != 0)
      continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (stat(path, &st) != 0)
      continue;
    /* Keep the newest CACHE_KEEP in old[], by insertion; the one pushed
     * out of it goes. */
    size_t at = n;
    while (at > 0 && (old[at - 1].t.tv_sec < st.st_mtim.tv_sec ||
                      (old[at - 1].t.tv_sec == st.st_mtim.tv_sec &&
                       old[at - 1].t.tv_nsec < st.st_mtim.tv_nsec)))
      at--;
    if (n == CACHE_KEEP + 1)
      n--; /* old[CACHE_KEEP] was unlinked already */
    memmove(&old[at + 1], &old[at], (n - at) * sizeof old[0]);
    memcpy(old[at].name, e->d_name, len + 1);
    old[at].t = st.st_mtim;
    n++;
    if (n == CACHE_KEEP + 1) {
      snprintf(path, sizeof path, "%s/%s", dir, old[CACHE_KEEP].name);
      unlink(path);
    }
  }
  closedir(d);
}

cg_status cg_catalog_load_cached(const char *dir, const char *cache_dir,
                                 cg_catalog **out, cg_cache_use *use,
                                 cg_diag *diag) {
  if (use)
    *use = CG_CACHE_UNUSED;
  if (diag)
    memset(diag, 0, sizeof *diag);
  if (out)
    *out = NULL;
  if (!dir || !out) {
    diag_set(diag, NULL, 0, 0, "no catalogue directory given");
    return CG_ERR_ARG;
  }
  catalog_source *src;
  size_t nsrc;
  cg_status st = catalog_sources(dir, &src, &nsrc, diag);
  if (st)
    return st;
  uint8_t key[CATIMAGE_KEY];
  char path[4200];
  int keyed = cache_dir && cache_dir[0] && catimage_key(src, nsrc, key) == 0;
  if (keyed) {
    static const char hex[] = "0123456789abcdef";
    char name[2 * CATIMAGE_KEY + 1];
    for (int i = 0; i < CATIMAGE_KEY; i++) {
      name[2 * i] = hex[key[i] >> 4];
      name[2 * i + 1] = hex[key[i] & 15];
    }
    name[2 * CATIMAGE_KEY] = '\0';
    keyed = snprintf(path, sizeof path, "%s/catalog-%s.bin", cache_dir, name) <
            (int)sizeof path;
  }
  if (keyed) {
    cg_catalog *cat = catimage_map(path, key);
    if (cat) {
      catalog_sources_free(src, nsrc);
      *out = cat;
      if (use)
        *use = CG_CACHE_READ;
      return CG_OK;
    }
  }
  st = catalog_load_sources(src, nsrc, out, diag);
  catalog_sources_free(src, nsrc);
  if (st || !keyed)
    return st;
  unsigned char *data;
  size_t len;
  if (catimage_write(*out, key, &data, &len) == 0) {
    if (make_dirs(cache_dir) == 0 && write_whole(path, data, len) == 0) {
      prune(cache_dir);
      if (use)
        *use = CG_CACHE_WRITTEN;
    }
    free(data);
  }
  return CG_OK;
}
