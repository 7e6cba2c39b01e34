"""One writer at a time: a second ingest waits or stops with one sentence, and never half-succeeds."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.settings import Settings
from ingest.lock import IndexBusy, lock_path, writer_lock

from ingest_worker import IngestWorker

ROUNDS = 20


FOLDERS = {"a": ["minutes.txt", "shared.txt", "only-a.txt"], "b": ["minutes.txt", "shared.txt"]}


def _folders(base: Path) -> dict[str, Path]:
    """Tiny minutes files; each names its folder and file, so same-named files in "a" and "b" differ."""
    for folder, names in FOLDERS.items():
        (base / folder).mkdir(parents=True)
        for name in names:
            (base / folder / name).write_text(
                "Safer Stockton Partnership\nMinutes of the meeting held on 12 March 2024\n\n"
                f"1 Apologies\n\nApologies were received from Cllr Jones ({folder}).\n\n"
                f"2 Knife Crime\n\nThe partnership discussed knife crime ({folder}, {name}).\n", encoding="utf-8")
    return {folder: base / folder for folder in FOLDERS}


def test_a_second_ingest_stops_at_once_with_one_sentence_and_changes_nothing(tmp_path):
    settings = Settings(index_dir=tmp_path / "index")
    (tmp_path / "minutes").mkdir()
    bot = Assistant(settings)
    with writer_lock(settings), pytest.raises(IndexBusy, match="another ingest is writing to the index at"):
        bot.ingest([tmp_path / "minutes"], progress=False)
    assert not (tmp_path / "index").exists()


def test_a_waiting_ingest_says_so_and_gives_up_when_the_wait_ends(tmp_path):
    settings = Settings(index_dir=tmp_path / "index")
    (tmp_path / "minutes").mkdir()
    notes: list[str] = []
    started = time.monotonic()
    with writer_lock(settings), pytest.raises(IndexBusy, match="still writing .* after 0.3 s"):
        Assistant(settings).ingest([tmp_path / "minutes"], progress=False, wait=0.3, on_wait=notes.append)
    assert time.monotonic() - started >= 0.3
    assert notes == [f"another ingest is writing to the index at {tmp_path / 'index'}; waiting up to 0.3 s"]


def test_the_lock_file_sits_beside_the_index_folder_not_in_it(tmp_path):
    assert lock_path(Settings(index_dir=tmp_path / "index")) == tmp_path / "index.lock"
    server = Settings(chroma_host="127.0.0.1", chroma_port=8001, cache_dir=tmp_path / "cache")
    assert lock_path(server) == tmp_path / "cache" / "chroma-127.0.0.1-8001.lock"


@pytest.fixture
def cache(tmp_path, embedder) -> Path:
    """An embedding cache that holds every passage of the rounds, so the worker processes never load the model."""
    folders = _folders(tmp_path / "warm")
    for folder in folders.values():
        Assistant(Settings(index_dir=tmp_path / "warm" / "index", cache_dir=tmp_path / "cache"),
                  embedder=embedder).ingest([folder], progress=False)
    return tmp_path / "cache"


@pytest.fixture
def workers():
    """Two ingest processes, each serving every round."""
    started = [IngestWorker() for _ in range(2)]
    try:
        yield started
    finally:
        for worker in started:
            worker.close()


@pytest.mark.slow
def test_concurrent_ingests_of_same_named_files_lose_no_meeting_and_leave_no_orphans(tmp_path, cache, workers):
    """Each round: two processes ingest folders with the same file names into one new, empty index."""
    for round_ in range(ROUNDS):
        base = tmp_path / f"round-{round_}"
        folders = _folders(base)
        wait = 0 if round_ % 2 == 0 else 60  # even rounds: fail fast; odd rounds: the second waits its turn
        for worker, folder in zip(workers, folders.values()):
            worker.send(folder, base / "index", cache, wait)
        answers = [worker.answer() for worker in workers]
        assert not [a for a in answers if "error" in a or a.get("errors")], answers
        assert all("ok" in a or "another ingest" in a["busy"] for a in answers), answers
        done = [name for name, answer in zip(folders, answers) if "ok" in answer]
        assert len(done) == 2 if wait else done, f"round {round_}: {answers}"
        bot = Assistant.open(base / "index")
        held = sorted((Path(r.source).parent.name, Path(r.source).name) for r in bot.meetings())
        assert held == sorted((folder, name) for folder in done for name in FOLDERS[folder]), f"round {round_}"
        assert sum(r.chunks for r in bot.meetings()) == bot.store.chunk_count()  # no orphan chunks
