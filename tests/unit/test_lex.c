/* test_lex.c — the scanner: bytes to tokens, markup, odd bytes, chunks,
 * language detection. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "lex.h"
#include "suites.h"

static token_list toks;
static const char *src;

static void lex_teardown(void) {
  free(toks.v);
  memset(&toks, 0, sizeof toks);
}

static const lang_vocab *vocab(const char *code) {
  const cg_catalog *cat = test_catalog();
  int li = catalog_lang_index(cat, code);
  ck_assert_int_ge(li, 0);
  return &cat->langs.v[li];
}

/* Scans s[0..n) in one chunk with the vocabulary of `code`. */
static size_t lex_n(const char *s, size_t n, const char *code) {
  lex_state lx;
  src = s;
  lex_begin(&lx, test_catalog(), vocab(code), s, 0, n, &toks);
  ck_assert_int_eq(lex_chunk(&lx, 1u << 20, 1u << 20), 0);
  ck_assert_uint_eq(lx.pos, n);
  return toks.n;
}

static size_t lex_str(const char *s, const char *code) {
  return lex_n(s, strlen(s), code);
}

/* Asserts token i: type, and its text when `text` is not NULL. */
static const token *tok_is(size_t i, int type, const char *text) {
  ck_assert_msg(i < toks.n, "token %zu of %zu", i, toks.n);
  const token *t = &toks.v[i];
  ck_assert_msg(t->type == type, "token %zu ('%.*s') has type %d, want %d", i,
                (int)(t->end - t->start), src + t->start, t->type, type);
  if (text) {
    ck_assert_uint_eq(t->end - t->start, strlen(text));
    ck_assert_msg(memcmp(src + t->start, text, strlen(text)) == 0,
                  "token %zu is '%.*s', want '%s'", i,
                  (int)(t->end - t->start), src + t->start, text);
  }
  return t;
}

/* Index of the first token of `type` whose text is `text`, or -1. */
static long find_tok(int type, const char *text) {
  for (size_t i = 0; i < toks.n; i++) {
    const token *t = &toks.v[i];
    if (t->type == type && t->end - t->start == strlen(text) &&
        memcmp(src + t->start, text, strlen(text)) == 0)
      return (long)i;
  }
  return -1;
}

static size_t count_type(int type) {
  size_t n = 0;
  for (size_t i = 0; i < toks.n; i++)
    n += toks.v[i].type == type;
  return n;
}

START_TEST(words_numbers_and_slash_numbers) {
  const char *s = "Resolution 61/144, S-30/1 and ES-10/14 of 2006";
  ck_assert_uint_eq(lex_str(s, "en"), 8);
  const token *t = tok_is(0, T_WORD, "Resolution");
  ck_assert(t->cls & W_RES);
  ck_assert(t->flags & F_CAP);
  ck_assert(t->flags & F_LINESTART);
  ck_assert(!(t->flags & F_UPPER));
  ck_assert_uint_eq(t->start, 0);
  t = tok_is(1, T_SLASH, "61/144");
  ck_assert_uint_eq(t->val, 61);
  ck_assert_uint_eq(t->val2, 144);
  ck_assert(t->flags & F_SPACE);
  ck_assert(!(t->flags & F_SPECIAL));
  ck_assert(!(t->flags & F_LINESTART));
  t = tok_is(2, T_PUNCT, ",");
  ck_assert_uint_eq(t->val, ',');
  ck_assert(!(t->flags & F_SPACE));
  t = tok_is(3, T_SLASH, "S-30/1");
  ck_assert(t->flags & F_SPECIAL);
  ck_assert_uint_eq(t->val, 30);
  ck_assert_uint_eq(t->val2, 1);
  t = tok_is(4, T_WORD, "and");
  ck_assert(t->cls & W_JOIN);
  t = tok_is(5, T_SLASH, "ES-10/14");
  ck_assert(t->flags & F_SPECIAL);
  ck_assert_uint_eq(t->val, 10);
  ck_assert_uint_eq(t->val2, 14);
  t = tok_is(6, T_WORD, "of");
  ck_assert(t->cls & W_OF);
  t = tok_is(7, T_NUM, "2006");
  ck_assert_uint_eq(t->val, 2006);
  ck_assert_uint_eq(t->val2, 4); /* digits */
}
END_TEST

START_TEST(document_symbols) {
  const char *s = "See A/79/5, S/2015/52 and CTOC/COP/2020/10 and A/RES/70/1.";
  lex_str(s, "en");
  ck_assert_int_ge(find_tok(T_SYMBOL, "A/79/5"), 0);
  ck_assert_int_ge(find_tok(T_SYMBOL, "S/2015/52"), 0);
  ck_assert_int_ge(find_tok(T_SYMBOL, "CTOC/COP/2020/10"), 0);
  /* The full stop after a symbol is not part of it. */
  long i = find_tok(T_SYMBOL, "A/RES/70/1");
  ck_assert_int_ge(i, 0);
  tok_is((size_t)i + 1, T_PUNCT, ".");
  ck_assert_uint_eq(count_type(T_SYMBOL), 4);
}
END_TEST

START_TEST(joint_symbol_is_two_symbols) {
  const char *s = "document A/34/542-S/13578 of";
  ck_assert_uint_eq(lex_str(s, "en"), 5);
  tok_is(1, T_SYMBOL, "A/34/542");
  tok_is(2, T_PUNCT, "-");
  tok_is(3, T_SYMBOL, "S/13578");
}
END_TEST

