"""`Assistant`: the one Python API that the CLI, the UI and the eval suite use."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

from ingest.models import IngestSummary, Meeting
from ingest.settings import Settings
from ingest.store import MeetingRecord, Store


class UnknownMeeting(LookupError):
    """A meeting id (or item) that the index does not hold."""


class Assistant:
    """Questions in, cited answers out, over one index.

    Heavy parts (the embedding model, the keyword index) load on first use,
    so listing meetings does not pay for them.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = Store(settings)

    @classmethod
    def open(cls, index_dir: str | Path | None = None, **settings: object) -> "Assistant":
        """An assistant over `index_dir` (default: the configured index); other keywords override settings."""
        return cls(Settings.load(index_dir=index_dir, **settings))

    @cached_property
    def embedder(self):
        from ingest.embed import Embedder

        return Embedder(self.settings.embed_model, self.settings.embed_batch_size)

    def ingest(self, paths: list[str | Path], prune: bool = False, progress: bool | None = None) -> IngestSummary:
        """Index the minutes files under `paths` (see `ingest.pipeline.ingest`)."""
        from ingest.pipeline import ingest

        summary = ingest(
            [Path(p) for p in paths], self.settings, prune=prune, progress=progress,
            store=self.store, embedder=self.embedder,
        )
        self.__dict__.pop("retriever", None)
        return summary

    def meetings(self) -> list[MeetingRecord]:
        """Every indexed meeting, oldest first, undated last."""
        return self.store.meeting_records()

    def meeting(self, meeting_id: str) -> Meeting:
        """The parsed meeting; `UnknownMeeting` if the index does not hold it."""
        meeting = self.store.meeting(meeting_id)
        if meeting is None:
            known = ", ".join(record.id for record in self.meetings()[:10]) or "none: run 'minutes ingest' first"
            raise UnknownMeeting(f"no meeting '{meeting_id}' in the index (known: {known})")
        return meeting
