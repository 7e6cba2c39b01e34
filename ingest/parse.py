"""Minutes text → `Meeting` with its ordered `AgendaItem`s.

The document's lines are partitioned: everything before the first item start
is the meeting header, and each item owns the lines up to the next start. Only
recognised boilerplate (``Minutes:`` labels, ``pdf icon PDF 124 KB`` link
noise, a page's ``Additional documents:`` label, table pipes) is removed, so every other word of the input survives in
the header, an item title or an item text.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from assistant.models import FALLBACKS, AgendaItem, Meeting
from assistant.vocabulary import BARE_DECISION
from ingest.header import HeaderFields, header_fields
from ingest.layouts import (
    FALLBACK_RULES,
    LINK_NOISE,
    MINUTES_LABEL,
    PAGE_LABELS,
    RULES,
    ItemStart,
    agenda_item_page,
    issue_page,
)
from ingest.pages import PAGE_BREAK, paginate

_TABLE_LAYOUTS = ("pipe-table", "pipe-rows", "reference-rows")
_UNKNOWN_COMMITTEE = "Unknown committee"
_UNPAGED = 0  # the "page" of every line of a document without page breaks


def parse_minutes(
    text: str,
    source: str,
    *,
    meeting_id: str | None = None,
    committee: str | None = None,
    council: str | None = None,
    date: dt.date | None = None,
) -> Meeting:
    """Parse one minutes document.

    `committee`, `council` and `date` fill in what the document does not
    state (from a metadata file); what the text states wins. The date is the
    meeting's own (from its header) and is never guessed: an undated document
    gives ``date=None``. A document with no recognisable items becomes a
    single item and carries a warning. Running headers, footers and the
    signature block go to `Meeting.boilerplate`; each item knows its pages.
    """
    paged = paginate(normalise(text))
    labels = tuple(line.strip() for line in paged.lines if PAGE_LABELS.match(line))
    lines = ["" if PAGE_LABELS.match(line) else line for line in paged.lines]
    pages = paged.pages if paged.paged else [_UNPAGED] * len(lines)
    layout, starts = _best_layout(lines)
    cut = starts[0].line if starts else 0
    fields = header_fields(lines[:cut] if starts else lines[:15], paged.running)
    warnings: list[str] = []
    repeats: list[str] = []
    if starts:
        items = _joined_repeats(_items(lines, pages, starts, table=layout in _TABLE_LAYOUTS), repeats)
    else:
        warnings.append(f"{Path(source).name}: {FALLBACKS['no-items']}")
        body, page_starts = _tidy(lines, pages, table=False)
        items = [AgendaItem(position=1, number=None, title="", text=body, page_starts=page_starts)]
    if not (fields.date or date):
        warnings.append(f"{Path(source).name}: no meeting date found in the text; shown as 'date not stated'")
    return Meeting(
        id=meeting_id or slug(Path(source).stem),
        committee=fields.committee or committee or _UNKNOWN_COMMITTEE,
        date=fields.date or date,
        source=source,
        items=tuple(items),
        venue=fields.venue,
        chair=fields.chair,
        present=fields.people.get("present", ()),
        apologies=fields.people.get("apologies", ()),
        officers=fields.people.get("officers", ()),
        in_attendance=fields.people.get("in_attendance", ()),
        header=_tidy(lines[:cut], pages[:cut], table=False)[0],
        warnings=tuple(warnings),
        council=fields.council or council,
        date_source=fields.date_source,
        layout=layout,
        fallbacks=_fallbacks(fields, items, recognised=bool(starts)),
        boilerplate=paged.boilerplate + labels + tuple(repeats),
        header_pages=tuple(sorted(set(pages[:cut]) - {_UNPAGED})),
    )


def _fallbacks(fields: HeaderFields, items: list[AgendaItem], recognised: bool) -> tuple[str, ...]:
    """The `FALLBACKS` codes for what this document does not state, or states only weakly."""
    found = {
        "no-items": not recognised,
        "weak-items": any(item.weak for item in items),
        "undated": fields.date is None,
        "committee-unknown": fields.committee is None,
    }
    return tuple(code for code, missing in found.items() if missing)


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
    """The rule that recognises the most items; earlier rules win ties. A moderngov issue page or item page says
    which one item it shows, and is read so.

    The fallback rules, which guess from the text's shape, are asked only
    when no main rule finds two items.
    """
    for name, page in (("issue-page", issue_page), ("agenda-item-page", agenda_item_page)):
        if one := page(lines):
            return name, one
    best_name, best = "", list[ItemStart]()
    for tier in (RULES, FALLBACK_RULES):
        if len(best) >= 2:
            break
        for name, rule in tier.items():
            starts = rule(lines)
            if len(starts) > len(best):
                best_name, best = name, starts
    return best_name, best


def _items(lines: list[str], pages: list[int], starts: list[ItemStart], table: bool) -> list[AgendaItem]:
    items = []
    ends = [start.line for start in starts[1:]] + [len(lines)]
    for position, (start, end) in enumerate(zip(starts, ends), start=1):
        lead = [start.lead] if start.lead.strip() else []
        body, body_pages = lead + lines[start.body : end], pages[start.line : start.line + len(lead)] + pages[start.body : end]
        # An "agenda and minutes" page prints what the agenda said ("The Chair will consider the admission of any items
        # of Urgent Business.") before "Minutes:" and what happened after it: the item's text is the minutes alone.
        label = next((index for index, raw in enumerate(body) if raw.lstrip().startswith(MINUTES_LABEL)), 0)
        text, page_starts = _tidy(body[label:], body_pages[label:], table=table)
        title = _clean_title(start.title)
        items.append(
            AgendaItem(
                position=position,
                number=start.number,
                title=title,
                text=text,
                agenda=_tidy(body[:label], body_pages[:label], table=table)[0],
                restricted=bool(re.search(r"\brestricted\b", f"{title} {text[:400]}", re.IGNORECASE)),
                weak=start.weak,
                page_starts=page_starts or _title_page(pages[start.line]),
            )
        )
    return items


def _joined_repeats(items: list[AgendaItem], repeats: list[str]) -> list[AgendaItem]:
    """One item per printed number: a number that comes back untitled (a decisions table, then its preamble) adds its text.

    The later part's text follows the first part's, so the item is cited
    under its one number and title; the repeated number goes to `repeats`
    (page furniture, counted rather than lost).
    """
    out: list[AgendaItem] = []
    for item in items:
        first = next((kept for kept in out if item.number and kept.number == item.number), None)
        if first is None or item.title:  # two titled items may share a misprinted number
            out.append(replace(item, position=len(out) + 1))
            continue
        text = f"{first.text}\n\n{item.text}".strip()
        shift = len(text) - len(item.text)
        page_starts = first.page_starts + tuple((offset + shift, page) for offset, page in item.page_starts)
        out[out.index(first)] = replace(first, text=text, page_starts=page_starts)
        repeats.append(first.ref)
    return out


def _title_page(page: int) -> tuple[tuple[int, int], ...]:
    """An item with no text is still printed on the page of its title."""
    return () if page == _UNPAGED else ((0, page),)


def _clean_title(title: str) -> str:
    title = LINK_NOISE.sub("", title)
    return re.sub(r"\s+", " ", title).strip().rstrip(":").strip()


def _tidy(lines: list[str], pages: list[int], table: bool) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Join lines into paragraphs (labels and table pipes dropped, blank runs folded), and where each page starts.

    `pages` gives each line's page; the second result pairs an offset in the
    text with the page the text from there on is printed on.
    """
    out: list[tuple[str, int]] = []
    for raw, page in zip(lines, pages):
        line = raw[raw.index(MINUTES_LABEL) + len(MINUTES_LABEL):] if raw.lstrip().startswith(MINUTES_LABEL) else raw
        line = LINK_NOISE.sub("", line)
        if table:
            line = line.rstrip()
            line = line[:-1].rstrip() if line.endswith("|") else line
        line = re.sub(r"[ \t]+", " ", line).strip()
        if line or (out and out[-1][0]):
            out.append((line, page))
    while out and not out[-1][0]:
        out.pop()
    out = _decisions_joined(out)
    page_starts: list[tuple[int, int]] = []
    offset = 0
    for line, page in out:
        if line and page != _UNPAGED and (not page_starts or page_starts[-1][1] != page):
            page_starts.append((offset, page))
        offset += len(line) + 1
    return "\n".join(line for line, _ in out), tuple(page_starts)


def _decisions_joined(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A decision word alone on its line joined to the next line with words ("RESOLVED" + "That an additional meeting
    be held ..."; "RESOLVED" + "THAT:"): apart, the decision would be the bare word and its words a remark."""
    out: list[tuple[str, int]] = []
    last: int | None = None  # where in `out` the last line with words is
    for line, page in lines:
        if line and last is not None and BARE_DECISION.match(out[last][0]):
            out[last:] = [(f"{out[last][0]} {line}", out[last][1])]
            continue
        out.append((line, page))
        if line:
            last = len(out) - 1
    return out
