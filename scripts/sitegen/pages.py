"""The site's pages, each listed once: where it sits in the navigation, its title and heading (keys of the site's
words, strings.yml, which give them in every language), whether the home page points to it, and the data it
needs: a page is made only when its data has entries (``shown``).

Everything else follows from this list: the navigation and its names in each edition (plugin.py), each page's
title in its front matter (render.py) and its heading (templates/_page.md.j2), the home page's way onward, the
check that site.yml describes every page made, and the tests' list of pages. Adding a page is one entry here,
one template, templates/<slug>.md.j2, and its words in strings.yml. A page's description is about the article,
so it lives in the data (site.yml: pages, pages_en); so do the Overview's topic sections (statements.yml: topics).

A page's lists that grow with the data are its listings. Past LIMIT, a page keeps its own words and becomes the
index of its listings, each written on pages of its own by the data's own groups (a province, a district, a topic,
a letter of the alphabet): ``split`` derives them from the data, parts.py renders them.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .slugs import slugify
from .strings import t

Data = Mapping[str, Any]  # the data's collections by name: as read (the plugin's navigation) or checked (the pages)

Entry = Any  # a data entry (a mapping), or what the model derives from them (a computed figure, a check, a span)

# Bytes of Markdown a page may hold before its listings go to pages of their own. Measured on this site's pages
# at 100x data (docs-dev/benchmarks.md): their HTML is at most ~2.5x their Markdown plus ~25 kB of Material's
# frame (navigation, header, footer), so a page of 80 kB stays under 250 kB of HTML. Today's largest page has
# ~40 kB: below the limit every page is whole, as it always was.
LIMIT = 80_000
HOME_CARDS = 12  # key figures (and deadlines) on the home page, at most: the figures page lists them all
PART_FRAME = 2_000  # a part's own words around its entries: its heading, the way back to its page and onward
GROUP_LINKS = 60  # groups a page links to one by one, at most; past that, to its parts (named by what they hold)

# Navigation sections, in order, and the key of each one's name; a page with no section stands alone.
SECTIONS: dict[str, str] = {
    "ket-qua": "section-results",
    "danh-gia": "section-assessment",
    "tra-cuu": "section-reference",
}


# The topics of statements that a page shows (any other topic is a section of the Overview, statements.yml: topics).
PILOT_TOPIC, SHORTCOMINGS_TOPIC, REMEDIES_TOPIC = "dai-hoi-diem", "han-che", "khac-phuc"
PAGE_TOPICS = (PILOT_TOPIC, SHORTCOMINGS_TOPIC, REMEDIES_TOPIC)


def entries(data: Data, name: str) -> list[dict[str, Any]]:
    """A collection's entries; none where it is absent (or, in data not checked yet, not a list of entries)."""
    value = data.get(name)
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def site(data: Data) -> dict[str, Any]:
    value = data.get("site")
    return value if isinstance(value, dict) else {}


def has(*names: str) -> Callable[[Data], bool]:
    """Shown when one of these collections has an entry."""
    return lambda data: any(entries(data, name) for name in names)


def of_topics(data: Data, *topics: str) -> list[dict[str, Any]]:
    return [statement for statement in entries(data, "statements") if statement.get("topic") in topics]


def overview(data: Data) -> bool:
    """The Overview's sections: the guiding documents, the levels (or the congresses above), the topic sections
    (statements of the data's topics), what the article does not report, the context after it."""
    topics = [str(topic.get("id")) for topic in entries(data, "topics")]
    return (
        any("number" in document for document in entries(data, "documents"))
        or bool(entries(data, "levels"))
        or any(not congress.get("pictured") for congress in entries(data, "congresses"))
        or bool(of_topics(data, *topics))
        or bool(site(data).get("not_reported"))
        or bool(entries(data, "context"))
    )


def places(data: Data) -> bool:
    units = data.get("units")
    return bool(entries(data, "places")) or (isinstance(units, dict) and bool(units.get("list")))


def always(data: Data) -> bool:
    return True


@dataclass(frozen=True)
class Listing:
    """A list on a page that grows with the data. The page's template writes it in the macro of this name, given
    the entries (``listing(macro)`` in the page, templating.py); past LIMIT the groups of its entries (entries of one
    group stay together) go to pages of their own, small groups sharing a page, a large one over several."""

    macro: str
    entries: Callable[[Any], list[Entry]]  # the model → the entries, in the order the page lists them
    # The model → an entry's group, a key of the data's own (a province's id, a district, a letter); none: one group
    group: Callable[[Any], Callable[[Entry], str]] = lambda model: lambda entry: ""
    order: Callable[[str], Any] | None = None  # the groups' order, where it is not the entries' (letters)
    anchors: Callable[[Entry], tuple[str, ...]] = lambda entry: (entry["id"],)  # the ids it has on the page
    # The model, a group's key and entries → the group's own anchors (a heading's), which move with its first entry
    group_anchors: Callable[[Any, str, list[Entry]], tuple[str, ...]] = lambda model, key, entries: ()
    slug: str = ""  # between the page's slug and the group's in its parts' addresses, where a page has several
    heading: str | None = None  # the key of the heading the page writes it under: its parts have it too


