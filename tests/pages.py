"""What the browser tests do to a page: open it at a size, ask, wait for sources, read, take screenshots."""
from __future__ import annotations

from conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"
VIEWPORTS = {"desktop": {"width": 1400, "height": 1000}, "phone": {"width": 420, "height": 900}}


def open_page(browser, url: str, size: str = "desktop", query: str = "", clipboard: bool = False):
    """A fresh page (own context) at `url` + `query`, once the question box is there; console errors are kept
    in ``page.errors``."""
    context = browser.new_context(viewport=VIEWPORTS[size])
    if clipboard:
        context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_default_timeout(60_000)  # the machine is shared: a click may wait behind other work
    page.errors = []
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url + query)
    page.wait_for_selector("#question textarea", state="attached")  # a link may open another tab first
    return page


def ask(page, question: str, timeout: float = 60_000) -> str:
    """Ask through the text box; the final reply's text once the stream has ended."""
    done = page.locator("#chat .m-turn:not(.m-pending)").count()
    page.fill("#question textarea", question)
    page.click("#ask")
    page.wait_for_function(
        "n => document.querySelectorAll('#chat .m-turn:not(.m-pending)').length > n"
        " && !document.querySelector('#chat .m-pending')", arg=done, timeout=timeout)
    return page.locator("#chat .m-turn .m-a").last.inner_text()


def sources(page, question: str) -> str:
    """The Sources panel once it shows the answer to `question` (it fills with the final answer)."""
    page.wait_for_function("q => document.querySelector('#sources .m-sources')?.dataset.question === q",
                           arg=question, timeout=60_000)
    return page.inner_text("#sources")


def reader(page, selector: str, contains: str) -> str:
    page.wait_for_function("([s, t]) => document.querySelector(s)?.innerText.includes(t)", arg=[selector, contains],
                           timeout=60_000)
    return page.inner_text(selector)


# Gradio's container clips sideways, so the page never scrolls sideways: what matters is that nothing is cut off,
# i.e. no element reaches past the window's right edge (inside a box that scrolls on its own is fine).
_CUT_OFF = """() => {
  const limit = window.innerWidth + 1, cut = [];
  const walk = (parent) => { for (const child of parent.children) {
    const style = getComputedStyle(child);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const box = child.getBoundingClientRect();
    if (box.width && box.right > limit) cut.push(`${child.tagName}.${child.className}#${child.id}`);
    if (!['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) walk(child);
  } };
  walk(document.querySelector('.gradio-container'));
  return cut;
}"""


def no_overflow(page) -> bool:
    """Whether the page fits its width: nothing to scroll sideways, nothing cut off at the right edge."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth") and page.evaluate(_CUT_OFF) == []


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.mouse.move(0, 0)
    page.wait_for_timeout(400)  # let drop-downs and smooth scrolling settle
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def open_tab(page, name: str) -> None:
    """Switch to tab `name`, from the "More tabs" menu when a narrow screen folds it there."""
    tab = page.get_by_role("tab", name=name)
    if tab.count() and tab.is_visible():
        tab.click()
    else:
        page.click(".overflow-menu > button")
        page.click(f".overflow-dropdown button:has-text('{name}')")
    page.wait_for_function("n => [...document.querySelectorAll('[role=tab]')].some("
                           "t => t.textContent.trim() === n && t.getAttribute('aria-selected') === 'true')", arg=name)
