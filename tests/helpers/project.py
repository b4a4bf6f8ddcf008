"""Projects to build and break: copies of this one, fixture datasets, this one's data N times over, MkDocs
in-process or as a command, mkdocs.yml read as data (the site's pages). The benchmarks (scripts/bench*.py) use
these too."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC = ROOT / "tests" / "synthetic" / "data"  # a made-up second article, the fixture dataset
# Where every copy's build keeps its drawn cards, when set (tests/conftest.py: one folder for the test run, so a
# build in a subprocess reads the cards an earlier test drew); None: the copy's own .cache/sitegen, as a checkout.
CARD_CACHE: Path | None = None


def build_site(config_file: Path, docs_dir: Path, site_dir: Path) -> MkDocsConfig:
    """`mkdocs build --strict` in this process (as mkdocs-static-i18n's own tests do): docs/ and site/ where
    the caller says, never the repository's own."""
    # Imported here: the benchmarks import this module too, and MkDocs would add to what they measure.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs_dir.mkdir(parents=True, exist_ok=True)
    config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return config


def run_mkdocs(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """The `mkdocs` command itself, for tests where the command is the thing under test."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes: to show that nothing was touched."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in a file with ``new``; return the 1-based line where the change starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    start = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.count("\n", 0, start) + 1


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of a file where ``needle`` first appears."""
    text = path.read_text(encoding="utf-8")
    assert needle in text, f"{needle!r} is not in {path.name}"
    return text.count("\n", 0, text.index(needle)) + 1


UNIT_CODES = 100_000  # a unit's code is five digits (schema.json): the list can hold no more units than that


def synthetic_data(factor: int, dest: Path, source: Path = ROOT / "data") -> Path:
    """``source``'s data at ``factor``× ("N× data", headed "# SYNTHETIC benchmark data", never published): every
    list of entries with ids repeated ``factor`` times, copy i's ids written ``<id>-<i>`` (the first copy keeps
    its own) and its references to ids renamed the same way (the schema's x-ref, a computed figure's inputs, a
    statement's topic section and a section's anchor), so that each copy is a whole report of its own and the
    data stays valid. The units' list grows too, each copy with codes of its own, as far as five-digit codes go
    (980 copies of today's 102), and no longer claims the article's count (count_figure). The search vocabulary
    (synonyms.yml) and the errata stay as they are."""
    from sitegen.validate import load_schema

    schema = load_schema()["properties"]
    shutil.copytree(source, dest)
    files = {path: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(dest.glob("*.yml"))}
    topics = {topic["id"] for data in files.values() for topic in data.get("topics", [])}
    for path, data in files.items():
        grown = False
        for key, value in data.items():
            if key == "units" and factor > 1:
                data[key] = _grown_units(value, factor, schema[key]["properties"]["list"]["items"])
            elif key not in ("errata", "synonyms") and isinstance(value, list) and value and "id" in value[0]:
                data[key] = [_copy(entry, schema[key]["items"], copy, topics) for copy in range(factor) for entry in value]
            else:
                continue
            grown = True
        if grown:
            path.write_text(
                "# SYNTHETIC benchmark data\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    return dest


def _copy(entry: dict[str, Any], item: dict[str, Any], copy: int, topics: set[str] = frozenset()) -> dict[str, Any]:
    """An entry of copy ``copy``: its id and its references to ids renamed (the first copy is the entry itself)."""
    if not copy:
        return entry
    renamed = lambda value: f"{value}-{copy}"  # noqa: E731
    out = dict(entry)
    for name, value in entry.items():
        field = item["properties"].get(name, {})
        if name in ("id", "anchor") or "x-ref" in field or name == "topic" and value in topics:
            out[name] = renamed(value)
        elif "x-ref" in field.get("items", {}) or name == "inputs":  # a computed figure's "events/<id>", "figures/<id>"
            out[name] = [renamed(ref) for ref in value]
    return out


def _grown_units(units: dict[str, Any], factor: int, item: dict[str, Any]) -> dict[str, Any]:
    """The units' list ``factor`` times (at most as many as five-digit codes allow), each copy's units with unused codes."""
    taken = {unit["code"] for unit in units["list"]}
    free = (f"{n:05d}" for n in range(UNIT_CODES) if f"{n:05d}" not in taken)
    copies = min(factor, UNIT_CODES // max(len(units["list"]), 1))
    grown = list(units["list"]) + [
        {**_copy(unit, item, copy), "code": next(free)} for copy in range(1, copies) for unit in units["list"]
    ]
    return {k: v for k, v in units.items() if k != "count_figure"} | {"list": grown}


def build_variant(project: Path, site: Path, default: bool) -> None:
    """Build the copy in `project`; `default`: with Material's search settings and its lunr.vi (sitegen writes
    none of its own search files, and the editions' indexes keep Material's language)."""
    config = project / "mkdocs.yml"
    if default:
        config = project / "mkdocs.default-search.yml"
        # Same pages, same editions; Material's own search (sitegen's search: false) with its default settings.
        # The copy's own sitegen options stay (its cache_dir): INHERIT replaces the list of plugins whole.
        own = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Settings)
        sitegen = next(p["sitegen"] for p in own["plugins"] if isinstance(p, dict) and "sitegen" in p)
        plugins = [{"sitegen": {**sitegen, "search": False}}, {"search": {"lang": "vi"}}, editions_plugin(mkdocs_settings())]
        config.write_text("INHERIT: mkdocs.yml\n" + yaml.safe_dump({"plugins": plugins}, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], cwd=project, env=env, check=True
    )


def copy_project(dest: Path, data: Path = ROOT / "data") -> Path:
    """What a build reads — mkdocs.yml and a data folder — copied to ``dest``, with an empty docs/ (the theme's
    overrides are the plugin's own); its cards kept in CARD_CACHE when that is set."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(data, dest / "data")
    (dest / "docs").mkdir(exist_ok=True)
    if CARD_CACHE is not None:
        keep_cards_in(dest / "mkdocs.yml", CARD_CACHE)
    return dest


def keep_cards_in(mkdocs_yml: Path, cache_dir: Path) -> None:
    """Give the sitegen plugin of a copy's mkdocs.yml the option ``cache_dir: <cache_dir>``. Cards are kept by
    what they show and what draws them (sitegen/cards.py), so builds of any data may share one folder."""
    text = mkdocs_yml.read_text(encoding="utf-8")
    entry = re.search(r"^ *- sitegen:\n( +)", text, re.MULTILINE)
    assert entry, f"no sitegen entry with options in {mkdocs_yml}"
    at = entry.start(1)  # the plugin's first option: cache_dir goes before it, as indented
    option = f"{entry.group(1)}cache_dir: {json.dumps(str(cache_dir))}\n"  # a JSON string is a YAML one
    mkdocs_yml.write_text(text[:at] + option + text[at:], encoding="utf-8")


class _Settings(yaml.SafeLoader):
    """mkdocs.yml as plain data: an `!ENV [NAME, default]` tag reads as its default."""


_Settings.add_constructor(
    "!ENV", lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None
)


def mkdocs_settings(path: Path = ROOT / "mkdocs.yml") -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Settings)


def editions_plugin(settings: dict[str, Any], theme_overrides: bool = True) -> dict[str, Any]:
    """The i18n plugin entry of mkdocs.yml: baselines keep the same editions (/ and /en/), so they build the
    same pages; ``theme_overrides=False`` drops this site's per-language theme settings."""
    entry = next(p for p in settings["plugins"] if isinstance(p, dict) and "i18n" in p)
    if not theme_overrides:
        entry = {
            "i18n": {
                **entry["i18n"],
                "languages": [{k: v for k, v in lang.items() if k != "theme"} for lang in entry["i18n"]["languages"]],
            }
        }
    return entry


def nav_pages() -> list[str]:
    """The site's pages in every edition, from the page registry: "", "so-lieu/", ..., "en/so-lieu/"."""
    from sitegen.languages import editions
    from sitegen.pages import urls

    return urls([editions().folder(lang) for lang in editions().locales])
