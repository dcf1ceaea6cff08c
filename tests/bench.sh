#!/bin/sh
# Extraction throughput beside ripgrep, on one core, from the shared corpus
# (BENCH_CORPUS, default ../shared/corpus beside the checkout; a missing
# folder is an error, never replaced by another corpus):
#
#   - large files: per language (en fr es ru ar zh) one file of the UN
#     Parallel Corpus documents unpc-devset/docs/*.<lang>.txt concatenated
#     until BENCH_LANG_MB megabytes (default 30);
#   - small files: the bench corpus, BENCH_COPIES (default 12) copies of
#     cr-unsc-gold/*.txt, ga-res-80/*.md and unpc-devset/docs/*.txt, one
#     file per document (12 copies: 64,200 files, 96.7 MB);
#   - peak memory (RSS) of one run over one large file, and over one copy
#     and all copies of the bench corpus.
#
# citegraph writes JSON Lines (its default) to /dev/null; ripgrep counts
# the lines that hold a citation word of the language (resolution and
# article, followed by a number), case-insensitively. The two tools run
# alternately BENCH_RUNS times (default 5) and the medians of wall-clock
# and CPU (user + system) time are printed, with MB/s and the ratio.
set -eu
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${CITEGRAPH:-$top/citegraph}
export CITEGRAPH_REFS="${CITEGRAPH_REFS:-$top/refs}"
src=${BENCH_CORPUS:-$top/../shared/corpus}
runs=${BENCH_RUNS:-5}
lang_mb=${BENCH_LANG_MB:-30}
copies=${BENCH_COPIES:-12}
for d in cr-unsc-gold ga-res-80 unpc-devset/docs; do
  if [ ! -d "$src/$d" ]; then
    echo "bench: corpus folder $src/$d is missing (set BENCH_CORPUS to the folder holding cr-unsc-gold, ga-res-80 and unpc-devset)" >&2
    exit 2
  fi
done
command -v rg > /dev/null || { echo "bench: ripgrep is missing (make deps installs it)" >&2; exit 2; }
src=$(cd "$src" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# The citation words of each language for ripgrep (resolution, article).
pattern() {
  case $1 in
  en) echo '(?i)(resolutions?|articles?) [0-9]' ;;
  fr) echo '(?i)(résolutions?|articles?) [0-9]' ;;
  es) echo '(?i)(resoluci(ón|ones)|artículos?) [0-9]' ;;
  ru) echo '(?i)(резолюци[а-я]*|стать[а-я]*) [0-9]' ;;
  ar) echo '(القرار|قرار|القرارات|المادة|مادة|المواد) ?[0-9٠-٩]' ;;
  zh) echo '第[0-9０-９一二三四五六七八九十百千]+[条号]|决议' ;;
  all) echo "$(pattern en)|$(pattern fr)|$(pattern es)|$(pattern ru)|$(pattern ar)|$(pattern zh)" ;;
  esac
}

