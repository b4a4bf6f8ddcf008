"""The site's search for Material's worker: one file per edition, which the worker loads for the language
that edition's search index names (lunr.<lang>.min.js, in place of Material's lunr.vi): first that edition's
data — the glossary's pairs and its words of data/synonyms.yml, folded — then the code of search/fold.js and
search/lunr-vi.js, as terser minified it into search/worker.min.js. The search payload is budgeted
(≤ 1.3× Material's default, gzip), so the browser gets the minified code and only its edition's words; the
sources keep their comments. After editing a source: python scripts/minify_search.py."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

from .errors import DataError
from .languages import editions
from .model import Model

SCRIPTS = Path(__file__).with_name("search")  # the JavaScript the worker runs for search
SOURCES = ("fold.js", "lunr-vi.js")  # in this order: lunr-vi.js uses fold.js's functions
MINIFIED = SCRIPTS / "worker.min.js"  # terser's output of SOURCES, kept in the repository like Material's bundle
WORKER_FOLDER = "assets/javascripts/lunr/min"  # where Material's worker loads lunr.<lang>.min.js from


def search_lang(locale: str) -> str:
    """The lunr language an edition's search index names. The default edition's is mkdocs.yml's `search: lang:
    vi`; each other edition names a file of its own (vi_en: the same search, that edition's words), which
    editions.py writes into its index."""
    default = editions().default
    return f"{default}_{locale}" if editions().translated(locale) else default


def worker_file(locale: str) -> str:
    return f"{WORKER_FOLDER}/lunr.{search_lang(locale)}.min.js"


def worker_source() -> str:
    """The sources as one script: one function, so they share their names and terser can shorten them all."""
    parts = [(SCRIPTS / name).read_text(encoding="utf-8") for name in SOURCES]
    return '(() => {\n"use strict";\n' + "\n".join(parts) + "})();\n"


def minified_header() -> str:
    """The minified file's first line: it names the sources' digest, so a stale file is caught at build time.
    (Of their text, not bytes: a checkout with Windows line ends has the same digest.)"""
    text = "".join((SCRIPTS / name).read_text(encoding="utf-8") for name in SOURCES)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"/* {' + '.join(SOURCES)} ({digest}), minified by terser: python scripts/minify_search.py */\n"


def worker_code() -> str:
    """The minified code, without its first line (the browser needs no comment)."""
    code = MINIFIED.read_text(encoding="utf-8") if MINIFIED.exists() else ""
    header = minified_header()
    if not code.startswith(header):
        raise DataError(
            f"scripts/sitegen/search/{MINIFIED.name}",
            "",
            f"{'missing' if not code else 'older than its sources'} ({', '.join(SOURCES)})",
            "it made again from them: python scripts/minify_search.py (needs Node and npm ci --prefix tests)",
        )
    return code.removeprefix(header)


def fold(text: str) -> str:
    """As the worker folds (fold.js): lower case, no tone marks or other diacritics, đ → d; words apart by one
    space. The worker compares the data only folded, so it gets it folded: shorter, and it compresses better."""
    folded = re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFD", text)).replace("đ", "d").replace("Đ", "d")
    return " ".join(folded.lower().split())


def vocabulary(model: Model, locale: str) -> dict[str, list]:
    """An edition's synonym groups and question words (data/synonyms.yml: terms, or terms_<locale>), folded."""
    key = f"terms_{locale}" if editions().translated(locale) else "terms"
    out: dict[str, list] = {"synonyms": [], "questions": []}
    for entry in model.data.get("synonyms", []):
        terms = list(dict.fromkeys(fold(term) for term in entry.get(key, [])))
        if entry.get("kind") == "question":
            out["questions"] += terms
        elif terms:
            out["synonyms"].append(terms)
    # Each group and word once: the file's size follows the vocabulary, not the number of entries.
    return {name: list({json.dumps(item): item for item in items}.values()) for name, items in out.items()}


def search_files(model: Model) -> dict[str, bytes]:
    code = worker_code()
    pairs = list({(fold(entry["abbr"]), fold(entry["expansion"])): None for entry in model.glossary})
    files = {}
    for locale in editions().locales:
        # The data first (the code reads it as it starts): data/glossary.yml's pairs, data/synonyms.yml's words.
        data = {"lang": search_lang(locale), "pairs": pairs, **vocabulary(model, locale)}
        files[worker_file(locale)] = f"self.searchData={json.dumps(data, separators=(',', ':'))};\n{code}".encode()
    return files
