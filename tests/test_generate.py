"""The generator's output, on the synthetic fixture article: deterministic, all or nothing, verbatim where it
quotes, corrected where it should be."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from helpers.project import SYNTHETIC, snapshot
from sitegen.pipeline import generate, load_model


def test_generating_twice_gives_identical_output(tmp_path):
    generate(SYNTHETIC, tmp_path / "a")
    generate(SYNTHETIC, tmp_path / "b")
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_second_run_changes_nothing(tmp_path):
    generate(SYNTHETIC, tmp_path / "docs")
    assert generate(SYNTHETIC, tmp_path / "docs").changed == []


def test_stale_generated_pages_go_and_hand_written_files_stay(tmp_path):
    out = tmp_path / "docs"
    (out / "old").mkdir(parents=True)
    (out / "old" / "page.md").write_text("stale")
    (out / ".sitegen-manifest.json").write_text('["old/page.md"]')  # as an earlier build wrote it
    (out / ".gitignore").write_text("*\n")
    (out / "mine.md").write_text("# Mine\n")
    generate(SYNTHETIC, out)
    assert not (out / "old").exists()
    assert (out / ".gitignore").read_text() == "*\n"
    assert (out / "mine.md").read_text() == "# Mine\n"


def test_article_is_offered_byte_identical(tmp_path):
    generate(SYNTHETIC, tmp_path)
    assert (tmp_path / "du-lieu" / "bai-viet-goc.txt").read_bytes() == (SYNTHETIC / "article.txt").read_bytes()


def test_source_page_holds_every_paragraph_with_its_anchor(tmp_path):
    generate(SYNTHETIC, tmp_path)
    source = (tmp_path / "nguon.md").read_text(encoding="utf-8")
    for paragraph in load_model(SYNTHETIC).article.paragraphs:
        assert f"{{: #{paragraph.id} " in source
        assert paragraph.text in source


def test_widget_lines_are_left_out_of_the_source_page(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SYNTHETIC, data)
    article = data / "article.txt"
    widget = "Bấm để đánh giá bài viết"
    raw = article.read_bytes() + f"\n{widget}\n".encode()
    article.write_bytes(raw)
    meta = yaml.safe_load((data / "article.yml").read_text(encoding="utf-8"))
    meta["article"]["widget_lines"] = [widget]
    import hashlib

    meta["article"]["sha256"] = hashlib.sha256(raw).hexdigest()
    (data / "article.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    generate(data, tmp_path / "docs")
    source = (tmp_path / "docs" / "nguon.md").read_text(encoding="utf-8")
    intro, paragraphs = source.split('<div class="article-source" markdown>')
    assert widget in intro  # named as left out
    assert widget not in paragraphs


def test_errata_are_corrected_everywhere_but_the_source_page(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SYNTHETIC, data)
    (data / "errata.yml").write_text(
        "errata:\n  - {id: kiem-nhiem, paragraph: p7, wrong: kiêm nhiệm, right: KIÊM-NHIỆM}\n", encoding="utf-8"
    )
    generate(data, tmp_path / "docs")
    assert "kiêm nhiệm" in (tmp_path / "docs" / "nguon.md").read_text(encoding="utf-8")
    shortcomings = (tmp_path / "docs" / "han-che.md").read_text(encoding="utf-8")
    assert "“nhân sự còn KIÊM-NHIỆM" in shortcomings and "“nhân sự còn kiêm nhiệm" not in shortcomings


def test_the_article_is_read_once_so_what_is_checked_is_published(tmp_path, monkeypatch):
    reads = []
    read_bytes = Path.read_bytes

    def counted(self):
        reads.append(self.name)
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    generate(SYNTHETIC, tmp_path)
    assert reads.count("article.txt") == 1


def test_templates_are_compiled_once_in_memory_and_again_when_edited(tmp_path):
    """Compiled template code is kept as Python objects of the process, never serialised or read from a file."""
    from types import CodeType

    import jinja2

    from sitegen.templating import CompilingLoader

    template, compiled = tmp_path / "page.md.j2", {}
    template.write_text("one {{ x }}", encoding="utf-8")
    for x in (1, 2):  # a new environment each time, as each edition and build makes
        env = jinja2.Environment(loader=CompilingLoader([tmp_path], compiled))
        assert env.get_template("page.md.j2").render(x=x) == f"one {x}"
    assert len(compiled) == 1
    template.write_text("two {{ x }}", encoding="utf-8")
    env = jinja2.Environment(loader=CompilingLoader([tmp_path], compiled))
    assert env.get_template("page.md.j2").render(x=3) == "two 3"
    assert len(compiled) == 2 and all(isinstance(code, CodeType) for code in compiled.values())
