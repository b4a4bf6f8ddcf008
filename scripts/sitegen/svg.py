"""The pieces every inline SVG picture is built of (pictures.py, locator.py): wrapped lines of text and the
<svg> element itself, with role="img", a <title> and a <desc>."""

from __future__ import annotations

import textwrap

from markupsafe import escape

CHAR = 0.56  # average glyph width in em of a sans-serif font, to wrap text that SVG cannot wrap itself


def wrap(text: str, width_px: float, size: float) -> list[str]:
    return textwrap.wrap(text, max(8, int(width_px / (size * CHAR)))) or [""]


def text_lines(
    x: float, y: float, lines: list[str], size: float, cls: str, anchor: str = "start", lang: str | None = None
) -> str:
    """Lines of text from (x, y) down, one <tspan> a line."""
    lead = size * 1.25
    spans_ = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else lead:.1f}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    attr = f' lang="{lang}"' if lang else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" class="{cls}" text-anchor="{anchor}"{attr}>{spans_}</text>'


def svg_element(uid: str, width: float, height: float, title: str, desc: str, body: str, cls: str) -> str:
    return (
        f'<svg class="{cls}" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>{body}</svg>'
    )
