/* rank.c — the ranking `citegraph top` prints: which vertices are cited
 * most, by a metric, with filters and a total order. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph.h"
#include "records.h"

static const char *const by_names[] = {"citations", "mentions", "pagerank",
                                       "authority", "cocitation"};
static const char *const format_names[] = {"table", "tsv", "json", "jsonl"};

int cg_rank_by_parse(const char *name, cg_rank_by *out) {
  for (int i = 0; name && i < 5; i++)
    if (!strcmp(name, by_names[i])) {
      *out = (cg_rank_by)i;
      return 0;
    }
  return -1;
}

int cg_rank_format_parse(const char *name, cg_rank_format *out) {
  for (int i = 0; name && i < 4; i++)
    if (!strcmp(name, format_names[i])) {
      *out = (cg_rank_format)i;
      return 0;
    }
  return -1;
}

static double metric(const cg_vertex *v, cg_rank_by by) {
  switch (by) {
  case CG_RANK_MENTIONS: return (double)v->mentions;
  case CG_RANK_PAGERANK: return v->pagerank;
  case CG_RANK_AUTHORITY: return v->authority;
  default: return (double)v->citations;
  }
}

typedef struct {
  const cg_vertex *v;
  size_t index;
  double value;
} ranked;

static int cmp_ranked(const void *a, const void *b) {
  const ranked *p = a, *q = b;
  const cg_vertex *x = p->v, *y = q->v;
  if (p->value != q->value)
    return p->value > q->value ? -1 : 1;
  /* Ties: more citing documents, then more mentions, then PageRank. */
  if (x->citations != y->citations)
    return x->citations > y->citations ? -1 : 1;
  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  if (x->pagerank != y->pagerank)
    return x->pagerank > y->pagerank ? -1 : 1;
  return strcmp(x->id, y->id);
}

static cg_status rank_pairs(const cg_graph *g, size_t max, cg_rank_entry **out,
                            size_t *n) {
  size_t *pa = calloc(max, sizeof *pa), *pb = calloc(max, sizeof *pb);
  long *pc = calloc(max, sizeof *pc);
  cg_rank_entry *e = calloc(max, sizeof *e);
  cg_status st = CG_OK;
  if (!pa || !pb || !pc || !e) {
    free(e);
    st = CG_ERR_NOMEM;
    goto cleanup;
  }
  size_t k = cg_graph_cocitations(g, max, pa, pb, pc);
  for (size_t i = 0; i < k; i++)
    e[i] = (cg_rank_entry){pa[i], pb[i], (double)pc[i], 0};
  *out = e;
  *n = k;
cleanup:
  free(pa);
  free(pb);
  free(pc);
  return st;
}

/* Whether the ranking shows vertex v under the options' filters. */
static int rank_keeps(const cg_vertex *v, const cg_rank_options *opts) {
  const char *kind = opts->kind, *body = opts->body;
  if (v->citations == 0)
    return 0;
  if (kind && strcmp(kind, "all") && strcmp(v->kind, kind))
    return 0;
  if (!kind && !strcmp(v->kind, "provision"))
    return 0;
  if (opts->year_from && (!v->year || v->year < opts->year_from))
    return 0;
  if (opts->year_to && (!v->year || v->year > opts->year_to))
    return 0;
  return !(body && strcmp(v->body, body));
}

cg_status cg_graph_rank(const cg_graph *g, const cg_rank_options *opts,
                        cg_rank_entry **out, size_t *n) {
  if (!g || !opts || !out || !n || opts->by > CG_RANK_COCITATION)
    return CG_ERR_ARG;
  *out = NULL;
  *n = 0;
  if (opts->by == CG_RANK_COCITATION)
    return rank_pairs(g, opts->max ? opts->max : 20, out, n);
  size_t nv = cg_graph_vertex_count(g), m = 0;
  long ndocs = 0, total_mentions = 0;
  ranked *r = malloc((nv ? nv : 1) * sizeof *r);
  if (!r)
    return CG_ERR_NOMEM;
  /* An instrument and the resolution that adopted it are one row: the
   * instrument's, which counts the resolution's citers too. */
  unsigned char *merged = calloc(nv ? nv : 1, 1);
  if (!merged) {
    free(r);
    return CG_ERR_NOMEM;
  }
  for (size_t i = 0; i < cg_graph_edge_count(g); i++) {
    const cg_edge *e = cg_graph_edge(g, i);
    if (!strcmp(e->type, "adopted_by") &&
        rank_keeps(cg_graph_vertex(g, e->from), opts))
      merged[e->to] = 1;
  }
  for (size_t i = 0; i < nv; i++) {
    const cg_vertex *v = cg_graph_vertex(g, i);
    ndocs += v->in_corpus;
    if (!merged[i] && rank_keeps(v, opts))
      r[m++] = (ranked){v, i, metric(v, opts->by)};
  }
  free(merged);
  /* Each citation edge's mentions, once: the denominator of "share". */
  for (size_t i = 0; i < cg_graph_edge_count(g); i++) {
    const cg_edge *e = cg_graph_edge(g, i);
    if (e->type[0] == 'c')
      total_mentions += e->weight;
  }
  qsort(r, m, sizeof *r, cmp_ranked);
  if (opts->max && opts->max < m)
    m = opts->max;
  cg_rank_entry *e = calloc(m ? m : 1, sizeof *e);
  if (!e) {
    free(r);
    return CG_ERR_NOMEM;
  }
  for (size_t i = 0; i < m; i++) {
    const cg_vertex *v = r[i].v;
    double share =
        opts->by == CG_RANK_CITATIONS
            ? (ndocs ? 100.0 * (double)v->citations / (double)ndocs : 0)
        : opts->by == CG_RANK_MENTIONS
            ? (total_mentions
                   ? 100.0 * (double)v->mentions / (double)total_mentions
                   : 0)
            : 100.0 * r[i].value;
    e[i] = (cg_rank_entry){r[i].index, SIZE_MAX, r[i].value, share};
  }
  free(r);
  *out = e;
  *n = m;
  return CG_OK;
}

