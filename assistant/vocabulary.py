"""The words of minutes: decisions, roles, attendance labels, housekeeping, question words, synonyms.

The one home of these lists, imported by the parser, the fact extractor,
retrieval, the answerer and the grounding check alike. Everything here is
general English as committees write it; nothing names a council, a place
or a local body. Words particular to one body (its abbreviations, its
name) come from the minutes themselves or from configuration
(`assistant.glossary`), never from this file.
"""
from __future__ import annotations

import re

# --- decisions ------------------------------------------------------------------------------------------------

DECISION_WORDS = ("AGREED", "RESOLVED")
"""The words minutes print in capitals to mark a decision."""

DECISION_MARK = re.compile(r"\b(AGREED|RESOLVED)\b")
"""A decision word as printed (capitals only: "officers agreed with members" is not a decision)."""

BARE_DECISION = re.compile(r"^\s*(?:AGREED|RESOLVED)(?:\s+(?:that|THAT))?\s*\.?\s*$")
"""A decision word alone on its line, its words on the next ("RESOLVED" / "That an additional meeting be held ...")."""

AGREED_ONLY = re.compile(r"^\s*(?:this\s+was\s+)?(?P<verb>agreed|resolved|approved|carried)(?:\s+(?:by\s+(?:a\s+)?(?:unanimous|"
                         r"majority)(?:\s+vote)?|unanimously|accordingly|by\s+all))?\s*\.?\s*$", re.I)
"""A decision that says only that it was made ("Agreed by unanimous vote."): what was agreed is the sentence before
("Proposal that the Strategic Intelligence Assessment be adopted.")."""

ASKING_DECIDED = frozenset("agree agreed agreement decide decided decision decisions resolve resolved resolution".split())
"""Words that ask what was decided, not what about."""

_BODY = r"(?:the\s+)?(?:members|partnership|committee|board|panel|cabinet|council|forum|group|councillors|sub-committee)"
DECISION_SENTENCE = re.compile(
    rf"^(?:{_BODY}:?\s+(?P<verb1>agreed|resolved|noted|approved|endorsed)\b"
    r"|it\s+was\s+(?P<verb2>agreed|resolved)\b|there\s+was\s+(?:\w+\s+)?(?P<verb4>agreement)\s+that\b"
    # "Resolved (by 7 votes to 0) to elect ...", "Agreed unanimously that ...": the decision word opens the sentence
    r"|(?P<verb5>agreed|resolved)\s*(?:\(?\s*(?:by\s+)?\(?\s*\d+\s+votes?\s+to\s+\d+\s*\)|unanimously|:|-|–)?\s*"
    r"(?:that|to)\b"
    r"|.{0,120}?\b(?:was|were)\s+(?P<verb3>noted|agreed|approved|endorsed)"
    r"(?:\s+by\s+(?:the\s+)?members)?(?:\s+as\s+an?\s+(?:true|correct|accurate)\s+record)?\s*\.?$)",
    re.IGNORECASE,
)
"""A sentence that records a decision without the capitalised word.

"Members noted the update.", "It was agreed that ...", "Resolved (by 7 votes to 0) to elect ...", "The
minutes ... were agreed as a correct record." (The passive form only when the sentence ends
there: "it was noted that there was a large amount of work" is a remark.)
"""

ROUTINE_DECISION = re.compile(
    r"^(?:members\s+)?(?:agreed|resolved)\b(?:\s+that)?\s+[^:]{0,160}?\b(?:be|were|was)\s+(?:noted|received)\.?$"
    r"|^(?:members\s+)?(?:agreed|resolved)\s+to\s+note\b[^:]{0,80}$"
    r"|^members\s+noted\b[^:]{0,80}$"
    r"|^[^:]{0,160}\b(?:was|were)\s+noted(?:\s+by\s+(?:the\s+)?members)?\.?$"
    r"|^(?:agreed|resolved)\s+that\s+the\s+minutes\b[^:]{0,120}\bbe\s+(?:approved|agreed|signed)\b[^:]{0,60}$"
    r"|^[^:]{0,40}\bminutes\b[^:]{0,120}\b(?:were|was)\s+(?:agreed|approved)\s+as\s+an?\s+"
    r"(?:true|correct|accurate)\s+record\.?$",
    re.IGNORECASE,
)
"""A decision that only notes or receives something, or approves the minutes: "AGREED that the report be noted".

(Approving anything else, "AGREED that the application be approved", is a real decision.)
"""


