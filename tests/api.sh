#!/bin/sh
# A program that uses only include/citegraph.h (tests/api/corpus_top.c) runs
# a corpus: its records must equal `citegraph extract` and its ranking
# `citegraph top`, byte for byte.
#
#   tests/api.sh BUILD-DIR     # where corpus_top was built (make api)
set -eu
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.."
prog=${1:-build}/corpus_top
bin=${CITEGRAPH:-./citegraph}
CITEGRAPH_REFS=refs
export CITEGRAPH_REFS
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

failn=0
ok() { echo "ok   $*"; }
fail() { failn=$((failn + 1)); echo "FAIL $*"; }

"$prog" refs "$tmp/records.jsonl" tests/golden tests/heldout > "$tmp/top.txt" 2> "$tmp/err"
"$bin" extract -q tests/golden tests/heldout > "$tmp/extract.jsonl"
"$bin" top -q tests/golden tests/heldout > "$tmp/cli-top.txt"
if cmp -s "$tmp/records.jsonl" "$tmp/extract.jsonl"; then ok "records equal citegraph extract"
else fail "records differ from citegraph extract"; fi
if cmp -s "$tmp/top.txt" "$tmp/cli-top.txt"; then ok "ranking equals citegraph top"
else fail "ranking differs from citegraph top"; diff "$tmp/top.txt" "$tmp/cli-top.txt" | head -10; fi
if grep -q '^corpus_top: [1-9][0-9]* files, [1-9][0-9]* documents, 0 failed$' "$tmp/err"; then
  ok "the run's figures"
else fail "the run's figures: $(cat "$tmp/err")"; fi
# A missing file is reported through the message callback; the rest is run.
rc=0
"$prog" refs "$tmp/r2.jsonl" tests/golden/no-such-file tests/golden > /dev/null 2> "$tmp/err2" || rc=$?
if [ "$rc" -eq 1 ] && grep -q 'no-such-file: No such file or directory' "$tmp/err2"; then
  ok "a missing file is a message, not the end of the run"
else fail "missing file: status $rc, $(cat "$tmp/err2")"; fi

[ "$failn" -eq 0 ] && echo "api: all checks passed" || { echo "api: $failn failed"; exit 1; }
