/* util.h — small internal helpers: growable buffers, an arena, hashing. */
#ifndef CG_UTIL_H
#define CG_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "citegraph.h"

/* A growable byte buffer. Zero-initialise; free with buf_free. */
typedef struct {
  char *data;
  size_t len, cap;
} cg_buf;

int buf_reserve(cg_buf *b, size_t extra);
int buf_append(cg_buf *b, const char *s, size_t n);
int buf_puts(cg_buf *b, const char *s);
int buf_putc(cg_buf *b, char c);
void buf_free(cg_buf *b);

/* An arena of NUL-terminated strings, addressed by offset so that growth
 * never invalidates what was handed out before. */
typedef struct {
  cg_buf mem;
} cg_strings;

/* Appends s[0..n) plus a NUL; returns its offset, or SIZE_MAX on failure. */
size_t strings_add(cg_strings *st, const char *s, size_t n);
static inline const char *strings_get(const cg_strings *st, size_t off) {
  return st->mem.data + off;
}

/* A growable array of fixed-size elements. */
#define VEC(T)                                                                 \
  struct {                                                                     \
    T *v;                                                                      \
    size_t n, cap;                                                             \
  }
int vec_grow(void **v, size_t *cap, size_t need, size_t elem);
#define VEC_PUSH(vec, elem)                                                    \
  (((vec).n < (vec).cap ||                                                     \
    vec_grow((void **)&(vec).v, &(vec).cap, (vec).n + 1, sizeof *(vec).v) ==   \
        0)                                                                     \
       ? ((vec).v[(vec).n++] = (elem), 0)                                      \
       : -1)

static inline uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

void diag_set(cg_diag *d, const char *file, unsigned long line,
              unsigned long col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

#endif
