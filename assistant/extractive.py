"""The default answerer: from a question's plan to a cited answer or a refusal that says what is missing.

No model writes anything: sentences are quoted from the minutes, or composed
from meeting facts and the citation's own label, and every one is cited.
The steps: questions about a meeting itself (who chaired, when, where) are
answered from its facts; anything else reads the best items whole, keeps
those close enough to the question (by meaning and its rare words) and
shapes the answer its kind calls for (`assistant.shapes`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from assistant.answer import Citation, Hit, SourceRef
from assistant.answer_type import AnswerType, QuestionKind, wants_list
from assistant.evidence import Evidence, asks_about_something, names_item, query_terms, read, relevance
from assistant.grounding import names
from assistant.meaning import Meaning
from assistant.meeting_answers import (
    ATTENDANCE,
    START_TIME,
    about_attendee,
    about_meeting,
    beyond_role,
    meeting_answer,
    next_meetings,
    set_for,
)
from assistant.models import HEADER_POSITION, Chunk, Meeting
from assistant.plan import MeetingInfo, QueryPlan
from assistant.query import SearchFilters
from assistant.refusal import (
    listed_only,
    listed_text,
    named,
    no_exact_date,
    other_scope,
    refusal_text,
    speaker,
    unheard,
    unlisted,
)
from assistant.shapes import Draft, overview, shape, subject_terms
from assistant.terms import TermStats, alternatives, terms
from assistant.vocabulary import BODY_WORDS

_CANDIDATES = 6  # items read in full per question before the relevance gate
_NAME_PASSAGES = 3  # passages searched for a word, to see whether the minutes write it as a name
_MEETING_CANDIDATES = 16  # "which meetings ..." reads more, across meetings
_NAMED_ITEM_SHARE = 0.6  # of the relevance bar, for an item the question names at the one meeting it names
# A role a "who" question asks about, and the stem a sentence naming it uses ("Chair", "Chairman").
_ROLE_ASKED = re.compile(r"^\s*who\s+(?:\w+\s+){0,3}?(?:(?:as|the|a|an)\s+)*(?P<role>(?:new\s+)?(?P<stem>chair|vice[- ]chair|"
                         r"secretary|treasurer|lead\s+officer)(?:man|person|woman)?)\b", re.I)  # not "who do i send it to"
_WHO_FROM = re.compile(r"^\s*who\s+(?:came\s+|was\s+there\s+|were\s+there\s+|attended\s+)?from\b", re.I)
_MENTION_SHARE = 0.75  # of the relevance bar, for an item that names the whole subject of a "which meetings" question
# A question about the meetings themselves (who chaired, when the next one was set) gets one composed sentence per
# meeting it may mean; over a large archive that names none, the latest this many, not a list of thousands.
_MEETINGS_ANSWERED = 20
_SECOND_ANSWER_SENTENCES = 1  # of a second question asked with the first: its leading sentence
_META_TERMS = {"chair", "attend", "present", "apolog"}
_NEXT_MEETING = re.compile(r"\bnext\s+meetings?\b", re.I)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")  # "counter-radicalisation" whole, as `terms` also joins it
_END = re.compile(r"(?:end|finish|expir|clos|stop|ceas)", re.I)  # "when does it expire / end / close"
_YEAR = re.compile(r"(?<![\d/])((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class Sources:
    """What answering reads, passed in by `Assistant`: retrieval, item passages, meetings, statistics, meaning."""

    retrieve: Callable[[str, int, SearchFilters], list[Hit]]
    chunks: Callable[[str, int], list[Chunk]]
    meeting: Callable[[str], Meeting | None]
    listing: Callable[[], Sequence[MeetingInfo]]  # every meeting (id, date, body), oldest first, undated last
    stats: TermStats
    meaning: Meaning | None
    threshold: float
    ordinary: Callable[[str], bool] = lambda word: False  # an ordinary word, spelt right (`Embedder.is_word`)
    slip: Callable[[str], bool] = lambda word: True  # one slip from an ordinary word, a typo (`Embedder.is_slip`)

    def item(self, meeting_id: str, position: int) -> Evidence | None:
        """One item (position 0: the attendance block) as evidence, or None if the index lacks it."""
        chunks = self.chunks(meeting_id, position)
        return Evidence(Hit.from_chunk(chunks[0], 0.0, 0.0, 0.0), chunks) if chunks else None


@dataclass(frozen=True)
class Refused:
    """Why there is no answer, in words for the person who asked, and the item that came nearest (if any)."""

    text: str
    closest: SourceRef | None = None


def _refused(reason: str | None, closest: SourceRef | None, listed: str | None = None) -> Refused:
    return Refused(refusal_text(reason, closest, listed), closest.source_ref() if closest else None)


def answer(plan: QueryPlan, sources: Sources, k: int = 5) -> Draft | Refused:
    """The extractive answer to `plan`, or why there is none; asked two questions as one ("how long was it to run
    and when did it start"), the first's answer and then the lead of the second's."""
    first = _answer(plan, sources, k)
    if plan.also is None or isinstance(first, Refused):
        return first
    second = _answer(plan.also, sources, k)
    if isinstance(second, Draft):
        first.extend(second, _SECOND_ANSWER_SENTENCES)
    return first


def _answer(plan: QueryPlan, sources: Sources, k: int) -> Draft | Refused:
    hits = [hit for hit in sources.retrieve(plan.search, _k(plan, k), plan.filters) if hit.item_position != HEADER_POSITION
            and not (plan.excluded and plan.excluded <= set(terms(hit.item_title)))]  # "apart from iQuanta"
    closest = hits[0] if hits else None
    about = about_meeting(plan)
    asks_meeting = about or plan.kind in (QuestionKind.WHO, QuestionKind.YESNO, QuestionKind.MEETINGS)
    meetings = [] if plan.refused or not asks_meeting else list(_named_meetings(plan, sources, _MEETINGS_ANSWERED))
    if (about or about_attendee(plan, meetings)) and not beyond_role(plan, meetings):
        anchor = sources.meeting(plan.anchor) if plan.anchor else None
        if anchor is not None and plan.relation == "after":
            meetings = _following(anchor, sources)
        draft = meeting_answer(plan, meetings, sources.item, anchor)
        if draft.sentences:
            return draft
        if plan.kind in (QuestionKind.WHO, QuestionKind.WHERE, QuestionKind.WHEN, QuestionKind.YESNO) and meetings \
                and not plan.relation:
            return _refused(_silent(plan, meetings), closest)
    if plan.refused and (announced := _announced(plan, sources)).sentences:
        return announced
    if plan.refused:
        return _refused(plan.missing, closest)
    if plan.kind is QuestionKind.MEETINGS and _NEXT_MEETING.search(plan.question):
        dates = next_meetings(list(_named_meetings(plan, sources, _MEETINGS_ANSWERED)), sources.item)
        if dates.sentences:
            return dates
    if (outline := _overview(plan, sources)).sentences:
        return outline
    if _asks_unknown_specific(plan, sources):
        return _refused(None, closest)
    read_items = [Evidence(hit, sources.chunks(hit.meeting_id, hit.item_position)) for hit in hits[: _read_count(plan)]]
    items = _in_order(plan, _relevant(plan, [item for item in read_items if _names_year(plan, item)], sources))
    lists = plan.kind in (QuestionKind.SUMMARY, QuestionKind.DECISION) or wants_list(plan.question)
    draft = shape(plan, read(plan, items, sources.stats, sources.meaning, lists)) if items else Draft()
    listed = listed_only(plan.topic, _named_meetings(plan, sources)) if plan.kind is not QuestionKind.WHO else None
    if listed and not named(listed[0], set(terms(" ".join([draft.text(), *(citation.item_title  # "Area Boards - reports back"
                                                                       for citation in draft.citations)])))):
        return _refused(None, closest, listed_text(*listed))
    if draft.sentences and unheard(plan.topic, [(citation.item_title, citation.passage)
                                                      for citation in draft.citations], sources.stats.terms):
        # The question's own words name the speaker: the topic's may be mended spellings.
        return _refused(f"The minutes do not record what {speaker(plan.question)} said about this.", closest)
    if draft.sentences and (name := _unnamed(plan, draft, sources)):
        # "what did the police say about e-scooters in thornaby": the e-scooter report never names Thornaby.
        return _refused(_never_named(name, sources), _cited_hit(draft))
    if draft.sentences and _names_no_one(plan, draft):
        # "who from curv came": a sentence about what CURV reported names nobody who came.
        return _refused("The minutes do not name who that was.", _cited_hit(draft))
    if draft.sentences and (role := _role_unsaid(plan, draft)):
        # "who got picked as the new chair": a sentence about the lead officer names no chair.
        return _refused(f"The minutes do not say who was {role}.", _cited_hit(draft))
    if draft.sentences and plan.years and _about_later_years(plan, draft):
        return _refused(plan.missing, _cited_hit(draft))
    if draft.sentences and (missing := unlisted(plan.question, draft.sentences[0].text)
                            or (plan.fact is AnswerType.DATE and no_exact_date(plan.question, draft.sentences[0].text))):
        return _refused(missing, _cited_hit(draft))
    if draft.sentences and plan.kind is QuestionKind.FACT and (elsewhere := other_scope(
            plan.topic, draft.sentences[0].text, _cited_hit(draft).passage,
            lambda word: [hit.quote for hit in sources.retrieve(word, _NAME_PASSAGES, SearchFilters())])):
        return _refused(elsewhere, _cited_hit(draft))
    if draft.sentences:
        return draft
    unknown = next((name for name in _names(plan, sources) if not any(map(sources.stats.known, terms(name)))), None)
    reason = plan.missing if plan.years else _never_named(unknown, sources) if unknown else None
    return _refused(reason, closest, listed_text(*listed) if listed else None)


def _relevant(plan: QueryPlan, items: list[Evidence], sources: Sources) -> list[Evidence]:
    """The items sure enough to answer from (`Settings.refusal_threshold`).

    Asked which meetings discussed something, once one item clears the bar,
    an item that names every word of the subject counts nearer to it
    (`_MENTION_SHARE`): "drugs" in a community safety plan's priorities is
    one of the meetings that discussed drugs, though the plan is about more;
    an item whose title names it (or one of two subjects asked as either)
    counts nearer still (`_NAMED_ITEM_SHARE`): "Prevent Strategy Update",
    which says only that it was deferred, reads far from a question about
    "prevent or counter terrorism" but is one of its meetings.
    """
    scored = [(relevance(plan, item, sources.stats), item) for item in items]
    # An item the question names by its title ("the crime report" at a meeting it names) is the one it asks about,
    # though the question's other words ("the gist of", "the biggest fall") make it read less close.
    one_meeting = bool(plan.filters.meeting) or ((plan.filters.since or plan.filters.until) and sum(
        plan.filters.admits(m.date, m.id, m.body or None) for m in sources.listing()) == 1)  # "in feb 2017"
    sure = [item for score, item in scored if score >= sources.threshold or (
        score >= _NAMED_ITEM_SHARE * sources.threshold and one_meeting and names_item(plan, item))]
    if plan.kind is not QuestionKind.MEETINGS or not sure:
        return sure
    subject, either = subject_terms(plan)
    wanted = [term for term in query_terms(plan) if term in subject]
    return [item for score, item in scored if score >= sources.threshold or (wanted and (
        score >= _MENTION_SHARE * sources.threshold and sources.stats.coverage(wanted, item.text) == 1.0  # names it all
        # titled by it: however little its text says ("Prevent Strategy Update": "This item was deferred")
        or score >= _NAMED_ITEM_SHARE * sources.threshold and any(
            sources.stats.coverage(sorted(part), item.hit.item_title) == 1.0 for part in either or [subject])))]


def _in_order(plan: QueryPlan, items: list[Evidence]) -> list[Evidence]:
    """Asked for the latest (or earliest) word on something, the items of the newest (oldest) dated meeting among
    those found; all of them when none is dated."""
    dated = [item.hit.date for item in items if item.hit.date]
    if plan.order is None or not dated or plan.kind is QuestionKind.MEETINGS:  # `shapes.meetings` picks its line
        return items
    chosen = max(dated) if plan.order == "latest" else min(dated)
    return [item for item in items if item.hit.date == chosen]


def _named_meetings(plan: QueryPlan, sources: Sources, last: int | None = None) -> Iterator[Meeting]:
    """The meetings the question is about: the one it names, those in its period, else all of them; with `last`,
    only the last that many of those (oldest first, undated last, as the index lists them).

    Each is read as the caller reaches it: a question over a large index may stop at the first.
    """
    ids = [m.id for m in sources.listing() if plan.filters.admits(m.date, m.id, m.body or None)]  # of the body named
    for meeting_id in ids[-last:] if last else ids:
        meeting = sources.meeting(meeting_id)
        if meeting is not None:
            yield meeting


def _following(anchor: Meeting, sources: Sources) -> list[Meeting]:
    """The next dated meeting of `anchor`'s committee the index holds after it, if any (another committee's
    meeting is not the next one of this)."""
    later = (sources.meeting(m.id) for m in sources.listing() if m.date and anchor.date and m.date > anchor.date)
    found = next((meeting for meeting in later if meeting is not None and meeting.committee == anchor.committee), None)
    return [found] if found else []


_SETTING_MEETINGS = 3  # the meetings before a period that may have set a meeting in it


def _announced(plan: QueryPlan, sources: Sources) -> Draft:
    """"What time was the sept 2012 meeting?" of an index without minutes from then: the next meeting that one of
    the last few meetings before it set in that period, if any."""
    period = plan.period
    if period is None or period.since is None or plan.kind is not QuestionKind.WHEN or not about_meeting(plan):
        return Draft()
    before = [m.id for m in sources.listing() if m.date and m.date < period.since]
    meetings = [meeting for meeting_id in before[-_SETTING_MEETINGS:] if (meeting := sources.meeting(meeting_id))]
    return set_for(period, meetings, sources.item)


def _overview(plan: QueryPlan, sources: Sources) -> Draft:
    """"What happened at the last meeting?", "what did they decide at it?": nothing asked about but the one meeting
    named, a line per item (or decision)."""
    named = plan.filters.meeting or plan.filters.since or plan.filters.until
    if plan.kind not in (QuestionKind.SUMMARY, QuestionKind.FACT, QuestionKind.DECISION) or asks_about_something(plan) \
            or not named:
        return Draft()
    held = list(_named_meetings(plan, sources, 2))
    if len(held) != 1:
        return Draft()
    items = [found for item in held[0].items if (found := sources.item(held[0].id, item.position))]
    return overview(items, decided=plan.kind is QuestionKind.DECISION)


def _silent(plan: QueryPlan, meetings: list[Meeting]) -> str:
    """"The minutes of the meeting of 19 Jul 2023 do not say who chaired it." and kin (where it was held)."""
    whose, one = _whose(meetings)
    it, was = ("it", "was") if one else ("them", "were")
    asked = ATTENDANCE.search(plan.topic)
    what = asked.group(0).lower() if asked else "attended"
    if what.startswith("chair") and re.search(r"\b(vice|deputy)\b", plan.question, re.I):
        return f"The minutes of {whose} do not say who was vice-chair."
    if what.startswith("chair"):
        return f"The minutes of {whose} do not say who chaired {it}."
    if what.startswith(("apolog", "absent")):
        return f"The minutes of {whose} record no apologies."
    they = "it" if one else "they"
    if plan.kind is QuestionKind.WHERE:
        return f"The minutes of {whose} do not say where {they} {was} held."
    if plan.kind is QuestionKind.WHEN:
        asked_when = f"what time {they} started" if START_TIME.search(plan.question) else f"when {they} {was} held"
        return f"The minutes of {whose} do not say {asked_when}."
    return f"The attendance list of {whose} does not name that." if one else f"The attendance lists of {whose} do not name that."


def _whose(meetings: list[Meeting]) -> tuple[str, bool]:
    """"the meeting of 19 Jul 2023", "the meetings of 14 Aug 2012, 14 Feb 2017 and 2 whose dates are not stated":
    the meetings a refusal speaks of (the first three dates), and whether it is one."""
    dates = [m.date_label for m in meetings if m.date]
    undated = len(meetings) - len(dates)
    if len(meetings) == 1:
        return (f"the meeting of {dates[0]}" if dates else "the meeting whose date is not stated"), True
    if not dates:
        return f"the {undated} meetings whose dates are not stated", False
    parts = dates[:3] + ([f"{len(dates) - 3} more"] if len(dates) > 3 else [])
    parts += [f"{undated} whose date{'s are' if undated > 1 else ' is'} not stated"] if undated else []
    return f"the meetings of {', '.join(parts[:-1])} and {parts[-1]}", False


def _asks_unknown_specific(plan: QueryPlan, sources: Sources) -> bool:
    """"When does the PSPO in Thornaby expire?": a pointed question about a word the minutes never use.

    Only a name or a rare word counts: an ordinary word says how the question asks, and the minutes may put it
    another way ("originally"; "started" for "implemented", "reply" for "response", "wrote" for "sent"). An end
    stays a specific ("when did it finish"): minutes that give only the start do not answer it.
    """
    if plan.fact not in (AnswerType.DATE, AnswerType.PERSON):
        return False
    asked_how = {term for word in _WORD.findall(plan.topic) if sources.ordinary(word) and not _END.match(word)
                 for term in terms(word)}
    return any(not sources.stats.known(term) for term in query_terms(plan) if term not in _META_TERMS | asked_how)


_NAME_LETTERS = 5  # shorter words may be abbreviations or typos of short words


def _names(plan: QueryPlan, sources: Sources) -> list[str]:
    """The names the question uses ("thornaby"): words that are not ordinary nor a slip from one (a typo the spelling
    repair could not mend from the index), nor abbreviations."""
    return [word for word in _WORD.findall(plan.topic) if len(word) >= _NAME_LETTERS and not sources.ordinary(word)
            and not sources.slip(word) and not sources.stats.glossary.expand(word)]


def _unnamed(plan: QueryPlan, draft: Draft, sources: Sources) -> str | None:
    """A name the question uses that no passage of the answer does ("e-scooters in thornaby")."""
    cited = set(terms(" ".join(f"{citation.item_title} {citation.passage}" for citation in draft.citations)))
    return next((name for name in _names(plan, sources) if not any(alternatives(term) & cited for term in terms(name))),
                None)


def _never_named(name: str, sources: Sources) -> str:
    """Why a name the answer lacks is missing: the index never uses it, or not where it speaks of the subject."""
    if any(sources.stats.known(term) for term in terms(name)):
        return f"The minutes in the index do not mention “{name}” where they speak of this."
    return f"The minutes in the index never mention “{name}”."


def _names_no_one(plan: QueryPlan, draft: Draft) -> bool:
    """Whether a "who from <body>" question is answered by a sentence that names no person: a name of two words or
    more, no body's word among them, that the question does not itself use."""
    if plan.kind is not QuestionKind.WHO or not _WHO_FROM.match(plan.question):
        return False
    asked = set(terms(plan.question))
    return not any(len(name.split()) >= 2 and not set(name.split()) & BODY_WORDS and not set(terms(name)) <= asked
                   for name in names(draft.sentences[0].text))


def _role_unsaid(plan: QueryPlan, draft: Draft) -> str | None:
    """The role a "who" question asks to be named ("who got picked as the new chair") when the answer's leading
    sentence never names it."""
    asked = _ROLE_ASKED.search(plan.question) if plan.kind is QuestionKind.WHO else None
    if asked is None or re.search(rf"\b{re.sub(r'[- ]+', '[- ]?', asked.group('stem'))}", draft.sentences[0].text, re.I):
        return None
    return f"the {asked.group('role').lower()}"


def _about_later_years(plan: QueryPlan, draft: Draft) -> bool:
    """Whether the leading sentence's figures are for a later year than the one asked about.

    "Figures for 2023?" is not answered by "212 incidents in October-December
    2024, down 14% on the same quarter of 2023": the figures are 2024's.
    """
    named = [int(year) for year in _YEAR.findall(draft.sentences[0].text)]
    return any(year > max(plan.years) for year in named)


def _cited_hit(draft: Draft) -> Citation:
    return draft.citations[draft.sentences[0].citations[0] - 1]


def _names_year(plan: QueryPlan, item: Evidence) -> bool:
    """For a period the index holds no minutes from, whether the item itself names one of its years."""
    return not plan.years or any(str(year) in item.text for year in plan.years)


def _k(plan: QueryPlan, k: int) -> int:
    return max(k, _MEETING_CANDIDATES) if plan.kind is QuestionKind.MEETINGS else k


def _read_count(plan: QueryPlan) -> int:
    return _MEETING_CANDIDATES if plan.kind is QuestionKind.MEETINGS else _CANDIDATES
