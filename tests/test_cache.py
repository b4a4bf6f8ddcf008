"""The drawn social cards, the build's one memory between runs: kept in the plugin's cache_dir (.cache/sitegen
beside mkdocs.yml) by what they show and what draws them, so that a warm build draws nothing again and a changed
word is drawn anew; a folder that cannot be written costs only the drawing. No check of the data is remembered."""

from __future__ import annotations

import os
import shutil

import pytest

from helpers.project import SYNTHETIC, build_site, copy_project, edit
from sitegen import cards, pipeline
from sitegen.errors import DataError
from sitegen.pipeline import generate, make_files


@pytest.fixture
def drawn(monkeypatch) -> list[tuple[str, ...]]:
    """The words of each card drawn (not read from a cache), with the real card folder in place of the test
    session's (conftest.py's card_cache), and project copies keeping their cards in their own .cache/."""
    monkeypatch.setattr(pipeline, "card_folder", cards.card_folder)
    monkeypatch.setattr("helpers.project.CARD_CACHE", None)
    words: list[tuple[str, ...]] = []
    draw = cards.draw_card

    def counted(*args: str) -> bytes:
        words.append(args)
        return draw(*args)

    monkeypatch.setattr(cards, "draw_card", counted)
    return words


def test_a_build_keeps_its_cards_in_cache_dir_beside_mkdocs_yml(tmp_path, drawn):
    project = copy_project(tmp_path / "project", data=SYNTHETIC)
    build_site(project / "mkdocs.yml", project / "docs", project / "site")
    kept = {path.read_bytes() for path in (project / ".cache" / "sitegen" / "cards").iterdir()}
    shown = {path.read_bytes() for path in (project / "site").rglob("assets/cards/*.png")}
    assert kept and kept == shown


def test_a_warm_build_draws_no_card_again(tmp_path, drawn):
    first, _ = make_files(SYNTHETIC, cache_dir=tmp_path)
    drawn.clear()
    again, _ = make_files(SYNTHETIC, cache_dir=tmp_path)
    assert drawn == []
    assert again == first


def test_a_changed_word_is_drawn_again(tmp_path, drawn):
    """The site's Vietnamese name changes: its edition's cards are drawn anew, the English ones come from the cache."""
    data = tmp_path / "data"
    shutil.copytree(SYNTHETIC, data)
    make_files(data, cache_dir=tmp_path / "cache")
    drawn.clear()
    edit(data / "site.yml", "short_name: Tỉnh Mẫu (tổng hợp)", "short_name: Tỉnh Mẫu (đã sửa)")
    make_files(data, cache_dir=tmp_path / "cache")
    assert {site_name for site_name, *_ in drawn} == {"Tỉnh Mẫu (đã sửa)"}


@pytest.mark.parametrize("blocked", ["a file in its place", "read-only"])
def test_a_cache_folder_that_cannot_be_written_costs_only_the_drawing(tmp_path, drawn, blocked):
    """As in a read-only checkout: every card is drawn, and the pages are written all the same."""
    cache = tmp_path / "cache"
    if blocked == "a file in its place":
        cache.write_text("")
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes into a read-only folder all the same")
        (cache / "cards").mkdir(parents=True)
        (cache / "cards").chmod(0o555)
    result = generate(SYNTHETIC, tmp_path / "docs", cache_dir=cache)
    written = [path for path in result.files if path.startswith("assets/cards/")]
    assert written and len(drawn) == len(written)
    assert (tmp_path / "docs" / written[0]).is_file()
    assert cache.is_file() or not any((cache / "cards").iterdir())


def test_the_cache_keeps_the_newest_cards_only(tmp_path, monkeypatch):
    monkeypatch.setattr(cards, "KEEP_CARDS", 3)
    for number in range(5):
        cards.card(tmp_path, "Site", f"Page {number}", str(number), "things")
    assert len(list(tmp_path.glob("*.png"))) == 3


def test_every_build_checks_the_data_whatever_an_earlier_build_remembers(monkeypatch):
    """No check is skipped as "passed before": a checker that now refuses the same data refuses it."""
    pipeline.load_model(SYNTHETIC)

    def refuse(*args):
        raise DataError("figures.yml", "", "refused", "")

    monkeypatch.setattr(pipeline, "check_shape", refuse)
    with pytest.raises(DataError, match="refused"):
        pipeline.load_model(SYNTHETIC)
