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

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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

/* Frees memory the library allocated and handed over (cg_records_string,
 * cg_graph_rank). NULL is allowed. For callers that do not share the
 * library's allocator, such as Python's ctypes. */
void cg_free(void *p);

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

/* What cg_catalog_load_cached did with its cache. */
typedef enum {
  CG_CACHE_UNUSED,  /* no cache given, or the copy could not be written */
  CG_CACHE_READ,    /* the catalogue came from its compiled copy */
  CG_CACHE_WRITTEN  /* read from the YAML, and a compiled copy written */
} cg_cache_use;

/* As cg_catalog_load, through a compiled copy of the catalogue kept in
 * `cache_dir` (created when missing): a copy made by this build from files
 * with exactly the same names and bytes is read instead of the YAML, in a
 * few milliseconds rather than the 70 that parsing refs/ takes; otherwise
 * the YAML is loaded and a copy written for next time (the eight newest
 * copies are kept). A stale, damaged or foreign copy is never used, and
 * failing to write one is not an error. The catalogue is the same either
 * way. NULL or "" `cache_dir` is cg_catalog_load. `use` may be NULL. */
cg_status cg_catalog_load_cached(const char *dir, const char *cache_dir,
                                 cg_catalog **out, cg_cache_use *use,
                                 cg_diag *diag);

/* Frees a catalogue. NULL is allowed. */
void cg_catalog_free(cg_catalog *cat);

/* Number of languages the catalogue has a vocabulary for, and the code of the
 * i-th one ("en", "es", …), in the order of their codes. */
size_t cg_catalog_lang_count(const cg_catalog *cat);
const char *cg_catalog_lang(const cg_catalog *cat, size_t i);

/* Number of bodies in the catalogue, and the key of the i-th one ("GA",
 * "SC", …), in catalogue order; NULL past the end. */
size_t cg_catalog_body_count(const cg_catalog *cat);
const char *cg_catalog_body(const cg_catalog *cat, size_t i);

/* A catalogue file larger than this is refused before it is parsed. */
#define CG_CATALOG_FILE_MAX (4UL << 20)
/* ---------------------------------------------------------------- inputs */

/* A document as people have it — plain text or Markdown in any common
 * encoding, HTML, Word (.docx), PDF — read into the UTF-8 text that
 * cg_extract takes. Footnotes and endnotes of converted documents are
 * written after the body as "[^n]: text" paragraphs, so that their
 * citations have place "footnote". Offsets of citations found in the text
 * point into that text (cg_text_data); for a UTF-8 text file the text is
 * the file's bytes themselves. */
typedef struct cg_text cg_text;

/* Options for cg_text_load. Zero-initialise. */
typedef struct {
  const char *encoding; /* force the encoding of a text or HTML file
                           ("windows-1252", "utf-16le", any iconv name);
                           NULL or "" detects it */
} cg_text_options;

/* Reads the `len` bytes of one document. `path` (may be NULL) is used for
 * its extension only; the bytes decide first (%PDF, a Word package, an HTML
 * start tag). `bytes` is borrowed and must outlive the input, whose text
 * may point into it. On success stores a new input in `*out` (free with
 * cg_text_free). Errors: CG_ERR_INPUT for a file that cannot be decoded
 * (wrong or unknown-to-us encoding, a binary file, a damaged or encrypted
 * PDF, a damaged Word file), with the reason and byte in diag; CG_ERR_ARG
 * for an unknown forced encoding; CG_ERR_NOMEM. A file is never half-read:
 * on failure `*out` is NULL. Time: O(len), PDF layout O(g log g) per page
 * of g glyphs. Thread-safe: inputs share nothing. */
cg_status cg_text_load(const char *path, const char *bytes, size_t len,
                        const cg_text_options *opts, cg_text **out,
                        cg_diag *diag);
void cg_text_free(cg_text *in);

/* The UTF-8 text to extract from and its length; valid while `in` is. */
const char *cg_text_data(const cg_text *in, size_t *len);

/* The format read: "text", "markdown", "html", "docx" or "pdf". */
const char *cg_text_format(const cg_text *in);

/* The encoding the text was decoded from ("utf-8", "utf-16le",
 * "windows-1252", …), or "" for PDF and Word, whose text is Unicode. */
const char *cg_text_encoding(const cg_text *in);

/* 1 when the text is not the file's bytes (converted or extracted). */
int cg_text_converted(const cg_text *in);

/* The page (1-based) that the byte `offset` of the text comes from, or 0
 * when the format has no pages; and the number of pages (0 if none). */
