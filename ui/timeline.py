"""The Topic timeline tab: how many agenda items are about a topic, meeting by meeting, on a date axis.

The chart is Gradio's native scatter plot (Vega-Lite): meeting dates on the x
axis, spaced as the dates are, and the number of matching items on the y
axis. The counts come from `Assistant.timeline`, whose rule (words, glossary,
meaning) is stated under the chart and on every item it counted. Clicking a
point, or dragging across a stretch of time, reads those items with the
matches highlighted; meetings with no date stated are listed beside it.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

import gradio as gr
import pandas as pd

from assistant.api import Assistant
from assistant.errors import InvalidQuestion
from assistant.terms import alternatives, terms
from assistant.timeline import MEANING_MIN, TimelineItem, topic_terms
from ui.render import meeting_names
from ui.safety import friendly

EXAMPLE_TOPICS = ["anti-social behaviour", "off-road bikes", "alcohol", "funding", "domestic abuse"]
X, Y = "Meeting date", "Agenda items about the topic"
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
ITEMS_HINT = '<div class="m-placeholder">Click a point (or drag across the chart) to read the items it counts.</div>'
_MATCH_WORDS = {"words": "uses the words", "glossary": "uses an abbreviation or long form of them",
                "meaning": "close in meaning"}
# Points are SVG marks in data order; a click picks the nearest one (they are small on a phone), and
# the suggestion and meeting buttons below the chart send their number.
_ITEMS_JS = """
const pickPoint = (event) => {
  const plot = event.target.closest('#timeline-plot');
  if (!plot) return;
  const marks = [...plot.querySelectorAll('.mark-symbol path')];
  let best = -1, distance = Infinity;
  marks.forEach((mark, index) => {
    const box = mark.getBoundingClientRect();
    const d = Math.hypot(box.x + box.width / 2 - event.clientX, box.y + box.height / 2 - event.clientY);
    if (d < distance) { distance = d; best = index; }
  });
  if (best >= 0 && distance <= 30) trigger('point', {index: best});
};
if (window.minutesPickPoint) document.removeEventListener('click', window.minutesPickPoint, true);
window.minutesPickPoint = pickPoint;
document.addEventListener('click', pickPoint, true);
"""
# The address bar follows the topic on show, so the page's link charts it again.
_SUMMARY_JS = """
watch('value', () => {
  const shown = element.querySelector('[data-topic]');
  if (shown && element.offsetParent) window.minutes?.setLink('?topic=' + encodeURIComponent(shown.dataset.topic));
});
"""
_LIST_JS = """
element.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-index]');
  if (!button) return;
  if (button.dataset.kind === 'suggest') trigger('suggest', {index: Number(button.dataset.index)});
  else trigger('column', {index: Number(button.dataset.index)});
});
"""


@dataclass(frozen=True)
class Column:
    """One meeting on the chart and its items about the topic."""

    meeting_id: str
    name: str
    date: dt.date | None
    items: tuple[TimelineItem, ...]


def columns(bot: Assistant, topic: str) -> list[Column]:
    """Every indexed meeting in time order (undated last), with its items about `topic`."""
    found = {point.meeting_id: point.items for point in bot.timeline(topic)}
    names = meeting_names(records := bot.meetings())
    return [Column(r.id, names[r.id], r.date, found.get(r.id, ())) for r in records]


def chart_frame(cols: list[Column]) -> pd.DataFrame:
    """The plotted data: one row per dated meeting (zeros too, so gaps show), in date order."""
    dated = [c for c in cols if c.date]
    return pd.DataFrame({
        X: pd.to_datetime([c.date for c in dated]),
        Y: [len(c.items) for c in dated],
        "Meeting": [c.name for c in dated],
        "How they match": [_how_many(c.items) or "none" for c in dated],
    })


def _how_many(items: tuple[TimelineItem, ...]) -> str:
    counts = {match: sum(1 for i in items if i.match == match) for match in _MATCH_WORDS}
    return ", ".join(f"{n} {_MATCH_WORDS[match]}" for match, n in counts.items() if n)


def rule_html(topic: str, forms: list[str], total: int, related: list[str]) -> str:
    """The matching rule in words, under the chart; for a topic nothing matches, the nearest topics to try."""
    glossary = (f"here {', '.join(f'“{form}”' for form in forms)}" if forms else
                "e.g. ASB for anti-social behaviour")
    rule = (f'<p class="m-rule"><b>How items are counted:</b> an agenda item counts for “{html.escape(topic)}” when its '
            "title or text uses every word of it in any form, or does so once the glossary of abbreviations the "
            f"minutes define is read both ways ({html.escape(glossary)}), or when it is close to it in meaning "
            f"(similarity of at least {MEANING_MIN:.2f} with the all-MiniLM-L6-v2 model). Each item says which rule "
            "counted it.</p>")
    if total:
        return rule
    buttons = "".join(f'<button type="button" class="m-suggest m-tool" data-kind="suggest" data-index="{n}">'
                      f"{html.escape(t)}</button>" for n, t in enumerate(related))
    near = (f'<p>The agenda items nearest to it in meaning are about these; chart one:</p>'
            f'<div class="m-suggestions">{buttons}</div>') if related else ""
    return (f'<div class="m-zero" role="status"><p><b>No agenda item is about “{html.escape(topic)}”</b>: every '
            f"meeting counts 0. Try other words, or an abbreviation the minutes use.</p>{near}</div>{rule}")


def meeting_list_html(cols: list[Column]) -> str:
    """Every meeting with items about the topic as a button (undated ones too, which the date axis cannot show)."""
    rows = [f'<button type="button" class="m-tl-row m-tool" data-kind="column" data-index="{n}">'
            f'{html.escape(c.name)}: {len(c.items)} item{"s" if len(c.items) != 1 else ""}</button>'
            for n, c in enumerate(cols) if c.items]
    undated = [c for c in cols if not c.date]
    counted = sum(1 for c in undated if c.items)
    note = (f'<p class="m-hint">Meetings with no date stated cannot stand on the date axis: {len(undated)} in the '
            f"index, {counted} of them with items about the topic (listed here with the rest).</p>") if undated else ""
    return f'<div class="m-tl-list">{"".join(rows)}</div>{note}' if rows else note


def items_html(bot: Assistant, topic: str, chosen: list[Column]) -> str:
    """The items of the chosen meetings in full, with the words that matched the topic (or its glossary forms,
    "ASB" for "anti-social behaviour") highlighted."""
    wanted = {alt for term in topic_terms(topic) for alt in alternatives(term)}
    wanted |= {term for form in bot.expand(topic) for term in terms(form)}
    parts = ['<div class="m-reader">']
    for col in chosen:
        meeting = bot.meeting(col.meeting_id)
        how = {i.position: i for i in col.items}
        words = "1 item is" if len(how) == 1 else f"{len(how)} items are"
        parts.append(f'<h3 class="m-meeting-title">{html.escape(col.name)}: {words} about “{html.escape(topic)}”</h3>')
        for item in meeting.items:
            if item.position in how:
                match = how[item.position]
                why = _MATCH_WORDS[match.match] + (f" ({match.similarity:.2f})" if match.match == "meaning" else "")
                parts.append(
                    f'<section class="m-item"><h4 class="m-item-title"><span class="m-ref">'
                    f"{html.escape(meeting.item_ref(item).short)}</span> {_marked(item.title, wanted)}"
                    f' <span class="m-why">counted: {html.escape(why)}</span></h4>'
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


def timeline_tab(bot: Assistant):
    """The tab's components and events; returns the chart handler, its input and outputs (for ``?topic=…``)."""
    gr.HTML('<p class="m-intro">How often a topic comes up, meeting by meeting, on a time axis. Click a point to '
            "read the items it counts.</p>", padding=False)
    with gr.Row(equal_height=True):
        topic = gr.Textbox(show_label=False, placeholder="Type a topic and press Enter, e.g. off-road bikes",
                           elem_id="topic", scale=5, max_lines=1)
        go = gr.Button("Chart it", variant="primary", elem_id="chart", scale=1, min_width=120)
    gr.Examples([[t] for t in EXAMPLE_TOPICS], inputs=topic, label="Topics to try", examples_per_page=10)
    summary = gr.HTML(elem_id="timeline-summary", padding=False, js_on_load=_SUMMARY_JS)
    plot = gr.ScatterPlot(x=X, y=Y, elem_id="timeline-plot", visible=False, height=300, x_title=X, y_title=Y,
                          x_axis_format="%b %Y", y_axis_format="d", tooltip=["Meeting", "How they match"],
                          show_label=False, buttons=["export"])
    rule = gr.HTML(elem_id="timeline-rule", padding=False, js_on_load=_LIST_JS)
    listing = gr.HTML(elem_id="timeline-list", js_on_load=_LIST_JS, padding=False)
    items = gr.HTML(ITEMS_HINT, elem_id="timeline-items", container=True, padding=True, js_on_load=_ITEMS_JS)
    shown = gr.State(("", [], []))  # (topic, columns, related topics) of the chart on this page

    on = _TimelineHandlers(bot)
    outputs = [summary, plot, rule, listing, shown, items]
    go.click(on.chart, topic, outputs, api_name="timeline")
    topic.submit(on.chart, topic, outputs, api_visibility="private")
    items.point(on.point, shown, items, api_visibility="private")
    plot.select(on.stretch, shown, items, api_visibility="private")
    listing.column(on.column, shown, items, api_visibility="private")
    rule.suggest(on.suggestion, shown, topic, api_visibility="private").then(
        on.chart, topic, outputs, api_visibility="private")
    return on.chart, topic, outputs


