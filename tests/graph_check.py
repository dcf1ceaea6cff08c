#!/usr/bin/python3
"""Consumer checks of citegraph's graph exports, run by tests/graph.sh.

    graph_check.py graph   G.graphml G.json CSVDIR EXTRACT.jsonl REFSDIR
    graph_check.py dot     G.dot G.graphml
    graph_check.py csvhdr  CSVDIR
    graph_check.py cypher  G.cypher G.graphml
    graph_check.py communities G.graphml leiden|louvain

Each subcommand prints one "ok ..." line per check that passed and
"FAIL ..." lines for each that did not, and exits 1 when any failed.
REFSDIR is the catalogue the exports were made with (its instruments.yaml
and instruments/*.yaml give each instrument's adopted_by).
Needs Debian's python3-networkx, python3-igraph and python3-yaml
(/usr/bin/python3).
"""
import csv
import glob
import json
import math
import os
import re
import sys
from collections import defaultdict

failed = False


def check(cond, what, detail=""):
    global failed
    if cond:
        print("ok   " + what)
    else:
        failed = True
        print("FAIL " + what + (": " + detail if detail else ""))
    return cond


def sample(items, n=5):
    if not items:
        return "none"
    items = sorted(items, key=repr)
    more = " …(%d in all)" % len(items) if len(items) > n else ""
    return ", ".join(repr(x) for x in items[:n]) + more


# ------------------------------------------------------------ readers

def read_graphml_nx(path):
    import networkx as nx
    return nx.read_graphml(path)


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def read_adopted_by(refs):
    """Each catalogue instrument's adopted_by, {id: resolution}, read from
    REFS/instruments.yaml and REFS/instruments/*.yaml with PyYAML's
    BaseLoader (every scalar a string, as written)."""
    import yaml
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    files = sorted(glob.glob(os.path.join(refs, "instruments", "*.yaml")))
    if os.path.exists(os.path.join(refs, "instruments.yaml")):
        files.insert(0, os.path.join(refs, "instruments.yaml"))
    adopted = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=loader) or {}
        for inst in doc.get("instruments") or []:
            if inst.get("adopted_by"):
                adopted[inst["id"]] = inst["adopted_by"]
    return adopted


def json_edges(j):
    return {(e["source"], e["target"], e["type"]) for e in j["links"]}


def nx_edges(g):
    return {(s, t, d.get("type")) for s, t, d in g.edges(data=True)}


# ------------------------------------------------------------ graph

NODE_TYPES = {"label": str, "kind": str, "body": str, "date": str, "year": int,
              "title": str, "url": str, "in_corpus": bool, "citations": int,
              "mentions": int, "pagerank": float, "authority": float,
              "hub": float, "betweenness": float, "component": int,
              "community": int, "labels": str}
REQUIRED = ("label", "kind", "in_corpus", "citations", "mentions", "pagerank",
            "authority", "hub", "betweenness", "component", "community")
PLACES = ("preamble", "operative", "footnote", "text")


def expected_from_extract(path, adopted_by):
    """The graph that `citegraph extract` output implies, built here without
    citegraph's graph code: one vertex per citing document (its own
    identifier, else "file:PATH") and target, one cites edge per document and
    target with the mentions counted by place, a part_of edge from each
    cited provision to the identifier before its '#', and an adopted_by edge
    (weight 1) from each catalogue instrument cited as itself to the
    resolution its catalogue entry names (`adopted_by`). A provision's
    citation gives no adopted_by edge: "UNTOC#art_32" is not the instrument
    UNTOC, and only a citation of UNTOC itself links UNTOC to A/RES/55/25."""
    docs = {}
    edges = {}
    paragraphs = defaultdict(set)
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["record"] == "document":
                doc = r["self"] or "file:" + r["file"]
                docs[doc] = True
                continue
            t = r["target"]
            if not t or t == doc:
                continue
            key = (doc, t, "cites")
            e = edges.setdefault(key, {"weight": 0, **{p: 0 for p in PLACES}})
            e["weight"] += 1
            e[r["place"] if r["place"] in PLACES else "text"] += 1
            if r["place"] == "operative" and r["paragraph"]:
                paragraphs[key].add(str(r["paragraph"]))
            if "#" in t:
                edges.setdefault((t, t.split("#", 1)[0], "part_of"),
                                 {"weight": 1, **{p: 0 for p in PLACES}})
            elif t in adopted_by:
                edges.setdefault((t, adopted_by[t], "adopted_by"),
                                 {"weight": 1, **{p: 0 for p in PLACES}})
    vertices = set(docs)
    for s, t, _ in edges:
        vertices.update((s, t))
    return vertices, set(docs), edges, paragraphs