START_TEST(foreign_codes_are_not_symbols) {
  /* GC is not a United Nations root; MRE neither. */
  lex_str("the IAEA GC(69)/RES/15 and MRE/RES.1/91 texts", "en");
  ck_assert_uint_eq(count_type(T_SYMBOL), 0);
  ck_assert_int_ge(find_tok(T_NUM, "69"), 0);
  /* A root must stand alone: "AB/12/3" is not "A…", "xA/1/2" neither. */
  lex_str("codes AB/12/3 and xA/1/2", "en");
  ck_assert_uint_eq(count_type(T_SYMBOL), 0);
  /* A root followed by no digit is no symbol ("A/B"). */
  lex_str("options A/B", "en");
  ck_assert_uint_eq(count_type(T_SYMBOL), 0);
}
END_TEST

START_TEST(markdown_emphasis_makes_no_token) {
  const char *s = "*resolution* **61/144** _x_ `code`";
  lex_str(s, "en");
  for (size_t i = 0; i < toks.n; i++) {
    const token *t = &toks.v[i];
    ck_assert_msg(!(t->type == T_PUNCT && strchr("*_`", (int)t->val)),
                  "markup became a token at %u", t->start);
  }
  tok_is(0, T_WORD, "resolution");
  tok_is(1, T_SLASH, "61/144");
  ck_assert_uint_eq(toks.v[1].start, 15);
}
END_TEST

START_TEST(markdown_links_and_sup_markers) {
  const char *s = "resolution [70/1](#) text<sup>12</sup> and [^3] more";
  lex_str(s, "en");
  tok_is(0, T_WORD, "resolution");
  const token *t = tok_is(1, T_SLASH, "70/1");
  ck_assert_uint_eq(t->start, 12);
  ck_assert_uint_eq(count_type(T_FOOTNOTE), 0); /* markers inside a line */
  ck_assert_int_eq(find_tok(T_NUM, "12"), -1);
  ck_assert_int_eq(find_tok(T_NUM, "3"), -1);
  for (size_t i = 0; i < toks.n; i++)
    ck_assert(!(toks.v[i].type == T_PUNCT &&
                strchr("[]()#<>^", (int)toks.v[i].val)));
}
END_TEST

START_TEST(footnote_lines) {
  const char *s = "Text.<sup>1</sup>\n\n<sup>1</sup> See A/79/5.\n[^2]: Ibid.\n";
  lex_str(s, "en");
  ck_assert_uint_eq(count_type(T_FOOTNOTE), 2);
  long i = find_tok(T_FOOTNOTE, "<sup>1</sup>");
  ck_assert_int_ge(i, 0);
  ck_assert_uint_eq(toks.v[i].val, 1);
  ck_assert_uint_eq(toks.v[i].start, offset_of(s, "<sup>1</sup>", 1));
  ck_assert(toks.v[i - 1].type == T_BREAK);
  i = find_tok(T_FOOTNOTE, "[^2]:");
  ck_assert_int_ge(i, 0);
  ck_assert_uint_eq(toks.v[i].val, 2);
  const token *t = tok_is((size_t)i + 1, T_WORD, "Ibid");
  ck_assert(t->cls & W_IBID);
}
END_TEST

START_TEST(headings_and_quotes_are_markup) {
  const char *s = "## Resolution 10/3\n> quoted 61/144\n";
  lex_str(s, "en");
  tok_is(0, T_WORD, "Resolution");
  ck_assert(toks.v[0].flags & F_LINESTART);
  tok_is(1, T_SLASH, "10/3");
  ck_assert_int_eq(find_tok(T_PUNCT, "#"), -1);
  ck_assert_int_eq(find_tok(T_PUNCT, ">"), -1);
}
END_TEST

START_TEST(invalid_utf8_is_counted_from_the_first) {
  const char s[] = "resolution \xff 61/144 \xc3( and \xed\xa0\x80 918";
  lex_n(s, sizeof s - 1, "en");
  ck_assert_uint_eq(toks.invalid_utf8, 5); /* ff, c3, ed, a0, 80 */
  ck_assert_uint_eq(toks.first_invalid, 11);
  /* Scanning goes on around them. */
  tok_is(0, T_WORD, "resolution");
  tok_is(1, T_SLASH, "61/144");
  ck_assert_int_ge(find_tok(T_NUM, "918"), 0);
  ck_assert_int_ge(find_tok(T_PUNCT, "("), 0);
  /* A truncated sequence at the very end. */
  const char e[] = "resolution \xe2\x82";
  lex_n(e, sizeof e - 1, "en");
  ck_assert_uint_eq(toks.invalid_utf8, 2);
  ck_assert_uint_eq(toks.first_invalid, 11);
  /* Valid text: nothing counted. */
  lex_str("résolution № 5", "fr");
  ck_assert_uint_eq(toks.invalid_utf8, 0);
  ck_assert_uint_eq(toks.first_invalid, 0);
}
END_TEST

START_TEST(nul_bytes_separate_like_space) {
  const char s[] = "resolution\0" "61/144\0\0and";
  ck_assert_uint_eq(lex_n(s, sizeof s - 1, "en"), 3);
  tok_is(0, T_WORD, "resolution");
  const token *t = tok_is(1, T_SLASH, "61/144");
  ck_assert_uint_eq(t->start, 11);
  ck_assert(t->flags & F_SPACE);
  tok_is(2, T_WORD, "and");
  ck_assert_uint_eq(toks.invalid_utf8, 0);
}
END_TEST

