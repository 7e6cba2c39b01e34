"""What a question asks for: the shape of answer it wants (`QuestionKind`) and the kind of fact (`AnswerType`).

The kind decides how an answer is built: "what was said" is answered per
item (reported, points raised, decided), "who chaired" from the attendance
records, "how did X change" one line per meeting. The fact type is
narrower: "How many e-scooters were seized?" is not answered by a sentence
about seizing e-scooters that gives no count, so such a question must be
refused. Those checks are literal and local: the count must stand within
a few words of what the question is about.
"""
from __future__ import annotations

import re
from enum import Enum, StrEnum

from assistant.dates import CAPITALISED_MONTH
from assistant.terms import alternatives, terms
from assistant.vocabulary import ASKING_DECIDED, BODY_WORDS, PERSON_TITLES, PLACE_WORDS, ROLE_WORDS

_NEAR = 6  # words between a figure and the thing it counts
_NEAR_SPAN = 3  # words between a length of time or span and the thing it is of

# "what percentage", "stop and search success rate for stockton" (not "business rates for shops": a sum).
_PERCENT_Q = re.compile(r"^\s*(what|which) (percentage|proportion|share|rate)\b|\bwhat per ?cent\b|%|\bpercentage\b|"
                        r"(?<!business\s)(?<!council\s)\brates?\s+(for|of|in|at|among|across)\b", re.I)
_TIME_UNITS = frozenset(terms("day days week weeks month months year years"))
# "exact date of the summit?", "number of people trained", "no. of staff trained": the thing asked for, bare, with no
# question word.
_BARE = r"^\s*(?:the\s+)?(?:exact\s+|actual\s+|total\s+)?"
_COUNT_Q = re.compile(rf"^\s*how many\b(?!\s+(times|meetings)\b)|^\s*what (number|count)\b|{_BARE}(number|count|no\.?|nos\.?)\s+of\b",
                      re.I)  # not meetings
_AMOUNT_Q = re.compile(
    rf"^\s*(how much|by how much|what (amount|figure|sum))\b|^\s*(what|which)\b.*\b(costs?|costings|budgets?|price|spend)\b|"
    rf"{_BARE}(cost|amount|price|budget)\s+(of|for)\b", re.I)
# "How much did Cleveland get", "how much was put into the pilot": a sum of money, though no word for money is used.
_MONEY_Q = re.compile(r"\bhow\s+much\b.{0,80}\b(get|gets|got|getting|receiv\w*|give|gives|gave|given|put|invest\w*|"
                      r"allocat\w*|award\w*|grant\w*|(bring|brings|brought|bringing)\s+in|spend\w*|spent|pay|paid|"
                      r"costs?|costing|fund\w*|money|worth)\b", re.I)
# Asked first, or after a comma ("the board minutes they looked at then, what date was that board meeting").
_DATE_Q = re.compile(rf"(^|,)\s*(when|what date|what time|on what (date|day)|which (date|day|month|year))\b|"
                     rf"{_BARE}(date|day|time)\s+(of|for|that|when|the|it|they)\b", re.I)  # "exact date the duty began"
_PERIOD_Q = re.compile(r"^\s*((for\s+)?how\s+long\b(?!\s+ago)|(over\s+)?(what|which)\s+(years|period|time\s*(frame|scale)|timescale)\b|"
                       r"until\s+when\b)", re.I)
# "the Chair", "the lead officer": someone named by the role the minutes give them.
_THE_CHAIR = re.compile(r"\b[Tt]he\s+((Vice[- ])?Chair(man|woman|person)?|lead\s+officer|clerk|secretary)\b")
# "Where did Stockton rank against other CSPs?": a position among others, not a place.
_RANKED = r"rank\w*|rated|stand|stood|compare[sd]?"  # "where did X rank": a position, wherever "where" asks it
_RANK_Q = re.compile(rf"^\s*(where|how)\s+(did|does|do|is|was|were|are)\b.{{0,60}}\b({_RANKED}|sit|sat|place[sd]?)\b|"
                     r"^\s*what\s+(rank\w*|position)\b", re.I)
_RANK = re.compile(r"\b\d+(st|nd|rd|th)\b|\b(first|second|third|fourth|fifth|top|bottom|highest|lowest|best|worst|"
                   r"above|below|average|ranked|ranking|position|league)\b", re.I)
