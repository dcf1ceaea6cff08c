/* export.c — writing the graph for its consumers: GraphML (networkx, igraph,
 * Gephi, yEd, Neo4j APOC), DOT and pictures (Graphviz), CSV for
 * neo4j-admin bulk import, Cypher, and node-link JSON.
 *
 * igraph 0.10's own writers are not used: its DOT writer prints numbers that
 * Graphviz rejects and its GraphML writer has no integer type and writes
 * "Inf"; every format here is written so that its consumer reads it as is. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draw.h"
#include "export.h"
#include "output.h"
#include "text.h"

/* The relationship label of an edge type in GraphML, CSV and Cypher. */
static const char *edge_label(const char *type) {
  return !strcmp(type, "cites")     ? "CITES"
         : !strcmp(type, "part_of") ? "PART_OF"
                                    : "ADOPTED_BY";
}

/* ------------------------------------------------------------ selection */

static const cg_graph *rank_graph;

static int cmp_by_citations(const void *a, const void *b) {
  const cg_vertex *x = &rank_graph->pub_v[*(const size_t *)a];
  const cg_vertex *y = &rank_graph->pub_v[*(const size_t *)b];
  if (x->citations != y->citations)
    return x->citations > y->citations ? -1 : 1;
  if (x->pagerank != y->pagerank)
    return x->pagerank > y->pagerank ? -1 : 1;
  return strcmp(x->id, y->id);
}

/* Keeps up to `max` more documents of the corpus: those citing the most
 * kept vertices, then by identifier. Edges are sorted by citing vertex. */
static long *cite_count;

static int cmp_by_cites(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  if (cite_count[x] != cite_count[y])
    return cite_count[x] > cite_count[y] ? -1 : 1;
  return x < y ? -1 : x > y;
}

static int add_citers(const cg_graph *g, unsigned char *keep, size_t max) {
  size_t n = g->vx.n, m = 0;
  long *count = calloc(n ? n : 1, sizeof *count);
  size_t *idx = malloc((n ? n : 1) * sizeof *idx);
  if (!count || !idx) {
    free(count);
    free(idx);
    return -1;
  }
  for (size_t i = 0; i < g->ex.n; i++) {
    const cg_edge *e = &g->pub_e[i];
    if (e->type[0] == 'c' && !keep[e->from] && keep[e->to] &&
        g->pub_v[e->from].in_corpus)
      count[e->from]++;
  }
  for (size_t i = 0; i < n; i++)
    if (count[i])
      idx[m++] = i;
  cite_count = count;
  qsort(idx, m, sizeof *idx, cmp_by_cites);
  for (size_t k = 0; k < m && k < max; k++)
    keep[idx[k]] = 1;
  free(count);
  free(idx);
  return 0;
}

static int matches(const cg_vertex *v, const cg_filter *f) {
  if (f->body && f->body[0] && strcmp(v->body, f->body) != 0)
    return 0;
  if (f->kind && f->kind[0] && strcmp(v->kind, f->kind) != 0)
    return 0;
  if (f->year_from && (!v->year || v->year < f->year_from))
    return 0;
  if (f->year_to && (!v->year || v->year > f->year_to))
    return 0;
  return 1;
}

unsigned char *export_select(const cg_graph *g, const cg_filter *f) {
  size_t n = g->vx.n;
  unsigned char *keep = malloc(n ? n : 1);
  if (!keep)
    return NULL;
  for (size_t i = 0; i < n; i++)
    keep[i] = !f || matches(&g->pub_v[i], f);
  int chosen = f && ((f->body && f->body[0]) || (f->kind && f->kind[0]) ||
                     f->year_from || f->year_to);
  if (chosen) {
    /* A chosen document keeps what it cites; a kept provision its
     * instrument (edges are sorted by citing vertex, part_of after). */
    for (size_t i = 0; i < g->ex.n; i++) {
      const cg_edge *e = &g->pub_e[i];
      if (e->type[0] == 'c' && g->pub_v[e->from].in_corpus && keep[e->from] == 1)
        keep[e->to] = keep[e->to] ? keep[e->to] : 2;
    }
    for (size_t i = 0; i < g->ex.n; i++) {
      const cg_edge *e = &g->pub_e[i];
      if (e->type[0] == 'p' && keep[e->from] && !keep[e->to])
        keep[e->to] = 2;
    }
    for (size_t i = 0; i < n; i++)
      keep[i] = keep[i] != 0;
  }
  if (f && f->top && f->top < n) {
    size_t *idx = malloc(n * sizeof *idx), m = 0;
    if (!idx) {
      free(keep);
      return NULL;
    }
    for (size_t i = 0; i < n; i++)
      if (keep[i])
        idx[m++] = i;
    rank_graph = g;
    qsort(idx, m, sizeof *idx, cmp_by_citations);
    for (size_t k = f->top; k < m; k++)
      keep[idx[k]] = 0;
    free(idx);
    if (f->citers && add_citers(g, keep, f->citers)) {
      free(keep);
      return NULL;
    }
  }
  return keep;
}

