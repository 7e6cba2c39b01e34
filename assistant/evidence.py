"""Evidence: the best items read whole, cut into units an answer can quote, each scored against the question.

A unit is a sentence, or (for answers that summarise) a list kept whole with
the line that introduces it ("The following points were raised by
Members:-" and its bullets), so a summary never quotes the lead-in without
the points or half a numbered decision. Units are scored by meaning (the
embedding model) and by the question's rare words together: either alone
misleads. Bare headings are never units; housekeeping ("Members were
presented with a report on ...", "The report was noted") is kept but marked,
so it can be quoted as a decision and never lead an answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from assistant.answer import Hit
from assistant.answer_type import AnswerType, QuestionKind, asks_what_is, dated, holds
from assistant.dates import MONTHS, SEASONS
from assistant.meaning import Meaning
from assistant.models import HEADER_POSITION, Chunk
from assistant.plan import QueryPlan
from assistant.sentences import LONG_LINE_WORDS, sentences
from assistant.terms import TermStats, terms
from assistant.vocabulary import (
    AGREED_ONLY,
    ASKING_DECIDED,
    DECISION_MARK,
    HEADING_WORDS,
    LIST_MARK,
    REPORTING_WORDS,
    decision_verb,
    ends_points,
    is_procedural,
    is_sub_heading,
)

_LIST_LINE_WORDS = 30  # an unmarked line this short after a lead-in ("... as follows:-") is one of its points
_LIST_LINES = 12
_JOINER = re.compile(r"[;,]\s*(?:and|or)\s*$", re.I)  # "...HMP Kirklevington; and": the point ends before it, as at ";"
_FRAGMENT_WORDS = 5  # fewer words than this, and a line is a heading or a fragment, not an answer
_LEAD_IN = re.compile(r"[:：]\s*[-–]?\s*$")
_DATE_TERM = re.compile(r"(19|20)\d\d|\d{1,2}(st|nd|rd|th)?")
# Within the best items, a unit's score mixes meaning and rare words equally; across items the item's own
# relevance counts too, so a stray matching sentence in a weaker item does not beat the item that is about it.
_MEANING_SHARE = 0.5
_FLOOR = 1e-6
_ITEM_SHARE = 0.4


@dataclass(frozen=True)
class Evidence:
    """A candidate item with every indexed passage of it, in order."""

    hit: Hit
    chunks: list[Chunk]

    @property
    def text(self) -> str:
        return "\n".join([self.hit.label, self.hit.item_title, *(chunk.text for chunk in self.chunks)])


@dataclass(frozen=True)
class Unit:
    """What an answer quotes: one sentence, or a lead-in line with its list. `lines` are exact source text."""

    lines: tuple[str, ...]
    index: int
    point: bool = False  # one point of a list (a bulleted, numbered or indented line), quoted on its own
    heading: str = ""  # the sub-heading the unit stands under within its item ("PCC Candidates Responses"), if any
    decided: bool = False  # one point of a decision list ("AGREED that:-" / "1. The report be noted."), quoted alone

    @property
    def topic_text(self) -> str:
        """The unit with its sub-heading: what it is about, for judging relevance (never quoted)."""
        return f"{self.heading}\n{self.text}" if self.heading else self.text

    @cached_property
    def text(self) -> str:
        """The unit on one line: a list as "lead-in: first point; second point"."""
        if len(self.lines) == 1:
            return _JOINER.sub("", LIST_MARK.sub("", self.lines[0])).rstrip(" ;,") or self.lines[0]
        points = [_point(line) for line in self.lines[1:]]
        return f"{_LEAD_IN.sub('', self.lines[0]).rstrip()}: {'; '.join(p for p in points if p)}."

    @property
    def pieces(self) -> list[str]:
        """The unit as answer sentences: on one line if short, else the lead-in and each point on its own.

        (The grounding check splits a long line at its semicolons, so a long
        list on one line would leave points without their citation.)
        """
        if len(self.text.split()) <= LONG_LINE_WORDS or len(self.lines) == 1:
            return [self.text]
        return [_LEAD_IN.sub("", self.lines[0]).rstrip() + ":"] + [
            _point(line) + "." for line in self.lines[1:] if _point(line)
        ]

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def decision(self) -> bool:
        return self.decided or decision_verb(self.lines[0]) is not None

    @property
    def procedural(self) -> bool:
        return is_procedural(self.lines[0])


def _point(line: str) -> str:
    """A list point without its mark and closing punctuation, or the "; and" that joins it to the next."""
    return _JOINER.sub("", LIST_MARK.sub("", line)).rstrip(" .;,")


@dataclass(frozen=True)
class Scored:
    """An item read for one question: its units and their scores (0 where a unit cannot lead).

    A unit's score (0..1) weighs it within its item; `strength` weighs it
    across items, counting the item's own relevance too.
    """

    item: Evidence
    relevance: float
    units: tuple[Unit, ...]
    scores: tuple[float, ...]

    def ranked(self) -> list[tuple[float, Unit]]:
        """Units that may lead an answer, best first (source order on ties)."""
        pairs = [(score, unit) for score, unit in zip(self.scores, self.units) if score > 0]
        return sorted(pairs, key=lambda pair: (-pair[0], pair[1].index))

    def strength(self, score: float) -> float:
        return (1 - _ITEM_SHARE) * score + _ITEM_SHARE * self.relevance

    @property
    def best(self) -> float:
        """The strength of the item's best unit (0 when no unit may lead)."""
        top = max(self.scores, default=0.0)
        return self.strength(top) if top > 0 else 0.0

    @property
    def decisions(self) -> list[Unit]:
        """The decision units, each that says only that it was made ("Agreed by unanimous vote.") after the sentence
        that says what ("Proposal that the Strategic Intelligence Assessment be adopted.")."""
        found: list[Unit] = []
        for unit in self.units:
            before = self.units[unit.index - 1] if unit.index > 0 else None
            if unit.decision and AGREED_ONLY.match(unit.text) and before is not None and not before.decision:
                found.append(before)
            found += [unit] if unit.decision else []
        return found


