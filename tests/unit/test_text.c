/* test_text.c — UTF-8 decoding, character classes and folding. */
#include <stdint.h>
#include <string.h>

#include "suites.h"
#include "text.h"

/* Decodes s (n bytes); returns the length and stores the code point. */
static size_t dec(const char *s, size_t n, uint32_t *cp) {
  *cp = 0xFFFFFFFFu;
  return utf8_decode((const unsigned char *)s, n, cp);
}

START_TEST(decode_valid_sequences) {
  uint32_t cp;
  ck_assert_uint_eq(dec("A", 1, &cp), 1);
  ck_assert_uint_eq(cp, 'A');
  ck_assert_uint_eq(dec("\0", 1, &cp), 1);
  ck_assert_uint_eq(cp, 0);
  ck_assert_uint_eq(dec("\x7f", 1, &cp), 1);
  ck_assert_uint_eq(cp, 0x7F);
  ck_assert_uint_eq(dec("\xc2\x80", 2, &cp), 2); /* smallest 2-byte */
  ck_assert_uint_eq(cp, 0x80);
  ck_assert_uint_eq(dec("\xc3\xa9", 2, &cp), 2); /* é */
  ck_assert_uint_eq(cp, 0xE9);
  ck_assert_uint_eq(dec("\xdf\xbf", 2, &cp), 2);
  ck_assert_uint_eq(cp, 0x7FF);
  ck_assert_uint_eq(dec("\xe0\xa0\x80", 3, &cp), 3); /* smallest 3-byte */
  ck_assert_uint_eq(cp, 0x800);
  ck_assert_uint_eq(dec("\xe2\x82\xac", 3, &cp), 3); /* € */
  ck_assert_uint_eq(cp, 0x20AC);
  ck_assert_uint_eq(dec("\xed\x9f\xbf", 3, &cp), 3); /* just below surrogates */
  ck_assert_uint_eq(cp, 0xD7FF);
  ck_assert_uint_eq(dec("\xee\x80\x80", 3, &cp), 3); /* just above them */
  ck_assert_uint_eq(cp, 0xE000);
  ck_assert_uint_eq(dec("\xef\xbf\xbf", 3, &cp), 3);
  ck_assert_uint_eq(cp, 0xFFFF);
  ck_assert_uint_eq(dec("\xf0\x90\x80\x80", 4, &cp), 4); /* smallest 4-byte */
  ck_assert_uint_eq(cp, 0x10000);
  ck_assert_uint_eq(dec("\xf0\x9f\x98\x80", 4, &cp), 4); /* 😀 */
  ck_assert_uint_eq(cp, 0x1F600);
  ck_assert_uint_eq(dec("\xf4\x8f\xbf\xbf", 4, &cp), 4); /* largest */
  ck_assert_uint_eq(cp, 0x10FFFF);
  /* Only the first sequence is read. */
  ck_assert_uint_eq(dec("\xc3\xa9\xc3\xa9", 4, &cp), 2);
  ck_assert_uint_eq(cp, 0xE9);
}
END_TEST

START_TEST(decode_rejects_invalid_bytes) {
  uint32_t cp;
  ck_assert_uint_eq(dec("\x80", 1, &cp), 0);     /* lone continuation */
  ck_assert_uint_eq(dec("\xbf\x80", 2, &cp), 0);
  ck_assert_uint_eq(dec("\xf5\x80\x80\x80", 4, &cp), 0); /* F5..FF never */
  ck_assert_uint_eq(dec("\xff", 1, &cp), 0);
  ck_assert_uint_eq(dec("\xfe", 1, &cp), 0);
  ck_assert_uint_eq(dec("\xc3" "A", 2, &cp), 0); /* not a continuation */
  ck_assert_uint_eq(dec("\xe2\x82" "A", 3, &cp), 0);
  ck_assert_uint_eq(dec("\xf0\x9f\x98" "A", 4, &cp), 0);
  ck_assert_uint_eq(dec("\xe2\xc3\xa9", 3, &cp), 0);
}
END_TEST

