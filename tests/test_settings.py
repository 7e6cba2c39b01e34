"""`Settings`: defaults, then the config file, then the environment, then explicit overrides."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.errors import MinutesError, SettingsError
from assistant.settings import Settings


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for name in ("MINUTES_INDEX", "MINUTES_REFUSAL_THRESHOLD", "MINUTES_LLM", "MINUTES_CONFIG", "MINUTES_CHROMA_HOST"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


def test_defaults_apply_with_no_file_and_no_environment(clean_env):
    settings = Settings.load()
    assert settings.index_dir == Path("index") and settings.refusal_threshold == 0.4 and not settings.uses_server


def test_environment_beats_config_file_and_overrides_beat_both(clean_env, tmp_path):
    (tmp_path / "minutes.toml").write_text('[minutes]\nindex_dir = "from-file"\nrefusal_threshold = 0.3\n')
    assert Settings.load().index_dir == Path("from-file")
    clean_env.setenv("MINUTES_INDEX", "from-env")
    settings = Settings.load()
    assert settings.index_dir == Path("from-env") and settings.refusal_threshold == 0.3
    assert Settings.load(index_dir="from-flag").index_dir == Path("from-flag")
    assert Settings.load(index_dir=None).index_dir == Path("from-env")  # an unset flag overrides nothing


def test_values_are_coerced_to_their_types(clean_env):
    clean_env.setenv("MINUTES_REFUSAL_THRESHOLD", "0.55")
    assert Settings.load(chroma_port="9000").refusal_threshold == 0.55
    assert Settings.load(chroma_port="9000").chroma_port == 9000


@pytest.mark.parametrize("file_text, message", [
    ("nonsense = 1\n", "unknown setting(s): nonsense"),
    ("chroma_port = 'eighty'\n", "setting chroma_port='eighty' is not a valid int"),
    ("index_dir = \n", "config file"),
])
def test_bad_config_is_a_settings_error_meant_for_people(clean_env, tmp_path, file_text, message):
    (tmp_path / "minutes.toml").write_text(file_text)
    with pytest.raises(SettingsError, match=re.escape(message)) as raised:
        Settings.load()
    assert isinstance(raised.value, MinutesError)


def test_loading_settings_leaves_the_process_environment_alone(clean_env):
    import os

    before = dict(os.environ)
    import assistant  # noqa: F401  importing the library must change nothing either
    Settings.load()
    assert dict(os.environ) == before
