"""Long pages cut into parts, and long blocks into shorter ones, so that no page grows into a wall as the data grows.

A page whose Markdown is longer than PAGE_BUDGET is cut into parts where the text allows it (between blocks,
list items, table rows or the items of an HTML list): slug.md stays part 1, at the page's own address, and
slug/2.md, slug/3.md, ... follow. Each part repeats the front matter and heading with its number, and links to
the other parts. Every link to an anchor that moved is rewritten to its part, on every page; part 1 lists the
moved anchors, so that an old link /slug/#anchor still lands (overrides/assets/javascripts/moved-anchors.js
follows part 1's own link to the part, as MkDocs wrote it for the site's kind of addresses).
A list, table or HTML list longer than BLOCK_BUDGET is cut into several, so that no Markdown block passes it
(Python-Markdown's cost grows faster than a block's length). At the real data's size nothing is cut.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

PAGE_BUDGET = 64_000  # characters of Markdown per part; the largest real page is ~40 kB
BLOCK_BUDGET = 20_000  # characters per list, table or HTML list

_OPEN = re.compile(r"<(div|ol|ul)\b[^>]*>$")  # an HTML container opened on a line of its own (md_in_html)
_CLOSE = re.compile(r"</(div|ol|ul)>$")
_LIST_ITEM = re.compile(r"(?:[-*+]|\d+\.) ")
_HEADING = re.compile(r"#{1,6} ")
_ADMONITION = re.compile(r"(?:!!!|\?\?\?\+?) [\w-]+")
_ANCHOR = re.compile(r"\{[^}\n]*?#([\w-]+)[^}\n]*\}|\bid=\"([\w-]+)\"")
_LINK = re.compile(r"(?<!\\)\]\(([^)\s#]*)(#[\w-]+)?")
_EXTERNAL = re.compile(r"[a-z][a-z0-9+.-]*:|/")


@dataclass
class Box:
    """An HTML container open where the text is cut (md_in_html): what a cut closes and opens again."""

    opener: str  # the line that opened it
    at: int  # where it opened, in characters from the body's start
    items: int = 0  # <li> lines directly in it (an <ol> opened again goes on counting)
    filled: bool = False  # it holds something: a cut right after its opening line would leave it empty
    label: str = ""  # its first line, when that is a one-line <p class>: shown again where it opens again

    def reopened(self) -> list[str]:
        opener = _ANCHOR.sub("", self.opener).replace("  ", " ")  # an id stays with the first
        if opener.startswith("<ol") and self.items:
            opener = opener.replace("<ol", f'<ol start="{self.items + 1}"', 1)
        return [opener, ""] + ([self.label, ""] if self.label else [])

    def closer(self) -> str:
        return f"</{_OPEN.match(self.opener).group(1)}>"  # type: ignore[union-attr]


@dataclass
class Atom:
    """Lines between two places where the text may be cut, with what a cut there must close and reopen."""

    lines: list[str]
    kind: str  # "block" (after a blank line), "item" (list item), "row" (table row), "li" (HTML list item)
    boxes: tuple[Box, ...] = ()  # the HTML containers open where the atom starts, outermost first
    header: tuple[str, ...] = ()  # a table's header, repeated after a cut between rows
    outline: tuple[str, ...] = ()  # the list items and admonitions a nested item sits in, outermost first
    heading: str = ""  # the last heading before the atom: a part that starts under it repeats it
    heading_depth: int = 0  # how many of the boxes were open at that heading

    @property
    def size(self) -> int:
        return sum(len(line) + 1 for line in self.lines)


def atoms(body: str) -> Iterator[Atom]:
    """The body cut at every place where a cut is allowed; joined again, the atoms give the body back."""
    boxes: list[Box] = []
    at = 0
    outline: list[tuple[int, str]] = []  # (indent, line) of each open list item or admonition
    fence = False
    header: tuple[str, ...] = ()  # the current table's header and delimiter rows, once both are read
    rows = 0  # the current table's body rows so far
    heading, heading_depth = "", 0
    current = Atom([], "block")
    previous = ""
    for line in body.split("\n"):
        kind = None
        indent = len(line) - len(line.lstrip(" "))
        if not fence and line.strip():
            while outline and indent < outline[-1][0] + 4:  # the line is outside what that item or box holds
                outline.pop()
            innermost = boxes[-1] if boxes else None
            if line.startswith("<li") and innermost and innermost.opener.startswith(("<ol", "<ul")):
                kind = "li" if innermost.items else None
            elif previous == "" and not indent:
                kind = "block" if not innermost or innermost.filled else None
            elif _LIST_ITEM.match(line, indent) and (previous or indent):
                kind = "item"
            elif line.startswith("|") and previous.startswith("|") and len(header) == 2:
                kind = "row" if rows else None
            if kind and not _may_cut_inside(boxes, at):
                kind = None
        if kind and current.lines and not _only_headings(current.lines):
            yield current
            outline_now = tuple(opener for _, opener in outline)
            snapshot = tuple(Box(b.opener, b.at, b.items, b.filled, b.label) for b in boxes)
            current = Atom([], kind, snapshot, header if kind == "row" else (), outline_now, heading, heading_depth)
        current.lines.append(line)
        if line.startswith("```"):
            fence = not fence
        elif not fence and line.strip():
            if boxes and not boxes[-1].filled:
                boxes[-1].filled = True
                if re.fullmatch(r"<p class=[^>]*>.*</p>", line):
                    boxes[-1].label = line
            if _HEADING.match(line):
                heading, heading_depth = line, len(boxes)
            if _OPEN.match(line):
                boxes.append(Box(line, at))
            elif _CLOSE.match(line) and boxes:
                boxes.pop()
            elif line.startswith("<li") and boxes:
                boxes[-1].items += 1
            if _LIST_ITEM.match(line, indent) or _ADMONITION.match(line, indent):
                outline.append((indent, line))
            if not line.startswith("|"):
                header, rows = (), 0
            elif not previous.startswith("|"):
                header = (line,)
            elif len(header) == 1:
                header = (header[0], line)
            else:
                rows += 1
        previous = line
        at += len(line) + 1
    yield current


def _may_cut_inside(boxes: list[Box], at: int) -> bool:
    """A box (a picture with its caption, a section marked "outside the article") stays whole unless it has
    grown past half a page; the items of an HTML list in no such box may be cut between any two."""
    box = next((b for b in reversed(boxes) if b.opener.startswith("<div")), None)
    return box is None or at - box.at > PAGE_BUDGET // 2


def _only_headings(lines: list[str]) -> bool:
    """A heading stays with what follows it: no part ends on a heading."""
    return all(not line or _HEADING.match(line) for line in lines)


def _continued(opener: str, word: str) -> str:
    """An item or box a cut falls inside, shown again where the text goes on: named "(continued)", and
    without its anchor (the first one keeps it)."""
    line = _ANCHOR.sub("", opener).rstrip()
    if _ADMONITION.match(line.lstrip()):
        return line[:-1] + f' {word}"' if line.endswith('"') else line
    bold = re.match(r"\s*(?:[-*+]|\d+\.) \*\*.*?\*\*", line)
    at = bold.end() if bold else len(line)
    return f"{line[:at]} {word}{line[at:]}"


def _outline(atom: Atom, word: str) -> list[str]:
    """The items and boxes a nested item sits in, shown again, and a table's header."""
    lines = []
    for opener in atom.outline:
        lines.append(_continued(opener, word))
        if _ADMONITION.match(opener.lstrip()):
            lines.append("")
    return lines + list(atom.header)


