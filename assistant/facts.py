"""Meeting facts: what the minutes state about a meeting, each with the words it was read from.

Extracted once at ingest (`ingest.facts.extract_facts`) and stored with the
meeting, so the answerer, the CLI and the UI read the chair, the next
meeting's date or a decision without re-parsing. Every fact keeps
`position` (0 = the meeting's header/attendance block, else the agenda
item's position) and `source`, an exact substring of that block's text
(the item's ``title`` or ``text``, or the meeting's ``header``), so a
sentence composed from a fact can be cited and checked by containment.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

from assistant.vocabulary import is_chair_role, is_routine_decision, is_vice_chair_role

HEADER_POSITION = 0
"""`position` of facts read from the meeting's header (attendance block), before the first item."""

AttendeeKind = Literal["member", "officer", "in_attendance", "apologies", "contact"]
ATTENDEE_LABELS: dict[AttendeeKind, str] = {
    "member": "Present", "officer": "Officers", "in_attendance": "Also in attendance", "apologies": "Apologies",
    "contact": "Contact",
}
"""How every surface heads each kind of attendee, in the order the minutes list them."""
FigureKind = Literal["amount", "percent", "count"]
DefinitionHow = Literal["defined", "initials"]


@dataclass(frozen=True)
class When:
    """When the meeting was held, as its own minutes state it.

    `time` is the start time as written (``9.00 am``), or None.
    """

    date: dt.date | None
    time: str | None
    position: int
    source: str


@dataclass(frozen=True)
class Venue:
    """Where a meeting was held: ``Meeting Room 1, Jim Cooke Conference Suite, ...``."""

    name: str
    position: int
    source: str


@dataclass(frozen=True)
class Attendee:
    """One person on an attendance list.

    `kind`: ``member`` (listed as present), ``officer``, ``in_attendance``
    (also in attendance), ``apologies`` (sent apologies: absent) or
    ``contact`` (the officer a published page names for enquiries, who need
    not have been there).
    `name` is as written, titles included (``Cllr Steve Nelson``);
    `role` is a role printed with the name (``Chair``, ``Cabinet Member for
    Adult Social Care``); `organisation` the body printed with it or with
    the group it is listed in (``Harbourside Police``). `source` is the part
    of the list that states all three.
    """

    name: str
    organisation: str | None
    role: str | None
    kind: AttendeeKind
    position: int
    source: str

    @property
    def was_there(self) -> bool:
        """Listed as at the meeting: not an apology, not only the page's contact."""
        return self.kind not in ("apologies", "contact")

    @property
    def is_chair(self) -> bool:
        return self.role is not None and is_chair_role(self.role)

    @property
    def is_vice_chair(self) -> bool:
        return self.role is not None and is_vice_chair_role(self.role)


@dataclass(frozen=True)
class NextMeeting:
    """The next meeting as these minutes set it; any part may be unstated (None).

    A date written without its year (``Tuesday 25 September``) is dated in
    the year that puts it after this meeting, and only when the weekday, if
    written, agrees.
    """

    date: dt.date | None
    time: str | None
    venue: str | None
    position: int
    source: str


@dataclass(frozen=True)
class Decision:
    """A decision as recorded: ``AGREED that:-`` with its numbered list, ``Members noted the update.``

    `text` is the exact words (so it is also the citable source); `verb` the
    decision word in lower case (``agreed``, ``resolved``, ``noted``,
    ``approved``).
    """

    position: int
    text: str
    verb: str

    @property
    def source(self) -> str:
        return self.text

    @property
    def routine(self) -> bool:
        """Whether it only notes, receives or approves the minutes ("AGREED that the report be noted")."""
        return is_routine_decision(self.text)


@dataclass(frozen=True)
class Figure:
    """A number that says how much or how many, with the sentence it stands in.

    `value` is the figure as written (``1 million``, ``£1.2m``, ``28.1%``,
    ``19``, ``four``); `number` its value (1000000.0, 1200000.0, 28.1, 19.0,
    4.0); `kind` ``amount`` (money), ``percent`` or ``count``; `unit` what a
    count counts, as written (``Antisocial Behaviour hotspots``), else None.
    """

    value: str
    number: float | None
    kind: FigureKind
    unit: str | None
    position: int
    source: str