START_TEST(crlf_lines_and_blank_lines) {
  const char *s = "The Council,\r\n\r\nresolution 665\r\n(1990)\r\n";
  lex_str(s, "en");
  long b = -1;
  for (size_t i = 0; i < toks.n; i++)
    if (toks.v[i].type == T_BREAK)
      b = (long)i;
  ck_assert_int_ge(b, 0);
  ck_assert_uint_eq(count_type(T_BREAK), 1);
  const token *t = tok_is((size_t)b + 1, T_WORD, "resolution");
  ck_assert(t->flags & F_LINESTART);
  t = &toks.v[find_tok(T_PUNCT, "(")];
  ck_assert(t->flags & F_LINESTART);
  /* No token holds a CR. */
  for (size_t i = 0; i < toks.n; i++)
    ck_assert_ptr_null(memchr(s + toks.v[i].start, '\r',
                              toks.v[i].end - toks.v[i].start));
}
END_TEST

START_TEST(no_break_and_typographic_spaces) {
  /* U+00A0, U+202F and U+2009 separate words like a space. */
  const char *s = "resolution\xc2\xa0" "918\xe2\x80\xaf(X)\xe2\x80\x89of";
  lex_str(s, "en");
  tok_is(0, T_WORD, "resolution");
  const token *t = tok_is(1, T_NUM, "918");
  ck_assert(t->flags & F_SPACE);
  ck_assert_uint_eq(t->start, 12);
  t = tok_is(2, T_PUNCT, "(");
  ck_assert(t->flags & F_SPACE);
  t = tok_is(3, T_WORD, "X");
  ck_assert(t->flags & F_ROMAN);
  ck_assert_uint_eq(t->roman, 10);
  tok_is(4, T_PUNCT, ")");
  t = tok_is(5, T_WORD, "of");
  ck_assert(t->flags & F_SPACE);
}
END_TEST

START_TEST(roman_numerals) {
  lex_str("(XXI) (CCCXCIX) (IV) (IIII) (CIVIL) (VX) (xxi) (L)", "en");
  const token *t = &toks.v[find_tok(T_WORD, "XXI")];
  ck_assert(t->flags & F_ROMAN);
  ck_assert_uint_eq(t->roman, 21);
  t = &toks.v[find_tok(T_WORD, "CCCXCIX")];
  ck_assert_uint_eq(t->roman, 399);
  t = &toks.v[find_tok(T_WORD, "IV")];
  ck_assert_uint_eq(t->roman, 4);
  t = &toks.v[find_tok(T_WORD, "L")];
  ck_assert_uint_eq(t->roman, 50);
  for (size_t i = 0; i < toks.n; i++) {
    t = &toks.v[i];
    const char *w = src + t->start;
    if (t->type == T_WORD || t->type == T_GAP) {
      int bad = strncmp(w, "IIII", 4) == 0 || strncmp(w, "CIVIL", 5) == 0 ||
                strncmp(w, "VX", 2) == 0 || strncmp(w, "xxi", 3) == 0;
      ck_assert_msg(!(bad && (t->flags & F_ROMAN)), "'%.*s' read as roman",
                    (int)(t->end - t->start), w);
    }
  }
}
END_TEST

START_TEST(digits_of_other_scripts) {
  /* Full-width "２３３１" and Arabic-Indic "٦٦٥". */
  const char *s = "res \xef\xbc\x92\xef\xbc\x93\xef\xbc\x93\xef\xbc\x91 "
                  "\xd9\xa6\xd9\xa6\xd9\xa5";
  lex_str(s, "en");
  const token *t = tok_is(1, T_NUM, NULL);
  ck_assert_uint_eq(t->val, 2331);
  ck_assert_uint_eq(t->val2, 4);
  ck_assert_uint_eq(t->end - t->start, 12);
  t = tok_is(2, T_NUM, NULL);
  ck_assert_uint_eq(t->val, 665);
}
END_TEST

START_TEST(accents_fold_to_vocabulary_words) {
  lex_str("RÉSOLUTION résolution Résolution re\xcc\x81solution", "fr");
  ck_assert_uint_eq(toks.n, 4);
  for (size_t i = 0; i < 4; i++) {
    ck_assert_uint_eq(toks.v[i].type, T_WORD);
    ck_assert(toks.v[i].cls & W_RES);
  }
  ck_assert(toks.v[0].flags & F_UPPER);
  ck_assert(toks.v[0].flags & F_CAP);
  ck_assert(!(toks.v[1].flags & F_CAP));
  ck_assert(toks.v[2].flags & F_CAP);
  /* Months carry their number. */
  lex_str("19 de diciembre de 2006", "es");
  const token *t = &toks.v[find_tok(T_WORD, "diciembre")];
  ck_assert(t->cls & W_MONTH);
  ck_assert_uint_eq(t->val, 12);
}
END_TEST

START_TEST(unknown_prose_collapses_into_gaps) {
  const char *s = "Noting with appreciation the comprehensive report "
                  "prepared by the secretariat on recent developments";
  lex_str(s, "en");
  ck_assert_uint_lt(toks.n, 8);
  ck_assert_uint_ge(count_type(T_GAP), 1);
  /* Tokens never go backwards and stay inside the text. */
  for (size_t i = 0; i < toks.n; i++) {
    ck_assert_uint_le(toks.v[i].start, toks.v[i].end);
    ck_assert_uint_le(toks.v[i].end, strlen(s));
    if (i)
      ck_assert_uint_le(toks.v[i - 1].start, toks.v[i].start);
  }
}
END_TEST

