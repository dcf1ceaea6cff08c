/* fuzz_input.c — libFuzzer targets: one input path on arbitrary bytes,
 * then the extractor on the text it gives. Built once per path with
 * -DFUZZ_PDF, -DFUZZ_DOCX, -DFUZZ_HTML or -DFUZZ_ENCODING. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph.h"
#include "input.h"

static cg_catalog *cat;
static cg_extractor *ex;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *dir = getenv("CITEGRAPH_REFS");
  cg_diag diag;
  if (cg_catalog_load(dir ? dir : "refs", &cat, &diag)) {
    fprintf(stderr, "fuzz_input: cannot load the catalogue: %s\n",
            diag.message);
    abort();
  }
  ex = cg_extractor_new(cat);
  if (!ex)
    abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *bytes = (const char *)data;
  input_text in;
  memset(&in, 0, sizeof in);
  cg_diag diag;
  cg_status st;
#if defined(FUZZ_PDF)
  st = input_read_pdf(bytes, size, &in, &diag);
#elif defined(FUZZ_DOCX)
  st = input_read_docx(bytes, size, &in, &diag);
#elif defined(FUZZ_HTML)
  st = input_read_html(bytes, size, &in, &diag);
#else
  /* The first byte picks a forced encoding, or detection. */
  static const char *const forced[] = {NULL, "utf-8", "utf-16le", "utf-16be",
                                       "windows-1252", "windows-1251",
                                       "gb18030", "shift_jis"};
  const char *enc = NULL;
  if (size) {
    enc = forced[data[0] % 8];
    bytes++;
    size--;
  }
  input_options o = {.encoding = enc};
  st = input_load("fuzz.txt", bytes, size, &o, &in, &diag);
#endif
  if (st) {
    if (in.text || in.own)
      abort(); /* never half-read */
    input_text_free(&in);
    return 0;
  }
  if ((in.len && !in.text) || (in.own && in.own[in.len] != '\0'))
    abort(); /* text present, converted text terminated */
  for (size_t i = 0; i < in.notes.n; i++)
    if (in.notes.v[i].start > in.notes.v[i].end || in.notes.v[i].end > in.len)
      abort();
  for (size_t i = 1; i < in.pages.n; i++)
    if (in.pages.v[i].start < in.pages.v[i - 1].start)
      abort();
  const cg_result *res;
  cg_options opts = {.lang = NULL};
  if (cg_extract(ex, in.text, in.len, &opts, &res, NULL) == CG_OK) {
    for (size_t i = 0; i < cg_result_count(res); i++) {
      const cg_citation *c = cg_result_citation(res, i);
      if (c->start > c->end || c->end > in.len)
        abort();
      if (input_page_at(&in, c->start) > in.npages)
        abort();
    }
  }
  input_text_free(&in);
  return 0;
}
