/* graph.c — the citation graph: vertices by identifier, weighted edges, and
 * the igraph analysis. */
#include "graph.h"

#include <igraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "centrality.h"
#include "dynlib.h"
#include "text.h"

/* igraph is opened when a graph is first analysed (src/dynlib.c): with the
 * BLAS, LAPACK, GLPK and C++ libraries it brings, linking it would cost
 * every run, extraction included, some 6 ms to start. */
#define IG_FNS(X)                                                              \
  X(IGRAPH_FINALLY_FREE)                                                       \
  X(igraph_community_leiden)                                                   \
  X(igraph_community_multilevel)                                               \
  X(igraph_connected_components)                                               \
  X(igraph_create)                                                             \
  X(igraph_destroy)                                                            \
  X(igraph_error)                                                              \
  X(igraph_hub_and_authority_scores)                                           \
  X(igraph_modularity)                                                         \
  X(igraph_pagerank)                                                           \
  X(igraph_rng_default)                                                        \
  X(igraph_rng_set_default)                                                    \
  X(igraph_set_error_handler)                                                  \
  X(igraph_set_warning_handler)                                                \
  X(igraph_strength)                                                           \
  X(igraph_strerror)                                                           \
  X(igraph_vcount)                                                             \
  X(igraph_vector_destroy)                                                     \
  X(igraph_vector_init)                                                        \
  X(igraph_vector_int_destroy)                                                 \
  X(igraph_vector_int_init)                                                    \
  X(igraph_vector_int_resize)                                                  \
  X(igraph_vector_resize)                                                      \
  X(igraph_vector_size)                                                        \
  X(igraph_vss_all)
typedef struct {
  IG_FNS(DYNLIB_FIELD)
} ig_table;
static ig_table ig;
#define IG_ENTRY(f) DYNLIB_FN(ig_table, f),
static const dynlib_entry ig_fns[] = {IG_FNS(IG_ENTRY)};
static const char *const ig_names[] = {"libigraph.so.3", "libigraph.so", NULL};
static dynlib_lib ig_lib = {
    .names = ig_names, .fns = ig_fns, .nfns = sizeof ig_fns / sizeof *ig_fns,
    .table = &ig, .label = "igraph",
    .need = "analysing the graph needs the igraph library (Debian: libigraph3)"};

/* Below, igraph's names call through the table. */
#define IGRAPH_FINALLY_FREE ig.IGRAPH_FINALLY_FREE
#define igraph_community_leiden ig.igraph_community_leiden
#define igraph_community_multilevel ig.igraph_community_multilevel
#define igraph_connected_components ig.igraph_connected_components
#define igraph_create ig.igraph_create
#define igraph_destroy ig.igraph_destroy
#define igraph_error ig.igraph_error
#define igraph_hub_and_authority_scores ig.igraph_hub_and_authority_scores
#define igraph_modularity ig.igraph_modularity
#define igraph_pagerank ig.igraph_pagerank
#define igraph_rng_default ig.igraph_rng_default
#define igraph_rng_set_default ig.igraph_rng_set_default
#define igraph_set_error_handler ig.igraph_set_error_handler
#define igraph_set_warning_handler ig.igraph_set_warning_handler
#define igraph_strength ig.igraph_strength
#define igraph_strerror ig.igraph_strerror
#define igraph_vcount ig.igraph_vcount
#define igraph_vector_destroy ig.igraph_vector_destroy
#define igraph_vector_init ig.igraph_vector_init
#define igraph_vector_int_destroy ig.igraph_vector_int_destroy
#define igraph_vector_int_init ig.igraph_vector_int_init
#define igraph_vector_int_resize ig.igraph_vector_int_resize
#define igraph_vector_resize ig.igraph_vector_resize
#define igraph_vector_size ig.igraph_vector_size
#define igraph_vss_all ig.igraph_vss_all


/* ------------------------------------------------------------ vertices */

static size_t find_vertex(const cg_graph *g, const char *id, uint64_t h) {
  if (!g->vcap)
    return SIZE_MAX;
  size_t mask = g->vcap - 1;
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    size_t s = g->vslots[i];
    if (!s)
      return SIZE_MAX;
    if (strcmp(strings_get(&g->strs, g->vx.v[s - 1].id_off), id) == 0)
      return s - 1;
  }
}

static int vertex_rehash(cg_graph *g, size_t cap) {
  size_t *slots = calloc(cap, sizeof *slots);
  if (!slots)
    return -1;
  for (size_t k = 0; k < g->vx.n; k++) {
    const char *id = strings_get(&g->strs, g->vx.v[k].id_off);
    size_t i = (size_t)hash_bytes(id, strlen(id)) & (cap - 1);
    while (slots[i])
      i = (i + 1) & (cap - 1);
    slots[i] = k + 1;
  }
  free(g->vslots);
  g->vslots = slots;
  g->vcap = cap;
  return 0;
}

/* ------------------------------------------------------------ instruments */

/* Catalogue instruments by identifier, then by position: the first of
 * equal identifiers sorts first. */
static int cmp_inst_ptr(const void *a, const void *b) {
  const inst_def *x = *(const inst_def *const *)a;
  const inst_def *y = *(const inst_def *const *)b;
  int c = strcmp(x->id, y->id);
  return c ? c : (x > y) - (x < y);
}

/* Builds g->inst_sorted. Returns 0, or -1 when out of memory. */
static int index_instruments(cg_graph *g) {
  size_t k = g->cat->insts.n;
  g->inst_sorted = malloc((k ? k : 1) * sizeof *g->inst_sorted);
  if (!g->inst_sorted)
    return -1;
  for (size_t i = 0; i < k; i++)
    g->inst_sorted[i] = &g->cat->insts.v[i];
  if (k > 1)
    qsort(g->inst_sorted, k, sizeof *g->inst_sorted, cmp_inst_ptr);
  return 0;
}

/* The first catalogue instrument whose identifier is `id`, or NULL.
 * Time: O(log instruments). */
