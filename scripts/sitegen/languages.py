"""The site's language editions, as mkdocs.yml's i18n plugin lists them (its `languages:`, the ones it builds).

The one marked `default: true` is the original, at the site's root, in page.md; each other one is a translation,
under /<locale>/, in page.<locale>.md (mkdocs-static-i18n's suffix structure). The sitegen plugin takes them from
MkDocs' configuration at every build (use()); without MkDocs (scripts/generate.py, tests) they are read from the
project's mkdocs.yml, INHERIT and !ENV as MkDocs reads them. Without the i18n plugin, the site has one edition,
in its theme's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MKDOCS_YML = Path(__file__).resolve().parents[2] / "mkdocs.yml"  # the project's, as generate.py's data/ and docs/


@dataclass(frozen=True)
class Editions:
    locales: tuple[str, ...]  # the default edition's first

    @property
    def default(self) -> str:
        return self.locales[0]

    @property
    def others(self) -> tuple[str, ...]:
        return self.locales[1:]

    def translated(self, lang: str) -> bool:
        """An edition other than the original: its texts are translations of the article's Vietnamese."""
        return lang != self.default

    def folder(self, lang: str) -> str:
        """Where an edition's pages are, from the site's root: "" or "en/"."""
        return f"{lang}/" if self.translated(lang) else ""

    def page_file(self, path: str, lang: str) -> str:
        """index.md → index.md in the default edition, index.en.md in English."""
        return path.removesuffix(".md") + f".{lang}.md" if self.translated(lang) else path

    def of_file(self, path: str) -> tuple[str, str]:
        """The page and the edition of a file: "index.en.md" → ("index.md", "en"); "index.md" → ("index.md", "vi")."""
        stem = path.removesuffix(".md")
        lang = next((lang for lang in self.others if stem.endswith(f".{lang}")), self.default)
        return (stem.removesuffix(f".{lang}") + ".md" if self.translated(lang) else path), lang


def from_i18n(languages: Iterable[Any], theme_language: str = "en") -> Editions:
    """The editions from the i18n plugin's `languages:` (MkDocs' parsed config entries, or mkdocs.yml's dicts)."""
    entries = [lang if isinstance(lang, dict) else dict(lang) for lang in languages]
    built = [entry for entry in entries if entry.get("build", True) and entry["locale"] != "null"]
    if not built:
        return Editions((theme_language,))
    default = [entry["locale"] for entry in built if entry.get("default")]
    return Editions(tuple(dict.fromkeys([*default, *(entry["locale"] for entry in built)])))


def read(config_file: Path) -> Editions:
    """The editions mkdocs.yml names, read as MkDocs reads it (INHERIT, !ENV), without loading its plugins."""
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own reading of mkdocs.yml: INHERIT and !ENV

    with open(config_file, "rb") as file:
        settings = yaml_load(file) or {}
    i18n: dict[str, Any] = next(
        (plugin["i18n"] for plugin in settings.get("plugins", []) if isinstance(plugin, dict) and "i18n" in plugin), {}
    )
    theme = settings.get("theme")
    return from_i18n((i18n or {}).get("languages", []), theme.get("language", "en") if isinstance(theme, dict) else "en")


_current: Editions | None = None


def use(editions: Editions) -> None:
    """The editions of the build that is starting (the plugin's, from MkDocs' configuration)."""
    global _current
    _current = editions


def editions() -> Editions:
    """The editions of this build: as the plugin set them, else as the project's mkdocs.yml names them."""
    global _current
    if _current is None:
        _current = read(MKDOCS_YML)
    return _current
