/* records.h — internal helpers of the record writers, shared with the
 * ranking writer. */
#ifndef CG_RECORDS_H
#define CG_RECORDS_H

#include <stdio.h>

#include "citegraph.h"

/* Writes `s` as a JSON string: quotes, escapes, and U+FFFD in place of
 * anything that is not valid UTF-8. */
void records_json_string(FILE *f, const char *s);

#endif
