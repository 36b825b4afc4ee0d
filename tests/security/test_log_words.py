"""Items 11 and 12: what the application log and the statistics page write about URLs.

11. An unhandled error was logged with its URL ("Unhandled … on POST
    /staff/messages/DRS-…/reply"), which names a message: the route pattern is logged.
12. The statistics page showed error URLs encoded twice (`/%253Cscript…`).
"""

import logging

from tests.pages import normalise, page_of
from tests.staff.helpers import submission


def test_an_unhandled_error_is_logged_by_route_not_url(app, desk, caplog, monkeypatch):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    reference = submission(app)
    desk.sign_in_as("reader")

    def broken(*_args, **_kwargs):
        raise RuntimeError("mail system exploded")

    monkeypatch.setattr("app.staff.views.send_reply", broken)
    with caplog.at_level(logging.ERROR):
        response = desk.post(f"/staff/messages/{reference}/reply", {"body": "Thanks for writing"})
    assert response.status_code == 500
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Unhandled RuntimeError" in logged
    assert "POST /staff/messages/<reference>/reply" in logged
    assert reference not in logged
    assert reference.lower() not in logged.lower()


def test_an_unhandled_error_without_a_route_names_no_path(app, client, caplog):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def broken(_error):
        raise RuntimeError("error page exploded")

    app.register_error_handler(404, broken)
    with caplog.at_level(logging.ERROR):
        client.get("/no-such-page/DRS-ABCD-EFGH")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "DRS-ABCD-EFGH" not in logged


def test_error_urls_are_shown_as_requested_not_encoded_twice(desk, client):
    client.get("/<script>alert(1)</script>").close()
    client.get("/a%20b/100%25").close()
    desk.sign_in_as("reader")
    text = normalise(page_of(client.get("/staff/statistics")).get_text(" "))
    assert "/%3Cscript%3Ealert(1)%3C/script%3E" in text
    assert "/a%20b/100%25" in text
    assert "%253C" not in text
    assert "%2520" not in text
