"""The figures the site computes: right for made-up inputs, and labelled as computed on the built site."""

from __future__ import annotations

import pytest

from sitegen.compute import compute_all
from sitegen.dates import Date


def computed(op: str, *inputs: str, digits: int = 0) -> float:
    events = [
        {"id": "a", "date": Date("12/01/2024"), "sources": []},
        {"id": "b", "date": Date("26/4/2024"), "sources": []},
        {"id": "c", "date": Date("1/3/2024"), "sources": []},
    ]
    figures = [
        {"id": "x", "value": 756, "total": 756},
        {"id": "y", "value": 102, "total": 102},
        {"id": "z", "value": 1, "total": 102},
    ]
    item = {
        "id": "t",
        "label": "t",
        "label_en": "t",
        "op": op,
        "inputs": list(inputs),
        "digits": digits,
        "unit": "",
        "unit_en": "",
        "approximate": False,
    }
    (result,) = compute_all({"events": events, "figures": figures, "computed": [item]})
    return result.rounded


@pytest.mark.parametrize(
    ("op", "inputs", "digits", "expected"),
    [
        pytest.param("days_between", ("events/a", "events/b"), 0, 105, id="days-across-months"),
        pytest.param("days_between", ("events/c", "events/b"), 0, 56, id="days-in-a-leap-year"),
        pytest.param("days_between", ("events/b", "events/a"), 0, -105, id="days-backwards-are-negative"),
        pytest.param("ratio", ("figures/x", "figures/y"), 1, 7.4, id="ratio-rounded-to-its-digits"),
        pytest.param("percent_of", ("figures/z",), 0, 1, id="percent-of-a-figure"),
    ],
)
def test_computed_value(op, inputs, digits, expected):
    assert computed(op, *inputs, digits=digits) == expected


def test_every_computed_figure_is_labelled_as_computed(site, model):
    html = (site / "so-lieu" / "index.html").read_text(encoding="utf-8")
    assert html.count("(tính toán)") == len(model.computed)
    english = (site / "en" / "so-lieu" / "index.html").read_text(encoding="utf-8")
    assert english.count("(computed)") == len(model.computed)
    for item in model.computed:
        assert item.label in html and item.label_en in english
