"""The default answerer: sentences taken verbatim from the best items, each cited.

No model writes anything, so every sentence is grounded by construction; the
work is in choosing. A question is refused when no retrieved item is close
enough (by meaning and by the question's own rare words), or when it asks for
a kind of fact (a number, a date, a name) that the best sentences do not hold.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.answer import AnswerSentence, Citation, Hit
from assistant.answer_type import AnswerType, answer_type, holds
from assistant.dates import MONTHS
from assistant.models import Chunk
from assistant.query import QueryPlan
from assistant.text import TermStats, sentences, terms
from assistant.vocabulary import DECISION_WORDS, ROUTINE_DECISION

MAX_SENTENCES = 6
_TITLE_WEIGHT = 0.5  # an item titled "Date of next meeting" answers "when is the next meeting" in every line
_PER_ITEM = {"summary": 2, "meeting": 2, "specific": 2}
_MAX_ITEMS = {"summary": 4, "meeting": 2, "specific": 2}
# A further item joins the answer only when its best sentence scores at least this share of the best item's.
_SECOND_ITEM_SHARE = {"summary": 0.5, "meeting": 0.75, "specific": 0.75}
_LIST_LINES = 3
# Titles that carry facts ("Date of next meeting - Tuesday 25 September at 1.30 p.m.") may be quoted.
_TITLE_IS_CONTENT = re.compile(r"\d")
_ROUTINE = re.compile(rf"{ROUTINE_DECISION.pattern}|^Minutes:?$", re.IGNORECASE)
_DATE_TERM = re.compile(r"(19|20)\d\d|\d{1,2}(st|nd|rd|th)?")
_DECISION_QUESTION = re.compile(r"\b(agree|decid|decision|resolv|approv)", re.IGNORECASE)
@dataclass(frozen=True)
class Evidence:
    """A candidate item with every indexed passage of it, in order."""

    hit: Hit
    chunks: list[Chunk]

    @property
    def text(self) -> str:
        return "\n".join([self.hit.label, self.hit.item_title, *(chunk.text for chunk in self.chunks)])


def relevance(plan: QueryPlan, item: Evidence, stats: TermStats) -> float:
    """How surely `item` is about the question (0..1): closeness in meaning and share of its rare words.

    Either alone misleads: embeddings find "knife crime" close to any crime
    report, and word overlap misses paraphrase. The answer threshold on this
    score lives in `Settings.refusal_threshold`, calibrated by the eval.
    """
    coverage = stats.coverage(query_terms(plan, stats), item.text)
    return 0.5 * max(item.hit.dense, 0.0) + 0.5 * coverage


def query_terms(plan: QueryPlan, stats: TermStats) -> list[str]:
    """The question's content terms, less the committees' names and the years already turned into date filters."""
    found = stats.question_terms(plan.question)
    if plan.filters.since or plan.filters.until:
        found = [t for t in found if not (_DATE_TERM.fullmatch(t) or t in _month_terms())]
    return found


@lru_cache(maxsize=1)
def _month_terms() -> frozenset[str]:
    """Month names as `terms` writes them, from the one list in `assistant.dates`."""
    return frozenset(term for name in MONTHS for term in terms(name))


def compose(plan: QueryPlan, evidence: list[Evidence], stats: TermStats) -> tuple[list[AnswerSentence], list[Citation]]:
    """Pick and cite sentences from the relevant items; empty when none answers the question.

    A sentence found word for word in several items (the same restricted
    report minuted at three meetings) is written once and cites them all.
    """
    wanted = query_terms(plan, stats)
    kind = answer_type(plan.question)
    if kind in (AnswerType.DATE, AnswerType.PERSON) and any(not stats.known(t) for t in wanted):
        # "When does the PSPO in Thornaby expire?": a pointed question about a word the minutes never
        # use is not answered there, however close the item on the topic.
        return [], []
    picked: list[tuple[Evidence, list[str]]] = []
    best = 0.0
    for item in evidence[: _MAX_ITEMS[plan.kind]]:
        chosen, score = _choose(plan, kind, item, wanted, stats)
        if not chosen or (picked and score < _SECOND_ITEM_SHARE[plan.kind] * best):
            continue
        best = max(best, score)
        picked.append((item, chosen))
    answer: list[AnswerSentence] = []
    citations: list[Citation] = []
    for item, chosen in picked:
        room = MAX_SENTENCES - len(answer)
        if room <= 0:
            break
        chosen = chosen[:room]
        number = len(citations) + 1
        citations.append(Citation.from_hit(number, _with_quote(item, chosen), tuple(chosen)))
        for sentence in chosen:
            same = next((i for i, s in enumerate(answer) if s.text == sentence), None)
            if same is None:
                answer.append(AnswerSentence(text=sentence, citations=(number,)))
            else:
                answer[same] = AnswerSentence(text=sentence, citations=(*answer[same].citations, number))
    return answer, citations


def _choose(plan: QueryPlan, kind: AnswerType, item: Evidence, wanted: list[str],
            stats: TermStats) -> tuple[list[str], float]:
    """The item's sentences that answer the question, in source order, and their best score."""
    candidates = _item_sentences(item)
    wants_decision = bool(_DECISION_QUESTION.search(plan.question))
    decided = False
    title = item.hit.item_title
    title_score = stats.overlap(wanted, title)
    scored = []
    for index, sentence in enumerate(candidates):
        decided = decided or sentence.startswith(DECISION_WORDS)
        if _ROUTINE.match(sentence) and not wants_decision:
            continue
        if sentence == title:
            if not _TITLE_IS_CONTENT.search(title):
                continue  # a bare heading says nothing the label does not
            score = stats.overlap(wanted, sentence)
        else:
            score = stats.overlap(wanted, sentence) + _TITLE_WEIGHT * title_score
        if wants_decision and decided:
            score += 1.0  # "what was agreed": the decision paragraph outranks the discussion
        if not holds(kind, sentence, wanted):
            score = 0.0
        scored.append((score, index, sentence))
    limit = _PER_ITEM[plan.kind]
    top = sorted((e for e in scored if e[0] > 0), key=lambda e: (-e[0], e[1]))[:limit]
    if plan.kind == "summary" and len(top) < limit:
        # "What was said about X": in an item titled X the opening sentences are the substance;
        # elsewhere, the sentences that follow a mention of X.
        chosen_at = {index for _, index, _ in top}
        follows = [e for e in scored if e not in top and (title_score > 0 or e[1] - 1 in chosen_at)]
        top += follows[: limit - len(top)]
    if not top:
        return [], 0.0
    chosen = _with_lists([sentence for _, _, sentence in sorted(top, key=lambda e: e[1])], candidates)
    return chosen, max(score for score, _, _ in top)


def _with_lists(chosen: list[str], candidates: list[str]) -> list[str]:
    """A chosen sentence that introduces a list ("the following points:-") brings the list's first lines."""
    out: list[str] = []
    for sentence in chosen:
        if sentence not in out:
            out.append(sentence)
        if sentence.rstrip().endswith((":", ":-")):
            start = candidates.index(sentence) + 1
            out += [line for line in candidates[start : start + _LIST_LINES] if line not in out]
    return out


def _item_sentences(item: Evidence) -> list[str]:
    seen: dict[str, None] = {}
    for chunk in item.chunks:
        for sentence in sentences(chunk.text):
            seen.setdefault(sentence, None)
    return list(seen)


def _with_quote(item: Evidence, chosen: list[str]) -> Hit:
    """The hit, quoting the one passage that holds every chosen sentence (else the passages that do)."""
    whole = [chunk.text for chunk in item.chunks if all(s in chunk.text for s in chosen)]
    if whole:
        return replace(item.hit, quote=min(whole, key=len))
    parts = [chunk.text for chunk in item.chunks if any(s in chunk.text for s in chosen)]
    return replace(item.hit, quote="\n…\n".join(parts))