START_TEST(decode_rejects_truncated_sequences) {
  uint32_t cp;
  /* Valid prefixes cut short by n. */
  ck_assert_uint_eq(dec("\xc3\xa9", 1, &cp), 0);
  ck_assert_uint_eq(dec("\xe2\x82\xac", 2, &cp), 0);
  ck_assert_uint_eq(dec("\xe2\x82\xac", 1, &cp), 0);
  ck_assert_uint_eq(dec("\xf0\x9f\x98\x80", 3, &cp), 0);
  ck_assert_uint_eq(dec("\xf0\x9f\x98\x80", 1, &cp), 0);
}
END_TEST

START_TEST(decode_rejects_overlong_forms) {
  uint32_t cp;
  ck_assert_uint_eq(dec("\xc0\x80", 2, &cp), 0);  /* NUL in 2 bytes */
  ck_assert_uint_eq(dec("\xc1\xbf", 2, &cp), 0);  /* 0x7F in 2 bytes */
  ck_assert_uint_eq(dec("\xc0\xaf", 2, &cp), 0);  /* '/' in 2 bytes */
  ck_assert_uint_eq(dec("\xe0\x80\x80", 3, &cp), 0);
  ck_assert_uint_eq(dec("\xe0\x9f\xbf", 3, &cp), 0); /* 0x7FF in 3 bytes */
  ck_assert_uint_eq(dec("\xf0\x80\x80\x80", 4, &cp), 0);
  ck_assert_uint_eq(dec("\xf0\x8f\xbf\xbf", 4, &cp), 0); /* 0xFFFF in 4 */
}
END_TEST

START_TEST(decode_rejects_surrogates_and_beyond_unicode) {
  uint32_t cp;
  ck_assert_uint_eq(dec("\xed\xa0\x80", 3, &cp), 0); /* U+D800 */
  ck_assert_uint_eq(dec("\xed\xad\xbf", 3, &cp), 0); /* U+DB7F */
  ck_assert_uint_eq(dec("\xed\xb0\x80", 3, &cp), 0); /* U+DC00 */
  ck_assert_uint_eq(dec("\xed\xbf\xbf", 3, &cp), 0); /* U+DFFF */
  ck_assert_uint_eq(dec("\xf4\x90\x80\x80", 4, &cp), 0); /* U+110000 */
  ck_assert_uint_eq(dec("\xf4\xbf\xbf\xbf", 4, &cp), 0);
}
END_TEST

/* utf8_valid says of a whole buffer what utf8_decode says of each of its
 * sequences: checked on every two- to four-byte pattern of interesting
 * bytes, at several offsets and across 32-byte block ends, and on
 * random mixtures of ASCII, Cyrillic, ideographs and damage. */
static int valid_by_decode(const unsigned char *s, size_t n) {
  uint32_t cp;
  for (size_t i = 0; i < n;) {
    size_t k = utf8_decode(s + i, n - i, &cp);
    if (!k)
      return 0;
    i += k;
  }
  return 1;
}

