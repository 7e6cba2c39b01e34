"""Parsing minutes into meetings and agenda items, for every layout family."""
from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ingest.parse import parse_minutes
from ingest.read import document_text, read_bytes

from conftest import DATA, FIXTURES

EXPECTED = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))

SEEDS = {
    "2023": "safer-stockton-partnership-2023-07-19.txt",
    "2012": "safer-stockton-partnership-2012-08-14.txt",
    "2022": "safer-stockton-partnership-2022-01-11.txt",
    "2017": "safer-stockton-partnership-2017-02-14.txt",
    "undated": "safer-stockton-partnership-undated-op-harmony.txt",
}
BOILERPLATE = re.compile(r"\bMinutes:|(?:pdf icon\s*)?\bPDF\s*[\d.]+\s*[KM]B\b|\|", re.IGNORECASE)

SPLIT_NUMBER = """STOCKTON-ON-TEES BOROUGH COUNCIL

SAFER STOCKTON PARTNERSHIP

MINUTES OF MEETING HELD ON 12 MARCH 2013

Present: Cllr A Name (Chair), Cllr B Other, Jo Smith (Cleveland Police)
Apologies: Cllr C Absent

Item    Description    Decision

SSP
136/13
Declarations of Interest
There were no declarations of interest.

SSP
137/13
Minutes of the meeting held on 12 February 2013
AGREED that the minutes be approved.

SSP
138/13
Anti-Social Behaviour Update
(a) Town centre patrols
(b) Parks
Members noted a 12% fall in incidents.
RESOLVED that the update be noted.
"""


def parse_seed(name: str):
    path = DATA / SEEDS[name]
    return parse_minutes(path.read_text(encoding="utf-8"), str(path))


def words(text: str) -> Counter:
    """Word counts, boilerplate aside; invisible format characters (soft hyphens) do not split words."""
    visible = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return Counter(re.findall(r"\w+", BOILERPLATE.sub(" ", visible).lower()))


def assert_nothing_lost(text: str, meeting) -> None:
    """Every word of the input is in the header, an item number, title or text, or counted as page furniture."""
    kept = words(meeting.header) + words("\n".join(meeting.boilerplate))
    for item in meeting.items:
        kept += words(f"{item.number or ''} {item.title} {item.agenda} {item.text}")
        if item.number:  # "Agenda item 5": the number's own label, on its line
            kept += words(" ".join(re.findall(rf"(?im)^\s*((?:agenda\s+)?item)\s+{re.escape(item.number)}\s*$", text)))
    missing = words(text) - kept
    assert not missing, f"words lost: {dict(list(missing.items())[:10])}"


@pytest.mark.parametrize("name", SEEDS)
def test_no_word_of_a_seed_is_lost(name):
    path = DATA / SEEDS[name]
    text = path.read_text(encoding="utf-8")
    assert_nothing_lost(text, parse_minutes(text, str(path)))


def test_moderngov_page_gives_eight_ssp_items():
    meeting = parse_seed("2023")
    assert meeting.date == dt.date(2023, 7, 19)
    assert [i.number for i in meeting.items] == [f"SSP/{n}/23" for n in range(1, 9)]
    assert meeting.venue.startswith("Meeting Room 1, Jim Cooke Conference Suite")


def test_what_the_agenda_said_before_minutes_is_kept_apart_from_what_happened():
    text = ("Harbourside Community Safety Partnership\nTuesday, 3rd March, 2025 10.00 am\n\nItems\nNo. Item\n\n1.\n\n"
            "Urgent Business\n\nThe Chair will consider the admission of any items of Urgent Business.\n\nMinutes:\n\n"
            "There were no items of urgent business.\n\n2.\n\nLighting\n\nMinutes:\n\nMembers noted the new lamps.\n")
    first, second = parse_minutes(text, "x.txt").items
    assert first.text == "There were no items of urgent business." and first.agenda.startswith("The Chair will consider")
    assert second.text == "Members noted the new lamps." and second.agenda == ""


