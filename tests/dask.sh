#!/bin/sh
# Beyond one machine: a Dask cluster (Debian's python3-dask and
# python3-distributed; a LocalCluster of three worker processes) maps
# `citegraph extract` over shards of tests/golden, tests/heldout and
# tests/multilingual; `citegraph graph` over the gathered records must give
# byte for byte the GraphML of one direct run over the texts.
set -eu
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.."
top=$(pwd)
bin=${CITEGRAPH:-./citegraph}
py=/usr/bin/python3
CITEGRAPH_REFS=$top/refs
export CITEGRAPH_REFS
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

corpus="tests/golden tests/heldout tests/multilingual"
# shellcheck disable=SC2086
"$bin" graph -q $corpus -o "$tmp/direct.graphml"
# shellcheck disable=SC2086
"$py" tests/dask_run.py "$bin" "$tmp/records.jsonl" 3 7 "$tmp" $corpus > "$tmp/dask.out"
cat "$tmp/dask.out"
"$bin" graph -q "$tmp/records.jsonl" -o "$tmp/dask.graphml"
status=0
if cmp -s "$tmp/direct.graphml" "$tmp/dask.graphml"; then
  echo "ok   GraphML from the records gathered by Dask equals the direct run"
else
  echo "FAIL GraphML from the Dask records differs from the direct run"; status=1
fi
if grep -q 'on 3 worker processes ([23] used)' "$tmp/dask.out"; then
  echo "ok   the shards ran on several worker processes"
else
  echo "FAIL the shards did not spread over the workers"; status=1
fi
[ "$status" -eq 0 ] && echo "dask: all checks passed"
exit "$status"