START_TEST(valid_agrees_with_decode) {
  static const unsigned char probe[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
                                        0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                        0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1,
                                        0xF3, 0xF4, 0xF5, 0xFF};
  const size_t np = sizeof probe;
  unsigned char buf[64];
  size_t checked = 0;
  for (size_t a = 0; a < np; a++)
    for (size_t b = 0; b < np; b++)
      for (size_t c = 0; c < np; c++)
        for (size_t w = 0; w < 5; w++) {
          /* inside a block and across the first block's end */
          static const size_t ats[] = {10, 29, 30, 31, 33};
          size_t at = ats[w];
          /* ASCII around three probe bytes, then a valid continuation */
          memset(buf, 'x', sizeof buf);
          buf[at] = probe[a];
          buf[at + 1] = probe[b];
          buf[at + 2] = probe[c];
          buf[at + 3] = 0x80 | (unsigned char)(a + c);
          for (size_t n = at + 1; n <= at + 5; n += 2) {
            for (int way = 0; way < 2; way++)
              ck_assert_int_eq(utf8_valid_by(buf, n, way), valid_by_decode(buf, n));
            checked++;
          }
        }
  /* random texts: mostly valid characters, some damage */
  static const char *const pieces[] = {"a", " ", "\xd1\x80", "\xd0\x9f", "\xd8\xa7",
                                       "\xe5\x86\xb3", "\xf0\x9f\x98\x80", "\xc3\xa9",
                                       "\xef\xbc\x8c", "\xe2\x80\x94"};
  uint64_t r = 0x9E3779B97F4A7C15ULL;
  for (int round = 0; round < 4000; round++) {
    char text[200];
    size_t n = 0;
    size_t want = 20 + (size_t)round % 160; /* across block ends */
    while (n < want) {
      r = r * 6364136223846793005ULL + 1442695040888963407ULL;
      const char *p = pieces[(r >> 33) % 10];
      size_t k = strlen(p);
      memcpy(text + n, p, k);
      n += k;
    }
    r = r * 6364136223846793005ULL + 1442695040888963407ULL;
    if (round % 2) /* one byte changed, or the text cut */
      text[(r >> 33) % n] = (char)(r >> 20);
    size_t m = round % 3 ? n : (size_t)((r >> 40) % n);
    for (int way = 0; way < 2; way++)
      ck_assert_int_eq(utf8_valid_by((const unsigned char *)text, m, way),
                       valid_by_decode((const unsigned char *)text, m));
    checked++;
  }
  ck_assert_uint_gt(checked, 100000);
  ck_assert(utf8_valid((const unsigned char *)"", 0));
}
END_TEST

START_TEST(encode_round_trips) {
  const uint32_t cps[] = {0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x20AC,
                          0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
  for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
    char buf[4];
    size_t n = utf8_encode(cps[i], buf);
    ck_assert_uint_eq(n, cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2
                         : cps[i] < 0x10000 ? 3 : 4);
    uint32_t back;
    ck_assert_uint_eq(dec(buf, n, &back), n);
    ck_assert_uint_eq(back, cps[i]);
  }
}
END_TEST

START_TEST(classes_of_code_points) {
  ck_assert_int_eq(cp_class('a'), CP_LETTER);
  ck_assert_int_eq(cp_class('Z'), CP_LETTER);
  ck_assert_int_eq(cp_class('7'), CP_DIGIT);
  ck_assert_int_eq(cp_class(' '), CP_SPACE);
  ck_assert_int_eq(cp_class('\t'), CP_SPACE);
  ck_assert_int_eq(cp_class('\n'), CP_SPACE);
  ck_assert_int_eq(cp_class('/'), CP_OTHER);
  ck_assert_int_eq(cp_class(0xA0), CP_SPACE);   /* no-break space */
  ck_assert_int_eq(cp_class(0x202F), CP_SPACE); /* narrow no-break space */
  ck_assert_int_eq(cp_class(0x2009), CP_SPACE); /* thin space */
  ck_assert_int_eq(cp_class(0x3000), CP_SPACE);
  ck_assert_int_eq(cp_class(0x0301), CP_MARK);  /* combining acute */
  ck_assert_int_eq(cp_class(0x200F), CP_MARK);  /* right-to-left mark */
  ck_assert_int_eq(cp_class(0xE9), CP_LETTER);  /* é */
  ck_assert_int_eq(cp_class(0xD7), CP_OTHER);   /* × */
  ck_assert_int_eq(cp_class(0xF7), CP_OTHER);   /* ÷ */
  ck_assert_int_eq(cp_class(0x0416), CP_LETTER); /* Ж */
  ck_assert_int_eq(cp_class(0x0627), CP_LETTER); /* ا */
  ck_assert_int_eq(cp_class(0x5927), CP_LETTER); /* 大 */
  ck_assert_int_eq(cp_class(0xFF13), CP_DIGIT);  /* full-width 3 */
  ck_assert_int_eq(cp_class(0x0663), CP_DIGIT);  /* Arabic-Indic 3 */
  ck_assert_int_eq(cp_class(0x2014), CP_OTHER);  /* em dash */
  ck_assert_int_eq(cp_digit_value('0'), 0);
  ck_assert_int_eq(cp_digit_value('9'), 9);
  ck_assert_int_eq(cp_digit_value(0xFF10), 0);
  ck_assert_int_eq(cp_digit_value(0xFF19), 9);
  ck_assert_int_eq(cp_digit_value(0x0665), 5);
  ck_assert_int_eq(cp_digit_value(0x06F7), 7);
  ck_assert_int_eq(cp_digit_value('a'), -1);
  ck_assert_int_eq(cp_digit_value(0xFF1A), -1);
}
END_TEST