unsigned cg_text_page(const cg_text *in, size_t offset);
unsigned cg_text_pages(const cg_text *in);

/* The document symbol the file itself states outside its text flow (the
 * masthead of a PDF, its metadata), or "". `*source`, when source is not
 * NULL, says where it was read: "masthead", "metadata" or "". */
const char *cg_text_symbol(const cg_text *in, const char **source);

/* The symbol and language a file name gives, for files named as the UN
 * names them: the symbol with '/' written '_', an optional language code
 * (".en", "-EN"), an extension.
 *   A_RES_79_32.pdf      -> "A/RES/79/32"
 *   S_RES_1_1946.en.txt  -> "S/RES/1(1946)", "en"
 *   A_68_908.fr.txt      -> "A/68/908", "fr"
 * The name starts with a symbol root in capitals followed by '_', holds
 * only letters, digits, '_', '.' and '-', and at least one digit. Writes
 * the symbol into `symbol` (`cap` bytes) and the language code or "" into
 * `lang` (at least 8 bytes). Returns 1 when the name follows the pattern,
 * else 0 (both empty). */
int cg_name_identity(const char *path, char *symbol, size_t cap, char *lang);

/* The language code a file's name ends with, before its extension, as
 * cg_name_identity reads it but whatever comes before ("notes.fr.txt" ->
 * "fr"): a hint for cg_options.lang_hint. Writes it or "" into `lang` (at
 * least 8 bytes); returns 1 when there is one. */
int cg_name_lang(const char *path, char *lang);
/* ------------------------------------------------------ catalogue check */

/* What a catalogue's author should know about it beyond "it loads": the
 * names that may mislead the resolver, the numbers and identifiers to verify,
 * and what each language covers (`citegraph refs --check` prints it). Each
 * finding is a warning (something to fix or to decide) or a note (for
 * information). */
typedef enum {
  CG_CHECK_AMBIGUOUS,     /* a name declared `ambiguous`; the instruments whose
                             names in that language are it or begin with it */
  CG_CHECK_GENERIC,       /* a generic form ("Convention") and the instruments
                             that have it */
  CG_CHECK_BODY_NAME,     /* a short title or abbreviation of an instrument
                             that is also a body's name */
  CG_CHECK_TREATY_SERIES, /* instruments under the same Treaty Series volume
                             and number (a warning), or the same registration
                             number in other volumes (a note) */
  CG_CHECK_ADOPTED_BY,    /* an `adopted_by` that is not the identifier of a
                             resolution or decision of a catalogued body */
  CG_CHECK_NO_ENGLISH,    /* an instrument without an English full title */
  CG_CHECK_CLITIC,        /* a word of a name that begins with a clitic prefix
                             of its language (Arabic "لاتفاقية" = ل +
                             اتفاقية): being in the vocabulary, it is read
                             whole; read split too for titles (a note), it
                             hides a citation word after the clitic, and a
                             title where the whole word starts a name itself
                             (warnings) */
  CG_CHECK_UNREAD_LANGUAGE, /* names in a language without a vocabulary: never
                               matched */
  CG_CHECK_UNKNOWN_KEY    /* a key the loader does not read (misspelled or
                             misplaced: it has no effect) */
} cg_check_kind;

typedef struct {
  cg_check_kind kind;
  int warning;          /* 1: to fix or decide; 0: a note */
  const char *lang;     /* language code, or "" */
  const char *name;     /* the name, form, word, number ("vol. 729, No.
                           10485") or identifier concerned, as written */
  const char *context;  /* the whole name a word or form stands in, or "" */
  const char *file;     /* where it is written: catalogue file, 1-based line
                           and column ("" and 0 when none) */
  unsigned long line, column;
  const char *const *instruments; /* identifiers of the instruments concerned,
                                     in catalogue order */
  size_t ninstruments;
  const char *body;     /* the body concerned (its key), or "" */
  const char *detail;   /* one English sentence: what it means */
} cg_check_finding;

/* Per language with a vocabulary: how many instruments have a full title in
 * it, and how many have any name (full, short or abbreviation). */
typedef struct {
  const char *lang;
  size_t full;
  size_t named;
} cg_check_coverage;

typedef struct cg_check_report cg_check_report;

/* Loads the catalogue in `dir` as cg_catalog_load does, then analyses it. On
 * success stores a new report in `*out` (free it with cg_check_report_free;
 * it keeps nothing of the catalogue). A catalogue that does not load is
 * reported as cg_catalog_load reports it: `*out` NULL, the status, and file,
 * line, column and reason in `diag`. CG_ERR_NOMEM when out of memory.
 * Findings come grouped by kind in the order of cg_check_kind, then by
 * language: the same catalogue always gives the same report. Thread-safe
 * (it shares nothing between calls). Time: O(N²) for N names in the
 * catalogue (a fraction of a second for refs/). */
