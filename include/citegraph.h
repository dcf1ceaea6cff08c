/*
 * citegraph.h — find and resolve the citations in United Nations texts.
 *
 * One public header. Every exported name starts with `cg_`.
 *
 * Ownership, once for the whole API: arguments are borrowed; a function that
 * returns a new object says so and names the function that frees it. Strings
 * inside a result belong to the result and live until it is freed.
 *
 * The library never prints and never exits: every fallible function returns a
 * `cg_status` and, where the caller passes one, fills a `cg_diag` with the
 * place and the reason of the failure.
 */
#ifndef CITEGRAPH_H
#define CITEGRAPH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CG_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

typedef enum {
  CG_OK = 0,
  CG_ERR_NOMEM,   /* out of memory */
  CG_ERR_IO,      /* a file could not be opened or read */
  CG_ERR_SYNTAX,  /* a catalogue is not well-formed YAML */
  CG_ERR_SCHEMA,  /* a catalogue is YAML but not what citegraph expects */
  CG_ERR_INPUT,   /* an input document cannot be processed */
  CG_ERR_ARG      /* a bad argument (unknown language, NULL, …) */
} cg_status;

/* Where and why something failed. `file` may be empty, `line` and `column`
 * are 1-based and 0 when unknown. */
typedef struct {
  char file[512];
  unsigned long line;
  unsigned long column;
  char message[512];
} cg_diag;

/* A static English description of a status. Never NULL. */
const char *cg_strerror(cg_status status);

/* Formats `diag` as "file:line:column: message" into `buf` (at most `size`
 * bytes, always NUL-terminated when size > 0). Returns `buf`. */
char *cg_diag_format(const cg_diag *diag, char *buf, size_t size);

/* ------------------------------------------------------------ catalogue */

/* The reference catalogues: bodies, instruments, one vocabulary per
 * language. Immutable once loaded: one catalogue may be shared read-only by
 * any number of threads. */
typedef struct cg_catalog cg_catalog;

/* Loads `dir`/bodies.yaml, `dir`/instruments.yaml and every
 * `dir`/lang/<code>.yaml. On success stores a new catalogue in `*out`
 * (free it with cg_catalog_free). On failure `*out` is NULL and `diag`, if
 * not NULL, holds file, line, column and reason. */
cg_status cg_catalog_load(const char *dir, cg_catalog **out, cg_diag *diag);

/* Frees a catalogue. NULL is allowed. */
void cg_catalog_free(cg_catalog *cat);

/* Number of languages the catalogue has a vocabulary for, and the code of the
 * i-th one ("en", "es", …), in the order of their codes. */
size_t cg_catalog_lang_count(const cg_catalog *cat);
const char *cg_catalog_lang(const cg_catalog *cat, size_t i);

/* ------------------------------------------------------------- citations */

/* What a citation points at. */
typedef enum {
  CG_KIND_RESOLUTION,
  CG_KIND_DECISION,
  CG_KIND_SYMBOL,     /* a document symbol that is not a resolution's */
  CG_KIND_TREATY,     /* a catalogued instrument named by title */
  CG_KIND_PROVISION,  /* an article, paragraph, … of an instrument */
  CG_KIND_TREATY_SERIES, /* an instrument found through a Treaty Series reference */
  CG_KIND_GENERAL_COMMENT /* a general comment or recommendation of a human
                             rights treaty body */
} cg_kind;

/* Where the citation stood in the citing document. */
typedef enum {
  CG_PLACE_TEXT,       /* body text outside numbered paragraphs */
  CG_PLACE_PREAMBLE,   /* a preambular paragraph */
  CG_PLACE_OPERATIVE,  /* a numbered operative paragraph (see `paragraph`) */
  CG_PLACE_FOOTNOTE    /* a footnote */
} cg_place;

