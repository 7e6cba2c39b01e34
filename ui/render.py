"""HTML and Markdown for the chat UI, built so that minutes text can only ever appear as text.

Every string that comes from a minutes file passes through `html.escape`
(and, where Gradio renders Markdown, through `markdown_text`) before it is
placed in markup: a ``<script>`` in a minutes file shows as the characters
``<script>``.
"""
from __future__ import annotations

import html
import re

from assistant.answer import Answer, Citation
from ingest.models import format_date

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")
QUOTE_CHARS = 700

CSS = """
.source-card {border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 12px;
  margin-bottom: 10px; background: var(--background-fill-secondary);}
.source-card .label {font-weight: 600; font-size: 0.95em;}
.source-card .title {font-size: 0.9em; margin: 2px 0 6px 0; opacity: 0.85;}
.source-card .quote {font-size: 0.88em; line-height: 1.45; white-space: pre-wrap;}
.source-card mark {background: #fde68a; color: #111; padding: 0 2px; border-radius: 3px;}
.source-card .num {display: inline-block; min-width: 1.6em; text-align: center; border-radius: 6px;
  background: #1d4ed8; color: white; margin-right: 6px; font-size: 0.85em;}
.refusal {border-left: 4px solid #b45309; padding: 8px 12px; background: #fffbeb; color: #78350f; border-radius: 6px;}
.empty-sources {opacity: 0.7; font-style: italic;}
.timeline-row {display: grid; grid-template-columns: 22em 1fr 3em; align-items: center; gap: 10px; margin: 4px 0;}
.timeline-row .when {font-size: 0.9em; text-align: right;}
.timeline-row .bar {height: 20px; background: #4f46e5; border-radius: 4px; min-width: 4px;}
.timeline-row .count {font-weight: 600;}
"""


def markdown_text(text: str) -> str:
    """Text that Gradio's Markdown renderer shows exactly as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def chat_text(answer: Answer) -> str:
    """The answer as a chat message: plain text, with refusals marked as such."""
    if answer.refused:
        return "**Not in the minutes.** " + markdown_text(answer.text)
    return markdown_text(answer.text)


def source_cards(answer: Answer | None) -> str:
    """Numbered cards for an answer's citations, the supporting sentences highlighted."""
    if answer is None:
        return '<div class="empty-sources">Sources for the latest answer appear here.</div>'
    if answer.refused:
        return ('<div class="refusal"><b>Not in the minutes.</b> No indexed agenda item answers this question, '
                "so no sources are cited.</div>")
    return "".join(_card(citation) for citation in answer.citations)


def _card(citation: Citation) -> str:
    quote = citation.quote if len(citation.quote) <= QUOTE_CHARS else _window(citation)
    if citation.item_title and quote.startswith(citation.item_title + "\n"):
        quote = quote[len(citation.item_title) + 1 :]  # the card shows the title already
    return (
        '<div class="source-card">'
        f'<div class="label"><span class="num">{citation.number}</span>{html.escape(citation.label)}</div>'
        f'<div class="title">{html.escape(citation.item_title or "untitled item")}</div>'
        f'<div class="quote">{highlight(quote, citation.sentences)}</div>'
        "</div>"
    )


def _window(citation: Citation) -> str:
    """The part of a long passage around the sentences it supports."""
    starts = [citation.quote.find(s) for s in citation.sentences if s in citation.quote]
    start = max(min(starts, default=0) - 150, 0)
    piece = citation.quote[start : start + QUOTE_CHARS]
    return ("…" if start else "") + piece + ("…" if start + QUOTE_CHARS < len(citation.quote) else "")


def highlight(text: str, sentences: tuple[str, ...]) -> str:
    """`text` escaped, with each of `sentences` wrapped in <mark>."""
    spans = sorted({(text.find(s), text.find(s) + len(s)) for s in sentences if s and s in text})
    out, cursor = [], 0
    for start, end in spans:
        if start < cursor:
            continue
        out += [html.escape(text[cursor:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def meeting_choice(meeting_id: str, committee: str, date) -> str:
    """How a meeting is named in drop-downs."""
    return f"{format_date(date)} · {committee} · {meeting_id}"


def timeline_chart(points) -> str:
    """Horizontal bars, one per meeting in time order (undated last): how many items mention the topic."""
    if not points:
        return '<div class="empty-sources">Type a topic and chart it.</div>'
    most = max(len(p.items) for p in points)
    rows = []
    for point in points:
        width = 100 * len(point.items) / most
        titles = "; ".join(item.title or "untitled" for item in point.items)
        rows.append(
            f'<div class="timeline-row" title="{html.escape(titles)}">'
            f'<span class="when">{html.escape(format_date(point.date))} · {html.escape(point.committee)}</span>'
            f'<span class="bar" style="width: {width:.0f}%"></span><span class="count">{len(point.items)}</span></div>'
        )
    return "".join(rows)
