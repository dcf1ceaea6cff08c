/* input.h — documents as people have them, turned into UTF-8 text.
 *
 * One entry point, input_load, takes a file's bytes and gives the text the
 * extractor reads: plain text and Markdown after decoding their encoding,
 * PDF through poppler, Word (.docx) through libzip and libxml2, HTML
 * through libxml2's HTML parser.
 *
 * Footnotes reach the extractor in the form it already reads: every note
 * of a converted document is written after the body as a Markdown footnote
 * definition, "[^3]: text", followed by a blank line, and the note's
 * reference in the body as "[^3]". The scanner turns each definition into a
 * T_FOOTNOTE token, so the citations inside have place "footnote" and the
 * note's number; the blank line ends the note.
 *
 * Offsets: citations found in the converted text point into that text
 * (input_text.text), never into the original bytes. For PDF the text keeps
 * a map from offsets to pages (input_page_at). */
#ifndef CG_INPUT_H
#define CG_INPUT_H

#include <stddef.h>

#include "citegraph.h"
#include "util.h"

typedef enum {
  INPUT_TEXT,
  INPUT_MARKDOWN,
  INPUT_HTML,
  INPUT_DOCX,
  INPUT_PDF
} input_format;

typedef struct {
  /* Force the source encoding of a text or HTML file ("windows-1252",
   * "utf-16le", "latin1", any name iconv knows); NULL or "" detects it. */
  const char *encoding;
  /* Called, when set, as a reader finishes with the bytes below `upto` for
   * now (they may be read again later): the owner of a large file's
   * mapping lets those pages go, so that a pass over the whole file does
   * not hold it in memory. */
  void (*release)(void *ctx, size_t upto);
  void *release_ctx;
} input_options;

/* A run of the converted text that came from one page. */
typedef struct {
  size_t start; /* first byte of the run in the text */
  unsigned page; /* 1-based */
} input_page_run;

/* A footnote or endnote as written into the converted text: [start, end)
 * covers its "[^n]: …" definition. */
typedef struct {
  size_t start, end;
  unsigned number;
} input_note;

typedef struct {
  const char *text; /* UTF-8: either `own`, or the caller's bytes when they
                       are UTF-8 already (then offsets are file offsets) */
  size_t len;
  char *own;        /* converted text, NUL-terminated, or NULL */
  input_format format;
  char encoding[32]; /* what the bytes were decoded from: "utf-8",
                        "utf-16le", "windows-1252", …; "" for binary
                        formats whose text is Unicode inside */
  VEC(input_page_run) pages; /* PDF: in offset order; empty otherwise */
  unsigned npages;           /* PDF: number of pages */
  VEC(input_note) notes;
  char title[256];   /* PDF metadata title or subject, or "" */
  char symbol[96];   /* the symbol printed in the masthead, or "" */
  const char *symbol_source; /* "masthead", "metadata", or "" */
} input_text;

/* Reads `len` bytes of the file `path` (used for its name and extension
 * only; may be NULL or "-") into `out` (zero-initialised by the call; free
 * with input_text_free, also after a failure). The format is taken from
 * the bytes themselves (%PDF, a zip holding word/document.xml, an HTML
 * start tag) and then from the extension.
 * Errors: CG_ERR_INPUT with a message in diag for a file that cannot be
 * decoded in the detected or forced encoding, a damaged PDF or Word file,
 * an encrypted PDF; CG_ERR_ARG for an unknown forced encoding;
 * CG_ERR_NOMEM. Nothing is half-read: on failure out->text is NULL.
 * Time: O(len) for text and HTML; PDF layout is O(glyphs log glyphs) per
 * page. */
cg_status input_load(const char *path, const char *bytes, size_t len,
                     const input_options *opt, input_text *out,
                     cg_diag *diag);

void input_text_free(input_text *in);

/* What cg_text_load returns: one input_text. */
struct cg_text {
  input_text t;
};

/* The page (1-based) the byte `offset` of in->text comes from, or 0 when
 * the format has no pages. O(log runs). */
unsigned input_page_at(const input_text *in, size_t offset);

/* Name of a format: "text", "markdown", "html", "docx", "pdf". */
const char *input_format_name(input_format f);

/* ---------------------------------------------------- shared by readers */

