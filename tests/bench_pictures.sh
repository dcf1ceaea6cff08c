#!/bin/sh
# Pictures of a whole corpus: the Security Council resolutions of
# ../shared/corpus/cr-unsc-gold (902 documents, about 2000 vertices and
# 4600 edges) when present, else examples/unsc-1990-1994, drawn with the
# force layout (sfdp) as SVG and PNG, and as the HTML report. Prints the
# seconds and the peak memory of each run.
set -eu
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${CITEGRAPH:-$top/citegraph}
export CITEGRAPH_REFS="${CITEGRAPH_REFS:-$top/refs}"
corpus=${BENCH_CORPUS:-$top/../shared/corpus/cr-unsc-gold}
[ -d "$corpus" ] || corpus=$top/examples/unsc-1990-1994
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
echo "corpus: $corpus"
for out in all.svg all.png all.html; do
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" graph -q --stats --layout force "$corpus" \
    -o "$tmp/$out" 2> "$tmp/stats"
  read -r secs kb < "$tmp/time"
  printf '%-9s %6.1f s, %4d MB peak, %s\n' "$out" "$secs" $((kb / 1024)) \
    "$(sed -n 's/^citegraph: \([0-9]* vertices, [0-9]* edges\).*/\1/p' "$tmp/stats")"
done
