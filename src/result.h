/* result.h — the one document's citations behind the opaque cg_result:
 * filled by the extractor (extract.c) or by the record reader (records.c). */
#ifndef CG_RESULT_H
#define CG_RESULT_H

#include <stddef.h>

#include "citegraph.h"

struct cg_result {
  cg_document doc;
  cg_citation *cits;
  size_t count;
  cg_unresolved *unres; /* cg_options.unresolved: candidates without target */
  size_t nunres;
  /* A symbol the front matter gave that is not an identifier
   * (cg_identifier_valid), ignored; "" when none. For the corpus run's
   * warning. */
  const char *rejected_symbol;
};

#endif
