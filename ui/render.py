"""HTML and Markdown for the chat UI, built so that minutes text can only ever appear as text.

Every string that comes from a minutes file passes through `html.escape`
(and, where Gradio renders Markdown, through `markdown_text`) before it is
placed in markup: a ``<script>`` in a minutes file shows as the characters
``<script>``. The chat does not render Markdown at all (`chat_html`): Markdown
escapes do not survive its link detection, which turned addresses in the
minutes into broken links with stray backslashes. The HTML goes out through `gr.HTML`'s default ``${value}``
template, which inserts it as a value and never evaluates it as a template,
so ``${...}`` or ``{{...}}`` in the minutes stay text too.

Buttons inside these fragments carry only small numbers (a citation number,
a row of a chart); the server maps them to meetings it already holds, so a
page can never name a file or an arbitrary meeting id.
"""
from __future__ import annotations

import datetime as dt
import html
import re

from assistant.answer import Answer, AnswerMode, Citation
from assistant.dates import format_date
from assistant.models import AgendaItem, Meeting

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$])")
QUOTE_CHARS = 700  # a card shows a window of this many characters around the quoted sentences


def markdown_text(text: str) -> str:
    """Text that Gradio's Markdown renderer shows exactly as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def chat_html(text: str) -> str:
    """Text for the chat, whose messages are HTML (sanitised, never Markdown): shown exactly as written."""
    return html.escape(text, quote=False)


def chat_text(answer: Answer) -> str:
    """The answer as a chat message: its text as text, with refusals marked as such."""
    if answer.refused:
        return "<b>Not in the minutes.</b> " + chat_html(answer.text)
    return chat_html(answer.text)


def highlight(text: str, sentences: tuple[str, ...] | list[str]) -> str:
    """`text` escaped, with each of `sentences` (exact substrings) wrapped in <mark>."""
    spans = sorted({(text.find(s), text.find(s) + len(s)) for s in sentences if s and s in text})
    out, cursor = [], 0
    for start, end in spans:
        if start < cursor:
            continue
        out += [html.escape(text[cursor:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def meeting_choice(meeting_id: str, committee: str, date: dt.date | None) -> str:
    """How a meeting is named in drop-downs; undated ones also by id, which tells them apart."""
    return f"{format_date(date)} · {committee}" + ("" if date else f" ({meeting_id})")


def index_summary(records) -> str:
    """One line under the title: how much the index holds."""
    if not records:
        return ('<p class="m-summary m-empty">The index is empty. Run <code>minutes ingest PATH</code> '
                "to add minutes, then reload this page.</p>")
    dated = [r.date for r in records if r.date]
    committees = sorted({r.committee for r in records})
    span = f", {format_date(min(dated))} to {format_date(max(dated))}" if dated else ""
    undated = sum(1 for r in records if not r.date)
    extra = f" ({undated} with no date stated)" if undated else ""
    who = committees[0] if len(committees) == 1 else f"{len(committees)} committees"
    meetings = "1 meeting" if len(records) == 1 else f"{len(records)} meetings"
    return (f'<p class="m-summary">{meetings} of {html.escape(who)}{span}{extra}; '
            f"{sum(r.items for r in records)} agenda items.</p>")


# --- the Ask tab -------------------------------------------------------------------------------

def sources_panel(answer: Answer | None) -> str:
    """The answer's numbered source cards, with buttons to read the whole item or meeting."""
    if answer is None:
        return ('<div class="m-placeholder">The sources of each answer appear here: the meeting, the agenda '
                "item and the passage it quotes, with the sentences used highlighted.</div>")
    note = _search_note(answer)
    if answer.refused:
        body = (f'<div class="m-refusal"><b>Not in the minutes.</b> No indexed agenda item answers '
                f"“{html.escape(answer.question)}”, so nothing is cited. Try other words, or widen the "
                f"filters.</div>{note}")
    else:
        how = _how(answer.mode)
        dropped = f"; {len(answer.dropped)} unsupported sentences left out" if answer.dropped else ""
        count = f"{len(answer.citations)} source{'s' if len(answer.citations) != 1 else ''}"
        body = (f'<div class="m-how">{count}; the answer is {how}{dropped}.</div>{note}'
                + "".join(_card(citation) for citation in answer.citations))
    return f'<div class="m-sources" data-question="{html.escape(answer.question)}">{body}</div>'


def _how(mode: AnswerMode) -> str:
    return {
        "extractive": "quoted from the minutes",
        "extractive-fallback": "quoted from the minutes, because the model's draft did not hold up against them",
        "llm": "written by the model from these sources and checked against them",
    }[mode]


def _search_note(answer: Answer) -> str:
    filters = answer.filters
    parts = []
    if filters.since:
        parts.append(f"from {format_date(filters.since)}")
    if filters.until:
        parts.append(f"to {format_date(filters.until)}")
    if filters.meeting:
        parts.append(f"meeting {filters.meeting}")
    if not parts:
        return ""
    undated = " (and meetings with no date stated)" if filters.include_undated else ""
    return f'<div class="m-how">Searched only meetings {html.escape(" ".join(parts))}{undated}.</div>'


