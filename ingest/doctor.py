"""`minutes doctor`: tell whether an index is damaged and, for an embedded one, rebuild it.

Damage seen in practice: Chroma raising on every read ("Failed to apply logs
to the hnsw segment writer"), a database file that is not one any more, a
vector index that lost entries, meetings whose chunks are gone. Re-ingesting
into such an index does not help; rebuilding does. The rebuild reads the
source files again and takes every vector from the embedding cache
(`assistant.cache`), so nothing already embedded is embedded again. The damaged
folder is kept beside the new one, renamed, until someone deletes it.

Processes that have the index open (a running UI) keep reading the damaged
copy until they are restarted; so do other `Assistant`s over it in the
process that ran the rebuild (Chroma keeps one database handle per folder).
"""
from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.cache import CACHE_FILE, EmbeddingCache
from assistant.embed import Embedder
from assistant.errors import StoreError
from assistant.models import Chunk, IngestSummary
from assistant.query import SearchFilters
from assistant.settings import Settings
from assistant.store import IndexStore, MeetingRecord, open_store
from ingest.discover import Found, discover
from ingest.lock import writer_lock
from ingest.pipeline import update_index

_PROBES = 200  # passages looked up in the vector index by their own vector


class DoctorError(StoreError):
    """The index is damaged and cannot be rebuilt as asked; the message says what to do."""


@dataclass(frozen=True)
class Checkup:
    """What `doctor` found, and what it did about it."""

    location: str
    problem: str | None  # None: the index is sound
    meetings: int = 0
    chunks: int = 0
    rebuilt: IngestSummary | None = None
    damaged_copy: Path | None = None

    def line(self) -> str:
        if self.problem is None:
            return f"The index at {self.location} is sound: {self.meetings} meetings, {self.chunks} chunks."
        if self.rebuilt is None:
            return f"The index at {self.location} is damaged: {self.problem}."
        done = self.rebuilt
        return (f"The index at {self.location} was damaged ({self.problem}); rebuilt from {done.files} files: "
                f"{done.meetings} meetings, {done.chunks} chunks, {done.embedded} passages embedded again; "
                f"the damaged copy is {self.damaged_copy}.")


def doctor(settings: Settings, paths: list[Path], *, store: IndexStore | None = None,
           embedder: Embedder | None = None, progress: bool | None = None) -> Checkup:
    """Check the index; if it is embedded and damaged, rebuild it from its meetings' files and `paths`.

    Holds the writer lock throughout, so no ingest writes meanwhile.
    """
    store = store or open_store(settings)
    embedder = embedder or Embedder(settings.embed_model, settings.embed_batch_size)
    with writer_lock(settings):
        problem, records = diagnose(store, settings, str(embedder.model_path))
        if problem is None:
            return Checkup(settings.location, None, len(records or ()), sum(r.chunks for r in records or ()))
        if settings.uses_server:
            return Checkup(settings.location, problem + "; rebuild it by ingesting into a new collection or server")
        sources = [Path(record.source) for record in records or () if Path(record.source).exists()]
        if not sources and not paths:
            raise DoctorError(f"the index at {settings.location} is damaged ({problem}) and which files it held "
                              "cannot be read: run 'minutes doctor PATH...' with the minutes folders to rebuild it")
        store.refresh()
        found = discover(sources + list(paths))
        summary, damaged = _rebuild(settings, found, embedder, progress)
        store.refresh()
        return Checkup(settings.location, problem, rebuilt=summary, damaged_copy=damaged)


def diagnose(store: IndexStore, settings: Settings, model: str) -> tuple[str | None, list[MeetingRecord] | None]:
    """(what is wrong or None, the meeting records if they could be read)."""
    if not settings.uses_server and not settings.index_dir.exists():
        return None, []
    try:
        records = store.meetings()
    except Exception as error:  # noqa: BLE001 - whatever a damaged index raises is the finding
        return f"its meetings cannot be read ({_first_line(error)})", None
    try:
        problem = _missing_chunks(store) or _lost_vectors(store, _sample(store, records), settings, model)
    except Exception as error:  # noqa: BLE001
        return f"its passages cannot be read ({_first_line(error)})", records
    return problem, records


def _missing_chunks(store: IndexStore) -> str | None:
    short = sorted(store.lost_vectors())
    if not short:
        return None
    return f"{len(short)} meetings have lost passages (e.g. {short[0]})"


def _sample(store: IndexStore, records: list[MeetingRecord]) -> list[Chunk]:
    """About `_PROBES` passages spread over the index."""
    chunks = [chunk for record in records[:: max(1, len(records) // _PROBES)] for chunk in store.chunks(record.id)]
    return chunks[:: max(1, len(chunks) // _PROBES)][:_PROBES]


def _lost_vectors(store: IndexStore, sample: list[Chunk], settings: Settings, model: str) -> str | None:
    """Look up a sample of passages by their own cached vectors: each must find itself (or a same-text twin)."""
    cache = EmbeddingCache(settings.cache_folder / CACHE_FILE, model)
    try:
        vectors = cache.get_many([chunk.embed_text for chunk in sample])
    finally:
        cache.close()
    probed = [(chunk, vectors[chunk.embed_text]) for chunk in sample if chunk.embed_text in vectors]
    lost = sum(_nearest_text(store, vector) != chunk.text for chunk, vector in probed)
    return f"the vector index lost {lost} of {len(probed)} passages looked up" if lost else None


def _nearest_text(store: IndexStore, vector: list[float]) -> str | None:
    found = store.dense_search(vector, 1, SearchFilters())
    return found[0][0].text if found else None


def _rebuild(settings: Settings, found: Found, embedder: Embedder,
             progress: bool | None) -> tuple[IngestSummary, Path]:
    """Build a fresh index beside the damaged one, then swap them; the cache comes along."""
    index = settings.index_dir.absolute()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    fresh, damaged = index.with_name(f"{index.name}.rebuilding-{stamp}"), index.with_name(f"{index.name}.damaged-{stamp}")
    fresh.mkdir()
    rebuild_settings = replace(settings, index_dir=fresh)
    if settings.cache_folder == settings.index_dir and (index / CACHE_FILE).is_file():
        shutil.copy2(index / CACHE_FILE, fresh / CACHE_FILE)
    summary = update_index(found, rebuild_settings, progress=progress, embedder=embedder)
    index.rename(damaged)
    fresh.rename(index)
    return summary, damaged


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