cg_status cg_catalog_check(const char *dir, cg_check_report **out,
                           cg_diag *diag);
void cg_check_report_free(cg_check_report *rep);

/* The findings; NULL past the end. Valid until cg_check_report_free. */
size_t cg_check_report_count(const cg_check_report *rep);
const cg_check_finding *cg_check_report_finding(const cg_check_report *rep,
                                                size_t i);
/* Findings that are warnings. */
size_t cg_check_report_warnings(const cg_check_report *rep);

/* Instruments and bodies in the catalogue. */
size_t cg_check_report_instruments(const cg_check_report *rep);
size_t cg_check_report_bodies(const cg_check_report *rep);

/* Coverage per language with a vocabulary, in the order of their codes;
 * NULL past the end. */
size_t cg_check_report_languages(const cg_check_report *rep);
const cg_check_coverage *cg_check_report_coverage(const cg_check_report *rep,
                                                  size_t i);

/* Lower-case name of a kind, for machine-readable output: "ambiguous",
 * "generic", "body_name", "treaty_series", "adopted_by", "no_english",
 * "clitic", "unread_language". Never NULL. */
const char *cg_check_kind_name(cg_check_kind kind);

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
  unsigned page;        /* the page it stands on (PDF, see
                           cg_options.source), or 0 */
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
  const char *self_source; /* where `self` was read: "front matter",
                              "heading" (the text's title block or
                              masthead), the options' self_source, or "" */
  const char *format;   /* the format read (cg_text_format of the options'
                           source), "text" without a source */
  const char *encoding; /* decoded from (cg_text_encoding), "utf-8" without
                           a source, "" for PDF and Word */
  unsigned pages;       /* pages of a PDF source, or 0 */
} cg_document;

typedef struct cg_result cg_result;

/* Options for cg_extract. Zero-initialise, then set what you need. */
typedef struct {
  const char *lang; /* force a language ("es"); NULL or "" detects it */
  int unresolved;   /* nonzero: also collect what looks like a citation but
                       got no target (cg_result_unresolved) */
  const char *self; /* the document's identifier when its text does not
                       give one (a PDF masthead, the file name); NULL or ""
                       for none. Front matter and heading come first. */
  const char *self_source; /* where `self` comes from ("masthead",
                              "file name"): copied to the document */
  const cg_text *source; /* the file the text was read from, when it came
                            through cg_text_load (and text is its
                            cg_text_data): gives the document its format
                            and encoding, and each citation its page */
  const char *lang_hint; /* the language the file's name or its metadata
                            suggests ("fr"; cg_name_identity): taken when
                            the text itself shows none, or when it shows
                            that language as much as any other ("en" is in
                            French and Spanish). NULL or "" for none; front
                            matter's `lang` comes first; ignored when the
                            catalogue has no such language */
} cg_options;

/* Something that looks like a citation but got no target: a numbered
 * resolution whose body the text does not settle, a name several
 * instruments share, a title the catalogue does not know, a Treaty Series
 * number it does not have. Offsets as for cg_citation. */
typedef struct {
  size_t start, end;
  const char *reason; /* static English phrase: "body not determined",
                         "name shared by several instruments", "no
                         instrument of that name named before", "title not
                         in the catalogue", "Treaty Series number not in
                         the catalogue", "instrument of the provision not
                         determined", "committee not determined" */
} cg_unresolved;

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

/* The unresolved candidates, in text order, when cg_options.unresolved was
 * set (else none). Valid as long as the result. */
size_t cg_result_unresolved_count(const cg_result *res);
const cg_unresolved *cg_result_unresolved(const cg_result *res, size_t i);

/* Whether `id` is an identifier as docs/identifiers.md defines them: 1 to
 * CG_IDENTIFIER_MAX - 1 characters, each an ASCII letter or digit or one of
 * / . - ( ) # _ +. Every identifier that reaches a graph (targets, a
 * document's own symbol from its front matter, its heading or its records,
 * catalogue ids) passes this check; one that does not is never used.
 * Time: O(length). */
#define CG_IDENTIFIER_MAX 256
int cg_identifier_valid(const char *id);

/* Lower-case English name of a kind ("resolution", "provision", …) and of a
 * place ("preamble", …). Never NULL. */
const char *cg_kind_name(cg_kind kind);
const char *cg_place_name(cg_place place);


/* ------------------------------------------------------------ records */

