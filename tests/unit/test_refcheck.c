/* test_refcheck.c — the catalogue check: every kind of finding on a small
 * catalogue written for it, resolution identifiers against the real
 * bodies, the real catalogue's report, and the error paths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "refcheck.h"
#include "suites.h"

/* A catalogue with one case of each finding. Language "xx" has clitic
 * prefixes: "l" glued to a word, "al" the article ("ll" stands for l + al),
 * so "lkonvencio" is l + "konvencio" (which starts a name), "alkonvencio"
 * a form of the word, "llasembleo" l + "asembleo", "lartikolo" l + the
 * citation word "artikolo", and "lprotokolo" l + "protokolo" but also the
 * first word of a name. */
static const char INSTRUMENTS[] =
    "ambiguous:\n"
    "  xx: [Viena Konvencio, Sola Nomo, Nenio Tia]\n"
    "instruments:\n"
    "  - id: VK1\n"
    "    adopted_by: A/RES/55/25\n"
    "    treaty_series: {volume: 500, number: 7310}\n"
    "    names:\n"
    "      en: [Vienna Convention on Diplomatic Relations]\n"
    "      xx: [Viena Konvencio pri Diplomatiaj Rilatoj]\n"
    "      yy: [Wiener Diplomatenkonvention]\n"
    "    generic:\n"
    "      xx: [Konvencio]\n"
    "  - id: VK2\n"
    "    adopted_by: A/RES/61-144\n"
    "    treaty_series: {volume: 500, number: 7310}\n"
    "    names:\n"
    "      en: [Vienna Convention on Consular Relations]\n"
    "      xx: [Viena Konvencio pri Konsulaj Rilatoj]\n"
    "    generic:\n"
    "      xx: [Konvencio]\n"
    "  - id: VK2/P\n"
    "    adopted_by: WHA72.1\n"
    "    treaty_series: {volume: 600, number: 7310}\n"
    "    names:\n"
    "      en: [Optional Protocol to the Vienna Convention on Consular "
    "Relations]\n"
    "      xx: [Protokolo lkonvencio pri Konsulaj Rilatoj, Protokolo "
    "alkonvencio pri Konsulaj Rilatoj]\n"
    "    generic:\n"
    "      xx: [Protokolo]\n"
    "  - id: SOLA\n"
    "    adopted_by: CONF/COP/DEC/3/2\n"
    "    names:\n"
    "      xx: [Sola Nomo de la Traktato lzo lartikolo]\n"
    "    short:\n"
    "      xx: [Asembleo]\n"
    "      en: [Sole Treaty]\n"
    "  - id: OLD\n"
    "    adopted_by: A/RES/3201(S-VI)\n"
    "    names:\n"
    "      en: [Old Declaration]\n"
    "      xx: [Malnova Deklaracio, Lprotokolo Malnova]\n";

static const char BODIES[] =
    "bodies:\n"
    "  - id: GA\n"
    "    prefix: A\n"
    "    numbering: [session, roman]\n"
    "    names:\n"
    "      xx: [Granda Asembleo]\n"
    "    short:\n"
    "      xx: [Asembleo]\n"
    "  - id: CONF\n"
    "    prefix: CONF/COP\n"
    "    numbering: [session]\n"
    "    names:\n"
    "      xx: [Konferenco llasembleo]\n";

#define VOCAB_WORDS                                                            \
  "detect: [zo, ka, mi]\n"                                                     \
  "words:\n"                                                                   \
  "  resolution: [rezolucio]\n"                                                \
  "  decision: [decido]\n"                                                     \
  "  article: [artikolo]\n"                                                    \
  "  of: [zo]\n"                                                               \
  "months: [unua, dua, tria, kvara, kvina, sesa, sepa, oka, nauxa, deka, "     \
  "dekunua, dekdua]\n"

static const char XX[] = "lang: xx\n"
                         "prefixes: [\"ll>al\", al, l]\n" VOCAB_WORDS;
static const char EN[] = "lang: en\n" VOCAB_WORDS;

typedef struct {
  char *dir;
  cg_check_report *rep;
  cg_diag diag;
  cg_status st;
} checked;

