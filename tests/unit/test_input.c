/* test_input.c — the input layer: encodings, HTML, Word, PDF, file names,
 * pages; error paths of each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "suites.h"

static input_text in;
static cg_diag diag;

static cg_status load(const char *path, const char *bytes, size_t len,
                      const char *encoding) {
  input_options o = {.encoding = encoding};
  input_text_free(&in);
  memset(&diag, 0, sizeof diag);
  return input_load(path, bytes, len, &o, &in, &diag);
}

static void teardown(void) { input_text_free(&in); }

/* Reads a file of the repository into memory (freed by the caller). */
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  ck_assert_ptr_nonnull(b);
  ck_assert_uint_eq(fread(b, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  *len = (size_t)n;
  return b;
}

/* ------------------------------------------------------------ encodings */

START_TEST(utf8_is_read_in_place) {
  const char *t = "\xEF\xBB\xBFRecalling r\xC3\xA9solution 61/144";
  ck_assert_int_eq(load("a.txt", t, strlen(t), NULL), CG_OK);
  /* No copy: offsets stay file offsets, BOM included. */
  ck_assert_ptr_eq(in.text, t);
  ck_assert_ptr_null(in.own);
  ck_assert_str_eq(in.encoding, "utf-8");
  ck_assert_int_eq(in.format, INPUT_TEXT);
}
END_TEST

START_TEST(utf16_with_and_without_bom) {
  static const char le[] = "\xFF\xFE" "r\0\xE9\0s\0 \0" "6\0" "1\0/\0" "1\0";
  ck_assert_int_eq(load("a.txt", le, sizeof le - 1, NULL), CG_OK);
  ck_assert_str_eq(in.encoding, "utf-16le");
  ck_assert_str_eq(in.text, "r\xC3\xA9s 61/1");
  static const char be[] = "\0r\0e\0s\0 \0" "6\0" "1\0/\0" "1\0 \0" "2";
  ck_assert_int_eq(load("a.txt", be, sizeof be - 1, NULL), CG_OK);
  ck_assert_str_eq(in.encoding, "utf-16be");
  ck_assert_str_eq(in.text, "res 61/1 2");
  static const char nobom[] = "r\0e\0s\0 \0" "6\0" "1\0/\0" "1\0";
  ck_assert_int_eq(load("a.txt", nobom, sizeof nobom - 1, NULL), CG_OK);
  ck_assert_str_eq(in.encoding, "utf-16le");
  ck_assert_str_eq(in.text, "res 61/1");
}
END_TEST

START_TEST(windows_1252_detected_and_converted) {
  const char *t = "Rappelant sa r\xE9solution 61/144 \x96 d\xE9j\xE0 \x93vu\x94";
  ck_assert_int_eq(load("a.txt", t, strlen(t), NULL), CG_OK);
  ck_assert_str_eq(in.encoding, "windows-1252");
  ck_assert_str_eq(in.text, "Rappelant sa r\xC3\xA9solution 61/144 \xE2\x80\x93 "
                            "d\xC3\xA9j\xC3\xA0 \xE2\x80\x9Cvu\xE2\x80\x9D");
  ck_assert_ptr_nonnull(in.own);
}
END_TEST

START_TEST(damaged_utf8_stays_utf8) {
  /* One bad byte among valid accented letters: damage, not Latin-1. */
  const char *t = "r\xC3\xA9solution \xFF 61/144, Gen\xC3\xA8ve";
  ck_assert_int_eq(load("a.txt", t, strlen(t), NULL), CG_OK);
  ck_assert_str_eq(in.encoding, "utf-8");
  ck_assert_ptr_eq(in.text, t);
}
END_TEST

START_TEST(utf8_sequences_counted_once_wherever_they_fall) {
  /* Ten two- and three-byte letters ("д", "中") after 7, 4, 1, 6, ...
   * ASCII bytes, so that some straddle the eight-byte steps of the check,
   * then as many bytes that are no UTF-8 (0xFF): damage, still UTF-8.
   * One bad byte more, and the bad bytes outnumber the good sequences. */
  char t[256];
  for (int extra = 0; extra < 2; extra++) {
    size_t n = 0;
    for (int k = 0; k < 10; k++) {
      for (int a = 0; a < (k * 5 + 7) % 8; a++)
        t[n++] = 'a';
      const char *l = k % 2 ? "\xe4\xb8\xad" : "\xd0\xb4";
      memcpy(t + n, l, strlen(l));
      n += strlen(l);
    }
    for (int k = 0; k < 10 + extra; k++) {
      t[n++] = ' ';
      t[n++] = (char)0xFF;
    }
    ck_assert_int_eq(load("a.txt", t, n, NULL), CG_OK);
    if (extra)
      ck_assert_str_ne(in.encoding, "utf-8");
    else
      ck_assert_str_eq(in.encoding, "utf-8");
  }
}
END_TEST

START_TEST(forced_encoding) {
  const char *t = "r\xE9solution";
  ck_assert_int_eq(load("a.txt", t, strlen(t), "ISO-8859-1"), CG_OK);
  ck_assert_str_eq(in.text, "r\xC3\xA9solution");
  ck_assert_str_eq(in.encoding, "iso-8859-1");
  ck_assert_int_eq(load("a.txt", t, strlen(t), "no-such-encoding"), CG_ERR_ARG);
  ck_assert_ptr_null(in.text);
  ck_assert_ptr_nonnull(strstr(diag.message, "unknown encoding"));
  /* Forced UTF-16 on bytes that end inside a character. */
  ck_assert_int_eq(load("a.txt", "a\0b", 3, "UTF-16LE"), CG_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(diag.message, "truncated"));
}
END_TEST

START_TEST(undecodable_is_an_error_never_half_read) {
  /* 0x81 and 0x8D mean nothing in Windows-1252. */
  const char *t = "resolution 61/144 \x81\x8D\x8F\x90\x9D caf\xE9";
  ck_assert_int_eq(load("a.txt", t, strlen(t), NULL), CG_ERR_INPUT);
  ck_assert_ptr_null(in.text);
  ck_assert_uint_eq(in.len, 0);
  ck_assert_ptr_nonnull(strstr(diag.message, "byte 18 (0x81)"));
  /* A binary file. */
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0";
  ck_assert_int_eq(load("a.png", png, sizeof png - 1, NULL), CG_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(diag.message, "binary file (NUL byte at byte 8)"));
}
END_TEST

START_TEST(empty_input) {
  ck_assert_int_eq(load("a.txt", "", 0, NULL), CG_OK);
  ck_assert_uint_eq(in.len, 0);
  ck_assert_int_eq(load(NULL, NULL, 0, NULL), CG_OK);
  ck_assert_int_eq(load("a.html", "", 0, NULL), CG_OK);
  ck_assert_uint_eq(in.len, 0);
}
END_TEST

/* ------------------------------------------------------------ HTML */

START_TEST(html_entities_scripts_blocks) {
  const char *h =
      "<!DOCTYPE html><html><head><title>resolution 1 (1946)</title>"
      "<style>p{} /* resolution 2 (1946) */</style></head><body>"
      "<script>var s = 'resolution 3 (1946)';</script>"
      "<p>Recalling resolution&nbsp;2331&nbsp;(2016)<sup>1</sup>,</p>"
      "<p>Also <b>resolution</b> 70/1 and document S/2015/&#8203;12&shy;3&#x2060;.</p>"
      "<ol class=\"footnotes\"><li id=\"fn1\">See resolution 1325 (2000)."
      "<a href=\"#fnref1\" class=\"footnote-back\">\xE2\x86\xA9</a></li></ol>"
      "</body></html>";
  ck_assert_int_eq(load("page.html", h, strlen(h), NULL), CG_OK);
  ck_assert_int_eq(in.format, INPUT_HTML);
  ck_assert_str_eq(in.text, "Recalling resolution 2331 (2016)[^1],\n\n"
                            "Also resolution 70/1 and document S/2015/123.\n\n"
                            "[^1]: See resolution 1325 (2000).\n\n");
  ck_assert_uint_eq(in.notes.n, 1);
  ck_assert_uint_eq(in.notes.v[0].number, 1);
  ck_assert_uint_eq(in.notes.v[0].start, offset_of(in.text, "[^1]:", 0));
  ck_assert_uint_eq(in.notes.v[0].end, offset_of(in.text, ".\n\n", 1) + 1);
}
END_TEST

START_TEST(html_notes_after_rule) {
  /* Notes as plain paragraphs after an <hr>, numbered "2." and "[3]". */
  const char *h = "<html><body><p>Text<sup>2</sup> more<sup>3</sup>.</p><hr>"
                  "<p>2. Resolution 61/144.</p><p>[3] Ibid.</p>"
                  "<p>Not a note.</p></body></html>";
  ck_assert_int_eq(load("page.htm", h, strlen(h), NULL), CG_OK);
  ck_assert_str_eq(in.text, "Text[^2] more[^3].\n\nNot a note.\n\n"
                            "[^2]: Resolution 61/144.\n\n[^3]: Ibid.\n\n");
}
END_TEST

START_TEST(html_detected_by_content) {
  const char *h = "  <html><body><p>a</p><p>b</p></body></html>";
  ck_assert_int_eq(load("noext", h, strlen(h), NULL), CG_OK);
  ck_assert_int_eq(in.format, INPUT_HTML);
  ck_assert_str_eq(in.text, "a\n\nb\n");
  /* Tags inside a Markdown file stay the scanner's business. */
  ck_assert_int_eq(load("a.md", "x <b>y</b>", 10, NULL), CG_OK);
  ck_assert_int_eq(in.format, INPUT_MARKDOWN);
}
END_TEST

/* ------------------------------------------------------------ Word */

START_TEST(docx_body_and_notes) {
  size_t n;
  char *b = slurp("tests/formats/generated/A_RES_80_10.docx", &n);
  ck_assert_int_eq(load("A_RES_80_10.docx", b, n, NULL), CG_OK);
  ck_assert_int_eq(in.format, INPUT_DOCX);
  ck_assert_ptr_nonnull(strstr(in.text, "\n\nThe General Assembly,\n\n"));
  ck_assert_ptr_nonnull(strstr(in.text, "Rights of the Child[^4]"));
  ck_assert_ptr_nonnull(strstr(in.text, "\n\n[^1]: See resolution 2200 A (XXI), annex.\n\n"));
  ck_assert_uint_eq(in.notes.n, 13);
  ck_assert_uint_eq(in.notes.v[12].number, 13);
  free(b);
}
END_TEST

START_TEST(docx_errors) {
  ck_assert_int_eq(load("a.docx", "PK\3\4garbage", 11, NULL), CG_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(diag.message, "damaged zip archive"));
  ck_assert_ptr_null(in.text);
  /* A Word package cut in half has lost its central directory. */
  size_t n;
  char *b = slurp("tests/formats/generated/A_RES_80_37.docx", &n);
  ck_assert_int_eq(load("a.docx", b, n / 2, NULL), CG_ERR_INPUT);
  ck_assert_ptr_null(in.text);
  free(b);
}
END_TEST

/* ------------------------------------------------------------ PDF */

START_TEST(pdf_reading_order_notes_pages) {
  size_t n;
  char *b = slurp("tests/pdf/A_RES_80_10.pdf", &n);
  ck_assert_int_eq(load("x.pdf", b, n, NULL), CG_OK);
  ck_assert_int_eq(in.format, INPUT_PDF);
  ck_assert_uint_eq(in.npages, 3);
  ck_assert_str_eq(in.symbol, "A/RES/80/10");
  ck_assert_str_eq(in.symbol_source, "masthead");
  /* The masthead's first line ends with the symbol. */
  ck_assert_int_eq(strncmp(in.text, "United Nations A/RES/80/10\n\n", 28), 0);
  /* Lines joined, references as [^n], row pieces in order. */
  ck_assert_ptr_nonnull(strstr(in.text, "\n\n1. Decides to proclaim 5 September"));
  ck_assert_ptr_nonnull(strstr(in.text, "Civil and Political Rights,[^1] the International"));
  /* Furniture out. */
  ck_assert_ptr_null(strstr(in.text, "25-19432"));
  ck_assert_ptr_null(strstr(in.text, "*2519432*"));
  ck_assert_ptr_null(strstr(in.text, "2/3"));
  /* Notes in number order, each with the page it stands on. */
  ck_assert_uint_eq(in.notes.n, 13);
  for (size_t i = 0; i < in.notes.n; i++)
    ck_assert_uint_eq(in.notes.v[i].number, i + 1);
  ck_assert_uint_eq(input_page_at(&in, in.notes.v[9].start), 1);
  ck_assert_uint_eq(input_page_at(&in, in.notes.v[10].start), 2);
  ck_assert_uint_eq(input_page_at(&in, 0), 1);
  ck_assert_uint_eq(input_page_at(&in, offset_of(in.text, "3. Stresses", 0)), 3);
  ck_assert_uint_eq(input_page_at(&in, offset_of(in.text, "53/199", 0)), 2);
  free(b);
}
END_TEST

/* Poppler put a narrow space inside "Plan" in a justified line of 80/9
 * ("Global Pla n of Action"), which hid the Global Plan of Action. */
START_TEST(pdf_narrow_space_inside_a_word) {
  size_t n;
  char *b = slurp("tests/pdf/A_RES_80_9.pdf", &n);
  ck_assert_int_eq(load("x.pdf", b, n, NULL), CG_OK);
  ck_assert_ptr_null(strstr(in.text, "Pla n"));
  ck_assert_ptr_nonnull(
      strstr(in.text, "implementation of the Global Plan of Action and, to"));
  free(b);
}
END_TEST

START_TEST(pdf_errors) {
  const char *t = "%PDF-1.7\n1 0 obj << /Type /Catalog";
  ck_assert_int_eq(load("x.pdf", t, strlen(t), NULL), CG_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(diag.message, "not a readable PDF"));
  ck_assert_ptr_null(in.text);
  size_t n;
  char *b = slurp("tests/pdf/A_RES_80_1.pdf", &n);
  /* Truncated: poppler may still read the pages it finds, or refuse; it
   * must do one or the other, never crash. */
  cg_status st = load("x.pdf", b, n / 3, NULL);
  ck_assert(st == CG_OK || st == CG_ERR_INPUT);
  if (st)
    ck_assert_ptr_null(in.text);
  free(b);
}
END_TEST

/* ------------------------------------------------------------ names */

static void name_is(const char *path, int ok, const char *sym, const char *lang) {
  char s[128], l[8];
  ck_assert_int_eq(input_name_identity(path, s, sizeof s, l), ok);
  ck_assert_str_eq(s, sym);
  ck_assert_str_eq(l, lang);
}

START_TEST(identity_from_file_names) {
  name_is("A_RES_79_32.pdf", 1, "A/RES/79/32", "");
  name_is("/x/y/S_RES_1_1946.en.txt", 1, "S/RES/1(1946)", "en");
  name_is("A_68_908.fr.txt", 1, "A/68/908", "fr");
  name_is("A_RES_80_10-EN.pdf", 1, "A/RES/80/10", "en");
  name_is("ST_SG_SER.E_738.ar.txt", 1, "ST/SG/SER.E/738", "ar");
  name_is("S_PRST_2015_5.zh.txt", 1, "S/PRST/2015/5", "zh");
  name_is("A_AC.182_L.138.es.txt", 1, "A/AC.182/L.138", "es");
  name_is("S_2015_126", 1, "S/2015/126", "");
  /* Not the pattern. */
  name_is("SOURCE.md", 0, "", "");
  name_is("index.tsv", 0, "", "");
  name_is("ctoc-cop-res-10-3.es.md", 0, "", "");
  name_is("README_FIRST.txt", 0, "", "");
  name_is("A__1.txt", 0, "", "");
  name_is("A_1_.txt", 0, "", "");
  name_is("A_1 2.txt", 0, "", "");
  name_is("", 0, "", "");
  char s[4], l[8];
  ck_assert_int_eq(input_name_identity("A_RES_79_32.pdf", s, sizeof s, l), 0);
}
END_TEST

Suite *input_suite(void) {
  Suite *s = suite_create("input");
  TCase *tc = tcase_create("encodings");
  tcase_add_checked_fixture(tc, NULL, teardown);
  tcase_add_test(tc, utf8_is_read_in_place);
  tcase_add_test(tc, utf16_with_and_without_bom);
  tcase_add_test(tc, windows_1252_detected_and_converted);
  tcase_add_test(tc, damaged_utf8_stays_utf8);
  tcase_add_test(tc, utf8_sequences_counted_once_wherever_they_fall);
  tcase_add_test(tc, forced_encoding);
  tcase_add_test(tc, undecodable_is_an_error_never_half_read);
  tcase_add_test(tc, empty_input);
  suite_add_tcase(s, tc);
  tc = tcase_create("html");
  tcase_add_checked_fixture(tc, NULL, teardown);
  tcase_add_test(tc, html_entities_scripts_blocks);
  tcase_add_test(tc, html_notes_after_rule);
  tcase_add_test(tc, html_detected_by_content);
  suite_add_tcase(s, tc);
  tc = tcase_create("docx");
  tcase_add_checked_fixture(tc, NULL, teardown);
  tcase_add_test(tc, docx_body_and_notes);
  tcase_add_test(tc, docx_errors);
  suite_add_tcase(s, tc);
  tc = tcase_create("pdf");
  tcase_set_timeout(tc, 60);
  tcase_add_checked_fixture(tc, NULL, teardown);
  tcase_add_test(tc, pdf_reading_order_notes_pages);
  tcase_add_test(tc, pdf_narrow_space_inside_a_word);
  tcase_add_test(tc, pdf_errors);
  suite_add_tcase(s, tc);
  tc = tcase_create("names");
  tcase_add_test(tc, identity_from_file_names);
  suite_add_tcase(s, tc);
  return s;
}
