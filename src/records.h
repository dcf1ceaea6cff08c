/* records.h — internal helpers of the record writers, shared with the
 * ranking writer. */
#ifndef CG_RECORDS_H
#define CG_RECORDS_H

#include <stdio.h>

#include "citegraph.h"
#include "util.h"

/* Writes `s` as a JSON string: quotes, escapes, and U+FFFD in place of
 * anything that is not valid UTF-8. */
void records_json_string(FILE *f, const char *s);

/* Appends the records of citations [from, to) of `res` to `b` (to is cut
 * to the count), in `format`; with from == 0, the JSON Lines document
 * record first. Returns CG_OK, CG_ERR_ARG (bad arguments, a citation that
 * ends before it starts) or CG_ERR_NOMEM. Time: O(bytes written). */
cg_status records_format(cg_buf *b, cg_record_format format, const char *file,
                         const char *text, const cg_result *res, size_t from,
                         size_t to);

#endif
