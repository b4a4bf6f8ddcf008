"""The data offered for download on the Data page: the YAML files as they are, their schema, the whole
dataset as JSON, the figures as CSV, and the article."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .model import Model
from .validate import parse_date

FOLDER = "du-lieu"
CSV_COLUMNS = ["id", "kind", "label", "written", "value", "total", "percent", "unit", "qualifier", "date",
               "date_iso", "paragraphs", "quote", "inputs"]


def figures_csv(model: Model) -> str:
    """One row per figure: the article's own, then the ones the site computes (kind: computed)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for figure in model.figures:
        writer.writerow({
            "id": figure["id"], "kind": "article", "label": figure["label"], "written": figure["written"],
            "value": figure["value"], "total": figure.get("total", ""), "percent": figure.get("percent", ""),
            "unit": figure["unit"], "qualifier": figure.get("qualifier", ""), "date": figure.get("date", ""),
            "date_iso": parse_date(figure["date"]).isoformat() if "date" in figure else "",
            "paragraphs": " ".join(source["paragraph"] for source in figure["sources"]),
            "quote": " / ".join(source["quote"] for source in figure["sources"]), "inputs": "",
        })
    for item in model.computed:
        writer.writerow({
            "id": item.id, "kind": "computed", "label": item.label, "written": "", "value": item.rounded,
            "total": "", "percent": "", "unit": item.unit, "qualifier": "khoảng" if item.approximate else "",
            "date": "", "date_iso": "",
            "paragraphs": " ".join(dict.fromkeys(s["paragraph"] for i in item.inputs for s in i["sources"])),
            "quote": "", "inputs": " ".join(i["id"] for i in item.inputs),
        })
    return out.getvalue()


def dataset_json(source: dict[str, Any]) -> str:
    """The whole dataset as JSON, one entry per line: readable and diffable, and written by json's fast C
    encoder (an indented dump goes through its pure-Python one, ~10x slower on large data)."""
    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    blocks = []
    for key, value in source.items():
        if isinstance(value, list) and value:
            items = ",\n".join(f"    {dump(item)}" for item in value)
            blocks.append(f"  {dump(key)}: [\n{items}\n  ]")
        else:
            blocks.append(f"  {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(blocks) + "\n}\n"


def export_files(model: Model, schema_file: Path) -> dict[str, bytes]:
    # The YAML files as written, in NFC with LF line ends and no byte order mark, like everything the site shows.
    files = {f"{FOLDER}/{name}": text.encode("utf-8") for name, text in sorted(model.texts.items())}
    files[f"{FOLDER}/schema.json"] = schema_file.read_bytes()
    files[f"{FOLDER}/du-lieu.json"] = dataset_json(model.source).encode("utf-8")
    files[f"{FOLDER}/so-lieu.csv"] = figures_csv(model).encode("utf-8")
    files[f"{FOLDER}/bai-viet-goc.txt"] = model.article.path.read_bytes()
    return files
