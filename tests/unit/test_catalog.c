/* test_catalog.c — loading refs/, the lookup structures, and every error
 * path with small catalogues written to a temporary folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "suites.h"
#include "text.h"

/* ------------------------------------------------------------ real refs */

START_TEST(real_refs_load_with_six_languages) {
  cg_catalog *cat = NULL;
  cg_diag d;
  cg_status st = cg_catalog_load(test_refs_dir(), &cat, &d);
  ck_assert_msg(st == CG_OK, "status %d: %s", st, d.message);
  ck_assert_ptr_nonnull(cat);
  ck_assert_uint_eq(cg_catalog_lang_count(cat), 6);
  ck_assert_str_eq(cg_catalog_lang(cat, 0), "ar");
  ck_assert_str_eq(cg_catalog_lang(cat, 1), "en");
  ck_assert_str_eq(cg_catalog_lang(cat, 2), "es");
  ck_assert_str_eq(cg_catalog_lang(cat, 3), "fr");
  ck_assert_str_eq(cg_catalog_lang(cat, 4), "ru");
  ck_assert_str_eq(cg_catalog_lang(cat, 5), "zh");
  ck_assert_ptr_null(cg_catalog_lang(cat, 6));
  ck_assert_int_eq(catalog_lang_index(cat, "fr"), 3);
  ck_assert_int_eq(catalog_lang_index(cat, "zz"), -1);
  cg_catalog_free(cat);
}
END_TEST

/* The info of a folded word in language `code`, or NULL. */
static const word_info *lookup(const cg_catalog *cat, const char *code,
                               const char *word) {
  int li = catalog_lang_index(cat, code);
  ck_assert_int_ge(li, 0);
  char f[256];
  size_t n = fold_word(word, strlen(word), f, sizeof f);
  return wordtab_find(cat, &cat->langs.v[li].words, f, n, word_hash(f, n));
}

START_TEST(word_tables_know_the_vocabularies) {
  const cg_catalog *cat = test_catalog();
  const word_info *w = lookup(cat, "es", "Resolución");
  ck_assert_ptr_nonnull(w);
  ck_assert(w->cls & W_RES);
  ck_assert(!(w->cls & W_PLURAL));
  w = lookup(cat, "es", "RESOLUCIONES");
  ck_assert_ptr_nonnull(w);
  ck_assert_uint_eq(w->cls & (W_RES | W_PLURAL), W_RES | W_PLURAL);
  w = lookup(cat, "fr", "décembre");
  ck_assert_ptr_nonnull(w);
  ck_assert(w->cls & W_MONTH);
  ck_assert_uint_eq(w->month, 12);
  w = lookup(cat, "en", "January");
  ck_assert_ptr_nonnull(w);
  ck_assert_uint_eq(w->month, 1);
  w = lookup(cat, "en", "its");
  ck_assert_ptr_nonnull(w);
  ck_assert(w->cls & W_POSS);
  w = lookup(cat, "fr", "ladite");
  ck_assert_ptr_nonnull(w);
  ck_assert(w->cls & W_ANAPH);
  ck_assert(w->cls & W_DET);
  /* A word of a name is in the table, marked when it starts a phrase. */
  w = lookup(cat, "en", "General");
  ck_assert_ptr_nonnull(w);
  ck_assert(w->cls & W_PHRASE);
  ck_assert_ptr_null(lookup(cat, "en", "photosynthesis"));
  ck_assert_ptr_null(lookup(cat, "en", "resolución")); /* Spanish only */
}
END_TEST

/* Walks the phrase trie of `code` along the folded words of `name`; returns
 * the node reached, or 0. */
static uint32_t walk_phrase(const cg_catalog *cat, const char *code,
                            const char *const *words, size_t n) {
  int li = catalog_lang_index(cat, code);
  const lang_vocab *lv = &cat->langs.v[li];
  uint32_t node = 0;
  for (size_t i = 0; i < n; i++) {
    const word_info *w = lookup(cat, code, words[i]);
    if (!w)
      return 0;
    node = trie_child(&lv->trie, node, w->wid);
    if (!node)
      return 0;
  }
  return node;
}

/* Whether the trie node has a value of `type` naming `id` (a body id, or an
 * instrument id). */
static int node_names(const cg_catalog *cat, const char *code, uint32_t node,
                      int type, const char *id) {
  const lang_vocab *lv = &cat->langs.v[catalog_lang_index(cat, code)];
  const trie_node *nd = &lv->trie.nodes.v[node];
  for (uint32_t i = 0; i < nd->vals_count; i++) {
    const phrase_val *v = &lv->trie.vals.v[nd->vals_start + i];
    if (v->type != type)
      continue;
    const char *vid = type == PH_BODY_FULL || type == PH_BODY_SHORT
                          ? cat->bodies.v[v->index].id
                          : cat->insts.v[v->index].id;
    if (strcmp(vid, id) == 0)
      return 1;
  }
  return 0;
}

