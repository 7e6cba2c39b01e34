"""`Assistant`: the one Python API that the CLI, the UI and the eval suite use."""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from assistant.answer import Answer, AnswerSentence, Hit
from assistant.embed import Embedder
from assistant.errors import InvalidQuestion, UnknownMeeting
from assistant.extractive import Evidence, compose, relevance
from assistant.llm import LLM, check_llm_spec, load_llm
from assistant.llm.generate import llm_answer
from assistant.models import IngestSummary, Meeting
from assistant.query import QueryPlan, SearchFilters, clean_question, plan_question
from assistant.settings import Settings, quiet_telemetry
from assistant.store import IndexStore, MeetingRecord, open_store

_CANDIDATES = 4  # items read in full per question before the relevance gate



class Assistant:
    """Questions in, cited answers out, over one index.

    Heavy parts (the embedding model, the vector index) load on first use,
    so listing meetings does not pay for them.
    """

    def __init__(self, settings: Settings, *, store: IndexStore | None = None, embedder: Embedder | None = None,
                 llm: LLM | None = None) -> None:
        """Parts not passed in are built from `settings` (tests pass fakes or shared ones here).

        A configured model spec is checked now, so a bad ``--llm`` fails before any
        question; the model itself loads on the first answer that needs it.
        """
        self.settings = settings
        self.store = store if store is not None else open_store(settings)
        self._embedder = embedder
        if llm is None and settings.llm:
            check_llm_spec(settings.llm)
        self._llm = llm

    @classmethod
    def open(cls, index_dir: str | Path | None = None, **settings: object) -> Assistant:
        """An assistant over `index_dir` (default: the configured index); other keywords override settings.

        This is the library's entry point, so it is where telemetry and model-hub access are switched off.
        """
        quiet_telemetry()
        return cls(Settings.load(index_dir=index_dir, **settings))

    @property
    def embedder(self) -> Embedder:
        """The embedding model, loaded on first use so that listing meetings does not pay for it."""
        if self._embedder is None:
            self._embedder = Embedder(self.settings.embed_model, self.settings.embed_batch_size)
        return self._embedder

    def ingest(self, paths: list[str | Path], prune: bool = False, progress: bool | None = None) -> IngestSummary:
        """Index the minutes files under `paths` (see `ingest.pipeline.ingest`)."""
        from ingest.pipeline import ingest

        return ingest(
            [Path(p) for p in paths], self.settings, prune=prune, progress=progress,
            store=self.store, embedder=self.embedder,
        )

    def meetings(self) -> list[MeetingRecord]:
        """Every indexed meeting, oldest first, undated last."""
        return self.store.meetings()

    def meeting(self, meeting_id: str) -> Meeting:
        """The parsed meeting; `UnknownMeeting` if the index does not hold it."""
        meeting = self.store.meeting(meeting_id)
        if meeting is None:
            known = ", ".join(record.id for record in self.meetings()[:10]) or "none: run 'minutes ingest' first"
            raise UnknownMeeting(f"no meeting '{meeting_id}' in the index (known: {known})")
        return meeting

    @cached_property
    def retriever(self):
        from assistant.retrieve import HybridRetriever

        return HybridRetriever(self.store, self.embedder)

    def warm(self) -> None:
        """Load the query encoder and open the index now, so the first question is not slow."""
        self.retriever.warm()

    def timeline(self, topic: str) -> list:
        """Per meeting, the agenda items that mention `topic` (see `assistant.timeline`)."""
        from assistant.timeline import topic_timeline

        return topic_timeline(self.retriever, clean_question(topic))

    def search(self, query: str, k: int = 5, since: dt.date | str | None = None, until: dt.date | str | None = None,
               meeting: str | None = None) -> list[Hit]:
        """The `k` best agenda items for `query`, filtered as given and by dates the query names.

        This is the retrieval `ask` answers from: for questions about who
        attended or chaired, the meetings' attendance blocks come first.
        """
        return self._retrieve(self._plan(query, since, until, meeting), k)

    def _plan(self, question: str, since, until, meeting) -> QueryPlan:
        filters = SearchFilters(_as_date(since), _as_date(until), meeting)
        return plan_question(clean_question(question), filters, self.retriever.snapshot().meetings)

    def _retrieve(self, plan: QueryPlan, k: int) -> list[Hit]:
        hits = self.retriever.retrieve(plan.question, k, plan.filters)
        if plan.kind == "meeting":
            headers = self.retriever.retrieve(plan.question, 2, plan.filters, kind="header")
            hits = (headers + [hit for hit in hits if hit.kind != "header"])[:k]
        return hits

    def ask(self, question: str, since: dt.date | str | None = None, until: dt.date | str | None = None,
            meeting: str | None = None, k: int = 5) -> Answer:
        """A short answer to `question`, every sentence cited, or a refusal when the minutes are silent.

        Raises `InvalidQuestion` for an empty, over-long or wordless question.
        """
        for event in self.ask_stream(question, since=since, until=until, meeting=meeting, k=k):
            if isinstance(event, Answer):
                return event
        raise AssertionError("ask_stream ended without an Answer")

    def ask_stream(self, question: str, since: dt.date | str | None = None, until: dt.date | str | None = None,
                   meeting: str | None = None, k: int = 5) -> Iterator[str | Answer]:
        """`ask`, for front ends that show progress: the answer text so far, as it grows, then the final `Answer`.

        The text is provisional (with a model, it is unchecked); the final
        `Answer` (checked, cited) replaces it.
        """
        started = time.perf_counter()
        plan = self._plan(question, since, until, meeting)
        hits = self._retrieve(plan, k)
        stats = self.retriever.stats
        evidence = [Evidence(h, self.store.chunks(h.meeting_id, h.item_position)) for h in hits[:_CANDIDATES]]
        relevant = [e for e in evidence if relevance(plan, e, stats) >= self.settings.refusal_threshold]
        sentences, citations = compose(plan, relevant, stats) if relevant else ([], [])
        if not sentences:
            yield _refusal(plan.question, plan.filters, hits[0] if hits else None, time.perf_counter() - started)
            return
        answer = Answer(
            question=plan.question,
            text=_answer_text(sentences),
            refused=False,
            citations=citations,
            sentences=sentences,
            mode="extractive",
            filters=plan.filters.to_dict(),
        )
        events: Iterator[str | Answer] = llm_answer(self.llm, answer) if self.llm is not None else iter([answer.text, answer])
        for event in events:
            yield replace(event, seconds=time.perf_counter() - started) if isinstance(event, Answer) else event

    @property
    def llm(self) -> LLM | None:
        """The answer-writing model (passed in, or loaded from the configured spec), or None for extractive answers."""
        if self._llm is None and self.settings.llm:
            self._llm = load_llm(self.settings.llm)
        return self._llm


def _answer_text(sentences: list[AnswerSentence]) -> str:
    """Sentences with their markers; a blank line where the answer moves to another source."""
    parts: list[str] = []
    previous: tuple[int, ...] | None = None
    for sentence in sentences:
        if previous is not None:
            parts.append("\n\n" if sentence.citations != previous else " ")
        parts.append(f"{sentence.text} [{', '.join(map(str, sentence.citations))}]")
        previous = sentence.citations
    return "".join(parts)


def _refusal(question: str, filters: SearchFilters, closest: Hit | None, seconds: float) -> Answer:
    text = "The minutes in the index do not record an answer to that question."
    if filters:
        text += " (Searched only meetings matching: " + ", ".join(
            f"{key} {value}" for key, value in filters.to_dict().items() if value) + ".)"
    if closest is not None:
        text += f" The closest agenda item was {closest.label}: {closest.item_title}."
    return Answer(question=question, text=text, refused=True, citations=[], filters=filters.to_dict(), seconds=seconds)


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise InvalidQuestion(f"'{value}' is not a date; use YYYY-MM-DD") from error