/* ------------------------------------------------------------ escaping */

/* Every format gets the same text: valid UTF-8 holding only characters XML
 * 1.0 allows (see export.h). */
void export_put_text(FILE *f, const char *s, escape_fn esc) {
  const unsigned char *p = (const unsigned char *)s;
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      const char *e = esc(c);
      if (e)
        fputs(e, f);
      else if (c >= 0x20 || c == '\t')
        putc(c, f);
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = utf8_decode(p + i, n - i, &cp);
    if (k && (cp == 0xFFFE || cp == 0xFFFF)) {
      fputs("\xEF\xBF\xBD", f);
      i += k;
    } else if (k) {
      fwrite(p + i, 1, k, f);
      i += k;
    } else {
      fputs("\xEF\xBF\xBD", f);
      i++;
    }
  }
}

const char *export_esc_xml(unsigned char c) {
  switch (c) {
  case '&': return "&amp;";
  case '<': return "&lt;";
  case '>': return "&gt;";
  case '"': return "&quot;";
  case '\'': return "&apos;";
  case '\t': return "&#9;";
  default: return NULL;
  }
}

static const char *esc_quoted(unsigned char c) { /* JSON, Cypher */
  switch (c) {
  case '"': return "\\\"";
  case '\\': return "\\\\";
  case '\t': return " ";
  default: return NULL;
  }
}

/* DOT: Graphviz reads \" in a quoted string and nothing else, then reads
 * its own escapes (\N, \G, \l, \\) in labels and tooltips differently
 * from ids, and a backslash before the closing quote escapes it. A
 * backslash is therefore written as U+29F5 (reverse solidus operator). */
static const char *esc_dot(unsigned char c) {
  switch (c) {
  case '"': return "\\\"";
  case '\\': return "\xE2\xA7\xB5";
  case '\t': return " ";
  default: return NULL;
  }
}

void export_put_dot(FILE *f, const char *s) {
  putc('"', f);
  export_put_text(f, s, esc_dot);
  putc('"', f);
}

static const char *esc_csv(unsigned char c) {
  switch (c) {
  case '"': return "\"\"";
  case '\t': return " ";
  default: return NULL;
  }
}

void export_put_quoted(FILE *f, const char *s) {
  putc('"', f);
  export_put_text(f, s, esc_quoted);
  putc('"', f);
}

/* Finite, and never "-0". */
static double finite_or_zero(double x) {
  return isfinite(x) && x != 0.0 ? x : 0.0;
}

/* "Resolution", "Treaty", … : the node label in graph databases. */
static const char *db_label(const char *kind) {
  static const struct {
    const char *kind, *label;
  } map[] = {{"resolution", "Resolution"}, {"decision", "Decision"},
             {"symbol", "Document"},       {"treaty", "Instrument"},
             {"provision", "Provision"},   {"document", "Document"}};
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    if (strcmp(map[i].kind, kind) == 0)
      return map[i].label;
  return "Citable";
}

/* ------------------------------------------------------------ GraphML */

static const struct {
  const char *id, *name, *type;
} node_keys[] = {
    {"labels", "labels", "string"},     {"vlabel", "label", "string"},
    {"kind", "kind", "string"},         {"body", "body", "string"},
    {"date", "date", "string"},         {"year", "year", "int"},
    {"title", "title", "string"},       {"url", "url", "string"},
    {"in_corpus", "in_corpus", "boolean"}, {"citations", "citations", "int"},
    {"mentions", "mentions", "int"},    {"pagerank", "pagerank", "double"},
    {"authority", "authority", "double"}, {"hub", "hub", "double"},
    {"betweenness", "betweenness", "double"},
    {"component", "component", "int"},  {"community", "community", "int"}};

