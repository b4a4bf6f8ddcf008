"""The synthetic fixture made fuller: every collection and every optional field filled, in the synthetic article's
own words (with two sentences more in that article, for a congress and a numbered document). The hostile-data
tests (test_payload.py) fill each free-text field of it; the optional-data tests (test_optional_data.py) switch
each part of it off, and on beside the required data alone."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from helpers.project import SYNTHETIC
from sitegen.loader import Loader

# Two sentences more in the synthetic article (paragraph 2), so that a congress can cite its name, session and
# term, and a document its number, date, issuer and subject.
CONGRESS_SENTENCE = " Đại hội đại biểu MTTQ xã Thử Nghiệm lần thứ nhất, nhiệm kỳ 2024-2029."
DOCUMENT_SENTENCE = " Theo Kế hoạch số 01/KH-MS ngày 02/01/2024 của tỉnh Mẫu về đại hội điểm."
# Entries for the collections the synthetic fixture leaves empty (and a glossary entry the article does not
# spell out): whatever cites the article cites its words.
FULLER = yaml.safe_load(
    """
documents:
  - {id: ke-hoach, kind: Kế hoạch, kind_en: Plan, issuer: tỉnh Mẫu, issuer_en: Mẫu province,
     subject: Đại hội điểm, subject_en: the pilot congress, sources: [{paragraph: p3, quote: Đại hội điểm}]}
  - {id: ke-hoach-01, kind: Kế hoạch, kind_en: Plan, number: 01/KH-MS, date: 02/01/2024, issuer: tỉnh Mẫu,
     issuer_en: Mẫu province, subject: đại hội điểm, subject_en: the pilot congress,
     sources: [{paragraph: p2, quote: "Kế hoạch số 01/KH-MS ngày 02/01/2024 của tỉnh Mẫu về đại hội điểm"}]}
topics:
  - {id: y-nghia, heading: Ý nghĩa, heading_en: What it means, numbered: true, see_also: cuoc-van-dong}
  - {id: danh-gia, anchor: danh-gia-chung, heading: Đánh giá chung, heading_en: Overall assessment}
statements:
  - {id: day-manh, topic: y-nghia, label: Đẩy mạnh các cuộc vận động, label_en: Pressing ahead with the campaigns,
     text_en: the campaigns were pressed ahead, sources: [{paragraph: p8, quote: Các cuộc vận động (CVĐ) được đẩy mạnh.}]}
  - {id: tuy-nhien, topic: khac-phuc, label: Khắc phục việc kiêm nhiệm, label_en: Ending concurrent posts,
     text_en: however, sources: [{paragraph: p7, quote: Tuy nhiên}]}
  - {id: nhan-rong, topic: dai-hoi-diem, label: Nhân ra diện rộng, label_en: Then everywhere,
     text_en: and congresses were then held everywhere, sources: [{paragraph: p3, quote: sau đó nhân ra diện rộng}]}
campaigns:
  - {id: cac-cuoc-van-dong, name: Các cuộc vận động, name_en: The campaigns,
     sources: [{paragraph: p8, quote: Các cuộc vận động (CVĐ)}]}
congresses:
  - {id: xa-thu-nghiem, name: Đại hội đại biểu MTTQ xã Thử Nghiệm, name_en: Thử Nghiệm commune congress,
     level: Cấp xã, level_en: Commune, session: lần thứ nhất, session_en: first, term: 2024-2029,
     place: thu-nghiem, pictured: true,
     sources: [{paragraph: p2, quote: "Đại hội đại biểu MTTQ xã Thử Nghiệm lần thứ nhất, nhiệm kỳ 2024-2029"}]}
  - {id: xa-thu-nghiem-2, name: Đại hội đại biểu MTTQ xã Thử Nghiệm, name_en: Thử Nghiệm commune congress,
     level: Cấp xã, level_en: Commune, session: lần thứ nhất, session_en: first, term: 2024-2029,
     sources: [{paragraph: p2, quote: "Đại hội đại biểu MTTQ xã Thử Nghiệm lần thứ nhất, nhiệm kỳ 2024-2029"}]}
