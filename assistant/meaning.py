"""Closeness in meaning between a question and the sentences that might answer it.

Word overlap misses paraphrase ("how much money did they get" against
"1 million in funding being allocated"); the embedding model does not.
Embedding a dozen sentences costs more than the rest of an answer, so their
vectors are computed at ingest (`Assistant.ingest` fills the index's
embedding cache with every quotable unit) and, for anything missed, when
first needed; either way they are remembered, on disk and in memory. A
question then costs one query vector and some dot products.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np

_REMEMBERED = 50_000  # sentence vectors kept (384 floats each: about 75 MB at most)


class SentenceEncoder(Protocol):
    """What `Meaning` needs from the embedding model (`assistant.embed.Embedder`)."""

    def embed_query(self, text: str) -> list[float]: ...

    def embed_sentences(self, texts: list[str]) -> np.ndarray: ...


class VectorCache(Protocol):
    """Vectors kept on disk by text (`assistant.cache.EmbeddingCache`)."""

    def get_many(self, texts: list[str]) -> dict[str, list[float]]: ...

    def put_many(self, items: dict[str, list[float]]) -> None: ...


class Meaning:
    """Cosine similarity of sentences to a question, with the sentence vectors remembered. Thread-safe."""

    def __init__(self, encoder: SentenceEncoder, disk: VectorCache | None = None, remembered: int = _REMEMBERED) -> None:
        self.encoder = encoder
        self.disk = disk
        self.remembered = remembered
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def scores(self, question: str, texts: Sequence[str]) -> list[float]:
        """For each text, its cosine with `question` (-1..1)."""
        import numpy as np

        if not texts:
            return []
        query = np.asarray(self.encoder.embed_query(question))
        vectors = self.vectors(list(texts))
        return [float(score) for score in vectors @ query]

    def vectors(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of `texts`: remembered, else from disk, else computed (and kept on disk)."""
        import numpy as np

        with self._lock:
            missing = list(dict.fromkeys(text for text in texts if text not in self._vectors))
            stored = self.disk.get_many(missing) if self.disk is not None and missing else {}
            computed = [text for text in missing if text not in stored]
        fresh = dict(zip(computed, self.encoder.embed_sentences(computed))) if computed else {}
        with self._lock:
            if self.disk is not None and fresh:
                self.disk.put_many({text: vector.tolist() for text, vector in fresh.items()})
            for text, vector in [*stored.items(), *fresh.items()]:
                self._vectors[text] = np.asarray(vector, dtype=np.float32)
            while len(self._vectors) > self.remembered:
                self._vectors.popitem(last=False)
            found = [self._vectors.get(text) for text in texts]
        if any(vector is None for vector in found):  # pushed out by a thread in between: compute again
            return self.encoder.embed_sentences(texts)
        return np.stack(found)  # type: ignore[arg-type]
