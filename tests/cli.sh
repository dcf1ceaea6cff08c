#!/bin/sh
# End-to-end tests of the command line: exit statuses, messages, output
# formats, odd inputs and a broken catalogue. Prints every failed check and
# exits 1 when there was one.
#
#   tests/cli.sh                      # ./citegraph from the repository top
#   CITEGRAPH=./citegraph-asan tests/cli.sh
set -eu
LC_ALL=C
export LC_ALL

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
CG=${CITEGRAPH:-./citegraph}
CITEGRAPH_REFS=refs
export CITEGRAPH_REFS
SEED=tests/golden/ctoc-cop-res-10-3.es.md

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

failures=0
checks=0

fail() {
  failures=$((failures + 1))
  printf 'FAIL: %s\n' "$*"
}

# run NAME [ARGS...]: runs the program with stdout and stderr kept in
# $tmp/NAME.out and $tmp/NAME.err, stdin from $tmp/stdin when it exists;
# the exit status is left in $rc.
run() {
  name=$1
  shift
  rc=0
  if [ -f "$tmp/stdin" ]; then
    "$CG" "$@" < "$tmp/stdin" > "$tmp/$name.out" 2> "$tmp/$name.err" || rc=$?
  else
    "$CG" "$@" < /dev/null > "$tmp/$name.out" 2> "$tmp/$name.err" || rc=$?
  fi
}

# expect_rc NAME WANT: the last run's status.
expect_rc() {
  checks=$((checks + 1))
  if [ "$rc" -ne "$2" ]; then
    fail "$1: exit status $rc, want $2 (stderr: $(head -c 300 "$tmp/$1.err"))"
  fi
}

# expect_in NAME out|err PATTERN [WHAT]: a fixed string in stdout or stderr.
expect_in() {
  checks=$((checks + 1))
  if ! grep -F -q -e "$3" "$tmp/$1.$2"; then
    fail "$1: std$2 lacks '$3'${4:+ ($4)}"
  fi
}

# expect_re NAME out|err REGEX: an extended regular expression.
expect_re() {
  checks=$((checks + 1))
  if ! grep -E -q -e "$3" "$tmp/$1.$2"; then
    fail "$1: std$2 does not match /$3/ (got: $(head -c 300 "$tmp/$1.$2"))"
  fi
}

expect_empty() {
  checks=$((checks + 1))
  if [ -s "$tmp/$1.$2" ]; then
    fail "$1: std$2 should be empty (got: $(head -c 300 "$tmp/$1.$2"))"
  fi
}

expect_nonempty() {
  checks=$((checks + 1))
  if [ ! -s "$tmp/$1.$2" ]; then
    fail "$1: std$2 is empty"
  fi
}

# expect_json NAME: every line of stdout is a JSON value.
expect_json() {
  checks=$((checks + 1))
  if ! python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' \
      < "$tmp/$1.out" 2> "$tmp/$1.json.err"; then
    fail "$1: output is not JSON Lines: $(tail -n 1 "$tmp/$1.json.err")"
  fi
}

# expect_utf8 NAME: stdout is strict UTF-8 (JSON text must be).
expect_utf8() {
  checks=$((checks + 1))
  if ! python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' \
      < "$tmp/$1.out" 2> "$tmp/$1.utf8.err"; then
    fail "$1: output is not valid UTF-8: $(tail -n 1 "$tmp/$1.utf8.err")"
  fi
}

# expect_lines NAME COUNT: number of stdout lines.
expect_lines() {
  checks=$((checks + 1))
  n=$(wc -l < "$tmp/$1.out" | tr -d ' ')
  if [ "$n" -ne "$2" ]; then
    fail "$1: $n output lines, want $2"
  fi
}

[ -x "$CG" ] || { echo "FAIL: $CG is not an executable (run make first)"; exit 1; }
command -v python3 > /dev/null || { echo "FAIL: python3 is needed"; exit 1; }

# ------------------------------------------------------------ inputs