def _new_part(atom: Atom, word: str) -> list[str]:
    """How a part that starts at `atom` opens: the boxes it is in, the section it is in (named again, as
    where it was written: inside the boxes open at its heading), then the items and table it is in."""
    lines = [line for box in atom.boxes[: atom.heading_depth] for line in box.reopened()]
    if atom.heading and not any(_HEADING.match(line) for line in atom.lines[:2]):
        lines += [f"{_ANCHOR.sub('', atom.heading).rstrip()} {word}", ""]
    lines += [line for box in atom.boxes[atom.heading_depth :] for line in box.reopened()]
    return lines + _outline(atom, word)


def pack(body: str, continued: str) -> list[str]:
    """The body in parts of at most PAGE_BUDGET, each block at most BLOCK_BUDGET (where it can be cut).
    ``continued``: the word for an item, box or section shown again after a cut ("(continued)")."""
    parts: list[list[str]] = [[]]
    page = block = 0
    for atom in atoms(body):
        if page and page + atom.size > PAGE_BUDGET:
            parts[-1] += [box.closer() for box in reversed(atom.boxes)]
            parts.append(_new_part(atom, continued))
            page = block = 0
        elif atom.kind == "block":
            block = 0
        elif block + atom.size > BLOCK_BUDGET:
            # A second list, table or HTML list where the first grew too long: it reads as one.
            if atom.kind == "li":  # the list closed and opened again, inside the same boxes
                parts[-1] += [atom.boxes[-1].closer(), "", *atom.boxes[-1].reopened()]
            elif atom.kind == "row" and not atom.outline:
                parts[-1] += ["", *atom.header]
            else:
                parts[-1] += ["", "<!-- -->", "", *_outline(atom, continued)]
            block = 0
        parts[-1] += atom.lines
        page += atom.size
        block += atom.size
    return ["\n".join(lines) for lines in parts]


@dataclass(frozen=True)
class Page:
    """One page's Markdown, taken apart: front matter (with the blank lines after it), heading line, body."""

    front: str
    heading: str
    body: str

    @classmethod
    def read(cls, text: str) -> Page:
        front = ""
        if text.startswith("---\n"):
            end = text.index("\n---\n", 4) + 5
            front, text = text[:end], text[end:]
        rest = text.lstrip("\n")
        front += text[: len(text) - len(rest)]
        head, _, body = rest.partition("\n")
        return cls(front, head, body) if _HEADING.match(head) else cls(front, "", rest)

    def text(self, body: str) -> str:
        return self.front + (self.heading + "\n" if self.heading else "") + body


Words = Callable[[str], str]  # t(key) in the page's language