static void check_with(checked *c, const char *instruments) {
  c->dir = tmpdir_new();
  ck_assert_int_eq(write_text(c->dir, "instruments.yaml", instruments), 0);
  ck_assert_int_eq(write_text(c->dir, "bodies.yaml", BODIES), 0);
  ck_assert_int_eq(write_text(c->dir, "lang/xx.yaml", XX), 0);
  ck_assert_int_eq(write_text(c->dir, "lang/en.yaml", EN), 0);
  c->rep = (cg_check_report *)c; /* must become NULL on failure */
  c->st = cg_catalog_check(c->dir, &c->rep, &c->diag);
}

static void checked_done(checked *c) {
  cg_check_report_free(c->rep);
  tmpdir_remove(c->dir);
}

/* The findings of `kind` whose name is `name` (any name when NULL). */
static size_t count_of(const cg_check_report *rep, cg_check_kind kind,
                       const char *name) {
  size_t n = 0;
  for (size_t i = 0; i < cg_check_report_count(rep); i++) {
    const cg_check_finding *f = cg_check_report_finding(rep, i);
    n += f->kind == kind && (!name || !strcmp(f->name, name));
  }
  return n;
}

/* The only finding of `kind` named `name`; fails the test otherwise. */
static const cg_check_finding *the(const cg_check_report *rep,
                                   cg_check_kind kind, const char *name) {
  ck_assert_msg(count_of(rep, kind, name) == 1, "%zu %s findings '%s'",
                count_of(rep, kind, name), cg_check_kind_name(kind), name);
  for (size_t i = 0; i < cg_check_report_count(rep); i++) {
    const cg_check_finding *f = cg_check_report_finding(rep, i);
    if (f->kind == kind && !strcmp(f->name, name))
      return f;
  }
  return NULL;
}

/* The finding's instruments, joined by spaces. */
static const char *ids(const cg_check_finding *f) {
  static char buf[512];
  size_t o = 0;
  buf[0] = '\0';
  for (size_t k = 0; k < f->ninstruments && o < sizeof buf; k++)
    o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", k ? " " : "",
                          f->instruments[k]);
  return buf;
}

START_TEST(ambiguous_names_list_the_instruments_they_may_mean) {
  checked c;
  check_with(&c, INSTRUMENTS);
  ck_assert_msg(c.st == CG_OK, "%s", c.diag.message);
  const cg_check_finding *f = the(c.rep, CG_CHECK_AMBIGUOUS, "Viena Konvencio");
  ck_assert_str_eq(f->lang, "xx");
  ck_assert_str_eq(ids(f), "VK1 VK2");
  ck_assert(!f->warning);
  ck_assert(strstr(f->file, "instruments.yaml"));
  ck_assert_uint_eq(f->line, 2);
  ck_assert_uint_eq(f->column, 8);
  /* One instrument only: the declaration hides a good name. */
  f = the(c.rep, CG_CHECK_AMBIGUOUS, "Sola Nomo");
  ck_assert_str_eq(ids(f), "SOLA");
  ck_assert(f->warning);
  /* None: a phrase that only stops the names inside it. */
  f = the(c.rep, CG_CHECK_AMBIGUOUS, "Nenio Tia");
  ck_assert_uint_eq(f->ninstruments, 0);
  ck_assert(!f->warning);
  checked_done(&c);
}
END_TEST

START_TEST(generic_forms_count_their_instruments) {
  checked c;
  check_with(&c, INSTRUMENTS);
  ck_assert_msg(c.st == CG_OK, "%s", c.diag.message);
  const cg_check_finding *f = the(c.rep, CG_CHECK_GENERIC, "Konvencio");
  ck_assert_str_eq(ids(f), "VK1 VK2");
  ck_assert(strstr(f->detail, "shared by 2 instruments"));
  f = the(c.rep, CG_CHECK_GENERIC, "Protokolo");
  ck_assert_str_eq(ids(f), "VK2/P");
  /* Most shared first. */
  size_t first = SIZE_MAX;
  for (size_t i = 0; i < cg_check_report_count(c.rep) && first == SIZE_MAX; i++)
    if (cg_check_report_finding(c.rep, i)->kind == CG_CHECK_GENERIC)
      first = i;
  ck_assert_str_eq(cg_check_report_finding(c.rep, first)->name, "Konvencio");
  checked_done(&c);
}
END_TEST

