"""Render the model into Markdown pages through the Jinja templates in templates/.

Every value a template prints is escaped for Markdown and HTML by default (filters.py's ``finalize``), so text
from the data always shows as literal text; templates and filters that build Markdown return ``Markup``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup

from . import pages as registry
from .dates import parse_date
from .filters import Filters, finalize, json_value, md_escape, yaml_string
from .languages import LANGUAGES
from .loader import Loader
from .model import Model
from .pictures import Pictures

TEMPLATES = Path(__file__).with_name("templates")


def environment(model: Model, lang: str = LANGUAGES[0]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*registry.EXTRA_TEMPLATES, TEMPLATES]),
        autoescape=True,
        finalize=finalize,
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
        unit_kind=filters.unit_kind,
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
        for page in registry.PAGES:
            text = env.get_template(page.markdown_file + ".j2").render(page=page)
            pages[output_path(page.markdown_file, lang)] = f"{text}\n{abbreviations}"
    return dict(sorted(pages.items()))
