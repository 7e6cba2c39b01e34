"""The chat UI, driven in a real headless Chromium (Debian's package) through Playwright: asking, reading, safety.

The app runs in this process on 127.0.0.1 over an index of data/ plus one
planted minutes file full of markup (see conftest). Screenshots land in
test-artifacts/ for people to look at. The research tools (copy and cite,
markers, deep links, decisions, the timeline) are in test_ui_research.py.
"""
from __future__ import annotations

import html
import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import CHROMIUM, LONG_LINE, free_port
from pages import ask, no_overflow, open_page, open_tab, reader, shot, sources

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")]


@pytest.fixture
def page(browser, url):
    page = open_page(browser, url)
    yield page
    assert page.errors == []
    page.context.close()


def test_first_page_explains_itself_and_offers_examples(page):
    assert "6 meetings of Safer Stockton Partnership" in page.inner_text("#index-summary")
    examples = page.locator("#chat button.m-example").all_inner_texts()
    assert "What was said about Op Harmony?" in examples and len(examples) == 4
    shot(page, "ask-first-visit")


def test_question_gets_an_answer_with_source_cards(page):
    question = "What was said about Op Harmony?"
    reply = ask(page, question)
    assert "Ropner" in reply and "[1]" in reply and "[2]" not in reply  # one item: the duplicate item's note adds nothing
    cards = sources(page, question)
    assert page.locator("#sources .m-card").count() == 1
    assert page.locator("#sources .m-card mark").count() >= 2
    assert "Ropner/Town Centre (Op Harmony) Update" in cards and "date not stated" in cards and "Item 5" in cards
    shot(page, "ask-answer-with-sources")


def test_an_example_question_is_asked_with_one_click(page):
    page.locator("#chat button.m-example", has_text="Who chaired the August 2012 meeting?").click()
    page.wait_for_function("() => document.querySelector('#chat').innerText.includes('Geoff Lee')", timeout=30_000)
    assert "14 Aug 2012" in sources(page, "Who chaired the August 2012 meeting?")


def test_a_source_opens_as_the_whole_item_and_the_whole_meeting(page):
    question = "How much funding was allocated to Cleveland for ASB hotspot patrols?"
    assert "1 million" in ask(page, question)
    sources(page, question)
    page.click("#sources .m-card >> nth=0 >> button[data-scope=item]")
    item = reader(page, "#reader", "Source 1, the whole item")
    assert "Hotspot Patrol plan" in item and "SSP/4/23" in item
    assert page.locator("#reader mark").count() >= 1
    page.click("#sources .m-card >> nth=0 >> button[data-scope=meeting]")
    meeting = reader(page, "#reader", "Source 1, the whole meeting")
    assert "SSP/8/23" in meeting and "Venue" in meeting
    assert "Anti-Social Behaviour Action Plan" in page.inner_text("#reader .m-current")
    shot(page, "ask-open-source")


def test_date_filter_limits_the_sources_and_shows_as_chips(page):
    page.click("#filters")
    page.fill("#since input", "2017-01-01")
    page.fill("#until input", "2017-12-31")
    page.wait_for_function("() => document.querySelectorAll('#filter-chips .m-chip').length === 2")
    assert "From 1 Jan 2017" in page.inner_text("#filter-chips")
    question = "What was reported about recorded crime?"
    ask(page, question)
    assert "Searched only minutes from 1 Jan 2017 to 31 Dec 2017" in sources(page, question)
    dates = page.locator("#sources .m-card .m-date").all_inner_texts()
    assert dates and all(date == "14 Feb 2017" for date in dates)
    page.click("#filter-chips .m-chip-x[data-which=since]")
    page.wait_for_function("() => document.querySelectorAll('#filter-chips .m-chip').length === 1")
    assert page.input_value("#since input") == ""
    shot(page, "ask-date-filter")


def test_meeting_filter_limits_the_sources_and_is_named_by_date(page):
    page.click("#filters")
    page.click("#meeting-filter input")
    page.get_by_role("option", name="11 Jan 2022 · Safer Stockton Partnership").click()
    assert "Meeting: 11 Jan 2022 · Safer Stockton Partnership" in reader(page, "#filter-chips", "11 Jan 2022")
    question = "What was said about anti-social behaviour?"
    ask(page, question)
    panel = sources(page, question)
    assert "of the meeting of 11 Jan 2022 · Safer Stockton Partnership" in panel
    assert "safer-stockton-partnership-2022-01-11" not in panel + page.inner_text("#filter-chips")
    dates = page.locator("#sources .m-card .m-date").all_inner_texts()
    assert dates and all(date == "11 Jan 2022" for date in dates)


