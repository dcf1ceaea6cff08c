#!/usr/bin/env python3
"""docs/cli.md holds the program's own help, one fenced block under each
"## citegraph COMMAND" heading ("(overview)" for `citegraph --help`).
  cli_doc.py CITEGRAPH --check   fails when a block differs from the help
  cli_doc.py CITEGRAPH --write   writes the current help into the blocks"""
import re
import subprocess
import sys

DOC = "docs/cli.md"


def helptext(binary, command):
    args = [binary, "--help"] if command == "(overview)" else [binary, command, "--help"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def main(binary, mode):
    doc = open(DOC, encoding="utf-8").read()
    stale = []

    def block(m):
        command = m.group(1)
        want = helptext(binary, command)
        if m.group(2) != want:
            stale.append(command)
        return "## citegraph %s\n\n```\n%s```\n" % (command, want)

    new = re.sub(r"## citegraph (\S+)\n\n```\n(.*?)```\n", block, doc, flags=re.S)
    if mode == "--write":
        open(DOC, "w", encoding="utf-8").write(new)
    elif stale:
        print("docs/cli.md: the help of %s changed: run `make cli-doc`" % ", ".join(stale))
        return 1
    else:
        print("docs/cli.md: every help block is the program's")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
