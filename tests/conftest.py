"""Shared fixtures: the project's data, one built site per test run, a loopback server and headless Chromium.

The site is built once per run (by the first pytest-xdist worker to need it), in-process and into a temporary folder: the
repository's own docs/, site/ and .cache/ are never written. Whatever SITE_URL says, tests read the address
from the built configuration.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from helpers import project  # noqa: E402
from helpers.browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, Tab, serve_folder  # noqa: E402
from helpers.project import build_site  # noqa: E402
from sitegen import cards, pipeline  # noqa: E402
from sitegen.pipeline import load_model  # noqa: E402

# A suite started in the background (`nohup … &`) inherits SIGINT ignored, and so would every `mkdocs serve`
# it starts, while the tests stop serve as Ctrl+C does. Python's own handler is set back; children then start
# with the default.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

REQUIRED = bool(os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"))
_missing: list[str] = []


def _browser_missing() -> str | None:
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -c constraints.txt -e '.[test]')"
    return None


@pytest.hookimpl(tryfirst=True)  # before -m deselects: a test that uses Chromium counts as marked browser
def pytest_collection_modifyitems(config, items):
    """Browser tests skip, said once and plainly, where Chromium is missing; in CI they fail instead.
    A test that uses Chromium (the browser fixture, or page, phone or another fixture built on it) is a browser
    test even if its marker was forgotten: without it, it would error here instead of skipping."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.browser)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items[:] = slow_files_first(items)
    reason = _browser_missing()
    if reason is None:
        return
    browser_tests = [item for item in items if item.get_closest_marker("browser")]
    if not browser_tests:
        return
    if REQUIRED:
        return  # CI: they run, and fail on the missing browser
    for item in browser_tests:
        item.add_marker(pytest.mark.skip(reason=reason))
    _missing.append(f"{len(browser_tests)} browser tests skipped: {reason}. `bash .ci/run` installs it and runs them.")


def slow_files_first(items: list[pytest.Item]) -> list[pytest.Item]:
    """The order pytest-xdist hands out files in (`--dist loadfile --no-loadscope-reorder`, pyproject.toml: a
    file's tests on one worker, so its module fixtures are made once): files with a slow test first, then files
    that drive Chromium, then the rest, each group in file order. The many quick files at the end let the two
    workers finish together. Every worker sorts alike, as xdist requires."""
    rank: dict[str, int] = {}
    for item in items:
        file = item.nodeid.split("::")[0]
        kind = 0 if item.get_closest_marker("slow") else 1 if item.get_closest_marker("browser") else 2
        rank[file] = min(rank.get(file, kind), kind)
    return sorted(items, key=lambda item: rank[item.nodeid.split("::")[0]])


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    for line in _missing:
        terminalreporter.write_line(line, yellow=True)


@pytest.fixture(scope="session", autouse=True)
def card_cache(tmp_path_factory) -> Iterator[Path]:
    """The drawn cards of every build of the test run go to one folder of its own (shared by the pytest-xdist
    workers), whatever cache_dir they are given: in-process builds and generate() through the patched card
    folder, builds in a subprocess through the cache_dir option copy_project writes into their mkdocs.yml. No test
    reads or writes the user's or the repository's .cache/, and a card drawn by one test is not drawn again by
    the next: cards are kept by what they show and what draws them. tests/test_cache.py puts the real one back."""
    folder = run_folder(tmp_path_factory) / "card-cache"
    folder.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "card_folder", lambda cache_dir: cards.card_folder(folder))
        patch.setattr(project, "CARD_CACHE", folder)
        yield folder


@pytest.fixture(scope="session", autouse=True)
def templates_compiled_once() -> Iterator[None]:
    """Each of the theme's Jinja templates is compiled once per test process, not again in every in-process build:
    compiling is a good part of a build. MkDocs' environments (Theme.get_env) load through sitegen's
    CompilingLoader with one shared store of compiled code, in memory, as sitegen's own environments do
    (templating.COMPILED): every environment is made alike, so code compiled in one runs the same in the next.
    The pages are the same bytes; builds in a subprocess compile as they always do."""
    from mkdocs.theme import Theme

    from sitegen.templating import CompilingLoader

    compiled: dict = {}
    make = Theme.get_env

    def environment(*args: Any) -> jinja2.Environment:
        env = make(*args)
        env.loader = CompilingLoader(env.loader.searchpath, compiled)
        return env

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Theme, "get_env", environment)
        yield


@pytest.fixture(scope="session")
def model():
    """The real data, checked against the real article: for the tests about the article's facts."""
    return load_model(ROOT / "data")


@dataclass(frozen=True)
class Built:
    site: Path
    site_url: str  # as the built configuration has it


def run_folder(tmp_path_factory) -> Path:
    """The test run's own temporary folder, shared by its pytest-xdist workers (each has one of its own below)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def shared(run: Path, name: str) -> Iterator[Path]:
    """A folder of the run's that one worker at a time may use (fcntl's lock; where there is none, as on
    Windows, each worker has a folder of its own)."""
    try:
        import fcntl
    except ImportError:
        yield run / f"{name}-{os.environ.get('PYTEST_XDIST_WORKER', '')}"
        return
    with (run / f"{name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield run / name
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    """The site as `mkdocs build --strict` makes it from this repository (strict: any warning fails), built once
    per test run: the first worker to ask builds it, the other reads it (tests only read it)."""
    with shared(run_folder(tmp_path_factory), "built") as folder:
        if (folder / "failed").exists():  # the other worker's build failed: its error is in its report
            pytest.fail("the site did not build (see the first test that needed it)")
        if not (folder / "site-url").exists():  # written last, whole: a build cut short is made again
            shutil.rmtree(folder, ignore_errors=True)
            try:
                config = build_site(ROOT / "mkdocs.yml", folder / "docs", folder / "site")
            except BaseException:
                (folder / "failed").touch()
                raise
            (folder / "site-url.part").write_text(config.site_url, encoding="utf-8")
            os.replace(folder / "site-url.part", folder / "site-url")
    return Built(site=folder / "site", site_url=(folder / "site-url").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built.site


@pytest.fixture(scope="session")
def pages(built) -> list[str]:
    """Every page of both editions as its path ("", "so-lieu/", "en/so-lieu/", ...), from the built site."""
    found = sorted(
        p.parent.relative_to(built.site).as_posix() + "/"
        for p in built.site.rglob("index.html")
        if "assets" not in p.parts and p.parent.name != "search"
    )
    return [path.removeprefix("./") for path in found]


@pytest.fixture(scope="session")
def server(built):
    """The built site on a loopback port the OS picks, at its own path (SITE_URL's, "/" by default)."""
    from urllib.parse import urlsplit

    url, httpd = serve_folder(built.site, urlsplit(built.site_url).path or "/")
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright (collection already skipped or failed the test if it is missing)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def desktop_tab(browser) -> Iterator[Tab]:
    """The worker's desktop tab (1280 × 900); a test gets it as new through `page` (a module fixture: `.fresh()`)."""
    tab = Tab(browser, DESKTOP)
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def phone_tab(browser) -> Iterator[Tab]:
    """The worker's phone tab: 360 × 780, a touch screen; a test gets it as new through `phone`."""
    tab = Tab(browser, PHONE, is_mobile=True, has_touch=True)
    yield tab
    tab.close()


@pytest.fixture
def page(desktop_tab):
    return desktop_tab.fresh()


@pytest.fixture
def phone(phone_tab):
    return phone_tab.fresh()
