"""The public pages in real Chromium: they load, look styled, and axe finds nothing."""

import pytest

pytestmark = pytest.mark.browser

PUBLIC_URLS = ["/", "/privacy", "/leaving/state-privacy-policy", "/no-such-page"]


@pytest.mark.parametrize("path", PUBLIC_URLS)
def test_page_has_no_accessibility_violations(live_server, page, axe_check, path):
    response = page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    axe_check(page)
    if response.status == 404:
        # the browser reports the page's own 404 as a console error; nothing else may fail
        page.console_errors.remove(
            "Failed to load resource: the server responded with a status of 404 (NOT FOUND)"
        )


def test_pages_are_styled_by_local_uswds(live_server, page):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(live_server.url + "/privacy")
    # USWDS styles the skip link off-screen until focused
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Source Sans Pro" in font
    assert all(url.startswith(live_server.url) for url in requested), requested


def test_skip_link_moves_focus_to_main(live_server, page):
    page.goto(live_server.url + "/privacy")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_privacy_prints_without_site_chrome(live_server, page):
    page.goto(live_server.url + "/privacy")
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert page.locator("table").is_visible()
