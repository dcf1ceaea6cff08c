/* encoding.c — which encoding a text file is in, and its text as UTF-8.
 *
 * Detection, in order: a byte-order mark; UTF-16 without one, from where
 * its zero bytes fall; UTF-8, when the bytes are valid UTF-8 or mostly so;
 * otherwise a single-byte or East Asian encoding named by uchardet, with
 * Windows-1252 (the superset of Latin-1 that Word writes) when uchardet
 * names nothing this reader trusts. Conversion goes through iconv, which
 * refuses bytes that have no meaning in the encoding: such a file is an
 * error, never a text read in part. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uchardet.h>

#include "dynlib.h"

/* uchardet, opened when a text is first found not to be UTF-8 or UTF-16
 * (src/dynlib.c); without it such texts are read as Windows-1252. */
#define UD_FNS(X)                                                              \
  X(uchardet_data_end)                                                         \
  X(uchardet_delete)                                                           \
  X(uchardet_get_charset)                                                      \
  X(uchardet_handle_data)                                                      \
  X(uchardet_new)
typedef struct {
  UD_FNS(DYNLIB_FIELD)
} ud_table;
static ud_table ud_fn;
#define UD_ENTRY(f) DYNLIB_FN(ud_table, f),
static const dynlib_entry ud_fns[] = {UD_FNS(UD_ENTRY)};
static const char *const ud_names[] = {"libuchardet.so.0", "libuchardet.so", NULL};
static dynlib_lib ud_lib = {
    .names = ud_names, .fns = ud_fns, .nfns = sizeof ud_fns / sizeof *ud_fns,
    .table = &ud_fn, .label = "uchardet", .need = "uchardet"};

/* Below, uchardet's names call through the table. */
#define uchardet_data_end ud_fn.uchardet_data_end
#define uchardet_delete ud_fn.uchardet_delete
#define uchardet_get_charset ud_fn.uchardet_get_charset
#define uchardet_handle_data ud_fn.uchardet_handle_data
#define uchardet_new ud_fn.uchardet_new

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "input.h"
#include "text.h"

/* For each byte of x below 0x80 strictly between m and n, its high bit
 * (exact: no borrow or carry crosses bytes). */
static inline uint64_t bytes_between(uint64_t x, unsigned m, unsigned n) {
  const uint64_t ones = 0x0101010101010101ULL, low7 = ones * 0x7F;
  return ((ones * (127 + n) - (x & low7)) & ~x &
          ((x & low7) + ones * (127 - m))) &
         (ones * 0x80);
}

/* Eight bytes w (read little-endian) that start a character: when they are
 * ASCII and whole two- and three-byte sequences as utf8_decode accepts
 * them (the last one may go on past them), counts those sequences into
 * *count and returns how many bytes they cover to the last whole one
 * (6 to 8); returns 0 when they hold anything else (a four-byte form, a
 * lead byte E0 or ED whose second byte must be checked, C0, C1, a stray
 * continuation byte or another invalid byte). */
static inline size_t utf8_block(uint64_t w, size_t *count) {
  const uint64_t high = 0x8080808080808080ULL;
  /* With the high bit flipped, the bytes of multi-byte forms are below
   * 0x80: continuation bytes 80..BF are 00..3F, the lead bytes C2..DF
   * 42..5F, and E1..EC, EE..EF (the three-byte forms that need no check
   * of their second byte) 61..6C, 6E..6F. */
  uint64_t hi = w & high, y = w ^ high;
  uint64_t cont = hi & ~(w << 1);
  uint64_t lead2 = bytes_between(y, 0x41, 0x60);
  uint64_t lead3 = bytes_between(y, 0x60, 0x6D) | bytes_between(y, 0x6D, 0x70);
  /* Nothing else above 0x7F (C0, C1, E0, ED, four-byte forms, F5..FF),
   * and each continuation byte where a lead byte before it wants one. */
  if ((hi & ~(cont | lead2 | lead3)) ||
      cont != ((lead2 << 8) | (lead3 << 8) | (lead3 << 16)))
    return 0;
  /* A sequence that goes on past the eight bytes is read again with the
   * next ones: the lead byte of the last one, or of the one before. */
  uint64_t leads = lead2 | lead3;
  size_t back = (size_t)(leads >> 63) + 2 * (size_t)((lead3 >> 55) & 1);
  /* the lead bytes, one bit per byte, added up by multiplying */
  *count += (size_t)(((leads >> 7) * 0x0101010101010101ULL) >> 56) - (back != 0);
  return 8 - back;
}

#if defined(__SSE2__)
/* utf8_block's test on sixteen bytes, with SSE2 (every x86-64 has it):
 * the classes of bytes as bit masks, one bit per byte. */