/* Folds one code point, expecting exactly the given result. */
static void expect_fold(uint32_t cp, uint32_t a, uint32_t b) {
  uint32_t out[2] = {0, 0};
  int n = cp_fold(cp, out);
  ck_assert_msg(n == (b ? 2 : 1), "U+%04X folds to %d code points", cp, n);
  ck_assert_msg(out[0] == a, "U+%04X folds to U+%04X, want U+%04X", cp,
                out[0], a);
  if (b)
    ck_assert_msg(out[1] == b, "U+%04X: second U+%04X, want U+%04X", cp,
                  out[1], b);
}

START_TEST(fold_ascii_and_latin_accents) {
  expect_fold('A', 'a', 0);
  expect_fold('z', 'z', 0);
  expect_fold('5', '5', 0);
  expect_fold(0xC1, 'a', 0); /* Á */
  expect_fold(0xE1, 'a', 0); /* á */
  expect_fold(0xC9, 'e', 0); /* É */
  expect_fold(0xE8, 'e', 0); /* è */
  expect_fold(0xEA, 'e', 0); /* ê */
  expect_fold(0xD1, 'n', 0); /* Ñ */
  expect_fold(0xF1, 'n', 0); /* ñ */
  expect_fold(0xC7, 'c', 0); /* Ç */
  expect_fold(0xFC, 'u', 0); /* ü */
  expect_fold(0xD6, 'o', 0); /* Ö */
  expect_fold(0xFF, 'y', 0); /* ÿ */
  expect_fold(0xDF, 's', 's'); /* ß */
  expect_fold(0xC6, 'a', 'e'); /* Æ */
  expect_fold(0xE6, 'a', 'e'); /* æ */
  expect_fold(0x0152, 'o', 'e'); /* Œ */
  expect_fold(0x0153, 'o', 'e'); /* œ */
  expect_fold(0xDE, 0xFE, 0);  /* Þ lower-cased, no base letter */
  expect_fold(0x0100, 'a', 0); /* Ā */
  expect_fold(0x010C, 'c', 0); /* Č */
  expect_fold(0x0107, 'c', 0); /* ć */
  expect_fold(0x011B, 'e', 0); /* ě */
  expect_fold(0x0130, 'i', 0); /* İ */
  expect_fold(0x0131, 'i', 0); /* ı */
  expect_fold(0x0142, 'l', 0); /* ł */
  expect_fold(0x0144, 'n', 0); /* ń */
  expect_fold(0x0160, 's', 0); /* Š */
  expect_fold(0x0161, 's', 0); /* š */
  expect_fold(0x0150, 'o', 0); /* Ő */
  expect_fold(0x017D, 'z', 0); /* Ž */
  expect_fold(0x017E, 'z', 0); /* ž */
  expect_fold(0x01A0, 0x01A0, 0); /* outside the tables: unchanged */
}
END_TEST

