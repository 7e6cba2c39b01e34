"""The records that cross stage boundaries in ingestion: meeting, agenda item, chunk.

They are plain frozen dataclasses so that every later stage (index, retrieval,
UI, eval) can rely on them without importing any parsing machinery.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

HEADER_POSITION = 0
"""A meeting's header block (attendance, venue) is indexed and cited as its item at position 0."""


@dataclass(frozen=True)
class ItemRef:
    """Which agenda item of which meeting: the one value behind every way an item is named.

    Citations, hits, chunks, the CLI and the UI all name items through this,
    so "how an item is called" is decided here and nowhere else.
    """

    meeting_id: str
    committee: str
    date: dt.date | None
    number: str | None
    position: int
    title: str

    @property
    def is_header(self) -> bool:
        return self.position == HEADER_POSITION

    @property
    def label(self) -> str:
        """``Safer Stockton Partnership, 19 Jul 2023, SSP/4/23``; plain numbers as ``item 12``; unnumbered by position and title."""
        where = f"{self.committee}, {format_date(self.date)}"
        if self.is_header:
            return f"{where}, attendance"
        if self.number:
            return f"{where}, item {self.number}" if self.number.isdigit() else f"{where}, {self.number}"
        return f"{where}, item {self.position} ({self.title or 'untitled'})"

    @property
    def short(self) -> str:
        """The item alone, as a card or a list shows it: ``Item 19``, ``SSP/4/23``, ``Meeting details``."""
        if self.is_header:
            return "Meeting details"
        if self.number:
            return f"Item {self.number}" if self.number.isdigit() else self.number
        return f"Item {self.position}"

    @property
    def address(self) -> str:
        """What ``minutes show MEETING ITEM`` and `Meeting.item` accept: the printed number, else ``#position``."""
        return self.number if self.number else f"#{self.position}"

    @property
    def context(self) -> str:
        """The line prefixed to a passage before embedding, so questions naming a meeting or item find it."""
        where = f"{self.committee}, {format_date(self.date)}"
        if self.is_header:
            return f"{where}: meeting details and attendance"
        number = f"item {self.number}" if self.number else f"item {self.position} (unnumbered)"
        return f"{where}, {number}: {self.title or 'untitled'}"


@dataclass(frozen=True)
class AgendaItem:
    """One agenda item as printed in the minutes.

    `number` is kept exactly as printed (``SSP/4/23``, ``12``) or None when the
    layout does not number items; `position` is the 1-based order in the
    meeting, so unnumbered items still have a stable address.
    """

    position: int
    number: str | None
    title: str
    text: str
    decisions: tuple[str, ...] = ()
    restricted: bool = False

    @property
    def ref(self) -> str:
        """How a person would name this item: its printed number, else its position (see `ItemRef.address`)."""
        return self.number if self.number else f"#{self.position}"

    def to_dict(self) -> dict:
        return asdict(self) | {"decisions": list(self.decisions)}


@dataclass(frozen=True)
class Meeting:
    """A parsed minutes document: who met, when, where, and what they discussed.

    `date` is None when the document does not state it; nothing guesses one.
    `header` keeps the raw header text (attendance lines and the like) so no
    word of the source is lost between parsing and indexing.
    """

    id: str
    committee: str
    date: dt.date | None
    source: str
    items: tuple[AgendaItem, ...]
    venue: str | None = None
    chair: str | None = None
    present: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    officers: tuple[str, ...] = ()
    in_attendance: tuple[str, ...] = ()
    header: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def date_label(self) -> str:
        return format_date(self.date)

    def details(self) -> list[tuple[str, str]]:
        """Venue, chair and attendance as every surface lists them: (label, text), in this order, empty ones left out."""
        rows = [("Venue", self.venue or ""), ("Chair", self.chair or "")]
        rows += [(label, "; ".join(people)) for label, people in (
            ("Present", self.present), ("Officers", self.officers),
            ("Also in attendance", self.in_attendance), ("Apologies", self.apologies))]
        return [(label, text) for label, text in rows if text]

    def item_ref(self, item: AgendaItem) -> ItemRef:
        return ItemRef(self.id, self.committee, self.date, item.number, item.position, item.title)

    def item(self, ref: str) -> AgendaItem | None:
        """Find an item by printed number (case-insensitive) or by ``#position`` / bare position."""
        wanted = ref.strip().lower()
        for item in self.items:
            if item.number and item.number.lower() == wanted:
                return item
        position = wanted.lstrip("#")
        if position.isdigit():
            for item in self.items:
                if item.position == int(position) and (item.number is None or wanted.startswith("#")):
                    return item
        return None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["items"] = [item.to_dict() for item in self.items]
        for key in ("present", "apologies", "officers", "in_attendance", "warnings"):
            data[key] = list(data[key])
        return data


@dataclass(frozen=True)
class Chunk:
    """The unit that is embedded and retrieved.

    `text` is the passage a citation quotes; `embed_text` prefixes it with a
    context line (committee, date, item number and title) so that questions
    naming a meeting or an item number find it. `kind` is ``item`` for agenda
    item text and ``header`` for the meeting's attendance block (position 0).
    """

    id: str
    kind: str
    meeting_id: str
    committee: str
    date: dt.date | None
    item_position: int
    item_number: str | None
    item_title: str
    part: int
    parts: int
    text: str
    source: str
    restricted: bool = False

    @property
    def ref(self) -> ItemRef:
        return ItemRef(self.meeting_id, self.committee, self.date, self.item_number, self.item_position,
                       self.item_title)

    @property
    def embed_text(self) -> str:
        """``Safer Stockton Partnership, 19 Jul 2023, item SSP/4/23: Title`` then the passage."""
        return f"{self.ref.context}\n{self.text}"

    def metadata(self) -> dict:
        """Flat, scalar-only metadata as a vector store wants it (no None values)."""
        return {
            "kind": self.kind,
            "meeting_id": self.meeting_id,
            "committee": self.committee,
            "date": self.date.isoformat() if self.date else "",
            "date_ord": self.date.toordinal() if self.date else 0,
            "item_position": self.item_position,
            "item_number": self.item_number or "",
            "item_title": self.item_title,
            "part": self.part,
            "parts": self.parts,
            "source": self.source,
            "restricted": self.restricted,
        }


def format_date(value: dt.date | None) -> str:
    """``19 Jul 2023``, or ``date not stated`` for an undated meeting."""
    return f"{value.day} {value:%b %Y}" if value else "date not stated"


@dataclass
class IngestSummary:
    """What one ingest run did, for the CLI's closing line and for tests."""

    files: int = 0
    unchanged: int = 0
    moved: int = 0  # files whose meeting followed them from a path that is gone (no re-embedding)
    new_chunks: int = 0
    removed_chunks: int = 0
    embedded: int = 0
    meetings: int = 0
    items: int = 0
    chunks: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.files} files ({self.unchanged} unchanged{f', {self.moved} moved' if self.moved else ''}): "
            f"{self.new_chunks} new chunks "
            f"({self.embedded} embedded, {self.new_chunks - self.embedded} from cache), "
            f"{self.removed_chunks} removed; index holds {self.meetings} meetings, {self.items} items, "
            f"{self.chunks} chunks; {len(self.warnings)} warnings, {len(self.errors)} errors in {self.seconds:.1f}s"
        )
