"""Terms: lower-cased, stemmed content words, and how rare each is in the index.

Stemming is the English Snowball stemmer, as in the keyword index, so a word
of a question meets the same word in any form in the minutes.
"""
from __future__ import annotations

import importlib.util
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from assistant.glossary import Glossary
from assistant.vocabulary import EXPANSIONS, QUESTION_WORDS, SPELLINGS

# Every pattern here runs on whole minutes, so each is linear in its input (a backtracking
# hyphenated-word pattern once made one 50,000-letter word cost 26 s). See tests/test_linear.py.
# A figure is one word, its separators kept or dropped as the same figure is written both ways: "12.4%" is
# "12.4" (not "12" and a dropped "4"), "£1,250,000" and "1250000" are "1250000". A standing item
# repeats its sentences with other figures each meeting, so a figure is often the word that tells two apart.
_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|[A-Za-z0-9]+")
_HYPHENATED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")  # every letter word; those with a hyphen are kept
MAX_TERM_CHARS = 40  # longer "words" are noise (an unbroken run of letters), not terms anyone asks about
_TYPO_MIN_LETTERS = 5  # shorter words are too often right but unknown (names, places) to be corrected
_TYPO_WORD = re.compile(rf"\b[A-Za-z]{{{_TYPO_MIN_LETTERS},{MAX_TERM_CHARS}}}\b")
_SURFACE_ENDINGS = ("", "e", "s", "y", "ate", "ment", "ion", "ing", "ed", "al")
_ENDINGS = frozenset(["", "s", "d", "ed", "es", "ing", "hood", "hoods", "ly", "able", "ment"])
_IZE = re.compile(r"(?<=[a-z]{3})iz(e|es|ed|ing|ation|ations|er|ers)$")  # organize, prioritization

@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """bm25s's English stop words (the list the keyword index was first built with).

    Read from that one module file on its own: importing the bm25s package pulls in SciPy, a fifth of a
    second of every ``minutes ask``, for a list of words.
    """
    spec = importlib.util.find_spec("bm25s")  # finds the package without running it
    if spec is None or spec.origin is None:
        raise ImportError("bm25s is not installed")
    module_spec = importlib.util.spec_from_file_location("_bm25s_stopwords", Path(spec.origin).with_name("stopwords.py"))
    if module_spec is None or module_spec.loader is None:
        raise ImportError("bm25s has no stopwords module")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(module.STOPWORDS_EN_PLUS)


def is_stopword(word: str) -> bool:
    """Whether `word` (lower case) is too common to be a term ("any", "the", "in")."""
    return word in _stopwords()


def terms(text: str) -> list[str]:
    """Stemmed content terms of `text`, in time linear in its length; words over `MAX_TERM_CHARS` are dropped."""
    return _stemmer().stemWords([w for w in _words(text) if w not in QUESTION_WORDS])


def keyword_terms(text: str) -> list[str]:
    """Stemmed words of `text` as the keyword index holds and matches them: `terms` plus question words.

    Question words stay in the index ("meeting" finds attendance blocks); a
    term from `terms` is always one of these, so its document frequency is
    the keyword index's.
    """
    return _stemmer().stemWords(_words(text))


def _words(text: str) -> list[str]:
    """Lower-cased words of `text`, less stop words, single characters and runs over `MAX_TERM_CHARS`."""
    stop = _stopwords()
    # "anti-social" must meet "antisocial", and "off-road" "Off Road": keep the parts and the joined word.
    joined = [w.replace("-", "") for w in _HYPHENATED.findall(text) if "-" in w]
    raw = [w.lower().replace(",", "") for w in _WORD.findall(text) + joined if len(w) <= MAX_TERM_CHARS]
    return [_spelling(w) for w in raw if w not in stop and len(w) > 1]


@lru_cache(maxsize=65536)
def _spelling(word: str) -> str:
    """One spelling for words written two ways (`SPELLINGS`; ``-ize`` as ``-ise``), in the index and in questions."""
    for form, common in SPELLINGS:
        if word.startswith(form) and not word.startswith(common) and word[len(form):] in _ENDINGS:
            return common + word[len(form):]
    return _IZE.sub(r"is\1", word)


@lru_cache(maxsize=4096)
def alternatives(term: str) -> frozenset[str]:
    """The term and the stems that count as the same word in the minutes."""
    extra = [more for key, group in EXPANSIONS.items()
             if (term.startswith(key[:-1]) if key.endswith("*") else term == key) for more in group]
    return frozenset([term, *_stemmer().stemWords(extra)])


