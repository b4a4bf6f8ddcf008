"""In headless Chromium, as a reader: the key figures on the home page, and a fact's link to its source."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_home_shows_the_key_figures(page, server):
    page.goto(server + "/")
    cards = page.locator(".key-figures .key-figure")
    texts = cards.all_inner_texts()
    assert "102/102 (100%)" in texts
    assert "756/756 (100%)" in texts
    assert "01/102" in texts
    assert "30/4/2024" in texts
    assert page.locator("html").get_attribute("lang") == "vi"


def test_a_fact_link_lands_on_its_source_paragraph(page, server):
    page.goto(server + "/dai-hoi-diem/")
    page.locator("a.cite", has_text="đoạn 10").first.click()
    page.wait_for_url("**/nguon/#p10")
    paragraph = page.locator("#p10")
    assert paragraph.is_visible()
    assert "12/01/2024" in paragraph.inner_text()
    top = paragraph.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 300  # scrolled to it, below the sticky header


def test_phone_layout_has_no_sideways_scroll(phone, server):
    for path in ("/", "/so-lieu/", "/nguon/"):
        phone.goto(server + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, path


def test_palette_toggle_reaches_the_dark_scheme(page, server):
    page.goto(server + "/")
    seen = {page.locator("body").get_attribute("data-md-color-scheme")}
    for _ in range(3):
        page.locator("form[data-md-component=palette] label:visible").first.click()
        seen.add(page.locator("body").get_attribute("data-md-color-scheme"))
    assert {"default", "slate"} <= seen


def test_no_request_leaves_the_site(page, server):
    from test_site import ALL_PAGES

    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ["/" + p for p in ALL_PAGES]:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    page.locator("input[data-md-component=search-query]").first.click()
    page.keyboard.type("Quyết Thắng")
    page.wait_for_timeout(500)
    outside = [url for url in requests if not url.startswith(server) and not url.startswith("data:")]
    assert requests and outside == []


def test_no_page_asks_for_a_missing_file(page, server):
    """Every request a page makes while loading succeeds (a 404 shows up in the console and in Lighthouse)."""
    from test_site import ALL_PAGES

    failed: list[str] = []
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    for path in ["/" + p for p in ALL_PAGES]:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    assert failed == []
