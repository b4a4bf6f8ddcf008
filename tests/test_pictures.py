"""The pictures drawn at build time: in both editions, named for screen readers, drawn from the data."""

from __future__ import annotations

import re
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from helpers.html import elements
from helpers.project import ROOT, SYNTHETIC, nav_pages, synthetic_data

ALL_PAGES = nav_pages()

EDITIONS = ["", "en/"]


def as_date(written: str) -> date:
    """A date as the data writes it (26/4/2024), counted here with Python's own calendar."""
    return datetime.strptime(written, "%d/%m/%Y").date()


def english(written: str) -> str:
    day = as_date(written)
    return f"{day.day} {day:%B} {day.year}"  # 26 April 2024


def svgs(site, page) -> list[dict[str, str]]:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    found = elements(html, "svg")
    for svg in found:  # the title and desc the svg is labelled by
        ids = svg.get("aria-labelledby", "").split()
        svg["_labels"] = [
            next((e["_text"] for tag in ("title", "desc") for e in elements(html, tag) if e.get("id") == i), None) for i in ids
        ]
    return [svg for svg in found if "pic-svg" in svg.get("class", "")]


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("page, count", [("moc-thoi-gian/", 2), ("", 2), ("tong-quan/", 1), ("dia-danh/", 1)])
def test_pictures_are_images_with_a_title_and_a_description(site, edition, page, count):
    found = svgs(site, edition + page)
    assert len(found) == count
    for svg in found:
        assert svg["role"] == "img"
        title, desc = svg["_labels"]
        assert title and desc and desc != title


@pytest.mark.parametrize("edition", EDITIONS)
def test_timeline_chart_shows_every_milestone_and_computed_days(site, model, edition):
    chart = svgs(site, edition + "moc-thoi-gian/")[0]
    text, desc = chart["_text"], chart["_labels"][1]
    for event in model.timeline:  # every event of events.yml, by its date and its words
        assert (event["short_en"] if edition else event["short"]) in desc
        if not edition:
            assert event["date"].written in text
    if edition:
        assert english(model.timeline[0]["date"].written) in text
    # the days between consecutive milestones, as the chart says them, and that such numbers are computed
    for first, second in zip(model.timeline, model.timeline[1:]):
        days = (as_date(second["date"].written) - as_date(first["date"].written)).days
        assert (f"{days} ngày" if not edition else f"{days} days") in text
    assert ("tính toán" if not edition else "computed") in text


def test_timeline_status_points_say_as_of(site, model):
    desc = svgs(site, "en/moc-thoi-gian/")[0]["_labels"][1]
    statuses = [event for event in model.timeline if "figure" in event]  # a figure's status on a day
    assert statuses
    for event in statuses:
        said = f"{english(event['date'].written)}: {event['short_en']}"
        assert said in desc and "as of" in said and model.figure(event["figure"])["written"] in said


@pytest.mark.parametrize("edition", EDITIONS)
def test_levels_diagram_gives_the_articles_counts(site, model, edition):
    text = svgs(site, edition + "tong-quan/")[0]["_text"]
    for level in model.levels:  # each level's count (a figure as written) or its congress's session
        if "figure" in level:
            assert model.figure(level["figure"])["written"] in text
        if "congress" in level:
            assert model.by_id("congresses", level["congress"])["session_en" if edition else "session"] in text


