"""Print the tax identifiers found in a text, masked: python -m app.pii [--explain] [FILE|-]

Each finding is one line: start-end, kind, masked form and a description; with
--explain, a second line says why it was found (the cue word and its scope, or the
number's shape alone). The number itself is never printed. Exit status is 1 when
something was found.
"""

from __future__ import annotations

import argparse
import sys

from . import describe, explain


def main(argv: list[str] | None = None) -> int:
    doc = (__doc__ or "").splitlines()[0]
    parser = argparse.ArgumentParser(prog="python -m app.pii", description=doc)
    parser.add_argument("file", nargs="?", default="-", help="text file to scan, or - for stdin")
    parser.add_argument(
        "--explain", action="store_true", help="say why each finding was found (masked)"
    )
    args = parser.parse_args(argv)
    if args.file == "-":
        text = sys.stdin.read()
    else:
        with open(args.file, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    found = explain(text)
    for f, why in found:
        print(f"{f.start}-{f.end}\t{f.kind}\t{f.masked}\t{describe(f)}")
        if args.explain:
            print(f"\tfound by {why}")
    if not found:
        print("no tax identifiers found", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
