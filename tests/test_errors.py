"""Bad data gets one clear line — the file, the line or entry, what is wrong, what is expected — and nothing is
lost. Every case breaks a copy of the synthetic fixture dataset (tests/synthetic/data) and finds the line of the
broken entry in that copy, never as a literal number. Editor leftovers and other accepted forms build the same
pages as the clean data."""

from __future__ import annotations

import copy
import dataclasses
import functools
import os
import shutil
from pathlib import Path

import pytest

from helpers.bad_data import (
    ACCEPTED,
    CASES,
    backups,
    emacs_lock,
)
from helpers.project import ROOT, SYNTHETIC, snapshot
from sitegen import pipeline
from sitegen.pipeline import generate, main

GENERATE = ROOT / "scripts" / "generate.py"


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(SYNTHETIC, folder)
    return folder


@pytest.fixture(scope="module")
def clean_pages(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("clean") / "docs"
    generate(SYNTHETIC, out)
    return snapshot(out)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_data_gives_one_line_and_leaves_docs(data, tmp_path, clean_pages, capsys, case):
    damage, words = case
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("the last good page", encoding="utf-8")
    before = snapshot(docs)
    place = damage(data)
    status = main(["--data", str(data), "--out", str(docs)])
    err = capsys.readouterr().err.strip()
    assert status == 1
    assert err.startswith(f"error: {place}"), err
    assert words in err, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert snapshot(docs) == before


@pytest.mark.parametrize("damage", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_accepted_forms_build_the_same_pages(data, tmp_path, clean_pages, damage):
    damage(data)
    generate(data, tmp_path / "docs")
    assert snapshot(tmp_path / "docs") == clean_pages


def test_editor_leftovers_are_named_in_one_line(data, tmp_path, capsys):
    backups(data)
    emacs_lock(data)
    assert main(["--data", str(data), "--out", str(tmp_path / "docs")]) == 0
    out = capsys.readouterr().out
    ignored = [line for line in out.splitlines() if line.startswith("ignored")]
    assert len(ignored) == 1
    for name in (".#figures.yml", "figures.yml~", ".figures.yml.swp", "#figures.yml#"):
        assert name in ignored[0]


def test_of_two_bad_files_the_first_in_the_folder_is_named(data, tmp_path, capsys):
    # The largest file is read first (memory), but the files are checked in the folder's order.
    (data / "events.yml").write_text("events: [\n", encoding="utf-8")
    site = data / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "\n  broken: [\n", encoding="utf-8")
    assert site.stat().st_size > (data / "events.yml").stat().st_size
    assert main(["--data", str(data), "--out", str(tmp_path / "docs")]) == 1
    assert capsys.readouterr().err.startswith("error: events.yml,")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file: permissions cannot be tested as root")
def test_unreadable_file_is_one_line(data, tmp_path, capsys):
    (data / "figures.yml").chmod(0)
    assert main(["--data", str(data), "--out", str(tmp_path / "docs")]) == 1
    assert capsys.readouterr().err.strip().startswith("error: figures.yml: cannot be read (permission denied)")


def test_a_bug_in_the_generator_is_one_line_with_a_pointer_to_the_traceback(data, tmp_path, capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("injected")

    monkeypatch.setattr(pipeline, "render_pages", broken)
    assert main(["--data", str(data), "--out", str(tmp_path / "docs")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "RuntimeError: injected" in err and "--verbose" in err
    assert main(["--data", str(data), "--out", str(tmp_path / "docs"), "--verbose"]) == 1
    assert "Traceback" in capsys.readouterr().err


# How long the resource bombs take and how much memory they use: scripts/bench.py --hostile.


SCHEMA_EDITS = {
    # A maintainer who misspells a field listed in x-verbatim would switch its check off.
    "misspelt-field": (
        '"x-verbatim": ["date", "date_words"]',
        '"x-verbatim": ["datee", "date_words"]',
        "properties.events.items.x-verbatim: 'datee' is not a field of events entries",
    ),
    # x-verbatim is read on the entries of a list collection only: put elsewhere, it would check nothing.
    "misplaced": (
        '"title": {',
        '"title": {"x-verbatim": ["title"], ',
        "properties.context_documents.items.properties.title: x-verbatim is read only on the entries of a list collection",
    ),
}


@pytest.mark.parametrize("edit", SCHEMA_EDITS.values(), ids=SCHEMA_EDITS.keys())
def test_an_x_verbatim_that_would_check_nothing_is_named_not_ignored(tmp_path, edit):
    from sitegen.errors import DataError
    from sitegen.validate import SCHEMA_FILE

    old, new, words = edit
    schema = tmp_path / "schema.json"
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    schema.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert schema.read_text(encoding="utf-8") != text
    with pytest.raises(DataError) as error:
        pipeline.load_model(SYNTHETIC, schema_file=schema)
    assert str(error.value).startswith(f"schema.json, {words}"), str(error.value)


def test_a_search_source_edited_without_minifying_stops_the_build_in_one_line(data, tmp_path, capsys, monkeypatch):
    """A developer who edits the search worker's source and forgets scripts/minify_search.py is told so."""
    from sitegen import search_scripts

    scripts = tmp_path / "search"
    shutil.copytree(search_scripts.SCRIPTS, scripts)
    (scripts / "lunr-vi.js").write_text((scripts / "lunr-vi.js").read_text(encoding="utf-8") + "\n// edited\n", encoding="utf-8")
    monkeypatch.setattr(search_scripts, "SCRIPTS", scripts)
    monkeypatch.setattr(search_scripts, "MINIFIED", scripts / "worker.min.js")
    status = main(["--data", str(data), "--out", str(tmp_path / "docs")])
    err = capsys.readouterr().err.strip()
    assert status == 1
    assert len(err.splitlines()) == 1, err
    assert "worker.min.js" in err and "older than its sources" in err and "minify_search.py" in err
    assert not (tmp_path / "docs").exists()


ODD_VALUES = ["", " ", "x\n", "12345\n", "1/1/2024\n", "p1\n", "abc", "Đ", 1.5, -1, 0, True, None, [], {}, 10**20, [1, 1.0]]


def test_the_compiled_schema_passes_no_data_jsonschema_refuses():
    # jsonschema-rs answers "passes?" first (validate._passes), jsonschema words the errors: a yes from the fast
    # one must never let through data the worded one refuses. Odd values put in random places of the fixture data.
    import random

    from sitegen.loader import load_dataset
    from sitegen.validate import _passes, collection_ids, load_schema, schema_errors

    schema = load_schema()
    dataset = load_dataset(SYNTHETIC)
    base = dataset.values
    assert _passes(base, schema, collection_ids(dataset, schema))  # the fast answer does say yes
    spots: list[tuple] = []
    walk = [((), base)]
    while walk:
        path, value = walk.pop()
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in children:
            spots.append((*path, key))
            walk.append(((*path, key), child))
    chance = random.Random(2024)
    refused = 0
    for _ in range(200):
        values = copy.deepcopy(base)
        *parents, last = chance.choice(spots)
        holder = functools.reduce(lambda value, key: value[key], parents, values)
        holder[last] = chance.choice(ODD_VALUES)
        ids = collection_ids(dataclasses.replace(dataset, values=values), schema)
        worded = next(iter(schema_errors(values, schema, ids)), None)
        refused += worded is not None
        assert worded is None or not _passes(values, schema, ids), (parents, last, holder[last], worded.message)
    assert refused > 100  # the odd values were odd enough to be refused, mostly
