"""Heading anchors for Vietnamese: Python-Markdown's slugify drops every letter that does not decompose into a
Latin letter and marks, and "đ" does not, so "Địa danh" became #ia-danh. Here đ/Đ become d/D first."""

from __future__ import annotations

from markdown.extensions.toc import slugify as markdown_slugify


def slugify(value: str, separator: str) -> str:
    """mkdocs.yml's toc `slugify`: "Đại hội điểm" → "dai-hoi-diem"."""
    return markdown_slugify(value.replace("đ", "d").replace("Đ", "D"), separator)
