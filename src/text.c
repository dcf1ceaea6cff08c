/* text.c — UTF-8 decoding, character classes and folding. */
#include <string.h>

#include "text.h"

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len;
  uint32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, v = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, v = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, v = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (n < len)
    return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
    return 0;
  *cp = v;
  return len;
}

/* One sequence at a time, from utf8_decode. */
static int utf8_valid_plain(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    while (i + 8 <= n) { /* ASCII, eight bytes at a time */
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ULL)
        break;
      i += 8;
    }
    if (i >= n)
      break;
    uint32_t cp;
    size_t k = utf8_decode(s + i, n - i, &cp);
    if (!k)
      return 0;
    i += k;
  }
  return 1;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

/* Each byte pair (the byte before, the byte) is classified by three table
 * lookups: the high half of the first byte, its low half, the high half of
 * the second. A bit set in all three is an error, unless it is "two
 * continuation bytes" where the byte two or three back starts a three- or
 * four-byte form. The bits: */
enum {
  U8_SHORT = 1 << 0,     /* a lead byte followed by a lead byte or ASCII */
  U8_LONG = 1 << 1,      /* ASCII followed by a continuation byte */
  U8_OVER3 = 1 << 2,     /* E0 80..9F: overlong three-byte form */
  U8_LARGE = 1 << 3,     /* F4 90..BF, F5..FF: above U+10FFFF */
  U8_SURR = 1 << 4,      /* ED A0..BF: a surrogate */
  U8_OVER2 = 1 << 5,     /* C0, C1: overlong two-byte form */
  U8_LARGE80 = 1 << 6,   /* F5..FF 80..8F, and F0 80..8F (overlong four) */
  U8_TWO_CONT = 1 << 7   /* a continuation byte after one */
};
#define U8_CARRY (U8_SHORT | U8_LONG | U8_TWO_CONT)

static const unsigned char u8_first_high[16] = {
      U8_LONG, U8_LONG, U8_LONG, U8_LONG, U8_LONG, U8_LONG, U8_LONG, U8_LONG,
      U8_TWO_CONT, U8_TWO_CONT, U8_TWO_CONT, U8_TWO_CONT, U8_SHORT | U8_OVER2,
      U8_SHORT, U8_SHORT | U8_OVER3 | U8_SURR, U8_SHORT | U8_LARGE | U8_LARGE80};
static const unsigned char u8_first_low[16] = {
      U8_CARRY | U8_OVER3 | U8_OVER2 | U8_LARGE80, U8_CARRY | U8_OVER2, U8_CARRY,
      U8_CARRY, U8_CARRY | U8_LARGE, U8_CARRY | U8_LARGE | U8_LARGE80,
      U8_CARRY | U8_LARGE | U8_LARGE80, U8_CARRY | U8_LARGE | U8_LARGE80,
      U8_CARRY | U8_LARGE | U8_LARGE80, U8_CARRY | U8_LARGE | U8_LARGE80,
      U8_CARRY | U8_LARGE | U8_LARGE80, U8_CARRY | U8_LARGE | U8_LARGE80,
      U8_CARRY | U8_LARGE | U8_LARGE80, U8_CARRY | U8_LARGE | U8_LARGE80 | U8_SURR,
      U8_CARRY | U8_LARGE | U8_LARGE80, U8_CARRY | U8_LARGE | U8_LARGE80};
static const unsigned char u8_second_high[16] = {
      U8_SHORT, U8_SHORT, U8_SHORT, U8_SHORT, U8_SHORT, U8_SHORT, U8_SHORT, U8_SHORT,
      U8_LONG | U8_OVER2 | U8_TWO_CONT | U8_OVER3 | U8_LARGE80,
      U8_LONG | U8_OVER2 | U8_TWO_CONT | U8_OVER3 | U8_LARGE,
      U8_LONG | U8_OVER2 | U8_TWO_CONT | U8_SURR | U8_LARGE,
      U8_LONG | U8_OVER2 | U8_TWO_CONT | U8_SURR | U8_LARGE, U8_SHORT, U8_SHORT,
      U8_SHORT, U8_SHORT};


/* The errors of thirty-two bytes (AVX2): the byte before each lane's
 * first comes from the other lane or the previous block. */
__attribute__((target("avx2"), always_inline)) static inline __m256i
u8_block_errors32(__m256i in, __m256i prev, __m256i first_high, __m256i first_low,
                  __m256i second_high) {
  const __m256i nib = _mm256_set1_epi8(0x0F);
  __m256i before = _mm256_permute2x128_si256(prev, in, 0x21);
  __m256i prev1 = _mm256_alignr_epi8(in, before, 15);
  __m256i prev2 = _mm256_alignr_epi8(in, before, 14);
  __m256i prev3 = _mm256_alignr_epi8(in, before, 13);
  __m256i a = _mm256_shuffle_epi8(first_high, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nib));
  __m256i b = _mm256_shuffle_epi8(first_low, _mm256_and_si256(prev1, nib));
  __m256i c = _mm256_shuffle_epi8(second_high, _mm256_and_si256(_mm256_srli_epi16(in, 4), nib));
  __m256i special = _mm256_and_si256(_mm256_and_si256(a, b), c);
  /* Third and fourth bytes of a form: the byte two back is E0 or above,
   * or the byte three back F0 or above (bit 7 of the saturated
   * difference). */
  __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8(0xE0 - 0x80));
  __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8(0xF0 - 0x80));
  __m256i must = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(-128));
  return _mm256_xor_si256(must, special);
}

