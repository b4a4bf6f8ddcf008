"""The build's memory between runs cannot be planted by another user: a folder others can write, or a link, is
ignored; nothing in it is run or parsed; it stays bounded."""

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
    (home / "schema-ok-abc").touch()
    assert cache.cache_dir() is None
    assert not cache.known("schema-ok", "abc")


def test_a_link_is_not_trusted(home, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    home.parent.mkdir(parents=True)
    home.symlink_to(elsewhere)
    assert cache.cache_dir() is None


def test_a_folder_below_one_others_can_write_is_not_trusted(home):
    """There another user could move the cache folder away and put their own, compiled templates and all, in its
    place between the check and the use."""
    home.parent.mkdir(parents=True)
    home.parent.chmod(0o777)
    assert cache.cache_dir() is None
    assert cache.subfolder("templates") is None


def test_a_folder_below_a_sticky_one_is_trusted(home):
    """As below /tmp: in a sticky folder others cannot rename or remove what is not theirs."""
    home.parent.mkdir(parents=True)
    home.parent.chmod(0o1777)
    assert cache.cache_dir() == home


def test_it_keeps_a_bounded_number_of_entries(home):
    for number in range(cache.KEEP + 10):
        cache.remember("schema-ok", f"{number:064x}")
    assert len(list(home.iterdir())) == cache.KEEP
    assert cache.known("schema-ok", f"{cache.KEEP + 9:064x}")


def test_compiled_templates_are_kept_only_in_the_checked_folder(home):
    from sitegen.render import _template_cache

    cache = _template_cache.__wrapped__()
    assert cache is not None and cache.directory == str(home / "templates")
    (home / "templates").chmod(0o700)
    home.chmod(0o777)  # now others could write: no compiled template is loaded from it
    assert _template_cache.__wrapped__() is None


@pytest.mark.parametrize("name", ["templates", "cards"])
def test_a_subfolder_others_can_write_is_not_trusted(home, name):
    """Jinja loads compiled templates from templates/: it passes the same checks as the cache folder itself."""
    assert cache.subfolder(name) == home / name
    (home / name).chmod(0o777)
    assert cache.subfolder(name) is None


def test_a_build_of_unchanged_data_does_not_load_jsonschema(home):
    """Both checks that need jsonschema (the schema, and values written as the article writes them) are skipped
    for data that passed them before: its import is a third of a small build's own time."""
    import os
    import subprocess
    import sys

    from helpers.project import ROOT

    code = "import sys, pathlib; from sitegen.pipeline import load_model; load_model(pathlib.Path(sys.argv[1])); print('jsonschema' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    runs = [
        subprocess.run([sys.executable, "-c", code, str(ROOT / "data")], env=env, capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert [run.stdout.strip() for run in runs] == ["True", "False"]
