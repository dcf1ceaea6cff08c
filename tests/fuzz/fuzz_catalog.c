/* fuzz_catalog.c — libFuzzer target: the catalogue loader on arbitrary
 * YAML. The first byte of an input picks the file it replaces in a copy of
 * refs/ (bodies, instruments, or a vocabulary); the rest is its content. */
#include "fuzz_tmpdir.h" /* first: it sets _XOPEN_SOURCE */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "citegraph.h"

static char dir[256];

static int copy(const char *from, const char *to) {
  FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
  if (!in || !out) {
    if (in)
      fclose(in);
    if (out)
      fclose(out);
    return -1;
  }
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0)
    fwrite(buf, 1, n, out);
  fclose(in);
  return fclose(out);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *refs = getenv("CITEGRAPH_REFS");
  if (!refs)
    refs = "refs";
  /* Removed when the fuzzer exits: runs leave no folders behind. */
  static const char *const subdirs[] = {"lang", NULL};
  snprintf(dir, sizeof dir, "%s", fuzz_tmpdir("citegraph-fuzz-catalog", subdirs));
  char p[512], q[512];
  /* The core instruments stand in for the whole folder: one file, so that
   * every input replaces all the instruments. */
  const char *files[] = {"bodies.yaml", "instruments.yaml", "symbols.yaml",
                         "lang/en.yaml"};
  const char *from[] = {"bodies.yaml", "instruments/un-core.yaml",
                        "symbols.yaml", "lang/en.yaml"};
  for (size_t i = 0; i < 4; i++) {
    snprintf(p, sizeof p, "%s/%s", refs, from[i]);
    snprintf(q, sizeof q, "%s/%s", dir, files[i]);
    if (copy(p, q))
      abort();
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!size)
    return 0;
  static const char *const targets[] = {"bodies.yaml", "instruments.yaml",
                                        "symbols.yaml", "lang/xx.yaml"};
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, targets[data[0] % 4]);
  char saved[512];
  snprintf(saved, sizeof saved, "%s.saved", path);
  int replaced = data[0] % 4 < 3;
  if (replaced && rename(path, saved))
    abort();
  FILE *f = fopen(path, "wb");
  if (!f)
    abort();
  fwrite(data + 1, 1, size - 1, f);
  fclose(f);
  cg_catalog *cat = NULL;
  cg_diag diag;
  if (cg_catalog_load(dir, &cat, &diag) == CG_OK) {
    cg_extractor *ex = cg_extractor_new(cat);
    const cg_result *res;
    static const char text[] =
        "The General Assembly,\nRecalling its resolution 61/144 and article 5 "
        "of the Convention, Security Council resolution 2331 (2016).\n";
    if (ex)
      cg_extract(ex, text, sizeof text - 1, NULL, &res, NULL);
    cg_extractor_free(ex);
  } else if (!diag.message[0]) {
    abort(); /* every failure says why */
  }
  cg_catalog_free(cat);
  if (replaced)
    rename(saved, path);
  else
    remove(path);
  return 0;
}
