"""A NumPy forward pass for BERT-family sentence-transformers models (MiniLM and kin).

Why: importing sentence-transformers and torch costs ~6.5 s, which would make
every ``minutes ask`` start slowly just to embed one short question. This
reads the same safetensors weights and the same tokenizer and computes the
same vector (mean pooling, unit length) in a few milliseconds after a
0.1 s import. Bulk embedding at ingest still uses sentence-transformers,
which is faster in batches; the tests check that the two agree.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np


class NumpyBert:
    """Embeds texts with a BERT encoder + mean pooling + L2 normalisation."""

    def __init__(self, model_dir: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((model_dir / "config.json").read_text())
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        self.eps = config["layer_norm_eps"]
        self.w = load_file(str(model_dir / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        max_length = json.loads((model_dir / "sentence_bert_config.json").read_text())["max_seq_length"]
        self.tokenizer.enable_truncation(max_length)
        self.tokenizer.no_padding()

    @classmethod
    def supports(cls, model_dir: Path) -> bool:
        """True for a BERT model whose sentence-transformers pipeline is mean pooling then Normalize."""
        try:
            config = json.loads((model_dir / "config.json").read_text())
            modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((model_dir / "modules.json").read_text())]
            pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
        except (OSError, ValueError, KeyError):
            return False
        return (
            config.get("model_type") == "bert"
            and config.get("hidden_act") == "gelu"
            and config.get("position_embedding_type", "absolute") == "absolute"
            and modules == ["Transformer", "Pooling", "Normalize"]
            and pooling.get("pooling_mode_mean_tokens") is True
            and not any(v for k, v in pooling.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens")
            and (model_dir / "model.safetensors").is_file()
            and (model_dir / "tokenizer.json").is_file()
        )

    def embed(self, text: str) -> np.ndarray:
        """The unit-length embedding of one text."""
        ids = np.array(self.tokenizer.encode(text).ids)
        hidden = self._embeddings(ids)
        for layer in range(self.layers):
            hidden = self._layer(hidden, f"encoder.layer.{layer}.")
        pooled = hidden.mean(axis=0)
        return pooled / max(float(np.linalg.norm(pooled)), 1e-12)

    def _embeddings(self, ids: np.ndarray) -> np.ndarray:
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][: len(ids)]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        return self._norm(x, "embeddings.LayerNorm.")

    def _layer(self, x: np.ndarray, p: str) -> np.ndarray:
        attention = self._attention(x, p + "attention.self.")
        x = self._norm(x + self._dense(attention, p + "attention.output.dense."), p + "attention.output.LayerNorm.")
        inner = _gelu(self._dense(x, p + "intermediate.dense."))
        return self._norm(x + self._dense(inner, p + "output.dense."), p + "output.LayerNorm.")

    def _attention(self, x: np.ndarray, p: str) -> np.ndarray:
        length, width = x.shape
        size = width // self.heads

        def split(name: str) -> np.ndarray:
            return self._dense(x, p + name + ".").reshape(length, self.heads, size).transpose(1, 0, 2)

        q, k, v = split("query"), split("key"), split("value")
        scores = q @ k.transpose(0, 2, 1) / np.sqrt(size)
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        return (scores @ v).transpose(1, 0, 2).reshape(length, width)

    def _dense(self, x: np.ndarray, p: str) -> np.ndarray:
        return x @ self.w[p + "weight"].T + self.w[p + "bias"]

    def _norm(self, x: np.ndarray, p: str) -> np.ndarray:
        mean = x.mean(axis=-1, keepdims=True)
        var = x.var(axis=-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * self.w[p + "weight"] + self.w[p + "bias"]


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))
