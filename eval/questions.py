"""The eval question set: loading it and matching retrieved items against its gold.

Format (one JSON object per line, see eval/README.md)::

    {"id": "q001", "question": "...", "type": "numeric", "kind": "fact",
     "gold": [{"meeting": "...", "item": "SSP/4/23"}], "facts": ["1 million"]}

A gold item is named by its printed number, by ``"header"`` for the meeting's
attendance block, or (unnumbered items) by ``"item": null`` with its
``position``. `kind` says what shape a good answer has; `type` is the older,
coarser label that some metrics still group by.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import MinutesError
from assistant.models import HEADER_POSITION, AgendaItem, Meeting

DEFAULT_QUESTIONS = Path(__file__).with_name("questions.jsonl")
# Scored only at the end of a piece of work, never by default or by the CI gate (see eval/README.md).
HELDOUT_QUESTIONS = Path(__file__).with_name("heldout.jsonl")
TYPES = ("factual", "numeric", "meeting", "cross", "unanswerable")
KINDS = ("fact", "summary", "decision", "who", "when", "where", "meetings", "yesno", "unanswerable")
# The kind a question file without `kind` gets, so question sets written before kinds still load.
_KIND_OF_TYPE = {"factual": "fact", "numeric": "fact", "meeting": "who", "cross": "meetings", "unanswerable": "unanswerable"}


class QuestionSetError(MinutesError, ValueError):
    """A question file that does not follow the documented format; the message says which line."""


@dataclass(frozen=True)
class Gold:
    meeting: str
    item: str | None
    position: int | None = None
    title: str | None = None

    def matches(self, meeting_id: str, item: str | None, position: int, kind: str = "item") -> bool:
        """Whether a retrieved item (or citation) is this gold item."""
        if meeting_id != self.meeting:
            return False
        if self.item == "header":
            return kind == "header" or position == HEADER_POSITION
        if self.item is not None:
            return item is not None and item.lower() == self.item.lower()
        return position == self.position

    @property
    def key(self) -> tuple[str, str]:
        return self.meeting, self.item if self.item is not None else f"#{self.position}"

    def agenda_item(self, meeting: Meeting) -> AgendaItem | None:
        """The item this names in `meeting`; None for the attendance header or an item the parser does not know."""
        return None if self.item == "header" else meeting.item(self.key[1])


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    type: str
    gold: tuple[Gold, ...]
    facts: tuple[str, ...]
    kind: str = "fact"
    gate: bool = True  # False: reported, but not in the summary that eval/thresholds.toml applies to

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


def load_questions(path: Path = DEFAULT_QUESTIONS) -> list[Question]:
    """Every question in `path`; `QuestionSetError` names the first bad line."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            gold = tuple(
                Gold(meeting=g["meeting"], item=g.get("item"), position=g.get("position"), title=g.get("title"))
                for g in data.get("gold", [])
            )
            question = Question(
                data["id"], data["question"], data["type"], gold, tuple(data.get("facts", [])),
                kind=data.get("kind", _KIND_OF_TYPE.get(data["type"], "")), gate=bool(data.get("gate", True)),
            )
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise QuestionSetError(f"{path}:{number}: {error}") from error
        problem = _problem(question)
        if problem:
            raise QuestionSetError(f"{path}:{number}: {problem}")
        questions.append(question)
    return questions


def _problem(question: Question) -> str | None:
    """What is wrong with a parsed question, or None."""
    if question.type not in TYPES:
        return f"type {question.type!r} is not one of {', '.join(TYPES)}"
    if question.kind not in KINDS:
        return f"kind {question.kind!r} is not one of {', '.join(KINDS)}"
    if (question.kind == "unanswerable") != (question.type == "unanswerable"):
        return "kind and type must agree on whether the question is unanswerable"
    if question.answerable and not question.gold:
        return "an answerable question needs gold items"
    return None
