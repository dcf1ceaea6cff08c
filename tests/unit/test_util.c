/* test_util.c — buffers, the string arena, vectors, hashes, diagnostics. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dynlib.h"
#include "suites.h"
#include "util.h"

START_TEST(buf_grows_and_stays_terminated) {
  cg_buf b = {0};
  ck_assert_int_eq(buf_puts(&b, "abc"), 0);
  ck_assert_int_eq(buf_putc(&b, '-'), 0);
  ck_assert_int_eq(buf_append(&b, "xyz!", 3), 0);
  ck_assert_uint_eq(b.len, 7);
  ck_assert_str_eq(b.data, "abc-xyz");
  /* Past the first capacity: the content is kept, the NUL follows. */
  for (int i = 0; i < 1000; i++)
    ck_assert_int_eq(buf_putc(&b, (char)('a' + i % 26)), 0);
  ck_assert_uint_eq(b.len, 1007);
  ck_assert_uint_ge(b.cap, b.len + 1);
  ck_assert_int_eq(memcmp(b.data, "abc-xyzabc", 10), 0);
  ck_assert_int_eq(b.data[b.len], '\0');
  ck_assert_int_eq(buf_append(&b, NULL, 0), 0);
  ck_assert_uint_eq(b.len, 1007);
  buf_free(&b);
  ck_assert_ptr_null(b.data);
  ck_assert_uint_eq(b.len, 0);
  ck_assert_uint_eq(b.cap, 0);
}
END_TEST

START_TEST(strings_offsets_survive_growth) {
  cg_strings st = {{0}};
  size_t first = strings_add(&st, "first", 5);
  size_t empty = strings_add(&st, "", 0);
  size_t offs[300];
  char word[16];
  for (int i = 0; i < 300; i++) {
    int n = snprintf(word, sizeof word, "w%d", i);
    offs[i] = strings_add(&st, word, (size_t)n);
    ck_assert_uint_ne(offs[i], SIZE_MAX);
  }
  ck_assert_str_eq(strings_get(&st, first), "first");
  ck_assert_str_eq(strings_get(&st, empty), "");
  ck_assert_str_eq(strings_get(&st, offs[0]), "w0");
  ck_assert_str_eq(strings_get(&st, offs[299]), "w299");
  /* Only n bytes are copied, whatever follows. */
  size_t part = strings_add(&st, "abcdef", 3);
  ck_assert_str_eq(strings_get(&st, part), "abc");
  buf_free(&st.mem);
}
END_TEST

START_TEST(vec_push_keeps_order) {
  VEC(int) v = {0};
  for (int i = 0; i < 100; i++)
    ck_assert_int_eq(VEC_PUSH(v, i * 3), 0);
  ck_assert_uint_eq(v.n, 100);
  ck_assert_uint_ge(v.cap, 100);
  for (int i = 0; i < 100; i++)
    ck_assert_int_eq(v.v[i], i * 3);
  free(v.v);
}
END_TEST

START_TEST(word_hash_fast_matches_word_hash) {
  /* The scanner hashes words in place with word_hash_fast, the catalogue
   * with word_hash: they must agree for every length. */
  const char text[] = "resolutionsresolucionesrésolutions0123456789";
  for (size_t n = 0; n + 8 <= sizeof text - 1; n++)
    ck_assert_uint_eq(word_hash_fast(text, n), word_hash(text, n));
  ck_assert_uint_ne(word_hash("of", 2), word_hash("or", 2));
  ck_assert_uint_ne(word_hash("a", 1), word_hash("a\0", 2));
  ck_assert_uint_eq(hash_bytes("abc", 3), hash_bytes("abc", 3));
  ck_assert_uint_ne(hash_bytes("abc", 3), hash_bytes("abd", 3));
}
END_TEST

