"""The sitegen command: `python -m sitegen new FOLDER` starts a report (scaffold.py). The pages themselves are made
by the MkDocs plugin at every `mkdocs build` and `mkdocs serve`."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from .errors import DataError
from .scaffold import new


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen", description="Start a report site made from one article.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="new")
    start = commands.add_parser(
        "new", help="write FOLDER: mkdocs.yml, docs/ and a placeholder article with the least data, ready to build"
    )
    start.add_argument("folder", type=Path, metavar="FOLDER", help="a new or empty folder")
    args = parser.parse_args(argv)
    try:
        new(args.folder)
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {args.folder}: mkdocs.yml, docs/ and data/ (a placeholder article; its files say what to replace)")
    print(f"next: cd {shlex.quote(str(args.folder))} && NO_MKDOCS_2_WARNING=1 mkdocs serve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
