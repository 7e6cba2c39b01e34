"""The catalog: one SQLite file holding meeting records, chunk texts, the keyword index and the generation.

The keyword index (`assistant.stores.keyword`) ranks by BM25 over the terms
`assistant.terms.keyword_terms` makes, so ranking and the term statistics of
answering share one tokeniser. It grows with each write and is read from
disk by every query, so another process's ingest is visible at once.

The catalog holds only current versions: a meeting's record, chunks and
keyword rows change in one transaction. Vector ids a write may have left in
the vector engine are listed in `pending` until they are deleted there.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from assistant.glossary import Glossary
from assistant.models import Chunk, Meeting
from assistant.query import SearchFilters
from assistant.store import MeetingRecord, MeetingWrite
from assistant.stores import keyword as bm25
from assistant.terms import TermStats, keyword_terms, terms

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meetings (
    id TEXT PRIMARY KEY, committee TEXT NOT NULL, date TEXT, date_ord INTEGER NOT NULL, items INTEGER NOT NULL,
    chunks INTEGER NOT NULL, source TEXT NOT NULL, file_hash TEXT NOT NULL, version TEXT NOT NULL,
    council TEXT, date_source TEXT, url TEXT, source_hash TEXT NOT NULL, abbreviations TEXT NOT NULL,
    meeting TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    key INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, meeting_id TEXT NOT NULL, kind TEXT NOT NULL,
    item_position INTEGER NOT NULL, item_number TEXT, item_title TEXT NOT NULL, part INTEGER NOT NULL,
    parts INTEGER NOT NULL, text TEXT NOT NULL, restricted INTEGER NOT NULL, pages TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_by_item ON chunks (meeting_id, item_position, part);
CREATE TABLE IF NOT EXISTS pending (meeting_id TEXT NOT NULL, version TEXT NOT NULL, ids TEXT NOT NULL,
    PRIMARY KEY (meeting_id, version));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""
_TITLES = "CREATE TABLE IF NOT EXISTS titles (meeting_id TEXT PRIMARY KEY, titles TEXT NOT NULL)"
_CHUNK_COLUMNS = ("c.key, c.id, c.kind, c.meeting_id, m.committee, m.date, c.item_position, c.item_number, "
                  "c.item_title, c.part, c.parts, c.text, m.source, c.restricted, m.council, c.pages, m.url, "
                  "m.source_hash")
_CHUNKS_OF = f"SELECT {_CHUNK_COLUMNS} FROM chunks c JOIN meetings m ON m.id = c.meeting_id"
_RECORD_COLUMNS = ("m.id, m.committee, m.date, m.items, m.chunks, m.source, m.file_hash, m.council, m.date_source, "
                   "m.url, m.abbreviations, coalesce(t.titles, '[]')")
_RECORDS = f"SELECT {_RECORD_COLUMNS} FROM meetings m LEFT JOIN titles t ON t.meeting_id = m.id"
# Item titles are kept beside each record so that listing meetings never parses them whole. A catalog written
# before the `titles` table existed gets its rows once, from the stored meetings, when it is first opened.
_TITLES_FROM_MEETINGS = """INSERT OR IGNORE INTO titles SELECT m.id, (SELECT json_group_array(json_extract(i.value, '$.title'))
    FROM json_each(m.meeting, '$.items') i) FROM meetings m"""
_IN_LIMIT = 500  # ids per IN (...) list, under SQLite's bound on query parameters


class Catalog:
    """One catalog file (or a private in-memory one); safe to share between threads."""

    def __init__(self, path: Path | None) -> None:
        """`path` None gives an in-memory catalog that lives as long as this object."""
        if path is None:
            self._target, self._uri = f"file:minutes-{uuid.uuid4().hex}?mode=memory&cache=shared", True
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._target, self._uri = str(path), False
        self._local = threading.local()
        self._anchor = self._connect()  # keeps an in-memory catalog alive; creates the schema once
        if path is not None:
            self._anchor.execute("PRAGMA journal_mode = WAL")  # readers never wait for a writer
        tables = {name for name, in self._anchor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meetings" in tables and "titles" not in tables:
            with _Transaction(self._anchor) as db:  # created and filled at once: no reader sees it empty
                db.execute(_TITLES)
                db.execute(_TITLES_FROM_MEETINGS)
        self._anchor.executescript(f"{_SCHEMA}{_TITLES};{bm25.SCHEMA}")
        self._columns: bm25.Columns | None = None
        self._ids: tuple[int, np.ndarray] | None = None  # (generation, vector id by chunk key): see `passing`
        self._columns_lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self._target, uri=self._uri, timeout=60, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA synchronous = NORMAL")
        return db

    @property
    def _db(self) -> sqlite3.Connection:
        """This thread's connection: SQLite lets readers in several threads run at once."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = self._connect()
        return db

    def _transaction(self):
        return _Transaction(self._db)

    # Writing

    def stage(self, writes: Sequence[MeetingWrite]) -> None:
        """Note the ids these writes are about to add to the vector engine, before they are added."""
        with self._transaction() as db:
            db.executemany("INSERT OR REPLACE INTO pending VALUES (?, ?, ?)",
                           [(w.meeting.id, w.version, json.dumps(w.vector_ids())) for w in writes])

    def switch(self, writes: Sequence[MeetingWrite]) -> list[tuple[str, str, list[str]]]:
        """Make these versions current, in one transaction; returns the replaced versions' vector ids, as `pending`.

        Those ids are listed as pending in the same transaction, so a crash
        before the engine deletes them leaves them for `repair`.
        """
        replaced, gone, documents = [], [], []
        with self._transaction() as db:
            for write in writes:
                db.execute("DELETE FROM pending WHERE meeting_id = ? AND version = ?", (write.meeting.id, write.version))
                keys, entry = self._drop(db, write.meeting.id, keep=set(write.vector_ids()))
                replaced.append(entry)
                gone += keys
                code = db.execute(f"INSERT INTO meetings VALUES ({', '.join('?' * 15)})", _meeting_row(write)).lastrowid
                db.execute("INSERT OR REPLACE INTO titles VALUES (?, ?)",
                           (write.meeting.id, json.dumps([item.title for item in write.meeting.items])))
                for vector_id, chunk in zip(write.vector_ids(), write.chunks):
                    key = db.execute(f"INSERT INTO chunks VALUES (NULL, {', '.join('?' * 11)})",
                                     (vector_id, *_chunk_row(chunk))).lastrowid
                    documents.append(bm25.Document(key, keyword_terms(chunk.embed_text), code,
                                                   chunk.date.toordinal() if chunk.date else 0, chunk.kind == "header"))
            bm25.update(db, _bump(db), documents, gone)
        return [entry for entry in replaced if entry[2]]

    def remove(self, meeting_id: str) -> list[tuple[str, str, list[str]]]:
        """Delete a meeting's record and chunks; returns its vector ids, as `pending` (listed there until settled)."""
        with self._transaction() as db:
            keys, dropped = self._drop(db, meeting_id, keep=set())
            bm25.update(db, _bump(db), [], keys)
        return [dropped] if dropped[2] else []

    def _drop(self, db: sqlite3.Connection, meeting_id: str,
              keep: set[str]) -> tuple[list[int], tuple[str, str, list[str]]]:
        """Delete the current version of a meeting: its chunk keys, and its vector ids not in `keep` (as pending)."""
        row = db.execute("SELECT version FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        if row is None:
            return [], (meeting_id, "", [])
        rows = db.execute("SELECT key, id FROM chunks WHERE meeting_id = ?", (meeting_id,)).fetchall()
        db.execute("DELETE FROM chunks WHERE meeting_id = ?", (meeting_id,))
        db.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))
        db.execute("DELETE FROM titles WHERE meeting_id = ?", (meeting_id,))
        stale = [vector_id for _, vector_id in rows if vector_id not in keep]
        if stale:
            db.execute("INSERT OR REPLACE INTO pending VALUES (?, ?, ?)", (meeting_id, row[0], json.dumps(stale)))
        return [key for key, _ in rows], (meeting_id, row[0], stale)

    def pending(self) -> list[tuple[str, str, list[str]]]:
        """(meeting id, version, vector ids) of writes not known to be finished, with the ids no record holds."""
        rows = self._db.execute("SELECT meeting_id, version, ids FROM pending").fetchall()
        out = []
        for meeting_id, version, ids in rows:
            listed = json.loads(ids)
            current = self.chunks_by_id(listed)
            out.append((meeting_id, version, [vector_id for vector_id in listed if vector_id not in current]))
        return out

    def settle(self, versions: Iterable[tuple[str, str]]) -> None:
        """Forget pending versions whose vectors are gone from the engine."""
        with self._transaction() as db:
            db.executemany("DELETE FROM pending WHERE meeting_id = ? AND version = ?", list(versions))

    # Reading

    def generation(self) -> int:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def records(self) -> list[MeetingRecord]:
        """Every meeting, oldest first, undated last."""
        rows = self._db.execute(
            f"{_RECORDS} ORDER BY m.date_ord = 0, m.date_ord, m.id").fetchall()
        return [_record(row) for row in rows]

    def meeting(self, meeting_id: str) -> Meeting | None:
        row = self._db.execute("SELECT meeting FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        return Meeting.from_dict(json.loads(row[0])) if row else None

    def chunks(self, meeting_id: str, position: int | None = None) -> list[Chunk]:
        where = "c.meeting_id = ?" if position is None else "c.meeting_id = ? AND c.item_position = ?"
        params = (meeting_id,) if position is None else (meeting_id, position)
        rows = self._db.execute(f"{_CHUNKS_OF} WHERE {where} ORDER BY c.item_position, c.part", params).fetchall()
        return [_chunk(row) for row in rows]

    def chunks_by_id(self, ids: Sequence[str]) -> dict[str, Chunk]:
        """The current chunks among `ids`, by id; ids of no current version are simply absent."""
        return {chunk.id: chunk for _, chunk in self._chunks_where("c.id", ids)}

    def _chunks_where(self, column: str, values: Sequence[object]) -> list[tuple[int, Chunk]]:
        """(key, chunk) of the chunks whose `column` is one of `values`, in no particular order."""
        found: list[tuple[int, Chunk]] = []
        for start in range(0, len(values), _IN_LIMIT):
            part = list(values[start : start + _IN_LIMIT])
            rows = self._db.execute(f"{_CHUNKS_OF} WHERE {column} IN ({','.join('?' * len(part))})", part)
            found += [(row[0], _chunk(row)) for row in rows]
        return found

    def passing(self, filters: SearchFilters, kind: str | None, most: int) -> tuple[list[str] | None, float]:
        """The vector ids of the current chunks that pass `filters` (and `kind`), or None when more than `most` do;
        and the share of current chunks that pass."""
        columns = self._current_columns()
        keys = np.flatnonzero(columns.mask(filters, kind))
        share = len(keys) / max(columns.documents, 1)
        if len(keys) > most:
            return None, share
        ids = self._vector_ids(columns.generation)
        return [vector_id for vector_id in ids[keys[keys < len(ids)]] if vector_id is not None], share

    def _vector_ids(self, generation: int) -> np.ndarray:
        """Every current chunk's vector id at its key (None where there is none), read once per generation."""
        with self._columns_lock:
            if self._ids is None or self._ids[0] != generation:
                rows = self._db.execute("SELECT key, id FROM chunks").fetchall()
                ids = np.full(max((key for key, _ in rows), default=-1) + 1, None, dtype=object)
                for key, vector_id in rows:
                    ids[key] = vector_id
                self._ids = (generation, ids)
            return self._ids[1]

    def chunk_total(self) -> int:
        return self._current_columns().documents

    def chunks_passing(self, ids: Sequence[str], filters: SearchFilters, kind: str | None) -> dict[str, Chunk]:
        """The current chunks among `ids` that pass `filters` (and `kind`), by id."""
        mask = self._current_columns().mask(filters, kind)
        return {chunk.id: chunk for key, chunk in self._chunks_where("c.id", ids) if key < len(mask) and mask[key]}

    def keyword(self, query: str, k: int, filters: SearchFilters, kind: str | None = None) -> list[tuple[Chunk, float]]:
        """The `k` chunks with the best BM25 score for the words of `query` under `filters`, best first."""
        found = bm25.search(self._db, self._current_columns(), keyword_terms(query), k, filters, kind)
        chunks = dict(self._chunks_where("c.key", [key for key, _ in found]))
        return [(chunks[key], score) for key, score in found if key in chunks]  # gone since: not shown

    def term_stats(self, glossary: Glossary | None = None) -> TermStats:
        """Document frequencies from the keyword index, looked up term by term as answering needs them.

        As `TermStats` counts a passage with the glossary's other forms of the
        terms it uses, a term also counts in the passages that use a form the
        glossary gives it ("asb" where "anti-social behaviour" is written):
        passages holding every word of that form, an approximation of
        holding the phrase.
        """
        columns = self._current_columns()
        givers = _givers(glossary) if glossary else {}
        return TermStats(columns.documents, glossary,
                         lambda term: bm25.frequency(self._db, columns, [[term], *givers.get(term, ())]),
                         lambda: bm25.vocabulary(self._db))

    def _current_columns(self) -> bm25.Columns:
        """The keyword index's per-chunk arrays, re-read when a write has happened since."""
        with self._columns_lock:
            if self._columns is None or self._columns.generation != self.generation():
                db = self._db
                db.execute("BEGIN")  # generation and arrays from one snapshot
                try:
                    self._columns = bm25.Columns.load(db, self.generation())
                finally:
                    db.execute("COMMIT")
            return self._columns


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (or ``ROLLBACK``): a writer takes the lock before reading what it changes."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind, error, trace) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _givers(glossary: Glossary) -> dict[str, list[list[str]]]:
    """For each term a glossary form brings into a passage, the keyword terms of the forms that bring it."""
    givers: dict[str, list[list[str]]] = defaultdict(list)
    for short, long in glossary.pairs():
        for given, giver in ((long, short), (short, long)):
            for term in set(terms(given)):
                givers[term].append(keyword_terms(giver.replace("-", "")))
    return givers


def _bump(db: sqlite3.Connection) -> int:
    """A new generation; the keyword index numbers its segments by it."""
    generation = time.time_ns()
    db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (generation,))
    return generation


