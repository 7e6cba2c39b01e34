"""Meeting → `MeetingFacts`: when, where, who, what was decided, the figures, the next meeting.

Runs at ingest on the parsed meeting, so every fact keeps the position of
the block it came from (0 = header) and its exact source words; see
`assistant.facts` for the records. Nothing is invented: a fact the minutes
do not state is None or absent.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from assistant.dates import MONTH, MONTHS, find_dates
from assistant.facts import HEADER_POSITION, Decision, MeetingFacts, NextMeeting, Venue, When
from assistant.models import AgendaItem, Meeting
from assistant.sentences import sentences
from assistant.vocabulary import AGREED_ONLY, DECISION_MARK, LIST_MARK, decision_verb, ends_points
from ingest.attendance import header_attendees, item_apologies, labelled_blocks
from ingest.definitions import definitions
from ingest.figures import figures

TIME = re.compile(
    r"\b(?:\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}[.:]\d{2}\s*(?:hrs|hours)\b|noon\b|midday\b)",
    re.IGNORECASE,
)
# A header line of its own for the start time: "Meeting Commenced:  2.30pm      Meeting Concluded: 4.38pm".
_STARTED = re.compile(r"\b(?:commenced|started|start\s+time|time\s+of\s+meeting)\s*:?\s*(?=\d|noon|midday)", re.IGNORECASE)
"""A clock time as minutes write it: ``9.00 am``, ``1.30 p.m.``, ``9.30am``, ``14:00 hrs``, ``noon``."""

_NEXT_MEETING = re.compile(r"\bnext\s+meeting\b", re.IGNORECASE)
_NEXT_SENTENCE = re.compile(r"\bnext\s+meeting\b.{0,40}\b(?:held|be|is|on|take place)\b", re.IGNORECASE)
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_WEEKDAY = "|".join(_WEEKDAYS)
_YEARLESS = re.compile(
    rf"\b(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH})\b(?!\.?,?\s+\d{{4}})",
    re.IGNORECASE,
)
_HELD_AT = re.compile(r"\bheld\s+(?:at|in)\s+(?:the\s+)?(?P<venue>[A-Z][^.;]*?)(?=\s+on\b|\s+commencing\b|[.;]|$)")
_PLACE_AFTER_TIME = re.compile(r"^\s*(?:,|at|in)\s+(?:the\s+)?(?P<venue>[A-Z][^.;]*?)\s*\.?\s*$")
_DECISION_LIST = re.compile(r"[:\-–]\s*$")


def extract_facts(meeting: Meeting) -> MeetingFacts:
    """The facts stated in `meeting`'s header and items, each with its position and source."""
    attendees = header_attendees(meeting.header)
    for item in meeting.items:
        attendees += item_apologies(item.text, item.position)
    return MeetingFacts(
        held=_held(meeting),
        venue=_venue(meeting.header),
        attendees=tuple(attendees),
        next_meeting=_next_meeting(meeting),
        decisions=tuple(d for item in meeting.items for d in item_decisions(item)),
        figures=tuple(f for item in meeting.items for f in figures(item.text, item.position)),
        definitions=tuple(definitions(meeting)),
    )


def _held(meeting: Meeting) -> When | None:
    """The header line that states the meeting's date (and its start time, when on the same line)."""
    if meeting.date is None:
        return None
    lines = meeting.header.split("\n")
    for line in lines:
        if any(found.date == meeting.date for found in find_dates(line)):
            time = TIME.search(line) or next((found for other in lines if (start := _STARTED.search(other))
                                              and (found := TIME.match(other, start.end()))), None)
            return When(meeting.date, time.group() if time else None, HEADER_POSITION, line.strip())
    return None


def _venue(header: str) -> Venue | None:
    """A ``Venue:`` / ``Place:`` line, else "held at X on ..." in the header."""
    for block in labelled_blocks(header):
        if block.label == "venue" and block.text.strip():
            name = " ".join(block.text.split()).rstrip(".")
            return Venue(name, HEADER_POSITION, _line_of(header, block.start))
    for line in header.split("\n"):
        match = _HELD_AT.search(line)
        if match:
            return Venue(match.group("venue").strip().rstrip(","), HEADER_POSITION, line.strip())
    return None


def _line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)].strip()


def _next_meeting(meeting: Meeting) -> NextMeeting | None:
    """From a "Date (and time) of next meeting" item, or a sentence or header line that sets it."""
    for position, lines in _next_meeting_candidates(meeting):
        for line in lines:
            date = _next_date(line, meeting.date)
            time = TIME.search(line)
            if date or time:
                return NextMeeting(date, time.group() if time else None, _next_venue(line), position, line)
    return None


