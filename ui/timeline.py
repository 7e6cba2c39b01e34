"""The Topic timeline tab: how many agenda items mention a topic, meeting by meeting.

The counts come from `Assistant.timeline`, which counts an item only when its
text uses every content word of the topic, so each bar can be checked by
reading the items it opens. Meetings that never mention the topic are drawn
as empty columns, so gaps show; undated meetings stand apart at the end.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

import gradio as gr

from assistant.api import Assistant
from assistant.dates import format_date
from assistant.errors import InvalidQuestion
from assistant.text import alternatives, terms
from ui.render import markdown_text
from ui.safety import friendly

EXAMPLE_TOPICS = ["anti-social behaviour", "off-road bikes", "alcohol", "funding", "domestic abuse"]
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
CHART_PLACEHOLDER = '<div class="m-placeholder">Type a topic and press Enter to chart it.</div>'
ITEMS_HINT = '<div class="m-placeholder">Click a bar to read the items it counts.</div>'


@dataclass(frozen=True)
class Column:
    """One meeting on the chart and the positions of its items that mention the topic."""

    meeting_id: str
    committee: str
    date: dt.date | None
    positions: tuple[int, ...]


def columns(bot: Assistant, topic: str) -> list[Column]:
    """Every indexed meeting in time order (undated last), with the items that mention `topic`."""
    found = {point.meeting_id: tuple(i.position for i in point.items) for point in bot.timeline(topic)}
    return [Column(r.id, r.committee, r.date, found.get(r.id, ())) for r in bot.meetings()]


def chart_html(topic: str, cols: list[Column]) -> str:
    """A column per meeting, height = items that mention the topic; each column is a button."""
    if not cols:
        return '<div class="m-placeholder">The index holds no meetings yet.</div>'
    most = max((len(c.positions) for c in cols), default=0) or 1
    dated = [(i, c) for i, c in enumerate(cols) if c.date]
    undated = [(i, c) for i, c in enumerate(cols) if not c.date]
    groups = [f'<div class="m-group">{"".join(_column(i, c, most) for i, c in dated)}</div>'] if dated else []
    if undated:
        groups.append('<div class="m-group m-undated"><div class="m-group-label">date not stated</div>'
                      f'<div class="m-group-cols">{"".join(_column(i, c, most) for i, c in undated)}</div></div>')
    return (f'<div class="m-chart" role="group" aria-label="Items mentioning {html.escape(topic)}, per meeting">'
            f'<div class="m-chart-title">Agenda items that mention “{html.escape(topic)}”, per meeting</div>'
            f'<div class="m-plot">{"".join(groups)}</div></div>')


def _column(index: int, col: Column, most: int) -> str:
    count = len(col.positions)
    height = 100 * count / most
    when = format_date(col.date) if col.date else col.meeting_id
    words = f"{count} item{'s' if count != 1 else ''}"
    label = html.escape(f"{when}, {col.committee}: {words}")
    disabled = " disabled" if not count else ""
    day, _, year = format_date(col.date).rpartition(" ") if col.date else ("no date", "", "")
    return (f'<button class="m-col" data-index="{index}" title="{label}" aria-label="{label}"{disabled}>'
            f'<span class="m-count">{count}</span><span class="m-track"><span class="m-bar" '
            f'style="height: {height:.0f}%"></span></span>'
            f'<span class="m-when">{html.escape(day)}<br>{html.escape(year)}</span></button>')


def items_html(bot: Assistant, topic: str, col: Column) -> str:
    """The items of one column in full, the words that matched the topic highlighted."""
    meeting = bot.meeting(col.meeting_id)
    wanted = {alt for term in terms(topic) for alt in alternatives(term)}
    words = "1 item mentions" if len(col.positions) == 1 else f"{len(col.positions)} items mention"
    parts = [f'<div class="m-reader"><h3 class="m-meeting-title">{html.escape(meeting.committee)} · '
             f"{html.escape(meeting.date_label)}: {words} “{html.escape(topic)}”</h3>"]
    for item in meeting.items:
        if item.position in col.positions:
            parts.append(
                f'<section class="m-item"><h4 class="m-item-title"><span class="m-ref">'
                f"{html.escape(meeting.item_ref(item).short)}</span> {_marked(item.title, wanted)}</h4>"
                f'<div class="m-text">{_marked(item.text, wanted)}</div></section>')
    return "".join(parts) + "</div>"


def _marked(text: str, wanted: set[str]) -> str:
    """`text` escaped, with the words whose stems match the topic in <mark>."""
    out, cursor = [], 0
    for match in _TOKEN.finditer(text):
        if set(terms(match.group())) & wanted:
            out += [html.escape(text[cursor:match.start()]), "<mark>", html.escape(match.group()), "</mark>"]
            cursor = match.end()
    out.append(html.escape(text[cursor:]))
    return "".join(out)


# Clicking a column sends its index only; the server maps it to a meeting it listed itself.
_CHART_JS = """
element.addEventListener('click', (event) => {
  const col = event.target.closest('button.m-col');
  if (!col || col.disabled) return;
  element.querySelectorAll('button.m-col').forEach((b) => b.classList.toggle('m-selected', b === col));
  trigger('pick', {index: Number(col.dataset.index)});
});
"""


def timeline_tab(bot: Assistant) -> None:
    """The tab's components and events; call inside a `gr.Tab`."""
    gr.Markdown("How often a topic comes up, meeting by meeting. An agenda item counts when it uses every "
                "word of the topic. Click a bar to read those items.", elem_classes="m-intro")
    with gr.Row(equal_height=True):
        topic = gr.Textbox(show_label=False, placeholder="Type a topic and press Enter, e.g. off-road bikes",
                           elem_id="topic", scale=5, max_lines=1)
        go = gr.Button("Chart it", variant="primary", elem_id="chart", scale=1, min_width=120)
    gr.Examples([[t] for t in EXAMPLE_TOPICS], inputs=topic, label="Topics to try", examples_per_page=10)
    summary = gr.Markdown(elem_id="timeline-summary")
    chart = gr.HTML(CHART_PLACEHOLDER, elem_id="timeline", js_on_load=_CHART_JS)
    items = gr.HTML(ITEMS_HINT, elem_id="timeline-items", container=True, padding=True)
    shown = gr.State(("", []))  # (topic, columns) of the chart on this page

    on = _TimelineHandlers(bot)
    outputs = [summary, chart, shown, items]
    go.click(on.chart, topic, outputs, api_name="timeline")
    topic.submit(on.chart, topic, outputs, api_visibility="private")
    chart.pick(on.pick, shown, items, api_visibility="private")


