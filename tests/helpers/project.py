"""Projects to build and break: copies of this one, fixture datasets, MkDocs in-process or as a command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from benchkit import copy_project  # noqa: F401 - shared with the benchmarks

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC = ROOT / "tests" / "synthetic" / "data"  # a made-up second article, the fixture dataset


def build_site(config_file: Path, docs_dir: Path, site_dir: Path) -> MkDocsConfig:
    """`mkdocs build --strict` in this process (as mkdocs-static-i18n's own tests do): docs/ and site/ where
    the caller says, never the repository's own."""
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