static const inst_def *find_inst(const cg_graph *g, const char *id) {
  size_t lo = 0, hi = g->cat->insts.n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(g->inst_sorted[mid]->id, id) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < g->cat->insts.n && strcmp(g->inst_sorted[lo]->id, id) == 0)
    return g->inst_sorted[lo];
  return NULL;
}

/* The kind of an identifier, from its shape; *inst gets the catalogue
 * instrument it is, or -1. */
static const char *kind_of_id(const cg_graph *g, const char *id, int *inst) {
  *inst = -1;
  if (strchr(id, '#'))
    return "provision";
  if (strstr(id, "/RES/"))
    return "resolution";
  if (strstr(id, "/DEC/"))
    return "decision";
  if (strncmp(id, "UNTS/", 5) == 0)
    return "treaty";
  const inst_def *d = find_inst(g, id);
  if (d) {
    *inst = (int)(d - g->cat->insts.v);
    return "treaty";
  }
  return "symbol";
}

/* Finds or adds a vertex. Returns its index or SIZE_MAX (out of memory). */
static size_t vertex_get(cg_graph *g, const char *id) {
  uint64_t h = hash_bytes(id, strlen(id));
  size_t v = find_vertex(g, id, h);
  if (v != SIZE_MAX)
    return v;
  if ((g->vx.n + 1) * 2 > g->vcap &&
      vertex_rehash(g, g->vcap ? g->vcap * 2 : 1024))
    return SIZE_MAX;
  vertex_rec r;
  memset(&r, 0, sizeof r);
  r.id_off = strings_add(&g->strs, id, strlen(id));
  if (r.id_off == SIZE_MAX)
    return SIZE_MAX;
  r.kind = kind_of_id(g, id, &r.inst);
  if (VEC_PUSH(g->vx, r))
    return SIZE_MAX;
  size_t i = (size_t)h & (g->vcap - 1);
  while (g->vslots[i])
    i = (i + 1) & (g->vcap - 1);
  g->vslots[i] = g->vx.n;
  g->dirty = 1;
  return g->vx.n - 1;
}

/* ------------------------------------------------------------ edges */

static uint64_t edge_key(size_t from, size_t to, int type) {
  return ((uint64_t)from << 33) ^ ((uint64_t)to << 1) ^ (uint64_t)type;
}

static size_t find_edge(const cg_graph *g, size_t from, size_t to, int type) {
  if (!g->ecap)
    return SIZE_MAX;
  uint64_t k = edge_key(from, to, type);
  size_t mask = g->ecap - 1;
  for (size_t i = (size_t)(k * 0x9E3779B97F4A7C15ULL >> 20) & mask;;
       i = (i + 1) & mask) {
    size_t s = g->eslots[i];
    if (!s)
      return SIZE_MAX;
    const edge_rec *e = &g->ex.v[s - 1];
    if (e->from == from && e->to == to && e->type == type)
      return s - 1;
  }
}

static int edge_rehash(cg_graph *g, size_t cap) {
  size_t *slots = calloc(cap, sizeof *slots);
  if (!slots)
    return -1;
  for (size_t n = 0; n < g->ex.n; n++) {
    const edge_rec *e = &g->ex.v[n];
    uint64_t k = edge_key(e->from, e->to, e->type);
    size_t i = (size_t)(k * 0x9E3779B97F4A7C15ULL >> 20) & (cap - 1);
    while (slots[i])
      i = (i + 1) & (cap - 1);
    slots[i] = n + 1;
  }
  free(g->eslots);
  g->eslots = slots;
  g->ecap = cap;
  return 0;
}

static edge_rec *edge_get(cg_graph *g, size_t from, size_t to, int type) {
  size_t e = find_edge(g, from, to, type);
  if (e != SIZE_MAX)
    return &g->ex.v[e];
  if ((g->ex.n + 1) * 2 > g->ecap &&
      edge_rehash(g, g->ecap ? g->ecap * 2 : 1024))
    return NULL;
  edge_rec r;
  memset(&r, 0, sizeof r);
  r.from = from;
  r.to = to;
  r.type = type;
  r.para_off = SIZE_MAX;
  if (VEC_PUSH(g->ex, r))
    return NULL;
  uint64_t k = edge_key(from, to, type);
  size_t i = (size_t)(k * 0x9E3779B97F4A7C15ULL >> 20) & (g->ecap - 1);
  while (g->eslots[i])
    i = (i + 1) & (g->ecap - 1);
  g->eslots[i] = g->ex.n;
  g->dirty = 1;
  return &g->ex.v[g->ex.n - 1];
}

/* ------------------------------------------------------------ public */

cg_graph *cg_graph_new(const cg_catalog *cat) {
  if (!cat)
    return NULL;
  cg_graph *g = calloc(1, sizeof *g);
  if (!g)
    return NULL;
  g->cat = cat;
  if (index_instruments(g)) {
    free(g);
    return NULL;
  }
  return g;
}

void cg_graph_free(cg_graph *g) {
  if (!g)
    return;
  free(g->vslots);
  free(g->eslots);
  free(g->vx.v);
  free(g->ex.v);
  free(g->pub_v);
  free(g->pub_e);
  free(g->order);
  free(g->rank);
  free(g->docs.v);
  free(g->inst_sorted);
  buf_free(&g->strs.mem);
  free(g);
}

static void set_str(cg_graph *g, size_t *off, const char *s) {
  if (*off || !s || !s[0])
    return;
  size_t o = strings_add(&g->strs, s, strlen(s));
  if (o != SIZE_MAX)
    *off = o + 1; /* 0 means unset */
}

/* Appends a paragraph number to an edge's list, once. */
static void add_paragraph(cg_graph *g, edge_rec *e, unsigned para) {
  char num[16];
  snprintf(num, sizeof num, "%u", para);
  if (e->para_off != SIZE_MAX) {
    const char *old = strings_get(&g->strs, e->para_off);
    size_t nl = strlen(num);
    for (const char *p = old; *p;) {
      const char *semi = strchr(p, ';');
      size_t l = semi ? (size_t)(semi - p) : strlen(p);
      if (l == nl && memcmp(p, num, l) == 0)
        return;
      p += l + (semi ? 1 : 0);
    }
    char buf[1024];
    size_t ol = strlen(old);
    if (ol + nl + 2 > sizeof buf)
      return;
    memcpy(buf, old, ol);
    buf[ol] = ';';
    memcpy(buf + ol + 1, num, nl + 1);
    size_t o = strings_add(&g->strs, buf, strlen(buf));
    if (o != SIZE_MAX)
      e->para_off = o;
    return;
  }
  size_t o = strings_add(&g->strs, num, strlen(num));
  if (o != SIZE_MAX)
    e->para_off = o;
}

