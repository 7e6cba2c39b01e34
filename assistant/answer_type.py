"""What kind of fact a question asks for, and whether a sentence holds one.

"How many e-scooters were seized?" is not answered by a sentence about
seizing e-scooters that gives no count: such a question must be refused.
The checks are literal and local: the count must stand within a few words
of what the question is about.
"""
from __future__ import annotations

import re
from enum import Enum

from assistant.dates import CAPITALISED_MONTH
from assistant.text import alternatives, terms
from assistant.vocabulary import BODY_WORDS, ROLE_WORDS

_NEAR = 6  # words between a figure and the thing it counts

_PERCENT_Q = re.compile(r"^\s*(what|which) (percentage|proportion|share|rate)\b|\bwhat per ?cent\b", re.I)
_COUNT_Q = re.compile(r"^\s*how many\b|^\s*what (number|count)\b", re.I)
_AMOUNT_Q = re.compile(r"^\s*(how much|by how much|what (amount|figure|sum))\b", re.I)
_DATE_Q = re.compile(r"^\s*(when|what date|what time|on what (date|day)|which (date|day|month|year))\b", re.I)
_PERSON_Q = re.compile(r"^\s*(who|which (person|officer|member|councillor|candidates?))\b", re.I)

_MONTH = rf"({CAPITALISED_MONTH})"
_DATE = re.compile(
    rf"\b\d{{1,2}}(st|nd|rd|th)?\s+{_MONTH}\b|\b{_MONTH}\b(\s+\d{{1,2}}(st|nd|rd|th)?)?(,?\s+(19|20)\d\d)?|"
    r"\b(19|20)\d\d(/\d\d)?\b|\b\d{1,2}[.:]\d{2}\s*(am|pm|a\.m\.|p\.m\.)|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
)
_NUMBER_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozen|hundred|thousand|million|billion"
_FIGURE = re.compile(rf"^(£?\d[\d,.]*%?|{_NUMBER_WORDS})$", re.I)
# Capitalised words that name roles and bodies, not people.
_ROLES = ROLE_WORDS | BODY_WORDS | frozenset(
    """Update Report Minutes Agenda Item Democratic Support Contact Venue Present Apologies Also
    The A An And Of For In On At To""".split()
)


class AnswerType(Enum):
    ANY = "any"
    COUNT = "count"
    AMOUNT = "amount"
    PERCENT = "percent"
    DATE = "date"
    PERSON = "person"


def answer_type(question: str) -> AnswerType:
    for pattern, kind in ((_PERCENT_Q, AnswerType.PERCENT), (_COUNT_Q, AnswerType.COUNT), (_AMOUNT_Q, AnswerType.AMOUNT),
                          (_DATE_Q, AnswerType.DATE), (_PERSON_Q, AnswerType.PERSON)):
        if pattern.search(question):
            return kind
    return AnswerType.ANY


def holds(kind: AnswerType, sentence: str, wanted: list[str]) -> bool:
    """Whether `sentence` contains the kind of fact asked for (near the question's terms, for figures)."""
    if kind is AnswerType.ANY:
        return True
    if kind is AnswerType.DATE:
        return bool(_DATE.search(sentence))
    if kind is AnswerType.PERSON:
        return _has_person(sentence)
    return _figure_near_terms(kind, _DATE.sub(" DATE ", sentence), wanted)


def _figure_near_terms(kind: AnswerType, sentence: str, wanted: list[str]) -> bool:
    tokens = re.findall(r"£?\d[\d,.]*%?|[A-Za-z]+", sentence)
    figures = [i for i, token in enumerate(tokens) if _FIGURE.match(token) and _fits(kind, token)]
    if not figures:
        return False
    stems = [terms(token) for token in tokens]
    topical = [i for i, found in enumerate(stems) if any(alternatives(t) & set(found) for t in wanted)]
    return any(abs(f - t) <= _NEAR for f in figures for t in topical) or not wanted


def _fits(kind: AnswerType, figure: str) -> bool:
    if kind is AnswerType.PERCENT:
        return figure.endswith("%")
    if kind is AnswerType.COUNT:
        return not figure.endswith("%") and not figure.startswith("£")
    return True


def _has_person(sentence: str) -> bool:
    """Two or more capitalised words in a row, at least two of them not role or body words.

    A run that ends in a body word ("Safer Stockton Partnership", "Harbourside Police") names a body.
    """
    for run in re.findall(r"(?:\b[A-Z][a-z'’-]+(?:\s+|$)){2,}", sentence):
        words = run.split()
        if words[-1] not in BODY_WORDS and sum(word not in _ROLES for word in words) >= 2:
            return True
    return False
