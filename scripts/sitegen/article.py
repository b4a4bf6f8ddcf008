"""Read the article: check its bytes, decode it and split it into numbered paragraphs."""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError, EntryError
from .loader import Dataset, decode, read_file


@dataclass(frozen=True)
class Paragraph:
    id: str  # "p1", "p2", ... in the order of the article; the anchor on the source page
    number: int
    kind: str  # body, title, caption, heading, byline
    text: str


@dataclass(frozen=True)
class Article:
    path: Path
    sha256: str
    paragraphs: tuple[Paragraph, ...]
    raw: bytes = field(repr=False)  # the bytes whose checksum was checked: these are published

    @functools.cached_property
    def _by_id(self) -> dict[str, Paragraph]:
        return {paragraph.id: paragraph for paragraph in self.paragraphs}

    def paragraph(self, pid: str) -> Paragraph | None:
        """Looked up once per cited source by several checks and pages: by id, not by a scan."""
        return self._by_id.get(pid)


MAX_ARTICLE_BYTES = 8 * 1024 * 1024  # a news article is a few kB; this stops a wrong path early


def article_path(data_dir: Path, dataset: Dataset) -> Path:
    """The article's file: a regular file inside the data folder, named in article.yml."""
    written = dataset.values["article"]["file"]
    path = (data_dir / written).resolve()
    if not path.is_relative_to(data_dir.resolve()):
        raise EntryError(
            ("article", "file"),
            f"{written!r} is outside the data folder",
            "the article's file name, inside the data folder beside article.yml",
        )
    return path


def describe_change(raw: bytes, expected: str, dataset: Dataset) -> str:
    """Say in words how the article's bytes differ from the ones the data was checked against."""

    def matches(candidate: bytes) -> bool:
        return hashlib.sha256(candidate).hexdigest() == expected

    stripped = raw.rstrip(b" \t\r\n")
    if not stripped:
        return "it is empty" if not raw else "it holds no text, only blank lines"
    for cut in range(1, len(raw) - len(stripped) + 1):
        if matches(raw[:-cut]):
            return f"{cut} byte{'s' if cut > 1 else ''} added at the end: {'a line end' if raw[-cut:].strip() == b'' else 'text'}"
    for added in (b"\n", b"\r\n", b" "):
        if matches(raw + added):
            return f"{len(added)} byte{'s' if len(added) > 1 else ''} removed at the end"
    if raw.startswith(b"\xef\xbb\xbf") and matches(raw[3:]):
        return "a byte order mark added at the start"
    if matches(raw.replace(b"\r\n", b"\n")):
        return "its line ends changed to Windows ones (CRLF)"
    try:
        text = unicodedata.normalize("NFC", raw.decode("utf-8"))
    except UnicodeDecodeError:
        return "it is no longer UTF-8 text"
    meta = dataset.values["article"]
    paragraphs = {p.id: p.text for p in split_paragraphs(text, meta.get("widget_lines", []), meta.get("kinds", {}))}
    for source in _sources(dataset.values):
        if source["quote"] not in paragraphs.get(source["paragraph"], ""):
            return f"changed in paragraph {source['paragraph']}, where a quote no longer matches"
    return "changed, though every quote still matches"


def _sources(value: Any):
    """Every source (paragraph and quote) anywhere in the data."""
    if isinstance(value, dict):
        if "paragraph" in value and "quote" in value:
            yield value
        for item in value.values():
            yield from _sources(item)
    elif isinstance(value, list):
        for item in value:
            yield from _sources(item)


def read_article_bytes(data_dir: Path, dataset: Dataset) -> tuple[Path, bytes]:
    path = article_path(data_dir, dataset)
    try:
        raw = read_file(path, MAX_ARTICLE_BYTES)
    except DataError as error:
        raise EntryError(
            ("article", "file"),
            f"the article {dataset.values['article']['file']!r} {error.problem}",
            "a text file inside the data folder, at most 8 MB",
        ) from None
    expected = dataset.values["article"]["sha256"]
    digest = hashlib.sha256(raw).hexdigest()
    if digest != expected:
        raise EntryError(
            ("article", "sha256"),
            f"the article {path.name} is not the one the data was checked against ({describe_change(raw, expected, dataset)})",
            f"the same text; if the change is meant, review the quotes and replace the sha256 line of {dataset.files['article']} "
            f"with this one: `sha256: {digest}`",
        )
    return path, raw


def split_paragraphs(text: str, widget_lines: list[str], kinds: dict[str, str]) -> tuple[Paragraph, ...]:
    """Blocks of non-blank lines are paragraphs; lines of the web page's widgets are left out."""
    widgets = {line.strip() for line in widget_lines}
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        stripped = " ".join(line.split())
        if not stripped:
            blocks.append([])
        elif stripped not in widgets:
            blocks[-1].append(stripped)
    texts = [" ".join(block) for block in blocks if block]
    return tuple(
        Paragraph(id=f"p{number}", number=number, kind=kinds.get(f"p{number}", "body"), text=body)
        for number, body in enumerate(texts, start=1)
    )


def load_article(data_dir: Path, dataset: Dataset) -> Article:
    meta = dataset.values["article"]
    path, raw = read_article_bytes(data_dir, dataset)
    text = decode(raw, path.name)
    lines = {" ".join(line.split()) for line in text.splitlines()}
    for index, widget in enumerate(meta.get("widget_lines", [])):
        if widget.strip() not in lines:
            raise EntryError(
                ("article", "widget_lines", index),
                f"the line {widget!r} is not in the article",
                "a whole line of the article's web page widgets",
            )
    paragraphs = split_paragraphs(text, meta.get("widget_lines", []), meta.get("kinds", {}))
    return Article(path=path, sha256=meta["sha256"], paragraphs=paragraphs, raw=raw)
