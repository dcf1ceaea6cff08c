/* lex.c — the scanner: bytes to tokens in one pass. */
#include "lex.h"

#include <string.h>

#include "text.h"


/* Byte classes for the ASCII fast path. */
enum { B_OTHER, B_LOWER, B_UPPER, B_DIGIT, B_SPACE, B_NL, B_HIGH };

static unsigned char byte_class[256];
static int byte_class_ready;

/* What text.c says of each two-byte code point (U+0080..U+07FF: Latin,
 * Greek, Cyrillic, Arabic), so that the scanner's hot loops read a table
 * instead of decoding, classing and folding: class, upper case, and the
 * folded form (one or two code points, each of one or two bytes). */
typedef struct {
  unsigned char cls, upper, n, len[2];
  char fold[2][2];
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
  byte_class_ready = 1;
}

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
  token *t = &o->v[o->n++];
  t->start = (uint32_t)start;
  t->end = (uint32_t)end;
  t->type = (uint8_t)type;
  t->flags = (uint8_t)((lx->line_first ? F_LINESTART : 0) |
                       (lx->space ? F_SPACE : 0));
  t->roman = 0;
  t->cls = t->wid = t->val = t->val2 = t->alt = 0;
  lx->line_first = 0;
  lx->space = 0;
  lx->line_content = 1;
  lx->calm = 0;
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

static const word_info *lookup(const lexer *lx, const char *w, size_t n) {
  if (!n || n >= 64 || !((lx->lv->lenmask[(unsigned char)w[0]] >> n) & 1))
    return NULL;
  uint64_t h = word_hash(w, n);
  if (!((lx->lv->bloom[(h >> 40) & (BLOOM_BITS / 64 - 1)] >> (h & 63)) & 1))
    return NULL;
  return wordtab_find(lx->cat, &lx->lv->words, w, n, h);
}

/* A word not found as it stands may carry clitics (Arabic "وبالقرار" is
 * و + ب + ال + قرار) or a pronoun suffix ("قراره", its resolution): tries
 * each listed prefix, then each suffix. */
static const word_info *lookup_affixed(const lexer *lx, const char *w,
                                       size_t n, int *poss) {
  const lang_vocab *lv = lx->lv;
  *poss = 0;
  for (size_t p = 0; p <= lv->naffixes[0]; p++) {
    size_t lp = 0;
    if (p < lv->naffixes[0]) {
      const char *pre = lv->affixes[0][p];
      lp = lv->affix_len[0][p];
      size_t m = 0;
      while (m < lp && m < n && pre[m] == w[m])
        m++;
      if (m < lp || lp >= n)
        continue;
      /* What the prefix stands for comes first: "للجمعية" is ل + "الجمعية",
       * whatever "جمعية" may be on its own. */
      const word_info *wi;
      size_t lr = lv->restore_len[p];
      if (lr && lr + n - lp < MAX_FOLD) {
        char again[MAX_FOLD];
        memcpy(again, lv->restore[p], lr);
        memcpy(again + lr, w + lp, n - lp);
        if ((wi = lookup(lx, again, lr + n - lp)))
          return wi;
      }
      if ((wi = lookup(lx, w + lp, n - lp)))
        return wi;
    }
    for (size_t s = 0; s < lv->naffixes[1]; s++) {
      const char *suf = lv->affixes[1][s];
      size_t ls = lv->affix_len[1][s];
      if (lp + ls + 4 > n)
        continue;
      size_t m = 0;
      while (m < ls && suf[m] == w[n - ls + m])
        m++;
      if (m < ls)
        continue;
      const word_info *wi = lookup(lx, w + lp, n - lp - ls);
      if (wi) {
        *poss = 1;
        return wi;
      }
    }
  }
  return NULL;
}

/* A run of ideographs, cut into the longest vocabulary words; what no word
 * covers becomes gaps. After 第, Chinese numerals become numbers. */
