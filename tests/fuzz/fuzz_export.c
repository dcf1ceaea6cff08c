/* fuzz_export.c — libFuzzer target for the exporters: graphs made from
 * arbitrary identifiers, file names, titles, bodies, dates and texts are
 * written in every format (GraphML, DOT, CSV, Cypher, JSON, SVG) and read
 * back by strict readers (validate.h, and Graphviz's own parser for DOT):
 * each file must be well-formed, hold every vertex and edge, and SVG must
 * be inert (no script, no event attribute, links only to undocs.org).
 *
 * An input is lines; the first byte of a line says what it is, the rest is
 * fields separated by 0x1F:
 *   'D' a document record: self, file, title, body, date
 *   'C' a citation of the last document: target, body, date, kind, place
 *   'T' a text: file name, then the text, extracted as citegraph does
 * Records are written as JSON Lines with every byte of a field kept (those
 * JSON needs escaped), so that the record reader, not the harness, decides
 * what is refused; texts go through cg_extract. */
#include "fuzz_tmpdir.h" /* first: it sets _XOPEN_SOURCE */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>

#include "citegraph.h"
#include "validate.h"

static cg_catalog *cat;
static cg_extractor *ex;
static const char *dir;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *refs = getenv("CITEGRAPH_REFS");
  cg_diag diag;
  if (cg_catalog_load(refs ? refs : "refs", &cat, &diag)) {
    fprintf(stderr, "fuzz_export: cannot load the catalogue: %s\n", diag.message);
    abort();
  }
  ex = cg_extractor_new(cat);
  static const char *const subdirs[] = {"csv", NULL};
  dir = fuzz_tmpdir("citegraph-fuzz-export", subdirs);
  if (!ex)
    abort();
  return 0;
}

#define MAX_FIELDS 6

/* Splits line[0..n) at 0x1F into at most MAX_FIELDS NUL-terminated copies. */
static size_t fields_of(const uint8_t *line, size_t n, char **f) {
  size_t k = 0, from = 0;
  for (size_t i = 0; i <= n && k < MAX_FIELDS; i++)
    if (i == n || line[i] == 0x1F) {
      f[k] = calloc(i - from + 1, 1);
      if (!f[k])
        abort();
      memcpy(f[k], line + from, i - from);
      k++;
      from = i + 1;
    }
  for (size_t i = k; i < MAX_FIELDS; i++) {
    f[i] = calloc(1, 1);
    if (!f[i])
      abort();
  }
  return k;
}

/* A JSON string holding the bytes of s: quotes, backslashes and controls
 * escaped, everything else as it is (invalid UTF-8 included). */
static void json_bytes(FILE *o, const char *s) {
  putc('"', o);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      fprintf(o, "\\%c", *p);
    else if (*p < 0x20)
      fprintf(o, "\\u%04x", *p);
    else
      putc(*p, o);
  }
  putc('"', o);
}

/* A document record, then its citations' records; frees them. */
static void write_document(FILE *rec, char **doc, size_t ncits, char *cits,
                           size_t cl) {
  static const char *const keys[] = {"self", "file", "title", "body", "date"};
  fputs("{\"record\":\"document\",\"doc\":", rec);
  json_bytes(rec, doc[0][0] ? doc[0] : doc[1][0] ? doc[1] : "d");
  for (size_t k = 0; k < 5; k++) {
    fprintf(rec, ",\"%s\":", keys[k]);
    json_bytes(rec, doc[k]);
  }
  fprintf(rec, ",\"citations\":%zu}\n", ncits);
  fwrite(cits, 1, cl, rec);
  free(cits);
  for (size_t k = 0; k < MAX_FIELDS; k++)
    free(doc[k]);
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *buf = NULL;
  size_t cap = 0;
  *len = 0;
  for (;;) {
    if (*len + 4096 + 1 > cap) {
      cap = cap ? cap * 2 : 65536;
      char *p = realloc(buf, cap);
      if (!p)
        abort();
      buf = p;
    }
    size_t k = fread(buf + *len, 1, cap - *len - 1, f);
    *len += k;
    if (!k)
      break;
  }
  fclose(f);
  buf[*len] = '\0';
  return buf;
}

