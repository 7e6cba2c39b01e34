"""How often a topic comes up, meeting by meeting: the data behind the UI's topic timeline.

An agenda item counts for a topic when one of three rules holds, tried in
this order and recorded on the item so a reader can check it:

- ``words``: its title or text uses every content word of the topic (any
  form of each word: "bikes" finds "bike", "anti-social" finds "antisocial");
- ``glossary``: it uses every word once abbreviations count as their long
  form and back ("ASB" for "anti-social behaviour");
- ``meaning``: it names none of that, but its text is close to the topic in
  meaning: cosine similarity at least `MEANING_MIN` with the embedding model.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from assistant.models import committee_label
from assistant.terms import TermStats, alternatives, terms

MEANING_MIN = 0.40
"""Cosine similarity (all-MiniLM-L6-v2, topic against an item's indexed text) from which an item counts as
being about the topic. On data/, items about a topic score 0.42-0.46 against it, while topics the minutes
never discuss ("council tax", "knife crime") reach at most 0.35 on any item."""

Match = Literal["words", "glossary", "meaning"]
_ORDER: dict[Match, int] = {"words": 0, "glossary": 1, "meaning": 2}
_CANDIDATES = 2000  # keyword candidates read per topic
_NEAREST = 200  # items read by meaning per topic
_NEIGHBOURS = 8  # items whose titles are offered when nothing matches
_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
_ASIDE = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class TimelineItem:
    position: int
    item: str | None
    title: str
    label: str
    match: Match = "words"
    similarity: float = 0.0


@dataclass(frozen=True)
class TimelinePoint:
    meeting_id: str
    committee: str
    date: dt.date | None
    items: tuple[TimelineItem, ...]


def topic_terms(topic: str) -> list[str]:
    """The stems an item must use to count by words; a hyphenated word counts joined ("antisoci")."""
    return terms(_HYPHEN.sub("", topic))


def topic_timeline(retriever, topic: str) -> list[TimelinePoint]:
    """Meetings with items about `topic` (by the rules above), oldest first (undated last), with those items."""
    wanted = topic_terms(topic)
    if not wanted:
        return []
    found: dict[str, dict[int, TimelineItem]] = {}
    meta: dict[str, tuple[str, dt.date | None]] = {}

    def add(chunk, match: Match, similarity: float = 0.0) -> None:
        items = found.setdefault(chunk.meeting_id, {})
        before = items.get(chunk.item_position)
        if before is None or _ORDER[match] < _ORDER[before.match]:
            meta[chunk.meeting_id] = (committee_label(chunk.committee, chunk.council), chunk.date)
            items[chunk.item_position] = TimelineItem(chunk.item_position, chunk.item_number, chunk.item_title,
                                                      chunk.ref.label, match, max(similarity, before.similarity
                                                                                  if before else 0.0))

    stats = retriever.stats
    other_forms = sorted({alt for term in wanted for alt in alternatives(term)} - set(wanted))
    query = " ".join([stats.glossary.augment(topic), *other_forms])
    for chunk, _ in retriever.keyword(query, k=_CANDIDATES, kind="item"):
        match = word_match(wanted, f"{chunk.item_title}\n{chunk.text}", stats)
        if match:
            add(chunk, match)
    for chunk, similarity in retriever.dense(topic, k=_NEAREST, kind="item"):
        if similarity >= MEANING_MIN:
            add(chunk, "meaning", similarity)
    points = [TimelinePoint(meeting_id, *meta[meeting_id], tuple(items[p] for p in sorted(items)))
              for meeting_id, items in found.items()]
    return sorted(points, key=lambda p: (p.date is None, p.date or dt.date.min, p.meeting_id))


def word_match(wanted: list[str], text: str, stats: TermStats) -> Match | None:
    """Whether `text` uses every stem of `wanted` as written (``words``), or once the glossary's other forms
    of its abbreviations and long forms count too (``glossary``)."""
    if set(wanted) <= set(terms(text)):
        return "words"
    present = set(stats.terms(text))
    if all(alternatives(term) & present for term in wanted):
        return "glossary"
    return None


def related_topics(retriever, topic: str, k: int = 4) -> list[str]:
    """Titles of the agenda items nearest to `topic` in meaning: what to chart when nothing matches it.

    Each is worded as the minutes word it, so charting it finds at least that item.
    """
    titles: dict[str, str] = {}
    for chunk, _ in retriever.dense(topic, k=_NEIGHBOURS, kind="item"):
        title = " ".join(_ASIDE.sub(" ", chunk.item_title).split()).strip(" -–:")
        if title and topic_terms(title):
            titles.setdefault(title.lower(), title)
    return list(titles.values())[:k]