static size_t scan_cjk(lexer *lx, size_t i) {
  const char *s = lx->s;
  size_t len = lx->len;
  size_t off[129];
  uint32_t cps[128];
  size_t n = 0, p = i;
  int three = 1; /* every character of the run is three bytes long */
  while (p < len && n < 128) {
    uint32_t cp;
    size_t k;
    const unsigned char *u = (const unsigned char *)s + p;
    if (u[0] >= 0xE3 && u[0] <= 0xE9 && p + 2 < len && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80) {
      /* three-byte sequences, where the ideographs are: decoded inline */
      cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
           (u[2] & 0x3F);
      k = 3;
    } else {
      k = utf8_decode(u, len - p, &cp);
    }
    if (!k || !is_cjk(cp))
      break;
    three &= k == 3;
    off[n] = p;
    cps[n++] = cp;
    p += k;
  }
  off[n] = p;
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
    const word_info *wi = NULL;
    size_t b = a;
    /* Only the lengths of the words that start with this character, the
     * longest first. */
    uint64_t lens = lx->lv->first_lens[first_char_hash(s + off[a], off[n] - off[a])];
    size_t rest = off[n] - off[a];
    if (rest < 63)
      lens &= (2ULL << rest) - 1; /* no longer than what is left */
    if (three)
      lens &= 0x9249249249249248ULL; /* whole characters: multiples of 3 */
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
      if (off[e] - off[a] == bytes && (wi = lookup(lx, s + off[a], bytes)))
        b = e;
    }
    if (wi) {
      token *t = push(lx, T_WORD, off[a], off[b]);
      if (!t)
        return (size_t)-1;
      t->cls = wi->cls;
      t->wid = wi->wid;
      t->val = wi->month;
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

/* Scans a word starting at i (a letter). Returns the end offset. */
static size_t scan_word(lexer *lx, size_t i, token **made) {
  const char *s = lx->s;
  size_t len = lx->len, start = i;
  char buf[MAX_FOLD + 8];
  const char *fold = buf;
  size_t fl = 0;
  int cap = 0, all_upper = 1;
  *made = NULL;

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
        else if (!upper)
          all_upper = 0;
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
      else if (!e2->upper && cp >= 0xC0 && cp < 0x500)
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
    if (cls == CP_MARK) {
      i += n;
      continue;
    }
    if (cls != CP_LETTER || (lx->lv->segment && is_cjk(cp)))
      break;
    if (first)
      cap = cp_is_upper(cp);
    else if (!cp_is_upper(cp) && cp >= 0xC0 && cp < 0x500)
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
lookup:;
  size_t n = i - start;
  const word_info *wi = NULL;
  int poss = 0;
  if (fl && fl < 64 && ((lx->lv->lenmask[(unsigned char)fold[0]] >> fl) & 1)) {
    uint64_t h = word_hash_fast(fold, fl);
    if ((lx->lv->bloom[(h >> 40) & (BLOOM_BITS / 64 - 1)] >> (h & 63)) & 1)
      wi = wordtab_find(lx->cat, &lx->lv->words, fold, fl, h);
  }
  const word_info *alt = NULL;
  if (fl <= MAX_FOLD && (lx->lv->naffixes[0] || lx->lv->naffixes[1])) {
    if (!wi) {
      wi = lookup_affixed(lx, fold, fl, &poss);
    } else {
      /* A word as it stands may also be clitics and a word that starts a
       * title: both readings go on to the phrase matcher. */
      int alt_poss;
      alt = lookup_affixed(lx, fold, fl, &alt_poss);
      if (alt && (alt->wid == wi->wid || !(alt->cls & W_PHRASE)))
        alt = NULL;
    }
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
  if (!cap && !roman && !(wi && ((wi->cls & W_STRONG) || !wi->cls)))
    lx->calm = calm + 1; /* prose goes on: "the", "of", unknown words; a
                            word found only inside names ("criminalité")
                            may continue one, so it does not count */
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
  if (wi) {
    t->cls = wi->cls;
    t->wid = wi->wid;
    t->val = wi->month;
    t->val2 = wi->ordnum;
  }
  if (alt) {
    t->cls |= W_PHRASE;
    t->alt = alt->wid;
  }
  *made = t;
  return i;
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
      if (r < len && s[r] == '/')
        break;
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
  case 0x300A: case 0x300B: case 0x300C: case 0x300D: return '"'; /* 《》「」 */
  case 0xFF0C: case 0x3001: case 0x060C: return ',';
  case 0xFF1B: case 0x061B: return ';';
  case 0xFF1A: return ':';
  case 0x3002: case 0xFF0E: return '.';
  case 0xFF0F: return '/';
  default: return '?';
  }
}

/* Where lower-case prose ends: from i (the start of a lower-case word),
 * steps over words of lower-case letters separated by single spaces or
 * ", " until a byte that may begin or touch a citation (a capital, a
 * digit, other punctuation, a line break). Returns where scanning must
 * resume to keep two words of context before that byte, and stores in
 * *gap_end the end of the prose to fold into a gap; returns i when there
 * is too little prose to be worth skipping. Every citation holds a digit
 * or a capital, so no citation starts or ends inside the skipped prose. */
static size_t skim(const char *s, size_t len, size_t i, size_t *gap_end) {
  /* Forward to the end of the run's last word, eight bytes at a time while
   * they are lower-case ASCII letters and single spaces before letters. */
  size_t p = i;
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
    break;
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
    if (b == i)
      return i; /* three words or fewer */
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
  if (!byte_class_ready)
    init_byte_class();
  memset(lx, 0, sizeof *lx);
  lx->cat = cat;
  lx->lv = lv;
  lx->s = s;
  lx->len = len;
  lx->out = out;
  lx->line_first = 1;
  lx->pos = from;
  out->n = 0;
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
}

int lex_chunk(lex_state *state, size_t soft_max, size_t hard_max) {
  lexer *lx = state;
  const cg_catalog *cat = lx->cat;
  const lang_vocab *lv = lx->lv;
  const char *s = lx->s;
  size_t len = lx->len;
  token_list *out = lx->out;
  out->n = 0;
  size_t i = lx->pos;
  int blank_run = lx->blank_run;
  lx->forced = 0;
  while (i < len) {
    if (out->n >= soft_max &&
        (out->v[out->n - 1].type == T_BREAK || out->n >= hard_max)) {
      lx->forced = out->v[out->n - 1].type != T_BREAK;
      break;
    }
    unsigned char c = (unsigned char)s[i];
    switch (byte_class[c]) {
    case B_SPACE:
      lx->space = 1;
      do
        i++;
      while (i < len && byte_class[(unsigned char)s[i]] == B_SPACE);
      continue;
    case B_NL:
      if (!lx->line_content && !blank_run && out->n) {
        if (!push(lx, T_BREAK, i, i + 1))
          return -1;
        blank_run = 1;
      }
      lx->line_content = 0;
      lx->line_first = 1;
      lx->space = 1;
      i++;
      continue;
    case B_LOWER:
      if (lx->calm >= 3 && lx->space && !lx->line_first && out->n) {
        /* Deep in prose: skip to the next place that can matter. */
        size_t gap_end, resume = skim(s, len, i, &gap_end);
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
      {
        /* A word of lower-case letters, ASCII ones first, the commonest
         * word, has its own path: scan_word's steps for such a word (no
         * capital, no roman numeral, no affix), looked up in place when
         * it is ASCII. */
        size_t e = i + 1;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        while (e + 8 <= len) {
          uint64_t v;
          memcpy(&v, s + e, 8);
          uint64_t stop = ~bytes_between(v, 0x60, 0x7B) & 0x8080808080808080ULL;
          if (stop) {
            e += (unsigned)__builtin_ctzll(stop) / 8;
            goto word_end;
          }
          e += 8;
        }
#endif
        while (e < len && byte_class[(unsigned char)s[e]] == B_LOWER)
          e++;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      word_end:;
#endif
        size_t n = e - i;
        unsigned char next = e < len ? byte_class[(unsigned char)s[e]] : B_SPACE;
        if (i + 8 > len || lv->naffixes[0] || lv->naffixes[1])
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
        const word_info *wi = NULL;
        if (kn < 64 && ((lv->lenmask[c] >> kn) & 1)) {
          uint64_t h = word_hash_fast(key, kn);
          if ((lv->bloom[(h >> 40) & (BLOOM_BITS / 64 - 1)] >> (h & 63)) & 1)
            wi = wordtab_find(cat, &lv->words, key, kn, h);
        }
        if (!wi && n > 1 && !lx->line_first && out->n && lx->space &&
            join_gap(lx, e)) {
          ;
        } else {
          unsigned calm = lx->calm;
          token *t = push(lx, wi || n == 1 ? T_WORD : T_GAP, i, e);
          if (!t)
            return -1;
          if (!(wi && ((wi->cls & W_STRONG) || !wi->cls)))
            lx->calm = calm + 1;
          if (wi) {
            t->cls = wi->cls;
            t->wid = wi->wid;
            t->val = wi->month;
            t->val2 = wi->ordnum;
          }
        }
        i = e;
        if (i < len && s[i] == ' ' && out->n < soft_max) { /* its space */
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
        /* "S-30/1", "ES-10/14": special and emergency sessions. */
        size_t j = i + (c == 'E' && i + 1 < len && s[i + 1] == 'S' ? 2 : 1);
        if ((c == 'S' || j == i + 2) && j + 1 < len && s[j] == '-' &&
            is_digit_at(s, len, j + 1) &&
            (i == 0 || !(byte_class[(unsigned char)s[i - 1]] == B_LOWER ||
                         byte_class[(unsigned char)s[i - 1]] == B_UPPER))) {
          uint32_t a, b;
          size_t nd, nd2;
          size_t k = scan_digits(s, len, j + 1, &a, &nd);
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
      if (c >= 'A' && c <= 'Z' &&
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
      if (c >= 'A' && c <= 'Z' && i + 1 < len &&
          byte_class[(unsigned char)s[i + 1]] == B_LOWER && !lv->naffixes[0] &&
          !lv->naffixes[1]) {
        /* A capital and lower-case ASCII letters ("United", "Convention"),
         * the commonest word after the lower-case ones: scan_word's steps
         * for such a word (a capital, no roman numeral, no affix). */
        e = i + 2;
        while (e < len && e - i < 64 && byte_class[(unsigned char)s[e]] == B_LOWER)
          e++;
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
        const word_info *wi = NULL;
        if ((lv->lenmask[(unsigned char)w[0]] >> kn) & 1) {
          uint64_t h = word_hash_fast(w, kn);
          if ((lv->bloom[(h >> 40) & (BLOOM_BITS / 64 - 1)] >> (h & 63)) & 1)
            wi = wordtab_find(cat, &lv->words, w, kn, h);
        }
        t = push(lx, wi ? T_WORD : T_GAP, i, e);
        if (!t)
          return -1;
        t->flags |= F_CAP;
        if (wi) {
          t->cls = wi->cls;
          t->wid = wi->wid;
          t->val = wi->month;
          t->val2 = wi->ordnum;
        }
      } else {
      any_word:
        e = scan_word(lx, i, &t);
        if (e == (size_t)-1)
          return -1;
      }
      i = e;
      /* The space after a word, at once (not at a chunk's end: a chunk ends
       * where its last token does). */
      if (i < len && s[i] == ' ' && out->n < soft_max) {
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
      uint32_t cp;
      size_t n;
      int cls;
      const cp2_info *e2 = cp2_at((const unsigned char *)s + i, len - i);
      if (e2) {
        n = 2;
        cp = ((uint32_t)(c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
        cls = e2->cls;
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
      t->val = (uint32_t)map_punct(cp);
      i += n;
      continue;
    }
    default: {
      /* Punctuation that is never markup, the common case, goes straight
       * to a token; other bytes may open markup, a rule or be NUL. */
      if (!(c == ',' || c == '.' || c == '(' || c == ')' || c == ';' ||
            c == ':')) {
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
          continue;
        }
        if (c == 0) {
          lx->space = 1;
          i++;
          continue;
        }
      }
      blank_run = 0;
      token *t = push(lx, T_PUNCT, i, i + 1);
      if (!t)
        return -1;
      t->val = c;
      i++;
      if (i < len && s[i] == ' ' && out->n < soft_max) {
        lx->space = 1;
        i++;
      }
      continue;
    }
    }
  }
  lx->pos = i;
  lx->blank_run = blank_run;
  /* Mark the full stops that end sentences. */
  for (size_t k = 0; k < out->n; k++) {
    token *t = &out->v[k];
    if (t->type != T_PUNCT || t->val != '.')
      continue;
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
 * one more letter; an ideograph counts twice). Returns 1 when it is
 * settled: *lang is then the script's language, or -1 when no script but
 * Latin can win. */
static int script_settled(const size_t *scripts, size_t letters, size_t left,
                          const int *lang_of, int *lang) {
  for (int sc = SCRIPT_CYRILLIC; sc < SCRIPT_COUNT; sc++) {
    if (lang_of[sc] < 0)
      continue; /* no language writes it: never chosen */
    size_t gain = sc == SCRIPT_HAN ? 3 * left : left;
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

int lex_detect_language(const cg_catalog *cat, const char *s, size_t len) {
  if (!byte_class_ready)
    init_byte_class();
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
  size_t scripts[SCRIPT_COUNT] = {0}, letters = 0;
  size_t lim = len < 4096 ? len : 4096;
  int settled = 0, by_script = -1;
  for (size_t i = 0, check = 256; i < lim;) {
    if (i >= check) {
      check = i + 256;
      if ((settled = script_settled(scripts, letters, lim - i, lang_of, &by_script)))
        break;
    }
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      if (i + 8 <= lim) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        if (!(v & 0x8080808080808080ULL)) {
          /* eight ASCII bytes: count their letters at once */
          size_t n = high_bits(bytes_between(v, 0x60, 0x7B) |
                               bytes_between(v, 0x40, 0x5B));
          letters += n;
          scripts[SCRIPT_LATIN] += n;
          i += 8;
          continue;
        }
      }
#endif
      unsigned char k = byte_class[b];
      if (k == B_LOWER || k == B_UPPER) {
        letters++;
        scripts[SCRIPT_LATIN]++;
      }
      i++;
      continue;
    }
    uint32_t cp;
    size_t k;
    int cls = -1;
    const cp2_info *e2 = cp2_at((const unsigned char *)s + i, len - i);
    if (e2) {
      cp = ((uint32_t)(b & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
      cls = e2->cls;
      k = 2;
    } else if (!(k = utf8_decode((const unsigned char *)s + i, len - i, &cp))) {
      i++;
      continue;
    }
    i += k;
    if (cp >= 0x0400 && cp <= 0x052F) {
      scripts[SCRIPT_CYRILLIC]++;
      letters++;
    } else if (cp >= 0x0620 && cp <= 0x06FF) {
      scripts[SCRIPT_ARABIC]++;
      letters++;
    } else if (is_cjk(cp)) {
      scripts[SCRIPT_HAN] += 2; /* one ideograph is worth a few letters */
      letters++;
    } else if ((cls >= 0 ? cls : cp_class(cp)) == CP_LETTER) {
      scripts[SCRIPT_LATIN]++;
      letters++;
    }
  }
  if (!settled)
    script_settled(scripts, letters, 0, lang_of, &by_script);
  if (by_script >= 0)
    return by_script;
  size_t counts[32] = {0}, hits = 0;
  /* The first few kilobytes are enough: stop early when one language's
   * frequent words clearly lead. */
  size_t limit = len < 8192 ? len : 8192;
  size_t i = 0;
  char fold[MAX_FOLD + 8];
  while (i < limit) {
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
    unsigned char c = (unsigned char)s[i];
    unsigned char k = byte_class[c];
    if (k != B_LOWER && k != B_UPPER && k != B_HIGH) {
      i++;
      continue;
    }
    /* The run of letters, folded as it goes (as text.c's fold_word folds
     * letters: a run never outgrows the buffer). */
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
      i++; /* a byte that is neither a letter nor valid UTF-8 */
      continue;
    }
    if (i - start > MAX_FOLD)
      continue;
    if (!fl || fl > cat->detect_max)
      continue;
    const word_info *wi =
        wordtab_find(cat, &cat->detect, fold, fl, word_hash(fold, fl));
    if (!wi)
      continue;
    hits++;
    for (size_t b = 0; b < cat->ndetect; b++)
      if (wi->cls & (1u << b))
        counts[b]++;
  }
  size_t best = 0;
  int best_lang = -1;
  for (size_t b = 0; b < cat->ndetect; b++) {
    if (counts[b] > best) {
      best = counts[b];
      best_lang = catalog_lang_index(cat, cat->detect_code[b]);
    }
  }
  return best_lang;
}
