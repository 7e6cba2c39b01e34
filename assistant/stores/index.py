"""`CatalogIndex`: the `IndexStore` made of a SQLite catalog and a vector engine.

Writes keep one order so that a reader, or a crash, at any point finds every
meeting complete: the new version's ids are listed as pending in the
catalog; its vectors go to the engine (thousands per call, across meetings);
one catalog transaction makes the new versions current and lists the old
versions' ids as pending; the engine deletes those; the catalog forgets them.

Readers reach chunks only through the catalog, which holds current versions
alone, so vectors of an unfinished write are never returned; `repair` (run
by each ingest) deletes them.
"""
from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from assistant.glossary import Glossary
from assistant.models import Chunk, Meeting
from assistant.query import SearchFilters
from assistant.settings import Settings
from assistant.store import MeetingRecord, MeetingWrite, VectorIndex
from assistant.stores.catalog import Catalog
from assistant.terms import TermStats

CATALOG_FILE = "catalog.sqlite3"
_AMONG_AT_MOST = 20_000  # chunks passing a filter that the engine searches among by id
_OVERFETCH = 2  # unfiltered neighbours fetched per wanted one, beyond the share that passes
_NEIGHBOURS_AT_MOST = 3000  # unfiltered neighbours worth fetching before letting the engine filter


def catalog_path(settings: Settings) -> Path:
    """Where the catalog of the index `settings` name lives.

    Embedded: in the index folder. With a Chroma server: in `Settings.cache_folder`
    (never the working directory), named after the server and collection as the
    writer lock is, so every process on this machine that uses them shares it.
    """
    if settings.uses_server:
        name = re.sub(r"[^A-Za-z0-9.-]+", "-", f"{settings.chroma_host}-{settings.chroma_port}-{settings.collection}")
        return settings.cache_folder / f"catalog-{name}.sqlite3"
    return settings.index_dir / CATALOG_FILE


class CatalogIndex:
    """An `IndexStore`: records, texts and keywords in the catalog, vectors in `vectors`."""

    def __init__(self, catalog: Path | None, vectors: VectorIndex) -> None:
        """`catalog` is the catalog file (created on first use, not here), or None for a private in-memory one."""
        self._path = catalog
        self._catalog: Catalog | None = None
        self.vectors = vectors
        self._seen = -1  # the generation the vector engine last reflected
        self._lock = threading.Lock()

    @property
    def catalog(self) -> Catalog:
        with self._lock:
            if self._catalog is None:
                self._catalog = Catalog(self._path)
            return self._catalog

    def refresh(self) -> None:
        """Let go of the open index, so the next call opens it afresh (after its folder was replaced)."""
        with self._lock:
            if self._path is not None:
                self._catalog = None
            self._seen = -1
        self.vectors.refresh()

    def write(self, writes: Sequence[MeetingWrite]) -> int:
        if not writes:
            return 0
        self.catalog.stage(writes)
        self.vectors.add([i for w in writes for i in w.vector_ids()], [c for w in writes for c in w.chunks],
                         [v for w in writes for v in w.vectors])
        return self._delete(self.catalog.switch(writes))

    def remove(self, meeting_id: str) -> int:
        return self._delete(self.catalog.remove(meeting_id))

    def repair(self) -> int:
        return self._delete(self.catalog.pending())

    def _delete(self, pending: list[tuple[str, str, list[str]]]) -> int:
        """Delete the vectors of versions no record holds any more, then stop listing them as pending."""
        stale = [vector_id for _, _, ids in pending for vector_id in ids]
        self.vectors.delete(stale)
        self.catalog.settle((meeting_id, version) for meeting_id, version, _ in pending)
        return len(stale)

    def dense_search(self, vector: Sequence[float], k: int, filters: SearchFilters,
                     kind: str | None = None) -> list[tuple[Chunk, float]]:
        """Unfiltered, the engine's own search; filtered, the catalog decides which chunks pass (see `_filtered`)."""
        self._follow()
        if filters or kind:
            return self._filtered(vector, k, filters, kind)
        return self._current(self.vectors.nearest(vector, k, filters, kind))

    def _filtered(self, vector: Sequence[float], k: int, filters: SearchFilters,
                  kind: str | None) -> list[tuple[Chunk, float]]:
        """The `k` nearest chunks that pass `filters`, found without the engine's own filtering where that is slow.

        An engine that filters by metadata reads its metadata for every query
        (Chroma: a tenth to half a second at 140,000 chunks). The catalog knows
        at once which chunks pass: when not too many do (a meeting, a day, the
        attendance blocks), the engine searches among those ids alone; when most
        do (item passages), its unfiltered nearest neighbours, enough of them that
        `k` pass in all likelihood, are kept where they pass; failing both, the
        engine filters.
        """
        among, share = self.catalog.passing(filters, kind, _AMONG_AT_MOST)
        if among is not None:
            return self._current(self.vectors.nearest_among(vector, k, among) if among else [])
        wanted = min(math.ceil(_OVERFETCH * k / share), self.catalog.chunk_total()) if share else 0
        if wanted and wanted <= _NEIGHBOURS_AT_MOST:
            found = self.vectors.nearest(vector, wanted, SearchFilters())
            passing = self.catalog.chunks_passing([vector_id for vector_id, _ in found], filters, kind)
            kept = [(passing[vector_id], score) for vector_id, score in found if vector_id in passing][:k]
            if len(kept) == k:
                return kept
        return self._current(self.vectors.nearest(vector, k, filters, kind))

    def _current(self, found: list[tuple[str, float]]) -> list[tuple[Chunk, float]]:
        """The chunks of `found` that the catalog holds (a vector of an unfinished write has none)."""
        current = self.catalog.chunks_by_id([vector_id for vector_id, _ in found])
        return [(current[vector_id], score) for vector_id, score in found if vector_id in current]

    def _follow(self) -> None:
        """Let the vector engine re-read the index when another process has written since it last looked."""
        generation = self.catalog.generation()
        with self._lock:
            if generation != self._seen:
                if self._seen != -1:
                    self.vectors.refresh()
                self._seen = generation

    def keyword_search(self, query: str, k: int, filters: SearchFilters,
                       kind: str | None = None) -> list[tuple[Chunk, float]]:
        return self.catalog.keyword(query, k, filters, kind)

    def term_stats(self, glossary: Glossary | None = None) -> TermStats:
        return self.catalog.term_stats(glossary)

    def chunks(self, meeting_id: str, position: int | None = None) -> list[Chunk]:
        return self.catalog.chunks(meeting_id, position)

    def meetings(self) -> list[MeetingRecord]:
        return self.catalog.records()

    def meeting(self, meeting_id: str) -> Meeting | None:
        return self.catalog.meeting(meeting_id)

    def generation(self) -> int:
        return self.catalog.generation()

    def chunk_count(self) -> int:
        return self.vectors.count()

    def lost_vectors(self) -> dict[str, int]:
        """Per meeting, how many of its current chunks have no vector in the engine (a damaged vector index)."""
        owners = {chunk.id: record.id for record in self.meetings() for chunk in self.chunks(record.id)}
        held = self.vectors.held(list(owners))
        return dict(Counter(meeting_id for vector_id, meeting_id in owners.items() if vector_id not in held))
