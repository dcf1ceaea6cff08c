#!/bin/sh
# Graph phase beside python-igraph, on two graphs of BENCH_EDGES edges
# (default 10^6):
#   - citation-like: the graph of the Security Council corpus
#     (shared/corpus/cr-unsc-gold, extracted first) grown by preferential
#     attachment: each new resolution cites BENCH_OUT (10) distinct
#     vertices drawn with probability proportional to 1 + their citations;
#   - random: the same number of resolutions, each citing BENCH_OUT
#     earlier ones drawn uniformly.
# Both are written as JSON Lines records (the same bytes every time), the
# graph is built by `citegraph graph --stats` and written as GraphML;
# python-igraph reads that GraphML and runs the same analyses with the
# same algorithms and parameters: PageRank (PRPACK, 0.85), HITS,
# betweenness with citegraph's path-length limit, weak components, and
# Leiden (modularity, weights, beta 0.01, two iterations) on the
# undirected projection, seeded.
#
# What makes the two sides comparable:
#   - each analysis is timed on its own, BENCH_RUNS times (default 5)
#     alternating the two tools, and the medians printed, with each run's
#     CPU time;
#   - python-igraph's loading (Read_GraphML) and projection (as_undirected)
#     are timed apart from its analyses, beside citegraph's preparation
#     (sorting, labels, citation counts, the two igraph graphs);
#   - citegraph draws its communities from Python's generator (MT19937),
#     as python-igraph does, so that random.seed(CG_COMMUNITY_SEED) there
#     and citegraph's seed give the same stream and the same communities:
#     the same work on both sides, not two different random walks;
#   - Leiden's time includes the modularity of its result on both sides
#     (citegraph computes it for --stats);
#   - python-igraph 0.10 has no call giving hubs and authorities together:
#     its HITS is hub_score() and authority_score(), one eigenvector
#     computation each, where citegraph's one call gives both; hub_score()
#     alone is printed beside, and the totals with it in place of both;
#   - once per graph, python-igraph's results are compared with the
#     GraphML's: betweenness, components and communities must be equal
#     (the script fails otherwise), PageRank and HITS within 1e-9 of each
#     vector's largest entry.
# Louvain (python-igraph, once per graph) is printed beside for reference.
# A missing corpus is an error.
set -eu
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${CITEGRAPH:-$top/citegraph}
export CITEGRAPH_REFS="${CITEGRAPH_REFS:-$top/refs}"
edges=${BENCH_EDGES:-1000000}
out=${BENCH_OUT:-10}
runs=${BENCH_RUNS:-5}
corpus=${BENCH_CORPUS:-$top/../shared/corpus}/cr-unsc-gold
py=/usr/bin/python3
seed=$(sed -n 's/^#define CG_COMMUNITY_SEED \([0-9]*\)$/\1/p' "$top/include/citegraph.h")
if [ ! -d "$corpus" ]; then
  echo "bench_graph: corpus $corpus is missing (set BENCH_CORPUS to the folder holding cr-unsc-gold)" >&2
  exit 2
fi
"$py" -c 'import igraph' 2> /dev/null || {
  echo "bench_graph: python3-igraph is missing (make deps installs it)" >&2; exit 2; }
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "corpus: $corpus ($(find "$corpus" -type f -name '*.txt' | wc -l) texts)"
"$bin" extract -q "$corpus" > "$tmp/sc.jsonl"

"$py" - "$tmp/sc.jsonl" "$tmp" "$edges" "$out" <<'PY'
import json, random, sys
src, tmp, target, k = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
docs = []          # (id, [targets])
for line in open(src, encoding="utf-8"):
    r = json.loads(line)
    if r["record"] == "document":
        docs.append((r["doc"], []))
    elif r["target"]:
        docs[-1][1].append(r["target"])

def cite(f, doc, targets):
    f.write(json.dumps({"record": "document", "doc": doc, "self": doc, "body": "SC",
                        "lang": "en", "date": None, "title": None,
                        "citations": len(targets), "invalid_utf8": 0}) + "\n")
    for i, t in enumerate(targets):
        f.write(json.dumps({"record": "citation", "doc": doc, "start": i, "end": i + 1,
                            "text": "x", "target": t, "kind": "resolution", "body": "SC",
                            "number": "", "date": None, "lang": "en", "place": "operative",
                            "paragraph": 1, "footnote": 0}) + "\n")

