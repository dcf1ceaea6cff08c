/* top.c — `citegraph top`: which instruments are cited most. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cmd_top(int argc, char **argv) {
  common_opts co;
  common_defaults(&co);
  cg_rank_options ro;
  memset(&ro, 0, sizeof ro);
  ro.max = 20;
  const char *format = "table", *by = "citations";
  char **args = calloc((size_t)argc + 1, sizeof *args);
  size_t nargs = 0;
  int status = EXIT_OK;
  if (!args)
    return EXIT_INPUT;
  for (int i = 1, c; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || strcmp(a, "-") == 0) {
      args[nargs++] = argv[i];
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage_top(stdout);
      goto done;
    } else if ((c = common_option(argc, argv, &i, &co, 1)) != 0) {
      if (c < 0) {
        status = EXIT_USAGE;
        goto done;
      }
    } else if (i + 1 < argc &&
               (strcmp(a, "-n") == 0 || strcmp(a, "--by") == 0 ||
                strcmp(a, "--kind") == 0 || strcmp(a, "--body") == 0 ||
                strcmp(a, "--format") == 0 || strcmp(a, "--years") == 0)) {
      const char *v = argv[++i];
      int bad = 0;
      if (!strcmp(a, "-n")) {
        /* 0 lists them all */
        unsigned long long n;
        bad = parse_number("-n", v, 0, 1000000000, &n);
        ro.max = (size_t)n;
      } else if (!strcmp(a, "--by")) {
        by = v;
      } else if (!strcmp(a, "--kind")) {
        bad = parse_kind(v, 1);
        ro.kind = v;
      } else if (!strcmp(a, "--body")) {
        co.body = v;
      } else if (!strcmp(a, "--years")) {
        bad = parse_years(v, &ro.year_from, &ro.year_to);
      } else {
        format = v;
      }
      if (bad) {
        status = EXIT_USAGE;
        goto done;
      }
    } else {
      fprintf(stderr, "%s: unknown option '%s' for top\n", progname, a);
      fprintf(stderr, "Try 'citegraph top --help'.\n");
      status = EXIT_USAGE;
      goto done;
    }
  }
  cg_rank_format rf;
  if (cg_rank_by_parse(by, &ro.by)) {
    fprintf(stderr, "%s: unknown --by '%s' (citations, mentions, pagerank, "
                    "authority or cocitation)\n", progname, by);
    status = EXIT_USAGE;
    goto done;
  }
  if (cg_rank_format_parse(format, &rf)) {
    fprintf(stderr, "%s: unknown --format '%s' (table, tsv, json or jsonl)\n",
            progname, format);
    status = EXIT_USAGE;
    goto done;
  }
  cg_catalog *cat = NULL;
  cg_graph *g = graph_of_inputs("top", args, nargs, &co, &cat, &status, NULL);
  if (!g)
    goto done;
  ro.body = co.body;
  cg_rank_entry *ranking = NULL;
  size_t n = 0;
  cg_status st = CG_OK;
  if (!cg_graph_vertex_count(g)) {
    fprintf(stderr, "%s: no document could be read: nothing to rank\n",
            progname);
    status = EXIT_INPUT;
  } else if ((st = cg_graph_rank(g, &ro, &ranking, &n)) != CG_OK) {
    fprintf(stderr, "%s: %s\n", progname, cg_strerror(st));
    status = EXIT_INPUT;
  } else if (cg_rank_write(stdout, g, &ro, ranking, n, rf)) {
    status = EXIT_INPUT; /* main says why when it closes standard output */
  }
  cg_free(ranking);
  cg_graph_free(g);
  cg_catalog_free(cat);
done:
  free(args);
  return status;
}
