/* draw.h — pictures of the graph: what is drawn, how, and the Graphviz
 * run. Shared by export.c (DOT), draw.c and report.c. */
#ifndef CG_DRAW_H
#define CG_DRAW_H

#include <stdio.h>

#include "graph.h"

/* What a picture shows, computed once from the graph and the filter. */
typedef struct {
  const cg_graph *g;
  unsigned char *keep; /* per sorted vertex */
  long *left_out;      /* citing documents the cut left out, per vertex */
  int *color;          /* index into keys, per kept vertex */
  char keys[10][120];  /* legend names of the colours */
  size_t nkeys;
  cg_color color_by;   /* what colour says (never AUTO) */
  cg_layout layout;    /* never AUTO */
  const char *engine;  /* "dot", "neato", "sfdp" */
  size_t nv, ne;       /* kept vertices and edges */
  long cmax, wmax;     /* largest citations and mentions drawn */
  int cut;             /* some citing documents were left out */
  char title[400], subtitle[400];
} picture;

/* Chooses what to draw. Returns CG_ERR_NOMEM, CG_ERR_ARG (too many
 * vertices for the layout, with advice in diag) or CG_OK; free with
 * picture_free either way. */
cg_status picture_make(picture *p, const cg_graph *g, const cg_filter *f,
                       const cg_draw_options *o, cg_diag *diag);
void picture_free(picture *p);

/* Lays the picture out and renders it into memory (free *data with free):
 * `format` is a Graphviz output format ("svg", "png", "pdf"). For the
 * report, vertices carry no link (the page handles clicks) and SVG element
 * ids "v<sorted index>". */
cg_status draw_render(const picture *p, const cg_draw_options *o,
                      const char *format, int for_report, char **data,
                      size_t *len, cg_diag *diag);

/* The HTML report of a picture (report.c). */
cg_status report_write(const picture *p, const cg_draw_options *o,
                       const char *dest, cg_diag *diag);

/* The DOT export: the layered picture's description, legend included. */
void draw_write_dot(FILE *f, const cg_graph *g, const unsigned char *keep);

#endif
