"""The Gradio chat UI: ask, read the sources, browse meetings, chart a topic over time.

Everything here presents what `Assistant` returns; no pipeline logic lives in
the UI. Minutes text reaches the page only through `ui.render` (escaped) or
Markdown-escaped chat messages. Only `minutes ui` imports this module, so
gradio never slows the other commands.
"""
from __future__ import annotations

from assistant.settings import quiet_telemetry

quiet_telemetry()  # before gradio reads its analytics setting at import

import gradio as gr  # noqa: E402

from assistant.api import Assistant  # noqa: E402
from ui.ask import ask_tab, meeting_filter_choices  # noqa: E402
from ui.meetings import meetings_tab  # noqa: E402
from ui.render import index_summary  # noqa: E402
from ui.safety import SignInPageGuard, check_exposure  # noqa: E402
from ui.style import CSS  # noqa: E402
from ui.timeline import timeline_tab  # noqa: E402

CONCURRENT_ANSWERS = 8  # questions answered at once; more wait in the queue


def build_app(bot: Assistant) -> gr.Blocks:
    """The Blocks app over `bot`. Each browser session keeps its own conversation and sources."""
    with gr.Blocks(title="minutes · ask the committee minutes") as app:
        gr.Markdown("# minutes", elem_id="m-title")
        summary = gr.HTML(index_summary(bot.meetings()), elem_id="index-summary")
        with gr.Tabs():
            with gr.Tab("Ask", elem_id="ask-tab"):
                meeting_filter = ask_tab(bot)
            with gr.Tab("Meetings", elem_id="meetings-tab"):
                load_meetings, meetings_outputs = meetings_tab(bot)
            with gr.Tab("Topic timeline", elem_id="timeline-tab"):
                timeline_tab(bot)

        def refresh():
            """What a page load shows: the index as it is now (minutes may have been ingested meanwhile)."""
            return index_summary(bot.meetings()), gr.update(choices=meeting_filter_choices(bot))

        app.load(refresh, None, [summary, meeting_filter], api_visibility="private")
        app.load(load_meetings, None, meetings_outputs, api_visibility="private")
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
    app.launch(server_name=host, server_port=port, auth=auth, share=False, prevent_thread_lock=not block,
               theme=gr.themes.Soft(), css=CSS, ssr_mode=False, footer_links=[], enable_monitoring=False,
               show_error=False, quiet=True, pwa=False, mcp_server=False,
               # No FastAPI schema at /openapi.json (it is served without a sign-in), and a sign-in page
               # that does not describe the API behind it.
               app_kwargs={"openapi_url": None, "middleware": [Middleware(SignInPageGuard)]},
               auth_message="These minutes are password-protected. Sign in with the login you were given.")
    return app
