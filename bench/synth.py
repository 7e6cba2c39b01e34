"""Synthetic council minutes, reproducible from a seed, for benchmarks and parser tests.

``python -m bench.synth OUT_DIR -n 100 --seed 1`` writes N minutes files in
the layout families the parser knows (like the real ones in data/ and
tests/fixtures/) and ``manifest.jsonl`` with each file's true committee,
council, date and items. Same seed, same bytes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

COMMITTEES = [
    "Safer Stockton Partnership", "Health and Wellbeing Board", "Planning Committee",
    "Children and Young People Select Committee", "Adult Social Care Board", "Licensing Committee",
    "Environment and Transport Scrutiny Committee", "Housing Partnership Board",
]
PEOPLE = ["Ann Bell", "Tom Hughes", "Priya Shah", "Mark Dunn", "Sarah Wilson", "Gary Knight", "Ruth Hill",
          "Jon Carling", "Kim Peirson", "Dave Toor", "Claire Sills", "Peter Bell", "Jane Humphreys", "Rob Donaghy"]
ORGS = ["Cleveland Police", "Cleveland Fire Brigade", "Public Health", "Catalyst", "Thirteen", "Probation",
        "Youth Offending Service", "Victim Support", "SBC Community Services"]
PLACES = ["Stockton Town Centre", "Thornaby", "Norton", "Billingham", "Ingleby Barwick", "Yarm", "Ropner Park",
          "Parkfield", "Hardwick", "Mandale"]
TOPICS = [
    ("Recorded Crime and Disorder Report", "recorded crime", "The Police presented figures on {thing} in {place}."),
    ("Anti-Social Behaviour Update", "anti-social behaviour", "Incidents of {thing} around {place} were discussed."),
    ("Prevent Update", "the Prevent duty", "Members received an update on {thing} and training for staff."),
    ("Youth Offending Performance", "youth offending", "Members were presented with data on {thing}."),
    ("Community Safety Plan", "the community safety plan", "Progress against {thing} priorities was reported."),
    ("Off-Road Bikes and E-Scooters", "off-road bikes", "Police reported seizures of {thing} in {place}."),
    ("Domestic Abuse Strategy", "domestic abuse", "The draft strategy on {thing} was presented."),
    ("Public Space Protection Order", "the PSPO", "An update on {thing} covering {place} was given."),
    ("Drug and Alcohol Services", "drug treatment", "Commissioners described changes to {thing}."),
    ("Serious Violence Duty", "serious violence", "The Violence Reduction Unit described work on {thing}."),
    ("Hate Crime Awareness", "hate crime", "Partners discussed reporting of {thing} in {place}."),
    ("Fire Safety in the Home", "home fire safety visits", "The Fire Brigade reported on {thing}."),
]
SENTENCES = [
    "Members noted that {thing} had {moved} by {pct}% compared with the same period last year.",
    "Officers explained that {count} cases had been recorded in {place} during the quarter.",
    "Funding of £{money} had been allocated for {year}/{next_year} to support the work.",
    "{person} ({org}) said that partners would continue to monitor the position closely.",
    "Members asked whether the approach could be extended to {place}, which officers agreed to consider.",
    "A further report would be brought to the meeting in {month} {year}.",
    "It was highlighted that {count} referrals had been made since {month}.",
    "Concerns were raised about the resources available, and {person} agreed to write to {org}.",
    "The partnership welcomed the joint work between {org} and {org2}.",
    "Residents in {place} had been consulted and {pct}% supported the proposals.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
COUNCILS = ["Harbourside Borough Council", "Kestrel Vale Borough Council", "Northmoor District Council"]


def _paragraphs(rng: random.Random, topic: tuple[str, str, str], year: int) -> list[str]:
    title, thing, opener = topic
    values = dict(thing=thing, place=rng.choice(PLACES))
    paragraphs = [opener.format(**values)]
    for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 6])):
        sentences = []
        for _ in range(rng.randint(1, 4)):
            sentences.append(rng.choice(SENTENCES).format(
                thing=thing, moved=rng.choice(["fallen", "risen"]), pct=round(rng.uniform(1, 45), 1),
                count=rng.randint(3, 900), place=rng.choice(PLACES), money=f"{rng.randint(5, 950) * 1000:,}",
                year=year, next_year=str(year + 1)[2:], person=rng.choice(PEOPLE), org=rng.choice(ORGS),
                org2=rng.choice(ORGS), month=rng.choice(MONTHS)))
        paragraphs.append(" ".join(sentences))
    if rng.random() < 0.3:
        paragraphs.append("The following points were made:-\n" + "\n".join(
            f"{rng.choice(['•', '-', '*'])} {rng.choice(SENTENCES).format(thing=thing, moved='fallen', pct=12, count=40, place=rng.choice(PLACES), money='10,000', year=year, next_year='25', person=rng.choice(PEOPLE), org=rng.choice(ORGS), org2=rng.choice(ORGS), month=rng.choice(MONTHS))}"
            for _ in range(rng.randint(2, 4))))
    paragraphs.append(rng.choice(["AGREED that the report be noted.", "RESOLVED that the update be noted.",
                                  "AGREED that:-\n1. The report be noted.\n2. A further update be received."]))
    return paragraphs


def _items(rng: random.Random, year: int) -> list[dict]:
    opening = [("Apologies for Absence", ["Apologies for absence were noted."]),
               ("Declarations of Interest", ["There were no declarations of interest."]),
               ("Minutes", [f"The minutes of the meeting held on {rng.randint(1, 28)} {rng.choice(MONTHS)} {year} "
                            "were agreed as a correct record."])]
    middle = [(t[0], _paragraphs(rng, t, year)) for t in rng.sample(TOPICS, rng.randint(3, 10))]
    closing = [("Any Other Business", ["There was no other business."]),
               ("Date of Next Meeting", [f"The next meeting would be held on {rng.randint(1, 28)} "
                                         f"{rng.choice(MONTHS)} {year}."])]
    items = [{"title": t, "paragraphs": p, "restricted": False} for t, p in opening + middle + closing]
    if rng.random() < 0.3:
        items.insert(-2, {"title": "Comparative Data - iQuanta (restricted)", "restricted": True,
                          "paragraphs": ["Members were presented with a restricted report.",
                                         "AGREED that the report be noted."]})
    return items


def _header(committee: str, date: dt.date, rng: random.Random) -> str:
    present = ", ".join(f"{p} ({rng.choice(ORGS)})" for p in rng.sample(PEOPLE, 6))
    chair = rng.choice(PEOPLE)
    return (f"{committee}\n\nA meeting of {committee} was held on {date:%A}, {date.day} {date:%B %Y}.\n\n"
            f"Present: Cllr {chair} (Chair), {present}\n\nOfficers: {rng.choice(PEOPLE)} (Democratic Services)\n\n"
            f"Apologies: {rng.choice(PEOPLE)} and {rng.choice(PEOPLE)}.\n\n")



_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NOT_A_FIGURE = re.compile(r"\s*(?:" + "|".join(MONTHS) + r"|am\b|pm\b|/)", re.I)


def renumbered(text: str, seed: str) -> str:
    """`text` with other figures: each count, sum and percentage gets new digits of the same shape, from `seed`.

    The large-scale load copies meetings; copies that kept every figure would
    be exact duplicates, which a real archive never holds (the same standing
    items recur with other figures). Years, days of a month, times and item
    references (``4/23``) keep theirs, so dates and facts still hold; the
    length of the text does not change.
    """
    def other(found: re.Match[str]) -> str:
        figure = found.group(0)
        if re.fullmatch(r"(?:19|20)\d\d", figure) or _NOT_A_FIGURE.match(text, found.end()) or \
                (found.start() and text[found.start() - 1] == "/"):
            return figure
        rng = random.Random(f"{seed}:{figure}")
        digits = iter([str(rng.randint(1, 9))] + [str(rng.randint(0, 9)) for _ in figure])
        return "".join(next(digits) if ch.isdigit() else ch for ch in figure)

    return _FIGURE.sub(other, text)

@dataclass(frozen=True)
class Meeting:
    """One synthetic meeting to render: who met, when, under which council, and its items."""

    committee: str
    council: str
    date: dt.date
    items: list[dict]
    rng: random.Random

    @property
    def prefix(self) -> str:
        return "".join(word[0] for word in self.committee.split() if word[0].isupper())[:4]

    @property
    def bodies(self) -> list[str]:
        return ["\n\n".join(item["paragraphs"]) for item in self.items]

    @property
    def titles(self) -> list[str]:
        return [item["title"] for item in self.items]


Rendered = tuple[str, list, list]  # the text, and the items' numbers and titles as the parser should read them


def _moderngov(m: Meeting) -> Rendered:
    numbers = [f"{m.prefix}/{n}/{m.date:%y}" for n in range(1, len(m.items) + 1)]
    text = (f"Agenda and minutes\n\n{m.committee} - {m.date:%A} {m.date.day}th {m.date:%B, %Y} 9.30 am\n\n"
            f"Venue: Jim Cooke Conference Suite, Stockton Central Library\n\nItems\nNo. Item\n\n")
    text += "".join(f"{n}\n\n{t}{_link(m.rng)}\n\nMinutes:\n\n{b}\n\n" for n, t, b in zip(numbers, m.titles, m.bodies))
    return text, numbers, m.titles


def _own_line(m: Meeting) -> Rendered:
    numbers = [str(n) for n in range(1, len(m.items) + 1)]
    text = _header(m.committee, m.date, m.rng) + "".join(
        f"{n}\n\n{t}\n\n{b}\n\n" for n, t, b in zip(numbers, m.titles, m.bodies))
    return text, numbers, m.titles


def _inline(m: Meeting) -> Rendered:
    numbers, n = [], 0
    for _ in m.items:
        n += m.rng.choice([1, 1, 1, 2])
        numbers.append(str(n))
    text = _header(m.committee, m.date, m.rng) + "".join(
        f"{n} {t}\n\n{b}\n\n" for n, t, b in zip(numbers, m.titles, m.bodies))
    return text, numbers, m.titles


def _pipe_table(m: Meeting) -> Rendered:
    """Undated, committee unknown: the table export states only the venue."""
    text = "Venue: Jim Cooke Conference Suite, Church Road, Stockton on Tees\nContact: Democratic Services\nNo. | Item |\n"
    text += "".join(f"{t} Minutes: {b.replace(chr(10) + chr(10), ' ')} |\n" for t, b in zip(m.titles, m.bodies))
    return text, [None] * len(m.items), m.titles


def _split_number(m: Meeting) -> Rendered:
    start = m.rng.randint(20, 300)
    numbers = [f"{m.prefix} {start + n}/{m.date:%y}" for n in range(len(m.items))]
    text = (f"{m.council}\n\n{m.committee}\n\nMINUTES OF MEETING HELD ON {m.date.day} {m.date:%B %Y}".upper()
            + "\n\n" + _header(m.committee, m.date, m.rng).split("\n\n", 2)[2] + "Item    Description    Decision\n\n")
    text += "".join(f"{m.prefix}\n{n.split()[1]}\n{t}\n{b}\n\n" for n, t, b in zip(numbers, m.titles, m.bodies))
    return text, numbers, m.titles


def _headings(m: Meeting) -> Rendered:
    """A moderngov page saved without numbers; the first item is a bare housekeeping sentence."""
    text = (f"{m.council}\n\nAgenda and minutes\n\n{m.committee} - {m.date:%A} {m.date.day}th {m.date:%B, %Y} 2.00 pm"
            f"\n\nVenue: Council Chamber\n\nItems\nNo. Item\n\nMembers noted the evacuation procedure.\n\n")
    text += "".join(f"{t}{_link(m.rng)}\n\n{b}\n\n" for t, b in zip(m.titles, m.bodies))
    return text, [None] * (len(m.items) + 1), ["", *m.titles]


def _pipe_rows(m: Meeting) -> Rendered:
    """Undated: rows opened by a bare ``|``, each row's text over several lines; the only date is another meeting's."""
    text = "Venue: Council Chamber\nNo. | Item |\n"
    text += "".join(f"|\n{t} Minutes: {b.replace(chr(10) + chr(10), chr(10))} |\n" for t, b in zip(m.titles, m.bodies))
    return text, [None] * len(m.items), m.titles


def _reference_rows(m: Meeting) -> Rendered:
    """``SSP 1/09 | text |`` rows with no title cell."""
    numbers = [f"{m.prefix} {n}/{m.date:%y}" for n in range(1, len(m.items) + 1)]
    text = _header(m.committee, m.date, m.rng)
    text += "".join(f"{n} | {b.replace(chr(10) + chr(10), chr(10))} |\n" for n, b in zip(numbers, m.bodies))
    return text, numbers, [""] * len(m.items)


def _paged(m: Meeting) -> Rendered:
    """PDF-like text: form feeds between pages, the council and meeting atop each page, "Page n of N" below."""
    text, numbers, titles = _inline(m)
    lines = text.rstrip("\n").split("\n") + ["", "Chair: ....................   Date: ...................."]
    pages = [lines[at: at + _PAGE_LINES] for at in range(0, len(lines), _PAGE_LINES)]
    running = f"{m.council}\n{m.committee} - {m.date.day} {m.date:%B %Y}\n"
    text = "\f".join(running + "\n".join(page) + f"\nPage {n} of {len(pages)}\n" for n, page in enumerate(pages, start=1))
    return text, numbers, titles


def _link(rng: random.Random) -> str:
    return " pdf icon PDF 120 KB" if rng.random() < 0.4 else ""


_PAGE_LINES = 40
RENDERERS = {
    "moderngov": _moderngov, "own-line": _own_line, "inline": _inline, "pipe-table": _pipe_table,
    "split-number": _split_number, "headings": _headings, "pipe-rows": _pipe_rows,
    "reference-rows": _reference_rows, "paged": _paged,
}
LAYOUTS = tuple(RENDERERS)
UNDATED = ("pipe-table", "pipe-rows")
_STATES_COUNCIL = ("split-number", "headings", "paged")


def render(layout: str, meeting: Meeting) -> Rendered:
    """The file text in one layout, and the items' numbers and titles as the parser should read them."""
    return RENDERERS[layout](meeting)


