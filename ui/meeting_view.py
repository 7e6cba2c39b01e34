"""A meeting's front page in the Meetings tab: its facts beside its agenda, and the item reader's step buttons.

The facts are what ingest read from the minutes (`Meeting.facts`): when and
where, chair, who attended by organisation, apologies, the next meeting, and
the decisions with the items they were taken in. Nothing here infers them.
"""
from __future__ import annotations

import html

from assistant.facts import ATTENDEE_LABELS, Attendee
from assistant.models import AgendaItem, Meeting
from assistant.plaintext import next_meeting_text
from ui.cite import Reference
from ui.render import cite_tools, item_html

_OPEN_LIST = 8  # attendance lists up to this long are shown unfolded


def overview_html(meeting: Meeting) -> str:
    """The meeting's facts and its agenda side by side (stacked on a phone); agenda entries open their item."""
    def entry(item: AgendaItem) -> str:
        return (f'<li>{_item_button(meeting, item.position, "")}</li>')

    return (f'<div class="m-reader m-overview" data-meeting="{html.escape(meeting.id)}">'
            f'<h3 class="m-meeting-title"><span class="m-date">{html.escape(meeting.date_label)}</span> · '
            f"{html.escape(meeting.body)}</h3>"
            f'<div class="m-tools">{cite_tools(Reference.of_meeting(meeting))}</div>'
            f'<div class="m-columns"><section class="m-facts" aria-label="Meeting facts"><h4>Meeting facts</h4>'
            f"{facts_html(meeting)}</section>"
            f'<section class="m-agenda-box" aria-label="Agenda"><h4>Agenda ({len(meeting.items)} items)</h4>'
            f'<ol class="m-agenda">{"".join(entry(i) for i in meeting.items)}</ol></section></div></div>')


def facts_html(meeting: Meeting) -> str:
    """When, where, who chaired and attended (by organisation), the next meeting, and the decisions."""
    facts = meeting.facts
    when = meeting.date_label + (f", {facts.held.time}" if facts.held and facts.held.time else "")
    rows = [("Date", when), ("Venue", facts.venue.name if facts.venue else meeting.venue),
            ("Chair", _person(facts.chair) if facts.chair else meeting.chair),
            ("Vice-chair", _person(facts.vice_chair) if facts.vice_chair else None),
            ("Next meeting", next_meeting_text(meeting))]
    cells = "".join(f"<dt>{label}</dt><dd>{html.escape(value)}</dd>" for label, value in rows if value)
    people = "".join(_attendees(label, facts.by_organisation(kind)) for kind, label in ATTENDEE_LABELS.items())
    if not facts.attendees:  # minutes whose attendance the facts could not split: the lists as printed
        people = "".join(f"<dt>{html.escape(label)}</dt><dd>{html.escape(text)}</dd>"
                         for label, text in meeting.details() if label not in ("Venue", "Chair"))
        people = f'<dl class="m-attendance">{people}</dl>' if people else ""
    decided = "".join(
        f'<li class="{"m-routine" if d.routine else ""}">{_item_button(meeting, d.position, d.text)}</li>'
        for d in facts.decisions)
    decisions = (f'<h5>Decisions ({len(facts.decisions)})</h5><ul class="m-decided">{decided}</ul>' if decided
                 else '<p class="m-placeholder">The minutes record no decisions.</p>')
    return f'<dl class="m-attendance">{cells}</dl>{people}{decisions}'


def _person(attendee: Attendee) -> str:
    extra = ", ".join(part for part in (attendee.role, attendee.organisation) if part)
    return f"{attendee.name} ({extra})" if extra else attendee.name


def _attendees(label: str, groups: dict[str | None, tuple[Attendee, ...]]) -> str:
    """One kind of attendee, folded when long: a line per organisation, people with their roles."""
    count = sum(len(people) for people in groups.values())
    if not count:
        return ""
    lines = "".join(
        f'<li><span class="m-org">{html.escape(organisation or "organisation not stated")}</span>: '
        f'{html.escape(", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in people))}</li>'
        for organisation, people in groups.items())
    unfolded = " open" if count <= _OPEN_LIST else ""
    return (f'<details class="m-people"{unfolded}><summary>{html.escape(label)} ({count})</summary>'
            f'<ul class="m-orgs">{lines}</ul></details>')


def _item_button(meeting: Meeting, position: int, text: str) -> str:
    """A button that opens item `position`, led by its number; `text` (a decision) or else its title."""
    item = meeting.item(f"#{position}")
    if item is None:  # a fact from the header block
        return f'<span class="m-ref">Meeting details</span> {html.escape(text)}'
    return (f'<button type="button" class="m-agenda-link" data-position="{position}">'
            f'<span class="m-ref">{html.escape(meeting.item_ref(item).short)}</span> '
            f"{html.escape(text or item.title or 'untitled')}</button>")


def item_page(meeting: Meeting, item: AgendaItem, marks: tuple[str, ...] = ()) -> str:
    """One item to read in the Meetings tab, with Previous/Next repeated under it (long items push the top ones away)."""
    last = len(meeting.items)
    steps = [("◀ Previous item", -1, item.position <= 1), ("Back to the agenda", 0, False),
             ("Next item ▶", 1, item.position >= last)]
    footer = '<nav class="m-steps" aria-label="Items">' + "".join(
        f'<button type="button" class="m-step m-tool" data-by="{by}"{" disabled" if off else ""}>{label}</button>'
        for label, by, off in steps) + "</nav>"
    decided = [d.text for d in meeting.facts.item_decisions(item.position)]
    return item_html(meeting, item, marks or tuple(decided), footer=footer)
