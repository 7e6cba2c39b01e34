"""The meeting header: committee, council, the meeting's own date, venue and attendance.

Only the lines before the first agenda item (and a paged document's running
headers) are read. A date there counts only when it is the meeting's own:
"the minutes of the previous meeting held on …", "the next meeting …" and
"since …" name other days, and a meeting stated nowhere else is undated.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from assistant.dates import MONTH, find_dates
from assistant.vocabulary import COMMITTEE_WORD, NOBODY, is_chair_role
from ingest.attendance import labelled_blocks, split_list
from ingest.layouts import ISSUE_MEETING, MAP_LINK

_COUNCIL = re.compile(
    r"^(?:(?:london|royal|metropolitan)\s+borough\s+of\s+[a-z][\w'’ -]+"
    r"|(?:the\s+)?[a-z][\w'’.-]*(?:\s+[a-z][\w'’.-]*){0,5}(?<!\bthe)\s+council)$",
    re.IGNORECASE,
)
_NOT_A_COUNCIL = re.compile(r"^(?:the\s+)?(?:borough|county|district|city|town|parish|full)?\s*council$", re.IGNORECASE)
_OTHER_MEETING = re.compile(
    r"\b(?:previous|last|next|future|forthcoming|following|earlier|adjourned|reconvened)\s+(?:\w+\s+)?meeting"
    r"|\bsince\b|\b(?:deferred|adjourned|carried forward) from\b"
    r"|\bminutes of (?:the )?(?:\w+ ){0,4}meetings? (?:held )?(?:on )?.{0,200}?\b(?:were|was|are|is|be|been|had)\b",
    re.IGNORECASE,
)
_COUNCIL_KINDS = r"london|royal|metropolitan|borough|county|district|city|town|parish|council|of|the"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# Patterns on header text start a whitespace run at its first character (`(?<!\s)`) and look a bounded
# distance ahead, so a hostile header costs time linear in its length (tests/test_linear.py).
# A web page's words around the council's name on its banner: "Title: Harbourside Borough Council Logo".
_BANNER_WORDS = re.compile(r"^(?:title|site)\s*:\s*|(?<!\s)\s+(?:logo|home\s*page|homepage|website)$", re.I)
_BREADCRUMB = re.compile(r"^[^>]{1,60}(?:\s>\s[^>]{1,60}){2,}$")  # "Home > Council and Democracy > Agenda and minutes"
_BRACKETS = re.compile(r"(?<!\s)\s*\(([^()]*)\)")
_HELD = re.compile(r"\bA meeting of (?:the )?(.{1,200}?) was held\b", re.IGNORECASE)
_NAME_THEN_DAY = re.compile(rf"^(.{{0,200}}?\S)\s+[-–]\s+{_WEEKDAY}\b", re.IGNORECASE)
_SMALL_WORDS = {"and", "of", "for", "the", "in", "on", "to", "with", "upon", "under", "le"}


@dataclass(frozen=True)
class HeaderFields:
    """What a meeting's header states; None or empty where it states nothing."""

    committee: str | None = None
    council: str | None = None
    date: dt.date | None = None
    date_source: str | None = None
    venue: str | None = None
    chair: str | None = None
    people: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Attendance lists by `Meeting` field: ``present``, ``apologies``, ``officers``, ``in_attendance``."""


def header_fields(lines: list[str], running: tuple[str, ...] = ()) -> HeaderFields:
    """Committee, council, own date, venue, chair and attendance lists from the header lines.

    `running` are a paged document's running headers and footers, which often
    carry the council's name and the meeting's date when the first page does not.
    """
    blocks = _labelled_blocks(lines)
    people = {label: tuple(_people(value)) for label, value in blocks.items()
              if label not in ("venue", "chair", "contact")}
    chair = blocks["chair"].strip().rstrip(".") if "chair" in blocks else _chair(people.get("present", ()))
    date, source = own_date([*lines, *running])
    return HeaderFields(
        committee=_committee(lines) or _committee(list(running)),
        council=council_name([*lines, *running]),
        date=date,
        date_source=source,
        venue=MAP_LINK.sub("", blocks["venue"]) if "venue" in blocks else None,
        chair=chair,
        people=people,
    )


def own_date(lines: list[str]) -> tuple[dt.date | None, str | None]:
    """The meeting's own date and the line it was read from, or ``(None, None)``.

    The first date on a line that does not refer to another meeting; a
    line's sentences are judged one by one, so a title line keeps its date
    even when a later sentence names the previous meeting.
    """
    for line in lines:
        for sentence in re.split(r"(?<=\.)\s+(?=[A-Z])", line.strip()):
            found = find_dates(sentence)
            if found and not refers_to_other_meeting(sentence):
                return found[0].date, line.strip()
    return None, None


def refers_to_other_meeting(sentence: str) -> bool:
    """Whether a sentence's date is some other meeting's: the previous one, the next one, or "since" a day.

    >>> refers_to_other_meeting("The minutes of the meeting held on 3 March 2024 were agreed.")
    True
    >>> refers_to_other_meeting("MINUTES OF MEETING HELD ON 12 MARCH 2013")
    False
    """
    return bool(_OTHER_MEETING.search(sentence))


def council_name(lines: list[str]) -> str | None:
    """The council named on a banner line (``Kestrel Vale Borough Council``, ``London Borough of …``)."""
    for line in lines:
        text = _BANNER_WORDS.sub("", " ".join(line.split()))
        if ":" in text or re.search(r"\d", text) or not _COUNCIL.match(text) or _NOT_A_COUNCIL.match(text):
            continue
        return _tidy_case(text)
    return None


def council_short_name(council: str) -> str:
    """``Kestrel Vale Borough Council`` → ``Kestrel Vale``: the name without the kind of council."""
    short = re.sub(rf"\b(?:{_COUNCIL_KINDS})\b", " ", council, flags=re.IGNORECASE)
    return " ".join(short.split()) or council


def _labelled_blocks(lines: list[str]) -> dict[str, str]:
    """Each header label's text on one line (see `ingest.attendance.labelled_blocks`)."""
    values: dict[str, list[str]] = {}
    for block in labelled_blocks("\n".join(lines)):
        values.setdefault(block.label, []).append(" ".join(block.text.split()))
    return {label: " ".join(parts).strip() for label, parts in values.items()}


