"""Page furniture: page breaks, running headers and footers, and the closing signature block.

A PDF's text (or a text file with form feeds, as ``pdftotext`` writes) comes
with a ``\\f`` between pages. Councils print the council's name, the meeting
and "Page 3 of 7" on every page; left in place, those lines would cut an item
that runs over a page break in two and be quoted as if they were minutes.
They are taken out of the flow here, kept verbatim (counted, not lost), and
every remaining line remembers its page. Lines the PDF broke at the margin
are rejoined, so a sentence is one line again.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

PAGE_BREAK = "\f"
_EDGE_LINES = 3  # lines at the top and at the bottom of a page that may be running headers or footers
_MAX_RUNNING_WORDS = 14
_LIST_START = re.compile(r"^\(?([a-z]|[ivx]{1,4})[.)]\s")  # "a) Apologies", "(ii) the budget", "b. Minutes"
_LONE_BULLET = re.compile(r"^\s*[•·▪●◦]\s*$")  # a bullet the converter left on a line of its own
_WRAPPED_LINES, _WRAPPED_SHARE = 3, 0.2  # lines that stop mid-sentence before a lower-case line: a hard-wrapped file
_BULLET = re.compile(r"^\s*[-–•*·]\s+\S")  # "- point", "• point": a bulleted list point
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:page\s+)?(\d{1,3})(?:\s*-)?$", re.IGNORECASE)
_PAGE_OF = re.compile(r"\bpage\s+\d{1,3}\s+of\s+\d{1,3}\b", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(?:signed|chair(?:man|person|woman)?|date[d]?)\b.*(?:\.{5,}|_{5,})", re.IGNORECASE)
_SIGNATURE_SPAN = 8  # a signature block sits within the last few lines


@dataclass(frozen=True)
class PagedText:
    """The body lines of a document, each with its page, and the furniture taken out.

    `pages[i]` is the 1-based page of `lines[i]`; `paged` is False for a
    document without page breaks (every line is then on page 1).
    `boilerplate` holds the removed lines verbatim, in document order.
    """

    lines: list[str]
    pages: list[int]
    boilerplate: tuple[str, ...]
    paged: bool

    @property
    def running(self) -> tuple[str, ...]:
        """The distinct removed lines, first occurrence first (for reading a council or date from them)."""
        return tuple(dict.fromkeys(line.strip() for line in self.boilerplate))


def paginate(text: str) -> PagedText:
    """Split normalised text at page breaks and take out running headers, footers and a signature block."""
    page_texts = text.split(PAGE_BREAK)
    page_lines = [page.split("\n") for page in page_texts]
    paged = len(page_lines) > 1
    running = _running_keys(page_lines) if paged else set()
    lines: list[str] = []
    pages: list[int] = []
    removed: list[str] = []
    for number, page in enumerate(page_lines, start=1):
        edges = _edge_indices(page) if paged else set()
        last = max(edges, default=-1)
        for index, line in enumerate(page):
            if index in edges and (_key(line) in running or _page_furniture(line, number, index == last)):
                removed.append(line.strip())
            else:
                lines.append(line)
                pages.append(number)
    signature = _signature_start(lines)
    removed += [line.strip() for line in lines[signature:] if line.strip()]
    lines, pages = lines[:signature], pages[:signature]
    lines, pages = _unwrapped(lines, pages, indented_only=not (paged or _hard_wrapped(lines)))
    return PagedText(lines, pages, tuple(removed), paged)


def _unwrapped(lines: list[str], pages: list[int], indented_only: bool = False) -> tuple[list[str], list[int]]:
    """Rejoin sentences a PDF broke at the margin: a line that goes on in lower case joins the one before.

    ``the developer would pay 640,000 pounds`` / ``towards school places``
    is one sentence; left as two lines, it would be quoted as two. In a text
    file (`indented_only`) only an indented line goes on, as a wrapped list
    point does (``- it was expected that there`` / ``  maybe an increase``);
    a line that starts a list (``a) Apologies``) never does. A bulleted point
    left mid-sentence (``- pleased that sexual exploitation was``) goes on in
    the lower-case paragraph after the blank lines that follow it
    (``included under vulnerability. ...``), whatever the file: the
    converter broke one point into two paragraphs.
    """
    out: list[str] = []
    out_pages: list[int] = []
    for line, page in zip(lines, pages):
        text = line.strip()
        if out and text and _LONE_BULLET.match(out[-1]):
            out[-1] = f"{out[-1].strip()} {text}"  # "·" on a line of its own, its point on the next
            continue
        goes_on = text[:1].islower() and not _LIST_START.match(text)
        point = _broken_point(out) if goes_on else None
        if out and out[-1].strip() and goes_on and (line[:1] in " \t" or not indented_only) and _unfinished(out[-1]):
            out[-1] = f"{out[-1].rstrip()} {text}"
        elif point is not None:
            # The blank lines between the two halves go (whitespace only: nothing is lost).
            del out[point + 1:], out_pages[point + 1:]
            out[point] = f"{out[point].rstrip()} {text}"
        else:
            out.append(line)
            out_pages.append(page)
    return out, out_pages


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether a text file was saved with its lines broken at a margin (copied from a web page or a PDF viewer):
    many lines stop mid-sentence and the next goes on in lower case. Such a file's lines are rejoined like a PDF's."""
    pairs = [(line, after) for line, after in zip(lines, lines[1:]) if line.strip() and after.strip()]
    broken = sum(_unfinished(line) and after.strip()[:1].islower() for line, after in pairs)
    return broken >= _WRAPPED_LINES and broken >= _WRAPPED_SHARE * len(pairs)


def _unfinished(line: str) -> bool:
    return not re.search(r"[.:;!?]$", line.rstrip())


def _broken_point(out: list[str]) -> int | None:
    """The index of the bulleted line just before some blank lines at the end of `out`, if it stops mid-sentence."""
    index = len(out) - 1
    while index >= 0 and not out[index].strip():
        index -= 1
    if index == len(out) - 1 or index < 0:
        return None
    last = out[index]
    return index if _BULLET.match(last) and _unfinished(last) else None


def _edge_indices(page: list[str]) -> set[int]:
    filled = [index for index, line in enumerate(page) if line.strip()]
    return set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])


def _key(line: str) -> str:
    """Lines that differ only in their numbers ("Page 2 of 7", "Page 3 of 7") share a key."""
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def _running_keys(page_lines: list[list[str]]) -> set[str]:
    """Keys of short lines found at the top or bottom of most pages (at least two)."""
    seen: Counter[str] = Counter()
    for page in page_lines:
        seen.update({_key(page[index]) for index in _edge_indices(page)})
    needed = max(2, (len(page_lines) + 1) // 2)
    return {
        key for key, count in seen.items()
        if count >= needed and key and len(key.split()) <= _MAX_RUNNING_WORDS and not key.endswith(".")
    }


def _page_furniture(line: str, page: int, last: bool) -> bool:
    """"Page 3 of 7" in an edge line, ``Page 3`` or ``- 3 -``, or a bare 3 as the page's last line.

    A bare number at the top of a page is left alone: it may be an agenda
    item's number on its own line.
    """
    text = line.strip()
    if _PAGE_OF.search(text):
        return True
    match = _PAGE_NUMBER.match(text)
    return match is not None and int(match.group(1)) == page and (last or not text.isdigit())


def _signature_start(lines: list[str]) -> int:
    """Where a closing ``Chair ........  Date ........`` block begins, or ``len(lines)`` if there is none."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    for index in filled[-_SIGNATURE_SPAN:]:
        if _SIGNATURE.match(lines[index].strip()):
            return index
    return len(lines)
