#!/bin/sh
# The pictures and the report, checked as a reader looks at them:
#
#   1. the seed's picture, the example Security Council corpus's 40 most
#      cited (each layout) and the whole example corpus with the force
#      layout: within 3:1, no label overlapping another, every cited vertex
#      with an edge or a count of its citing documents not drawn, a legend,
#      a title naming what was drawn (tests/picture_check.py);
#   2. the checker itself finds an overlap and an isolated vertex;
#   3. too many vertices for the layered layout: exit 1 with advice;
#      Graphviz never prints on standard error;
#   4. choosing documents by body and years keeps their own citations;
#   5. PNG and PDF pictures and the HTML report are whole files.
#
#   tests/pictures.sh                 # ./citegraph from the repository top
#   CITEGRAPH=./citegraph-asan tests/pictures.sh
set -eu
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.."
bin=${CITEGRAPH:-./citegraph}
CITEGRAPH_REFS=refs
export CITEGRAPH_REFS
py=${PYTHON:-/usr/bin/python3}
seed=examples/ctoc-cop-res-10-3.es.md
sc=examples/unsc-1990-1994
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pass=0; failn=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
fail() { failn=$((failn + 1)); echo "FAIL $*"; }
# picture NAME TITLE ARGS...: draws ARGS into NAME.svg and checks it.
# LeakSanitizer's own tracer can crash on a loaded machine after Graphviz has
# run ("Tracer caught signal 11", "LeakSanitizer has encountered a fatal
# error"): the sanitizer's failure, not the program's; such a run is made
# once more, and any other failure counts.
draw() {
  "$bin" graph -q "$@" 2> "$tmp/draw.err" && { cat "$tmp/draw.err" >&2; return 0; }
  st=$?
  if grep -q 'LeakSanitizer has encountered a fatal error' "$tmp/draw.err"; then
    "$bin" graph -q "$@"
    return
  fi
  cat "$tmp/draw.err" >&2
  return $st
}
picture() {
  name=$1; title=$2; shift 2
  if draw "$@" -o "$tmp/$name.svg" 2> "$tmp/$name.err"; then
    # Only the program speaks on standard error, never Graphviz.
    if grep -v '^citegraph: ' "$tmp/$name.err" > /dev/null || grep -q '(null)' "$tmp/$name.err"; then
      fail "$name: Graphviz on standard error: $(grep -v '^citegraph: ' "$tmp/$name.err" | head -n 2)"
    fi
    st=0
    "$py" tests/picture_check.py "$tmp/$name.svg" --title "$title" > "$tmp/$name.check" 2>&1 || st=$?
    p=$(grep -c '^ok ' "$tmp/$name.check" || :)
    f=$(grep -c '^FAIL ' "$tmp/$name.check" || :)
    sed "s|$tmp/||" "$tmp/$name.check"
    pass=$((pass + p)); failn=$((failn + f))
    [ "$st" -eq 0 ] || [ "$f" -gt 0 ] || fail "$name: picture_check.py exited with status $st"
  else
    fail "$name: citegraph graph $* exited with status $?: $(head -n 2 "$tmp/$name.err")"
  fi
}

# ------------------------------------------------------------ 1
picture seed "CTOC-COP 10/3: what it cites" "$seed"
picture sc40 "Security Council resolutions 1990–1994: 40 most cited" "$sc" --top 40
picture sc40-force "Security Council resolutions 1990–1994: 40 most cited" "$sc" --top 40 --layout force
picture sc40-time "Security Council resolutions 1990–1994: 40 most cited" "$sc" --top 40 --layout time
picture sc40-layered "Security Council resolutions 1990–1994: 40 most cited" "$sc" --top 40 --layout layered --color community
picture sc-all "Security Council resolutions 1990–1994: what they cite" "$sc" --layout force
picture sc-default "Security Council resolutions 1990–1994: the 50 most cited and the documents citing most of them" "$sc"
if grep -q 'layout: layered' "$tmp/seed.svg" && grep -q 'layout: force' "$tmp/sc40.svg"; then
  ok "default layout: layered for the seed (one citing document), force for the corpus"
else fail "default layout: want layered for the seed and force for the corpus's top 40"; fi
if grep -q '>SC 687 (1991)<' "$tmp/sc40.svg" && grep -q '>Charter of the United Nations, Chapter VII<\|>Charter of the United<' "$tmp/sc40.svg"; then
  ok "labels are names: SC 687 (1991), Charter of the United Nations, Chapter VII"
else fail "labels: 'SC 687 (1991)' or the Charter's chapter not drawn in the top 40"; fi
if grep -q '>community [0-9]' "$tmp/sc40-layered.svg"; then ok "--color community: the legend names communities"
else fail "--color community: no 'community N' in the legend"; fi

