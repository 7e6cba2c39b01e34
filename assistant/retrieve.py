"""Hybrid retrieval: dense and keyword (BM25) rankings fused by their scores.

Both rankings run inside the store, over the same chunks with the same
filters. The keyword ranking counts the question's words in the question's
order (`in_question_order`); the two are fused by score (`fused`). Sub-chunks
of one agenda item collapse to the item, keeping its best passage, so a long
item does not crowd out the others.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.answer import Hit
from assistant.embed import Embedder
from assistant.glossary import Glossary, load_glossary_file, title_initials
from assistant.models import Chunk
from assistant.plan import MeetingInfo
from assistant.query import SearchFilters
from assistant.store import IndexStore, MeetingRecord
from assistant.terms import TermStats, keyword_terms
from assistant.vocabulary import NATIONAL_ABBREVIATIONS

_POOL = 30
DENSE_WEIGHT = 0.5  # the share of the fused score that is meaning; the rest is words


@dataclass
class _Scored:
    chunk: Chunk
    fused: float = 0.0
    dense: float | None = None  # None: not in that ranking
    keyword: float | None = None


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
                stats = self.store.term_stats(glossary)
                self._snapshot = Snapshot(generation, stats, glossary,
                                          tuple(MeetingInfo(r.id, r.date, r.titles, r.committee, r.council or "") for r in records))
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
        keyword = in_question_order(self.keyword(query, _POOL, filters, kind), keyword_terms(query), self.stats.idf)
        return fused(self.dense(query, _POOL, filters, kind), keyword, k)

    def dense(self, query: str, k: int = _POOL, filters: SearchFilters = SearchFilters(),
              kind: str | None = None) -> list[tuple[Chunk, float]]:
        """Chunks nearest to `query` in meaning, with their cosine similarity, best first."""
        return self.store.dense_search(self.embedder.embed_query(query), k, filters, kind)

    def keyword(self, query: str, k: int = _POOL, filters: SearchFilters = SearchFilters(),
                kind: str | None = None) -> list[tuple[Chunk, float]]:
        """Chunks ranked by BM25 alone (score > 0), best first."""
        return self.store.keyword_search(query, k, filters, kind)


def index_glossary(records: list[MeetingRecord], path: Path | None = None,
                   national: Sequence[tuple[str, str]] = NATIONAL_ABBREVIATIONS) -> Glossary:
    """The abbreviations the indexed minutes define (kept in their meeting records), plus the file at `path`; then
    the initials of agenda titles ("AOB") that neither defines otherwise; last, the national abbreviations none of
    those defines ("PCC" is the Police and Crime Commissioner unless these minutes say it is something else)."""
    pairs = [pair for record in records for pair in record.abbreviations]
    pairs += load_glossary_file(path) if path else []
    known = {short.upper() for short, _ in pairs}
    pairs += [(short, long) for record in records for short, long in title_initials(record.titles) if short not in known]
    known = {short.upper() for short, _ in pairs}
    return Glossary([*pairs, *((short, long) for short, long in national if short not in known)])


def in_question_order(ranking: list[tuple[Chunk, float]], question: list[str],
                      idf: Callable[[str], float]) -> list[tuple[Chunk, float]]:
    """`ranking` (BM25, best first) re-scored: each chunk gains the weight (summed `idf`) of the longest run of
    the `question`'s terms, at least two, that it holds in the question's order; best first again.

    BM25 sees words, not phrases: when a standing item repeats one sentence
    with other figures ("It was highlighted that 588 referrals had been made
    since July"), every repeat holds nearly all the question's words, and a
    chunk that repeats them more often or is shorter outscores the one that
    holds the sentence asked about. Only that one holds the figure in its
    place among the others, so the run through it is the longest. A run
    adds its words' weights once more: a chunk quoting the question's words
    in order counts them about twice.
    """
    def run_weight(chunk: Chunk) -> float:
        run = _longest_run(keyword_terms(chunk.embed_text), question)
        return sum(idf(term) for term in run) if len(run) >= 2 else 0.0
    return sorted(((chunk, score + run_weight(chunk)) for chunk, score in ranking), key=lambda pair: -pair[1])


def _longest_run(text: list[str], question: list[str]) -> list[str]:
    """The longest sequence of consecutive `question` terms that occurs, consecutive, in `text`."""
    where: dict[str, list[int]] = {}
    for position, term in enumerate(text):
        where.setdefault(term, []).append(position)
    best: list[str] = []
    for start, term in enumerate(question):
        for position in where.get(term, ()):
            length = 1
            while (start + length < len(question) and position + length < len(text)
                   and text[position + length] == question[start + length]):
                length += 1
            if length > len(best):
                best = question[start : start + length]
    return best


def fused(dense: list[tuple[Chunk, float]], keyword: list[tuple[Chunk, float]], k: int) -> list[Hit]:
    """The `k` best items of two rankings (best first, at most `_POOL` long), by their scores.

    Each ranking's scores are divided by its best, so each ranking's best
    counts 1, and an item's fused score is `DENSE_WEIGHT` of its share of the
    best cosine plus the rest of its share of the best keyword score. An item
    absent from a full ranking gets the lowest score in it (at most what it
    had), from a shorter one nothing (the ranking holds every chunk that
    scored).

    Why scores and not ranks (reciprocal-rank fusion, used before): ranks
    drop how far apart the scores are. Passages that differ in their figures
    alone (a standing item, meeting after meeting) are nearly one point in
    meaning: their cosines tie and their dense ranks say nothing, yet rank
    fusion counted dense rank 3 against rank 25 as a real difference, and an
    item first by keywords but absent from the dense list lost to items
    ranked moderately in both.
    """
    scored: dict[tuple[str, int], _Scored] = {}
    scale: dict[str, tuple[float, float]] = {}  # per ranking: (score of an absent item, best score)
    for name, ranking in (("dense", dense), ("keyword", keyword)):
        best = ranking[0][1] if ranking and ranking[0][1] > 0 else 1.0
        scale[name] = (ranking[-1][1] if len(ranking) >= _POOL else 0.0, best)
        for chunk, score in ranking:
            entry = scored.setdefault(_item_key(chunk), _Scored(chunk))
            if getattr(entry, name) is None:  # else a later sub-chunk of an item already in this ranking
                setattr(entry, name, score)

    def share(entry: _Scored, name: str) -> float:
        score, (absent, best) = getattr(entry, name), scale[name]
        return (absent if score is None else score) / best
    for entry in scored.values():
        entry.fused = DENSE_WEIGHT * share(entry, "dense") + (1 - DENSE_WEIGHT) * share(entry, "keyword")
    ranked = sorted(scored.values(), key=lambda e: e.fused, reverse=True)[:k]
    return [Hit.from_chunk(e.chunk, score=e.fused, dense=e.dense or 0.0, keyword=e.keyword or 0.0) for e in ranked]


def _item_key(chunk: Chunk) -> tuple[str, int]:
    return chunk.meeting_id, chunk.item_position
