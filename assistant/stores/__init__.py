"""Implementations of `assistant.store.IndexStore`: the SQLite catalog, and one file per vector engine."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def cosine_top(vector: Sequence[float], k: int, ids: Sequence[str], rows: np.ndarray) -> list[tuple[str, float]]:
    """The `k` of `ids` (with their vectors as `rows`) nearest to `vector` by cosine, best first, ties in order:
    the exact comparison an engine makes itself when it holds or fetches only a few vectors."""
    if not len(ids):
        return []
    query = np.asarray(vector, dtype=np.float32)
    scores = rows @ query / np.maximum(np.linalg.norm(rows, axis=1) * np.linalg.norm(query), 1e-12)
    best = np.argsort(-scores, kind="stable")[:k]
    return [(ids[i], float(scores[i])) for i in best]
