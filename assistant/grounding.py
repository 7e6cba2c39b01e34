"""Is a sentence supported by the passage it cites?

Used on every answer sentence, whatever produced it (the extractive path,
an LLM) and by the eval suite, which must judge answers independently of
how they were made. The rules are deliberately literal: every number, date
and proper name in the sentence must occur in the passage, and most of its
content words must too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.terms import terms
from assistant.vocabulary import DECISION_WORDS

MIN_CONTENT_SHARE = 0.6

_NUMBER = re.compile(r"(?<![A-Za-z0-9.])£?\d[\d,]*(?:\.\d+)?%?")
# Linear on long whitespace runs: each run is consumed once (a joiner, if any, is followed by its own spaces).
_NAME = re.compile(r"\b[A-Z][a-zA-Z'’&-]*(?:\s+(?:(?:of|on|in|and|for|the|de)\s*)?[A-Z][a-zA-Z'’&-]*)*")
_CAPITALISED_COMMON = frozenset(
    """The A An This That These Those It Its In On At Of For And But Or As By With From To Members Member
    Officers Officer There They He She We I Minutes Item Items It's What When Where Who How Why""".split()
) | frozenset(DECISION_WORDS)
_JOINERS = frozenset({"of", "on", "in", "and", "for", "the", "de"})
# `(?<!\s)`: a marker's leading spaces are matched from the first one only, not retried from each.
_CITATION_MARKER = re.compile(r"(?<!\s)\s*\[(\d+(?:\s*,\s*\d+)*)\]")


@dataclass(frozen=True)
class Support:
    """The checker's verdict on one sentence against one passage."""

    supported: bool
    missing: tuple[str, ...]
    content_share: float


def check(sentence: str, passage: str) -> Support:
    """Whether `passage` supports `sentence`; `missing` lists the numbers and names it lacks."""
    sentence = strip_markers(sentence)
    flat = " ".join(passage.split())
    missing = [n for n in numbers(sentence) if not _contains_number(flat, n)]
    lowered = flat.lower()
    missing += [name for name in names(sentence) if name.lower() not in lowered]
    wanted = set(terms(sentence))
    share = len(wanted & set(terms(flat))) / len(wanted) if wanted else 1.0
    return Support(supported=not missing and share >= MIN_CONTENT_SHARE, missing=tuple(missing), content_share=share)


def numbers(sentence: str) -> list[str]:
    return [m.group().lstrip("£").rstrip(",.") for m in _NUMBER.finditer(sentence)]


def names(sentence: str) -> list[str]:
    """Capitalised words and runs that are not merely sentence-initial or common words."""
    found = []
    for match in _NAME.finditer(sentence):
        words = match.group().split()
        first = next((i for i, word in enumerate(words) if not _common(word)), len(words))
        last = next((i for i in range(len(words) - 1, first - 1, -1) if not _common(words[i])), first - 1)
        words = words[first : last + 1]
        if not words:
            continue
        run = " ".join(words)
        before = _before(sentence, match.start())
        at_start = before == "" or before in ".:-•*"
        if at_start and len(words) == 1:
            continue
        found.append(run)
    return found


def _before(text: str, position: int) -> str:
    """The last character before `position` that is not whitespace ("" at the start)."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return text[position - 1] if position else ""


def _common(word: str) -> bool:
    """A capitalised word that does not make a name: sentence openers, joiners, minutes vocabulary."""
    return word in _CAPITALISED_COMMON or word.lower() in _JOINERS


def answer_sentences(text: str) -> list[str]:
    """An answer's sentences, each with the markers that follow it.

    A marker closes its sentence, so "A. B [1]" gives "A." (uncited) and
    "B [1]": a sentence must carry its own citation.
    """
    from assistant.sentences import sentences

    out = []
    for segment in re.split(r"(?<=\])\s+(?=\S)", text.strip()):
        pieces = sentences(segment) or [segment]
        out += [piece for piece in pieces if strip_markers(piece)]
    return out


def citation_numbers(sentence: str) -> list[int]:
    """The numbers inside ``[1]`` / ``[1, 2]`` markers."""
    return [int(n) for group in _CITATION_MARKER.findall(sentence) for n in group.split(",")]


def strip_markers(sentence: str) -> str:
    return _CITATION_MARKER.sub("", sentence).strip()


def marker_spans(text: str) -> list[tuple[int, int, tuple[int, ...]]]:
    """Where the ``[1]`` / ``[1, 2]`` markers of `text` stand (brackets only) and the numbers in each.

    Front ends use it to turn markers into links without their own copy of the marker rule.
    """
    return [(match.start(1) - 1, match.end(), tuple(int(n) for n in match.group(1).split(",")))
            for match in _CITATION_MARKER.finditer(text)]


def _contains_number(passage: str, number: str) -> bool:
    bare = number.replace(",", "")
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d])", passage) is not None or (
        bare != number and re.search(rf"(?<![\d.]){re.escape(bare)}(?![\d])", passage) is not None
    )
