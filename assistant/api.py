"""`Assistant`: the one Python API that the CLI, the UI and the eval suite use."""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.answer import Answer, Hit
from assistant.answer_type import QuestionKind
from assistant.cache import CACHE_FILE, EmbeddingCache
from assistant.directory import MeetingDirectory
from assistant.embed import Embedder
from assistant.errors import StoreError, UnknownMeeting
from assistant.evidence import unit_texts
from assistant.extractive import Refused, Sources, answer
from assistant.facts import DecisionRecord
from assistant.glossary import Glossary
from assistant.llm import LLM, check_llm_spec, load_llm
from assistant.llm.generate import llm_answer
from assistant.meaning import Meaning
from assistant.meeting_answers import about_meeting
from assistant.models import IngestSummary, Meeting
from assistant.plan import QueryPlan, plan_question
from assistant.query import SearchFilters, clean_question, date_range
from assistant.settings import Settings, quiet_telemetry
from assistant.store import IndexStore, MeetingRecord, open_store
from assistant.terms import alternatives, terms

if TYPE_CHECKING:
    from assistant.timeline import TimelinePoint
    from ingest.doctor import Checkup


class Assistant:
    """Questions in, cited answers out, over one index.

    Heavy parts (the embedding model, the keyword index) load on first use,
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

    def ingest(self, paths: list[str | Path], prune: bool = False, progress: bool | None = None,
               wait: float = 0.0, on_wait: Callable[[str], None] | None = None) -> IngestSummary:
        """Index the minutes files under `paths` (see `ingest.pipeline.ingest`).

        If another ingest is writing to this index, waits up to `wait` seconds (telling `on_wait`),
        then raises `ingest.lock.IndexBusy`. Then embeds the quotable units of every new or changed
        meeting, so no question waits for them (see `assistant.meaning`).
        """
        from ingest.pipeline import ingest

        before = {record.id: record.file_hash for record in self.meetings()}  # reading must not create the index
        summary = ingest(
            [Path(p) for p in paths], self.settings, prune=prune, progress=progress,
            store=self.store, embedder=self.embedder, wait=wait, on_wait=on_wait,
        )
        self.embed_units([record.id for record in self.store.meetings() if before.get(record.id) != record.file_hash])
        return summary

    def embed_units(self, meeting_ids: Sequence[str]) -> None:
        """Embed the quotable units of these meetings' stored passages now, as answering will read them."""
        for meeting_id in meeting_ids:
            self.meaning.vectors(unit_texts(self.store.chunks(meeting_id)))

    def doctor(self, paths: Sequence[str | Path] = (), progress: bool | None = None) -> Checkup:
        """Check the index and rebuild it if damaged (see `ingest.doctor.doctor`); returns the `Checkup`."""
        from ingest.doctor import doctor

        return doctor(self.settings, [Path(p) for p in paths], store=self.store, embedder=self.embedder,
                      progress=progress)

    def _index_missing(self) -> bool:
        """An embedded index whose folder does not exist: reading must not create it."""
        return not self.settings.uses_server and not self.settings.index_dir.exists()

    def meetings(self) -> list[MeetingRecord]:
        """Every indexed meeting, oldest first, undated last (none if the index does not exist yet)."""
        return [] if self._index_missing() else self.store.meetings()

    def meeting(self, meeting_id: str) -> Meeting:
        """The parsed meeting; `UnknownMeeting` if the index does not hold it."""
        meeting = None if self._index_missing() else self.store.meeting(meeting_id)
        if meeting is None:
            raise self._unknown(meeting_id)
        return meeting

    def decisions(self, since: dt.date | str | None = None, until: dt.date | str | None = None,
                  committee: str | None = None, query: str | None = None) -> list[DecisionRecord]:
        """Every decision the indexed minutes record, one row each, oldest meeting first (undated last).

        `since`/`until` keep dated meetings in range; `committee` keeps one
        committee (any case); `query` keeps decisions whose text or item
        title uses every content word of it (abbreviations either way).
        """
        start, end = date_range(since, until)
        wanted = set(terms(clean_question(query))) if query else set()
        stats = self.retriever.stats if wanted else None
        rows: list[DecisionRecord] = []
        for record in self.meetings():
            if (start or end) and (record.date is None or (start and record.date < start) or (end and record.date > end)):
                continue
            if committee and record.committee.lower() != committee.strip().lower():
                continue
            meeting = self.meeting(record.id)
            for decision in meeting.facts.decisions:
                item = meeting.item(f"#{decision.position}")
                title = item.title if item else ""
                if stats and not all(alternatives(t) & set(stats.terms(f"{title}\n{decision.text}")) for t in wanted):
                    continue
                rows.append(DecisionRecord(
                    meeting.id, meeting.committee, meeting.date, decision.position, item.number if item else None,
                    title, decision.text, decision.verb, decision.routine, meeting.council,
                ))
        return rows

    @property
    def glossary(self) -> Glossary:
        """The abbreviations the indexed minutes define, plus the configured glossary file's."""
        return self.retriever.snapshot().glossary

    def expand(self, term: str) -> set[str]:
        """The other forms of an abbreviation or long form: ``expand("ASB") == {"anti-social behaviour"}``."""
        return self.glossary.expand(term)
    def _unknown(self, meeting_id: str) -> UnknownMeeting:
        known = ", ".join(record.id for record in self.meetings()[:10]) or "none: run 'minutes ingest' first"
        return UnknownMeeting(f"no meeting '{meeting_id}' in the index (known: {known})")

    @cached_property
    def retriever(self):
        """Dense and keyword retrieval over the index; `StoreError` if there is no index to search yet."""
        from assistant.retrieve import HybridRetriever

        if self._index_missing():
            raise StoreError(f"no index at {self.settings.location}: run 'minutes ingest PATH' first")
        return HybridRetriever(self.store, self.embedder, self.settings.glossary)

    def warm(self) -> None:
        """Load the model, build the keyword index and read the meetings now, so the first question is not slow."""
        self.retriever.warm()
        self.directory.read_all()

    def timeline(self, topic: str) -> list[TimelinePoint]:
        """Per meeting, the agenda items about `topic`, each with the rule it matched by (see `assistant.timeline`)."""
        from assistant.timeline import topic_timeline

        return topic_timeline(self.retriever, clean_question(topic))

    def related_topics(self, topic: str, k: int = 4) -> list[str]:
        """Topics the minutes discuss that are close to `topic` in meaning: what to try when nothing matches it."""
        from assistant.timeline import related_topics

        return related_topics(self.retriever, clean_question(topic), k)

    def search(self, query: str, k: int = 5, since: dt.date | str | None = None, until: dt.date | str | None = None,
               meeting: str | None = None) -> list[Hit]:
        """The `k` best agenda items for `query`, filtered as given and by dates the query names.

        This is the retrieval `ask` answers from: for questions about who
        attended or chaired, the meetings' attendance blocks come first.
        """
        return self._retrieve(self._plan(query, since, until, meeting), k)

    def _plan(self, question: str, since, until, meeting, bodies: bool = True) -> QueryPlan:
        """The question read against the index; `InvalidQuestion` for an empty date window, `UnknownMeeting`.
        Without `bodies`, no words of it name a committee."""
        filters = SearchFilters(*date_range(since, until), meeting or None)
        self.directory.refresh()
        infos = self.directory.infos() if bodies else [replace(info, body="") for info in self.directory.infos()]
        if filters.meeting and all(filters.meeting != info.id for info in infos):
            raise self._unknown(filters.meeting)
        spelling = partial(self.retriever.stats.corrected, keep=self.embedder.is_word, near=self.embedder.near_words)
        return plan_question(clean_question(question), filters, infos, self.glossary, spelling)

    def _retrieve(self, plan: QueryPlan, k: int) -> list[Hit]:
        hits = self.retriever.retrieve(plan.search, k, plan.filters)
        if about_meeting(plan) and not (plan.kind is QuestionKind.WHEN and (plan.relation or "next" in plan.topic.lower())):
            headers = self.retriever.retrieve(plan.search, 2, plan.filters, kind="header")
            hits = (headers + [hit for hit in hits if hit.kind != "header"])[:k]
        return hits

    @cached_property
    def directory(self) -> MeetingDirectory:
        """The indexed meetings, parsed once per index generation (see `assistant.directory`)."""
        return MeetingDirectory(self.store.meeting, lambda: self.retriever.snapshot().meetings,
                                lambda: self.retriever.snapshot().generation)

    @cached_property
    def meaning(self) -> Meaning:
        """Sentence-to-question closeness by the embedding model, sentence vectors kept in the index's cache."""
        disk = EmbeddingCache(self.settings.cache_folder / CACHE_FILE, str(self.embedder.model_path))
        return Meaning(self.embedder, disk)

    def _sources(self) -> Sources:
        return Sources(
            retrieve=lambda text, k, filters: self.retriever.retrieve(text, k, filters),
            chunks=self.store.chunks, meeting=self.directory.meeting, listing=self.directory.infos,
            stats=self.retriever.stats, meaning=self.meaning, threshold=self.settings.refusal_threshold,
            ordinary=self.embedder.is_word, slip=self.embedder.is_slip,
        )

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
        plan, sources = self._plan(question, since, until, meeting), self._sources()
        result = answer(plan, sources, k)
        if isinstance(result, Refused) and plan.loose_committee and len({info.body for info in self.directory.infos()}) > 1:
            # "What letter did the csp send to the pcc": that committee's minutes are silent, but "the csp" may be what
            # another body's minutes discuss.
            wider = self._plan(question, since, until, meeting, bodies=False)
            if not isinstance(found := answer(wider, sources, k), Refused):
                plan, result = wider, found
        if isinstance(result, Refused):
            yield Answer(question=plan.question, text=result.text, refused=True, citations=[], filters=plan.filters,
                         seconds=time.perf_counter() - started, closest=result.closest)
            return
        extractive = Answer(
            question=plan.question, text=result.text(), refused=False, citations=result.citations,
            sentences=result.sentences, mode="extractive", filters=plan.filters,
        )
        events: Iterator[str | Answer] = (llm_answer(self.llm, extractive, plan, self.directory.meeting)
                                          if self.llm is not None else iter([extractive.text, extractive]))
        for event in events:
            yield replace(event, seconds=time.perf_counter() - started) if isinstance(event, Answer) else event

    @property
    def llm(self) -> LLM | None:
        """The answer-writing model (passed in, or loaded from the configured spec), or None for extractive answers."""
        if self._llm is None and self.settings.llm:
            self._llm = load_llm(self.settings.llm)
        return self._llm


