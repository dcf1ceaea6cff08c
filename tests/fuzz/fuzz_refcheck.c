/* fuzz_refcheck.c — libFuzzer target: the catalogue check on arbitrary
 * YAML. A small catalogue is copied from refs/ (bodies, the United Nations
 * core instruments, the English and Arabic vocabularies: Arabic has the
 * clitic prefixes); the first byte of an input picks the file it replaces
 * or adds (bodies, a second instruments file, the Arabic vocabulary, a new
 * vocabulary), the rest is its content. Every string of a report is read;
 * a failure must say why. */
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
  static const char *const subdirs[] = {"lang", "instruments", NULL};
  snprintf(dir, sizeof dir, "%s", fuzz_tmpdir("citegraph-fuzz-refcheck", subdirs));
  char p[512], q[512];
  static const char *const files[][2] = {
      {"bodies.yaml", "bodies.yaml"},
      {"instruments/un-core.yaml", "instruments/a.yaml"},
      {"lang/en.yaml", "lang/en.yaml"},
      {"lang/ar.yaml", "lang/ar.yaml"}};
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    snprintf(p, sizeof p, "%s/%s", refs, files[i][0]);
    snprintf(q, sizeof q, "%s/%s", dir, files[i][1]);
    if (copy(p, q))
      abort();
  }
  return 0;
}

static volatile size_t sink;

/* Reads a whole string (the sanitizers see a bad pointer); NULL aborts. */
static size_t touch(const char *s) {
  if (!s)
    abort();
  return strlen(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!size)
    return 0;
  static const char *const targets[] = {"bodies.yaml", "instruments/b.yaml",
                                        "lang/ar.yaml", "lang/xx.yaml"};
  int which = data[0] % 4;
  char path[512], saved[512];
  snprintf(path, sizeof path, "%s/%s", dir, targets[which]);
  snprintf(saved, sizeof saved, "%s.saved", path);
  int replaced = which == 0 || which == 2;
  if (replaced && rename(path, saved))
    abort();
  FILE *f = fopen(path, "wb");
  if (!f)
    abort();
  fwrite(data + 1, 1, size - 1, f);
  fclose(f);
  cg_check_report *rep = NULL;
  cg_diag diag;
  if (cg_catalog_check(dir, &rep, &diag) == CG_OK) {
    size_t sum = 0;
    for (size_t i = 0; i < cg_check_report_count(rep); i++) {
      const cg_check_finding *x = cg_check_report_finding(rep, i);
      sum += touch(x->lang) + touch(x->name) + touch(x->context) +
             touch(x->file) + touch(x->body) + touch(x->detail) +
             touch(cg_check_kind_name(x->kind));
      for (size_t k = 0; k < x->ninstruments; k++)
        sum += touch(x->instruments[k]);
    }
    for (size_t l = 0; l < cg_check_report_languages(rep); l++) {
      const cg_check_coverage *c = cg_check_report_coverage(rep, l);
      if (c->full > c->named || c->named > cg_check_report_instruments(rep))
        abort();
      sum += touch(c->lang);
    }
    if (cg_check_report_warnings(rep) > cg_check_report_count(rep))
      abort();
    sink += sum;
  } else if (!diag.message[0] || rep) {
    abort(); /* every failure says why, and leaves no report */
  }
  cg_check_report_free(rep);
  if (replaced)
    rename(saved, path);
  else
    remove(path);
  return 0;
}
