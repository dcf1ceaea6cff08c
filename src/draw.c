/* draw.c — pictures of the citation graph, laid out by Graphviz.
 *
 * What is drawn (picture_make): the kept vertices and the edges among
 * them, with, for each kept vertex, the citing documents the cut left out.
 * How (write_picture_dot): area by citing documents, fill by body, kind or
 * community, borders and shapes by kind, edge width by mentions.
 *
 * Graphviz runs twice (draw_render). The first run lays the drawing out
 * with dot, neato or sfdp, in a worker thread so that the caller hears
 * about progress; its result, written back as DOT with every position,
 * gets the title and the legend pinned beside the drawing, and the second
 * run ("nop2": positions as given) renders the whole. */
#include "draw.h"

#include <gvc.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dynlib.h"
#include "export.h"

/* Graphviz's functions, from the library opened when the first picture is
 * drawn (dynlib.h): a run that writes no picture never maps it. */
#define GV_FNS(X)                                                              \
  X(agclose)                                                                   \
  X(agfstnode)                                                                 \
  X(agmemread)                                                                 \
  X(agsafeset)                                                                 \
  X(agseterr)                                                                  \
  X(agseterrf)                                                                 \
  X(gvContext)                                                                 \
  X(gvFreeContext)                                                             \
  X(gvFreeLayout)                                                              \
  X(gvLayout)                                                                  \
  X(gvRenderData)                                                              \
  X(gvFreeRenderData)
typedef struct {
  GV_FNS(DYNLIB_FIELD)
} gv_table;
static gv_table gv;
#define GV_ENTRY(f) DYNLIB_FN(gv_table, f),
static const dynlib_entry gv_fns[] = {GV_FNS(GV_ENTRY)};
static const char *const gv_names[] = {"libgvc.so.6", "libgvc.so", NULL};
static dynlib_lib gv_lib = {
    .names = gv_names, .fns = gv_fns, .nfns = sizeof gv_fns / sizeof *gv_fns,
    .table = &gv, .label = "Graphviz",
    .need = "drawing needs the Graphviz library (Debian: libgvc6)"};

/* Below, Graphviz's names call through the table. */
#define agclose gv.agclose
#define agfstnode gv.agfstnode
#define agmemread gv.agmemread
#define agsafeset gv.agsafeset
#define agseterr gv.agseterr
#define agseterrf gv.agseterrf
#define gvContext gv.gvContext
#define gvFreeContext gv.gvFreeContext
#define gvFreeLayout gv.gvFreeLayout
#define gvLayout gv.gvLayout
#define gvRenderData gv.gvRenderData
#define gvFreeRenderData gv.gvFreeRenderData

/* ------------------------------------------------------------ what */

typedef struct {
  size_t citer, target;
} cpair;

static int cmp_cpair(const void *a, const void *b) {
  const cpair *x = a, *y = b;
  if (x->target != y->target)
    return x->target < y->target ? -1 : 1;
  return x->citer < y->citer ? -1 : x->citer > y->citer;
}

/* left_out[v] = citations of v - citing documents of v that are drawn,
 * counted as cg_graph_analyse counts (a provision's citer cites its
 * instrument). */
static int count_left_out(picture *p) {
  const cg_graph *g = p->g;
  size_t n = g->vx.n, m = g->ex.n;
  size_t *inst = malloc((n ? n : 1) * sizeof *inst);
  cpair *pairs = malloc((2 * m + 1) * sizeof *pairs);
  if (!inst || !pairs) {
    free(inst);
    free(pairs);
    return -1;
  }
  for (size_t i = 0; i < n; i++)
    inst[i] = SIZE_MAX;
  /* As cg_graph_analyse counts: a provision for its instrument, the
   * resolution that adopted an instrument for the instrument. */
  for (size_t i = 0; i < m; i++) {
    if (g->pub_e[i].type[0] == 'p')
      inst[g->pub_e[i].from] = g->pub_e[i].to;
    else if (g->pub_e[i].type[0] == 'a')
      inst[g->pub_e[i].to] = g->pub_e[i].from;
  }
  size_t np = 0;
  for (size_t i = 0; i < m; i++) {
    const cg_edge *e = &g->pub_e[i];
    if (e->type[0] != 'c' || !p->keep[e->from])
      continue;
    pairs[np++] = (cpair){e->from, e->to};
    if (inst[e->to] != SIZE_MAX)
      pairs[np++] = (cpair){e->from, inst[e->to]};
  }
  qsort(pairs, np, sizeof *pairs, cmp_cpair);
  for (size_t i = 0; i < n; i++)
    p->left_out[i] = g->pub_v[i].citations;
  for (size_t i = 0; i < np; i++)
    if (i == 0 || pairs[i].target != pairs[i - 1].target ||
        pairs[i].citer != pairs[i - 1].citer)
      p->left_out[pairs[i].target]--;
  for (size_t i = 0; i < n; i++) {
    if (p->left_out[i] < 0)
      p->left_out[i] = 0;
    if (p->keep[i] && p->left_out[i])
      p->cut = 1;
  }
  free(inst);
  free(pairs);
  return 0;
}

/* Light fills that black text reads on, distinct for most colour
 * vision (after ColorBrewer's Set3). */
static const char *const palette[] = {"#80b1d3", "#b3de69", "#fdb462",
                                      "#bebada", "#fb8072", "#8dd3c7",
                                      "#fccde5", "#d9c89e"};
#define NPALETTE (sizeof palette / sizeof *palette)
#define FILL_INSTRUMENT "#ffe680"
#define FILL_OTHER "#e0e0e0"

static int is_instrument(const cg_vertex *v) {
  return !strcmp(v->kind, "treaty") || !strcmp(v->kind, "provision");
}

static const char *kind_legend(const char *kind) {
  static const struct {
    const char *kind, *legend;
  } names[] = {{"resolution", "resolution"},
               {"decision", "decision"},
               {"treaty", "treaty or other instrument"},
               {"provision", "provision (article, chapter)"},
               {"symbol", "other UN document"},
               {"document", "document without a symbol"}};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (!strcmp(names[i].kind, kind))
      return names[i].legend;
  return kind;
}

static const char *body_name(const cg_graph *g, const char *body) {
  for (size_t i = 0; i < g->cat->bodies.n; i++)
    if (!strcmp(g->cat->bodies.v[i].id, body))
      return g->cat->bodies.v[i].name[0] ? g->cat->bodies.v[i].name : body;
  return body;
}

/* The body whose symbol prefix begins a document symbol ("A/80/534" is
 * the General Assembly's), the longest prefix winning; or NULL. */
