"""Per-question scores: retrieval, citations, facts, grounding, refusal.

Grounding is judged here with `assistant.grounding.check` on the answer's
sentences and the passages their markers point to, not with anything the
answerer reports about itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answer import Answer, Hit
from assistant.grounding import answer_sentences, check, citation_numbers, strip_markers
from eval.questions import Question

_SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000}


def normalise(text: str) -> str:
    """Lower case, plain spaces, numbers in one form: "£1m", "1 million" and "1,000,000" all become "1000000"."""
    text = text.lower().replace("£", " ").replace("’", "'").replace("–", "-")
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
    failures: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.question.id,
            "type": self.question.type,
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
            "seconds": round(self.answer.seconds, 4),
            "failures": self.failures,
        }


def score(question: Question, answer: Answer, hits: list[Hit]) -> Scores:
    """Score one answered question against its gold items and key facts."""
    result = Scores(question, answer, hits)
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
        verdicts = [check(part, by_number[n].quote) for n in numbers]
        best = max(verdicts, key=lambda v: (not v.missing, v.content_share))
        shares.append(best.content_share)
        if best.missing:
            result.failures.append(f"not in cited passage: {list(best.missing)} in '{strip_markers(part)[:60]}'")
        else:
            grounded += 1
    result.cited_share = cited / len(parts) if parts else 1.0
    result.grounded_share = grounded / len(parts) if parts else 1.0
    result.content_share = sum(shares) / len(shares) if shares else 1.0
