"""A new report's folder: the skeleton (skeleton/) copied as it is: mkdocs.yml, an empty docs/ and the least data a
site needs, a placeholder article that says what to replace, so that it builds at once and shows where each
fact goes. Nothing is overwritten: the folder must be new or empty."""

from __future__ import annotations

from pathlib import Path

from .errors import DataError

SKELETON = Path(__file__).with_name("skeleton")


def skeleton_files() -> list[Path]:
    """Every file of the skeleton, dot files too (docs/.gitignore keeps the empty docs/ in git), relative to it."""
    return sorted(
        path.relative_to(SKELETON) for path in SKELETON.rglob("*") if path.is_file() and "__pycache__" not in path.parts
    )


def new(folder: Path) -> list[Path]:
    """Write the skeleton into ``folder`` and return the files written; a folder with anything in it is refused."""
    if folder.exists() and not folder.is_dir():
        raise DataError(str(folder), "", "is a file", "a new or empty folder for the report")
    if folder.is_dir() and any(folder.iterdir()):
        raise DataError(str(folder), "", "is not empty", "a new or empty folder for the report (nothing is overwritten)")
    written = []
    try:
        for name in skeleton_files():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("xb") as file:  # "x": never over a file that appeared meanwhile
                file.write((SKELETON / name).read_bytes())
            written.append(target)
    except OSError as error:
        raise DataError(str(folder), "", f"cannot be written ({error.strerror or error})", "a folder you may write in") from None
    return written
