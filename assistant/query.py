"""Reading a question: which meetings it is about, and what kind of answer it wants.

Dates written in the question ("in 2017", "since 2012", "the January 2022
meeting") become filters, but only when the index holds meetings that match:
a question about a year with no minutes is answered from all of them rather
than silently from none.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from assistant.errors import InvalidQuestion
from ingest.parse import find_date

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"((?:19|20)\d{2})"

_MEETING_QUESTION = re.compile(
    r"\b(chair(ed|man|person|ing)?|attend(ed|ance|ees)?|present|apologi[sz]e[sd]?|apologies|venue|"
    r"who was (at|there)|where was|officers?)\b",
    re.IGNORECASE,
)
_SUMMARY_QUESTION = re.compile(
    r"^\s*(what (was|were|has been|is being) (said|discussed|reported|done)|what did .{0,60}\b(say|discuss|report)\b|"
    r"tell me|summari[sz]e|give (me )?(an? )?(summary|overview|update)|what happened|any updates?|"
    r"what (is|was) the (latest|update)|how (has|have|did|does|is|was) .{0,80}\b(handl|deal|tackl|approach|respond)\w*)",
    re.IGNORECASE,
)


MAX_QUESTION_CHARS = 1000



def clean_question(question: str) -> str:
    """The question with control characters and runs of spaces removed, or `InvalidQuestion`."""
    if not isinstance(question, str):
        raise InvalidQuestion("A question must be text.")
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in question).split())
    if not text:
        raise InvalidQuestion("Please type a question.")
    if len(text) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(f"Questions are limited to {MAX_QUESTION_CHARS:,} characters; this one has {len(text):,}.")
    if not re.search(r"\w", text):
        raise InvalidQuestion("That question has no words to search for.")
    return text


@dataclass(frozen=True)
class SearchFilters:
    """Restrictions applied inside the stores, never after the fact."""

    since: dt.date | None = None
    until: dt.date | None = None
    meeting: str | None = None
    include_undated: bool = False
    committee: str | None = None

    def __bool__(self) -> bool:
        return bool(self.since or self.until or self.meeting or self.committee)

    def to_dict(self) -> dict:
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "meeting": self.meeting,
            "include_undated": self.include_undated,
            "committee": self.committee,
        }

    def admits(self, date: dt.date | None, meeting_id: str, committee: str | None = None) -> bool:
        """Whether a meeting passes; a `committee` of None is not checked (the caller does not know it)."""
        if self.meeting and meeting_id != self.meeting:
            return False
        if self.committee and committee is not None and committee != self.committee:
            return False
        if (self.since or self.until) and date is None:
            return self.include_undated
        assert date is not None or not (self.since or self.until)
        return not ((self.since and date and date < self.since) or (self.until and date and date > self.until))


@dataclass(frozen=True)
class QueryPlan:
    question: str
    filters: SearchFilters
    kind: str  # "meeting" (who/when/where of a meeting), "summary" (what was said about X), "specific"


def plan_question(question: str, filters: SearchFilters, meetings: list[tuple[str, dt.date | None]]) -> QueryPlan:
    """Filters and answer kind for `question`; explicit `filters` win over dates found in the text."""
    found = _dates_in_question(question)
    if found and not (filters.since or filters.until):
        # "since 2012" may well cover a meeting whose minutes omit the date; "in 2012" is narrower.
        candidate = replace(filters, since=found[0], until=found[1], include_undated=found[1] is None)
        if any(candidate.admits(date, meeting_id) for meeting_id, date in meetings):
            filters = candidate
    if _SUMMARY_QUESTION.search(question):
        kind = "summary"
    elif _MEETING_QUESTION.search(question):
        kind = "meeting"
    else:
        kind = "specific"
    return QueryPlan(question=question, filters=filters, kind=kind)


def _dates_in_question(question: str) -> tuple[dt.date | None, dt.date | None] | None:
    """The date range a question names, if any: a day, a month, a year, or an open range."""
    text = question.lower()
    day = find_date(question)
    if day:
        return day, day
    between = re.search(rf"\bbetween {_YEAR} and {_YEAR}\b", text)
    if between:
        return dt.date(int(between.group(1)), 1, 1), dt.date(int(between.group(2)), 12, 31)
    month = re.search(rf"\b({_MONTH})\.? {_YEAR}\b", text)
    if month:
        year, number = int(month.group(2)), _MONTHS[month.group(1)]
        return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])
    opened = re.search(rf"\b(since|from|after|before|until|till|up to|prior to) {_YEAR}\b", text)
    if opened:
        word, year = opened.group(1), int(opened.group(2))
        if word in ("since", "from"):
            return dt.date(year, 1, 1), None
        if word == "after":
            return dt.date(year + 1, 1, 1), None
        if word in ("before", "prior to"):
            return None, dt.date(year - 1, 12, 31)
        return None, dt.date(year, 12, 31)
    found = re.search(rf"\b{_YEAR}\b", text)
    if found:
        return dt.date(int(found.group(1)), 1, 1), dt.date(int(found.group(1)), 12, 31)
    return None
