/* suites.h — the unit test suites (one per library module) and the helpers
 * they share. Every suite is linked into one runner (main.c). */
#ifndef CG_TEST_SUITES_H
#define CG_TEST_SUITES_H

#include <check.h>
#include <stddef.h>

#include "citegraph.h"

Suite *util_suite(void);
Suite *text_suite(void);
Suite *catalog_suite(void);
Suite *lex_suite(void);
Suite *extract_suite(void);
Suite *records_suite(void);
Suite *input_suite(void);
Suite *refcheck_suite(void);
Suite *graph_suite(void);
Suite *centrality_suite(void);
Suite *export_suite(void);
Suite *catimage_suite(void);

/* The real catalogue ($CITEGRAPH_REFS, else "refs"), loaded on first use and
 * shared read-only by every test; freed by test_catalog_release. */
const cg_catalog *test_catalog(void);
void test_catalog_release(void);
const char *test_refs_dir(void);

/* A temporary folder (mkdtemp) for catalogues written by a test. Returns a
 * malloc'ed path; tmpdir_remove deletes the folder recursively and frees it. */
char *tmpdir_new(void);
void tmpdir_remove(char *dir);

/* Writes `text` to dir/rel (creating dir/lang when rel starts with it).
 * Returns 0 on success. */
int write_text(const char *dir, const char *rel, const char *text);

/* Offset of the n-th (0-based) occurrence of `needle` in `hay`; aborts the
 * test when there is none. */
size_t offset_of(const char *hay, const char *needle, int nth);

#endif
