/* export.h — what the writers of export.c, draw.c and report.c share. */
#ifndef CG_EXPORT_H
#define CG_EXPORT_H

#include <stdio.h>

#include "graph.h"

/* keep[i] for each sorted vertex (see cg_filter); NULL filter keeps all.
 * Returns a new array (free it), or NULL when out of memory. */
unsigned char *export_select(const cg_graph *g, const cg_filter *f);

/* Writes s with invalid UTF-8 replaced by U+FFFD and control characters
 * dropped, through `esc` for the characters the format reserves. */
typedef const char *(*escape_fn)(unsigned char c);
void export_put_text(FILE *f, const char *s, escape_fn esc);
const char *export_esc_xml(unsigned char c);
void export_put_quoted(FILE *f, const char *s); /* "…" for DOT and JSON */

/* Writes len bytes to dest through a temporary file renamed over it. */
cg_status export_write_bytes(const char *data, size_t len, const char *dest,
                             cg_diag *diag);

#endif