def test_pictures_survive_markdown_whole(site):
    """The SVG is one HTML block: Markdown wrapped none of its parts in <p> or escaped its tags."""
    html = (site / "moc-thoi-gian" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg[^>]*pic-h[^>]*>.*?</svg>", html, re.S).group(0)
    assert "<p>" not in svg and "&lt;" not in svg


# In a timeline, the boxes of its words, markers and hanging lines, and which of them meet.
CLASHES = """svg => {
  const box = (e, name) => { const r = e.getBoundingClientRect(); return {name, l: r.left, r: r.right, t: r.top, b: r.bottom} }
  const words = [...svg.querySelectorAll('tspan')].map(e => box(e, e.textContent))
  const marks = [...svg.querySelectorAll('.pic-event, .pic-status, .pic-deadline')].map((e, i) => box(e, 'marker ' + i))
  const lines = [...svg.querySelectorAll('line.pic-leader')].map((e, i) => box(e, 'line ' + i))
  const meet = (a, b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b
  const out = []
  words.forEach((a, i) => [...words.slice(i + 1), ...marks, ...lines].forEach(b => meet(a, b) && out.push(a.name + ' / ' + b.name)))
  marks.forEach((a, i) => marks.slice(i + 1).forEach(b => meet(a, b) && out.push(a.name + ' / ' + b.name)))
  return out
}"""
# What a reader sees of each picture shown, measured by Chromium: its box across the screen and its smallest
# text's size on screen in px (its font size times the picture's scale); the page's width; which of a timeline's
# two layouts shows, and what meets in each timeline shown.
ON_SCREEN = f"""() => ({{
  width: document.documentElement.scrollWidth,
  pictures: [...document.querySelectorAll('svg.pic-svg')].filter(svg => svg.getBoundingClientRect().width > 0)
    .map(svg => ({{picture: svg.querySelector('title').id, left: svg.getBoundingClientRect().left,
      right: svg.getBoundingClientRect().right, px: Math.min(...[...svg.querySelectorAll('text')]
        .map(text => parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a))}})),
  timelines: [...document.querySelectorAll('.pic-timeline')].map(box => ['.pic-v', '.pic-h']
    .map(layout => box.querySelector(layout)?.getClientRects().length > 0)),
  clashes: [...document.querySelectorAll('.pic-timeline svg')].filter(svg => svg.getClientRects().length)
    .map(svg => ({CLASHES})(svg)),
}})"""
# The least size of a picture's text on a 360 px phone and on a 1280 px desktop.
LEAST_PX = {360: 12, 1280: 13}


@pytest.fixture(scope="module")
def on_screen(desktop_tab, phone_tab, server, site) -> dict[tuple[str, int], dict[str, dict]]:
    """(edition, width) → each page with pictures of that edition, as a 360 px phone and a 1280 px desktop show it:
    every such page visited once per screen, for the tests below."""
    with_pictures = [
        path for path in ALL_PAGES if re.search(r'class="?pic-svg\b', (site / path / "index.html").read_text("utf-8"))
    ]
    seen: dict[tuple[str, int], dict[str, dict]] = {}
    for width, tab in ((360, phone_tab.fresh()), (1280, desktop_tab.fresh())):
        for path in with_pictures:
            tab.goto(f"{server}/{path}")
            seen.setdefault(("en/" if path.startswith("en/") else "", width), {})[path] = tab.evaluate(ON_SCREEN)
    return seen


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_a_360px_phone_shows_the_pictures_without_sideways_scroll(on_screen, edition):
    pages = on_screen[edition, 360]
    assert {path: shown["width"] for path, shown in pages.items() if shown["width"] > 360} == {}
    # every picture shown fits the screen
    outside = [
        (path, p["picture"]) for path, shown in pages.items() for p in shown["pictures"] if p["left"] < 0 or p["right"] > 360
    ]
    assert outside == []
    # on a phone a timeline shows its vertical layout, not the horizontal one
    timelines = [layouts for shown in pages.values() for layouts in shown["timelines"]]
    assert timelines and all(layouts == [True, False] for layouts in timelines)


@pytest.mark.browser
@pytest.mark.parametrize("width", LEAST_PX)
@pytest.mark.parametrize("edition", EDITIONS, ids=["vi", "en"])
def test_the_words_in_pictures_are_big_enough_to_read(on_screen, edition, width):
    shown = [(path, p) for path, page in on_screen[edition, width].items() for p in page["pictures"]]
    assert [(path, p) for path, p in shown if p["px"] < LEAST_PX[width]] == []
    assert {"pic-timeline-v-t" if width < 720 else "pic-timeline-h-t", "pic-levels-t"} <= {p["picture"] for _, p in shown}


@pytest.mark.browser
@pytest.mark.parametrize("path", ["moc-thoi-gian/", "", "en/moc-thoi-gian/", "en/"], ids=["vi", "vi-home", "en", "en-home"])
def test_no_words_of_the_timeline_overlap(on_screen, path):
    """No two words, no word and marker, no two markers and no word and the line it hangs from meet: on a phone
    (the vertical timeline) and a desktop (the horizontal one)."""
    edition = "en/" if path.startswith("en/") else ""
    clashes = {width: on_screen[edition, width][path]["clashes"] for width in (360, 1280)}
    assert {width: len(shown) for width, shown in clashes.items()} == {360: 1, 1280: 1}  # one timeline shown
    assert clashes == {360: [[]], 1280: [[]]}


def crowded_timeline() -> list[dict]:
    """Made-up milestones, most a day or a few apart, with long words: the spans' days cannot stand under their
    brackets, the markers would meet on a to-scale axis."""
    from sitegen.dates import parse_date

    days = ["01/3/2024", "02/3/2024", "04/3/2024", "05/3/2024", "20/4/2024", "27/4/2024", "28/4/2024", "30/4/2024"]
    return [
        {
            "date": parse_date(day),
            "kind": "han-chot" if i == len(days) - 1 else "su-kien",
            "short": f"Mốc {i}: Ban công tác Mặt trận 93/HD-MTTQ-BTT",
            **({"figure": "x"} if i % 3 == 2 else {}),
        }
        for i, day in enumerate(days)
    ]


@pytest.mark.browser
@pytest.mark.parametrize(("layout", "px"), [("horizontal", 688), ("vertical", 328)])
def test_a_crowded_timeline_keeps_its_words_apart(page, layout, px):
    from sitegen.pictures import Timeline

    chart = Timeline(crowded_timeline(), "vi", lambda entry, field: entry[field], lambda day: day.written)
    svg = getattr(chart, layout)("crowded")
    page.set_content(
        "<style>body { font-family: -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif }"
        f" svg {{ width: {px}px; overflow: visible }}</style>{svg}"
    )
    assert page.locator("svg").evaluate(CLASHES) == []


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.mark.parametrize("path", ALL_PAGES, ids=lambda p: p.strip("/") or "home")
def test_every_page_has_a_social_card(built, path):
    """og:image points at a 1200×630 PNG of this site, in the page's own edition; with alt text and a large card."""
    site = built.site
    html = (site / path / "index.html").read_text(encoding="utf-8")
    meta = {m.get("property") or m.get("name"): m.get("content") for m in elements(html, "meta")}
    image = meta["og:image"]
    assert image.startswith(built.site_url)  # absolute, at the site's own address (whatever SITE_URL says)
    edition = "en/" if path.startswith("en/") else ""
    relative = image.removeprefix(built.site_url)
    assert relative.startswith(edition + "assets/cards/")
    assert _png_size((site / relative).read_bytes()) == (1200, 630)
    assert meta["og:image:alt"] and meta["twitter:card"] == "summary_large_image"


# The synthetic fixture's cards as its data names them: the home page and the figures page show the figure "xa"
# (with a date), the pilot page "dai-hoi-diem" (without one); the other pages have no figure of their own.
CARDS = {"figure": "xa", "pages": [{"page": "so-lieu", "figure": "xa"}, {"page": "dai-hoi-diem", "figure": "dai-hoi-diem"}]}


def drawn_cards(tmp_path: Path, cards_entry: dict | None) -> dict[str, dict[str, str]]:
    """The synthetic fixture generated with ``cards_entry`` as site.yml's ``cards``: each page's card (by its
    file, index.md, so-lieu.en.md) as drawn (the words given to the drawing) and its alt text."""
    from sitegen import cards
    from sitegen.pipeline import generate

    data = tmp_path / "data"
    shutil.copytree(SYNTHETIC, data)
    site = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))
    site["site"].pop("cards", None)
    if cards_entry is not None:
        site["site"]["cards"] = cards_entry
    (data / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")
    drawn: dict[str, dict[str, str]] = {}  # title → the words drawn
    draw = cards.card

    def recorded(folder, site_name, title, figure, label, when=""):
        drawn[title] = {"figure": figure, "label": label, "when": when}
        return draw(folder, site_name, title, figure, label, when)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cards, "card", recorded)
        generate(data, tmp_path / "docs", search=False)
    out = {}
    for page in (tmp_path / "docs").glob("*.md"):
        meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])
        title = meta["title"] if page.stem.split(".")[0] != "index" else site["site"]["name_en" if ".en" in page.name else "name"]
        out[page.name] = {**drawn[title], "alt": meta["card_alt"], "png": (tmp_path / "docs" / meta["card"]).name}
    return out


