"""The words each edition's search file carries besides the code: the function and question words of its
language, from the stopwords-iso lists kept in scripts/sitegen/search/ (no browser needed)."""

from __future__ import annotations

import pytest

from sitegen.search_scripts import SCRIPTS, page_words, stopwords

PAGES = {
    "han-che.md": "# Hạn chế\n\nKết quả chưa rõ, **chưa** cụ thể; nhân sự còn kiêm nhiệm. Xã Đăk Pne.\n".encode(),
    "han-che.en.md": b"# Shortcomings\n\nThe results were not yet clear.\n",
}


def test_a_function_word_on_the_pages_is_kept_as_written_with_its_marks():
    words = stopwords("vi", page_words(PAGES, "vi"))
    assert {"chưa", "còn"} <= set(words)
    assert "chua" not in words and "con" not in words  # folded, "chua" could be "chùa", "con" a child


def test_only_the_function_words_on_the_editions_own_pages_are_kept():
    vi, en = stopwords("vi", page_words(PAGES, "vi")), stopwords("en", page_words(PAGES, "en"))
    assert "bao nhiêu" not in vi  # in the list, but on none of these pages: it cannot change a ranking
    assert "the" in en and "the" not in vi and "chưa" not in en


@pytest.mark.parametrize("entry", ["10", "'ll", "i.e.", "a-lô"], ids=["figure", "apostrophe", "dots", "hyphen"])
def test_an_entry_that_is_not_letters_is_left_out(entry):
    words = {"10", "ll", "i", "e", "a", "lô"}
    assert entry not in stopwords("en", words) + stopwords("vi", words)


def test_a_language_without_a_list_has_no_function_words():
    assert stopwords("xx", {"the", "chưa"}) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_list_names_its_source_version_and_licence(lang):
    head = (SCRIPTS / f"stopwords-{lang}.txt").read_text(encoding="utf-8").split("\n#", 3)
    assert all(part in " ".join(head) for part in ("stopwords-iso 1.1.0", "MIT", "Gene Diaz"))
