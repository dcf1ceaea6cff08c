#!/bin/sh
# Documents as people have them: the same resolutions as PDF, Word, HTML
# and text give the same targets.
#   1. tests/formats/generated: each .docx and .html (made by pandoc from
#      the .md, see make-files.sh) gives the targets of the .md, with the
#      same place (footnote or not) and as many times.
#   2. tests/pdf: each official PDF gives its own symbol as self (from the
#      document, not the file name), and the targets of the text version
#      of the same resolution (A_RES_80_N.md, from ../shared/corpus/ga-res-80).
#      The sets of targets must be equal; the number of mentions may differ
#      only as tests/pdf/ALLOWED says and explains.
#   3. Footnotes of a PDF are footnotes, with their number and page.
#   4. PDF files of Arabic, Russian, Chinese, French and Spanish texts
#      (tests/formats/printed, made
#      by Chromium and LibreOffice, see make-printed.sh) give the targets of
#      their texts: no line lost with the right-to-left runs, ligatures
#      read, Chinese lines joined without a space.
#   5. Hand-written HTML pages (tests/formats/handwritten) against their
#      expectations, as the golden tests.
set -eu
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${CITEGRAPH:-$top/citegraph}
export CITEGRAPH_REFS="${CITEGRAPH_REFS:-$top/refs}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

# targets FILE: "target<TAB>place" per mention (place: footnote or body),
# sorted.
targets() {
  "$bin" extract --id-from-name off --format tsv "$1" |
    awk -F'\t' 'NR > 1 && $5 != "" { print $5 "\t" ($10 == "footnote" ? "footnote" : "body") }' |
    sort
}

for md in "$top"/tests/formats/generated/*.md; do
  base=${md%.md}
  targets "$md" > "$tmp/want"
  [ -s "$tmp/want" ] || { echo "FAIL $(basename "$md"): no targets"; fail=1; }
  for ext in docx html; do
    targets "$base.$ext" > "$tmp/got"
    if ! cmp -s "$tmp/want" "$tmp/got"; then
      echo "FAIL $(basename "$base.$ext"): targets differ from the text (< text, > $ext)"
      diff "$tmp/want" "$tmp/got" | head -n 10
      fail=1
    else
      echo "ok   $(basename "$base.$ext") ($(wc -l < "$tmp/got") mentions as in the text)"
    fi
  done
done

# ALLOWED lines: "A_RES_80_N TARGET DIFFERENCE reason", the difference
# being the PDF's mentions minus the text version's ("+1", "-1"): the
# catalogue may find more mentions of a target, never a different gap.
for pdf in "$top"/tests/pdf/*.pdf; do
  base=$(basename "$pdf" .pdf)
  want_self=$(echo "$base" | sed 's/^A_RES_80_/A\/RES\/80\//')
  got_self=$("$bin" extract --id-from-name off "$pdf" | head -n 1 |
    sed -n 's/.*"self":"\([^"]*\)".*"format":"pdf".*/\1/p')
  if [ "$got_self" != "$want_self" ]; then
    echo "FAIL $base.pdf: self '$got_self', want '$want_self'"
    fail=1
  fi
  targets "$pdf" | cut -f1 | uniq -c | awk '{ print $2, $1 }' > "$tmp/pdf"
  targets "$top/tests/pdf/$base.md" | cut -f1 | uniq -c | awk '{ print $2, $1 }' > "$tmp/txt"
  cut -d' ' -f1 "$tmp/pdf" > "$tmp/pdf.set"
  cut -d' ' -f1 "$tmp/txt" > "$tmp/txt.set"
  if ! cmp -s "$tmp/pdf.set" "$tmp/txt.set"; then
    echo "FAIL $base.pdf: targets differ from the text version (< text, > pdf)"
    diff "$tmp/txt.set" "$tmp/pdf.set" | head -n 10
    fail=1
    continue
  fi
  join "$tmp/txt" "$tmp/pdf" | awk '$2 != $3 { d = $3 - $2; print $1, (d > 0 ? "+" d : d) }' > "$tmp/counts"
  grep "^$base " "$top/tests/pdf/ALLOWED" | awk '{ print $2, $3 }' | sort > "$tmp/allowed" || true
  if ! cmp -s "$tmp/counts" "$tmp/allowed"; then
    echo "FAIL $base.pdf: mention counts differ from the text version beyond ALLOWED"
    echo "  target pdf-minus-text:"; sed 's/^/  /' "$tmp/counts"
    echo "  allowed:"; sed 's/^/  /' "$tmp/allowed"
    fail=1
  else
    echo "ok   $base.pdf (self $got_self, $(wc -l < "$tmp/pdf.set") targets as in the text)"
  fi
done

# Footnotes of a PDF: place, number and page of each.
"$bin" extract --format tsv "$top/tests/pdf/A_RES_80_10.pdf" > "$tmp/10.tsv"
"$bin" extract "$top/tests/pdf/A_RES_80_10.pdf" > "$tmp/10.jsonl"
for want in '"text":"resolution 2200 A (XXI)","target":"A/RES/2200A(XXI)".*"place":"footnote","paragraph":0,"footnote":1,"page":1}' \
            '"text":"Resolution 70/1","target":"A/RES/70/1".*"place":"footnote","paragraph":0,"footnote":11,"page":2}' \
            '"text":"resolutions 53/199".*"place":"preamble".*"page":2}' \
            '"record":"document".*"format":"pdf","encoding":null,"pages":3,"self_source":"heading"}'; do
  if ! grep -q "$want" "$tmp/10.jsonl"; then
    echo "FAIL A_RES_80_10.pdf: no record matching $want"
    fail=1
  fi
done
# Page furniture is not text: job number, barcode, running head, page number.
"$bin" text "$top/tests/pdf/A_RES_80_10.pdf" > "$tmp/10.txt"
for furniture in '25-19432' '\*2519432\*' '^2/3' 'A/RES/80/10 International Day'; do
  if grep -q "$furniture" "$tmp/10.txt"; then
    echo "FAIL A_RES_80_10.pdf: page furniture '$furniture' in the text"
    fail=1
  fi
done

# PDF files of other scripts: the distinct targets of the text.
for pdf in "$top"/tests/formats/printed/*.pdf; do
  base=${pdf%.pdf}
  name=$(basename "$pdf")
  targets "$base.txt" | cut -f1 | sort -u > "$tmp/want"
  targets "$pdf" | cut -f1 | sort -u > "$tmp/got"
  if [ ! -s "$tmp/want" ] || ! cmp -s "$tmp/want" "$tmp/got"; then
    echo "FAIL $name: targets differ from the text's (< text, > PDF)"
    diff "$tmp/want" "$tmp/got" || true
    fail=1
  else
    echo "ok   $name ($(wc -l < "$tmp/want") targets as in the text)"
  fi
done

"$top/tests/golden.sh" "$top/tests/formats/handwritten" || fail=1

[ "$fail" -eq 0 ] && echo "formats: all passed" || { echo "formats: FAILED"; exit 1; }
