"""Other reports than Kon Tum's: the two example folders (examples/: a provincial composition report, a minimal
one of two paragraphs and two figures) and the folder `python -m sitegen new` writes each build under --strict
in both editions from their own mkdocs.yml and data/ alone, with no empty section, no sentence counting zero
things and no word of the Kon Tum article."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.emptiness import emptiness
from helpers.project import ROOT, build_site, mkdocs_settings, snapshot
from sitegen.pipeline import load_model
from sitegen.pipeline import main as generate
from sitegen.render import render_pages
from sitegen.scaffold import SKELETON, new
from sitegen.search_scripts import fold  # as search folds: a word however it is written

EXAMPLES = {name: ROOT / "examples" / name for name in ("composition", "minimal")}
REPORTS = [*EXAMPLES, "new"]
# The Kon Tum article's words and figures, folded (search_scripts.fold): its province, places and author, its two totals.
KON_TUM = re.compile(r"\b(?:kon tum|kontum|kon ray|quyet thang|dak|ngoc hoi|nguyen dang binh)\b|\b102/102\b|\b756/756\b")
TEXT_FILES = (".html", ".json", ".csv", ".yml", ".txt", ".xml", ".js", ".md")


@pytest.fixture(scope="module", params=REPORTS)
def report(request, tmp_path_factory) -> Path:
    """Each report's folder: the examples as they are in the repository, and a folder `new` has just written."""
    if request.param in EXAMPLES:
        return EXAMPLES[request.param]
    folder = tmp_path_factory.mktemp("new") / "my-report"
    new(folder)
    return folder


@pytest.fixture(scope="module")
def site(report, tmp_path_factory) -> Path:
    """The report built in this process as `mkdocs build --strict` builds it (docs/ and site/ in a temporary folder)."""
    out = tmp_path_factory.mktemp("built")
    build_site(report / "mkdocs.yml", out / "docs", out / "site")
    return out / "site"


@pytest.mark.slow
def test_each_report_builds_strictly_in_both_editions(site):
    pages = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html") if "assets" not in p.parts}
    vietnamese = {page for page in pages if page != "en" and not page.startswith("en/")}
    assert {"so-lieu", "nguon"} <= vietnamese
    assert {"en" if page == "." else f"en/{page}" for page in vietnamese} <= pages
    assert "<html lang=en" in (site / "en" / "index.html").read_text(encoding="utf-8").replace('"', "")


def test_no_page_shows_an_empty_section_or_a_sentence_counting_zero_things(report):
    pages = render_pages(load_model(report / "data"))
    assert {path: found for path, page in pages.items() if (found := emptiness(page.text()))} == {}


@pytest.mark.slow
def test_no_file_of_the_site_holds_a_word_of_the_kon_tum_article(site):
    found = {}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in TEXT_FILES:
            if words := set(KON_TUM.findall(fold(path.read_text(encoding="utf-8", errors="replace")))):
                found[path.relative_to(site).as_posix()] = words
    assert found == {}


def test_the_composition_reports_own_arithmetic_is_shown_not_failed():
    figures = render_pages(load_model(EXAMPLES["composition"] / "data"))["so-lieu.md"].text()
    assert "3.108 + 2.361 = 5.469, bài viết ghi 5.472" in figures.replace("\\", "")


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_has_the_mkdocs_yml_new_writes(name):
    assert (EXAMPLES[name] / "mkdocs.yml").read_text(encoding="utf-8") == (SKELETON / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_new_reports_pages_are_read_with_this_sites_markdown_extensions():
    names = lambda extensions: [next(iter(e)) if isinstance(e, dict) else e for e in extensions]
    skeleton = mkdocs_settings(SKELETON / "mkdocs.yml")
    assert names(skeleton["markdown_extensions"]) == names(mkdocs_settings()["markdown_extensions"])


def test_new_writes_the_config_an_empty_docs_folder_and_the_data(tmp_path):
    result = subprocess.run([sys.executable, "-m", "sitegen", "new", str(tmp_path / "r")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    written = {p.relative_to(tmp_path / "r").as_posix() for p in (tmp_path / "r").rglob("*") if p.is_file()}
    assert {"mkdocs.yml", "docs/.gitignore", "data/article.txt", "data/article.yml", "data/figures.yml"} <= written
    assert not any(name.startswith("overrides/") for name in written)  # the plugin brings its own


def test_new_makes_missing_parent_folders_and_prints_the_readmes_serve_command(tmp_path):
    folder = tmp_path / "reports" / "my-report"  # as the README's ~/reports/my-report, on a first report
    result = subprocess.run([sys.executable, "-m", "sitegen", "new", str(folder)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (folder / "mkdocs.yml").is_file()
    assert result.stdout.splitlines()[-1] == f"next: cd {folder} && NO_MKDOCS_2_WARNING=1 mkdocs serve"


def test_new_refuses_a_folder_with_anything_in_it_in_one_line_and_touches_nothing(tmp_path):
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = snapshot(folder)
    result = subprocess.run([sys.executable, "-m", "sitegen", "new", str(folder)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: {folder}: is not empty — expected a new or empty folder for the report (nothing is overwritten)"
    ]
    assert snapshot(folder) == before


def test_a_changed_article_says_which_sha256_line_to_paste(tmp_path, capsys):
    new(tmp_path / "r")
    article = tmp_path / "r" / "data" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    assert generate(["--data", str(tmp_path / "r" / "data"), "--out", str(tmp_path / "docs")]) == 1
    digest = hashlib.sha256(article.read_bytes()).hexdigest()
    assert f"`sha256: {digest}`" in capsys.readouterr().err
