"""Per-question scores: retrieval, citations, facts, grounding, refusal, answer shape.

Grounding is judged here with `assistant.grounding.check` on the answer's
sentences and the passages their markers point to, not with anything the
answerer reports about itself. The shape checks ask whether an answer has the
form its question's kind calls for: the fact first, the decision in a
summary, no attendance list as an answer, meetings in date order.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.answer import Answer, Hit
from assistant.grounding import (
    MIN_CONTENT_SHARE,
    answer_sentences,
    check,
    citation_numbers,
    strip_markers,
)
from eval.questions import Question

# Kinds whose answer must state a key fact in its first sentence.
FACT_FIRST_KINDS = ("fact", "who", "when", "where")
# Kinds for which an answer drawn only from the attendance header (venue, present, apologies) is right.
ATTENDANCE_KINDS = ("who", "where")
# The answer-shape checks: each a field of `Scores` and a function below of the same name.
SHAPE_METRICS = ("first_sentence_fact", "summary_has_decision", "no_attendance_dump", "chronological")

_SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000}


def normalise(text: str) -> str:
    """Lower case, plain spaces, numbers in one form: "£1m", "1 million" and "1,000,000" all become "1000000";
    "Councillor" as "Cllr"."""
    text = text.lower().replace("£", " ").replace("’", "'").replace("–", "-")
    text = re.sub(r"\bcouncillors?\b", "cllr", text)  # "Councillor Ken Lupton" is "Cllr Ken Lupton"
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)

    def scaled(match: re.Match) -> str:
        value = float(match.group(1)) * _SCALE[match.group(2)]
        return f" {value:.0f} "

    text = re.sub(r"(\d+(?:\.\d+)?)\s*(k|thousand|m|million|bn|billion)\b", scaled, text)
    text = re.sub(r"[^\w%./-]+", " ", text)
    text = re.sub(r"(?<!\d)[./]|[./](?!\d)", " ", text)  # full stops and slashes, but not 41.6 or 24/25
    return " ".join(text.split())


def fact_present(fact: str, answer: str) -> bool:
    return f" {normalise(fact)} " in f" {normalise(answer)} "


@dataclass
class Scores:
    """Everything measured for one question; None where a metric does not apply."""

    question: Question
    answer: Answer
    hits: list[Hit]
    rank: int | None = None  # 1-based rank of the first gold item among the hits
    citation_precision: float | None = None
    citation_recall: float | None = None
    fact_recall: float | None = None
    cited_share: float | None = None  # answer sentences that carry a citation
    grounded_share: float | None = None  # sentences whose numbers, dates and names are in the cited passage
    content_share: float | None = None  # mean share of a sentence's content words found in the cited passage
    first_sentence_fact: bool | None = None  # fact/who/when/where: the first sentence holds a key fact
    summary_has_decision: float | None = None  # summary: share of gold items with a decision whose decision is given
    no_attendance_dump: bool | None = None  # not who/where: the answer cites more than the attendance header
    chronological: bool | None = None  # meetings: citations oldest first, undated last
    failures: list[str] = field(default_factory=list)

    @property
    def refusal_correct(self) -> bool:
        """Refused exactly when the question is unanswerable."""
        return self.answer.refused != self.question.answerable

    def to_dict(self) -> dict:
        return {
            "id": self.question.id,
            "type": self.question.type,
            "kind": self.question.kind,
            "gate": self.question.gate,
            "question": self.question.question,
            "answer": self.answer.text,
            "refused": self.answer.refused,
            "mode": self.answer.mode,
            "model": self.answer.model,
            "dropped": self.answer.dropped,
            "citations": [c.label for c in self.answer.citations],
            "gold": [list(g.key) for g in self.question.gold],
            "rank": self.rank,
            "citation_precision": self.citation_precision,
            "citation_recall": self.citation_recall,
            "fact_recall": self.fact_recall,
            "grounded_share": self.grounded_share,
            "content_share": self.content_share,
            "first_sentence_fact": self.first_sentence_fact,
            "summary_has_decision": self.summary_has_decision,
            "no_attendance_dump": self.no_attendance_dump,
            "chronological": self.chronological,
            "seconds": round(self.answer.seconds, 4),
            "failures": self.failures,
        }


def score(question: Question, answer: Answer, hits: list[Hit], decisions: Sequence[tuple[str, ...]] = ()) -> Scores:
    """Score one answered question against its gold items, key facts and answer shape.

    `decisions` holds, for each gold item in order, the decisions the parsed
    meeting records for it (``MeetingFacts.item_decisions``); the summary shape check needs them.
    """
    result = Scores(question, answer, hits)
    _shape(result, decisions)
    if not question.answerable:
        if not answer.refused:
            result.failures.append("answered an unanswerable question")
        _grounding(result)
        return result
    result.rank = next(
        (rank for rank, hit in enumerate(hits, 1)
         if any(g.matches(hit.meeting_id, hit.item, hit.item_position, hit.kind) for g in question.gold)),
        None,
    )
    if result.rank is None:
        result.failures.append("no gold item in the top 5")
    if answer.refused:
        result.failures.append("refused an answerable question")
        result.citation_precision, result.citation_recall, result.fact_recall = 0.0, 0.0, 0.0 if question.facts else None
        return result
    cited = [c for c in answer.citations]
    on_gold = [c for c in cited if any(g.matches(c.meeting_id, c.item, c.item_position) for g in question.gold)]
    result.citation_precision = len(on_gold) / len(cited) if cited else 0.0
    found = [g for g in question.gold if any(g.matches(c.meeting_id, c.item, c.item_position) for c in cited)]
    result.citation_recall = len(found) / len(question.gold)
    if result.citation_precision < 1:
        result.failures.append(f"{len(cited) - len(on_gold)} of {len(cited)} citations off gold")
    if question.facts:
        present = [fact for fact in question.facts if fact_present(fact, answer.text)]
        result.fact_recall = len(present) / len(question.facts)
        missing = [fact for fact in question.facts if fact not in present]
        if missing:
            result.failures.append(f"missing facts: {missing}")
    _grounding(result)
    return result


def first_sentence_fact(question: Question, answer: Answer) -> bool | None:
    """For single-fact kinds, whether the answer's first sentence holds a key fact; a refusal does not."""
    if question.kind not in FACT_FIRST_KINDS or not question.facts:
        return None
    sentences = [] if answer.refused else answer_sentences(answer.text)
    return bool(sentences) and any(fact_present(fact, strip_markers(sentences[0])) for fact in question.facts)


