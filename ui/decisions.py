"""The Decisions tab: every decision the minutes record, one row each, searchable, filterable, exportable.

A row names its meeting by date and committee and its item by number and
title; clicking it opens the item with the decision highlighted. The CSV
export holds exactly the rows on show.
"""
from __future__ import annotations

import csv
import datetime as dt
import html
import tempfile
from dataclasses import dataclass
from pathlib import Path

import gradio as gr

from assistant.api import Assistant
from assistant.errors import InvalidQuestion
from assistant.models import ItemRef, Meeting, format_date
from assistant.query import clean_question, date_range
from assistant.text import alternatives, terms
from ui.cite import Reference
from ui.render import READER_PLACEHOLDER, item_html
from ui.safety import friendly

ALL_COMMITTEES = "All committees"
CSV_COLUMNS = ["date", "committee", "item", "item_title", "decision", "reference", "meeting_id"]
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


@dataclass(frozen=True)
class DecisionRow:
    """One decision with the meeting and item it was taken in."""

    meeting_id: str
    committee: str
    date: dt.date | None
    item_position: int
    item_number: str | None
    item_title: str
    text: str
    source: str

    @property
    def ref(self) -> ItemRef:
        return ItemRef(self.meeting_id, self.committee, self.date, self.item_number, self.item_position,
                       self.item_title)


def meeting_decisions(meeting: Meeting) -> list[DecisionRow]:
    """A meeting's decisions in agenda order, as the parser recorded them."""
    return [DecisionRow(meeting.id, meeting.committee, meeting.date, item.position, item.number, item.title,
                        decision, meeting.source)
            for item in meeting.items for decision in item.decisions]


def decision_rows(bot: Assistant, since: str | None = None, until: str | None = None, committee: str | None = None,
                  query: str | None = None) -> list[DecisionRow]:
    """Every decision in the index, oldest meeting first (undated last), kept by date range, committee and words.

    `query` keeps decisions whose text or item title uses every content word of it.
    """
    start, end = date_range(since, until)
    wanted = set(terms(clean_question(query))) if query and query.strip() else set()
    rows: list[DecisionRow] = []
    for record in bot.meetings():
        if (start or end) and (record.date is None or (start and record.date < start) or (end and record.date > end)):
            continue
        if committee and record.committee != committee:
            continue
        for row in meeting_decisions(bot.meeting(record.id)):
            present = set(terms(f"{row.item_title}\n{row.text}"))
            if all(alternatives(term) & present for term in wanted):
                rows.append(row)
    return rows


def table_html(rows: list[DecisionRow]) -> str:
    """The rows as a table; each row is focusable and opens its item."""
    if not rows:
        return '<div class="m-placeholder">No decisions match. Clear the search or widen the dates.</div>'
    body = "".join(
        f'<tr data-index="{index}" tabindex="0" title="Open this item">'
        f'<td class="m-date">{html.escape(format_date(row.date))}</td><td>{html.escape(row.committee)}</td>'
        f'<td><span class="m-ref">{html.escape(row.ref.short)}</span> {html.escape(row.item_title or "untitled")}</td>'
        f'<td class="m-decision">{html.escape(row.text)}</td></tr>'
        for index, row in enumerate(rows))
    return ('<div class="m-table-wrap"><table class="m-decisions"><thead><tr><th>Date</th><th>Committee</th>'
            f"<th>Item</th><th>Decision</th></tr></thead><tbody>{body}</tbody></table></div>")


def write_csv(rows: list[DecisionRow], folder: Path) -> Path:
    """The rows as a UTF-8 CSV file (with a BOM, so spreadsheet programs read the £ signs) in `folder`."""
    with tempfile.NamedTemporaryFile("w", suffix=".csv", prefix="decisions-", dir=folder, delete=False,
                                     newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            writer.writerow([row.date.isoformat() if row.date else "", row.committee, row.ref.short, row.item_title,
                             row.text, Reference(row.meeting_id, row.committee, row.date, row.source, None,
                                                 row.ref).text(), row.meeting_id])
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
        summary = gr.HTML(elem_id="decisions-summary", padding=False)
        search = gr.Button("Search", variant="primary", elem_id="decision-search", scale=0, min_width=110)
        export = gr.DownloadButton("Export CSV", elem_id="decision-export", scale=0, min_width=130, size="sm")
    table = gr.HTML(elem_id="decisions-table", js_on_load=_ROWS_JS)
    reader = gr.HTML(READER_PLACEHOLDER, elem_id="decision-item", container=True, padding=True)

    on = _DecisionHandlers(bot, Path(tempfile.mkdtemp(prefix="minutes-decisions-")))
    inputs, outputs = [query, since, until, committee], [summary, table, shown, export, reader]
    for event in (search.click, query.submit, since.submit, until.submit, committee.input):
        event(on.search, inputs, outputs, api_visibility="private")
    table.pick(on.open, shown, reader, api_visibility="private")
    return on.load, [committee, *outputs]


class _DecisionHandlers:
    def __init__(self, bot: Assistant, folder: Path) -> None:
        self.bot, self.folder = bot, folder

    @friendly
    def load(self):
        committees = sorted({r.committee for r in self.bot.meetings()})
        return (gr.update(choices=[ALL_COMMITTEES, *committees], value=ALL_COMMITTEES),
                *self.search("", "", "", ALL_COMMITTEES))

    @friendly
    def search(self, query, since, until, committee):
        """The summary line, the table, the rows behind it, the CSV of exactly those rows, and an empty reader."""
        try:
            rows = decision_rows(self.bot, since, until, None if committee == ALL_COMMITTEES else committee, query)
        except InvalidQuestion as problem:
            return (f'<p class="m-chip-error" role="alert">⚠ {html.escape(str(problem))}</p>', gr.skip(), gr.skip(),
                    gr.skip(), gr.skip())
        meetings = len({row.meeting_id for row in rows})
        words = "1 decision" if len(rows) == 1 else f"{len(rows)} decisions"
        note = (f'<p class="m-summary">{words} in {meetings} meeting{"s" if meetings != 1 else ""}. '
                "Click a row to read its item.</p>")
        return note, table_html(rows), rows, gr.update(value=str(write_csv(rows, self.folder))), READER_PLACEHOLDER

    @friendly
    def open(self, rows, evt: gr.EventData):
        index = getattr(evt, "index", None)
        if not isinstance(index, int) or not 0 <= index < len(rows):
            return gr.skip()
        row = rows[index]
        meeting = self.bot.meeting(row.meeting_id)
        item = next((i for i in meeting.items if i.position == row.item_position), None)
        if item is None:
            return READER_PLACEHOLDER
        return item_html(meeting, item, (row.text,), caption="The decision is highlighted")
