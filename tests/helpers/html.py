"""Reading built pages the way a reader sees them: elements and their attributes, ids, links, paragraphs, text."""

from __future__ import annotations

import html as entities
import re
from html.parser import HTMLParser
from pathlib import Path


class _Elements(HTMLParser):
    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.found, self._open = tag, [], []

    def handle_starttag(self, tag, attrs):
        if tag == self.tag:
            element = {name: value or "" for name, value in attrs} | {"_text": ""}
            self.found.append(element)
            if tag not in ("link", "meta", "img", "source", "input"):
                self._open.append(element)

    def handle_endtag(self, tag):
        if tag == self.tag and self._open:
            self._open.pop()

    def handle_data(self, data):
        for element in self._open:
            element["_text"] += data


def elements(html: str, tag: str) -> list[dict[str, str]]:
    """Every <tag> of a page as its attributes (and its text as "_text"), however the HTML is minified."""
    parser = _Elements(tag)
    parser.feed(html)
    return parser.found


class PageParser(HTMLParser):
    """A page's ids, links, language and its source paragraphs (the source page's numbered paragraphs: the
    article's words, and apart, the corrections the site puts after its typos)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.lang: str | None = None
        self.paragraphs: dict[str, str] = {}
        self._para: str | None = None
        self._pair: str | None = None  # English source page: the id is on the pair (original + translation)
        self._text: list[str] = []
        self.corrections: dict[str, list[str]] = {}  # paragraph id → the corrections shown in it, in order
        self._fix: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "div" and "para-pair" in (attrs.get("class") or "").split():
            self._pair = attrs["id"]
        if tag == "p" and "para" in (attrs.get("class") or "").split():
            self._para, self._text = attrs.get("id", self._pair), []
        if tag == "a" and self._para and "erratum-fix" in (attrs.get("class") or "").split():
            self._fix = []

    def handle_endtag(self, tag):
        if tag == "a" and self._fix is not None:
            self.corrections.setdefault(str(self._para), []).append("".join(self._fix))
            self._fix = None
        if tag == "p" and self._para:
            text = " ".join("".join(self._text).split())
            self.paragraphs[self._para] = re.sub(r"^\d+ ", "", text)
            self._para = None

    def handle_data(self, data):
        if self._fix is not None:
            self._fix.append(data)
        elif self._para:
            self._text.append(data)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_text(html: str) -> str:
    """The words of a page as a reader reads them: inline tags dropped so words stay whole, blocks spaced."""
    inline = re.sub(r"</?(?:abbr|time|span|strong|em|a|bdi)\b[^>]*>", "", html)
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


class MarkedText(HTMLParser):
    """The page's text, split into what is inside an `outside-article` box and what is not."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside, self.outside, self._depth = [], [], 0

    def handle_starttag(self, tag, attrs):
        if self._depth:
            self._depth += tag not in ("br", "img", "input", "meta", "link", "hr")
        elif "outside-article" in (dict(attrs).get("class") or "").split():
            self._depth = 1

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1

    def handle_data(self, data):
        (self.inside if self._depth else self.outside).append(data)


def marked(path: Path) -> tuple[str, str]:
    parser = MarkedText()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.inside).split()), " ".join(" ".join(parser.outside).split())


def highlighted_words(page) -> set[str]:
    """The words Material's highlighter marked in the open page's article (?h=), lower case. Material joins
    neighbouring marks into one ("quyết thắng"), so this reads words, not marks."""
    page.wait_for_function("() => document.querySelectorAll('article mark[data-md-highlight]').length > 0")
    texts = page.locator("article mark[data-md-highlight]").all_inner_texts()
    return {word.lower() for text in texts for word in text.split()}
