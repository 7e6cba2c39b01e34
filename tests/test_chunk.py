"""One chunk per agenda item, split at sentences only when the model could not read it whole."""
from __future__ import annotations

import pytest

from ingest.chunk import chunk_meeting
from ingest.parse import parse_minutes

from conftest import DATA


@pytest.fixture(scope="module")
def chunked(embedder):
    out = {}
    for path in sorted(DATA.glob("*.txt")):
        meeting = parse_minutes(path.read_text(encoding="utf-8"), str(path))
        out[meeting.id] = (meeting, chunk_meeting(meeting, embedder.count_tokens, embedder.window))
    return out


def test_every_item_has_chunks_and_short_items_have_exactly_one(chunked, embedder):
    for meeting, chunks in chunked.values():
        for item in meeting.items:
            parts = [c for c in chunks if c.item_position == item.position]
            assert parts and all(c.parts == len(parts) for c in parts)
            if embedder.count_tokens(f"{item.title}\n{item.text}") < 150:
                assert len(parts) == 1


def test_no_chunk_exceeds_the_embedding_window(chunked, embedder):
    for _, chunks in chunked.values():
        for chunk in chunks:
            assert embedder.count_tokens(chunk.embed_text) + 2 <= embedder.window


def test_long_items_split_into_overlapping_sentence_aligned_parts(chunked):
    meeting, chunks = chunked["safer-stockton-partnership-2017-02-14"]
    parts = [c for c in chunks if c.item_number == "12"]
    assert len(parts) >= 2
    for first, second in zip(parts, parts[1:]):
        assert second.text.split(". ")[0] in first.text  # the next part starts with a sentence already seen
        assert first.text.rstrip().endswith((".", ":", "-", ")"))


def test_every_chunk_quotes_its_item_verbatim(chunked):
    for meeting, chunks in chunked.values():
        for chunk in chunks:
            if chunk.kind == "header":
                assert chunk.text in meeting.header
            else:
                item = meeting.items[chunk.item_position - 1]
                assert chunk.text in f"{item.title}\n{item.text}".strip()


def test_attendance_header_is_a_chunk_of_its_own_kind(chunked):
    meeting, chunks = chunked["safer-stockton-partnership-2012-08-14"]
    header = [c for c in chunks if c.kind == "header"]
    assert header and header[0].item_position == 0 and "Geoff Lee (Chairman)" in header[0].text


def test_context_line_names_committee_date_and_item(chunked):
    _, chunks = chunked["safer-stockton-partnership-2023-07-19"]
    chunk = next(c for c in chunks if c.item_number == "SSP/4/23")
    assert chunk.embed_text.startswith(
        "Safer Stockton Partnership, 19 Jul 2023, item SSP/4/23: Anti-Social Behaviour Action Plan\n")
    _, undated = chunked["safer-stockton-partnership-undated-op-harmony"]
    assert next(c for c in undated if c.item_position == 4).ref.context == "Unknown committee, date not stated, item 4 (unnumbered): Op Harmony Update"


def words(text: str) -> int:
    return len(text.split())


def test_split_parts_are_exact_slices_that_cover_every_sentence_and_overlap_by_one():
    from ingest.chunk import _split

    text = " ".join(f"Sentence {n} has five words." for n in range(1, 13))
    parts = _split(text, words, budget=12)
    assert all(part in text and words(part) <= 12 for part in parts)
    assert all(f"Sentence {n} " in "".join(parts) for n in range(1, 13))
    for first, second in zip(parts, parts[1:]):
        assert first.endswith(second.split(".")[0] + ".")  # the next part repeats the last sentence


def test_a_sentence_longer_than_the_budget_is_cut_at_words_without_losing_any():
    from ingest.chunk import _split

    text = "Present: " + ", ".join(f"Member{n}" for n in range(60)) + "."
    parts = _split(text, words, budget=10)
    assert len(parts) > 1 and all(words(part) <= 10 for part in parts)
    assert all(part in text for part in parts)
    assert set(text.split()) == set(" ".join(parts).split())  # parts overlap, but no word is lost