_PERSON_Q = re.compile(r"^\s*(who|which\s+(\w+\s+)?(person|officer|member|councillor|candidates?))\b", re.I)  # "police officer"

_DATE = re.compile(
    rf"\b\d{{1,2}}(st|nd|rd|th)?\s+({CAPITALISED_MONTH})\b(,?\s+(19|20)\d\d(/\d\d)?)?|"
    rf"\b({CAPITALISED_MONTH})\b(\s+\d{{1,2}}(st|nd|rd|th)?(?![\d/]))?(,?\s+(19|20)\d\d(/\d\d)?)?|"
    r"\b(19|20)\d\d(/\d\d)?\b|\b\d{1,2}[.:]\d{2}\s*(am|pm|a\.m\.|p\.m\.)|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
)
# How often something happens: "once a month on a Thursday", "every Tuesday", "weekly".
_RECURS = re.compile(r"\b(once|twice)\s+a\s+(week|fortnight|month|year)\b|\bevery\s+(other\s+)?(day|week|fortnight|month|"
                     r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(weekly|fortnightly|monthly|quarterly)\b",
                     re.I)
# "When are the surgeries held?", "how often do they meet": when something recurs, not the date it happened.
_RECURS_Q = re.compile(r"^\s*(when\s+(is|are|do|does|will)\b(?!.{0,80}\b(next|first|last)\b).{0,80}\b(held|on|run|meet|open|"
                       r"happen|take\s+place)\s*\??\s*$|how\s+often\b)", re.I)  # not "when does the pspo expire"
"""A date or time as minutes write it; a figure inside one ("June 2012/13", "9.00 am") is not a figure."""
_NUMBER = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty"
_PERIOD = re.compile(
    rf"\b({_NUMBER})[\s-]*(years?|months?|weeks?|days?)\b|"  # "a 3 year Strategy", "the 12-month period"
    r"\b(19|20)\d\d(/\d\d)?\s*(–|-|to|until)\s*((19|20)?\d\d)\b|"  # "2013 – 2018", "2012/13 to 2014"
    rf"\b({CAPITALISED_MONTH})\s+(19|20)\d\d\s*(–|-|to|until)\s*({CAPITALISED_MONTH})\s+(19|20)\d\d\b|"  # "April 2016 - Mar 2017"
    rf"\b(until|till|through|by|from)\s+(the\s+end\s+of\s+)?(\d{{1,2}}\s+)?({CAPITALISED_MONTH}|(19|20)\d\d)\b",
    re.I)
"""A length of time or a span as minutes write one: what "how long" and "what years" want."""
# Where something happens without a proper name: "navigators working in custody", "sessions in schools".
_SETTING = re.compile(r"\b(in|at|into|within)\s+(the\s+|local\s+)?(custody|prisons?|schools?|hospitals?|community|communities|"
                      r"homes?|streets?|town\s+centres?|social\s+media|online|courts?)\b", re.I)
_PLACE = re.compile(r"\b(at|in|on|to|from|within|across|near|alongside|beside|inside|outside|around|along|throughout|"
                    r"involving|including|covering|between)\s+"
                    rf"(the\s+)?(?!(?:{CAPITALISED_MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w'’-]+")
"""A place as a sentence names one: "at the Jamal Building", "to Hull", "within Stockton and Norton", "a scheme
involving Middlesbrough"; not a month or a day ("in February")."""
_MONEY_TERMS = frozenset(terms("funding funded money cost costs budget spend spent grant awarded paid pay price pounds"))
"""Question words that ask for a sum of money: "how much funding" wants "1 million", not "19 hotspots"."""
_MONEY_UNITS = frozenset({"million", "billion", "thousand", "m", "bn", "k", "pounds", "pence", "p"})
_NUMBER_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozen|hundred|thousand|million|billion"
_FIGURE = re.compile(rf"^(£?\d[\d,.]*%?|{_NUMBER_WORDS})$", re.I)
# Capitalised words that name roles and bodies, not people.
_ROLES = ROLE_WORDS | BODY_WORDS | frozenset(
    """Update Report Minutes Agenda Item Democratic Support Contact Venue Present Apologies Also
    The A An And Of For In On At To""".split()
)


