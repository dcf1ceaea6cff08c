/* docx.c — the text of a Word (.docx) document: libzip opens the package,
 * libxml2 reads its parts.
 *
 * word/document.xml gives the body: each w:p a paragraph, w:t its text,
 * w:tab a space, w:br a line break; deleted text (w:delText) and field
 * codes (w:instrText) are not text. Headers and footers (running heads)
 * are other parts and are not read. A footnote or endnote reference
 * (w:footnoteReference, w:endnoteReference) is written "[^n]", n counting
 * the references in the order they appear, as Word numbers them; the notes
 * themselves, from word/footnotes.xml and word/endnotes.xml, follow the
 * body as "[^n]: text" (the separator notes Word keeps there are skipped). */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>
#include "dynlib.h"
#include "xmllib.h"

/* libzip, opened when a Word file is first read (src/dynlib.c): linked in,
 * it and the libcrypto it brings would cost every run its start. */
#define ZL_FNS(X)                                                              \
  X(zip_discard)                                                               \
  X(zip_error_fini)                                                            \
  X(zip_error_init)                                                            \
  X(zip_error_strerror)                                                        \
  X(zip_fclose)                                                                \
  X(zip_fopen_index)                                                           \
  X(zip_fread)                                                                 \
  X(zip_name_locate)                                                           \
  X(zip_open_from_source)                                                      \
  X(zip_source_buffer_create)                                                  \
  X(zip_source_free)                                                           \
  X(zip_stat_index)
typedef struct {
  ZL_FNS(DYNLIB_FIELD)
} zip_table;
static zip_table zl;
#define ZL_ENTRY(f) DYNLIB_FN(zip_table, f),
static const dynlib_entry zl_fns[] = {ZL_FNS(ZL_ENTRY)};
static const char *const zl_names[] = {"libzip.so.4", "libzip.so", NULL};
static dynlib_lib zl_lib = {
    .names = zl_names, .fns = zl_fns, .nfns = sizeof zl_fns / sizeof *zl_fns,
    .table = &zl, .label = "libzip",
    .need = "reading Word needs the libzip library (Debian: libzip4)"};

/* Below, libzip's names call through the table. */
#define zip_discard zl.zip_discard
#define zip_error_fini zl.zip_error_fini
#define zip_error_init zl.zip_error_init
#define zip_error_strerror zl.zip_error_strerror
#define zip_fclose zl.zip_fclose
#define zip_fopen_index zl.zip_fopen_index
#define zip_fread zl.zip_fread
#define zip_name_locate zl.zip_name_locate
#define zip_open_from_source zl.zip_open_from_source
#define zip_source_buffer_create zl.zip_source_buffer_create
#define zip_source_free zl.zip_source_free
#define zip_stat_index zl.zip_stat_index


#include "input.h"

/* A part larger than this is refused: a small package can inflate to
 * gigabytes. */
#define MAX_PART (256u << 20)

typedef struct {
  long id;
  unsigned number;
} note_id;

typedef VEC(note_id) note_ids;

typedef struct {
  text_sink *sink;
  note_ids foot, end; /* note id -> number, in reference order */
  unsigned next_number;
  cg_buf note; /* the text of the note being read */
  int failed;
} docx_reader;

static int is_name(const xmlNode *n, const char *local) {
  return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

static long attr_id(const xmlNode *n) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)"id");
  long id = v ? strtol((const char *)v, NULL, 10) : -1000;
  xmlFree(v);
  return id;
}

static unsigned number_of(docx_reader *r, int endnote, long id, int add) {
  note_ids *v = endnote ? &r->end : &r->foot;
  for (size_t i = 0; i < v->n; i++)
    if (v->v[i].id == id)
      return v->v[i].number;
  if (!add)
    return 0;
  note_id ni = {id, ++r->next_number};
  if (VEC_PUSH(*v, ni))
    r->failed = 1;
  return ni.number;
}

