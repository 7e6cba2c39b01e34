"""The records that cross stage boundaries in ingestion: meeting, agenda item, chunk.

They are plain frozen dataclasses so that every later stage (index, retrieval,
UI, eval) can rely on them without importing any parsing machinery.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Literal

from assistant.dates import format_date
from assistant.facts import HEADER_POSITION, MeetingFacts


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
    council: str | None = None

    @property
    def is_header(self) -> bool:
        return self.position == HEADER_POSITION

    @property
    def label(self) -> str:
        """``Safer Stockton Partnership, 19 Jul 2023, SSP/4/23``; plain numbers as ``item 12``; unnumbered by position and title."""
        where = f"{committee_label(self.committee, self.council)}, {format_date(self.date)}"
        if self.is_header:
            return f"{where}, attendance"
        if self.number:
            return f"{where}, item {self.number}" if self.number.isdigit() else f"{where}, {self.number}"
        return f"{where}, item {self.position} ({self.title or 'untitled'})"

    @property
    def heading(self) -> str:
        """The label with the item's title, once: ``…, SSP/4/23: Anti-Social Behaviour Action Plan``; an unnumbered
        item's label already holds its title, and an untitled one has none to add."""
        if self.is_header or not self.number or not self.title:
            return self.label
        return f"{self.label}: {self.title}"

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
        where = f"{committee_label(self.committee, self.council)}, {format_date(self.date)}"
        if self.is_header:
            return f"{where}: meeting details and attendance"
        number = f"item {self.number}" if self.number else f"item {self.position} (unnumbered)"
        return f"{where}, {number}: {self.title or 'untitled'}"


@dataclass(frozen=True)
class AgendaItem:
    """One agenda item as printed in the minutes.

    `number` is kept exactly as printed (``SSP/4/23``, ``12``) or None when the
    layout does not number items; `position` is the 1-based order in the
    meeting, so unnumbered items still have a stable address. `weak` says its
    boundaries were guessed from the text's shape (no number, no table row,
    no link label). `page_starts` maps a paged source: ``(offset, page)``
    says ``text[offset:]`` is on that page (until the next pair). `agenda` is
    what an "agenda and minutes" page printed before the item's "Minutes:"
    ("To approve the minutes of the last meeting."): what was asked, not what
    happened, so it is kept apart from `text`.
    """

    position: int
    number: str | None
    title: str
    text: str
    agenda: str = ""  # what the agenda said of it, printed before its minutes: shown, never answered from
    restricted: bool = False
    weak: bool = False
    page_starts: tuple[tuple[int, int], ...] = ()

    @property
    def ref(self) -> str:
        """How a person would name this item: its printed number, else its position (see `ItemRef.address`)."""
        return self.number if self.number else f"#{self.position}"

    @property
    def pages(self) -> tuple[int, ...]:
        """The pages the item is printed on; empty for an unpaged source."""
        return tuple(page for _, page in self.page_starts)

    def to_dict(self) -> dict:
        return asdict(self) | {"page_starts": [list(p) for p in self.page_starts]}

    @classmethod
    def from_dict(cls, data: dict) -> AgendaItem:
        """Inverse of `to_dict` (the ``decisions`` of records written before facts existed are dropped)."""
        known = {name: value for name, value in data.items() if name in cls.__dataclass_fields__}
        return cls(**(known | {"page_starts": tuple(tuple(p) for p in data.get("page_starts", ()))}))


@dataclass(frozen=True)
class Meeting:
    """A parsed minutes document: who met, when, where, and what they discussed.

    `date` is None when the document does not state it; nothing guesses one.
    `date_source` is the line the date was read from (or ``meetings.toml``).
    `header` keeps the raw header text (attendance lines and the like) and
    `boilerplate` the page furniture taken out (running headers and footers,
    page numbers, the signature block), so no word of the source is lost
    between parsing and indexing. `layout` names the rule that found the
    items, `fallbacks` what the parser could not read from the text (see
    `FALLBACKS`). `url` and `source_hash` say where the minutes came from.
    `facts` are what the minutes state (chair, attendees, decisions, figures,
    next meeting), each with its source; `ingest.facts.extract_facts` fills them in.
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
    council: str | None = None
    date_source: str | None = None
    layout: str = ""
    fallbacks: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    header_pages: tuple[int, ...] = ()
    url: str | None = None
    source_hash: str = ""
    facts: MeetingFacts = MeetingFacts()

    @property
    def date_label(self) -> str:
        return format_date(self.date)

    @property
    def body(self) -> str:
        """The committee as people name it apart from other councils' (see `committee_label`)."""
        return committee_label(self.committee, self.council)

    def details(self) -> list[tuple[str, str]]:
        """Venue, chair and attendance as every surface lists them: (label, text), in this order, empty ones left out."""
        rows = [("Venue", self.venue or ""), ("Chair", self.chair or "")]
        rows += [(label, "; ".join(people)) for label, people in (
            ("Present", self.present), ("Officers", self.officers),
            ("Also in attendance", self.in_attendance), ("Apologies", self.apologies))]
        return [(label, text) for label, text in rows if text]

    def item_ref(self, item: AgendaItem) -> ItemRef:
        return ItemRef(self.id, self.committee, self.date, item.number, item.position, item.title, self.council)

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
        data["facts"] = self.facts.to_dict()
        data["items"] = [item.to_dict() for item in self.items]
        for key in _LIST_FIELDS:
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Meeting:
        """Inverse of `to_dict` (records written before a field existed get its default)."""
        known = {name: value for name, value in data.items() if name in cls.__dataclass_fields__}
        tuples = {key: tuple(known[key]) for key in _LIST_FIELDS if key in known}
        date = dt.date.fromisoformat(data["date"]) if data.get("date") else None
        items = tuple(AgendaItem.from_dict(item) for item in data["items"])
        facts = MeetingFacts.from_dict(data.get("facts"))
        return cls(**(known | tuples | {"items": items, "date": date, "facts": facts}))