class QuestionKind(StrEnum):
    """The shape of answer a question wants (see /work/shared/ANSWERS.md and eval/README.md)."""

    FACT = "fact"  # one figure, name or phrase, stated first
    SUMMARY = "summary"  # what was said about X: per item, reported, points raised, decided
    DECISION = "decision"  # what was agreed, as recorded
    WHO = "who"  # chaired, attended, presented
    WHEN = "when"  # dates and times, the next meeting
    WHERE = "where"  # venue, place
    MEETINGS = "meetings"  # which meetings discussed X, how X changed: one line per meeting
    YESNO = "yesno"  # a verdict only when a cited sentence gives one


_AUX = r"is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|must"
# Checked in this order: the first that matches decides.
_KIND_PATTERNS = (
    # "has ASB gone up or down over the years": asked across meetings first; "did it go up or down" is no yes/no
    # question ("or not" still is).
    # "who chaired in 2012 vs 2017 - has it changed": one line per meeting.
    (QuestionKind.MEETINGS, re.compile(r"^\s*(who|whom)\b.*\b(chang\w*|vs\.?|versus)(\s|$)", re.I)),
    # "who has chaired it over the years", "who sent apologies to each meeting": one line per meeting, too.
    (QuestionKind.MEETINGS, re.compile(rf"^\s*({_AUX}|who|whom)\b.*\b(over\s+(time|the\s+years)|across\s+(the\s+|all\s+)?meetings|"
                                       r"each\s+(of\s+the\s+(\w+\s+)?)?meetings?|meeting\s+by\s+meeting|(each|every)\s+time|"
                                       r"more\s+than\s+(one\s+meeting|once)|which\s+ones|(which|what)\s+meetings|"
                                       # "has sex work come up at the ssp before": the earlier meetings it came up at
                                       r"(c[ao]me\s+up|been\s+(discussed|raised|mentioned))\b.{0,40}\bbefore)\b", re.I)),
    (QuestionKind.YESNO, re.compile(rf"^\s*({_AUX})\b(?!.*\bor\s+(?!not\b|no\b)\w)|"
                                    r"^\s*any\s+(signs?|evidence|indication)\b", re.I)),  # "any sign crime has moved?"
    # "how many times has the pspo come up": the meetings, one line each, to count.
    (QuestionKind.MEETINGS, re.compile(r"^\s*how\s+many\s+(times|meetings)\b", re.I)),
    # "when did they last talk about prevent": the meetings that discussed it, by date.
    (QuestionKind.MEETINGS, re.compile(r"^\s*when\s+(did|was|were|has|have)\b.{0,60}\b(discuss\w*|talk\w*|"
                                       r"raised?|c[ao]me\s+up|brought\s+up|consider\w*|mention\w*|look\w*\s+at)\b", re.I)),
    (QuestionKind.WHO, re.compile(
        r"^\s*(who|whom|whose)\b|^\s*(which|what)\s+((?!(did|do|does|was|were|is|are)\b)\w+\s+){0,3}?(person|people|officers?|councillors?|members?|"
        r"candidates?|organisations?|bod(y|ies)|agenc(y|ies)|forces?|councils?|authorit(y|ies))\b", re.I)),
    (QuestionKind.WHEN, re.compile(
        r"^\s*(when|what\s+(date|time|day|year|month)|on\s+what\s+(date|day)|which\s+(date|day|month|year)|"
        r"how\s+long\s+ago|(the\s+)?(exact\s+|actual\s+)?(date|day|time)\s+(of|for)\s+the\s+(next|last|previous|first)\s+meeting)\b|^\s*(which|what)\s+(previous\s+|earlier\s+)?meeting'?s\s+minutes\b", re.I)),
    (QuestionKind.WHERE, re.compile(
        # "which areas does the PSPO cover" asks where; "what areas did the presentation cover" asks what it covered.
        rf"^\s*(where(?!.{{0,60}}\b({_RANKED})\b)|at\s+what\s+(venue|place|location)|(the\s+)?(venue|location)\s+(of|for)\b|(what|which)\s+(venue|location|place|room|building|"
        r"areas?\b(?!.{0,40}\b(presentation|report|update|paper|talk|briefing|discussion)\b.{0,30}"
        r"\b(cover|include|discuss|outline|highlight)\w*)))\b",
        re.I)),
    (QuestionKind.MEETINGS, re.compile(
        r"\b(which|what)\s+(\w+\s+)?meetings\b|\bmore\s+than\s+(one\s+meeting|once)\b|^\s*(compare|contrast)\b|"
        r"\b(several|multiple|many|other|different)\s+meetings\b|"
        r"\b(at|in|across|over)\s+(the\s+|all\s+)?(?!(future|next|later|coming|subsequent|upcoming)\b)(\w+\s+)?meetings\b|"
        r"\b(at\s+)?(each|every)\s+meeting\b|\bmeeting\s+by\s+meeting\b|\b(each|every)\s+time\b(?!\s+(that|it|they|the|a|an|he|she|we)\b)|"
        r"\bover\s+(time|the\s+years)\b|\bhow\s+(has|have|did|do|does)\b.{0,80}\bchang|\bchanged?\s+between\b|"
        r"\b(has|have)\s+been\s+(said|discussed|reported|done|raised)\b|"
        r"^\s*(what|how)\b.{0,60}\b(has|have)\s+the\s+"
        r"(partnership|committee|board|council|members)\b|^\s*how\s+(has|have)\b.{0,60}\bbeen\b", re.I)),
    (QuestionKind.DECISION, re.compile(
        rf"\b({'|'.join(sorted(ASKING_DECIDED))})\b", re.I)),
    (QuestionKind.SUMMARY, re.compile(
        r"^\s*(what\s+(was|were|has\s+been|is\s+being)\s+(said|discussed|reported|done|raised|mentioned|talked\s+about)|"
        r"what\s+(did|do|does)\s+.{0,60}\b(say|said|discuss|report|raise|make|cover|include|involve|outline|highlight|"
        r"tell|update|inform|brief|present|share|explain|mention|feed\s*back|suggest|propose|think\s+(of|about)|feel\s+about|"
        r"hear|learn|find\s+out|(get|got)\s+told)\b|what\s+(was|were)\s+.{0,60}\b(told|informed|briefed|updated)\b|"
        r"what\s+(has|have|is|are|was|were)\s+.{0,60}\b(been\s+)?up\s+to\b|"  # "what has curv been up to"
        r"what\s+(was|were|is|are)\s+.{0,60}\b(trying|aiming|meant|supposed|designed|intended)\s+to\s+(do|achieve)\b|"
        r"what\s+((were|was|are)\s+the\s+)?((main|key|major)\s+)?(points|comments|views|remarks|feedback)\b|"
        r"^\s*in\s+what\s+ways?\b|what'?s\s+(come|came)\s+out\s+of|what\s+(has|have)\s+come\s+out\s+of|"
        r"what(?:'s|s|\s+was|\s+is|\s+were)\s+in\s+(the|their|this|that)\b|"
        r"tell\s+me|remind\s+me|summari[sz]e|sum\s+up|(give|get|have)\s+(me\s+)?(an?\s+|the\s+)?(summary|overview|update|gist|rundown|run\s+down|"
        r"lowdown|low\s+down|outline|breakdown)|the\s+gist\s+of|what\s+happened|any\s+updates?|"
        r"what\s+(went|goes)\s+on|what(?:'s|s|\s+is|\s+was|\s+has)(\s+been)?\s+(going|gone)\s+on|"
        r"what\s+came\s+out\s+of|what\s+(came|comes|has\s+come)\s+up\b|what(?:'s|s|\s+is|\s+was)\s+the\s+(latest|update|outcome|news|story|score|deal)|any\s+news)|"
        r"^\s*(at|in|on)\b.{0,60}\bwhat\s+(did|do)\b.{0,60}\b(say|said|discuss|report)\b", re.I)),
)


