"""Behind proxies, the client address comes from the configured number of them only."""

from tests.support.visitor import Visitor


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


def sent(response) -> bool:
    """Sent: on to the confirmation. Limited: back to the form (which says when to retry)."""
    assert response.status_code == 303
    return response.headers["Location"] == "/contact/sent"


def test_trusted_proxy_gives_each_client_its_own_limit(make_app):
    app = make_app(TRUSTED_PROXIES=1, CONTACT_RATE_LIMIT="1 per minute")
    client = app.test_client()
    assert sent(send_from(client, "203.0.113.5"))
    assert not sent(send_from(client, "203.0.113.5"))
    assert sent(send_from(client, "198.51.100.7"))


def test_without_trusted_proxies_the_header_is_ignored(make_app):
    app = make_app(TRUSTED_PROXIES=0, CONTACT_RATE_LIMIT="1 per minute")
    client = app.test_client()
    assert sent(send_from(client, "203.0.113.5"))
    # a forged header does not buy a fresh limit
    assert not sent(send_from(client, "198.51.100.7"))
