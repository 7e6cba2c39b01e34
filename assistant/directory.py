"""The meetings an index holds, as question planning and answering look them up, per index generation.

Planning resolves "the Op Harmony meeting" against item titles and "the
meeting after 14 Feb 2017" against dates: both come from the meeting records,
without parsing any meeting. Answering reads a few meetings' facts (chair,
venue, next meeting): each is parsed from the store when first asked for and
kept until the index changes. Parsing every meeting up front would cost
seconds per process at ten thousand meetings, for questions that read none.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence

from assistant.models import Meeting
from assistant.plan import MeetingInfo


class MeetingDirectory:
    """Meetings in date order (undated last), rebuilt by `refresh` when the index's generation changed.

    Thread-safe: a rebuild swaps in whole new tables.
    """

    def __init__(self, load: Callable[[str], Meeting | None], listing: Callable[[], Sequence[MeetingInfo]],
                 generation: Callable[[], int]) -> None:
        self._load, self._listing, self._generation = load, listing, generation
        self._lock = threading.Lock()
        self._built_at: int | None = None
        self._infos: tuple[MeetingInfo, ...] = ()
        self._parsed: dict[str, Meeting | None] = {}

    def meeting(self, meeting_id: str) -> Meeting | None:
        """The parsed meeting, read from the store on first use in this generation."""
        parsed = self._parsed
        if meeting_id not in parsed:
            parsed[meeting_id] = self._load(meeting_id)  # a race costs one parse twice, nothing worse
        return parsed[meeting_id]

    def infos(self) -> tuple[MeetingInfo, ...]:
        """What the question planner needs of each meeting: id, date, item titles, oldest first, undated last."""
        return self._infos

    def read_all(self) -> None:
        """Parse every meeting now (a long-running worker's warm-up: questions about every meeting read them all)."""
        self.refresh()
        for info in self._infos:
            self.meeting(info.id)

    def refresh(self) -> None:
        """Re-read the listing if the index changed; once per question (checking costs a store round trip)."""
        generation = self._generation()
        with self._lock:
            if generation == self._built_at:
                return
            self._infos = tuple(sorted(self._listing(), key=lambda info: (info.date is None, info.date or dt.date.min)))
            self._parsed = {}
            self._built_at = generation