def test_a_moderngov_item_page_is_its_one_item_titled_below_the_agenda_item_label():
    text = ("Agenda item\n\nHarbourside Lighting Six Month Update\n\nThe update is to be presented to the Panel.\n"
            "Contact: A Clerk 01234\nMinutes:\nThe Panel heard that 40 lamps were replaced.\nMembers asked about the quay.\n")
    meeting = parse_minutes(text, "page.txt")
    assert meeting.layout == "agenda-item-page" and [item.title for item in meeting.items] == [
        "Harbourside Lighting Six Month Update"]
    assert meeting.items[0].text.startswith("The Panel heard") and meeting.items[0].agenda.startswith("The update is")


def test_a_saved_pages_map_link_is_not_part_of_the_venue():
    text = "Harbourside Community Safety Partnership\nTuesday, 3rd March, 2025 10.00 am\n\nVenue: Quay House, Dock Lane. View directions\n\n1.\n\nApologies\n\nThere were none.\n"
    assert parse_minutes(text, "x.txt").venue == "Quay House, Dock Lane."


def test_lettered_items_under_a_number_are_items_of_their_own():
    text = ("Harbourside Community Safety Partnership\nTuesday, 3rd March, 2025 10.00 am\n\n1.\n\nApologies\n\n"
            "There were none.\n\n2.\n\nReviewing the Year\n\n2a\n\nCrime in the District - Presentation\n\n"
            "Crime had fallen by 4%.\n\n2b\n\nVerbal Update from the Youth Service\n\nThe service had moved.\n\n"
            "3.\n\nDate of Next Meeting\n\n9 June 2025.\n")
    meeting = parse_minutes(text, "x.txt")
    assert [item.number for item in meeting.items] == ["1", "2", "2a", "2b", "3"]
    assert meeting.item("2a").text == "Crime had fallen by 4%."


def test_link_noise_and_minutes_labels_are_removed():
    meeting = parse_seed("2023")
    assert meeting.item("SSP/4/23").title == "Anti-Social Behaviour Action Plan"
    assert meeting.item("SSP/2/23").title == "Matters Arising"
    assert not any("Minutes:" in i.text or "pdf icon" in i.text for i in meeting.items)


def test_numbers_on_their_own_line_give_22_items_chaired_by_geoff_lee():
    meeting = parse_seed("2012")
    assert meeting.date == dt.date(2012, 8, 14)
    assert [i.number for i in meeting.items] == [str(n) for n in range(1, 23)]
    assert meeting.chair == "Geoff Lee"
    assert meeting.committee == "Safer Stockton Partnership"
    assert meeting.items[21].title == "Date of next meeting - Tuesday 25 September at 1.30 p.m."


def test_sub_items_stay_inside_their_item():
    meeting = parse_seed("2012")
    assert "(b) Parkfield & Oxbridge Analysis" in meeting.item("3").text
    assert "(d) there may be some mileage" in meeting.item("17").text


def test_an_asterisk_before_a_title_does_not_hide_its_item():
    text = ("Harbourside Community Safety Partnership - Monday, 3rd March, 2025\n\n5 Night-time Economy\n\n"
            "Incidents fell.\n\n6 *Youth Diversion Fund\n\nThe bid was approved.\n")
    meeting = parse_minutes(text, "hcsp.txt")
    assert [(item.number, item.title) for item in meeting.items] == [("5", "Night-time Economy"), ("6", "Youth Diversion Fund")]


def test_numbered_decision_lists_are_not_items():
    assert "1. The principle of attempting to replicate the Minerva Project" in parse_seed("2012").item("17").text
    assert [i.number for i in parse_seed("2012").items][16:18] == ["17", "18"]


