"""The Gradio chat UI: ask, read the sources, browse meetings, chart a topic over time.

Everything here presents what `Assistant` returns; no pipeline logic lives in
the UI. Minutes text reaches the page only through `ui.render` (escaped) or
plain-text components.
"""
from __future__ import annotations

import ipaddress
import logging
import socket

from ingest.settings import quiet_telemetry

quiet_telemetry()  # before gradio reads its analytics setting at import

import gradio as gr  # noqa: E402 - this module is the UI; only `minutes ui` imports it

from assistant.answer import Answer  # noqa: E402
from assistant.api import Assistant, UnknownMeeting  # noqa: E402
from assistant.query import MAX_QUESTION_CHARS, InvalidQuestion  # noqa: E402
from assistant.render import item_text, meeting_text  # noqa: E402
from ingest.models import format_date  # noqa: E402
from ui.render import CSS, chat_text, markdown_text, meeting_choice, source_cards, timeline_chart  # noqa: E402

log = logging.getLogger(__name__)

EXAMPLES = [
    "What was said about Op Harmony?",
    "How has the partnership handled off-road bikes since 2012?",
    "Who chaired the August 2012 meeting?",
    "How much funding was allocated to Cleveland for ASB hotspot patrols?",
]
ALL_MEETINGS = "All meetings"
SORRY = "Something went wrong while answering; the details are in the server log."


class UIError(ValueError):
    """The UI cannot start as asked (e.g. exposed without a password); the message says why."""


def build_app(bot: Assistant):
    """The Blocks app over `bot`. Each browser session keeps its own conversation and sources."""
    with gr.Blocks(title="minutes: ask the committee minutes") as app:
        gr.Markdown("## minutes\nAsk about the council committee minutes. Every sentence of an answer cites "
                    "the meeting and agenda item it comes from; when the minutes are silent, it says so.")
        with gr.Tab("Ask"):
            _ask_tab(bot)
        with gr.Tab("Meetings"):
            _meetings_tab(app, bot)
        with gr.Tab("Topic timeline", elem_id="timeline-tab"):
            _timeline_tab(bot)
    return app


def _meeting_choices(bot: Assistant) -> list[tuple[str, str]]:
    return [(meeting_choice(r.id, r.committee, r.date), r.id) for r in bot.meetings()]


def _ask_tab(bot: Assistant) -> None:
    last = gr.State(None)
    with gr.Row():
        with gr.Column(scale=3):
            chat = gr.Chatbot(label="Conversation", height=480, elem_id="chat", buttons=["copy"],
                              placeholder="Ask a question about the minutes, or pick an example below.")
            question = gr.Textbox(label="Your question", elem_id="question", lines=1,
                                  placeholder="e.g. What was said about Op Harmony?",
                                  info=f"Up to {MAX_QUESTION_CHARS:,} characters.")
            with gr.Row():
                send = gr.Button("Ask", variant="primary", elem_id="ask")
                clear = gr.Button("New conversation", elem_id="clear")
            gr.Examples(EXAMPLES, inputs=question, label="Try")
            with gr.Accordion("Filters", open=False, elem_id="filters"):
                with gr.Row():
                    since = gr.Textbox(label="From (YYYY-MM-DD)", elem_id="since", placeholder="2017-01-01")
                    until = gr.Textbox(label="To (YYYY-MM-DD)", elem_id="until", placeholder="2023-12-31")
                meeting = gr.Dropdown([(ALL_MEETINGS, "")] + _meeting_choices(bot), value="", label="Meeting",
                                      elem_id="meeting-filter")
        with gr.Column(scale=2):
            gr.Markdown("### Sources")
            cards = gr.HTML(source_cards(None), elem_id="sources")
            with gr.Accordion("Open a source", open=True):
                pick = gr.Dropdown([], label="Source", elem_id="source-pick")
                with gr.Row():
                    open_item = gr.Button("Whole item", elem_id="open-item", size="sm")
                    open_meeting = gr.Button("Whole meeting", elem_id="open-meeting", size="sm")
                opened = gr.Textbox(label="Source text", lines=12, max_lines=24, interactive=False, elem_id="opened")

    def respond(message, history, since_value, until_value, meeting_id):
        history = list(history or []) + [{"role": "user", "content": markdown_text(message or "")}]
        try:
            for event in bot.ask_stream(message or "", since=(since_value or "").strip() or None,
                                        until=(until_value or "").strip() or None, meeting=meeting_id or None):
                if isinstance(event, Answer):
                    choices = [(f"[{c.number}] {c.label}", c.number) for c in event.citations]
                    reply = {"role": "assistant", "content": chat_text(event)}
                    yield (history + [reply], "", source_cards(event), event,
                           gr.update(choices=choices, value=choices[0][1] if choices else None), "")
                else:
                    reply = {"role": "assistant", "content": markdown_text(event)}
                    yield history + [reply], "", gr.update(), gr.update(), gr.update(), gr.update()
        except InvalidQuestion as problem:
            reply = {"role": "assistant", "content": "⚠ " + markdown_text(str(problem))}
            yield history + [reply], message, gr.update(), gr.update(), gr.update(), gr.update()
        except Exception:  # a bug: log it, never show a traceback to the person asking
            log.exception("answering %r failed", message)
            yield history + [{"role": "assistant", "content": SORRY}], message, gr.update(), gr.update(), gr.update(), gr.update()

    outputs = [chat, question, cards, last, pick, opened]
    inputs = [question, chat, since, until, meeting]
    send.click(respond, inputs, outputs)
    question.submit(respond, inputs, outputs)
    clear.click(lambda: ([], source_cards(None), None, gr.update(choices=[], value=None), ""),
                None, [chat, cards, last, pick, opened])

    def show(answer: Answer | None, number, whole_meeting: bool) -> str:
        citation = next((c for c in (answer.citations if answer else []) if c.number == number), None)
        if citation is None:
            return "Ask a question first, then pick one of its sources."
        try:
            found = bot.meeting(citation.meeting_id)
        except UnknownMeeting:
            return "That meeting is no longer in the index."
        if whole_meeting:
            return meeting_text(found) + "\n" + "\n\n".join(item_text(found, item) for item in found.items)
        if citation.item_position == 0:
            return meeting_text(found)
        return item_text(found, found.items[citation.item_position - 1])

    open_item.click(lambda a, n: show(a, n, False), [last, pick], opened)
    pick.change(lambda a, n: show(a, n, False), [last, pick], opened)
    open_meeting.click(lambda a, n: show(a, n, True), [last, pick], opened)


