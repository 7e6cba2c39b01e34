"""Answer shapes on the Harbourside minutes of ANSWERS.md, without an index or a model (fast).

Each test builds the evidence the answerer would read (parsed meetings, their
chunks, term statistics) and checks one shape: what leads, what follows, how
it is dated and cited, and that every composed sentence passes the same
grounding check as a quotation.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from assistant import extractive, shapes
from assistant.answer import Hit
from assistant.answer_type import QuestionKind
from assistant.evidence import Evidence, Scored, query_terms, read, relevance, units
from assistant.extractive import Sources
from assistant.facts import Attendee
from assistant.glossary import Glossary
from assistant.grounding import check
from assistant.meeting_answers import about_attendee, about_meeting, beyond_role, meeting_answer, next_meetings
from assistant.models import Meeting
from assistant.plan import MeetingInfo, plan_question
from assistant.query import SearchFilters
from assistant.refusal import listed_only, listed_text, no_exact_date, other_scope, speaker, unheard, unlisted
from assistant.shapes import Draft, _raised, decisions, fact, shape, summary
from assistant.terms import TermStats
from ingest.chunk import chunk_meeting
from ingest.facts import extract_facts
from ingest.parse import parse_minutes

FIXTURES = Path(__file__).parent / "fixtures" / "harbourside"
MARCH, JUNE = "harbourside-2025-03-03", "harbourside-2025-06-09"


@pytest.fixture(scope="module")
def meetings() -> dict[str, Meeting]:
    parsed = [parse_minutes(path.read_text(), path.name) for path in sorted(FIXTURES.glob("*.txt"))]
    return {meeting.id: replace(meeting, facts=extract_facts(meeting)) for meeting in parsed}


@pytest.fixture(scope="module")
def chunks(meetings):
    return {meeting_id: chunk_meeting(meeting, lambda text: len(text.split())) for meeting_id, meeting in meetings.items()}


@pytest.fixture(scope="module")
def stats(chunks) -> TermStats:
    return TermStats([chunk.embed_text for found in chunks.values() for chunk in found])


def item(chunks, meeting_id: str, position: int) -> Evidence | None:
    found = [chunk for chunk in chunks[meeting_id] if chunk.item_position == position]
    return Evidence(Hit.from_chunk(found[0], 0.0, 0.5, 0.0), found) if found else None


def plan(question: str, meetings):
    infos = [MeetingInfo(m.id, m.date, tuple(i.title for i in m.items)) for m in meetings.values()]
    return plan_question(question, SearchFilters(), infos)


def one_item(text: str) -> Evidence:
    """The one item of a meeting whose minutes are `text` (title line first), as the answerer reads it."""
    chunks = chunk_meeting(parse_minutes(f"Board - 3 March 2025\n\n3\n\n{text}\n", "x.txt"), lambda t: len(t.split()))
    return Evidence(Hit.from_chunk(chunks[-1], 0, 0.5, 0), [c for c in chunks if c.item_position == chunks[-1].item_position])


def scored_item(text: str, relevance: float, scores: tuple[float, ...] = ()) -> Scored:
    """`one_item(text)` read with this relevance and unit scores (0.5 each unless given)."""
    evidence = one_item(text)
    found = units(evidence)
    return Scored(evidence, relevance, tuple(found), scores or tuple(0.5 for _ in found))


def fact_of(question: str, evidence: Evidence) -> Draft:
    """The single-fact answer to `question` from this one item, read as the answerer reads it."""
    found = plan_question(question, SearchFilters(), [])
    return fact(found, read(found, [evidence], TermStats([evidence.text, "Other minutes of other business."]), None, False))


def answer(question: str, meetings, chunks, stats, positions: list[tuple[str, int]]) -> Draft:
    """What the answerer writes when retrieval returns these items."""
    found = plan(question, meetings)
    items = [item(chunks, meeting_id, position) for meeting_id, position in positions]
    lists = found.kind in (QuestionKind.SUMMARY, QuestionKind.DECISION)
    return shape(found, read(found, [i for i in items if i], stats, None, lists))


def assert_grounded(draft: Draft) -> None:
    by_number = {citation.number: citation for citation in draft.citations}
    for sentence in draft.sentences:
        assert all(check(sentence.text, by_number[n].passage).supported for n in sentence.citations), sentence.text


def test_a_summary_is_dated_and_runs_reported_points_decided(meetings, chunks, stats):
    draft = answer("What was said about the night-time economy in March 2025?", meetings, chunks, stats,
                   [(MARCH, 1)])
    text = draft.text()
    assert text.startswith("At the 3 Mar 2025 meeting, insp. Hart reported 212") or text.startswith(
        "At the 3 Mar 2025 meeting, Insp. Hart reported 212")
    assert text.index("212") < text.index("taxi marshals") < text.index("AGREED")
    assert [c.label for c in draft.citations] == [
        "Harbourside Community Safety Partnership, 3 Mar 2025, HCSP/10/25"]
    assert_grounded(draft)


def test_a_summary_answers_from_the_item_the_question_names_though_another_reads_closer():
    plan_ = plan_question("what points got raised about the crime and disorder report", SearchFilters(), [])
    closer = scored_item("Community Safety Plan\nThe draft plan was presented. Members asked about cuckooing.", 0.9)
    named = scored_item("Recorded Crime and Disorder Report\nThe report covered the year. Members asked about lockdown.", 0.6)
    draft = summary(plan_, [closer, named])
    assert draft.text() == "At the 3 Mar 2025 meeting, the report covered the year. [1] Members asked about lockdown. [1]"
    assert [citation.item_title for citation in draft.citations] == ["Recorded Crime and Disorder Report"]


def test_asked_how_much_each_of_two_things_fell_the_answer_gives_both():
    evidence = one_item("Crime Report\nPublic order offences fell by 18.8%. Theft from the person fell by 41.6%. "
                        "Shop theft rose by 2%. Police generated crime had also seen a reduction of 13%.")
    draft = fact_of("public order offences and police generated crime - by how much did each go down", evidence)
    assert draft.text() == ("Public order offences fell by 18.8%. [1] "
                            "Police generated crime had also seen a reduction of 13%. [1]")


def test_asked_what_was_decided_about_one_subject_of_a_noted_report_it_says_what_was_said_of_it_first():
    item = scored_item("Crime Report\nCrime fell by 5%. Stop and search had a 30% success rate.\n"
                       "AGREED that the report be noted.", 0.8)
    draft = decisions(plan_question("what did they decide about stop and search", SearchFilters(), []), [item])
    assert draft.text() == ("On 3 Mar 2025: Stop and search had a 30% success rate. [1] "
                            "AGREED that the report be noted. [1]")
    titled = scored_item("Stop and Search\nStop and search had a 30% success rate.\nAGREED that the report be noted.", 0.8)
    asked = plan_question("what did they decide about stop and search", SearchFilters(), [])
    assert decisions(asked, [titled]).text() == "On 3 Mar 2025: AGREED that the report be noted. [1]"


def test_a_summary_that_quotes_what_he_explained_first_says_who_he_is():
    evidence = one_item("Harbour Crime\nInsp. Hart presented a report on crime in the harbour over six months. He "
                        "explained that:\n- Thefts from boats had fallen.\n- Shed alarms had been given to residents.\n"
                        "The Board noted the report.")
    found = plan_question("what was said about harbour crime", SearchFilters(), [])
    draft = summary(found, read(found, [evidence], TermStats([evidence.text, "Other minutes of other business."]), None,
                                True))
    assert draft.text().startswith("At the 3 Mar 2025 meeting, Insp. Hart presented a report on crime in the harbour")
    assert "He explained that:" in draft.text()
    assert_grounded(draft)


def test_a_decision_that_says_only_it_was_agreed_is_quoted_after_what_was_proposed():
    item = scored_item("Patrol Plan\nOfficers outlined the plan.\nProposal that the patrol plan be adopted.\n"
                       "Agreed by unanimous vote.", 0.8)
    found = plan_question("what was agreed about the patrol plan", SearchFilters(), [])
    assert decisions(found, [item]).text() == ("On 3 Mar 2025: Proposal that the patrol plan be adopted. [1] "
                                               "Agreed by unanimous vote. [1]")


def test_a_single_fact_comes_first_with_its_figure(meetings, chunks, stats):
    draft = answer("How much money did the youth diversion bid bring in?", meetings, chunks, stats,
                   [(MARCH, 2), (MARCH, 1)])
    first = draft.sentences[0].text
    assert "£48,500" in first and not first.startswith("Members were presented")
    assert_grounded(draft)


def test_housekeeping_never_leads_a_summary(meetings, chunks, stats):
    draft = answer("What was said about the youth diversion fund?", meetings, chunks, stats, [(MARCH, 2)])
    assert "Mia Ford explained" in draft.sentences[0].text
    assert all("Members were presented" not in s.text for s in draft.sentences)


def test_a_decision_question_gets_the_decision_as_recorded(meetings, chunks, stats):
    draft = answer("What did the partnership decide about door-staff logs?", meetings, chunks, stats,
                   [(JUNE, 1), (MARCH, 1)])
    assert draft.text() == ("On 9 Jun 2025: RESOLVED that door-staff incident logs be shared monthly "
                            "from July 2025. [1]")
    assert_grounded(draft)


def test_which_meetings_gives_one_line_per_meeting_oldest_first_with_its_figure(meetings, chunks, stats):
    draft = answer("How did night-time violence change across the meetings?", meetings, chunks, stats,
                   [(JUNE, 1), (MARCH, 1)])
    lines = draft.text().split("\n")
    assert lines[0].startswith("- 3 Mar 2025:") and "212" in lines[0]
    assert lines[1].startswith("- 9 Jun 2025:") and "190" in lines[1]
    assert [c.date for c in draft.citations] == [dt.date(2025, 3, 3), dt.date(2025, 6, 9)]
    assert_grounded(draft)


@pytest.mark.parametrize("text, question, lead", [
    # asked what kinds, the sentence saying what something includes
    ("Violence Measure\nA new measure of the more serious offences of violence was proposed.\n"
     "The measure included homicide and assaults with injury.",
     "what kinds of offences go into the new violence measure", "The measure included homicide"),
    # asked "what worries", the sentence naming the thing asked for (a concern)
    ("Street Pastors\nMembers highlighted the Street Pastors initiative from years gone by.\n"
     "Some concern over the name of the programme was discussed.",
     "what worries did members have about street pastors", "Some concern over the name"),
])
def test_the_sentence_with_what_the_question_asks_for_leads_a_closer_one(text, question, lead):
    item = scored_item(text, 0.8, (0.7, 0.4))
    assert fact(plan_question(question, SearchFilters(), []), [item]).sentences[0].text.startswith(lead)


def test_a_sentence_naming_what_is_asked_may_lead_though_three_others_read_closer():
    item = scored_item("Diversion Scheme\nMembers discussed the Hull scheme for Stockton.\nThe Hull scheme was visited.\n"
                       "A Stockton scheme would be smaller than the one in Hull.\n"
                       "Local prisons such as HMP Holme House may have a role.", 0.8, (0.6, 0.55, 0.5, 0.45))
    found = plan_question("which local prisons could get involved in a stockton version of the hull scheme",
                          SearchFilters(), [])
    assert fact(found, [item]).sentences[0].text.startswith("Local prisons such as HMP Holme House")


def test_asked_about_one_subject_of_a_long_item_a_summary_keeps_to_it():
    figures = " ".join(f"Crime in the {ward} ward fell by {n}% over the twelve months shown in the report to members."
                       for ward, n in (("north", 4), ("south", 6), ("east", 8), ("west", 3), ("central", 5), ("harbour", 7)))
    item = scored_item(f"Crime Report\nMembers discussed the crime report. {figures} The new lighting scheme would be "
                       "copied in other towns.\nStop and search was discussed, with members asking how it was scrutinised.\n"
                       "Police said stop and search had a 30% success rate.\nAGREED that the report be noted.", 0.8)
    text = summary(plan_question("what was said about stop and search", SearchFilters(), []), [item]).text()
    assert "30% success rate" in text and "ward" not in text and "lighting" not in text


def test_a_meetings_line_keeps_a_second_sentence_nearly_as_close_and_came_up_asks_for_no_figure():
    item = scored_item("Lighting\nMembers asked about lighting on the quay.\nLamps on the quay had 40% more faults.\n"
                       "Officers would replace the lamps on the quay by May.\nThe budget was unchanged.", 0.8,
                       (0.8, 0.5, 0.75, 0.1))
    found = plan_question("which meetings did lighting on the quay come up at", SearchFilters(), [])
    text = shapes.meetings(found, [item]).text()
    assert text.startswith("- 3 Mar 2025: Members asked about lighting") and "replace the lamps" in text
    assert "40%" not in text and "budget" not in text


def board_item(date: str, text: str, score: float, relevance: float = 0.6) -> Scored:
    """The one item (title, then text) of a board meeting on `date`, its units scored `score` (a bare title never
    leads)."""
    minutes = parse_minutes(f"Board - {date}\n\n3\n\n{text}\n", f"board-{date}.txt")
    chunks = chunk_meeting(minutes, lambda t: len(t.split()))
    evidence = Evidence(Hit.from_chunk(chunks[-1], 0, 0.5, 0), [chunks[-1]])
    found = units(evidence)
    return Scored(evidence, relevance, tuple(found), tuple(0.0 if unit.text == evidence.hit.item_title else score
                                                           for unit in found))


def test_an_item_titled_by_an_abbreviation_the_question_names_in_full_gets_its_meetings_line():
    item_of = board_item
    glossary = Glossary([("YOT", "Youth Offending Team"), ("YOS", "Youth Offending Service")])  # either names it
    found = plan_question("which meetings looked at youth offending performance", SearchFilters(), [], glossary)
    text = shapes.meetings(found, [item_of("3 March 2025", "Youth Offending Performance\nMembers were given the youth "
                                           "offending performance figures.", 0.8),
                                   item_of("9 June 2025", "YOT Q3\nMembers were presented with the YOT data summary.",
                                           0.4)]).text()
    assert "- 3 Mar 2025:" in text and "- 9 Jun 2025: Members were presented with the YOT data summary." in text


def test_an_abbreviation_spelt_out_in_a_title_does_not_make_it_name_the_rest_of_the_subject():
    said = "Members were given a restricted report on crime comparisons against other similar CSPs using Tidewatch."
    glossary = Glossary([("CSP", "Community Safety Partnership")])
    found = plan_question("which meetings looked at the tidewatch comparison data against other CSPs", SearchFilters(), [],
                          glossary)
    text = shapes.meetings(found, [board_item("3 March 2025", f"Community Safety Partnership Comparative Data - Tidewatch\n{said}",
                                              0.7),
                                   board_item("9 June 2025", f"Tidewatch Report\n{said}", 0.7)]).text()
    assert "- 3 Mar 2025:" in text and "- 9 Jun 2025:" in text  # the second names Tidewatch and CSPs, not "data"


def test_a_title_naming_either_of_two_subjects_asked_as_one_names_the_subject():
    found = plan_question("which meetings covered lighting / dock patrols", SearchFilters(), [])
    patrols = board_item("3 March 2025", "Dock Patrols\nWardens patrolled the docks at night.", 0.7, 0.8)
    lighting = board_item("9 June 2025", "Lighting Review\nNew lamps were fitted on the quay.", 0.7, 0.8)
    aside = board_item("9 June 2025", "Budget\nThe lighting of the office cost more.", 0.7, 0.8)
    aside = replace(aside, item=replace(aside.item, hit=replace(aside.item.hit, item_position=4)))
    text = shapes.meetings(found, [patrols, lighting, aside]).text()
    assert "- 3 Mar 2025: Wardens patrolled" in text and "- 9 Jun 2025: New lamps" in text and "office" not in text


def test_whatever_words_which_ones_and_what_was_done_are_no_part_of_the_subject():
    words, either = shapes.subject_terms(plan_question("has the lighting / anti social stuff come up at the meetings? "
                                                       "which ones", SearchFilters(), []))
    assert words == {"light", "anti", "social"} and either == ({"light"}, {"anti", "social"})
    words, _ = shapes.subject_terms(plan_question("what has the board done about dock wardens over the years",
                                                  SearchFilters(), []))
    assert words == {"dock", "warden"}


def test_an_item_titled_by_the_subject_that_was_deferred_is_said_after_its_meetings_line():
    found = plan_question("what updates on lighting has the board had over the years", SearchFilters(), [])
    report = board_item("3 March 2025", "Police Update\nOfficers reported that lighting on the quay was poor.", 0.7, 0.8)
    deferred = board_item("3 March 2025", "Lighting Strategy Update\nThis item was deferred until the next meeting.", 0.0,
                          0.4)
    deferred = replace(deferred, item=replace(deferred.item, hit=replace(deferred.item.hit, item_position=4)))
    text = shapes.meetings(found, [report, deferred]).text()
    assert text == ("- 3 Mar 2025: Officers reported that lighting on the quay was poor. [1] "
                    "Lighting Strategy Update: this item was deferred until the next meeting. [2]")


def test_a_meetings_line_gives_the_meetings_figure_when_it_reads_nearly_as_close():
    item = scored_item("Police Update\nThe impact of truancy on crime was discussed at length by members.\n"
                       "Truancy in the borough was 170% above the national average.", 0.8, (0.6, 0.5))
    found = plan_question("what has the partnership heard about truancy over time", SearchFilters(), [])
    assert shape(found, [item]).text() == "- 3 Mar 2025: Truancy in the borough was 170% above the national average. [1]"


def test_a_meetings_line_says_what_was_presented_rather_than_that_it_was_noted():
    item = scored_item("Minutes of the Harbour Safeguarding Board\nMembers were presented with the minutes of the Harbour "
                       "Safeguarding Board held on 2 May 2025.\nAGREED that the minutes be noted.", 0.8, (0.0, 0.5))
    found = plan_question("which meetings looked at safeguarding board minutes", SearchFilters(), [])
    assert shape(found, [item]).text().startswith("- 3 Mar 2025: Members were presented with the minutes of the Harbour")


def test_a_meetings_line_names_the_subject_even_when_only_a_decision_does():
    found = plan_question("which meetings discussed dock wardens and what was said", SearchFilters(), [])
    item = board_item("3 March 2025", "Harbour Project\nMembers were asked to consider the project outline.\n"
                      "RESOLVED that:\n1. The outline be noted.\n2. The board seek funding for more dock wardens.", 0.7)
    text = shape(found, [item]).text()
    assert text.startswith("- 3 Mar 2025:") and "The board seek funding for more dock wardens." in text
    # Read as a meetings question reads an item (lists cut into points), the point is quoted alone: it keeps the
    # lead-in that says it was decided.
    pointed = replace(item, units=tuple(units(item.item, lists=False)))
    pointed = replace(pointed, scores=tuple(0.0 if unit.decision else 0.7 for unit in pointed.units))
    assert "RESOLVED that: The board seek funding for more dock wardens. [1]" in shape(found, [pointed]).text()


def test_asked_whether_it_went_up_or_down_a_line_gives_the_figure():
    item = scored_item("Crime Report\nMembers discussed crime in the town centre.\nCrime fell by 12% in the quarter.", 0.8,
                       (0.9, 0.5))
    found = plan_question("has crime gone up or down over time", SearchFilters(), [])
    assert shape(found, [item]).text() == "- 3 Mar 2025: Crime fell by 12% in the quarter. [1]"


def test_yes_or_no_only_when_the_sentence_says_so(meetings, chunks, stats):
    draft = answer("Was Dock Lane's lighting fixed?", meetings, chunks, stats, [(JUNE, 1)])
    assert "eleven lamps" in draft.sentences[0].text
    assert not draft.sentences[0].text.startswith(("Yes", "No"))


def test_chair_is_one_composed_sentence_citing_the_attendance_block(meetings, chunks, stats):
    found = plan("Who chaired the June 2025 meeting?", meetings)
    draft = meeting_answer(found, [meetings[JUNE]], lambda m, p: item(chunks, m, p))
    assert draft.text() == "Insp. Owen Hart chaired the meeting of 9 Jun 2025. [1]"
    assert draft.citations[0].item_position == 0 and draft.citations[0].sentences == ("Insp. Owen Hart (Chair)",)
    assert_grounded(draft)


def test_a_who_question_about_a_role_is_not_answered_by_a_sentence_that_never_names_it():
    from assistant.extractive import _role_unsaid

    sentence = scored_item("Matters Arising\nThe lead officer would step down, with the role going to Sam Reed.", 0.8)
    draft = Draft()
    draft.quote(sentence.item, sentence.units[0])
    assert _role_unsaid(plan_question("who got picked as the new chair", SearchFilters(), []), draft) == "the new chair"
    assert _role_unsaid(plan_question("who is the new lead officer", SearchFilters(), []), draft) is None
    elected = scored_item("Election of Vice-Chair\nThe Committee elected Councillor Birch to be the Vice Chair.", 0.8)
    said = Draft()
    said.quote(elected.item, elected.units[0])
    assert _role_unsaid(plan_question("who was elected vice-chair", SearchFilters(), []), said) is None  # "Vice Chair"
    assert _role_unsaid(plan_question("who do you send nominations for the new chair to", SearchFilters(), []), draft) is None


def test_who_from_a_body_is_not_answered_by_a_sentence_that_names_only_the_body():
    from assistant.extractive import _names_no_one

    def draft_of(text: str) -> Draft:
        found = scored_item(f"Lighting Update\n{text}", 0.8)
        draft = Draft()
        draft.quote(found.item, found.units[0])
        return draft

    asked = plan_question("who from the lighting unit came to the march meeting", SearchFilters(), [])
    assert _names_no_one(asked, draft_of("An update was given by the Harbour Lighting Unit (HLU)."))
    assert not _names_no_one(asked, draft_of("Sam Reed of the Harbour Lighting Unit gave an update."))


def september(text: str, meetings, chunks) -> tuple[Meeting, dict[str, Meeting], Callable]:
    """A further Harbourside meeting on 8 September 2025 from `text` (after its heading line): the meeting, every
    meeting with it, and the item source that holds its chunks too."""
    added = parse_minutes(f"Harbourside Community Safety Partnership - 8 September 2025 {text}", "harbourside-2025-09-08.txt")
    added = replace(added, facts=extract_facts(added))
    held = {**chunks, added.id: chunk_meeting(added, lambda words: len(words.split()))}
    return added, {**meetings, added.id: added}, lambda m, p: item(held, m, p)


def test_a_start_time_written_with_full_stops_ends_the_sentence_once(meetings, chunks):
    later, every, source = september("10.30 a.m.\n\nPresent: Cllr Dana Price (Chair).\n\n1\n\nLighting\n"
                                     "The lamps were fixed.\n", meetings, chunks)
    draft = meeting_answer(plan("what time did the september 2025 meeting start", every), [later], source)
    assert draft.text() == "The meeting of 8 Sep 2025 started at 10.30 a.m. [1]"


def test_someone_listed_as_present_and_among_the_apologies_is_answered_with_both_records(meetings, chunks):
    both, every, source = september("\n\nPresent: Cllr Dana Price (Chair), Cllr Lee Wong, Mia Ford (Youth Service).\n\n"
                                    "Apologies: Cllr Lee Wong.\n\n1\n\nLighting\nThe lamps were fixed.\n", meetings, chunks)
    found = plan("was cllr lee wong actually at the september 2025 meeting", every)
    assert found.kind is QuestionKind.YESNO and about_attendee(found, [both])
    draft = meeting_answer(found, [both], source)
    assert draft.text() == ("Cllr Lee Wong is listed as present at the meeting of 8 Sep 2025. [1] The minutes also list "
                            "Cllr Lee Wong among the apologies. [1]")


def test_asked_who_chaired_over_the_years_a_meeting_with_no_chair_gives_its_word_on_choosing_one(meetings, chunks):
    later, every, source = september("\n\n1\n\nMatters Arising\nThe Chair thanked officers for the report.\nFollowing "
                                     "the elections, nominations for a Chair would be needed before the next meeting.\n",
                                     meetings, chunks)
    found = plan("who has chaired the harbourside partnership over the years", every)
    assert found.kind is QuestionKind.MEETINGS and about_meeting(found)
    assert not beyond_role(plan("who chaired it in 2025 vs 2026 vs 2027", meetings), [later])  # years: more meetings
    draft = meeting_answer(found, [meetings[MARCH], later], source)
    assert draft.text().endswith("- 8 Sep 2025: Following the elections, nominations for a Chair would be needed before "
                                 "the next meeting. [2]")
    assert_grounded(draft)


def test_a_meeting_that_lists_no_chair_but_elects_one_answers_who_chaired_with_the_decision(meetings, chunks):
    later, every, source = september("\n\n1\n\nElection of Chair\nIt was AGREED that Dana Price be elected Chair for the "
                                     "year.\n\n2\n\nAppointment of Vice-Chair\nRESOLVED that Lee Wong be appointed "
                                     "Vice-Chair.\n", meetings, chunks)
    chair = meeting_answer(plan("who chaired the september 2025 meeting", every), [later], source)
    assert chair.text() == "It was AGREED that Dana Price be elected Chair for the year. [1]"
    vice = meeting_answer(plan("who was vice chair in september 2025", every), [later], source)
    assert vice.text() == "RESOLVED that Lee Wong be appointed Vice-Chair. [1]"
    assert_grounded(chair)
    later, every, source = september("\n\n1\n\nElection of Chair\nThe Committee: Resolved (by 7 votes to 0) to elect "
                                     "Councillor Dana Price as Chair for the ensuing year.\n", meetings, chunks)
    voted = meeting_answer(plan("who chaired the september 2025 meeting", every), [later], source)
    assert voted.text().startswith("The Committee: Resolved (by 7 votes to 0) to elect Councillor Dana Price as Chair")


@pytest.mark.parametrize("question, other", [
    ("who chairs the taxi marshal steering group", True), ("who was chair of the harbour safeguarding board", True),
    ("who chaired the harbourside community safety partnership", False), ("who chaired the partnership meeting", False),
    ("who from the youth offending service attended", False),  # someone at this committee's meeting
    ("who should nominations for chair go to", True), ("who was vice chair at the march 2025 meeting", False),
])
def test_a_chair_asked_of_another_body_or_with_more_in_mind_is_not_who_chaired(meetings, question, other):
    assert beyond_role(plan(question, meetings), list(meetings.values())) is other


@pytest.mark.parametrize("question, answer", [
    ("who was at the march 2025 meeting for the youth service", "Mia Ford (Youth Service) attended the meeting of 3 Mar 2025."),
    ("was raj patel at the march 2025 meeting", "Raj Patel (Fire and Rescue) attended the meeting of 3 Mar 2025."),
    ("did anyone from the probation service attend in march 2025", ""),  # "Youth Service" is not the probation service
    ("who was harbourside police at the march 2025 meeting",
     "Insp. Owen Hart (Harbourside Police) attended the meeting of 3 Mar 2025."),
    ("who was there from the fr at the march 2025 meeting",  # a body by its initials
     "Raj Patel (Fire and Rescue) attended the meeting of 3 Mar 2025."),
])
def test_attendance_asked_who_was_at_or_whether_someone_was_is_answered_from_the_records(meetings, chunks, question,
                                                                                         answer):
    found = plan(question, meetings)
    assert about_meeting(found) or about_attendee(found, [meetings[MARCH]])
    draft = meeting_answer(found, [meetings[MARCH]], lambda m, p: item(chunks, m, p))
    assert " ".join(sentence.text for sentence in draft.sentences) == answer


def test_an_attendee_listed_twice_is_named_once(meetings, chunks):
    march = meetings[MARCH]
    twice = replace(march, facts=replace(march.facts, attendees=(*march.facts.attendees, march.facts.attendees[2])))
    draft = meeting_answer(plan("who came from the youth service in march 2025", meetings), [twice],
                           lambda m, p: item(chunks, m, p))
    assert draft.sentences[0].text == "Mia Ford (Youth Service) attended the meeting of 3 Mar 2025."


def test_someone_named_in_full_is_not_matched_by_a_namesake_at_another_meeting(meetings, chunks):
    june = meetings[JUNE]
    namesake = Attendee("Raj Singh", "Harbourside Police", None, "member", 0, "Raj Singh (Harbourside Police)")
    june = replace(june, facts=replace(june.facts, attendees=(*june.facts.attendees, namesake)))
    draft = meeting_answer(plan("which meetings was raj patel at", meetings), [meetings[MARCH], june],
                           lambda m, p: item(chunks, m, p))
    assert draft.text() == "- 3 Mar 2025: Raj Patel (Fire and Rescue) attended the meeting. [1]"


def test_a_question_about_a_topic_discussed_at_a_meeting_is_not_about_its_attendance(meetings):
    found = plan("was night-time violence discussed at the march 2025 meeting", meetings)
    assert not about_meeting(found) and not about_attendee(found, [meetings[MARCH]])
    assert not about_meeting(plan("which meetings did harbourside police present reports at", meetings))
    assert about_meeting(plan("which meetings was raj patel at", meetings))
    assert about_meeting(plan("which meetings was raj patel at and what was he listed as", meetings))


@pytest.mark.parametrize("question", ["When was the meeting after the March one?",
                                      "when was the meeting after the march one supposed to be"])
def test_the_meeting_after_another_is_the_next_meeting_its_minutes_set(meetings, chunks, stats, question):
    found = plan(question, meetings)
    assert found.anchor == MARCH and about_meeting(found)
    draft = meeting_answer(found, [meetings[JUNE]], lambda m, p: item(chunks, m, p), meetings[MARCH])
    assert draft.text() == "The next meeting was set for Monday 9 June 2025 at 10.00 am, Quay House. [1]"
    assert draft.citations[0].item == "HCSP/12/25"
    assert_grounded(draft)


def test_the_meeting_after_another_is_also_the_next_the_index_holds_when_that_is_another(meetings, chunks):
    march = meetings[MARCH]
    set_for = replace(march.facts.next_meeting, date=dt.date(2025, 5, 12))  # minutes that set a meeting never held here
    anchor = replace(march, facts=replace(march.facts, next_meeting=set_for))
    found = plan("when was the meeting after the march 2025 one held", meetings)
    draft = meeting_answer(found, [meetings[JUNE]], lambda m, p: item(chunks, m, p), anchor)
    assert draft.sentences[-1].text == "The next meeting in the index was held on Monday 9 June 2025."
    found = plan("when was the meeting after the march 2025 one set for", meetings)  # the minutes' own word
    assert len(meeting_answer(found, [meetings[JUNE]], lambda m, p: item(chunks, m, p), anchor).sentences) == 1


def test_apologies_and_venue_are_composed_from_the_facts(meetings, chunks):
    source = lambda m, p: item(chunks, m, p)  # noqa: E731
    apologies = meeting_answer(plan("Who sent apologies to the March 2025 meeting?", meetings), [meetings[MARCH]], source)
    typed = meeting_answer(plan("who sent apologys for the march 2025 meeting", meetings), [meetings[MARCH]], source)
    venue = meeting_answer(plan("Where was the March 2025 meeting held?", meetings), [meetings[MARCH]], source)
    assert apologies.text() == typed.text() == "Apologies for the meeting of 3 Mar 2025 were sent by Cllr Lee Wong. [1]"
    assert venue.text() == "The meeting of 3 Mar 2025 was held at Room 2, Quay House. [1]"


def test_next_meeting_dates_are_listed_per_meeting(meetings, chunks):
    draft = next_meetings(list(meetings.values()), lambda m, p: item(chunks, m, p))
    assert draft.text() == "- 3 Mar 2025: the next meeting was set for Monday 9 June 2025 at 10.00 am. [1]"


def test_a_body_only_on_the_attendance_list_is_named_in_the_refusal(meetings):
    listed = listed_only("What did the fire and rescue service report about the night-time economy?",
                         list(meetings.values()))
    assert listed is not None and listed_text(*listed) == ("Raj Patel (Fire and Rescue) is listed as present on 3 Mar 2025, "
                    "but no item records what they said.")
    by_name = listed_only("what did raj patel say about the night time economy", list(meetings.values()))
    assert by_name is not None and by_name[0].name == "Raj Patel"
    assert listed_only("what did raj smith say about the night time economy", list(meetings.values())) is None


@pytest.mark.parametrize("question, passage, refused", [
    ("What did the fire brigade say about hate crime?", "Hate crime reports rose; members asked for a breakdown.", True),
    ("What did the fire brigade say about hate crime?", "Cleveland Fire Brigade said hate crime had risen.", False),
    ("What did members say about hate crime?", "Hate crime reports rose.", False),
    ("What did partners say about hate crime?", "Hate crime reports rose.", False),
    ("What did the Home Office say about hate crime?",
     "Hate crime reports rose. The report was restricted until released by the Home Office.", True),
    ("What did the police say about hate crime?", "Sgt Bell of Cleveland Police gave an update. Hate crime had risen.", False),
    ("What did the crime reports say about hate crime?", "Hate crime had risen.", False),  # a document: its own words
    ("What did residents say about hate crime?", "Members of the community raised hate crime.", False),  # no one named
])
def test_a_speaker_no_passage_names_has_not_been_heard(question, passage, refused):
    assert unheard(question, [("Crime Report", passage)]) is refused
    assert speaker(question) == question.split(" say")[0].removeprefix("What did ")


def test_a_speaker_named_in_an_item_titled_by_the_subject_has_been_heard_on_it():
    passage = "Sandra Looby, Borough Commander, advised that there had been no significant change to threat levels."
    question = "what did the borough commander say about terrorism"
    assert not unheard(question, [("Terrorism update", passage)])
    assert unheard(question, [("Licensing update", passage)])
    # The speaker asked by an abbreviation the index knows is heard in its long form, and back.
    stats = TermStats(["x"], Glossary([("CSP", "Community Safety Partnership")]))
    said = [("Patrols", "The Community Safety Partnership Manager said patrols had doubled.")]
    assert not unheard("what did the csp manager say about patrols", said, stats.terms)
    assert unheard("what did the csp manager say about patrols", said)


def test_what_they_agreed_when_told_names_no_speaker():
    assert speaker("what did they agree when told about the youth justice review") is None


def test_lists_stay_whole_with_their_lead_in_and_bare_titles_are_left_out():
    text = ("Drug Related Offending\nMembers discussed the figures. The following points were raised by Members:-\n"
            "* Users are taking cheaper drugs\n* Crime figures are good\nAGREED that the report be noted.")
    chunk = chunk_meeting(parse_minutes(f"Board\n\n1\n\n{text}\n", "x.txt"), lambda t: len(t.split()))[-1]
    found = units(Evidence(Hit.from_chunk(chunk, 0, 0, 0), [chunk]))
    assert [u.text for u in found] == [
        "Members discussed the figures.",
        "The following points were raised by Members: Users are taking cheaper drugs; Crime figures are good.",
        "AGREED that the report be noted.",
    ]
    assert found[2].decision and not found[1].decision


RIVERSIDE = {
    "riverside-2024-01-10.txt": """Riverside Safety Board