/* Where a reader writes: the body, and the notes kept apart until the end. */
typedef struct {
  cg_buf body;
  cg_buf notes;        /* "[^n]: text\n\n" each */
  VEC(input_note) note_pos; /* offsets into `notes` */
  unsigned page;       /* the page being read (PDF), or 0 */
  VEC(input_page_run) body_runs, note_runs;
  int failed;          /* out of memory */
  int pending_break;   /* a paragraph break is due before the next text */
  int pending_space;   /* a space is due before the next text */
  int pending_newline; /* that white space held a line break (none is due
                          between two Chinese characters) */
  int glue;            /* the next text joins without a space */
} text_sink;

/* Appends running text to the body: white space collapsed to one space,
 * paragraph breaks written as one blank line. */
void sink_text(text_sink *s, const char *t, size_t n);
/* Ends the current paragraph (a blank line before what follows). */
void sink_break(text_sink *s);
/* A line break inside a paragraph. */
void sink_newline(text_sink *s);
/* Writes a note reference "[^n]" at the current place of the body. */
void sink_note_ref(text_sink *s, unsigned number);
/* Adds note `number` with text t[0..n), white space collapsed. */
void sink_note(text_sink *s, unsigned number, const char *t, size_t n);
/* Moves body + notes into `out` (text, len, notes). Frees the sink. */
cg_status sink_finish(text_sink *s, input_text *out, cg_diag *diag);
void sink_free(text_sink *s);

/* The readers, each called by input_load with out zeroed. */
cg_status input_read_pdf(const char *bytes, size_t len, input_text *out,
                         cg_diag *diag);
cg_status input_read_docx(const char *bytes, size_t len, input_text *out,
                          cg_diag *diag);
cg_status input_read_html(const char *utf8, size_t len, input_text *out,
                          cg_diag *diag);

/* Decodes `len` bytes into UTF-8. When the bytes are UTF-8 already (BOM
 * included, so that offsets stay file offsets) *out is NULL and the bytes
 * are to be read as they are; otherwise *out is the converted text
 * (NUL-terminated, the caller frees it with free()).
 * `opt->encoding` names an encoding to use, NULL or "" detects (opt may be
 * NULL; its release hook hears how far the UTF-8 check has read):
 * a BOM (UTF-8, UTF-16 LE/BE, UTF-32), UTF-16 without BOM from the
 * pattern of zero bytes, valid UTF-8, then uchardet, with Windows-1252 as
 * the last resort for bytes that are not UTF-8 — every byte of it has a
 * meaning except five, so the decision is checked: a file holding those
 * bytes is refused rather than read wrong. A UTF-8 file with a few damaged
 * sequences among valid ones stays UTF-8 (the extractor counts them).
 * The encoding used is written to `used` (at least 32 bytes). A converted
 * BOM is dropped. Bytes that look like a binary file (NUL bytes, control
 * characters) are refused. Errors: CG_ERR_INPUT
 * when the bytes are not valid in the encoding (diag says at which byte),
 * CG_ERR_ARG for an unknown forced encoding, CG_ERR_NOMEM. */
cg_status input_decode(const char *bytes, size_t len, const input_options *opt,
                       char **out, size_t *out_len, char *used,
                       cg_diag *diag);

/* ---------------------------------------------------- identity from name */

/* The symbol and language a file name gives, when it follows the pattern
 * of the UN's own file names: the symbol with '/' written as '_', an
 * optional language code, an extension.
 *   A_RES_79_32.pdf       -> A/RES/79/32
 *   S_RES_1_1946.en.txt   -> S/RES/1(1946)   (a Security Council resolution
 *                            number followed by its year)
 *   A_68_908.fr.txt       -> A/68/908, language "fr"
 *   A_RES_80_10-EN.pdf    -> A/RES/80/10, language "en"
 * The name must start with an upper-case symbol root followed by '_'
 * (A, S, E, CTOC, …), and hold only letters, digits, '_', '.', '-'.
 * Writes the symbol (NUL-terminated, at most `cap` bytes) and the
 * language ("" when the name has none; at least 8 bytes). Returns 1 when
 * the name follows the pattern, 0 otherwise. */
int input_name_identity(const char *path, char *symbol, size_t cap,
                        char *lang);

/* The language code a file's name gives after its stem, as
 * input_name_identity reads it, whatever the stem ("report.fr.txt" ->
 * "fr"; at least 8 bytes). Returns 1 when there is one, else 0 (""). */
int input_name_lang(const char *path, char *lang);

#endif