def paginate(pages: dict[str, str], t: Words) -> dict[str, str]:
    """Markdown file → text, for one edition: long pages cut into parts, and links that point into a part
    rewritten to it. A page within its budgets comes back as it was."""
    out: dict[str, str] = {}
    moved: dict[str, dict[str, str]] = {}  # page file → anchor → the part file that now holds it
    part_of: dict[str, str] = {}  # part file (2 on) → its page's file
    for file, text in pages.items():
        if len(text) <= min(PAGE_BUDGET, BLOCK_BUDGET):
            out[file] = text
            continue
        page = Page.read(text)
        bodies = pack(page.body, t("continued"))
        if len(bodies) == 1:
            out[file] = page.text(bodies[0])
            continue
        stem = file.removesuffix(".md")
        names = [file] + [f"{stem}/{n}.md" for n in range(2, len(bodies) + 1)]
        part_of.update({name: file for name in names[1:]})
        seen = set(_anchors(bodies[0]))
        moved[file] = {}
        for name, body in zip(names[1:], bodies[1:]):
            for anchor in _anchors(body):  # an anchor belongs to the first part that holds it
                if anchor not in seen:
                    seen.add(anchor)
                    moved[file][anchor] = name
        for n, body in enumerate(bodies):
            out[names[n]] = _part(page, body, n, names, t, moved[file] if n == 0 else None)
    return {file: _relinked(file, text, moved, part_of) for file, text in out.items()} if moved else out


def page_of_part(path: str) -> str:
    """The page a later part belongs to, as named above and suffixed by its edition: slug/2.en.md → slug.en.md."""
    folder, name = path.rsplit("/", 1)
    return folder + name[name.index(".") :]


def _anchors(body: str) -> Iterator[str]:
    for match in _ANCHOR.finditer(body):
        yield match.group(1) or match.group(2)


def _part(page: Page, body: str, n: int, names: list[str], t: Words, moved: dict[str, str] | None) -> str:
    """Part n (from 0) of a page: its number in the title and heading, and links to the other parts (written
    as from the page: _relinked writes them again from the part's folder)."""
    label = t("part-of").format(part=n + 1, parts=len(names))
    front = page.front
    if front.startswith("---\n"):
        title = re.search(r"^title: (.*)$", front, flags=re.M)
        whole = ""
        if title:  # the part's number in its title; the page's own title kept for its social card
            front = front[: title.start(1)] + _titled(title.group(1), label) + front[title.end(1) :]
            whole = f"part_of: {title.group(1)}\n"
        end = front.index("\n---\n", 4) + 1
        front = front[:end] + f"part: {n + 1}\nparts: {len(names)}\n{whole}" + front[end:]
    heading = f"{page.heading} {label}" if page.heading else ""
    folder = posixpath.dirname(names[0])
    names = [posixpath.relpath(name, folder or ".") for name in names]  # as written on the page, for _relinked
    links = " · ".join(
        f"**{i + 1}**" if i == n else f'[{i + 1}]({name}){{ data-part="{i + 1}" }}' for i, name in enumerate(names)
    )
    pager = f'<div class="page-parts" data-search-exclude markdown>\n\n{t("parts-of-this-page")}: {links}\n\n</div>\n\n'
    tail = ""
    if n + 1 < len(names):
        tail += f'\n<div class="page-parts" data-search-exclude markdown>\n\n[{t("next-part")} →]({names[n + 1]})\n\n</div>\n'
    if moved:
        tail += f'\n<script type="application/json" id="moved-anchors">{_json(moved)}</script>\n'
    return Page(front, heading, "").text("\n" + pager + body.strip("\n") + "\n" + tail)


def _titled(value: str, label: str) -> str:
    import yaml

    return json.dumps(f"{yaml.safe_load(value)} {label}", ensure_ascii=False)


def _json(moved: dict[str, str]) -> str:
    """Anchor → the number of its part (slug/2.md → 2, at the address slug/2/)."""
    table = {anchor: int(name.rsplit("/", 1)[-1].removesuffix(".md")) for anchor, name in moved.items()}
    return json.dumps(table, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _relinked(file: str, text: str, moved: dict[str, dict[str, str]], part_of: dict[str, str]) -> str:
    """Links from `file` that point at a moved anchor go to its part. A part's text was written for its page,
    so its relative links are read from the page's folder and written again from the part's."""
    written_for = part_of.get(file, file)
    origin, here = posixpath.dirname(written_for), posixpath.dirname(file)
    done: dict[str, str] = {}  # the same few links (the source's paragraphs) come again and again

    def link(match: re.Match[str]) -> str:
        whole = match.group(0)
        if whole not in done:
            target, anchor = match.group(1), match.group(2) or ""
            if _EXTERNAL.match(target) or not (target or anchor):
                done[whole] = whole
            else:
                page = posixpath.normpath(posixpath.join(origin, target)) if target else written_for
                goes_to = moved.get(page, {}).get(anchor[1:], page)
                same = goes_to == file and anchor
                done[whole] = f"]({anchor}" if same else f"]({posixpath.relpath(goes_to, here or '.')}{anchor}"
        return done[whole]

    return _LINK.sub(link, text)
