"""The terminal surface: meetings, items and answers as plain text for the CLI.

Items are named through `ItemRef` (as everywhere); the UI's HTML surface is `ui/render.py`.
"""
from __future__ import annotations

from assistant.answer import Answer
from assistant.dates import format_date
from assistant.facts import ATTENDEE_LABELS, HEADER_POSITION, Attendee, Figure
from assistant.models import AgendaItem, Meeting

SNIPPET_CHARS = 160  # a source's passage on one terminal line


def item_heading(meeting: Meeting, item: AgendaItem) -> str:
    """``SSP/4/23  Title``, led by what ``minutes show MEETING ITEM`` accepts for it, with its pages.

    Flagged when restricted, and when its boundaries were guessed from the
    text's shape (see `AgendaItem.weak`).
    """
    flags = " [restricted]" * item.restricted + " [boundaries guessed from headings]" * item.weak
    return f"{meeting.item_ref(item).address}  {item.title or 'untitled'}{flags}{pages_text(item.pages)}"


def pages_text(pages: tuple[int, ...]) -> str:
    """`` (p. 3)`` or `` (pp. 3-4)``; nothing for an unpaged source."""
    if not pages:
        return ""
    return f" (p. {pages[0]})" if len(pages) == 1 else f" (pp. {pages[0]}-{pages[-1]})"


def item_text(meeting: Meeting, item: AgendaItem) -> str:
    agenda = f"Agenda: {item.agenda}\n\n" if item.agenda else ""
    return f"{meeting.body}, {meeting.date_label}\n\n{item_heading(meeting, item)}\n\n{agenda}{item.text}\n"


def meeting_text(meeting: Meeting) -> str:
    """The meeting as `minutes show` prints it: where it came from, its facts, its agenda, decisions and figures."""
    facts = meeting.facts
    lines = [f"{meeting.body}, {meeting.date_label}", f"id: {meeting.id}", f"source: {meeting.source}"]
    lines += [f"{label}: {value}" for label, value in (
        ("Published at", meeting.url), ("Date from", meeting.date_source), ("Layout", meeting.layout)) if value]
    if meeting.boilerplate:
        lines.append(f"Page furniture left out: {len(meeting.boilerplate)} lines (running headers and footers, "
                     "page numbers, signatures)")
    venue = facts.venue.name if facts.venue else meeting.venue
    lines += [f"{label}: {value}" for label, value in (
        ("Time", facts.held.time if facts.held else None), ("Venue", venue),
        ("Chair", facts.chair.name if facts.chair else meeting.chair),
        ("Vice-chair", facts.vice_chair.name if facts.vice_chair else None),
        ("Next meeting", next_meeting_text(meeting))) if value]
    for kind, label in ATTENDEE_LABELS.items():
        lines += _people(label, facts.by_organisation(kind))
    lines += ["", "Agenda:"] + [f"  {item_heading(meeting, item)}" for item in meeting.items]
    lines += _listing("Decisions", [(d.position, d.text) for d in facts.decisions], meeting)
    lines += _listing("Figures", [(f.position, _figure(f)) for f in facts.figures], meeting)
    lines += _listing("Abbreviations", [(d.position, f"{d.term}: {d.expansion}") for d in facts.definitions], meeting)
    return "\n".join(lines) + "\n"


def next_meeting_text(meeting: Meeting) -> str | None:
    """The next meeting as these minutes set it, with where they say so; None when they do not."""
    found = meeting.facts.next_meeting
    if found is None:
        return None
    stated = ", ".join(part for part in (format_date(found.date) if found.date else None, found.time, found.venue)
                       if part)
    return f"{stated} (from {_where(meeting, found.position)}: “{found.source}”)"


def _people(label: str, groups: dict[str | None, tuple[Attendee, ...]]) -> list[str]:
    """``Present (27):`` then one line per organisation, people with their roles."""
    if not groups:
        return []
    lines = [f"{label} ({sum(len(people) for people in groups.values())}):"]
    for organisation, people in groups.items():
        names = ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in people)
        lines.append(f"  {organisation or 'organisation not stated'}: {names}")
    return lines


def _figure(figure: Figure) -> str:
    what = f"{figure.value} {figure.unit}" if figure.unit else f"{figure.value} ({figure.kind})"
    return f"{what}: “{short_quote(figure.source, 100)}”"


def _listing(title: str, rows: list[tuple[int, str]], meeting: Meeting) -> list[str]:
    """A titled list, each row led by the item it came from; the lines of a multi-line row indented under it."""
    if not rows:
        return []
    lines = ["", f"{title}:"]
    for position, text in rows:
        first, *rest = text.split("\n")
        lines.append(f"  [{_where(meeting, position)}] {first}")
        lines += [f"      {line}" for line in rest if line.strip()]
    return lines


def _where(meeting: Meeting, position: int) -> str:
    if position == HEADER_POSITION:
        return "header"
    item = meeting.item(f"#{position}")
    return f"item {item.ref}" if item else f"item #{position}"


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
            lines.append(f"[{citation.number}] {citation.heading}{pages_text(citation.pages)}")
            lines.append(f"    “{short_quote(quote)}”")
            if citation.link:
                lines.append(f"    {citation.link}")
    return "\n".join(lines) + "\n"
