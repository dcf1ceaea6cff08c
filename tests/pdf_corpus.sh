#!/bin/sh
# All the official PDFs of ../shared/corpus/ga-res-pdf (not part of make
# check: it reads 243 files, about 20 s):
#   - how many give their own symbol (A_RES_80_N.pdf -> A/RES/80/N) as
#     self from the document itself (--id-from-name off);
#   - for those with a text version in ../shared/corpus/ga-res-80, how many
#     give the same set of targets, and the same number of mentions;
#   - pages per second of citegraph extract over the folder.
#   tests/pdf_corpus.sh [PDF_DIR [TEXT_DIR]]
set -eu
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${CITEGRAPH:-$top/citegraph}
export CITEGRAPH_REFS="${CITEGRAPH_REFS:-$top/refs}"
pdfs=${1:-$top/../shared/corpus/ga-res-pdf}
texts=${2:-$top/../shared/corpus/ga-res-80}
jobs=${JOBS:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
[ -d "$pdfs" ] || { echo "no folder $pdfs"; exit 1; }

t0=$(date +%s.%N)
"$bin" extract -q -j "$jobs" --id-from-name off --format tsv "$pdfs" > "$tmp/all.tsv"
"$bin" extract -q -j "$jobs" --id-from-name off "$pdfs" > "$tmp/all.jsonl"
t1=$(date +%s.%N)

python3 - "$tmp/all.jsonl" "$texts" "$bin" "$t0" "$t1" "$pdfs" <<'PY'
import collections, json, os, re, subprocess, sys
path, texts, binary, t0, t1, pdfs = sys.argv[1:]
docs, targets = {}, collections.defaultdict(collections.Counter)
for line in open(path, encoding='utf-8'):
    r = json.loads(line)
    if r['record'] == 'document':
        docs[r['file']] = r
        cur = r['file']
    elif r['target']:
        targets[cur][r['target']] += 1
pdf_docs = {f: d for f, d in docs.items() if f.endswith('.pdf')}
own, pages, missed = 0, 0, []
for f, d in sorted(pdf_docs.items()):
    m = re.search(r'A_RES_80_(\d+)\.pdf$', f)
    want = 'A/RES/80/' + m.group(1) if m else None
    pages += d.get('pages', 0)
    if d['self'] == want:
        own += 1
    else:
        missed.append((os.path.basename(f), d['self']))
print('own symbol as self: %d/%d' % (own, len(pdf_docs)))
for name, got in missed:
    print('  %s: self %s' % (name, got))
same_set = same_count = n = 0
for f in sorted(os.listdir(texts)) if os.path.isdir(texts) else []:
    if not f.endswith('.md'):
        continue
    pdf = os.path.join(pdfs, f[:-3] + '.pdf')
    key = [k for k in pdf_docs if os.path.samefile(k, pdf)] if os.path.exists(pdf) else []
    if not key:
        continue
    n += 1
    out = subprocess.run([binary, 'extract', '-q', '--id-from-name', 'off',
                          os.path.join(texts, f)], capture_output=True, check=True).stdout
    t = collections.Counter(json.loads(l)['target'] for l in out.decode().splitlines()
                            if json.loads(l)['record'] == 'citation' and json.loads(l)['target'])
    p = targets[key[0]]
    same_set += set(t) == set(p)
    same_count += t == p
    if set(t) != set(p):
        print('  %s: text only %s, pdf only %s' % (f[:-3], sorted(set(t) - set(p)), sorted(set(p) - set(t))))
print('targets as in the text version: %d/%d same set, %d/%d same mentions' % (same_set, n, same_count, n))
el = float(t1) - float(t0)
print('pages: %d; two extract runs over the folder: %.1f s, %.0f pages/s' % (pages, el, 2 * pages / el))
PY