__attribute__((target("avx2"))) static int utf8_valid_avx2(const unsigned char *s,
                                                          size_t n) {
  const __m256i first_high = _mm256_broadcastsi128_si256(
      _mm_loadu_si128((const __m128i *)(const void *)u8_first_high));
  const __m256i first_low = _mm256_broadcastsi128_si256(
      _mm_loadu_si128((const __m128i *)(const void *)u8_first_low));
  const __m256i second_high = _mm256_broadcastsi128_si256(
      _mm_loadu_si128((const __m128i *)(const void *)u8_second_high));
  __m256i prev = _mm256_setzero_si256(), err = _mm256_setzero_si256();
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    __m256i in = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
    if (!_mm256_movemask_epi8(_mm256_or_si256(in, prev))) {
      prev = in; /* ASCII after ASCII */
      continue;
    }
    err = _mm256_or_si256(err, u8_block_errors32(in, prev, first_high, first_low, second_high));
    prev = in;
  }
  /* The rest padded with NUL bytes, then a block of them: a form cut at
   * the end meets a NUL where it wants a continuation byte. */
  unsigned char tail[32] = {0};
  memcpy(tail, s + i, n - i);
  __m256i in = _mm256_loadu_si256((const __m256i *)(const void *)tail);
  err = _mm256_or_si256(err, u8_block_errors32(in, prev, first_high, first_low, second_high));
  err = _mm256_or_si256(err, u8_block_errors32(_mm256_setzero_si256(), in, first_high,
                                               first_low, second_high));
  return _mm256_testz_si256(err, err);
}

#endif

int utf8_valid_by(const unsigned char *s, size_t n, int way) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (way >= 1 && __builtin_cpu_supports("avx2"))
    return utf8_valid_avx2(s, n);
#endif
  return utf8_valid_plain(s, n);
}

int utf8_valid(const unsigned char *s, size_t n) { return utf8_valid_by(s, n, 1); }

int cp_digit_value(uint32_t cp) {
  if (cp >= '0' && cp <= '9')
    return (int)(cp - '0');
  if (cp >= 0x0660 && cp <= 0x0669) /* Arabic-Indic */
    return (int)(cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) /* Extended Arabic-Indic */
    return (int)(cp - 0x06F0);
  if (cp >= 0xFF10 && cp <= 0xFF19) /* full-width */
    return (int)(cp - 0xFF10);
  return -1;
}

int cp_class(uint32_t cp) {
  if (cp < 0x80) {
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
      return CP_LETTER;
    if (cp >= '0' && cp <= '9')
      return CP_DIGIT;
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
        cp == '\v')
      return CP_SPACE;
    return CP_OTHER;
  }
  /* The letters of whole scripts first, the commonest after ASCII (none
   * of them is a digit, a space or a mark below). */
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x0400 && cp <= 0x052F) ||
      (cp >= 0x0620 && cp <= 0x063F) || (cp >= 0x0641 && cp <= 0x064A))
    return CP_LETTER;
  if (cp_digit_value(cp) >= 0)
    return CP_DIGIT;
  if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
      cp == 0x205F || cp == 0x3000 || cp == 0xFEFF)
    return CP_SPACE;
  if (cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
      (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200C || cp == 0x200D)
    return CP_MARK; /* direction marks and joiners: invisible */
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x064B && cp <= 0x065F) ||
      cp == 0x0670 || cp == 0x0640)
    return CP_MARK; /* combining accents, Arabic vowel marks, tatweel */
  if (cp == 0xAA || cp == 0xBA || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 &&
                                   cp != 0xF7))
    return CP_LETTER;
  if (cp >= 0x0370 && cp <= 0x03FF)
    return CP_LETTER; /* Greek */
  if (cp >= 0x0400 && cp <= 0x052F)
    return CP_LETTER; /* Cyrillic */
  if (cp >= 0x0620 && cp <= 0x064A)
    return CP_LETTER; /* Arabic letters */
  if (cp >= 0x0671 && cp <= 0x06D3)
    return CP_LETTER;
  if (cp >= 0x1E00 && cp <= 0x1EFF)
    return CP_LETTER;
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
    return CP_LETTER; /* CJK ideographs */
  if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A))
    return CP_LETTER; /* full-width Latin */
  return CP_OTHER;
}

