"""The site's Vietnamese search for Material's worker: folding, the glossary's pairs and the lunr.vi plugin,
written as the one file the worker loads for `lang: vi` (it takes the place of Material's own)."""

from __future__ import annotations

import json
from pathlib import Path

from .model import Model

SOURCES = Path(__file__).with_name("search")
WORKER_FILE = "assets/javascripts/lunr/min/lunr.vi.min.js"
FOLD_FILE = "assets/javascripts/search-fold.js"


def search_files(model: Model) -> dict[str, bytes]:
    fold = (SOURCES / "fold.js").read_text(encoding="utf-8")
    pairs = [[entry["abbr"], entry["expansion"]] for entry in model.glossary]
    synonyms = ("/* The glossary's abbreviations and expansions, from the data (data/glossary.yml). */\n"
                f"self.searchSynonyms = {json.dumps(pairs, ensure_ascii=False)};\n")
    worker = "\n".join([fold, synonyms, (SOURCES / "lunr-vi.js").read_text(encoding="utf-8")])
    return {WORKER_FILE: worker.encode("utf-8"), FOLD_FILE: fold.encode("utf-8")}
