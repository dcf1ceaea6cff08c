#!/usr/bin/python3
"""Checks the catalogue's Treaty Series numbers against the footnotes of
real General Assembly resolutions; run by tests/treaty_series.sh.

    treaty_series_check.py CITEGRAPH REFS DIR

In each DIR/*.md, a footnote of the form "United Nations, Treaty Series,
vol. V, No. N" (or "Ibid., vol. V, No. N" after such a footnote) whose
marker stands right after an instrument's title in the text ("the Antarctic
Treaty[^7]", "(Treaty of Tlatelolco)1", "Central Asia,6", "Organized Crime
5 and", the superscripts of the PDF text) says which instrument carries that
volume and number. `citegraph extract` gives the Treaty Series citation's
target in the footnote (the catalogue's instrument for (V, N), or UNTS/N
when it has none) and the title citation's target at the marker; they must
name the same instrument:

- the same target: the footnote confirms the catalogue's number;
- two catalogued instruments: a failure, unless one's English title ends
  with the other's ("Protocol to the Treaty on a Nuclear-Weapon-Free Zone in
  Central Asia"): a marker after both titles may belong to either, so the
  pair is listed as nested and confirms nothing;
- UNTS/N for a title whose instrument the catalogue registers under
  another number: a failure; for one it gives no number: listed as missing.

Prints each failure with the file, the footnote and both instruments, the
footnotes no catalogued title precedes, and how many catalogue numbers were
confirmed; exits 1 on a failure. VERBOSE=1 prints every pair read. Needs
Debian's python3-yaml (the catalogue's numbers and titles).
"""
import glob
import json
import os
import re
import subprocess
import sys

import yaml

# One volume and one number, not "vols. 2171 and 2173" or "Nos. 970-973".
TS_REF = re.compile(
    r"(United Nations, Treaty Series|Ibid\.),\s+vol\.\s+(\d+),\s+No\.\s+(\d+)\b")
FOOTNOTE_DEF = re.compile(rb"^\[\^(\d+)\]:", re.M)
# Between a title and its marker: closing brackets, quotes, emphasis and the
# punctuation a PDF extraction leaves before a superscript ("Asia,6").
CLOSERS = b")]\xe2\x80\x9d\"'*_,;:."
# A Markdown marker, or the bare number a PDF superscript became (one or two
# spaces may stand before it); not a date, a symbol or a longer number.
MARKER = re.compile(
    rb"[ \t]{0,2}(?:\[\^(\d+)\](?!:)|(\d{1,3})(?!\d|[/.,:-]\d))")


def words(title):
    return re.findall(r"\w+", title.lower())


def load_catalogue(refs):
    """{(volume, number): id}, {id: (volume, number)} and {id: [English
    titles as word lists]} from the catalogue's YAML, in loading order."""
    by_number, by_id, titles = {}, {}, {}
    paths = sorted(glob.glob(os.path.join(refs, "instruments", "*.yaml")))
    single = os.path.join(refs, "instruments.yaml")
    if os.path.exists(single) or not paths:
        paths.insert(0, single)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        for inst in doc.get("instruments") or []:
            ts = inst.get("treaty_series")
            if ts:
                key = (int(ts["volume"]), int(ts["number"]))
                by_number.setdefault(key, inst["id"])
                by_id[inst["id"]] = key
            names = (inst.get("names") or {}).get("en") or []
            titles[inst["id"]] = [words(n) for n in names]
    return by_number, by_id, titles


def nested(titles, a, b):
    """Whether an English title of a ends with one of b's, or the reverse."""
    for x, y in ((a, b), (b, a)):
        for long in titles.get(x, []):
            for short in titles.get(y, []):
                if len(short) < len(long) and long[-len(short):] == short:
                    return True
    return False


def footnotes(data):
    """{number: (start, text)} of the "[^N]: ..." definitions: a definition
    runs to the next one or to a blank line."""
    defs = list(FOOTNOTE_DEF.finditer(data))
    out = {}
    for k, m in enumerate(defs):
        end = defs[k + 1].start() if k + 1 < len(defs) else len(data)
        blank = data.find(b"\n\n", m.end(), end)
        if blank >= 0:
            end = blank
        text = data[m.end():end].decode("utf-8", "replace")
        out[int(m.group(1))] = (m.start(), " ".join(text.split()))
    return out


def treaty_series_footnotes(notes):
    """{footnote: (volume, number)} of the footnotes that give exactly one
    Treaty Series reference of the form; "Ibid." counts only right after a
    footnote that cites the Treaty Series."""
    out = {}
    previous_ts = False
    for n in sorted(notes):
        text = notes[n][1]
        refs = TS_REF.findall(text)
        is_ts = "United Nations, Treaty Series" in text
        if len(refs) == 1 and "vols." not in text and "Nos." not in text:
            kind, vol, num = refs[0]
            if kind != "Ibid." or previous_ts:
                out[n] = (int(vol), int(num))
                is_ts = True
        elif text.startswith("Ibid.,") and previous_ts and " vol" in text:
            is_ts = True  # "Ibid., vols. 2171 and 2173, No. 27531"
        previous_ts = is_ts
    return out


