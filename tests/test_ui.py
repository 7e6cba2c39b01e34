"""The UI's parts that need no browser: escaping, error handling, exposure rules, the `minutes ui` command."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from assistant.answer import Answer, Citation
from assistant.settings import Settings
from ui.render import chat_text, highlight, markdown_text, sources_panel

HOSTILE = '<script>window.__xss = 1</script> <img src=x onerror="window.__xss = 2"> ${window.__xss = 3} {{x}}'


def _citation(quote: str, sentences: tuple[str, ...] = ()) -> Citation:
    return Citation(meeting_id="m1", committee="Safer <b>Stockton</b>", date=dt.date(2024, 3, 5), item="1",
                    item_position=1, item_title="Review <i>it</i>", source="m1.txt", quote=quote, number=1,
                    sentences=sentences)


def test_source_cards_show_minutes_markup_as_text():
    answer = Answer(question="q", text="t [1]", refused=False, citations=[_citation(HOSTILE, (HOSTILE,))])
    cards = sources_panel(answer)
    assert "<script" not in cards and "<img" not in cards and "<b>" not in cards and "<i>" not in cards
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in cards
    assert "<mark>&lt;script&gt;" in cards


def test_highlight_marks_each_supporting_sentence_once():
    text = "First point. Second <point>. Third."
    assert highlight(text, ("Second <point>.", "Third.")) == \
        "First point. <mark>Second &lt;point&gt;.</mark> <mark>Third.</mark>"


def test_chat_text_escapes_markdown_and_html():
    shown = markdown_text("**bold** [link](javascript:alert(1)) <img src=x> $$x$$")
    assert "<img" not in shown and "**" not in shown and "](" not in shown
    assert shown.startswith("\\*\\*bold\\*\\*")


def test_refusal_is_marked_not_in_the_minutes():
    refusal = Answer(question="Council tax?", text="The minutes do not record an answer.", refused=True, citations=[])
    assert chat_text(refusal).startswith("<b>Not in the minutes.</b>")
    assert "Not in the minutes." in sources_panel(refusal)


def test_bugs_reach_people_as_one_sentence_and_known_errors_as_their_message():
    import gradio as gr

    from assistant.errors import InvalidQuestion
    from ui.safety import SORRY, friendly

    @friendly
    def broken():
        raise RuntimeError("secret internals")

    @friendly
    def invalid():
        raise InvalidQuestion("Please type a question.")

    with pytest.raises(gr.Error, match=SORRY):
        broken()
    with pytest.raises(gr.Error, match="Please type a question."):
        invalid()


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("::1", True), ("localhost", True),
    ("0.0.0.0", False), ("192.168.1.20", False), ("no-such-host.invalid", False),
])
def test_loopback_hosts(host, loopback):
    from ui.safety import is_loopback

    assert is_loopback(host) is loopback


def test_serving_beyond_loopback_needs_a_password_or_an_explicit_opt_out():
    from ui.safety import UIError, check_exposure

    with pytest.raises(UIError, match="without a password"):
        check_exposure("0.0.0.0", None, allow_no_auth=False)
    check_exposure("0.0.0.0", ("clerk", "pw"), allow_no_auth=False)
    check_exposure("0.0.0.0", None, allow_no_auth=True)
    check_exposure("127.0.0.1", None, allow_no_auth=False)


def test_cli_ui_refuses_a_public_host_without_a_password(tmp_path):
    from assistant.cli import main

    result = CliRunner().invoke(main, ["ui", "--host", "0.0.0.0", "--index", str(tmp_path / "index")], env={})
    assert result.exit_code == 1
    assert "refusing to serve on 0.0.0.0 without a password" in result.output
    assert "Traceback" not in result.output


def test_cli_ui_rejects_a_login_without_a_password(tmp_path):
    from assistant.cli import main

    result = CliRunner().invoke(main, ["ui", "--index", str(tmp_path / "index")], env={"MINUTES_UI_AUTH": "clerk"})
    assert result.exit_code == 1
    assert "takes USER:PASSWORD" in result.output


def test_cli_ui_help_says_what_exposure_needs():
    from assistant.cli import main

    help_text = " ".join(CliRunner().invoke(main, ["ui", "--help"]).output.split())
    assert "Anything but loopback is refused without --auth, unless --insecure-no-auth is given" in help_text
    assert "MINUTES_UI_AUTH" in help_text and "never creates a public share link" in help_text


def test_timeline_has_a_column_for_every_meeting_and_counts_only_real_mentions(data_index, embedder):
    from assistant import Assistant
    from ui.timeline import columns

    bot = Assistant(Settings.load(index_dir=data_index), embedder=embedder)
    cols = columns(bot, "off-road bikes")
    assert [c.meeting_id for c in cols] == [r.id for r in bot.meetings()]
    mentioned = {c.meeting_id: c.positions for c in cols if c.positions}
    assert set(mentioned) == {"safer-stockton-partnership-2023-07-19", "safer-stockton-partnership-undated-op-harmony"}
    for meeting_id, positions in mentioned.items():
        for position in positions:
            item = bot.meeting(meeting_id).items[position - 1]
            assert "off-road" in (item.title + item.text).lower() or "off road" in (item.title + item.text).lower()


def test_the_chat_shows_minutes_text_as_written_not_as_markdown():
    text = r"See www.stockton.gov.uk or https://x.example/a_b and C:\minutes\2023 *not bold* <b>tag</b> [1]"
    shown = chat_text(Answer(question="q", text=text, refused=False, citations=[]))
    assert shown == text.replace("<", "&lt;").replace(">", "&gt;")  # HTML-escaped, with no Markdown escapes


def test_the_chat_renders_no_markdown(data_index, embedder):
    from assistant import Assistant
    from ui.app import build_app

    app = build_app(Assistant(Settings.load(index_dir=data_index), embedder=embedder))
    chat = next(block for block in app.blocks.values() if getattr(block, "elem_id", None) == "chat")
    assert chat.render_markdown is False


def test_the_sign_in_page_describes_nothing_behind_it(data_index, embedder):
    """No API description or meeting id before signing in, and no FastAPI schema at all; the signed-in page is whole."""
    import http.cookiejar
    import urllib.error
    import urllib.parse
    import urllib.request

    from assistant import Assistant
    from ui.app import launch

    from conftest import free_port

    bot = Assistant(Settings.load(index_dir=data_index), embedder=embedder)
    app = launch(bot, port=free_port(), auth=("clerk", "s3cret"), block=False)
    url = app.local_url.rstrip("/")
    try:
        page = urllib.request.urlopen(url + "/", timeout=30).read().decode()
        assert "auth_required" in page and "window.gradio_api_info = null;" in page
        assert not [r.id for r in bot.meetings() if r.id in page] and "named_endpoints" not in page
        with pytest.raises(urllib.error.HTTPError) as schema:
            urllib.request.urlopen(url + "/openapi.json", timeout=30)
        assert schema.value.code == 404
        signed_in = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        signed_in.open(url + "/login", urllib.parse.urlencode({"username": "clerk", "password": "s3cret"}).encode())
        inside = signed_in.open(url + "/", timeout=30).read().decode()
        assert "named_endpoints" in inside and bot.meetings()[0].id in inside
    finally:
        app.close()
