"""Error pages: in the site's look, in plain words, and nothing internal."""

import logging

from app.extensions import db
from app.models import Submission
from tests.pages import check_page


def test_an_unexpected_error_is_a_plain_500_and_the_log_holds_only_its_type(make_app, caplog):
    app = make_app()
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/explode")
    def explode():
        raise ValueError("visitor text: Zebra-Canary 219-56-7788")

    caplog.set_level(logging.DEBUG)
    response = app.test_client().get("/explode")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    page = check_page(body)
    assert page.h1.get_text() == "Sorry, there is a problem with the service"
    assert "Traceback" not in body
    assert "ValueError" not in body
    assert "Zebra" not in body
    assert "Unhandled ValueError at test_errors.py" in caplog.text
    assert "Zebra" not in caplog.text
    assert "219-56-7788" not in caplog.text


def test_413_page_in_plain_words(app, client):
    response = client.post("/contact", data={"message": "x" * 300_000})
    assert response.status_code == 413
    page = check_page(response.get_data(as_text=True))
    assert page.h1.get_text() == "What you sent is too large"
    assert "Messages can be up to 5,000 characters" in page.get_text()
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Submission)) == 0
