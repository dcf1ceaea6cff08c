/* run.c — corpus runs as the commands show them: messages, the progress
 * line, the exit status. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
  int progress; /* a progress line is on standard error */
  double started, last_shown;
  size_t files;
  unsigned long long bytes;
  int write_failed;
} run_view;

static void show_progress(run_view *rv, int final) {
  double now = now_seconds();
  if (!final && now - rv->last_shown < 0.2)
    return;
  rv->last_shown = now;
  double el = now - rv->started;
  double rate = el > 0 ? (double)rv->bytes / el / 1e6 : 0;
  fprintf(stderr, "\r%s: %zu files, %.1f MB, %.1f MB/s, %.0f s   %s", progname,
          rv->files, (double)rv->bytes / 1e6, rate, el, final ? "\n" : "");
}

/* A message line, assembled before it is written: standard error is
 * unbuffered, and a line written a byte at a time costs a system call per
 * byte (a run over a corpus of copies warns for every file). */
typedef struct {
  char *v;
  size_t n, cap;
} line_buf;

static void line_put(line_buf *l, const char *s, size_t n) {
  if (l->n + n + 1 > l->cap) {
    size_t cap = l->cap ? l->cap : 256;
    while (cap < l->n + n + 1)
      cap *= 2;
    char *v = realloc(l->v, cap);
    if (!v) { /* written as it comes rather than lost */
      fwrite(l->v, 1, l->n, stderr);
      fwrite(s, 1, n, stderr);
      l->n = 0;
      return;
    }
    l->v = v;
    l->cap = cap;
  }
  memcpy(l->v + l->n, s, n);
  l->n += n;
}

static void line_str(line_buf *l, const char *s) { line_put(l, s, strlen(s)); }

/* A file name or message as it stands, but control characters as \xNN:
 * a name holding escape sequences never drives the terminal. */
static void put_shown(line_buf *l, const char *s) {
  const char *run = s;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p < 0x20 || *p == 0x7F) {
      char esc[8];
      line_put(l, run, (size_t)((const char *)p - run));
      snprintf(esc, sizeof esc, "\\x%02X", *p);
      line_str(l, esc);
      run = (const char *)p + 1;
    }
  }
  line_str(l, run);
}

static void on_message(void *ctx, const cg_corpus_message *m) {
  run_view *rv = ctx;
  line_buf l = {NULL, 0, 0};
  if (rv->progress)
    line_str(&l, "\r\033[K");
  line_str(&l, progname);
  line_str(&l, ": ");
  put_shown(&l, m->file);
  if (m->line) {
    char at[48];
    snprintf(at, sizeof at, ":%lu:%lu", m->line, m->column);
    line_str(&l, at);
  }
  line_str(&l, m->severity == CG_MSG_WARNING ? ": warning: " : ": ");
  put_shown(&l, m->text);
  line_str(&l, "\n");
  fwrite(l.v, 1, l.n, stderr);
  free(l.v);
}

static void on_progress(void *ctx, size_t files, unsigned long long bytes) {
  run_view *rv = ctx;
  rv->files = files;
  rv->bytes = bytes;
  if (rv->progress)
    show_progress(rv, 0);
}

/* A failing standard output stops the run: the message comes when main
 * closes it. */
static cg_status on_document(void *ctx, const cg_corpus_doc *d) {
  (void)ctx;
  if (d->records_len &&
      fwrite(d->records, 1, d->records_len, stdout) != d->records_len)
    return CG_ERR_IO;
  return ferror(stdout) ? CG_ERR_IO : CG_OK;
}

