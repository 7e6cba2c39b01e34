"""Question answering over council committee minutes, every sentence cited.

``from assistant import Assistant`` is the public API; the names are loaded
lazily so that importing the package stays cheap.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "Assistant": "assistant.api",
    "UnknownMeeting": "assistant.api",
    "Answer": "assistant.answer",
    "Citation": "assistant.answer",
    "Hit": "assistant.answer",
    "Settings": "assistant.settings",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
