/* extract.h — internal hooks of the extractor for corpus runs. */
#ifndef CG_EXTRACT_H
#define CG_EXTRACT_H

#include <stddef.h>

#include "citegraph.h"

/* After each chunk but the first, cg_extract calls fn(ctx, done): the text
 * before offset `done` is no longer read during that extraction (the
 * caller may let a mapped file's pages go). The records writer still reads
 * the citations' text afterwards. NULL removes the hook. */
void extract_set_progress(cg_extractor *ex, void (*fn)(void *ctx, size_t done),
                          void *ctx);

/* Chunk sizes of an extractor in tokens (0 for the defaults), for tests:
 * whatever the sizes, a text gives the same citations. */
void extractor_set_chunk(cg_extractor *ex, size_t soft, size_t hard);

#endif
