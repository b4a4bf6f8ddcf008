"""Long pages are cut into parts, long blocks into shorter ones; short pages are left exactly as they are.

Made-up pages, and budgets made small for the test, so that the behaviour does not depend on today's data.
"""

from __future__ import annotations

import json
import re

import pytest

from sitegen import paginate
from sitegen.strings import t

FRONT = "---\ntitle: Địa danh\ndescription: Các địa danh.\n---\n\n# Địa danh\n\n"


def words(key: str) -> str:
    return t(key, "vi")


@pytest.fixture
def small(monkeypatch):
    """Budgets of a few hundred characters: a page of fifty entries is long."""
    monkeypatch.setattr(paginate, "PAGE_BUDGET", 1200)
    monkeypatch.setattr(paginate, "BLOCK_BUDGET", 400)


def made_up(opening: str, entry: str, n: int, closing: str = "") -> str:
    """A page: the front matter, its opening lines, then `n` entries (`entry` with {i}), then its closing."""
    entries = "\n".join(entry.format(i=i) for i in range(n))
    return f"{FRONT}{opening}{entries}\n{closing}"


def list_page(n: int) -> str:
    return made_up("Từ tỉnh xuống xã.\n\n", "- **Nơi số {i}**{{ #noi-{i} }} [đoạn 1](nguon.md#p1)", n)


def table_page(n: int) -> str:
    header = "## Bảng { #bang }\n\n| Số liệu | Giá trị | Nguồn |\n|---|---|---|\n"
    return made_up(header, "| Số liệu {i} | {i} | [đoạn 2](nguon.md#p2) |", n)


def html_list_page(n: int) -> str:
    entry = '<li id="moc-{i}" markdown>**Mốc {i}** — sự kiện.</li>'
    return made_up('<ol class="timeline" markdown>\n', entry, n, "</ol>\n")


def tree_page(n: int) -> str:
    opening = "- **Tỉnh Kon Tum**{ #kon-tum } [đoạn 10](nguon.md#p10)\n"
    return made_up(opening, "    - **Xã số {i}**{{ #xa-{i} }} [đoạn 8](nguon.md#p8)", n)


def box_page(n: int) -> str:
    return made_up('!!! info "Số liệu tính toán"\n\n', "    - Số ngày {i}: **{i} ngày**", n)


def test_a_page_within_its_budgets_comes_back_byte_for_byte(small):
    page = FRONT + "\n\n".join(f"Đoạn số {i}." for i in range(60)) + "\n"  # short blocks, a page under budget
    assert paginate.BLOCK_BUDGET < len(page) < paginate.PAGE_BUDGET
    assert paginate.paginate({"dia-danh.md": page, "nguon.md": "# Nguồn\n"}, words) == {
        "dia-danh.md": page,
        "nguon.md": "# Nguồn\n",
    }


@pytest.mark.parametrize("make", [list_page, table_page, html_list_page], ids=["list", "table", "html-list"])
def test_a_long_page_is_cut_into_parts_that_keep_every_entry_once_and_in_order(small, make):
    out = paginate.paginate({"dia-danh.md": make(60)}, words)
    parts = ["dia-danh.md"] + sorted((f for f in out if f != "dia-danh.md"), key=lambda f: int(f.split("/")[1][:-3]))
    assert len(parts) > 2 and all(f == "dia-danh.md" or re.fullmatch(r"dia-danh/\d+\.md", f) for f in parts)
    entries = [re.findall(r"(?:Nơi số|Số liệu|Mốc) (\d+)", out[f]) for f in parts]
    assert [int(n) for part in entries for n in part] == list(range(60))
    assert all(len(out[f]) < 2 * paginate.PAGE_BUDGET for f in parts)


def test_each_part_says_which_part_it_is_in_its_title_heading_and_links(small):
    out = paginate.paginate({"dia-danh.md": list_page(60)}, words)
    count = len(out)
    second = out["dia-danh/2.md"]
    assert f'title: "Địa danh (phần 2/{count})"' in second
    assert f"# Địa danh (phần 2/{count})" in second
    assert "[1](../dia-danh.md)" in second and "**2**" in second and "[3](3.md)" in second
    assert "[2](dia-danh/2.md)" in out["dia-danh.md"]


