"""A question as the index takes it: cleaned text, and the filters every search applies inside the stores.

What a question asks and which meetings it names is read in `assistant.plan`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.dates import format_date
from assistant.errors import InvalidQuestion

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


def date_range(since: dt.date | str | None, until: dt.date | str | None) -> tuple[dt.date | None, dt.date | None]:
    """From and To as dates (``YYYY-MM-DD`` text, a date, or blank for open-ended).

    Raises `InvalidQuestion` for text that is not a date, or a start after the
    end, which no meeting could match.
    """
    start, end = _as_date(since), _as_date(until)
    if start and end and start > end:
        raise InvalidQuestion(f"The start date {start} is later than the end date {end}, so no meeting could match; "
                              "swap them.")
    return start, end


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if isinstance(value, dt.date) or value is None:
        return value
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as error:
        raise InvalidQuestion(f"'{value.strip()}' is not a date; use YYYY-MM-DD") from error


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

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """The restriction in words, for people: ``from 1 Jan 2017 to 31 Dec 2017``, ``of the meeting of
        14 Feb 2017 · Safer Stockton Partnership`` (by `names`, meeting id → name; never by the id itself)."""
        parts = [f"{word} {format_date(day)}" for word, day in (("from", self.since), ("to", self.until)) if day]
        if parts and self.include_undated:
            parts.append("(and meetings with no date stated)")
        if self.meeting:
            parts.append(f"of the meeting of {names[self.meeting]}" if names and self.meeting in names
                         else "of one chosen meeting")
        return " ".join(parts)

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