int cp_is_upper(uint32_t cp) {
  if (cp < 0x80)
    return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
    return 1;
  if (cp >= 0x0100 && cp <= 0x017F) {
    /* Pairs start at even code points, except in Ĺ…ň and Ź…ž. */
    if (cp == 0x0138 || cp == 0x0149 || cp == 0x017F)
      return 0;
    if (cp == 0x0178)
      return 1;
    if ((cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017E))
      return (cp & 1) == 1;
    return (cp & 1) == 0;
  }
  if (cp >= 0x0410 && cp <= 0x042F)
    return 1;
  if (cp >= 0x0400 && cp <= 0x040F)
    return 1;
  if (cp >= 0x0391 && cp <= 0x03A9)
    return 1;
  return 0;
}

/* Base letters of U+00C0..U+00FF, lower case; 0 where there is none. */
const char latin1_base[64] = {
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i',
    'i', 'i', 'i', 'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u',
    'u', 'u', 'u', 'y', 0,   0,   'a', 'a', 'a', 'a', 'a', 'a', 0,
    'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', 'd', 'n', 'o', 'o',
    'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y'};

/* Base letters of U+0100..U+017F (Latin Extended-A), one per code point;
 * 0 where there is none (the ligatures IJ and OE are handled apart). */
static const char latin_ext_a_base[129] =
    "aaaaaacccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii"
    "\0\0" "jj" "kkk" "llllllllll" "nnnnnnnnn" "oooooo" "\0\0" "rrrrrr"
    "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";

int cp_fold(uint32_t cp, uint32_t out[2]) {
  if (cp < 0x80) {
    out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return 1;
  }
  if ((cp >= 0x0700 && cp < 0xFF10) || (cp >= 0x0430 && cp <= 0x044F) ||
      (cp >= 0x062A && cp <= 0x0648)) {
    out[0] = cp; /* ideographs, lower-case Russian, most Arabic letters */
    return 1;
  }
  if (cp >= 0xC0 && cp <= 0xFF) {
    if (cp == 0xDF) {
      out[0] = 's', out[1] = 's';
      return 2;
    }
    if (cp == 0xC6 || cp == 0xE6) {
      out[0] = 'a', out[1] = 'e';
      return 2;
    }
    char b = latin1_base[cp - 0xC0];
    out[0] = b ? (uint32_t)b : (cp <= 0xDE ? cp + 32 : cp);
    return 1;
  }
  if (cp >= 0x0100 && cp <= 0x017F) {
    if (cp == 0x0152 || cp == 0x0153) {
      out[0] = 'o', out[1] = 'e';
      return 2;
    }
    if (cp == 0x0132 || cp == 0x0133) {
      out[0] = 'i', out[1] = 'j';
      return 2;
    }
    out[0] = (uint32_t)latin_ext_a_base[cp - 0x0100];
    return 1;
  }
  if (cp >= 0x0410 && cp <= 0x042F) {
    out[0] = cp + 32;
    return 1;
  }
  if (cp == 0x0401) { /* Ё folds to е, as ё does */
    out[0] = 0x0435;
    return 1;
  }
  if (cp >= 0x0400 && cp <= 0x040F) {
    out[0] = cp + 80;
    return 1;
  }
  if (cp == 0x0451) { /* ё folds to е */
    out[0] = 0x0435;
    return 1;
  }
  if (cp >= 0x0391 && cp <= 0x03A9) {
    out[0] = cp + 32;
    return 1;
  }
  if (cp >= 0xFF21 && cp <= 0xFF3A) {
    out[0] = cp - 0xFF21 + 'a';
    return 1;
  }
  if (cp >= 0xFF41 && cp <= 0xFF5A) {
    out[0] = cp - 0xFF41 + 'a';
    return 1;
  }
  if (cp >= 0xFF10 && cp <= 0xFF19) {
    out[0] = cp - 0xFF10 + '0';
    return 1;
  }
  if (cp >= 0x0660 && cp <= 0x0669) {
    out[0] = cp - 0x0660 + '0';
    return 1;
  }
  if (cp >= 0x06F0 && cp <= 0x06F9) {
    out[0] = cp - 0x06F0 + '0';
    return 1;
  }
  /* Arabic: hamza forms of alef fold to bare alef, teh marbuta to heh,
   * alef maksura to yeh, so that spelling variants meet. */
  if (cp == 0x0622 || cp == 0x0623 || cp == 0x0625 || cp == 0x0671) {
    out[0] = 0x0627;
    return 1;
  }
  if (cp == 0x0629) {
    out[0] = 0x0647;
    return 1;
  }
  if (cp == 0x0649) {
    out[0] = 0x064A;
    return 1;
  }
  out[0] = cp;
  return 1;
}

size_t fold_word(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0, i = 0;
  while (i < n) {
    uint32_t cp;
    size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (!k) {
      i++;
      continue;
    }
    i += k;
    int cls = cp_class(cp);
    if (cls != CP_LETTER && cls != CP_DIGIT)
      continue;
    uint32_t f[2];
    int m = cp_fold(cp, f);
    for (int j = 0; j < m; j++) {
      char tmp[4];
      size_t e = utf8_encode(f[j], tmp);
      if (o + e + 1 > cap)
        goto done;
      for (size_t t = 0; t < e; t++)
        out[o++] = tmp[t];
    }
  }
done:
  if (cap)
    out[o] = '\0';
  return o;
}
