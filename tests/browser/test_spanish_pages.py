"""The Spanish public pages in real Chromium: axe finds nothing, the language links work."""

import pytest

from app.public.destinations import DESTINATIONS

pytestmark = pytest.mark.browser

SPANISH_URLS = [
    "/es/",
    "/es/privacidad",
    *(f"/es/salir/{name}" for name in DESTINATIONS),
    "/es/no-existe",
]


@pytest.mark.parametrize("path", SPANISH_URLS)
def test_spanish_page_has_no_accessibility_violations(live_server, page, axe_check, path):
    response = page.goto(live_server.url + path)
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.locator("h1").count() == 1
    axe_check(page)
    if response.status == 404:
        page.console_errors.remove(
            "Failed to load resource: the server responded with a status of 404 (NOT FOUND)"
        )


def test_the_language_link_goes_to_the_same_page_and_back(live_server, page):
    page.goto(live_server.url + "/privacy")
    page.get_by_role("link", name="Español").click()
    assert page.url == live_server.url + "/es/privacidad"
    assert page.locator("h1").inner_text() == "Política de privacidad"
    page.get_by_role("link", name="English", exact=True).click()
    assert page.url == live_server.url + "/privacy"


def test_a_spanish_browser_sees_the_offer_and_no_redirect(browser, live_server, axe_check):
    context = browser.new_context(locale="es-MX")
    try:
        page = context.new_page()
        page.goto(live_server.url + "/privacy")
        assert page.url == live_server.url + "/privacy"
        offer = page.locator(".site-language-offer")
        assert offer.is_visible()
        axe_check(page)
        offer.get_by_role("link").click()
        assert page.url == live_server.url + "/es/privacidad"
        assert page.locator(".site-language-offer").count() == 0
    finally:
        context.close()
