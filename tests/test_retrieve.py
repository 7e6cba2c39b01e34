"""Hybrid retrieval's two rules: the question's words in the question's order, and fusion by score.

No model and no store: chunks are made from small meetings and the rankings are given.
"""
from __future__ import annotations

import datetime as dt

from assistant.models import AgendaItem, Chunk, Meeting
from assistant.retrieve import _POOL, fused, in_question_order
from assistant.terms import keyword_terms
from ingest.chunk import chunk_meeting

ASKED = "It was highlighted that 588 referrals had been made since July."


def _chunks(*texts: str) -> list[Chunk]:
    """One item chunk per text, items 1, 2, ... of one meeting."""
    items = tuple(AgendaItem(position, str(position), "Referrals", text) for position, text in enumerate(texts, 1))
    meeting = Meeting(id="m", committee="Board", date=dt.date(2020, 7, 1), source="/m.txt", items=items, header="Board")
    return [chunk for chunk in chunk_meeting(meeting, lambda text: len(text.split())) if chunk.kind == "item"]


def test_a_chunk_holding_the_question_in_order_outranks_one_holding_its_words_more_often():
    repeats, asked = _chunks(
        "It was highlighted that 401 referrals had been made since July, and 588 since May; it was highlighted "
        "that 212 referrals had been made since July.",
        f"{ASKED} Staffing was discussed.")
    ranked = in_question_order([(repeats, 5.0), (asked, 4.0)], keyword_terms(ASKED), lambda term: 1.0)
    assert [chunk.item_position for chunk, _ in ranked] == [2, 1]
    assert ranked[0][1] == 4.0 + len(keyword_terms(ASKED))  # every term of the question, in its order


def test_words_in_order_count_only_as_a_run_of_two_or_more():
    (chunk,) = _chunks("July saw referrals; it was highlighted.")
    assert in_question_order([(chunk, 3.0)], keyword_terms(ASKED), lambda term: 1.0) == [(chunk, 3.0)]


def test_an_item_first_by_keywords_beats_items_tied_in_meaning_and_ranked_in_both():
    """Passages that differ in their figures alone are one point in meaning: their cosines tie, so their
    dense ranks say nothing and the keyword ranking decides (rank fusion put the item last of these)."""
    chunks = _chunks(*(f"Item text {n}." for n in range(_POOL + 1)))
    asked, standing = chunks[0], chunks[1:]
    dense = [(chunk, 0.700 - n * 1e-5) for n, chunk in enumerate(standing)]  # asked is just below the pool
    keyword = [(asked, 10.0)] + [(chunk, 5.0) for chunk in standing[: _POOL - 1]]
    assert fused(dense, keyword, 1)[0].item_position == asked.item_position


def test_a_fused_score_is_each_rankings_share_of_its_best_and_nothing_from_a_short_ranking_without_the_item():
    first, second = _chunks("One.", "Two.")
    hits = fused([(first, 0.8)], [(second, 4.0), (first, 2.0)], 2)
    assert [hit.item_position for hit in hits] == [1, 2]
    assert hits[0].score == 0.5 * 1.0 + 0.5 * 0.5 and hits[1].score == 0.5 * 0.0 + 0.5 * 1.0
