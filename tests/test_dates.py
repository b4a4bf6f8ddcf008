"""Dates: read once into the model, counted as days, shown as the article writes them or in another language's words."""

from __future__ import annotations

import copy

import pytest

from sitegen.dates import Date, format_date, parse_date


@pytest.mark.parametrize(
    ("written", "form", "lang", "shown"),
    [
        pytest.param("12/01/2024", "written", "", "12/01/2024", id="written-keeps-the-zero"),
        pytest.param("26/4/2024", "written", "", "26/4/2024", id="written-without-a-zero"),
        pytest.param("12/01/2024", "long", "en", "12 January 2024", id="long-in-english-words"),
        pytest.param("26/4/2024", "iso", "", "2024-04-26", id="iso-for-machines"),
    ],
)
def test_a_date_is_shown_in_each_form(written, form, lang, shown):
    assert format_date(parse_date(written), form, lang) == shown


def test_dates_sort_and_count_by_the_day_not_the_text():
    dates = [Date("26/4/2024"), Date("12/01/2024"), Date("3/12/2023")]
    assert [date.written for date in sorted(dates)] == ["3/12/2023", "12/01/2024", "26/4/2024"]
    assert (dates[0] - dates[1]).days == 105


def test_a_day_that_does_not_exist_is_refused():
    with pytest.raises(ValueError):
        parse_date("30/2/2024")


def test_a_copy_keeps_the_written_form():
    assert copy.deepcopy(Date("05/02/2024")).written == "05/02/2024"


def test_the_model_reads_every_date_of_the_data_once_keeping_its_written_form(model):
    dated = [
        (name, index)
        for name, entries in model.as_written.items()
        if isinstance(entries, list)
        for index, entry in enumerate(entries)
        if isinstance(entry, dict) and "date" in entry
    ]
    assert dated
    for name, index in dated:
        date = model.data[name][index]["date"]
        assert isinstance(date, Date) and date.written == model.as_written[name][index]["date"], (name, index)
