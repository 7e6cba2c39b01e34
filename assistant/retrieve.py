"""Hybrid retrieval: dense (Chroma) and keyword (BM25) rankings fused by reciprocal rank.

Both rankings run over the same chunks with the same filters, applied inside
each store. Sub-chunks of one agenda item collapse to the item, keeping its
best passage, so a long item does not crowd out the others.
"""
from __future__ import annotations

import datetime as dt
import math
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.answer import Hit
from assistant.embed import Embedder
from assistant.glossary import Glossary, load_glossary_file
from assistant.models import Chunk
from assistant.query import SearchFilters
from assistant.store import MeetingRecord, Store, chunk_from_store
from assistant.text import TermStats

if TYPE_CHECKING:
    import numpy as np
    from llama_index.retrievers.bm25 import BM25Retriever

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
    """What retrieval keeps in memory, built from the store at one `generation`."""

    generation: int
    keyword: BM25Retriever | None  # None for an empty index
    stats: TermStats
    glossary: Glossary
    columns: _Columns
    meetings: list[tuple[str, dt.date | None]]  # (meeting id, date) of every complete meeting


class HybridRetriever:
    """Ranks agenda items for a query. Safe to share between threads.

    The keyword index and term statistics are rebuilt when the store's
    generation changes, so a long-running UI sees what a later ingest added.
    """

    def __init__(self, store: Store, embedder: Embedder) -> None:
        self.store = store
        self.embedder = embedder
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    def snapshot(self) -> Snapshot:
        """The in-memory view of the index, rebuilt if the index changed since it was built."""
        with self._lock:
            generation = self.store.generation()
            if self._snapshot is None or self._snapshot.generation != generation:
                if self._snapshot is not None:
                    self.store.refresh()
                self._snapshot = self._build(generation)
            return self._snapshot

    def _build(self, generation: int) -> Snapshot:
        from llama_index.core.schema import BaseNode, TextNode
        from llama_index.retrievers.bm25 import BM25Retriever

        chunks = self.store.all_chunks()
        records = self.store.meeting_records()
        meetings = [(record.id, record.date) for record in records]
        glossary = index_glossary(records, self.store.settings.glossary)
        stats = TermStats([chunk.embed_text for chunk in chunks], glossary, sorted({r.committee for r in records}))
        keyword = None
        if chunks:
            nodes: list[BaseNode] = [
                TextNode(
                    id_=chunk.id, text=chunk.embed_text, metadata=chunk.metadata(),
                    excluded_embed_metadata_keys=list(chunk.metadata()),
                )
                for chunk in chunks
            ]
            keyword = BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=min(_POOL, len(nodes)))
            # Per-query filtered retrievers share this BM25 index; they find node metadata through its corpus.
            keyword.bm25.corpus = keyword.corpus
        return Snapshot(generation, keyword, stats, glossary, _Columns.of(chunks), meetings)

    @property
    def stats(self) -> TermStats:
        return self.snapshot().stats

    def warm(self) -> None:
        """Build the keyword index and load the query encoder now rather than on the first question."""
        self.snapshot()
        self.embedder.embed_query("warm up")

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
        from llama_index.core.vector_stores.types import VectorStoreQuery

        vector = self.embedder.embed_query(query)
        result = self.store.query(VectorStoreQuery(query_embedding=vector, similarity_top_k=k,
                                                   filters=_metadata_filters(filters, kind)))
        out = []
        for node, similarity in zip(result.nodes, result.similarities):
            # The llama-index store reports exp(-distance); with cosine space this recovers the cosine.
            cosine = 1.0 + math.log(similarity) if similarity > 0 else -1.0
            out.append((chunk_from_store(node.node_id, node.get_content(), node.metadata), cosine))
        return out

    def keyword(self, query: str, k: int = _POOL, filters: SearchFilters = SearchFilters(),
                kind: str | None = None) -> list[tuple[Chunk, float]]:
        """Chunks ranked by BM25 alone (score > 0), best first."""
        from llama_index.core.schema import QueryBundle
        from llama_index.retrievers.bm25 import BM25Retriever

        snapshot = self.snapshot()
        base, columns = snapshot.keyword, snapshot.columns
        if base is None:
            return []
        k = min(k, len(columns.kind))
        retriever = base
        if filters or kind or k != base.similarity_top_k:
            mask = columns.mask(filters, kind)
            if not mask.any():
                return []
            retriever = BM25Retriever(
                existing_bm25=base.bm25, similarity_top_k=k,
                corpus_weight_mask=mask.astype(int).tolist() if (filters or kind) else None, stemmer=base.stemmer,
            )
        results = retriever.retrieve(QueryBundle(query))
        return [
            (chunk_from_store(r.node.node_id, _strip_context(r.node.get_content()), r.node.metadata), r.score)
            for r in results if r.score is not None and r.score > 0
        ]


