"""Meeting facts extracted at ingest: attendance records, when and where, next meeting, decisions, figures."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from assistant import Assistant
from assistant.facts import HEADER_POSITION, MeetingFacts
from assistant.models import Meeting
from ingest.attendance import header_attendees, item_apologies
from ingest.facts import extract_facts
from ingest.parse import parse_minutes
from ingest.read import document_text, read_bytes

from conftest import DATA, FIXTURES

SEEDS = {
    "2012": "safer-stockton-partnership-2012-08-14.txt",
    "2017": "safer-stockton-partnership-2017-02-14.txt",
    "2022": "safer-stockton-partnership-2022-01-11.txt",
    "2023": "safer-stockton-partnership-2023-07-19.txt",
    "undated": "safer-stockton-partnership-undated-op-harmony.txt",
}

# A layout the seeds do not use: one attendee per line, roles after dashes, bodies after commas,
# the venue in a "held at" sentence, a lettered decision list, the next meeting set in a sentence.
HARBOURSIDE = """HARBOURSIDE COMMUNITY SAFETY PARTNERSHIP

Minutes of the meeting held at Quay House, Room 2 on Monday 3rd March 2025 at 10.00 am

Present:
Cllr Dana Price - Chair
Cllr Lee Wong - Vice-Chair
Insp. Owen Hart, Harbourside Police
Mia Ford (Youth Service)
Raj Patel (Fire and Rescue)

Apologies for absence: Cllr Sam Ives.

1. Night-time Economy Update

Insp. Hart reported 212 night-time violence incidents between October and December 2024, down 14% on the same quarter of 2023.

RESOLVED that:
(a) the taxi marshal scheme continue to September 2025;
(b) officers write to the lighting authority about Dock Lane.

2. Youth Diversion Fund

Members were presented with a report on the Youth Diversion Fund. Mia Ford explained that £48,500 had been awarded by the Police and Crime Commissioner (PCC) for 2025/26, of which £30,000 would pay for two detached youth workers. The wider programme was worth £1.2m. The report referred to ASB (anti-social behaviour) in the town centre.

Members noted the report.

3. Date of Next Meeting

The next meeting would be held on Monday 9th June 2025 at 10.00 am, Quay House.
"""


def seed(name: str) -> Meeting:
    path = DATA / SEEDS[name]
    meeting = parse_minutes(path.read_text(encoding="utf-8"), str(path))
    return replace(meeting, facts=extract_facts(meeting))


def harbourside() -> Meeting:
    meeting = parse_minutes(HARBOURSIDE, "hcsp-2025-03-03.txt")
    return replace(meeting, facts=extract_facts(meeting))


def block_text(meeting: Meeting, position: int) -> str:
    """The text a fact at `position` is cited from: the header, or the item's title and text."""
    if position == HEADER_POSITION:
        return meeting.header
    item = meeting.item(f"#{position}")
    assert item is not None
    return f"{item.title}\n{item.text}"


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_fact_quotes_its_source_exactly(name):
    meeting = seed(name)
    facts = meeting.facts
    sourced = [facts.held, facts.venue, facts.next_meeting, *facts.attendees, *facts.figures, *facts.definitions]
    for fact in [f for f in sourced if f is not None] + list(facts.decisions):
        assert fact.source and fact.source in block_text(meeting, fact.position), fact


FIXTURE_FILES = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".html"))


def fixture(name: str) -> Meeting:
    path = FIXTURES / name
    meeting = parse_minutes(document_text(path, read_bytes(path)), str(path))
    return replace(meeting, facts=extract_facts(meeting))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_fact_in_every_layout_fixture_quotes_its_source_exactly(path):
    meeting = fixture(str(path.relative_to(FIXTURES)))
    facts = meeting.facts
    for fact in [f for f in (facts.held, facts.venue, facts.next_meeting) if f is not None] + [
            *facts.attendees, *facts.figures, *facts.definitions, *facts.decisions]:
        assert fact.source in block_text(meeting, fact.position), fact


def test_a_header_block_ends_at_a_table_heading():
    assert fixture("venue-only/hcsp-autumn-table.txt").facts.venue.name == "Committee Room 1, Harbourside Civic Centre"
    apologies = fixture("decision-preamble/hcsp-2011-03-29.txt").facts.of_kind("apologies")
    assert [p.name for p in apologies] == ["Cllr Ivy Blake", "Ben Yates"]  # "were submitted on behalf of ..." read


