"""The contact form, end to end: its log lines hold no message, reference or e-mail."""

from bs4 import BeautifulSoup

from tests.support.logs import logged_fields, logged_lines


def test_a_contact_submission_logs_no_message_reference_or_email(app, fetch):
    form = fetch("/contact")
    token = BeautifulSoup(form.get_data(as_text=True), "html.parser").find(
        "input", attrs={"name": "csrf_token"}
    )["value"]
    typed = {
        "name": "Pat Quimby",
        "email": "pat.quimby@example.com",
        "topic": "general",
        "message": "Zanzibar question about my refund, SSN 234-56-7891",
        "csrf_token": token,
    }
    # The form warns about the number (a page reached by GET); the visitor sends as written.
    warned = fetch("/contact", method="POST", data=typed)
    assert warned.status_code == 303
    assert warned.headers["Location"] == "/contact/check"
    check = BeautifulSoup(fetch("/contact/check").get_data(as_text=True), "html.parser")
    form = check.find("form", method="post")
    fields = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("name") and field.get("type") not in ("checkbox", "radio", "submit")
    }
    sent = fetch(form["action"], method="POST", data={**fields, "action": "as_written"})
    assert sent.status_code == 303
    assert sent.headers["Location"].endswith("/contact/sent")
    confirmation = fetch("/contact/sent")
    page = BeautifulSoup(confirmation.get_data(as_text=True), "html.parser")
    reference = page.find(class_="site-reference").get_text().strip()
    assert reference

    log = "\n".join(logged_lines(app))
    for secret in (reference, "Quimby", "pat.quimby", "example.com", "Zanzibar", "7891"):
        assert secret not in log
    contact = [(f["cs-uri-stem"], f["sc-status"], f["cs-uri-query"]) for f in logged_fields(app)]
    assert contact[0] == ("/contact", "200", "-")
    assert contact[-2:] == [(form["action"], "303", "-"), ("/contact/sent", "200", "-")]
