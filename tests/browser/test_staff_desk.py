"""The staff desk in real Chromium: enrol, sign in with a code, read, reply; axe on each."""

import time

import pyotp
import pytest
from playwright.sync_api import expect

from app.auth import accounts
from app.contact.service import store_submission
from app.extensions import db
from app.models import AuditEvent
from tests.support.desk import PASSWORD

pytestmark = pytest.mark.browser

SSN = "219-56-7788"


@pytest.fixture
def reference(app) -> str:
    with app.app_context():
        accounts.create("admin@drs.example", "admin", PASSWORD)
        return store_submission(
            topic="general",
            name="Pat Visitor",
            email="pat@example.com",
            message=f"My SSN is {SSN}. When is the sales tax holiday?",
            choice="sent_as_written",
            kinds=["ssn"],
        ).reference


def sign_in(page, url, code=""):
    page.goto(url + "/staff/sign-in")
    page.get_by_label("E-mail address").fill("admin@drs.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Security code").fill(code)
    page.get_by_role("button", name="Sign in").click()


def test_enrol_sign_in_read_and_reply(app, live_server, page, axe_check, reference):
    url = live_server.url
    page.goto(url + "/staff/")
    assert page.url.startswith(url + "/staff/sign-in")
    axe_check(page)

    # first sign-in: set up the code app from the key on the page
    sign_in(page, url)
    # count() does not wait: expect() waits for the new page before counting
    expect(page).to_have_url(url + "/staff/sign-in/set-up")
    expect(page.locator("svg[role=img]")).to_have_count(1)
    axe_check(page)
    secret = page.locator("#totp-key").inner_text().replace(" ", "")
    totp = pyotp.TOTP(secret)
    page.get_by_label("Security code from your app").fill(totp.now())
    page.get_by_role("button", name="Finish setting up").click()
    expect(page.locator("h1")).to_have_text("Inbox")

    # sign out, then in again with a fresh code (the one used at set-up is spent)
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator("main")).to_contain_text("You have signed out")
    sign_in(page, url, totp.at(time.time() + 30))
    expect(page.locator("h1")).to_have_text("Inbox")
    axe_check(page)

    page.get_by_role("link", name=reference).click()
    expect(page.locator("#message-text")).to_contain_text("My SSN is ***-**-7788.")
    assert SSN not in page.content()
    axe_check(page)

    # reveal, with a reason (the details element opens without JavaScript too)
    page.locator("summary", has_text="Reveal the masked numbers").click()
    page.get_by_label("Why do you need to see the numbers?").fill("Checking the visitor's record")
    page.get_by_role("button", name="Reveal the numbers").click()
    expect(page.locator("#message-text")).to_contain_text(SSN)
    assert page.url.endswith(f"/staff/messages/{reference}/revealed")
    axe_check(page)
    # a reload shows them masked again, with no resubmission and no second audit event
    page.reload()
    expect(page.locator("#message-text")).to_contain_text("My SSN is ***-**-7788.")
    expect(page.locator("main")).to_contain_text("The numbers are masked again")
    assert SSN not in page.content()
    axe_check(page)
    with app.app_context():
        revealed = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "revealed")
        ).all()
    assert len(revealed) == 1
    page.get_by_role("link", name="Back to the inbox").click()
    page.get_by_role("link", name=reference).click()
    page.get_by_label("Your reply").fill(f"We have your number {SSN} on file.")
    page.get_by_role("button", name="Send reply").click()
    expect(page.locator("h1")).to_have_text("Your reply may include tax identifiers")
    assert page.url.endswith(f"/staff/messages/{reference}/reply/check")
    axe_check(page)
    # a page of its own: Reload shows it again and posts nothing
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.reload()
    expect(page.locator("h1")).to_have_text("Your reply may include tax identifiers")
    assert posts == []
    page.get_by_role("button", name="Edit", exact=True).click()
    expect(page.get_by_label("Your reply")).to_have_value(f"We have your number {SSN} on file.")
    expect(page.get_by_label("Your reply")).to_be_focused()
    page.get_by_label("Your reply").fill("The sales tax holiday is in August.")
    page.get_by_role("button", name="Send reply").click()
    expect(page.locator("main")).to_contain_text("Your reply was sent")
    [sent] = app.extensions["mailman"].outbox
    assert sent.to == ["pat@example.com"]
    assert sent.body == "The sales tax holiday is in August."

    page.get_by_role("link", name="Audit log").click()
    expect(page.locator("h1")).to_have_text("Audit log")
    axe_check(page)
    for link, heading in (
        ("Site notices", "Site notices"),
        ("Create a notice", "Create a notice"),
        ("Your account", "Your account"),
    ):
        page.get_by_role("link", name=link).click()
        expect(page.locator("h1")).to_have_text(heading)
        axe_check(page)


@pytest.mark.usefixtures("reference")  # the account signing in
def test_wrong_code_and_lock_pages_pass_axe(live_server, page, axe_check):
    sign_in(page, live_server.url, "000000")
    expect(page.locator(".site-error-summary")).to_contain_text("is not right")
    axe_check(page)
