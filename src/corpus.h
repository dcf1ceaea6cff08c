/* corpus.h — internal parts of a corpus run: how a path becomes text.
 *
 * corpus_load_file is the one place where a file turns into the text the
 * extractor reads: it reads the bytes and hands them to input_load
 * (input.h), which recognises PDF, Word, HTML and text in any encoding,
 * converts them and names the format; everything after (extraction,
 * records, graph) is the same for all. */
#ifndef CG_CORPUS_H
#define CG_CORPUS_H

#include <stddef.h>

#include "citegraph.h"
#include "input.h"

/* A file's text held in memory. Zero-initialise; reuse from one file to the
 * next (the read buffer is kept); free with corpus_text_free. */
typedef struct {
  const char *data;   /* the text, valid until the next load or release */
  size_t len;
  const char *format; /* how it was read: "text", "markdown", "html",
                         "docx", "pdf" (static strings) */
  size_t file_len;    /* bytes of the file */
  cg_text conv;       /* the text as input_load read it (data points into
                         it, or into the file's bytes for UTF-8 text) */
  /* storage of the file's bytes: large regular files are mapped, others
   * read into buf */
  const char *raw;
  int mapped;
  char *buf;
  size_t cap;
  /* Set by the caller before a load: the size limit in bytes (0: no
   * limit), and a flag that abandons a read waiting on a FIFO, a pipe or
   * a device (may be NULL). */
  unsigned long long max_size;
  const volatile sig_atomic_t *cancel;
} corpus_text;

/* Loads `path` ("-" is standard input) into `t`, read by input_load with
 * `opt` (may be NULL): PDF, Word, HTML, text in any encoding. Returns 0; or
 * -1 when the file cannot be used, with the reason in msg ("No such file
 * or directory", "is a directory", "binary file (NUL byte at byte 7), …,
 * skipped", "cannot be read as WINDOWS-1252: byte 18 (0x81) …", "300 MiB,
 * more than the size limit of 256 MiB (--max-size); skipped"); or -2
 * when out of memory. Time: O(size of the file); PDF layout more. */
int corpus_load_file(const char *path, corpus_text *t,
                     const input_options *opt, char *msg, size_t cap);

/* Unmaps a mapped text; keeps the read buffer for the next load. */
void corpus_text_release(corpus_text *t);
void corpus_text_free(corpus_text *t);

#endif
