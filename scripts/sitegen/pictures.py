"""Pictures drawn at build time from the data, as inline SVG: the campaign timeline and the Front's levels.

Each picture is one line of HTML (no blank line, so Markdown passes it through untouched), with role="img",
a <title> and a <desc>; colours are CSS classes styled with Material's variables in site.css, so the light,
dark and print schemes all apply. Every word drawn comes from the data or from the site's words (picture_words).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .numerals import in_language
from .strings import t
from .svg import svg_element, text_lines, text_width, wrap


def picture_words(lang: str) -> dict[str, str]:
    """The only words the pictures write themselves, the site's (strings.yml); facts and names come from the data."""
    return {
        "days": t("picture-days", lang),
        "computed": t("picture-computed-note", lang),
        "computed_not_to_scale": t("picture-computed-not-to-scale-note", lang),
        "timeline": t("picture-timeline-title", lang),
        "levels": t("picture-levels-title", lang),
        "then": t("picture-then", lang),
        "locator": t("picture-locator-title", lang),
        "locator_desc": t("picture-locator-description", lang),
    }


@dataclass(frozen=True)
class Span:
    """The days between two consecutive milestones (computed at build time, never typed in)."""

    first: dict[str, Any]
    second: dict[str, Any]

    @property
    def days(self) -> int:
        return (self.second["date"] - self.first["date"]).days


def spans(events: list[dict[str, Any]]) -> list[Span]:
    return [Span(a, b) for a, b in zip(events, events[1:])]


