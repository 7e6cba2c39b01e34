"""Chroma as the vector engine: embedded (a folder) or a server (`chroma run`), chosen by `Settings.chroma_host`.

Only vectors and the fields filters need live here (no texts: the catalog
has them). Embeddings are always passed in: Chroma never loads a model of
its own. Chroma speaks in cosine distances; callers get cosine similarity.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any, TypeVar

from assistant.errors import StoreError
from assistant.models import Chunk
from assistant.query import SearchFilters
from assistant.settings import Settings, quiet_telemetry
from assistant.stores import cosine_top

_T = TypeVar("_T")
_FETCHED_AT_MOST = 500  # ids whose vectors `nearest_among` fetches and compares itself


class ChromaVectors:
    """A `VectorIndex` over one Chroma collection."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def client(self):
        quiet_telemetry()
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        try:
            if self.settings.uses_server:
                client = chromadb.HttpClient(
                    host=self.settings.chroma_host, port=self.settings.chroma_port, settings=chroma_settings
                )
                client.heartbeat()
                return client
            self.settings.index_dir.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(self.settings.index_dir), settings=chroma_settings)
        except Exception as error:  # chromadb raises many types for one cause: unreachable or unusable
            raise StoreError(f"cannot open the index at {self.settings.location}: {error}") from error

    @cached_property
    def collection(self):
        return self.client.get_or_create_collection(
            name=f"{self.settings.collection}_chunks",
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
        )

    def refresh(self) -> None:
        """Drop this process's view of an embedded index so the next call reads what others wrote.

        Chroma's embedded store keeps its vector index in memory per process;
        after another process (an ingest) writes, a long-lived reader must
        reopen it. A server needs no such care.
        """
        if self.settings.uses_server or "client" not in self.__dict__:
            return
        client = self.__dict__.pop("client")
        self.__dict__.pop("collection", None)
        client.close()

    def _call(self, call: Callable[[], _T]) -> _T:
        """Run `call`; if the embedded store's in-memory view went stale mid-write elsewhere, reopen and retry once."""
        try:
            return call()
        except StoreError:
            raise
        except Exception as error:  # chromadb's InternalError and kin: which one depends on the race
            if self.settings.uses_server:
                raise StoreError(f"the index at {self.settings.location} failed: {error}") from error
            self.refresh()
            return call()

    def add(self, ids: Sequence[str], chunks: Sequence[Chunk], vectors: Any) -> None:
        """Upsert in the largest batches the client takes: a call per batch, not per meeting."""
        size = self.client.get_max_batch_size()
        for start in range(0, len(ids), size):
            end = start + size
            self.collection.upsert(ids=list(ids[start:end]), embeddings=_rows(vectors[start:end]),
                                   metadatas=[_metadata(chunk) for chunk in chunks[start:end]])

    def delete(self, ids: Sequence[str]) -> None:
        size = self.client.get_max_batch_size()
        for start in range(0, len(ids), size):
            self.collection.delete(ids=list(ids[start : start + size]))

    def nearest(self, vector: Sequence[float], k: int, filters: SearchFilters,
                kind: str | None = None) -> list[tuple[str, float]]:
        where = chroma_where(filters, kind)
        found = self._call(lambda: self.collection.query(
            query_embeddings=[list(vector)], n_results=k, where=where, include=["distances"]))
        return [(vector_id, 1.0 - distance) for vector_id, distance in zip(found["ids"][0], found["distances"][0])]

    def held(self, ids: Sequence[str]) -> set[str]:
        size = self.client.get_max_batch_size()
        return {held for start in range(0, len(ids), size)
                for held in self.collection.get(ids=list(ids[start : start + size]), include=[])["ids"]}

    def nearest_among(self, vector: Sequence[float], k: int, ids: Sequence[str]) -> list[tuple[str, float]]:
        """A few ids (a meeting's, a day's) are compared exactly, their vectors fetched: Chroma's search among ids
        takes 90 ms for ten ids at 140,000 vectors, and 20 to 40 ms for thousands."""
        if len(ids) <= _FETCHED_AT_MOST:
            return self._exactly(vector, k, ids)
        found = self._call(lambda: self.collection.query(
            query_embeddings=[list(vector)], ids=list(ids), n_results=min(k, len(ids)), include=["distances"]))
        return [(vector_id, 1.0 - distance) for vector_id, distance in zip(found["ids"][0], found["distances"][0])]

    def _exactly(self, vector: Sequence[float], k: int, ids: Sequence[str]) -> list[tuple[str, float]]:
        import numpy as np

        held = self._call(lambda: self.collection.get(ids=list(ids), include=["embeddings"]))
        if not len(held["ids"]):
            return []
        return cosine_top(vector, k, held["ids"], np.asarray(held["embeddings"], np.float32))

    def count(self) -> int:
        return self._call(lambda: self.collection.count())


def chroma_where(filters: SearchFilters, kind: str | None) -> dict | None:
    """`filters` in Chroma's `where` syntax (None for no condition); undated meetings have ``date_ord`` 0."""
    conditions: list[dict] = [
        {field: value} for field, value in
        (("meeting_id", filters.meeting), ("committee", filters.committee), ("kind", kind)) if value
    ]
    if filters.since or filters.until:
        dated = _all([{"date_ord": {"$gte": filters.since.toordinal() if filters.since else 1}}]
                     + ([{"date_ord": {"$lte": filters.until.toordinal()}}] if filters.until else []))
        conditions.append({"$or": [dated, {"date_ord": 0}]} if filters.include_undated else dated)
    return _all(conditions) if conditions else None


def _all(conditions: list[dict]) -> dict:
    return conditions[0] if len(conditions) == 1 else {"$and": conditions}


def _metadata(chunk: Chunk) -> dict:
    return {"meeting_id": chunk.meeting_id, "committee": chunk.committee, "kind": chunk.kind,
            "date_ord": chunk.date.toordinal() if chunk.date else 0}


def _rows(vectors: Any) -> Any:
    """Chroma takes a 2-D NumPy array or a list of lists."""
    import numpy as np

    return np.asarray(vectors, dtype=np.float32)
