"""Render the model into Markdown pages through the Jinja templates in templates/.

Every value a template prints is escaped for Markdown and HTML by default (see ``_finalize``), so text
from the data always shows as literal text; templates and filters that build Markdown return ``Markup``.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import jinja2
import yaml
from babel.dates import format_date
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from . import pages as registry
from . import strings
from .cache import subfolder
from .dates import parse_date
from .loader import Loader
from .model import Model
from .paginate import paginate
from .pictures import Pictures

TEMPLATES = Path(__file__).with_name("templates")
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


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    # Plain text goes to autoescaping as it is (which leaves it unchanged) rather than as a second Markup copy.
    return value if _is_plain(value) else md_escape(value)


LANGUAGES = ("vi", "en")  # the first is the default edition, at /; the others under /<lang>/
_REQUIRED = object()  # tr() without a default: the field must be there


class Filters:
    """Filters that need the model or the language: errata, links to the source, dates, numbers, translations."""

    def __init__(self, model: Model, lang: str) -> None:
        self.lang = lang
        # This edition's text is a translation of the article's Vietnamese, not the original: quotes are shown
        # translated, with the original beside them where the page says so.
        self.translated = lang != LANGUAGES[0]
        self._cites: dict[tuple[str, ...], Markup] = {}
        # All errata in one pattern (longest first), compiled once: text is corrected in one pass.
        rights = {erratum["wrong"]: erratum["right"] for erratum in model.errata}
        wrongs = sorted(rights, key=len, reverse=True)
        self._rights = rights
        self._errata = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, wrongs))})(?!\w)") if wrongs else None

    def fixed(self, text: str, quoted: bool = False) -> Markup:
        """Text from the article with its typos corrected, and a link to the errata where one was; with
        ``quoted``, in quotation marks, the link outside them (it is not part of the article's words)."""
        text, changed = self._errata.subn(lambda match: self._rights[match.group(0)], text) if self._errata else (text, 0)
        out = Markup("“") + md_escape(text) + Markup("”") if quoted else md_escape(text)
        if changed:
            out += Markup(f' [({self.t("corrected")})]({SOURCE_PAGE}#dinh-chinh "{self.t("see-the-corrections")}"){{ .erratum }}')
        return out

    def cite(self, sources: list[dict[str, Any]] | list[str]) -> Markup:
        pids = tuple(dict.fromkeys(source if isinstance(source, str) else source["paragraph"] for source in sources))
        if pids not in self._cites:  # the same few paragraphs are cited again and again
            word, see = self.t("cite-word"), self.t("cite-title")
            self._cites[pids] = Markup(" ").join(
                Markup(f'[{word} {pid[1:]}]({SOURCE_PAGE}#{pid} "{see.format(n=pid[1:])}"){{ .cite data-search-exclude="" }}')
                for pid in pids
            )
        return self._cites[pids]

    def tr(self, entry: Any, field: str, default: Any = _REQUIRED) -> Any:
        """An entry's text in this edition's language: ``label`` or ``label_en`` (``default`` if it has none)."""
        key = field if self.lang == LANGUAGES[0] else f"{field}_{self.lang}"
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
        return Markup(text).format(
            **{
                name: value if isinstance(value, Markup) else md_escape(value, line_start=text.startswith(f"{{{name}}}"))
                for name, value in values.items()
            }
        )

    def say(self, *texts: str) -> str:
        """The template's own words, given in every language in LANGUAGES' order: say("Nguồn", "Source")."""
        return texts[LANGUAGES.index(self.lang)]

    def place_name(self, place: dict[str, Any], lower: bool = False) -> str:
        """A place as this edition names it: "Phường Quyết Thắng" (with ``lower``, "phường Quyết Thắng", as
        within a sentence) / "Quyết Thắng ward". Names keep their Vietnamese spelling."""
        kind = self.tr(place, "kind")
        # The order and case are each language's (strings.yml, place-name): "Phường Quyết Thắng", "Quyết Thắng ward".
        return strings.t("place-name", self.lang).format(
            name=place["name"], kind=kind.lower() if lower else kind, kind_lower=kind.lower()
        )

    def date_text(self, date: str) -> str:
        """Vietnamese dates as the article writes them (12/01/2024); other languages in their own words, by
        Babel (Material's dependency): 12 January 2024."""
        if self.lang == LANGUAGES[0]:
            return date
        return format_date(parse_date(date), "d MMMM y", locale=self.lang)

    def time_tag(self, date: str) -> Markup:
        return Markup(f'<time datetime="{parse_date(date).isoformat()}">{escape(self.date_text(date))}</time>')

    def spelled(self, value: int) -> str:
        """A small count as English prose writes it (three, four); digits in Vietnamese, as the article writes them."""
        words = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
        return words[value] if self.lang == "en" and 0 <= value < len(words) else str(value)

    def number(self, value: float, digits: int = 0) -> str:
        """A number in this edition's way, by Babel: 7,4 in Vietnamese, 7.4 in English."""
        return format_decimal(value, format="#,##0" + ("." + "0" * digits if digits else ""), locale=self.lang)


def yaml_string(value: Any) -> Markup:
    """A value for the pages' YAML front matter (a JSON string is valid YAML)."""
    return Markup(
        yaml.safe_dump(" ".join(str(value).split()), allow_unicode=True, width=10**6).strip().removesuffix("...").strip()
    )


def json_value(value: Any) -> Markup:
    """A value for the front matter as JSON (a JSON object is valid YAML): schema.org JSON-LD."""
    return Markup(json.dumps(value, ensure_ascii=False, sort_keys=True))


@functools.cache
def _template_cache() -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates, kept between builds (each `mkdocs build` is a new process), in the
    per-user cache folder that cache.py checks (owned by this user, writable by nobody else): never in a
    shared temporary folder. One file per template, replaced when the template changes: it cannot grow."""
    folder = subfolder("templates")
    return jinja2.FileSystemBytecodeCache(str(folder)) if folder else None


def environment(model: Model, lang: str = LANGUAGES[0]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*registry.EXTRA_TEMPLATES, TEMPLATES]),
        bytecode_cache=_template_cache(),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    filters = Filters(model, lang)
    env.filters.update(
        fixed=filters.fixed,
        cite=filters.cite,
        spelled=filters.spelled,
        time=filters.time_tag,
        number=filters.number,
        cap=lambda text: text[:1].upper() + text[1:],
        yaml=yaml_string,
        json=json_value,
        iso_date=lambda date: parse_date(date).isoformat(),
        tr=filters.tr,
        said=filters.said,
        place_name=filters.place_name,
        quoted=lambda text: Markup("“") + md_escape(text) + Markup("”"),
    )
    env.globals.update(
        registry=registry.PAGES,
        model=model,
        article=model.article,
        article_meta=model.data["article"],
        site=model.data["site"],
        lang=lang,
        translated=filters.translated,
        say=filters.say,
        t=filters.t,
        translation=model.data["translation"],
        pictures=Pictures(model, lang, filters.tr, filters.date_text, filters.place_name),
    )
    return env


def output_path(path: str, lang: str) -> str:
    """index.md → index.md in the default language, index.en.md in English (mkdocs-static-i18n's suffixes)."""
    return path if lang == LANGUAGES[0] else path.removesuffix(".md") + f".{lang}.md"


def front_matter(markdown: str) -> dict[str, Any]:
    if markdown.startswith("---\n"):
        return yaml.load(markdown.split("---\n", 2)[1], Loader=Loader) or {}
    return {}


def render_pages(model: Model) -> dict[str, str]:
    """Output path (relative to docs/) → Markdown: every page of the registry (pages.py), in every language.

    Every page ends with the glossary's abbreviation definitions (Markdown's abbr syntax), written into the
    page itself so that any engine reading the Markdown shows the same tooltips.
    """
    pages: dict[str, str] = {}
    for lang in LANGUAGES:
        env = environment(model, lang)
        abbreviations = env.get_template("_abbreviations.md.j2").render()
        edition = {page.markdown_file: env.get_template(page.markdown_file + ".j2").render(page=page) for page in registry.PAGES}
        for file, text in paginate(edition, functools.partial(strings.t, lang=lang)).items():
            pages[output_path(file, lang)] = f"{text}\n{abbreviations}"
    return dict(sorted(pages.items()))
