"""The store seam, through `IndexStore` only: the in-memory store and the SQLite catalog's keyword index.

No model and no Chroma: chunks get tiny hand-made vectors, so these run in `make check`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from assistant.models import AgendaItem, Meeting
from assistant.query import SearchFilters
from assistant.store import IndexStore, MeetingWrite
from assistant.stores.index import CatalogIndex
from assistant.stores.memory import MemoryVectors, memory_store
from assistant.terms import TermStats, keyword_terms, terms
from ingest.chunk import chunk_meeting

TOPICS = ("harmony", "bikes", "budget", "crime")


def _vector(text: str) -> list[float]:
    """A stand-in embedding: how often each topic word occurs (plus a little of everything)."""
    lowered = text.lower()
    return [lowered.count(topic) + 0.01 for topic in TOPICS]


def _meeting(meeting_id: str, date: dt.date | None, *texts: str, committee: str = "Safer Partnership") -> Meeting:
    items = tuple(AgendaItem(position, str(position), f"Item {position}", text)
                  for position, text in enumerate(texts, start=1))
    return Meeting(id=meeting_id, committee=committee, date=date, source=f"/minutes/{meeting_id}.txt", items=items,
                   header=f"{committee}\nPresent: Cllr Ann Bell (Chair)")


def _write(meeting: Meeting, version: str = "1") -> MeetingWrite:
    chunks = chunk_meeting(meeting, lambda text: len(text.split()))
    return MeetingWrite(meeting, f"{version * 12}:shape", chunks, [_vector(chunk.embed_text) for chunk in chunks])


JULY = _meeting("july", dt.date(2023, 7, 19), "Op Harmony patrols in the town centre.", "The police budget rose.")
JANUARY = _meeting("january", dt.date(2022, 1, 11), "Off-road bikes were seized.", "Recorded crime fell by 4%.")
UNDATED = _meeting("undated", None, "Op Harmony began in Ropner Park.", "Bikes and crime in Ropner.")
LICENSING = _meeting("licensing", dt.date(2023, 3, 1), "A licence for late-night bikes repairs.",
                     committee="Licensing Committee")


@pytest.fixture
def store() -> IndexStore:
    store = memory_store()
    store.write([_write(m) for m in (JULY, JANUARY, UNDATED, LICENSING)])
    return store


def _ids(found) -> list[tuple[str, int]]:
    return [(chunk.meeting_id, chunk.item_position) for chunk, _ in found]


def test_meetings_are_listed_oldest_first_with_undated_last(store):
    assert [r.id for r in store.meetings()] == ["january", "licensing", "july", "undated"]
    record = store.meetings()[2]
    assert (record.committee, record.items, record.chunks, record.source) == \
           ("Safer Partnership", 2, 3, "/minutes/july.txt")


def test_meeting_records_list_item_titles_without_parsing_the_meeting(store, tmp_path):
    assert store.meetings()[2].titles == ("Item 1", "Item 2")
    store.write([_write(replace(JULY, items=(AgendaItem(1, "1", "Knife arches", "Arches were discussed."),)), "2")])
    assert store.meetings()[2].titles == ("Knife arches",)
    written_before_titles_were_kept = CatalogIndex(tmp_path / "catalog.sqlite3", MemoryVectors())
    written_before_titles_were_kept.write([_write(JULY)])
    written_before_titles_were_kept.catalog._db.execute("DROP TABLE titles")
    assert CatalogIndex(tmp_path / "catalog.sqlite3", MemoryVectors()).meetings()[0].titles == ("Item 1", "Item 2")


def test_a_meeting_comes_back_as_it_was_written(store):
    assert store.meeting("july") == JULY
    assert store.meeting("nowhere") is None


def test_chunks_of_a_meeting_and_of_one_item_in_order(store):
    assert [c.item_position for c in store.chunks("july")] == [0, 1, 2]
    [item] = store.chunks("july", 2)
    assert item.text == "Item 2\nThe police budget rose." and item.date == dt.date(2023, 7, 19)


def test_dense_search_returns_cosine_similarity_best_first(store):
    found = store.dense_search(_vector("harmony"), 2, SearchFilters())
    assert {chunk.meeting_id for chunk, _ in found} == {"july", "undated"}
    assert found[0][1] == pytest.approx(1.0, abs=1e-3) and found[0][1] >= found[1][1]


@pytest.mark.parametrize("filters, kind, expected", [
    (SearchFilters(meeting="january"), None, {"january"}),
    (SearchFilters(committee="Licensing Committee"), None, {"licensing"}),
    (SearchFilters(since=dt.date(2023, 1, 1)), None, {"july", "licensing"}),
    (SearchFilters(since=dt.date(2023, 1, 1), include_undated=True), None, {"july", "licensing", "undated"}),
    (SearchFilters(until=dt.date(2022, 12, 31)), None, {"january"}),
    (SearchFilters(), "header", {"july", "january", "undated", "licensing"}),
])
def test_filters_apply_inside_both_searches(store, filters, kind, expected):
    dense = store.dense_search(_vector("bikes crime harmony budget"), 50, filters, kind)
    keyword = store.keyword_search("bikes crime harmony budget partnership committee", 50, filters, kind)
    assert {chunk.meeting_id for chunk, _ in dense} == expected
    assert {chunk.meeting_id for chunk, _ in keyword} == expected
    assert kind is None or {chunk.kind for chunk, _ in dense + keyword} == {kind}


@pytest.mark.parametrize("among_at_most", [500, 0], ids=["few pass: searched among", "many pass: over-fetched"])
@pytest.mark.parametrize("filters, kind", [
    (SearchFilters(meeting="january"), None), (SearchFilters(since=dt.date(2023, 1, 1)), "item"),
    (SearchFilters(committee="Licensing Committee"), "header"), (SearchFilters(), "item"),
])
def test_filtered_dense_search_finds_what_the_engine_filtering_itself_finds(store, monkeypatch, among_at_most,
                                                                            filters, kind):
    import assistant.stores.index

    monkeypatch.setattr(assistant.stores.index, "_AMONG_AT_MOST", among_at_most)
    for k in (1, 2, 50):
        found = store.dense_search(_vector("bikes crime"), k, filters, kind)
        engine = store.vectors.nearest(_vector("bikes crime"), k, filters, kind)
        assert [(chunk.id, pytest.approx(score)) for chunk, score in found] == [
            (vector_id, score) for vector_id, score in engine]


def test_keyword_search_ranks_by_bm25_over_stemmed_words(store):
    found = store.keyword_search("Who seized off road bikes?", 3, SearchFilters())
    assert _ids(found)[0] == ("january", 1)  # "seized" meets "seized", "bikes" meets "bikes"
    assert all(score > 0 for _, score in found)
    assert found[0][0].text == "Item 1\nOff-road bikes were seized."


def test_a_figure_is_one_keyword_term_however_its_thousands_are_written():
    store = memory_store()
    store.write([_write(_meeting("m", None, "Crime had risen by 12.4% this year.", "Crime had risen by 12.9%.",
                                 "A grant of £1,250,000 was agreed.", "A grant of £250,000 was agreed."))])
    assert _ids(store.keyword_search("risen by 12.4%", 5, SearchFilters()))[0] == ("m", 1)
    assert len(store.keyword_search("12.4", 5, SearchFilters())) == 1  # not "12" and a dropped "4"
    assert _ids(store.keyword_search("1250000", 5, SearchFilters())) == [("m", 3)]
    assert _ids(store.keyword_search("250,000", 5, SearchFilters())) == [("m", 4)]
    assert keyword_terms("items 3,4") == ["item"]  # a list of numbers, not a figure


@pytest.mark.parametrize("query", ["", "?!", "the of and", 'harmony" OR NEAR(x', "zzzunknown"])
def test_keyword_search_takes_any_text_and_finds_only_real_words(store, query):
    found = store.keyword_search(query, 5, SearchFilters())
    assert all("harmony" in chunk.text.lower() for chunk, _ in found)


def test_rewriting_a_meeting_replaces_its_chunks_everywhere(store):
    changed = replace(JULY, items=(AgendaItem(1, "1", "Item 1", "Knife arches were discussed."),))
    removed = store.write([_write(changed, version="2")])
    assert removed == 3 and store.chunk_count() == 11 - 3 + 2
    assert store.keyword_search("Op Harmony patrols", 5, SearchFilters(meeting="july")) == []
    assert _ids(store.keyword_search("knife arches", 5, SearchFilters())) == [("july", 1)]
    assert store.meeting("july") == changed and store.meetings()[2].chunks == 2


def test_removing_a_meeting_removes_its_record_chunks_and_vectors(store):
    before = store.generation()
    assert store.remove("july") == 3
    assert store.meeting("july") is None and store.chunks("july") == []
    assert store.keyword_search("police budget", 5, SearchFilters()) == []
    assert store.chunk_count() == 11 - 3 and store.generation() != before


class _Crash(Exception):
    pass


class _Cut(MemoryVectors):
    """A vector engine that stops a write (a kill) right after adding vectors, or right before deleting them."""

    def __init__(self) -> None:
        super().__init__()
        self.cut = ""

    def add(self, *args) -> None:
        super().add(*args)
        if self.cut == "after add":
            raise _Crash

    def delete(self, ids) -> None:
        if self.cut == "before delete" and ids:
            raise _Crash
        super().delete(ids)


@pytest.mark.parametrize("cut, visible", [("after add", "old"), ("before delete", "new")])
def test_a_write_cut_short_shows_one_whole_version_and_repair_clears_the_rest(cut, visible):
    vectors = _Cut()
    store = CatalogIndex(None, vectors)
    store.write([_write(JULY)])
    changed = replace(JULY, items=(AgendaItem(1, "1", "Item 1", "Knife arches were discussed."),))
    vectors.cut = cut
    with pytest.raises(_Crash):
        store.write([_write(changed, version="2")])
    vectors.cut = ""
    assert store.chunk_count() == 3 + 2  # both versions' vectors are in the engine ...
    expected = JULY if visible == "old" else changed  # ... and readers see exactly one of them
    assert store.meeting("july") == expected
    found = store.dense_search(_vector("harmony"), 10, SearchFilters())
    assert sorted(chunk.id for chunk, _ in found) == sorted(chunk.id for chunk in store.chunks("july"))
    assert len(store.keyword_search("knife arches harmony patrols", 10, SearchFilters())) == 1
    assert store.repair() == (2 if visible == "old" else 3)
    assert store.chunk_count() == len(store.chunks("july")) and store.repair() == 0


def test_term_statistics_are_the_keyword_index_document_frequencies(store):
    texts = [chunk.embed_text for record in store.meetings() for chunk in store.chunks(record.id)]
    from_index, counted = store.term_stats(), TermStats(texts)
    assert from_index.documents == counted.documents == 11
    for term in ("harmoni", "bike", "crime", "ropner", "zzz"):  # content terms: all answering asks about
        assert from_index.frequency(term) == counted.frequency(term)
    assert from_index.known("harmoni") and not from_index.known("zzz")


def test_the_keyword_index_keeps_question_words_that_answering_ignores():
    assert "meet" in keyword_terms("the meeting") and "meet" not in terms("the meeting")
    assert terms("whats come out of the survey") == terms("wat came out of the survey") == ["survey"]
    assert set(terms("Who chaired the anti-social behaviour meeting?")) <= \
           set(keyword_terms("Who chaired the anti-social behaviour meeting?"))


def test_a_second_catalog_on_the_same_file_sees_writes_at_once(tmp_path):
    from assistant.stores.catalog import Catalog

    writer = CatalogIndex(tmp_path / "catalog.sqlite3", MemoryVectors())
    reader = Catalog(tmp_path / "catalog.sqlite3")  # another process would open the file the same way
    assert reader.keyword("harmony", 5, SearchFilters()) == []
    generation = reader.generation()
    writer.write([_write(JULY)])
    assert reader.generation() != generation
    assert _ids(reader.keyword("harmony", 5, SearchFilters())) == [("july", 1)]
    assert reader.term_stats().frequency("harmoni") == 1


def test_a_meeting_rewritten_many_times_scores_as_if_written_once(store):
    for version in "23456789abcdefghij":  # enough writes to merge the keyword index's segments
        store.write([_write(JULY, version=version)])
    fresh = memory_store()
    fresh.write([_write(m) for m in (JANUARY, UNDATED, LICENSING, JULY)])
    query = "Op Harmony patrols police budget bikes"
    assert [(c.meeting_id, c.item_position, round(s, 4)) for c, s in store.keyword_search(query, 10, SearchFilters())] \
        == [(c.meeting_id, c.item_position, round(s, 4)) for c, s in fresh.keyword_search(query, 10, SearchFilters())]
    assert store.term_stats().frequency("harmoni") == fresh.term_stats().frequency("harmoni") == 2


def test_term_statistics_count_what_the_glossary_gives_a_passage():
    from assistant.glossary import Glossary

    store = memory_store()
    store.write([_write(_meeting("m", dt.date(2024, 1, 1), "ASB patrols in the park.", "Anti-social behaviour fell.",
                                 "Antisocial behaviour rose.", "Social housing was discussed."))])
    glossary = Glossary([("ASB", "anti-social behaviour")])
    texts = [chunk.embed_text for chunk in store.chunks("m")]
    from_index, counted = store.term_stats(glossary), TermStats(texts, glossary)
    for term in ("asb", "antisoci", "social", "behaviour", "patrol", "hous"):
        assert from_index.frequency(term) == counted.frequency(term), term
    assert from_index.frequency("asb") == 3 and store.term_stats().frequency("asb") == 1


def test_a_write_whose_vectors_do_not_line_up_with_its_chunks_is_refused_before_anything_is_written(store):
    chunks = chunk_meeting(JULY, lambda text: len(text.split()))
    with pytest.raises(ValueError, match="july: 3 chunks but 2 vectors"):
        MeetingWrite(JULY, "2" * 12 + ":shape", chunks, [_vector(c.embed_text) for c in chunks[:2]])
