"""Hostile minutes text costs time in proportion to its size, never to its square.

A pattern that backtracks over a long run (one 50,000-letter word once cost 26 s per call) turns
one bad file into minutes of work for every question. Each hostile 1 MB document goes through
what ingest and ask do to text and may cost at most `RATIO` times what a normal 1 MB document of
minutes costs. The bound is generous, so a loaded machine passes; a quadratic pattern on 1 MB
misses it by hundreds of times. CPU time of this process is measured, not wall time, so other
work on the machine does not count.
"""
from __future__ import annotations

import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from assistant import Assistant
from assistant.answer_type import AnswerType, holds
from assistant.grounding import check
from assistant.sentences import sentences
from assistant.settings import Settings
from assistant.terms import TermStats, terms
from ingest.chunk import chunk_meeting
from ingest.facts import extract_facts
from ingest.parse import parse_minutes

from conftest import DATA

MB = 1_000_000
RATIO = 10
_ANSWER_SENTENCES = 6  # an answer checks this many sentences against their passage
_WANTED = terms("how many bikes were seized in 2023")


def _megabyte(unit: str) -> str:
    return (unit * (MB // len(unit) + 1))[:MB]


NORMAL = _megabyte((DATA / "safer-stockton-partnership-2012-08-14.txt").read_text(encoding="utf-8") + "\n\n")


def _process(text: str, count_tokens) -> None:
    """What ingest and ask do to a document's text, short of the model and the index."""
    meeting = parse_minutes(text, "minutes.txt")
    extract_facts(meeting)
    chunk_meeting(meeting, count_tokens)
    stats = TermStats([f"{item.title}\n{item.text}" for item in meeting.items])
    for item in meeting.items:
        found = sentences(item.text)
        for sentence in found:
            stats.overlap(_WANTED, sentence)
            for kind in AnswerType:
                holds(kind, sentence, _WANTED)
        for sentence in found[:_ANSWER_SENTENCES]:
            check(sentence, item.text)


def _cpu_seconds(text: str, count_tokens) -> float:
    started = time.process_time()
    _process(text, count_tokens)
    return time.process_time() - started


@pytest.fixture(scope="module")
def count_tokens(embedder):
    return embedder.count_tokens  # the model's tokenizer alone: the model itself is not loaded


@pytest.fixture(scope="module")
def normal_seconds(count_tokens) -> float:
    _process("Warm up. The stemmer and stop words load once.", count_tokens)
    return _cpu_seconds(NORMAL, count_tokens)


@pytest.mark.parametrize("name, text", [
    ("one word", "a" * MB),
    ("one line of words", _megabyte("word ")),
    ("one run of spaces", "Word" + "\u2003" * MB + "x"),
])
def test_a_megabyte_word_line_or_space_costs_about_what_normal_minutes_cost(normal_seconds, count_tokens, name, text):
    assert _cpu_seconds(text, count_tokens) <= RATIO * normal_seconds, name


# Pieces that tripped, or could trip, a backtracking pattern: runs of letters, of wide spaces, of
# abbreviations, of attendance "and"s, of table pipes, of capitalised words.
_PIECES = ["a", "A", "-", ".", " ", "\u2003", "\t", "\n", "1", "(", ")", "|", ",", "[", "]", "£", "%",
           " and ", "Mr. ", "The ", "Present: ", "A meeting of ", "pdf icon ", "AGREED ", "SSP/4/23", " - Monday"]


@pytest.mark.slow
@settings(max_examples=6, deadline=None, derandomize=True)
@given(unit=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6).map("".join))
@example(unit="-social")
@example(unit="Mr. ")
@example(unit="Cllr A and ")
@example(unit="The ")
@example(unit="Anti Social Behaviour (ASB) ")
@example(unit="12 March 2024 ")
@example(unit="1.")
def test_any_repeated_piece_of_text_costs_about_what_normal_minutes_cost(normal_seconds, count_tokens, unit):
    assert _cpu_seconds(_megabyte(unit), count_tokens) <= RATIO * normal_seconds


def _first_answer_seconds(index, embedder) -> float:
    """CPU time of the first question to a fresh assistant, which also builds its keyword index."""
    bot = Assistant(Settings(index_dir=index), embedder=embedder)
    started = time.process_time()
    answer = bot.ask("What was said about anti-social behaviour?")
    assert not answer.refused
    return time.process_time() - started


@pytest.mark.slow
def test_a_megabyte_word_or_line_in_the_index_does_not_slow_questions(tmp_path, embedder):
    normal, hostile = tmp_path / "normal", tmp_path / "hostile"
    for folder in (normal, hostile):
        folder.mkdir()
        (folder / "minutes.txt").write_text(NORMAL[:20_000], encoding="utf-8")
    (hostile / "one-word.txt").write_text("a" * MB, encoding="utf-8")
    (hostile / "one-line.txt").write_text(" ".join(["b" * 50_000] * 20), encoding="utf-8")  # one line, long words
    for folder in (normal, hostile):
        summary = Assistant(Settings(index_dir=folder / "index"), embedder=embedder).ingest([folder], progress=False)
        assert not summary.errors
    _first_answer_seconds(normal / "index", embedder)  # the question encoder loads once
    assert _first_answer_seconds(hostile / "index", embedder) <= RATIO * _first_answer_seconds(
        normal / "index", embedder)
