"""The keyword index: BM25 over postings kept in the catalog, scored with NumPy.

Each catalog write adds one segment: per term, the keys of the new chunks
that use it and how often (two packed arrays in one row). A query reads the
rows of its few terms and scores every matching chunk at once in NumPy, so
its cost is the length of those postings, not a call per matching row
(SQLite FTS5's bm25() is a function call per matching row, and the common
words of minutes match half the corpus). When a term has `_MERGE_AT` rows
they are merged into one, leaving out chunks that are gone.

Scoring and filtering also need, per chunk, its length, meeting, date and
kind, and whether it still exists: `Columns`, packed arrays indexed by chunk
key that each write updates in the same transaction and a reader loads in
one read. Term statistics for answering (document frequencies) come from the
same postings.
"""
from __future__ import annotations

import math
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.query import SearchFilters

SCHEMA = """
CREATE TABLE IF NOT EXISTS postings (term TEXT NOT NULL, segment INTEGER NOT NULL, keys BLOB NOT NULL,
    counts BLOB NOT NULL, PRIMARY KEY (term, segment)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS columns (name TEXT PRIMARY KEY, data BLOB NOT NULL);
"""
K1, B = 1.5, 0.75  # as the llama-index/bm25s retriever this replaced
_MERGE_AT = 16
_KEY, _COUNT = np.uint32, np.uint16
# Per chunk key: terms in the chunk (0: no such chunk, or gone), meeting date (0: undated), kind, meeting code.
_COLUMNS = {"length": np.int32, "date_ord": np.int32, "header": np.bool_, "meeting": np.int64}


@dataclass(frozen=True)
class Document:
    """One chunk as the keyword index sees it."""

    key: int
    terms: list[str]
    meeting: int  # the meeting row's code in the catalog
    date_ord: int
    header: bool


def update(db: sqlite3.Connection, segment: int, documents: Sequence[Document], gone: Sequence[int]) -> None:
    """Index `documents` as a new segment and forget the chunks `gone`, inside the caller's transaction."""
    _update_columns(db, documents, gone)
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for document in documents:
        for term, count in Counter(document.terms).items():
            postings[term].append((document.key, min(count, np.iinfo(_COUNT).max)))
    db.executemany("INSERT INTO postings VALUES (?, ?, ?, ?)", [
        (term, segment, np.array([k for k, _ in rows], _KEY).tobytes(), np.array([c for _, c in rows], _COUNT).tobytes())
        for term, rows in postings.items()
    ])
    crowded = [term for term, in db.execute(
        "SELECT term FROM postings WHERE segment = ? AND term IN (SELECT term FROM postings GROUP BY term "
        f"HAVING count(*) >= {_MERGE_AT})", (segment,))]
    if crowded:
        live = _read_columns(db)["length"]
        for term in crowded:
            keys, counts = _postings(db, term)
            keep = live[keys] > 0
            db.execute("DELETE FROM postings WHERE term = ?", (term,))
            db.execute("INSERT INTO postings VALUES (?, ?, ?, ?)",
                       (term, segment, keys[keep].astype(_KEY).tobytes(), counts[keep].astype(_COUNT).tobytes()))


def _update_columns(db: sqlite3.Connection, documents: Sequence[Document], gone: Sequence[int]) -> None:
    arrays = _read_columns(db)
    size = max([len(arrays["length"]), *(d.key + 1 for d in documents)])
    for name, array in arrays.items():
        grown: np.ndarray = np.zeros(size, _COLUMNS[name])
        grown[: len(array)] = array
        arrays[name] = grown
    arrays["length"][np.asarray(gone, dtype=np.int64)] = 0
    keys = np.array([d.key for d in documents], dtype=np.int64)
    arrays["length"][keys] = [len(d.terms) for d in documents]
    arrays["date_ord"][keys] = [d.date_ord for d in documents]
    arrays["header"][keys] = [d.header for d in documents]
    arrays["meeting"][keys] = [d.meeting for d in documents]
    db.executemany("INSERT OR REPLACE INTO columns VALUES (?, ?)", [(n, a.tobytes()) for n, a in arrays.items()])


def _read_columns(db: sqlite3.Connection) -> dict[str, np.ndarray]:
    stored = dict(db.execute("SELECT name, data FROM columns").fetchall())
    return {name: np.frombuffer(stored.get(name, b""), dtype) for name, dtype in _COLUMNS.items()}