levels:
  - {id: cap-xa, label: Cấp xã, label_en: Commune level, body: Đại hội cấp xã, body_en: Commune congresses,
     figure: xa, link: so-lieu.md, sources: [{paragraph: p3, quote: đại hội điểm cấp xã}]}
  - {id: xa, label: Xã, label_en: Commune, congress: xa-thu-nghiem, link: so-lieu.md,
     sources: [{paragraph: p3, quote: xã Thử Nghiệm}]}
terms:
  - {id: dai-hoi-diem, term: đại hội điểm, term_en: pilot congress, explanation: đại hội tổ chức trước,
     explanation_en: a congress held first, sources: [{paragraph: p3, quote: đại hội điểm cấp xã}]}
context:
  - {id: sau-bai-viet, date: 1/7/2025, text: Sau bài viết, text_en: After the article, documents: [nghi-quyet]}
context_documents:
  - {id: nghi-quyet, kind: Nghị quyết, kind_en: Resolution, number: "1/NQ", date: 1/7/2025, issuer: Hội đồng,
     issuer_en: The council, title: Nghị quyết, title_en: Resolution, url: "https://example.org/nghi-quyet",
     source: Trang tin, source_en: A news page, excerpt: Một đoạn trích, excerpt_en: An excerpt}
errata:
  - {id: kiem-nhiem, paragraph: p7, wrong: kiêm nhiệm, right: kiêm nhiệm}
glossary:
  - {id: mttq, abbr: MTTQ, expansion: Mặt trận Tổ quốc, expansion_en: Fatherland Front, defined_in_article: false,
     sources: [{paragraph: p2, quote: MTTQ}]}
synonyms:
  - {id: diem, terms: [đại hội điểm, thí điểm], terms_en: [pilot congress, pilot]}
"""
)
# Optional fields of entries the fixture has: path to the entry → fields added.
OPTIONAL: dict[tuple, dict[str, Any]] = {
    ("site",): {
        "not_reported": [{"text": "Bài viết không nói", "text_en": "The article does not say"}],
        "cards": {"figure": "xa", "pages": [{"page": "so-lieu", "figure": "xa"}]},
    },
    ("article",): {"outlet": "Đài Mẫu", "published": "21/4/2024", "url": "https://example.org/bai-viet"},
    ("places", 0): {"map": {"shape": "kontum", "boundaries": "ranh giới", "boundaries_en": "boundaries"}},
    ("events", 1): {"date_words": "Đến ngày", "date_words_en": "By", "short": "Xong", "short_en": "Done"},
    ("figures", 0): {"qualifier": "toàn tỉnh", "qualifier_en": "province-wide"},
    ("glossary", 0): {"note": "ghi chú", "note_en": "a note"},
    ("units",): {
        "successor_from": "1/7/2025",
        "list": [
            {
                "code": "00001",
                "name": "Xã Thử Nghiệm",
                "kind": "Xã",
                "district": "Huyện Mẫu Sơn",
                "successor": "Xã Mới",
                "successor_code": "00002",
                "place": "thu-nghiem",
            }
        ],
    },
}


def at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def fuller_fixture(data: Path) -> dict[str, Any]:
    """The synthetic fixture's article, written into ``data``, and its data with every collection and optional
    field filled (for write_data)."""
    data.mkdir(parents=True, exist_ok=True)
    paragraphs = (SYNTHETIC / "article.txt").read_text(encoding="utf-8").split("\n\n")
    paragraphs[1] += CONGRESS_SENTENCE + DOCUMENT_SENTENCE
    article = data / "article.txt"
    article.write_text("\n\n".join(paragraphs), encoding="utf-8")
    values: dict[str, Any] = {}
    for path in sorted(SYNTHETIC.glob("*.yml")):
        values.update(yaml.load(path.read_text(encoding="utf-8"), Loader=Loader))
    values["article"]["sha256"] = hashlib.sha256(article.read_bytes()).hexdigest()
    for key, entries in FULLER.items():
        values[key] = [*values.get(key, []), *entries]
    for path, optional in OPTIONAL.items():
        at(values, path).update(optional)
    return values


def write_data(data: Path, values: dict[str, Any]) -> None:
    for key, value in values.items():
        text = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=10**6)
        (data / f"{key}.yml").write_text(text, encoding="utf-8")
