/* xmllib.c — libxml2, opened when an HTML or Word file is first read. */
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

#include "dynlib.h"
#define XMLLIB_TABLE_ONLY
#include "xmllib.h"

xmllib_table xmllib;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int ready;
static char error[400];

static void load(void) {
  static const char *const names[] = {"libxml2.so.2", "libxml2.so", NULL};
  static const dynlib_entry fns[] = {
      DYNLIB_FN(xmllib_table, htmlReadMemory),
      DYNLIB_FN(xmllib_table, xmlDocGetRootElement),
      DYNLIB_FN(xmllib_table, xmlFreeDoc),
      DYNLIB_FN(xmllib_table, xmlGetProp),
      DYNLIB_FN(xmllib_table, xmlMemGet),
      DYNLIB_FN(xmllib_table, xmlNodeGetContent),
      DYNLIB_FN(xmllib_table, xmlReadMemory),
  };
  if (dynlib_load(names, fns, sizeof fns / sizeof *fns, &xmllib,
                  "reading HTML and Word needs the libxml2 library (Debian: "
                  "libxml2)",
                  "libxml2", error, sizeof error))
    return;
  /* xmlFree is a variable of the library's: what it holds is asked for. */
  if (xmllib.xmlMemGet(&xmllib.free_fn, NULL, NULL, NULL) != 0 ||
      !xmllib.free_fn) {
    snprintf(error, sizeof error, "libxml2: no free function");
    return;
  }
  ready = 1;
}

int xmllib_load(const char **why) {
  pthread_once(&once, load);
  *why = error;
  return ready ? 0 : -1;
}
