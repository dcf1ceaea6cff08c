/* pdf.c — the text of a PDF, in reading order, through poppler-glib.
 *
 * Poppler gives each page's characters with their boxes and fonts. Lines
 * are rebuilt from them: poppler's lines are grouped into rows by their
 * vertical overlap (so "1." and "Decides …", or a footnote's number and its
 * text, are one row) and rows are read top to bottom. Then each row is
 * told apart:
 *   - page furniture, kept out of the text: running heads (the smaller
 *     type at the top of pages after the first), page numbers ("2/3"), job
 *     numbers ("24-23046 (E)"), barcodes (a barcode font, "*2423046*");
 *   - the footnote separator (a row of underscores) and, below it, the
 *     notes: a row opening with a small number starts note n, the others
 *     continue it, also on the next page;
 *   - the body. A row starts a new paragraph after a gap wider than one
 *     and a half lines or when it is indented further than the row before
 *     (the first line of UN paragraphs is indented); otherwise it continues
 *     the paragraph: a line ending in '-' or '/' before a lower-case letter
 *     is glued to it, other line ends become a space.
 * Small raised digits in the body are note references, written "[^n]".
 * The masthead (page 1: "United Nations  A/RES/80/1 …") stays in the text;
 * its symbol, in large type at the top, is also recorded for identity. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "dynlib.h"
#include "input.h"
#include "text.h"

/* poppler-glib's functions, from the library opened when the first PDF
 * is read (dynlib.h): a run over text files never maps it. */
#define PP_FNS(X)                                                              \
  X(g_bytes_new_static)                                                        \
  X(g_bytes_unref)                                                             \
  X(g_error_free)                                                              \
  X(g_error_matches)                                                           \
  X(g_free)                                                                    \
  X(g_object_unref)                                                            \
  X(poppler_document_get_n_pages)                                              \
  X(poppler_document_get_page)                                                 \
  X(poppler_document_get_subject)                                              \
  X(poppler_document_get_title)                                                \
  X(poppler_document_new_from_bytes)                                           \
  X(poppler_page_free_text_attributes)                                         \
  X(poppler_page_get_size)                                                     \
  X(poppler_page_get_text_for_area)                                            \
  X(poppler_page_get_text_attributes_for_area)                                 \
  X(poppler_page_get_text_layout_for_area)                                     \
  X(poppler_error_quark)
typedef struct {
  PP_FNS(DYNLIB_FIELD)
} pp_table;
static pp_table pp;
#define PP_ENTRY(f) DYNLIB_FN(pp_table, f),
static const dynlib_entry pp_fns[] = {PP_FNS(PP_ENTRY)};
static const char *const pp_names[] = {"libpoppler-glib.so.8", "libpoppler-glib.so",
                                       NULL};
static dynlib_lib pp_lib = {
    .names = pp_names, .fns = pp_fns, .nfns = sizeof pp_fns / sizeof *pp_fns,
    .table = &pp, .label = "poppler-glib",
    .need = "reading PDF needs the poppler-glib library (Debian: libpoppler-glib8)"};

static size_t utf8_step(unsigned char c) {
  return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : c < 0xFC ? 5
         : c < 0xFE ? 6 : 1;
}

/* Whether s holds one of the marks of direction poppler puts around
 * right-to-left runs when it writes a page's text (U+202A LRE, U+202B
 * RLE, U+202C PDF): they have no box in the page's layout. */
