"""`grounding.check`: the literal judge of every answer sentence, whoever wrote it; and the sentences it judges."""
from __future__ import annotations

from assistant.grounding import check
from assistant.sentences import sentences

PASSAGE = ("Insp. Owen Hart reported 212 night-time violence incidents between October and December 2024, "
           "down 14% on the same quarter of 2023. Members agreed that the taxi marshal scheme continue.")


def test_a_faithful_restatement_is_supported():
    assert check("Insp. Owen Hart reported 212 night-time violence incidents, down 14%. [1]", PASSAGE).supported


def test_a_number_the_passage_lacks_is_missing():
    support = check("Owen Hart reported 312 incidents, down 14%.", PASSAGE)
    assert not support.supported and "312" in support.missing


def test_a_name_the_passage_lacks_is_missing():
    support = check("Mia Ford reported 212 night-time violence incidents.", PASSAGE)
    assert not support.supported and any("Mia Ford" in name for name in support.missing)


def test_a_sentence_mostly_of_other_words_is_not_supported():
    support = check("Residents complained loudly about parking fines and litter bins everywhere.", PASSAGE)
    assert not support.supported and support.content_share < 0.6


def test_citation_markers_are_not_read_as_numbers():
    assert check("Members agreed that the taxi marshal scheme continue. [7]", PASSAGE).supported


def test_a_sentence_goes_on_after_an_abbreviation_with_a_full_stop():
    text = "Work with Registered Social Landlords (incl. Private) and Cllr. Smith went well. It ends here."
    assert sentences(text) == ["Work with Registered Social Landlords (incl. Private) and Cllr. Smith went well.",
                               "It ends here."]
    text = "Councillor S. Farrer chaired the meeting. Mrs R. Turner attended. It was in Annex A. Then it ended."
    assert sentences(text) == ["Councillor S. Farrer chaired the meeting.", "Mrs R. Turner attended.",
                               "It was in Annex A.", "Then it ended."]
