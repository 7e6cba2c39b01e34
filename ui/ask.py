"""The Ask tab: a conversation with streamed, cited answers, their sources beside them, and visible filters.

Each browser session keeps its own conversation in `gr.State`; nothing about
one session is visible to another. The page sends back only numbers (an
answer's place, a citation number); the server looks them up in that state.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import urlencode

import gradio as gr

from assistant.answer import Answer, SourceRef
from assistant.api import Assistant
from assistant.dates import format_date
from assistant.errors import InvalidQuestion, UnknownMeeting
from assistant.query import MAX_QUESTION_CHARS, date_range
from ui.cards import CLOSEST, PANEL_PLACEHOLDER, sources_panel
from ui.conversation import EXAMPLES, Asked, Notice, Turn, conversation_html
from ui.render import READER_PLACEHOLDER, item_html, meeting_html, meeting_names
from ui.safety import SORRY, friendly, log
from ui.scripts import CARDS_JS, CHAT_JS, CHIPS_JS, EXPORT_JS, READER_JS

ALL_MEETINGS = "All meetings"
_SHOWN_CHARS = 280  # of a question too long to ask, the part echoed back


def meeting_filter_choices(bot: Assistant) -> list[tuple[str, str]]:
    """The meeting filter's options: every indexed meeting, named by date and committee."""
    return [(ALL_MEETINGS, "")] + [(name, meeting_id) for meeting_id, name in meeting_names(bot.meetings()).items()]


def chips_html(since: str | None, until: str | None, meeting: str | None, names: dict[str, str]) -> str:
    """The filters in force as removable chips, or a message when From/To cannot be used."""
    try:
        start, end = date_range(since, until)
    except InvalidQuestion as problem:
        return f'<div class="m-chips"><span class="m-chip-error" role="alert">⚠ {html.escape(str(problem))}</span></div>'
    chips = [(which, label) for which, label in (
        ("since", f"From {format_date(start)}" if start else ""), ("until", f"To {format_date(end)}" if end else ""),
        ("meeting", f"Meeting: {names.get(meeting or '', 'unknown')}" if meeting else "")) if label]
    if not chips:
        return '<div class="m-chips m-none">Searching all meetings.</div>'
    return '<div class="m-chips"><span class="m-chips-label">Searching only:</span>' + "".join(
        f'<span class="m-chip">{html.escape(label)}<button type="button" class="m-chip-x" data-which="{which}" '
        f'aria-label="Remove filter: {html.escape(label)}" title="Remove this filter">×</button></span>'
        for which, label in chips) + "</div>"


class AskTab(NamedTuple):
    """What the page needs from the tab: the fields a link fills, and the handler that answers."""

    question: gr.Textbox
    since: gr.Textbox
    until: gr.Textbox
    meeting: gr.Dropdown  # its choices follow the index
    chips: gr.HTML
    respond: Callable
    inputs: list
    outputs: list


def ask_tab(bot: Assistant) -> AskTab:
    """The tab's components and events."""
    turns = gr.State([])  # this session's conversation, oldest first
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=420):
            chat = gr.HTML(conversation_html([], None, {}), elem_id="chat", js_on_load=CHAT_JS, container=True,
                           padding=True)
            with gr.Row(equal_height=True, elem_id="ask-row"):
                question = gr.Textbox(show_label=False, elem_id="question", lines=1, max_lines=6, scale=6,
                                      placeholder="Type a question and press Enter", autofocus=True)
                send = gr.Button("Ask", variant="primary", elem_id="ask", scale=1, min_width=90)
            chips = gr.HTML(chips_html(None, None, None, {}), elem_id="filter-chips", js_on_load=CHIPS_JS)
            with gr.Accordion("Search only some meetings (optional)", open=False, elem_id="filters"):
                with gr.Row(equal_height=True):
                    since = gr.Textbox(label="From", placeholder="YYYY-MM-DD", elem_id="since", max_lines=1,
                                       min_width=140)
                    until = gr.Textbox(label="To", placeholder="YYYY-MM-DD", elem_id="until", max_lines=1,
                                       min_width=140)
                    meeting = gr.Dropdown(meeting_filter_choices(bot), value="", label="Meeting",
                                          elem_id="meeting-filter", scale=2)
            with gr.Row(elem_id="ask-tools"):
                export = gr.Button("Export conversation (Markdown)", elem_id="export", size="sm", min_width=200)
                clear = gr.Button("New conversation", elem_id="clear", size="sm", min_width=140)
            gr.HTML(f'<p class="m-hint">Questions can be up to {MAX_QUESTION_CHARS:,} characters. Select an answer '
                    "to see its sources; [n] leads to source n.</p>", padding=False)
        with gr.Column(scale=2, min_width=360, elem_id="sources-column"):
            cards = gr.HTML(PANEL_PLACEHOLDER, elem_id="sources", js_on_load=CARDS_JS)
            reader = gr.HTML(READER_PLACEHOLDER, elem_id="reader", js_on_load=READER_JS, max_height=640,
                             container=True, padding=True)

    on = _AskHandlers(bot)
    inputs = [question, turns, since, until, meeting]
    outputs = [chat, question, turns, cards, reader]
    send.click(on.respond, inputs, outputs, api_name="ask", concurrency_id="ask")
    question.submit(on.respond, inputs, outputs, api_visibility="private", concurrency_id="ask")
    chat.example(on.use_example, None, question, api_visibility="private").then(
        on.respond, inputs, outputs, api_visibility="private", concurrency_id="ask")
    chat.choose(on.show_answer, turns, cards, api_visibility="private")
    for component in (chat, cards):
        component.open(on.open_source, turns, reader, api_visibility="private")
    clear.click(on.start_over, None, [chat, turns, cards, reader], api_visibility="private")
    export.click(None, js=EXPORT_JS)
    for box in (since, until, meeting):
        box.change(on.chips, [since, until, meeting], chips, api_visibility="private", show_progress="hidden")
    chips.remove(on.remove_filter, None, [since, until, meeting], api_visibility="private")
    return AskTab(question, since, until, meeting, chips, on.respond, inputs, outputs)


