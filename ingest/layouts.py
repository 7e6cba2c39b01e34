"""Layout rules: each finds where agenda items start in one family of minutes.

A rule takes the document's lines and returns the item starts it recognises,
or an empty list. It never edits text: the parser owns what happens to the
lines between two starts, so every word of the input stays accounted for.
Adding a layout means adding one rule here (with an example of the text it
handles) and one fixture in the tests.

`RULES` are tried first and the one finding the most items wins; the
`FALLBACK_RULES` guess boundaries from the shape of the text alone, so they
are asked only when no numbered or tabled layout is found, and the items they
find are marked `weak`.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.dates import MONTH, find_date


@dataclass(frozen=True)
class ItemStart:
    """Where one agenda item begins.

    `line` is the first line that belongs to the item (its number or title);
    `body` is the first line of its text. Lines in ``line..body`` are consumed
    as number and title; `title` is their content, and `lead` is whatever text
    of the item shares the title's line (table rows put both on one line).
    `weak` says the boundary was inferred from the text's shape alone.
    """

    line: int
    body: int
    number: str | None
    title: str
    lead: str = ""
    weak: bool = False


Rule = Callable[[list[str]], list[ItemStart]]

# `(?<!\s)`: the leading spaces are matched from the first one only, not retried from each (which made a
# line of 25,000 spaces cost a minute); see tests/test_linear.py.
LINK_NOISE = re.compile(r"(?<!\s)\s*(?:pdf icon\s*)?\bPDF\s*[\d.]+\s*[KM]B\b", re.IGNORECASE)
"""The link label a saved moderngov page leaves after a heading: ``pdf icon PDF 74 KB``, ``PDF 2 MB``."""

MAP_LINK = re.compile(r"\s*\bView\s+directions\s*$", re.IGNORECASE)
"""The link a saved moderngov page leaves after its venue: ``Venue: Civic Centre, High Road. View directions``."""

PAGE_LABELS = re.compile(r"^\s*(?:Additional documents|Issue - meetings)\s*:?\s*$", re.IGNORECASE)
"""Labels of a saved moderngov page's own furniture, on their own line: never a heading, never text of an item."""

MINUTES_LABEL = "Minutes:"
"""The label moderngov puts between an item's heading and its minuted text."""

REFERENCE = r"(?:[A-Z][A-Za-z]{1,9}/\d{1,4}(?:/\d{2,4})?|[A-Z]{2,8} ?\d{1,4}/\d{1,4}|\d{2}/\d{1,3}/[A-Z]{2,8})"
"""A committee's minute reference: ``SSP/4/23``, ``PC/12/24``, ``SSP 1/09``, ``PLA146/14``, ``CSF 14/3`` (year, then item),
``19/4/WAC`` (year, item, then the body)."""

_MAX_TITLE_WORDS = 30
_MAX_SENTENCE_TITLE_WORDS = 12
_MAX_HEADING_WORDS = 12
_MAX_NUMBER_GAP = 10
_ONE_WORD_REPLIES = frozenset({"none", "nil", "noted", "agreed", "approved", "resolved", "deferred", "withdrawn"})
_ITEMS_MARKER = re.compile(r"^(items|no\.?\s+item|no\.?\s*\|\s*item\b.*)$", re.IGNORECASE)


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
    if re.match(rf"^({MONTH})\.?,?\s+\d", text, re.IGNORECASE):
        return False  # "February 2022." after a day number is a date, not a heading
    return not (text.endswith(".") and len(text.split()) > _MAX_SENTENCE_TITLE_WORDS)


def _increasing(starts: Sequence[tuple[float, ItemStart]]) -> list[ItemStart]:
    """Keep the run of candidates whose numbers rise by small steps.

    Real numbering has gaps (withdrawn or restricted items are left out) but
    never goes backwards; a stray number in the text ("16 February 2022.")
    breaks the pattern and is dropped.
    """
    kept: list[ItemStart] = []
    last: float | None = None
    for value, start in starts:
        if last is None or last < value <= last + _MAX_NUMBER_GAP:
            kept.append(start)
            last = value
    return kept


