"""Compiled work kept between builds (each `mkdocs build` is a new process): the schema as bytecode and
Jinja's compiled templates. Losing the folder only costs the next build its compile (~0.2 s)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def cache_dir() -> Path | None:
    """The cache folder, or None where it cannot be made (then nothing is cached)."""
    folder = Path(tempfile.gettempdir()) / "sitegen-cache"
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    return folder


def store(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` whole or not at all; a read-only temp folder is not an error."""
    try:
        temporary = path.with_name(f"{path.name}.{os.getpid()}")
        temporary.write_bytes(content)
        os.replace(temporary, path)
    except OSError:
        pass
