"""The Chroma index: chunk vectors (through llama-index's Chroma vector store)
and one record per meeting.

Embedded (PersistentClient in `index_dir`) or a Chroma server (`chroma run`),
chosen by `Settings.chroma_host`; nothing else in the code branches on it.
Embeddings are always passed in: Chroma is never allowed to load its own
default model.

A meeting's chunks are written first and its meeting record last, so the
record marks a complete write. Chunks without a record are leftovers of an
interrupted ingest and are removed by `repair`.
"""
from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass
from functools import cached_property

from assistant.errors import StoreError
from assistant.models import Chunk, Meeting, committee_label
from assistant.settings import Settings, quiet_telemetry

_PAGE = 5000



@dataclass(frozen=True)
class MeetingRecord:
    """What the index knows about one ingested file, without its full text."""

    id: str
    committee: str
    date: dt.date | None
    items: int
    chunks: int
    source: str
    file_hash: str
    council: str | None = None
    date_source: str | None = None
    url: str | None = None
    abbreviations: tuple[tuple[str, str], ...] = ()  # (term, long form) the minutes define, for the glossary

    @property
    def body(self) -> str:
        """The committee, with its council when known (see `committee_label`)."""
        return committee_label(self.committee, self.council)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "committee": self.committee,
            "council": self.council,
            "date": self.date.isoformat() if self.date else None,
            "date_source": self.date_source,
            "items": self.items,
            "chunks": self.chunks,
            "source": self.source,
            "url": self.url,
        }


class Store:
    """Read and write access to one index, embedded or on a server."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def _client(self):
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

    def refresh(self) -> None:
        """Drop this process's view of an embedded index so the next call reads what others wrote.

        Chroma's embedded store keeps its vector index in memory per process;
        after another process (an ingest) writes, a long-lived reader must
        reopen it. A server needs no such care.
        """
        if self.settings.uses_server or "_client" not in self.__dict__:
            return
        client = self.__dict__.pop("_client")
        for name in ("chunks", "meetings_collection", "vector_store"):
            self.__dict__.pop(name, None)
        client.close()

    def query(self, query):
        """A llama-index `VectorStoreQuery` against the chunks, reopening once if another process changed them."""
        return self._read(lambda: self.vector_store.query(query))

    def _read(self, read):
        """Run `read`; if the embedded store's in-memory view went stale mid-write elsewhere, reopen and retry."""
        try:
            return read()
        except Exception as error:  # chromadb's InternalError and kin: which one depends on the race
            if self.settings.uses_server:
                raise StoreError(f"the index at {self.settings.location} failed: {error}") from error
            self.refresh()
            return read()

    def _collection(self, suffix: str):
        return self._client.get_or_create_collection(
            name=f"{self.settings.collection}_{suffix}",
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
        )

    @cached_property
    def chunks(self):
        """The raw Chroma collection of chunks (for listing and deleting by metadata)."""
        return self._collection("chunks")

    @cached_property
    def meetings_collection(self):
        return self._collection("meetings")

    @cached_property
    def vector_store(self):
        """llama-index's view of the chunk collection, used to add and query nodes."""
        from llama_index.vector_stores.chroma import ChromaVectorStore

        return ChromaVectorStore(chroma_collection=self.chunks)

    def write_meeting(self, meeting: Meeting, file_hash: str, chunks: list[Chunk], embeddings: list[list[float]],
                      replacing: bool = True) -> int:
        """Replace whatever the index holds for `meeting.id` with these chunks; returns chunks removed.

        `replacing=False` says the index holds no earlier version (a new file), which saves a
        metadata search whose cost grows with the index.

        The new version's chunks are added under new ids, then the meeting
        record switches to them, then the old version's chunks go: a reader
        (or a crash) at any point still finds a complete meeting.
        """
        from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

        version = _version(file_hash)
        nodes = [
            TextNode(
                id_=f"{chunk.id}@{version}",
                text=chunk.text,
                embedding=vector,
                metadata=chunk.metadata() | {"file_hash": file_hash},
                relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=meeting.id)},
            )
            for chunk, vector in zip(chunks, embeddings)
        ]
        if nodes:
            self.vector_store.add(nodes)
        self.meetings_collection.upsert(
            ids=[meeting.id],
            embeddings=[embeddings[0] if embeddings else [0.0] * 384],
            documents=[json.dumps(meeting.to_dict())],
            metadatas=[_meeting_metadata(meeting, file_hash, len(chunks))],
        )
        removed = 0
        if replacing:
            removed = self._delete_chunks({"$and": [{"meeting_id": meeting.id}, {"file_hash": {"$ne": file_hash}}]})
        self._bump()
        return removed

    def remove_meeting(self, meeting_id: str) -> int:
        """Delete a meeting and its chunks; returns how many chunks went."""
        self.meetings_collection.delete(ids=[meeting_id])
        removed = self._delete_chunks({"meeting_id": meeting_id})
        self._bump()
        return removed

    def generation(self) -> int:
        """A number that changes whenever a meeting is written or removed (by any process)."""
        fresh = self._client.get_collection(self.meetings_collection.name)
        return int((fresh.metadata or {}).get("generation", 0))

    def _bump(self) -> None:
        self.meetings_collection.modify(metadata={"generation": time.time_ns()})

    def repair(self) -> int:
        """Remove chunks that no complete meeting record points to (an interrupted write); returns how many."""
        current = {(r.id, r.file_hash) for r in self.meeting_records()}
        stale = {(m["meeting_id"], m.get("file_hash", "")) for m in self._all_metadata(self.chunks)} - current
        removed = sum(
            self._delete_chunks({"$and": [{"meeting_id": meeting_id}, {"file_hash": file_hash}]})
            for meeting_id, file_hash in stale
        )
        if removed:
            self._bump()
        return removed

    def _delete_chunks(self, where: dict) -> int:
        ids = self.chunks.get(where=where, include=[])["ids"]
        if ids:
            self.chunks.delete(ids=ids)
        return len(ids)

    def meeting_records(self) -> list[MeetingRecord]:
        """Every complete meeting in the index, oldest first, undated last."""
        records = [_record(meta) for meta in self._all_metadata(self.meetings_collection)]
        return sorted(records, key=lambda r: (r.date is None, r.date or dt.date.min, r.id))

    def meeting(self, meeting_id: str) -> Meeting | None:
        """The full parsed meeting, as it was ingested."""
        found = self.meetings_collection.get(ids=[meeting_id], include=["documents"])
        if not found["ids"]:
            return None
        return meeting_from_dict(json.loads(found["documents"][0]))

    def item_chunks(self, meeting_id: str, position: int) -> list[Chunk]:
        """Every indexed passage of one agenda item, in order."""
        found = self._read(lambda: self.chunks.get(
            where={"$and": [{"meeting_id": meeting_id}, {"item_position": position}]},
            include=["documents", "metadatas"],
        ))
        chunks = [chunk_from_store(i, d, m) for i, d, m in zip(found["ids"], found["documents"], found["metadatas"])]
        return sorted(chunks, key=lambda chunk: chunk.part)

    def chunk_count(self) -> int:
        return self.chunks.count()

    def all_chunks(self) -> list[Chunk]:
        """Every chunk with its text, for building the keyword (BM25) index."""
        chunks = []
        offset = 0
        while True:
            page = self.chunks.get(include=["documents", "metadatas"], limit=_PAGE, offset=offset)
            chunks += [chunk_from_store(i, d, m) for i, d, m in zip(page["ids"], page["documents"], page["metadatas"])]
            if len(page["ids"]) < _PAGE:
                return chunks
            offset += _PAGE

    def _all_metadata(self, collection) -> list[dict]:
        metadata, offset = [], 0
        while True:
            page = collection.get(include=["metadatas"], limit=_PAGE, offset=offset)
            metadata += page["metadatas"]
            if len(page["ids"]) < _PAGE:
                return metadata
            offset += _PAGE


