"""Files → index: the one entry point of ingestion.

Unchanged files (same content, same metadata, same parser and model) are
skipped before any parsing or embedding; changed files replace their
meeting; a file that fails is reported and the rest still ingest. Chunks of
several files are embedded together, since the model is fastest in batches,
and written to the store together; a reader thread parses and chunks the next
files while the model embeds the current batch.
"""
from __future__ import annotations

import hashlib
import json
import time
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from assistant.embed import Embedder
from assistant.errors import MinutesError
from assistant.models import Chunk, IngestSummary, Meeting
from assistant.settings import Settings
from assistant.store import IndexStore, MeetingRecord, MeetingWrite, open_store
from ingest.ahead import ahead
from ingest.cache import EmbeddingCache
from ingest.chunk import chunk_meeting
from ingest.parse import find_date, parse_minutes, slug
from ingest.read import SUFFIXES, UnreadableFile, document_text, read_bytes

METADATA_FILE = "meetings.toml"
CACHE_FILE = "embedding-cache.sqlite3"
FORMAT_VERSION = "1"
_BATCH_CHUNKS = 2048  # one model call sorts texts by length: bigger batches pad less


class IngestError(MinutesError):
    """The ingest cannot start (e.g. a path that does not exist); nothing was changed."""


def ingest(
    paths: list[Path],
    settings: Settings,
    *,
    prune: bool = False,
    progress: bool | None = None,
    store: IndexStore | None = None,
    embedder: Embedder | None = None,
) -> IngestSummary:
    """Bring the index up to date with the minutes files under `paths`.

    With `prune`, meetings whose source file under `paths` no longer exists
    are removed. Per-file problems land in the summary's `errors` and
    `warnings`; only a missing path raises, before anything is touched.
    """
    started = time.perf_counter()
    files = discover(paths)
    store = store or open_store(settings)
    summary = IngestSummary(files=len(files))
    summary.removed_chunks += store.repair()
    records = {record.source: record for record in store.meetings()}
    embedder = embedder or Embedder(settings.embed_model, settings.embed_batch_size)
    cache = EmbeddingCache(settings.index_dir / CACHE_FILE, str(embedder.model_path))
    parsed = _parsed(_progress(files, progress), records, settings, embedder, summary)
    for batch in ahead(_batches(parsed)):
        _flush(batch, store, embedder, summary, cache)
    cache.close()
    if prune:
        summary.removed_chunks += _prune(paths, records.values(), store)
    _totals(summary, store)
    summary.seconds = time.perf_counter() - started
    return summary


def _parsed(files: Iterable[Path], records: dict[str, MeetingRecord], settings: Settings, embedder: Embedder,
            summary: IngestSummary) -> Iterator[tuple[Meeting, str, list[Chunk]]]:
    """(meeting, file hash, chunks) of each new or changed file; skips and failures go to `summary`."""
    known_ids = {record.id: record.source for record in records.values()}
    known_content = {record.file_hash.split(":")[0]: record.source for record in records.values()}
    for path in files:
        source = str(path)
        try:
            data = read_bytes(path)
            meta = _file_metadata(path)
            file_hash = _hash(data, meta, settings)
            content = file_hash.split(":")[0]
            if source in records and records[source].file_hash == file_hash:
                summary.unchanged += 1
                continue
            if content in known_content and known_content[content] != source:
                summary.warnings.append(f"{path}: same content as {known_content[content]}; not indexed twice")
                continue
            meeting = _parse(path, data, meta, known_ids)
        except UnreadableFile as error:
            summary.errors.append(str(error))
            continue
        known_ids[meeting.id], known_content[content] = source, source
        summary.warnings += list(meeting.warnings)
        yield meeting, file_hash, chunk_meeting(meeting, embedder.count_tokens, embedder.window)


