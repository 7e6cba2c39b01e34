"""An on-disk cache of embeddings keyed by model and text, so unchanged text is never embedded twice.

Re-ingesting a changed file re-embeds only its changed items, and rebuilding
an index with the same model costs no embedding at all. Answering keeps its
sentence vectors here too (`assistant.meaning`), filled at ingest. SQLite
(standard library) keeps it one file beside the index, safe against
concurrent readers.
"""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np

CACHE_FILE = "embedding-cache.sqlite3"
"""The cache's file name in the index folder."""


class EmbeddingCache:
    def __init__(self, path: Path, model: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.model = model
        self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model}\0{text}".encode()).hexdigest()

    def get_many(self, texts: list[str]) -> dict[str, list[float]]:
        """The cached vectors among `texts`, by text."""
        keys = {self._key(text): text for text in texts}
        found: dict[str, list[float]] = {}
        key_list = list(keys)
        for start in range(0, len(key_list), 500):
            part = key_list[start : start + 500]
            rows = self._db.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})", part
            ).fetchall()
            found.update({keys[key]: np.frombuffer(blob, dtype=np.float32).tolist() for key, blob in rows})
        return found

    def put_many(self, items: dict[str, list[float]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                [(self._key(text), np.asarray(vector, dtype=np.float32).tobytes()) for text, vector in items.items()],
            )

    def close(self) -> None:
        self._db.close()
