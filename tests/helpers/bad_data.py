"""Ways to break (or just oddly write) a copy of a data folder, each returning the place its error must name.
Shared by the error tests (tests/test_errors.py) and the serve tests (tests/test_commands.py)."""

from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

from helpers.project import SYNTHETIC, edit, line_of


def set_line(path: Path, key_line: str, new: str) -> int:
    """Replace the whole line that starts with ``key_line`` (after indentation); return its number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.strip().startswith(key_line))
    indent = lines[number][: len(lines[number]) - len(lines[number].lstrip())]
    lines[number] = indent + new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


# Each case: damage(data folder) → the place the message must name; and words the message must hold.
def malformed_yaml(d):
    line = edit(d / "figures.yml", "    value: 10\n", "    value: [10\n")
    return f"figures.yml, line {line}"


def tab_indent(d):
    line = edit(d / "figures.yml", "    value: 10\n", "\tvalue: 10\n")
    return f"figures.yml, line {line}"


def empty_file(d):
    (d / "errata.yml").write_text("")
    return "errata.yml"


def not_utf8(d):
    encoded = (d / "places.yml").read_text(encoding="utf-8").encode("cp1258", "replace")
    (d / "places.yml").write_bytes(encoded)
    line = next(n for n, text in enumerate(encoded.split(b"\n"), start=1) if max(text, default=0) >= 0x80)
    return f"places.yml, line {line}"


def wrong_type(d):
    line = edit(d / "figures.yml", "    value: 10\n", "    value: nhiều\n")
    return f"figures.yml, line {line}, figures[0].value"


def iso_date(d):
    line = edit(d / "figures.yml", "date: 20/4/2024", "date: 2024-04-20")
    return f"figures.yml, line {line}, figures[0].date"


def date_not_as_written(d):
    line = edit(d / "figures.yml", "date: 20/4/2024", "date: 21/4/2024")
    return f"figures.yml, line {line}, figures[0].date"


def unquoted_leading_zero(d):
    line = edit(d / "figures.yml", "written: 01/10", "written: 01")
    return f"figures.yml, line {line}, figures[1].written"


def unknown_key(d):
    line = edit(d / "lessons.yml", "    title: ", "    titel: ")
    return f"lessons.yml, line {line}, lessons[0].titel"


def missing_key(d):
    edit(d / "lessons.yml", "    title: chuẩn bị sớm\n", "")
    line = line_of(d / "lessons.yml", "  - id: thu-nhat")
    return f"lessons.yml, line {line}, lessons[0]"


def duplicate_id(d):
    line = edit(d / "events.yml", "id: xong", "id: dai-hoi-diem")
    return f"events.yml, line {line}, events[1].id"


def quote_not_in_article(d):
    line = edit(d / "statements.yml", 'quote: "nhân sự còn kiêm nhiệm"', 'quote: "nhân sự vẫn kiêm nhiệm"')
    return f"statements.yml, line {line}"


def impossible_date(d):
    line = edit(d / "events.yml", "date: 20/4/2024", "date: 31/02/2024")
    return f"events.yml, line {line}, events[1].date"


def percent_mismatch(d):
    line = edit(d / "figures.yml", "    percent: 100\n", "    percent: 90\n")
    return f"figures.yml, line {line}, figures[0].percent"


def nan_percent(d):
    line = edit(d / "figures.yml", "    percent: 100\n", "    percent: .nan\n")
    return f"figures.yml, line {line}, figures[0].percent"


def infinite_value(d):
    line = edit(d / "figures.yml", "    value: 10\n", "    value: .inf\n")
    return f"figures.yml, line {line}, figures[0].value"


def unknown_reference(d):
    line = edit(d / "events.yml", "place: thu-nghiem", "place: thu-nghiam")
    return f"events.yml, line {line}, events[0].place"


def written_as_the_end_of_a_longer_number(d):
    line = edit(d / "figures.yml", "    written: 10/10\n    value: 10\n", "    written: 0/10\n    value: 0\n")
    edit(d / "figures.yml", "    percent: 100\n", "")
    return f"figures.yml, line {line}, figures[0].written"


def date_as_the_end_of_a_longer_date(d):
    line = edit(d / "events.yml", "    date: 05/02/2024\n", "    date: 5/02/2024\n")
    return f"events.yml, line {line}, events[0].date"


def article_emptied(d):
    (d / "article.txt").write_bytes(b"")
    return "article.yml"


def invisible_only_text(d):
    line = edit(d / "figures.yml", 'label_en: "Communes', 'label_en: "\u200b\u2060\ufeff"\n    x_old: "Communes')
    edit(d / "figures.yml", '    x_old: "Communes, wards and towns that had held their congress"\n', "")
    return f"figures.yml, line {line}, figures[0].label_en"


def computed_from_one_input_twice(d):
    line = edit(d / "computed.yml", "inputs: [events/dai-hoi-diem, events/xong]", "inputs: [events/xong, events/xong]")
    return f"computed.yml, line {line}, computed[0].inputs"


def parents_in_a_loop(d):
    line = edit(d / "places.yml", "name: Mẫu Sơn, parent: tinh-mau", "name: Mẫu Sơn, parent: thu-nghiem")
    return f"places.yml, line {line}, places[1].parent"


def id_a_list(d):
    line = edit(d / "figures.yml", "  - id: xa\n", "  - id: [xa, xb]\n")
    return f"figures.yml, line {line}, figures[0].id"


def text_tag_on_a_mapping(d):
    line = edit(d / "figures.yml", "  - id: xa\n", "  - id: !!str {b: 1}\n")
    return f"figures.yml, line {line}"


def duplicate_key(d):
    line = edit(d / "lessons.yml", "    title: ", "    title: x\n    title: ")
    return f"lessons.yml, line {line + 1}"


def collection_twice(d):
    (d / "figures-old.yml").write_text("# an old copy\nfigures:\n  - id: x\n", encoding="utf-8")
    return "figures"  # whichever of the two comes first; the message names both


def english_missing(d):
    edit(d / "events.yml", '    title_en: "Pilot congress at Thử Nghiệm commune"\n', "")
    line = line_of(d / "events.yml", "  - id: dai-hoi-diem")
    return f"events.yml, line {line}, events[0]"


def translation_missing(d):
    edit(d / "translation.yml", '  p9: "Text: Tác Giả Mẫu"\n', "")
    return "translation.yml"


def unknown_collection(d):
    (d / "extra.yml").write_text("# extra facts\n\nextras:\n  - id: x\n", encoding="utf-8")
    return "extra.yml, line 3"


def control_character(d):
    line = edit(d / "figures.yml", "    label: Xã, phường, thị trấn đã tổ chức xong đại hội\n", '    label: "Xã\\x01"\n')
    return f"figures.yml, line {line}, figures[0].label"


def top_level_list(d):
    (d / "errata.yml").write_text("- id: x\n", encoding="utf-8")
    return "errata.yml, line 1"


def article_text_changed(d):
    path = d / "article.txt"
    path.write_bytes(path.read_bytes().replace("10/10 (đạt 100%)".encode(), "9/10 (đạt 90%)".encode()))
    return "article.yml"


def article_newline_added(d):
    path = d / "article.txt"
    path.write_bytes(path.read_bytes() + b"\n")
    return "article.yml"


def article_outside_data(d):
    line = edit(d / "article.yml", "file: article.txt", "file: ../../../../etc/passwd")
    return f"article.yml, line {line}, article.file"


def article_device(d):
    line = edit(d / "article.yml", "file: article.txt", "file: /dev/zero")
    return f"article.yml, line {line}, article.file"


def article_too_large(d):
    with open(d / "huge.txt", "wb") as huge:
        huge.truncate(64 * 1024 * 1024)  # sparse: no disk used
    line = edit(d / "article.yml", "file: article.txt", "file: huge.txt")
    return f"article.yml, line {line}, article.file"


def billion_laughs(d):
    lines = ['a: &a ["lol\\\\", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 9):
        lines.append(f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join([f"*{chr(96 + n)}"] * 9) + "]")
    (d / "errata.yml").write_text("errata: []\nbomb:\n" + "\n".join("  " + line for line in lines) + "\n", encoding="utf-8")
    return "errata.yml"


def data_file_too_large(d):
    with open(d / "figures.yml", "ab") as big:
        big.truncate(40 * 1024 * 1024)
    return "figures.yml"


def folder_named_yml(d):
    (d / "extra.yml").mkdir()
    return "extra.yml"


def dangling_symlink(d):
    (d / "more.yml").symlink_to(d / "nowhere.yml")
    return "more.yml"


def fifo_named_yml(d):
    os.mkfifo(d / "pipe.yml")
    return "pipe.yml"


# Hostile input: each of these once gave a Python exception's words, a traceback or a hang.
def impossible_iso_date(d):
    line = edit(d / "figures.yml", "date: 20/4/2024", "date: 2024-02-30")  # PyYAML's own date: a ValueError
    return f"figures.yml, line {line}, figures[0].date"


def year_zero(d):
    line = edit(d / "events.yml", "date: 05/02/2024", "date: 0000-01-01")
    return f"events.yml, line {line}, events[0].date"


def complex_key(d):
    line = edit(d / "lessons.yml", "    title: ", "    ? [a, b]\n    : 1\n    title: ")
    return f"lessons.yml, line {line}, lessons[0]"


def huge_number(d):
    line = edit(d / "figures.yml", "    value: 10\n", f"    value: {'9' * 5000}\n")  # beyond Python's 4,300 digits
    return f"figures.yml, line {line}, figures[0].value"


def not_a_number(d):
    line = edit(d / "figures.yml", "    value: 10\n", "    value: 0x_\n")  # YAML's hexadecimal form, without digits
    return f"figures.yml, line {line}, figures[0].value"


def deep_nesting(d):
    (d / "errata.yml").write_text("# deep\nerrata: " + "[" * 990 + "]" * 990 + "\n", encoding="utf-8")
    return "errata.yml, line 2, errata[0]"


def deeper_than_libyaml(d):
    (d / "errata.yml").write_text("# deeper\nerrata: " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    return "errata.yml, line 2"


def alias_inside_itself(d):
    (d / "errata.yml").write_text("# recursive\nerrata: &a [*a]\n", encoding="utf-8")
    return "errata.yml, line 2, errata"


def yaml_type(d):
    line = edit(d / "figures.yml", "    value: 10\n", "    value: !!binary MTA=\n")
    return f"figures.yml, line {line}, figures[0].value"


def c1_control_character(d):
    line = edit(d / "site.yml", "description: Trang", "description: Tr\x85ang")  # NEL: YAML takes it for a line end
    return f"site.yml, line {line}, column 18, site.description"


def escaped_c1_control_character(d):
    old = "description: Trang tổng hợp để kiểm thử công cụ; không phải tin thật."
    line = edit(d / "site.yml", old, 'description: "Trang\\x9b tổng hợp"')  # parses, but breaks the front matter
    return f"site.yml, line {line}, site.description"


def nul_byte(d):
    path = d / "site.yml"
    line = line_of(path, "description: Trang")
    path.write_bytes(path.read_bytes().replace(b"description: Trang", b"description: Tr\x00ang", 1))
    return f"site.yml, line {line}, column 18, site.description"


def integer_key_beside_unknown_key(d):
    line = edit(d / "lessons.yml", "    title: ", "    1: x\n    titel: ")
    return f"lessons.yml, line {line}, lessons[0]"


def integer_page_key(d):
    line = edit(d / "site.yml", "  pages:\n", "  pages:\n    1: x\n    zzz: y\n") + 1  # once a sorting TypeError
    return f"site.yml, line {line}, site.pages"


def newline_in_file_name(d):
    (d / "more\nfigures.yml").write_text("# extra\nmore: []\n", encoding="utf-8")
    return "more\\nfigures.yml"  # written on one line, as Python writes it


def direction_control_in_file_name(d):
    (d / "\u202elmy.yml").write_text("lmy: []\n", encoding="utf-8")
    return "\\u202elmy.yml"


def file_name_not_utf8(d):
    (d / os.fsdecode(b"more\xff.yml")).write_text("# extra\nmore: []\n", encoding="utf-8")
    return "more\\udcff.yml"


def duplicate_in_list(d):
    (d / "synonyms.yml").write_text(
        "# search words\nsynonyms:\n  - id: a\n    terms: [hạn chế, thiếu sót, hạn chế]\n    terms_en: [flaw]\n", encoding="utf-8"
    )
    return "synonyms.yml, line 4, synonyms[0].terms[2]"


def long_mixed_list(d):
    # jsonschema compared every pair of 20,000 items of text and numbers (uniqueItems): 37 s; now linear
    items = ", ".join(f"t{i}" if i % 2 else str(i) for i in range(20_000))
    (d / "synonyms.yml").write_text(
        f"# search words\nsynonyms:\n  - id: a\n    terms: [{items}]\n    terms_en: [a]\n", encoding="utf-8"
    )
    return "synonyms.yml, line 4, synonyms[0].terms["


def long_written(d):
    line = edit(d / "figures.yml", "written: 10/10", f'written: "{"9" * 5000}"')  # int() of it would fail
    return f"figures.yml, line {line}, figures[0].written"


def long_name(d):
    line = edit(d / "site.yml", "short_name: Tỉnh Mẫu (tổng hợp)", "short_name: " + "Mẫu " * 62 + "xy")  # 250 letters
    return f"site.yml, line {line}, site.short_name"


def required_file_missing(d):
    (d / "figures.yml").unlink()
    return "figures.yml"


def no_figure(d):
    (d / "figures.yml").write_text("# none\nfigures: []\n", encoding="utf-8")
    return "figures.yml, line 2, figures"


def byline_without_its_paragraph(d):
    edit(d / "article.yml", "    p9: byline\n", "")
    return f"article.yml, line {line_of(d / 'article.yml', '  kinds:') + 1}, article.kinds"  # the line of its first entry


def lessons_without_subject(d):
    edit(
        d / "site.yml",
        "  subject: Đại hội MTTQ Việt Nam cấp xã\n  subject_en: commune-level Vietnam Fatherland Front congresses\n",
        "",
    )
    return f"site.yml, line {line_of(d / 'site.yml', 'site:') + 1}, site"


def unknown_topic(d):
    line = edit(d / "statements.yml", "topic: han-che", "topic: han-chee")
    return f"statements.yml, line {line}, statements[0].topic"


def pilot_topic_without_pilot(d):
    edit(d / "site.yml", "  pilot:\n    event: dai-hoi-diem\n    figure: dai-hoi-diem\n", "")
    line = edit(d / "statements.yml", "topic: han-che", "topic: dai-hoi-diem")
    return f"statements.yml, line {line}, statements[0].topic"


def page_made_without_description(d):
    edit(d / "site.yml", "    han-che: Hạn chế (tổng hợp).\n", "")
    return f"site.yml, line {line_of(d / 'site.yml', '  pages:') + 1}, site.pages"


def publication_day_that_does_not_exist(d):
    line = edit(d / "article.yml", "  widget_lines: []\n", "  published: 30/02/2024\n  widget_lines: []\n")
    return f"article.yml, line {line}, article.published"


def level_linking_to_a_page_not_made(d):
    level = "{id: xa, label: Xã, label_en: Commune, body: Đại hội, body_en: Congress, link: van-ban.md"
    (d / "levels.yml").write_text(f"levels:\n  - {level}, sources: [{{paragraph: p3, quote: xã Thử Nghiệm}}]}}\n")
    return "levels.yml, line 2, levels[0].link"


def successor_without_its_day(d):
    unit = '{code: "00001", name: Xã Thử Nghiệm, kind: Xã, district: Huyện Mẫu, successor: Xã Mới}'
    edit(d / "units.yml", "  list: []\n", f"  list:\n    - {unit}\n")
    return "units.yml, line 8, units.list[0].successor"


CASES = {
    "successor-without-its-day": (successor_without_its_day, "successor_from: the day the successors took over"),
    "malformed-yaml": (malformed_yaml, "not valid YAML"),
    "tab": (tab_indent, "tab"),
    "empty-file": (empty_file, "empty"),
    "not-utf8": (not_utf8, "not UTF-8"),
    "wrong-type": (wrong_type, "— expected a number"),
    "iso-date": (iso_date, "26/4/2024"),
    "unquoted-leading-zero": (unquoted_leading_zero, 'in quotes: "01"'),
    "unknown-key": (unknown_key, "did you mean 'title'"),
    "missing-key": (missing_key, "'title' is missing"),
    "duplicate-id": (duplicate_id, "already used"),
    "date-not-as-written": (date_not_as_written, "'21/4/2024' is not written so in the cited paragraphs"),
    "quote-not-in-article": (quote_not_in_article, "closest passage is in p7: “nhân sự còn kiêm nhiệm"),
    "impossible-date": (impossible_date, "does not exist"),
    "percent-mismatch": (percent_mismatch, "90% does not match 10/10"),
    "nan": (nan_percent, "not a finite number"),
    "infinity": (infinite_value, "not a finite number"),
    "unknown-reference": (unknown_reference, "did you mean 'thu-nghiem'"),
    "id-a-list": (id_a_list, "this is a list"),
    "written-inside-a-longer-number": (written_as_the_end_of_a_longer_number, "'0/10' is not written so"),
    "date-inside-a-longer-date": (date_as_the_end_of_a_longer_date, "'5/02/2024' is not written so"),
    "article-emptied": (article_emptied, "(it is empty)"),
    "invisible-only-text": (invisible_only_text, "shows nothing (only invisible characters)"),
    "computed-one-input-twice": (computed_from_one_input_twice, "events/xong is given twice"),
    "parents-in-a-loop": (parents_in_a_loop, "go round in a loop: mau-son → thu-nghiem → mau-son"),
    "text-tag-on-a-mapping": (text_tag_on_a_mapping, "expected a scalar node"),
    "duplicate-key": (duplicate_key, "the key 'title' appears twice"),
    "collection-twice": (collection_twice, "figures-old.yml"),
    "english-missing": (english_missing, "the English beside 'title'"),
    "translation-missing": (translation_missing, "paragraph p9 has no English translation"),
    "unknown-collection": (unknown_collection, "unknown collection 'extras'"),
    "control-character": (control_character, "control character"),
    "top-level-list": (top_level_list, "does not start with a key"),
    "article-changed": (article_text_changed, "changed in paragraph p4"),
    "article-newline-added": (article_newline_added, "1 byte added at the end"),
    "article-outside-data": (article_outside_data, "inside the data folder"),
    "article-device": (article_device, "inside the data folder"),
    "article-too-large": (article_too_large, "too large"),
    "billion-laughs": (billion_laughs, "aliases"),
    "data-file-too-large": (data_file_too_large, "too large"),
    "folder-named-yml": (folder_named_yml, "is a folder"),
    "dangling-symlink": (dangling_symlink, "points to nothing"),
    "fifo": (fifo_named_yml, "not a regular file"),
    "impossible-iso-date": (impossible_iso_date, "2024-02-30 is not a real day — expected a date written day/month/year"),
    "year-zero": (year_zero, "0000-01-01 is not a real day"),
    "complex-key": (complex_key, "a key that is a list"),
    "huge-number": (huge_number, "a number 5,000 characters long; the limit is 30"),
    "not-a-number": (not_a_number, "“0x_” is not a whole number"),
    "deep-nesting": (deep_nesting, "nested more than 100 levels deep"),
    "deeper-than-libyaml": (deeper_than_libyaml, "nested more than 100 levels deep"),
    "alias-inside-itself": (alias_inside_itself, "an alias (*name) inside the value it names"),
    "yaml-type": (yaml_type, "YAML's type !!binary"),
    "c1-control-character": (c1_control_character, "invisible control character (U+0085)"),
    "escaped-c1-control-character": (escaped_c1_control_character, "invisible control character (U+009B)"),
    "nul-byte": (nul_byte, "invisible control character (U+0000)"),
    "integer-key-beside-unknown-key": (integer_key_beside_unknown_key, "the key “1” is read as a whole number"),
    "integer-page-key": (integer_page_key, "the key “1” is read as a whole number"),
    "newline-in-file-name": (newline_in_file_name, "the file name holds an invisible control character (U+000A)"),
    "file-name-not-utf8": (file_name_not_utf8, "the file name is not UTF-8"),
    "direction-control-in-file-name": (direction_control_in_file_name, "an invisible text-direction control (U+202E)"),
    "duplicate-in-list": (duplicate_in_list, "“hạn chế” is in this list twice (first as [0])"),
    "long-mixed-list": (long_mixed_list, "is read as a whole number"),
    "long-written": (long_written, "is 5,000 characters long; the limit is 30"),
    "long-name": (long_name, "is 250 characters long; the limit is 200"),
    "required-file-missing": (required_file_missing, "this data file is missing"),
    "no-figure": (no_figure, "this list is empty — expected at least one entry"),
    "byline-without-its-paragraph": (byline_without_its_paragraph, "no paragraph is marked byline"),
    "lessons-without-subject": (lessons_without_subject, "'subject' is missing"),
    "unknown-topic": (unknown_topic, "did you mean 'han-che'"),
    "pilot-topic-without-pilot": (pilot_topic_without_pilot, "site.yml names no pilot"),
    "page-made-without-description": (page_made_without_description, "the page 'han-che' has no description"),
    "publication-day-that-does-not-exist": (publication_day_that_does_not_exist, "the date 30/02/2024 does not exist"),
    "level-linking-to-a-page-not-made": (level_linking_to_a_page_not_made, "the page 'van-ban' is not made from this data"),
}


def hidden_copy(d):
    edit(d / "figures.yml", "    value: 10\n", "    value: [10\n")
    shutil.copy(d / "figures.yml", d / ".figures.yml")
    shutil.copy(SYNTHETIC / "figures.yml", d / "figures.yml")


def emacs_lock(d):
    (d / ".#figures.yml").symlink_to("root@machine.1234:1700000000")


def backups(d):
    (d / "figures.yml~").write_text("figures: [broken", encoding="utf-8")
    (d / ".figures.yml.swp").write_bytes(b"\x00\x01binary")
    (d / "#figures.yml#").write_text("figures: [broken", encoding="utf-8")


def byte_order_mark(d):
    for path in d.glob("*.yml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def windows_line_ends(d):
    for path in d.glob("*.yml"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def old_mac_line_ends(d):
    for path in d.glob("*.yml"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))


def decomposed_text(d):
    for path in d.glob("*.yml"):
        path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")


ACCEPTED = {
    "hidden-copy": hidden_copy,
    "emacs-lock": emacs_lock,
    "backups": backups,
    "bom": byte_order_mark,
    "crlf": windows_line_ends,
    "cr": old_mac_line_ends,
    "nfd": decomposed_text,
}
