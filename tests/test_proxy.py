"""Behind proxies, the client address comes from the configured number of them only."""

from tests.contact.conftest import Visitor


def send_from(client, address):
    visitor = Visitor(client)
    return visitor.client.post(
        "/contact",
        data={
            "csrf_token": visitor.token(),
            "email": "pat@example.com",
            "topic": "general",
            "message": "hello",
        },
        headers={"X-Forwarded-For": address},
    )


def test_trusted_proxy_gives_each_client_its_own_limit(make_app):
    app = make_app(TRUSTED_PROXIES=1, CONTACT_RATE_LIMIT="1 per minute")
    client = app.test_client()
    assert send_from(client, "203.0.113.5").status_code == 303
    assert send_from(client, "203.0.113.5").status_code == 429
    assert send_from(client, "198.51.100.7").status_code == 303


def test_without_trusted_proxies_the_header_is_ignored(make_app):
    app = make_app(TRUSTED_PROXIES=0, CONTACT_RATE_LIMIT="1 per minute")
    client = app.test_client()
    assert send_from(client, "203.0.113.5").status_code == 303
    # a forged header does not buy a fresh limit
    assert send_from(client, "198.51.100.7").status_code == 429
