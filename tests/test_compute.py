"""The figures the site computes are right, and come from the data."""

import pytest


def computed(model, entry_id):
    return next(item for item in model.computed if item.id == entry_id)


@pytest.mark.parametrize(
    ("entry_id", "expected"),
    [
        pytest.param("ngay-tu-dai-hoi-diem", 105, id="105-days-pilot-to-done"),
        pytest.param("ngay-truoc-han-chot", 4, id="4-days-to-spare"),
        pytest.param("ban-cong-tac-moi-xa", 7.4, id="7.4-committees-per-commune"),
        pytest.param("ty-le-dai-hoi-diem", 1, id="pilot-about-1-percent"),
    ],
)
def test_computed_value(model, entry_id, expected):
    assert computed(model, entry_id).rounded == expected


def test_pilot_share_is_one_of_102(model):
    (figure,) = computed(model, "ty-le-dai-hoi-diem").inputs
    assert (figure["value"], figure["total"]) == (1, 102)


def test_computed_values_follow_the_data(model):
    from sitegen.compute import compute_all

    data = {**model.data, "events": [dict(e) for e in model.data["events"]]}
    next(e for e in data["events"] if e["id"] == "cap-xa-xong")["date"] = "27/4/2024"
    results = {item.id: item.rounded for item in compute_all(data)}
    assert results["ngay-tu-dai-hoi-diem"] == 106
    assert results["ngay-truoc-han-chot"] == 3


def test_computed_figures_are_labelled_as_computed(site):
    html = (site / "so-lieu" / "index.html").read_text(encoding="utf-8")
    assert html.count("(tính toán)") == 4
    assert "105 ngày" in html and "4 ngày" in html and "khoảng 7,4" in html and "khoảng 1%" in html