def _batches(parsed: Iterator[tuple[Meeting, str, list[Chunk]]]) -> Iterator[list[tuple[Meeting, str, list[Chunk]]]]:
    """Consecutive meetings grouped until they hold `_BATCH_CHUNKS` chunks."""
    batch: list[tuple[Meeting, str, list[Chunk]]] = []
    for entry in parsed:
        batch.append(entry)
        if sum(len(chunks) for _, _, chunks in batch) >= _BATCH_CHUNKS:
            yield batch
            batch = []
    if batch:
        yield batch


def discover(paths: list[Path]) -> list[Path]:
    """Minutes files named or found (recursively) under `paths`, sorted; `IngestError` for a missing path."""
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise IngestError(f"no such file or folder: {', '.join(missing)}")
    files: set[Path] = set()
    for path in paths:
        if path.is_dir():
            files.update(
                p.resolve() for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
        else:
            files.add(path.resolve())
    return sorted(files)


def _parse(path: Path, data: bytes, meta: dict, known_ids: dict[str, str]) -> Meeting:
    text = document_text(path, data)
    meeting_id = slug(path.stem)
    if known_ids.get(meeting_id, str(path)) != str(path):
        meeting_id = f"{meeting_id}-{hashlib.sha256(str(path).encode()).hexdigest()[:6]}"
    date = find_date(str(meta["date"])) if meta.get("date") else None
    meeting = parse_minutes(text, str(path), meeting_id=meeting_id, committee=meta.get("committee"), date=date)
    if meeting.date is None:
        note = f"{path.name}: no meeting date found in the text; shown as 'date not stated'"
        meeting = replace(meeting, warnings=(*meeting.warnings, note))
    return meeting


def _file_metadata(path: Path) -> dict:
    """What `meetings.toml` beside the file says about it: ``[folder]`` defaults, then its own table."""
    sidecar = path.parent / METADATA_FILE
    if not sidecar.is_file():
        return {}
    try:
        data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise UnreadableFile(f"{sidecar}: cannot read metadata ({error})") from error
    return dict(data.get("folder", {})) | dict(data.get("files", {}).get(path.name, {}))


def _hash(data: bytes, meta: dict, settings: Settings) -> str:
    """``<content hash>:<hash of everything else that shapes the chunks>``."""
    content = hashlib.sha256(data).hexdigest()
    shape = json.dumps([meta, FORMAT_VERSION, settings.embed_model], sort_keys=True, default=str)
    return f"{content}:{hashlib.sha256(shape.encode()).hexdigest()[:16]}"


def _flush(batch: list[tuple[Meeting, str, list[Chunk]]], store: IndexStore, embedder: Embedder,
           summary: IngestSummary, cache: EmbeddingCache) -> None:
    """Embed the batch's uncached chunks in one call and write its meetings to the store in one call."""
    texts = [chunk.embed_text for _, _, chunks in batch for chunk in chunks]
    known = cache.get_many(texts)
    missing = list(dict.fromkeys(text for text in texts if text not in known))
    fresh = dict(zip(missing, embedder.embed(missing)))
    cache.put_many(fresh)
    summary.embedded += len(fresh)
    writes = []
    for meeting, file_hash, chunks in batch:
        vectors = [known.get(chunk.embed_text) or fresh[chunk.embed_text] for chunk in chunks]
        writes.append(MeetingWrite(meeting, file_hash, chunks, vectors))
    summary.removed_chunks += store.write(writes)
    summary.new_chunks += len(texts)


def _prune(paths: list[Path], records, store: IndexStore) -> int:
    roots = [path.resolve() for path in paths]
    removed = 0
    for record in records:
        source = Path(record.source)
        under = any(source == root or root in source.parents for root in roots)
        if under and not source.exists():
            removed += store.remove(record.id)
    return removed


def _totals(summary: IngestSummary, store: IndexStore) -> None:
    records = store.meetings()
    summary.meetings = len(records)
    summary.items = sum(record.items for record in records)
    summary.chunks = sum(record.chunks for record in records)


def _progress(files: list[Path], enabled: bool | None):
    from tqdm import tqdm

    return tqdm(files, desc="ingest", unit="file", disable=None if enabled is None else not enabled, leave=False)
