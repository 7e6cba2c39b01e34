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
from ingest.layouts import RULES, ItemStart

_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_FIRST = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")

_LABELS = {
    "present": "present",
    "officers": "officers",
    "also in attendance": "in_attendance",
    "in attendance": "in_attendance",
    "apologies": "apologies",
    "apologies for absence": "apologies",
    "venue": "venue",
    "contact": "contact",
    "chair": "chair",
}
_LABEL_LINE = re.compile(rf"^\s*({'|'.join(sorted(_LABELS, key=len, reverse=True))})\s*:\s*(.*)$", re.IGNORECASE)
_COMMITTEE_WORDS = re.compile(
    r"\b(partnership|committee|board|cabinet|panel|forum|group|commission|council|authority|assembly|executive)\b",
    re.IGNORECASE,
)
# Patterns that run on whole documents start a whitespace run only at its first character (`(?<!\s)`) and
# bound what they search ahead for, so their cost is linear in the text (tests/test_linear.py).
_LINK_NOISE = re.compile(r"(?<!\s)\s*pdf icon\s*PDF\s*[\d.]+\s*[KM]B", re.IGNORECASE)
_DECISION = re.compile(r"\b(AGREED|RESOLVED)\b")
_AND = re.compile(r"(?<!\s)\s+and\s+(?![^(]{0,200}\))")  # "and" outside parentheses
_HELD = re.compile(r"\bA meeting of (?:the )?(.{1,200}?) was held\b", re.IGNORECASE)
_NAME_THEN_DAY = re.compile(r"^(.{0,200}?\S)\s+[-–]\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_CHAIR = re.compile(r"(?<!\s)\s*\((?:chair|chairman|chairwoman|chairperson|in the chair)\)", re.IGNORECASE)


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
    metadata file); what the text states wins. The date is never guessed: an
    undated document gives ``date=None``. A document with no recognisable
    items becomes a single item and carries a warning.
    """
    lines = normalise(text).split("\n")
    layout, starts = _best_layout(lines)
    header_lines = lines[: starts[0].line] if starts else lines[:15]
    fields = _header_fields(header_lines)
    warnings: list[str] = []
    if starts:
        items = _items(lines, starts, table=layout == "pipe-table")
        header = _tidy(header_lines, table=False)
    else:
        warnings.append(f"{Path(source).name}: no agenda items recognised; indexed as one item")
        items = [AgendaItem(position=1, number=None, title="", text=_tidy(lines, table=False))]
        header = ""
    return Meeting(
        id=meeting_id or slug(Path(source).stem),
        committee=fields.get("committee") or committee or "Unknown committee",
        date=fields.get("date") or date,
        source=source,
        items=tuple(items),
        venue=fields.get("venue"),
        chair=fields.get("chair"),
        present=fields.get("present", ()),
        apologies=fields.get("apologies", ()),
        officers=fields.get("officers", ()),
        in_attendance=fields.get("in_attendance", ()),
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
        ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C"
        else ("" if unicodedata.category(ch) == "Cf" else " ")
        for ch in text
    )
    return re.sub(r"\n(?:[ \t]*\n){2,}", "\n\n", text)  # HTML and PDF text leave runs of blank lines


def slug(value: str) -> str:
    """``Safer Stockton 2023`` → ``safer-stockton-2023``: ids that survive URLs and shells."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "meeting"


def find_date(text: str) -> dt.date | None:
    """The first real calendar date written out in `text`, or None."""
    found: list[tuple[int, dt.date]] = []
    for pattern, order in ((_DAY_FIRST, "dmy"), (_MONTH_FIRST, "mdy"), (_NUMERIC, "num")):
        for match in pattern.finditer(text):
            value = _to_date(match.groups(), order)
            if value:
                found.append((match.start(), value))
    return min(found)[1] if found else None


