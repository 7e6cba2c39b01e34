"""Attendance lists → `Attendee` records: name, organisation, role and kind, each with its source.

Minutes print attendance in a few ways, all handled here::

    Present: Geoff Lee (Chairman); Cllr Jim Beall, Mike Batty, Claire Sills (Borough Council); ...
    Present: Cllr Steve Nelson (Chair), John Bentley, (Safe in Tees Valley), Marc Anderson, Sharon Cooney (Police)
    Present: Cllr Dana Price - Chair
             Insp Owen Hart, Harbourside Police
    Apologies: Alex Sinclair and Sean Ormerod.

An organisation in brackets belongs to the name before it and, in a
semicolon-separated list, to every name in its group; in a list without
semicolons it also covers the names just before it that have none (not
councillors, who represent no organisation there). A bracketed role
(``Chairman``, ``Cabinet Member for ...``) is the person's own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.facts import HEADER_POSITION, Attendee, AttendeeKind
from assistant.sentences import sentences
from assistant.vocabulary import (
    ATTENDANCE_LABELS,
    BODY_WORDS,
    COUNCILLOR_TITLES,
    NOBODY,
    PERSON_TITLES,
    ROLE_WORDS,
    TABLE_HEADINGS,
    is_role,
)

# A label may run on in words that add nothing ("Officers present for all or part of the meeting:").
LABEL_LINE = re.compile(
    rf"^\s*({'|'.join(sorted(map(re.escape, ATTENDANCE_LABELS), key=len, reverse=True))})"
    r"(?:\s+(?:for|all|or|part|of|the|at|this|meeting|members|present|received|given|sent))*(?:\s*:|\s+[-–—])\s*(.*)$",
    re.IGNORECASE)  # "Apologies:", "Apologies - Cllr Skeats"
# One name a line, as attendance lists alone below their label print them (blank lines between, or a "P"/"A"
# column saying who was present and who absent): "Councillor Cook (Chair)", "P  Peter Crew (Chairman)".
_PERSON_TITLE = rf"(?:{'|'.join(sorted(PERSON_TITLES, key=len, reverse=True))})"
_NAME_ROW = re.compile(rf"^\s*(?:[PA]\s+)?(?:{_PERSON_TITLE}\.?\s+)?[A-Z][\w'’.-]*"
                       r"(?:\s+[A-Z][\w'’.-]*){0,4}\s*(?:\([^)]{1,80}\)|(?:,|\s[-–—])\s*[\w'’.&-]+(?:\s+[\w'’.&-]+){0,6})?"
                       r"\s*$")
_INITIALS = re.compile(rf"^\s*[A-Z]{{2,3}}\s+(?={_PERSON_TITLE}\b|[A-Z][a-z])")  # "NB Nick Bowman"
_UNLABELLED_ROWS = 3
_ROLE_CHARS = 80  # the most characters a role's words run to on either side of its "and"
_PRESENCE_MARK = re.compile(r"^\s*(?P<mark>[PA])\s+(?=[A-Z])", re.MULTILINE)
_KINDS: dict[str, AttendeeKind] = {
    "present": "member", "officers": "officer", "in_attendance": "in_attendance", "apologies": "apologies",
    "contact": "contact",
}
_DASH = re.compile(r"\s+[-–—]\s+")
_CONNECTOR = re.compile(r"\s(?:of|for|and|the|on|in)\s", re.IGNORECASE)
_SENT_BY = r"(?:were|was)\s+(?:received|submitted|given|noted|tendered)\s+(?:from|on\s+behalf\s+of|by)\s+"
_ITEM_APOLOGIES = re.compile(rf"\bapologies(?:\s+for\s+absence)?\s+{_SENT_BY}(?P<names>.+?)\.?$", re.IGNORECASE)
_FOLLOWING = re.compile(r"^\s*(?:the\s+following|as\s+follows)\s*:?\s*$", re.IGNORECASE)
_SUBSTITUTED = re.compile(r"^\s*(?P<absent>[^–—]+?)\s+[-–—]\s+(?P<substitute>.+?)\s+(?:substituted|substituting|"
                          r"attended\s+as\s+(?:a\s+)?substitute)\.?\s*$", re.IGNORECASE)
_NAME_LINE_WORDS = 12  # a line of a list of names, with a substitute; longer is the minutes going on
_LIST_LEAD = re.compile(rf"^\s*{_SENT_BY}", re.IGNORECASE)  # "Apologies for absence:\nwere submitted on behalf of A and B."


@dataclass(frozen=True)
class Block:
    """One labelled header block: `label` (a value of `ATTENDANCE_LABELS`) and `text`, the exact
    header substring after the label up to the block's end (it may span lines)."""

    label: str
    text: str
    start: int  # offset of `text` in the header


