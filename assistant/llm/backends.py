"""The two real backends: a local GGUF file through llama.cpp, and any OpenAI-compatible server.

Both go through llama-index's integrations (LlamaCPP, OpenAILike) and are
imported only when configured.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from assistant.errors import LLMError

MAX_TOKENS = 400
CONTEXT_WINDOW = 4096
# Used only when a GGUF file carries no chat template of its own.
_CHATML = ("{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
           "<|im_start|>assistant\n")


class GGUFBackend:
    """A local model file, run on the CPU by llama.cpp, prompted with the file's own chat template."""

    def __init__(self, path: Path, context_window: int = CONTEXT_WINDOW) -> None:
        if not path.is_file():
            raise LLMError(f"no GGUF model file at {path}")
        try:
            from llama_index.llms.llama_cpp import LlamaCPP
        except ImportError as error:
            raise LLMError("the GGUF backend needs the 'llm' extra: pip install -e '.[llm]'") from error
        self.name = f"gguf:{path.name}"
        # model_path is always given: LlamaCPP would otherwise download a default model.
        self._llm = LlamaCPP(
            model_path=str(path), temperature=0.0, max_new_tokens=MAX_TOKENS, context_window=context_window,
            completion_to_prompt=lambda prompt: prompt, verbose=False,
            model_kwargs={"n_threads": os.cpu_count() or 2, "verbose": False},
        )
        metadata = getattr(self._llm._model, "metadata", {}) or {}  # the loaded llama_cpp.Llama
        self._template = metadata.get("tokenizer.chat_template") or _CHATML

    def _prompt(self, system: str, user: str) -> str:
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        template = ImmutableSandboxedEnvironment().from_string(self._template)
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        return template.render(messages=messages, add_generation_prompt=True, bos_token="", eos_token="")

    def stream(self, system: str, user: str) -> Iterator[str]:
        for piece in self._llm.stream_complete(self._prompt(system, user), formatted=True):
            if piece.delta:
                yield piece.delta


class OpenAICompatibleBackend:
    """Ollama, vLLM, llama.cpp's server, LM Studio or a hosted API: whatever the configured URL serves."""

    def __init__(self, base_url: str, model: str, api_key: str | None) -> None:
        from llama_index.llms.openai_like import OpenAILike

        self.name = f"openai:{model}"
        self._llm = OpenAILike(
            api_base=base_url, model=model, api_key=api_key or "not-needed", is_chat_model=True,
            temperature=0.0, max_tokens=MAX_TOKENS, timeout=300, max_retries=1,
            context_window=CONTEXT_WINDOW,
        )

    def stream(self, system: str, user: str) -> Iterator[str]:
        from llama_index.core.llms import ChatMessage

        messages = [ChatMessage(role="system", content=system), ChatMessage(role="user", content=user)]
        try:
            for piece in self._llm.stream_chat(messages):
                if piece.delta:
                    yield piece.delta
        except Exception as error:  # openai raises many types for one cause: the server did not answer
            raise LLMError(f"the model server failed: {error}") from error
