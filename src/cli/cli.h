/* cli.h — what the command files share: exit statuses, options, messages.
 * The commands talk to the library through citegraph.h only. */
#ifndef CG_CLI_H
#define CG_CLI_H

#include <signal.h>
#include <stdio.h>

#include "citegraph.h"

/* Exit statuses, documented in --help and docs/cli.md. */
enum {
  EXIT_OK = 0,        /* everything was processed */
  EXIT_INPUT = 1,     /* some input could not be processed; the rest was */
  EXIT_USAGE = 2,     /* bad command line or unusable catalogue */
  EXIT_INTERRUPT = 130
};

extern const char *progname;

/* Set by SIGINT and SIGTERM; a corpus run stops soon after. */
extern volatile sig_atomic_t cli_interrupted;

/* The commands (extract.c, top.c, graph.c): argv[0] is the command's name.
 * Each returns the exit status. */
int cmd_extract(int argc, char **argv);
int cmd_top(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_text(int argc, char **argv);
int cmd_refs(int argc, char **argv);

/* ------------------------------------------------------------ options.c */

void usage_main(FILE *f);
void usage_extract(FILE *f);
void usage_top(FILE *f);
void usage_graph(FILE *f);
void usage_refs(FILE *f);

/* The options every command takes, and --from for top and graph. */
typedef struct {
  const char *lang, *refs;
  const char *encoding;  /* --encoding, or NULL */
  int ignore_file_names; /* --id-from-name off */
  unsigned jobs;
  int quiet;
  cg_input from;
  int unresolved; /* extract --unresolved */
  const char *include[32], *exclude[32]; /* --include, --exclude globs */
  size_t ninclude, nexclude;
  cg_communities communities; /* graph: --communities */
  unsigned long long max_size; /* --max-size, 0 for the library's default */
  const char *body; /* top and graph --body: checked against the catalogue
                       (and made its spelling) when it is loaded */
} common_opts;

void common_defaults(common_opts *o);

/* Reads argv[*i] if it is one of the common options (-q, -j N, --lang L,
 * --refs DIR, --encoding E, --id-from-name off|auto, --max-size N; --from F
 * when `from` is set), moving *i past its value: 1 if it was, 0 if it was
 * not, -1 for a bad value (already reported). */
int common_option(int argc, char **argv, int *i, common_opts *o, int from);

/* Reads a whole number from `min` to `max` given to option `opt`: digits
 * only, no sign, nothing after. Returns 0, or -1 after saying what it
 * wants. */
int parse_number(const char *opt, const char *v, unsigned long long min,
                 unsigned long long max, unsigned long long *out);

/* "256 MiB", "1.5 GiB", "800 bytes" into out; returns out. */
char *size_text(unsigned long long n, char *out, size_t cap);

/* Reads --years "A-B" (or "A": that year only), 1 <= A <= B <= 9999.
 * Returns 0, or -1 after saying what it wants. */
int parse_years(const char *v, int *from, int *to);

/* Reads --kind: one of the vertex kinds, or "all" when `all` is set.
 * Returns 0, or -1 after listing them. */
int parse_kind(const char *v, int all);

/* "-j4" and "--opt=value" are read as "-j 4" and "--opt value". Returns the
 * new argument vector (free with free()), or argv when out of memory. */
char **split_attached(int *argc, char **argv);

/* Loads the catalogue: --refs, $CITEGRAPH_REFS, the refs/ folder beside the
 * executable, or the installed default. Returns 0, or -1 after saying why. */
int load_catalog(const char *refs_opt, cg_catalog **cat);

/* The catalogue folder load_catalog reads: --refs, $CITEGRAPH_REFS, the
 * refs/ folder beside the executable, or the installed default. Returns
 * refs_opt, a string of the environment, `buf` (size `cap`) or a constant. */
const char *catalog_dir(const char *refs_opt, char *buf, size_t cap);

/* ------------------------------------------------------------ run.c */

/* Runs the corpus with messages and a progress line on standard error;
 * with `records`, each document's records go to standard output. Adds to
 * `graph` if not NULL. Returns the exit status; *fatal (if not NULL) says
 * the run stopped early (out of memory, interrupted). */
int run_corpus(const cg_catalog *cat, char **paths, size_t npaths,
               const common_opts *co, cg_record_format records,
               cg_graph *graph, int *fatal);

/* For top and graph: loads the catalogue and builds the analysed graph of
 * the inputs. Returns NULL with *status set on failure; on success the
 * caller frees *cat and the graph. `seconds` (may be NULL) receives the
 * seconds spent reading and building, then analysing. co->body is checked
 * against the catalogue (exit 2 when it names no body). */
cg_graph *graph_of_inputs(const char *cmd, char **paths, size_t npaths,
                          common_opts *co, cg_catalog **cat, int *status,
                          double seconds[2]);

double now_seconds(void);

#endif
