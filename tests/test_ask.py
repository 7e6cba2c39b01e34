"""Asking: hybrid retrieval, filters, extractive answers, refusals, checked citations."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from assistant import Answer, Assistant
from assistant.errors import InvalidQuestion
from assistant.grounding import answer_sentences, check, citation_numbers
from assistant.plaintext import answer_text
from assistant.settings import Settings

OP_HARMONY = "What was said about Op Harmony?"
UNDATED = "safer-stockton-partnership-undated-op-harmony"


@pytest.fixture(scope="module")
def bot(data_index) -> Assistant:
    bot = Assistant.open(data_index)
    bot.warm()
    return bot


def _cited_passages_hold_sentences(answer: Answer) -> None:
    by_number = {c.number: c for c in answer.citations}
    for sentence in answer_sentences(answer.text):
        numbers = citation_numbers(sentence)
        assert numbers, f"uncited sentence: {sentence}"
        assert all(check(sentence, by_number[n].passage).supported for n in numbers), sentence


def test_op_harmony_answer_cites_the_op_harmony_items(bot):
    answer = bot.ask(OP_HARMONY)
    assert not answer.refused
    titles = {c.item_title for c in answer.citations}
    assert "Ropner/Town Centre (Op Harmony) Update" in titles
    assert "Family Hub in Ropner" in answer.text
    assert all(c.meeting_id == UNDATED for c in answer.citations)


def test_every_sentence_is_supported_by_the_passages_it_cites(bot):
    """Quoted or composed ("At the meeting of …, …"), a sentence passes the grounding check against its sources."""
    for question in (OP_HARMONY, "How much funding was allocated to Cleveland for ASB hotspot patrols?",
                     "How has the partnership handled off-road bikes since 2012?"):
        answer = bot.ask(question)
        assert answer.citations, question
        for sentence in answer.sentences:
            cited = "\n".join(answer.citations[n - 1].passage for n in sentence.citations)
            assert sentence.citations and check(sentence.text, cited).supported, sentence.text
        for citation in answer.citations:  # what a front end highlights is verbatim in the quote
            assert all(part in citation.quote for part in citation.sentences), citation.label
        _cited_passages_hold_sentences(answer)


def test_citation_labels_name_committee_date_and_item(bot):
    answer = bot.ask("How much funding was allocated to Cleveland for ASB hotspot patrols?")
    assert answer.citations[0].label == "Safer Stockton Partnership, 19 Jul 2023, SSP/4/23"
    assert "1 million" in answer.text


def test_unnumbered_items_of_undated_meetings_are_labelled_by_position_and_title(bot):
    answer = bot.ask(OP_HARMONY)
    label = next(c.label for c in answer.citations if c.item_position == 5)
    assert label == ("Safer Stockton Partnership, date not stated, item 5 "
                     "(Ropner/Town Centre (Op Harmony) Update)")


@pytest.mark.parametrize("question", [
    "What are the council tax rates for 2024?",
    "When will my bins be collected?",
    "What was said about knife crime?",
    "How many e-scooters were seized in 2023?",
])
def test_questions_the_minutes_do_not_answer_are_refused_without_citations(bot, question):
    answer = bot.ask(question)
    assert answer.refused
    assert answer.citations == []
    assert "do not record" in answer.text or "holds no minutes from" in answer.text  # says what is missing


def test_who_chaired_reaches_the_attendance_block(bot):
    answer = bot.ask("Who chaired the 2012 meeting?")
    assert "Geoff Lee" in answer.text
    assert answer.citations[0].item_position == 0


def test_a_year_in_the_question_filters_to_that_years_meetings(bot):
    answer = bot.ask("What did the recorded crime report say in 2017?")
    assert answer.filters.since == dt.date(2017, 1, 1) and answer.filters.until == dt.date(2017, 12, 31)
    assert {c.date.year for c in answer.citations} == {2017}


def test_explicit_date_filters_are_applied_in_retrieval(bot):
    hits = bot.search("recorded crime and disorder", k=10, since="2022-01-01", until="2022-12-31")
    assert hits and all(h.date == dt.date(2022, 1, 11) for h in hits)


def test_meeting_filter_limits_hits_to_that_meeting(bot):
    hits = bot.search("crime", k=10, meeting="safer-stockton-partnership-2017-02-14")
    assert hits and {h.meeting_id for h in hits} == {"safer-stockton-partnership-2017-02-14"}


def test_sub_chunks_of_one_item_collapse_to_one_hit(bot):
    hits = bot.search("Prevent duty training peer review National Action proscribed", k=10)
    keys = [(h.meeting_id, h.item_position) for h in hits]
    assert len(keys) == len(set(keys))
    assert keys[0] == ("safer-stockton-partnership-2017-02-14", 12)


def test_answer_json_uses_attribute_names(bot):
    data = json.loads(bot.ask(OP_HARMONY).to_json())
    assert {"text", "refused", "citations", "mode", "dropped"} <= set(data)
    assert {"meeting_id", "committee", "date", "item", "item_title", "source", "quote", "label"} <= set(data["citations"][0])


@pytest.mark.parametrize("question, message", [
    ("   ", "Please type a question."),
    ("x" * 5000, "limited to 1,000 characters"),
    ("?!?? ...", "no words"),
])
def test_bad_questions_raise_a_message_for_people(bot, question, message):
    with pytest.raises(InvalidQuestion, match=message):
        bot.ask(question)


def test_control_characters_are_removed_from_questions(bot):
    answer = bot.ask("What was said about\x00 Op\x1b Harmony?")
    assert answer.question == OP_HARMONY


def test_ask_stream_yields_text_then_the_final_answer(bot):
    events = list(bot.ask_stream(OP_HARMONY))
    assert isinstance(events[-1], Answer)
    assert all(isinstance(e, str) for e in events[:-1]) and events[:-1]


def test_an_ingest_after_opening_is_seen_by_the_next_question(tmp_path, embedder):
    from conftest import DATA

    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "a.txt").write_text((DATA / "safer-stockton-partnership-2022-01-11.txt").read_text())
    writer = Assistant(Settings.load(index_dir=tmp_path / "index"), embedder=embedder)
    writer.ingest([folder], progress=False)
    reader = Assistant.open(tmp_path / "index")
    assert reader.ask(OP_HARMONY).refused
    (folder / "b.txt").write_text((DATA / "safer-stockton-partnership-undated-op-harmony.txt").read_text())
    writer.ingest([folder], progress=False)
    assert not reader.ask(OP_HARMONY).refused


def test_the_meeting_after_another_is_the_next_one_of_its_committee(fixture_index):
    # The council's 12 May 2025 issue page lies between the partnership's March and June 2025 meetings.
    bot = Assistant.open(fixture_index[0])
    answer = bot.ask("who chaired the meeting after the march 2025 one")
    assert answer.text == "Insp. Owen Hart chaired the meeting of 9 Jun 2025. [1]"


def test_a_question_naming_a_committee_is_answered_from_that_committees_meetings_alone(fixture_index):
    bot = Assistant.open(fixture_index[0])
    started = bot.ask("what time did the planning committee start")
    assert "12 Mar 2024" in started.text and "2025" not in started.text
    assert {citation.committee for citation in started.citations} == {"Planning Committee"}
    after = bot.ask("when is the next meeting of the planning committee")  # after its newest, not the index's
    assert after.refused and after.text.startswith("The index holds no minutes of a meeting after 14 May 2024.")


def test_a_committee_named_by_its_initials_alone_whose_minutes_are_silent_may_be_anothers_subject(fixture_index):
    bot = Assistant.open(fixture_index[0])
    # "csp" names the Harbourside Community Safety Partnership, whose minutes never mention the towpath survey; the
    # scrutiny panel asked that the CSP be sent it.
    answer = bot.ask("what will the csp be sent about the towpath")
    assert not answer.refused and "towpath survey results" in answer.text
    assert {citation.committee for citation in answer.citations} == {"Harbourside Scrutiny Panel"}


def test_a_second_councils_minutes_answer_with_a_citation_naming_that_council(fixture_index):
    bot = Assistant.open(fixture_index[0])
    answer = bot.ask("How much would the developer pay towards school places for the land north of Vale Road?")
    assert not answer.refused and "640,000" in answer.text
    citation = answer.citations[0]
    assert citation.label == "Planning Committee (Kestrel Vale Borough Council), 14 May 2024, PC/23/24"
    assert citation.council == "Kestrel Vale Borough Council" and citation.pages == (1, 2)
    assert "[1] Planning Committee (Kestrel Vale Borough Council), 14 May 2024, PC/23/24" in answer_text(answer)


def test_a_filter_on_a_meeting_the_index_does_not_hold_is_an_error(bot):
    from assistant.errors import UnknownMeeting

    with pytest.raises(UnknownMeeting, match="no meeting 'safer-stockton-partnership-1999-01-01' in the index"):
        bot.ask(OP_HARMONY, meeting="safer-stockton-partnership-1999-01-01")


def test_a_start_date_after_the_end_date_is_an_error(bot):
    with pytest.raises(InvalidQuestion, match="2023-01-01 is later than the end date 2022-01-01"):
        bot.search("crime", since="2023-01-01", until="2022-01-01")


def test_reading_an_index_that_does_not_exist_creates_nothing(tmp_path):
    from assistant.errors import StoreError, UnknownMeeting

    reader = Assistant.open(tmp_path / "typo")
    assert reader.meetings() == []
    with pytest.raises(UnknownMeeting, match="none: run 'minutes ingest' first"):
        reader.meeting("anything")
    with pytest.raises(StoreError, match="no index at .*typo: run 'minutes ingest PATH' first"):
        reader.ask(OP_HARMONY)
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("question, found", [
    ("who developed the right care right person model originally", "Humberside Police"),
    ("who wrote to the pcc candidates", "Geoff Lee"),
    ("when was the alcohol strategy started", "April 2010"),
    ("when does the pspo expire", None),  # the minutes give when it was introduced, not when it ends
    ("who sent the reply to the police authority's letter from 18 june", "Councillor Nelson"),  # "response"; a letter's date
    ("according to the 2017 update on counter-radicalisation work, when did the prevent duty come into force",
     "1st July 2015"),  # an ordinary word, hyphenated, that the minutes never use
])
def test_how_a_question_asks_is_not_what_it_asks_about(bot, question, found):
    answer = bot.ask(question)
    assert (found in answer.text and not answer.refused) if found else answer.refused


@pytest.mark.parametrize("question, start", [
    ("who chaired the op harmony meeting", "The minutes of the meeting whose date is not stated do not say who chaired it."),
    ("who was the vice chair in jan 2022", "The minutes of the meeting of 11 Jan 2022 do not say who was vice-chair."),
    ("where was the partnership meeting in jan 2022 held",
     "The minutes of the meeting of 11 Jan 2022 do not say where it was held."),
    ("what time did the feb 2017 meeting start", "The minutes of the meeting of 14 Feb 2017 do not say what time it started."),
    ("what time did the meetings between 2012 and 2017 start",
     "The minutes of the meetings of 14 Aug 2012 and 14 Feb 2017 do not say what time they started."),
])
def test_what_a_meetings_minutes_do_not_say_is_refused_naming_the_meeting(bot, question, start):
    answer = bot.ask(question)
    assert answer.refused and answer.text.startswith(start)


def test_a_place_named_elsewhere_but_not_where_the_minutes_speak_of_the_subject_is_refused(bot):
    # Thornaby is named once, as the venue of a 2012 seminar; the e-scooter report never names it.
    answer = bot.ask("what did the police say about e-scooters in thornaby")
    assert answer.refused and answer.text.startswith(
        "The minutes in the index do not mention “thornaby” where they speak of this.")
    assert not bot.ask("what did the police say about e-scooters").refused
    assert bot.ask("eaglescliffe parking").text.startswith("The minutes in the index never mention “eaglescliffe”.")


def test_a_figure_for_the_whole_force_area_does_not_answer_for_one_town(bot):
    answer = bot.ask("how many of the asb hotspots are in stockton")
    assert answer.refused and answer.text.startswith("The minutes give this across the Cleveland area, not for Stockton")
    assert bot.ask("how many asb hotspots were identified across cleveland").text.startswith("19 Antisocial")


def test_a_meeting_the_index_lacks_is_answered_by_the_earlier_minutes_that_set_it(bot):
    answer = bot.ask("what time was the sept 2012 meeting going to start")
    assert answer.text == "The next meeting was set for Tuesday 25 September at 1.30 p.m. [1]"
    assert answer.citations[0].item == "22" and answer.citations[0].date.isoformat() == "2012-08-14"
    assert bot.ask("when was the 2019 meeting").text.startswith("The index holds no minutes from 2019")


def test_what_went_on_at_a_meeting_gives_each_items_opening_never_its_bare_title(bot):
    answer = bot.ask("what went on at the feb 2017 meeting")
    lines = answer.text.split("\n")
    assert "- Targets from the Community Safety Plan Q3 April 2016 were presented to the Partnership, with a brief " \
           "overview. [5]" in lines
    assert not any(line.startswith("- Community Safety Plan Q3") for line in lines)
    _cited_passages_hold_sentences(answer)


def test_the_most_recent_word_on_something_comes_from_the_newest_meeting_about_it(bot):
    answer = bot.ask("what was the most recent update on asb")
    assert {c.date.isoformat() for c in answer.citations} == {"2023-07-19"}
