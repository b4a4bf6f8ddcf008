"""Only the article (its text and metadata), the site's names and one figure are required; everything else is
optional, and the site follows what is there. Each optional part of the fuller fixture (helpers/fuller.py),
switched on beside the required data alone, brings its page or section; switched off from the fuller fixture, it
takes it away. No generated page of any of these, nor of this site's own data, has an empty section, an empty
table or list, or a sentence counting zero things. The required data alone builds strictly in both editions,
and its navigation, sitemap and downloads name only what is there."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from helpers.emptiness import emptiness
from helpers.fuller import fuller_fixture, write_data
from helpers.html import elements
from helpers.project import build_site, copy_project
from sitegen.errors import DataError
from sitegen.pipeline import load_model
from sitegen.render import render_pages

REQUIRED = ("article", "site", "figures", "translation")
OPTIONAL_SITE = ("subject", "subject_en", "summary", "pilot", "lessons_paragraph", "campaigns_paragraph")
OPTIONAL_SITE += ("search_examples", "not_reported", "cards")
ALWAYS = {"index", "so-lieu", "nguon", "du-lieu", "gioi-thieu"}  # the pages the required data makes

# An optional part: what it is in the fuller fixture's data ("lessons": a collection; "site.pilot": a key of
# site.yml; "statements:han-che": the statements of one topic), what else it needs beside the required data, and
# where it shows: a page, or a page and the anchor of its section ("#dinh-chinh"), or a page and words on it.
PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "timeline": (("events",), ("places",), "moc-thoi-gian"),
    "pilot": (("site.pilot",), ("events", "places"), "dai-hoi-diem"),
    "pilot-statements": (("statements:dai-hoi-diem",), ("site.pilot", "events", "places"), "dai-hoi-diem#nhan-rong"),
    "photos": (("congresses",), ("places",), "dai-hoi-trong-anh"),
    "lessons": (("lessons",), ("site.subject", "site.subject_en"), "bai-hoc-kinh-nghiem"),
    "shortcomings": (("statements:han-che",), (), "han-che#kiem-nhiem"),
    "remedies": (("statements:khac-phuc",), (), "han-che#khac-phuc"),
    "campaigns": (("campaigns",), ("site.subject", "site.subject_en"), "cuoc-van-dong"),
    "documents": (("documents",), (), "van-ban"),
    "guiding-documents": (("documents",), (), "tong-quan#can-cu"),
    "places": (("places",), (), "dia-danh"),
    "units": (("units",), ("places",), "dia-danh#don-vi-cap-xa"),
    "glossary": (("glossary",), (), "thuat-ngu#chu-viet-tat"),
    "terms": (("terms",), (), "thuat-ngu#thuat-ngu"),
    "topics": (("topics", "statements:y-nghia"), (), "tong-quan#y-nghia"),
    "levels": (("levels",), ("congresses", "places"), "tong-quan Sơ đồ trên, bằng chữ"),
    "congresses-above": (("congresses",), ("places",), "tong-quan#dai-hoi-cac-cap"),
    "context": (("context", "context_documents"), (), "tong-quan#sau-bai-viet"),
    "not-reported": (("site.not_reported",), (), "tong-quan#khong-neu"),
    "errata": (("errata",), (), "nguon#dinh-chinh"),
    "computed": (("computed",), ("events", "places"), "so-lieu#tinh-toan"),
    "summary": (("site.summary",), (), "index 10/10 xã, phường, thị trấn của tỉnh Mẫu"),
    "search-examples": (("site.search_examples",), (), "gioi-thieu “thu nghiem”"),
    "byline": (("article.byline", "article.author", "article.kinds"), (), "gioi-thieu (Bài: Tác Giả Mẫu)"),
    "outlet": (("article.outlet", "article.published", "article.url"), (), "nguon https://example.org/bai-viet"),
}
# What must go with a part when it is switched off from the fuller fixture, as what needs it.
NEEDED_BY = {
    "events": ("site.pilot", "statements:dai-hoi-diem", "computed"),
    "site.pilot": ("statements:dai-hoi-diem",),
    "congresses": ("levels",),
    "places": ("events", "site.pilot", "statements:dai-hoi-diem", "computed", "congresses", "levels", "units"),
    "lessons": ("site.lessons_paragraph",),
    "campaigns": ("site.campaigns_paragraph",),
}


def select(values: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """The parts of ``values`` named (a collection, a key of site.yml or article.yml, a topic's statements)."""
    out: dict[str, Any] = {}
    for name in names:
        if ":" in name:
            collection, topic = name.split(":")
            out.setdefault(collection, []).extend(e for e in values[collection] if e["topic"] == topic)
        elif "." in name:
            file, key = name.split(".")
            out.setdefault(file, {})[key] = values[file][key]
        else:
            out[name] = values[name]
    return out


def without(values: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    out = copy.deepcopy(values)
    for name in names:
        if ":" in name:
            collection, topic = name.split(":")
            out[collection] = [e for e in out[collection] if e["topic"] != topic]
        elif "." in name:
            file, key = name.split(".")
            out[file].pop(key, None)
        else:
            out.pop(name, None)
    return out


def required_only(full: dict[str, Any]) -> dict[str, Any]:
    """The fuller fixture's required data alone: the article's file, checksum and title (no paragraph marked as a
    title, heading or byline: all are body text), the site's names and licence, the figures, the translation."""
    values = without({key: full[key] for key in REQUIRED}, tuple(f"site.{key}" for key in OPTIONAL_SITE))
    values["article"] = {key: full["article"][key] for key in ("file", "sha256", "title")}
    return values


def merged(base: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in part.items():
        if isinstance(value, dict) and key in ("site", "article"):
            out[key] = {**out[key], **copy.deepcopy(value)}
        elif isinstance(value, list) and key in out:
            out[key] = [*out[key], *copy.deepcopy(value)]
        else:
            out[key] = copy.deepcopy(value)
    return out


@pytest.fixture(scope="module")
def fixture_folder(tmp_path_factory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("fuller") / "data"
    return folder, fuller_fixture(folder)


@pytest.fixture(scope="module")
def full_pages(fixture_folder, tmp_path_factory) -> dict[str, str]:
    folder, full = fixture_folder
    return pages_of(full, folder, tmp_path_factory.mktemp("full"))


def pages_of(values: dict[str, Any], folder: Path, tmp: Path) -> dict[str, str]:
    """The generated Markdown of the data ``values`` (beside the fixture's article): page file → text."""
    data = tmp / "data"
    data.mkdir(parents=True)
    shutil.copy(folder / "article.txt", data / "article.txt")
    write_data(data, values)
    return {path: page.text() for path, page in render_pages(load_model(data)).items()}


def shows(pages: dict[str, str], where: str) -> bool:
    """Whether the pages show a part, in both editions: its page, its section (page#anchor) or its words."""
    page, _, words = where.partition(" ")
    page, _, anchor = page.partition("#")
    files = [f"{page}.md", f"{page}.en.md"]
    if words:
        return words in pages.get(f"{page}.md", "")
    return all(file in pages and (not anchor or f"{{ #{anchor} }}" in pages[file]) for file in files)


def test_the_emptiness_check_finds_what_a_reader_would_see_as_empty():
    page = "# Trang\n\n## Mục\n\n### Con\n\nNội dung.\n\n## Trống\n\n## Có\n\n| a |\n|---|\n\nBài viết nêu 0 kinh nghiệm.\n"
    assert emptiness(page) == ["zero: Bài viết nêu 0 kinh nghiệm.", "empty section: ## Trống", "table without rows: |---|"]
    assert emptiness("# A\n\n## B\n\ntext\n\n*[MTTQ]: Mặt trận\n") == []
    assert emptiness("# A\n\n## B\n\n*[MTTQ]: Mặt trận\n") == ["empty section: ## B"]
    assert emptiness('<ol class="timeline" markdown>\n</ol>\n') == ['nothing inside: <ol class="timeline" markdown>']
    assert emptiness("10/10 xã; 01/10 đơn vị; ngày 05/02/2024; 30 ngày; “0 trong 0 đánh giá”\n") == []


@pytest.mark.parametrize("name", PARTS, ids=PARTS)
def test_a_part_switched_on_beside_the_required_data_shows(fixture_folder, tmp_path, name):
    folder, full = fixture_folder
    own, needs, where = PARTS[name]
    pages = pages_of(merged(required_only(full), select(full, own + needs)), folder, tmp_path)
    assert shows(pages, where)
    assert {path: found for path, text in pages.items() if (found := emptiness(text))} == {}


@pytest.mark.parametrize("name", PARTS, ids=PARTS)
def test_a_part_switched_off_from_the_fuller_data_goes(fixture_folder, full_pages, tmp_path, name):
    folder, full = fixture_folder
    own = PARTS[name][0]
    gone = own + tuple(needer for part in own for needer in NEEDED_BY.get(part, ()))
    assert shows(full_pages, PARTS[name][2])
    pages = pages_of(without(full, gone), folder, tmp_path)
    assert not shows(pages, PARTS[name][2])
    assert {path: found for path, text in pages.items() if (found := emptiness(text))} == {}


def test_the_required_data_alone_makes_only_the_pages_every_report_has(fixture_folder, tmp_path):
    folder, full = fixture_folder
    pages = pages_of(required_only(full), folder, tmp_path)
    assert {path.removesuffix(".md").removesuffix(".en") for path in pages if path.endswith(".md")} == ALWAYS
    assert {path: found for path, text in pages.items() if (found := emptiness(text))} == {}


def test_without_anything_from_outside_the_article_no_page_mentions_such_sections(fixture_folder, tmp_path):
    """ "Except the sections marked Outside the article" is said only where there are some."""
    folder, full = fixture_folder
    pages = pages_of(required_only(full), folder, tmp_path / "without")
    assert [path for path, text in pages.items() if "Ngoài bài viết" in text or "Outside the article" in text] == []
    with_context = pages_of(
        merged(required_only(full), select(full, ("context", "context_documents"))), folder, tmp_path / "with"
    )
    assert "“Ngoài bài viết”" in with_context["index.md"] and "“Outside the article”" in with_context["index.en.md"]


def test_without_a_figure_counted_against_a_total_the_home_page_shows_every_figure(fixture_folder, tmp_path):
    folder, full = fixture_folder
    day = {"id": "ngay", "label": "Ngày của hạn hoàn thành", "label_en": "The deadline's day", "written": "30", "value": 30}
    day |= {"unit": "ngày", "unit_en": "day", "sources": [{"paragraph": "p4", "quote": "hoàn thành trước ngày 30/4/2024"}]}
    home = pages_of({**required_only(full), "figures": [day]}, folder, tmp_path)["index.md"]
    assert "Ngày của hạn hoàn thành" in home.split("{ #so-lieu-chinh }")[1]
    assert "Mọi con số, với đơn vị, ngày và nguồn, có ở trang [Số liệu](so-lieu.md)." in home


def test_the_source_page_lists_where_and_when_the_article_was_published(full_pages):
    source = full_pages["nguon.md"]
    assert '\n\n- **Cơ quan đăng bài:** Đài Mẫu\n- **Ngày đăng:** <time datetime="2024-04-21">21/4/2024</time>\n' in source
    assert '"datePublished": "2024-04-21"' in source and '"publisher": {"@type": "Organization", "name": "Đài Mẫu"}' in source


def test_a_topic_without_statements_has_no_section(full_pages):
    overview = full_pages["tong-quan.md"]  # the fuller fixture's topic danh-gia has no statement
    assert "{ #y-nghia }" in overview and "Đánh giá chung" not in overview


def test_without_its_paragraph_the_lessons_sentence_cites_the_lessons_own(fixture_folder, tmp_path):
    folder, full = fixture_folder
    lessons = pages_of(without(full, ("site.lessons_paragraph",)), folder, tmp_path)["bai-hoc-kinh-nghiem.md"]
    intro = next(line for line in lessons.splitlines() if line.startswith("Bài viết nêu"))
    cited = {source["paragraph"] for lesson in full["lessons"] for source in lesson["sources"]}
    assert re.findall(r"\(nguon\.md#(p\d+) ", intro) == sorted(cited)


def test_a_pictured_congress_without_its_place_is_one_error_line(fixture_folder, tmp_path):
    folder, full = fixture_folder
    values = copy.deepcopy(full)
    del values["congresses"][0]["place"]  # the photos page names where each pictured congress was
    with pytest.raises(DataError, match=r"^congresses\.yml, line \d+, congresses\[0\]: a pictured congress has no place"):
        pages_of(values, folder, tmp_path)


def test_this_sites_own_pages_have_nothing_empty(model):
    pages = {path: page.text() for path, page in render_pages(model).items()}
    assert {path: found for path, text in pages.items() if (found := emptiness(text))} == {}


@pytest.fixture(scope="module")
def required_site(fixture_folder, tmp_path_factory) -> Path:
    """The required data alone, built by MkDocs under --strict, both editions."""
    folder, full = fixture_folder
    project = tmp_path_factory.mktemp("required") / "project"
    data = project.parent / "data"
    data.mkdir()
    shutil.copy(folder / "article.txt", data / "article.txt")
    write_data(data, required_only(full))
    copy_project(project, data=data)
    build_site(project / "mkdocs.yml", project / "docs", project / "site")
    return project / "site"


def test_the_required_data_alone_builds_both_editions(required_site):
    for page in sorted(ALWAYS - {"index"}):
        assert (required_site / page / "index.html").is_file()
        assert (required_site / "en" / page / "index.html").is_file()
    assert not (required_site / "bai-hoc-kinh-nghiem").exists()


def test_the_navigation_names_only_the_pages_made(required_site):
    home = (required_site / "index.html").read_text(encoding="utf-8")
    links = {a["href"] for a in elements(home, "a") if "md-nav__link" in a.get("class", "") and "href" in a}
    assert {link.strip("/") for link in links if not link.startswith(("#", "."))} == ALWAYS - {"index"}


def test_the_sitemap_names_only_the_pages_made(required_site):
    sitemap = (required_site / "sitemap.xml").read_text(encoding="utf-8")
    slugs = {
        loc.removeprefix("http://127.0.0.1:8000/").removeprefix("en/").strip("/")
        for loc in re.findall(r"<loc>([^<]*)</loc>", sitemap)
    }
    assert slugs == (ALWAYS - {"index"}) | {""}


def test_the_downloads_are_the_data_there_is(required_site):
    downloads = {path.name for path in (required_site / "du-lieu").iterdir() if path.is_file()}
    data_files = {f"{key}.yml" for key in REQUIRED}
    assert {name for name in downloads if name.endswith(".yml")} == data_files
    page = (required_site / "du-lieu" / "index.html").read_text(encoding="utf-8")
    assert "lessons.yml" not in page and "statements.yml" not in page


def test_the_social_cards_are_the_pages_made(required_site):
    for folder in (required_site, required_site / "en"):
        assert {card.stem for card in (folder / "assets" / "cards").glob("*.png")} == ALWAYS


def test_search_finds_only_the_pages_made(required_site):
    for folder in (required_site, required_site / "en"):
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert {doc["location"].split("#")[0].strip("/") or "index" for doc in index["docs"]} == ALWAYS
