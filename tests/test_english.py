"""The English edition: every page has its twin under /en/ and says so, the facts and their source links survive
translation, dates read in English words, and the source page keeps the original beside the translation."""

from __future__ import annotations

import gzip
import re
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlparse

from helpers.html import elements, page_text, parse


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def english_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"  # the C locale's English month names


def test_language_links_on_every_page_point_at_the_twins(built, pages):
    root = "http://site" + urlparse(built.site_url).path  # the links may be absolute from the site's path
    for here in pages:
        page = here.removeprefix("en/")
        alternates = {a["hreflang"]: a["href"] for a in elements(html(built.site, here), "a") if "hreflang" in a}
        assert urljoin(root + here, alternates["vi"]) == root + page, here
        assert urljoin(root + here, alternates["en"]) == root + "en/" + page, here


def test_sitemap_gives_every_page_its_hreflang_alternates(built, pages):
    sitemap = gzip.decompress((built.site / "sitemap.xml.gz").read_bytes()).decode("utf-8")
    base = built.site_url
    for loc in pages:
        page = loc.removeprefix("en/")
        entry = re.search(rf"<loc>{re.escape(base + loc)}</loc>(.*?)</url>", sitemap, re.S)
        assert entry, loc
        assert f'hreflang="vi" href="{base}{page}"' in entry.group(1)
        assert f'hreflang="en" href="{base}en/{page}"' in entry.group(1)


def test_head_has_no_link_alternates_for_material_to_misread(site, pages):
    # Material fetches sitemap.xml beside every <link rel="alternate">; beside a page, that is a 404.
    for page in pages:
        assert not [link for link in elements(html(site, page), "link") if link.get("rel") == "alternate"], page


def test_english_home_and_timeline_carry_the_key_facts(site, model):
    shown = page_text(html(site, "en/")) + page_text(html(site, "en/moc-thoi-gian/"))
    for figure in model.figures:
        if "total" in figure:
            assert figure["written"] in shown, figure["id"]
    for event in model.events:
        assert english_date(event["date"]) in shown, event["id"]


def test_english_lessons_page_has_every_lesson(site, model):
    shown = page_text(html(site, "en/bai-hoc-kinh-nghiem/"))
    for lesson in model.lessons:
        assert lesson["ordinal_en"] in shown
        assert lesson["title_en"][1:] in shown  # the heading capitalises its first letter


def test_english_shortcomings_page_has_every_shortcoming(site, model):
    shown = page_text(html(site, "en/han-che/"))
    for statement in model.topic("han-che"):
        assert statement["label_en"] in shown
        assert statement["text_en"] in shown


def test_dates_read_in_english_words(site):
    times = [t["_text"] for t in elements(html(site, "en/moc-thoi-gian/"), "time")]
    assert times
    assert not [text for text in times if re.fullmatch(r"\d+/\d+/\d{4}", text)]


def test_english_source_page_keeps_the_original_and_marks_the_translation(site, model):
    shown = page_text(html(site, "en/nguon/"))
    for pid, english in model.data["translation"].items():
        assert "Translation " + " ".join(english.split()) in shown, pid
    assert parse(site / "en" / "nguon" / "index.html").paragraphs == {p.id: p.text for p in model.article.paragraphs}


def test_fact_links_from_english_pages_land_on_the_english_source(site):
    hrefs = [a["href"] for a in elements(html(site, "en/tong-quan/"), "a") if re.search(r"nguon/#p\d+$", a.get("href", ""))]
    assert hrefs and all(href.startswith("../nguon/#p") for href in hrefs)


def test_vietnamese_text_on_english_pages_is_marked_vietnamese(site):
    spans = [s for s in elements(html(site, "en/nguon/"), "p") if s.get("lang") == "vi"]
    assert spans


def test_english_places_page_names_districts_and_successors_in_english(site, model):
    """ "Thành phố Kon Tum (21)" is "Kon Tum city (21)", "Phường X, Tỉnh Y" is "X ward, Y province": the kind
    words are English, the names keep their Vietnamese spelling."""
    kinds = ("Thành phố ", "Huyện ", "Thị xã ", "Tỉnh ", "Phường ", "Xã ", "Thị trấn ")
    page = html(site, "en/dia-danh/")
    headings = [h["_text"] for h in elements(page, "h3") if h.get("id", "").startswith("don-vi-")]
    assert headings and not [h for h in headings if h.startswith(kinds)]
    successors = [unit["successor"] for unit in model.data["units"]["list"] if "successor" in unit]
    for successor in successors:
        assert successor not in page, successor


def test_english_overview_gives_each_outside_excerpt_in_english_beside_the_vietnamese(site, model):
    text = " ".join(page_text(html(site, "en/tong-quan/")).split())
    documents = [doc for doc in model.data["context_documents"] if "excerpt_en" in doc]
    assert documents
    for doc in documents:
        assert " ".join(doc["excerpt"].split()) in text and " ".join(doc["excerpt_en"].split()) in text, doc["id"]