def test_inline_headings_keep_the_gaps_in_the_numbering():
    meeting = parse_seed("2022")
    assert [i.number for i in meeting.items] == ["1", "2", "3", "4", "5", "7", "9", "10", "11"]
    assert meeting.item("5").title == "Stockton-on-Tees Community Safety Plan"
    assert meeting.item("11").text == "16 February 2022."


def test_attendance_lists_are_split_into_people():
    meeting = parse_seed("2022")
    assert meeting.apologies == ("Alex Sinclair", "Sean Ormerod")
    assert meeting.officers == ("Peter Bell (SBC - Democratic Services)",)
    assert meeting.present[0] == "Cllr Steve Nelson (Chair)" and meeting.chair == "Cllr Steve Nelson"
    assert len(meeting.present) == 16


def test_twenty_items_in_2017_with_restricted_flags():
    meeting = parse_seed("2017")
    assert len(meeting.items) == 20
    assert [i.number for i in meeting.items if i.restricted] == ["19", "20"]


def test_pipe_table_gives_twelve_unnumbered_items_and_no_date():
    meeting = parse_seed("undated")
    assert len(meeting.items) == 12 and meeting.date is None
    assert all(i.number is None for i in meeting.items)
    assert meeting.items[0].title == "" and meeting.items[0].text == "The Evacuation Procedure was noted by members."
    assert meeting.items[4].title == "Ropner/Town Centre (Op Harmony) Update"
    assert meeting.committee == "Unknown committee"  # data/meetings.toml supplies it at ingest
    assert meeting.items[10].text == ""
    assert [i.position for i in meeting.items if i.restricted] == [10, 12]


def test_a_row_of_empty_cells_between_table_rows_is_not_an_item():
    text = ("Venue: Council Chamber\nNo. | Item | ||||\n---|---|---|---|\n"
            "Apologies for Absence Minutes: None had been received. |\n||||||\n"
            "Declarations of Interest Minutes: There were none. |\n||||||\n")
    meeting = parse_minutes(text, "table.txt")
    assert [i.title for i in meeting.items] == ["Apologies for Absence", "Declarations of Interest"]


def test_a_markdown_rule_under_the_table_header_is_not_an_item():
    text = ("Venue: Council Chamber\nNo. | Item |\n---|---|\n"
            "Apologies for Absence Minutes: None had been received. |\n|\n"
            "Declarations of Interest Minutes: There were none. |\n")
    meeting = parse_minutes(text, "table.txt")
    assert [(i.number, i.title) for i in meeting.items] == [(None, "Apologies for Absence"),
                                                          (None, "Declarations of Interest")]


def test_metadata_fills_in_what_the_document_does_not_state():
    path = DATA / SEEDS["undated"]
    meeting = parse_minutes(path.read_text(), str(path), committee="Safer Stockton Partnership")
    assert meeting.committee == "Safer Stockton Partnership" and meeting.date is None


def test_split_council_reference_numbers():
    meeting = parse_minutes(SPLIT_NUMBER, "ssp-2013-03-12.txt")
    assert [i.number for i in meeting.items] == ["SSP 136/13", "SSP 137/13", "SSP 138/13"]
    assert meeting.committee == "Safer Stockton Partnership"
    assert meeting.date == dt.date(2013, 3, 12)
    assert meeting.chair == "Cllr A Name"
    assert "(b) Parks" in meeting.item("SSP 138/13").text
    assert_nothing_lost(SPLIT_NUMBER, meeting)


def test_a_document_without_items_becomes_one_item_with_a_warning():
    text = "Notes from a walkabout.\n\nWe looked at the park and the shops. Nothing was decided."
    meeting = parse_minutes(text, "walkabout.txt")
    assert len(meeting.items) == 1 and meeting.items[0].text.startswith("Notes from a walkabout.")
    assert meeting.warnings and "no agenda items recognised" in meeting.warnings[0]