class _TimelineHandlers:
    def __init__(self, bot: Assistant) -> None:
        self.bot = bot

    @friendly
    def chart(self, value: str):
        """The summary line, the chart, the columns behind it, and the hint to click a bar."""
        try:
            cols = columns(self.bot, value or "")
        except InvalidQuestion as problem:
            return "⚠ " + markdown_text(str(problem)), CHART_PLACEHOLDER, ("", []), ITEMS_HINT
        found = [c for c in cols if c.positions]
        total = sum(len(c.positions) for c in found)
        quoted = markdown_text(value.strip())
        items = "agenda item" if total == 1 else "agenda items"
        verb = "mentions" if total == 1 else "mention"
        note = (f"**{total}** {items} in **{len(found)}** of {len(cols)} meetings {verb} “{quoted}”."
                if found else f"No agenda item mentions “{quoted}”.")
        return note, chart_html(value.strip(), cols), (value.strip(), cols), ITEMS_HINT if found else ""

    @friendly
    def pick(self, state, evt: gr.EventData):
        """The items behind the clicked bar; the page sends only the bar's index."""
        value, cols = state
        index = getattr(evt, "index", None)
        if not isinstance(index, int) or not 0 <= index < len(cols) or not cols[index].positions:
            return ITEMS_HINT
        return items_html(self.bot, value, cols[index])