START_TEST(diag_format_forms) {
  cg_diag d;
  char buf[256];
  diag_set(&d, "refs/lang/es.yaml", 12, 5, "expected %s", "a list of names");
  ck_assert_str_eq(cg_diag_format(&d, buf, sizeof buf),
                   "refs/lang/es.yaml:12:5: expected a list of names");
  diag_set(&d, "refs/bodies.yaml", 0, 0, "cannot open: %s", "gone");
  ck_assert_str_eq(cg_diag_format(&d, buf, sizeof buf),
                   "refs/bodies.yaml: cannot open: gone");
  diag_set(&d, NULL, 0, 0, "invalid argument");
  ck_assert_str_eq(d.file, "");
  ck_assert_str_eq(cg_diag_format(&d, buf, sizeof buf), "invalid argument");
  /* Always NUL-terminated, never beyond size. */
  diag_set(&d, "file.yaml", 1, 2, "message");
  memset(buf, 'x', sizeof buf);
  cg_diag_format(&d, buf, 8);
  ck_assert_str_eq(buf, "file.ya");
  ck_assert_int_eq(buf[8], 'x');
  /* size 0 writes nothing and returns buf. */
  buf[0] = 'q';
  ck_assert_ptr_eq(cg_diag_format(&d, buf, 0), buf);
  ck_assert_int_eq(buf[0], 'q');
  /* A NULL diag is allowed by diag_set (the library passes it through). */
  diag_set(NULL, "x", 1, 1, "ignored");
}
END_TEST

START_TEST(diag_message_is_truncated_not_overflowed) {
  cg_diag d;
  char longmsg[2000];
  memset(longmsg, 'm', sizeof longmsg - 1);
  longmsg[sizeof longmsg - 1] = '\0';
  diag_set(&d, longmsg, 3, 4, "%s", longmsg);
  ck_assert_uint_eq(strlen(d.file), sizeof d.file - 1);
  ck_assert_uint_eq(strlen(d.message), sizeof d.message - 1);
  ck_assert_uint_eq(d.line, 3);
  ck_assert_uint_eq(d.column, 4);
}
END_TEST

START_TEST(strerror_names_every_status) {
  const cg_status all[] = {CG_OK,         CG_ERR_NOMEM,  CG_ERR_IO,
                           CG_ERR_SYNTAX, CG_ERR_SCHEMA, CG_ERR_INPUT,
                           CG_ERR_ARG};
  size_t n = sizeof all / sizeof *all;
  for (size_t i = 0; i < n; i++) {
    const char *s = cg_strerror(all[i]);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_gt(strlen(s), 0);
    for (size_t j = 0; j < i; j++)
      ck_assert_str_ne(s, cg_strerror(all[j]));
  }
  ck_assert_str_eq(cg_strerror(CG_OK), "success");
  ck_assert_str_eq(cg_strerror((cg_status)99), "unknown error");
}
END_TEST

/* The identifiers of docs/identifiers.md, and only those. */
START_TEST(identifiers_are_checked) {
  static const char *const good[] = {"A/RES/61/144", "S/RES/2331(2016)",
                                     "UNTOC#art_34__para_2", "BEIJING+5",
                                     "E/CN.4/RES/2005/35", "A/HRC/RES/S-30/1"};
  static const char *const bad[] = {"", "A RES", "A/RES/5/5\"", "<b>", "a&b",
                                    "file:x", "caf\xc3\xa9", "tab\t", "x\\y",
                                    "'q'", "a;b"};
  for (size_t i = 0; i < sizeof good / sizeof *good; i++)
    ck_assert_msg(cg_identifier_valid(good[i]), "%s refused", good[i]);
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    ck_assert_msg(!cg_identifier_valid(bad[i]), "%s taken", bad[i]);
  ck_assert(!cg_identifier_valid(NULL));
  char longest[CG_IDENTIFIER_MAX + 1];
  memset(longest, 'A', sizeof longest);
  longest[CG_IDENTIFIER_MAX - 1] = '\0';
  ck_assert(cg_identifier_valid(longest));
  longest[CG_IDENTIFIER_MAX - 1] = 'A';
  longest[CG_IDENTIFIER_MAX] = '\0';
  ck_assert(!cg_identifier_valid(longest));
}
END_TEST

/* Strings shown in messages never carry control sequences. */
START_TEST(printable_escapes_controls) {
  char out[64];
  ck_assert_str_eq(printable("a\x1b[31mb\\\xc3\xa9", out, sizeof out),
                   "a\\x1B[31mb\\x5C\\xC3\\xA9");
  ck_assert_str_eq(printable("abcdef", out, 4), "abc");
}
END_TEST