static int direction_mark(const char *s) {
  return (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
         (unsigned char)s[2] >= 0xAA && (unsigned char)s[2] <= 0xAC;
}

/* How many of poppler's marks of direction s holds. */
static size_t direction_marks(const char *s) {
  size_t k = 0;
  for (; *s; s += utf8_step((unsigned char)*s))
    k += direction_mark(s);
  return k;
}

/* Characters of s[0..n): whole sequences only, as g_utf8_strlen counts. */
static size_t utf8_chars(const char *s, size_t n) {
  size_t k = 0, i = 0;
  while (i < n && s[i]) {
    i += utf8_step((unsigned char)s[i]);
    if (i <= n)
      k++;
  }
  return k;
}

/* Below, poppler's and glib's names call through the table. */
#define g_bytes_new_static pp.g_bytes_new_static
#define g_bytes_unref pp.g_bytes_unref
#define g_error_free pp.g_error_free
#define g_error_matches pp.g_error_matches
#define g_free pp.g_free
#define g_object_unref pp.g_object_unref
#define poppler_document_get_n_pages pp.poppler_document_get_n_pages
#define poppler_document_get_page pp.poppler_document_get_page
#define poppler_document_get_subject pp.poppler_document_get_subject
#define poppler_document_get_title pp.poppler_document_get_title
#define poppler_document_new_from_bytes pp.poppler_document_new_from_bytes
#define poppler_page_free_text_attributes pp.poppler_page_free_text_attributes
#define poppler_page_get_size pp.poppler_page_get_size
#define poppler_page_get_text_for_area pp.poppler_page_get_text_for_area
#define poppler_page_get_text_attributes_for_area pp.poppler_page_get_text_attributes_for_area
#define poppler_page_get_text_layout_for_area pp.poppler_page_get_text_layout_for_area
#define poppler_error_quark pp.poppler_error_quark

typedef struct {
  size_t b0, b1; /* bytes of the page text */
  size_t c0, c1; /* characters */
  double x0, y0, x1, y1;
  double size; /* the size most of its characters have */
  int barcode;
} piece;

typedef struct {
  size_t first, count; /* into the page's ordered pieces */
  double x0, y0, x1, y1, size;
} row;

typedef struct {
  char *text;
  size_t *boff;  /* byte offset of each character, plus one past the end */
  double *size;  /* font size of each character */
  double *y1;    /* bottom of each character's box */
  double *x0, *x1; /* left and right of each character's box */
  size_t nchars;
  piece *pieces;
  size_t *order; /* pieces in reading order */
  size_t npieces;
  row *rows;
  size_t nrows;
  double height;
} page_data;

static void page_free(page_data *p) {
  g_free(p->text);
  free(p->boff);
  free(p->size);
  free(p->y1);
  free(p->x0);
  free(p->x1);
  free(p->pieces);
  free(p->order);
  free(p->rows);
  memset(p, 0, sizeof *p);
}

/* Pieces are ordered through keys, so that sorting needs no shared
 * state (pages are read by several threads at once). */
typedef struct {
  double y0, x0;
  size_t idx;
} piece_key;

static int cmp_key_y(const void *a, const void *b) {
  const piece_key *p = a, *q = b;
  if (p->y0 != q->y0)
    return p->y0 < q->y0 ? -1 : 1;
  if (p->x0 != q->x0)
    return p->x0 < q->x0 ? -1 : 1;
  return p->idx < q->idx ? -1 : p->idx > q->idx;
}

static int cmp_key_x(const void *a, const void *b) {
  const piece_key *p = a, *q = b;
  if (p->x0 != q->x0)
    return p->x0 < q->x0 ? -1 : 1;
  return p->idx < q->idx ? -1 : p->idx > q->idx;
}

/* The size most characters in [c0, c1) have, spaces aside. */
static double mode_size(const page_data *pg, size_t c0, size_t c1) {
  double sizes[16];
  size_t counts[16], n = 0;
  for (size_t k = c0; k < c1; k++) {
    unsigned char ch = (unsigned char)pg->text[pg->boff[k]];
    if (ch == ' ')
      continue;
    double s = pg->size[k];
    size_t j = 0;
    while (j < n && fabs(sizes[j] - s) > 0.25)
      j++;
    if (j == n) {
      if (n == 16)
        continue;
      sizes[n] = s;
      counts[n++] = 0;
    }
    counts[j]++;
  }
  size_t best = 0;
  for (size_t j = 1; j < n; j++)
    if (counts[j] > counts[best])
      best = j;
  return n ? sizes[best] : 0;
}

/* Reads one page's characters, boxes and fonts into pieces and rows.
 * Returns 0, or -1 when out of memory. */
static int page_read(PopplerPage *page, page_data *pg) {
  double w;
  poppler_page_get_size(page, &w, &pg->height);
  /* The page's text as poppler selects it from the top left corner to the
   * bottom right. Selected so, a page with right-to-left runs (poppler
   * marks them) loses some of its lines, or all: it is selected again from
   * the top right corner, and the selection with more of the page is kept.
   * (Lines can still be missing from both.) */
  PopplerRectangle area = {0, 0, w, pg->height};
  pg->text = poppler_page_get_text_for_area(page, &area);
  if (!pg->text)
    return 0;
  size_t marks = direction_marks(pg->text);
  if (!pg->text[0] || marks) {
    PopplerRectangle rtl = {w, 0, 0, pg->height};
    char *t = poppler_page_get_text_for_area(page, &rtl);
    size_t t_marks = t ? direction_marks(t) : 0;
    if (t && utf8_chars(t, strlen(t)) - t_marks >
                 utf8_chars(pg->text, strlen(pg->text)) - marks) {
      g_free(pg->text);
      pg->text = t;
      marks = t_marks;
      area = rtl;
    } else {
      g_free(t);
    }
  }
  PopplerRectangle *rects = NULL;
  guint nrects = 0;
  if (!poppler_page_get_text_layout_for_area(page, &area, &rects, &nrects))
    nrects = 0;
  GList *attrs = poppler_page_get_text_attributes_for_area(page, &area);
  size_t nbytes = strlen(pg->text);
  size_t nch = utf8_chars(pg->text, nbytes);
  int rc = -1;
  pg->boff = malloc((nch + 1) * sizeof *pg->boff);
  pg->size = malloc((nch + 1) * sizeof *pg->size);
  pg->y1 = malloc((nch + 1) * sizeof *pg->y1);
  double *x0 = pg->x0 = malloc((nch + 1) * sizeof *x0),
         *y0 = malloc((nch + 1) * sizeof *y0),
         *x1 = pg->x1 = malloc((nch + 1) * sizeof *x1);
  unsigned char *bar = malloc(nch + 1);
  piece_key *keys = NULL;
  if (!pg->boff || !pg->size || !pg->y1 || !x0 || !y0 || !x1 || !bar)
    goto cleanup;
  /* The boxes go with the characters in order, but for the marks of
   * direction poppler added to the text (when there are as many boxes as
   * characters that are not such marks). */
  int skip_marks = marks && (size_t)nrects + marks == nch;
  GList *a = attrs;
  const char *s = pg->text;
  size_t box = 0;
  for (size_t k = 0; k < nch; k++) {
    pg->boff[k] = (size_t)(s - pg->text);
    int no_box = skip_marks && direction_mark(s);
    s += utf8_step((unsigned char)*s);
    while (a && ((PopplerTextAttributes *)a->data)->end_index < (int)k)
      a = a->next;
    PopplerTextAttributes *at = a ? a->data : NULL;
    int in = at && at->start_index <= (int)k;
    pg->size[k] = in ? at->font_size : 0;
    bar[k] = in && at->font_name && strstr(at->font_name, "Barcode");
    if (no_box) {
      x0[k] = y0[k] = x1[k] = pg->y1[k] = 0;
      bar[k] = 0;
    } else if (box < nrects) {
      x0[k] = rects[box].x1;
      y0[k] = rects[box].y1;
      x1[k] = rects[box].x2;
      pg->y1[k] = rects[box].y2;
      box++;
    } else {
      x0[k] = y0[k] = x1[k] = pg->y1[k] = 0;
    }
  }
  pg->boff[nch] = nbytes;
  pg->nchars = nch;

  /* Pieces: poppler's lines, split at '\n'. */
  size_t cap = 16;
  pg->pieces = malloc(cap * sizeof *pg->pieces);
  if (!pg->pieces)
    goto cleanup;
  for (size_t k = 0; k < nch;) {
    size_t e = k;
    while (e < nch && pg->text[pg->boff[e]] != '\n')
      e++;
    piece p = {pg->boff[k], pg->boff[e], k, e, 1e9, 1e9, -1e9, -1e9, 0, 0};
    size_t seen = 0, barcode = 0;
    for (size_t j = k; j < e; j++) {
      unsigned char ch = (unsigned char)pg->text[pg->boff[j]];
      if (ch == ' ' || ch == '\t' || ch == '\r' ||
          (skip_marks && direction_mark(pg->text + pg->boff[j])))
        continue;
      seen++;
      barcode += bar[j];
      if (x0[j] < p.x0) p.x0 = x0[j];
      if (y0[j] < p.y0) p.y0 = y0[j];
      if (x1[j] > p.x1) p.x1 = x1[j];
      if (pg->y1[j] > p.y1) p.y1 = pg->y1[j];
    }
    if (seen) {
      p.size = mode_size(pg, k, e);
      p.barcode = barcode * 2 > seen;
      if (pg->npieces == cap) {
        cap *= 2;
        piece *np = realloc(pg->pieces, cap * sizeof *np);
        if (!np)
          goto cleanup;
        pg->pieces = np;
      }
      pg->pieces[pg->npieces++] = p;
    }
    k = e + 1;
  }

  /* Rows: pieces overlapping vertically by half the smaller height. */
  pg->order = malloc((pg->npieces + 1) * sizeof *pg->order);
  pg->rows = malloc((pg->npieces + 1) * sizeof *pg->rows);
  if (!pg->order || !pg->rows)
    goto cleanup;
  keys = malloc((pg->npieces + 1) * sizeof *keys);
  if (!keys)
    goto cleanup;
  for (size_t i = 0; i < pg->npieces; i++) {
    keys[i].y0 = pg->pieces[i].y0;
    keys[i].x0 = pg->pieces[i].x0;
    keys[i].idx = i;
  }
  qsort(keys, pg->npieces, sizeof *keys, cmp_key_y);
  for (size_t i = 0; i < pg->npieces; i++)
    pg->order[i] = keys[i].idx;
  for (size_t i = 0; i < pg->npieces; i++) {
    const piece *p = &pg->pieces[pg->order[i]];
    row *r = pg->nrows ? &pg->rows[pg->nrows - 1] : NULL;
    if (r) {
      double top = r->y0 > p->y0 ? r->y0 : p->y0;
      double bot = r->y1 < p->y1 ? r->y1 : p->y1;
      double hr = r->y1 - r->y0, hp = p->y1 - p->y0;
      double hmin = hr < hp ? hr : hp;
      if (bot - top >= 0.5 * hmin && hmin > 0) {
        r->count++;
        if (p->x0 < r->x0) r->x0 = p->x0;
        if (p->x1 > r->x1) r->x1 = p->x1;
        if (p->y0 < r->y0) r->y0 = p->y0;
        if (p->y1 > r->y1) r->y1 = p->y1;
        if (p->size > r->size) r->size = p->size;
        continue;
      }
    }
    row nr = {i, 1, p->x0, p->y0, p->x1, p->y1, p->size};
    pg->rows[pg->nrows++] = nr;
  }
  for (size_t i = 0; i < pg->nrows; i++) {
    const row *r = &pg->rows[i];
    for (size_t j = 0; j < r->count; j++) {
      size_t idx = pg->order[r->first + j];
      keys[j].y0 = pg->pieces[idx].y0;
      keys[j].x0 = pg->pieces[idx].x0;
      keys[j].idx = idx;
    }
    qsort(keys, r->count, sizeof *keys, cmp_key_x);
    for (size_t j = 0; j < r->count; j++)
      pg->order[r->first + j] = keys[j].idx;
  }
  rc = 0;
cleanup:
  free(y0);
  free(bar);
  free(keys);
  g_free(rects);
  if (attrs)
    poppler_page_free_text_attributes(attrs);
  return rc;
}

/* ------------------------------------------------------------ patterns */

static size_t trimmed(const char *s, size_t n, const char **out) {
  while (n && (*s == ' ' || *s == '\t'))
    s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
    n--;
  *out = s;
  return n;
}

static int digits_at(const char *s, size_t n, size_t *i, size_t min, size_t max) {
  size_t k = 0;
  while (*i < n && s[*i] >= '0' && s[*i] <= '9')
    (*i)++, k++;
  return k >= min && k <= max;
}

/* "25-19432 (E)", "25-19432", "2/3", "12": the furniture at the foot. */
static int is_footer_text(const char *s, size_t n) {
  const char *t;
  n = trimmed(s, n, &t);
  size_t i = 0;
  if (!n)
    return 1;
  if (digits_at(t, n, &i, 1, 4)) {
    if (i == n)
      return 1; /* a page number */
    if (t[i] == '/') {
      i++;
      return digits_at(t, n, &i, 1, 4) && i == n;
    }
    if (t[i] == '-' && i == 2) {
      i++;
      if (!digits_at(t, n, &i, 4, 6))
        return 0;
      while (i < n && t[i] == ' ')
        i++;
      if (i == n)
        return 1;
      return n - i == 3 && t[i] == '(' && t[i + 1] >= 'A' && t[i + 1] <= 'Z' &&
             t[i + 2] == ')';
    }
    return 0;
  }
  if (t[0] == '*' && n >= 3 && t[n - 1] == '*') { /* a barcode's text */
    for (size_t k = 1; k + 1 < n; k++)
      if (!((t[k] >= '0' && t[k] <= '9') || (t[k] >= 'A' && t[k] <= 'Z')))
        return 0;
    return 1;
  }
  return n == 14 && memcmp(t, "Please recycle", 14) == 0;
}

/* A document symbol on its own: "A/RES/80/1", "S/RES/2719 (2023)". */
static int is_symbol_text(const char *s, size_t n) {
  const char *t;
  n = trimmed(s, n, &t);
  if (n < 3 || n > 90 || t[0] < 'A' || t[0] > 'Z')
    return 0;
  size_t slashes = 0, digits = 0;
  for (size_t i = 0; i < n; i++) {
    char c = t[i];
    if (c == '/')
      slashes++;
    else if (c >= '0' && c <= '9')
      digits++;
    else if (!((c >= 'A' && c <= 'Z') || c == '.' || c == '-' || c == '*' ||
               c == '(' || c == ')' || c == ' ' || (c >= 'a' && c <= 'z')))
      return 0;
  }
  return slashes >= 1 && digits >= 1 && t[n - 1] != '/';
}

static int only_underscores(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '_')
      k++;
    else if (s[i] != ' ')
      return 0;
  }
  return k >= 5;
}

