"""Shared fixtures: the project's data, a built site, a local server and headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from benchkit import CHROMIUM, CHROMIUM_ARGS, copy_project, serve_folder  # noqa: E402, F401 (copy_project: for tests)
from sitegen.generate import load_model  # noqa: E402


def run_mkdocs(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def model():
    return load_model(ROOT / "data")


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The site as `mkdocs build --strict` makes it from the repository, into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs("build", "--strict", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site, result


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build[0]


@pytest.fixture(scope="session")
def server(site):
    """The built site on a loopback port."""
    url, httpd = serve_folder(site)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. In CI (CI or REQUIRE_BROWSER set) a missing browser fails."""
    required = bool(os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"))
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if required:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


class _Elements(HTMLParser):
    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.found, self._open = tag, [], []

    def handle_starttag(self, tag, attrs):
        if tag == self.tag:
            element = {name: value or "" for name, value in attrs} | {"_text": ""}
            self.found.append(element)
            if tag not in ("link", "meta", "img", "source", "input"):
                self._open.append(element)

    def handle_endtag(self, tag):
        if tag == self.tag and self._open:
            self._open.pop()

    def handle_data(self, data):
        for element in self._open:
            element["_text"] += data


def elements(html: str, tag: str) -> list[dict[str, str]]:
    """Every <tag> of a page as its attributes (and its text as "_text"), however the HTML is minified."""
    parser = _Elements(tag)
    parser.feed(html)
    return parser.found



# Material's own search worker, driven by postMessage as its UI drives it: one page, one evaluate call for
# every query of every edition. Results come back as Material ranks and groups them.
WORKER_JS = """async ({worker, jobs}) => {
  const out = []
  for (const job of jobs) {
    const data = await (await fetch(job.index)).json()
    const w = new Worker(worker)
    const next = () => new Promise(resolve => w.addEventListener("message", ev => resolve(ev.data), {once: true}))
    const t0 = performance.now()
    w.postMessage({type: 0, data: {config: data.config, docs: data.docs, options: {suggest: false}}})
    await next()
    const ready = performance.now() - t0
    const results = []
    for (const query of job.queries) {
      const start = performance.now()
      w.postMessage({type: 2, data: query})
      const message = await next()
      const ms = performance.now() - start
      const pages = []
      for (const group of message.data.items) {
        const page = group[0].location.split("#")[0]
        if (!pages.includes(page)) pages.push(page)
      }
      const first = message.data.items.length ? message.data.items[0][0] : {terms: {}}
      const terms = Object.keys(first.terms).filter(term => first.terms[term])
      const top = message.data.items.slice(0, 5).map(group => group.map(item => item.location + " " + item.score.toExponential(2)))
      results.push({pages, terms, ms, top})
    }
    w.terminate()
    out.push({ready, results})
  }
  return out
}"""


def run_worker(page, server: str, site: Path, jobs: list[tuple[str, list[str]]]) -> list[dict]:
    """Each (edition, queries) through Material's worker ("" or "en"), in one evaluate call:
    per edition {ready: ms to build the index, results: [{pages, terms, ms, top}]}; pages as in the index."""
    worker = next((site / "assets/javascripts/workers").glob("search.*.min.js")).name
    page.goto(f"{server}/")
    return page.evaluate(WORKER_JS, {"worker": f"{server}/assets/javascripts/workers/{worker}",
                                     "jobs": [{"index": f"{server}/{edition + '/' if edition else ''}search/search_index.json",
                                               "queries": queries} for edition, queries in jobs]})


def type_query(page, server: str, query: str) -> list[str]:
    """Type `query` into the search box of the open page as a reader does; the result pages in order.
    Waits for conditions, never for a time: the worker is ready (the list shows its placeholder), then the
    results of the whole query are in (the last key sends the one query; fill() sends none)."""
    placeholder = page.evaluate("() => JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    page.wait_for_function("text => document.querySelector('.md-search-result__meta').textContent.trim() === text", arg=placeholder)
    box.fill(query[:-1])
    box.press_sequentially(query[-1])  # one key, any letter: its keyup sends the query
    page.wait_for_function("text => document.querySelector('.md-search-result__meta').textContent.trim() !== text", arg=placeholder)
    hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    pages: list[str] = []
    for href in hrefs:
        path = href.removeprefix(server + "/").split("?")[0].split("#")[0]
        if path not in pages:
            pages.append(path)
    return pages
