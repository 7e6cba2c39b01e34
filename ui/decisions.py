"""The Decisions tab: every decision the minutes record, one row each, searchable, filterable, exportable.

A row names its meeting by date and committee and its item by number and
title; clicking it opens the item with the decision highlighted. The CSV
export holds exactly the rows on show.
"""
from __future__ import annotations

import csv
import html
import tempfile
from pathlib import Path

import gradio as gr

from assistant.api import Assistant
from assistant.dates import format_date
from assistant.errors import InvalidQuestion
from assistant.facts import DecisionRecord
from assistant.models import ItemRef, committee_label
from assistant.store import MeetingRecord
from ui.cite import Reference
from ui.render import READER_PLACEHOLDER, item_html, meeting_html
from ui.safety import friendly

ALL_COMMITTEES = "All committees"
CSV_COLUMNS = ["date", "committee", "item", "item_title", "decision", "routine", "reference", "meeting_id"]
_ROWS_JS = """
element.addEventListener('click', (event) => {
  const row = event.target.closest('tr[data-index]');
  if (!row || event.target.closest('a')) return;
  element.querySelectorAll('tr.m-selected').forEach((r) => r.classList.remove('m-selected'));
  row.classList.add('m-selected');
  trigger('pick', {index: Number(row.dataset.index)});
});
element.addEventListener('keydown', (event) => {
  const row = event.target.closest('tr[data-index]');
  if (row && (event.key === 'Enter' || event.key === ' ')) { event.preventDefault(); row.click(); }
});
"""


def decision_ref(row: DecisionRecord) -> ItemRef:
    """The item a decision was taken in, named as everywhere else."""
    return ItemRef(row.meeting_id, row.committee, row.date, row.item_number, row.item_position, row.item_title,
                   row.council)


def table_html(rows: list[DecisionRecord]) -> str:
    """The rows as a table; each row is focusable and opens its item."""
    if not rows:
        return '<div class="m-placeholder">No decisions match. Clear the search or widen the dates.</div>'
    body = "".join(
        f'<tr data-index="{index}" tabindex="0" title="Open this item" class="{"m-routine" if row.routine else ""}">'
        f'<td class="m-date">{html.escape(format_date(row.date))}</td>'
        f"<td>{html.escape(committee_label(row.committee, row.council))}</td>"
        f'<td><span class="m-ref">{html.escape(decision_ref(row).short)}</span> '
        f'{html.escape(row.item_title or "untitled")}</td><td class="m-decision">{html.escape(row.text)}</td></tr>'
        for index, row in enumerate(rows))
    return ('<div class="m-table-wrap"><table class="m-decisions"><thead><tr><th>Date</th><th>Committee</th>'
            f"<th>Item</th><th>Decision</th></tr></thead><tbody>{body}</tbody></table></div>")


