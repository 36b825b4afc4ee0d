"""Item 3: a stored message could be matched with its access-log line.

`cs-bytes` of the `POST /contact` line followed from the message staff read, and
submission ids (and the inbox's order within a day) followed arrival order. Now every
/contact line has `-` for cs-bytes, ids are random, and within a day the inbox orders
by the random reference. `sc-bytes` of the warning page (which shows the message with its
numbers masked) grew with the message the same way, so /contact lines withhold it too.
"""

from bs4 import BeautifulSoup
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.models import Submission
from tests.pages import page_of
from tests.staff.helpers import submission
from tests.support.logs import logged_fields
from tests.support.visitor import Visitor


def test_no_contact_line_gives_its_request_size(app):
    client = app.test_client()
    visitor = Visitor(client)
    # a message with identifiers: form, warning page, send as written, confirmation
    response = visitor.send(message="Hello, my SSN is 219-56-7788 and more words " * 5)
    response.close()
    sent = visitor.resubmit(response, action="as_written")
    sent.close()
    assert sent.status_code == 303
    client.get("/contact/sent").close()
    plain = visitor.send(message="A short message")
    plain.close()
    assert plain.status_code == 303
    lines = [f for f in logged_fields(app) if f["cs-uri-stem"].startswith("/contact")]
    posts = [f for f in lines if f["sc-status"] in ("200", "303") and f["cs-bytes"] != "0"]
    assert len(lines) >= 5
    assert {f["cs-bytes"] for f in lines} == {"-"}, posts


def test_no_contact_line_gives_the_size_of_the_page_it_sent(app):
    client = app.test_client()
    for words in (5, 60):
        visitor = Visitor(client)
        response = visitor.send(message="Hello, my SSN is 219-56-7788 and more words " * words)
        response.close()
        assert response.status_code == 303
        client.get(response.headers["Location"]).close()  # the warning page, by GET
    lines = [f for f in logged_fields(app) if f["cs-uri-stem"].startswith("/contact")]
    warning_pages = [f for f in lines if f["cs-uri-stem"] != "/contact" and f["sc-status"] == "200"]
    assert len(warning_pages) == 2
    assert {f["sc-bytes"] for f in lines} == {"-"}


def test_ids_and_inbox_order_do_not_follow_arrival(app, desk, client):
    arrived = [submission(app, f"Question number {n}") for n in range(30)]
    with app.app_context():
        rows = list(db.session.scalars(select(Submission)))
        by_reference = {s.reference: s.id for s in rows}
    ids = [by_reference[r] for r in arrived]
    assert ids != sorted(ids)
    assert ids != sorted(ids, reverse=True)
    desk.sign_in_as("reader")
    shown = []
    for number in (1, 2):
        page = page_of(client.get(f"/staff/?page={number}"))
        shown += [a.get_text() for a in page.select("table a.site-reference")]
    # all arrived today: the order is the references', which say nothing of arrival
    assert shown == sorted(arrived)


def test_a_message_in_another_language_is_logged_like_any_other(app):
    """The desk shows each message's language. Lines saying `/es/contacto` (or a referrer
    pointing there) would single out a day's only Spanish message and give its address:
    every contact path, and a referrer to one, is logged by its English path."""
    client = app.test_client()
    form = client.get("/es/contacto", headers={"Referer": "http://localhost/es/"})
    page = BeautifulSoup(form.get_data(as_text=True), "html.parser")
    token = page.find("input", attrs={"name": "csrf_token"})["value"]
    data = {"csrf_token": token, "email": "pat@example.com", "topic": "general"}
    data["message"] = "Hola, mi número de Seguro Social es 219-56-7788, gracias"
    here = {"Referer": "http://localhost/es/contacto"}
    warned = client.post("/es/contacto", data=data, headers=here)
    warned.close()  # a line is written when its response is closed
    assert warned.status_code == 303
    check = warned.headers["Location"]
    page = BeautifulSoup(client.get(check, headers=here).get_data(as_text=True), "html.parser")
    choice = [(f["name"], f.get("value", "")) for f in page.select("form[method=post] input")]
    choice = [(n, v) for n, v in choice if n != "action"] + [("action", "as_written")]
    sent = client.post(
        check, data=MultiDict(choice), headers={"Referer": f"http://localhost{check}"}
    )
    sent.close()
    assert sent.status_code == 303
    done = sent.headers["Location"]
    confirmation = client.get(done, headers={"Referer": f"http://localhost{check}"})
    confirmation.close()
    assert confirmation.status_code == 200
    asset = {"Referer": f"http://localhost{done}"}
    client.get("/static/css/site.css", headers=asset).close()
    lines = logged_fields(app)
    written = " ".join(f"{f['cs-uri-stem']} {f['cs(Referer)']}" for f in lines)
    assert "contacto" not in written
    assert "enviado" not in written
    assert "revisar" not in written
    stems = [f["cs-uri-stem"] for f in lines]
    assert stems.count("/contact") == 2  # the form (GET) and the send (POST)
    assert stems.count("/contact/check") == 2  # the warning page and the choice
    assert "/contact/sent" in stems