START_TEST(short_title_that_names_a_body_is_a_warning) {
  checked c;
  check_with(&c, INSTRUMENTS);
  ck_assert_msg(c.st == CG_OK, "%s", c.diag.message);
  const cg_check_finding *f = the(c.rep, CG_CHECK_BODY_NAME, "Asembleo");
  ck_assert(f->warning);
  ck_assert_str_eq(ids(f), "SOLA");
  ck_assert_str_eq(f->body, "GA");
  ck_assert_str_eq(f->lang, "xx");
  checked_done(&c);
}
END_TEST

START_TEST(treaty_series_shared_volume_and_number) {
  checked c;
  check_with(&c, INSTRUMENTS);
  ck_assert_msg(c.st == CG_OK, "%s", c.diag.message);
  const cg_check_finding *f =
      the(c.rep, CG_CHECK_TREATY_SERIES, "vol. 500, No. 7310");
  ck_assert(f->warning);
  ck_assert_str_eq(ids(f), "VK1 VK2");
  ck_assert_uint_eq(f->line, 15); /* VK2's treaty_series */
  f = the(c.rep, CG_CHECK_TREATY_SERIES, "No. 7310");
  ck_assert(!f->warning);
  ck_assert_str_eq(ids(f), "VK1 VK2 VK2/P");
  checked_done(&c);
}
END_TEST

START_TEST(adopted_by_must_be_a_resolution_identifier) {
  checked c;
  check_with(&c, INSTRUMENTS);
  ck_assert_msg(c.st == CG_OK, "%s", c.diag.message);
  ck_assert_uint_eq(count_of(c.rep, CG_CHECK_ADOPTED_BY, NULL), 2);
  const cg_check_finding *f = the(c.rep, CG_CHECK_ADOPTED_BY, "A/RES/61-144");
  ck_assert_str_eq(ids(f), "VK2");
  ck_assert(strstr(f->detail, "GA (A)"));
  ck_assert_uint_eq(f->line, 14);
  f = the(c.rep, CG_CHECK_ADOPTED_BY, "WHA72.1"); /* no WHA body here */
  ck_assert_str_eq(ids(f), "VK2/P");
  checked_done(&c);
}
END_TEST

START_TEST(instrument_without_english_title) {
  checked c;
  check_with(&c, INSTRUMENTS);
  ck_assert_msg(c.st == CG_OK, "%s", c.diag.message);
  ck_assert_uint_eq(count_of(c.rep, CG_CHECK_NO_ENGLISH, NULL), 1);
  const cg_check_finding *f = the(c.rep, CG_CHECK_NO_ENGLISH, "SOLA");
  ck_assert(strstr(f->detail, "short title")); /* it has "Sole Treaty" */
  checked_done(&c);
}
END_TEST

START_TEST(clitic_words_that_hide_names) {
  checked c;
  check_with(&c, INSTRUMENTS);
  ck_assert_msg(c.st == CG_OK, "%s", c.diag.message);
  /* Titles after the clitic: the scanner reads the word both ways. */
  const cg_check_finding *f = the(c.rep, CG_CHECK_CLITIC, "lkonvencio");
  ck_assert(!f->warning);
  ck_assert_str_eq(ids(f), "VK2/P");
  ck_assert_str_eq(f->context, "Protokolo lkonvencio pri Konsulaj Rilatoj");
  ck_assert(strstr(f->detail, "l + konvencio"));
  ck_assert(strstr(f->detail, "also reads it as l + \"konvencio\""));
  /* A body's name: "ll" is l + al, tried as "alasembleo", then as
   * "asembleo". */
  f = the(c.rep, CG_CHECK_CLITIC, "llasembleo");
  ck_assert_uint_eq(f->ninstruments, 0);
  ck_assert_str_eq(f->body, "CONF");
  ck_assert(strstr(f->detail, "ll + asembleo"));
  /* A citation word after the clitic is never seen. */
  f = the(c.rep, CG_CHECK_CLITIC, "lartikolo");
  ck_assert(f->warning);
  ck_assert_str_eq(ids(f), "SOLA");
  ck_assert(strstr(f->detail, "citation word \"artikolo\" is not seen"));
  /* A word that starts a name itself is followed alone there. */
  f = the(c.rep, CG_CHECK_CLITIC, "Lprotokolo");
  ck_assert(f->warning);
  ck_assert_str_eq(ids(f), "OLD");
  ck_assert(strstr(f->detail, "starts a name itself"));
  /* The article is part of the word; "zo" matters to no citation. */
  ck_assert_uint_eq(count_of(c.rep, CG_CHECK_CLITIC, "alkonvencio"), 0);
  ck_assert_uint_eq(count_of(c.rep, CG_CHECK_CLITIC, "lzo"), 0);
  ck_assert_uint_eq(count_of(c.rep, CG_CHECK_CLITIC, NULL), 4);
  checked_done(&c);
}
END_TEST