class Timeline:
    """The campaign's milestones on a time axis: horizontal (to scale) for wide screens and print,
    vertical (evenly spaced, said so) under 720 px (site.css), where a horizontal axis would be too small to read."""

    def __init__(self, events: list[dict[str, Any]], lang: str, tr: Callable, date_text: Callable) -> None:
        self.events, self.lang, self.tr, self.date_text = events, lang, tr, date_text
        self.words = picture_words(lang)
        self.spans = spans(events)

    def label(self, event: dict[str, Any]) -> str:
        return self.tr(event, "short") if "short" in event else self.tr(event, "title")

    def days(self, n: int) -> str:
        return self.words["days"].format(n=n)

    def title(self) -> str:
        return self.words["timeline"].format(
            first=self.date_text(self.events[0]["date"]), last=self.date_text(self.events[-1]["date"])
        )

    def desc(self) -> str:
        parts = []
        for i, event in enumerate(self.events):
            parts.append(f"{self.date_text(event['date'])}: {self.label(event)}")
            if i < len(self.spans):
                parts.append(self.words["then"].format(n=self.spans[i].days))
        return "; ".join(parts) + "."

    # Font sizes in the picture's units. The horizontal chart is drawn 720 units wide, about the width of
    # Material's content column on a desktop (688–757 px), so a unit is about a pixel there; the vertical one 340,
    # a phone's column (328 px at 360 px). Every size is at least 13.5 units: 13 px on a 360 px phone.
    LABEL, DAYS, NOTE = 15.0, 14.5, 14.0
    MARKER_GAP = 14.0  # the least room between two milestones' markers: a day or two apart, they stay apart

    def positions(self, left: float, right: float) -> list[float]:
        """Each milestone's x on an axis from ``left`` to ``right``, to scale by date, but at least MARKER_GAP from
        its neighbours (milestones days apart would otherwise draw one marker over the other)."""
        first, last = self.events[0]["date"], self.events[-1]["date"]
        total = max(1, (last - first).days)
        xs = [left + (right - left) * (event["date"] - first).days / total for event in self.events]
        for i in range(1, len(xs)):  # pushed right, then back from the right end where that ran past it
            xs[i] = max(xs[i], xs[i - 1] + self.MARKER_GAP)
        xs[-1] = min(xs[-1], right)
        for i in range(len(xs) - 2, -1, -1):
            xs[i] = min(xs[i], xs[i + 1] - self.MARKER_GAP)
        return xs

    def horizontal(self, uid: str, width: float = 720, spans_shown: bool = True) -> str:
        pad, size = 12.0, self.LABEL
        lead = size * 1.25
        n = len(self.events)
        slot = (width - 2 * pad) / n
        xs = self.positions(pad + 8, width - pad - 14)  # room for the deadline's flag at the right end
        # Each milestone's date (bold; "12 January 2024" may take two lines) and words, centred in its slot.
        dates = [wrap(self.date_text(e["date"]), slot - 12, size) for e in self.events]
        labels = [when + wrap(self.label(e), slot - 12, size) for when, e in zip(dates, self.events)]
        rows = max(len(lines) for lines in labels)
        top = 4 + size
        label_bottom = top + (rows - 1) * lead + 6
        axis = label_bottom + 44
        out = []
        for i, (event, lines) in enumerate(zip(self.events, labels)):
            cx, px, bold = pad + slot * (i + 0.5), xs[i], len(dates[i])
            out.append(text_lines(cx, top, lines[:bold], size, "pic-strong", "middle"))
            out.append(text_lines(cx, top + bold * lead, lines[bold:], size, "pic-text", "middle"))
            y0 = top + (len(lines) - 1) * lead + 6
            end = axis - (23 if event["kind"] == "han-chot" else 7)  # the deadline's flag pole stands taller
            out.append(
                f'<polyline class="pic-leader" points="{cx:.1f},{y0:.1f} {cx:.1f},{label_bottom + 4:.1f} '
                f'{px:.1f},{end - 6:.1f} {px:.1f},{end:.1f}"/>'
            )
        out.append(f'<line class="pic-axis" x1="{pad:.1f}" y1="{axis:.1f}" x2="{width - pad:.1f}" y2="{axis:.1f}"/>')
        for x, event in zip(xs, self.events):
            out.append(self._marker(x, axis, event))
        bottom = axis + 8
        if spans_shown:
            body, bottom = self._span_labels(xs, axis, pad, width)
            out.append(body)
            note_size = self.NOTE
            note = wrap("* " + self.words["computed"], width - 2 * pad, note_size)
            out.append(text_lines(pad, bottom + 10 + note_size, note, note_size, "pic-note"))
            bottom += 10 + len(note) * note_size * 1.25
        return svg_element(uid, width, bottom + 6, self.title(), self.desc(), "".join(out), "pic-svg pic-h")

    def _span_labels(self, xs: list[float], axis: float, pad: float, width: float) -> tuple[str, float]:
        """The days between milestones under the axis, and the lowest y they use. Each stands under its bracket
        where it fits there (where no other label or line can be); else it hangs lower, beside a line dropped from
        its bracket, in the first row where it meets no other label or line (``_hang``)."""
        size = self.DAYS
        lead = size * 1.25 + 6
        base = axis + 14  # the brackets' line
        texts = [self.days(span.days) for span in self.spans]
        widths = [text_width(text, size) for text in texts]
        mids = [(xs[i] + xs[i + 1]) / 2 for i in range(len(self.spans))]
        spots: dict[int, tuple[int, float]] = {}  # span → its label's row and left edge
        for i in range(len(self.spans)):
            if xs[i + 1] - xs[i] >= widths[i] + 6:
                spots[i] = (0, mids[i] - widths[i] / 2)
        # Hung labels go right of their line in the chart's left half and left of it in the right half, so a
        # cluster of them steps down away from the middle: the ones nearest the middle are placed first.
        hung = [i for i in range(len(self.spans)) if i not in spots]
        left_half = sorted((i for i in hung if mids[i] < width / 2), key=lambda i: -mids[i])
        right_half = sorted((i for i in hung if mids[i] >= width / 2), key=lambda i: mids[i])
        placed = [(row, left, left + widths[i]) for i, (row, left) in spots.items()]
        lines: list[tuple[float, int]] = []
        for i in left_half + right_half:
            spots[i] = self._hang(mids[i], widths[i], mids[i] < width / 2, pad, width, placed, lines)
            placed.append((spots[i][0], spots[i][1], spots[i][1] + widths[i]))
            lines.append((mids[i], spots[i][0]))
        out, bottom = [], base
        for i, text in enumerate(texts):
            (row, left), mid, x1, x2 = spots[i], mids[i], xs[i], xs[i + 1]
            ty = base + 6 + size + row * lead
            out.append(f'<path class="pic-span" d="M{x1 + 2:.1f},{base - 4:.1f}V{base:.1f}H{x2 - 2:.1f}V{base - 4:.1f}"/>')
            if row:  # down to the label's middle beside it, or to its top where it hangs under the line
                end = ty - size - 2 if left <= mid <= left + widths[i] else ty - size * 0.3
                out.append(f'<line class="pic-leader" x1="{mid:.1f}" y1="{base:.1f}" x2="{mid:.1f}" y2="{end:.1f}"/>')
            out.append(text_lines(left, ty, [text], size, "pic-computed"))
            bottom = max(bottom, ty + 4)
        return "".join(out), bottom

    @staticmethod
    def _hang(
        mid: float,
        w: float,
        rightwards: bool,
        pad: float,
        width: float,
        placed: list[tuple[int, float, float]],
        lines: list[tuple[float, int]],
    ) -> tuple[int, float]:
        """The row and left edge of a label ``w`` wide hung from a line at ``mid``: beside the line (on its right if
        ``rightwards``, else its left; the other side where that has no room), in the first row from 1 down
        where it overlaps no label and crosses no line, and its line crosses no label. ``placed``: the labels
        placed (row, left, right); ``lines``: the lines dropped (x, the row they reach down to)."""
        gap = 8.0
        sides = [mid + 4, mid - 4 - w] if rightwards else [mid - 4 - w, mid + 4]
        sides = [left for left in sides if pad <= left and left + w <= width - pad]
        sides = sides or [min(max(mid - w / 2, pad), width - pad - w)]  # no room beside: under the line's end
        deepest = max((row for row, _, _ in placed), default=0)
        for row in range(1, deepest + 2):
            if any(r <= row and a - 4 <= mid <= b + 4 for r, a, b in placed):
                continue  # its line would cross a label on its way down
            for left in sides:
                beside = all(r != row or left + w + gap <= a or b + gap <= left for r, a, b in placed)
                uncrossed = all(r < row or not left - 4 <= x <= left + w + 4 for x, r in lines)
                if beside and uncrossed:
                    return row, left
        return deepest + 1, sides[0]  # its line crosses a label: only where many spans are each too short

    def vertical(self, uid: str, width: float = 340) -> str:
        size, small = self.LABEL, self.DAYS
        lead, x = size * 1.25, 18.0
        y, out, rail = size + 4, [], []
        text_w = width - x - 22
        for i, event in enumerate(self.events):
            lines = wrap(self.label(event), text_w, size)
            rail.append(y - size * 0.35)
            out.append(self._marker(x, y - size * 0.35, event))
            out.append(text_lines(x + 18, y, [self.date_text(event["date"])], size, "pic-strong"))
            out.append(text_lines(x + 18, y + lead, lines, size, "pic-text"))
            y += lead * (len(lines) + 1) + 8
            if i < len(self.spans):
                out.append(text_lines(x + 18, y + 4, [self.days(self.spans[i].days) + " *"], small, "pic-computed"))
                y += lead + 16
        body = f'<line class="pic-axis" x1="{x}" y1="{rail[0]:.1f}" x2="{x}" y2="{rail[-1]:.1f}"/>' + "".join(out)
        note_size = self.NOTE
        note = wrap("* " + self.words["computed_not_to_scale"], width - 8, note_size)
        body += text_lines(4, y + 4, note, note_size, "pic-note")
        height = y + 4 + len(note) * note_size * 1.25 + 4
        return svg_element(uid, width, height, self.title(), self.desc(), body, "pic-svg pic-v")

    @staticmethod
    def _marker(x: float, y: float, event: dict[str, Any]) -> str:
        # Shape says the kind without colour: a dot for an event, a square for a status, a flag for the deadline.
        if event["kind"] == "han-chot":  # a pole from the axis, its pennant to the right
            return f'<path class="pic-deadline" d="M{x:.1f},{y + 5:.1f}V{y - 22:.1f}l11,4.5l-11,4.5"/>'

        if "figure" in event:
            return f'<rect class="pic-status" x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8"/>'
        return f'<circle class="pic-event" cx="{x:.1f}" cy="{y:.1f}" r="5.5"/>'