def index_glossary(records: list[MeetingRecord], path: Path | None = None) -> Glossary:
    """The abbreviations the indexed minutes define (kept in their meeting records), plus the file at `path`."""
    pairs = [pair for record in records for pair in record.abbreviations]
    return Glossary([*pairs, *(load_glossary_file(path) if path else ())])


@dataclass(frozen=True)
class _Columns:
    """Per-chunk filter fields as arrays, in BM25 corpus order, so a filter mask costs one pass in numpy.

    (llama-index's BM25 metadata filters cannot express "dated in range, or undated".)
    """

    date_ord: np.ndarray
    meeting_id: np.ndarray
    kind: np.ndarray

    @classmethod
    def of(cls, chunks: list[Chunk]) -> _Columns:
        import numpy as np

        return cls(
            date_ord=np.array([c.date.toordinal() if c.date else 0 for c in chunks]),
            meeting_id=np.array([c.meeting_id for c in chunks]),
            kind=np.array([c.kind for c in chunks]),
        )

    def mask(self, filters: SearchFilters, kind: str | None) -> np.ndarray:
        import numpy as np

        keep = np.ones(len(self.kind), dtype=bool)
        if filters.meeting:
            keep &= self.meeting_id == filters.meeting
        if kind:
            keep &= self.kind == kind
        if filters.since or filters.until:
            dated = self.date_ord > 0
            if filters.since:
                dated &= self.date_ord >= filters.since.toordinal()
            if filters.until:
                dated &= self.date_ord <= filters.until.toordinal()
            keep &= dated | ((self.date_ord == 0) if filters.include_undated else False)
        return keep


def _strip_context(embed_text: str) -> str:
    """The BM25 node holds context line + passage; hits quote the passage alone."""
    return embed_text.split("\n", 1)[1] if "\n" in embed_text else embed_text


def _item_key(chunk: Chunk) -> tuple[str, int]:
    return chunk.meeting_id, chunk.item_position


def _metadata_filters(filters: SearchFilters, kind: str | None):
    from llama_index.core.vector_stores.types import (
        FilterCondition,
        FilterOperator,
        MetadataFilter,
        MetadataFilters,
    )

    conditions: list[MetadataFilter | MetadataFilters] = []
    if filters.meeting:
        conditions.append(MetadataFilter(key="meeting_id", value=filters.meeting))
    dated: list[MetadataFilter | MetadataFilters] = []
    if filters.since:
        dated.append(MetadataFilter(key="date_ord", value=filters.since.toordinal(), operator=FilterOperator.GTE))
    if filters.until:
        dated.append(MetadataFilter(key="date_ord", value=filters.until.toordinal(), operator=FilterOperator.LTE))
        dated.append(MetadataFilter(key="date_ord", value=1, operator=FilterOperator.GTE))
    if dated and filters.include_undated:
        undated = MetadataFilter(key="date_ord", value=0)
        conditions.append(MetadataFilters(filters=[MetadataFilters(filters=dated), undated], condition=FilterCondition.OR))
    else:
        conditions += dated
    if kind:
        conditions.append(MetadataFilter(key="kind", value=kind))
    return MetadataFilters(filters=conditions) if conditions else None
