"""The site's search for Material's worker, written as the one file the worker loads for `lang: vi` (it takes
the place of Material's lunr.vi): first the data the search needs — the glossary's pairs and the search
vocabulary of data/synonyms.yml — then the code of search/fold.js and search/lunr-vi.js, as terser minified it
into search/worker.min.js. The search payload is budgeted (≤ 1.3× Material's default, gzip), so the browser
gets the minified code; the sources keep their comments. After editing a source: python scripts/minify_search.py."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .errors import DataError
from .model import Model

SCRIPTS = Path(__file__).with_name("search")  # the JavaScript the worker runs for search
SOURCES = ("fold.js", "lunr-vi.js")  # in this order: lunr-vi.js reads self.searchFold
MINIFIED = SCRIPTS / "worker.min.js"  # terser's output of SOURCES, kept in the repository like Material's bundle
WORKER_FILE = "assets/javascripts/lunr/min/lunr.vi.min.js"


def minified_header() -> str:
    """The minified file's first line: it names the sources' digest, so a stale file is caught at build time."""
    digest = hashlib.sha256(b"".join((SCRIPTS / name).read_bytes() for name in SOURCES)).hexdigest()[:16]
    return f"/* {' + '.join(SOURCES)} ({digest}), minified by terser: python scripts/minify_search.py */\n"


def worker_code() -> str:
    """The minified code, without its first line (the browser needs no comment)."""
    code = MINIFIED.read_text(encoding="utf-8") if MINIFIED.exists() else ""
    if not code.startswith(minified_header()):
        raise DataError(
            f"scripts/sitegen/search/{MINIFIED.name}",
            "",
            f"{'missing' if not code else 'older than its sources'} ({', '.join(SOURCES)})",
            "it made again from them: python scripts/minify_search.py (needs Node and npm ci --prefix tests)",
        )
    return code.removeprefix(minified_header())


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
    pairs = list({(entry["abbr"], entry["expansion"]): [entry["abbr"], entry["expansion"]] for entry in model.glossary}.values())
    # The data first (the code reads it as it starts): data/glossary.yml's pairs, data/synonyms.yml's words.
    data = (
        f"self.searchSynonyms={json.dumps(pairs, ensure_ascii=False, separators=(',', ':'))};\n"
        f"self.searchVocabulary={json.dumps(vocabulary(model), ensure_ascii=False, separators=(',', ':'))};\n"
    )
    return {WORKER_FILE: (data + worker_code()).encode("utf-8")}
