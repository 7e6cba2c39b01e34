"""The UI's parts that need no browser: escaping, citations, filters, decisions, the timeline's data, safety rules."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from assistant.answer import Answer, Citation, Hit
from assistant.errors import InvalidQuestion
from assistant.query import SearchFilters, date_range
from assistant.settings import Settings
from ui.cards import sources_panel
from ui.cite import Reference, answer_text, conversation_markdown
from ui.conversation import Asked, Notice, conversation_html
from ui.render import highlight, meeting_names

HOSTILE = '<script>window.__xss = 1</script> <img src=x onerror="window.__xss = 2"> ${window.__xss = 3} {{x}}'


def _citation(quote: str = "The partnership agreed.", sentences: tuple[str, ...] = (), number: int = 1,
              item: str | None = "17", title: str = "Diversion from Re-offending", **extra) -> Citation:
    given = {"source": "/data/ssp-2012-08-14.txt"} | extra
    return Citation(meeting_id="ssp-2012-08-14", committee="Safer Stockton Partnership", date=dt.date(2012, 8, 14),
                    item=item, item_position=17, item_title=title, quote=quote, number=number, sentences=sentences,
                    **given)


def _answer(text: str = "Members agreed the approach. [1] It was funded. [1, 2]", **extra) -> Answer:
    return Answer(question="What was agreed?", text=text, refused=False,
                  citations=[_citation(number=1), _citation(number=2, item=None, title="Voice Project")], **extra)


# --- escaping ------------------------------------------------------------------------------------

def test_source_cards_show_minutes_markup_as_text():
    hostile = _citation(HOSTILE, (HOSTILE,), title="Review <i>it</i>")
    cards = sources_panel(Answer(question="q", text="t [1]", refused=False, citations=[hostile]), 0)
    assert "<script" not in cards and "<img" not in cards and "<i>" not in cards
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in cards and "<mark>&lt;script&gt;" in cards


def test_conversation_shows_minutes_markup_as_text_and_links_markers():
    page = conversation_html([Asked(_answer(f"{HOSTILE} [2]"), "?q=x")], 0, {})
    assert "<script" not in page and "<img" not in page
    assert '<a class="m-marker" href="#source-0-2" data-answer="0" data-number="2"' in page


def test_highlight_marks_each_supporting_sentence_once():
    text = "First point. Second <point>. Third."
    assert highlight(text, ("Second <point>.", "Third.")) == \
        "First point. <mark>Second &lt;point&gt;.</mark> <mark>Third.</mark>"


# --- copy and cite -------------------------------------------------------------------------------

def test_a_reference_leads_with_meeting_date_and_item_and_names_the_file_without_a_link():
    assert Reference.of_source(_citation()).text() == (
        "Safer Stockton Partnership, 14 Aug 2012, item 17: Diversion from Re-offending — ssp-2012-08-14.txt")


def test_a_reference_links_to_the_published_minutes_at_the_page_and_never_to_a_script_url():
    published = _citation(url="https://example.org/minutes.pdf", pages=(3, 4), source="/data/minutes.pdf")
    assert Reference.of_source(published).text().endswith("— https://example.org/minutes.pdf#page=3")
    assert Reference.of_source(_citation(url="javascript:alert(1)")).link is None
    card = sources_panel(Answer(question="q", text="t [1]", refused=False, citations=[published]), 0)
    assert 'href="https://example.org/minutes.pdf#page=3"' in card


def test_without_a_published_address_the_original_is_the_servers_copy():
    card = sources_panel(Answer(question="q", text="t [1]", refused=False, citations=[_citation()]), 0)
    assert 'class="m-original m-tool" href="original/ssp-2012-08-14"' in card


def test_a_council_names_the_committee_in_references():
    reference = Reference.of_source(_citation(council="Kestrel Vale Borough Council"))
    assert reference.text().startswith("Safer Stockton Partnership (Kestrel Vale Borough Council), 14 Aug 2012, item 17")


def test_cite_formats_for_reference_managers():
    reference = Reference.of_source(_citation(title="Costs & {fees} 100%"))
    csl = json.loads(reference.csl_json())[0]
    assert csl["issued"] == {"date-parts": [[2012, 8, 14]]} and csl["author"] == [{"literal": "Safer Stockton Partnership"}]
    assert csl["title"] == "Costs & {fees} 100%" and csl["section"] == "Item 17"
    bibtex = reference.bibtex()
    assert bibtex.startswith("@misc{ssp-2012-08-14-17,") and "title = {Costs \\& \\{fees\\} 100\\%}" in bibtex
    assert "author = {{Safer Stockton Partnership}}" in bibtex and "date = {2012-08-14}" in bibtex


def test_copied_answer_is_plain_text_with_a_reference_list():
    copied = answer_text(_answer())
    assert copied.splitlines() == [
        "Members agreed the approach. [1] It was funded. [1, 2]", "", "References",
        "[1] Safer Stockton Partnership, 14 Aug 2012, item 17: Diversion from Re-offending — ssp-2012-08-14.txt",
        "[2] Safer Stockton Partnership, 14 Aug 2012, item 17 (Voice Project) — ssp-2012-08-14.txt"]


def test_a_copied_refusal_says_so_in_words_not_markup():
    refusal = Answer(question="Council tax?", text="The minutes do not record an answer.", refused=True, citations=[])
    assert answer_text(refusal) == "Not in the minutes. The minutes do not record an answer."


def test_conversation_markdown_escapes_minutes_text_and_keeps_markers():
    markdown = conversation_markdown([_answer("Use *all* <b>funds</b> [1]")], dt.datetime(2026, 11, 30, 9, 0))
    assert "## 1. What was agreed?" in markdown and "Use \\*all\\* \\<b\\>funds\\</b\\> [1]" in markdown
    assert "- [1] Safer Stockton Partnership, 14 Aug 2012, item 17: Diversion from Re-offending — " in markdown


# --- the conversation and its sources ------------------------------------------------------------

def test_the_selected_answer_is_marked_and_its_sources_fold_under_it():
    turns = [Asked(_answer(), "?q=a"), Notice("too long …", "Questions are limited to 1,000 characters."),
             Asked(_answer(), "?q=b")]
    page = conversation_html(turns, 2, {})
    assert page.count("m-selected") == 1 and 'data-answer="2" tabindex="0" role="button" aria-pressed="true"' in page
    assert page.count('<details class="m-inline-sources">') == 2 and "⚠ Questions are limited" in page


def test_the_search_note_names_a_meeting_by_date_and_committee_never_by_id():
    answer = _answer(filters=SearchFilters(meeting="ssp-2017-02-14"))
    panel = sources_panel(answer, 0, {"ssp-2017-02-14": "14 Feb 2017 · Safer Stockton Partnership"})
    assert "Searched only minutes of the meeting of 14 Feb 2017 · Safer Stockton Partnership." in panel
    assert "ssp-2017-02-14" not in panel.split("Searched only")[1].split("</div>")[0]


def test_a_refusal_offers_its_closest_item_as_a_card():
    closest = Hit(**{name: getattr(_citation(), name) for name in Hit.__dataclass_fields__ if hasattr(_citation(), name)})
    refusal = Answer(question="Council tax?", text="Not recorded.", refused=True, citations=[], closest=closest)
    panel = sources_panel(refusal, 0)
    assert "Not in the minutes." in panel and 'data-number="0" data-scope="item"' in panel


def test_meetings_are_named_by_date_and_committee_and_told_apart_by_file_only_when_needed():
    from assistant.store import MeetingRecord

    records = [MeetingRecord("a", "SSP", None, 3, 3, "/x/op-harmony.txt", ""),
               MeetingRecord("b", "SSP", None, 3, 3, "/x/other.txt", ""),
               MeetingRecord("c", "SSP", dt.date(2012, 8, 14), 3, 3, "/x/c.txt", "")]
    assert meeting_names(records) == {"a": "date not stated · SSP (op-harmony.txt)",
                                      "b": "date not stated · SSP (other.txt)", "c": "14 Aug 2012 · SSP"}


# --- filters -------------------------------------------------------------------------------------

def test_from_after_to_is_refused_with_a_sentence():
    with pytest.raises(InvalidQuestion, match="start date 2023-01-01 is later than the end date 2012-01-01"):
        date_range("2023-01-01", "2012-01-01")
    assert date_range(" 2012-01-01 ", "") == (dt.date(2012, 1, 1), None)


def test_filters_are_described_in_words_and_never_by_meeting_id():
    filters = SearchFilters(dt.date(2017, 1, 1), None, "ssp-2017-02-14", include_undated=True)
    assert filters.describe({"ssp-2017-02-14": "14 Feb 2017 · SSP"}) == \
        "from 1 Jan 2017 (and meetings with no date stated) of the meeting of 14 Feb 2017 · SSP"
    assert "ssp-2017" not in filters.describe()


def test_filter_chips_show_each_filter_removably_and_from_after_to_as_a_message():
    from ui.ask import chips_html

    chips = chips_html("2017-01-01", "", "m1", {"m1": "14 Feb 2017 · SSP"})
    assert 'data-which="since"' in chips and "From 1 Jan 2017" in chips and "Meeting: 14 Feb 2017 · SSP" in chips
    assert "m-chip-x" in chips and 'data-which="until"' not in chips
    assert "is later than the end date" in chips_html("2023-01-01", "2012-01-01", "", {})


# --- decisions and the timeline over data/ -------------------------------------------------------

@pytest.fixture(scope="module")
def bot(data_index, embedder):
    from assistant import Assistant

    return Assistant(Settings.load(index_dir=data_index), embedder=embedder)


def test_decisions_csv_holds_exactly_the_rows_with_their_references(bot, tmp_path):
    import csv

    from ui.decisions import CSV_COLUMNS, write_csv

    rows = bot.decisions("2017-01-01", "2017-12-31")
    with write_csv(rows, bot.meetings(), tmp_path).open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle))
    assert read[0] == CSV_COLUMNS and len(read) == len(rows) + 1
    assert [r[0] for r in read[1:]] == ["2017-02-14"] * len(rows) and [r[4] for r in read[1:]] == [r.text for r in rows]
    assert read[1][6].startswith("Safer Stockton Partnership, 14 Feb 2017, item ")
    assert read[1][6].endswith("— safer-stockton-partnership-2017-02-14.txt")


def test_a_refusal_in_one_meeting_does_not_print_its_id(bot):
    refusal = bot.ask("What are the council tax rates?", meeting="safer-stockton-partnership-2017-02-14")
    assert refusal.refused and "safer-stockton-partnership-2017-02-14" not in refusal.text


def test_decisions_outside_the_dates_are_refused_when_from_is_after_to(bot):
    with pytest.raises(InvalidQuestion, match="later than the end date"):
        bot.decisions("2020-01-01", "2012-01-01")


def test_timeline_counts_the_asb_item_for_anti_social_behaviour_and_says_why(bot):
    from ui.timeline import columns

    cols = columns(bot, "anti-social behaviour")
    assert [c.meeting_id for c in cols] == [r.id for r in bot.meetings()]
    feb_2017 = next(c for c in cols if c.date == dt.date(2017, 2, 14))
    assert [(i.title, i.match) for i in feb_2017.items] == [("ASB", "glossary")]


def test_reading_a_point_highlights_the_glossary_form_of_the_topic(bot):
    from ui.timeline import columns, items_html

    feb_2017 = [c for c in columns(bot, "anti-social behaviour") if c.date == dt.date(2017, 2, 14)]
    page = items_html(bot, "anti-social behaviour", feb_2017)
    assert "<mark>ASB</mark>" in page and "counted: uses an abbreviation or long form of them" in page


def test_timeline_counts_items_close_in_meaning_that_do_not_use_the_words(bot):
    from assistant.timeline import MEANING_MIN

    found = [i for point in bot.timeline("youth violence") for i in point.items if i.match == "meaning"]
    assert found and all(i.similarity >= MEANING_MIN for i in found)


def test_a_topic_nothing_matches_gets_related_topics_found_in_the_minutes(bot):
    assert bot.timeline("council tax") == []
    related = bot.related_topics("council tax")
    titles = {i.title for r in bot.meetings() for i in bot.meeting(r.id).items}
    assert related and all(any(topic in title for title in titles) for topic in related)


def test_the_chart_has_one_row_per_dated_meeting_on_a_date_axis(bot):
    from ui.timeline import chart_frame, columns

    frame = chart_frame(columns(bot, "off-road bikes"))
    assert len(frame) == sum(1 for r in bot.meetings() if r.date)
    assert str(frame["Meeting date"].dtype).startswith("datetime64") and list(frame.iloc[:, 1]) == [0, 0, 0, 1]


# --- safety and the command ----------------------------------------------------------------------

def test_bugs_reach_people_as_one_sentence_and_known_errors_as_their_message():
    import gradio as gr

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


def test_the_chat_shows_minutes_text_as_written_not_as_markdown():
    text = r"See www.stockton.gov.uk or https://x.example/a_b and C:\minutes\2023 *not bold* <b>tag</b>"
    page = conversation_html([Asked(_answer(text + " [1]"), "?q=q")], 0, {})
    assert text.replace("<", "&lt;").replace(">", "&gt;") in page  # HTML-escaped, with no Markdown escapes
    assert "<a href" not in page.split('class="m-a-text">')[1].split("</div>")[0]


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