def _meeting_row(write: MeetingWrite) -> tuple:
    meeting = write.meeting
    abbreviations = [[d.term, d.expansion] for d in meeting.facts.definitions]
    return (meeting.id, meeting.committee, meeting.date.isoformat() if meeting.date else None,
            meeting.date.toordinal() if meeting.date else 0, len(meeting.items), len(write.chunks), meeting.source,
            write.file_hash, write.version, meeting.council, meeting.date_source, meeting.url, meeting.source_hash,
            json.dumps(abbreviations), json.dumps(meeting.to_dict()))


def _record(row: Sequence) -> MeetingRecord:
    """A record from a row of `_RECORD_COLUMNS`."""
    meeting_id, committee, date, items, chunks, source, file_hash, council, date_source, url, abbreviations, titles = row
    return MeetingRecord(meeting_id, committee, _date(date), items, chunks, source, file_hash, council, date_source,
                         url, tuple((term, long) for term, long in json.loads(abbreviations)), tuple(json.loads(titles)))


def _chunk_row(chunk: Chunk) -> tuple:
    return (chunk.meeting_id, chunk.kind, chunk.item_position, chunk.item_number, chunk.item_title, chunk.part,
            chunk.parts, chunk.text, int(chunk.restricted), ",".join(map(str, chunk.pages)))


def _chunk(row: Sequence) -> Chunk:
    """A chunk from a row of `_CHUNK_COLUMNS`."""
    (_, chunk_id, kind, meeting_id, committee, date, position, number, title, part, parts, text, source,
     restricted, council, pages, url, source_hash) = row
    return Chunk(id=chunk_id, kind=kind, meeting_id=meeting_id, committee=committee, date=_date(date),
                 item_position=position, item_number=number, item_title=title, part=part, parts=parts, text=text,
                 source=source, restricted=bool(restricted), council=council,
                 pages=tuple(int(page) for page in pages.split(",") if page), url=url, source_hash=source_hash)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