static void graphml_data(FILE *f, const char *key, const char *value) {
  if (!value || !value[0])
    return;
  fprintf(f, "      <data key=\"%s\">", key);
  export_put_text(f, value, export_esc_xml);
  fputs("</data>\n", f);
}

static void write_graphml(FILE *f, const cg_graph *g, const unsigned char *keep) {
  fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
        "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        f);
  for (size_t k = 0; k < sizeof node_keys / sizeof *node_keys; k++)
    fprintf(f,
            "  <key id=\"%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
            node_keys[k].id, node_keys[k].name, node_keys[k].type);
  fputs("  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
        "  <key id=\"preamble\" for=\"edge\" attr.name=\"preamble\" attr.type=\"int\"/>\n"
        "  <key id=\"operative\" for=\"edge\" attr.name=\"operative\" attr.type=\"int\"/>\n"
        "  <key id=\"footnote\" for=\"edge\" attr.name=\"footnote\" attr.type=\"int\"/>\n"
        "  <key id=\"text\" for=\"edge\" attr.name=\"text\" attr.type=\"int\"/>\n"
        "  <key id=\"paragraphs\" for=\"edge\" attr.name=\"paragraphs\" attr.type=\"string\"/>\n"
        "  <graph id=\"citegraph\" edgedefault=\"directed\">\n",
        f);
  for (size_t i = 0; i < g->vx.n; i++) {
    if (!keep[i])
      continue;
    const cg_vertex *v = &g->pub_v[i];
    fputs("    <node id=\"", f);
    export_put_text(f, v->id, export_esc_xml);
    fputs("\">\n", f);
    char labels[64];
    snprintf(labels, sizeof labels, ":%s", db_label(v->kind));
    graphml_data(f, "labels", labels);
    graphml_data(f, "vlabel", v->label);
    graphml_data(f, "kind", v->kind);
    graphml_data(f, "body", v->body);
    graphml_data(f, "date", v->date);
    if (v->year)
      fprintf(f, "      <data key=\"year\">%d</data>\n", v->year);
    graphml_data(f, "title", v->title);
    graphml_data(f, "url", v->url);
    fprintf(f,
            "      <data key=\"in_corpus\">%s</data>\n"
            "      <data key=\"citations\">%ld</data>\n"
            "      <data key=\"mentions\">%ld</data>\n"
            "      <data key=\"pagerank\">%.17g</data>\n"
            "      <data key=\"authority\">%.17g</data>\n"
            "      <data key=\"hub\">%.17g</data>\n"
            "      <data key=\"betweenness\">%.17g</data>\n"
            "      <data key=\"component\">%ld</data>\n"
            "      <data key=\"community\">%ld</data>\n"
            "    </node>\n",
            v->in_corpus ? "true" : "false", v->citations, v->mentions,
            finite_or_zero(v->pagerank), finite_or_zero(v->authority), finite_or_zero(v->hub),
            finite_or_zero(v->betweenness), v->component, v->community);
  }
  size_t eid = 0;
  for (size_t i = 0; i < g->ex.n; i++) {
    const cg_edge *e = &g->pub_e[i];
    if (!keep[e->from] || !keep[e->to])
      continue;
    fprintf(f, "    <edge id=\"e%zu\" source=\"", eid++);
    export_put_text(f, g->pub_v[e->from].id, export_esc_xml);
    fputs("\" target=\"", f);
    export_put_text(f, g->pub_v[e->to].id, export_esc_xml);
    fprintf(f,
            "\">\n"
            "      <data key=\"label\">%s</data>\n"
            "      <data key=\"type\">%s</data>\n"
            "      <data key=\"weight\">%ld</data>\n"
            "      <data key=\"preamble\">%ld</data>\n"
            "      <data key=\"operative\">%ld</data>\n"
            "      <data key=\"footnote\">%ld</data>\n"
            "      <data key=\"text\">%ld</data>\n",
            edge_label(e->type), e->type, e->weight,
            e->preamble, e->operative, e->footnote, e->text);
    graphml_data(f, "paragraphs", e->paragraphs);
    fputs("    </edge>\n", f);
  }
  fputs("  </graph>\n</graphml>\n", f);
}

