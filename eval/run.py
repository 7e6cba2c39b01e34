"""Run the question set through `Assistant.ask` and summarise: the one entry point of the eval.

The summary covers the questions in the gate (``"gate": false`` leaves a
question out); its metric names are the keys of ``eval/thresholds.toml`` and
`gate` compares the two, which is what ``make test`` relies on. Every
question, gated or not, is also scored per kind (`by_kind`).
"""
from __future__ import annotations

import json
import statistics
import tomllib
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import UnknownMeeting
from eval.metrics import SHAPE_METRICS, Scores, score
from eval.questions import KINDS, Question

THRESHOLDS = Path(__file__).with_name("thresholds.toml")
# For each metric: is a larger value better? (False for rates that count failures.)
HIGHER_IS_BETTER = {
    "hit@1": True, "hit@5": True, "mrr": True,
    "citation_precision": True, "citation_recall": True,
    "cross_citation_precision": True, "cross_citation_recall": True,
    "fact_recall": True, "cited_share": True, "grounded_share": True, "content_share": True,
    "refusal_rate_unanswerable": True, "false_refusal_rate": False,
    "latency_p50_ms": False, "latency_p95_ms": False, "dropped_share": False, "model_answer_share": True,
} | dict.fromkeys(SHAPE_METRICS, True)
# The per-kind table's columns: answer quality, then the answer-shape checks (eval/metrics.py).
KIND_METRICS = ("fact_recall", "citation_recall", "refusal_correct", *SHAPE_METRICS)
_KIND_HEADINGS = ("facts", "cited", "refusal", "1st_fact", "decision", "no_dump", "chrono")


@dataclass
class EvalResult:
    scores: list[Scores]
    summary: dict[str, float]  # the gated questions
    by_kind: dict[str, dict[str, float | None]]  # every question

    def to_dict(self) -> dict:
        return {"summary": self.summary, "by_kind": self.by_kind, "questions": [s.to_dict() for s in self.scores]}


def run_eval(bot, questions: list[Question], k: int = 5) -> EvalResult:
    """Ask every question (warm: the model and indexes load before the clock starts)."""
    bot.warm()
    meetings: dict = {}
    scores = []
    for question in questions:
        answer = bot.ask(question.question, k=k)
        hits = bot.search(question.question, k=5)
        scores.append(score(question, answer, hits, _gold_decisions(bot, question, meetings)))
    return EvalResult(scores, summarise([s for s in scores if s.question.gate]), by_kind(scores))


def _gold_decisions(bot, question: Question, meetings: dict) -> list[tuple[str, ...]]:
    """The decisions the index's facts record for each gold item (only summaries are checked for them)."""
    if question.kind != "summary":
        return []
    decisions = []
    for gold in question.gold:
        if gold.meeting not in meetings:
            try:
                meetings[gold.meeting] = bot.meeting(gold.meeting)
            except UnknownMeeting:  # a gold meeting the index lacks: its citations already score zero
                meetings[gold.meeting] = None
        meeting = meetings[gold.meeting]
        item = gold.agenda_item(meeting) if meeting else None
        decisions.append(tuple(d.text for d in meeting.facts.item_decisions(item.position)) if item else ())
    return decisions


def by_kind(scores: list[Scores]) -> dict[str, dict[str, float | None]]:
    """`KIND_METRICS` per question kind, for all questions, and for those outside the gate (when some are)."""
    groups = {kind: [s for s in scores if s.question.kind == kind] for kind in KINDS}
    groups = {kind: group for kind, group in groups.items() if group} | {"all": scores}
    outside = [s for s in scores if not s.question.gate]
    if outside:
        groups["not gated"] = outside
    return {name: _kind_row(group) for name, group in groups.items()}


def _kind_row(group: list[Scores]) -> dict[str, float | None]:
    row: dict[str, float | None] = {"n": float(len(group))}
    row.update({metric: _mean_or_none([getattr(s, metric) for s in group]) for metric in KIND_METRICS})
    return row


