"""Faults and bad input: killed ingests, unreadable files, concurrent questions."""
from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.settings import Settings

from conftest import DATA

pytestmark = pytest.mark.slow

MINUTES = Path(sys.executable).with_name("minutes")


def _copies(folder: Path, copies: int) -> None:
    """Distinct minutes files (each copy's content differs, so none is a duplicate of another)."""
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        for source in sorted(DATA.glob("*.txt")):
            text = source.read_text(encoding="utf-8") + f"\n\nCopy {copy} of {source.stem}.\n"
            (folder / f"{source.stem}-copy{copy}.txt").write_text(text, encoding="utf-8")


def _ingest(folder: Path, index: Path) -> subprocess.Popen:
    return subprocess.Popen([str(MINUTES), "ingest", str(folder), "--index", str(index)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _state(index: Path) -> tuple[int, int, dict[str, int]]:
    bot = Assistant.open(index)
    records = bot.meetings()
    return len(records), bot.store.chunk_count(), {r.id: r.chunks for r in records}


def test_ingest_killed_at_random_points_finishes_exactly_on_the_next_run(tmp_path):
    folder, index, clean = tmp_path / "minutes", tmp_path / "index", tmp_path / "clean"
    _copies(folder, 4)
    assert subprocess.run([str(MINUTES), "ingest", str(DATA), "--index", str(index)],
                          capture_output=True).returncode == 0
    rng = random.Random(7)
    for _ in range(3):
        process = _ingest(folder, index)
        time.sleep(rng.uniform(2.0, 6.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        # What was indexed before stays answerable after every kill.
        assert "Geoff Lee" in Assistant.open(index).ask("Who chaired the 2012 meeting?").text

    finished = subprocess.run([str(MINUTES), "ingest", str(folder), "--index", str(index)],
                              capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert subprocess.run([str(MINUTES), "ingest", str(folder), "--index", str(clean)],
                          capture_output=True).returncode == 0
    meetings, chunks, per_meeting = _state(index)
    clean_meetings, clean_chunks, clean_per_meeting = _state(clean)
    original = {path.stem for path in DATA.glob("*.txt")}
    copies = {key: value for key, value in per_meeting.items() if key not in original}
    assert copies == clean_per_meeting and clean_meetings == 20
    assert (meetings, chunks) == (25, clean_chunks + sum(v for k, v in per_meeting.items() if k in original))


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "no text found"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("broken.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF", "PDF"),
    ("scan.pdf", None, "without a text layer"),
    ("notes.docx", b"PK\x03\x04", "unsupported file type"),
])
def test_bad_files_are_reported_and_the_rest_of_the_folder_is_indexed(tmp_path, embedder, name, content, message):
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "good.txt").write_text((DATA / "safer-stockton-partnership-2022-01-11.txt").read_text())
    (folder / name).write_bytes(content if content is not None else _image_only_pdf())
    bot = Assistant(Settings.load(index_dir=tmp_path / "index"), embedder=embedder)
    if name.endswith(".docx"):
        # Folders are scanned for minutes types only; a named file of another type is an error.
        summary = bot.ingest([folder / "good.txt", folder / name], progress=False)
    else:
        summary = bot.ingest([folder], progress=False)
    assert len(summary.errors) == 1 and message in summary.errors[0] and name in summary.errors[0]
    assert [r.id for r in bot.meetings()] == ["good"]


def _image_only_pdf() -> bytes:
    """A PDF page with drawing but no text layer, like a scanned document."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())


def test_telemetry_is_off_in_code():
    import os

    import assistant.settings  # noqa: F401 - importing it sets the switches

    assert os.environ["ANONYMIZED_TELEMETRY"] == "False" and os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"
    assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["HF_HUB_DISABLE_TELEMETRY"] == "1"


def test_chroma_client_is_created_with_telemetry_off(tmp_path):
    from assistant.stores.chroma import ChromaVectors

    assert ChromaVectors(Settings(index_dir=tmp_path)).client.get_settings().anonymized_telemetry is False


def test_windows_1252_minutes_are_read(tmp_path, embedder):
    folder = tmp_path / "minutes"
    folder.mkdir()
    text = (DATA / "safer-stockton-partnership-2023-07-19.txt").read_text(encoding="utf-8")
    (folder / "cp1252.txt").write_bytes(text.encode("cp1252", errors="replace"))
    bot = Assistant(Settings.load(index_dir=tmp_path / "index"), embedder=embedder)
    summary = bot.ingest([folder], progress=False)
    assert not summary.errors
    item = bot.meeting("cp1252").item("SSP/4/23")
    assert "“Hotspot”" in item.text


def test_cli_exits_non_zero_when_a_file_fails_but_keeps_the_good_ones(tmp_path):
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "good.txt").write_text((DATA / "safer-stockton-partnership-2022-01-11.txt").read_text())
    (folder / "empty.txt").write_bytes(b"")
    result = subprocess.run([str(MINUTES), "ingest", str(folder), "--index", str(tmp_path / "index")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "empty.txt: no text found" in result.stderr and "Traceback" not in result.stderr
    assert "1 errors" in result.stdout


def test_twenty_concurrent_questions_get_their_own_answers(data_index):
    bot = Assistant.open(data_index)
    bot.warm()
    questions = {
        "What was said about Op Harmony?": "Ropner",
        "Who chaired the 2012 meeting?": "Geoff Lee",
        "How much funding was allocated to Cleveland for ASB hotspot patrols?": "1 million",
        "What did the police say about stop and search success rates?": "30%",
    }
    asked = [q for q in questions for _ in range(5)]
    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(bot.ask, asked))
    for question, answer in zip(asked, answers):
        assert answer.question == question
        assert questions[question] in answer.text


def test_questions_keep_working_while_an_ingest_writes(tmp_path, data_index):
    folder, index = tmp_path / "more", tmp_path / "index"
    _copies(folder, 1)
    shutil.copytree(data_index, index)
    reader = Assistant.open(index)
    reader.warm()
    writer = subprocess.Popen([str(MINUTES), "ingest", str(folder), "--index", str(index)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    answers = []
    while writer.poll() is None:
        answers.append(reader.ask("Who chaired the 2012 meeting?"))
    writer.wait()
    answers.append(reader.ask("Who chaired the 2012 meeting?"))
    assert answers and all("Geoff Lee" in a.text for a in answers)
    assert writer.returncode == 0


def test_a_50_mb_file_is_refused_with_a_message_and_the_rest_still_ingests(tmp_path, embedder):
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "good.txt").write_text((DATA / "safer-stockton-partnership-2022-01-11.txt").read_text())
    with (folder / "huge.txt").open("wb") as huge:
        huge.truncate(50 * 1024 * 1024)
    bot = Assistant(Settings.load(index_dir=tmp_path / "index"), embedder=embedder)
    summary = bot.ingest([folder], progress=False)
    assert len(summary.errors) == 1 and "huge.txt: 50 MB is larger than the 20 MB limit" in summary.errors[0]
    assert [r.id for r in bot.meetings()] == ["good"]


def test_minutes_with_an_enormous_line_and_control_characters_ingest_and_answer(tmp_path, embedder):
    folder = tmp_path / "minutes"
    folder.mkdir()
    noise = "\x07\x1b[31m" + "spam " * 100_000
    text = (DATA / "safer-stockton-partnership-2022-01-11.txt").read_text().replace(
        "10 Any Other Business\n", f"10 Any Other Business\n\n{noise}\n")
    (folder / "long.txt").write_text(text)
    bot = Assistant(Settings.load(index_dir=tmp_path / "index"), embedder=embedder)
    assert not bot.ingest([folder], progress=False).errors
    assert "\x1b" not in bot.meeting("long").item("10").text
    assert "Chris Williamson" in bot.ask("Who gave the presentation on the draft Community Safety Plan?").text


@pytest.mark.parametrize("meeting_id", ["../../etc/passwd", "/etc/passwd", "safer-stockton-partnership-2012-08-14/../x"])
def test_only_indexed_meetings_can_be_opened(data_index, meeting_id):
    from assistant.errors import UnknownMeeting

    with pytest.raises(UnknownMeeting):
        Assistant.open(data_index).meeting(meeting_id)
