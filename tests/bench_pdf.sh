#!/bin/sh
# PDF throughput: citegraph extract over the official PDFs of
# ../shared/corpus/ga-res-pdf (or tests/pdf), on one core and on JOBS
# cores, beside pdftotext (poppler's own tool, text only, no citations) on
# the same files, one after the other, in the same run. Pages per second
# and MB/s.
set -eu
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${CITEGRAPH:-$top/citegraph}
export CITEGRAPH_REFS="${CITEGRAPH_REFS:-$top/refs}"
dir=$top/../shared/corpus/ga-res-pdf
[ -d "$dir" ] || dir=$top/tests/pdf
command -v pdftotext > /dev/null || { echo "pdftotext is needed (make deps: poppler-utils)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
ls "$dir"/*.pdf > "$tmp/files"
nfiles=$(wc -l < "$tmp/files")
bytes=$(xargs cat < "$tmp/files" | wc -c)
pages=$("$bin" extract -q -j 2 "$dir" | sed -n 's/.*"record":"document".*"pages":\([0-9]*\).*/\1/p' |
  awk '{ s += $1 } END { print s }')
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
say() { # label seconds
  awk -v l="$1" -v t="$2" -v p="$pages" -v b="$bytes" \
    'BEGIN { printf "  %-34s %6.2f s  %6.0f pages/s  %5.1f MB/s\n", l, t, p / t, b / 1e6 / t }'
}
echo "PDF: $nfiles files, $pages pages, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB ($dir)"
t0=$(now); "$bin" extract -q -j 1 "$dir" > /dev/null; t1=$(now)
say "citegraph extract (1 core)" "$(took "$t0" "$t1")"
t0=$(now); "$bin" extract -q -j "${JOBS:-2}" "$dir" > /dev/null; t1=$(now)
say "citegraph extract (${JOBS:-2} cores)" "$(took "$t0" "$t1")"
t0=$(now); while read -r f; do pdftotext -q "$f" - > /dev/null; done < "$tmp/files"; t1=$(now)
say "pdftotext (1 core, text only)" "$(took "$t0" "$t1")"
