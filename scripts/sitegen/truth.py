"""Check the dataset's truth against the article: every quote is in the paragraph it cites, every value marked
x-verbatim is written so there, the title, byline, errata, glossary, summary and translation match it, figures
agree with what the article writes. (The data alone was checked first: validate.py.)

Every check raises one EntryError: the entry, what is wrong and what is expected (the dataset names the file and
line).
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal
from typing import Any

from . import numerals
from . import pages as registry
from .article import Article
from .errors import EntryError
from .loader import Dataset

NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
MAX_COMPARED = 1000  # characters of a quote compared with the article's passages (quotes are a sentence or two)
# A range (the term 2024-2029) is the same whichever dash and spaces join it: 2024 – 2029, 2024–2029.
RANGE_DASH = re.compile(r"(?<=\d) ?[-\u2010\u2011\u2013\u2014] ?(?=\d)")


def written_in(value: str, texts: list[str]) -> bool:
    """Whether ``value`` is written in one of ``texts``: as it is, or, for a range, with another dash; and whole,
    not as the end of a longer number or word ("56/756" is not written in "756/756", nor "5/5/2023" in "25/5/2023",
    nor "1" in "01")."""
    if any(_whole_in(value, text) for text in texts):  # most values: a plain search, no pattern to make
        return True
    if not RANGE_DASH.search(value):
        return False
    body = r"\s?[-\u2010\u2011\u2013\u2014]\s?".join(map(re.escape, RANGE_DASH.split(value)))
    before = r"(?<!\w)" if _wordy(value[0]) else ""
    after = r"(?!\w)" if _wordy(value[-1]) else ""
    pattern = re.compile(before + body + after)
    return any(pattern.search(text) for text in texts)


def _wordy(char: str) -> bool:
    """A character regular expressions count as part of a word (\\w): a letter, a digit or "_"."""
    return char.isalnum() or char == "_"


def _whole_in(value: str, text: str) -> bool:
    """Whether ``value`` is in ``text`` with no letter or digit joined on where its own ends are one."""
    start = text.find(value)
    while start >= 0:
        end = start + len(value)
        joined_before = start > 0 and _wordy(text[start - 1]) and _wordy(value[0])
        joined_after = end < len(text) and _wordy(text[end]) and _wordy(value[-1])
        if not joined_before and not joined_after:
            return True
        start = text.find(value, start + 1)
    return False


def closest_passage(article: Article, text: str) -> tuple[str, str]:
    """The paragraph id and the passage of the article most like ``text``, for the error of a quote not found."""
    text = text[:MAX_COMPARED]  # SequenceMatcher's time grows with the product of both lengths
    best = ("", "", 0.0)
    for paragraph in article.paragraphs:
        words = paragraph.text.split()
        size = max(1, len(text.split()))
        for start in range(0, max(1, len(words) - size + 1)):
            passage = " ".join(words[start : start + size])
            score = difflib.SequenceMatcher(None, text, passage, autojunk=False).ratio()
            if score > best[2]:
                best = (paragraph.id, passage, score)
    return best[0], best[1]


def _paragraph(article: Article, dataset: Dataset, path: tuple, pid: str):
    paragraph = article.paragraph(pid)
    if paragraph is None:
        raise EntryError(path, f"the article has no paragraph {pid!r}", f"p1 to p{len(article.paragraphs)}")
    return paragraph


def check_quotes(dataset: Dataset, article: Article) -> None:
    """Every source's quote is in the paragraph it cites (sources are on the entries of list collections)."""
    for name, entries in dataset.values.items():
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            for position, source in enumerate(entry.get("sources", [])):
                path = (name, index, "sources", position)
                paragraph = _paragraph(article, dataset, path + ("paragraph",), source["paragraph"])
                if source["quote"] not in paragraph.text:
                    closest_pid, closest = closest_passage(article, source["quote"])
                    raise EntryError(
                        path + ("quote",),
                        f"the quote is not in paragraph {paragraph.id} of the article",
                        f"the article's words as written; the closest passage is in {closest_pid}: “{closest}”",
                    )