def write_csv(rows: list[DecisionRecord], records: list[MeetingRecord], folder: Path) -> Path:
    """The rows as a UTF-8 CSV file in `folder` (with a BOM, so spreadsheet programs read the £ signs).

    Each row's reference is the one "Copy citation" gives, linked to the published minutes where known.
    """
    where = {record.id: record for record in records}
    with tempfile.NamedTemporaryFile("w", suffix=".csv", prefix="decisions-", dir=folder, delete=False,
                                     newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            ref, record = decision_ref(row), where.get(row.meeting_id)
            reference = Reference(row.meeting_id, row.committee, row.date, record.source if record else "",
                                  record.url if record else None, ref, row.council)
            writer.writerow([row.date.isoformat() if row.date else "", reference.body, ref.short, row.item_title,
                             row.text, "yes" if row.routine else "no", reference.text(), row.meeting_id])
    return Path(handle.name)


def decisions_tab(bot: Assistant):
    """The tab's components and events; returns the page-load handler and its outputs."""
    shown = gr.State([])  # the rows on show, in table order
    with gr.Row(equal_height=True, elem_id="decisions-filters"):
        query = gr.Textbox(label="Search decisions", placeholder="e.g. funding, PSPO, minutes", elem_id="decision-query",
                           max_lines=1, scale=3, min_width=200)
        since = gr.Textbox(label="From", placeholder="YYYY-MM-DD", elem_id="decision-since", max_lines=1, min_width=130)
        until = gr.Textbox(label="To", placeholder="YYYY-MM-DD", elem_id="decision-until", max_lines=1, min_width=130)
        committee = gr.Dropdown([ALL_COMMITTEES], value=ALL_COMMITTEES, label="Committee", elem_id="decision-committee",
                                scale=2, min_width=180)
    with gr.Row(equal_height=True):
        routine = gr.Checkbox(label="Hide routine decisions (reports noted, minutes approved)", value=False,
                              elem_id="decision-routine", min_width=240, scale=3)
        search = gr.Button("Search", variant="primary", elem_id="decision-search", min_width=100, scale=1)
        export = gr.DownloadButton("Export CSV", elem_id="decision-export", min_width=100, scale=1)
    summary = gr.HTML(elem_id="decisions-summary", padding=False)
    table = gr.HTML(elem_id="decisions-table", js_on_load=_ROWS_JS)
    reader = gr.HTML(READER_PLACEHOLDER, elem_id="decision-item", container=True, padding=True)

    on = _DecisionHandlers(bot, Path(tempfile.mkdtemp(prefix="minutes-decisions-")))
    inputs, outputs = [query, since, until, committee, routine], [summary, table, shown, export, reader]
    for event in (search.click, query.submit, since.submit, until.submit, committee.input, routine.input):
        event(on.search, inputs, outputs, api_visibility="private")
    table.pick(on.open, shown, reader, api_visibility="private")
    return on.load, [committee, *outputs]


class _DecisionHandlers:
    def __init__(self, bot: Assistant, folder: Path) -> None:
        self.bot, self.folder = bot, folder

    @friendly
    def load(self):
        committees = sorted({r.committee for r in self.bot.meetings()})  # what `Assistant.decisions` filters by
        return (gr.update(choices=[ALL_COMMITTEES, *committees], value=ALL_COMMITTEES),
                *self.search("", "", "", ALL_COMMITTEES, False))

    @friendly
    def search(self, query, since, until, committee, hide_routine):
        """The summary line, the table, the rows behind it, the CSV of exactly those rows, and an empty reader."""
        try:
            rows = self.bot.decisions(since, until, None if committee == ALL_COMMITTEES else committee,
                                      (query or "").strip() or None)
        except InvalidQuestion as problem:
            return (f'<p class="m-chip-error" role="alert">⚠ {html.escape(str(problem))}</p>', gr.skip(), gr.skip(),
                    gr.skip(), gr.skip())
        rows = [row for row in rows if not (hide_routine and row.routine)]
        meetings = len({row.meeting_id for row in rows})
        words = "1 decision" if len(rows) == 1 else f"{len(rows)} decisions"
        note = (f'<p class="m-summary">{words} in {meetings} meeting{"s" if meetings != 1 else ""}. '
                "Click a row to read its item.</p>")
        csv_file = write_csv(rows, self.bot.meetings(), self.folder)
        return note, table_html(rows), rows, gr.update(value=str(csv_file)), READER_PLACEHOLDER

    @friendly
    def open(self, rows, evt: gr.EventData):
        index = getattr(evt, "index", None)
        if not isinstance(index, int) or not 0 <= index < len(rows):
            return gr.skip()
        row = rows[index]
        meeting = self.bot.meeting(row.meeting_id)
        item = next((i for i in meeting.items if i.position == row.item_position), None)
        if item is None:  # recorded in the meeting's header block
            return meeting_html(meeting, row.item_position, (row.text,), caption="The decision is highlighted")
        return item_html(meeting, item, (row.text,), caption="The decision is highlighted")
