/* lex.c — the scanner: bytes to tokens in one pass. */
#include "lex.h"

#include <pthread.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define LEX_AVX2 1
#endif
#include <string.h>

#include "text.h"


/* Byte classes for the ASCII fast path. */
enum { B_OTHER, B_LOWER, B_UPPER, B_DIGIT, B_SPACE, B_NL, B_HIGH };

static unsigned char byte_class[256];

/* Whether the processor has the vector instructions the scanner's fast
 * paths use (AVX2), and whether lex_use_vectors turned them off (tests). */
#ifdef LEX_AVX2
static int vector_way;
#endif
static int vectors_off;

void lex_use_vectors(int on) { vectors_off = !on; }

/* What text.c says of each two-byte code point (U+0080..U+07FF: Latin,
 * Greek, Cyrillic, Arabic), so that the scanner's hot loops read a table
 * instead of decoding, classing and folding: class, upper case, and the
 * folded form (one or two code points, each of one or two bytes). */
typedef struct {
  unsigned char cls, upper, n, len[2];
  char fold[2][2];
  unsigned char script; /* what language detection counts it as: a
                           SCRIPT_*, or SCRIPT_COUNT for no letter */
} cp2_info;

static cp2_info cp2[0x800 - 0x80];

static void init_cp2(void) {
  for (uint32_t cp = 0x80; cp < 0x800; cp++) {
    cp2_info *e = &cp2[cp - 0x80];
    e->cls = (unsigned char)cp_class(cp);
    e->upper = (unsigned char)cp_is_upper(cp);
    uint32_t f[2];
    int m = cp_fold(cp, f);
    e->n = (unsigned char)m;
    e->script = cp >= 0x0400 && cp <= 0x052F   ? SCRIPT_CYRILLIC
                : cp >= 0x0620 && cp <= 0x06FF ? SCRIPT_ARABIC
                : e->cls == CP_LETTER          ? SCRIPT_LATIN
                                               : SCRIPT_COUNT;
    for (int j = 0; j < m; j++) {
      char tmp[4];
      size_t k = utf8_encode(f[j], tmp);
      e->len[j] = (unsigned char)k;
      memcpy(e->fold[j], tmp, k <= 2 ? k : 2);
    }
  }
}

/* The table entry of a valid two-byte sequence at u[0..1], or NULL. */
static inline const cp2_info *cp2_at(const unsigned char *u, size_t avail) {
  if (u[0] < 0xC2 || u[0] > 0xDF || avail < 2 || (u[1] & 0xC0) != 0x80)
    return NULL;
  return &cp2[(((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F)) - 0x80];
}

/* The code points U+0400..U+06FF (Cyrillic, Arabic; the lead bytes D0..DB)
 * as scan_word treats them inside a word, for the fast path of words in
 * those scripts, by cp - 0x400: the folded form (its two bytes, first in
 * the low byte) and flags. A letter (W2_LETTER, W2_UPPER when upper case)
 * makes a word not all upper case: always (W2_LOWER1, the Arabic letters
 * scan_word folds inline, U+0621..U+064A) or after the first letter
 * (W2_LOWER2, lower-case letters below U+0500). A mark is skipped. With no
 * flag, the code point ends the word; W2_SLOW leaves it to scan_word (a
 * letter that does not fold to one two-byte code point). */
enum {
  W2_LETTER = 1u << 16,
  W2_UPPER = 1u << 17,
  W2_LOWER1 = 1u << 18,
  W2_LOWER2 = 1u << 19,
  W2_MARK = 1u << 20,
  W2_SLOW = 1u << 21
};

static uint32_t w2[0x700 - 0x400];

#ifdef LEX_AVX2
/* The Arabic letters of U+0621..U+064A that do not fold to themselves
 * (hamza forms of alef, teh marbuta, alef maksura) and their folded two
 * bytes as a little-endian 16-bit lane, from w2. */
static const uint16_t w2_fix_cp[5] = {0x622, 0x623, 0x625, 0x629, 0x649};
static uint16_t w2_fix_fold[5];
#endif

static void init_w2(void) {
  for (uint32_t cp = 0x400; cp < 0x700; cp++) {
    const cp2_info *e = &cp2[cp - 0x80];
    uint32_t *w = &w2[cp - 0x400];
    if (e->cls == CP_MARK) {
      *w = W2_MARK;
    } else if (e->cls != CP_LETTER) {
      *w = 0;
    } else if (e->n == 1 && e->len[0] == 2) {
      *w = W2_LETTER | (e->upper ? W2_UPPER : 0) |
           (cp >= 0x0621 && cp <= 0x064A ? W2_LOWER1
            : !e->upper && cp < 0x500    ? W2_LOWER2
                                         : 0) |
           (unsigned char)e->fold[0][0] |
           (uint32_t)(unsigned char)e->fold[0][1] << 8;
    } else {
      *w = W2_SLOW;
    }
  }
#ifdef LEX_AVX2
  for (int k = 0; k < 5; k++)
    w2_fix_fold[k] = (uint16_t)(w2[w2_fix_cp[k] - 0x400] & 0xFFFF);
#endif
}

/* The entry of w2 for the two bytes at u (two may be read), or NULL when
 * they are not a valid code point of U+0400..U+06FF. */
static inline const uint32_t *w2_at(const unsigned char *u) {
  unsigned b0 = u[0] - 0xD0u, b1 = u[1] ^ 0x80u;
  return b0 < 12 && b1 < 64 ? &w2[b0 * 64 + b1] : NULL;
}

/* Whether the byte c leads a code point of U+0400..U+06FF. */
static inline int w2_lead(unsigned char c) { return c >= 0xD0 && c <= 0xDB; }

/* Class (cp_class) and punctuation (map_punct) of the code points of
 * general punctuation (U+2000..U+206F), CJK punctuation (U+3000..U+303F)
 * and full-width forms (U+FF00..U+FF5F), by table. */
static unsigned char punct3[112 + 64 + 96][2];
static int map_punct(uint32_t cp);

static void init_punct3(void) {
  static const uint32_t from[3] = {0x2000, 0x3000, 0xFF00},
                        count[3] = {112, 64, 96};
  size_t k = 0;
  for (int r = 0; r < 3; r++)
    for (uint32_t cp = from[r]; cp < from[r] + count[r]; cp++, k++) {
      punct3[k][0] = (unsigned char)cp_class(cp);
      punct3[k][1] = (unsigned char)map_punct(cp);
    }
}

static inline const unsigned char *punct3_at(uint32_t cp) {
  if (cp - 0x2000 < 112)
    return punct3[cp - 0x2000];
  if (cp - 0x3000 < 64)
    return punct3[112 + cp - 0x3000];
  if (cp - 0xFF00 < 96)
    return punct3[176 + cp - 0xFF00];
  return NULL;
}

static void init_byte_class(void) {
  for (int c = 0; c < 256; c++) {
    unsigned char k = B_OTHER;
    if (c >= 'a' && c <= 'z')
      k = B_LOWER;
    else if (c >= 'A' && c <= 'Z')
      k = B_UPPER;
    else if (c >= '0' && c <= '9')
      k = B_DIGIT;
    else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
      k = B_SPACE;
    else if (c == '\n')
      k = B_NL;
    else if (c >= 0x80)
      k = B_HIGH;
    byte_class[c] = k;
  }
  init_cp2();
  init_w2();
  init_punct3();
#ifdef LEX_AVX2
  if (__builtin_cpu_supports("avx2"))
    vector_way = 1;
#endif
}

/* The scanner's tables, made once whichever thread scans first. */
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;
static inline void lex_tables(void) { pthread_once(&tables_once, init_byte_class); }

/* Value of an upper-case roman numeral in canonical form (I to CCCXCIX),
 * or 0. "IIII", "VX" and words such as "CIVIL" are not numerals. */
static int roman_value(const char *s, size_t n) {
  static const char *const ones[] = {"", "I", "II", "III", "IV",
                                     "V", "VI", "VII", "VIII", "IX"};
  static const char *const tens[] = {"", "X", "XX", "XXX", "XL",
                                     "L", "LX", "LXX", "LXXX", "XC"};
  static const char *const hund[] = {"", "C", "CC", "CCC"};
  if (!n || n > 12)
    return 0;
  size_t i = 0;
  int v = 0;
  /* Greedy by place value: the longest matching form at each place. */
  const char *const *tables[3] = {hund, tens, ones};
  const int counts[3] = {4, 10, 10}, weights[3] = {100, 10, 1};
  for (int p = 0; p < 3; p++) {
    int best = 0;
    size_t best_len = 0;
    for (int d = 1; d < counts[p]; d++) {
      size_t l = strlen(tables[p][d]);
      if (l > best_len && i + l <= n && memcmp(s + i, tables[p][d], l) == 0) {
        best = d;
        best_len = l;
      }
    }
    v += best * weights[p];
    i += best_len;
  }
  return i == n ? v : 0;
}

typedef lex_state lexer;

static inline token *push(lexer *lx, int type, size_t start, size_t end) {
  token_list *o = lx->out;
  if (o->n == o->cap &&
      vec_grow((void **)&o->v, &o->cap, o->n + 1, sizeof *o->v))
    return NULL;
  /* The state read before the token is written (its stores could alias
   * it), the token made whole at once. */
  uint8_t flags = (uint8_t)((lx->line_first ? F_LINESTART : 0) |
                            (lx->space ? F_SPACE : 0));
  lx->line_first = 0;
  lx->space = 0;
  lx->line_content = 1;
  lx->calm = 0;
  token *t = &o->v[o->n++];
  *t = (token){.start = (uint32_t)start,
               .end = (uint32_t)end,
               .type = (uint8_t)type,
               .flags = flags};
  return t;
}

static void note_invalid(lexer *lx, size_t at) {
  if (!lx->out->invalid_utf8++)
    lx->out->first_invalid = at;
}

/* For each byte of x below 0x80 that lies strictly between m and n, the
 * byte's high bit (exact: no borrow or carry crosses bytes). */
static inline uint64_t bytes_between(uint64_t x, unsigned m, unsigned n) {
  const uint64_t ones = 0x0101010101010101ULL, low7 = ones * 0x7F;
  return ((ones * (127 + n) - (x & low7)) & ~x &
          ((x & low7) + ones * (127 - m))) &
         (ones * 0x80);
}

/* How many bytes of x have their high bit set, when no other bit is set
 * (as bytes_between leaves them): a multiply, where a population count
 * would be a library call on a baseline x86-64 build. */
static inline size_t high_bits(uint64_t x) {
  return (size_t)(((x >> 7) * 0x0101010101010101ULL) >> 56);
}

/* The invisible marks of text direction (LRM, RLM, ALM, the embeddings,
 * overrides and isolates): PDF text puts them around right-to-left runs,
 * "‫ميثاق‬ ‫الأمم‬", so they end a word. */
static int bidi_control(uint32_t cp) {
  return cp == 0x200E || cp == 0x200F || cp == 0x061C || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

static int is_cjk(uint32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF);
}

/* Value of a Chinese numeral character, 10/100/1000 for the multipliers,
 * -1 for others. */
static int cjk_digit(uint32_t cp) {
  static const uint32_t digits[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                    0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
  for (int d = 0; d < 10; d++)
    if (cp == digits[d])
      return d;
  if (cp == 0x96F6)
    return 0; /* 零 */
  if (cp == 0x4E24)
    return 2; /* 两 */
  if (cp == 0x5341)
    return 10; /* 十 */
  if (cp == 0x767E)
    return 100; /* 百 */
  if (cp == 0x5343)
    return 1000; /* 千 */
  return -1;
}

/* "十九" = 19, "二十" = 20, "一百五十六" = 156, "一五六" = 156. */
static uint32_t cjk_number(const uint32_t *cps, size_t n) {
  int positional = 0;
  for (size_t i = 0; i < n; i++)
    positional |= cjk_digit(cps[i]) >= 10;
  uint32_t v = 0, cur = 0;
  for (size_t i = 0; i < n; i++) {
    int d = cjk_digit(cps[i]);
    if (!positional) {
      v = v * 10 + (uint32_t)d;
    } else if (d >= 10) {
      v += (cur ? cur : 1) * (uint32_t)d;
      cur = 0;
    } else {
      cur = (uint32_t)d;
    }
  }
  return v + cur;
}

/* Which of the language's pronoun suffixes w[0..n) ends with, as a mask,
 * each leaving at least four bytes before it. */
static inline unsigned suffix_mask(const lang_vocab *lv, const char *w,
                                   size_t n) {
  if (n < 2)
    return 0;
  unsigned sm = 0;
  for (unsigned m = lv->suffix_at[affix_bucket(w + n - 2)]; m; m &= m - 1) {
    unsigned s = (unsigned)__builtin_ctz(m);
    size_t ls = lv->affix_len[1][s];
    if (ls + 4 > n)
      continue;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n >= 8 && ls <= 8) {
      /* the last eight bytes of the word against the suffix (its array
       * holds 16 bytes) */
      uint64_t x, y;
      memcpy(&x, w + n - 8, 8);
      memcpy(&y, lv->affixes[1][s], 8);
      sm |= (unsigned)((x >> (64 - 8 * ls)) == (y & (~0ULL >> (64 - 8 * ls))))
            << s;
      continue;
    }
#endif
    if (same_bytes(lv->affixes[1][s], w + n - ls, ls))
      sm |= 1u << s;
  }
  return sm;
}

/* Which of the language's prefixes w[0..n) starts with, as a mask, each
 * shorter than the word. Eight bytes from w may be read. */
static inline unsigned prefix_mask(const lang_vocab *lv, const char *w,
                                   size_t n) {
  if (n < 2)
    return 0;
  unsigned pm = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint64_t x;
  memcpy(&x, w, 8);
#endif
  for (unsigned m = lv->prefix_at[affix_bucket(w)]; m; m &= m - 1) {
    unsigned p = (unsigned)__builtin_ctz(m);
    size_t lp = lv->affix_len[0][p];
    if (lp >= n)
      continue;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (lp <= 8) {
      uint64_t y;
      memcpy(&y, lv->affixes[0][p], 8); /* its array holds 16 bytes */
      pm |= (unsigned)(((x ^ y) & (~0ULL >> (64 - 8 * lp))) == 0) << p;
      continue;
    }
#endif
    if (same_bytes(lv->affixes[0][p], w, lp))
      pm |= 1u << p;
  }
  return pm;
}

/* The vocabulary word w[0..n), through the two filters, or NULL; when
 * `slack` says 8 bytes after it may be read, the hash takes no loop. */
static inline __attribute__((always_inline)) const word_info *
lookup_in(const lexer *lx, const char *w, size_t n, int slack) {
  if (!n || n >= 64 || !((lx->lv->lenmask[(unsigned char)w[0]] >> n) & 1))
    return NULL;
  uint64_t h = slack ? word_hash_fast(w, n) : word_hash(w, n);
  if (!((lx->lv->bloom[(h >> 40) & (BLOOM_BITS / 64 - 1)] >> (h & 63)) & 1))
    return NULL;
  return wordtab_find(lx->cat, &lx->lv->words, w, n, h);
}

/* A word not found as it stands may carry clitics (Arabic "وبالقرار" is
 * و + ب + ال + قرار) or a pronoun suffix ("قراره", its resolution): tries
 * each listed prefix, then each suffix. */
static const word_info *lookup_affixed(const lexer *lx, const char *w,
                                       size_t n, int slack, int *poss) {
  const lang_vocab *lv = lx->lv;
  *poss = 0;
  unsigned pm = prefix_mask(lv, w, n), sm = suffix_mask(lv, w, n);
  if (!pm && !sm)
    return NULL;
  size_t np = lv->naffixes[0];
  /* Each prefix that w starts with in the listed order, then none. */
  for (pm |= 1u << np; pm; pm &= pm - 1) {
    size_t p = (size_t)__builtin_ctz(pm), lp = 0;
    if (p < np) {
      lp = lv->affix_len[0][p];
      /* What the prefix stands for comes first: "للجمعية" is ل + "الجمعية",
       * whatever "جمعية" may be on its own. */
      const word_info *wi;
      size_t lr = lv->restore_len[p];
      if (lr && lr + n - lp < MAX_FOLD) {
        char again[MAX_FOLD + 8];
        memcpy(again, lv->restore[p], sizeof lv->restore[p]);
        if (slack) /* eight bytes at a time, none read past w + n + 8 */
          for (size_t k = 0; k < n - lp; k += 8)
            memcpy(again + lr + k, w + lp + k, 8);
        else
          memcpy(again + lr, w + lp, n - lp);
        if ((wi = lookup_in(lx, again, lr + n - lp, 1)))
          return wi;
      }
      if ((wi = lookup_in(lx, w + lp, n - lp, slack)))
        return wi;
    }
    for (unsigned m = sm; m; m &= m - 1) {
      size_t ls = lv->affix_len[1][__builtin_ctz(m)];
      if (lp + ls + 4 > n)
        continue;
      const word_info *wi = lookup_in(lx, w + lp, n - lp - ls, slack);
      if (wi) {
        *poss = 1;
        return wi;
      }
    }
  }
  return NULL;
}

/* Whether the vocabulary filters let w[0..n) through (lookup's first two
 * tests): when not, it is no vocabulary word. At least 8 bytes from w may
 * be read. */
static inline int maybe_vocab(const lang_vocab *lv, const char *w, size_t n) {
  if (!n || n >= 64 || !((lv->lenmask[(unsigned char)w[0]] >> n) & 1))
    return 0;
  uint64_t h = word_hash_fast(w, n);
  return (lv->bloom[(h >> 40) & (BLOOM_BITS / 64 - 1)] >> (h & 63)) & 1;
}

/* Whether lookup_affixed may find something for w[0..n) (n < 64, and
 * 8 bytes beyond the word may be read): 0 when the filters let none of the
 * forms it tries through. */
static int maybe_affixed(const lang_vocab *lv, const char *w, size_t n) {
  unsigned pm = prefix_mask(lv, w, n), sm = suffix_mask(lv, w, n);
  for (unsigned m = sm; m; m &= m - 1)
    if (maybe_vocab(lv, w, n - lv->affix_len[1][__builtin_ctz(m)]))
      return 1;
  for (; pm; pm &= pm - 1) {
    size_t p = (size_t)__builtin_ctz(pm), lp = lv->affix_len[0][p];
    size_t lr = lv->restore_len[p];
    if (lr && lr + n - lp < 64 &&
        ((lv->lenmask[(unsigned char)lv->restore[p][0]] >> (lr + n - lp)) & 1)) {
      char again[MAX_FOLD + 8];
      memcpy(again, lv->restore[p], lr);
      memcpy(again + lr, w + lp, n - lp);
      if (maybe_vocab(lv, again, lr + n - lp))
        return 1;
    }
    if (maybe_vocab(lv, w + lp, n - lp))
      return 1;
    for (unsigned m = sm; m; m &= m - 1) {
      size_t ls = lv->affix_len[1][__builtin_ctz(m)];
      if (lp + ls + 4 <= n && maybe_vocab(lv, w + lp, n - lp - ls))
        return 1;
    }
  }
  return 0;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* Four two-byte sequences at a time, in the 16-bit lanes of eight bytes of
 * text read little-endian: a lane's bit 15 marks it in these masks. */
#define LANES16 0x8000800080008000ULL
#define LANE_ONES 0x0001000100010001ULL

/* The code point of each lane (11 bits), and in *valid the lanes that
 * hold a lead byte C0..DF and a continuation byte. */
static inline uint64_t lanes_cp(uint64_t v, uint64_t *valid) {
  uint64_t y = (v & 0xC0E0C0E0C0E0C0E0ULL) ^ 0x80C080C080C080C0ULL;
  *valid = ~(((y & ~LANES16) + LANE_ONES * 0x7FFF) | y) & LANES16;
  return ((v & 0x001F001F001F001FULL) << 6) | ((v >> 8) & 0x003F003F003F003FULL);
}

/* The lanes of x (each below 0x800) between lo and hi, both included. */
static inline uint64_t lanes_between(uint64_t x, unsigned lo, unsigned hi) {
  return (x + LANE_ONES * (0x8000 - lo)) & ~(x + LANE_ONES * (0x7FFF - hi)) &
         LANES16;
}

/* The lanes of x (each below 0x800) equal to c. */
static inline uint64_t lanes_equal(uint64_t x, unsigned c) {
  return ~((x ^ (LANE_ONES * c)) + LANE_ONES * 0x7FFF) & LANES16;
}
#endif

#ifdef LEX_AVX2
/* scan_letters2's fast path, sixteen two-byte letters at a time (AVX2):
 * how many of the 16 lanes at s (32 bytes) from the first are letters of
 * the script that fold to themselves or by the Arabic rules (а..я; or
 * U+0621..U+064A but the tatweel); when out is not NULL, the 32 bytes
 * folded are stored there (only the lanes counted mean anything). */
__attribute__((target("avx2"))) static unsigned letters16(const char *s, int arabic,
                                                        char *out) {
  __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)s);
  /* a lane: lead byte C0..DF (low), continuation byte 80..BF (high) */
  __m256i valid = _mm256_cmpeq_epi16(_mm256_and_si256(v, _mm256_set1_epi16((short)0xC0E0)),
                                     _mm256_set1_epi16((short)0x80C0));
  __m256i cp = _mm256_or_si256(_mm256_slli_epi16(_mm256_and_si256(v, _mm256_set1_epi16(0x1F)), 6),
                               _mm256_and_si256(_mm256_srli_epi16(v, 8), _mm256_set1_epi16(0x3F)));
  __m256i ok;
  if (arabic) {
    __m256i a = _mm256_sub_epi16(cp, _mm256_set1_epi16(0x621));
    __m256i b = _mm256_sub_epi16(cp, _mm256_set1_epi16(0x641));
    ok = _mm256_or_si256(
        _mm256_cmpeq_epi16(_mm256_min_epu16(a, _mm256_set1_epi16(0x63F - 0x621)), a),
        _mm256_cmpeq_epi16(_mm256_min_epu16(b, _mm256_set1_epi16(0x64A - 0x641)), b));
  } else {
    __m256i a = _mm256_sub_epi16(cp, _mm256_set1_epi16(0x430));
    ok = _mm256_cmpeq_epi16(_mm256_min_epu16(a, _mm256_set1_epi16(0x44F - 0x430)), a);
  }
  uint64_t m = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(ok, valid));
  unsigned k = (unsigned)__builtin_ctzll(~m) / 2;
  if (out) {
    __m256i f = v;
    if (arabic)
      for (int x = 0; x < 5; x++)
        f = _mm256_blendv_epi8(f, _mm256_set1_epi16((short)w2_fix_fold[x]),
                               _mm256_cmpeq_epi16(cp, _mm256_set1_epi16((short)w2_fix_cp[x])));
    _mm256_storeu_si256((__m256i *)(void *)out, f);
  }
  return k;
}
#endif