def test_links_to_an_anchor_that_moved_go_to_its_part_from_every_page(small):
    out = paginate.paginate(
        {
            "dia-danh.md": list_page(60),
            "so-lieu.md": "# Số liệu\n\nXem [nơi 59](dia-danh.md#noi-59) và [nơi 0](dia-danh.md#noi-0).\n",
        },
        words,
    )
    holder = next(f for f in out if "{ #noi-59 }" in out[f])
    assert holder != "dia-danh.md"
    assert f"[nơi 59]({holder}#noi-59)" in out["so-lieu.md"]
    assert "[nơi 0](dia-danh.md#noi-0)" in out["so-lieu.md"]


def test_a_part_links_back_to_the_site_from_one_folder_down(small):
    out = paginate.paginate({"dia-danh.md": list_page(60)}, words)
    assert "](../nguon.md#p1)" in out["dia-danh/2.md"]
    assert "](nguon.md#p1)" not in out["dia-danh/2.md"].replace("../nguon.md", "")


def test_part_one_lists_the_anchors_that_moved_so_that_old_links_still_land(small):
    out = paginate.paginate({"dia-danh.md": list_page(60)}, words)
    table = re.search(r'<script type="application/json" id="moved-anchors">(.*?)</script>', out["dia-danh.md"])
    assert table is not None
    moved = json.loads(table.group(1))
    assert moved["noi-59"] == int(next(f for f in out if "{ #noi-59 }" in out[f]).split("/")[1][:-3])
    assert "noi-0" not in moved


def test_a_long_table_repeats_its_header_after_every_cut(small):
    out = paginate.paginate({"so-lieu.md": table_page(60)}, words)
    text = "\n".join(out.values())
    blocks = text.count("| Số liệu | Giá trị | Nguồn |\n|---|---|---|")
    assert blocks > len(out)  # cut between pages, and within each page too
    assert all(len(block) <= paginate.BLOCK_BUDGET + 200 for part in out.values() for block in part.split("\n\n"))


def test_a_long_html_list_is_closed_and_opened_again_at_each_cut_and_goes_on_counting(small):
    out = paginate.paginate({"moc-thoi-gian.md": html_list_page(60)}, words)
    for part in out.values():
        assert len(re.findall(r"<ol\b", part)) == part.count("</ol>") > 0
    text = "\n".join(out[f] for f in sorted(out, key=lambda f: int(f.split("/")[1][:-3]) if "/" in f else 1))
    starts = [(int(m.group(1)), text[: m.start()].count("<li")) for m in re.finditer(r'<ol start="(\d+)"', text)]
    assert len(starts) > 2 and all(start == before + 1 for start, before in starts)


def test_no_part_ends_on_a_heading(small):
    sections = "\n\n".join(f"## Mục {i} {{ #muc-{i} }}\n\n{'Một câu dài. ' * 20}" for i in range(20))
    out = paginate.paginate({"tong-quan.md": f"{FRONT}{sections}\n"}, words)
    assert len(out) > 1
    for part in out.values():
        content = re.sub(r'<div class="page-parts".*?</div>|<script.*?</script>', "", part, flags=re.S)
        assert not content.strip().splitlines()[-1].startswith("#")


@pytest.mark.parametrize("make", [tree_page, box_page], ids=["place-tree", "admonition"])
def test_a_long_nested_list_goes_on_under_its_parent_named_again_as_continued(small, make):
    out = paginate.paginate({"dia-danh.md": make(60)}, words)
    text = "\n".join(out.values())
    assert len(re.findall(r"(?:Xã số|Số ngày) \d+", text)) == 60
    assert "(tiếp theo)" in text
    assert text.count("{ #kon-tum }") == (1 if make is tree_page else 0)
    lists = [block for part in out.values() for block in part.split("\n\n") if block.lstrip().startswith("- ")]
    assert len(lists) > len(out) and max(map(len, lists)) <= paginate.BLOCK_BUDGET + 200