static inline size_t utf8_block16(const unsigned char *p, size_t *count) {
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
  unsigned hi = (unsigned)_mm_movemask_epi8(v);
  if (!hi)
    return 16; /* ASCII */
  /* As signed bytes: continuation 80..BF is -128..-65, the two-byte leads
   * C2..DF -62..-33, the three-byte leads that need no check of their
   * second byte E1..EC and EE..EF -31..-20 and -18..-17. */
  unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
  unsigned lead2 = (unsigned)_mm_movemask_epi8(
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-63)),
                    _mm_cmplt_epi8(v, _mm_set1_epi8(-32))));
  unsigned lead3 = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(
      _mm_cmpeq_epi8(v, _mm_set1_epi8(-19)),
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-32)),
                    _mm_cmplt_epi8(v, _mm_set1_epi8(-16)))));
  if ((hi & ~(cont | lead2 | lead3)) ||
      cont != (((lead2 << 1) | (lead3 << 1) | (lead3 << 2)) & 0xFFFF))
    return 0;
  unsigned leads = lead2 | lead3;
  size_t back = (size_t)(leads >> 15) + 2 * (size_t)((lead3 >> 14) & 1);
  *count += popcount16(leads) - (back != 0);
  return 16 - back;
}
#endif

/* Counts valid multi-byte and invalid sequences of UTF-8 (as utf8_decode
 * judges them). Every 1 MB it tells `release` how far it has read, so that
 * a caller holding a large file's mapping can let the pages go. */
static void utf8_survey(const unsigned char *s, size_t len, size_t *valid_mb,
                        size_t *invalid, size_t *first_invalid,
                        const input_options *opt) {
  size_t i = 0, told = 0, mb = 0;
  *valid_mb = *invalid = 0;
  *first_invalid = SIZE_MAX;
  /* Nearly every text is valid throughout: that is tested first, 1 MB at
   * a time (each part ends before a character), and counted only when it
   * is not. */
  for (size_t from = 0;;) {
    if (from >= len) {
      if (opt && opt->release)
        opt->release(opt->release_ctx, len);
      return; /* no invalid sequence; the count is not needed */
    }
    size_t to = len - from > (1u << 20) ? from + (1u << 20) : len;
    for (int back = 0; back < 3 && to < len && to > from && (s[to] & 0xC0) == 0x80; back++)
      to--;
    if (!utf8_valid(s + from, to - from))
      break;
    from = to;
    if (opt && opt->release && from < len)
      opt->release(opt->release_ctx, from);
  }
  while (i < len) {
    if (i - told >= (1u << 20)) {
      if (opt && opt->release)
        opt->release(opt->release_ctx, i);
      told = i;
    }
    /* Eight bytes at a time while they are ASCII or whole two- and
     * three-byte forms (most texts: Latin, Cyrillic, Arabic, ideographs). */
    size_t stop = len - told > (1u << 20) ? told + (1u << 20) : len;
#if defined(__SSE2__)
    while (i + 16 <= stop) {
      size_t k = utf8_block16(s + i, &mb);
      if (!k)
        break;
      i += k;
    }
#endif
    while (i + 8 <= stop) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (!(w & 0x8080808080808080ULL)) {
        i += 8;
        continue;
      }
      size_t k = utf8_block(w, &mb);
      if (!k)
        break;
      i += k;
    }
    if (i >= len)
      break;
    unsigned c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    /* The two- and three-byte forms inline (Cyrillic, Arabic, Greek; the
     * ideographs), with utf8_decode's limits: no overlong form, no
     * surrogate. */
    if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
      /* a run of them: a word of Cyrillic, Arabic or Greek */
      size_t k = 2;
      while (i + k + 1 < len && s[i + k] >= 0xC2 && s[i + k] <= 0xDF &&
             (s[i + k + 1] & 0xC0) == 0x80)
        k += 2;
      mb += k / 2;
      i += k;
      continue;
    }
    if (c >= 0xE0 && c <= 0xEF) {
      /* a run of three-byte forms: ideographs, CJK punctuation */
      size_t k = 0;
      while (i + k + 2 < len && s[i + k] >= 0xE0 && s[i + k] <= 0xEF &&
             (s[i + k + 1] & 0xC0) == 0x80 && (s[i + k + 2] & 0xC0) == 0x80 &&
             (s[i + k] != 0xE0 || s[i + k + 1] >= 0xA0) &&
             (s[i + k] != 0xED || s[i + k + 1] < 0xA0))
        k += 3;
      if (k) {
        mb += k / 3;
        i += k;
        continue;
      }
    }
    uint32_t cp;
    size_t k = utf8_decode(s + i, len - i, &cp);
    if (k) {
      mb++;
      i += k;
    } else {
      if (*first_invalid == SIZE_MAX)
        *first_invalid = i;
      (*invalid)++;
      i++;
    }
  }
  *valid_mb = mb;
  if (opt && opt->release)
    opt->release(opt->release_ctx, len);
}

