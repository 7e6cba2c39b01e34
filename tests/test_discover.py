"""Finding the files to ingest: what cannot be read is said, and file names cannot forge output lines."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.discover import discover

MINUTES = Path(sys.executable).with_name("minutes")


def _run(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, str(MINUTES), *args], capture_output=True, text=True)


def test_files_are_found_recursively_and_hidden_ones_left_out(tmp_path):
    (tmp_path / "2023").mkdir()
    for name in ("a.txt", "2023/b.html", ".hidden.txt", "notes.docx"):
        (tmp_path / name).write_text("x")
    found = discover([tmp_path])
    assert [p.name for p in found.files] == ["b.html", "a.txt"] and not found.errors and not found.warnings


def test_a_symlink_loop_is_reported_not_followed_forever(tmp_path):
    (tmp_path / "minutes").mkdir()
    (tmp_path / "minutes" / "a.txt").write_text("x")
    (tmp_path / "minutes" / "again").symlink_to(tmp_path / "minutes")
    (tmp_path / "minutes" / "x.txt").symlink_to("y.txt")
    (tmp_path / "minutes" / "y.txt").symlink_to("x.txt")
    found = discover([tmp_path / "minutes"])
    assert [p.name for p in found.files] == ["a.txt"]
    assert any("again: symlink loop" in error for error in found.errors)
    assert any("x.txt: symlink loop" in error for error in found.errors)


def test_a_link_to_nothing_and_a_folder_named_like_minutes_are_reported(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (tmp_path / "2024.txt").mkdir()
    (tmp_path / "2024.txt" / "inside.txt").write_text("x")
    found = discover([tmp_path])
    assert [p.name for p in found.files] == ["inside.txt"]
    assert [e for e in found.errors if "gone.txt: a link to nothing" in e]
    assert [w for w in found.warnings if "2024.txt: a folder, not a minutes file" in w]


def _no_root_override() -> tuple[str, ...]:
    """A command prefix under which root, too, is refused an unreadable folder (as any other user is)."""
    if os.geteuid() != 0:
        return ()
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be enforced")
    return ("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--")


def test_an_unreadable_folder_is_an_error_and_exit_status_1(tmp_path):
    locked = tmp_path / "minutes" / "locked"
    locked.mkdir(parents=True)
    (locked / "secret.txt").write_text("x")
    locked.chmod(0)
    try:
        result = _run("ingest", str(tmp_path / "minutes"), "--index", str(tmp_path / "index"),
                      prefix=_no_root_override())
    finally:
        locked.chmod(0o755)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"error: {locked}: cannot read folder (Permission denied)" in result.stderr


def test_a_newline_in_a_file_name_cannot_forge_an_output_line(tmp_path):
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "empty\nerror: forged.txt").write_bytes(b"")
    result = _run("ingest", str(folder), "--index", str(tmp_path / "index"))
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        f"error: {folder}/empty\\nerror: forged.txt: no text found (empty file, or a scanned PDF without a text layer)"]

