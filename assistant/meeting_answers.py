"""Who chaired or attended, when and where a meeting was held, when the next one is: answered from meeting facts.

Each answer is one composed sentence ("Geoff Lee chaired the meeting of 14 Aug
2012.") citing the block the fact was read from: the attendance block for
people, venue and start time, the "date of next meeting" item for the next
meeting. The names, times and places are the facts' own words; the date is
the citation's label; so the grounding check holds them like a quotation.
None when the question is not about the meeting itself, or the facts are
silent (then the answer comes from the items, or is refused).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from assistant.answer_type import QuestionKind
from assistant.dates import Period, format_date
from assistant.evidence import Evidence, Unit, units
from assistant.facts import HEADER_POSITION, Attendee
from assistant.glossary import initials
from assistant.models import Meeting
from assistant.plan import QueryPlan
from assistant.shapes import Draft
from assistant.terms import alternatives, terms
from assistant.vocabulary import BODY_WORDS, MEETING_WORDS

_A_REPORT = r"(a|an|the|their|its|reports?|updates?|papers?)"  # what is presented: "present reports", not "present"
_APOLOGIES = r"apolog[iy]\w*"  # "apologies", "apologised", as typed: "apologys"
ATTENDANCE = re.compile(rf"\b(chair\w*|attend\w*|present\b(?!\s+{_A_REPORT}\b)|{_APOLOGIES}|absent|in\s+attendance|"
                        r"who\s+(was|were)\s+there|came\s+from|represent\w*|contact)\b",
                        re.I)
_HELD = re.compile(r"\b(held|took\s+place|take\s+place|happen\w*|start\w*|began|begin|commenc\w*)\b", re.I)
START_TIME = re.compile(r"\b(time|start\w*|begin|began|begun|commenc\w*)\b", re.I)
_NEXT = re.compile(r"\bnext\b", re.I)
_ATTENDED = re.compile(rf"\b(attend\w*|present\b|{_APOLOGIES}|absent|in\s+attendance)\b", re.I)
# "Which meetings was Gary Knight at?", "... did the fire brigade send someone to?", "... has she turned up in":
# asked across meetings, presence.
_PRESENCE = re.compile(r"\b(at|to|there|attend\w*|present|along)(\s+the)?\s*(\??\s*$|,?\s+and\s+(what|how|who|as)\b)|"
                       r"\b(turn(ed|s)?|show(ed|s)?)\s+up\b", re.I)  # "... was peter bell at, and what as"
# "which meetings did the police present reports at": where they spoke, not whether they were there.
_SPOKE = re.compile(rf"\b(present(ed|ing|s)?\s+{_A_REPORT}|report(ed|ing|s)?|talk\w*|spoke|speak\w*|discuss\w*|rais\w*|"
                    r"sa(y|id)|mention\w*)\b", re.I)
# A role the facts hold one person (or one list) for: asked with any other word ("what did the chair say about
# drugs at each meeting"), it is about what was said, not who held it.
_ROLE = re.compile(rf"\b(chair\w*|vice|deputy|{_APOLOGIES}|absent|contact)\b", re.I)
_MEETING_TERMS = frozenset(terms(MEETING_WORDS))
_YEAR = re.compile(r"(19|20)\d\d")
# Asked who, across meetings: the other words say whose meetings, not who ("who has chaired safer stockton over the years").
_WHO_ACROSS = re.compile(r"^\s*(who|whom)\b", re.I)
# A sentence about choosing a chair: the role, capitalised, and how one is chosen or leaves.
_CHAIR_CHOSEN = re.compile(r"(?=.*\b(Chair|Chairman|Chairperson|Chairwoman)\b)(?=.*\b(nominat\w*|elect\w*|appoint\w*|"
                           r"vacan\w*|step(s|ped|ping)?\s+down|resign\w*|new\s+chair)\b)", re.I)
# ... and of one asked across meetings ("how has the chair changed over the years").
_ACROSS_TERMS = frozenset(terms("each every all different change changed changes over time years across meetings who ran run"
                                " running led vs versus later earlier"
                                " someone anyone somebody send sent go went come came turn turned show showed along"))
# A decision that puts someone in the chair: "AGREED that Rick Hylton be elected chairman", "... be appointed Vice-Chair",
# "Resolved (by 7 votes to 0) to elect Councillor Cantrill as Chair".
_ELECTED = re.compile(r"\b(?:be\s+(?:re-?)?(?:elected|appointed)|(?:re-?)?(?:elect|appoint)\s+(?:[A-Z][\w'’.-]*\s+){1,4})"
                      r"\s*(?:as\s+)?(?:the\s+)?(?P<vice>vice[- ]?|deputy\s+)?chair", re.I)
_NAMES_LISTED = 15
_BODY_TERMS = frozenset(terms(" ".join(BODY_WORDS)))

ItemSource = Callable[[str, int], Evidence | None]
"""(meeting id, item position) → that item (position 0: the attendance block), or None."""


def about_meeting(plan: QueryPlan) -> bool:
    """Whether the question asks about the meeting itself (its chair, date, venue), not about a topic."""
    if plan.kind is QuestionKind.WHO or _WHO_ACROSS.match(plan.question):  # "who has chaired safer stockton over the years"
        return bool(ATTENDANCE.search(plan.topic))
    if plan.kind is QuestionKind.YESNO:  # "did anyone from the probation service attend", not "was the chair happy"
        return bool(_ATTENDED.search(plan.topic))
    if plan.kind in (QuestionKind.WHEN, QuestionKind.WHERE):
        return not _other_words(plan)
    if plan.kind is QuestionKind.MEETINGS and (ATTENDANCE.search(plan.topic) or _present(plan.question)):
        # Other words name who was there ("Gary Knight", "the fire brigade"): judged against each meeting's list.
        return not (_ROLE.search(plan.topic) and _other_words(plan) - _ACROSS_TERMS)
    return False


def beyond_role(plan: QueryPlan, meetings: Sequence[Meeting]) -> bool:
    """Whether a question about the chair asks about more than who held the role at these meetings: another body's
    chair ("who chairs the scanning and challenge group") or something else about the role ("who should nominations
    for chair go to"). The words of the meeting and of the committee's own name ("the safer stockton partnership")
    add nothing."""
    if not re.search(r"\b(chair\w*|vice|deputy)\b", plan.topic, re.I):
        return False  # "who from the youth offending service attended", "the democratic services contact": at this meeting
    committees = {term for meeting in meetings for term in terms(meeting.committee)}
    extra = _other_words(plan) - committees - _ACROSS_TERMS
    return bool(extra) and not _describe_one(extra, meetings)  # "which meetings was cllr nelson in the chair for"


def _describe_one(wanted: set[str], meetings: Sequence[Meeting]) -> bool:
    """Whether one attendee's name, organisation or role uses every word of `wanted`."""
    return any(all(alternatives(term) & _described(person) for term in wanted)
               for meeting in meetings for person in meeting.facts.attendees)


def _other_words(plan: QueryPlan) -> set[str]:
    """The question's terms beyond those of a question about the meeting itself (who, when, where, chaired ...) and
    years ("in 2012 vs 2017 vs 2022": the filter holds the first, and the rest are more meetings, not a topic)."""
    return {term for term in terms(plan.topic) if not _YEAR.fullmatch(term)} - _MEETING_TERMS


def meeting_answer(plan: QueryPlan, meetings: Sequence[Meeting], item: ItemSource, anchor: Meeting | None = None) -> Draft:
    """The composed answer for `meetings` (those the question names), or an empty draft if the facts are silent.

    For "the meeting after X" (`anchor` X), X's own minutes setting the next
    meeting answer "when"; failing that, the date of the next meeting held.
    """
    draft = Draft()
    if plan.kind is QuestionKind.WHEN and anchor is not None and plan.relation == "after":
        _next(anchor, item, draft)
        # Asked when it was held or started, the next meeting the index holds too, when it is not the one these
        # minutes set (that one was not minuted here); asked when it was set for, the minutes' own word answers.
        set_for = anchor.facts.next_meeting.date if anchor.facts.next_meeting else None
        for meeting in meetings if _HELD.search(plan.question) or not draft.sentences else ():
            if meeting.facts.held is None or meeting.facts.held.date != set_for:
                _when(plan, meeting, item, draft, "The next meeting in the index was held on {}.")
        return draft
    best = max((_fit(plan, person) for meeting in meetings for person in meeting.facts.attendees if person.was_there),
               default=0)
    for meeting in meetings:
        if plan.kind in (QuestionKind.WHO, QuestionKind.MEETINGS, QuestionKind.YESNO):
            _who(plan, meeting, item, draft, best)
        elif plan.kind is QuestionKind.WHERE:
            _where(meeting, item, draft)
        elif _NEXT.search(plan.question) and anchor is None:
            _next(meeting, item, draft)
        else:
            _when(plan, meeting, item, draft)
    return draft


def _who(plan: QueryPlan, meeting: Meeting, item: ItemSource, draft: Draft, best: int) -> None:
    """Who chaired, sent apologies, was the contact or attended (those the question names, as well as the `best`
    match anywhere): one sentence, or one line per meeting when the question asks across meetings ("- 14 Aug 2012:
    Geoff Lee chaired the meeting.")."""
    facts = meeting.facts
    across = plan.kind is QuestionKind.MEETINGS
    when = "" if across else _of(meeting)
    question = plan.question.lower()
    vice = bool(re.search(r"\b(vice|deputy)\b", question))
    if vice or re.search(r"\bchair", question):
        # Asked which meetings someone chaired, those they chaired ("cllr nelson"): not every meeting's chair.
        named = across and bool(_other_words(plan) - _ACROSS_TERMS) and not _WHO_ACROSS.match(plan.question)
        chair = facts.vice_chair if vice else facts.chair
        chair = chair if chair and (not named or _fit(plan, chair)) else None
        if chair is None and not named and (elected := _elected(meeting, item, vice)) is not None:
            # No attendance list names one, but the meeting elected one: the decision, as recorded.
            draft.quote(*elected, _line_lead(meeting) if across else "", lower=False)
            return
        if across and not named and chair is None and not vice:
            _chair_chosen(meeting, item, draft)  # "nominations for a Chair and Vice Chair would be needed"
            return
        found = [chair] if chair else []
        template = "{} was vice-chair at the meeting{}." if vice else "{} chaired the meeting{}."
    elif re.search(rf"\b({_APOLOGIES}|absent)", question):
        found, template = list(facts.of_kind("apologies")), "Apologies for the meeting{1} were sent by {0}."
    elif re.search(r"\bcontact\b", question):
        found, template = list(facts.of_kind("contact")), "{} was the contact for the meeting{}."
    else:
        found = _matching(plan, [a for a in facts.attendees if a.was_there], best)
        template = "{} attended the meeting{}."
    header = item(meeting.id, HEADER_POSITION) if found else None  # a question over every meeting reads only those that say
    if header is not None:
        attended = template.startswith("{} attended")
        # Minutes that list someone as present and among the apologies too: both records, for the reader to weigh.
        there = {person.name for person in found} if attended else set()
        both = [a for a in facts.of_kind("apologies") if a.name in there]
        names = _names(found, header.text, with_groups=attended)
        sentence = (template if not both else "{} is listed as present at the meeting{}.").format(names, when)
        _cite_header(draft, meeting, item, f"{_line_lead(meeting)} {sentence}" if across else sentence,
                     [a.source for a in found])
        if both:
            _cite_header(draft, meeting, item, f"The minutes also list {_names(both, header.text)} among the apologies.",
                         [a.source for a in both])


def _elected(meeting: Meeting, item: ItemSource, vice: bool) -> tuple[Evidence, Unit] | None:
    """The meeting's decision electing someone chair (or vice-chair): "It was ... AGREED that Rick Hylton be elected
    chairman of the CDRP for the coming year"."""
    for agenda in meeting.items:
        evidence = item(meeting.id, agenda.position)
        if evidence is None:
            continue
        for unit in units(evidence):
            found = _ELECTED.search(unit.text)
            if unit.decision and found and bool(found.group("vice")) == vice:
                return evidence, unit
    return None


def _chair_chosen(meeting: Meeting, item: ItemSource, draft: Draft) -> None:
    """For a meeting whose attendance names no chair, asked who chaired across meetings: the first sentence of its
    items about choosing one ("nominations for a Chair and Vice Chair would be needed"), as its line."""
    for agenda in meeting.items:
        evidence = item(meeting.id, agenda.position)
        said = next((unit for unit in units(evidence) if not unit.decision and _CHAIR_CHOSEN.search(unit.text)),
                    None) if evidence is not None else None
        if evidence is not None and said is not None:
            draft.quote(evidence, said, _line_lead(meeting), lower=False)
            return


def next_meetings(meetings: Sequence[Meeting], item: ItemSource) -> Draft:
    """"List the next meeting dates set at each meeting": one line per meeting that set one, oldest first."""
    draft = Draft()
    for meeting in meetings:
        found = meeting.facts.next_meeting
        source = item(meeting.id, found.position) if found and found.date else None
        if found and found.date and source is not None:
            when = _written(found.date, found.source) + (f" at {found.time}" if found.time else "")
            line = f"{_line_lead(meeting)} the next meeting was set for {when.rstrip('.')}."
            draft.say(line, draft.cite(source, [found.source]))
    return draft


def set_for(period: Period, meetings: Sequence[Meeting], item: ItemSource) -> Draft:
    """"What time was the September meeting?" when the index holds no minutes from September: the next meeting an
    earlier meeting set for it ("The next meeting was set for Tuesday 25 September at 1.30 p.m.")."""
    draft = Draft()
    for meeting in meetings:
        found = meeting.facts.next_meeting
        if found is not None and found.date is not None and period.holds(found.date):
            _next(meeting, item, draft)
    return draft


def _where(meeting: Meeting, item: ItemSource, draft: Draft) -> None:
    venue = meeting.facts.venue
    if venue is not None and venue.position == HEADER_POSITION:
        _cite_header(draft, meeting, item, f"The meeting{_of(meeting)} was held at {venue.name}.", [venue.source])


def _when(plan: QueryPlan, meeting: Meeting, item: ItemSource, draft: Draft,
          template: str = "The meeting was held on {}.") -> None:
    held = meeting.facts.held
    if held is None or held.date is None:
        return
    if START_TIME.search(plan.question):
        if not held.time:
            return  # asked when it started, the date alone does not answer (see `extractive._silent`)
        sentence = f"The meeting of {format_date(held.date)} started at {held.time.rstrip('.')}."  # "10.30 a.m." ends it
    else:
        sentence = template.format(_written(held.date, held.source))
    _cite_header(draft, meeting, item, sentence, [held.source])


def _next(meeting: Meeting, item: ItemSource, draft: Draft) -> None:
    """"The next meeting was set for Tuesday 14 March 2017 at 9.30am.", citing where these minutes set it."""
    found = meeting.facts.next_meeting
    source = item(meeting.id, found.position) if found else None
    if found is None or source is None or found.date is None:
        return
    when = _written(found.date, found.source)
    if found.time:
        when += f" at {found.time}"
    if found.venue:
        when += f", {found.venue}"
    draft.say(f"The next meeting was set for {when.rstrip('.')}.", draft.cite(source, [found.source]))


def _cite_header(draft: Draft, meeting: Meeting, item: ItemSource, sentence: str, sources: list[str]) -> None:
    header = item(meeting.id, HEADER_POSITION)
    if header is not None:
        draft.say(sentence, draft.cite(header, [s for s in dict.fromkeys(sources) if s in header.text]))


def _present(question: str) -> bool:
    """Whether the question asks if someone was there ("which meetings was gary knight at"), not where they spoke."""
    return bool(_PRESENCE.search(question)) and not _SPOKE.search(question)


def about_attendee(plan: QueryPlan, meetings: Sequence[Meeting]) -> bool:
    """Whether every word of the question is in one attendee's name, organisation or role, asked who ("who was the
    cabinet member for adult social care") or whether they were there ("was gary knight at the feb meeting"): the
    attendance records answer it."""
    chaired = plan.kind is QuestionKind.MEETINGS and _ROLE.search(plan.topic)  # "which meetings was cllr nelson chair at"
    if not (plan.kind is QuestionKind.WHO or (plan.kind is QuestionKind.YESNO and _present(plan.topic)) or chaired):
        return False
    wanted = _other_words(plan) - (_ACROSS_TERMS if chaired else frozenset())
    return bool(wanted) and _describe_one(wanted, meetings)


def _matching(plan: QueryPlan, people: list[Attendee], best: int) -> list[Attendee]:
    """The attendees whose name, organisation or role use as many of the question's other words ("PCC candidates")
    as the best match at any of the meetings asked about (`best`): "marc stephenson" is not Marc Anderson, though
    he is the nearest at one meeting."""
    if not _other_words(plan):
        return people[:_NAMES_LISTED]
    return [person for person in people if best and _fit(plan, person) == best][:_NAMES_LISTED]


def _fit(plan: QueryPlan, person: Attendee) -> int:
    """How many of the question's other words the attendee's name, organisation or role use; none unless one is not
    a word for any body ("the probation service" is not every "... Services")."""
    wanted = _other_words(plan)
    described = _described(person)
    distinctive = wanted - _BODY_TERMS or wanted
    if not any(alternatives(term) & described for term in distinctive):
        return 0
    return sum(bool(alternatives(term) & described) for term in wanted)


def _described(person: Attendee) -> set[str]:
    """The terms of the attendee's name, organisation, role and kind, and the organisation's initials ("yot" for
    "Youth Offending Team")."""
    short = initials(person.organisation or "")  # "Fire and Rescue": FR
    short = short if len(short) > 1 else ""
    return set(terms(" ".join([person.name, person.organisation or "", person.role or "", person.kind, short])))


def _names(people: Sequence[Attendee], passage: str, with_groups: bool = False) -> str:
    """"A, B and C"; with groups, each run of one organisation or role followed by it in brackets.

    "B and C" is written only where the passage writes it: otherwise the
    checker would read "B and C" as one name it cannot find.
    """
    people = list({(person.name, person.role or person.organisation): person for person in people}.values())
    if not with_groups:
        shown = [person.name for person in people]
    else:
        groups: dict[str, list[str]] = {}
        for person in people:
            groups.setdefault(person.role or person.organisation or "", []).append(person.name)
        shown = [f"{_and(names, passage)} ({group})" if group else _and(names, passage) for group, names in groups.items()]
    return _and(shown, passage)


def _and(parts: list[str], passage: str) -> str:
    if len(parts) == 1:
        return parts[0]
    last = f" and {parts[-1]}" if f"{parts[-2]} and {parts[-1]}" in passage else f", {parts[-1]}"
    return ", ".join(parts[:-1]) + last


def _line_lead(meeting: Meeting) -> str:
    """"- 14 Aug 2012:": how a line of an answer across meetings starts."""
    return f"- {meeting.date_label[:1].upper()}{meeting.date_label[1:]}:"


def _of(meeting: Meeting) -> str:
    return f" of {format_date(meeting.date)}" if meeting.date else ""


def _written(date: dt.date, source: str) -> str:
    """The date as an answer gives it, with only the parts its source writes (no year it did not state)."""
    weekday = f"{date:%A} " if f"{date:%A}".lower() in source.lower() else ""
    year = f" {date.year}" if str(date.year) in source else ""
    return f"{weekday}{date.day} {date:%B}{year}"
