"""Checks of the Python module (run by tests/python.sh from an installed
virtual environment): its records are the command line's, and its graph is
the GraphML the command line writes, attribute for attribute.

    python_check.py REPO CITEGRAPH-BINARY TMPDIR
"""
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

import citegraph

repo, binary, tmp = sys.argv[1:4]
seed = os.path.join(repo, "tests/golden/ctoc-cop-res-10-3.es.md")
env = dict(os.environ, CITEGRAPH_REFS=os.path.join(repo, "refs"))
failures = 0


def check(what, ok, detail=""):
    global failures
    if ok:
        print("ok   " + what)
    else:
        failures += 1
        print("FAIL " + what + (": " + detail if detail else ""))


def cli(*args):
    return subprocess.run([binary, *args], env=env, check=True,
                          capture_output=True).stdout.decode("utf-8")


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line]


check("the module is the installed one, not the source tree",
      not citegraph.__file__.startswith(os.path.join(repo, "python")),
      citegraph.__file__)

# extract: a path, and the same text given as a string.
want = jsonl(cli("extract", "-q", seed))
got = citegraph.extract(seed)
check("extract(path) gives the records of citegraph extract", got == want,
      "%d records, want %d" % (len(got), len(want)))
with open(seed, encoding="utf-8") as f:
    text = f.read()
got = citegraph.extract(text, name=seed)
check("extract(text) gives the same records", got == want)
check("a record has the fields of the JSON Lines",
      set(got[1]) == {"record", "doc", "start", "end", "text", "target",
                      "kind", "body", "number", "date", "lang", "place",
                      "paragraph", "footnote"}, str(sorted(got[1])))
got = citegraph.extract("Recalling its resolution 61/144 of 19 December 2006,",
                        lang="en")
check("extract of a short text", got[0]["record"] == "document" and
      got[0]["lang"] == "en" and len(got) >= 2, str(got))

# corpus: streamed, in input order, like citegraph extract over folders.
dirs = [os.path.join(repo, "tests/golden"), os.path.join(repo, "tests/heldout")]
want = jsonl(cli("extract", "-q", *dirs))
got = list(citegraph.corpus(dirs, jobs=2))
check("corpus(folders) streams the records of citegraph extract",
      got == want, "%d records, want %d" % (len(got), len(want)))
it = citegraph.corpus(dirs)
first = next(it)
it.close()
check("a corpus closed early stops", first == want[0])
messages = []
got = list(citegraph.corpus([os.path.join(tmp, "missing.txt"), seed],
                            on_message=lambda f, t: messages.append((f, t))))
check("a missing file is a message; the rest is read",
      len(messages) == 1 and "No such file" in messages[0][1] and
      got[0]["file"] == seed, str(messages))


def same_graph(a, b):
    if list(a.nodes) != list(b.nodes):
        return "nodes differ"
    for n in a.nodes:
        if a.nodes[n] != b.nodes[n]:
            return "node %s: %r != %r" % (n, a.nodes[n], b.nodes[n])
    if sorted(a.edges) != sorted(b.edges):
        return "edges differ"
    for u, v in a.edges:
        if a.edges[u, v] != b.edges[u, v]:
            return "edge %s->%s: %r != %r" % (u, v, a.edges[u, v],
                                              b.edges[u, v])
    return ""


# graph: equal to networkx.read_graphml of the command line's GraphML.
for name, paths in (("the seed", [seed]), ("golden and heldout", dirs)):
    out = os.path.join(tmp, "cli.graphml")
    cli("graph", "-q", *paths, "-o", out)
    want = nx.read_graphml(out)
    got = citegraph.graph(paths)
    diff = same_graph(got, want)
    check("graph(%s) equals read_graphml of citegraph graph (%d nodes, %d "
          "edges, every attribute)" % (name, want.number_of_nodes(),
                                       want.number_of_edges()),
          isinstance(got, nx.DiGraph) and not diff, diff)

# graph from the records of an extraction.
recs = os.path.join(tmp, "records.jsonl")
with open(recs, "w", encoding="utf-8") as f:
    f.write(cli("extract", "-q", *dirs))
diff = same_graph(citegraph.graph([recs]), nx.read_graphml(out))
check("graph(records) equals the texts' graph", not diff, diff)

# The compiled catalogue: a process writes it to $CITEGRAPH_CACHE, the next
# reads it, and both give the records of the command line.
cache = tempfile.mkdtemp(prefix="pycache-", dir=tmp)
want = jsonl(cli("extract", "-q", seed))
runs = []
for _ in range(2):
    out = subprocess.run(
        [sys.executable, "-c",
         "import json, sys, citegraph; "
         "json.dump(citegraph.extract(sys.argv[1]), sys.stdout)", seed],
        env=dict(os.environ, CITEGRAPH_CACHE=cache), check=True,
        capture_output=True).stdout.decode("utf-8")
    runs.append(json.loads(out))
copies = [f for f in os.listdir(cache) if f.endswith(".bin")] \
    if os.path.isdir(cache) else []
check("the module keeps a compiled catalogue in $CITEGRAPH_CACHE and reads it",
      len(copies) == 1 and runs[0] == want and runs[1] == want, str(copies))

sys.exit(1 if failures else 0)