START_TEST(phrase_trie_names_bodies_and_instruments) {
  const cg_catalog *cat = test_catalog();
  const char *ga[] = {"Asamblea", "General"};
  uint32_t node = walk_phrase(cat, "es", ga, 2);
  ck_assert_uint_ne(node, 0);
  ck_assert(node_names(cat, "es", node, PH_BODY_FULL, "GA"));
  /* "Asamblea" alone is the short form, which several bodies could share. */
  node = walk_phrase(cat, "es", ga, 1);
  ck_assert_uint_ne(node, 0);
  ck_assert(node_names(cat, "es", node, PH_BODY_SHORT, "GA"));
  ck_assert(!node_names(cat, "es", node, PH_BODY_FULL, "GA"));
  const char *charter[] = {"Charter", "of", "the", "United", "Nations"};
  node = walk_phrase(cat, "en", charter, 5);
  ck_assert_uint_ne(node, 0);
  ck_assert(node_names(cat, "en", node, PH_INST_FULL, "UNCHARTER"));
  node = walk_phrase(cat, "en", charter, 1);
  ck_assert(node_names(cat, "en", node, PH_INST_GENERIC, "UNCHARTER"));
  /* Accents and case do not matter. */
  const char *sc[] = {"CONSEIL", "DE", "SECURITE"};
  node = walk_phrase(cat, "fr", sc, 3);
  ck_assert(node_names(cat, "fr", node, PH_BODY_FULL, "SC"));
  const char *none[] = {"General", "Charter"};
  ck_assert_uint_eq(walk_phrase(cat, "en", none, 2), 0);
}
END_TEST

START_TEST(treaty_series_and_symbol_roots) {
  const cg_catalog *cat = test_catalog();
  int i = catalog_find_treaty_series(cat, 2225, 39574);
  ck_assert_int_ge(i, 0);
  ck_assert_str_eq(cat->insts.v[i].id, "UNTOC");
  i = catalog_find_treaty_series(cat, 999, 14668);
  ck_assert_int_ge(i, 0);
  ck_assert_str_eq(cat->insts.v[i].id, "ICCPR");
  ck_assert_int_eq(catalog_find_treaty_series(cat, 2225, 1), -1);
  ck_assert_int_eq(catalog_find_treaty_series(cat, 1, 2225), -1);
  ck_assert(catalog_symbol_root(cat, "A", 1));
  ck_assert(catalog_symbol_root(cat, "CTOC", 4));
  ck_assert(catalog_symbol_root(cat, "ST/AI", 2));
  ck_assert(!catalog_symbol_root(cat, "GC", 2));
  ck_assert(!catalog_symbol_root(cat, "MRE", 3));
  ck_assert(!catalog_symbol_root(cat, "AB", 2));
}
END_TEST

START_TEST(bodies_and_instruments_from_yaml) {
  const cg_catalog *cat = test_catalog();
  int ga = -1, cop = -1, untoc = -1, agenda = -1, charter = -1;
  for (size_t i = 0; i < cat->bodies.n; i++) {
    if (strcmp(cat->bodies.v[i].id, "GA") == 0)
      ga = (int)i;
    if (strcmp(cat->bodies.v[i].id, "CTOC-COP") == 0)
      cop = (int)i;
  }
  for (size_t i = 0; i < cat->insts.n; i++) {
    if (strcmp(cat->insts.v[i].id, "UNTOC") == 0)
      untoc = (int)i;
    if (strcmp(cat->insts.v[i].id, "AGENDA2030") == 0)
      agenda = (int)i;
    if (strcmp(cat->insts.v[i].id, "UNCHARTER") == 0)
      charter = (int)i;
  }
  ck_assert_int_ge(ga, 0);
  ck_assert_int_ge(cop, 0);
  ck_assert_int_ge(untoc, 0);
  ck_assert_int_ge(agenda, 0);
  ck_assert_int_ge(charter, 0);
  ck_assert_str_eq(cat->bodies.v[ga].prefix, "A");
  ck_assert_uint_eq(cat->bodies.v[ga].numbering, SHAPE_SESSION | SHAPE_ROMAN);
  ck_assert_uint_eq(cat->bodies.v[ga].default_for, SHAPE_ROMAN);
  ck_assert_int_eq(cat->bodies.v[ga].instrument, -1);
  ck_assert_str_eq(cat->bodies.v[cop].prefix, "CTOC/COP");
  ck_assert_int_eq(cat->bodies.v[cop].instrument, untoc);
  ck_assert(cat->insts.v[charter].implied);
  ck_assert(!cat->insts.v[untoc].implied);
  ck_assert(cat->insts.v[agenda].paragraphs);
  ck_assert_str_eq(cat->insts.v[charter].title,
                   "Charter of the United Nations"); /* first English name */
  ck_assert_str_eq(cat->bodies.v[ga].name, "General Assembly");
  ck_assert(!cat->insts.v[charter].paragraphs);
}
END_TEST