def relevance(plan: QueryPlan, item: Evidence, stats: TermStats) -> float:
    """How surely `item` is about the question (0..1): closeness in meaning and share of its rare words.

    Either alone misleads: embeddings find "knife crime" close to any crime
    report, and word overlap misses paraphrase. The answer threshold on this
    score lives in `Settings.refusal_threshold`, calibrated by the eval.
    """
    coverage = stats.coverage(query_terms(plan), item.text)
    return 0.5 * max(item.hit.dense, 0.0) + 0.5 * coverage


def query_terms(plan: QueryPlan) -> list[str]:
    """The topic's content terms, less dates already turned into filters and, asked what was decided, the words that
    ask it ("what did they agree about the plan" is about the plan, not any item where "it was agreed")."""
    found = terms(plan.topic)
    if plan.filters:
        found = [t for t in found if not (_DATE_TERM.fullmatch(t) or t in _month_terms())]
    if plan.kind is QuestionKind.DECISION:
        found = [t for t in found if t not in _decision_terms()] or found
    return found


def asks_about_something(plan: QueryPlan) -> bool:
    """Whether the question names a topic beyond the meeting and how it asks ("what was agreed at the last meeting"
    names none)."""
    return any(term not in _decision_terms() for term in query_terms(plan))


@lru_cache(maxsize=1)
def _decision_terms() -> frozenset[str]:
    return frozenset(terms(" ".join(ASKING_DECIDED)))


@lru_cache(maxsize=1)
def _month_terms() -> frozenset[str]:
    """Month and season names as `terms` writes them, from the one list in `assistant.dates`; not "fall", far more
    often the verb ("the biggest fall in crime") than the season."""
    return frozenset(term for name in (*MONTHS, *SEASONS) for term in terms(name)) - {"fall"}


def read(plan: QueryPlan, items: list[Evidence], stats: TermStats, meaning: Meaning | None,
         lists: bool) -> list[Scored]:
    """Each item cut into units (lists whole when `lists`) and scored; the items keep their order."""
    wanted = query_terms(plan)
    cut = [(item, units(item, lists)) for item in items]
    texts = [unit.text for _, found in cut for unit in found]
    cosines = iter(meaning.scores(plan.search, texts) if meaning is not None and texts else [0.0] * len(texts))
    out = []
    for item, found in cut:
        item_score = relevance(plan, item, stats)
        # Housekeeping alone, beside headings at most ("(b) DAAT Groups ... There were no reports back.").
        housekeeping = all(unit.procedural for unit in found if not heading_like(unit))
        scores = []
        for unit in found:
            cosine = next(cosines)
            if not _may_lead(plan, item, unit, housekeeping) or not holds(plan.fact, unit.text, wanted):
                scores.append(0.0)
                continue
            words = stats.coverage(wanted, unit.topic_text) if wanted else 0.0
            if words == 0 and wanted and plan.fact in _NAMED_FACTS:
                # "Where is the summit to be held?" is not answered by a place in a sentence about something else.
                scores.append(0.0)
                continue
            # A unit that may lead keeps a score above 0 even with no word or meaning in common: in an item about
            # the subject, a summary still wants it.
            scores.append(max(_MEANING_SHARE * max(cosine, 0.0) + (1 - _MEANING_SHARE) * words, _FLOOR))
        out.append(Scored(item, item_score, tuple(found), tuple(scores)))
    return out