START_TEST(sentence_ends) {
  const char *s = "resolution 61/144. The vol. 5 and No. 7 end.";
  lex_str(s, "en");
  const token *t = &toks.v[find_tok(T_SLASH, "61/144") + 1];
  ck_assert_uint_eq(t->type, T_PUNCT);
  ck_assert(t->flags & F_SENTEND);
  t = &toks.v[find_tok(T_WORD, "vol") + 1];
  ck_assert(!(t->flags & F_SENTEND)); /* an abbreviation's dot */
  t = &toks.v[find_tok(T_WORD, "No") + 1];
  ck_assert(!(t->flags & F_SENTEND));
  t = &toks.v[toks.n - 1];
  ck_assert_uint_eq(t->val, '.');
  ck_assert(t->flags & F_SENTEND); /* the last token */
}
END_TEST

START_TEST(offsets_are_absolute_from_an_offset) {
  const char *s = "IGNORED resolution 61/144";
  lex_state lx;
  src = s;
  lex_begin(&lx, test_catalog(), vocab("en"), s, 8, strlen(s), &toks);
  ck_assert_int_eq(lex_chunk(&lx, 100, 100), 0);
  ck_assert_uint_eq(toks.n, 2);
  tok_is(0, T_WORD, "resolution");
  ck_assert_uint_eq(toks.v[0].start, 8);
  ck_assert(toks.v[0].flags & F_LINESTART);
  tok_is(1, T_SLASH, "61/144");
  ck_assert_uint_eq(toks.v[1].end, strlen(s));
}
END_TEST

START_TEST(chunks_end_at_paragraph_breaks) {
  /* Three paragraphs; a soft limit of 2 tokens ends each chunk at the next
   * break, and the chunks together hold every token of one pass. */
  const char *s = "resolution 61/144 and 74/176\n\nArticle 5 of\n\n"
                  "resolution 918 (X)\n";
  size_t whole = lex_str(s, "en");
  token all[64];
  ck_assert_uint_le(whole, 64);
  memcpy(all, toks.v, whole * sizeof *all);
  lex_state lx;
  lex_begin(&lx, test_catalog(), vocab("en"), s, 0, strlen(s), &toks);
  size_t seen = 0, chunks = 0;
  while (lx.pos < strlen(s)) {
    ck_assert_int_eq(lex_chunk(&lx, 2, 1000), 0);
    chunks++;
    ck_assert_uint_gt(toks.n, 0);
    if (lx.pos < strlen(s))
      ck_assert_uint_eq(toks.v[toks.n - 1].type, T_BREAK);
    for (size_t i = 0; i < toks.n; i++, seen++) {
      ck_assert_uint_lt(seen, whole);
      ck_assert_uint_eq(toks.v[i].start, all[seen].start);
      ck_assert_uint_eq(toks.v[i].end, all[seen].end);
      ck_assert_uint_eq(toks.v[i].type, all[seen].type);
    }
  }
  ck_assert_uint_eq(chunks, 3);
  ck_assert_uint_eq(seen, whole);
  /* A hard limit cuts text without breaks. */
  lex_begin(&lx, test_catalog(), vocab("en"), s, 0, strlen(s), &toks);
  ck_assert_int_eq(lex_chunk(&lx, 1, 3), 0);
  ck_assert_uint_eq(toks.n, 3);
  ck_assert_uint_eq(lx.pos, toks.v[2].end);
}
END_TEST

START_TEST(empty_and_blank_input) {
  ck_assert_uint_eq(lex_n("", 0, "en"), 0);
  ck_assert_uint_eq(lex_str("\n\n   \n\t\n", "en"), 0); /* no leading break */
  ck_assert_uint_eq(toks.invalid_utf8, 0);
}
END_TEST

START_TEST(language_detection) {
  const cg_catalog *cat = test_catalog();
  const char *es = "Recordando que la Asamblea General de las Naciones Unidas "
                   "aprobó la resolución con el apoyo de los Estados";
  const char *fr = "Rappelant que les États membres ont adopté la résolution "
                   "sur la question et qui est dans le rapport du Conseil";
  const char *en = "Recalling that the General Assembly adopted its "
                   "resolution on the question, which is in the report";
  ck_assert_int_eq(lex_detect_language(cat, es, strlen(es), -1),
                   catalog_lang_index(cat, "es"));
  ck_assert_int_eq(lex_detect_language(cat, fr, strlen(fr), -1),
                   catalog_lang_index(cat, "fr"));
  ck_assert_int_eq(lex_detect_language(cat, en, strlen(en), -1),
                   catalog_lang_index(cat, "en"));
  ck_assert_int_eq(lex_detect_language(cat, "61/144 2331 (2016)", 18, -1), -1);
  ck_assert_int_eq(lex_detect_language(cat, "", 0, -1), -1);
  /* Case and accents do not matter: "DE LA" is Spanish or French. */
  int li = lex_detect_language(cat, "QUE DE LA DEL LOS", 17, -1);
  ck_assert_int_eq(li, catalog_lang_index(cat, "es"));
}
END_TEST

