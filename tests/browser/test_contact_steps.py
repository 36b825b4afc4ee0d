"""The contact flow as a page-by-page decision, in real Chromium: Back and Reload,
the dismiss question, the first screen on a phone, unbroken references, the error
summary and the character count; on a desktop and a 375 px phone, with JavaScript on
and off, and axe on every page and state."""

import re

import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import Submission

pytestmark = pytest.mark.browser

SSN = "219-56-7788"
CARD = "4929 3817 5208 1111"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
REFERENCE = re.compile(r"DRS-[A-Z0-9]{4}-[A-Z0-9]{4}")


def stored(app) -> list[str]:
    with app.app_context():
        return [s.message for s in db.session.scalars(db.select(Submission))]


@pytest.fixture
def open_page(browser):
    """open_page(width, js) → a page in a fresh context; fails on any console error."""
    contexts = []
    errors: list[str] = []

    def make(width: str = "desktop", js: bool = True):
        context = browser.new_context(viewport=VIEWPORTS[width], java_script_enabled=js)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        return page

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"browser console errors: {errors}"


@pytest.fixture
def axe(axe_check):
    """axe_check, where it can run: it is a script, so a page without JavaScript is
    checked by the same test's JavaScript variant (the HTML is the same)."""

    def check(page, js: bool = True):
        if js:
            axe_check(page)

    return check


def fill_form(page, message: str) -> None:
    page.fill("#name", "Pat Visitor")
    page.fill("#email", "pat@example.com")
    page.click("label[for=topic-3]")
    page.fill("#message", message)


def tick(page, label: str) -> None:
    """Tick a checkbox as a person does: by its label (USWDS draws the box there)."""
    page.locator("label.usa-checkbox__label", has_text=label).click()
    expect(page.get_by_label(label)).to_be_checked()


def to_the_warning(page, url: str, message: str) -> None:
    page.goto(url + "/contact")
    fill_form(page, message)
    page.get_by_role("button", name="Send message").click()
    expect(page.locator("h1")).to_contain_text("Your message may include")
    assert page.url == url + "/contact/check"


BOTH = [
    pytest.param(width, js, id=f"{width}-{'js' if js else 'nojs'}")
    for width in VIEWPORTS
    for js in (True, False)
]


@pytest.mark.parametrize(("width", "js"), BOTH)
def test_back_and_reload_after_sending_never_send_again(
    live_server, app, open_page, axe, width, js
):
    page = open_page(width, js)
    url = live_server.url
    to_the_warning(page, url, f"My SSN is {SSN}")
    axe(page, js)
    page.get_by_role("button", name="Remove the numbers and send").click()
    expect(page.locator("h1")).to_have_text("Message sent")
    reference = page.locator(".site-reference").inner_text()
    assert REFERENCE.fullmatch(reference)
    axe(page, js)
    # Reload: the same confirmation, no resubmission prompt, nothing sent again
    page.reload()
    expect(page.locator(".site-reference")).to_have_text(reference)
    # Back: the warning page was reached by GET; with its message sent it leads to the
    # form, which says the message went
    page.go_back()
    expect(page.locator("h1")).to_have_text("Contact us")
    expect(page.locator("main")).to_contain_text("Your message has been sent")
    expect(page.locator("main")).to_contain_text(reference)
    axe(page, js)
    page.go_back()
    expect(page.locator("h1")).to_have_text("Contact us")
    assert stored(app) == ["My SSN is [Social Security number removed]"]


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_reload_on_each_page_shows_it_again(live_server, app, open_page, axe, js):
    page = open_page("desktop", js)
    url = live_server.url
    page.goto(url + "/contact")
    page.fill("#message", "Keep me")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator(".site-error-summary")).to_be_visible()
    axe(page, js)
    page.reload()
    expect(page.locator(".site-error-summary")).to_contain_text("Enter your e-mail address")
    assert page.input_value("#message") == "Keep me"
    fill_form(page, f"Keep me {SSN}")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator("h1")).to_have_text("Your message may include a Social Security number")
    page.reload()
    expect(page.locator("h1")).to_have_text("Your message may include a Social Security number")
    page.get_by_role("button", name="Send my message as written").click()
    expect(page.locator("h1")).to_have_text("Message sent")
    expect(page.locator("main")).to_contain_text("If you sent a tax number by mistake")
    axe(page, js)
    page.reload()
    expect(page.locator("h1")).to_have_text("Message sent")
    assert stored(app) == [f"Keep me {SSN}"]


