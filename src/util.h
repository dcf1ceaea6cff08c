/* util.h — small internal helpers: growable buffers, an arena, hashing. */
#ifndef CG_UTIL_H
#define CG_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* The set bits of a 16-bit mask (as SSE2's movemask gives): a few shifts
 * and adds, since the x86-64 baseline has no population count instruction. */
static inline unsigned popcount16(unsigned x) {
  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return (x + (x >> 8)) & 0x1Fu;
}

static inline uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

/* Hash of a short word: length plus its first and last eight bytes (read
 * little-endian), so the cost does not grow with the word. Used by every
 * word table. */
static inline uint64_t word_hash_mix(uint64_t a, uint64_t b, size_t n) {
  uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^
               ((uint64_t)n * 0x165667B19E3779F9ULL);
  return h ^ (h >> 29);
}

static inline uint64_t load_le64(const char *s) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint64_t v;
  memcpy(&v, s, 8);
  return v;
#else
  uint64_t v = 0;
  for (size_t i = 0; i < 8; i++)
    v |= (uint64_t)(unsigned char)s[i] << (8 * i);
  return v;
#endif
}

static inline uint64_t word_hash(const char *s, size_t n) {
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    a = load_le64(s);
    b = load_le64(s + n - 8);
  } else {
    for (size_t i = 0; i < n; i++)
      a |= (uint64_t)(unsigned char)s[i] << (8 * i);
  }
  return word_hash_mix(a, b, n);
}

/* The same hash when at least 8 bytes from s may be read. */
static inline uint64_t word_hash_fast(const char *s, size_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint64_t a, b = 0;
  memcpy(&a, s, 8);
  if (n >= 8)
    memcpy(&b, s + n - 8, 8);
  else
    a &= (1ULL << (8 * n)) - 1;
  return word_hash_mix(a, b, n);
#else
  return word_hash(s, n);
#endif
}

/* A hash of the first UTF-8 character of s, in 0..4095. */
static inline size_t first_char_hash(const char *s, size_t n) {
  unsigned c = (unsigned char)s[0];
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (len > n)
    len = n;
  if (!len)
    return 0;
  const unsigned char *u = (const unsigned char *)s;
  uint32_t h = u[0]; /* the bytes in turn, unrolled: h = h * 131 + byte */
  if (len > 1)
    h = h * 131 + u[1];
  if (len > 2)
    h = h * 131 + u[2];
  if (len > 3)
    h = h * 131 + u[3];
  return (size_t)(h * 2654435761u >> 20) & 4095;
}

/* Writes s into out (cap bytes, NUL-terminated) for a message: printable
 * ASCII as it is, every other byte as \xNN, cut at `cap`; so that a hostile
 * string never reaches a terminal as control sequences. Returns out. */
char *printable(const char *s, char *out, size_t cap);

void diag_set(cg_diag *d, const char *file, unsigned long line,
              unsigned long col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* The decimal digits of v into out (at least 20 bytes, no NUL). Returns
 * how many: the number writers' one loop, without printf. */
static inline size_t decimal(char *out, unsigned long long v) {
  char d[20];
  size_t n = 0;
  do
    d[n++] = (char)('0' + v % 10);
  while ((v /= 10) != 0);
  for (size_t k = 0; k < n; k++)
    out[k] = d[n - 1 - k];
  return n;
}

/* s into out (cap bytes, NUL-terminated, cut to fit): snprintf(out, cap,
 * "%s", s) without the cost of format parsing. Returns strlen(s). */
static inline size_t str_copy(char *out, size_t cap, const char *s) {
  size_t n = strlen(s);
  if (cap) {
    size_t k = n < cap - 1 ? n : cap - 1;
    memmove(out, s, k);
    out[k] = '\0';
  }
  return n;
}

/* a then b into out, as snprintf(out, cap, "%s%s", a, b). */
static inline size_t str_cat(char *out, size_t cap, const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b), n = la + lb;
  if (cap) {
    size_t k = n < cap - 1 ? n : cap - 1;
    size_t ka = la < k ? la : k;
    memmove(out, a, ka);
    memmove(out + ka, b, k - ka);
    out[k] = '\0';
  }
  return n;
}

/* a, the byte sep, then b into out (cap bytes, NUL-terminated, cut to
 * fit): snprintf(out, cap, "%s%c%s", a, sep, b) without the cost of
 * format parsing, for the joins done once per file. Returns the length
 * the whole would have, as snprintf does. */
static inline size_t str_join(char *out, size_t cap, const char *a, char sep,
                              const char *b) {
  size_t la = strlen(a), lb = strlen(b), n = la + 1 + lb;
  if (cap) {
    size_t k = n < cap - 1 ? n : cap - 1;
    size_t ka = la < k ? la : k;
    memcpy(out, a, ka);
    if (ka < k)
      out[ka] = sep;
    if (ka + 1 < k)
      memcpy(out + ka + 1, b, k - ka - 1);
    out[k] = '\0';
  }
  return n;
}

#endif
