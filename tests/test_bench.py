"""The benchmark scripts load and read their arguments; the benchmarks themselves run outside the suite
(docs-dev/benchmarks.md), so no timing is asserted here and no result is written. Each script is loaded and its
main() called in this process: argparse answers --help and an unknown option before anything is measured."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from helpers.project import ROOT

SCRIPTS = ["bench.py", "bench_search.py", "bench_lighthouse.py"]


@pytest.fixture
def load(monkeypatch):
    """A script of scripts/ as a module (its imports run, its main() does not); the folders it puts on
    sys.path are taken off again afterwards."""
    monkeypatch.setattr(sys, "path", [*sys.path])

    def loaded(name: str):
        spec = importlib.util.spec_from_file_location(f"script_{name.removesuffix('.py')}", ROOT / "scripts" / name)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return loaded


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_explains_itself(load, capsys, script):
    with pytest.raises(SystemExit) as exit:
        load(script).main(["--help"])
    assert exit.value.code == 0
    assert "--json" in capsys.readouterr().out


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_refuses_an_unknown_option_in_one_line(load, capsys, script):
    with pytest.raises(SystemExit) as exit:  # argparse's exit, not an exception with a traceback
        load(script).main(["--no-such-option"])
    assert exit.value.code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1].endswith("unrecognized arguments: --no-such-option")


def test_n_times_data_repeats_every_list_under_new_ids_each_copy_whole(tmp_path):
    """The benchmarks' N× data (synthetic_data): every list of entries with ids N times, each copy's references
    to its own entries, the errata as they are; and it is still valid data (the model is built from it)."""
    from helpers.project import SYNTHETIC, synthetic_data
    from sitegen.pipeline import load_model

    once, thrice = load_model(SYNTHETIC), load_model(synthetic_data(3, tmp_path / "data", source=SYNTHETIC))
    grown = [name for name, value in once.data.items() if isinstance(value, list) and value and "id" in value[0]]
    assert "places" in grown and "glossary" in grown
    assert all(len(thrice.data[name]) == (1 if name == "errata" else 3) * len(once.data[name]) for name in grown)
    assert thrice.by_id("places", "thu-nghiem-2")["parent"] == "mau-son-2"