LIST_MARK = re.compile(r"^\s*(?:[-–•*·]\s*|\(?[a-z0-9]{1,3}[.)]\s+)*")
"""A bullet or list number before a line's text: ``- ``, ``• ``, ``1. ``, ``(a) ``."""

HEADING_WORDS = 8  # fewer than this and no full stop: a heading


def is_sub_heading(line: str) -> bool:
    """A line that heads what follows inside an item ("PCC Candidates Responses", "Matters arising"): short, no full
    stop, no list mark, capitalised."""
    text = line.strip()
    return (0 < len(text.split()) < HEADING_WORDS and text[:1].isupper() and not text.endswith((".", "!", "?", ":", ";"))
            and not LIST_MARK.match(line).group().strip())  # type: ignore[union-attr]


def ends_points(line: str, after_sentence: bool) -> bool:
    """Whether `line` ends the unmarked points of a list rather than being one: a sub-heading after points written as
    sentences ("RESOLVED:" / "That the minutes ... be confirmed." / "Matters arising")."""
    return after_sentence and is_sub_heading(line)


def decision_verb(sentence: str) -> str | None:
    """The decision word of a decision sentence, lower case (``agreed``, ``noted``, ...), else None."""
    marked = DECISION_MARK.search(sentence) or AGREED_ONLY.match(sentence)
    if marked:
        return marked.group(1).lower()
    match = DECISION_SENTENCE.match(LIST_MARK.sub("", sentence))
    if not match:
        return None
    verb = next(verb for verb in match.group("verb1", "verb2", "verb3", "verb4", "verb5") if verb).lower()
    return "agreed" if verb == "agreement" else verb


def is_routine_decision(text: str) -> bool:
    return bool(ROUTINE_DECISION.match(text.strip()))


# --- people, roles and bodies -----------------------------------------------------------------------------------

CHAIR_ROLE = re.compile(r"^(?:the\s+)?(?:chair|chairman|chairwoman|chairperson|in\s+the\s+chair|presiding)$",
                        re.IGNORECASE)
VICE_CHAIR_ROLE = re.compile(
    r"^(?:the\s+)?(?:vice|deputy)[\s-]*(?:chair|chairman|chairwoman|chairperson)$", re.IGNORECASE
)
_ROLE_NOUNS = (
    r"chair|chairman|chairwoman|chairperson|in the chair|vice[\s-]*chair\w*|deputy[\s-]*chair\w*|mayor|"
    r"cabinet member|portfolio holder|lead member|leader|deputy leader|councillor|member|members|"
    r"candidates?|clerk|secretary|treasurer|director|manager|head of|officer|adviser|advisor|"
    r"co-opted|substitute|observer|representative|inspector|superintendent|sergeant|commissioner"
)
ROLE = re.compile(rf"^(?:the\s+)?(?:\w+\s+){{0,3}}?(?:{_ROLE_NOUNS})\b", re.IGNORECASE)
"""A role printed beside a name: ``Chair``, ``Vice-Chair``, ``Cabinet Member for Adult Social Care``,
``PCC Candidates``. Anything else in the brackets is an organisation."""

PERSON_TITLES = frozenset("Councillor Cllr Mr Mrs Ms Miss Dr Sgt Insp Inspector Sergeant Supt Superintendent".split())
"""Titles written before a person's name ("Cllr Kerby", "Sgt Bell"): a name starts there."""

COUNCILLOR_TITLES = frozenset({"cllr", "cllr.", "councillor", "coun"})
"""Titles that mark a councillor (lower case), who represents no organisation in a shared list."""

ROLE_WORDS = frozenset(
    """Chair Chairman Chairwoman Chairperson Vice Deputy Officer Officers Member Members Councillor Councillors
    Cabinet Director Manager Leader Mayor Clerk Secretary Inspector Sergeant Superintendent Commissioner""".split()
)
"""Capitalised words that name a role, not a person."""

PEOPLE_IN_GENERAL = ("members", "partners", "councillors", "cllrs", "officers", "people", "attendees", "they", "anyone",
                     "everyone", "residents", "locals", "public")
"""Words a question uses for whoever spoke ("what did partners say"): nobody in particular, and no subject."""

