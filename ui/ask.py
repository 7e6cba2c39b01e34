"""The Ask tab: a conversation with streamed, cited answers and the sources beside it.

Each browser session keeps its own conversation and answers in `gr.State`;
nothing about one session is visible to another.
"""
from __future__ import annotations

import gradio as gr

from assistant.answer import Answer
from assistant.api import Assistant
from assistant.errors import InvalidQuestion, UnknownMeeting
from assistant.query import MAX_QUESTION_CHARS
from ui.render import (
    READER_PLACEHOLDER,
    chat_html,
    chat_text,
    item_html,
    meeting_choice,
    meeting_html,
    sources_panel,
)
from ui.safety import SORRY, friendly, log

EXAMPLES = [
    "What was said about Op Harmony?",
    "How has the partnership handled off-road bikes since 2012?",
    "Who chaired the August 2012 meeting?",
    "How much funding was allocated to Cleveland for ASB hotspot patrols?",
]
ALL_MEETINGS = "All meetings"
# Chat messages are HTML, not Markdown (see `ui.render.chat_html`).
SEARCHING = "<i>Searching the minutes…</i>"
DRAFTING = "\n\n<i>Writing; each sentence is checked against the sources when it is done.</i>"
WELCOME = ("**Ask about the committee minutes.**\n\nEvery sentence of an answer cites the meeting and agenda "
           "item it comes from. When the minutes are silent, it says so. Start with one of these:")
_SHOWN_CHARS = 280  # of a question too long to ask, the part echoed back

# Card buttons send a citation number and "item" or "meeting"; the server looks the citation up
# in this session's own answer.
_CARDS_JS = """
element.addEventListener('click', (event) => {
  const button = event.target.closest('button.m-open');
  if (button) trigger('open', {number: Number(button.dataset.number), scope: button.dataset.scope});
});
"""
# Bring the reader into view and scroll it (not the page) to the cited item.
_READER_JS = """
watch('value', () => {
  if (!element.querySelector('.m-reader')) return;
  element.scrollIntoView({block: 'nearest'});
  let box = element;
  while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
  const current = element.querySelector('.m-current');
  if (box && box !== document.documentElement && box !== document.body) {
    const offset = current ? current.getBoundingClientRect().top - box.getBoundingClientRect().top - 40 : -box.scrollTop;
    box.scrollTop += offset;
  }
});
"""


def meeting_filter_choices(bot: Assistant) -> list[tuple[str, str]]:
    """The meeting filter's options: every indexed meeting, named by date and committee."""
    return [(ALL_MEETINGS, "")] + [(meeting_choice(r.id, r.committee, r.date), r.id) for r in bot.meetings()]


def ask_tab(bot: Assistant) -> gr.Dropdown:
    """The tab's components and events; returns the meeting filter, whose choices follow the index."""
    answers = gr.State([])  # this session's answers, oldest first
    showing = gr.State(None)  # which of them the sources panel shows
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=420):
            chat = gr.Chatbot(show_label=False, height=520, elem_id="chat", buttons=["copy"], latex_delimiters=[],
                              render_markdown=False,
                              feedback_options=None, examples=[{"text": q} for q in EXAMPLES], placeholder=WELCOME)
            with gr.Row(equal_height=True):
                question = gr.Textbox(show_label=False, elem_id="question", lines=1, max_lines=6, scale=6,
                                      placeholder="Type a question and press Enter", autofocus=True)
                send = gr.Button("Ask", variant="primary", elem_id="ask", scale=1, min_width=90)
            with gr.Accordion("Search only some meetings (optional)", open=True, elem_id="filters"):
                with gr.Row(equal_height=True):
                    since = gr.Textbox(label="From", placeholder="YYYY-MM-DD", elem_id="since", max_lines=1,
                                       min_width=140)
                    until = gr.Textbox(label="To", placeholder="YYYY-MM-DD", elem_id="until", max_lines=1,
                                       min_width=140)
                    meeting = gr.Dropdown(meeting_filter_choices(bot), value="", label="Meeting",
                                          elem_id="meeting-filter", scale=2)
            with gr.Row():
                gr.Markdown(f"Questions can be up to {MAX_QUESTION_CHARS:,} characters. Dates are YYYY-MM-DD.",
                            elem_classes="m-hint")
                clear = gr.Button("New conversation", elem_id="clear", size="sm", scale=0, min_width=160)
        with gr.Column(scale=2, min_width=360):
            gr.Markdown("### Sources", elem_classes="m-panel-title")
            pick = gr.Dropdown([], label="Sources for", elem_id="answer-pick", visible=False)
            cards = gr.HTML(sources_panel(None), elem_id="sources", js_on_load=_CARDS_JS)
            reader = gr.HTML(READER_PLACEHOLDER, elem_id="reader", js_on_load=_READER_JS, max_height=640,
                             container=True, padding=True)

    on = _AskHandlers(bot)
    inputs = [question, chat, answers, since, until, meeting]
    outputs = [chat, question, answers, showing, pick, cards, reader]
    send.click(on.respond, inputs, outputs, api_name="ask", concurrency_id="ask")
    question.submit(on.respond, inputs, outputs, api_visibility="private", concurrency_id="ask")
    chat.example_select(on.use_example, None, question, api_visibility="private").then(
        on.respond, inputs, outputs, api_visibility="private", concurrency_id="ask")
    pick.input(on.show_answer, [answers, pick], [showing, cards, reader], api_visibility="private")
    cards.open(on.open_source, [answers, showing], reader, api_visibility="private")
    for event in (clear.click, chat.clear):
        event(on.start_over, None, [chat, answers, showing, pick, cards, reader], api_visibility="private")
    return meeting


