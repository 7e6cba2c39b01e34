"""The Meetings tab: every indexed meeting, read item by item.

Meetings are picked by their row in a list the server made, and items by
their position in a meeting the server holds: the page never sends a path
or a meeting id of its own.
"""
from __future__ import annotations

import html

import gradio as gr

from assistant.api import Assistant
from assistant.dates import format_date
from assistant.models import HEADER_POSITION
from ui.render import READER_PLACEHOLDER, item_html, meeting_overview_html
from ui.safety import friendly

OVERVIEW = HEADER_POSITION  # the item drop-down's value for "attendance and agenda": the header's place

_LIST_JS = """
element.addEventListener('click', (event) => {
  const row = event.target.closest('button.m-meeting');
  if (!row) return;
  element.querySelectorAll('button.m-meeting').forEach((b) => b.classList.toggle('m-selected', b === row));
  trigger('pick', {index: Number(row.dataset.index)});
});
"""
_AGENDA_JS = """
element.addEventListener('click', (event) => {
  const link = event.target.closest('button.m-agenda-link');
  if (link) trigger('pick', {position: Number(link.dataset.position)});
});
watch('value', () => element.scrollIntoView({block: 'nearest'}));
"""


def meeting_list_html(records, selected: int = 0) -> str:
    """Every meeting as a button: date, committee, how many items."""
    if not records:
        return '<div class="m-placeholder">No meetings yet: run <code>minutes ingest PATH</code>.</div>'
    rows = []
    for index, r in enumerate(records):
        chosen = " m-selected" if index == selected else ""
        rows.append(f'<button class="m-meeting{chosen}" data-index="{index}">'
                    f'<span class="m-meeting-date">{html.escape(format_date(r.date))}</span>'
                    f'<span class="m-meeting-name">{html.escape(r.committee)}</span>'
                    f'<span class="m-meeting-items">{r.items} items</span></button>')
    return f'<nav class="m-meetings" aria-label="Meetings">{"".join(rows)}</nav>'


def meetings_tab(bot: Assistant):
    """The tab's components and events; returns the page-load handler and its outputs."""
    ids = gr.State([])  # the list's meeting ids, row by row
    current = gr.State(None)  # the meeting open on this page
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=300):
            gr.Markdown("Pick a meeting, then read it item by item.", elem_classes="m-intro")
            listing = gr.HTML(elem_id="meetings-list", js_on_load=_LIST_JS)
        with gr.Column(scale=5, min_width=420):
            item = gr.Dropdown([], label="Agenda item", elem_id="item-pick")
            with gr.Row():
                back = gr.Button("◀ Previous item", elem_id="item-prev", size="sm")
                ahead = gr.Button("Next item ▶", elem_id="item-next", size="sm")
            text = gr.HTML(READER_PLACEHOLDER, elem_id="meeting-text", container=True, padding=True,
                           js_on_load=_AGENDA_JS)

    on = _MeetingHandlers(bot)
    listing.pick(on.pick_meeting, ids, [current, item, text], api_visibility="private")
    item.change(on.open_item, [current, item], text, api_visibility="private")
    back.click(on.previous, [current, item], item, api_visibility="private")
    ahead.click(on.next, [current, item], item, api_visibility="private")
    text.pick(on.pick_item, current, item, api_visibility="private")
    return on.load, [listing, ids, current, item, text]


class _MeetingHandlers:
    """The tab's event handlers; the meeting on show arrives as an argument from the session's state."""

    def __init__(self, bot: Assistant) -> None:
        self.bot = bot

    @friendly
    def load(self):
        """The list as the index holds it now, with the first meeting open."""
        records = self.bot.meetings()
        first = records[0].id if records else None
        return (meeting_list_html(records), [r.id for r in records], first, *self.open_meeting(first))

    def open_meeting(self, meeting_id):
        if not meeting_id:
            return gr.update(choices=[], value=None), READER_PLACEHOLDER
        found = self.bot.meeting(meeting_id)
        choices = [("Attendance and agenda", OVERVIEW)] + [
            (f"{found.item_ref(i).short} · {i.title or 'untitled'}", i.position) for i in found.items]
        return gr.update(choices=choices, value=OVERVIEW), meeting_overview_html(found, links=True)

    @friendly
    def pick_meeting(self, rows, evt: gr.EventData):
        index = getattr(evt, "index", None)
        if not isinstance(index, int) or not 0 <= index < len(rows):
            return gr.skip(), gr.skip(), gr.skip()
        return (rows[index], *self.open_meeting(rows[index]))

    @friendly
    def open_item(self, meeting_id, position):
        if not meeting_id or position is None:
            return gr.skip()
        found = self.bot.meeting(meeting_id)
        wanted = next((i for i in found.items if i.position == position), None)
        return item_html(found, wanted) if wanted else meeting_overview_html(found, links=True)

    @friendly
    def pick_item(self, meeting_id, evt: gr.EventData):
        position = getattr(evt, "position", None)
        if not meeting_id or not isinstance(position, int):
            return gr.skip()
        return position if 0 < position <= len(self.bot.meeting(meeting_id).items) else gr.skip()

    def previous(self, meeting_id, position):
        return self._step(meeting_id, position, -1)

    def next(self, meeting_id, position):
        return self._step(meeting_id, position, 1)

    @friendly
    def _step(self, meeting_id, position, by: int):
        if not meeting_id:
            return gr.skip()
        last = len(self.bot.meeting(meeting_id).items)
        return min(max((position or 0) + by, OVERVIEW), last)