def _next_meeting_candidates(meeting: Meeting) -> Iterator[tuple[int, list[str]]]:
    """(position, lines to read) of items titled for the next meeting, then of sentences that mention it."""
    for item in meeting.items:
        if _NEXT_MEETING.search(item.title):
            yield item.position, [item.title, *sentences(item.text)]
    yield HEADER_POSITION, [line.strip() for line in meeting.header.split("\n") if _NEXT_MEETING.search(line)]
    for item in meeting.items:
        yield item.position, [s for s in sentences(item.text) if _NEXT_SENTENCE.search(s)]


def _next_date(line: str, held: dt.date | None) -> dt.date | None:
    """A full date in `line`, else a day and month dated in the first year after `held` that fits its weekday."""
    found = [f.date for f in find_dates(line) if held is None or f.date > held]
    if found:
        return found[0]
    match = _YEARLESS.search(line)
    if not match or held is None:
        return None
    month, day = MONTHS[match.group("month").lower()], int(match.group("day"))
    for year in (held.year, held.year + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        weekday = match.group("weekday")
        if date > held and (weekday is None or date.weekday() == _WEEKDAYS[weekday.lower()]):
            return date
    return None


def _next_venue(line: str) -> str | None:
    """The place written after the date and time: "Monday 9th June 2025 at 10.00 am, Quay House."."""
    time = TIME.search(line)
    dates = find_dates(line) or []
    yearless = _YEARLESS.search(line)
    ends = [match.end() for match in (time, yearless) if match] + [found.end for found in dates]
    if not ends:
        return None
    match = _PLACE_AFTER_TIME.match(line[max(ends):])
    return match.group("venue").strip() if match else None


def item_decisions(item: AgendaItem) -> list[Decision]:
    """The item's decisions in order, each the exact words from its decision sentence on.

    A decision that says only that it was made ("Agreed by unanimous vote.") keeps the
    sentence before it, which says what. A decision that introduces a list (``AGREED that:-``, ``RESOLVED THAT:``) keeps
    the list that follows, whatever its points say ("a) Council approved ..."), up
    to the next AGREED or RESOLVED or the end of the item.
    """
    text = item.text
    found: list[tuple[int, int, str]] = []
    cursor = 0
    previous: int | None = None  # where the sentence before began, if it was no decision
    for sentence in sentences(text):
        start = text.find(sentence, cursor)
        if start < 0:
            continue
        cursor = start + len(sentence)
        verb = decision_verb(sentence)
        if verb is None:
            previous = start
            continue
        mark = DECISION_MARK.search(sentence)
        begin = start + (_sentence_start(sentence, mark.start()) if mark else _list_mark_length(sentence))
        if AGREED_ONLY.match(sentence) and previous is not None:
            begin = previous  # "Proposal that the assessment be adopted. Agreed by unanimous vote."
        found.append((begin, cursor, verb))
        previous = None
    decisions = []
    covered = 0
    for index, (begin, end, verb) in enumerate(found):
        if begin < covered:
            continue  # a point of the list above ("a) Council approved ..."), kept with it
        if _DECISION_LIST.search(text[begin:end]):
            marked = [start for start, _, _ in found[index + 1:] if DECISION_MARK.match(text, start)]
            end = covered = min(marked[0] if marked else len(text), _points_end(text, end))
        decision = Decision(item.position, text[begin:end].strip(), verb)
        if decision not in decisions:  # a page that prints the decision under "Decision:" and again in its minutes
            decisions.append(decision)
    return decisions


def _points_end(text: str, start: int) -> int:
    """Where the points of a list that starts at `start` end: at a sub-heading after points written as sentences
    ("That the minutes ... be confirmed." / "Matters arising"), else at the end of the text."""
    offset, after_sentence = start, False
    for line in text[start:].splitlines(keepends=True):
        if ends_points(line, after_sentence):  # a sub-heading carries no list mark
            return offset
        after_sentence = after_sentence or line.rstrip().endswith(".")
        offset += len(line)
    return len(text)


def _sentence_start(sentence: str, mark: int) -> int:
    """Where the sentence holding a decision word starts, when the splitter left it joined to an earlier one."""
    stop = sentence.rfind(". ", 0, mark)
    return stop + 2 if stop >= 0 else 0


def _list_mark_length(sentence: str) -> int:
    """How many characters of bullet or list number ("- ", "1. ") open the sentence."""
    return len(sentence) - len(LIST_MARK.sub("", sentence, count=1))
