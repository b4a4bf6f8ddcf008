"""The site's pages, each listed once: where it sits in the navigation, its title and heading (keys of the site's
words, strings.yml, which give them in every language), whether the home page points to it, and, for pages of
statements, their topic sections.

Everything else follows from this list: the navigation and its names in each edition (plugin.py), each page's
title in its front matter (render.py) and its heading (templates/_page.md.j2), the Overview's topic sections, the
home page's way onward, the check that site.yml describes every page, and the tests' list of pages. Adding a page
is one entry here, one template, templates/<slug>.md.j2, and its words in strings.yml.
A page's description is about the article, so it lives in the data (site.yml: pages, pages_en).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .strings import t

# Navigation sections, in order, and the key of each one's name; a page with no section stands alone.
SECTIONS: dict[str, str] = {
    "ket-qua": "section-results",
    "danh-gia": "section-assessment",
    "tra-cuu": "section-reference",
}


@dataclass(frozen=True)
class Topic:
    """A section of a statements page: the statements of one topic (statements.yml), under this heading."""

    topic: str
    heading: str  # the key of its words
    anchor: str
    numbered: bool = False  # a numbered list (steps) rather than bullets
    see_also: str | None = None  # the slug of a page the section points to at its end


@dataclass(frozen=True)
class Page:
    slug: str  # "" is the home page; the template is templates/<slug or index>.md.j2
    title: str  # the key of its words: the navigation's, the <title>'s, the H1's unless heading says more
    section: str | None = None
    heading: str | None = None  # the key of the page's H1, where it says more than the title
    on_home: bool = False  # listed on the home page's way onward
    topics: tuple[Topic, ...] = field(default_factory=tuple)

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
        topics=(
            Topic("muc-dich", "topic-purpose", "nhiem-vu", numbered=True),
            Topic("y-nghia", "topic-meaning", "y-nghia", see_also="cuoc-van-dong"),
            Topic("quy-dinh", "topic-rules", "quy-dinh"),
            Topic("chi-dao", "topic-direction", "chi-dao"),
            Topic("ban-cong-tac", "topic-work-committees", "ban-cong-tac"),
            Topic("danh-gia", "topic-assessment", "danh-gia"),
        ),
    ),
    Page("moc-thoi-gian", "page-timeline", section="ket-qua", on_home=True),
    Page("dai-hoi-diem", "page-pilot", section="ket-qua", on_home=True),
    Page("dai-hoi-trong-anh", "page-photos", section="ket-qua", heading="page-photos-heading"),
    Page("so-lieu", "page-figures", section="ket-qua", on_home=True),
    Page("bai-hoc-kinh-nghiem", "page-lessons", section="danh-gia", on_home=True),
    Page("han-che", "page-shortcomings", section="danh-gia", on_home=True),
    Page("cuoc-van-dong", "page-campaigns", section="tra-cuu"),  # how many: the page says
    Page("van-ban", "page-documents", section="tra-cuu"),
    Page("dia-danh", "page-places", section="tra-cuu"),
    Page("thuat-ngu", "page-glossary", section="tra-cuu", heading="page-glossary-heading"),
    Page("nguon", "page-source", on_home=True),
    Page("du-lieu", "page-data", heading="page-data-heading"),
    Page("gioi-thieu", "page-about", heading="page-about-heading"),
)

# Folders searched for page templates before the package's own: for a site that adds pages of its own.
EXTRA_TEMPLATES: list[str] = []


def navigation(lang: str) -> list[dict[str, object]]:
    """MkDocs' nav, named in ``lang`` (the default edition's): standalone pages, and sections of pages."""
    nav: list[dict[str, object]] = []
    sections: dict[str, list[str]] = {}
    for page in PAGES:
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


def urls(editions: list[str]) -> list[str]:
    """Every page's address in every edition: "", "so-lieu/", ..., then "en/", "en/so-lieu/", ..."""
    return [edition + (f"{page.slug}/" if page.slug else "") for edition in editions for page in PAGES]
