"""The terminal surface: meetings, items and answers as plain text for the CLI.

Items are named through `ItemRef` (as everywhere); the UI's HTML surface is `ui/render.py`.
"""
from __future__ import annotations

from assistant.answer import Answer
from assistant.models import AgendaItem, Meeting

SNIPPET_CHARS = 160  # a source's passage on one terminal line


def item_heading(meeting: Meeting, item: AgendaItem) -> str:
    """``SSP/4/23  Title``, led by what ``minutes show MEETING ITEM`` accepts for it."""
    flag = " [restricted]" if item.restricted else ""
    return f"{meeting.item_ref(item).address}  {item.title or 'untitled'}{flag}"


def item_text(meeting: Meeting, item: AgendaItem) -> str:
    return f"{meeting.committee}, {meeting.date_label}\n\n{item_heading(meeting, item)}\n\n{item.text}\n"


def meeting_text(meeting: Meeting) -> str:
    lines = [f"{meeting.committee}, {meeting.date_label}", f"id: {meeting.id}", f"source: {meeting.source}"]
    lines += [f"{label}: {text}" for label, text in meeting.details()]
    lines.append("")
    lines += [item_heading(meeting, item) for item in meeting.items]
    return "\n".join(lines) + "\n"


def short_quote(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The passage on one line, cut at a word boundary."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0] + " …"


def answer_text(answer: Answer) -> str:
    """The answer, then its numbered sources with the sentences they support."""
    lines = [answer.text]
    if answer.citations:
        lines += ["", "Sources:"]
        for citation in answer.citations:
            quote = " ".join(citation.sentences) or citation.quote
            lines.append(f"[{citation.number}] {citation.label}: {citation.item_title}")
            lines.append(f"    “{short_quote(quote)}”")
    return "\n".join(lines) + "\n"