def levels_figure(levels: list[dict[str, Any]], lang: str, tr: Callable, value: Callable, uid: str = "pic-levels") -> Markup:
    """The Front's congress levels as a stack of boxes, the village at the bottom, the nation at the top,
    each with what the article says is held there and its count. ``value(level)`` gives the count line."""
    # 340 units: about a phone's width (328 px at 360 px), so the words show near their own size there, the
    # smallest (14) at 13.5 px; wider screens enlarge it.
    width, size, small = 340.0, 15.0, 14.0
    lead, gap, pad = size * 1.25, 22.0, 10.0
    words = picture_words(lang)
    boxes = []
    for level in reversed(levels):  # the top of the picture is the highest level
        figure = value(level)
        room = width - 2 * pad - 8 - (text_width(figure, size * 1.15) + 10 if figure else 0)
        name = wrap(tr(level, "label"), room, size)
        body = wrap(tr(level, "body"), width - 2 * pad - 8, small)
        boxes.append((level, name, body, figure))
    y, out = 2.0, []
    for i, (_level, name, body, figure) in enumerate(boxes):
        # The count stands at the top right, beside the name; the body 3 units lower, clear of the count's foot.
        box_h = pad * 2 + len(name) * lead + 3 + len(body) * small * 1.25
        out.append(f'<rect class="pic-box" x="2" y="{y:.1f}" width="{width - 4:.0f}" height="{box_h:.1f}" rx="6"/>')
        ty = y + pad + size
        out.append(text_lines(pad + 4, ty, name, size, "pic-strong"))
        ty += lead * len(name)
        out.append(text_lines(pad + 4, ty - lead + 3 + small * 1.25, body, small, "pic-text"))
        if figure:
            out.append(text_lines(width - pad - 4, y + pad + size, [figure], size * 1.15, "pic-figure", "end"))
        y += box_h
        if i < len(boxes) - 1:  # an arrow up: delegates go from each level to the one above
            cx = width / 2
            out.append(f'<path class="pic-arrow" d="M{cx:.1f},{y + gap - 2:.1f}V{y + 4:.1f}m-6,7l6,-7l6,7"/>')
            y += gap
    desc = (
        "; ".join(
            f"{tr(level, 'label')}: {tr(level, 'body')}" + (f" ({figure})" if figure else "")
            for level, _, _, figure in reversed(boxes)
        )
        + "."
    )
    return Markup(
        f'<div class="pic pic-levels" data-search-exclude>{svg_element(uid, width, y + 2, words["levels"], desc, "".join(out), "pic-svg")}</div>'
    )