static const char *symbol_body(const cg_graph *g, const char *id) {
  const char *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; i < g->cat->bodies.n; i++) {
    const body_def *b = &g->cat->bodies.v[i];
    size_t pl = strlen(b->prefix);
    if (pl > best_len && !strncmp(id, b->prefix, pl) && id[pl] == '/') {
      best = b->id;
      best_len = pl;
    }
  }
  return best;
}

typedef struct {
  char key[120];
  size_t count;
  long community;
} color_key;

static int cmp_key(const void *a, const void *b) {
  const color_key *x = a, *y = b;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp(x->key, y->key);
}

/* The colour key of a vertex: a body, a kind or a community. */
static void key_of(const picture *p, const cg_vertex *v, char *out,
                   size_t cap) {
  switch (p->color_by) {
  case CG_COLOR_KIND:
    snprintf(out, cap, "%s", kind_legend(v->kind));
    break;
  case CG_COLOR_COMMUNITY:
    snprintf(out, cap, "community %ld", v->community); /* as exported */
    break;
  default:
    if (is_instrument(v))
      snprintf(out, cap, "treaties and other instruments");
    else if (v->body[0] && strcmp(v->body, "unknown"))
      snprintf(out, cap, "%s", body_name(p->g, v->body));
    else if (symbol_body(p->g, v->id))
      snprintf(out, cap, "%s", body_name(p->g, symbol_body(p->g, v->id)));
    else
      snprintf(out, cap, "other documents");
  }
}

static int assign_colors(picture *p) {
  const cg_graph *g = p->g;
  size_t n = g->vx.n;
  color_key *keys = calloc(n ? n : 1, sizeof *keys);
  if (!keys)
    return -1;
  size_t nk = 0;
  char k[120];
  for (size_t i = 0; i < n; i++) {
    if (!p->keep[i])
      continue;
    key_of(p, &g->pub_v[i], k, sizeof k);
    size_t j = 0;
    while (j < nk && strcmp(keys[j].key, k))
      j++;
    if (j == nk)
      snprintf(keys[nk++].key, sizeof keys[0].key, "%s", k);
    keys[j].count++;
  }
  /* The two fixed keys keep their fixed colours: out of the ranking. */
  for (size_t j = 0; j < nk; j++)
    if (p->color_by == CG_COLOR_BODY &&
        (!strcmp(keys[j].key, "treaties and other instruments") ||
         !strcmp(keys[j].key, "other documents")))
      keys[j].count = 0;
  qsort(keys, nk, sizeof *keys, cmp_key);
  p->nkeys = 0;
  for (size_t j = 0; j < nk && p->nkeys < NPALETTE; j++)
    if (keys[j].count)
      snprintf(p->keys[p->nkeys++], sizeof p->keys[0], "%s", keys[j].key);
  for (size_t i = 0; i < n; i++) {
    p->color[i] = -1;
    if (!p->keep[i])
      continue;
    key_of(p, &g->pub_v[i], k, sizeof k);
    for (size_t j = 0; j < p->nkeys; j++)
      if (!strcmp(p->keys[j], k))
        p->color[i] = (int)j;
  }
  free(keys);
  return 0;
}

static const char *fill_of(const picture *p, size_t i) {
  const cg_vertex *v = &p->g->pub_v[i];
  if (p->color[i] >= 0)
    return palette[p->color[i]];
  if (p->color_by == CG_COLOR_BODY && is_instrument(v))
    return FILL_INSTRUMENT;
  return FILL_OTHER;
}

typedef struct {
  const char *body;
  size_t count;
} body_count;

/* "Security Council resolutions 1946–1994: 40 most cited": the bodies
 * that issued at least a tenth of the documents, the kind nine in ten of
 * them have, their years. */
static void make_title(picture *p, const cg_filter *f) {
  const cg_graph *g = p->g;
  size_t ndocs = 0, nres = 0, ndec = 0, one = SIZE_MAX;
  int y0 = 0, y1 = 0;
  body_count bodies[16];
  size_t nbodies = 0;
  for (size_t i = 0; i < g->vx.n; i++) {
    const cg_vertex *v = &g->pub_v[i];
    if (!v->in_corpus)
      continue;
    if (f && ((f->body && f->body[0] && strcmp(v->body, f->body)) ||
              (f->kind && f->kind[0] && strcmp(v->kind, f->kind)) ||
              (f->year_from && (!v->year || v->year < f->year_from)) ||
              (f->year_to && (!v->year || v->year > f->year_to))))
      continue;
    ndocs++;
    one = i;
    nres += !strcmp(v->kind, "resolution");
    ndec += !strcmp(v->kind, "decision");
    if (v->year && (!y0 || v->year < y0))
      y0 = v->year;
    if (v->year > y1)
      y1 = v->year;
    if (!v->body[0] || !strcmp(v->body, "unknown"))
      continue;
    size_t b = 0;
    while (b < nbodies && strcmp(bodies[b].body, v->body))
      b++;
    if (b == nbodies && nbodies < 16)
      bodies[nbodies++] = (body_count){v->body, 0};
    if (b < nbodies)
      bodies[b].count++;
  }
  const char *named[2] = {NULL, NULL};
  size_t nnamed = 0, covered = 0;
  for (size_t b = 0; b < nbodies; b++)
    if (bodies[b].count * 10 >= ndocs) {
      if (nnamed < 2)
        named[nnamed] = bodies[b].body;
      nnamed++;
      covered += bodies[b].count;
    }
  if (nnamed > 2 || covered * 10 < ndocs * 9)
    nnamed = 0;
  char subject[300], years[32] = "";
  if (y0 && y1 > y0)
    snprintf(years, sizeof years, " %d\xE2\x80\x93%d", y0, y1);
  else if (y0)
    snprintf(years, sizeof years, " %d", y0);
  if (ndocs == 1) {
    const cg_vertex *v = &g->pub_v[one];
    char yr[16] = "";
    if (v->year && !strchr(v->label, '('))
      snprintf(yr, sizeof yr, " (%d)", v->year);
    snprintf(subject, sizeof subject, "%s%s", v->label, yr);
  } else {
    const char *what = nres * 10 >= ndocs * 9   ? "resolutions"
                       : ndec * 10 >= ndocs * 9 ? "decisions"
                       : (nres + ndec) * 10 >= ndocs * 9
                           ? "resolutions and decisions"
                           : "documents";
    if (nnamed == 1)
      snprintf(subject, sizeof subject, "%s %s%s", body_name(g, named[0]),
               what, years);
    else if (nnamed == 2)
      snprintf(subject, sizeof subject, "%s and %s %s%s",
               body_name(g, named[0]), body_name(g, named[1]), what, years);
    else
      snprintf(subject, sizeof subject, "%c%s%s", what[0] - 'a' + 'A',
               what + 1, years);
  }
  if (f && f->top && f->citers && p->nv > f->top)
    snprintf(p->title, sizeof p->title,
             "%s: the %zu most cited and the documents citing most of them",
             subject, f->top);
  else if (f && f->top && p->nv >= f->top)
    snprintf(p->title, sizeof p->title, "%s: %zu most cited", subject, p->nv);
  else if (f && f->top)
    snprintf(p->title, sizeof p->title, "%s: all %zu cited", subject, p->nv);
  else
    snprintf(p->title, sizeof p->title, "%s: what %s cite%s", subject,
             ndocs == 1 ? "it" : "they", ndocs == 1 ? "s" : "");
  static const char *const layouts[] = {"", "layered (Graphviz dot)",
                                        "force-directed", "by year"};
  char lay[64];
  if (p->layout == CG_LAYOUT_FORCE)
    snprintf(lay, sizeof lay, "force-directed (Graphviz %s)", p->engine);
  else
    snprintf(lay, sizeof lay, "%s", layouts[p->layout]);
  snprintf(p->subtitle, sizeof p->subtitle,
           "%zu document%s; drawn: %zu of %zu vertices, %zu of %zu edges; "
           "layout: %s",
           ndocs, ndocs == 1 ? "" : "s", p->nv, g->vx.n, p->ne, g->ex.n, lay);
}