/* Body text: writes what n holds into the sink. */
static void walk_body(docx_reader *r, const xmlNode *n) {
  for (const xmlNode *c = n; c && !r->failed; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    const char *name = (const char *)c->name;
    if (strcmp(name, "t") == 0) {
      xmlChar *t = xmlNodeGetContent(c);
      if (t)
        sink_text(r->sink, (const char *)t, strlen((const char *)t));
      xmlFree(t);
    } else if (strcmp(name, "tab") == 0) {
      r->sink->pending_space = 1;
    } else if (strcmp(name, "br") == 0 || strcmp(name, "cr") == 0) {
      sink_newline(r->sink);
    } else if (strcmp(name, "noBreakHyphen") == 0) {
      sink_text(r->sink, "-", 1);
    } else if (strcmp(name, "footnoteReference") == 0 ||
               strcmp(name, "endnoteReference") == 0) {
      unsigned k = number_of(r, name[0] == 'e', attr_id(c), 1);
      sink_note_ref(r->sink, k);
    } else if (strcmp(name, "delText") == 0 || strcmp(name, "instrText") == 0 ||
               strcmp(name, "del") == 0 || strcmp(name, "footnoteRef") == 0 ||
               strcmp(name, "endnoteRef") == 0 || strcmp(name, "rPr") == 0 ||
               strcmp(name, "pPr") == 0) {
      continue;
    } else if (strcmp(name, "p") == 0) {
      sink_break(r->sink);
      walk_body(r, c->children);
      sink_break(r->sink);
    } else {
      walk_body(r, c->children);
    }
  }
  if (r->sink->failed)
    r->failed = 1;
}

/* Note text: collects what n holds into r->note, paragraphs joined. */
static void walk_note(docx_reader *r, const xmlNode *n) {
  for (const xmlNode *c = n; c && !r->failed; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    const char *name = (const char *)c->name;
    if (strcmp(name, "t") == 0) {
      xmlChar *t = xmlNodeGetContent(c);
      if (t && buf_puts(&r->note, (const char *)t))
        r->failed = 1;
      xmlFree(t);
    } else if (strcmp(name, "tab") == 0 || strcmp(name, "br") == 0 ||
               strcmp(name, "cr") == 0) {
      if (buf_putc(&r->note, ' '))
        r->failed = 1;
    } else if (strcmp(name, "noBreakHyphen") == 0) {
      if (buf_putc(&r->note, '-'))
        r->failed = 1;
    } else if (strcmp(name, "delText") == 0 || strcmp(name, "instrText") == 0 ||
               strcmp(name, "del") == 0 || strcmp(name, "footnoteRef") == 0 ||
               strcmp(name, "endnoteRef") == 0 || strcmp(name, "rPr") == 0 ||
               strcmp(name, "pPr") == 0) {
      continue;
    } else {
      if (strcmp(name, "p") == 0 && r->note.len && buf_putc(&r->note, ' '))
        r->failed = 1;
      walk_note(r, c->children);
    }
  }
}

static xmlNode *find_child(xmlNode *n, const char *local) {
  for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
    if (is_name(c, local))
      return c;
  return NULL;
}

/* Reads a part into memory. Returns 0 and the bytes (caller frees), 1 when
 * the part is absent, -1 on error (diag set). */
static int read_part(zip_t *z, const char *name, char **out, size_t *len,
                     cg_diag *diag) {
  *out = NULL;
  *len = 0;
  zip_int64_t idx = zip_name_locate(z, name, 0);
  if (idx < 0)
    return 1;
  zip_stat_t zs;
  if (zip_stat_index(z, (zip_uint64_t)idx, 0, &zs) != 0 ||
      !(zs.valid & ZIP_STAT_SIZE)) {
    diag_set(diag, NULL, 0, 0, "damaged Word file: %s cannot be read", name);
    return -1;
  }
  if (zs.size > MAX_PART) {
    diag_set(diag, NULL, 0, 0,
             "Word file part %s inflates to %llu bytes, more than the %u MiB "
             "read",
             name, (unsigned long long)zs.size, MAX_PART >> 20);
    return -1;
  }
  zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)idx, 0);
  char *buf = malloc((size_t)zs.size + 1);
  if (!f || !buf) {
    if (f)
      zip_fclose(f);
    free(buf);
    diag_set(diag, NULL, 0, 0, buf ? "damaged Word file: %s cannot be opened"
                                   : "out of memory", name);
    return -1;
  }
  size_t got = 0;
  while (got < zs.size) {
    zip_int64_t k = zip_fread(f, buf + got, zs.size - got);
    if (k <= 0)
      break;
    got += (size_t)k;
  }
  zip_fclose(f);
  if (got != zs.size) {
    free(buf);
    diag_set(diag, NULL, 0, 0, "damaged Word file: %s is truncated", name);
    return -1;
  }
  buf[got] = '\0';
  *out = buf;
  *len = got;
  return 0;
}

