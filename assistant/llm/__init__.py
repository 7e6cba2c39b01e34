"""Optional answer-writing models, behind one small interface.

No model is used unless configured (``--llm``, ``MINUTES_LLM`` or the config
file), and nothing is downloaded: a GGUF backend needs a file on disk, an
OpenAI-compatible backend needs the URL of a server someone runs on purpose.

Specs: ``gguf:/path/to/model.gguf`` or ``openai:http://127.0.0.1:8080/v1#model-name``
(an API key, if the server wants one, comes from ``MINUTES_LLM_API_KEY``).
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from assistant.errors import LLMError


class LLM(Protocol):
    """What the answerer needs from a model: a name for `Answer.model`, and streamed text."""

    name: str

    def stream(self, system: str, user: str) -> Iterator[str]:
        """Text pieces of the reply to one system + user exchange, as they are produced."""


def check_llm_spec(spec: str) -> tuple[str, str, str]:
    """``(kind, location, model)`` for a well-formed spec; `LLMError` otherwise. Cheap: loads nothing.

    Checked when an `Assistant` is built, so a bad ``--llm`` fails at once
    rather than on the first answer that would use the model.
    """
    kind, _, rest = spec.partition(":")
    if kind == "gguf" and rest:
        path = Path(rest).expanduser()
        if not path.is_file():
            raise LLMError(f"no GGUF model file at {path}")
        return kind, str(path), path.name
    if kind == "openai" and rest:
        base_url, _, model = rest.partition("#")
        if not base_url.startswith(("http://", "https://")) or not model:
            raise LLMError(f"'{spec}': an OpenAI-compatible spec is openai:BASE_URL#MODEL, e.g. "
                           "openai:http://127.0.0.1:8080/v1#qwen2.5-7b-instruct")
        return kind, base_url, model
    raise LLMError(f"'{spec}' is not a model spec: use gguf:PATH or openai:BASE_URL#MODEL")


def load_llm(spec: str) -> LLM:
    """The backend a spec names; `LLMError` for a malformed spec, a missing file or a missing extra."""
    kind, location, model = check_llm_spec(spec)
    if kind == "gguf":
        from assistant.llm.backends import GGUFBackend

        return GGUFBackend(Path(location))
    from assistant.llm.backends import OpenAICompatibleBackend

    return OpenAICompatibleBackend(location, model, os.environ.get("MINUTES_LLM_API_KEY"))
