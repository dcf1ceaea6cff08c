#!/usr/bin/env python3
"""How many mentions of commonly named instruments get a target.

For each instrument below, a plain scan counts the places where one of its
English names (as UN texts write them) stands in the texts; citegraph's
records count the treaty citations with that target whose span starts there.
Usage: instrument_mentions.py RECORDS.jsonl DIR
(RECORDS from `citegraph extract DIR`). Prints per instrument and in all."""
import json, os, re, sys

NAMES = {
    "UNCHARTER": [r"Charter of the United Nations", r"United Nations Charter"],
    "UDHR": [r"Universal Declaration of Human Rights"],
    "ICCPR": [r"International Covenant on Civil and Political Rights"],
    "ICESCR": [r"International Covenant on Economic, Social and Cultural Rights"],
    "CRC": [r"Convention on the Rights of the Child"],
    "CEDAW": [r"Convention on the Elimination of All Forms of Discrimination against Women"],
    "CRPD": [r"Convention on the Rights of Persons with Disabilities"],
    "NPT": [r"Treaty on the Non-Proliferation of Nuclear Weapons"],
    "CTBT": [r"Comprehensive Nuclear-Test-Ban Treaty"],
    "TPNW": [r"Treaty on the Prohibition of Nuclear Weapons"],
    "CCM": [r"Convention on Cluster Munitions"],
    "ATT": [r"Arms Trade Treaty"],
    "CWC": [r"Chemical Weapons Convention",
            r"Convention on the Prohibition of the Development, Production, Stockpiling\s+and\s+Use\s+of\s+Chemical\s+Weapons"],
    "BWC": [r"Biological Weapons Convention"],
    "TLATELOLCO": [r"Treaty of Tlatelolco"],
    "SENDAI": [r"Sendai Framework for Disaster Risk Reduction"],
    "MILLENNIUM": [r"United Nations Millennium Declaration"],
    "AGENDA2030": [r"2030 Agenda for Sustainable Development"],
    "PARIS": [r"Paris Agreement"],
    "UNFCCC": [r"United Nations Framework Convention on Climate Change"],
    "UNCLOS": [r"United Nations Convention on the Law of the Sea"],
    "ROME": [r"Rome Statute of the International Criminal Court"],
    "ITI": [r"International Tracing Instrument"],
    "SALWPOA": [r"Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in\s+Small Arms and Light Weapons in All Its Aspects"],
    "AAAA": [r"Addis Ababa Action Agenda"],
    "NUA": [r"New Urban Agenda"],
    "BPFA": [r"Beijing (Declaration and )?Platform for Action"],
    "UNDRIP": [r"United Nations Declaration on the Rights of Indigenous Peoples"],
    "GENEVA": [r"Geneva Conventions of 12 August 1949"],
    "CBD": [r"Convention on Biological Diversity"],
}

def main(records, root):
    starts = {}
    texts = {}
    for line in open(records, encoding="utf-8"):
        r = json.loads(line)
        if r["record"] == "document":
            path = r["file"]
            doc = r["doc"]
        elif r["record"] == "citation" and r["kind"] in ("treaty",):
            starts.setdefault((path, r["target"]), set()).add(r["start"])
    total_scan = total_hit = 0
    rows = []
    for inst, pats in NAMES.items():
        scan = hit = 0
        for name in sorted(os.listdir(root)):
            path = os.path.join(root, name)
            if not name.endswith((".md", ".txt")):
                continue
            data = open(path, "rb").read()
            text = data.decode("utf-8", "replace")
            seen = set()
            for p in pats:
                # the front matter's title is not text
                body_from = text.find("\n---", 3) + 4 if text.startswith("---") else 0
                for m in re.finditer(p.replace(" ", r"\s+"), text[body_from:]):
                    b = len(text[:body_from + m.start()].encode("utf-8"))
                    if b in seen:
                        continue
                    seen.add(b)
                    scan += 1
                    got = starts.get((path, inst), set())
                    # a match inside a longer catalogued title counts when
                    # the citation starts at or before it on the same span
                    if b in got:
                        hit += 1
        total_scan += scan
        total_hit += hit
        rows.append((inst, hit, scan))
    for inst, hit, scan in rows:
        if scan:
            print(f"{inst:12} {hit:5} / {scan:5}  {100.0 * hit / scan:5.1f}%")
    print(f"{'all':12} {total_hit:5} / {total_scan:5}  {100.0 * total_hit / max(total_scan, 1):5.1f}%")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
