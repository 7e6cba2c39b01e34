"""The eval gate: the extractive mode must meet eval/thresholds.toml on the question set."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.answer import Answer, Citation
from assistant.errors import UnknownMeeting
from eval.metrics import (
    chronological,
    fact_present,
    first_sentence_fact,
    no_attendance_dump,
    normalise,
    summary_has_decision,
)
from eval.questions import (
    DEFAULT_QUESTIONS,
    HELDOUT_QUESTIONS,
    KINDS,
    Gold,
    Question,
    QuestionSetError,
    load_questions,
)
from eval.run import by_kind, gate, kind_table, run_eval, table
from ingest.parse import parse_minutes
from ingest.read import document_text

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def result(data_index):
    """The gated questions only: the rest are measured by `minutes eval`, and would only slow the suite."""
    return run_eval(Assistant.open(data_index), [q for q in load_questions() if q.gate])


@pytest.mark.slow
def test_extractive_mode_meets_every_threshold(result):
    failures = gate(result.summary)
    assert not failures, "\n".join(failures) + "\n\n" + table(result)


class _SilentBot:
    """Refuses everything and holds no meetings: enough for run_eval's bookkeeping."""

    def warm(self) -> None:
        pass

    def ask(self, question: str, k: int = 5) -> Answer:
        return Answer(question=question, text="Not in the minutes.", refused=True, citations=[])

    def search(self, question: str, k: int = 5) -> list:
        return []

    def meeting(self, meeting_id: str):
        raise UnknownMeeting(meeting_id)


def test_summary_scores_only_gated_questions_and_the_kind_table_all():
    gated, outside = _question("summary", ("x",)), replace(_question("unanswerable", gold=()), gate=False)
    result = run_eval(_SilentBot(), [gated, outside])
    assert result.summary["questions"] == 1 and result.summary["false_refusal_rate"] == 1.0
    assert result.by_kind["all"]["n"] == 2 and result.by_kind["not gated"]["refusal_correct"] == 1.0
    assert result.by_kind["summary"]["fact_recall"] == 0.0 and "unanswerable" in result.by_kind


def test_question_set_covers_every_kind_of_question():
    questions = load_questions()
    kinds = [q.kind for q in questions]
    assert len(questions) >= 60 and kinds.count("unanswerable") >= 10
    assert set(kinds) == set(KINDS)
    assert [q.id for q in questions] == [f"q{n:03d}" for n in range(1, len(questions) + 1)]


def test_heldout_set_is_h271_to_h295_of_every_kind_apart_from_the_default_set():
    heldout = load_questions(HELDOUT_QUESTIONS)
    assert [q.id for q in heldout] == [f"h{n:03d}" for n in range(271, 296)]
    assert {q.kind for q in heldout} == set(KINDS)
    assert not {q.question.lower() for q in heldout} & {q.question.lower() for q in load_questions()}


@pytest.mark.parametrize("path", [DEFAULT_QUESTIONS, HELDOUT_QUESTIONS], ids=["in-sample", "held-out"])
def test_every_key_fact_occurs_in_its_gold_items_as_parsed(path):
    parsed = [parse_minutes(document_text(file, file.read_bytes()), str(file)) for file in DATA.glob("*.txt")]
    meetings = {meeting.id: meeting for meeting in parsed}
    missing = []
    for question in load_questions(path):
        passages = []
        for gold in question.gold:
            meeting = meetings[gold.meeting]
            item = gold.agenda_item(meeting)
            assert gold.item == "header" or item is not None, f"{question.id}: no item {gold.key}"
            passages.append(meeting.header if item is None else f"{item.title}\n{item.text}")
        missing += [(question.id, fact) for fact in question.facts if not any(fact_present(fact, p) for p in passages)]
    assert not missing


def test_a_question_without_kind_gets_one_from_its_type(tmp_path):
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps({"id": "x", "question": "?", "type": "cross", "gold": [{"meeting": "m", "item": "1"}]}))
    assert load_questions(path)[0].kind == "meetings" and load_questions(path)[0].gate