/* ------------------------------------------------------------ DOT */

/* The kinds, in the order Cypher batches them. */
static const char *const kinds[] = {"document", "resolution", "decision",
                                    "treaty",   "provision",  "symbol"};

/* ------------------------------------------------------------ CSV */

static void csv_field(FILE *f, const char *s) {
  putc('"', f);
  export_put_text(f, s, esc_csv);
  putc('"', f);
}

static void write_nodes_csv(FILE *f, const cg_graph *g, const unsigned char *keep) {
  fputs("id:ID,:LABEL,label,kind,body,date,year:int,title,url,"
        "in_corpus:boolean,citations:int,mentions:int,pagerank:double,"
        "authority:double,hub:double,betweenness:double,component:int,"
        "community:int\n",
        f);
  for (size_t i = 0; i < g->vx.n; i++) {
    if (!keep[i])
      continue;
    const cg_vertex *v = &g->pub_v[i];
    csv_field(f, v->id);
    fprintf(f, ",%s,", db_label(v->kind));
    csv_field(f, v->label);
    putc(',', f);
    csv_field(f, v->kind);
    putc(',', f);
    csv_field(f, v->body);
    putc(',', f);
    csv_field(f, v->date);
    putc(',', f);
    if (v->year)
      fprintf(f, "%d", v->year);
    putc(',', f);
    csv_field(f, v->title);
    putc(',', f);
    csv_field(f, v->url);
    fprintf(f, ",%s,%ld,%ld,%.17g,%.17g,%.17g,%.17g,%ld,%ld\n",
            v->in_corpus ? "true" : "false", v->citations, v->mentions,
            finite_or_zero(v->pagerank), finite_or_zero(v->authority), finite_or_zero(v->hub),
            finite_or_zero(v->betweenness), v->component, v->community);
  }
}

static void write_rels_csv(FILE *f, const cg_graph *g, const unsigned char *keep) {
  fputs(":START_ID,:END_ID,:TYPE,weight:int,preamble:int,operative:int,"
        "footnote:int,text:int,paragraphs\n",
        f);
  for (size_t i = 0; i < g->ex.n; i++) {
    const cg_edge *e = &g->pub_e[i];
    if (!keep[e->from] || !keep[e->to])
      continue;
    csv_field(f, g->pub_v[e->from].id);
    putc(',', f);
    csv_field(f, g->pub_v[e->to].id);
    fprintf(f, ",%s,%ld,%ld,%ld,%ld,%ld,", edge_label(e->type),
            e->weight, e->preamble, e->operative, e->footnote, e->text);
    csv_field(f, e->paragraphs);
    putc('\n', f);
  }
}

/* ------------------------------------------------------------ Cypher */

#define CYPHER_BATCH 500

/* One vertex as a map of its properties: a Cypher map literal (bare keys,
 * no year when it is unknown) or a JSON object (quoted keys, null year). */
static void put_vertex_map(FILE *f, const cg_vertex *v, int json) {
  const char *q = json ? "\"" : "";
  const char *keys[] = {"id", "label", "kind", "body", "date"};
  const char *vals[] = {v->id, v->label, v->kind, v->body, v->date};
  for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
    fprintf(f, "%s%s%s%s: ", k ? ", " : "{", q, keys[k], q);
    export_put_quoted(f, vals[k]);
  }
  if (v->year)
    fprintf(f, ", %syear%s: %d", q, q, v->year);
  else if (json)
    fputs(", \"year\": null", f);
  fprintf(f, ", %stitle%s: ", q, q);
  export_put_quoted(f, v->title);
  fprintf(f, ", %surl%s: ", q, q);
  export_put_quoted(f, v->url);
  fprintf(f, ", %sin_corpus%s: %s", q, q, v->in_corpus ? "true" : "false");
  fprintf(f, ", %scitations%s: %ld, %smentions%s: %ld", q, q, v->citations, q, q,
          v->mentions);
  fprintf(f, ", %spagerank%s: %.17g, %sauthority%s: %.17g, %shub%s: %.17g", q, q,
          finite_or_zero(v->pagerank), q, q, finite_or_zero(v->authority), q, q,
          finite_or_zero(v->hub));
  fprintf(f, ", %sbetweenness%s: %.17g, %scomponent%s: %ld, %scommunity%s: %ld}", q,
          q, finite_or_zero(v->betweenness), q, q, v->component, q, q, v->community);
}

