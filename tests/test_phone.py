"""On a phone, as a reader: tables stacked as rows, each cell led by its column's name (written at build time by
scripts/sitegen/table_labels.py), no table wider than its box and no word broken mid-word, at 360 px and at 600 px
where tables stay tables; the site's whole name in the header; no blank line left by a heading's hidden ¶ link;
source links in tables big enough to tap; an abbreviation's meaning on a tap."""

from __future__ import annotations

import re

import markdown
import pytest
from mkdocs.config import load_config

from helpers.browser import PHONE
from helpers.html import elements
from helpers.project import ROOT

# Each table of the page open at the phone's width: what a reader would have to scroll sideways to see, every
# word of a cell drawn over two lines, and each shown cell's column name as drawn before it.
MEASURE_TABLES = r"""() => {
  const wide = [], broken = [], unnamed = []
  const tables = [...document.querySelectorAll('.md-content table')]
  tables.forEach((table, i) => {
    for (let box = table; box && !box.matches('.md-content'); box = box.parentElement) {
      const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX)
      if (scrolls && box.scrollWidth > box.clientWidth + 1) wide.push(`table ${i + 1}: ${box.scrollWidth} px in a ${box.clientWidth} px box`)
    }
    if (table.getBoundingClientRect().right > innerWidth) wide.push(`table ${i + 1} ends past the screen`)
    for (const cell of table.querySelectorAll('th, td')) {
      if (!cell.getClientRects().length) continue  // not shown: the header row of a stacked table
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
      for (let node; (node = walker.nextNode()); ) {
        const whole = document.createRange()
        whole.selectNodeContents(node)
        if (new Set([...whole.getClientRects()].map(r => Math.round(r.top))).size < 2) continue  // one line: no word broken
        for (const word of node.data.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
          const range = document.createRange()
          range.setStart(node, word.index)
          range.setEnd(node, word.index + word[0].length)
          if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) broken.push(word[0])
        }
      }
      if (cell.tagName === 'TD' && cell.textContent.trim() && getComputedStyle(cell, '::before').content === 'none'
          && getComputedStyle(table.querySelector('thead')).display === 'none') unnamed.push(cell.textContent.trim())
    }
  })
  return {tables: tables.length, wide, broken, unnamed}
}"""

# The header's first line: the site's name as Material writes it, and whether any of it is hidden.
HEADER_NAME = """() => {
  const name = document.querySelector('.md-header__topic:first-child .md-ellipsis')
  const box = name.getBoundingClientRect(), header = document.querySelector('.md-header').getBoundingClientRect()
  const buttons = [...document.querySelectorAll('.md-header__option, .md-header__button')]
    .map(b => b.getBoundingClientRect()).filter(b => b.width && b.left >= box.left)
  return {
    text: name.textContent.trim(),
    cut: name.scrollWidth > name.clientWidth || name.scrollHeight > name.clientHeight,
    outside_header: box.top < header.top || box.bottom > header.bottom,
    under_a_button: buttons.some(b => b.left < box.right),
    px: parseFloat(getComputedStyle(name).fontSize),
  }
}"""


def _converted(text: str, labels: bool = True) -> str:
    """Markdown converted with mkdocs.yml's extensions (without the table labels, if asked)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    extensions = [e for e in config.markdown_extensions if labels or e != "sitegen.table_labels"]
    return markdown.markdown(text, extensions=extensions, extension_configs=config.mdx_configs)


TABLE = """| Mã | **Đơn vị** “A” & <b>B</b> &amp;copy; | MTTQ |  |
|---|---:|---|---|
| 1 | 2 | 3 | 4 |
| 5 | 6 | 7 | 8 |