/* Citation records: what `citegraph extract` writes, one document record
 * then one record per citation (fields in docs/cli.md). JSON Lines records
 * can be read back (cg_records_parse) and give the same graph as the texts
 * they were extracted from: a corpus extracted in shards, on any number of
 * machines, is merged by concatenating the records. */
typedef enum {
  CG_RECORDS_NONE,  /* no records (a corpus run that only builds a graph) */
  CG_RECORDS_JSONL, /* JSON Lines: document record, then citation records */
  CG_RECORDS_TSV    /* tab-separated: one row per citation, no document row */
} cg_record_format;

/* The line to write once before TSV records (column names, with its
 * newline); "" for JSON Lines. Static, never NULL. */
const char *cg_records_header(cg_record_format format);

/* Writes the records of one document: `file` names it (the "file" field, and
 * "doc" when the text does not give its own identifier); `text` is the text
 * `res` was extracted from (for the cited text of each citation). Strings
 * are written as valid UTF-8 (anything else becomes U+FFFD); TSV fields
 * have tabs and newlines turned into spaces. Returns CG_ERR_ARG for a bad
 * argument, CG_ERR_IO when the stream reports an error. Time: O(size of the
 * records). */
cg_status cg_records_write(FILE *f, cg_record_format format, const char *file,
                           const char *text, const cg_result *res);

/* The same records in a new NUL-terminated buffer; `*len` (if not NULL)
 * receives their length. The caller frees the buffer with cg_free. NULL when
 * out of memory or for a bad argument. */
char *cg_records_string(cg_record_format format, const char *file,
                        const char *text, const cg_result *res, size_t *len);

/* Documents read back from JSON Lines records. Immutable. */
typedef struct cg_records cg_records;

/* Whether `data` holds records rather than a text: its first line that is
 * not blank is a JSON object with a "record" member. Time: O(first line). */
int cg_records_detect(const char *data, size_t len);

/* Reads JSON Lines records (`len` bytes; blank lines allowed) into a new
 * cg_records stored in `*out` (free it with cg_records_free). Each citation
 * record must follow the document record of its "doc", and a document's
 * "citations" count must match the citation records that follow it, so a
 * truncated shard is an error rather than a smaller graph. Members that are
 * not used, and records of another "record" type, are skipped: records may
 * gain fields. `file` names the input in `diag`. On failure `*out` is NULL,
 * and CG_ERR_INPUT comes with line, column and reason in `diag`;
 * CG_ERR_NOMEM when out of memory. Time: O(len). */
cg_status cg_records_parse(const char *data, size_t len, const char *file,
                           cg_records **out, cg_diag *diag);
void cg_records_free(cg_records *recs);

/* The documents read, in input order: the i-th one's citations as a
 * cg_result (target, body, number, date, kind, place, paragraph, footnote,
 * offsets; the cited text is not kept) and its "file" (or "doc" when the
 * record has no "file"). Valid until cg_records_free. NULL past the end. */
size_t cg_records_count(const cg_records *recs);
const cg_result *cg_records_result(const cg_records *recs, size_t i);
const char *cg_records_file(const cg_records *recs, size_t i);

/* ------------------------------------------------------------ graph */

/* The citation graph of one or more documents, built with igraph. One
 * vertex per identifier (a cited resolution that is also in the corpus is
 * one vertex), one "cites" edge per citing document and target, weighted by
 * the number of mentions, "part_of" edges from provisions to their
 * instrument ("UNTOC#art_32" -> "UNTOC"), and "adopted_by" edges from an
 * instrument to the resolution that adopted it ("AGENDA2030" ->
 * "A/RES/70/1"). Not thread-safe. */
typedef struct cg_graph cg_graph;

/* Creates an empty graph. `cat` (borrowed, must outlive the graph) gives
 * titles and body names for labels. Returns NULL when out of memory. */
cg_graph *cg_graph_new(const cg_catalog *cat);
void cg_graph_free(cg_graph *g);

/* Adds one document's citations (as returned by cg_extract). `file` names
 * the document when its own identifier is unknown. Citations without a
 * target are not added. Time: O(citations). */
cg_status cg_graph_add(cg_graph *g, const cg_result *res, const char *file);

/* Adds every document of `recs`, in order, as cg_graph_add does with each
 * one's file: records of the documents, in the order they were extracted,
 * give the same graph as the texts. Time: O(citations). */
cg_status cg_graph_add_records(cg_graph *g, const cg_records *recs);

