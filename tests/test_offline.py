"""The offline edition (OFFLINE=true mkdocs build) opens from disk: navigation and search work, nothing is fetched."""

from __future__ import annotations

import zipfile

import pytest

from helpers.html import highlighted_words
from helpers.project import ROOT, build_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("OFFLINE", "true")  # mkdocs.yml: Material's offline plugin, enabled: !ENV OFFLINE
        build_site(ROOT / "mkdocs.yml", folder / "docs", folder / "site")
    return folder / "site"


def test_offline_build_makes_a_folder_and_a_zip(offline_site):
    archive = offline_site.with_name("site.zip")
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
    assert {
        "site/index.html",
        "site/nguon.html",
        "site/search/search_index.js",
        "site/assets/javascripts/iframe-worker/shim.js",
    } <= names
    # the pictures' social cards travel with it, in both editions
    assert {"site/assets/cards/index.png", "site/en/assets/cards/index.png"} <= names


def test_offline_site_navigates_and_searches_from_disk(page, offline_site):
    requests: list[str] = []

    def note(request) -> None:
        requests.append(request.url)

    page.on("request", note)
    try:
        page.goto(offline_site.joinpath("index.html").as_uri())
        page.locator(".md-content a[href='moc-thoi-gian.html']").first.click()
        page.wait_for_url("**/moc-thoi-gian.html")
        page.locator("input[data-md-component=search-query]").click()
        page.keyboard.type("quyet thang")
        page.wait_for_selector(".md-search-result__link")
        first = page.locator(".md-search-result__link").first.get_attribute("href")
    finally:
        page.remove_listener("request", note)
    assert first.split("?")[0].endswith("/site/dai-hoi-diem.html")
    assert [url for url in requests if not url.startswith(("file:", "data:", "about:"))] == []


def test_offline_english_edition_searches_its_own_pages(page, offline_site):
    page.goto(offline_site.joinpath("en", "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator("input[data-md-component=search-query]").click()
    page.keyboard.type("pilot congress")
    page.wait_for_selector(".md-search-result__link")
    hrefs = page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    assert hrefs[0].split("?")[0].endswith("/site/en/dai-hoi-diem.html")
    assert all("/site/en/" in href for href in hrefs)


def test_offline_search_decodes_keyboard_residue_and_marks_the_landing_page(page, offline_site):
    # The worker's file is one script (iframe-worker loads nested scripts late): all of search works from disk.
    page.goto(offline_site.joinpath("index.html").as_uri())
    page.locator("input[data-md-component=search-query]").click()
    page.keyboard.type("quyeets thawngs")
    page.wait_for_function("() => (document.querySelector('.md-search-result__link') || {}).href?.includes('dai-hoi-diem.html')")
    page.locator(".md-search-result__link").first.click()
    marks = highlighted_words(page)
    assert "quyết" in marks, marks
