"""Item 2: a reader recovered a masked SSN through the inbox search, one digit at a time.

The inbox search read the unmasked text, so `?q=0-7788`, `?q=1-7788`, … told a reader
which digit came before the last four they were shown: an SSN in 25 queries, nothing
audited. Search now sees only what the desk shows, for every role.
"""

import pytest

from tests.pages import page_of
from tests.staff.helpers import SSN, submission


def found(client, query: str) -> list[str]:
    page = page_of(client.get("/staff/", query_string={"q": query}))
    return [a.get_text() for a in page.select("table a.site-reference")]


@pytest.mark.parametrize("role", ["reader", "admin"])
def test_digits_only_the_unmasked_text_holds_find_nothing(app, desk, client, role):
    reference = submission(
        app,
        f"My SSN is {SSN}, please check my refund",
        name=f"Pat {SSN}",
        choice="sent_as_written",
        kinds=["ssn"],
    )
    desk.sign_in_as(role)
    # what the desk shows can be found ...
    assert found(client, "7788") == [reference]
    assert found(client, "refund") == [reference]
    # ... what it masks cannot: the attack, digit by digit, and the whole number
    hits = [digit for digit in "0123456789" if found(client, f"{digit}-7788")]
    assert hits == []
    assert found(client, SSN) == []
    assert found(client, "219") == []
    assert found(client, "219567788") == []
    assert found(client, "56-7788") == []
