"""Figures in minutes text: amounts, percentages and counts, each with the sentence it stands in.

    "with 1 million in funding being allocated"      → amount 1 million (no £ sign needed)
    "£30,000 would pay for two detached youth workers" → amount £30,000; count two "detached youth workers"
    "ASB incidents were down by 28.1%"                → percent 28.1%
    "19 Antisocial Behaviour hotspots had been identified" → count 19 "Antisocial Behaviour hotspots"

A bare number is a figure only when it is money, a percentage, or is
followed by the plural noun it counts; dates, years, times, references
("item 15", "SSP/4/23", "2011/12") and durations ("12 months") are not.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate

from assistant.dates import MONTH, find_dates
from assistant.facts import Figure, FigureKind
from assistant.sentences import sentences

_WORD_NUMBERS = {
    word: value for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split())
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
     "hundred": 100, "dozen": 12}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}
_FIGURE = re.compile(
    r"(?<![\w/.,£-])(?P<pound>£\s?)?"
    rf"(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{'|'.join(_WORD_NUMBERS)})\b)"
    r"(?:\s?(?P<scale>million|billion|thousand|bn|mn|m|k)\b)?"
    r"(?P<percent>\s?(?:%|per\s?cent\b|percent\b))?"
    r"(?![\w/]|[.-]\d|-\w)",
    re.IGNORECASE,
)
_NOT_A_COUNT_BEFORE = re.compile(
    rf"\b(?:items?|targets?|sections?|chapters?|pages?|paragraphs?|para|no|nos|number|minute|phase|per|{MONTH})\.?\s*$"
    r"|\bof\s+(?:which|whom|these|those)\s*$",  # "27 cases, of which 5 concerned ...": 5 is not counting "concerned"
    re.IGNORECASE,
)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:{MONTH})\b", re.IGNORECASE)
_STOP = frozenset(
    """of the a an and or to in on at for from by with was were had has have is are be been being that which who
    would will could should may might under over out across per than as during between within into were this
    these those their its it there""".split()
)
_DURATIONS = frozenset(
    "years months weeks days hours minutes seconds times decades nights monthly weekly yearly daily annual".split()
)
_IRREGULAR_PLURALS = frozenset("people children staff police men women personnel youth".split())
_UNIT_WORDS = re.compile(r"^\s+((?:[A-Za-z][\w'’&-]*\s*){1,4})")  # a count's noun is at most four words on
# What is read either side of a number: enough for "paragraphs. 15" or "15 detached youth workers", and
# bounded, so a sentence of a million numbers costs time in proportion to its length, not its square.
_BEFORE_CHARS, _AFTER_CHARS = 60, 200


def figures(text: str, position: int) -> list[Figure]:
    """Every figure in `text`, in reading order, with its sentence."""
    found: list[Figure] = []
    for sentence in sentences(text):
        found += [Figure(value, number, kind, unit, position, sentence)
                  for value, number, kind, unit in _in_sentence(sentence)]
    return found


def _in_sentence(sentence: str) -> Iterator[tuple[str, float | None, FigureKind, str | None]]:
    dates = sorted((d.start, d.end) for d in find_dates(sentence))
    starts, reach = [start for start, _ in dates], list(accumulate((end for _, end in dates), max))
    for match in _FIGURE.finditer(sentence):
        earlier = bisect_right(starts, match.start())  # dates starting at or before the number
        if (earlier and match.start() < reach[earlier - 1]) or _is_date_or_reference(sentence, match):
            continue
        value = match.group().strip()
        number = _value(match)
        if match.group("percent"):
            yield value, number, "percent", None
            continue
        unit = _unit(sentence[match.end() : match.end() + _AFTER_CHARS])
        money = bool(match.group("pound")) or (match.group("scale") or "").lower() in ("million", "billion")
        if money and not (unit and not match.group("pound")):
            yield value, number, "amount", None
        elif unit and not _is_year(match):
            yield value, number, "count", unit


def _is_date_or_reference(sentence: str, match: re.Match[str]) -> bool:
    """"5 July", "March 23", "item 15", "9.30am" are not figures."""
    before = sentence[max(0, match.start() - _BEFORE_CHARS) : match.start()]
    after = sentence[match.end() : match.end() + _AFTER_CHARS]
    if match.group("percent") or match.group("pound"):
        return False
    return bool(_NOT_A_COUNT_BEFORE.search(before) or _MONTH_AFTER.match(after)
                or re.match(r"^\s?(?:a\.?m\b|p\.?m\b|hrs\b|o'clock\b)", after, re.IGNORECASE))


def _is_year(match: re.Match[str]) -> bool:
    number = match.group("number")
    return bool(re.fullmatch(r"(?:19|20)\d\d", number)) and not match.group("scale")


def _value(match: re.Match[str]) -> float | None:
    raw = match.group("number").lower()
    value = float(_WORD_NUMBERS[raw]) if raw in _WORD_NUMBERS else float(raw.replace(",", ""))
    scale = (match.group("scale") or "").lower()
    return value * _SCALES[scale] if scale else value


def _unit(after: str) -> str | None:
    """The plural noun phrase a number counts (``detached youth workers``), as written, else None."""
    words = _UNIT_WORDS.match(after)
    if not words:
        return None
    kept: list[str] = []
    for word in words.group(1).split():
        if word.lower() in _STOP:
            break
        kept.append(word)
    while kept and not _plural(kept[-1]):
        kept.pop()
    if not kept or kept[-1].lower() in _DURATIONS or kept[0].lower() in _DURATIONS:
        return None
    return " ".join(kept)


def _plural(word: str) -> bool:
    lower = word.lower()
    return lower in _IRREGULAR_PLURALS or (
        lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s")) and len(lower) > 3
    )