/* Closes an UNWIND batch of vertices of one kind, or of edges of one type. */
static void end_vertex_batch(FILE *f, const char *kind) {
  fprintf(f, "\n] AS row\nMERGE (n:Citable {id: row.id}) SET n += row, n:%s;\n",
          db_label(kind));
}

static void end_edge_batch(FILE *f, const char *rel) {
  fprintf(f,
          "\n] AS row\nMATCH (a:Citable {id: row.s}) MATCH (b:Citable {id: "
          "row.t})\nMERGE (a)-[r:%s]->(b) SET r += row {.weight, .preamble, "
          ".operative, .footnote, .text, .paragraphs};\n",
          rel);
}

static void write_cypher(FILE *f, const cg_graph *g, const unsigned char *keep) {
  fputs("// citegraph: citation graph as Cypher. Every vertex is a :Citable\n"
        "// with a unique id, plus a label for its kind.\n"
        "CREATE CONSTRAINT citegraph_id IF NOT EXISTS FOR (n:Citable) "
        "REQUIRE n.id IS UNIQUE;\n",
        f);
  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
    size_t in_batch = 0;
    for (size_t i = 0; i < g->vx.n; i++) {
      const cg_vertex *v = &g->pub_v[i];
      if (!keep[i] || strcmp(v->kind, kinds[k]) != 0)
        continue;
      fputs(in_batch ? ",\n  " : "UNWIND [\n  ", f);
      put_vertex_map(f, v, 0);
      if (++in_batch == CYPHER_BATCH) {
        end_vertex_batch(f, kinds[k]);
        in_batch = 0;
      }
    }
    if (in_batch)
      end_vertex_batch(f, kinds[k]);
  }
  static const char *const edge_types[] = {"cites", "part_of", "adopted_by"};
  for (int type = 0; type < 3; type++) {
    size_t in_batch = 0;
    const char *rel = edge_label(edge_types[type]);
    for (size_t i = 0; i < g->ex.n; i++) {
      const cg_edge *e = &g->pub_e[i];
      if (!keep[e->from] || !keep[e->to] || strcmp(e->type, edge_types[type]))
        continue;
      fputs(in_batch ? ",\n  " : "UNWIND [\n  ", f);
      fputs("{s: ", f);
      export_put_quoted(f, g->pub_v[e->from].id);
      fputs(", t: ", f);
      export_put_quoted(f, g->pub_v[e->to].id);
      fprintf(f,
              ", weight: %ld, preamble: %ld, operative: %ld, footnote: %ld, "
              "text: %ld, paragraphs: ",
              e->weight, e->preamble, e->operative, e->footnote, e->text);
      export_put_quoted(f, e->paragraphs);
      putc('}', f);
      if (++in_batch == CYPHER_BATCH) {
        end_edge_batch(f, rel);
        in_batch = 0;
      }
    }
    if (in_batch)
      end_edge_batch(f, rel);
  }
}

/* ------------------------------------------------------------ JSON */

static void write_json(FILE *f, const cg_graph *g, const unsigned char *keep) {
  fputs("{\"directed\": true, \"multigraph\": false, \"graph\": {\"name\": "
        "\"citegraph\"},\n \"nodes\": [",
        f);
  int first = 1;
  for (size_t i = 0; i < g->vx.n; i++) {
    if (!keep[i])
      continue;
    const cg_vertex *v = &g->pub_v[i];
    fputs(first ? "\n  " : ",\n  ", f);
    first = 0;
    put_vertex_map(f, v, 1);
  }
  fputs("\n ],\n \"links\": [", f);
  first = 1;
  for (size_t i = 0; i < g->ex.n; i++) {
    const cg_edge *e = &g->pub_e[i];
    if (!keep[e->from] || !keep[e->to])
      continue;
    fputs(first ? "\n  {\"source\": " : ",\n  {\"source\": ", f);
    first = 0;
    export_put_quoted(f, g->pub_v[e->from].id);
    fputs(", \"target\": ", f);
    export_put_quoted(f, g->pub_v[e->to].id);
    fprintf(f,
            ", \"type\": \"%s\", \"weight\": %ld, \"preamble\": %ld, "
            "\"operative\": %ld, \"footnote\": %ld, \"text\": %ld, "
            "\"paragraphs\": ",
            e->type, e->weight, e->preamble, e->operative, e->footnote, e->text);
    export_put_quoted(f, e->paragraphs);
    putc('}', f);
  }
  fputs("\n ]\n}\n", f);
}

