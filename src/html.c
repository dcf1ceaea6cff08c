/* html.c — the text of an HTML page, through libxml2's HTML parser.
 *
 * Entities are decoded by the parser (&nbsp; becomes a space); script,
 * style, head, template, noscript and svg hold no text of the document.
 * Block elements (p, div, li, h1–h6, tr, …) end paragraphs, <br> ends a
 * line, the rest is running text.
 *
 * Footnotes, as UN pages and converters write them:
 *   - a reference is a <sup> holding a number ("<sup>3</sup>", also inside
 *     a link "<a href="#fn3"><sup>3</sup></a>"), written "[^3]";
 *   - notes are the children of an element whose class or id names
 *     footnotes ("footnotes", "footnote", "endnotes", id "fn3",
 *     "footnote-3"), or, after an <hr>, the paragraphs that open with a
 *     number ("<sup>3</sup> text", "3. text", "[3] text"). A note's number
 *     is the one it opens with, else its id's, else its place in the list.
 *   Back links in notes (class footnote-back, role doc-backlink) are not
 *   text. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "xmllib.h"

#include "input.h"

typedef struct {
  text_sink *sink;
  cg_buf note;
  int after_hr;
  int failed;
} html_reader;

static int name_is(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE &&
         strcasecmp((const char *)n->name, name) == 0;
}

static int is_skipped(const xmlNode *n) {
  static const char *const skip[] = {"script", "style", "head", "template",
                                     "noscript", "svg", "iframe", "object",
                                     "button", "select"};
  for (size_t i = 0; i < sizeof skip / sizeof *skip; i++)
    if (name_is(n, skip[i]))
      return 1;
  return 0;
}

static int is_block(const xmlNode *n) {
  static const char *const blocks[] = {
      "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
      "table", "tr", "blockquote", "section", "article", "header", "footer",
      "nav", "aside", "dl", "dt", "dd", "pre", "address", "figure",
      "figcaption", "main", "form", "center", "body", "caption", "tbody",
      "thead", "tfoot", "fieldset", "details", "summary", "hr"};
  for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++)
    if (name_is(n, blocks[i]))
      return 1;
  return 0;
}

/* w (lower case) occurs in v, whatever the case of v. */
static int has_word(const char *v, const char *w) {
  size_t n = strlen(w);
  for (; v && *v; v++)
    if (strncasecmp(v, w, n) == 0)
      return 1;
  return 0;
}

/* Reads an attribute into buf (empty when absent). */
static void attr(const xmlNode *n, const char *name, char *buf, size_t cap) {
  buf[0] = '\0';
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  if (v) {
    snprintf(buf, cap, "%s", (const char *)v);
    xmlFree(v);
  }
}

/* "fn3", "fn:3", "fn-3", "footnote-3", "ftn3", "endnote_3": the digits. */
static unsigned id_number(const char *id) {
  size_t i = 0;
  while (id[i] && !(id[i] >= '0' && id[i] <= '9'))
    i++;
  unsigned n = 0;
  size_t d = 0;
  while (id[i] >= '0' && id[i] <= '9' && d < 6)
    n = n * 10 + (unsigned)(id[i++] - '0'), d++;
  return id[i] == '\0' ? n : 0;
}

static int is_ref_word(const char *v) {
  return has_word(v, "ref") || has_word(v, "back");
}

/* An element holding notes, or one note. */
static int is_note_region(const xmlNode *n) {
  if (n->type != XML_ELEMENT_NODE || name_is(n, "a") || name_is(n, "sup"))
    return 0;
  char cls[256], id[128];
  attr(n, "class", cls, sizeof cls);
  attr(n, "id", id, sizeof id);
  if (is_ref_word(cls) || is_ref_word(id))
    return 0;
  if (has_word(cls, "footnote") || has_word(cls, "endnote") ||
      has_word(id, "footnote") || has_word(id, "endnote"))
    return 1;
  char role[64];
  attr(n, "role", role, sizeof role);
  if (has_word(role, "doc-endnotes") || has_word(role, "doc-footnote"))
    return 1;
  /* class "fn" as a word, id "fn3", "ftn3" */
  char *save = NULL;
  for (char *t = strtok_r(cls, " \t", &save); t; t = strtok_r(NULL, " \t", &save))
    if (strcasecmp(t, "fn") == 0 || strcasecmp(t, "fns") == 0 ||
        strcasecmp(t, "notes") == 0)
      return 1;
  if ((strncasecmp(id, "fn", 2) == 0 || strncasecmp(id, "ftn", 3) == 0) &&
      id_number(id))
    return 1;
  return 0;
}

static int is_backlink(const xmlNode *n) {
  if (!name_is(n, "a"))
    return 0;
  char cls[256], role[64];
  attr(n, "class", cls, sizeof cls);
  attr(n, "role", role, sizeof role);
  return has_word(cls, "back") || has_word(role, "backlink");
}

