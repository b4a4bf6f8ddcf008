"""A page whose lists outgrow pages.LIMIT keeps its own words and links to parts of its own, one per group of the
data (a province's places, a letter's abbreviations), each group whole where it fits; the anchors that moved are
in one map that sends an old link on. A page under the limit is one page, as it always was.

Fixture: the synthetic report six times over (synthetic_data: each copy a province of its own), with the limit
made small so that it splits; nothing here depends on the real article's data."""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path

import pytest

from helpers.html import elements, parse
from helpers.project import SYNTHETIC, build_site, copy_project, synthetic_data
from sitegen import pages
from sitegen.parts import MOVED_ANCHORS
from sitegen.pipeline import generate, load_model

SMALL = 3_000  # bytes: the fixture's places, glossary, timeline and figures pages split at this limit


@pytest.fixture(scope="module")
def sixfold(tmp_path_factory) -> Path:
    return synthetic_data(6, tmp_path_factory.mktemp("sixfold") / "data", source=SYNTHETIC)


def build(data: Path, folder: Path, limit: int) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "LIMIT", limit)
        project = copy_project(folder, data=data)
        build_site(project / "mkdocs.yml", project / "docs", project / "site")  # --strict: any warning fails
    return project


@pytest.fixture(scope="module")
def split_site(sixfold, tmp_path_factory) -> Path:
    return build(sixfold, tmp_path_factory.mktemp("split"), SMALL)


@pytest.fixture(scope="module")
def whole_site(sixfold, tmp_path_factory) -> Path:
    return build(sixfold, tmp_path_factory.mktemp("whole"), 10**9)


def html(project: Path, url: str) -> str:
    return (project / "site" / url / "index.html").read_text(encoding="utf-8")


@functools.cache  # a part's page, parsed once however many anchors moved to it
def ids(project: Path, url: str) -> set[str]:
    return parse(project / "site" / url / "index.html").ids


def moved_map(project: Path) -> dict[str, dict[str, str]]:
    script = (project / "site" / MOVED_ANCHORS).read_text(encoding="utf-8")
    return json.loads(script.removeprefix("var sitegenMovedAnchors=").rstrip().removesuffix(";"))


def part_links(project: Path, url: str, slug: str) -> list[str]:
    """The parts a split page links to, in its order: its links to pages named after it."""
    hrefs = [a.get("href", "") for a in elements(html(project, url), "a")]
    return list(dict.fromkeys(h.split("#")[0] for h in hrefs if h.startswith(f"../{slug}-")))


def test_a_page_under_the_limit_is_one_page_as_before(sixfold, tmp_path):
    """At the real limit the fixture, six times over, is far below it: the same pages as with no limit at all."""
    under = generate(sixfold, tmp_path / "under").files
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "LIMIT", 10**9)
        unlimited = generate(sixfold, tmp_path / "unlimited").files
    assert under == unlimited
    assert MOVED_ANCHORS not in under
    made = pages.present(load_model(sixfold).data)
    assert sorted(name for name in under if name.endswith(".md") and ".en." not in name) == sorted(
        page.markdown_file for page in made
    )


def test_a_long_page_links_to_one_part_per_group_of_the_data(split_site):
    """The places page: each province (a copy) with its district and commune on one part, linked from the page."""
    parts = part_links(split_site, "dia-danh", "dia-danh")
    assert len(parts) > 1
    found: dict[str, str] = {}
    for part in parts:
        for place in re.findall(r'<strong id="?([^" >]+)', html(split_site, part.removeprefix("../").rstrip("/"))):
            assert place not in found, f"{place} is on {found[place]} and {part}"
            found[place] = part
    copies = [[f"{id}-{n}" if n else id for id in ("tinh-mau", "mau-son", "thu-nghiem")] for n in range(6)]
    assert sorted(found) == sorted(id for copy in copies for id in copy)
    assert all(len({found[place] for place in copy}) == 1 for copy in copies)  # a province's places together


def test_parts_are_in_both_editions_and_not_in_the_navigation(split_site):
    parts = part_links(split_site, "dia-danh", "dia-danh")
    for part in parts:
        slug = part.removeprefix("../").rstrip("/")
        assert "dia-danh.md" not in html(split_site, slug)  # its way back is a link, resolved by MkDocs
        assert (split_site / "site" / "en" / slug / "index.html").is_file()
    navigation = html(split_site, "so-lieu").split('class="md-nav')[1]
    assert all(part.removeprefix("../") not in navigation for part in parts)


def test_a_part_names_its_groups_and_leads_back_and_on(split_site):
    slug = part_links(split_site, "en/dia-danh", "dia-danh")[1].removeprefix("../").rstrip("/")  # neither end
    text = html(split_site, f"en/{slug}")
    assert re.search(r"<h1[^>]*>Places: Mẫu province", text)
    links = {a["href"]: " ".join(a["_text"].split()) for a in elements(text, "a") if "href" in a}
    assert links["../dia-danh/"] == "Places"  # the way back, to the page that lists the parts
    assert "Previous part:" in text and "Next part:" in text


def test_every_moved_anchor_is_in_the_map_and_on_its_part(split_site, whole_site):
    moved = moved_map(split_site)
    assert {"dia-danh", "thuat-ngu"} <= set(moved)
    for slug, anchors in moved.items():
        before, index = ids(whole_site, slug), ids(split_site, slug)
        gone = {anchor for anchor in before - index if not anchor.startswith("__")}  # Material's own ids aside
        assert gone <= set(anchors), f"{slug}: {sorted(gone - set(anchors))} moved without a way there"
        for anchor, part in anchors.items():
            assert anchor in ids(split_site, part), f"#{anchor} is not on {part}"


