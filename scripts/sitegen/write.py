"""Put the generated files into docs/: all written to a temporary folder first, then moved in.

Only files whose bytes change are replaced, so an unchanged page keeps its timestamp; files a previous
run generated and this one does not are removed. Nothing in docs/ is touched until every file is ready.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

KEEP = {".gitignore"}  # docs/ is generated; this file keeps the folder in git


def write_tree(files: dict[str, bytes], out_dir: Path) -> list[str]:
    """Make ``out_dir`` hold exactly ``files``; return the paths that changed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".generating-", dir=out_dir.parent))
    try:
        for relative, content in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        changed = []
        for relative, content in files.items():
            final = out_dir / relative
            if final.is_file() and final.read_bytes() == content:
                continue
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / relative, final)
            changed.append(relative)
        for stale in sorted(out_dir.rglob("*"), reverse=True):
            relative = stale.relative_to(out_dir).as_posix()
            if stale.is_file() and relative not in files and stale.name not in KEEP:
                stale.unlink()
                changed.append(relative)
            elif stale.is_dir() and not any(stale.iterdir()):
                stale.rmdir()
        return changed
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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