def expected_counts(edges):
    """Citations (distinct citing documents) and mentions of each vertex:
    a cites edge counts for its target, for the instrument of a provision
    (X#art_1 -> X, through part_of), and for every instrument that the
    target resolution adopted (A/RES/70/1 -> AGENDA2030, through
    adopted_by). One hop only: a citation of R#para_3 counts for R and not
    for the instrument R adopted; a citation of an instrument does not count
    for its resolution."""
    base = {s: t for (s, t, kind) in edges if kind == "part_of"}
    adopters = defaultdict(set)
    for (s, t, kind) in edges:
        if kind == "adopted_by":
            adopters[t].add(s)
    citers, mentions = defaultdict(set), defaultdict(int)
    for (s, t, kind), w in edges.items():
        if kind != "cites":
            continue
        for v in {t} | ({base[t]} if t in base else set()) | adopters[t]:
            citers[v].add(s)
            mentions[v] += w["weight"]
    return {v: len(c) for v, c in citers.items()}, mentions


def cmd_graph(graphml, jsonfile, csvdir, extract, refs):
    import igraph as ig

    adopted_by = read_adopted_by(refs)
    check(adopted_by, "catalogue: %d instruments with adopted_by in %s"
          % (len(adopted_by), refs))

    g = read_graphml_nx(graphml)
    check(g.is_directed() and not g.is_multigraph(),
          "GraphML: networkx reads a directed simple graph",
          type(g).__name__)
    j = read_json(jsonfile)
    check(j.get("directed") is True and j.get("multigraph") is False,
          "JSON: node-link header (directed, not a multigraph)")
    jnodes = {n["id"]: n for n in j["nodes"]}
    check(len(jnodes) == len(j["nodes"]), "JSON: node ids unique")
    try:
        import networkx as nx
        jg = nx.node_link_graph(j)
        check(jg.number_of_nodes() == len(jnodes) and
              jg.number_of_edges() == len(j["links"]),
              "JSON: networkx.node_link_graph reads it whole")
    except Exception as exc:  # noqa: BLE001 - report any reader failure
        check(False, "JSON: networkx.node_link_graph reads it", repr(exc))

    nh, nrows = read_csv(csvdir + "/nodes.csv")
    rh, rrows = read_csv(csvdir + "/relationships.csv")
    cnodes = {r[0]: dict(zip(nh, r)) for r in nrows}
    check(len(cnodes) == len(nrows), "CSV: node ids unique")
    cedges = {(r[0], r[1], r[2].lower()) for r in rrows}
    check(len(cedges) == len(rrows), "CSV: relationships unique")

    gn, ge = set(g.nodes), nx_edges(g)
    check(g.number_of_edges() == len(j["links"]) == len(rrows),
          "edge counts: GraphML %d, JSON %d, CSV %d"
          % (g.number_of_edges(), len(j["links"]), len(rrows)))
    check(gn == set(jnodes), "GraphML nodes == JSON nodes (%d)" % len(gn),
          "only GraphML: %s; only JSON: %s"
          % (sample(gn - set(jnodes)), sample(set(jnodes) - gn)))
    check(gn == set(cnodes), "GraphML nodes == CSV nodes",
          "only GraphML: %s; only CSV: %s"
          % (sample(gn - set(cnodes)), sample(set(cnodes) - gn)))
    check(ge == json_edges(j), "GraphML edges == JSON edges (%d)" % len(ge),
          "only GraphML: %s; only JSON: %s"
          % (sample(ge - json_edges(j)), sample(json_edges(j) - ge)))
    check(ge == cedges, "GraphML edges == CSV relationships",
          "only GraphML: %s; only CSV: %s"
          % (sample(ge - cedges), sample(cedges - ge)))

    # Attribute types, and the same values in the three exports.
    bad_type, missing, differ = [], [], []
    for v, d in g.nodes(data=True):
        for k in REQUIRED:
            if k not in d:
                missing.append((v, k))
        for k, val in d.items():
            want = NODE_TYPES.get(k)
            if want and type(val) is not want:
                bad_type.append((v, k, type(val).__name__))
        jn = jnodes.get(v, {})
        for k, want in NODE_TYPES.items():
            if k == "labels":
                continue
            # An unknown year: absent from GraphML, null in JSON, empty in CSV.
            gv = d.get(k, None if k == "year" else (0 if want is int else ""))
            if jn.get(k) != gv:
                differ.append(("JSON", v, k, jn.get(k), gv))
            cv = cnodes.get(v, {})
            col = next((c for c in nh if c.split(":")[0] == k), None)
            if col is None:
                continue
            raw = cv.get(col)
            if want is int:
                cval = int(raw) if raw else (None if k == "year" else 0)
            elif want is float:
                cval = float(raw)
            elif want is bool:
                cval = {"true": True, "false": False}.get(raw)
            else:
                cval = raw
            if cval != gv:
                differ.append(("CSV", v, k, cval, gv))
        if d.get("labels") != ":" + cnodes.get(v, {}).get(":LABEL", ""):
            differ.append(("CSV", v, ":LABEL", cnodes.get(v, {}).get(":LABEL"),
                           d.get("labels")))
    check(not bad_type,
          "GraphML: attribute types (year int, pagerank float, in_corpus bool, "
          "citations int, …)", sample(bad_type))
    check(not missing, "GraphML: every node has %s" % ", ".join(REQUIRED),
          sample(missing))
    check(not differ, "node attributes equal in GraphML, JSON and CSV",
          sample(differ))

    types = {d.get("type") for _, _, d in g.edges(data=True)}
    check(types <= {"cites", "part_of", "adopted_by"} and None not in types,
          "GraphML: every edge type is cites, part_of or adopted_by",
          repr(types))
    bad_label = [(s, t, d.get("type"), d.get("label"))
                 for s, t, d in g.edges(data=True)
                 if d.get("label") != (d.get("type") or "").upper()]
    check(not bad_label, "GraphML: every edge's label is its type in capitals "
          "(CITES, PART_OF, ADOPTED_BY)", sample(bad_label))
    no_part = [v for v in g.nodes if "#" in v and
               g.get_edge_data(v, v.split("#", 1)[0], {}).get("type") != "part_of"]
    check(not no_part,
          "GraphML: every provision has a part_of edge to its instrument",
          sample(no_part))
    bad_part = [(s, t) for s, t, d in g.edges(data=True)
                if d.get("type") == "part_of" and ("#" not in s or
                                                   s.split("#", 1)[0] != t)]
    check(not bad_part, "GraphML: part_of edges go from X#... to X",
          sample(bad_part))
    adopted_e = [(s, t) for s, t, d in g.edges(data=True)
                 if d.get("type") == "adopted_by"]
    bad_adopt = [(s, t, adopted_by.get(s)) for s, t in adopted_e
                 if adopted_by.get(s) != t]
    check(adopted_e and not bad_adopt,
          "GraphML: adopted_by edges (%d) go from an instrument to the "
          "resolution its catalogue entry names" % len(adopted_e),
          sample(bad_adopt))

    # python-igraph reads it; PageRank recomputed.
    try:
        ig_g = ig.Graph.Read_GraphML(graphml)
    except Exception as exc:  # noqa: BLE001
        check(False, "GraphML: igraph.Graph.Read_GraphML reads it", repr(exc))
        return
    check(ig_g.vcount() == len(gn) and ig_g.ecount() == len(ge)
          and ig_g.is_directed(),
          "GraphML: igraph.Graph.Read_GraphML reads it (%d vertices, %d edges)"
          % (ig_g.vcount(), ig_g.ecount()))
    ids = ig_g.vs["id"]
    pr = ig_g.pagerank(directed=True, damping=0.85, weights=None,
                       implementation="prpack")
    diffs = [(abs(a - b), v) for a, b, v in zip(pr, ig_g.vs["pagerank"], ids)]
    worst = max(diffs) if diffs else (0.0, None)
    check(worst[0] < 1e-9,
          "PageRank (igraph PRPACK, d=0.85, unweighted) == exported pagerank "
          "(max |diff| %.3g)" % worst[0], "worst at %r" % (worst[1],))
    check(abs(sum(pr) - 1) < 1e-9 and
          abs(math.fsum(d["pagerank"] for _, d in g.nodes(data=True)) - 1) < 1e-9,
          "PageRank sums to 1")

    # Betweenness, components and communities: python-igraph's own calls
    # give the same values, bit for bit. citegraph computes betweenness
    # itself (src/centrality.c) and draws its communities from Python's
    # generator seeded with CG_COMMUNITY_SEED, as python-igraph does.
    m = ig_g.ecount()
    cutoff = None if m <= 50000 else (3 if m <= 300000 else 2)
    bt = ig_g.betweenness(directed=True, cutoff=cutoff)
    bad_bt = [(v, a, b) for a, b, v in zip(bt, ig_g.vs["betweenness"], ids)
              if a != b]
    check(not bad_bt, "betweenness (igraph, directed, cutoff %s) == exported "
          "betweenness, exactly" % cutoff, sample(bad_bt))
    comp = ig_g.connected_components(mode="weak").membership
    check(comp == [int(x) for x in ig_g.vs["component"]],
          "weak components (igraph) == exported component")
    seed = community_seed()
    want = communities_of(ig_g.as_undirected(mode="each"),
                          [float(x) for x in ig_g.es["weight"]], "leiden", seed)
    got = [int(x) for x in ig_g.vs["community"]]
    check(want == got,
          "Leiden (python-igraph after random.seed(%d), modularity, beta 0.01, "
          "two iterations) == exported community (%d communities)"
          % (seed, max(got, default=-1) + 1),
          sample([(v, a, b) for a, b, v in zip(want, got, ids) if a != b]))

    # The graph that the extracted citations imply, independently.
    want_v, want_docs, want_e, want_para = expected_from_extract(extract,
                                                                 adopted_by)
    check(gn == want_v, "vertices == targets and documents of `extract`",
          "only GraphML: %s; only extract: %s"
          % (sample(gn - want_v), sample(want_v - gn)))
    check(ge == set(want_e), "edges == (document, target) pairs of `extract`, "
          "their part_of edges and the catalogue's adopted_by edges",
          "only GraphML: %s; only extract: %s"
          % (sample(ge - set(want_e)), sample(set(want_e) - ge)))
    in_corpus = {v for v, d in g.nodes(data=True) if d.get("in_corpus")}
    check(in_corpus == want_docs, "in_corpus == the documents read",
          "only GraphML: %s; only extract: %s"
          % (sample(in_corpus - want_docs), sample(want_docs - in_corpus)))
    bad_w = []
    for s, t, d in g.edges(data=True):
        w = want_e.get((s, t, d.get("type")))
        if w is None:
            continue
        got = {k: d.get(k) for k in ("weight",) + PLACES}
        if got != w:
            bad_w.append((s, t, got, w))
        paras = set(filter(None, d.get("paragraphs", "").split(";")))
        if paras != want_para.get((s, t, d.get("type")), set()):
            bad_w.append((s, t, "paragraphs", paras))
    check(not bad_w, "edge weight, places and paragraphs == `extract` counts",
          sample(bad_w))

    indeg_ig = dict(zip(ids, ig_g.indegree()))
    indeg_want = defaultdict(int)
    for (_, t, _) in want_e:
        indeg_want[t] += 1
    bad_deg = [(v, indeg_ig[v], indeg_want.get(v, 0)) for v in ids
               if indeg_ig[v] != indeg_want.get(v, 0)]
    check(not bad_deg, "in-degree (igraph, from the GraphML edges) == count "
          "from `extract`", sample(bad_deg))
    indeg_nx = dict(g.in_degree())
    check(indeg_nx == indeg_ig, "in-degree: networkx == igraph")

    # From the GraphML edges alone: a vertex that no part_of or adopted_by
    # edge gives more citers (neither an instrument with provisions nor one
    # adopted by a resolution) is cited by the sources of its cites edges.
    citers = defaultdict(set)
    counts_more = set()
    for s, t, d in g.edges(data=True):
        if d["type"] == "cites":
            citers[t].add(s)
        elif d["type"] == "part_of":
            counts_more.add(t)
        else:
            counts_more.add(s)
    bad_simple = [(v, d["citations"], len(citers[v]))
                  for v, d in g.nodes(data=True)
                  if v not in counts_more and d["citations"] != len(citers[v])]
    check(not bad_simple, "citations of a vertex without provisions or "
          "an adopting resolution == distinct sources of its cites edges",
          sample(bad_simple))
    want_c, want_m = expected_counts(want_e)
    bad_c = [(v, d["citations"], want_c.get(v, 0), d["mentions"], want_m[v])
             for v, d in g.nodes(data=True)
             if d["citations"] != want_c.get(v, 0) or d["mentions"] != want_m[v]]
    check(not bad_c, "citations and mentions (a provision's counting for its "
          "instrument, an adopting resolution's for the instruments it "
          "adopted) == `extract` counts (id, citations, want, mentions, want)",
          sample(bad_c))


