/* test_graph.c — the graph's vertex labels, titles and years, from a
 * catalogue written by the test (so that the rules are tested, whatever
 * refs/ holds), with the real English vocabulary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"

static const char INSTRUMENTS[] =
    "instruments:\n"
    "  - id: UNCHARTER\n"
    "    names:\n"
    "      en: [Charter of the United Nations]\n"
    "    short:\n"
    "      en: [Charter, UN Charter]\n"
    "    generic:\n"
    "      en: [Charter]\n"
    "    implied: true\n"
    "    date: 1945-06-26\n"
    "  - id: CRC\n"
    "    names:\n"
    "      en: [Convention on the Rights of the Child]\n"
    "    short:\n"
    "      fr: [Convention des droits de l'enfant]\n"
    "    generic:\n"
    "      en: [Convention]\n"
    "  - id: ATT\n"
    "    names:\n"
    "      en: [Arms Trade Treaty]\n"
    "    date: 2013-04-02\n";

static const char BODIES[] =
    "bodies:\n"
    "  - id: GA\n"
    "    prefix: A\n"
    "    numbering: [session, roman]\n"
    "    default: [roman]\n"
    "    names:\n"
    "      en: [General Assembly]\n"
    "  - id: SC\n"
    "    prefix: S\n"
    "    numbering: [sc]\n"
    "    default: [sc]\n"
    "    names:\n"
    "      en: [Security Council]\n";

static const char TEXT[] =
    "The Security Council,\n\n"
    "Recalling its resolution 687 (1991) and General Assembly resolution "
    "61/144,\n\n"
    "Acting under Chapter VII of the Charter of the United Nations,\n\n"
    "Recalling article 3 of the Convention on the Rights of the Child and "
    "the Arms Trade Treaty, and United Nations, Treaty Series, vol. 999, "
    "No. 14668,\n\n"
    "1. Decides to remain seized of the matter.\n";

typedef struct {
  char *dir;
  cg_catalog *cat;
  cg_graph *g;
} fixture;

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  static char buf[1 << 20];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  return buf;
}

static void build(fixture *t) {
  t->dir = tmpdir_new();
  char en[4096];
  snprintf(en, sizeof en, "%s/lang/en.yaml", test_refs_dir());
  ck_assert_int_eq(write_text(t->dir, "lang/en.yaml", slurp(en)), 0);
  ck_assert_int_eq(write_text(t->dir, "instruments.yaml", INSTRUMENTS), 0);
  ck_assert_int_eq(write_text(t->dir, "bodies.yaml", BODIES), 0);
  cg_diag diag;
  char msg[1200];
  cg_status st = cg_catalog_load(t->dir, &t->cat, &diag);
  ck_assert_msg(st == CG_OK, "%s", cg_diag_format(&diag, msg, sizeof msg));
  t->g = cg_graph_new(t->cat);
  cg_extractor *ex = cg_extractor_new(t->cat);
  ck_assert_ptr_nonnull(t->g);
  ck_assert_ptr_nonnull(ex);
  const cg_result *res;
  cg_options opts;
  memset(&opts, 0, sizeof opts);
  opts.lang = "en";
  ck_assert_int_eq(cg_extract(ex, TEXT, strlen(TEXT), &opts, &res, &diag), CG_OK);
  ck_assert_int_eq(cg_graph_add(t->g, res, "S_RES_9999_2020.en.txt"), CG_OK);
  cg_extractor_free(ex);
  ck_assert_int_eq(cg_graph_analyse(t->g, &diag), CG_OK);
}

static void done(fixture *t) {
  cg_graph_free(t->g);
  cg_catalog_free(t->cat);
  tmpdir_remove(t->dir);
}

static const cg_vertex *vertex(const fixture *t, const char *id) {
  for (size_t i = 0; i < cg_graph_vertex_count(t->g); i++)
    if (!strcmp(cg_graph_vertex(t->g, i)->id, id))
      return cg_graph_vertex(t->g, i);
  ck_abort_msg("no vertex %s", id);
  return NULL;
}

START_TEST(resolutions_are_body_and_number) {
  fixture t;
  build(&t);
  ck_assert_str_eq(vertex(&t, "S/RES/687(1991)")->label, "SC 687 (1991)");
  ck_assert_str_eq(vertex(&t, "A/RES/61/144")->label, "GA 61/144");
  ck_assert_int_eq(vertex(&t, "S/RES/687(1991)")->year, 1991);
  done(&t);
}
END_TEST

START_TEST(instruments_by_first_english_short_name) {
  fixture t;
  build(&t);
  /* "Charter" is the first of its English short names. */
  ck_assert_str_eq(vertex(&t, "UNCHARTER")->label, "Charter");
  ck_assert_str_eq(vertex(&t, "UNCHARTER#chp_7")->label, "Charter, Chapter VII");
  /* Its full title stays the title, for tooltips and exports. */
  ck_assert_str_eq(vertex(&t, "UNCHARTER")->title, "Charter of the United Nations");
  ck_assert_str_eq(vertex(&t, "UNCHARTER#chp_7")->title,
                   "Charter of the United Nations, Chapter VII");
  done(&t);
}
END_TEST

