"""In headless Chromium, as a reader: every page visited once (nothing missing, nothing from elsewhere, axe clean
in light and dark, no sideways scroll on a phone), then the key figures, a fact's link to its source, the
palette, the keyboard and the language switch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.browser import DESKTOP, PHONE
from helpers.html import elements
from helpers.project import nav_pages

pytestmark = pytest.mark.browser

AXE = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
AXE_RUN = """async rules => (await axe.run(document, rules ? {runOnly: {type: 'rule', values: rules}, resultTypes:
    ['violations']} : {resultTypes: ['violations']})).violations.map(v => `${v.id}: ${v.nodes.length}x ${v.nodes[0].target.join(' ')}`)"""
# Of axe's rules, only these read colours: the dark scheme changes nothing else on a page.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Material's search shows its "initializing" words (as served) until its worker has loaded the index and answered.
SEARCH_READY = """initial => document.querySelector('.md-search-result__meta').textContent.trim() !== initial"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        message = "axe-core is not installed (npm ci --prefix tests)"
        if os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


class Traffic:
    """Every request a page makes, the ones that failed or left the site, and how many are still open."""

    def __init__(self, page, origin: str) -> None:
        self.page, self.origin = page, origin
        self.open, self.failed, self.outside = 0, [], []
        page.on("request", self._start)
        page.on("requestfinished", self._finish)
        page.on("requestfailed", lambda request: self._end(request, failed=True))
        page.on(
            "response",
            lambda response: self.failed.append(f"{response.status} {response.url}") if response.status >= 400 else None,
        )

    def _start(self, request) -> None:
        self.open += 1
        if not request.url.startswith((self.origin, "data:", "blob:")):
            self.outside.append(request.url)

    def _finish(self, request) -> None:
        self._end(request, failed=False)

    def _end(self, request, failed: bool) -> None:
        self.open -= 1
        if failed and request.url.startswith(self.origin):
            self.failed.append(f"failed {request.url}")

    def settle(self) -> None:
        """Wait until no request is open (each wait ends on the next finished request)."""
        while self.open > 0:
            try:
                self.page.wait_for_event("requestfinished", timeout=5000)
            except Exception:  # noqa: BLE001 - a request that failed ends without that event
                break


@pytest.fixture(scope="module")
def visit(browser, server, axe_source):
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    # axe in every page as it starts, handed to Chromium once: ~0.15 CPU-s a page less than sending it each time
    context.add_init_script(axe_source)
    page = context.new_page()
    traffic = Traffic(page, server)

    def run(path: str) -> dict:
        traffic.failed.clear()
        page.emulate_media(color_scheme="light")
        page.set_viewport_size(DESKTOP)
        served = page.goto(f"{server}/{path}", wait_until="load").text()
        initial = [m["_text"].strip() for m in elements(served, "div") if m.get("class") == "md-search-result__meta"][0]
        page.wait_for_function(SEARCH_READY, arg=initial, polling="raf")
        traffic.settle()
        light = page.evaluate(AXE_RUN, None)
        page.emulate_media(color_scheme="dark")
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        dark = page.evaluate(AXE_RUN, COLOUR_RULES)
        page.set_viewport_size(PHONE)
        width = page.evaluate("document.documentElement.scrollWidth")
        traffic.settle()
        return {"light": light, "dark": dark, "failed": list(traffic.failed), "phone_width": width}

    yield run, traffic
    context.close()


def pytest_generate_tests(metafunc):
    if "path" in metafunc.fixturenames:
        # The pages of both editions, from mkdocs.yml's nav (the built site has the same; test_site checks it).
        metafunc.parametrize("path", nav_pages(), ids=lambda p: p.strip("/") or "home")


def test_page_loads_whole_and_is_accessible(visit, path):
    run, _ = visit
    result = run(path)
    assert result["failed"] == [], "a file the page asks for is missing"
    assert result["light"] == [], "axe, light scheme"
    assert result["dark"] == [], "axe, dark scheme"
    assert result["phone_width"] <= 360, "sideways scroll on a 360 px phone"