def test_a_number_after_of_which_counts_nothing():
    counts = {f.value: f.unit for f in fixture("second-council/kvbc-planning-2024-04-09.txt").facts.figures}
    assert counts == {"27": "open enforcement cases"}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_facts_survive_the_stored_json(name):
    meeting = seed(name)
    stored = json.loads(json.dumps(meeting.to_dict()))
    assert Meeting.from_dict(stored) == meeting
    assert MeetingFacts.from_dict(None) == MeetingFacts() == MeetingFacts.from_dict({})


def test_2012_is_chaired_by_geoff_lee_with_attendees_by_organisation():
    facts = seed("2012").facts
    assert facts.chair is not None and facts.chair.name == "Geoff Lee" and facts.chair.role == "Chairman"
    police = facts.by_organisation("member")["Cleveland Police"]
    assert [p.name for p in police] == ["David Toor", "Rob Donaghy"]
    assert police[0].source == "David Toor, Rob Donaghy (Cleveland Police)"
    candidates = facts.of_kind("in_attendance")
    assert [(p.name, p.role) for p in candidates] == [("Cllr Barry Coppinger", "PCC Candidates"),
                                                      ("Cllr Ken Lupton", "PCC Candidates")]
    assert [p.name for p in facts.of_kind("officer")] == ["Peter Bell", "Steven Hume", "Heather Hutchings", "Katie Smith"]
    assert len(facts.of_kind("apologies")) == 7 and facts.of_kind("apologies")[0].name == "Cllr Mrs Cunningham"


def test_a_bracketed_body_after_a_stray_comma_and_a_shared_body_are_read():
    facts = seed("2017").facts
    people = {p.name: p for p in facts.of_kind("member")}
    assert people["John Bentley"].organisation == "Safe in Tees Valley"
    assert people["Marc Anderson"].organisation == "Cleveland Police"
    assert people["Cllr Jim Beall"].organisation is None  # a councillor is not given the next person's body
    assert facts.chair is not None and facts.chair.name == "Cllr Steve Nelson"


def test_bracketed_roles_are_roles_and_bodies_are_organisations():
    people = {p.name: p for p in seed("2022").facts.attendees}
    assert people["Cllr Ann McCoy"].role == "Cabinet Member for Adult Social Care"
    assert people["Cllr Ann McCoy"].organisation is None
    assert people["Marc Stephenson"].organisation == "SBC – Community Services"
    assert people["Chris Williams"].kind == "in_attendance"
    assert [p.name for p in seed("2022").facts.of_kind("apologies")] == ["Alex Sinclair", "Sean Ormerod"]


def test_when_and_where_from_the_header():
    held = seed("2023").facts.held
    assert held is not None and (held.date, held.time) == (dt.date(2023, 7, 19), "9.00 am")
    assert seed("2023").facts.venue.name.startswith("Meeting Room 1, Jim Cooke Conference Suite")
    assert seed("undated").facts.venue.name.startswith("Jim Cooke Conference Suite, Stockton Central Libary")
    assert seed("undated").facts.held is None and seed("2012").facts.venue is None


@pytest.mark.parametrize("name, date, time, position", [
    ("2012", dt.date(2012, 9, 25), "1.30 p.m.", 22),  # "Tuesday 25 September": the year from the meeting, weekday checked
    ("2017", dt.date(2017, 3, 14), "9.30am", 18),
    ("2022", dt.date(2022, 2, 16), None, 9),
])
def test_next_meeting_from_its_item(name, date, time, position):
    found = seed(name).facts.next_meeting
    assert found is not None and (found.date, found.time, found.position) == (date, time, position)


def test_no_next_meeting_when_none_is_set():
    assert seed("2023").facts.next_meeting is None and seed("undated").facts.next_meeting is None


def test_numbered_decision_lists_are_kept_whole():
    facts = seed("2012").facts
    [decision] = facts.item_decisions(17)
    assert decision.text.startswith("AGREED that:-") and decision.verb == "agreed" and not decision.routine
    assert decision.text.endswith("Big Lottery Fund’s multiple and complex needs programme.")
    assert "1. The principle of attempting to replicate the Minerva Project" in decision.text