/* UTF-16 without a BOM: text in a Latin or Cyrillic script has many code
 * points below U+0100 (spaces, digits, punctuation), each with a zero
 * high byte. Returns "UTF-16LE", "UTF-16BE" or NULL. */
static const char *sniff_utf16(const unsigned char *s, size_t len) {
  size_t n = len < 8192 ? len & ~(size_t)1 : 8192;
  if (n < 8)
    return NULL;
  size_t zero_even = 0, zero_odd = 0;
  size_t i = 0;
#if defined(__SSE2__)
  /* Sixteen bytes at a time: their zero bytes, at even and odd offsets. */
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    unsigned z = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128()));
    if (z) {
      zero_even += popcount16(z & 0x5555u);
      zero_odd += popcount16(z & 0xAAAAu);
    }
  }
#endif
  for (; i < n; i += 2) {
    if (!(i & 7) && i + 8 <= n) {
      /* Eight bytes without a zero byte, most of any text but UTF-16,
       * count nothing. */
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (!((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)) {
        i += 6;
        continue;
      }
    }
    zero_even += s[i] == 0;
    zero_odd += s[i + 1] == 0;
  }
  size_t pairs = n / 2;
  if (zero_odd * 5 >= pairs && zero_even * 20 <= zero_odd)
    return "UTF-16LE";
  if (zero_even * 5 >= pairs && zero_odd * 20 <= zero_even)
    return "UTF-16BE";
  return NULL;
}

/* The first NUL byte, or control characters beyond what text holds: the
 * bytes are another kind of file. Returns the offset of the first NUL or
 * SIZE_MAX when the bytes look like text. */
/* Counts the byte at k of s if it is a NUL (the first one's offset in
 * *where) or a control character that text does not hold. */
static inline void count_control(const char *s, size_t k, size_t *nul,
                                 size_t *ctl, size_t *where) {
  unsigned char c = (unsigned char)s[k];
  if (c == 0) {
    if (!*nul)
      *where = k;
    (*nul)++;
  } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
    (*ctl)++;
  }
}

static int looks_binary(const char *s, size_t len, size_t *where) {
  size_t n = len < 8192 ? len : 8192, nul = 0, ctl = 0;
  *where = 0;
  size_t i = 0;
#if defined(__SSE2__)
  /* Sixteen bytes at a time: those below 0x20, one bit each, if any (a
   * line break in most blocks of a text, a tab now and then). */
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    for (unsigned m = (unsigned)_mm_movemask_epi8(low); m; m &= m - 1)
      count_control(s, i + (size_t)__builtin_ctz(m), &nul, &ctl, where);
  }
#endif
  for (;;) {
    /* Eight bytes at a time past those with no byte below 0x20, nearly
     * all of a text (the test may flag a byte that is not one: those
     * eight are then looked at one by one). */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if ((w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL)
        break;
      i += 8;
    }
    if (i >= n)
      break;
    size_t stop = i + 8 < n ? i + 8 : n;
    for (; i < stop; i++)
      count_control(s, i, &nul, &ctl, where);
  }
  return nul >= 4 || (n >= 64 && (nul + ctl) * 20 > n);
}

/* The encodings uchardet may name that UN texts are found in. Others
 * (Mac or DOS code pages for Western text, say) are more often a wrong
 * guess on a short Windows-1252 file than the truth. */
static const char *trusted_guess(const char *name) {
  static const char *const ok[] = {
      "WINDOWS-1251", "KOI8-R",    "ISO-8859-5", "IBM866",     "WINDOWS-1256",
      "ISO-8859-6",   "GB18030",   "BIG5",       "EUC-TW",     "SHIFT_JIS",
      "EUC-JP",       "EUC-KR",    "ISO-8859-2", "WINDOWS-1250", "ISO-8859-7",
      "WINDOWS-1253", "WINDOWS-1255", "ISO-8859-8", "ISO-8859-9", "WINDOWS-1254"};
  for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
    if (strcasecmp(name, ok[i]) == 0)
      return ok[i];
  return NULL;
}

static const char *detect_legacy(const char *bytes, size_t len) {
  const char *pick = "WINDOWS-1252";
  if (dynlib_use(&ud_lib))
    return pick;
  uchardet_t ud = uchardet_new();
  if (ud) {
    if (uchardet_handle_data(ud, bytes, len) == 0) {
      uchardet_data_end(ud);
      const char *name = uchardet_get_charset(ud);
      const char *t = name ? trusted_guess(name) : NULL;
      if (t)
        pick = t;
    }
    uchardet_delete(ud);
  }
  return pick;
}

