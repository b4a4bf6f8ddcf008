"""Bad data gets one clear error naming the file and the place, and leaves docs/ as it was."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from sitegen.errors import DataError
from sitegen.generate import generate


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


@pytest.fixture
def docs(tmp_path) -> Path:
    out = tmp_path / "docs"
    generate(ROOT / "data", out)
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


CASES = {
    "malformed-yaml": ("figures.yml", lambda p: edit(p, "    value: 102\n", "    value: [102\n"), "figures.yml, line", "not valid YAML"),
    "empty-file": ("errata.yml", lambda p: p.write_text(""), "errata.yml, line 1", "empty"),
    "not-utf8": ("places.yml", lambda p: p.write_bytes(p.read_text(encoding="utf-8").encode("cp1258", "replace")), "places.yml, line", "not UTF-8"),
    "wrong-type": ("figures.yml", lambda p: edit(p, "    value: 756\n", "    value: nhiều\n"), "figures.yml, line 23, figures[1].value", "whole number"),
    "unknown-key": ("lessons.yml", lambda p: edit(p, "    title: ", "    titel: "), "lessons.yml, line 7, lessons[0].titel", "did you mean 'title'"),
    "missing-field": ("campaigns.yml", lambda p: edit(p, "    name: Người Việt Nam ưu tiên dùng hàng Việt Nam\n", ""), "campaigns.yml, line 9, campaigns[1]", "'name' is missing"),
    "duplicate-id": ("places.yml", lambda p: edit(p, "id: kon-ray", "id: kon-tum"), "places.yml, line 34, places[3].id", "already used"),
    "quote-not-found": ("statements.yml", lambda p: edit(p, "hiệp thương cử ra Ủy ban", "hiệp thương bầu ra Ủy ban"), "statements.yml, line", "closest passage is in p3: “hiệp thương cử ra Ủy ban"),
    "date-does-not-exist": ("events.yml", lambda p: edit(p, "date: 25/5/2023", "date: 31/02/2024"), "events.yml", "31/02/2024"),
    "percent-mismatch": ("figures.yml", lambda p: edit(p, "    percent: 100\n", "    percent: 90\n"), "figures.yml, line 10, figures[0].percent", "90% does not match 102/102"),
    "unknown-reference": ("events.yml", lambda p: edit(p, "place: quyet-thang", "place: quyet-thag"), "events.yml, line 31, events[2].place", "did you mean 'quyet-thang'"),
    # events.yml is unchanged (read back from the parse cache), yet the error still has its line.
    "renamed-target": ("places.yml", lambda p: edit(p, "id: quyet-thang", "id: quyet-thang-moi"), "events.yml, line 31, events[2].place", "no places entry with the id 'quyet-thang'"),
    "duplicate-key": ("lessons.yml", lambda p: edit(p, "    title: ", "    title: x\n    title: "), "lessons.yml, line 8", "the key 'title' appears twice"),
    "collection-twice": ("more-lessons.yml", lambda p: p.write_text("# more\nlessons:\n  - id: x\n", encoding="utf-8"), "more-lessons.yml, line 2", "already given in lessons.yml"),
    "english-missing": ("events.yml", lambda p: edit(p, '    title_en: "The province\'s first commune-level pilot congress, at Quyết Thắng ward, Kon Tum city"\n', ""), "events.yml, line 26, events[2]", "the English beside 'title'"),
    "translation-missing": ("translation.yml", lambda p: edit(p, "  p20: >-\n    Text and photos: Nguyễn Đăng Bình\n", ""), "translation.yml", "paragraph p20 has no English translation"),
    "unknown-collection": ("extra.yml", lambda p: p.write_text("extras:\n  - id: x\n", encoding="utf-8"), "extra.yml, line 1", "unknown collection 'extras'"),
    "control-character": ("figures.yml", lambda p: edit(p, "    label: Xã, phường, thị trấn đã tổ chức xong đại hội MTTQ Việt Nam cấp xã\n", '    label: "Xã\\x01"\n'), "figures.yml, line 5, figures[0].label", "control character"),
    "article-changed": ("article.txt", lambda p: p.write_bytes(p.read_bytes().replace("102/102".encode(), "101/102".encode())), "article.yml", "has changed since the data was made"),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_data_gives_one_clear_error_and_leaves_docs(data, docs, case):
    file, damage, place, words = case
    damage(data / file)
    before = snapshot(docs)
    with pytest.raises(DataError) as caught:
        generate(data, docs)
    message = str(caught.value)
    assert place in message
    assert words in message
    assert "\n" not in message
    assert snapshot(docs) == before


def test_script_alone_prints_one_line_and_no_traceback(data, tmp_path):
    edit(data / "figures.yml", "    percent: 100\n", "    percent: 90\n")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "generate.py"), "--data", str(data), "--out", str(tmp_path / "out")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().startswith("error: figures.yml, line 10, figures[0].percent")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project to break."""
    from conftest import copy_project

    return copy_project(tmp_path / "project")


def test_mkdocs_build_stops_with_the_error_and_keeps_site(project):
    from conftest import run_mkdocs

    assert run_mkdocs("build", "--strict", cwd=project).returncode == 0
    site_before, docs_before = snapshot(project / "site"), snapshot(project / "docs")
    edit(project / "data" / "figures.yml", "    percent: 100\n", "    percent: 90\n")
    result = run_mkdocs("build", "--strict", cwd=project)
    assert result.returncode != 0
    assert "figures.yml, line 10, figures[0].percent: 90% does not match 102/102" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == site_before
    assert snapshot(project / "docs") == docs_before


def fetch(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 30) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_mkdocs_serve_shows_the_error_keeps_the_site_and_recovers(project):
    import os
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/so-lieu/"
    try:
        assert wait_for(lambda: "756/756" in fetch(url))
        figures = project / "data" / "figures.yml"
        good = figures.read_text(encoding="utf-8")
        edit(figures, "    percent: 100\n", "    percent: 90\n")
        assert wait_for(lambda: "Lỗi dữ liệu" in fetch(url))
        page = fetch(url)
        assert "90% does not match 102/102" in page
        assert "756/756" in page  # the last good content is still there
        figures.write_text(good, encoding="utf-8")
        assert wait_for(lambda: "Lỗi dữ liệu" not in fetch(url))
        assert "756/756" in fetch(url)
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert "figures.yml, line 10" in stderr
    assert "Traceback" not in stderr
