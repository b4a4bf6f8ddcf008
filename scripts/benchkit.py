"""What the benchmarks and the browser tests share: Debian's Chromium, a loopback server, the machine,
a throw-away copy of the project, mkdocs.yml read as data (its pages), and where results are kept."""

from __future__ import annotations

import functools
import http.server
import os
import platform
import shutil
import threading
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve_folder(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """``folder`` on a free loopback port, in a background thread; call ``.shutdown()`` when done."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}", httpd


def machine() -> dict[str, str]:
    return {"cpus": str(os.cpu_count()), "python": platform.python_version(), "mkdocs": version("mkdocs"),
            "mkdocs-material": version("mkdocs-material"), "platform": platform.platform(terse=True)}


RESULTS = ROOT / "bench" / "results"  # about the site, not the article: kept apart from data/


def copy_project(dest: Path, data: Path = ROOT / "data") -> Path:
    """What a build reads — mkdocs.yml, overrides/ and a data folder — copied to ``dest``, with an empty docs/."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(data, dest / "data")
    (dest / "docs").mkdir(exist_ok=True)
    return dest


def save_results(name: str, report: dict[str, Any], quick: bool) -> Path:
    """Keep a benchmark's results in bench/results/, only when asked (--save). A quick run goes to its own file,
    so it never replaces a full one."""
    import json

    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / (f"{name}-quick.json" if quick else f"{name}.json")
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


class _Settings(yaml.SafeLoader):
    """mkdocs.yml as plain data: an `!ENV [NAME, default]` tag reads as its default."""


_Settings.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                          if isinstance(node, yaml.SequenceNode) else None)


def mkdocs_settings() -> dict[str, Any]:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Settings)


def editions_plugin(settings: dict[str, Any], theme_overrides: bool = True) -> dict[str, Any]:
    """The i18n plugin entry of mkdocs.yml: baselines keep the same editions (/ and /en/), so they build the
    same pages; ``theme_overrides=False`` drops this site's per-language theme settings."""
    entry = next(p for p in settings["plugins"] if isinstance(p, dict) and "i18n" in p)
    if not theme_overrides:
        entry = {"i18n": {**entry["i18n"], "languages": [{k: v for k, v in lang.items() if k != "theme"}
                                                       for lang in entry["i18n"]["languages"]]}}
    return entry


def nav_pages() -> list[str]:
    """The site's pages in every edition, from the page registry: "", "so-lieu/", ..., "en/so-lieu/"."""
    from sitegen.pages import urls

    settings = mkdocs_settings()
    i18n = next((p["i18n"] for p in settings["plugins"] if isinstance(p, dict) and "i18n" in p), {"languages": []})
    return urls([""] + [f"{lang['locale']}/" for lang in i18n["languages"] if not lang.get("default")])
