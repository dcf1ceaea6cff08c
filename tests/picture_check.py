#!/usr/bin/env python3
"""Checks a picture written by `citegraph graph -o FILE.svg` as a reader
would look at it:

  picture_check.py FILE.svg [--title TEXT]

- no side of the picture is more than three times the other;
- no text overlaps the text of another vertex (boxes from the SVG: the
  anchor, the font size and about 0.55 em per character, which is wider
  than Helvetica's average);
- every vertex cited by some document ("cited by N documents" in its
  tooltip, N > 0) has an edge in the picture or says how many of its
  citing documents are not drawn;
- there is a legend, and the title (when given) is drawn.
Prints ok/FAIL lines; exits 1 when a check failed."""
import re
import sys
import xml.etree.ElementTree as ET

NS = {"s": "http://www.w3.org/2000/svg", "x": "http://www.w3.org/1999/xlink"}
failed = 0


def check(cond, what, detail=""):
    global failed
    if cond:
        print("ok   " + what)
    else:
        failed += 1
        print("FAIL " + what + (": " + detail if detail else ""))


def points(v):
    return float(re.match(r"[\d.]+", v).group(0))


def main():
    path = sys.argv[1]
    title = None
    if len(sys.argv) > 3 and sys.argv[2] == "--title":
        title = sys.argv[3]
    root = ET.parse(path).getroot()
    w, h = points(root.get("width")), points(root.get("height"))
    ratio = max(w, h) / min(w, h)
    check(ratio <= 3.0, "%s: %.0f x %.0f pt, within 3:1 (%.2f)" % (path, w, h, ratio))

    boxes = []  # (x0, y0, x1, y1, owner)
    nodes = {}
    texts_of = {}
    for g in root.iter("{%s}g" % NS["s"]):
        cls = g.get("class")
        if cls not in ("node", "edge"):
            continue
        t = g.find("s:title", NS)
        name = t.text if t is not None else ""
        if cls == "edge":
            a, _, b = name.partition("->")
            nodes.setdefault(("edge", a), 0)
            nodes.setdefault(("edge", b), 0)
            nodes[("edge", a)] += 1
            nodes[("edge", b)] += 1
            continue
        tip = ""
        for a in g.iter("{%s}a" % NS["s"]):
            tip = a.get("{%s}title" % NS["x"]) or tip
        lines = []
        for tx in g.iter("{%s}text" % NS["s"]):
            s = "".join(tx.itertext())
            lines.append(s)
            fs = float(tx.get("font-size", "14"))
            x, y = float(tx.get("x")), float(tx.get("y"))
            width = 0.55 * fs * len(s)
            anchor = tx.get("text-anchor", "start")
            x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
            boxes.append((x0, y - 0.75 * fs, x0 + width, y + 0.2 * fs, name))
        texts_of[name] = (tip, " ".join(lines))

    # Overlaps, on a grid of cells so that large pictures stay fast.
    cell = 60.0
    grid = {}
    overlaps = []
    for i, (x0, y0, x1, y1, owner) in enumerate(boxes):
        keys = [(cx, cy) for cx in range(int(x0 // cell), int(x1 // cell) + 1)
                for cy in range(int(y0 // cell), int(y1 // cell) + 1)]
        seen = set()
        for k in keys:
            for j in grid.get(k, ()):
                if j in seen:
                    continue
                seen.add(j)
                a = boxes[j]
                if a[4] != owner and x0 < a[2] - 1 and a[0] < x1 - 1 and y0 < a[3] - 1 and a[1] < y1 - 1:
                    overlaps.append((owner, a[4]))
            grid.setdefault(k, []).append(i)
    check(not overlaps, "%s: no label overlaps another (%d texts)" % (path, len(boxes)),
          "; ".join("%s / %s" % o for o in overlaps[:5]))

    alone = []
    cited = 0
    for name, (tip, text) in texts_of.items():
        m = re.search(r"cited by (\d+) document", tip)
        if not m or int(m.group(1)) == 0:
            continue
        cited += 1
        if not nodes.get(("edge", name)) and "not drawn" not in text:
            alone.append(name)
    check(cited > 0 and not alone,
          "%s: each of the %d cited vertices has an edge or a count of what is not drawn"
          % (path, cited), ", ".join(alone[:8]))
    check("legend:" in texts_of, "%s: has a legend" % path)
    if title is not None:
        drawn = texts_of.get("title:", ("", ""))[1]
        check(title in drawn, "%s: the title says '%s'" % (path, title), "drawn: '%s'" % drawn)
    sys.exit(1 if failed else 0)


main()
