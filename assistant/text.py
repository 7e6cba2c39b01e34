"""Sentences and terms: the small text tools that answering and checking share.

Sentences are exact substrings of the passage they come from, so a citation
can always be checked by plain containment. Terms are lower-cased, stemmed
content words (the English Snowball stemmer that BM25 uses too).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z0-9\"'“‘(•*–-])")
_LONG_LINE_WORDS = 60
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Cllr|Mr|Mrs|Ms|Dr|St|No|Nos|Co|Ltd|approx|vs|Sgt|Stg|Insp|Supt|Prof|Rev)\.|^\(?\d{1,2}[.)])$"
)

# Words that shape a question but say nothing about its topic.
QUESTION_WORDS = frozenset(
    """say said says tell told discuss discussed discussion mention mentioned meeting meetings minutes
    partnership committee happen happened update updates report reported know please give
    anything much many also would could since handle handled handling deal dealt respond responded
    sent send gave give given get got make made take took show showed list name named describe explain""".split()
)

# Attendance questions use words the minutes do not: "chaired" for "(Chairman)".
_EXPANSIONS = {
    "chair": ("chairman", "chairperson", "chairwoman"),
    "attend": ("present",),
    "apolog": ("apologies",),
    "held": ("venue",),
    "schedul": ("next",),
    "asb": ("antisocial",),
    "antisoci": ("asb",),
    "locat": ("venue",),
}


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN_PLUS

    return frozenset(STOPWORDS_EN_PLUS)


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
            if len(piece.split()) > _LONG_LINE_WORDS and ";" in piece:
                out += [part.strip() for part in piece.split(";") if part.strip()]
            elif piece.strip():
                out.append(piece.strip())
    return out


def _join_abbreviations(pieces: list[str]) -> list[str]:
    """Undo splits after "E.G.", "p.m." or "Cllr.": a full stop that ends an abbreviation, not a sentence."""
    out: list[str] = []
    for piece in pieces:
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def terms(text: str) -> list[str]:
    """Stemmed content terms of `text`."""
    return _stemmer().stemWords([w for w in _words(text) if w not in QUESTION_WORDS])


def keyword_terms(text: str) -> list[str]:
    """Stemmed words of `text` as the keyword index holds and matches them: `terms` plus question words.

    Question words stay in the index ("meeting" finds attendance blocks); a
    term from `terms` is always one of these, so its document frequency is
    the keyword index's.
    """
    return _stemmer().stemWords(_words(text))


def _words(text: str) -> list[str]:
    """Lower-cased words of `text`, less stop words and single characters."""
    stop = _stopwords()
    # "anti-social" must meet "antisocial", and "off-road" "Off Road": keep the parts and the joined word.
    joined = [w.replace("-", "") for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", text)]
    raw = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", text) + joined]
    return [w for w in raw if w not in stop and len(w) > 1]


@lru_cache(maxsize=4096)
def alternatives(term: str) -> frozenset[str]:
    """The term and the stems that count as the same word in the minutes."""
    extra = [more for key, group in _EXPANSIONS.items() if term.startswith(key) for more in group]
    return frozenset([term, *_stemmer().stemWords(extra)])


class TermStats:
    """Document frequencies over the indexed chunks, to weigh rare words above common ones.

    `frequency` answers for one term (the keyword index looks it up on disk),
    so no process holds the vocabulary of a whole archive; each answer is
    remembered for the life of these statistics.
    """

    def __init__(self, documents: int, frequency: Callable[[str], int]) -> None:
        self.documents = max(documents, 1)
        self._lookup = frequency
        self._frequency: dict[str, int] = {}

    @classmethod
    def of(cls, documents: list[str]) -> TermStats:
        """Statistics counted in memory over `documents` (for small, fixed texts)."""
        counts = Counter(term for document in documents for term in set(keyword_terms(document)))
        return cls(len(documents), lambda term: counts.get(term, 0))

    def frequency(self, term: str) -> int:
        """In how many indexed chunks `term` occurs."""
        if term not in self._frequency:
            self._frequency[term] = self._lookup(term)
        return self._frequency[term]

    def idf(self, term: str) -> float:
        """Unseen terms weigh most: a question about them is probably not answered here."""
        return math.log(1 + self.documents / (1 + self.frequency(term)))

    def known(self, term: str) -> bool:
        """Whether the indexed minutes use `term` (or a word that counts as the same)."""
        return any(self.frequency(alt) for alt in alternatives(term))

    def coverage(self, query_terms: list[str], text: str) -> float:
        """Share of the query's term weight that `text` contains (0..1)."""
        wanted = set(query_terms)
        if not wanted:
            return 0.0
        return self.overlap(query_terms, text) / sum(self.idf(t) for t in wanted)

    def overlap(self, query_terms: list[str], text: str) -> float:
        """Summed weight of the query terms that `text` contains."""
        present = set(terms(text))
        return sum(self.idf(t) for t in set(query_terms) if alternatives(t) & present)