def test_a_decision_word_alone_on_its_line_keeps_the_words_below_it():
    minutes = ("Quayside Panel\n\nA meeting of Quayside Panel was held on Monday, 3rd March, 2025.\n\n"
               "1 Extra Meeting\n\nIt was proposed that the Panel meet again.\n\nRESOLVED\n\n"
               "That an additional meeting be held on 10 April 2025.\n\n"
               "2 Harbour Panel\n\nRESOLVED\n\nTHAT:\n\na) Council approved the panel.\n\n"
               "b) Council authorised the Director to finalise the details.\n")
    facts = extract_facts(parse_minutes(minutes, "quayside.txt"))
    assert [d.text for d in facts.item_decisions(1)] == ["RESOLVED That an additional meeting be held on 10 April 2025."]
    [listed] = facts.item_decisions(2)
    twice = extract_facts(parse_minutes(minutes.replace("It was proposed", "RESOLVED That an additional meeting be held on "
                                                        "10 April 2025.\n\nIt was proposed"), "quayside.txt"))
    assert len(twice.item_decisions(1)) == 1  # printed under "Decision:" and again in the minutes: one decision
    assert listed.text.startswith("RESOLVED THAT:") and listed.text.endswith("authorised the Director to finalise the details.")


@pytest.mark.parametrize("item, decided", [
    # A list of points written as sentences ends at a sub-heading.
    ("1 Minutes\n\nRESOLVED:\n\nThat the minutes of the meeting held on 1 February 2025 be confirmed.\n\n"
     "Matters arising\n\nQP07 - this action had been completed.\n",
     "RESOLVED:\n\nThat the minutes of the meeting held on 1 February 2025 be confirmed."),
    # A decision that says only that it was made keeps the proposal before it.
    ("1 Patrol Plan\n\nOfficers outlined the plan. Proposal that the patrol plan be adopted.\n\nAgreed by unanimous vote.\n",
     "Proposal that the patrol plan be adopted.\n\nAgreed by unanimous vote."),
])
def test_a_decision_is_the_words_that_say_what_was_decided(item, decided):
    minutes = f"Quayside Panel\n\nA meeting of Quayside Panel was held on Monday, 3rd March, 2025.\n\n{item}"
    [decision] = extract_facts(parse_minutes(minutes, "quayside.txt")).item_decisions(1)
    assert decision.text == decided


def test_decisions_without_capitals_are_found():
    assert [d.text for d in seed("2023").facts.item_decisions(2)] == ["Members noted the update."]
    assert seed("2023").facts.item_decisions(1)[0].text.endswith("were agreed as a true record.")
    ropner = seed("undated").facts.item_decisions(5)
    assert [d.text for d in ropner] == ["Members AGREED to note the update."] and ropner[0].routine
    agreed = [d.text for d in seed("2022").facts.item_decisions(6)]
    assert "It was agreed that for future meetings the report/data separates out domestic abuse from domestic crime." \
        in agreed


def test_noting_is_routine_and_approving_an_application_is_not():
    decisions = {d.position: d for d in seed("2017").facts.decisions}
    assert decisions[12].routine and decisions[3].routine  # "the report be noted", "the minutes be approved"
    assert not decisions[16].routine  # "the Migration Fund application be approved"


def test_the_2023_funding_figure_is_1_million_without_a_pound_sign():
    amounts = [f for f in seed("2023").facts.item_figures(4) if f.kind == "amount"]
    assert [(f.value, f.number) for f in amounts] == [("1 million", 1_000_000.0)]
    assert amounts[0].source.startswith("Cleveland would be one of the pilot forces")
    counts = {f.value: f.unit for f in seed("2023").facts.item_figures(4) if f.kind == "count"}
    assert counts == {"19": "Antisocial Behaviour hotspots"}


def test_percentages_and_counts_but_not_dates_years_or_references():
    figures = seed("2012").facts.figures
    assert [(f.position, f.value) for f in figures if f.kind == "percent"] == [(11, "8.3%"), (11, "28.1%")]
    counts = {(f.value, f.unit) for f in figures if f.kind == "count"}
    assert ("88", "convictions") in counts and ("30", "High Crime causers") in counts
    values = {f.value for f in figures}
    assert not values & {"2012", "15", "3.1", "26", "1", "2011", "25", "20"}  # years, item 15, target 3.1, dates
    assert {f.value for f in seed("undated").facts.figures} == {"8%", "170%", "18.8%", "41.6%", "13%", "18.5%"}