# ------------------------------------------------------------ inputs
echo "corpus: $src"
mkdir "$tmp/lang"
for l in en fr es ru ar zh; do
  f="$tmp/lang/$l.txt"
  : > "$f"
  while [ "$(wc -c < "$f")" -lt $((lang_mb * 1000000)) ]; do
    cat "$src"/unpc-devset/docs/*."$l".txt >> "$f"
  done
done
mkdir "$tmp/small"
k=0
while [ "$k" -lt "$copies" ]; do
  k=$((k + 1))
  mkdir "$tmp/small/$k"
  cp "$src"/cr-unsc-gold/*.txt "$src"/ga-res-80/*.md "$src"/unpc-devset/docs/*.txt "$tmp/small/$k/"
done
nsmall=$(find "$tmp/small" -type f | wc -l)
bsmall=$(find "$tmp/small" -type f -exec cat {} + | wc -c)
echo "large files: unpc-devset/docs/*.<lang>.txt concatenated to $lang_mb MB per language"
echo "small files: $copies copies of cr-unsc-gold/*.txt, ga-res-80/*.md, unpc-devset/docs/*.txt:" \
     "$nsmall files, $(awk -v b="$bsmall" 'BEGIN { printf "%.1f", b / 1e6 }') MB"
echo "$runs runs each, the two tools alternated; medians; CPU = user + system"
find "$tmp" -type f -exec cat {} + > /dev/null # the page cache, warm

# ------------------------------------------------------------ timing
# One timed run: appends "wall cpu" (seconds, from the child's resource
# usage, to the microsecond) to file $1, then runs the rest with its output
# thrown away. ripgrep's exit status 1 (no match) is not an error.
timed() {
  out=$1
  shift
  /usr/bin/python3 -c '
import os, sys, time
t = time.perf_counter()
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 1)
    os.dup2(fd, 2) # the bench corpus holds each document 12 times: one warning each
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t
code = os.waitstatus_to_exitcode(status)
if code not in (0, 1) or (code == 1 and sys.argv[1] != "rg"):
    sys.exit("bench: %s failed (%d)" % (sys.argv[1], code))
print("%.4f %.4f" % (wall, ru.ru_utime + ru.ru_stime))' "$@" >> "$out"
}
median() { # column $2 of file $1
  sort -n -k "$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
    printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# label, bytes, target MB/s (0: none), target ratio, path, rg pattern
compare() {
  label=$1 bytes=$2 want_rate=$3 want_ratio=$4 path=$5 pat=$6
  : > "$tmp/c"
  : > "$tmp/r"
  r=0
  while [ "$r" -lt "$runs" ]; do
    r=$((r + 1))
    timed "$tmp/c" "$bin" extract -q -j 1 "$path"
    timed "$tmp/r" rg -c -j1 -e "$pat" "$path"
  done
  cw=$(median "$tmp/c" 1); cc=$(median "$tmp/c" 2)
  rw=$(median "$tmp/r" 1); rc=$(median "$tmp/r" 2)
  awk -v l="$label" -v b="$bytes" -v cw="$cw" -v cc="$cc" -v rw="$rw" -v rc="$rc" \
      -v wr="$want_rate" -v wq="$want_ratio" 'BEGIN {
    mb = b / 1e6
    printf "%s (%.1f MB)\n", l, mb
    printf "  citegraph extract -j1: wall %6.3f s %6.1f MB/s   CPU %6.3f s %6.1f MB/s\n", cw, mb / cw, cc, mb / cc
    printf "  rg -c -j1:             wall %6.3f s %6.1f MB/s   CPU %6.3f s %6.1f MB/s\n", rw, mb / rw, rc, mb / rc
    printf "  citegraph / rg:        wall %.2fx, CPU %.2fx", cw / rw, cc / rc
    if (wr > 0) printf "   target >= %d MB/s: %s", wr, (mb / cw >= wr ? "met" : "NOT met")
    printf "   target <= %.1fx: %s\n", wq, (cw / rw <= wq ? "met" : "NOT met")
  }'
}

for l in en fr es ru ar zh; do
  f="$tmp/lang/$l.txt"
  compare "large file, $l" "$(wc -c < "$f")" 150 1.5 "$f" "$(pattern "$l")"
done
compare "small files, six languages" "$bsmall" 0 2 "$tmp/small" "$(pattern all)"
cores=$(getconf _NPROCESSORS_ONLN 2> /dev/null || echo 1)
: > "$tmp/c"
r=0
while [ "$r" -lt "$runs" ]; do r=$((r + 1)); timed "$tmp/c" "$bin" extract -q -j "$cores" "$tmp/small"; done
awk -v b="$bsmall" -v w="$(median "$tmp/c" 1)" -v n="$cores" 'BEGIN {
  printf "  citegraph extract -j%d: wall %.3f s, %.1f MB/s\n", n, w, b / 1e6 / w }'

# ------------------------------------------------------------ memory
rss() { /usr/bin/time -o "$tmp/m" -f %M "$bin" extract -q -j 1 "$@" > /dev/null 2>&1; cat "$tmp/m"; }
for l in en zh; do
  f="$tmp/lang/$l.txt"
  b=$(wc -c < "$f")
  m=$(rss "$f")
  awk -v l="$l" -v b="$b" -v m="$m" 'BEGIN {
    printf "peak memory, one %s file of %.1f MB: %.1f MB, %.2fx its size (target <= 1.2x: %s)\n",
      l, b / 1e6, m * 1024 / 1e6, m * 1024 / b, (m * 1024 <= 1.2 * b ? "met" : "NOT met") }'
done
m1=$(rss "$tmp/small/1")
mall=$(rss "$tmp/small")
awk -v a="$m1" -v b="$mall" -v c="$copies" 'BEGIN {
  printf "peak memory over the bench corpus: one copy %.1f MB, %d copies %.1f MB (ratio %.2f)\n",
    a * 1024 / 1e6, c, b * 1024 / 1e6, b / a }'