START_TEST(names_in_a_language_without_vocabulary) {
  checked c;
  check_with(&c, INSTRUMENTS);
  ck_assert_msg(c.st == CG_OK, "%s", c.diag.message);
  const cg_check_finding *f = the(c.rep, CG_CHECK_UNREAD_LANGUAGE, "yy");
  ck_assert(f->warning);
  ck_assert_str_eq(ids(f), "VK1");
  checked_done(&c);
}
END_TEST

START_TEST(coverage_counts_full_titles_per_language) {
  checked c;
  check_with(&c, INSTRUMENTS);
  ck_assert_msg(c.st == CG_OK, "%s", c.diag.message);
  ck_assert_uint_eq(cg_check_report_instruments(c.rep), 5);
  ck_assert_uint_eq(cg_check_report_bodies(c.rep), 2);
  ck_assert_uint_eq(cg_check_report_languages(c.rep), 2);
  const cg_check_coverage *en = cg_check_report_coverage(c.rep, 0);
  const cg_check_coverage *xx = cg_check_report_coverage(c.rep, 1);
  ck_assert_str_eq(en->lang, "en");
  ck_assert_uint_eq(en->full, 4);
  ck_assert_uint_eq(en->named, 5); /* SOLA by its short title */
  ck_assert_str_eq(xx->lang, "xx");
  ck_assert_uint_eq(xx->full, 5);
  ck_assert_uint_eq(xx->named, 5);
  ck_assert_ptr_null(cg_check_report_coverage(c.rep, 2));
  ck_assert_ptr_null(cg_check_report_finding(c.rep, cg_check_report_count(c.rep)));
  checked_done(&c);
}
END_TEST

START_TEST(keys_the_loader_does_not_read) {
  /* A misspelled key of an instrument, a body or a vocabulary does nothing
   * when the catalogue loads (an unknown word class under `words` is an
   * error there): the check names it and where it is. */
  checked c;
  c.dir = tmpdir_new();
  ck_assert_int_eq(write_text(c.dir, "instruments.yaml",
                              "instruments:\n  - id: T1\n    names:\n"
                              "      en: [Test Treaty]\n    generik:\n"
                              "      en: [Treaty]\n"), 0);
  ck_assert_int_eq(write_text(c.dir, "bodies.yaml",
                              "bodies:\n  - id: GA\n    prefix: A\n"
                              "    numbering: [session]\n    sesions_from: 1946\n"
                              "    names:\n      en: [Big Assembly]\n"), 0);
  ck_assert_int_eq(write_text(c.dir, "lang/en.yaml",
                              "lang: en\nposessor: [United Nations]\n"
                              "detect: [zo, ka, mi]\n"
                              "words:\n"
                              "  resolution: [rezolucio]\n"
                              "months: [unua, dua, tria, kvara, kvina, sesa, sepa, "
                              "oka, nauxa, deka, dekunua, dekdua]\n"), 0);
  c.rep = NULL;
  c.st = cg_catalog_check(c.dir, &c.rep, &c.diag);
  ck_assert_msg(c.st == CG_OK, "%s", c.diag.message);
  ck_assert_uint_eq(count_of(c.rep, CG_CHECK_UNKNOWN_KEY, NULL), 3);
  const cg_check_finding *f = the(c.rep, CG_CHECK_UNKNOWN_KEY, "generik");
  ck_assert_str_eq(f->context, "instrument T1");
  ck_assert_uint_eq(f->line, 5);
  ck_assert(f->warning);
  ck_assert_str_eq(the(c.rep, CG_CHECK_UNKNOWN_KEY, "sesions_from")->context, "body GA");
  ck_assert_str_eq(the(c.rep, CG_CHECK_UNKNOWN_KEY, "posessor")->context,
                   "the vocabulary");
  checked_done(&c);
}
END_TEST