QUESTION_WORD = r"(?:what|whats|which|who|whom|whose|when|where|why|how)"
"""The words a question opens with (as a regular expression)."""
# No question word anywhere: "restorative justice at the probation trust", "what about the youth survey"; "when" or
# "where" joining a clause within the words ("feedback on the plan when the consultants presented it") asks nothing.
_CLAUSE = r"(?<=\w\s)(?:when|where)\s+(?:the|a|an|they|it|he|she|we|you|i|members|partners|officers|police)\b"
_ASKS_SOMETHING = re.compile(rf"^\s*({_AUX})\b|\b(?!{_CLAUSE}){QUESTION_WORD}\b(?!\s+about\b)", re.I)


# "feb 2017 meeting - when was the next one set for?", "back in 2012, who chaired": a few words that set the scene,
# then the question; its kind is the question's.
_SCENE = re.compile(rf"^[^?,:–]{{1,140}}?(?:\s[-–:]\s*|,\s*|\?+\s*)(?=(?:{QUESTION_WORD}|{_AUX})\b)|"
                    rf"^(?:at|in|after|before|during|from|on|since|following|back)\s[^?,:–-]{{1,60}}?\s(?=(?:{QUESTION_WORD}\b|(?:{_AUX})\b(?!.*\b{QUESTION_WORD}\b)))|"
                    # "drug related offending report agust 2012 what points did members raise": a question proper
                    # (a question word, a few words, then did/was/...) after the words that name its subject.
                    rf"^[^?,:–]{{1,90}}?\s(?=(?:what|which|who|when|where|why|how)\s+(?:[\w'-]+\s+){{0,2}}?(?:{_AUX})\b)",
                    re.I)  # "after the jan 2022 meeting when ..."


