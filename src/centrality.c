/* centrality.c — betweenness with a path-length limit, and Python's random
 * number generator for igraph. */
#include "centrality.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ betweenness */

int betweenness_limited(size_t n, size_t m, const igraph_integer_t *edges,
                        int cutoff, double *res) {
  /* Out-neighbours in ascending order, as igraph's adjacency lists give
   * them: edges counted out by target, then (stably) by source. */
  size_t *start = calloc(n + 1, sizeof *start);
  size_t *by_to = malloc((m ? m : 1) * sizeof *by_to);
  size_t *adj = malloc((m ? m : 1) * sizeof *adj);
  size_t *depth = malloc((n ? n : 1) * sizeof *depth);
  size_t *queue = malloc((n ? n : 1) * sizeof *queue);
  size_t *head = malloc((n ? n : 1) * sizeof *head);
  size_t *tail = malloc((n ? n : 1) * sizeof *tail);
  /* Each edge gives its target at most one parent entry per source. */
  size_t *parent = malloc((m ? m : 1) * sizeof *parent);
  size_t *next = malloc((m ? m : 1) * sizeof *next);
  double *paths = calloc(n ? n : 1, sizeof *paths);
  double *delta = calloc(n ? n : 1, sizeof *delta);
  int status = -1;
  if (!start || !by_to || !adj || !depth || !queue || !head || !tail ||
      !parent || !next || !paths || !delta)
    goto done;
#define FROM(i) ((size_t)edges[2 * (i)])
#define TO(i) ((size_t)edges[2 * (i) + 1])
  for (size_t i = 0; i < m; i++)
    if (FROM(i) != TO(i))
      start[TO(i) + 1]++;
  for (size_t v = 0; v < n; v++)
    start[v + 1] += start[v];
  size_t kept = start[n];
  for (size_t i = 0; i < m; i++)
    if (FROM(i) != TO(i))
      by_to[start[TO(i)]++] = i;
  memset(start, 0, (n + 1) * sizeof *start);
  for (size_t k = 0; k < kept; k++)
    start[FROM(by_to[k]) + 1]++;
  for (size_t v = 0; v < n; v++)
    start[v + 1] += start[v];
  for (size_t k = 0; k < kept; k++) {
    size_t e = by_to[k];
    adj[start[FROM(e)]++] = TO(e);
  }
#undef FROM
#undef TO
  for (size_t v = n; v > 0; v--) /* start[v] was moved to start[v + 1] */
    start[v] = start[v - 1];
  start[0] = 0;

  for (size_t v = 0; v < n; v++) {
    depth[v] = SIZE_MAX;
    head[v] = SIZE_MAX;
    res[v] = 0;
  }
  size_t limit = cutoff < 0 ? SIZE_MAX : (size_t)cutoff;
  for (size_t s = 0; s < n; s++) {
    size_t nq = 0, np = 0;
    queue[nq++] = s;
    depth[s] = 0;
    paths[s] = 1;
    /* Breadth first: the number of shortest paths to each vertex, and the
     * vertices one step closer on them (its parents), in the order met. */
    for (size_t q = 0; q < nq; q++) {
      size_t u = queue[q];
      if (depth[u] >= limit)
        break; /* the queue is in order of depth: the rest are as deep */
      size_t d = depth[u] + 1;
      for (size_t k = start[u]; k < start[u + 1]; k++) {
        size_t w = adj[k];
        if (depth[w] == SIZE_MAX) {
          depth[w] = d;
          queue[nq++] = w;
        }
        if (depth[w] == d) {
          parent[np] = u;
          next[np] = SIZE_MAX;
          if (head[w] == SIZE_MAX)
            head[w] = np;
          else
            next[tail[w]] = np;
          tail[w] = np++;
          paths[w] += paths[u];
        }
      }
    }
    /* Back from the farthest: each vertex's dependency goes to its parents
     * in proportion to their paths. */
    for (size_t q = nq; q-- > 0;) {
      size_t w = queue[q];
      double coeff = (1 + delta[w]) / paths[w];
      for (size_t k = head[w]; k != SIZE_MAX; k = next[k])
        delta[parent[k]] += paths[parent[k]] * coeff;
      if (w != s)
        res[w] += delta[w];
    }
    for (size_t q = 0; q < nq; q++) {
      size_t w = queue[q];
      depth[w] = SIZE_MAX;
      head[w] = SIZE_MAX;
      paths[w] = 0;
      delta[w] = 0;
    }
  }
  status = 0;
done:
  free(start);
  free(by_to);
  free(adj);
  free(depth);
  free(queue);
  free(head);
  free(tail);
  free(parent);
  free(next);
  free(paths);
  free(delta);
  return status;
}

