#!/bin/sh
# The catalogue's Treaty Series numbers against the footnotes that cite
# them in tests/treaty-series: the instrument the catalogue gives for the
# volume and number of a footnote is the one whose title the footnote's
# marker follows (tests/treaty_series_check.py). Then the same check on a
# copy of the catalogue with two numbers swapped must fail, naming both
# instruments: the check finds what it is meant to find.
#
#   tests/treaty_series.sh            # ./citegraph from the repository top
#   CITEGRAPH=./citegraph-asan tests/treaty_series.sh
#
# Needs Debian's python3-yaml (PYTHON, default /usr/bin/python3).
set -eu
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.."
bin=${CITEGRAPH:-./citegraph}
py=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

status=0
"$py" tests/treaty_series_check.py "$bin" refs tests/treaty-series || status=1

# NPT and the Antarctic Treaty, both cited right after their titles, with
# each other's numbers.
cp -r refs "$tmp/refs"
"$py" - "$tmp/refs" <<'PY'
import glob, re, sys
for path in glob.glob(sys.argv[1] + "/instruments/*.yaml"):
    text = open(path, encoding="utf-8").read()
    swapped = re.sub(r"\{volume: 729, number: 10485\}", "{volume: 0, number: 0}", text)
    swapped = re.sub(r"\{volume: 402, number: 5778\}", "{volume: 729, number: 10485}", swapped)
    swapped = swapped.replace("{volume: 0, number: 0}", "{volume: 402, number: 5778}")
    if swapped != text:
        open(path, "w", encoding="utf-8").write(swapped)
PY
if "$py" tests/treaty_series_check.py "$bin" "$tmp/refs" tests/treaty-series \
     > "$tmp/swapped.out" 2>&1; then
  echo "FAIL treaty series: a catalogue with NPT and ANTARCTIC swapped passes"
  status=1
elif ! grep -q '^FAIL A_RES_80_14.md footnote 5 (vol. 729, No. 10485): the catalogue gives ANTARCTIC for it, .* names NPT$' \
       "$tmp/swapped.out"; then
  echo "FAIL treaty series: the swapped catalogue's failure does not name the file, footnote and both instruments:"
  head -n 5 "$tmp/swapped.out"
  status=1
else
  echo "ok   treaty series: a catalogue with two numbers swapped fails ($(grep -c '^FAIL' "$tmp/swapped.out") disagreements)"
fi
exit $status
