"""Everything the templates read: the checked data, the article's paragraphs, the computed figures and where
the article's own numbers disagree."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .article import Article
from .compute import Computed, compute_all
from .dates import date_fields, parse_date
from .loader import Dataset
from .numerals import Disagreement, disagreements


@dataclass(frozen=True)
class Model:
    data: dict[str, Any]  # the checked data, with the schema's defaults filled in and its dates read (dates.Date)
    as_written: dict[str, Any]  # the data exactly as the YAML files give it (NFC), without defaults
    files: dict[str, str]  # collection → the data file that holds it
    texts: dict[str, bytes]  # data file → its text as read (NFC, LF, no BOM), UTF-8: the downloads
    ignored: list[str]  # editor leftovers beside the data files
    article: Article
    computed: tuple[Computed, ...]
    disagreements: tuple[Disagreement, ...]  # where the article's own numbers disagree: the site's check

    def __getattr__(self, name: str) -> Any:
        # Templates read collections by name: model.figures, model.lessons, ...
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def data_files(self) -> dict[str, str]:
        """Each data file and the collection it is named for: the one of its name (statements.yml holds topics
        too), else its first."""
        named: dict[str, str] = {}
        for collection, file in self.files.items():
            if file not in named or file.rsplit(".", 1)[0] == collection:
                named[file] = collection
        return named

    def by_id(self, collection: str, entry_id: str) -> dict[str, Any]:
        return self._ids[collection][entry_id]

    @functools.cached_property
    def _ids(self) -> dict[str, dict[str, dict[str, Any]]]:
        """Each collection's entries by id, made once: the pages look entries up again and again, and a scan of a
        long collection each time grows with the square of the data."""
        return {
            name: {entry["id"]: entry for entry in value if isinstance(entry, dict) and "id" in entry}
            for name, value in self.data.items()
            if isinstance(value, list)
        }

    @functools.cached_property
    def key_figures(self) -> list[dict[str, Any]]:
        """The figures counted against a total (12/15), else every figure (the data has at least one): the home
        page's cards, and the figure its social card shows unless site.yml's cards name one."""
        return [figure for figure in self.figures if "total" in figure] or list(self.figures)

    def figure(self, entry_id: str) -> dict[str, Any]:
        return self.by_id("figures", entry_id)

    def topic(self, topic: str) -> list[dict[str, Any]]:
        return self._topics.get(topic, [])

    @functools.cached_property
    def _topics(self) -> dict[str, list[dict[str, Any]]]:
        """Statements by their topic, in data order (one pass, as _children: the Overview asks once a topic)."""
        index: dict[str, list[dict[str, Any]]] = {}
        for statement in self.data["statements"]:
            index.setdefault(statement["topic"], []).append(statement)
        return index

    @property
    def topic_sections(self) -> list[dict[str, Any]]:
        """The Overview's topic sections that have statements, in the data's order."""
        return [topic for topic in self.data["topics"] if self.topic(topic["id"])]

    @functools.cached_property
    def timeline(self) -> list[dict[str, Any]]:
        """The events by date, sorted once: the pages, their listings and the pictures all read it."""
        return sorted(self.data["events"], key=lambda event: event["date"])

    def place_chain(self, place_id: str) -> list[dict[str, Any]]:
        """The place and its parents, from the province down."""
        chain: list[dict[str, Any]] = []
        entry: dict[str, Any] | None = self.by_id("places", place_id)
        while entry is not None:
            chain.insert(0, entry)
            entry = self.by_id("places", entry["parent"]) if "parent" in entry else None
        return chain

    def children(self, place_id: str | None) -> list[dict[str, Any]]:
        return self._children.get(place_id, [])

    @functools.cached_property
    def _children(self) -> dict[str | None, list[dict[str, Any]]]:
        """Places by their parent, in data order (one pass, so a long list of places stays quick)."""
        index: dict[str | None, list[dict[str, Any]]] = {}
        for place in self.data["places"]:
            index.setdefault(place.get("parent"), []).append(place)
        return index

    @property
    def outside_article(self) -> bool:
        """Whether any section shows what the article does not (the context after it, the list of units): only
        then do the pages say "except the sections marked Outside the article"."""
        units = self.data.get("units") or {}
        return bool(self.data.get("context")) or bool(units.get("list"))

    def unit_kinds(self) -> list[tuple[str, int]]:
        """How many xã, phường and thị trấn the list has (computed from it; the article does not say)."""
        return Counter(unit["kind"] for unit in self.data["units"]["list"]).most_common()


def with_defaults(values: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Fill in what the data leaves out: an optional collection with no file is empty (``lessons: []``), and an
    entry's optional keys that the schema gives a default (``pictured: false``) take it; and read the dates it
    types as ``$defs/date`` into Dates: once, here, so that nothing after parses one again."""
    filled = dict(values)
    for name, sub in schema["properties"].items():
        if name not in values:
            filled[name] = [] if sub.get("type") == "array" else {}
        elif sub.get("type") == "object" and "properties" in sub:  # the article, the site: one entry
            filled[name] = _filler(sub["properties"])(values[name])
        elif sub.get("type") == "array":
            fill = _filler(sub["items"]["properties"])
            filled[name] = [fill(entry) for entry in values[name]]
    return filled


def _filler(properties: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """What fills an entry of these properties: the schema's defaults under it, its dates read."""
    defaults = {key: prop["default"] for key, prop in properties.items() if "default" in prop}
    dates = date_fields(properties)
    return lambda entry: {**defaults, **entry, **{key: parse_date(entry[key]) for key in dates if key in entry}}


def build_model(dataset: Dataset, article: Article, schema: dict[str, Any]) -> Model:
    filled = with_defaults(dataset.values, schema)
    return Model(
        data=filled,
        as_written=dataset.values,
        files=dataset.files,
        texts=dataset.texts,
        ignored=dataset.ignored,
        article=article,
        computed=compute_all(filled),
        disagreements=disagreements(filled["figures"]),
    )