base_edges = len({(d, t) for d, ts in docs for t in ts})
for name in ("attachment", "random"):
    random.seed(2026)
    with open("%s/%s.jsonl" % (tmp, name), "w", encoding="utf-8") as f:
        if name == "attachment":
            urn = []   # each vertex once, and once more per citation
            seen = set()
            for d, ts in docs:
                cite(f, d, ts)
                for v in [d] + ts:
                    if v not in seen:
                        seen.add(v)
                        urn.append(v)
                urn.extend(sorted(set(ts)))
            n_edges = base_edges
        else:
            urn, n_edges = [], 0
        i = 0
        while n_edges < target:
            i += 1
            doc = "S/RES/%d(2100)" % (100000 + i)
            if name == "attachment":
                pool = urn
            else:
                pool = urn if urn else [doc]
            chosen = set()
            while len(pool) >= k and len(chosen) < k:
                chosen.add(random.choice(pool))
            ts = sorted(chosen)
            cite(f, doc, ts)
            n_edges += len(ts)
            if name == "attachment":
                urn.append(doc)
                urn.extend(ts)
            else:
                urn.append(doc)
    print("%s graph: %d documents added, %d citation edges" % (name, i, n_edges))
PY

for name in attachment random; do
  echo "== $name graph"
  "$bin" graph -q --from records "$tmp/$name.jsonl" -o "$tmp/$name.graphml" --stats \
    2> "$tmp/$name.stats"
  cat "$tmp/$name.stats"
  # The same analyses in python-igraph, against the GraphML's values.
  "$py" - "$tmp/$name.graphml" "$seed" <<'PY' || status=1
import random, sys, time
import igraph
g = igraph.Graph.Read_GraphML(sys.argv[1])
m = g.ecount()
w = [float(x) for x in g.es["weight"]]
cut = None if m <= 50000 else (3 if m <= 300000 else 2)
bad = []
def close(name, ours, theirs):
    # Against the vector's scale (HITS and PageRank are eigenvectors, found
    # to a tolerance of their largest entry): entries near zero differ in
    # relative terms whatever the precision ("hubs within 6.1e+03" of a
    # 1e-17 score).
    scale = max((abs(b) for b in theirs), default=0) or 1e-300
    d = max((abs(a - b) / scale for a, b in zip(ours, theirs)), default=0)
    if d > 1e-9:
        bad.append(name)
    return "%s within %.1e" % (name, d)
def same(name, ours, theirs):
    if list(ours) != list(theirs):
        bad.append(name)
        return name + " DIFFERENT"
    return name + " equal"
notes = [close("pagerank", g.pagerank(directed=True, damping=0.85, implementation="prpack"),
               g.vs["pagerank"]),
         close("hubs", g.hub_score(), g.vs["hub"]),
         close("authorities", g.authority_score(), g.vs["authority"]),
         same("betweenness", g.betweenness(directed=True, cutoff=cut), g.vs["betweenness"]),
         same("components", g.connected_components(mode="weak").membership,
              [int(x) for x in g.vs["component"]])]
u = g.as_undirected(mode="each")
random.seed(int(sys.argv[2]))
cl = u.community_leiden(objective_function="modularity", weights=w, beta=0.01, n_iterations=2)
notes.append(same("communities", cl.membership, [int(x) for x in g.vs["community"]]))
print("  python-igraph against citegraph: " + ", ".join(notes))
print("  python-igraph Leiden: %d communities, modularity %.4f" % (len(cl), cl.modularity))
random.seed(int(sys.argv[2]))
s = time.perf_counter()
lv = u.community_multilevel(weights=w)
print("  python-igraph Louvain (one run, beside): %.3f s, %d communities, modularity %.4f"
      % (time.perf_counter() - s, len(lv), lv.modularity))
