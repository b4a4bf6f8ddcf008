"""docs/ and site/ are replaced whole or not at all: a failed, aborted, interrupted or concurrent build leaves
both as they were, in one line; pages written by hand in docs/ are kept and published."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from helpers.project import SYNTHETIC, build_site, copy_project, edit, run_mkdocs, snapshot
from sitegen.errors import DataError
from sitegen.pipeline import main
from sitegen.write import MANIFEST, FolderLock, stage_pages, write_tree

PAGES = {"index.md": b"# Home\n", "part/one.md": b"# One\n"}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".sitegen-*") if p.name not in (".sitegen-lock", MANIFEST))


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project", SYNTHETIC)


def build(project: Path) -> None:
    build_site(project / "mkdocs.yml", project / "docs", project / "site")


# The generator's own files, on small made-up pages


def test_only_the_files_the_generator_wrote_are_removed(tmp_path):
    write_tree(PAGES, tmp_path)
    (tmp_path / "mine.md").write_text("# Mine\n", encoding="utf-8")
    write_tree({"index.md": b"# Home, again\n"}, tmp_path)
    assert snapshot(tmp_path) == {
        ".sitegen-lock": b"",
        MANIFEST: b'[\n"index.md"\n]',
        "index.md": b"# Home, again\n",
        "mine.md": b"# Mine\n",
    }


def test_a_hand_written_file_with_a_generated_name_is_one_line_and_kept(tmp_path):
    write_tree(PAGES, tmp_path)
    (tmp_path / "new.md").write_text("# Mine\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        write_tree({**PAGES, "new.md": b"# Generated\n"}, tmp_path)
    assert str(raised.value).startswith(f"{tmp_path.name}/new.md: a page written by hand has the name of a page")
    assert "\n" not in str(raised.value)
    assert (tmp_path / "new.md").read_text(encoding="utf-8") == "# Mine\n"


PLANTED = pytest.mark.parametrize(
    "name",
    ["../outside.md", "/tmp/sitegen-outside.md", "part/../../outside.md", "link/outside.md", 7],
    ids=["parent", "absolute", "climbing", "through-a-link", "not-text"],
)


def planted(tmp_path: Path) -> Path:
    """docs/ as a build leaves it, a file above it, and inside it a link to a folder elsewhere that holds a file."""
    docs = tmp_path / "docs"
    write_tree(PAGES, docs)
    (tmp_path / "outside.md").write_text("# Not the generator's\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "outside.md").write_text("# Not the generator's\n", encoding="utf-8")
    (docs / "link").symlink_to(tmp_path / "elsewhere")
    return docs


@PLANTED
def test_a_manifest_naming_a_file_outside_its_folder_is_one_line_and_moves_nothing(tmp_path, name):
    docs = planted(tmp_path)
    (docs / MANIFEST).write_text(json.dumps(["index.md", name]), encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(DataError) as raised:
        write_tree({"index.md": b"# Home, again\n"}, docs)
    assert str(raised.value) == (
        f"docs/{MANIFEST}: holds {name!r}, not a file inside docs/ — expected the generator's own record of its files:"
        f" delete {MANIFEST}, and the next build writes it again"
    )
    assert snapshot(tmp_path) == before


@PLANTED
def test_a_journal_naming_a_file_outside_its_folder_is_one_line_and_removes_nothing(tmp_path, name):
    docs = planted(tmp_path)
    (docs / ".sitegen-journal.json").write_text(json.dumps({"added": [name], "replaced": [], "removed": []}))
    before = snapshot(tmp_path)
    with pytest.raises(DataError, match="not a file inside docs/"):
        write_tree(PAGES, docs)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("how", ["kept-folder-a-link", "kept-copy-a-link"])
def test_a_journal_never_puts_back_a_file_from_outside(tmp_path, how):
    docs = planted(tmp_path)
    kept = docs / ".sitegen-old"
    if how == "kept-folder-a-link":
        kept.symlink_to(tmp_path / "elsewhere")
    else:
        kept.mkdir()
        (kept / "outside.md").symlink_to(tmp_path / "elsewhere" / "outside.md")
    (docs / ".sitegen-journal.json").write_text(json.dumps({"added": [], "replaced": ["outside.md"], "removed": []}))
    with pytest.raises(DataError):
        write_tree(PAGES, docs)
    assert (tmp_path / "elsewhere" / "outside.md").read_text(encoding="utf-8") == "# Not the generator's\n"
    assert not (docs / "outside.md").exists()


def test_a_journal_it_will_not_follow_leaves_the_folder_unlocked(tmp_path):
    docs = planted(tmp_path)
    (docs / ".sitegen-journal.json").write_text(json.dumps({"added": ["../outside.md"]}))
    with pytest.raises(DataError, match="not a file inside"):
        FolderLock(docs).acquire()
    (docs / ".sitegen-journal.json").unlink()
    with FolderLock(docs):  # not "another build is running in this folder": the first attempt let go
        pass


def test_a_file_name_with_a_backslash_is_a_name_like_any_other(tmp_path):
    """A data file may be named so (a download beside the pages): only "/" divides a path here."""
    write_tree({**PAGES, "du-lieu/glo\\ssary.yml": b"a: 1\n"}, tmp_path)
    write_tree({**PAGES, "du-lieu/glo\\ssary.yml": b"a: 2\n"}, tmp_path)
    assert (tmp_path / "du-lieu" / "glo\\ssary.yml").read_bytes() == b"a: 2\n"


def test_an_unchanged_page_is_not_rewritten(tmp_path):
    write_tree(PAGES, tmp_path)
    before = (tmp_path / "index.md").stat().st_mtime_ns
    changed = write_tree({**PAGES, "part/one.md": b"# One, again\n"}, tmp_path)
    assert changed == ["part/one.md"]
    assert (tmp_path / "index.md").stat().st_mtime_ns == before


def test_a_second_build_in_the_same_folder_stops_with_one_line(tmp_path, capsys):
    docs = tmp_path / "docs"
    write_tree(PAGES, docs)
    before = snapshot(docs)
    with FolderLock(docs):
        status = main(["--data", str(SYNTHETIC), "--out", str(docs)])
    assert status == 1
    assert capsys.readouterr().err.strip() == (
        f"error: {docs}: another build is running in this folder — expected one build at a time: wait for it to end"
    )
    assert snapshot(docs) == before


@pytest.mark.parametrize("kind", ["file", "dangling-link"])
def test_a_file_where_docs_goes_is_one_line_naming_it(tmp_path, capsys, kind):
    docs = tmp_path / "docs"
    if kind == "file":
        docs.write_text("notes\n", encoding="utf-8")
    else:
        docs.symlink_to(tmp_path / "nowhere")
    assert main(["--data", str(SYNTHETIC), "--out", str(docs)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"error: {docs}: could not be written (a file, or a link to nothing, is where a folder goes); it is as it was"
        " before this build — expected a folder where the build writes, not a file (or nothing of that name: the build"
        " makes it)"
    ]


KILLED_MID_CHANGE = """
import os, signal, sys
from pathlib import Path
from sitegen.write import FolderLock, stage_pages
folder = Path(sys.argv[1])
FolderLock(folder).acquire()
change = stage_pages(folder, {"index.md": b"# Half\\n", "part/two.md": b"# Two\\n"})
change.apply()
os.kill(os.getpid(), signal.SIGKILL)  # killed between moving the new pages in and committing them
"""


def test_the_next_build_rolls_back_what_a_killed_one_left(tmp_path):
    write_tree(PAGES, tmp_path)
    (tmp_path / "mine.md").write_text("# Mine\n", encoding="utf-8")
    before = snapshot(tmp_path)
    killed = subprocess.run([sys.executable, "-c", KILLED_MID_CHANGE, str(tmp_path)], capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    assert leftovers(tmp_path)  # the killed change's journal and the pages it replaced
    with FolderLock(tmp_path):
        assert snapshot(tmp_path) == before
    assert leftovers(tmp_path) == []


def test_a_change_staged_but_not_applied_touches_nothing(tmp_path):
    write_tree(PAGES, tmp_path)
    before = snapshot(tmp_path)
    stage_pages(tmp_path, {"index.md": b"# Other\n"})
    with FolderLock(tmp_path):
        assert snapshot(tmp_path) == before


# A run cut short by Ctrl+C (SIGINT) or `kill` (SIGTERM) at a given point: the signal is sent from inside the
# process as it gets there (no timing). "page": as MkDocs builds the first page (docs/ holds the new pages, the
# site is half built); "move-in <folder>": as the first new file moves into docs/ or site/.
INTERRUPTED = """
import os, signal, sys
import mkdocs.commands.build as build
import sitegen.write as write
point, sig, command = sys.argv[1], getattr(signal, sys.argv[2]), sys.argv[3:]

