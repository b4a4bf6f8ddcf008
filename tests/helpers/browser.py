"""Chromium and a loopback server, as the browser tests (and the benchmarks: scripts/bench*.py) use them:
Debian's Chromium and its flags, a folder served on a free port, Material's search worker driven in a page,
and the search box typed into as a reader does."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 780}


class Tab:
    """One tab kept open for a whole test run (a pytest-xdist worker's), handed to each test as new by `fresh()`.
    A tab opened in Chromium costs a new renderer process, about 0.8 CPU-seconds, against a quarter of that to go
    to a page in an open tab: the suite keeps one of each kind (desktop, phone) per worker instead of one per test."""

    def __init__(self, browser, size: dict, **options) -> None:
        self.context = browser.new_context(viewport=size, **options)
        self.size = size
        self.sites: set[str] = set()  # every site the tab has been on, to clear their storage
        self._open()

    def _open(self) -> None:
        self.tab = self.context.new_page()
        self.tab.on("framenavigated", self._seen)
        self.devtools = self.context.new_cdp_session(self.tab)

    def _seen(self, frame) -> None:
        parts = urlsplit(frame.url)
        if frame.parent_frame is None and parts.scheme in ("http", "https", "file"):
            self.sites.add(f"{parts.scheme}://{parts.netloc}")

    def fresh(self):
        """The tab as good as new: what every site it was on stored cleared (the palette and tabs Material
        remembers), no cookies, a blank page (its search worker ends), its own size, the light scheme, the pointer
        at the corner. Session storage, the tab's own, stays: Material keeps only its "outdated version" banner
        there. A tab a test closed or crashed is replaced."""
        from playwright.sync_api import Error

        try:
            self._reset()
        except Error:
            if not self.tab.is_closed():
                self.tab.close()
            self._open()
            self._reset()
        return self.tab

    def _reset(self) -> None:
        tab = self.tab
        # Through Chromium's DevTools, not a script in the page: a test may end during a navigation, when a page
        # runs no script.
        for site in self.sites:
            self.devtools.send("Storage.clearDataForOrigin", {"origin": site, "storageTypes": "all"})
        self.sites.clear()
        self.context.clear_cookies()
        tab.goto("about:blank")
        tab.set_viewport_size(self.size)
        tab.emulate_media(color_scheme="light")
        tab.mouse.move(0, 0)

    def close(self) -> None:
        self.context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    mount = "/"  # the site's path on its host (SITE_URL's path): pages may link absolutely from it

    def log_message(self, *args) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.mount):
            return str(Path(self.directory) / "\0not-under-the-mount")  # answered with 404
        return super().translate_path("/" + path[len(self.mount) :])


def serve_folder(folder: Path, mount: str = "/") -> tuple[str, http.server.ThreadingHTTPServer]:
    """``folder`` on a free loopback port the OS picks, at ``mount`` (a site built for
    https://example.org/kontum/ is served at /kontum/), in a background thread; call ``.shutdown()`` when
    done. The returned address has no trailing slash: address + "/" is the site's home."""
    handler = type("Handler", (_QuietHandler,), {"mount": mount if mount.endswith("/") else mount + "/"})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}{mount.rstrip('/')}", httpd


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
    return page.evaluate(
        WORKER_JS,
        {
            "worker": f"{server}/assets/javascripts/workers/{worker}",
            "jobs": [
                {"index": f"{server}/{edition + '/' if edition else ''}search/search_index.json", "queries": queries}
                for edition, queries in jobs
            ],
        },
    )


def search_box_ready(page):
    """Click into the search box and wait until Material's worker is ready (the list shows its placeholder);
    the placeholder's words and the box."""
    placeholder = page.evaluate(
        "() => JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').textContent.trim() === text", arg=placeholder
    )
    return placeholder, box


def type_query(page, server: str, query: str) -> list[str]:
    """Type `query` into the search box of the open page as a reader does; the result pages in order.
    Waits for conditions, never for a time: the worker is ready (the list shows its placeholder), then the
    results of the whole query are in (the last key sends the one query; fill() sends none)."""
    placeholder, box = search_box_ready(page)
    box.fill(query[:-1])
    box.press_sequentially(query[-1])  # one key, any letter: its keyup sends the query
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').textContent.trim() !== text", arg=placeholder
    )
    hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    pages: list[str] = []
    for href in hrefs:
        path = href.removeprefix(server + "/").split("?")[0].split("#")[0]
        if path not in pages:
            pages.append(path)
    return pages
