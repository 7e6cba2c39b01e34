"""Known-answer questions for a synthetic index: does retrieval still find an item as the archive grows?

Each question is a phrase of one agenda item that no other item of the
meetings it is drawn from holds: a window of `_WORDS` words of one sentence,
around a number in it that is not a year (synthetic minutes repeat their
sentences with other numbers, so the number is what makes the phrase the
item's own). The phrase names no date or period, which the question planner
would turn into a filter. It is asked as it is, and found when an item in
the top 5 holds the phrase (as the llama-index baseline is scored); and
naming its meeting's date ("... (meeting of 5 February 2005)"), found when
that item of that meeting is in the top 5.

A fair comparison across sizes asks the same questions of every index. The
large-scale load copies `bench.__main__._COPIED` meetings under new ids
(``<id>-c<n>``), n weeks later, with their figures renumbered; questions are
drawn only from the first copies (`among`: ``-c0``, the originals' own texts
and dates) with the same seed, so a load of 100 meetings and one of 10,000
ask identical questions and only the archive around them grows: 99 copies of
each meeting with other figures, where a renumbered copy may by chance hold
the phrase too (then finding it counts: it holds the text asked for).
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.dates import find_period
from assistant.sentences import sentences

_WORDS = 14
_NUMBER = re.compile(r"\d")
_YEAR = re.compile(r"\W*(?:19|20)\d\d\W*")


@dataclass(frozen=True)
class KnownAnswer:
    question: str
    dated: str  # the same question naming the meeting's date, or "" for an undated meeting
    meeting_id: str
    position: int


def known_answers(bot, count: int, seed: int, among: Callable[[str], bool] = lambda meeting_id: True) -> list[KnownAnswer]:
    """Up to `count` questions from items drawn (seeded) from the meetings of `bot`'s index that are `among`."""
    rng = random.Random(seed)
    records = [record for record in bot.meetings() if among(record.id)]
    items: dict[tuple[str, int], list[str]] = {}  # each item's passages, spaces made single
    for record in records:
        for chunk in bot.store.chunks(record.id):
            if chunk.kind == "item":
                items.setdefault((record.id, chunk.item_position), []).append(" ".join(chunk.text.split()))
    out: list[KnownAnswer] = []
    for record in rng.sample(records, min(len(records), count * 3)):
        candidates = [(position, phrase) for (meeting_id, position), texts in items.items() if meeting_id == record.id
                      for text in texts for sentence in sentences(text) if (phrase := _phrase(sentence))
                      and sum(any(phrase in passage for passage in other) for other in items.values()) == 1]
        if not candidates:
            continue
        position, phrase = rng.choice(candidates)
        dated = f"{phrase} (meeting of {record.date.day} {record.date:%B %Y})" if record.date else ""
        out.append(KnownAnswer(phrase, dated, record.id, position))
        if len(out) == count:
            break
    return out


def _phrase(sentence: str) -> str | None:
    """`_WORDS` words of `sentence` around its first number that is not a year, if they name no date."""
    words = sentence.split()
    numbers = [i for i, word in enumerate(words) if _NUMBER.search(word) and not _YEAR.fullmatch(word)]
    if not numbers or len(words) <= 6:
        return None
    start = max(0, min(numbers[0] - _WORDS // 2, len(words) - _WORDS))
    phrase = " ".join(words[start : start + _WORDS])
    return None if find_period(phrase) else phrase


def found_share(bot, questions: list[KnownAnswer]) -> dict[str, float]:
    """Share of questions whose item is in the top 5: as asked, and with the meeting's date."""
    plain = dated = asked_dated = 0
    for known in questions:
        hits = bot.search(known.question, k=5)
        plain += any(known.question in " ".join(chunk.text.split())
                     for h in hits for chunk in bot.store.chunks(h.meeting_id, h.item_position))
        if known.dated:
            asked_dated += 1
            hits = bot.search(known.dated, k=5)
            dated += any(h.meeting_id == known.meeting_id and h.item_position == known.position for h in hits)
    return {"questions": len(questions), "top5": plain / max(len(questions), 1),
            "top5_with_date": dated / max(asked_dated, 1)}
