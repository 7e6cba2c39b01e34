"""Plain-text renderings of meetings and items, shared by the CLI and the UI."""
from __future__ import annotations

from assistant.answer import Answer
from assistant.models import AgendaItem, Meeting

QUOTE_CHARS = 160


def item_heading(item: AgendaItem) -> str:
    """``SSP/4/23  Title``, flagged when restricted or when its boundaries were guessed, with its pages."""
    number = item.number or f"(item {item.position})"
    flags = " [restricted]" * item.restricted + " [boundaries guessed from headings]" * item.weak
    return f"{number}  {item.title or 'untitled'}{flags}{pages_text(item.pages)}"


def pages_text(pages: tuple[int, ...]) -> str:
    """`` (p. 3)`` or `` (pp. 3-4)``; nothing for an unpaged source."""
    if not pages:
        return ""
    return f" (p. {pages[0]})" if len(pages) == 1 else f" (pp. {pages[0]}-{pages[-1]})"


def item_text(meeting: Meeting, item: AgendaItem) -> str:
    return f"{meeting.body}, {meeting.date_label}\n\n{item_heading(item)}\n\n{item.text}\n"


def meeting_text(meeting: Meeting) -> str:
    lines = [f"{meeting.body}, {meeting.date_label}", f"id: {meeting.id}", f"source: {meeting.source}"]
    for label, value in (("Published at", meeting.url), ("Date from", meeting.date_source), ("Layout", meeting.layout),
                         ("Venue", meeting.venue), ("Chair", meeting.chair)):
        if value:
            lines.append(f"{label}: {value}")
    if meeting.boilerplate:
        lines.append(f"Page furniture left out: {len(meeting.boilerplate)} lines (running headers and footers, "
                     "page numbers, signatures)")
    for label, people in (("Present", meeting.present), ("Officers", meeting.officers),
                          ("Also in attendance", meeting.in_attendance), ("Apologies", meeting.apologies)):
        if people:
            lines.append(f"{label}: {'; '.join(people)}")
    lines.append("")
    lines += [item_heading(item) for item in meeting.items]
    return "\n".join(lines) + "\n"


def short_quote(text: str, limit: int = QUOTE_CHARS) -> str:
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
            lines.append(f"[{citation.number}] {citation.label}: {citation.item_title}{pages_text(citation.pages)}")
            lines.append(f"    “{short_quote(quote)}”")
            if citation.link:
                lines.append(f"    {citation.link}")
    return "\n".join(lines) + "\n"