START_TEST(findings_come_in_kind_order_with_warnings_counted) {
  checked c;
  check_with(&c, INSTRUMENTS);
  ck_assert_msg(c.st == CG_OK, "%s", c.diag.message);
  size_t warnings = 0;
  for (size_t i = 0; i < cg_check_report_count(c.rep); i++) {
    const cg_check_finding *f = cg_check_report_finding(c.rep, i);
    if (i)
      ck_assert_int_le(cg_check_report_finding(c.rep, i - 1)->kind, f->kind);
    warnings += (size_t)f->warning;
    ck_assert_ptr_nonnull(f->detail);
    ck_assert(f->detail[0]);
  }
  ck_assert_uint_eq(warnings, cg_check_report_warnings(c.rep));
  /* ambiguous 1, body name 1, treaty series 1, adopted_by 2, English 1,
   * clitics 2 (lartikolo, Lprotokolo), language 1 */
  ck_assert_uint_eq(warnings, 9);
  checked_done(&c);
}
END_TEST

START_TEST(catalogue_that_does_not_load_gives_no_report) {
  checked c;
  check_with(&c, "instruments:\n  - id: X\n    names: [oops\n");
  ck_assert_int_eq(c.st, CG_ERR_SYNTAX);
  ck_assert_ptr_null(c.rep);
  ck_assert(strstr(c.diag.file, "instruments.yaml"));
  ck_assert_uint_gt(c.diag.line, 0);
  checked_done(&c);
  /* A name of two instruments, undeclared: the loader's error, as is. */
  check_with(&c, "instruments:\n"
                 "  - id: A1\n    names:\n      xx: [Sama Nomo]\n"
                 "  - id: A2\n    names:\n      xx: [Sama Nomo]\n");
  ck_assert_int_eq(c.st, CG_ERR_SCHEMA);
  ck_assert_ptr_null(c.rep);
  ck_assert_uint_eq(c.diag.line, 7);
  ck_assert(strstr(c.diag.message, "ambiguous"));
  checked_done(&c);
}
END_TEST

START_TEST(check_rejects_null_arguments) {
  cg_diag d;
  ck_assert_int_eq(cg_catalog_check(test_refs_dir(), NULL, &d), CG_ERR_ARG);
  cg_check_report *rep = (cg_check_report *)&d;
  ck_assert_int_eq(cg_catalog_check(NULL, &rep, NULL), CG_ERR_ARG);
  ck_assert_ptr_null(rep);
  cg_check_report_free(NULL);
  ck_assert_uint_eq(cg_check_report_count(NULL), 0);
  ck_assert_str_eq(cg_check_kind_name(CG_CHECK_CLITIC), "clitic");
  ck_assert_str_eq(cg_check_kind_name((cg_check_kind)99), "unknown");
}
END_TEST

/* ------------------------------------------------------------ real refs */

START_TEST(resolution_identifiers_of_the_real_bodies) {
  const cg_catalog *cat = test_catalog();
  static const char *const good[] = {
      "A/RES/61/144",     "A/RES/31/6A",      "A/RES/918(X)",
      "A/RES/2200A(XXI)", "A/RES/217(III)A",  "A/RES/3201(S-VI)",
      "A/RES/S-26/2",     "A/RES/ES-10/21",   "A/DEC/64/540",
      "S/RES/2331(2016)", "E/RES/2013/41",    "E/CN.4/RES/2005/35",
      "A/HRC/RES/35/5",   "FCCC/DEC/1/CP.21", "FCCC/DEC/2/CMA.1",
      "CBD/COP/DEC/XIV/5", "BC/DEC/BC-12/25", "WHA72.1",
      "GC(67)/RES/10",    "UNEP/EA.5/RES.14", "CTOC/COP/RES/5/2"};
  static const char *const bad[] = {
      "A/RES/61-144",     "A/RES/61/144 ",   "S/DEC/2015/1",
      "S/RES/2331",       "XYZ/RES/1/2",     "A/79/5",
      "UNEP/EA/RES/5/14", "FCCC/DEC/1/XX.21", "WHA72",
      "A/RES/918(X",      "E/RES/13/41",     ""};
  char why[400];
  for (size_t i = 0; i < sizeof good / sizeof *good; i++)
    ck_assert_msg(refcheck_resolution_identifier(cat, good[i], why, sizeof why),
                  "%s: %s", good[i], why);
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    why[0] = '\0';
    ck_assert_msg(!refcheck_resolution_identifier(cat, bad[i], why, sizeof why),
                  "%s accepted", bad[i]);
    ck_assert_msg(why[0], "%s: no reason", bad[i]);
  }
}
END_TEST

