"""Files → index: the one entry point of ingestion.

Unchanged files (same content, same metadata, same parser and model) are
skipped before any parsing or embedding; changed files replace their
meeting; a file that fails is reported and the rest still ingest. Chunks of
several files are embedded together, since the model is fastest in batches,
and written to the store together; a reader thread parses and chunks the next
files while the model embeds the current batch. What happens to each file (unchanged, duplicate, moved) is decided first, in
`ingest.plan`; one ingest at a time writes (`ingest.lock`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.cache import CACHE_FILE, EmbeddingCache
from assistant.dates import find_date
from assistant.embed import Embedder
from assistant.errors import StoreError
from assistant.models import FALLBACKS, Chunk, FileReport, IngestSummary, Meeting
from assistant.settings import Settings
from assistant.store import IndexStore, MeetingRecord, MeetingWrite, open_store
from ingest.ahead import ahead
from ingest.chunk import chunk_meeting
from ingest.discover import Found, IngestError, discover
from ingest.facts import extract_facts
from ingest.header import council_short_name
from ingest.lock import writer_lock
from ingest.parse import parse_minutes, slug
from ingest.plan import Plan, make_plan
from ingest.read import UnreadableFile, read_bytes, read_document

__all__ = ["CACHE_FILE", "IngestError", "ingest", "update_index"]

METADATA_FILE = "meetings.toml"
FORMAT_VERSION = "36"  # bump when parsing or chunking changes what a file becomes: every file is re-read
# (4: meetings carry their facts; 5: keyword terms fold British and American spellings, wrapped list
# points rejoined, the page's contact kept; 6: a bulleted point broken into two paragraphs rejoined; 7: "CSF 14/3"
# references; 8: hard-wrapped text files rejoined, lone bullets; 9: a figure such as "12.4" or "1,250,000" is one
# keyword term; 22-33, 5 Dec 2026: decision lists end at a sub-heading and a bare "Agreed." keeps its proposal,
# "Agenda item N" headings, tables flattened without header pipes, "19/4/WAC" references, breadcrumbs and banners,
# unlabelled attendance, substitutes and roles joined by "and")
_BATCH_CHUNKS = 2048  # one model call sorts texts by length: bigger batches pad less


@dataclass
class _Pending:
    meeting: Meeting
    file_hash: str
    chunks: list[Chunk]
    moved_from: tuple[MeetingRecord, ...] = ()  # records whose file is gone and whose content this file holds


@dataclass
class _Batch:
    """Parsed meetings to embed and write together, and meetings to remove before they are written."""

    pending: list[_Pending] = field(default_factory=list)
    removals: list[str] = field(default_factory=list)

    @property
    def chunks(self) -> int:
        return sum(len(p.chunks) for p in self.pending)


def ingest(
    paths: list[Path],
    settings: Settings,
    *,
    prune: bool = False,
    progress: bool | None = None,
    store: IndexStore | None = None,
    embedder: Embedder | None = None,
    wait: float = 0.0,
    on_wait: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Bring the index up to date with the minutes files under `paths`.

    With `prune`, meetings whose source file under `paths` no longer exists
    (and whose content is not present under another name) are removed.
    Per-file problems land in the summary's `errors` and `warnings`; a missing
    path raises `IngestError`, and another ingest writing to the same index
    `IndexBusy` (after waiting up to `wait` seconds), before anything is touched.
    """
    started = time.perf_counter()
    found = discover(paths)
    with writer_lock(settings, wait, on_wait):
        summary = update_index(found, settings, prune_under=paths if prune else None, progress=progress,
                               store=store, embedder=embedder)
    summary.seconds = time.perf_counter() - started
    return summary


def update_index(found: Found, settings: Settings, *, prune_under: list[Path] | None = None,
                 progress: bool | None = None, store: IndexStore | None = None,
                 embedder: Embedder | None = None) -> IngestSummary:
    """`ingest` for a caller that already holds the writer lock; a lost server connection is a `StoreError`."""
    import httpx

    store = store or open_store(settings)
    summary = IngestSummary(files=len(found.files), warnings=list(found.warnings), errors=list(found.errors))
    try:
        plan = _update(found, settings, store, embedder, summary, progress)
        if prune_under is not None:
            summary.removed_chunks += _prune(prune_under, store, plan)
        _totals(summary, store)
    except httpx.TransportError as error:  # only a Chroma server speaks HTTP; an embedded index never raises it
        raise StoreError(f"lost the connection to the index at {settings.location} ({error}); what was written "
                         "is complete, and running the ingest again finishes the rest") from error
    return summary


def _update(found: Found, settings: Settings, store: IndexStore, embedder: Embedder | None, summary: IngestSummary,
            progress: bool | None) -> Plan:
    summary.removed_chunks += store.repair()
    records = {record.source: record for record in store.meetings()}
    plan = _plan(found, settings, store, summary.errors)
    embedder = embedder or Embedder(settings.embed_model, settings.embed_batch_size)
    cache = EmbeddingCache(settings.cache_folder / CACHE_FILE, str(embedder.model_path))
    for batch in ahead(_batches(found, plan, records, settings, embedder, summary, progress)):
        _flush(batch, store, embedder, summary, cache)
    cache.close()
    return plan