def labelled_blocks(header: str) -> list[Block]:
    """``Present: a, b`` style blocks of `header`; a block runs until a blank line or the next label. A label alone
    on its line ("Committee Members:") takes the lines below it, one name a line, blank lines between or not."""
    blocks: list[Block] = []
    offset = 0
    current: tuple[str, int, int] | None = None  # label, start, end
    listed = False  # the current block's label stood alone: its names follow, one a line
    for line in header.split("\n"):
        match = LABEL_LINE.match(line)
        empty = current is not None and not header[current[1]:current[2]].strip()
        if not line.strip() and current and (listed or empty):
            if empty:
                current = (current[0], offset + len(line) + 1, offset + len(line) + 1)  # still waiting for its names
        elif current and listed and not match and not _table_headings(line) and (empty or _NAME_ROW.match(line)):
            current = (current[0], current[1], offset + len(line))  # its first line, then one name a line
        elif match or not line.strip() or _table_headings(line) or listed:
            if current:
                blocks.append(Block(current[0], header[current[1] : current[2]], current[1]))
            current = (ATTENDANCE_LABELS[match.group(1).lower()], offset + match.start(2), offset + len(line)) \
                if match else None
            listed = match is not None and not match.group(2).strip()
        elif current:
            current = (current[0], current[1], offset + len(line))
        offset += len(line) + 1
    if current:
        blocks.append(Block(current[0], header[current[1] : current[2]], current[1]))
    return blocks


def _table_headings(line: str) -> bool:
    words = line.replace("|", " ").lower().split()
    return bool(words) and all(word in TABLE_HEADINGS for word in words)


def header_attendees(header: str) -> list[Attendee]:
    """Everyone on the header's attendance lists, in the order printed; with no ``Present:`` list, an unlabelled run
    of name lines (see `_unlabelled`) is who was there."""
    people: list[Attendee] = []
    chair: Block | None = None
    blocks = labelled_blocks(header)
    if not any(block.label == "present" for block in blocks):
        people += _unlabelled(header)
    for block in blocks:
        if block.label == "present" and _PRESENCE_MARK.search(block.text):
            people += _marked(block.text)
        elif block.label in _KINDS:
            lead = _LIST_LEAD.match(block.text)
            names = block.text[lead.end() :] if lead else block.text
            people += _attendees(names, _KINDS[block.label], HEADER_POSITION)
        elif block.label == "chair":
            chair = block
    return _with_chair_label(people, chair) if chair else people


def _unlabelled(header: str) -> list[Attendee]:
    """The longest run of at least `_UNLABELLED_ROWS` consecutive lines that each hold one name with its body or role
    in brackets ("Nick Bowman (Sussex Police)"), after the initials the minutes then use for them ("NB Nick Bowman
    (Sussex Police)"): the people present, listed without a label."""
    runs: list[list[str]] = [[]]
    for line in header.split("\n"):
        row = _INITIALS.sub("", line, count=1)
        if "(" in row and _NAME_ROW.match(row) and not LABEL_LINE.match(line):
            runs[-1].append(row.strip())
        elif runs[-1]:
            runs.append([])
    longest = max(runs, key=len)
    if len(longest) < _UNLABELLED_ROWS:
        return []
    people: list[Attendee] = []
    for row in longest:
        people += [replace(person, source=row) for person in _attendees(row, "member", HEADER_POSITION)]
    return people


def _marked(text: str) -> list[Attendee]:
    """A list with a presence column: "P  Peter Crew (Chairman)" was there, "A  Reyna Knight" sent apologies."""
    people: list[Attendee] = []
    for line in text.split("\n"):
        mark = _PRESENCE_MARK.match(line)
        if mark is not None:
            kind: AttendeeKind = "member" if mark.group("mark") == "P" else "apologies"
            people += _attendees(line[mark.end():], kind, HEADER_POSITION)
    return people