static xmlDoc *parse_part(const char *bytes, size_t len) {
  if (len > (size_t)0x7FFFFFFF)
    return NULL;
  return xmlReadMemory(bytes, (int)len, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

/* The notes of footnotes.xml or endnotes.xml, in the order of their
 * numbers. */
static void read_notes(docx_reader *r, xmlDoc *doc, int endnote) {
  xmlNode *root = xmlDocGetRootElement(doc);
  const char *item = endnote ? "endnote" : "footnote";
  /* Notes in number order: numbers were given in reference order. */
  note_ids *v = endnote ? &r->end : &r->foot;
  for (size_t i = 0; i < v->n && !r->failed; i++) {
    for (xmlNode *c = root ? root->children : NULL; c; c = c->next) {
      if (!is_name(c, item) || attr_id(c) != v->v[i].id)
        continue;
      xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
      int special = type && strcmp((const char *)type, "normal") != 0;
      xmlFree(type);
      if (special)
        break;
      r->note.len = 0;
      walk_note(r, c->children);
      sink_note(r->sink, v->v[i].number, r->note.data ? r->note.data : "",
                r->note.len);
      break;
    }
  }
}

cg_status input_read_docx(const char *bytes, size_t len, input_text *out,
                          cg_diag *diag) {
  const char *why;
  if (dynlib_use(&zl_lib) || xmllib_load(&why)) {
    diag_set(diag, NULL, 0, 0, "%s", zl_lib.ready ? why : zl_lib.error);
    return CG_ERR_INPUT;
  }
  cg_status st = CG_OK;
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &zerr);
  zip_t *z = NULL;
  char *part = NULL;
  size_t plen = 0;
  xmlDoc *doc = NULL;
  text_sink sink;
  memset(&sink, 0, sizeof sink);
  docx_reader r;
  memset(&r, 0, sizeof r);
  r.sink = &sink;
  if (src)
    z = zip_open_from_source(src, ZIP_RDONLY, &zerr);
  if (!z) {
    diag_set(diag, NULL, 0, 0, "damaged zip archive (%s)",
             zip_error_strerror(&zerr));
    if (src)
      zip_source_free(src);
    zip_error_fini(&zerr);
    return CG_ERR_INPUT;
  }
  int rc = read_part(z, "word/document.xml", &part, &plen, diag);
  if (rc) {
    if (rc > 0)
      diag_set(diag, NULL, 0, 0,
               "a zip archive that is not a Word document (no "
               "word/document.xml)");
    st = CG_ERR_INPUT;
    goto cleanup;
  }
  doc = parse_part(part, plen);
  if (!doc || !xmlDocGetRootElement(doc)) {
    diag_set(diag, NULL, 0, 0, "damaged Word file: word/document.xml is not XML");
    st = CG_ERR_INPUT;
    goto cleanup;
  }
  xmlNode *body = find_child(xmlDocGetRootElement(doc), "body");
  if (body)
    walk_body(&r, body->children);
  xmlFreeDoc(doc);
  doc = NULL;
  free(part);
  part = NULL;
  for (int endnote = 0; endnote < 2 && !r.failed; endnote++) {
    const char *name = endnote ? "word/endnotes.xml" : "word/footnotes.xml";
    if ((endnote ? r.end.n : r.foot.n) == 0)
      continue;
    rc = read_part(z, name, &part, &plen, diag);
    if (rc < 0) {
      st = CG_ERR_INPUT;
      goto cleanup;
    }
    if (rc == 0) {
      doc = parse_part(part, plen);
      if (!doc) {
        diag_set(diag, NULL, 0, 0, "damaged Word file: %s is not XML", name);
        st = CG_ERR_INPUT;
        goto cleanup;
      }
      read_notes(&r, doc, endnote);
      xmlFreeDoc(doc);
      doc = NULL;
    }
    free(part);
    part = NULL;
  }
  if (r.failed || sink.failed) {
    diag_set(diag, NULL, 0, 0, "out of memory");
    st = CG_ERR_NOMEM;
    goto cleanup;
  }
  st = sink_finish(&sink, out, diag);
cleanup:
  sink_free(&sink);
  buf_free(&r.note);
  free(r.foot.v);
  free(r.end.v);
  if (doc)
    xmlFreeDoc(doc);
  free(part);
  zip_discard(z); /* also frees the source */
  zip_error_fini(&zerr);
  return st;
}
