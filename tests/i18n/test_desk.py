"""Staff see the language a visitor wrote in; notices carry their Spanish text."""

from datetime import date

from app.extensions import db
from app.models import Notice, NoticeTranslation, Submission
from tests.pages import check_page, normalise, page_of
from tests.staff.helpers import submission

NOTICE = {
    "title": "Office closed",
    "body": "Our offices are closed on Friday.",
    "link": "drs-contact",
    "link_text": "Other ways to contact us",
    "starts_on": "2020-01-01",
    "ends_on": "",
    "position": "0",
}
SPANISH = {
    "title_es": "Oficina cerrada",
    "body_es": "Nuestras oficinas están cerradas el viernes.",
    "link_text_es": "Otras formas de comunicarse",
}


def notice_text(client, url, lang):
    page = check_page(client.get(url).get_data(as_text=True), lang)
    for alert in page.select(".site-notice"):
        if "Office closed" in alert.get_text() or "Oficina cerrada" in alert.get_text():
            return alert
    return None


def test_a_notice_with_spanish_text_shows_it_on_spanish_pages(desk, client):
    desk.sign_in_as("admin")
    form = page_of(client.get("/staff/notices/new"))
    legend = form.select_one("fieldset.desk-translation legend")
    assert legend.get_text(strip=True) == "In Spanish"
    assert form.find("input", id="title_es")["lang"] == "es"
    assert form.find("textarea", id="body_es")["lang"] == "es"
    assert desk.post("/staff/notices/new", NOTICE | SPANISH).status_code == 303

    alert = notice_text(client, "/es/", "es")
    assert normalise(alert.p.get_text()) == (
        "Oficina cerrada – Nuestras oficinas están cerradas el viernes. Otras formas de comunicarse"
    )
    assert alert.select("[lang]") == []  # all of it is in the page's language
    assert alert.find("a")["href"] == "/es/salir/drs-contact"
    english = notice_text(client, "/", "en")
    assert "Office closed" in english.get_text()
    assert "Oficina" not in english.get_text()


def test_a_notice_without_spanish_shows_its_english_marked_as_english(desk, client):
    desk.sign_in_as("admin")
    assert desk.post("/staff/notices/new", NOTICE).status_code == 303
    alert = notice_text(client, "/es/privacidad", "es")
    words = alert.select_one("span[lang=en]")
    assert normalise(words.get_text()) == "Office closed – Our offices are closed on Friday."
    link = alert.find("a")
    assert link["lang"] == "en"
    assert link.get_text() == "Other ways to contact us"


def test_a_notice_without_link_text_says_more_information_in_the_page_language(app, client):
    with app.app_context():
        notice = Notice(
            title="Closed", body="Closed today.", link="drs-contact", starts_on=date(2020, 1, 1)
        )
        notice.translations.append(
            NoticeTranslation(language="es", title="Cerrado", body="Hoy cerrado.")
        )
        db.session.add(notice)
        db.session.commit()
    page = check_page(client.get("/es/").get_data(as_text=True), "es")
    assert "Más información" in [a.get_text() for a in page.select(".site-notice a")]


def test_editing_a_notice_shows_changes_and_removes_its_spanish(app, desk, client):
    desk.sign_in_as("admin")
    desk.post("/staff/notices/new", NOTICE | SPANISH)
    with app.app_context():
        notice_id = db.session.scalar(db.select(Notice.id).where(Notice.title == "Office closed"))
    form = page_of(client.get(f"/staff/notices/{notice_id}"))
    assert form.find("input", id="title_es")["value"] == "Oficina cerrada"
    assert form.find("textarea", id="body_es").get_text() == SPANISH["body_es"]
    changed = SPANISH | {"title_es": "Oficina cerrada hoy"}
    assert desk.post(f"/staff/notices/{notice_id}", NOTICE | changed).status_code == 303
    assert "Oficina cerrada hoy" in notice_text(client, "/es/", "es").get_text()
    cleared = {"title_es": "", "body_es": "", "link_text_es": ""}
    assert desk.post(f"/staff/notices/{notice_id}", NOTICE | cleared).status_code == 303
    with app.app_context():
        assert db.session.scalars(db.select(NoticeTranslation)).all() != []  # the seeded ones
        assert db.session.get(Notice, notice_id).translations == []
    assert notice_text(client, "/es/", "es").select_one("span[lang=en]") is not None