@pytest.fixture(scope="module")
def fixture_cards(tmp_path_factory) -> dict[str, dict[str, str]]:
    return drawn_cards(tmp_path_factory.mktemp("cards"), CARDS)


@pytest.fixture(scope="module")
def fixture_figures() -> dict[str, dict]:
    return {f["id"]: f for f in yaml.safe_load((SYNTHETIC / "figures.yml").read_text(encoding="utf-8"))["figures"]}


@pytest.mark.parametrize(
    ("page", "figure"),
    [("index.md", "xa"), ("so-lieu.md", "xa"), ("dai-hoi-diem.md", "dai-hoi-diem"), ("so-lieu.en.md", "xa")],
    ids=["home", "figures", "pilot", "figures-en"],
)
def test_a_card_shows_the_figure_its_page_is_given(fixture_cards, fixture_figures, page, figure):
    drawn = fixture_cards[page]
    assert drawn["figure"] == fixture_figures[figure]["written"]
    assert fixture_figures[figure]["label_en" if ".en." in page else "label"] in drawn["label"]
    assert drawn["alt"].endswith(drawn["label"] + (f", {drawn['when'][:1].lower()}{drawn['when'][1:]}" if drawn["when"] else ""))


@pytest.mark.parametrize(
    ("page", "when"),
    [("so-lieu.md", "Đến ngày 20/4/2024"), ("so-lieu.en.md", "By 20 April 2024"), ("dai-hoi-diem.md", "")],
    ids=["vi", "en", "a figure without a date"],
)
def test_a_card_carries_its_figure_s_date_in_the_edition_s_form(fixture_cards, page, when):
    assert fixture_cards[page]["when"] == when
    if when:
        assert fixture_cards[page]["alt"].endswith(f", {when[:1].lower()}{when[1:]}")