@dataclass(frozen=True)
class Group:
    key: str
    entries: tuple[Entry, ...]
    total: int  # entries in the whole group (a run holds some of them)


@dataclass(frozen=True)
class Part:
    """One page of a split listing: whole groups, or one run of a group too long for a page (``run``: n, of)."""

    slug: str
    listing: Listing
    groups: tuple[Group, ...]
    run: tuple[int, int] | None = None
    start: int = 0  # where its first group's entries start within that group (a run's place in the group)

    @property
    def markdown_file(self) -> str:
        return f"{self.slug}.md"

    @property
    def entries(self) -> list[Entry]:
        return [entry for group in self.groups for entry in group.entries]


@dataclass(frozen=True)
class Split:
    """A page past LIMIT: the page itself keeps its own words and links to its listings' parts."""

    parts: tuple[Part, ...]

    def of(self, listing: Listing) -> list[Part]:
        return [part for part in self.parts if part.listing is listing]

    def moved(self, model: Any) -> dict[str, str]:
        """Each anchor the whole page had in its listings → the part it is on now (a group's own, its first)."""
        moved: dict[str, str] = {}
        for part in self.parts:
            for group in part.groups:
                if part.run is None or part.run[0] == 1:
                    anchors = part.listing.group_anchors(model, group.key, list(group.entries))
                    moved.update(dict.fromkeys(anchors, part.slug))
                for entry in group.entries:
                    moved.update(dict.fromkeys(part.listing.anchors(entry), part.slug))
        return moved


def groups(listing: Listing, model: Any) -> list[Group]:
    """The listing's entries by their group, in the entries' order (or the listing's ``order``)."""
    by_key: dict[str, list[Entry]] = {}
    key = listing.group(model)
    for entry in listing.entries(model):
        by_key.setdefault(key(entry), []).append(entry)
    keys = sorted(by_key, key=listing.order) if listing.order else list(by_key)
    return [Group(key, tuple(by_key[key]), len(by_key[key])) for key in keys]


def split(page: Page, whole: int, measured: dict[str, list[tuple[Group, int]]], taken: set[str]) -> Split | None:
    """A page's parts, or None for a page that stays whole. ``whole``: its Markdown's bytes with every listing;
    ``measured``: each listing's groups with their bytes (each the largest of its editions); ``taken``: slugs in
    use, to which this page's parts are added. Groups go to a part in order while it holds LIMIT; a group larger
    than that alone goes to as many parts as it fills, its entries shared out evenly."""
    if whole <= LIMIT:
        return None
    budget = LIMIT - PART_FRAME
    parts: list[Part] = []

    def add(listing: Listing, chosen: list[Group], run: tuple[int, int] | None = None, start: int = 0) -> None:
        # A group's name makes the part's address; a long one (names may have 200 characters) is cut, so that no
        # file name runs past what a filesystem takes (255 bytes). Alike beginnings are numbered below.
        key = slugify(chosen[0].key, "-")[:48].rstrip("-")
        words = [page.slug, listing.slug, key]
        if not key or run is not None and run[0] > 1:  # a run of a group, or a part of a list with no groups
            words.append(str(run[0] if run else len(split_parts(listing)) + 1))
        slug = base = "-".join(word for word in words if word)
        number = 1
        while slug in taken:  # two groups whose keys read alike (D and Đ): the second numbered
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        parts.append(Part(slug, listing, tuple(chosen), run, start))

    def split_parts(listing: Listing) -> list[Part]:
        return [part for part in parts if part.listing is listing]

    for listing in page.listings:
        chosen: list[Group] = []
        size = 0
        for group, bytes_ in measured[listing.macro]:
            if chosen and size + bytes_ > budget:
                add(listing, chosen)
                chosen, size = [], 0
            if bytes_ <= budget:
                chosen.append(group)
                size += bytes_
                continue
            runs = math.ceil(bytes_ / budget)
            each = math.ceil(len(group.entries) / runs)
            runs = math.ceil(len(group.entries) / each)
            for n in range(runs):
                run = Group(group.key, group.entries[n * each : (n + 1) * each], group.total)
                add(listing, [run], (n + 1, runs), n * each)
        if chosen:
            add(listing, chosen)
    return Split(tuple(parts))


