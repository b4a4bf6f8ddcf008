"""The real data against the real article: no date, count, percentage, code, session, lesson or campaign of
the article is left out. (Whether each quote is in its paragraph, the checksum and the ids are checked by the
build itself: tests/test_errors.py breaks a copy and sees it refuse.)"""

from __future__ import annotations

import re

from helpers.project import ROOT
from sitegen.pipeline import load_model


def test_the_real_data_passes_every_check_of_the_build():
    """Quotes in their paragraphs, the article's checksum, ids, dates, translations: the build's own checks,
    here under a name of their own (the other tests get the data through a fixture that runs them too)."""
    load_model(ROOT / "data")


def body_text(model) -> str:
    return "\n".join(p.text for p in model.article.paragraphs if p.kind in ("body", "heading"))


def test_every_date_of_the_article_is_in_the_data(model):
    dates = set(re.findall(r"\b\d{1,2}/\d{1,2}/\d{4}\b", body_text(model)))
    known = {
        entry["date"].written for name in ("events", "figures", "documents") for entry in model.data[name] if "date" in entry
    }
    assert dates, "the article has dates"
    assert dates <= known, dates - known


def test_every_count_of_the_article_is_a_figure(model):
    text = body_text(model)
    counts = set(re.findall(r"(?<![\d/-])(\d+/\d+)(?![\d/])", text)) - set(re.findall(r"\d{1,2}/\d{1,2}/\d{4}", text))
    counts = {c for c in counts if not re.search(rf"{re.escape(c)}/\d{{4}}", text)}
    assert counts, "the article has counts"
    assert counts <= {figure["written"] for figure in model.figures}, counts


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


def test_every_other_number_of_the_article_is_a_figure(model):
    text = body_text(model)
    for pattern in (r"\d{1,2}/\d{1,2}/\d{4}", r"\d+/\d+", r"\d{4}-\d{4}", r"\d+%", r"\d+[-/][A-Z][A-Z/-]*"):
        text = re.sub(pattern, "", text)
    assert set(re.findall(r"\d+", text)) <= {figure["written"] for figure in model.figures}


def test_every_lesson_of_the_article_is_in_the_data_in_order(model):
    ordinals = [m.group(1) for p in model.article.paragraphs if (m := re.match(r"(Thứ (?:nhất|hai|ba|tư|năm|sáu)),", p.text))]
    assert ordinals, "the article numbers its lessons"
    assert [lesson["ordinal"] for lesson in model.lessons] == ordinals


def test_every_campaign_the_article_names_is_in_the_data(model):
    paragraph = model.article.paragraph(model.data["site"]["campaigns_paragraph"]).text
    named = re.findall(r"(?:\(CVĐ\)|CVĐ) “([^”]+)”", paragraph)
    assert named, "the campaigns paragraph names campaigns"
    assert len(model.campaigns) == len(named)


def test_every_abbreviation_of_the_article_is_in_the_glossary(model):
    used = set(re.findall(r"\b[A-ZĐ]{3,}\b", body_text(model)))
    assert used <= {entry["abbr"] for entry in model.glossary}
