/* fuzz_records.c — libFuzzer target for the JSON Lines record reader and
 * the graph it feeds: any bytes either parse into documents that the graph
 * takes, or fail with a place and a reason; never a crash or a leak. */
#include <stdint.h>
#include <stdlib.h>

#include "citegraph.h"

static cg_catalog *cat;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!cat) {
    const char *refs = getenv("CITEGRAPH_REFS");
    if (cg_catalog_load(refs ? refs : "refs", &cat, NULL))
      abort();
  }
  (void)cg_records_detect((const char *)data, size);
  cg_records *recs = NULL;
  cg_diag diag;
  if (cg_records_parse((const char *)data, size, "fuzz", &recs, &diag) == CG_OK) {
    cg_graph *g = cg_graph_new(cat);
    if (g && cg_graph_add_records(g, recs) == CG_OK)
      (void)cg_graph_analyse(g, &diag);
    cg_graph_free(g);
  }
  cg_records_free(recs);
  return 0;
}
