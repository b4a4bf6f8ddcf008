"""The English edition: every page has its twin under /en/, the switch lands on it, the facts and their source
links survive translation, and each edition's search returns its own pages."""

from __future__ import annotations

import gzip
import html as entities
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from conftest import ROOT, elements, type_query
from test_site import PAGES, parse

EN_PAGES = ["en/" + page for page in PAGES]


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def text(site: Path, page: str) -> str:
    inline = re.sub(r"</?(?:abbr|time|span|strong|em|a|bdi)\b[^>]*>", "", html(site, page))  # words stay whole
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.strip("/") or "home")
def test_every_vietnamese_page_has_an_english_twin_and_back(site, page):
    assert parse(site / page / "index.html").lang == "vi"
    assert parse(site / "en" / page / "index.html").lang == "en"


def test_no_english_page_without_a_vietnamese_twin(site):
    english = {p.parent.relative_to(site / "en").as_posix() for p in (site / "en").rglob("index.html")}
    vietnamese = {p.strip("/") or "." for p in PAGES}
    assert english - vietnamese <= {"search"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.strip("/") or "home")
def test_language_links_on_the_page_point_at_the_twins(site, page):
    for here in (page, "en/" + page):
        alternates = {a["hreflang"]: a["href"] for a in elements(html(site, here), "a") if "hreflang" in a}
        assert urljoin(f"http://site/{here}", alternates["vi"]) == f"http://site/{page}"
        assert urljoin(f"http://site/{here}", alternates["en"]) == f"http://site/en/{page}"


def test_sitemap_gives_every_page_its_hreflang_alternates(site):
    sitemap = gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8")
    for page in PAGES:
        for loc in (page, "en/" + page):
            entry = re.search(rf"<loc>http://127\.0\.0\.1:8000/{re.escape(loc)}</loc>(.*?)</url>", sitemap, re.S)
            assert entry, loc
            assert f'hreflang="vi" href="http://127.0.0.1:8000/{page}"' in entry.group(1)
            assert f'hreflang="en" href="http://127.0.0.1:8000/en/{page}"' in entry.group(1)


def test_head_has_no_link_alternates_for_material_to_misread(site):
    # Material fetches sitemap.xml beside every <link rel="alternate">; beside a page that is a 404.
    for page in ("so-lieu/", "en/so-lieu/"):
        assert not [link for link in elements(html(site, page), "link") if link.get("rel") == "alternate"]


def test_every_entry_carries_both_languages():
    schema = json.loads((ROOT / "data" / "schema.json").read_text(encoding="utf-8"))
    checked = 0
    for path in sorted((ROOT / "data").glob("*.yml")):
        for name, value in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            sub = schema["properties"][name]
            if sub.get("type") != "array":
                continue
            translatable = [key for key in sub["items"]["properties"] if f"{key}_en" in sub["items"]["properties"]]
            for entry in value:
                for key in translatable:
                    assert (key in entry) == (f"{key}_en" in entry), f"{path.name} {entry['id']} {key}"
                    checked += key in entry
    assert checked > 100


def test_every_paragraph_has_its_translation(model):
    assert set(model.data["translation"]) == {p.id for p in model.article.paragraphs}


@pytest.mark.parametrize("fact", ["102/102", "756/756", "Quyết Thắng", "12 January 2024", "26 April 2024",
                                  "30 April 2024", "Directive No. 22-CT/TW", "Vietnam Fatherland Front"])
def test_english_home_and_timeline_carry_the_key_facts(site, fact):
    assert fact in text(site, "en/") + text(site, "en/moc-thoi-gian/")


def test_english_lessons_page_has_the_four_lessons(site, model):
    page = text(site, "en/bai-hoc-kinh-nghiem/")
    for lesson in model.lessons:
        assert lesson["ordinal_en"] in page
        assert lesson["title_en"][1:] in page  # the heading capitalises its first letter
    assert "4 lessons learned" in page


def test_english_shortcomings_page_has_every_shortcoming(site, model):
    page = text(site, "en/han-che/")
    for statement in model.topic("han-che"):
        assert statement["label_en"] in page
        assert statement["text_en"] in page


def test_dates_read_in_english_words(site):
    times = {(t["datetime"], t["_text"]) for t in elements(html(site, "en/moc-thoi-gian/"), "time")}
    assert ("2024-01-12", "12 January 2024") in times
    assert not [text for _, text in times if re.fullmatch(r"\d+/\d+/\d{4}", text)]


def test_english_source_page_keeps_the_original_and_marks_the_translation(site, model):
    parser = parse(site / "en" / "nguon" / "index.html")
    assert parser.paragraphs == {p.id: p.text for p in model.article.paragraphs}
    page = text(site, "en/nguon/")
    assert "English translation made for this site" in page
    for pid, english in model.data["translation"].items():
        assert "Translation " + " ".join(english.split()) in page, pid


def test_fact_links_from_english_pages_land_on_the_english_source(site):
    hrefs = [a["href"] for a in elements(html(site, "en/tong-quan/"), "a") if re.search(r"nguon/#p\d+$", a.get("href", ""))]
    assert hrefs and all(href.startswith("../nguon/#p") for href in hrefs)


@pytest.mark.browser
@pytest.mark.parametrize("page", ["", "tong-quan/", "bai-hoc-kinh-nghiem/", "nguon/"], ids=lambda p: p.strip("/") or "home")
def test_language_switch_goes_to_the_same_page_and_back(browser, server, page):
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        tab.goto(f"{server}/{page}")
        tab.locator(".md-header__option .md-select").hover()
        tab.get_by_role("link", name="English").click()
        tab.wait_for_url(f"{server}/en/{page}")
        assert tab.locator("html").get_attribute("lang") == "en"
        tab.locator(".md-header__option .md-select").hover()
        tab.get_by_role("link", name="Tiếng Việt").click()
        tab.wait_for_url(f"{server}/{page}")
        assert tab.locator("html").get_attribute("lang") == "vi"
    finally:
        tab.close()


def search_on(browser, server: str, start: str, query: str) -> list[str]:
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        tab.goto(f"{server}/{start}")
        return type_query(tab, server, query)
    finally:
        tab.close()


@pytest.mark.browser
@pytest.mark.parametrize("query, expected", [
    ("pilot congress", "en/dai-hoi-diem/"),
    ("lessons learned", "en/bai-hoc-kinh-nghiem/"),
    ("village", "en/tong-quan/"),
    ("deadline", "en/moc-thoi-gian/"),
    ("concurrent", "en/han-che/"),
])
def test_english_search_finds_english_pages(browser, server, query, expected):
    pages = search_on(browser, server, "en/", query)
    assert expected in pages[:3], pages[:5]
    assert all(page.startswith("en/") for page in pages), pages


@pytest.mark.browser
def test_vietnamese_search_stays_in_the_vietnamese_edition(browser, server):
    pages = search_on(browser, server, "", "quyet thang")
    assert pages and not any(page.startswith("en/") for page in pages), pages
