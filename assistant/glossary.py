"""Abbreviations both ways: "ASB" ↔ "anti-social behaviour", learnt from the minutes and an optional file.

The minutes define most of their own abbreviations ("Violence With Injury
(VWI)"); `ingest.definitions` finds them at ingest and each meeting stores
its own (`MeetingFacts.definitions`, copied into its meeting record). A
`Glossary` merges them across the index, plus a TOML file for terms the
minutes never define::

    # glossary.toml (the `glossary` setting names it)
    [terms]
    ASB = "anti-social behaviour"
    PCC = ["Police and Crime Commissioner", "police and crime commissioners"]

Long forms match whatever their case, hyphens and spacing ("Anti-Social
Behaviour" = "anti-social behaviour" = "antisocial behaviour").
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

from assistant.errors import SettingsError


class Glossary:
    """Abbreviation ↔ long form pairs; `expand` looks a term up either way."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._forms: dict[str, set[str]] = {}  # key of a form → keys of its other forms
        self._shown: dict[str, str] = {}  # key → how the form is shown
        self._short: set[str] = set()  # keys that are abbreviations
        for abbreviation, long_form in pairs:
            self.add(abbreviation, long_form)
        self._patterns: tuple[re.Pattern[str], re.Pattern[str]] | None = None

    def add(self, abbreviation: str, long_form: str) -> None:
        short, long = _key(abbreviation), _key(long_form)
        if not short or not long or short == long:
            return
        self._shown.setdefault(short, abbreviation.strip())
        self._short.add(short)
        self._shown.setdefault(long, long_form.strip() if long_form.strip().isupper() else long_form.strip().lower())
        self._forms.setdefault(short, set()).add(long)
        self._forms.setdefault(long, set()).add(short)
        self._patterns = None

    def expand(self, term: str) -> set[str]:
        """The other forms of `term`: ``expand("ASB") == {"anti-social behaviour"}`` and back; empty if unknown."""
        return {self._shown[other] for other in self._forms.get(_key(term), ())}

    def named_in_part(self, text: str) -> set[str]:
        """The abbreviations `text` names by their long form less its last word, a service's kind ("youth offending"
        for "Youth Offending Team", YOT, and "Youth Offending Service", YOS): people name a service by its work. Not
        a partnership's or a board's ("community safety" is a subject, not the Community Safety Partnership)."""
        key = f" {_key(text)} "
        return {self._shown[short] for short in self._short for long in self._forms[short]
                if len(work := long.split()[:-1]) >= 2 and long.split()[-1] in _SERVICE_KINDS
                and f" {' '.join(work)} " in key}

    def pairs(self) -> list[tuple[str, str]]:
        """(abbreviation, long form) pairs, sorted, for display."""
        return sorted((self._shown[short], self._shown[long]) for short in self._short for long in self._forms[short])

    def augment(self, text: str) -> str:
        """`text` followed by the other forms of every glossary term it uses.

        Lets word matching find "ASB" in a passage that only says "anti-social
        behaviour", and the reverse, without touching the passage itself.
        Abbreviations count only in capitals ("ACT" is not "act").
        """
        if not self._forms:
            return text
        abbreviations, long_forms = self._regexes()
        found = {_key(m.group(1)) for m in abbreviations.finditer(text)}
        found |= {m.group() for m in long_forms.finditer(_key(text))}
        extra = sorted({self._shown[other] for key in found for other in self._forms.get(key, ())})
        return f"{text}\n{' '.join(extra)}" if extra else text

    def _regexes(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        if self._patterns is None:
            short = sorted((self._shown[key] for key in self._short), key=len, reverse=True)
            long = sorted((key for key in self._forms if key not in self._short), key=len, reverse=True)
            self._patterns = (
                re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, short)) or '(?!)'})s?(?![\w-])"),
                re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, long)) or '(?!)'})(?!\w)"),
            )
        return self._patterns


_SERVICE_KINDS = frozenset({"team", "service", "services", "unit"})
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SMALL = frozenset({"of", "and", "for", "the", "in", "on", "to", "with", "a", "an", "at", "by"})


def initials(name: str) -> str:
    """The initials of a name's capitalised words ("Any Other Business" → "AOB", "Fire and Rescue" → "FR")."""
    return "".join(word[0] for word in _TITLE_WORD.findall(name) if word[0].isupper())


def title_initials(titles: Iterable[str]) -> list[tuple[str, str]]:
    """(initials, name) for agenda titles of three or more capitalised words, and for each run of three or more of
    them: people write "AOB" for "Any Other Business", "CSP" for the "Community Safety Partnership" of "Maldon
    District Community Safety Partnership Update", though the minutes never do. The part of a title after a dash is
    a note ("- identification only")."""
    pairs = []
    for title in titles:
        name = re.split(r"\s[-–:]\s", title)[0].strip()
        words = name.split()
        main = [index for index, word in enumerate(words) if word.lower() not in _SMALL]
        if len(main) < 3 or not all(_TITLE_WORD.fullmatch(words[i]) and words[i][0].isupper() and not words[i].isupper()
                                    for i in main):
            continue
        for first in range(len(main) - 2):
            for last in range(first + 2, len(main)):
                run = " ".join(words[main[first]: main[last] + 1])
                pairs.append((initials(run), run))
    return list(dict.fromkeys(pairs))


def load_glossary_file(path: Path) -> list[tuple[str, str]]:
    """(abbreviation, long form) pairs from a glossary TOML file; `SettingsError` if it cannot be used."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"glossary file {path}: {error}") from error
    terms = data.get("terms", data)
    pairs: list[tuple[str, str]] = []
    for abbreviation, long_forms in terms.items():
        forms = [long_forms] if isinstance(long_forms, str) else long_forms
        if not isinstance(forms, list) or not all(isinstance(form, str) for form in forms):
            raise SettingsError(f"glossary file {path}: {abbreviation} must be a text or a list of texts")
        pairs += [(abbreviation, form) for form in forms]
    return pairs


def _key(form: str) -> str:
    """How forms are compared: lower case, hyphens joined, spaces single ("Anti-Social  Behaviour" → "antisocial behaviour")."""
    return " ".join(form.lower().replace("-", "").split())