def item_apologies(text: str, position: int) -> list[Attendee]:
    """Apologies minuted as an item: "Apologies for absence were received from Cllr A and Cllr B.", or "... from
    the following:" and a name a line ("Stephen McDonnell - Joan Hancox substituted": the substitute was there)."""
    people: list[Attendee] = []
    lines = sentences(text)
    for index, sentence in enumerate(lines):
        match = _ITEM_APOLOGIES.search(sentence)
        if match and _FOLLOWING.match(match.group("names")):
            for line in lines[index + 1:]:
                if len(line.split()) > _NAME_LINE_WORDS or _ITEM_APOLOGIES.search(line):
                    break
                people += _absent(line, position)
        elif match:
            people += _attendees(match.group("names"), "apologies", position)
    return people


def _absent(line: str, position: int) -> list[Attendee]:
    """One line of a list of apologies: the name, and a substitute named with it, who was there."""
    substituted = _SUBSTITUTED.match(line)
    if substituted is None:
        return _attendees(line, "apologies", position)
    absent = _attendees(substituted.group("absent"), "apologies", position)
    role = f"substitute for {absent[0].name}" if len(absent) == 1 else "substitute"  # whose place they took
    there = [replace(person, role=person.role or role, source=line.strip())
             for person in _attendees(substituted.group("substitute"), "member", position)]
    return absent + there


def _with_chair_label(people: list[Attendee], block: Block) -> list[Attendee]:
    """A ``Chair: NAME`` line marks that person (adding them when no list names them)."""
    name = block.text.strip().rstrip(".")
    if not name:
        return people
    for index, person in enumerate(people):
        if person.name == name or person.name.endswith(f" {name}") or name.endswith(f" {person.name}"):
            people[index] = replace(person, role=person.role or "Chair")
            return people
    return [Attendee(name, None, "Chair", "member", HEADER_POSITION, name), *people]


@dataclass
class _Entry:
    """One name in a list while it is being read: its span in the list text and what was found.

    `shared_end` is where the brackets that gave it its group's organisation end, so its source reaches them.
    """

    start: int
    end: int
    name: str
    role: str | None = None
    organisation: str | None = None
    group: int = 0
    bracketed: bool = False
    shared_end: int = 0


def _attendees(text: str, kind: AttendeeKind, position: int) -> list[Attendee]:
    if text.strip().rstrip(".").lower() in NOBODY:
        return []
    separators = ",\n" if _one_per_line(text) else ","
    entries: list[_Entry] = []
    for group, (start, piece) in enumerate(split_list(text, ";")):
        entries += _entries(piece, start, group, separators)
    _share_organisations(entries, semicolons=";" in text)
    return [Attendee(e.name, e.organisation, e.role, kind, position, text[e.start : max(e.end, e.shared_end)].strip())
            for e in entries]


def _entries(piece: str, start: int, group: int, separators: str) -> list[_Entry]:
    """The names in one group; a bare ``(Body)`` or a ``, Body`` after a name is that name's."""
    out: list[_Entry] = []
    for part_start, part in split_list(piece, separators, and_too=True):
        begin = start + part_start + len(part) - len(part.lstrip())
        raw = part.strip().rstrip(".").strip()
        if not raw:
            continue
        entry = _entry(raw, begin, group)
        if entry is not None and entry.name:
            out.append(entry)
        elif out:
            _annotate(out[-1], raw.strip("()"))
            out[-1].end = begin + len(raw)
            out[-1].bracketed |= raw.startswith("(")
    return out


