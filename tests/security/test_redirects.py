"""Item 9: where sign-in and the exit notice could send a browser.

`next=/staff/../../evil` was accepted (the browser resolves it to /evil: same site, but
outside the desk); `/leaving//myconnect` answered a 308 built from whatever `Host` said.
"""

import pytest

from tests.pages import page_of


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/staff/../../evil", "/staff/"),
        ("/staff/../evil", "/staff/"),
        ("/staff/%2e%2e/evil", "/staff/"),
        ("/staff/.%2E/.%2e/evil", "/staff/"),
        ("/staff/notices/../../../evil?x=1", "/staff/"),
        ("/staff/..%2f..%2fevil", "/staff/"),
        ("/staff/%5c..%5cevil", "/staff/"),
        ("/staff/./notices", "/staff/notices"),
        ("/staff/notices/../audit", "/staff/audit"),
        ("/staff/notices?page=2", "/staff/notices?page=2"),
    ],
)
def test_next_is_normalised_and_stays_in_the_desk(desk, target, expected):
    member = desk.create(role="admin")
    response = desk.sign_in(member.email, code=member.next_code(), next=target)
    assert response.status_code == 303
    assert response.headers["Location"] == expected


def test_the_sign_in_page_does_not_carry_an_escaping_next(client):
    page = page_of(client.get("/staff/sign-in?next=/staff/../../evil"))
    field = page.find("input", attrs={"name": "next"})
    assert field is None or field.get("value") in ("", None)


@pytest.mark.parametrize(
    "path",
    ["/leaving//myconnect", "/leaving///myconnect", "/leaving/myconnect/", "/leaving/./myconnect"],
)
def test_the_exit_notice_answers_only_exact_names(client, path):
    response = client.get("/", environ_overrides={"PATH_INFO": path, "HTTP_HOST": "evil.example"})
    assert response.status_code == 404
    assert "Location" not in response.headers


def test_an_exact_name_still_works(client):
    assert client.get("/leaving/myconnect").status_code == 200
