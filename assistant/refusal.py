"""Refusals that know what they do not know: what is missing, and where the nearest evidence is.

"The index holds no minutes from 2019; the nearest are 14 Feb 2017 and
11 Jan 2022." beats a bare "not found"; so does naming the closest item, and
saying that a body the question names appears only on an attendance list
(a body listed as present is not a report from it).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from assistant.answer import SourceRef
from assistant.dates import format_date, month_number
from assistant.facts import Attendee
from assistant.models import Meeting
from assistant.sentences import sentences
from assistant.terms import alternatives, terms
from assistant.vocabulary import BODY_WORDS, PEOPLE_IN_GENERAL, ROLE_WORDS

# "what did the fire brigade report ...", "what has Thirteen said ...": who is asked to have spoken.
_SAYING_VERBS = ("say", "said", "report", "reported", "raise", "raised", "present", "presented", "tell", "told", "mention",
                 "mentioned", "propose", "proposed", "ask", "asked")
_SPEAKER = re.compile(r"\bwhat\s+(?:did|has|have|do|does)\s+"
                      r"(?P<who>(?:(?!\b(?:when|where|why|how|about|after|before|agree\w*|decid\w*|resolv\w*)\b).){2,60}?)"
                      rf"\s+(?:{'|'.join(_SAYING_VERBS)})\b", re.I)
_SAYING = frozenset(terms(" ".join(_SAYING_VERBS)))
_SAID_AFTER = 2  # sentences after the one naming a speaker that may say what they said
_DOCUMENT = re.compile(r"\b(reports?|updates?|papers?|figures|data|statistics|stats|presentations?|reviews?|surveys?|"
                       r"documents?|letters?|briefings?)\b", re.I)
_GENERIC_SPEAKERS = frozenset(terms(" ".join(ROLE_WORDS | BODY_WORDS | set(PEOPLE_IN_GENERAL))))
# "what are the six outcomes", "what were the 3 priorities": a set the question counts and asks to be listed.
_COUNTED = re.compile(r"^\s*(?:what|which)\s+(?:are|were)\s+the\s+(?P<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|"
                      r"ten|eleven|twelve)\s+(?:\w+\s+){0,2}?(?P<what>\w+s)\b", re.I)
# "across the Cleveland area", "Cleveland-wide": the place a figure is given for, when a sentence says so.
_SCOPE = re.compile(r"\b(?:across|throughout)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:\s+(?:force\s+)?area|\s+region)?"
                    r"|\b[A-Z][\w'’]*-wide\b"
                    # "the figures for the Stockton local authority area": one place, not the region around it
                    r"|\b(?P<one>for\s+the\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+(?:local\s+authority\s+|borough\s+|district\s+|"
                    r"council\s+|force\s+)?area)\b")
_IN_PLACE = re.compile(r"\b(?:in|within|for)\s+(?:the\s+)?(?P<word>[A-Za-z][\w'’-]{2,})")
NOT_RECORDED = "The minutes in the index do not record an answer to that question."


def refusal_text(reason: str | None, closest: SourceRef | None, listed: str | None = None) -> str:
    """`reason` (or the plain "not recorded"), what the attendance lists show, then the closest item."""
    parts = [reason or NOT_RECORDED]
    if listed:
        parts.append(listed)
    if closest is not None:
        parts.append(f"The closest agenda item is {closest.heading}.")
    return " ".join(parts)


def listed_only(question: str, meetings: Iterable[Meeting]) -> tuple[Attendee, Meeting] | None:
    """The first attendee whose organisation (or role) the question asks to have spoken, with their meeting.

    None when the question asks what nobody said, or names no one listed.

    "What did the fire brigade report?" names "Tony Churchill (Cleveland Fire
    Brigade)"; an answer that never mentions the brigade does not answer it.
    """
    who = speaker(question)
    if who is None:
        return None
    wanted = set(terms(who))
    for meeting in meetings:
        for person in meeting.facts.attendees:
            if person.was_there and named(person, wanted):
                return person, meeting
    return None


def speaker(question: str) -> str | None:
    """Who a question asks to have spoken, as it words them: "the fire brigade" in "what did the fire brigade say"."""
    found = _SPEAKER.search(question)
    return " ".join(found.group("who").split()) if found else None


def unheard(question: str, passages: Sequence[tuple[str, str]], terms_of: Callable[[str], list[str]] = terms) -> bool:
    """Whether the question asks what someone said ("the fire brigade") and no passage that would answer names them
    where it speaks of the question's subject; `passages` are (item title, passage) pairs, read by `terms_of` (the
    index's `TermStats.terms` names "the CSP" in a passage that writes "Community Safety Partnership", when the glossary
    pairs them).

    "What did the fire brigade say about hate crime?" is not answered by the
    hate crime report unless it says what the brigade said; nor "what did the
    Home Office say about hate crime" by a sentence naming the Home Office for
    something else ("... until released by the Home Office"): the speaker must
    be named in a sentence that, or one of the next `_SAID_AFTER`, names the
    subject, or in an item whose title names it ("Sandra Looby, Borough
    Commander, advised ..." under "Terrorism update"). "What did members say"
    names nobody in particular (role and body words alone), so is not judged here.
    """
    who = speaker(question)
    wanted = [term for term in terms(who or "") if term not in _GENERIC_SPEAKERS]
    if not wanted or _DOCUMENT.search(who or ""):
        return False  # "what have the crime reports said": a document speaks through its own passages
    about = set(terms(question)) - set(terms(who or "")) - _SAYING
    for title, passage in passages:
        said = [set(terms_of(sentence)) for sentence in sentences(passage) or [passage]]
        titled = set(terms_of(title))
        on_subject = all(alternatives(term) & titled for term in about)  # an item all about it
        for index, present in enumerate(said):
            named = sum(bool(alternatives(term) & present) for term in wanted) >= min(2, len(wanted))
            following = set().union(*said[index: index + 1 + _SAID_AFTER])
            if named and (on_subject or any(alternatives(term) & following for term in about)):
                return False
    return True


def listed_text(person: Attendee, meeting: Meeting) -> str:
    """"Tony Churchill (Cleveland Fire Brigade) is listed as present on 14 Aug 2012, but no item records what they said."."""
    when = f"on {format_date(meeting.date)}" if meeting.date else "at a meeting (date not stated)"
    return (f"{person.name} ({person.organisation or person.role}) is listed as present {when}, "
            "but no item records what they said.")


def named(person: Attendee, wanted: set[str]) -> bool:
    """Whether the question uses most words of the person's organisation (or role): "fire brigade" names "Cleveland
    Fire Brigade"; or the person's whole name ("gilly marshall")."""
    name = _group_terms(person.name)
    if len(name) >= 2 and all(alternatives(term) & wanted for term in name):
        return True
    group = _group_terms(person.organisation or person.role or "")
    if not group:
        return False
    present = sum(bool(alternatives(term) & wanted) for term in group)
    return present >= min(2, len(group))


@lru_cache(maxsize=4096)
def _group_terms(group: str) -> tuple[str, ...]:
    """The terms of an organisation or role: the same few recur in every attendance list an archive holds."""
    return tuple(terms(group))


# "exact date of the summit", "what day is it on": a day, not a month or a year.
_EXACT_DATE = re.compile(r"\b(?:exact|precise|actual|specific)\s+(?:date|day)\b|\bwhat\s+day\b|\bwhich\s+day\b", re.I)
_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|\b[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?\b(?!,?\s*\d{3})|"
                  r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


def no_exact_date(question: str, lead: str) -> str | None:
    """Why a sentence that dates something by its month or year alone ("a date in February being proposed") does
    not answer a question for its exact date or day."""
    if _EXACT_DATE.search(question) and not _DAY.search(lead):
        return "The minutes give no exact date for this."
    return None


def unlisted(question: str, lead: str) -> str | None:
    """Why a counted set the question asks for is missing: "The minutes mention six outcomes but do not list them."

    When the sentence that would answer "what are the six outcomes?" only
    counts them ("This plan would draw all that work in to six desired
    outcomes."), quoting it answers nothing; a list (a lead-in and its points)
    does. None when the question asks for no counted set, or the lead lists it.
    """
    found = _COUNTED.search(question)
    if found is None or ":" in lead or ";" in lead:
        return None
    count, what = found.group("count").lower(), found.group("what").lower()
    words = lead.lower().split()
    counted = any(word.strip(".,") == count and set(terms(" ".join(words[i + 1: i + 4]))) & set(terms(what))
                  for i, word in enumerate(words))
    return f"The minutes mention the {count} {what} but do not list them." if counted else None


def other_scope(question: str, lead: str, passage: str,
                elsewhere: Callable[[str], Iterable[str]] = lambda word: ()) -> str | None:
    """Why a sentence giving a figure for one place does not answer for another the question names: "19 hotspots
    had been identified across the Cleveland area" does not say how many are "in stockton", nor "the figures for the
    Stockton local authority area" what they are "in middlesbrough".

    The question's place is a word after "in", "within" or "for" that the sentence does not name and that the
    passage, or one of the `elsewhere(word)` passages of the index, writes as a name (capitalised within a
    sentence). None when the sentence gives no place of its own.
    """
    scope = _SCOPE.search(lead)
    if scope is None:
        return None
    named = set(terms(lead))
    for found in _IN_PLACE.finditer(question):
        word = found.group("word")
        if set(terms(word)) & named or month_number(word) is not None \
                or not any(_written_as_name(word, text) for text in (passage, *elsewhere(word))):
            continue
        alone = "" if scope.group("one") else " alone"  # a town within the region; another town beside this one
        return f"The minutes give this {scope.group(0)}, not for {word[:1].upper()}{word[1:]}{alone}."
    return None


def _written_as_name(word: str, passage: str) -> bool:
    """Whether `passage` writes `word` capitalised where a sentence does not start ("... – Stockton was")."""
    for found in re.finditer(rf"\b{re.escape(word[:1].upper() + word[1:].lower())}\b", passage):
        before = passage[: found.start()].rstrip()
        if before and before[-1] not in ".!?:\n•*-" and not before.endswith("\n"):
            return True
    return False
