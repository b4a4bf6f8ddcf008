"""Tables on a phone: each body cell gets its column's name as `data-label`, at build time, so that under 600 px
the site's CSS can show a table as stacked rows, each cell led by its column's name (overrides/assets/
stylesheets/site.css). A Python-Markdown extension, listed in mkdocs.yml's markdown_extensions."""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor


class TableLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            heads = table.findall("./thead/tr/th")
            # A header's text as a reader sees it: inline markup, entities and raw HTML reduced to plain text.
            labels = [html.unescape(strip_tags(render_inner_html(th, self.md))) for th in heads]
            for row in table.iterfind("./tbody/tr"):
                for cell, label in zip(row.findall("td"), labels, strict=False):
                    if label:
                        # The serializer leaves "&" that starts an entity as it is: written as &amp; it stays text.
                        cell.set("data-label", label.replace("&", "&amp;"))


class TableLabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After inline markup (20), abbreviations (7) and attribute lists (8): the headers' text is final.
        md.treeprocessors.register(TableLabels(md), "table_labels", 5)


def makeExtension(**kwargs: object) -> TableLabelsExtension:  # noqa: N802 - the name Python-Markdown looks up
    return TableLabelsExtension(**kwargs)
