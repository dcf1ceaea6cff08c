/* export.h — what the writers of export.c, draw.c and report.c share. */
#ifndef CG_EXPORT_H
#define CG_EXPORT_H

#include <stdio.h>

#include "graph.h"

/* keep[i] for each sorted vertex (see cg_filter); NULL filter keeps all.
 * Returns a new array (free it), or NULL when out of memory. */
unsigned char *export_select(const cg_graph *g, const cg_filter *f);

/* Writes s as valid UTF-8 holding only characters XML 1.0 allows: invalid
 * sequences (lone surrogates among them), U+FFFE and U+FFFF become U+FFFD,
 * control characters other than tab are dropped; through `esc` for the
 * characters the format reserves. */
typedef const char *(*escape_fn)(unsigned char c);
void export_put_text(FILE *f, const char *s, escape_fn esc);
const char *export_esc_xml(unsigned char c);
void export_put_quoted(FILE *f, const char *s); /* "…" for JSON, Cypher */
/* "…" for DOT: \" for a quote, U+29F5 for a backslash (Graphviz reads a
 * backslash as its own escape, and one before the closing quote escapes
 * it). */
void export_put_dot(FILE *f, const char *s);

/* Writes len bytes into what dest names (output.h): a regular file through
 * a temporary file renamed over it; a device, FIFO, link target or "-" in
 * place. */
cg_status export_write_bytes(const char *data, size_t len, const char *dest,
                             cg_diag *diag);

#endif
