"""Whatever text a maintainer types into a free-text field shows as that text, or fails with one clear error.
Runs on the synthetic fixture article, so it depends on no fact of the real one."""

from __future__ import annotations

import shutil
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.project import SYNTHETIC
from sitegen.errors import DataError
from sitegen.pipeline import generate

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "**bold** _em_ `code` [link](http://example.com) ![img](x.png)",
    "{{ 7 * 7 }} {% if true %}jinja{% endif %} {# comment #}",
    "a | b | c",
    "*[CVĐ]: not an abbreviation",
    "{: #injected .class }",
    "!!! warning",
    "&amp; &lt; &#x41;",
    "back\\slash",
    "Đại_hội" + "x" * 190,  # one long word: names and labels are at most 200 characters
    "zero\u200bwidth\u200djoiner",
    "right-to-left \u202eevil\u202c and עברית and العربية",
    "# not a heading",
    "1. not a list",
]

EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc"]


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


def render(page: Path) -> Text:
    source = page.read_text(encoding="utf-8").split("---\n", 2)[-1]
    parser = Text()
    parser.feed(markdown.markdown(source, extensions=EXTENSIONS))
    return parser


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(SYNTHETIC, folder)
    return folder


def build_with_label(data_dir: Path, out: Path, label: str) -> None:
    figures = yaml.safe_load((SYNTHETIC / "figures.yml").read_text(encoding="utf-8"))
    figures["figures"][1]["label"] = figures["figures"][1]["label_en"] = label  # not the card figure: no redraw
    (data_dir / "figures.yml").write_text(yaml.safe_dump(figures, allow_unicode=True, sort_keys=False), encoding="utf-8")
    generate(data_dir, out)


def check_label_shown(out: Path, label: str) -> None:
    for page in ("so-lieu.md", "index.md", "so-lieu.en.md"):
        shown = render(out / page)
        assert squash(label) in squash("".join(shown.parts)), page
        assert "script" not in shown.tags and "img" not in shown.tags


@pytest.mark.parametrize("label", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_shows_literally(data_dir, tmp_path, label):
    build_with_label(data_dir, tmp_path / "docs", label)
    check_label_shown(tmp_path / "docs", label)


class Titles(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.titles: dict[str, str] = {}
        self._abbr = False

    def handle_starttag(self, tag, attrs):
        self._abbr = tag == "abbr"
        self._title = dict(attrs).get("title", "")

    def handle_data(self, data):
        if self._abbr:
            self.titles[data] = self._title
            self._abbr = False


@pytest.mark.parametrize(
    "meaning",
    ["]] *[MTTQ]: x", "<b>bold</b> & 'one' \"two\"", "back\\slash *em* _u_ [l](x) {: .c }", "a\nb"],
    ids=["brackets", "markup", "markdown", "newline"],
)
def test_an_abbreviations_meaning_shows_in_its_tooltip_as_written(tmp_path, meaning):
    data_dir = Path(shutil.copytree(SYNTHETIC, tmp_path / "data"))
    glossary = yaml.safe_load((SYNTHETIC / "glossary.yml").read_text(encoding="utf-8"))
    entry = next(entry for entry in glossary["glossary"] if entry.get("abbr") == "CVĐ")
    entry["expansion_en"] = meaning
    (data_dir / "glossary.yml").write_text(yaml.safe_dump(glossary, allow_unicode=True, sort_keys=False), encoding="utf-8")
    generate(data_dir, tmp_path / "docs")
    source = (tmp_path / "docs" / "thuat-ngu.md").read_text(encoding="utf-8").split("---\n", 2)[-1]
    titles = Titles()
    titles.feed(markdown.markdown(source, extensions=EXTENSIONS))
    assert titles.titles["CVĐ"] == f"{entry['expansion']} ({' '.join(meaning.split())})"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=st.text(min_size=1, max_size=60))
def test_any_text_shows_literally_or_fails_clearly(data_dir, tmp_path_factory, label):
    out = tmp_path_factory.mktemp("out")
    try:
        build_with_label(data_dir, out, label)
    except DataError as error:
        message = str(error)
        assert message.startswith("figures.yml, line ") and "figures[1].label" in message  # label or label_en
        assert "\n" not in message
        return
    check_label_shown(out, label)
