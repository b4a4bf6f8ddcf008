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