class TermStats:
    """Document frequencies over the indexed chunks, to weigh rare words above common ones."""

    def __init__(self, documents: Sequence[str] | int, glossary: Glossary | None = None,
                 frequency: Callable[[str], int] | None = None,
                 vocabulary: Callable[[], Iterable[str]] | None = None) -> None:
        """Statistics of `documents` counted here, or of an index: their number, and `frequency` to look a term up.

        An index answers term by term from disk, so no process holds the
        vocabulary of a whole archive; each answer is remembered for the life
        of these statistics, and must count a passage as the glossary makes it.

        `glossary` makes a passage that writes "anti-social behaviour" count as using "ASB", and back.
        `vocabulary` lists
        every term of the index, read only when a question has a misspelt word
        (see `corrected`).
        """
        self.glossary = glossary or Glossary()
        if isinstance(documents, int):
            self.documents, self._lookup = max(documents, 1), frequency or (lambda term: 0)
            self._vocabulary = vocabulary or (lambda: ())
        else:
            counts = Counter(term for document in documents for term in set(self.terms(document)))
            self.documents, self._lookup = max(len(documents), 1), lambda term: counts.get(term, 0)
            self._vocabulary = counts.keys
        self._frequency: dict[str, int] = {}
        self._known_terms: list[str] | None = None

    def frequency(self, term: str) -> int:
        """In how many indexed chunks `term` occurs (as the glossary makes them)."""
        if term not in self._frequency:
            self._frequency[term] = self._lookup(term)
        return self._frequency[term]

    def terms(self, text: str) -> list[str]:
        """`terms` of `text` and of the glossary's other forms of the abbreviations and long forms it uses."""
        return terms(self.glossary.augment(text))

    def corrected(self, text: str, keep: Callable[[str], bool] | None = None,
                  near: Callable[[str], list[str]] | None = None) -> str:
        """`text` with each word the index never uses, but whose stem is a letter or two off one it does ("goverment",
        "seperately", "commitee"), replaced by a word with that stem: a typo should not turn a question into a refusal.

        Short words (under `_TYPO_MIN_LETTERS`), abbreviations in capitals, words the glossary knows and words `keep`
        says are spelt right (an ordinary word: "earlier" is not a typo of "easier") are left alone; the nearest stem
        must start with the same letter (see `_nearest` for which of the nearest wins). First, though, an ordinary
        word one slip away (`near`) whose stem the index uses: "presentaton" is far from the stem "present", not from
        "presentation"; "refernce" is "reference", not a name two letters off ("Redfern").
        """
        def fix(match: re.Match[str]) -> str:
            word = match.group(0)
            found = terms(word)
            if len(found) != 1 or word.isupper() or self.known(found[0]) or self.glossary.expand(word.lower()) \
                    or (keep is not None and keep(word)):
                return word
            # A word that shapes the question ("happend": "happened") is mended though the minutes never use it.
            mended = next((other for other in (near(word) if near else []) if other in QUESTION_WORDS
                           or (stems := terms(other)) and all(map(self.known, stems))), None) or self._nearest(found[0], keep)
            return word if mended is None else mended.capitalize() if word[0].isupper() else mended
        return _TYPO_WORD.sub(fix, text)

    def _nearest(self, term: str, keep: Callable[[str], bool] | None = None) -> str | None:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        if self._known_terms is None:
            self._known_terms = [known for known in self._vocabulary() if len(known) > 2 and known.isalpha()]
        limit = 1 if len(term) <= 6 else 2  # edits, two letters swapped counting as one ("reprot")
        found = process.extract(term, self._known_terms, scorer=OSA.distance, score_cutoff=limit, limit=20)
        # The same first letter; then the nearest, the longer (a typo drops a letter more often than it adds one),
        # the more frequent; and a word that stems to it, so the mended question reads as words (one `keep` knows,
        # "addition" rather than the bare stem "addit", when there is one).
        close = sorted((int(distance), -len(known), -self.frequency(known), str(known)) for known, distance, _ in found
                       if known[0] == term[0])
        for *_, known in close:
            words = [known + end for end in _SURFACE_ENDINGS if keyword_terms(known + end) == [known]]
            if words:
                return next((word for word in words if keep is not None and keep(word)), words[0])
        return None

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
        present = set(self.terms(text))
        return sum(self.idf(t) for t in set(query_terms) if alternatives(t) & present)
