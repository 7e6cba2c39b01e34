"""`ItemRef`: the one place that decides how an agenda item is named."""
from __future__ import annotations

import datetime as dt

from assistant.models import ItemRef

JULY = dt.date(2023, 7, 19)


def ref(number: str | None, position: int, title: str = "Anti-Social Behaviour", date: dt.date | None = JULY) -> ItemRef:
    return ItemRef("ssp-2023-07-19", "Safer Stockton Partnership", date, number, position, title)


def test_printed_reference_stands_alone_in_label_and_short_form():
    item = ref("SSP/4/23", 4)
    assert item.label == "Safer Stockton Partnership, 19 Jul 2023, SSP/4/23"
    assert item.short == "SSP/4/23" and item.address == "SSP/4/23"


def test_plain_number_reads_as_item_n():
    item = ref("12", 12)
    assert item.label.endswith(", item 12") and item.short == "Item 12" and item.address == "12"


def test_unnumbered_item_is_named_by_position_and_title():
    item = ref(None, 3, "Op Harmony Update", date=None)
    assert item.label == "Safer Stockton Partnership, date not stated, item 3 (Op Harmony Update)"
    assert item.short == "Item 3" and item.address == "#3"
    assert item.context.endswith("item 3 (unnumbered): Op Harmony Update")


def test_header_is_the_attendance_block():
    header = ref(None, 0, "Meeting details and attendance")
    assert header.is_header and header.label.endswith(", attendance") and header.short == "Meeting details"
    assert header.context.endswith(": meeting details and attendance")


def test_the_council_keeps_two_planning_committees_apart():
    one = ItemRef("a", "Planning Committee", JULY, "PC/14/24", 3, "Bus Depot", "Kestrel Vale Borough Council")
    two = ItemRef("b", "Planning Committee", JULY, "48", 4, "Harbour Yard", "Harbourside Borough Council")
    assert one.label == "Planning Committee (Kestrel Vale Borough Council), 19 Jul 2023, PC/14/24"
    assert two.context.startswith("Planning Committee (Harbourside Borough Council), 19 Jul 2023, item 48")


def test_a_committee_named_after_its_council_does_not_repeat_it():
    from assistant.models import committee_label

    assert committee_label("Harbourside Borough Council", "Harbourside Borough Council") == "Harbourside Borough Council"
    assert committee_label("Planning Committee", None) == "Planning Committee"


def test_a_heading_names_the_title_once():
    numbered = ItemRef("a", "Board", JULY, "SSP/4/23", 4, "ASB Action Plan")
    unnumbered = ItemRef("a", "Board", None, None, 5, "Police Update")
    assert numbered.heading == "Board, 19 Jul 2023, SSP/4/23: ASB Action Plan"
    assert unnumbered.heading == unnumbered.label == "Board, date not stated, item 5 (Police Update)"
    assert ItemRef("a", "Board", JULY, "7", 7, "").heading == "Board, 19 Jul 2023, item 7"