@dataclass(frozen=True)
class Definition:
    """An abbreviation and its long form, as the minutes give them.

    `how`: ``defined`` (written together: ``Violence With Injury (VWI)``) or
    ``initials`` (both used in one item and the initials spell the
    abbreviation). `source` is the sentence with the long form.
    """

    term: str
    expansion: str
    how: DefinitionHow
    position: int
    source: str


@dataclass(frozen=True)
class MeetingFacts:
    """Everything extracted from one meeting's minutes; empty where the minutes state nothing."""

    held: When | None = None
    venue: Venue | None = None
    attendees: tuple[Attendee, ...] = ()
    next_meeting: NextMeeting | None = None
    decisions: tuple[Decision, ...] = ()
    figures: tuple[Figure, ...] = ()
    definitions: tuple[Definition, ...] = ()

    @property
    def chair(self) -> Attendee | None:
        """Who chaired: the first attendee listed with a chair role (not vice-chair)."""
        return next((a for a in self.attendees if a.is_chair and a.was_there), None)

    @property
    def vice_chair(self) -> Attendee | None:
        return next((a for a in self.attendees if a.is_vice_chair and a.was_there), None)

    def of_kind(self, kind: AttendeeKind) -> tuple[Attendee, ...]:
        """Attendees of one kind, in the order listed."""
        return tuple(a for a in self.attendees if a.kind == kind)

    def by_organisation(self, kind: AttendeeKind | None = None) -> dict[str | None, tuple[Attendee, ...]]:
        """Attendees grouped by organisation (None: not stated), in order of first mention."""
        groups: dict[str | None, list[Attendee]] = {}
        for attendee in self.attendees:
            if kind is None or attendee.kind == kind:
                groups.setdefault(attendee.organisation, []).append(attendee)
        return {organisation: tuple(people) for organisation, people in groups.items()}

    def item_decisions(self, position: int) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.position == position)

    def item_figures(self, position: int) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.position == position)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; `chair` and `vice_chair` are added for readers of the JSON (and ignored by `from_dict`)."""
        data = asdict(self)
        for key in ("held", "next_meeting"):
            if data[key] and data[key]["date"]:
                data[key]["date"] = data[key]["date"].isoformat()
        for key in ("attendees", "decisions", "figures", "definitions"):
            data[key] = list(data[key])
        data["chair"] = self.chair.name if self.chair else None
        data["vice_chair"] = self.vice_chair.name if self.vice_chair else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> MeetingFacts:
        """Inverse of `to_dict` (None or ``{}`` from an older index gives no facts)."""
        if not data:
            return cls()
        return cls(
            held=_dated(When, data.get("held")),
            venue=Venue(**data["venue"]) if data.get("venue") else None,
            attendees=tuple(Attendee(**a) for a in data.get("attendees", ())),
            next_meeting=_dated(NextMeeting, data.get("next_meeting")),
            decisions=tuple(Decision(**d) for d in data.get("decisions", ())),
            figures=tuple(Figure(**f) for f in data.get("figures", ())),
            definitions=tuple(Definition(**d) for d in data.get("definitions", ())),
        )


def _dated(kind: type, data: dict[str, Any] | None) -> Any:
    if not data:
        return None
    names = {field.name for field in fields(kind)}
    values = {key: value for key, value in data.items() if key in names}
    values["date"] = dt.date.fromisoformat(values["date"]) if values.get("date") else None
    return kind(**values)


@dataclass(frozen=True)
class DecisionRecord:
    """One decision with the meeting and item it was taken in: a row of `Assistant.decisions`."""

    meeting_id: str
    committee: str
    date: dt.date | None
    item_position: int
    item_number: str | None
    item_title: str
    text: str
    verb: str
    routine: bool
    council: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"date": self.date.isoformat() if self.date else None}
