"""The one error a maintainer sees when the data or the article is wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# What would break a message over lines or fail to print: control characters, line and paragraph separators,
# and the lone surrogates that stand for a file name's bytes that are not UTF-8.
# Control characters, line and paragraph separators, surrogates, and the text-direction controls, which would
# reorder the rest of the line around them ("\u202e" turns "lmy.yml" into "lmy.yml" shown backwards).
DIRECTION_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # as a character class's ranges
UNPRINTABLE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{DIRECTION_CONTROLS}\ud800-\udfff]")


def one_line(text: str) -> str:
    """``text`` with those characters written as Python writes them in a repr (\\n, \\x00, \\u2028)."""
    return UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], text)


def shown(value: Any, limit: int = 60) -> str:
    """A value quoted on one line: invisible characters spelled out (\\u001b), long text shortened."""
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in str(value)[: limit + 1])
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


@dataclass(eq=False)  # not frozen: Python sets __traceback__ on exceptions as they pass through `with` blocks
class EntryError(Exception):
    """A problem at an entry of the data (``("figures", 0, "percent")``), from a check that knows the values, not
    the files: the dataset that read them names its file and line (``Dataset.error``), in one place."""

    path: tuple[str | int, ...]
    problem: str
    expected: str = ""


@dataclass(eq=False)
class DataError(Exception):
    """A problem in one place of one file, said in one line.

    ``where`` is a line ("line 12") and/or an entry path ("figures[2].percent");
    ``expected`` says what would be right.
    """

    file: str
    where: str
    problem: str
    expected: str = ""

    def __str__(self) -> str:
        place = f"{self.file}, {self.where}" if self.where else self.file
        message = f"{place}: {self.problem}"
        if self.expected:
            message += f" — expected {self.expected}"
        return one_line(message)  # a file name or a value may hold a line break