printf 'The General Assembly,\n\nRecalling its resolution 61/144 of 19 December 2006 and Security Council resolution 2331 (2016),\n' > "$tmp/ga.txt"
printf 'Recordando el art\303\255culo 32 de la Convenci\303\263n de las Naciones Unidas contra la Delincuencia Organizada Transnacional,\n' > "$tmp/es.txt"
: > "$tmp/empty.txt"
mkdir "$tmp/adir"
# Invalid UTF-8 at byte 10 (0xFF), then a truncated sequence (0xC3 '(').
# A NUL byte, CRLF line ends and a no-break space before a number.
printf 'The Security Council,\r\n\r\nRecalling\000its resolution\302\240665\r\n(1990),\r\n' > "$tmp/odd.txt"
printf 'Recalling \377resolution 918 (X) and resolution 2200 A (XXI)\303( in Gen\303\250ve and Z\303\274rich\n' > "$tmp/bad.txt"

# ------------------------------------------------------------ help

run help --help
expect_rc help 0
expect_in help out "Usage: citegraph"
expect_in help out "extract"
expect_in help out "Exit status"
run help2 help
expect_rc help2 0
expect_in help2 out "extract"

run xhelp extract --help
expect_rc xhelp 0
expect_in xhelp out "Usage: citegraph extract"
for field in record doc start,end text target kind body number date lang \
    place paragraph footnote jsonl tsv; do
  expect_in xhelp out "$field" "extract --help documents it"
done
run xhelp2 extract -h
expect_rc xhelp2 0
expect_in xhelp2 out "--format"

run version --version
expect_rc version 0
expect_re version out '^citegraph [0-9]+\.[0-9]+\.[0-9]+$'

# ------------------------------------------------------------ usage errors

run noargs
expect_rc noargs 2
expect_in noargs err "Usage: citegraph"
expect_empty noargs out

run badcmd frobnicate
expect_rc badcmd 2
expect_in badcmd err "unknown command 'frobnicate'"
expect_empty badcmd out

run badopt extract --frobnicate "$tmp/ga.txt"
expect_rc badopt 2
expect_in badopt err "unknown option '--frobnicate'"
expect_empty badopt out

run badfmt extract --format xml "$tmp/ga.txt"
expect_rc badfmt 2
expect_in badfmt err "unknown --format 'xml'"
expect_empty badfmt out

run nofile extract
expect_rc nofile 2
expect_in nofile err "no input file"

run nolangval extract --lang
expect_rc nolangval 2
expect_nonempty nolangval err

run badlang extract --lang zz "$tmp/ga.txt"
expect_rc badlang 2
expect_in badlang err "unknown --lang 'zz'"
expect_in badlang err " en es fr" "the message lists the languages"
expect_empty badlang out

run norefs extract --refs "$tmp/no-such-refs" "$tmp/ga.txt"
expect_rc norefs 2
expect_in norefs err "$tmp/no-such-refs/instruments.yaml"
expect_in norefs err "hint"
expect_empty norefs out

# ------------------------------------------------------------ one file

run ga extract "$tmp/ga.txt"
expect_rc ga 0
expect_empty ga err
expect_json ga
expect_lines ga 3
expect_in ga out "{\"record\":\"document\",\"doc\":\"$tmp/ga.txt\",\"file\":\"$tmp/ga.txt\",\"self\":null,\"body\":\"GA\",\"lang\":\"en\",\"date\":null,\"title\":null,\"citations\":2,\"invalid_utf8\":0,\"format\":\"text\",\"encoding\":\"utf-8\",\"self_source\":null}"
expect_in ga out '"start":37,"end":54,"text":"resolution 61/144","target":"A/RES/61/144","kind":"resolution","body":"GA","number":"61/144","date":"2006-12-19","lang":"en","place":"preamble","paragraph":0,"footnote":0}'
expect_in ga out '"target":"S/RES/2331(2016)","kind":"resolution","body":"SC","number":"2331(2016)"'

# The offsets point at the cited bytes of the file.
checks=$((checks + 1))
if ! python3 - "$CG" "$tmp/ga.txt" "$tmp/es.txt" "$tmp/odd.txt" "$SEED" \
    > "$tmp/offsets.err" 2>&1 <<'EOF'
import json, subprocess, sys
bad = 0
for path in sys.argv[2:]:
    data = open(path, 'rb').read()
    out = subprocess.run([sys.argv[1], 'extract', path],
                         check=True, capture_output=True).stdout
    for line in out.decode('utf-8').splitlines():
        rec = json.loads(line)
        if rec['record'] != 'citation':
            continue
        got = data[rec['start']:rec['end']].decode('utf-8')
        if got != rec['text']:
            print('%s: [%d,%d) is %r, text says %r' % (path, rec['start'], rec['end'], got, rec['text']))
            bad = 1
