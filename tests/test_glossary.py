"""The glossary: abbreviations both ways, from the minutes and from a file, and the vocabulary beside it."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.errors import SettingsError
from assistant.glossary import Glossary, load_glossary_file, title_initials
from assistant.retrieve import index_glossary
from assistant.settings import Settings
from assistant.store import MeetingRecord
from assistant.terms import TermStats, alternatives, keyword_terms, terms
from assistant.vocabulary import decision_verb, is_chair_role, is_procedural, is_role, is_routine_decision

ROOT = Path(__file__).resolve().parent.parent
RECORD = MeetingRecord("m", "Harbourside Community Safety Partnership", None, 1, 1, "m.txt", "hash")


def test_expand_works_both_ways_whatever_the_case_and_hyphens():
    glossary = Glossary([("ASB", "Anti-Social Behaviour")])
    assert glossary.expand("ASB") == {"anti-social behaviour"} == glossary.expand("asb")
    assert glossary.expand("anti-social behaviour") == {"ASB"} == glossary.expand("Antisocial  Behaviour")
    assert glossary.expand("PCC") == set()


def test_definitions_from_several_meetings_merge(tmp_path):
    records = [replace(RECORD, abbreviations=(("ASB", "Anti-Social Behaviour"),)),
               replace(RECORD, abbreviations=(("ASB", "anti-social behaviour"), ("PCC", "Police and Crime Commissioner")))]
    path = tmp_path / "glossary.toml"
    path.write_text('CSP = "community safety partnership"\n')
    assert index_glossary(records, path, national=()).pairs() == [
        ("ASB", "anti-social behaviour"), ("CSP", "community safety partnership"), ("PCC", "police and crime commissioner")]


def test_agenda_titles_give_their_initials_only_where_nothing_else_defines_them(tmp_path):
    titles = ("Any Other Business - identification only", "Declarations of Interest", "Date and time of next meeting",
              "YOT Q3", "Community Safety Plan", "Taxi Marshal Scheme")
    assert title_initials(titles) == [("AOB", "Any Other Business"), ("CSP", "Community Safety Plan"),
                                      ("TMS", "Taxi Marshal Scheme")]
    # Every run of three or more of a title's words: the body's name inside "<Place> ... Update".
    assert ("CSP", "Community Safety Partnership") in title_initials(["Maldon District Community Safety Partnership Update"])
    path = tmp_path / "glossary.toml"
    path.write_text('TMS = "traffic management scheme"\n')
    records = [replace(RECORD, abbreviations=(("CSP", "Community Safety Partnership"),), titles=titles)]
    assert index_glossary(records, path, national=()).pairs() == [
        ("AOB", "any other business"), ("CSP", "community safety partnership"), ("TMS", "traffic management scheme")]


def test_national_abbreviations_fill_in_only_what_the_minutes_and_the_file_never_define(tmp_path):
    assert index_glossary([RECORD]).expand("pcc") == {"police and crime commissioner"}
    path = tmp_path / "glossary.toml"
    path.write_text('VRU = "Vehicle Recovery Unit"\n')
    glossary = index_glossary([replace(RECORD, abbreviations=(("PCC", "Portsmouth City Council"),))], path)
    assert glossary.expand("PCC") == {"portsmouth city council"} and glossary.expand("VRU") == {"vehicle recovery unit"}
    assert glossary.expand("VAWG") == {"violence against women and girls"}


def test_augment_adds_the_other_forms_and_leaves_lower_case_words_alone():
    glossary = Glossary([("ASB", "anti-social behaviour"), ("ACT", "Action Counters Terrorism")])
    assert glossary.augment("19 ASB hotspots") == "19 ASB hotspots\nanti-social behaviour"
    assert glossary.augment("Antisocial behaviour rose") == "Antisocial behaviour rose\nASB"
    assert glossary.augment("the Security Act 2015 will act") == "the Security Act 2015 will act"


def test_term_statistics_count_an_abbreviation_in_a_passage_that_spells_it_out():
    passages = ["anti-social behaviour incidents fell", "shoplifting rose"]
    plain, aware = TermStats(passages), TermStats(passages, Glossary([("ASB", "anti-social behaviour")]))
    assert not plain.known("asb") and aware.known("asb")
    assert aware.overlap(terms("ASB"), passages[0]) > 0 == plain.overlap(terms("ASB"), passages[0])


def test_a_glossary_file_gives_texts_or_lists(tmp_path):
    path = tmp_path / "glossary.toml"
    path.write_text('[terms]\nASB = "anti-social behaviour"\nPCC = ["Police and Crime Commissioner", "OPCC office"]\n')
    assert load_glossary_file(path) == [("ASB", "anti-social behaviour"), ("PCC", "Police and Crime Commissioner"),
                                        ("PCC", "OPCC office")]
    path.write_text("[terms]\nASB = 3\n")
    with pytest.raises(SettingsError, match="ASB must be a text"):
        load_glossary_file(path)
    with pytest.raises(SettingsError, match="glossary file"):
        load_glossary_file(tmp_path / "missing.toml")


def test_the_glossary_setting_is_a_path(monkeypatch, tmp_path):
    monkeypatch.setenv("MINUTES_GLOSSARY", str(tmp_path / "g.toml"))
    monkeypatch.setenv("MINUTES_CONFIG", str(tmp_path / "none.toml"))
    assert Settings.load().glossary == tmp_path / "g.toml"


@pytest.mark.parametrize("sentence, verb", [
    ("AGREED that the report be noted.", "agreed"),
    ("Members AGREED to note the update.", "agreed"),
    ("- It was agreed that for future meetings the data be split.", "agreed"),
    ("Members noted the update.", "noted"),
    ("The minutes of the meeting held on 3 March were agreed as a true record.", "agreed"),
    ("Officers agreed with members concerns and assured them.", None),
    ("It was noted that there was a large amount of work already on-going.", None),
    ("Members received a presentation on the Voice Project.", None),
    ("Resolved (by 7 votes to 0) to elect Councillor Ames as Chair for the ensuing year.", "resolved"),
    ("The Committee: Resolved unanimously that the scheme be adopted.", "resolved"),
    ("Agreed that the bid be submitted.", "agreed"),
    ("Resolved issues were reported by the officer.", None),
])
def test_decision_sentences(sentence, verb):
    assert decision_verb(sentence) == verb


def test_routine_decisions_only_note_receive_or_approve_the_minutes():
    assert is_routine_decision("AGREED that the recorded crime and disorder figures be noted.")
    assert is_routine_decision("AGREED that the minutes be approved.")
    assert not is_routine_decision("AGREED that the Migration Fund application be approved.")
    assert not is_routine_decision("AGREED that:-\n1. The report be noted.\n2. A bid be made.")


def test_housekeeping_sentences_are_procedural():
    for sentence in ("Members were presented with a report on the Youth Diversion Fund.", "The report was noted.",
                     "This agenda item was an accidental duplication of the following item.",
                     "The Evacuation Procedure was noted by members.", "There were no declarations of interest.",
                     "Members were given a presentation on the Violence Unit.",
                     "Jo Bloggs declared an interest in respect of agenda item 15 as she works for the service.",
                     "Targets from the Night-time Plan Q3 were presented to the Partnership, with a brief overview.",
                     "There were no petitions.", "To receive any apologies for absence.",
                     "To approve the minutes of the meeting held on 3 March 2025."):
        assert is_procedural(sentence), sentence
    assert not is_procedural("Members were informed that £48,500 had been awarded.")
    assert not is_procedural("Targets were presented to the Partnership, which set a 10% cut in repeat calls.")
    assert not is_procedural("There were no increased levels of crime in the streets around the park.")
    assert not is_procedural("To date 410 people had been trained.")


def test_an_opener_that_only_says_who_presented_what_is_procedural():
    assert is_procedural("Representatives from Harbourside Police presented a report on Night-time Safety to members.")
    assert is_procedural("Insp. Hart presented an update on the taxi marshal scheme.")
    assert not is_procedural("Insp. Hart presented a report on lighting, which showed eleven lamps replaced.")
    assert not is_procedural("Officers from the fund presented a Youth Action Plan to members.")


def test_roles_are_told_from_bodies():
    assert is_role("Chairman") and is_role("Cabinet Member for Adult Social Care") and is_role("PCC Candidates")
    assert not is_role("Harbourside Police") and not is_role("Youth Service")
    assert is_chair_role("in the chair") and not is_chair_role("Vice-Chair")


def test_no_council_or_place_names_in_the_vocabulary_of_the_code():
    """Words of the bodies in data/ must come from the minutes or configuration, never from the core or ingest."""
    local = re.compile(r"Stockton|Cleveland|Tees|Harbourside|\basb\b|antisocial", re.IGNORECASE)
    modules = sorted((ROOT / "assistant").rglob("*.py")) + sorted((ROOT / "ingest").rglob("*.py"))
    assert len(modules) > 40
    for module in modules:
        code = re.sub(r'""".*?"""|#.*', "", module.read_text(encoding="utf-8"), flags=re.DOTALL)  # examples are fine
        assert not local.search(code), module


def test_the_words_a_question_asks_with_are_not_topic_words():
    assert terms("which meetings covered counter terrorism") == terms("counter terrorism")  # how it asks, not what


@pytest.mark.parametrize("typed, printed", [("license", "licence"), ("licensing", "licensed"), ("behavior", "behaviour"),
                                            ("neighborhoods", "neighbourhoods"), ("programs", "programmes"),
                                            ("organization", "organisation"), ("prioritized", "prioritised"),
                                            ("center", "centre"), ("offenses", "offences")])
def test_british_and_american_spellings_are_one_term(typed, printed):
    assert terms(typed) == terms(printed) and keyword_terms(typed) == keyword_terms(printed)


def test_a_stem_stands_for_the_words_the_minutes_use_whole_or_as_a_prefix():
    assert "approv" in alternatives("sign") and "approv" not in alternatives("signific")  # "sign off", not "significant"
    assert "concern" in alternatives("worri") and "chairman" in alternatives("chairperson")
    assert "councillor" in alternatives("cllr") and "cllr" in alternatives("councillor")
    assert {"migrat", "displac"} <= alternatives("move") and "surround" in alternatives("nearbi")  # "crime moved nearby"
    assert "displac" in alternatives("push") and "surround" in alternatives("neighbour")  # "pushed into neighbouring"
    assert "counter" in alternatives("anti")  # "anti terrorism" is minuted "Counter Terrorism"


def test_spelling_folds_touch_only_whole_forms():
    assert terms("programming") != terms("programmes") and terms("size seize") == ["size", "seiz"]
    assert terms("colonel") == ["colonel"]


def test_a_misspelt_word_is_mended_to_the_nearest_word_the_index_uses():
    stats = TermStats(["The committee approved the government survey.", "Offences were recorded separately.",
                       "Cllr Nelson chaired."])
    mended = stats.corrected("what did the commitee say about the goverment survay seperately, Cllr Nelsen")
    assert terms(mended) == terms("what did the committee say about the government survey separately, Cllr Nelson")
    assert mended.endswith("Cllr Nelson")
    swapped = TermStats(["The budget was approved."]).corrected("who set the budegt")
    assert terms(swapped) == terms("who set the budget")  # two letters swapped: one slip, not two
    mended = TermStats(["An additional meeting was held."]).corrected("the aditional meeting", keep={"addition"}.__contains__)
    assert mended == "the addition meeting"  # a word, not the bare stem "addit", where `keep` knows one
    left = "asked the PCSO in Thornaby about ASB and knife crime"  # unknown, but no near word: left as typed
    assert stats.corrected(left) == left


def test_a_typo_far_from_the_stem_the_index_uses_is_mended_through_the_ordinary_word(embedder):
    stats = TermStats(["Members received a presentation on the youth service."])
    assert stats.corrected("what was in the presentaton", keep=embedder.is_word) == "what was in the presentaton"
    assert stats.corrected("what was in the presentaton", keep=embedder.is_word, near=embedder.near_words) == \
        "what was in the presentation"


def test_a_typo_of_a_word_that_shapes_the_question_is_mended_though_the_minutes_never_use_it(embedder):
    stats = TermStats(["Members received a presentation on anti-social behaviour."])
    assert stats.corrected("what happend with asb", keep=embedder.is_word, near=embedder.near_words) == \
        "what happened with asb"


def test_a_typo_of_an_ordinary_word_is_that_word_not_a_name_as_near_in_the_index(embedder):
    stats = TermStats(["The Terms of Reference were agreed.", "Lisa Redfern substituted."])
    assert stats.corrected("the terms of refernce", keep=embedder.is_word, near=embedder.near_words) == \
        "the terms of reference"


def test_a_word_made_from_an_ordinary_word_by_a_common_ending_is_ordinary(embedder):
    assert embedder.is_word("radicalisation") and embedder.is_word("cuckooing")  # "radical", "cuckoo"
    assert embedder.is_word("counter-radicalisation") and not embedder.is_word("counter-thornaby")
    assert not embedder.is_word("goverment") and not embedder.is_word("thornaby") and not embedder.is_word("thornabys")


def test_a_slip_from_an_ordinary_word_is_told_from_a_name(embedder):
    assert embedder.is_slip("diffrent") and embedder.is_slip("presentaton") and embedder.is_slip("aswell")
    assert not embedder.is_slip("thornaby") and not embedder.is_slip("westerhope")


def test_a_word_spelt_right_is_not_mended_into_another(embedder):
    stats = TermStats(["It was easier to report crime.", "The government survey was noted."])
    assert terms(stats.corrected("which earlier meetings")) == terms("which easier meetings")  # a letter off
    kept = stats.corrected("which earlier meetings about the goverment", keep=embedder.is_word)
    assert kept.startswith("which earlier meetings") and terms(kept) == terms("which earlier meetings about the government")


def test_a_service_named_by_its_work_is_its_abbreviation_but_a_partnerships_subject_is_not():
    glossary = Glossary([("YOT", "Youth Offending Team"), ("YOS", "Youth Offending Service"),
                         ("CSP", "Community Safety Partnership")])
    assert glossary.named_in_part("how has youth offending performance been reported") == {"YOT", "YOS"}
    assert glossary.named_in_part("who do i email about the community safety plan") == set()
    assert glossary.named_in_part("what did the youth service offer") == set()  # one word of the work is not its name