def _tree(model: Any) -> Iterator[Entry]:
    """The places from each province down, as the page's tree lists them."""
    stack = list(reversed(model.children(None)))
    while stack:
        place = stack.pop()
        yield place
        stack.extend(reversed(model.children(place["id"])))


def _spans(events: list[Entry]) -> list[Any]:
    from .pictures import spans  # the timeline's spans: where the picture's are computed

    return spans(events)


def _topic_anchor(model: Any, topic: str, statements: list[Entry]) -> tuple[str, ...]:
    """A topic section's anchor (statements.yml: topics: its anchor, else its id)."""
    section = model.by_id("topics", topic)
    return (section.get("anchor", section["id"]),)


# Vietnamese alphabetical order: Ă and Â after A, Đ after D, and so on; a letter's tone is not a letter of its own.
ALPHABET = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def letter(text: str) -> str:
    """The letter a word is listed under: its first, upper-case, without its tone ("Ủy" → "U", "Ông" → "Ô")."""
    first = unicodedata.normalize("NFD", text.strip()[:1].upper())
    return unicodedata.normalize("NFC", "".join(mark for mark in first if mark not in TONES))


def alphabetical(key: str) -> tuple[int, str]:
    return (ALPHABET.index(key), key) if key and key in ALPHABET else (len(ALPHABET), key)


@dataclass(frozen=True)
class Page:
    slug: str  # "" is the home page; the template is templates/<slug or index>.md.j2
    title: str  # the key of its words: the navigation's, the <title>'s, the H1's unless heading says more
    section: str | None = None
    heading: str | None = None  # the key of the page's H1, where it says more than the title
    on_home: bool = False  # listed on the home page's way onward
    shown: Callable[[Data], bool] = always  # whether the data has what the page shows: else it is not made
    listings: tuple[Listing, ...] = ()  # its lists that grow with the data, in the page's order

    @property
    def markdown_file(self) -> str:
        """The Markdown file MkDocs reads (index.md for the home page)."""
        return f"{self.slug or 'index'}.md"


