#!/bin/sh
# Graph phase beside python-igraph, on two graphs of BENCH_EDGES edges
# (default 10^6):
#   - citation-like: the graph of the Security Council corpus
#     (shared/corpus/cr-unsc-gold, extracted first) grown by preferential
#     attachment: each new resolution cites BENCH_OUT (10) distinct
#     vertices drawn with probability proportional to 1 + their citations;
#   - random: the same number of resolutions, each citing BENCH_OUT
#     earlier ones drawn uniformly.
# Both are written as JSON Lines records, the graph is built by
# `citegraph graph --stats` and written as GraphML; python-igraph reads
# that GraphML and runs the same analyses with the same algorithms and
# parameters: PageRank (PRPACK, 0.85), HITS, betweenness with citegraph's
# path-length limit, weak components, and Leiden (modularity, weights,
# beta 0.01, two iterations) on the undirected projection, both seeded;
# Louvain beside it. Each analysis is timed on its own, BENCH_RUNS times
# (default 5) alternating the two tools, and the median printed beside
# each run's CPU time. A missing corpus is an error.
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
if [ ! -d "$corpus" ]; then
  echo "bench_graph: corpus $corpus is missing (set BENCH_CORPUS to the folder holding cr-unsc-gold)" >&2
  exit 2
fi
"$py" -c 'import igraph' 2> /dev/null || {
  echo "bench_graph: python3-igraph is missing (make deps installs it)" >&2; exit 2; }
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
                urn.extend(set(ts))
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
    "$py" - "$tmp/$name.graphml" >> "$tmp/$name.p" <<'PY'
import random, resource, sys, time
import igraph
g = igraph.Graph.Read_GraphML(sys.argv[1])
m = g.ecount()
w = [float(x) for x in g.es["weight"]]
t = {}
c0 = resource.getrusage(resource.RUSAGE_SELF)
def timed(name, f):
    s = time.perf_counter(); r = f(); t[name] = time.perf_counter() - s; return r
timed("pagerank", lambda: g.pagerank(directed=True, damping=0.85, implementation="prpack"))
timed("hits", lambda: (g.hub_score(), g.authority_score()))
cut = None if m <= 50000 else (3 if m <= 300000 else 2)
timed("betweenness", lambda: g.betweenness(directed=True, cutoff=cut))
timed("components", lambda: g.connected_components(mode="weak"))
u = g.as_undirected(mode="each")
random.seed(20261129)
cl = timed("leiden", lambda: u.community_leiden(objective_function="modularity", weights=w,
                                                   beta=0.01, n_iterations=2))
random.seed(20261129)
lv = timed("louvain", lambda: u.community_multilevel(weights=w))
c1 = resource.getrusage(resource.RUSAGE_SELF)
print("%.3f %.3f %.3f %.3f %.3f %.3f %d %.4f %.4f %.2f" % (
    t["pagerank"], t["hits"], t["betweenness"], t["components"], t["leiden"], t["louvain"],
    len(cl), cl.modularity, lv.modularity, c1.ru_utime - c0.ru_utime + c1.ru_stime - c0.ru_stime))
PY
  done
  awk -v runs="$runs" '
    function median(a, n,   i, j, x) {
      for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    FILENAME ~ /\.c$/ { n++; for (f = 1; f <= 7; f++) c[f, n] = $f }
    FILENAME ~ /\.p$/ { q++; for (f = 1; f <= 10; f++) p[f, q] = $f }
    END {
      split("pagerank hits betweenness components communities", names, " ")
      printf "  %-26s %12s %14s\n", "median of " runs " runs (s)", "citegraph", "python-igraph"
      tc = 0; tp = 0
      for (f = 1; f <= 5; f++) {
        for (i = 1; i <= n; i++) a[i] = c[f, i]; mc = median(a, n)
        for (i = 1; i <= q; i++) a[i] = p[f, i]; mp = median(a, q)
        tc += mc; tp += mp
        printf "  %-26s %12.3f %14.3f\n", names[f] (f == 5 ? " (leiden)" : ""), mc, mp
      }
      for (i = 1; i <= q; i++) a[i] = p[6, i]; ml = median(a, q)
      printf "  %-26s %12s %14.3f\n", "louvain (python, beside)", "", ml
      printf "  %-26s %12.3f %14.3f   ratio %.2f\n", "analyses in all", tc, tp, tc / tp
      for (i = 1; i <= n; i++) a[i] = c[6, i]; mc = median(a, n)
      printf "  %-26s %12.3f %14s\n", "prepare (igraph graphs)", mc, "(not timed)"
      for (i = 1; i <= n; i++) a[i] = c[7, i]; cc = median(a, n)
      for (i = 1; i <= q; i++) a[i] = p[10, i]; cp = median(a, q)
      printf "  %-26s %12.2f %14.2f   (citegraph: the whole run, reading records and writing GraphML)\n", "CPU seconds", cc, cp
      printf "  python-igraph Leiden: %d communities, modularity %.4f; its Louvain: modularity %.4f\n", p[7, q], p[8, q], p[9, q]
    }' "$tmp/$name.c" "$tmp/$name.p"
done
