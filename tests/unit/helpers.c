/* helpers.c — what the suites share: the real catalogue, temporary
 * folders, small text utilities. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suites.h"

static cg_catalog *shared_cat;

const char *test_refs_dir(void) {
  const char *env = getenv("CITEGRAPH_REFS");
  return env && env[0] ? env : "refs";
}

const cg_catalog *test_catalog(void) {
  if (!shared_cat) {
    cg_diag diag;
    cg_status st = cg_catalog_load(test_refs_dir(), &shared_cat, &diag);
    if (st) {
      char msg[1200];
      ck_abort_msg("cannot load the catalogue: %s",
                   cg_diag_format(&diag, msg, sizeof msg));
    }
  }
  return shared_cat;
}

void test_catalog_release(void) {
  cg_catalog_free(shared_cat);
  shared_cat = NULL;
}

char *tmpdir_new(void) {
  const char *base = getenv("TMPDIR");
  if (!base || !base[0])
    base = "/tmp";
  size_t n = strlen(base) + 32;
  char *dir = malloc(n);
  ck_assert_ptr_nonnull(dir);
  snprintf(dir, n, "%s/cg-unit-XXXXXX", base);
  ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp: %s", strerror(errno));
  return dir;
}

static void remove_tree(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0)
    return;
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    if (d) {
      struct dirent *e;
      while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
          continue;
        size_t n = strlen(path) + strlen(e->d_name) + 2;
        char *sub = malloc(n);
        if (!sub)
          break;
        snprintf(sub, n, "%s/%s", path, e->d_name);
        remove_tree(sub);
        free(sub);
      }
      closedir(d);
    }
    rmdir(path);
  } else {
    unlink(path);
  }
}

void tmpdir_remove(char *dir) {
  if (!dir)
    return;
  remove_tree(dir);
  free(dir);
}

int write_text(const char *dir, const char *rel, const char *text) {
  char path[4096];
  const char *slash = strchr(rel, '/');
  if (slash) {
    snprintf(path, sizeof path, "%s/%.*s", dir, (int)(slash - rel), rel);
    if (mkdir(path, 0755) != 0 && errno != EEXIST)
      return -1;
  }
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  FILE *f = fopen(path, "wb");
  if (!f)
    return -1;
  size_t n = strlen(text);
  int bad = fwrite(text, 1, n, f) != n;
  bad |= fclose(f) != 0;
  return bad ? -1 : 0;
}

size_t offset_of(const char *hay, const char *needle, int nth) {
  const char *p = hay;
  for (int k = 0;; k++) {
    p = strstr(p, needle);
    ck_assert_msg(p != NULL, "'%s' not found (occurrence %d)", needle, nth);
    if (k == nth)
      return (size_t)(p - hay);
    p++;
  }
}