def generate(out_dir: Path, n: int, seed: int = 1, layouts: tuple[str, ...] = LAYOUTS) -> list[dict]:
    """Write `n` meetings to `out_dir` (with manifest.jsonl); returns the manifest rows."""
    rng = random.Random(seed)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for index in range(n):
        committee = rng.choice(COMMITTEES)
        date = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 20))
        layout = layouts[index % len(layouts)]
        council = COUNCILS[index % len(COUNCILS)]
        items = _items(rng, date.year)
        text, numbers, titles = render(layout, Meeting(committee, council, date, items, rng))
        slug = committee.lower().replace(" ", "-")
        dated = layout not in UNDATED
        name = f"{slug}-{date.isoformat()}-{index:05d}.txt" if dated else f"{slug}-undated-{index:05d}.txt"
        (out_dir / name).write_text(text, encoding="utf-8")
        restricted = [False] * (len(numbers) - len(items)) + [i["restricted"] for i in items]
        rows.append({"file": name, "layout": layout, "committee": committee,
                     "council": council if layout in _STATES_COUNCIL else None,
                     "date": date.isoformat() if dated else None,
                     "items": [{"number": num, "title": title, "restricted": flag}
                               for num, title, flag in zip(numbers, titles, restricted)],
                     "words": len(text.split())})
    with (out_dir / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        manifest.writelines(json.dumps(row) + "\n" for row in rows)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description="Write synthetic minutes files.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--layouts", default=",".join(LAYOUTS))
    args = parser.parse_args()
    rows = generate(args.out_dir, args.n, args.seed, tuple(args.layouts.split(",")))
    print(f"{len(rows)} meetings, {sum(len(r['items']) for r in rows)} items in {args.out_dir}")


if __name__ == "__main__":
    main()
