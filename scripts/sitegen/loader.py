"""Read data/*.yml into one dataset, remembering which file and line each value came from."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

PathPart = str | int
# libyaml's parser when PyYAML was built with it (the wheels are): the same results, many times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Dataset:
    """The merged data: each file holds one top-level key (``figures:``), and so one collection."""

    values: dict[str, Any] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # top-level key → file name
    texts: dict[str, str] = field(default_factory=dict)  # file name → its text (NFC), for line numbers
    _nodes: dict[str, dict[str, yaml.Node]] = field(default_factory=dict, repr=False)  # parsed on demand

    def node(self, key: str) -> yaml.Node | None:
        """The YAML node of a collection; parsed again only when an error needs a line number."""
        file = self.files.get(key)
        if file not in self.texts:
            return None
        if file not in self._nodes:
            self._nodes[file] = {name.value: value for name, value in top_level_nodes(self.texts[file])}
        return self._nodes[file].get(key)

    def place(self, path: tuple[PathPart, ...]) -> tuple[str, str]:
        """The file and a readable place (line and entry path) of a value, for error messages."""
        key = str(path[0]) if path else ""
        file = self.files.get(key, "data")
        dotted = format_path(path)
        line = line_of(self.node(key), path[1:])
        return file, f"line {line}, {dotted}" if line else dotted


def format_path(path: tuple[PathPart, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def line_of(node: yaml.Node | None, path: tuple[PathPart, ...]) -> int | None:
    """The 1-based line where the value at ``path`` starts (or its nearest parent that exists)."""
    if node is None:
        return None
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


def nfc(value: Any) -> Any:
    """Normalise every string to NFC, so NFD input gives the same pages."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(item) for item in value]
    if isinstance(value, dict):
        return {nfc(key): nfc(item) for key, item in value.items()}
    return value


class _Loader(Loader):  # type: ignore[misc, valid-type]
    """PyYAML keeps the last of two equal keys without a word; a maintainer's typo must not vanish."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, _ in node.value:
                if key.value in seen:
                    raise DataError(self.name, f"line {key.start_mark.line + 1}",
                                    f"the key {key.value!r} appears twice in one entry", "each key once")
                seen.add(key.value)
        return super().construct_mapping(node, deep=deep)


def top_level_nodes(text: str) -> list[tuple[yaml.Node, yaml.Node]]:
    """(key node, value node) of each top-level key of a YAML text already known to parse."""
    node = yaml.compose(text, Loader=Loader)
    return list(node.value) if isinstance(node, yaml.MappingNode) else []


def _parse(name: str, text: str) -> Any:
    try:
        loader = _Loader(text)
        loader.name = name
        try:
            value = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = " ".join(str(part) for part in (error.context, error.problem) if part)
        raise DataError(name, where, f"this is not valid YAML ({problem})",
                        "YAML as in the other data files (check indentation, colons and quotes)") from None
    except yaml.YAMLError as error:
        raise DataError(name, "", f"this is not valid YAML ({error})", "valid YAML") from None
    # The text was normalised before parsing; only YAML escapes ("\u0301") can make a string NFD again.
    return nfc(value) if "\\" in text else value


def read_yaml(path: Path) -> tuple[Any, str]:
    """The value of a data file and its text (NFC); one DataError if it is not a YAML mapping."""
    name = path.name
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(name, f"line {line}", "the file is not UTF-8 text", "a file saved as UTF-8") from None
    text = unicodedata.normalize("NFC", text)
    value = _parse(name, text)
    if value is None:
        raise DataError(name, "line 1", "the file is empty", f"a mapping with one key, such as '{path.stem}:'")
    if not isinstance(value, dict):
        raise DataError(name, "line 1", "the file does not start with a key", f"a mapping with one key, such as '{path.stem}:'")
    return value, text


def load_dataset(data_dir: Path) -> Dataset:
    dataset = Dataset()
    files = sorted(data_dir.glob("*.yml")) + sorted(data_dir.glob("*.yaml"))
    if not files:
        raise DataError(str(data_dir), "", "no data files found", "YAML files (*.yml) in the data folder")
    for path in files:
        value, text = read_yaml(path)
        dataset.texts[path.name] = text
        for key in value:
            if key in dataset.files:
                line = next(name.start_mark.line + 1 for name, _ in top_level_nodes(text) if name.value == key)
                raise DataError(path.name, f"line {line}", f"the key {key!r} is already given in {dataset.files[key]}",
                                "each collection in one file")
            dataset.values[key] = value[key]
            dataset.files[key] = path.name
    return dataset
