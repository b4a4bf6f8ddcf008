"""Search finds what readers type — with or without tone marks, Telex/VNI residue, run-together words, typos,
dates and codes in any spelling, questions, synonyms — in Chromium, on the built site.

Ranking is checked cheaply: every query of tests/search_queries.yml goes through Material's own worker in one
page and one evaluate call (helpers.browser.run_worker). A few tests type into the real search box, one per behaviour."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
import yaml

from helpers.browser import run_worker, type_query
from helpers.html import highlighted_words
from sitegen.search_scripts import SCRIPTS
from sitegen.search_scripts import fold as folded

pytestmark = pytest.mark.browser

LIST = yaml.safe_load((Path(__file__).with_name("search_queries.yml")).read_text(encoding="utf-8"))
QUERIES, GOALS = LIST["queries"], LIST["goals"]
VOWELS = {"a": "aăâ", "e": "eê", "i": "i", "o": "oôơ", "u": "uư", "y": "y"}
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # none, huyền, sắc, hỏi, ngã, nặng


def edition(row: dict) -> str:
    return "en" if row.get("edition") == "en" else ""


def syllables():
    for base, letters in VOWELS.items():
        for letter in letters:
            for tone in TONES:
                composed = unicodedata.normalize("NFC", letter + tone)
                yield composed, base
                yield composed.upper(), base


@pytest.fixture
def fold(page):  # the blank page page.fresh() leaves: fold.js needs nothing of the site's
    page.add_script_tag(content=(SCRIPTS / "fold.js").read_text(encoding="utf-8"))  # the worker's folding, as written
    return lambda texts: page.evaluate("texts => texts.map(text => fold(text))", texts)


def test_every_vowel_with_every_tone_folds_to_its_base_letter(fold):
    pairs = list(syllables())
    assert len(pairs) == 12 * 6 * 2
    assert fold([text for text, _ in pairs]) == [base for _, base in pairs]


def test_d_with_stroke_folds_to_d(fold):
    assert fold(["đ", "Đ", "Đăk"]) == ["d", "d", "dak"]


def test_nfc_and_nfd_fold_alike(fold):
    text = "Mặt trận Tổ quốc Việt Nam phường Quyết Thắng"
    assert (
        fold([unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)])
        == ["mat tran to quoc viet nam phuong quyet thang"] * 2
    )


# Queries of the tests below, not of the list: they ask more of an answer than its page.
ASKED = {"": ["nhiemm", "nhiem", "trấn"], "en": ["villages", "does", "quyeets"]}


@pytest.fixture(scope="module")
def ranked(desktop_tab, server, site) -> dict[tuple[str, str], dict]:
    """(edition, query) → Material's worker's answer, for every query of the list and the tests' own (ASKED):
    one page, one evaluate."""
    jobs = [(name, [row["query"] for row in QUERIES if edition(row) == name] + ASKED[name]) for name in ("", "en")]
    answers = run_worker(desktop_tab.fresh(), server, site, jobs)
    return {
        (name, query): result
        for (name, queries), answer in zip(jobs, answers)
        for query, result in zip(queries, answer["results"])
    }


# Each query finds its page; a goal class's queries are held as a share instead (the test after this one).
REQUIRED = [row for row in QUERIES if row["class"] not in GOALS]


@pytest.mark.parametrize("row", REQUIRED, ids=[f"{row['class']}:{row.get('edition', 'vi')}:{row['query']}" for row in REQUIRED])
def test_query_finds_the_page(ranked, row):
    assert found(ranked, row), ranked[(edition(row), row["query"])]["pages"][:3]


def found(ranked, row) -> bool:
    pages = ranked[(edition(row), row["query"])]["pages"]
    return pages[:1] == [row["page"]] if row.get("first") else row["page"] in pages[:3]


@pytest.mark.parametrize(("name", "side"), [(name, side) for name in GOALS for side in ("", "en")])
def test_a_goal_class_finds_its_pages_often_enough(ranked, name, side):
    rows = [row for row in QUERIES if row["class"] == name and edition(row) == side]
    missed = [row["query"] for row in rows if not found(ranked, row)]
    assert len(rows) - len(missed) >= GOALS[name] * len(rows), missed


def test_every_class_is_tested_in_both_editions():
    classes = {(row["class"], edition(row)) for row in QUERIES}
    for name in ("telex", "vni", "run-together", "typo", "date", "number", "code", "question", "synonym", "quote", *GOALS):
        assert (name, "") in classes and (name, "en") in classes, name


def test_telex_residue_is_decoded_only_into_words_of_the_index(ranked):
    # "villages" and "does" end in Telex tone keys, but the index has no "villagé" or "dóe": they stay English.
    villages, does, quyeets = (ranked[("en", query)] for query in ("villages", "does", "quyeets"))
    assert villages["pages"] and all(term.isascii() for term in villages["terms"]), villages["terms"]
    assert all(term.isascii() for term in does["terms"]), does["terms"]
    assert "quyết" in quyeets["terms"]


def test_a_question_never_puts_the_whole_article_first(ranked):
    for row in QUERIES:
        if row["class"] == "question":
            assert ranked[(edition(row), row["query"])]["pages"][:1] != ["nguon/"], row["query"]


def test_typo_matches_rank_below_exact_ones(ranked):
    typo, exact = ranked[("", "nhiemm")], ranked[("", "nhiem")]
    assert typo["pages"] and typo["pages"][0] == exact["pages"][0]


# Typed into the real search box, one per behaviour.


def test_typed_without_marks_finds_and_highlights_the_words(page, server):
    page.goto(server + "/")
    assert type_query(page, server, "quyet thang")[:1] == ["dai-hoi-diem/"]
    marks = page.locator(".md-search-result mark").all_inner_texts()
    assert any(mark.lower() in ("quyết", "thắng") for mark in marks), marks


def test_typed_synonym_finds_the_page(page, server):
    page.goto(server + "/")
    assert type_query(page, server, "thieu sot")[:1] == ["han-che/"]


def test_typed_code_in_any_spelling_finds_the_document(page, server):
    page.goto(server + "/")
    assert "van-ban/" in type_query(page, server, "hd93")[:3]


def test_typed_english_query_stays_in_the_english_edition(page, server):
    page.goto(server + "/en/")
    pages = type_query(page, server, "flaws")
    assert pages[:1] == ["en/han-che/"], pages
    assert all(path.startswith("en/") for path in pages), pages


def test_keyboard_opens_a_result_and_the_page_marks_folded_and_decoded_words(page, server):
    page.goto(server + "/")
    assert type_query(page, server, "quyeets thawngs")[:1] == ["dai-hoi-diem/"]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/dai-hoi-diem/?h=*")
    marks = highlighted_words(page)
    assert {"quyết", "thắng"} <= marks, marks


def test_result_shows_page_and_section_titles(page, server):
    page.goto(server + "/")
    type_query(page, server, "kiem nhiem")
    titles = page.locator(".md-search-result__article h1, .md-search-result__article h2").all_inner_texts()
    assert "Hạn chế, khuyết điểm" in titles
    assert any("kiêm nhiệm" in title for title in titles)


def test_a_word_matched_in_several_forms_is_marked_once(page, server):
    page.goto(server + "/")
    type_query(page, server, "dan toc thieu so")
    shown = page.locator(".md-search-result")
    assert "k>" not in shown.inner_text()
    assert "DTTS" in shown.locator("mark").all_inner_texts()


@pytest.mark.parametrize(
    ("query", "spelt"),
    [
        ("quyet thang", {"quyết", "thắng"}),  # folded
        ("quyeets thawngs", {"quyết", "thắng"}),  # decoded
        ("thiếu sót", {"hạn", "chế"}),  # a synonym
        ("ngày 12 tháng 1", {"12/01/2024"}),  # a date in other words
    ],
    ids=["folded", "decoded", "synonym", "date"],
)
def test_the_landing_page_is_told_the_words_as_it_writes_them(ranked, query, spelt):
    # Material passes the found terms on in ?h=, and its highlighter marks them as written on the page.
    assert spelt <= set(ranked[("", query)]["terms"])


def test_the_landing_page_marks_what_a_search_without_marks_found(page, server, ranked):
    terms = " ".join(ranked[("", "quyet thang")]["terms"] + ranked[("", "ngày 12 tháng 1")]["terms"])
    page.goto(server + "/dai-hoi-diem/?h=" + terms)
    marks = highlighted_words(page)
    assert "quyết" in marks and "12/01/2024" in marks, marks


def test_each_edition_downloads_only_its_own_search_words(site):
    # The English edition's index names its own file (lunr.vi_en), which Material's worker loads instead.
    english = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))["config"]["lang"]
    assert [(site / f"assets/javascripts/lunr/min/lunr.{lang}.min.js").is_file() for lang in english] == [True]
    files = {
        edition: (site / f"assets/javascripts/lunr/min/lunr.{lang}.min.js").read_text(encoding="utf-8")
        for edition, lang in (("vi", "vi"), ("en", english[0]))
    }
    assert '"thieu sot"' in files["vi"] and '"flaws"' not in files["vi"]
    assert '"flaws"' in files["en"] and '"thieu sot"' not in files["en"]
    # and its language's function words: "chưa", "the"
    assert '"chưa"' in files["vi"] and '"the"' not in files["vi"]
    assert '"the"' in files["en"] and '"chưa"' not in files["en"]


# What search marks: only what was typed (issue 27).


def test_no_result_passes_on_an_internal_word(ranked):
    # A date is indexed under one key (date20240112); the page is told the date as it writes it (12/01/2024).
    internal = {
        query: terms for (_, query), result in ranked.items() if (terms := [t for t in result["terms"] if t.startswith("date")])
    }
    assert internal == {}


def test_words_typed_with_marks_are_marked_with_those_marks_only(page, server):
    page.goto(server + "/")
    type_query(page, server, "mặt trận")
    marks = {mark.lower() for mark in page.locator(".md-search-result mark").all_inner_texts() if mark.strip()}
    # "mặt trận", not "trấn" (thị trấn) nor "trang"
    assert {mark for mark in marks if folded(mark) in ("mat", "tran")} == {"mặt", "trận"}, marks


def test_a_word_typed_with_marks_ranks_pages_that_hold_it_so_first(ranked, site):
    top = ranked[("", "trấn")]["pages"][:3]
    assert top and all("trấn" in (site / path / "index.html").read_text(encoding="utf-8").lower() for path in top), top


def test_a_word_being_typed_marks_no_function_word_it_only_starts(page, server):
    page.goto(server + "/")
    type_query(page, server, "hiep thuong cu")
    marks = {mark.lower() for mark in page.locator(".md-search-result mark").all_inner_texts()}
    assert "cử" in marks and "của" not in marks, marks


def test_the_landing_page_marks_only_words_it_holds_whole(page, server):
    # Material's highlighter marks a word of ?h= anywhere, inside other words too ("tran" in "Trang").
    page.goto(server + "/dai-hoi-diem/?h=tran thi quyết 12/01/2024")
    assert highlighted_words(page) == {"quyết", "12/01/2024"}
    assert page.evaluate("new URL(location.href).searchParams.get('h')") == "quyết 12/01/2024"


@pytest.mark.parametrize("edition", ["", "en/"], ids=["vi", "en"])
def test_result_texts_leave_no_space_before_closing_punctuation(site, edition):
    # A citation left out of the search text ("congress [¶ 11])") once left "congress )" in the snippets.
    docs = json.loads((site / edition / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    stray = [doc["location"] for doc in docs if " )" in doc["text"] or " ," in doc["text"]]
    assert stray == []