ISSUE_MEETING = re.compile(r"^\s*Meeting:\s*\d{1,2}/\d{1,2}/\d{4}\s*-\s*(?P<committee>.+?)\s*\(Item\s+(?P<number>[\w/.]+)\)\s*$",
                           re.IGNORECASE)
"""The line of a moderngov issue page ("Issue - meetings") that says which meeting and item the page shows:
``Meeting: 25/05/2012 - Council (Item 11)``."""


def issue_page(lines: list[str]) -> list[ItemStart]:
    """The one item of a moderngov issue page: the line the page's ``Meeting: … (Item N)`` line names by its number.

    Example::

        Meeting: 25/05/2012 - Council (Item 11)

        11 POLICE AND CRIME PANEL REPORT pdf icon PDF 93 KB

    (A page of one item would otherwise lose to a rule that guesses two from the text's shape.)
    """
    for index, line in enumerate(lines):
        found = ISSUE_MEETING.match(line)
        if not found:
            continue
        heading = re.compile(rf"^{re.escape(found.group('number'))}\.?\s*\*?\s*(?P<title>\S.*)$")
        for at in range(index + 1, len(lines)):
            match = heading.match(lines[at].strip())
            if match:
                return [ItemStart(at, at + 1, found.group("number"), match.group("title"))]
    return []


_AGENDA_ITEM_PAGE = re.compile(r"^\s*agenda\s+item\s*$", re.IGNORECASE)
_PAGE_TOP = 5  # lines: where a page's own "Agenda item" label stands


def agenda_item_page(lines: list[str]) -> list[ItemStart]:
    """The one item of a moderngov item page: an "Agenda item" label at the top, unnumbered, its title next.

    Example::

        Agenda item

        Community Safety Partnership Six Month Update

        The update is to be presented to the Panel.
        Minutes:
    """
    label = next((index for index, line in enumerate(lines[:_PAGE_TOP]) if _AGENDA_ITEM_PAGE.match(line)), None)
    title_at = _next_nonblank(lines, label + 1) if label is not None else None
    if title_at is None or not _title_like(lines[title_at]):
        return []
    return [ItemStart(title_at, title_at + 1, None, lines[title_at])]


def moderngov(lines: list[str]) -> list[ItemStart]:
    """Committee-reference numbers on their own line, title on the next line.

    Example (a saved moderngov "Agenda and minutes" page)::

        SSP/4/23

        Anti-Social Behaviour Action Plan pdf icon PDF 237 KB

        Minutes:
    """
    pattern = re.compile(rf"^{REFERENCE}$")
    starts = []
    for index, line in enumerate(lines):
        if pattern.match(line.strip()):
            title_at = _next_nonblank(lines, index + 1)
            if title_at is not None and _title_like(lines[title_at]) and title_at - index <= 2:
                starts.append(ItemStart(index, title_at + 1, line.strip(), lines[title_at]))
    return starts


def heading_reference(lines: list[str]) -> list[ItemStart]:
    """A heading, then the minute reference on its own line, then the text, with no blank lines between.

    Example (a council's PDF minutes; moderngov pages put blank lines around
    the reference and the title below it)::

        DECLARATIONS OF INTEREST
        PLA147/14
        Councillor Smith declared an interest in application 14/506664.
    """
    pattern = re.compile(rf"^{REFERENCE}$")
    starts = []
    for index in range(1, len(lines) - 1):
        title, text = lines[index - 1].strip(), lines[index + 1].strip()
        if pattern.match(lines[index].strip()) and title and text and _title_like(title) \
                and not re.search(r"[.,;:]$", title) and not pattern.match(title):
            starts.append(ItemStart(index - 1, index + 1, lines[index].strip(), title))
    return starts


