#!/bin/sh
# Consumer tests of the graph exports: each format is read by the program it
# is written for, on the graph of every document in tests/golden and
# tests/heldout together.
#
#   1. GraphML: networkx and python-igraph read it; same nodes and edges as
#      the node-link JSON and the CSV; attribute types; part_of edges;
#      adopted_by edges to the resolutions the catalogue names.
#   2. PageRank recomputed by python-igraph; vertices, edges, in-degree,
#      citations, mentions and edge weights recomputed from `citegraph
#      extract` and the catalogue's adopted_by (refs/instruments/*.yaml).
#   3. DOT through Graphviz `dot` without a warning; URL attributes; SVG, PNG
#      and PDF pictures.
#   4. CSV: neo4j-admin headers; loaded into the embedded graph database Kuzu
#      (tests/kuzu/load.mjs), whose Cypher ranking must equal `citegraph top`.
#   5. Cypher: every UNWIND list parses as property maps; the same graph.
#   6. `citegraph top` on the seed document.
#   7. Deterministic, atomic writes; a failed write leaves nothing.
#   8. adopted_by on records written here by hand: checks 1, 2, 4 and 5 on
#      their graph, and the ADOPTED_BY relationships and ranking as read
#      from them.
#   9. On a random graph of 60,000 edges: python-igraph, seeded as
#      citegraph is, finds the same Leiden and Louvain communities and the
#      same betweenness.
#
# Needs Debian's python3-networkx, python3-igraph and python3-yaml (PYTHON, default
# /usr/bin/python3) and Graphviz's dot. The Kuzu part needs node and npm: when
# tests/kuzu/node_modules is missing it runs `npm install` there (the npm
# registry) and then `node node_modules/kuzu/install.js`; without node or npm
# it is skipped with a SKIP line. Prints "ok"/"FAIL" per check, then
# "graph: N passed, N failed"; exits 1 when any check failed.
set -eu
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.."
bin=${CITEGRAPH:-./citegraph}
CITEGRAPH_REFS=refs
export CITEGRAPH_REFS
py=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pass=0; failn=0; skipn=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
fail() { failn=$((failn + 1)); echo "FAIL $*"; }
skip() { skipn=$((skipn + 1)); echo "SKIP $*"; }
# check WHAT COMMAND...: one check from a command's exit status; its output
# is shown when it fails.
check() {
  what=$1; shift
  if "$@" > "$tmp/check.out" 2>&1; then ok "$what"
  else fail "$what (exit $?)"; sed 's/^/       /' "$tmp/check.out"; fi
}
# run_py SUBCOMMAND ARGS...: the ok/FAIL lines of graph_check.py, counted,
# each after $py_tag.
py_tag=
run_py() {
  st=0
  "$py" tests/graph_check.py "$@" > "$tmp/py.raw" 2>&1 || st=$?
  sed "s#^\(ok   \|FAIL \)#\1$py_tag#" "$tmp/py.raw" > "$tmp/py.out"
  cat "$tmp/py.out"
  p=$(grep -c '^ok ' "$tmp/py.out" || :)
  f=$(grep -c '^FAIL ' "$tmp/py.out" || :)
  pass=$((pass + p)); failn=$((failn + f))
  if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then
    fail "graph_check.py $1 exited with status $st"
  fi
}

