"""An answer's sources as cards: the date and item first, the quoted passage, and ways to read, open and cite it.

The same cards appear in the Sources panel beside the conversation and, on a
phone, folded under each answer. Their buttons carry the answer's place in the
conversation and the citation number; the server looks both up in the
session's own answers.
"""
from __future__ import annotations

import html

from assistant.answer import Answer, AnswerMode, SourceRef
from assistant.dates import format_date
from assistant.models import committee_label
from ui.cite import Reference
from ui.render import cite_tools, highlight

QUOTE_CHARS = 700  # a card shows a window of this many characters around the quoted sentences
CLOSEST = 0  # the "citation number" of a refusal's closest item
PANEL_PLACEHOLDER = ('<div class="m-placeholder">The sources of each answer appear here: the meeting, the agenda '
                     "item and the passage it quotes, with the sentences used highlighted. Select an answer to "
                     "see its sources.</div>")


def sources_panel(answer: Answer | None, index: int | None = None, names: dict[str, str] | None = None) -> str:
    """The Sources panel for the answer at `index` in the conversation (or the placeholder)."""
    if answer is None or index is None:
        return PANEL_PLACEHOLDER
    return (f'<div class="m-sources" data-question="{html.escape(answer.question)}" data-answer="{index}">'
            f'<div class="m-panel-for">Sources for answer {index + 1}: “{html.escape(_short(answer.question))}”</div>'
            f"{sources_body(answer, index, names or {})}</div>")


def sources_body(answer: Answer, index: int, names: dict[str, str]) -> str:
    """What the answer rests on: a line on how it was made and the search filters, then its cards."""
    note = _search_note(answer, names)
    if answer.refused:
        closest = ""
        if answer.closest is not None:
            closest = ('<div class="m-how">The nearest item (it does not answer the question):</div>'
                       + card(answer.closest, index, CLOSEST))
        return (f'<div class="m-refusal"><b>Not in the minutes.</b> No indexed agenda item answers '
                f"“{html.escape(answer.question)}”, so nothing is cited. Try other words, or widen the "
                f"filters.</div>{note}{closest}")
    dropped = f"; {len(answer.dropped)} unsupported sentences left out" if answer.dropped else ""
    count = f"{len(answer.citations)} source{'s' if len(answer.citations) != 1 else ''}"
    return (f'<div class="m-how">{count}; the answer is {_how(answer.mode)}{dropped}.</div>{note}'
            + "".join(card(c, index, c.number, c.sentences) for c in answer.citations))


def _short(question: str) -> str:
    return question if len(question) <= 80 else question[:80] + "…"


def _how(mode: AnswerMode) -> str:
    return {
        "extractive": "quoted from the minutes",
        "extractive-fallback": "quoted from the minutes, because the model's draft did not hold up against them",
        "llm": "written by the model from these sources and checked against them",
    }[mode]


def _search_note(answer: Answer, names: dict[str, str]) -> str:
    if not answer.filters:
        return ""
    return f'<div class="m-how">Searched only minutes {html.escape(answer.filters.describe(names))}.</div>'


def card(source: SourceRef, answer: int, number: int, sentences: tuple[str, ...] = ()) -> str:
    """One source: date and item number first, then title and committee, the passage, and its tools."""
    ref = source.ref
    quote = source.quote if len(source.quote) <= QUOTE_CHARS else _window(source.quote, sentences)
    if source.item_title and quote.startswith(source.item_title + "\n"):
        quote = quote[len(source.item_title) + 1 :]  # the card shows the title already
    badge = f'<span class="m-num">{number}</span>' if number != CLOSEST else ""
    data = f'data-answer="{answer}" data-number="{number}"'
    read_item = f'<button type="button" class="m-open m-tool" {data} data-scope="item">Read the whole item</button>'
    return (
        f'<article class="m-card" {data}>'
        f'<header>{badge}<div><div class="m-lead"><span class="m-date">{html.escape(format_date(source.date))}'
        f'</span> <span class="m-itemno">{html.escape(ref.short)}</span></div>'
        f'<div class="m-what">{html.escape(source.item_title or "untitled")}</div>'
        f'<div class="m-where">{html.escape(committee_label(source.committee, source.council))}</div></div></header>'
        f'<blockquote class="m-quote">{highlight(quote, sentences)}</blockquote>'
        f'<footer>{"" if ref.is_header else read_item}'
        f'<button type="button" class="m-open m-tool" {data} data-scope="meeting">Whole meeting</button>'
        f"{cite_tools(Reference.of_source(source))}</footer></article>"
    )


def _window(quote: str, sentences: tuple[str, ...]) -> str:
    """The part of a long passage around the sentences it supports."""
    starts = [quote.find(s) for s in sentences if s in quote]
    start = max(min(starts, default=0) - 150, 0)
    piece = quote[start : start + QUOTE_CHARS]
    return ("…" if start else "") + piece + ("…" if start + QUOTE_CHARS < len(quote) else "")