/* ------------------------------------------------------------ random */

/* MT19937 (Matsumoto and Nishimura, 1998). */
enum { MT_N = 624, MT_M = 397 };

static void mt_init(py_random *r, uint32_t s) {
  r->mt[0] = s;
  for (int i = 1; i < MT_N; i++)
    r->mt[i] = 1812433253U * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + (uint32_t)i;
  r->index = MT_N;
}

/* The seeding from an array of 32-bit words, which Python's random.seed
 * uses for an integer (its words, least significant first). */
static void mt_init_by_array(py_random *r, const uint32_t *key, int len) {
  mt_init(r, 19650218U);
  uint32_t *mt = r->mt;
  int i = 1, j = 0;
  for (int k = MT_N > len ? MT_N : len; k > 0; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] +
            (uint32_t)j;
    i++;
    j++;
    if (i >= MT_N) {
      mt[0] = mt[MT_N - 1];
      i = 1;
    }
    if (j >= len)
      j = 0;
  }
  for (int k = MT_N - 1; k > 0; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) -
            (uint32_t)i;
    i++;
    if (i >= MT_N) {
      mt[0] = mt[MT_N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000U;
}

void py_random_seed_words(py_random *r, const uint32_t *key, int len) {
  mt_init_by_array(r, key, len);
  r->has_gauss = 0;
  r->gauss_next = 0;
}

void py_random_seed(py_random *r, uint64_t seed) {
  uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
  py_random_seed_words(r, key, key[1] ? 2 : 1);
}

uint32_t py_random_u32(py_random *r) {
  uint32_t *mt = r->mt;
  if (r->index >= MT_N) {
    for (int k = 0; k < MT_N; k++) {
      uint32_t y = (mt[k] & 0x80000000U) | (mt[(k + 1) % MT_N] & 0x7fffffffU);
      mt[k] = mt[(k + MT_M) % MT_N] ^ (y >> 1) ^ (y & 1 ? 0x9908b0dfU : 0);
    }
    r->index = 0;
  }
  uint32_t y = mt[r->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

double py_random_real(py_random *r) {
  uint32_t a = py_random_u32(r) >> 5, b = py_random_u32(r) >> 6;
  return ((double)a * 67108864.0 + (double)b) * (1.0 / 9007199254740992.0);
}

/* random.gauss(0, 1): Box-Muller, two values a time. */
static double py_random_gauss(py_random *r) {
  if (r->has_gauss) {
    r->has_gauss = 0;
    return r->gauss_next;
  }
  double x2pi = py_random_real(r) * (2.0 * 3.14159265358979323846);
  double g2rad = sqrt(-2.0 * log(1.0 - py_random_real(r)));
  r->gauss_next = sin(x2pi) * g2rad;
  r->has_gauss = 1;
  return cos(x2pi) * g2rad;
}

static igraph_error_t rng_init(void **state) {
  (void)state;
  return IGRAPH_UNIMPLEMENTED; /* the state is the caller's py_random */
}

static void rng_destroy(void *state) { (void)state; }

static igraph_error_t rng_seed(void *state, igraph_uint_t seed) {
  py_random_seed(state, (uint64_t)seed);
  return IGRAPH_SUCCESS;
}

static igraph_uint_t rng_get(void *state) { return py_random_u32(state); }
static igraph_real_t rng_get_real(void *state) { return py_random_real(state); }
static igraph_real_t rng_get_norm(void *state) { return py_random_gauss(state); }

static const igraph_rng_type_t py_random_type = {
    /* name= */ "Python random",
    /* bits= */ 32,
    /* init= */ rng_init,
    /* destroy= */ rng_destroy,
    /* seed= */ rng_seed,
    /* get= */ rng_get,
    /* get_int= */ NULL,
    /* get_real= */ rng_get_real,
    /* get_norm= */ rng_get_norm,
    /* get_geom= */ NULL,
    /* get_binom= */ NULL,
    /* get_exp= */ NULL,
    /* get_gamma= */ NULL,
    /* get_pois= */ NULL,
};

void py_random_rng(py_random *r, igraph_rng_t *rng) {
  rng->type = &py_random_type;
  rng->state = r;
  rng->is_seeded = 1;
}
