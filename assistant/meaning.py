"""Closeness in meaning between a question and the sentences that might answer it.

Word overlap misses paraphrase ("how much money did they get" against
"1 million in funding being allocated"); the embedding model does not. The
candidate sentences of the best items are embedded when first needed and
remembered, so a long-running assistant (the UI, an eval run) pays for each
sentence once; a question costs one query vector and some dot products.
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


class Meaning:
    """Cosine similarity of sentences to a question, with the sentence vectors remembered. Thread-safe."""

    def __init__(self, encoder: SentenceEncoder, remembered: int = _REMEMBERED) -> None:
        self.encoder = encoder
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
        """Unit vectors of `texts`, computing only those not remembered."""
        import numpy as np

        with self._lock:
            missing = list(dict.fromkeys(text for text in texts if text not in self._vectors))
        if missing:
            computed = self.encoder.embed_sentences(missing)
            with self._lock:
                for text, vector in zip(missing, computed):
                    self._vectors[text] = vector
                while len(self._vectors) > self.remembered:
                    self._vectors.popitem(last=False)
        with self._lock:
            found = [self._vectors.get(text) for text in texts]
        if any(vector is None for vector in found):  # pushed out by a thread in between: compute again
            return self.encoder.embed_sentences(texts)
        return np.stack(found)  # type: ignore[arg-type]