/* One citation occurrence. Offsets are bytes into the input as given. */
typedef struct {
  size_t start, end;    /* span [start, end) of the surface text */
  const char *target;   /* canonical identifier; NULL when unresolved */
  const char *number;   /* the number as cited ("61/144", "2331 (2016)"), or "" */
  const char *body;     /* body key ("GA", "SC", …), "unknown", or "" */
  const char *date;     /* adoption date as YYYY-MM-DD, or "" when not given */
  cg_kind kind;
  cg_place place;
  unsigned paragraph;   /* operative paragraph number, or 0 */
  unsigned footnote;    /* footnote number, or 0 */
} cg_citation;

/* The identity of the citing document, as far as the text tells it. */
typedef struct {
  const char *self;   /* own identifier ("CTOC/COP/RES/10/3"), or "" */
  const char *body;   /* own body key, or "" */
  const char *lang;   /* language code used */
  const char *date;   /* YYYY-MM-DD, or "" */
  const char *title;  /* from front matter, or "" */
  size_t invalid_utf8; /* number of invalid UTF-8 sequences met */
  size_t first_invalid; /* byte offset of the first one */
} cg_document;

typedef struct cg_result cg_result;

/* Options for cg_extract. Zero-initialise, then set what you need. */
typedef struct {
  const char *lang; /* force a language ("es"); NULL or "" detects it */
} cg_options;

/* A reusable extractor: holds scratch memory so that a worker thread can
 * process any number of documents without allocating per document. Not
 * thread-safe: use one per thread. */
typedef struct cg_extractor cg_extractor;

/* Creates an extractor over `cat` (borrowed: it must outlive the extractor).
 * Returns NULL when out of memory. Free with cg_extractor_free. */
cg_extractor *cg_extractor_new(const cg_catalog *cat);
void cg_extractor_free(cg_extractor *ex);

/* Extracts the citations of one document of `len` bytes. On success the
 * result is valid until the next call with the same extractor or until
 * cg_extractor_free; it must not be freed by the caller.
 * Returns CG_ERR_ARG for an unknown forced language, CG_ERR_NOMEM when out of
 * memory. Invalid UTF-8 is not an error: it is counted in the document.
 * Time: O(len). */
cg_status cg_extract(cg_extractor *ex, const char *text, size_t len,
                     const cg_options *opts, const cg_result **out,
                     cg_diag *diag);

const cg_document *cg_result_document(const cg_result *res);
size_t cg_result_count(const cg_result *res);
const cg_citation *cg_result_citation(const cg_result *res, size_t i);

/* Lower-case English name of a kind ("resolution", "provision", …) and of a
 * place ("preamble", …). Never NULL. */
const char *cg_kind_name(cg_kind kind);
const char *cg_place_name(cg_place place);

/* ------------------------------------------------------------ graph */

/* The citation graph of one or more documents, built with igraph. One
 * vertex per identifier (a cited resolution that is also in the corpus is
 * one vertex), one "cites" edge per citing document and target, weighted by
 * the number of mentions, and "part_of" edges from provisions to their
 * instrument ("UNTOC#art_32" -> "UNTOC"). Not thread-safe. */
typedef struct cg_graph cg_graph;

/* Creates an empty graph. `cat` (borrowed, must outlive the graph) gives
 * titles and body names for labels. Returns NULL when out of memory. */
cg_graph *cg_graph_new(const cg_catalog *cat);
void cg_graph_free(cg_graph *g);

/* Adds one document's citations (as returned by cg_extract). `file` names
 * the document when its own identifier is unknown. Citations without a
 * target are not added. Time: O(citations). */
cg_status cg_graph_add(cg_graph *g, const cg_result *res, const char *file);

/* Computes the metrics of every vertex with igraph: citations (distinct
 * citing documents, a provision's counting for its instrument too),
 * mentions, PageRank, HITS hub and authority, betweenness, weakly connected
 * component and community (Louvain on the undirected projection, seeded:
 * results are reproducible). Exact betweenness above `CG_BETWEENNESS_EXACT`
 * edges would take hours: above it betweenness is limited to paths of
 * length 3, and of length 2 above `CG_BETWEENNESS_SHORT` edges;
 * cg_graph_note says so. Time: O(|V| + |E|) for most metrics.
 * igraph errors are returned as CG_ERR_INPUT with the reason in diag;
 * igraph never aborts the process. */
