"""The built site, as a reader gets it: links that land, pages in their language, every paragraph verbatim,
corrections applied, nothing loaded from elsewhere, the same bytes from the same data."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest

from helpers.html import elements, page_text, parse
from helpers.project import ROOT, build_site, snapshot


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_both_editions_have_the_same_pages(pages):
    vietnamese = [p for p in pages if not p.startswith("en/")]
    assert len(vietnamese) > 5
    assert sorted("en/" + p for p in vietnamese) == [p for p in pages if p.startswith("en/")]


def test_every_page_says_its_language(site, pages):
    for page in pages:
        assert parse(site / page / "index.html").lang == ("en" if page.startswith("en/") else "vi"), page


def test_every_internal_link_and_anchor_resolves(built):
    site = built.site
    mount = urlparse(built.site_url).path  # 404 pages link from the site's root path, "/" or "/kontum/"
    parsed = {path: parse(path) for path in html_files(site)}
    checked = 0
    for path, parser in parsed.items():
        base = "http://site/" + path.relative_to(site).as_posix()
        for href in parser.links:
            url = urljoin(base, html.unescape(href))
            if urlparse(url).netloc != "site":
                continue
            target, fragment = urldefrag(url)
            path_part = unquote(urlparse(target).path)
            path_part = path_part[len(mount) :] if path_part.startswith(mount) else path_part.lstrip("/")
            local = site / path_part
            if local.is_dir() or target.endswith("/"):
                local = local / "index.html"
            assert local.exists(), f"{path.relative_to(site)} → {href}"
            if fragment and local.suffix == ".html":
                assert unquote(fragment) in parsed[local].ids, f"{path.relative_to(site)} → {href}"
            checked += 1
    assert checked > 100


def test_source_page_holds_every_paragraph_verbatim(site, model):
    for edition in ("", "en/"):
        shown = parse(site / edition / "nguon" / "index.html").paragraphs
        assert shown == {p.id: p.text for p in model.article.paragraphs}


@pytest.mark.parametrize("edition", ["", "en/"], ids=["vi", "en"])
def test_each_typo_on_the_source_page_is_followed_by_its_correction_linked_to_the_list(site, model, edition):
    page = site / edition / "nguon" / "index.html"
    expected: dict[str, list[str]] = {}
    for erratum in model.errata:
        expected.setdefault(erratum["paragraph"], []).append(erratum["right"])
    assert expected
    assert parse(page).corrections == expected
    fixes = [a for a in elements(page.read_text(encoding="utf-8"), "a") if "erratum-fix" in a.get("class", "")]
    assert {a["href"] for a in fixes} == {"#dinh-chinh"}
    assert all("data-search-exclude" in a for a in fixes)  # the page's words for search stay the article's


def test_every_fact_page_links_to_its_source_paragraphs(site, pages, model):
    """Every page with a fact on it cites a paragraph of the source page that exists."""
    ids = {p.id for p in model.article.paragraphs}
    citing = 0
    for page in pages:
        cited = [
            m.group(1)
            for link in parse(site / page / "index.html").links
            if (m := re.fullmatch(r"(?:\.\./)*nguon/#(p\d+)", link))
        ]
        assert set(cited) <= ids, page
        citing += bool(cited)
    assert citing >= len(pages) // 2


def test_other_pages_use_the_corrected_forms(site, pages, model):
    texts = [
        page_text((site / page / "index.html").read_text(encoding="utf-8"))
        for page in pages
        if not page.endswith("nguon/") and not page.startswith("en/")
    ]
    for erratum in model.errata:
        assert not any(re.search(rf"(?<!\w){re.escape(erratum['wrong'])}(?!\w)", text) for text in texts), erratum["id"]


def test_abbreviations_show_their_expansion(site, model):
    abbrs = elements((site / "tong-quan" / "index.html").read_text(encoding="utf-8"), "abbr")
    shown = {(abbr["_text"], abbr.get("title")) for abbr in abbrs}
    used = {text for text, _ in shown}
    for entry in model.glossary:
        if entry["abbr"] in used:
            assert (entry["abbr"], f"{entry['expansion']} ({entry['expansion_en']})") in shown


def test_each_lesson_has_a_stable_anchor(site, model):
    for edition in ("", "en/"):
        ids = parse(site / edition / "bai-hoc-kinh-nghiem" / "index.html").ids
        assert {lesson["id"] for lesson in model.lessons} <= ids


def test_no_page_loads_anything_from_another_origin(site):
    checked = 0
    for path in html_files(site):
        text = path.read_text(encoding="utf-8")
        for tag in ("script", "link", "img", "iframe", "source"):
            for element in elements(text, tag):
                if element.get("rel") in ("canonical", "alternate"):
                    continue  # names the page's address; nothing is loaded from it
                url = element.get("src") or element.get("href") or ""
                assert not re.match(r"(?:https?:)?//", url), (path, element)
                checked += bool(url)
    assert checked > 100


def test_two_builds_give_identical_html(tmp_path, monkeypatch):
    # The sitemap's <lastmod> (the build date) is the only stamp MkDocs adds; SOURCE_DATE_EPOCH fixes it.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714089600")
    for name in ("a", "b"):
        build_site(ROOT / "mkdocs.yml", tmp_path / name / "docs", tmp_path / name / "site")
    assert snapshot(tmp_path / "a" / "site") == snapshot(tmp_path / "b" / "site")


def test_heading_anchors_keep_every_letter_of_a_vietnamese_heading(site, pages):
    """A page's heading link spells its title in plain letters: "Địa danh" → #dia-danh (Python-Markdown's own
    slugify dropped "đ": #ia-danh)."""
    checked = 0
    for page in pages:
        (h1,) = elements((site / page / "index.html").read_text(encoding="utf-8"), "h1")
        title = h1["_text"].replace("¶", "").strip()
        folded = unicodedata.normalize("NFKD", title.replace("đ", "d").replace("Đ", "D")).encode("ascii", "ignore")
        if "id" in h1 and title != folded.decode():
            assert h1["id"] == re.sub(r"[^a-z0-9]+", "-", folded.decode().lower()).strip("-"), page
            checked += 1
    assert checked
