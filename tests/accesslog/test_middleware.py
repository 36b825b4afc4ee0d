"""Every request is logged — pages, files, errors — and nothing a visitor sends is."""

import urllib.request

import pytest
from flask import request

from tests.support.logs import logged_fields, logged_lines


def test_a_page_request_is_one_line_with_the_policy_fields(app, fetch):
    response = fetch(
        "/privacy",
        headers={"User-Agent": "Mozilla/5.0 (X11) Firefox/120.0", "Referer": "https://ct.gov/"},
    )
    [line] = logged_fields(app)
    assert line["sc-status"] == "200"
    assert line["cs-uri-stem"] == "/privacy"
    assert line["cs-uri-query"] == "-"
    assert line["c-ip"] == "127.0.0.1"
    assert int(line["sc-bytes"]) == len(response.get_data())
    assert line["cs-bytes"] == "0"
    assert line["cs(User-Agent)"] == "Mozilla/5.0 (X11) Firefox/120.0"
    assert line["cs(Referer)"] == "https://ct.gov/"
    assert line["cs-version"] == "HTTP/1.1"
    assert len(line["date"]) == 10
    assert len(line["time"]) == 8


def test_files_redirects_and_errors_are_logged_too(app, fetch):
    fetch("/static/css/site.css")
    fetch("/no-such-page")
    fetch("/privacy", method="DELETE")
    statuses = [(f["cs-uri-stem"], f["sc-status"]) for f in logged_fields(app)]
    assert statuses == [
        ("/static/css/site.css", "200"),
        ("/no-such-page", "404"),
        ("/privacy", "405"),
    ]


def test_an_exception_that_escapes_the_app_is_logged_as_500(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = True

    @app.get("/boom")
    def boom():
        raise RuntimeError("a message that must not be logged")

    with pytest.raises(RuntimeError):
        client.get("/boom")
    [line] = logged_lines(app)
    assert " 500 /boom " in line
    assert "message" not in line


def test_a_posted_body_never_reaches_the_log_but_its_size_does(app, fetch):
    app.config["WTF_CSRF_ENABLED"] = False

    seen = {}

    @app.post("/echo")
    def echo():
        seen["length"] = request.content_length
        return request.form["message"]

    body = {"message": "My SSN is 123-45-6789, write to pat@example.com"}
    response = fetch("/echo?ref=DRS-12345&email=pat@example.com", method="POST", data=body)
    assert response.get_data(as_text=True) == body["message"]
    [raw] = logged_lines(app)
    for secret in ("123", "6789", "pat", "example", "SSN", "DRS-", "ref", "email"):
        assert secret not in raw
    [line] = logged_fields(app)
    assert int(line["cs-bytes"]) == seen["length"] > len(body["message"])
    assert line["cs-uri-query"] == "-"


def test_query_strings_keep_only_our_own_parameters(app, fetch):
    app.config["ACCESS_LOG_QUERY_PARAMS"] = ("page",)
    fetch("/?page=2&q=my+name+is+Pat&ssn=123456789")
    fetch("/?Pat+Smith")
    assert [f["cs-uri-query"] for f in logged_fields(app)] == ["page=2", "-"]


def test_long_digit_runs_in_paths_are_redacted(app, fetch):
    fetch("/search/123-45-6789")
    fetch("/leaving/06-1234567")
    fetch("/page/2")
    stems = [f["cs-uri-stem"] for f in logged_fields(app)]
    assert stems == ["/search/-redacted-", "/leaving/-redacted-", "/page/2"]


def test_message_references_in_desk_urls_are_redacted(app, fetch):
    fetch("/staff/messages/DRS-7K3Q-9MPX")
    fetch("/staff/messages/drs-7k3q-9mpx/reply")
    stems = [f["cs-uri-stem"] for f in logged_fields(app)]
    assert stems == ["/staff/messages/-reference-", "/staff/messages/-reference-/reply"]


def test_referrers_lose_their_query_strings(app, fetch):
    fetch("/", headers={"Referer": "https://search.example/results?q=123-45-6789+Pat#top"})
    fetch("/", headers={"Referer": "javascript:alert(1)"})
    assert [f["cs(Referer)"] for f in logged_fields(app)] == ["https://search.example/results", "-"]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "127.0.0.1"),  # no trusted proxy: the header is ignored
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # the client forged the first
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (2, "203.0.113.7", "127.0.0.1"),  # fewer hops than proxies: not trusted
        (1, "not-an-address", "-"),
        (1, "[2001:db8::1]:443", "2001:db8::1"),
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(app, fetch, proxies, forwarded, expected):
    app.config["TRUSTED_PROXIES"] = proxies
    fetch("/", headers={"X-Forwarded-For": forwarded})
    assert logged_fields(app)[0]["c-ip"] == expected


def test_server_ip_comes_from_the_listening_socket(app, live_server):
    with urllib.request.urlopen(live_server.url + "/privacy") as response:
        response.read()
    live_server.server.shutdown()
    [line] = logged_fields(app)
    assert line["s-ip"] == "127.0.0.1"
    assert line["cs-version"] == "HTTP/1.1"


def test_a_failing_log_never_breaks_the_response(app, client, caplog):
    blocker = app.extensions["accesslog"].path.parent / "file"
    blocker.parent.mkdir(parents=True)
    blocker.write_text("not a folder")
    app.extensions["accesslog"].path = blocker / "access.log"
    response = client.get("/", buffered=True)
    assert response.status_code == 200
    assert "Access log not written: FileExistsError" in caplog.text
