"""The site's search for Material's worker: one file per edition, which the worker loads for the language
that edition's search index names (lunr.<lang>.min.js, in place of Material's lunr.vi): first that edition's
data — the glossary's pairs and its words of data/synonyms.yml, folded, and its language's function words
(search/stopwords-<lang>.txt, from stopwords-iso) — then the code of search/fold.js and
search/lunr-vi.js, as terser minified it into search/worker.min.js. The search payload is budgeted
(≤ 1.3× Material's default, gzip), so the browser gets the minified code and only its edition's words; the
sources keep their comments. After editing a source: python scripts/minify_search.py."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from .errors import DataError
from .languages import editions
from .model import Model

SCRIPTS = Path(__file__).with_name("search")  # the JavaScript the worker runs for search
SOURCES = ("fold.js", "lunr-vi.js")  # in this order: lunr-vi.js uses fold.js's functions
MINIFIED = SCRIPTS / "worker.min.js"  # terser's output of SOURCES, kept in the repository like Material's bundle
WORKER_FOLDER = "assets/javascripts/lunr/min"  # where Material's worker loads lunr.<lang>.min.js from
WORDS = re.compile(r"[^\W\d_]+( [^\W\d_]+)*")  # words of letters, apart by single spaces
LETTERS = re.compile(r"[^\W\d_]+")  # a word: a run of letters


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


def vocabulary(model: Model, locale: str) -> list[list[str]]:
    """An edition's synonym groups (data/synonyms.yml: terms, or terms_<locale>), folded."""
    key = f"terms_{locale}" if editions().translated(locale) else "terms"
    groups = [list(dict.fromkeys(fold(term) for term in entry.get(key, []))) for entry in model.data.get("synonyms", [])]
    # Each group once: the file's size follows the vocabulary, not the number of entries.
    return list({json.dumps(group): group for group in groups if group}.values())


def stopwords(locale: str, words: set[str]) -> list[str]:
    """A language's function and question words (search/stopwords-<locale>.txt, copied from stopwords-iso), as
    written (with their marks: "chưa" is one; "chua" alone could be "chùa"), lower case: the entries made of
    letters and spaces (the list also has "10", "'ll", "i.e.": a figure is never a function word here) whose
    every word is on the edition's pages (``words``). Those are the ones that can change a ranking; the worker
    gets only them, and its file stays within the payload budget. None for a language without a list."""
    path = SCRIPTS / f"stopwords-{locale}.txt"
    if not path.exists():
        return []
    lines = (unicodedata.normalize("NFC", line.strip().lower()) for line in path.read_text(encoding="utf-8").splitlines())
    entries = {line for line in lines if line and not line.startswith("#") and WORDS.fullmatch(line)}
    return sorted(entry for entry in entries if words.issuperset(entry.split(" ")))


def page_words(pages: Mapping[str, bytes], locale: str) -> set[str]:
    """Every word (lower case, NFC) of an edition's generated pages (page.md, or page.<locale>.md)."""
    words: set[str] = set()
    for path, content in pages.items():
        if path.endswith(".md") and editions().of_file(path)[1] == locale:
            text = unicodedata.normalize("NFC", content.decode("utf-8").lower())
            for token in set(text.split()):  # each distinct token once: pages repeat most of theirs (2x quicker)
                words.update(LETTERS.findall(token))
    return words


def search_files(model: Model, pages: Mapping[str, bytes]) -> dict[str, bytes]:
    """Each edition's search file, for the generated ``pages`` (path → Markdown)."""
    code = worker_code()
    pairs = list({(fold(entry["abbr"]), fold(entry["expansion"])): None for entry in model.glossary})
    files = {}
    for locale in editions().locales:
        # The data first (the code reads it as it starts): data/glossary.yml's pairs, data/synonyms.yml's words,
        # the language's function words.
        data = {
            "lang": search_lang(locale),
            "pairs": pairs,
            "synonyms": vocabulary(model, locale),
            "stop": stopwords(locale, page_words(pages, locale)),
        }
        data_js = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        files[worker_file(locale)] = f"self.searchData={data_js};\n{code}".encode()
    return files
