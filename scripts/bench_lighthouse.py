#!/usr/bin/env python3
"""Lighthouse, page by page: this site against the same content in Material's default configuration.

    python scripts/bench_lighthouse.py [--quick] [--runs N] [--json] [--save]

Needs Node.js, `npm install --prefix tests --no-save lighthouse` (not installed by CI: it is large; or set
LIGHTHOUSE to its path) and Debian's nginx,
which serves each build gzip'd on a loopback port. Lighthouse runs Debian's Chromium (CHROME_PATH), mobile
profile, and reports the median of N runs (default 3; Material's defaults 1 run unless --default-runs; --quick:
1 run, three pages). Every page of both editions. With --save, keeps the table in bench/results/lighthouse.json
(a quick run: lighthouse-quick.json). Goals: 100 for accessibility, best practices and SEO, at
least 98 for performance, on every page.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]  # benchkit; helpers, shared with the tests
from benchkit import save_results  # noqa: E402
from helpers.project import editions_plugin, mkdocs_settings, nav_pages  # noqa: E402

LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE", ROOT / "tests" / "node_modules" / ".bin" / "lighthouse"))
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CHROME_PATH": "/usr/bin/chromium"}
NGINX_CONF = """user root;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  gzip on; gzip_comp_level 6; gzip_min_length 256;
  gzip_types text/css application/javascript application/json text/plain image/svg+xml application/xml;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  server {{ listen 127.0.0.1:{port}; root {site}; index index.html; }}
}}
"""


def build(site: Path, default: bool) -> None:
    config = ROOT / "mkdocs.yml"
    if default:
        # Material's defaults (theme, no overrides or extra CSS, default search), the same pages and editions.
        settings = mkdocs_settings()
        settings["theme"] = {"name": "material", "language": "vi"}
        settings.pop("extra_css", None)
        settings["plugins"] = [
            {"sitegen": {"overrides": False}},
            {"search": {"lang": "vi"}},
            editions_plugin(settings, theme_overrides=False),
        ]
        config = ROOT / "mkdocs.material-default.tmp.yml"
        config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    try:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], cwd=ROOT, env=ENV, check=True
        )
    finally:
        if default:
            config.unlink()


def serve(site: Path, tmp: Path) -> tuple[str, subprocess.Popen]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    conf = tmp / f"nginx-{port}.conf"
    conf.write_text(NGINX_CONF.format(tmp=tmp, port=port, site=site), encoding="utf-8")
    process = subprocess.Popen(["nginx", "-c", str(conf), "-g", "daemon off;"], stderr=subprocess.DEVNULL)
    for _ in range(50):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    return f"http://127.0.0.1:{port}/", process


def lighthouse(url: str) -> dict[str, int]:
    run = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    report = json.loads(run.stdout)
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run, three pages")
    parser.add_argument("--runs", type=int, default=3, help="runs per page for this site (median)")
    parser.add_argument("--default-runs", type=int, default=1, help="runs per page for Material's defaults")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--pages", nargs="+", metavar="PAGE", help="only these pages (as paths: '' for home, moc-thoi-gian/, en/...)"
    )
    parser.add_argument("--save", action="store_true", help="keep the results in bench/results/ (a quick run in its own file)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists() or not shutil.which("nginx"):
        print("needs: npm install --prefix tests lighthouse; apt-get install nginx", file=sys.stderr)
        return 2
    pages = args.pages if args.pages is not None else ["", "so-lieu/", "en/nguon/"] if args.quick else nav_pages()
    runs = {"this site": 1 if args.quick else args.runs, "Material default": 1 if args.quick else args.default_runs}
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name, default in (("this site", False), ("Material default", True)):
            site = tmp / name.replace(" ", "-")
            build(site, default)
            url, server = serve(site, tmp)
            try:
                for page in pages:
                    scores = [lighthouse(url + page) for _ in range(runs[name])]
                    results.setdefault(page or "/", {})[name] = {c: statistics.median(s[c] for s in scores) for c in CATEGORIES}
            finally:
                server.terminate()
                server.wait(timeout=10)
    ours = [row["this site"] for row in results.values()]
    goals = {
        "accessibility_bp_seo_100": all(r[c] == 100 for r in ours for c in CATEGORIES[1:]),
        "performance_at_least_98": all(r["performance"] >= 98 for r in ours),
    }
    report = {"runs": runs["this site"], "default_runs": runs["Material default"], "pages": results, "goals": goals}
    if args.save:
        print(f"saved to {save_results('lighthouse', report, args.quick)}", file=sys.stderr)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print("| page | this site: perf / a11y / best practices / SEO | Material default |\n|---|---|---|")
    for page, row in results.items():
        cells = [" / ".join(str(row[n][c]) for c in CATEGORIES) for n in ("this site", "Material default")]
        print(f"| {page} | {cells[0]} | {cells[1]} |")
    print(f"\nmedian of {runs['this site']} run(s) (Material default: {runs['Material default']}); goals: {goals}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
