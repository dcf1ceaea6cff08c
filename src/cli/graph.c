/* graph.c — `citegraph graph`: build the citation graph and write it. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Progress of a picture's layout, shown on a terminal only. */
typedef struct {
  double started;
  int tty, shown;
} draw_progress;

/* Called about twice a second while Graphviz lays the picture out, before
 * anything is written: Ctrl-C ends the run there and then, leaving every
 * file as it was. */
static void show_draw_progress(const char *phase, double seconds, void *data) {
  draw_progress *dp = data;
  if (cli_interrupted) {
    fprintf(stderr, "%s%s: interrupted during the layout: nothing written\n",
            dp->shown ? "\n" : "", progname);
    _exit(EXIT_INTERRUPT);
  }
  if (!dp->tty)
    return;
  fprintf(stderr, "\r%s: %s, %.1f s (%.0f s in all)   ", progname, phase,
          seconds, now_seconds() - dp->started);
  dp->shown = 1;
}

int cmd_graph(int argc, char **argv) {
  common_opts co;
  common_defaults(&co);
  const char *out = NULL, *format = NULL;
  cg_filter filter;
  memset(&filter, 0, sizeof filter);
  char **args = calloc((size_t)argc + 1, sizeof *args);
  size_t nargs = 0;
  int top_given = 0, stats = 0, status = EXIT_OK, layout_given = 0;
  cg_draw_options dopt;
  memset(&dopt, 0, sizeof dopt);
  if (!args)
    return EXIT_INPUT;
  for (int i = 1, c; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || strcmp(a, "-") == 0) {
      args[nargs++] = argv[i];
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage_graph(stdout);
      goto done;
    } else if (strcmp(a, "--stats") == 0) {
      stats = 1;
    } else if ((c = common_option(argc, argv, &i, &co, 1)) != 0) {
      if (c < 0) {
        status = EXIT_USAGE;
        goto done;
      }
    } else if (i + 1 < argc &&
               (!strcmp(a, "-o") || !strcmp(a, "--format") ||
                !strcmp(a, "--communities") ||
                !strcmp(a, "--top") || !strcmp(a, "--body") ||
                !strcmp(a, "--kind") || !strcmp(a, "--years") ||
                !strcmp(a, "--layout") || !strcmp(a, "--color") ||
                !strcmp(a, "--title"))) {
      const char *v = argv[++i];
      int bad = 0;
      static const char *const layouts[] = {"auto", "layered", "force", "time"};
      static const char *const colors[] = {"auto", "body", "kind", "community"};
      if (!strcmp(a, "--layout") || !strcmp(a, "--color")) {
        int lay = !strcmp(a, "--layout"), k = 0;
        const char *const *names = lay ? layouts : colors;
        while (k < 4 && strcmp(names[k], v))
          k++;
        if (k == 4) {
          fprintf(stderr, "%s: unknown %s '%s' (%s, %s, %s or %s)\n", progname,
                  a, v, names[0], names[1], names[2], names[3]);
          status = EXIT_USAGE;
          goto done;
        }
        if (lay) {
          dopt.layout = (cg_layout)k;
          layout_given = k != 0;
        } else {
          dopt.color = (cg_color)k;
        }
      } else if (!strcmp(a, "--title")) {
        dopt.title = v;
      } else if (!strcmp(a, "-o")) {
        out = v;
      } else if (!strcmp(a, "--format")) {
        format = v;
      } else if (!strcmp(a, "--communities")) {
        if (!strcmp(v, "leiden")) {
          co.communities = CG_COMMUNITIES_LEIDEN;
        } else if (!strcmp(v, "louvain")) {
          co.communities = CG_COMMUNITIES_LOUVAIN;
        } else {
          fprintf(stderr, "%s: --communities wants leiden or louvain\n",
                  progname);
          status = EXIT_USAGE;
          goto done;
        }
      } else if (!strcmp(a, "--top")) {
        unsigned long long t;
        bad = parse_number("--top", v, 1, 1000000000, &t);
        filter.top = (size_t)t;
        top_given = 1;
      } else if (!strcmp(a, "--body")) {
        co.body = v;
      } else if (!strcmp(a, "--kind")) {
        bad = parse_kind(v, 0);
        filter.kind = v;
      } else {
        bad = parse_years(v, &filter.year_from, &filter.year_to);
      }
      if (bad) {
        status = EXIT_USAGE;
        goto done;
      }
    } else {
      fprintf(stderr, "%s: unknown option '%s' for graph\n", progname, a);
      fprintf(stderr, "Try 'citegraph graph --help'.\n");
      status = EXIT_USAGE;
      goto done;
    }
  }
  cg_format fmt;
  if (!out) {
    fprintf(stderr, "%s: graph: no output (-o FILE, or -o - for standard "
                    "output)\n", progname);
    status = EXIT_USAGE;
    goto done;
  }
  if (cg_format_parse(format ? format : out, &fmt)) {
    fprintf(stderr,
            "%s: unknown format '%s' (graphml, dot, csv, cypher, json, svg, "
            "png, pdf, html)\n",
            progname, format ? format : out);
    status = EXIT_USAGE;
    goto done;
  }
  /* The destination is checked before any input is read. */
  if (!strcmp(out, "-") && isatty(STDOUT_FILENO) &&
      (fmt == CG_FORMAT_PNG || fmt == CG_FORMAT_PDF)) {
    fprintf(stderr, "%s: will not write a %s picture to a terminal: redirect "
                    "standard output, or -o FILE\n",
            progname, fmt == CG_FORMAT_PNG ? "PNG" : "PDF");
    status = EXIT_USAGE;
    goto done;
  }
  cg_diag diag;
  char msg[1200];
  if (cg_graph_write_check(fmt, out, &diag)) {
    fprintf(stderr, "%s: %s\n", progname,
            cg_diag_format(&diag, msg, sizeof msg));
    status = EXIT_USAGE;
    goto done;
  }
  cg_catalog *cat = NULL;
  double seconds[2] = {0, 0};
  cg_graph *g =
      graph_of_inputs("graph", args, nargs, &co, &cat, &status, seconds);
  if (!g)
    goto done;
  filter.body = co.body;
  if (!cg_graph_vertex_count(g)) {
    /* An empty graph over the old file would lose it for nothing. */
    fprintf(stderr, "%s: no document could be read: nothing written\n",
            progname);
    status = EXIT_INPUT;
    goto free_graph;
  }
  int picture = fmt == CG_FORMAT_SVG || fmt == CG_FORMAT_PNG ||
                fmt == CG_FORMAT_PDF || fmt == CG_FORMAT_HTML;
  if (picture && !top_given && !layout_given &&
      cg_graph_vertex_count(g) > 300) {
    filter.top = 50;
    filter.citers = 50;
    fprintf(stderr,
            "%s: note: %zu vertices; the picture keeps the 50 most cited and "
            "the 50 documents citing most of them (use --top N, or --layout "
            "force for all)\n",
            progname, cg_graph_vertex_count(g));
  }
  draw_progress dp = {now_seconds(), !co.quiet && isatty(STDERR_FILENO), 0};
  dopt.progress = show_draw_progress;
  dopt.progress_data = &dp;
  double t0 = now_seconds();
  /* Signals are not blocked while writing: a write waiting on a FIFO or a
   * pipe gives up when one comes, and a regular file is renamed into place
   * only once whole, so Ctrl-C leaves the old file or the new one. */
  cg_status wst = picture ? cg_graph_draw(g, fmt, out, &filter, &dopt, &diag)
                          : cg_graph_write(g, fmt, out, &filter, &diag);
  if (dp.shown)
    fputc('\n', stderr);
  if (cli_interrupted) {
    fprintf(stderr, "%s: interrupted while writing %s: %s\n", progname, out,
            wst ? "the write stopped (a regular file is left as it was)"
                : "it was written whole before the signal was heard");
    status = EXIT_INTERRUPT;
  } else if (wst) {
    fprintf(stderr, "%s: %s\n", progname,
            cg_diag_format(&diag, msg, sizeof msg));
    status = EXIT_INPUT;
  }
  if (stats)
    fprintf(stderr,
            "%s: %zu vertices, %zu edges; extraction and build %.3f s, "
            "analysis %.3f s, writing %.3f s\n",
            progname, cg_graph_vertex_count(g), cg_graph_edge_count(g),
            seconds[0], seconds[1], now_seconds() - t0);
  if (stats) {
    cg_analysis_stats as;
    cg_graph_analysis_stats(g, &as);
    fprintf(stderr,
            "%s: analysis: prepare %.3f s, pagerank %.3f s, hits %.3f s, "
            "betweenness %.3f s, components %.3f s, communities %.3f s "
            "(%s: %ld, modularity %.4f)\n",
            progname, as.prepare, as.pagerank, as.hits, as.betweenness,
            as.components, as.communities,
            as.method == CG_COMMUNITIES_LOUVAIN ? "louvain" : "leiden",
            as.ncommunities, as.modularity);
  }
free_graph:
  cg_graph_free(g);
  cg_catalog_free(cat);
done:
  free(args);
  return status;
}