/* Reads the word at i when it is written in Cyrillic or Arabic letters
 * (and their marks) only, as scan_word's slow path would: its folded form
 * is stored in *fold (s + i itself when folding changes nothing and 8
 * bytes past the word may be read, else buf, MAX_FOLD + 8 bytes) and its
 * length in *fold_len (MAX_FOLD + 1 when longer); says whether its first
 * letter is upper case and whether all its letters are. The letters of
 * the language's script (`script`) go four at a time while they fold to
 * themselves or by the few Arabic rules. Returns the word's end, or 0 when
 * it holds anything else (another script's letter or mark, a letter the
 * table leaves to scan_word): then scan_word reads it in full. */
static size_t scan_letters2(const char *s, size_t len, size_t i, int script,
                            char *buf, const char **fold, size_t *fold_len,
                            int *cap, int *all_upper) {
  const unsigned char *u = (const unsigned char *)s;
  const uint32_t *e = i + 1 < len ? w2_at(u + i) : NULL;
  if (!e || !(*e & W2_LETTER))
    return 0; /* a word starts with a letter */
  size_t j = i + 2, fl = 2;
  uint32_t first = *e, seen = first & W2_LOWER1; /* what makes it not all
                                                    upper case */
  buf[0] = (char)first;
  buf[1] = (char)(first >> 8);
  /* While in place, the word folds to itself so far: fl == j - i. Arabic
   * words seldom do (teh marbuta, hamza forms of alef fold). */
  int in_place = script != SCRIPT_ARABIC &&
                 (first & 0xFFFF) == (uint32_t)(u[i] | u[i + 1] << 8);
  uint32_t lanes_seen = script == SCRIPT_CYRILLIC ? W2_LOWER2 : W2_LOWER1;
  for (;;) {
#ifdef LEX_AVX2
    if (vector_way && !vectors_off &&
        (script == SCRIPT_CYRILLIC || script == SCRIPT_ARABIC)) {
      unsigned k = 16;
      while (k == 16 && j + 32 <= len && fl + 32 <= MAX_FOLD) {
        k = letters16(s + j, script == SCRIPT_ARABIC, in_place ? NULL : buf + fl);
        seen |= lanes_seen * (k != 0);
        fl += 2 * k;
        j += 2 * k;
      }
      if (k < 16)
        goto one_by_one; /* the lane after the last letter */
    }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (j + 8 <= len && fl + 8 <= MAX_FOLD &&
           (script == SCRIPT_CYRILLIC || script == SCRIPT_ARABIC)) {
      uint64_t v, valid, ok, fix = 0;
      memcpy(&v, s + j, 8);
      uint64_t cp = lanes_cp(v, &valid);
      if (script == SCRIPT_CYRILLIC) {
        ok = valid & lanes_between(cp, 0x430, 0x44F); /* а..я */
      } else {
        /* U+0621..U+064A but the tatweel; hamza forms of alef, teh
         * marbuta and alef maksura fold (cp_fold) */
        ok = valid & (lanes_between(cp, 0x621, 0x63F) |
                      lanes_between(cp, 0x641, 0x64A));
        fix = lanes_equal(cp, 0x622) | lanes_equal(cp, 0x623) |
              lanes_equal(cp, 0x625) | lanes_equal(cp, 0x629) |
              lanes_equal(cp, 0x649);
      }
      /* k: how many lanes from the first are letters, without a branch
       * (a lane's bit 15 moved to its bit 0; bit 63 stands for none
       * failing); before: the bits below the first lane that fails */
      uint64_t fail = ~ok & LANES16, before = (fail & (0 - fail)) - 1;
      unsigned k = ((unsigned)__builtin_ctzll((fail >> 15) | (1ULL << 63)) + 1) / 16;
      fix &= before;
      if (in_place && fix) {
        memcpy(buf, s + i, fl);
        in_place = 0;
      }
      if (!in_place) {
        memcpy(buf + fl, &v, 8);
        for (; fix; fix &= fix - 1) {
          unsigned lane = (unsigned)__builtin_ctzll(fix) / 16;
          uint32_t f = w2[((cp >> (16 * lane)) & 0x7FF) - 0x400];
          buf[fl + 2 * lane] = (char)f;
          buf[fl + 2 * lane + 1] = (char)(f >> 8);
        }
      }
      seen |= lanes_seen * (k != 0);
      fl += 2 * k;
      j += 2 * k;
      if (k < 4)
        break;
    }
#endif
#ifdef LEX_AVX2
  one_by_one:
#endif
    if (j + 1 >= len || !(e = w2_at(u + j)))
      break;
    uint32_t w = *e;
    if (w & W2_LETTER) {
      seen |= w;
      if (in_place && (w & 0xFFFF) != (uint32_t)(u[j] | u[j + 1] << 8)) {
        memcpy(buf, s + i, fl);
        in_place = 0;
      }
      if (fl < MAX_FOLD) {
        buf[fl] = (char)w;
        buf[fl + 1] = (char)(w >> 8);
        fl += 2;
      } else {
        fl = MAX_FOLD + 1;
        in_place = 0;
      }
    } else if (w & W2_MARK) {
      if (in_place) { /* marks are dropped */
        memcpy(buf, s + i, fl);
        in_place = 0;
      }
    } else if (w & W2_SLOW) {
      return 0;
    } else {
      goto done; /* not a letter: the word ends */
    }
    j += 2;
  }
  /* Another character: a letter or a mark of any script continues the
   * word, which is then scan_word's to read; so does a letter of
   * U+0400..U+06FF the table leaves to it. Bytes that are not UTF-8 end
   * it. */
  if (j < len) {
    uint32_t cp;
    if (u[j] < 0x80) {
      if (byte_class[u[j]] == B_LOWER || byte_class[u[j]] == B_UPPER)
        return 0;
    } else if (utf8_decode(u + j, len - j, &cp) &&
               (cp_class(cp) == CP_LETTER || cp_class(cp) == CP_MARK) &&
               !bidi_control(cp)) {
      return 0;
    }
  }
done:
  if (in_place && j + 8 > len) {
    memcpy(buf, s + i, fl);
    in_place = 0;
  }
  *fold = in_place ? s + i : buf;
  *fold_len = fl;
  *cap = (first & W2_UPPER) != 0;
  *all_upper = !(seen & (W2_LOWER1 | W2_LOWER2));
  return j;
}

