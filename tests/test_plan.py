"""Reading questions: answer kinds, meeting references, periods (relative and misspelt) and what the index lacks."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from assistant.answer_type import AnswerType, QuestionKind, answer_type, holds, question_kind, wants_list
from assistant.dates import correct_months, find_period, month_number
from assistant.evidence import query_terms
from assistant.plan import MeetingInfo, plan_question
from assistant.query import SearchFilters
from assistant.terms import terms

MEETINGS = [
    MeetingInfo("aug-2012", dt.date(2012, 8, 14), ("Recorded Crime & Disorder", "Date of next meeting")),
    MeetingInfo("feb-2017", dt.date(2017, 2, 14), ("ASB", "Update on Prevent")),
    MeetingInfo("jan-2022", dt.date(2022, 1, 11), ("Recorded Crime and Disorder Report",)),
    MeetingInfo("jul-2023", dt.date(2023, 7, 19), ("Anti-Social Behaviour Action Plan", "Off-Road Bikes and E-Scooters")),
    MeetingInfo("undated", None, ("Op Harmony Update", "Ropner/Town Centre (Op Harmony) Update", "Police Update")),
]


def plan(question: str, filters: SearchFilters = SearchFilters()):
    return plan_question(question, filters, MEETINGS)


@pytest.mark.parametrize("question, kind", [
    ("What was said about the night-time economy in March 2025?", QuestionKind.SUMMARY),
    ("How much money did the youth diversion bid bring in?", QuestionKind.FACT),
    ("What did the partnership decide about door-staff logs?", QuestionKind.DECISION),
    ("Who chaired the June 2025 meeting?", QuestionKind.WHO),
    ("Which PCC candidates attended the August 2012 meeting?", QuestionKind.WHO),
    ("When was the meeting after the March one?", QuestionKind.WHEN),
    ("where was the op harmony meeting held", QuestionKind.WHERE),
    ("How did night-time violence change across the meetings?", QuestionKind.MEETINGS),
    ("What has been said about serious violence?", QuestionKind.MEETINGS),
    ("Was Dock Lane's lighting fixed?", QuestionKind.YESNO),
    ("What concerns did members raise about the Immediate Justice programme?", QuestionKind.FACT),
    ("what did members say about the pspo", QuestionKind.SUMMARY),
    ("what did the knife crime presentation cover", QuestionKind.SUMMARY),
    ("whats come out of the residents survey", QuestionKind.SUMMARY),
    # "when" joining a clause asks nothing; after a comma it asks when.
    ("feedback from partners on the harbour plan when the consultants presented it", QuestionKind.SUMMARY),
    ("the dock lane order, when does it expire", QuestionKind.WHEN),
    ("what has come up about the skate park at diffrent meetings", QuestionKind.MEETINGS),
    ("what did the chair say at the meeting in march", QuestionKind.SUMMARY),
    ("what was in the knife crime presentation", QuestionKind.SUMMARY),
    ("has asb gone up or down over the years", QuestionKind.MEETINGS),
    ("did crime go up or down in 2017", QuestionKind.FACT),
    ("was the bid approved or not", QuestionKind.YESNO),
    ("which areas does the pspo cover", QuestionKind.WHERE),
    ("what areas did the knife crime presentation cover", QuestionKind.FACT),
    ("whats the latest on the alcohol strategy", QuestionKind.SUMMARY),
    ("what came up under matters arising at the march meeting", QuestionKind.SUMMARY),
    ("where did stockton rank against the other csps", QuestionKind.FACT),
    ("what went on with the taxi marshals at the probation service", QuestionKind.SUMMARY),
    ("whats been going on with door staff", QuestionKind.SUMMARY),
    ("whats the news on the taxi marshals", QuestionKind.SUMMARY),
    ("what was mentioned about the taxi marshals", QuestionKind.SUMMARY),
    ("lighting strategy consultation - what did the partnership hear", QuestionKind.SUMMARY),
    ("what were members told about the taxi marshals", QuestionKind.SUMMARY),
    ("the taxi marshal scheme, what did the partnership get told about it", QuestionKind.SUMMARY),
    ("what figure were members told for night-time violence", QuestionKind.FACT),
    ("when was the lighting review published? it came up under aob at the march meeting", QuestionKind.WHEN),
    ("when was it agreed? and which meetings discussed it", QuestionKind.MEETINGS),  # a second question, not a scene
    ("what has the unit (vru?) been up to, it came up at the march meeting", QuestionKind.SUMMARY),
    ("what have the police said about e-bikes? every meeting it came up", QuestionKind.MEETINGS),  # the tail asks
    ("taxi marshals at the harbour", QuestionKind.SUMMARY),  # a bare topic
    ("what about the taxi marshals", QuestionKind.SUMMARY),
    ("police generated crime reduction %", QuestionKind.FACT),  # a bare topic that asks for a figure
    ("when did they last talk about the taxi marshals", QuestionKind.MEETINGS),
    ("when was door-staff logging first raised", QuestionKind.MEETINGS),
    ("when is the summit the police talked about", QuestionKind.WHEN),  # when the summit is
    ("how many times has lighting come up", QuestionKind.MEETINGS),
    ("how many meetings discussed taxi marshals", QuestionKind.MEETINGS),
    ("has anyone declared an interest, meeting by meeting", QuestionKind.MEETINGS),
    ("what lighting was fixed meeting by meeting", QuestionKind.MEETINGS),
    ("the plan pulls the work into how many outcomes", QuestionKind.FACT),
    ("has lighting come up? what was said each time", QuestionKind.MEETINGS),
    ("has the pspo come up at the board before", QuestionKind.MEETINGS),
    ("has ropner been discussed before", QuestionKind.MEETINGS),
    ("feb 2017 meeting - when was the next one set for?", QuestionKind.WHEN),  # the scene first, then the question
    ("back in 2012, who chaired", QuestionKind.WHO),
    ("at each meeting, which earlier minutes were approved", QuestionKind.MEETINGS),  # the scene says it
    ("lighting, taxis and door staff", QuestionKind.SUMMARY),  # no question after the commas
    ("after the jan 2022 meeting when was the next one set for", QuestionKind.WHEN),
    ("what comments did members make on the draft plan", QuestionKind.SUMMARY),
    ("what was the taxi marshal scheme about?", QuestionKind.SUMMARY),
    ("give me the gist of what the board said on lighting", QuestionKind.SUMMARY),
    ("remind me what came out of the lighting review", QuestionKind.SUMMARY),
    ("what did they agree to change about how the data is shown at future meetings", QuestionKind.DECISION),
    ("whats the story with the taxi marshals", QuestionKind.SUMMARY),
    ("lighting - has this come up at more than one meeting", QuestionKind.MEETINGS),
    ("can you sum up what the police told the partnership about lighting", QuestionKind.SUMMARY),  # not yes or no
    ("so what came out of the lighting review", QuestionKind.SUMMARY),
    ("could you tell me who chaired the feb 2017 meeting", QuestionKind.WHO),
    ("tell me what the police said about lighting", QuestionKind.SUMMARY),
    ("can the police seize bikes", QuestionKind.YESNO),
    ("that lighting model brought up most recently - which force came up with it originally?", QuestionKind.WHO),
    ("according to the 2017 update on counter-terrorism work, when did the duty come into force", QuestionKind.WHEN),
    ("has lighting come up more than once", QuestionKind.MEETINGS),
    ("what did the lighting unit update the partnership on last summer", QuestionKind.SUMMARY),
    ("what did the police tell members about taxi marshals in march 25", QuestionKind.SUMMARY),
    ("what did the area boards feed back to the board", QuestionKind.SUMMARY),
    ("what were the main comments on the draft plan", QuestionKind.SUMMARY),
    ("in what ways did members critique the draft plan", QuestionKind.SUMMARY),
    ("what concerns did members raise about the lighting", QuestionKind.FACT),  # the concern, stated first
    ("lighting report march 2025 what points did members raise", QuestionKind.SUMMARY),  # its subject, then the question
    ("minutes of the meeting when the mayor came", QuestionKind.SUMMARY),  # "when" that asks nothing: no date asked for
    ("someone mentioned bringing back the taxi marshals?? whats the story with that", QuestionKind.SUMMARY),
    ("i'm a resident on the quay and heard a consultant presented the draft harbour plan at the march 2025 board "
     "- what points did members raise about it?", QuestionKind.SUMMARY),  # a long scene
    ("can i get a summary of the lighting discussion in march, was crime going up?", QuestionKind.SUMMARY),
    ("who has chaired the board over the years", QuestionKind.MEETINGS),
    ("since the lighting was fixed has crime just moved round the corner?", QuestionKind.YESNO),  # a scene, then yes/no
    ("in 2012 members were worried about the quay. which park was it near?", QuestionKind.FACT),  # not yes or no
    ("has the lighting stuff come up at the meetings? which ones and what was said", QuestionKind.MEETINGS),
    ("compare the crime figures in march with the latest ones", QuestionKind.MEETINGS),
    ("what has the lighting unit been up to", QuestionKind.SUMMARY),
    ("what was the harbour plan trying to do?", QuestionKind.SUMMARY),
    ("what did people think of the draft harbour plan", QuestionKind.SUMMARY),
    ("what did partners think there could be more of in the plan", QuestionKind.FACT),
    ("any sign crime has just moved to nearby streets since the lighting went in?", QuestionKind.YESNO),
    ("venue for the july 2025 board mtg?", QuestionKind.WHERE),
    ("can someone sum up what the police told the board about lighting", QuestionKind.SUMMARY),
    ("who chaired the board in 2012 vs 2017 vs 2022 - has the chair changed", QuestionKind.MEETINGS),
    ("who sent apologies to each of the board meetings", QuestionKind.MEETINGS),
])
def test_each_question_gets_the_answer_kind_it_wants(question, kind):
    assert question_kind(question) is kind


@pytest.mark.parametrize("written, month", [("agust", 8), ("feburary", 2), ("janurary", 1), ("Sept", 9)])
def test_misspelt_month_names_are_read_where_allowed(written, month):
    assert month_number(written, lenient=True) == month


def test_a_misspelling_is_corrected_only_beside_a_year_or_day():
    assert correct_months("the agust 2012 one") == "the august 2012 one"
    assert correct_months("on 14 feburary") == "on 14 february"
    assert correct_months("which meetings mention marc stephenson") == "which meetings mention marc stephenson"


@pytest.mark.parametrize("text, since, until", [
    ("what happened last summer", dt.date(2023, 6, 1), dt.date(2023, 8, 31)),
    ("who presented last july", dt.date(2023, 7, 1), dt.date(2023, 7, 31)),
    ("anything last august", dt.date(2022, 8, 1), dt.date(2022, 8, 31)),  # August 2023 had not begun
    ("since 2012", dt.date(2012, 1, 1), None),
    ("between 2017 and 2012", dt.date(2012, 1, 1), dt.date(2017, 12, 31)),
    ("from 2012 to last summer", dt.date(2012, 1, 1), dt.date(2023, 8, 31)),
    ("jan 2022 - jul 2023", dt.date(2022, 1, 1), dt.date(2023, 7, 31)),
    ("the 2016-2019 strategy", dt.date(2016, 1, 1), dt.date(2019, 12, 31)),
    ("who was there in jan 22", dt.date(2022, 1, 1), dt.date(2022, 1, 31)),  # a year written short
    ("the feb '17 meeting", dt.date(2017, 2, 1), dt.date(2017, 2, 28)),
    ("the alcohol strategy from summer 2012", dt.date(2012, 6, 1), dt.date(2012, 8, 31)),
    ("how many referrals in 2016/17", dt.date(2016, 4, 1), dt.date(2017, 3, 31)),  # a financial year
    ("what was said about asb last year", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
    ("anything on the pspo this year", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
])
def test_periods_are_read_relative_to_the_newest_meeting(text, since, until):
    period = find_period(text, latest=dt.date(2023, 7, 19))
    assert period is not None and (period.since, period.until) == (since, until)


def test_a_meeting_named_by_its_subject_becomes_a_meeting_filter_not_search_words():
    found = plan("at the op harmony meeting what did police say about truancy")
    assert found.filters.meeting == "undated"
    assert "harmony" not in found.topic.lower() and "truancy" in found.topic


@pytest.mark.parametrize("question", ["public order offences - by how much did they go down (ropner/op harmony mtg)",
                                      "by how much did public order offences go down, op harmony meeting?"])
def test_a_meeting_named_last_as_an_aside_is_a_meeting_filter(question):
    found = plan(question)
    assert found.filters.meeting == "undated" and "harmony" not in found.topic.lower()


def test_a_subject_shared_by_several_meetings_names_none():
    assert plan("what was said at the recorded crime meeting").filters.meeting is None


def test_the_meeting_after_another_is_its_neighbour_in_the_index():
    found = plan("who chaired the meeting after the agust 2012 one")
    assert found.filters.meeting == "feb-2017"
    assert (found.anchor, found.relation) == ("aug-2012", "after")


def test_the_meeting_before_a_date_written_out():
    found = plan("who chaired the meeting before 11 Jan 2022")
    assert found.filters.meeting == "feb-2017" and found.relation == "before"


def test_the_month_alone_names_the_meeting_held_in_it():
    found = plan("Who chaired the meeting after the February one?")
    assert (found.anchor, found.filters.meeting) == ("feb-2017", "jan-2022")


def test_when_the_meeting_after_another_was_is_looked_up_in_that_other_meeting():
    found = plan("When was the meeting after the February 2017 one?")
    assert (found.anchor, found.relation, found.filters.meeting) == ("feb-2017", "after", "feb-2017")


def test_after_the_newest_meeting_there_is_none_but_the_anchor_is_kept():
    found = plan("who chaired the meeting after the july 2023 one")
    assert found.anchor == "jul-2023" and found.filters.meeting is None and found.refused
    assert found.missing == "The index holds no minutes of a meeting after 19 Jul 2023."


def test_the_last_meeting_is_the_newest_dated_one():
    assert plan("what was decided at the last meeting").filters.meeting == "jul-2023"
    assert plan("what was said at the previous meeting about bikes").filters.meeting == "jul-2023"
    assert plan("what happened at the meeting before last").filters.meeting == "jan-2022"


def test_last_summer_is_a_filter_when_the_index_has_minutes_from_it():
    found = plan("what was discussed about off road bikes last summer")
    assert (found.filters.since, found.filters.until) == (dt.date(2023, 6, 1), dt.date(2023, 8, 31))
    assert "summer" not in found.topic


def test_a_year_without_minutes_is_not_a_filter_and_says_what_is_missing():
    found = plan("asb figures for 2019")
    assert not found.filters
    assert found.years == (2019,) and not found.refused
    assert found.missing == "The index holds no minutes from 2019; the nearest are 14 Feb 2017 and 11 Jan 2022."


def test_a_named_meeting_the_index_lacks_is_refused_by_the_plan():
    found = plan("what was decided at the 18 january 2023 meeting")
    assert found.refused
    assert found.missing == ("The index holds no minutes of a meeting on 18 Jan 2023; "
                             "the nearest are 11 Jan 2022 and 19 Jul 2023.")


def test_since_includes_undated_meetings_but_in_a_year_does_not():
    since = plan("off-road bikes since 2012").filters
    during = plan("off-road bikes in 2012").filters
    assert since.admits(None, "undated") and not during.admits(None, "undated")


def test_explicit_filters_win_over_what_the_question_names():
    given = SearchFilters(meeting="jan-2022")
    found = plan("asb figures for 2019", given)
    assert found.filters == given and found.missing is None


def test_each_meeting_questions_name_no_single_meeting():
    found = plan("list the next meeting dates set at each meeting")
    assert found.kind is QuestionKind.MEETINGS and not found.filters and found.missing is None


def test_abbreviations_are_searched_in_both_forms_and_asked_long_forms_kept():
    from assistant.glossary import Glossary

    glossary = Glossary([("PSPO", "Public Space Protection Order"), ("ACT", "Action Counters Terrorism")])
    found = plan_question("did the pspo make begging illegal", SearchFilters(), MEETINGS, glossary)
    assert "public space protection order" in found.search.lower()
    plural = plan_question("were pspos mentioned", SearchFilters(), MEETINGS, glossary)  # the plural, in lower case
    assert "public space protection order" in plural.search.lower()
    asked = plan_question("What does ACT stand for?", SearchFilters(), MEETINGS, glossary)
    assert asked.long_forms == ("action counters terrorism",)
    asked = plan_question("what is ACT in the counter terrorism campaign", SearchFilters(), MEETINGS, glossary)
    assert asked.long_forms == ("action counters terrorism",)
    assert plan_question("what is the act figure", SearchFilters(), MEETINGS, glossary).long_forms == ()


def test_how_often_something_is_held_is_answered_by_when_it_recurs_not_by_a_date_alone():
    surgery = "The surgery would be held once a month on a Thursday with the police."
    assert holds(AnswerType.RECURRENCE, surgery, []) and not holds(AnswerType.DATE, surgery, [])
    assert holds(AnswerType.RECURRENCE, "The surgery was held on 3 March 2025.", [])


@pytest.mark.parametrize("question", ["how long was the alcohol strategy meant to run", "what years does the strategy cover",
                                      "for how long will the order last", "until when is the scheme funded"])
def test_how_long_and_what_years_want_a_span_of_time(question):
    assert answer_type(question) is AnswerType.PERIOD
    assert holds(AnswerType.PERIOD, "The Strategy was a 3 year Strategy with a 2 year Action Plan.", [])
    assert holds(AnswerType.PERIOD, "The strategy covers 2013 – 2018.", [])
    assert holds(AnswerType.PERIOD, "Members were presented with the Data Summary April 2016 - Mar 2017 - Q3.", [])
    assert not holds(AnswerType.PERIOD, "The strategy was implemented in April 2010.", [])
    assert answer_type("how long ago was the order made") is not AnswerType.PERIOD
    # The span must be of what is asked about: "how long was the strategy" is not answered by "the 1 year plan".
    plan_first = "The 1 year plan for 2012-2013 had been developed to meet the aims of the Alcohol Strategy."
    assert not holds(AnswerType.PERIOD, plan_first, ["alcohol", "strategi"])
    assert holds(AnswerType.PERIOD, "The Strategy was a 3 year Strategy.", ["alcohol", "strategi"])
    assert not holds(AnswerType.PERIOD, "Funding was limited to one year.", ["year", "asb", "strategi"])


def test_who_is_not_answered_by_the_body_it_asks_about():
    noted = "The minutes of the Scanning and Challenge Group were noted."
    assert not holds(AnswerType.PERSON, noted, terms("who chairs the scanning and challenge group"))
    assert holds(AnswerType.PERSON, noted, terms("who sent minutes"))  # a body answers "who" asked of something else


def test_years_that_name_a_document_are_no_filter():
    found = plan("what were the goals in the old 2011-14 csp plan")
    assert not found.filters and found.missing is None and "2011" in found.topic
    assert plan("what happened in 2011").missing  # a year, not a document


def test_the_lead_officer_answers_who():
    assert holds(AnswerType.PERSON, "Members should contact the lead officer with any nominations.", terms("who nominations"))


def test_a_mistyped_question_word_is_still_one():
    found = plan("hw many lamps were replaced")
    assert (found.kind, found.fact) == (QuestionKind.FACT, AnswerType.COUNT)
    assert plan("wher is quay house").kind is QuestionKind.WHERE


def test_how_many_meetings_is_no_count_to_find_in_a_sentence():
    assert answer_type("how many times has lighting come up") is AnswerType.ANY
    assert answer_type("how many lamps were replaced") is AnswerType.COUNT


def test_how_much_money_wants_a_sum_not_a_count():
    wanted = terms("funding cleveland hotspot")
    assert not holds(AnswerType.AMOUNT, "19 hotspots had been identified across the Cleveland area.", wanted)
    for sentence in ["Cleveland would get 1 million in funding.", "Funding of £48,500 for hotspot patrols.",
                     "Hotspot funding of 500,000 was agreed for Cleveland."]:
        assert holds(AnswerType.AMOUNT, sentence, wanted), sentence
    assert holds(AnswerType.AMOUNT, "Theft from person fell by 41.6%.", terms("by how much did theft from person drop"))


@pytest.mark.parametrize("question", ["how much did cleveland get for the hotspot pilot",
                                      "how much has the commissioner put into the hotspot pilot",
                                      "how much was cleveland given for hotspot patrols"])
def test_asked_how_much_was_got_or_given_wants_a_sum_though_no_word_says_money(question):
    assert answer_type(question) is AnswerType.MONEY
    wanted = terms(question)
    assert not holds(AnswerType.MONEY, "19 hotspots had been identified across the Cleveland area.", wanted)
    assert holds(AnswerType.MONEY, "Cleveland would be a pilot force, with 1 million in funding allocated.", wanted)
    assert answer_type("how much did crime fall in cleveland") is AnswerType.AMOUNT


def test_someone_is_a_name_even_before_a_comma_a_named_body_or_the_chair():
    assert holds(AnswerType.PERSON, "Members praised the work of Sgt Cookson, and the posts about it.", [])
    assert holds(AnswerType.PERSON, "The model was first developed by Harbourside Police.", [])
    assert holds(AnswerType.PERSON, "The Chair outlined that the points would form the action plan.", [])
    assert not holds(AnswerType.PERSON, "Members praised the work of the Police and the posts.", [])
    assert not holds(AnswerType.PERSON, "The Partnership Board noted the report.", [])
    assert holds(AnswerType.PERSON, "The letter and the response from Councillor Nelson were circulated.", [])
    assert not holds(AnswerType.PERSON, "The letter and the response from the Councillor were circulated.", [])


def test_a_question_for_a_set_of_things_wants_lists_whole():
    assert wants_list("what are the key areas of the presentation") and wants_list("which were the six outcomes")
    assert wants_list("what is cavic") and wants_list("whats the voice project")
    assert wants_list("what areas did the knife crime presentation cover")
    assert wants_list("voice project what was it about") and wants_list("what is the taxi marshal scheme about?")
    assert wants_list("whats the white paper on asb powers about, the 2012 one")
    assert not wants_list("what was said about the taxi marshal scheme")
    assert not wants_list("how many bikes were seized") and not wants_list("what was said about the plan in march 2023")


def test_a_place_is_named_after_a_preposition_or_what_a_scheme_involves():
    assert holds(AnswerType.PLACE, "Mapping was discussed as a scheme involving Riverton had yielded useful data.", [])
    assert holds(AnswerType.PLACE, "The surgery was held at the Family Hub.", [])
    assert not holds(AnswerType.PLACE, "A summit was proposed for a date in February, on Tuesday.", [])
    assert not holds(AnswerType.PLACE, "Mapping was discussed as a scheme involving partners.", [])
    assert holds(AnswerType.PLACE, "Eastern Area - CCTV cameras had been erected in various hot spots", [])
    assert not holds(AnswerType.PLACE, "CCTV cameras had been erected in various hot spots of crime", [])


def test_a_count_of_something_in_a_sentence_about_the_subject_holds_a_count():
    sentence = "To date in 2016/17 410 individuals had received additional awareness raising training on Prevent."
    assert holds(AnswerType.COUNT, sentence, terms("how many people had prevent training"))
    assert not holds(AnswerType.COUNT, "To date in 2016/17 410 individuals had received training.", terms("prevent"))
    assert not holds(AnswerType.COUNT, "In 2016/17 the 410 process was reviewed in detail by the officers for the Prevent "
                                       "duty.", terms("prevent"))


def test_a_meeting_named_by_a_subject_no_meeting_discussed_is_missing_not_every_meeting():
    found = plan("who chaired the thornaby meeting")
    assert found.refused and found.missing == "No meeting in the index has an item about thornaby."
    assert not plan("who chaired the partnership meeting").refused
    named = plan_question("who chaired the riverside board meeting", SearchFilters(),
                          [*MEETINGS, MeetingInfo("riverside", dt.date(2024, 1, 1), ("Budget",), "Riverside Board")])
    assert not named.refused


def test_a_date_that_dates_a_letter_is_not_a_meeting_date():
    found = plan("who sent the reply to the police authority's letter from 18 june")
    assert not found.refused and found.filters == SearchFilters() and "18 june" in found.topic
    assert plan("what was said at the meeting on 14 aug 2012").filters.since == dt.date(2012, 8, 14)


def test_where_something_ranked_wants_a_position_not_a_place():
    assert answer_type("where did stockton rank against the other csps") is AnswerType.RANK
    assert answer_type("how does the town compare with similar areas") is AnswerType.RANK
    assert holds(AnswerType.RANK, "Stockton was ranked 3rd of 15 similar partnerships.", [])
    assert holds(AnswerType.RANK, "Truancy was 170% above the national average.", [])
    assert not holds(AnswerType.RANK, "The report covered crime in the Borough of Stockton-on-Tees.", [])


def test_a_setting_without_a_proper_name_is_a_place():
    assert holds(AnswerType.PLACE, "Four navigators were working in custody targeting repeat offenders.", [])
    assert holds(AnswerType.PLACE, "Sessions would be run in local schools.", [])
    assert not holds(AnswerType.PLACE, "Navigators were targeting repeat offenders.", [])


@pytest.mark.parametrize("question, excluded, kind", [
    ("apart from iquanta what restricted items has the partnership had", {"iquanta"}, QuestionKind.MEETINGS),
    ("what else was discussed other than the pspo", {"pspo"}, QuestionKind.FACT),
    ("what restricted items has the partnership had", set(), QuestionKind.MEETINGS),
    ("has ropner come up apart from op harmony? what was said each time", set(terms("op harmony")),
     QuestionKind.MEETINGS),
])
def test_what_a_question_sets_aside_does_not_decide_its_kind(question, excluded, kind):
    found = plan(question)
    assert found.excluded == frozenset(excluded) and found.kind is kind
    assert found.topic == question if kind is QuestionKind.FACT else not set(terms(found.topic)) & set(excluded)


def test_asked_for_money_in_any_words_a_sum_beside_another_word_for_it_answers():
    sentence = "The town would be one of the pilot forces named in the new action plan, with 1 million in funding allocated."
    assert holds(AnswerType.AMOUNT, sentence, terms("how much money is the town getting for the patrol pilot"))
    assert not holds(AnswerType.AMOUNT, "The town would be one of 12 pilot areas.", terms("how much money for the pilot"))


def test_a_count_of_something_else_does_not_answer_how_many():
    sentence = "To date 410 individuals had received additional awareness raising training on Prevent."
    assert holds(AnswerType.COUNT, sentence, terms("how many people had prevent training"))
    assert not holds(AnswerType.COUNT, sentence, terms("how many prevent referrals were made"))


@pytest.mark.parametrize("question, order, topic", [
    ("what was the most recent update on the taxi marshals", "latest", "what was the update on the taxi marshals"),
    ("when did they last talk about lighting", "latest", "when did they talk about lighting"),
    ("when was lighting first raised", "earliest", "when was lighting raised"),
    ("what happened for the first time in 2025", None, None),  # "for the first time" orders nothing
    ("what was said about lighting last year", None, None),
])
def test_the_newest_or_oldest_word_on_something_is_an_order_not_a_topic(question, order, topic):
    found = plan(question)
    assert found.order == order
    assert topic is None or found.topic == topic


BODIES = [replace(m, body="Harbourside Community Safety Partnership") for m in MEETINGS[:3]] + [
    replace(MEETINGS[3], body="Harbourside Licensing Committee")]


@pytest.mark.parametrize("question, meeting, committee", [
    ("what happened at the last hcsp meeting", "jan-2022", "Harbourside Community Safety Partnership"),
    ("who chaired the community safety partnership meeting in feb 2017", None, "Harbourside Community Safety Partnership"),
    ("what did the harbourside csp meeting say about asb", None, "Harbourside Community Safety Partnership"),
    ("what was decided at the last licensing committee meeting", "jul-2023", "Harbourside Licensing Committee"),
])
def test_a_meeting_named_by_its_committee_is_that_committees(question, meeting, committee):
    found = plan_question(question, SearchFilters(), BODIES)
    assert (found.filters.meeting, found.filters.committee) == (meeting, committee) and not found.refused
    assert not set(terms(found.topic)) & set(terms(committee))


def test_a_committee_may_be_named_with_its_council():
    meetings = [replace(m, body="Community Safety Partnership", council="Quayside Borough Council") for m in MEETINGS]
    found = plan_question("who chaired the quayside csp meeting", SearchFilters(), meetings)
    assert found.filters.committee == "Community Safety Partnership" and not found.refused


TWO_CSPS = [replace(MEETINGS[0], body="Community Safety Partnership"),
            replace(MEETINGS[1], body="Harbourside Community Safety Partnership")]


def test_of_two_committees_a_question_names_the_one_its_words_fit_best():
    found = plan_question("who sent apologies to the harbourside csp meeting", SearchFilters(), TWO_CSPS)
    assert found.filters.committee == "Harbourside Community Safety Partnership" and not found.refused


def test_a_committee_named_alone_is_no_meeting_of_it_and_the_date_still_counts():
    found = plan_question("who sent apologies to the csp meeting on 14 feb 2017", SearchFilters(), TWO_CSPS)
    assert found.filters.meeting is None and found.filters.since == found.filters.until == dt.date(2017, 2, 14)


def test_the_meeting_after_another_is_of_the_same_committee():
    meetings = [replace(MEETINGS[0], body="Partnership"), replace(MEETINGS[1], body="Licensing Committee"),
                replace(MEETINGS[2], body="Partnership")]
    assert plan_question("who chaired the meeting after the aug 2012 one", SearchFilters(), meetings).filters.meeting == \
        "jan-2022"


@pytest.mark.parametrize("question, kind", [
    ("has lighting come up at the hcsp, what was said each time", QuestionKind.MEETINGS),
    ("what did the harbourside community safety partnership decide about lighting", QuestionKind.DECISION),
    ("has lighting come up at the harbourside community safety meetings over the years", QuestionKind.MEETINGS),
])
def test_a_committee_named_without_saying_meeting_is_a_filter_not_a_topic(question, kind):
    found = plan_question(question, SearchFilters(), BODIES)
    assert found.kind is kind and found.filters.committee == "Harbourside Community Safety Partnership"
    assert found.filters.meeting is None and "lighting" in found.topic
    assert not set(terms(found.topic)) & set(terms("harbourside community safety partnership hcsp"))


def test_one_word_of_a_committees_name_is_no_committee():
    assert plan_question("what was said about community safety", SearchFilters(), BODIES).filters.committee is None


@pytest.mark.parametrize("question", ["feb 2017 meeting - when was the next one set for?",
                                      "after the feb 2017 meeting when was the next one set for"])
def test_the_next_one_after_a_dated_meeting_is_after_that_meeting(question):
    found = plan(question)
    assert (found.anchor, found.relation, found.filters.meeting) == ("feb-2017", "after", "feb-2017")
    assert not set(terms(found.topic)) & {"feb", "2017", "meeting", "next"}


def test_a_meeting_named_first_without_the_is_that_meeting():
    found = plan("op harmony meeting - which crime fell most")
    assert found.filters.meeting == "undated" and "harmony" not in found.topic


def test_a_bigger_fall_is_a_larger_drop_and_fall_is_no_season_once_dates_are_filters():
    sentence = "Theft from person had the largest percentage drop of the report with a 41.6% drop."
    assert holds(AnswerType.PERCENT, sentence, terms("which crime type had the biggest percentage fall"))
    assert "fall" in query_terms(plan("which crime had the biggest fall at the feb 2017 meeting"))


def test_from_one_meeting_to_the_next_is_the_frame_not_the_topic():
    assert terms(plan("how did the crime figures change from one meeting to the next").topic) == terms("how did the crime figures")


def test_a_year_against_later_ones_across_meetings_is_that_year_and_after():
    found = plan("has the chair changed over the years? who ran it in 2012 vs later on")
    assert found.kind is QuestionKind.MEETINGS and (found.filters.since, found.filters.until) == (dt.date(2012, 1, 1), None)
    found = plan("how has lighting come up over the years - what came up in 2012 and what about more recently?")
    assert (found.filters.since, found.filters.until, found.order) == (dt.date(2012, 1, 1), None, None)


@pytest.mark.parametrize("question", ["who chaired the very first meeting in your records", "who chaired the very first meeting on record"])
def test_the_very_first_meeting_on_record_is_the_oldest(question):
    found = plan(question)
    assert found.filters.meeting == "aug-2012" and found.topic == "who chaired"


def test_after_the_one_in_a_month_names_that_meeting():
    found = plan_question("when was the next hcsp meeting set for after the one in feb 2017", SearchFilters(), BODIES)
    assert (found.anchor, found.relation, found.filters.meeting) == ("feb-2017", "after", "feb-2017")


def test_back_in_a_year_is_the_period_not_a_topic():
    found = plan("who was chairman back in 2012")
    assert found.topic == "who was chairman" and found.filters.since == dt.date(2012, 1, 1)
    # The word that led to the date goes with it: "was he there" still ends the question.
    found = plan("was geoff lee there in aug 2012")
    assert found.topic == "was geoff lee there" and found.filters.since == dt.date(2012, 8, 1)


def test_two_questions_asked_as_one_plan_the_second_about_the_firsts_subject():
    found = plan("how much was the youth diversion bid and when was it awarded")
    assert found.kind is QuestionKind.FACT and found.fact is AnswerType.AMOUNT and "awarded" not in found.topic
    assert found.also is not None and found.also.fact is AnswerType.DATE and found.question.endswith("awarded")
    assert {"youth", "divers", "bid"} <= set(terms(found.also.topic))


def test_a_second_question_after_a_question_mark_is_planned_too():
    found = plan("how is the lighting plan going - any complaints? and has it cut crime on the quay")
    assert found.also is not None and found.also.kind is QuestionKind.YESNO and "lighting" in found.also.topic


def test_a_bare_topic_then_a_question_is_one_question():
    found = plan("prevent training numbers 2016/17? how many people trained")
    assert found.also is None and found.kind is QuestionKind.FACT and found.fact is AnswerType.COUNT
    assert "prevent" in found.topic


def test_a_second_question_about_the_meeting_takes_its_filter_not_its_words():
    found = plan("who chaired the feb 2017 meeting and where was it held")
    assert found.also is not None and found.also.kind is QuestionKind.WHERE
    assert found.also.filters.meeting == "feb-2017" and "chaired" not in found.also.topic


@pytest.mark.parametrize("question, kind, fact", [
    ("exact date of the lighting summit?", QuestionKind.FACT, AnswerType.DATE),
    ("number of people trained on the quay", QuestionKind.FACT, AnswerType.COUNT),
    ("cost of the lighting scheme", QuestionKind.FACT, AnswerType.AMOUNT),
    ("date of the next meeting after the march one", QuestionKind.WHEN, AnswerType.DATE),
    ("when are the lighting surgeries at the quay held?", QuestionKind.WHEN, AnswerType.RECURRENCE),  # how often
    ("when did the first lighting surgery take place", QuestionKind.WHEN, AnswerType.DATE),  # once: its date
    ("when does the lighting order expire", QuestionKind.WHEN, AnswerType.DATE),  # an end, not how often
    ("which police officer did members praise for the posts", QuestionKind.WHO, AnswerType.PERSON),
])
def test_the_thing_asked_for_named_bare_is_asked_for(question, kind, fact):
    found = plan(question)
    assert (found.kind, found.fact) == (kind, fact)


def test_asked_when_something_was_discussed_the_meetings_dates_answer_not_a_date_in_their_sentences():
    found = plan("off road bikes - when has the partnership discussed them and what did police say")
    assert found.kind is QuestionKind.MEETINGS and found.fact is AnswerType.ANY


def test_words_that_only_stress_a_question_are_no_part_of_its_topic():
    assert terms(plan("is it actually illegal to beg on the quay now").topic) == terms("illegal to beg on the quay now")


def test_a_second_question_may_open_with_and_was():
    found = plan("who chaired the march 2025 meeting, and was there a consultant in attendance?")
    assert found.kind is QuestionKind.WHO and found.also is not None and found.also.kind is QuestionKind.YESNO
    found = plan("when did the lighting scheme start and does it mean the quay is safe now?")
    assert found.kind is QuestionKind.WHEN and found.also is not None and found.also.kind is QuestionKind.YESNO


def test_after_a_scene_the_second_question_is_about_the_scene_not_the_firsts_own_words():
    found = plan("lighting report march 2025 - what period did it cover and what did members ask to change")
    assert found.also is not None and "lighting" in found.also.topic and "period" not in found.also.topic


@pytest.mark.parametrize("question", ["what was said about lighting and what was decided",  # a summary says both
                                      "when and where was the lighting seminar",
                                      "has lighting come up? what was said each time",  # one question across meetings
                                      "lighting and taxis", "which meetings discussed lighting and what was said"])
def test_one_question_with_and_in_it_is_one_question(question):
    assert plan(question).also is None


def test_the_date_after_a_committees_meeting_still_counts():
    found = plan_question("who chaired the csp meeting in feb 2017", SearchFilters(), BODIES)
    assert (found.filters.since, found.filters.until) == (dt.date(2017, 2, 1), dt.date(2017, 2, 28))


@pytest.mark.parametrize("question", [
    "prevent - what happened with it at the meetings it was on the agenda",
    "which meetings was prevent on the agenda",
])
def test_being_on_the_agenda_frames_a_which_meetings_question_and_is_no_topic(question):
    found = plan(question)
    assert found.kind is QuestionKind.MEETINGS
    assert "agenda" not in found.topic and "prevent" in found.topic


@pytest.mark.parametrize("question, wanted", [
    ("no. of staff given prevent awareness training in 16/17", AnswerType.COUNT),
    ("no of people trained", AnswerType.COUNT),
    ("stop and search success rate for stockton, july 23", AnswerType.PERCENT),
    ("what was the detection rate for burglary", AnswerType.PERCENT),
    ("how much are business rates for shops", AnswerType.AMOUNT),  # a sum, not a share
    ("exact date the prevent duty came into effect", AnswerType.DATE),
])
def test_a_bare_count_rate_or_date_asks_for_it(question, wanted):
    assert question_kind(question) is QuestionKind.FACT and answer_type(question) is wanted


@pytest.mark.parametrize("question, meeting", [
    ("what did the police say at the meeting where they discussed off road bikes", "jul-2023"),
    ("who chaired the meeting where the op harmony update was presented", "undated"),
    ("what was said at the meeting where the new prevent update was discussed", "feb-2017"),  # "new" is no title's word
])
def test_a_meeting_named_by_what_happened_at_it_is_that_meeting(question, meeting):
    assert plan(question).filters.meeting == meeting
