"""The data tells the truth of the article: every quote is in it, and no number of it is left out."""

from __future__ import annotations

import re

import pytest

from sitegen.validate import parse_date


def all_sources(model):
    for name, entries in model.data.items():
        if isinstance(entries, list):
            for entry in entries:
                for source in entry.get("sources", []):
                    yield f"{name}/{entry['id']}", source


def test_every_quote_is_in_its_paragraph(model):
    checked = 0
    for where, source in all_sources(model):
        assert source["quote"] in model.article.paragraph(source["paragraph"]).text, where
        checked += 1
    assert checked > 40


def test_article_copy_is_byte_identical_to_its_checksum(model):
    import hashlib

    assert hashlib.sha256(model.article.path.read_bytes()).hexdigest() == model.data["article"]["sha256"]


def body_text(model) -> str:
    return "\n".join(p.text for p in model.article.paragraphs if p.kind in ("body", "heading"))


def test_every_date_of_the_article_is_in_the_data(model):
    dates = set(re.findall(r"\b\d{1,2}/\d{1,2}/\d{4}\b", body_text(model)))
    known = {entry["date"] for name in ("events", "figures", "documents") for entry in model.data[name] if "date" in entry}
    assert dates, "the article has dates"
    assert dates <= known, dates - known


def test_every_count_of_the_article_is_a_figure(model):
    text = body_text(model)
    counts = set(re.findall(r"(?<![\d/-])(\d+/\d+)(?![\d/])", text)) - set(re.findall(r"\d{1,2}/\d{1,2}/\d{4}", text))
    counts = {c for c in counts if not re.search(rf"{re.escape(c)}/\d{{4}}", text)}
    written = {figure["written"] for figure in model.figures}
    assert {"102/102", "756/756", "01/102"} <= counts
    assert counts <= written, counts - written


def test_every_percentage_of_the_article_is_a_figure(model):
    percents = {float(p) for p in re.findall(r"(\d+)%", body_text(model))}
    assert percents <= {figure.get("percent") for figure in model.figures}


def test_every_document_code_of_the_article_is_a_document(model):
    codes = set(re.findall(r"\b\d+(?:-[A-Z]+|/[A-Z]+)[A-Z/-]*\b", body_text(model)))
    assert codes == {doc["number"] for doc in model.documents if "number" in doc}


def test_every_term_and_session_of_the_article_is_in_the_data(model):
    text = body_text(model) + " ".join(p.text for p in model.article.paragraphs if p.kind == "caption")
    sessions = set(re.findall(r"(?:lần thứ|khóa) [IVXL]+", text))
    assert sessions == {congress["session"] for congress in model.congresses}
    assert set(re.findall(r"\d{4}-\d{4}", text)) == {congress["term"] for congress in model.congresses}


def test_the_remaining_bare_number_is_the_congress_length(model):
    text = body_text(model)
    for pattern in (r"\d{1,2}/\d{1,2}/\d{4}", r"\d+/\d+", r"\d{4}-\d{4}", r"\d+%", r"\d+[-/][A-Z][A-Z/-]*"):
        text = re.sub(pattern, "", text)
    assert re.findall(r"\d+", text) == ["01"]
    assert any(figure["written"] == "01" and figure["unit"] == "ngày" for figure in model.figures)


@pytest.mark.parametrize("collection", ["lessons", "campaigns", "congresses", "glossary", "errata", "places", "events"])
def test_ids_are_unique(model, collection):
    ids = [entry["id"] for entry in model.data[collection]]
    assert len(ids) == len(set(ids))


def test_four_lessons_in_order(model):
    assert [lesson["ordinal"] for lesson in model.lessons] == ["Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư"]


def test_three_campaigns(model):
    assert len(model.campaigns) == 3


def test_timeline_is_in_date_order_with_one_deadline(model):
    dates = [parse_date(event["date"]) for event in model.timeline]
    assert dates == sorted(dates)
    assert [event["date"] for event in model.timeline if event["kind"] == "han-chot"] == ["30/4/2024"]


def test_glossary_has_the_abbreviations_of_the_article(model):
    abbreviations = {entry["abbr"] for entry in model.glossary}
    assert {"MTTQ", "CVĐ", "DTTS", "UBND"} <= abbreviations
    used = set(re.findall(r"\b[A-ZĐ]{3,}\b", body_text(model)))
    assert used <= abbreviations, used - abbreviations