def test_markup_in_a_groups_name_shows_as_text_in_its_parts_title(sixfold, tmp_path):
    """A part's title holds its group's name from the data, and Material prints a page's title raw: in the header,
    in <title>, in the footer's links of the pages beside it."""
    data = Path(shutil.copytree(sixfold, tmp_path / "data"))
    places = data / "places.yml"
    places.write_text(
        places.read_text(encoding="utf-8").replace("kind_en: Province", 'kind_en: "<img src=x onerror=alert(1)></title>"'),
        encoding="utf-8",
    )
    project = build(data, tmp_path / "project", SMALL)
    titled = 0
    for path in (project / "site").rglob("index.html"):
        head, body = path.read_text(encoding="utf-8").split("</head>")
        assert elements(body, "img") == [], path  # the header's title, the footer's links to the parts beside
        title = head.split("<title>")[1].split("</title>")[0]  # where a browser ends it (a tag inside is text)
        titled += "onerror=alert(1)>&lt;/title> - " in title  # the data's </title> did not end it: the site's name follows
    assert titled  # a part's title held the name, as text


def test_a_group_longer_than_a_page_goes_on_over_numbered_parts(split_site):
    """The glossary's six abbreviations all start with C: one letter, more than a part holds."""
    parts = part_links(split_site, "en/thuat-ngu", "thuat-ngu")
    titles = [re.search(r"<h1[^>]*>(.*?)<a", html(split_site, f"en/{p.removeprefix('../')}")).group(1) for p in parts]
    assert len(parts) > 1
    assert all(re.fullmatch(rf"Glossary: C \({n}/{len(parts)}\)\s*", t) for n, t in enumerate(titles, 1))


def test_an_old_link_to_a_moved_anchor_lands_on_its_part(split_site, page):
    from helpers.browser import serve_folder

    anchor, part = next(iter(moved_map(split_site)["dia-danh"].items()))
    url, httpd = serve_folder(split_site / "site")
    try:
        page.goto(f"{url}/dia-danh/#{anchor}")
        page.wait_for_url(f"{url}/{part}/#{anchor}")
        assert page.locator(f"#{anchor}").is_visible()
    finally:
        httpd.shutdown()


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Ủy ban", "U"), ("đại hội", "Đ"), ("Ông", "Ô"), ("ưu tiên", "Ư"), ("MTTQ", "M")],
    ids=["tone-dropped", "d-bar-its-own", "circumflex-kept", "horn-kept", "plain"],
)
def test_a_word_is_listed_under_its_letter(word, expected):
    assert pages.letter(word) == expected


def test_letters_follow_the_vietnamese_alphabet():
    assert sorted(["Đ", "B", "Â", "D", "A", "Ă", "1"], key=pages.alphabetical) == ["A", "Ă", "Â", "B", "D", "Đ", "1"]


def listing_of(sizes: dict[str, int]) -> tuple[pages.Page, dict[str, list[tuple[pages.Group, int]]]]:
    """A made-up page with one listing, its groups of two entries each, and each group's size."""
    listing = pages.Listing("items", lambda model: [])
    groups = [(pages.Group(key, ({"id": f"{key}1"}, {"id": f"{key}2"}), 2), size) for key, size in sizes.items()]
    return pages.Page("trang", "page-trial", listings=(listing,)), {"items": groups}


def test_small_groups_share_a_part_and_a_large_one_is_shared_out(monkeypatch):
    monkeypatch.setattr(pages, "LIMIT", 1_000 + pages.PART_FRAME)
    page, measured = listing_of({"a": 400, "b": 400, "c": 400, "d": 1_500})
    split = pages.split(page, 3_500, measured, set())  # the groups and the page's own words
    assert split is not None
    assert [(part.slug, [g.key for g in part.groups], part.run) for part in split.parts] == [
        ("trang-a", ["a", "b"], None),
        ("trang-c", ["c"], None),
        ("trang-d", ["d"], (1, 2)),
        ("trang-d-2", ["d"], (2, 2)),
    ]
    assert split.moved(None) == {  # (no group here has anchors of its own, which would ask the model)
        "a1": "trang-a",
        "a2": "trang-a",
        "b1": "trang-a",
        "b2": "trang-a",
        "c1": "trang-c",
        "c2": "trang-c",
        "d1": "trang-d",
        "d2": "trang-d-2",
    }


def test_a_groups_long_name_makes_a_short_address(monkeypatch):
    monkeypatch.setattr(pages, "LIMIT", 1_000 + pages.PART_FRAME)
    long_name = "Huyện " + "Đăk " * 50  # names may have 200 characters; a file name, 255 bytes at most
    page, measured = listing_of({long_name: 900, long_name + "x": 900})
    split = pages.split(page, 3_500, measured, set())
    assert split is not None
    slugs = [part.slug for part in split.parts]
    assert [len(slug) for slug in slugs if len(slug) > 60] == []
    assert len(set(slugs)) == 2  # alike beginnings numbered


def test_a_page_under_the_limit_is_not_split():
    page, measured = listing_of({"a": 400})
    assert pages.split(page, pages.LIMIT, measured, set()) is None