REPORTING_TERMS = frozenset(terms(" ".join(REPORTING_WORDS)))  # as `terms` writes them
_NAMED_SHARE = 0.6  # of an item's title words, for a question to name the item
_NAMED_FACTS = frozenset([AnswerType.PLACE, AnswerType.PERSON])  # a date or span is often asked in other words
# "Members were presented with the minutes of the Board held on 18 October 2016": an opener that carries the date
# (with its month: "Strategy Consultation (2013 – 2018)" does not say when the consultation ran) or figure asked for
# answers it.
_FIGURES_IN_OPENERS = frozenset([AnswerType.DATE, AnswerType.PERIOD, AnswerType.COUNT, AnswerType.AMOUNT, AnswerType.MONEY,
                                 AnswerType.PERCENT])
# "Who presented the report?": the opener that says who presented it is the answer; one that says only who was
# presented with it ("Members were presented with the minutes of the Children's Safeguarding Board") is not.
_TO_MEMBERS = re.compile(r"^\s*(members|the\s+partnership|the\s+committee|the\s+board)\s+(were|was)\b", re.I)
_PRESENTER_ASKED = re.compile(r"\b(present\w*|report(ed)?|gave|give[ns]?|deliver\w*|brought|introduc\w*|talk\w*)\b", re.I)


def _may_lead(plan: QueryPlan, item: Evidence, unit: Unit, housekeeping: bool) -> bool:
    """Housekeeping, a line that only introduces what follows, a heading-like fragment ("Youth Outreach
    Patrols") and the item's title (unless a date is asked for: "Date of next meeting - 25 September") never lead.
    An item of housekeeping alone answers a pointed question about itself ("were there any declarations of
    interest?"), never a summary, which wants what was reported. An opener that carries the span or figure asked
    for ("Members were provided with the strategy consultation (2013 – 2018)") or says who presented, asked who
    did ("Representatives from Cleveland Police presented a report on ..."), may lead, as it alone answers."""
    figure_asked = plan.fact in _FIGURES_IN_OPENERS and (plan.fact is not AnswerType.DATE or dated(unit.text))
    presenter_asked = (plan.fact is AnswerType.PERSON and bool(_PRESENTER_ASKED.search(plan.question))
                       and not _TO_MEMBERS.match(unit.text))
    pointed = (plan.kind not in (QuestionKind.SUMMARY, QuestionKind.MEETINGS) and housekeeping
               and (names_item(plan, item) or _names_unit(plan, unit)) and not asks_what_is(plan.question)
               ) or figure_asked or presenter_asked
    if (unit.procedural and not pointed) or (unit.words < _FRAGMENT_WORDS and not (figure_asked or pointed)):
        return False
    if heading_like(unit) and not figure_asked:
        return False  # "Criminal Behaviour Orders and ASB Injunctions": a heading, not a statement ("The Strategy
        # 2016-2019" answers "what years does it cover": `holds` then judges it)
    if len(unit.lines) == 1 and _LEAD_IN.search(unit.lines[0]) and not figure_asked:
        return False  # a lead-in that carries the date asked for ("... published in March 2023 ... as follows:") answers
    return unit.lines[0].strip() != item.hit.item_title.strip() or plan.fact is AnswerType.DATE


def _names_unit(plan: QueryPlan, unit: Unit) -> bool:
    """Whether the question names what a sentence of housekeeping is about, in an item whose title does not ("was
    the evacuation procedure gone through" of "The Evacuation Procedure was noted by members.", untitled)."""
    return _names_most(plan, set(terms(unit.text)) - REPORTING_TERMS)


def heading_like(unit: Unit) -> bool:
    """A short line that does not end as a sentence does: a heading or a list of names, not a statement."""
    return unit.words < HEADING_WORDS and not unit.text.rstrip().endswith((".", "!", "?"))


def names_item(plan: QueryPlan, item: Evidence) -> bool:
    """Whether the question names the item itself: most words of its title are in the question ("the prevent
    update" names "Prevent Strategy Update", "any aob" names "Any Other Business" through the glossary); a hyphenated
    name is its words ("Stockton-on-Tees")."""
    return _names_most(plan, set(terms(item.hit.item_title.replace("-", " "))))


def _names_most(plan: QueryPlan, words: set[str]) -> bool:
    """Whether the question (with the other forms of its abbreviations) uses most of `words` (`_NAMED_SHARE`)."""
    return bool(words) and len(words & set(terms(plan.search or plan.topic))) >= max(1, round(_NAMED_SHARE * len(words)))


