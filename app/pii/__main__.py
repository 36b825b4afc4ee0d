"""Print the tax identifiers found in a text, masked: python -m app.pii [FILE|-]

Each finding is one line: start-end, kind, masked form and a description. The
number itself is never printed. Exit status is 1 when something was found.
"""

from __future__ import annotations

import argparse
import sys

from . import describe, scan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.pii", description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default="-", help="text file to scan, or - for stdin")
    args = parser.parse_args(argv)
    if args.file == "-":
        text = sys.stdin.read()
    else:
        with open(args.file, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    findings = scan(text)
    for f in findings:
        print(f"{f.start}-{f.end}\t{f.kind}\t{f.masked}\t{describe(f)}")
    if not findings:
        print("no tax identifiers found", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
