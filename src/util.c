/* util.c — growable buffers, string arena, diagnostics. */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int buf_reserve(cg_buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap)
    return 0;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + extra + 1) {
    if (cap > SIZE_MAX / 2)
      return -1;
    cap *= 2;
  }
  char *p = realloc(b->data, cap);
  if (!p)
    return -1;
  b->data = p;
  b->cap = cap;
  return 0;
}

int buf_append(cg_buf *b, const char *s, size_t n) {
  if (buf_reserve(b, n))
    return -1;
  if (n)
    memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}

int buf_puts(cg_buf *b, const char *s) { return buf_append(b, s, strlen(s)); }

int buf_putc(cg_buf *b, char c) { return buf_append(b, &c, 1); }

void buf_free(cg_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

size_t strings_add(cg_strings *st, const char *s, size_t n) {
  size_t off = st->mem.len;
  if (buf_reserve(&st->mem, n + 1))
    return SIZE_MAX;
  if (n)
    memcpy(st->mem.data + off, s, n);
  st->mem.data[off + n] = '\0';
  st->mem.len += n + 1;
  return off;
}

int vec_grow(void **v, size_t *cap, size_t need, size_t elem) {
  size_t c = *cap ? *cap : 16;
  while (c < need) {
    if (c > SIZE_MAX / 2 / elem)
      return -1;
    c *= 2;
  }
  void *p = realloc(*v, c * elem);
  if (!p)
    return -1;
  /* New room zeroed: what is put there later has no stale padding. */
  memset((char *)p + *cap * elem, 0, (c - *cap) * elem);
  *v = p;
  *cap = c;
  return 0;
}

void diag_set(cg_diag *d, const char *file, unsigned long line,
              unsigned long col, const char *fmt, ...) {
  if (!d)
    return;
  snprintf(d->file, sizeof d->file, "%s", file ? file : "");
  d->line = line;
  d->column = col;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(d->message, sizeof d->message, fmt, ap);
  va_end(ap);
}

/* The characters of docs/identifiers.md: letters, digits and / . - ( ) # _
 * +. No space, no quote, nothing a format reserves. */
int cg_identifier_valid(const char *id) {
  if (!id || !id[0])
    return 0;
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
    unsigned char c = *p;
    if (++n >= CG_IDENTIFIER_MAX)
      return 0;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9'))
      continue;
    if (!strchr("/.-()#_+", c))
      return 0;
  }
  return 1;
}

char *printable(const char *s, char *out, size_t cap) {
  size_t o = 0;
  if (!cap)
    return out;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p >= 0x20 && *p < 0x7F && *p != '\\') {
      if (o + 1 >= cap)
        break;
      out[o++] = (char)*p;
    } else {
      if (o + 4 >= cap)
        break;
      snprintf(out + o, cap - o, "\\x%02X", *p);
      o += 4;
    }
  }
  out[o] = '\0';
  return out;
}

const char *cg_strerror(cg_status status) {
  switch (status) {
  case CG_OK: return "success";
  case CG_ERR_NOMEM: return "out of memory";
  case CG_ERR_IO: return "input/output error";
  case CG_ERR_SYNTAX: return "malformed YAML";
  case CG_ERR_SCHEMA: return "unexpected catalogue content";
  case CG_ERR_INPUT: return "input cannot be processed";
  case CG_ERR_ARG: return "invalid argument";
  }
  return "unknown error";
}

char *cg_diag_format(const cg_diag *d, char *buf, size_t size) {
  if (!size)
    return buf;
  if (d->file[0] && d->line)
    snprintf(buf, size, "%s:%lu:%lu: %s", d->file, d->line, d->column,
             d->message);
  else if (d->file[0])
    snprintf(buf, size, "%s: %s", d->file, d->message);
  else
    snprintf(buf, size, "%s", d->message);
  return buf;
}