/* Text taken from PDF files often has the ligature of lam and alef
 * written backwards (its two letters reversed with the right-to-left
 * run): "األمم" for "الأمم", "االتفاقية" for "الاتفاقية". Folded (the
 * forms of alef are alef), that is alef, alef, lam, where the word is
 * alef, lam, alef: two alefs never meet in an Arabic word. Writes to out
 * the folded word w[0..n) with each such triple put back, 8 zero bytes
 * after it, and returns 1, or returns 0 when it has none. ("لألمم" for
 * "للأمم" cannot be told from "للألفية" once folded: it stays.) */
static int mend_lam_alef(const char *w, size_t n, char *out) {
  int changed = 0;
  /* letter by letter: two-byte letters from the word's start */
  for (size_t k = 0; k + 6 <= n; k += 2) {
    if (memcmp(w + k, "\xD8\xA7\xD8\xA7", 4) != 0 || memcmp(w + k + 4, "\xD9\x84", 2) != 0)
      continue;
    if (!changed) {
      memcpy(out, w, n);
      memset(out + n, 0, 8);
    }
    changed = 1;
    memcpy(out + k + 2, "\xD9\x84\xD8\xA7", 4); /* lam, alef */
  }
  return changed;
}

/* Whether the vocabulary filters let the folded word w[0..n) (n < 64, 8
 * bytes from w + n readable) or what its affixes leave through: when not,
 * scan_word would find nothing for it. */
static inline int maybe_word(const lang_vocab *lv, const char *w, size_t n) {
  return maybe_vocab(lv, w, n) ||
         ((lv->naffixes[0] || lv->naffixes[1]) && maybe_affixed(lv, w, n));
}

/* The first set bit of m[0..1] (128 bits) from bit a, or n when none
 * before n (n <= 128). */
static inline size_t next_bit(const uint64_t *m, size_t a, size_t n) {
  for (; a < n; a = (a | 63) + 1) {
    uint64_t w = m[a / 64] >> (a % 64);
    if (w) {
      a += (size_t)__builtin_ctzll(w);
      return a < n ? a : n;
    }
  }
  return n;
}

#ifdef LEX_AVX2
/* Eight three-byte ideographs (U+3400..U+9FFF) at a time from s + p (28
 * bytes readable), as scan_cjk's loop reads them one by one: their code
 * points into cps[n..], offsets into off[n..] and han_first bits into
 * starts from bit n (n + 8 <= 128). Stops before the first character that
 * is not such an ideograph; returns how many it read. */
__attribute__((target("avx2"))) static size_t han_eight(const char *s, size_t p,
                                                      size_t lim, const uint64_t *han_first,
                                                      uint32_t *cps, size_t *off,
                                                      uint64_t *starts, size_t n) {
  const __m256i spread = _mm256_setr_epi8(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1,
                                          0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1);
  const __m256i steps_lo = _mm256_setr_epi64x(0, 3, 6, 9);
  const __m256i steps_hi = _mm256_setr_epi64x(12, 15, 18, 21);
  size_t start = n;
  while (p + 28 <= lim && n + 8 <= 128) {
    __m128i lo = _mm_loadu_si128((const __m128i *)(const void *)(s + p));
    __m128i hi = _mm_loadu_si128((const __m128i *)(const void *)(s + p + 12));
    /* Each character's three bytes in a 32-bit lane, the lead byte lowest. */
    __m256i v = _mm256_shuffle_epi8(_mm256_inserti128_si256(_mm256_castsi128_si256(lo), hi, 1),
                                    spread);
    __m256i form = _mm256_cmpeq_epi32(_mm256_and_si256(v, _mm256_set1_epi32(0xC0C0F0)),
                                      _mm256_set1_epi32(0x8080E0));
    __m256i cp = _mm256_or_si256(
        _mm256_or_si256(_mm256_slli_epi32(_mm256_and_si256(v, _mm256_set1_epi32(0x0F)), 12),
                        _mm256_srli_epi32(_mm256_and_si256(v, _mm256_set1_epi32(0x3F00)), 2)),
        _mm256_srli_epi32(_mm256_and_si256(v, _mm256_set1_epi32(0x3F0000)), 16));
    __m256i x = _mm256_sub_epi32(cp, _mm256_set1_epi32(0x3400));
    __m256i in = _mm256_and_si256(
        form, _mm256_and_si256(_mm256_cmpgt_epi32(x, _mm256_set1_epi32(-1)),
                               _mm256_cmpgt_epi32(_mm256_set1_epi32(0xA000 - 0x3400), x)));
    unsigned ok = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(in));
    unsigned k = (unsigned)__builtin_ctz(~ok); /* the ideographs before the first other */
    if (!k)
      break;
    /* Outside the range the index is masked to 0: a harmless read. */
    __m256i xi = _mm256_and_si256(x, in);
    __m256i word = _mm256_i32gather_epi32((const int *)(const void *)han_first,
                                          _mm256_srli_epi32(xi, 5), 4);
    __m256i bit = _mm256_srlv_epi32(word, _mm256_and_si256(xi, _mm256_set1_epi32(31)));
    uint64_t first = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_slli_epi32(bit, 31))) &
                     ((1u << k) - 1);
    starts[n / 64] |= first << (n % 64);
    if (n % 64 > 56)
      starts[n / 64 + 1] |= first >> (64 - n % 64);
    _mm256_storeu_si256((__m256i *)(void *)(cps + n), cp);
    __m256i at = _mm256_set1_epi64x((long long)p);
    _mm256_storeu_si256((__m256i *)(void *)(off + n), _mm256_add_epi64(at, steps_lo));
    _mm256_storeu_si256((__m256i *)(void *)(off + n + 4), _mm256_add_epi64(at, steps_hi));
    n += k;
    p += 3 * k;
    if (k < 8)
      break;
  }
  return n - start;
}
#endif

/* A run of ideographs, cut into the longest vocabulary words; what no word
 * covers becomes gaps. After 第, Chinese numerals become numbers. */
