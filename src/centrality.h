/* centrality.h — betweenness of a directed graph with a limit on path
 * length, and the random number generator the community methods draw from. */
#ifndef CG_CENTRALITY_H
#define CG_CENTRALITY_H

#include <igraph.h>
#include <stddef.h>
#include <stdint.h>

/* Betweenness of every vertex of the directed multigraph of `n` vertices
 * and the `m` edges edges[2i] -> edges[2i + 1] (indices below n, the
 * vector igraph_create takes), counting only
 * shortest paths of at most `cutoff` edges (no limit if cutoff < 0), as
 * igraph_betweenness_cutoff(directed, no weights) defines it: loops are
 * ignored, parallel edges are distinct paths. Brandes' method from every
 * source, its breadth-first search stopped at depth `cutoff` (igraph's
 * searches one level further and throws it away); the sums are done in
 * igraph's order (sources in turn, vertices back from the farthest), so
 * that `res` (n values, caller's) holds the same doubles, bit for bit.
 * Returns 0, or -1 when out of memory (`res` then undefined).
 * Time: O(sum over sources of the edges within cutoff - 1 steps of them),
 * O(|V||E|) without a limit; memory O(|V| + |E|). */
int betweenness_limited(size_t n, size_t m, const igraph_integer_t *edges,
                        int cutoff, double *res);

/* Python's random module (MT19937 seeded from an integer as
 * random.seed(n) does; random() from two 32-bit draws; gauss()), as an
 * igraph generator: python-igraph draws from Python's random module, so
 * that igraph's community methods seeded with the same number find the
 * same communities in both. */
typedef struct {
  uint32_t mt[624];
  int index;
  int has_gauss; /* gauss() makes two values and keeps the second */
  double gauss_next;
} py_random;

/* Seeds as Python's random.seed(seed) for a non-negative integer: MT19937's
 * seeding from an array, with the integer's 32-bit words, least
 * significant first (py_random_seed_words; `len` >= 1). */
void py_random_seed(py_random *r, uint64_t seed);
void py_random_seed_words(py_random *r, const uint32_t *key, int len);
/* random.getrandbits(32) */
uint32_t py_random_u32(py_random *r);
/* random.random(): [0, 1) with 53 random bits */
double py_random_real(py_random *r);

/* An igraph generator drawing from `r` (borrowed, must outlive it), for
 * igraph_rng_set_default: its get() is getrandbits(32), get_real()
 * random(), get_norm() gauss(0, 1), as python-igraph's are; the rest is
 * igraph's, from those. Seeding it seeds `r` as py_random_seed does. */
void py_random_rng(py_random *r, igraph_rng_t *rng);

#endif
