"""The Spanish contact flow in real Chromium, with JavaScript on and off: the live hint
and the character count in Spanish, the warning page, remove, the confirmation; axe
finds nothing on any Spanish page of the flow."""

import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import Submission

pytestmark = pytest.mark.browser

SSN = "219-56-7788"
REMOVED = "[número de Seguro Social eliminado]"


def stored(app):
    with app.app_context():
        return [(s.language, s.message) for s in db.session.scalars(db.select(Submission))]


def fill_form(page, message):
    page.fill("#name", "Pat Visitor")
    page.fill("#email", "pat@example.com")
    page.click("label[for=topic-3]")
    page.fill("#message", message)


def test_live_hint_and_remove_in_spanish(live_server, page, axe_check):
    page.goto(live_server.url + "/es/contacto")
    assert page.evaluate("document.documentElement.lang") == "es"
    axe_check(page)
    page.locator("#message").press_sequentially(f"Mi número es {SSN}")
    hint = page.locator("#message-findings")
    expect(hint).to_be_visible(timeout=1000)
    expect(hint).to_contain_text(
        "Su mensaje puede incluir un número de Seguro Social que termina en 7788. "
        "Puede quitarlo ahora"
    )
    expect(page.locator("#message-count")).to_have_text("Quedan 4.976 caracteres")
    axe_check(page)
    page.get_by_role("button", name="Quitarlo").click()
    assert page.input_value("#message") == f"Mi número es {REMOVED}"
    expect(page.locator("#message-status")).to_have_text(
        "Su mensaje ya no incluye un número tributario."
    )
    expect(hint).to_be_hidden()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_warning_remove_and_confirmation_in_spanish(
    browser, live_server, app, axe_check, javascript
):
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/es/contacto")
        fill_form(page, f"Mi seguro social es {SSN}, gracias")
        page.get_by_role("button", name="Enviar mensaje").click()
        page.wait_for_url(live_server.url + "/es/contacto/revisar")
        expect(page.locator("h1")).to_have_text(
            "Su mensaje puede incluir un número de Seguro Social"
        )
        expect(page.locator("#preview")).to_have_text(f"Mi seguro social es {REMOVED}, gracias")
        if javascript:  # axe runs in the page: it needs JavaScript (the pages are the same)
            axe_check(page)
        page.get_by_role("button", name="Quitar los números y enviar").click()
        page.wait_for_url(live_server.url + "/es/contacto/enviado")
        expect(page.locator("h1")).to_have_text("Mensaje enviado")
        expect(page.locator(".site-choice-made")).to_have_text(
            "Quitamos el número antes de enviar su mensaje."
        )
        if javascript:
            axe_check(page)
        assert stored(app) == [("es", f"Mi seguro social es {REMOVED}, gracias")]
    finally:
        context.close()


def test_errors_in_spanish_have_no_accessibility_violations(live_server, page, axe_check):
    page.goto(live_server.url + "/es/contacto")
    page.get_by_role("button", name="Enviar mensaje").click()
    page.wait_for_url(live_server.url + "/es/contacto")
    expect(page.locator(".site-error-summary h2")).to_have_text("Hay un problema")
    axe_check(page)
