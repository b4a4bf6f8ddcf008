"""The page registry is the one place a page is declared: one entry, one template and its words in the
catalogue make a new page, in both editions, in the navigation and (if asked) on the home page."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from helpers.project import SYNTHETIC, build_site, copy_project
from sitegen import pages, strings
from sitegen.errors import DataError
from sitegen.pipeline import generate


@pytest.fixture
def made_up_page(tmp_path, monkeypatch):
    """A page 'thu-nghiem' (a made-up one): one registry entry, one template, its words in the catalogue, one
    description in the data."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "thu-nghiem.md.j2").write_text(
        '{% extends "_page.md.j2" %}\n{% block content %}\n{{ t("trial-text") }}\n{% endblock %}\n',
        encoding="utf-8",
    )
    entry = pages.Page("thu-nghiem", "page-trial", section="tra-cuu", on_home=True)
    words = {"page-trial": {"vi": "Thử nghiệm", "en": "Trial"}, "trial-text": {"vi": "Trang thử nghiệm.", "en": "A test page."}}
    catalogue = {**strings.strings(), **words}
    monkeypatch.setattr(strings, "strings", lambda: catalogue)
    monkeypatch.setattr(pages, "PAGES", (*pages.PAGES, entry))
    monkeypatch.setattr(pages, "EXTRA_TEMPLATES", [str(templates)])
    data = tmp_path / "data"
    shutil.copytree(SYNTHETIC, data)
    site = data / "site.yml"
    text = site.read_text(encoding="utf-8")
    text = text.replace("  pages:\n", '  pages:\n    thu-nghiem: "Một trang thử nghiệm."\n', 1)
    text = text.replace("  pages_en:\n", '  pages_en:\n    thu-nghiem: "A made-up page."\n', 1)
    site.write_text(text, encoding="utf-8")
    return data


def test_one_entry_and_one_template_make_a_page_in_both_editions(made_up_page, tmp_path):
    generate(made_up_page, tmp_path / "docs")
    vietnamese = (tmp_path / "docs" / "thu-nghiem.md").read_text(encoding="utf-8")
    english = (tmp_path / "docs" / "thu-nghiem.en.md").read_text(encoding="utf-8")
    assert "title: Thử nghiệm" in vietnamese and "# Thử nghiệm" in vietnamese and "Trang thử nghiệm." in vietnamese
    assert "title: Trial" in english and "A test page." in english
    assert "(thu-nghiem.md)" in (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")  # on the home page


def test_the_new_page_is_in_the_navigation_of_both_editions(made_up_page, tmp_path):
    project = copy_project(tmp_path / "project", data=made_up_page)
    build_site(project / "mkdocs.yml", project / "docs", project / "site")
    assert "Thử nghiệm" in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "Trial" in (project / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert (project / "site" / "en" / "thu-nghiem" / "index.html").is_file()


def test_a_page_without_a_description_is_refused(made_up_page, tmp_path):
    site = made_up_page / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace('    thu-nghiem: "A made-up page."\n', ""), encoding="utf-8")
    with pytest.raises(DataError, match="the page 'thu-nghiem' has no description"):
        generate(made_up_page, tmp_path / "docs")


def test_every_page_is_listed_once():
    slugs = [page.slug for page in pages.PAGES]
    assert len(slugs) == len(set(slugs))
    assert all(page.section in (None, *pages.SECTIONS) for page in pages.PAGES)
    assert replace(pages.PAGES[0]).markdown_file == "index.md"