def check_verbatim(dataset: Dataset, schema: dict[str, Any], article: Article) -> None:
    """This project's keyword x-verbatim, on the entries of a list collection (``properties.<name>.items``, the one
    place validate.load_schema allows it): the fields it names are written, as they are, in the article paragraphs
    that the entry's sources cite. The first entry that is not, in the schema's order of collections."""
    for name, sub in schema["properties"].items():
        fields = sub.get("items", {}).get("x-verbatim", [])
        entries = dataset.values.get(name)
        if not fields or not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            cited = [article.paragraph(source["paragraph"]) for source in entry.get("sources", [])]
            texts = [paragraph.text for paragraph in cited if paragraph is not None]
            for field in fields:
                if field in entry and not written_in(str(entry[field]), texts):
                    raise EntryError(
                        (name, index, field),
                        f"{str(entry[field])!r} is not written so in the cited paragraphs "
                        f"({', '.join(p.id for p in cited if p is not None)})",
                        "the value as the article writes it",
                    )


def check_article_meta(dataset: Dataset, article: Article) -> None:
    """The paragraphs marked title and byline are the metadata's title and byline, and the byline names the author.
    The article need not have either paragraph (its title may be only the web page's), nor a byline or author."""
    meta = dataset.values["article"]
    for pid in meta.get("kinds", {}):
        _paragraph(article, dataset, ("article", "kinds", pid), pid)
    for key in ("title", "byline"):
        paragraphs = [p for p in article.paragraphs if p.kind == key]
        if key not in meta and paragraphs:
            raise EntryError(
                ("article",),
                f"the key {key!r} is missing: the article marks {paragraphs[0].id} as its {key}",
                f"{key}: the paragraph as the article writes it",
            )
        if key in meta and (paragraphs[0].text if paragraphs else meta[key]) != meta[key]:
            raise EntryError(
                ("article", key),
                f"the {key} does not match the article's {key} paragraph ({paragraphs[0].id})",
                f"the {key} exactly as the article writes it",
            )
        if key == "byline" and key in meta and not paragraphs:
            raise EntryError(
                ("article", "kinds"),
                "the byline has no paragraph: no paragraph is marked byline",
                "the byline's paragraph marked in kinds (p9: byline), or no byline",
            )
    if "author" in meta and "byline" in meta and meta["author"] not in meta["byline"]:
        raise EntryError(("article", "author"), "the author is not named in the byline", "the name as the byline writes it")


def _plain(number: Decimal) -> str:
    """A number as the data's value and total write it: 6185, 29.75."""
    return format(number, "f")


def check_written(dataset: Dataset, index: int, figure: dict[str, Any]) -> None:
    """value (and total) are the numbers of written, read as the article writes them (6.185 is 6185); its
    total is there or elsewhere (share_of), not both."""
    if "total" in figure and "share_of" in figure:
        raise EntryError(
            ("figures", index, "share_of"),
            "the figure has both a total and share_of",
            "one of them: total for a total written with a slash (12/15), share_of for one written elsewhere",
        )
    if figure.get("share_of") == figure["id"]:
        raise EntryError(("figures", index, "share_of"), "the figure is a share of itself", "the id of the figure of the total")
    written = figure["written"]
    numbers = [numerals.parse(part) for part in written.split("/")]
    if len(numbers) == 2 and "total" not in figure:
        raise EntryError(
            ("figures", index),
            f"written “{written}” has a total after its slash, but the entry has no total",
            f"total: {_plain(numbers[1])}",
        )
    if len(numbers) == 1 and "total" in figure:
        raise EntryError(
            ("figures", index, "total"),
            f"written “{written}” has no total after a slash, but the entry has total {figure['total']}",
            "written with its total (12/15) as the article writes it; or, for a total written elsewhere, share_of",
        )
    for key, number in zip(("value", "total"), numbers, strict=False):
        if numerals.parse(figure[key]) != number:
            path = ("figures", index, key)
            raise EntryError(
                path,
                f"{key} {dataset.written(path) or figure[key]} does not match written “{written}”",
                f"{key}: {_plain(number)} (the number as written, without a dot between thousands)",
            )


