"""The data offered for download on the Data page: the YAML files as they are, their schema, the whole
dataset as JSON, the figures as CSV, and the article."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .dates import format_date
from .languages import editions
from .model import Model
from .numerals import parse, total_of
from .strings import t

FOLDER = "du-lieu"
COLUMNS = "id kind label written value total percent unit qualifier date date_iso paragraphs quote inputs".split()
TRANSLATED = ("label", "unit", "qualifier")  # each followed by its text in every other edition's language: label_en
# A spreadsheet reads a cell starting with one of these as a formula (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula, shown as text: after an apostrophe, as OWASP advises.
    Numbers stay numbers (a negative one is a number, not a formula)."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def csv_columns() -> list[str]:
    others = editions().others
    return [name for column in COLUMNS for name in (column, *(f"{column}_{lang}" for lang in others if column in TRANSLATED))]


def figures_csv(model: Model) -> str:
    """One row per figure: the article's own, then the ones the site computes (kind: computed)."""
    out = io.StringIO()
    columns = csv_columns()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()

    def write(row: dict[str, Any]) -> None:
        writer.writerow({column: spreadsheet_cell(value) for column, value in row.items()})

    figures = {figure["id"]: figure for figure in model.figures}
    for figure in model.figures:
        total, _ = total_of(figure, figures)  # a share's total is the figure it is a share of
        write(
            {
                **{column: figure[column] for column in columns if column in figure},
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
        # How far to trust it (approximate, or a bound because an input is an "as of" date), in each edition's words.
        qualifiers = [
            f"qualifier-{key}" for key in ((item.bound,) if item.bound else ()) + (("approximate",) if item.approximate else ())
        ]
        write(
            {
                "id": item.id,
                "kind": "computed",
                **{
                    column + suffix: getattr(item, column + suffix)
                    for column in ("label", "unit")
                    for suffix in ("", *(f"_{lang}" for lang in editions().others))
                },
                "value": item.rounded,
                **{
                    "qualifier" + (f"_{lang}" if editions().translated(lang) else ""): " ".join(
                        t(key, lang) for key in qualifiers
                    )
                    for lang in editions().locales
                },
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
    files = {f"{FOLDER}/{name}": text for name, text in sorted(model.texts.items())}
    files[f"{FOLDER}/schema.json"] = schema_file.read_bytes()
    files[f"{FOLDER}/du-lieu.json"] = dataset_json(model.as_written)
    files[f"{FOLDER}/so-lieu.csv"] = figures_csv(model).encode("utf-8")
    files[f"{FOLDER}/bai-viet-goc.txt"] = model.article.raw  # read once: what was checked is what is published
    return files
