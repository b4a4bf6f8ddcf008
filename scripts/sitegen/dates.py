"""Dates as the article writes them: day/month/year (25/5/2023, 12/01/2024) → datetime.date."""

from __future__ import annotations

import datetime as dt


def parse_date(text: str) -> dt.date:
    """A date as the article writes it (25/5/2023, 12/01/2024); ValueError if it does not exist."""
    day, month, year = (int(part) for part in text.split("/"))
    return dt.date(year, month, day)
