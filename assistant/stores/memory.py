"""An index held in memory: vectors in NumPy, the catalog in a private in-memory SQLite.

For unit tests that need no Chroma and no model, and as the smallest example
of a vector engine. Search is exact (every vector is compared).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np

from assistant.models import Chunk
from assistant.query import SearchFilters
from assistant.stores import cosine_top
from assistant.stores.index import CatalogIndex


class MemoryVectors:
    """A `VectorIndex` in a dict; `count`, `refresh` and deletes of unknown ids behave as Chroma's do."""

    def __init__(self) -> None:
        self._rows: dict[str, tuple[np.ndarray, str, str | None, dt.date | None, str]] = {}

    def add(self, ids: Sequence[str], chunks: Sequence[Chunk], vectors: Any) -> None:
        for vector_id, chunk, vector in zip(ids, chunks, vectors):
            self._rows[vector_id] = (np.asarray(vector, dtype=np.float32), chunk.meeting_id, chunk.committee,
                                     chunk.date, chunk.kind)

    def delete(self, ids: Sequence[str]) -> None:
        for vector_id in ids:
            self._rows.pop(vector_id, None)

    def nearest(self, vector: Sequence[float], k: int, filters: SearchFilters,
                kind: str | None = None) -> list[tuple[str, float]]:
        return self._nearest(vector, k, [(vector_id, row[0]) for vector_id, row in self._rows.items()
                                         if filters.admits(row[3], row[1], row[2]) and (kind is None or row[4] == kind)])

    @staticmethod
    def _nearest(vector: Sequence[float], k: int, kept: list[tuple[str, np.ndarray]]) -> list[tuple[str, float]]:
        if not kept:
            return []
        return cosine_top(vector, k, [vector_id for vector_id, _ in kept], np.stack([row for _, row in kept]))

    def held(self, ids: Sequence[str]) -> set[str]:
        return {vector_id for vector_id in ids if vector_id in self._rows}

    def nearest_among(self, vector: Sequence[float], k: int, ids: Sequence[str]) -> list[tuple[str, float]]:
        return self._nearest(vector, k, [(vector_id, self._rows[vector_id][0]) for vector_id in ids
                                         if vector_id in self._rows])

    def count(self) -> int:
        return len(self._rows)

    def refresh(self) -> None:
        """Nothing to re-read: no other process can write here."""


def memory_store() -> CatalogIndex:
    """A fresh, empty `IndexStore` that lives as long as the object."""
    return CatalogIndex(None, MemoryVectors())