def test_one_attendee_per_line_with_dashes_and_commas():
    facts = harbourside().facts
    people = [(p.name, p.organisation, p.role, p.kind) for p in facts.attendees]
    assert people == [
        ("Cllr Dana Price", None, "Chair", "member"),
        ("Cllr Lee Wong", None, "Vice-Chair", "member"),
        ("Insp. Owen Hart", "Harbourside Police", None, "member"),
        ("Mia Ford", "Youth Service", None, "member"),
        ("Raj Patel", "Fire and Rescue", None, "member"),
        ("Cllr Sam Ives", None, None, "apologies"),
    ]
    assert facts.chair.name == "Cllr Dana Price" and facts.vice_chair.name == "Cllr Lee Wong"


def test_held_at_venue_start_time_and_next_meeting_sentence():
    facts = harbourside().facts
    assert facts.venue is not None and facts.venue.name == "Quay House, Room 2"
    assert facts.held is not None and (facts.held.date, facts.held.time) == (dt.date(2025, 3, 3), "10.00 am")
    found = facts.next_meeting
    assert found is not None and (found.date, found.time, found.venue) == (dt.date(2025, 6, 9), "10.00 am", "Quay House")


def test_lettered_decision_list_and_money_in_every_form():
    meeting = harbourside()
    [resolved] = meeting.facts.item_decisions(1)
    assert resolved.verb == "resolved" and resolved.text.endswith("about Dock Lane.") and "(a) the taxi" in resolved.text
    figures = {f.value: f for f in meeting.facts.figures}
    assert figures["£48,500"].kind == "amount" and figures["£48,500"].number == 48_500
    assert figures["£1.2m"].number == 1_200_000 and figures["14%"].kind == "percent"
    assert figures["212"].unit == "night-time violence incidents" and figures["two"].unit == "detached youth workers"
    assert "2024" not in figures and "2025/26" not in figures


def test_definitions_written_either_way_and_by_initials():
    found = {d.term: (d.expansion, d.how) for d in harbourside().facts.definitions}
    assert found["PCC"] == ("Police and Crime Commissioner", "defined")
    assert found["ASB"] == ("anti-social behaviour", "defined")
    seeded = {d.term: (d.expansion, d.how, d.position) for d in seed("2023").facts.definitions}
    assert seeded["CURV"] == ("Cleveland Unit for Reduction of Violence", "defined", 3)
    assert seeded["PSPO"] == ("Public Space Protection Order", "initials", 5)


def test_initials_in_another_item_do_not_define_an_abbreviation():
    # 2017 uses "ASB" in item 8 and "Adult Safeguarding Board" only in item 6.
    assert "ASB" not in {d.term for d in seed("2017").facts.definitions}


def test_initials_never_run_into_a_persons_title():
    # "... Harbourside District Council Cllr Pipe ..., Kay White (HDC)": HDC is not "Harbourside District Council Cllr".
    meeting = parse_minutes("Harbourside Partnership – 3 March 2025\n\nPresent: Cllr Lee (Chair) Harbourside District "
                            "Council Cllr Pipe\n\nIn Attendance: Kay White (DCC)\n\n1. Minutes\n\nAgreed.\n", "h.txt")
    assert "DCC" not in {d.term for d in extract_facts(meeting).definitions}


def test_a_body_the_attendance_list_names_defines_its_initials_anywhere_in_the_meeting():
    # 2017 lists "Youth Offending Team: Miriam Sigsworth" among those present and titles item 10 "YOT Q3".
    found = {d.term: (d.expansion, d.how, d.position) for d in seed("2017").facts.definitions}
    assert found["YOT"] == ("Youth Offending Team", "initials", 0)


def test_meetings_carry_their_facts_through_the_index(data_index):
    bot = Assistant.open(data_index)
    facts = bot.meeting("safer-stockton-partnership-2012-08-14").facts
    assert facts.chair is not None and facts.chair.name == "Geoff Lee"
    assert facts.next_meeting is not None and facts.next_meeting.date == dt.date(2012, 9, 25)
    assert ("CURV", "Cleveland Unit for Reduction of Violence") in bot.meetings()[3].abbreviations
    assert bot.expand("ASB") == {"anti-social behaviour"} and bot.expand("anti-social behaviour") == {"ASB"}