# ------------------------------------------------------------ DOT

DOT_NODE = re.compile(r'^  "((?:[^"\\]|\\.)*)" \[label=(.*)\];$')


def cmd_dot(dotfile, graphml):
    g = read_graphml_nx(graphml)
    attrs = {}
    with open(dotfile, encoding="utf-8") as f:
        for line in f:
            m = DOT_NODE.match(line.rstrip("\n"))
            if m and not m.group(1).startswith("legend:"):
                ident = m.group(1).replace('\\"', '"').replace("\\\\", "\\")
                url = re.search(r', URL="((?:[^"\\]|\\.)*)"', m.group(2))
                attrs[ident] = url.group(1) if url else None
    check(set(attrs) == set(g.nodes), "DOT: one node statement per vertex (%d)"
          % len(attrs), "only DOT: %s; only GraphML: %s"
          % (sample(set(attrs) - set(g.nodes)), sample(set(g.nodes) - set(attrs))))
    res = [v for v, d in g.nodes(data=True) if d.get("kind") == "resolution"]
    bad = [(v, attrs.get(v)) for v in res
           if not (attrs.get(v) or "").startswith("https://undocs.org/")
           or attrs.get(v) != g.nodes[v].get("url")]
    check(res and not bad, "DOT: every resolution node (%d) has URL=\"https://"
          "undocs.org/…\", the GraphML url" % len(res), sample(bad))


