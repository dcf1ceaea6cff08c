#!/bin/sh
# Graphs from records: `citegraph graph` and `top` read the JSON Lines that
# `extract` writes. The corpus (tests/golden, tests/heldout,
# tests/multilingual) is split into three shards extracted separately; their
# records, concatenated, read from a file, a folder or standard input, must
# give byte for byte the GraphML (and every other export, and the ranking)
# of the texts. Records that are cut short or out of order are errors.
set -eu
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.."
bin=${CITEGRAPH:-./citegraph}
CITEGRAPH_REFS=refs
export CITEGRAPH_REFS
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

failn=0
ok() { echo "ok   $*"; }
fail() { failn=$((failn + 1)); echo "FAIL $*"; }
same() { # WHAT A B
  if cmp -s "$2" "$3"; then ok "$1"; else fail "$1 ($2 and $3 differ)"; fi
}

corpus="tests/golden tests/heldout tests/multilingual"
# shellcheck disable=SC2086
"$bin" graph -q $corpus -o "$tmp/texts.graphml"
# shellcheck disable=SC2086
"$bin" graph -q $corpus -o "$tmp/texts.json"
# shellcheck disable=SC2086
"$bin" top -q --format tsv --kind all -n 100000 $corpus > "$tmp/texts.top"

# The files in the order a run reads them, cut into three shards.
# shellcheck disable=SC2086
"$bin" extract -q $corpus > "$tmp/all.jsonl"
grep '^{"record":"document"' "$tmp/all.jsonl" |
  sed 's/.*"file":"\([^"]*\)".*/\1/' > "$tmp/files"
n=$(wc -l < "$tmp/files")
per=$(( (n + 2) / 3 ))
split -l "$per" -d "$tmp/files" "$tmp/shard."
mkdir "$tmp/records"
j=1
for s in "$tmp"/shard.0*; do
  # Each shard by itself, with its own number of workers.
  xargs "$bin" extract -q -j "$j" < "$s" > "$tmp/records/part-$j.jsonl"
  j=$((j + 1))
done
[ "$j" -eq 4 ] && ok "three shards" || fail "$((j - 1)) shards"
cat "$tmp"/records/part-*.jsonl > "$tmp/concat.jsonl"
same "the shards' records are the whole run's" "$tmp/all.jsonl" "$tmp/concat.jsonl"

"$bin" graph -q "$tmp/concat.jsonl" -o "$tmp/records.graphml"
same "GraphML from the concatenated records" "$tmp/texts.graphml" "$tmp/records.graphml"
"$bin" graph -q "$tmp/records" -o "$tmp/folder.graphml"
same "GraphML from a folder of records" "$tmp/texts.graphml" "$tmp/folder.graphml"
"$bin" graph -q - -o "$tmp/stdin.graphml" < "$tmp/concat.jsonl"
same "GraphML from records on standard input" "$tmp/texts.graphml" "$tmp/stdin.graphml"
"$bin" graph -q --from records -j 1 "$tmp"/records/part-*.jsonl -o "$tmp/named.json"
same "JSON export from records named with --from records" "$tmp/texts.json" "$tmp/named.json"
"$bin" top -q --format tsv --kind all -n 100000 "$tmp/records" > "$tmp/records.top"
same "top from records" "$tmp/texts.top" "$tmp/records.top"

# Blank lines and unknown members are allowed (records may gain fields).
sed 's/^{"record":"document",/{"record":"document","format":"text",/' "$tmp/concat.jsonl" |
  awk '{ print; if (NR % 7 == 0) print "" }' > "$tmp/extended.jsonl"
"$bin" graph -q "$tmp/extended.jsonl" -o "$tmp/extended.graphml"
same "records with blank lines and new members" "$tmp/texts.graphml" "$tmp/extended.graphml"

# A shard cut short is an error, not a smaller graph.
head -n 20 "$tmp/concat.jsonl" > "$tmp/cut.jsonl"
rc=0
"$bin" graph -q "$tmp/cut.jsonl" -o "$tmp/cut.graphml" 2> "$tmp/cut.err" || rc=$?
if [ "$rc" -eq 1 ] && grep -q 'cut.jsonl:[0-9]*:1: document .* announces [0-9]* citations but [0-9]* follow it' "$tmp/cut.err"; then
  ok "a truncated shard is reported with its line"
else fail "truncated shard: status $rc, $(cat "$tmp/cut.err")"; fi
# A citation whose document record is missing.
grep '"record":"citation"' "$tmp/concat.jsonl" | head -n 3 > "$tmp/orphan.jsonl"
rc=0
"$bin" graph -q --from records "$tmp/orphan.jsonl" -o "$tmp/o.graphml" 2> "$tmp/orphan.err" || rc=$?
if [ "$rc" -eq 1 ] && grep -q 'orphan.jsonl:1:1: citation of .* without its document record' "$tmp/orphan.err"; then
  ok "a citation without its document record"
else fail "orphan citation: status $rc, $(cat "$tmp/orphan.err")"; fi
# Not JSON, named as records: the place is the first line not blank (3).
rc=0
"$bin" top -q --from records tests/golden/ctoc-cop-res-10-3.es.md > /dev/null 2> "$tmp/text.err" || rc=$?
if [ "$rc" -eq 1 ] && grep -q 'ctoc-cop-res-10-3.es.md:3:1: expected a JSON object' "$tmp/text.err"; then
  ok "a text named as records is an error with its place"
else fail "text as records: status $rc, $(cat "$tmp/text.err")"; fi
# Records named as texts are read as a text: no citation in them.
"$bin" top -q --from texts --format tsv "$tmp/concat.jsonl" > "$tmp/astext.top"
if [ "$(wc -l < "$tmp/astext.top")" -lt "$(wc -l < "$tmp/texts.top")" ]; then
  ok "--from texts reads records as a text"
else fail "--from texts"; fi
rc=0
"$bin" graph --from pdf x -o "$tmp/x.graphml" 2> "$tmp/from.err" || rc=$?
if [ "$rc" -eq 2 ] && grep -q "unknown --from 'pdf'" "$tmp/from.err"; then ok "--from with a bad value"
else fail "--from pdf: status $rc"; fi

[ "$failn" -eq 0 ] && echo "records: all checks passed" || { echo "records: $failn failed"; exit 1; }
