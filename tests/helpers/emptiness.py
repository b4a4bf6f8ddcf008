"""What a reader would find empty on a generated page, whatever data it was made from: a heading with nothing
under it, a table with no row, a list or box with nothing in it, a sentence counting zero things. Read from the
generated Markdown (test_optional_data.py, test_reports.py)."""

from __future__ import annotations

import re

HEADING = re.compile(r"^(#{1,6}) ")
SEPARATOR = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")
OPENING = re.compile(r"^<(ol|ul|div)\b[^>]*>$")
ZERO = re.compile(r"(?<![\w/.,:-])(?:0|zero)\s+(?=[^\W\d_])", re.IGNORECASE)
QUOTED = re.compile(r"“[^”]*”")  # the article's words, as it writes them (its page widgets' "0 trong 0 đánh giá")


def emptiness(markdown: str) -> list[str]:
    """What a reader would find empty on a page: a heading with nothing under it before the next heading of its
    level or above (or the page's end), a table with no row, a list or box with nothing in it, and a sentence
    counting zero things."""
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    lines = [line for line in body.splitlines() if line.strip() and not line.startswith("*[")]  # *[...]: abbreviations
    found = [f"zero: {line}" for line in lines if ZERO.search(QUOTED.sub("", line))]
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        heading, next_heading = HEADING.match(line), HEADING.match(after)
        if heading and (not after or next_heading and len(next_heading.group(1)) <= len(heading.group(1))):
            found.append(f"empty section: {line}")
        if SEPARATOR.match(line) and not after.startswith("|"):
            found.append(f"table without rows: {line}")
        opening = OPENING.match(line)
        if opening and after == f"</{opening.group(1)}>":
            found.append(f"nothing inside: {line}")
    return found