def split_number(lines: list[str]) -> list[ItemStart]:
    """Older council layout: the reference split over two lines above the title.

    Example (an ``Item  Description  Decision`` table flattened to text)::

        SSP
        136/13
        Declarations of Interest
        There were no declarations of interest.

    The decisions table is often followed by a "Preamble" that repeats a
    reference with the discussion but no title (``SSP`` / ``136/13`` /
    ``Consideration was given to …``); that second start carries the same
    number and the parser joins it to the first.
    """
    starts: list[ItemStart] = []
    for index in range(len(lines) - 2):
        prefix, number = lines[index].strip(), lines[index + 1].strip()
        if re.fullmatch(r"[A-Z]{2,8}", prefix) and re.fullmatch(r"\d{1,4}/\d{2,4}", number):
            reference = f"{prefix} {number}"
            title_at = _next_nonblank(lines, index + 2)
            if any(start.number == reference for start in starts):
                starts.append(ItemStart(index, index + 2, reference, ""))
            elif title_at is not None and _title_like(lines[title_at]):
                starts.append(ItemStart(index, title_at + 1, reference, lines[title_at]))
    return starts


def own_line(lines: list[str]) -> list[ItemStart]:
    """A bare item number on its own line (or "Agenda item 5"), the title on the next non-blank line.

    Example::

        5

        Minutes of YOS Management Board 10 July

    Under "Agenda item 1" the next line may be the minutes themselves ("AC welcomed everyone to the meeting."): the
    item then has no title.
    """
    candidates = []
    for index, line in enumerate(lines):
        # "4.", and "4a" or "4(b)" under it
        match = re.fullmatch(r"(?P<named>(?:agenda\s+)?item\s+)?(\d{1,3})(?:\s?\(?([a-z])\)?)?\.?", line.strip(), re.I)
        if match:
            title_at = _next_nonblank(lines, index + 1)
            if title_at is not None and title_at - index <= 3 and _title_like(lines[title_at]):
                wrapped = _wrapped(lines, title_at)
                title = f"{lines[title_at].strip()} {lines[title_at + 1].strip()}" if wrapped else lines[title_at]
                start = ItemStart(index, title_at + 1 + wrapped, match.group(2) + (match.group(3) or ""), title)
                if match.group("named") and lines[title_at].strip().endswith("."):
                    start = ItemStart(index, title_at, start.number, "")  # the minutes, not a title
                letter = ord(match.group(3).lower()) - ord("a") + 1 if match.group(3) else 0
                candidates.append((int(match.group(2)) + letter / _SUB_ITEMS, start))
    return _increasing(candidates)


_SUB_ITEMS = 100  # "4a" counts as 4.01 for the rising order: after 4, before 5


_WRAP_AT = 60  # characters: a title line this long may have been wrapped onto the next line
_WRAPPED_WORDS = 12


def _wrapped(lines: list[str], title_at: int) -> bool:
    """Whether the title runs on to the next line: a long title line, then a short line with no full stop right under
    it and a blank line after ("Reports back : (a) Local Strategic Partnership; (b) Adult Wellbeing" / "Partnership;
    (c) Children and Young People's Partnership")."""
    title = lines[title_at].rstrip()
    after = lines[title_at + 1].strip() if title_at + 1 < len(lines) else ""
    blank_below = title_at + 2 >= len(lines) or not lines[title_at + 2].strip()
    return (len(title) >= _WRAP_AT and not title.endswith((".", ":")) and bool(after) and blank_below
            and not after.endswith(".") and len(after.split()) <= _WRAPPED_WORDS)


def inline(lines: list[str]) -> list[ItemStart]:
    """Number and title on one line, at the start of a paragraph (or anywhere, for a title in capitals).

    Example (numbering may have gaps; a title may start with an application number)::

        5 Stockton-on-Tees Community Safety Plan

        The Partnership received a restricted presentation ...

        48. 23/01980/FUL - Harbour Yard, West Quay
    """
    candidates = []
    for index, line in enumerate(lines):
        match = re.fullmatch(r"(\d{1,3})\.?\s+\*?\s*(\S.*)", line.strip())  # "141 *Title": an asterisk marks some items
        if not match or not (index == 0 or not lines[index - 1].strip() or _in_capitals(match.group(2))):
            continue
        number, title = match.groups()
        if (title[0].isupper() or re.match(r"\d+/", title)) and _title_like(title):
            candidates.append((int(number), ItemStart(index, index + 1, number, title)))
    return _increasing(candidates)


