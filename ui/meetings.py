"""The Meetings tab: every indexed meeting, its facts beside its agenda, read item by item.

Meetings are picked by their row in a list the server made, and items by
their position in a meeting the server holds: the page never sends a path
or a meeting id of its own. A deep link (``?meeting=ID&item=SSP/4/23``) is
looked up in the index like any other request.
"""
from __future__ import annotations

import html

import gradio as gr

from assistant.api import Assistant
from assistant.dates import format_date
from assistant.errors import UnknownMeeting
from assistant.models import HEADER_POSITION
from ui.meeting_view import item_page, overview_html
from ui.render import READER_PLACEHOLDER
from ui.safety import friendly

OVERVIEW = HEADER_POSITION  # the item drop-down's value for "facts and agenda": the header's place

_LIST_JS = """
element.addEventListener('click', (event) => {
  const row = event.target.closest('button.m-meeting');
  if (!row) return;
  element.querySelectorAll('button.m-meeting').forEach((b) => b.classList.toggle('m-selected', b === row));
  trigger('pick', {index: Number(row.dataset.index)});
});
"""
# Agenda entries and decisions open their item; the step buttons under an item move through the agenda.
_READER_JS = """
element.addEventListener('click', (event) => {
  const link = event.target.closest('button.m-agenda-link');
  if (link) { trigger('pick', {position: Number(link.dataset.position)}); return; }
  const step = event.target.closest('button.m-step');
  if (step && !step.disabled) trigger('step', {by: Number(step.dataset.by)});
});
watch('value', () => {
  const reader = element.querySelector('.m-reader');
  if (!reader || !element.offsetParent) return;  // not on show (the page loads this tab hidden)
  document.querySelector('#item-nav')?.scrollIntoView({block: 'nearest'});
  const item = reader.dataset.item;
  const query = '?meeting=' + encodeURIComponent(reader.dataset.meeting) + (item ? '&item=' + encodeURIComponent(item) : '');
  window.minutes?.setLink(query);
});
"""


def meeting_list_html(records, selected: int = 0) -> str:
    """Every meeting as a button: date, committee, how many items."""
    if not records:
        return '<div class="m-placeholder">No meetings yet: run <code>minutes ingest PATH</code>.</div>'
    rows = []
    for index, r in enumerate(records):
        chosen = " m-selected" if index == selected else ""
        rows.append(f'<button type="button" class="m-meeting{chosen}" data-index="{index}">'
                    f'<span class="m-meeting-date">{html.escape(format_date(r.date))}</span>'
                    f'<span class="m-meeting-name">{html.escape(r.body)}</span>'
                    f'<span class="m-meeting-items">{r.items} items</span></button>')
    return f'<nav class="m-meetings" aria-label="Meetings">{"".join(rows)}</nav>'


def meetings_tab(bot: Assistant):
    """The tab's components and events; returns the page-load handler, its outputs, and the deep-link opener."""
    ids = gr.State([])  # the list's meeting ids, row by row
    current = gr.State(None)  # the meeting open on this page
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=300):
            gr.HTML('<p class="m-intro">Pick a meeting to see its facts and agenda, then read it item by item.</p>',
                    padding=False)
            listing = gr.HTML(elem_id="meetings-list", js_on_load=_LIST_JS)
        with gr.Column(scale=5, min_width=420):
            with gr.Column(elem_id="item-nav", variant="panel"):
                item = gr.Dropdown([], label="Agenda item", elem_id="item-pick")
                with gr.Row(equal_height=True):
                    back = gr.Button("◀ Previous item", elem_id="item-prev", size="sm", min_width=100)
                    ahead = gr.Button("Next item ▶", elem_id="item-next", size="sm", min_width=100)
            text = gr.HTML(READER_PLACEHOLDER, elem_id="meeting-text", container=True, padding=True,
                           js_on_load=_READER_JS)

    on = _MeetingHandlers(bot)
    outputs = [listing, ids, current, item, text]
    listing.pick(on.pick_meeting, ids, [current, item, text], api_visibility="private")
    item.change(on.open_item, [current, item], text, api_visibility="private")
    back.click(on.previous, [current, item], item, api_visibility="private")
    ahead.click(on.next, [current, item], item, api_visibility="private")
    text.pick(on.pick_item, current, item, api_visibility="private")
    text.step(on.step_from_page, [current, item], item, api_visibility="private")
    return on.load, outputs, on.open_link


class _MeetingHandlers:
    """The tab's event handlers; the meeting on show arrives as an argument from the session's state."""

    def __init__(self, bot: Assistant) -> None:
        self.bot = bot

    @friendly
    def load(self):
        """The list as the index holds it now, with the first meeting open."""
        return self.open_link(None, None)

    def open_link(self, meeting_id: str | None, address: str | None):
        """The list with `meeting_id` open at item `address` (its printed number or ``#position``).

        `UnknownMeeting` for a meeting or item the index does not hold.
        """
        records = self.bot.meetings()
        ids = [r.id for r in records]
        wanted = meeting_id or (ids[0] if ids else None)
        if wanted is not None and wanted not in ids:
            raise UnknownMeeting("That link names a meeting this index does not hold.")
        row = ids.index(wanted) if wanted else 0
        choices, page = self.open_meeting(wanted)
        position = OVERVIEW
        if wanted and address:
            found = self.bot.meeting(wanted).item(address)
            if found is None:
                raise UnknownMeeting(f"That meeting has no item {address}.")
            position = found.position
            page = item_page(self.bot.meeting(wanted), found)
        return meeting_list_html(records, row), ids, wanted, gr.update(choices=choices, value=position), page

    def open_meeting(self, meeting_id):
        if not meeting_id:
            return [], READER_PLACEHOLDER
        found = self.bot.meeting(meeting_id)
        choices = [("Facts and agenda", OVERVIEW)] + [
            (f"{found.item_ref(i).short} · {i.title or 'untitled'}", i.position) for i in found.items]
        return choices, overview_html(found)

    @friendly
    def pick_meeting(self, rows, evt: gr.EventData):
        index = getattr(evt, "index", None)
        if not isinstance(index, int) or not 0 <= index < len(rows):
            return gr.skip(), gr.skip(), gr.skip()
        choices, page = self.open_meeting(rows[index])
        return rows[index], gr.update(choices=choices, value=OVERVIEW), page

    @friendly
    def open_item(self, meeting_id, position):
        if not meeting_id or position is None:
            return gr.skip()
        found = self.bot.meeting(meeting_id)
        wanted = next((i for i in found.items if i.position == position), None)
        return item_page(found, wanted) if wanted else overview_html(found)

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

    def step_from_page(self, meeting_id, position, evt: gr.EventData):
        """The step buttons under an item: -1, +1, or 0 for back to the agenda."""
        by = getattr(evt, "by", None)
        if by == 0:
            return OVERVIEW
        return self._step(meeting_id, position, by) if by in (-1, 1) else gr.skip()

    @friendly
    def _step(self, meeting_id, position, by: int):
        if not meeting_id:
            return gr.skip()
        last = len(self.bot.meeting(meeting_id).items)
        return min(max((position or 0) + by, OVERVIEW), last)
