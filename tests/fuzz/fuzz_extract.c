/* fuzz_extract.c — libFuzzer target: the extractor on arbitrary bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "citegraph.h"

static cg_catalog *cat;
static cg_extractor *ex;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *dir = getenv("CITEGRAPH_REFS");
  cg_diag diag;
  if (cg_catalog_load(dir ? dir : "refs", &cat, &diag)) {
    fprintf(stderr, "fuzz_extract: cannot load the catalogue: %s\n",
            diag.message);
    abort();
  }
  ex = cg_extractor_new(cat);
  if (!ex)
    abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const cg_result *res;
  cg_options opts = {.lang = NULL, .unresolved = 1}; /* the unresolved candidates too */
  /* Forced languages too: the first byte picks one, or detection. */
  size_t nl = cg_catalog_lang_count(cat);
  if (size && data[0] < nl)
    opts.lang = cg_catalog_lang(cat, data[0]);
  if (cg_extract(ex, (const char *)data, size, &opts, &res, NULL) != CG_OK)
    return 0;
  /* Every span lies inside the input and every string is terminated. */
  for (size_t i = 0; i < cg_result_count(res); i++) {
    const cg_citation *c = cg_result_citation(res, i);
    if (c->start > c->end || c->end > size)
      abort();
    if (c->target && !c->target[0])
      abort();
  }
  return 0;
}