void picture_free(picture *p) {
  free(p->keep);
  free(p->left_out);
  free(p->color);
  memset(p, 0, sizeof *p);
}

cg_status picture_make(picture *p, const cg_graph *g, const cg_filter *f,
                       const cg_draw_options *o, cg_diag *diag) {
  memset(p, 0, sizeof *p);
  p->g = g;
  size_t n = g->vx.n;
  p->keep = export_select(g, f);
  p->left_out = calloc(n ? n : 1, sizeof *p->left_out);
  p->color = calloc(n ? n : 1, sizeof *p->color);
  if (!p->keep || !p->left_out || !p->color || count_left_out(p))
    return CG_ERR_NOMEM;
  size_t nbodies = 0;
  char first_body[32] = "";
  for (size_t i = 0; i < n; i++) {
    if (!p->keep[i])
      continue;
    const cg_vertex *v = &g->pub_v[i];
    p->nv++;
    if (v->citations > p->cmax)
      p->cmax = v->citations;
    if ((!strcmp(v->kind, "resolution") || !strcmp(v->kind, "decision")) &&
        strcmp(first_body, v->body)) {
      if (!first_body[0] || nbodies < 2)
        nbodies++;
      snprintf(first_body, sizeof first_body, "%s", v->body);
    }
  }
  for (size_t i = 0; i < g->ex.n; i++) {
    const cg_edge *e = &g->pub_e[i];
    if (p->keep[e->from] && p->keep[e->to]) {
      p->ne++;
      if (e->weight > p->wmax)
        p->wmax = e->weight;
    }
  }
  cg_layout lay = o ? o->layout : CG_LAYOUT_AUTO;
  /* Layered shows who cites what in columns, clearly for a few citing
   * documents; with more, their edges cross the columns and the force
   * layout is the more compact and readable. */
  size_t citing = 0;
  for (size_t i = 0; i < g->ex.n; i++)
    if (p->keep[g->pub_e[i].from] && p->keep[g->pub_e[i].to] &&
        g->pub_e[i].type[0] == 'c' &&
        (i == 0 || g->pub_e[i - 1].from != g->pub_e[i].from))
      citing++;
  if (lay == CG_LAYOUT_AUTO)
    lay = p->nv <= CG_DRAW_SMALL && citing <= CG_DRAW_FEW_CITING
              ? CG_LAYOUT_LAYERED
              : CG_LAYOUT_FORCE;
  p->layout = lay;
  p->engine = lay == CG_LAYOUT_FORCE ? (p->nv > CG_DRAW_SFDP ? "sfdp" : "neato")
                                     : "dot";
  if (lay != CG_LAYOUT_FORCE && p->nv > CG_DRAW_MAX_LAYERED) {
    diag_set(diag, NULL, 0, 0,
             "%zu vertices are too many for the %s layout (at most %d): use "
             "--top N or --layout force",
             p->nv, lay == CG_LAYOUT_TIME ? "time" : "layered",
             CG_DRAW_MAX_LAYERED);
    return CG_ERR_ARG;
  }
  if (p->nv > CG_DRAW_MAX_FORCE) {
    diag_set(diag, NULL, 0, 0,
             "%zu vertices are too many to draw (at most %d): use --top N",
             p->nv, CG_DRAW_MAX_FORCE);
    return CG_ERR_ARG;
  }
  cg_color c = o ? o->color : CG_COLOR_AUTO;
  /* Two bodies' resolutions are told apart by colour, else kinds are. */
  p->color_by = c != CG_COLOR_AUTO ? c : nbodies >= 2 ? CG_COLOR_BODY
                                                      : CG_COLOR_KIND;
  if (assign_colors(p))
    return CG_ERR_NOMEM;
  make_title(p, f);
  if (o && o->title && o->title[0])
    snprintf(p->title, sizeof p->title, "%s", o->title);
  return CG_OK;
}

/* ------------------------------------------------------------ how */

/* sqrt(citations / the largest): 0 .. 1; area is its square. */
static double size_of(const picture *p, long c) {
  /* Against at least 8, so that a handful of citations stays small. */
  double top = p->cmax > 8 ? (double)p->cmax : 8.0;
  return c > 0 ? sqrt((double)c / top) : 0.0;
}

static double font_of(double r) { return 10.0 + 10.0 * r; }
static double height_of(double r) { return 0.30 + 0.85 * r; }

static double edge_width(long w) {
  double x = 0.6 + 1.1 * log2((double)(w > 0 ? w : 1));
  return x > 6.0 ? 6.0 : x;
}

/* A label on at most three lines of about 22 characters, broken after
 * spaces; HTML-escaped. */
static void put_wrapped(FILE *f, const char *s) {
  size_t len = strlen(s), col = 0, lines = 1;
  for (size_t i = 0; i < len;) {
    size_t j = i;
    while (j < len && s[j] != ' ')
      j++;
    size_t w = j - i;
    if (col && col + 1 + w > 22 && lines < 3) {
      fputs("<BR/>", f);
      col = 0;
      lines++;
    } else if (col) {
      putc(' ', f);
      col++;
    }
    char word[256];
    size_t k = w < sizeof word - 1 ? w : sizeof word - 1;
    memcpy(word, s + i, k);
    word[k] = '\0';
    export_put_text(f, word, export_esc_xml);
    col += w;
    i = j < len ? j + 1 : j;
  }
}

static void put_html(FILE *f, const char *s) {
  export_put_text(f, s, export_esc_xml);
}

static const char *shape_of(const cg_vertex *v) {
  return is_instrument(v) ? "ellipse" : "box";
}

