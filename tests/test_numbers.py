"""Numbers as a Vietnamese article writes them (4.250, 29,74 %), shares of a total written elsewhere with their
printed percentage, English number forms in English text, the article's own arithmetic shown beside its
figures (not failed), and a term written with any dash. Each test builds a fixture report: the synthetic
dataset with its second paragraph rewritten for the test (made-up numbers, the project's own words)."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from helpers.project import SYNTHETIC, edit, line_of
from sitegen.pipeline import generate, main

OLD_P2 = "Bài viết này là dữ liệu tổng hợp, chỉ dùng để kiểm thử công cụ; mọi địa danh, tên người và con số đều là giả định."
# 2.310 + 1.937 = 4.247, not 4.250; 1.937 ÷ 4.250 is 45,58 %, not 45,62 %: the article's own arithmetic, on purpose.
# 1.264 ÷ 4.250 is 29,74 %, as printed.
P2 = (
    "Toàn tỉnh có 4.250 ủy viên Ủy ban MTTQ Việt Nam cấp xã, trong đó 2.310 nam và 1.937 nữ (tỷ lệ 45,62%); "
    "người dân tộc thiểu số 1.264 người (tỷ lệ 29,74%). Đại hội MTTQ Việt Nam tỉnh Mẫu lần thứ I, nhiệm kỳ 2024 – 2029, họp sau đó."
)
FIGURES = """\
  - id: uy-vien
    label: Ủy viên Ủy ban MTTQ Việt Nam cấp xã
    label_en: "Members of the commune-level committees"
    written: "4.250"
    value: 4250
    parts: [nam, nu]
    unit: người
    unit_en: "people"
    sources:
      - {paragraph: p2, quote: "Toàn tỉnh có 4.250 ủy viên Ủy ban MTTQ Việt Nam cấp xã"}
  - id: nam
    label: Ủy viên nam
    label_en: "Men among the members"
    written: "2.310"
    value: 2310
    share_of: uy-vien
    unit: người
    unit_en: "people"
    sources:
      - {paragraph: p2, quote: "2.310 nam"}
  - id: nu
    label: Ủy viên nữ
    label_en: "Women among the members"
    written: "1.937"
    value: 1937
    share_of: uy-vien
    percent: "45,62"
    unit: người
    unit_en: "people"
    sources:
      - {paragraph: p2, quote: "1.937 nữ (tỷ lệ 45,62%)"}
  - id: dan-toc
    label: Ủy viên là người dân tộc thiểu số
    label_en: "Members from ethnic minorities"
    written: "1.264"
    value: 1264
    share_of: uy-vien
    percent: "29,74"
    unit: người
    unit_en: "people"
    sources:
      - {paragraph: p2, quote: "người dân tộc thiểu số 1.264 người (tỷ lệ 29,74%)"}
"""
CONGRESS = """\
congresses:
  - id: tinh-mau
    name: Đại hội MTTQ Việt Nam tỉnh Mẫu
    name_en: "Mẫu Provincial Congress of the Vietnam Fatherland Front"
    level: Tỉnh
    level_en: "Province"
    session: lần thứ I
    session_en: "1st"
    term: 2024 – 2029
    sources:
      - {paragraph: p2, quote: "Đại hội MTTQ Việt Nam tỉnh Mẫu lần thứ I, nhiệm kỳ 2024 – 2029"}