# ------------------------------------------------------------ CSV header

NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short",
               "char", "string", "point", "date", "localtime", "time",
               "localdatetime", "datetime", "duration"}


def cmd_csvhdr(csvdir):
    nh, _ = read_csv(csvdir + "/nodes.csv")
    rh, _ = read_csv(csvdir + "/relationships.csv")
    check(nh[0] == "id:ID" and ":LABEL" in nh,
          "nodes.csv header: id:ID first, :LABEL present", ",".join(nh))
    check(rh[:3] == [":START_ID", ":END_ID", ":TYPE"],
          "relationships.csv header: :START_ID,:END_ID,:TYPE", ",".join(rh))
    want = {"year": "int", "in_corpus": "boolean", "citations": "int",
            "mentions": "int", "pagerank": "double", "weight": "int"}
    typed = {c.split(":")[0]: c.split(":", 1)[1] for c in nh + rh
             if ":" in c and not c.startswith(":") and c != "id:ID"}
    bad = [(k, typed.get(k)) for k, t in want.items() if typed.get(k) != t]
    check(not bad, "typed columns (year:int, pagerank:double, "
          "in_corpus:boolean, weight:int, …)", sample(bad))
    unknown = [c for c in typed.values() if c.rstrip("[]") not in NEO4J_TYPES]
    check(not unknown, "every column type is a neo4j-admin type", sample(unknown))


