"""The store seam: what the rest of the code may ask of an index, in the words of meetings and items.

`IndexStore` is the whole contract. Retrieval, answering, the CLI and the UI
speak only to it; which engine holds the vectors (Chroma embedded, a Chroma
server, memory for tests) is chosen once, in `open_store`, from `Settings`.

The one implementation in use (`assistant.stores.index.CatalogIndex`) keeps
meeting records, chunk texts, the keyword index and the generation in a
SQLite catalog, and the vectors in a `VectorIndex` engine. Adding an engine
is one new file implementing `VectorIndex` (vectors only) or, for an engine
that also ranks by keyword, `IndexStore` itself.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from assistant.models import Chunk, Meeting, committee_label

if TYPE_CHECKING:
    import numpy as np

    from assistant.glossary import Glossary
    from assistant.query import SearchFilters
    from assistant.settings import Settings
    from assistant.terms import TermStats


@dataclass(frozen=True)
class MeetingRecord:
    """What the index knows about one ingested file, without its full text."""

    id: str
    committee: str
    date: dt.date | None
    items: int
    chunks: int
    source: str
    file_hash: str
    council: str | None = None
    date_source: str | None = None
    url: str | None = None
    abbreviations: tuple[tuple[str, str], ...] = ()  # (term, long form) the minutes define, for the glossary
    titles: tuple[str, ...] = ()  # the items' titles in order, so "the Op Harmony meeting" names it unparsed

    @property
    def body(self) -> str:
        """The committee, with its council when known (see `committee_label`)."""
        return committee_label(self.committee, self.council)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "committee": self.committee,
            "council": self.council,
            "date": self.date.isoformat() if self.date else None,
            "date_source": self.date_source,
            "items": self.items,
            "chunks": self.chunks,
            "source": self.source,
            "url": self.url,
        }


@dataclass(frozen=True)
class MeetingWrite:
    """A meeting's new version: the parsed meeting, the hash of its file, its chunks and their vectors."""

    meeting: Meeting
    file_hash: str
    chunks: Sequence[Chunk]
    vectors: np.ndarray | Sequence[Sequence[float]]

    @property
    def version(self) -> str:
        """Short and derived from the file hash, so a rewrite of the same file reuses its ids."""
        return self.file_hash.replace(":", "")[:12]

    def __post_init__(self) -> None:
        """One vector per chunk: a write that does not line up is a bug of its caller, said before anything is written."""
        if len(self.chunks) != len(self.vectors):
            raise ValueError(f"{self.meeting.id}: {len(self.chunks)} chunks but {len(self.vectors)} vectors")

    def vector_ids(self) -> list[str]:
        """Ids of this version's chunks: ``<chunk id>@<version>``, so two versions never share an id."""
        return [f"{chunk.id}@{self.version}" for chunk in self.chunks]


class IndexStore(Protocol):
    """An index of meetings: their records, their chunks, and dense and keyword search over those chunks.

    Readers only ever see a meeting's complete current version: a write cut
    short leaves nothing visible, and `repair` clears what it left behind.
    """

    def write(self, writes: Sequence[MeetingWrite]) -> int:
        """Add or replace these meetings (any number, in bulk); returns how many old chunks went."""
        ...

    def remove(self, meeting_id: str) -> int:
        """Delete a meeting and its chunks; returns how many chunks went."""
        ...

    def repair(self) -> int:
        """Delete what an interrupted write left behind; returns how many chunks went."""
        ...

    def dense_search(self, vector: Sequence[float], k: int, filters: SearchFilters,
                     kind: str | None = None) -> list[tuple[Chunk, float]]:
        """The `k` chunks nearest to `vector` under `filters` (and of `kind`), with cosine similarity, best first."""
        ...

    def keyword_search(self, query: str, k: int, filters: SearchFilters,
                       kind: str | None = None) -> list[tuple[Chunk, float]]:
        """The `k` chunks that best match the words of `query` (BM25, > 0), best first."""
        ...

    def term_stats(self, glossary: Glossary | None = None) -> TermStats:
        """Document frequencies over the indexed chunks (the keyword index's own); see `TermStats`."""
        ...

    def chunks(self, meeting_id: str, position: int | None = None) -> list[Chunk]:
        """A meeting's chunks (or one item's, by position), in order."""
        ...

    def meetings(self) -> list[MeetingRecord]:
        """Every complete meeting, oldest first, undated last."""
        ...

    def meeting(self, meeting_id: str) -> Meeting | None:
        """The parsed meeting as it was ingested, or None."""
        ...

    def generation(self) -> int:
        """A number that changes whenever any process writes or removes a meeting."""
        ...

    def chunk_count(self) -> int:
        """Vectors the engine holds, leftovers of an unfinished write included (they are invisible to search)."""
        ...

    def lost_vectors(self) -> dict[str, int]:
        """Per meeting, how many of its chunks have no vector (only a damaged index has any)."""
        ...

    def refresh(self) -> None:
        """Let go of the open index, so the next call opens it afresh (after its folder was replaced)."""
        ...


class VectorIndex(Protocol):
    """A vector engine: vectors under ids, with the chunk fields that filters need (meeting, committee, date, kind)."""

    def add(self, ids: Sequence[str], chunks: Sequence[Chunk], vectors: np.ndarray | Sequence[Sequence[float]]) -> None:
        """Store (or overwrite) one vector per id."""
        ...

    def delete(self, ids: Sequence[str]) -> None:
        """Forget these ids; ids it does not hold are ignored."""
        ...

    def nearest(self, vector: Sequence[float], k: int, filters: SearchFilters,
                kind: str | None = None) -> list[tuple[str, float]]:
        """Ids of the `k` nearest vectors under `filters`, with cosine similarity, best first."""
        ...

    def held(self, ids: Sequence[str]) -> set[str]:
        """Which of `ids` the engine holds."""
        ...

    def nearest_among(self, vector: Sequence[float], k: int, ids: Sequence[str]) -> list[tuple[str, float]]:
        """The `k` of `ids` nearest to `vector`, with cosine similarity, best first (ids it does not hold are skipped)."""
        ...

    def count(self) -> int:
        ...

    def refresh(self) -> None:
        """Re-read what other processes wrote (for engines that cache the index per process)."""
        ...


def open_store(settings: Settings) -> IndexStore:
    """The index `settings` name: a catalog in `index_dir` and Chroma vectors, embedded there or on a server."""
    from assistant.stores.chroma import ChromaVectors
    from assistant.stores.index import CatalogIndex, catalog_path

    return CatalogIndex(catalog_path(settings), ChromaVectors(settings))
