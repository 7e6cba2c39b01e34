"""Readers while an ingest rewrites the index: every question is answered, every meeting is one whole version.

Each round the files are rewritten and an ingest process switches every meeting between two versions of its text (A and B, with
different items), while one long-lived reader asks from 10 threads and reads meetings' chunks; odd rounds
kill the ingest at a random point and run it again. After each round the index equals a clean index of
the version written, and no read has failed or seen two versions of one meeting.
"""
from __future__ import annotations

import random
import re
import threading
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.settings import Settings

from ingest_worker import IngestWorker

pytestmark = pytest.mark.slow

WAIT = 120  # seconds an ingest waits for the writer lock (a killed one releases it at once)
ROUNDS = 20
MEETINGS = 12
READERS = 10
_VERSION = re.compile(r"\(version ([AB])\)")


def _write(folder: Path, version: str) -> Path:
    """MEETINGS small minutes files; version B adds an item, so a mix of versions shows as extra chunks."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(MEETINGS):
        extra = ("3 Street Lighting\n\nMembers asked for brighter lamps on the bridge (version B).\n\n"
                 "AGREED that officers write to the lighting team (version B).\n") if version == "B" else ""
        (folder / f"meeting-{n:02}.txt").write_text(
            f"Riverside Safety Board\nMinutes of the meeting held on {n + 1} March 2024\n\n"
            f"Present: Cllr Ash (Chair) (version {version})\n\n"
            f"1 Apologies\n\nApologies were received from Cllr Birch (version {version}).\n\n"
            f"2 Knife Crime\n\nThe board discussed knife crime in ward {n} (version {version}). "
            f"Police reported {n + 10} incidents in the quarter (version {version}).\n\n{extra}", encoding="utf-8")
    return folder


def _state(index: Path) -> list[tuple[str, int, tuple[str, ...]]]:
    bot = Assistant.open(index)
    return [(r.id, r.chunks, tuple(c.text for c in bot.store.chunks(r.id))) for r in bot.meetings()]


@pytest.fixture
def versions(tmp_path, embedder) -> dict[str, tuple[Path, Path]]:
    """Per version: a folder of it and a clean index of it (which also fills the shared embedding cache)."""
    made = {}
    for version in "AB":
        folder = _write(tmp_path / f"version-{version}", version)
        index = tmp_path / f"clean-{version}"
        Assistant(Settings(index_dir=index, cache_dir=tmp_path / "cache"), embedder=embedder).ingest(
            [folder], progress=False)
        made[version] = folder, index
    return made


def _read(bot: Assistant, stop: threading.Event, failures: list[str], reads: list[int], seed: int) -> None:
    """Ask and read meetings until `stop`; any exception or mixed meeting is a failure."""
    rng = random.Random(seed)
    while not stop.is_set():
        reads.append(1)
        try:
            answer = bot.ask(f"What was said about knife crime in ward {rng.randrange(MEETINGS)}?")
            if not answer.citations:
                failures.append(f"no citation: {answer.text}")
            records = bot.meetings()
            if records:
                chunks = bot.store.chunks(rng.choice(records).id)
                seen = {match for c in chunks for match in _VERSION.findall(c.text)}
                places = [(c.item_position, c.part) for c in chunks]
                if len(seen) > 1 or len(places) != len(set(places)):
                    failures.append(f"mixed meeting: versions {seen}, places {places}")
        except Exception as error:  # noqa: BLE001 - every failure is counted and shown
            failures.append(repr(error))


def test_readers_see_whole_meetings_while_ingests_rewrite_and_die(tmp_path, versions, embedder):
    index, cache, live = tmp_path / "index", tmp_path / "cache", tmp_path / "live"
    worker = IngestWorker()
    worker.send(_write(live, "A"), index, cache, WAIT)
    assert worker.answer().get("ok")
    reader = Assistant(Settings(index_dir=index, cache_dir=cache), embedder=embedder)
    reader.warm()
    stop, failures, reads = threading.Event(), [], []
    threads = [threading.Thread(target=_read, args=(reader, stop, failures, reads, n)) for n in range(READERS)]
    for thread in threads:
        thread.start()
    rng, kills = random.Random(11), 0
    try:
        for round_ in range(ROUNDS):
            version = "B" if round_ % 2 == 0 else "A"
            worker.send(_write(live, version), index, cache, WAIT)  # the same files, rewritten
            if round_ % 2:
                threading.Event().wait(rng.uniform(0.0, 1.5))
                worker.kill()
                kills += 1
                worker = IngestWorker()
                worker.send(live, index, cache, WAIT)
            assert worker.answer().get("ok"), f"round {round_}"
            assert _state(index) == _state(versions[version][1]), f"round {round_}"
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
        worker.close()
    print(f"{len(reads)} reads, {kills} kills, {len(failures)} failures")
    assert kills == ROUNDS // 2 and len(reads) >= ROUNDS * READERS, len(reads)
    assert failures == [], f"{len(failures)} failed reads, e.g. {failures[:3]}"
