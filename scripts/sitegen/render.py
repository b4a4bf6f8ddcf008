"""Render the model into pages (pagefile.PageFile: front matter and Markdown body) through the Jinja templates
in templates/.

Every value a template prints is escaped for Markdown and HTML by default (filters.py's ``finalize``), so text
from the data always shows as literal text; templates and filters that build Markdown return ``Markup``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import jinja2
from markupsafe import Markup

from . import pages as registry
from .dates import format_date
from .filters import Filters, finalize, md_escape
from .languages import editions
from .model import Model
from .pagefile import PageFile
from .pictures import Pictures

TEMPLATES = Path(__file__).with_name("templates")


class CompiledTemplates(jinja2.BytecodeCache):
    """Each template compiled once a process, not once an edition and a build: compiling was ~90 % of rendering
    this site's pages (a `mkdocs serve` rebuild renders in a tenth of the time). Kept in memory only, by the
    template's name and the checksum of its source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def environment(model: Model, lang: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*registry.EXTRA_TEMPLATES, TEMPLATES]),
        autoescape=True,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=COMPILED,
    )
    filters = Filters(model, lang)
    env.filters.update(
        fixed=filters.fixed,
        cite=filters.cite,
        spelled=filters.spelled,
        time=filters.time_tag,
        number=filters.number,
        as_written=filters.as_written,
        cap=lambda text: text[:1].upper() + text[1:],
        iso_date=lambda date: format_date(date, "iso"),
        tr=filters.tr,
        said=filters.said,
        place_name=filters.place_name,
        unit_kind=filters.unit_kind,
        admin_name=filters.admin_name,
        unit_count=filters.unit_count,
        quoted=lambda text: Markup("“") + md_escape(text) + Markup("”"),
    )
    env.globals.update(
        registry=registry.present(model.data),  # the pages the data makes: a link to another one is an error
        model=model,
        article=model.article,
        article_meta=model.data["article"],
        site=model.data["site"],
        lang=lang,
        languages=list(editions().locales),
        translated=filters.translated,
        t=filters.t,
        # The article in this edition's language: translation.yml's `translation` is the English one (as the data's
        # `_en` texts are), and serves any edition that has no `translation_<lang>` of its own.
        translation=model.data.get(f"translation_{lang}", model.data["translation"]),
        pictures=Pictures(model, lang, filters.tr, filters.date_text, filters.place_name),
    )
    return env


def render_pages(model: Model) -> dict[str, PageFile]:
    """Output path (relative to docs/) → page: every page of the registry (pages.py) that the data makes, in every
    language.

    Every page ends with the glossary's abbreviation definitions (Markdown's abbr syntax), written into the
    page itself so that any engine reading the Markdown shows the same tooltips.
    """
    pages: dict[str, PageFile] = {}
    for lang in editions().locales:
        env = environment(model, lang)
        abbreviations = env.get_template("_abbreviations.md.j2").render()
        for page in registry.present(model.data):  # one file a registry entry: a collection split in groups would list more
            pages[editions().page_file(page.markdown_file, lang)] = render_page(env, page, abbreviations)
    return dict(sorted(pages.items()))


def render_page(env: jinja2.Environment, page: registry.Page, abbreviations: str) -> PageFile:
    """One page in the environment's language. Its front matter: the registry's title, site.yml's description
    of the page, and the keys its template sets in ``meta`` (which win); its body: what the template writes."""
    template = env.get_template(page.markdown_file + ".j2").make_module({"page": page})
    own: dict[str, Any] = getattr(template, "meta", {})
    t = cast(Callable[..., str], env.globals["t"])
    described = own["description"] if "description" in own else env.filters["tr"](env.globals["site"], "pages")[page.slug]
    meta = {"title": t(page.title), "description": described, **own}
    return PageFile(meta, f"{template}\n{abbreviations}")