static size_t scan_cjk(lexer *lx, size_t i) {
  const char *s = lx->s;
  size_t len = lx->len;
  const lang_vocab *lv = lx->lv;
  size_t off[129];
  uint32_t cps[128];
  /* Bit a: a word may start at character a (han_first, or an ideograph
   * outside the table). */
  uint64_t starts[2] = {0, 0};
  size_t n = 0, p = i;
  int three = 1; /* every character of the run is three bytes long */
  const uint64_t *han_first = lv->han_first;
  size_t lim3 = len - 2; /* the run starts with three bytes: len > 2 */
  while (p < len && n < 128) {
#ifdef LEX_AVX2
    if (vector_way && !vectors_off) {
      size_t k = han_eight(s, p, len, han_first, cps, off, starts, n);
      n += k;
      p += 3 * k;
    }
#endif
    /* Three-byte sequences, where the ideographs are, decoded inline one
     * after another; U+3400..U+9FFF are ideographs, what comes before
     * ends the run. */
    while (p < lim3 && n < 128) {
      const unsigned char *u = (const unsigned char *)s + p;
      uint32_t b0 = u[0], b1 = u[1], b2 = u[2];
      if (b0 - 0xE3 > 0xE9 - 0xE3 || ((b1 & 0xC0) | (b2 & 0xC0) >> 2) != 0xA0)
        break;
      uint32_t x = (((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F)) - 0x3400;
      if (x >= 0xA000 - 0x3400) {
        if (x + 0x3400 != 0x3007 || !n)
          goto run_end;
        off[n] = p; /* 〇, the zero of numerals inside a run: "第一〇二条" */
        cps[n++] = 0x3007;
        p += 3;
        continue;
      }
      starts[n / 64] |= ((han_first[x / 64] >> (x % 64)) & 1) << (n % 64);
      off[n] = p;
      cps[n++] = x + 0x3400;
      p += 3;
    }
    if (p >= len || n >= 128)
      break;
    uint32_t cp;
    size_t k;
    const unsigned char *u = (const unsigned char *)s + p;
    k = utf8_decode(u, len - p, &cp);
    if (!k || !is_cjk(cp))
      break;
    three &= k == 3;
    uint64_t start =
        cp - 0x3400 < 0xA000 - 0x3400
            ? (lv->han_first[(cp - 0x3400) / 64] >> ((cp - 0x3400) % 64)) & 1
            : 1;
    starts[n / 64] |= start << (n % 64);
    off[n] = p;
    cps[n++] = cp;
    p += k;
  }
run_end:
  off[n] = p;
  /* A word starts at an ideograph of han_first only if that ideograph is
   * a word alone or begins one with the next: the others are gaps. */
  for (size_t w = 0; w < 2; w++) {
    for (uint64_t m = starts[w]; m; m &= m - 1) {
      size_t a = w * 64 + (size_t)__builtin_ctzll(m);
      uint32_t x = cps[a] - 0x3400;
      if (x >= 0xA000 - 0x3400 || ((lv->han_alone[x / 64] >> (x % 64)) & 1))
        continue;
      if (a + 1 < n) {
        unsigned pb = pair_bucket(cps[a], cps[a + 1]);
        if ((lv->han_pairs[pb / 64] >> (pb % 64)) & 1)
          continue;
      }
      starts[w] &= ~(1ULL << (a % 64));
    }
  }
  token_list *o = lx->out;
  for (size_t a = 0; a < n;) {
    /* A numeral after 第: "第十九条". */
    if (o->n && (o->v[o->n - 1].cls & W_NPREFIX) && cjk_digit(cps[a]) >= 0) {
      size_t b = a;
      while (b < n && b - a < 12 && cjk_digit(cps[b]) >= 0)
        b++;
      token *t = push(lx, T_NUM, off[a], off[b]);
      if (!t)
        return (size_t)-1;
      t->val = cjk_number(cps + a, b - a);
      t->val2 = 1;
      a = b;
      continue;
    }
    if (!((starts[a / 64] >> (a % 64)) & 1)) {
      /* No word starts with this ideograph, nor with those after it up to
       * the next that may start one: they are a gap. */
      size_t b = next_bit(starts, a + 1, n);
      if (o->n && o->v[o->n - 1].type == T_GAP && o->v[o->n - 1].end == off[a]) {
        o->v[o->n - 1].end = (uint32_t)off[b];
      } else if (!push(lx, T_GAP, off[a], off[b])) {
        return (size_t)-1;
      }
      a = b;
      continue;
    }
    const word_info *wi = NULL;
    size_t b = a;
    /* Only the lengths of the words that start with this character, the
     * longest first. */
    uint64_t lens = lv->first_lens[first_char_hash(s + off[a], off[n] - off[a])];
    size_t rest = off[n] - off[a];
    if (rest < 63)
      lens &= (2ULL << rest) - 1; /* no longer than what is left */
    if (three)
      lens &= 0x9249249249249248ULL; /* whole characters: multiples of 3 */
    size_t first = off[a + 1] - off[a];
    if (a + 1 < n && (lens >> (first + 1))) {
      /* Longer words only when some word starts with these two. */
      unsigned pb = pair_bucket(cps[a], cps[a + 1]);
      if (!((lv->han_pairs[pb / 64] >> (pb % 64)) & 1))
        lens &= (2ULL << first) - 1;
    }
    while (lens && !wi) {
      size_t bytes = 63 - (size_t)__builtin_clzll(lens);
      lens &= ~(1ULL << bytes);
      size_t e;
      if (three) {
        e = a + bytes / 3;
      } else {
        e = a + 1;
        while (e < n && off[e] - off[a] < bytes)
          e++;
      }
      if (off[e] - off[a] == bytes &&
          (wi = lookup_in(lx, s + off[a], bytes, off[a] + 8 <= len)))
        b = e;
    }
    if (wi) {
      token *t = push(lx, T_WORD, off[a], off[b]);
      if (!t)
        return (size_t)-1;
      t->cls = wi->cls;
      t->wid = wi->wid;
      t->val = wi->month;
      t->val2 = wi->ordnum; /* a subparagraph letter's place: (辰) is (e) */
      a = b;
      continue;
    }
    if (o->n && o->v[o->n - 1].type == T_GAP && o->v[o->n - 1].end == off[a]) {
      o->v[o->n - 1].end = (uint32_t)off[a + 1];
    } else if (!push(lx, T_GAP, off[a], off[a + 1])) {
      return (size_t)-1;
    }
    a++;
  }
  lx->calm = 0;
  return p;
}

/* A vocabulary word's classes, id, month and ordinal value on its token. */
static inline void take_word(lexer *lx, token *t, const word_info *wi) {
  if (wi->plural) {
    token_list *o = lx->out;
    if (o->plurals < sizeof o->plural_at / sizeof *o->plural_at)
      o->plural_at[o->plurals] = (uint32_t)(t - o->v);
    o->plurals++;
  }
  t->cls = wi->cls;
  t->wid = wi->wid;
  t->val = wi->month;
  t->val2 = wi->ordnum;
}

/* An unknown lower-case word ending at `end`, after white space: when the
 * last token is a gap, the word extends it (the gap keeps the flags of its
 * first word; a capital starts a new gap: names matter); when function
 * words and plain punctuation lie between it and a gap ("… text of the
 * text …", "text, text"), they can neither start nor end a citation and
 * are all folded into the gap, so that the token array stays small.
 * Returns 1 when the word went into a gap, 0 when it needs a token. */
static inline int join_gap(lexer *lx, size_t end) {
  token_list *o = lx->out;
  token *p = &o->v[o->n - 1];
  if (p->type != T_GAP) {
    size_t w = 0;
    while (w < 4 && w + 1 < o->n) {
      const token *q = &o->v[o->n - 1 - w];
      if (q->flags & (F_LINESTART | F_CAP | F_ROMAN))
        break;
      uint32_t qv = q->val;
      if (q->type == T_PUNCT && (qv == ',' || qv == '.' || qv == ':' || qv == '(' ||
                                 qv == ')' || qv == '"' || qv == '\'' || qv == '-'))
        ; /* punctuation between unknown words */
      else if (q->type != T_WORD || (q->cls & W_STRONG) ||
               !(q->flags & F_SPACE) || q->end - q->start < 2)
        break;
      w++;
    }
    if (!w || o->v[o->n - 1 - w].type != T_GAP)
      return 0;
    o->n -= w;
    p = &o->v[o->n - 1];
  }
  p->end = (uint32_t)end;
  lx->space = 0;
  lx->calm++;
  return 1;
}

/* Whether a word found (wi) or not (NULL) lets prose go on before the
 * skim: "the", "of", unknown words; not a word that matters on its own,
 * nor one found only inside names ("criminalité", which may continue
 * one), nor "thereto" ("the Optional Protocol thereto on the involvement
 * of children …"). */
static inline int prose_word(const word_info *wi) {
  return !(wi && ((wi->cls & (W_STRONG | W_THERETO)) || !wi->cls));
}

/* The vocabulary word the folded word fold[0..fl) is, as it stands or
 * with its clitics, or NULL; in *alt another reading that starts a title,
 * in *poss whether a possessive suffix was taken off. */
static const word_info *word_lookup(const lexer *lx, const char *fold, size_t fl,
                                    int slack, const word_info **alt_out, int *poss_out) {
  const word_info *wi = lookup_in(lx, fold, fl, 1);
  int poss = 0;
  const word_info *alt = NULL;
  if (fl <= MAX_FOLD && (lx->lv->naffixes[0] || lx->lv->naffixes[1])) {
    if (!wi) {
      wi = lookup_affixed(lx, fold, fl, slack, &poss);
    } else {
      /* A word as it stands may also be clitics and a word that starts a
       * title: both readings go on to the phrase matcher. */
      int alt_poss;
      alt = lookup_affixed(lx, fold, fl, slack, &alt_poss);
      if (alt && (alt->wid == wi->wid || !(alt->cls & W_PHRASE)))
        alt = NULL;
    }
  }
  char mended[MAX_FOLD + 8];
  if (!wi && fl <= MAX_FOLD && lx->lv->script == SCRIPT_ARABIC &&
      mend_lam_alef(fold, fl, mended)) {
    /* read again the right way round */
    wi = lookup_in(lx, mended, fl, 1);
    if (!wi)
      wi = lookup_affixed(lx, mended, fl, 1, &poss);
  }
  *alt_out = alt;
  *poss_out = poss;
  return wi;
}

/* Whether the vocabulary filters let the folded word through, or its
 * form with the lam-alef ligature mended (what makes the lexer look it
 * up rather than fold it into the gap before). */
static int word_maybe(const lang_vocab *lv, const char *fold, size_t fl) {
  char mended[MAX_FOLD + 8];
  return maybe_word(lv, fold, fl) ||
         (lv->script == SCRIPT_ARABIC && mend_lam_alef(fold, fl, mended) &&
          maybe_word(lv, mended, fl));
}

/* The memo's entry for the folded word fold[0..fl) (fl < 64, 8 bytes
 * after it readable), emptied when it held another word; NULL when the
 * word is too long to keep. What it has is filled by memo_lookup and
 * memo_maybe when first asked. */
static word_memo_entry *word_memo_get(lexer *lx, const char *fold, size_t fl) {
  if (!fl || fl > WORD_MEMO_KEY)
    return NULL;
  uint64_t h = word_hash_fast(fold, fl) | 1;
  word_memo_entry *e = &lx->memo->e[(h >> 21) & (WORD_MEMO_SLOTS - 1)];
  if (e->h == h && e->len == fl && e->lv == lx->lv && same_bytes(e->key, fold, fl))
    return e;
  e->h = h;
  e->lv = lx->lv;
  e->len = (uint8_t)fl;
  e->have = 0;
  memcpy(e->key, fold, fl);
  return e;
}

static const word_memo_entry *memo_lookup(lexer *lx, word_memo_entry *e, const char *fold,
                                          size_t fl) {
  if (!(e->have & MEMO_LOOKUP)) {
    int poss;
    e->wi = word_lookup(lx, fold, fl, 1, &e->alt, &poss);
    e->poss = (uint8_t)poss;
    e->have |= MEMO_LOOKUP;
  }
  return e;
}

static int memo_maybe(const lexer *lx, word_memo_entry *e, const char *fold, size_t fl) {
  if (!(e->have & MEMO_MAYBE)) {
    e->maybe = (uint8_t)word_maybe(lx->lv, fold, fl);
    e->have |= MEMO_MAYBE;
  }
  return e->maybe;
}

/* The rest of scan_word, for the word s[start..i) folded into fold[0..fl)
 * (fl is MAX_FOLD + 1 for a longer word; `slack`: 8 bytes after it may be
 * read): looks it up, with its affixes, and makes its token or extends
 * the gap before it. */
static size_t finish_word(lexer *lx, size_t start, size_t i, const char *fold,
                          size_t fl, int slack, int cap, int all_upper,
                          const word_memo_entry *me, token **made) {
  const char *s = lx->s;
  *made = NULL;
  size_t n = i - start;
  const word_info *wi, *alt;
  int poss;
  if (me) {
    wi = me->wi;
    alt = me->alt;
    poss = me->poss;
  } else {
    wi = word_lookup(lx, fold, fl, slack, &alt, &poss);
  }
  char r0 = s[start];
  int roman = all_upper && n <= 12 &&
                      (r0 == 'I' || r0 == 'V' || r0 == 'X' || r0 == 'L' || r0 == 'C')
                  ? roman_value(s + start, n)
                  : 0;
  token_list *o = lx->out;
  if (!wi && !roman && !cap && n > 1 && !lx->line_first && o->n && lx->space &&
      join_gap(lx, i))
    return i;

  unsigned calm = lx->calm;
  token *t = push(lx, (wi || n == 1 || roman) ? T_WORD : T_GAP, start, i);
  if (!t)
    return (size_t)-1;
  if (!cap && !roman && prose_word(wi))
    lx->calm = calm + 1; /* prose goes on */
  if (cap)
    t->flags |= F_CAP;
  if (all_upper)
    t->flags |= F_UPPER;
  if (roman) {
    t->flags |= F_ROMAN;
    t->roman = (uint16_t)roman;
  }
  if (poss)
    t->flags |= F_POSS;
  if (wi)
    take_word(lx, t, wi);
  if (alt) {
    t->cls |= W_PHRASE;
    t->alt = alt->wid;
  }
  *made = t;
  return i;
}

/* Scans a word starting at i (a letter). Returns the end offset. */
static size_t scan_word(lexer *lx, size_t i, token **made) {
  const char *s = lx->s;
  size_t len = lx->len, start = i;
  char buf[MAX_FOLD + 8];
  const char *fold = buf;
  size_t fl = 0;
  int cap = 0, all_upper = 1;
  *made = NULL;

  if (w2_lead((unsigned char)s[i])) {
    /* A word in Cyrillic or Arabic letters: by table. */
    size_t e = scan_letters2(s, len, i, lx->lv->script, buf, &fold, &fl,
                                    &cap, &all_upper);
    if (e) {
      i = e;
      goto lookup;
    }
  }

  /* Fast path: a word of ASCII letters, by far the most common. Lower-case
   * words are looked up in place, without copying. */
  unsigned upper_seen = 0, lower_seen = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  /* Eight bytes at a time: which are lower- or upper-case ASCII letters. */
  while (i + 8 <= len) {
    uint64_t v;
    memcpy(&v, s + i, 8);
    uint64_t low = bytes_between(v, 0x60, 0x7B), up = bytes_between(v, 0x40, 0x5B);
    uint64_t stop = ~(low | up) & 0x8080808080808080ULL;
    if (stop) {
      unsigned k = (unsigned)__builtin_ctzll(stop) / 8;
      uint64_t keep = k ? (~0ULL >> (64 - 8 * k)) : 0;
      lower_seen |= (low & keep) != 0;
      upper_seen |= (up & keep) != 0;
      i += k;
      goto letters_done;
    }
    lower_seen |= low != 0;
    upper_seen |= up != 0;
    i += 8;
  }
#endif
  while (i < len) {
    unsigned char k = byte_class[(unsigned char)s[i]];
    if (k == B_LOWER)
      lower_seen = 1;
    else if (k == B_UPPER)
      upper_seen = 1;
    else
      break;
    i++;
  }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
letters_done:
#endif
  if (i >= len || byte_class[(unsigned char)s[i]] != B_HIGH) {
    size_t n = i - start;
    cap = byte_class[(unsigned char)s[start]] == B_UPPER;
    all_upper = !lower_seen;
    if (!upper_seen && start + 8 <= len) {
      fold = s + start; /* looked up in place: 8 bytes may be read */
      fl = n <= MAX_FOLD ? n : MAX_FOLD + 1;
    } else if (n <= MAX_FOLD) {
      for (size_t k = 0; k < n; k++)
        buf[k] = (char)(s[start + k] | 0x20);
      fl = n;
    } else {
      fl = MAX_FOLD + 1;
    }
    goto lookup;
  }

  /* Slow path: letters beyond ASCII, folded one code point at a time. */
  i = start;
  int first = 1;
  if (lx->lv->segment) {
    uint32_t cp0;
    if (utf8_decode((const unsigned char *)s + i, len - i, &cp0) && is_cjk(cp0)) {
      *made = NULL;
      return scan_cjk(lx, i);
    }
  }
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    unsigned char k = byte_class[c];
    if (k == B_LOWER || k == B_UPPER) {
      if (first)
        cap = k == B_UPPER;
      if (k == B_LOWER)
        all_upper = 0;
      if (fl < MAX_FOLD)
        buf[fl++] = (char)(c | 0x20);
      else
        fl = MAX_FOLD + 1;
      i++;
      first = 0;
      continue;
    }
    if (k != B_HIGH)
      break;
    if (c == 0xC3 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
        (unsigned char)s[i + 1] <= 0xBF) {
      /* Accented Latin letters (U+00C0..U+00FF), the common case in
       * Spanish and French: fold by table. */
      unsigned lo = (unsigned char)s[i + 1] & 0x3F;
      char base = latin1_base[lo];
      if (base && lo != 0x1F) {
        int upper = lo < 0x20;
        if (first)
          cap = upper;
        if (!upper)
          all_upper = 0; /* "à" is no word in capitals */
        first = 0;
        if (fl < MAX_FOLD)
          buf[fl++] = base;
        else
          fl = MAX_FOLD + 1;
        i += 2;
        continue;
      }
    }
    if (c >= 0xD8 && c <= 0xD9 && i + 1 < len &&
        ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
      /* Arabic letters (U+0600..U+067F), the common case in Arabic: class
       * and folding inline; marks and tatweel are dropped. */
      uint32_t cp = ((uint32_t)(c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
      if (cp >= 0x0621 && cp <= 0x064A && cp != 0x0640) {
        uint32_t f = cp;
        if (cp == 0x0622 || cp == 0x0623 || cp == 0x0625)
          f = 0x0627;
        else if (cp == 0x0629)
          f = 0x0647;
        else if (cp == 0x0649)
          f = 0x064A;
        if (fl + 2 <= MAX_FOLD) {
          buf[fl++] = (char)(0xC0 | (f >> 6));
          buf[fl++] = (char)(0x80 | (f & 0x3F));
        } else {
          fl = MAX_FOLD + 1;
        }
        first = 0;
        all_upper = 0;
        i += 2;
        continue;
      }
      if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0640 || cp == 0x0670) {
        i += 2;
        continue;
      }
    }
    const cp2_info *e2 = cp2_at((const unsigned char *)s + i, len - i);
    if (e2) {
      /* A two-byte code point, by table: the same steps as below. */
      if (e2->cls == CP_MARK) {
        i += 2;
        continue;
      }
      if (e2->cls != CP_LETTER)
        break;
      uint32_t cp = (((uint32_t)(c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F));
      if (first)
        cap = e2->upper;
      if (!e2->upper && cp >= 0xC0 && cp < 0x500)
        all_upper = 0;
      first = 0;
      for (int j = 0; j < e2->n; j++) {
        if (fl <= MAX_FOLD) {
          buf[fl] = e2->fold[j][0];
          if (e2->len[j] == 2)
            buf[fl + 1] = e2->fold[j][1];
          fl += e2->len[j];
        }
        if (fl > MAX_FOLD)
          fl = MAX_FOLD + 1;
      }
      i += 2;
      continue;
    }
    uint32_t cp;
    size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
    if (!n)
      break;
    int cls = cp_class(cp);
    if (cls == CP_MARK && !bidi_control(cp)) {
      i += n;
      continue;
    }
    if (cls != CP_LETTER || (lx->lv->segment && is_cjk(cp)))
      break;
    if (first)
      cap = cp_is_upper(cp);
    if (!cp_is_upper(cp) && cp >= 0xC0 && cp < 0x500)
      all_upper = 0;
    first = 0;
    uint32_t f[2];
    int m = cp_fold(cp, f);
    for (int j = 0; j < m; j++) {
      if (fl <= MAX_FOLD)
        fl += utf8_encode(f[j], buf + fl);
      if (fl > MAX_FOLD)
        fl = MAX_FOLD + 1;
    }
    i += n;
  }
lookup:
  return finish_word(lx, start, i, fold, fl, fold == buf || i + 8 <= len, cap,
                     all_upper, NULL, made);
}

/* Digits at i (ASCII or another script's). Returns the end, stores value. */
static size_t scan_digits(const char *s, size_t len, size_t i, uint32_t *val,
                          size_t *ndigits) {
  uint64_t v = 0;
  size_t nd = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    int d;
    size_t k = 1;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 0x80) {
      uint32_t cp;
      k = utf8_decode((const unsigned char *)s + i, len - i, &cp);
      if (!k || (d = cp_digit_value(cp)) < 0)
        break;
    } else {
      break;
    }
    if (v < 1000000000u)
      v = v * 10 + (uint64_t)d;
    nd++;
    i += k;
  }
  *val = (uint32_t)(v > 0xFFFFFFFFu ? 0xFFFFFFFFu : v);
  *ndigits = nd;
  return i;
}

