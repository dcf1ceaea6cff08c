/* dynlib.h — libraries opened when first needed.
 *
 * Poppler (PDF), Graphviz (pictures), igraph (the analysis), libxml2 (HTML,
 * Word), libzip (Word) and uchardet (legacy encodings) bring some ninety
 * shared libraries with them: linked in, every run would map and relocate
 * them, though most runs read text and write records. They are opened on first use instead,
 * once per process, and a run that needs one that is missing gets an
 * error naming it. */
#ifndef CG_DYNLIB_H
#define CG_DYNLIB_H

#include <stddef.h>

typedef void (*dynlib_fn)(void);

/* Opens the first of `names` (sonames, NULL-terminated) that loads, with
 * its symbols resolved now. Returns the handle, or NULL with the loader's
 * reason in why (cap bytes). Handles are never closed. */
void *dynlib_open(const char *const *names, char *why, size_t cap);

/* The function `name` of handle h or of a library it depends on, or NULL
 * (then `why` says which, when why is not NULL). */
dynlib_fn dynlib_sym(void *h, const char *name, char *why, size_t cap);

/* One function of a table of them: its name and where its pointer goes
 * (DYNLIB_FN(table_type, name) makes one). */
typedef struct {
  const char *name;
  size_t offset;
} dynlib_entry;

#define DYNLIB_FN(type, f) {#f, offsetof(type, f)}

/* Opens the first of `names` that loads and fills `table`, a struct of
 * function pointers, with the n functions `fns` name. Returns 0, or -1
 * with the reason in err (cap bytes): "<need>: <loader's reason>" when no
 * library opens, "<label>: <function> missing" when one lacks a function
 * (then the table is left incomplete and must not be used). */
int dynlib_load(const char *const *names, const dynlib_entry *fns, size_t n,
                void *table, const char *need, const char *label, char *err,
                size_t cap);

/* A library opened on first use, once per process: what dynlib_load needs,
 * and what came of it. Define one as a static, naming the fields before
 * `tried` (designated initializers); `finish`, when not NULL, runs once the table is filled and returns NULL
 * or why the library cannot be used after all. */
typedef struct {
  const char *const *names;
  const dynlib_entry *fns;
  size_t nfns;
  void *table;
  const char *need, *label;
  const char *(*finish)(void *table);
  int tried, ready; /* set by dynlib_use */
  char error[400];
} dynlib_lib;

/* Opens lib and fills its table on the first call, from whichever thread
 * (the others wait); every call returns the same: 0 when the table may be
 * used, else -1 with the reason in lib->error. */
int dynlib_use(dynlib_lib *lib);

/* For a table's struct and its entries from one list of names:
 *   #define GV_FNS(X) X(gvContext) X(gvLayout) ...
 *   typedef struct { GV_FNS(DYNLIB_FIELD) } gv_table;  */
#define DYNLIB_FIELD(f) __typeof__(&f) f;

#endif