@pytest.mark.parametrize(("width", "js"), BOTH)
def test_dismissing_one_of_two_findings_then_removing_the_other(
    live_server, app, open_page, axe, width, js
):
    page = open_page(width, js)
    to_the_warning(page, live_server.url, f"SSN {SSN} and card {CARD}")
    expect(page.locator("h1")).to_have_text(
        "Your message may include a Social Security number and a payment card number"
    )
    expect(page.get_by_label("This is not a payment card number")).to_have_count(1)
    expect(page.get_by_label("This is not a Social Security number")).to_have_count(1)
    tick(page, "This is not a payment card number")
    if js:
        # the preview shows the card number kept, before anything is chosen
        expect(page.locator("#preview")).to_contain_text("**** **** **** 1111 (as you wrote it)")
        expect(page.locator("#preview")).to_contain_text("[Social Security number removed]")
    axe(page, js)
    page.get_by_role("button", name="Remove the numbers and send").click()
    expect(page.locator("h1")).to_have_text("Message sent")
    expect(page.locator("main")).to_contain_text("We removed the number before sending")
    expect(page.locator("main")).to_contain_text("We left 1 number as you wrote it")
    expect(page.locator("main")).not_to_contain_text("If you sent a tax number by mistake")
    axe(page, js)
    assert stored(app) == [f"SSN [Social Security number removed] and card {CARD}"]


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_dismissing_both_then_editing_keeps_them_dismissed(live_server, app, open_page, axe, js):
    page = open_page("phone", js)
    to_the_warning(page, live_server.url, f"SSN {SSN} and card {CARD}")
    tick(page, "This is not a Social Security number")
    tick(page, "This is not a payment card number")
    page.get_by_role("button", name="Go back and edit").click()
    expect(page.locator("h1")).to_have_text("Contact us")
    expect(page.locator("main")).to_contain_text("We will leave those 2 numbers as they are")
    expect(page.locator("#message-findings")).to_be_hidden()
    axe(page, js)
    if js:
        # typing more does not flag the dismissed numbers again
        page.locator("#message").press("Control+End")
        page.locator("#message").press_sequentially(" thanks")
        page.wait_for_timeout(600)
        expect(page.locator("#message-findings")).to_be_hidden()
        # a new number is flagged, and only it
        page.locator("#message").press_sequentially(" and EIN 12-3456780")
        expect(page.locator("#message-findings")).to_be_visible(timeout=1000)
        expect(page.locator("#message-findings-text")).to_contain_text(
            "Your message may include a Federal Employer Identification Number ending in 6780."
        )
        page.get_by_role("button", name="Remove it").click()
    page.get_by_role("button", name="Send message").click()
    expect(page.locator("h1")).to_have_text("Message sent")
    [message] = stored(app)
    assert message.startswith(f"SSN {SSN} and card {CARD}")


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_the_decision_is_on_the_first_screen_of_a_phone(live_server, open_page, js):
    page = open_page("phone", js)
    to_the_warning(page, live_server.url, f"My SSN is {SSN} and my card is {CARD}, thanks")
    boxes = [page.locator("h1")]
    boxes += [page.get_by_label(f"This is not a {k}") for k in ("Social Security number",)]
    boxes += [page.get_by_role("button", name=n) for n in (
        "Remove the numbers and send", "Send my message as written", "Go back and edit"
    )]  # fmt: skip
    for locator in boxes:
        box = locator.bounding_box()
        assert box is not None
        assert box["y"] >= 0
        assert box["y"] + box["height"] <= 812, (locator, box)
    for name in ("Remove the numbers and send", "Send my message as written", "Go back and edit"):
        assert page.get_by_role("button", name=name).bounding_box()["height"] >= 44
    # no site notices inside the flow; "Why we ask" comes after the buttons, folded
    expect(page.locator(".site-notice")).to_have_count(0)
    why = page.locator("details summary", has_text="Why we ask")
    assert why.bounding_box()["y"] > boxes[-1].bounding_box()["y"]
    assert page.locator("details").get_attribute("open") is None


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_the_reference_is_never_broken(live_server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(live_server.url + "/contact")
        fill_form(page, "When is the sales tax holiday?")
        page.get_by_role("button", name="Send message").click()
        reference = page.locator(".site-confirmation .site-reference")
        expect(reference).to_have_text(REFERENCE)
        lines = reference.evaluate("e => e.getClientRects().length")
        assert lines == 1
        # it fits inside the panel, and one click selects all of it to copy
        panel = page.locator(".site-confirmation").bounding_box()
        box = reference.bounding_box()
        assert box["x"] >= panel["x"]
        assert box["x"] + box["width"] <= panel["x"] + panel["width"]
        assert reference.evaluate("e => getComputedStyle(e).userSelect") == "all"
    finally:
        context.close()


def test_error_summary_links_bring_the_question_into_view(live_server, open_page):
    page = open_page("phone", True)
    page.goto(live_server.url + "/contact")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator(".site-error-summary")).to_be_focused()
    # contact.mjs (which scrolls to the question) runs once its module graph, the
    # detector's included, has loaded: before that a click is the plain jump to the
    # input, as without JavaScript. Wait for it, as the page's own load does.
    page.wait_for_load_state("load")
    link = page.get_by_role("link", name="Select what your message is about")
    assert "usa-link" in link.get_attribute("class")
    link.click()
    expect(page.locator("#topic-0")).to_be_focused()
    legend = page.locator("legend", has_text="What is your message about?").bounding_box()
    assert -1 <= legend["y"] <= 812
    page.locator(".site-error-summary").scroll_into_view_if_needed()
    page.get_by_role("link", name="Enter your message").click()
    expect(page.locator("#message")).to_be_focused()
    label = page.locator("label[for=message]").bounding_box()
    assert -1 <= label["y"] <= 812


