"""The site's own words, by key, in every language (strings.yml), read through one `t()`.

Templates call t(KEY) (bound to the page's language by filters.py); code calls t(KEY, LANG). A key missing a
language falls back to the default edition's, as Material's own translations fall back."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from .languages import editions
from .loader import Loader

STRINGS_FILE = Path(__file__).with_name("strings.yml")


@functools.cache
def strings() -> dict[str, dict[str, str]]:
    # The data's loader (libyaml's where PyYAML has it): 900 lines, read by every build and serve (~60 ms in pure Python)
    return yaml.load(STRINGS_FILE.read_text(encoding="utf-8"), Loader=Loader)


def t(key: str, lang: str) -> str:
    try:
        entry = strings()[key]
    except KeyError:
        raise KeyError(f"no string {key!r} in {STRINGS_FILE.name}") from None
    return entry[lang] if lang in entry else entry[editions().default]