/* A table of functions from a library opened at run time: filled from the
 * first library that opens, and an error naming what is missing. */
typedef struct {
  double (*cos)(double);
  double (*sqrt)(double);
} math_table;

START_TEST(dynlib_load_fills_and_explains) {
  static const char *const libm[] = {"libcitegraph-none.so.0", "libm.so.6", NULL};
  static const char *const none[] = {"libcitegraph-none.so.0", NULL};
  static const dynlib_entry fns[] = {DYNLIB_FN(math_table, cos),
                                     DYNLIB_FN(math_table, sqrt)};
  static const dynlib_entry bad[] = {DYNLIB_FN(math_table, cos),
                                     {"citegraph_no_such_function", 0}};
  math_table t = {0};
  char err[200] = "";
  ck_assert_int_eq(dynlib_load(libm, fns, 2, &t, "need libm", "libm", err, sizeof err), 0);
  ck_assert(t.sqrt != NULL && t.cos != NULL);
  ck_assert(t.sqrt(16.0) == 4.0 && t.cos(0.0) == 1.0);
  ck_assert_int_eq(dynlib_load(none, fns, 2, &t, "need libm", "libm", err, sizeof err), -1);
  ck_assert_msg(strncmp(err, "need libm: ", 11) == 0 && strstr(err, "libcitegraph-none"), "%s", err);
  ck_assert_int_eq(dynlib_load(libm, bad, 2, &t, "need libm", "libm", err, sizeof err), -1);
  ck_assert_str_eq(err, "libm: the library has no function citegraph_no_such_function");
}
END_TEST

/* dynlib_use opens once: later calls return what the first found, and a
 * finish hook that refuses makes the library unusable, with its reason. */
static int finish_calls;
static const char *refuse(void *table) {
  (void)table;
  finish_calls++;
  return "refused";
}

START_TEST(dynlib_use_opens_once) {
  static const char *const libm[] = {"libm.so.6", NULL};
  static const char *const none[] = {"libcitegraph-none.so.0", NULL};
  static const dynlib_entry fns[] = {DYNLIB_FN(math_table, cos),
                                     DYNLIB_FN(math_table, sqrt)};
  static math_table t1, t2, t3;
  static dynlib_lib ok = {.names = libm, .fns = fns, .nfns = 2, .table = &t1,
                          .need = "need libm", .label = "libm"};
  static dynlib_lib missing = {.names = none, .fns = fns, .nfns = 2, .table = &t2,
                               .need = "need none", .label = "none"};
  static dynlib_lib refused = {.names = libm, .fns = fns, .nfns = 2, .table = &t3,
                               .need = "need libm", .label = "libm", .finish = refuse};
  for (int i = 0; i < 3; i++) {
    ck_assert_int_eq(dynlib_use(&ok), 0);
    ck_assert(t1.sqrt(9.0) == 3.0);
    ck_assert_int_eq(dynlib_use(&missing), -1);
    ck_assert_msg(strncmp(missing.error, "need none: ", 11) == 0, "%s", missing.error);
    ck_assert_int_eq(dynlib_use(&refused), -1);
    ck_assert_str_eq(refused.error, "libm: refused");
  }
  ck_assert_int_eq(finish_calls, 1);
}
END_TEST

Suite *util_suite(void) {
  Suite *s = suite_create("util");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, buf_grows_and_stays_terminated);
  tcase_add_test(tc, strings_offsets_survive_growth);
  tcase_add_test(tc, vec_push_keeps_order);
  tcase_add_test(tc, word_hash_fast_matches_word_hash);
  tcase_add_test(tc, diag_format_forms);
  tcase_add_test(tc, identifiers_are_checked);
  tcase_add_test(tc, printable_escapes_controls);
  tcase_add_test(tc, diag_message_is_truncated_not_overflowed);
  tcase_add_test(tc, strerror_names_every_status);
  tcase_add_test(tc, dynlib_load_fills_and_explains);
  tcase_add_test(tc, dynlib_use_opens_once);
  suite_add_tcase(s, tc);
  return s;
}