/* ------------------------------------------------------------ files */

/* Opens what `dest` names for writing (output.h): a temporary file beside
 * a regular one, or the device, FIFO, link target or standard output
 * itself; `tmp` is "" in the second case. */
static FILE *open_temp(const char *dest, char *tmp, size_t cap) {
  return output_open(dest, tmp, cap);
}

/* Closes f and, for a temporary file, renames it over dest; on any failure
 * removes the temporary file. */
static cg_status commit_temp(FILE *f, const char *tmp, const char *dest,
                             cg_diag *diag) {
  return output_commit(f, tmp, dest, diag);
}

typedef void (*writer_fn)(FILE *, const cg_graph *, const unsigned char *);

static cg_status write_one(const cg_graph *g, const unsigned char *keep,
                           writer_fn fn, const char *dest, cg_diag *diag) {
  char tmp[4200];
  FILE *f = open_temp(dest, tmp, sizeof tmp);
  if (!f) {
    diag_set(diag, dest, 0, 0, "cannot write: %s", strerror(errno));
    return CG_ERR_IO;
  }
  fn(f, g, keep);
  return commit_temp(f, tmp, dest, diag);
}

/* Writes len bytes into what dest names (output.h). */
cg_status export_write_bytes(const char *data, size_t len, const char *dest,
                             cg_diag *diag) {
  char tmp[4200];
  FILE *f = open_temp(dest, tmp, sizeof tmp);
  if (!f) {
    diag_set(diag, dest, 0, 0, "cannot write: %s", strerror(errno));
    return CG_ERR_IO;
  }
  fwrite(data, 1, len, f);
  return commit_temp(f, tmp, dest, diag);
}

/* Whether the folder that would hold `where` exists. */
static int parent_exists(const char *where) {
  char dir[4096];
  size_t n = strlen(where);
  while (n > 1 && where[n - 1] == '/')
    n--;
  while (n && where[n - 1] != '/')
    n--;
  if (!n)
    return 1; /* in the current directory */
  if (n >= sizeof dir)
    return 0;
  memcpy(dir, where, n);
  dir[n] = '\0';
  struct stat st;
  return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

cg_status cg_graph_write_check(cg_format format, const char *where,
                               cg_diag *diag) {
  if (diag)
    memset(diag, 0, sizeof *diag);
  if (!where || !where[0]) {
    diag_set(diag, NULL, 0, 0, "no output where");
    return CG_ERR_ARG;
  }
  if (strlen(where) >= 4000) {
    diag_set(diag, NULL, 0, 0, "output where too long");
    return CG_ERR_ARG;
  }
  struct stat st;
  int is_dash = strcmp(where, "-") == 0;
  int exists = !is_dash && stat(where, &st) == 0;
  if (format == CG_FORMAT_CSV) {
    const char *is = NULL;
    if (is_dash)
      is = "standard output";
    else if (exists && !S_ISDIR(st.st_mode))
      is = "a file";
    else if (!exists && where[strlen(where) - 1] != '/')
      is = "no directory";
    else if (!exists && !parent_exists(where))
      is = "in a folder that does not exist";
    if (is) {
      diag_set(diag, is_dash ? "-" : where, 0, 0,
               "CSV export writes nodes.csv and relationships.csv into a "
               "directory, and this is %s (name an existing directory, or end "
               "the name with / to create one)", is);
      return CG_ERR_ARG;
    }
    return CG_OK;
  }
  if (is_dash)
    return CG_OK;
  if (exists && S_ISDIR(st.st_mode)) {
    diag_set(diag, where, 0, 0, "is a directory");
    return CG_ERR_ARG;
  }
  if (!exists && !parent_exists(where)) {
    diag_set(diag, where, 0, 0, "no such directory to write into");
    return CG_ERR_ARG;
  }
  return CG_OK;
}

int cg_format_parse(const char *name, cg_format *out) {
  static const struct {
    const char *name;
    cg_format format;
  } names[] = {{"graphml", CG_FORMAT_GRAPHML}, {"dot", CG_FORMAT_DOT},
               {"gv", CG_FORMAT_DOT},          {"csv", CG_FORMAT_CSV},
               {"cypher", CG_FORMAT_CYPHER},   {"cql", CG_FORMAT_CYPHER},
               {"json", CG_FORMAT_JSON},       {"svg", CG_FORMAT_SVG},
               {"png", CG_FORMAT_PNG},         {"pdf", CG_FORMAT_PDF},
               {"html", CG_FORMAT_HTML},       {"htm", CG_FORMAT_HTML}};
  if (!name)
    return -1;
  const char *dot = strrchr(name, '.');
  const char *slash = strrchr(name, '/');
  if (dot && (!slash || dot > slash))
    name = dot + 1;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcasecmp(names[i].name, name) == 0) {
      *out = names[i].format;
      return 0;
    }
  return -1;
}