/* Computes the metrics of every vertex with igraph: citations (distinct
 * citing documents, a provision's counting for its instrument too),
 * mentions, PageRank, HITS hub and authority, betweenness, weakly connected
 * component and community (Leiden by default, Louvain on request: see
 * cg_graph_set_communities; seeded, so results are reproducible).
 * Betweenness is computed here, with igraph_betweenness_cutoff's values
 * (directed, unweighted). Exact betweenness above `CG_BETWEENNESS_EXACT`
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

/* How cg_graph_analyse finds communities, both on the undirected projection
 * of the citation graph weighted by mentions. Leiden maximises modularity
 * (node weights the vertices' strengths, resolution 1 / (2 * total weight),
 * beta 0.01, two iterations); Louvain is igraph's multilevel method at
 * resolution 1. Both draw from the generator python-igraph uses, Python's
 * random module (MT19937), seeded with CG_COMMUNITY_SEED: the same graph
 * gives the same communities, here and in python-igraph after
 * random.seed(CG_COMMUNITY_SEED) on the GraphML written (vertices and edges
 * in its order). igraph's default generator is left as it was. */
#define CG_COMMUNITY_SEED 20261129
typedef enum {
  CG_COMMUNITIES_LEIDEN,  /* the default */
  CG_COMMUNITIES_LOUVAIN
} cg_communities;

/* Chooses the community method for the next cg_graph_analyse. Returns
 * CG_ERR_ARG for a NULL graph or an unknown method. Time: O(1). */
cg_status cg_graph_set_communities(cg_graph *g, cg_communities method);

/* Seconds (wall clock) that the last cg_graph_analyse spent on each
 * analysis, and what the community detection found. */
typedef struct {
  double prepare;     /* sorting, labels, citation counts, igraph graphs */
  double pagerank, hits, betweenness, components, communities;
  long ncommunities;  /* communities found */
  double modularity;  /* of those communities (weighted, undirected) */
  cg_communities method;
} cg_analysis_stats;

/* Fills `out` from the last cg_graph_analyse (all zero before one).
 * Time: O(1). */
void cg_graph_analysis_stats(const cg_graph *g, cg_analysis_stats *out);

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
  const char *type;   /* "cites", "part_of" (provision -> instrument) or
                         "adopted_by" (instrument -> adopting resolution) */
  long weight;        /* mentions (1 for part_of and adopted_by) */
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
  CG_FORMAT_PDF,
  CG_FORMAT_HTML    /* an interactive report: picture, search, ranking */
} cg_format;

/* What to keep when writing: all zero keeps everything.
 *
 * `body`, `kind` and the years choose vertices; a chosen document of the
 * corpus keeps what it cites (and the instruments of the provisions it
 * cites), so choosing the Council's resolutions of 1990 keeps their own
 * citations. `top` then keeps the N most cited of those (by citing
 * documents, then PageRank, then identifier) and the edges among them,
 * and `citers` the documents citing most of those;
 * pictures say for each kept vertex how many of its citing documents the
 * cut left out. */
typedef struct {
  size_t top;          /* keep the N most-cited vertices; 0 keeps all */
  size_t citers;       /* with top: also keep up to this many documents of
                          the corpus, those citing the most kept vertices
                          (ties by identifier) */
  const char *body;    /* keep vertices of this body */
  const char *kind;    /* keep vertices of this kind */
  int year_from, year_to; /* keep vertices dated in this range */
} cg_filter;

/* Parses a format name ("graphml", "dot", "csv", "cypher", "json", "svg",
 * "png", "pdf", "html") or a file name's extension. Returns 0 on success. */
int cg_format_parse(const char *name, cg_format *out);

/* Writes the graph to `path`, into what the path names:
 *   - a regular file, or a name not yet taken: written into a temporary
 *     file beside it and renamed over `path` only when complete, so a
 *     failure never leaves a truncated file (a replaced file keeps its
 *     permissions);
 *   - a symbolic link: followed; the file it points at is written in
 *     place (created if missing) and the link stays;
 *   - a device (/dev/null) or a FIFO: written in place, never replaced;
 *   - "-": standard output (every format but CSV).
 * For CG_FORMAT_CSV `path` is a directory that receives nodes.csv and
 * relationships.csv, written as above: an existing directory, or a name
 * ending in '/' for one to create; a CSV write never creates a directory
 * otherwise. SVG, PNG, PDF and HTML are drawn as cg_graph_draw does with
 * default options. Strings are written
 * as valid UTF-8 without the characters XML 1.0 forbids: controls other
 * than tab are dropped, U+FFFE, U+FFFF and invalid sequences (lone
 * surrogates included) become U+FFFD; in DOT, a backslash becomes U+29F5,
 * since Graphviz reads no escape for it that holds everywhere. Call
 * cg_graph_analyse first for the metrics. A write blocked on a FIFO or a
 * pipe and interrupted by a signal fails with CG_ERR_IO.
 * Errors: CG_ERR_ARG for a destination cg_graph_write_check refuses,
 * CG_ERR_IO when the destination cannot be written, with the reason. */
