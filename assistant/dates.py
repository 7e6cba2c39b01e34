"""Dates as minutes write them: month names, finding dates in text, and showing them.

The one home of these rules: the parser dates meetings with them, the
question reader turns "in March 2024" into filters with them, and every
label shows a date through `format_date`. Nothing here guesses: a text
without a real calendar date gives None.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_NAMES = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec"),
)
MONTHS: dict[str, int] = {name: number for number, names in enumerate(_NAMES, start=1) for name in names}
"""Every month name and abbreviation, lower case, to its number."""

MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
"""A regex alternation of the names in `MONTHS` (longest first); match it case-insensitively."""

CAPITALISED_MONTH = "|".join(name.capitalize() for name in sorted(MONTHS, key=len, reverse=True))
"""The same names as written in running text ("March", not "march" the verb), for case-sensitive patterns."""

_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_FIRST = re.compile(rf"\b({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


@dataclass(frozen=True)
class FoundDate:
    """A date written in a text, and where: ``text[start:end]`` is how it was written."""

    date: dt.date
    start: int
    end: int


def find_dates(text: str) -> list[FoundDate]:
    """Every real calendar date written out in `text`, in reading order.

    Handles ``14th August, 2012``, ``March 5, 2024`` and ``05/03/2024``
    (day first, as UK minutes write it); impossible dates are skipped.
    """
    found = []
    for pattern, order in ((_DAY_FIRST, "dmy"), (_MONTH_FIRST, "mdy"), (_NUMERIC, "num")):
        for match in pattern.finditer(text):
            value = _to_date(match.groups(), order)
            if value:
                found.append(FoundDate(value, match.start(), match.end()))
    return sorted(found, key=lambda found_date: found_date.start)


def find_date(text: str) -> dt.date | None:
    """The first real calendar date written out in `text`, or None."""
    found = find_dates(text)
    return found[0].date if found else None


def format_date(value: dt.date | None) -> str:
    """``19 Jul 2023``, or ``date not stated`` for an undated meeting."""
    return f"{value.day} {value:%b %Y}" if value else "date not stated"


def _to_date(groups: tuple[str, ...], order: str) -> dt.date | None:
    try:
        if order == "dmy":
            return dt.date(int(groups[2]), MONTHS[groups[1].lower()], int(groups[0]))
        if order == "mdy":
            return dt.date(int(groups[2]), MONTHS[groups[0].lower()], int(groups[1]))
        return dt.date(int(groups[2]), int(groups[1]), int(groups[0]))
    except ValueError:
        return None
