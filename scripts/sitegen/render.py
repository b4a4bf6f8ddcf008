"""Render the model into pages (pagefile.PageFile: front matter and Markdown body) through the Jinja templates
in templates/.

Every value a template prints is escaped for Markdown and HTML by default (filters.py's ``finalize``), so text
from the data always shows as literal text; templates and filters that build Markdown return ``Markup``.

A page's listings (pages.py) are written by macros of its template, called where the page has them as
``listing(macro)``. Each page's listings are measured first, and a page past pages.LIMIT becomes the index of
its parts, derived by pages.split; then every page is rendered, its links to an anchor written by ``href``,
which knows where each anchor is (the moved anchors' map, also written for old links: MOVED_ANCHORS).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
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
# The anchors that moved to a part, read by overrides/main.html on an index page asked for one it no longer has.
# A script, not JSON: a page opened from disk (the offline edition) may load a script but not fetch a file.
MOVED_ANCHORS = "assets/javascripts/moved-anchors.js"


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


def _bytes(text: str) -> int:
    return len(text.encode("utf-8"))


def page_module(env: jinja2.Environment, page: registry.Page, mode: str) -> Any:
    """The page's template rendered with its listings ``mode``, as a module: str() is the page, its macros are
    attributes."""
    view = cast(View, env.globals["view"])
    view.page, view.mode, view.file = page, mode, page.markdown_file
    return env.get_template(page.markdown_file + ".j2").make_module({"page": page})


def plan(model: Model, envs: dict[str, jinja2.Environment], abbreviations: dict[str, str]) -> dict[str, registry.Split]:
    """The pages past pages.LIMIT, and their parts: each listing's groups measured in every edition (the largest
    counts), with the page's own words around them."""
    splits: dict[str, registry.Split] = {}
    taken = {page.slug for page in registry.PAGES}
    for page in registry.present(model.data):
        if not page.listings:
            continue
        groups = {listing.macro: registry.groups(listing, model) for listing in page.listings}
        sizes = {macro: [0] * len(found) for macro, found in groups.items()}
        whole = 0
        for lang, env in envs.items():
            module = page_module(env, page, "bare")
            total = _bytes(str(module)) + _bytes(abbreviations[lang])
            for listing in page.listings:
                found = measure(getattr(module, listing.macro), listing, groups[listing.macro])
                sizes[listing.macro] = [max(pair) for pair in zip(sizes[listing.macro], found)]
                total += sum(found)
            whole = max(whole, total)
        split = registry.split(page, whole, {macro: list(zip(groups[macro], sizes[macro])) for macro in groups}, taken)
        if split is not None:
            splits[page.slug] = split
    return splits


SAMPLE = 50  # entries of a listing measured, at most: a longer one's groups are estimated from them


def measure(macro: Any, listing: registry.Listing, groups: list[registry.Group]) -> list[int]:
    """Each group's bytes as its listing's macro writes it on a part: each written whole, for a short listing;
    for a longer one, the macro's own words around its entries (a table's head) and, per entry, what SAMPLE
    entries spread evenly over the listing take."""
    part = registry.Part("", listing, tuple(groups[:1]))
    entries = [entry for group in groups for entry in group.entries]
    if len(entries) <= SAMPLE:
        return [_bytes(str(call(macro, list(group.entries), part))) for group in groups]
    frame = _bytes(str(call(macro, [], part)))
    sample = [entries[index * len(entries) // SAMPLE] for index in range(SAMPLE)]
    each = (_bytes(str(call(macro, sample, part))) - frame) / SAMPLE
    return [frame + math.ceil(each * len(group.entries)) for group in groups]


def call(macro: Any, entries: list[dict[str, Any]], part: registry.Part | None = None) -> Markup:
    """A listing's macro on some of its entries; ``part``: the part they are written on, for a macro that asks
    (a numbered list goes on from its run's start, a count says its group's whole, a part says what it is)."""
    return cast(Markup, macro(entries, part=part) if "part" in macro.arguments else macro(entries))


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


def render_parts(
    env: jinja2.Environment, page: registry.Page, split: registry.Split, lang: str, abbreviations: str
) -> dict[str, PageFile]:
    """The parts of a split page, in one language: each its listing's macro on its entries, in templates/_part.md.j2."""
    module = page_module(env, page, "bare")
    t = cast(Callable[..., Any], env.globals["t"])
    view = cast(View, env.globals["view"])
    frame = env.get_template("_part.md.j2")
    out: dict[str, PageFile] = {}
    for listing in page.listings:
        parts = split.of(listing)
        named = getattr(module, f"{listing.macro}_group", None)
        titles = [part_title(t, named, part, parts) for part in parts]
        for index, part in enumerate(parts):
            view.file = part.markdown_file
            body = call(getattr(module, listing.macro), part.entries, part)
            onward = [(titles[i], parts[i].markdown_file) for i in (index - 1, index + 1) if 0 <= i < len(parts)]
            text = frame.render(
                page=page,
                part=part,
                title=titles[index],
                body=body,
                listing=listing,
                previous=onward[0] if index > 0 else None,
                next=onward[-1] if index + 1 < len(parts) else None,
            )
            meta = {
                "title": plain(t("part-title", page=t(page.title), names=titles[index])),
                "description": env.filters["tr"](env.globals["site"], "pages")[page.slug],
                "part_of": page.slug or "index",
            }
            out[editions().page_file(part.markdown_file, lang)] = PageFile(meta, f"{text}\n{abbreviations}")
    return out


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


def plain(text: str) -> str:
    """Markdown of one line as the plain text it shows (a page's title in its front matter)."""
    return re.sub(r"\\(.)", r"\1", Markup(text).striptags())


def moved_anchors(moved: dict[str, dict[str, str]]) -> bytes:
    """The map of moved anchors, as a script that sets it: page slug → anchor → the part's slug (ids and slugs,
    which the schema keeps to lower-case letters, digits and hyphens), as JSON."""
    return f"var sitegenMovedAnchors={json.dumps(moved, sort_keys=True, separators=(',', ':'))};\n".encode()
