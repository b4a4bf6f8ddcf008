"""Change a folder all or nothing: docs/ (the generated pages) and site/ (MkDocs' output).

A change is staged inside the folder itself (`.sitegen-new/`), so that every move is a rename on one
filesystem, even when the folder is a mount point of its own. Before anything in the folder moves, a journal
names what the change adds, replaces and removes; what it replaces or removes waits in `.sitegen-old/` until
the change is committed. A change that fails or is aborted is rolled back, and one whose build was killed is
rolled back by the next build in that folder. One build at a time holds the folder's lock.

In docs/, only files the generator wrote are replaced or removed (`.sitegen-manifest.json` lists them): a page
written by hand is left alone, and published beside the generated ones.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError

STAGED = ".sitegen-new"
KEPT = ".sitegen-old"
JOURNAL = ".sitegen-journal.json"
MANIFEST = ".sitegen-manifest.json"
LOCK = ".sitegen-lock"


def write_failed(folder: Path, error: OSError) -> DataError:
    """An OSError while writing into ``folder``, as the one line a maintainer reads: the file the system names
    (else the folder), what went wrong, and what would let the build write."""
    reason = (error.strerror or str(error)).lower()
    if error.errno == errno.ENOSPC:
        reason, expected = "the disk is full", "free space: a build needs room for its new files beside the old"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        expected = "files and folders this user may read and write (their permissions; a disk not mounted read-only)"
    elif error.errno in (errno.ENOTDIR, errno.EEXIST, errno.EISDIR):
        reason = "a file, or a link to nothing, is where a folder goes"
        expected = "a folder where the build writes, not a file (or nothing of that name: the build makes it)"
    else:
        expected = "a folder the build can write in"
    # A file the system names, but not on a full disk, where the file is only the one that happened to be last.
    where = Path(os.fsdecode(error.filename)) if error.filename and error.errno != errno.ENOSPC else folder
    kept = "it is" if where == folder else f"{folder.name}/ is"
    return DataError(str(where), "", f"could not be written ({reason}); {kept} as it was before this build", expected)


@dataclass
class Change:
    """Entries of ``folder`` (relative paths) that a staged change adds, replaces and removes."""

    folder: Path
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> list[str]:
        """What a reader of the folder sees change (the manifest is the generator's own record)."""
        return sorted(name for name in self.added + self.replaced + self.removed if name != MANIFEST)

    def apply(self) -> None:
        """Move the staged entries in, keeping what they replace until commit() or roll_back()."""
        (self.folder / JOURNAL).write_text(
            json.dumps({"added": self.added, "replaced": self.replaced, "removed": self.removed}), encoding="utf-8"
        )
        with _undone_on_failure(self.folder, roll_back):
            for name in self.replaced + self.removed:
                _move(self.folder / name, self.folder / KEPT / name)
            for name in self.added + self.replaced:
                _move(self.folder / STAGED / name, self.folder / name)

    def commit(self) -> None:
        """The change made for good (again, if a first commit was cut short): the journal first, so that a Ctrl+C
        while removing what it replaced never rolls back from a half-removed copy."""
        (self.folder / JOURNAL).unlink(missing_ok=True)
        for name in self.removed:  # folders the removed files leave empty go too
            parent = (self.folder / name).parent
            while parent != self.folder and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        _clean(self.folder)


@contextlib.contextmanager
def _undone_on_failure(folder: Path, undo: Callable[[Path], None]) -> Iterator[None]:
    """What the block did in ``folder`` undone if it fails, on a full disk (then said in one line) or at a Ctrl+C."""
    try:
        yield
    except BaseException as error:
        undo(folder)
        if isinstance(error, OSError):
            raise write_failed(folder, error) from None
        raise


def _move(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _clean(folder: Path) -> None:
    """The journal last: while it exists, a change can still be rolled back. A working folder that is a link (to
    anywhere) goes as a link: rmtree leaves it, and the next build would write through it."""
    for working in (KEPT, STAGED):
        _remove(folder / working)
    (folder / JOURNAL).unlink(missing_ok=True)


def _inside(folder: Path, name: str, whole: bool = False) -> bool:
    """Whether ``name`` is an entry of ``folder`` or of a folder within it: relative, without "..", and not through
    a link out of it (an entry that is itself a link is moved or removed as a link, never followed; with ``whole``,
    for a copy to be put back and published, not even that)."""
    lexical = name and not name.startswith("/") and not {"", ".", ".."} & set(name.split("/"))
    path = folder / name if whole else (folder / name).parent
    return bool(lexical) and path.resolve().is_relative_to(folder.resolve())


def _names(folder: Path, record: str, value: object, within: tuple[Path, ...] = ()) -> list[str]:
    """The file names in a record of the generator's own (the manifest; a journal's lists), each inside ``folder``
    (and inside each of ``within``, where a journal's kept copies are); else one DataError: an edited or planted
    record must not move, delete or publish a file anywhere else (``../README.md``)."""

    def refuse(problem: str) -> DataError:
        if record == JOURNAL:  # it lists what to put back: deleting it would lose that
            expected = f"the build's own record of an unfinished change: move {record} out of {folder.name}/ and build again"
        else:
            expected = f"the generator's own record of its files: delete {record}, and the next build writes it again"
        return DataError(f"{folder.name}/{record}", "", problem, expected)

    if not isinstance(value, list):
        raise refuse("is not a list of files")
    for name in value:
        if not isinstance(name, str) or not all(_inside(place, name, place in within) for place in (folder, *within)):
            raise refuse(f"holds {name!r}, not a file inside {folder.name}/")
    return value


def roll_back(folder: Path) -> None:
    """Put ``folder`` back as it was before its last change was applied, however far that change got."""
    try:
        journal = json.loads((folder / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        journal = None  # no change was applied (a journal is written before the first move)
    if journal is not None:
        if not isinstance(journal, dict):
            journal = {"added": None}
        if (folder / KEPT).is_symlink():  # the copies to put back would come from wherever it points
            raise DataError(
                f"{folder.name}/{KEPT}",
                "",
                "is a link, not the build's own folder",
                f"no {KEPT} link: delete it, and build again",
            )
        added, replaced, removed = (
            _names(folder, JOURNAL, journal.get(key, []), within=(folder / KEPT,)) for key in ("added", "replaced", "removed")
        )
        for name in added:
            _remove(folder / name)
        for name in replaced + removed:
            if (folder / KEPT / name).exists():
                _remove(folder / name)
                _move(folder / KEPT / name, folder / name)
    _clean(folder)


class Interruptible:
    """While a change is under way, SIGTERM (`kill`, a service stopping) ends the process as Ctrl+C does, by a
    KeyboardInterrupt, so that the change is rolled back on the way out; by default it ends it on the spot, the
    change half made. Signals reach the main thread only: elsewhere (a server's rebuild) this does nothing."""

    def __init__(self) -> None:
        self._previous: Any = None

    def start(self) -> None:
        if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
            self._previous = signal.signal(signal.SIGTERM, _interrupt)

    def stop(self) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGTERM, self._previous)
            self._previous = None

    def __enter__(self) -> Interruptible:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class FolderLock:
    """One build at a time in a folder. The lock is the kernel's (flock): it goes with the process, however
    that ends, so a killed build never leaves the folder locked. Taking it rolls back what a killed build left."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if (self.folder / LOCK).is_symlink():  # never a file made wherever a planted link points
                (self.folder / LOCK).unlink()
            fd = os.open(self.folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        except OSError as error:  # docs/ is a file, a dangling link, or may not be written
            raise write_failed(self.folder, error) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise DataError(
                str(self.folder), "", "another build is running in this folder", "one build at a time: wait for it to end"
            ) from None
        self._fd = fd
        try:
            roll_back(self.folder)
        except BaseException:  # a record it will not follow: this build stops, and the folder is not left locked
            self.release()
            raise

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file releases the lock
            self._fd = None

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def generated(folder: Path) -> set[str] | None:
    """The files the generator wrote into ``folder`` last time, or None where no manifest says."""
    try:
        listed = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return set(_names(folder, MANIFEST, listed))


def hand_written(folder: Path) -> set[str]:
    """Files in ``folder`` that the generator did not write (dot files and folders are never pages)."""
    found = set()
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if not any(part.startswith(".") for part in relative.parts) and not path.is_dir():
            found.add(relative.as_posix())
    return found - (generated(folder) or set())


def stage_pages(folder: Path, files: dict[str, bytes]) -> Change:
    """Stage ``files`` as the generated part of ``folder``: only files whose bytes change are written, so an
    unchanged page keeps its date. Nothing in ``folder`` itself moves until the change is applied."""
    previous = generated(folder)
    if previous is not None:  # without a manifest (the first build, or one by an older version), none is known
        clash = sorted(set(files) & hand_written(folder))
        if clash:
            raise DataError(
                f"{folder.name}/{clash[0]}",
                "",
                "a page written by hand has the name of a page the generator makes",
                "your page under another name (the generator's pages are listed in " + f"{folder.name}/{MANIFEST})",
            )
    files = {**files, MANIFEST: json.dumps(sorted(files), ensure_ascii=False, indent=0).encode("utf-8")}
    change = Change(folder)
    staged = folder / STAGED
    with _undone_on_failure(folder, _clean):
        for name, content in files.items():
            target = folder / name
            if target.is_dir():
                raise DataError(
                    f"{folder.name}/{name}", "", "a folder has the name of a file the generator makes", "another name"
                )
            if target.is_file() and target.stat().st_size == len(content) and target.read_bytes() == content:
                continue
            (change.replaced if target.exists() else change.added).append(name)
            (staged / name).parent.mkdir(parents=True, exist_ok=True)
            (staged / name).write_bytes(content)
    change.removed = sorted(name for name in (previous or set()) - set(files) if (folder / name).exists())
    return change


def write_tree(files: dict[str, bytes], folder: Path) -> list[str]:
    """Make the generated part of ``folder`` exactly ``files``, all or nothing; return the paths that changed."""
    with FolderLock(folder):
        change = stage_pages(folder, files)
        change.apply()
        change.commit()
    return change.changed


def stage_site(folder: Path) -> Path:
    """An empty folder inside ``folder`` for MkDocs to build the new site into."""
    staged = folder / STAGED
    _remove(staged)
    staged.mkdir(parents=True)
    return staged


def site_change(folder: Path) -> Change:
    """The built site in place of the old one: its top-level entries, as MkDocs would leave dot files alone."""
    new = sorted(path.name for path in (folder / STAGED).iterdir())
    old = {path.name for path in folder.iterdir() if not path.name.startswith(".")}
    return Change(
        folder, added=[n for n in new if n not in old], replaced=[n for n in new if n in old], removed=sorted(old - set(new))
    )


def zip_folder(folder: Path) -> Path:
    """``folder`` as ``folder.zip`` beside it, the same bytes for the same files (fixed dates, sorted names)."""
    import zipfile

    archive = folder.with_name(folder.name + ".zip")
    temporary = archive.with_name(archive.name + ".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", date_time=(2024, 1, 1, 0, 0, 0))
            zipped.writestr(info, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED)
    os.replace(temporary, archive)
    return archive
