"""The one error a maintainer sees when the data or the article is wrong."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(eq=False)  # not frozen: Python sets __traceback__ on exceptions as they pass through `with` blocks
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
        return message