# ------------------------------------------------------------ Cypher

class CypherLiteral:
    """A parser of Cypher literal lists and maps: strings ('…' or "…" with
    backslash escapes), numbers, true/false/null, [..] and {key: ..}."""

    ESC = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "t": "\t", "r": "\r",
           "b": "\b", "f": "\f"}

    def __init__(self, text, pos):
        self.s, self.i = text, pos

    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \t\r\n":
            self.i += 1

    def fail(self, what):
        line = self.s.count("\n", 0, self.i) + 1
        raise ValueError("line %d: %s near %r" % (line, what,
                                                   self.s[self.i:self.i + 40]))

    def value(self):
        self.ws()
        c = self.s[self.i:self.i + 1]
        if c == "[":
            self.i += 1
            out = []
            self.ws()
            if self.s[self.i] == "]":
                self.i += 1
                return out
            while True:
                out.append(self.value())
                self.ws()
                c = self.s[self.i]
                self.i += 1
                if c == "]":
                    return out
                if c != ",":
                    self.fail("',' or ']' expected")
        if c == "{":
            self.i += 1
            out = {}
            self.ws()
            if self.s[self.i] == "}":
                self.i += 1
                return out
            while True:
                self.ws()
                m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|`[^`]+`").match(self.s, self.i)
                if not m:
                    self.fail("property key expected")
                key = m.group(0).strip("`")
                self.i = m.end()
                self.ws()
                if self.s[self.i] != ":":
                    self.fail("':' expected")
                self.i += 1
                if key in out:
                    self.fail("duplicate key %r" % key)
                out[key] = self.value()
                self.ws()
                c = self.s[self.i]
                self.i += 1
                if c == "}":
                    return out
                if c != ",":
                    self.fail("',' or '}' expected")
        if c in ("'", '"'):
            q, self.i, buf = c, self.i + 1, []
            while True:
                if self.i >= len(self.s):
                    self.fail("unterminated string")
                ch = self.s[self.i]
                if ch == "\\":
                    e = self.s[self.i + 1]
                    if e == "u":
                        buf.append(chr(int(self.s[self.i + 2:self.i + 6], 16)))
                        self.i += 6
                        continue
                    if e not in self.ESC:
                        self.fail("bad escape \\%s" % e)
                    buf.append(self.ESC[e])
                    self.i += 2
                    continue
                if ch == q:
                    self.i += 1
                    return "".join(buf)
                if ch in "\n\r":
                    self.fail("newline in string")
                buf.append(ch)
                self.i += 1
        m = re.compile(r"-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?").match(self.s, self.i)
        if m:
            self.i = m.end()
            t = m.group(0)
            return float(t) if any(x in t for x in ".eE") else int(t)
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return val
        self.fail("literal expected")