/* The vertex name of a document without an identifier: "file:" and its
 * path, with every byte the exporters would drop, replace or map (controls,
 * DEL, invalid UTF-8, U+FFFE, U+FFFF, the backslash DOT writes as U+29F5)
 * and '%' itself percent-encoded; so that two files never meet in one name
 * in any format. */
static void file_vertex_id(const char *file, char *out, size_t cap) {
  const unsigned char *p = (const unsigned char *)(file ? file : "(unnamed)");
  size_t n = strlen((const char *)p), o = (size_t)snprintf(out, cap, "file:");
  for (size_t i = 0; i < n && o + 4 < cap;) {
    uint32_t cp;
    size_t k = p[i] >= 0x80 ? utf8_decode(p + i, n - i, &cp) : 1;
    if (k > 1 && cp != 0xFFFE && cp != 0xFFFF && o + k < cap) {
      memcpy(out + o, p + i, k);
      o += k;
      i += k;
    } else if (p[i] < 0x20 || p[i] >= 0x7F || p[i] == '%' || p[i] == '\\') {
      o += (size_t)snprintf(out + o, cap - o, "%%%02X", p[i]);
      i++;
    } else {
      out[o++] = (char)p[i++];
    }
  }
  out[o] = '\0';
}

cg_status cg_graph_add(cg_graph *g, const cg_result *res, const char *file) {
  if (!g || !res)
    return CG_ERR_ARG;
  const cg_document *d = cg_result_document(res);
  char fallback[3 * 4096 + 8];
  /* Only identifiers reach the graph (the extractor and the record reader
   * give no other; a result built elsewhere may). */
  const char *doc_id = d->self;
  if (!cg_identifier_valid(doc_id)) {
    file_vertex_id(file, fallback, sizeof fallback);
    doc_id = fallback;
  }
  size_t dv = vertex_get(g, doc_id);
  if (dv == SIZE_MAX)
    return CG_ERR_NOMEM;
  vertex_rec *v = &g->vx.v[dv];
  if (!v->in_corpus) {
    v->in_corpus = 1;
    if (doc_id == fallback)
      v->kind = "document";
    if (VEC_PUSH(g->docs, dv))
      return CG_ERR_NOMEM;
  }
  set_str(g, &g->vx.v[dv].body_off, d->body);
  set_str(g, &g->vx.v[dv].date_off, d->date);
  set_str(g, &g->vx.v[dv].title_off, d->title);
  for (size_t i = 0; i < cg_result_count(res); i++) {
    const cg_citation *c = cg_result_citation(res, i);
    if (!c->target || strcmp(c->target, doc_id) == 0 ||
        !cg_identifier_valid(c->target))
      continue;
    size_t tv = vertex_get(g, c->target);
    if (tv == SIZE_MAX)
      return CG_ERR_NOMEM;
    set_str(g, &g->vx.v[tv].body_off, c->body);
    if (c->kind == CG_KIND_RESOLUTION || c->kind == CG_KIND_DECISION)
      set_str(g, &g->vx.v[tv].date_off, c->date);
    edge_rec *e = edge_get(g, dv, tv, EDGE_CITES);
    if (!e)
      return CG_ERR_NOMEM;
    e->weight++;
    switch (c->place) {
    case CG_PLACE_PREAMBLE: e->preamble++; break;
    case CG_PLACE_OPERATIVE: e->operative++; break;
    case CG_PLACE_FOOTNOTE: e->footnote++; break;
    default: e->text++; break;
    }
    if (c->place == CG_PLACE_OPERATIVE && c->paragraph)
      add_paragraph(g, e, c->paragraph);
    int inst = g->vx.v[tv].inst;
    if (inst >= 0 && !g->vx.v[tv].adoption_seen &&
        g->cat->insts.v[inst].adopted_by[0]) {
      /* The instrument and the resolution that adopted it are linked, and
       * count as one in the rankings. */
      g->vx.v[tv].adoption_seen = 1;
      size_t rv = vertex_get(g, g->cat->insts.v[inst].adopted_by);
      if (rv == SIZE_MAX)
        return CG_ERR_NOMEM;
      edge_rec *a = edge_get(g, tv, rv, EDGE_ADOPTED_BY);
      if (!a)
        return CG_ERR_NOMEM;
      a->weight = 1;
    }
    const char *hash = strchr(c->target, '#');
    if (hash) {
      /* A provision is part of its instrument. */
      char base[256];
      size_t bl = (size_t)(hash - c->target);
      if (bl >= sizeof base)
        continue;
      memcpy(base, c->target, bl);
      base[bl] = '\0';
      size_t bv = vertex_get(g, base);
      if (bv == SIZE_MAX)
        return CG_ERR_NOMEM;
      edge_rec *p = edge_get(g, tv, bv, EDGE_PART_OF);
      if (!p)
        return CG_ERR_NOMEM;
      p->weight = 1;
    }
  }
  g->analysed = 0;
  return CG_OK;
}

/* ------------------------------------------------------------ prepare */

static const cg_graph *sort_graph; /* qsort has no context argument */

static int cmp_vertex(const void *a, const void *b) {
  const cg_graph *g = sort_graph;
  return strcmp(strings_get(&g->strs, g->vx.v[*(const size_t *)a].id_off),
                strings_get(&g->strs, g->vx.v[*(const size_t *)b].id_off));
}

/* One stable counting-sort pass: src[0..m) into dst by key(src[i]) < nkeys;
 * count has nkeys + 1 places. */
