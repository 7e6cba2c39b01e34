"""assistant.dates: the one home of month names, date finding and date display."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.dates import find_date, find_dates, format_date


@pytest.mark.parametrize("text, expected", [
    ("Wednesday 19th July, 2023 9.00 am", dt.date(2023, 7, 19)),
    ("held on Sept 5th, 2024", dt.date(2024, 9, 5)),
    ("05/03/2024", dt.date(2024, 3, 5)),
    ("31 February 2024 and then 1 March 2024", dt.date(2024, 3, 1)),
    ("in 2017", None),
])
def test_find_date_reads_the_first_real_calendar_date(text, expected):
    assert find_date(text) == expected


def test_find_dates_returns_every_date_in_reading_order_with_its_span():
    text = "Minutes of 12 March 2024; next meeting April 9, 2024."
    found = find_dates(text)
    assert [f.date for f in found] == [dt.date(2024, 3, 12), dt.date(2024, 4, 9)]
    assert text[found[1].start:found[1].end] == "April 9, 2024"


def test_format_date_is_short_and_says_when_there_is_none():
    assert format_date(dt.date(2024, 3, 5)) == "5 Mar 2024"
    assert format_date(None) == "date not stated"