START_TEST(instruments_without_english_short_name_by_full_name) {
  fixture t;
  build(&t);
  /* A French short name only: the English full name labels it. */
  ck_assert_str_eq(vertex(&t, "CRC#art_3")->label,
                   "Convention on the Rights of the Child, art. 3");
  ck_assert_str_eq(vertex(&t, "ATT")->label, "Arms Trade Treaty");
  ck_assert_str_eq(vertex(&t, "UNTS/14668")->label, "UNTS No. 14668");
  done(&t);
}
END_TEST

START_TEST(instrument_year_from_catalogue_date) {
  fixture t;
  build(&t);
  ck_assert_int_eq(vertex(&t, "UNCHARTER")->year, 1945);
  ck_assert_int_eq(vertex(&t, "ATT")->year, 2013);
  ck_assert_int_eq(vertex(&t, "CRC")->year, 0);
  done(&t);
}
END_TEST

START_TEST(picture_too_large_for_the_layout_is_refused_with_advice) {
  fixture t;
  build(&t);
  char *out = tmpdir_new();
  char path[4200];
  snprintf(path, sizeof path, "%s/g.svg", out);
  cg_draw_options o;
  memset(&o, 0, sizeof o);
  o.layout = CG_LAYOUT_LAYERED;
  cg_filter f;
  memset(&f, 0, sizeof f);
  cg_diag diag;
  /* Small enough: drawn. */
  ck_assert_int_eq(cg_graph_draw(t.g, CG_FORMAT_SVG, path, &f, &o, &diag), CG_OK);
  FILE *fp = fopen(path, "r");
  ck_assert_ptr_nonnull(fp);
  fclose(fp);
  /* An unanalysed graph is refused. */
  cg_graph *empty = cg_graph_new(t.cat);
  ck_assert_int_eq(cg_graph_draw(empty, CG_FORMAT_SVG, path, &f, &o, &diag), CG_ERR_ARG);
  cg_graph_free(empty);
  /* Not a picture format. */
  ck_assert_int_eq(cg_graph_draw(t.g, CG_FORMAT_GRAPHML, path, &f, &o, &diag), CG_ERR_ARG);
  tmpdir_remove(out);
  done(&t);
}
END_TEST

Suite *graph_suite(void) {
  Suite *s = suite_create("graph");
  TCase *tc = tcase_create("labels");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, resolutions_are_body_and_number);
  tcase_add_test(tc, instruments_by_first_english_short_name);
  tcase_add_test(tc, instruments_without_english_short_name_by_full_name);
  tcase_add_test(tc, instrument_year_from_catalogue_date);
  tcase_add_test(tc, picture_too_large_for_the_layout_is_refused_with_advice);
  suite_add_tcase(s, tc);
  return s;
}