START_TEST(fold_cyrillic_greek_arabic) {
  expect_fold(0x0416, 0x0436, 0); /* Ж -> ж */
  expect_fold(0x0410, 0x0430, 0); /* А -> а */
  expect_fold(0x042F, 0x044F, 0); /* Я -> я */
  expect_fold(0x0436, 0x0436, 0); /* ж stays */
  expect_fold(0x0406, 0x0456, 0); /* І -> і */
  expect_fold(0x0451, 0x0435, 0); /* ё -> е */
  expect_fold(0x0391, 0x03B1, 0); /* Α -> α */
  expect_fold(0x03A9, 0x03C9, 0); /* Ω -> ω */
  expect_fold(0x0623, 0x0627, 0); /* أ -> ا */
  expect_fold(0x0629, 0x0647, 0); /* ة -> ه */
  expect_fold(0x0649, 0x064A, 0); /* ى -> ي */
}
END_TEST

START_TEST(fold_full_width_and_other_digits) {
  expect_fold(0xFF10, '0', 0);
  expect_fold(0xFF19, '9', 0);
  expect_fold(0xFF21, 'a', 0); /* Ａ */
  expect_fold(0xFF5A, 'z', 0); /* ｚ */
  expect_fold(0x0660, '0', 0);
  expect_fold(0x0669, '9', 0);
  expect_fold(0x06F4, '4', 0);
}
END_TEST

START_TEST(upper_case_letters) {
  ck_assert(cp_is_upper('A'));
  ck_assert(!cp_is_upper('a'));
  ck_assert(!cp_is_upper('1'));
  ck_assert(cp_is_upper(0xC9));   /* É */
  ck_assert(!cp_is_upper(0xE9));  /* é */
  ck_assert(!cp_is_upper(0xD7));  /* × */
  ck_assert(cp_is_upper(0x0160)); /* Š */
  ck_assert(!cp_is_upper(0x0161));
  ck_assert(cp_is_upper(0x0416)); /* Ж */
  ck_assert(!cp_is_upper(0x0436));
  ck_assert(cp_is_upper(0x0401)); /* Ё */
  ck_assert(cp_is_upper(0x0391)); /* Α */
}
END_TEST

