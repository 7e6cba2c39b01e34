"""The `minutes` command: thin, honest about errors, and JSON that matches the API."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main

from conftest import DATA

MINUTES = Path(sys.executable).with_name("minutes")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.model  # the CLI loads the real model itself
def test_ingest_twice_reports_new_then_zero_new_chunks(tmp_path):
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "jan.txt").write_text((DATA / "safer-stockton-partnership-2022-01-11.txt").read_text())
    first = subprocess.run([str(MINUTES), "ingest", str(folder), "--index", str(tmp_path / "i")],
                           capture_output=True, text=True)
    second = subprocess.run([str(MINUTES), "ingest", str(folder), "--index", str(tmp_path / "i")],
                            capture_output=True, text=True)
    assert first.returncode == 0 and "14 new chunks" in first.stdout
    assert second.returncode == 0 and "0 new chunks" in second.stdout and "1 unchanged" in second.stdout


def test_meetings_json_lists_the_five_meetings(data_index):
    result = run("meetings", "--json", "--index", str(data_index))
    rows = json.loads(result.output)
    assert [(r["date"], r["items"]) for r in rows] == [
        ("2012-08-14", 22), ("2017-02-14", 20), ("2022-01-11", 9), ("2023-07-19", 8), (None, 12)]
    assert set(rows[0]) >= {"id", "committee", "date", "items", "chunks", "source"}


def test_show_prints_a_meeting_and_an_item(data_index):
    meeting = run("show", "safer-stockton-partnership-2012-08-14", "--index", str(data_index))
    assert "Chair: Geoff Lee" in meeting.output and "22  Date of next meeting" in meeting.output
    assert "Next meeting: 25 Sep 2012, 1.30 p.m. (from item 22:" in meeting.output
    assert "  Cleveland Police: David Toor, Rob Donaghy" in meeting.output and "Apologies (7):" in meeting.output
    assert "  [item 17] AGREED that:-\n      1. The principle" in meeting.output
    assert "  [item 11] 28.1% (percent):" in meeting.output
    data = json.loads(run("show", "safer-stockton-partnership-2023-07-19", "--json", "--index", str(data_index)).output)
    assert data["facts"]["venue"]["name"].startswith("Meeting Room 1") and data["facts"]["held"]["date"] == "2023-07-19"
    assert {"value": "1 million", "kind": "amount"}.items() <= data["facts"]["figures"][1].items()
    item = run("show", "safer-stockton-partnership-2023-07-19", "SSP/4/23", "--index", str(data_index))
    assert "Anti-Social Behaviour Action Plan" in item.output and "1 million" in item.output
    unnumbered = run("show", "safer-stockton-partnership-undated-op-harmony", "#5", "--index", str(data_index))
    assert "Ropner/Town Centre (Op Harmony) Update" in unnumbered.output


def test_ask_prints_answer_and_sources_and_json(data_index):
    text = run("ask", "Who chaired the 2012 meeting?", "--index", str(data_index))
    assert "Geoff Lee" in text.output and "Sources:" in text.output and "[1] Safer Stockton Partnership, 14 Aug 2012" in text.output
    data = json.loads(run("ask", "What was said about Op Harmony?", "--json", "--index", str(data_index)).output)
    assert data["refused"] is False and data["citations"][0]["label"].startswith("Safer Stockton Partnership")


def test_search_filters_by_date(data_index):
    result = run("search", "crime", "--since", "2022-01-01", "--until", "2022-12-31", "--json", "--index", str(data_index))
    assert {hit["date"] for hit in json.loads(result.output)} == {"2022-01-11"}


def test_errors_are_one_line_and_non_zero(tmp_path, data_index):
    missing = subprocess.run([str(MINUTES), "ingest", str(tmp_path / "nope"), "--index", str(tmp_path / "i")],
                             capture_output=True, text=True)
    assert missing.returncode != 0 and missing.stderr.strip() == f"Error: no such file or folder: {tmp_path / 'nope'}"
    unknown = run("show", "no-such-meeting", "--index", str(data_index))
    assert unknown.exit_code == 1 and "no meeting 'no-such-meeting' in the index" in unknown.output
    bad_item = run("show", "safer-stockton-partnership-2023-07-19", "SSP/99/23", "--index", str(data_index))
    assert bad_item.exit_code == 1 and "has no item 'SSP/99/23'" in bad_item.output
    empty = run("ask", "   ", "--index", str(data_index))
    assert empty.exit_code == 1 and "Please type a question." in empty.output
    bad_date = run("ask", "crime", "--since", "last week", "--index", str(data_index))
    assert bad_date.exit_code == 2 and "Invalid value for '--since'" in bad_date.output


def test_help_does_not_load_heavy_libraries():
    code = ("import sys; from click.testing import CliRunner; from assistant.cli import main; "
            "CliRunner().invoke(main, ['--help']); "
            "print(sorted(m for m in ('torch', 'sentence_transformers', 'gradio', 'chromadb') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_bad_question_file_is_one_line_and_exit_1(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    result = run("eval", "--questions", str(bad), "--index", str(tmp_path / "i"))
    assert result.exit_code == 1 and result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_bad_llm_spec_fails_before_any_answer(tmp_path):
    result = run("ask", "who chaired the meeting?", "--llm", "bogus", "--index", str(tmp_path / "i"))
    assert result.exit_code == 1 and "'bogus' is not a model spec" in result.output
    assert result.output.count("\n") == 1


@pytest.mark.model  # the CLI loads the real model itself
def test_ingest_prints_the_parse_report_and_json_gives_the_same(tmp_path, fixture_folder):
    folder = tmp_path / "minutes"
    shutil.copytree(fixture_folder / "venue-only", folder)
    text = run("ingest", str(folder), "--index", str(tmp_path / "i"))
    assert "Parse report: 1 of 1 files parsed needed a fallback" in text.output
    assert ("minutes/hcsp-autumn-table.txt (pipe-table layout, 4 items): no meeting date in the text; undated; "
            "no committee named in the text; 'Harbourside Community Safety Partnership' from meetings.toml") in text.output
    (folder / "hcsp-autumn-table.txt").write_text((folder / "hcsp-autumn-table.txt").read_text() + "\n")
    data = json.loads(run("ingest", str(folder), "--json", "--index", str(tmp_path / "i")).output)
    assert [(Path(r["file"]).name, r["layout"], r["items"]) for r in data["reports"]] == [
        ("hcsp-autumn-table.txt", "pipe-table", 4)]
    assert data["reports"][0]["notes"][1].endswith("'Harbourside Community Safety Partnership' from meetings.toml")


def test_meetings_json_says_which_line_the_date_came_from(fixture_index):
    rows = {r["id"]: r for r in json.loads(run("meetings", "--json", "--index", str(fixture_index[0])).output)}
    assert rows["hcsp-2025-03-03"]["date_source"] == "Date: Monday, 3rd March, 2025"
    assert rows["hcsp-undated-previous-meeting"]["date"] is None
    assert rows["hcsp-undated-previous-meeting"]["date_source"] is None
    assert rows["kestrel-vale-kvbc-planning-2024-03-12"]["council"] == "Kestrel Vale Borough Council"


def test_show_flags_items_whose_boundaries_were_guessed(fixture_index):
    result = run("show", "hcsp-2024-06-10", "--index", str(fixture_index[0]))
    assert "#2  Apologies for Absence [boundaries guessed from headings]" in result.output
    assert "#3  Declarations of Interest\n" in result.output


def test_filters_the_index_cannot_satisfy_are_one_line_errors(data_index):
    unknown = run("ask", "What was said?", "--meeting", "no-such-meeting", "--index", str(data_index))
    assert unknown.exit_code == 1 and unknown.output.startswith("Error: no meeting 'no-such-meeting' in the index")
    backwards = run("search", "crime", "--since", "2023-01-01", "--until", "2022-01-01", "--index", str(data_index))
    assert backwards.exit_code == 1 and "later than the end date" in backwards.output
    assert unknown.output.count("\n") == backwards.output.count("\n") == 1


def test_meetings_on_a_missing_index_says_so_and_creates_no_folder(tmp_path):
    result = run("meetings", "--index", str(tmp_path / "nonexistent"))
    assert result.exit_code == 0 and "No meetings in the index at" in result.output
    assert not (tmp_path / "nonexistent").exists()