def test_a_date_that_is_not_a_date_gets_a_clear_message(page):
    page.click("#filters")
    page.fill("#since input", "last spring")
    assert "is not a date; use YYYY-MM-DD" in reader(page, "#filter-chips", "not a date")
    assert "is not a date; use YYYY-MM-DD" in ask(page, "What was said about funding?")


def test_refusal_shows_not_in_the_minutes_and_offers_the_nearest_item(page):
    question = "What are the council tax rates for 2024?"
    assert "Not in the minutes." in ask(page, question)
    assert page.locator("#sources .m-refusal").count() == 1
    assert "No indexed agenda item answers" in sources(page, question)
    page.click("#sources .m-card >> button[data-scope=meeting]")
    reader(page, "#reader", "The nearest item, the whole meeting")
    shot(page, "ask-refusal")


def test_minutes_markup_is_shown_as_text_and_never_runs(page):
    question = "What was said about the website security review?"
    reply = ask(page, question)
    assert "<script>window.__xss = 1</script>" in reply and '<img src=x onerror="window.__xss = 2">' in reply
    assert "<script>window.__xss = 1</script>" in sources(page, question)
    page.click("#sources .m-card >> nth=0 >> button[data-scope=meeting]")
    meeting = reader(page, "#reader", "Comment Box Contents")
    assert "${window.__xss = 3}" in meeting and "{{constructor.constructor('window.__xss = 4')()}}" in meeting
    assert "[a link](javascript:window.__xss=5)" in meeting
    page.click("#sources .m-card >> nth=0 >> summary")  # the Cite formats hold the minutes text too
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src='x'], a[href^='javascript'], #reader a:not(.m-original)").count() == 0
    shot(page, "ask-planted-markup")


def test_the_original_file_is_served_as_text_that_cannot_run(page, url):
    question = "What was said about the website security review?"
    ask(page, question)
    sources(page, question)
    link = page.locator("#sources .m-card >> nth=0 >> a.m-original")
    assert link.get_attribute("href") == "original/website-review-2024-03-05"
    with page.context.expect_page() as opened:
        link.click()
    original = opened.value
    original.wait_for_load_state()
    assert "<script>window.__xss = 1</script>" in original.inner_text("body")
    assert original.evaluate("window.__xss") is None
    response = urllib.request.urlopen(f"{url}/original/website-review-2024-03-05", timeout=10)
    assert response.headers["Content-Type"].startswith("text/plain")
    assert "sandbox" in response.headers["Content-Security-Policy"]
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{url}/original/..%2F..%2Fetc%2Fpasswd", timeout=10)
    assert missing.value.code == 404


def test_hostile_long_lines_do_not_break_the_layout(page):
    open_tab(page, "Meetings")
    page.click("#meetings-list button.m-meeting:has-text('5 Mar 2024')")
    page.click("#meeting-text button.m-agenda-link:has-text('Comment Box Contents')")
    reader(page, "#meeting-text", LONG_LINE[:100])
    assert no_overflow(page)


def test_over_long_question_gets_a_clear_message(page):
    question = "crime " * 400
    assert "Questions are limited to 1,000 characters" in ask(page, question)
    assert page.input_value("#question textarea") == question  # kept, to be shortened
    shot(page, "ask-over-long-question")


def test_conversation_keeps_every_answer_and_selecting_one_shows_its_sources(page):
    first, second = "What was said about Op Harmony?", "Who chaired the August 2012 meeting?"
    ask(page, first)
    sources(page, first)
    ask(page, second)
    assert "14 Aug 2012" in sources(page, second)
    chat = page.inner_text("#chat")
    assert first in chat and second in chat and "Ropner" in chat and "Geoff Lee" in chat
    assert page.locator("#chat .m-a.m-selected").get_attribute("data-answer") == "1"
    page.click("#chat .m-a[data-answer='0'] .m-a-text")
    assert "Ropner/Town Centre (Op Harmony) Update" in sources(page, first)
    assert page.locator("#chat .m-a.m-selected").get_attribute("data-answer") == "0"
    shot(page, "ask-conversation")
    page.click("#clear")
    page.wait_for_selector("#chat button.m-example")
    assert page.locator("#chat .m-turn").count() == 0
    assert "The sources of each answer appear here" in page.inner_text("#sources")


