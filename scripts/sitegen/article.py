"""Read the article: check its bytes, decode it and split it into numbered paragraphs."""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError


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

    def paragraph(self, pid: str) -> Paragraph | None:
        for paragraph in self.paragraphs:
            if paragraph.id == pid:
                return paragraph
        return None

    def closest_passage(self, text: str) -> tuple[str, str]:
        """The paragraph id and the passage of the article most like ``text``, for error messages."""
        best = ("", "", 0.0)
        for paragraph in self.paragraphs:
            words = paragraph.text.split()
            size = max(1, len(text.split()))
            for start in range(0, max(1, len(words) - size + 1)):
                passage = " ".join(words[start : start + size])
                score = difflib.SequenceMatcher(None, text, passage, autojunk=False).ratio()
                if score > best[2]:
                    best = (paragraph.id, passage, score)
        return best[0], best[1]


def read_bytes_checked(path: Path, expected_sha256: str, data_file: str) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(data_file, "article.file", f"cannot read the article {path.name} ({error.strerror})",
                        "the article file beside the data files") from None
    digest = hashlib.sha256(raw).hexdigest()
    if digest != expected_sha256:
        raise DataError(
            data_file,
            "article.sha256",
            f"the article {path.name} has changed since the data was made (its SHA-256 is {digest})",
            "the article the data was checked against; if the change is meant, review every quote and set sha256 to the new value",
        )
    return raw


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


def load_article(data_dir: Path, meta: dict, data_file: str) -> Article:
    path = data_dir / meta["file"]
    raw = read_bytes_checked(path, meta["sha256"], data_file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(meta["file"], f"byte {error.start}", "the article is not UTF-8 text", "UTF-8") from None
    text = unicodedata.normalize("NFC", text)
    lines = {" ".join(line.split()) for line in text.splitlines()}
    for index, widget in enumerate(meta["widget_lines"]):
        if widget.strip() not in lines:
            raise DataError(data_file, f"article.widget_lines[{index}]", f"the line {widget!r} is not in the article",
                            "a whole line of the article's web page widgets")
    paragraphs = split_paragraphs(text, meta["widget_lines"], meta["kinds"])
    return Article(path=path, sha256=meta["sha256"], paragraphs=paragraphs)
