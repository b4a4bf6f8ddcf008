"""Article + data → checked model → Markdown pages in docs/. Run alone: ``python scripts/generate.py``."""

from __future__ import annotations

import argparse
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from .article import Article, load_article
from .cards import card_folder, page_cards
from .errors import DataError, one_line
from .export import export_files
from .loader import Dataset, check_collections, collector_paused, load_dataset
from .model import Model, build_model
from .pagefile import PageFile
from .render import render_pages
from .search_scripts import search_files
from .truth import check_truth
from .validate import SCHEMA_FILE, check_shape, load_schema
from .write import Interruptible, write_tree

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Result:
    files: dict[str, bytes]
    changed: list[str]
    ignored: list[str]  # editor leftovers in the data folder, left alone


def check_data(data_dir: Path, schema_file: Path = SCHEMA_FILE, dataset: Dataset | None = None) -> tuple[Dataset, Article, dict]:
    """Read and check the data and the article (its shape, then its truth); raises DataError. Each step hands on
    to the next: the checks name the entry that is wrong, and the dataset that read it names its file and line."""
    dataset = dataset if dataset is not None else load_dataset(data_dir)
    schema = load_schema(schema_file)
    check_collections(dataset, schema)
    with dataset.placing():
        check_shape(dataset, schema)
        article = load_article(data_dir, dataset)
        check_truth(dataset, schema, article)
    return dataset, article, schema


def load_model(data_dir: Path, schema_file: Path = SCHEMA_FILE, dataset: Dataset | None = None) -> Model:
    """Read and check everything; raises DataError before anything is written."""
    dataset, article, schema = check_data(data_dir, schema_file, dataset)
    return build_model(dataset, article, schema)


def build_files(model: Model, search: bool = True, cache_dir: Path | None = None) -> dict[str, bytes]:
    """Every file of docs/; ``search``: with this site's search files (else the theme's lunr.vi serves);
    ``cache_dir``: where drawn cards are kept between builds (None: every card is drawn)."""
    rendered = render_pages(model)
    cards = page_cards(rendered, model, card_folder(cache_dir))  # the card images, and the pages with their card named
    pages: dict[str, PageFile | bytes] = {**rendered, **cards}
    del rendered, cards
    files: dict[str, bytes] = {}
    for path in sorted(pages):  # written out and encoded one by one, so that no page is held twice (large data)
        value = pages.pop(path)
        files[path] = value.text().encode("utf-8") if isinstance(value, PageFile) else value
    files.update(export_files(model, SCHEMA_FILE))
    if search:
        files.update(search_files(model, files))
    return files


def make_files(
    data_dir: Path, dataset: Dataset | None = None, search: bool = True, cache_dir: Path | None = None
) -> tuple[dict[str, bytes], list[str]]:
    """Every file of docs/ and the editor leftovers ignored; ``dataset``: the data already read from ``data_dir``
    (the plugin reads it once per build); ``search`` and ``cache_dir``: the plugin's options of those names."""
    with collector_paused():
        model = load_model(data_dir, dataset=dataset)
        return build_files(model, search, cache_dir), model.ignored


def generate(
    data_dir: Path = ROOT / "data", out_dir: Path = ROOT / "docs", search: bool = True, cache_dir: Path | None = None
) -> Result:
    """The pages written into ``out_dir``, all or nothing (the command line's way; the plugin's is its own).
    Drawn cards are kept in ``cache_dir``, by default .cache/sitegen beside ``data_dir``: where the plugin's
    cache_dir puts them, beside mkdocs.yml."""
    cache_dir = cache_dir if cache_dir is not None else data_dir.parent / ".cache" / "sitegen"
    files, ignored = make_files(data_dir, search=search, cache_dir=cache_dir)
    return Result(files=files, changed=write_tree(files, out_dir), ignored=ignored)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the site's Markdown pages from the article and its data.")
    parser.add_argument(
        "--data", type=Path, default=ROOT / "data", help="folder of the article and the YAML data (default: data/)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder to write the pages into (default: docs/)")
    parser.add_argument(
        "--cache",
        type=Path,
        help="folder where drawn cards are kept between runs (default: .cache/sitegen beside the data folder)",
    )
    parser.add_argument("--verbose", action="store_true", help="on an unexpected failure, print the whole traceback")
    args = parser.parse_args(argv)
    try:
        with Interruptible():  # SIGTERM as Ctrl+C: a change under way is rolled back on the way out
            result = generate(args.data, args.out, cache_dir=args.cache)
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"error: interrupted; nothing in {args.out} is half-written", file=sys.stderr)
        return 130  # as a shell reports a command ended by Ctrl+C
    except Exception as error:  # a bug, or a file nobody foresaw: one line, and the traceback on request
        if args.verbose:
            traceback.print_exc()
        print(
            one_line(f"error: the generator failed: {type(error).__name__}: {error}")
            + ("" if args.verbose else " (run with --verbose for the traceback)"),
            file=sys.stderr,
        )
        return 1
    if result.ignored:
        print(one_line(f"ignored editor leftovers in {args.data}: {', '.join(result.ignored)}"))
    print(f"{len(result.files)} files in {args.out}, {len(result.changed)} changed")
    return 0
