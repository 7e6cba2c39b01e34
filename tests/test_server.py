"""With a Chroma server: nothing written to the working directory, and a server that dies is one sentence."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import StoreError
from assistant.settings import Settings
from assistant.stores.chroma import ChromaVectors
from assistant.stores.index import CatalogIndex, catalog_path

from conftest import DATA, free_port

pytestmark = pytest.mark.slow

CHROMA = Path(sys.executable).with_name("chroma")


@pytest.fixture
def server(tmp_path):
    """A real `chroma run` on 127.0.0.1 (the process, and its port), stopped after the test."""
    port = free_port()
    process = subprocess.Popen([str(CHROMA), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=os.environ | {"ANONYMIZED_TELEMETRY": "False"})
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2).read()
            break
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, "chroma did not start"
            time.sleep(0.3)
    yield process, port
    if process.poll() is None:
        process.kill()
        process.wait()


def _folder(tmp_path: Path, copies: int) -> Path:
    folder = tmp_path / "minutes"
    folder.mkdir()
    for copy in range(copies):
        for source in sorted(DATA.glob("*.txt")):
            (folder / f"{source.stem}-{copy}.txt").write_text(source.read_text(encoding="utf-8") + f"\nCopy {copy}.\n")
    return folder


def test_server_mode_keeps_its_cache_where_the_settings_say_not_in_the_working_directory(
        tmp_path, server, embedder, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    _, port = server
    default = Assistant(Settings.load(chroma_host="127.0.0.1", chroma_port=port), embedder=embedder)
    assert not default.ingest([DATA], progress=False).errors
    assert not (tmp_path / "index").exists()
    assert (tmp_path / "user-cache" / "minutes" / "embedding-cache.sqlite3").is_file()
    assert (tmp_path / "user-cache" / "minutes" / f"catalog-127.0.0.1-{port}-minutes.sqlite3").is_file()
    chosen = Settings.load(chroma_host="127.0.0.1", chroma_port=port, cache_dir=tmp_path / "chosen")
    again = Assistant(chosen, embedder=embedder).ingest([DATA], progress=False)
    # Another cache folder is another catalog: the meetings are indexed again there, over the same vector ids.
    assert again.meetings == 5 and (tmp_path / "chosen" / f"chroma-127.0.0.1-{port}.lock").exists()
    assert (tmp_path / "chosen" / f"catalog-127.0.0.1-{port}-minutes.sqlite3").is_file()


class _ServerDiesMidIngest(ChromaVectors):
    """The real vector engine; the real server is killed just before the ingest writes its vectors."""

    def __init__(self, settings: Settings, server: subprocess.Popen) -> None:
        super().__init__(settings)
        self.server = server

    def add(self, *args) -> None:
        self.server.kill()
        self.server.wait()
        super().add(*args)


def test_a_server_killed_mid_ingest_is_one_sentence_not_a_traceback(tmp_path, server, embedder):
    process, port = server
    settings = Settings(chroma_host="127.0.0.1", chroma_port=port, cache_dir=tmp_path / "cache")
    folder = _folder(tmp_path, copies=1)
    with pytest.raises(StoreError) as lost:
        store = CatalogIndex(catalog_path(settings), _ServerDiesMidIngest(settings, process))
        Assistant(settings, store=store, embedder=embedder).ingest(
            [folder], progress=False)
    message = str(lost.value)
    assert message.startswith(f"lost the connection to the index at chroma://127.0.0.1:{port}") and "\n" not in message
    assert "running the ingest again finishes the rest" in message


def test_the_cli_reports_a_server_that_is_gone_in_one_line(tmp_path, server):
    process, port = server
    process.kill()
    process.wait()
    (tmp_path / "minutes").mkdir()
    shutil.copy(DATA / "safer-stockton-partnership-2022-01-11.txt", tmp_path / "minutes")
    result = subprocess.run([str(Path(sys.executable).with_name("minutes")), "ingest", str(tmp_path / "minutes"),
                             "--chroma-host", "127.0.0.1", "--chroma-port", str(port)],
                            capture_output=True, text=True, cwd=tmp_path,
                            env=os.environ | {"MINUTES_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"Error: cannot open the index at chroma://127.0.0.1:{port}")
    assert not (tmp_path / "index").exists()
