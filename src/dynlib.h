/* dynlib.h — libraries opened when first needed.
 *
 * Poppler (PDF) and Graphviz (pictures) bring some seventy shared libraries
 * with them: linked in, every run would map and relocate them, though most
 * runs read text and write records. They are opened on first use instead,
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

#endif
