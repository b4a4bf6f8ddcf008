"""Render the model into pages (pagefile.PageFile: front matter and Markdown body), every page of the registry
(pages.py) that the data makes, in every edition, through the Jinja environment of templating.py.

A page's listings are written by macros of its template, called where the page has them as ``listing(macro)``.
Each page's listings are measured first (parts.py), and a page past pages.LIMIT becomes the index of its
parts; then every page is rendered, its links to an anchor written by ``href``, which knows where each anchor
is (the moved anchors' map, also written for old links: parts.MOVED_ANCHORS).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import jinja2

from . import pages as registry
from .languages import editions
from .model import Model
from .pagefile import PageFile
from .parts import MOVED_ANCHORS, moved_anchors, plan, render_parts
from .templating import View, environment, page_module


def render_pages(model: Model) -> dict[str, PageFile | bytes]:
    """Output path (relative to docs/) → page: every page of the registry (pages.py) that the data makes, in every
    language, and the parts of those past pages.LIMIT (with the map of the anchors they took, MOVED_ANCHORS).

    Every page ends with the glossary's abbreviation definitions (Markdown's abbr syntax), written into the
    page itself so that any engine reading the Markdown shows the same tooltips.
    """
    envs = {lang: environment(model, lang) for lang in editions().locales}
    abbreviations = {lang: env.get_template("_abbreviations.md.j2").render() for lang, env in envs.items()}
    splits = plan(model, envs, abbreviations)
    moved = {slug: split.moved(model) for slug, split in splits.items()}
    pages: dict[str, PageFile | bytes] = {}
    for lang, env in envs.items():
        view = cast(View, env.globals["view"])
        view.moved = moved
        for page in registry.present(model.data):
            view.split = splits.get(page.slug)
            view.mode = "whole" if view.split is None else "index"
            rendered = render_page(env, page, abbreviations[lang])
            if view.split is not None:  # overrides/main.html: an old link to an anchor that moved finds its part
                rendered = PageFile({**rendered.meta, "moved_anchors": page.slug}, rendered.body)
            pages[editions().page_file(page.markdown_file, lang)] = rendered
            if view.split is not None:
                pages.update(render_parts(env, page, view.split, lang, abbreviations[lang]))
    if moved:
        pages[MOVED_ANCHORS] = moved_anchors(moved)
    return dict(sorted(pages.items()))


def render_page(env: jinja2.Environment, page: registry.Page, abbreviations: str) -> PageFile:
    """One page in the environment's language, its listings as the environment's view says. Its front matter:
    the registry's title, site.yml's description of the page, and the keys its template sets in ``meta`` (which
    win); its body: what the template writes."""
    view = cast(View, env.globals["view"])
    template = page_module(env, page, view.mode)
    own: dict[str, Any] = getattr(template, "meta", {})
    t = cast(Callable[..., str], env.globals["t"])
    described = own["description"] if "description" in own else env.filters["tr"](env.globals["site"], "pages")[page.slug]
    meta = {"title": t(page.title), "description": described, **own}
    return PageFile(meta, f"{template}\n{abbreviations}")
