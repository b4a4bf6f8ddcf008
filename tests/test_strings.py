"""The site's own words live in one keyed file: every key has every language, every key is used, and no
template or module holds words of its own."""

from __future__ import annotations

import re
from pathlib import Path

from sitegen import pages, strings
from sitegen.templating import TEMPLATES

PACKAGE = Path(strings.__file__).parent
SOURCES = [*TEMPLATES.glob("*.j2"), *PACKAGE.glob("*.py"), *(PACKAGE / "overrides").rglob("*.html")]
CALL = re.compile(r"""(?<!lang\.)\b(?:t|site_words)\(\s*["']([a-z0-9-]+)["']""")  # lang.t(): Material's words
FAMILY = re.compile(r"""\bf["']([a-z0-9-]+-)\{""")  # a key made in code from its family's prefix: f"spelled-{value}"


def catalogue_languages() -> set[str]:
    return {lang for entry in strings.strings().values() for lang in entry}


def registry_keys() -> set[str]:
    """The page registry's names: each page's title and heading, each section's."""
    keys = {key for page in pages.PAGES for key in (page.title, page.heading) if key}
    return keys | set(pages.SECTIONS.values())


def test_every_key_has_every_language():
    # An empty text is allowed: a word one language needs and another does not.
    languages = catalogue_languages()
    missing = [(key, lang) for key, entry in strings.strings().items() for lang in sorted(languages) if lang not in entry]
    assert missing == []


def test_every_edition_has_its_words():
    from sitegen.languages import editions

    assert set(editions().locales) <= catalogue_languages()


def test_every_key_is_used():
    called, families = set(), set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        called |= set(CALL.findall(text))
        families |= set(FAMILY.findall(text))
    keys = set(strings.strings())
    used = called | registry_keys() | {key for key in keys if key.startswith(tuple(families))}
    assert keys - used == set()
    assert (called | registry_keys()) - keys == set(), "a t() call or the page registry names a key the file lacks"


def test_no_template_writes_words_of_its_own_in_two_languages():
    pairs = [path.name for path in TEMPLATES.glob("*.j2") if re.search(r"\bsay\(|\blang\s*==", path.read_text(encoding="utf-8"))]
    assert pairs == []


def test_a_missing_language_falls_back_to_the_default(monkeypatch):
    monkeypatch.setattr(strings, "strings", lambda: {"k": {"vi": "Việt"}})
    assert strings.t("k", "fr") == "Việt"
