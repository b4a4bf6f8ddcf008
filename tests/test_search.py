"""Search finds what Vietnamese readers type — with or without tone marks — in Chromium, on the built site."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((Path(__file__).with_name("search_queries.yml")).read_text(encoding="utf-8"))["queries"]
VOWELS = {"a": "aăâ", "e": "eê", "i": "i", "o": "oôơ", "u": "uư", "y": "y"}
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # none, huyền, sắc, hỏi, ngã, nặng


def syllables():
    for base, letters in VOWELS.items():
        for letter in letters:
            for tone in TONES:
                composed = unicodedata.normalize("NFC", letter + tone)
                yield composed, base
                yield composed.upper(), base


@pytest.fixture(scope="module")
def fold(browser, server):
    page = browser.new_page()
    page.goto(server + "/")
    page.add_script_tag(url=server + "/assets/javascripts/search-fold.js")
    yield lambda texts: page.evaluate("texts => texts.map(self.searchFold.fold)", texts)
    page.close()


def test_every_vowel_with_every_tone_folds_to_its_base_letter(fold):
    pairs = list(syllables())
    assert len(pairs) == 12 * 6 * 2
    assert fold([text for text, _ in pairs]) == [base for _, base in pairs]


def test_d_with_stroke_folds_to_d(fold):
    assert fold(["đ", "Đ", "Đăk"]) == ["d", "d", "dak"]


def test_nfc_and_nfd_fold_alike(fold):
    text = "Mặt trận Tổ quốc Việt Nam phường Quyết Thắng"
    assert fold([unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)]) == ["mat tran to quoc viet nam phuong quyet thang"] * 2


@pytest.fixture(scope="module")
def search(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/")
    box = page.locator("input[data-md-component=search-query]")

    def run(query: str) -> list[str]:
        box.click()
        box.fill("")
        box.type(query)
        return settled_results(page, server)

    yield run
    page.close()


def settled_results(page, server: str) -> list[str]:
    """Result pages in order, once the list has stopped changing."""
    previous = None
    for _ in range(30):
        page.wait_for_timeout(100)
        hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all("els => els.map(e => e.href)")
        if hrefs and hrefs == previous:
            break
        previous = hrefs
    pages: list[str] = []
    for href in previous or []:
        path = href.removeprefix(server + "/").split("?")[0].split("#")[0]
        if path not in pages:
            pages.append(path)
    return pages


@pytest.mark.parametrize("row", QUERIES, ids=[row["query"] for row in QUERIES])
def test_query_finds_the_page(search, row):
    pages = search(row["query"])
    if row.get("first"):
        assert pages[:1] == [row["page"]], pages[:3]
    else:
        assert row["page"] in pages[:3], pages[:3]


@pytest.fixture
def results(browser, server):
    """Type a query into the search box of a fresh page; return the results element once it has settled."""
    pages = []

    def run(query: str):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        pages.append(page)
        page.goto(server + "/")
        page.locator("input[data-md-component=search-query]").click()
        page.keyboard.type(query)
        settled_results(page, server)
        return page.locator(".md-search-result")

    yield run
    for page in pages:
        page.close()


def test_results_highlight_the_words_typed_without_marks(results):
    marks = results("quyet thang").locator("mark").all_inner_texts()
    assert any(mark.lower() in ("quyết", "thắng") for mark in marks), marks


def test_result_shows_page_and_section_titles(results):
    titles = results("kiem nhiem").locator(".md-search-result__article h1, .md-search-result__article h2").all_inner_texts()
    assert "Hạn chế, khuyết điểm" in titles
    assert any("kiêm nhiệm" in title for title in titles)


def test_a_word_matched_in_several_forms_is_marked_once(results):
    shown = results("dan toc thieu so")
    assert "k>" not in shown.inner_text()
    assert "DTTS" in shown.locator("mark").all_inner_texts()
