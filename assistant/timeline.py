"""How often a topic comes up, meeting by meeting: the data behind the UI's topic timeline.

An item counts when its text uses every content word of the topic (stemmed,
so "bikes" finds "bike"), not merely when it is near in meaning: a chart
should count mentions a person can verify.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assistant.models import committee_label
from assistant.text import alternatives, terms

_CANDIDATES = 2000


@dataclass(frozen=True)
class TimelineItem:
    position: int
    item: str | None
    title: str
    label: str


@dataclass(frozen=True)
class TimelinePoint:
    meeting_id: str
    committee: str
    date: dt.date | None
    items: tuple[TimelineItem, ...]


def topic_timeline(retriever, topic: str) -> list[TimelinePoint]:
    """Meetings whose items mention `topic`, oldest first (undated last), with those items."""
    wanted = set(terms(topic))
    if not wanted:
        return []
    found: dict[str, dict[int, TimelineItem]] = {}
    meta: dict[str, tuple[str, dt.date | None]] = {}
    stats = retriever.stats
    for chunk, _ in retriever.keyword(stats.glossary.augment(topic), k=_CANDIDATES):
        present = set(stats.terms(f"{chunk.item_title}\n{chunk.text}"))
        if chunk.kind != "item" or not all(alternatives(t) & present for t in wanted):
            continue
        meta[chunk.meeting_id] = (committee_label(chunk.committee, chunk.council), chunk.date)
        found.setdefault(chunk.meeting_id, {})[chunk.item_position] = TimelineItem(
            chunk.item_position, chunk.item_number, chunk.item_title,
            chunk.ref.label,
        )
    points = [
        TimelinePoint(meeting_id, *meta[meeting_id], tuple(items[p] for p in sorted(items)))
        for meeting_id, items in found.items()
    ]
    return sorted(points, key=lambda p: (p.date is None, p.date or dt.date.min, p.meeting_id))