static void write_pairs(FILE *f, const cg_graph *g, const cg_rank_entry *e,
                        size_t n, cg_rank_format format) {
  if (format == CG_RANK_TABLE)
    fprintf(f, "%4s  %-26s  %-26s  %8s\n", "rank", "cited together", "",
            "documents");
  else if (format == CG_RANK_TSV)
    fprintf(f, "rank\tfirst\tsecond\tdocuments\n");
  else
    fputc('[', f);
  for (size_t i = 0; i < n; i++) {
    const char *x = cg_graph_vertex(g, e[i].vertex)->id,
               *y = cg_graph_vertex(g, e[i].second)->id;
    long count = (long)e[i].value;
    if (format == CG_RANK_TABLE) {
      fprintf(f, "%4zu  %-26s  %-26s  %8ld\n", i + 1, x, y, count);
    } else if (format == CG_RANK_TSV) {
      fprintf(f, "%zu\t%s\t%s\t%ld\n", i + 1, x, y, count);
    } else {
      fprintf(f, "%s\n {\"rank\":%zu,\"first\":", i ? "," : "", i + 1);
      records_json_string(f, x);
      fputs(",\"second\":", f);
      records_json_string(f, y);
      fprintf(f, ",\"documents\":%ld}", count);
    }
  }
  if (format == CG_RANK_JSON)
    fputs("\n]\n", f);
}

/* Characters (not bytes) of UTF-8 text: its width in a table. */
static size_t utf8_width(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* At most `chars` characters of s (chars > 3), cut between characters and
 * ended with "..." when cut; tabs and newlines become spaces. */
static void clip_utf8(char *out, size_t cap, const char *s, size_t chars) {
  int cut = utf8_width(s) > chars;
  size_t keep = cut ? chars - 3 : chars, n = 0, i = 0;
  for (; s[i] && i + 8 < cap; i++) {
    if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == keep)
      break;
    out[i] = s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i];
  }
  while (i && s[i] && ((unsigned char)s[i] & 0xC0) == 0x80) /* mid-character */
    i--;
  snprintf(out + i, cap - i, "%s", s[i] ? "..." : "");
}

static void write_table(FILE *f, const cg_graph *g, cg_rank_by by,
                        const cg_rank_entry *e, size_t n) {
  long ndocs = 0;
  for (size_t i = 0; i < cg_graph_vertex_count(g); i++)
    ndocs += cg_graph_vertex(g, i)->in_corpus;
  const char *unit = by == CG_RANK_CITATIONS  ? "documents"
                     : by == CG_RANK_MENTIONS ? "mentions"
                     : by == CG_RANK_PAGERANK ? "pagerank"
                                              : "authority";
  int wid = 10, wlab = 5;
  for (size_t i = 0; i < n; i++) {
    const cg_vertex *v = cg_graph_vertex(g, e[i].vertex);
    if ((int)strlen(v->id) > wid)
      wid = (int)strlen(v->id);
    if ((int)strlen(v->label) > wlab)
      wlab = (int)strlen(v->label);
  }
  if (wlab > 44)
    wlab = 44;
  fprintf(f, "%4s  %-*s  %-*s  %10s  %6s  %s\n", "rank", wid, "identifier",
          wlab, "label", unit, "share", "title");
  for (size_t i = 0; i < n; i++) {
    const cg_vertex *v = cg_graph_vertex(g, e[i].vertex);
    char label[200], title[200];
    clip_utf8(label, sizeof label, v->label, (size_t)wlab);
    clip_utf8(title, sizeof title, v->title, 60);
    fprintf(f, "%4zu  %-*s  %s%*s", i + 1, wid, v->id, label,
            wlab - (int)utf8_width(label), "");
    if (by == CG_RANK_PAGERANK || by == CG_RANK_AUTHORITY)
      fprintf(f, "  %10.6f  %5.1f%%", e[i].value, e[i].share);
    else
      fprintf(f, "  %10.0f  %5.1f%%", e[i].value, e[i].share);
    fprintf(f, "%s%s\n", title[0] ? "  " : "", title);
  }
  fprintf(f, "(%ld documents; %s)\n", ndocs,
          by == CG_RANK_CITATIONS  ? "share: of the documents that cite it"
          : by == CG_RANK_MENTIONS ? "share: of all mentions"
                                   : "share: the score as a percentage");
}

