"""Citations people can paste: plain text, CSL-JSON and BibTeX for one item or meeting, and whole answers.

Everything here is plain text (no HTML, no Markdown unless asked for); `ui.render`
escapes it before it reaches a page. Items are named through `ItemRef`, so a
copied reference says exactly what a card says. Where the minutes came from a
published address (`url`, with the PDF page for a paged source) the reference
links to it; otherwise it names the local file, which is all that is known.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from assistant.answer import Answer, Citation, SourceRef
from assistant.dates import format_date
from assistant.grounding import marker_spans
from assistant.models import AgendaItem, ItemRef, Meeting, committee_label, page_link

GENRE = "Committee minutes"
_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_~^])")
_BIBTEX_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9:._]+")
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]<>#|])")


@dataclass(frozen=True)
class Reference:
    """What a citation names: a meeting, or one of its items (`ref`), and where its original is.

    `link` is the published address (None when the minutes were not fetched
    from one); `source` the file they were read from.
    """

    meeting_id: str
    committee: str
    date: dt.date | None
    source: str
    link: str | None = None
    ref: ItemRef | None = None
    council: str | None = None

    @classmethod
    def of_source(cls, source: SourceRef) -> Reference:
        """The item a citation or a search hit names."""
        return cls(source.meeting_id, source.committee, source.date, source.source, _web(source.link), source.ref,
                   source.council)

    @classmethod
    def of_meeting(cls, meeting: Meeting, item: AgendaItem | None = None) -> Reference:
        """A meeting, or one of its items (linked at the item's first page when the original is a PDF)."""
        link = page_link(meeting.url, meeting.source, item.pages) if item else meeting.url
        return cls(meeting.id, meeting.committee, meeting.date, meeting.source, _web(link),
                   meeting.item_ref(item) if item else None, meeting.council)

    @property
    def body(self) -> str:
        """Who met: the committee, with its council when it needs naming (see `committee_label`)."""
        return committee_label(self.committee, self.council)

    @property
    def where(self) -> str:
        """The reference without its link: ``Safer Stockton Partnership, 14 Aug 2012, item 17: Diversion …``."""
        if self.ref is None:
            return f"{self.body}, {format_date(self.date)}, minutes"
        return self.ref.heading

    @property
    def locator(self) -> str:
        """The published address, else the file name (a local path means nothing to a reader)."""
        return self.link or Path(self.source).name

    def text(self) -> str:
        """``Safer Stockton Partnership, 14 Aug 2012, item 17: Diversion from Re-offending — <link>``."""
        return f"{self.where} — {self.locator}"

    def csl(self) -> dict:
        """One CSL-JSON item (the format Zotero, Mendeley and pandoc read)."""
        minutes = f"Minutes of the {self.body} meeting, {format_date(self.date)}"
        item: dict = {"id": self.key, "type": "report", "genre": GENRE,
                      "author": [{"literal": self.body}], "publisher": self.council or self.committee}
        if self.ref is None:
            item["title"] = minutes
        else:
            item |= {"title": self.ref.title or self.ref.short, "container-title": minutes,
                     "section": self.ref.short}
        if self.date:
            item["issued"] = {"date-parts": [[self.date.year, self.date.month, self.date.day]]}
        if self.link:
            item["URL"] = self.link
        else:
            item["note"] = f"Source file: {self.locator}"
        return item

    def csl_json(self) -> str:
        return json.dumps([self.csl()], indent=2, ensure_ascii=False)

    def bibtex(self) -> str:
        """A ``@misc`` entry; the committee is a corporate author (double braces keep it whole)."""
        fields = [("author", "{" + _bib(self.body) + "}"),
                  ("title", _bib(self.ref.title or self.ref.short) if self.ref else
                   _bib(f"Minutes of the {self.body} meeting, {format_date(self.date)}")),
                  ("howpublished", _bib(f"{GENRE}, {format_date(self.date)}"
                                        + (f", {self.ref.short}" if self.ref else "")))]
        if self.date:
            fields += [("year", str(self.date.year)), ("month", self.date.strftime("%b").lower()),
                       ("date", self.date.isoformat())]
        fields.append(("url", self.link) if self.link else ("note", _bib(f"Source file: {self.locator}")))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}"

    @property
    def key(self) -> str:
        """A citation key that BibTeX and CSL accept: the meeting id and the item's address, made safe."""
        address = f"-{self.ref.address}" if self.ref else ""
        return _BIBTEX_KEY_UNSAFE.sub("-", f"{self.meeting_id}{address}").strip("-") or "minutes"


def _web(link: str | None) -> str | None:
    """`link` if it is a web address: a page may only ever link out to http(s), whatever a source file says."""
    return link if link and link.lower().startswith(("http://", "https://")) else None


def _bib(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def answer_text(answer: Answer) -> str:
    """An answer as people paste it: its text, then ``[n] reference`` for each source; no markup."""
    lead = "Not in the minutes. " if answer.refused else ""
    lines = [lead + answer.text]
    if answer.citations:
        lines += ["", "References"]
        lines += [f"[{c.number}] {Reference.of_source(c).text()}" for c in answer.citations]
    return "\n".join(lines)


def conversation_markdown(answers: list[Answer], when: dt.datetime | None = None) -> str:
    """A conversation as a Markdown file: each question, its answer and its references.

    Text from the minutes is escaped so that it reads as written; the ``[n]``
    markers stay as they are and number into the list under each answer.
    """
    stamp = (when or dt.datetime.now()).strftime("%d %b %Y, %H:%M")
    parts = [f"# Questions to the committee minutes\n\nExported {stamp}. Each answer cites the meeting and "
             "agenda item it comes from; the references follow each answer.\n"]
    for number, answer in enumerate(answers, start=1):
        parts.append(f"## {number}. {_markdown(answer.question)}\n")
        parts.append(("**Not in the minutes.** " if answer.refused else "") + _markdown_keeping_markers(answer.text))
        if answer.citations:
            parts.append("\nReferences:\n")
            parts += [f"- [{c.number}] {_markdown(Reference.of_source(c).where)} — {_markdown_link(c)}"
                      for c in answer.citations]
        parts.append("")
    return "\n".join(parts)


def _markdown(text: str) -> str:
    return _MARKDOWN_ACTIVE.sub(r"\\\1", text)


def _markdown_keeping_markers(text: str) -> str:
    out, cursor = [], 0
    for start, end, _ in marker_spans(text):
        out += [_markdown(text[cursor:start]), text[start:end]]
        cursor = end
    out.append(_markdown(text[cursor:]))
    return "".join(out)


def _markdown_link(citation: Citation) -> str:
    reference = Reference.of_source(citation)
    return f"<{reference.link}>" if reference.link else _markdown(reference.locator)