def test_spanish_title_and_text_go_together(desk, client):
    desk.sign_in_as("admin")
    assert desk.post("/staff/notices/new", NOTICE | {"title_es": "Solo título"}).status_code == 303
    page = page_of(client.get("/staff/notices/new"))
    summary = [(a["href"], a.get_text()) for a in page.select(".site-error-summary a")]
    assert summary == [("#body_es", "Enter the text in Spanish, or leave the Spanish title empty")]
    assert page.find("input", id="title_es")["value"] == "Solo título"  # nothing lost
    long = NOTICE | {"title_es": "x" * 121, "body_es": "y"}
    desk.post("/staff/notices/new", long)
    page = page_of(client.get("/staff/notices/new"))
    assert [a["href"] for a in page.select(".site-error-summary a")] == ["#title_es"]


def test_the_seeded_notices_have_their_spanish(app):
    with app.app_context():
        titles = {t.notice.title: t.title for t in db.session.scalars(db.select(NoticeTranslation))}
    assert titles == {
        "NEW Highway Use Fee": "NUEVO Cargo por Uso de Carreteras",
        "IMPORTANT INFORMATION": "INFORMACIÓN IMPORTANTE",
    }


# The submission's language ---------------------------------------------------------------


def test_a_message_sent_from_the_english_form_is_english(app, client):
    from tests.support.visitor import Visitor

    assert Visitor(client).send().status_code == 303
    with app.app_context():
        assert db.session.scalar(db.select(Submission.language)) == "en"


def test_inbox_filters_by_language_and_shows_it(app, desk, client):
    english = submission(app, "A question")
    spanish = submission(app, "Una pregunta", language="es")
    desk.sign_in_as()
    page = page_of(client.get("/staff/"))
    options = [(o["value"], o.get_text()) for o in page.select("select#language option")]
    assert options == [("", "Any language"), ("en", "English"), ("es", "Spanish")]
    rows = {
        tr.th.get_text(strip=True): tr.find_all("td")[-1].get_text(strip=True)
        for tr in page.select("tbody tr")
    }
    assert rows == {english: "English", spanish: "Spanish"}
    page = page_of(client.get("/staff/?language=es"))
    assert [a.get_text() for a in page.select("table a.site-reference")] == [spanish]
    assert page.select_one("select#language option[selected]")["value"] == "es"
    page = page_of(client.get("/staff/?language=en"))
    assert [a.get_text() for a in page.select("table a.site-reference")] == [english]
    page = page_of(client.get("/staff/?language=xx"))  # not a language: no filter
    assert len(page.select("table a.site-reference")) == 2


def test_the_reply_form_says_the_visitor_wrote_in_spanish(app, desk, client):
    spanish = submission(app, "Una pregunta", language="es")
    english = submission(app, "A question")
    desk.sign_in_as()
    page = page_of(client.get(f"/staff/messages/{spanish}"))
    note = page.select_one("#body-language")
    assert note.get_text(strip=True) == "The visitor wrote in Spanish."
    assert "body-language" in page.find("textarea", id="body")["aria-describedby"].split()
    assert page.html["lang"] == "en"  # the desk stays in English
    page = page_of(client.get(f"/staff/messages/{english}"))
    assert page.select_one("#body-language") is None


def test_the_reply_to_a_spanish_message_has_a_spanish_subject(app, desk, client):
    spanish = submission(app, "Una pregunta", language="es")
    english = submission(app, "A question")
    desk.sign_in_as()
    page = page_of(client.get(f"/staff/messages/{spanish}"))
    subject = f"Su mensaje al Departamento de Servicios de Impuestos ({spanish})"
    assert subject in page.select_one("#body-hint").get_text()
    for reference in (spanish, english):
        data = {"body": "Gracias. / Thank you.", "action": "send"}
        assert desk.post(f"/staff/messages/{reference}/reply", data).status_code == 303
    sent = app.extensions["mailman"].outbox
    assert [m.subject for m in sent] == [
        subject,
        f"Your message to the Department of Revenue Services ({english})",
    ]