/* JSON Lines from the JSON array, which holds one object per line: "[",
 * then " {...}," lines, the last without its comma, then "]". */
static cg_status write_jsonl(FILE *f, const cg_graph *g,
                             const cg_rank_options *opts,
                             const cg_rank_entry *e, size_t n) {
  char *json = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&json, &len);
  if (!m)
    return CG_ERR_NOMEM;
  cg_status st = cg_rank_write(m, g, opts, e, n, CG_RANK_JSON);
  if (fclose(m) != 0 && !st)
    st = CG_ERR_NOMEM;
  for (char *line = json; !st && line && *line;) {
    char *nl = strchr(line, '\n');
    size_t l = nl ? (size_t)(nl - line) : strlen(line);
    if (l && line[0] == ' ' && line[1] == '{') {
      size_t k = l - (line[l - 1] == ',');
      fwrite(line + 1, 1, k - 1, f);
      putc('\n', f);
    }
    line = nl ? nl + 1 : NULL;
  }
  free(json);
  if (st)
    return st;
  return ferror(f) ? CG_ERR_IO : CG_OK;
}

cg_status cg_rank_write(FILE *f, const cg_graph *g, const cg_rank_options *opts,
                        const cg_rank_entry *e, size_t n,
                        cg_rank_format format) {
  if (!f || !g || !opts || (!e && n) || format > CG_RANK_JSONL)
    return CG_ERR_ARG;
  if (format == CG_RANK_JSONL)
    return write_jsonl(f, g, opts, e, n);
  for (size_t i = 0; i < n; i++)
    if (e[i].vertex >= cg_graph_vertex_count(g) ||
        (opts->by == CG_RANK_COCITATION &&
         e[i].second >= cg_graph_vertex_count(g)))
      return CG_ERR_ARG;
  if (opts->by == CG_RANK_COCITATION) {
    write_pairs(f, g, e, n, format);
  } else if (format == CG_RANK_TABLE) {
    write_table(f, g, opts->by, e, n);
  } else if (format == CG_RANK_TSV) {
    fprintf(f, "rank\tid\tlabel\tkind\tbody\tcitations\tmentions\tpagerank\t"
               "authority\ttitle\n");
    for (size_t i = 0; i < n; i++) {
      const cg_vertex *v = cg_graph_vertex(g, e[i].vertex);
      fprintf(f, "%zu\t%s\t%s\t%s\t%s\t%ld\t%ld\t%.17g\t%.17g\t", i + 1, v->id,
              v->label, v->kind, v->body, v->citations, v->mentions,
              v->pagerank, v->authority);
      for (const char *t = v->title; *t; t++) /* no tab or newline in a field */
        fputc(*t == '\t' || *t == '\n' || *t == '\r' ? ' ' : *t, f);
      fputc('\n', f);
    }
  } else {
    fputc('[', f);
    for (size_t i = 0; i < n; i++) {
      const cg_vertex *v = cg_graph_vertex(g, e[i].vertex);
      fprintf(f, "%s\n {\"rank\":%zu,\"id\":", i ? "," : "", i + 1);
      records_json_string(f, v->id);
      fputs(",\"label\":", f);
      records_json_string(f, v->label);
      fputs(",\"kind\":", f);
      records_json_string(f, v->kind);
      fputs(",\"body\":", f);
      records_json_string(f, v->body);
      fputs(",\"title\":", f);
      records_json_string(f, v->title);
      fprintf(f, ",\"citations\":%ld,\"mentions\":%ld,\"pagerank\":%.17g,"
                 "\"authority\":%.17g}",
              v->citations, v->mentions, v->pagerank, v->authority);
    }
    fputs("\n]\n", f);
  }
  return ferror(f) ? CG_ERR_IO : CG_OK;
}
