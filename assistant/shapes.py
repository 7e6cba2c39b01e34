"""Answer shapes for questions answered from agenda items, one function per kind (see ANSWERS.md).

- a fact: the sentence that states it first, then at most two that support it;
- yes/no: "Yes"/"No" only when the leading sentence itself says so;
- what was said: per item, dated: what was reported, the points raised, what was decided;
- what was decided: the decision records as written, dated;
- which meetings / how it changed: one line per meeting, oldest first, undated last.

Every sentence is quoted or composed only from its cited passage and the
citation's label (which holds the meeting's date), so the grounding check
can judge it like any other.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from assistant.answer import AnswerSentence, Citation
from assistant.answer_type import AnswerType, QuestionKind, asks_about, asks_what_is, wants_list
from assistant.dates import format_date
from assistant.evidence import (
    REPORTING_TERMS,
    Evidence,
    Scored,
    Unit,
    heading_like,
    names_item,
    query_terms,
    quote_for,
    units,
)
from assistant.plan import QueryPlan
from assistant.sentences import sentences
from assistant.terms import alternatives, is_stopword, terms
from assistant.vocabulary import AGENDA_ASK, DECISION_MARK, DISCUSSED_ONLY, PEOPLE_IN_GENERAL, is_routine_decision

_SUPPORT_SHARE = 0.75  # a supporting sentence scores at least this share of the leading one
_DECISION_PENALTY = 0.2  # "AGREED that the minutes be approved" answers little but what was decided
_SUPPORTING = 2
_LEAD_CANDIDATES = 3  # an item's closest units that may lead a single fact, besides those `_defines` favours
_RESTATED_SHARE = 0.3  # a leading sentence with fewer new words than this only restates the question
_SUMMARY_ITEMS = 3
_SUMMARY_POINTS = 3  # units of what was reported and raised, per item, before its decision; half a long item's,
_SUMMARY_POINTS_MAX = 5  # up to this many
_SUMMARY_WORDS = 130  # per item, before its decision: a summary, not the item pasted
_VIEWS_WORDS = 220  # ... asked for the points raised, room for them all in most minutes
_MORE_POINTS_WORDS = 90  # ... else the points raised that what was reported left out, after it
_LIST_AFTER_ASPECT = 0.8  # a list after a sentence on what was asked, against that sentence
_LIST_POINTS_KEPT = 2  # a list cut to fit a summary keeps at least this many points
_NEXT_ITEM_SHARE = 0.8  # a further item joins a summary when its best unit is this close to the best item's
_FURTHER_ITEM_SUBJECT = 0.66  # ... and its title or one of its sentences names this share of the subject
_MEETING_LINES = 6
_MEETING_ITEM_SHARE = 0.7  # a meeting's best item, against the best item of all
_SECOND_ITEM_SHARE = 0.8  # a second item of one meeting, against that meeting's best
_SECOND_UNIT_SHARE = 0.9  # a second sentence of an item on a meeting's line, against the line's own
_OPENING_BONUS = 0.3  # "what is X?" asked of the item titled X: its opening says what X is
_ASKS_KINDS = re.compile(r"\bwhat\s+(kinds?|types?|sorts?)\s+of\b|\bwhat\s+(does|did|do|will|would)\b.{0,60}\binclude\b", re.I)
# "what worries did members have ...", "which areas were ...": the noun that names what is asked for.
_ASKED_NOUN = re.compile(r"^\s*(?:what|which)\s+(?:(?P<phrase>(?:[a-z]+\s+){0,2}?[a-z]+)\s+(?:did|do|does|were|was|are|is|have|"
                         r"has|had|will|would|could|can|might|should)\b|(?P<noun>[a-z]+)\b)", re.I)  # "what is": a stop word
_NAMED_ANSWERS = frozenset([AnswerType.ANY, AnswerType.PLACE, AnswerType.PERSON])  # not a date, span or figure
# What a yes/no question about a decision turns on: "did they approve / support / reject it".
_VERDICT_TERMS = frozenset(terms("approve approved support supported reject rejected refuse refused adopt adopted endorse "
                                 "endorsed accept accepted agree agreed agreement sign signed"))
_ASKS_NAME = re.compile(r"\b(name\s+of|(is|was|are|were)\s+(it|that|this|they)\s+called|what\s+.{0,40}\bcalled)\b", re.I)
_NAMES = re.compile(r"\b(known|know|called|named|titled|branded)\s+as\b|\b(called|named)\s+[‘'\"“A-Z]|[‘\"“][A-Z][^’\"”]{2,40}[’\"”]")
_ENUMERATES = re.compile(r"\b(includ\w*|such\s+as|compris\w*|made\s+up\s+of|consist\w*)\b", re.I)
# A point members raised: "Members enquired if ...", "Members of the partnership voiced concerns over ...".
_RAISED = re.compile(r"^\s*(members|councillors?|the\s+chair|partners)\b[^.;:]{0,40}?\b(asked|enquired|queried|questioned|"
                     r"raised|voiced|expressed|felt|suggested|requested|praised|welcomed|challenged)\b", re.I)
# "... was given the opportunity to ask questions and make comments ... summarised as follows": what comes after it
# (up to a decision) is what members raised, whatever each point's wording.
_COMMENTS_FOLLOW = re.compile(r"\b(ask(ed)?\s+questions|make\s+comments|comments\s+(made|raised|received)|"
                              r"(points|issues|questions|comments)\s+(were\s+)?raised|following\s+(points|comments|questions))\b", re.I)
# "What did partners say about ...", "what concerns were raised": the question wants the points raised above all.
_ASKS_VIEWS = re.compile(rf"\b({'|'.join(PEOPLE_IN_GENERAL)}|councillor|cllr)\s+(\w+\s+){{0,2}}?"
                         r"(say|said|comment\w*|rais\w*|ask\w*|think|thought|feel|felt|quer\w*|question\w*|critiqu\w*|criticis\w*|"
                         r"challeng\w*|suggest\w*|react\w*|respond\w*)\b|"
                         r"\b(concerns?|questions?|comments?|views?|points?|feedback|gaps?)\s+(\w+\s+){0,2}?(rais\w*|ask\w*|ma[dk]e|express\w*|"
                         r"giv\w*|gave|pointed)\b|"
                         rf"\b(concerns?|questions?|comments?|views?|points?|feedback|criticisms?)\s+(from|by)\s+(the\s+)?"
                         rf"({'|'.join(PEOPLE_IN_GENERAL)}|councillors?|cllrs?)\b",  # "feedback from partners on the plan"
                         re.I)
# The answer a point raised got, right after it: "It was pointed out by Officers that ...", "In response, ...".
_REPLY = re.compile(r"^\s*(it\s+was\s+(pointed\s+out|noted|explained|advised|confirmed|clarified|stated|acknowledged)|"
                    r"in\s+(response|reply|answer)|(officers?|the\s+police|police|the\s+chair|the\s+presenter)\s+"
                    r"(\w+\s+){0,2}?(advised|explained|confirmed|responded|replied|clarified|stated|agreed|assured|said))\b", re.I)
_SPEAKING = frozenset(terms(" ".join(PEOPLE_IN_GENERAL)))
_VIEWS_BONUS = 0.6  # what a point raised adds, for a question that asks for the points raised
_ANAPHORA = re.compile(r"^\s*(he|she|they)\b", re.I)  # "He explained that: ...": who "he" is, the sentence before says
_NEGATION = re.compile(r"\b(not|no|never|none|nor|without)\b|n't\b", re.I)
# "it is suspected, although not proven, that the increase is due to ...": neither yes nor no.
_HEDGE = re.compile(r"\b(suspected|not\s+(yet\s+)?(proven|confirmed|known|clear|certain)|unclear|uncertain|possibly|"
                    r"perhaps|may|might|could\s+be|thought\s+to|believed\s+to|likely|unlikely)\b", re.I)
_LOWER_FIRST = frozenset("The A An It There This These Those Members Officers Police Representatives In As At On For During"
                         " Following After".split())
# "How did the crime figures change?" wants each meeting's figure; a meeting without one has none to give when
# figures themselves are asked for (`_NUMBERS_ASKED`), and may still say how it changed otherwise.
_NUMBERS_ASKED = re.compile(r"\b(figures?|numbers?|rates?|levels?|statistics)\b", re.I)
_FIGURES_WANTED = re.compile(rf"{_NUMBERS_ASKED.pattern}|\b(chang\w*|rise|fall|increase\w*|decrease\w*|trend\w*|"
                             r"(went|gone|go|goes|going)\s+(up|down)|up\s+or\s+down)\b", re.I)  # not "came up"
# A number starts where no digit, comma or point comes before it (`(?<![\d,.])`), so "1.1.1.1…" is read
# once, not again from each of its digits (which cost time in the square of its length).
_AMOUNT_OR_SHARE = re.compile(r"\d%|£\s?\d|\b(?<![,.])\d[\d,.]*\s*(per\s?cent|million|thousand)\b", re.I)
# A figure that is not a date or a length of time ("the 12-month period"): a percentage, an amount, a count.
_FIGURE = re.compile(r"\d%|£\s?\d|\b(?<![,.])\d[\d,.]*\s*(per\s?cent|million|thousand|bn|m)\b|"
                     r"(?<!section\s)(?<!chapter\s)(?<!part\s)(?<!article\s)(?<!paragraph\s)(?<!clause\s)(?<!schedule\s)(?<!item\s)\b(?!(19|20)\d\d\b)\d{1,3}(,\d{3})*\b(?![/.:]?\d)(?![\s-]*(days?|weeks?|months?|years?|daily|weekly|monthly|yearly)\b)"
                     r"(?!(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)", re.I)  # "6 March"


@dataclass
class Draft:
    """An answer being written: its sentences and the citations they use."""

    sentences: list[AnswerSentence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    _items: list[Evidence] = field(default_factory=list)

    def cite(self, item: Evidence, lines: Sequence[str]) -> int:
        """The citation number for `item`, whose quote holds `lines` (an item cited twice keeps one number)."""
        key = (item.hit.meeting_id, item.hit.item_position)
        for index, known in enumerate(self._items):
            if (known.hit.meeting_id, known.hit.item_position) == key:
                used = tuple(dict.fromkeys([*self.citations[index].sentences, *lines]))
                self.citations[index] = Citation.from_hit(index + 1, quote_for(item, list(used)), used)
                return index + 1
        self._items.append(item)
        self.citations.append(Citation.from_hit(len(self.citations) + 1, quote_for(item, list(lines)), tuple(lines)))
        return len(self.citations)

    def say(self, text: str, number: int) -> None:
        """Add `text` citing source `number`, one answer sentence per sentence of it."""
        for piece in sentences(text) or [text]:
            same = next((i for i, s in enumerate(self.sentences) if s.text == piece), None)
            if same is None:
                self.sentences.append(AnswerSentence(piece, (number,)))
            elif number not in self.sentences[same].citations:
                self.sentences[same] = AnswerSentence(piece, (*self.sentences[same].citations, number))

    def quote(self, item: Evidence, unit: Unit, lead: str = "", lower: bool = True) -> None:
        """Say `unit` (after `lead`, e.g. "At the 3 Mar 2025 meeting,"), citing `item`."""
        number = self.cite(item, unit.lines)
        for index, piece in enumerate(unit.pieces):
            text = _lowered(piece) if lead and lower else piece
            self.say(f"{lead} {text}" if lead and index == 0 else piece, number)

    def extend(self, other: Draft, count: int) -> None:
        """Add the first `count` sentences of `other` that this draft does not say, citing their sources here."""
        added = 0
        for sentence in other.sentences:
            if added == count:
                return
            if any(_same(said.text, sentence.text) for said in self.sentences):
                continue
            for number in sentence.citations:
                self.say(sentence.text, self.cite(other._items[number - 1], other.citations[number - 1].sentences))
            added += 1

    def text(self) -> str:
        """Sentences with their markers; a list line starts a new line, a new source a new paragraph."""
        parts: list[str] = []
        previous: tuple[int, ...] | None = None
        listed = any(sentence.text.startswith("- ") for sentence in self.sentences)
        for sentence in self.sentences:
            if previous is not None:
                if sentence.text.startswith("- "):
                    parts.append("\n")
                else:
                    parts.append("\n\n" if sentence.citations != previous and not listed else " ")
            parts.append(f"{sentence.text} [{', '.join(map(str, sentence.citations))}]")
            previous = sentence.citations
        return "".join(parts)


def shape(plan: QueryPlan, scored: list[Scored]) -> Draft:
    """The answer `plan.kind` calls for from the scored items (relevant ones, best first); empty if none serves."""
    if plan.kind is QuestionKind.SUMMARY:
        best = max(scored, key=lambda item: item.relevance, default=None)
        if asks_about(plan.question) and best is not None and not names_item(plan, best.item):
            return fact(plan, scored)  # "what was the summit in feb about": one thing an item mentions, not the item
        return summary(plan, scored)
    if plan.kind is QuestionKind.DECISION:
        return decisions(plan, scored) or fact(plan, scored)
    if plan.kind is QuestionKind.MEETINGS:
        return meetings(plan, scored)
    return fact(plan, scored)


def fact(plan: QueryPlan, scored: list[Scored]) -> Draft:
    """The unit that best answers, first; then up to two supporting units of the same item, in source order.

    A decision leads only when nothing else can; the sentence right after the
    leading one supports it when it carries on the same point. When the
    leading one only restates the question ("Members voiced concerns over the
    programme."), the two are quoted as one sentence, so the first sentence
    holds the answer ("...: With questions raised over ...").
    """
    draft = Draft()
    top = max(scored, key=lambda item: item.relevance, default=None)
    leads = [(item.strength(score) - _DECISION_PENALTY * _answers_little(plan, unit) + bonus, item, score, unit)
             for item in scored for bonus, score, unit in _lead_candidates(plan, item, item is top)]
    if not leads or _silent_item(plan, scored):
        return draft
    _, item, score, lead = max(leads, key=lambda entry: entry[0])
    verdict = _verdict(plan, lead) if plan.kind is QuestionKind.YESNO else ""
    ranked = {unit.index: s for s, unit in item.ranked()}
    following = next((unit for unit in item.units if _carries_on(lead, unit) and unit.index in ranked), None)
    if following is not None and not verdict and _restates(plan, item, lead):
        # "Members voiced concerns over the programme: with questions raised over ...": the first sentence answers.
        number = draft.cite(item.item, [*lead.lines, *following.lines])
        draft.say(f"{lead.text.rstrip(' .')}: {_lowered(following.text)}", number)
        used, lead = {lead.index, following.index}, following
    else:
        draft.quote(item.item, lead, verdict)
        used = {lead.index}
    support = [unit for unit in item.units if unit.index not in used and not unit.decision and unit.index in ranked
               and (ranked[unit.index] >= _SUPPORT_SHARE * score or _carries_on(lead, unit))]
    support.sort(key=lambda unit: (not _carries_on(lead, unit), -ranked[unit.index]))
    support = _for_each(plan, item, lead, support[:_SUPPORTING])
    for unit in sorted(support[:_SUPPORTING], key=lambda unit: unit.index):
        draft.quote(item.item, unit)
    return draft


_EACH = re.compile(r"\b(each|both|respectively)\b", re.I)


def _for_each(plan: QueryPlan, item: Scored, lead: Unit, support: list[Unit]) -> list[Unit]:
    """Asked about two things at once ("public order offences and police generated crime - by how much did each go
    down"), the other thing's best unit comes first among the supporting ones, when the leading one does not name it."""
    # Each thing's words that the item uses ("... crime - by how much did each go down": not "each", "go", "down").
    used = set(terms(item.item.text))
    parts = [frozenset(terms(part)) & used - REPORTING_TERMS for part in re.split(r"\s+and\s+|\s+&\s+", plan.topic)]
    if not _EACH.search(plan.question) or len(parts) != 2 or not all(parts):
        return support
    named = set(terms(lead.topic_text))
    other = next((part for part in parts if _share(part, named) < 1.0), None)
    if other is None:
        return support
    # Any unit of the item may: one figure held further from the words than the answer type allows is still it.
    found = next((unit for unit in item.units if unit.index != lead.index and not unit.decision
                  and _share(other, set(terms(unit.topic_text))) == 1.0), None)
    return support if found is None else [found, *(unit for unit in support if unit.index != found.index)]


def _silent_item(plan: QueryPlan, scored: list[Scored]) -> bool:
    """Whether the item the question names, the closest of all, records nothing but that it was presented and
    noted ("Targets from the Plan were presented ... AGREED that the Plan be noted." for "what were the targets in
    the Q3 plan"): another item's sentence about some other plan is no answer."""
    top = max(scored, key=lambda item: item.relevance, default=None)
    return (top is not None and plan.kind is QuestionKind.FACT and names_item(plan, top.item)
            and all(unit.decision for _, unit in top.ranked()))


def _lead_candidates(plan: QueryPlan, item: Scored, closest: bool = False) -> list[tuple[float, float, Unit]]:
    """(bonus, score, unit) for the units of `item` that may lead a single fact: its three closest, its opening when
    asked what its subject is, and any other that names what the question asks for (`_defines`), or, in the
    `closest` item, what it asks beyond what the item's closest unit names (`_rest`)."""
    ranked = item.ranked()
    rest = _rest(plan, item, ranked[0][1]) if ranked and closest else frozenset()
    return [(bonus, score, unit) for rank, (score, unit) in enumerate(ranked + _opening(plan, item))
            if (bonus := max(_defines(plan, item, unit), _OPENING_BONUS * _says_rest(rest, unit)))
            or rank < _LEAD_CANDIDATES or rank >= len(ranked)]


def _rest(plan: QueryPlan, item: Scored, closest: Unit) -> frozenset[str]:
    """What the question asks beyond what its closest unit and the item's title name: "uneasy about the name" once a
    sentence names Street Pastors; "copy" once one names Right Care, Right Person."""
    named = set(terms(f"{closest.text} {item.item.hit.item_title}"))
    return frozenset(term for term in terms(plan.topic) if not alternatives(term) & named) - REPORTING_TERMS


def _says_rest(rest: frozenset[str], unit: Unit) -> bool:
    """Whether `unit` names all of `rest` (two thirds of a longer rest): the closest unit says what the question is
    about, this one what was asked of it ("Some concern over the religious nature of the programme's name")."""
    if DISCUSSED_ONLY.match(unit.text):
        return False  # "A brief discussion was had around off-road bikes" says only what the question is about
    present = set(terms(unit.text))
    found = [term for term in rest if alternatives(term) & present]
    if len(found) == 1 and found[0] in present:
        return False  # one word in common is chance, unless through the minutes' own word for it ("copy": "replicating")
    return bool(found) and len(found) >= round(2 * len(rest) / 3)


def _restates(plan: QueryPlan, item: Scored, unit: Unit) -> bool:
    """Whether the unit only says again what the question and the item's title say, with no figure ("Members voiced
    concerns over the Immediate Justice programme." for "What concerns did members raise about it?")."""
    known = set(terms(f"{plan.topic} {item.item.hit.item_title}")) | REPORTING_TERMS
    words = terms(unit.text)
    new = sum(word not in known for word in words) / len(words) if words else 0.0
    return new < _RESTATED_SHARE and not _FIGURE.search(unit.text)


def _answers_little(plan: QueryPlan, unit: Unit) -> bool:
    """A decision answers little but what was decided; asked yes or no ("Did they approve the bid?"), a decision
    that does more than note something or approve the minutes is the record that answers."""
    if plan.kind is QuestionKind.YESNO:
        return unit.decision and is_routine_decision(unit.text)
    return unit.decision


def _defines(plan: QueryPlan, item: Scored, unit: Unit) -> float:
    """A lead for "What does ACT stand for?": the sentence that spells the abbreviation out; for "what is CAVIC?",
    asked of the item titled "CAVIC", the item's opening: what was presented about it; for "what kinds of offences
    go into it?", a sentence that says what something includes; for "what worries did members have?", one that
    names the thing asked for (a concern)."""
    text = unit.text.lower()
    if any(form.lower() in text for form in plan.long_forms):
        return 1.0
    if plan.kind is QuestionKind.YESNO and any(alternatives(term) & set(terms(unit.text))
                                               for term in _VERDICT_TERMS & set(terms(plan.topic))):
        return _OPENING_BONUS  # "did members approve the plan": the sentence that says it was approved
    if _ASKS_KINDS.search(plan.question) and _ENUMERATES.search(unit.text):
        return _OPENING_BONUS  # "what kinds of offences go into it": the sentence that says what it includes
    if _ASKS_NAME.search(plan.question) and _NAMES.search(unit.text):
        return _OPENING_BONUS  # "what's the name of the old volunteer scheme": "an initiative ... know as 'Street Pastors'"
    asked = _ASKED_NOUN.match(plan.question) if plan.fact in _NAMED_ANSWERS else None  # "what years": a span
    named = terms(asked.group("phrase") or asked.group("noun")) if asked else []
    if any(alternatives(term) & set(terms(unit.text)) for term in named):
        return _OPENING_BONUS  # "what worries did members have about X": the sentence with the concern
    return _OPENING_BONUS if unit in [opening for _, opening in _opening(plan, item)] else 0.0


def _opening(plan: QueryPlan, item: Scored) -> list[tuple[float, Unit]]:
    """The item's first unit that may lead and is not a decision, when the question asks what the item's subject is."""
    if not asks_what_is(plan.question) or not names_item(plan, item.item):
        return []
    first = min(((score, unit) for score, unit in item.ranked() if not unit.decision), key=lambda pair: pair[1].index,
                default=None)
    return [first] if first else []


def _carries_on(lead: Unit, unit: Unit) -> bool:
    """Whether `unit` follows `lead` in running text (not the next point of a list)."""
    return unit.index == lead.index + 1 and not lead.point


def summary(plan: QueryPlan, scored: list[Scored]) -> Draft:
    """Per item (dated): its most informative units of what was reported and raised, in source order, then
    its decisions.

    The items are those nearly as relevant as the best (a further one only if
    it names the whole subject); within an item every
    sentence is about its subject, so units are chosen for what they add
    (`_informative`), not for repeating the question. An item that holds
    only housekeeping ("This agenda item was an accidental duplication ...")
    says nothing about the subject: it is left out, unless the question
    names that item and nothing else answers.
    """
    draft = Draft()
    top = max((item.relevance for item in scored), default=0.0)
    # An item the question names by its title ("the crime and disorder report") is the one it asks about, first.
    near = sorted((item for item in scored if item.relevance >= _NEXT_ITEM_SHARE * top or names_item(plan, item.item)),
                  key=lambda item: not names_item(plan, item.item))
    # A further item joins only if its title or one sentence names most of the subject: "the alcohol strategy" is not
    # summarised from a community safety plan that mentions a strategy here and alcohol there.
    subject = _Subject.of(plan)
    chosen = (near[:1] + [item for item in near[1:] if _names_subject(subject, item, _FURTHER_ITEM_SUBJECT)])
    chosen = chosen[:_SUMMARY_ITEMS]
    if chosen and _beyond(plan, chosen[0]):
        return draft
    for item in chosen:
        points = _with_antecedent(item, _points(plan, item))
        said = {unit.index for unit in points}
        for number, unit in enumerate(points + [unit for unit in item.decisions if unit.index not in said] if points else []):
            draft.quote(item.item, unit, f"At the {_meeting(item.item)}," if number == 0 else "")
    if not draft.sentences and chosen and names_item(plan, chosen[0].item):
        # "What happened to the Prevent Strategy Update item?": its housekeeping is the answer.
        for unit in chosen[0].units[:2]:
            draft.quote(chosen[0].item, unit, f"At the {_meeting(chosen[0].item)}," if unit.index == 0 else "")
    return draft


def _with_antecedent(item: Scored, chosen: list[Unit]) -> list[Unit]:
    """`chosen` with the sentence before each unit that opens with "he", "she" or "they" ("He explained that: ..."),
    when it is not chosen already: it says who that is, even when it says no more ("James Sutherland presented a
    report on crime ...", housekeeping that never leads on its own)."""
    taken = {unit.index for unit in chosen}
    out: list[Unit] = []
    for unit in chosen:
        before = item.units[unit.index - 1] if unit.index > 0 else None
        if _ANAPHORA.match(unit.text) and before is not None and before.index not in taken and not before.decision:
            out.append(before)
            taken.add(before.index)
        out.append(unit)
    return out


def _aspect(plan: QueryPlan, item: Scored) -> frozenset[str]:
    """What the question asks about beyond the item's title ("the survey" in a police update)."""
    return frozenset(terms(plan.topic)) - frozenset(terms(item.item.hit.item_title)) - REPORTING_TERMS


def _beyond(plan: QueryPlan, item: Scored) -> bool:
    """Whether the question asks what was said about something the item names only in a decision ("what did the
    CAVIC letter say" of an item that only agreed the letter be circulated once it came): nothing was said of it.
    (A word named nowhere may be the asker's own for what the item says: "kids" for youth outreach.)"""
    subject = _aspect(plan, item) - _SPEAKING
    said = set(terms(" ".join(unit.topic_text for unit in item.units if not unit.decision)))
    decided = set(terms(" ".join(unit.text for unit in item.units if unit.decision)))
    return (bool(subject) and not any(alternatives(term) & said for term in subject)
            and any(alternatives(term) & decided for term in subject))


def _points(plan: QueryPlan, item: Scored) -> list[Unit]:
    """The item's best units for a summary, in source order: its opening, then a few that add most (one more for a
    long item)."""
    candidates = [(score, unit) for score, unit in item.ranked() if not unit.decision]
    # An item in sections ("Matters Arising": PCC Candidates, Ropner Park, ...): the sections the question names.
    topic = set(terms(plan.topic))
    named = [(score, unit) for score, unit in candidates if topic & set(terms(unit.heading))]
    candidates = named or candidates
    if not candidates:
        return []
    if sum(unit.words for _, unit in candidates) <= _SUMMARY_WORDS:
        return sorted((unit for _, unit in candidates), key=lambda unit: unit.index)  # a short item is its own summary
    known = set(terms(f"{plan.topic} {item.item.hit.item_title}")) | REPORTING_TERMS
    # What the question asks about beyond the item's title comes before what merely adds most.
    aspect = _aspect(plan, item)
    # Points raised add more, the first of them most (as a list cut to fit keeps its first points).
    raised = {index: 1 - 0.5 * order / len(points) for points in [sorted(_raised(item))] for order, index in enumerate(points)}
    views = _VIEWS_BONUS if _ASKS_VIEWS.search(plan.question) else 0.2
    # A list right after a sentence on the aspect spells it out ("... implement changes ..." then "The paper aimed to:
    # ..."): it counts as nearly on the aspect itself.
    on = {unit.index: _share(aspect, set(terms(unit.topic_text))) for unit in item.units}
    ranked = sorted(candidates, key=lambda pair: -(0.3 * pair[0] + _informative(pair[1], known)
                                                   + views * raised.get(pair[1].index, 0.0)
                                                   + max(on[pair[1].index], _LIST_AFTER_ASPECT * (len(pair[1].lines) > 1)
                                                         * on.get(pair[1].index - 1, 0.0))))
    # What was reported comes first in minutes: the item's first sentence that may lead opens its summary.
    opening = min(candidates, key=lambda pair: pair[1].index)
    # An item of several subjects asked about one of them ("stop and search" in a crime report): after its opening,
    # only what names that subject, or runs on from a sentence that does.
    subject = aspect - _SPEAKING  # "what did partners say about ...": who spoke is no subject
    on_aspect = {unit.index for _, unit in candidates if _share(subject, set(terms(unit.topic_text))) == 1.0}
    if on_aspect - {opening[1].index}:  # named past the opening ("the draft plan" in the opening alone is the item)
        near = on_aspect | {index + 1 for index in on_aspect}
        ranked = [pair for pair in ranked if pair[1].index in near]
    ranked = [opening, *(pair for pair in ranked if pair is not opening)]
    count = min(_SUMMARY_POINTS_MAX, max(_SUMMARY_POINTS, (len(item.units) + 1) // 2))
    points = sorted((pair for pair in candidates if pair[1].index in raised), key=lambda pair: pair[1].index)
    if views == _VIEWS_BONUS and points:
        # "what points were raised": the points raised are the answer, after the opening, all of them that fit.
        return _fitted([opening, *(pair for pair in points if pair is not opening)], _VIEWS_WORDS)
    # What was reported, then the points raised that it left out, in order, as far as a little more room goes. Asked
    # what something was about, its list (of key areas, of aims) is quoted whole.
    whole = max((unit.words for _, unit in candidates if len(unit.lines) > 1), default=0) if wants_list(plan.question) else 0
    chosen = _fitted(ranked[:count], max(_SUMMARY_WORDS, whole + opening[1].words))
    return _fitted([(0.0, unit) for unit in chosen] + [pair for pair in points if pair[1] not in chosen],
                   sum(unit.words for unit in chosen) + _MORE_POINTS_WORDS) if points else chosen


def _fitted(ranked: list[tuple[float, Unit]], budget: int) -> list[Unit]:
    """The units of `ranked`, in that order, that fit in `budget` words (a list cut to fit), in source order."""
    chosen: list[Unit] = []
    for _, unit in ranked:
        room = budget - sum(u.words for u in chosen)
        unit = _first_points(unit, room) if len(unit.lines) > 1 else unit
        if chosen and unit.words > room:
            continue
        chosen.append(unit)
    return sorted(chosen, key=lambda unit: unit.index)


def _first_points(unit: Unit, room: int) -> Unit:
    """A list cut to its lead-in and the first points that fit in `room` words (two at least): a summary of ten
    points raised is the first few, and the citation holds them all."""
    for count in range(len(unit.lines) - 1, _LIST_POINTS_KEPT - 1, -1):
        cut = replace(unit, lines=unit.lines[: count + 1])
        if cut.words <= room:
            return cut
    return replace(unit, lines=unit.lines[: _LIST_POINTS_KEPT + 1])


def _informative(unit: Unit, known: set[str]) -> float:
    """What a unit adds (0..1): its share of words beyond the question, the title and reporting words, more for
    a list of points or a figure. (A point members raised, a summary's middle part, adds more: see `_raised`.)"""
    words = terms(unit.text)
    new = sum(word not in known for word in words) / len(words) if words else 0.0
    return 0.5 * new + 0.3 * (len(unit.lines) > 1) + 0.2 * bool(_FIGURE.search(unit.text))


def _raised(item: Scored) -> set[int]:
    """The indexes of the item's units that are points members raised: one that says so ("Members enquired if
    ..."), a lead-in to the comments made that holds its list, and every unit after such a lead-in up to a decision
    that is not one of the points (a converter may have broken the list off it)."""
    raised: set[int] = set()
    following = False
    for unit in item.units:
        following = following and not (unit.decision and not unit.point)  # "- It was agreed that ..." is a point
        if (following or _RAISED.match(unit.text) or (len(unit.lines) > 1 and _COMMENTS_FOLLOW.search(unit.lines[0]))
                or (unit.index - 1 in raised and not unit.decision and _REPLY.match(unit.text))):
            raised.add(unit.index)
        following = following or bool(_COMMENTS_FOLLOW.search(unit.lines[0]))
    return raised


def decisions(plan: QueryPlan, scored: list[Scored]) -> Draft:
    """The decisions of the item the question names (if nearly as relevant as the best: "YOT Q3" shares only "Q3"
    with "the daat q3 report"), else the most relevant item that records any, as written, dated."""
    draft = Draft()
    deciding = [item for item in scored if item.decisions]
    if not deciding:
        return draft
    best = max(entry.relevance for entry in deciding)
    item = max(deciding, key=lambda entry: (names_item(plan, entry.item) and entry.relevance >= _NEXT_ITEM_SHARE * best,
                                            entry.relevance))
    said = _said_of_subject(plan, item)
    for number, unit in enumerate([*said, *item.decisions]):
        draft.quote(item.item, unit, f"On {format_date(item.item.hit.date)}:" if item.item.hit.date and not number else "")
    return draft


def _said_of_subject(plan: QueryPlan, item: Scored) -> list[Unit]:
    """Asked what was decided about one subject of an item that only noted its report ("stop and search" in a crime
    report: "AGREED that the report be noted"), the item's best sentence naming the subject, first: the decision
    alone says nothing of it."""
    subject = _Subject.of(plan)
    subject = replace(subject, words=subject.words & frozenset(query_terms(plan)))  # not "decide"
    if not subject.words or _titled(subject, item) or not all(is_routine_decision(unit.text) for unit in item.decisions):
        return []
    return [unit for _, unit in item.ranked() if not unit.decision and subject.share(unit.topic_text) == 1.0][:1]


def meetings(plan: QueryPlan, scored: list[Scored]) -> Draft:
    """One line per meeting that discussed it, oldest first and undated last, each with its best unit.

    Each meeting is judged on its own best item (a meeting with one weaker
    mention still gets its line, and one that names the whole subject always does), but an item whose title names the subject
    speaks for its meeting: a passing mention elsewhere in that meeting gets
    no line of its own, and once an item is titled by the subject, a meeting
    whose items never name the whole subject gets none. Asked how something changed, a line gives the
    meeting's figure about the subject, and a meeting with none has nothing
    to add once another has one (asked for figures, not only how it changed).
    """
    draft = Draft()
    subject = _Subject.of(plan)
    wants_figures = bool(_FIGURES_WANTED.search(plan.question))
    top = max((item.best for item in scored), default=0.0)
    most = max((item.relevance for item in scored), default=0.0)
    by_meeting: dict[str, list[Scored]] = {}
    for item in scored:
        # An item about the subject that holds only housekeeping ("This item was deferred", "There was no further
        # update on Counter Terrorism") still gets its line, unless its meeting has more to say.
        housekeeping = item.best == 0 and item.units and (item.relevance >= _NEXT_ITEM_SHARE * most or _titled(subject, item))
        if housekeeping or (item.best > 0 and (item.best >= _MEETING_ITEM_SHARE * top or _names_subject(subject, item))):
            by_meeting.setdefault(item.item.hit.meeting_id, []).append(item)
    if _NUMBERS_ASKED.search(plan.question):
        figured = {meeting: [i for i in items if _figure_unit(i, subject)] for meeting, items in by_meeting.items()}
        by_meeting = {meeting: items for meeting, items in figured.items() if items} if any(figured.values()) else by_meeting
    if any(_titled(subject, item) for items in by_meeting.values() for item in items):
        named = {meeting: [item for item in items if _names_subject(subject, item)] for meeting, items in by_meeting.items()}
        by_meeting = {meeting: items for meeting, items in named.items() if items}
    ordered = sorted(by_meeting.values(), key=lambda items: _date_order(items[0].item))
    dated = [items for items in ordered if items[0].item.hit.date]
    if plan.order and dated:  # "when did they last discuss it": the newest meeting's line alone
        ordered = dated[-1:] if plan.order == "latest" else dated[:1]
    ordered = ordered[:_MEETING_LINES]
    for items in ordered:
        said = [item for item in items if item.best > 0] or items
        # An item titled by the subject that records only housekeeping, beside others that say more: what became
        # of it ("Prevent Strategy Update": "This item was deferred until the next meeting"), after them.
        deferred = [item for item in items if item not in said and _titled(subject, item)][:1]
        items = said
        if wants_figures:  # the meeting's figure first, wherever it is
            items = [item for item in items if _figure_unit(item, subject)] or items
        titled = [item for item in items if _titled(subject, item)]
        for number, (item, unit) in enumerate(_meeting_lines(titled or items, subject, wants_figures)):
            lead = f"- {_capital(format_date(item.item.hit.date))}:" if number == 0 else ""
            draft.quote(item.item, _with_decision_lead(item, unit), lead, lower=False)
        for item in deferred:  # "Prevent Strategy Update: this item was deferred ...", its title being in its passage
            draft.quote(item.item, item.units[0], f"{item.item.hit.item_title.strip()}:")
    return draft


_OVERVIEW_ITEMS = 15
# "Members were presented with the PSA report.": housekeeping that still says what came before the meeting.
_PRESENTED = re.compile(r"\b(presented|provided|received|circulated|presentation|update)\b", re.I)


def overview(items: list[Evidence], decided: bool = False) -> Draft:
    """"What happened at the last meeting?": a line per item that did more than housekeeping, in agenda order: its
    opening sentence (what was presented or reported) and any decision beyond noting it. `decided` ("what did they
    decide at the last meeting"): a line per decision, those beyond noting something first when there are any."""
    if decided:
        return _decided(items)
    draft = Draft()
    for item in items:
        if len(draft.citations) >= _OVERVIEW_ITEMS:
            break
        found = units(item)
        opening = next((unit for unit in found if not unit.decision and not heading_like(unit) and not unit.point
                        and not unit.text.startswith(item.hit.item_title)
                        and (not unit.procedural or _PRESENTED.search(unit.text))), None)
        if opening is None:
            continue
        opening = _first_points(opening, 0) if len(opening.lines) > 1 else opening  # a list: its lead-in, two points
        said = [opening, *(unit for unit in found if unit.decision and not is_routine_decision(unit.text))][:2]
        for number, unit in enumerate(said):
            draft.quote(item, unit, "-" if number == 0 else "", lower=False)
    return draft


def _decided(items: list[Evidence]) -> Draft:
    draft = Draft()
    found = [(item, unit) for item in items for unit in units(item) if unit.decision]
    weighty = [(item, unit) for item, unit in found if not is_routine_decision(unit.text)]
    for item, unit in (weighty or found)[:_OVERVIEW_ITEMS]:
        draft.quote(item, unit, "-", lower=False)
    return draft


_EITHER = re.compile(r"\s/\s|\s+or\s+(?!not\b)", re.I)  # "prevent / counter terrorism", "prevent or counter terrorism"


@dataclass(frozen=True)
class _Subject:
    """What a question is about: the topic's own terms, less the words that ask for figures or a change and reporting
    words; and the terms of the other forms of its abbreviations ("asb" for "anti-social behaviour")."""

    words: frozenset[str]
    other: frozenset[str]
    abbreviations: frozenset[str] = frozenset()  # of those, the abbreviations: one names the subject ("YOT Q3")
    either: tuple[frozenset[str], ...] = ()  # "prevent / counter terrorism": each names the subject on its own

    @classmethod
    def of(cls, plan: QueryPlan) -> _Subject:
        words = frozenset(terms(_FIGURES_WANTED.sub(" ", plan.topic))) - REPORTING_TERMS
        other = frozenset(terms(plan.search)) - words - REPORTING_TERMS - frozenset(terms(plan.topic))
        parts = [words & frozenset(terms(part)) for part in _EITHER.split(plan.topic)]
        either = tuple(part for part in parts if part) if len(parts) > 1 else ()
        return cls(words, other, other & frozenset(terms(" ".join(re.findall(r"\b[A-Z]{2,}s?\b", plan.search)))), either)

    def share(self, text: str, title: bool = False) -> float:
        """The share of the subject that `text` names, in either form (0 for no subject); a title that names one of
        two subjects asked as either ("prevent / counter terrorism") names the whole subject (a sentence may name
        "prevention" in passing)."""
        present = set(terms(text))
        if title and any(_share(part, present) == 1.0 for part in self.either):
            return 1.0
        # The other forms, all named, stand for one word of the subject ("CSPs" of "iquanta data on other CSPs"):
        # the rest of it must be named too.
        spelt = _share(self.words, present) + 1 / len(self.words) if self.words else 1.0
        return max(_share(self.words, present), min(_share(self.other, present), spelt),
                   float(bool(self.abbreviations & present)))


def subject_terms(plan: QueryPlan) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """What a "which meetings" question is about, without the words that ask for figures or a change; and each of
    two subjects asked as either ("prevent / counter terrorism"), if it asks so."""
    subject = _Subject.of(plan)
    return subject.words, subject.either


def _share(wanted: frozenset[str], present: set[str]) -> float:
    return sum(bool(alternatives(term) & present) for term in wanted) / len(wanted) if wanted else 0.0


def _titled(subject: _Subject, item: Scored) -> bool:
    """Whether the item's title names the whole subject ("Update on Prevent" for "updates on Prevent")."""
    return subject.share(item.item.hit.item_title, title=True) == 1.0


def _names_subject(subject: _Subject, item: Scored, share: float = 1.0) -> bool:
    """Whether the item's title, or one sentence of it that may lead, names the whole subject (at least `share`).

    Once some item is titled by the subject, an item that only shares a word with it ("Community Safety
    Accreditation Scheme" for "the Community Safety Plan") is not about it.
    """
    return (subject.share(item.item.hit.item_title, title=True) >= share
            or any(subject.share(unit.topic_text) >= share for _, unit in item.ranked()))


def _meeting_lines(items: list[Scored], subject: _Subject, wants_figures: bool) -> list[tuple[Scored, Unit]]:
    """A meeting's line: its best item's best unit (its figure about the subject, when wanted), and a second item's
    nearly as good; an item titled by the subject adds its figure about it, if its line has none."""
    best = max(items, key=lambda item: item.best)
    chosen = [item for item in items if item is best or item.best >= _SECOND_ITEM_SHARE * best.best][:2]
    lines = []
    for item in chosen:
        figure = _figure_unit(item, subject) if wants_figures else _close_figure(item, subject)
        unit = figure or _line_unit(item, subject)
        said = [unit, *_what_was_said(item, unit)]
        taken = {one.index for one in said}
        scores = {other.index: score for score, other in item.ranked()}
        # A line of what was said keeps a second sentence nearly as close; a figure is the line on its own.
        close = [] if figure else [other for other in item.units if other.index not in taken
                                   and not other.decision
                                   and scores.get(other.index, 0.0) >= _SECOND_UNIT_SHARE * scores.get(unit.index, 1.0) > 0]
        # An item titled by the subject that gives a count or sum about it says it beside what it said ("To date in
        # 2016/17 410 individuals had received additional awareness raising training on Prevent").
        counted = None if figure or not _titled(subject, item) else _figure_unit(item, subject)
        extra = [*close[:1], *(() if counted is None or counted.index in taken else (counted,))]
        lines += [(item, one) for one in sorted(said + extra[:1], key=lambda one: one.index)]
    return lines


def _close_figure(item: Scored, subject: _Subject) -> Unit | None:
    """The item's share or sum about the subject when it reads nearly as close as its best unit (`_SUPPORT_SHARE`): a
    line per meeting gives that meeting's figure ("170% above the national average") where it can."""
    scores = {unit.index: score for score, unit in item.ranked()}
    found = _figure_unit(item, subject)
    if found is None or scores.get(found.index, 0.0) < _SUPPORT_SHARE * max(scores.values(), default=0.0):
        return None
    return found if _AMOUNT_OR_SHARE.search(found.text) else None  # a share or a sum, not "Section 26"


def _what_was_said(item: Scored, unit: Unit) -> list[Unit]:
    """After "A brief discussion was had around X", the next sentence that may lead: what was said about X."""
    if not DISCUSSED_ONLY.match(unit.text):
        return []
    leading = {other.index for _, other in item.ranked()}
    after = [other for other in item.units[unit.index + 1: unit.index + 3] if other.index in leading and not other.decision]
    return after[:1]


def _line_unit(item: Scored, subject: _Subject) -> Unit:
    """The item's best unit that is not a decision; failing that, its first sentence naming the subject, even one
    that only says it was presented ("Members were presented with the minutes of the Adult Safeguarding Board"
    says which meeting saw them, as "AGREED that the minutes be noted" does not), else a heading naming it (never
    the bare title); else its best or first unit."""
    ranked = [unit for _, unit in item.ranked()]
    if _titled(subject, item) and not any(subject.share(unit.text) for unit in ranked):
        ranked.sort(key=lambda unit: unit.index)  # "Any Other Business": what came up under it comes first
    leading = next((unit for unit in ranked if not unit.decision), None)
    if leading is not None and not subject.share(leading.text):
        # The best unit does not name the subject ("Members were asked to consider the project outline"): a unit that
        # does leads instead, even a decision naming all of it ("seek funding ... for continuing work with sex workers").
        leading = next((unit for unit in ranked if not unit.decision and subject.share(unit.text)), None) or next(
            (unit for unit in item.units if unit.decision and subject.share(unit.text) == 1.0
             and not is_routine_decision(unit.text)), leading)
    naming = sorted((unit for unit in item.units if not unit.decision and subject.share(unit.text) > 0
                     and unit.lines[0].strip() != item.item.hit.item_title.strip()
                     and not AGENDA_ASK.match(unit.text)), key=heading_like)  # not what the agenda asked for
    return leading or next(iter(naming), ranked[0] if ranked else item.units[0])


def _with_decision_lead(item: Scored, unit: Unit) -> Unit:
    """One point of a decision list with the lead-in it stands under ("AGREED that: The Partnership seek funding
    ..."): quoted alone, a line would not say it was decided."""
    if not unit.decided or DECISION_MARK.search(unit.text):
        return unit
    lead_in = next((other for other in reversed(item.units[: unit.index]) if DECISION_MARK.search(other.text)), None)
    return replace(unit, lines=(lead_in.lines[-1], *unit.lines)) if lead_in is not None else unit


def _figure_unit(item: Scored, subject: _Subject) -> Unit | None:
    """The item's best unit with a percentage or an amount (else any other figure) about the subject: one that names
    it, else a point of a list in an item whose title does ("Theft from person fell by 41.6%" under "Recorded
    Crime"); "19 ASB hotspots" speaks for ASB before "1 million in funding" under "ASB Action Plan"."""
    ranked = [unit for _, unit in item.ranked()]
    naming = [unit for unit in ranked if subject.share(unit.topic_text) > 0]
    listed = [unit for unit in ranked if unit.point and _titled(subject, item)]
    for group in (naming, listed):
        for pattern in (_AMOUNT_OR_SHARE, _FIGURE):
            found = [unit for unit in group if pattern.search(unit.text)]
            if found:
                return found[0]
    return None


def _verdict(plan: QueryPlan, unit: Unit) -> str:
    """"Yes:" or "No:" when the sentence covers every content word of the question and says what happened (not what
    the agenda asked for, nor what was only suspected); else nothing.

    A question of one content word ("Was the Prevent update given?") shares only its subject with any sentence about
    it, which says nothing of yes or no.
    """
    wanted = set(terms(plan.topic))
    present = set(terms(unit.text))
    if len(wanted) < 2 or not all(alternatives(term) & present for term in wanted) or AGENDA_ASK.match(unit.text) \
            or _HEDGE.search(unit.text):
        return ""
    return "No:" if _NEGATION.search(unit.text) else "Yes:"


def _meeting(item: Evidence) -> str:
    """"19 Jul 2023 meeting" / "meeting whose date is not stated": how a summary dates its item."""
    date = item.hit.date
    return f"{format_date(date)} meeting" if date else "meeting (date not stated)"


def _date_order(item: Evidence) -> tuple[int, int]:
    return (0, item.hit.date.toordinal()) if item.hit.date else (1, 0)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _same(one: str, other: str) -> bool:
    """Whether two answer sentences say the same, one perhaps after a lead ("At the 11 Jan 2022 meeting, the report
    ..." and "The report ...")."""
    one, other = one.lower(), other.lower()
    return one.endswith(other) or other.endswith(one)


def _lowered(text: str) -> str:
    """The first word in lower case when it is an ordinary word ("The", "Members", "Any"), so it can follow a lead;
    a name or an abbreviation keeps its capital."""
    first, _, rest = text.partition(" ")
    ordinary = first in _LOWER_FIRST or (first[1:].islower() and is_stopword(first.lower()))
    return f"{first.lower()} {rest}" if ordinary and rest else text