/* ------------------------------------------------------------ writing */

typedef struct {
  text_sink *sink;
  double body_size;
  /* the last body row written */
  int have_prev;
  double prev_y0, prev_x0, prev_size;
  double prev_text_x0; /* where the text of that row starts, after a label */
  unsigned prev_page;
  /* the note being read */
  cg_buf note;
  unsigned note_number, note_page;
  int in_note;
} pdf_writer;

static int is_digit_char(const page_data *pg, size_t k) {
  char c = pg->text[pg->boff[k]];
  return c >= '0' && c <= '9';
}

/* A note reference: digits in type much smaller than the row's, raised
 * above its baseline (unlike the small capitals of "A/RES/80/1"). */
static int is_small_digit(const page_data *pg, size_t k, double row_size,
                          double baseline) {
  return is_digit_char(pg, k) && pg->size[k] > 0 &&
         pg->size[k] < 0.8 * row_size &&
         pg->y1[k] < baseline - 0.2 * row_size;
}

/* A space poppler put between two lower-case letters of one word: far
 * narrower than a word space ("Global Pla n of Action" in justified
 * lines). Word spaces can be narrow too after a capital ("67/234 A of"),
 * so only lower case on both sides counts. */
static int is_lower(char c) { return c >= 'a' && c <= 'z'; }