def test_character_count_is_right_when_the_form_comes_back(live_server, open_page):
    page = open_page("desktop", True)
    page.goto(live_server.url + "/contact")
    page.fill("#message", "x" * 1200)
    page.get_by_role("button", name="Send message").click()
    expect(page.locator(".site-error-summary")).to_be_visible()
    assert page.input_value("#message") == "x" * 1200
    expect(page.locator(".usa-character-count__status")).to_have_text(
        re.compile(r"^3,?800 characters left$")
    )


def test_the_live_hint_appears_below_the_text_box_without_moving_it(live_server, open_page):
    page = open_page("desktop", True)
    page.goto(live_server.url + "/contact")
    textarea = page.locator("#message")
    top = "e => e.getBoundingClientRect().top + window.scrollY"
    textarea.focus()
    before = textarea.evaluate(top)
    textarea.press_sequentially(f"My number is {SSN}")
    expect(page.locator("#message-findings")).to_be_visible(timeout=1000)
    assert textarea.evaluate(top) == before
    bottom = textarea.evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")
    assert page.locator("#message-findings").evaluate(top) > bottom


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_the_privacy_page_reads_at_a_comfortable_measure(live_server, open_page, width):
    page = open_page(width, True)
    page.goto(live_server.url + "/privacy")
    # characters a line: the box's width over the average width of its own text's
    # characters, in its own font
    widest = page.evaluate(
        """() => {
        const ctx = document.createElement('canvas').getContext('2d');
        return Math.max(...[...document.querySelectorAll(
            'main article p, main article li, main article address')].map(e => {
            const text = e.textContent.replace(/\\s+/g, ' ').trim();
            if (text.length < 80) return 0;
            const style = getComputedStyle(e);
            ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const average = ctx.measureText(text).width / text.length;
            return e.getBoundingClientRect().width / average;
        }));
    }"""
    )
    assert widest <= 80  # USWDS's measure, 68ex: about 70 characters a line


def test_phone_numbers_are_links_to_call(live_server, open_page):
    page = open_page("phone", True)
    for path in ("/contact", "/privacy"):
        page.goto(live_server.url + path)
        numbers = page.locator("main").get_by_text(re.compile(r"^\d{3}-\d{3}-\d{4}$"))
        for i in range(numbers.count()):
            href = numbers.nth(i).evaluate("e => e.closest('a') && e.closest('a').href")
            assert href, path
            assert href.startswith("tel:+1"), path
