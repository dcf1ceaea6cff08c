#!/bin/sh
# Extraction throughput: the shared corpus (or tests/ and examples/ when it
# is absent) repeated to at least BENCH_MB megabytes (default 200), as
# separate files, extracted on one core and on all cores; beside it ripgrep
# counting a comparable pattern (the citation words followed by a number) on
# the same files, in the same run. Then peak memory at 50 MB and at the full
# size, and the speed on Arabic and Chinese text beside English text of the
# same size. Prints MB/s and ratios.
set -eu
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${CITEGRAPH:-$top/citegraph}
export CITEGRAPH_REFS="${CITEGRAPH_REFS:-$top/refs}"
target_mb=${BENCH_MB:-200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

src="$top/../shared/corpus"
if [ -d "$src" ]; then
  set -- "$src"/cr-unsc-gold/*.txt "$src"/ga-res-80/*.md "$src"/unpc-devset/docs/*.en.txt \
         "$src"/unpc-devset/docs/*.es.txt "$src"/unpc-devset/docs/*.fr.txt
else
  set -- "$top"/tests/golden/*.txt "$top"/tests/golden/*.md "$top"/examples/*
fi
# One file per document, repeated until the total reaches the target.
mkdir "$tmp/corpus"
total=0; round=0
while [ "$total" -lt $((target_mb * 1000000)) ]; do
  round=$((round + 1))
  mkdir "$tmp/corpus/$round"
  cp "$@" "$tmp/corpus/$round/"
  total=$(du -sb "$tmp/corpus" | cut -f1)
done
find "$tmp/corpus" -type f | sort > "$tmp/files"
nfiles=$(wc -l < "$tmp/files")
mb=$(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "corpus: $nfiles files, $mb MB ($round copies)"
xargs cat < "$tmp/files" > /dev/null   # warm the page cache

now() { date +%s.%N; }
best() { # best of 3 wall-clock runs of "$@", in seconds
  b=""
  for k in 1 2 3; do
    t0=$(now); "$@" > /dev/null; t1=$(now)
    t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
    if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN { exit !(t < b) }'; then b=$t; fi
  done
  echo "$b"
}
jobs=${JOBS:-1}
target_dir="$tmp/corpus"
run_extract() { "$bin" extract -q -j "$jobs" --format tsv "$target_dir"; }
run_rg() {
  rg -c -j1 -e '(?i)(resolution|résolution|resolución|article|artículo|paragraph|párrafo|paragraphe)s? [0-9]' "$target_dir" || true
}
rate() { awk -v m="$mb" -v t="$1" 'BEGIN { printf "%.0f", m / t }'; }
report() { # label, citegraph time, rg time
  echo "$1"
  echo "  citegraph extract (1 core): $2 s, $(rate "$2") MB/s"
  if [ -n "$3" ]; then
    echo "  rg -c -j1, citation-word pattern: $3 s, $(rate "$3") MB/s"
    echo "  citegraph time / rg time: $(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f", a / b }')"
  fi
}
have_rg=""
command -v rg > /dev/null && have_rg=1 || echo "rg not installed (make deps installs ripgrep): no baseline"

t_ex=$(best run_extract)
t_rg=""; [ -n "$have_rg" ] && t_rg=$(best run_rg)
report "many small files (one per document, as in a real corpus):" "$t_ex" "$t_rg"
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
jobs=$cores
t_all=$(best run_extract)
echo "  citegraph extract ($cores cores): $t_all s, $(rate "$t_all") MB/s, $(awk -v a="$t_ex" -v b="$t_all" 'BEGIN { printf "%.2f", a / b }')x the one-core rate"
jobs=1

# The same bytes as one file per copy: the scanner's own speed, without the
# cost of opening tens of thousands of files.
mkdir "$tmp/big"
for d in "$tmp"/corpus/*; do
  find "$d" -type f | sort | xargs cat > "$tmp/big/$(basename "$d").txt"
done
target_dir="$tmp/big"
t_ex=$(best run_extract)
t_rg=""; [ -n "$have_rg" ] && t_rg=$(best run_rg)
report "large files ($round files of $(awk -v m="$mb" -v r="$round" 'BEGIN { printf "%.1f", m / r }') MB):" "$t_ex" "$t_rg"

# Peak memory of one run over a folder: about 50 MB of it, then all of it.
mkdir "$tmp/part"
acc=0
for d in "$tmp"/corpus/*; do
  [ "$acc" -ge 50000000 ] && break
  ln -s "$d" "$tmp/part/$(basename "$d")"
  acc=$((acc + $(du -sbL "$d" | cut -f1)))
done
rss() { /usr/bin/time -f %M "$bin" extract -q -j 1 --format tsv "$1" 2>&1 > /dev/null | tail -n 1; }
r50=$(rss "$tmp/part")
rall=$(rss "$tmp/corpus")
echo "peak memory (RSS, one run over the folder, 1 core): $r50 KB for $(awk -v a="$acc" 'BEGIN { printf "%.0f", a / 1e6 }') MB, $rall KB for $mb MB: ratio $(awk -v a="$r50" -v b="$rall" 'BEGIN { printf "%.2f", b / a }')"

# Arabic and Chinese beside English: the aligned sentences of the UN
# Parallel Corpus, each language repeated to the same size.
aligned="$top/../shared/corpus/unpc-devset/aligned"
if [ -d "$aligned" ]; then
  for l in en ar zh; do
    : > "$tmp/lang.$l"
    while [ "$(wc -c < "$tmp/lang.$l")" -lt 20000000 ]; do cat "$aligned/UNv1.0.devset.$l" >> "$tmp/lang.$l"; done
    head -c 20000000 "$tmp/lang.$l" | sed '$d' > "$tmp/lang20.$l"   # whole lines
  done
  for l in en ar zh; do
    mkdir "$tmp/lang-$l"
    mv "$tmp/lang20.$l" "$tmp/lang-$l/"
    target_dir="$tmp/lang-$l"
    eval "t_$l=\$(best run_extract)"
  done
  echo "20 MB of aligned text (1 core): en $t_en s, ar $t_ar s ($(awk -v a="$t_ar" -v b="$t_en" 'BEGIN { printf "%.2f", a / b }')x en), zh $t_zh s ($(awk -v a="$t_zh" -v b="$t_en" 'BEGIN { printf "%.2f", a / b }')x en)"
fi
