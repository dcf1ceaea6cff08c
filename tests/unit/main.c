/* main.c — the unit test runner: every suite in one binary.
 *
 *   make unit        (CITEGRAPH_REFS=refs CK_FORK=no build/unit_tests)
 *
 * The "known_bugs" cases are regression tests of bugs found and fixed.
 *
 * Exits 0 when every test passed. */
#include <stdlib.h>

#include "suites.h"

int main(void) {
  SRunner *sr = srunner_create(util_suite());
  srunner_add_suite(sr, text_suite());
  srunner_add_suite(sr, catalog_suite());
  srunner_add_suite(sr, catimage_suite());
  srunner_add_suite(sr, lex_suite());
  srunner_add_suite(sr, extract_suite());
  srunner_add_suite(sr, records_suite());
  srunner_add_suite(sr, input_suite());
  srunner_add_suite(sr, refcheck_suite());
  srunner_add_suite(sr, graph_suite());
  srunner_add_suite(sr, centrality_suite());
  srunner_add_suite(sr, export_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  test_catalog_release();
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
