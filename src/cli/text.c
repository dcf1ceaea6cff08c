/* text.c — citegraph text: the text extract reads from a file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* Reads a whole file (or standard input for "-") into a new buffer, at
 * most `limit` bytes: a larger regular file is refused before it is read,
 * anything else once more than the limit came. Returns NULL after saying
 * why. */
static char *read_file(const char *path, unsigned long long limit,
                       size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "%s: %s: %s\n", progname, path, strerror(errno));
    return NULL;
  }
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
      (unsigned long long)st.st_size > limit) {
    char size[32], max[32];
    fprintf(stderr, "%s: %s: %s, more than the size limit of %s (--max-size)\n",
            progname, path, size_text((unsigned long long)st.st_size, size, sizeof size),
            size_text(limit, max, sizeof max));
    if (f != stdin)
      fclose(f);
    return NULL;
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  int big = 0;
  while (buf && !cli_interrupted) {
    n += fread(buf + n, 1, cap - n, f);
    if (n > limit) {
      big = 1;
      break;
    }
    if (n < cap)
      break;
    char *p = realloc(buf, cap * 2);
    if (!p) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = p;
    cap *= 2;
  }
  int bad = ferror(f) || big || cli_interrupted || !buf;
  char max[32];
  if (big)
    fprintf(stderr, "%s: %s: more than the size limit of %s (--max-size) "
                    "read\n", progname, path, size_text(limit, max, sizeof max));
  else if (bad)
    fprintf(stderr, "%s: %s: %s\n", progname, path,
            cli_interrupted ? "interrupted while reading"
            : !buf          ? "out of memory"
                            : strerror(errno));
  if (f != stdin)
    fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

int cmd_text(int argc, char **argv) {
  const char *path = NULL, *encoding = NULL;
  unsigned long long max_size = CG_MAX_SIZE_DEFAULT;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
      printf("Usage: citegraph text [--encoding E] [--max-size N] FILE\n\n"
             "Writes the text that extract reads from FILE (PDF, Word, HTML, "
             "text in any\nencoding) to standard output; the start and end "
             "offsets of extract point\ninto it. At most --max-size bytes "
             "are read (default 256M).\n");
      return EXIT_OK;
    }
    if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc) {
      encoding = argv[++i];
    } else if (strcmp(argv[i], "--max-size") == 0 && i + 1 < argc) {
      common_opts co;
      common_defaults(&co);
      if (common_option(argc, argv, &i, &co, 0) < 0)
        return EXIT_USAGE;
      max_size = co.max_size;
    } else if (!path) {
      path = argv[i];
    } else {
      fprintf(stderr, "%s: text: one FILE only\n", progname);
      return EXIT_USAGE;
    }
  }
  if (!path) {
    fprintf(stderr, "%s: text: no input file\n", progname);
    return EXIT_USAGE;
  }
  size_t len = 0;
  char *bytes = read_file(path, max_size, &len);
  if (!bytes)
    return cli_interrupted ? EXIT_INTERRUPT : EXIT_INPUT;
  cg_text *doc = NULL;
  cg_text_options opts = {encoding};
  cg_diag diag;
  cg_status st = cg_text_load(path, bytes, len, &opts, &doc, &diag);
  int status = EXIT_OK;
  if (st) {
    fprintf(stderr, "%s: %s: %s\n", progname, path,
            diag.message[0] ? diag.message : cg_strerror(st));
    status = EXIT_INPUT;
  } else {
    size_t n;
    const char *t = cg_text_data(doc, &n);
    if (fwrite(t, 1, n, stdout) != n || fflush(stdout))
      status = EXIT_INPUT;
  }
  cg_text_free(doc);
  free(bytes);
  return status;
}
