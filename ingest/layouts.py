"""Layout rules: each finds where agenda items start in one family of minutes.

A rule takes the document's lines and returns the item starts it recognises,
or an empty list. It never edits text: the parser owns what happens to the
lines between two starts, so every word of the input stays accounted for.
Adding a layout means adding one rule here (with an example of the text it
handles) and one fixture in the tests.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ItemStart:
    """Where one agenda item begins.

    `line` is the first line that belongs to the item (its number or title);
    `body` is the first line of its text. Lines in ``line..body`` are consumed
    as number and title; `title` is their content, and `lead` is whatever text
    of the item shares the title's line (table rows put both on one line).
    """

    line: int
    body: int
    number: str | None
    title: str
    lead: str = ""


Rule = Callable[[list[str]], list[ItemStart]]

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MAX_TITLE_WORDS = 30
_MAX_SENTENCE_TITLE_WORDS = 12
_MAX_NUMBER_GAP = 10


def _next_nonblank(lines: list[str], start: int) -> int | None:
    for index in range(start, len(lines)):
        if lines[index].strip():
            return index
    return None


def _title_like(line: str) -> bool:
    """A heading, not a sentence: short, not a date, not a long full-stopped line."""
    text = line.strip()
    if not text or len(text.split()) > _MAX_TITLE_WORDS:
        return False
    if re.match(rf"^({_MONTHS})\.?,?\s+\d", text, re.IGNORECASE):
        return False  # "February 2022." after a day number is a date, not a heading
    return not (text.endswith(".") and len(text.split()) > _MAX_SENTENCE_TITLE_WORDS)


def _increasing(starts: list[tuple[int, ItemStart]]) -> list[ItemStart]:
    """Keep the run of candidates whose numbers rise by small steps.

    Real numbering has gaps (withdrawn or restricted items are left out) but
    never goes backwards; a stray number in the text ("16 February 2022.")
    breaks the pattern and is dropped.
    """
    kept: list[ItemStart] = []
    last: int | None = None
    for value, start in starts:
        if last is None or last < value <= last + _MAX_NUMBER_GAP:
            kept.append(start)
            last = value
    return kept


def moderngov(lines: list[str]) -> list[ItemStart]:
    """Committee-reference numbers on their own line, title on the next line.

    Example (a saved moderngov "Agenda and minutes" page)::

        SSP/4/23

        Anti-Social Behaviour Action Plan pdf icon PDF 237 KB

        Minutes:
    """
    pattern = re.compile(r"^[A-Z][A-Za-z]{1,9}/\d{1,4}(/\d{2,4})?$")
    starts = []
    for index, line in enumerate(lines):
        if pattern.match(line.strip()):
            title_at = _next_nonblank(lines, index + 1)
            if title_at is not None and _title_like(lines[title_at]) and title_at - index <= 2:
                starts.append(ItemStart(index, title_at + 1, line.strip(), lines[title_at]))
    return starts


def split_number(lines: list[str]) -> list[ItemStart]:
    """Older council layout: the reference split over two lines above the title.

    Example (an ``Item  Description  Decision`` table flattened to text)::

        SSP
        136/13
        Declarations of Interest
        There were no declarations of interest.
    """
    starts = []
    for index in range(len(lines) - 2):
        prefix, number = lines[index].strip(), lines[index + 1].strip()
        if re.fullmatch(r"[A-Z]{2,8}", prefix) and re.fullmatch(r"\d{1,4}/\d{2,4}", number):
            title_at = _next_nonblank(lines, index + 2)
            if title_at is not None and _title_like(lines[title_at]):
                starts.append(ItemStart(index, title_at + 1, f"{prefix} {number}", lines[title_at]))
    return starts


def own_line(lines: list[str]) -> list[ItemStart]:
    """A bare item number on its own line, the title on the next non-blank line.

    Example::

        5

        Minutes of YOS Management Board 10 July
    """
    candidates = []
    for index, line in enumerate(lines):
        match = re.fullmatch(r"(\d{1,3})\.?", line.strip())
        if match:
            title_at = _next_nonblank(lines, index + 1)
            if title_at is not None and title_at - index <= 3 and _title_like(lines[title_at]):
                start = ItemStart(index, title_at + 1, match.group(1), lines[title_at])
                candidates.append((int(match.group(1)), start))
    return _increasing(candidates)


def inline(lines: list[str]) -> list[ItemStart]:
    """Number and title on one line, at the start of a paragraph.

    Example (numbering may have gaps)::

        5 Stockton-on-Tees Community Safety Plan

        The Partnership received a restricted presentation ...
    """
    candidates = []
    for index, line in enumerate(lines):
        match = re.fullmatch(r"(\d{1,3})\.?\s+(\S.*)", line.strip())
        after_blank = index == 0 or not lines[index - 1].strip()
        if match and after_blank and match.group(2)[0].isupper() and _title_like(match.group(2)):
            start = ItemStart(index, index + 1, match.group(1), match.group(2))
            candidates.append((int(match.group(1)), start))
    return _increasing(candidates)


def pipe_table(lines: list[str]) -> list[ItemStart]:
    """One table row per item, cells separated by ``|``, the row closed by ``|``.

    Example (a minutes table flattened to text; no numbers, title then text)::

        No. | Item |
        Declarations of Interest Minutes: There were no Declarations of Interest. |

    Rows may carry a number cell first (``SSP/3/23 | Title Minutes: ... |``).
    The title is whatever precedes the ``Minutes:`` label on the row's first
    line; the rest of that line is the start of the item's text.
    """
    header = next((i for i, line in enumerate(lines) if re.match(r"^\s*No\.?\s*\|\s*Item\b", line)), None)
    if header is None:
        return []
    starts = []
    row_open = False
    for index in range(header + 1, len(lines)):
        line = lines[index].strip()
        if not line:
            continue
        if not row_open:
            cells = [cell.strip() for cell in line.split("|")]
            number = cells[0] if len(cells) > 2 and re.fullmatch(r"[\w/.-]{1,20}", cells[0]) else None
            rest = "|".join(cells[1:]) if number else line
            title, label, lead = rest.partition("Minutes:")
            if not label:
                title, lead = "", rest
            starts.append(ItemStart(index, index + 1, number, title.strip(" |"), lead))
        row_open = not line.endswith("|")
    return starts


RULES: dict[str, Rule] = {
    "pipe-table": pipe_table,
    "moderngov": moderngov,
    "split-number": split_number,
    "own-line": own_line,
    "inline": inline,
}
