/* refcheck.h — what the catalogue check (refcheck.c) offers the other
 * modules and the unit tests besides the public cg_catalog_check. */
#ifndef CG_REFCHECK_H
#define CG_REFCHECK_H

#include <stddef.h>

#include "citegraph.h"

/* Whether `id` is the identifier citegraph gives a resolution or decision of
 * a body of `cat` ("A/RES/61/144", "A/RES/2200A(XXI)", "FCCC/DEC/1/CP.21",
 * "WHA72.1", "UNEP/EA.5/RES.14"): 1, or 0 with the reason in `why` (at most
 * `cap` bytes). Time: O(bodies × length of id). */
int refcheck_resolution_identifier(const cg_catalog *cat, const char *id,
                                   char *why, size_t cap);

#endif
