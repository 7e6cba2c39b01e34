"""The worked example of ANSWERS.md end to end: the Harbourside minutes indexed, each kind of question asked."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant
from assistant.grounding import answer_sentences, check, citation_numbers
from assistant.meaning import Meaning
from assistant.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "harbourside"
COMMITTEE = "Harbourside Community Safety Partnership"


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder) -> Assistant:
    bot = Assistant(Settings.load(index_dir=tmp_path_factory.mktemp("harbourside")), embedder=embedder)
    bot.ingest([FIXTURES], progress=False)
    bot.warm()
    return bot


def grounded(answer) -> bool:
    by_number = {c.number: c for c in answer.citations}
    return all(
        all(check(sentence, by_number[n].passage).supported for n in citation_numbers(sentence))
        for sentence in answer_sentences(answer.text)
    )


def test_what_was_said_is_dated_with_reported_points_and_decision(bot):
    answer = bot.ask("What was said about the night-time economy in March 2025?")
    assert answer.text.startswith("At the 3 Mar 2025 meeting,") and "212" in answer.text
    assert "taxi marshals" in answer.text and "AGREED" in answer.text
    assert [c.label for c in answer.citations] == [f"{COMMITTEE}, 3 Mar 2025, HCSP/10/25"] and grounded(answer)


def test_a_figure_question_states_the_figure_first(bot):
    answer = bot.ask("How much money did the youth diversion bid bring in?")
    assert "£48,500" in answer_sentences(answer.text)[0] and grounded(answer)


def test_two_questions_asked_as_one_get_both_answers(bot):
    answer = bot.ask("how many night-time violence incidents did insp hart report and what was agreed")
    first, *rest = answer_sentences(answer.text)
    assert "212" in first and "taxi marshal scheme continue" in answer.text and grounded(answer)


@pytest.mark.parametrize("question", [
    "at the march 2025 meeting what was the general gist and the main points people made about the youth fund",
    "in march 2025, remind me roughly what folk fed back, in simple plain words, on the youth diversion fund"])
def test_an_item_named_at_a_named_meeting_answers_though_the_other_words_read_far(bot, question):
    answer = bot.ask(question)
    assert not answer.refused and "£48,500" in answer.text and grounded(answer)


def test_a_decision_question_quotes_the_later_decision(bot):
    answer = bot.ask("What did the partnership decide about door-staff logs?")
    assert answer.text.startswith("On 9 Jun 2025: RESOLVED that door-staff incident logs be shared monthly")


def test_who_chaired_is_one_sentence_from_the_attendance_block(bot):
    answer = bot.ask("Who chaired the June 2025 meeting?")
    assert answer.text == "Insp. Owen Hart chaired the meeting of 9 Jun 2025. [1]"
    assert answer.citations[0].label == f"{COMMITTEE}, 9 Jun 2025, attendance" and grounded(answer)


def test_asked_who_was_chairman_the_chair_answers(bot):
    assert bot.ask("who was chairman back in march 2025").text.startswith("Cllr Dana Price chaired the meeting of 3 Mar 2025.")


@pytest.mark.parametrize("question, lines", [
    ("has the chair changed over the years? who ran it in march 2025 vs later on",  # that year and after
     ["- 3 Mar 2025: Cllr Dana Price chaired the meeting. [1]", "- 9 Jun 2025: Insp. Owen Hart chaired the meeting. [2]"]),
    ("which meetings was cllr price in the chair for", ["- 3 Mar 2025: Cllr Dana Price chaired the meeting. [1]"]),
])
def test_asked_across_meetings_who_ran_them_each_meeting_asked_about_gets_its_chair(bot, question, lines):
    assert bot.ask(question).text == "\n".join(lines)


def test_asked_across_meetings_who_chaired_is_a_line_per_meeting_from_the_facts(bot):
    answer = bot.ask("How has the chair changed over the meetings?")
    assert answer.text == ("- 3 Mar 2025: Cllr Dana Price chaired the meeting. [1]\n"
                           "- 9 Jun 2025: Insp. Owen Hart chaired the meeting. [2]")
    assert [c.label for c in answer.citations] == [f"{COMMITTEE}, 3 Mar 2025, attendance",
                                                   f"{COMMITTEE}, 9 Jun 2025, attendance"] and grounded(answer)


def test_which_meetings_someone_was_at_names_only_those(bot):
    answer = bot.ask("which meetings was raj patel at")
    assert answer.text == "- 3 Mar 2025: Raj Patel (Fire and Rescue) attended the meeting. [1]" and grounded(answer)


def test_what_the_chair_said_is_not_who_chaired(bot):
    answer = bot.ask("What did the chair say about door-staff logs at each meeting?")
    assert "chaired the meeting" not in answer.text


def test_items_the_question_sets_aside_are_left_out(bot):
    assert "212" in bot.ask("what was said about night-time violence").text
    answer = bot.ask("apart from the night-time economy update, what was said about violence")
    assert answer.refused and "212" not in answer.text and "190" not in answer.text


def test_the_meeting_after_the_march_one(bot):
    answer = bot.ask("When was the meeting after the March one?")
    assert answer.text == "The next meeting was set for Monday 9 June 2025 at 10.00 am, Quay House. [1]"


def test_how_it_changed_is_one_line_per_meeting_oldest_first(bot):
    answer = bot.ask("How did night-time violence change across the meetings?")
    lines = answer.text.split("\n")
    assert lines[0].startswith("- 3 Mar 2025:") and "212" in lines[0]
    assert lines[1].startswith("- 9 Jun 2025:") and "190" in lines[1] and grounded(answer)


def test_no_verdict_when_the_minutes_give_none(bot):
    answer = bot.ask("Was Dock Lane's lighting fixed?")
    assert "eleven lamps" in answer.text and not answer.text.startswith(("Yes", "No"))


def test_a_year_the_index_lacks_is_refused_saying_so(bot):
    answer = bot.ask("What were night-time violence figures for 2023?")
    assert answer.refused and answer.text.startswith("The index holds no minutes from 2023")


def test_what_happened_at_a_meeting_is_a_line_per_item_in_agenda_order(bot):
    answer = bot.ask("what happened at the march 2025 meeting")
    assert [c.item for c in answer.citations] == ["HCSP/10/25", "HCSP/11/25", "HCSP/12/25"]
    lines = answer.text.split("\n")
    assert lines[0].startswith("- Insp. Hart reported 212 night-time violence incidents") and "AGREED that (1)" in lines[0]
    assert lines[1] == "- Members were presented with a report on the Youth Diversion Fund. [2]"
    assert grounded(answer)


def test_what_was_decided_at_a_meeting_is_its_decisions_beyond_noting(bot):
    answer = bot.ask("what did they decide at the march 2025 meeting")
    assert answer.text == ("- AGREED that (1) the taxi marshal scheme continue to September 2025; (2) officers write "
                           "to the lighting authority about Dock Lane. [1]")


def test_a_place_the_minutes_never_name_is_refused_naming_it(bot):
    answer = bot.ask("What was said about night-time violence in Westerhope?")
    assert answer.refused and answer.text.startswith("The minutes in the index never mention “Westerhope”.")
    assert not bot.ask("What was said about night-time violence?").refused


def test_a_body_only_listed_as_present_is_refused_naming_it(bot):
    answer = bot.ask("What did fire and rescue report about the night-time economy?")
    assert answer.refused and "Raj Patel (Fire and Rescue) is listed as present on 3 Mar 2025" in answer.text


def test_ingest_embeds_the_quotable_units_ahead_of_questions(bot):
    from assistant.cache import CACHE_FILE, EmbeddingCache

    disk = EmbeddingCache(bot.settings.cache_folder / CACHE_FILE, str(bot.embedder.model_path))
    unit = "Mia Ford explained that £48,500 had been awarded by the regional fund for 2025/26, of which £30,000 would " \
           "pay for two detached youth workers."
    assert unit in disk.get_many([unit])


def test_sentence_vectors_are_computed_once_and_kept_on_disk():
    class Counting:
        def __init__(self):
            self.seen: list[str] = []

        def embed_query(self, text):
            return [1.0, 0.0]

        def embed_sentences(self, texts):
            self.seen += texts
            return np.array([[1.0, 0.0] if "yes" in text else [0.0, 1.0] for text in texts])

    class Disk(dict):
        def get_many(self, texts):
            return {text: self[text] for text in texts if text in self}

        def put_many(self, items):
            self.update(items)

    encoder, disk = Counting(), Disk()
    meaning = Meaning(encoder, disk)
    assert meaning.scores("q", ["yes a", "no b"]) == [1.0, 0.0]
    assert meaning.scores("q", ["no b", "yes c"]) == [0.0, 1.0]
    assert encoder.seen == ["yes a", "no b", "yes c"] and set(disk) == {"yes a", "no b", "yes c"}
    assert Meaning(encoder, disk).scores("q", ["yes a"]) == [1.0] and len(encoder.seen) == 3