BODY_WORDS = frozenset(
    """Partnership Committee Board Council Cabinet Panel Forum Group Commission Authority Assembly Executive Police
    Service Services Team Trust Unit Office Department Directorate Agency Association Network Centre""".split()
)
"""Capitalised words that end the name of a body ("... Partnership", "... Police"), not of a person."""

PLACE_WORDS = frozenset(
    """Area Ward Park Estate Centre Center Road Street Lane Avenue Square Hub Hall House Building Library Station
    Village Town City Borough Quay Market""".split()
)
"""Capitalised words that end the name of a place ("Eastern Area", "Ropner Park", "the Family Hub")."""

COMMITTEE_WORD = re.compile(
    r"\b(partnership|committee|board|cabinet|panel|forum|group|commission|council|authority|assembly|executive)\b",
    re.IGNORECASE,
)
"""A word that names a meeting body, for recognising a committee's name on a title line."""


def is_chair_role(role: str) -> bool:
    return bool(CHAIR_ROLE.match(role.strip()))


def is_vice_chair_role(role: str) -> bool:
    return bool(VICE_CHAIR_ROLE.match(role.strip()))


def is_role(text: str) -> bool:
    """Whether bracketed words beside a name are a role (``Chairman``) rather than a body (``Harbourside Police``)."""
    return bool(ROLE.match(text.strip()))


# --- the attendance block ---------------------------------------------------------------------------------------

ATTENDANCE_LABELS = {
    "present": "present",
    "members present": "present",
    "committee members": "present",
    "councillors present": "present",
    "councillors": "present",  # "Councillors:" above a list that marks each "P" (present) or "A" (apologies)
    "committee members present": "present",
    "officers in attendance": "officers",
    "officers": "officers",
    "officers present": "officers",
    "also in attendance": "in_attendance",
    "in attendance": "in_attendance",
    "also present": "in_attendance",
    "apologies": "apologies",
    "apologies for absence": "apologies",
    "venue": "venue",
    "place": "venue",
    "contact": "contact",
    "chair": "chair",
}
"""Labels of a minutes header (``Present:``, ``Apologies for absence:``) → the field they start."""

NOBODY = frozenset({"none", "n/a", "nil", "no apologies", "none received", ""})
"""What an attendance label is followed by when it lists no one."""

TABLE_HEADINGS = frozenset({"no", "no.", "item", "items", "description", "decision", "minutes", "public", "title",
                            "subject", "action", "ref", "ref."})
"""Column headings of a minutes table ("No. | Item |", "Item Description Decision"): a header block ends there."""

# --- housekeeping -----------------------------------------------------------------------------------------------

_AGENDA_ASK = r"to\s+(?:receive|consider|note|approve|confirm|agree)\b"
AGENDA_ASK = re.compile(rf"^\s*{_AGENDA_ASK}", re.I)
"""What the agenda asked for ("To receive declarations of interest"), not what happened."""

PROCEDURAL = re.compile(
    r"^(?:members\s+(?:were|was)\s+(?:(?:presented|provided)\s+with|given)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}"
    r"(?:report|update|presentation|minutes|copy)\s+(?:on|of|about)\b"
    r"|members\s+received\s+(?:a|an|the)\s+(?:presentation|report|update)\s+on\b"
    # "Representatives from the police presented a report on X to members.": who presented what, and nothing else
    r"|[^;:]{0,80}?\bpresented\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:report|update|presentation)\s+(?:on|about)\s+"
    r"[^.;:,]{0,80}?(?:\s+to\s+(?:the\s+)?(?:members|partnership|committee|board|panel)(?:\s+of\s+the\s+\w+)?)?\s*\.?$"
    r"|the\s+(?:report|update|presentation|minutes)\s+(?:was|were)\s+(?:noted|received)\b"
    # "Targets from the Plan were presented to the Partnership, with a brief overview.": what, not what they were
    r"|[^.;:]{0,120}?\b(?:was|were)\s+presented\s+to\s+(?:the\s+)?(?:members|partnership|committee|board|panel)\b"
    r"(?:,?\s+with\s+an?\s+(?:brief\s+|short\s+)?(?:overview|introduction))?\s*\.?$"
    r"|this\s+(?:agenda\s+)?item\s+was\s+(?:an?\s+)?(?:accidental\s+)?(?:duplicat|deferred|withdrawn)"
    r"|(?:the\s+)?evacuation\s+procedure\b"
    r"|there\s+(?:were|was)\s+no\s+(?:declarations?\s+of\s+interests?|interests\s+declared|matters\s+arising"
    r"|(?:other|further)\s+business|reports?\s+back|further\s+update)"
    r"|there\s+wasn'?t\s+any\s+other\s+business"
    r"|there\s+(?:were|was)\s+no\s+(?:\S+\s+){0,3}\S+?\.?$"  # "There were no petitions.": short, nothing happened
    # "To receive any apologies for absence.", "To approve the minutes of ...": what the agenda asked for
    rf"|{_AGENDA_ASK}"
    # "Tina Williams declared an interest in respect of agenda item 15 - ...": housekeeping about the item
    r"|[^.;:]{0,80}?\bdeclared\s+an?\s+(?:\w+\s+)?interests?\b"
    r"|introductions\s+and\s+apologies\s+(?:for\s+absence\s+)?were\s+given"
    r"|members\s+were\s+then\s+give[n]?\s+the\s+opportunity\s+to\s+ask\s+questions"
    r"|none\.?$)",
    re.IGNORECASE,
)
"""Housekeeping sentences: true, citable, and never the answer to a question about a topic."""


