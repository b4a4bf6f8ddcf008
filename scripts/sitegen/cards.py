"""Social cards: one 1200×630 PNG per page and edition, the link-preview image (og:image).

Drawn with Pillow and Be Vietnam Pro (vendored in fonts/, OFL), which has every Vietnamese letter: the site
name, the page title and the page's key figure with its date, or, on a page with no figure of its own, the page's
description (site.yml ``cards`` says which page shows which figure). A card is kept in the cache folder (the plugin's ``cache_dir``) by the
hash of everything drawn on it and of what draws it, so an unchanged page costs a file read on the next build,
not a drawing. The PNG bytes are copied into the site as they are: nothing read back is run or parsed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
from pathlib import Path
from typing import Any, cast

from .languages import editions
from .numerals import in_language
from .pagefile import PageFile

FONTS = Path(__file__).with_name("fonts")
SIZE = (1200, 630)
# Material's palette (site.css): the deep red passes contrast with white; ink and muted text as on the pages.
RED, INK, MUTED, PAPER = (179, 38, 30), (33, 33, 33), (90, 90, 90), (255, 255, 255)
KEEP_CARDS = 400  # 30 cards today (both editions), many versions each: the cache does not grow without end


def card_folder(cache_dir: Path | None) -> Path | None:
    """The drawn cards' folder, cards/ in ``cache_dir``, made if need be; None without a cache or where it cannot
    be made (a read-only project): then every card is drawn, and the build goes on."""
    if cache_dir is None:
        return None
    folder = cache_dir / "cards"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _store(path: Path, png: bytes) -> None:
    """Keep a card whole or not at all, and its folder to the newest KEEP_CARDS cards."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        temporary.write_bytes(png)
        os.replace(temporary, path)
        cards = sorted(path.parent.glob("*.png"), key=lambda card: card.stat().st_mtime, reverse=True)
        for old in cards[KEEP_CARDS:]:
            old.unlink()
    except OSError:  # a folder that cannot be written only costs the next build its drawing
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


