#!/bin/sh
# The Python module (python/): installed with pip into a fresh virtual
# environment (Debian's python3-venv, system site packages for networkx; no
# network), then checked against the command line by tests/python_check.py.
# Twice: from build/python (libcitegraph.so and refs/ installed with the
# module) and from python/ alone (the library found through CITEGRAPH_LIB).
#
#   tests/python.sh BUILD-DIR     # after `make python`
set -eu
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.."
top=$(pwd)
build=${1:-build}
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
unset CITEGRAPH_LIB CITEGRAPH_REFS PYTHONPATH || :

status=0
"$py" -m venv --system-site-packages "$tmp/venv"
"$tmp/venv/bin/pip" install -q --no-index --no-build-isolation --no-cache-dir \
  "$build/python" > "$tmp/pip.log" 2>&1 || { cat "$tmp/pip.log"; exit 1; }
echo "python: installed from $build/python (library and refs/ inside)"
(cd "$tmp" && "$tmp/venv/bin/python" "$top/tests/python_check.py" "$top" \
  "$top/citegraph" "$tmp") || status=1

# `pip install ./python`, from a copy so that the source tree stays clean.
cp -r python "$tmp/src"
"$py" -m venv --system-site-packages "$tmp/venv2"
"$tmp/venv2/bin/pip" install -q --no-index --no-build-isolation --no-cache-dir \
  "$tmp/src" > "$tmp/pip2.log" 2>&1 || { cat "$tmp/pip2.log"; exit 1; }
echo "python: installed from python/ (CITEGRAPH_LIB, CITEGRAPH_REFS)"
(cd "$tmp" && CITEGRAPH_LIB="$top/$build/libcitegraph.so" CITEGRAPH_REFS="$top/refs" \
  "$tmp/venv2/bin/python" "$top/tests/python_check.py" "$top" "$top/citegraph" "$tmp") ||
  status=1
[ "$status" -eq 0 ] && echo "python: all checks passed" || echo "python: FAILED"
exit "$status"
