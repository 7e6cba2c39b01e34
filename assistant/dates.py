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


# --- dates in questions ---------------------------------------------------------------------------------------
# People type "agust 2012" and "last summer"; minutes do not. These read such phrases, and nothing else does.

_FULL_NAMES = tuple(names[0] for names in _NAMES)
_YEAR = r"(?:19|20)\d\d"
_IN = r"(?:(?:in|during|of|for)\s+)?"  # "in 2017": the words before a year that belong to the period
_WORD = re.compile(r"[A-Za-z]{4,}")
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
"""Seasons as questions name them ("last summer"), to their first and last months."""
_SEASON = "|".join(SEASONS)


@dataclass(frozen=True)
class Period:
    """A span of days a question names ("in 2017", "since 2012", "last summer"); either end may be open.

    `start`/`end` locate the words in the text it was read from, so a
    caller can take them out of the question's topic.
    """

    since: dt.date | None
    until: dt.date | None
    start: int
    end: int

    def holds(self, day: dt.date) -> bool:
        return not ((self.since and day < self.since) or (self.until and day > self.until))

    @property
    def years(self) -> tuple[int, ...]:
        """The calendar years the period covers, when it is closed (a text about it names one of them)."""
        if self.since is None or self.until is None:
            return ()
        return tuple(range(self.since.year, self.until.year + 1))

    def describe(self) -> str:
        """``2019``, ``Mar 2024``, ``1 Jun 2023 to 31 Aug 2023``, ``since 2012``: how an answer names it."""
        if self.since and self.until:
            if (self.since.month, self.since.day, self.until.month, self.until.day) == (1, 1, 12, 31):
                first, last = self.since.year, self.until.year
                return str(first) if first == last else f"{first} to {last}"
            if self.since == self.until:
                return format_date(self.since)
            if (self.since.year, self.since.month) == (self.until.year, self.until.month) and self.since.day == 1:
                return f"{self.since:%b %Y}"
            return f"{format_date(self.since)} to {format_date(self.until)}"
        if self.since:
            return f"since {self.since.year}" if (self.since.month, self.since.day) == (1, 1) else f"since {format_date(self.since)}"
        assert self.until is not None
        return f"until {self.until.year}" if (self.until.month, self.until.day) == (12, 31) else f"until {format_date(self.until)}"


def month_number(word: str, lenient: bool = False) -> int | None:
    """``aug`` → 8; with `lenient`, also a misspelt full name (``agust``, ``feburary``, ``janurary``).

    A misspelling is at most one edit away (two for names of eight letters
    or more) and keeps the first letter; callers use `lenient` only where a
    year or a day number beside the word makes a month likely.
    """
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS[word]
    if not lenient or len(word) < 4:
        return None
    for number, name in enumerate(_FULL_NAMES, start=1):
        allowed = 2 if len(name) >= 8 else 1
        if word[0] == name[0] and abs(len(word) - len(name)) <= allowed and _edits(word, name) <= allowed:
            return number
    return None


def correct_months(text: str) -> str:
    """`text` with misspelt month names spelt right where a year follows or a day number precedes.

    "what happened in agust 2012" → "what happened in august 2012"; a word
    like "marc" stays as it is unless a date is being written around it.
    """
    def fix(match: re.Match) -> str:
        word = match.group()
        if word.lower() in MONTHS:
            return word
        after, before = text[match.end():match.end() + 6], text[max(0, match.start() - 5):match.start()]
        dated = re.match(rf"\.?,?\s+(?:{_YEAR}|\d{{1,2}}(?:st|nd|rd|th)?\b)", after) or re.search(r"\d(?:st|nd|rd|th)?\s+$", before)
        number = month_number(word, lenient=True) if dated else None
        return _FULL_NAMES[number - 1] if number else word

    return _WORD.sub(fix, text)


def find_period(text: str, latest: dt.date | None = None) -> Period | None:
    """The first period `text` names, or None.

    A day, a month and year, a year, "between 2012 and 2017", "since /
    after / before / until 2012", or (given `latest`, the newest meeting
    there is) "last summer" or "last July": the most recent such period
    that began by `latest`; "this year" is `latest`'s, "last year" the one
    before. Month names must be spelt right (see
    `correct_months`).
    """
    first = _first(text, latest)
    if first is None:
        return None
    joined = _JOIN.match(text, first.end)
    second = _first(text[joined.end():], latest) if joined else None
    if joined is None or second is None or second.start != 0:
        return first
    # "from 2012 to last summer", "Jan 2022 - Jul 2023": one span from the first's start to the second's end.
    since = first.since if first.since is not None else second.since
    until = second.until if second.until is not None else first.until
    return Period(since, until, first.start, joined.end() + second.end)