@pytest.mark.parametrize("page", ["thuat-ngu.md", "bai-hoc-kinh-nghiem.en.md", "du-lieu.md"])
def test_a_page_with_no_figure_of_its_own_shows_none_but_its_description(fixture_cards, fixture_figures, page):
    drawn = fixture_cards[page]
    assert drawn["figure"] == "" and drawn["when"] == ""
    assert not any(f["written"] in drawn["alt"] for f in fixture_figures.values())
    assert drawn["label"] and drawn["alt"].endswith(drawn["label"])  # the page's description


def test_the_data_decides_a_page_s_card(tmp_path, fixture_cards):
    """The same page given another figure in site.yml: its card shows that one; without cards, only the home page
    shows a figure (the first with a total)."""
    moved = drawn_cards(tmp_path / "moved", {"figure": "xa", "pages": [{"page": "so-lieu", "figure": "dai-hoi-diem"}]})
    assert moved["so-lieu.md"]["figure"] != fixture_cards["so-lieu.md"]["figure"]
    assert moved["dai-hoi-diem.md"]["figure"] == ""
    bare = drawn_cards(tmp_path / "bare", None)
    assert [page for page, drawn in sorted(bare.items()) if drawn["figure"]] == ["index.en.md", "index.md"]


def test_the_date_is_drawn_on_the_card():
    from sitegen import cards

    assert cards.draw_card("Site", "Số liệu", "10/10", "xã") != cards.draw_card(
        "Site", "Số liệu", "10/10", "xã", "Đến ngày 20/4/2024"
    )


def test_cards_of_the_two_editions_differ(site):
    assert (site / "assets/cards/tong-quan.png").read_bytes() != (site / "en/assets/cards/tong-quan.png").read_bytes()


def test_an_unchanged_card_is_not_drawn_again(tmp_path, monkeypatch):
    from sitegen import cards

    first = cards.card(tmp_path, "Site", "Tổng quan", "102/102", "xã, phường, thị trấn")
    assert _png_size(first) == (1200, 630)
    monkeypatch.setattr(cards, "draw_card", lambda *args: pytest.fail("drawn again"))
    assert cards.card(tmp_path, "Site", "Tổng quan", "102/102", "xã, phường, thị trấn") == first


