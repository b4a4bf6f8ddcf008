"""A page is written out once, its front matter from a mapping: MkDocs reads back the values the stages set."""

from __future__ import annotations

import json

import pytest
import yaml

from sitegen.pagefile import PageFile

TEXTS = {
    "colon": "Đại hội: kết quả",
    "hash": "Số #1",
    "quotes": "'một' và \"hai\"",
    "starts-with-a-dash": "- không phải danh sách",
    "yaml-word": "yes",
    "number-like": "2024",
    "brackets": "[a] {b}",
}


def front_matter(page: PageFile) -> dict:
    return yaml.safe_load(page.text().removeprefix("---\n").split("---\n", 1)[0])


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_text_in_the_front_matter_reads_back_as_that_text(text):
    assert front_matter(PageFile({"title": text}, "# T\n")) == {"title": text}


def test_text_over_several_lines_is_written_on_one():
    assert front_matter(PageFile({"description": "một\nhai  ba"}, "")) == {"description": "một hai ba"}


def test_mappings_and_lists_read_back_as_they_were_set():
    meta = {"hide": ["navigation", "toc"], "search": {"boost": 0.1}, "og_type": "article"}
    assert front_matter(PageFile(meta, "")) == meta


def test_json_ld_is_one_line_of_json():
    jsonld = {"@type": "Event", "name": "Đại hội: điểm", "location": {"name": "x"}}
    line = next(line for line in PageFile({"jsonld": jsonld}, "").text().splitlines() if line.startswith("jsonld:"))
    assert json.loads(line.removeprefix("jsonld: ")) == jsonld


def test_the_body_follows_the_front_matter_after_a_blank_line():
    assert PageFile({"title": "T"}, "# T\n").text() == "---\ntitle: T\n---\n\n# T\n"


def test_keys_added_later_come_first_and_keep_the_page_s_own():
    page = PageFile({"title": "T"}, "# T\n").with_meta(card="assets/cards/t.png")
    assert list(page.meta.items()) == [("card", "assets/cards/t.png"), ("title", "T")]
