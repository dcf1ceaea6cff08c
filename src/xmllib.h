/* xmllib.h — libxml2, opened when an HTML or Word file is first read.
 *
 * Linked in, libxml2 (and the ICU it brings) would be mapped and relocated
 * by every run, most of which read text. Include this after libxml2's
 * headers: it turns the calls html.c and docx.c make into calls through
 * the table xmllib_load fills. */
#ifndef CG_XMLLIB_H
#define CG_XMLLIB_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "dynlib.h"

#define XMLLIB_FNS(X)                                                          \
  X(htmlReadMemory)                                                            \
  X(xmlDocGetRootElement)                                                      \
  X(xmlFreeDoc)                                                                \
  X(xmlGetProp)                                                                \
  X(xmlMemGet)                                                                 \
  X(xmlNodeGetContent)                                                         \
  X(xmlReadMemory)
typedef struct {
  XMLLIB_FNS(DYNLIB_FIELD)
  xmlFreeFunc free_fn; /* the library's xmlFree, from xmlMemGet */
} xmllib_table;

extern xmllib_table xmllib;

/* Opens libxml2 once per process. Returns 0, or -1 with the reason (which
 * names the Debian package) in *why. */
int xmllib_load(const char **why);

#ifndef XMLLIB_TABLE_ONLY /* xmllib.c names the functions themselves */
#define htmlReadMemory xmllib.htmlReadMemory
#define xmlDocGetRootElement xmllib.xmlDocGetRootElement
#define xmlFreeDoc xmllib.xmlFreeDoc
#define xmlGetProp xmllib.xmlGetProp
#define xmlNodeGetContent xmllib.xmlNodeGetContent
#define xmlReadMemory xmllib.xmlReadMemory
#undef xmlFree
#define xmlFree xmllib.free_fn
#endif

#endif