A meeting of Riverside Safety Board was held on Wednesday, 10th January, 2024 10.00 am.

Present: Cllr Ann Lee (Chair), Sgt Tom Bell (Riverside Police).

RSB/1/24

Recorded Crime Report

Overall crime was down by 6.5% compared with the previous year. The report covered the 12-month period to December 2023.

AGREED that the report be noted.

RSB/2/24

Park Safety

A brief discussion was had around the use of e-bikes in the park. Officers would fit trackers to seized bikes and return them to owners.

AGREED that the update be noted.

RSB/3/24

Wardens Action Plan

The community safety accreditation scheme would give park wardens more powers. The wardens would report to the CSP.

RSB/4/24

Bike Marking

There was no further update on Bike Marking.
""",
    "riverside-2024-07-10.txt": """Riverside Safety Board

A meeting of Riverside Safety Board was held on Wednesday, 10th July, 2024 10.00 am.

Present: Cllr Ann Lee (Chair), Sgt Tom Bell (Riverside Police).

RSB/5/24

Recorded Crime Report

Sgt Bell presented a report on recorded crime to members. The crime report covered the 12-month period to June 2024. Stop and search had a 30% success rate. These points would feed into the community safety plan.

AGREED that the report be noted.

RSB/6/24

Community Safety Plan

