"""The site's pages, each listed once: where it sits in the navigation, its title and heading (keys of the site's
words, strings.yml, which give them in every language), whether the home page points to it, and the data it
needs: a page is made only when its data has entries (``shown``).

Everything else follows from this list: the navigation and its names in each edition (plugin.py), each page's
title in its front matter (render.py) and its heading (templates/_page.md.j2), the home page's way onward, the
check that site.yml describes every page made, and the tests' list of pages. Adding a page is one entry here,
one template, templates/<slug>.md.j2, and its words in strings.yml. A page's description is about the article,
so it lives in the data (site.yml: pages, pages_en); so do the Overview's topic sections (statements.yml: topics).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .strings import t

Data = Mapping[str, Any]  # the data's collections by name: as read (the plugin's navigation) or checked (the pages)

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
class Page:
    slug: str  # "" is the home page; the template is templates/<slug or index>.md.j2
    title: str  # the key of its words: the navigation's, the <title>'s, the H1's unless heading says more
    section: str | None = None
    heading: str | None = None  # the key of the page's H1, where it says more than the title
    on_home: bool = False  # listed on the home page's way onward
    shown: Callable[[Data], bool] = always  # whether the data has what the page shows: else it is not made

    @property
    def markdown_file(self) -> str:
        """The Markdown file MkDocs reads (index.md for the home page)."""
        return f"{self.slug or 'index'}.md"


PAGES: tuple[Page, ...] = (
    Page("", "page-home"),
    Page("tong-quan", "page-overview", on_home=True, shown=overview),
    Page("moc-thoi-gian", "page-timeline", section="ket-qua", on_home=True, shown=has("events")),
    Page("dai-hoi-diem", "page-pilot", section="ket-qua", on_home=True, shown=lambda data: "pilot" in site(data)),
    Page(
        "dai-hoi-trong-anh",
        "page-photos",
        section="ket-qua",
        heading="page-photos-heading",
        shown=lambda data: any(congress.get("pictured") for congress in entries(data, "congresses")),
    ),
    Page("so-lieu", "page-figures", section="ket-qua", on_home=True),
    Page("bai-hoc-kinh-nghiem", "page-lessons", section="danh-gia", on_home=True, shown=has("lessons")),
    Page(
        "han-che",
        "page-shortcomings",
        section="danh-gia",
        on_home=True,
        shown=lambda data: bool(of_topics(data, SHORTCOMINGS_TOPIC, REMEDIES_TOPIC)),
    ),
    Page("cuoc-van-dong", "page-campaigns", section="tra-cuu", shown=has("campaigns")),  # how many: the page says
    Page("van-ban", "page-documents", section="tra-cuu", shown=has("documents")),
    Page("dia-danh", "page-places", section="tra-cuu", shown=places),
    Page("thuat-ngu", "page-glossary", section="tra-cuu", heading="page-glossary-heading", shown=has("glossary", "terms")),
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
