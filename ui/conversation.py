"""The conversation as HTML: questions, answers whose ``[n]`` markers link to their cards, tools per answer.

Rendered by the server on every change (it is small), so the page holds no
state of its own: which answer is selected, and each answer's sources (folded
under it, for phones), come from the session's answers every time.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from assistant.answer import Answer
from assistant.grounding import marker_spans
from ui.cards import sources_body
from ui.cite import answer_text, conversation_markdown
from ui.render import copy_button

EXAMPLES = [
    "What was said about Op Harmony?",
    "How has the partnership handled off-road bikes since 2012?",
    "Who chaired the August 2012 meeting?",
    "How much funding was allocated to Cleveland for ASB hotspot patrols?",
]
SEARCHING = "Searching the minutes…"
DRAFTING = "Writing; each sentence is checked against the sources when it is done."


@dataclass(frozen=True)
class Notice:
    """A question that got a message instead of an answer (too long, not a date, …)."""

    question: str
    message: str


@dataclass(frozen=True)
class Asked:
    """An answer, and the address query (``?q=…&since=…``) that asks it again with the same filters."""

    answer: Answer
    link: str


Turn = Asked | Notice


def conversation_html(turns: list[Turn], showing: int | None, names: dict[str, str],
                      pending: tuple[str, str] | None = None, drafting: bool = False) -> str:
    """Every turn, the selected answer marked; `pending` is (question, text so far) while one streams."""
    if not turns and pending is None:
        return _welcome()
    parts = [_turn(index, turn, index == showing, names) for index, turn in enumerate(turns)]
    if pending is not None:
        question, text = pending
        note = f'<div class="m-a-note">{DRAFTING}</div>' if drafting and text else ""
        parts.append(f'<section class="m-turn m-pending">{_question(question)}<div class="m-a" aria-busy="true">'
                     f'<div class="m-a-text">{html.escape(text or SEARCHING)}</div>{note}</div></section>')
    answers = [turn.answer for turn in turns if isinstance(turn, Asked)]
    export = f'<pre class="m-export" hidden>{html.escape(conversation_markdown(answers))}</pre>' if answers else ""
    return f'<div class="m-convo" data-answers="{len(turns)}">{"".join(parts)}{export}</div>'


def _welcome() -> str:
    examples = "".join(f'<button type="button" class="m-example" data-index="{n}">{html.escape(q)}</button>'
                       for n, q in enumerate(EXAMPLES))
    return ('<div class="m-convo m-welcome"><p><b>Ask about the committee minutes.</b></p><p>Every sentence of an '
            "answer cites the meeting and agenda item it comes from, and the markers [1], [2] lead to those "
            "sources. When the minutes are silent, it says so. Start with one of these:</p>"
            f'<div class="m-examples">{examples}</div></div>')


def _question(question: str) -> str:
    return f'<div class="m-q"><span class="m-who">You asked</span>{html.escape(question)}</div>'


def _turn(index: int, turn: Turn, selected: bool, names: dict[str, str]) -> str:
    if isinstance(turn, Notice):
        return (f'<section class="m-turn m-notice">{_question(turn.question)}'
                f'<div class="m-a m-warn">⚠ {html.escape(turn.message)}</div></section>')
    answer = turn.answer
    state = (" m-selected" if selected else "") + (" m-refused" if answer.refused else "")
    lead = "<b>Not in the minutes.</b> " if answer.refused else ""
    count = len(answer.citations)
    sources = f"{count} source{'s' if count != 1 else ''}" if count else "no sources"
    return (
        f'<section class="m-turn" data-answer="{index}">{_question(answer.question)}'
        f'<div class="m-a{state}" data-answer="{index}" tabindex="0" role="button" aria-pressed="{str(selected).lower()}"'
        f' data-link="{html.escape(turn.link)}" title="Show this answer’s sources">'
        f'<div class="m-a-text">{lead}{_linked(answer.text, index)}</div>'
        f'<div class="m-a-tools">{copy_button("Copy answer", answer_text(answer))}'
        f'<span class="m-a-meta">{sources} · {answer.seconds:.1f} s</span></div></div>'
        f'<details class="m-inline-sources"><summary>Sources of this answer ({sources})</summary>'
        f"{sources_body(answer, index, names)}</details></section>"
    )


def _linked(text: str, index: int) -> str:
    """The answer text escaped, each number in a ``[n]`` marker a link to card n of this answer."""
    out, cursor = [], 0
    for start, end, numbers in marker_spans(text):
        links = ", ".join(f'<a class="m-marker" href="#source-{index}-{n}" data-answer="{index}" data-number="{n}" '
                          f'aria-label="Source {n}">{n}</a>' for n in numbers)
        out += [html.escape(text[cursor:start]), f'<span class="m-markers">[{links}]</span>']
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)
