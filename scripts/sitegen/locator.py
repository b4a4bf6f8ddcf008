"""The locator map: Vietnam's provinces (as before the 2025 mergers) with one province picked out.

Shapes come from the vendored, simplified outlines drawn from Natural Earth's boundaries (vendor/, public
domain; see scripts/extract_map.py). The map is one line of inline SVG like the other pictures; its words
(the province's name, the caption) come from places.yml.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from .errors import DataError
from .svg import svg_element

SHAPES = Path(__file__).with_name("vendor") / "vietnam-provinces.json"


@functools.lru_cache(maxsize=1)
def shapes() -> dict[str, Any]:
    return json.loads(SHAPES.read_text(encoding="utf-8"))


def _bbox(d: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


# Vietnam's two island districts out at sea, named as maps of Vietnam name them (by their names in the map data):
# a dot or two each, which no reader would know for what they are. Each name goes where it meets no other words:
# the first of its places that fits in the map (beside its dots: right, left, above, below).
ARCHIPELAGOS = {"hoangsa": ("right", "above", "below", "left"), "truongsa": ("left", "above", "below", "right")}
NAME_SIZE = 32  # the archipelagos' names: at least 12 px where the map is smallest (a phone's column)
LABEL_SIZE = 40  # the province's name


Box = tuple[float, float, float, float]


def _text_box(x: float, y: float, text: str, size: float, anchor: str = "start") -> Box:
    """About where a line of text at baseline ``y`` falls: 0.7 em a letter, from the cap height to below the
    baseline; generous (the page's sans-serif takes 0.5–0.6 em, depending on the fonts a reader has), so that
    boxes apart here are apart on screen."""
    width = len(text) * size * 0.7
    left = x - width if anchor == "end" else x
    return left, y - size, left + width, y + size * 0.3


def _dots_box(d: str) -> Box:
    """The box around an archipelago's dots: each a small square path from its own "Mx,y" (extract_map.py)."""
    points = [(float(x), float(y)) for x, y in re.findall(r"M(-?[\d.]+),(-?[\d.]+)", d)]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs) + 2, max(ys) + 2


def _meet(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _name_place(
    dots: Box, name: str, places: tuple[str, ...], taken: list[Box], size: tuple[float, float]
) -> tuple[float, float, str]:
    """Where an archipelago's name goes: (x, y, text-anchor) of the first of ``places`` that stays in the map and
    meets none of the ``taken`` boxes; the first place if none does."""
    x0, y0, x1, y1 = dots
    middle = (y0 + y1) / 2 + NAME_SIZE / 3
    at = {
        "right": (x1 + 12, middle, "start"),
        "left": (x0 - 12, middle, "end"),
        "above": (x1, y0 - 12, "end"),
        "below": (x1, y1 + NAME_SIZE + 6, "end"),
    }
    for place in places:
        x, y, anchor = at[place]
        box = _text_box(x, y, name, NAME_SIZE, anchor)
        if (
            box[0] >= 0
            and box[2] <= size[0]
            and box[1] >= 0
            and box[3] <= size[1]
            and not any(_meet(box, other) for other in taken)
        ):
            return x, y, anchor
    return at[places[0]]


def locator_svg(shape: str, label: str, title: str, desc: str, uid: str) -> Markup:
    data = shapes()
    if shape not in data["provinces"]:
        raise DataError(
            "places.yml",
            "map.shape",
            f"no province {shape!r} among the vendored map's shapes",
            "one of: " + ", ".join(sorted(data["provinces"])),
        )
    _, _, width, height = (float(v) for v in data["viewBox"].split())
    others = "".join(p["d"] for pid, p in data["provinces"].items() if pid != shape and pid not in ARCHIPELAGOS)
    islands = "".join(p["d"] for pid, p in data["provinces"].items() if pid != shape and pid in ARCHIPELAGOS)
    here = data["provinces"][shape]["d"]
    x0, y0, x1, y1 = _bbox(here)
    # The label sits out at sea, level with the province, with a line to it: inland the map is too crowded.
    # Nearer the coast where a long name would run past the map's edge (Khánh Hòa, Ninh Thuận), keeping a pointer.
    name_box = _text_box(0, 0, label, LABEL_SIZE)
    lx, ly = max(x1 + 40, min(x1 + 150, width - name_box[2])), (y0 + y1) / 2 + 12
    body = (
        f'<path class="pic-land" d="{others}"/>'
        f'<path class="pic-island" d="{islands}"/>'
        f'<path class="pic-here" d="{here}"/>'
        f'<line class="pic-pointer" x1="{x1 - 8:.0f}" y1="{(y0 + y1) / 2:.0f}" x2="{lx - 10:.0f}" y2="{ly - 12:.0f}"/>'
        f'<text class="pic-strong" x="{lx:.0f}" y="{ly:.0f}" font-size="{LABEL_SIZE}">{escape(label)}</text>'
    )
    taken = [
        _text_box(lx, ly, label, LABEL_SIZE),
        (min(x1 - 8, lx - 10), min((y0 + y1) / 2, ly - 12), max(x1 - 8, lx - 10), max((y0 + y1) / 2, ly - 12)),
    ]
    for key, places in ARCHIPELAGOS.items():
        if key == shape or key not in data["provinces"]:
            continue
        name = data["provinces"][key]["name"]
        x, y, anchor = _name_place(_dots_box(data["provinces"][key]["d"]), name, places, taken, (width, height))
        taken.append(_text_box(x, y, name, NAME_SIZE, anchor))
        body += (
            f'<text class="pic-text" x="{x:.0f}" y="{y:.0f}" font-size="{NAME_SIZE}" text-anchor="{anchor}">{escape(name)}</text>'
        )

    svg = svg_element(uid, width, height, title, desc, body, "pic-svg pic-map")
    return Markup(f'<div class="pic pic-map-box" data-search-exclude>{svg}</div>')
