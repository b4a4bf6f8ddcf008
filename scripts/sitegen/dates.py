"""Dates: read once from the article's day/month/year (25/5/2023, 12/01/2024), shown in one place.

The data writes a date as the article does; the model reads it into a ``Date`` (parse_date) and everything after
counts with it as a ``datetime.date``. ``format_date`` is the one way one is shown: as the article writes it, in
another language's words by Babel, or as ISO 8601 for machines.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from babel.dates import format_date as babel_format_date

# iso: 2024-01-12 (<time datetime>, JSON-LD, the CSV); written: 12/01/2024; long: 12 January 2024.
Form = Literal["iso", "written", "long"]
LONG = "d MMMM y"  # Babel's pattern (CLDR): the day, the month's name in the language, the year
SCHEMA_DATE = "#/$defs/date"  # how schema.json types a field that holds a date


class Date(dt.date):
    """A day and the way the article writes it: the article quotes "12/01/2024" with its zero and "26/4/2024"
    without one, so the original edition shows the written form, not one made from the day."""

    __slots__ = ("written",)
    written: str

    def __new__(cls, written: str) -> Date:
        day, month, year = (int(part) for part in written.split("/"))
        date = super().__new__(cls, year, month, day)
        date.written = written
        return date

    def __reduce__(self) -> tuple[type[Date], tuple[str]]:  # copies and pickles are made from the written form
        return Date, (self.written,)

    def __repr__(self) -> str:
        return f"Date({self.written!r})"


def date_fields(properties: dict[str, Any]) -> list[str]:
    """The fields of a schema's entry that hold a date: checked to exist by validate.py, read by model.py."""
    return [name for name, prop in properties.items() if prop.get("$ref") == SCHEMA_DATE]


def parse_date(text: str) -> Date:
    """A date as the article writes it (25/5/2023, 12/01/2024); ValueError if it does not exist."""
    return Date(text)


def format_date(date: Date, form: Form, lang: str = "") -> str:
    """The date shown in ``form``: ``long`` in ``lang``'s words (Babel: 12 January 2024)."""
    if form == "iso":
        return date.isoformat()
    if form == "written":
        return date.written
    return babel_format_date(date, LONG, locale=lang)
