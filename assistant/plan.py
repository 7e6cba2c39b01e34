"""Reading a question into a plan: the answer it wants, the meetings it is about, the words to search for.

People name meetings in many ways: by date ("the August 2012 meeting",
"the agust 2012 one"), by what was discussed ("the Op Harmony meeting"),
relative to another ("the meeting after the February 2017 one"), or
relative to the newest minutes held ("the last meeting", "last summer").
The plan resolves each against the meetings in the index and takes the
reference out of the topic, so "the Op Harmony meeting" restricts the search
to that meeting instead of becoming search words.

A period the question names becomes a filter only where the index holds
meetings in it. Otherwise the plan records what is missing ("no minutes from
2019; the nearest are ...") and, for a period the question is about rather
than a meeting it names, the years the evidence itself must mention: "figures
for 2016/17" may still be answered by a 2017 meeting that reports them.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from assistant.answer_type import QUESTION_WORD, AnswerType, QuestionKind, after_scene, answer_type, question_kind
from assistant.dates import Period, correct_months, find_period, format_date, month_number
from assistant.glossary import Glossary, initials
from assistant.query import SearchFilters
from assistant.terms import terms
from assistant.vocabulary import MEETING_WORDS, QUESTION_WORD_SLIPS

Relation = Literal["after", "before"]
Order = Literal["latest", "earliest"]
# "when did they last talk about prevent", "the most recent update on asb": the newest item about it; "when was it first
# raised": the oldest. ("the last meeting" names a meeting, read before this; "for the first time" is no order.)
_LATEST = re.compile(r"\b(last|latest|most\s+recent(ly)?|recently|newest)\b(?!\s+(year|month|week|summer|winter|spring|"
                     r"autumn|time|meeting|one)s?\b)", re.I)
_EARLIEST = re.compile(r"\b(first|earliest)\s+(discuss|rais|mention|talk|come|came|report|brought|consider|look)\w*|"
                       r"\b(discuss|rais|mention|talk|report|brought|consider)\w*\s+(about\s+\w+\s+)?(for\s+the\s+)?first\b|"
                       r"\bearliest\b", re.I)

_RELATION = re.compile(
    r"\b(?:meeting|meet|one)\b[^.?]{0,20}?\b(after|before|following|preceding|prior\s+to)\s+(?:the\s+)?", re.I
)
_NAMED = re.compile(r"\b(?:the|that)\s+((?:(?!the\b|that\b|a\b)[\w'’/&,.-]+\s+){1,5}?)(?:meeting|one)\b", re.I)
# "op harmony meeting - which crime fell most": a meeting named first, as a scene, without "the".
_SCENE_NAMED = re.compile(r"^\s*((?:(?!the\b)[\w'’/&.-]+\s+){1,5}?)meeting\s*(?=[-–:,])", re.I)
# "... by how much did each go down (ropner/op harmony mtg)": a meeting named last, as an aside, without "the".
_ASIDE_NAMED = re.compile(r"(?:\(|[,–-]\s)\s*((?:(?!the\b)[\w'’/&.-]+\s+){1,5}?)meeting\s*\)?\s*\??\s*$", re.I)
# "the meeting where the new community safety plan was presented", "the one when they discussed sex workers".
_WHERE_NAMED = re.compile(
    r"\b(?:the|that)\s+(?:meeting|one)\s+(?:where|when|at\s+which|in\s+which)\s+(?:"
    r"(?:they|members|partners|the\s+partnership|it)\s+(?:discussed|talked\s+about|looked\s+at|heard\s+about|got|had)\s+"
    r"(?P<object>(?:[\w'’/&.-]+\s*){1,6}?)(?=\s*(?:[,?.;]|$|\s+(?:and|what|who|how|did|was)\b))"
    r"|(?P<subject>(?:[\w'’/&.-]+\s+){1,6}?)(?:was|were|got|had\s+been)\s+(?:first\s+)?(?:presented|discussed|agreed|"
    r"approved|considered|raised|reported|introduced|launched|brought\s+up|on\s+the\s+agenda)\b)", re.I)
_SUBJECT_END = re.compile(r"\s+(?:meeting|one)\b", re.I)
_QUESTION_SLIP = re.compile(rf"\b({'|'.join(QUESTION_WORD_SLIPS)})\b", re.I)
_NEWEST = re.compile(r"^(?:very\s+)?(?:last|latest|most\s+recent|newest|recent|previous)$", re.I)
_OLDEST = re.compile(r"^(?:very\s+)?(?:first|earliest|oldest)$", re.I)
_NEXT = re.compile(r"^(?:next|upcoming|following)$", re.I)
# "What does ACT stand for?", "what is ACT in the campaign" (an abbreviation asked about alone, not "the ASB figures").
_STANDS_FOR = re.compile(r"\bwhat\s+(?:does|do|did|is)\s+(?:the\s+)?(?P<term>[A-Za-z]{2,10})\s+(?:stand\s+for|mean|short\s+for)\b|"
                         r"\bwhat(?:'s|s|\s+is|\s+are|\s+was)\s+(?:the\s+|an?\s+)?(?P<alone>[A-Za-z]{2,10})"
                         r"(?:\s*\??\s*$|\s+(?:in|on|of|for|at|from|under|within)\b)", re.I)
# "How did X change across the meetings?", "the meetings it was on the agenda": the frame of a question about several
# meetings, not its topic.
_FRAME = re.compile(r"\b(chang(e|ed|es|ing)|across\s+(the\s+|all\s+)?meetings|(at\s+)?each\s+meeting|meeting\s+by\s+meeting|"
                    r"(each|every)\s+time|over\s+(time|the\s+years)|which\s+ones|((it|they)\s+(was|were)\s+)?on\s+the\s+agenda|"
                    r"(from\s+)?(one\s+)?meeting\s+to\s+(the\s+next|meeting))\b",
                    re.I)
# Words that say which meeting without saying what it discussed.
# "the police authority's letter from 18 june": a date that dates a document, not a meeting the index may hold.
_DOCUMENT_DATE = re.compile(r"\b(?:letter|e-?mail|paper|document|response|reply|consultation)s?\s+(?:of|from|dated|on)\s+$",
                            re.I)
# "the old 2011-14 csp plan", "the 2016-2019 strategy": years that name a document, not when it was discussed.
_DATED_DOCUMENT = re.compile(r"(?:[-/–]\d{2,4})?\s+(?:[a-z]{2,}\s+){0,2}?(?:plan|strategy|report|review|document|paper|"
                             r"letter|programme|policy|budget)s?\b", re.I)
# "apart from iquanta, what restricted items ...", "... other than the pspo": what the answer leaves out.
_EXCEPTING = r"(?:apart\s+from|other\s+than|except(?:\s+for)?|besides|aside\s+from)\s+(?:the\s+)?(?P<what>[^,?]{2,40}?)"
_EXCEPT_BEFORE = re.compile(rf"^\s*{_EXCEPTING}\s*,?\s+(?=(?:what|which|who|how|when|where|has|have|had|did|do|does|is|are|"
                            r"was|were|any)\b)", re.I)
_EXCEPT_AFTER = re.compile(rf",?\s+{_EXCEPTING}\s*(?:\?|$)", re.I)  # "... apart from op harmony? what was said"
_BODY_WORDS = 8  # the most words a committee's name is looked for in
# "how long was it meant to run and when did it start": a second question about the first's subject.
_SECOND_QUESTION = re.compile(rf"(?<=\w{{3}}),?\s+and\s+(?={QUESTION_WORD}\b)|"
                              r"(?<=\w{3}),\s+and\s+(?=(?:has|have|did|does|is|are|was|were)\b)|"  # "..., and was there ..."
                              r"(?<=\w{3})\s+and\s+(?=(?:has|have|did|does|is|are|was|were)\s+(?:it|they|there|this|that)\b)|"
                              rf"\?\s*(?:and\s+)?(?=(?:{QUESTION_WORD}|has|have|did|does|is|are|was|were)\b)",
                              re.I)  # "... any displacement? and has it made begging illegal"
_FIRST_QUESTION_WORDS = 3
_IN_THE_RECORDS = re.compile(r"\b(?:in|on|from)\s+(?:your|the|my|these|our)\s+(?:records?|index|database|system|archive|"
                             r"minutes\s+(?:here|you\s+have))\b|\bon\s+record\b", re.I)
_AND_LATER = re.compile(r"\s*\b(?:vs\.?|versus|compared\s+(?:to|with)|and\s+(?:since|after|later)|"
                        r"(?:and\s+)?(?:what|how)\s+about\s+(?:more\s+)?(?:recently|later|since|now|after))\b", re.I)
_MEETING_TERMS = frozenset(terms(MEETING_WORDS))
_GENERIC = frozenset(terms("partnership committee board panel forum full special annual same this that previous their our"))


@dataclass(frozen=True)
class MeetingInfo:
    """What the planner knows of one indexed meeting: its date, its item titles and the body that met."""

    id: str
    date: dt.date | None
    titles: tuple[str, ...] = ()
    body: str = ""
    council: str = ""  # "the haringey csp meeting" names the body with its council


@dataclass(frozen=True)
class QueryPlan:
    """What a question asks and where to look.

    `topic` is the question without its meeting reference: what word
    overlap uses; `search` is the topic with the other forms of its
    abbreviations ("PSPO" and "Public Space Protection Order"): what
    retrieval and meaning use. `anchor`/`relation` keep "the meeting after X" (X
    and "after"), whose own minutes may set the date of the next meeting.
    `missing` says what the index lacks for this question, in words an
    answer can use; with `years`, evidence that names one of them may still
    answer, otherwise the question is refused. `long_forms` are what an
    abbreviation the question asks about stands for ("What does ACT stand for?").
    `excluded` are the terms of what the question sets aside ("apart from
    iQuanta"): items titled by them are not read. `order` asks for the newest
    or oldest item about the topic alone ("when did they last discuss X"). `period` is the span the
    question names, kept when the index holds no minutes from it: an earlier
    meeting may have set a meeting in it ("what time was the sept 2012 meeting").
    `also` is the plan of a second question asked with this one ("how long was
    the strategy to run and when did it start"), about this one's subject;
    `question` is then both, as asked. `loose_committee`: the committee filter
    comes from initials alone ("what letter did the csp send"), which may as
    well name a subject other bodies' minutes discuss.
    """

    question: str
    kind: QuestionKind
    fact: AnswerType
    topic: str
    filters: SearchFilters = SearchFilters()
    search: str = ""
    anchor: str | None = None
    relation: Relation | None = None
    years: tuple[int, ...] = ()
    missing: str | None = None
    long_forms: tuple[str, ...] = ()
    excluded: frozenset[str] = frozenset()
    period: Period | None = None
    order: Order | None = None
    also: QueryPlan | None = None  # the second of two questions asked as one ("... and when did it start")
    loose_committee: bool = False

    @property
    def refused(self) -> bool:
        """Whether the plan alone shows the index cannot answer (a meeting it does not hold)."""
        return self.missing is not None and not self.years


@dataclass(frozen=True)
class _Reference:
    """A meeting named in the question: where the words are, and what they resolved to."""

    start: int
    end: int
    meetings: tuple[str, ...] = ()
    period: Period | None = None
    anchor: str | None = None
    relation: Relation | None = None
    missing: str | None = None
    committee: str | None = None  # the body the words named, as well ("the last ssp meeting")
    dated: tuple[int, int] | None = None  # where else the words are: "feb 2017 meeting - when was the next one"
    whole_body: bool = False  # the words name a committee and no meeting of it ("the csp meeting", "the ssp")
    initials: bool = False  # ... by its initials alone ("the csp")


def plan_question(question: str, filters: SearchFilters, meetings: Sequence[MeetingInfo],
                  glossary: Glossary | None = None, spelling: Callable[[str], str] | None = None) -> QueryPlan:
    """The plan for `question` over `meetings`; explicit `filters` win over what the text names.

    `glossary` (the index's abbreviations) adds the other forms of the
    topic's abbreviations and long forms to `search`; `spelling` mends the
    words the index never uses (`TermStats.corrected`), after misspelt months.
    """
    split = _SECOND_QUESTION.search(question)
    if split and (len(question[: split.start()].split()) < _FIRST_QUESTION_WORDS  # "when and where was it"
                  or question_kind(question) in (QuestionKind.SUMMARY, QuestionKind.MEETINGS)):  # "...? what was said each time"
        split = None
    plan = _read(question[: split.start()] if split else question, filters, meetings, spelling)
    if split and plan.kind in (QuestionKind.SUMMARY, QuestionKind.MEETINGS):
        # A summary says all there is anyway; a bare topic first ("prevent training numbers 2016/17? how many people
        # trained") is the scene of the one question that follows.
        plan = _read(question, filters, meetings, spelling)
    elif split:
        # "how long was the strategy to run and when did it start": the second asks about the first's subject.
        second = _read(question[split.end():], filters, meetings, spelling)
        if second.filters == filters:  # "... at the feb 2017 meeting and where was it held": that meeting
            second = replace(second, filters=plan.filters, missing=second.missing or plan.missing,
                             years=second.years or plan.years)
        # Its "it" is the first's subject: the first's words, less those that ask about a meeting ("who chaired
        # the aug 2012 meeting and where was it held": the meeting, already its filter) and, after a scene, those of
        # the first's own question ("crime report jan 2022 - what period did it cover and ...": not "period").
        asking = set((after_scene(question[: split.start()]) or "").lower().split())
        subject = [word for word in plan.topic.split() if set(terms(word)) - _MEETING_TERMS and word.lower() not in asking]
        plan = replace(plan, question=question, also=_searched(replace(second, topic=" ".join([second.topic, *subject])),
                                                               glossary))
    return _searched(plan, glossary)


def _searched(plan: QueryPlan, glossary: Glossary | None) -> QueryPlan:
    """`plan` with its search words: its topic, with the other forms of the abbreviations it uses."""
    if glossary is None:
        return replace(plan, search=plan.topic)
    asked = _STANDS_FOR.search(plan.topic)
    if asked:  # "What does ACT stand for?": the long form is what the answer must hold
        plan = replace(plan, long_forms=tuple(sorted(glossary.expand(asked.group("term") or asked.group("alone")))))
    return replace(plan, search=_with_other_forms(plan.topic, glossary))


def _read(question: str, filters: SearchFilters, meetings: Sequence[MeetingInfo],
          spelling: Callable[[str], str] | None) -> QueryPlan:
    text = _QUESTION_SLIP.sub(lambda found: QUESTION_WORD_SLIPS[found.group(0).lower()], correct_months(question))
    text = spelling(text) if spelling else text
    asked, excluded = _without_exception(text)
    kind, fact = question_kind(asked), answer_type(asked)
    if kind in (QuestionKind.MEETINGS, QuestionKind.SUMMARY):
        text = asked  # "apart from iQuanta, what restricted items ...": what is set aside is whole items
    if fact is AnswerType.ANY:
        # "When ...?" wants a date and "Where ...?" a place, however the rest is worded.
        fact = {QuestionKind.WHEN: AnswerType.DATE, QuestionKind.WHERE: AnswerType.PLACE}.get(kind, fact)
    elif kind is QuestionKind.MEETINGS and fact is AnswerType.DATE:
        fact = AnswerType.ANY  # "when has it been discussed": the meetings' own dates lead their lines
    text = _IN_THE_RECORDS.sub(" ", text)  # "the first meeting in your records": the index, not a topic
    topic = _FRAME.sub(" ", text) if kind is QuestionKind.MEETINGS else text
    plan = QueryPlan(question=question, kind=kind, fact=fact, topic=" ".join(topic.split()), excluded=excluded)
    # "each meeting", "across the meetings": a question about all of them names none in particular.
    reference = _committee_named(text, meetings) if plan.kind is QuestionKind.MEETINGS else _meeting_reference(text, meetings)
    if reference is not None:
        plan = _with_reference(plan, reference, filters, meetings)
    if reference is None or reference.whole_body or (
            reference.committee and not (plan.filters.meeting or plan.filters.since or plan.anchor)):
        plan = _with_period(plan, plan.filters, meetings)  # "the ssp meeting in feb 2017": the body, then the date
    compared = plan.kind is QuestionKind.MEETINGS and _AND_LATER.search(plan.question)  # "2012 and what about recently"
    if (latest := _LATEST.search(plan.topic)) and compared:
        plan = replace(plan, topic=_without(plan.topic, latest.start(), latest.end()))
    elif latest:  # the order is how it asks: "most recent" is no topic word
        plan = replace(plan, order="latest", topic=_without(plan.topic, latest.start(), latest.end()))
    elif _EARLIEST.search(plan.topic):
        plan = replace(plan, order="earliest", topic=" ".join(re.sub(r"\b(first|earliest)\b", " ", plan.topic).split()))
    if not (filters.since or filters.until or filters.meeting):
        return plan
    return replace(plan, filters=filters, missing=None, years=())


def _without_exception(text: str) -> tuple[str, frozenset[str]]:
    """The question without "apart from X" / "other than X" (what it asks, for its kind), and X's terms: items titled
    by X are left out ("apart from iQuanta, what restricted items ..."). Asked for one fact, X stays in the topic: a
    thing set aside within an item ("apart from DNA sprays, what else ...") finds the sentence naming both."""
    found = _EXCEPT_BEFORE.search(text) or _EXCEPT_AFTER.search(text)
    if not found:
        return text, frozenset()
    return " ".join((text[:found.start()] + " " + text[found.end():]).split()), frozenset(terms(found.group("what")))


def _with_other_forms(topic: str, glossary: Glossary) -> str:
    """`topic` and the other forms of the abbreviations it uses, typed in any case ("pspo", "asb")."""
    augmented = glossary.augment(topic)
    # "cbos": the plural of an abbreviation typed in lower case is the abbreviation.
    typed = {form for word in re.findall(r"[A-Za-z]{2,}", topic) if not word.isupper()
             for form in glossary.expand(word) or (glossary.expand(word[:-1]) if word[-1] in "sS" else set())}
    typed |= glossary.named_in_part(topic)  # "youth offending": YOT, YOS
    extra = sorted(form for form in typed if form.lower() not in augmented.lower())
    return " ".join([augmented.replace("\n", " "), *extra])


def _with_reference(plan: QueryPlan, reference: _Reference, filters: SearchFilters,
                    meetings: Sequence[MeetingInfo]) -> QueryPlan:
    spans = sorted([(reference.start, reference.end), *([reference.dated] if reference.dated else [])], reverse=True)
    topic = plan.topic
    for start, end in spans:  # the later first, so the earlier's place holds
        topic = _without(topic, start, end)
    plan = replace(plan, topic=topic, anchor=reference.anchor, relation=reference.relation, missing=reference.missing,
                   period=reference.period)
    if plan.kind is QuestionKind.WHEN and reference.relation == "after" and reference.anchor:
        # "When was the meeting after X?": X's own minutes set the next meeting; look there first.
        return replace(plan, filters=replace(filters, meeting=reference.anchor))
    if reference.committee and not filters.committee:
        filters = replace(filters, committee=reference.committee)
        plan = replace(plan, loose_committee=reference.initials)
    if len(reference.meetings) == 1:
        return replace(plan, filters=replace(filters, meeting=reference.meetings[0]))
    if reference.period is not None and reference.meetings:
        return replace(plan, filters=replace(filters, since=reference.period.since, until=reference.period.until))
    return replace(plan, filters=filters) if reference.committee else plan


def _with_period(plan: QueryPlan, filters: SearchFilters, meetings: Sequence[MeetingInfo]) -> QueryPlan:
    period = find_period(plan.topic, _newest(meetings))
    if period is None or _DOCUMENT_DATE.search(plan.topic[: period.start]) or _DATED_DOCUMENT.match(plan.topic[period.end:]):
        return plan
    # "since 2012" may well cover a meeting whose minutes omit the date; "in 2012" is narrower; "in 2012 vs later on",
    # asked across meetings, is 2012 and after.
    until = None if plan.kind is QuestionKind.MEETINGS and _AND_LATER.match(plan.topic[period.end:]) else period.until
    candidate = replace(filters, since=period.since, until=until, include_undated=until is None)
    if any(candidate.admits(m.date, m.id) for m in meetings):
        # "back in 2012", "was he there in aug 2012": the words that led to the date go with it
        back = re.search(r"(?:\bback\s+)?\b(?:in|during|on|from|for|of|at|back)\s+$", plan.topic[: period.start], re.I)
        return replace(plan, filters=candidate, topic=_without(plan.topic, back.start() if back else period.start, period.end))
    return replace(plan, years=period.years, missing=_no_minutes(period, meetings), period=period)


def _meeting_reference(text: str, meetings: Sequence[MeetingInfo]) -> _Reference | None:
    """The first meeting the question names, resolved; None when it names none."""
    relation = _RELATION.search(text)
    if relation:
        subject = _subject(text, relation.end(), meetings)
        if subject is not None:
            word = relation.group(1).lower()
            return _neighbour(replace(subject, start=relation.start()), "after" if word in ("after", "following") else "before",
                              meetings)
    where = _where_named(text, meetings)
    if where is not None:
        return where
    named_at = [*_SCENE_NAMED.finditer(text), *_NAMED.finditer(text), *_ASIDE_NAMED.finditer(text)]
    resolved = [(bool(_NEXT.match(named.group(1).strip())), found) for named in named_at
                if (found := _resolve(named.group(1), named.start(), named.end(), meetings)) is not None]
    following = next((found for is_next, found in resolved if is_next), None)
    if following is not None:
        # "after the january 2022 meeting when was the next one": the one after the meeting named, not the newest.
        named = next((found for is_next, found in resolved if not is_next and found.meetings), None)
        if named is not None:
            return _neighbour(replace(named, dated=(following.start, following.end)), "after", meetings)
        body = _committee_named(text, meetings) if following.committee is None else None
        if body is not None and body.committee:  # "the next meeting of the south cambs csp": after that body's newest
            own = [m for m in meetings if m.body == body.committee]
            following = replace(_resolve("next", following.start, following.end, own) or following, committee=body.committee)
        return _next_after_dated(text, following, meetings)
    return resolved[0][1] if resolved else _committee_named(text, meetings)


def _where_named(text: str, meetings: Sequence[MeetingInfo]) -> _Reference | None:
    """The meeting a question names by what happened at it ("the meeting where the new community safety plan was
    presented"): the one meeting whose item titles use every word of it that some title uses ("new" is none's)."""
    found = _WHERE_NAMED.search(text)
    if found is None:
        return None
    titled = {term for m in meetings for title in m.titles for term in terms(title)}
    words = " ".join(word for word in (found.group("object") or found.group("subject")).split()
                     if set(terms(word)) <= titled)
    about = _by_content(words, meetings)
    return _Reference(found.start(), found.end(), meetings=(about,)) if about else None


def _next_after_dated(text: str, following: _Reference, meetings: Sequence[MeetingInfo]) -> _Reference:
    """"feb 2017 meeting - when was the next one set for": the next one after the meeting the question dates, not
    after the newest; `following` (after the newest) when it dates none the index holds."""
    period = find_period(text, _newest(meetings))
    if period is None or (period.start < following.end and following.start < period.end):
        return following
    end = period.end + (tail.end() if (tail := re.match(r"\s+meeting\b", text[period.end:], re.I)) else 0)
    dated = replace(_by_period(period, following.start, following.end, meetings, named=True), dated=(period.start, end))
    return _neighbour(dated, "after", meetings) if dated.meetings else following


_WORD_AT = re.compile(r"[\w'’&-]+")


def _committee_named(text: str, meetings: Sequence[MeetingInfo]) -> _Reference | None:
    """The committee the question names without saying "meeting" ("has ropner come up at the ssp", "what did the
    safer stockton partnership decide"): a filter by it, no meeting of it in particular. The longest run of words
    that `_body_named` reads as naming one body exactly, looked for only among words some body's name uses (a
    question is read once)."""
    vocabulary = {word for m in meetings if m.body for forms in _name_forms(m.body, m.council) for word in forms}
    words = [(m.start(), m.end(), m.group()) for m in _WORD_AT.finditer(text) if m.group().lower() in vocabulary]
    best: tuple[int, int, str, bool] | None = None
    for first in range(len(words)):
        run = [words[first]]
        for following in words[first + 1: first + _BODY_WORDS]:
            if not text[run[-1][1]: following[0]].isspace():
                break
            run.append(following)
        for last in range(len(run), 0, -1):
            typed = [word.lower() for _, _, word in run[:last]]
            body = _body_named(" ".join(typed), meetings)
            meets = bool(re.match(r"\s+meetings?\b", text[run[last - 1][1]:], re.I))  # "the safer stockton meetings"
            if body is not None and not body[1] and len(body[0]) == 1 and (meets or _says_body(typed, body[0][0], meetings)):
                if best is None or run[last - 1][1] - run[0][0] > best[1] - best[0]:
                    best = (run[0][0], run[last - 1][1], body[0][0], not meets and set(typed) <= _forms(body[0][0], meetings)[1])
                break
    if best is None:
        return None
    start, end, name, initials_only = best
    the = re.search(r"\bthe\s+$", text[:start], re.I)
    return _Reference(the.start() if the else start, end, committee=name, whole_body=True, initials=initials_only)


def _subject(text: str, start: int, meetings: Sequence[MeetingInfo]) -> _Reference | None:
    """The meeting named from `start` on: a date ("14 Feb 2017"), or words ending in "meeting"/"one"."""
    rest = text[start:]
    period = find_period(rest, _newest(meetings))
    lead = re.match(r"(?:one|meeting)\s+(?:in|of|from|on|held\s+(?:in|on))\s+", rest, re.I)  # "the one in august 2012"
    if period is not None and period.start == (lead.end() if lead else 0):
        end = start + period.end
        tail = re.match(r"\s+(?:meeting|one)\b", text[end:], re.I)
        return _by_period(period, start, end + (tail.end() if tail else 0), meetings, named=True)
    last = re.match(r"\s*last\b(?!\s+\w+\s+(?:meeting|one)\b)", rest, re.I)  # "the meeting before last"
    if last:
        return _resolve("last", start, start + last.end(), meetings)
    ending = _SUBJECT_END.search(rest)
    if ending is None or ending.start() > 40:
        return None
    return _resolve(rest[: ending.start()], start, start + ending.end(), meetings)


def _resolve(words: str, start: int, end: int, meetings: Sequence[MeetingInfo]) -> _Reference | None:
    """What "the <words> meeting" names: a period, the newest or oldest, a month, or what it discussed; of the body
    the words name, if they do ("the last ssp meeting", "the next safer stockton partnership meeting")."""
    words = re.sub(r"'s$", "", words.strip(" ,."))
    body = _body_named(words, meetings)
    if body is not None:
        names, rest = body
        own = [m for m in meetings if m.body in names]
        # "the csp meeting" names the committee, not one meeting of it: a date elsewhere in the question still counts.
        found = _resolve(rest, start, end, own) if rest else _Reference(start, end, whole_body=True)
        return replace(found, committee=names[0] if len(names) == 1 else None) if found is not None else None
    dated = sorted((m for m in meetings if m.date), key=lambda m: m.date or dt.date.min)
    period = find_period(words, _newest(meetings))
    if period is not None:
        return _by_period(period, start, end, meetings, named=True)
    if _NEWEST.match(words):
        return _Reference(start, end, meetings=(dated[-1].id,) if dated else ())
    if _OLDEST.match(words):
        return _Reference(start, end, meetings=(dated[0].id,) if dated else ())
    if _NEXT.match(words) and dated:
        return _Reference(start, end, anchor=dated[-1].id, relation="after",
                          missing=f"The index holds no minutes of a meeting after {format_date(dated[-1].date)}.")
    month = month_number(words, lenient=True) if " " not in words else None
    if month is not None:
        matching = [m.id for m in dated if m.date and m.date.month == month]
        return _Reference(start, end, meetings=tuple(matching[-1:])) if matching else None
    about = _by_content(words, meetings)
    if about:
        return _Reference(start, end, meetings=(about,))
    if _unheard_of(words, meetings):
        return _Reference(start, end, missing=f"No meeting in the index has an item about {words}.")
    return None


def _says_body(typed: list[str], name: str, meetings: Sequence[MeetingInfo]) -> bool:
    """Whether words without "meeting" after them name the body `name`, not a subject it shares words with: its
    initials, or its last word ("partnership", "committee") among others ("community safety" is a subject)."""
    parts, shorts, _ = _forms(name, meetings)
    return bool(shorts & set(typed)) or (len(typed) >= 2 and parts[-1] in typed)


def _forms(name: str, meetings: Sequence[MeetingInfo]) -> tuple[list[str], set[str], set[str]]:
    """`_name_forms` of the committee `name`, with its council as the meetings give it."""
    return _name_forms(name, next((m.council for m in meetings if m.body == name), ""))


def _name_forms(name: str, council: str) -> tuple[list[str], set[str], set[str]]:
    """How a question may name the committee `name`: its name's words, the initials of the whole name or its last
    words ("ssp", "csp" for "Haringey Community Safety Partnership"), and its council's place words."""
    parts = name.lower().replace("-", " ").split()
    shorts = {initials(" ".join(name.replace("-", " ").split()[first:])).lower() for first in range(len(parts) - 1)}
    places = set(council.lower().replace("-", " ").split()) - {"council", "borough", "city", "county", "district", "of"}
    return parts, shorts, places


def _body_named(words: str, meetings: Sequence[MeetingInfo]) -> tuple[tuple[str, ...], str] | None:
    """The committees `words` name, by their names' words or initials (`_name_forms`), and the words left; None if
    they name none. Of several, those that leave fewest words ("south cambs csp" is South Cambs Community Safety
    Partnership, not another council's Community Safety Partnership); several still when the words fit them alike
    ("csp")."""
    typed = words.lower().split()
    found: dict[str, list[str]] = {}
    for name, council in dict.fromkeys((m.body, m.council) for m in meetings if m.body):
        parts, shorts, places = _name_forms(name, council)
        named = [word for word in typed if word in parts or word in shorts]
        left = [word for word in typed if word not in parts and word not in shorts and word not in places]
        if (any(word in shorts for word in named) or len(named) >= min(2, len(parts))) \
                and not set(terms(" ".join(left))) & set(terms(name)):
            found[name] = left
    if not found:
        return None
    fewest = min(len(left) for left in found.values())
    names = tuple(name for name, left in found.items() if len(left) == fewest)
    return names, " ".join(found[names[0]])


def _by_period(period: Period, start: int, end: int, meetings: Sequence[MeetingInfo], named: bool) -> _Reference:
    inside = tuple(m.id for m in meetings if m.date and period.holds(m.date))
    missing = None if inside else _no_minutes(period, meetings, named)
    return _Reference(start, end, meetings=inside, period=period, missing=missing)


def _neighbour(subject: _Reference, relation: Relation, meetings: Sequence[MeetingInfo]) -> _Reference:
    """"The meeting after X": the next dated meeting in the index (X's own minutes may name another)."""
    if not subject.meetings:
        return subject
    anchor = subject.meetings[-1] if relation == "after" else subject.meetings[0]
    body = next((m.body for m in meetings if m.id == anchor), "")
    dates = {m.id: m.date for m in meetings if m.body == body}  # the next meeting of the same committee
    when = dates.get(anchor)
    if when is None:
        return replace(subject, anchor=anchor, relation=relation, meetings=(),
                       missing="The minutes of that meeting give no date, so no meeting comes before or after it.")
    others = sorted((d, i) for i, d in dates.items() if d and (d > when if relation == "after" else d < when))
    if not others:
        side = "after" if relation == "after" else "before"
        return replace(subject, anchor=anchor, relation=relation, meetings=(),
                       missing=f"The index holds no minutes of a meeting {side} {format_date(when)}.")
    chosen = others[0] if relation == "after" else others[-1]
    return replace(subject, anchor=anchor, relation=relation, meetings=(chosen[1],), missing=None)


def _by_content(words: str, meetings: Sequence[MeetingInfo]) -> str | None:
    """The one meeting with the most item titles that use every content word of `words` (e.g. "Op Harmony")."""
    wanted = set(terms(words)) - _GENERIC
    if not wanted:
        return None
    counts = {m.id: sum(wanted <= set(terms(title)) for title in m.titles) for m in meetings}
    best = max(counts.values(), default=0)
    winners = [meeting_id for meeting_id, count in counts.items() if count == best]
    return winners[0] if best and len(winners) == 1 else None


def _unheard_of(words: str, meetings: Sequence[MeetingInfo]) -> bool:
    """Whether "the <words> meeting" names a subject no meeting's item titles or body use a word of ("the Thornaby
    meeting" when no item is about Thornaby): a meeting the index does not hold, not every meeting."""
    wanted = set(terms(words)) - _GENERIC
    return bool(wanted) and not any(wanted & set(terms(text)) for m in meetings for text in (*m.titles, m.body))


def _no_minutes(period: Period, meetings: Sequence[MeetingInfo], named: bool = False) -> str:
    """"The index holds no minutes from 2019; the nearest are 14 Feb 2017 and 11 Jan 2022."."""
    dated = sorted(m.date for m in meetings if m.date)
    before = [d for d in dated if period.since and d < period.since]
    after = [d for d in dated if period.until and d > period.until]
    nearest = [format_date(d) for d in (before[-1:] + after[:1])]
    what = f"of a meeting on {period.describe()}" if named and period.since == period.until else f"from {period.describe()}"
    text = f"The index holds no minutes {what}"
    if len(nearest) == 2:
        return f"{text}; the nearest are {nearest[0]} and {nearest[1]}."
    return f"{text}; the nearest is {nearest[0]}." if nearest else f"{text}."


def _newest(meetings: Sequence[MeetingInfo]) -> dt.date | None:
    return max((m.date for m in meetings if m.date), default=None)


def _without(text: str, start: int, end: int) -> str:
    return " ".join(f"{text[:start]} {text[end:]}".split())