/* The number a <sup> holds ("3", "[3]", "(3)"), or 0. */
static unsigned sup_number(const xmlNode *n) {
  xmlChar *t = xmlNodeGetContent(n);
  unsigned v = 0;
  if (t) {
    const char *s = (const char *)t;
    while (*s == ' ' || *s == '[' || *s == '(')
      s++;
    size_t d = 0;
    while (*s >= '0' && *s <= '9' && d < 4)
      v = v * 10 + (unsigned)(*s++ - '0'), d++;
    while (*s == ' ' || *s == ']' || *s == ')')
      s++;
    if (*s || !d)
      v = 0;
  }
  xmlFree(t);
  return v;
}

/* A note reference: a <sup> holding a number, or a link or span marked
 * as one ("footnote-ref", Word's "MsoFootnoteReference", href "#_ftn3",
 * "#fn3") holding "3" or "[3]". Returns the number, or 0. */
static unsigned ref_number(const xmlNode *n) {
  if (n->type != XML_ELEMENT_NODE)
    return 0;
  if (name_is(n, "sup"))
    return sup_number(n);
  if (!name_is(n, "a") && !name_is(n, "span"))
    return 0;
  char cls[256], href[128], role[64];
  attr(n, "class", cls, sizeof cls);
  attr(n, "href", href, sizeof href);
  attr(n, "role", role, sizeof role);
  int marked = has_word(cls, "footnoteref") || has_word(cls, "footnote-ref") ||
               has_word(cls, "noteref") || has_word(cls, "endnoteref") ||
               has_word(role, "noteref") || strncasecmp(href, "#_ftn", 5) == 0 ||
               strncasecmp(href, "#_edn", 5) == 0 ||
               ((strncasecmp(href, "#fn", 3) == 0 ||
                 strncasecmp(href, "#footnote", 9) == 0) &&
                !has_word(href, "ref"));
  return marked ? sup_number(n) : 0;
}

/* Collects the text of n into r->note. */
static void note_text(html_reader *r, const xmlNode *n) {
  for (const xmlNode *c = n; c && !r->failed; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content && buf_puts(&r->note, (const char *)c->content))
        r->failed = 1;
    } else if (c->type == XML_ELEMENT_NODE && !is_skipped(c) &&
               !is_backlink(c)) {
      if ((is_block(c) || name_is(c, "br")) && buf_putc(&r->note, ' '))
        r->failed = 1;
      note_text(r, c->children);
    }
  }
}

/* The number a note opens with: "<sup>3</sup>", "3.", "3)", "[3]".
 * Returns it (0 if none) and the bytes of note text to skip. */
static unsigned leading_number(const char *s, size_t n, size_t *skip) {
  size_t i = 0;
  *skip = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
    i++;
  int bracket = i < n && s[i] == '[';
  if (bracket)
    i++;
  unsigned v = 0;
  size_t d = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9' && d < 4)
    v = v * 10 + (unsigned)(s[i++] - '0'), d++;
  if (!d)
    return 0;
  if (bracket) {
    if (i >= n || s[i] != ']')
      return 0;
    i++;
  } else if (i < n && (s[i] == '.' || s[i] == ')')) {
    i++;
  }
  if (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
      (unsigned char)s[i] != 0xC2)
    return 0; /* "1990 text" needs a space; "2016)" is not a number mark */
  *skip = i;
  return v;
}

static void add_note(html_reader *r, const xmlNode *n, unsigned fallback) {
  r->note.len = 0;
  /* A leading <sup>3</sup> is the note's number. */
  unsigned number = 0;
  const xmlNode *first = n->children;
  while (first && first->type == XML_TEXT_NODE && first->content &&
         strspn((const char *)first->content, " \t\r\n") ==
             strlen((const char *)first->content))
    first = first->next;
  const xmlNode *from = n->children;
  if (first && (number = ref_number(first)) != 0)
    from = first->next;
  for (const xmlNode *c = from; c && !r->failed; c = c->next) {
    const xmlNode *one = c;
    if (one->type == XML_TEXT_NODE || one->type == XML_CDATA_SECTION_NODE) {
      if (one->content && buf_puts(&r->note, (const char *)one->content))
        r->failed = 1;
    } else if (one->type == XML_ELEMENT_NODE && !is_skipped(one) &&
               !is_backlink(one)) {
      if ((is_block(one) || name_is(one, "br")) && r->note.len &&
          buf_putc(&r->note, ' '))
        r->failed = 1;
      note_text(r, one->children);
    }
  }
  size_t skip = 0;
  if (!number)
    number = leading_number(r->note.data ? r->note.data : "", r->note.len, &skip);
  if (!number) {
    char id[128];
    attr(n, "id", id, sizeof id);
    number = id_number(id);
  }
  if (!number)
    number = fallback;
  sink_note(r->sink, number, r->note.data ? r->note.data + skip : "",
            r->note.len - skip);
}