class _AskHandlers:
    """The tab's event handlers; what they know of a session arrives as their arguments."""

    def __init__(self, bot: Assistant) -> None:
        self.bot = bot

    def respond(self, message, turns, since, until, meeting):
        """Stream the answer into the conversation; the final `Answer` replaces the stream and fills the panel."""
        message, turns = message or "", list(turns or [])
        names = meeting_names(self.bot.meetings())
        shown = message if len(message) <= MAX_QUESTION_CHARS else message[:_SHOWN_CHARS] + " …"
        keep = (gr.skip(),) * 3
        drafting = bool(self.bot.settings.llm)
        yield (conversation_html(turns, None, names, (shown, ""), drafting), "") + keep
        try:
            for event in self.bot.ask_stream(message, since=since, until=until, meeting=meeting or None):
                if isinstance(event, Answer):
                    turns.append(Asked(event, _link(message, since, until, meeting)))
                    index = len(turns) - 1
                    yield (conversation_html(turns, index, names), gr.skip(), turns,
                           sources_panel(event, index, names), READER_PLACEHOLDER)
                else:
                    yield (conversation_html(turns, None, names, (shown, event), drafting), gr.skip()) + keep
        except (InvalidQuestion, UnknownMeeting) as problem:  # for people; the question stays to be edited
            turns.append(Notice(shown, str(problem)))
            yield conversation_html(turns, None, names), message, turns, gr.skip(), gr.skip()
        except Exception:  # a bug: log it, never show a traceback to the person asking
            log.exception("answering %r failed", message[:200])
            turns.append(Notice(shown, SORRY))
            yield conversation_html(turns, None, names), message, turns, gr.skip(), gr.skip()

    @staticmethod
    def use_example(evt: gr.EventData) -> str:
        index = getattr(evt, "index", None)
        return EXAMPLES[index] if isinstance(index, int) and 0 <= index < len(EXAMPLES) else gr.skip()

    @friendly
    def show_answer(self, turns, evt: gr.EventData):
        answer = _answer(turns, getattr(evt, "index", None))
        if answer is None:
            return gr.skip()
        return sources_panel(answer, evt.index, meeting_names(self.bot.meetings()))

    @friendly
    def open_source(self, turns, evt: gr.EventData):
        """The cited item, or its whole meeting, of citation `number` of the answer at `answer`."""
        answer = _answer(turns, getattr(evt, "answer", None))
        number, scope = getattr(evt, "number", None), getattr(evt, "scope", None)
        if answer is None:
            return READER_PLACEHOLDER
        source: SourceRef | None = answer.closest if number == CLOSEST else None
        sentences: tuple[str, ...] = ()
        name = "The nearest item"
        citation = next((c for c in answer.citations if c.number == number), None)
        if citation is not None:
            source, sentences, name = citation, citation.sentences, f"Source {number}"
        if source is None:
            return READER_PLACEHOLDER
        found = self.bot.meeting(source.meeting_id)
        item = next((i for i in found.items if i.position == source.item_position), None)
        if scope == "meeting" or item is None:
            return meeting_html(found, source.item_position, sentences,
                                caption=f"{name}, the whole meeting: {source.label}")
        return item_html(found, item, sentences, caption=f"{name}, the whole item")

    @staticmethod
    def start_over():
        return conversation_html([], None, {}), [], PANEL_PLACEHOLDER, READER_PLACEHOLDER

    def chips(self, since, until, meeting):
        return chips_html(since, until, meeting, meeting_names(self.bot.meetings()))

    @staticmethod
    def remove_filter(evt: gr.EventData):
        which = getattr(evt, "which", None)
        return tuple("" if name == which else gr.skip() for name in ("since", "until", "meeting"))


def _answer(turns: list[Turn], index) -> Answer | None:
    turn = turns[index] if isinstance(index, int) and 0 <= index < len(turns or []) else None
    return turn.answer if isinstance(turn, Asked) else None


def _link(question: str, since: str | None, until: str | None, meeting: str | None) -> str:
    """The address query that asks `question` again under the same filters."""
    given = {"q": question, "since": (since or "").strip(), "until": (until or "").strip(), "meeting": meeting or ""}
    return "?" + urlencode({key: value for key, value in given.items() if value})