def test_kind_and_type_must_agree_on_unanswerable(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "question": "?", "type": "unanswerable", "kind": "fact"}))
    with pytest.raises(QuestionSetError, match="bad.jsonl:1: kind and type"):
        load_questions(path)


@pytest.mark.parametrize("fact, answer", [("1 million", "£1m"), ("1,000,000", "1 million"), ("41.6%", "a 41.6% drop."),
                                          ("Cllr Ken Lupton", "Councillor Ken Lupton attended")])
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


# Answer-shape checks, on hand-made answers.

def _question(kind: str, facts: tuple[str, ...] = (), gold: tuple[Gold, ...] = (Gold("m", "1"),)) -> Question:
    return Question("x", "?", "unanswerable" if kind == "unanswerable" else "factual", gold, facts, kind=kind)


def _citation(number: int, position: int = 1, date: dt.date | None = dt.date(2020, 1, 1)) -> Citation:
    return Citation(meeting_id="m", committee="C", date=date, item=str(position), item_position=position,
                    item_title="t", source="s", quote="q", number=number)


def _answer(text: str, *citations: Citation) -> Answer:
    return Answer(question="?", text=text, refused=False, citations=list(citations))


def test_first_sentence_fact_wants_the_fact_before_anything_else():
    question = _question("fact", ("1 million",))
    assert first_sentence_fact(question, _answer("Cleveland got 1 million in funding. [1] More. [1]", _citation(1)))
    assert not first_sentence_fact(question, _answer("Officers presented a plan. [1] It had £1m. [1]", _citation(1)))
    assert first_sentence_fact(_question("summary", ("1 million",)), _answer("x [1]", _citation(1))) is None


def test_a_refused_answer_has_no_fact_first():
    refusal = Answer(question="?", text="1 million is not in the minutes.", refused=True, citations=[])
    assert first_sentence_fact(_question("who", ("1 million",)), refusal) is False


def test_summary_has_decision_accepts_the_decision_in_other_words_only():
    question = _question("summary", ("x",), (Gold("m", "1"), Gold("m", "2")))
    decisions = [("AGREED that the Migration Fund application be approved.",), ()]
    restated = _answer("Members agreed to approve the Migration Fund application. [1]", _citation(1))
    assert summary_has_decision(question, restated, decisions) == 1.0
    assert summary_has_decision(question, _answer("A report on migration was given. [1]", _citation(1)), decisions) == 0.0
    assert summary_has_decision(question, restated, [(), ()]) is None


def test_no_attendance_dump_fails_a_header_only_answer_unless_attendance_is_asked_for():
    header_only = _answer("Present: Tony Churchill (Cleveland Fire Brigade) [1]", _citation(1, position=0))
    assert no_attendance_dump(_question("unanswerable", gold=()), header_only) is False
    assert no_attendance_dump(_question("fact"), _answer("x [1] y [2]", _citation(1, 0), _citation(2, 3))) is True
    assert no_attendance_dump(_question("who"), header_only) is None
    assert no_attendance_dump(_question("when", gold=(Gold("m", "header"),)), header_only) is None


def test_chronological_wants_oldest_first_and_undated_last():
    question = _question("meetings")
    old, new, undated = _citation(1, date=dt.date(2012, 8, 14)), _citation(2, date=dt.date(2023, 7, 19)), _citation(3, date=None)
    assert chronological(question, _answer("a [1] b [2] c [3]", old, new, undated))
    assert not chronological(question, _answer("b [1] a [2] c [3]", replace(old, number=2), replace(new, number=1), undated))
    assert chronological(_question("summary"), _answer("a [1] b [2]", new, old)) is None


def test_kind_table_shows_a_dash_where_a_check_does_not_apply():
    rows = by_kind([])
    assert rows == {"all": {"n": 0.0} | dict.fromkeys(rows["all"].keys() - {"n"})}
    lines = kind_table(rows).splitlines()
    assert lines[0].split()[:3] == ["kind", "n", "facts"] and re.fullmatch(r"all\s+0(\s+-){7}", lines[1])
