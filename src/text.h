/* text.h — UTF-8 decoding, character classes and folding for matching.
 *
 * Matching ignores case and accents: a word is folded code point by code
 * point (lower case, Latin accents stripped, combining marks dropped) into
 * a small buffer before it is looked up in a vocabulary. */
#ifndef CG_TEXT_H
#define CG_TEXT_H

#include <stddef.h>
#include <stdint.h>

enum { CP_OTHER = 0, CP_LETTER, CP_DIGIT, CP_SPACE, CP_MARK };

/* Decodes one UTF-8 sequence at s[0..n). Returns its length (1–4) and stores
 * the code point, or returns 0 for an invalid or truncated sequence. */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Whether s[0..n) is valid UTF-8 throughout, as utf8_decode judges each
 * sequence (no overlong form, no surrogate, nothing above U+10FFFF, no
 * sequence cut at the end): thirty-two bytes at a time by table lookups
 * where the processor has AVX2, else one sequence at a time. */
int utf8_valid(const unsigned char *s, size_t n);
/* The same by one way: 0 one sequence at a time, 1 AVX2 (where the
 * processor lacks it, the first): for the tests. */
int utf8_valid_by(const unsigned char *s, size_t n, int way);

/* Whether s[0..n) starts with a three-byte form whose lead byte needs no
 * check of its second one (E1..EC, EE..EF: never overlong, never a
 * surrogate; the ideographs are there); then stores its code point. */
static inline int utf8_three(const unsigned char *s, size_t n, uint32_t *cp) {
  if (s[0] < 0xE1 || s[0] > 0xEF || s[0] == 0xED || n < 3 ||
      ((s[1] & 0xC0) | (s[2] & 0xC0) >> 2) != 0xA0)
    return 0;
  *cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
        (s[2] & 0x3F);
  return 1;
}

/* utf8_decode with the two-byte forms and utf8_three's inline, for the
 * loops that read words of other scripts than Latin. */
static inline size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp) {
  if (s[0] >= 0xC2 && s[0] <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
    *cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (utf8_three(s, n, cp))
    return 3;
  return utf8_decode(s, n, cp);
}

/* Encodes cp into out (at least 4 bytes); returns the length. */
static inline size_t utf8_encode(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Class of a code point: letter, digit (any script's decimal digits), space
 * (including no-break and typographic spaces), combining mark, or other. */
int cp_class(uint32_t cp);

/* Value of a decimal digit of any script handled, or -1. */
int cp_digit_value(uint32_t cp);

/* Folded form of a letter: lower case, Latin base letter without accent.
 * Returns the number of code points written to out (0, 1 or 2). */
int cp_fold(uint32_t cp, uint32_t out[2]);

/* True for an upper-case letter. */
int cp_is_upper(uint32_t cp);

/* Base letters of U+00C0..U+00FF in lower case, 0 where there is none. */
extern const char latin1_base[64];

/* Folds a whole string into out (NUL-terminated, at most cap bytes). Letters
 * and digits are folded; everything else is dropped. Returns the length. */
size_t fold_word(const char *s, size_t n, char *out, size_t cap);

#endif
