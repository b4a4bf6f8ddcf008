"""Every page can be found and previewed: description, canonical URL, Open Graph tags, sitemap, JSON-LD."""

from __future__ import annotations

import gzip
import json

import pytest

from helpers.html import elements


def head(site, page) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8").split("</head>")[0]


def jsonld(site, page) -> dict:
    (block,) = [s["_text"] for s in elements(head(site, page), "script") if s.get("type") == "application/ld+json"]
    return json.loads(block)


def test_every_page_has_description_canonical_and_open_graph(built, pages):
    for page in pages:
        text = head(built.site, page)
        metas = elements(text, "meta")
        (description,) = [m["content"] for m in metas if m.get("name") == "description"]
        assert len(description) > 30, page
        assert [link["href"] for link in elements(text, "link") if link.get("rel") == "canonical"] == [built.site_url + page]
        properties = {m.get("property") for m in metas}
        assert {"og:title", "og:description", "og:url", "og:type", "og:locale"} <= properties, page


def test_every_page_s_preview_title_names_the_page_and_the_site(built, pages):
    """og:title is the page's <title>, "<page title> - <site name>": the home page of each edition too."""
    for page in pages:
        text = head(built.site, page)
        (title,) = [t["_text"] for t in elements(text, "title")]
        (og_title,) = [m["content"] for m in elements(text, "meta") if m.get("property") == "og:title"]
        (site_name,) = [m["content"] for m in elements(text, "meta") if m.get("property") == "og:site_name"]
        assert og_title == title and og_title.endswith(f" - {site_name}") and og_title != f" - {site_name}", page


def test_sitemap_lists_every_page(built, pages):
    sitemap = gzip.decompress((built.site / "sitemap.xml.gz").read_bytes()).decode("utf-8")
    for page in pages:
        assert f"<loc>{built.site_url}{page}</loc>" in sitemap


def test_source_page_is_a_news_article(site, model):
    data = jsonld(site, "nguon/")
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == model.data["article"]["title"]
    assert data["author"] == {"@type": "Person", "name": model.data["article"]["author"]}
    assert all(p.text in data["articleBody"] for p in model.article.paragraphs)


def test_pilot_page_is_an_event(site, model):
    data = jsonld(site, "dai-hoi-diem/")
    event = model.by_id("events", model.data["site"]["pilot"]["event"])
    assert data["@type"] == "Event"
    assert data["startDate"].count("-") == 2 and data["startDate"].endswith(f"-{event['date'].day:02d}")
    assert data["location"]["@type"] == "Place" and model.by_id("places", event["place"])["name"] in data["location"]["name"]


@pytest.mark.parametrize("edition", ["", "en/"], ids=["vi", "en"])
def test_data_page_is_a_dataset_with_downloads_and_a_licence(built, model, edition):
    data = jsonld(built.site, edition + "du-lieu/")
    assert data["@type"] == "Dataset" and data["name"]
    assert data["license"] == model.data["site"]["licence"]["url"]
    for download in data["distribution"]:
        assert download["@type"] == "DataDownload"
        assert download["contentUrl"].startswith(built.site_url)  # a whole address, as crawlers read it
        assert (built.site / download["contentUrl"].removeprefix(built.site_url)).is_file()