NODE_TAIL = re.compile(r"\s*AS row\nMERGE \(n:Citable \{id: row\.id\}\) "
                       r"SET n \+= row, n:([A-Za-z]+);\n")
REL_TAIL = re.compile(r"\s*AS row\nMATCH \(a:Citable \{id: row\.s\}\) "
                      r"MATCH \(b:Citable \{id: row\.t\}\)\nMERGE \(a\)-\[r:"
                      r"(CITES|PART_OF|ADOPTED_BY)\]->\(b\) SET r \+= row \{[^}]*\};\n")
LABEL = {"resolution": "Resolution", "decision": "Decision", "symbol": "Document",
         "treaty": "Instrument", "provision": "Provision", "document": "Document"}


def cmd_cypher(cypherfile, graphml):
    g = read_graphml_nx(graphml)
    with open(cypherfile, encoding="utf-8") as f:
        text = f.read()
    nodes, rels, errors = {}, [], []
    pos = 0
    blocks = 0
    while True:
        k = text.find("UNWIND ", pos)
        if k < 0:
            break
        blocks += 1
        p = CypherLiteral(text, k + len("UNWIND "))
        try:
            rows = p.value()
        except (ValueError, IndexError) as exc:
            errors.append("UNWIND list %d: %s" % (blocks, exc))
            break
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            errors.append("UNWIND list %d is not a list of maps" % blocks)
        m = NODE_TAIL.match(text, p.i)
        r = REL_TAIL.match(text, p.i)
        if m:
            for row in rows:
                if row.get("id") in nodes:
                    errors.append("node %r twice" % row.get("id"))
                nodes[row.get("id")] = (row, m.group(1))
            pos = m.end()
        elif r:
            rels.extend((row.get("s"), row.get("t"), r.group(1).lower(), row)
                        for row in rows)
            pos = r.end()
        else:
            errors.append("UNWIND list %d: unexpected statement after it: %r"
                          % (blocks, text[p.i:p.i + 80]))
            break
    check(not errors and blocks > 0,
          "Cypher: %d UNWIND lists, each a valid list of property maps" % blocks,
          "; ".join(errors[:3]))
    check(set(nodes) == set(g.nodes),
          "Cypher: nodes (%d) == GraphML nodes (%d)" % (len(nodes), g.number_of_nodes()),
          "only Cypher: %s; only GraphML: %s"
          % (sample(set(nodes) - set(g.nodes)), sample(set(g.nodes) - set(nodes))))
    redges = {(s, t, ty) for s, t, ty, _ in rels}
    check(len(rels) == len(redges) == g.number_of_edges() and redges == nx_edges(g),
          "Cypher: relationships (%d) == GraphML edges (%d)"
          % (len(rels), g.number_of_edges()),
          "only Cypher: %s; only GraphML: %s"
          % (sample(redges - nx_edges(g)), sample(nx_edges(g) - redges)))
    dangling = [(s, t) for s, t, _, _ in rels if s not in nodes or t not in nodes]
    check(not dangling, "Cypher: every relationship's ends are created nodes",
          sample(dangling))
    bad = []
    for v, (row, label) in nodes.items():
        d = g.nodes.get(v)
        if d is None:
            continue
        if LABEL.get(d["kind"]) != label:
            bad.append((v, "label", label))
        for k in ("kind", "citations", "mentions", "pagerank", "in_corpus"):
            if row.get(k) != d.get(k):
                bad.append((v, k, row.get(k), d.get(k)))
    check(not bad, "Cypher: node labels and properties == GraphML", sample(bad))