def _meetings_tab(app, bot: Assistant) -> None:
    def rows():
        return [[format_date(r.date), r.committee, r.items, r.id] for r in bot.meetings()]

    table = gr.Dataframe(rows(), headers=["Date", "Committee", "Items", "Meeting id"], interactive=False,
                         elem_id="meetings-table")
    refresh = gr.Button("Refresh list", size="sm")
    chosen = gr.Dropdown(_meeting_choices(bot), label="Meeting", elem_id="meeting-pick")
    item = gr.Dropdown([], label="Agenda item", elem_id="item-pick")
    text = gr.Textbox(label="Text", lines=16, max_lines=40, interactive=False, elem_id="meeting-text")

    def open_meeting(meeting_id):
        if not meeting_id:
            return gr.update(choices=[], value=None), ""
        try:
            found = bot.meeting(meeting_id)
        except UnknownMeeting as problem:
            return gr.update(choices=[], value=None), str(problem)
        choices = [(f"{i.number or '#' + str(i.position)}  {i.title or 'untitled'}", i.position) for i in found.items]
        return gr.update(choices=choices, value=None), meeting_text(found)

    def open_item(meeting_id, position):
        if not meeting_id or not position:
            return gr.update()
        found = bot.meeting(meeting_id)
        return item_text(found, found.items[int(position) - 1])

    refresh.click(lambda: (rows(), gr.update(choices=_meeting_choices(bot))), None, [table, chosen])
    chosen.change(open_meeting, chosen, [item, text])
    item.change(open_item, [chosen, item], text)
    app.load(open_meeting, chosen, [item, text])  # the drop-down starts on the first meeting: show it


def _timeline_tab(bot: Assistant) -> None:
    gr.Markdown("How many agenda items mention a topic, meeting by meeting, oldest first. Pick a meeting "
                "below the chart to read those items.")
    with gr.Row():
        topic = gr.Textbox(label="Topic", placeholder="e.g. off-road bikes", elem_id="topic", scale=4)
        go = gr.Button("Chart it", variant="primary", elem_id="chart", scale=1)
    chart = gr.HTML(timeline_chart([]), elem_id="timeline")
    summary = gr.Markdown(elem_id="timeline-summary")
    points = gr.State([])
    chosen = gr.Dropdown([], label="Meeting", elem_id="timeline-pick")
    text = gr.Textbox(label="Items that mention the topic", lines=14, max_lines=40, interactive=False,
                      elem_id="timeline-items")

    def chart_topic(value):
        try:
            found = bot.timeline(value or "")
        except InvalidQuestion as problem:
            return gr.update(), markdown_text(str(problem)), [], gr.update(choices=[], value=None), ""
        total = sum(len(p.items) for p in found)
        note = (f"{total} items in {len(found)} meetings mention “{markdown_text(value)}”." if found
                else f"No agenda item mentions “{markdown_text(value)}”.")
        choices = [(f"{meeting_choice(p.meeting_id, p.committee, p.date)} ({len(p.items)} items)", p.meeting_id)
                   for p in found]
        stored = [(p.meeting_id, [i.position for i in p.items]) for p in found]
        return timeline_chart(found), note, stored, gr.update(choices=choices, value=None), ""

    def show(meeting_id, stored):
        positions = dict(stored).get(meeting_id, [])
        if not positions:
            return ""
        found = bot.meeting(meeting_id)
        return "\n\n".join(item_text(found, found.items[p - 1]) for p in positions)

    go.click(chart_topic, topic, [chart, summary, points, chosen, text])
    topic.submit(chart_topic, topic, [chart, summary, points, chosen, text])
    chosen.change(show, [chosen, points], text)


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and names that resolve only there."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        try:
            return all(ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(host, None))
        except OSError:
            return False


def launch(bot: Assistant, host: str = "127.0.0.1", port: int = 7860, auth: tuple[str, str] | None = None,
           allow_no_auth: bool = False, block: bool = True):
    """Serve the UI. Binding beyond loopback needs `auth`, unless `allow_no_auth` says otherwise."""
    if not is_loopback(host) and auth is None and not allow_no_auth:
        raise UIError(f"refusing to serve on {host} without a password: pass --auth USER:PASSWORD "
                      "(or MINUTES_UI_AUTH), or --insecure-no-auth if the network is trusted")
    bot.warm()
    app = build_app(bot)
    app.queue(default_concurrency_limit=8)
    app.launch(server_name=host, server_port=port, auth=auth, share=False, prevent_thread_lock=not block,
               theme=gr.themes.Soft(), css=CSS, ssr_mode=False, footer_links=[], enable_monitoring=False,
               show_error=False, quiet=True, pwa=False, mcp_server=False)
    return app