sys.exit(bad)
EOF
then
  fail "offsets: $(head -n 3 "$tmp/offsets.err")"
fi

# ------------------------------------------------------------ several files

run multi extract "$tmp/missing.txt" "$tmp/ga.txt" "$tmp/adir" "$tmp/es.txt"
expect_rc multi 1
expect_in multi err "$tmp/missing.txt" "the missing file is named"
expect_in multi err "No such file or directory"
expect_in multi err "$tmp/adir: directory holds no files"
expect_in multi out "\"file\":\"$tmp/ga.txt\"" "files after a missing one are processed"
expect_in multi out "\"file\":\"$tmp/es.txt\"" "files after a directory are processed"
expect_in multi out '"target":"A/RES/61/144"'
expect_in multi out '"target":"UNTOC#art_32"'
expect_json multi
checks=$((checks + 1))
if grep -F -q "missing.txt" "$tmp/multi.out" || grep -F -q "adir" "$tmp/multi.out"; then
  fail "multi: a file that could not be read has a record"
fi
# Records follow the order of the arguments.
checks=$((checks + 1))
order=$(sed -n 's/^{"record":"document".*"file":"\([^"]*\)".*/\1/p' "$tmp/multi.out" | tr '\n' ' ')
if [ "$order" != "$tmp/ga.txt $tmp/es.txt " ]; then
  fail "multi: document order '$order'"
fi

run missing_last extract "$tmp/ga.txt" "$tmp/missing.txt"
expect_rc missing_last 1
expect_in missing_last err "$tmp/missing.txt"
expect_in missing_last out '"target":"A/RES/61/144"'

run dir extract "$tmp/adir"
expect_rc dir 1
expect_in dir err "citegraph: $tmp/adir: directory holds no files"
expect_empty dir out

# ------------------------------------------------------------ odd inputs

run empty extract "$tmp/empty.txt"
expect_rc empty 0
expect_in empty err "citegraph: $tmp/empty.txt: warning: empty file"
expect_json empty
expect_lines empty 1
expect_in empty out '{"record":"document",'
expect_in empty out '"citations":0,"invalid_utf8":0,"format":"text"'

cp "$tmp/es.txt" "$tmp/stdin"
run stdin extract -
rm "$tmp/stdin"
expect_rc stdin 0
expect_json stdin
expect_in stdin out '"doc":"(stdin)","file":"(stdin)"'
expect_in stdin out '"lang":"es"'
expect_in stdin out '"target":"UNTOC#art_32","kind":"provision"'

cp "$tmp/ga.txt" "$tmp/stdin"
run stdin2 extract "$tmp/es.txt" - "$tmp/es.txt"
rm "$tmp/stdin"
expect_rc stdin2 0
expect_in stdin2 out '"file":"(stdin)"'
expect_in stdin2 out '"target":"A/RES/61/144"'

run bad extract "$tmp/bad.txt"
expect_rc bad 0
expect_in bad err "$tmp/bad.txt: warning: 2 invalid UTF-8 sequence(s), first at byte 10"
expect_json bad
expect_utf8 bad
expect_in bad out '"invalid_utf8":2,'
expect_in bad out '"target":"A/RES/918(X)"'
expect_in bad out '"target":"A/RES/2200A(XXI)"'

# NUL bytes, CRLF line ends and no-break spaces.
run odd extract "$tmp/odd.txt"
expect_rc odd 0
expect_in odd err "citegraph: $tmp/odd.txt: warning: NUL byte at byte 34, read as a space"
expect_json odd
expect_in odd out '"body":"SC"'
expect_in odd out '"start":39,"end":62,"text":"resolution'
expect_in odd out '665\r\n(1990)","target":"S/RES/665(1990)"'

# Encodings: Windows-1252, UTF-16 with and without a BOM, forced, and a
# file no encoding reads.
printf 'Rappelant sa r\351solution 2331 (2016) du Conseil de s\351curit\351,\n' > "$tmp/latin1.txt"
python3 -c '
import sys
d = sys.argv[1]
t = open(d + "/latin1.txt", "rb").read().decode("cp1252")
open(d + "/u16le.txt", "wb").write(b"\xff\xfe" + t.encode("utf-16-le"))
open(d + "/u16be.txt", "wb").write(t.encode("utf-16-be"))
' "$tmp"
printf 'resolution 2331 (2016) \201\215\217\220\235 caf\351\n' > "$tmp/undecodable.txt"
for f in latin1 u16le u16be; do
  run "enc_$f" extract "$tmp/$f.txt"
  expect_rc "enc_$f" 0
  expect_json "enc_$f"
  expect_in "enc_$f" out '"text":"résolution 2331 (2016)","target":"S/RES/2331(2016)"'