#define CG_BETWEENNESS_EXACT 50000
#define CG_BETWEENNESS_SHORT 300000
cg_status cg_graph_analyse(cg_graph *g, cg_diag *diag);

/* A note about the analysis ("betweenness limited to paths of length 3"),
 * or "". */
const char *cg_graph_note(const cg_graph *g);

typedef struct {
  const char *id;    /* the identifier */
  const char *label; /* short human label: "GA 61/144", "UNTOC art. 32" */
  const char *kind;  /* document kind: resolution, decision, symbol,
                        treaty, provision, document */
  const char *body;  /* body key or "" */
  const char *date;  /* YYYY-MM-DD or "" */
  int year;          /* or 0 */
  const char *title; /* or "" */
  const char *url;   /* https://undocs.org/<symbol>, or "" */
  int in_corpus;     /* one of the documents added */
  long citations;    /* distinct citing documents */
  long mentions;     /* citation occurrences */
  double pagerank, authority, hub, betweenness;
  long component, community;
} cg_vertex;

typedef struct {
  size_t from, to;    /* vertex indices */
  const char *type;   /* "cites" or "part_of" */
  long weight;        /* mentions (1 for part_of) */
  long preamble, operative, footnote, text; /* where the mentions stood */
  const char *paragraphs; /* operative paragraph numbers: "1;4", or "" */
} cg_edge;

/* Vertices are sorted by identifier, edges by (from, to, type): the same
 * documents always give the same graph. Valid until the next cg_graph_add. */
size_t cg_graph_vertex_count(const cg_graph *g);
size_t cg_graph_edge_count(const cg_graph *g);
const cg_vertex *cg_graph_vertex(const cg_graph *g, size_t i);
const cg_edge *cg_graph_edge(const cg_graph *g, size_t i);

/* Pairs of instruments cited together by the same documents, most often
 * first: stores up to `max` pairs of vertex indices and their counts. Returns
 * how many were stored. */
size_t cg_graph_cocitations(const cg_graph *g, size_t max, size_t *a, size_t *b,
                            long *count);

/* Export formats. */
typedef enum {
  CG_FORMAT_GRAPHML,
  CG_FORMAT_DOT,
  CG_FORMAT_CSV,    /* neo4j-admin import: nodes.csv + relationships.csv */
  CG_FORMAT_CYPHER,
  CG_FORMAT_JSON,   /* node-link */
  CG_FORMAT_SVG,
  CG_FORMAT_PNG,
  CG_FORMAT_PDF
} cg_format;

/* What to keep when writing: all zero keeps everything. */
typedef struct {
  size_t top;          /* keep the N most-cited vertices and the documents
                          citing them; 0 keeps all */
  const char *body;    /* keep vertices of this body (and their citers) */
  const char *kind;    /* keep vertices of this kind (and their citers) */
  int year_from, year_to; /* keep vertices dated in this range */
} cg_filter;

/* Parses a format name ("graphml", "dot", "csv", "cypher", "json", "svg",
 * "png", "pdf") or a file name's extension. Returns 0 on success. */
int cg_format_parse(const char *name, cg_format *out);

/* Writes the graph to `path` atomically: into a temporary file beside it,
 * renamed over `path` only when complete, so a failure never leaves a
 * truncated file. For CG_FORMAT_CSV `path` is a directory that receives
 * nodes.csv and relationships.csv. SVG, PNG and PDF are laid out by
 * Graphviz. Call cg_graph_analyse first for the metrics. */
cg_status cg_graph_write(const cg_graph *g, cg_format format, const char *path,
                         const cg_filter *filter, cg_diag *diag);

#ifdef __cplusplus
}
#endif
#endif /* CITEGRAPH_H */
