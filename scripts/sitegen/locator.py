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
    others = "".join(p["d"] for pid, p in data["provinces"].items() if pid != shape)
    here = data["provinces"][shape]["d"]
    x0, y0, x1, y1 = _bbox(here)
    # The label sits out at sea, level with the province, with a line to it: inland the map is too crowded.
    lx, ly = x1 + 150, (y0 + y1) / 2 + 12
    body = (
        f'<path class="pic-land" d="{others}"/>'
        f'<path class="pic-here" d="{here}"/>'
        f'<line class="pic-pointer" x1="{x1 - 8:.0f}" y1="{(y0 + y1) / 2:.0f}" x2="{lx - 10:.0f}" y2="{ly - 12:.0f}"/>'
        f'<text class="pic-strong" x="{lx:.0f}" y="{ly:.0f}" font-size="40">{escape(label)}</text>'
    )
    svg = svg_element(uid, width, height, title, desc, body, "pic-svg pic-map")
    return Markup(f'<div class="pic pic-map-box" data-search-exclude>{svg}</div>')
