"""The eval gate: the extractive mode must meet eval/thresholds.toml on the question set."""
from __future__ import annotations

import pytest

from assistant import Assistant
from eval.metrics import fact_present, normalise
from eval.questions import Gold, load_questions
from eval.run import gate, run_eval, table

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def result(data_index):
    return run_eval(Assistant.open(data_index), load_questions())


def test_extractive_mode_meets_every_threshold(result):
    failures = gate(result.summary)
    assert not failures, "\n".join(failures) + "\n\n" + table(result)


def test_question_set_covers_every_kind_of_question():
    questions = load_questions()
    kinds = [q.type for q in questions]
    assert len(questions) >= 60 and kinds.count("unanswerable") >= 10
    assert {"factual", "numeric", "meeting", "cross"} <= set(kinds)


@pytest.mark.parametrize("fact, answer", [("1 million", "£1m"), ("1,000,000", "1 million"), ("41.6%", "a 41.6% drop.")])
def test_fact_matching_ignores_number_formats_and_punctuation(fact, answer):
    assert fact_present(fact, answer)


def test_fact_matching_does_not_match_part_of_a_number():
    assert not fact_present("1.6%", "a 41.6% drop")
    assert normalise("Half an HOUR.") == "half an hour"


def test_gold_header_matches_only_the_attendance_chunk():
    gold = Gold(meeting="m", item="header")
    assert gold.matches("m", None, 0, "header") and not gold.matches("m", "1", 1)


def test_gate_reports_a_metric_below_its_threshold(tmp_path):
    limits = tmp_path / "limits.toml"
    limits.write_text('[extractive]\n"hit@5" = 0.95\nfalse_refusal_rate = 0.05\n')
    failures = gate({"hit@5": 0.9, "false_refusal_rate": 0.1}, limits)
    assert len(failures) == 2 and "hit@5 = 0.900, below" in failures[0]