# The legend's three size samples differ in size (they once came out equal,
# the cells of a row taking one height when not of fixed size).
"$bin" graph -q "$sc" --top 40 -o "$tmp/sc40.dot"
n=$(grep -o 'STYLE="rounded" WIDTH="[0-9]*" HEIGHT="[0-9]*" FIXEDSIZE="TRUE"><FONT' "$tmp/sc40.dot" | sort -u | wc -l)
if [ "$n" -eq 3 ]; then ok "legend: three size samples of three sizes"
else fail "legend: want three size samples of distinct fixed sizes, got $n"; fi

# ------------------------------------------------------------ 2
cat > "$tmp/bad.svg" <<'SVG'
<svg width="400pt" height="100pt" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<g class="node"><title>a</title><a xlink:title="A: cited by 3 documents, 3 mentions"><text x="100" y="50" font-size="14" text-anchor="middle">SC 687 (1991)</text></a></g>
<g class="node"><title>b</title><text x="130" y="55" font-size="14" text-anchor="middle">SC 688 (1991)</text></g>
<g class="node"><title>legend:</title><text x="300" y="50" font-size="14">Legend</text></g>
</svg>
SVG
"$py" tests/picture_check.py "$tmp/bad.svg" > "$tmp/bad.out" 2>&1 || :
if grep -q '^FAIL .*no label overlaps' "$tmp/bad.out" && grep -q '^FAIL .*has an edge or a count' "$tmp/bad.out"; then
  ok "picture_check.py finds overlapping labels and a cited vertex drawn alone"
else fail "picture_check.py missed an overlap or an isolated vertex:"; sed 's/^/       /' "$tmp/bad.out"; fi

# ------------------------------------------------------------ 3
st=0
"$bin" graph -q "$sc" --layout layered -o "$tmp/big.svg" 2> "$tmp/big.err" || st=$?
if [ "$st" -eq 1 ] && grep -q 'too many for the layered layout.*use --top N or --layout force' "$tmp/big.err" && [ ! -e "$tmp/big.svg" ]; then
  ok "645 vertices, --layout layered: exit 1, advice ($(head -n 1 "$tmp/big.err" | cut -c1-90)...), no file"
else fail "--layout layered on 645 vertices: exit $st, message '$(head -n 1 "$tmp/big.err")'"; fi
if grep -h '(null)\|Warning\|Error' "$tmp"/*.err > /dev/null 2>&1; then
  fail "Graphviz printed: $(grep -h '(null)\|Warning\|Error' "$tmp"/*.err | head -n 2)"
else ok "no Graphviz message ('(null):', 'Warning', 'Error') on standard error"; fi

# ------------------------------------------------------------ 4
"$bin" graph -q "$sc" --body SC --years 1991-1991 -o "$tmp/y1991.json"
"$py" - "$tmp/y1991.json" > "$tmp/y1991.out" 2>&1 <<'PY' && ok "--body SC --years 1991-1991: $(cat "$tmp/y1991.out")" || { fail "--body SC --years 1991-1991:"; sed 's/^/       /' "$tmp/y1991.out"; }
import json, sys
d = json.load(open(sys.argv[1]))
ids = {n["id"] for n in d["nodes"]}
docs = {n["id"] for n in d["nodes"] if n["in_corpus"] and n["year"] == 1991}
cited = {l["target"] for l in d["links"] if l["source"] in docs}
other = {n["id"] for n in d["nodes"] if n["in_corpus"] and n["year"] == 1993}
assert "S/RES/687(1991)" in docs, "S/RES/687(1991) missing"
assert "S/RES/660(1990)" in ids, "S/RES/660(1990), cited by 1991 resolutions, was dropped"
assert cited <= ids, "citations of 1991 documents dropped: %s" % sorted(cited - ids)[:3]
assert not (other & ids), "1993 documents kept: %s" % sorted(other & ids)[:3]
print("%d documents of 1991 and all %d vertices they cite kept, no 1993 document" % (len(docs), len(cited)))
PY

# ------------------------------------------------------------ 5
for f in png pdf html; do
  if "$bin" graph -q "$sc" --top 30 -o "$tmp/p.$f" 2> "$tmp/p.err"; then
    case $f in
      png) [ "$(head -c 8 "$tmp/p.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && ok "p.png is a PNG" || fail "p.png is not a PNG" ;;
      pdf) [ "$(head -c 5 "$tmp/p.pdf")" = "%PDF-" ] && tail -c 8 "$tmp/p.pdf" | grep -q '%%EOF' && ok "p.pdf is a whole PDF" || fail "p.pdf is not a whole PDF" ;;
      html) if tail -c 20 "$tmp/p.html" | grep -q '</html>' && grep -q '<svg' "$tmp/p.html" &&
               ! grep -q 'src="http\|href="http[^"]*\.css\|<script src=' "$tmp/p.html"; then
              ok "p.html is whole, holds the SVG, loads nothing from the network"
            else fail "p.html: not whole, no SVG, or a network resource"; fi ;;
    esac
  else fail "graph --top 30 -o p.$f exited with status $?"; fi
done

echo "pictures: $pass passed, $failn failed"
[ "$failn" -eq 0 ]