START_TEST(language_hint) {
  /* A hint decides where the text shows no language or two at once, and
   * nowhere else. */
  const cg_catalog *cat = test_catalog();
  int fr = catalog_lang_index(cat, "fr"), es = catalog_lang_index(cat, "es"),
      en = catalog_lang_index(cat, "en"), zh = catalog_lang_index(cat, "zh");
  const char *tie = "Contributions volontaires en especes";
  int alone = lex_detect_language(cat, tie, strlen(tie), -1);
  ck_assert(alone == fr || alone == es);
  ck_assert_int_eq(lex_detect_language(cat, tie, strlen(tie), fr), fr);
  ck_assert_int_eq(lex_detect_language(cat, tie, strlen(tie), es), es);
  ck_assert_int_eq(lex_detect_language(cat, "61/144 2331 (2016)", 18, zh), zh);
  /* Names in Latin letters and a few ideographs: no language by script or
   * by word, so the hint. */
  const char *names = "115\xe6\x9e\x9a\xe7\x82\xae\xe5\xbc\xb9 14. Salih Salih "
                      "12. Abdullah Sarwaji";
  ck_assert_int_eq(lex_detect_language(cat, names, strlen(names), zh), zh);
  /* Clear evidence wins over the hint. */
  const char *english = "Recalling that the General Assembly adopted its "
                        "resolution on the question, which is in the report";
  ck_assert_int_eq(lex_detect_language(cat, english, strlen(english), fr), en);
  /* A tie of frequent words and no hint: the vocabulary that knows more of
   * the words ("résolution", not "resolución"). */
  const char *title = "II. Application de la r\xc3\xa9solution 1701 (2006)";
  ck_assert_int_eq(lex_detect_language(cat, title, strlen(title), -1), fr);
  const char *titulo = "II. Aplicaci\xc3\xb3n de la resoluci\xc3\xb3n 1701 (2006)";
  ck_assert_int_eq(lex_detect_language(cat, titulo, strlen(titulo), -1), es);
  /* letters first: "ó" is Spanish, whatever words the vocabularies know */
  const char *sur = "Destaca que la cooperaci\xc3\xb3n no sustituye a la asistencia";
  ck_assert_int_eq(lex_detect_language(cat, sur, strlen(sur), -1), es);
}
END_TEST

START_TEST(cyrillic_words_fold_by_table) {
  /* Case, ё as е, a stress mark (U+0301, read by the general path), and
   * words longer than one eight-byte step. */
  lex_str("Резолюция РЕЗОЛЮЦИЯ резолюция статьёй статьей резолю\xcc\x81ция "
          "резолюциями",
          "ru");
  ck_assert_uint_eq(toks.n, 7);
  for (size_t i = 0; i < 7; i++)
    ck_assert_uint_eq(toks.v[i].type, T_WORD);
  ck_assert(toks.v[0].cls & W_RES);
  ck_assert((toks.v[0].flags & (F_CAP | F_UPPER)) == F_CAP);
  ck_assert((toks.v[1].flags & (F_CAP | F_UPPER)) == (F_CAP | F_UPPER));
  ck_assert(!(toks.v[2].flags & (F_CAP | F_UPPER)));
  ck_assert(toks.v[3].cls & W_ART);
  ck_assert_uint_eq(toks.v[3].wid, toks.v[4].wid);
  ck_assert(toks.v[5].cls & W_RES);
  ck_assert_uint_eq(toks.v[5].wid, toks.v[2].wid);
  ck_assert(toks.v[6].cls & W_PLURAL);
}
END_TEST

START_TEST(cyrillic_and_arabic_prose_collapses_into_one_gap) {
  /* Words no vocabulary knows, also after clitics are taken off. */
  lex_str("подчеркивает необходимость дальнейшего укрепления", "ru");
  ck_assert_uint_eq(toks.n, 1);
  tok_is(0, T_GAP, "подчеркивает необходимость дальнейшего укрепления");
  lex_str("اشتباكات المسيحيين والمسلمين أسفرت مقتل", "ar");
  ck_assert_uint_eq(toks.n, 1);
  tok_is(0, T_GAP, "اشتباكات المسيحيين والمسلمين أسفرت مقتل");
  /* A capital starts a new gap; a vocabulary word ends one. */
  lex_str("подчеркивает Необходимость дальнейшего резолюции укрепления", "ru");
  ck_assert_uint_eq(toks.n, 4);
  tok_is(0, T_GAP, "подчеркивает");
  tok_is(1, T_GAP, "Необходимость дальнейшего");
  ck_assert(toks.v[1].flags & F_CAP);
  tok_is(2, T_WORD, "резолюции");
  tok_is(3, T_GAP, "укрепления");
}
END_TEST

START_TEST(arabic_clitics_marks_and_tatweel) {
  /* و, ب, لل (ل + ال) before the word, a pronoun after it; a tatweel and
   * a vowel mark inside it; أ and ة folded. */
  lex_str("قرار القرار والقرار بالقرار للقرار قراره القـرار القَرار "
          "المادة المادّة",
          "ar");
  ck_assert_uint_eq(toks.n, 10);
  for (size_t i = 0; i < 8; i++) {
    ck_assert_uint_eq(toks.v[i].type, T_WORD);
    ck_assert_msg(toks.v[i].cls & W_RES, "token %zu", i);
  }
  ck_assert(toks.v[5].flags & F_POSS);
  ck_assert(!(toks.v[4].flags & F_POSS));
  ck_assert(toks.v[8].cls & W_ART);
  ck_assert(toks.v[9].cls & W_ART);
  for (size_t i = 0; i < toks.n; i++)
    ck_assert(!(toks.v[i].flags & (F_CAP | F_UPPER)));
}
END_TEST