done
expect_in enc_latin1 out '"encoding":"windows-1252"'
expect_in enc_u16le out '"encoding":"utf-16le"'
expect_in enc_u16be out '"encoding":"utf-16be"'
# Offsets of a converted text point into the text `citegraph text` prints.
run enc_text text "$tmp/u16le.txt"
expect_rc enc_text 0
expect_in enc_text out 'Rappelant sa résolution 2331 (2016)'
expect_in enc_u16le out '"start":13,"end":36,'
run enc_forced extract --encoding latin1 "$tmp/latin1.txt"
expect_rc enc_forced 0
expect_in enc_forced out '"encoding":"latin1"'
expect_in enc_forced out '"target":"S/RES/2331(2016)"'
run enc_unknown extract --encoding no-such-encoding "$tmp/latin1.txt"
expect_rc enc_unknown 1
expect_in enc_unknown err "unknown encoding 'no-such-encoding'"
run enc_bad extract "$tmp/undecodable.txt"
expect_rc enc_bad 1
expect_in enc_bad err "undecodable.txt: cannot be read as WINDOWS-1252: byte 23 (0x81) has no meaning in it, skipped"
expect_empty enc_bad out
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' > "$tmp/image.png"
run binary extract "$tmp/image.png"
expect_rc binary 1
expect_in binary err "image.png: binary file (NUL byte at byte 8)"

# Identity from the file name, unless --id-from-name off.
cp "$tmp/ga.txt" "$tmp/A_RES_79_32.en.txt"
run byname extract "$tmp/A_RES_79_32.en.txt"
expect_rc byname 0
expect_in byname out '"self":"A/RES/79/32"'
expect_in byname out '"self_source":"file name"'
run byname_off extract --id-from-name off "$tmp/A_RES_79_32.en.txt"
expect_in byname_off out '"self":null'
run byname_bad extract --id-from-name sometimes "$tmp/ga.txt"
expect_rc byname_bad 2

# The language a file's name ends with decides where the text shows none,
# or two at once ("en" is a frequent word of French and of Spanish).
printf 'Contributions volontaires en especes\n' > "$tmp/notes.fr.txt"
cp "$tmp/notes.fr.txt" "$tmp/notes.es.txt"
run namelang extract "$tmp/notes.fr.txt" "$tmp/notes.es.txt"
expect_in namelang out '"file":"'"$tmp"'/notes.fr.txt","self":null,"body":null,"lang":"fr"'
expect_in namelang out '"file":"'"$tmp"'/notes.es.txt","self":null,"body":null,"lang":"es"'
# Without the name, the tie of frequent words goes to the language whose
# vocabulary knows more of the words ("volontaires" is French).
run namelang_off extract --id-from-name off "$tmp/notes.es.txt"
expect_in namelang_off out '"self":null,"body":null,"lang":"fr"'
cp "$tmp/ga.txt" "$tmp/ga.fr.txt"
run namelang_text extract "$tmp/ga.fr.txt"
expect_in namelang_text out '"lang":"en"'

# A PDF: format, pages, the page of each citation.
run pdf extract tests/pdf/A_RES_80_10.pdf
expect_rc pdf 0
expect_json pdf
expect_in pdf out '"self":"A/RES/80/10"'
expect_in pdf out '"format":"pdf","encoding":null,"pages":3'
expect_in pdf out '"text":"Resolution 61/295","target":"A/RES/61/295"'
expect_in pdf out '"place":"footnote","paragraph":0,"footnote":7,"page":1}'
printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog' > "$tmp/broken.pdf"
run broken_pdf extract "$tmp/broken.pdf"
expect_rc broken_pdf 1
expect_in broken_pdf err "broken.pdf: not a readable PDF"
printf 'PK\003\004 not really a zip' > "$tmp/broken.docx"
run broken_docx extract "$tmp/broken.docx"
expect_rc broken_docx 1
expect_in broken_docx err "broken.docx: damaged zip archive"

printf '%s\n' '---' 'symbol: A/RES/80/10' 'date: 2025-10-01' \
  'title: "A \"quoted\" title"' '---' '' \
  'Recalling its resolution 80/10 and its resolution 79/1,' > "$tmp/fm.md"
