"""Minutes text → `Meeting` with its ordered `AgendaItem`s.

The document's lines are partitioned: everything before the first item start
is the meeting header, and each item owns the lines up to the next start. Only
recognised boilerplate (``Minutes:`` labels, ``pdf icon PDF 124 KB`` link
noise, table pipes) is removed, so every other word of the input survives in
the header, an item title or an item text.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from assistant.models import AgendaItem, Meeting
from ingest.header import header_fields
from ingest.layouts import FALLBACK_RULES, LINK_NOISE, MINUTES_LABEL, RULES, ItemStart
from ingest.pages import PAGE_BREAK, paginate

_DECISION = re.compile(r"\b(AGREED|RESOLVED)\b")
_TABLE_LAYOUTS = ("pipe-table", "pipe-rows", "reference-rows")
_UNKNOWN_COMMITTEE = "Unknown committee"


def parse_minutes(
    text: str,
    source: str,
    *,
    meeting_id: str | None = None,
    committee: str | None = None,
    date: dt.date | None = None,
) -> Meeting:
    """Parse one minutes document.

    `committee` and `date` fill in what the document does not state (from a
    metadata file); what the text states wins. The date is the meeting's own
    (from its header) and is never guessed: an undated document gives
    ``date=None``. A document with no recognisable items becomes a single
    item and carries a warning.
    """
    paged = paginate(normalise(text))
    lines = paged.lines
    layout, starts = _best_layout(lines)
    header_lines = lines[: starts[0].line] if starts else lines[:15]
    fields = header_fields(header_lines, paged.running)
    warnings: list[str] = []
    if starts:
        items = _items(lines, starts, table=layout in _TABLE_LAYOUTS)
        header = _tidy(header_lines, table=False)
    else:
        warnings.append(f"{Path(source).name}: no agenda items recognised; indexed as one item")
        items = [AgendaItem(position=1, number=None, title="", text=_tidy(lines, table=False))]
        header = ""
    return Meeting(
        id=meeting_id or slug(Path(source).stem),
        committee=fields.committee or committee or _UNKNOWN_COMMITTEE,
        date=fields.date or date,
        source=source,
        items=tuple(items),
        venue=fields.venue,
        chair=fields.chair,
        present=fields.present,
        apologies=fields.apologies,
        officers=fields.officers,
        in_attendance=fields.in_attendance,
        header=header,
        warnings=tuple(warnings),
    )


def normalise(text: str) -> str:
    """Unify line ends, spaces and blank-line runs; control characters become spaces, format characters go.

    (A soft hyphen or zero-width space inside "Coun\u00adcil" must not split
    the word; a stray control byte between two words must not join them.)
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = "".join(
        ch if ch in "\n\t" + PAGE_BREAK or unicodedata.category(ch)[0] != "C"
        else ("" if unicodedata.category(ch) == "Cf" else " ")
        for ch in text
    )
    return re.sub(r"\n(?:[ \t]*\n){2,}", "\n\n", text)  # HTML and PDF text leave runs of blank lines


def slug(value: str) -> str:
    """``Safer Stockton 2023`` → ``safer-stockton-2023``: ids that survive URLs and shells."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "meeting"


def _best_layout(lines: list[str]) -> tuple[str, list[ItemStart]]:
    """The rule that recognises the most items; earlier rules win ties.

    The fallback rules, which guess from the text's shape, are asked only
    when no main rule finds two items.
    """
    best_name, best = "", list[ItemStart]()
    for tier in (RULES, FALLBACK_RULES):
        if len(best) >= 2:
            break
        for name, rule in tier.items():
            starts = rule(lines)
            if len(starts) > len(best):
                best_name, best = name, starts
    return best_name, best


def _items(lines: list[str], starts: list[ItemStart], table: bool) -> list[AgendaItem]:
    items = []
    ends = [start.line for start in starts[1:]] + [len(lines)]
    for position, (start, end) in enumerate(zip(starts, ends), start=1):
        body = [start.lead] if start.lead.strip() else []
        body += lines[start.body : end]
        text = _tidy(body, table=table)
        title = _clean_title(start.title)
        items.append(
            AgendaItem(
                position=position,
                number=start.number,
                title=title,
                text=text,
                decisions=tuple(_decisions(text)),
                restricted=bool(re.search(r"\brestricted\b", f"{title} {text[:400]}", re.IGNORECASE)),
            )
        )
    return items


def _clean_title(title: str) -> str:
    title = LINK_NOISE.sub("", title)
    return re.sub(r"\s+", " ", title).strip().rstrip(":").strip()


def _tidy(lines: list[str], table: bool) -> str:
    """Join lines into paragraphs: labels and table pipes dropped, blank runs folded."""
    out: list[str] = []
    for raw in lines:
        line = raw[raw.index(MINUTES_LABEL) + len(MINUTES_LABEL):] if raw.lstrip().startswith(MINUTES_LABEL) else raw
        line = LINK_NOISE.sub("", line)
        if table:
            line = re.sub(r"\s*\|\s*$", "", line)
        line = re.sub(r"[ \t]+", " ", line).strip()
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _decisions(text: str) -> list[str]:
    """Each paragraph that records a decision, from the AGREED/RESOLVED sentence on.

    A decision that introduces a list (``AGREED that:-``) keeps the list lines
    that follow it.
    """
    decisions = []
    paragraphs = text.split("\n\n")
    for index, paragraph in enumerate(paragraphs):
        match = _DECISION.search(paragraph)
        if not match:
            continue
        sentence_start = max(paragraph.rfind(". ", 0, match.start()) + 1, paragraph.rfind("\n", 0, match.start()) + 1)
        decision = paragraph[sentence_start:].strip()
        if decision.rstrip("-").endswith(":"):
            following = []
            for nxt in paragraphs[index + 1 :]:
                if _DECISION.search(nxt):
                    break
                following.append(nxt.strip())
            decision = "\n".join([decision, *following]).strip()
        decisions.append(decision)
    return decisions
