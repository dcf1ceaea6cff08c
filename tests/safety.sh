#!/bin/sh
# The user's files and machine are never harmed, whatever the input or the
# destination: each check replays one way it could be (issue 11) and is
# named after what broke.
#
#   1. -o writes into what it names: devices, FIFOs and the targets of
#      symbolic links in place, regular files replaced whole; "-" is
#      standard output; a picture never goes to a terminal; CSV needs a
#      directory; nothing is written when no input could be read.
#   2. Identifiers from front matter, records and catalogues are checked;
#      every URL and attribute of SVG, DOT and GraphML is escaped.
#   3. Characters XML forbids never reach GraphML or SVG.
#   4. Endless input: a size limit on every file, reads bounded, Ctrl-C and
#      SIGTERM heard while reading and while writing.
#   5. Every write and the final flush are checked.
#   6. No citation lost where a long text is cut into chunks.
#   7. Symbolic-link loops, front matter read as YAML, huge catalogues,
#      numeric options, --kind and --body, top --years and jsonl, the man
#      page and bash completion.
#
# Outputs are read back by real readers: networkx and xml.etree
# (tests/safety_check.py, Debian's /usr/bin/python3) and Graphviz dot.
# Prints "ok"/"FAIL"/"SKIP" per check and exits 1 when any check failed.
#
#   tests/safety.sh                     # ./citegraph from the repository top
#   CITEGRAPH=./citegraph-asan tests/safety.sh
set -eu
LC_ALL=C
export LC_ALL

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
CG=${CITEGRAPH:-./citegraph}
case $CG in /*) ;; *) CG=$top/$CG ;; esac
CITEGRAPH_REFS=$top/refs
export CITEGRAPH_REFS
PY=${PYTHON:-/usr/bin/python3}
SEED=$top/tests/golden/ctoc-cop-res-10-3.es.md

tmp=$(mktemp -d)
bg_pids=""
cleanup() {
  for p in $bg_pids; do kill "$p" 2> /dev/null || :; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

pass=0 failn=0 skipn=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
fail() { failn=$((failn + 1)); echo "FAIL $*"; }
skip() { skipn=$((skipn + 1)); echo "SKIP $*"; }

# run NAME ARGS...: the program with stdout and stderr in $tmp/NAME.out and
# $tmp/NAME.err, stdin from /dev/null; the exit status in $rc.
# LeakSanitizer's own tracer can crash on a loaded machine after Graphviz has
# run ("Tracer caught signal 11", "LeakSanitizer has encountered a fatal
# error"): the sanitizer's failure, not the program's (tests/pictures.sh
# says so too); such a run is made once more, and any other failure counts.
run() {
  name=$1
  shift
  rc=0
  "$CG" "$@" < /dev/null > "$tmp/$name.out" 2> "$tmp/$name.err" || rc=$?
  if [ "$rc" -ne 0 ] && grep -q 'LeakSanitizer has encountered a fatal error' "$tmp/$name.err"; then
    rc=0
    "$CG" "$@" < /dev/null > "$tmp/$name.out" 2> "$tmp/$name.err" || rc=$?
  fi
}

# expect NAME RC [STDERR-TEXT]: the last run's status and message.
expect() {
  if [ "$rc" -ne "$2" ]; then
    fail "$1: exit status $rc, want $2 ($(head -c 300 "$tmp/$1.err"))"
    return 1
  fi
  if [ $# -ge 3 ] && ! grep -F -q -e "$3" "$tmp/$1.err"; then
    fail "$1: stderr lacks '$3' (got: $(head -c 300 "$tmp/$1.err"))"
    return 1
  fi
  return 0
}

# reads WHAT CHECK FILE [ARGS]: tests/safety_check.py CHECK FILE passes.
reads() {
  what=$1
  shift
  if "$PY" tests/safety_check.py "$@" > "$tmp/reader.out" 2>&1; then
    return 0
  fi
  fail "$what: $(head -c 300 "$tmp/reader.out")"
  return 1
}

# dot_reads WHAT FILE: Graphviz reads the DOT file without a warning.
dot_reads() {
  if dot -Tsvg "$2" > /dev/null 2> "$tmp/dot.err" && [ ! -s "$tmp/dot.err" ]; then
    return 0
  fi
  fail "$1: dot: $(head -c 300 "$tmp/dot.err")"
  return 1
}

[ -x "$CG" ] || { echo "FAIL: $CG is not an executable (run make first)"; exit 1; }
"$PY" -c 'import networkx' 2> /dev/null || { echo "FAIL: $PY has no networkx"; exit 1; }

# ------------------------------------------------------------ 1: outputs

out=$tmp/out
mkdir "$out"

# A device node made with mknod (root only) was replaced by a regular file.
dev_safe=0
if mknod "$out/node" c 1 3 2> /dev/null; then
  run devnode graph -q "$SEED" -o "$out/node" --format graphml
  if expect devnode 0 && [ -c "$out/node" ]; then
    ok "output_device_replaced: -o a device node writes into it, the node stays"
    dev_safe=1
  elif [ ! -c "$out/node" ]; then
    fail "output_device_replaced: -o a device node replaced it ($(ls -l "$out/node"))"
  fi
else
  skip "output_device_replaced: mknod needs root"
  [ "$(id -u)" -ne 0 ] && dev_safe=1 # /dev cannot be written anyway
fi
# /dev/null itself, only once a node of our own came through unharmed.
if [ "$dev_safe" = 1 ]; then
  run devnull graph -q "$SEED" -o /dev/null --format graphml
  if expect devnull 0 && [ -c /dev/null ]; then
    ok "output_dev_null_replaced: -o /dev/null exits 0, /dev/null is a device"
  fi
else
  skip "output_dev_null_replaced: not tried after the device node test failed"
fi

# A symbolic link was replaced by a regular file instead of writing its
# target.
echo old > "$out/real.graphml"
ln -s real.graphml "$out/link.graphml"
run symlink graph -q "$SEED" -o "$out/link.graphml"
if expect symlink 0; then
  if [ ! -L "$out/link.graphml" ] || [ "$(readlink "$out/link.graphml")" != real.graphml ]; then
    fail "output_symlink_replaced: the link was replaced ($(ls -l "$out/link.graphml"))"
  elif reads "output_symlink_replaced: the target" graphml "$out/real.graphml"; then
    ok "output_symlink_replaced: -o a symbolic link writes its target, the link stays"
  fi
fi
ln -s new.graphml "$out/dangling.graphml"
run dangling graph -q "$SEED" -o "$out/dangling.graphml"
if expect dangling 0 && [ -L "$out/dangling.graphml" ] &&
   reads "output_dangling_symlink" graphml "$out/new.graphml"; then
  ok "output_dangling_symlink: -o a link to a missing file creates the file, the link stays"
fi

# A FIFO was replaced by a regular file: the reader got nothing.
mkfifo "$out/fifo"
timeout 30 cat "$out/fifo" > "$out/fifo.dot" &
reader=$!
bg_pids="$bg_pids $reader"
run fifo graph -q "$SEED" -o "$out/fifo" --format dot
wait "$reader" || :
if expect fifo 0; then
  if [ ! -p "$out/fifo" ]; then
    fail "output_fifo_replaced: the FIFO was replaced ($(ls -l "$out/fifo"))"
  elif dot_reads "output_fifo_replaced: what the reader got" "$out/fifo.dot"; then
    ok "output_fifo_replaced: -o a FIFO writes into it; its reader gets the DOT"
  fi
fi

# -o - created a file named "-".
mkdir "$out/cwd"
for f in graphml dot cypher json svg; do
  rc=0
  (cd "$out/cwd" && "$CG" graph -q "$SEED" -o - --format "$f") > "$out/stdout.$f" 2> "$tmp/dash.err" || rc=$?
  if [ "$rc" -ne 0 ]; then
    fail "output_dash_is_a_file: -o - --format $f: exit $rc ($(head -c 200 "$tmp/dash.err"))"
  elif [ -e "$out/cwd/-" ]; then
    fail "output_dash_is_a_file: -o - --format $f created a file named '-'"
    rm -f "$out/cwd/-"
  else
    case $f in
      graphml) reads "output_dash_is_a_file ($f)" graphml "$out/stdout.$f" && ok "output_dash_is_a_file: -o - --format $f writes networkx-readable GraphML to stdout" ;;
      dot) dot_reads "output_dash_is_a_file ($f)" "$out/stdout.$f" && ok "output_dash_is_a_file: -o - --format $f writes DOT that dot reads to stdout" ;;
      json) reads "output_dash_is_a_file ($f)" json "$out/stdout.$f" && ok "output_dash_is_a_file: -o - --format $f writes JSON to stdout" ;;
      svg) reads "output_dash_is_a_file ($f)" svg "$out/stdout.$f" && ok "output_dash_is_a_file: -o - --format $f writes SVG to stdout" ;;
      cypher) if grep -q '^MERGE' "$out/stdout.$f"; then ok "output_dash_is_a_file: -o - --format $f writes Cypher to stdout"
              else fail "output_dash_is_a_file: -o - --format cypher: no MERGE statement"; fi ;;
    esac
  fi
done
# Pictures go to a pipe, never to a terminal.
for f in png pdf; do
  rc=0
  "$CG" graph -q "$SEED" -o - --format "$f" 2> "$tmp/pic.err" | head -c 4 > "$out/magic.$f" || rc=$?
  case $f in png) want=$(printf '\211PNG') ;; pdf) want=%PDF ;; esac
  if [ "$(cat "$out/magic.$f")" = "$want" ]; then
    ok "output_dash_picture: -o - --format $f writes the picture to a pipe"
  else
    fail "output_dash_picture: -o - --format $f gave '$(od -c "$out/magic.$f" | head -n 1)' ($(head -c 200 "$tmp/pic.err"))"
  fi
done
if command -v script > /dev/null 2>&1; then
  for f in png pdf; do
    rc=0
    script -qec "'$CG' graph -q '$SEED' -o - --format $f" /dev/null > "$out/tty.$f" 2>&1 || rc=$?
    if [ "$rc" -eq 2 ] && grep -q 'terminal' "$out/tty.$f" && [ "$(wc -c < "$out/tty.$f")" -lt 1000 ]; then
      ok "picture_to_terminal: -o - --format $f on a terminal is refused (exit 2)"
    else
      fail "picture_to_terminal: -o - --format $f on a terminal: exit $rc, $(wc -c < "$out/tty.$f") bytes ($(head -c 120 "$out/tty.$f" | tr -cd '[:print:]'))"
    fi
  done
else
  skip "picture_to_terminal: no script(1) to give the program a terminal"
fi

# -o x.csv created a directory named x.csv.
run csvfile graph -q "$SEED" -o "$out/x.csv"
if expect csvfile 2 "into a directory"; then
  if [ -e "$out/x.csv" ]; then fail "csv_creates_directory: -o x.csv created $(ls -ld "$out/x.csv")"
  else ok "csv_creates_directory: -o x.csv is refused (exit 2) and creates nothing"; fi
fi
echo keep > "$out/plain.txt"
run csvreg graph -q "$SEED" -o "$out/plain.txt" --format csv
if expect csvreg 2 "into a directory" && [ "$(cat "$out/plain.txt")" = keep ]; then
  ok "csv_creates_directory: --format csv -o REGULAR-FILE is refused, the file kept"
fi
run csvdash graph -q "$SEED" -o - --format csv
expect csvdash 2 "into a directory" && ok "csv_creates_directory: --format csv -o - is refused (two files)"
run csvnew graph -q "$SEED" -o "$out/import/" --format csv
if expect csvnew 0 && [ -s "$out/import/nodes.csv" ] && [ -s "$out/import/relationships.csv" ]; then
  ok "csv_creates_directory: --format csv -o DIR/ creates the directory asked for"
fi
run csvold graph -q "$SEED" -o "$out/import" --format csv
expect csvold 0 && ok "csv_creates_directory: --format csv -o EXISTING-DIR writes into it"

# A run that read nothing wrote an empty graph over the old file.
echo old > "$out/keep.graphml"
run noinput graph -q "$tmp/no-such-file.txt" -o "$out/keep.graphml"
if expect noinput 1 "nothing written" && [ "$(cat "$out/keep.graphml")" = old ]; then
  ok "output_without_input: no input read: exit 1, the old file kept"
fi
run noinput2 graph -q "$tmp/no-such-file.txt" -o "$out/none.graphml"
if expect noinput2 1 && [ ! -e "$out/none.graphml" ]; then
  ok "output_without_input: no input read: no file created"
fi
run noinput3 top -q "$tmp/no-such-file.txt"
if expect noinput3 1 && [ ! -s "$tmp/noinput3.out" ]; then
  ok "output_without_input: top with no input read prints no table"
fi

# An output directory is a usage error found before any input is read.
mkdir "$out/adir.graphml"
run outdir graph -q "$SEED" -o "$out/adir.graphml"
expect outdir 2 "is a directory" && ok "output_is_directory: -o DIRECTORY for GraphML: exit 2"
run nodir graph -q "$SEED" -o "$out/missing/g.graphml"
if expect nodir 2 && [ ! -e "$out/missing" ]; then
  ok "output_missing_directory: -o missing/g.graphml: exit 2, nothing created"
fi

# A file replaced whole keeps its permissions.
cp "$out/real.graphml" "$out/mode.graphml"
chmod 640 "$out/mode.graphml"
run mode graph -q "$SEED" -o "$out/mode.graphml"
if expect mode 0 && [ "$(stat -c %a "$out/mode.graphml")" = 640 ]; then
  ok "output_mode_lost: a replaced output keeps its permissions (640)"
elif [ "$rc" -eq 0 ]; then
  fail "output_mode_lost: mode $(stat -c %a "$out/mode.graphml"), want 640"
fi
left=$(find "$out" -name '*.tmp.*' | head -n 3)
if [ -z "$left" ]; then ok "output_temporary_left: no temporary file left"
else fail "output_temporary_left: $left"; fi

# ------------------------------------------------------------ 2: identifiers

inj=$tmp/inj
mkdir "$inj"
printf -- "---\nsymbol: 'A/RES/5/5\"\tonload=\"alert(1)'\ntitle: injected\n---\n\nRecalling its resolution 61/144,\n" > "$inj/onload.md"
printf -- "---\nsymbol: 'A/RES/5/5\"/><script>alert(1)</script>'\n---\n\nRecalling its resolution 61/144,\n" > "$inj/script.md"
for ex in onload script; do
  run "inj_$ex" graph -q "$inj/$ex.md" -o "$inj/$ex.svg"
  if expect "inj_$ex" 0 "is not an identifier" && reads "svg_attribute_injection ($ex)" svg "$inj/$ex.svg"; then
    ok "svg_attribute_injection: front-matter symbol with $ex gives valid, inert SVG and a warning"
  fi
  run "injg_$ex" graph -q "$inj/$ex.md" -o "$inj/$ex.graphml"
  if expect "injg_$ex" 0 && reads "graphml_identifier ($ex)" graphml "$inj/$ex.graphml"; then
    if grep -q 'alert' "$inj/$ex.graphml"; then
      fail "graphml_identifier: the symbol reached the GraphML"
    else
      ok "graphml_identifier: the bad symbol ($ex) never reaches the GraphML"
    fi
  fi
  run "injd_$ex" graph -q "$inj/$ex.md" -o "$inj/$ex.dot"
  expect "injd_$ex" 0 && dot_reads "dot_identifier ($ex)" "$inj/$ex.dot" && ok "dot_identifier: DOT of the $ex example reads in dot"
done
# A graph where nothing drawn is cited gave the legend an empty table row,
# which Graphviz refuses.
printf 'Recalling its resolution 61/144,\n' > "$inj/uncited.md"
run uncited graph -q "$inj/uncited.md" -o "$inj/uncited.dot"
expect uncited 0 && dot_reads "legend_empty_row" "$inj/uncited.dot" &&
  ok "legend_empty_row: DOT of a graph where nothing is cited reads in dot"
run injx extract "$inj/onload.md"
if expect injx 0 "is not an identifier" && grep -q '"self":null' "$tmp/injx.out"; then
  ok "front_matter_identifier: extract ignores the bad symbol (self null) with a warning"
fi

# Records carrying a target or a self that is not an identifier.
printf '%s\n' '{"record":"document","doc":"d.txt","file":"d.txt","self":null,"citations":1}' \
  '{"record":"citation","doc":"d.txt","start":0,"end":3,"target":"A/RES/1\"><script>x</script>","kind":"resolution","place":"text"}' > "$inj/bad-target.jsonl"
run rectarget graph -q "$inj/bad-target.jsonl" -o "$inj/rec.graphml"
expect rectarget 1 "bad-target.jsonl:2:" && grep -q "not an identifier" "$tmp/rectarget.err" &&
  ok "records_identifier: a record's target that is not an identifier is refused with its line"
printf '%s\n' '{"record":"document","doc":"x","file":"d.txt","self":"A/RES/1 onload=x","citations":0}' > "$inj/bad-self.jsonl"
run recself top -q "$inj/bad-self.jsonl"
expect recself 1 "bad-self.jsonl:1:" && grep -q "not an identifier" "$tmp/recself.err" &&
  ok "records_identifier: a record's self that is not an identifier is refused with its line"

# A catalogue instrument whose id is not an identifier.
cp -R refs "$tmp/badrefs"
printf '%s\n' "instruments:" "  - id: 'X\"Y'" "    names:" "      en: [Treaty of Hostile Names]" > "$tmp/badrefs/instruments/zz-bad.yaml"
run catid extract --refs "$tmp/badrefs" "$SEED"
expect catid 2 "zz-bad.yaml:2:" && grep -q "identifier" "$tmp/catid.err" &&
  ok "catalogue_identifier: an instrument id that is not an identifier is refused"
rm -rf "$tmp/badrefs"

# A file name with every character the formats reserve.
mkdir "$inj/names"
nasty="$inj/names/a\"b<c>&d'e--f\\N]]>.md"
printf 'Recalling resolution 61/144 of the General Assembly,\n' > "$nasty"
for f in graphml svg dot json; do
  run "nasty_$f" graph -q "$inj/names" -o "$inj/nasty.$f"
  expect "nasty_$f" 0 || continue
  case $f in
    graphml) reads "escaped_file_name ($f)" graphml "$inj/nasty.$f" && ok "escaped_file_name: GraphML of a document named $(basename "$nasty") reads in networkx" ;;
    svg) reads "escaped_file_name ($f)" svg "$inj/nasty.$f" && ok "escaped_file_name: SVG of it reads in xml.etree, inert" ;;
    dot) dot_reads "escaped_file_name ($f)" "$inj/nasty.$f" && ok "escaped_file_name: DOT of it reads in dot" ;;
    json) reads "escaped_file_name ($f)" json "$inj/nasty.$f" && ok "escaped_file_name: JSON of it reads" ;;
  esac
done

# A file name holding a terminal's escape sequences reached the terminal.
esc_name=$(printf '%s/\033]0;owned\007\033[2J.txt' "$inj")
printf '\000\001\002\003binary\000' > "$esc_name"
run escname extract -q "$esc_name"
if expect escname 1 && ! grep -q "$(printf '\033')" "$tmp/escname.err" &&
   grep -q '\\x1B\]0;owned\\x07' "$tmp/escname.err"; then
  ok "terminal_escape_in_file_name: control characters of a name are shown as \\xNN"
else
  fail "terminal_escape_in_file_name: $(od -c "$tmp/escname.err" | head -n 2)"
fi

# ------------------------------------------------------------ 3: characters XML forbids

chars=$tmp/chars
mkdir "$chars"
# U+FFFE, U+FFFF, C0 controls (SOH, ESC, US) and a tab in a title (valid
# UTF-8: invalid bytes would make the text read as another encoding; lone
# surrogates come through records below).
printf -- '---\nsymbol: A/RES/80/99\ntitle: "a\357\277\276b\357\277\277c\001d\033e\037fg\th"\n---\n\nRecalling its resolution 61/144,\n' > "$chars/title.md"
want_title=$(printf 'a\357\277\275b\357\277\275cdefg\th')
for f in graphml svg; do
  run "chars_$f" graph -q "$chars/title.md" -o "$chars/t.$f"
  expect "chars_$f" 0 || continue
  reads "xml_forbidden_characters ($f)" xmlchars "$chars/t.$f" || continue
  if [ "$f" = graphml ]; then
    reads "xml_forbidden_characters (networkx)" graphml "$chars/t.$f" "$want_title" &&
      ok "xml_forbidden_characters: GraphML reads in networkx; U+FFFE and U+FFFF became U+FFFD, controls dropped, the tab kept"
  else
    reads "xml_forbidden_characters (svg)" svg "$chars/t.$f" && ok "xml_forbidden_characters: SVG reads in xml.etree"
  fi
done
# A lone surrogate (ED A0 80) in a text read as UTF-8.
printf -- '---\nsymbol: A/RES/80/97\ntitle: "a\355\240\200g\357\277\276h"\n---\n\nRecalling its resolution 61/144,\n' > "$chars/surrogate.md"
want_title=$(printf 'a\357\277\275\357\277\275\357\277\275g\357\277\275h')
run charsur graph -q --encoding utf-8 "$chars/surrogate.md" -o "$chars/s.graphml"
if expect charsur 0 && reads "xml_forbidden_characters (surrogate)" xmlchars "$chars/s.graphml" &&
   reads "xml_forbidden_characters (surrogate, networkx)" graphml "$chars/s.graphml" "$want_title"; then
  ok "xml_forbidden_characters: a lone surrogate in a UTF-8 text becomes U+FFFD in GraphML"
fi
# The same characters through records (JSON escapes).
printf '%s\n' '{"record":"document","doc":"A/RES/80/98","file":"r.txt","self":"A/RES/80/98","title":"x\u0001\ufffe\uffff\ud800\u0008y","citations":1}' \
  '{"record":"citation","doc":"A/RES/80/98","start":0,"end":3,"target":"A/RES/61/144","kind":"resolution","place":"text"}' > "$chars/r.jsonl"
run charsrec graph -q "$chars/r.jsonl" -o "$chars/r.graphml"
if expect charsrec 0 && reads "xml_forbidden_characters (records)" xmlchars "$chars/r.graphml" &&
   reads "xml_forbidden_characters (records, networkx)" graphml "$chars/r.graphml" \
     "$(printf 'x\357\277\275\357\277\275\357\277\275y')"; then
  ok "xml_forbidden_characters: a title from records with \\u0001, \\ufffe, \\uffff, \\ud800, \\b: controls dropped, the others U+FFFD"
fi

# ------------------------------------------------------------ 4: endless input

endless=$tmp/endless
mkdir "$endless"
# Address space limited so that a regression cannot exhaust the machine's
# memory (not under ASan, which reserves terabytes of it).
rc=0
case $CG in
  *asan*) timeout 60 "$CG" extract -q /dev/zero > "$endless/zero.out" 2> "$endless/zero.err" || rc=$? ;;
  *) (ulimit -v 2000000; exec timeout 60 "$CG" extract -q /dev/zero) > "$endless/zero.out" 2> "$endless/zero.err" || rc=$? ;;
esac
if [ "$rc" -eq 1 ] && grep -q '/dev/zero: .*size limit of 256 MiB' "$endless/zero.err" && [ ! -s "$endless/zero.out" ]; then
  ok "endless_input: extract /dev/zero stops at the 256 MiB limit (exit 1, $(cut -c 1-90 "$endless/zero.err"))"
else
  fail "endless_input: extract /dev/zero: exit $rc ($(head -c 200 "$endless/zero.err"))"
fi
rc=0
case $CG in
  *asan*) timeout 60 "$CG" text /dev/zero > /dev/null 2> "$endless/text.err" || rc=$? ;;
  *) (ulimit -v 2000000; exec timeout 60 "$CG" text /dev/zero) > /dev/null 2> "$endless/text.err" || rc=$? ;;
esac
if [ "$rc" -eq 1 ] && grep -q '/dev/zero: more than the size limit of 256 MiB' "$endless/text.err"; then
  ok "endless_input: citegraph text /dev/zero stops at the limit too"
else
  fail "endless_input: citegraph text /dev/zero: exit $rc ($(head -c 200 "$endless/text.err"))"
fi
run zero1m extract -q --max-size 1M /dev/zero
expect zero1m 1 "size limit of 1 MiB (--max-size)" && ok "endless_input: --max-size 1M /dev/zero: exit 1 with the limit named"
truncate -s 300M "$endless/big.txt"
rc=0
timeout 20 "$CG" extract -q "$endless/big.txt" > "$endless/big.out" 2> "$endless/big.err" || rc=$?
if [ "$rc" -eq 1 ] && grep -q "big.txt: 300 MiB, more than the size limit of 256 MiB" "$endless/big.err"; then
  ok "size_limit: a 300 MiB file is refused before it is read ($(cut -c 1-100 "$endless/big.err"))"
else
  fail "size_limit: a 300 MiB file: exit $rc ($(head -c 200 "$endless/big.err"))"
fi
run bigok extract -q --max-size 1G "$endless/big.txt"
rm -f "$endless/big.txt"
expect bigok 1 "binary file" && ok "size_limit: --max-size 1G lets it be read (then skipped as binary)"
for v in 0 -1 1X 1.5M 99999999999999999999 2T; do
  run "maxsize_$v" extract --max-size "$v" "$SEED"
  expect "maxsize_$v" 2 "--max-size" || continue
done
[ "$rc" -eq 2 ] && ok "size_limit: bad --max-size values (0, -1, 1X, 1.5M, 99999999999999999999, 2T) are usage errors"

# Ctrl-C and SIGTERM while a read waits on a FIFO that never ends.
for sig in INT TERM; do
  mkfifo "$endless/in.$sig"
  sleep 60 > "$endless/in.$sig" &
  writer=$!
  bg_pids="$bg_pids $writer"
  # timeout passes the signal on, and kills the program if it hangs. The
  # sanitized build's leak check is left out here: in two runs of make asan
  # it did not exit after "interrupted after 1 files" (the run had ended)
  # until the timeout killed it, and the check at exit is all that is left
  # to run then. The build without sanitizers has not hung so, and every
  # other test checks leaks.
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    timeout -s KILL 20 "$CG" extract -q - < "$endless/in.$sig" > "$endless/sig.out" 2> "$endless/sig.err" &
  prog=$!
  sleep 1
  kill -"$sig" "$prog" 2> /dev/null || :
  rc=0
  wait "$prog" || rc=$?
  kill "$writer" 2> /dev/null || :
  if [ "$rc" -eq 130 ] && grep -q interrupted "$endless/sig.err"; then
    ok "signal_while_reading: SIG$sig during a blocked read exits 130"
  else
    fail "signal_while_reading: SIG$sig during a blocked read: exit $rc ($(head -c 200 "$endless/sig.err"))"
  fi
done

# Ctrl-C while the graph is written into a FIFO nobody reads: the write
# waits; SIGINT must end it with 130, not 0.
mkfifo "$endless/slow"
sleep 60 < "$endless/slow" &
reader=$!
bg_pids="$bg_pids $reader"
timeout -s KILL 30 "$CG" graph -q tests/golden -o "$endless/slow" --format graphml > /dev/null 2> "$endless/w.err" &
prog=$!
sleep 3
kill -INT "$prog" 2> /dev/null || :
rc=0
wait "$prog" || rc=$?
kill "$reader" 2> /dev/null || :
if [ "$rc" -eq 130 ] && grep -q interrupted "$endless/w.err"; then
  ok "sigint_during_write: Ctrl-C while the output waits exits 130 ($(tail -n 1 "$endless/w.err"))"
else
  fail "sigint_during_write: exit $rc, want 130 ($(head -c 200 "$endless/w.err"))"
fi
# Ctrl-C at any moment of a run into a regular file: exit 0 with the whole
# file, or 130 with the old file or the whole new one; never a part, never
# a temporary file left.
echo old > "$endless/g.graphml"
half=0
for delay in 0.2 0.4 0.6 0.8 1.0 1.3; do
  timeout -s KILL 60 "$CG" graph -q -j 2 tests/golden tests/heldout tests/multilingual -o "$endless/g.graphml" 2> /dev/null &
  prog=$!
  sleep "$delay"
  kill -INT "$prog" 2> /dev/null || :
  rc=0
  wait "$prog" || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 130 ]; then
    fail "sigint_half_written: interrupted after $delay s: exit $rc"; half=1
  elif [ "$(cat "$endless/g.graphml")" != old ] &&
       ! "$PY" tests/safety_check.py graphml "$endless/g.graphml" > /dev/null 2>&1; then
    fail "sigint_half_written: interrupted after $delay s (exit $rc): the file is not whole"; half=1
  fi
done
left=$(find "$endless" -name '*.tmp.*')
if [ -n "$left" ]; then fail "sigint_half_written: temporary files left: $left"
elif [ "$half" = 0 ]; then ok "sigint_half_written: Ctrl-C at six moments: each time the old file or a whole one, exit 0 or 130"; fi

# ------------------------------------------------------------ 5: write errors

if [ -w /dev/full ]; then
  for cmd in "top -q $SEED" "extract -q $SEED" "graph -q $SEED -o - --format graphml" \
             "--help" "extract --help" "top --help" "--version"; do
    rc=0
    # shellcheck disable=SC2086
    "$CG" $cmd > /dev/full 2> "$tmp/full.err" || rc=$?
    if [ "$rc" -ne 0 ] && grep -q 'standard output: .*No space left on device' "$tmp/full.err"; then
      ok "write_error_ignored: citegraph $cmd > /dev/full exits $rc with a message"
    else
      fail "write_error_ignored: citegraph $cmd > /dev/full: exit $rc ($(head -c 200 "$tmp/full.err"))"
    fi
  done
  run fullo graph -q "$SEED" -o /dev/full --format graphml
  expect fullo 1 "No space left on device" && ok "write_error_ignored: graph -o /dev/full exits 1 with a message"
else
  skip "write_error_ignored: no /dev/full"
fi

# ------------------------------------------------------------ 6: chunk boundaries

chunk=$tmp/chunk
mkdir "$chunk"
"$PY" -c "print('resolution 1 (1946), '*50000)" > "$chunk/a.txt"
run chunk1 extract -q "$chunk/a.txt"
if expect chunk1 0 && reads "citation_lost_at_chunk_boundary" citations "$tmp/chunk1.out" 50000 21; then
  ok "citation_lost_at_chunk_boundary: 'resolution 1 (1946), ' x 50000 gives 50,000 citations"
fi
"$PY" -c "print('A/79/5 '*300000)" > "$chunk/b.txt"
run chunk2 extract -q "$chunk/b.txt"
if expect chunk2 0 && reads "citation_lost_at_chunk_boundary (symbols)" citations "$tmp/chunk2.out" 300000 7; then
  ok "citation_lost_at_chunk_boundary: 300,000 symbols without a break give 300,000 citations"
fi
"$PY" -c "print('Recalling General Assembly resolution 61/144. '*60000)" > "$chunk/c.txt"
run chunk3 extract -q "$chunk/c.txt"
n=$(grep -c '"target":"A/RES/61/144"' "$tmp/chunk3.out" || :)
if [ "$n" -eq 60000 ]; then ok "citation_lost_at_chunk_boundary: 60,000 sentences give 60,000 citations"
else fail "citation_lost_at_chunk_boundary: 60,000 sentences give $n citations"; fi

# ------------------------------------------------------------ 7: the minor ones

walk=$tmp/walk
mkdir "$walk"
printf 'Recalling resolution 61/144 of the General Assembly,\n' > "$walk/a.txt"
ln -s loop "$walk/loop"
ln -s missing "$walk/dangling"
run loop extract -q "$walk"
if expect loop 1 "$walk/loop: symbolic link loop, skipped" && grep -q "$walk/dangling: " "$tmp/loop.err" &&
   grep -q '"target":"A/RES/61/144"' "$tmp/loop.out"; then
  ok "symlink_loop_silent: a link loop and a dangling link in a folder are reported; the rest is read"
fi

fm=$tmp/fm
mkdir "$fm"
printf '%s\n' '---' 'symbol: "A/RES/80/10"' 'title: "A \"quoted\" title"' '---' '' 'Text.' > "$fm/dq.md"
printf '%s\n' '---' "symbol: 'A/RES/80/11'" "title: 'It''s decoded'" 'date: 2025-10-01 # a comment' '---' '' 'Text.' > "$fm/sq.md"
printf '%s\n' '---' 'symbol: A/RES/80/12' 'title: >-' '  Folded over' '  two lines' '---' '' 'Text.' > "$fm/fold.md"
run fmyaml extract -q "$fm/dq.md" "$fm/sq.md" "$fm/fold.md"
if expect fmyaml 0 && grep -q '"self":"A/RES/80/10",.*"title":"A \\"quoted\\" title"' "$tmp/fmyaml.out" &&
   grep -q '"self":"A/RES/80/11",.*"date":"2025-10-01","title":"It'"'"'s decoded"' "$tmp/fmyaml.out" &&
   grep -q '"title":"Folded over two lines"' "$tmp/fmyaml.out"; then
  ok "front_matter_not_yaml: \\\" and '' are decoded, comments dropped, folded scalars joined"
else
  fail "front_matter_not_yaml: $(grep -o '"self":[^,]*,.*"title":[^,]*' "$tmp/fmyaml.out" | tr '\n' ' ')"
fi

cp -R refs "$tmp/hugerefs"
truncate -s 100M "$tmp/hugerefs/instruments/huge.yaml"
rc=0
timeout 10 "$CG" extract --refs "$tmp/hugerefs" "$SEED" > /dev/null 2> "$tmp/huge.err" || rc=$?
rm -rf "$tmp/hugerefs"
if [ "$rc" -eq 2 ] && grep -q 'huge.yaml: 100 MiB, more than the 4 MiB a catalogue file may have' "$tmp/huge.err"; then
  ok "huge_catalogue: a 100 MiB catalogue file is refused at once (exit 2, $(cut -c 1-100 "$tmp/huge.err"))"
else
  fail "huge_catalogue: exit $rc ($(head -c 200 "$tmp/huge.err"))"
fi

bad=0
for args in "top -n 99999999999999999999" "top -n -1" "top -n 1e3" "top -n ''" \
            "graph -o $tmp/n.graphml --top 99999999999999999999" "graph -o $tmp/n.graphml --top 0" \
            "extract -j 99999999999999999999" "top --years 1990-99999999999999999999" \
            "graph -o $tmp/n.graphml --years 1999-1990" "top --years 19x0-1999" \
            "extract --max-size 99999999999999999999"; do
  # shellcheck disable=SC2086
  eval "set -- $args"
  run numeric "$@" "$SEED"
  if [ "$rc" -ne 2 ]; then
    fail "numeric_overflow_accepted: citegraph $args: exit $rc, want 2 ($(head -c 120 "$tmp/numeric.err"))"
    bad=1
  fi
done
[ "$bad" = 0 ] && ok "numeric_overflow_accepted: out-of-range and malformed numbers are usage errors (exit 2)"
[ -e "$tmp/n.graphml" ] && fail "numeric_overflow_accepted: a refused command wrote its output"

for cmd in top graph; do
  extra=""
  [ "$cmd" = graph ] && extra="-o $tmp/k.graphml"
  # shellcheck disable=SC2086
  run kind $cmd --kind treatise $extra "$SEED"
  expect kind 2 "unknown --kind 'treatise'" && grep -q "resolution, decision, treaty, provision, symbol, document" "$tmp/kind.err" &&
    ok "unknown_kind_accepted: $cmd --kind treatise: exit 2, the kinds listed"
  # shellcheck disable=SC2086
  run body $cmd --body XYZ $extra "$SEED"
  expect body 2 "unknown --body 'XYZ'" && grep -q " GA" "$tmp/body.err" && grep -q " SC" "$tmp/body.err" &&
    ok "unknown_body_accepted: $cmd --body XYZ: exit 2, the catalogue's bodies listed"
done
run bodycase top -q --body sc --format tsv examples/S_RES_678_1990.en.txt
if expect bodycase 0 && [ "$(awk -F'\t' 'NR > 1 && $5 != "SC"' "$tmp/bodycase.out" | wc -l)" -eq 0 ] &&
   [ "$(wc -l < "$tmp/bodycase.out")" -gt 1 ]; then
  ok "unknown_body_accepted: --body sc is the catalogue's SC"
fi

# top --years like graph.
run years_graph graph -q examples -o "$tmp/years.json"
run years_top top -q -n 0 --years 1990-1999 --kind all --format json examples
if expect years_top 0 && "$PY" - "$tmp/years.json" "$tmp/years_top.out" > "$tmp/years.check" 2>&1 <<'EOF'
import json, sys
g = json.load(open(sys.argv[1]))
want = sorted(n["id"] for n in g["nodes"] if n["year"] and 1990 <= n["year"] <= 1999 and n["citations"] > 0)
got = sorted(r["id"] for r in json.load(open(sys.argv[2])))
adopted = {l["target"] for l in g["links"] if l["type"] == "adopted_by"}
want = [i for i in want if i not in adopted or i in got]
if got != want or not got:
    print("top --years 1990-1999 lists %r, want %r" % (got[:6], want[:6]))
    sys.exit(1)
EOF
then ok "top_years: top --years 1990-1999 lists exactly the vertices dated in those years"
else fail "top_years: $(head -c 300 "$tmp/years.check")"; fi

run jsonl top -q --format jsonl -n 5 "$SEED"
run jsonarr top -q --format json -n 5 "$SEED"
if expect jsonl 0 && reads "top_jsonl" jsonl "$tmp/jsonl.out" &&
   "$PY" -c 'import json,sys; a=json.load(open(sys.argv[1])); b=[json.loads(l) for l in open(sys.argv[2])]; sys.exit(a != b or len(b) != 5)' \
     "$tmp/jsonarr.out" "$tmp/jsonl.out"; then
  ok "top_jsonl: top --format jsonl writes the JSON array's objects one per line"
else
  fail "top_jsonl: $(head -c 200 "$tmp/jsonl.out")"
fi

# The man page and bash completion are installed. The build settings of a
# make that runs this script (make asan's CC, CFLAGS, LDFLAGS and BUILD come
# in the environment) are left out, so that the install does not relink
# ./citegraph with them.
inst=$tmp/inst
if env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CC -u CFLAGS -u LDFLAGS -u BUILD \
    ${MAKE:-make} -s install DESTDIR="$inst" PREFIX=/usr/local > "$tmp/install.out" 2>&1; then
  man1=$inst/usr/local/share/man/man1/citegraph.1
  comp=$inst/usr/local/share/bash-completion/completions/citegraph
  if [ ! -s "$man1" ]; then
    fail "man_page: make install did not install share/man/man1/citegraph.1"
  elif ! groff -man -Tutf8 -ww -z "$man1" 2> "$tmp/groff.err" || [ -s "$tmp/groff.err" ]; then
    fail "man_page: groff warns: $(head -c 200 "$tmp/groff.err")"
  elif ! MANWIDTH=80 man -l "$man1" 2> /dev/null | grep -q -e '--max-size'; then
    fail "man_page: man -l does not show --max-size"
  else
    ok "man_page: make install puts citegraph.1, groff reads it without a warning"
  fi
  if [ ! -s "$comp" ]; then
    fail "bash_completion: make install did not install share/bash-completion/completions/citegraph"
  elif words=$(bash -c '. "$1"; COMP_WORDS=(citegraph gr); COMP_CWORD=1; _citegraph; echo "${COMPREPLY[*]}";
                        COMP_WORDS=(citegraph graph --f); COMP_CWORD=2; _citegraph; echo "${COMPREPLY[*]}";
                        COMP_WORDS=(citegraph graph --format ""); COMP_CWORD=3; _citegraph; echo "${COMPREPLY[*]}";
                        COMP_WORDS=(citegraph top --by ""); COMP_CWORD=3; _citegraph; echo "${COMPREPLY[*]}"' _ "$comp" 2>&1) &&
       [ "$(echo "$words" | sed -n 1p)" = graph ] && [ "$(echo "$words" | sed -n 2p)" = "--format --from" ] &&
       echo "$words" | sed -n 3p | grep -q 'graphml.*svg' && echo "$words" | sed -n 4p | grep -q 'cocitation'; then
    ok "bash_completion: commands, options and their values complete"
  else
    fail "bash_completion: $(echo "$words" | tr '\n' '|')"
  fi
else
  fail "man_page: make install failed: $(tail -n 3 "$tmp/install.out")"
fi

echo "safety: $pass passed, $failn failed${skipn:+, $skipn skipped}" | sed 's/, 0 skipped$//'
[ "$failn" -eq 0 ]
