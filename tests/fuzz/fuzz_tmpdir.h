/* fuzz_tmpdir.h — a temporary folder for a fuzz target's files: made with
 * mkdtemp under $TMPDIR (else /tmp) and removed, with everything in it,
 * when the fuzzer exits (at the end of -max_total_time or -runs). */
#ifndef CG_FUZZ_TMPDIR_H
#define CG_FUZZ_TMPDIR_H

#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char fuzz_dir[512];

static int fuzz_remove_one(const char *path, const struct stat *st, int type,
                           struct FTW *ftw) {
  (void)st;
  (void)type;
  (void)ftw;
  return remove(path);
}

static void fuzz_tmpdir_remove(void) {
  if (fuzz_dir[0])
    nftw(fuzz_dir, fuzz_remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Makes the folder and the subfolders named in `subdirs` (NULL-ended);
 * aborts when it cannot. Returns the folder's path. */
static const char *fuzz_tmpdir(const char *name, const char *const *subdirs) {
  const char *base = getenv("TMPDIR");
  snprintf(fuzz_dir, sizeof fuzz_dir, "%s/%s-XXXXXX",
           base && base[0] ? base : "/tmp", name);
  if (!mkdtemp(fuzz_dir))
    abort();
  atexit(fuzz_tmpdir_remove);
  for (; subdirs && *subdirs; subdirs++) {
    char p[600];
    snprintf(p, sizeof p, "%s/%s", fuzz_dir, *subdirs);
    if (mkdir(p, 0700) != 0)
      abort();
  }
  return fuzz_dir;
}

#endif