cg_status cg_graph_write(const cg_graph *g, cg_format format, const char *dest,
                         const cg_filter *filter, cg_diag *diag) {
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
  if (cg_graph_write_check(format, dest, diag))
    return CG_ERR_ARG;
  unsigned char *keep = export_select(g, filter);
  if (!keep)
    return CG_ERR_NOMEM;
  cg_status st;
  switch (format) {
  case CG_FORMAT_GRAPHML:
    st = write_one(g, keep, write_graphml, dest, diag);
    break;
  case CG_FORMAT_DOT:
    st = write_one(g, keep, draw_write_dot, dest, diag);
    break;
  case CG_FORMAT_CYPHER:
    st = write_one(g, keep, write_cypher, dest, diag);
    break;
  case CG_FORMAT_JSON:
    st = write_one(g, keep, write_json, dest, diag);
    break;
  case CG_FORMAT_CSV: {
    size_t dl = strlen(dest);
    if (dest[dl - 1] == '/' && mkdir(dest, 0777) != 0 && errno != EEXIST) {
      diag_set(diag, dest, 0, 0, "cannot create directory: %s", strerror(errno));
      st = CG_ERR_IO;
      break;
    }
    /* Both files are written before either replaces its old version. */
    char pn[4100], pr[4100], tn[4200], tr[4200];
    const char *sep = dest[dl - 1] == '/' ? "" : "/";
    snprintf(pn, sizeof pn, "%s%snodes.csv", dest, sep);
    snprintf(pr, sizeof pr, "%s%srelationships.csv", dest, sep);
    FILE *fn = open_temp(pn, tn, sizeof tn);
    FILE *fr = fn ? open_temp(pr, tr, sizeof tr) : NULL;
    if (!fn || !fr) {
      diag_set(diag, fn ? pr : pn, 0, 0, "cannot write: %s", strerror(errno));
      if (fn)
        output_discard(fn, tn);
      st = CG_ERR_IO;
      break;
    }
    write_nodes_csv(fn, g, keep);
    write_rels_csv(fr, g, keep);
    st = output_close(fn, tn, pn, diag);
    cg_status st2 = output_close(fr, tr, pr, st ? NULL : diag);
    if (st || st2) {
      if (!st && tn[0])
        unlink(tn);
      if (st && !st2 && tr[0])
        unlink(tr);
      st = CG_ERR_IO;
    } else if ((st = output_rename(tn, pn, diag)) != CG_OK) {
      if (tr[0])
        unlink(tr);
    } else {
      st = output_rename(tr, pr, diag);
    }
    break;
  }
  case CG_FORMAT_SVG:
  case CG_FORMAT_PNG:
  case CG_FORMAT_PDF:
  case CG_FORMAT_HTML:
    free(keep);
    return cg_graph_draw(g, format, dest, filter, NULL, diag);
  default:
    diag_set(diag, dest, 0, 0, "unknown format");
    st = CG_ERR_ARG;
  }
  free(keep);
  return st;
}