static int is_digit_at(const char *s, size_t len, size_t i) {
  if (i >= len)
    return 0;
  unsigned char c = (unsigned char)s[i];
  if (c >= '0' && c <= '9')
    return 1;
  if (c < 0x80)
    return 0;
  uint32_t cp;
  size_t k = utf8_decode((const unsigned char *)s + i, len - i, &cp);
  return k && cp_digit_value(cp) >= 0;
}

/* A document symbol at i: an upper-case root ("A", "CTOC", "E"), then '/'
 * and more components of letters, digits, '.', '-' and '/', with a digit
 * somewhere. Returns its end, or i when there is none. */
static size_t scan_symbol(const cg_catalog *cat, const char *s, size_t len,
                          size_t i) {
  size_t j = i;
  while (j < len && j - i < 15 && s[j] >= 'A' && s[j] <= 'Z')
    j++;
  if (j == i || j >= len || s[j] != '/' || !catalog_symbol_root(cat, s + i, j - i))
    return i;
  size_t end = j, digits = 0;
  for (; end < len; end++) {
    char c = s[end];
    if (c == '-' && end + 1 < len && s[end + 1] >= 'A' && s[end + 1] <= 'Z') {
      /* "A/34/542-S/13578": two symbols of one joint document */
      size_t r = end + 1;
      while (r < len && s[r] >= 'A' && s[r] <= 'Z')
        r++;
      if (r < len && s[r] == '/' && catalog_symbol_root(cat, s + end + 1, r - end - 1))
        break; /* (not "UNEP/CBD/BS/COP-MOP/5/17": one part) */
    }
    if (c == '(' && end > j && s[end - 1] >= 'A' && s[end - 1] <= 'Z') {
      /* a session in brackets: "ICCD/COP(16)/23" */
      size_t r = end + 1;
      while (r < len && r - end <= 3 && s[r] >= '0' && s[r] <= '9')
        r++;
      if (r > end + 1 && r + 1 < len && s[r] == ')' && s[r + 1] == '/') {
        digits += r - end - 1;
        end = r; /* the loop steps past ")" */
        continue;
      }
    }
    if (c >= '0' && c <= '9')
      digits++;
    else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
               c == '-' || c == '/'))
      break;
  }
  while (end > j && (s[end - 1] == '.' || s[end - 1] == '-' ||
                     s[end - 1] == '/'))
    end--;
  if (!digits || end <= j + 1)
    return i;
  /* The last digit must be inside the kept part. */
  int has = 0;
  for (size_t k = j; k < end; k++)
    if (s[k] >= '0' && s[k] <= '9')
      has = 1;
  return has ? end : i;
}

/* Skips Markdown and HTML markup at i; returns the new offset (i when
 * nothing was skipped). May push a T_FOOTNOTE token. */
static size_t skip_markup(lexer *lx, size_t i, int *err) {
  const char *s = lx->s;
  size_t len = lx->len;
  char c = s[i];
  *err = 0;
  if (c == '*' || c == '_' || c == '`' || c == '\\')
    return i + 1;
  if (c == '#' && !lx->line_content) {
    while (i < len && s[i] == '#')
      i++;
    return i;
  }
  if (c == '>' && !lx->line_content)
    return i + 1;
  if (c == '[') {
    if (i + 1 < len && s[i + 1] == '^') {
      /* Markdown footnote: "[^3]" marker, or "[^3]:" definition. */
      size_t j = i + 2;
      uint32_t n = 0;
      while (j < len && j - i < 12 && s[j] >= '0' && s[j] <= '9')
        n = n * 10 + (uint32_t)(s[j++] - '0');
      while (j < len && j - i < 40 && s[j] != ']' && s[j] != '\n')
        j++;
      if (j < len && s[j] == ']') {
        int def = !lx->line_content && j + 1 < len && s[j + 1] == ':';
        if (def) {
          token *t = push(lx, T_FOOTNOTE, i, j + 2);
          if (!t) {
            *err = 1;
            return i;
          }
          t->val = n;
          return j + 2;
        }
        token_list *o = lx->out;
        if (o->nmarks < sizeof o->mark_at / sizeof *o->mark_at) {
          o->mark_num[o->nmarks] = n;
          o->mark_at[o->nmarks++] = (uint32_t)i;
        }
        return j + 1;
      }
    }
    return i + 1;
  }
  if (c == ']') {
    /* "[70/1](#)": drop the link target. */
    if (i + 1 < len && s[i + 1] == '(') {
      size_t j = i + 2;
      while (j < len && j - i < 600 && s[j] != ')' && s[j] != '\n' &&
             s[j] != ' ')
        j++;
      if (j < len && s[j] == ')')
        return j + 1;
    }
    return i + 1;
  }
  if (c == '<') {
    size_t j = i + 1;
    while (j < len && j - i < 64 && s[j] != '>' && s[j] != '<' &&
           s[j] != '\n')
      j++;
    if (j >= len || s[j] != '>')
      return i;
    int alpha = (s[i + 1] >= 'a' && s[i + 1] <= 'z') ||
                (s[i + 1] >= 'A' && s[i + 1] <= 'Z') || s[i + 1] == '/' ||
                s[i + 1] == '!';
    if (!alpha)
      return i;
    if (j - i == 4 && (memcmp(s + i, "<sup>", 5) == 0 ||
                       memcmp(s + i, "<SUP>", 5) == 0)) {
      /* A footnote marker; at the start of a line, a footnote's text. */
      size_t k = j + 1;
      uint32_t n = 0;
      size_t nd = 0;
      while (k < len && s[k] >= '0' && s[k] <= '9' && nd < 9)
        n = n * 10 + (uint32_t)(s[k++] - '0'), nd++;
      size_t close = k;
      while (close < len && close - k < 32 && s[close] != '<')
        close++;
      if (close + 6 <= len && (memcmp(s + close, "</sup>", 6) == 0 ||
                               memcmp(s + close, "</SUP>", 6) == 0)) {
        if (nd && close == k && !lx->line_content) {
          token *t = push(lx, T_FOOTNOTE, i, close + 6);
          if (!t) {
            *err = 1;
            return i;
          }
          t->val = n;
        }
        return close + 6;
      }
    }
    return j + 1;
  }
  return i;
}

static int map_punct(uint32_t cp) {
  switch (cp) {
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
  case 0x2212: case 0xFE63: case 0xFF0D:
    return '-';
  case 0x2018: case 0x2019: case 0x02BC:
    return '\'';
  case 0x201C: case 0x201D: case 0x00AB: case 0x00BB:
    return '"';
  case 0xFF08: return '(';
  case 0xFF09: return ')';
  case 0x2116: return '#'; /* № */
  case 0x3008: case 0x3009: case 0x300A: case 0x300B: case 0x300C: case 0x300D:
    return '"'; /* 〈〉《》「」 */
  case 0xFF0C: case 0x3001: case 0x060C: return ',';
  case 0xFF1B: case 0x061B: return ';';
  case 0xFF1A: return ':';
  case 0x3002: case 0xFF0E: return '.';
  case 0xFF0F: return '/';
  default: return '?';
  }
}

/* Whether s[i] starts a lower-case accented Latin letter with a base
 * letter (U+00E0..U+00FF but U+00E6, U+00F7, U+00FE), two bytes readable. */
static inline int lower_accented(const char *s, size_t i) {
  unsigned char b = (unsigned char)s[i + 1];
  return (unsigned char)s[i] == 0xC3 && b >= 0xA0 && b <= 0xBF && latin1_base[b & 0x3F];
}

/* The end of a word at i of an accented capital with a base letter
 * ("É", U+00C0..U+00DD) and one or more lower-case letters, ASCII or
 * accented, before a byte that is no letter, with fewer than 64 letters
 * in all; or 0 for any other word (8 bytes from i readable). */
static size_t accented_capital_word(const char *s, size_t len, size_t i) {
  unsigned char b = (unsigned char)s[i + 1];
  if (b < 0x80 || b > 0x9F || !latin1_base[b & 0x3F])
    return 0;
  size_t q = i + 2, letters = 1;
  while (q < len && letters < 64) {
    if (byte_class[(unsigned char)s[q]] == B_LOWER) {
      q++;
    } else if (q + 1 < len && lower_accented(s, q)) {
      q += 2;
    } else {
      break;
    }
    letters++;
  }
  if (letters < 2 || letters >= 64)
    return 0;
  unsigned char next = q < len ? byte_class[(unsigned char)s[q]] : B_SPACE;
  return next == B_UPPER || next == B_HIGH || next == B_LOWER ? 0 : q;
}

/* The end of the lower-case ASCII letters from e, at most lim: eight bytes
 * at a time, then one by one. */
static inline __attribute__((always_inline)) size_t lower_end(const char *s, size_t e,
                                                            size_t lim) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (e + 8 <= lim) {
    uint64_t v;
    memcpy(&v, s + e, 8);
    uint64_t stop = ~bytes_between(v, 0x60, 0x7B) & 0x8080808080808080ULL;
    if (stop)
      return e + (unsigned)__builtin_ctzll(stop) / 8;
    e += 8;
  }
#endif
  while (e < lim && byte_class[(unsigned char)s[e]] == B_LOWER)
    e++;
  return e;
}

/* Inside a run of the skim (its bytes: a..z, à … ÿ as C3 A0 … BF, and
 * the separators ' ', ',', an apostrophe, a hyphen, U+2019 as E2 80 99),
 * whether byte c separates two words: below '@', or a byte of U+2019. */
static inline int skim_sep(unsigned char c) {
  return c < 0x40 || c == 0xE2 || c == 0x80 || c == 0x99;
}

/* The end of the word of the skim starting at q (before p): its letters
 * are at or above '@', and a separator there begins U+2019. */
static inline size_t word_end(const char *s, size_t q, size_t p) {
  while (q < p && (unsigned char)s[q] >= 0x40 && (unsigned char)s[q] != 0xE2)
    q++;
  return q;
}

/* The start of the skim's next word from the end of a word q (before p). */
static inline size_t word_next(const char *s, size_t q, size_t p) {
  while (q < p) {
    unsigned char c = (unsigned char)s[q];
    if (c < 0x40)
      q++;
    else if (c == 0xE2)
      q += 3; /* U+2019 */
    else
      break;
  }
  return q;
}

/* Whether s[p] starts a joint of two words inside a run, its length then:
 * an apostrophe (' or U+2019) or a hyphen between lower-case ASCII letters
 * ("l'application", "d’un", "long-term"). The name of the catalogue splits
 * there as the scanner does, so each side is a word of its own. */
static inline size_t skim_joint(const char *s, size_t len, size_t i, size_t p) {
  if (p <= i || !(s[p - 1] >= 'a' && s[p - 1] <= 'z'))
    return 0;
  size_t k = 0;
  if (s[p] == '\'' || s[p] == '-')
    k = 1;
  else if ((unsigned char)s[p] == 0xE2 && p + 2 < len && (unsigned char)s[p + 1] == 0x80 &&
           (unsigned char)s[p + 2] == 0x99)
    k = 3;
  return k && p + k < len && s[p + k] >= 'a' && s[p + k] <= 'z' ? k : 0;
}

/* The word s[q..we) of the skim folded into fw (à … ÿ to their base
 * letters) with eight zero bytes after it; returns its length, or 0 when
 * it has 64 bytes or more. */
static inline size_t skim_fold(const char *s, size_t q, size_t we, char *fw) {
  size_t kn = 0;
  for (size_t r = q; r < we && kn < 64; r++) {
    unsigned char c = (unsigned char)s[r];
    if (c == 0xC3 && r + 1 < we) {
      char base = latin1_base[(unsigned char)s[r + 1] & 0x3F];
      fw[kn++] = base ? base : (char)c;
      r++;
    } else {
      fw[kn++] = (char)c;
    }
  }
  if (kn >= 64)
    return 0;
  memset(fw + kn, 0, 8);
  return kn;
}

/* The vocabulary word s[q..we) of the skim, folded, or NULL. */
static const word_info *skim_lookup(const lexer *lx, size_t q, size_t we) {
  char fw[72];
  size_t kn = skim_fold(lx->s, q, we, fw);
  return kn ? lookup_in(lx, fw, kn, 1) : NULL;
}

/* Whether a name may begin with the word wi that ends at we: a name of
 * one word, or the next word of the run continues one ("resultados del",
 * not "resultados obtenidos"). At the run's end p the word is kept anyway. */
static int name_goes_on(const lexer *lx, const word_info *wi, size_t we, size_t p) {
  const char *s = lx->s;
  const phrase_trie *tr = &lx->lv->trie;
  uint32_t node = trie_step(tr, 0, wi->wid);
  if (!node)
    return 0;
  if (tr->nodes.v[node].vals_count)
    return 1;
  size_t q = word_next(s, we, p);
  if (q >= p)
    return 1;
  const word_info *next = skim_lookup(lx, q, word_end(s, q, p));
  return next && trie_step(tr, node, next->wid);
}

/* Whether the next word of the run after the word ending at we is an
 * ordinal number's ("article premier", "párrafo primero") or a point's
 * letter alone ("l'alinéa e de l'Article 73", "el apartado b del artículo"). */
static int ordinal_follows(const lexer *lx, size_t we, size_t p) {
  size_t q = word_next(lx->s, we, p);
  if (q >= p)
    return 0;
  size_t qe = word_end(lx->s, q, p);
  if (qe == q + 1)
    return 1;
  const word_info *next = skim_lookup(lx, q, qe);
  return next && next->ordnum;
}

#ifdef LEX_AVX2
/* skim's run forward, twenty-eight bytes at a time (AVX2) from *p (after
 * the run's first byte) while 31 bytes are left: the bytes that go on a
 * run of lower-case words (a..z, à..ÿ as C3 A0..BF but C3 B7, a space
 * before a..z, a comma before such a space, an apostrophe, a hyphen or
 * U+2019 between a..z and a..z). Each load starts one byte before the
 * bytes it judges and ends three after, which they look at. Returns 1
 * when the run ended (at *p), 0 when too few bytes are left to go on this
 * way (*p then starts a letter or a separator). */