/* Converts with iconv; on a byte iconv refuses, says where. */
static cg_status convert(const char *bytes, size_t len, const char *from,
                         char **out, size_t *out_len, cg_diag *diag) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) {
    diag_set(diag, NULL, 0, 0, "unknown encoding '%s'", from);
    return CG_ERR_ARG;
  }
  size_t cap = len * 2 + 16, o = 0;
  char *buf = malloc(cap);
  cg_status st = CG_OK;
  if (!buf) {
    st = CG_ERR_NOMEM;
    goto cleanup;
  }
  char *in = (char *)bytes;
  size_t left = len;
  for (;;) {
    char *dst = buf + o;
    size_t room = cap - o - 1;
    size_t r = left ? iconv(cd, &in, &left, &dst, &room)
                    : iconv(cd, NULL, NULL, &dst, &room);
    o = (size_t)(dst - buf);
    if (r != (size_t)-1) {
      if (!left)
        break;
      continue;
    }
    if (errno == E2BIG) {
      if (cap > SIZE_MAX / 2) {
        st = CG_ERR_NOMEM;
        goto cleanup;
      }
      cap *= 2;
      char *p = realloc(buf, cap);
      if (!p) {
        st = CG_ERR_NOMEM;
        goto cleanup;
      }
      buf = p;
      continue;
    }
    size_t at = (size_t)(in - bytes);
    if (errno == EINVAL)
      diag_set(diag, NULL, 0, 0,
               "cannot be read as %s: truncated sequence at byte %zu "
               "(the file ends inside a character)",
               from, at);
    else
      diag_set(diag, NULL, 0, 0,
               "cannot be read as %s: byte %zu (0x%02X) has no meaning in it",
               from, at, (unsigned char)bytes[at]);
    st = CG_ERR_INPUT;
    goto cleanup;
  }
  buf[o] = '\0';
  /* A converted BOM is not text. */
  if (o >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
      (unsigned char)buf[2] == 0xBF) {
    memmove(buf, buf + 3, o - 2);
    o -= 3;
  }
  *out = buf;
  *out_len = o;
  buf = NULL;
cleanup:
  if (st == CG_ERR_NOMEM)
    diag_set(diag, NULL, 0, 0, "out of memory");
  free(buf);
  iconv_close(cd);
  return st;
}

static void lower_copy(char *dst, const char *src, size_t cap) {
  size_t i = 0;
  for (; src[i] && i + 1 < cap; i++)
    dst[i] = (char)((src[i] >= 'A' && src[i] <= 'Z') ? src[i] + 32 : src[i]);
  dst[i] = '\0';
}

static int is_utf8_name(const char *e) {
  return strcasecmp(e, "utf-8") == 0 || strcasecmp(e, "utf8") == 0;
}

cg_status input_decode(const char *bytes, size_t len, const input_options *opt,
                       char **out, size_t *out_len, char *used,
                       cg_diag *diag) {
  const unsigned char *s = (const unsigned char *)bytes;
  const char *forced = opt ? opt->encoding : NULL;
  *out = NULL;
  *out_len = 0;
  used[0] = '\0';
  const char *from = NULL;
  if (forced && forced[0]) {
    if (is_utf8_name(forced)) {
      snprintf(used, 32, "utf-8");
      return CG_OK;
    }
    from = forced;
  } else if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
    snprintf(used, 32, "utf-8");
    return CG_OK; /* kept as it is: offsets stay file offsets */
  } else if (len >= 4 && s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0) {
    from = "UTF-32LE";
  } else if (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF) {
    from = "UTF-32BE";
  } else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
    from = "UTF-16LE";
  } else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
    from = "UTF-16BE";
  } else {
    from = sniff_utf16(s, len);
  }
  size_t where;
  if (!from) {
    if (looks_binary(bytes, len, &where)) {
      const char *nul = memchr(bytes, '\0', len);
      diag_set(diag, NULL, 0, 0,
               "binary file (%s at byte %zu), not a text this reader knows",
               nul ? "NUL byte" : "control characters", nul ? where : 0);
      return CG_ERR_INPUT;
    }
    size_t valid_mb, invalid, first_invalid;
    utf8_survey(s, len, &valid_mb, &invalid, &first_invalid, opt);
    /* Damage in a UTF-8 file is rare and local; a legacy encoding's
     * accented letters are nearly all invalid UTF-8. */
    if (invalid == 0 || valid_mb >= invalid) {
      snprintf(used, 32, "utf-8");
      return CG_OK;
    }
    from = detect_legacy(bytes, len);
  }
  cg_status st = convert(bytes, len, from, out, out_len, diag);
  if (st)
    return st;
  if (looks_binary(*out, *out_len, &where)) {
    free(*out);
    *out = NULL;
    *out_len = 0;
    diag_set(diag, NULL, 0, 0,
             "read as %s, the text holds control characters: not a text "
             "file, or another encoding (give it with --encoding)",
             from);
    return CG_ERR_INPUT;
  }
  lower_copy(used, from, 32);
  return CG_OK;
}