def test_a_picture_and_its_caption_stay_on_one_part(small):
    caption = f"- một {'y' * 150}\n- hai {'y' * 150}"
    picture = '<div class="pic">' + "x" * 100 + "</div>"
    box = f'<div class="pic-locator" markdown>\n\n{picture}\n\n{caption}\n\n</div>\n'
    out = paginate.paginate({"dia-danh.md": list_page(18) + "\n" + box + "\nCuối trang.\n"}, words)
    assert len(out) > 1
    holder = [text for text in out.values() if 'class="pic"' in text]
    assert len(holder) == 1 and caption in holder[0]


def test_a_part_that_starts_within_a_section_names_the_section_again(small):
    out = paginate.paginate({"dia-danh.md": list_page(60).replace("Từ tỉnh xuống xã.", "## Các nơi { #cac-noi }")}, words)
    assert "## Các nơi (tiếp theo)\n" in out["dia-danh/2.md"]
    assert "\n".join(out.values()).count("#cac-noi }") == 1


def balanced(text: str) -> bool:
    return len(re.findall(r"<div\b", text)) == text.count("</div>")


def test_a_long_list_in_a_large_box_is_cut_without_breaking_the_box(small):
    box = '<div class="outside-article" markdown>\n\n<p class="outside-article-mark">Ngoài bài viết</p>\n\n'
    page = list_page(60).replace("Từ tỉnh xuống xã.", box) + "\n</div>\n"
    out = paginate.paginate({"dia-danh.md": page}, words)
    assert len(out) > 1
    for part in out.values():
        assert balanced(part)
        assert part.count('<div class="outside-article" markdown>') == 1
        assert part.count('<p class="outside-article-mark">Ngoài bài viết</p>') == 1  # its label goes with it


def test_a_section_heading_written_inside_a_box_is_repeated_inside_it(small):
    box = '<div class="outside-article" markdown>\n\n## Bối cảnh { #boi-canh }\n\n'
    out = paginate.paginate({"dia-danh.md": list_page(60).replace("Từ tỉnh xuống xã.", box) + "\n</div>\n"}, words)
    second = out["dia-danh/2.md"]
    assert second.index('<div class="outside-article" markdown>') < second.index("## Bối cảnh (tiếp theo)")


def test_no_part_ends_on_a_table_without_rows(small):
    tables = "\n\n".join(f"### Bảng {i}\n\n| a | b |\n|---|---|\n| {'x' * 150} | 1 |" for i in range(12))
    out = paginate.paginate({"so-lieu.md": f"{FRONT}{tables}\n"}, words)
    assert len(out) > 1
    for part in out.values():
        content = re.sub(r'<div class="page-parts".*?</div>|<script.*?</script>', "", part, flags=re.S).strip()
        assert not content.endswith("|---|---|")


def test_an_anchor_shown_again_after_a_cut_stays_with_its_first_part(small):
    big = '<div id="hop" class="box" markdown>\n\n' + "\n\n".join(f"Đoạn {i}. " + "chữ " * 40 for i in range(30))
    out = paginate.paginate({"a.md": f"{FRONT}{big}\n\n</div>\n", "b.md": "# B\n\n[hộp](a.md#hop)\n"}, words)
    assert len(out) > 2
    assert "\n".join(out.values()).count('id="hop"') == 1
    assert "[hộp](a.md#hop)" in out["b.md"]


def test_a_page_in_a_folder_keeps_its_links_and_its_parts_find_their_way(small):
    out = paginate.paginate(
        {"bai-2/dia-danh.md": list_page(60), "bai-2/so-lieu.md": "# S\n\n[nơi 59](dia-danh.md#noi-59)\n"}, words
    )
    holder = next(f for f in out if "{ #noi-59 }" in out[f])
    assert holder.startswith("bai-2/dia-danh/")
    assert f"[nơi 59]({holder.removeprefix('bai-2/')}#noi-59)" in out["bai-2/so-lieu.md"]
    assert "](../nguon.md#p1)" in out["bai-2/dia-danh/2.md"]  # bai-2/nguon.md, as the page meant
    assert "[Phần tiếp theo →](3.md)" in out["bai-2/dia-danh/2.md"]
