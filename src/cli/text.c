/* text.c — citegraph text: the text extract reads from a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Reads a whole file (or standard input for "-") into a new buffer. */
static char *read_file(const char *path, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap)
      break;
    char *p = cap < ((size_t)1 << 40) ? realloc(buf, cap * 2) : NULL;
    if (!p) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = p;
    cap *= 2;
  }
  int bad = ferror(f);
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
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
      printf("Usage: citegraph text [--encoding E] FILE\n\n"
             "Writes the text that extract reads from FILE (PDF, Word, HTML, "
             "text in any\nencoding) to standard output; the start and end "
             "offsets of extract point\ninto it.\n");
      return EXIT_OK;
    }
    if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc) {
      encoding = argv[++i];
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
  char *bytes = read_file(path, &len);
  if (!bytes) {
    fprintf(stderr, "%s: %s: cannot be read\n", progname, path);
    return EXIT_INPUT;
  }
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
