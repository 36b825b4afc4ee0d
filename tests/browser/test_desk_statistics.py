"""The desk's statistics and retention pages in real Chromium: axe finds nothing, no
script is needed, and what a visitor typed is shown escaped (no script runs)."""

import re

import pyotp
import pytest
from playwright.sync_api import expect

from app.contact.service import store_submission
from tests.support.desk import PASSWORD, Desk

pytestmark = pytest.mark.browser

SCRIPT = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


@pytest.fixture
def admin_secret(app) -> str:
    return Desk(app, app.test_client()).create("admin@drs.example", "admin").secret


def sign_in(page, url, secret):
    page.goto(url + "/staff/sign-in")
    page.get_by_label("E-mail address").fill("admin@drs.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Security code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Inbox")


def test_statistics_and_retention_pages(live_server, page, axe_check, admin_secret):
    page.goto(live_server.url + "/privacy")
    page.goto(live_server.url + "/no-such-page")
    page.console_errors.clear()  # the 404 above is reported by the browser as an error
    sign_in(page, live_server.url, admin_secret)
    page.get_by_role("link", name="Site statistics").click()
    expect(page.locator("h1")).to_have_text("Site statistics")
    assert page.locator("svg[role=img]").count() >= 3
    assert page.locator("main table", has_text="/no-such-page").count() >= 1
    axe_check(page)
    page.get_by_label("First day").fill("not a day")
    page.get_by_role("button", name="Show these days").click()
    expect(page).to_have_title(re.compile(r"^Error: Site statistics"))
    page.console_errors.clear()  # the 400 status is reported as a console error
    axe_check(page)
    page.get_by_role("link", name="Keeping messages").click()
    expect(page.locator("h1")).to_have_text("Keeping messages")
    axe_check(page)


def test_visitor_html_is_shown_escaped_on_the_desk(app, live_server, page, admin_secret):
    with app.app_context():
        reference = store_submission(
            topic="general",
            name=SCRIPT,
            email="pat@example.com",
            message=f"Hello {SCRIPT} bye",
            choice="none",
            kinds=[],
        ).reference
    sign_in(page, live_server.url, admin_secret)
    page.goto(f"{live_server.url}/staff/messages/{reference}")
    text = page.locator("main").inner_text()
    assert f"Hello {SCRIPT} bye" in text
    assert SCRIPT in text.replace(f"Hello {SCRIPT} bye", "")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("main script").count() == 0


@pytest.mark.parametrize("width", [375, 1280])
def test_inbox_and_charts_are_legible_at_any_width(
    app, browser, live_server, axe_check, admin_secret, width
):
    with app.app_context():
        store_submission(
            topic="general", name="Pat", email="pat@example.com", message="Hello",
            choice="none", kinds=[],
        )  # fmt: skip
    context = browser.new_context(viewport={"width": width, "height": 812})
    try:
        page = context.new_page()
        sign_in(page, live_server.url, admin_secret)
        # Measure the layout a person sees: the selects' widths (and so how the filter row
        # wraps) follow the web fonts, which may still be loading just after sign-in.
        page.wait_for_load_state("load")
        page.evaluate("document.fonts.ready.then(() => true)")
        # the search box is not clipped, and lines up with the filters beside it
        search = page.locator("#q").bounding_box()
        assert search["x"] >= 0
        assert search["x"] + search["width"] <= width
        if width > 1000:
            status = page.locator("#status").bounding_box()
            assert abs((search["y"] + search["height"]) - (status["y"] + status["height"])) <= 1
        # a reference is one line box in its cell
        reference = page.locator("table .site-reference").first
        assert reference.evaluate("e => e.getClientRects().length") == 1
        axe_check(page)
        page.get_by_role("link", name="Site statistics").click()
        expect(page.locator("h1")).to_have_text("Site statistics")
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('svg.stats-chart text')].map(t =>
                t.getBoundingClientRect().height)"""
        )
        assert sizes
        assert min(sizes) >= 14 * 0.95  # 14 px text, as displayed
        expect(page.locator("main")).to_contain_text("The staff desk's own use")
        axe_check(page)
    finally:
        context.close()