def test_page_loads_nothing_from_beyond_the_server(browser, url):
    outside = []
    context = browser.new_context()
    page = context.new_page()
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(url) else None)
    page.goto(url)
    page.wait_for_selector("#question textarea")
    ask(page, "What was said about Op Harmony?")
    open_tab(page, "Timeline")
    page.fill("#topic textarea, #topic input", "funding")
    page.click("#chart")
    page.wait_for_selector("#timeline-plot .mark-symbol path", timeout=30_000)
    context.close()
    assert outside == []


def test_ui_binds_to_loopback_by_default(ui_app):
    assert ui_app.server_name == "127.0.0.1"
    assert ui_app.share is False


def test_concurrent_users_see_only_their_own_conversation(browser, url):
    questions = {"Who chaired the August 2012 meeting?": "Geoff Lee", "What was said about Op Harmony?": "Ropner",
                 "How much funding was allocated to Cleveland for ASB hotspot patrols?": "1 million",
                 "When will my bins be collected?": "Not in the minutes"}
    pages = [open_page(browser, url) for _ in questions]
    try:
        for page, question in zip(pages, questions):
            page.fill("#question textarea", question)
        for page in pages:
            page.click("#ask")
        for page, (question, expected) in zip(pages, questions.items()):
            sources(page, question)
            chat = page.inner_text("#chat")
            assert question in chat and expected in chat
            assert not any(other in chat for other in questions if other != question)
    finally:
        for page in pages:
            page.context.close()


def test_twenty_concurrent_asks_through_the_api_get_their_own_answers(url):
    from gradio_client import Client

    cases = [("Who chaired the August 2012 meeting?", "Geoff Lee"), ("What was said about Op Harmony?", "Ropner"),
             ("How much funding was allocated to Cleveland for ASB hotspot patrols?", "1 million"),
             ("What are the council tax rates for 2024?", "Not in the minutes")] * 5

    def one(case):
        question, expected = case
        conversation = Client(url, verbose=False).predict(question, None, None, "", api_name="/ask")[0]
        return html.unescape(conversation), question, expected

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(one, cases))
    for conversation, question, expected in results:
        assert conversation.count('class="m-turn"') == 1 and question in conversation and expected in conversation


def test_meeting_filter_accepts_only_indexed_meetings(url):
    from gradio_client import Client

    with pytest.raises(Exception, match="not in the list of choices"):
        Client(url, verbose=False).predict("What was said?", None, None, "../../../etc/passwd", api_name="/ask")


def test_password_protection(browser, serve):
    locked = serve(auth=("clerk", "s3cret-minutes"))
    url = locked.local_url.rstrip("/")
    for path in ("/config", "/original/website-review-2024-03-05"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{url}{path}", timeout=10)
        assert refused.value.code == 401
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("input[type=password]")
    assert page.locator("#question").count() == 0
    page.fill("input:not([type=password])", "clerk")
    page.fill("input[type=password]", "wrong")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Incorrect Credentials", timeout=10_000)
    page.fill("input:not([type=password])", "clerk")  # a failed sign-in clears the form
    page.fill("input[type=password]", "s3cret-minutes")
    page.keyboard.press("Enter")
    page.wait_for_selector("#question textarea", timeout=20_000)
    config = json.loads(page.evaluate("fetch('/config').then(r => r.text())"))
    assert config["components"]
    assert "Safer Stockton" in page.evaluate("fetch('original/website-review-2024-03-05').then(r => r.text())")
    context.close()


def test_exposing_the_ui_without_a_password_is_refused(ui_index):
    from assistant import Assistant
    from ui.app import launch
    from ui.safety import UIError

    with pytest.raises(UIError, match="without a password"):
        launch(Assistant.open(ui_index), host="0.0.0.0", port=free_port(), block=False)