#define COUNT_SORT(dst, src, m, nkeys, count, key)                            \
  do {                                                                         \
    memset((count), 0, ((nkeys) + 1) * sizeof *(count));                       \
    for (size_t i_ = 0; i_ < (m); i_++)                                        \
      (count)[(key((src)[i_])) + 1]++;                                         \
    for (size_t k_ = 0; k_ < (nkeys); k_++)                                    \
      (count)[k_ + 1] += (count)[k_];                                          \
    for (size_t i_ = 0; i_ < (m); i_++)                                        \
      (dst)[(count)[key((src)[i_])]++] = (src)[i_];                            \
  } while (0)

/* The edges in public order: by source, then target (sorted positions),
 * then type name ("adopted_by", "cites", "part_of"); a vertex pair has one
 * edge of each type at most, so the order is total. Counting sorts, least
 * significant key first. Stores a new array of ex indices in *out.
 * Time: O(|V| + |E|). */
static cg_status sort_edges(const cg_graph *g, size_t **out) {
  size_t n = g->vx.n, m = g->ex.n;
  size_t *a = malloc((m ? m : 1) * sizeof *a);
  size_t *b = malloc((m ? m : 1) * sizeof *b);
  size_t *count = malloc((n + 4) * sizeof *count);
  if (!a || !b || !count) {
    free(a);
    free(b);
    free(count);
    return CG_ERR_NOMEM;
  }
  const edge_rec *ex = g->ex.v;
  const size_t *rank = g->rank;
  for (size_t i = 0; i < m; i++)
    b[i] = i;
#define TYPE_KEY(e)                                                            \
  (ex[e].type == EDGE_ADOPTED_BY ? 0u : ex[e].type == EDGE_CITES ? 1u : 2u)
#define TO_KEY(e) (rank[ex[e].to])
#define FROM_KEY(e) (rank[ex[e].from])
  COUNT_SORT(a, b, m, (size_t)3, count, TYPE_KEY);
  COUNT_SORT(b, a, m, n, count, TO_KEY);
  COUNT_SORT(a, b, m, n, count, FROM_KEY);
#undef TYPE_KEY
#undef TO_KEY
#undef FROM_KEY
  free(b);
  free(count);
  *out = a;
  return CG_OK;
}

static const char *opt_str(const cg_graph *g, size_t off1) {
  return off1 ? strings_get(&g->strs, off1 - 1) : "";
}

/* The body whose prefix begins a resolution or decision identifier. */
static const body_def *body_of_id(const cg_graph *g, const char *id,
                                  const char **number, int *decision) {
  const body_def *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; i < g->cat->bodies.n; i++) {
    const body_def *b = &g->cat->bodies.v[i];
    size_t pl = strlen(b->prefix);
    if (pl > best_len && strncmp(id, b->prefix, pl) == 0 &&
        (strncmp(id + pl, "/RES/", 5) == 0 ||
         strncmp(id + pl, "/DEC/", 5) == 0)) {
      best = b;
      best_len = pl;
    }
  }
  if (best) {
    *number = id + best_len + 5;
    *decision = id[best_len + 1] == 'D';
  }
  return best;
}

/* Writes a chapter number (arabic in identifiers) as the Roman numeral
 * instruments print; anything else as it is. */
static size_t put_chapter(char *out, size_t cap, const char *num, size_t nl) {
  static const char *const r[] = {"M", "CM", "D", "CD", "C", "XC", "L",
                                  "XL", "X", "IX", "V", "IV", "I"};
  static const int val[] = {1000, 900, 500, 400, 100, 90, 50,
                            40, 10, 9, 5, 4, 1};
  int n = 0;
  size_t k = 0;
  for (; k < nl && num[k] >= '0' && num[k] <= '9' && n < 4000; k++)
    n = n * 10 + (num[k] - '0');
  if (k != nl || n <= 0 || n >= 4000)
    return (size_t)snprintf(out, cap, "%.*s", (int)nl, num);
  size_t len = 0;
  for (size_t i = 0; i < 13 && len + 4 < cap; i++)
    while (n >= val[i] && len + 4 < cap) {
      len += (size_t)snprintf(out + len, cap - len, "%s", r[i]);
      n -= val[i];
    }
  return len;
}

/* The label a reader recognises: "SC 2331 (2016)", "GA 61/144",
 * "GA dec. 64/540", "Organized Crime Convention, art. 34, para. 2",
 * "Charter of the United Nations, Chapter VII", "UNTS No. 9068".
 * Instruments are named by their first English short name, else their
 * first English full name (refs/instruments.yaml). */
static void make_label(const cg_graph *g, const char *id, const char *kind,
                       char *out, size_t cap) {
  const char *hash = strchr(id, '#');
  if (hash) {
    char base[256];
    size_t bl = (size_t)(hash - id) < sizeof base - 1 ? (size_t)(hash - id)
                                                      : sizeof base - 1;
    memcpy(base, id, bl);
    base[bl] = '\0';
    int unused;
    make_label(g, base, kind_of_id(g, base, &unused), out, cap);
    size_t len = strlen(out);
    /* "art_34__para_2" -> ", art. 34, para. 2"; "chp_7" -> ", Chapter VII";
     * "point_a" -> " (a)" */
    for (const char *p = hash + 1; *p && len + 16 < cap;) {
      const char *us = strchr(p, '_');
      if (!us)
        break;
      size_t kl = (size_t)(us - p);
      const char *num = us + 1;
      const char *end = strstr(num, "__");
      size_t nl = end ? (size_t)(end - num) : strlen(num);
      if (kl == 3 && !strncmp(p, "chp", 3)) {
        len += (size_t)snprintf(out + len, cap - len, ", Chapter ");
        if (len < cap)
          len += put_chapter(out + len, cap - len, num, nl);
      } else {
        const char *word = kl == 3 && !strncmp(p, "art", 3)    ? "art."
                           : kl == 4 && !strncmp(p, "para", 4) ? "para."
                                                               : "";
        if (word[0])
          len += (size_t)snprintf(out + len, cap - len, ", %s %.*s", word,
                                  (int)nl, num);
        else
          len += (size_t)snprintf(out + len, cap - len, " (%.*s)", (int)nl,
                                  num);
      }
      if (len >= cap)
        len = cap - 1;
      if (!end)
        break;
      p = end + 2;
    }
    return;
  }
  if (!strcmp(kind, "resolution") || !strcmp(kind, "decision")) {
    const char *number;
    int decision;
    const body_def *b = body_of_id(g, id, &number, &decision);
    if (b) {
      const char *paren = strchr(number, '(');
      if (paren && paren > number)
        snprintf(out, cap, "%s %s%.*s %s", b->id, decision ? "dec. " : "",
                 (int)(paren - number), number, paren);
      else
        snprintf(out, cap, "%s %s%s", b->id, decision ? "dec. " : "", number);
      return;
    }
  }
  const inst_def *inst = find_inst(g, id);
  if (inst && (inst->short_title[0] || inst->title[0])) {
    snprintf(out, cap, "%s", inst->short_title[0] ? inst->short_title : inst->title);
    return;
  }
  if (!strncmp(id, "UNTS/", 5)) {
    snprintf(out, cap, "UNTS No. %s", id + 5);
    return;
  }
  if (!strncmp(id, "file:", 5)) {
    const char *slash = strrchr(id, '/');
    snprintf(out, cap, "%s", slash ? slash + 1 : id + 5);
    return;
  }
  snprintf(out, cap, "%s", id);
}