_JOIN = re.compile(r"\s*(?:to|until|till|through|thru|-|–)\s*", re.IGNORECASE)


def _first(text: str, latest: dt.date | None) -> Period | None:
    """The period named first in `text` (the longest of those starting there)."""
    found = [period for reader in _READERS if (period := reader(text, latest))]
    return min(found, key=lambda period: (period.start, -period.end), default=None)


def _day(text: str, latest: dt.date | None) -> Period | None:
    found = find_dates(text)
    return Period(found[0].date, found[0].date, found[0].start, found[0].end) if found else None


def _between(text: str, latest: dt.date | None) -> Period | None:
    match = re.search(rf"\bbetween ({_YEAR}) and ({_YEAR})\b", text, re.IGNORECASE)
    if not match:
        return None
    first, last = sorted((int(match.group(1)), int(match.group(2))))
    return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), match.start(), match.end())


def _month_year(text: str, latest: dt.date | None) -> Period | None:
    """"aug 2012"; also "jan 22", "feb '17" (a year written short, as people type it; "22 jan" is a day)."""
    match = re.search(rf"\b({MONTH})\.?,?\s+({_YEAR}|'?\d\d)(?![\d/:.]|\s*(?:st|nd|rd|th)\b)", text, re.IGNORECASE)
    if not match:
        return None
    year = int(match.group(2).lstrip("'"))
    since = dt.date(year if year > 99 else 2000 + year, MONTHS[match.group(1).lower()], 1)
    return Period(since, _month_end(since), match.start(), match.end())


def _financial_year(text: str, latest: dt.date | None) -> Period | None:
    """"2016/17": the financial year, April 2016 to March 2017, as council reports count them."""
    for match in re.finditer(rf"\b{_IN}({_YEAR})/(\d\d)\b", text, re.IGNORECASE):
        first = int(match.group(1))
        if int(match.group(2)) == (first + 1) % 100:
            return Period(dt.date(first, 4, 1), dt.date(first + 1, 3, 31), match.start(), match.end())
    return None


def _season_year(text: str, latest: dt.date | None) -> Period | None:
    """"summer 2012", "the winter of 2016"."""
    match = re.search(rf"\b({_SEASON})\s+(?:of\s+)?({_YEAR})\b", text, re.IGNORECASE)
    if not match:
        return None
    first, last = SEASONS[match.group(1).lower()]
    year = int(match.group(2))
    since = dt.date(year, first, 1)
    return Period(since, _month_end(dt.date(year + (last < first), last, 1)), match.start(), match.end())


def _relative(text: str, latest: dt.date | None) -> Period | None:
    if latest is None:
        return None
    calendar = re.search(r"\b(this|last)\s+year\b('s)?", text, re.IGNORECASE)  # the newest meeting's year, the one before
    if calendar:
        year = latest.year - (calendar.group(1).lower() == "last")
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), calendar.start(), calendar.end())
    match = re.search(rf"\blast\s+({_SEASON}|{MONTH})\b('s)?", text, re.IGNORECASE)
    if not match:
        return None
    word = match.group(1).lower()
    first, last = SEASONS.get(word, (MONTHS.get(word, 0), MONTHS.get(word, 0)))
    year = latest.year if dt.date(latest.year, first, 1) <= latest else latest.year - 1
    since = dt.date(year, first, 1)
    until = _month_end(dt.date(year + (last < first), last, 1))
    return Period(since, until, match.start(), match.end())


def _open_range(text: str, latest: dt.date | None) -> Period | None:
    match = re.search(rf"\b(since|from|after|before|until|till|up to|prior to)\s+({_YEAR})\b", text, re.IGNORECASE)
    if not match:
        return None
    word, year = match.group(1).lower(), int(match.group(2))
    bounds = {
        "since": (dt.date(year, 1, 1), None), "from": (dt.date(year, 1, 1), None),
        "after": (dt.date(year + 1, 1, 1), None), "before": (None, dt.date(year - 1, 12, 31)),
        "prior to": (None, dt.date(year - 1, 12, 31)),
    }
    since, until = bounds.get(word, (None, dt.date(year, 12, 31)))
    return Period(since, until, match.start(), match.end())


def _year(text: str, latest: dt.date | None) -> Period | None:
    match = re.search(rf"\b{_IN}({_YEAR})\b", text, re.IGNORECASE)
    if not match:
        return None
    year = int(match.group(1))
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), match.start(), match.end())


_READERS = (_day, _between, _month_year, _season_year, _financial_year, _relative, _open_range, _year)


def _month_end(first: dt.date) -> dt.date:
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _edits(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours."""
    rows = [list(range(len(b) + 1))]
    for i, char in enumerate(a, start=1):
        row = [i] + [0] * len(b)
        for j, other in enumerate(b, start=1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (char != other))
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]
