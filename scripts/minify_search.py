#!/usr/bin/env python3
"""Minify the search worker's code after an edit of scripts/sitegen/search/fold.js or lunr-vi.js.

Runs terser (pinned in tests/package.json: `npm ci --prefix tests` first) over the sources and writes
scripts/sitegen/search/worker.min.js, whose first line names the sources' digest: a build refuses a minified
file older than its sources, and tests/test_package.py
(test_the_search_workers_minified_code_is_terser_output_of_its_sources) checks that it is terser's output.
`--check` only compares, and exits 1 if the file is not what terser makes of the sources now."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sitegen.search_scripts import MINIFIED, SOURCES, minified_header, worker_source  # noqa: E402

TERSER = ROOT / "tests/node_modules/terser/bin/terser"
# The sources, wrapped in one function by worker_source(), come in on standard input.
OPTIONS = ["--ecma", "2020", "--compress", "passes=2", "--mangle", "--comments", "false"]


def minify() -> str:
    if not TERSER.exists():
        sys.exit(f"{TERSER.relative_to(ROOT)} is missing: run npm ci --prefix tests first")
    done = subprocess.run(
        ["node", str(TERSER), *OPTIONS], input=worker_source(), capture_output=True, text=True, encoding="utf-8", check=False
    )
    if done.returncode:
        sys.exit(f"terser failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    return minified_header() + done.stdout.strip() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if the file is stale")
    args = parser.parse_args()
    code = minify()
    current = MINIFIED.read_text(encoding="utf-8") if MINIFIED.exists() else ""
    if args.check:
        if code != current:
            print(f"{MINIFIED.relative_to(ROOT)} is not terser's output of {', '.join(SOURCES)}: run {Path(__file__).name}")
            return 1
        return 0
    MINIFIED.write_text(code, encoding="utf-8")
    print(f"{MINIFIED.relative_to(ROOT)}: {len(code.encode('utf-8')):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
