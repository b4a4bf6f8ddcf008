"""Hostile data runs nowhere: live markup typed into every free-text field of every data file, all at once,
comes out of the whole built site (both editions: every page, picture, search index and download) as text.

Which fields are free text is read from the schema (scripts/sitegen/schema.json). The synthetic fixture leaves
some collections and optional fields empty: a copy of it gets one entry in each, in the synthetic article's own
words (and one more sentence in that article, for a congress), so that every free-text field is filled.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from helpers.fuller import at, fuller_fixture, write_data
from helpers.project import SYNTHETIC, build_site, copy_project
from sitegen.export import figures_csv
from sitegen.pipeline import load_model
from sitegen.validate import SCHEMA_FILE

# Live in HTML, in an attribute, in SVG, after a <title> and as a link. No digit: a sentence of the summary may
# only carry the numbers of the paragraphs it cites, and this is not what that check is about.
MARKER = "PAYLOAD"
PAYLOAD = (
    f'"><img src=x onerror=alert(document.domain)><script>alert("{MARKER}")</script>'
    f"<svg onload=alert(document.cookie)></title> javascript:alert(document.title) {MARKER}"
)
# The same in an address, where the schema asks only for https:// and no space.
URL_PAYLOAD = f"\"'><img/src=x/onerror=alert(document.domain)><script>alert({MARKER})</script>"
RCDATA = ("title", "textarea")
NAME_LIMIT = 200  # elements that hold only text, up to their end tag

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
NAME_LIMIT = SCHEMA["$defs"]["name"]["maxLength"]  # names and titles: the payload must fit
TEXT, SOURCES, URL = "#/$defs/text", "#/$defs/sources", "^https://\\S+$"
# Text fields that must match the article by a check of the build rather than by x-verbatim: the article's
# file name, title, byline and author, the lines of its web page's widgets, and an erratum's typo. (And a
# glossary entry's expansion where the article spells the abbreviation out: see fields.)
MATCH_THE_ARTICLE = {"article.file", "article.title", "article.byline", "article.author", "article.widget_lines[]"}
MATCH_THE_ARTICLE |= {"errata[].wrong"}


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """A node of the schema with its $ref followed (the node's own keywords kept)."""
    while "$ref" in node:
        node = {**SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def is_free_text(node: dict[str, Any]) -> bool:
    """A string of the text type, whose pattern only keeps control characters out, with nothing of its own: not
    an id, a date or a paragraph (each with its own pattern), a reference (x-ref), nor one of a list (enum)."""
    refs, seen = [], node
    while "$ref" in seen:
        refs.append(seen["$ref"])
        seen = SCHEMA["$defs"][seen["$ref"].rsplit("/", 1)[1]]
    return TEXT in refs and not set(node) - {"$ref", "description"}


def is_url(node: dict[str, Any]) -> bool:
    return resolve(node).get("pattern") == URL


def child(node: dict[str, Any], key: str) -> tuple[dict[str, Any] | None, str]:
    """The schema of an object's field, and its name in a shape ("*": any key of a map, as site.pages.*)."""
    if key in node.get("properties", {}):
        return node["properties"][key], key
    extra = node.get("additionalProperties")
    return (extra, "*") if isinstance(extra, dict) else (None, key)


def joined(shape: str, part: str) -> str:
    return f"{shape}.{part}" if shape else part


Kind = Callable[[dict[str, Any]], bool]


def fields(kind: Kind, node: dict[str, Any], value: Any, path: tuple = (), shape: str = "") -> Iterator[tuple[tuple, str]]:
    """(path, shape) of every value of this kind in ``value``, which ``node`` of the schema describes. Not the
    fields an entry's x-verbatim names, nor the sources' quotes: they are the article's words, as written."""
    if node.get("$ref") == SOURCES or shape in MATCH_THE_ARTICLE:
        return
    if kind(node):
        if isinstance(value, str):
            yield path, shape
        return
    node = resolve(node)
    if isinstance(value, dict):
        verbatim = set(node.get("x-verbatim", [])) | ({"expansion"} if value.get("defined_in_article") else set())
        for key, item in value.items():
            sub, part = child(node, key)
            if sub is not None and key not in verbatim:
                yield from fields(kind, sub, item, (*path, key), joined(shape, part))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from fields(kind, node.get("items", {}), item, (*path, index), shape + "[]")


def schema_fields(kind: Kind, node: dict[str, Any], shape: str = "") -> Iterator[str]:
    """The shape of every field of this kind that the schema has (site.pages.*, figures[].label, ...)."""
    if node.get("$ref") == SOURCES or shape in MATCH_THE_ARTICLE:
        return
    if kind(node):
        yield shape
        return
    node = resolve(node)
    verbatim = set(node.get("x-verbatim", []))
    for key, sub in node.get("properties", {}).items():
        if key not in verbatim:
            yield from schema_fields(kind, sub, joined(shape, key))
    if isinstance(node.get("additionalProperties"), dict):
        yield from schema_fields(kind, node["additionalProperties"], joined(shape, "*"))
    if isinstance(node.get("items"), dict):
        yield from schema_fields(kind, node["items"], shape + "[]")


def with_payload(values: dict[str, Any]) -> None:
    """The payload after the text of every free-text field, and after every address."""
    for kind, payload in ((is_free_text, f" {PAYLOAD}"), (is_url, URL_PAYLOAD)):
        for path, _ in list(fields(kind, SCHEMA, values)):
            parent = at(values, path[:-1])
            # Within a name's limit: the payload fits, the text before it is cut.
            parent[path[-1]] = parent[path[-1]][: max(0, NAME_LIMIT - len(payload))] + payload


@dataclass(frozen=True)
class Built:
    site: Path
    values: dict[str, Any]  # the data it was built from


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Built:
    """The fuller fixture with the payload in every free-text field, built by MkDocs (both editions)."""
    folder = tmp_path_factory.mktemp("payload")
    values = fuller_fixture(folder / "data")
    with_payload(values)
    write_data(folder / "data", values)
    project = copy_project(folder / "project", data=folder / "data")
    build_site(project / "mkdocs.yml", project / "docs", project / "site")
    return Built(project / "site", values)


@pytest.mark.parametrize("kind", [is_free_text, is_url], ids=["free text", "address"])
def test_the_payload_goes_into_every_field_of_the_schema(tmp_path, kind):
    filled = {shape for _, shape in fields(kind, SCHEMA, fuller_fixture(tmp_path / "data"))}
    assert set(schema_fields(kind, SCHEMA)) - filled == set()


class Document(HTMLParser):
    """What a browser would make of a page, a picture or a search result: its elements, scripts and text.
    A <title> holds text only, up to </title>, as in a browser (RCDATA): the minifier writes a "<" there as it is."""

    def __init__(self, name: str, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []  # (attributes, content)
        self.text: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        self.elements.append((tag, attributes))
        if tag == "script":
            self._in_script = True
            self.scripts.append((attributes, ""))
        elif tag in RCDATA and self.cdata_elem is None:  # newer Pythons do this themselves
            self.set_cdata_mode(tag)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            attributes, content = self.scripts[-1]
            self.scripts[-1] = (attributes, content + data)
        else:
            self.text.append(data)


@pytest.fixture(scope="module")
def documents(payload_site) -> list[Document]:
    """Every page and picture of the site, and every search result its indexes can show (HTML, shown as such)."""
    found = []
    for path in sorted(payload_site.site.rglob("*")):
        name = path.relative_to(payload_site.site).as_posix()
        if path.suffix in (".html", ".svg"):
            found.append(Document(name, path.read_text(encoding="utf-8")))
        elif path.name == "search_index.json":
            for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]:
                found += [Document(f"{name}: {doc['location']} {key}", doc[key]) for key in ("title", "text")]
    return found


def event_handlers(document: Document) -> list[str]:
    return [f"<{tag} {key}>" for tag, attributes in document.elements for key in attributes if key.startswith("on")]


def script_urls(document: Document) -> list[str]:
    return [
        f"<{tag} {key}={value!r}>"
        for tag, attributes in document.elements
        for key, value in attributes.items()
        if key in ("href", "src", "action", "formaction", "xlink:href", "data")
        and "".join(value.split()).lower().startswith("javascript:")
    ]


def payload_images(document: Document) -> list[str]:
    return [f"<{tag} src=x>" for tag, attributes in document.elements if tag == "img" and attributes.get("src") == "x"]


def payload_scripts(document: Document) -> list[str]:
    """Scripts holding the payload: JSON-LD may hold it as data, and then parses as JSON."""
    found = []
    for attributes, content in document.scripts:
        if attributes.get("type") == "application/ld+json":
            try:
                json.loads(content)
            except ValueError:
                found.append(f"JSON-LD that is not JSON: {content[:80]!r}")
        elif MARKER in content:
            found.append(f"<script>{content[:80]}")
    return found


@pytest.mark.parametrize(
    "live",
    [event_handlers, script_urls, payload_images, payload_scripts],
    ids=["no on-attribute", "no javascript: link", "no <img src=x>", "no script with the payload"],
)
def test_nothing_from_the_data_would_run(documents, live):
    found = {document.name: live(document) for document in documents}
    assert {name: items[:3] for name, items in found.items() if items} == {}


def test_the_payload_shows_as_text_on_every_page(documents):
    """Not a vacuous pass: the site's name (and so the payload) is in the header of every page of both editions."""
    pages = [document for document in documents if document.name.endswith(".html")]
    assert len(pages) > 30
    shown = " ".join(PAYLOAD.split())
    assert [page.name for page in pages if shown not in " ".join("".join(page.text).split())] == []


def head(document: Document) -> dict[str, str]:
    """A page's <meta> by name or property, and its header's link home (aria-label, title)."""
    found = {
        attributes.get("name") or attributes.get("property"): attributes.get("content", "")
        for tag, attributes in document.elements
        if tag == "meta"
    }
    logo = next(attributes for tag, attributes in document.elements if "md-logo" in attributes.get("class", "").split())
    return found | {"logo": logo["aria-label"], "logo title": logo["title"]}


@pytest.mark.parametrize("edition", ["", "_en"], ids=["vi", "en"])
def test_the_names_in_attributes_are_escaped_once(payload_site, documents, edition):
    """Markup (plugin.py) printed raw and through `| e` (overrides/main.html): the text, neither live nor &amp;lt;."""
    site = payload_site.values["site"]
    page = next(d for d in documents if d.name == ("en/" if edition else "") + "so-lieu/index.html")
    title = "Figures" if edition else "Số liệu"
    name, description = site[f"short_name{edition}"], site[f"pages{edition}"]["so-lieu"]
    figure = payload_site.values["figures"][0]  # the figures page's card figure (OPTIONAL's cards)
    when = figure[f"date_words{edition}"]
    when = f"{when[:1].lower()}{when[1:]} " + ("20 April 2024" if edition else figure["date"])
    expected = {
        "description": description,
        "og:description": description,
        "og:site_name": name,
        "og:title": f"{title} - {name}",
        "logo": name,
        "logo title": name,
        "og:image:alt": f"{title} — {figure['written']}: {figure[f'label{edition}']}, {when}",
    }
    found = head(page)
    assert {key: found.get(key) for key in expected} == expected


def test_every_json_and_xml_file_parses(payload_site):
    """The data in JSON (downloads, search indexes, the search worker's data) and the sitemap: still data."""
    parsed = 0
    for path in payload_site.site.rglob("*"):
        text = path.read_text(encoding="utf-8") if path.suffix in (".json", ".xml", ".js") else ""
        if path.suffix == ".json":
            json.loads(text)
        elif path.suffix == ".xml":
            ET.fromstring(text)
        elif text.startswith("self.searchData="):  # search_scripts.py: the data, then the worker's code
            json.JSONDecoder().raw_decode(text, len("self.searchData="))
        else:
            continue
        parsed += 1
    assert parsed >= 6


def test_the_downloads_hold_the_payload_as_data(payload_site):
    download = payload_site.site / "du-lieu"
    assert json.loads((download / "du-lieu.json").read_text(encoding="utf-8"))["site"] == payload_site.values["site"]
    rows = list(csv.DictReader(io.StringIO((download / "so-lieu.csv").read_text(encoding="utf-8"))))
    assert [row["label_en"] for row in rows[:2]] == [figure["label_en"] for figure in payload_site.values["figures"]]


@pytest.fixture(scope="module")
def model():
    return load_model(SYNTHETIC)


def csv_row(model, figure_id: str) -> dict[str, str]:
    return next(row for row in csv.DictReader(io.StringIO(figures_csv(model))) if row["id"] == figure_id)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"], ids=["=", "+", "-", "@", "tab", "carriage return"])
def test_a_csv_cell_a_spreadsheet_would_run_starts_with_an_apostrophe(model, monkeypatch, start):
    figure = model.figures[0]
    monkeypatch.setitem(figure, "label", f'{start}HYPERLINK("https://example.com","x")')
    assert csv_row(model, figure["id"])["label"] == f'\'{start}HYPERLINK("https://example.com","x")'


@pytest.mark.parametrize("value", [-5, -2.5], ids=["negative int", "negative float"])
def test_a_number_in_the_csv_stays_a_number(model, monkeypatch, value):
    figure = model.figures[0]
    monkeypatch.setitem(figure, "value", value)
    assert csv_row(model, figure["id"])["value"] == str(value)


def test_text_with_a_formula_sign_inside_stays_as_written(model, monkeypatch):
    figure = model.figures[0]
    monkeypatch.setitem(figure, "label", "a = b + c - d @ e")
    assert csv_row(model, figure["id"])["label"] == "a = b + c - d @ e"