def _postings(db: sqlite3.Connection, term: str) -> tuple[np.ndarray, np.ndarray]:
    rows = db.execute("SELECT keys, counts FROM postings WHERE term = ?", (term,)).fetchall()
    if not rows:
        return np.empty(0, np.int64), np.empty(0, np.float32)
    keys = np.concatenate([np.frombuffer(k, _KEY) for k, _ in rows]).astype(np.int64)
    counts = np.concatenate([np.frombuffer(c, _COUNT) for _, c in rows]).astype(np.float32)
    return keys, counts


@dataclass(frozen=True)
class Columns:
    """What scoring and filtering need of every chunk, as arrays indexed by chunk key, at one generation."""

    generation: int
    length: np.ndarray
    date_ord: np.ndarray
    header: np.ndarray
    meeting: np.ndarray
    codes: dict[str, int]  # meeting id -> code
    committees: dict[str, list[int]]  # committee -> codes of its meetings

    @classmethod
    def load(cls, db: sqlite3.Connection, generation: int) -> Columns:
        """The arrays and meeting codes as of `generation` (the caller holds a read transaction)."""
        codes, committees = {}, defaultdict(list)
        for meeting_id, code, committee in db.execute("SELECT id, rowid, committee FROM meetings"):
            codes[meeting_id] = code
            committees[committee].append(code)
        return cls(generation, **_read_columns(db), codes=codes, committees=dict(committees))

    @property
    def documents(self) -> int:
        return int(np.count_nonzero(self.length))

    def mask(self, filters: SearchFilters, kind: str | None) -> np.ndarray:
        """Which chunk keys exist and pass `filters` (and `kind`)."""
        keep = self.length > 0
        if filters.meeting:
            keep &= self.meeting == self.codes.get(filters.meeting, -1)
        if filters.committee:
            keep &= np.isin(self.meeting, self.committees.get(filters.committee, []))
        if kind:
            keep &= self.header == (kind == "header")
        if filters.since or filters.until:
            dated = self.date_ord > 0
            if filters.since:
                dated &= self.date_ord >= filters.since.toordinal()
            if filters.until:
                dated &= self.date_ord <= filters.until.toordinal()
            keep &= (dated | (self.date_ord == 0)) if filters.include_undated else dated
        return keep

    def existing(self, keys: np.ndarray) -> np.ndarray:
        """Which of `keys` name chunks that exist in this view (later chunks wait for the next generation)."""
        inside = keys < len(self.length)
        inside[inside] = self.length[keys[inside]] > 0
        return inside


def search(db: sqlite3.Connection, columns: Columns, terms: list[str], k: int, filters: SearchFilters,
           kind: str | None = None) -> list[tuple[int, float]]:
    """(chunk key, BM25 score > 0) of the `k` best chunks for `terms` under `filters`, best first."""
    documents = columns.documents
    if not documents or not terms or k <= 0:
        return []
    average = float(columns.length.sum()) / documents
    scores = np.zeros(len(columns.length), np.float32)
    for term in dict.fromkeys(terms):
        keys, counts = _postings(db, term)
        exist = columns.existing(keys)
        keys, counts = keys[exist], counts[exist]
        if len(keys):
            idf = math.log(1 + (documents - len(keys) + 0.5) / (len(keys) + 0.5))
            scores[keys] += idf * counts / (counts + K1 * (1 - B + B * columns.length[keys] / average))
    scores[~columns.mask(filters, kind)] = 0
    found = np.flatnonzero(scores > 0)
    if len(found) > k:
        found = found[np.argpartition(-scores[found], k - 1)[:k]]
    best = found[np.argsort(-scores[found], kind="stable")]
    return [(int(key), float(scores[key])) for key in best]


def vocabulary(db: sqlite3.Connection) -> list[str]:
    """Every term the postings hold (read when a question has a word the index never uses)."""
    return [term for (term,) in db.execute("SELECT DISTINCT term FROM postings")]


def frequency(db: sqlite3.Connection, columns: Columns, forms: Sequence[Sequence[str]]) -> int:
    """In how many existing chunks one of `forms` occurs, each form counting where all its terms do."""
    found = np.empty(0, np.int64)
    for form in forms:
        holding = None
        for term in dict.fromkeys(form):
            keys, _ = _postings(db, term)
            keys = keys[columns.existing(keys)]
            holding = keys if holding is None else np.intersect1d(holding, keys)
        if holding is not None:
            found = np.union1d(found, holding)
    return len(found)
