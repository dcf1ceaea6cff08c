#!/bin/sh
# Regenerates tests/formats/generated/: for each sampled resolution, the
# text citegraph reads from its official PDF (tests/pdf/), written out as
# Markdown (its notes are "[^n]:" definitions), then turned into Word and
# HTML by pandoc, as a user converting a document would.
#   tests/formats/make-files.sh      (needs ./citegraph and pandoc)
set -eu
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/tests/formats/generated
command -v pandoc > /dev/null || { echo "pandoc is needed (make deps)"; exit 1; }
for n in 9 10 37; do
  base=A_RES_80_$n
  "$top/citegraph" text "$top/tests/pdf/$base.pdf" > "$out/$base.md"
  pandoc -f markdown -t docx -o "$out/$base.docx" "$out/$base.md"
  pandoc -f markdown -t html -o "$out/$base.html" "$out/$base.md"
done