def community_seed():
    header = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                          "include", "citegraph.h")
    with open(header, encoding="utf-8") as f:
        return int(re.search(r"#define CG_COMMUNITY_SEED (\d+)", f.read()).group(1))


def communities_of(und, weights, method, seed):
    import random
    random.seed(seed)
    if method == "leiden":
        return und.community_leiden(objective_function="modularity",
                                    weights=weights, beta=0.01,
                                    n_iterations=2).membership
    return und.community_multilevel(weights=weights).membership


def cmd_communities(graphml, method):
    import igraph as ig
    g = ig.Graph.Read_GraphML(graphml)
    m = g.ecount()
    cutoff = None if m <= 50000 else (3 if m <= 300000 else 2)
    bt = g.betweenness(directed=True, cutoff=cutoff)
    bad = [(v, a, b) for a, b, v in zip(bt, g.vs["betweenness"], g.vs["id"])
           if a != b]
    check(not bad, "betweenness (igraph, directed, cutoff %s, %d edges) == "
          "exported betweenness, exactly" % (cutoff, m), sample(bad))
    seed = community_seed()
    und = g.as_undirected(mode="each")
    weights = [float(x) for x in g.es["weight"]]
    got = [int(x) for x in g.vs["community"]]
    want = communities_of(und, weights, method, seed)
    check(want == got, "%s (python-igraph after random.seed(%d)) == exported "
          "community (%d communities)" % (method, seed, max(got) + 1),
          sample([(v, a, b) for a, b, v in zip(want, got, g.vs["id"]) if a != b]))
    other = communities_of(und, weights, method, seed + 1)
    check(other != got, "%s after random.seed(%d) differs: the seed decides"
          % (method, seed + 1))


def main(argv):
    cmds = {"graph": (cmd_graph, 5), "dot": (cmd_dot, 2),
            "csvhdr": (cmd_csvhdr, 1), "cypher": (cmd_cypher, 2),
            "communities": (cmd_communities, 2)}
    if len(argv) < 2 or argv[1] not in cmds or len(argv) - 2 != cmds[argv[1]][1]:
        print(__doc__, file=sys.stderr)
        return 2
    cmds[argv[1]][0](*argv[2:])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
