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
  CG_KIND_TREATY_SERIES /* an instrument found through a Treaty Series reference */
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

#ifdef __cplusplus
}
#endif
#endif /* CITEGRAPH_H */
