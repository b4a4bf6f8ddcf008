"""Numbers as a Vietnamese article writes them — 6.185 (a dot between thousands), 29,75 (a decimal comma),
12/15 — read as numbers, and the article's arithmetic among them: where the parts the data names do not add
up to their total, or a printed percentage is not what its numbers give. (The shape of `written` and
`percent` is the schema's; truth.py checks them against the article; the pages show what ``disagreements``
finds, as this site's check, and the build goes on: the article printed them.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from babel.numbers import format_decimal

from .languages import editions

# One number in either convention: 6.185 / 29,75 (Vietnamese) or 6,185 / 29.75 (English).
TOKEN = re.compile(r"\d+(?:[.,]\d+)*")
_SWAP = str.maketrans(".,", ",.")


def parse(text: str | float | Decimal) -> Decimal:
    """A number as the article writes it ("6.185", "29,75", "01") or as YAML read it (100), exactly."""
    if not isinstance(text, str):
        return Decimal(str(text))
    return Decimal(text.replace(".", "").replace(",", "."))


def decimals(text: str | float | Decimal) -> int:
    """How many decimals a number is written with: "29,75" → 2, "100" → 0 (a YAML number: 29.7 → 1)."""
    exponent = parse(text).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def article_form(value: str | float | Decimal) -> str:
    """A number as a Vietnamese article writes it: text as it is; a YAML number with a decimal comma."""
    return value if isinstance(value, str) else str(value).replace(".", ",")


def other_form(token: str) -> str:
    """The same number in the other convention: 6.185 ↔ 6,185, 29,75 ↔ 29.75."""
    return token.translate(_SWAP)


def format_number(value: Decimal | float, lang: str, digits: int | None = None) -> str:
    """A number in a language's way, by Babel: 6.185 and 29,75 in Vietnamese, 6,185 and 29.75 in English;
    with ``digits`` decimals, else as many as the value has (29.75 keeps two, 100 none)."""
    digits = decimals(value) if digits is None else digits
    return format_decimal(value, format="#,##0" + ("." + "0" * digits if digits else ""), locale=lang)


def in_language(written: str | int, lang: str) -> str:
    """A number as the article writes it ("6.185", "01/15", "29,75", or a whole number) in an edition's way:
    as written in the article's own language; in another, each number with a dot or a comma in it as that
    language writes it (6,185; 29.75), the others as written (01/15 keeps its zero)."""
    text = str(written)
    if not editions().translated(lang):
        return text
    return TOKEN.sub(lambda match: match.group() if match.group().isdigit() else format_number(parse(match.group()), lang), text)


def percent_of(value: Any, total: Any) -> Fraction:
    """value ÷ total × 100, exactly."""
    return Fraction(parse(value)) * 100 / Fraction(parse(total))


def rounds_to(exact: Fraction, printed: str | int | float) -> bool:
    """Whether a printed number is ``exact`` rounded to the decimals it is printed with: 29,75 stands for
    29,745 up to 29,755 (half a unit of its last decimal either way)."""
    return abs(exact - Fraction(parse(printed))) <= Fraction(1, 2 * 10 ** decimals(printed))


def rounded(exact: Fraction, digits: int) -> Decimal:
    """``exact`` to ``digits`` decimals, half away from zero (as people round): 45,5618… → 45,56."""
    scaled = exact * 10**digits
    whole = int(abs(scaled) + Fraction(1, 2))
    return (Decimal(whole if scaled >= 0 else -whole)).scaleb(-digits)


@dataclass(frozen=True)
class Disagreement:
    """Where the article's printed numbers disagree among themselves, and this site's computation.

    ``op`` "sum": ``operands`` (the parts' values) add up to ``result``, where the article prints ``printed``
    as their total. ``op`` "percent": ``operands`` (value, total) give ``result`` % (to the printed decimals),
    where the article prints ``printed`` %."""

    figure: dict[str, Any]  # the figure whose printed number the computation does not give
    op: str
    operands: tuple[Decimal, ...]
    result: Decimal
    printed: Decimal
    inputs: tuple[dict[str, Any], ...]  # every figure the computation reads, for their sources


def total_of(figure: dict[str, Any], figures: dict[str, dict[str, Any]]) -> tuple[Any, dict[str, Any] | None]:
    """The total a figure is a share of: its own (12/15), or the value of the figure it is a share of
    (share_of) with that figure; (None, None) if it has neither."""
    if "total" in figure:
        return figure["total"], None
    if "share_of" in figure:
        whole = figures[figure["share_of"]]
        return whole["value"], whole
    return None, None


def disagreements(figures: list[dict[str, Any]]) -> tuple[Disagreement, ...]:
    """Every sum and percentage the data declares (parts, percent) that the article's own numbers do not give.
    Each number here was checked to be the article's (truth.py), so a disagreement is the article's."""
    by_id = {figure["id"]: figure for figure in figures}
    found: list[Disagreement] = []
    for figure in figures:
        if "parts" in figure:
            parts = tuple(by_id[part] for part in figure["parts"])
            operands = tuple(parse(part["value"]) for part in parts)
            if sum(operands) != parse(figure["value"]):
                found.append(
                    Disagreement(figure, "sum", operands, sum(operands, Decimal(0)), parse(figure["value"]), (*parts, figure))
                )
        total, whole = total_of(figure, by_id)
        if "percent" in figure and total is not None:
            exact = percent_of(figure["value"], total)
            if not rounds_to(exact, figure["percent"]):
                found.append(
                    Disagreement(
                        figure,
                        "percent",
                        (parse(figure["value"]), parse(total)),
                        rounded(exact, decimals(figure["percent"])),
                        parse(figure["percent"]),
                        (figure,) + ((whole,) if whole else ()),
                    )
                )
    return tuple(found)
