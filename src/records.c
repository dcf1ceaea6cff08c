/* records.c — citation records: the JSON Lines and TSV writers, and the
 * JSON Lines reader that turns what `citegraph extract` wrote back into
 * documents for the graph. */
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "result.h"
#include "util.h"

/* ------------------------------------------------------------ writers */

/* Records are formatted into a growable buffer (a worker's own in a corpus
 * run, reused from one file to the next) by hand: runs of bytes that need
 * no escape are copied at once, numbers written without printf. The
 * buffer keeps one byte free for a NUL (buf_reserve's contract). */

/* Room for n more bytes; writers check once per field. */
#define ROOM(b, n)                                                             \
  do {                                                                         \
    if (buf_reserve((b), (n)))                                                 \
      return -1;                                                               \
  } while (0)

static inline void put_raw(cg_buf *b, const char *s, size_t n) {
  memcpy(b->data + b->len, s, n);
  b->len += n;
}

#define PUT_LIT(b, lit) put_raw((b), (lit), sizeof(lit) - 1)

/* A valid UTF-8 sequence's length at s[i..n), or 0 (overlong forms,
 * surrogates, beyond U+10FFFF, truncated sequences). */
static size_t utf8_valid(const unsigned char *s, size_t i, size_t n) {
  unsigned c = s[i];
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (!len || i + len > n || c > 0xF4)
    return 0;
  unsigned long cp = len == 4 ? c & 0x07u : len == 3 ? c & 0x0Fu : c & 0x1Fu;
  for (size_t k = 1; k < len; k++) {
    unsigned char d = s[i + k];
    if ((d & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (d & 0x3Fu);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

/* s[0..n) as a JSON string: quotes, escapes, and U+FFFD in place of
 * anything that is not valid UTF-8. */
static int json_string(cg_buf *b, const char *str, size_t n) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *s = (const unsigned char *)str;
  /* At most six bytes out per byte in ("\u001f", "\ufffd"). */
  ROOM(b, 6 * n + 2);
  char *o = b->data + b->len;
  *o++ = '"';
  for (size_t i = 0; i < n;) {
    size_t j = i;
    /* Eight bytes at a time while none needs an escape (the test may flag
     * a byte that does not: the loop after it looks again). */
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    while (j + 8 <= n) {
      uint64_t v, q, e;
      memcpy(&v, s + j, 8);
      q = v ^ (ones * '"');
      e = v ^ (ones * '\\');
      if ((v | ((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((e - ones) & ~e)) & high)
        break;
      j += 8;
    }
    while (j < n && s[j] >= 0x20 && s[j] < 0x80 && s[j] != '"' && s[j] != '\\')
      j++;
    memcpy(o, s + i, j - i);
    o += j - i;
    i = j;
    if (i >= n)
      break;
    unsigned char c = s[i];
    if (c >= 0x80) {
      size_t len = utf8_valid(s, i, n);
      if (len) {
        memcpy(o, s + i, len);
        o += len;
        i += len;
      } else {
        memcpy(o, "\\ufffd", 6);
        o += 6;
        i++;
      }
      continue;
    }
    *o++ = '\\';
    switch (c) {
    case '"': *o++ = '"'; break;
    case '\\': *o++ = '\\'; break;
    case '\n': *o++ = 'n'; break;
    case '\r': *o++ = 'r'; break;
    case '\t': *o++ = 't'; break;
    default:
      *o++ = 'u';
      *o++ = '0';
      *o++ = '0';
      *o++ = hex[c >> 4];
      *o++ = hex[c & 15];
    }
    i++;
  }
  *o++ = '"';
  b->len = (size_t)(o - b->data);
  return 0;
}

static int json_cstr(cg_buf *b, const char *s) {
  return json_string(b, s, strlen(s));
}

void records_json_string(FILE *f, const char *s) {
  cg_buf b = {NULL, 0, 0};
  if (json_cstr(&b, s) == 0)
    fwrite(b.data, 1, b.len, f);
  else
    fputs("\"\"", f);
  buf_free(&b);
}

/* A decimal number. */
static int put_num(cg_buf *b, size_t v) {
  char tmp[20];
  size_t n = decimal(tmp, v);
  ROOM(b, n);
  put_raw(b, tmp, n);
  return 0;
}

static int put_str(cg_buf *b, const char *s, size_t n) {
  ROOM(b, n);
  put_raw(b, s, n);
  return 0;
}

static int put_cstr(cg_buf *b, const char *s) { return put_str(b, s, strlen(s)); }

#define LIT(b, lit) put_str((b), (lit), sizeof(lit) - 1)

static int json_opt(cg_buf *b, const char *s) {
  return s && s[0] ? json_cstr(b, s) : LIT(b, "null");
}

/* TSV fields cannot hold tabs or newlines: they become spaces. */
static int tsv_field(cg_buf *b, const char *s, size_t n) {
  ROOM(b, n);
  char *o = b->data + b->len;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    o[i] = c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
  }
  b->len += n;
  return 0;
}

static int tsv_cstr(cg_buf *b, const char *s) {
  return tsv_field(b, s ? s : "", s ? strlen(s) : 0);
}

const char *cg_records_header(cg_record_format format) {
  return format == CG_RECORDS_TSV
             ? "doc\tstart\tend\ttext\ttarget\tkind\tbody\tdate\tlang\tplace\t"
               "paragraph\tfootnote\n"
             : "";
}

static int write_document(cg_buf *b, const char *doc, const char *file,
                          const cg_document *d, size_t n) {
  if (LIT(b, "{\"record\":\"document\",\"doc\":") || json_cstr(b, doc) ||
      LIT(b, ",\"file\":") || json_cstr(b, file) || LIT(b, ",\"self\":") ||
      json_opt(b, d->self) || LIT(b, ",\"body\":") || json_opt(b, d->body) ||
      LIT(b, ",\"lang\":") || json_cstr(b, d->lang) || LIT(b, ",\"date\":") ||
      json_opt(b, d->date) || LIT(b, ",\"title\":") || json_opt(b, d->title) ||
      LIT(b, ",\"citations\":") || put_num(b, n) ||
      LIT(b, ",\"invalid_utf8\":") || put_num(b, d->invalid_utf8) ||
      LIT(b, ",\"format\":") ||
      json_cstr(b, d->format && d->format[0] ? d->format : "text") ||
      LIT(b, ",\"encoding\":") || json_opt(b, d->encoding))
    return -1;
  if (d->pages && (LIT(b, ",\"pages\":") || put_num(b, d->pages)))
    return -1;
  if (LIT(b, ",\"self_source\":") || json_opt(b, d->self_source) ||
      LIT(b, "}\n"))
    return -1;
  return 0;
}

static int write_citation_json(cg_buf *b, const char *doc, const char *lang,
                               const char *text, const cg_citation *c) {
  if (LIT(b, "{\"record\":\"citation\",\"doc\":") || json_cstr(b, doc) ||
      LIT(b, ",\"start\":") || put_num(b, c->start) || LIT(b, ",\"end\":") ||
      put_num(b, c->end) || LIT(b, ",\"text\":") ||
      json_string(b, text + c->start, c->end - c->start) ||
      LIT(b, ",\"target\":") || json_opt(b, c->target) ||
      LIT(b, ",\"kind\":\"") || put_cstr(b, cg_kind_name(c->kind)) ||
      LIT(b, "\",\"body\":") || json_cstr(b, c->body) ||
      LIT(b, ",\"number\":") || json_cstr(b, c->number) ||
      LIT(b, ",\"date\":") || json_opt(b, c->date) || LIT(b, ",\"lang\":") ||
      json_cstr(b, lang) || LIT(b, ",\"place\":\"") ||
      put_cstr(b, cg_place_name(c->place)) || LIT(b, "\",\"paragraph\":") ||
      put_num(b, c->paragraph) || LIT(b, ",\"footnote\":") ||
      put_num(b, c->footnote))
    return -1;
  if (c->page && (LIT(b, ",\"page\":") || put_num(b, c->page)))
    return -1;
  return LIT(b, "}\n");
}

static int write_citation_tsv(cg_buf *b, const char *doc, const char *lang,
                              const char *text, const cg_citation *c) {
  if (tsv_cstr(b, doc) || LIT(b, "\t") || put_num(b, c->start) ||
      LIT(b, "\t") || put_num(b, c->end) || LIT(b, "\t") ||
      tsv_field(b, text + c->start, c->end - c->start) || LIT(b, "\t") ||
      tsv_cstr(b, c->target) || LIT(b, "\t") ||
      put_cstr(b, cg_kind_name(c->kind)) || LIT(b, "\t") ||
      tsv_cstr(b, c->body) || LIT(b, "\t") || tsv_cstr(b, c->date) ||
      LIT(b, "\t") || tsv_cstr(b, lang) || LIT(b, "\t") ||
      put_cstr(b, cg_place_name(c->place)) || LIT(b, "\t") ||
      put_num(b, c->paragraph) || LIT(b, "\t") || put_num(b, c->footnote) ||
      LIT(b, "\n"))
    return -1;
  return 0;
}

/* {"record":"unresolved",…}: not read back (the graph has no use for it) */
static int write_unresolved_json(cg_buf *b, const char *doc, const char *lang,
                                 const char *text, const cg_unresolved *u) {
  if (LIT(b, "{\"record\":\"unresolved\",\"doc\":") || json_cstr(b, doc) ||
      LIT(b, ",\"start\":") || put_num(b, u->start) || LIT(b, ",\"end\":") ||
      put_num(b, u->end) || LIT(b, ",\"text\":") ||
      json_string(b, text + u->start, u->end - u->start) ||
      LIT(b, ",\"reason\":") || json_cstr(b, u->reason) ||
      LIT(b, ",\"lang\":") || json_cstr(b, lang) || LIT(b, "}\n"))
    return -1;
  return 0;
}

/* A TSV row with no target, kind "unresolved" and the reason in the body
 * column. */
static int write_unresolved_tsv(cg_buf *b, const char *doc, const char *lang,
                                const char *text, const cg_unresolved *u) {
  if (tsv_cstr(b, doc) || LIT(b, "\t") || put_num(b, u->start) ||
      LIT(b, "\t") || put_num(b, u->end) || LIT(b, "\t") ||
      tsv_field(b, text + u->start, u->end - u->start) ||
      LIT(b, "\t\tunresolved\t") || tsv_cstr(b, u->reason) ||
      LIT(b, "\t\t") || tsv_cstr(b, lang) || LIT(b, "\t\t0\t0\n"))
    return -1;
  return 0;
}

cg_status records_format(cg_buf *b, cg_record_format format, const char *file,
                         const char *text, const cg_result *res, size_t from,
                         size_t to) {
  if (!b || !file || !res || (!text && res->count) ||
      (format != CG_RECORDS_JSONL && format != CG_RECORDS_TSV))
    return CG_ERR_ARG;
  const cg_document *d = &res->doc;
  const char *doc = d->self[0] ? d->self : file;
  if (to > res->count)
    to = res->count;
  if (from == 0 && format == CG_RECORDS_JSONL &&
      write_document(b, doc, file, d, res->count))
    return CG_ERR_NOMEM;
  for (size_t i = from; i < to; i++) {
    const cg_citation *c = &res->cits[i];
    if (c->end < c->start)
      return CG_ERR_ARG;
    int rc = format == CG_RECORDS_JSONL
                 ? write_citation_json(b, doc, d->lang, text, c)
                 : write_citation_tsv(b, doc, d->lang, text, c);
    if (rc)
      return CG_ERR_NOMEM;
  }
  /* The unresolved mentions follow the last citation. */
  for (size_t i = 0; to == res->count && i < res->nunres; i++) {
    const cg_unresolved *u = &res->unres[i];
    if (u->end < u->start)
      return CG_ERR_ARG;
    int rc = format == CG_RECORDS_JSONL
                 ? write_unresolved_json(b, doc, d->lang, text, u)
                 : write_unresolved_tsv(b, doc, d->lang, text, u);
    if (rc)
      return CG_ERR_NOMEM;
  }
  return CG_OK;
}

/* Citations formatted at a time by cg_records_write before the buffer goes
 * to the stream. */
#define WRITE_SLICE 256

cg_status cg_records_write(FILE *f, cg_record_format format, const char *file,
                           const char *text, const cg_result *res) {
  if (!f)
    return CG_ERR_ARG;
  cg_buf b = {NULL, 0, 0};
  cg_status st = CG_OK;
  size_t n = res ? res->count : 0;
  for (size_t from = 0; !st && (from == 0 || from < n); from += WRITE_SLICE) {
    b.len = 0;
    st = records_format(&b, format, file, text, res, from, from + WRITE_SLICE);
    if (!st && b.len && fwrite(b.data, 1, b.len, f) != b.len)
      st = CG_ERR_IO;
  }
  buf_free(&b);
  if (!st && ferror(f))
    st = CG_ERR_IO;
  return st;
}

char *cg_records_string(cg_record_format format, const char *file,
                        const char *text, const cg_result *res, size_t *len) {
  cg_buf b = {NULL, 0, 0};
  if (records_format(&b, format, file, text, res, 0, SIZE_MAX) ||
      buf_reserve(&b, 0)) {
    buf_free(&b);
    return NULL;
  }
  b.data[b.len] = '\0';
  if (len)
    *len = b.len;
  return b.data;
}

void cg_free(void *p) { free(p); }

/* ------------------------------------------------------------ reader */

/* One record's members: keys and string values are decoded into the
 * line's scratch buffer, addressed by offset. */
enum { V_STRING, V_NULL, V_NUMBER, V_OTHER };

typedef struct {
  size_t key;        /* offset into scratch */
  int type;
  size_t str;        /* V_STRING: offset into scratch */
  unsigned long long num; /* V_NUMBER: a non-negative integer */
  int integer;       /* V_NUMBER: it was one */
} member;

#define MAX_MEMBERS 48

typedef struct {
  const char *s;
  size_t len, pos;
  cg_buf scratch;
  member m[MAX_MEMBERS];
  size_t nm;
  const char *error;
} line_parser;

static void skip_ws(line_parser *p) {
  while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' ||
                             p->s[p->pos] == '\r' || p->s[p->pos] == '\n'))
    p->pos++;
}

static int hex4(const char *s, unsigned *out) {
  unsigned v = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      v |= (unsigned)(c - 'A' + 10);
    else
      return -1;
  }
  *out = v;
  return 0;
}

static int put_utf8(cg_buf *b, unsigned long cp) {
  char u[4];
  size_t n;
  if (cp < 0x80) {
    u[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    u[0] = (char)(0xC0 | (cp >> 6));
    u[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | (cp >> 12));
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    u[0] = (char)(0xF0 | (cp >> 18));
    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  return buf_append(b, u, n);
}

/* Decodes the string at p->pos (on its opening quote) into the scratch
 * buffer, NUL-terminated; stores its offset. Returns 0, or -1 with
 * p->error. A \u0000 becomes a space: identifiers and titles are C
 * strings. */
static int parse_string(line_parser *p, size_t *off) {
  *off = p->scratch.len;
  p->pos++; /* the quote */
  size_t from = p->pos;
  for (;;) {
    if (p->pos >= p->len) {
      p->error = "unterminated string";
      return -1;
    }
    unsigned char c = (unsigned char)p->s[p->pos];
    if (c == '"' || c == '\\' || c < 0x20) {
      if (buf_append(&p->scratch, p->s + from, p->pos - from))
        goto nomem;
    }
    if (c == '"') {
      p->pos++;
      break;
    }
    if (c < 0x20) {
      p->error = "control character in a string";
      return -1;
    }
    if (c != '\\') {
      p->pos++;
      continue;
    }
    if (p->pos + 1 >= p->len) {
      p->error = "unterminated string";
      return -1;
    }
    char e = p->s[p->pos + 1];
    size_t escape = p->pos;
    p->pos += 2;
    const char *simple = NULL;
    switch (e) {
    case '"': simple = "\""; break;
    case '\\': simple = "\\"; break;
    case '/': simple = "/"; break;
    case 'b': simple = "\b"; break;
    case 'f': simple = "\f"; break;
    case 'n': simple = "\n"; break;
    case 'r': simple = "\r"; break;
    case 't': simple = "\t"; break;
    case 'u': break;
    default:
      p->error = "unknown escape in a string";
      p->pos = escape;
      return -1;
    }
    if (simple) {
      if (buf_append(&p->scratch, simple, 1))
        goto nomem;
    } else {
      unsigned u, lo;
      if (p->pos + 4 > p->len || hex4(p->s + p->pos, &u)) {
        p->error = "bad \\u escape";
        p->pos = escape;
        return -1;
      }
      p->pos += 4;
      unsigned long cp = u;
      if (u >= 0xD800 && u <= 0xDBFF && p->pos + 6 <= p->len &&
          p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u' &&
          !hex4(p->s + p->pos + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((unsigned long)(u - 0xD800) << 10) + (lo - 0xDC00);
        p->pos += 6;
      } else if (u >= 0xD800 && u <= 0xDFFF) {
        cp = 0xFFFD; /* a lone surrogate */
      } else if (u == 0) {
        cp = ' ';
      }
      if (put_utf8(&p->scratch, cp))
        goto nomem;
    }
    from = p->pos;
  }
  if (buf_putc(&p->scratch, '\0'))
    goto nomem;
  return 0;
nomem:
  p->error = NULL;
  return -2;
}

/* Skips a number, remembering it when it is a non-negative integer. */
static int parse_number(line_parser *p, member *m) {
  size_t start = p->pos;
  int integer = 1;
  unsigned long long v = 0;
  if (p->s[p->pos] == '-') {
    integer = 0;
    p->pos++;
  }
  size_t digits = 0;
  while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9') {
    unsigned d = (unsigned)(p->s[p->pos] - '0');
    if (v > (~0ULL - d) / 10)
      integer = 0;
    v = v * 10 + d;
    p->pos++;
    digits++;
  }
  if (!digits) {
    p->error = "bad number";
    return -1;
  }
  while (p->pos < p->len && strchr("0123456789.eE+-", p->s[p->pos])) {
    integer = 0;
    p->pos++;
  }
  m->type = V_NUMBER;
  m->num = v;
  m->integer = integer && p->pos > start;
  return 0;
}

/* Skips any JSON value (arrays and objects nested in a record are not
 * used, but are allowed so that records may grow). */
static int skip_value(line_parser *p, int depth) {
  skip_ws(p);
  if (p->pos >= p->len) {
    p->error = "missing value";
    return -1;
  }
  char c = p->s[p->pos];
  if (c == '"') {
    size_t off, mark = p->scratch.len;
    int rc = parse_string(p, &off);
    p->scratch.len = mark;
    return rc;
  }
  if (c == '[' || c == '{') {
    if (depth > 32) {
      p->error = "values nested too deep";
      return -1;
    }
    char close = c == '[' ? ']' : '}';
    p->pos++;
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == close) {
      p->pos++;
      return 0;
    }
    for (;;) {
      if (c == '{') {
        skip_ws(p);
        if (p->pos >= p->len || p->s[p->pos] != '"') {
          p->error = "expected a member name";
          return -1;
        }
        int rc = skip_value(p, depth + 1);
        if (rc)
          return rc;
        skip_ws(p);
        if (p->pos >= p->len || p->s[p->pos] != ':') {
          p->error = "expected ':'";
          return -1;
        }
        p->pos++;
      }
      int rc = skip_value(p, depth + 1);
      if (rc)
        return rc;
      skip_ws(p);
      if (p->pos < p->len && p->s[p->pos] == ',') {
        p->pos++;
        continue;
      }
      if (p->pos < p->len && p->s[p->pos] == close) {
        p->pos++;
        return 0;
      }
      p->error = c == '[' ? "expected ',' or ']'" : "expected ',' or '}'";
      return -1;
    }
  }
  member m;
  if (c == '-' || (c >= '0' && c <= '9'))
    return parse_number(p, &m);
  static const char *const words[] = {"null", "true", "false"};
  for (int i = 0; i < 3; i++) {
    size_t wl = strlen(words[i]);
    if (p->len - p->pos >= wl && memcmp(p->s + p->pos, words[i], wl) == 0) {
      p->pos += wl;
      return 0;
    }
  }
  p->error = "unexpected character";
  return -1;
}

/* Parses one line holding one JSON object into p->m. Returns 0, -1 with
 * p->error (p->pos is where), or -2 when out of memory. */
static int parse_object(line_parser *p) {
  p->nm = 0;
  p->scratch.len = 0;
  p->error = NULL;
  skip_ws(p);
  if (p->pos >= p->len || p->s[p->pos] != '{') {
    p->error = "expected a JSON object";
    return -1;
  }
  p->pos++;
  skip_ws(p);
  if (p->pos < p->len && p->s[p->pos] == '}') {
    p->pos++;
  } else {
    for (;;) {
      skip_ws(p);
      if (p->pos >= p->len || p->s[p->pos] != '"') {
        p->error = "expected a member name";
        return -1;
      }
      member m;
      memset(&m, 0, sizeof m);
      int rc = parse_string(p, &m.key);
      if (rc)
        return rc;
      skip_ws(p);
      if (p->pos >= p->len || p->s[p->pos] != ':') {
        p->error = "expected ':'";
        return -1;
      }
      p->pos++;
      skip_ws(p);
      if (p->pos >= p->len) {
        p->error = "missing value";
        return -1;
      }
      char c = p->s[p->pos];
      if (c == '"') {
        m.type = V_STRING;
        rc = parse_string(p, &m.str);
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        rc = parse_number(p, &m);
      } else if (p->len - p->pos >= 4 && !memcmp(p->s + p->pos, "null", 4)) {
        m.type = V_NULL;
        p->pos += 4;
      } else {
        m.type = V_OTHER;
        rc = skip_value(p, 0);
      }
      if (rc)
        return rc;
      if (p->nm < MAX_MEMBERS)
        p->m[p->nm++] = m;
      skip_ws(p);
      if (p->pos < p->len && p->s[p->pos] == ',') {
        p->pos++;
        continue;
      }
      if (p->pos < p->len && p->s[p->pos] == '}') {
        p->pos++;
        break;
      }
      p->error = "expected ',' or '}'";
      return -1;
    }
  }
  skip_ws(p);
  if (p->pos < p->len) {
    p->error = "text after the record";
    return -1;
  }
  return 0;
}

static const member *find_member(const line_parser *p, const char *key) {
  for (size_t i = 0; i < p->nm; i++)
    if (strcmp(p->scratch.data + p->m[i].key, key) == 0)
      return &p->m[i];
  return NULL;
}

static const char *member_str(const line_parser *p, const member *m) {
  return p->scratch.data + m->str;
}

/* The first line that is not blank, as [*line, *line + *n). */
static int first_line(const char *data, size_t len, const char **line,
                      size_t *n) {
  size_t i = 0;
  for (;;) {
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r'))
      i++;
    if (i < len && data[i] == '\n') {
      i++;
      continue;
    }
    break;
  }
  if (i >= len)
    return 0;
  const char *nl = memchr(data + i, '\n', len - i);
  *line = data + i;
  *n = nl ? (size_t)(nl - (data + i)) : len - i;
  return 1;
}

int cg_records_detect(const char *data, size_t len) {
  const char *line;
  size_t n;
  if (!data || !first_line(data, len, &line, &n) || line[0] != '{')
    return 0;
  line_parser p;
  memset(&p, 0, sizeof p);
  p.s = line;
  p.len = n;
  int yes = parse_object(&p) == 0;
  const member *r = yes ? find_member(&p, "record") : NULL;
  yes = r && r->type == V_STRING;
  buf_free(&p.scratch);
  return yes;
}

/* A record's strings are kept in the arena by offset while reading (the
 * arena moves as it grows) and become pointers once the whole input is
 * read. */
#define NONE SIZE_MAX

typedef struct {
  size_t file, doc, self, body, lang, date, title; /* offsets or NONE */
  size_t invalid_utf8, announced;
  size_t first, count; /* the document's citations in cits */
  int line;            /* where the document record stood */
} doc_tmp;

typedef struct {
  size_t target, number, body, date;
  size_t start, end;
  cg_kind kind;
  cg_place place;
  unsigned paragraph, footnote;
} cit_tmp;

struct cg_records {
  cg_strings strs;
  cg_result *res;
  cg_citation *cits;
  const char **files;
  size_t count;
};

typedef struct {
  cg_records *r;
  VEC(doc_tmp) docs;
  VEC(cit_tmp) cits;
} reader;

/* Copies a string member into the arena: its offset, or NONE for null or
 * absent. Returns -1 when out of memory. */
static int keep_str(reader *rd, const line_parser *p, const char *key,
                    size_t *off) {
  const member *m = find_member(p, key);
  *off = NONE;
  if (!m || m->type != V_STRING)
    return 0;
  const char *s = member_str(p, m);
  *off = strings_add(&rd->r->strs, s, strlen(s));
  return *off == NONE ? -1 : 0;
}

/* A string member that must be an identifier (docs/identifiers.md) when
 * present and not null or empty. Returns 0, or -1 with the reason. */
static int check_identifier(const line_parser *p, const char *key,
                            const char *file, unsigned long line,
                            cg_diag *diag) {
  const member *m = find_member(p, key);
  if (!m || m->type != V_STRING || !member_str(p, m)[0] ||
      cg_identifier_valid(member_str(p, m)))
    return 0;
  char shown[4 * CG_IDENTIFIER_MAX];
  diag_set(diag, file, line, 1,
           "\"%s\" '%s' is not an identifier (docs/identifiers.md)", key,
           printable(member_str(p, m), shown, sizeof shown));
  return -1;
}

/* A non-negative integer member; absent is 0. Returns -1 for another
 * value. */
static int get_num(const line_parser *p, const char *key, size_t *out) {
  const member *m = find_member(p, key);
  *out = 0;
  if (!m)
    return 0;
  if (m->type != V_NUMBER || !m->integer || m->num > SIZE_MAX)
    return -1;
  *out = (size_t)m->num;
  return 0;
}

static const char *str_at(const cg_records *r, size_t off) {
  return off == NONE ? "" : strings_get(&r->strs, off);
}

/* A document record's count of citations must match the citation records
 * that follow it: a shard cut short is an error, not a smaller graph. */
static int check_count(const reader *rd, const char *file, cg_diag *diag) {
  if (!rd->docs.n)
    return 0;
  const doc_tmp *d = &rd->docs.v[rd->docs.n - 1];
  if (d->announced == d->count)
    return 0;
  diag_set(diag, file, (unsigned long)d->line, 1,
           "document '%s' announces %zu citations but %zu follow it",
           str_at(rd->r, d->doc), d->announced, d->count);
  return -1;
}

/* Builds the public views once every string is in the arena. */
static int finish(reader *rd) {
  cg_records *r = rd->r;
  r->count = rd->docs.n;
  r->res = calloc(r->count ? r->count : 1, sizeof *r->res);
  r->files = calloc(r->count ? r->count : 1, sizeof *r->files);
  r->cits = calloc(rd->cits.n ? rd->cits.n : 1, sizeof *r->cits);
  if (!r->res || !r->files || !r->cits)
    return -1;
  for (size_t i = 0; i < rd->cits.n; i++) {
    const cit_tmp *t = &rd->cits.v[i];
    cg_citation *c = &r->cits[i];
    c->start = t->start;
    c->end = t->end;
    c->target = t->target == NONE ? NULL : strings_get(&r->strs, t->target);
    c->number = str_at(r, t->number);
    c->body = str_at(r, t->body);
    c->date = str_at(r, t->date);
    c->kind = t->kind;
    c->place = t->place;
    c->paragraph = t->paragraph;
    c->footnote = t->footnote;
    c->page = 0;
  }
  for (size_t i = 0; i < r->count; i++) {
    const doc_tmp *t = &rd->docs.v[i];
    cg_result *res = &r->res[i];
    res->doc.self = str_at(r, t->self);
    res->doc.body = str_at(r, t->body);
    res->doc.lang = str_at(r, t->lang);
    res->doc.date = str_at(r, t->date);
    res->doc.title = str_at(r, t->title);
    res->doc.invalid_utf8 = t->invalid_utf8;
    res->doc.first_invalid = 0;
    res->doc.self_source = "";
    res->doc.format = "";
    res->doc.encoding = "";
    res->doc.pages = 0;
    res->cits = r->cits + t->first;
    res->count = t->count;
    r->files[i] = str_at(r, t->file != NONE ? t->file : t->doc);
  }
  return 0;
}

/* Reads one record (already parsed into p) into rd. Returns 0, -1 with
 * the reason in diag, -2 when out of memory. */
static int take_record(reader *rd, const line_parser *p, const char *file,
                       unsigned long line, cg_diag *diag) {
  const member *rec = find_member(p, "record");
  if (!rec || rec->type != V_STRING) {
    diag_set(diag, file, line, 1, "a record needs a \"record\" member");
    return -1;
  }
  const char *type = member_str(p, rec);
  const member *doc = find_member(p, "doc");
  int is_doc = strcmp(type, "document") == 0;
  if (!is_doc && strcmp(type, "citation") != 0)
    return 0; /* a record of another kind: not for the graph */
  if (!doc || doc->type != V_STRING || !member_str(p, doc)[0]) {
    diag_set(diag, file, line, 1, "a %s record needs a \"doc\" identifier",
             type);
    return -1;
  }
  if (is_doc) {
    if (check_count(rd, file, diag) ||
        check_identifier(p, "self", file, line, diag))
      return -1;
    doc_tmp d;
    memset(&d, 0, sizeof d);
    d.line = (int)line;
    d.first = rd->cits.n;
    if (keep_str(rd, p, "doc", &d.doc) || keep_str(rd, p, "file", &d.file) ||
        keep_str(rd, p, "self", &d.self) || keep_str(rd, p, "body", &d.body) ||
        keep_str(rd, p, "lang", &d.lang) || keep_str(rd, p, "date", &d.date) ||
        keep_str(rd, p, "title", &d.title))
      return -2;
    if (get_num(p, "citations", &d.announced) ||
        get_num(p, "invalid_utf8", &d.invalid_utf8)) {
      diag_set(diag, file, line, 1,
               "\"citations\" and \"invalid_utf8\" are counts");
      return -1;
    }
    if (!find_member(p, "citations"))
      d.announced = SIZE_MAX; /* not announced: not checked */
    return VEC_PUSH(rd->docs, d) ? -2 : 0;
  }
  if (!rd->docs.n ||
      strcmp(str_at(rd->r, rd->docs.v[rd->docs.n - 1].doc),
             member_str(p, doc)) != 0) {
    diag_set(diag, file, line, 1,
             "citation of '%s' without its document record before it",
             member_str(p, doc));
    return -1;
  }
  if (check_identifier(p, "target", file, line, diag))
    return -1;
  doc_tmp *d = &rd->docs.v[rd->docs.n - 1];
  cit_tmp c;
  memset(&c, 0, sizeof c);
  size_t para, foot;
  if (get_num(p, "start", &c.start) || get_num(p, "end", &c.end) ||
      get_num(p, "paragraph", &para) || get_num(p, "footnote", &foot) ||
      c.end < c.start || para > 0xFFFFFFFFu || foot > 0xFFFFFFFFu) {
    diag_set(diag, file, line, 1,
             "\"start\", \"end\", \"paragraph\" and \"footnote\" are "
             "counts, start <= end");
    return -1;
  }
  c.paragraph = (unsigned)para;
  c.footnote = (unsigned)foot;
  const member *kind = find_member(p, "kind");
  const member *place = find_member(p, "place");
  int kind_ok = 0, place_ok = !place;
  c.kind = CG_KIND_SYMBOL;
  c.place = CG_PLACE_TEXT;
  /* Every kind cg_kind_name knows (it says "unknown" past the last), so
   * that a kind added to the extractor is read back without a change
   * here. */
  for (int k = CG_KIND_RESOLUTION;
       kind && kind->type == V_STRING && !kind_ok && k < 64 &&
       strcmp(cg_kind_name((cg_kind)k), "unknown") != 0;
       k++)
    if (!strcmp(member_str(p, kind), cg_kind_name((cg_kind)k))) {
      c.kind = (cg_kind)k;
      kind_ok = 1;
    }
  for (int k = CG_PLACE_TEXT; place && place->type == V_STRING &&
                              k <= CG_PLACE_FOOTNOTE; k++)
    if (!strcmp(member_str(p, place), cg_place_name((cg_place)k))) {
      c.place = (cg_place)k;
      place_ok = 1;
    }
  if (!kind_ok || !place_ok) {
    diag_set(diag, file, line, 1, "unknown %s '%s'", kind_ok ? "place" : "kind",
             !kind_ok ? (kind && kind->type == V_STRING ? member_str(p, kind) : "")
                      : member_str(p, place));
    return -1;
  }
  if (keep_str(rd, p, "target", &c.target) ||
      keep_str(rd, p, "number", &c.number) ||
      keep_str(rd, p, "body", &c.body) || keep_str(rd, p, "date", &c.date))
    return -2;
  if (VEC_PUSH(rd->cits, c))
    return -2;
  d->count++;
  return 0;
}

cg_status cg_records_parse(const char *data, size_t len, const char *file,
                           cg_records **out, cg_diag *diag) {
  if (diag)
    memset(diag, 0, sizeof *diag);
  if (!out || (!data && len)) {
    diag_set(diag, file, 0, 0, "invalid argument");
    return CG_ERR_ARG;
  }
  *out = NULL;
  reader rd;
  memset(&rd, 0, sizeof rd);
  line_parser p;
  memset(&p, 0, sizeof p);
  cg_status st = CG_OK;
  if (!(rd.r = calloc(1, sizeof *rd.r)))
    return CG_ERR_NOMEM;
  unsigned long line = 0;
  for (size_t i = 0; i < len && !st;) {
    const char *nl = memchr(data + i, '\n', len - i);
    size_t n = nl ? (size_t)(nl - (data + i)) : len - i;
    line++;
    p.s = data + i;
    p.len = n;
    p.pos = 0;
    i += n + (nl ? 1 : 0);
    skip_ws(&p);
    if (p.pos == p.len)
      continue; /* a blank line */
    p.pos = 0;
    int rc = parse_object(&p);
    if (rc == -1) {
      diag_set(diag, file, line, (unsigned long)p.pos + 1, "%s", p.error);
      st = CG_ERR_INPUT;
    } else if (rc == 0) {
      rc = take_record(&rd, &p, file, line, diag);
      st = rc == -1 ? CG_ERR_INPUT : CG_OK;
    }
    if (rc == -2) {
      diag_set(diag, file, line, 0, "out of memory");
      st = CG_ERR_NOMEM;
    }
  }
  if (!st && check_count(&rd, file, diag))
    st = CG_ERR_INPUT;
  if (!st && finish(&rd)) {
    diag_set(diag, file, 0, 0, "out of memory");
    st = CG_ERR_NOMEM;
  }
  buf_free(&p.scratch);
  free(rd.docs.v);
  free(rd.cits.v);
  if (st) {
    cg_records_free(rd.r);
    return st;
  }
  *out = rd.r;
  return CG_OK;
}

void cg_records_free(cg_records *r) {
  if (!r)
    return;
  buf_free(&r->strs.mem);
  free(r->res);
  free(r->cits);
  free(r->files);
  free(r);
}

size_t cg_records_count(const cg_records *r) { return r ? r->count : 0; }

const cg_result *cg_records_result(const cg_records *r, size_t i) {
  return r && i < r->count ? &r->res[i] : NULL;
}

const char *cg_records_file(const cg_records *r, size_t i) {
  return r && i < r->count ? r->files[i] : NULL;
}

cg_status cg_graph_add_records(cg_graph *g, const cg_records *r) {
  if (!g || !r)
    return CG_ERR_ARG;
  for (size_t i = 0; i < r->count; i++) {
    cg_status st = cg_graph_add(g, &r->res[i], r->files[i]);
    if (st)
      return st;
  }
  return CG_OK;
}
