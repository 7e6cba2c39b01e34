"""The index: incremental, idempotent ingests into a real Chroma (embedded and server)."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.settings import Settings

from conftest import DATA, free_port, serving

EXPECTED = {
    "safer-stockton-partnership-2012-08-14": (dt.date(2012, 8, 14), 22),
    "safer-stockton-partnership-2017-02-14": (dt.date(2017, 2, 14), 20),
    "safer-stockton-partnership-2022-01-11": (dt.date(2022, 1, 11), 9),
    "safer-stockton-partnership-2023-07-19": (dt.date(2023, 7, 19), 8),
    "safer-stockton-partnership-undated-op-harmony": (None, 12),
}


def _bot(index, embedder, **settings) -> Assistant:
    return Assistant(Settings.load(index_dir=index, **settings), embedder=embedder)  # one loaded model for all tests


def _two_files(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("safer-stockton-partnership-2022-01-11.txt", "safer-stockton-partnership-2023-07-19.txt"):
        shutil.copy(DATA / name, folder / name)
    return folder


def test_data_folder_gives_five_meetings_with_dates_and_item_counts(data_index):
    records = Assistant.open(data_index).meetings()
    assert {r.id: (r.date, r.items) for r in records} == EXPECTED
    undated = next(r for r in records if r.date is None)
    assert undated.committee == "Safer Stockton Partnership"  # from data/meetings.toml


def test_second_ingest_writes_nothing_and_keeps_the_chunk_count(tmp_path, embedder):
    folder = _two_files(tmp_path / "minutes")
    bot = _bot(tmp_path / "index", embedder)
    first = bot.ingest([folder], progress=False)
    second = bot.ingest([folder], progress=False)
    assert first.new_chunks > 0 and second.new_chunks == 0 and second.unchanged == 2
    assert bot.store.chunk_count() == first.chunks == second.chunks


def test_changed_file_replaces_its_chunks(tmp_path, embedder):
    folder = _two_files(tmp_path / "minutes")
    bot = _bot(tmp_path / "index", embedder)
    before = bot.ingest([folder], progress=False)
    path = folder / "safer-stockton-partnership-2022-01-11.txt"
    path.write_text(path.read_text().replace("There wasn't any other business.", "Knife arches were discussed."))
    after = bot.ingest([folder], progress=False)
    assert after.unchanged == 1 and after.removed_chunks == after.new_chunks
    assert bot.store.chunk_count() == before.chunks
    assert bot.meeting("safer-stockton-partnership-2022-01-11").item("10").text == "Knife arches were discussed."
    assert after.embedded == 1  # only the changed item went through the model; the rest came from the cache


def test_prune_removes_meetings_whose_file_is_gone(tmp_path, embedder):
    folder = _two_files(tmp_path / "minutes")
    bot = _bot(tmp_path / "index", embedder)
    bot.ingest([folder], progress=False)
    (folder / "safer-stockton-partnership-2022-01-11.txt").unlink()
    kept = bot.ingest([folder], progress=False)
    assert kept.meetings == 2  # without --prune nothing is removed
    pruned = bot.ingest([folder], prune=True, progress=False)
    assert pruned.meetings == 1 and [r.id for r in bot.meetings()] == ["safer-stockton-partnership-2023-07-19"]


def test_duplicate_content_under_another_name_is_indexed_once(tmp_path, embedder):
    folder = _two_files(tmp_path / "minutes")
    shutil.copy(folder / "safer-stockton-partnership-2022-01-11.txt", folder / "copy-of-january.txt")
    bot = _bot(tmp_path / "index", embedder)
    summary = bot.ingest([folder], progress=False)
    assert summary.meetings == 2
    assert any("same content as" in w for w in summary.warnings)


class _Crash(Exception):
    pass


class _CrashAfterAdd:
    """A vector engine that stops a write right after its vectors went in: a kill at the worst moment."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def add(self, *args) -> None:
        self.inner.add(*args)
        raise _Crash

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_a_write_cut_short_stays_invisible_and_the_next_ingest_clears_it(tmp_path, embedder):
    from assistant.stores.chroma import ChromaVectors
    from assistant.stores.index import CatalogIndex, catalog_path

    folder = _two_files(tmp_path / "minutes")
    bot = _bot(tmp_path / "index", embedder)
    summary = bot.ingest([folder], progress=False)
    path = folder / "safer-stockton-partnership-2022-01-11.txt"
    path.write_text(path.read_text().replace("There wasn't any other business.", "Knife arches were discussed."))
    settings = bot.settings
    cut = CatalogIndex(catalog_path(settings), _CrashAfterAdd(ChromaVectors(settings)))
    with pytest.raises(_Crash):
        Assistant(settings, store=cut, embedder=embedder).ingest([folder], progress=False)

    assert bot.store.chunk_count() > summary.chunks  # the new version's vectors are in the engine ...
    hits = bot.search("Knife arches were discussed", k=20)  # ... but no reader sees them
    assert hits and not any("Knife arches" in hit.quote for hit in hits)
    assert bot.meeting("safer-stockton-partnership-2022-01-11").item("10").text == "There wasn't any other business."
    again = bot.ingest([folder], progress=False)
    assert again.chunks == summary.chunks and bot.store.chunk_count() == summary.chunks
    assert bot.meeting("safer-stockton-partnership-2022-01-11").item("10").text == "Knife arches were discussed."