REPORTING_WORDS = frozenset(
    """report reports reported reporting update updated updates presentation presented summary overview outlined
    outline provided provide discussed discussion discuss issue issues figures members member partnership
    committee board officers officer given gave noted consideration considered item receive received
    stuff things""".split()
)
"""Words minutes use to say that something was reported or discussed, not what: "The report provided a
summary of the issues ..." says little beyond its subject; and people's words for "whatever it was" ("the prevent
stuff")."""


DISCUSSED_ONLY = re.compile(
    r"^(?:an?\s+(?:\w+\s+)?discussion\s+(?:was\s+had|was\s+held|took\s+place)|members\s+(?:then\s+)?discussed)\b", re.I)
"""A sentence that says what was discussed but not what was said ("A brief discussion was had around ..."): the
sentences after it say that."""


def is_procedural(sentence: str) -> bool:
    """Whether `sentence` is housekeeping ("The report was noted.", "There were no declarations of interest.")."""
    return bool(PROCEDURAL.match(sentence.strip()))


# --- questions --------------------------------------------------------------------------------------------------

QUESTION_WORDS = frozenset(
    """say said says tell told discuss discussed discussion mention mentioned meeting meetings minutes
    happen happened update updates report reported know please give actually really definitely
    anything much many also would could since handle handled handling deal dealt respond responded
    sent send gave give given get got make made take took done show showed list name named describe explain
    talk talked talks talking come came wat wot abt whats wheres whens hows whos see seen saw look looked looking yrs gone went going hear heard
    cover covered covers covering""".split()
)
"""Words that shape a question but say nothing about its topic."""

MEETING_WORDS = (
    "when what which time date day held hold start started begin began take place took venue where located location "
    "room building next schedule scheduled set meet met chair chaired attend attended present apologies apology "
    "sent gave absent there vice deputy contact represent represented representing chairman chairwoman chairperson"
    " supposed meant due planned expected going"  # "when was the meeting after it supposed to be"
    " partnership committee board panel forum council cabinet"  # "where was the partnership meeting held"
)
"""Words of a question about the meeting itself (its chair, date, venue) rather than something discussed at it."""

QUESTION_WORD_SLIPS = {"wat": "what", "wot": "what", "wht": "what", "whta": "what", "hw": "how", "hwo": "how",
                       "wen": "when", "whn": "when", "wher": "where", "whre": "where", "wich": "which", "whch": "which",
                       "mtg": "meeting", "mtgs": "meetings"}
"""Question words as people mistype or shorten them: "hw many hotspots" asks how many; "the july mtg" is a meeting."""

# --- abbreviations -----------------------------------------------------------------------------------------------