/* The undocs.org address of a symbol, percent-encoding every byte but
 * letters, digits and - . _ ~ / ( ) +: an identifier needs none of it, and
 * whatever else reached here cannot leave its attribute in SVG, DOT or
 * GraphML. */
static void url_of(const char *symbol, char *out, size_t cap) {
  size_t o = (size_t)snprintf(out, cap, "https://undocs.org/");
  for (const unsigned char *p = (const unsigned char *)symbol;
       *p && o + 4 < cap; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("-._~/()+", *p))
      out[o++] = (char)*p;
    else
      o += (size_t)snprintf(out + o, cap - o, "%%%02X", *p);
  }
  out[o] = '\0';
}

static int year_of_vertex(const cg_graph *g, const vertex_rec *v,
                          const char *id) {
  const char *date = opt_str(g, v->date_off);
  if (strlen(date) >= 4)
    return atoi(date);
  /* "S/RES/2331(2016)" */
  const char *paren = strchr(id, '(');
  if (paren && strlen(paren) >= 6 && paren[5] == ')' &&
      paren[1] >= '1' && paren[1] <= '2') {
    int y = atoi(paren + 1);
    if (y >= 1945 && y <= 2100)
      return y;
  }
  return 0;
}

/* A vertex's metrics, from the record into its public view. */
static void copy_metrics(cg_vertex *p, const vertex_rec *v) {
  p->citations = v->citations;
  p->mentions = v->mentions;
  p->pagerank = v->pagerank;
  p->authority = v->authority;
  p->hub = v->hub;
  p->betweenness = v->betweenness;
  p->component = v->component;
  p->community = v->community;
}

cg_status graph_prepare(cg_graph *g) {
  if (!g->dirty && g->pub_v)
    return CG_OK;
  size_t n = g->vx.n, m = g->ex.n;
  free(g->order);
  free(g->rank);
  free(g->pub_v);
  free(g->pub_e);
  g->order = malloc((n ? n : 1) * sizeof *g->order);
  g->rank = malloc((n ? n : 1) * sizeof *g->rank);
  g->pub_v = calloc(n ? n : 1, sizeof *g->pub_v);
  g->pub_e = calloc(m ? m : 1, sizeof *g->pub_e);
  if (!g->order || !g->rank || !g->pub_v || !g->pub_e)
    return CG_ERR_NOMEM;
  for (size_t i = 0; i < n; i++)
    g->order[i] = i;
  sort_graph = g;
  qsort(g->order, n, sizeof *g->order, cmp_vertex);
  for (size_t i = 0; i < n; i++)
    g->rank[g->order[i]] = i;

  /* Labels, titles, URLs and years first: adding strings may move them. */
  for (size_t i = 0; i < n; i++) {
    vertex_rec *v = &g->vx.v[i];
    char id[512], label[600], url[600];
    snprintf(id, sizeof id, "%s", strings_get(&g->strs, v->id_off));
    make_label(g, id, v->kind, label, sizeof label);
    size_t o = strings_add(&g->strs, label, strlen(label));
    if (o == SIZE_MAX)
      return CG_ERR_NOMEM;
    v->label_off = o + 1;
    url[0] = '\0';
    if (strcmp(v->kind, "treaty") && strcmp(v->kind, "document")) {
      char base[512];
      snprintf(base, sizeof base, "%s", id);
      char *hash = strchr(base, '#');
      if (hash)
        *hash = '\0';
      int unused;
      if (strcmp(kind_of_id(g, base, &unused), "treaty") != 0)
        url_of(base, url, sizeof url);
    }
    if (url[0]) {
      o = strings_add(&g->strs, url, strlen(url));
      if (o == SIZE_MAX)
        return CG_ERR_NOMEM;
      v->url_off = o + 1;
    }
    /* Instruments and their provisions: the full title, for tooltips. */
    char base[512];
    snprintf(base, sizeof base, "%s", id);
    char *cut = strchr(base, '#');
    if (cut)
      *cut = '\0';
    const inst_def *inst = find_inst(g, base);
    if (!v->title_off && inst && inst->title[0]) {
      char t[800];
      snprintf(t, sizeof t, "%s%s", inst->title,
               cut ? label + strlen(inst->short_title[0] ? inst->short_title
                                                         : inst->title)
                   : "");
      o = strings_add(&g->strs, t, strlen(t));
      if (o == SIZE_MAX)
        return CG_ERR_NOMEM;
      v->title_off = o + 1;
    }
    v->year = year_of_vertex(g, v, id);
    if (!v->year && inst && !cut && inst->date[0])
      v->year = atoi(inst->date);
  }
  for (size_t i = 0; i < n; i++) {
    const vertex_rec *v = &g->vx.v[g->order[i]];
    cg_vertex *p = &g->pub_v[i];
    p->id = strings_get(&g->strs, v->id_off);
    p->label = opt_str(g, v->label_off);
    p->kind = v->kind;
    p->body = opt_str(g, v->body_off);
    p->date = opt_str(g, v->date_off);
    p->year = v->year;
    p->title = opt_str(g, v->title_off);
    p->url = opt_str(g, v->url_off);
    p->in_corpus = v->in_corpus;
    copy_metrics(p, v);
  }
  size_t *by_order;
  cg_status st = sort_edges(g, &by_order);
  if (st)
    return st;
  for (size_t i = 0; i < m; i++) {
    const edge_rec *e = &g->ex.v[by_order[i]];
    cg_edge *p = &g->pub_e[i];
    p->from = g->rank[e->from];
    p->to = g->rank[e->to];
    p->type = e->type == EDGE_CITES     ? "cites"
              : e->type == EDGE_PART_OF ? "part_of"
                                        : "adopted_by";
    p->weight = e->weight;
    p->preamble = e->preamble;
    p->operative = e->operative;
    p->footnote = e->footnote;
    p->text = e->text;
    p->paragraphs = e->para_off == SIZE_MAX ? "" : strings_get(&g->strs, e->para_off);
  }
  free(by_order);
  g->dirty = 0;
  return CG_OK;
}