static const char *style_of(const cg_vertex *v) {
  if (!strcmp(v->kind, "provision"))
    return "filled,dashed";
  if (!strcmp(v->kind, "symbol"))
    return "filled";
  return is_instrument(v) ? "filled" : "filled,rounded";
}

/* The legend: one HTML table, every encoding with a sample. `s` scales
 * it with the drawing. */
static void put_legend(FILE *f, const picture *p, double s) {
  const cg_graph *g = p->g;
  double fs = 11 * s;
  fprintf(f,
          "<<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" "
          "CELLSPACING=\"%.0f\" CELLPADDING=\"%.0f\" BGCOLOR=\"white\">"
          "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%.1f\">"
          "<B>Legend</B></FONT></TD></TR>",
          3 * s, 2 * s, fs * 1.2);
#define ROW_TEXT(txt)                                                          \
  fprintf(f, "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%.1f\">", fs);            \
  put_html(f, txt);                                                            \
  fputs("</FONT></TD></TR>", f)
  /* Sizes: three samples; none when nothing drawn is cited (an empty row
   * is a syntax error to Graphviz). */
  long samples[3] = {1, (long)floor(sqrt((double)(p->cmax > 1 ? p->cmax : 1)) + 0.5),
                     p->cmax};
  if (p->cmax >= 1)
    fprintf(f, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%.1f\">"
               "<I>area: documents citing it</I></FONT></TD></TR>"
               "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><TABLE BORDER=\"0\" "
               "CELLSPACING=\"%.0f\"><TR>",
            fs, 4 * s);
  for (int k = 0; k < 3; k++) {
    if (p->cmax < 1 || (k && samples[k] <= samples[k - 1]))
      continue;
    double h = height_of(size_of(p, samples[k])) * 72 * 0.6 * s;
    /* Fixed sizes (cells of a row would otherwise take one height), never
     * smaller than the number they hold with the padding and border. */
    double hmin = fs + 4 * 3 * s;
    if (h < hmin)
      h = hmin;
    fprintf(f,
            "<TD BORDER=\"1\" STYLE=\"rounded\" WIDTH=\"%.0f\" HEIGHT=\"%.0f\" "
            "FIXEDSIZE=\"TRUE\"><FONT POINT-SIZE=\"%.1f\">%ld</FONT></TD>",
            h * 1.4, h, fs, samples[k]);
  }
  if (p->cmax >= 1)
    fputs("</TR></TABLE></TD></TR>", f);
  /* Colours. */
  const char *what = p->color_by == CG_COLOR_KIND        ? "colour: kind"
                     : p->color_by == CG_COLOR_COMMUNITY ? "colour: community (Louvain)"
                                                         : "colour: issuing body";
  fprintf(f, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%.1f\">"
             "<I>%s</I></FONT></TD></TR>",
          fs, what);
  double sw = 14 * s;
  for (size_t k = 0; k < p->nkeys; k++) {
    fprintf(f, "<TR><TD BORDER=\"1\" BGCOLOR=\"%s\" WIDTH=\"%.0f\" "
               "HEIGHT=\"%.0f\" FIXEDSIZE=\"TRUE\"></TD>",
            palette[k], sw * 1.4, sw);
    ROW_TEXT(p->keys[k]);
  }
  int inst = 0, other = 0;
  for (size_t i = 0; i < g->vx.n; i++)
    if (p->keep[i] && p->color[i] < 0) {
      if (p->color_by == CG_COLOR_BODY && is_instrument(&g->pub_v[i]))
        inst = 1;
      else
        other = 1;
    }
  if (inst) {
    fprintf(f, "<TR><TD BORDER=\"1\" BGCOLOR=\"%s\" WIDTH=\"%.0f\" "
               "HEIGHT=\"%.0f\" FIXEDSIZE=\"TRUE\"></TD>",
            FILL_INSTRUMENT, sw * 1.4, sw);
    ROW_TEXT("treaties and other instruments");
  }
  if (other) {
    fprintf(f, "<TR><TD BORDER=\"1\" BGCOLOR=\"%s\" WIDTH=\"%.0f\" "
               "HEIGHT=\"%.0f\" FIXEDSIZE=\"TRUE\"></TD>",
            FILL_OTHER, sw * 1.4, sw);
    ROW_TEXT(p->color_by == CG_COLOR_BODY ? "other documents" : "others");
  }
  /* Shapes and borders. */
  fprintf(f, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%.1f\">"
             "<I>shape and border</I></FONT></TD></TR>",
          fs);
  int has[6] = {0};
  static const char *const kinds[] = {"resolution", "decision", "symbol",
                                      "document", "treaty", "provision"};
  int corpus = 0;
  for (size_t i = 0; i < g->vx.n; i++)
    if (p->keep[i]) {
      for (int k = 0; k < 6; k++)
        has[k] |= !strcmp(g->pub_v[i].kind, kinds[k]);
      corpus |= g->pub_v[i].in_corpus;
    }
  if (has[0] || has[1] || has[3]) {
    fprintf(f, "<TR><TD BORDER=\"1\" STYLE=\"rounded\" WIDTH=\"%.0f\" "
               "HEIGHT=\"%.0f\" FIXEDSIZE=\"TRUE\"></TD>",
            sw * 1.4, sw);
    ROW_TEXT(has[1] ? "resolution or decision" : "resolution");
  }
  if (has[2]) {
    fprintf(f, "<TR><TD BORDER=\"1\" WIDTH=\"%.0f\" HEIGHT=\"%.0f\" "
               "FIXEDSIZE=\"TRUE\"></TD>",
            sw * 1.4, sw);
    ROW_TEXT("other UN document (report, letter, ...)");
  }
  if (has[4] || has[5]) {
    fprintf(f, "<TR><TD BORDER=\"1\" STYLE=\"rounded\" WIDTH=\"%.0f\" "
               "HEIGHT=\"%.0f\" FIXEDSIZE=\"TRUE\"></TD>",
            sw * 1.4, sw * 0.8);
    ROW_TEXT("oval: treaty or other instrument");
  }
  if (has[5]) {
    fprintf(f, "<TR><TD BORDER=\"1\" STYLE=\"dashed\" WIDTH=\"%.0f\" "
               "HEIGHT=\"%.0f\" FIXEDSIZE=\"TRUE\"></TD>",
            sw * 1.4, sw);
    ROW_TEXT("dashed border: a provision (article, chapter, paragraph)");
  }
  if (corpus) {
    fprintf(f, "<TR><TD BORDER=\"%.0f\" STYLE=\"rounded\" WIDTH=\"%.0f\" "
               "HEIGHT=\"%.0f\" FIXEDSIZE=\"TRUE\"></TD>",
            3 * s, sw * 1.4, sw);
    ROW_TEXT("thick border: a document of the corpus");
    fprintf(f, "<TR><TD BORDER=\"1\" STYLE=\"rounded\" WIDTH=\"%.0f\" "
               "HEIGHT=\"%.0f\" FIXEDSIZE=\"TRUE\"></TD>",
            sw * 1.4, sw);
    ROW_TEXT("thin border: cited only");
  }
  /* Edges. */
  int part = 0, adopted = 0;
  for (size_t i = 0; i < g->ex.n; i++) {
    int both = p->keep[g->pub_e[i].from] && p->keep[g->pub_e[i].to];
    part |= both && g->pub_e[i].type[0] == 'p';
    adopted |= both && g->pub_e[i].type[0] == 'a';
  }
  if (p->ne) {
    fprintf(f, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%.1f\">"
               "<I>arrow: cites; width: mentions</I></FONT></TD></TR>",
            fs);
    long ws[3] = {1, p->wmax > 8 ? (long)floor(sqrt((double)p->wmax) + 0.5) : 0,
                  p->wmax};
    for (int k = 0; k < 3; k++) {
      if (ws[k] < 1 || (k && ws[k] <= ws[k - 1]) || (k == 2 && ws[2] <= 1 && ws[1] < 1 && k))
        continue;
      char txt[64];
      snprintf(txt, sizeof txt, "%ld mention%s", ws[k], ws[k] == 1 ? "" : "s");
      fprintf(f, "<TR><TD><TABLE BORDER=\"0\" CELLPADDING=\"0\" "
                 "CELLSPACING=\"0\"><TR><TD BGCOLOR=\"#555555\" WIDTH=\"%.0f\" "
                 "HEIGHT=\"%.0f\" FIXEDSIZE=\"TRUE\"></TD></TR></TABLE></TD>",
              sw * 1.6, edge_width(ws[k]) * s < 1 ? 1 : edge_width(ws[k]) * s);
      ROW_TEXT(txt);
    }
    if (part) {
      fprintf(f, "<TR><TD SIDES=\"B\" BORDER=\"%.0f\" STYLE=\"dashed\" "
                 "WIDTH=\"%.0f\" HEIGHT=\"%.0f\" FIXEDSIZE=\"TRUE\"></TD>",
              s < 1.5 ? 1 : s, sw * 1.6, sw * 0.75);
      ROW_TEXT("dashed: provision is part of instrument");
    }
    if (adopted) {
      fprintf(f, "<TR><TD SIDES=\"B\" BORDER=\"%.0f\" STYLE=\"dotted\" "
                 "WIDTH=\"%.0f\" HEIGHT=\"%.0f\" FIXEDSIZE=\"TRUE\"></TD>",
              s < 1.5 ? 1.5 : s * 1.5, sw * 1.6, sw * 0.75);
      ROW_TEXT("dotted: instrument adopted by resolution");
    }
  }
  if (p->cut) {
    fprintf(f, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%.1f\">"
               "\"51 citing, 38 not drawn\": of the 51 documents citing it,"
               "<BR ALIGN=\"LEFT\"/>38 are not in the picture<BR ALIGN=\"LEFT\"/></FONT></TD></TR>",
            fs);
  }
#undef ROW_TEXT
  fputs("</TABLE>>", f);
}

