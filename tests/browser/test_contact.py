"""The contact form in real Chromium: the live hint, the choices, JavaScript on and off."""

import re

import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import Submission

pytestmark = pytest.mark.browser

SSN = "219-56-7788"


def stored_messages(app):
    with app.app_context():
        return [s.message for s in db.session.scalars(db.select(Submission))]


def fill_form(page, message, email="pat@example.com"):
    page.fill("#name", "Pat Visitor")
    page.fill("#email", email)
    page.click("label[for=topic-3]")
    page.fill("#message", message)


def watch_status(page):
    """Record every text the role=status region is given (what a screen reader hears)."""
    page.evaluate(
        """() => {
        window.__announced = [];
        const region = document.getElementById('message-status');
        new MutationObserver(() => {
          if (region.textContent) window.__announced.push(region.textContent);
        }).observe(region, {childList: true, characterData: true, subtree: true});
    }"""
    )


def test_live_hint_appears_within_a_second_and_is_announced_once(live_server, page):
    page.goto(live_server.url + "/contact")
    watch_status(page)
    hint = page.locator("#message-findings")
    expect(hint).to_be_hidden()
    page.locator("#message").press_sequentially(f"My number is {SSN}")
    expect(hint).to_be_visible(timeout=1000)
    expect(hint).to_contain_text("a Social Security number ending in 7788")
    expect(hint).to_contain_text("we will also check before you send")
    # more typing that changes nothing found: no new announcement
    page.locator("#message").press_sequentially(" thanks")
    page.wait_for_timeout(600)
    announced = page.evaluate("window.__announced")
    assert len(announced) == 1, announced
    assert "Social Security number ending in 7788" in announced[0]
    assert page.locator("[role=alert]").count() == 0


def test_what_is_typed_while_the_detector_loads_is_checked_once_it_is_here(live_server, page):
    """The detector is fetched after the form is ready: typing does not wait for it."""
    held = []
    page.route("**/js/pii.mjs", lambda route: held.append(route))
    page.goto(live_server.url + "/contact")
    watch_status(page)
    page.locator("#message").press_sequentially(f"My number is {SSN}")
    expect(page.locator("#message-findings")).to_be_hidden()
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator("#message-findings")).to_contain_text(
        "a Social Security number ending in 7788"
    )
    page.wait_for_timeout(600)
    announced = page.evaluate("window.__announced")
    assert len(announced) == 1, announced


def test_the_idle_warm_up_shows_announces_and_sends_nothing(live_server, page):
    """While the page is idle the form scans made-up messages (contact.mjs warmUp), so
    that the first check as the visitor types does not wait for V8 to compile the
    patterns: none of that reaches the page, the screen reader or the network."""
    page.goto(live_server.url + "/contact")
    watch_status(page)
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.wait_for_timeout(1500)  # the idle steps, one message each
    expect(page.locator("#message-findings")).to_be_hidden()
    assert page.input_value("#message") == ""
    assert page.evaluate("window.__announced") == []
    assert requests == []
    page.locator("#message").press_sequentially(f"My number is {SSN}")
    expect(page.locator("#message-findings")).to_contain_text(
        "a Social Security number ending in 7788", timeout=1000
    )


def test_the_form_works_when_the_detector_cannot_load(live_server, page):
    page.route("**/js/pii.mjs", lambda route: route.abort())
    page.goto(live_server.url + "/contact")
    fill_form(page, f"My number is {SSN}")
    page.wait_for_timeout(400)
    expect(page.locator("#message-findings")).to_be_hidden()
    page.click("button[type=submit]")
    # the server's check still warns
    expect(page.locator("h1")).to_contain_text("Social Security number")
    page.console_errors.clear()  # the refused request is reported as a console error


def test_the_warning_page_does_not_fetch_the_detector(live_server, page):
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(live_server.url + "/contact")
    fill_form(page, f"My number is {SSN}")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/js/pii.mjs") for url in fetched)
    fetched.clear()
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/contact/check$"))
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/js/contact.mjs") for url in fetched)
    assert not [url for url in fetched if "/js/pii" in url]


def test_remove_it_takes_the_number_out_in_place(live_server, page):
    page.goto(live_server.url + "/contact")
    page.locator("#message").press_sequentially(f"SSN {SSN} please")
    button = page.get_by_role("button", name="Remove it")
    expect(button).to_be_visible(timeout=1000)
    button.click()
    assert page.input_value("#message") == "SSN [Social Security number removed] please"
    expect(page.locator("#message-findings")).to_be_hidden()
    expect(page.locator("#message-status")).to_have_text(
        "Your message no longer includes a tax number."
    )
    assert page.evaluate("document.activeElement.id") == "message"