START_TEST(load_rejects_null_arguments) {
  cg_catalog *cat = NULL;
  cg_diag d;
  ck_assert_int_eq(cg_catalog_load(NULL, &cat, &d), CG_ERR_ARG);
  ck_assert_uint_gt(strlen(d.message), 0);
  ck_assert_int_eq(cg_catalog_load(test_refs_dir(), NULL, &d), CG_ERR_ARG);
  /* diag is optional. */
  ck_assert_int_eq(cg_catalog_load(NULL, &cat, NULL), CG_ERR_ARG);
  cg_catalog_free(NULL);
}
END_TEST

/* ------------------------------------------------------------ temp refs */

/* A minimal valid catalogue: one instrument, one body, language "xx". */
static const char MIN_INSTRUMENTS[] =
    "instruments:\n"
    "  - id: CHARTA\n"
    "    treaty_series: {volume: 12, number: 345}\n"
    "    names:\n"
    "      xx: [Granda Charta]\n"
    "    generic:\n"
    "      xx: [Charta]\n"
    "    implied: true\n";

static const char MIN_BODIES[] =
    "bodies:\n"
    "  - id: GA\n"
    "    prefix: A\n"
    "    numbering: [session, roman]\n"
    "    default: [roman]\n"
    "    names:\n"
    "      xx: [Granda Asembleo]\n"
    "      yy: [Grand Assembly]\n"
    "    short:\n"
    "      xx: [Asembleo]\n"
    "  - id: CONF\n"
    "    prefix: CONF/COP\n"
    "    numbering: [session]\n"
    "    instrument: CHARTA\n"
    "    names:\n"
    "      xx: [Konferenco]\n";

static const char MIN_XX[] =
    "lang: xx\n"
    "detect: [zo, ka, mi]\n"
    "words:\n"
    "  resolution: [rezolucio]\n"
    "  resolutions: [rezolucioj]\n"
    "  decision: [decido]\n"
    "  article: [artikolo]\n"
    "  paragraph: [paragrafo]\n"
    "  possessive: [sia]\n"
    "  joiner: [ka]\n"
    "  of: [zo]\n"
    "  determiner: [mi]\n"
    "months: [unua, dua, tria, kvara, kvina, sesa, sepa, oka, nauxa, deka, "
    "dekunua, dekdua]\n";

typedef struct {
  char *dir;
  cg_catalog *cat;
  cg_diag diag;
  cg_status st;
} tmp_refs;

/* Writes the minimal catalogue, then each (file, text) override (text NULL
 * removes the file), then loads it. */
static void load_with(tmp_refs *t, const char *const *files) {
  t->dir = tmpdir_new();
  ck_assert_int_eq(write_text(t->dir, "instruments.yaml", MIN_INSTRUMENTS), 0);
  ck_assert_int_eq(write_text(t->dir, "bodies.yaml", MIN_BODIES), 0);
  ck_assert_int_eq(write_text(t->dir, "lang/xx.yaml", MIN_XX), 0);
  for (size_t i = 0; files && files[i]; i += 2) {
    if (files[i + 1]) {
      ck_assert_int_eq(write_text(t->dir, files[i], files[i + 1]), 0);
    } else {
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", t->dir, files[i]);
      ck_assert_int_eq(remove(path), 0);
    }
  }
  t->cat = (cg_catalog *)t; /* must be set to NULL on failure */
  memset(&t->diag, 0x55, sizeof t->diag);
  t->st = cg_catalog_load(t->dir, &t->cat, &t->diag);
}

static void tmp_done(tmp_refs *t) {
  cg_catalog_free(t->cat);
  tmpdir_remove(t->dir);
}

/* Asserts a failure with status st in dir/rel at line (0: unknown), with a
 * message containing `what`, and that cg_diag_format agrees. */
