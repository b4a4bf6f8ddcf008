"""A site whose pages outgrow their budget, as readers meet it: pages in parts, old links still landing.

The real project, built with budgets made small for the test (sitegen.paginate), so that the long-data path is
tried on every run without 100x data. The build is strict: any link to a moved anchor left behind fails it.
"""

from __future__ import annotations

import json
import re

import pytest

from helpers.browser import run_worker, serve_folder
from helpers.html import elements
from helpers.project import ROOT, build_site

EDITIONS = ["", "en/"]


@pytest.fixture(scope="module")
def cut(tmp_path_factory):
    """The site built with pages of at most ~6 kB of Markdown and blocks of ~2 kB; served on loopback."""
    from sitegen import paginate

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paginate, "PAGE_BUDGET", 6000)
        patch.setattr(paginate, "BLOCK_BUDGET", 2000)
        folder = tmp_path_factory.mktemp("cut")
        build_site(ROOT / "mkdocs.yml", folder / "docs", folder / "site")
    url, httpd = serve_folder(folder / "site", "/")
    yield folder / "site", url
    httpd.shutdown()


def moved_anchors(site, page: str) -> dict[str, int]:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    found = re.search(r"<script[^>]*\bid=\"?moved-anchors\b[^>]*>(.*?)</script>", html)
    return json.loads(found.group(1)) if found else {}


def split_pages(site, edition: str) -> dict[str, str]:
    """Pages of an edition that were cut (those with a part 2): part 1's address → the folder of the others
    ("dia-danh/" → "dia-danh/"; the home page's parts sit in "index/")."""
    folders = sorted(p.parent.parent.relative_to(site).as_posix() + "/" for p in (site / edition).glob("*/2/index.html"))
    return {folder.removesuffix("index/"): folder for folder in folders}


@pytest.mark.parametrize("edition", EDITIONS)
def test_long_pages_come_in_parts_in_both_editions(cut, edition):
    site, _ = cut
    assert len(split_pages(site, edition)) >= 3


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_an_old_link_to_an_anchor_that_moved_lands_on_its_part(cut, page, edition):
    site, url = cut
    cut_pages = split_pages(site, edition)
    slug, (anchor, part) = next((slug, next(iter(table.items()))) for slug in cut_pages if (table := moved_anchors(site, slug)))
    page.goto(f"{url}/{slug}#{anchor}")
    page.wait_for_url(re.compile(rf"/{re.escape(cut_pages[slug])}{part}/#{re.escape(anchor)}$"))
    assert page.locator(f"[id='{anchor}']").count() == 1


@pytest.mark.browser
def test_a_part_says_which_part_it_is_and_leads_to_the_next(cut, page):
    site, url = cut
    folder = next(iter(split_pages(site, "").values()))
    page.goto(f"{url}/{folder}2/")
    assert re.search(r"\(phần 2/\d+\)", page.locator("h1").inner_text())
    assert re.search(r"\(phần 2/\d+\)", page.title())
    page.get_by_role("link", name="Phần tiếp theo").click()
    page.wait_for_url(re.compile(rf"/{re.escape(folder)}3/$"))


@pytest.mark.browser
def test_the_english_parts_speak_english(cut, page):
    site, url = cut
    folder = next(iter(split_pages(site, "en/").values()))
    page.goto(f"{url}/{folder}2/")
    assert re.search(r"\(part 2 of \d+\)", page.locator("h1").inner_text())
    assert page.get_by_role("link", name="Next part").count() == 1


@pytest.mark.browser
def test_search_finds_a_section_that_sits_on_a_later_part(cut, page):
    """Each part is a page of the search index; a query for a section there finds that part."""
    site, url = cut
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    later = [doc for doc in index["docs"] if re.fullmatch(r"[a-z-]+/\d+/#.+", doc["location"])]
    target = max(later, key=lambda doc: len(doc["title"]))  # the longest title: the most telling query
    (answer,) = run_worker(page, url, site, [("", [target["title"]])])
    assert target["location"].split("#")[0] in answer["results"][0]["pages"]


def test_a_part_shares_its_page_s_social_card(cut):
    site, _ = cut
    folder = next(iter(split_pages(site, "").values()))
    first = folder.removesuffix("index/")

    def card(page: str) -> str:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        (meta,) = [m for m in elements(html, "meta") if m.get("property") == "og:image"]
        return meta["content"]

    assert card(f"{folder}2/") == card(first)
