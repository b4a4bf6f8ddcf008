"""The Jinja environment a page is rendered in, one per edition: the templates in templates/ (and the pages'
own, pages.EXTRA_TEMPLATES), compiled once a process; the filters (filters.py) and the globals the templates
read (the model, the site's words, the pictures); and the ``View``: which page is being rendered, and how its
listings show (whole, left out to be measured, or as links to the parts of a long page, ``part_links``).

Every value a template prints is escaped for Markdown and HTML by default (filters.py's ``finalize``), so text
from the data always shows as literal text; templates and filters that build Markdown return ``Markup``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType
from typing import Any, cast

import jinja2
from markupsafe import Markup

from . import pages as registry
from .dates import format_date
from .filters import Filters, finalize, md_escape
from .languages import editions
from .model import Model
from .pictures import Pictures

TEMPLATES = Path(__file__).with_name("templates")


class CompilingLoader(jinja2.FileSystemLoader):
    """Templates from folders, each compiled once a process rather than once an edition and a build: compiling
    was ~90 % of rendering this site's pages (a `mkdocs serve` rebuild renders in a fifth of the time). The
    compiled code stays a Python object in ``compiled``, by the template's name and its whole source (an edited
    template is compiled again); it is never serialised, written to a file or read back from one, so no planted
    file can stand in for it. Environments that share ``compiled`` must be made alike."""

    def __init__(self, searchpath: Sequence[str | os.PathLike[str]], compiled: dict[tuple[str, str], CodeType]) -> None:
        super().__init__(searchpath)
        self.compiled = compiled

    def load(
        self, environment: jinja2.Environment, name: str, globals: MutableMapping[str, Any] | None = None
    ) -> jinja2.Template:
        source, filename, uptodate = self.get_source(environment, name)
        key = (name, source)
        if key not in self.compiled:
            self.compiled[key] = cast(CodeType, environment.compile(source, name, filename))
        return environment.template_class.from_code(environment, self.compiled[key], environment.make_globals(globals), uptodate)


COMPILED: dict[tuple[str, str], CodeType] = {}  # sitegen's templates, compiled (CompilingLoader)


@dataclass
class View:
    """What the template being rendered shows (the environment's one; pages are rendered one at a time): which
    page and file, and its listings whole (``whole``), left out (``bare``: the page's own words, measured) or
    as links to their parts (``index``)."""

    page: registry.Page | None = None
    file: str = ""
    mode: str = "whole"
    split: registry.Split | None = None
    moved: dict[str, dict[str, str]] = field(default_factory=dict)  # page slug → anchor → the part it is on

    def href(self, target: str = "", anchor: str = "") -> Markup:
        """A link to a page (``target``: its file, "" for this one) and an anchor of it (or ``"page.md#anchor"``),
        where the anchor is now: on the page, or on the part of it its listing moved it to."""
        if "#" in target:
            target, anchor = target.split("#", 1)
        assert self.page is not None
        slug = target.removesuffix(".md") if target else self.page.slug
        slug = "" if slug == "index" else slug
        file = (self.moved.get(slug, {}).get(anchor) or slug or "index") + ".md"
        if anchor and file == self.file and not target:  # a link within the page, written as it always was
            return Markup(f"#{anchor}")
        return Markup(f"{file}#{anchor}" if anchor else file)


class _Environment(jinja2.Environment):
    """Jinja's environment, with `entry.field` on the data's entries (dicts) looked up as Jinja would, key first.

    Jinja tries an attribute first and the key after it: on a dict that is an AttributeError raised and caught for
    every field a template prints (a fifth of rendering large data). A name that is not an attribute of dict
    (`items`, `update`, ... are) can only be a key, so it is looked up as one; the answer is the same."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and not hasattr(dict, attribute):
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def environment(model: Model, lang: str) -> jinja2.Environment:
    env = _Environment(
        loader=CompilingLoader([*registry.EXTRA_TEMPLATES, TEMPLATES], COMPILED),
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
        verbatim=filters.verbatim,
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
        one_line=lambda text: Markup(" ".join(str(text).split())),  # text that Markdown takes as it is (an abbr's title)
    )
    view = View()

    @jinja2.pass_context
    def listing(context: jinja2.runtime.Context, macro: Any) -> Markup:
        """A listing of the page, in the page's place for it: its entries, nothing, or links to its parts."""
        assert view.page is not None
        entry = next(item for item in view.page.listings if item.macro == macro.name)
        if view.mode == "bare":
            return Markup("")
        if view.mode == "whole" or view.split is None:
            return cast(Markup, macro(entry.entries(model)))
        name = context.resolve_or_missing(f"{macro.name}_group")
        return part_links(context.environment, view.split.of(entry), None if name is jinja2.utils.missing else name)

    env.globals.update(
        view=view,
        listing=listing,
        href=view.href,
        tree=tree,
        grouped=grouped,
        registry=registry.present(model.data),  # the pages the data makes: a link to another one is an error
        home_cards=registry.HOME_CARDS,
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


def tree(places: list[dict[str, Any]]) -> list[tuple[dict[str, Any], int]]:
    """Places listed from each province down, each with its depth among them (a place whose parent is not among
    them starts a tree of its own)."""
    depths: dict[str, int] = {}
    out = []
    for place in places:
        depths[place["id"]] = depths.get(place.get("parent", ""), -1) + 1
        out.append((place, depths[place["id"]]))
    return out


def grouped(entries: list[dict[str, Any]], key: str) -> list[tuple[Any, list[dict[str, Any]]]]:
    """Entries by the value of ``key``, in the order the values first come (Jinja's groupby sorts them)."""
    groups: dict[Any, list[dict[str, Any]]] = {}
    for entry in entries:
        groups.setdefault(entry[key], []).append(entry)
    return list(groups.items())


def page_module(env: jinja2.Environment, page: registry.Page, mode: str) -> Any:
    """The page's template rendered with its listings ``mode``, as a module: str() is the page, its macros are
    attributes."""
    view = cast(View, env.globals["view"])
    view.page, view.mode, view.file = page, mode, page.markdown_file
    return env.get_template(page.markdown_file + ".j2").make_module({"page": page})


def part_title(t: Callable[..., Any], named: Any, part: registry.Part, parts: list[registry.Part]) -> Markup:
    """What a part holds: its group (and the run's number, n/of), its first and last groups, or its number."""
    names = [Markup(named(group)).strip() if named is not None else Markup(group.key) for group in part.groups if group.key]
    if not names:
        return cast(Markup, t("part-number", n=parts.index(part) + 1))
    name = names[0] if len(names) == 1 else t("part-range", first=names[0], last=names[-1])
    return cast(Markup, t("part-run", name=name, n=part.run[0], of=part.run[1]) if part.run else name)


def part_links(env: jinja2.Environment, parts: list[registry.Part], named: Any) -> Markup:
    """On a split page, in its listing's place: each group, linked to the part it starts on (and to its next
    parts, for a group over several), with its number of entries; a list with no groups, or with more than
    pages.GROUP_LINKS of them, its parts, named by what they hold."""
    t = cast(Callable[..., Any], env.globals["t"])
    rows: list[tuple[Markup, str, list[str], int]] = []
    groups = sum(len(part.groups) for part in parts if part.run is None or part.run[0] == 1)
    if groups > registry.GROUP_LINKS or not any(group.key for part in parts for group in part.groups):
        return Markup(
            env.get_template("_parts.md.j2").render(
                rows=[(part_title(t, named, part, parts), part.markdown_file, [], len(part.entries)) for part in parts]
            )
        )
    for part in parts:
        for group in part.groups:
            if part.run is not None and part.run[0] > 1:
                rows[-1][2].append(part.markdown_file)
                continue
            listing = part.listing
            anchors = listing.group_anchors(env.globals["model"], group.key, list(group.entries)) or listing.anchors(
                group.entries[0]
            )
            target = f"{part.markdown_file}#{anchors[0]}" if anchors else part.markdown_file
            rows.append((Markup(named(group)).strip() if named is not None else Markup(group.key), target, [], group.total))
    return Markup(env.get_template("_parts.md.j2").render(rows=rows))