Officers set out the draft community safety plan and members asked for more on victim support.

AGREED that the draft plan be approved.

RSB/7/24

Bike Marking Review

This item was deferred until the next meeting.

RSB/8/24

Quay Events

Officers had marked 40 bikes at the quay event as part of bike marking.

RSB/9/24

Minutes

To approve the minutes of the meeting held on 10 January 2024.

The minutes of the meeting held on 10 January 2024 were agreed as a true record.
""",
}
JANUARY, JULY = "riverside-2024-01-10", "riverside-2024-07-10"


@pytest.fixture(scope="module")
def riverside():
    parsed = [parse_minutes(text, name) for name, text in RIVERSIDE.items()]
    found = {meeting.id: replace(meeting, facts=extract_facts(meeting)) for meeting in parsed}
    chunked = {meeting_id: chunk_meeting(meeting, lambda text: len(text.split())) for meeting_id, meeting in found.items()}
    return found, chunked, TermStats([chunk.embed_text for parts in chunked.values() for chunk in parts])


def test_asked_for_figures_a_meeting_without_one_about_the_subject_gets_no_line(riverside):
    # July's report gives only a length of time ("12-month") and a stop-and-search rate that does not name crime.
    draft = answer("how have the crime figures changed across the meetings", *riverside, [(JULY, 1), (JANUARY, 1)])
    assert draft.text() == "- 10 Jan 2024: Overall crime was down by 6.5% compared with the previous year. [1]"
    assert_grounded(draft)


def test_an_item_titled_by_the_subject_with_only_housekeeping_gets_a_line_or_follows_its_meetings_line(riverside):
    draft = answer("which meetings covered bike marking", *riverside, [(JULY, 3), (JULY, 4), (JANUARY, 4)])
    assert draft.text() == ("- 10 Jan 2024: There was no further update on Bike Marking. [1]\n"
                            "- 10 Jul 2024: Officers had marked 40 bikes at the quay event as part of bike marking. [2] "
                            "Bike Marking Review: this item was deferred until the next meeting. [3]")


def test_asked_which_meetings_an_item_titled_by_one_subject_counts_though_its_few_words_read_far(riverside):
    # "Bike Marking Review" says only that it was deferred: it names one of the two subjects asked, and nothing else.
    found, chunked, stats = riverside
    question = "which meetings covered bike marking or e-bike trackers"
    asked = plan(question, found)
    hits = {(JANUARY, 2): 1.0, (JULY, 3): 0.3}

    def evidence(meeting_id: str, position: int) -> Evidence:
        return item(chunked, meeting_id, position)

    bar = relevance(asked, replace(evidence(JULY, 3), hit=replace(evidence(JULY, 3).hit, dense=0.3)), stats) / 0.7
    sources = Sources(
        retrieve=lambda text, k, filters: [replace(evidence(*key).hit, dense=dense, score=dense) for key, dense in hits.items()],
        chunks=lambda meeting_id, position: [c for c in chunked[meeting_id] if c.item_position == position],
        meeting=found.get, listing=lambda: [MeetingInfo(m.id, m.date) for m in found.values()],
        stats=stats, meaning=None, threshold=bar)
    draft = extractive.answer(asked, sources)
    assert isinstance(draft, Draft) and "deferred until the next meeting" in draft.text()


def test_a_meetings_line_from_an_item_titled_by_the_subject_adds_its_count_not_a_section_or_a_day():
    item = scored_item("Bike Marking\nMembers heard about bike marking under Section 26 of the scheme. A bike marking "
                       "week would start on Monday 6 March. To date 410 bikes had been marked.", 0.8, (0.9, 0.5, 0.3))
    draft = shapes.meetings(plan_question("which meetings covered bike marking", SearchFilters(), []), [item])
    assert draft.text() == ("- 3 Mar 2025: Members heard about bike marking under Section 26 of the scheme. [1] "
                            "To date 410 bikes had been marked. [1]")


def test_asked_when_something_was_last_discussed_the_newest_meeting_gives_the_line(riverside):
    draft = answer("when was the crime report last discussed", *riverside, [(JANUARY, 1), (JULY, 1)])
    assert draft.text().startswith("- 10 Jul 2024:") and len(draft.sentences) == 1
    draft = answer("when was the crime report first discussed", *riverside, [(JANUARY, 1), (JULY, 1)])
    assert draft.text().startswith("- 10 Jan 2024:") and len(draft.sentences) == 1


def test_a_meetings_line_is_what_the_minutes_record_not_what_the_agenda_asked(riverside):
    draft = answer("which meetings approved earlier minutes", *riverside, [(JULY, 5)])
    assert draft.text() == "- 10 Jul 2024: The minutes of the meeting held on 10 January 2024 were agreed as a true record. [1]"


def test_an_item_whose_title_names_the_subject_speaks_for_its_meeting(riverside):
    # RSB/5/24 mentions the plan in passing; RSB/6/24 is about it.
    draft = answer("How has the community safety plan been discussed?", *riverside, [(JULY, 1), (JULY, 2)])
    assert [citation.item for citation in draft.citations] == ["RSB/6/24"]


def test_a_line_that_only_says_something_was_discussed_goes_on_to_what_was_said(riverside):
    draft = answer("How has the board handled e-bikes?", *riverside, [(JANUARY, 2)])
    assert draft.text() == ("- 10 Jan 2024: A brief discussion was had around the use of e-bikes in the park. [1] "
                            "Officers would fit trackers to seized bikes and return them to owners. [1]")
    assert_grounded(draft)


def test_who_presented_what_never_leads_a_meeting_line(riverside):
    draft = answer("which meetings discussed recorded crime reports", *riverside, [(JULY, 1)])
    assert not draft.sentences[0].text.startswith("- 10 Jul 2024: Sgt Bell presented")


def test_asked_yes_or_no_a_real_decision_leads_and_gives_the_verdict(riverside):
    draft = answer("did they approve the draft plan", *riverside, [(JULY, 2)])
    assert draft.sentences[0].text == "Yes: AGREED that the draft plan be approved."
    assert_grounded(draft)


def test_no_verdict_from_a_sentence_that_only_suspects_it():
    evidence = one_item("Crime Update\nIt is suspected, although not proven, that the crime increase is due to the "
                        "inspection report.")
    text = fact_of("was the crime increase down to the inspection report", evidence).text()
    assert text.startswith("It is suspected") and not text.startswith(("Yes", "No"))


def test_no_verdict_from_a_sentence_that_shares_only_the_subject(riverside):
    draft = answer("was the safety update given", *riverside, [(JULY, 2)])
    assert not draft.sentences[0].text.startswith(("Yes", "No"))


def test_an_item_of_housekeeping_beside_headings_answers_a_pointed_question_about_itself():
    evidence = one_item("Reports Back\n(a) Renaissance\n(b) DAAT Groups\nThere were no reports back.")
    assert fact_of("were there any reports back from the daat groups", evidence).text() == "There were no reports back. [1]"


def test_a_short_record_that_nothing_happened_answers_a_question_naming_its_item():
    evidence = one_item("Presentation of Petitions\nThere were no petitions.")
    assert fact_of("were there any petitions", evidence).text().endswith("here were no petitions. [1]")


def test_a_question_naming_what_housekeeping_is_about_is_answered_by_it_whatever_the_title():
    evidence = one_item("Welcome\nThe Evacuation Procedure was noted by members.")
    assert fact_of("was the evacuation procedure gone through", evidence).text().endswith("the Evacuation Procedure was noted by members. [1]")
    found = plan_question("was the fire drill gone through", SearchFilters(), [])
    assert not fact(found, read(found, [evidence], TermStats([evidence.text, "Other minutes."]), None, False)).sentences


def test_an_abbreviated_title_names_its_item_of_housekeeping():
    evidence = one_item("Any Other Business\nThere wasn't any other business.")
    glossary = Glossary([("AOB", "Any Other Business")])
    found = plan_question("was there any aob at the meeting", SearchFilters(), [], glossary)
    scored = read(found, [evidence], TermStats([evidence.text, "Other minutes of other matters."], glossary), None, False)
    assert fact(found, scored).text() == "There wasn't any other business. [1]"


def test_asked_who_presented_the_opener_that_says_so_answers():
    evidence = one_item("Bikes Report\nRepresentatives from Harbour Police presented a report on bikes to members.\n"
                        "Bike thefts on the quay were discussed at length by Cllr Dana Price.")
    assert fact_of("who presented the bikes report", evidence).sentences[0].text.startswith("Representatives from Harbour Police presented")


def test_asked_a_date_an_opener_that_gives_one_answers_and_one_with_a_year_alone_does_not():
    stats = TermStats(["Other minutes of other business.", "Minutes of the board."])
    board = one_item("Minutes of the Harbour Safeguarding Board\nMembers were presented with the minutes of the Harbour "
                     "Safeguarding Board held on 18 October 2024.\nAGREED that the minutes be noted.")
    asked = plan_question("the safeguarding board minutes they looked at, what date was that board meeting", SearchFilters(), [])
    assert fact(asked, read(asked, [board], stats, None, False)).sentences[0].text.endswith("held on 18 October 2024.")
    strategy = one_item("Lighting Strategy\nMembers were provided with a copy of the Lighting Strategy Consultation "
                        "(2023 – 2028).\n"
                        "The consultation ran between 12th July and 25th August 2024.")
    asked = plan_question("when did the lighting strategy consultation run", SearchFilters(), [])
    assert fact(asked, read(asked, [strategy], stats, None, False)).sentences[0].text.startswith("The consultation ran")


def test_an_item_the_question_names_that_records_only_its_presenting_answers_nothing():
    # Another item's sentence about some other plan is no answer to what the targets in this one were.
    named = one_item("Night-time Plan Q3\nTargets from the Night-time Plan Q3 were presented to the Partnership, with "
                     "a brief overview.\nAGREED that the Night-time Plan Q3 be noted.")
    other = one_item("Lighting\nThe lighting plan for the night-time economy would replace eleven lamps on the quay.")
    asked = plan_question("what were the actual targets in the night-time plan q3", SearchFilters(), [])
    stats = TermStats([named.text, other.text, "Other minutes of other business."])
    assert fact(asked, read(asked, [named, other], stats, None, False)).sentences == []
    assert fact(asked, read(asked, [other], stats, None, False)).sentences  # not named, the other item may answer


def test_once_a_sentence_names_the_subject_the_one_saying_what_was_asked_of_it_leads():
    item = scored_item("Quay Lights\nMembers highlighted a scheme known as Quay Lights.\nThe scheme had run for ten years.\n"
                       "Some concern over the scheme was raised by members.\nThe lamps were checked each winter.", 0.8,
                       (0.6, 0.2, 0.4, 0.35))
    def lead(question: str) -> str:
        return fact(plan_question(question, SearchFilters(), []), [item]).sentences[0].text
    assert lead("why were members uneasy about quay lights").startswith("Some concern")  # "uneasy": concern
    assert lead("were the quay lights ever checked").startswith("Members highlighted")  # one word in common is chance


def test_asked_whether_something_was_approved_the_sentence_saying_so_leads():
    evidence = one_item("Lighting Plan\nThe Partnership received a presentation from Jo Bloggs on the draft lighting plan "
                        "for the quay.\nMembers discussed lamps on Dock Lane.\nThere was overall agreement that the "
                        "plan be approved.")
    for question in ("did members approve the draft lighting plan", "did they sign off the draft lighting plan"):
        assert fact_of(question, evidence).sentences[0].text.startswith("There was overall agreement that the plan be approved")


def test_what_was_said_of_a_thing_named_only_in_a_decision_is_nothing():
    item = scored_item("Knife Crime\nMembers were given a presentation on knife crime.\nThe presentation covered seizures "
                       "on the quay.\nAGREED that the letter from the Home Office be circulated when it arrives.", 0.8)
    assert summary(plan_question("what did the home office letter say about knife crime", SearchFilters(), []),
                   [item]).sentences == []
    assert summary(plan_question("what was said about knife crime seizures", SearchFilters(), []), [item]).sentences
    assert summary(plan_question("what was said about knife crime and kids", SearchFilters(), []), [item]).sentences


def test_a_lead_in_that_gives_the_date_asked_for_answers():
    evidence = one_item("Lamp Plan\nTaking members through the lamp plan which had been published by the Council in March "
                        "2024 Officers highlighted the following points:\n- Forty lamps would be replaced.\n"
                        "- Dock Lane would be first.")
    assert "March 2024" in fact_of("when did the council publish the lamp plan", evidence).sentences[0].text


def test_the_decision_of_an_item_named_by_one_shared_word_gives_way_to_a_far_closer_one():
    closer = scored_item("DAATQ3\nMembers were presented with the DAAT Q3 report.\nAGREED that the DAAT Q3 report be noted.", 0.9)
    named = scored_item("YOT Q3\nMembers were presented with the YOT summary.\nAGREED that the YOT summary be noted.", 0.4)
    asked = plan_question("what did they agree on the daat q3 report", SearchFilters(), [])
    assert "DAAT Q3" in decisions(asked, [named, closer]).sentences[0].text


def test_no_verdict_from_what_the_agenda_asked_for():
    asked = scored_item("Declarations of Interest\nTo receive declarations by Members of interests in respect of items.", 0.8)
    found = plan_question("were there any declarations of interest by members", SearchFilters(), [])
    assert fact(found, [asked]).sentences[0].text.startswith("To receive declarations")


def test_once_an_item_is_titled_by_the_subject_an_item_sharing_one_word_with_it_gets_no_line(riverside):
    # January's RSB/3/24 says "community safety" (accreditation) and "plan" (its wardens'), never the community safety
    # plan; July's RSB/6/24 is titled by it.
    draft = answer("How has the community safety plan been discussed?", *riverside, [(JULY, 2), (JANUARY, 3)])
    assert [citation.item for citation in draft.citations] == ["RSB/6/24"]


def test_asked_the_name_of_something_the_sentence_that_names_it_leads():
    item = scored_item("Any Other Business\nMembers raised worries that the volunteer scheme's name sounded religious.\n"
                       "Members highlighted a volunteer scheme from years gone by known as ‘Quay Angels’.", 0.8, (0.7, 0.5))
    draft = fact(plan_question("whats the name of the old volunteer scheme some worried sounded religious?",
                               SearchFilters(), []), [item])
    assert draft.sentences[0].text == "Members highlighted a volunteer scheme from years gone by known as ‘Quay Angels’."


def test_a_lead_that_only_restates_the_question_is_joined_to_the_sentence_that_answers(riverside):
    draft = answer("what concerns were raised around the use of e-bikes in the park", *riverside, [(JANUARY, 2)])
    first = draft.sentences[0].text
    assert first.startswith("A brief discussion was had around the use of e-bikes in the park: ")
    assert "fit trackers" in first
    assert_grounded(draft)


def test_an_item_that_names_the_subject_by_its_abbreviation_keeps_its_line(riverside):
    meetings, chunks, stats = riverside
    found = replace(plan("How has the community safety plan been discussed?", meetings),
                    search="How has the community safety plan been discussed? CSP")  # as the glossary adds it
    items = [item(chunks, JULY, 2), item(chunks, JANUARY, 3)]
    draft = shape(found, read(found, [i for i in items if i], stats, None, False))
    assert [citation.item for citation in draft.citations] == ["RSB/3/24", "RSB/6/24"]


def test_an_item_of_housekeeping_only_adds_nothing_to_a_summary(meetings, chunks, stats):
    found = plan("What was said about the youth diversion fund?", meetings)
    fund = item(chunks, MARCH, 2)
    note = "This agenda item was an accidental duplication of the following item."
    copy = replace(fund.chunks[0], item_position=9, text=note)
    duplicate = Evidence(Hit.from_chunk(copy, 0.0, 0.5, 0.0), [copy])
    draft = shape(found, read(found, [duplicate, fund], stats, None, True))
    assert "Mia Ford explained" in draft.text() and "duplication" not in draft.text()
    assert [c.item_position for c in draft.citations] == [2]


@pytest.mark.parametrize("question, answer", [
    ("who was the contact for the meeting", "Jo Bloggs was the contact for the meeting of 3 Mar 2025. [1]"),
    ("who came from quay police", "Sam Hart (Quay Police) attended the meeting of 3 Mar 2025. [1]"),
])
def test_the_contact_and_who_came_from_a_body_come_from_the_header(question, answer):
    text = ("Harbourside Community Safety Partnership - Monday 3rd March, 2025 10.00 am\n\n"
            "Contact: Democratic Services Officer - Jo Bloggs\n\nPresent: Cllr Dana Price (Chair), Sam Hart (Quay Police)\n\n"
            "HCSP/10/25\n\nNight-time Economy Update\n\nIncidents fell.\n")
    parsed = parse_minutes(text, "hcsp.txt")
    meeting = replace(parsed, facts=extract_facts(parsed))
    found_chunks = {meeting.id: chunk_meeting(meeting, lambda t: len(t.split()))}
    draft = meeting_answer(plan(question, {meeting.id: meeting}), [meeting], lambda m, p: item(found_chunks, m, p))
    assert draft.text() == answer
    assert "Jo Bloggs" not in meeting_answer(plan("who attended the meeting", {meeting.id: meeting}), [meeting],
                                             lambda m, p: item(found_chunks, m, p)).text()
    assert_grounded(draft)


def test_a_sectioned_item_answers_from_the_section_the_question_names(stats):
    text = ("Matters Arising\nCandidate Responses\nThe two candidates attended and their letters were circulated to "
            "Members.\nWork with Sex Workers\nMembers discussed the issues around sex workers and resources.\n"
            "A seminar would be held in September.\nAGREED that the matters arising be noted.")
    chunk = chunk_meeting(parse_minutes(f"Board - 3 March 2025\n\n3\n\n{text}\n", "x.txt"), lambda t: len(t.split()))[-1]
    evidence = Evidence(Hit.from_chunk(chunk, 0, 0.5, 0), [chunk])
    assert [u.heading for u in units(evidence)][:4] == ["", "Candidate Responses", "Candidate Responses",
                                                        "Work with Sex Workers"]
    found = plan_question("what was said about sex workers", SearchFilters(), [])
    draft = shape(found, read(found, [evidence], stats, None, True))
    assert "sex workers and resources" in draft.sentences[0].text and "candidates" not in draft.text()
    assert draft.sentences[-1].text == "AGREED that the matters arising be noted."


def test_a_marked_list_ends_at_the_first_unmarked_line_after_it():
    text = ("Restorative Justice\nThe presentation covered the following key areas:-\n* Approaches\n* Evaluation\n"
            "Members were then given the opportunity to ask questions.\nAGREED that the presentation be noted.")
    found = units(one_item(text))
    assert [u.text for u in found][:2] == ["The presentation covered the following key areas: Approaches; Evaluation.",
                                           "Members were then given the opportunity to ask questions."]


def test_unmarked_points_written_as_sentences_end_at_a_sub_heading():
    text = ("Minutes\nRESOLVED:\nThat the minutes of the meeting held on 1 February 2025 be confirmed.\nMatters arising\n"
            "QP07 - this action had been completed.")
    found = units(one_item(text))
    assert found[0].text == "RESOLVED: That the minutes of the meeting held on 1 February 2025 be confirmed."
    assert found[1].text == "Matters arising" and found[2].heading == "Matters arising"


def test_a_long_items_summary_keeps_what_the_question_asks_beyond_its_title(stats):
    filler = [f"Officers reported that patrol number {n} in the {ward} ward had gone well with {n * 7} visits made."
              for n, ward in enumerate(["north", "south", "east", "west", "central", "river", "hill"], start=1)]
    text = "\n".join(["Police Update", *filler[:5], "A group would review the results of the residents survey, which "
                      "asked for more youth sessions.", *filler[5:], "AGREED that the update be noted."])
    evidence = one_item(text)
    found = plan_question("whats come out of the residents survey", SearchFilters(), [])
    draft = shape(found, read(found, [evidence], stats, None, True))
    assert "more youth sessions" in draft.text() and draft.sentences[-1].text == "AGREED that the update be noted."


@pytest.mark.parametrize("question, lead, missing", [
    ("what are the six outcomes in the plan", "This plan would draw the work in to six desired outcomes.",
     "The minutes mention the six outcomes but do not list them."),
    ("what were the 3 priorities", "The board set 3 priorities for the year.", "The minutes mention the 3 priorities but do "
                                                                              "not list them."),
    ("what are the six outcomes in the plan", "The plan has six outcomes: safer streets; fewer victims.", None),
    ("what are the six outcomes in the plan", "The plan was approved by six votes to two.", None),
    ("what was the plan about", "This plan would draw the work in to six desired outcomes.", None),
])
def test_a_counted_set_the_minutes_do_not_list_is_missing(question, lead, missing):
    assert unlisted(question, lead) == missing


_REGION = ("12 hotspots had been identified across the Wessex area. All areas would join the scheme – Harbourside was "
           "already accredited.")


@pytest.mark.parametrize("question, lead, missing", [
    ("how many of the hotspots are in harbourside", _REGION.split(". ")[0] + ".",
     "The minutes give this across the Wessex area, not for Harbourside alone."),
    ("which streets in harbourside are hotspots", "Wessex-wide, 12 hotspots were picked.",
     "The minutes give this Wessex-wide, not for Harbourside alone."),
    ("how many hotspots were identified in wessex", _REGION.split(". ")[0] + ".", None),  # the place it is given for
    ("how many hotspots were there in the pilot", _REGION.split(". ")[0] + ".", None),  # "pilot" is no name here
    ("how many hotspots are in harbourside", "Harbourside had 3 of the 12 hotspots across the Wessex area.", None),
    ("how many hotspots are in harbourside", "Officers had identified 12 hotspots.", None),  # no place of its own
])
def test_a_figure_given_for_another_place_does_not_answer_for_the_one_asked(question, lead, missing):
    assert other_scope(question, lead, _REGION) == missing


@pytest.mark.parametrize("question, lead, missing", [
    ("exact date of the summit?", "A date in February was proposed for a summit.", True),
    ("what day is the summit on", "The summit would be held in 2025.", True),
    ("exact date of the summit?", "The summit would be held on 12 February 2025.", False),
    ("exact date of the summit?", "The summit would be held on February 12.", False),
    ("when is the summit", "A date in February was proposed for a summit.", False),  # a month answers "when"
])
def test_a_month_or_year_alone_does_not_give_the_exact_date_asked(question, lead, missing):
    assert (no_exact_date(question, lead) == "The minutes give no exact date for this.") is missing


def test_a_figure_for_one_town_does_not_answer_for_another_the_minutes_name_elsewhere():
    lead = "Police said the figures for the Harbourside local authority area showed a 30% success rate."
    elsewhere = {"quayford": ["A scheme involving Quayford had been mapped."]}
    def other(word: str) -> list[str]:
        return elsewhere.get(word, [])
    assert other_scope("whats the success rate in quayford", lead, lead, other) == (
        "The minutes give this for the Harbourside local authority area, not for Quayford.")
    assert other_scope("whats the success rate in harbourside", lead, lead, other) is None
    assert other_scope("whats the success rate in July", lead, "Figures for July were given.", other) is None
    assert other_scope("whats the success rate in quayford", lead, lead) is None  # never written as a name


def test_asked_what_something_is_the_item_about_it_opens_with_its_list_not_its_decisions(stats):
    text = ("Violence Unit\nMembers were given a presentation on the Violence Unit. The presentation covered the "
            "following key areas:-\n* A new long term initiative to tackle violence in the town\n* Causes of violence\n"
            "AGREED that:-\n* The Violence Unit presentation be received; and\n* Members receive further updates from the Violence "
            "Unit.\n* The Violence Unit letter be circulated.")
    evidence = one_item(text)
    separate = units(evidence, lists=False)
    assert [u.decision for u in separate][-3:] == [True] * 3 and separate[-3].text == "The Violence Unit presentation be received"
    found = plan_question("what is the violence unit", SearchFilters(), [])
    draft = shape(found, read(found, [evidence], stats, None, True))
    assert draft.sentences[0].text.startswith("The presentation covered the following key areas: A new long term")


def test_asked_what_something_is_its_items_opening_leads_over_a_decision_that_names_it_more():
    text = ("Violence Unit\nThe unit is a new long term initiative to tackle violence in the town.\n"
            "AGREED that members receive further updates from the Violence Unit.")
    scored = scored_item(text, 0.8, (0.1, 0.9))
    assert fact(plan_question("what is the violence unit", SearchFilters(), []), [scored]).sentences[0].text == (
        "The unit is a new long term initiative to tackle violence in the town.")
    assert fact(plan_question("how will members hear about the violence unit", SearchFilters(), []),
                [scored]).sentences[0].text.startswith("AGREED")


def test_asked_how_figures_changed_a_figure_naming_the_subject_beats_one_in_a_point_under_its_title():
    text = ("ASB Action Plan\nOfficers highlighted the following points:-\n"
            "* Cleveland would get 1 million in funding for the pilot.\n* 19 ASB hotspots had been "
            "identified across the area.\nAGREED that the report be noted.")
    meeting = parse_minutes(f"Board - 3 March 2025\n\n3\n\n{text}\n", "x.txt")
    found = {meeting.id: meeting}
    chunked = {meeting.id: chunk_meeting(meeting, lambda t: len(t.split()))}
    draft = answer("how have the asb figures changed", found, chunked, TermStats(
        [chunk.embed_text for chunk in chunked[meeting.id]]), [(meeting.id, 1)])
    assert "19 ASB hotspots" in draft.sentences[0].text


def test_a_further_item_joins_a_summary_only_if_it_names_the_whole_subject():
    strategy = scored_item("Alcohol Strategy\nThe alcohol strategy runs for three years.", 0.8)
    plan_item = scored_item("Community Safety Plan\nThe strategy was welcomed by members.\nIt covers drugs and alcohol.", 0.75)
    again = scored_item("Alcohol Strategy Review\nThe alcohol strategy would be reviewed in the spring.", 0.7)
    draft = summary(plan_question("what was said about the alcohol strategy", SearchFilters(), []),
                    [strategy, plan_item, again])
    assert "three years" in draft.text() and "reviewed in the spring" in draft.text()
    assert "welcomed" not in draft.text() and "drugs" not in draft.text()


def test_points_raised_are_those_that_say_so_and_those_after_a_lead_in_to_the_comments():
    item = scored_item("Harbour Plan\nOfficers presented the draft harbour plan.\nMembers asked about the ferry.\n"
                       "Partners were given the opportunity to ask questions and make comments, summarised as follows.\n"
                       "The marina needs more lighting.\nThe bus link should run later.\nAGREED that the plan be noted.\n"
                       "The next review is in May.", 0.8)
    texts = {unit.index: unit.text for unit in item.units}
    assert sorted(texts[index] for index in _raised(item)) == [
        "Members asked about the ferry.", "The bus link should run later.", "The marina needs more lighting."]


def test_the_answer_a_point_raised_got_is_part_of_that_point():
    item = scored_item("Harbour Plan\nOfficers presented the draft harbour plan.\nMembers asked about the ferry.\n"
                       "It was pointed out by officers that the ferry runs hourly.\nThe marina was repainted.\n"
                       "It was noted that the bus link runs late.\nAGREED that the plan be noted.", 0.8)
    texts = [unit.text for unit in item.units if unit.index in _raised(item)]
    assert texts == ["Members asked about the ferry.", "It was pointed out by officers that the ferry runs hourly."]


def test_a_point_that_records_an_agreement_does_not_end_the_points_raised():
    item = scored_item("Harbour Plan\nOfficers presented the draft harbour plan.\n"
                       "Partners were given the opportunity to ask questions and make comments, summarised as follows:\n"
                       "- The marina needs more lighting.\nOfficers would write to the marina owners about it.\n"
                       "- It was agreed that ferry figures be split by route.\n"
                       "- The bus link should run later.\nAGREED that the plan be noted.\nThe next review is in May.", 0.8)
    texts = [unit.text for unit in item.units if unit.index in _raised(item)]
    assert any("bus link" in text for text in texts) and not any("next review" in text for text in texts)


def test_asked_for_the_points_raised_a_summary_gives_them_all_in_order():
    points = [f"Members asked whether the {place} would get {thing} before the summer season began, and who would pay "
              "for the work and its upkeep in later years."
              for place, thing in (("quay", "new railings"), ("old docks", "more lighting"), ("river walk", "benches"),
                                   ("ferry pier", "a ticket office"), ("car park", "barriers"), ("beach", "lifeguards"))]
    item = scored_item("Harbour Plan\nOfficers presented the draft harbour plan.\n" + "\n".join(points) +
                       "\nThe plan had been costed at £2m.\nAGREED that the plan be noted.", 0.8,
                       (0.5,) + (0.2,) * 6 + (0.9, 0.5))  # the cost reads closer to the question than the points
    text = summary(plan_question("what points were raised about the harbour plan", SearchFilters(), []), [item]).text()
    found = [text.find(thing) for thing in ("railings", "lighting", "benches", "ticket office", "barriers", "lifeguards")]
    assert -1 not in found and found == sorted(found)


def test_a_summary_of_a_long_item_adds_the_points_raised_that_what_was_reported_left_out():
    report = " ".join(f"The plan covers {topic} in detail, with £{cost}m of costs and timescales for each stage."
                      for cost, topic in enumerate(("the quay", "the old docks", "the river walk", "the ferry pier",
                                                    "the car parks", "the beach huts", "the fish market"), start=1))
    item = scored_item(f"Harbour Plan\nOfficers presented the draft harbour plan. {report}\n"
                       "Partners were given the opportunity to ask questions and make comments, summarised as follows.\n"
                       "The marina needs more lighting.\nThe bus link should run later.\nAGREED that the plan be noted.", 0.8,
                       (0.9,) * 8 + (0.2, 0.2, 0.2, 0.5))  # the report reads far closer to the question than the points
    text = summary(plan_question("what was said about the harbour plan", SearchFilters(), []), [item]).text()
    assert text.index("The plan covers") < text.index("marina needs more lighting") < text.index("bus link")


def test_asked_what_a_report_said_of_one_thing_the_list_after_the_sentence_naming_it_is_quoted():
    aims = "\n".join(f"- Give the {place} new {thing} and better signs for visitors and residents" for place, thing in
                     (("quay", "railings"), ("old docks", "lighting"), ("river walk", "benches"), ("pier", "shelters"),
                      ("car park", "barriers"), ("beach", "showers"), ("market", "stalls"), ("bus station", "screens")))
    item = scored_item(f"Harbour Plan\nThe port published the harbour plan in May.\nThe plan sets out how the port "
                       f"would make changes to the waterfront.\nThe plan aimed to:\n{aims}\nThe report gave an overview of "
                       "the plan highlighting the key changes for the board.\nThe board was told the port owns the quay.\n"
                       "AGREED that the report be noted.", 0.8)
    text = summary(plan_question("harbour plan - what did the report say it would change", SearchFilters(), []),
                   [item]).text()
    assert "railings" in text and "shelters" in text  # the first points of the list, cut to fit


def test_a_second_answer_does_not_repeat_the_first_after_a_lead():
    item = scored_item("Harbour Plan\nThe plan covers the quay.\nThe ferry runs hourly.", 0.8).item
    first, second = Draft(), Draft()
    first.quote(item, units(item)[0])
    second.quote(item, units(item)[0], "At the 3 Mar 2025 meeting,")
    second.quote(item, units(item)[1])
    first.extend(second, 1)
    assert [sentence.text for sentence in first.sentences] == ["The plan covers the quay.", "The ferry runs hourly."]


def test_asked_what_an_item_was_about_its_list_is_whole_and_what_it_mentions_is_one_fact():
    aims = "\n".join(f"- Improve the {place} with new {thing} and better signs for visitors and for residents alike"
                     for place, thing in (("quay", "railings"), ("old docks", "lighting"), ("river walk", "benches"),
                                          ("ferry pier", "shelters"), ("car park", "barriers"), ("beach", "showers"),
                                          ("fish market", "stalls"), ("bus station", "screens")))
    item = scored_item(f"Harbour Plan\nOfficers presented the draft harbour plan.\nThe plan aimed to:\n{aims}\n"
                       "A summit on the plan's funding would be held in May with the port authority.\n"
                       "AGREED that the plan be noted.", 0.8, (0.5, 0.5, 0.9, 0.5))
    text = shape(plan_question("what was the harbour plan about", SearchFilters(), []), [item]).text()
    assert all(thing in text for thing in ("railings", "screens", "AGREED"))
    text = shape(plan_question("what was the summit about", SearchFilters(), []), [item]).text()
    assert text.startswith("A summit on the plan's funding")


@pytest.mark.parametrize("question", ["what feedback did partners give on the harbour plan",
                                      "any gaps they pointed out in the harbour plan", "what did partners say about it",
                                      "feedback from partners on the harbour plan when it was presented"])
def test_feedback_and_gaps_pointed_out_are_the_points_raised(question):
    assert shapes._ASKS_VIEWS.search(question)


def test_asked_what_members_said_a_summary_gives_the_points_raised_before_what_was_reported():
    report = " ".join(f"The plan covers {topic} in detail, with costs and timescales for each stage of the works."
                      for topic in ("the quay", "the old docks", "the river walk", "the ferry pier", "the car parks",
                                    "the beach huts", "the lifeboat station", "the fish market"))
    item = scored_item(f"Harbour Plan\nOfficers presented the draft harbour plan. {report}\n"
                       "Partners were given the opportunity to ask questions and make comments, summarised as follows.\n"
                       "The marina needs more lighting.\nThe bus link should run later.\nAGREED that the plan be noted.", 0.8,
                       (0.9,) * 9 + (0.5, 0.2, 0.2, 0.5))  # the report reads closer to the question than the points
    text = summary(plan_question("what did partners say about the harbour plan", SearchFilters(), []), [item]).text()
    assert "marina needs more lighting" in text and "bus link should run later" in text


def test_asked_what_was_decided_about_an_item_the_question_names_its_decisions_answer():
    crime = scored_item("Recorded Crime Report\nThe community safety plan was mentioned.\nAGREED that the report be noted.", 0.8)
    plan_item = scored_item("Harbour-on-Sea Community Safety Plan\nAGREED that the plan be approved.", 0.79)
    found = plan_question("what did they agree about the community safety plan", SearchFilters(), [])
    assert shape(found, [crime, plan_item]).sentences[0].text == "On 3 Mar 2025: AGREED that the plan be approved."


def test_asked_what_was_decided_the_words_asking_it_are_not_the_topic():
    assert query_terms(plan_question("what did they agree about the harbour plan", SearchFilters(), [])) == ["harbour", "plan"]
    assert "agreement" in query_terms(plan_question("was the agreement on the harbour plan signed", SearchFilters(), []))


def test_a_short_point_that_holds_the_span_asked_for_answers(stats):
    evidence = one_item("ASB Update\nMembers had an update on the following areas:-\n* The ASB Strategy 2016-2019;\n"
                        "* Tools and powers;\n* Partnership work with landlords and the police across the town.")
    found = plan_question("what years does the asb strategy cover", SearchFilters(), [])
    assert shape(found, read(found, [evidence], stats, None, False)).sentences[0].text == "The ASB Strategy 2016-2019"


def test_a_place_in_a_sentence_about_something_else_does_not_answer_where(stats):
    evidence = one_item("Violence Update\nA summit on the night time economy was proposed for February.\n"
                        "The unit would work with partners in Riverton on youth diversion.")
    found = plan_question("where is the night time economy summit going to be held", SearchFilters(), [])
    assert not shape(found, read(found, [evidence], stats, None, False)).sentences
