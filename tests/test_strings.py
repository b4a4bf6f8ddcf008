"""The site's own words live in one keyed file: every key has every language, every key is used, and no
template holds a pair of literal words of its own."""

from __future__ import annotations

import re
from pathlib import Path

from sitegen import strings
from sitegen.languages import LANGUAGES
from sitegen.render import TEMPLATES

SOURCES = [*TEMPLATES.glob("*.j2"), *Path(strings.__file__).parent.glob("*.py")]


def test_every_key_has_every_language():
    # An empty text is allowed: a word one language needs and another does not.
    missing = [(key, lang) for key, entry in strings.strings().items() for lang in LANGUAGES if lang not in entry]
    assert missing == []


def test_every_key_is_used():
    used = set()
    for path in SOURCES:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9-]+)["']""", path.read_text(encoding="utf-8")))
    assert set(strings.strings()) - used == set()
    assert used - set(strings.strings()) == set(), "a t() call names a key the file lacks"


def test_no_template_writes_words_of_its_own_in_two_languages():
    pairs = [
        path.name for path in TEMPLATES.glob("*.j2") if re.search(r'say\(\s*"[^"]*"\s*,\s*"', path.read_text(encoding="utf-8"))
    ]
    assert pairs == []


def test_a_missing_language_falls_back_to_the_default(monkeypatch):
    monkeypatch.setattr(strings, "strings", lambda: {"k": {"vi": "Việt"}})
    assert strings.t("k", "fr") == "Việt"