"""
SUMMARY_EN = "By 20 April 2024, 10/10 communes, wards and towns of Mẫu province had held their congress."


def rewrite_article(data: Path, old: str, new: str) -> None:
    """Change the article's words and record its new checksum, as a maintainer does after editing it."""
    edit(data / "article.txt", old, new)
    digest = hashlib.sha256((data / "article.txt").read_bytes()).hexdigest()
    meta = data / "article.yml"
    meta.write_text(re.sub(r"sha256: \w+", f"sha256: {digest}", meta.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture
def report(tmp_path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(SYNTHETIC, data)
    rewrite_article(data, OLD_P2, P2)
    with (data / "figures.yml").open("a", encoding="utf-8") as figures:
        figures.write(FIGURES)
    (data / "congresses.yml").write_text(CONGRESS, encoding="utf-8")
    return data


def pages(data: Path, out: Path) -> dict[str, str]:
    generate(data, out)
    # As a reader sees them: without the backslashes that keep "4.250" at a line's start from reading as a list.
    return {
        page: (out / page).read_text(encoding="utf-8").replace("\\", "")
        for page in ("so-lieu.md", "so-lieu.en.md", "index.en.md")
    }


def error_of(data: Path, out: Path, capsys) -> str:
    status = main(["--data", str(data), "--out", str(out)])
    err = capsys.readouterr().err.strip()
    assert status == 1 and len(err.splitlines()) == 1, err
    return err


def test_figures_show_thousands_and_printed_decimals_in_each_editions_way(report, tmp_path):
    built = pages(report, tmp_path / "docs")
    assert "**4.250**" in built["so-lieu.md"] and "**4,250**" in built["so-lieu.en.md"]
    assert "**1.264 (29,74%)** trong tổng số 4.250 (Ủy viên Ủy ban MTTQ Việt Nam cấp xã)" in built["so-lieu.md"]
    assert "**1,264 (29.74%)** of 4,250 (Members of the commune-level committees)" in built["so-lieu.en.md"]


def test_the_articles_own_arithmetic_is_shown_beside_its_figures_not_failed(report, tmp_path):
    built = pages(report, tmp_path / "docs")
    vi, en = built["so-lieu.md"], built["so-lieu.en.md"]
    assert "(trang này kiểm tra: 2.310 + 1.937 = 4.247, bài viết ghi 4.250)" in vi
    assert "(trang này kiểm tra: 1.937 ÷ 4.250 × 100 = 45,58%, bài viết ghi 45,62%)" in vi
    assert "(this site's check: 2,310 + 1,937 = 4,247; the article gives 4,250)" in en
    assert "(this site's check: 1,937 ÷ 4,250 × 100 = 45.58%; the article gives 45.62%)" in en
    assert "{ #kiem-tra-so-hoc }" in vi and "{ #kiem-tra-so-hoc }" in en  # the list they link to, labelled the site's


def test_a_printed_percentage_that_its_numbers_give_is_not_flagged(report, tmp_path):
    vi = pages(report, tmp_path / "docs")["so-lieu.md"]
    row = next(line for line in vi.splitlines() if line.startswith("| Ủy viên là người dân tộc thiểu số"))
    assert "kiểm tra" not in row


def test_a_report_whose_numbers_agree_has_no_check_section(tmp_path):
    generate(SYNTHETIC, tmp_path / "docs")
    assert "kiem-tra-so-hoc" not in (tmp_path / "docs" / "so-lieu.md").read_text(encoding="utf-8")


# Numbers in the data that the article does not print fail, each with one line naming the entry and field:
# (the text replaced in figures.yml, its replacement, the line's words after it, the message).
WRONG = {
    "transposed-percent": (
        'percent: "29,74"',
        'percent: "29,47"',
        "figures[5].percent: 29,47% does not match 1264/4250 and is not printed in the cited paragraphs (p2)"
        " — expected 29,74% (value ÷ total × 100), as the article prints it",
    ),
    "percent-not-printed": (
        'percent: "29,74"',
        'percent: "29,7"',
        "figures[5].percent: 29,7% is not printed in the cited paragraphs (p2)",
    ),
    "value-with-a-thousands-dot": (
        "value: 1264",
        "value: 1.264",
        "figures[5].value: value 1.264 does not match written “1.264”"
        " — expected value: 1264 (the number as written, without a dot between thousands)",
    ),
    "value-not-as-written": ("value: 1264", "value: 1246", "figures[5].value: value 1246 does not match written “1.264”"),
    "written-in-english-form": ('written: "1.264"', 'written: "1,264"', "figures[5].written: '1,264' is not written so"),
    "written-in-no-form": (
        'written: "1.264"',
        'written: "1.26"',
        'figures[5].written: “1.26” is not in the right form — expected the figure as the article writes it, in quotes: "01",'
        ' "12/15", "6.185" (a dot between thousands), "29,75" (a decimal comma)',
    ),
    "percent-in-english-form": (
        'percent: "29,74"',
        "percent: 29.74",
        "figures[5].percent: 29.74 is read as a number, not as text — expected the percentage as a cited paragraph prints"
        ' it, without %: 100, or in quotes with its decimal comma: "29,75"',
    ),
    "total-and-share-of": (
        "    share_of: uy-vien",
        "    share_of: uy-vien\n    total: 4250",
        "figures[3].share_of: the figure has both a total and share_of",
    ),
    "percent-without-its-total": (
        '    share_of: uy-vien\n    percent: "45,62"',
        '    percent: "45,62"',
        "figures[4].percent: the percentage has no total",
    ),
}


@pytest.mark.parametrize("case", WRONG.values(), ids=WRONG.keys())
def test_a_wrong_number_in_the_data_fails_in_one_line(report, tmp_path, capsys, case):
    old, new, words = case
    edit(report / "figures.yml", old, new)
    line = line_of(report / "figures.yml", new.strip())
    err = error_of(report, tmp_path / "docs", capsys)
    assert err.startswith(f"error: figures.yml, line {line}, {words}"), err


def test_the_first_of_several_bad_entries_is_named(report, tmp_path, capsys):
    edit(report / "figures.yml", 'written: "1.264"', 'written: "1.26"')
    line = edit(report / "figures.yml", 'written: "4.250"', 'written: "4.25"')
    assert f"figures.yml, line {line}, figures[2].written: “4.25”" in error_of(report, tmp_path / "docs", capsys)


def test_english_text_may_write_english_number_forms(report, tmp_path):
    edit(report / "site.yml", "paragraphs: [p4]", "paragraphs: [p4, p2]")
    edit(report / "site.yml", SUMMARY_EN, "Of 4,250 members, 1,264 (29.74%) are from ethnic minorities.")
    assert "Of 4,250 members" in pages(report, tmp_path / "docs")["index.en.md"]


def test_a_number_the_cited_paragraphs_do_not_write_in_either_form_fails(report, tmp_path, capsys):
    edit(report / "site.yml", "paragraphs: [p4]", "paragraphs: [p4, p2]")
    line = edit(report / "site.yml", SUMMARY_EN, "Of 4,205 members, 1,264 are from ethnic minorities.")
    err = error_of(report, tmp_path / "docs", capsys)
    assert err.startswith(f"error: site.yml, line {line}, site.summary[0].text_en: 4,205 is not in the cited paragraphs (p4, p2)")


SPELLINGS = {"hyphen": "2024-2029", "en-dash": "2024–2029", "spaced-en-dash": "2024 – 2029"}


@pytest.mark.parametrize("article", SPELLINGS.values(), ids=[f"article-{key}" for key in SPELLINGS])
@pytest.mark.parametrize("data", SPELLINGS.values(), ids=[f"data-{key}" for key in SPELLINGS])
def test_a_term_is_the_same_whichever_dash_writes_it(report, tmp_path, article, data):
    rewrite_article(report, "nhiệm kỳ 2024 – 2029", f"nhiệm kỳ {article}")
    congresses = report / "congresses.yml"
    congresses.write_text(
        CONGRESS.replace("term: 2024 – 2029", f"term: {data}").replace("kỳ 2024 – 2029", f"kỳ {article}"), encoding="utf-8"
    )
    generate(report, tmp_path / "docs")
    assert data in (tmp_path / "docs" / "tong-quan.md").read_text(encoding="utf-8")  # shown as the data writes it


def test_another_term_is_not_the_same(report, tmp_path, capsys):
    line = edit(report / "congresses.yml", "term: 2024 – 2029", "term: 2024 – 2028")
    err = error_of(report, tmp_path / "docs", capsys)
    assert err.startswith(f"error: congresses.yml, line {line}, congresses[0].term: '2024 – 2028' is not written so"), err
