"""Open data: the downloads round-trip to the YAML; and the same tool builds another article's site."""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil

import yaml

from helpers.html import elements
from helpers.project import ROOT, SYNTHETIC, build_site
from sitegen.loader import nfc
from sitegen.search_scripts import fold  # as search folds: how a reader might type a word


def test_json_equals_the_yaml(site):
    merged = {}
    for path in sorted((ROOT / "data").glob("*.yml")):
        merged.update(nfc(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert json.loads((site / "du-lieu" / "du-lieu.json").read_text(encoding="utf-8")) == merged


def test_yaml_schema_and_article_are_offered_as_they_are(site):
    for path in [*sorted((ROOT / "data").glob("*.yml")), ROOT / "scripts" / "sitegen" / "schema.json"]:
        assert (site / "du-lieu" / path.name).read_bytes() == path.read_bytes(), path.name
    assert (site / "du-lieu" / "bai-viet-goc.txt").read_bytes() == (ROOT / "data" / "article.txt").read_bytes()


def test_csv_has_a_row_per_figure_with_date_and_source(site, model):
    rows = list(csv.DictReader(io.StringIO((site / "du-lieu" / "so-lieu.csv").read_text(encoding="utf-8"))))
    article_rows = [row for row in rows if row["kind"] == "article"]
    assert [row["id"] for row in article_rows] == [figure["id"] for figure in model.figures]
    for figure, row in zip(model.figures, article_rows):
        assert row["written"] == figure["written"]
        assert row["date"] == (figure["date"].written if "date" in figure else "")
        assert row["paragraphs"].split() == [source["paragraph"] for source in figure["sources"]]
    computed = {row["id"]: row["value"] for row in rows if row["kind"] == "computed"}
    assert computed == {item.id: str(item.rounded) for item in model.computed}


def test_data_page_links_every_download_and_says_the_licence(site, model):
    html = (site / "du-lieu" / "index.html").read_text(encoding="utf-8")
    hrefs = [a.get("href", "") for a in elements(html, "a")]
    for name in ("du-lieu.json", "so-lieu.csv", "schema.json", "bai-viet-goc.txt", "figures.yml"):
        assert any(href == name or href.endswith("/" + name) for href in hrefs), name
    assert model.data["article"]["author"] in html  # attribution
    assert model.data["site"]["licence"]["url"] in {a.get("href") for a in elements(html, "a")}


def test_another_article_makes_another_site_with_none_of_this_ones_words(tmp_path, model):
    project = tmp_path / "another"
    shutil.copytree(SYNTHETIC, project / "data")
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n",
        encoding="utf-8",
    )
    build_site(project / "mkdocs.yml", project / "docs", project / "site")
    site = project / "site"
    assert "tỉnh Mẫu" in (site / "index.html").read_text(encoding="utf-8")
    assert "10/10" in (site / "so-lieu" / "index.html").read_text(encoding="utf-8")
    # This article's words, folded: its places, its author, its figures as written.
    words = {fold(place["name"]) for place in model.places} | {fold(model.data["article"]["author"])}
    words |= {figure["written"] for figure in model.figures if "/" in figure["written"]}
    checked = 0
    for path in site.rglob("*"):
        if (
            path.is_file()
            and path.suffix in (".html", ".json", ".csv", ".yml", ".txt", ".xml", ".js", ".gz")
            and "assets" not in path.relative_to(site).parts[:1]
        ):
            raw = path.read_bytes()
            text = fold((gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", errors="replace"))
            for word in words:
                assert word not in text, (path.relative_to(site).as_posix(), word)
            checked += 1
    assert checked > 30
