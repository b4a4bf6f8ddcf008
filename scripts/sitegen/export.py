"""The data offered for download on the Data page: the YAML files as they are, their schema, the whole
dataset as JSON, the figures as CSV, and the article."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .dates import format_date
from .model import Model
from .numerals import parse, total_of

FOLDER = "du-lieu"
CSV_COLUMNS = (
    "id kind label label_en written value total percent unit unit_en qualifier qualifier_en date date_iso paragraphs quote inputs"
).split()
# A computed figure's qualifier: how far to trust it (approximate, or a bound because an input is an "as of" date).
QUALIFIERS = {"approximate": ("khoảng", "about"), "at-most": ("tối đa", "at most"), "at-least": ("ít nhất", "at least")}
# A spreadsheet reads a cell starting with one of these as a formula (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula, shown as text: after an apostrophe, as OWASP advises.
    Numbers stay numbers (a negative one is a number, not a formula)."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def figures_csv(model: Model) -> str:
    """One row per figure: the article's own, then the ones the site computes (kind: computed)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()

    def write(row: dict[str, Any]) -> None:
        writer.writerow({column: spreadsheet_cell(value) for column, value in row.items()})

    figures = {figure["id"]: figure for figure in model.figures}
    for figure in model.figures:
        total, _ = total_of(figure, figures)  # a share's total is the figure it is a share of
        write(
            {
                **{column: figure[column] for column in CSV_COLUMNS if column in figure},
                "kind": "article",
                "total": "" if total is None else total,
                "percent": parse(figure["percent"]) if "percent" in figure else "",  # 29,75 as a number: 29.75
                "date": format_date(figure["date"], "written") if "date" in figure else "",
                "date_iso": format_date(figure["date"], "iso") if "date" in figure else "",
                "paragraphs": " ".join(source["paragraph"] for source in figure["sources"]),
                "quote": " / ".join(source["quote"] for source in figure["sources"]),
            }
        )
    for item in model.computed:
        qualifiers = [
            QUALIFIERS[key] for key in ((item.bound,) if item.bound else ()) + (("approximate",) if item.approximate else ())
        ]
        write(
            {
                "id": item.id,
                "kind": "computed",
                "label": item.label,
                "label_en": item.label_en,
                "value": item.rounded,
                "unit": item.unit,
                "unit_en": item.unit_en,
                "qualifier": " ".join(vi for vi, _ in qualifiers),
                "qualifier_en": " ".join(en for _, en in qualifiers),
                "paragraphs": " ".join(dict.fromkeys(s["paragraph"] for i in item.inputs for s in i["sources"])),
                "inputs": " ".join(i["id"] for i in item.inputs),
            }
        )
    return out.getvalue()


def dataset_json(values: dict[str, Any]) -> bytes:
    """The whole dataset as JSON, one entry per line: readable and diffable, and written by json's fast C
    encoder (an indented dump goes through its pure-Python one, ~10x slower on large data). Written entry by
    entry into one buffer: joined strings would hold the file several times over (~0.4 GB at 1000x data)."""

    def dump(value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")

    out = io.BytesIO()
    out.write(b"{\n")
    for n, (key, value) in enumerate(values.items()):
        out.write(b",\n  " if n else b"  ")
        out.write(dump(key) + b": ")
        if isinstance(value, list) and value:
            out.write(b"[\n")
            for i, item in enumerate(value):
                out.write(b",\n    " if i else b"    ")
                out.write(dump(item))
            out.write(b"\n  ]")
        else:
            out.write(dump(value))
    out.write(b"\n}\n")
    return out.getvalue()


def export_files(model: Model, schema_file: Path) -> dict[str, bytes]:
    # The YAML files as written, in NFC with LF line ends and no byte order mark, like everything the site shows.
    files = {f"{FOLDER}/{name}": text.encode("utf-8") for name, text in sorted(model.texts.items())}
    files[f"{FOLDER}/schema.json"] = schema_file.read_bytes()
    files[f"{FOLDER}/du-lieu.json"] = dataset_json(model.as_written)
    files[f"{FOLDER}/so-lieu.csv"] = figures_csv(model).encode("utf-8")
    files[f"{FOLDER}/bai-viet-goc.txt"] = model.article.raw  # read once: what was checked is what is published
    return files
