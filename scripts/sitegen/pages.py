"""The site's pages, each listed once: where it sits in the navigation, its title and heading in both
languages, whether the home page points to it, and, for pages of statements, their topic sections.

Everything else follows from this list: the navigation and its English names (plugin.py), each page's title
in its front matter (render.py) and its heading (templates/_page.md.j2), the home page's way onward, the check
that site.yml describes every page, and the tests' list of pages. Adding a page is one entry here and one template, templates/<slug>.md.j2.
A page's description is about the article, so it lives in the data (site.yml: pages, pages_en).
"""

from __future__ import annotations

from dataclasses import dataclass, field

Words = tuple[str, str]  # (Vietnamese, English)

# Navigation sections, in order; a page with no section stands alone in the navigation.
SECTIONS: dict[str, Words] = {
    "ket-qua": ("Kết quả", "Results"),
    "danh-gia": ("Đánh giá", "Assessment"),
    "tra-cuu": ("Tra cứu", "Reference"),
}


@dataclass(frozen=True)
class Topic:
    """A section of a statements page: the statements of one topic (statements.yml), under this heading."""

    topic: str
    heading: Words
    anchor: str
    numbered: bool = False  # a numbered list (steps) rather than bullets


@dataclass(frozen=True)
class Page:
    slug: str  # "" is the home page; the template is templates/<slug or index>.md.j2
    title: Words
    section: str | None = None
    heading: Words | None = None  # the page's H1, where it says more than the title
    on_home: bool = False  # listed on the home page's way onward
    topics: tuple[Topic, ...] = field(default_factory=tuple)

    @property
    def markdown_file(self) -> str:
        """The Markdown file MkDocs reads (index.md for the home page)."""
        return f"{self.slug or 'index'}.md"


PAGES: tuple[Page, ...] = (
    Page("", ("Trang chủ", "Home")),
    Page(
        "tong-quan",
        ("Tổng quan", "Overview"),
        on_home=True,
        topics=(
            Topic("muc-dich", ("Đại hội cấp xã làm gì", "What a commune-level congress does"), "nhiem-vu", numbered=True),
            Topic("y-nghia", ("Ý nghĩa", "What it means"), "y-nghia"),
            Topic("quy-dinh", ("Quy định", "Rules"), "quy-dinh"),
            Topic(
                "chi-dao",
                ("Tỉnh đôn đốc, kiểm tra công tác chuẩn bị", "How the province urged and inspected the preparations"),
                "chi-dao",
            ),
            Topic(
                "ban-cong-tac",
                ("Hội nghị Ban công tác Mặt trận thôn", "Conferences of the village Front work committees"),
                "ban-cong-tac",
            ),
            Topic("danh-gia", ("Đánh giá chung", "Overall assessment"), "danh-gia"),
        ),
    ),
    Page("moc-thoi-gian", ("Mốc thời gian", "Timeline"), section="ket-qua", on_home=True),
    Page("dai-hoi-diem", ("Đại hội điểm", "Pilot congress"), section="ket-qua", on_home=True),
    Page(
        "dai-hoi-trong-anh",
        ("Đại hội trong ảnh", "Congresses in the photos"),
        section="ket-qua",
        heading=("Đại hội trong ảnh của bài viết", "Congresses in the article's photos"),
    ),
    Page("so-lieu", ("Số liệu", "Figures"), section="ket-qua", on_home=True),
    Page("bai-hoc-kinh-nghiem", ("Bài học kinh nghiệm", "Lessons learned"), section="danh-gia", on_home=True),
    Page("han-che", ("Hạn chế, khuyết điểm", "Shortcomings"), section="danh-gia", on_home=True),
    Page("cuoc-van-dong", ("Các cuộc vận động", "The campaigns"), section="tra-cuu"),  # how many: the page says
    Page("van-ban", ("Văn bản", "Documents"), section="tra-cuu"),
    Page("dia-danh", ("Địa danh", "Places"), section="tra-cuu"),
    Page(
        "thuat-ngu",
        ("Thuật ngữ", "Glossary"),
        section="tra-cuu",
        heading=("Thuật ngữ và chữ viết tắt", "Terms and abbreviations"),
    ),
    Page("nguon", ("Bài viết gốc", "Source article"), on_home=True),
    Page("du-lieu", ("Dữ liệu", "Open data"), heading=("Dữ liệu mở", "Open data")),
    Page("gioi-thieu", ("Giới thiệu", "About"), heading=("Về trang này", "About this site")),
)

# Folders searched for page templates before the package's own: for a site that adds pages of its own.
EXTRA_TEMPLATES: list[str] = []


def navigation() -> list[dict[str, object]]:
    """MkDocs' nav, in the default language: standalone pages, and sections of pages."""
    nav: list[dict[str, object]] = []
    sections: dict[str, list[str]] = {}
    for page in PAGES:
        if page.section is None:
            nav.append({page.title[0]: page.markdown_file})
        else:
            if page.section not in sections:
                sections[page.section] = []
                nav.append({SECTIONS[page.section][0]: sections[page.section]})
            sections[page.section].append(page.markdown_file)
    return nav


def nav_translations(language: int) -> dict[str, str]:
    """The navigation's names in another language (the i18n plugin's nav_translations)."""
    names = {page.title[0]: page.title[language] for page in PAGES if page.section is None}
    names.update({words[0]: words[language] for words in SECTIONS.values()})
    return names


def urls(editions: list[str]) -> list[str]:
    """Every page's address in every edition: "", "so-lieu/", ..., then "en/", "en/so-lieu/", ..."""
    return [edition + (f"{page.slug}/" if page.slug else "") for edition in editions for page in PAGES]