def _to_date(groups: tuple[str, ...], order: str) -> dt.date | None:
    try:
        if order == "dmy":
            return dt.date(int(groups[2]), _MONTH_NAMES[groups[1].lower()], int(groups[0]))
        if order == "mdy":
            return dt.date(int(groups[2]), _MONTH_NAMES[groups[0].lower()], int(groups[1]))
        return dt.date(int(groups[2]), int(groups[1]), int(groups[0]))
    except ValueError:
        return None


def _best_layout(lines: list[str]) -> tuple[str, list[ItemStart]]:
    """The rule that recognises the most items; earlier rules win ties."""
    best_name, best = "", list[ItemStart]()
    for name, rule in RULES.items():
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
    title = _LINK_NOISE.sub("", title)
    return re.sub(r"\s+", " ", title).strip().rstrip(":").strip()


def _tidy(lines: list[str], table: bool) -> str:
    """Join lines into paragraphs: labels and table pipes dropped, blank runs folded."""
    out: list[str] = []
    for raw in lines:
        line = re.sub(r"^\s*Minutes:\s*", "", raw) if raw.lstrip().startswith("Minutes:") else raw
        line = _LINK_NOISE.sub("", line)
        if table:
            line = line.rstrip()
            line = line[:-1].rstrip() if line.endswith("|") else line
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


def _header_fields(lines: list[str]) -> dict:
    """Committee, date, venue, chair and attendance lists from the header lines."""
    fields: dict = {}
    text = "\n".join(lines)
    fields["date"] = find_date(text)
    fields["committee"] = _committee(lines)
    for label, value in _labelled_blocks(lines).items():
        if label == "venue":
            fields["venue"] = value
        elif label == "chair":
            fields["chair"] = value.strip().rstrip(".")
        elif label != "contact":
            fields[label] = tuple(_people(value))
    if "chair" not in fields:
        chair = next((p for p in fields.get("present", ()) if _CHAIR.search(p)), None)
        if chair:
            fields["chair"] = _CHAIR.sub("", chair).strip()
    return fields


def _labelled_blocks(lines: list[str]) -> dict[str, str]:
    """``Present: a, b`` style blocks; a block runs until a blank line or the next label."""
    blocks: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        match = _LABEL_LINE.match(line)
        if match:
            current = _LABELS[match.group(1).lower()]
            blocks.setdefault(current, []).append(match.group(2))
        elif current and line.strip():
            blocks[current].append(line)
        else:
            current = None
    return {label: " ".join(part.strip() for part in parts).strip() for label, parts in blocks.items()}


def _people(value: str) -> list[str]:
    """Split an attendance list on commas, semicolons and "and", outside parentheses."""
    if value.strip().rstrip(".").lower() in {"none", "n/a", "nil", ""}:
        return []
    parts, depth, current = [], 0, ""
    for ch in value:
        depth += (ch == "(") - (ch == ")")
        if ch in ",;" and depth <= 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    people = []
    for part in parts:
        people += _AND.split(part)
    return [p.strip().rstrip(".").strip() for p in people if p.strip().rstrip(".").strip()]


def _committee(lines: list[str]) -> str | None:
    text = " ".join(line.strip() for line in lines)
    match = _HELD.search(text)
    if match:
        return match.group(1).strip()
    for line in lines:
        match = _NAME_THEN_DAY.match(line.strip())
        if match:
            return match.group(1).strip()
    names = [
        line.strip()
        for line in lines
        if line.strip() and ":" not in line and not re.search(r"\d", line) and len(line.split()) <= 8
        and _COMMITTEE_WORDS.search(line)
    ]
    names.sort(key=lambda name: bool(re.search(r"\bcouncil$", name, re.IGNORECASE)))
    if not names:
        return None
    name = names[0]
    if not name.isupper():
        return name
    words = name.title().split()
    small = {"And", "Of", "For", "The", "In", "On", "To", "With"}
    return " ".join([words[0]] + [w.lower() if w in small else w for w in words[1:]])
