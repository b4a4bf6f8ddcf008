"""The mkdocs commands as a maintainer runs them: `build` refuses bad data in one line and keeps the last site;
`serve` keeps answering with the last good pages and an error box in the page's language, recovers when the
data is fixed, survives a bug in the generator, and leaves no temporary folder behind."""

from __future__ import annotations

import html
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from helpers.project import SYNTHETIC, build_site, copy_project, edit, run_mkdocs, snapshot

pytestmark = pytest.mark.slow
# A request to `mkdocs serve` that takes this long is hung, not slow: a bound that only catches a hang, never a
# timing assert (a shared or busy machine may take seconds to answer).
HANG = 30
BROKEN = ("    percent: 100\n", "    percent: 90\n")  # in the synthetic figures.yml: 90% of 10/10
# `python -m mkdocs`, with the generator's page rendering made to fail while a marker file exists.
INJECT = """import os, sys, sitegen.pipeline as g
real = g.render_pages
def render_pages(model):
    if os.path.exists(os.environ["SITEGEN_TEST_FAIL"]):
        raise RuntimeError("injected failure")
    return real(model)
g.render_pages = render_pages
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", *sys.argv[1:]]
cli()
"""


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project", data=SYNTHETIC)


def test_build_stops_with_one_line_and_keeps_site_and_docs(project):
    build_site(project / "mkdocs.yml", project / "docs", project / "site")  # the last good build (in-process: quicker)
    site_before, docs_before = snapshot(project / "site"), snapshot(project / "docs")
    line = edit(project / "data" / "figures.yml", *BROKEN)
    result = run_mkdocs("build", "--strict", cwd=project)
    assert result.returncode != 0
    errors = [text for text in result.stderr.splitlines() if "figures.yml" in text]
    assert len(errors) == 1 and f"figures.yml, line {line}, figures[0].percent: 90% does not match 10/10" in errors[0]
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == site_before
    assert snapshot(project / "docs") == docs_before


def listening_port(pid: int) -> int | None:
    """The TCP port a process listens on, read from /proc: the OS chose it (port 0), nobody probed for it."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                return int(fields[1].rsplit(":", 1)[1], 16)
    return None


class Server:
    """`mkdocs serve` on a port the OS picks; each wait is for something the server says or does."""

    def __init__(self, project: Path, tmp: Path, inject: Path | None = None) -> None:
        tmp.mkdir(exist_ok=True)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp)}
        command = [sys.executable, "-m", "mkdocs"]
        if inject is not None:
            env["SITEGEN_TEST_FAIL"] = str(inject)
            command = [sys.executable, "-c", INJECT]
        self.process = subprocess.Popen(
            [*command, "serve", "--dev-addr", "127.0.0.1:0"],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for_line("Serving on")
        port = listening_port(self.process.pid)
        assert port, "the server listens on no port"
        mount = urlsplit(os.environ.get("SITE_URL") or "http://127.0.0.1:8000/").path
        self.root = f"http://127.0.0.1:{port}/"  # MkDocs' live-reload answers here, whatever the site's path
        self.url = f"http://127.0.0.1:{port}{mount}"

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.put(line)
        self.lines.put("")  # the server ended

    def wait_for_line(self, words: str) -> str:
        while True:
            line = self.lines.get(timeout=120)
            self.log.append(line)
            assert line, "the server stopped: " + "".join(self.log[-5:])
            if words in line:
                return line

    def get(self, path: str, timeout: float = HANG) -> str:
        with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
            return response.read().decode("utf-8")

    def rebuilt(self, page: str) -> None:
        """Block until the next rebuild is served: MkDocs' own live-reload request answers when it is."""
        epoch = re.search(r"livereload\((\d+)", page).group(1)
        with urllib.request.urlopen(f"{self.root}livereload/{epoch}/1", timeout=120) as response:
            response.read()

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary site folder
        self.process.wait(timeout=60)


def test_serve_shows_the_error_in_the_page_language_keeps_the_pages_and_recovers(project, tmp_path):
    server = Server(project, tmp_path / "tmp")
    try:
        page = server.get("so-lieu/")
        assert "10/10" in page
        figures = project / "data" / "figures.yml"
        good = figures.read_text(encoding="utf-8")
        edit(figures, *BROKEN)
        server.rebuilt(page)
        page = server.get("so-lieu/")
        assert "Lỗi dữ liệu" in page and "90% does not match 10/10" in page
        assert "10/10" in page  # the last good content is still there
        english = server.get("en/so-lieu/")
        assert "Data error" in english and "Lỗi dữ liệu" not in english
        figures.write_text(good, encoding="utf-8")
        server.rebuilt(page)
        assert "Lỗi dữ liệu" not in server.get("so-lieu/")
    finally:
        server.stop()
    assert not list((tmp_path / "tmp").glob("mkdocs_*")), "serve left its temporary folder"
    assert "Traceback" not in "".join(server.log)
    assert "Overriding" not in "".join(server.log)  # i18n's echo of our own settings does not bury the error


