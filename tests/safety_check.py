#!/usr/bin/python3
"""Readers for tests/safety.sh: each subcommand parses a file the way its
consumer does and checks what the safety tests need.

    safety_check.py graphml FILE [TITLE]   networkx reads it; with TITLE, some
                                          vertex has exactly that title
    safety_check.py svg FILE               xml.etree reads it; inert: no
                                          script, no on* attribute, every link
                                          a plain https://undocs.org/ URL
    safety_check.py xmlchars FILE          no character XML 1.0 forbids
    safety_check.py json FILE              one JSON document
    safety_check.py jsonl FILE             one JSON object per line
    safety_check.py citations FILE N STEP  JSON Lines records with N citations
                                          starting every STEP bytes

Exits 0 when the file passes, else prints why and exits 1. Needs Debian's
python3-networkx (/usr/bin/python3).
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

XLINK = "{http://www.w3.org/1999/xlink}href"
SAFE_URL = re.compile(r"^https://undocs\.org/[A-Za-z0-9/._()+%~:-]*$")
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def die(msg):
    print(msg)
    sys.exit(1)


def graphml(path, title=None):
    import networkx as nx
    g = nx.read_graphml(path)
    if title is not None:
        titles = [d.get("title") for _, d in g.nodes(data=True)]
        if title not in titles:
            die("no vertex titled %r; titles: %r" % (title, titles[:8]))
    print("%d nodes, %d edges" % (g.number_of_nodes(), g.number_of_edges()))


def svg(path):
    root = ET.parse(path).getroot()
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1].lower()
        if tag in ("script", "foreignobject", "iframe", "object", "embed"):
            die("active element <%s>" % tag)
        for name, value in el.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                die("event attribute %s=%r on <%s>" % (local, value, tag))
            if name == XLINK or local == "href":
                if not SAFE_URL.match(value):
                    die("link %r is not a plain undocs.org URL" % value)
    print("svg ok")


def xmlchars(path):
    text = open(path, "rb").read().decode("utf-8", "surrogatepass")
    m = FORBIDDEN.search(text)
    if m:
        die("U+%04X at character %d" % (ord(m.group()), m.start()))
    print("no forbidden character")


def jsonfile(path):
    json.load(open(path, encoding="utf-8"))
    print("json ok")


def jsonl(path):
    n = 0
    for line in open(path, encoding="utf-8"):
        if not isinstance(json.loads(line), dict):
            die("line %d is not an object" % (n + 1))
        n += 1
    print("%d objects" % n)


def citations(path, want, step):
    starts = []
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        if rec["record"] == "citation":
            starts.append(rec["start"])
    if len(starts) != want:
        missing = [s for a, s in zip(starts, starts[1:]) if s - a != step]
        die("%d citations, want %d; gaps before %r" % (len(starts), want, missing[:5]))
    bad = [s for i, s in enumerate(starts) if s != i * step]
    if bad:
        die("citations out of place at %r" % bad[:5])
    print("%d citations" % want)


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    try:
        if cmd == "graphml":
            graphml(*args)
        elif cmd == "svg":
            svg(*args)
        elif cmd == "xmlchars":
            xmlchars(*args)
        elif cmd == "json":
            jsonfile(*args)
        elif cmd == "jsonl":
            jsonl(*args)
        elif cmd == "citations":
            citations(args[0], int(args[1]), int(args[2]))
        else:
            die("unknown subcommand " + cmd)
    except SystemExit:
        raise
    except Exception as e:  # a reader's refusal is the finding
        die("%s: %s" % (type(e).__name__, e))


main()