NATIONAL_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("ASB", "anti-social behaviour"), ("ASBO", "anti-social behaviour order"), ("CBO", "criminal behaviour order"),
    ("CPN", "community protection notice"), ("CPW", "community protection warning"),
    ("PSPO", "public spaces protection order"), ("PCC", "Police and Crime Commissioner"),
    ("OPCC", "Office of the Police and Crime Commissioner"), ("PCP", "Police and Crime Panel"),
    ("PCSO", "police community support officer"), ("CSP", "Community Safety Partnership"),
    ("CSAS", "Community Safety Accreditation Scheme"), ("YOT", "Youth Offending Team"),
    ("YOS", "Youth Offending Service"), ("IOM", "Integrated Offender Management"),
    ("VAWG", "violence against women and girls"), ("VRU", "Violence Reduction Unit"),
    ("DHR", "domestic homicide review"), ("IDVA", "independent domestic violence adviser"),
    ("MARAC", "multi-agency risk assessment conference"), ("MASH", "multi-agency safeguarding hub"),
    ("CSE", "child sexual exploitation"), ("NTE", "night-time economy"), ("SOC", "serious and organised crime"),
    ("OCG", "organised crime group"), ("ONS", "Office for National Statistics"),
    ("HMO", "house in multiple occupation"), ("VCS", "voluntary and community sector"),
    ("AOB", "any other business"),
)
"""Abbreviations of community safety and local government in England and Wales, the same in every council's minutes,
which people type though a set of minutes may never spell them out ("what did the pcc say"): the last layer of an
index's glossary, under the minutes' own and the configured file's (`assistant.retrieve.index_glossary`)."""

# --- spelling ---------------------------------------------------------------------------------------------------

SPELLINGS: tuple[tuple[str, str], ...] = (
    ("licence", "license"), ("defence", "defense"), ("offence", "offense"), ("behavior", "behaviour"),
    ("neighbor", "neighbour"), ("color", "colour"), ("favor", "favour"), ("labor", "labour"), ("honor", "honour"),
    ("center", "centre"), ("theater", "theatre"), ("program", "programme"), ("catalog", "catalogue"),
    ("enrollment", "enrolment"), ("judgement", "judgment"), ("fulfill", "fulfil"), ("practise", "practice"),
)
"""British and American spellings of one word, (one form, the form both become) at the start of a word: a
resident who types "license", "behavior" or "program" means the "licence", "behaviour", "programme" the
minutes print. ``-ize``/``-ization`` become ``-ise``/``-isation`` by rule (`assistant.terms`)."""

EXPANSIONS: dict[str, tuple[str, ...]] = {
    "chair*": ("chairman", "chairperson", "chairwoman"),
    "attend*": ("present",),
    "apolog*": ("apologies",),
    "held": ("venue",),
    "schedul*": ("next",),
    "locat*": ("venue",),
    "peopl*": ("individuals", "persons", "residents"),  # "how many people" is answered by "410 individuals"
    "worri*": ("concern",),  # "what worries did members have" is answered by "some concern over ..."
    "uneasi*": ("concern",),
    "copi*": ("replicate",),  # "copy the programme" is minuted as "replicating the programme"
    "sign": ("approved",),  # "which minutes did they sign off" (not "significant": no "*")
    "approv*": ("agreed", "confirmed"),  # minutes are "agreed" or "confirmed as a correct record"
    "cllr": ("councillor",),  # minutes write one, people type the other
    "councillor*": ("cllr",),
    "fall": ("drop", "decrease", "reduction", "decline", "fell", "dropped", "decreased", "reduced"),  # "crime fell"
    "fell": ("drop", "decrease", "reduction", "decline", "fall", "dropped", "decreased", "reduced"),
    "rise": ("increase", "rose", "increased", "risen"),
    "rose": ("increase", "rise", "increased", "risen"),
    "biggest": ("largest", "greatest", "highest"),  # "the biggest fall" is minuted as "the largest percentage drop"
    "largest": ("biggest", "greatest", "highest"),
    "anti": ("counter",),  # "anti terrorism" is minuted as "Counter Terrorism"
    "mov*": ("migration", "displacement"),  # "has crime moved to nearby areas": "a migration of crime", "displacement"
    "shift*": ("migration", "displacement"),
    "elsewher*": ("displacement", "surrounding"),  # "did it push the problem elsewhere"
    "nearb*": ("surrounding",),
    "neighbour": ("surrounding",),  # "pushed crime into the neighbouring areas"
    "push*": ("displacement", "migration"),
}
"""Stem (a prefix of stems when it ends in "*") → words the minutes use for the same thing ("chaired" is printed
"(Chairman)").

General English only; a body's own abbreviations live in its glossary.
"""