def marker_after(data, end, limit):
    """The footnote number of a marker right after a title ending at byte
    `end`, or None."""
    i = end
    while i < limit and i - end < 3 and data[i] in CLOSERS:
        i += 1
    m = MARKER.match(data, i, limit)
    if not m:
        return None
    return int(m.group(1) or m.group(2))


def extract(citegraph, refs, path):
    out = subprocess.run([citegraph, "extract", "--refs", refs, path],
                         check=True, stdout=subprocess.PIPE).stdout
    recs = [json.loads(line) for line in out.splitlines() if line.strip()]
    return [r for r in recs if r.get("record") == "citation"]


def main():
    citegraph, refs, folder = sys.argv[1:4]
    verbose = bool(os.environ.get("VERBOSE"))
    by_number, by_id, titles = load_catalogue(refs)
    failures, notes_out = [], []
    confirmed, disputed, cited = set(), set(), set()
    files = sorted(glob.glob(os.path.join(folder, "*.md")))
    pairs = documents = unplaced = 0
    for path in files:
        name = os.path.basename(path)
        with open(path, "rb") as f:
            data = f.read()
        notes = footnotes(data)
        ts = treaty_series_footnotes(notes)
        if not ts:
            continue
        documents += 1
        body_end = min(s for s, _ in notes.values())
        cits = extract(citegraph, refs, path)
        series = {}
        for c in cits:
            if c["kind"] == "treaty_series" and c["footnote"]:
                series.setdefault(c["footnote"], []).append(c["target"])
        seen = set()
        for c in cits:
            if c["kind"] != "treaty" or c["end"] >= body_end or not c["target"]:
                continue
            n = marker_after(data, c["end"], body_end)
            if n not in ts or n in seen:
                continue
            seen.add(n)
            pairs += 1
            vol, num = ts[n]
            cited.add((vol, num))
            title = c["target"]
            where = "%s footnote %d (vol. %d, No. %d)" % (name, n, vol, num)
            text = " ".join(c["text"].split())
            targets = series.get(n, [])
            if verbose:
                print("pair: %s: \"%s\" %s, footnote %s" % (where, text, title,
                                                          targets))
            if len(targets) != 1:
                failures.append("%s: extract found %d Treaty Series citations "
                                "in the footnote, want 1" % (where, len(targets)))
                continue
            given = targets[0]
            if given == title:
                confirmed.add(by_id.get(title, (vol, num)))
            elif given.startswith("UNTS/") and title in by_id:
                v2, n2 = by_id[title]
                failures.append("%s: follows \"%s\" (%s), which the catalogue "
                                "registers as vol. %d, No. %d; no instrument "
                                "has vol. %d, No. %d" % (where, text, title, v2,
                                                          n2, vol, num))
                disputed.add(by_id[title])
            elif given.startswith("UNTS/"):
                notes_out.append("missing: %s: follows \"%s\" (%s), which has "
                                 "no treaty_series in the catalogue"
                                 % (where, text, title))
            elif nested(titles, given, title):
                notes_out.append("nested: %s: follows \"%s\" (%s), whose title "
                                 "and that of %s (the catalogue's for the "
                                 "number) end alike" % (where, text, title,
                                                        given))
            else:
                failures.append("%s: the catalogue gives %s for it, the title "
                                "before the marker (\"%s\") names %s"
                                % (where, given, text, title))
                disputed.add(by_id.get(given, (vol, num)))
        for n, (vol, num) in sorted(ts.items()):
            if n not in seen:
                unplaced += 1
                cited.add((vol, num))
                known = by_number.get((vol, num))
                notes_out.append("unplaced: %s footnote %d (vol. %d, No. %d, "
                                 "%s): no catalogued title right before its "
                                 "marker" % (name, n, vol, num,
                                             known or "not catalogued"))
    if not documents:
        print("FAIL no Treaty Series footnotes in " + folder)
        return 1
    for f in failures:
        print("FAIL " + f)
    for line in notes_out:
        print(line)
    good = sorted(k for k in confirmed if k not in disputed)
    in_catalogue = sorted(k for k in cited if k in by_number)
    for vol, num in in_catalogue:
        if (vol, num) not in confirmed and (vol, num) not in disputed:
            print("unconfirmed: %s (vol. %d, No. %d) is cited in footnotes, "
                  "never right after its title" % (by_number[(vol, num)], vol,
                                                   num))
    print("treaty series: %d documents, %d footnotes right after a title, "
          "%d not" % (documents, pairs, unplaced))
    print("treaty series: %d of the catalogue's %d numbers confirmed by the "
          "footnotes (%d of them cited there); %d disagreements"
          % (len(good), len(by_number), len(in_catalogue), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