START_TEST(fold_word_folds_and_drops) {
  char out[64];
  ck_assert_uint_eq(fold_word("Résolution", strlen("Résolution"), out,
                              sizeof out), 10);
  ck_assert_str_eq(out, "resolution");
  fold_word("ASAMBLEA GENERAL", 16, out, sizeof out);
  ck_assert_str_eq(out, "asambleageneral"); /* the space is dropped */
  fold_word("Naciones-Unidas", 15, out, sizeof out);
  ck_assert_str_eq(out, "nacionesunidas");
  fold_word("Straße", strlen("Straße"), out, sizeof out);
  ck_assert_str_eq(out, "strasse");
  fold_word("Œuvre", strlen("Œuvre"), out, sizeof out);
  ck_assert_str_eq(out, "oeuvre");
  /* Combining accent (e + U+0301) folds like the precomposed é. */
  fold_word("re\xcc\x81solution", 12, out, sizeof out);
  ck_assert_str_eq(out, "resolution");
  /* Cyrillic keeps its letters, lower-cased (2 bytes each). */
  ck_assert_uint_eq(fold_word("СОВЕТ", strlen("СОВЕТ"), out, sizeof out),
                    10);
  ck_assert_str_eq(out, "совет");
  /* Full-width and Arabic-Indic digits become ASCII digits. */
  fold_word("\xef\xbc\x92\xef\xbc\x90\xd9\xa3", 8, out, sizeof out);
  ck_assert_str_eq(out, "203");
  /* Invalid bytes are skipped, not copied. */
  fold_word("ab\xff" "c\xc3", 5, out, sizeof out);
  ck_assert_str_eq(out, "abc");
  /* Only n bytes are read. */
  fold_word("General", 3, out, sizeof out);
  ck_assert_str_eq(out, "gen");
  ck_assert_uint_eq(fold_word("", 0, out, sizeof out), 0);
  ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(fold_word_respects_capacity) {
  char out[8];
  memset(out, 'x', sizeof out);
  size_t n = fold_word("ABCDEFGHIJ", 10, out, 5);
  ck_assert_uint_eq(n, 4);
  ck_assert_str_eq(out, "abcd");
  ck_assert_int_eq(out[5], 'x');
  /* A two-byte letter that does not fit is not cut in half. */
  n = fold_word("abcé", strlen("abcé"), out, 5);
  ck_assert_uint_eq(n, 4);
  ck_assert_str_eq(out, "abce");
  n = fold_word("abcж", strlen("abcж"), out, 5);
  ck_assert_uint_eq(n, 3);
  ck_assert_str_eq(out, "abc");
  /* cap 0: nothing written. */
  out[0] = 'q';
  ck_assert_uint_eq(fold_word("abc", 3, out, 0), 0);
  ck_assert_int_eq(out[0], 'q');
}
END_TEST

/* Regression tests of bugs found and fixed.
 * cp_fold's Latin Extended-A table assumes upper/lower pairs start at even
 * code points, which is false from U+0139 to U+0148 and from U+0179 to
 * U+017E, and several entries are shifted by one. */
START_TEST(bug_fold_latin_extended_a) {
  expect_fold(0x0143, 'n', 0); /* Ń: folds to 'l' */
  expect_fold(0x014C, 'o', 0); /* Ō: folds to ō */
  expect_fold(0x014D, 'o', 0); /* ō: unchanged */
  expect_fold(0x0154, 'r', 0); /* Ŕ: folds to ŕ */
  expect_fold(0x015A, 's', 0); /* Ś: folds to 'r' */
  expect_fold(0x015B, 's', 0); /* ś: folds to 'r' */
  expect_fold(0x0162, 't', 0); /* Ţ: folds to 's' */
  expect_fold(0x0163, 't', 0); /* ţ: folds to 's' */
  expect_fold(0x0168, 'u', 0); /* Ũ: folds to 't' */
  expect_fold(0x0174, 'w', 0); /* Ŵ: folds to 'u' */
  expect_fold(0x0176, 'y', 0); /* Ŷ: folds to 'w' */
  expect_fold(0x0179, 'z', 0); /* Ź: folds to 'y' */
  expect_fold(0x0139, 'l', 0); /* Ĺ: unchanged (upper case) */
}
END_TEST

/* Ё folds to ё, but ё folds to е: "ЁЛКА" and "ёлка" fold differently. */
START_TEST(bug_fold_cyrillic_yo_case) {
  char a[32], b[32];
  fold_word("ЁЛКА", strlen("ЁЛКА"), a, sizeof a);
  fold_word("ёлка", strlen("ёлка"), b, sizeof b);
  ck_assert_str_eq(a, b);
}
END_TEST

Suite *text_suite(void) {
  Suite *s = suite_create("text");
  TCase *tc = tcase_create("utf8");
  tcase_add_test(tc, decode_valid_sequences);
  tcase_add_test(tc, decode_rejects_invalid_bytes);
  tcase_add_test(tc, decode_rejects_truncated_sequences);
  tcase_add_test(tc, decode_rejects_overlong_forms);
  tcase_add_test(tc, decode_rejects_surrogates_and_beyond_unicode);
  tcase_add_test(tc, encode_round_trips);
  tcase_add_test(tc, valid_agrees_with_decode);
  suite_add_tcase(s, tc);
  tc = tcase_create("fold");
  tcase_add_test(tc, classes_of_code_points);
  tcase_add_test(tc, fold_ascii_and_latin_accents);
  tcase_add_test(tc, fold_cyrillic_greek_arabic);
  tcase_add_test(tc, fold_full_width_and_other_digits);
  tcase_add_test(tc, upper_case_letters);
  tcase_add_test(tc, fold_word_folds_and_drops);
  tcase_add_test(tc, fold_word_respects_capacity);
  suite_add_tcase(s, tc);
  tc = tcase_create("known_bugs");
  tcase_add_test(tc, bug_fold_latin_extended_a);
  tcase_add_test(tc, bug_fold_cyrillic_yo_case);
  suite_add_tcase(s, tc);
  return s;
}