def _in_capitals(title: str) -> bool:
    """A title in capitals ("44 MINUTES", "45 DECLARATIONS OF INTEREST") starts an item even straight after text."""
    letters = [char for char in title if char.isalpha()]
    return len(letters) >= 5 and sum(char.isupper() for char in letters) >= 0.9 * len(letters)


def _row(index: int, number: str | None, cell: str) -> ItemStart:
    """A table row's start: the title is what precedes the ``Minutes:`` label, a link label, or the agenda's own
    words ("To confirm the Minutes of ...") when the label is on a later line.

    ``Planning Appeals pdf icon PDF 57 KB To note the appeals. Minutes: ...``
    has the title ``Planning Appeals``; the agenda text after the link label
    and the minutes after the label are the item's text.
    """
    cell = cell.strip()
    title, label, lead = cell.partition(MINUTES_LABEL)
    if not label:
        # "Disclosure of Interest To disclose the existence ...": the title, then what the agenda asked
        asked = _AGENDA_TEXT.match(cell)
        title, lead = (cell[: asked.start("asked")], cell[asked.start("asked"):]) if asked else ("", cell)
    link = LINK_NOISE.search(title)
    if link:
        title, lead = title[: link.start()], f"{title[link.end():].strip()} {lead}"
    return ItemStart(index, index + 1, number, title.strip(" |"), lead.strip())


# What an agenda asks, after a title on its row: "Disclosure of Interest To disclose ...". Capitalised "To", after a
# title of up to 12 words.
_AGENDA_TEXT = re.compile(r"^(?:\S+\s+){0,11}?\S*\w(?P<asked>\s+To\s+(?:receive|consider|note|approve|confirm|agree|"
                          r"disclose|elect|appoint|adopt|review|discuss|decide|determine)\b)")


def _bare_pipe(line: str) -> bool:
    return line.strip() == "|"


def _empty_row(line: str) -> bool:
    """A row of empty cells (``||||||``): a table's spacing between rows, no item."""
    return bool(re.fullmatch(r"\|{2,}", line.replace(" ", "")))


def _rule(line: str) -> bool:
    """A Markdown table's rule under its header (``---|---|``): layout, not a row."""
    return bool(re.fullmatch(r"\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?", line.strip()))


def pipe_table(lines: list[str]) -> list[ItemStart]:
    """One table row per item, cells separated by ``|``, the row closed by ``|``.

    Example (a minutes table flattened to text; no numbers, title then text)::

        No. | Item |
        Declarations of Interest Minutes: There were no Declarations of Interest. |

    Rows may carry a number cell first (``SSP/3/23 | Title Minutes: ... |``). A page flattened without the
    header's pipes (``No. Item``) is read so when its rows still close with ``|``.
    The title is whatever precedes the ``Minutes:`` label on the row's first
    line; the rest of that line is the start of the item's text. A bare
    ``|`` line closes a row (see `pipe_rows`).
    """
    header = next((i for i, line in enumerate(lines) if re.match(r"^\s*No\.?\s*\|?\s*Item\b", line)), None)
    if header is None:
        return []
    if "|" not in lines[header] and sum(line.rstrip().endswith("|") for line in lines[header + 1:]) < 2:
        return []  # "No. Item" above moderngov's numbered items: a table only when its rows close with "|"
    starts = []
    row_open = False
    for index in range(header + 1, len(lines)):
        line = lines[index].strip()
        if not line or _bare_pipe(line) or _empty_row(line) or (not row_open and _rule(line)):
            row_open = row_open and not line
            continue
        if not row_open:
            cells = [cell.strip() for cell in line.split("|")]
            number = cells[0] if len(cells) > 2 and re.fullmatch(r"[\w/.-]{1,20}", cells[0]) else None
            starts.append(_row(index, number, "|".join(cells[1:]) if number else line))
        row_open = not line.endswith("|")
    return starts