size_t cg_graph_vertex_count(const cg_graph *g) { return g->vx.n; }
size_t cg_graph_edge_count(const cg_graph *g) { return g->ex.n; }

const cg_vertex *cg_graph_vertex(const cg_graph *g, size_t i) {
  return g->pub_v && !g->dirty && i < g->vx.n ? &g->pub_v[i] : NULL;
}

const cg_edge *cg_graph_edge(const cg_graph *g, size_t i) {
  return g->pub_e && !g->dirty && i < g->ex.n ? &g->pub_e[i] : NULL;
}

const char *cg_graph_note(const cg_graph *g) { return g->note; }

/* ------------------------------------------------------------ analysis */

/* igraph's default error handler aborts the process; ours records the
 * reason and unwinds igraph's own cleanup stack, and the igraph call then
 * returns its error code to us. */
static char igraph_reason[256];

static void record_igraph_error(const char *reason, const char *file,
                                int line, igraph_error_t err) {
  snprintf(igraph_reason, sizeof igraph_reason, "igraph: %s (%s)", reason,
           igraph_strerror(err));
  (void)file;
  (void)line;
  IGRAPH_FINALLY_FREE();
}

static void ignore_igraph_warning(const char *reason, const char *file,
                                  int line) {
  (void)reason;
  (void)file;
  (void)line;
}

/* What a citation of each vertex also counts for, as lists: a provision's
 * instrument (its part_of edge), and every instrument a resolution adopted
 * (their adopted_by edges: "A/RES/70/1" counts for the 2030 Agenda,
 * "A/RES/2200A(XXI)" for both Covenants). One hop only. Citations are the
 * distinct documents whose cites edges reach a vertex so; mentions the sum
 * of their weights. The public edges are sorted by citing vertex, so that
 * a document's citations are counted together and a mark per vertex (the
 * last document counted) keeps them distinct. Needs graph_prepare's views.
 * Time: O(|V| + |E| + the also-lists reached). */
static cg_status count_citations(cg_graph *g) {
  size_t n = g->vx.n, m = g->ex.n;
  const cg_edge *pe = g->pub_e;
  size_t *start = calloc(n + 1, sizeof *start);
  size_t *also = malloc((m ? m : 1) * sizeof *also);
  size_t *fill = malloc((n ? n : 1) * sizeof *fill);
  size_t *last = calloc(n ? n : 1, sizeof *last); /* document + 1 */
  long *cit = calloc(n ? n : 1, sizeof *cit);
  long *men = calloc(n ? n : 1, sizeof *men);
  cg_status st = CG_ERR_NOMEM;
  if (!start || !also || !fill || !last || !cit || !men)
    goto done;
  for (size_t i = 0; i < m; i++) {
    if (pe[i].type[0] == 'p')
      start[pe[i].from + 1]++;
    else if (pe[i].type[0] == 'a')
      start[pe[i].to + 1]++;
  }
  for (size_t v = 0; v < n; v++)
    start[v + 1] += start[v];
  memcpy(fill, start, n * sizeof *fill);
  for (size_t i = 0; i < m; i++) {
    if (pe[i].type[0] == 'p')
      also[fill[pe[i].from]++] = pe[i].to;
    else if (pe[i].type[0] == 'a')
      also[fill[pe[i].to]++] = pe[i].from;
  }
  for (size_t i = 0; i < m; i++) {
    const cg_edge *e = &pe[i];
    if (e->type[0] != 'c')
      continue;
    size_t doc = e->from + 1, t = e->to;
    men[t] += e->weight;
    if (last[t] != doc) {
      last[t] = doc;
      cit[t]++;
    }
    for (size_t k = start[t]; k < start[t + 1]; k++) {
      size_t a = also[k];
      men[a] += e->weight;
      if (last[a] != doc) {
        last[a] = doc;
        cit[a]++;
      }
    }
  }
  for (size_t r = 0; r < n; r++) {
    g->vx.v[g->order[r]].citations = cit[r];
    g->vx.v[g->order[r]].mentions = men[r];
  }
  st = CG_OK;
done:
  free(start);
  free(also);
  free(fill);
  free(last);
  free(cit);
  free(men);
  return st;
}

/* Copies the metrics into the public views, which graph_prepare built
 * (vertices, their order and labels are as they were). Time: O(|V|). */
static void publish_metrics(cg_graph *g) {
  for (size_t i = 0; i < g->vx.n; i++) {
    const vertex_rec *v = &g->vx.v[g->order[i]];
    copy_metrics(&g->pub_v[i], v);
  }
}

cg_status cg_graph_set_communities(cg_graph *g, cg_communities method) {
  if (!g || (method != CG_COMMUNITIES_LEIDEN && method != CG_COMMUNITIES_LOUVAIN))
    return CG_ERR_ARG;
  g->communities = method;
  return CG_OK;
}

