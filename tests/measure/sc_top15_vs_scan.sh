#!/bin/sh
# For the 15 Security Council resolutions that `citegraph top --body SC`
# ranks highest over a corpus, compare the documents citing each with those
# a plain scan finds: a file whose text holds "N (YEAR)" or "N(YEAR)" and is
# not resolution N itself. Prints both counts and the ratio per resolution.
# Usage: tests/measure/sc_top15_vs_scan.sh DIR (default: shared/corpus/cr-unsc-gold)
set -eu
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-$top/../shared/corpus/cr-unsc-gold}
[ -d "$dir" ] || { echo "no corpus at $dir" >&2; exit 2; }
bin=${CITEGRAPH:-$top/citegraph}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$bin" top -q "$dir" --body SC -n 15 --format tsv | tail -n +2 | cut -f2,6 > "$tmp/top"
total_c=0; total_s=0
printf '%-18s %8s %8s %7s\n' resolution citegraph scan ratio
while IFS="$(printf '\t')" read -r id cites; do
  num=$(echo "$id" | sed 's#S/RES/\([0-9]*\)(\([0-9]*\))#\1#')
  year=$(echo "$id" | sed 's#S/RES/\([0-9]*\)(\([0-9]*\))#\2#')
  scan=$(grep -lE "(^|[^0-9])$num ?\($year\)" "$dir"/* | grep -v "/S_RES_${num}_${year}\." | wc -l)
  total_c=$((total_c + cites)); total_s=$((total_s + scan))
  awk -v id="$id" -v c="$cites" -v s="$scan" 'BEGIN { printf "%-18s %8d %8d %6.1f%%\n", id, c, s, s ? 100 * c / s : 100 }'
done < "$tmp/top"
awk -v c="$total_c" -v s="$total_s" 'BEGIN { printf "%-18s %8d %8d %6.1f%%\n", "all", c, s, 100 * c / s }'