static int is_false_space(const page_data *pg, size_t k) {
  return pg->text[pg->boff[k]] == ' ' && pg->size[k] > 0 &&
         pg->x1[k] - pg->x0[k] < 0.18 * pg->size[k] && k > 0 &&
         k + 1 < pg->nchars && is_lower(pg->text[pg->boff[k - 1]]) &&
         is_lower(pg->text[pg->boff[k + 1]]);
}

/* Appends characters [c0, c1) of the page to b, false spaces left out. */
static int put_chars(cg_buf *b, const page_data *pg, size_t c0, size_t c1) {
  size_t run = c0;
  for (size_t c = c0; c < c1; c++) {
    if (!is_false_space(pg, c))
      continue;
    if (buf_append(b, pg->text + pg->boff[run], pg->boff[c] - pg->boff[run]))
      return -1;
    run = c + 1;
  }
  return buf_append(b, pg->text + pg->boff[run], pg->boff[c1] - pg->boff[run]);
}

static void flush_note(pdf_writer *w) {
  if (!w->in_note)
    return;
  unsigned page = w->sink->page;
  w->sink->page = w->note_page;
  sink_note(w->sink, w->note_number, w->note.data ? w->note.data : "",
            w->note.len);
  w->sink->page = page;
  w->note.len = 0;
  w->in_note = 0;
}