def test_no_request_leaves_the_site_even_while_searching(visit, server):
    run, traffic = visit
    run("")
    page = traffic.page
    page.set_viewport_size(DESKTOP)
    page.locator("input[data-md-component=search-query]").first.click()
    page.keyboard.type("Quyết")
    page.wait_for_selector(".md-search-result__item")
    traffic.settle()
    assert traffic.outside == []


def test_home_shows_the_key_figures(page, server, model):
    page.goto(server + "/")
    cards = page.locator(".key-figures .key-figure").all_inner_texts()
    for figure in model.figures:
        if "total" in figure:
            assert any(card.startswith(figure["written"]) for card in cards), figure["id"]
    assert page.locator("html").get_attribute("lang") == "vi"


def test_a_fact_link_lands_on_its_source_paragraph(page, server):
    page.goto(server + "/dai-hoi-diem/")
    link = page.locator("a.cite").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/nguon/#{target}")
    paragraph = page.locator(f"#{target}")
    assert paragraph.is_visible()
    top = paragraph.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 300  # scrolled to it, below the sticky header


def test_palette_toggle_reaches_the_dark_scheme(page, server):
    page.goto(server + "/")
    seen = {page.locator("body").get_attribute("data-md-color-scheme")}
    for _ in range(3):
        page.locator("form[data-md-component=palette] label:visible").first.click()
        seen.add(page.locator("body").get_attribute("data-md-color-scheme"))
    assert {"default", "slate"} <= seen


# A word each edition's toggle names its target by (mkdocs.yml), and the palette's media it switches to.
TARGETS = {
    "": {"sáng": "(prefers-color-scheme: light)", "tối": "(prefers-color-scheme: dark)", "hệ thống": "(prefers-color-scheme)"},
    "en/": {"light": "(prefers-color-scheme: light)", "dark": "(prefers-color-scheme: dark)", "system": "(prefers-color-scheme)"},
}


@pytest.mark.parametrize("edition", TARGETS, ids=["vi", "en"])
def test_palette_toggle_tooltip_says_what_a_click_does(page, server, edition):
    page.goto(f"{server}/{edition}")
    for _ in range(3):
        label = page.locator("form[data-md-component=palette] label:visible").first
        promised = [media for word, media in TARGETS[edition].items() if word in label.get_attribute("title")]
        label.click()
        assert promised == [page.locator("body").get_attribute("data-md-color-media")]


def test_keyboard_reaches_skip_link_search_and_results(page, server):
    page.goto(server + "/so-lieu/")
    page.keyboard.press("Tab")
    assert "md-skip" in page.evaluate("document.activeElement.className")  # Material's "skip to content"
    page.keyboard.press("/")  # Material's shortcut to the search box
    assert page.evaluate("document.activeElement.getAttribute('data-md-component')") == "search-query"
    page.keyboard.type("kiem nhiem")
    page.wait_for_selector(".md-search-result__link")
    page.keyboard.press("ArrowDown")
    assert "md-search-result__link" in page.evaluate("document.activeElement.className")


@pytest.mark.parametrize("start", ["", "bai-hoc-kinh-nghiem/"], ids=["home", "lessons"])
def test_language_switch_goes_to_the_same_page_and_back(page, server, start):
    page.goto(f"{server}/{start}")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{server}/en/{start}")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(f"{server}/{start}")
    assert page.locator("html").get_attribute("lang") == "vi"


def test_a_long_word_wraps_on_a_phone(phone, server):
    phone.goto(server + "/so-lieu/")
    phone.evaluate("document.querySelector('td').textContent = 'x'.repeat(300)")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize(
    ("start", "query", "edition"), [("", "quyet thang", ""), ("en/", "pilot congress", "en/")], ids=["vietnamese", "english"]
)
def test_each_edition_searches_its_own_pages(page, server, start, query, edition):
    page.goto(f"{server}/{start}")
    page.locator("input[data-md-component=search-query]").click()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    paths = [href.removeprefix(server + "/") for href in hrefs]
    assert paths and all(path.startswith("en/") == bool(edition) for path in paths), paths