PAGES: tuple[Page, ...] = (
    Page("", "page-home"),
    Page(
        "tong-quan",
        "page-overview",
        on_home=True,
        shown=overview,
        listings=(
            Listing("basis", lambda model: [doc for doc in model.documents if "number" in doc], slug="can-cu"),
            Listing("levels", lambda model: model.levels, slug="cac-cap"),
            # Without levels, the page lists the congresses above the commune level instead.
            Listing(
                "congresses",
                lambda model: [] if model.levels else [c for c in model.congresses if not c["pictured"]],
                slug="dai-hoi",
            ),
            Listing(
                "topics",
                lambda model: [statement for topic in model.topic_sections for statement in model.topic(topic["id"])],
                group=lambda model: lambda statement: statement["topic"],
                group_anchors=_topic_anchor,
            ),
            Listing("context", lambda model: model.context, anchors=lambda entry: (), slug="sau-bai-viet"),
            Listing("context_documents", lambda model: model.context_documents, slug="van-ban-sau-bai-viet"),
        ),
    ),
    Page(
        "moc-thoi-gian",
        "page-timeline",
        section="ket-qua",
        on_home=True,
        shown=has("events"),
        listings=(
            Listing(
                "events",
                lambda model: model.timeline,
                group=lambda model: lambda event: str(event["date"].year),
                anchors=lambda event: (),
            ),
            Listing("spans", lambda model: _spans(model.timeline), anchors=lambda span: (), slug="khoang-cach"),
            Listing(
                "days",
                lambda model: [item for item in model.computed if item.op == "days_between"],
                anchors=lambda item: (),
                slug="so-ngay",
            ),
        ),
    ),
    Page(
        "dai-hoi-diem",
        "page-pilot",
        section="ket-qua",
        on_home=True,
        shown=lambda data: "pilot" in site(data),
        listings=(Listing("statements", lambda model: model.topic(PILOT_TOPIC)),),
    ),
    Page(
        "dai-hoi-trong-anh",
        "page-photos",
        section="ket-qua",
        heading="page-photos-heading",
        shown=lambda data: any(congress.get("pictured") for congress in entries(data, "congresses")),
        listings=(Listing("congresses", lambda model: [c for c in model.congresses if c["pictured"]]),),
    ),
    Page(
        "so-lieu",
        "page-figures",
        section="ket-qua",
        on_home=True,
        listings=(
            Listing("figures", lambda model: model.figures, anchors=lambda figure: (), heading="figures-heading"),
            Listing(
                "checks",
                lambda model: list(model.disagreements),
                anchors=lambda check: (),
                slug="kiem-tra",
                heading="arithmetic-heading",
            ),
            Listing(
                "computed",
                lambda model: list(model.computed),
                anchors=lambda item: (item.id,),
                slug="tinh-toan",
                heading="computed-figures-heading",
            ),
        ),
    ),
    Page(
        "bai-hoc-kinh-nghiem",
        "page-lessons",
        section="danh-gia",
        on_home=True,
        shown=has("lessons"),
        listings=(Listing("lessons", lambda model: model.lessons),),
    ),
    Page(
        "han-che",
        "page-shortcomings",
        section="danh-gia",
        on_home=True,
        shown=lambda data: bool(of_topics(data, SHORTCOMINGS_TOPIC, REMEDIES_TOPIC)),
        listings=(
            Listing("shortcomings", lambda model: model.topic(SHORTCOMINGS_TOPIC)),
            Listing("remedies", lambda model: model.topic(REMEDIES_TOPIC), slug="khac-phuc", heading="remedies-heading"),
        ),
    ),
    Page(  # how many: the page says
        "cuoc-van-dong",
        "page-campaigns",
        section="tra-cuu",
        shown=has("campaigns"),
        listings=(Listing("campaigns", lambda model: model.campaigns),),
    ),
    Page(
        "van-ban",
        "page-documents",
        section="tra-cuu",
        shown=has("documents"),
        listings=(
            Listing(
                "guiding",
                lambda model: [doc for doc in model.documents if "number" in doc],
                slug="chi-dao",
                heading="guiding-documents-heading",
            ),
            Listing(
                "mentioned",
                lambda model: [doc for doc in model.documents if "number" not in doc],
                slug="van-kien",
                heading="documents-mentioned-heading",
            ),
        ),
    ),
    Page(
        "dia-danh",
        "page-places",
        section="tra-cuu",
        shown=places,
        listings=(
            Listing(
                "places",
                lambda model: list(_tree(model)),
                group=lambda model: lambda place: model.place_chain(place["id"])[0]["id"],  # its province
            ),
            Listing(
                "units",
                lambda model: model.units.get("list", []),
                group=lambda model: lambda unit: unit["district"],
                anchors=lambda unit: (),
                group_anchors=lambda model, key, units: (f"don-vi-{units[0]['code']}",),
                slug="don-vi",
                heading="units-heading",
            ),
        ),
    ),
    Page(
        "thuat-ngu",
        "page-glossary",
        section="tra-cuu",
        heading="page-glossary-heading",
        shown=has("glossary", "terms"),
        listings=(
            Listing(
                "terms",
                lambda model: model.terms,
                group=lambda model: lambda term: letter(term["term"]),
                order=alphabetical,
                heading="terms-heading",
            ),
            Listing(
                "abbreviations",
                lambda model: model.glossary,
                group=lambda model: lambda entry: letter(entry["abbr"]),
                order=alphabetical,
                slug="chu-viet-tat",
                heading="abbreviations-heading",
            ),
        ),
    ),
    Page("nguon", "page-source", on_home=True),
    Page("du-lieu", "page-data", heading="page-data-heading"),
    Page("gioi-thieu", "page-about", heading="page-about-heading"),
)

# Folders searched for page templates before the package's own: for a site that adds pages of its own.
EXTRA_TEMPLATES: list[str] = []


def present(data: Data) -> tuple[Page, ...]:
    """The pages the data makes, in the registry's order."""
    return tuple(page for page in PAGES if page.shown(data))


def navigation(lang: str, pages: tuple[Page, ...]) -> list[dict[str, object]]:
    """MkDocs' nav of ``pages``, named in ``lang`` (the default edition's): standalone pages, and sections of pages."""
    nav: list[dict[str, object]] = []
    sections: dict[str, list[str]] = {}
    for page in pages:
        if page.section is None:
            nav.append({t(page.title, lang): page.markdown_file})
        else:
            if page.section not in sections:
                sections[page.section] = []
                nav.append({t(SECTIONS[page.section], lang): sections[page.section]})
            sections[page.section].append(page.markdown_file)
    return nav


def nav_translations(default: str, lang: str) -> dict[str, str]:
    """The navigation's names in another edition (the i18n plugin's nav_translations), by their default names."""
    keys = [page.title for page in PAGES if page.section is None] + list(SECTIONS.values())
    return {t(key, default): t(key, lang) for key in keys}


def urls(editions: list[str], pages: tuple[Page, ...] = PAGES) -> list[str]:
    """Each page's address in every edition: "", "so-lieu/", ..., then "en/", "en/so-lieu/", ..."""
    return [edition + (f"{page.slug}/" if page.slug else "") for edition in editions for page in pages]
