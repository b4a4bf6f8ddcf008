"""The build's memory between runs (the drawn cards) cannot be planted by another user: a folder others can
write, or a link, is ignored; nothing in it is run or parsed; and no check of the data is remembered."""

from __future__ import annotations

import pytest

from sitegen import cache


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "kontum-mttq-site"


def test_the_folder_is_made_private(home):
    assert cache.cache_dir() == home
    assert home.stat().st_mode & 0o777 == 0o700


def test_a_folder_others_can_write_is_not_trusted(home):
    home.mkdir(parents=True)
    home.chmod(0o777)
    assert cache.cache_dir() is None


def test_a_link_is_not_trusted(home, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    home.parent.mkdir(parents=True)
    home.symlink_to(elsewhere)
    assert cache.cache_dir() is None


def test_a_folder_below_one_others_can_write_is_not_trusted(home):
    """There another user could move the cache folder away and put their own cards in its place."""
    home.parent.mkdir(parents=True)
    home.parent.chmod(0o777)
    assert cache.cache_dir() is None
    assert cache.subfolder("cards") is None


def test_a_folder_below_a_sticky_one_is_trusted(home):
    """As below /tmp: in a sticky folder others cannot rename or remove what is not theirs."""
    home.parent.mkdir(parents=True)
    home.parent.chmod(0o1777)
    assert cache.cache_dir() == home


def test_a_subfolder_others_can_write_is_not_trusted(home):
    assert cache.subfolder("cards") == home / "cards"
    (home / "cards").chmod(0o777)
    assert cache.subfolder("cards") is None


def test_every_build_checks_the_data_whatever_an_earlier_build_remembers(home, tmp_path, monkeypatch):
    """No check is skipped as "passed before": a checker that now refuses the same data refuses it."""
    from helpers.project import SYNTHETIC
    from sitegen import pipeline
    from sitegen.errors import DataError

    pipeline.load_model(SYNTHETIC)

    def refuse(*args):
        raise DataError("figures.yml", "", "refused", "")

    monkeypatch.setattr(pipeline, "check_shape", refuse)
    with pytest.raises(DataError, match="refused"):
        pipeline.load_model(SYNTHETIC)