sys.exit(1 if bad else 0)
PY
  # Runs alternate: citegraph's analysis (graph --stats from the records),
  # then python-igraph's on the GraphML citegraph wrote.
  : > "$tmp/$name.c"
  : > "$tmp/$name.p"
  r=0
  while [ "$r" -lt "$runs" ]; do
    r=$((r + 1))
    /usr/bin/time -f '%U %S' -o "$tmp/cpu" "$bin" graph -q --from records "$tmp/$name.jsonl" \
      -o "$tmp/run.graphml" --stats 2> "$tmp/s"
    sed -n 's/.*analysis: prepare \([0-9.]*\) s, pagerank \([0-9.]*\) s, hits \([0-9.]*\) s, betweenness \([0-9.]*\) s, components \([0-9.]*\) s, communities \([0-9.]*\) s.*/\2 \3 \4 \5 \6 \1/p' \
      "$tmp/s" | tr '\n' ' ' >> "$tmp/$name.c"
    awk '{ printf "%s\n", $1 + $2 }' "$tmp/cpu" >> "$tmp/$name.c"
    "$py" - "$tmp/$name.graphml" "$seed" >> "$tmp/$name.p" <<'PY'
import random, resource, sys, time
import igraph
t = {}
def timed(name, f):
    s = time.perf_counter(); r = f(); t[name] = time.perf_counter() - s; return r
g = timed("load", lambda: igraph.Graph.Read_GraphML(sys.argv[1]))
u = timed("projection", lambda: g.as_undirected(mode="each"))
m = g.ecount()
w = [float(x) for x in g.es["weight"]]
cut = None if m <= 50000 else (3 if m <= 300000 else 2)
c0 = resource.getrusage(resource.RUSAGE_SELF)
timed("pagerank", lambda: g.pagerank(directed=True, damping=0.85, implementation="prpack"))
timed("hits", lambda: (g.hub_score(), g.authority_score()))
timed("betweenness", lambda: g.betweenness(directed=True, cutoff=cut))
timed("components", lambda: g.connected_components(mode="weak"))
random.seed(int(sys.argv[2]))
def leiden():
    cl = u.community_leiden(objective_function="modularity", weights=w, beta=0.01,
                            n_iterations=2)
    return cl, cl.modularity
cl, q = timed("leiden", leiden)
c1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = c1.ru_utime - c0.ru_utime + c1.ru_stime - c0.ru_stime
timed("hub", lambda: g.hub_score())
print("%.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.2f" % (
    t["pagerank"], t["hits"], t["betweenness"], t["components"], t["leiden"],
    t["hub"], t["load"], t["projection"], cpu))
PY
  done
  awk -v runs="$runs" '
    function median(a, n,   i, j, x) {
      for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function med_c(f,   i) { for (i = 1; i <= n; i++) a[i] = c[f, i]; return median(a, n) }
    function med_p(f,   i) { for (i = 1; i <= q; i++) a[i] = p[f, i]; return median(a, q) }
    FILENAME ~ /\.c$/ { n++; for (f = 1; f <= 7; f++) c[f, n] = $f }
    FILENAME ~ /\.p$/ { q++; for (f = 1; f <= 9; f++) p[f, q] = $f }
    END {
      split("pagerank hits betweenness components communities", names, " ")
      printf "  %-26s %12s %14s\n", "median of " runs " runs (s)", "citegraph", "python-igraph"
      tc = 0; tp = 0
      for (f = 1; f <= 5; f++) {
        mc = med_c(f); mp = med_p(f); tc += mc; tp += mp
        printf "  %-26s %12.3f %14.3f   ratio %.2f", names[f] (f == 5 ? " (leiden)" : ""), mc, mp, (mp > 0 ? mc / mp : 0)
        if (f == 2) printf "   (python: two calls; hub_score() alone %.3f)", med_p(6)
        printf "\n"
      }
      printf "  %-26s %12.3f %14.3f   ratio %.2f\n", "analyses in all", tc, tp, tc / tp
      printf "  %-26s %12.3f %14.3f   ratio %.2f\n", "  (python HITS: one call)", tc, tp - med_p(2) + med_p(6), tc / (tp - med_p(2) + med_p(6))
      printf "  %-26s %12.3f %14.3f   (python: Read_GraphML %.3f, as_undirected %.3f)\n", \
        "prepare / load", med_c(6), med_p(7) + med_p(8), med_p(7), med_p(8)
      printf "  %-26s %12.2f %14.2f   (citegraph: the whole run, reading records and writing GraphML; python: the analyses)\n", \
        "CPU seconds", med_c(7), med_p(9)
    }' "$tmp/$name.c" "$tmp/$name.p"
done
exit "$status"
