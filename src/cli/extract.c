/* extract.c — `citegraph extract`: the records of each file on standard
 * output. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Whether the catalogue has a vocabulary for `lang`; says which it has when
 * not. */
static int known_lang(const cg_catalog *cat, const char *lang) {
  size_t n = cg_catalog_lang_count(cat);
  if (!lang || !n)
    return 1;
  for (size_t i = 0; i < n; i++)
    if (strcmp(cg_catalog_lang(cat, i), lang) == 0)
      return 1;
  fprintf(stderr, "%s: unknown --lang '%s'; the catalogue has:", progname,
          lang);
  for (size_t i = 0; i < n; i++)
    fprintf(stderr, " %s", cg_catalog_lang(cat, i));
  fputc('\n', stderr);
  return 0;
}

int cmd_extract(int argc, char **argv) {
  common_opts co;
  common_defaults(&co);
  cg_record_format fmt = CG_RECORDS_JSONL;
  char **files = calloc((size_t)argc + 1, sizeof *files);
  size_t nfiles = 0;
  int only_files = 0, status = EXIT_OK;
  if (!files) {
    fprintf(stderr, "%s: out of memory\n", progname);
    return EXIT_INPUT;
  }
  for (int i = 1, c; i < argc; i++) {
    const char *a = argv[i];
    if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
      files[nfiles++] = argv[i];
    } else if (strcmp(a, "--") == 0) {
      only_files = 1;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage_extract(stdout);
      goto done;
    } else if ((c = common_option(argc, argv, &i, &co, 0)) != 0) {
      if (c < 0) {
        status = EXIT_USAGE;
        goto done;
      }
    } else if (strcmp(a, "--unresolved") == 0) {
      co.unresolved = 1;
    } else if (strcmp(a, "--format") == 0 && i + 1 < argc) {
      const char *v = argv[++i];
      if (strcmp(v, "jsonl") == 0 || strcmp(v, "json") == 0)
        fmt = CG_RECORDS_JSONL;
      else if (strcmp(v, "tsv") == 0)
        fmt = CG_RECORDS_TSV;
      else {
        fprintf(stderr, "%s: unknown --format '%s' (expected jsonl or tsv)\n",
                progname, v);
        status = EXIT_USAGE;
        goto done;
      }
    } else {
      fprintf(stderr, "%s: unknown option '%s' for extract\n", progname, a);
      fprintf(stderr, "Try 'citegraph extract --help'.\n");
      status = EXIT_USAGE;
      goto done;
    }
  }
  if (!nfiles) {
    fprintf(stderr, "%s: extract: no input file (use - for standard input)\n",
            progname);
    fprintf(stderr, "Try 'citegraph extract --help'.\n");
    status = EXIT_USAGE;
    goto done;
  }
  cg_catalog *cat = NULL;
  if (load_catalog(co.refs, &cat)) {
    status = EXIT_USAGE;
    goto done;
  }
  if (!known_lang(cat, co.lang)) {
    cg_catalog_free(cat);
    status = EXIT_USAGE;
    goto done;
  }
  static char outbuf[1 << 16];
  setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
  fputs(cg_records_header(fmt), stdout);
  /* A write error stops the run; main says why when it closes stdout. */
  status = run_corpus(cat, files, nfiles, &co, fmt, NULL, NULL);
  cg_catalog_free(cat);
done:
  free(files);
  return status;
}
