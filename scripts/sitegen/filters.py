"""Escapes for each place a text lands, and the filters the templates call.

A page's Markdown and HTML: ``md_escape`` (text shows as literal text, on one line) and ``finalize`` (templating.py's
Jinja environment runs it on every value a template prints); the pages' YAML front matter: ``yaml_string``, and
JSON within it: ``json_value``. ``Filters``: the filters that need the model or the language (errata, links to
the source, dates, numbers, translations).
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml
from babel import Locale
from markupsafe import Markup, escape

from . import numerals, strings
from .dates import Date, format_date
from .languages import editions
from .model import Model

SOURCE_PAGE = "nguon.md"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|])")
_BLOCK_START = re.compile(r"^(\s*\d*)([#+\-!.)])")
# Right-to-left letters and bidi controls could reorder the text around them: such text is isolated.
_BIDI = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")


_NEEDS_WORK = re.compile(r"[\\`*_\[\]{}|<>&\"']|\s\s|[^\S ]|" + _BIDI.pattern)


def _is_plain(text: str) -> bool:
    """Most text: nothing in it that Markdown or HTML would read as markup, so it shows as it is."""
    return not _NEEDS_WORK.search(text) and not _BLOCK_START.match(text)


def md_escape(value: Any, line_start: bool = True) -> Markup:
    """Plain text → Markdown that shows exactly that text on one line (``line_start``: wherever it is put,
    even at the start of a line; else within a line)."""
    text = str(value)
    if _is_plain(text) or not line_start and not _NEEDS_WORK.search(text):
        return Markup(text)
    text = re.sub(r"\s+", " ", text)  # one line: a newline in the data must not start a Markdown block
    out = _MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(text)))
    # Text a template puts at the start of a line must not start a block (heading, list, admonition).
    if line_start:
        out = _BLOCK_START.sub(r"\1\\\2", out)
    return Markup(f"<bdi>{out}</bdi>" if _BIDI.search(text) else out)


def finalize(value: Any) -> Any:
    """Jinja's finalize: every value a template prints, escaped for where it lands (a Markdown page) unless Markup."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    # Plain text goes to autoescaping as it is (which leaves it unchanged) rather than as a second Markup copy.
    return value if _is_plain(value) else md_escape(value)


_REQUIRED = object()  # tr() without a default: the field must be there
# The schema's kinds of commune-level unit, as the keys of their words (strings.yml: unit-kind-xa, ...) name them.
UNIT_KIND_KEYS = {"Xã": "xa", "Phường": "phuong", "Thị trấn": "thi-tran"}
# Vietnam's administrative kinds a unit's district or successor is named with ("Thành phố Kon Tum"), the longest
# first: "Thị xã" before "Xã". Their words in each edition are the catalogue's unit-kind-<key>.
ADMIN_KIND_KEYS = {
    "Thành phố": "thanh-pho",
    "Thị trấn": "thi-tran",
    "Thị xã": "thi-xa",
    "Đặc khu": "dac-khu",
    "Huyện": "huyen",
    "Phường": "phuong",
    "Tỉnh": "tinh",
    "Xã": "xa",
}


