"""A question as the index takes it: cleaned text, and the filters every search applies inside the stores.

What a question asks and which meetings it names is read in `assistant.plan`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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
