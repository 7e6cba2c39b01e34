"""The eval question set: loading it and matching retrieved items against its gold.

Format (one JSON object per line, see eval/README.md)::

    {"id": "q001", "question": "...", "type": "factual", "gold": [{"meeting": "...", "item": "SSP/4/23"}],
     "facts": ["1 million"]}

A gold item is named by its printed number, by ``"header"`` for the meeting's
attendance block, or (unnumbered items) by ``"item": null`` with its
``position``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import MinutesError
from assistant.models import HEADER_POSITION

DEFAULT_QUESTIONS = Path(__file__).with_name("questions.jsonl")
TYPES = ("factual", "numeric", "meeting", "cross", "unanswerable")


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


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    type: str
    gold: tuple[Gold, ...]
    facts: tuple[str, ...]

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
            question = Question(data["id"], data["question"], data["type"], gold, tuple(data.get("facts", [])))
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise QuestionSetError(f"{path}:{number}: {error}") from error
        if question.type not in TYPES:
            raise QuestionSetError(f"{path}:{number}: type {question.type!r} is not one of {', '.join(TYPES)}")
        if question.answerable and not question.gold:
            raise QuestionSetError(f"{path}:{number}: an answerable question needs gold items")
        questions.append(question)
    return questions