def _whole_words(words: Any) -> re.Pattern[str]:
    """Any of ``words`` as a whole word (the longest first, where one begins another)."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})(?!\w)")


class Filters:
    """Filters that need the model or the language: errata, links to the source, dates, numbers, translations."""

    def __init__(self, model: Model, lang: str) -> None:
        self.lang = lang
        # This edition's text is a translation of the article's Vietnamese, not the original: quotes are shown
        # translated, with the original beside them where the page says so.
        self.translated = editions().translated(lang)
        self._cites: dict[tuple[str, ...], Markup] = {}
        # All errata in one pattern (longest first), compiled once: text is corrected in one pass.
        rights = {erratum["wrong"]: erratum["right"] for erratum in model.errata}
        self._rights = rights
        self._errata = _whole_words(rights) if rights else None
        by_paragraph: dict[str, dict[str, str]] = {}
        for erratum in model.errata:
            by_paragraph.setdefault(erratum["paragraph"], {})[erratum["wrong"]] = erratum["right"]
        # paragraph id → the pattern of its typos, and each typo's correction (the source page marks them there)
        self._typos = {pid: (_whole_words(typos), typos) for pid, typos in by_paragraph.items()}

    def fixed(self, text: str, quoted: bool = False) -> Markup:
        """Text from the article with its typos corrected, and a link to the errata where one was; with
        ``quoted``, in quotation marks, the link outside them (it is not part of the article's words)."""
        text, changed = self._errata.subn(lambda match: self._rights[match.group(0)], text) if self._errata else (text, 0)
        out = Markup("“") + md_escape(text) + Markup("”") if quoted else md_escape(text)
        if changed:
            out += Markup(
                f' [({self.t("erratum-link")})]({SOURCE_PAGE}#dinh-chinh "{self.t("erratum-link-title")}"){{ .erratum }}'
            )
        return out

    def verbatim(self, paragraph: Any) -> Markup:
        """A paragraph of the article as it is written, each typo the errata list in it followed by its correction
        (in brackets, site.css), a link to the list: a reader sees the slip where it is, and the words stay the
        article's. The correction is not searched (it is the article's words that this page holds)."""
        text = paragraph.text
        if paragraph.id not in self._typos:
            return md_escape(text)
        pattern, typos = self._typos[paragraph.id]
        title, out, start = self.t("erratum-mark-title"), Markup(), 0
        for match in pattern.finditer(text):
            out += md_escape(text[start : match.end()], line_start=not start)
            right = md_escape(typos[match.group(0)], line_start=False)
            out += Markup(f'[{right}](#dinh-chinh "{title}"){{ .erratum-fix data-search-exclude="" }}')  # spaced by CSS
            start = match.end()
        return out + md_escape(text[start:], line_start=False)

    def cite(self, sources: list[dict[str, Any]] | list[str]) -> Markup:
        pids = tuple(dict.fromkeys(source if isinstance(source, str) else source["paragraph"] for source in sources))
        if pids not in self._cites:  # the same few paragraphs are cited again and again
            word, see = self.t("cite-link"), self.t("cite-link-title")
            self._cites[pids] = Markup(" ").join(
                Markup(f'[{word} {pid[1:]}]({SOURCE_PAGE}#{pid} "{see.format(n=pid[1:])}"){{ .cite data-search-exclude="" }}')
                for pid in pids
            )
        return self._cites[pids]

    def tr(self, entry: Any, field: str, default: Any = _REQUIRED) -> Any:
        """An entry's text in this edition's language: ``label`` or ``label_en`` (``default`` if it has none)."""
        key = f"{field}_{self.lang}" if self.translated else field
        if default is not _REQUIRED and (key not in entry if isinstance(entry, dict) else not hasattr(entry, key)):
            return default
        return entry[key] if isinstance(entry, dict) else getattr(entry, key)

    def said(self, entry: Any, field: str) -> Any:
        """An entry's text in this edition: the article's own words with their typos corrected, or the translation."""
        text = self.tr(entry, field)
        return text if self.translated else self.fixed(text)

    def t(self, key: str, markdown: bool = False, **values: Any) -> Any:
        """The site's own words (strings.yml) in this edition's language, shown as plain text. With values (or
        markdown=True) the text is Markdown with {name} places: the values are escaped into it, the text is not."""
        text = strings.t(key, self.lang)
        if not values and not markdown:
            return text
        # A value inside the text cannot start a Markdown block: escaped as text within a line, unless it opens the text.
        # Every value is Markup once escaped, so str.format puts them in as Markup.format would, without its
        # pure-Python formatter (a tenth of rendering large data).
        escaped = {
            name: value if isinstance(value, Markup) else md_escape(value, line_start=text.startswith(f"{{{name}}}"))
            for name, value in values.items()
        }
        return Markup(text.format(**escaped))

    def place_name(self, place: dict[str, Any], lower: bool = False) -> str:
        """A place as this edition names it: "Xã Thử Nghiệm" (with ``lower``, "xã Thử Nghiệm", as
        within a sentence) / "Thử Nghiệm commune". Names keep their Vietnamese spelling."""
        kind = self.tr(place, "kind")
        # The order and case are each language's (strings.yml, place-name): "Xã Thử Nghiệm", "Thử Nghiệm commune".
        return strings.t("place-name", self.lang).format(
            name=place["name"], kind=kind.lower() if lower else kind, kind_lower=kind.lower()
        )

    def admin_name(self, text: str) -> str:
        """An administrative name as this edition writes it: "Phường Kon Tum, Tỉnh Quảng Ngãi" stays in Vietnamese,
        is "Kon Tum ward, Quảng Ngãi province" in English (the catalogue's place-name order and kind words). A
        part with no known kind is left as written."""
        if not self.translated:
            return text
        parts = []
        for part in text.split(", "):
            kind = next((kind for kind in ADMIN_KIND_KEYS if part.startswith(kind + " ")), None)
            if kind is None:
                parts.append(part)
                continue
            word = self.t(f"unit-kind-{ADMIN_KIND_KEYS[kind]}")
            parts.append(
                strings.t("place-name", self.lang).format(name=part[len(kind) + 1 :], kind=word, kind_lower=word.lower())
            )
        return ", ".join(parts)

    def unit_kind(self, kind: str) -> str:
        """A unit's kind (Xã, Phường, Thị trấn) as this edition writes it within a sentence: "xã", "commune"."""
        return self.t(f"unit-kind-{UNIT_KIND_KEYS[kind]}")

    def unit_count(self, kind: str, n: int) -> Any:
        """``n`` units of a kind as this edition says it: "85 xã", "85 communes"; the key's -one or -other
        text, by the edition's plural rules (CLDR's, from Babel): "1 commune"."""
        form = "one" if Locale.parse(self.lang).plural_form(n) == "one" else "other"
        return self.t(f"units-{UNIT_KIND_KEYS[kind]}-{form}", n=n)

    def date_text(self, date: Date) -> str:
        """Vietnamese dates as the article writes them (12/01/2024); other languages in their own words, by
        Babel (Material's dependency): 12 January 2024."""
        return format_date(date, "long", self.lang) if self.translated else format_date(date, "written")

    def time_tag(self, date: Date) -> Markup:
        return Markup(f'<time datetime="{format_date(date, "iso")}">{escape(self.date_text(date))}</time>')

    def spelled(self, value: int) -> str:
        """A small count as the edition's prose writes it (strings.yml, spelled-0 to spelled-10: "three" in
        English; digits in Vietnamese, as the article writes them); a larger one in digits."""
        key = f"spelled-{int(value)}" if value == int(value) else ""  # a YAML 10.0 is ten too
        return self.t(key) if key in strings.strings() else str(value)

    def number(self, value: float, digits: int | None = None) -> str:
        """A number in this edition's way, by Babel: 7,4 in Vietnamese, 7.4 in English; to ``digits`` decimals,
        else with as many as it has."""
        return numerals.format_number(value, self.lang, digits)

    def as_written(self, written: str | int) -> str:
        """A number as the article writes it (6.185, 12/15, a printed percentage 29,75), in this edition's way:
        as written in Vietnamese; 6,185 and 29.75 in English."""
        return numerals.in_language(written, self.lang)


def yaml_string(value: Any) -> Markup:
    """A value for the pages' YAML front matter (a JSON string is valid YAML)."""
    return Markup(
        yaml.safe_dump(" ".join(str(value).split()), allow_unicode=True, width=10**6).strip().removesuffix("...").strip()
    )


def json_value(value: Any) -> Markup:
    """A value for the front matter as JSON (a JSON object is valid YAML): schema.org JSON-LD."""
    return Markup(json.dumps(value, ensure_ascii=False, sort_keys=True))