def pipe_rows(lines: list[str]) -> list[ItemStart]:
    """Table rows that span several lines, each row opened by a bare ``|`` line.

    Example (the empty number cell's ``|`` stands alone; title and minutes
    share a cell, split by ``Minutes:``)::

        |
        Dock Lane Lighting Minutes: The lamps had been replaced.
        Residents felt safer. |
        |
        Any Other Business Minutes: None. |
    """
    if not any(map(_bare_pipe, lines)):
        return []
    starts = []
    awaiting = False
    for index, line in enumerate(lines):
        if _bare_pipe(line):
            awaiting = True
        elif awaiting and line.strip():
            starts.append(_row(index, None, line))
            awaiting = False
    return starts


def reference_rows(lines: list[str]) -> list[ItemStart]:
    """Rows whose first cell is the minute reference and whose only other cell is the text.

    Example (no title cell; the text may run over several lines before ``|``)::

        SSP 1/09 | Nominations were received for Chair and Vice Chair. |
        SSP 2/09 | Members heard about the hostel.
        The incident was under investigation. |
    """
    pattern = re.compile(rf"^({REFERENCE})\s*\|(.*)$")
    starts = []
    row_open = False
    for index, raw in enumerate(lines):
        line = raw.strip()
        match = None if row_open else pattern.match(line)
        if match:
            starts.append(_row(index, match.group(1), match.group(2)))
        if line:
            row_open = bool(match or row_open) and not line.endswith("|")
    return starts


def headings(lines: list[str]) -> list[ItemStart]:
    """Moderngov pages saved without item numbers: each heading is a paragraph of one line.

    Example (the first item may be a bare sentence with no heading)::

        Items
        No. Item

        Members noted the evacuation procedure.

        Declarations of Interest pdf icon PDF 41 KB

        Nobody declared an interest.

    A heading carrying a link label or followed by ``Minutes:`` is certain;
    one recognised only by its shape (short, capitalised, no full stop) is
    a guess, and its item is marked weak. Without an "Items" marker the
    items begin at the first certain heading.
    """
    marker = next((i for i, line in enumerate(lines[:60]) if _ITEMS_MARKER.match(line.strip())), None)
    while marker is not None and marker + 1 < len(lines) and _ITEMS_MARKER.match(lines[marker + 1].strip()):
        marker += 1  # "Items" and then "No. Item"
    found = [(index, _heading_strength(lines, index)) for index in range(len(lines))]
    found = [(index, strong) for index, strong in found if strong is not None]
    begin = marker + 1 if marker is not None else next((i for i, strong in found if strong), None)
    if begin is None:
        return []
    found = [(index, strong) for index, strong in found if index >= begin]
    starts = [ItemStart(index, index + 1, None, lines[index], weak=not strong) for index, strong in found]
    first_text = _next_nonblank(lines, begin)
    if marker is not None and first_text is not None and (not starts or first_text < starts[0].line):
        starts.insert(0, ItemStart(first_text, first_text, None, ""))
    return starts if len(starts) >= 2 and any(not start.weak for start in starts) else []


def _heading_strength(lines: list[str], index: int) -> bool | None:
    """True for a certain heading at `index`, False for a likely one, None for none."""
    text = lines[index].strip()
    alone = (index == 0 or not lines[index - 1].strip()) and (index + 1 == len(lines) or not lines[index + 1].strip())
    if not text or not alone or _ITEMS_MARKER.match(text):
        return None
    after = _next_nonblank(lines, index + 1)
    if LINK_NOISE.search(text) or (after is not None and lines[after].strip().startswith(MINUTES_LABEL)):
        return True
    words = text.split()
    shaped = (
        text[0].isupper() and len(words) <= _MAX_HEADING_WORDS and not re.search(r"[.,;:!?]$", text)
        and text.lower() not in _ONE_WORD_REPLIES
        and not re.search(r":\s*\S", text) and find_date(text) is None and after is not None
    )
    return False if shaped else None


RULES: dict[str, Rule] = {
    "pipe-rows": pipe_rows,
    "pipe-table": pipe_table,
    "reference-rows": reference_rows,
    "heading-reference": heading_reference,
    "moderngov": moderngov,
    "split-number": split_number,
    "own-line": own_line,
    "inline": inline,
}

FALLBACK_RULES: dict[str, Rule] = {
    "headings": headings,
}
