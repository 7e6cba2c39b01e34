"""The Gradio chat UI: ask, read the sources, browse meetings and decisions, chart a topic over time.

Everything here presents what `Assistant` returns; no pipeline logic lives in
the UI. Minutes text reaches the page only through `ui.render` and its
siblings, escaped. The page's state is in its address (``?q=…``,
``?meeting=…&item=…``, ``?topic=…``), so a link opens the same answer, item or
timeline. Only `minutes ui` imports this module, so gradio never slows the
other commands.
"""
from __future__ import annotations

from assistant.settings import quiet_telemetry

quiet_telemetry()  # before gradio reads its analytics setting at import

import gradio as gr  # noqa: E402

from assistant.api import Assistant  # noqa: E402
from assistant.errors import UnknownMeeting  # noqa: E402
from ui.ask import ask_tab, chips_html, meeting_filter_choices  # noqa: E402
from ui.decisions import decisions_tab  # noqa: E402
from ui.meetings import meetings_tab  # noqa: E402
from ui.originals import serve_originals  # noqa: E402
from ui.render import index_summary, meeting_names  # noqa: E402
from ui.safety import SignInPageGuard, check_exposure  # noqa: E402
from ui.scripts import PAGE_JS  # noqa: E402
from ui.style import CSS  # noqa: E402
from ui.timeline import timeline_tab  # noqa: E402

CONCURRENT_ANSWERS = 8  # questions answered at once; more wait in the queue


def build_app(bot: Assistant) -> gr.Blocks:
    """The Blocks app over `bot`. Each browser session keeps its own conversation and sources."""
    with gr.Blocks(title="minutes · ask the committee minutes") as app:
        gr.HTML('<h1 class="m-title">minutes</h1>', elem_id="m-title", padding=False)
        summary = gr.HTML(index_summary(bot.meetings()), elem_id="index-summary", padding=False)
        with gr.Tabs(selected="ask") as tabs:
            with gr.Tab("Ask", id="ask", elem_id="ask-tab"):
                ask = ask_tab(bot)
            with gr.Tab("Meetings", id="meetings", elem_id="meetings-tab"):
                load_meetings, meetings_outputs, open_link = meetings_tab(bot)
            with gr.Tab("Decisions", id="decisions", elem_id="decisions-tab"):
                load_decisions, decisions_outputs = decisions_tab(bot)
            with gr.Tab("Timeline", id="timeline", elem_id="timeline-tab"):
                chart, topic, chart_outputs = timeline_tab(bot)

        def refresh():
            """What a page load shows: the index as it is now (minutes may have been ingested meanwhile)."""
            return index_summary(bot.meetings()), gr.update(choices=meeting_filter_choices(bot))

        def meetings_from_link(request: gr.Request):
            """The Meetings tab at ``?meeting=ID&item=ADDRESS``, or at the first meeting."""
            query = request.query_params
            try:
                return open_link(query.get("meeting"), query.get("item"))
            except UnknownMeeting as problem:
                gr.Warning(str(problem))
                return open_link(None, None)

        def route(request: gr.Request):
            """The tab and the fields a link names: ``?q=…&since=…&until=…&meeting=…``, ``?meeting=…``, ``?topic=…``."""
            query = request.query_params
            tab = ("ask" if query.get("q") else "meetings" if query.get("meeting") else
                   "timeline" if query.get("topic") else "ask")
            fields = [query.get(name, "") for name in ("q", "since", "until", "meeting")]
            names = meeting_names(bot.meetings())
            if fields[3] not in names:
                fields[3] = ""
            return (gr.update(selected=tab), *fields, query.get("topic", ""),
                    chips_html(fields[1], fields[2], fields[3], names))

        def answer_link(question, turns, since, until, meeting, request: gr.Request):
            if not request.query_params.get("q"):
                yield (gr.skip(),) * len(ask.outputs)
                return
            yield from ask.respond(question, turns, since, until, meeting)

        def chart_link(value, request: gr.Request):
            return chart(value) if request.query_params.get("topic") else (gr.skip(),) * len(chart_outputs)

        private = {"api_visibility": "private"}
        app.load(refresh, None, [summary, ask.meeting], **private)
        app.load(meetings_from_link, None, meetings_outputs, **private)
        app.load(load_decisions, None, decisions_outputs, **private)
        app.load(route, None, [tabs, ask.question, ask.since, ask.until, ask.meeting, topic, ask.chips], **private).then(
            answer_link, ask.inputs, ask.outputs, **private).then(chart_link, topic, chart_outputs, **private)
    return app


def launch(bot: Assistant, host: str = "127.0.0.1", port: int = 7860, auth: tuple[str, str] | None = None,
           allow_no_auth: bool = False, block: bool = True) -> gr.Blocks:
    """Serve the UI on `host`:`port`, never as a public share link.

    Refuses (`UIError`) to bind beyond loopback without `auth` unless
    `allow_no_auth`. With `block=False` it returns the running app at once
    (call `.close()` to stop it).
    """
    from starlette.middleware import Middleware

    check_exposure(host, auth, allow_no_auth)
    bot.warm()
    app = build_app(bot)
    app.queue(default_concurrency_limit=CONCURRENT_ANSWERS, max_size=256)
    app.launch(server_name=host, server_port=port, auth=auth, share=False, prevent_thread_lock=True,
               theme=gr.themes.Soft(), css=CSS, js=PAGE_JS, ssr_mode=False, footer_links=[], enable_monitoring=False,
               show_error=False, quiet=True, pwa=False, mcp_server=False,
               # No FastAPI schema at /openapi.json (it is served without a sign-in), and a sign-in page
               # that does not describe the API behind it.
               app_kwargs={"openapi_url": None, "middleware": [Middleware(SignInPageGuard)]},
               auth_message="These minutes are password-protected. Sign in with the login you were given.")
    serve_originals(app, bot)
    if block:
        app.block_thread()
    return app
