"""Open data: the downloads round-trip to the YAML; and the same tool builds another article's site."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import yaml

from conftest import ROOT, elements, run_mkdocs
from sitegen.loader import nfc

SYNTHETIC = Path(__file__).with_name("synthetic")


def test_json_equals_the_yaml(site):
    merged = {}
    for path in sorted((ROOT / "data").glob("*.yml")):
        merged.update(nfc(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert json.loads((site / "du-lieu" / "du-lieu.json").read_text(encoding="utf-8")) == merged


def test_yaml_schema_and_article_are_offered_as_they_are(site):
    for path in [*sorted((ROOT / "data").glob("*.yml")), ROOT / "data" / "schema.json"]:
        assert (site / "du-lieu" / path.name).read_bytes() == path.read_bytes(), path.name
    assert (site / "du-lieu" / "bai-viet-goc.txt").read_bytes() == (ROOT / "data" / "article.txt").read_bytes()


def test_csv_has_a_row_per_figure_with_date_and_source(site, model):
    rows = list(csv.DictReader(io.StringIO((site / "du-lieu" / "so-lieu.csv").read_text(encoding="utf-8"))))
    article_rows = [row for row in rows if row["kind"] == "article"]
    assert [row["id"] for row in article_rows] == [figure["id"] for figure in model.figures]
    done = next(row for row in rows if row["id"] == "xa-phuong-thi-tran")
    assert (done["written"], done["date"], done["date_iso"], done["paragraphs"]) == ("102/102", "26/4/2024", "2024-04-26", "p11")
    computed = {row["id"]: row["value"] for row in rows if row["kind"] == "computed"}
    assert computed["ngay-tu-dai-hoi-diem"] == "105"


def test_data_page_links_every_download(site):
    html = (site / "du-lieu" / "index.html").read_text(encoding="utf-8")
    hrefs = [a.get("href", "") for a in elements(html, "a")]
    for name in ("du-lieu.json", "so-lieu.csv", "schema.json", "bai-viet-goc.txt", "figures.yml"):
        assert any(href == name or href.endswith("/" + name) for href in hrefs), name
    assert "Nguyễn Đăng Bình" in html  # attribution


def test_another_article_makes_another_site(tmp_path):
    project = tmp_path / "another"
    shutil.copytree(SYNTHETIC / "data", project / "data")
    (project / "docs").mkdir()
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        "site_name: Đại hội MTTQ cấp xã ở tỉnh Mẫu (tổng hợp)\n"
        "site_description: Trang tổng hợp để kiểm thử.\n"
        "site_author: Tác Giả Mẫu\n"
        "copyright: Dữ liệu tổng hợp để kiểm thử.\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n  language: vi\n",
        encoding="utf-8",
    )
    result = run_mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert "tỉnh Mẫu" in (site / "index.html").read_text(encoding="utf-8")
    assert "10/10" in (site / "so-lieu" / "index.html").read_text(encoding="utf-8")
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".yml", ".txt", ".xml", ".js"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for fact in ("Kon Tum", "Quyết Thắng", "756", "Đăk Pne"):
                assert fact not in text, (path.relative_to(site), fact)
