"""axe-core, in Chromium, finds no accessibility violation on any page, in the light and the dark scheme."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from test_site import ALL_PAGES

pytestmark = pytest.mark.browser
AXE = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        message = "axe-core is not installed (npm ci --prefix tests)"
        if os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ALL_PAGES, ids=lambda p: p.strip("/") or "home")
def test_no_axe_violation(browser, server, axe_source, scheme, path):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/{path}")
    page.add_script_tag(content=axe_source)
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => `${v.id}: ${v.nodes.length}× ${v.nodes[0].target.join(' ')}`)""")
    context.close()
    assert violations == []


def test_keyboard_reaches_search_and_skip_link(page, server):
    page.goto(server + "/so-lieu/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className + ' ' + document.activeElement.getAttribute('href')")
    assert "md-skip" in focused  # first Tab: Material's "skip to content" link
    page.keyboard.press("/")  # Material's shortcut to the search box
    assert page.evaluate("document.activeElement.getAttribute('data-md-component')") == "search-query"
    page.keyboard.type("kiem nhiem")
    page.wait_for_selector(".md-search-result__link")
    page.keyboard.press("ArrowDown")
    assert "md-search-result__link" in page.evaluate("document.activeElement.className")
