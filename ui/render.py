"""HTML for the chat UI, built so that minutes text can only ever appear as text.

Every string that comes from a minutes file passes through `html.escape`
before it is placed in markup: a ``<script>`` in a minutes file shows as the
characters ``<script>``. The HTML goes out through `gr.HTML`'s default
``${value}`` template, which inserts it as a value and never evaluates it as a
template, so ``${...}`` or ``{{...}}`` in the minutes stay text too. Nothing
is ever rendered as Markdown.

Buttons inside these fragments carry only small numbers (a citation number,
an answer's place in the conversation, a row of a list); the server maps them
to meetings it already holds, so a page can never name a file or an arbitrary
meeting id. Links leave the page only for a published address (http or https)
or the server's own ``original/<meeting>`` route.
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from urllib.parse import quote

from assistant.dates import format_date
from assistant.models import AgendaItem, Meeting
from ui.cite import Reference

ORIGINAL_ROUTE = "original"  # the server route that serves an indexed meeting's own file


def highlight(text: str, sentences: Iterable[str]) -> str:
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


def meeting_names(records) -> dict[str, str]:
    """Each meeting's name for lists and notes: date and committee; the file tells apart two that share both."""
    plain = {r.id: f"{format_date(r.date)} · {r.body}" for r in records}
    shared = {name for name in plain.values() if list(plain.values()).count(name) > 1}
    return {r.id: plain[r.id] + (f" ({_file_name(r.source)})" if plain[r.id] in shared else "") for r in records}


def _file_name(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def index_summary(records) -> str:
    """One line under the title: how much the index holds."""
    if not records:
        return ('<p class="m-summary m-empty">The index is empty. Run <code>minutes ingest PATH</code> '
                "to add minutes, then reload this page.</p>")
    dated = [r.date for r in records if r.date]
    committees = sorted({r.body for r in records})
    span = f", {format_date(min(dated))} to {format_date(max(dated))}" if dated else ""
    undated = sum(1 for r in records if not r.date)
    extra = f" ({undated} with no date stated)" if undated else ""
    who = committees[0] if len(committees) == 1 else f"{len(committees)} committees"
    meetings = "1 meeting" if len(records) == 1 else f"{len(records)} meetings"
    return (f'<p class="m-summary">{meetings} of {html.escape(who)}{span}{extra}; '
            f"{sum(r.items for r in records)} agenda items.</p>")


# --- citing and opening the original ------------------------------------------------------------

def copy_button(label: str, text: str, css: str = "m-tool") -> str:
    """A button that copies `text` (kept, escaped, in a hidden block beside it) as plain text."""
    return (f'<span class="m-copyscope"><button type="button" class="m-copy {css}">{html.escape(label)}</button>'
            f'<pre class="m-copytext" hidden>{html.escape(text)}</pre></span>')


def cite_tools(reference: Reference) -> str:
    """"Open the original", "Copy citation" and "Cite" (plain text, CSL-JSON, BibTeX) for one reference."""
    formats = "".join(
        f'<div class="m-format m-copyscope"><div class="m-format-head">{name}'
        f'<button type="button" class="m-copy m-tool">Copy</button></div>'
        f'<pre class="m-copytext">{html.escape(text)}</pre></div>'
        for name, text in (("Plain text", reference.text()), ("CSL-JSON", reference.csl_json()),
                           ("BibTeX", reference.bibtex())))
    return (f'{original_link(reference)}{copy_button("Copy citation", reference.text())}'
            f'<details class="m-cite"><summary class="m-tool">Cite</summary>'
            f'<div class="m-cite-body">{formats}</div></details>')


def original_link(reference: Reference) -> str:
    """A link to the minutes as published, else to the server's copy of the file they were read from."""
    href = reference.link or f"{ORIGINAL_ROUTE}/{quote(reference.meeting_id, safe='')}"
    where = "the published minutes" if reference.link else "the minutes file this was read from"
    return (f'<a class="m-original m-tool" href="{html.escape(href)}" target="_blank" rel="noopener noreferrer" '
            f'title="Open {where}">Open the original ↗</a>')


# --- reading a meeting or an item ----------------------------------------------------------------

READER_PLACEHOLDER = '<div class="m-placeholder">Open an item or a meeting to read it here.</div>'


def _heading(meeting: Meeting, item: AgendaItem) -> str:
    flag = ' <span class="m-flag">restricted</span>' if item.restricted else ""
    return (f'<h4 class="m-item-title"><span class="m-ref">{html.escape(meeting.item_ref(item).short)}</span> '
            f"{html.escape(item.title or 'untitled')}{flag}</h4>")


def _caption(text: str) -> str:
    """A line that stays in view while the reader scrolls: which source this is."""
    return f'<div class="m-caption">{html.escape(text)}</div>' if text else ""


def _where(meeting: Meeting) -> str:
    return (f'<div class="m-lead"><span class="m-date">{html.escape(meeting.date_label)}</span> '
            f'<span class="m-committee">{html.escape(meeting.body)}</span></div>')


def item_html(meeting: Meeting, item: AgendaItem, sentences: Iterable[str] = (), caption: str = "",
              footer: str = "") -> str:
    """One agenda item in full, under its meeting's date and name; `sentences` highlighted."""
    return (f'<div class="m-reader" data-meeting="{html.escape(meeting.id)}" '
            f'data-item="{html.escape(meeting.item_ref(item).address)}">{_caption(caption)}{_where(meeting)}'
            f"{_heading(meeting, item)}<div class=\"m-tools\">{cite_tools(Reference.of_meeting(meeting, item))}</div>"
            f'<div class="m-text">{highlight(item.text, sentences)}</div>{footer}</div>')


def meeting_html(meeting: Meeting, current: int | None = None, sentences: Iterable[str] = (),
                 caption: str = "") -> str:
    """A whole meeting: who attended, then every item; item `current` is marked and scrolled to."""
    blocks = [f'<div class="m-reader" data-meeting="{html.escape(meeting.id)}">{_caption(caption)}'
              f'<h3 class="m-meeting-title">{html.escape(meeting.body)} · '
              f"{html.escape(meeting.date_label)}</h3>"
              f'<div class="m-tools">{cite_tools(Reference.of_meeting(meeting))}</div>',
              attendance_html(meeting, current == 0)]
    for item in meeting.items:
        mark = item.position == current
        blocks.append(f'<section class="m-item{" m-current" if mark else ""}">{_heading(meeting, item)}'
                      f'<div class="m-text">{highlight(item.text, sentences if mark else ())}</div></section>')
    return "".join(blocks) + "</div>"


def attendance_html(meeting: Meeting, current: bool = False) -> str:
    """Venue, chair and who attended, as the minutes list them."""
    rows = meeting.details()
    if not rows:
        return ""
    cells = "".join(f"<dt>{html.escape(label)}</dt><dd>{html.escape(value)}</dd>" for label, value in rows)
    return f'<dl class="m-attendance{" m-current" if current else ""}">{cells}</dl>'

