"""The UI as a research tool, in a real Chromium at desktop (1400×1000) and phone (420×900) sizes.

Copying an answer gives plain text with its references; ``[2]`` leads to
card 2; links open the same answer, item or timeline; the Decisions tab
filters and exports what the index holds; the timeline counts the 2017 "ASB"
item for "anti-social behaviour"; From after To gets a message; nothing
scrolls sideways on a phone. Screenshots of every tab at both sizes land in
test-artifacts/.
"""
from __future__ import annotations

import csv
import io
import json
import statistics
from pathlib import Path

import pytest

from assistant.answer import Answer
from assistant.settings import Settings
from ui.cite import answer_text

from conftest import CHROMIUM
from pages import ARTIFACTS, ask, no_overflow, open_page, open_tab, reader, shot

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")]
SIZES = ["desktop", "phone"]
HARMONY = "What was said about Op Harmony?"
TWO_SOURCES = "How has the partnership talked about drugs over the years?"  # two meetings, two cards


@pytest.fixture(params=SIZES)
def size(request) -> str:
    return request.param


def _page(browser, url, size, query="", clipboard=False):
    return open_page(browser, url, size, query, clipboard)


def _close(page):
    assert page.errors == []
    page.context.close()


@pytest.fixture(scope="module")
def harmony(ui_index, embedder) -> Answer:
    """The core's answer to `TWO_SOURCES`: what the page must show and copy, whatever its wording."""
    from assistant import Assistant

    answer = Assistant(Settings.load(index_dir=ui_index), embedder=embedder).ask(TWO_SOURCES)
    assert len(answer.citations) >= 2, answer.text
    return answer


