"""Optional answer-writing models, behind one small interface.

No model is used unless configured (``--llm``, ``MINUTES_LLM`` or the config
file), and nothing is downloaded: a GGUF backend needs a file on disk, an
OpenAI-compatible backend needs the URL of a server someone runs on purpose.

Specs: ``gguf:/path/to/model.gguf`` or ``openai:http://127.0.0.1:8080/v1#model-name``
(an API key, if the server wants one, comes from ``MINUTES_LLM_API_KEY``).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator, Protocol


class LLMError(ValueError):
    """A model spec that cannot be used, or a model that failed; the message says which and why."""


class LLM(Protocol):
    """What the answerer needs from a model: a name for `Answer.mode`, and streamed text."""

    name: str

    def stream(self, system: str, user: str) -> Iterator[str]:
        """Text pieces of the reply to one system + user exchange, as they are produced."""


def load_llm(spec: str) -> LLM:
    """The backend a spec names; `LLMError` for a malformed spec or a missing model file."""
    kind, _, rest = spec.partition(":")
    if kind == "gguf" and rest:
        from assistant.llm.backends import GGUFBackend

        return GGUFBackend(Path(rest).expanduser())
    if kind == "openai" and rest:
        base_url, _, model = rest.partition("#")
        if not base_url.startswith(("http://", "https://")) or not model:
            raise LLMError(f"'{spec}': an OpenAI-compatible spec is openai:BASE_URL#MODEL, e.g. "
                           "openai:http://127.0.0.1:8080/v1#qwen2.5-7b-instruct")
        from assistant.llm.backends import OpenAICompatibleBackend

        return OpenAICompatibleBackend(base_url, model, os.environ.get("MINUTES_LLM_API_KEY"))
    raise LLMError(f"'{spec}' is not a model spec: use gguf:PATH or openai:BASE_URL#MODEL")