def test_stray_numbers_in_text_do_not_start_items():
    text = "1 Apologies\n\nNone.\n\n2 Minutes\n\nAgreed.\n\n2012 was a good year.\n\n16 February 2022.\n"
    meeting = parse_minutes(text, "x.txt")
    assert [i.number for i in meeting.items] == ["1", "2"]


# Generated documents: random items rendered in each layout family.

_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
_title = st.lists(_word, min_size=1, max_size=6).map(lambda ws: " ".join(ws).capitalize())
_sentence = st.lists(st.one_of(_word, st.integers(0, 9999).map(str)), min_size=3, max_size=15).map(
    lambda ws: " ".join(ws).capitalize() + ".")
_body = st.lists(_sentence, min_size=1, max_size=4).map(" ".join)
_items = st.lists(st.tuples(_title, _body), min_size=1, max_size=8)


def _render(layout: str, items: list[tuple[str, str]]) -> tuple[str, list[str | None], list[str]]:
    """A document in `layout`, and the numbers and titles its items must parse back to."""
    header = "A meeting of Test Committee was held on Tuesday, 3 March 2020.\n\nPresent: Ann Bee (Chair)\n\n"
    titles = [t for t, _ in items]
    numbers: list[str | None] = [None] * len(items)
    if layout == "moderngov":
        numbers = [f"TC/{n}/20" for n in range(1, len(items) + 1)]
        body = "".join(f"{n}\n\n{t} pdf icon PDF 12 KB\n\nMinutes:\n\n{b}\n\n" for n, (t, b) in zip(numbers, items))
    elif layout == "own-line":
        numbers = [str(n) for n in range(1, len(items) + 1)]
        body = "".join(f"{n}\n\n{t}\n\n{b}\n\n" for n, (t, b) in zip(numbers, items))
    elif layout == "inline":
        numbers = [str(2 * n - 1) for n in range(1, len(items) + 1)]  # gaps in the numbering
        body = "".join(f"{n} {t}\n\n{b}\n\n" for n, (t, b) in zip(numbers, items))
    elif layout == "split-number":
        numbers = [f"TC {100 + n}/20" for n in range(len(items))]
        body = "".join(f"TC\n{n.split()[1]}\n{t}\n{b}\n\n" for n, (t, b) in zip(numbers, items))
    elif layout == "headings":  # the first item a bare sentence; one-word headings carry their link label
        titles[0] = ""
        body = "Items\nNo. Item\n\n" + "".join(
            f"{t}{' pdf icon PDF 9 KB' if len(t.split()) == 1 or n % 2 else ''}\n\n{b}\n\n" if t else f"{b}\n\n"
            for n, (t, (_, b)) in enumerate(zip(titles, items)))
    elif layout == "pipe-rows":
        header = "Venue: Town Hall\nNo. | Item |\n"
        body = "".join(f"|\n{t} Minutes: {b.replace('. ', '.' + chr(10))} |\n" for t, b in items)
    elif layout == "reference-rows":
        numbers, titles = [f"TC {n}/20" for n in range(1, len(items) + 1)], [""] * len(items)
        body = "".join(f"{n} | {b.replace('. ', '.' + chr(10))} |\n" for n, (_, b) in zip(numbers, items))
    else:
        header = "Venue: Town Hall\nNo. | Item |\n"
        body = "".join(f"{t} Minutes: {b} |\n" for t, b in items)
    return header + body, numbers, titles