*[MTTQ]: Mặt trận Tổ quốc
"""


def test_each_table_cell_carries_its_column_name_as_plain_text():
    cells = elements(_converted(TABLE), "td")
    assert [cell.get("data-label") for cell in cells] == ["Mã", "Đơn vị “A” & B &copy;", "MTTQ", None] * 2


def test_a_table_is_otherwise_as_python_markdown_writes_it():
    labelled = re.sub(r' data-label="[^"]*"', "", _converted(TABLE))
    assert labelled == _converted(TABLE, labels=False)


@pytest.fixture(scope="module")
def table_pages(pages, site) -> list[str]:
    """The pages of both editions that have a table."""
    found = [path for path in pages if "<table" in (site / path / "index.html").read_text(encoding="utf-8")]
    assert found
    return found


@pytest.fixture(scope="module")
def measured(phone_tab, server, table_pages):
    """Each page with a table, measured once per width: 360 px (a phone: stacked rows) and 600 px (the narrowest
    width at which tables stay tables, site.css)."""
    found: dict[tuple[int, str], dict] = {}
    page = phone_tab.fresh()
    for path in table_pages:
        page.set_viewport_size(PHONE)
        page.goto(f"{server}/{path}")
        for width in (360, 600):  # the same page, laid out again at each width
            page.set_viewport_size({"width": width, "height": 780})
            found[width, path] = page.evaluate(MEASURE_TABLES)
    return found


WIDTHS = pytest.mark.parametrize("width", [360, 600], ids=["360px", "600px"])


@pytest.mark.browser
@WIDTHS
def test_no_table_scrolls_sideways(measured, width):
    wide = {path: result["wide"] for (w, path), result in measured.items() if w == width and result["wide"]}
    assert wide == {}


@pytest.mark.browser
@WIDTHS
def test_no_word_in_a_table_is_broken_across_lines(measured, width):
    broken = {path: result["broken"] for (w, path), result in measured.items() if w == width and result["broken"]}
    assert broken == {}


@pytest.mark.browser
def test_each_cell_of_a_stacked_table_is_led_by_its_column_name(measured):
    unnamed = {path: result["unnamed"] for (w, path), result in measured.items() if w == 360 and result["unnamed"]}
    assert unnamed == {}


@pytest.mark.browser
@pytest.mark.parametrize("edition", ["", "en/"], ids=["vi", "en"])
def test_the_header_shows_the_sites_whole_name(phone, server, edition):
    phone.goto(f"{server}/{edition}")
    shown = phone.evaluate(HEADER_NAME)
    assert shown["text"] == phone.locator('meta[property="og:site_name"]').get_attribute("content")
    assert not shown["cut"]
    assert not shown["outside_header"]
    assert not shown["under_a_button"]
    assert shown["px"] >= 12


# A heading whose words fill its last line, then the ¶ link Material puts after every heading's words: its height
# without the link and with it.
FULL_HEADING = """() => {
  const heading = document.createElement('h2'), link = document.querySelector('.md-content .headerlink').cloneNode(true)
  document.querySelector('.md-content .md-typeset').append(heading)
  heading.textContent = 'Hạn chế'
  const height = () => heading.getBoundingClientRect().height, one = height()
  while (height() === one) heading.textContent += ' x'
  heading.textContent = heading.textContent.slice(0, -2)
  const without = height()
  heading.append(' ', link)
  return {without, with: height()}
}"""


@pytest.mark.browser
def test_a_headings_hidden_link_takes_no_line_of_its_own(phone, server):
    phone.goto(f"{server}/")
    heights = phone.evaluate(FULL_HEADING)
    assert heights["with"] == heights["without"]


@pytest.mark.browser
def test_a_headings_link_shows_when_focused(phone, server):
    phone.goto(f"{server}/")
    link = phone.locator(".md-content h2 .headerlink").first
    link.focus()
    box = link.bounding_box()
    assert box["width"] > 5
    assert box["x"] + box["width"] <= 360


@pytest.mark.browser
def test_a_source_link_in_a_table_is_a_target_a_finger_can_tap(phone, server):
    phone.goto(f"{server}/so-lieu/")
    sizes = phone.eval_on_selector_all(
        ".md-content td a.cite",
        "links => links.map(a => [a.getBoundingClientRect().width, a.getBoundingClientRect().height, parseFloat(getComputedStyle(a).fontSize)])",
    )
    assert sizes
    assert [size for size in sizes if min(size[:2]) < 24 or size[2] < 12] == []  # 24 px: WCAG 2.5.8


# An abbreviation outside a link: inside one, a tap follows the link.
ABBR = ".md-content abbr[title]:not(a abbr)"


@pytest.mark.browser
@pytest.mark.parametrize("edition", ["", "en/"], ids=["vi", "en"])
def test_a_tap_on_an_abbreviation_shows_its_meaning_on_the_screen(phone, server, edition):
    from playwright.sync_api import expect

    phone.goto(f"{server}/{edition}")
    abbr = phone.locator(ABBR).first
    abbr.tap()
    meaning = phone.get_by_text(abbr.get_attribute("title"), exact=True)
    expect(meaning).to_be_visible()
    assert meaning.bounding_box()["x"] + meaning.bounding_box()["width"] <= 360
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.browser
def test_a_second_tap_hides_the_meaning_again(phone, server):
    from playwright.sync_api import expect

    phone.goto(f"{server}/")
    abbr = phone.locator(ABBR).first
    meaning = phone.get_by_text(abbr.get_attribute("title"), exact=True)
    abbr.tap()
    expect(meaning).to_be_visible()
    abbr.tap()
    expect(meaning).to_have_count(0)