/* Whether the three bytes at u are a character of the scripts written
 * without spaces and their punctuation: U+3000..U+9FFF (CJK punctuation,
 * kana, ideographs) and the full-width forms U+FF00..U+FFEF. */
static int cjk_char(const unsigned char *u) {
  return ((u[0] >= 0xE3 && u[0] <= 0xE9) || (u[0] == 0xEF && u[1] >= 0xBC && u[1] <= 0xBF)) &&
         (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80;
}

/* Joins a line to the text before it in `b`: glued after "-" or "/"
 * before a lower-case letter, and where either side is Chinese (a line
 * break there is no space: "《全面禁止核试\n验条约》"), else with a
 * space. */
static int joins_glued(const cg_buf *b, const char *next, size_t n) {
  if (!b->len || !n)
    return 0;
  char last = b->data[b->len - 1];
  unsigned char first = (unsigned char)next[0];
  if ((b->len >= 3 && cjk_char((const unsigned char *)b->data + b->len - 3)) ||
      (n >= 3 && cjk_char((const unsigned char *)next)))
    return 1;
  if (last == '/')
    return 1;
  if (last == '-' && b->len >= 2) {
    unsigned char before = (unsigned char)b->data[b->len - 2];
    int letter_before = (before >= 'a' && before <= 'z') ||
                        (before >= 'A' && before <= 'Z') || before >= 0x80;
    return letter_before && ((first >= 'a' && first <= 'z') || first >= 0xC0);
  }
  return 0;
}

/* Appends bytes [b0, b1) of the page text to the note buffer. */
static int note_put(pdf_writer *w, const char *s, size_t n) {
  return buf_append(&w->note, s, n);
}

/* Writes one row of the body or of a note. `kept` marks the pieces of the
 * row that are not furniture. */
static int write_row(pdf_writer *w, const page_data *pg, const row *r,
                     const unsigned char *kept, unsigned page, int note_area) {
  text_sink *s = w->sink;
  /* Where the row's text starts: the first kept piece. */
  size_t first_piece = SIZE_MAX;
  for (size_t i = 0; i < r->count; i++)
    if (kept[i]) {
      first_piece = i;
      break;
    }
  if (first_piece == SIZE_MAX)
    return 0;
  const piece *fp = &pg->pieces[pg->order[r->first + first_piece]];
  /* The leading number of a note: small digits before the text. */
  size_t k = fp->c0;
  while (k < fp->c1 && pg->text[pg->boff[k]] == ' ')
    k++;
  unsigned lead = 0;
  size_t nd = 0, lead_end = k;
  /* The row's own size: that of its text, not of its note numbers. */
  double size = 0;
  for (size_t i = 0; i < r->count; i++)
    if (kept[i] && pg->pieces[pg->order[r->first + i]].size > size)
      size = pg->pieces[pg->order[r->first + i]].size;
  while (lead_end < fp->c1 && is_small_digit(pg, lead_end, size, r->y1) && nd < 6)
    lead = lead * 10 + (unsigned)(pg->text[pg->boff[lead_end++]] - '0'), nd++;
  int starts_note = nd > 0 && nd < 5 &&
                    (note_area || (size < 0.95 * w->body_size &&
                                   r->y0 > 0.5 * pg->height));
  if (!starts_note && (lead_end == fp->c1) && nd && r->count > first_piece + 1)
    starts_note = note_area; /* the number is a piece of its own */
  int is_note = starts_note || (note_area && w->in_note);
  if (!is_note && note_area && !w->in_note)
    is_note = 0; /* text under the rule that belongs to no note */

  if (is_note) {
    if (starts_note) {
      flush_note(w);
      w->in_note = 1;
      w->note_number = lead;
      w->note_page = page;
      w->note.len = 0;
    }
    int first = 1;
    for (size_t i = first_piece; i < r->count; i++) {
      if (!kept[i])
        continue;
      const piece *p = &pg->pieces[pg->order[r->first + i]];
      size_t c0 = (i == first_piece && starts_note) ? lead_end : p->c0;
      size_t c1 = p->c1;
      while (c0 < c1 && pg->text[pg->boff[c0]] == ' ')
        c0++;
      while (c1 > c0 && pg->text[pg->boff[c1 - 1]] == ' ')
        c1--;
      if (c0 == c1)
        continue;
      const char *tt = pg->text + pg->boff[c0];
      size_t n = pg->boff[c1] - pg->boff[c0];
      if (w->note.len && !(first && joins_glued(&w->note, tt, n)) &&
          note_put(w, " ", 1))
        return -1;
      if (put_chars(&w->note, pg, c0, c1))
        return -1;
      first = 0;
    }
    return 0;
  }

  /* The body: a new paragraph, or the continuation of the last one. */
  int new_para = !w->have_prev;
  if (w->have_prev) {
    double line = (size > w->prev_size ? size : w->prev_size);
    if (page == w->prev_page && r->y0 - w->prev_y0 > 1.5 * line)
      new_para = 1;
    /* Indented further than the row before, and than its text when that
     * row opened with a label ("80/13.  Title", "1.  Decides"), whose
     * continuation lines stand under the text, not the label. */
    if (r->x0 > w->prev_x0 + 8 && r->x0 > w->prev_text_x0 + 8)
      new_para = 1;
  }
  if (new_para) {
    sink_break(s);
  } else {
    const piece *p = fp;
    const char *tt;
    size_t n = trimmed(pg->text + p->b0, p->b1 - p->b0, &tt);
    if (joins_glued(&s->body, tt, n))
      s->glue = 1;
    else
      s->pending_space = 1;
  }
  for (size_t i = first_piece; i < r->count; i++) {
    if (!kept[i])
      continue;
    const piece *p = &pg->pieces[pg->order[r->first + i]];
    if (i > first_piece)
      s->pending_space = 1;
    size_t run = p->c0;
    for (size_t c = p->c0; c < p->c1;) {
      if (is_false_space(pg, c)) {
        sink_text(s, pg->text + pg->boff[run], pg->boff[c] - pg->boff[run]);
        run = ++c;
        continue;
      }
      if (is_small_digit(pg, c, size, r->y1) && c > p->c0) {
        sink_text(s, pg->text + pg->boff[run], pg->boff[c] - pg->boff[run]);
        unsigned n = 0;
        size_t d = 0;
        while (c < p->c1 && is_small_digit(pg, c, size, r->y1) && d < 6)
          n = n * 10 + (unsigned)(pg->text[pg->boff[c++]] - '0'), d++;
        s->pending_space = 0;
        sink_note_ref(s, n);
        run = c;
        continue;
      }
      c++;
    }
    sink_text(s, pg->text + pg->boff[run], pg->boff[p->c1] - pg->boff[run]);
  }
  w->have_prev = 1;
  w->prev_y0 = r->y0;
  w->prev_x0 = r->x0;
  w->prev_text_x0 = r->x0;
  for (size_t i = first_piece + 1; i < r->count; i++) {
    if (!kept[i])
      continue;
    const char *lt;
    size_t ln = trimmed(pg->text + fp->b0, fp->b1 - fp->b0, &lt);
    if (ln && ln <= 8 && (lt[ln - 1] == '.' || lt[ln - 1] == ')'))
      w->prev_text_x0 = pg->pieces[pg->order[r->first + i]].x0;
    break;
  }
  w->prev_size = size;
  w->prev_page = page;
  return s->failed ? -1 : 0;
}

/* The size of most characters of the document: its body text. */
static double body_size(const page_data *pages, size_t n) {
  double sizes[32];
  size_t counts[32], m = 0;
  for (size_t p = 0; p < n; p++)
    for (size_t k = 0; k < pages[p].nchars; k++) {
      double s = pages[p].size[k];
      size_t j = 0;
      while (j < m && fabs(sizes[j] - s) > 0.25)
        j++;
      if (j == m) {
        if (m == 32)
          continue;
        sizes[m] = s;
        counts[m++] = 0;
      }
      counts[j]++;
    }
  size_t best = 0;
  for (size_t j = 1; j < m; j++)
    if (counts[j] > counts[best])
      best = j;
  return m ? sizes[best] : 10;
}

static void copy_trimmed(char *dst, size_t cap, const char *s, size_t n) {
  const char *t;
  n = trimmed(s, n, &t);
  if (n >= cap)
    n = cap - 1;
  memcpy(dst, t, n);
  dst[n] = '\0';
}

cg_status input_read_pdf(const char *bytes, size_t len, input_text *out,
                         cg_diag *diag) {
  if (dynlib_use(&pp_lib)) {
    diag_set(diag, NULL, 0, 0, "%s", pp_lib.error);
    return CG_ERR_INPUT;
  }
  cg_status st = CG_OK;
  GError *err = NULL;
  GBytes *gb = g_bytes_new_static(bytes, len);
  PopplerDocument *doc = poppler_document_new_from_bytes(gb, NULL, &err);
  page_data *pages = NULL;
  size_t npages = 0;
  text_sink sink;
  memset(&sink, 0, sizeof sink);
  pdf_writer w;
  memset(&w, 0, sizeof w);
  unsigned char *kept = NULL;
  if (!doc) {
    if (err && g_error_matches(err, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
      diag_set(diag, NULL, 0, 0, "encrypted PDF: its text cannot be read");
    else
      diag_set(diag, NULL, 0, 0, "not a readable PDF (%s)",
               err && err->message ? err->message : "damaged file");
    st = CG_ERR_INPUT;
    goto cleanup;
  }
  int n = poppler_document_get_n_pages(doc);
  npages = n > 0 ? (size_t)n : 0;
  pages = calloc(npages + 1, sizeof *pages);
  if (!pages)
    goto nomem;
  size_t chars = 0;
  for (size_t p = 0; p < npages; p++) {
    PopplerPage *page = poppler_document_get_page(doc, (int)p);
    if (!page)
      continue;
    int rc = page_read(page, &pages[p]);
    g_object_unref(page);
    if (rc)
      goto nomem;
    chars += pages[p].nchars;
  }
  if (npages && !chars) {
    diag_set(diag, NULL, 0, 0,
             "the PDF holds no text, only images of pages (it needs OCR)");
    st = CG_ERR_INPUT;
    goto cleanup;
  }
  out->npages = (unsigned)npages;

  gchar *title = poppler_document_get_title(doc);
  gchar *subject = poppler_document_get_subject(doc);
  if (title && title[0])
    copy_trimmed(out->title, sizeof out->title, title, strlen(title));
  else if (subject && subject[0])
    copy_trimmed(out->title, sizeof out->title, subject, strlen(subject));
  g_free(title);
  g_free(subject);

  w.sink = &sink;
  w.body_size = body_size(pages, npages);
  int note_area = 0;
  for (size_t p = 0; p < npages; p++) {
    page_data *pg = &pages[p];
    sink.page = (unsigned)p + 1;
    note_area = 0;
    free(kept);
    kept = malloc(pg->npieces + 1);
    if (!kept)
      goto nomem;
    for (size_t ri = 0; ri < pg->nrows; ri++) {
      const row *r = &pg->rows[ri];
      int masthead_row = 0;
      int top = r->y1 < 0.1 * pg->height;
      int bottom = r->y0 > 0.88 * pg->height;
      size_t nkept = 0;
      for (size_t i = 0; i < r->count; i++) {
        const piece *pc = &pg->pieces[pg->order[r->first + i]];
        const char *t = pg->text + pc->b0;
        size_t tn = pc->b1 - pc->b0;
        int drop = pc->barcode;
        if (!drop && bottom && pc->size >= 0.65 * w.body_size &&
            is_footer_text(t, tn))
          drop = 1;
        if (!drop && top && p > 0 && pc->size < 0.95 * w.body_size)
          drop = 1; /* a running head */
        if (!drop && top && p > 0 && out->symbol[0] && is_symbol_text(t, tn)) {
          const char *tt;
          size_t k = trimmed(t, tn, &tt);
          drop = k == strlen(out->symbol) && memcmp(tt, out->symbol, k) == 0;
        }
        if (!drop && p == 0 && !out->symbol[0] && r->y1 < 0.15 * pg->height) {
          /* the symbol, without the marks of direction of a right-to-left
           * page around it */
          char bare[128];
          size_t bn = 0;
          for (size_t j = 0; j < tn && bn < sizeof bare; j += direction_mark(t + j) ? 3 : 1)
            if (!direction_mark(t + j))
              bare[bn++] = t[j];
          if (bn < sizeof bare && is_symbol_text(bare, bn)) {
            copy_trimmed(out->symbol, sizeof out->symbol, bare, bn);
            out->symbol_source = "masthead";
            masthead_row = 1;
          }
        }
        kept[i] = !drop;
        nkept += !drop;
      }
      if (!nkept)
        continue;
      if (r->count == 1 && only_underscores(pg->text + pg->pieces[pg->order[r->first]].b0,
                                            pg->pieces[pg->order[r->first]].b1 -
                                                pg->pieces[pg->order[r->first]].b0)) {
        note_area = 1;
        continue;
      }
      if (write_row(&w, pg, r, kept, (unsigned)p + 1, note_area))
        goto nomem;
      if (masthead_row)
        w.have_prev = 0; /* the symbol ends the masthead's first line */
    }
  }
  flush_note(&w);
  if (sink.failed)
    goto nomem;
  if (!out->symbol[0] && out->title[0] && is_symbol_text(out->title, strlen(out->title))) {
    copy_trimmed(out->symbol, sizeof out->symbol, out->title, strlen(out->title));
    out->symbol_source = "metadata";
  }
  st = sink_finish(&sink, out, diag);
  goto cleanup;
nomem:
  diag_set(diag, NULL, 0, 0, "out of memory");
  st = CG_ERR_NOMEM;
cleanup:
  sink_free(&sink);
  buf_free(&w.note);
  free(kept);
  for (size_t p = 0; p < npages && pages; p++)
    page_free(&pages[p]);
  free(pages);
  if (doc)
    g_object_unref(doc);
  g_bytes_unref(gb);
  if (err)
    g_error_free(err);
  return st;
}