def _batches(found: Found, plan: Plan, records: dict[str, MeetingRecord], settings: Settings, embedder: Embedder,
             summary: IngestSummary, progress: bool | None) -> Iterator[_Batch]:
    """The files to index, parsed and chunked, in batches of about `_BATCH_CHUNKS` chunks (runs in the reader thread).

    It never writes: removals travel with the batch, for `_flush` to make.
    """
    known_ids = {record.id: record.source for record in records.values()}
    batch = _Batch()
    for source in _progress(sorted(plan.hashes), progress):
        path, moved = Path(source), tuple(plan.moved.get(source, ()))
        if (holder := plan.duplicate_of(source)) is not None:
            summary.warnings.append(f"{path}: same content as {holder}; not indexed twice")
            continue
        if source in records and records[source].file_hash == plan.hashes[source]:
            summary.unchanged += 1
            batch.removals += [record.id for record in moved]  # an unfinished move
            continue
        try:
            data = read_bytes(path)
            meta = _file_metadata(path)
            meeting = _parse(path, data, meta, known_ids)
        except UnreadableFile as error:
            summary.errors.append(str(error))
            continue
        if source in records and records[source].id != meeting.id:  # its id changed (a council now read)
            batch.removals.append(records[source].id)
        known_ids[meeting.id] = source
        summary.warnings += list(meeting.warnings)
        if report := parse_report(meeting, meta, _shown(path, found.roots)):
            summary.reports.append(report)
        summary.moved += bool(moved)
        chunks = chunk_meeting(meeting, embedder.count_tokens, embedder.window)
        batch.pending.append(_Pending(meeting, _hash(data, meta, settings, path), chunks, moved))
        if batch.chunks >= _BATCH_CHUNKS:
            yield batch
            batch = _Batch()
    if batch.pending or batch.removals:
        yield batch


def _plan(found: Found, settings: Settings, store: IndexStore, errors: list[str]) -> Plan:
    return make_plan(found.files, store.meetings(),
                     lambda path: _hash(read_bytes(path), _file_metadata(path), settings, path), errors)


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


def _hash(data: bytes, meta: dict, settings: Settings, path: Path) -> str:
    """``<content hash>:<hash of everything else that shapes the chunks>``.

    The path is part of the shape (every chunk records its source), so a file
    moved to another folder under the same name gets new chunk ids.
    """
    content = hashlib.sha256(data).hexdigest()
    shape = json.dumps([meta, FORMAT_VERSION, settings.embed_model, str(path)], sort_keys=True, default=str)
    return f"{content}:{hashlib.sha256(shape.encode()).hexdigest()[:16]}"


def _flush(batch: _Batch, store: IndexStore, embedder: Embedder, summary: IngestSummary,
           cache: EmbeddingCache) -> None:
    """Embed the batch's uncached chunks in one call and write its meetings to the store in one call."""
    summary.removed_chunks += sum(store.remove(meeting_id) for meeting_id in batch.removals)
    texts = [chunk.embed_text for pending in batch.pending for chunk in pending.chunks]
    known = cache.get_many(texts)
    missing = list(dict.fromkeys(text for text in texts if text not in known))
    fresh = dict(zip(missing, embedder.embed(missing)))
    cache.put_many(fresh)
    summary.embedded += len(fresh)
    summary.removed_chunks += store.write([
        MeetingWrite(p.meeting, p.file_hash, p.chunks, [known.get(c.embed_text) or fresh[c.embed_text] for c in p.chunks])
        for p in batch.pending
    ])
    # Only now that the meetings are complete under their new paths do the old records go. (A new one
    # never has an old id: a file moved under the same name gets a suffixed id, as any name clash does.)
    summary.removed_chunks += sum(store.remove(old.id) for p in batch.pending for old in p.moved_from)
    summary.new_chunks += len(texts)


def _prune(paths: list[Path], store: IndexStore, plan: Plan) -> int:
    """Remove meetings whose file under `paths` is gone, unless their content is still there under another name."""
    roots = [path.resolve() for path in paths]
    removed = 0
    for record in store.meetings():
        source = Path(record.source)
        under = any(source == root or root in source.parents for root in roots)
        if under and not source.exists() and not plan.present(record):
            removed += store.remove(record.id)
    return removed


def _totals(summary: IngestSummary, store: IndexStore) -> None:
    records = store.meetings()
    summary.meetings = len(records)
    summary.items = sum(record.items for record in records)
    summary.chunks = sum(record.chunks for record in records)


def _progress(files: list[str], enabled: bool | None):
    from tqdm import tqdm

    return tqdm(files, desc="ingest", unit="file", disable=None if enabled is None else not enabled, leave=False)