int run_corpus(const cg_catalog *cat, char **paths, size_t npaths,
               const common_opts *co, cg_record_format records,
               cg_graph *graph, int *fatal) {
  run_view rv;
  memset(&rv, 0, sizeof rv);
  rv.progress = !co->quiet && isatty(STDERR_FILENO);
  rv.started = now_seconds();
  cg_corpus_options o;
  memset(&o, 0, sizeof o);
  o.lang = co->lang;
  o.encoding = co->encoding;
  o.ignore_file_names = co->ignore_file_names;
  o.jobs = co->jobs;
  o.input = graph ? co->from : CG_INPUT_TEXTS;
  o.records = records;
  o.graph = graph;
  o.on_document = records ? on_document : NULL;
  o.on_message = on_message;
  o.on_progress = on_progress;
  o.ctx = &rv;
  o.cancel = &cli_interrupted;
  o.unresolved = co->unresolved;
  o.include = co->include;
  o.ninclude = co->ninclude;
  o.exclude = co->exclude;
  o.nexclude = co->nexclude;
  o.max_size = co->max_size;
  cg_corpus_stats stats;
  cg_diag diag;
  cg_status st = cg_corpus_run(cat, (const char *const *)paths, npaths, &o,
                               &stats, &diag);
  if (rv.progress)
    show_progress(&rv, 1);
  int status = stats.failed ? EXIT_INPUT : EXIT_OK;
  if (stats.skipped && !co->quiet)
    fprintf(stderr,
            "%s: %zu file%s in the folders skipped (not documents: data, "
            "images, archives, notes; or --exclude); --include GLOB reads "
            "them\n",
            progname, stats.skipped, stats.skipped == 1 ? "" : "s");
  if (st == CG_ERR_NOMEM)
    fprintf(stderr, "%s: out of memory\n", progname);
  if (st)
    status = EXIT_INPUT;
  if (fatal)
    *fatal = st || stats.cancelled;
  if (stats.cancelled) {
    fprintf(stderr, "%s: interrupted after %zu files\n", progname,
            stats.files);
    status = EXIT_INTERRUPT;
  }
  return status;
}

/* --body names one of the catalogue's bodies, in any case; it takes the
 * catalogue's spelling. Returns 0, or -1 after listing them. */
static int check_body(const cg_catalog *cat, common_opts *co) {
  if (!co->body)
    return 0;
  size_t n = cg_catalog_body_count(cat);
  for (size_t i = 0; i < n; i++)
    if (!strcasecmp(cg_catalog_body(cat, i), co->body)) {
      co->body = cg_catalog_body(cat, i);
      return 0;
    }
  fprintf(stderr, "%s: unknown --body '%s'; the catalogue has:", progname,
          co->body);
  for (size_t i = 0; i < n; i++)
    fprintf(stderr, " %s", cg_catalog_body(cat, i));
  fputc('\n', stderr);
  return -1;
}

cg_graph *graph_of_inputs(const char *cmd, char **paths, size_t npaths,
                          common_opts *co, cg_catalog **cat, int *status,
                          double seconds[2]) {
  *cat = NULL;
  if (!npaths) {
    fprintf(stderr, "%s: %s: no input (a file, a directory, or -)\n",
            progname, cmd);
    *status = EXIT_USAGE;
    return NULL;
  }
  if (load_catalog(co->refs, cat)) {
    *status = EXIT_USAGE;
    return NULL;
  }
  if (check_body(*cat, co)) {
    cg_catalog_free(*cat);
    *cat = NULL;
    *status = EXIT_USAGE;
    return NULL;
  }
  double t0 = now_seconds();
  cg_graph *g = cg_graph_new(*cat);
  if (!g) {
    fprintf(stderr, "%s: out of memory\n", progname);
    *status = EXIT_INPUT;
    goto fail;
  }
  cg_graph_set_communities(g, co->communities);
  int fatal = 0;
  int st = run_corpus(*cat, paths, npaths, co, CG_RECORDS_NONE, g, &fatal);
  if (st > *status)
    *status = st;
  if (fatal)
    goto fail;
  double t1 = now_seconds();
  cg_diag diag;
  if (cg_graph_analyse(g, &diag)) {
    fprintf(stderr, "%s: analysis failed: %s\n", progname, diag.message);
    goto fail;
  }
  if (seconds) {
    seconds[0] = t1 - t0;
    seconds[1] = now_seconds() - t1;
  }
  if (cg_graph_note(g)[0])
    fprintf(stderr, "%s: note: %s\n", progname, cg_graph_note(g));
  return g;
fail:
  cg_graph_free(g);
  cg_catalog_free(*cat);
  *cat = NULL;
  if (*status == EXIT_OK)
    *status = EXIT_INPUT;
  return NULL;
}