START_TEST(ideographs_cut_into_words_and_gaps) {
  lex_str("先前担心变成性质", "zh");
  ck_assert_uint_eq(toks.n, 1);
  tok_is(0, T_GAP, "先前担心变成性质");
  lex_str("担心决议变成", "zh");
  ck_assert_uint_eq(toks.n, 3);
  tok_is(0, T_GAP, "担心");
  ck_assert(tok_is(1, T_WORD, "决议")->cls & W_RES);
  tok_is(2, T_GAP, "变成");
  /* Numerals after 第, in ideographs or full-width digits. */
  lex_str("第十九条第２３条", "zh");
  ck_assert_uint_eq(toks.n, 6);
  ck_assert(tok_is(0, T_WORD, "第")->cls & W_NPREFIX);
  ck_assert_uint_eq(tok_is(1, T_NUM, "十九")->val, 19);
  ck_assert(tok_is(2, T_WORD, "条")->cls & W_ART);
  ck_assert_uint_eq(tok_is(4, T_NUM, "２３")->val, 23);
  ck_assert(tok_is(5, T_WORD, "条")->cls & W_ART);
}
END_TEST

/* Guillemets written as two angle brackets, as the French and Russian texts
 * of the UN Parallel Corpus write them, are quotation marks; one, or three,
 * are not. */
START_TEST(double_angle_brackets_are_quotes) {
  lex_str("intitulé << L'avenir >> a < b <<< c", "fr");
  long open = find_tok(T_PUNCT, "<<"), close = find_tok(T_PUNCT, ">>");
  ck_assert_int_ge(open, 0);
  ck_assert_int_ge(close, 0);
  ck_assert_uint_eq(toks.v[open].val, '"');
  ck_assert_uint_eq(toks.v[close].val, '"');
  ck_assert_int_lt(find_tok(T_PUNCT, "<<<"), 0);
  size_t quotes = 0;
  for (size_t i = 0; i < toks.n; i++)
    quotes += toks.v[i].type == T_PUNCT && toks.v[i].val == '"';
  ck_assert_uint_eq(quotes, 2);
}
END_TEST

START_TEST(chinese_punctuation_and_spaces) {
  lex_str("决议，决议。（决议）《决议》决议\xe3\x80\x80决议", "zh");
  static const int type[] = {T_WORD, T_PUNCT, T_WORD, T_PUNCT, T_PUNCT,
                             T_WORD, T_PUNCT, T_PUNCT, T_WORD, T_PUNCT,
                             T_WORD, T_WORD};
  static const char val[] = {0, ',', 0, '.', '(', 0, ')', '"', 0, '"', 0, 0};
  ck_assert_uint_eq(toks.n, 12);
  for (size_t i = 0; i < 12; i++) {
    ck_assert_uint_eq(toks.v[i].type, type[i]);
    if (val[i])
      ck_assert_uint_eq(toks.v[i].val, (unsigned char)val[i]);
  }
  /* The ideographic space separates like a space. */
  ck_assert(!(toks.v[10].flags & F_SPACE));
  ck_assert(toks.v[11].flags & F_SPACE);
}
END_TEST

/* Lexes random mixtures of the pieces with the vocabulary of `code` both
 * ways, with the vector instructions and without, and asserts the same
 * tokens: some pieces repeated into long runs, the text sometimes cut
 * inside a character. */
static void same_tokens_both_ways(const char *const *piece, size_t npiece,
                                  const char *code, int rounds) {
  token_list plain = {0};
  uint32_t seed = 12345;
  char text[2048];
  for (int round = 0; round < rounds; round++) {
    size_t n = 0;
    size_t want = 1 + (size_t)(round % 97) * 9;
    while (n < want) {
      seed = seed * 1103515245u + 12345u;
      const char *pc = piece[(seed >> 16) % npiece];
      size_t k = strlen(pc);
      size_t times = ((seed >> 8) & 7) == 0 ? 1 + (seed >> 24) % 20 : 1;
      for (size_t t = 0; t < times && n + k < sizeof text; t++) {
        memcpy(text + n, pc, k);
        n += k;
      }
      if (n + 8 >= sizeof text)
        break;
    }
    seed = seed * 1103515245u + 12345u;
    size_t cut = n - (seed >> 16) % (n < 3 ? n : 3);
    lex_use_vectors(0);
    lex_n(text, cut, code);
    plain.n = toks.n;
    plain.invalid_utf8 = toks.invalid_utf8;
    plain.first_invalid = toks.first_invalid;
    plain.v = realloc(plain.v, toks.n * sizeof *toks.v + 1);
    ck_assert_ptr_nonnull(plain.v);
    if (toks.n)
      memcpy(plain.v, toks.v, toks.n * sizeof *toks.v);
    lex_use_vectors(1);
    lex_n(text, cut, code);
    ck_assert_uint_eq(toks.n, plain.n);
    ck_assert_uint_eq(toks.invalid_utf8, plain.invalid_utf8);
    ck_assert_uint_eq(toks.first_invalid, plain.first_invalid);
    ck_assert(toks.n == 0 || memcmp(toks.v, plain.v, toks.n * sizeof *toks.v) == 0);
  }
  free(plain.v);
}

/* Ideographs read eight at a time (vector) or one by one give the same
 * tokens: vocabulary words, other ideographs (some begin vocabulary
 * words), punctuation, numerals, letters, four-byte ideographs, bytes that
 * are not UTF-8. */