def test_missing_path_raises_before_anything_changes(tmp_path, embedder):
    from ingest.pipeline import IngestError

    bot = _bot(tmp_path / "index", embedder)
    with pytest.raises(IngestError, match="no such file or folder"):
        bot.ingest([tmp_path / "nowhere"], progress=False)


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A real `chroma run` server on 127.0.0.1, started and stopped here."""
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    path = tmp_path_factory.mktemp("chroma-server")
    with serving([str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)], port,
                 ready="/api/v2/heartbeat"):
        yield port


def test_server_store_ingests_and_answers_like_the_embedded_one(tmp_path, embedder, chroma_server, data_index):
    server = _bot(tmp_path / "unused", embedder, chroma_host="127.0.0.1", chroma_port=chroma_server,
                  cache_dir=tmp_path / "cache")
    first = server.ingest([DATA], progress=False)
    assert server.ingest([DATA], progress=False).new_chunks == 0
    embedded = Assistant.open(data_index)
    assert {r.id: (r.date, r.items, r.chunks) for r in server.meetings()} == \
           {r.id: (r.date, r.items, r.chunks) for r in embedded.meetings()}
    assert first.chunks == embedded.store.chunk_count()
    for question in ("What was said about Op Harmony?", "Who chaired the 2012 meeting?", "What is the police budget?"):
        assert server.ask(question).to_dict() | {"seconds": 0} == embedded.ask(question).to_dict() | {"seconds": 0}


_READER = """
import sys
from assistant import Assistant
bot = Assistant.open(chroma_host="127.0.0.1", chroma_port=int(sys.argv[1]))
bot.warm()
for line in sys.stdin:
    answer = bot.ask("What was said about Op Harmony?")
    print(answer.refused, *sorted({c.meeting_id for c in answer.citations}), flush=True)