def test_copy_gives_plain_text_with_the_reference_list(browser, url, size, harmony):
    page = _page(browser, url, size, clipboard=True)
    ask(page, TWO_SOURCES)
    page.click("#chat .m-turn >> nth=-1 >> .m-a-tools button.m-copy")
    page.wait_for_function("() => document.querySelector('#chat .m-a-tools button.m-copy').textContent.includes('Copied')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == answer_text(harmony) and "\\" not in copied and "**" not in copied
    text, references = copied.split("\n\nReferences\n")
    assert text.startswith(harmony.sentences[0].text) and "[2]" in text
    lines = references.splitlines()
    second = harmony.citations[1]
    assert lines[1].startswith(f"[2] {second.label}") and Path(second.source).name in lines[1]
    if size == "desktop":
        page.click("#sources .m-card >> nth=1 >> button.m-copy")
        assert page.evaluate("navigator.clipboard.readText()") == lines[1][4:]
        page.click("#sources .m-card >> nth=1 >> summary")
        bibtex = page.locator("#sources .m-card >> nth=1 >> .m-format >> nth=2 >> pre").inner_text()
        assert bibtex.startswith(f"@misc{{{second.meeting_id}-{second.item_position},")
        csl = json.loads(page.locator("#sources .m-card >> nth=1 >> .m-format >> nth=1 >> pre").inner_text())
        assert csl[0]["title"] == second.item_title and csl[0]["type"] == "report"
        shot(page, "ask-cite")
    _close(page)


def test_a_marker_scrolls_to_and_highlights_its_card(browser, url, size, harmony):
    page = _page(browser, url, size)
    ask(page, TWO_SOURCES)
    page.click("#chat .m-turn >> nth=-1 >> a.m-marker[data-number='2'] >> nth=0")
    where = "#sources" if size == "desktop" else "#chat section.m-turn:last-of-type details.m-inline-sources"
    card = page.locator(f"{where} .m-card[data-number='2']")
    page.wait_for_function(
        "s => { const c = document.querySelector(s); if (!c || !c.classList.contains('m-lit')) return false;"
        " const r = c.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }",
        arg=f"{where} .m-card[data-number='2']", timeout=10_000)
    assert harmony.citations[1].item_title in card.inner_text()
    assert page.locator(".m-card.m-lit").count() == 1
    shot(page, f"ask-marker-{size}")
    assert no_overflow(page)
    _close(page)


def test_a_deep_link_opens_the_same_answer(browser, url, size):
    page = _page(browser, url, size)
    reader(page, "#index-summary", "meeting")  # the page's loads have run, and left the address alone
    assert "?" not in page.url
    ask(page, HARMONY)
    link = page.url
    assert "?q=What+was+said+about+Op+Harmony%3F" in link
    other = _page(browser, link.split("?")[0], size, "?" + link.split("?")[1])
    other.wait_for_function("() => document.querySelector('#chat .m-a[data-answer]')", timeout=60_000)
    assert HARMONY in other.inner_text("#chat") and "Ropner" in other.inner_text("#chat")
    _close(other)
    _close(page)


def test_a_deep_link_opens_the_same_item(browser, url, size):
    page = _page(browser, url, size, "?meeting=safer-stockton-partnership-2023-07-19&item=SSP/4/23")
    text = reader(page, "#meeting-text", "Hotspot Patrol")
    assert "Anti-Social Behaviour Action Plan" in text and "19 Jul 2023" in text
    assert page.input_value("#item-pick input").startswith("SSP/4/23")
    page.click("#meeting-text button.m-step[data-by='1']")
    reader(page, "#meeting-text", "PSPO")
    page.wait_for_function("() => location.search.includes('item=SSP%2F5%2F23')")
    page.locator("#item-next").scroll_into_view_if_needed()
    assert page.locator("#item-pick").is_visible()
    shot(page, f"meetings-item-{size}")
    page.click("#meeting-text button.m-step[data-by='0']")
    facts = reader(page, "#meeting-text", "Meeting facts")
    assert "Venue" in facts and "Jim Cooke Conference Suite" in facts and "Decisions (8)" in facts
    assert "Agenda (8 items)" in facts
    shot(page, f"meetings-{size}")
    assert no_overflow(page)
    _close(page)


def test_a_link_to_an_unknown_meeting_says_so_and_opens_the_first(browser, url):
    page = _page(browser, url, "desktop", "?meeting=no-such-meeting&item=1")
    page.wait_for_selector("text=That link names a meeting this index does not hold.", timeout=30_000)
    reader(page, "#meeting-text", "Meeting facts")
    page.errors.clear()  # the toast is also logged
    _close(page)


def test_decisions_filter_and_export_a_csv_matching_the_index(browser, url, size, ui_index, embedder):
    from assistant import Assistant
    from ui.decisions import decision_ref

    bot = Assistant(Settings.load(index_dir=ui_index), embedder=embedder)
    page = _page(browser, url, size)
    open_tab(page, "Decisions")
    every = bot.decisions()
    page.wait_for_function("n => document.querySelectorAll('#decisions-table tr[data-index]').length === n",
                           arg=len(every), timeout=30_000)
    page.fill("#decision-since input", "2017-01-01")
    page.fill("#decision-until input", "2017-12-31")
    page.fill("#decision-query input", "approved")
    page.click("#decision-search")
    wanted = bot.decisions("2017-01-01", "2017-12-31", None, "approved")
    assert wanted and len(wanted) < len(every)
    page.wait_for_function("n => document.querySelectorAll('#decisions-table tr[data-index]').length === n",
                           arg=len(wanted), timeout=30_000)
    with page.expect_download() as download:
        page.click("#decision-export")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert [(r["date"], r["item"], r["decision"]) for r in rows] == [
        (w.date.isoformat(), decision_ref(w).short, w.text) for w in wanted]
    page.click("#decisions-table tr[data-index='0']")
    assert wanted[0].text.split("\n")[0] in page.inner_text("#decision-item mark")
    shot(page, f"decisions-{size}")
    assert no_overflow(page)
    _close(page)


def test_timeline_counts_the_2017_asb_item_and_reads_a_clicked_point(browser, url, size):
    page = _page(browser, url, size, "?topic=anti-social%20behaviour")
    page.wait_for_selector("#timeline-plot .mark-symbol path", timeout=60_000)
    labels = page.eval_on_selector_all("#timeline-plot .mark-symbol path", "ps => ps.map(p => p.getAttribute('aria-label'))")
    feb_2017 = next((n for n, label in enumerate(labels) if "Feb" in label and "2017" in label), labels)
    assert "Agenda items about the topic: 1" in labels[feb_2017]
    assert "abbreviation" in page.inner_text("#timeline-rule") and "0.40" in page.inner_text("#timeline-rule")
    page.locator("#timeline-plot .mark-symbol path").nth(feb_2017).click(force=True)
    items = reader(page, "#timeline-items", "14 Feb 2017")
    assert "ASB" in items and "counted: uses an abbreviation" in items
    assert page.locator("#timeline-items mark").count() >= 2
    width = page.evaluate("document.querySelector('#timeline-plot svg.marks').getBoundingClientRect().width")
    assert width >= 0.8 * page.evaluate("document.querySelector('#timeline-plot').parentElement.clientWidth")
    shot(page, f"timeline-{size}")
    assert no_overflow(page)
    _close(page)


def test_a_topic_nothing_matches_says_so_and_suggests_topics(browser, url):
    page = _page(browser, url, "desktop", "?topic=council%20tax")
    zero = reader(page, "#timeline-rule", "No agenda item is about")
    assert "every meeting counts 0" in zero
    page.click("#timeline-rule button.m-suggest >> nth=0")
    page.wait_for_function("() => !document.querySelector('#timeline-rule .m-zero')", timeout=30_000)
    summary = page.inner_text("#timeline-summary")
    assert " about “" in summary and "No agenda item" not in summary
    page.wait_for_function("() => new URLSearchParams(location.search).get('topic') !== 'council tax'")
    _close(page)


def test_from_after_to_gets_a_message(browser, url, size):
    page = _page(browser, url, size)
    page.click("#filters")
    page.fill("#since input", "2023-01-01")
    page.fill("#until input", "2012-01-01")
    assert "is later than the end date" in reader(page, "#filter-chips", "later than")
    assert "is later than the end date" in ask(page, "What was said about funding?")
    shot(page, f"ask-filters-{size}")
    assert no_overflow(page)
    _close(page)


def test_phone_shows_sources_folded_under_each_answer(browser, url):
    page = _page(browser, url, "phone")
    ask(page, TWO_SOURCES)
    assert not page.locator("#sources").is_visible()
    folded = page.locator("#chat section.m-turn:last-of-type details.m-inline-sources")
    folded.locator("> summary").click()
    assert folded.locator(".m-card").count() == 2
    gap = page.evaluate("() => { const a = document.querySelector('#chat section.m-turn:last-of-type .m-a').getBoundingClientRect();"
                        " const s = document.querySelector('#chat section.m-turn:last-of-type details > summary').getBoundingClientRect();"
                        " return s.top - a.bottom; }")
    assert 0 <= gap < 40
    shot(page, "ask-phone")
    assert no_overflow(page)
    _close(page)


def test_conversation_exports_as_markdown_with_references(browser, url):
    page = _page(browser, url, "desktop")
    ask(page, TWO_SOURCES)
    with page.expect_download() as download:
        page.click("#export")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"## 1. {TWO_SOURCES}" in text and "- [2] Safer Stockton Partnership" in text
    _close(page)


def test_answer_to_sources_latency_is_recorded(browser, url):
    """The time from pressing Ask to the answer and to its source cards, over 10 questions (median in the report)."""
    page = _page(browser, url, "desktop")
    questions = [HARMONY, "Who chaired the August 2012 meeting?", "What was said about off-road bikes?",
                 "How much funding was allocated to Cleveland for ASB hotspot patrols?", "What did the PSPO cover?",
                 "What was said about alcohol?", "What was reported about recorded crime?",
                 "What was decided about the Migration Fund application?", "Who chaired the January 2022 meeting?",
                 "What was said about diversion from re-offending?"]
    timings = [_timed_ask(page, n, question) for n, question in enumerate(questions)]
    ARTIFACTS.mkdir(exist_ok=True)
    summary = {name: round(statistics.median(t[name] for t in timings)) for name in timings[0]}
    (ARTIFACTS / "ui-latency.json").write_text(json.dumps({"median_ms": summary, "runs": timings}, indent=2))
    assert all(t["sources_after_answer"] >= 0 for t in timings)
    _close(page)


def _timed_ask(page, index: int, question: str) -> dict:
    page.evaluate("""n => {
      window.__t = {start: performance.now()};
      new MutationObserver((_, observer) => {
        const t = window.__t;
        if (!t.answer && document.querySelector(`#chat .m-a[data-answer="${n}"]`)) t.answer = performance.now();
        if (!t.sources && document.querySelector(`#sources .m-sources[data-answer="${n}"]`)) t.sources = performance.now();
        if (t.answer && t.sources) observer.disconnect();
      }).observe(document.body, {subtree: true, childList: true, attributes: true});
    }""", index)
    page.fill("#question textarea", question)
    page.click("#ask")
    page.wait_for_function("() => window.__t.answer && window.__t.sources", timeout=60_000)
    t = page.evaluate("window.__t")
    return {"answer": t["answer"] - t["start"], "sources": t["sources"] - t["start"],
            "sources_after_answer": t["sources"] - t["answer"]}
