#!/bin/sh
# Output of two builds side by side: `extract` (JSON Lines and TSV, one core
# and two, a folder and standard input), `top` (table and JSON) and `graph`
# (GraphML) over the shared corpus folders and tests/, byte for byte.
#
#   tests/compare.sh BASE_BINARY BASE_REFS [NEW_BINARY [NEW_REFS]]
#
# The `community` attribute of the graph is compared on its own (community
# detection is the one intended difference between Louvain and Leiden
# builds); every other byte must be the same. Exit status 1 on any
# difference. COMPARE_BIG=1 adds the six per-language files of the
# benchmark (unpc-devset documents concatenated to COMPARE_MB megabytes).
set -eu
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { echo "usage: $0 BASE_BINARY BASE_REFS [NEW_BINARY [NEW_REFS]]" >&2; exit 2; }
base=$1
base_refs=$2
new=${3:-$top/citegraph}
new_refs=${4:-$top/refs}
corpus=${CORPUS:-$top/../shared/corpus}
for d in cr-unsc-gold ga-res-80 unpc-devset; do
  [ -d "$corpus/$d" ] || { echo "$0: corpus folder $corpus/$d is missing" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

fail=0
same() { # label, file a, file b
  if cmp -s "$2" "$3"; then
    echo "same      $1 ($(wc -c < "$2") bytes)"
  else
    echo "DIFFERENT $1"
    diff "$2" "$3" | head -n 8 | sed 's/^/    /'
    fail=1
  fi
}
stdin=/dev/null
run() { # side (base|new), output file, command...
  side=$1; out=$2; shift 2
  if [ "$side" = base ]; then b=$base; r=$base_refs; else b=$new; r=$new_refs; fi
  CITEGRAPH_REFS=$r "$b" "$@" < "$stdin" > "$out" 2> "$out.err" || echo "exit $?" >> "$out.err"
}
both() { # label, command args... (the output goes to stdout)
  label=$1; shift
  run base "$tmp/a" "$@"
  run new "$tmp/b" "$@"
  same "$label" "$tmp/a" "$tmp/b"
  same "$label (stderr)" "$tmp/a.err" "$tmp/b.err"
}
graph_both() { # label, inputs...
  label=$1; shift
  run base "$tmp/ga.log" graph -q "$@" -o "$tmp/ga.graphml"
  run new "$tmp/gb.log" graph -q "$@" -o "$tmp/gb.graphml"
  # Everything but the community numbers, then the community numbers.
  for s in a b; do
    grep -v '<data key="community">' "$tmp/g$s.graphml" > "$tmp/g$s.rest" || :
    grep '<data key="community">' "$tmp/g$s.graphml" > "$tmp/g$s.comm" || :
  done
  same "$label graph (all but community)" "$tmp/ga.rest" "$tmp/gb.rest"
  if cmp -s "$tmp/ga.comm" "$tmp/gb.comm"; then
    echo "same      $label graph community"
  else
    echo "changed   $label graph community (intended: Leiden)"
  fi
}

sets="cr-unsc-gold ga-res-80 unpc-devset tests"

if [ "${COMPARE_BIG:-0}" = 1 ]; then
  mb=${COMPARE_MB:-30}
  mkdir "$tmp/big"
  for l in en fr es ru ar zh; do
    : > "$tmp/big/all.$l.txt"
    while [ "$(wc -c < "$tmp/big/all.$l.txt")" -lt $((mb * 1000000)) ]; do
      cat "$corpus"/unpc-devset/docs/*."$l".txt >> "$tmp/big/all.$l.txt"
    done
  done
  sets="$sets big"
fi
path_of() {
  case $1 in tests) echo "$top/tests";; big) echo "$tmp/big";; *) echo "$corpus/$1";; esac
}

# Options both builds know.
unres=""
if CITEGRAPH_REFS=$base_refs "$base" extract --help | grep -q -- --unresolved; then unres=1; fi
for s in $sets; do
  p=$(path_of "$s")
  both "$s extract jsonl -j1" extract -q -j 1 "$p"
  both "$s extract jsonl -j2" extract -q -j 2 "$p"
  both "$s extract tsv" extract -q -j 2 --format tsv "$p"
  if [ -n "$unres" ]; then
    both "$s extract --unresolved" extract -q -j 2 --unresolved "$p"
  fi
  both "$s top" top -q -j 2 -n 40 --kind all "$p"
  both "$s top json pagerank" top -q -j 2 -n 40 --by pagerank --format json "$p"
  graph_both "$s" -j 2 "$p"
done
# Louvain on request: the whole GraphML, community included, is the
# Louvain build's (a base without --communities runs Louvain).
if CITEGRAPH_REFS=$base_refs "$base" graph --help | grep -q -- --communities; then
  lv="--communities louvain"
else
  lv=""
fi
run base "$tmp/la.log" graph -q $lv -j 2 "$corpus/cr-unsc-gold" -o "$tmp/la.graphml"
run new "$tmp/lb.log" graph -q --communities louvain -j 2 "$corpus/cr-unsc-gold" -o "$tmp/lb.graphml"
same "cr-unsc-gold graph --communities louvain" "$tmp/la.graphml" "$tmp/lb.graphml"
# Standard input, a forced language, and records read back.
for f in "$corpus"/unpc-devset/docs/A_70_*.ru.txt; do cat "$f"; done > "$tmp/in.ru"
stdin=$tmp/in.ru
both "stdin ru" extract -q -
both "stdin forced fr" extract -q --lang fr -
stdin=/dev/null
run new "$tmp/recs.jsonl" extract -q -j 2 "$corpus/cr-unsc-gold"
both "top of records" top -q -n 40 "$tmp/recs.jsonl"
graph_both "records" "$tmp/recs.jsonl"

if [ "$fail" = 0 ]; then echo "compare: all outputs the same"; else echo "compare: DIFFERENCES"; fi
exit "$fail"
