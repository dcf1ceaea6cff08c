/* xmllib.c — libxml2, opened when an HTML or Word file is first read. */
#include <stddef.h>

#include "dynlib.h"
#define XMLLIB_TABLE_ONLY
#include "xmllib.h"

xmllib_table xmllib;

#define XML_ENTRY(f) DYNLIB_FN(xmllib_table, f),
static const dynlib_entry fns[] = {XMLLIB_FNS(XML_ENTRY)};
static const char *const names[] = {"libxml2.so.2", "libxml2.so", NULL};

/* xmlFree is a variable of the library's: what it holds is asked for. */
static const char *find_free(void *table) {
  xmllib_table *t = table;
  return t->xmlMemGet(&t->free_fn, NULL, NULL, NULL) != 0 || !t->free_fn
             ? "no free function"
             : NULL;
}

static dynlib_lib lib = {
    .names = names, .fns = fns, .nfns = sizeof fns / sizeof *fns,
    .table = &xmllib, .label = "libxml2", .finish = find_free,
    .need = "reading HTML and Word needs the libxml2 library (Debian: libxml2)"};

int xmllib_load(const char **why) {
  int st = dynlib_use(&lib);
  *why = lib.error;
  return st;
}