static void expect_error(tmp_refs *t, cg_status st, const char *rel,
                         unsigned long line, const char *what) {
  char want_file[4096], buf[5000], want[5000];
  ck_assert_msg(t->st == st, "status %d, want %d (%s)", t->st, st,
                cg_diag_format(&t->diag, buf, sizeof buf));
  ck_assert_ptr_null(t->cat);
  snprintf(want_file, sizeof want_file, "%s/%s", t->dir, rel);
  ck_assert_str_eq(t->diag.file, want_file);
  ck_assert_uint_eq(t->diag.line, line);
  if (line)
    ck_assert_uint_gt(t->diag.column, 0);
  else
    ck_assert_uint_eq(t->diag.column, 0);
  ck_assert_msg(strstr(t->diag.message, what) != NULL, "message '%s' lacks '%s'",
                t->diag.message, what);
  if (line)
    snprintf(want, sizeof want, "%s:%lu:%lu: %s", want_file, t->diag.line,
             t->diag.column, t->diag.message);
  else
    snprintf(want, sizeof want, "%s: %s", want_file, t->diag.message);
  ck_assert_str_eq(cg_diag_format(&t->diag, buf, sizeof buf), want);
}

START_TEST(minimal_catalogue_loads) {
  tmp_refs t;
  load_with(&t, NULL);
  ck_assert_msg(t.st == CG_OK, "%s", t.diag.message);
  ck_assert_ptr_nonnull(t.cat);
  /* "yy" has names but no vocabulary: it is dropped. */
  ck_assert_uint_eq(cg_catalog_lang_count(t.cat), 1);
  ck_assert_str_eq(cg_catalog_lang(t.cat, 0), "xx");
  ck_assert_uint_eq(t.cat->bodies.n, 2);
  ck_assert_int_eq(t.cat->bodies.v[1].instrument, 0);
  ck_assert_int_eq(catalog_find_treaty_series(t.cat, 12, 345), 0);
  /* Without symbols.yaml any root is accepted. */
  ck_assert(catalog_symbol_root(t.cat, "GC", 2));
  tmp_done(&t);
}
END_TEST

START_TEST(missing_directory_is_io_error) {
  char *dir = tmpdir_new();
  char path[2048], want[4096];
  snprintf(path, sizeof path, "%s/nowhere", dir);
  cg_catalog *cat = (cg_catalog *)&cat;
  cg_diag d;
  ck_assert_int_eq(cg_catalog_load(path, &cat, &d), CG_ERR_IO);
  ck_assert_ptr_null(cat);
  snprintf(want, sizeof want, "%s/instruments.yaml", path);
  ck_assert_str_eq(d.file, want);
  ck_assert_uint_eq(d.line, 0);
  ck_assert_ptr_nonnull(strstr(d.message, "cannot open"));
  char buf[8192];
  cg_diag_format(&d, buf, sizeof buf);
  ck_assert_int_eq(strncmp(buf, want, strlen(want)), 0);
  ck_assert_int_eq(strncmp(buf + strlen(want), ": ", 2), 0);
  tmpdir_remove(dir);
}
END_TEST

START_TEST(missing_bodies_file_is_io_error) {
  const char *files[] = {"bodies.yaml", NULL, NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_IO, "bodies.yaml", 0, "cannot open");
  tmp_done(&t);
}
END_TEST

START_TEST(missing_lang_folder_is_io_error) {
  const char *files[] = {"lang/xx.yaml", NULL, NULL};
  tmp_refs t;
  load_with(&t, files);
  char lang[4096];
  snprintf(lang, sizeof lang, "%s/lang", t.dir);
  ck_assert_int_eq(remove(lang), 0);
  cg_catalog_free(t.cat);
  t.st = cg_catalog_load(t.dir, &t.cat, &t.diag);
  expect_error(&t, CG_ERR_IO, "lang", 0, "cannot open directory");
  tmp_done(&t);
}
END_TEST

START_TEST(empty_lang_folder_is_schema_error) {
  const char *files[] = {"lang/xx.yaml", NULL, NULL};
  tmp_refs t;
  load_with(&t, files);
  ck_assert_int_eq(t.st, CG_ERR_SCHEMA);
  ck_assert_ptr_null(t.cat);
  ck_assert_ptr_nonnull(strstr(t.diag.message, "no vocabulary"));
  tmp_done(&t);
}
END_TEST

