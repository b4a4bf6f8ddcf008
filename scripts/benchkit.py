"""What the benchmarks and the browser tests share: Debian's Chromium, a loopback server, the machine,
a throw-away copy of the project (with synthetic data N times today's, or built with Material's default search), mkdocs.yml read as data (its pages), and where results are kept."""

from __future__ import annotations

import functools
import http.server
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
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


def machine() -> dict[str, str]:
    return {
        "cpus": str(os.cpu_count()),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "platform": platform.platform(terse=True),
    }


RESULTS = ROOT / "bench" / "results"  # about the site, not the article: kept apart from data/


def synthetic_data(factor: int, dest: Path) -> Path:
    """The real data with every list entry repeated `factor` times under new ids (SYNTHETIC, never published)."""
    shutil.copytree(ROOT / "data", dest)
    for path in dest.glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        key = next(iter(data))
        if isinstance(data[key], list) and key != "errata":
            data[key] = [
                {**entry, "id": f"{entry['id']}-{i}" if i else entry["id"]} for i in range(factor) for entry in data[key]
            ]
        path.write_text(
            "# SYNTHETIC benchmark data\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return dest


def build_variant(project: Path, site: Path, default: bool) -> None:
    """Build the copy in `project`; `default`: with Material's search settings and its lunr.vi (sitegen writes
    none of its own search files, and the editions' indexes keep Material's language)."""
    config = project / "mkdocs.yml"
    if default:
        config = project / "mkdocs.default-search.yml"
        # Same pages, same editions; Material's own search (sitegen's search: false) with its default settings.
        plugins = [{"sitegen": {"search": False}}, {"search": {"lang": "vi"}}, editions_plugin(mkdocs_settings())]
        config.write_text("INHERIT: mkdocs.yml\n" + yaml.safe_dump({"plugins": plugins}, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], cwd=project, env=env, check=True
    )


def copy_project(dest: Path, data: Path = ROOT / "data") -> Path:
    """What a build reads — mkdocs.yml, overrides/ and a data folder — copied to ``dest``, with an empty docs/."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(data, dest / "data")
    (dest / "docs").mkdir(exist_ok=True)
    return dest


def save_results(name: str, report: dict[str, Any], quick: bool) -> Path:
    """Keep a benchmark's results in bench/results/, only when asked (--save). A quick run goes to its own file,
    so it never replaces a full one."""

    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / (f"{name}-quick.json" if quick else f"{name}.json")
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


class _Settings(yaml.SafeLoader):
    """mkdocs.yml as plain data: an `!ENV [NAME, default]` tag reads as its default."""


_Settings.add_constructor(
    "!ENV", lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None
)


def mkdocs_settings() -> dict[str, Any]:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Settings)


def editions_plugin(settings: dict[str, Any], theme_overrides: bool = True) -> dict[str, Any]:
    """The i18n plugin entry of mkdocs.yml: baselines keep the same editions (/ and /en/), so they build the
    same pages; ``theme_overrides=False`` drops this site's per-language theme settings."""
    entry = next(p for p in settings["plugins"] if isinstance(p, dict) and "i18n" in p)
    if not theme_overrides:
        entry = {
            "i18n": {
                **entry["i18n"],
                "languages": [{k: v for k, v in lang.items() if k != "theme"} for lang in entry["i18n"]["languages"]],
            }
        }
    return entry


def nav_pages() -> list[str]:
    """The site's pages in every edition, from the page registry: "", "so-lieu/", ..., "en/so-lieu/"."""
    from sitegen.pages import urls

    settings = mkdocs_settings()
    i18n = next((p["i18n"] for p in settings["plugins"] if isinstance(p, dict) and "i18n" in p), {"languages": []})
    return urls([""] + [f"{lang['locale']}/" for lang in i18n["languages"] if not lang.get("default")])


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