cg_status cg_graph_write(const cg_graph *g, cg_format format, const char *path,
                         const cg_filter *filter, cg_diag *diag);

/* Whether cg_graph_write could write `format` to `path`, before any work:
 * CG_ERR_ARG with the reason in diag for a CSV destination that is "-",
 * not a directory, or missing without a trailing '/'; for another format,
 * a directory, or a file whose folder does not exist. Creates nothing.
 * Time: O(1) (a stat or two). */
cg_status cg_graph_write_check(cg_format format, const char *path,
                               cg_diag *diag);


/* ------------------------------------------------------------ corpus runs */

/* A corpus run reads many files with worker threads and hands their
 * documents over one by one in input order, so that what comes out does not
 * depend on the number of workers. Paths are files ("-" is standard input)
 * or directories, whose files are read recursively in name order (hidden
 * entries skipped, symbolic-link loops detected). A file that cannot be read
 * or is binary is reported and skipped; the others are still processed. */

/* What the files of a run hold. */
typedef enum {
  CG_INPUT_TEXTS,   /* texts to extract citations from */
  CG_INPUT_RECORDS, /* JSON Lines records written by a previous extraction */
  CG_INPUT_AUTO     /* each file: records if cg_records_detect says so */
} cg_input;

typedef enum { CG_MSG_ERROR, CG_MSG_WARNING } cg_severity;

/* A message about one input: an error (the file, or part of it, was not
 * used) or a warning (it was, but something is odd). */
typedef struct {
  cg_severity severity;
  const char *file;     /* the path, or "(stdin)" */
  unsigned long line, column; /* 1-based place in a records file, or 0 */
  const char *text;     /* "binary file (NUL byte at byte 7), skipped",
                           "empty file", "directory loop, skipped", … */
} cg_corpus_message;

/* One document handed over by a run. Pointers are valid during the
 * callback only. */
typedef struct {
  size_t index;         /* the file's position in input order, from 0 */
  const char *path;     /* the file as walked, "-" for standard input */
  const char *name;     /* the document's file name: the path, "(stdin)",
                           or the "file" of a record */
  const char *format;   /* how the file was read: "text", "markdown",
                           "html", "docx", "pdf", or "records" */
  unsigned long long bytes; /* size of the file */
  const cg_result *result; /* the document; for texts, only when
                              cg_corpus_options.results is set, else NULL */
  const char *records;  /* texts: the document's records in
                           cg_corpus_options.records, else NULL */
  size_t records_len;
} cg_corpus_doc;

/* Options of a run. Zero-initialise, then set what you need. */
typedef struct {
  const char *lang;     /* force a language; NULL detects it per document */
  unsigned jobs;        /* worker threads, 1 to 64; 0: one per core */
  cg_input input;       /* CG_INPUT_TEXTS (0) by default */
  cg_record_format records; /* format each text's records in the workers */
  int results;          /* pass each text's result to on_document (workers
                           then wait for their turn instead of running up to
                           64 files ahead: slower) */
  cg_graph *graph;      /* if set, every document is added to it in order */
  /* Called once per document, in input order. A status other than CG_OK
   * stops the run, which returns it. */
  cg_status (*on_document)(void *ctx, const cg_corpus_doc *doc);
  /* Called for each message: a file's come just before its documents. */
  void (*on_message)(void *ctx, const cg_corpus_message *msg);
  /* Called after each file with the files and bytes handed over so far. */
  void (*on_progress)(void *ctx, size_t files, unsigned long long bytes);
  void *ctx;            /* passed to the callbacks */
  /* If set, the run stops soon after *cancel becomes nonzero (a signal
   * handler may set it): files started are finished, later ones are not
   * read, and the stats say cancelled. A read waiting on standard input,
   * a FIFO or a device gives up within a tenth of a second. */
  const volatile sig_atomic_t *cancel;
  int unresolved;       /* also write "unresolved" records (JSON Lines) or
                           rows (TSV): see cg_options.unresolved */
  const char *encoding; /* force the encoding of text and HTML files (see
                           cg_text_options); NULL detects it per file */
  int ignore_file_names; /* 1: a file's name never gives the document its
                            identity (cg_name_identity); 0: it does when
                            the text gives none */
  /* Which files a folder's walk reads (files named in `paths` are always
   * read). By default: documents (.txt, .md, .markdown, .text, .html,
   * .htm, .xhtml, .pdf, .docx, and names without an extension; records,
   * .jsonl and .json, when `input` is not CG_INPUT_TEXTS), not a folder's
   * notes (SOURCE.md, README*, LICENSE*, CHANGELOG*); other files (data,
   * images, archives) are skipped and counted in cg_corpus_stats.skipped.
   * With `include`, only files whose name (or, for a pattern with '/', whose
   * path) matches one of the fnmatch(3) patterns; `exclude` then leaves out
   * the ones matching its patterns. */
  const char *const *include;
  size_t ninclude;
  const char *const *exclude;
  size_t nexclude;
  /* The size limit of every file, in bytes: a larger regular file is
   * refused before it is read, and standard input, a FIFO or a device is
   * read up to the limit, then refused. 0 means CG_MAX_SIZE_DEFAULT. */
  unsigned long long max_size;
} cg_corpus_options;