def check_percent(dataset: Dataset, index: int, figure: dict[str, Any], by_id: dict[str, Any], article: Article) -> None:
    """A percentage has its total, and the article prints it. Whether the article's numbers give it is the
    article's own arithmetic: the pages show where they do not (numerals.disagreements), the build goes on."""
    if "percent" not in figure:
        return
    path = ("figures", index, "percent")
    total, _ = numerals.total_of(figure, by_id)
    if total is None:
        raise EntryError(
            path,
            "the percentage has no total",
            "total (12/15) or share_of (the id of the figure of the total, written elsewhere)",
        )
    printed = numerals.article_form(figure["percent"])
    cited = [article.paragraph(source["paragraph"]) for source in figure["sources"]]
    pattern = re.compile(rf"(?<![\d.,]){re.escape(printed)}\s?%")
    if not any(paragraph is not None and pattern.search(paragraph.text) for paragraph in cited):
        exact = numerals.percent_of(figure["value"], total)
        pids = ", ".join(source["paragraph"] for source in figure["sources"])
        if numerals.rounds_to(exact, figure["percent"]):
            raise EntryError(
                path,
                f"{printed}% is not printed in the cited paragraphs ({pids})",
                "the percentage as the article prints it (one the site works out goes in computed.yml: percent_of)",
            )
        given = numerals.article_form(numerals.rounded(exact, numerals.decimals(figure["percent"])))
        raise EntryError(
            path,
            f"{printed}% does not match {figure['value']}/{total} and is not printed in the cited paragraphs ({pids})",
            f"{given}% (value ÷ total × 100), as the article prints it",
        )


def check_figures(dataset: Dataset, article: Article) -> None:
    by_id = {figure["id"]: figure for figure in dataset.values["figures"]}
    for index, figure in enumerate(dataset.values["figures"]):
        check_written(dataset, index, figure)
        check_percent(dataset, index, figure, by_id, article)
        if figure["id"] in figure.get("parts", []):
            raise EntryError(("figures", index, "parts"), "the figure is one of its own parts", "the ids of other figures")


def check_errata(dataset: Dataset, article: Article) -> None:
    for index, erratum in enumerate(dataset.values.get("errata", [])):
        paragraph = _paragraph(article, dataset, ("errata", index, "paragraph"), erratum["paragraph"])
        if erratum["wrong"] not in paragraph.text:
            raise EntryError(
                ("errata", index, "wrong"),
                f"{erratum['wrong']!r} is not in paragraph {paragraph.id}",
                "the typo as the article writes it",
            )


def check_glossary(dataset: Dataset) -> None:
    for index, entry in enumerate(dataset.values.get("glossary", [])):
        if entry["defined_in_article"]:
            quotes = " ".join(source["quote"] for source in entry["sources"])
            if entry["expansion"] not in quotes or entry["abbr"] not in quotes:
                raise EntryError(
                    ("glossary", index, "defined_in_article"),
                    "the quote does not spell the abbreviation out",
                    "a quote holding both the abbreviation and its expansion, or defined_in_article: false",
                )


def check_site(dataset: Dataset, article: Article) -> None:
    site = dataset.values["site"]
    known = {page.slug for page in registry.PAGES if page.slug}
    made = {page.slug for page in registry.present(dataset.values) if page.slug}
    for key in ("pages", "pages_en"):  # a description for every page the data makes; one of a page not made is kept
        for slug in sorted((set(site[key]) - known) | (made - set(site[key]))):
            problem = f"there is no page {slug!r}" if slug in site[key] else f"the page {slug!r} has no description"
            raise EntryError(
                ("site", key, slug) if slug in site[key] else ("site", key),
                problem,
                "one description per page the data makes: " + ", ".join(sorted(made)),
            )
    for key in ("lessons_paragraph", "campaigns_paragraph"):
        if key in site:
            _paragraph(article, dataset, ("site", key), site[key])
    if "subject" not in site and (dataset.values.get("lessons") or dataset.values.get("campaigns")):
        raise EntryError(
            ("site",),
            "the key 'subject' is missing: the Lessons and Campaigns pages name the congresses by it",
            "subject and subject_en: what the congresses are (Đại hội MTTQ Việt Nam cấp xã)",
        )
    for index, entry in enumerate(site.get("cards", {}).get("pages", [])):
        if entry["page"] not in known and entry["page"] != "index":
            raise EntryError(
                ("site", "cards", "pages", index, "page"),
                f"there is no page {entry['page']!r}",
                "a page of the site (" + ", ".join(sorted(known)) + "), or index",
            )


