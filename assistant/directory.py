"""The meetings an index holds, parsed once per index generation: what question planning and answering look up.

Planning resolves "the Op Harmony meeting" against item titles and "the
meeting after 14 Feb 2017" against dates; answering reads a meeting's facts
(chair, venue, next meeting). Reading and parsing a meeting record from the
store for every question would cost more than the rest of an answer.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

from assistant.models import Meeting
from assistant.plan import MeetingInfo


class MeetingDirectory:
    """Meetings by id and in date order (undated last), rebuilt by `refresh` when the index's generation changed.

    Thread-safe: a rebuild swaps in whole new tables.
    """

    def __init__(self, load: Callable[[str], Meeting | None], listing: Callable[[], list[tuple[str, dt.date | None]]],
                 generation: Callable[[], int]) -> None:
        self._load, self._listing, self._generation = load, listing, generation
        self._lock = threading.Lock()
        self._built_at: int | None = None
        self._tables: tuple[dict[str, Meeting], list[tuple[str, dt.date | None]]] = ({}, [])

    def meeting(self, meeting_id: str) -> Meeting | None:
        return self._tables[0].get(meeting_id)

    def dated(self) -> list[tuple[str, dt.date | None]]:
        """(id, date) of every meeting, oldest first, undated last."""
        return list(self._tables[1])

    def infos(self) -> list[MeetingInfo]:
        """What the question planner needs of each meeting: id, date, item titles."""
        meetings, order = self._tables
        return [MeetingInfo(meeting_id, date, tuple(item.title for item in meetings[meeting_id].items))
                for meeting_id, date in order if meeting_id in meetings]

    def refresh(self) -> None:
        """Re-read the meetings if the index changed; once per question (checking costs a store round trip)."""
        generation = self._generation()
        with self._lock:
            if generation == self._built_at:
                return
            order = self._listing()
            loaded = {meeting_id: self._load(meeting_id) for meeting_id, _ in order}
            meetings = {meeting_id: meeting for meeting_id, meeting in loaded.items() if meeting is not None}
            self._tables = (meetings, sorted(order, key=lambda entry: (entry[1] is None, entry[1] or dt.date.min)))
            self._built_at = generation
