"""The contact flow in Spanish, without JavaScript: every page and state in Spanish, the
detector's words in Spanish, and the message stored with its language."""

import pytest
from bs4 import BeautifulSoup
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.models import Submission
from tests.i18n.spanish import english_words, visible_text
from tests.pages import check_page, normalise

SSN = "412-08-4399"


class SpanishVisitor:
    """A visitor on /es/contacto the way a browser without JavaScript would use it."""

    def __init__(self, client):
        self.client = client

    def get(self, url: str, status: int = 200):
        response = self.client.get(url)
        assert response.status_code == status, (url, response.status_code)
        page = check_page(response.get_data(as_text=True), "es")
        assert english_words(visible_text(page, "es")) == [], url
        return page

    def send(self, **fields):
        form = self.get("/es/contacto")
        data = {"email": "pat@example.com", "topic": "general", "message": "Hola"}
        data.update(fields)
        data["csrf_token"] = form.find("input", attrs={"name": "csrf_token"})["value"]
        data["send_key"] = form.find("input", attrs={"name": "send_key"})["value"]
        return self.client.post("/es/contacto", data=data)

    def press(self, page: BeautifulSoup, **buttons):
        form = page.find("form", method="post")
        data = [
            (field["name"], field.get("value", ""))
            for field in form.find_all("input")
            if field.get("name") and field.get("type") != "checkbox"
        ]
        data += list(buttons.items())
        return self.client.post(form["action"], data=MultiDict(data))


@pytest.fixture
def spanish(client):
    return SpanishVisitor(client)


def test_the_spanish_form_is_in_spanish_and_links_to_the_english(spanish):
    page = spanish.get("/es/contacto")
    assert page.h1.get_text() == "Contáctenos"
    assert page.find("form", method="post")["action"] == "/es/contacto"
    link = page.select_one("nav.site-nav a[hreflang]")
    assert (link["href"], link["lang"]) == ("/contact", "en")
    labels = [normalise(label.get_text()) for label in page.select("form label")]
    assert "Su dirección de correo electrónico" in labels
    assert "Mi propia cuenta tributaria o una carta del DRS" in labels
    count = normalise(page.select_one("#message-count").get_text())
    assert count == "Puede escribir hasta 5.000 caracteres"
    words = page.select_one("script#contact-words")
    assert '"language": "es"' in words.get_text()
    assert "Su mensaje puede incluir {findings}" in words.get_text()


def test_errors_are_in_spanish_and_nothing_typed_is_lost(spanish):
    response = spanish.send(email="not an address", message="")
    assert response.status_code == 303
    assert response.headers["Location"] == "/es/contacto"
    page = spanish.get("/es/contacto")
    assert page.title.get_text().startswith("Error: Contáctenos")
    summary = [normalise(a.get_text()) for a in page.select(".site-error-summary a")]
    assert summary == [
        "Escriba una dirección de correo electrónico con el formato correcto, "
        "como nombre@ejemplo.com",
        "Escriba su mensaje",
    ]
    assert page.find("input", id="email")["value"] == "notanaddress"  # spaces dropped


def test_warning_remove_and_confirmation_in_spanish(app, spanish):
    response = spanish.send(message=f"Mi número de seguro social es {SSN}, gracias")
    assert response.headers["Location"] == "/es/contacto/revisar"
    page = spanish.get("/es/contacto/revisar")
    assert normalise(page.h1.get_text()) == "Su mensaje puede incluir un número de Seguro Social"
    assert page.title.get_text().startswith("Su mensaje puede incluir")
    box = normalise(page.select_one(".usa-checkbox__label").get_text(" "))
    assert box == "Esto no es un número de Seguro Social Termina en 4399, en su mensaje"
    preview = normalise(page.select_one("#preview").get_text())
    assert preview == ("Mi número de seguro social es [número de Seguro Social eliminado], gracias")
    buttons = [b.get_text(strip=True) for b in page.select(".site-choices button")]
    assert buttons == [
        "Quitar los números y enviar",
        "Enviar mi mensaje como está escrito",
        "Volver y corregir",
    ]
    response = spanish.press(page, action="remove")
    assert response.headers["Location"] == "/es/contacto/enviado"
    page = spanish.get("/es/contacto/enviado")
    assert page.h1.get_text() == "Mensaje enviado"
    made = normalise(page.select_one(".site-choice-made").get_text())
    assert made == "Quitamos el número antes de enviar su mensaje."
    with app.app_context():
        stored = db.session.scalar(db.select(Submission))
        assert stored.language == "es"
        assert stored.message == (
            "Mi número de seguro social es [número de Seguro Social eliminado], gracias"
        )