/* The vertices and edges as DOT, with the attributes of `engine`. */
static void write_picture_dot(FILE *f, const picture *p, const char *engine,
                              int for_report, int legend_cluster) {
  const cg_graph *g = p->g;
  fputs("digraph citegraph {\n", f);
  fputs("  graph [fontname=\"Helvetica\", outputorder=edgesfirst, pad=0.2", f);
  if (!strcmp(engine, "dot")) {
    fputs(", rankdir=LR, nodesep=0.12, ranksep=0.45, newrank=true", f);
  } else {
    fputs(", overlap=prism, overlap_scaling=0, splines=false, pack=true, "
          "sep=\"+4\", esep=\"+2\"",
          f);
    if (!strcmp(engine, "neato"))
      fputs(", mode=major, epsilon=0.001, maxiter=400", f);
    else
      fputs(", K=0.6, repulsiveforce=1.2", f);
  }
  if (legend_cluster) {
    fputs(", labelloc=t, labeljust=l, label=<<FONT POINT-SIZE=\"18\"><B>", f);
    put_html(f, p->title);
    fputs("</B></FONT><BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"11\">", f);
    put_html(f, p->subtitle);
    fputs("</FONT><BR ALIGN=\"LEFT\"/>>", f);
  }
  fputs("];\n"
        "  node [fontname=\"Helvetica\", color=\"#555555\", penwidth=0.8, "
        "margin=\"0.06,0.03\"];\n"
        "  edge [color=\"#44444488\", arrowsize=0.5];\n",
        f);
  if (legend_cluster) {
    fputs("  subgraph cluster_legend {\n    style=invis;\n"
          "    \"legend:\" [shape=plaintext, label=",
          f);
    put_legend(f, p, 1.0);
    fputs("];\n  }\n", f);
  }
  /* The time layout: a year axis of plaintext nodes, one column per year
   * that has vertices (years without any take no room), in order; undated
   * vertices in a column before the first year. */
  if (p->layout == CG_LAYOUT_TIME) {
    unsigned char has[400] = {0}; /* years 1800 .. 2199 */
    int undated = 0, any = 0;
    for (size_t i = 0; i < g->vx.n; i++) {
      if (!p->keep[i])
        continue;
      int y = g->pub_v[i].year;
      if (y >= 1800 && y < 2200)
        has[y - 1800] = any = 1;
      else
        undated = 1;
    }
    if (undated)
      fputs("  \"year:none\" [shape=plaintext, fontsize=18, label=\"undated\"];\n", f);
    for (int y = 0; y < 400; y++)
      if (has[y])
        fprintf(f, "  \"year:%d\" [shape=plaintext, fontsize=18, label=\"%d\"];\n",
                y + 1800, y + 1800);
    if (any || undated) {
      fputs("  ", f);
      int first = 1;
      if (undated) {
        fputs("\"year:none\"", f);
        first = 0;
      }
      for (int y = 0; y < 400; y++)
        if (has[y]) {
          fprintf(f, "%s\"year:%d\"", first ? "" : " -> ", y + 1800);
          first = 0;
        }
      fputs(any && undated ? " [style=invis, weight=100];\n"
            : " [style=invis];\n", f);
    }
  }
  for (size_t i = 0; i < g->vx.n; i++) {
    if (!p->keep[i])
      continue;
    const cg_vertex *v = &g->pub_v[i];
    double r = size_of(p, v->citations);
    double fs = font_of(r), h = height_of(r);
    if (v->in_corpus && fs < 12) /* a citing document stays legible */
      fs = 12;
    fputs("  ", f);
    export_put_dot(f, v->id);
    fputs(" [label=<", f);
    put_wrapped(f, v->label);
    if (p->left_out[i])
      fprintf(f, "<BR/><FONT POINT-SIZE=\"%.1f\">%ld citing, %ld not drawn</FONT>",
              fs * 0.8 > 9 ? fs * 0.8 : 9, v->citations, p->left_out[i]);
    fprintf(f, ">, shape=%s, style=\"%s\", fillcolor=\"%s\", fontsize=%.1f, "
               "height=%.2f, width=%.2f",
            shape_of(v), style_of(v), fill_of(p, i), fs, h, h * 1.3);
    if (v->in_corpus)
      fputs(", penwidth=2.4, color=\"#222222\"", f);
    fprintf(f, ", id=\"v%zu\"", i);
    if (!for_report) {
      if (v->url[0]) {
        fputs(", URL=", f);
        export_put_dot(f, v->url);
        fputs(", target=\"_top\"", f);
      }
      char tip[900];
      snprintf(tip, sizeof tip, "%s%s%s: cited by %ld document%s, %ld mention%s",
               v->title[0] ? v->title : v->label, v->title[0] ? " — " : "",
               v->id, v->citations, v->citations == 1 ? "" : "s", v->mentions,
               v->mentions == 1 ? "" : "s");
      fputs(", tooltip=", f);
      export_put_dot(f, tip);
    }
    fputs("];\n", f);
    if (p->layout == CG_LAYOUT_TIME) {
      fputs("  {rank=same; ", f);
      if (v->year >= 1800 && v->year < 2200)
        fprintf(f, "\"year:%d\"; ", v->year);
      else
        fputs("\"year:none\"; ", f);
      export_put_dot(f, v->id);
      fputs("}\n", f);
    }
  }
  /* A document citing many vertices that nothing else touches would make
   * one tall column: its leaves are spread over a few columns instead
   * (as Graphviz's unflatten does), the k-th of them `minlen` ranks away. */
  size_t *deg = NULL, *leaves = NULL;
  if (!strcmp(engine, "dot") && p->layout != CG_LAYOUT_TIME) {
    deg = calloc(g->vx.n ? g->vx.n : 1, sizeof *deg);
    leaves = calloc(g->vx.n ? g->vx.n : 1, sizeof *leaves);
  }
  if (deg && leaves) {
    for (size_t i = 0; i < g->ex.n; i++) {
      const cg_edge *e = &g->pub_e[i];
      if (p->keep[e->from] && p->keep[e->to]) {
        deg[e->from]++;
        deg[e->to]++;
      }
    }
    for (size_t i = 0; i < g->ex.n; i++) {
      const cg_edge *e = &g->pub_e[i];
      if (p->keep[e->from] && p->keep[e->to] && deg[e->to] == 1)
        leaves[e->from]++;
    }
  }
  size_t run_from = SIZE_MAX, run_k = 0;
  for (size_t i = 0; i < g->ex.n; i++) {
    const cg_edge *e = &g->pub_e[i];
    if (!p->keep[e->from] || !p->keep[e->to])
      continue;
    int minlen = 1;
    if (deg && leaves && deg[e->to] == 1 && leaves[e->from] > 12) {
      if (run_from != e->from) {
        run_from = e->from;
        run_k = 0;
      }
      size_t cols = (size_t)ceil(sqrt((double)leaves[e->from] / 4.0));
      cols = cols > 6 ? 6 : cols;
      size_t per = (leaves[e->from] + cols - 1) / cols;
      minlen = 1 + (int)(run_k++ / per);
    }
    fputs("  ", f);
    export_put_dot(f, g->pub_v[e->from].id);
    fputs(" -> ", f);
    export_put_dot(f, g->pub_v[e->to].id);
    if (e->type[0] == 'p')
      fputs(" [style=dashed, arrowhead=none, color=\"#777777\"", f);
    else if (e->type[0] == 'a')
      fputs(" [style=dotted, penwidth=1.5, arrowhead=none, color=\"#777777\"", f);
    else
      fprintf(f, " [penwidth=%.2f", edge_width(e->weight));
    if (p->layout == CG_LAYOUT_TIME)
      fputs(", constraint=false", f);
    if (minlen > 1)
      fprintf(f, ", minlen=%d", minlen);
    fputs("];\n", f);
  }
  free(deg);
  free(leaves);
  fputs("}\n", f);
}

