#!/bin/sh
# `citegraph refs --check` end to end: the three formats on the real
# catalogue, a catalogue copy given one more instrument whose Arabic title
# holds a word with a clitic ("لاتفاقية"), broken catalogues (status 2 and
# file:line:column), and the command line's errors. Prints every failed
# check and exits 1 when there was one.
#
#   tests/refs_check.sh               # ./citegraph from the repository top
#   CITEGRAPH=./citegraph-asan tests/refs_check.sh
set -eu
LC_ALL=C
export LC_ALL

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
CG=${CITEGRAPH:-./citegraph}
py=${PYTHON:-/usr/bin/python3}
unset CITEGRAPH_REFS

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

failures=0
checks=0

fail() {
  failures=$((failures + 1))
  printf 'FAIL: %s\n' "$*"
}

# run NAME ARGS...: stdout and stderr in $tmp/NAME.out and .err, status in $rc.
run() {
  name=$1
  shift
  rc=0
  "$CG" "$@" < /dev/null > "$tmp/$name.out" 2> "$tmp/$name.err" || rc=$?
}

expect_rc() {
  checks=$((checks + 1))
  [ "$rc" -eq "$2" ] || fail "$1: exit status $rc, want $2 ($(head -c 300 "$tmp/$1.err"))"
}

# expect_in NAME out|err STRING: a fixed string in stdout or stderr.
expect_in() {
  checks=$((checks + 1))
  grep -F -q -e "$3" "$tmp/$1.$2" || fail "$1: std$2 lacks '$3'"
}

# ---- the real catalogue, three formats
run text refs --check --refs refs
expect_rc text 0
for s in "Catalogue refs:" "Instruments with a full title" \
         "Names declared ambiguous" "Generic forms" \
         "Short titles and abbreviations that are also a body's name" \
         "Treaty Series volumes and numbers shared by instruments" \
         "adopted_by values that are not resolution or decision identifiers" \
         "Instruments without an English full title" \
         "Words that begin with a clitic prefix" \
         "Names in languages without a vocabulary" \
         '"Vienna Convention"'; do
  expect_in text out "$s"
done
checks=$((checks + 1))
tail -n 1 "$tmp/text.out" | grep -q '^[0-9]* warnings\{0,1\}, [0-9]* notes\{0,1\}\.$' ||
  fail "text: last line is not the count of warnings and notes"
checks=$((checks + 1))
[ -s "$tmp/text.err" ] && fail "text: something on standard error: $(head -c 200 "$tmp/text.err")"

run tsv refs --check --refs refs --format tsv
expect_rc tsv 0
checks=$((checks + 1))
head -n 1 "$tmp/tsv.out" | grep -q '^kind	level	lang	name	count	instruments	body	context	file	line	column	detail$' ||
  fail "tsv: header"
checks=$((checks + 1))
bad=$(awk -F '\t' 'NR > 1 && (NF != 12 || $2 !~ /^(warning|note)$/ ||
       $1 !~ /^(ambiguous|generic|body_name|treaty_series|adopted_by|no_english|clitic|unread_language|unknown_key|coverage)$/)' \
       "$tmp/tsv.out" | head -n 3)
[ -z "$bad" ] || fail "tsv: malformed rows: $bad"
checks=$((checks + 1))
[ "$(grep -c '^coverage	' "$tmp/tsv.out")" -eq 6 ] || fail "tsv: want 6 coverage rows"

run json refs --check --refs refs --format json
expect_rc json 0
checks=$((checks + 1))
"$py" - "$tmp/json.out" "$tmp/tsv.out" <<'PY' || fail "json: does not match the TSV"
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")][1:]
findings = [r for r in rows if r[0] != "coverage"]
assert len(report["findings"]) == len(findings), (len(report["findings"]), len(findings))
assert report["warnings"] == sum(r[1] == "warning" for r in findings)
assert report["warnings"] + report["notes"] == len(findings)
for f, r in zip(report["findings"], findings):
    assert [f["kind"], f["level"], f["lang"], f["name"]] == r[:4], (f, r)
    assert ",".join(f["instruments"]) == r[5]
    assert str(f["line"]) == r[9]
