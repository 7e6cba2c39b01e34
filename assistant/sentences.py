"""Sentences: the one splitter that parsing, chunking, answering and checking share.

Sentences are exact substrings of the passage they come from, so a citation
can always be checked by plain containment.
"""
from __future__ import annotations

import re

# Every pattern here runs on whole minutes, so each is linear in its input: no quantified run is
# followed by a test that can fail and send it back over the same characters. See tests/test_linear.py.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z0-9\"'“‘(•*–-])")
LONG_LINE_WORDS = 60  # a line longer than this is split at its semicolons (attendance lists)
_ABBREVIATION_TAIL = 16  # the abbreviation rule looks only at the end of a sentence; the longest needs 13 characters
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Cllr|Mr|Mrs|Ms|Dr|St|No|Nos|Co|Ltd|approx|incl|inc|excl|esp|vs|Sgt|Stg|Insp|Supt|Prof|Rev)\.|^\(?\d{1,2}[.)]"
    r"|\b(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]\.)$"  # "Councillor S. Farrer": an initial after a title
)


def sentences(text: str) -> list[str]:
    """Split `text` into sentences and list lines; each is an exact substring of `text`.

    Very long lines (attendance lists) are split at semicolons so a single
    name can be quoted without the whole list.
    """
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        for piece in _join_abbreviations(_SENTENCE_END.split(line)):
            if len(piece.split()) > LONG_LINE_WORDS and ";" in piece:
                out += [part.strip() for part in piece.split(";") if part.strip()]
            elif piece.strip():
                out.append(piece.strip())
    return out


def _join_abbreviations(pieces: list[str]) -> list[str]:
    """Undo splits after "E.G.", "p.m." or "Cllr.": a full stop that ends an abbreviation, not a sentence.

    Pieces are gathered and joined once, and only the end of the sentence so far is tested, so
    a line of a million "Mr." costs no more than a line of ordinary words.
    """
    groups: list[list[str]] = []
    tail = ""  # the end of the sentence being gathered
    for piece in pieces:
        if groups and _ABBREVIATION.search(tail):
            groups[-1].append(piece)
            tail = f"{tail} {piece[-_ABBREVIATION_TAIL:]}"[-_ABBREVIATION_TAIL:]
        else:
            groups.append([piece])
            tail = piece[-_ABBREVIATION_TAIL:]
    return [" ".join(group) for group in groups]