void draw_write_dot(FILE *f, const cg_graph *g, const unsigned char *keep) {
  picture p;
  memset(&p, 0, sizeof p);
  p.g = g;
  size_t n = g->vx.n;
  p.keep = malloc(n ? n : 1);
  p.left_out = calloc(n ? n : 1, sizeof *p.left_out);
  p.color = calloc(n ? n : 1, sizeof *p.color);
  if (!p.keep || !p.left_out || !p.color) {
    picture_free(&p);
    return;
  }
  memcpy(p.keep, keep, n);
  for (size_t i = 0; i < n; i++)
    if (keep[i]) {
      p.nv++;
      if (g->pub_v[i].citations > p.cmax)
        p.cmax = g->pub_v[i].citations;
    }
  for (size_t i = 0; i < g->ex.n; i++)
    if (keep[g->pub_e[i].from] && keep[g->pub_e[i].to]) {
      p.ne++;
      if (g->pub_e[i].weight > p.wmax)
        p.wmax = g->pub_e[i].weight;
    }
  p.layout = CG_LAYOUT_LAYERED;
  p.engine = "dot";
  p.color_by = CG_COLOR_KIND;
  if (count_left_out(&p) == 0 && assign_colors(&p) == 0) {
    make_title(&p, NULL);
    write_picture_dot(f, &p, "dot", 0, 1);
  }
  picture_free(&p);
}

/* ------------------------------------------------------------ Graphviz */

/* Graphviz reports through a handler, never on our standard error. */
static char gv_error[256];

static int gv_record_error(char *msg) {
  if (gv_error[0])
    return 0; /* the first message is the cause */
  snprintf(gv_error, sizeof gv_error, "%s", msg);
  size_t n = strlen(gv_error);
  while (n && (gv_error[n - 1] == '\n' || gv_error[n - 1] == ' '))
    gv_error[--n] = '\0';
  return 0;
}

typedef struct {
  GVC_t *gvc;
  Agraph_t *ag;
  const char *engine;
  int rc, done;
  pthread_mutex_t mu;
  pthread_cond_t cv;
} layout_job;

static void *layout_worker(void *arg) {
  layout_job *j = arg;
  int rc = gvLayout(j->gvc, j->ag, j->engine);
  pthread_mutex_lock(&j->mu);
  j->rc = rc;
  j->done = 1;
  pthread_cond_signal(&j->cv);
  pthread_mutex_unlock(&j->mu);
  return NULL;
}