def _people(value: str) -> list[str]:
    """Split an attendance list on commas, semicolons and "and", outside parentheses."""
    if value.strip().rstrip(".").lower() in NOBODY:
        return []
    people = (piece.strip().rstrip(".").strip() for _, piece in split_list(value, ",;", and_too=True))
    return [person for person in people if person]


def _chair(present: tuple[str, ...]) -> str | None:
    """The name on the list whose brackets hold a chair role: ``Geoff Lee (Chairman)`` → ``Geoff Lee``."""
    for person in present:
        match = _BRACKETS.search(person)
        if match and is_chair_role(match.group(1)):
            return (person[: match.start()] + person[match.end() :]).strip()
    return None


# The years a body sat; `(?<!\s)`: spaces are matched from the first one only, not retried from each (see
# tests/test_linear.py).
_YEARS_IN_BRACKETS = re.compile(r"(?<!\s)\s*\((?:19|20)\d\d\s*[-–]\s*(?:(?:19|20)\d\d)?\)")


# A date that ends a title line: "... meeting minutes 24 January 2023", "... - 3rd March, 2025". `(?<!\s)`: spaces
# are matched from the first one only (see tests/test_linear.py), as in `_YEARS_IN_BRACKETS`.
_TRAILING_DATE = re.compile(rf"(?<!\s)(?:\s*[-–,]\s*|\s+)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH})\.?,?\s+\d{{4}}\s*$", re.I)


def _committee(lines: list[str]) -> str | None:
    """The committee's name: from an issue page's ``Meeting: <date> - X (Item N)``, "A meeting of X was held", a
    ``X - Tuesday …`` title, or a name line."""
    for line in lines:
        issue = ISSUE_MEETING.match(line)
        if issue:  # a moderngov issue page: "Meeting: 25/05/2012 - Council (Item 11)"
            return _tidy_case(issue.group("committee").strip())
    text = " ".join(line.strip() for line in lines)
    match = _HELD.search(text)
    if match:
        return _tidy_case(match.group(1).strip())
    for line in lines:
        match = _NAME_THEN_DAY.match(line.strip())
        if match:
            return _tidy_case(match.group(1).strip())
    site = _navigation(lines)
    # "Licensing Sub-Committee (2005-2015)", "Safer Arun Partnership meeting minutes 24 January 2023"
    plain = [_TRAILING_DATE.sub("", _YEARS_IN_BRACKETS.sub("", line)) for line in lines]
    names = [
        _without_minutes_words(line)
        for line in plain
        if line.strip() and ":" not in line and not re.search(r"\d", line) and len(line.split()) <= 8
        and COMMITTEE_WORD.search(line) and " ".join(line.split()).lower() not in site
    ]
    names = [name for name in names if name]
    names.sort(key=lambda name: bool(council_name([name])))
    return _tidy_case(names[0]) if names else None


def _navigation(lines: list[str]) -> set[str]:
    """A web page's breadcrumb ("Home > Council and Democracy > Agenda and minutes") and each of its crumbs, lower
    case: site navigation, never the committee's name ("Council and democracy" above it)."""
    trails = [" ".join(line.split()) for line in lines if _BREADCRUMB.match(line.strip())]
    return {text.lower() for trail in trails for text in [trail, *(crumb.strip() for crumb in trail.split(">"))]}


def _without_minutes_words(line: str) -> str:
    """``Minutes of the Planning Committee`` and ``Planning Committee Minutes`` → ``Planning Committee``."""
    name = re.sub(r"^\s*(?:draft\s+)?minutes\s+of\s+(?:the\s+)?(?:meeting\s+of\s+(?:the\s+)?)?", "", line, flags=re.I)
    return re.sub(r"\s+(?:draft\s+)?(?:meeting\s+)?minutes\s*$", "", name, flags=re.IGNORECASE).strip()


def _tidy_case(name: str) -> str:
    """A banner in capitals becomes a name: ``STOCKTON-ON-TEES BOROUGH COUNCIL`` → ``Stockton-on-Tees Borough Council``."""
    if not name.isupper():
        return name
    words = []
    for position, word in enumerate(name.split()):
        parts = [part.lower() if (position or index) and part.lower() in _SMALL_WORDS else part.capitalize()
                 for index, part in enumerate(word.split("-"))]
        words.append("-".join(parts))
    return " ".join(words)