__attribute__((target("avx2"))) static int skim_run32(const char *s, size_t len, size_t *p) {
  size_t q = *p;
  while (q + 31 <= len) {
    /* byte k of the block is s[q - 1 + k]; bits 1..28 are judged */
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + q - 1));
    /* a..z: signed compares (bytes of 0x80 and above are negative) */
    __m256i low = _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8('a' - 1)),
                                   _mm256_cmpgt_epi8(_mm256_set1_epi8('z' + 1), v));
    /* A0..BF but B7 are -96..-65 but -73 */
    __m256i tail = _mm256_andnot_si256(
        _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xB7)),
        _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8(-97)),
                         _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), v)));
    uint32_t lm = (uint32_t)_mm256_movemask_epi8(low);
    uint32_t tm = (uint32_t)_mm256_movemask_epi8(tail);
    uint32_t sm = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(' ')));
    uint32_t cm = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(',')));
    uint32_t c3 =
        (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xC3)));
    uint32_t jm = (uint32_t)_mm256_movemask_epi8(
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\'')),
                        _mm256_cmpeq_epi8(v, _mm256_set1_epi8('-'))));
    uint32_t e2 =
        (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xE2)));
    uint32_t ok = lm | (c3 & (tm >> 1)) | (tm & (c3 << 1));
    uint32_t sp_ok = sm & (lm >> 1);
    ok |= sp_ok | (cm & (sp_ok >> 1));
    if (jm | e2) {
      uint32_t m80 =
          (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0x80)));
      uint32_t m99 =
          (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0x99)));
      uint32_t j3 = e2 & (m80 >> 1) & (m99 >> 2) & (lm << 1) & (lm >> 3);
      ok |= (jm & (lm << 1) & (lm >> 1)) | j3 | j3 << 1 | j3 << 2;
      e2 = j3;
    }
    uint32_t bad = ~ok & 0x1FFFFFFEu;
    if (bad) {
      *p = q - 1 + (size_t)__builtin_ctz(bad);
      return 1;
    }
    /* The next block starts at bit 29, not inside a letter or U+2019. */
    size_t step = 28;
    if (e2 & (3u << 27))
      step = (e2 >> 27) & 1 ? 26 : 27;
    else if (c3 >> 28 & 1)
      step = 27;
    q += step;
  }
  *p = q;
  return 0;
}
#endif

/* Where lower-case prose ends: from i (the start of a lower-case word),
 * steps over words of lower-case letters separated by single spaces or
 * ", ", or joined by an apostrophe or a hyphen, until a byte that may begin or touch a citation (a capital, a
 * digit, other punctuation, a line break). Returns where scanning must
 * resume to keep two words of context before that byte, and stores in
 * *gap_end the end of the prose to fold into a gap; returns i when there
 * is too little prose to be worth skipping. Every citation holds a digit
 * or a capital, or begins with the first word of a name of the catalogue
 * (in any case), where the run ends too: no citation starts or ends
 * inside the skipped prose. */
static size_t skim(lexer *lx, size_t i, size_t *gap_end) {
  if (i < lx->skim_none)
    return i; /* the same run, from a later word: fewer words still */
  const char *s = lx->s;
  size_t len = lx->len;
  /* Forward to the end of the run's last word, eight bytes at a time while
   * they are lower-case ASCII letters and single spaces before letters. */
  size_t p = i;
#ifdef LEX_AVX2
  if (vector_way && !vectors_off && skim_run32(s, len, &p))
    goto run_end;
#endif
  for (;;) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t high = 0x8080808080808080ULL;
    while (p + 9 <= len) {
      uint64_t v;
      memcpy(&v, s + p, 8);
      uint64_t low = bytes_between(v, 0x60, 0x7B);
      uint64_t sp = bytes_between(v, 0x1F, 0x21);
      if (~(low | sp) & high)
        break;
      unsigned char after = (unsigned char)s[p + 8];
      uint64_t next_low = (low >> 8) |
                          ((uint64_t)(after >= 'a' && after <= 'z') << 63);
      if (sp & ~next_low)
        break;
      p += 8;
    }
#endif
    /* The rest of a word, then its separator: one byte at a time. */
    for (;;) {
      if (p >= len)
        break;
      unsigned char c = (unsigned char)s[p];
      if (c >= 'a' && c <= 'z') {
        p++;
      } else if (c == 0xC3 && p + 1 < len && (unsigned char)s[p + 1] >= 0xA0 &&
                 (unsigned char)s[p + 1] <= 0xBF && (unsigned char)s[p + 1] != 0xB7) {
        p += 2; /* à … ÿ */
      } else {
        break;
      }
    }
    if (p + 1 < len && s[p] == ' ' && s[p + 1] >= 'a' && s[p + 1] <= 'z') {
      p++;
      continue;
    }
    if (p + 2 < len && s[p] == ',' && s[p + 1] == ' ' && s[p + 2] >= 'a' &&
        s[p + 2] <= 'z') {
      p += 2;
      continue;
    }
    size_t joint = p < len ? skim_joint(s, len, i, p) : 0;
    if (joint) {
      p += joint;
      continue;
    }
    break;
  }
  /* The first word of a name, in whatever case the text writes it
   * ("outcome document of …", "principles relating to the status of …",
   * "nuevo programa urbano"), ends the run before it: the catalogue's
   * name_first filter, then the word itself. */
#ifdef LEX_AVX2
run_end:
#endif
  for (size_t q = i; q < p;) {
    /* The word's end, and whether it has an accented letter to fold: a
     * word of a..z is hashed where it stands. */
    size_t we = q;
    unsigned high = 0;
#if defined(__SSE2__)
    if (q + 16 <= len) {
      /* sixteen bytes at once: the first separator, the high bits before */
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + q));
      __m128i below = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x3F)),
                                     _mm_set1_epi8(0x3F)); /* v <= '?' */
      unsigned sep = (unsigned)_mm_movemask_epi8(
          _mm_or_si128(below, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2))));
      size_t k = sep ? (size_t)__builtin_ctz(sep) : 16;
      we = q + k < p ? q + k : p;
      high = (unsigned)_mm_movemask_epi8(v) & ((1u << (we - q)) - 1) ? 0x80 : 0;
    }
#endif
    while (we < p && (unsigned char)s[we] >= 0x40 && (unsigned char)s[we] != 0xE2)
      high |= (unsigned char)s[we++];
    const char *w = s + q;
    size_t kn = we - q;
    char fw[72];
    if ((high & 0x80) || q + 8 > len) {
      kn = skim_fold(s, q, we, fw);
      w = fw;
    }
    uint64_t h = word_hash_fast(w, kn);
    const word_info *wi;
    if (kn && kn < 64 &&
        (lx->lv->name_first[(h >> 40) & (NAME_FIRST_BITS / 64 - 1)] >> (h & 63) & 1) &&
        /* (about one word in sixteen passes the filter: looked up out of
         * line, which keeps this loop's registers for every word) */
        (wi = skim_lookup(lx, q, we)) &&
        ((wi->cls & (W_RES | W_DEC)) || ((wi->cls & W_PHRASE) && name_goes_on(lx, wi, we, p)) ||
         ((wi->cls & (W_ART | W_PARA | W_CHAP | W_SUBPARA)) && ordinal_follows(lx, we, p)))) {
      if (q == i)
        return i;
      p = q; /* the end of the word before, past its separator */
      while (p > i && skim_sep((unsigned char)s[p - 1]))
        p--;
      break;
    }
    q = word_next(s, we, p);
  }
  /* Back over the last words: inside the run every space separates words,
   * alone or after a comma. */
  size_t starts[3], ends[3];
  size_t e = p;
  for (int w = 0; w < 3; w++) {
    size_t b = e;
    while (b > i && s[b - 1] != ' ')
      b--;
    starts[w] = b;
    ends[w] = e;
    if (b == i) {
      lx->skim_none = p; /* three words or fewer */
      return i;
    }
    e = b - 1;
    if (e > i && s[e - 1] == ',')
      e--;
  }
  /* Keep the last two words: the word at the stop and the one before it
   * ("its resolution 5/2", "de la Asamblea"). */
  *gap_end = ends[2];
  return starts[1];
}

void lex_begin(lex_state *lx, const cg_catalog *cat, const lang_vocab *lv,
               const char *s, size_t from, size_t len, token_list *out) {
  lex_tables();
  memset(lx, 0, sizeof *lx);
  lx->cat = cat;
  lx->lv = lv;
  lx->s = s;
  lx->len = len;
  lx->out = out;
  lx->line_first = 1;
  lx->pos = from;
  out->n = 0;
  out->plurals = 0;
  out->nmarks = 0;
  out->invalid_utf8 = 0;
  out->first_invalid = 0;
}

void lex_resume(lex_state *lx, const token *t) {
  lx->pos = t->start;
  lx->line_first = (t->flags & F_LINESTART) != 0;
  lx->line_content = !lx->line_first;
  lx->space = (t->flags & F_SPACE) != 0;
  lx->blank_run = 0;
  lx->calm = 0;
  lx->skim_none = 0;
}

/* Whether the text after a blank line at i goes on with the sentence above
 * it: a line that begins with a lower-case letter, after a long line that
 * does not end with a full stop, continues it, as text made from a PDF breaks a paragraph at a
 * page's end ("... the implementation of its\n\nresolution 79/237"). */
static int goes_on_below(const char *s, size_t len, size_t i, const token_list *out) {
  const token *last = &out->v[out->n - 1];
  /* (a comma or a semicolon ends a paragraph of a preamble or a list that
   * the next begins in lower case: "ссылаясь на …,\n\nвновь подтверждая") */
  if (last->type == T_BREAK ||
      (last->type == T_PUNCT && (last->val == '.' || last->val == ',' || last->val == ';')))
    return 0;
  /* The line above is a line of prose, long, not a heading ("Резолюция
   * 2196 (2015)" over "принятая Советом Безопасности ..."). */
  size_t e = last->end, b0 = e;
  while (b0 > 0 && s[b0 - 1] != '\n' && e - b0 < 60)
    b0--;
  if (e - b0 < 60)
    return 0;
  while (i < len && (byte_class[(unsigned char)s[i]] == B_SPACE ||
                     byte_class[(unsigned char)s[i]] == B_NL))
    i++;
  if (i >= len)
    return 0;
  unsigned char a = (unsigned char)s[i], b = i + 1 < len ? (unsigned char)s[i + 1] : 0;
  return byte_class[a] == B_LOWER ||
         (a == 0xC3 && b >= 0xA0 && b <= 0xBF && b != 0xB7) || /* à..ÿ, not ÷ */
         (a == 0xD0 && b >= 0xB0 && b <= 0xBF) ||               /* а..п */
         (a == 0xD1 && b >= 0x80 && b <= 0x9F);                 /* р..џ */
}

