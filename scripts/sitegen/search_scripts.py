"""The site's search for Material's worker: folding, the glossary's pairs, the search vocabulary
(data/synonyms.yml) and the lunr.vi plugin, written as the one file the worker loads for `lang: vi` (it takes
the place of Material's own); and the page script that marks, after a click on a result, what the search found."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .model import Model

SCRIPTS = Path(__file__).with_name("search")  # the JavaScript the browser runs for search
WORKER_FILE = "assets/javascripts/lunr/min/lunr.vi.min.js"
HIGHLIGHT_FILE = "assets/javascripts/search-highlight.js"


def compact(source: str) -> str:
    """Comments and indentation out: the search payload is budgeted (≤ 1.3× Material's default, gzip).
    Safe for our own sources only: they keep block comments on lines of their own and `//` only at a line's start."""
    source = re.sub(r"^\s*/\*.*?\*/\s*$", "", source, flags=re.S | re.M)
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def vocabulary(model: Model) -> dict[str, list]:
    """Synonym groups and question words per edition, as the worker reads them (self.searchVocabulary)."""
    out: dict[str, list] = {"synonyms": [], "synonyms_en": [], "questions": [], "questions_en": []}
    for entry in model.data.get("synonyms", []):
        if entry.get("kind") == "question":
            out["questions"] += entry["terms"]
            out["questions_en"] += entry["terms_en"]
        else:
            out["synonyms"].append(entry["terms"])
            out["synonyms_en"].append(entry["terms_en"])
    # Each group and word once: the file's size follows the vocabulary, not the number of entries.
    return {key: list({json.dumps(item, ensure_ascii=False): item for item in items}.values()) for key, items in out.items()}


def search_files(model: Model) -> dict[str, bytes]:
    fold = compact((SCRIPTS / "fold.js").read_text(encoding="utf-8"))  # in both files
    pairs = list({(entry["abbr"], entry["expansion"]): [entry["abbr"], entry["expansion"]] for entry in model.glossary}.values())
    data = (
        "/* From the data: the glossary's abbreviations and expansions (data/glossary.yml), synonyms and question words (data/synonyms.yml). */\n"
        f"self.searchSynonyms = {json.dumps(pairs, ensure_ascii=False)};\n"
        f"self.searchVocabulary = {json.dumps(vocabulary(model), ensure_ascii=False)};\n"
    )
    worker = "\n".join([fold, data, compact((SCRIPTS / "lunr-vi.js").read_text(encoding="utf-8"))])
    highlight = "\n".join([fold, compact((SCRIPTS / "highlight.js").read_text(encoding="utf-8"))])
    return {WORKER_FILE: worker.encode("utf-8"), HIGHLIGHT_FILE: highlight.encode("utf-8")}