def test_go_back_and_edit_shows_the_finding_in_spanish(spanish):
    spanish.send(message=f"Mi SSN: {SSN}")
    page = spanish.get("/es/contacto/revisar")
    response = spanish.press(page, action="edit")
    assert response.headers["Location"] == "/es/contacto"
    page = spanish.get("/es/contacto")
    hint = normalise(page.select_one("#message-findings-text").get_text())
    assert hint == (
        "Su mensaje puede incluir un número de Seguro Social que termina en 4399. "
        "Quítelo antes de enviar, o se lo volveremos a preguntar."
    )


def test_send_as_written_with_an_account_question_in_spanish(app, spanish):
    spanish.send(message=f"Mi SSN: {SSN}", topic="account")
    page = spanish.get("/es/contacto/revisar")
    spanish.press(page, action="as_written")
    page = spanish.get("/es/contacto/enviado")
    assert "Si envió un número tributario por error" in page.get_text()
    notice = page.select_one("#account-notice-heading").get_text()
    assert notice.startswith("No podemos responder por correo electrónico")
    with app.app_context():
        assert db.session.scalar(db.select(Submission.language)) == "es"


def test_several_findings_are_listed_in_spanish(spanish):
    spanish.send(message=f"SSN {SSN} y ruta bancaria 011000015")
    page = spanish.get("/es/contacto/revisar")
    assert normalise(page.h1.get_text()) == (
        "Su mensaje puede incluir un número de Seguro Social y un número de ruta bancaria"
    )
    legend = normalise(page.select_one("legend").get_text())
    assert legend == "Encontramos 2 números que pueden ser privados"


def test_a_message_sent_in_english_stays_english(client, visitor):
    response = visitor.send(message=f"My SSN is {SSN}")
    assert response.headers["Location"] == "/contact/check"
    page = check_page(client.get("/contact/check").get_data(as_text=True), "en")
    assert normalise(page.h1.get_text()) == "Your message may include a Social Security number"
    preview = normalise(page.select_one("#preview").get_text())
    assert preview == "My SSN is [Social Security number removed]"


def test_the_access_log_treats_every_language_of_the_form_alike(app):
    """What the log withholds for /contact (query strings, sizes) it withholds for each
    language's contact pages, from the routes themselves: a new language needs no list."""
    from tests.support.logs import logged_fields

    app.config["ACCESS_LOG_NO_QUERY_PATHS"] = ("/contact",)  # English only, as configured
    client = app.test_client()
    paths = [rule.rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("contact.")]
    assert "/es/contacto/revisar" in paths
    for path in sorted(set(paths)):
        client.get(f"{path}?page=2").close()
    lines = [f for f in logged_fields(app) if f["cs-uri-stem"].startswith("/contact")]
    assert len(lines) == len(set(paths))
    for line in lines:
        assert (line["cs-uri-query"], line["sc-bytes"], line["cs-bytes"]) == ("-", "-", "-")


def test_a_request_too_large_for_the_spanish_form_is_answered_in_spanish(client):
    response = client.post("/es/contacto", data={"message": "x" * 200_000})
    assert response.status_code == 413
    page = check_page(response.get_data(as_text=True), "es")
    assert normalise(page.h1.get_text()) == "Lo que envió es demasiado grande"
    assert english_words(visible_text(page, "es")) == []