def interrupting(original, when):
    def call(*args, **kwargs):
        if when(*args):
            os.kill(os.getpid(), sig)
        return original(*args, **kwargs)
    return call

if point == "page":
    build._build_page = interrupting(build._build_page, lambda *args: True)
elif point == "committing":  # as the first of the build's changes (docs/'s) is made for good, once
    fired = []
    write.Change.commit = interrupting(write.Change.commit, lambda *args: not fired and not fired.append(1))
else:
    folder = point.split()[1]
    write._move = interrupting(write._move, lambda source, target: source.parent.name == write.STAGED and source.parent.parent.name == folder)
if command[0] == "generate":
    from sitegen.pipeline import main
    sys.exit(main(command[1:]))
from mkdocs.__main__ import cli
cli(command, prog_name="mkdocs")
"""


@pytest.fixture(scope="module")
def interrupted(tmp_path_factory) -> Path:
    """The fixture project built, then its data changed: each run below is cut short, so leaves it so."""
    project = copy_project(tmp_path_factory.mktemp("interrupted") / "project", SYNTHETIC)
    build(project)
    edit(project / "data" / "figures.yml", 'label_en: "Communes', 'label_en: "All communes')  # a change to make
    return project


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "point", "sig"),
    [("generate", "move-in docs", "SIGTERM"), ("build", "page", "SIGINT"), ("build", "move-in site", "SIGTERM")],
    ids=["generate-sigterm-moving-pages-in", "build-ctrl-c-building-pages", "build-sigterm-moving-the-site-in"],
)
def test_an_interrupted_run_leaves_docs_and_site_as_they_were_in_one_line(interrupted, command, point, sig):
    before = {name: snapshot(interrupted / name) for name in ("docs", "site")}
    args = ["generate", "--data", "data", "--out", "docs"] if command == "generate" else ["build", "-q", "--strict"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED, point, sig, *args], cwd=interrupted, env=env, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        "error: interrupted; nothing in docs is half-written" if command == "generate" else "Aborted!"
    )
    assert {name: snapshot(interrupted / name) for name in ("docs", "site")} == before
    assert leftovers(interrupted) == []


@pytest.mark.slow
def test_an_interruption_as_the_build_commits_leaves_docs_and_site_both_new(interrupted):
    """docs/ and site/ are made for good together: a Ctrl+C between the two left the new pages beside the old site."""
    before = {name: snapshot(interrupted / name) for name in ("docs", "site")}
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-c", INTERRUPTED, "committing", "SIGINT", "build", "-q", "--strict"]
    done = subprocess.run(command, cwd=interrupted, env=env, capture_output=True, text=True)
    assert "Traceback" not in done.stderr
    after = {name: snapshot(interrupted / name) for name in ("docs", "site")}
    assert after["docs"] != before["docs"] and after["site"] != before["site"]
    assert "All communes" in (interrupted / "site" / "en" / "so-lieu" / "index.html").read_text(encoding="utf-8")
    assert leftovers(interrupted) == []


@pytest.mark.parametrize("plant", ["manifest-names-a-file-above", "site-journal-names-a-file-above", "site-is-a-file"])
def test_a_folder_no_build_left_so_stops_mkdocs_in_one_line_touching_nothing(project, plant):
    if plant == "site-is-a-file":
        (project / "site").write_text("notes\n", encoding="utf-8")
    else:
        folder, record = ("docs", MANIFEST) if plant.startswith("manifest") else ("site", ".sitegen-journal.json")
        (project / folder).mkdir(exist_ok=True)
        (project / folder / record).write_text(json.dumps(["../README.md"] if folder == "docs" else {"added": ["../README.md"]}))
    (project / "README.md").write_text("# Mine\n", encoding="utf-8")
    files = lambda: {name: data for name, data in snapshot(project).items() if name != "docs/.sitegen-lock"}  # noqa: E731
    before = files()
    done = run_mkdocs("build", "-q", "--strict", cwd=project)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    (line,) = [line for line in done.stderr.splitlines() if line.startswith("ERROR")]
    assert ("could not be written" if plant == "site-is-a-file" else "not a file inside") in line
    assert files() == before


def test_working_folders_planted_as_links_are_never_written_through(tmp_path):
    docs, elsewhere = tmp_path / "docs", tmp_path / "elsewhere"
    write_tree(PAGES, docs)
    elsewhere.mkdir()
    (elsewhere / "index.md").write_text("# Not the generator's\n", encoding="utf-8")
    (docs / ".sitegen-lock").unlink()  # as a build leaves it; then planted as a link to nothing
    for working in (".sitegen-new", ".sitegen-old", ".sitegen-lock"):
        (docs / working).symlink_to(elsewhere if working != ".sitegen-lock" else elsewhere / "made-by-lock")
    write_tree({"index.md": b"# Home, again\n"}, docs)
    assert snapshot(elsewhere) == {"index.md": b"# Not the generator's\n"}
    assert (docs / "index.md").read_bytes() == b"# Home, again\n"
    assert not any((docs / working).is_symlink() for working in (".sitegen-new", ".sitegen-old", ".sitegen-lock"))


# Whole builds of the fixture project


@pytest.mark.slow
def test_a_hand_written_page_is_kept_and_published(project):
    (project / "docs" / "mine.md").write_text("# My own page\n\nWritten by hand.\n", encoding="utf-8")
    build(project)
    build(project)
    assert (project / "docs" / "mine.md").read_text(encoding="utf-8").startswith("# My own page")
    assert "Written by hand." in (project / "site" / "mine" / "index.html").read_text(encoding="utf-8")
    assert "My own page" in (project / "site" / "index.html").read_text(encoding="utf-8")  # in the navigation


@pytest.mark.slow
def test_a_strict_build_that_aborts_leaves_docs_and_site_as_they_were(project):
    build(project)
    docs, site = snapshot(project / "docs"), snapshot(project / "site")
    edit(project / "data" / "site.yml", "short_name: ", "short_name: Changed ")
    (project / "docs" / "broken.md").write_text("# Broken\n\n[a link to nothing](nothing.md)\n", encoding="utf-8")
    with pytest.raises(Abort, match="strict"):
        build(project)
    assert snapshot(project / "docs") == {**docs, "broken.md": (project / "docs" / "broken.md").read_bytes()}
    assert snapshot(project / "site") == site
    assert leftovers(project) == []


@pytest.mark.slow
def test_a_build_cleans_up_after_a_killed_one(project):
    build(project)
    site = snapshot(project / "site")
    (project / "site" / ".sitegen-new" / "half").mkdir(parents=True)  # as MkDocs leaves it when killed
    (project / ".generating-x1y2").mkdir()  # as older versions left it
    build(project)
    assert snapshot(project / "site") == site
    assert leftovers(project) == [] and not (project / ".generating-x1y2").exists()


def mount_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a filesystem needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")


@pytest.fixture
def mounts():
    folders: list[Path] = []
    yield folders
    for folder in folders:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.mark.slow
def test_docs_and_site_on_filesystems_of_their_own_build(project, mounts):
    for name in ("docs", "site"):
        mount_tmpfs(project / name, "64m")
        mounts.append(project / name)
    build(project)
    build(project)
    assert (project / "site" / "index.html").is_file() and (project / "docs" / "index.md").is_file()


@pytest.mark.slow
def test_a_full_disk_is_one_line_and_leaves_the_site_as_it_was(project, mounts):
    mount_tmpfs(project / "site", "5m")  # room for one site (~3.7 MB), not for the next one beside it
    mounts.append(project / "site")
    build(project)  # the site as it was (in-process: quicker); the build that fills the disk is the command's
    site = snapshot(project / "site")
    edit(project / "data" / "site.yml", "short_name: ", "short_name: Changed ")
    result = run_mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "site: could not be written (the disk is full); it is as it was before this build" in result.stderr
    assert snapshot(project / "site") == site
