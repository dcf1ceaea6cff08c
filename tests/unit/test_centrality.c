/* test_centrality.c — betweenness with a path-length limit against igraph's
 * and against counts made by hand; Python's generator against MT19937's
 * published outputs; the analysis leaves igraph's generator alone. */
#include <igraph.h>
#include <stdlib.h>
#include <string.h>

#include "centrality.h"
#include "suites.h"

static void betweenness_of(size_t n, const igraph_integer_t *edges, size_t m,
                           int cutoff, double *res) {
  ck_assert_int_eq(betweenness_limited(n, m, edges, cutoff, res), 0);
}

/* a -> b -> c and a -> d -> c: the two paths from a to c share the pair's
 * one unit. */
START_TEST(two_shortest_paths_share_a_pair) {
  const igraph_integer_t e[] = {0, 1, 1, 2, 0, 3, 3, 2};
  double r[4];
  betweenness_of(4, e, 4, 2, r);
  ck_assert(r[0] == 0 && r[1] == 0.5 && r[2] == 0 && r[3] == 0.5);
  betweenness_of(4, e, 4, 1, r); /* no path of two edges counted */
  ck_assert(r[0] == 0 && r[1] == 0 && r[2] == 0 && r[3] == 0);
}
END_TEST

/* a -> b -> c -> d: b is inside a..c and a..d, c inside b..d and a..d;
 * the limit 2 leaves a..d (three edges) out. */
START_TEST(limit_leaves_longer_paths_out) {
  const igraph_integer_t e[] = {0, 1, 1, 2, 2, 3};
  double r[4];
  betweenness_of(4, e, 3, 2, r);
  ck_assert(r[0] == 0 && r[1] == 1 && r[2] == 1 && r[3] == 0);
  betweenness_of(4, e, 3, 3, r);
  ck_assert(r[0] == 0 && r[1] == 2 && r[2] == 2 && r[3] == 0);
  betweenness_of(4, e, 3, -1, r);
  ck_assert(r[0] == 0 && r[1] == 2 && r[2] == 2 && r[3] == 0);
  betweenness_of(4, e, 3, 0, r);
  ck_assert(r[1] == 0 && r[2] == 0);
}
END_TEST

/* Two a -> b edges and a loop on b: a..c has two paths, both through b;
 * d -> b -> c adds one more. The loop is no path. */
START_TEST(parallel_edges_are_paths_and_loops_are_not) {
  const igraph_integer_t e[] = {0, 1, 0, 1, 1, 1, 1, 2, 3, 1};
  double r[4];
  betweenness_of(4, e, 5, -1, r);
  ck_assert(r[0] == 0 && r[1] == 2 && r[2] == 0 && r[3] == 0);
}
END_TEST

START_TEST(no_vertex_and_no_edge) {
  double r[3] = {1, 1, 1};
  betweenness_of(0, NULL, 0, 2, r);
  betweenness_of(3, NULL, 0, 2, r);
  ck_assert(r[0] == 0 && r[1] == 0 && r[2] == 0);
}
END_TEST

/* Random multigraphs with loops, parallel and mutual edges, of every
 * density: the doubles igraph_betweenness_cutoff gives, bit for bit. */
START_TEST(equals_igraph_bit_for_bit) {
  uint64_t x = 88172645463325252ULL; /* xorshift64 */
  for (int round = 0; round < 300; round++) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    size_t n = 1 + x % 60;
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    size_t m = x % (n * 5 + 1);
    igraph_integer_t *e = malloc((2 * m + 1) * sizeof *e);
    for (size_t i = 0; i < 2 * m; i++) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      e[i] = (igraph_integer_t)(x % n);
    }
    igraph_vector_int_t ev;
    igraph_vector_int_view(&ev, e, (igraph_integer_t)(2 * m));
    igraph_t g;
    ck_assert_int_eq(igraph_create(&g, &ev, (igraph_integer_t)n, IGRAPH_DIRECTED),
                     IGRAPH_SUCCESS);
    double *ours = malloc(n * sizeof *ours);
    static const int cutoffs[] = {-1, 0, 1, 2, 3, 5};
    for (size_t c = 0; c < sizeof cutoffs / sizeof *cutoffs; c++) {
      igraph_vector_t theirs;
      igraph_vector_init(&theirs, 0);
      ck_assert_int_eq(igraph_betweenness_cutoff(&g, &theirs, igraph_vss_all(), 1,
                                                 NULL, cutoffs[c]),
                       IGRAPH_SUCCESS);
      betweenness_of(n, e, m, cutoffs[c], ours);
      ck_assert_msg(memcmp(ours, VECTOR(theirs), n * sizeof *ours) == 0,
                    "round %d (%zu vertices, %zu edges), cutoff %d", round, n, m,
                    cutoffs[c]);
      igraph_vector_destroy(&theirs);
    }
    free(ours);
    igraph_destroy(&g);
    free(e);
  }
}
END_TEST