run fm extract "$tmp/fm.md"
expect_rc fm 0
expect_json fm
expect_in fm out '"doc":"A/RES/80/10","file":"'
expect_in fm out '"self":"A/RES/80/10","body":"GA","lang":"en","date":"2025-10-01"'
# Front matter is YAML: the title's \" are quotes (it was kept as \").
expect_in fm out '"title":"A \"quoted\" title"'
expect_in fm out '"target":"A/RES/79/1"'
checks=$((checks + 1))
if grep -F -q '"target":"A/RES/80/10"' "$tmp/fm.out"; then
  fail "fm: the document cites itself"
fi

# ------------------------------------------------------------ formats

run tsv extract --format tsv "$tmp/ga.txt" "$tmp/empty.txt"
expect_rc tsv 0
expect_lines tsv 3
checks=$((checks + 1))
header=$(head -n 1 "$tmp/tsv.out")
want_header=$(printf 'doc\tstart\tend\ttext\ttarget\tkind\tbody\tdate\tlang\tplace\tparagraph\tfootnote')
if [ "$header" != "$want_header" ]; then
  fail "tsv: header is '$header'"
fi
checks=$((checks + 1))
if ! awk -F'\t' 'NF != 12 { exit 1 }' "$tmp/tsv.out"; then
  fail "tsv: a line has not 12 columns"
fi
checks=$((checks + 1))
row=$(printf '%s\t37\t54\tresolution 61/144\tA/RES/61/144\tresolution\tGA\t2006-12-19\ten\tpreamble\t0\t0' "$tmp/ga.txt")
if ! grep -F -x -q -e "$row" "$tmp/tsv.out"; then
  fail "tsv: no row '$row'"
fi
checks=$((checks + 1))
if [ "$(awk -F'\t' 'NR > 1 { print $5 }' "$tmp/tsv.out" | tr '\n' ' ')" != "A/RES/61/144 S/RES/2331(2016) " ]; then
  fail "tsv: target column is not the 5th"
fi

# A TSV field never holds a tab or a line break.
run tsvodd extract --format tsv "$tmp/odd.txt"
expect_rc tsvodd 0
checks=$((checks + 1))
if ! awk -F'\t' 'NF != 12 { exit 1 }' "$tmp/tsvodd.out"; then
  fail "tsvodd: the CRLF inside a citation broke a row"
fi

run jsonl extract --format jsonl "$tmp/ga.txt"
expect_rc jsonl 0
checks=$((checks + 1))
cmp -s "$tmp/jsonl.out" "$tmp/ga.out" || fail "jsonl: --format jsonl differs from the default"

run forced extract --lang fr "$tmp/ga.txt"
expect_rc forced 0
expect_in forced out '"lang":"fr"'

# ------------------------------------------------------------ the seed document

run seed1 extract "$SEED"
run seed2 extract "$SEED"
expect_rc seed2 0
expect_empty seed2 err
expect_json seed2
expect_utf8 seed2
checks=$((checks + 1))
cmp -s "$tmp/seed1.out" "$tmp/seed2.out" || fail "seed: two runs differ"
expect_in seed1 out '"doc":"CTOC/COP/RES/10/3"'
expect_in seed1 out '"self":"CTOC/COP/RES/10/3","body":"CTOC-COP","lang":"es"'
expect_in seed1 out '"target":"A/RES/61/144","kind":"resolution","body":"GA","number":"61/144","date":"2006-12-19"'
expect_in seed1 out '"target":"CTOC/COP/DEC/4/4"'
expect_in seed1 out '"target":"UNTOC/TIP#art_6__para_1"'
expect_in seed1 out '"target":"UNTOC","kind":"treaty_series"'
run seedtsv1 extract --format tsv "$SEED"
run seedtsv2 extract --format tsv "$SEED"
expect_rc seedtsv2 0
checks=$((checks + 1))
cmp -s "$tmp/seedtsv1.out" "$tmp/seedtsv2.out" || fail "seed: two TSV runs differ"
# The same document through stdin gives the same citations.
cp "$SEED" "$tmp/stdin"
run seedin extract -
rm "$tmp/stdin"
checks=$((checks + 1))
if [ "$(grep -c '"record":"citation"' "$tmp/seedin.out")" != "$(grep -c '"record":"citation"' "$tmp/seed1.out")" ]; then
  fail "seed: stdin and file give different citation counts"
