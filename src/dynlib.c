/* dynlib.c — libraries opened when first needed (see dynlib.h). */
#include "dynlib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

void *dynlib_open(const char *const *names, char *why, size_t cap) {
  const char *err = NULL;
  for (size_t i = 0; names[i]; i++) {
    void *h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (h)
      return h;
    err = dlerror();
  }
  if (why && cap)
    snprintf(why, cap, "%s", err ? err : "no library named");
  return NULL;
}

dynlib_fn dynlib_sym(void *h, const char *name, char *why, size_t cap) {
  dlerror();
  void *p = dlsym(h, name);
  if (!p) {
    if (why && cap)
      snprintf(why, cap, "%s has no function %s", "the library", name);
    return NULL;
  }
  /* POSIX makes the object pointer dlsym returns a function's address;
   * ISO C has no cast between the two, so the bytes are copied. */
  dynlib_fn f;
  memcpy(&f, &p, sizeof f);
  return f;
}

int dynlib_load(const char *const *names, const dynlib_entry *fns, size_t n,
                void *table, const char *need, const char *label, char *err,
                size_t cap) {
  char why[300];
  void *h = dynlib_open(names, why, sizeof why);
  if (!h) {
    snprintf(err, cap, "%s: %s", need, why);
    return -1;
  }
  for (size_t i = 0; i < n; i++) {
    dynlib_fn f = dynlib_sym(h, fns[i].name, why, sizeof why);
    if (!f) {
      snprintf(err, cap, "%s: %s", label, why);
      return -1;
    }
    memcpy((char *)table + fns[i].offset, &f, sizeof f);
  }
  return 0;
}

int dynlib_use(dynlib_lib *lib) {
  static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&lock);
  if (!lib->tried) {
    lib->tried = 1;
    lib->ready = !dynlib_load(lib->names, lib->fns, lib->nfns, lib->table,
                              lib->need, lib->label, lib->error,
                              sizeof lib->error);
    const char *why = lib->ready && lib->finish ? lib->finish(lib->table) : NULL;
    if (why) {
      snprintf(lib->error, sizeof lib->error, "%s: %s", lib->label, why);
      lib->ready = 0;
    }
  }
  int ready = lib->ready;
  pthread_mutex_unlock(&lock);
  return ready ? 0 : -1;
}