static void fail(const char *what, const char *why, const char *data) {
  fprintf(stderr, "fuzz_export: %s: %s\n%.600s\n", what, why, data ? data : "");
  abort();
}

/* Writes the graph as `format` into `path` and returns what was written
 * (the caller frees it). */
static char *written(const cg_graph *g, cg_format format, const char *path,
                     const cg_filter *filter, size_t *len) {
  cg_diag diag;
  cg_status st = cg_graph_write(g, format, path, filter, &diag);
  if (st) {
    /* Graphviz may refuse a layout; nothing else may fail. */
    if (format == CG_FORMAT_SVG && st == CG_ERR_INPUT)
      return NULL;
    fail(path, diag.message, NULL);
  }
  char *data = slurp(path, len);
  if (!data)
    fail(path, "written but cannot be read", NULL);
  return data;
}

static void check_graph(const cg_graph *g, int svg) {
  size_t nv = cg_graph_vertex_count(g), ne = cg_graph_edge_count(g);
  char path[700], why[300];
  size_t len;
  snprintf(path, sizeof path, "%s/g.graphml", dir);
  char *data = written(g, CG_FORMAT_GRAPHML, path, NULL, &len);
  xml_stats xs;
  memset(&xs, 0, sizeof xs);
  xs.count[0] = "node";
  xs.count[1] = "edge";
  if (xml_check(data, len, &xs, why, sizeof why))
    fail("GraphML", why, data);
  if (xs.elements[0] != nv || xs.elements[1] != ne)
    fail("GraphML", "vertices or edges missing", data);
  free(data);

  snprintf(path, sizeof path, "%s/g.dot", dir);
  data = written(g, CG_FORMAT_DOT, path, NULL, &len);
  size_t nodes;
  if (dot_check(data, len, &nodes, why, sizeof why))
    fail("DOT", why, data);
  /* Beside the vertices, the legend's samples. */
  if (nodes < nv)
    fail("DOT", "vertices missing", data);
  Agraph_t *ag = agmemread(data);
  if (!ag)
    fail("DOT", "Graphviz cannot read it", data);
  if ((size_t)agnnodes(ag) < nv || (size_t)agnnodes(ag) != nodes)
    fail("DOT", "Graphviz reads another number of vertices", data);
  for (size_t i = 0; i < nv; i++) {
    const char *id = cg_graph_vertex(g, i)->id;
    if (cg_identifier_valid(id) && !agnode(ag, (char *)id, 0))
      fail("DOT", "an identifier is not a vertex's name", id);
  }
  agclose(ag);
  free(data);

  snprintf(path, sizeof path, "%s/g.json", dir);
  data = written(g, CG_FORMAT_JSON, path, NULL, &len);
  if (json_check(data, len, why, sizeof why))
    fail("JSON", why, data);
  free(data);

  snprintf(path, sizeof path, "%s/g.cypher", dir);
  data = written(g, CG_FORMAT_CYPHER, path, NULL, &len);
  size_t statements;
  if (cypher_check(data, len, &statements, why, sizeof why))
    fail("Cypher", why, data);
  free(data);

  snprintf(path, sizeof path, "%s/csv", dir);
  cg_diag diag;
  if (cg_graph_write(g, CG_FORMAT_CSV, path, NULL, &diag))
    fail("CSV", diag.message, NULL);
  size_t rows;
  snprintf(path, sizeof path, "%s/csv/nodes.csv", dir);
  data = slurp(path, &len);
  if (!data || csv_check(data, len, &rows, why, sizeof why) || rows != nv)
    fail("nodes.csv", data ? why : "missing", data);
  free(data);
  snprintf(path, sizeof path, "%s/csv/relationships.csv", dir);
  data = slurp(path, &len);
  if (!data || csv_check(data, len, &rows, why, sizeof why) || rows != ne)
    fail("relationships.csv", data ? why : "missing", data);
  free(data);

  /* A picture costs Graphviz and Pango about 35 ms, five times the rest:
   * one input in four (by its last byte) is drawn, a few dozen vertices
   * at most. The DOT it is drawn from is checked for every input above. */
  cg_filter top = {0};
  top.top = 24;
  snprintf(path, sizeof path, "%s/g.svg", dir);
  data = svg ? written(g, CG_FORMAT_SVG, path, &top, &len) : NULL;
  if (data) {
    memset(&xs, 0, sizeof xs);
    if (xml_check(data, len, &xs, why, sizeof why))
      fail("SVG", why, data);
    if (xs.active || xs.bad_link)
      fail("SVG", xs.active ? "a script or an event attribute" : "a link elsewhere",
           data);
    if (!xs.class_node)
      fail("SVG", "no vertex drawn", data);
    free(data);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *jsonl = NULL;
  size_t jl = 0;
  FILE *rec = open_memstream(&jsonl, &jl);
  if (!rec)
    abort();
  cg_graph *g = cg_graph_new(cat);
  if (!g)
    abort();
  /* Documents wait for their citations before they are written. */
  char *doc[MAX_FIELDS] = {0};
  char *cits = NULL;
  size_t cl = 0, ncits = 0, ndocs = 0, ntexts = 0;
  FILE *cf = NULL;
  int have_doc = 0;
  for (size_t i = 0; i < size && ndocs + ntexts < 24;) {
    const uint8_t *nl = memchr(data + i, '\n', size - i);
    size_t n = nl ? (size_t)(nl - (data + i)) : size - i;
    const uint8_t *line = data + i;
    i += n + 1;
    if (!n)
      continue;
    char *f[MAX_FIELDS];
    if (line[0] == 'T') {
      const uint8_t *sep = memchr(line + 1, 0x1F, n - 1);
      size_t name_len = sep ? (size_t)(sep - line - 1) : 0;
      char name[256];
      snprintf(name, sizeof name, "%.*s", (int)(name_len < 255 ? name_len : 255),
               (const char *)line + 1);
      const char *text = sep ? (const char *)sep + 1 : (const char *)line + 1;
      size_t tl = n - (size_t)(text - (const char *)line);
      const cg_result *res;
      if (cg_extract(ex, text, tl, NULL, &res, NULL) == CG_OK &&
          cg_graph_add(g, res, name) != CG_OK)
        abort();
      ntexts++;
      continue;
    }
    fields_of(line + 1, n - 1, f);
    if (line[0] == 'D') {
      if (have_doc) {
        fclose(cf);
        write_document(rec, doc, ncits, cits, cl);
      }
      memcpy(doc, f, sizeof f);
      cits = NULL;
      cl = ncits = 0;
      cf = open_memstream(&cits, &cl);
      if (!cf)
        abort();
      have_doc = 1;
      ndocs++;
      continue;
    }
    if (line[0] == 'C' && have_doc && ncits < 32) {
      fputs("{\"record\":\"citation\",\"doc\":", cf);
      json_bytes(cf, doc[0][0] ? doc[0] : doc[1][0] ? doc[1] : "d");
      fputs(",\"start\":0,\"end\":1,\"target\":", cf);
      json_bytes(cf, f[0]);
      fputs(",\"body\":", cf);
      json_bytes(cf, f[1]);
      fputs(",\"date\":", cf);
      json_bytes(cf, f[2]);
      fprintf(cf, ",\"kind\":\"%s\",\"place\":\"%s\",\"paragraph\":%u}\n",
              cg_kind_name((cg_kind)((unsigned char)f[3][0] % 7)),
              cg_place_name((cg_place)((unsigned char)f[4][0] % 4)),
              (unsigned char)f[4][0]);
      ncits++;
    }
    for (size_t k = 0; k < MAX_FIELDS; k++)
      free(f[k]);
  }
  if (have_doc) {
    fclose(cf);
    write_document(rec, doc, ncits, cits, cl);
  }
  fclose(rec);
  cg_records *recs = NULL;
  if (jl && cg_records_parse(jsonl, jl, "fuzz", &recs, NULL) == CG_OK &&
      cg_graph_add_records(g, recs) != CG_OK)
    abort();
  cg_diag diag;
  if (cg_graph_vertex_count(g) && cg_graph_analyse(g, &diag) == CG_OK)
    check_graph(g, data[size - 1] % 4 == 0);
  cg_records_free(recs);
  cg_graph_free(g);
  free(jsonl);
  return 0;
}
