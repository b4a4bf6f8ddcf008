"""The built site, as a reader gets it: strict build, links that land, every paragraph verbatim."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest

from conftest import elements

PAGES = ["", "tong-quan/", "moc-thoi-gian/", "dai-hoi-diem/", "dai-hoi-trong-anh/", "so-lieu/", "bai-hoc-kinh-nghiem/",
         "han-che/", "cuoc-van-dong/", "van-ban/", "dia-danh/", "thuat-ngu/", "nguon/", "du-lieu/", "gioi-thieu/"]
EDITIONS = ["", "en/"]  # Vietnamese at the root, English under /en/
ALL_PAGES = [edition + page for edition in EDITIONS for page in PAGES]
FACT_PAGES = [page for page in PAGES if page not in ("", "nguon/", "du-lieu/", "gioi-thieu/")]


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.lang = None
        self.paragraphs: dict[str, str] = {}
        self._para: str | None = None
        self._pair: str | None = None  # English source page: the id is on the paragraph's pair (original + translation)
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "div" and "para-pair" in (attrs.get("class") or "").split():
            self._pair = attrs["id"]
        if tag == "p" and "para" in (attrs.get("class") or "").split():
            self._para, self._text = attrs.get("id", self._pair), []

    def handle_endtag(self, tag):
        if tag == "p" and self._para:
            text = " ".join("".join(self._text).split())
            self.paragraphs[self._para] = re.sub(r"^\d+ ", "", text)
            self._para = None

    def handle_data(self, data):
        if self._para:
            self._text.append(data)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_strict_build_prints_no_warning(build):
    _, result = build
    assert "WARNING" not in result.stderr
    assert "ERROR" not in result.stderr


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.strip("/") or "home")
def test_page_is_built_in_vietnamese(site, page):
    assert parse(site / page / "index.html").lang == "vi"


def test_every_internal_link_and_anchor_resolves(site):
    pages = {path: parse(path) for path in html_files(site)}
    checked = 0
    for path, parser in pages.items():
        base = "http://site/" + path.relative_to(site).as_posix()
        for href in parser.links:
            url = urljoin(base, html.unescape(href))
            if urlparse(url).netloc != "site":
                continue
            target, fragment = urldefrag(url)
            local = site / unquote(urlparse(target).path).lstrip("/")
            if local.is_dir() or target.endswith("/"):
                local = local / "index.html"
            assert local.exists(), f"{path.relative_to(site)} → {href}"
            if fragment and local.suffix == ".html":
                assert unquote(fragment) in pages[local].ids, f"{path.relative_to(site)} → {href}"
            checked += 1
    assert checked > 100


def test_source_page_holds_every_paragraph_verbatim(site, model):
    shown = parse(site / "nguon" / "index.html").paragraphs
    assert shown == {p.id: p.text for p in model.article.paragraphs}


def test_source_page_keeps_title_and_byline(site):
    text = (site / "nguon" / "index.html").read_text(encoding="utf-8")
    assert "Bài, ảnh: Nguyễn Đăng Bình" in text
    assert "Kết quả Đại hội Mặt trận Tổ quốc Việt Nam cấp xã nhiệm kỳ 2024-2029 ở tỉnh Kon Tum" in text


@pytest.mark.parametrize("page", FACT_PAGES, ids=lambda p: p.strip("/"))
def test_every_fact_page_links_to_the_source(site, page):
    assert "../nguon/#p" in (site / page / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("wrong", "right"), [("nếp nghỉ", "nếp nghĩ"), ("hiện hóa", "hiện đại hóa"), ("xã ội", "xã hội"), ("t chức", "tổ chức")])
def test_other_pages_use_the_corrected_forms(site, wrong, right):
    pages = [p for p in html_files(site) if p.parent.name not in ("nguon", "search", "404") and p.name == "index.html"]
    texts = [re.sub(r"<[^>]+>", "", p.read_text(encoding="utf-8")) for p in pages]
    assert not any(re.search(rf"(?<!\w){wrong}(?!\w)", text) for text in texts)
    assert any(right in text for text in texts)


def test_abbreviations_show_their_expansion(site):
    abbrs = elements((site / "tong-quan" / "index.html").read_text(encoding="utf-8"), "abbr")
    assert {"title": "Mặt trận Tổ quốc (Fatherland Front)", "_text": "MTTQ"} in abbrs


@pytest.mark.parametrize("lesson", ["thu-nhat", "thu-hai", "thu-ba", "thu-tu"])
def test_each_lesson_has_a_stable_anchor(site, lesson):
    assert lesson in parse(site / "bai-hoc-kinh-nghiem" / "index.html").ids


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


def test_two_builds_give_identical_html(tmp_path):
    from conftest import ROOT, run_mkdocs

    # The sitemap's <lastmod> (the build date) is the only stamp MkDocs adds; SOURCE_DATE_EPOCH fixes it.
    env = {"SOURCE_DATE_EPOCH": "1714089600"}
    for name in ("a", "b"):
        assert run_mkdocs("build", "--strict", "--site-dir", str(tmp_path / name), cwd=ROOT, env=env).returncode == 0
    files = lambda root: {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
    assert files(tmp_path / "a") == files(tmp_path / "b")
