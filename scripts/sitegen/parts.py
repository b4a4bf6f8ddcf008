"""Long pages, split by their data: each page's listings (pages.py) measured in every edition, a page past
pages.LIMIT planned as the index of its parts (pages.split derives them from the groups of its entries), the
parts rendered through templates/_part.md.j2, and the map of the anchors that moved to a part (MOVED_ANCHORS),
which overrides/main.html reads when an old link asks an index page for an anchor it no longer has.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any, cast

import jinja2
from markupsafe import Markup

from . import pages as registry
from .languages import editions
from .model import Model
from .pagefile import PageFile
from .templating import View, page_module, part_title

# A script, not JSON: a page opened from disk (the offline edition) may load a script but not fetch a file.
MOVED_ANCHORS = "assets/javascripts/moved-anchors.js"


def _bytes(text: str) -> int:
    return len(text.encode("utf-8"))


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


def plain(text: str) -> str:
    """Markdown of one line as the plain text it shows (a page's title in its front matter)."""
    return re.sub(r"\\(.)", r"\1", Markup(text).striptags())


def moved_anchors(moved: dict[str, dict[str, str]]) -> bytes:
    """The map of moved anchors, as a script that sets it: page slug → anchor → the part's slug (ids and slugs,
    which the schema keeps to lower-case letters, digits and hyphens), as JSON."""
    return f"var sitegenMovedAnchors={json.dumps(moved, sort_keys=True, separators=(',', ':'))};\n".encode()