/* mt19937ar.out, the reference outputs its authors published:
 * init_by_array({0x123, 0x234, 0x345, 0x456}), then genrand_int32(). */
START_TEST(generator_is_mt19937) {
  static const uint32_t key[] = {0x123, 0x234, 0x345, 0x456};
  static const uint32_t want[] = {1067595299U, 955945823U, 477289528U,
                                  4107218783U, 4228976476U};
  py_random r;
  py_random_seed_words(&r, key, 4);
  for (size_t i = 0; i < 5; i++)
    ck_assert_uint_eq(py_random_u32(&r), want[i]);
}
END_TEST

/* Python's random.seed(n) seeds from n's 32-bit words, least significant
 * first (one word below 2^32); random() takes 27 and 26 bits of two draws. */
START_TEST(seeded_and_drawn_as_python_does) {
  py_random a, b;
  py_random_seed(&a, 20261129);
  const uint32_t one[] = {20261129};
  py_random_seed_words(&b, one, 1);
  for (int i = 0; i < 1000; i++)
    ck_assert_uint_eq(py_random_u32(&a), py_random_u32(&b));
  py_random_seed(&a, 0x100000002ULL);
  const uint32_t two[] = {2, 1};
  py_random_seed_words(&b, two, 2);
  ck_assert_uint_eq(py_random_u32(&a), py_random_u32(&b));
  double u = py_random_real(&a);
  uint32_t hi = py_random_u32(&b) >> 5, lo = py_random_u32(&b) >> 6;
  ck_assert(u == ((double)hi * 67108864.0 + lo) / 9007199254740992.0);
  ck_assert(u >= 0 && u < 1);
}
END_TEST

/* Through igraph: seeding the generator seeds the stream, and its uniform
 * draws are random() (igraph_rng_get_unif01 calls get_real). */
START_TEST(igraph_draws_from_the_stream) {
  py_random r, s;
  igraph_rng_t rng;
  py_random_rng(&r, &rng);
  ck_assert_int_eq(igraph_rng_seed(&rng, 5), IGRAPH_SUCCESS);
  py_random_seed(&s, 5);
  for (int i = 0; i < 100; i++)
    ck_assert(igraph_rng_get_unif01(&rng) == py_random_real(&s));
}
END_TEST

/* The analysis draws from its own generator: whoever uses igraph beside
 * citegraph finds igraph's default generator as it left it. */
START_TEST(analysis_leaves_igraph_default_generator_alone) {
  const cg_catalog *cat = test_catalog();
  cg_extractor *ex = cg_extractor_new(cat);
  cg_graph *g = cg_graph_new(cat);
  ck_assert_ptr_nonnull(ex);
  ck_assert_ptr_nonnull(g);
  static const char text[] =
      "The Security Council,\n\nRecalling its resolutions 687 (1991), "
      "1441 (2002) and 2231 (2015),\n\n1. Decides to remain seized.\n";
  cg_options opts;
  memset(&opts, 0, sizeof opts);
  opts.lang = "en";
  const cg_result *res;
  cg_diag diag;
  ck_assert_int_eq(cg_extract(ex, text, strlen(text), &opts, &res, &diag), CG_OK);
  ck_assert_int_eq(cg_graph_add(g, res, "S_RES_9999_2020.en.txt"), CG_OK);
  igraph_rng_seed(igraph_rng_default(), 42);
  igraph_real_t first = igraph_rng_get_unif01(igraph_rng_default());
  igraph_rng_seed(igraph_rng_default(), 42);
  const igraph_rng_type_t *type = igraph_rng_default()->type;
  ck_assert_int_eq(cg_graph_analyse(g, &diag), CG_OK);
  ck_assert_ptr_eq(igraph_rng_default()->type, type);
  ck_assert(igraph_rng_get_unif01(igraph_rng_default()) == first);
  cg_graph_free(g);
  cg_extractor_free(ex);
}
END_TEST

Suite *centrality_suite(void) {
  Suite *s = suite_create("centrality");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, two_shortest_paths_share_a_pair);
  tcase_add_test(tc, limit_leaves_longer_paths_out);
  tcase_add_test(tc, parallel_edges_are_paths_and_loops_are_not);
  tcase_add_test(tc, no_vertex_and_no_edge);
  tcase_add_test(tc, equals_igraph_bit_for_bit);
  tcase_add_test(tc, generator_is_mt19937);
  tcase_add_test(tc, seeded_and_drawn_as_python_does);
  tcase_add_test(tc, igraph_draws_from_the_stream);
  tcase_add_test(tc, analysis_leaves_igraph_default_generator_alone);
  suite_add_tcase(s, tc);
  return s;
}