def test_pasting_is_checked_too(live_server, page):
    page.goto(live_server.url + "/contact")
    page.locator("#message").focus()
    page.evaluate(
        """(text) => {
        const area = document.getElementById('message');
        const data = new DataTransfer();
        data.setData('text/plain', text);
        area.value = text;
        area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true}));
    }""",
        f"card 4929 3817 5208 1111 and {SSN}",
    )
    expect(page.locator("#message-findings")).to_contain_text(
        "a payment card number ending in 1111 and a Social Security number ending in 7788",
        timeout=1000,
    )
    expect(page.get_by_role("button", name="Remove them")).to_be_visible()


def test_no_request_leaves_the_page_while_typing(live_server, page):
    page.goto(live_server.url + "/contact")
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.locator("#message").press_sequentially(f"Hello, my SSN is {SSN} and EIN 12-3456780")
    page.get_by_role("button", name="Remove them").click()
    page.locator("#name").press_sequentially("Pat")
    page.wait_for_timeout(800)
    assert requests == []


def test_full_flow_with_javascript(live_server, app, page, axe_check):
    page.goto(live_server.url + "/contact")
    axe_check(page)
    fill_form(page, f"Line one\nMy SSN is {SSN}")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator("h1")).to_have_text("Your message may include a Social Security number")
    axe_check(page)
    page.get_by_role("button", name="Remove the numbers and send").click()
    expect(page.locator("h1")).to_have_text("Message sent")
    assert re.fullmatch(
        r"DRS-[A-Z0-9]{4}-[A-Z0-9]{4}", page.locator(".site-reference").inner_text()
    )
    assert page.url.removeprefix(live_server.url) == "/contact/sent"
    axe_check(page)
    assert stored_messages(app) == ["Line one\nMy SSN is [Social Security number removed]"]


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_full_flow_without_javascript(live_server, app, no_js_page):
    page = no_js_page
    page.goto(live_server.url + "/contact")
    # without JavaScript the account advice is simply shown
    expect(page.locator("#account-notice")).to_be_visible()
    fill_form(page, f"First line\nSSN {SSN}\nlast line")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator("h1")).to_have_text("Your message may include a Social Security number")
    page.get_by_role("button", name="Go back and edit").click()
    expect(page.locator("h1")).to_have_text("Contact us")
    assert page.input_value("#message") == f"First line\nSSN {SSN}\nlast line"
    expect(page.locator("#message-findings")).to_contain_text("ending in 7788")
    page.fill("#message", "First line\nno number now\nlast line")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator("h1")).to_have_text("Message sent")
    assert stored_messages(app) == ["First line\nno number now\nlast line"]


def test_send_as_written_without_javascript(live_server, app, no_js_page):
    page = no_js_page
    page.goto(live_server.url + "/contact")
    fill_form(page, f"SSN {SSN}")
    page.get_by_role("button", name="Send message").click()
    page.get_by_role("button", name="Send my message as written").click()
    expect(page.locator("h1")).to_have_text("Message sent")
    assert stored_messages(app) == [f"SSN {SSN}"]


def test_errors_are_summarised_and_focused(live_server, page, axe_check):
    page.goto(live_server.url + "/contact")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator(".site-error-summary")).to_be_focused()
    assert page.title().startswith("Error: Contact us")
    axe_check(page)
    page.get_by_role("link", name="Enter your message").click()
    expect(page.locator("#message")).to_be_focused()


def test_keyboard_only(live_server, app, page):
    page.goto(live_server.url + "/contact")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # home link in header …
    page.locator("#name").focus()
    page.keyboard.type("Pat")
    page.keyboard.press("Tab")
    page.keyboard.type("pat@example.com")
    page.keyboard.press("Tab")  # first radio
    page.keyboard.press("ArrowDown")  # radios move with the arrow keys
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "myconnect"
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.id") != "message":
        page.keyboard.press("Tab")
    page.keyboard.type(f"My SSN is {SSN}")
    expect(page.get_by_role("button", name="Remove it")).to_be_visible(timeout=1000)
    # the hint is below the text box: the next stop after it
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Remove it"
    page.keyboard.press("Enter")
    assert page.input_value("#message") == "My SSN is [Social Security number removed]"
    while page.evaluate("document.activeElement.textContent") != "Send message":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Message sent")
    assert stored_messages(app) == ["My SSN is [Social Security number removed]"]


def test_account_topic_shows_the_advice_when_chosen(live_server, page):
    page.goto(live_server.url + "/contact")
    notice = page.locator("#account-notice")
    expect(notice).to_be_hidden()
    page.click("label[for=topic-4]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("860-297-5962")
