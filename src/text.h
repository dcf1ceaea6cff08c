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

/* Encodes cp into out (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);

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