fi

# ------------------------------------------------------------ a broken catalogue

cp -R refs "$tmp/refs"
# The Security Council's id becomes an unclosed flow sequence.
sed 's/^  - id: SC$/  - id: [SC/' refs/bodies.yaml > "$tmp/refs/bodies.yaml"
checks=$((checks + 1))
if cmp -s refs/bodies.yaml "$tmp/refs/bodies.yaml"; then
  fail "could not break bodies.yaml"
fi
CITEGRAPH_REFS="$tmp/refs"
run brokenyaml extract "$tmp/ga.txt"
CITEGRAPH_REFS=refs
expect_rc brokenyaml 2
expect_re brokenyaml err "^citegraph: $tmp/refs/bodies.yaml:[0-9]+:[0-9]+: "
expect_empty brokenyaml out
run brokenyaml2 extract --refs "$tmp/refs" "$tmp/ga.txt"
expect_rc brokenyaml2 2
expect_re brokenyaml2 err "^citegraph: $tmp/refs/bodies.yaml:[0-9]+:[0-9]+: "

cp refs/bodies.yaml "$tmp/refs/bodies.yaml"
sed 's/numbering: \[session, roman\]/numbering: [session, weekly]/' refs/bodies.yaml > "$tmp/refs/bodies.yaml"
run badschema extract --refs "$tmp/refs" "$tmp/ga.txt"
expect_rc badschema 2
expect_re badschema err "^citegraph: $tmp/refs/bodies.yaml:[0-9]+:[0-9]+: unknown number shape"

cp refs/bodies.yaml "$tmp/refs/bodies.yaml"
run goodcopy extract --refs "$tmp/refs" "$tmp/ga.txt"
expect_rc goodcopy 0
checks=$((checks + 1))
cmp -s "$tmp/goodcopy.out" "$tmp/ga.out" || fail "goodcopy: a copy of refs/ gives other output"

# ------------------------------------------------------------ corpus runs

# A directory is read recursively; the output does not depend on -j.
run jobs1 extract -j 1 --format tsv tests/golden tests/heldout
expect_rc jobs1 0
run jobs2 extract -j 2 tests/golden tests/heldout --format=tsv
expect_rc jobs2 0
checks=$((checks + 1))
cmp -s "$tmp/jobs1.out" "$tmp/jobs2.out" || fail "jobs: -j 1 and -j 2 give different output"
checks=$((checks + 1))
[ "$(grep -c '' "$tmp/jobs1.out")" -gt 100 ] || fail "jobs: too few records from the directories"
run badjobs extract -j 0 tests/golden
expect_rc badjobs 2
expect_in badjobs err "--jobs wants a number"

# Progress goes to a terminal only: nothing on a redirected stderr but the
# count of files that are not documents (the .targets files and READMEs), a
# line with files done and MB/s when stderr is a terminal (script gives one).
run jobsq extract -q -j 1 tests/golden tests/heldout
expect_empty jobsq err
expect_in jobs1 err "files in the folders skipped"

# bug: a folder's index.tsv and SOURCE.md were read as citing documents
mkdir -p "$tmp/intake/sub"
printf 'Recalling resolution 1 (1946),\n' > "$tmp/intake/S_RES_2_1946.en.txt"
printf 'Recalling resolution 2 (1946),\n' > "$tmp/intake/sub/notes"
printf 'symbol\ttitle\nS/RES/1(1946)\tresolution 1 (1946)\n' > "$tmp/intake/index.tsv"
printf '# Source\nresolution 3 (1946)\n' > "$tmp/intake/SOURCE.md"
printf '\211PNG' > "$tmp/intake/figure.png"
run intake extract "$tmp/intake"
expect_rc intake 0
checks=$((checks + 1))
[ "$(grep -c '"record":"document"' "$tmp/intake.out")" -eq 2 ] ||
  fail "intake: a folder gives its two documents only"
expect_in intake err "3 files in the folders skipped"
run intake_inc extract --include '*.tsv' "$tmp/intake"
checks=$((checks + 1))
grep -q '"file":"[^"]*index.tsv"' "$tmp/intake_inc.out" && ! grep -q 'S_RES_2_1946' "$tmp/intake_inc.out" ||
  fail "intake: --include reads only the matching files"
run intake_exc extract --exclude 'S_RES_*' "$tmp/intake"
checks=$((checks + 1))
[ "$(grep -c '"record":"document"' "$tmp/intake_exc.out")" -eq 1 ] ||
  fail "intake: --exclude leaves matching files out"
