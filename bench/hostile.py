"""Hostile text, timed by hand: ``python -m bench.hostile``.

Term extraction on one unbroken word of 10k, 20k and 50k letters (a
backtracking pattern once made these 1.1 s, 4.3 s and 26.6 s per call), and
the text stages of ingest (parse, meeting facts, term statistics) on one
200,000-character line of letters and on 1 MB documents, beside a normal 1 MB
document of minutes. `tests/test_linear.py` asserts the same bound in the
test suite; this prints the numbers.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from assistant.terms import TermStats, terms
from ingest.facts import extract_facts
from ingest.parse import parse_minutes

MB = 1_000_000
_NORMAL = Path(__file__).resolve().parent.parent / "data" / "safer-stockton-partnership-2012-08-14.txt"


def _seconds(work: Callable[[str], object], text: str) -> float:
    started = time.perf_counter()
    work(text)
    return time.perf_counter() - started


def _ingest_text(text: str) -> None:
    meeting = parse_minutes(text, "hostile.txt")
    extract_facts(meeting)
    TermStats([f"{item.title}\n{item.text}" for item in meeting.items])


def main() -> None:
    terms("warm up the stemmer")
    for letters in (10_000, 20_000, 50_000):
        print(f"terms, one word of {letters:>6,} letters   {_seconds(terms, 'a' * letters):8.3f} s")
    normal = (_NORMAL.read_text(encoding="utf-8") * (MB // _NORMAL.stat().st_size + 1))[:MB]
    documents = {
        "one 200,000-letter line": "a" * 200_000,
        "1 MB, one word": "a" * MB,
        "1 MB, one line of words": ("word " * (MB // 5)),
        "1 MB, one run of spaces": "Word" + "\u2003" * MB + "x",
        "1 MB of normal minutes": normal,
    }
    for name, text in documents.items():
        print(f"parse, facts, terms: {name:<24} {_seconds(_ingest_text, text):8.3f} s")


if __name__ == "__main__":
    main()
