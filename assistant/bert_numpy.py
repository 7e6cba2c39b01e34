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
        self._threads = None

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
        return self.embed_many([text])[0]

    def embed_many(self, texts: list[str]) -> np.ndarray:
        """Unit-length embeddings of several texts in one pass, one row each.

        The texts' tokens run through the dense layers as one matrix (the
        cost is there) while attention stays within each text, so every row
        equals what `embed` gives for that text alone. One BLAS thread: these
        matrices are small, and threads fighting over busy cores cost more
        than they give.
        """
        ids = [np.array(self.tokenizer.encode(text).ids) for text in texts]
        bounds = np.cumsum([0] + [len(row) for row in ids])
        spans = list(zip(bounds[:-1], bounds[1:]))
        with self._one_thread():
            hidden = np.concatenate([self._embeddings(row) for row in ids])
            for layer in range(self.layers):
                hidden = self._layer(hidden, f"encoder.layer.{layer}.", spans)
        pooled = np.stack([hidden[start:end].mean(axis=0) for start, end in spans])
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _one_thread(self):
        from threadpoolctl import ThreadpoolController

        if self._threads is None:
            self._threads = ThreadpoolController()
        return self._threads.limit(limits=1, user_api="blas")

    def _embeddings(self, ids: np.ndarray) -> np.ndarray:
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][: len(ids)]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        return self._norm(x, "embeddings.LayerNorm.")

    def _layer(self, x: np.ndarray, p: str, spans: list[tuple[int, int]]) -> np.ndarray:
        attention = self._attention(x, p + "attention.self.", spans)
        x = self._norm(x + self._dense(attention, p + "attention.output.dense."), p + "attention.output.LayerNorm.")
        inner = _gelu(self._dense(x, p + "intermediate.dense."))
        return self._norm(x + self._dense(inner, p + "output.dense."), p + "output.LayerNorm.")

    def _attention(self, x: np.ndarray, p: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """Self-attention within each span of rows (each text attends to itself only)."""
        width = x.shape[1]
        size = width // self.heads
        q, k, v = (self._dense(x, p + name + ".") for name in ("query", "key", "value"))
        out = np.empty_like(x)
        for start, end in spans:
            qs, ks, vs = (m[start:end].reshape(end - start, self.heads, size).transpose(1, 0, 2) for m in (q, k, v))
            scores = qs @ ks.transpose(0, 2, 1) / np.sqrt(size)
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            out[start:end] = (scores @ vs).transpose(1, 0, 2).reshape(end - start, width)
        return out

    def _dense(self, x: np.ndarray, p: str) -> np.ndarray:
        return x @ self.w[p + "weight"].T + self.w[p + "bias"]

    def _norm(self, x: np.ndarray, p: str) -> np.ndarray:
        mean = x.mean(axis=-1, keepdims=True)
        var = x.var(axis=-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * self.w[p + "weight"] + self.w[p + "bias"]


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)))


# Abramowitz and Stegun 7.1.26: erf within 1.5e-7 everywhere, about float32's own precision. NumPy has no erf,
# and SciPy's would cost a sixth of a second of every ``minutes ask`` to import.
_P = 0.3275911
_A = (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592)


def _erf(x: np.ndarray) -> np.ndarray:
    t = 1.0 / (1.0 + _P * np.abs(x))
    poly = np.zeros_like(t)
    for a in _A:
        poly = (poly + a) * t
    return np.sign(x) * (1.0 - poly * np.exp(-x * x))