class _TimelineHandlers:
    def __init__(self, bot: Assistant) -> None:
        self.bot = bot

    @friendly
    def chart(self, value: str):
        """The summary, the chart, the rule, the meeting list, what is on show, and the hint to click a point."""
        try:
            cols = columns(self.bot, value or "")
        except InvalidQuestion as problem:
            return (f'<p class="m-chip-error">⚠ {html.escape(str(problem))}</p>', gr.update(visible=False), "", "",
                    ("", [], []), ITEMS_HINT)
        topic = value.strip()
        found = [c for c in cols if c.items]
        total = sum(len(c.items) for c in found)
        related = [] if total else self.bot.related_topics(topic)
        items, verb = ("agenda item", "is") if total == 1 else ("agenda items", "are")
        note = (f"<b>{total}</b> {items} in <b>{len(found)}</b> of {len(cols)} meetings {verb} about "
                f"“{html.escape(topic)}”." if found else f"No agenda item is about “{html.escape(topic)}”.")
        frame = chart_frame(cols)
        span = _x_span([c.date for c in cols if c.date])
        # At least 6 on the count axis: below that, the axis would tick at halves (there are no half items);
        # a little below 0, so a meeting at 0 shows as a whole point, not half hidden by the axis.
        plot = gr.update(value=frame, visible=not frame.empty, x_lim=span,
                         y_lim=[-0.3, max([len(c.items) + 1 for c in cols] + [6])])
        forms = sorted(self.bot.expand(topic))
        return (f'<p class="m-summary" data-topic="{html.escape(topic)}">{note}</p>', plot,
                rule_html(topic, forms, total, related),
                meeting_list_html(cols), (topic, cols, related), ITEMS_HINT if found else "")

    @friendly
    def point(self, state, evt: gr.EventData):
        """The items behind a clicked point: the index of a dated meeting, in chart order."""
        topic, cols, _ = state
        dated = [c for c in cols if c.date]
        index = getattr(evt, "index", None)
        if not isinstance(index, int) or not 0 <= index < len(dated):
            return gr.skip()
        return self._read(topic, [dated[index]])

    @friendly
    def stretch(self, state, evt: gr.SelectData):
        """The items of every meeting inside a stretch dragged across the chart (seconds since 1970)."""
        topic, cols, _ = state
        if not isinstance(evt.index, (list, tuple)) or len(evt.index) != 2:
            return gr.skip()
        start, end = (dt.datetime.fromtimestamp(float(t), dt.UTC).date() for t in evt.index)
        return self._read(topic, [c for c in cols if c.date and start <= c.date <= end])

    @friendly
    def column(self, state, evt: gr.EventData):
        topic, cols, _ = state
        index = getattr(evt, "index", None)
        return self._read(topic, [cols[index]]) if isinstance(index, int) and 0 <= index < len(cols) else gr.skip()

    @staticmethod
    def suggestion(state, evt: gr.EventData):
        related, index = state[2], getattr(evt, "index", None)
        return related[index] if isinstance(index, int) and 0 <= index < len(related) else gr.skip()

    def _read(self, topic: str, chosen: list[Column]) -> str:
        counted = [c for c in chosen if c.items]
        if not counted:
            names = ", ".join(c.name for c in chosen) or "that stretch"
            return f'<div class="m-placeholder">No item of {html.escape(names)} is about “{html.escape(topic)}”.</div>'
        return items_html(self.bot, topic, counted)


def _x_span(dates: list[dt.date]) -> list[float | None] | None:
    """The date axis from a little before the first meeting to a little after the last (seconds since 1970)."""
    if not dates:
        return None
    margin = max((max(dates) - min(dates)).days // 12, 60)
    low, high = min(dates) - dt.timedelta(days=margin), max(dates) + dt.timedelta(days=margin)
    return [dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC).timestamp() for d in (low, high)]
