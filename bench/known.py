"""Known-answer questions for a synthetic index: does retrieval still find an item as the archive grows?

Each question is a distinctive phrase of one agenda item (a sentence with a
number in it, so no other item says the same thing), asked once as it is and
once with its meeting's date. It counts as found when the item is among the
top 5 hits. Copies of a meeting (the large-scale run re-uses 100 meetings'
texts) say the same thing, so without a date an item of any copy counts.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

from assistant.sentences import sentences

_WORDS = 14


@dataclass(frozen=True)
class KnownAnswer:
    question: str
    dated: str  # the same question naming the meeting's date, or "" for an undated meeting
    meeting_id: str
    position: int
    family: str  # meetings whose id starts with this hold the same text


def known_answers(bot, count: int, seed: int, family=lambda meeting_id: meeting_id) -> list[KnownAnswer]:
    """Up to `count` questions from items drawn (seeded) from `bot`'s index."""
    rng = random.Random(seed)
    records = bot.meetings()
    out: list[KnownAnswer] = []
    for record in rng.sample(records, min(len(records), count * 3)):
        candidates = [(chunk, sentence) for chunk in bot.store.chunks(record.id) if chunk.kind == "item"
                      for sentence in sentences(chunk.text) if re.search(r"\d", sentence) and len(sentence.split()) > 6]
        if not candidates:
            continue
        chunk, sentence = rng.choice(candidates)
        phrase = " ".join(sentence.split()[:_WORDS])
        dated = f"{phrase} (meeting of {record.date.day} {record.date:%B %Y})" if record.date else ""
        out.append(KnownAnswer(phrase, dated, record.id, chunk.item_position, family(record.id)))
        if len(out) == count:
            break
    return out


def found_share(bot, questions: list[KnownAnswer]) -> dict[str, float]:
    """Share of questions whose item is in the top 5: as asked, and with the meeting's date."""
    plain = dated = asked_dated = 0
    for known in questions:
        hits = bot.search(known.question, k=5)
        plain += any(h.meeting_id.startswith(known.family) and h.item_position == known.position for h in hits)
        if known.dated:
            asked_dated += 1
            hits = bot.search(known.dated, k=5)
            dated += any(h.meeting_id == known.meeting_id and h.item_position == known.position for h in hits)
    return {"questions": len(questions), "top5": plain / max(len(questions), 1),
            "top5_with_date": dated / max(asked_dated, 1)}
