#!/bin/sh
# Graph phase: a synthetic corpus of BENCH_DOCS Security Council-style
# resolutions (default 100 000), each citing 10 earlier ones, gives a graph
# of at least a million edges. Times citegraph's build + analysis + GraphML
# export, then python-igraph and networkx doing the same analysis on the
# same GraphML, in the same run.
set -eu
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${CITEGRAPH:-$top/citegraph}
export CITEGRAPH_REFS="${CITEGRAPH_REFS:-$top/refs}"
docs=${BENCH_DOCS:-100000}
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

$py - "$tmp/corpus" "$docs" <<'PY'
import os, random, sys
out, n = sys.argv[1], int(sys.argv[2])
random.seed(2026)
os.makedirs(out)
for i in range(1, n + 1):
    year = 1946 + i * 78 // n
    cited = sorted(set(random.randint(1, i - 1) for _ in range(10))) if i > 11 else []
    refs = ", ".join("%d (%d)" % (c, 1946 + c * 78 // n) for c in cited)
    with open(os.path.join(out, "r%06d.txt" % i), "w") as f:
        f.write("Resolution %d (%d)\n\nThe Security Council,\n\n" % (i, year))
        if refs:
            f.write("Recalling its resolutions %s,\n\n" % refs)
        f.write("1. Decides to remain seized of the matter.\n")
PY
echo "synthetic corpus: $docs documents"
t0=$(date +%s.%N)
"$bin" graph "$tmp/corpus" -o "$tmp/g.graphml" --stats 2> "$tmp/stats"
t1=$(date +%s.%N)
cat "$tmp/stats"
total=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
graph_phase=$(sed -n 's/.*analysis \([0-9.]*\) s, writing \([0-9.]*\) s.*/\1 \2/p' "$tmp/stats" |
  awk '{ printf "%.2f", $1 + $2 }')
echo "citegraph: $total s in all; analysis + GraphML export $graph_phase s"

$py - "$tmp/g.graphml" "$graph_phase" <<'PY'
import sys, time
path, ours = sys.argv[1], float(sys.argv[2])
import igraph
t = time.time()
g = igraph.Graph.Read_GraphML(path)
t_read = time.time() - t
t = time.time()
g.pagerank(directed=True, damping=0.85)
g.hub_score(); g.authority_score()
g.betweenness(directed=True, cutoff=(2 if g.ecount() > 300000 else 3) if g.ecount() > 50000 else None)
g.connected_components(mode="weak")
u = g.as_undirected(mode="each")
u.community_multilevel(weights=[float(w) for w in g.es["weight"]])
t_an = time.time() - t
print("python-igraph: read GraphML %.2f s, analysis %.2f s; "
      "analysis / citegraph analysis+export: %.1f" % (t_read, t_an, t_an / max(ours, 1e-9)))
import networkx as nx
t = time.time()
import warnings; warnings.simplefilter("ignore")
h = nx.read_graphml(path)
t_read = time.time() - t
t = time.time()
nx.pagerank(h, alpha=0.85)
nx.hits(h, max_iter=1000)
list(nx.weakly_connected_components(h))
t_an = time.time() - t
print("networkx: read GraphML %.2f s, PageRank + HITS + components %.2f s "
      "(betweenness and Louvain left out: too slow at this size); "
      "ratio to citegraph analysis+export: %.1f" % (t_read, t_an, t_an / max(ours, 1e-9)))
PY