def after_scene(question: str) -> str | None:
    """The question after the words that set its scene, if some do and they ask nothing themselves."""
    scene = _SCENE.match(question)
    return question[scene.end():] if scene and not _ASKS_SOMETHING.search(scene.group()) else None


# "can you sum up ...", "so what came out of ...", "could you tell me who ...": how people open, not what they ask.
_OPENER = re.compile(r"^\s*(?:(?:so|ok|okay|right|hi|hey|and|also)\b,?\s+|(?:can|could|would|will)\s+"
                     r"(?:you|someone|somebody|anyone|anybody)\s+(?:please\s+)?"
                     r"(?=(?:sum|summari[sz]e|tell|give|list|explain|remind|outline)\b)|please\s+|pls\s+|"
                     r"(?:can|could|may)\s+i\s+(?:please\s+)?(?=(?:get|have|see)\b)|"
                     rf"(?:do\s+you\s+know|i\s+(?:want|would\s+like|'d\s+like)\s+to\s+know)\s+(?={QUESTION_WORD}\b)|"
                     r"tell\s+me\s+(?=(?:who|whom|whose|when|where|which|how)\b))+", re.I)  # "tell me what ..." is a summary


def question_kind(question: str) -> QuestionKind:
    """The answer shape `question` wants; a plain question for one fact is `FACT`, a bare topic (no question word,
    no figure asked for) wants what was said about it."""
    question = _OPENER.sub("", question, count=1) or question
    first, _, after = question.partition("?")
    if after.strip() and not _ASKS_SOMETHING.search(after) and "?" not in after and first.count("(") == first.count(")") \
            and not any(pattern.search(after) for _, pattern in _KIND_PATTERNS):  # "...? every meeting it came up"
        question = f"{first}?"  # "when was the review published? it came up under aob": what follows only sets the scene
    kind = next((kind for kind, pattern in _KIND_PATTERNS if pattern.search(question)), QuestionKind.FACT)
    asked = after_scene(question) if kind is QuestionKind.FACT else None  # "at each meeting, ..." says it already
    if asked is not None:
        return question_kind(asked)
    if kind is QuestionKind.FACT and answer_type(question) is AnswerType.ANY and (
            not _ASKS_SOMETHING.search(question) or asks_about(question)):  # "what was the voice project about"
        return QuestionKind.SUMMARY
    return kind


# "what are the key areas of ...", "what were the six outcomes", "what areas did it cover": a set of things, which
# minutes write as a list.
_SET_Q = re.compile(r"^\s*(what|which)\s+(are|were)\s+the\s+(\w+\s+){0,3}?\w+s\b|"
                    r"^\s*(what|which)\s+(\w+\s+)?\w+s\s+(did|does|do|was|were)\b.{0,60}\b(cover|include|list|outline|highlight)", re.I)


# "what is cavic", "whats op harmony", "what are PSPOs": what something is, in a few words.
_WHAT_IS = re.compile(r"^\s*what(?:'s|s|\s+is|\s+are|\s+was|\s+were)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}[\w'-]+\s*\??\s*$",
                      re.I)


def asks_what_is(question: str) -> bool:
    """Whether the question asks what something is ("what is cavic"): the item about it opens with the answer."""
    return bool(_WHAT_IS.match(question))


