/* main.c — the citegraph command line: finds the command and runs it.
 * Each command is in its own file (extract.c, top.c, graph.c, refs.c); the options
 * and usage texts they share are in options.c, corpus runs as they are
 * shown on a terminal in run.c. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

volatile sig_atomic_t cli_interrupted;

static void on_signal(int sig) {
  (void)sig;
  cli_interrupted = 1;
}

static const struct {
  const char *name;
  int (*run)(int argc, char **argv);
} commands[] = {
    {"extract", cmd_extract},
    {"graph", cmd_graph},
    {"refs", cmd_refs},
    {"top", cmd_top},
    {"text", cmd_text},
};

static int run(int argc, char **argv) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  if (argc < 2) {
    usage_main(stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
      strcmp(cmd, "help") == 0) {
    usage_main(stdout);
    return EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("citegraph %s\n", CG_VERSION);
    return EXIT_OK;
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(cmd, commands[i].name) == 0)
      return commands[i].run(argc - 1, argv + 1);
  fprintf(stderr, "%s: unknown command '%s'\n", progname, cmd);
  usage_main(stderr);
  return EXIT_USAGE;
}

/* Every byte for standard output went through stdio: closing it says
 * whether they all arrived (a full disk, /dev/full, a closed pipe). */
static int close_stdout(int status) {
  int bad = ferror(stdout), err = errno;
  if (fclose(stdout) != 0) {
    bad = 1;
    err = errno;
  }
  if (!bad)
    return status;
  fprintf(stderr, "%s: error writing standard output: %s\n", progname,
          strerror(err ? err : EIO));
  return status == EXIT_OK ? EXIT_INPUT : status;
}

int main(int argc, char **argv) {
  char **args = split_attached(&argc, argv);
  int status = run(argc, args);
  if (args != argv)
    free(args);
  return close_stdout(status);
}