class _AskHandlers:
    """The tab's event handlers; what they know of a session arrives as their arguments."""

    def __init__(self, bot: Assistant) -> None:
        self.bot = bot

    def respond(self, message, history, asked, since, until, meeting):
        """Stream the answer into the conversation; the final `Answer` replaces the stream."""
        message = message or ""
        shown = message if len(message) <= MAX_QUESTION_CHARS else message[:_SHOWN_CHARS] + " …"
        history = list(history or []) + [{"role": "user", "content": chat_html(shown)}]
        keep = (gr.skip(),) * 5
        drafting = DRAFTING if self.bot.settings.llm else ""
        yield (history + [{"role": "assistant", "content": SEARCHING}], "") + keep
        try:
            for event in self.bot.ask_stream(message, since=(since or "").strip() or None,
                                             until=(until or "").strip() or None, meeting=meeting or None):
                if isinstance(event, Answer):
                    asked = list(asked or []) + [event]
                    yield (history + [{"role": "assistant", "content": chat_text(event)}], gr.skip(), asked,
                           len(asked) - 1, _pick_update(asked), sources_panel(event), READER_PLACEHOLDER)
                else:
                    yield (history + [{"role": "assistant", "content": chat_html(event) + drafting}],
                           gr.skip()) + keep
        except (InvalidQuestion, UnknownMeeting) as problem:  # for people; the question stays to be edited
            yield (history + [{"role": "assistant", "content": "⚠ " + chat_html(str(problem))}], message) + keep
        except Exception:  # a bug: log it, never show a traceback to the person asking
            log.exception("answering %r failed", message[:200])
            yield (history + [{"role": "assistant", "content": SORRY}], message) + keep

    @staticmethod
    def use_example(evt: gr.SelectData) -> str:
        return evt.value["text"]

    @friendly
    def show_answer(self, asked, index):
        if not isinstance(index, int) or not 0 <= index < len(asked or []):
            return gr.skip(), gr.skip(), gr.skip()
        return index, sources_panel(asked[index]), READER_PLACEHOLDER

    @friendly
    def open_source(self, asked, index, evt: gr.EventData):
        """The cited item, or its whole meeting, of a citation of the answer on show."""
        answer = asked[index] if isinstance(index, int) and 0 <= index < len(asked or []) else None
        number, scope = getattr(evt, "number", None), getattr(evt, "scope", None)
        citation = next((c for c in (answer.citations if answer else []) if c.number == number), None)
        if citation is None:
            return READER_PLACEHOLDER
        found = self.bot.meeting(citation.meeting_id)
        item = next((i for i in found.items if i.position == citation.item_position), None)
        if scope == "meeting" or item is None:
            return meeting_html(found, citation.item_position, citation.sentences,
                                caption=f"Source {number}, the whole meeting: {citation.label}")
        return item_html(found, item, citation.sentences, caption=f"Source {number}, the whole item")

    @staticmethod
    def start_over():
        return [], [], None, gr.update(choices=[], value=None, visible=False), sources_panel(None), READER_PLACEHOLDER


def _pick_update(asked: list[Answer]):
    """The "Sources for" drop-down: one entry per answer, the latest chosen; shown once there are two."""
    choices = [(f"{n}. {a.question[:80]}{'…' if len(a.question) > 80 else ''}", n - 1)
               for n, a in enumerate(asked, start=1)]
    return gr.update(choices=choices, value=len(asked) - 1, visible=len(asked) > 1)
