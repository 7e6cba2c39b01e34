"""The objects every front end consumes: `Hit`, `Citation`, `Answer`.

Citations are data (meeting, item, quoted passage); they become text such as
``[Safer Stockton Partnership, 19 Jul 2023, SSP/4/23]`` only at the edge.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import Literal

from assistant.models import Chunk, ChunkKind, ItemRef, page_link
from assistant.query import SearchFilters

AnswerMode = Literal["extractive", "llm", "extractive-fallback"]
"""Who wrote the answer: quoted sentences; a model (checked sentence by sentence); or quoted because
nothing the model wrote survived the check. `Answer.model` names the model in the last two."""


@dataclass(frozen=True)
class SourceRef:
    """An agenda item of a meeting, with a passage from it: what hits and citations share."""

    meeting_id: str
    committee: str
    date: dt.date | None
    item: str | None
    item_position: int
    item_title: str
    source: str
    quote: str
    council: str | None = None
    pages: tuple[int, ...] = ()
    url: str | None = None
    source_hash: str = ""

    @property
    def ref(self) -> ItemRef:
        return ItemRef(self.meeting_id, self.committee, self.date, self.item, self.item_position, self.item_title,
                       self.council)

    @property
    def label(self) -> str:
        return self.ref.label

    @property
    def heading(self) -> str:
        return self.ref.heading

    @property
    def passage(self) -> str:
        """What a sentence citing this may rest on: the label (which dates the meeting) and the quoted passage.

        Answers say "At the 14 Aug 2012 meeting, ..." of an item whose text
        never states its date; the label does, and the reader sees it.
        """
        return f"{self.label}\n{self.quote}"

    @property
    def link(self) -> str | None:
        """Where to open the original: the published address, at the passage's page for a PDF."""
        return page_link(self.url, self.source, self.pages)

    def source_ref(self) -> SourceRef:
        """Just the item and passage, without what a subclass adds (a hit's scores, a citation's number)."""
        return SourceRef(**{name: getattr(self, name) for name in SourceRef.__dataclass_fields__})

    def to_dict(self) -> dict:
        return _jsonable(asdict(self) | {"label": self.label, "link": self.link})


@dataclass(frozen=True)
class Hit(SourceRef):
    """One retrieved agenda item (its sub-chunks collapsed), best passage first."""

    score: float = 0.0
    dense: float = 0.0
    keyword: float = 0.0
    kind: ChunkKind = "item"
    chunk_id: str = ""

    @classmethod
    def from_chunk(cls, chunk: Chunk, score: float, dense: float, keyword: float) -> Hit:
        return cls(
            meeting_id=chunk.meeting_id, committee=chunk.committee, council=chunk.council, date=chunk.date,
            pages=chunk.pages, url=chunk.url, source_hash=chunk.source_hash,
            item=chunk.item_number, item_position=chunk.item_position, item_title=chunk.item_title,
            source=chunk.source, quote=chunk.text, score=score, dense=dense, keyword=keyword,
            kind=chunk.kind, chunk_id=chunk.id,
        )


@dataclass(frozen=True)
class Citation(SourceRef):
    """A numbered source of an answer: the item, and the passage that supports the sentences citing it.

    `sentences` are the exact parts of `quote` that the answer relies on, so
    a front end can highlight them.
    """

    number: int = 0
    sentences: tuple[str, ...] = ()

    @classmethod
    def from_hit(cls, number: int, hit: Hit, sentences: tuple[str, ...] = ()) -> Citation:
        return cls(**asdict(hit.source_ref()), number=number, sentences=sentences)


@dataclass(frozen=True)
class AnswerSentence:
    """One sentence of an answer and the citation numbers it rests on."""

    text: str
    citations: tuple[int, ...]


@dataclass(frozen=True)
class Answer:
    """What `Assistant.ask` returns; the CLI, the UI and the eval all read this.

    `text` carries inline markers ``[1]`` that number into `citations`.
    `refused` is True when the minutes do not answer the question; then
    `citations` is empty and `text` says so. `mode` names the path that
    produced the answer, `model` the model involved (if any), and `dropped`
    lists generated sentences the citation checker removed. `filters` are the
    restrictions the search ran under (given, or read from the question).
    `closest` is, for a refusal, the item that came nearest (so a front end can
    offer to read it); None otherwise.
    """

    question: str
    text: str
    refused: bool
    citations: list[Citation]
    sentences: list[AnswerSentence] = field(default_factory=list)
    mode: AnswerMode = "extractive"
    model: str = ""
    dropped: list[str] = field(default_factory=list)
    filters: SearchFilters = field(default_factory=SearchFilters)
    seconds: float = 0.0
    closest: SourceRef | None = None

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "text": self.text,
            "refused": self.refused,
            "citations": [c.to_dict() for c in self.citations],
            "sentences": [_jsonable(asdict(s)) for s in self.sentences],
            "mode": self.mode,
            "model": self.model,
            "dropped": list(self.dropped),
            "filters": self.filters.to_dict(),
            "seconds": round(self.seconds, 4),
            "closest": self.closest.to_dict() if self.closest else None,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def _jsonable(value):
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