def summarise(scores: list[Scores]) -> dict[str, float]:
    answerable = [s for s in scores if s.question.answerable]
    unanswerable = [s for s in scores if not s.question.answerable]
    cross = [s for s in answerable if s.question.type == "cross"]
    latencies = sorted(s.answer.seconds * 1000 for s in scores)
    generated = sum(len(s.answer.sentences) + len(s.answer.dropped) for s in scores)
    return {
        "questions": len(scores),
        "answerable": len(answerable),
        "hit@1": _mean([s.rank == 1 for s in answerable]),
        "hit@5": _mean([s.rank is not None and s.rank <= 5 for s in answerable]),
        "mrr": _mean([1 / s.rank if s.rank else 0.0 for s in answerable]),
        "citation_precision": _mean([s.citation_precision for s in answerable if not s.answer.refused]),
        "citation_recall": _mean([s.citation_recall for s in answerable]),
        "cross_citation_precision": _mean([s.citation_precision for s in cross if not s.answer.refused]),
        "cross_citation_recall": _mean([s.citation_recall for s in cross]),
        "fact_recall": _mean([s.fact_recall for s in answerable if s.fact_recall is not None]),
        "cited_share": _mean([s.cited_share for s in scores if s.cited_share is not None]),
        "grounded_share": _mean([s.grounded_share for s in scores if s.grounded_share is not None]),
        "content_share": _mean([s.content_share for s in scores if s.content_share is not None]),
        "refusal_rate_unanswerable": _mean([s.answer.refused for s in unanswerable]),
        "false_refusal_rate": _mean([s.answer.refused for s in answerable]),
        "dropped_share": sum(len(s.answer.dropped) for s in scores) / generated if generated else 0.0,
        "model_answer_share": _mean([s.answer.mode == "llm" for s in scores if not s.answer.refused]),
        **{name: _mean([getattr(s, name) for s in scores]) for name in SHAPE_METRICS},
        "latency_p50_ms": statistics.median(latencies) if latencies else 0.0,
        "latency_p95_ms": latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))] if latencies else 0.0,
    }


def gate(summary: dict[str, float], thresholds_path: Path = THRESHOLDS, mode: str = "extractive") -> list[str]:
    """Each metric that misses its threshold for `mode`, as a sentence; empty when all pass."""
    thresholds = tomllib.loads(thresholds_path.read_text(encoding="utf-8")).get(mode, {})
    failures = []
    for metric, limit in thresholds.items():
        value = summary.get(metric)
        if value is None:
            failures.append(f"{metric}: not measured")
        elif HIGHER_IS_BETTER[metric] and value < limit:
            failures.append(f"{metric} = {value:.3f}, below the threshold {limit}")
        elif not HIGHER_IS_BETTER[metric] and value > limit:
            failures.append(f"{metric} = {value:.3f}, above the threshold {limit}")
    return failures


def table(result: EvalResult) -> str:
    """The gated summary as an aligned two-column table, the per-kind table, then the failing questions."""
    outside = sum(not s.question.gate for s in result.scores)
    lines = [f"Gated questions (eval/thresholds.toml applies){f'; {outside} more only per kind below' if outside else ''}:",
             f"{'metric':<28} value", f"{'-' * 28} -------"]
    for name, value in result.summary.items():
        shown = f"{value:.0f}" if name.endswith("_ms") or name in ("questions", "answerable") else f"{value:.3f}"
        lines.append(f"{name:<28} {shown}")
    lines += ["", kind_table(result.by_kind)]
    failing = [s for s in result.scores if s.failures]
    if failing:
        lines += ["", f"{len(failing)} questions with failed checks:"]
        lines += [f"  {s.question.id} [{s.question.kind}] {s.question.question}\n      - " + "\n      - ".join(s.failures)
                  for s in failing]
    return "\n".join(lines)


def kind_table(rows: dict[str, dict[str, float | None]]) -> str:
    """`by_kind` as a compact table; "-" where a metric does not apply to the kind."""
    lines = [f"{'kind':<12} {'n':>4} " + " ".join(f"{h:>8}" for h in _KIND_HEADINGS)]
    for name, row in rows.items():
        cells = " ".join(f"{'-' if row[m] is None else f'{row[m]:.3f}':>8}" for m in KIND_METRICS)
        lines.append(f"{name:<12} {row['n']:>4.0f} {cells}")
    return "\n".join(lines)


def write_report(result: EvalResult, path: Path) -> None:
    """One JSON object per question (question, answer, citations, failed checks), then the summary."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for item in result.scores:
            out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        out.write(json.dumps({"summary": result.summary, "by_kind": result.by_kind}) + "\n")


def _mean(values: list) -> float:
    mean = _mean_or_none(values)
    return 0.0 if mean is None else mean


def _mean_or_none(values: list) -> float | None:
    """Mean of the values that are not None; None when there are none."""
    values = [float(v) for v in values if v is not None]
    return sum(values) / len(values) if values else None
