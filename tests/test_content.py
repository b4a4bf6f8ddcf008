"""What the site adds around the article's facts, as a reader finds it: context from after the article only
inside its "outside the article" mark and with its documents, what the article does not report, the terms
glossary, English beside every label in the downloads, a 404 page in each edition that leads home, and sources
named as what they are (a catalogue, a resolution), never as the software package that carried them."""

from __future__ import annotations

import csv
import io
import re

import pytest

from helpers.html import elements, marked, page_text


def test_context_is_shown_only_inside_its_outside_the_article_mark(site, pages, model):
    assert model.context, "the real data has context entries"
    shown = 0
    for page in pages:
        inside, outside = marked(site / page / "index.html")
        for entry in model.context:
            text = " ".join(entry["text_en" if page.startswith("en/") else "text"].split())
            assert text not in outside, (page, entry["id"])
            shown += text in inside
    assert shown >= 2 * len(model.context)  # on the Overview of both editions


def test_every_context_entry_names_its_documents_with_number_date_issuer_and_address(site, model):
    for edition in ("", "en/"):
        html = (site / edition / "tong-quan" / "index.html").read_text(encoding="utf-8")
        inside, _ = marked(site / edition / "tong-quan" / "index.html")
        assert ("Ngoài bài viết" if not edition else "Outside the article") in inside
        hrefs = {a.get("href") for a in elements(html, "a")}
        for entry in model.context:
            for document_id in entry["documents"]:
                document = model.by_id("context_documents", document_id)
                assert document["number"] in inside
                assert document["issuer" + ("_en" if edition else "")] in inside
                assert document["url"] in hrefs


def test_places_page_says_its_names_are_those_of_2024_and_links_the_context(site):
    for edition in ("", "en/"):
        html = (site / edition / "dia-danh" / "index.html").read_text(encoding="utf-8")
        inside, _ = marked(site / edition / "dia-danh" / "index.html")
        assert "2024" in inside
        assert any(a.get("href", "").endswith("tong-quan/#sau-bai-viet") for a in elements(html, "a"))


def test_overview_says_what_the_article_does_not_report(site, model):
    for edition, key in (("", "text"), ("en/", "text_en")):
        shown = page_text((site / edition / "tong-quan" / "index.html").read_text(encoding="utf-8"))
        for item in model.data["site"]["not_reported"]:
            assert " ".join(item[key].split()) in shown


def test_glossary_page_gives_every_term_in_both_languages_with_its_source(site, model):
    for edition in ("", "en/"):
        html = (site / edition / "thuat-ngu" / "index.html").read_text(encoding="utf-8")
        shown = page_text(html)
        for term in model.terms:
            assert term["term"] in shown and term["term_en"] in shown
            assert term["explanation_en" if edition else "explanation"] in shown
        assert {term["id"] for term in model.terms} <= {e.get("id") for e in elements(html, "span")}


def test_figures_csv_has_english_beside_every_vietnamese_label(site, model):
    rows = list(csv.DictReader(io.StringIO((site / "du-lieu" / "so-lieu.csv").read_text(encoding="utf-8"))))
    for row in rows:
        assert row["label_en"] and row["unit_en"], row["id"]
        assert bool(row["qualifier"]) == bool(row["qualifier_en"]), row["id"]
    assert {row["label_en"] for row in rows if row["kind"] == "article"} == {figure["label_en"] for figure in model.figures}


def test_each_edition_has_a_404_page_in_its_language_that_leads_home(built):
    from urllib.parse import urlparse

    root = urlparse(built.site_url).path
    for folder, lang, home in (("", "vi", root), ("en", "en", root + "en/")):
        html = (built.site / folder / "404.html").read_text(encoding="utf-8")
        assert elements(html, "html")[0]["lang"] == lang
        buttons = [a for a in elements(html, "a") if "md-button" in a.get("class", "")]
        assert [a["href"] for a in buttons] == [home]
        switch = {a["hreflang"]: a["href"] for a in elements(html, "a") if "hreflang" in a}
        assert switch == {"vi": root, "en": root + "en/"}


# The software packages a list or a map came through: a reader is told the source itself (the GSO catalogue, a
# resolution, Natural Earth), not how it was downloaded. The package is credited in LICENSE and in the header of
# the data file it was extracted into (data/units.yml, also a download), not on the pages.
PACKAGE_NAMES = re.compile(r"vietnamadminunits|@svg-maps|\bPyPI\b|\bnpm\b", re.IGNORECASE)


@pytest.mark.parametrize("edition", ["", "en/"], ids=["vietnamese", "english"])
def test_no_page_names_a_software_package_as_a_source(site, pages, edition):
    read = [site / page / "index.html" for page in pages if page.startswith("en/") == bool(edition)]
    read += [site / edition / "404.html", site / edition / "search" / "search_index.json"]
    if not edition:  # the downloads, made once for both editions
        read += [site / "du-lieu" / "du-lieu.json", site / "du-lieu" / "so-lieu.csv"]
    named = {f.relative_to(site).as_posix(): PACKAGE_NAMES.findall(f.read_text(encoding="utf-8")) for f in read}
    assert {name: found for name, found in named.items() if found} == {}
