"""The generator's output: deterministic, verbatim where it quotes, corrected where it should be."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

from conftest import ROOT
from sitegen.generate import generate


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generating_twice_gives_identical_output(tmp_path):
    generate(ROOT / "data", tmp_path / "a")
    generate(ROOT / "data", tmp_path / "b")
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_second_run_changes_nothing(tmp_path):
    generate(ROOT / "data", tmp_path / "docs")
    assert generate(ROOT / "data", tmp_path / "docs").changed == []


def test_stale_pages_are_removed(tmp_path):
    out = tmp_path / "docs"
    (out / "old").mkdir(parents=True)
    (out / "old" / "page.md").write_text("gone")
    generate(ROOT / "data", out)
    assert not (out / "old").exists()


def test_nfd_data_gives_identical_pages(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    for path in data.glob("*.yml"):
        path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    generate(ROOT / "data", tmp_path / "nfc")
    generate(data, tmp_path / "nfd")
    assert tree(tmp_path / "nfc") == tree(tmp_path / "nfd")


def test_article_is_offered_byte_identical(tmp_path):
    generate(ROOT / "data", tmp_path)
    assert (tmp_path / "du-lieu" / "bai-viet-goc.txt").read_bytes() == (ROOT / "data" / "article.txt").read_bytes()


def test_source_page_holds_every_paragraph_with_its_anchor(model, tmp_path):
    generate(ROOT / "data", tmp_path)
    source = (tmp_path / "nguon.md").read_text(encoding="utf-8")
    for paragraph in model.article.paragraphs:
        assert f"{{: #{paragraph.id} " in source


def test_widget_text_is_left_out_of_the_source_page(tmp_path):
    generate(ROOT / "data", tmp_path)
    source = (tmp_path / "nguon.md").read_text(encoding="utf-8")
    for widget in ("Tăng tương phản", "Click để đánh giá", "Tổng số điểm", "Video Clip"):
        assert widget not in source
