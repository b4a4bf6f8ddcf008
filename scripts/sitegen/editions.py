"""One search index per language edition.

mkdocs-static-i18n builds the English edition under en/ and merges every edition's pages into the search
index at the site's root. Readers of one edition should find that edition's pages only, so after the
build the root index keeps the default edition's pages and each other edition gets its own index under
<lang>/search/ (its pages point their search there: overrides/main.html). Its index names its own search
language (vi_en), so Material's worker loads that edition's file of search words (search_scripts.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .languages import editions
from .search_scripts import search_lang

# The space a left-out element leaves before the punctuation after it: a citation (data-search-exclude) between
# "congress" and ")" leaves "congress )" in the search text, which results show as their snippets.
LEFT_BEFORE = re.compile(r"[ \t]+(?=[)\],;:]|\.(?:\s|<|$))")


def split_search_index(site_dir: Path, offline: bool = False, own_search: bool = True) -> dict[str, int]:
    """Write <lang>/search/search_index.json (and .js for the offline edition); return pages per edition.
    ``own_search``: each edition's index names its own search language (else Material's lunr.vi for all)."""
    root = site_dir / "search" / "search_index.json"
    if not root.is_file():
        return {}
    index = json.loads(root.read_text(encoding="utf-8"))
    others = editions().others
    docs_of: dict[str, list[dict]] = {lang: [] for lang in ["", *others]}
    for doc in index["docs"]:
        lang = next((lang for lang in others if doc["location"].startswith(f"{lang}/") or doc["location"] == lang), "")
        if lang:
            doc = {**doc, "location": doc["location"].removeprefix(lang).removeprefix("/")}
        docs_of[lang].append({**doc, "text": LEFT_BEFORE.sub("", doc["text"])})
    for lang, docs in docs_of.items():
        folder = site_dir / lang / "search" if lang else site_dir / "search"
        folder.mkdir(parents=True, exist_ok=True)
        config = index["config"]
        if lang and own_search:
            config = {**config, "lang": [search_lang(lang)]}
        data = json.dumps({**index, "config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        if offline:  # as Material's offline plugin writes it: the index as a script, for file://
            (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
    return {lang or "default": len(docs) for lang, docs in docs_of.items()}