static double seconds_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* gvLayout in a worker thread; the caller's thread reports progress about
 * twice a second until it is done. */
static int run_layout(GVC_t *gvc, Agraph_t *ag, const char *engine,
                      const cg_draw_options *o, const char *phase) {
  if (!o || !o->progress)
    return gvLayout(gvc, ag, engine);
  layout_job j = {gvc, ag, engine, 0, 0, PTHREAD_MUTEX_INITIALIZER,
                  PTHREAD_COND_INITIALIZER};
  double t0 = seconds_now();
  o->progress(phase, 0.0, o->progress_data);
  pthread_t th;
  if (pthread_create(&th, NULL, layout_worker, &j) != 0)
    return gvLayout(gvc, ag, engine);
  pthread_mutex_lock(&j.mu);
  while (!j.done) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 500000000L;
    if (until.tv_nsec >= 1000000000L) {
      until.tv_sec++;
      until.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&j.cv, &j.mu, &until);
    if (!j.done) {
      pthread_mutex_unlock(&j.mu);
      o->progress(phase, seconds_now() - t0, o->progress_data);
      pthread_mutex_lock(&j.mu);
    }
  }
  pthread_mutex_unlock(&j.mu);
  pthread_join(th, NULL);
  pthread_mutex_destroy(&j.mu);
  pthread_cond_destroy(&j.cv);
  return j.rc;
}

/* The size in points of a node drawn with `label` (an HTML label), from a
 * layout of it alone. */
static int measure(GVC_t *gvc, const char *dotsrc, double *w, double *h) {
  Agraph_t *ag = agmemread(dotsrc);
  if (!ag)
    return -1;
  int rc = -1;
  if (gvLayout(gvc, ag, "dot") == 0) {
    Agnode_t *n = agfstnode(ag);
    if (n) {
      *w = ND_width(n) * 72;
      *h = ND_height(n) * 72;
      rc = 0;
    }
    gvFreeLayout(gvc, ag);
  }
  agclose(ag);
  return rc;
}

static char *mem_text(void (*fn)(FILE *, const picture *, double), const picture *p,
                      double s, size_t *len) {
  char *buf = NULL;
  FILE *m = open_memstream(&buf, len);
  if (!m)
    return NULL;
  fn(m, p, s);
  if (fclose(m) != 0) {
    free(buf);
    return NULL;
  }
  return buf;
}

static void title_label(FILE *f, const picture *p, double s) {
  fprintf(f, "<<TABLE BORDER=\"0\" CELLPADDING=\"0\"><TR><TD ALIGN=\"LEFT\">"
             "<FONT POINT-SIZE=\"%.1f\"><B>", 20 * s);
  put_html(f, p->title);
  fprintf(f, "</B></FONT></TD></TR><TR><TD ALIGN=\"LEFT\"><FONT "
             "POINT-SIZE=\"%.1f\" COLOR=\"#444444\">", 11 * s);
  put_html(f, p->subtitle);
  fputs("</FONT></TD></TR></TABLE>>", f);
}

static void legend_node(FILE *f, const picture *p, double s) {
  fputs("digraph { \"legend:\" [shape=plaintext, margin=0, label=", f);
  put_legend(f, p, s);
  fputs("] }\n", f);
}

static void title_node(FILE *f, const picture *p, double s) {
  fputs("digraph { \"title:\" [shape=plaintext, margin=0, label=", f);
  title_label(f, p, s);
  fputs("] }\n", f);
}