#define CG_MAX_SIZE_DEFAULT (256ULL << 20)

typedef struct {
  size_t files;         /* files handed over */
  size_t documents;     /* documents handed over */
  size_t failed;        /* error messages: inputs, or parts, not used */
  unsigned long long bytes; /* bytes of the files handed over */
  int cancelled;        /* stopped through cg_corpus_options.cancel */
  size_t skipped;       /* files a folder's walk left out (not documents,
                           or --exclude) */
} cg_corpus_stats;

/* Runs over `paths` with the catalogue `cat` (shared read-only by the
 * workers). The callbacks are never called at the same time (they may be
 * called from any worker thread); they must not call cg_corpus_run. Memory
 * stays bounded whatever the number of files: the walk hands files over in
 * batches and at most 64 finished files wait for their turn.
 * Returns CG_OK when the run went through, even if some files failed (see
 * the messages and stats->failed) or it was cancelled; CG_ERR_NOMEM when out
 * of memory, a callback's status, or cg_graph_add's, stopping the run;
 * CG_ERR_ARG for bad options. `stats` (may be NULL) is filled in any case.
 * Time: O(total size of the files). */
cg_status cg_corpus_run(const cg_catalog *cat, const char *const *paths,
                        size_t npaths, const cg_corpus_options *opts,
                        cg_corpus_stats *stats, cg_diag *diag);

/* The number of worker threads a run uses when jobs is 0: the cores online,
 * at most 64. */
unsigned cg_default_jobs(void);

/* ------------------------------------------------------------ ranking */

/* What `citegraph top` ranks by. */
typedef enum {
  CG_RANK_CITATIONS,  /* distinct citing documents */
  CG_RANK_MENTIONS,   /* citation occurrences */
  CG_RANK_PAGERANK,
  CG_RANK_AUTHORITY,  /* HITS authority */
  CG_RANK_COCITATION  /* pairs of instruments cited by the same documents */
} cg_rank_by;

typedef enum {
  CG_RANK_TABLE,
  CG_RANK_TSV,
  CG_RANK_JSON,
  CG_RANK_JSONL /* the JSON array's objects, one per line */
} cg_rank_format;

/* Options of a ranking. Zero-initialise, then set what you need. */
typedef struct {
  cg_rank_by by;
  size_t max;         /* how many to keep; 0 keeps all (cocitation: 20) */
  const char *kind;   /* keep this vertex kind; "all" keeps every kind;
                         NULL keeps all but provisions */
  const char *body;   /* keep this body's vertices; NULL any */
  int year_from, year_to; /* keep vertices dated in this range (both
                             years included); 0 leaves that end open */
} cg_rank_options;

/* One ranked vertex, or pair of vertices for CG_RANK_COCITATION. */
typedef struct {
  size_t vertex;      /* index for cg_graph_vertex (the first of a pair) */
  size_t second;      /* the second of a pair, or SIZE_MAX */
  double value;       /* the metric (cocitation: documents citing both) */
  double share;       /* percent: of the documents (citations), of all
                         mentions (mentions), the score itself (pagerank,
                         authority); 0 for pairs */
} cg_rank_entry;

/* Parses "citations", "mentions", "pagerank", "authority", "cocitation";
 * and "table", "tsv", "json", "jsonl". Return 0 on success. */
int cg_rank_by_parse(const char *name, cg_rank_by *out);
int cg_rank_format_parse(const char *name, cg_rank_format *out);

