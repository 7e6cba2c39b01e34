"""Hybrid retrieval: dense and keyword (BM25) rankings fused by reciprocal rank.

Both rankings run inside the store, over the same chunks with the same
filters. Sub-chunks of one agenda item collapse to the item, keeping its best
passage, so a long item does not crowd out the others.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from assistant.answer import Hit
from assistant.embed import Embedder
from assistant.glossary import Glossary, load_glossary_file
from assistant.models import Chunk
from assistant.plan import MeetingInfo
from assistant.query import SearchFilters
from assistant.store import IndexStore, MeetingRecord
from assistant.terms import TermStats

RRF_K = 60
_POOL = 30


@dataclass
class _Scored:
    chunk: Chunk
    fused: float = 0.0
    dense: float = 0.0
    keyword: float = 0.0


@dataclass(frozen=True)
class Snapshot:
    """What retrieval remembers of the index at one `generation`: per-meeting facts, nothing per chunk."""

    generation: int
    stats: TermStats
    glossary: Glossary
    meetings: tuple[MeetingInfo, ...]  # every complete meeting: id, date, item titles


class HybridRetriever:
    """Ranks agenda items for a query. Safe to share between threads.

    Both rankings read the store afresh on every query; the term statistics,
    the glossary and the meeting list are re-read when the store's generation
    changes, so a long-running UI sees what a later ingest added.
    """

    def __init__(self, store: IndexStore, embedder: Embedder, glossary_file: Path | None = None) -> None:
        """`glossary_file` adds abbreviations the minutes never define (the `glossary` setting)."""
        self.store = store
        self.embedder = embedder
        self.glossary_file = glossary_file
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    def snapshot(self) -> Snapshot:
        """The remembered view of the index, re-read if the index changed since."""
        with self._lock:
            generation = self.store.generation()
            if self._snapshot is None or self._snapshot.generation != generation:
                records = self.store.meetings()
                glossary = index_glossary(records, self.glossary_file)
                stats = self.store.term_stats(glossary, sorted({r.committee for r in records}))
                self._snapshot = Snapshot(generation, stats, glossary,
                                          tuple(MeetingInfo(r.id, r.date, r.titles, r.committee) for r in records))
            return self._snapshot

    @property
    def stats(self) -> TermStats:
        return self.snapshot().stats

    def warm(self) -> None:
        """Read the index and load the query encoder now rather than on the first question."""
        self.snapshot()
        self.store.dense_search(self.embedder.embed_query("warm up"), 1, SearchFilters())

    def retrieve(self, query: str, k: int = 5, filters: SearchFilters = SearchFilters(),
                 kind: str | None = None) -> list[Hit]:
        """The `k` best items for `query` under `filters`; `kind` limits to ``item`` or ``header`` chunks."""
        scored: dict[tuple[str, int], _Scored] = {}
        for name, ranking in (("dense", self.dense(query, _POOL, filters, kind)),
                              ("keyword", self.keyword(query, _POOL, filters, kind))):
            seen: set[tuple[str, int]] = set()
            for chunk, score in ranking:
                key = _item_key(chunk)
                if key in seen:
                    continue  # a later sub-chunk of an item already ranked in this list
                entry = scored.setdefault(key, _Scored(chunk))
                entry.fused += 1 / (RRF_K + len(seen) + 1)
                setattr(entry, name, score)
                seen.add(key)
        ranked = sorted(scored.values(), key=lambda e: e.fused, reverse=True)[:k]
        return [Hit.from_chunk(e.chunk, score=e.fused, dense=e.dense, keyword=e.keyword) for e in ranked]

    def dense(self, query: str, k: int = _POOL, filters: SearchFilters = SearchFilters(),
              kind: str | None = None) -> list[tuple[Chunk, float]]:
        """Chunks nearest to `query` in meaning, with their cosine similarity, best first."""
        return self.store.dense_search(self.embedder.embed_query(query), k, filters, kind)

    def keyword(self, query: str, k: int = _POOL, filters: SearchFilters = SearchFilters(),
                kind: str | None = None) -> list[tuple[Chunk, float]]:
        """Chunks ranked by BM25 alone (score > 0), best first."""
        return self.store.keyword_search(query, k, filters, kind)


def index_glossary(records: list[MeetingRecord], path: Path | None = None) -> Glossary:
    """The abbreviations the indexed minutes define (kept in their meeting records), plus the file at `path`."""
    pairs = [pair for record in records for pair in record.abbreviations]
    return Glossary([*pairs, *(load_glossary_file(path) if path else ())])


def _item_key(chunk: Chunk) -> tuple[str, int]:
    return chunk.meeting_id, chunk.item_position