def test_serve_started_on_bad_data_names_the_last_good_pages_from_the_data(project, tmp_path):
    build_site(project / "mkdocs.yml", project / "docs", project / "site")  # the last good pages, in docs/
    edit(project / "data" / "figures.yml", "    value: 10\n", "    value: [10\n")  # not YAML: no dataset
    site = yaml.safe_load((project / "data" / "site.yml").read_text(encoding="utf-8"))["site"]
    server = Server(project, tmp_path / "tmp")
    try:
        for edition, suffix in (("", ""), ("en/", "_en")):
            page = server.get(edition + "so-lieu/")
            assert "10/10" in page and ("Lỗi dữ liệu" in page if not edition else "Data error" in page)
            assert html.escape(site["short_name" + suffix], quote=False) in page.split("</header>")[0], edition
            assert html.escape(site["copyright" + suffix], quote=False) in page.split("<footer")[-1], edition
    finally:
        server.stop()


def test_serve_survives_a_bug_in_the_generator(project, tmp_path):
    marker = tmp_path / "fail-now"
    server = Server(project, tmp_path / "tmp", inject=marker)
    try:
        page = server.get("so-lieu/")
        marker.touch()
        (project / "data" / "figures.yml").write_text(
            (project / "data" / "figures.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
        )
        server.rebuilt(page)
        page = server.get("so-lieu/")  # answers: no request hangs on the failed build
        assert "RuntimeError: injected failure" in page and "10/10" in page
    finally:
        server.stop()
    assert not list((tmp_path / "tmp").glob("mkdocs_*"))


# One bad save of each stage that can refuse it: the file, the truth against the article, the article itself, the
# data folder; the YAML and the schema below, in saves that show more (the names' file, markup in a message).
# Every kind of bad input is a build test (tests/test_errors.py); serve shares its code.
REPRESENTATIVE = ["not-utf8", "quote-not-in-article", "article-changed", "folder-named-yml"]


def test_serve_survives_bad_saves_and_keeps_answering(project, tmp_path):
    """A few bad saves (tests/helpers/bad_data.py), one after another in one serving session: each shows its
    error box over the last good page, no request hangs, and the next good save recovers the site."""
    import shutil

    from helpers.bad_data import CASES

    data = project / "data"
    pristine = tmp_path / "pristine"
    shutil.copytree(data, pristine)

    def put_back() -> None:
        for extra in data.iterdir():
            if extra.is_dir() and not extra.is_symlink():
                shutil.rmtree(extra)
            else:
                extra.unlink()
        for path in pristine.iterdir():
            shutil.copy2(path, data / path.name)

    def break_names(d: Path) -> None:  # bad YAML in the names' own file: the pages keep the names last read
        edit(d / "site.yml", "  short_name: ", "  short_name: [")

    def markup_in_message(d: Path) -> None:  # not a number; the error quotes the bad value: shown as text, not markup
        edit(d / "figures.yml", "    value: 10\n", "    value: <b>mười</b>\n")

    site = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))["site"]
    saves = {name: CASES[name][0] for name in REPRESENTATIVE} | {"site.yml": break_names, "markup": markup_in_message}
    server = Server(project, tmp_path / "tmp")
    try:
        page = server.get("so-lieu/")
        for name, damage in saves.items():
            put_back()
            damage(data)
            (data / "site.yml").touch()  # every case wakes the watcher, even one that only adds a folder
            server.rebuilt(page)
            page = server.get("so-lieu/")
            assert "Lỗi dữ liệu" in page and "10/10" in page, name
            header = page.split("</header>")[0]
            assert html.escape(site["short_name"], quote=False) in header, name  # not MkDocs' placeholder
            assert html.escape(site["copyright"], quote=False) in page.split("<footer")[-1], name
            assert "<b>" not in page, name
        put_back()
        (data / "site.yml").touch()
        server.rebuilt(page)
        assert "Lỗi dữ liệu" not in server.get("so-lieu/")
    finally:
        server.stop()
    assert "Traceback" not in "".join(server.log)


def test_serve_answers_as_the_published_site_would(project, tmp_path):
    """A missing address under an edition gets that edition's 404 page; the downloads open as text, readable."""
    server = Server(project, tmp_path / "tmp")
    try:
        with pytest.raises(urllib.error.HTTPError) as missing:
            server.get("en/no-such-page/")
        assert re.search(r"<html[^>]* lang=\"?en\b", missing.value.read().decode("utf-8"))
        with pytest.raises(urllib.error.HTTPError) as missing:
            server.get("no-such-page/")
        assert re.search(r"<html[^>]* lang=\"?vi\b", missing.value.read().decode("utf-8"))
        for download in ("du-lieu/bai-viet-goc.txt", "du-lieu/figures.yml"):
            with urllib.request.urlopen(server.url + download, timeout=HANG) as response:
                assert response.headers["Content-Type"] == "text/plain; charset=utf-8", download
    finally:
        server.stop()