def units(item: Evidence, lists: bool = True) -> list[Unit]:
    """The item's quotable units in source order: sentences, or lists with their lead-in when `lists`.

    The bare title is left out (the citation names the item); a title that
    carries facts ("Date of next meeting - Tuesday 25 September") stays.
    Lists stay whole only when `lists`: a summary wants the points raised
    together; a single fact is one line of them.
    """
    lines = _lines(item)
    found: list[tuple[tuple[str, ...], bool, bool]] = []  # lines, a list point, decided
    index = 0
    points: set[int] = set()
    decided: set[int] = set()  # the points of "AGREED that:-", each a decision on its own
    while index < len(lines):
        line = lines[index]
        taken = _list_after(lines, index) if _LEAD_IN.search(line.pieces[-1]) else 0
        if taken and lists:
            found += [((piece,), line.marked, False) for piece in line.pieces[:-1]]
            found.append(((line.pieces[-1], *(point.text for point in lines[index + 1 : index + 1 + taken])), False, False))
            index += taken + 1
            continue
        points |= set(range(index + 1, index + 1 + taken))
        if taken and decision_verb(line.pieces[-1]) is not None:
            decided |= set(range(index + 1, index + 1 + taken))
        found += [((piece,), line.marked or index in points, index in decided) for piece in line.pieces]
        index += 1
    title = item.hit.item_title.strip()
    kept = {unit: (point, under) for unit, point, under in found
            if not (unit[0].strip() == title and not re.search(r"\d", title))}
    out, heading = [], ""
    for number, (unit, (point, under)) in enumerate(kept.items()):
        out.append(Unit(unit, number, point, heading, under))
        if len(unit) == 1 and is_sub_heading(unit[0]) and not point:
            heading = unit[0].strip()
    return out


@dataclass(frozen=True)
class _Line:
    text: str  # the line as written, stripped
    pieces: list[str]  # its sentences
    marked: bool  # bulleted, numbered or indented: a list point


def _lines(item: Evidence) -> list[_Line]:
    """Each source line once (sub-chunks overlap), with its sentences."""
    seen: dict[str, _Line] = {}
    for chunk in item.chunks:
        for raw in chunk.text.split("\n"):
            text = raw.strip()
            pieces = sentences(text)
            if pieces and text not in seen:
                marked = bool(LIST_MARK.match(raw).group().strip()) or raw[:1] in " \t"  # type: ignore[union-attr]
                seen[text] = _Line(text, pieces, marked)
    return list(seen.values())


def _list_after(lines: list[_Line], lead: int) -> int:
    """How many lines after a lead-in are its points: marked lines, or short one-sentence lines; once a point is
    marked, an unmarked line after it is running text again ("Members were then given the opportunity ...")."""
    taken = 0
    marked = sentence = False
    for line in lines[lead + 1 : lead + 1 + _LIST_LINES]:
        starts_decision = bool(DECISION_MARK.match(line.pieces[0]))
        short = len(line.pieces) == 1 and len(line.text.split()) <= _LIST_LINE_WORDS and not marked
        if (starts_decision or _LEAD_IN.search(line.pieces[-1]) or not (line.marked or short)
                or (not line.marked and ends_points(line.text, sentence))):
            break
        marked = marked or line.marked
        sentence = sentence or line.text.rstrip().endswith(".")
        taken += 1
    return taken


def unit_texts(chunks: list[Chunk]) -> list[str]:
    """Every unit text an answer may score in these chunks (one meeting's), lists whole and split: what ingest
    embeds ahead of questions."""
    by_item: dict[int, list[Chunk]] = {}
    for chunk in chunks:
        if chunk.item_position != HEADER_POSITION:
            by_item.setdefault(chunk.item_position, []).append(chunk)
    items = [Evidence(Hit.from_chunk(parts[0], 0.0, 0.0, 0.0), parts) for parts in by_item.values()]
    return list(dict.fromkeys(unit.text for item in items for lists in (True, False) for unit in units(item, lists)))


def quote_for(item: Evidence, lines: list[str]) -> Hit:
    """The hit, quoting the one passage that holds every line used (else the passages that do)."""
    whole = [chunk.text for chunk in item.chunks if all(line in chunk.text for line in lines)]
    if whole:
        return replace(item.hit, quote=min(whole, key=len))
    parts = [chunk.text for chunk in item.chunks if any(line in chunk.text for line in lines)]
    return replace(item.hit, quote="\n…\n".join(parts) or item.hit.quote)