def check_page_needs(dataset: Dataset) -> None:
    """What a page needs of the data beyond the schema: the pilot's event and a pictured congress have a place (the
    pages name it), the pilot page's statements have a pilot, and the pages the data points to are made."""
    site = dataset.values["site"]
    known = {page.slug for page in registry.PAGES if page.slug}
    made = {page.slug or "index" for page in registry.present(dataset.values)}
    if "pilot" in site:
        pilot = next(e for e in dataset.values.get("events", []) if e["id"] == site["pilot"]["event"])
        if "place" not in pilot:
            raise EntryError(("site", "pilot", "event"), f"the pilot event {pilot['id']!r} has no place", "an event with a place")
    for index, congress in enumerate(dataset.values.get("congresses", [])):
        if congress.get("pictured") and "place" not in congress:
            raise EntryError(
                ("congresses", index), "a pictured congress has no place", "place: the id of its place in places.yml"
            )
    for index, statement in enumerate(dataset.values.get("statements", [])):
        if statement["topic"] == registry.PILOT_TOPIC and "pilot" not in site:
            raise EntryError(
                ("statements", index, "topic"),
                f"the topic {registry.PILOT_TOPIC!r} is shown on the pilot page, and site.yml names no pilot",
                "site.pilot (the pilot congress's event and figure), or another topic",
            )
    for index, topic in enumerate(dataset.values.get("topics", [])):
        if "see_also" in topic and topic["see_also"] not in known:
            raise EntryError(
                ("topics", index, "see_also"),
                f"there is no page {topic['see_also']!r}",
                "a page of the site: " + ", ".join(sorted(known)),
            )
    for index, level in enumerate(dataset.values.get("levels", [])):
        page = level["link"].partition(".md")[0]
        if page not in made:
            raise EntryError(
                ("levels", index, "link"),
                f"the page {page!r} is not made from this data",
                "a page the site has: " + ", ".join(sorted(made)),
            )


def check_summary(dataset: Dataset, article: Article) -> None:
    # Our own sentences may only carry numbers and dates that the paragraphs they cite carry: in the article's
    # form or the other (6,185 and 29.75 in English text for the article's 6.185 and 29,75).
    for index, sentence in enumerate(dataset.values["site"].get("summary", [])):
        cited = [
            _paragraph(article, dataset, ("site", "summary", index, "paragraphs", i), pid)
            for i, pid in enumerate(sentence["paragraphs"])
        ]
        for key in ("text", "text_en"):
            for number in dict.fromkeys(NUMBER.findall(sentence[key])):  # each number once: each is a search
                forms = (number, numerals.other_form(number))
                if not any(form in paragraph.text for paragraph in cited for form in forms):
                    raise EntryError(
                        ("site", "summary", index, key),
                        f"{number} is not in the cited paragraphs ({', '.join(sentence['paragraphs'])})",
                        "numbers and dates as the cited paragraphs write them (6.185 and 29,75; in English also 6,185 and 29.75)",
                    )


def check_translation(dataset: Dataset, article: Article) -> None:
    """Every paragraph of the article has its English translation, and only those (check_site: every page's description)."""
    translation = dataset.values["translation"]
    ids = [paragraph.id for paragraph in article.paragraphs]
    known_ids = set(ids)  # a look-up per key, not a scan of the paragraphs
    for pid in translation:
        if pid not in known_ids:
            raise EntryError(("translation", pid), f"the article has no paragraph {pid}", f"paragraphs p1 to {ids[-1]}")
    missing = [pid for pid in ids if pid not in translation]
    if missing:
        raise EntryError(
            ("translation",),
            f"paragraph {missing[0]} has no English translation",
            f"an entry '{missing[0]}:' with the paragraph in English",
        )


def check_units(dataset: Dataset) -> None:
    """The published list of units has as many as the article counts, each code once."""
    units = dataset.values.get("units", {"list": []})
    codes: set[str] = set()
    for index, unit in enumerate(units["list"]):
        if unit["code"] in codes:
            raise EntryError(("units", "list", index, "code"), f"the code {unit['code']} is listed twice", "each unit once")
        codes.add(unit["code"])
    if "count_figure" in units:
        figure = next(f for f in dataset.values["figures"] if f["id"] == units["count_figure"])
        expected = figure.get("total", figure["value"])
        if len(units["list"]) != expected:
            raise EntryError(
                ("units", "list"),
                f"the list has {len(units['list'])} units, but the article counts {figure['written']} ({figure['id']})",
                f"{expected} units",
            )


def check_truth(dataset: Dataset, schema: dict[str, Any], article: Article) -> None:
    """Every check of the data against the article."""
    check_article_meta(dataset, article)
    check_quotes(dataset, article)
    check_verbatim(dataset, schema, article)
    check_figures(dataset, article)
    check_errata(dataset, article)
    check_glossary(dataset)
    check_summary(dataset, article)
    check_site(dataset, article)
    check_page_needs(dataset)
    check_translation(dataset, article)
    check_units(dataset)