int lex_chunk(lex_state *state, size_t soft_max, size_t hard_max) {
  lexer *lx = state;
  const cg_catalog *cat = lx->cat;
  const lang_vocab *lv = lx->lv;
  const char *s = lx->s;
  size_t len = lx->len;
  token_list *out = lx->out;
  out->n = 0;
  out->plurals = 0;
  out->nmarks = 0;
  size_t i = lx->pos;
  int blank_run = lx->blank_run;
  /* Read once: the token stores below could alias the vocabulary. */
  const int affixes = lv->naffixes[0] || lv->naffixes[1];
  lx->forced = 0;
  /* The chunk ends at a break once soft_max tokens are reached (where the
   * break is made: nothing else ends in one), or at hard_max. */
  while (i < len) {
    if (out->n >= hard_max) {
      lx->forced = out->v[out->n - 1].type != T_BREAK;
      break;
    }
    unsigned char c = (unsigned char)s[i];
    unsigned char bc = byte_class[c];
    if (bc == B_LOWER)
      goto lower; /* the commonest, without the jump table */
    switch (bc) {
    case B_SPACE:
      lx->space = 1;
      do
        i++;
      while (i < len && byte_class[(unsigned char)s[i]] == B_SPACE);
      continue;
    case B_NL:
      if (!lx->line_content && !blank_run && out->n && !goes_on_below(s, len, i + 1, out)) {
        if (!push(lx, T_BREAK, i, i + 1))
          return -1;
        blank_run = 1;
      }
      lx->line_content = 0;
      lx->line_first = 1;
      lx->space = 1;
      i++;
      if (blank_run && out->n >= soft_max && out->v[out->n - 1].type == T_BREAK)
        goto chunk_end;
      continue;
    case B_LOWER:
    lower:
      if (lx->calm >= 3 && lx->space && !lx->line_first && out->n) {
        /* Deep in prose: skip to the next place that can matter. */
        size_t gap_end, resume = skim(lx, i, &gap_end);
        if (resume > i) {
          if (out->v[out->n - 1].type == T_GAP) {
            out->v[out->n - 1].end = (uint32_t)gap_end;
          } else if (!push(lx, T_GAP, i, gap_end)) {
            return -1;
          }
          i = resume;
          lx->space = 1;
          lx->calm = 0; /* lex the context words one by one */
          continue;
        }
      }
    accented_lower:
      {
        /* A word of lower-case letters, ASCII ones first, the commonest
         * word, has its own path: scan_word's steps for such a word (no
         * capital, no roman numeral, no affix), looked up in place when
         * it is ASCII. A word whose first letter is an accented one ("à",
         * "été", "él") comes in below the skim, with no ASCII letter. */
        int accented = (unsigned char)s[i] == 0xC3;
        size_t e = accented ? i : lower_end(s, i + 1, len);
        size_t n = e - i;
        unsigned char next = accented ? B_HIGH : e < len ? byte_class[(unsigned char)s[e]] : B_SPACE;
        if (i + 8 > len || affixes)
          goto generic_word; /* the end of the text, clitics */
        const char *key = s + i; /* the folded word */
        size_t kn = n;
        char fw[72];
        if (next == B_HIGH && n < 64) {
          /* Lower-case accented Latin letters (U+00E0..U+00FF) go on the
           * word folded to their base letters: "développement". */
          memcpy(fw, s + i, n);
          size_t q = e;
          while (q < len && kn < 64) {
            unsigned char b = (unsigned char)s[q];
            if (b >= 'a' && b <= 'z') {
              fw[kn++] = (char)b;
              q++;
            } else if (b == 0xC3 && q + 1 < len && (unsigned char)s[q + 1] >= 0xA0 &&
                       (unsigned char)s[q + 1] <= 0xBF &&
                       latin1_base[(unsigned char)s[q + 1] & 0x3F]) {
              fw[kn++] = latin1_base[(unsigned char)s[q + 1] & 0x3F];
              q += 2;
            } else {
              break;
            }
          }
          next = q < len ? byte_class[(unsigned char)s[q]] : B_SPACE;
          if (q == e || kn >= 64)
            goto generic_word;
          key = fw;
          e = q;
          n = e - i;
        }
        if (next == B_UPPER || next == B_HIGH)
          goto generic_word; /* mixed case, other scripts and letters */
        blank_run = 0;
        const word_info *wi = lookup_in(lx, key, kn, 1);
        if (!wi && n > 1 && !lx->line_first && out->n && lx->space &&
            join_gap(lx, e)) {
          ;
        } else {
          unsigned calm = lx->calm;
          token *t = push(lx, wi || n == 1 ? T_WORD : T_GAP, i, e);
          if (!t)
            return -1;
          if (prose_word(wi))
            lx->calm = calm + 1;
          if (wi)
            take_word(lx, t, wi);
        }
        i = e;
        if (i < len && s[i] == ' ' && out->n < hard_max) { /* its space */
          lx->space = 1;
          i++;
        }
        continue;
      }
    generic_word:
      /* fall through */
    case B_UPPER: {
      blank_run = 0;
      if (c == 'S' || c == 'E') {
        /* "S-30/1", "ES-10/14": special and emergency sessions, the hyphen
         * ASCII or U+2010, U+2011 (PDFs write "ES\u201110/27"). */
        size_t j = i + (c == 'E' && i + 1 < len && s[i + 1] == 'S' ? 2 : 1);
        size_t hy = j < len && s[j] == '-' ? 1
                    : j + 3 < len && (unsigned char)s[j] == 0xE2 &&
                            (unsigned char)s[j + 1] == 0x80 &&
                            ((unsigned char)s[j + 2] == 0x90 || (unsigned char)s[j + 2] == 0x91)
                        ? 3
                        : 0;
        if ((c == 'S' || j == i + 2) && hy && j + hy < len &&
            is_digit_at(s, len, j + hy) &&
            (i == 0 || !(byte_class[(unsigned char)s[i - 1]] == B_LOWER ||
                         byte_class[(unsigned char)s[i - 1]] == B_UPPER))) {
          uint32_t a, b;
          size_t nd, nd2;
          size_t k = scan_digits(s, len, j + hy, &a, &nd);
          if (k + 1 < len && s[k] == '/' && is_digit_at(s, len, k + 1)) {
            size_t e = scan_digits(s, len, k + 1, &b, &nd2);
            token *t = push(lx, T_SLASH, i, e);
            if (!t)
              return -1;
            t->val = a;
            t->val2 = b;
            t->flags |= F_SPECIAL;
            i = e;
            continue;
          }
        }
      }
      if (c >= 'A' && c <= 'Z' && i + 1 < len &&
          (s[i + 1] == '/' || (s[i + 1] >= 'A' && s[i + 1] <= 'Z')) && /* "A/", "UNEP/" */
          (i == 0 || !(s[i - 1] == '/' || s[i - 1] == '.' || s[i - 1] == ')' ||
                       s[i - 1] == ']'))) {
        size_t e = scan_symbol(cat, s, len, i);
        if (e > i) {
          if (!push(lx, T_SYMBOL, i, e))
            return -1;
          i = e;
          continue;
        }
      }
      token *t;
      size_t e;
      if (c >= 'A' && c <= 'Z' && i + 2 < len && !affixes &&
          (byte_class[(unsigned char)s[i + 1]] == B_LOWER || lower_accented(s, i + 1))) {
        /* A capital and lower-case ASCII letters ("United", "Convention"),
         * the commonest word after the lower-case ones: scan_word's steps
         * for such a word (a capital, no roman numeral, no affix); accented
         * lower-case letters go on it below ("République"). */
        e = byte_class[(unsigned char)s[i + 1]] == B_LOWER
                ? lower_end(s, i + 2, i + 64 <= len ? i + 64 : len)
                : i + 1;
        size_t n = e - i, kn = n;
        char w[72];
        if (i + 64 <= len)
          memcpy(w, s + i, 64); /* a fixed size: a few vector moves */
        else
          memcpy(w, s + i, n);
        w[0] = (char)(c | 0x20);
        /* Lower-case accented Latin letters go on it, folded ("Sécurité"). */
        while (e + 1 < len && kn < 64 && (unsigned char)s[e] == 0xC3 &&
               (unsigned char)s[e + 1] >= 0xA0 && (unsigned char)s[e + 1] <= 0xBF &&
               latin1_base[(unsigned char)s[e + 1] & 0x3F]) {
          w[kn++] = latin1_base[(unsigned char)s[e + 1] & 0x3F];
          e += 2;
          while (e < len && kn < 64 && byte_class[(unsigned char)s[e]] == B_LOWER)
            w[kn++] = s[e++];
        }
        n = e - i;
        unsigned char next = e < len ? byte_class[(unsigned char)s[e]] : B_SPACE;
        if (next == B_UPPER || next == B_HIGH || next == B_LOWER || kn >= 64)
          goto any_word; /* mixed case, other scripts, 64 letters or more */
        const word_info *wi = lookup_in(lx, w, kn, 1);
        t = push(lx, wi ? T_WORD : T_GAP, i, e);
        if (!t)
          return -1;
        t->flags |= F_CAP;
        if (wi)
          take_word(lx, t, wi);
      } else {
      any_word:
        e = scan_word(lx, i, &t);
        if (e == (size_t)-1)
          return -1;
      }
      i = e;
      /* The space after a word, at once (not at a chunk's end: a chunk ends
       * where its last token does; after a word, only at hard_max, since
       * from soft_max on it ends after a break). */
      if (i < len && s[i] == ' ' && out->n < hard_max) {
        lx->space = 1;
        i++;
      }
      continue;
    }
    case B_DIGIT: {
    digits:
      blank_run = 0;
      uint32_t a;
      size_t nd;
      size_t e = scan_digits(s, len, i, &a, &nd);
      if (e + 1 < len && s[e] == '/' && is_digit_at(s, len, e + 1)) {
        uint32_t b;
        size_t nd2;
        size_t e2 = scan_digits(s, len, e + 1, &b, &nd2);
        token *t = push(lx, T_SLASH, i, e2);
        if (!t)
          return -1;
        t->val = a;
        t->val2 = b;
        i = e2;
        continue;
      }
      token *t = push(lx, T_NUM, i, e);
      if (!t)
        return -1;
      t->val = a;
      t->val2 = (uint32_t)nd;
      if (nd <= 9) {
        /* Numbers can be words of a name ("2030 Agenda"). */
        char d[16];
        size_t dl = 0;
        for (uint32_t v = a, k = 0; k < nd; k++, v /= 10)
          d[nd - 1 - k] = (char)('0' + v % 10);
        dl = nd;
        const word_info *wi =
            wordtab_find(cat, &lv->words, d, dl, word_hash(d, dl));
        if (wi) {
          t->cls = wi->cls;
          t->wid = wi->wid;
        }
      }
      i = e;
      continue;
    }
    case B_HIGH: {
      if (c == 0xC3 && i + 8 <= len && !affixes) {
        if (lower_accented(s, i))
          goto accented_lower; /* "à", "été" */
        size_t e = accented_capital_word(s, len, i);
        if (e) {
          /* "États", "Économique": an accented capital, then lower-case
           * letters, what scan_word makes of it (a capital, no roman
           * numeral, no affix) */
          char w[72];
          size_t kn = 0;
          w[kn++] = latin1_base[(unsigned char)s[i + 1] & 0x3F];
          for (size_t q = i + 2; q < e;) {
            if ((unsigned char)s[q] == 0xC3) {
              w[kn++] = latin1_base[(unsigned char)s[q + 1] & 0x3F];
              q += 2;
            } else {
              w[kn++] = s[q++];
            }
          }
          blank_run = 0;
          const word_info *wi = lookup_in(lx, w, kn, 1);
          token *t = push(lx, wi ? T_WORD : T_GAP, i, e);
          if (!t)
            return -1;
          t->flags |= F_CAP;
          if (wi)
            take_word(lx, t, wi);
          i = e;
          if (i < len && s[i] == ' ' && out->n < hard_max) {
            lx->space = 1;
            i++;
          }
          continue;
        }
      }
      if (w2_lead(c)) {
        /* Words in Cyrillic or Arabic letters, read by table, one after
         * another while a space and such a word follow (the top of the
         * loop would change nothing before hard_max tokens). */
        size_t from = i;
        for (;;) {
          char buf[MAX_FOLD + 8];
          const char *fold;
          size_t fl;
          int cap, all_upper;
          size_t e = scan_letters2(s, len, i, lv->script, buf, &fold, &fl,
                                          &cap, &all_upper);
          if (!e)
            break;
          blank_run = 0;
          if (fold == buf && fl < 64)
            memset(buf + fl, 0, 8);
          /* A language with clitics looks each word up once. */
          word_memo_entry *me =
              lx->memo && affixes && fl < 64 ? word_memo_get(lx, fold, fl) : NULL;
          if (!cap && fl < 64 && out->n && out->v[out->n - 1].type == T_GAP &&
              lx->space && !lx->line_first &&
              !(me ? memo_maybe(lx, me, fold, fl) : word_maybe(lv, fold, fl))) {
            /* One more unknown word of prose after unknown words (what
             * scan_word would do: extend the gap). */
            out->v[out->n - 1].end = (uint32_t)e;
            lx->space = 0;
            lx->calm++;
            i = e;
          } else {
            token *t;
            i = finish_word(lx, i, e, fold, fl, 1, cap, all_upper,
                            me ? memo_lookup(lx, me, fold, fl) : NULL, &t);
            if (i == (size_t)-1)
              return -1;
          }
          if (!(i + 1 < len && s[i] == ' ' && out->n < hard_max))
            break;
          lx->space = 1; /* its space */
          i++;
          if (!w2_lead((unsigned char)s[i]))
            break;
        }
        if (i != from)
          continue;
      }
      uint32_t cp;
      size_t n;
      int cls;
      const cp2_info *e2 = cp2_at((const unsigned char *)s + i, len - i);
      const unsigned char *u = (const unsigned char *)s + i;
      int punct = -1;
      if (e2) {
        n = 2;
        cp = ((uint32_t)(c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
        cls = e2->cls;
      } else if (utf8_three(u, len - i, &cp)) {
        /* A three-byte form: ideographs, and the punctuation of Chinese
         * text and typographic quotes and dashes by table. */
        n = 3;
        if (lv->segment && ((cp >= 0x4E00 && cp <= 0x9FFF) ||
                            (cp >= 0x3400 && cp <= 0x4DBF))) {
          blank_run = 0; /* a run of ideographs (what scan_word does) */
          size_t e = scan_cjk(lx, i);
          if (e == (size_t)-1)
            return -1;
          i = e;
          continue;
        }
        const unsigned char *p3 = punct3_at(cp);
        if (p3) {
          cls = p3[0];
          punct = p3[1];
        } else {
          cls = cp_class(cp);
        }
      } else {
        n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (!n) {
          note_invalid(lx, i);
          lx->space = 1;
          i++;
          continue;
        }
        cls = cp_class(cp);
      }
      if (cls == CP_SPACE) {
        lx->space = 1;
        i += n;
        continue;
      }
      if (cls == CP_MARK) {
        i += n;
        continue;
      }
      if (cls == CP_DIGIT)
        goto digits;
      blank_run = 0;
      if (cls == CP_LETTER) {
        token *t;
        size_t e = scan_word(lx, i, &t);
        if (e == (size_t)-1)
          return -1;
        i = e;
        continue;
      }
      token *t = push(lx, T_PUNCT, i, i + n);
      if (!t)
        return -1;
      t->val = (uint32_t)(punct >= 0 ? punct : map_punct(cp));
      i += n;
      continue;
    }
    default: {
      size_t pw = 1;  /* the punctuation token's bytes */
      uint32_t pv = c; /* and its value */
      if ((c == '<' || c == '>') && i + 1 < len && s[i + 1] == (char)c &&
          (i + 2 >= len || s[i + 2] != (char)c) && (i == 0 || s[i - 1] != (char)c)) {
        /* "<< L'avenir que nous voulons >>": guillemets written so (the
         * French and Russian texts of the UN Parallel Corpus) */
        pw = 2;
        pv = '"';
      } else if (!(c == ',' || c == '.' || c == '(' || c == ')' || c == ';' || c == ':')) {
        /* Punctuation that is never markup, the common case, goes straight
         * to a token; these other bytes may open markup, a rule or be NUL. */
        int err;
        size_t e = skip_markup(lx, i, &err);
        if (err)
          return -1;
        if (e > i) {
          i = e;
          continue;
        }
        if (c == '-' && !lx->line_content && i + 2 < len && s[i + 1] == '-' &&
            s[i + 2] == '-') {
          /* A horizontal rule separates like a blank line. */
          while (i < len && (s[i] == '-' || s[i] == ' '))
            i++;
          if (out->n && !blank_run) {
            if (!push(lx, T_BREAK, i - 1, i))
              return -1;
            blank_run = 1;
          }
          lx->line_content = 0;
          if (blank_run && out->n >= soft_max && out->v[out->n - 1].type == T_BREAK)
            goto chunk_end;
          continue;
        }
        if (c == 0) {
          lx->space = 1;
          i++;
          continue;
        }
      }
      blank_run = 0;
      token *t = push(lx, T_PUNCT, i, i + pw);
      if (!t)
        return -1;
      t->val = pv;
      i += pw;
      if (i < len && s[i] == ' ' && out->n < hard_max) {
        lx->space = 1;
        i++;
      }
      continue;
    }
    }
  }
chunk_end:
  lx->pos = i;
  lx->blank_run = blank_run;
  /* Mark the full stops that end sentences. */
  for (size_t k = 0; k < out->n; k++) {
    token *t = &out->v[k];
    if (t->type != T_PUNCT || t->val != '.')
      continue;
    if (t->end - t->start == 3 && (unsigned char)s[t->start] == 0xE3) {
      t->flags |= F_SENTEND; /* 。 ends a sentence, whatever follows */
      continue;
    }
    const token *prev = k ? &out->v[k - 1] : NULL;
    if (prev && prev->type == T_WORD &&
        ((prev->cls & W_ABBR) || prev->end - prev->start == 1))
      continue;
    const token *next = k + 1 < out->n ? &out->v[k + 1] : NULL;
    if (!next || next->type == T_BREAK || (next->flags & F_LINESTART) ||
        ((next->flags & F_SPACE) && (next->flags & F_CAP)) ||
        next->type == T_FOOTNOTE)
      t->flags |= F_SENTEND;
  }
  return 0;
}

/* Whether the script count can no longer change which language the first
 * 4096 bytes name, with `left` bytes still to count (each starts at most
 * one more letter; an ideograph counts twice and takes three bytes or
 * more). Returns 1 when it is
 * settled: *lang is then the script's language, or -1 when no script but
 * Latin can win. */
static int script_settled(const size_t *scripts, size_t letters, size_t left,
                          const int *lang_of, int *lang) {
  for (int sc = SCRIPT_CYRILLIC; sc < SCRIPT_COUNT; sc++) {
    if (lang_of[sc] < 0)
      continue; /* no language writes it: never chosen */
    /* What the rest can add to 2 * scripts[sc] - letters: a letter of
     * these scripts takes two bytes (Cyrillic, Arabic; one more each) or
     * three or four (an ideograph; three more each), and only the last
     * may start at the last byte. */
    size_t gain = sc == SCRIPT_HAN ? left + 2 : (left + 1) / 2;
    if (2 * scripts[sc] + gain <= letters)
      continue; /* cannot reach half of the letters */
    if (2 * scripts[sc] > letters + left) {
      *lang = lang_of[sc]; /* more than half whatever follows */
      return 1;
    }
    return 0;
  }
  *lang = -1;
  return 1;
}

/* Whether s[0..n) holds a byte that may lead a letter the script count
 * gives to Cyrillic (D0..D4), Arabic (D8..DB) or Han (E3..E9, EF, F0):
 * bytes D0..DB and E3..F0, a few more than those. Without one, Latin is
 * the only script the count can find. */
static int other_script_leads(const char *s, size_t n) {
  size_t i = 0;
#if defined(__SSE2__)
  /* As signed bytes, D0..DB are -48..-37 and E3..F0 -29..-16. */
  __m128i any = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i a = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-49)),
                              _mm_cmplt_epi8(v, _mm_set1_epi8(-36)));
    __m128i b = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-30)),
                              _mm_cmplt_epi8(v, _mm_set1_epi8(-15)));
    any = _mm_or_si128(any, _mm_or_si128(a, b));
  }
  if (_mm_movemask_epi8(any))
    return 1;
