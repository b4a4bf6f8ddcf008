"""What the benchmarks and the browser tests share: Debian's Chromium, a loopback server, the machine,
a throw-away copy of the project, and mkdocs.yml read as data."""

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


def copy_project(dest: Path) -> Path:
    """What a build reads — mkdocs.yml, data/, overrides/ — copied to ``dest``, with an empty docs/."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "data", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy(source, dest / name)
    (dest / "docs").mkdir(exist_ok=True)
    return dest


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
