"""The pieces every inline SVG picture is built of (pictures.py, locator.py): wrapped lines of text and the
<svg> element itself, with role="img", a <title> and a <desc>."""

from __future__ import annotations

import functools
import re
import unicodedata

from markupsafe import escape

# SVG cannot wrap or measure text, so the pictures estimate how wide a line is from its letters' widths in the
# page's font (Material's system stack: Helvetica, Arial or Liberation Sans, which share these widths, in
# thousandths of an em; a Vietnamese letter is its base letter's width), widened by MARGIN for the wider system
# fonts a reader may have (San Francisco, Segoe UI, Roboto) and for bold. Measured in Chromium with Liberation
# Sans, the pictures' lines come to 88–100 % of this estimate, the bold ones nearest.
WIDTHS = {
    191: "'",
    222: "ijl",
    278: " !,./:;I[]\\ft|",
    333: "()-r`“”‘’",
    355: '"',
    389: "*",
    500: "Jckvxyzs",
    556: "0123456789abdeghnopqu#$?_–L",
    584: "+<=>~",
    611: "FTZ",
    667: "ABEKPSVXY&",
    722: "CDHNRUw",
    778: "GOQ",
    833: "Mm",
    889: "%",
    944: "W",
    1000: "—…",
    1015: "@",
}
EM = {char: width / 1000 for width, chars in WIDTHS.items() for char in chars}
MARGIN = 1.12  # a wider font than Arial, or bold (Arial Bold is up to 10 % wider)


@functools.cache
def _em(char: str) -> float:
    base = unicodedata.normalize("NFD", char)[:1].translate({ord("đ"): "d", ord("Đ"): "D"})
    return EM.get(base, 0.6)


def text_width(text: str, size: float) -> float:
    """How wide ``text`` shows at font size ``size`` (an estimate that errs wide)."""
    return sum(_em(char) for char in text) * size * MARGIN


def wrap(text: str, width: float, size: float) -> list[str]:
    """``text`` in lines that each fit ``width`` at font size ``size``: broken between words, and a word wider than
    the line after its hyphens or slashes (93/HD-MTTQ-BTT), or, failing that, between its letters."""
    lines: list[str] = []
    for word in text.split():
        first, *rest = _pieces(word, width, size)
        if lines and text_width(f"{lines[-1]} {first}", size) <= width:
            lines[-1] += f" {first}"
        else:
            lines.append(first)
        lines.extend(rest)
    return lines or [""]


def _pieces(word: str, width: float, size: float) -> list[str]:
    """A word as it may be broken to fit ``width``: whole if it fits; else at its hyphens and slashes; else by letters."""
    if text_width(word, size) <= width:
        return [word]
    pieces: list[str] = []
    for part in re.findall(r"[^-/]+[-/]?|[-/]", word):
        if pieces and text_width(pieces[-1] + part, size) <= width:
            pieces[-1] += part
        elif text_width(part, size) <= width:
            pieces.append(part)
        else:  # no hyphen to break at: by letters
            for char in part:
                if pieces and text_width(pieces[-1] + char, size) <= width:
                    pieces[-1] += char
                else:
                    pieces.append(char)
    return pieces


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