#endif
  for (; i < n; i++) {
    unsigned char b = (unsigned char)s[i];
    if ((b >= 0xD0 && b <= 0xDB) || (b >= 0xE3 && b <= 0xF0))
      return 1;
  }
  return 0;
}

/* The run of letters at *at (a letter's first byte) folded into fold (as
 * text.c's fold_word folds letters: a run never outgrows the buffer);
 * moves *at past it and returns the folded length, or 0 for a run of more
 * than MAX_FOLD bytes or a byte that is neither a letter nor UTF-8. */
static size_t detect_word(const char *s, size_t len, size_t *at, char *fold) {
  size_t i = *at;
  unsigned char k;
  size_t start = i, fl = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  /* ASCII letters eight at a time, folded by one OR. */
  while (i + 8 <= len && fl + 8 <= MAX_FOLD + 4) {
    uint64_t v;
    memcpy(&v, s + i, 8);
    uint64_t is_letter = bytes_between(v, 0x60, 0x7B) | bytes_between(v, 0x40, 0x5B);
    uint64_t folded = v | 0x2020202020202020ULL;
    memcpy(fold + fl, &folded, 8);
    if (is_letter != 0x8080808080808080ULL) {
      unsigned run = (unsigned)__builtin_ctzll(~is_letter & 0x8080808080808080ULL) / 8;
      fl += run;
      i += run;
      break;
    }
    fl += 8;
    i += 8;
  }
#endif
  while (i < len) {
    unsigned char d = (unsigned char)s[i];
    k = byte_class[d];
    if (k == B_LOWER || k == B_UPPER) {
      if (fl < MAX_FOLD + 4)
        fold[fl++] = (char)(d | 0x20);
      i++;
      continue;
    }
    if (k != B_HIGH)
      break;
    const cp2_info *e2 = cp2_at((const unsigned char *)s + i, len - i);
    if (e2) {
      if (e2->cls != CP_LETTER)
        break;
      for (int j = 0; j < e2->n; j++)
        for (int b = 0; b < e2->len[j]; b++)
          if (fl < MAX_FOLD + 4)
            fold[fl++] = e2->fold[j][b];
      i += 2;
      continue;
    }
    uint32_t cp;
    size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
    if (!n || cp_class(cp) != CP_LETTER)
      break;
    uint32_t f[2];
    int m = cp_fold(cp, f);
    for (int j = 0; j < m; j++) {
      char tmp[4];
      size_t e = utf8_encode(f[j], tmp);
      for (size_t b = 0; b < e; b++)
        if (fl < MAX_FOLD + 4)
          fold[fl++] = tmp[b];
    }
    i += n;
  }
  if (i == start) {
    *at = i + 1; /* a byte that is neither a letter nor valid UTF-8 */
    return 0;
  }
  *at = i;
  return i - start > MAX_FOLD ? 0 : fl;
}

int lex_detect_language(const cg_catalog *cat, const char *s, size_t len,
                        int hint) {
  lex_tables();
  /* The script first: Cyrillic, Arabic and Han letters each belong to one
   * language of the catalogue (a vocabulary says its `script`). The count
   * stops as soon as the rest of the first 4096 bytes cannot change it. */
  int lang_of[SCRIPT_COUNT];
  for (int sc = 0; sc < SCRIPT_COUNT; sc++) {
    lang_of[sc] = -1;
    for (size_t k = 0; k < cat->langs.n && lang_of[sc] < 0; k++)
      if (cat->langs.v[k].script == sc)
        lang_of[sc] = (int)k;
  }
  size_t scripts[SCRIPT_COUNT + 1] = {0}, letters = 0; /* the last: no letter */
  size_t lim = len < 4096 ? len : 4096;
  int settled = 0, by_script = -1;
  if (!other_script_leads(s, lim))
    settled = 1; /* no letter of another script: none can lead */
  /* By windows of 256 bytes, the count looked at after each. */
  for (size_t i = 0; i < lim && !settled;) {
    size_t end = lim - i > 256 ? i + 256 : lim;
    while (i < end) {
      unsigned char b = (unsigned char)s[i];
      const unsigned char *u = (const unsigned char *)s + i;
      if (b < 0x80) {
#if defined(__SSE2__)
        if (i + 16 <= lim) {
          /* sixteen ASCII bytes: their letters, folded, between a and z */
          __m128i v16 = _mm_loadu_si128((const __m128i *)(const void *)u);
          if (!_mm_movemask_epi8(v16)) {
            __m128i x = _mm_sub_epi8(_mm_or_si128(v16, _mm_set1_epi8(0x20)),
                                     _mm_set1_epi8('a'));
            __m128i in = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(25)), x);
            size_t n = popcount16((unsigned)_mm_movemask_epi8(in));
            letters += n;
            scripts[SCRIPT_LATIN] += n;
            i += 16;
            continue;
          }
        }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        uint64_t v;
        if (i + 8 <= lim && (memcpy(&v, u, 8), !(v & 0x8080808080808080ULL))) {
          /* eight ASCII bytes: count their letters at once */
          size_t n = high_bits(bytes_between(v, 0x60, 0x7B) |
                               bytes_between(v, 0x40, 0x5B));
          letters += n;
          scripts[SCRIPT_LATIN] += n;
          i += 8;
          continue;
        }
#endif
        unsigned char k = byte_class[b];
        size_t is_letter = k == B_LOWER || k == B_UPPER;
        letters += is_letter;
        scripts[SCRIPT_LATIN] += is_letter;
        i++;
        continue;
      }
      const cp2_info *e2 = cp2_at(u, len - i);
      if (e2) { /* Cyrillic, Arabic, accented Latin: by table */
        scripts[e2->script]++;
        letters += e2->script != SCRIPT_COUNT;
        i += 2;
        continue;
      }
      /* Three bytes or four (every valid two-byte form went by the table):
       * ideographs, or letters counted with Latin. */
      uint32_t cp;
      size_t k = utf8_next(u, len - i, &cp);
      if (!k) {
        i++;
        continue;
      }
      i += k;
      if (is_cjk(cp)) {
        scripts[SCRIPT_HAN] += 2; /* one ideograph is worth a few letters */
        letters++;
      } else if (cp_class(cp) == CP_LETTER) {
        scripts[SCRIPT_LATIN]++;
        letters++;
      }
    }
    if (i < lim &&
        (settled = script_settled(scripts, letters, lim - i, lang_of, &by_script)))
      break;
  }
  if (!settled)
    script_settled(scripts, letters, 0, lang_of, &by_script);
  if (by_script >= 0)
    return by_script;
  size_t counts[32] = {0}, hits = 0;
  /* The first few kilobytes are enough: stop early when one language's
   * frequent words clearly lead (looked at after every eighth hit from
   * the 24th). */
  size_t limit = len < 8192 ? len : 8192;
  size_t i = 0;
  char fold[MAX_FOLD + 8];
  while (i < limit) {
    unsigned char c = (unsigned char)s[i];
    unsigned char k = byte_class[c];
    if (k != B_LOWER && k != B_UPPER && k != B_HIGH) {
      i++;
      continue;
    }
    size_t fl = detect_word(s, len, &i, fold);
    if (!fl || fl > cat->detect_max ||
        (fl < 64 && !((cat->detect_lenmask[(unsigned char)fold[0]] >> fl) & 1)))
      continue; /* no detection word has its length and first byte */
    uint32_t cls;
    if (fl <= 8) { /* the bytes as a number (fold has 8 readable bytes) */
      uint64_t key;
      memcpy(&key, fold, 8);
      if (fl < 8)
        key &= (1ULL << (8 * fl)) - 1;
      cls = cat->detect8_cls[detect8_slot(cat, key)];
    } else {
      const word_info *wi =
          wordtab_find(cat, &cat->detect, fold, fl, word_hash(fold, fl));
      cls = wi ? wi->cls : 0;
    }
    if (!cls)
      continue;
    hits++;
    for (uint32_t m = cls; m; m &= m - 1) /* its languages */
      counts[__builtin_ctz(m)]++;
    if (hits >= 24 && (hits & 7) == 0) {
      /* A clear leader (twice the runner-up) decides. */
      size_t first = 0, second = 0;
      for (size_t b = 0; b < cat->ndetect; b++) {
        if (counts[b] > first) {
          second = first;
          first = counts[b];
        } else if (counts[b] > second) {
          second = counts[b];
        }
      }
      if (first >= 2 * second)
        break;
    }
  }
  size_t best = 0;
  int best_lang = -1;
  for (size_t b = 0; b < cat->ndetect; b++) {
    if (counts[b] > best) {
      best = counts[b];
      best_lang = catalog_lang_index(cat, cat->detect_code[b]);
    }
  }
  if (hint >= 0 && hint != best_lang) {
    /* The hint against no evidence, or against a tie: "Contributions
     * volontaires en espèces" finds "en", a frequent word of French and of
     * Spanish, once each. */
    if (!best)
      return hint;
    for (size_t b = 0; b < cat->ndetect; b++)
      if (counts[b] == best && catalog_lang_index(cat, cat->detect_code[b]) == hint)
        return hint;
  }
  /* A tie between frequent words ("II. Application de la résolution 1701
   * (2006)": "de" and "la" are French and Spanish): the language whose
   * vocabulary knows more of the words ("résolution") decides, else the
   * first. */
  size_t tied = 0;
  for (size_t b = 0; b < cat->ndetect; b++)
    tied += best && counts[b] == best;
  if (tied > 1 && hint != best_lang) { /* (a hint among them decided) */
    /* first the letters of one language and few others: "ó", "ñ" */
    int first = best_lang;
    size_t marks[32] = {0}, most_marks = 0, with_most = 0;
    for (size_t j = 0; j < limit;) {
      uint32_t cp;
      size_t n = (unsigned char)s[j] < 0x80 ? 0 : utf8_decode((const unsigned char *)s + j, len - j, &cp);
      if (!n) {
        j++;
        continue;
      }
      j += n;
      for (size_t b = 0; b < cat->ndetect; b++) {
        int li = counts[b] == best ? catalog_lang_index(cat, cat->detect_code[b]) : -1;
        if (li < 0)
          continue;
        const lang_vocab *lv = &cat->langs.v[li];
        for (size_t q = 0; q < lv->ndetect_letters; q++)
          marks[b] += lv->detect_letters[q] == cp;
      }
    }
    for (size_t b = 0; b < cat->ndetect; b++)
      if (counts[b] == best && marks[b] > most_marks) {
        most_marks = marks[b];
        with_most = 1;
        best_lang = catalog_lang_index(cat, cat->detect_code[b]);
      } else if (counts[b] == best && marks[b] && marks[b] == most_marks) {
        with_most++;
      }
    if (with_most == 1)
      return best_lang;
    best_lang = first;
    size_t known[32] = {0};
    for (size_t j = 0; j < limit;) {
      unsigned char k = byte_class[(unsigned char)s[j]];
      if (k != B_LOWER && k != B_UPPER && k != B_HIGH) {
        j++;
        continue;
      }
      size_t fl = detect_word(s, len, &j, fold);
      if (!fl)
        continue;
      uint64_t h = word_hash(fold, fl);
      for (size_t b = 0; b < cat->ndetect; b++) {
        int li = counts[b] == best ? catalog_lang_index(cat, cat->detect_code[b]) : -1;
        known[b] += li >= 0 && wordtab_find(cat, &cat->langs.v[li].words, fold, fl, h);
      }
    }
    size_t most = 0;
    for (size_t b = 0; b < cat->ndetect; b++)
      if (counts[b] == best && known[b] > most) {
        most = known[b];
        best_lang = catalog_lang_index(cat, cat->detect_code[b]);
      }
  }
  return best_lang;
}
