#!/bin/sh
# Regenerates tests/formats/printed/: UNPC devset documents in scripts
# other than Latin (Arabic, right to left; Russian; Chinese, which needs a
# CJK font: fonts-wqy-zenhei) and in French and Spanish, each turned into a
# page of HTML and made a PDF file by Chromium (printed) or LibreOffice
# Writer (exported), as PDF files of such texts come: right-to-left runs
# that poppler marks, Arabic ligatures. formats.sh checks that each PDF
# gives the targets of its text.
#   tests/formats/make-printed.sh      (needs chromium, from make deps, and
#                                       LibreOffice: apt-get install
#                                       libreoffice-writer-nogui)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/tests/formats/printed
src=$top/../shared/corpus/unpc-devset/docs
command -v chromium > /dev/null || { echo "chromium is needed (make deps)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
command -v soffice > /dev/null || { echo "soffice is needed (libreoffice-writer-nogui)"; exit 1; }
for base in S_2015_127.ar S_2015_132.ru S_2015_121.ar A_69_693.ar S_RES_2198_2015.zh \
    NPT_CONF.2015_WP.7.zh S_RES_2198_2015.fr NPT_CONF.2015_WP.6.es; do
  dir=ltr
  case $base in *.ar) dir=rtl ;; esac
  cp "$src/$base.txt" "$out/$base.txt"
  python3 - "$out/$base.txt" "$dir" > "$tmp/$base.html" <<'PY'
import html, sys
text = open(sys.argv[1], encoding="utf-8").read()
paras = "".join("<p>%s</p>" % html.escape(l) for l in text.split("\n") if l.strip())
print('<html><head><meta charset="utf-8"></head><body dir="%s" '
      'style="font-family: DejaVu Sans">%s</body></html>' % (sys.argv[2], paras))
PY
  case $base in
  S_2015_121.ar)
    soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/$base.html" > /dev/null 2>&1
    mv "$tmp/$base.pdf" "$out/$base.pdf" ;;
  *)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --print-to-pdf="$out/$base.pdf" "$tmp/$base.html" 2> /dev/null ;;
  esac
done
