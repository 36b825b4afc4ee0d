"""A fault in the detector never costs a visitor their message nor shows a reader a
number (app/detection.py): the check goes on as if nothing were found, masking masks
every digit, and the log says what failed, never the text."""

import logging

import pytest

from app import detection
from tests.pages import page_of
from tests.staff.helpers import SSN, submission


def _broken(_text):
    # what a fault in app.pii looked like (a digit word looked up that was not one)
    return {}["fourdashfive"]


@pytest.fixture
def broken_detector(monkeypatch):
    monkeypatch.setattr(detection, "scan", _broken)


@pytest.mark.usefixtures("broken_detector")
def test_a_message_is_still_sent_when_the_check_fails(client, visitor, caplog):
    caplog.set_level(logging.INFO)
    canary = "Canary-Broken-Detector"
    sent = visitor.send(name=canary, message=f"{canary} my SSN is {SSN}")
    assert sent.status_code == 303
    assert sent.headers["Location"] == "/contact/sent"
    assert client.get("/contact/sent").status_code == 200
    assert "The tax-number detector failed (KeyError at test_detector_faults.py:" in caplog.text
    assert canary not in caplog.text
    assert "7788" not in caplog.text


def test_masking_fails_closed(app, desk, client, monkeypatch, caplog):
    ref = submission(app, f"My SSN is {SSN}, call 860-555-0134", choice="sent_as_written")
    desk.sign_in_as("reader")
    monkeypatch.setattr(detection, "scan", _broken)
    caplog.set_level(logging.INFO)
    page = client.get(f"/staff/messages/{ref}")
    assert page.status_code == 200
    assert page_of(page).find(id="message-text").get_text() == (
        "My SSN is ***-**-****, call ***-***-****"
    )
    assert "7788" not in page.get_data(as_text=True)
    assert "every digit masked" in caplog.text
    assert "7788" not in caplog.text
