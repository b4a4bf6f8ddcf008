"""A third language costs words and data, not code: a copy of the project given a made-up French edition builds
three editions under --strict, with no template or Python file edited.

What the copy gets is what design.md's "A third language" lists: a French text under each key of strings.yml,
its `_fr` fields beside the data's `_en` ones (and in schema.json, which names each field), its translation of
the article (translation_fr), and an i18n language entry in mkdocs.yml. The French is a placeholder: "FR " and
the English, {places} kept."""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers.html import elements
from helpers.project import ROOT, keep_cards_in, run_mkdocs
from sitegen import pages, strings

pytestmark = pytest.mark.slow

FR = "FR "


def french(value: Any) -> Any:
    """The placeholder French of an English value: "FR " before each text."""
    if isinstance(value, str):
        return FR + value if value else value
    if isinstance(value, list):
        return [french(item) for item in value]
    if isinstance(value, dict):
        return {key: french(item) for key, item in value.items()}
    return value


def beside_english(value: Any) -> Any:
    """The data with a `_fr` field after each `_en` one."""
    if isinstance(value, list):
        return [beside_english(item) for item in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        out[key] = beside_english(item)
        if key.endswith("_en"):
            out[key.removesuffix("_en") + "_fr"] = french(item)
    return out


def to_french(name: str) -> str:
    return name.removesuffix("_en") + "_fr"


def schema_with_french(node: Any) -> Any:
    """The schema naming each `_fr` field as it names the `_en` one (properties, required, dependentRequired)."""
    if isinstance(node, list):
        return [schema_with_french(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: schema_with_french(item) for key, item in node.items()}
    if isinstance(out.get("properties"), dict):
        out["properties"] |= {to_french(key): item for key, item in out["properties"].items() if key.endswith("_en")}
    if isinstance(out.get("required"), list):
        out["required"] = out["required"] + [to_french(key) for key in out["required"] if key.endswith("_en")]
    if isinstance(out.get("dependentRequired"), dict):
        rules = out["dependentRequired"]
        rules = {key: names + [to_french(name) for name in names if name.endswith("_en")] for key, names in rules.items()}
        out["dependentRequired"] = rules | {to_french(key): names for key, names in rules.items() if key.endswith("_en")}
    return out


def add_french_edition(mkdocs_yml: Path) -> None:
    """A third i18n language entry, as the English one is written (its palette's names in French)."""
    text = mkdocs_yml.read_text(encoding="utf-8")
    start = text.index("        - locale: en\n")
    end = text.index("\n\n", start)  # the English entry runs to the next blank line
    entry = text[start:end].replace("locale: en", "locale: fr").replace("name: English", "name: Français")
    entry = re.sub(r"(\n +name: )(?!Français)", r"\1" + FR, entry)
    mkdocs_yml.write_text(text[:end] + "\n" + entry + text[end:], encoding="utf-8")


@pytest.fixture(scope="module")
def french_site(tmp_path_factory, card_cache) -> Path:
    project = tmp_path_factory.mktemp("third-language")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("data", "scripts/sitegen"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "docs").mkdir()
    package = project / "scripts" / "sitegen"

    catalogue = yaml.safe_load((package / "strings.yml").read_text(encoding="utf-8"))
    catalogue = {key: {**entry, "fr": french(entry["en"])} for key, entry in catalogue.items()}
    (package / "strings.yml").write_text(yaml.safe_dump(catalogue, allow_unicode=True, sort_keys=False), encoding="utf-8")
    schema = schema_with_french(json.loads((package / "schema.json").read_text(encoding="utf-8")))
    schema["properties"]["translation_fr"] = schema["properties"]["translation"]
    (package / "schema.json").write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    for path in (project / "data").glob("*.yml"):
        data = beside_english(yaml.safe_load(path.read_text(encoding="utf-8")))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    translation = yaml.safe_load((ROOT / "data" / "translation.yml").read_text(encoding="utf-8"))["translation"]
    (project / "data" / "translation-fr.yml").write_text(
        yaml.safe_dump({"translation_fr": french(translation)}, allow_unicode=True, width=10**6), encoding="utf-8"
    )
    add_french_edition(project / "mkdocs.yml")
    keep_cards_in(project / "mkdocs.yml", card_cache)  # the Vietnamese and English cards: drawn by earlier builds

    # The copy's own package (its strings.yml and schema.json) before the installed one.
    env = {"PYTHONPATH": str(project / "scripts")}
    result = run_mkdocs("build", "--strict", cwd=project, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def page(site: Path, slug: str) -> str:
    return (site / "fr" / slug / "index.html").read_text(encoding="utf-8")


def words(key: str, lang: str) -> str:
    return strings.strings()[key][lang]


def test_every_page_has_a_french_edition(french_site):
    missing = [p.slug for p in pages.PAGES if not (french_site / "fr" / p.slug / "index.html").is_file()]
    assert missing == []
    assert (french_site / "index.html").is_file() and (french_site / "en" / "index.html").is_file()


def test_french_pages_are_titled_and_headed_in_french(french_site):
    figures = page(french_site, "so-lieu")
    assert elements(figures, "title")[0]["_text"].startswith(FR + words("page-figures", "en"))
    headings = [h["_text"].removesuffix("¶") for h in elements(figures, "h2")]  # ¶: the heading's link
    assert FR + words("figures-heading", "en") in headings


def test_the_french_navigation_names_pages_and_sections_in_french(french_site):
    links = {html.unescape(a["_text"]).strip() for a in elements(page(french_site, ""), "a")}
    assert FR + words("page-overview", "en") in links
    labels = {html.unescape(label["_text"]).strip() for label in elements(page(french_site, ""), "label")}
    assert FR + words("section-results", "en") in labels


def test_heading_links_are_titled_in_each_edition(french_site):
    title = 'title="{}"'
    assert title.format(FR + words("heading-link-title", "en")) in page(french_site, "so-lieu")
    assert title.format(words("heading-link-title", "en")) in (french_site / "en" / "so-lieu" / "index.html").read_text()
    assert title.format(words("heading-link-title", "vi")) in (french_site / "so-lieu" / "index.html").read_text()


def test_the_french_not_found_page_is_in_french(french_site):
    text = html.unescape((french_site / "fr" / "404.html").read_text(encoding="utf-8"))
    assert FR + words("not-found-heading", "en") in text


class _Texts(HTMLParser):
    """Each element's whole text and each title attribute, except the article's own Vietnamese (lang="vi"), the
    language switch (each language names itself) and the pictures (SVG text is cut into lines)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[list[Any]] = []  # [tag, left out, text so far]
        self.texts: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        left_out = bool(self.open and self.open[-1][1]) or attributes.get("lang") == "vi" or "hreflang" in attributes
        left_out = left_out or tag == "svg"
        if not left_out and attributes.get("title"):
            self.texts.add(attributes["title"])
        if tag not in self.VOID:
            self.open.append([tag, left_out, ""])

    def handle_endtag(self, tag):
        while self.open:
            name, left_out, text = self.open.pop()
            if not left_out:
                self.texts.add(" ".join(text.split()).removesuffix("¶").strip())
                if self.open:
                    self.open[-1][2] += text
            if name == tag:
                break

    def handle_data(self, data):
        if self.open:
            self.open[-1][2] += data


def shown_texts(page_html: str) -> set[str]:
    parser = _Texts()
    parser.feed(page_html)
    return parser.texts


def data_texts(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return {text for item in items for text in data_texts(item)}


def test_french_pages_hold_no_other_language_s_catalogue_text(french_site):
    """No heading, label, link, paragraph or title of a French page is a catalogue text in English or
    Vietnamese (each has its French), unless the data says the same words (the glossary's English column, the
    article's terms) or a French text links with them (the placeholder French keeps an English link's words).
    Texts with {places} or markup are whole sentences around data: the other tests find their French."""
    catalogue = {
        entry[lang]: key
        for key, entry in strings.strings().items()
        for lang in ("vi", "en")
        if len(entry[lang]) > 1 and not re.search(r"[{}\[\]*`<\n]", entry[lang])
    }
    data = {text for path in (ROOT / "data").glob("*.yml") for text in data_texts(yaml.safe_load(path.read_text("utf-8")))}
    linked = {text for entry in strings.strings().values() for text in re.findall(r"\[([^\]]+)\]\(", entry["en"])}
    found = sorted(
        (catalogue[text], path.relative_to(french_site).as_posix())
        for path in (french_site / "fr").rglob("*.html")
        for text in shown_texts(path.read_text(encoding="utf-8"))
        if text in catalogue and text not in data and text not in linked
    )
    assert found == []
