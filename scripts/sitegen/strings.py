"""The site's own words, by key, in every language (strings.yml), read through one `t()`.

Templates call t(KEY) (bound to the page's language by filters.py); code calls t(KEY, LANG). A key missing a
language falls back to the default edition's, as Material's own translations fall back."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from .languages import editions

STRINGS_FILE = Path(__file__).with_name("strings.yml")


@functools.cache
def strings() -> dict[str, dict[str, str]]:
    # libyaml's safe loader where PyYAML has it (the wheels do): 900 lines, read by every build and serve (~50 ms in
    # pure Python)
    return yaml.load(STRINGS_FILE.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def t(key: str, lang: str) -> str:
    try:
        entry = strings()[key]
    except KeyError:
        raise KeyError(f"no string {key!r} in {STRINGS_FILE.name}") from None
    return entry[lang] if lang in entry else entry[editions().default]