START_TEST(yaml_syntax_error_has_line_and_column) {
  /* Line 4 is indented less than the mapping it should belong to. */
  const char *files[] = {"bodies.yaml",
                         "bodies:\n"
                         "  - id: GA\n"
                         "    prefix: A\n"
                         "   numbering: [session]\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SYNTAX, "bodies.yaml", 4, "");
  ck_assert_uint_gt(strlen(t.diag.message), 0);
  tmp_done(&t);
}
END_TEST

START_TEST(yaml_syntax_error_in_vocabulary) {
  const char *files[] = {"lang/xx.yaml",
                         "lang: xx\n"
                         "detect: [zo\n"
                         "words: {}\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  ck_assert_int_eq(t.st, CG_ERR_SYNTAX);
  char want[4096];
  snprintf(want, sizeof want, "%s/lang/xx.yaml", t.dir);
  ck_assert_str_eq(t.diag.file, want);
  ck_assert_uint_ge(t.diag.line, 2);
  ck_assert_uint_gt(t.diag.column, 0);
  tmp_done(&t);
}
END_TEST

START_TEST(schema_unknown_word_class) {
  char xx[2048];
  snprintf(xx, sizeof xx, "%s", MIN_XX);
  char *p = strstr(xx, "  possessive:");
  memcpy(p, "  posessive :", 13); /* line 9 of the file */
  const char *files[] = {"lang/xx.yaml", xx, NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "lang/xx.yaml", 9, "unknown word class");
  ck_assert_uint_eq(t.diag.column, 3);
  tmp_done(&t);
}
END_TEST

START_TEST(schema_bad_numbering_shape) {
  const char *files[] = {"bodies.yaml",
                         "bodies:\n"
                         "  - id: GA\n"
                         "    prefix: A\n"
                         "    numbering: [session, weekly]\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "bodies.yaml", 4, "unknown number shape");
  ck_assert_uint_eq(t.diag.column, 26); /* at "weekly" */
  tmp_done(&t);
}
END_TEST

START_TEST(schema_numbering_must_be_a_list) {
  const char *files[] = {"bodies.yaml",
                         "bodies:\n"
                         "  - id: GA\n"
                         "    prefix: A\n"
                         "    numbering: session\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "bodies.yaml", 4, "numbering must be a list");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_default_shape_outside_numbering) {
  const char *files[] = {"bodies.yaml",
                         "bodies:\n"
                         "  - id: GA\n"
                         "    prefix: A\n"
                         "    numbering: [session]\n"
                         "    default: [sc]\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "bodies.yaml", 5, "default shape");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_duplicate_body_id) {
  const char *files[] = {"bodies.yaml",
                         "bodies:\n"
                         "  - id: GA\n"
                         "    prefix: A\n"
                         "    numbering: [session]\n"
                         "  - id: GA\n"
                         "    prefix: B\n"
                         "    numbering: [sc]\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "bodies.yaml", 5, "duplicate body id");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_duplicate_instrument_id) {
  const char *files[] = {"instruments.yaml",
                         "instruments:\n"
                         "  - id: CHARTA\n"
                         "  - id: OTHER\n"
                         "  - id: CHARTA\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "instruments.yaml", 4,
               "duplicate instrument id");
  tmp_done(&t);
}
END_TEST

/* An instrument id that is not an identifier reached the graph, the SVG
 * links and the Cypher labels. */
START_TEST(catalogue_identifier) {
  static const char *const ids[] = {"'X\"Y'", "'A B'", "'<b>'", "'caf\u00e9'"};
  for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
    char text[200];
    snprintf(text, sizeof text, "instruments:\n  - id: CHARTA\n  - id: %s\n", ids[i]);
    const char *files[] = {"instruments.yaml", text, NULL};
    tmp_refs t;
    load_with(&t, files);
    expect_error(&t, CG_ERR_SCHEMA, "instruments.yaml", 3, "must be an identifier");
    tmp_done(&t);
  }
  const char *prefix[] = {"bodies.yaml",
                          "bodies:\n  - id: GA\n    prefix: \"A\\\"/x\"\n"
                          "    numbering: [session]\n",
                          NULL};
  tmp_refs t;
  load_with(&t, prefix);
  expect_error(&t, CG_ERR_SCHEMA, "bodies.yaml", 3, "must be an identifier");
  tmp_done(&t);
}
END_TEST

/* A 100 MB catalogue file took a minute and 1.6 GB before it was refused:
 * a file larger than CG_CATALOG_FILE_MAX is refused unread. */
START_TEST(huge_catalogue) {
  tmp_refs t;
  load_with(&t, NULL);
  cg_catalog_free(t.cat);
  char path[4096];
  snprintf(path, sizeof path, "%s/instruments.yaml", t.dir);
  ck_assert_int_eq(truncate(path, (off_t)CG_CATALOG_FILE_MAX + 1), 0);
  t.cat = NULL;
  t.st = cg_catalog_load(t.dir, &t.cat, &t.diag);
  expect_error(&t, CG_ERR_SCHEMA, "instruments.yaml", 0,
               "more than the 4 MiB a catalogue file may have");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_body_with_unknown_instrument) {
  const char *files[] = {"bodies.yaml",
                         "bodies:\n"
                         "  - id: COP\n"
                         "    prefix: COP\n"
                         "    numbering: [session]\n"
                         "    instrument: NOSUCH\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "bodies.yaml", 5, "unknown instrument");
  ck_assert_uint_eq(t.diag.column, 17);
  tmp_done(&t);
}
END_TEST

START_TEST(schema_treaty_series_not_numeric) {
  const char *files[] = {"instruments.yaml",
                         "instruments:\n"
                         "  - id: CHARTA\n"
                         "    treaty_series: {volume: twelve, number: 345}\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "instruments.yaml", 3,
               "treaty_series needs a numeric volume and number");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_treaty_series_incomplete) {
  const char *files[] = {"instruments.yaml",
                         "instruments:\n"
                         "  - id: CHARTA\n"
                         "    treaty_series:\n"
                         "      volume: 12\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "instruments.yaml", 4, "treaty_series");
  tmp_done(&t);
}
END_TEST

/* MIN_XX with its months line replaced. */
static void xx_with_months(char *out, size_t cap, const char *months) {
  const char *m = strstr(MIN_XX, "months:");
  snprintf(out, cap, "%.*s%s", (int)(m - MIN_XX), MIN_XX, months);
}

START_TEST(schema_eleven_months) {
  char xx[2048];
  xx_with_months(xx, sizeof xx,
                 "months: [a, b, c, d, e, f, g, h, i, j, k]\n");
  const char *files[] = {"lang/xx.yaml", xx, NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "lang/xx.yaml", 13, "12 month names");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_thirteen_months) {
  char xx[2048];
  xx_with_months(xx, sizeof xx,
                 "months:\n  - a\n  - b\n  - c\n  - d\n  - e\n  - f\n  - g\n"
                 "  - h\n  - i\n  - j\n  - k\n  - l\n  - m\n");
  const char *files[] = {"lang/xx.yaml", xx, NULL};
  tmp_refs t;
  load_with(&t, files);
  /* "months:" is line 13: the thirteenth name is on line 26. */
  expect_error(&t, CG_ERR_SCHEMA, "lang/xx.yaml", 26, "more than 12 months");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_missing_months) {
  char xx[2048];
  xx_with_months(xx, sizeof xx, "");
  const char *files[] = {"lang/xx.yaml", xx, NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "lang/xx.yaml", 1, "missing 'months'");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_month_of_two_words) {
  char xx[2048];
  xx_with_months(xx, sizeof xx,
                 "months: [a, b, c, d, e, f, g, h, i, j, k, l m]\n");
  const char *files[] = {"lang/xx.yaml", xx, NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "lang/xx.yaml", 13, "single word");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_second_vocabulary_for_a_language) {
  const char *files[] = {"lang/zz.yaml", MIN_XX, NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "lang/zz.yaml", 1, "second vocabulary");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_top_level_not_a_mapping) {
  const char *files[] = {"instruments.yaml", "- id: CHARTA\n", NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "instruments.yaml", 1,
               "mapping at the top level");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_empty_file) {
  const char *files[] = {"bodies.yaml", "# nothing here\n", NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "bodies.yaml", 0, "empty");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_missing_id) {
  const char *files[] = {"bodies.yaml",
                         "bodies:\n"
                         "  - prefix: A\n"
                         "    numbering: [session]\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "bodies.yaml", 2, "missing 'id'");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_names_not_a_mapping) {
  const char *files[] = {"bodies.yaml",
                         "bodies:\n"
                         "  - id: GA\n"
                         "    prefix: A\n"
                         "    numbering: [session]\n"
                         "    names: [General Assembly]\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "bodies.yaml", 5, "mapping from language");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_bad_structure) {
  const char *files[] = {"instruments.yaml",
                         "instruments:\n"
                         "  - id: CHARTA\n"
                         "    structure: chapters\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "instruments.yaml", 3, "structure");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_symbol_root_not_capitals) {
  const char *files[] = {"symbols.yaml", "roots: [A, gc]\n", NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "symbols.yaml", 1, "capital letters");
  ck_assert_uint_eq(t.diag.column, 12);
  tmp_done(&t);
}
END_TEST

START_TEST(symbols_file_restricts_roots) {
  const char *files[] = {"symbols.yaml", "roots: [A, CONF]\n", NULL};
  tmp_refs t;
  load_with(&t, files);
  ck_assert_int_eq(t.st, CG_OK);
  ck_assert(catalog_symbol_root(t.cat, "CONF", 4));
  ck_assert(!catalog_symbol_root(t.cat, "GC", 2));
  tmp_done(&t);
}
END_TEST

/* ------------------------------------------------ a language is YAML */

START_TEST(new_language_works_end_to_end) {
  tmp_refs t;
  load_with(&t, NULL);
  ck_assert_int_eq(t.st, CG_OK);
  cg_extractor *ex = cg_extractor_new(t.cat);
  ck_assert_ptr_nonnull(ex);
  const char *text =
      "Ni memoras mi rezolucioj zo mi Granda Asembleo 61/144 zo 19 dekdua "
      "2006 ka 74/176, ka artikolo 5 zo mi Granda Charta.";
  const cg_result *res;
  cg_diag d;
  ck_assert_int_eq(cg_extract(ex, text, strlen(text), NULL, &res, &d), CG_OK);
  ck_assert_str_eq(cg_result_document(res)->lang, "xx"); /* detected */
  ck_assert_uint_eq(cg_result_count(res), 4);
  const cg_citation *c = cg_result_citation(res, 0);
  ck_assert_str_eq(c->target, "A/RES/61/144");
  ck_assert_str_eq(c->body, "GA");
  ck_assert_str_eq(c->date, "2006-12-19");
  ck_assert_uint_eq(c->start, offset_of(text, "rezolucioj", 0));
  ck_assert_uint_eq(c->end, offset_of(text, " zo 19", 0));
  c = cg_result_citation(res, 1);
  ck_assert_str_eq(c->target, "A/RES/74/176");
  ck_assert_str_eq(c->body, "GA"); /* the body named before the list */
  ck_assert_str_eq(c->date, "");   /* the date stood after 61/144 only */
  c = cg_result_citation(res, 2);
  ck_assert_str_eq(c->target, "CHARTA#art_5");
  ck_assert_int_eq(c->kind, CG_KIND_PROVISION);
  c = cg_result_citation(res, 3);
  ck_assert_str_eq(c->target, "CHARTA");
  ck_assert_int_eq(c->kind, CG_KIND_TREATY);

  /* The body's instrument: "its resolution" in a text of the Conference. */
  const char *conf = "Mi Konferenco,\n\nmemoras sia rezolucio 5/2,\n";
  ck_assert_int_eq(cg_extract(ex, conf, strlen(conf), NULL, &res, &d), CG_OK);
  ck_assert_str_eq(cg_result_document(res)->body, "CONF");
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_str_eq(cg_result_citation(res, 0)->target, "CONF/COP/RES/5/2");

  /* The English vocabulary is not there: English words are not citations. */
  const char *en = "General Assembly resolution 61/144";
  ck_assert_int_eq(cg_extract(ex, en, strlen(en), NULL, &res, &d), CG_OK);
  ck_assert_uint_eq(cg_result_count(res), 0);
  cg_options o = {.lang = "en"};
  ck_assert_int_eq(cg_extract(ex, en, strlen(en), &o, &res, &d), CG_ERR_ARG);
  cg_extractor_free(ex);
  tmp_done(&t);
}
END_TEST

/* The header promises "On failure *out is NULL", but a NULL dir returns
 * CG_ERR_ARG before *out is cleared: a caller that frees *out on failure
 * frees whatever it held. */
/* Instruments without treaty_series keep volume 0 and number 0, so a
 * reference "Treaty Series, vol. 0, No. 0" finds the first of them
 * (UNCHARTER) instead of nothing (and then UNTS/0). */
START_TEST(bug_treaty_series_zero_matches_unnumbered_instrument) {
  ck_assert_int_eq(catalog_find_treaty_series(test_catalog(), 0, 0), -1);
}
END_TEST

START_TEST(bug_load_null_dir_leaves_out_unset) {
  cg_catalog *cat = (cg_catalog *)&cat;
  ck_assert_int_eq(cg_catalog_load(NULL, &cat, NULL), CG_ERR_ARG);
  ck_assert_ptr_null(cat);
}
END_TEST


START_TEST(instrument_name_shared_without_declaration_is_an_error) {
  const char *files[] = {"instruments/extra.yaml",
                         "instruments:\n"
                         "  - id: ONE\n"
                         "    names: {xx: [Vienna Convention]}\n"
                         "  - id: TWO\n"
                         "    names: {xx: [Vienna Convention]}\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "instruments/extra.yaml", 5, "names both ONE and TWO");
  tmp_done(&t);
}
END_TEST

START_TEST(instrument_name_declared_ambiguous_loads) {
  const char *files[] = {"instruments/extra.yaml",
                         "ambiguous: {xx: [Vienna Convention]}\n"
                         "instruments:\n"
                         "  - id: ONE\n"
                         "    names: {xx: [Vienna Convention]}\n"
                         "  - id: TWO\n"
                         "    names: {xx: [Vienna Convention]}\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  ck_assert_int_eq(t.st, CG_OK);
  tmp_done(&t);
}
END_TEST

START_TEST(instruments_folder_is_read_in_name_order) {
  const char *files[] = {"instruments/b.yaml",
                         "instruments:\n  - id: BEE\n"
                         "    names: {xx: [Bee Treaty]}\n",
                         "instruments/a.yaml",
                         "instruments:\n  - id: BEE\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  /* a.yaml first, then b.yaml repeats its id */
  expect_error(&t, CG_ERR_SCHEMA, "instruments/b.yaml", 2,
               "duplicate instrument id");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_instrument_date_not_iso) {
  const char *files[] = {"instruments.yaml",
                         "instruments:\n"
                         "  - id: ONE\n"
                         "    date: 12 August 1949\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "instruments.yaml", 3, "YYYY-MM-DD");
  tmp_done(&t);
}
END_TEST

START_TEST(schema_instrument_adopted_by_with_space) {
  const char *files[] = {"instruments.yaml",
                         "instruments:\n"
                         "  - id: ONE\n"
                         "    adopted_by: A/RES/70/1 x\n",
                         NULL};
  tmp_refs t;
  load_with(&t, files);
  expect_error(&t, CG_ERR_SCHEMA, "instruments.yaml", 3, "adopted_by");
  tmp_done(&t);
}
END_TEST

Suite *catalog_suite(void) {
  Suite *s = suite_create("catalog");
  TCase *tc = tcase_create("refs");
  tcase_add_test(tc, real_refs_load_with_six_languages);
  tcase_add_test(tc, word_tables_know_the_vocabularies);
  tcase_add_test(tc, phrase_trie_names_bodies_and_instruments);
  tcase_add_test(tc, treaty_series_and_symbol_roots);
  tcase_add_test(tc, bodies_and_instruments_from_yaml);
  tcase_add_test(tc, load_rejects_null_arguments);
  suite_add_tcase(s, tc);
  tc = tcase_create("errors");
  tcase_add_test(tc, minimal_catalogue_loads);
  tcase_add_test(tc, missing_directory_is_io_error);
  tcase_add_test(tc, missing_bodies_file_is_io_error);
  tcase_add_test(tc, missing_lang_folder_is_io_error);
  tcase_add_test(tc, empty_lang_folder_is_schema_error);
  tcase_add_test(tc, yaml_syntax_error_has_line_and_column);
  tcase_add_test(tc, yaml_syntax_error_in_vocabulary);
  tcase_add_test(tc, schema_unknown_word_class);
  tcase_add_test(tc, schema_bad_numbering_shape);
  tcase_add_test(tc, schema_numbering_must_be_a_list);
  tcase_add_test(tc, schema_default_shape_outside_numbering);
  tcase_add_test(tc, schema_duplicate_body_id);
  tcase_add_test(tc, schema_duplicate_instrument_id);
  tcase_add_test(tc, catalogue_identifier);
  tcase_add_test(tc, huge_catalogue);
  tcase_add_test(tc, schema_body_with_unknown_instrument);
  tcase_add_test(tc, schema_treaty_series_not_numeric);
  tcase_add_test(tc, schema_treaty_series_incomplete);
  tcase_add_test(tc, schema_eleven_months);
  tcase_add_test(tc, schema_thirteen_months);
  tcase_add_test(tc, schema_missing_months);
  tcase_add_test(tc, schema_month_of_two_words);
  tcase_add_test(tc, schema_second_vocabulary_for_a_language);
  tcase_add_test(tc, schema_top_level_not_a_mapping);
  tcase_add_test(tc, schema_empty_file);
  tcase_add_test(tc, schema_missing_id);
  tcase_add_test(tc, schema_names_not_a_mapping);
  tcase_add_test(tc, schema_bad_structure);
  tcase_add_test(tc, schema_symbol_root_not_capitals);
  tcase_add_test(tc, symbols_file_restricts_roots);
  suite_add_tcase(s, tc);
  tc = tcase_create("new_language");
  tcase_add_test(tc, new_language_works_end_to_end);
  suite_add_tcase(s, tc);
  tc = tcase_create("known_bugs");
  tcase_add_test(tc, bug_load_null_dir_leaves_out_unset);
  tcase_add_test(tc, bug_treaty_series_zero_matches_unnumbered_instrument);
  tcase_add_test(tc, instrument_name_shared_without_declaration_is_an_error);
  tcase_add_test(tc, instrument_name_declared_ambiguous_loads);
  tcase_add_test(tc, instruments_folder_is_read_in_name_order);
  tcase_add_test(tc, schema_instrument_date_not_iso);
  tcase_add_test(tc, schema_instrument_adopted_by_with_space);
  suite_add_tcase(s, tc);
  return s;
}
