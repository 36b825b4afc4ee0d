import pytest
from bs4 import BeautifulSoup
from werkzeug.datastructures import MultiDict

from tests.pages import check_page


class Visitor:
    """A visitor using the contact form the way a browser without JavaScript would."""

    def __init__(self, client):
        self.client = client

    def token(self) -> str:
        page = BeautifulSoup(self.client.get("/contact").get_data(as_text=True), "html.parser")
        return page.find("input", attrs={"name": "csrf_token"})["value"]

    def send(self, csrf=True, **fields):
        data = {"email": "pat@example.com", "topic": "general", "message": "Hello"}
        data.update(fields)
        if csrf:
            data.setdefault("csrf_token", self.token())
        return self.client.post("/contact", data=data)

    def resubmit(self, response, **buttons):
        """Press a button on the page the last response showed (hidden fields carried)."""
        page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        form = page.find("form", action="/contact")
        data = []
        for field in form.find_all(["input", "textarea"]):
            name = field.get("name")
            if not name or (field.get("type") in ("radio",) and not field.has_attr("checked")):
                continue
            value = field.get_text() if field.name == "textarea" else field.get("value", "")
            data.append((name, value))
        data.extend(buttons.items())
        return self.client.post("/contact", data=MultiDict(data))


@pytest.fixture
def visitor(client):
    return Visitor(client)


def page_of(response):
    return check_page(response.get_data(as_text=True))