def _card(citation: Citation) -> str:
    quote = citation.quote if len(citation.quote) <= QUOTE_CHARS else _window(citation)
    if citation.item_title and quote.startswith(citation.item_title + "\n"):
        quote = quote[len(citation.item_title) + 1 :]  # the card shows the title already
    what = f"{citation.ref.short} · {citation.item_title or 'untitled'}"
    number = citation.number
    return (
        '<article class="m-card">'
        f'<header><span class="m-num">{number}</span><div>'
        f'<div class="m-where">{html.escape(citation.committee)} · {html.escape(format_date(citation.date))}</div>'
        f'<div class="m-what">{html.escape(what)}</div></div></header>'
        f'<blockquote class="m-quote">{highlight(quote, citation.sentences)}</blockquote>'
        f'<footer><button class="m-open" data-number="{number}" data-scope="item">Read the whole item</button>'
        f'<button class="m-open" data-number="{number}" data-scope="meeting">Whole meeting</button></footer>'
        "</article>"
    )


def _window(citation: Citation) -> str:
    """The part of a long passage around the sentences it supports."""
    starts = [citation.quote.find(s) for s in citation.sentences if s in citation.quote]
    start = max(min(starts, default=0) - 150, 0)
    piece = citation.quote[start : start + QUOTE_CHARS]
    return ("…" if start else "") + piece + ("…" if start + QUOTE_CHARS < len(citation.quote) else "")


# --- reading a meeting or an item ----------------------------------------------------------------

READER_PLACEHOLDER = '<div class="m-placeholder">Open an item or a meeting to read it here.</div>'


def _heading(meeting: Meeting, item: AgendaItem) -> str:
    flag = ' <span class="m-flag">restricted</span>' if item.restricted else ""
    return (f'<h4 class="m-item-title"><span class="m-ref">{html.escape(meeting.item_ref(item).short)}</span> '
            f"{html.escape(item.title or 'untitled')}{flag}</h4>")


def _caption(text: str) -> str:
    """A line that stays in view while the reader scrolls: which source this is."""
    return f'<div class="m-caption">{html.escape(text)}</div>' if text else ""


def item_html(meeting: Meeting, item: AgendaItem, sentences: tuple[str, ...] = (), caption: str = "") -> str:
    """One agenda item in full, under its meeting's name; `sentences` highlighted."""
    return (f'<div class="m-reader">{_caption(caption)}<div class="m-where">{html.escape(meeting.committee)} · '
            f"{html.escape(meeting.date_label)}</div>{_heading(meeting, item)}"
            f'<div class="m-text">{highlight(item.text, sentences)}</div></div>')


def meeting_html(meeting: Meeting, current: int | None = None, sentences: tuple[str, ...] = (),
                 caption: str = "") -> str:
    """A whole meeting: who attended, then every item; item `current` is marked and scrolled to."""
    blocks = [f'<div class="m-reader">{_caption(caption)}'
              f'<h3 class="m-meeting-title">{html.escape(meeting.committee)} · '
              f"{html.escape(meeting.date_label)}</h3>", _attendance(meeting, current == 0)]
    for item in meeting.items:
        mark = item.position == current
        blocks.append(f'<section class="m-item{" m-current" if mark else ""}">{_heading(meeting, item)}'
                      f'<div class="m-text">{highlight(item.text, sentences if mark else ())}</div></section>')
    return "".join(blocks) + "</div>"


def meeting_overview_html(meeting: Meeting, links: bool = False) -> str:
    """A meeting's attendance and agenda; with `links`, each agenda entry is a button that opens it."""
    def entry(item: AgendaItem) -> str:
        inner = f'<span class="m-ref">{html.escape(meeting.item_ref(item).short)}</span> ' \
                f"{html.escape(item.title or 'untitled')}"
        if links:
            inner = f'<button class="m-agenda-link" data-position="{item.position}">{inner}</button>'
        return f"<li>{inner}</li>"

    return (f'<div class="m-reader"><h3 class="m-meeting-title">{html.escape(meeting.committee)} · '
            f"{html.escape(meeting.date_label)}</h3>{_attendance(meeting, False)}"
            f'<h4>Agenda ({len(meeting.items)} items)</h4>'
            f'<ul class="m-agenda">{"".join(entry(i) for i in meeting.items)}</ul></div>')


def _attendance(meeting: Meeting, current: bool) -> str:
    rows = meeting.details()
    if not rows:
        return ""
    cells = "".join(f"<dt>{html.escape(label)}</dt><dd>{html.escape(value)}</dd>" for label, value in rows)
    return f'<dl class="m-attendance{" m-current" if current else ""}">{cells}</dl>'