"""


@pytest.mark.slow
def test_two_running_readers_see_an_ingest_by_a_third_process_through_one_server(tmp_path, chroma_server):
    folder = _two_files(tmp_path / "minutes")
    where = ["--chroma-host", "127.0.0.1", "--chroma-port", str(chroma_server)]
    minutes = Path(sys.executable).with_name("minutes")
    (tmp_path / "minutes.toml").write_text('collection = "shared"\n')  # apart from the other server tests
    # One cache folder for all three, as on one machine: it holds the catalog (and the writer lock).
    env = os.environ | {"MINUTES_CONFIG": str(tmp_path / "minutes.toml"), "MINUTES_CACHE_DIR": str(tmp_path / "cache")}
    ingest = [str(minutes), "ingest", str(folder), *where]
    assert subprocess.run(ingest, capture_output=True, env=env).returncode == 0
    readers = [subprocess.Popen([sys.executable, "-c", _READER, str(chroma_server)], text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env) for _ in range(2)]
    try:
        assert [_ask(reader) for reader in readers] == [["True"], ["True"]]  # not in the minutes yet
        shutil.copy(DATA / "safer-stockton-partnership-undated-op-harmony.txt", folder)
        assert subprocess.run(ingest, capture_output=True, env=env).returncode == 0
        assert [_ask(reader) for reader in readers] == [["False", "safer-stockton-partnership-undated-op-harmony"]] * 2
    finally:
        for reader in readers:
            reader.kill()
            reader.wait()


def _ask(reader: subprocess.Popen) -> list[str]:
    reader.stdin.write("ask\n")
    reader.stdin.flush()
    return reader.stdout.readline().split()


def test_unreachable_server_is_a_clear_error(tmp_path, embedder):
    from assistant.errors import StoreError

    bot = _bot(tmp_path, embedder, chroma_host="127.0.0.1", chroma_port=free_port(), cache_dir=tmp_path / "cache")
    assert bot.meetings() == []  # the catalog answers without the server
    with pytest.raises(StoreError, match="cannot open the index at chroma://127.0.0.1"):
        bot.ask("What was said about Op Harmony?")


# The fixture folder: every real-world layout family, two councils, PDFs, a meetings.toml.

def test_the_parse_report_names_each_file_that_fell_back_and_what_was_used(fixture_index):
    _, summary = fixture_index
    reports = {Path(report.file).name: report for report in summary.reports}
    assert set(reports) == {"hcsp-2024-06-10.txt", "hcsp-undated-previous-meeting.txt", "hcsp-autumn-table.txt",
                            "hbc-panel-lighting-update.txt"}
    assert reports["hbc-panel-lighting-update.txt"].notes == (
        "no meeting date in the text; 2025-04-07 from meetings.toml",
        "no committee named in the text; 'Harbourside Scrutiny Panel' from meetings.toml")
    assert reports["hcsp-2024-06-10.txt"].notes == ("item boundaries guessed from headings alone (4 of 8)",)
    assert reports["hcsp-autumn-table.txt"].notes == (
        "no meeting date in the text; undated",
        "no committee named in the text; 'Harbourside Community Safety Partnership' from meetings.toml")
    assert "labelled 'Unknown committee'" in reports["hcsp-undated-previous-meeting.txt"].notes[1]


def test_two_councils_planning_committees_never_share_an_id_or_a_name(fixture_index):
    index, _ = fixture_index
    same_day = [r for r in Assistant.open(index).meetings() if r.date == dt.date(2024, 3, 12)]
    assert {r.committee for r in same_day} == {"Planning Committee"}
    assert {r.id for r in same_day} == {"harbourside-planning-2024-03-12", "kestrel-vale-kvbc-planning-2024-03-12"}
    assert {r.body for r in same_day} == {"Planning Committee (Harbourside Borough Council)",
                                          "Planning Committee (Kestrel Vale Borough Council)"}


def test_meetings_toml_supplies_committee_council_and_url_the_text_lacks(fixture_index):
    index, _ = fixture_index
    record = next(r for r in Assistant.open(index).meetings() if r.id == "harbourside-hcsp-autumn-table")
    assert record.committee == "Harbourside Community Safety Partnership"
    assert record.council == "Harbourside Borough Council"
    assert record.url == "https://democracy.harbourside.example/ieListDocuments.aspx?MId=2211"
    assert record.date is None and record.date_source is None


def test_hits_carry_the_pages_link_and_hash_of_their_source(fixture_index, fixture_folder):
    import hashlib

    bot = Assistant.open(fixture_index[0])
    pdf = next(h for h in bot.search("school places contribution Vale Road", k=3) if h.item == "PC/23/24")
    assert pdf.pages == (1, 2) and pdf.council == "Kestrel Vale Borough Council"
    assert pdf.source_hash == hashlib.sha256(Path(pdf.source).read_bytes()).hexdigest()
    page = next(h for h in bot.search("bus depot Mill Lane", k=3) if h.item == "PC/14/24")
    assert page.link == "https://democracy.kestrelvale.example/ieListDocuments.aspx?CId=14&MId=3310"
    assert page.pages == ()


def test_a_meeting_whose_id_changes_replaces_its_old_record(tmp_path, embedder):
    folder = _two_files(tmp_path / "minutes")
    bot = _bot(tmp_path / "index", embedder)
    bot.ingest([folder], progress=False)
    (folder / "meetings.toml").write_text('[folder]\ncouncil = "Harbourside Borough Council"\n')
    bot.ingest([folder], progress=False)
    ids = sorted(r.id for r in bot.meetings())
    assert ids == ["harbourside-safer-stockton-partnership-2022-01-11", "harbourside-safer-stockton-partnership-2023-07-19"]