START_TEST(real_catalogue_check) {
  cg_check_report *rep = NULL;
  cg_diag d;
  cg_status st = cg_catalog_check(test_refs_dir(), &rep, &d);
  ck_assert_msg(st == CG_OK, "%s", d.message);
  const cg_catalog *cat = test_catalog();
  ck_assert_uint_eq(cg_check_report_instruments(rep), cat->insts.n);
  ck_assert_uint_eq(cg_check_report_bodies(rep), cat->bodies.n);
  ck_assert_uint_eq(cg_check_report_languages(rep), 6);
  for (size_t l = 0; l < 6; l++) {
    const cg_check_coverage *cv = cg_check_report_coverage(rep, l);
    ck_assert_str_eq(cv->lang, cg_catalog_lang(cat, l));
    ck_assert_uint_le(cv->full, cv->named);
    ck_assert_uint_le(cv->named, cat->insts.n);
  }
  /* "the Vienna Convention": at least the three Conventions of 1961, 1963
   * and 1969, which the catalogue declares ambiguous. */
  const cg_check_finding *f = NULL;
  for (size_t i = 0; i < cg_check_report_count(rep); i++) {
    const cg_check_finding *x = cg_check_report_finding(rep, i);
    if (x->kind == CG_CHECK_AMBIGUOUS && !strcmp(x->lang, "en") &&
        !strcmp(x->name, "Vienna Convention"))
      f = x;
  }
  ck_assert_ptr_nonnull(f);
  int vclt = 0, vcdr = 0, vccr = 0;
  for (size_t k = 0; k < f->ninstruments; k++) {
    vclt |= !strcmp(f->instruments[k], "VCLT");
    vcdr |= !strcmp(f->instruments[k], "VCDR");
    vccr |= !strcmp(f->instruments[k], "VCCR");
  }
  ck_assert(vclt && vcdr && vccr);
  /* Every adopted_by of the catalogue is an identifier of its bodies. */
  ck_assert_uint_eq(count_of(rep, CG_CHECK_ADOPTED_BY, NULL), 0);
  /* The same report twice. */
  cg_check_report *again = NULL;
  ck_assert_int_eq(cg_catalog_check(test_refs_dir(), &again, &d), CG_OK);
  ck_assert_uint_eq(cg_check_report_count(again), cg_check_report_count(rep));
  for (size_t i = 0; i < cg_check_report_count(rep); i++) {
    const cg_check_finding *a = cg_check_report_finding(rep, i);
    const cg_check_finding *b = cg_check_report_finding(again, i);
    ck_assert_int_eq(a->kind, b->kind);
    ck_assert_str_eq(a->name, b->name);
    ck_assert_str_eq(a->detail, b->detail);
    ck_assert_uint_eq(a->ninstruments, b->ninstruments);
  }
  cg_check_report_free(again);
  cg_check_report_free(rep);
}
END_TEST

Suite *refcheck_suite(void) {
  Suite *s = suite_create("refcheck");
  TCase *tc = tcase_create("findings");
  tcase_add_test(tc, ambiguous_names_list_the_instruments_they_may_mean);
  tcase_add_test(tc, generic_forms_count_their_instruments);
  tcase_add_test(tc, short_title_that_names_a_body_is_a_warning);
  tcase_add_test(tc, treaty_series_shared_volume_and_number);
  tcase_add_test(tc, adopted_by_must_be_a_resolution_identifier);
  tcase_add_test(tc, instrument_without_english_title);
  tcase_add_test(tc, clitic_words_that_hide_names);
  tcase_add_test(tc, names_in_a_language_without_vocabulary);
  tcase_add_test(tc, coverage_counts_full_titles_per_language);
  tcase_add_test(tc, findings_come_in_kind_order_with_warnings_counted);
  tcase_add_test(tc, keys_the_loader_does_not_read);
  tcase_add_test(tc, catalogue_that_does_not_load_gives_no_report);
  tcase_add_test(tc, check_rejects_null_arguments);
  suite_add_tcase(s, tc);
  tc = tcase_create("refs");
  tcase_add_test(tc, resolution_identifiers_of_the_real_bodies);
  tcase_add_test(tc, real_catalogue_check);
  suite_add_tcase(s, tc);
  return s;
}
