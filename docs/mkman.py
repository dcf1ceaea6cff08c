#!/usr/bin/env python3
"""Writes the citegraph(1) man page from the program's own help texts, so
that the page says what --help says.

    mkman.py CITEGRAPH > citegraph.1

The overview (citegraph --help) gives the description, the commands and
the exit status; each command's --help is its section, kept as written
(preformatted). The output depends on the help texts only."""
import re
import subprocess
import sys


def helptext(binary, *args):
    return subprocess.run([binary, *args, "--help"], capture_output=True,
                          text=True, check=True).stdout


def version(binary):
    out = subprocess.run([binary, "--version"], capture_output=True,
                         text=True, check=True).stdout
    return out.split()[-1]


def roff(text):
    """Text for a roff line: backslashes, hyphens (options stay
    copyable) and non-ASCII characters escaped."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\e")
        elif ch == "-":
            out.append("\\-")
        elif ord(ch) > 126:
            out.append("\\[u%04X]" % ord(ch))
        else:
            out.append(ch)
    line = "".join(out)
    return "\\&" + line if line[:1] in (".", "'") else line


def verbatim(text):
    lines = [roff(l) if l else "" for l in text.rstrip("\n").split("\n")]
    return ".nf\n" + "\n".join(lines) + "\n.fi\n"


def main(binary):
    overview = helptext(binary)
    paras = overview.split("\n\n")
    usage = paras[0].replace("Usage: ", "").strip()
    commands = re.findall(r"^  (\w+) ", overview.split("Commands:\n", 1)[1], re.M)
    commands = [c for c in commands if not c.startswith("-")]
    desc = [p for p in paras[1:] if not p.startswith(("Commands:", "Common options:", "Exit status:"))]
    common = next(p for p in paras if p.startswith("Common options:"))
    status = next(p for p in paras if p.startswith("Exit status:"))
    cmd_list = overview.split("Commands:\n", 1)[1].split("\n\n", 1)[0]

    out = ['.\\" citegraph(1), written by docs/mkman.py from the help texts.',
           '.TH CITEGRAPH 1 "" "citegraph %s" "User Commands"' % version(binary),
           ".SH NAME",
           "citegraph \\- find and resolve the citations in United Nations texts",
           ".SH SYNOPSIS"]
    for c in commands:
        first = helptext(binary, c).split("\n\n", 1)[0]
        out.append(".nf\n" + roff(first.replace("Usage: ", "").strip()) + "\n.fi")
    out.append(".SH DESCRIPTION")
    for p in desc:
        out.append(".PP\n" + roff(" ".join(p.split())))
    out.append(".SH OPTIONS")
    out.append(verbatim(common.split("\n", 1)[1]).rstrip("\n"))
    out.append(".SH COMMANDS")
    out.append(verbatim(cmd_list).rstrip("\n"))
    for c in commands:
        out.append(".SS citegraph %s" % c)
        out.append(verbatim(helptext(binary, c)).rstrip("\n"))
    out.append(".SH EXIT STATUS")
    out.append(roff(" ".join(status.replace("Exit status: ", "").split())))
    out.append(".SH ENVIRONMENT")
    out.append(".TP\n.B CITEGRAPH_REFS\nthe reference catalogues' folder, "
               "when \\-\\-refs is not given")
    out.append(".TP\n.B CITEGRAPH_CACHE\nwhere compiled copies of catalogues "
               "are kept (default: $XDG_CACHE_HOME/citegraph, else "
               "~/.cache/citegraph); \\fBoff\\fR reads the YAML every time")
    out.append(".SH SEE ALSO")
    out.append("docs/cli.md, docs/identifiers.md and docs/catalogue.md in the "
               "source; dot(1)")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
