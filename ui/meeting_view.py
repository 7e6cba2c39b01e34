"""A meeting's front page in the Meetings tab: its facts beside its agenda, and the item reader's step buttons.

The facts are what the minutes state about the meeting (date, venue, chair,
who attended, apologies, decisions); nothing here infers them from text.
"""
from __future__ import annotations

import html

from assistant.models import AgendaItem, Meeting
from ui.cite import Reference
from ui.decisions import meeting_decisions
from ui.render import attendance_html, cite_tools, item_html


def overview_html(meeting: Meeting) -> str:
    """The meeting's facts and its agenda side by side (stacked on a phone); agenda entries open their item."""
    def entry(item: AgendaItem) -> str:
        ref = meeting.item_ref(item)
        return (f'<li><button type="button" class="m-agenda-link" data-position="{item.position}">'
                f'<span class="m-ref">{html.escape(ref.short)}</span> {html.escape(item.title or "untitled")}'
                "</button></li>")

    return (f'<div class="m-reader m-overview" data-meeting="{html.escape(meeting.id)}">'
            f'<h3 class="m-meeting-title"><span class="m-date">{html.escape(meeting.date_label)}</span> · '
            f"{html.escape(meeting.committee)}</h3>"
            f'<div class="m-tools">{cite_tools(Reference.of_meeting(meeting))}</div>'
            f'<div class="m-columns"><section class="m-facts" aria-label="Meeting facts"><h4>Meeting facts</h4>'
            f"{_facts(meeting)}</section>"
            f'<section class="m-agenda-box" aria-label="Agenda"><h4>Agenda ({len(meeting.items)} items)</h4>'
            f'<ol class="m-agenda">{"".join(entry(i) for i in meeting.items)}</ol></section></div></div>')


def _facts(meeting: Meeting) -> str:
    held = f"<dl class=\"m-attendance\"><dt>Date</dt><dd>{html.escape(meeting.date_label)}</dd></dl>"
    decisions = meeting_decisions(meeting)
    listed = "".join(
        f'<li><button type="button" class="m-agenda-link" data-position="{row.item_position}">'
        f'<span class="m-ref">{html.escape(row.ref.short)}</span> {html.escape(row.text)}</button></li>'
        for row in decisions)
    decided = (f'<h5>Decisions ({len(decisions)})</h5><ul class="m-decided">{listed}</ul>' if decisions
               else '<p class="m-placeholder">The minutes record no decisions.</p>')
    return held + attendance_html(meeting) + decided


def item_page(meeting: Meeting, item: AgendaItem, marks: tuple[str, ...] = ()) -> str:
    """One item to read in the Meetings tab, with Previous/Next repeated under it (long items push the top ones away)."""
    last = len(meeting.items)
    steps = [("◀ Previous item", -1, item.position <= 1), ("Back to the agenda", 0, False),
             ("Next item ▶", 1, item.position >= last)]
    footer = '<nav class="m-steps" aria-label="Items">' + "".join(
        f'<button type="button" class="m-step m-tool" data-by="{by}"{" disabled" if off else ""}>{label}</button>'
        for label, by, off in steps) + "</nav>"
    return item_html(meeting, item, marks, footer=footer)
