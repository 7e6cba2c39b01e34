"""Files → index: the one entry point of ingestion.

Unchanged files (same content, same metadata, same parser and model) are
skipped before any parsing or embedding; changed files replace their
meeting; a file that fails is reported and the rest still ingest. Chunks of
several files are embedded together, since the model is fastest in batches.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.dates import find_date
from assistant.embed import Embedder
from assistant.errors import MinutesError
from assistant.models import FALLBACKS, Chunk, FileReport, IngestSummary, Meeting
from assistant.settings import Settings
from assistant.store import MeetingRecord, Store
from ingest.cache import EmbeddingCache
from ingest.chunk import chunk_meeting
from ingest.facts import extract_facts
from ingest.header import council_short_name
from ingest.parse import parse_minutes, slug
from ingest.read import SUFFIXES, UnreadableFile, read_bytes, read_document

METADATA_FILE = "meetings.toml"
CACHE_FILE = "embedding-cache.sqlite3"
FORMAT_VERSION = "4"  # bump when parsing or chunking changes what a file becomes: every file is re-read
# (4: meetings carry their facts)
_BATCH_CHUNKS = 2048  # one model call sorts texts by length: bigger batches pad less


class IngestError(MinutesError):
    """The ingest cannot start (e.g. a path that does not exist); nothing was changed."""


@dataclass
class _Pending:
    meeting: Meeting
    file_hash: str
    chunks: list[Chunk]
    replacing: bool  # the index holds an earlier version of this meeting


def ingest(
    paths: list[Path],
    settings: Settings,
    *,
    prune: bool = False,
    progress: bool | None = None,
    store: Store | None = None,
    embedder: Embedder | None = None,
) -> IngestSummary:
    """Bring the index up to date with the minutes files under `paths`.

    With `prune`, meetings whose source file under `paths` no longer exists
    are removed. Per-file problems land in the summary's `errors` and
    `warnings`; only a missing path raises, before anything is touched.
    """
    started = time.perf_counter()
    files = discover(paths)
    store = store or Store(settings)
    summary = IngestSummary(files=len(files))
    summary.removed_chunks += store.repair()
    records = {record.source: record for record in store.meeting_records()}
    known_ids = {record.id: record.source for record in records.values()}
    indexed = set(known_ids)
    known_content = {record.file_hash.split(":")[0]: record.source for record in records.values()}
    embedder = embedder or Embedder(settings.embed_model, settings.embed_batch_size)
    cache = EmbeddingCache(settings.index_dir / CACHE_FILE, str(embedder.model_path))
    batch: list[_Pending] = []
    for path in _progress(files, progress):
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
        if source in records and records[source].id != meeting.id:  # its id changed (a council now read)
            summary.removed_chunks += store.remove_meeting(records[source].id)
        known_ids[meeting.id], known_content[content] = source, source
        report = parse_report(meeting, meta, _shown(path, paths))
        if report:
            summary.reports.append(report)
        chunks = chunk_meeting(meeting, embedder.count_tokens, embedder.window)
        batch.append(_Pending(meeting, file_hash, chunks, replacing=meeting.id in indexed))
        if sum(len(p.chunks) for p in batch) >= _BATCH_CHUNKS:
            _flush(batch, store, embedder, summary, cache)
    _flush(batch, store, embedder, summary, cache)
    cache.close()
    if prune:
        summary.removed_chunks += _prune(paths, records.values(), store)
    _totals(summary, store)
    summary.seconds = time.perf_counter() - started
    return summary


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
    """The file's meeting, with what `meetings.toml` adds: committee, council, date and url where the text is silent."""
    document = read_document(path, data)
    meeting = parse_minutes(document.text, str(path), committee=meta.get("committee"), council=meta.get("council"),
                            date=_metadata_date(meta.get("date")))
    meeting = replace(
        meeting,
        id=_meeting_id(path, meeting.council, known_ids),
        date_source=meeting.date_source or (METADATA_FILE if meeting.date else None),
        url=document.url or meta.get("url"),
        source_hash=hashlib.sha256(data).hexdigest(),
    )
    return replace(meeting, facts=extract_facts(meeting))


def _meeting_id(path: Path, council: str | None, known_ids: dict[str, str]) -> str:
    """The file's name as an id, led by its council's name when known, so two councils' files never share one."""
    meeting_id = slug(path.stem)
    prefix = slug(council_short_name(council)) if council else ""
    if prefix and not meeting_id.startswith(prefix):
        meeting_id = f"{prefix}-{meeting_id}"
    if known_ids.get(meeting_id, str(path)) != str(path):
        meeting_id = f"{meeting_id}-{hashlib.sha256(str(path).encode()).hexdigest()[:6]}"
    return meeting_id


def _metadata_date(value: object) -> dt.date | None:
    """``date = 2024-03-12`` (a TOML date) or a written date such as ``"12 March 2024"``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return find_date(str(value)) if value else None


def parse_report(meeting: Meeting, meta: dict, file: str) -> FileReport | None:
    """What the parser could not read from the file's text and what it used instead; None when nothing."""
    notes = []
    for code in meeting.fallbacks:
        note = FALLBACKS[code]
        if code == "weak-items":
            note += f" ({sum(item.weak for item in meeting.items)} of {len(meeting.items)})"
        elif code == "undated":
            note += f"; {meeting.date.isoformat()} from {METADATA_FILE}" if meeting.date else "; undated"
        elif code == "committee-unknown":
            stated = meta.get("committee")
            note += f"; '{stated}' from {METADATA_FILE}" if stated else f"; labelled '{meeting.committee}'"
        notes.append(note)
    return FileReport(file, meeting.id, meeting.layout, len(meeting.items), tuple(notes)) if notes else None


def _shown(path: Path, roots: list[Path]) -> str:
    """`path` as the person named it: relative to the folder they passed, else in full."""
    for root in roots:
        folder = root.resolve()
        if folder.is_dir() and folder in path.parents:
            return str(path.relative_to(folder.parent))
    return str(path)


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


def _flush(batch: list[_Pending], store: Store, embedder: Embedder, summary: IngestSummary,
           cache: EmbeddingCache) -> None:
    """Embed the batch's uncached chunks in one call and write each meeting."""
    texts = [chunk.embed_text for pending in batch for chunk in pending.chunks]
    known = cache.get_many(texts)
    missing = list(dict.fromkeys(text for text in texts if text not in known))
    fresh = dict(zip(missing, embedder.embed(missing)))
    cache.put_many(fresh)
    summary.embedded += len(fresh)
    vectors = [known.get(text) or fresh[text] for text in texts]
    written = 0
    for pending in batch:
        count = len(pending.chunks)
        summary.removed_chunks += store.write_meeting(
            pending.meeting, pending.file_hash, pending.chunks, vectors[written : written + count], pending.replacing
        )
        written += count
    summary.new_chunks += written
    batch.clear()


def _prune(paths: list[Path], records, store: Store) -> int:
    roots = [path.resolve() for path in paths]
    removed = 0
    for record in records:
        source = Path(record.source)
        under = any(source == root or root in source.parents for root in roots)
        if under and not source.exists():
            removed += store.remove_meeting(record.id)
    return removed


def _totals(summary: IngestSummary, store: Store) -> None:
    records: list[MeetingRecord] = store.meeting_records()
    summary.meetings = len(records)
    summary.items = sum(record.items for record in records)
    summary.chunks = sum(record.chunks for record in records)


def _progress(files: list[Path], enabled: bool | None):
    from tqdm import tqdm

    return tqdm(files, desc="ingest", unit="file", disable=None if enabled is None else not enabled, leave=False)