START_TEST(ideographs_read_eight_at_a_time_as_one_by_one) {
  static const char *const piece[] = {
      "决议", "第", "条", "款", "公约", "大会", "安全理事会", "联合国", "号",
      "十九", "一百五十六", "先前担心", "变成性质", "国", "会", "大", "理",
      "\xe4\xb8\x80", "\xe3\x90\x80", "\xe9\xbf\xbf", "\xe3\x8f\xbf",
      "，", "。", "、", "《", "》", "（", "）", "\xe3\x80\x80", "２３", "12/7",
      " ", "\n", "\n\n", "A/RES/61/144", "Convention", "\xf0\xa0\x80\x80",
      "\xef\xa4\x80", "\xc3\xa9", "\xe4\xb8", "\xe4", "\x80", "\xff"};
  same_tokens_both_ways(piece, sizeof piece / sizeof *piece, "zh", 3000);
}
END_TEST

/* Lower-case prose skipped thirty-two bytes at a time (vector) or eight
 * and one by one gives the same tokens, in three languages: words with
 * and without accents, single and double spaces, commas, names the
 * catalogue writes in lower case, capitals, numbers, other punctuation,
 * the bytes around à..ÿ that are no letter of the skim. */
START_TEST(prose_skipped_in_blocks_as_one_by_one) {
  static const char *const piece[] = {
      "the ", "of ", "and ", "its ", "resolution ", "article ", "paragraph ",
      "outcome document of the ", "general comment ", "recommandation générale ",
      "examen périodique universel ", "développement ", "économique ", "niño ",
      "años ", "derechos ", "humanos ", "mujeres ", "sécurité ", "prose ", "text ",
      "a ", "x", "y", ", ", ",", " ", "  ", ". ", ".", "\n", "\n\n", "'", "-",
      "(", ")", ";", "General Assembly ", "Convention ", "61/144 ", "2331 (2016) ",
      "\xc3\xb7", "\xc3\x89", "\xc3", "\xc3\xa9", "\xc3\xbf", "\xc3\xa0",
      "\xe2\x80\x99", "\xd0\xb0", "z", "abcdefghijklmnopqrstuvwxyz ",
      "l'", "d\xe2\x80\x99", "qu'", "long-", "l'accord de paris ", "\xe2\x80", "\xe2"};
  same_tokens_both_ways(piece, sizeof piece / sizeof *piece, "en", 2000);
  same_tokens_both_ways(piece, sizeof piece / sizeof *piece, "fr", 2000);
  same_tokens_both_ways(piece, sizeof piece / sizeof *piece, "es", 2000);
}
END_TEST

/* Cyrillic and Arabic words read sixteen letters at a time (vector),
 * four at a time or one by one give the same tokens: letters that fold
 * to themselves, capitals, the Arabic letters that fold (أ إ آ ة ى), the
 * tatweel, marks, clitics, other scripts, cut characters. */
START_TEST(cyrillic_and_arabic_read_in_blocks_as_one_by_one) {
  static const char *const piece[] = {
      "резолюции ", "подчеркивает ", "необходимость", "дальнейшего ", "Совета ",
      "Безопасности ", "статья ", "ё", "Ё", "\xd0", "ааааааааааааааааааа",
      "Генеральной Ассамблеи ", "القرار ", "والأمم ", "المتحدة ", "للجمعية ",
      "العامة ", "إلى ", "الاتفاقية ", "مجلس ", "الأمن ", "ـ", "\xd9\x8e",
      "ىىىىىىىىىىىىىىىىىىىى", "ةةة", "آ", "بببببببببببببببببب", "\xd8", "a", "1325 ",
      "(2000)", " ", "\n", ", ", "\xc3\xa9", "\xe2\x80\x8f", "\xd6\x90"};
  same_tokens_both_ways(piece, sizeof piece / sizeof *piece, "ru", 2000);
  same_tokens_both_ways(piece, sizeof piece / sizeof *piece, "ar", 2000);
}
END_TEST

/* Arabic words looked up once and kept in a memo give the tokens they
 * give looked up each time, the memo new or holding the words of an
 * earlier text and of another language: clitics, possessive suffixes,
 * the lam-alef ligature written backwards, words too long to keep, words
 * that are no vocabulary word and extend a gap. */
START_TEST(arabic_words_from_the_memo_as_looked_up_each_time) {
  static const char *const piece[] = {
      "القرار ", "والقرار ", "بالقرار ", "للقرار ", "قراره ", "قرارها ", "الأمم ",
      "األمم ", "االتفاقية ", "الاتفاقية ", "المتحدة ", "للجمعية ", "العامة ", "مجلس ",
      "الأمن ", "المادة ", "لاتفاقية ", "وباتفاقيتها ", "كلمة ", "أخرى ", "نص ",
      "ومممممممممممممممممممممممممممممممممممم ", "1325 ", "(2000)", ", ", "\n", "\n\n"};
  const size_t npiece = sizeof piece / sizeof *piece;
  word_memo *memo = calloc(1, sizeof *memo);
  ck_assert_ptr_nonnull(memo);
  token_list plain = {0};
  uint32_t seed = 777;
  char text[4096];
  for (int round = 0; round < 300; round++) {
    size_t n = 0, want = 1 + (size_t)(round % 61) * 50;
    while (n < want && n + 64 < sizeof text) {
      seed = seed * 1103515245u + 12345u;
      const char *pc = piece[(seed >> 16) % npiece];
      memcpy(text + n, pc, strlen(pc));
      n += strlen(pc);
    }
    for (int with_memo = 0; with_memo < 2; with_memo++) {
      lex_state lx;
      src = text;
      lex_begin(&lx, test_catalog(), vocab("ar"), text, 0, n, &toks);
      lx.memo = with_memo ? memo : NULL;
      ck_assert_int_eq(lex_chunk(&lx, 1u << 20, 1u << 20), 0);
      if (!with_memo) {
        plain.n = toks.n;
        plain.v = realloc(plain.v, toks.n * sizeof *toks.v + 1);
        ck_assert_ptr_nonnull(plain.v);
        if (toks.n)
          memcpy(plain.v, toks.v, toks.n * sizeof *toks.v);
      } else {
        ck_assert_uint_eq(toks.n, plain.n);
        ck_assert(toks.n == 0 || memcmp(toks.v, plain.v, toks.n * sizeof *toks.v) == 0);
      }
    }
    if (round % 50 == 7)
      lex_str("резолюции Совета Безопасности", "ru"); /* another language between */
  }
  free(plain.v);
  free(memo);
}
END_TEST