def test_decisions_lists_every_decision_with_its_meeting_and_item(data_index):
    bot = Assistant.open(data_index)
    rows = bot.decisions()
    assert len(rows) == sum(len(bot.meeting(r.id).facts.decisions) for r in bot.meetings())
    assert rows[0].meeting_id == "safer-stockton-partnership-2012-08-14" and rows[-1].date is None
    minerva = bot.decisions(query="Minerva Project")
    assert [(r.item_number, r.item_title, r.date) for r in minerva] == [
        ("17", "Diversion from Re-offending", dt.date(2012, 8, 14))]
    assert {r.meeting_id for r in bot.decisions(since="2023-01-01")} == {"safer-stockton-partnership-2023-07-19"}
    assert bot.decisions(committee="no such committee") == []
    assert minerva[0].to_dict()["date"] == "2012-08-14"


def test_an_attendee_source_is_their_own_line_when_nothing_is_shared():
    sources = [p.source for p in harbourside().facts.attendees]
    assert sources[:3] == ["Cllr Dana Price - Chair", "Cllr Lee Wong - Vice-Chair", "Insp. Owen Hart, Harbourside Police"]


def test_a_chair_line_marks_the_person_on_the_list():
    people = header_attendees("Chair: Cllr A Name\nPresent: Cllr A Name, Cllr B Other (Harbourside Council)")
    assert [(p.name, p.role, p.organisation) for p in people] == [
        ("Cllr A Name", "Chair", None), ("Cllr B Other", None, "Harbourside Council")]
    alone = header_attendees("Chair: Councillor Jo Bloggs.")
    assert [(p.name, p.role, p.kind, p.source) for p in alone] == [
        ("Councillor Jo Bloggs", "Chair", "member", "Councillor Jo Bloggs")]


def test_a_label_may_be_followed_by_a_dash_not_a_colon():
    people = header_attendees("Apologies - Cllr Ann Lee – Harbourside Council, Tom Bell – Probation Service\n"
                              "In Attendance – Kay White (HCC) attended for item 1")
    assert [(p.name, p.kind, p.organisation) for p in people] == [
        ("Cllr Ann Lee", "apologies", "Harbourside Council"), ("Tom Bell", "apologies", "Probation Service"),
        ("Kay White", "in_attendance", "HCC")]


def test_apologies_minuted_as_an_item():
    people = item_apologies("Apologies for absence were received from Cllr A Smith and Insp. B Jones.", 1)
    assert [(p.name, p.kind, p.position) for p in people] == [("Cllr A Smith", "apologies", 1),
                                                              ("Insp. B Jones", "apologies", 1)]
    assert item_apologies("Introductions and apologies for absence were given.", 2) == []


def test_apologies_listed_a_line_each_with_substitutes_give_both():
    text = ("Apologies for absence were received from the following:\n\nStephen Moore - Joan Hall substituted\n\n"
            "Barbara Nix\n\nMembers then discussed the terms of reference for the partnership at some length.")
    people = [(p.name, p.kind, p.role) for p in item_apologies(text, 1)]
    assert people == [("Stephen Moore", "apologies", None), ("Joan Hall", "member", "substitute for Stephen Moore"),
                      ("Barbara Nix", "apologies", None)]


@pytest.mark.parametrize("header", ["Officers: Jane Doe, Committee and Member Services Officer; Tom Lee, Head of Safety",
                                    "Officers present: Jane Doe - Committee and Member Services Officer"])
def test_a_role_whose_words_are_joined_by_and_stays_one_role(header):
    jane = header_attendees(header)[0]
    assert (jane.name, jane.organisation, jane.role) == ("Jane Doe", None, "Committee and Member Services Officer")
    pair = header_attendees("Present: Jane Doe and Tom Lee (Fire and Rescue)")
    assert [(p.name, p.organisation) for p in pair] == [("Jane Doe", "Fire and Rescue"), ("Tom Lee", "Fire and Rescue")]


