"""Abbreviations the minutes define: the raw material of the glossary (`assistant.glossary`).

    "Cleveland Unit for Reduction of Violence (CURV)"  → CURV = Cleveland Unit for Reduction of Violence
    "ACT (Action Counters Terrorism)"                  → ACT = Action Counters Terrorism
    "anti-social behaviour figures ... ASB incidents"  → ASB = anti-social behaviour (initials, same item)
    "Youth Offending Team: M. Sigsworth" ... "YOT Q3"    → YOT = Youth Offending Team (initials, a body present)

Written-out definitions count wherever they are. Without brackets, a phrase
counts only when it stands in the same item as the abbreviation and its
initials spell it: across items, "ASB" would meet "Adult Safeguarding Board".
The one exception is a body the attendance list names, a proper name.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.facts import HEADER_POSITION, Definition
from assistant.models import Meeting
from assistant.sentences import sentences
from assistant.vocabulary import PERSON_TITLES

_ABBREVIATION = r"[A-Z][A-Za-z&]{1,7}"
_BRACKETED = re.compile(rf"\((?P<abbr>{_ABBREVIATION})\)")
_LONG_IN_BRACKETS = re.compile(rf"\b(?P<abbr>{_ABBREVIATION})\s+\((?P<long>[A-Za-z][A-Za-z ,'’&-]{{3,80}})\)")
_ACRONYM = re.compile(r"\b([A-Z]{3,6})s?\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SKIPPABLE = frozenset({"of", "and", "for", "the", "in", "on", "to", "with", "&", "a", "an", "at", "by"})
_MAX_WORDS = 8
_BEFORE_CHARS = 400  # how far before "(ABBR)" its long form is looked for: far more than _MAX_WORDS * 2 words


def definitions(meeting: Meeting) -> list[Definition]:
    """The abbreviations `meeting` defines, the first definition of each."""
    blocks = [(HEADER_POSITION, meeting.header)] + [(i.position, f"{i.title}\n{i.text}") for i in meeting.items]
    found: dict[str, Definition] = {}
    for position, text in blocks:
        for sentence in sentences(text):
            for term, expansion in _written_out(sentence):
                found.setdefault(term, Definition(term, expansion, "defined", position, sentence))
    for definition in _by_initials(blocks, set(found)):
        found.setdefault(definition.term, definition)
    return list(found.values())


def _written_out(sentence: str) -> Iterator[tuple[str, str]]:
    """``Long Form (ABBR)`` and ``ABBR (Long Form)`` pairs whose initials agree."""
    for match in _BRACKETED.finditer(sentence):
        abbreviation = _letters(match.group("abbr"))
        if abbreviation:
            long_form = _phrase_before(sentence[max(0, match.start() - _BEFORE_CHARS) : match.start()], abbreviation)
            if long_form:
                yield match.group("abbr"), long_form
    for match in _LONG_IN_BRACKETS.finditer(sentence):
        abbreviation, long_form = _letters(match.group("abbr")), match.group("long").strip()
        if abbreviation and _spells(_words(long_form), abbreviation) == len(_words(long_form)):
            yield match.group("abbr"), long_form


def _letters(abbreviation: str) -> str | None:
    """``CSPs`` → ``CSP``; None unless it is (nearly all) capitals, as abbreviations are."""
    letters = abbreviation[:-1] if abbreviation.endswith("s") and abbreviation[:-1].isupper() else abbreviation
    letters = letters.replace("&", "")
    capitals = sum(ch.isupper() for ch in letters)
    return letters.upper() if len(letters) >= 2 and capitals >= len(letters) - 1 else None


def _words(text: str) -> list[str]:
    """Words with hyphenated parts apart ("Anti-Social" gives two initials)."""
    return _WORD.findall(text)


def _phrase_before(before: str, abbreviation: str) -> str | None:
    """The shortest run of words ending `before` whose initials spell `abbreviation`, as written."""
    spans = [(m.start(), m.group()) for m in _WORD.finditer(before)]
    for first in range(len(spans) - 1, max(-1, len(spans) - 1 - _MAX_WORDS * 2), -1):
        words = [word for _, word in spans[first:]]
        if _spells(words, abbreviation) == len(words) and words[0].lower() not in _SKIPPABLE:
            return before[spans[first][0]:].strip(" ,")
    return None


def _spells(words: list[str], letters: str) -> int:
    """How many of `words` are used when their initials spell `letters` (skipping small words); 0 if they cannot."""
    def match(w: int, letter: int) -> bool:
        if letter == len(letters):
            return w == len(words)
        if w == len(words):
            return False
        word = words[w]
        if word[0].upper() == letters[letter] and match(w + 1, letter + 1):
            return True
        return word.lower() in _SKIPPABLE and match(w + 1, letter)

    return len(words) if words and match(0, 0) else 0


def _by_initials(blocks: list[tuple[int, str]], known: set[str]) -> Iterator[Definition]:
    """Abbreviations used without a definition, matched to a phrase in the meeting whose initials spell them."""
    done = set(known)
    header = dict(blocks).get(HEADER_POSITION, "")
    for position, text in blocks:
        wanted = [term for term in dict.fromkeys(m.group(1) for m in _ACRONYM.finditer(text)) if term not in done]
        found = {term: (position, *spelt) for term, spelt in (_phrases_spelling(text, set(wanted)) if wanted else {}).items()}
        if position != HEADER_POSITION and (left := set(wanted) - set(found)):
            # A body the attendance list names ("Youth Offending Team: ...") is a proper name: its initials stand
            # for it anywhere in the meeting ("YOT Q3"), where a phrase of another item's prose would not.
            found |= {term: (HEADER_POSITION, *spelt) for term, spelt in _phrases_spelling(header, left).items()}
        for term in wanted:
            if term in found:
                done.add(term)
                where, phrase, sentence = found[term]
                yield Definition(term, phrase, "initials", where, sentence)


def _phrases_spelling(text: str, wanted: set[str]) -> dict[str, tuple[str, str]]:
    """For each of `wanted` that some phrase in `text` spells, the first such (phrase, sentence).

    A phrase is 2 to `_MAX_WORDS` words, neither first nor last a small word,
    with no abbreviation among them; it spells whatever its initials give,
    small words inside counted or skipped. One pass over the text finds every
    wanted abbreviation (one pass per abbreviation made a text full of them
    cost time in the square of its length).
    """
    prefixes = {term[:end] for term in wanted for end in range(len(term) + 1)}
    found: dict[str, tuple[str, str]] = {}
    for sentence in sentences(text):
        spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)]
        for first in range(len(spans)):
            if spans[first][2].lower() in _SKIPPABLE:
                continue
            spelled = {""}
            for last in range(first, min(len(spans), first + _MAX_WORDS)):
                word = spans[last][2]
                if word.isupper() and len(word) > 1 or word in PERSON_TITLES:
                    break  # a phrase holding an abbreviation does not define another, nor runs into a name ("Cllr ...")
                small = word.lower() in _SKIPPABLE
                spelled = {p + word[0].upper() for p in spelled if p + word[0].upper() in prefixes} | (
                    spelled if small else set())
                if small:
                    continue
                for term in sorted(spelled & wanted):
                    found.setdefault(term, (sentence[spans[first][0] : spans[last][1]], sentence))
    return found