# "voice project what was it about", "what is the youth survey about": what something covered.
# ", the 2012 one" after "about" points to the item; it asks nothing more.
_ABOUT_Q = re.compile(r"\bwhat(?:'s|s|\s+is|\s+was|\s+were|\s+are)\s+(it|this|that|they|the\s+[\w\s'-]{1,60}?)\s+about\s*(?:\?\s*|,[^?]*)?$",
                      re.I)


def asks_about(question: str) -> bool:
    """Whether the question asks what something was about ("voice project what was it about")."""
    return bool(_ABOUT_Q.search(question))


def wants_list(question: str) -> bool:
    """Whether the question asks for a set of things, or what something is or was about (minutes describe a
    presentation by its list of key areas), so a list is quoted whole with its lead-in (as for a summary)."""
    return bool(_SET_Q.search(question)) or asks_about(question) or asks_what_is(question)


class AnswerType(Enum):
    ANY = "any"
    COUNT = "count"
    AMOUNT = "amount"
    MONEY = "money"  # an amount that is a sum of money: "how much did they get"
    PERCENT = "percent"
    DATE = "date"
    RECURRENCE = "recurrence"  # when something is held, again and again: a date or how often
    PERIOD = "period"
    PERSON = "person"
    PLACE = "place"
    RANK = "rank"


def answer_type(question: str) -> AnswerType:
    for pattern, kind in ((_RANK_Q, AnswerType.RANK), (_PERCENT_Q, AnswerType.PERCENT), (_COUNT_Q, AnswerType.COUNT), (_AMOUNT_Q, AnswerType.AMOUNT),
                          (_PERIOD_Q, AnswerType.PERIOD), (_RECURS_Q, AnswerType.RECURRENCE), (_DATE_Q, AnswerType.DATE),
                          (_PERSON_Q, AnswerType.PERSON)):
        if pattern.search(question):
            return AnswerType.MONEY if kind is AnswerType.AMOUNT and _MONEY_Q.search(question) else kind
    asked = after_scene(question)  # "prevent training 2016/17? how many people trained": the question after the scene
    return answer_type(asked) if asked is not None else AnswerType.ANY


def holds(kind: AnswerType, sentence: str, wanted: list[str]) -> bool:
    """Whether `sentence` contains the kind of fact asked for (near the question's terms, for figures)."""
    if kind is AnswerType.ANY:
        return True
    if kind is AnswerType.DATE:
        return bool(_DATE.search(sentence))
    if kind is AnswerType.RECURRENCE:
        return bool(_DATE.search(sentence) or _RECURS.search(sentence))
    if kind is AnswerType.RANK:
        return bool(_RANK.search(sentence))
    if kind is AnswerType.PERIOD:
        topical = [term for term in wanted if term not in _TIME_UNITS]  # "what years": "years" is how it asks
        return any(_near_terms(sentence, match.start(), match.end(), topical) for match in _PERIOD.finditer(sentence))
    if kind is AnswerType.PERSON:
        return _has_person(sentence, wanted)
    if kind is AnswerType.PLACE:
        return bool(_PLACE.search(sentence) or _SETTING.search(sentence)) or any(run.split()[-1] in PLACE_WORDS for run in _capitalised_runs(sentence))
    return _figure_near_terms(kind, _DATE.sub(" DATE ", sentence), wanted)


_DAY_OR_MONTH = re.compile(rf"\b\d{{1,2}}(st|nd|rd|th)?\s+({CAPITALISED_MONTH})\b|\b({CAPITALISED_MONTH})\s+(\d{{1,2}}(st|nd|rd|th)?\b|(19|20)\d\d)")


def dated(sentence: str) -> bool:
    """Whether `sentence` gives a date with its month ("18 October 2016", "June 2012"), not a year or span alone."""
    return bool(_DAY_OR_MONTH.search(sentence))


def _near_terms(sentence: str, start: int, end: int, wanted: list[str]) -> bool:
    """Whether the span `start:end` of `sentence` stands within `_NEAR_SPAN` words of one of the question's terms: "how
    long was the strategy" is answered by "a 3 year Strategy", not by "the 1 year plan for ... the Strategy"."""
    before = sentence[:start].split()[-_NEAR_SPAN:]
    after = sentence[end:].split()[:_NEAR_SPAN]
    near = set(terms(" ".join([*before, sentence[start:end], *after])))
    return not wanted or any(alternatives(term) & near for term in wanted)


