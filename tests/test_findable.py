"""Every page can be found and previewed: description, canonical URL, Open Graph tags, sitemap, JSON-LD."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from conftest import elements
from test_site import ALL_PAGES


def head(site, page) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8").split("</head>")[0]


def jsonld(site, page) -> dict:
    (block,) = [s["_text"] for s in elements(head(site, page), "script") if s.get("type") == "application/ld+json"]
    return json.loads(block)


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.strip("/") or "home")
def test_page_has_description_canonical_and_open_graph(site, page):
    text = head(site, page)
    metas = elements(text, "meta")
    (description,) = [m["content"] for m in metas if m.get("name") == "description"]
    assert len(description) > 30
    assert [link["href"] for link in elements(text, "link") if link.get("rel") == "canonical"] == [f"http://127.0.0.1:8000/{page}"]
    properties = {m.get("property") for m in metas}
    for prop in ("og:title", "og:description", "og:url", "og:type", "og:locale"):
        assert prop in properties, prop


def test_sitemap_lists_every_page(site):
    sitemap = gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8")
    for page in ALL_PAGES:
        assert f"<loc>http://127.0.0.1:8000/{page}</loc>" in sitemap


def test_source_page_is_a_news_article(site, model):
    data = jsonld(site, "nguon/")
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == model.data["article"]["title"]
    assert data["author"] == {"@type": "Person", "name": "Nguyễn Đăng Bình"}
    assert model.article.paragraph("p11").text in data["articleBody"]


def test_pilot_page_is_an_event(site):
    data = jsonld(site, "dai-hoi-diem/")
    assert data["@type"] == "Event"
    assert data["startDate"] == "2024-01-12"
    assert data["location"]["@type"] == "Place" and "Quyết Thắng" in data["location"]["name"]


def test_data_page_is_a_dataset_with_downloads(site):
    data = jsonld(site, "du-lieu/")
    assert data["@type"] == "Dataset" and data["name"]
    for download in data["distribution"]:
        assert download["@type"] == "DataDownload"
        assert (site / "du-lieu" / download["contentUrl"]).is_file()
