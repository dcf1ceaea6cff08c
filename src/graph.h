/* graph.h — internal structures of the citation graph. */
#ifndef CG_GRAPH_H
#define CG_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "citegraph.h"
#include "util.h"

/* Edge types: a document cites a target; a provision is part of its
 * instrument; an instrument was adopted by a resolution ("UDHR" ->
 * "A/RES/217A(III)"). */
enum { EDGE_CITES = 0, EDGE_PART_OF = 1, EDGE_ADOPTED_BY = 2 };

typedef struct {
  size_t id_off;
  const char *kind; /* a static string */
  size_t body_off, date_off, title_off; /* offset + 1 into strs; 0: unset */
  size_t label_off, url_off;            /* filled by graph_prepare */
  int in_corpus;
  int year;
  int inst;          /* catalogue instrument it is, or -1 */
  int adoption_seen; /* its adopted_by edge is in place */
  long citations, mentions;
  double pagerank, authority, hub, betweenness;
  long component, community;
} vertex_rec;

typedef struct {
  size_t from, to; /* indices into vx (insertion order) */
  int type;
  long weight, preamble, operative, footnote, text;
  size_t para_off; /* offset into strs, or SIZE_MAX */
} edge_rec;

struct cg_graph {
  const cg_catalog *cat;
  const inst_def **inst_sorted; /* cat's instruments by identifier */
  cg_strings strs;
  VEC(vertex_rec) vx;
  VEC(edge_rec) ex;
  VEC(size_t) docs;     /* vertices of the documents added */
  size_t *vslots, vcap; /* id -> vertex + 1 */
  size_t *eslots, ecap; /* (from, to, type) -> edge + 1 */
  int dirty;            /* vertices or edges added since graph_prepare */
  int analysed;
  char note[160];
  cg_communities communities; /* the method cg_graph_analyse uses */
  cg_analysis_stats stats;    /* what the last analysis took */
  /* Sorted, public views, built by graph_prepare. */
  size_t *order; /* sorted position -> vx index */
  size_t *rank;  /* vx index -> sorted position */
  cg_vertex *pub_v;
  cg_edge *pub_e;
};

/* Sorts vertices and edges, computes labels, URLs and years, and builds the
 * public views. Returns CG_OK or CG_ERR_NOMEM. */
cg_status graph_prepare(cg_graph *g);

#endif