class Pictures:
    """What the templates call: ``pictures.timeline()``, ``pictures.levels()``, in the page's language."""

    def __init__(self, model: Any, lang: str, tr: Callable, date_text: Callable, place_name: Callable) -> None:
        self.model, self.lang, self.tr, self.date_text, self._place_name = model, lang, tr, date_text, place_name

    # Pictures of bounded size: past these counts a drawing is no longer readable (and would only make the
    # page heavier); the list or table beside it says the same.
    MAX_MILESTONES = 24
    MAX_LEVELS = 12
    MAX_MAPS = 4  # locator maps on the places page; the tree of places below names every place
    MAX_NAMED = 12  # places named beside (and in the description of) a locator map

    @property
    def timeline_drawn(self) -> bool:
        return 0 < len(self.model.timeline) <= self.MAX_MILESTONES

    @property
    def levels_drawn(self) -> bool:
        return 0 < len(self.model.levels) <= self.MAX_LEVELS

    @property
    def mapped_places(self) -> list[dict[str, Any]]:
        return [place for place in self.model.places if "map" in place][: self.MAX_MAPS]

    def timeline(self, uid: str = "pic-timeline", spans_shown: bool = True) -> Markup:
        """Both layouts in one <div>, one line; CSS shows the one that fits. Search skips it (data-search-exclude):
        the same words are in the list beside it."""
        chart = Timeline(self.model.timeline, self.lang, self.tr, self.date_text)
        h, v = chart.horizontal(uid + "-h", spans_shown=spans_shown), chart.vertical(uid + "-v")
        return Markup(f'<div class="pic pic-timeline" data-search-exclude>{h}{v}</div>')

    def levels(self) -> Markup:
        return levels_figure(self.levels_list(), self.lang, self.tr, self.level_value)

    def levels_list(self) -> list[dict[str, Any]]:
        """Levels with their congress (if any) attached, and a body to show."""
        out = []
        for level in self.model.levels:
            congress = self.model.by_id("congresses", level["congress"]) if "congress" in level else None
            if "body" in level or congress is None:
                out.append({**level, "congress_entry": congress})
            else:
                # The congress's name, in every language the data gives it (name, name_en, ...), as the level's body.
                names = {"body" + key[4:]: text for key, text in congress.items() if key == "name" or key.startswith("name_")}
                out.append({**level, "congress_entry": congress, **names})
        return out

    def level_value(self, level: dict[str, Any]) -> str:
        if "figure" in level:
            return in_language(self.model.figure(level["figure"])["written"], self.lang)
        if level.get("congress_entry"):
            return self.tr(level["congress_entry"], "session")
        return ""

    def locator(self, place: dict[str, Any]) -> Markup:
        from .locator import locator_svg  # the map's shapes are read only by the page that draws it

        words = picture_words(self.lang)
        name = functools.partial(self._place_name, lower=True)  # "xã Thử Nghiệm", as within a sentence
        leaves = self.leaves(place["id"])
        names = ", ".join(
            f"{name(leaf)} ({name(self.model.by_id('places', leaf['parent']))})" for leaf in leaves[: self.MAX_NAMED]
        ) + (", …" if len(leaves) > self.MAX_NAMED else "")
        return locator_svg(
            place["map"]["shape"],
            place["name"],
            words["locator"].format(place=name(place), boundaries=self.tr(place["map"], "boundaries")),
            words["locator_desc"].format(place=name(place), names=names),
            f"pic-locator-{place['id']}",  # up to MAX_MAPS maps on a page: each its own title and description
        )

    def map_credit(self) -> dict[str, str]:
        """Who drew the map's outlines and where their terms are (the vendored file's own record)."""
        from .locator import shapes

        return dict(shapes()["credit"])

    def leaves(self, place_id: str) -> list[dict[str, Any]]:
        """The lowest places under a place (wards, communes), each with its chain from the province down."""
        out: list[dict[str, Any]] = []
        for child in self.model.children(place_id):
            below = self.leaves(child["id"])
            out.extend(below if below else [child])
        return out
