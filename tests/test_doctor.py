"""`minutes doctor`: a damaged index is named in one line and rebuilt from its files without embedding again."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.settings import Settings

from conftest import DATA

pytestmark = pytest.mark.slow

MINUTES = Path(sys.executable).with_name("minutes")


@pytest.fixture
def indexed(tmp_path, embedder) -> tuple[Path, Path, int]:
    """(minutes folder, index folder, chunk count) of a real two-meeting index."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    for name in ("safer-stockton-partnership-2022-01-11.txt", "safer-stockton-partnership-2023-07-19.txt"):
        shutil.copy(DATA / name, folder / name)
    summary = Assistant(Settings(index_dir=tmp_path / "index"), embedder=embedder).ingest([folder], progress=False)
    return folder, tmp_path / "index", summary.chunks


def _doctor(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(MINUTES), "doctor", *args], capture_output=True, text=True)


def test_a_sound_index_is_reported_sound(indexed):
    _, index, chunks = indexed
    result = _doctor("--index", str(index))
    assert result.returncode == 0
    assert result.stdout == f"The index at {index} is sound: 2 meetings, {chunks} chunks.\n"


def test_meetings_that_lost_their_passages_are_found_and_rebuilt_from_the_cache(indexed, embedder):
    folder, index, chunks = indexed
    from assistant.stores.chroma import ChromaVectors

    bot = Assistant(Settings(index_dir=index), embedder=embedder)
    vectors = ChromaVectors(bot.settings)  # damage below the store: Chroma loses one meeting's vectors
    vectors.delete(vectors.collection.get(where={"meeting_id": "safer-stockton-partnership-2022-01-11"})["ids"])
    checkup = bot.doctor()
    assert checkup.problem == "1 meetings have lost passages (e.g. safer-stockton-partnership-2022-01-11)"
    assert checkup.rebuilt is not None and checkup.rebuilt.embedded == 0 and checkup.rebuilt.meetings == 2
    assert checkup.damaged_copy is not None and checkup.damaged_copy.is_dir()
    assert _doctor("--index", str(index)).stdout == f"The index at {index} is sound: 2 meetings, {chunks} chunks.\n"


def test_a_vector_index_that_silently_lost_its_vectors_is_found(indexed):
    """Chroma answers from its write log until it is compacted; with the log gone it finds nothing, silently."""
    _, index, chunks = indexed
    with sqlite3.connect(index / "chroma.sqlite3") as db:
        db.execute("DELETE FROM embeddings_queue")
    result = _doctor("--index", str(index))
    assert result.returncode == 0 and f"was damaged (the vector index lost {chunks} of {chunks} passages" in result.stdout
    assert "0 passages embedded again" in result.stdout


def test_an_unreadable_vector_database_is_rebuilt_from_the_files_the_catalog_names(indexed):
    _, index, chunks = indexed
    (index / "chroma.sqlite3").write_bytes(b"not a database" * 1000)
    result = _doctor("--index", str(index))
    assert result.returncode == 0, result.stderr
    assert "its passages cannot be read" in result.stdout and "rebuilt from 2 files: 2 meetings" in result.stdout
    assert _doctor("--index", str(index)).stdout == f"The index at {index} is sound: 2 meetings, {chunks} chunks.\n"


def test_an_unreadable_catalog_is_one_line_then_rebuilt_from_the_folders_named(indexed):
    folder, index, chunks = indexed
    (index / "catalog.sqlite3").write_bytes(b"not a database" * 1000)
    for log in ("catalog.sqlite3-wal", "catalog.sqlite3-shm"):  # else SQLite would restore the pages from them
        (index / log).unlink(missing_ok=True)
    blind = _doctor("--index", str(index))
    assert blind.returncode == 1 and "Traceback" not in blind.stderr and blind.stderr.count("\n") == 1
    assert "is damaged (its meetings cannot be read" in blind.stderr and "minutes doctor PATH" in blind.stderr
    rebuilt = _doctor(str(folder), "--index", str(index))
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.stdout.count("\n") == 1 and "rebuilt from 2 files: 2 meetings" in rebuilt.stdout
    assert "0 passages embedded again" in rebuilt.stdout
    assert _doctor("--index", str(index)).stdout == f"The index at {index} is sound: 2 meetings, {chunks} chunks.\n"