void cg_graph_analysis_stats(const cg_graph *g, cg_analysis_stats *out) {
  if (!out)
    return;
  if (g)
    *out = g->stats;
  else
    memset(out, 0, sizeof *out);
}

static double seconds_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Seconds since *mark, and *mark moved to now. */
static double lap(double *mark) {
  double t = seconds_now(), d = t - *mark;
  *mark = t;
  return d;
}

/* Leiden with the modularity objective: node weights are the vertices'
 * strengths and the resolution 1 / (2 * total weight), so that the quality
 * Leiden maximises is modularity. A graph without weight has one community
 * per vertex. */
static igraph_error_t leiden_modularity(const igraph_t *und,
                                        const igraph_vector_t *weights,
                                        igraph_vector_int_t *memb) {
  igraph_integer_t n = igraph_vcount(und);
  igraph_real_t total = 0;
  for (igraph_integer_t i = 0; i < igraph_vector_size(weights); i++)
    total += VECTOR(*weights)[i];
  if (total <= 0) {
    IGRAPH_CHECK(igraph_vector_int_resize(memb, n));
    for (igraph_integer_t i = 0; i < n; i++)
      VECTOR(*memb)[i] = i;
    return IGRAPH_SUCCESS;
  }
  igraph_vector_t strength;
  IGRAPH_CHECK(igraph_vector_init(&strength, n));
  igraph_error_t err = igraph_strength(und, &strength, igraph_vss_all(),
                                       IGRAPH_ALL, 1, weights);
  if (!err)
    err = igraph_community_leiden(und, weights, &strength, 1.0 / (2.0 * total),
                                  0.01, 0, 2, memb, NULL, NULL);
  igraph_vector_destroy(&strength);
  return err;
}

cg_status cg_graph_analyse(cg_graph *g, cg_diag *diag) {
  if (diag)
    memset(diag, 0, sizeof *diag);
  if (!g)
    return CG_ERR_ARG;
  memset(&g->stats, 0, sizeof g->stats);
  g->stats.method = g->communities;
  double mark = seconds_now();
  cg_status st = graph_prepare(g);
  if (st)
    return st;
  if ((st = count_citations(g)))
    return st;
  g->note[0] = '\0';
  size_t n = g->vx.n, m = g->ex.n;
  if (n == 0) {
    g->analysed = 1;
    return CG_OK;
  }
  if (dynlib_use(&ig_lib)) {
    diag_set(diag, NULL, 0, 0, "%s", ig_lib.error);
    return CG_ERR_INPUT;
  }
  igraph_error_handler_t *old = igraph_set_error_handler(record_igraph_error);
  igraph_warning_handler_t *old_warn =
      igraph_set_warning_handler(ignore_igraph_warning);
  igraph_reason[0] = '\0';
  igraph_t graph, undirected;
  int have_graph = 0, have_und = 0;
  py_random random;
  igraph_rng_t rng, saved_rng = *igraph_rng_default();
  int rng_set = 0;
  py_random_rng(&random, &rng);
  igraph_vector_int_t edges, memb, csize;
  igraph_vector_t pr, hub, auth, bt, weights;
  int vec_ok = 0;
  igraph_error_t err = IGRAPH_SUCCESS;
  if ((err = igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m))))
    goto done;
  for (size_t i = 0; i < m; i++) {
    VECTOR(edges)[2 * i] = (igraph_integer_t)g->pub_e[i].from;
    VECTOR(edges)[2 * i + 1] = (igraph_integer_t)g->pub_e[i].to;
  }
  igraph_vector_int_init(&memb, 0);
  igraph_vector_int_init(&csize, 0);
  igraph_vector_init(&pr, 0);
  igraph_vector_init(&hub, 0);
  igraph_vector_init(&auth, 0);
  igraph_vector_init(&bt, 0);
  igraph_vector_init(&weights, (igraph_integer_t)m);
  vec_ok = 1;
  for (size_t i = 0; i < m; i++)
    VECTOR(weights)[i] = (igraph_real_t)g->pub_e[i].weight;
  if ((err = igraph_create(&graph, &edges, (igraph_integer_t)n, IGRAPH_DIRECTED)))
    goto done;
  have_graph = 1;
  if ((err = igraph_create(&undirected, &edges, (igraph_integer_t)n,
                           IGRAPH_UNDIRECTED)))
    goto done;
  have_und = 1;
  g->stats.prepare = lap(&mark);
  igraph_real_t value;
  if ((err = igraph_pagerank(&graph, IGRAPH_PAGERANK_ALGO_PRPACK, &pr, &value,
                             igraph_vss_all(), 1, 0.85, NULL, NULL)))
    goto done;
  g->stats.pagerank = lap(&mark);
  if (m) {
    if ((err = igraph_hub_and_authority_scores(&graph, &hub, &auth, &value, 1,
                                               NULL, NULL)))
      goto done;
  }
  g->stats.hits = lap(&mark);
  /* igraph_betweenness_cutoff's values, sooner (centrality.h). Exact
   * betweenness would take hours on large graphs: paths of length 3, or 2
   * above CG_BETWEENNESS_SHORT edges, and the note says so. */
  int cutoff = m <= CG_BETWEENNESS_EXACT ? -1
               : m > CG_BETWEENNESS_SHORT ? 2
                                          : 3;
  if ((err = igraph_vector_resize(&bt, (igraph_integer_t)n)))
    goto done;
  if (betweenness_limited(n, m, VECTOR(edges), cutoff, VECTOR(bt))) {
    err = IGRAPH_ENOMEM;
    goto done;
  }
  if (cutoff >= 0)
    snprintf(g->note, sizeof g->note,
             "betweenness limited to paths of length %d (%zu edges)", cutoff,
             m);
  g->stats.betweenness = lap(&mark);
  igraph_integer_t ncomp;
  if ((err = igraph_connected_components(&graph, &memb, &csize, &ncomp,
                                         IGRAPH_WEAK)))
    goto done;
  for (size_t i = 0; i < n; i++)
    g->vx.v[g->order[i]].component = (long)VECTOR(memb)[i];
  g->stats.components = lap(&mark);
  /* Communities of the undirected projection weighted by mentions, drawing
   * from Python's generator seeded with CG_COMMUNITY_SEED (centrality.h):
   * reproducible, and python-igraph after random.seed(CG_COMMUNITY_SEED)
   * finds the same ones. */
  py_random_seed(&random, CG_COMMUNITY_SEED);
  igraph_rng_set_default(&rng);
  rng_set = 1;
  if (g->communities == CG_COMMUNITIES_LOUVAIN)
    err = igraph_community_multilevel(&undirected, &weights, 1.0, &memb, NULL,
                                      NULL);
  else
    err = leiden_modularity(&undirected, &weights, &memb);
  if (err)
    goto done;
  long ncomm = 0;
  for (size_t i = 0; i < n; i++)
    if (VECTOR(memb)[i] + 1 > ncomm)
      ncomm = (long)VECTOR(memb)[i] + 1;
  g->stats.ncommunities = ncomm;
  if (m && (err = igraph_modularity(&undirected, &memb, &weights, 1.0, 0,
                                    &g->stats.modularity)))
    goto done;
  g->stats.communities = lap(&mark);
  for (size_t i = 0; i < n; i++) {
    vertex_rec *v = &g->vx.v[g->order[i]];
    v->community = (long)VECTOR(memb)[i];
    v->pagerank = VECTOR(pr)[i];
    v->hub = m ? VECTOR(hub)[i] : 0;
    v->authority = m ? VECTOR(auth)[i] : 0;
    v->betweenness = VECTOR(bt)[i];
  }