/* A region of notes: each block child is a note; a region without block
 * children is one note. */
static void add_notes(html_reader *r, const xmlNode *n) {
  unsigned k = 0;
  int any = 0;
  for (const xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (name_is(c, "li") || name_is(c, "p") ||
                                        name_is(c, "div") || name_is(c, "ol") ||
                                        name_is(c, "ul") || name_is(c, "dd")))
      any = 1;
  if (!any) {
    add_note(r, n, 1);
    return;
  }
  for (const xmlNode *c = n->children; c && !r->failed; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || is_skipped(c))
      continue;
    if (name_is(c, "ol") || name_is(c, "ul") || name_is(c, "div") ||
        name_is(c, "section")) {
      int inner = 0;
      for (const xmlNode *g = c->children; g; g = g->next)
        inner |= name_is(g, "li") || name_is(g, "p");
      if (inner) {
        add_notes(r, c);
        continue;
      }
    }
    if (name_is(c, "li") || name_is(c, "p") || name_is(c, "div") ||
        name_is(c, "dd"))
      add_note(r, c, ++k);
  }
}

/* After an <hr>: a paragraph that opens with a number is a note. */
static int opens_with_number(const xmlNode *n) {
  const xmlNode *c = n->children;
  while (c && c->type == XML_TEXT_NODE && c->content &&
         strspn((const char *)c->content, " \t\r\n") ==
             strlen((const char *)c->content))
    c = c->next;
  if (!c)
    return 0;
  if (ref_number(c))
    return 1;
  if (c->type == XML_ELEMENT_NODE && c->children && ref_number(c->children))
    return 1;
  if (c->type == XML_TEXT_NODE && c->content) {
    size_t skip;
    const char *s = (const char *)c->content;
    return leading_number(s, strlen(s), &skip) != 0;
  }
  return 0;
}

static void walk(html_reader *r, const xmlNode *n) {
  for (const xmlNode *c = n; c && !r->failed; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content)
        sink_text(r->sink, (const char *)c->content,
                  strlen((const char *)c->content));
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || is_skipped(c))
      continue;
    if (is_note_region(c)) {
      add_notes(r, c);
      continue;
    }
    if (name_is(c, "hr")) {
      r->after_hr = 1;
      sink_break(r->sink);
      continue;
    }
    if (name_is(c, "br")) {
      sink_newline(r->sink);
      continue;
    }
    unsigned k = ref_number(c);
    if (!k && name_is(c, "a") && c->children && !c->children->next)
      k = ref_number(c->children); /* <a href="#fn1"><sup>1</sup></a> */
    if (k) {
      sink_note_ref(r->sink, k);
      continue;
    }
    if (r->after_hr && (name_is(c, "p") || name_is(c, "div")) &&
        opens_with_number(c)) {
      add_note(r, c, 0);
      continue;
    }
    int block = is_block(c);
    if (block)
      sink_break(r->sink);
    else if (name_is(c, "td") || name_is(c, "th"))
      r->sink->pending_space = 1;
    walk(r, c->children);
    if (block)
      sink_break(r->sink);
  }
  if (r->sink->failed)
    r->failed = 1;
}

cg_status input_read_html(const char *utf8, size_t len, input_text *out,
                          cg_diag *diag) {
  if (len > (size_t)0x7FFFFFFF) {
    diag_set(diag, NULL, 0, 0, "HTML file larger than 2 GiB");
    return CG_ERR_INPUT;
  }
  const char *why;
  if (xmllib_load(&why)) {
    diag_set(diag, NULL, 0, 0, "%s", why);
    return CG_ERR_INPUT;
  }
  htmlDocPtr doc = htmlReadMemory(
      utf8, (int)len, NULL, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
          HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
  if (!doc) {
    if (!len) /* an empty page: no text */
      return sink_finish(&(text_sink){0}, out, diag);
    diag_set(diag, NULL, 0, 0, "not readable as HTML");
    return CG_ERR_INPUT;
  }
  text_sink sink;
  memset(&sink, 0, sizeof sink);
  html_reader r;
  memset(&r, 0, sizeof r);
  r.sink = &sink;
  walk(&r, xmlDocGetRootElement(doc) ? doc->children : NULL);
  xmlFreeDoc(doc);
  buf_free(&r.note);
  if (r.failed || sink.failed) {
    sink_free(&sink);
    diag_set(diag, NULL, 0, 0, "out of memory");
    return CG_ERR_NOMEM;
  }
  return sink_finish(&sink, out, diag);
}