/* skim() keeps word ends in a ring of three but reads the fourth from last
 * (ends[(words - 4) % 3] is ends[(words - 1) % 3]): the gap it makes runs to
 * the end of the prose and overlaps the context words scanned after it. */
START_TEST(bug_skim_gap_overlaps_next_tokens) {
  const char *s = "a b c d e f g h i j";
  lex_str(s, "en");
  for (size_t i = 1; i < toks.n; i++)
    ck_assert_msg(toks.v[i - 1].end <= toks.v[i].start,
                  "token %zu [%u,%u) overlaps token %zu [%u,%u)", i - 1,
                  toks.v[i - 1].start, toks.v[i - 1].end, i,
                  toks.v[i].start, toks.v[i].end);
}
END_TEST

/* When a chunk ends at the hard limit in prose (lx->calm >= 3), the next
 * chunk starts with out->n == 0 and the skim branch reads (and may write)
 * out->v[-1]. Valgrind reports the invalid read; the tokens also overlap. */
START_TEST(bug_chunk_boundary_reads_before_tokens) {
  const char *s = "the of the of the of the of the of";
  lex_state lx;
  src = s;
  lex_begin(&lx, test_catalog(), vocab("en"), s, 0, strlen(s), &toks);
  ck_assert_int_eq(lex_chunk(&lx, 3, 3), 0);
  ck_assert_uint_eq(toks.n, 3);
  uint32_t last_end = toks.v[2].end;
  ck_assert_int_eq(lex_chunk(&lx, 3, 3), 0);
  ck_assert_uint_gt(toks.n, 0);
  ck_assert_uint_ge(toks.v[0].start, last_end);
  for (size_t i = 1; i < toks.n; i++)
    ck_assert_uint_le(toks.v[i - 1].end, toks.v[i].start);
}
END_TEST

Suite *lex_suite(void) {
  Suite *s = suite_create("lex");
  TCase *tc = tcase_create("tokens");
  tcase_add_checked_fixture(tc, NULL, lex_teardown);
  tcase_add_test(tc, words_numbers_and_slash_numbers);
  tcase_add_test(tc, document_symbols);
  tcase_add_test(tc, joint_symbol_is_two_symbols);
  tcase_add_test(tc, foreign_codes_are_not_symbols);
  tcase_add_test(tc, markdown_emphasis_makes_no_token);
  tcase_add_test(tc, markdown_links_and_sup_markers);
  tcase_add_test(tc, footnote_lines);
  tcase_add_test(tc, headings_and_quotes_are_markup);
  tcase_add_test(tc, invalid_utf8_is_counted_from_the_first);
  tcase_add_test(tc, nul_bytes_separate_like_space);
  tcase_add_test(tc, crlf_lines_and_blank_lines);
  tcase_add_test(tc, no_break_and_typographic_spaces);
  tcase_add_test(tc, roman_numerals);
  tcase_add_test(tc, digits_of_other_scripts);
  tcase_add_test(tc, accents_fold_to_vocabulary_words);
  tcase_add_test(tc, unknown_prose_collapses_into_gaps);
  tcase_add_test(tc, sentence_ends);
  tcase_add_test(tc, offsets_are_absolute_from_an_offset);
  tcase_add_test(tc, chunks_end_at_paragraph_breaks);
  tcase_add_test(tc, empty_and_blank_input);
  tcase_add_test(tc, language_detection);
  tcase_add_test(tc, language_hint);
  tcase_add_test(tc, cyrillic_words_fold_by_table);
  tcase_add_test(tc, cyrillic_and_arabic_prose_collapses_into_one_gap);
  tcase_add_test(tc, arabic_clitics_marks_and_tatweel);
  tcase_add_test(tc, ideographs_cut_into_words_and_gaps);
  tcase_add_test(tc, chinese_punctuation_and_spaces);
  tcase_add_test(tc, ideographs_read_eight_at_a_time_as_one_by_one);
  tcase_add_test(tc, prose_skipped_in_blocks_as_one_by_one);
  tcase_add_test(tc, cyrillic_and_arabic_read_in_blocks_as_one_by_one);
  tcase_add_test(tc, arabic_words_from_the_memo_as_looked_up_each_time);
  tcase_add_test(tc, double_angle_brackets_are_quotes);
  suite_add_tcase(s, tc);
  tc = tcase_create("known_bugs");
  tcase_add_checked_fixture(tc, NULL, lex_teardown);
  tcase_add_test(tc, bug_skim_gap_overlaps_next_tokens);
  tcase_add_test(tc, bug_chunk_boundary_reads_before_tokens);
  suite_add_tcase(s, tc);
  return s;
}
