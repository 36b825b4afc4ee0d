"""The security baseline: exact headers on every response."""

import pytest

EXPECTED = {
    "Content-Security-Policy": (
        "default-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@pytest.mark.parametrize(
    "url", ["/", "/privacy", "/leaving/myconnect", "/missing", "/contact", "/staff/sign-in"]
)
def test_baseline_headers_are_exact(client, url):
    response = client.get(url)
    for name, value in EXPECTED.items():
        assert response.headers[name] == value
    assert "Server" not in response.headers
    assert "Strict-Transport-Security" not in response.headers


def test_hsts_only_over_https(client):
    response = client.get("/", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_hsts_can_be_turned_off(app):
    app.config["HSTS_SECONDS"] = 0
    response = app.test_client().get("/", base_url="https://localhost")
    assert "Strict-Transport-Security" not in response.headers


def test_static_files_carry_the_headers_too(client):
    with client.get("/static/css/site.css") as response:
        assert response.status_code == 200
        assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("url", ["/contact", "/staff/sign-in", "/staff/", "/healthz"])
def test_form_and_staff_pages_are_never_stored(client, url):
    assert client.get(url).headers["Cache-Control"] == "no-store"