@functools.cache
def _drawing_digest() -> str:
    """What else decides a card's pixels: this module's code and the fonts' bytes. In the cache key, so that a
    changed drawing or font is never served from a card drawn before it."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(FONTS.glob("*.ttf")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


MAX_CHARS = 400  # of a text drawn: more than three lines hold at any size, even of narrow letters


def _fit(draw: Any, word: str, font: Any, width: int) -> str:
    """``word``, or as much of it as fits ``width`` with an ellipsis: a word wider than the card is cut, never
    drawn past its edge (a very long one also takes Pillow seconds, or more pixels than it allows)."""
    if draw.textlength(word, font=font) <= width:
        return word
    low, high = 0, len(word)  # the longest start that fits with "…": found in log2(len) measurements
    while low < high:
        middle = (low + high + 1) // 2
        if draw.textlength(word[:middle] + "…", font=font) <= width:
            low = middle
        else:
            high = middle - 1
    return word[:low] + "…"


def _wrap(draw: Any, text: str, font: Any, width: int, most: int = 3) -> list[str]:
    """The lines of ``text`` within ``width``: ``most`` of them, and one more if the text goes on."""
    lines: list[str] = []
    for word in text[:MAX_CHARS].split():
        word = _fit(draw, word, font, width)
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += f" {word}"
        elif len(lines) > most:
            break
        else:
            lines.append(word)
    return lines


def _lines(draw: Any, text: str, font: Any, width: int, most: int) -> list[str]:
    """At most ``most`` lines of ``text`` within ``width``, the last ending with "…" where the text goes on."""
    lines = _wrap(draw, text, font, width, most)
    if len(lines) <= most:
        return lines
    return [*lines[: most - 1], _fit(draw, f"{lines[most - 1]} {lines[most]}", font, width)]  # cut: ends "…"


def draw_card(site_name: str, title: str, figure: str, label: str, when: str = "") -> bytes:
    """The card's PNG: ``figure`` large with its ``label`` and ``when`` (its date) beside it; without a figure,
    ``label`` alone (the page's description) across the card's foot."""
    from PIL import Image, ImageDraw, ImageFont  # only when a card must be drawn

    bold, regular = (str(FONTS / name) for name in ("BeVietnamPro-Bold.ttf", "BeVietnamPro-Regular.ttf"))
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, SIZE[1]), fill=RED)
    left, right = 80, SIZE[0] - 80
    width = right - left
    base = SIZE[1] - 64  # the foot's last baseline
    # The foot first: the title takes the room it leaves.
    label_font = ImageFont.truetype(regular, 30 if figure else 34)
    lead = 40 if figure else 46
    if figure:
        figure_font = ImageFont.truetype(bold, 104)
        figure = _fit(draw, figure[:MAX_CHARS], figure_font, width * 2 // 3)  # room left for its label
        draw.text((left, base), figure, font=figure_font, fill=RED, anchor="ls")
        label_left = left + int(draw.textlength(figure, font=figure_font)) + 36
    else:
        label_left = left
    when_font = ImageFont.truetype(bold, 30)
    when_lines = _lines(draw, when, when_font, right - label_left, 2) if when else []
    label_lines = _lines(draw, label, label_font, right - label_left, 4 - len(when_lines) if figure else 3)
    foot = [(line, label_font, INK if figure else MUTED) for line in label_lines]
    foot += [(line, when_font, INK) for line in when_lines]
    for index, (line, font, colour) in enumerate(reversed(foot)):
        draw.text((label_left, base - index * lead), line, font=font, fill=colour, anchor="ls")
    foot_top = min(base - 104, base - len(foot) * lead) if figure else base - len(foot) * lead
    name_font = ImageFont.truetype(regular, 32)
    y = 56
    for line in _wrap(draw, site_name, name_font, width, 2)[:2]:
        draw.text((left, y), line, font=name_font, fill=MUTED)
        y += 44
    y += 24
    # The title: as large as fits in three lines above the foot.
    for size in (72, 64, 56, 48, 42):
        title_font = ImageFont.truetype(bold, size)
        lines = _wrap(draw, title, title_font, width)
        if len(lines) <= 3 and y + int(size * 1.25) * len(lines) <= foot_top - 16:
            break
    for line in _lines(draw, title, title_font, width, 3):
        draw.text((left, y), line, font=title_font, fill=INK)
        y += int(size * 1.25)
    out = io.BytesIO()
    # flat colours: a small palette PNG; the fast octree quantizer is 3x quicker than the default here. zlib's
    # default level, not optimize: half the time a card takes (25 against 54 ms) for ~2 kB more (14.6 against 12.5)
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(out, "PNG")
    return out.getvalue()


def card(folder: Path | None, site_name: str, title: str, figure: str, label: str, when: str = "") -> bytes:
    """The card's PNG, from the cache when the same words were drawn before."""
    words = (_drawing_digest(), site_name, title, figure, label, when)
    key = hashlib.sha256("\x00".join(words).encode()).hexdigest()[:24]
    path = folder / f"{key}.png" if folder else None
    if path:
        try:
            return path.read_bytes()
        except OSError:
            pass  # not drawn yet (or unreadable): drawn now
    png = draw_card(site_name, title, figure, label, when)
    if path:
        _store(path, png)
    return png


def page_figures(model: Any) -> dict[str, str]:
    """Page (its file name without .md) → the id of the figure its card shows: site.yml's ``cards.pages``, and
    ``cards.figure`` (the site's main figure; without ``cards``, the first with a total, else the first) for the home
    page unless it is named there. A page named nowhere has no figure of its own: its card shows none."""
    cards = model.data["site"].get("cards") or {}
    main = cards.get("figure") or model.key_figures[0]["id"]  # without cards: the first key figure
    own = {entry["page"]: entry["figure"] for entry in cards.get("pages", [])}
    return {"index": main, **own}


def page_cards(pages: dict[str, PageFile | bytes], model: Any, folder: Path | None) -> dict[str, PageFile | bytes]:
    """Each page's card as a file beside the pages (assets/cards/<page>.png, <page>.en.png: mkdocs-static-i18n
    puts the English one under /en/), and the page with the card's path and alt text in its front matter, for
    overrides/main.html."""
    from .filters import Filters

    site = model.data["site"]
    figures = page_figures(model)
    filters = {lang: Filters(model, lang) for lang in editions().locales}
    out: dict[str, PageFile | bytes] = {}
    alts: dict[str, str] = {}  # each card drawn, by its file: its alt text
    for path, page_file in pages.items():
        if not isinstance(page_file, PageFile):  # not a page (parts.py's map of moved anchors)
            continue
        page, lang = editions().of_file(path)
        # A part of a long page (parts.py) shows that page's card: drawn once, not once a part.
        page = page_file.meta.get("part_of") or page.removesuffix(".md")
        file = "assets/cards/" + editions().page_file(page + ".md", lang).removesuffix(".md") + ".png"
        if file in alts:
            out[path] = page_file.with_meta(card=f"assets/cards/{page}.png", card_alt=alts[file])
            continue
        shown_meta = cast(PageFile, pages[editions().page_file(page + ".md", lang)]).meta
        edition = filters[lang]
        title = edition.tr(site, "name") if page == "index" else str(shown_meta.get("title", ""))
        if page in figures:
            figure = model.figure(figures[page])
            written, label = in_language(figure["written"], lang), edition.tr(figure, "label")
            # the day the figure holds for, in the edition's form: "Đến ngày 26/4/2024", "As of 26 April 2024"
            when = f"{edition.tr(figure, 'date_words')} {edition.date_text(figure['date'])}" if "date" in figure else ""
            png = card(folder, edition.tr(site, "short_name"), title, written, label, when[:1].upper() + when[1:])
            alt = f"{title} — {written}: {label}" + (f", {when[:1].lower() + when[1:]}" if when else "")
        else:
            description = str(shown_meta.get("description", ""))
            png = card(folder, edition.tr(site, "short_name"), title, "", description)
            alt = f"{title} — {description}" if description else title
        out[file], alts[file] = png, alt
        out[path] = page_file.with_meta(card=f"assets/cards/{page}.png", card_alt=alt)
    return out
