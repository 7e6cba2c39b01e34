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

from assistant.answer_type import AnswerType, holds
from assistant.grounding import check
from assistant.text import TermStats, sentences, terms
from ingest.parse import parse_minutes

from conftest import DATA

MB = 1_000_000
RATIO = 10
_ANSWER_SENTENCES = 6  # an answer checks this many sentences against their passage
_WANTED = terms("how many bikes were seized in 2023")


def _megabyte(unit: str) -> str:
    return (unit * (MB // len(unit) + 1))[:MB]


NORMAL = _megabyte((DATA / "safer-stockton-partnership-2012-08-14.txt").read_text(encoding="utf-8") + "\n\n")


def _process(text: str) -> None:
    """What ingest and ask do to a document's text, short of the model and the index."""
    meeting = parse_minutes(text, "minutes.txt")
    stats = TermStats([f"{item.title}\n{item.text}" for item in meeting.items])
    for item in meeting.items:
        found = sentences(item.text)
        for sentence in found:
            stats.overlap(_WANTED, sentence)
            for kind in AnswerType:
                holds(kind, sentence, _WANTED)
        for sentence in found[:_ANSWER_SENTENCES]:
            check(sentence, item.text)


def _cpu_seconds(text: str) -> float:
    started = time.process_time()
    _process(text)
    return time.process_time() - started


@pytest.fixture(scope="module")
def normal_seconds() -> float:
    _process("Warm up. The stemmer and stop words load once.")
    return _cpu_seconds(NORMAL)


@pytest.mark.parametrize("name, text", [
    ("one word", "a" * MB),
    ("one line of words", _megabyte("word ")),
    ("one hyphenated word", "anti" + _megabyte("-social")),
])
def test_a_megabyte_word_or_line_costs_about_what_normal_minutes_cost(normal_seconds, name, text):
    assert _cpu_seconds(text) <= RATIO * normal_seconds, name


# Pieces that tripped, or could trip, a backtracking pattern: runs of letters, of wide spaces, of
# abbreviations, of attendance "and"s, of table pipes, of capitalised words.
_PIECES = ["a", "A", "-", ".", " ", "\u2003", "\t", "\n", "1", "(", ")", "|", ",", "[", "]", "£", "%",
           " and ", "Mr. ", "The ", "Present: ", "A meeting of ", "pdf icon ", "AGREED ", "SSP/4/23", " - Monday"]


@pytest.mark.slow
@settings(max_examples=12, deadline=None, derandomize=True)
@given(unit=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6).map("".join))
@example(unit="a.")
@example(unit="Aa ")
@example(unit="Mr. ")
@example(unit="Cllr A and ")
@example(unit="The ")
@example(unit="\u2003")
def test_any_repeated_piece_of_text_costs_about_what_normal_minutes_cost(normal_seconds, unit):
    assert _cpu_seconds(_megabyte(unit)) <= RATIO * normal_seconds