_LIST_FIELDS = ("present", "apologies", "officers", "in_attendance", "warnings", "fallbacks", "boilerplate",
                "header_pages")

FALLBACKS = {
    "no-items": "no agenda items recognised; indexed as one item",
    "weak-items": "item boundaries guessed from headings alone",
    "undated": "no meeting date in the text",
    "committee-unknown": "no committee named in the text",
}
"""What a `Meeting.fallbacks` code means, for the parse report."""


def page_link(url: str | None, source: str, pages: tuple[int, ...]) -> str | None:
    """Where to open the original: the published address, at the first of `pages` when the source is a PDF."""
    if url and pages and source.lower().endswith(".pdf") and "#" not in url:
        return f"{url}#page={pages[0]}"
    return url


def committee_label(committee: str, council: str | None) -> str:
    """``Planning Committee (Kestrel Vale Borough Council)``: the committee, with its council when known.

    Two councils' "Planning Committee" must never look alike in a citation,
    a filter or a list; a committee whose name already says its council
    (``Stockton-on-Tees Borough Council``) is not repeated.
    """
    if not council or council.lower() in committee.lower():
        return committee
    return f"{committee} ({council})"


ChunkKind = Literal["item", "header"]
"""An agenda item's text, or the meeting's header block (attendance, venue) at `HEADER_POSITION`."""


@dataclass(frozen=True)
class Chunk:
    """The unit that is embedded and retrieved.

    `text` is the passage a citation quotes; `embed_text` prefixes it with a
    context line (committee, date, item number and title) so that questions
    naming a meeting or an item number find it. `kind` is ``item`` for agenda
    item text and ``header`` for the meeting's attendance block (position 0).
    """

    id: str
    kind: ChunkKind
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
    council: str | None = None
    pages: tuple[int, ...] = ()
    url: str | None = None
    source_hash: str = ""

    @property
    def ref(self) -> ItemRef:
        return ItemRef(self.meeting_id, self.committee, self.date, self.item_number, self.item_position,
                       self.item_title, self.council)

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
            "council": self.council or "",
            "pages": ",".join(map(str, self.pages)),
            "url": self.url or "",
            "source_hash": self.source_hash,
        }


@dataclass(frozen=True)
class FileReport:
    """How one file's minutes were read, when the parser had to fall back on something.

    `notes` has one sentence per fallback: what the text did not give, and
    what was used instead (``meetings.toml``, one item, "Unknown committee").
    """

    file: str
    meeting_id: str
    layout: str
    items: int
    notes: tuple[str, ...]

    def line(self) -> str:
        how = f"{self.layout} layout" if self.layout else "no layout"
        return f"{self.file} ({how}, {self.items} items): " + "; ".join(self.notes)

    def to_dict(self) -> dict:
        return asdict(self) | {"notes": list(self.notes)}


@dataclass
class IngestSummary:
    """What one ingest run did, for the CLI's closing line and for tests.

    `reports` lists the files parsed in this run that needed a fallback
    (see `FileReport`); `warnings` the other problems worth a look.
    """

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
    reports: list[FileReport] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.files} files ({self.unchanged} unchanged{f', {self.moved} moved' if self.moved else ''}): "
            f"{self.new_chunks} new chunks "
            f"({self.embedded} embedded, {self.new_chunks - self.embedded} from cache), "
            f"{self.removed_chunks} removed; index holds {self.meetings} meetings, {self.items} items, "
            f"{self.chunks} chunks; {len(self.reports)} files needed a parse fallback; {len(self.warnings)} warnings, "
            f"{len(self.errors)} errors in {self.seconds:.1f}s"
        )

    def to_dict(self) -> dict:
        return asdict(self) | {"reports": [report.to_dict() for report in self.reports],
                               "seconds": round(self.seconds, 2)}
