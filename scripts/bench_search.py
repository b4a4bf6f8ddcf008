#!/usr/bin/env python3
"""Search benchmark: this site's search against Material's default search, on the same pages.

    python scripts/bench_search.py [--json]

Builds the site twice — as it is, and with Material's own lunr.vi and search settings — then, in headless
Chromium, runs the reader queries of tests/search_queries.yml against both, and measures the time from the
last keystroke to the results shown. Prints a Markdown table (or one JSON object). Goals: the search payload
grows by at most 2×, results show within 50 ms of the last keystroke.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

from benchkit import CHROMIUM, CHROMIUM_ARGS, editions_plugin, machine, mkdocs_settings, serve_folder  # noqa: E402
EXTRA_FILES = ["assets/javascripts/search-fold.js"]


def build(site: Path, config: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                   cwd=ROOT, env=env, check=True)


def build_default(site: Path, work: Path) -> None:
    """The same pages with Material's default search: its lunr.vi, separator and pipeline."""
    config = ROOT / "mkdocs.default-search.tmp.yml"
    plugins = ["sitegen", {"search": {"lang": "vi"}}, editions_plugin(mkdocs_settings())]  # same pages, same editions
    config.write_text("INHERIT: mkdocs.yml\n" + yaml.safe_dump({"plugins": plugins}, allow_unicode=True), encoding="utf-8")
    try:
        build(site, config)
    finally:
        config.unlink()
    import material

    original = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.vi.min.js"
    shutil.copy(original, site / "assets/javascripts/lunr/min/lunr.vi.min.js")
    for extra in EXTRA_FILES:
        (site / extra).unlink(missing_ok=True)


def payload(site: Path) -> dict[str, int]:
    files = [site / "search/search_index.json", site / "assets/javascripts/lunr/min/lunr.vi.min.js"]
    files += [site / extra for extra in EXTRA_FILES if (site / extra).exists()]
    raw = sum(path.stat().st_size for path in files)
    zipped = sum(len(gzip.compress(path.read_bytes(), 9)) for path in files)
    return {"raw": raw, "gzip": zipped}


LATENCY_JS = """() => {
  const list = document.querySelector('.md-search-result__list')
  window.__shown = new Promise(resolve => {
    const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now()) })
    observer.observe(list, { childList: true, subtree: true })
  })
  document.addEventListener('keydown', () => { window.__typed = performance.now() }, { capture: true, once: true })
}"""


def run_queries(browser, url: str, queries: list[dict]) -> tuple[int, list[float]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + "/")
    box = page.locator("input[data-md-component=search-query]")
    passed, latencies = 0, []
    for row in queries:
        query = row["query"]
        box.click()
        box.fill(query[:-1])
        page.wait_for_timeout(150)
        page.evaluate(LATENCY_JS)
        box.press_sequentially(query[-1])
        latencies.append(page.evaluate("async () => (await Promise.race([window.__shown, new Promise(r => setTimeout(() => r(NaN), 2000))])) - window.__typed"))
        page.wait_for_timeout(250)
        hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all("els => els.map(e => e.href)")
        pages: list[str] = []
        for href in hrefs:
            path = href.removeprefix(url + "/").split("?")[0].split("#")[0]
            if path not in pages:
                pages.append(path)
        ok = pages[:1] == [row["page"]] if row.get("first") else row["page"] in pages[:3]
        passed += ok
    page.close()
    return passed, [value for value in latencies if value == value]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a Markdown table")
    args = parser.parse_args()
    queries = yaml.safe_load((ROOT / "tests/search_queries.yml").read_text(encoding="utf-8"))["queries"]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        ours, default = Path(tmp) / "ours", Path(tmp) / "default"
        build(ours, ROOT / "mkdocs.yml")
        build_default(default, Path(tmp))
        results = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, site in (("this site", ours), ("Material default", default)):
                url, httpd = serve_folder(site)
                passed, latencies = run_queries(browser, url, queries)
                httpd.shutdown()
                results[name] = {"queries_passed": passed, "queries": len(queries), "payload": payload(site),
                                 "latency_ms_median": round(statistics.median(latencies), 1),
                                 "latency_ms_max": round(max(latencies), 1)}
            browser.close()
    growth = results["this site"]["payload"]["gzip"] / results["Material default"]["payload"]["gzip"]
    report = {"machine": machine(), "results": results, "payload_growth_gzip": round(growth, 2),
              "goals": {"payload_growth_at_most_2x": growth <= 2,
                        "results_within_50ms": results["this site"]["latency_ms_median"] <= 50}}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print("| | this site | Material default |\n|---|---|---|")
    a, b = results["this site"], results["Material default"]
    print(f"| reader queries answered | {a['queries_passed']}/{a['queries']} | {b['queries_passed']}/{b['queries']} |")
    print(f"| search payload, raw | {a['payload']['raw']:,} B | {b['payload']['raw']:,} B |")
    print(f"| search payload, gzip | {a['payload']['gzip']:,} B | {b['payload']['gzip']:,} B |")
    print(f"| keystroke → results, median | {a['latency_ms_median']} ms | {b['latency_ms_median']} ms |")
    print(f"| keystroke → results, slowest | {a['latency_ms_max']} ms | {b['latency_ms_max']} ms |")
    print(f"\nPayload growth (gzip): {growth:.2f}× (goal ≤ 2×). Machine: " + ", ".join(f"{k} {v}" for k, v in report["machine"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