def _version(file_hash: str) -> str:
    return file_hash.replace(":", "")[:12]


def _meeting_metadata(meeting: Meeting, file_hash: str, chunks: int) -> dict:
    return {
        "meeting_id": meeting.id,
        "committee": meeting.committee,
        "date": meeting.date.isoformat() if meeting.date else "",
        "date_ord": meeting.date.toordinal() if meeting.date else 0,
        "items": len(meeting.items),
        "chunks": chunks,
        "source": meeting.source,
        "file_hash": file_hash,
        "council": meeting.council or "",
        "date_source": meeting.date_source or "",
        "url": meeting.url or "",
        "abbreviations": json.dumps([[d.term, d.expansion] for d in meeting.facts.definitions]),
    }


def _record(meta: dict) -> MeetingRecord:
    return MeetingRecord(
        id=meta["meeting_id"],
        committee=meta["committee"],
        date=_date(meta["date"]),
        items=int(meta["items"]),
        chunks=int(meta["chunks"]),
        source=meta["source"],
        file_hash=meta["file_hash"],
        council=meta.get("council") or None,
        date_source=meta.get("date_source") or None,
        url=meta.get("url") or None,
        abbreviations=tuple((term, long) for term, long in json.loads(meta.get("abbreviations") or "[]")),
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def chunk_from_store(chunk_id: str, text: str, meta: dict) -> Chunk:
    """Rebuild a `Chunk` from what Chroma returns."""
    return Chunk(
        id=chunk_id,
        kind=meta["kind"],
        meeting_id=meta["meeting_id"],
        committee=meta["committee"],
        date=_date(meta["date"]),
        item_position=int(meta["item_position"]),
        item_number=meta["item_number"] or None,
        item_title=meta["item_title"],
        part=int(meta["part"]),
        parts=int(meta["parts"]),
        text=text or "",
        source=meta["source"],
        restricted=bool(meta.get("restricted", False)),
        council=meta.get("council") or None,
        pages=tuple(int(page) for page in str(meta.get("pages") or "").split(",") if page),
        url=meta.get("url") or None,
        source_hash=meta.get("source_hash", ""),
    )


def meeting_from_dict(data: dict) -> Meeting:
    """Inverse of `Meeting.to_dict`."""
    return Meeting.from_dict(data)