done:
  if (rng_set)
    igraph_rng_set_default(&saved_rng);
  if (have_und)
    igraph_destroy(&undirected);
  if (have_graph)
    igraph_destroy(&graph);
  if (vec_ok) {
    igraph_vector_int_destroy(&memb);
    igraph_vector_int_destroy(&csize);
    igraph_vector_destroy(&pr);
    igraph_vector_destroy(&hub);
    igraph_vector_destroy(&auth);
    igraph_vector_destroy(&bt);
    igraph_vector_destroy(&weights);
  }
  igraph_vector_int_destroy(&edges);
  igraph_set_error_handler(old);
  igraph_set_warning_handler(old_warn);
  if (err) {
    diag_set(diag, NULL, 0, 0, "%s",
             igraph_reason[0] ? igraph_reason : igraph_strerror(err));
    return err == IGRAPH_ENOMEM ? CG_ERR_NOMEM : CG_ERR_INPUT;
  }
  publish_metrics(g);
  g->analysed = 1;
  return CG_OK;
}

/* ------------------------------------------------------------ co-citation */

typedef struct {
  size_t a, b;
} vpair;

static int cmp_vpair(const void *x, const void *y) {
  const vpair *p = x, *q = y;
  if (p->a != q->a)
    return p->a < q->a ? -1 : 1;
  return p->b < q->b ? -1 : p->b > q->b;
}

typedef struct {
  size_t a, b;
  long count;
} vpair_count;

static int cmp_count(const void *x, const void *y) {
  const vpair_count *p = x, *q = y;
  if (p->count != q->count)
    return p->count > q->count ? -1 : 1;
  if (p->a != q->a)
    return p->a < q->a ? -1 : 1;
  return p->b < q->b ? -1 : p->b > q->b;
}

size_t cg_graph_cocitations(const cg_graph *g, size_t max, size_t *a, size_t *b,
                            long *count) {
  if (!g->pub_e || g->dirty)
    return 0;
  /* Edges are sorted by citing vertex: each run is one document's targets
   * (sorted positions), provisions counted as their instruments. */
  size_t n = g->vx.n;
  size_t *inst = malloc((n ? n : 1) * sizeof *inst);
  if (!inst)
    return 0;
  for (size_t i = 0; i < n; i++)
    inst[i] = i;
  for (size_t i = 0; i < g->ex.n; i++)
    if (g->pub_e[i].type[0] == 'p')
      inst[g->pub_e[i].from] = g->pub_e[i].to;
  VEC(vpair) pairs = {NULL, 0, 0};
  VEC(size_t) run = {NULL, 0, 0};
  int oom = 0;
  for (size_t i = 0; i <= g->ex.n && !oom; i++) {
    if (i == g->ex.n || (i > 0 && g->pub_e[i].from != g->pub_e[i - 1].from)) {
      for (size_t x = 0; x < run.n && !oom; x++)
        for (size_t y = 0; y < run.n && !oom; y++)
          if (run.v[x] < run.v[y])
            oom = VEC_PUSH(pairs, ((vpair){run.v[x], run.v[y]}));
      run.n = 0;
      if (i == g->ex.n)
        break;
    }
    if (g->pub_e[i].type[0] != 'c')
      continue;
    size_t t = inst[g->pub_e[i].to];
    int seen = 0;
    for (size_t k = 0; k < run.n; k++)
      seen |= run.v[k] == t;
    if (!seen)
      oom = VEC_PUSH(run, t);
  }
  free(run.v);
  free(inst);
  if (oom) {
    free(pairs.v);
    return 0;
  }
  if (pairs.n > 1)
    qsort(pairs.v, pairs.n, sizeof *pairs.v, cmp_vpair);
  vpair_count *counts = malloc((pairs.n + 1) * sizeof *counts);
  size_t nc = 0;
  if (counts) {
    for (size_t i = 0; i < pairs.n; i++) {
      if (nc && counts[nc - 1].a == pairs.v[i].a && counts[nc - 1].b == pairs.v[i].b)
        counts[nc - 1].count++;
      else
        counts[nc++] = (vpair_count){pairs.v[i].a, pairs.v[i].b, 1};
    }
    qsort(counts, nc, sizeof *counts, cmp_count);
  }
  size_t k = 0;
  for (; counts && k < nc && k < max; k++) {
    a[k] = counts[k].a;
    b[k] = counts[k].b;
    count[k] = counts[k].count;
  }
  free(counts);
  free(pairs.v);
  return k;
}
