"""What builds remember between processes: the drawn social cards (cards/, PNG bytes copied into the site as
they are, named by the hash of what they show), in a per-user folder (platformdirs' cache folder), mode 0700,
used only when it is a real folder this user owns that nobody else can write, below folders nobody else can
change. Nothing in it is run or parsed. Bounded: at most KEEP_CARDS cards, the newest."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

KEEP_CARDS = 400  # ~30 pages x 2 editions, several versions each


def _trusted(folder: Path, parents: bool = False) -> Path | None:
    """``folder``, made if need be, when it is a real folder this user owns that nobody else can write."""
    try:
        folder.mkdir(mode=0o700, parents=parents, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None  # a link, someone else's folder, or one others can write: do not trust it
    return folder


def _ancestors_trusted(folder: Path) -> bool:
    """Nobody else can move the folder away and put another in its place: every folder above it, as written and
    with links resolved, belongs to this user or to root, and others cannot write it unless it is sticky (as
    /tmp is: there they cannot rename what is not theirs). A link on the way must belong to this user or root."""
    written = folder.absolute().parent
    resolved = written.resolve()
    for ancestor in dict.fromkeys([written, *written.parents, resolved, *resolved.parents]):  # each once
        try:
            info = ancestor.lstat()
        except OSError:
            return False
        if info.st_uid not in (0, os.getuid()):
            return False
        if not stat.S_ISLNK(info.st_mode) and info.st_mode & 0o022 and not info.st_mode & stat.S_ISVTX:
            return False
    return True


def cache_dir() -> Path | None:
    folder = _trusted(Path(platformdirs.user_cache_dir("kontum-mttq-site", appauthor=False)), parents=True)
    return folder if folder is not None and _ancestors_trusted(folder) else None


def subfolder(name: str) -> Path | None:
    """A folder of the cache (templates/, cards/), with the cache's own checks; None where there is none."""
    base = cache_dir()
    return _trusted(base / name) if base is not None else None


def store(path: Path, content: bytes) -> None:
    """Write a cache entry whole or not at all, and keep its folder to the newest KEEP_CARDS files."""
    try:
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_bytes(content)
        os.replace(temporary, path)
        entries = sorted(path.parent.iterdir(), key=lambda entry: entry.stat().st_mtime, reverse=True)
        for old in entries[KEEP_CARDS:]:
            old.unlink()
    except OSError:
        pass  # a cache that cannot be written only costs the next build its drawing
