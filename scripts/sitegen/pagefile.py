"""One Markdown file of docs/ as the stages hand it on: its front matter (``meta``) and its body.

render.py makes one per page and edition, cards.py adds the card's keys, and pipeline.py writes each out once
(``text``): no stage reads generated Markdown back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .filters import json_value, yaml_string

FLOW = frozenset({"jsonld"})  # written as one line of JSON (valid YAML), the form schema.org shows JSON-LD in


@dataclass(frozen=True)
class PageFile:
    meta: dict[str, Any]
    body: str

    def with_meta(self, **first: Any) -> PageFile:
        """The same page with more front matter, written before the keys it had."""
        return PageFile({**first, **self.meta}, self.body)

    def text(self) -> str:
        """Front matter and body, as MkDocs reads them."""
        header = "".join(f"{key}:{_value(value, key in FLOW, 1)}\n" for key, value in self.meta.items())
        return f"---\n{header}---\n\n{self.body}"


def _value(value: Any, flow: bool, depth: int) -> str:
    """A value as it follows its key's colon: a scalar on the same line; a mapping or a list on the lines below,
    indented; text on one line, quoted where YAML needs it (filters.yaml_string)."""
    indent = "  " * depth
    if flow:
        return f" {json_value(value)}"
    if isinstance(value, dict):
        return "".join(f"\n{indent}{key}:{_value(item, False, depth + 1)}" for key, item in value.items())
    if isinstance(value, list):
        return "".join(f"\n{indent}-{_value(item, False, depth + 1)}" for item in value)
    if isinstance(value, bool | int | float):
        return f" {json.dumps(value)}"
    return f" {yaml_string(value)}"