def _entry(raw: str, begin: int, group: int) -> _Entry | None:
    """`raw` as a person (name, then bracketed or dashed role/organisation), or None if it names a body or role."""
    name, brackets = raw, ""
    if "(" in raw:
        name, _, rest = raw.partition("(")
        brackets = rest.rsplit(")", 1)[0]
    elif _DASH.search(raw):
        name, brackets = _DASH.split(raw, maxsplit=1)
        if is_role(name) and _looks_like_person(brackets.strip()):  # "Democratic Services Officer - Jo Bloggs"
            name, brackets = brackets, name
    name = name.strip().rstrip(",").strip()
    if name and not brackets and not _looks_like_person(name):
        return None
    entry = _Entry(begin, begin + len(raw), _without_plural_title(name), group=group, bracketed="(" in raw)
    for detail in _split_plain(brackets):
        _annotate(entry, detail)
    return entry


def _annotate(entry: _Entry, detail: str) -> None:
    detail = detail.strip()
    if not detail:
        return
    if is_role(detail) and entry.role is None:
        entry.role = detail
    elif entry.organisation is None:
        entry.organisation = detail


def _share_organisations(entries: list[_Entry], semicolons: bool) -> None:
    """Give a group's organisation (and a plural role, "PCC Candidates") to its names that state none."""
    for index, entry in enumerate(entries):
        if not entry.bracketed:
            continue
        shared_role = entry.role if entry.role and entry.role.endswith("s") else None
        for before in reversed(entries[:index]):
            if before.group != entry.group or before.bracketed or before.organisation:
                break
            if not semicolons and _is_councillor(before.name) and not shared_role:
                break
            before.organisation = entry.organisation
            before.role = before.role or shared_role
            before.shared_end = entry.end


def _one_per_line(text: str) -> bool:
    """Whether each line is an entry: no line ends as a list wrapped onto the next one would (",", ";", "and")."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return len(lines) > 1 and not any(line.endswith((",", ";", " and")) for line in lines[:-1])


def _looks_like_person(name: str) -> bool:
    """Not a body ("Harbourside Police", "SBC", "Office of the PCC") nor a bare role ("Community Safety Manager")."""
    words = name.split()
    if len(words) >= 2 and _is_councillor(name) and words[1][:1].isupper() and words[-1] not in BODY_WORDS:
        return True  # "Councillor Lygo": the title is no role here ("Councillor for Children's Services" is)
    if not words or re.search(r"\d", name) or is_role(name):
        return False
    if words[-1] in BODY_WORDS or _CONNECTOR.search(f" {name} "):
        return False
    return not all(word.isupper() and len(word) > 1 for word in words)


def _is_councillor(name: str) -> bool:
    return name.split()[0].lower() in COUNCILLOR_TITLES if name.split() else False


def _without_plural_title(name: str) -> str:
    """``Councillors Jones`` (a title shared by a list) → ``Jones``."""
    return re.sub(r"^(?:Councillors|Cllrs)\.?\s+", "", name)


def split_list(text: str, separators: str, and_too: bool = False) -> list[tuple[int, str]]:
    """`text` cut at `separators` (and at " and ") outside brackets: (offset, piece) pairs, nothing dropped."""
    pieces: list[tuple[int, str]] = []
    depth, start = 0, 0
    index = 0
    while index < len(text):
        ch = text[index]
        depth += (ch == "(") - (ch == ")")
        cut = 0
        if depth <= 0 and ch in separators:
            cut = 1
        elif depth <= 0 and and_too and text.startswith(" and ", index) and not _one_role(text, start, index, separators):
            cut = 5
        if cut:
            pieces.append((start, text[start:index]))
            start = index + cut
            index += cut
            continue
        index += 1
    pieces.append((start, text[start:]))
    return pieces


def _one_role(text: str, start: int, at: int, separators: str) -> bool:
    """Whether " and " at `at` joins the words of one role ("Committee and Member Services Officer", "Police and
    Crime Commissioner"): one word before it, and a role word ending the words after it, up to the next separator."""
    if at - start > _ROLE_CHARS:
        return False  # no one word before it; and a long text is read once, not once per "and"
    before = re.split(r"\s[-–—]\s", text[start:at])[-1].split()  # "Jane Doe - Committee and ..."
    after = re.split(f"[{re.escape(separators)}(]", text[at + 5: at + 5 + _ROLE_CHARS], maxsplit=1)[0].split()
    return len(before) == 1 and bool(after) and after[-1].rstrip(".") in ROLE_WORDS


def _split_plain(text: str) -> list[str]:
    return [piece for _, piece in split_list(text, ",")] if text else []