cg_status draw_render(const picture *p, const cg_draw_options *o,
                      const char *format, int for_report, char **data,
                      size_t *len, cg_diag *diag) {
  *data = NULL;
  *len = 0;
  if (dynlib_use(&gv_lib)) {
    diag_set(diag, NULL, 0, 0, "%s", gv_lib.error);
    return CG_ERR_INPUT;
  }
  char *dot = NULL;
  size_t dot_len = 0;
  FILE *mem = open_memstream(&dot, &dot_len);
  if (!mem)
    return CG_ERR_NOMEM;
  write_picture_dot(mem, p, p->engine, for_report, 0);
  if (fclose(mem) != 0) {
    free(dot);
    return CG_ERR_NOMEM;
  }
  gv_error[0] = '\0';
  agseterrf(gv_record_error);
  agseterr(AGERR);
  cg_status st = CG_OK;
  char phase[160];
  snprintf(phase, sizeof phase, "laying out %zu vertices and %zu edges (%s)",
           p->nv, p->ne, p->engine);
  /* One Graphviz context for the process, never freed: Graphviz 2.42's
   * Pango plugin keeps a pointer to the last font name, which belongs to
   * the context; a second picture after a gvFreeContext read freed memory
   * (found by tests/fuzz/fuzz_export.c). */
  static GVC_t *shared_gvc;
  if (!shared_gvc)
    shared_gvc = gvContext();
  GVC_t *gvc = shared_gvc;
  Agraph_t *ag = gvc ? agmemread(dot) : NULL;
  char *laid = NULL, *final = NULL, *legend = NULL, *title = NULL;
  unsigned int laid_len = 0;
  if (!ag || run_layout(gvc, ag, p->engine, o, phase) != 0) {
    diag_set(diag, NULL, 0, 0, "Graphviz could not lay the graph out%s%s",
             gv_error[0] ? ": " : "", gv_error);
    st = CG_ERR_INPUT;
    goto done;
  }
  /* No side more than 2.5 times the other before the legend, which then
   * goes along the shorter side: within 3:1 with it. */
  boxf bb = GD_bb(ag);
  double W = bb.UR.x - bb.LL.x, H = bb.UR.y - bb.LL.y;
  if (W > 0 && H > 0 && (H > 2.5 * W || W > 2.5 * H)) {
    char ratio[32];
    snprintf(ratio, sizeof ratio, "%.3f", H > W ? 1 / 2.5 : 2.5);
    /* ratio is height / width: widen a tall drawing, heighten a wide one */
    snprintf(ratio, sizeof ratio, "%.3f", H > W ? 2.5 : 0.4);
    agsafeset(ag, "ratio", ratio, "");
    gvFreeLayout(gvc, ag);
    if (run_layout(gvc, ag, p->engine, o, phase) != 0) {
      diag_set(diag, NULL, 0, 0, "Graphviz could not lay the graph out%s%s",
               gv_error[0] ? ": " : "", gv_error);
      st = CG_ERR_INPUT;
      goto done;
    }
    bb = GD_bb(ag);
    W = bb.UR.x - bb.LL.x;
    H = bb.UR.y - bb.LL.y;
  }
  if (gvRenderData(gvc, ag, "dot", &laid, &laid_len) != 0 || !laid) {
    diag_set(diag, NULL, 0, 0, "Graphviz could not write the layout%s%s",
             gv_error[0] ? ": " : "", gv_error);
    st = CG_ERR_INPUT;
    goto done;
  }
  gvFreeLayout(gvc, ag);
  agclose(ag);
  ag = NULL;
  /* Title above, legend beside: sized from layouts of their own. */
  double side = W > H ? W : H;
  double s = side / 900.0;
  s = s < 1 ? 1 : s > 6 ? 6 : s;
  size_t ll = 0, tl = 0;
  legend = mem_text(legend_node, p, s, &ll);
  title = mem_text(title_node, p, s, &tl);
  double lw = 0, lh = 0, tw = 0, th = 0;
  if (!legend || !title || measure(gvc, legend, &lw, &lh) ||
      measure(gvc, title, &tw, &th)) {
    diag_set(diag, NULL, 0, 0, "Graphviz could not lay the legend out%s%s",
             gv_error[0] ? ": " : "", gv_error);
    st = CG_ERR_INPUT;
    goto done;
  }
  /* The legend goes where the whole comes nearest to a square. */
  double gap = 18 * s, lx, ly;
  double bw = W > lw ? W : lw, bh = H + gap + lh;
  double rw = W + gap + lw, rh = H > lh ? H : lh;
  double below = bw > bh ? bw / bh : bh / bw, right = rw > rh ? rw / rh : rh / rw;
  if (below <= right) { /* below, at the left */
    lx = bb.LL.x + lw / 2;
    ly = bb.LL.y - gap - lh / 2;
  } else { /* right, at the top */
    lx = bb.UR.x + gap + lw / 2;
    ly = bb.UR.y - lh / 2;
  }
  double tx = bb.LL.x + tw / 2, ty = bb.UR.y + gap + th / 2;
  double x0 = bb.LL.x, y0b = ly - lh / 2 < bb.LL.y ? ly - lh / 2 : bb.LL.y;
  double x1 = lx + lw / 2 > bb.UR.x ? lx + lw / 2 : bb.UR.x;
  if (tx + tw / 2 > x1)
    x1 = tx + tw / 2;
  double y1b = ty + th / 2;
  double M = (x1 - x0) > (y1b - y0b) ? (x1 - x0) : (y1b - y0b);
  /* Bitmaps stay within 12000 pixels a side (cairo's limit is 32767). */
  double dpi = M / 72 * 96 > 12000 ? 12000 * 72 / M : 96;
  /* The pass-1 result, its closing brace replaced by the pinned parts. */
  char *close = strrchr(laid, '}');
  if (!close) {
    st = CG_ERR_INPUT;
    goto done;
  }
  *close = '\0';
  size_t final_len = 0;
  mem = open_memstream(&final, &final_len);
  if (!mem) {
    st = CG_ERR_NOMEM;
    goto done;
  }
  fputs(laid, mem);
  fprintf(mem, "  graph [bb=\"%.2f,%.2f,%.2f,%.2f\", dpi=%.2f, overlap=true, "
               "ratio=auto];\n",
          x0, y0b, x1, y1b, dpi);
  fprintf(mem, "  \"legend:\" [shape=plaintext, margin=0, pos=\"%.2f,%.2f\", "
               "width=%.3f, height=%.3f, label=",
          lx, ly, lw / 72, lh / 72);
  put_legend(mem, p, s);
  fprintf(mem, "];\n  \"title:\" [shape=plaintext, margin=0, pos=\"%.2f,%.2f\", "
               "width=%.3f, height=%.3f, label=",
          tx, ty, tw / 72, th / 72);
  title_label(mem, p, s);
  fputs("];\n}\n", mem);
  if (fclose(mem) != 0) {
    st = CG_ERR_NOMEM;
    goto done;
  }
  ag = agmemread(final);
  snprintf(phase, sizeof phase, "rendering %s", format);
  if (!ag || gvLayout(gvc, ag, "nop2") != 0) {
    diag_set(diag, NULL, 0, 0, "Graphviz could not place the legend%s%s",
             gv_error[0] ? ": " : "", gv_error);
    st = CG_ERR_INPUT;
    goto done;
  }
  if (o && o->progress)
    o->progress(phase, 0.0, o->progress_data);
  char *out = NULL;
  unsigned int out_len = 0;
  if (gvRenderData(gvc, ag, format, &out, &out_len) != 0 || !out) {
    diag_set(diag, NULL, 0, 0, "Graphviz could not render %s%s%s", format,
             gv_error[0] ? ": " : "", gv_error);
    st = CG_ERR_INPUT;
  } else {
    *data = malloc(out_len + 1);
    if (!*data) {
      st = CG_ERR_NOMEM;
    } else {
      memcpy(*data, out, out_len);
      (*data)[out_len] = '\0';
      *len = out_len;
    }
  }
  if (out)
    gvFreeRenderData(out);
  gvFreeLayout(gvc, ag);
done:
  if (laid)
    gvFreeRenderData(laid);
  free(final);
  free(legend);
  free(title);
  if (ag)
    agclose(ag);
  free(dot);
  return st;
}

cg_status cg_graph_draw(const cg_graph *g, cg_format format, const char *dest,
                        const cg_filter *filter, const cg_draw_options *opts,
                        cg_diag *diag) {
  if (diag)
    memset(diag, 0, sizeof *diag);
  if (!g || !dest) {
    diag_set(diag, NULL, 0, 0, "no graph or no output path");
    return CG_ERR_ARG;
  }
  if (!g->analysed || g->dirty) {
    diag_set(diag, dest, 0, 0, "the graph has not been analysed");
    return CG_ERR_ARG;
  }
  const char *fmt = format == CG_FORMAT_SVG   ? "svg"
                    : format == CG_FORMAT_PNG ? "png"
                    : format == CG_FORMAT_PDF ? "pdf"
                                              : NULL;
  if (!fmt && format != CG_FORMAT_HTML) {
    diag_set(diag, dest, 0, 0, "not a picture format");
    return CG_ERR_ARG;
  }
  if (cg_graph_write_check(format, dest, diag))
    return CG_ERR_ARG;
  picture p;
  cg_status st = picture_make(&p, g, filter, opts, diag);
  if (st) {
    if (diag && !diag->file[0])
      snprintf(diag->file, sizeof diag->file, "%s", dest);
    picture_free(&p);
    return st;
  }
  if (format == CG_FORMAT_HTML) {
    st = report_write(&p, opts, dest, diag);
  } else {
    char *data = NULL;
    size_t len = 0;
    st = draw_render(&p, opts, fmt, 0, &data, &len, diag);
    if (!st)
      st = export_write_bytes(data, len, dest, diag);
    free(data);
  }
  if (st && diag && !diag->file[0])
    snprintf(diag->file, sizeof diag->file, "%s", dest);
  picture_free(&p);
  return st;
}