assert [l["lang"] for l in report["languages"]] == ["ar", "en", "es", "fr", "ru", "zh"]
en = [l for l in report["languages"] if l["lang"] == "en"][0]
assert 0 < en["full"] <= en["named"] <= report["instruments"]
PY

# ---- the same catalogue twice: the same bytes
run again refs --check --refs refs --format tsv
checks=$((checks + 1))
cmp -s "$tmp/tsv.out" "$tmp/again.out" || fail "two runs differ"

# ---- one more instrument: "لاتفاقية" is ل + اتفاقية, which starts titles
# (read both ways: a note); "للمواد" is لل + المواد, articles (a warning)
cp -r refs "$tmp/refs"
cat > "$tmp/refs/instruments/zz-check.yaml" <<'EOF'
# An instrument for tests/refs_check.sh only.
instruments:
  - id: ZZ-CHECK
    adopted_by: A/RES/61-144
    names:
      en: [Optional Protocol to the Test Convention]
      ar: [البروتوكول الاختياري لاتفاقية الاختبار, الاختبار للمواد]
EOF
run clitic refs --check --refs "$tmp/refs" --format tsv
expect_rc clitic 0
checks=$((checks + 1))
grep -q "^clitic	note	ar	لاتفاقية	1	ZZ-CHECK		البروتوكول الاختياري لاتفاقية الاختبار	$tmp/refs/instruments/zz-check.yaml	7	12	ل + اتفاقية: " \
  "$tmp/clitic.out" || fail "clitic: no note for لاتفاقية of ZZ-CHECK at zz-check.yaml:7:12"
checks=$((checks + 1))
grep -q "^clitic	warning	ar	للمواد	1	ZZ-CHECK		الاختبار للمواد	$tmp/refs/instruments/zz-check.yaml	7	52	لل + المواد: .*the citation word \"المواد\" is not seen" \
  "$tmp/clitic.out" || fail "clitic: no warning for للمواد of ZZ-CHECK at zz-check.yaml:7:52"
checks=$((checks + 1))
grep -q "^adopted_by	warning		A/RES/61-144	1	ZZ-CHECK	" "$tmp/clitic.out" ||
  fail "clitic: no warning for the adopted_by of ZZ-CHECK"

# ---- catalogues that do not load: status 2, the place, nothing on stdout
printf 'instruments:\n  - id: X\n    names: [oops\n' > "$tmp/refs/instruments/zz-check.yaml"
run syntax refs --check --refs "$tmp/refs"
expect_rc syntax 2
expect_in syntax err "$tmp/refs/instruments/zz-check.yaml:"
checks=$((checks + 1))
[ -s "$tmp/syntax.out" ] && fail "syntax: a report was written"
cat > "$tmp/refs/instruments/zz-check.yaml" <<'EOF'
instruments:
  - id: ZZ-ONE
    names:
      en: [Convention on the Rights of the Child]
EOF
run clash refs --check --refs "$tmp/refs"
expect_rc clash 2
expect_in clash err "zz-check.yaml:4:12: 'Convention on the Rights of the Child' (en) names both"
run missing refs --check --refs "$tmp/nowhere"
expect_rc missing 2
expect_in missing err "$tmp/nowhere"

# ---- the command line
run help refs --help
expect_rc help 0
expect_in help out "Usage: citegraph refs --check"
run nocheck refs --refs refs
expect_rc nocheck 2
expect_in nocheck err "refs needs --check"
run badformat refs --check --refs refs --format xml
expect_rc badformat 2
expect_in badformat err "unknown --format 'xml'"
run badopt refs --check --frobnicate
expect_rc badopt 2
expect_in badopt err "unknown option '--frobnicate' for refs"
run attached refs --check --refs=refs --format=json
expect_rc attached 0
run main --help
expect_in main out "refs      check a catalogue"

if [ "$failures" -ne 0 ]; then
  printf 'refs --check: %d of %d checks failed\n' "$failures" "$checks"
  exit 1
fi
printf 'refs --check: all %d checks passed\n' "$checks"
