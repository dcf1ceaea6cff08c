/* input.c — which kind of file a document is, the text written from it,
 * and what its file name says about it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input.h"
#include "text.h"

/* ------------------------------------------------------------ the sink */

static void sink_page_run(text_sink *s, int note) {
  if (!s->page)
    return;
  size_t at = note ? s->notes.len : s->body.len;
  if (note) {
    if (s->note_runs.n && s->note_runs.v[s->note_runs.n - 1].page == s->page)
      return;
    input_page_run r = {at, s->page};
    if (VEC_PUSH(s->note_runs, r))
      s->failed = 1;
  } else {
    if (s->body_runs.n && s->body_runs.v[s->body_runs.n - 1].page == s->page)
      return;
    input_page_run r = {at, s->page};
    if (VEC_PUSH(s->body_runs, r))
      s->failed = 1;
  }
}

static void trim_spaces(cg_buf *b) {
  while (b->len && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\t'))
    b->data[--b->len] = '\0';
}

/* White space for the purpose of joining: ASCII, no-break and
 * typographic spaces (&nbsp; becomes a plain space). */
static int is_join_space(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         cp == '\v' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Whether cp is written without spaces around it: CJK punctuation, kana,
 * ideographs (U+3000..U+9FFF), full-width forms (U+FF00..U+FFEF). */
static int cjk_cp(uint32_t cp) {
  return (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* Whether the last character of b is one (cjk_cp). */
static int ends_cjk(const cg_buf *b) {
  if (b->len < 3)
    return 0;
  uint32_t cp;
  return utf8_decode((const unsigned char *)b->data + b->len - 3, 3, &cp) == 3 && cjk_cp(cp);
}

/* Appends t[0..n) to b with white space collapsed; flags as in the sink.
 * White space with a line break between two Chinese characters goes, as
 * a browser lays it out ("《全面禁止核试\n验条约》"). */
static void put_collapsed(text_sink *s, cg_buf *b, const char *t, size_t n,
                          int note) {
  size_t i = 0;
  while (i < n && !s->failed) {
    uint32_t cp;
    size_t k = utf8_decode((const unsigned char *)t + i, n - i, &cp);
    if (!k) { /* not UTF-8: a replacement character */
      cp = 0xFFFD;
      k = 1;
    }
    if (is_join_space(cp)) {
      s->pending_space = 1;
      s->pending_newline |= cp == '\n' || cp == '\r';
      i += k;
      continue;
    }
    if (cp == 0xAD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || (cp < 0x20) ||
        cp == 0x7F) { /* soft hyphen, zero-width space and joiner, controls */
      i += k;
      continue;
    }
    if (!note && s->pending_break) {
      trim_spaces(b);
      if (b->len && buf_append(b, b->data[b->len - 1] == '\n' ? "\n" : "\n\n",
                               b->data[b->len - 1] == '\n' ? 1 : 2))
        s->failed = 1;
      s->pending_break = 0;
      s->pending_space = 0;
      sink_page_run(s, note);
    } else if (s->pending_space && !s->glue && b->len &&
               b->data[b->len - 1] != '\n' && b->data[b->len - 1] != ' ' &&
               !(s->pending_newline && cjk_cp(cp) && ends_cjk(b))) {
      if (buf_putc(b, ' '))
        s->failed = 1;
    }
    if (!b->len)
      sink_page_run(s, note);
    s->pending_space = 0;
    s->pending_newline = 0;
    s->glue = 0;
    char enc[4];
    size_t e = utf8_encode(cp, enc);
    if (buf_append(b, enc, e))
      s->failed = 1;
    i += k;
  }
}

void sink_text(text_sink *s, const char *t, size_t n) {
  put_collapsed(s, &s->body, t, n, 0);
}

void sink_break(text_sink *s) {
  if (s->body.len)
    s->pending_break = 1;
  s->glue = 0;
}

void sink_newline(text_sink *s) {
  if (!s->body.len || s->pending_break || s->failed)
    return;
  trim_spaces(&s->body);
  if (s->body.len && s->body.data[s->body.len - 1] != '\n' &&
      buf_putc(&s->body, '\n'))
    s->failed = 1;
  s->pending_space = s->pending_newline = 0;
}

void sink_note_ref(text_sink *s, unsigned number) {
  char ref[24];
  snprintf(ref, sizeof ref, "[^%u]", number);
  /* Glued to the word it follows: "Rights,[^1] the". */
  int space = s->pending_space, newline = s->pending_newline;
  s->pending_space = 0;
  s->glue = 1;
  if (s->pending_break)
    s->glue = 0;
  put_collapsed(s, &s->body, ref, strlen(ref), 0);
  s->pending_space = space;
  s->pending_newline = newline;
}

void sink_note(text_sink *s, unsigned number, const char *t, size_t n) {
  if (s->failed)
    return;
  sink_page_run(s, 1);
  input_note np = {s->notes.len, 0, number};
  char head[24];
  snprintf(head, sizeof head, "[^%u]: ", number);
  if (buf_puts(&s->notes, head)) {
    s->failed = 1;
    return;
  }
  int ps = s->pending_space, pn = s->pending_newline, gl = s->glue;
  s->pending_space = s->pending_newline = s->glue = 0;
  put_collapsed(s, &s->notes, t, n, 1);
  s->pending_space = ps;
  s->pending_newline = pn;
  s->glue = gl;
  trim_spaces(&s->notes);
  np.end = s->notes.len;
  if (buf_puts(&s->notes, "\n\n") || VEC_PUSH(s->note_pos, np))
    s->failed = 1;
}

void sink_free(text_sink *s) {
  buf_free(&s->body);
  buf_free(&s->notes);
  free(s->note_pos.v);
  free(s->body_runs.v);
  free(s->note_runs.v);
  memset(s, 0, sizeof *s);
}

cg_status sink_finish(text_sink *s, input_text *out, cg_diag *diag) {
  cg_status st = CG_OK;
  if (s->failed)
    goto nomem;
  trim_spaces(&s->body);
  while (s->body.len && s->body.data[s->body.len - 1] == '\n')
    s->body.data[--s->body.len] = '\0';
  size_t notes_at = 0;
  if (s->body.len && buf_puts(&s->body, s->notes.len ? "\n\n" : "\n"))
    goto nomem;
  notes_at = s->body.len;
  for (size_t i = 0; i < s->note_runs.n; i++) {
    input_page_run r = s->note_runs.v[i];
    r.start += notes_at;
    if (VEC_PUSH(s->body_runs, r))
      goto nomem;
  }
  for (size_t i = 0; i < s->note_pos.n; i++) {
    input_note np = s->note_pos.v[i];
    np.start += notes_at;
    np.end += notes_at;
    if (VEC_PUSH(out->notes, np))
      goto nomem;
  }
  if (buf_append(&s->body, s->notes.data ? s->notes.data : "", s->notes.len))
    goto nomem;
  if (!s->body.data && buf_reserve(&s->body, 1))
    goto nomem;
  out->own = s->body.data;
  out->text = out->own;
  out->len = s->body.len;
  out->pages.v = s->body_runs.v;
  out->pages.n = s->body_runs.n;
  out->pages.cap = s->body_runs.cap;
  s->body.data = NULL;
  s->body_runs.v = NULL;
  s->body_runs.n = 0;
  sink_free(s);
  return st;
nomem:
  sink_free(s);
  diag_set(diag, NULL, 0, 0, "out of memory");
  return CG_ERR_NOMEM;
}

/* ------------------------------------------------------------ loading */

const char *input_format_name(input_format f) {
  switch (f) {
  case INPUT_TEXT: return "text";
  case INPUT_MARKDOWN: return "markdown";
  case INPUT_HTML: return "html";
  case INPUT_DOCX: return "docx";
  case INPUT_PDF: return "pdf";
  }
  return "text";
}

void input_text_free(input_text *in) {
  if (!in)
    return;
  free(in->own);
  free(in->pages.v);
  free(in->notes.v);
  memset(in, 0, sizeof *in);
}

unsigned input_page_at(const input_text *in, size_t offset) {
  size_t lo = 0, hi = in->pages.n;
  if (!hi)
    return 0;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (in->pages.v[mid].start <= offset)
      lo = mid;
    else
      hi = mid;
  }
  return in->pages.v[lo].page;
}

static const char *extension(const char *path) {
  if (!path)
    return "";
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  return dot && dot != base ? dot + 1 : "";
}

static int is_pdf(const char *b, size_t len) {
  size_t n = len < 1024 ? len : 1024;
  for (size_t i = 0; i + 5 <= n;) { /* "%PDF-" starting at or before n - 5 */
    const char *p = memchr(b + i, '%', n - 4 - i);
    if (!p)
      return 0;
    if (memcmp(p, "%PDF-", 5) == 0)
      return 1;
    i = (size_t)(p - b) + 1;
  }
  return 0;
}

static int starts_with_tag(const char *s, size_t len) {
  size_t i = 0;
  if (len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
      (unsigned char)s[2] == 0xBF)
    i = 3;
  while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
    i++;
  if (len - i >= 14 && strncasecmp(s + i, "<!doctype html", 14) == 0)
    return 1;
  if (len - i >= 5 && strncasecmp(s + i, "<html", 5) == 0)
    return 1;
  return 0;
}

cg_status input_load(const char *path, const char *bytes, size_t len,
                     const input_options *opt, input_text *out,
                     cg_diag *diag) {
  memset(out, 0, sizeof *out);
  if (!bytes)
    bytes = "";
  const char *ext = extension(path);
  cg_status st;
  if (is_pdf(bytes, len)) {
    out->format = INPUT_PDF;
    st = input_read_pdf(bytes, len, out, diag);
  } else if (len >= 4 && memcmp(bytes, "PK\003\004", 4) == 0) {
    out->format = INPUT_DOCX;
    st = input_read_docx(bytes, len, out, diag);
  } else {
    char *conv = NULL;
    size_t clen = 0;
    st = input_decode(bytes, len, opt, &conv, &clen, out->encoding, diag);
    if (st)
      goto done;
    const char *u = conv ? conv : bytes;
    size_t ul = conv ? clen : len;
    if (strcasecmp(ext, "html") == 0 || strcasecmp(ext, "htm") == 0 ||
        strcasecmp(ext, "xhtml") == 0 || starts_with_tag(u, ul)) {
      out->format = INPUT_HTML;
      char enc[32];
      memcpy(enc, out->encoding, sizeof enc);
      st = input_read_html(u, ul, out, diag);
      memcpy(out->encoding, enc, sizeof enc);
      free(conv);
    } else {
      out->format = strcasecmp(ext, "md") == 0 || strcasecmp(ext, "markdown") == 0
                        ? INPUT_MARKDOWN
                        : INPUT_TEXT;
      out->own = conv;
      out->text = conv ? conv : bytes;
      out->len = ul;
    }
  }
done:
  if (st) {
    input_format f = out->format;
    input_text_free(out);
    out->format = f;
  }
  return st;
}

/* ------------------------------------------------------------ file names */

static int lang_code(const char *s, size_t n, char *lang) {
  static const char *const codes[] = {"ar", "zh", "en", "fr", "ru", "es"};
  if (n != 2)
    return 0;
  for (size_t i = 0; i < 6; i++)
    if ((s[0] | 0x20) == codes[i][0] && (s[1] | 0x20) == codes[i][1]) {
      memcpy(lang, codes[i], 3);
      return 1;
    }
  return 0;
}

static int known_extension(const char *s, size_t n) {
  static const char *const exts[] = {"txt", "md", "markdown", "html", "htm",
                                     "xhtml", "pdf", "docx", "doc", "text"};
  for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
    if (strlen(exts[i]) == n && strncasecmp(s, exts[i], n) == 0)
      return 1;
  return 0;
}

static int all_digits(const char *s, size_t n) {
  if (!n)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9')
      return 0;
  return 1;
}

/* The file name of path without its extension and language code, in
 * *base, and its length; the language code ("" for none) in lang. */
static size_t name_stem(const char *path, const char **base_out, char *lang) {
  lang[0] = '\0';
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen(base);
  /* Extension, then language: ".en.txt", "-EN.pdf", ".fr". */
  const char *dot = NULL;
  for (size_t i = n; i > 0 && !dot; i--)
    if (base[i - 1] == '.')
      dot = base + i - 1;
  if (dot && known_extension(dot + 1, n - (size_t)(dot + 1 - base)))
    n = (size_t)(dot - base);
  if (n > 3 && (base[n - 3] == '.' || base[n - 3] == '-') &&
      lang_code(base + n - 2, 2, lang))
    n -= 3;
  *base_out = base;
  return n;
}

int input_name_lang(const char *path, char *lang) {
  lang[0] = '\0';
  if (!path)
    return 0;
  const char *base;
  name_stem(path, &base, lang);
  return lang[0] != '\0';
}

int input_name_identity(const char *path, char *symbol, size_t cap,
                        char *lang) {
  if (cap)
    symbol[0] = '\0';
  lang[0] = '\0';
  if (!path || cap < 8)
    return 0;
  const char *base;
  size_t n = name_stem(path, &base, lang);
  if (!n || base[0] < 'A' || base[0] > 'Z')
    goto no;
  /* Parts between '_': the root in capitals, then any parts. */
  size_t parts = 0, digits = 0;
  const char *p[16];
  size_t pl[16];
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && base[j] != '_')
      j++;
    if (j == i || parts == 16)
      goto no;
    for (size_t k = i; k < j; k++) {
      char c = base[k];
      int ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               (c >= '0' && c <= '9') || c == '.' || c == '-';
      if (!ok)
        goto no;
      digits += c >= '0' && c <= '9';
    }
    p[parts] = base + i;
    pl[parts++] = j - i;
    i = j + 1;
    if (j + 1 == n)
      goto no; /* a trailing '_' */
  }
  if (parts < 2 || !digits)
    goto no;
  for (size_t k = 0; k < pl[0]; k++)
    if (p[0][k] < 'A' || p[0][k] > 'Z')
      goto no;
  size_t o = 0;
  /* S_RES_1_1946: a Security Council resolution and its year. */
  int sc_year = parts == 4 && pl[0] == 1 && p[0][0] == 'S' && pl[1] == 3 &&
                memcmp(p[1], "RES", 3) == 0 && all_digits(p[2], pl[2]) &&
                pl[3] == 4 && all_digits(p[3], 4) && p[3][0] >= '1' &&
                p[3][0] <= '2';
  for (size_t k = 0; k < parts; k++) {
    size_t need = pl[k] + 3;
    if (o + need >= cap)
      goto no;
    if (sc_year && k == 3) {
      symbol[o++] = '(';
      memcpy(symbol + o, p[k], pl[k]);
      o += pl[k];
      symbol[o++] = ')';
      continue;
    }
    if (k)
      symbol[o++] = '/';
    memcpy(symbol + o, p[k], pl[k]);
    o += pl[k];
  }
  symbol[o] = '\0';
  return 1;
no:
  symbol[0] = '\0';
  lang[0] = '\0';
  return 0;
}

/* ------------------------------------------------------------ public */

cg_status cg_text_load(const char *path, const char *bytes, size_t len,
                        const cg_text_options *opts, cg_text **out,
                        cg_diag *diag) {
  *out = NULL;
  cg_text *in = calloc(1, sizeof *in);
  if (!in) {
    diag_set(diag, NULL, 0, 0, "out of memory");
    return CG_ERR_NOMEM;
  }
  input_options io = {.encoding = opts ? opts->encoding : NULL};
  cg_status st = input_load(path, bytes, len, &io, &in->t, diag);
  if (st) {
    free(in);
    return st;
  }
  *out = in;
  return CG_OK;
}

void cg_text_free(cg_text *in) {
  if (!in)
    return;
  input_text_free(&in->t);
  free(in);
}

const char *cg_text_data(const cg_text *in, size_t *len) {
  *len = in->t.len;
  return in->t.text;
}

const char *cg_text_format(const cg_text *in) {
  return input_format_name(in->t.format);
}

const char *cg_text_encoding(const cg_text *in) { return in->t.encoding; }

int cg_text_converted(const cg_text *in) { return in->t.own != NULL; }

unsigned cg_text_page(const cg_text *in, size_t offset) {
  return input_page_at(&in->t, offset);
}

unsigned cg_text_pages(const cg_text *in) { return in->t.npages; }

const char *cg_text_symbol(const cg_text *in, const char **source) {
  if (source)
    *source = in->t.symbol[0] ? in->t.symbol_source : "";
  return in->t.symbol;
}

int cg_name_identity(const char *path, char *symbol, size_t cap, char *lang) {
  return input_name_identity(path, symbol, cap, lang);
}

int cg_name_lang(const char *path, char *lang) {
  return input_name_lang(path, lang);
}