def test_a_card_is_drawn_again_when_its_drawing_code_or_font_changes(tmp_path, monkeypatch):
    from sitegen import cards

    cards.card(tmp_path, "Site", "Tổng quan", "102/102", "xã, phường, thị trấn")
    drawn = []
    monkeypatch.setattr(cards, "_drawing_digest", lambda: "another drawing")
    monkeypatch.setattr(cards, "draw_card", lambda *args: drawn.append(args) or b"png")
    cards.card(tmp_path, "Site", "Tổng quan", "102/102", "xã, phường, thị trấn")
    assert len(drawn) == 1


def test_a_card_is_drawn_again_when_its_date_changes(tmp_path, monkeypatch):
    from sitegen import cards

    cards.card(tmp_path, "Site", "Tổng quan", "102/102", "xã", "Đến ngày 26/4/2024")
    drawn = []
    monkeypatch.setattr(cards, "draw_card", lambda *args: drawn.append(args) or b"png")
    cards.card(tmp_path, "Site", "Tổng quan", "102/102", "xã", "Đến ngày 27/4/2024")
    assert len(drawn) == 1


def test_a_very_long_word_is_cut_to_the_card_with_an_ellipsis():
    """A word wider than the card (200,000 letters: once 150 s of drawing, or Pillow's DecompressionBombError) is
    cut where the font says it reaches the edge, and ends with an ellipsis; nothing is drawn past the margin."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    from sitegen import cards

    word = "Mẫu" * 70_000
    png = cards.draw_card(word, word, "102/102", word)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (1200, 630)
    margin = image.crop((cards.SIZE[0] - 78, 0, *cards.SIZE))  # right of the text's edge (80 px from the side)
    paper = image.getpixel((50, 0))  # between the red bar and the text (the palette may shift white a little)
    assert margin.getcolors() == [(margin.width * margin.height, paper)]
    font = ImageFont.truetype(str(cards.FONTS / "BeVietnamPro-Bold.ttf"), 72)
    draw = ImageDraw.Draw(image)
    lines = cards._wrap(draw, f"Tổng quan {word}", font, 1040)
    assert lines[0] == "Tổng quan" and lines[1].endswith("…") and lines[1].startswith("MẫuMẫu")
    assert draw.textlength(lines[1], font=font) <= 1040


@pytest.mark.parametrize("edition", EDITIONS)
def test_locator_map_names_its_places_boundaries_and_credit(site, model, edition):
    html = (site / edition / "dia-danh" / "index.html").read_text(encoding="utf-8")
    beside = html[html.index("pic-beside") :]
    beside = beside[: beside.index("</div>")]
    (province,) = [place for place in model.places if "map" in place]
    lowest = [place["name"] for place in model.places if not model.children(place["id"])]  # wards, communes
    assert province["map"]["boundaries_en" if edition else "boundaries"] in beside
    assert ("Outside the article" if edition else "Ngoài bài viết") in beside
    for name in lowest:
        assert name in beside
    assert province["name"] in svgs(site, edition + "dia-danh/")[0]["_text"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_locator_map_names_vietnams_two_archipelagos_by_the_maps_own_names(site, edition):
    from sitegen.locator import ARCHIPELAGOS, shapes

    html = (site / edition / "dia-danh" / "index.html").read_text(encoding="utf-8")
    words = [text["_text"] for text in elements(html, "text")]
    assert [name for name in (shapes()["provinces"][key]["name"] for key in ARCHIPELAGOS) if name not in words] == []


# A map's words, as Chromium draws them: the pairs that meet, and each that runs past the map's sides.
MAP_WORDS = """svg => {
  const map = svg.getBoundingClientRect()
  const words = [...svg.querySelectorAll('text')].map(t => ({name: t.textContent, box: t.getBoundingClientRect()}))
  const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
  const out = []
  words.forEach((a, i) => words.slice(i + 1).forEach(b => meet(a.box, b.box) && out.push(a.name + ' / ' + b.name)))
  words.forEach(a => (a.box.left < map.left - 0.5 || a.box.right > map.right + 0.5) && out.push(a.name + ' runs past the map'))
  return out
}"""


@pytest.mark.browser
@pytest.mark.parametrize("shape", ["kontum", "danang", "quangnam", "khanhhoa", "ninhthuan", "bariavungtau"])
def test_a_maps_words_stay_apart_and_inside_it_wherever_its_province_is(page, shape):
    from sitegen.locator import locator_svg, shapes

    svg = locator_svg(shape, shapes()["provinces"][shape]["name"], "title", "description", "map")
    page.set_content(
        "<style>body { font-family: -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif }"
        f" svg {{ width: 300px; overflow: visible }}</style>{svg}"
    )
    assert page.locator("svg").evaluate(MAP_WORDS) == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_locator_map_credits_its_source_and_terms_in_the_edition_s_words(site, edition):
    from sitegen.locator import shapes
    from sitegen.strings import t

    html = (site / edition / "dia-danh" / "index.html").read_text(encoding="utf-8")
    credit = html[html.index("pic-credit") :]
    credit = credit[: credit.index("</span>")]
    links = {a["_text"]: a["href"] for a in elements(credit, "a")}
    source = shapes()["credit"]
    terms = re.search(r"\[([^\]]+)\]\(\{terms\}\)", t("map-credit", "en" if edition else "vi")).group(1)  # its words for them
    assert links == {source["name"]: source["url"], terms: source["terms"]}
    assert "npm" not in credit and "CC BY" not in credit  # no package name, no other licence


def test_vendored_map_is_small_and_its_terms_travel_with_it():
    import gzip
    import json

    vendor = ROOT / "scripts" / "sitegen" / "vendor"
    data = json.loads((vendor / "vietnam-provinces.json").read_text(encoding="utf-8"))
    assert len(gzip.compress((vendor / "vietnam-provinces.json").read_bytes())) <= 60_000
    assert data["licence"] == "public domain"
    assert "Natural Earth data is public domain." in (vendor / "LICENSE-natural-earth.md").read_text(encoding="utf-8")
    assert sorted(path.name for path in vendor.iterdir()) == ["LICENSE-natural-earth.md", "README.md", "vietnam-provinces.json"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_unit_table_lists_as_many_units_as_the_article_counts(site, model, edition):
    html = (site / edition / "dia-danh" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="don-vi-cap-xa"') if 'id="don-vi-cap-xa"' in html else html.index("id=don-vi-cap-xa") :]
    codes = [cell["_text"].strip() for cell in elements(section, "td") if re.fullmatch(r"\d{5}", cell["_text"].strip())]
    unit_codes = [code for code in codes if code in {u["code"] for u in model.units["list"]}]
    assert len(set(unit_codes)) == len(model.units["list"]) == model.figure(model.units["count_figure"])["total"]
    kinds = [unit["kind"] for unit in model.units["list"]]
    counts = {kind: kinds.count(kind) for kind in ("Xã", "Phường", "Thị trấn")}
    split = (
        f"{counts['Xã']} xã, {counts['Phường']} phường, {counts['Thị trấn']} thị trấn"
        if not edition
        else f"{counts['Xã']} communes, {counts['Phường']} wards, {counts['Thị trấn']} townships"
    )
    assert split in section
    for anchor in ("#quyet-thang", "#dak-pne", "dai-hoi-diem/"):
        assert anchor in section


def test_a_unit_list_that_does_not_match_the_article_stops_the_build(tmp_path, model):
    import shutil

    from sitegen.errors import DataError
    from sitegen.pipeline import generate

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    text = (data / "units.yml").read_text(encoding="utf-8")
    first = text.index("    - code:")
    second = text.index("    - code:", first + 1)
    (data / "units.yml").write_text(text[:first] + text[second:], encoding="utf-8")
    one_less, figure = len(model.units["list"]) - 1, model.figure(model.units["count_figure"])
    with pytest.raises(DataError, match=re.escape(f"the list has {one_less} units, but the article counts {figure['written']}")):
        generate(data, tmp_path / "docs")


def test_several_maps_on_a_page_each_keep_their_own_title(tmp_path):
    """With more mapped places (here the data twice over), each map is labelled by its own title and description."""
    from sitegen.pipeline import generate

    generate(synthetic_data(2, tmp_path / "data"), tmp_path / "docs")
    page = (tmp_path / "docs" / "dia-danh.md").read_text(encoding="utf-8")
    maps = [svg for svg in elements(page, "svg") if "pic-map" in svg.get("class", "")]
    ids = [label for svg in maps for label in svg["aria-labelledby"].split()]
    assert len(maps) >= 2
    assert len(ids) == len(set(ids)) == len(set(re.findall(r'<(?:title|desc) id="([^"]+)"', page)) & set(ids))