# Two files claiming one identity in one language: a warning naming both
mkdir -p "$tmp/dup"
printf -- '---\nsymbol: A/RES/70/1\n---\nRecalling resolution 1 (1946)\n' > "$tmp/dup/a.en.txt"
cp "$tmp/dup/a.en.txt" "$tmp/dup/b.txt"
run dup extract "$tmp/dup"
expect_rc dup 0
expect_in dup err "b.txt: warning: is A/RES/70/1 in en, as $tmp/dup/a.en.txt is"
run intake_named extract "$tmp/intake/index.tsv"
checks=$((checks + 1))
grep -q '"record":"document"' "$tmp/intake_named.out" ||
  fail "intake: a file named on the command line is always read"
if command -v script > /dev/null 2>&1; then
  checks=$((checks + 1))
  script -qec "$CG extract -j 1 tests/golden > /dev/null" /dev/null > "$tmp/tty.txt" 2>&1 || true
  grep -q "files, .* MB/s" "$tmp/tty.txt" || fail "progress: no progress line on a terminal"
  checks=$((checks + 1))
  script -qec "$CG extract -q -j 1 tests/golden > /dev/null" /dev/null > "$tmp/ttyq.txt" 2>&1 || true
  grep -q "MB/s" "$tmp/ttyq.txt" && fail "progress: --quiet still shows progress"
fi

# ------------------------------------------------------------ catalogue cache

# The first run compiles the catalogue into $CITEGRAPH_CACHE, the next reads
# that copy; the records are the same as without a cache, and an edited
# catalogue is compiled again.
cache=$tmp/cache/citegraph
CITEGRAPH_CACHE=$cache run cache1 extract "$SEED"
expect_rc cache1 0
checks=$((checks + 1))
[ "$(ls "$cache" | grep -c '^catalog-.*\.bin$')" = 1 ] || fail "cache: no compiled catalogue in $cache"
CITEGRAPH_CACHE=$cache run cache2 extract "$SEED"
CITEGRAPH_CACHE=off run cache_off extract "$SEED"
checks=$((checks + 1))
cmp -s "$tmp/cache1.out" "$tmp/cache2.out" && cmp -s "$tmp/cache1.out" "$tmp/cache_off.out" ||
  fail "cache: records differ with and without the compiled catalogue"
cp -r refs "$tmp/refs-edited"
printf '\n# edited\n' >> "$tmp/refs-edited/bodies.yaml"
CITEGRAPH_CACHE=$cache run cache3 extract --refs "$tmp/refs-edited" "$SEED"
checks=$((checks + 1))
[ "$(ls "$cache" | grep -c '^catalog-.*\.bin$')" = 2 ] || fail "cache: an edited catalogue was not compiled again"
# Without $CITEGRAPH_CACHE, $XDG_CACHE_HOME/citegraph; "off" writes nothing.
XDG_CACHE_HOME=$tmp/xdg run cache_xdg extract "$SEED"
checks=$((checks + 1))
[ -d "$tmp/xdg/citegraph" ] || fail "cache: \$XDG_CACHE_HOME/citegraph not used"
HOME=$tmp/home CITEGRAPH_CACHE=off run cache_none extract "$SEED"
checks=$((checks + 1))
[ ! -e "$tmp/home" ] || fail "cache: CITEGRAPH_CACHE=off wrote $tmp/home"
# An unwritable cache is no error.
CITEGRAPH_CACHE=$SEED run cache_file extract "$SEED"
expect_rc cache_file 0
expect_empty cache_file err

# ------------------------------------------------------------ regressions

# A surrogate (ED A0 80) inside a citation was copied into the JSON text.
printf 'resolution\355\240\200 918 (X)\n' > "$tmp/surrogate.txt"
run surrogate extract "$tmp/surrogate.txt"
expect_utf8 surrogate
# More than 262144 tokens without a blank line, cut in prose, crashed.
awk 'BEGIN { for (i = 0; i < 65536; i++) printf "1 the of the "; print "of the of the of the of the of the" }' > "$tmp/long.txt"
run long extract "$tmp/long.txt"
expect_rc long 0

# ------------------------------------------------------------ summary

if [ "$failures" -gt 0 ]; then
  echo "cli: $failures of $checks checks failed"
  exit 1
fi
echo "cli: all $checks checks passed"