@pytest.mark.parametrize("layout", ["moderngov", "own-line", "inline", "split-number", "pipe-table", "headings",
                                    "pipe-rows", "reference-rows"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=_items)
def test_generated_documents_parse_back_to_their_items(layout, items):
    assume(layout != "headings" or len(items) >= 2)  # a bare sentence alone is no agenda
    text, numbers, titles = _render(layout, items)
    meeting = parse_minutes(text, "generated.txt")
    assert [i.number for i in meeting.items] == numbers
    assert [i.title for i in meeting.items] == titles
    assert [" ".join(i.text.split()) for i in meeting.items] == [b for _, b in items]
    assert_nothing_lost(text, meeting)


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_arbitrary_text_never_crashes_and_loses_nothing(text):
    meeting = parse_minutes(text, "random.txt")
    assert meeting.items
    assert_nothing_lost(text, meeting)


def test_synthetic_corpus_in_every_layout_parses_exactly(tmp_path):
    from bench.synth import LAYOUTS, generate

    for row in generate(tmp_path, 7 * len(LAYOUTS), seed=3):
        path = tmp_path / row["file"]
        meeting = parse_minutes(path.read_text(encoding="utf-8"), str(path))
        assert [(i.number, i.title) for i in meeting.items] == [(i["number"], i["title"]) for i in row["items"]]
        assert (meeting.date.isoformat() if meeting.date else None) == row["date"]
        if row["date"]:
            assert meeting.committee == row["committee"]
        assert meeting.council == row["council"]
        assert_nothing_lost(path.read_text(encoding="utf-8"), meeting)


# The fixtures in tests/fixtures/: one per real-world layout family, a second council, and PDFs.

def parse_fixture(folder, name: str):
    path = folder / name
    text = document_text(path, read_bytes(path))
    return text, parse_minutes(text, str(path))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_parses_to_its_expected_items_date_committee_and_council(fixture_folder, name):
    expected = EXPECTED[name]
    text, meeting = parse_fixture(fixture_folder, name)
    assert [(i.number or "", i.title) for i in meeting.items] == [tuple(pair) for pair in expected["items"]]
    assert meeting.layout == expected["layout"]
    assert meeting.date == expected.get("date")
    assert meeting.committee == expected["committee"]
    assert meeting.council == expected.get("council")
    assert_nothing_lost(text, meeting)


def test_a_date_about_another_meeting_never_dates_this_one(fixture_folder):
    _, meeting = parse_fixture(fixture_folder, "own-date/hcsp-undated-previous-meeting.txt")
    assert meeting.date is None and meeting.date_source is None
    assert "undated" in meeting.fallbacks
    assert any("no meeting date found" in warning for warning in meeting.warnings)


def test_the_own_date_comes_from_the_header_line_that_states_it(fixture_folder):
    _, meeting = parse_fixture(fixture_folder, "own-date/hcsp-2025-03-03.txt")
    assert meeting.date == dt.date(2025, 3, 3)
    assert meeting.date_source == "Date: Monday, 3rd March, 2025"


@pytest.mark.parametrize("sentence", [
    "The minutes of the previous meeting held Monday 2nd December 2024 were agreed.",
    "The next meeting will be held on 7 April 2025.",
    "Figures have fallen since 1 April 2024.",
    "Minutes of the meeting held on 2 December 2024 are published separately.",
])
def test_sentences_naming_other_meetings_do_not_date_a_header(sentence):
    meeting = parse_minutes(f"Test Committee\n\n{sentence}\n\n1 Apologies\n\nNone.\n", "x.txt")
    assert meeting.date is None


def test_headings_without_link_labels_are_weak_items(fixture_folder):
    _, meeting = parse_fixture(fixture_folder, "headings/hcsp-2024-06-10.txt")
    assert [i.title for i in meeting.items if i.weak] == [
        "Apologies for Absence", "Youth Diversion Fund", "Any Other Business", "Date of Next Meeting"]
    assert meeting.items[0].text == "Members noted where to gather if the alarm sounded during the meeting."
    assert "weak-items" in meeting.fallbacks


def test_pdf_running_headers_and_footers_are_counted_not_quoted(fixture_folder):
    _, meeting = parse_fixture(fixture_folder, "pdf/kvbc-planning-2024-05-14.pdf")
    assert meeting.boilerplate.count("Kestrel Vale Borough Council") == 2
    assert "Planning Committee | 14 May 2024 | Page 2 of 2" in meeting.boilerplate
    assert not any("Page 1 of 2" in item.text or "Kestrel Vale" in item.text for item in meeting.items)


def test_an_item_continues_across_a_page_break(fixture_folder):
    _, meeting = parse_fixture(fixture_folder, "pdf/kvbc-planning-2024-05-14.pdf")
    item = meeting.item("PC/23/24")
    assert item.pages == (1, 2)
    assert "shared ownership. Members also asked" in " ".join(item.text.split())
    assert meeting.item("PC/21/24").pages == (1,) and meeting.item("PC/24/24").pages == (2,)


def test_a_two_column_signature_block_is_not_part_of_the_last_item(fixture_folder):
    _, meeting = parse_fixture(fixture_folder, "pdf/harbourside-planning-2024-03-12.pdf")
    assert meeting.items[-1].text.endswith("RESOLVED that the report be noted.")
    assert any(line.startswith("Chair: ....") and "Date: ...." in line for line in meeting.boilerplate)


def test_form_feeds_in_a_text_file_are_page_breaks():
    pages = ["Test Committee - 3 March 2020", "1 Apologies", "", "None were given.", "", "Page 1 of 2"]
    text = "\n".join(pages) + "\f" + "Test Committee - 3 March 2020\n2 Budget\n\nAgreed.\nPage 2 of 2"
    meeting = parse_minutes(text, "x.txt")
    assert [(i.number, i.pages) for i in meeting.items] == [("1", (1,)), ("2", (2,))]
    assert meeting.date == dt.date(2020, 3, 3)
    assert_nothing_lost(text, meeting)


@pytest.mark.parametrize("points, joined, kept", [
    # a point wrapped onto an indented line; a line that starts a list, or is not indented, is not joined
    ("- It was expected that there\n maybe an increase in figures.\n- Hate crime work was praised.\n"
     "a) first sub-point\nnot indented so not joined\n",
     "- It was expected that there maybe an increase in figures.", ["a) first sub-point", "not indented so not joined"]),
    # a file copied from a web page, its lines broken at a margin, a bullet on a line of its own
    ("The Board received an update on the\nfollowing areas:-\n·\nThe Strategy 2016-2019;\n·\nThe work they are doing in\n"
     "partnership with the Police to make the\ntown safer.\nMembers queried the rise and were told it was due\n"
     "to a change in recording.\n",
     "· The work they are doing in partnership with the Police to make the town safer.",
     ["The Board received an update on the following areas:-", "· The Strategy 2016-2019;",
      "Members queried the rise and were told it was due to a change in recording."]),
    # a bulleted point the converter broke into two paragraphs; lower case after a full stop stays apart
    ("\n- Pleased that exploitation was\n\nincluded under vulnerability. More data was asked for.\n\n"
     "- The plan was welcomed.\n\nAGREED that the report be noted.\n\nnoted in lower case after a full stop.\n",
     "- Pleased that exploitation was included under vulnerability. More data was asked for.",
     ["noted in lower case after a full stop."]),
])
def test_a_list_point_broken_by_the_converter_is_one_line_again(points, joined, kept):
    text = f"Test Committee - 3 March 2020\n\n1\n\nCrime Report\n\nComments were as follows:-\n{points}"
    meeting = parse_minutes(text, "x.txt")
    lines = meeting.items[0].text.split("\n")
    assert joined in lines and all(line in lines for line in kept)
    assert_nothing_lost(text, meeting)


def test_a_council_banner_in_capitals_becomes_the_council():
    meeting = parse_minutes(SPLIT_NUMBER, "ssp-2013-03-12.txt")
    assert meeting.council == "Stockton-on-Tees Borough Council"
    assert meeting.body == "Safer Stockton Partnership (Stockton-on-Tees Borough Council)"


def test_a_preamble_repeating_a_reference_joins_the_discussion_to_its_decision(fixture_folder):
    _, meeting = parse_fixture(fixture_folder, "decision-preamble/hcsp-2011-03-29.txt")
    burglary = meeting.item("HCSP 42/10")
    assert burglary.text.startswith("AGREED that the campaign be extended to Mill Road.")
    assert "fallen by 18 per cent" in burglary.text and "garden sheds" in burglary.text
    assert "18 per cent" not in meeting.item("HCSP 43/10").text


REFERENCE_ON_ITS_OWN_LINE = (
    "Riverton Safety Board - Tuesday, 3rd March, 2020 7.30 pm\n\nItems\nNo. Item\n\nRSB 20/1\n\n"
    "Declarations of interest\n\nMinutes:\n\nThere were none.\n\nRSB 20/2\n\nBudget Update\n\nMinutes:\n\n"
    "Members noted a 3% rise.\n\nRSB 20/12\n\nAny Other Business\n\nMinutes:\n\nNone.\n")
# Numbered titles in capitals start items straight after text, with no blank line before them.
CAPITALS_AFTER_TEXT = (
    "Licensing Sub-Committee - Monday, 7th April, 2014 11.30 am\n\nPresent: Councillor A. Name (Chairman)\n"
    "43. APOLOGIES FOR ABSENCE\nCouncillor B. Other offered apologies.\n44 MINUTES\nRESOLVED that the minutes be "
    "confirmed.\n45 DECLARATIONS OF INTEREST\nThere were no declarations of interest.\n")


@pytest.mark.parametrize("text, items, texts", [
    (REFERENCE_ON_ITS_OWN_LINE, [("RSB 20/1", "Declarations of interest"), ("RSB 20/2", "Budget Update"),
                                 ("RSB 20/12", "Any Other Business")], {"RSB 20/2": "Members noted a 3% rise."}),
    (CAPITALS_AFTER_TEXT, [("43", "APOLOGIES FOR ABSENCE"), ("44", "MINUTES"), ("45", "DECLARATIONS OF INTEREST")],
     {"44": "RESOLVED that the minutes be confirmed."}),
])
def test_item_numbers_titles_and_texts_are_read_as_printed(text, items, texts):
    meeting = parse_minutes(text, "riverton-2020-03-03.txt")
    assert [(item.number, item.title) for item in meeting.items] == items
    assert {number: meeting.item(number).text for number in texts} == texts
    assert_nothing_lost(text, meeting)


def test_a_title_wrapped_onto_a_second_line_is_one_title():
    text = ("Riverton Safety Board - Tuesday, 3rd March, 2020 7.30 pm\n\n17\n\n"
            "Reports back : (a) Local Strategic Partnership;   (b) Adult Wellbeing \n"
            "Partnership;  (c) Children and Young People's Partnership\n\nThere were no reports back.\n\n18\n\n"
            "Budget Update\nMembers noted a 3% rise in the budget\n\nAGREED that the budget be noted.\n")
    meeting = parse_minutes(text, "rsb-2020-03-03.txt")
    assert [item.title for item in meeting.items] == [
        "Reports back : (a) Local Strategic Partnership; (b) Adult Wellbeing Partnership; (c) Children and Young "
        "People's Partnership", "Budget Update"]
    assert meeting.items[0].text == "There were no reports back."
    assert meeting.items[1].text.startswith("Members noted a 3% rise")  # a short title is never wrapped


def test_the_years_a_body_sat_do_not_hide_its_name():
    text = ("Meeting documents\n\nLicensing Sub-Committee (2005-2015)\nMonday, 7th April, 2014 11.30 am\n\n"
            "Place:\nNew Council Chamber, Town Hall, Riverton\n\n43\n\nApologies\n\nThere were none.\n")
    meeting = parse_minutes(text, "licensing-2014-04-07.txt")
    assert (meeting.committee, meeting.date) == ("Licensing Sub-Committee", dt.date(2014, 4, 7))


def test_a_web_pages_breadcrumb_and_its_crumbs_never_name_the_committee():
    text = ("Council and democracy\nHome > Council and Democracy > Agenda and minutes\nVenue: Quay House\n"
            "No. | Item |\nApologies Minutes: Apologies were received from Councillor Ames. |\n")
    assert parse_minutes(text, "page.txt").committee == "Unknown committee"
    named = parse_minutes("Harbour Licensing Committee\n" + text, "page.txt")
    assert named.committee == "Harbour Licensing Committee"


def test_a_table_flattened_without_its_header_pipes_is_read_by_its_closed_rows():
    text = ("Harbour Committee - Thursday, 14 January 2016 7.30 pm\n\nItems\nNo. Item\n"
            "Apologies for Absence Minutes: There were none. |\n"
            "Minutes of the last meeting To confirm the Minutes of the meeting held on 18 November 2015.\n"
            "(i) that the Minutes of the meeting held on 18 November 2015 be confirmed. |\n"
            "Harbour Patrols Update To receive a presentation from the Harbour Master.\n"
            "Minutes: The Committee received a presentation on the patrols. |\n")
    meeting = parse_minutes(text, "harbour.txt")
    assert [i.title for i in meeting.items] == ["Apologies for Absence", "Minutes of the last meeting",
                                               "Harbour Patrols Update"]
    assert meeting.items[2].agenda == "To receive a presentation from the Harbour Master."
    assert meeting.items[2].text == "The Committee received a presentation on the patrols."
    numbered = parse_minutes("Harbour Committee - Thursday, 14 January 2016\n\nItems\nNo. Item\n\n1.\n\nApologies\n\n"
                             "Minutes:\n\nThere were none.\n\n2.\n\nPatrols\n\nMinutes:\n\nPatrols went well.\n", "h.txt")
    assert [i.title for i in numbered.items] == ["Apologies", "Patrols"]  # moderngov's own layout, no rows


def test_agenda_item_headings_with_or_without_a_title_and_a_name_line_ending_in_a_date():
    text = ("Harbour Safety Partnership meeting minutes 24 January 2023\n\nTuesday 24 January 2023 - 2.00pm\n\n"
            "Agenda item 1\n\nHW welcomed everyone to the meeting.\n\nAgenda item 2\n\nDeclarations of interest\n\n"
            "None were made.\n\nAgenda item 3\n\nPatrol plan\n\nHW presented the plan.\n")
    meeting = parse_minutes(text, "harbour.txt")
    assert [(i.number, i.title) for i in meeting.items] == [("1", ""), ("2", "Declarations of interest"),
                                                           ("3", "Patrol plan")]
    assert meeting.items[0].text == "HW welcomed everyone to the meeting."
    assert meeting.committee == "Harbour Safety Partnership" and meeting.date == dt.date(2023, 1, 24)


def test_a_reference_of_year_item_and_body_numbers_moderngov_items():
    text = ("Harbour Area Committee\n\nItems\nNo. Item\n\n19/1/HAC\n\nWelcome and Apologies\n\nMinutes:\n\nNone.\n\n"
            "19/2/HAC\n\nOpen Forum\n\nMinutes:\n\nResidents asked about buses.\n")
    meeting = parse_minutes(text, "hac.txt")
    assert [(i.number, i.title) for i in meeting.items] == [("19/1/HAC", "Welcome and Apologies"), ("19/2/HAC", "Open Forum")]
    assert meeting.layout == "moderngov"


@pytest.mark.parametrize("banner", ["Title: Harbourside Borough Council Logo", "Harbourside Borough Council Logo",
                                    "Harbourside Borough Council"])
def test_the_council_is_read_from_a_web_pages_banner(banner):
    text = f"{banner}\n\nHarbourside Community Safety Partnership - Monday, 3rd March, 2025 10.00 am\n\n1 Apologies\n\nNone.\n"
    meeting = parse_minutes(text, "x.txt")
    assert (meeting.council, meeting.committee) == ("Harbourside Borough Council", "Harbourside Community Safety Partnership")
