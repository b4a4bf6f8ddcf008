#!/usr/bin/env python3
"""Generate the site's Markdown pages into docs/ from data/ (the article and its facts).

    python scripts/generate.py [--data DIR] [--out DIR] [--cache DIR]

`mkdocs build` and `mkdocs serve` run this step themselves, through the sitegen plugin.
"""

import sys

from sitegen.pipeline import main

if __name__ == "__main__":
    sys.exit(main())