/* Ranks the vertices of an analysed graph that have at least one citation
 * and pass the filters, by the metric, most first; ties are broken by citing
 * documents, then mentions, then PageRank, then identifier, so the order is
 * total. Pairs are ranked by cg_graph_cocitations. Stores a new array of
 * `*n` entries in `*out`, freed by the caller with cg_free. Returns
 * CG_ERR_ARG for bad options, CG_ERR_NOMEM when out of memory.
 * Time: O(|V| log |V|); cocitation O(sum over documents of targets^2). */
cg_status cg_graph_rank(const cg_graph *g, const cg_rank_options *opts,
                        cg_rank_entry **out, size_t *n);

/* Writes a ranking as `citegraph top` prints it: an aligned table with
 * shares, titles (cut at 60 characters) and a closing line, TSV with a
 * header (title last), a JSON array, or JSON Lines (one object per line).
 * Returns CG_ERR_IO when the stream reports an error (the caller still
 * checks its final flush). Time: O(n). */
cg_status cg_rank_write(FILE *f, const cg_graph *g, const cg_rank_options *opts,
                        const cg_rank_entry *entries, size_t n,
                        cg_rank_format format);
/* ------------------------------------------------------------ pictures */

/* How vertices are placed. */
typedef enum {
  CG_LAYOUT_AUTO = 0, /* layered for up to CG_DRAW_SMALL vertices cited by
                         up to CG_DRAW_FEW_CITING documents, else force */
  CG_LAYOUT_LAYERED,  /* Graphviz dot: citing documents left of what they
                         cite */
  CG_LAYOUT_FORCE,    /* Graphviz neato (sfdp above CG_DRAW_SFDP vertices),
                         overlaps removed */
  CG_LAYOUT_TIME      /* dated vertices in columns by year under a year
                         axis, undated ones in a column of their own */
} cg_layout;

/* What a vertex's fill colour says. */
typedef enum {
  CG_COLOR_AUTO = 0, /* body when the drawing has several, else kind */
  CG_COLOR_BODY,     /* the issuing body; instruments one colour */
  CG_COLOR_KIND,     /* resolution, decision, instrument, provision, ... */
  CG_COLOR_COMMUNITY /* the Louvain community (the largest eight) */
} cg_color;

/* Called while a picture is made, from the calling thread: `phase` is a
 * static description ("laying out 1988 vertices and 4563 edges (sfdp)"),
 * `seconds` the time since the phase began; about twice a second during
 * the layout. */
typedef void (*cg_progress_fn)(const char *phase, double seconds, void *data);

/* Options of a picture. Zero-initialise, then set what you need. */
typedef struct {
  cg_layout layout;
  cg_color color;
  cg_progress_fn progress; /* or NULL */
  void *progress_data;
  const char *title;       /* replaces the title derived from the corpus;
                              NULL or "" derives it */
} cg_draw_options;

/* Sizes the layouts are chosen and limited by. */
#define CG_DRAW_SMALL 80      /* auto: layered up to this many vertices */
#define CG_DRAW_FEW_CITING 5  /* ... and this many citing documents */
#define CG_DRAW_SFDP 400      /* force: sfdp above this many vertices */
#define CG_DRAW_MAX_LAYERED 400 /* layered and time layouts, at most */
#define CG_DRAW_MAX_FORCE 20000 /* force layout, at most (vertices) */

/* Draws the graph (after `filter`) into `path`, atomically, as SVG, PNG,
 * PDF, or an HTML report: one self-contained file that works offline,
 * with the SVG picture (zoom and pan, search, a list of citing and cited
 * documents for a clicked vertex with links to the documents), the
 * ranking table (sortable, filtered by body, kind and year) and a chart of
 * citations per year.
 *
 * The picture: vertex area grows with citing documents, fill colour by
 * `opts->color`, a thick border for documents of the corpus, a dashed one
 * for provisions, edge width by mentions, dashed part_of edges; a title
 * naming what was drawn (the corpus's bodies and years, the cut) and a
 * legend explaining each encoding. Labels never overlap (they are inside
 * their vertex and vertices never overlap); no side is more than three
 * times the other.
 *
 * Too many vertices for the layout (CG_DRAW_MAX_LAYERED,
 * CG_DRAW_MAX_FORCE) is CG_ERR_ARG, with advice in diag; Graphviz failures
 * are CG_ERR_INPUT with Graphviz's message. Graphviz is not thread-safe:
 * draw from one thread at a time. `opts` may be NULL. Time: the layout's
 * (dot and neato grow quadratically or worse, sfdp about O(n log n)). */
cg_status cg_graph_draw(const cg_graph *g, cg_format format, const char *path,
                        const cg_filter *filter, const cg_draw_options *opts,
                        cg_diag *diag);

#ifdef __cplusplus
}
#endif
#endif /* CITEGRAPH_H */
