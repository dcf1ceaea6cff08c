/* corpus_top.c — a program built on the public header only: runs a corpus,
 * writes its records, and prints the ranking `citegraph top` prints.
 *
 *   corpus_top REFS RECORDS-OUT PATH...
 *
 * The records must equal `citegraph extract PATH...` and the table
 * `citegraph top PATH...` (tests/api.sh checks both). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph.h"

static cg_status write_records(void *ctx, const cg_corpus_doc *doc) {
  FILE *out = ctx;
  if (fwrite(doc->records, 1, doc->records_len, out) != doc->records_len)
    return CG_ERR_IO;
  return CG_OK;
}

static void report(void *ctx, const cg_corpus_message *m) {
  (void)ctx;
  fprintf(stderr, "corpus_top: %s: %s%s\n", m->file,
          m->severity == CG_MSG_WARNING ? "warning: " : "", m->text);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: corpus_top REFS RECORDS-OUT PATH...\n");
    return 2;
  }
  cg_diag diag;
  char msg[1200];
  cg_catalog *cat = NULL;
  cg_graph *g = NULL;
  cg_rank_entry *ranking = NULL;
  FILE *out = NULL;
  int status = 1;
  if (cg_catalog_load(argv[1], &cat, &diag)) {
    fprintf(stderr, "corpus_top: %s\n", cg_diag_format(&diag, msg, sizeof msg));
    return 2;
  }
  if (!(g = cg_graph_new(cat)) || !(out = fopen(argv[2], "w")))
    goto cleanup;

  cg_corpus_options opts;
  memset(&opts, 0, sizeof opts);
  opts.jobs = 2;
  opts.records = CG_RECORDS_JSONL;
  opts.graph = g;
  opts.on_document = write_records;
  opts.on_message = report;
  opts.ctx = out;
  cg_corpus_stats stats;
  if (cg_corpus_run(cat, (const char *const *)argv + 3, (size_t)argc - 3,
                    &opts, &stats, &diag)) {
    fprintf(stderr, "corpus_top: %s\n", diag.message);
    goto cleanup;
  }
  if (fclose(out)) {
    out = NULL;
    goto cleanup;
  }
  out = NULL;
  if (cg_graph_analyse(g, &diag)) {
    fprintf(stderr, "corpus_top: %s\n", diag.message);
    goto cleanup;
  }

  cg_rank_options ro;
  memset(&ro, 0, sizeof ro);
  ro.by = CG_RANK_CITATIONS;
  ro.max = 20;
  size_t n = 0;
  if (cg_graph_rank(g, &ro, &ranking, &n) ||
      cg_rank_write(stdout, g, &ro, ranking, n, CG_RANK_TABLE))
    goto cleanup;
  fprintf(stderr, "corpus_top: %zu files, %zu documents, %zu failed\n",
          stats.files, stats.documents, stats.failed);
  status = stats.failed ? 1 : 0;
cleanup:
  if (out)
    fclose(out);
  cg_free(ranking);
  cg_graph_free(g);
  cg_catalog_free(cat);
  return status;
}