def test_a_contact_is_read_as_role_and_name_and_was_not_there():
    contact = seed("2023").facts.of_kind("contact")
    assert [(a.name, a.role) for a in contact] == [("John Devine", "Democratic Services Support Officer")]
    assert not contact[0].was_there and all(a.was_there for a in seed("2022").facts.of_kind("member"))


def test_a_start_time_on_a_header_line_of_its_own_is_the_meetings():
    meeting = parse_minutes("Minutes\n\nof the Meeting of the\n\nHarbour Planning Committee\n\nWednesday, 11th May 2016\n\n"
                            "Meeting Commenced:  2.30pm      Meeting Concluded: 4.38pm\n\n1\n\nApologies\n\nNone.\n",
                            "harbour-planning.txt")
    held = extract_facts(meeting).held
    assert held is not None and (held.date, held.time) == (dt.date(2016, 5, 11), "2.30pm")


def test_a_list_with_a_presence_column_splits_those_present_from_apologies():
    header = ("Minutes of the Meeting of the\n\nHarbour Planning Committee\n\nCouncillors:\n\n \n\nP  Ada Quill (Chairman)\n\n"
              "P  Ben Marsh (Vice-Chairman)\n\n \n\nA  Cora Vale\n\nP   Dan Reed (substitute for Cora Vale)\n\n"
              "A  Eve Stone \n\n \n\nOfficers in attendance: Fay Lin (Planning), Gus Moor (Legal)\n")
    people = header_attendees(header)
    assert [(p.name, p.kind) for p in people] == [
        ("Ada Quill", "member"), ("Ben Marsh", "member"), ("Cora Vale", "apologies"), ("Dan Reed", "member"),
        ("Eve Stone", "apologies"), ("Fay Lin", "officer"), ("Gus Moor", "officer")]
    assert people[0].role == "Chairman" and people[0].source == "Ada Quill (Chairman)"


def test_a_label_alone_takes_its_names_one_a_line_across_blank_lines_until_other_text():
    header = ("Minutes of a meeting of the\n\nLicensing Committee\n\non Thursday 4 June 2026\n\n\n"
              "Committee members present:\n\n Councillor Amble (Chair)\n\nCouncillor Birch\n\nCouncillor Landell Cole "
              "(Vice-Chair)\n\n\nOfficers present for all or part of the meeting:\n\nIra Holt, Monitoring Officer\n\n"
              "Jon Park, Licensing Officer\n\n\nNo apologies were received\n")
    people = header_attendees(header)
    assert [(p.name, p.kind, p.role) for p in people] == [
        ("Councillor Amble", "member", "Chair"), ("Councillor Birch", "member", None),
        ("Councillor Landell Cole", "member", "Vice-Chair"), ("Ira Holt", "officer", "Monitoring Officer"),
        ("Jon Park", "officer", "Licensing Officer")]


def test_a_label_alone_on_its_line_takes_the_names_below_the_blank_lines():
    header = "Overview Committee\n\nCommittee Members:\n\n\nCouncillors English (Chairman), Cannon and Brice\n\n\nOfficers: Jo Smith\n"
    people = header_attendees(header)
    assert [(person.name, person.kind) for person in people] == [
        ("English", "member"), ("Cannon", "member"), ("Brice", "member"), ("Jo Smith", "officer")]
    assert people[0].role == "Chairman"
    assert [p.name for p in header_attendees("Board\n\nPresent:\n\nApologies: Jo Smith\n")] == ["Jo Smith"]


def test_an_unlabelled_run_of_names_with_their_bodies_is_who_was_there():
    header = ("Harbour Safety Partnership meeting minutes 24 January 2023\n\nMS Teams virtual meeting\n\n"
              "HW Cllr. Hana Wells (Chair)\nRB Rob Bell (Harbour Police)\nSK Sam Kerr (Quay Council)\n\n"
              "Apologies received:\n\nTed Lane (Probation Service)\n")
    people = [(p.name, p.organisation, p.role, p.kind) for p in header_attendees(header)]
    assert people == [("Cllr. Hana Wells", None, "Chair", "member"), ("Rob Bell", "Harbour Police", None, "member"),
                      ("Sam Kerr", "Quay Council", None, "member"), ("Ted Lane", "Probation Service", None, "apologies")]
    assert header_attendees("Harbour Panel\n\nRob Bell (Harbour Police)\nSam Kerr (Quay Council)\n") == []  # two: no list