def _figure_near_terms(kind: AnswerType, sentence: str, wanted: list[str]) -> bool:
    tokens = re.findall(r"£?\d[\d,.]*%?|[A-Za-z]+", sentence)
    figures = [i for i, token in enumerate(tokens) if _FIGURE.match(token) and _fits(kind, token)
               and (not _asks_money(kind, wanted) or _money(token, tokens[i + 1: i + 2]))
               and not _a_length(tokens[i + 1: i + 2], wanted)]
    if not figures:
        return False
    stems = [terms(token) for token in tokens]
    # Asked for money in any words ("how much money"), any word for it is on topic ("1 million in funding").
    money = _MONEY_TERMS if _asks_money(kind, wanted) else frozenset()
    topical = [i for i, found in enumerate(stems) if any(alternatives(t) & set(found) for t in wanted) or money & set(found)]
    # "410 individuals had received training on Prevent": a count of the thing asked about ("how many people"), in a
    # sentence about the subject; not of something else ("how many referrals").
    counted = kind is AnswerType.COUNT and topical and any(
        _counts(tokens[f + 1: f + 2]) and any(alternatives(term) & set(terms(tokens[f + 1])) for term in wanted)
        for f in figures)
    return any(abs(f - t) <= _NEAR for f in figures for t in topical) or not wanted or bool(counted)


def _asks_money(kind: AnswerType, wanted: list[str]) -> bool:
    """Whether a sum of money is asked for: in so many words ("how much funding"), or by how it was got or given."""
    return kind is AnswerType.MONEY or (kind is AnswerType.AMOUNT and bool(_MONEY_TERMS & set(wanted)))


def _a_length(after: list[str], wanted: list[str]) -> bool:
    """Whether a figure is a length of time ("the 12-month period", "a 3 year strategy") the question does not count:
    "how many incidents" is not answered by "12", "how many years" may be."""
    unit = terms(after[0]) if after else []
    return bool(unit) and unit[0] in _TIME_UNITS and unit[0] not in wanted


def _counts(after: list[str]) -> bool:
    """Whether the word after a figure is a plural noun it counts ("410 individuals", "19 hotspots")."""
    return bool(after) and after[0].islower() and len(after[0]) > 3 and after[0].endswith("s") and not after[0].endswith("ss")


def _money(figure: str, after: list[str]) -> bool:
    """Whether a figure is a sum of money as minutes write one: "£48,500", "1 million", "£2.5m", "40,000 pounds",
    or a number in thousands ("500,000"); "19 hotspots" is a count, not what "how much funding" asks for."""
    unit = after[0].lower() if after else ""
    return (figure.startswith("£") or unit in _MONEY_UNITS or figure.lower() in _MONEY_UNITS
            or bool(re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", figure)))


def _fits(kind: AnswerType, figure: str) -> bool:
    if kind is AnswerType.PERCENT:
        return figure.endswith("%")
    if kind is AnswerType.COUNT:
        return not figure.endswith("%") and not figure.startswith("£")
    return True


def _has_person(sentence: str, wanted: list[str]) -> bool:
    """Whether the sentence names someone: a person (two or more capitalised words in a row, at least two of them
    not role or body words, or a title and a surname), a body ("Humberside Police": a run that ends in a body word) or "the Chair".

    "Who came up with the model?" is answered by "first developed by Humberside Police" as much as by a name; "who
    chairs the challenge group?" is not answered by "the Challenge Group", what it asks about (`wanted`).
    """
    if _THE_CHAIR.search(sentence):
        return True
    for run in _capitalised_runs(sentence):
        words = run.split()
        if set(terms(" ".join(word for word in words if word not in _ROLES))) <= set(wanted):
            continue
        named = sum(word not in _ROLES for word in words)
        titled = words[-2] in PERSON_TITLES and words[-1] not in _ROLES  # "Councillor Nelson", "Sgt Bell"
        if named >= 2 or titled or (words[-1] in BODY_WORDS and named >= 1):
            return True
    return False


def _capitalised_runs(sentence: str) -> list[str]:
    """Two or more capitalised words in a row ("Councillor Ken Lupton", "Eastern Area"); a run may end at a comma."""
    return re.findall(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+\b", sentence)