def summary_has_decision(question: Question, answer: Answer, decisions: Sequence[tuple[str, ...]]) -> float | None:
    """For summaries, the share of gold items with a recorded decision whose decision the answer gives.

    A decision counts as given when most of its content words are in the answer
    (the grounding checker's share, read the other way round), so a decision
    restated in other words still counts.
    """
    decided = [options for options in decisions if options]
    if question.kind != "summary" or not decided:
        return None
    if answer.refused:
        return 0.0
    text = strip_markers(answer.text)
    given = [any(check(decision, text).content_share >= MIN_CONTENT_SHARE for decision in options) for options in decided]
    return sum(given) / len(given)


def no_attendance_dump(question: Question, answer: Answer) -> bool | None:
    """False when an answer to a question not about attendance or venue cites only attendance headers."""
    asks_for_header = question.kind in ATTENDANCE_KINDS or any(gold.item == "header" for gold in question.gold)
    if asks_for_header or answer.refused or not answer.citations:
        return None
    return not all(citation.ref.is_header for citation in answer.citations)


def chronological(question: Question, answer: Answer) -> bool | None:
    """For `meetings` questions, whether the citations run oldest first with undated meetings last."""
    if question.kind != "meetings" or answer.refused or len(answer.citations) < 2:
        return None
    cited = sorted(answer.citations, key=lambda citation: citation.number)
    order = [citation.date.toordinal() if citation.date else math.inf for citation in cited]
    return order == sorted(order)


def _shape(result: Scores, decisions: Sequence[tuple[str, ...]]) -> None:
    question, answer = result.question, result.answer
    result.first_sentence_fact = first_sentence_fact(question, answer)
    result.summary_has_decision = summary_has_decision(question, answer, decisions)
    result.no_attendance_dump = no_attendance_dump(question, answer)
    result.chronological = chronological(question, answer)
    if answer.refused:
        return  # already a failure of its own (or the right answer)
    if result.first_sentence_fact is False:
        result.failures.append("first sentence holds no key fact")
    if result.summary_has_decision is not None and result.summary_has_decision < 1:
        result.failures.append("summary leaves out the item's decision")
    if result.no_attendance_dump is False:
        result.failures.append("answer cites only the attendance header")
    if result.chronological is False:
        result.failures.append("meetings not in date order (oldest first, undated last)")


def _grounding(result: Scores) -> None:
    """Check every sentence of the answer text against the passages its markers cite."""
    answer = result.answer
    if answer.refused:
        return
    by_number = {c.number: c for c in answer.citations}
    parts = answer_sentences(answer.text)
    cited = grounded = 0
    shares = []
    for part in parts:
        numbers = [n for n in citation_numbers(part) if n in by_number]
        if not numbers:
            result.failures.append(f"uncited sentence: {strip_markers(part)[:80]}")
            continue
        cited += 1
        verdicts = [check(part, by_number[n].passage) for n in numbers]
        best = max(verdicts, key=lambda v: (not v.missing, v.content_share))
        shares.append(best.content_share)
        if best.missing:
            result.failures.append(f"not in cited passage: {list(best.missing)} in '{strip_markers(part)[:60]}'")
        else:
            grounded += 1
    result.cited_share = cited / len(parts) if parts else 1.0
    result.grounded_share = grounded / len(parts) if parts else 1.0
    result.content_share = sum(shares) / len(shares) if shares else 1.0