# The documents: every file that has hand-written expectations.
set --
for t in tests/golden/*.targets tests/heldout/*.targets; do
  [ -f "${t%.targets}" ] && set -- "$@" "${t%.targets}"
done
[ "$#" -gt 0 ] || { echo "FAIL no documents in tests/golden, tests/heldout"; exit 1; }
seed=tests/golden/ctoc-cop-res-10-3.es.md
echo "graph: $# documents"

if ! "$py" -c 'import networkx, igraph, yaml' 2> /dev/null; then
  echo "FAIL $py cannot import networkx, igraph and yaml (apt-get install python3-networkx python3-igraph python3-yaml)"
  exit 1
fi
command -v dot > /dev/null || { echo "FAIL Graphviz dot not found (apt-get install graphviz)"; exit 1; }

out=$tmp/out
mkdir "$out"

# ------------------------------------------------------------ exports
for f in graphml json dot cypher; do
  check "graph -o g.$f" "$bin" graph "$@" -o "$out/g.$f"
done
check "graph --format csv -o csv/" "$bin" graph "$@" --format csv -o "$out/csv/"
"$bin" extract "$@" > "$tmp/extract.jsonl" ||
  fail "citegraph extract on the documents exited with status $?"
for f in g.graphml g.json g.dot g.cypher csv/nodes.csv csv/relationships.csv; do
  [ -s "$out/$f" ] || { fail "$f was not written"; echo "graph: $pass passed, $failn failed"; exit 1; }
done

# ------------------------------------------------------------ 1, 2: GraphML
run_py graph "$out/g.graphml" "$out/g.json" "$out/csv" "$tmp/extract.jsonl" "$CITEGRAPH_REFS"

# ------------------------------------------------------------ 3: DOT, pictures
if dot -Tsvg "$out/g.dot" -o "$tmp/dot.svg" 2> "$tmp/dot.err"; then
  if [ -s "$tmp/dot.err" ]; then
    fail "dot -Tsvg g.dot printed on standard error:"; sed 's/^/       /' "$tmp/dot.err"
  else
    ok "dot -Tsvg g.dot: exit 0, nothing on standard error"
  fi
else
  fail "dot -Tsvg g.dot exited with status $?"; sed 's/^/       /' "$tmp/dot.err"
fi
run_py dot "$out/g.dot" "$out/g.graphml"
for f in svg png pdf; do
  check "graph -o g.$f" "$bin" graph "$@" -o "$out/g.$f"
done
if head -c 2048 "$out/g.svg" 2> /dev/null | grep -q '<svg'; then ok "g.svg is SVG (<svg)"
else fail "g.svg does not start an <svg> element"; fi
n=$(grep -c 'xlink:href="https://undocs.org/' "$out/g.svg" || :)
if [ "$n" -gt 0 ]; then ok "g.svg links to https://undocs.org/ ($n links)"
else fail "g.svg has no xlink:href=\"https://undocs.org/...\" link"; fi
sig=$(head -c 8 "$out/g.png" 2> /dev/null | od -An -tx1 | tr -d ' \n')
if [ "$sig" = 89504e470d0a1a0a ]; then ok "g.png has the PNG signature"
else fail "g.png does not start with the PNG signature (got '$sig')"; fi
if [ "$(head -c 5 "$out/g.pdf" 2> /dev/null)" = "%PDF-" ]; then ok "g.pdf starts with %PDF-"
else fail "g.pdf does not start with %PDF-"; fi

# ------------------------------------------------------------ 4: CSV, Kuzu
run_py csvhdr "$out/csv"
"$bin" top --kind all -n 10 --format tsv "$@" > "$tmp/top.tsv" 2> "$tmp/err" ||
  fail "citegraph top --kind all exited with status $?"
kuzu=no
if ! command -v node > /dev/null 2>&1 || ! command -v npm > /dev/null 2>&1; then
  skip "Kuzu: node or npm is not installed (apt-get install nodejs npm)"
else
  kuzu_ready() { (cd tests/kuzu && node -e 'import("kuzu").then(() => process.exit(0), () => process.exit(1))') > /dev/null 2>&1; }
  if [ ! -d tests/kuzu/node_modules/kuzu ]; then
    echo "     (installing kuzu: npm install in tests/kuzu)"
    (cd tests/kuzu && npm install --no-audit --no-fund --loglevel=error &&
       node node_modules/kuzu/install.js) > "$tmp/npm.log" 2>&1 ||
      { fail "npm install / install.js in tests/kuzu:"; tail -n 20 "$tmp/npm.log" | sed 's/^/       /'; }
  fi
  if [ -d tests/kuzu/node_modules/kuzu ] && ! kuzu_ready; then
    (cd tests/kuzu && node node_modules/kuzu/install.js) > "$tmp/npm.log" 2>&1 || :
  fi
  if kuzu_ready; then kuzu=yes
  else fail "Kuzu: node cannot import kuzu from tests/kuzu"; fi
fi
# kuzu_check CSVDIR TOP.tsv N WHAT: the CSV export in CSVDIR loaded into Kuzu;
# its Cypher ranking must equal the first N rows of TOP.tsv (`citegraph top
# --kind all --format tsv`).
kuzu_check() {
  [ "$kuzu" = yes ] || return 0
  if node tests/kuzu/load.mjs "$1" "$3" > "$tmp/kuzu.out" 2> "$tmp/kuzu.err"; then
    ok "Kuzu ($4): CREATE NODE/REL TABLE from the CSV headers, COPY both files (HEADER=true)"
    nv=$(awk -F'\t' '$1 == "nodes" { print $2 }' "$tmp/kuzu.out")
    ne=$(awk -F'\t' '$1 == "relationships" { print $2 }' "$tmp/kuzu.out")
    wv=$(($(wc -l < "$1/nodes.csv") - 1))
    we=$(($(wc -l < "$1/relationships.csv") - 1))
    if [ "$nv" = "$wv" ] && [ "$ne" = "$we" ]; then
      ok "Kuzu ($4): $nv nodes and $ne relationships loaded, as many as the CSV rows"
    else
      fail "Kuzu ($4) loaded $nv nodes and $ne relationships; the CSV has $wv and $we"
    fi
    dis=$(awk -F'\t' '$1 == "disagree"' "$tmp/kuzu.out")
    if [ "$dis" = "$(printf 'disagree\t0')" ]; then
      ok "Kuzu ($4): every node's citations and mentions columns == Cypher count over CITES/PART_OF/ADOPTED_BY"
    else
      fail "Kuzu ($4): exported citations/mentions differ from the Cypher count: $dis"
    fi
    awk -F'\t' -v n="$3" 'NR > 1 && NR <= n + 1 { print $2 "\t" $6 "\t" $7 }' "$2" > "$tmp/top.want"
    awk -F'\t' '$1 != "nodes" && $1 != "relationships" && $1 != "disagree"' "$tmp/kuzu.out" > "$tmp/top.got"
    if [ -s "$tmp/top.want" ] && cmp -s "$tmp/top.got" "$tmp/top.want"; then
      ok "Kuzu ($4): Cypher top $3 (id, citing vertices of it, its PART_OF provisions or the resolution it is ADOPTED_BY, mentions; adopting resolutions merged) == citegraph top --kind all"
    else
      fail "Kuzu ($4): Cypher top $3 differs from citegraph top --kind all (id, citations, mentions):"
      diff "$tmp/top.got" "$tmp/top.want" | sed 's/^/       /' || :
    fi
  else
    fail "Kuzu ($4): node tests/kuzu/load.mjs exited with status $?:"
    sed 's/^/       /' "$tmp/kuzu.err"
  fi
}
kuzu_check "$out/csv" "$tmp/top.tsv" 10 "the documents"

# ------------------------------------------------------------ 5: Cypher
run_py cypher "$out/g.cypher" "$out/g.graphml"

# ------------------------------------------------------------ 6: top, seed
if "$bin" top "$seed" -n 2 --format tsv > "$tmp/seed.tsv" 2> "$tmp/err"; then
  got=$(awk -F'\t' 'NR > 1 { printf "%s%s=%s", (NR > 2 ? " " : ""), $1, $2 }' "$tmp/seed.tsv")
  if [ "$got" = "1=UNTOC/TIP 2=UNTOC" ]; then ok "top $seed -n 2: UNTOC/TIP, then UNTOC"
  else fail "top $seed -n 2: want '1=UNTOC/TIP 2=UNTOC', got '$got'"; fi
else
  fail "citegraph top $seed exited with status $?"; sed 's/^/       /' "$tmp/err"
fi

# ------------------------------------------------------------ 7: writes
det=$tmp/det
mkdir "$det"
for f in a b; do
  "$bin" graph "$@" -o "$det/$f.graphml" 2> /dev/null || fail "graph -o $f.graphml exited with status $?"
done
if cmp -s "$det/a.graphml" "$det/b.graphml" && cmp -s "$det/a.graphml" "$out/g.graphml"; then
  ok "GraphML export is byte-identical from run to run"
else
  fail "two GraphML exports of the same documents differ:"
  diff "$det/a.graphml" "$det/b.graphml" | head -n 10 | sed 's/^/       /' || :
fi
# Atomic replacement: a hard link to the old file keeps the old contents.
echo old > "$det/c.graphml"
ln "$det/c.graphml" "$det/old.graphml"
if "$bin" graph "$@" -o "$det/c.graphml" 2> "$tmp/err" &&
   [ "$(cat "$det/old.graphml")" = old ] && cmp -s "$det/c.graphml" "$det/a.graphml"; then
  ok "an existing output is replaced by a rename, not rewritten in place"
else
  fail "replacing an existing output: not renamed over it (the old inode was rewritten, or the new file is wrong)"
fi
# Failed writes exit non-zero and leave no file.
for f in graphml json dot cypher svg png; do
  if "$bin" graph "$seed" -o "$det/missing/g.$f" 2> "$tmp/err"; then
    fail "graph -o missing-directory/g.$f exited 0"
  elif [ -e "$det/missing" ]; then
    fail "graph -o missing-directory/g.$f created $(ls -d "$det/missing")"
  else
    ok "graph -o missing-directory/g.$f: exit non-zero ($(head -n 1 "$tmp/err"))"
  fi
done
if "$bin" graph "$seed" --format csv -o "$det/missing/csv" 2> /dev/null; then
  fail "graph --format csv -o missing-directory/csv exited 0"
elif [ -e "$det/missing" ]; then fail "graph --format csv -o missing-directory/csv left files"
else ok "graph --format csv -o missing-directory/csv: exit non-zero"; fi
# A destination that cannot be replaced (a directory): the temporary file
# written beside it must be removed.
for f in graphml svg; do
  mkdir "$det/dir.$f"
  if "$bin" graph "$seed" -o "$det/dir.$f" 2> /dev/null; then
    fail "graph -o DIRECTORY (as .$f) exited 0"
  elif left=$(find "$det" -path "$det/dir.$f*" ! -path "$det/dir.$f"); [ -n "$left" ]; then
    fail "graph -o DIRECTORY (as .$f) left files: $(echo "$left" | tr '\n' ' ')"
  else
    ok "graph -o DIRECTORY (as .$f): exit non-zero, no temporary file left"
  fi
done
# A write that fails midway: a file size limit of 8 kB (ulimit -f, with
# SIGXFSZ ignored, so that write() fails with EFBIG as on a full disk). The
# command must exit non-zero with a message, keep the old file, and leave no
# temporary file.
for f in graphml json dot cypher svg png pdf; do
  echo old > "$det/full.$f"
  st=0
  (trap '' XFSZ; ulimit -f 16; exec "$bin" graph "$@" -o "$det/full.$f") 2> "$tmp/err" || st=$?
  grep -v ': note: ' "$tmp/err" > "$tmp/err.msg" || :
  left=$(find "$det" -name "full.$f.tmp.*")
  if [ "$st" -eq 0 ]; then
    fail "graph -o g.$f with writes failing (EFBIG) exited 0"
  elif [ "$(cat "$det/full.$f")" != old ] || [ -n "$left" ] || [ ! -s "$tmp/err.msg" ]; then
    fail "graph -o g.$f with writes failing (EFBIG): exit $st;" \
      "old file $( [ "$(cat "$det/full.$f")" = old ] && echo kept || echo overwritten );" \
      "temporary files left: ${left:-none}; message: $(head -n 1 "$tmp/err.msg" | grep . || echo none)"
  else
    ok "graph -o g.$f with writes failing (EFBIG): exit $st, old file kept, no temporary file ($(head -n 1 "$tmp/err.msg"))"
  fi
  rm -f "$det/full.$f" "$det/full.$f".tmp.*
done
left=$(find "$out" "$det" -name '*.tmp.*' | head -n 5)
if [ -z "$left" ]; then ok "no *.tmp.* files left beside the outputs"
else fail "temporary files left behind: $left"; fi

# ------------------------------------------------------------ 8: adopted_by
# Records as `extract` writes them, made up to exercise each case of the
# adopted_by rule (refs/instruments: AGENDA2030 adopted by A/RES/70/1, UNTOC
# by A/RES/55/25, UNCAC by A/RES/58/4, both Covenants by A/RES/2200A(XXI)):
#   - A/RES/70/1 is in the corpus and cites the 2030 Agenda (and itself);
#   - A/RES/99/1 cites UNCAC only through its article 32, and A/RES/58/4;
#   - A/RES/99/2 cites both Covenants and 2200 A (XXI) once each, and
#     paragraph 3 of 70/1;
#   - A/RES/99/3 cites paragraph 84 of the Agenda, and 55/25 twice;
#   - A/RES/99/4 cites UNTOC, its article 32 and the Agenda.
ad=$tmp/adopt
mkdir "$ad"
doc() { # SYMBOL CITATIONS
  printf '{"record":"document","doc":"%s","file":"%s.txt","self":"%s","body":"GA","lang":"en","date":"2025-12-01","title":null,"citations":%s,"invalid_utf8":0}\n' "$1" "$1" "$1" "$2"
}
cit() { # DOC TARGET KIND PLACE PARAGRAPH
  printf '{"record":"citation","doc":"%s","start":0,"end":1,"text":"x","target":"%s","kind":"%s","body":"","number":"","date":null,"lang":"en","place":"%s","paragraph":%s,"footnote":0}\n' "$@"
}
{
  doc A/RES/70/1 2
  cit A/RES/70/1 AGENDA2030 treaty text 0
  cit A/RES/70/1 A/RES/70/1 resolution text 0
  doc A/RES/99/1 2
  cit A/RES/99/1 'UNCAC#art_32' provision text 0
  cit A/RES/99/1 A/RES/58/4 resolution preamble 0
  doc A/RES/99/2 4
  cit A/RES/99/2 ICCPR treaty preamble 0
  cit A/RES/99/2 ICESCR treaty preamble 0
  cit A/RES/99/2 'A/RES/2200A(XXI)' resolution footnote 0
  cit A/RES/99/2 'A/RES/70/1#para_3' provision operative 2
  doc A/RES/99/3 3
  cit A/RES/99/3 'AGENDA2030#para_84' provision preamble 0
  cit A/RES/99/3 A/RES/55/25 resolution operative 1
  cit A/RES/99/3 A/RES/55/25 resolution operative 2
  doc A/RES/99/4 3
  cit A/RES/99/4 UNTOC treaty preamble 0
  cit A/RES/99/4 'UNTOC#art_32' provision operative 1
  cit A/RES/99/4 AGENDA2030 treaty operative 3
} > "$ad/records.jsonl"
for f in graphml json cypher; do
  check "adopted_by records: graph -o a.$f" "$bin" graph "$ad/records.jsonl" -o "$ad/a.$f"
done
check "adopted_by records: graph --format csv -o csv/" "$bin" graph "$ad/records.jsonl" --format csv -o "$ad/csv/"
if [ -s "$ad/a.graphml" ] && [ -s "$ad/a.json" ] && [ -s "$ad/a.cypher" ] && [ -s "$ad/csv/nodes.csv" ]; then
  py_tag="adopted_by records: "
  run_py graph "$ad/a.graphml" "$ad/a.json" "$ad/csv" "$ad/records.jsonl" "$CITEGRAPH_REFS"
  run_py cypher "$ad/a.cypher" "$ad/a.graphml"
  py_tag=
  # Written by reading the records above: an instrument cited as itself is
  # linked to the resolution that adopted it; UNCAC, cited only through its
  # article 32, is not.
  awk -F, '$3 == "ADOPTED_BY" { print $1 " -> " $2 }' "$ad/csv/relationships.csv" > "$ad/adopted.got"
  printf '%s\n' '"AGENDA2030" -> "A/RES/70/1"' '"ICCPR" -> "A/RES/2200A(XXI)"' \
    '"ICESCR" -> "A/RES/2200A(XXI)"' '"UNTOC" -> "A/RES/55/25"' > "$ad/adopted.want"
  if cmp -s "$ad/adopted.got" "$ad/adopted.want"; then
    ok "adopted_by records: ADOPTED_BY from AGENDA2030, both Covenants and UNTOC to their resolutions, none from UNCAC (cited only through a provision)"
  else
    fail "adopted_by records: ADOPTED_BY relationships (got, want):"
    diff "$ad/adopted.got" "$ad/adopted.want" | sed 's/^/       /' || :
  fi
fi
if "$bin" top --kind all --format tsv "$ad/records.jsonl" > "$ad/top.tsv" 2> "$tmp/err"; then
  # Written by reading the records: each row's citing documents and mentions.
  # AGENDA2030: A/RES/70/1, 99/4, and 99/3 through paragraph 84 (99/2 cites
  # paragraph 3 of 70/1, which counts for 70/1 and not for the Agenda);
  # UNTOC: 99/4 (twice) and 99/3 (55/25 twice); each Covenant: 99/2, once
  # itself and once through 2200 A (XXI). No row for 70/1, 55/25 or
  # 2200 A (XXI); A/RES/58/4 has its own (UNCAC is not linked to it).
  awk -F'\t' 'NR > 1 { print $2 " " $6 " " $7 }' "$ad/top.tsv" | sort > "$ad/top.got"
  sort > "$ad/top.want" << 'ROWS'
AGENDA2030 3 3
UNTOC 2 4
ICCPR 1 2
ICESCR 1 2
AGENDA2030#para_84 1 1
A/RES/70/1#para_3 1 1
UNTOC#art_32 1 1
UNCAC 1 1
UNCAC#art_32 1 1
A/RES/58/4 1 1
ROWS
  if cmp -s "$ad/top.got" "$ad/top.want"; then
    ok "adopted_by records: top --kind all rows, citations and mentions as read from the records"
  else
    fail "adopted_by records: top --kind all (id citations mentions; got, want):"
    diff "$ad/top.got" "$ad/top.want" | sed 's/^/       /' || :
  fi
  [ -s "$ad/csv/nodes.csv" ] && kuzu_check "$ad/csv" "$ad/top.tsv" 20 "adopted_by records"
else
  fail "citegraph top on the adopted_by records exited with status $?"; sed 's/^/       /' "$tmp/err"
fi

# 9. Seeded as python-igraph is: on a random citation graph (12,000
# resolutions citing 5 earlier ones each, 60,000 edges: betweenness limited
# to paths of length 3), python-igraph after random.seed(CG_COMMUNITY_SEED)
# finds the exported Leiden and Louvain communities, and its betweenness is
# the exported one, bit for bit; another seed finds other communities (on
# this graph the random stream matters).
rg="$tmp/random-graph"
mkdir -p "$rg"
"$py" - "$rg/records.jsonl" << 'PY'
import json, random, sys
rng = random.Random(7)
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(12000):
        doc = "S/RES/%d(2100)" % (10000 + i)
        targets = sorted({"S/RES/%d(2100)" % (10000 + rng.randrange(i))
                          for _ in range(5)}) if i >= 5 else []
        f.write(json.dumps({"record": "document", "doc": doc, "self": doc, "body": "SC",
                            "lang": "en", "date": None, "title": None,
                            "citations": len(targets), "invalid_utf8": 0}) + "\n")
        for k, t in enumerate(targets):
            f.write(json.dumps({"record": "citation", "doc": doc, "start": k, "end": k + 1,
                                "text": "x", "target": t, "kind": "resolution", "body": "SC",
                                "number": "", "date": None, "lang": "en",
                                "place": "operative", "paragraph": 1, "footnote": 0}) + "\n")
PY
for method in leiden louvain; do
  if "$bin" graph -q --communities "$method" "$rg/records.jsonl" -o "$rg/$method.graphml" 2> "$tmp/err"; then
    py_tag="random graph: "
    run_py communities "$rg/$method.graphml" "$method"
  else
    fail "random graph: graph --communities $method exited with status $?"; sed 's/^/       /' "$tmp/err"
  fi
done

echo "graph: $pass passed, $failn failed${skipn:+, $skipn skipped}" | sed 's/, 0 skipped$//'
[ "$failn" -eq 0 ]
